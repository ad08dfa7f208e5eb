-- Look-ups without a case in the systems that require one (systems; '*' = all), not covered by a
-- look-up of the same record by the same employee for a case within cover_days before or after
-- (a counter visit whose case is registered the next day). One hit per employee with at least
-- min_records different records looked up so within window_days; each record counts once, on its
-- first uncovered look-up.
WITH scoped AS (
    SELECT event_id, employee_id, system, record_id, case_id, accessed_at
    FROM access_log
    WHERE list_contains({{ systems }}, '*') OR list_contains({{ systems }}, system)
),
caseless AS (
    SELECT event_id, employee_id, system, record_id, accessed_at
    FROM scoped
    WHERE case_id IS NULL
),
covered AS (
    SELECT DISTINCT c.event_id
    FROM caseless AS c
    JOIN scoped AS s
        ON s.employee_id = c.employee_id
        AND s.record_id = c.record_id
        AND s.case_id IS NOT NULL
        AND s.accessed_at >= c.accessed_at - INTERVAL ({{ cover_days }}) DAY
        AND s.accessed_at <= c.accessed_at + INTERVAL ({{ cover_days }}) DAY
),
uncovered AS (
    SELECT c.*
    FROM caseless AS c
    LEFT JOIN covered AS v ON v.event_id = c.event_id
    WHERE v.event_id IS NULL
),
firsts AS (
    SELECT employee_id, record_id, min(accessed_at) AS first_at
    FROM uncovered
    GROUP BY employee_id, record_id
),
windows AS (
    SELECT
        employee_id,
        first_at AS last_at,
        count(*) OVER (
            PARTITION BY employee_id ORDER BY first_at
            RANGE BETWEEN INTERVAL ({{ window_days }}) DAY PRECEDING AND CURRENT ROW
        ) AS records
    FROM firsts
),
best AS (
    SELECT employee_id, last_at, records
    FROM (
        SELECT *, row_number() OVER (PARTITION BY employee_id ORDER BY records DESC, last_at) AS nr
        FROM windows
        WHERE records >= {{ min_records }}
    ) AS ranked
    WHERE nr = 1
)
SELECT
    b.employee_id AS entity_id,
    array_sort(list(u.event_id)) AS record_ids,
    CAST(b.records AS DOUBLE) AS value,
    b.records,
    count(*) AS lookups,
    min(u.accessed_at) AS first_at,
    b.last_at,
    array_sort(list(DISTINCT u.system)) AS systems_used
FROM best AS b
JOIN uncovered AS u
    ON u.employee_id = b.employee_id
    AND u.accessed_at <= b.last_at
    AND u.accessed_at >= b.last_at - INTERVAL ({{ window_days }}) DAY
GROUP BY b.employee_id, b.last_at, b.records
