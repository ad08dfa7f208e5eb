-- Payments in [threshold * (1 - margin), threshold) where the creditor has min_payments such payments.
WITH limits AS (
    SELECT UNNEST({{ thresholds }}) AS threshold
),
per_creditor AS (
    SELECT creditor_id, count(*) AS creditor_payments
    FROM payments
    GROUP BY creditor_id
),
banded AS (
    SELECT
        p.payment_id,
        p.creditor_id,
        p.invoice_number,
        p.amount_eur,
        CAST(l.threshold AS DOUBLE) AS threshold,
        count(*) OVER (PARTITION BY p.creditor_id, l.threshold) AS band_payments
    FROM payments AS p
    JOIN limits AS l
        ON p.amount_eur < l.threshold
        AND p.amount_eur >= l.threshold * (1 - {{ margin }})
)
SELECT
    b.payment_id AS entity_id,
    [b.payment_id] AS record_ids,
    (b.threshold - CAST(b.amount_eur AS DOUBLE)) / b.threshold AS value,
    b.creditor_id,
    b.invoice_number,
    b.amount_eur,
    b.threshold,
    (b.threshold - CAST(b.amount_eur AS DOUBLE)) / b.threshold AS gap,
    b.band_payments,
    c.creditor_payments
FROM banded AS b
JOIN per_creditor AS c ON c.creditor_id = b.creditor_id
WHERE b.band_payments >= {{ min_payments }}
    AND CAST(b.band_payments AS DOUBLE) >= {{ min_share }} * c.creditor_payments
