-- One hit per location and kind of inspection that one inspector inspected alone in at least
-- min_years consecutive calendar years, while at least two inspectors did that kind of
-- inspection in each of those years (rotation was possible; a lone specialist is no signal).
WITH done AS (
    SELECT inspection_id, location_id, inspection_type, inspector_id, year(inspection_date) AS year
    FROM inspections
    WHERE inspection_date IS NOT NULL AND inspector_id IS NOT NULL
),
staffed AS (
    SELECT inspection_type, year
    FROM done
    GROUP BY inspection_type, year
    HAVING count(DISTINCT inspector_id) >= 2
),
alone AS (
    SELECT d.location_id, d.inspection_type, d.year, min(d.inspector_id) AS inspector_id
    FROM done AS d
    JOIN staffed AS s ON s.inspection_type = d.inspection_type AND s.year = d.year
    GROUP BY d.location_id, d.inspection_type, d.year
    HAVING count(DISTINCT d.inspector_id) = 1
),
runs AS (
    SELECT
        location_id,
        inspection_type,
        inspector_id,
        year,
        year - row_number() OVER (
            PARTITION BY location_id, inspection_type, inspector_id ORDER BY year
        ) AS run
    FROM alone
),
long_runs AS (
    SELECT location_id, inspection_type, inspector_id, min(year) AS first_year,
        max(year) AS last_year, count(*) AS years
    FROM runs
    GROUP BY location_id, inspection_type, inspector_id, run
    HAVING count(*) >= {{ min_years }}
)
SELECT
    r.location_id || '/' || r.inspection_type AS entity_id,
    array_sort(list(d.inspection_id)) AS record_ids,
    CAST(max(r.years) AS DOUBLE) AS value,
    r.location_id,
    r.inspection_type,
    r.inspector_id AS inspector,
    max(r.years) AS years,
    CAST(min(r.first_year) AS VARCHAR) AS first_year,
    CAST(max(r.last_year) AS VARCHAR) AS last_year
FROM long_runs AS r
JOIN done AS d
    ON d.location_id = r.location_id
    AND d.inspection_type = r.inspection_type
    AND d.inspector_id = r.inspector_id
    AND d.year BETWEEN r.first_year AND r.last_year
GROUP BY r.location_id, r.inspection_type, r.inspector_id
