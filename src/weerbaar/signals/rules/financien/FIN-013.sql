WITH ranked AS (
    SELECT
        creditor_id,
        payment_id,
        amount_eur,
        row_number() OVER (PARTITION BY creditor_id ORDER BY amount_eur DESC, payment_id) AS nr,
        count(*) OVER (PARTITION BY creditor_id) AS payments
    FROM payments
    WHERE amount_eur > 0
),
top_two AS (
    SELECT
        creditor_id,
        max(payments) AS payments,
        max(CASE WHEN nr = 1 THEN amount_eur END) AS largest,
        max(CASE WHEN nr = 2 THEN amount_eur END) AS second,
        max(CASE WHEN nr = 1 THEN payment_id END) AS payment_id
    FROM ranked
    WHERE nr <= 2
    GROUP BY creditor_id
)
SELECT
    creditor_id AS entity_id,
    [payment_id] AS record_ids,
    CAST(largest AS DOUBLE) / CAST(second AS DOUBLE) AS value,
    payment_id,
    largest,
    second,
    payments,
    round(CAST(largest AS DOUBLE) / CAST(second AS DOUBLE), 1) AS rsf
FROM top_two
WHERE payments >= {{ min_payments }}
    AND largest >= {{ min_amount }}
    AND CAST(largest AS DOUBLE) >= {{ factor }} * CAST(second AS DOUBLE)
