-- One hit per location with a violation that repeats one found at most window_days earlier,
-- when the repeat was not met with anything heavier than the mild actions (a warning). The
-- location's latest such repeat is reported with both inspections. Repeats less than term_days
-- before the last date in the data are left out: the decision on them may still come.
WITH as_of AS (
    SELECT max(day) AS last_day
    FROM (
        SELECT max(inspection_date) AS day FROM inspections
        UNION ALL
        SELECT max(decided_date) AS day FROM enforcement_actions
    ) AS dates
),
violations AS (
    SELECT inspection_id, location_id, inspection_type, inspection_date
    FROM inspections
    WHERE result IN ('overtreding', 'overtreding_hersteld') AND inspection_date IS NOT NULL
),
repeats AS (
    SELECT
        later.inspection_id,
        later.location_id,
        later.inspection_type,
        later.inspection_date,
        earlier.inspection_id AS earlier_id,
        earlier.inspection_date AS earlier_date,
        row_number() OVER (
            PARTITION BY later.inspection_id ORDER BY earlier.inspection_date DESC
        ) AS nr
    FROM violations AS later
    JOIN violations AS earlier
        ON earlier.location_id = later.location_id
        AND earlier.inspection_id <> later.inspection_id
        AND earlier.inspection_date <= later.inspection_date
        AND earlier.inspection_date >= later.inspection_date - INTERVAL ({{ window_days }}) DAY
),
escalated AS (
    SELECT DISTINCT inspection_id
    FROM enforcement_actions
    WHERE NOT list_contains({{ mild_actions }}, action_type)
),
unescalated AS (
    SELECT
        r.*,
        row_number() OVER (PARTITION BY r.location_id ORDER BY r.inspection_date DESC) AS latest
    FROM repeats AS r
    CROSS JOIN as_of AS o
    LEFT JOIN escalated AS e ON e.inspection_id = r.inspection_id
    WHERE r.nr = 1
        AND e.inspection_id IS NULL
        AND r.inspection_date <= o.last_day - INTERVAL ({{ term_days }}) DAY
)
SELECT
    location_id AS entity_id,
    [earlier_id, inspection_id] AS record_ids,
    CAST(date_diff('day', earlier_date, inspection_date) AS DOUBLE) AS value,
    inspection_type,
    earlier_date,
    inspection_date,
    date_diff('day', earlier_date, inspection_date) AS days_between
FROM unescalated
WHERE latest = 1
