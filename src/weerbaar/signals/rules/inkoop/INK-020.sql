-- Windows of window_days per creditor and category whose orders (each in [min_share, 1) x threshold)
-- add up to at least threshold; one hit per creditor and category, for the largest window.
WITH candidates AS (
    SELECT order_id, creditor_id, category, order_date, amount_eur
    FROM orders
    WHERE amount_eur < {{ threshold }} AND amount_eur >= {{ threshold }} * {{ min_share }}
),
windows AS (
    SELECT
        creditor_id,
        category,
        order_date AS last_date,
        sum(amount_eur) OVER w AS total,
        count(*) OVER w AS orders,
        min(order_date) OVER w AS first_date,
        list(order_id) OVER w AS ids
    FROM candidates
    WINDOW w AS (
        PARTITION BY creditor_id, category ORDER BY order_date
        RANGE BETWEEN INTERVAL ({{ window_days }}) DAY PRECEDING AND CURRENT ROW
    )
),
ranked AS (
    SELECT
        *,
        row_number() OVER (PARTITION BY creditor_id, category ORDER BY total DESC, last_date) AS nr
    FROM windows
    WHERE orders >= 2 AND total >= {{ threshold }}
)
SELECT
    creditor_id AS entity_id,
    array_sort(ids) AS record_ids,
    CAST(total AS DOUBLE) AS value,
    category,
    first_date,
    last_date,
    orders,
    total
FROM ranked
WHERE nr = 1
