-- One hit per holder with at least min_losses loss reports (aanduiding V: lost or stolen) on
-- distinct dates within window_days. Documents lost together (a stolen bag with a passport and
-- an identity card) are one loss; documents handed in (I) or expired (R) are no loss.
WITH losses AS (
    SELECT burgerservicenummer AS holder, report_date, array_sort(list(report_id)) AS reports
    FROM loss_reports
    WHERE aanduiding = 'V' AND burgerservicenummer IS NOT NULL
    GROUP BY burgerservicenummer, report_date
),
windows AS (
    SELECT
        holder,
        report_date AS last_date,
        count(*) OVER (
            PARTITION BY holder ORDER BY report_date
            RANGE BETWEEN INTERVAL ({{ window_days }}) DAY PRECEDING AND CURRENT ROW
        ) AS losses
    FROM losses
),
best AS (
    SELECT holder, last_date, losses
    FROM (
        SELECT *, row_number() OVER (PARTITION BY holder ORDER BY losses DESC, last_date) AS nr
        FROM windows
        WHERE losses >= {{ min_losses }}
    ) AS ranked
    WHERE nr = 1
)
SELECT
    b.holder AS entity_id,
    array_sort(flatten(list(l.reports))) AS record_ids,
    CAST(b.losses AS DOUBLE) AS value,
    b.losses,
    min(l.report_date) AS first_date,
    b.last_date,
    array_sort(list(l.report_date)) AS dates
FROM best AS b
JOIN losses AS l
    ON l.holder = b.holder
    AND l.report_date <= b.last_date
    AND l.report_date >= b.last_date - INTERVAL ({{ window_days }}) DAY
GROUP BY b.holder, b.last_date, b.losses
