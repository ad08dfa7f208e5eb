-- One hit per order (action_type in orders, e.g. an Opiumwet 13b closure or an order subject to a
-- penalty) whose deadline passed more than grace_days before the last date in the data while it
-- was not carried out (no executed_date, or one more than grace_days after the deadline).
-- Orders suspended by a court or withdrawn are left out.
WITH as_of AS (
    SELECT max(day) AS last_day
    FROM (
        SELECT max(decided_date) AS day FROM enforcement_actions
        UNION ALL
        SELECT max(executed_date) AS day FROM enforcement_actions
        UNION ALL
        SELECT max(inspection_date) AS day FROM inspections
    ) AS dates
)
SELECT
    a.action_id AS entity_id,
    [a.action_id, a.inspection_id] AS record_ids,
    CAST(date_diff('day', a.due_date, coalesce(a.executed_date, o.last_day)) AS DOUBLE) AS value,
    a.action_type,
    CASE a.action_type WHEN 'sluiting' THEN 'Sluiting' WHEN 'last_onder_dwangsom'
        THEN 'Last onder dwangsom' WHEN 'last_onder_bestuursdwang' THEN 'Last onder bestuursdwang'
        ELSE a.action_type END AS action_nl,
    CASE a.action_type WHEN 'sluiting' THEN 'Closure' WHEN 'last_onder_dwangsom'
        THEN 'Order subject to a penalty' WHEN 'last_onder_bestuursdwang'
        THEN 'Administrative enforcement order' ELSE a.action_type END AS action_en,
    coalesce(a.legal_basis, '—') AS legal_basis,
    a.decided_date,
    a.due_date,
    a.executed_date,
    coalesce(a.status, 'lopend') AS status,
    i.location_id,
    date_diff('day', a.due_date, coalesce(a.executed_date, o.last_day)) AS days_late
FROM enforcement_actions AS a
CROSS JOIN as_of AS o
LEFT JOIN inspections AS i ON i.inspection_id = a.inspection_id
WHERE list_contains({{ orders }}, a.action_type)
    AND a.due_date IS NOT NULL
    AND coalesce(a.status, 'lopend') NOT IN ('geschorst', 'ingetrokken')
    AND a.due_date <= o.last_day - INTERVAL ({{ grace_days }}) DAY
    AND (a.executed_date IS NULL OR a.executed_date > a.due_date + INTERVAL ({{ grace_days }}) DAY)
