WITH limits AS (
    SELECT UNNEST({{ thresholds }}) AS threshold
)
SELECT
    o.order_id AS entity_id,
    [o.order_id] AS record_ids,
    (CAST(l.threshold AS DOUBLE) - CAST(o.amount_eur AS DOUBLE)) / l.threshold AS value,
    o.creditor_id,
    o.amount_eur,
    o.procedure,
    CAST(l.threshold AS DOUBLE) AS threshold,
    (CAST(l.threshold AS DOUBLE) - CAST(o.amount_eur AS DOUBLE)) / l.threshold AS gap
FROM orders AS o
JOIN limits AS l
    ON o.amount_eur < l.threshold
    AND o.amount_eur >= l.threshold * (1 - {{ margin }})
