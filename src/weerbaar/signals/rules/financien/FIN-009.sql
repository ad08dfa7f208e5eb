WITH ordered AS (
    SELECT
        payment_id,
        creditor_id,
        payment_date,
        amount_eur,
        row_number() OVER (PARTITION BY creditor_id ORDER BY payment_date, payment_id) AS nr
    FROM payments
)
SELECT
    c.creditor_id AS entity_id,
    [o.payment_id] AS record_ids,
    CAST(o.amount_eur AS DOUBLE) AS value,
    c.name,
    c.created_date,
    o.payment_id,
    o.amount_eur,
    date_diff('day', c.created_date, o.payment_date) AS days
FROM ordered AS o
JOIN creditors AS c ON c.creditor_id = o.creditor_id
WHERE o.nr = 1
    AND o.amount_eur >= {{ min_amount }}
    AND o.payment_date >= c.created_date
    AND o.payment_date <= c.created_date + INTERVAL ({{ max_days }}) DAY
