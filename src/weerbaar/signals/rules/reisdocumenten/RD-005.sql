-- One hit per employee with a month in which they took in at least min_count applications of
-- non-residents (ingezetene false), at a rate of non-residents among their intakes of at least
-- factor times the colleagues' rate that month (all other intakes of that month) and at least
-- factor times their own rate over the whole period: a burst, not a seasonal peak that all share
-- nor a desk that always serves non-residents. The employee's fullest such month is reported.
WITH intakes AS (
    SELECT
        application_id,
        received_by,
        date_trunc('month', received_at) AS month,
        CASE WHEN ingezetene THEN 0 ELSE 1 END AS outside
    FROM document_applications
    WHERE received_by IS NOT NULL AND received_at IS NOT NULL AND ingezetene IS NOT NULL
),
per_month AS (
    SELECT
        received_by,
        month,
        count(*) AS intakes,
        sum(outside) AS outsiders,
        CAST(sum(outside) AS DOUBLE) / count(*) AS rate
    FROM intakes
    GROUP BY received_by, month
),
months AS (
    SELECT month, count(*) AS intakes, sum(outside) AS outsiders
    FROM intakes
    GROUP BY month
),
own AS (
    SELECT received_by, CAST(sum(outside) AS DOUBLE) / count(*) AS own_rate
    FROM intakes
    GROUP BY received_by
),
bursts AS (
    SELECT received_by, month, intakes, outsiders, rate, usual_rate, own_rate
    FROM (
        SELECT
            p.received_by,
            p.month,
            p.intakes,
            p.outsiders,
            p.rate,
            CAST(m.outsiders - p.outsiders AS DOUBLE) / (m.intakes - p.intakes) AS usual_rate,
            o.own_rate,
            row_number() OVER (PARTITION BY p.received_by ORDER BY p.outsiders DESC, p.month) AS nr
        FROM per_month AS p
        JOIN months AS m ON m.month = p.month
        JOIN own AS o ON o.received_by = p.received_by
        WHERE p.outsiders >= {{ min_count }}
            AND m.intakes > p.intakes
            AND p.rate >= {{ factor }} * (m.outsiders - p.outsiders) / (m.intakes - p.intakes)
            AND p.rate >= {{ factor }} * o.own_rate
    ) AS ranked
    WHERE nr = 1
)
SELECT
    b.received_by AS entity_id,
    array_sort(list(i.application_id)) AS record_ids,
    CAST(b.outsiders AS DOUBLE) AS value,
    strftime(b.month, '%Y-%m') AS month,
    b.intakes,
    b.outsiders,
    b.rate,
    b.usual_rate,
    b.own_rate
FROM bursts AS b
JOIN intakes AS i ON i.received_by = b.received_by AND i.month = b.month AND i.outside = 1
GROUP BY b.received_by, b.month, b.intakes, b.outsiders, b.rate, b.usual_rate, b.own_rate
