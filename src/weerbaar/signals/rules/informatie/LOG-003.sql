-- One hit per employee and protected record (a colleague, an office-holder, a protected person or
-- someone on the watch list) looked up without a case; records in a category of always_review
-- are reported even with a case.
SELECT
    a.employee_id || '/' || a.record_id AS entity_id,
    array_sort(list(a.event_id)) AS record_ids,
    CAST(count(*) AS DOUBLE) AS value,
    a.employee_id AS employee,
    a.record_id AS record,
    p.category,
    CASE p.category WHEN 'medewerker' THEN 'collega' WHEN 'ambtsdrager' THEN 'ambtsdrager'
        WHEN 'afgeschermd' THEN 'afgeschermde persoon' ELSE 'persoon op de signaallijst'
        END AS category_nl,
    CASE p.category WHEN 'medewerker' THEN 'colleague' WHEN 'ambtsdrager' THEN 'office-holder'
        WHEN 'afgeschermd' THEN 'protected person' ELSE 'person on the watch list'
        END AS category_en,
    count(*) AS lookups,
    count(*) - count(a.case_id) AS without_case,
    min(a.accessed_at) AS first_at,
    max(a.accessed_at) AS last_at,
    array_sort(list(DISTINCT a.system)) AS systems_used
FROM access_log AS a
JOIN protected_records AS p ON p.record_id = a.record_id
WHERE a.case_id IS NULL OR list_contains({{ always_review }}, p.category)
GROUP BY a.employee_id, a.record_id, p.category
