-- Benford first-two digits (F2D) per cost centre; digits from integer cents as text.
WITH digits AS (
    SELECT
        cost_centre AS group_id,
        CAST(substr(CAST(CAST(round(amount_eur * 100) AS BIGINT) AS VARCHAR), 1, 2) AS INTEGER) AS d
    FROM payments
    WHERE amount_eur >= 10 AND cost_centre IS NOT NULL
),
counts AS (
    SELECT group_id, d, count(*) AS n
    FROM digits
    GROUP BY group_id, d
),
totals AS (
    SELECT group_id, sum(n) AS total
    FROM counts
    GROUP BY group_id
    HAVING sum(n) >= {{ min_payments }}
),
expected AS (
    SELECT d, log10(1 + 1 / CAST(d AS DOUBLE)) AS p
    FROM (SELECT UNNEST(generate_series(10, 99)) AS d) AS digit_range
),
deviations AS (
    SELECT
        t.group_id,
        t.total,
        e.d,
        e.p,
        CAST(coalesce(c.n, 0) AS DOUBLE) / t.total AS share
    FROM totals AS t
    CROSS JOIN expected AS e
    LEFT JOIN counts AS c
        ON c.group_id = t.group_id AND c.d = e.d
),
mad AS (
    SELECT
        group_id,
        max(total) AS payments,
        avg(abs(share - p)) AS mad,
        arg_max(d, share - p) AS top_digit,
        arg_max(share, share - p) AS top_share,
        arg_max(p, share - p) AS top_expected
    FROM deviations
    GROUP BY group_id
)
SELECT
    group_id AS entity_id,
    mad AS value,
    mad,
    payments,
    top_digit,
    top_share,
    top_expected
FROM mad
WHERE mad > {{ mad_marginal }}
