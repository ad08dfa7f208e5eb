-- One hit per employee with a day on which they made at least min_count look-ups and at least
-- factor times their usual day (the median over the days they looked anything up). A busy day
-- for the whole department is usually well below that factor; the employee's largest day is
-- reported.
WITH days AS (
    SELECT employee_id, CAST(accessed_at AS DATE) AS day, count(*) AS lookups
    FROM access_log
    WHERE employee_id IS NOT NULL
    GROUP BY employee_id, CAST(accessed_at AS DATE)
),
usual AS (
    SELECT employee_id, median(lookups) AS usual_day, count(*) AS active_days
    FROM days
    GROUP BY employee_id
),
spikes AS (
    SELECT employee_id, day, lookups, usual_day, active_days
    FROM (
        SELECT
            d.employee_id,
            d.day,
            d.lookups,
            u.usual_day,
            u.active_days,
            row_number() OVER (PARTITION BY d.employee_id ORDER BY d.lookups DESC, d.day) AS nr
        FROM days AS d
        JOIN usual AS u ON u.employee_id = d.employee_id
        WHERE d.lookups >= {{ min_count }} AND d.lookups >= {{ factor }} * u.usual_day
            AND u.active_days >= {{ min_days }}
    ) AS ranked
    WHERE nr = 1
)
SELECT
    s.employee_id AS entity_id,
    array_sort(list(a.event_id)) AS record_ids,
    CAST(s.lookups AS DOUBLE) / s.usual_day AS value,
    s.day,
    s.lookups,
    s.usual_day,
    count(DISTINCT a.record_id) AS people,
    array_sort(list(DISTINCT a.system)) AS systems_used
FROM spikes AS s
JOIN access_log AS a ON a.employee_id = s.employee_id AND CAST(a.accessed_at AS DATE) = s.day
GROUP BY s.employee_id, s.day, s.lookups, s.usual_day
