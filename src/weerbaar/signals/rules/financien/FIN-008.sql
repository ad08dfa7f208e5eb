-- Windows of window_days per creditor, cost centre and approver whose payments (each in
-- [min_share, 1) x threshold) number at least min_payments and add up to at least threshold.
-- The window must also be a burst: at least min_burst times the number of such payments the
-- creditor gets in window_days on average (regular large suppliers are not splitting).
-- The parts share one approver: splitting avoids that person's mandate.
-- One hit per creditor and cost centre, for its largest window; ids are joined back at the end.
WITH candidates AS (
    SELECT payment_id, creditor_id, cost_centre, approved_by, payment_date, amount_eur
    FROM payments
    WHERE amount_eur < {{ threshold }} AND amount_eur >= {{ threshold }} * {{ min_share }}
),
span AS (
    SELECT CAST(date_diff('day', min(payment_date), max(payment_date)) + 1 AS DOUBLE) AS days
    FROM payments
),
rhythm AS (
    SELECT creditor_id, cost_centre, count(*) AS band_payments
    FROM candidates
    GROUP BY creditor_id, cost_centre
),
windows AS (
    SELECT
        creditor_id,
        cost_centre,
        approved_by,
        payment_date AS last_date,
        sum(amount_eur) OVER w AS total,
        count(*) OVER w AS payments
    FROM candidates
    WINDOW w AS (
        PARTITION BY creditor_id, cost_centre, approved_by ORDER BY payment_date
        RANGE BETWEEN INTERVAL ({{ window_days }}) DAY PRECEDING AND CURRENT ROW
    )
),
bursts AS (
    SELECT w.*
    FROM windows AS w
    JOIN rhythm AS r ON r.creditor_id = w.creditor_id AND r.cost_centre IS NOT DISTINCT FROM w.cost_centre
    CROSS JOIN span AS s
    WHERE w.payments >= {{ min_payments }}
        AND w.total >= {{ threshold }}
        AND w.payments >= {{ min_burst }} * r.band_payments * ({{ window_days }} + 1) / s.days
),
best AS (
    SELECT creditor_id, cost_centre, approved_by, last_date, total, payments
    FROM (
        SELECT
            *,
            row_number() OVER (
                PARTITION BY creditor_id, cost_centre ORDER BY total DESC, last_date, approved_by
            ) AS nr
        FROM bursts
    ) AS ranked
    WHERE nr = 1
)
SELECT
    b.creditor_id AS entity_id,
    array_sort(list(c.payment_id)) AS record_ids,
    CAST(b.total AS DOUBLE) AS value,
    b.cost_centre,
    b.approved_by,
    min(c.payment_date) AS first_date,
    b.last_date,
    b.payments,
    b.total
FROM best AS b
JOIN candidates AS c
    ON c.creditor_id = b.creditor_id
    AND c.cost_centre IS NOT DISTINCT FROM b.cost_centre
    AND c.approved_by IS NOT DISTINCT FROM b.approved_by
    AND c.payment_date <= b.last_date
    AND c.payment_date >= b.last_date - INTERVAL ({{ window_days }}) DAY
GROUP BY b.creditor_id, b.cost_centre, b.approved_by, b.last_date, b.total, b.payments
