-- One hit per inspection that found a violation (not remedied on the spot) with no enforcement
-- action decided within term_days. Inspections less than term_days before the last date in the
-- data are left out: their term has not run yet.
WITH as_of AS (
    SELECT max(day) AS last_day
    FROM (
        SELECT max(inspection_date) AS day FROM inspections
        UNION ALL
        SELECT max(decided_date) AS day FROM enforcement_actions
    ) AS dates
),
followed AS (
    SELECT DISTINCT i.inspection_id
    FROM inspections AS i
    JOIN enforcement_actions AS a ON a.inspection_id = i.inspection_id
    WHERE a.decided_date <= i.inspection_date + INTERVAL ({{ term_days }}) DAY
)
SELECT
    i.inspection_id AS entity_id,
    [i.inspection_id] AS record_ids,
    CAST(date_diff('day', i.inspection_date, o.last_day) AS DOUBLE) AS value,
    i.location_id,
    i.business_kvk,
    i.inspection_type,
    i.inspector_id AS inspector,
    i.inspection_date,
    date_diff('day', i.inspection_date, o.last_day) AS days_open
FROM inspections AS i
CROSS JOIN as_of AS o
LEFT JOIN followed AS f ON f.inspection_id = i.inspection_id
WHERE i.result = 'overtreding'
    AND f.inspection_id IS NULL
    AND i.inspection_date <= o.last_day - INTERVAL ({{ term_days }}) DAY
