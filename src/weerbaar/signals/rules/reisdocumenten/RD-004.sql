-- One hit per document handed out outside opening hours: at the weekend, before opens_at or after
-- closes_at, except until late_until on the weekday of the evening opening (ISO: 1 = Monday).
-- The weekday is counted from Monday 1 January 1900, the same in every SQL engine.
WITH moments AS (
    SELECT
        application_id,
        soort,
        issued_at,
        issued_by,
        (date_diff('day', DATE '1900-01-01', CAST(issued_at AS DATE)) % 7) + 1 AS weekday,
        hour(issued_at) * 60 + minute(issued_at) AS minutes
    FROM document_applications
    WHERE issued_at IS NOT NULL
),
hours AS (
    SELECT
        CAST(substr({{ opens_at }}, 1, 2) AS INT) * 60 + CAST(substr({{ opens_at }}, 4, 2) AS INT)
            AS opens,
        CAST(substr({{ closes_at }}, 1, 2) AS INT) * 60 + CAST(substr({{ closes_at }}, 4, 2) AS INT)
            AS closes,
        CAST(substr({{ late_until }}, 1, 2) AS INT) * 60 + CAST(substr({{ late_until }}, 4, 2) AS INT)
            AS late
)
SELECT
    m.application_id AS entity_id,
    [m.application_id] AS record_ids,
    m.soort,
    m.issued_at,
    m.issued_by,
    CASE WHEN m.weekday >= 6 THEN 'in het weekend' ELSE 'buiten de openingstijden' END AS when_nl,
    CASE WHEN m.weekday >= 6 THEN 'at the weekend' ELSE 'outside opening hours' END AS when_en
FROM moments AS m
CROSS JOIN hours AS h
WHERE m.weekday >= 6
    OR m.minutes < h.opens
    OR m.minutes >= CASE WHEN m.weekday = {{ late_weekday }} THEN h.late ELSE h.closes END
