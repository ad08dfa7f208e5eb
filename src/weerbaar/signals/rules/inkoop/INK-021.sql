WITH direct AS (
    SELECT order_id, creditor_id, amount_eur, year(order_date) AS year
    FROM orders
    WHERE list_contains({{ direct_procedures }}, procedure)
),
per_supplier AS (
    SELECT year, creditor_id, sum(amount_eur) AS supplier_total, count(*) AS orders, list(order_id) AS ids
    FROM direct
    GROUP BY year, creditor_id
),
per_year AS (
    SELECT year, sum(amount_eur) AS year_total
    FROM direct
    GROUP BY year
)
SELECT
    s.creditor_id AS entity_id,
    array_sort(s.ids) AS record_ids,
    CAST(s.supplier_total AS DOUBLE) / CAST(y.year_total AS DOUBLE) AS value,
    s.year,
    s.supplier_total,
    y.year_total,
    s.orders,
    CAST(s.supplier_total AS DOUBLE) / CAST(y.year_total AS DOUBLE) AS share
FROM per_supplier AS s
JOIN per_year AS y ON y.year = s.year
WHERE s.supplier_total >= {{ min_amount }}
    AND CAST(s.supplier_total AS DOUBLE) >= {{ max_share }} * CAST(y.year_total AS DOUBLE)
