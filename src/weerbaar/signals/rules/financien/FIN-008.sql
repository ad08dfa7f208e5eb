-- Windows of window_days per creditor whose payments (each in [min_share, 1) x threshold) add up
-- to at least threshold; one hit per creditor, for its largest window.
WITH candidates AS (
    SELECT payment_id, creditor_id, payment_date, amount_eur
    FROM payments
    WHERE amount_eur < {{ threshold }} AND amount_eur >= {{ threshold }} * {{ min_share }}
),
windows AS (
    SELECT
        creditor_id,
        payment_date AS last_date,
        sum(amount_eur) OVER w AS total,
        count(*) OVER w AS payments,
        min(payment_date) OVER w AS first_date,
        list(payment_id) OVER w AS ids
    FROM candidates
    WINDOW w AS (
        PARTITION BY creditor_id ORDER BY payment_date
        RANGE BETWEEN INTERVAL ({{ window_days }}) DAY PRECEDING AND CURRENT ROW
    )
),
ranked AS (
    SELECT
        *,
        row_number() OVER (PARTITION BY creditor_id ORDER BY total DESC, last_date) AS rank_in_creditor
    FROM windows
    WHERE payments >= {{ min_payments }} AND total >= {{ threshold }}
)
SELECT
    creditor_id AS entity_id,
    array_sort(ids) AS record_ids,
    CAST(total AS DOUBLE) AS value,
    first_date,
    last_date,
    payments,
    total
FROM ranked
WHERE rank_in_creditor = 1
