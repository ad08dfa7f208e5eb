-- Orders in [threshold * (1 - margin), threshold) of a creditor that gets at least min_orders
-- such orders, making up at least min_share of its orders: a pattern, not one chance estimate.
WITH limits AS (
    SELECT UNNEST({{ thresholds }}) AS threshold
),
per_creditor AS (
    SELECT creditor_id, count(*) AS creditor_orders
    FROM orders
    GROUP BY creditor_id
),
banded AS (
    SELECT
        o.order_id,
        o.creditor_id,
        o.amount_eur,
        o.procedure,
        o.requested_by,
        CAST(l.threshold AS DOUBLE) AS threshold,
        count(*) OVER (PARTITION BY o.creditor_id, l.threshold) AS band_orders
    FROM orders AS o
    JOIN limits AS l
        ON o.amount_eur < l.threshold
        AND o.amount_eur >= l.threshold * (1 - {{ margin }})
)
SELECT
    b.order_id AS entity_id,
    [b.order_id] AS record_ids,
    (b.threshold - CAST(b.amount_eur AS DOUBLE)) / b.threshold AS value,
    b.creditor_id,
    b.amount_eur,
    b.procedure,
    b.requested_by,
    b.threshold,
    (b.threshold - CAST(b.amount_eur AS DOUBLE)) / b.threshold AS gap,
    b.band_orders,
    c.creditor_orders
FROM banded AS b
JOIN per_creditor AS c ON c.creditor_id = b.creditor_id
WHERE b.band_orders >= {{ min_orders }}
    AND CAST(b.band_orders AS DOUBLE) >= {{ min_share }} * c.creditor_orders
