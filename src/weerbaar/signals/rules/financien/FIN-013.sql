-- Relative size factor: largest / second-largest payment per creditor (two equal largest
-- payments give a factor of 1). Pass 1 finds the largest per creditor, pass 2 the runner-up.
WITH largest AS (
    SELECT creditor_id, max(amount_eur) AS largest, count(*) AS payments
    FROM payments
    WHERE amount_eur > 0
    GROUP BY creditor_id
    HAVING count(*) >= {{ min_payments }} AND max(amount_eur) >= {{ min_amount }}
),
runner_up AS (
    SELECT
        l.creditor_id,
        l.largest,
        l.payments,
        min(p.payment_id) FILTER (WHERE p.amount_eur = l.largest) AS payment_id,
        count(*) FILTER (WHERE p.amount_eur = l.largest) AS at_largest,
        max(p.amount_eur) FILTER (WHERE p.amount_eur < l.largest) AS below
    FROM largest AS l
    JOIN payments AS p ON p.creditor_id = l.creditor_id AND p.amount_eur > 0
    GROUP BY l.creditor_id, l.largest, l.payments
),
factors AS (
    SELECT
        *,
        CASE WHEN at_largest > 1 THEN largest ELSE below END AS second
    FROM runner_up
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
FROM factors
WHERE CAST(largest AS DOUBLE) >= {{ factor }} * CAST(second AS DOUBLE)
