-- One hit per employee with an evening, night or weekend on which they made at least min_count
-- look-ups outside working hours (before day_starts, from day_ends, or at the weekend), while
-- their share of look-ups outside working hours on all other days is at most usual_share: a day
-- worker at night, not the evening team. The busiest such day is reported.
WITH stamped AS (
    SELECT
        event_id,
        employee_id,
        record_id,
        system,
        accessed_at,
        CASE
            WHEN (date_diff('day', DATE '1900-01-01', CAST(accessed_at AS DATE)) % 7) >= 5 THEN 1
            WHEN hour(accessed_at) < {{ day_starts }} OR hour(accessed_at) >= {{ day_ends }} THEN 1
            ELSE 0
        END AS outside
    FROM access_log
    WHERE employee_id IS NOT NULL
),
totals AS (
    SELECT employee_id, count(*) AS lookups, sum(outside) AS outside
    FROM stamped
    GROUP BY employee_id
),
nights AS (
    SELECT employee_id, CAST(accessed_at AS DATE) AS day, count(*) AS lookups
    FROM stamped
    WHERE outside = 1
    GROUP BY employee_id, CAST(accessed_at AS DATE)
),
best AS (
    SELECT employee_id, day, lookups, usual_outside
    FROM (
        SELECT
            n.employee_id,
            n.day,
            n.lookups,
            CAST(t.outside - n.lookups AS DOUBLE) / (t.lookups - n.lookups) AS usual_outside,
            row_number() OVER (PARTITION BY n.employee_id ORDER BY n.lookups DESC, n.day) AS nr
        FROM nights AS n
        JOIN totals AS t ON t.employee_id = n.employee_id
        WHERE n.lookups >= {{ min_count }}
            AND t.lookups > n.lookups
            AND CAST(t.outside - n.lookups AS DOUBLE) / (t.lookups - n.lookups) <= {{ usual_share }}
    ) AS ranked
    WHERE nr = 1
)
SELECT
    b.employee_id AS entity_id,
    array_sort(list(s.event_id)) AS record_ids,
    CAST(b.lookups AS DOUBLE) AS value,
    b.day,
    b.lookups,
    b.usual_outside,
    min(s.accessed_at) AS first_at,
    max(s.accessed_at) AS last_at,
    count(DISTINCT s.record_id) AS people
FROM best AS b
JOIN stamped AS s
    ON s.employee_id = b.employee_id AND CAST(s.accessed_at AS DATE) = b.day AND s.outside = 1
GROUP BY b.employee_id, b.day, b.lookups, b.usual_outside
