-- The first payment of each creditor (earliest date, then lowest id), when it falls within
-- max_days of the creditor's creation and is at least min_amount.
WITH firsts AS (
    SELECT creditor_id, min(payment_date) AS first_date
    FROM payments
    GROUP BY creditor_id
),
candidates AS (
    SELECT c.creditor_id, c.name, c.created_date, f.first_date
    FROM creditors AS c
    JOIN firsts AS f ON f.creditor_id = c.creditor_id
    WHERE f.first_date >= c.created_date
        AND f.first_date <= c.created_date + INTERVAL ({{ max_days }}) DAY
),
first_payments AS (
    SELECT
        c.creditor_id,
        c.name,
        c.created_date,
        c.first_date,
        min(p.payment_id) AS payment_id,
        max(p.amount_eur) AS amount_eur
    FROM candidates AS c
    JOIN payments AS p ON p.creditor_id = c.creditor_id AND p.payment_date = c.first_date
    GROUP BY c.creditor_id, c.name, c.created_date, c.first_date
)
SELECT
    creditor_id AS entity_id,
    [payment_id] AS record_ids,
    CAST(amount_eur AS DOUBLE) AS value,
    name,
    created_date,
    payment_id,
    amount_eur,
    date_diff('day', created_date, first_date) AS days
FROM first_payments
WHERE amount_eur >= {{ min_amount }}
