-- One hit per permit whose holder or manager changed (a change application received) within
-- window_days after the permit was first granted.
WITH grants AS (
    SELECT permit_id, application_id, applicant_kvk, address_id, permit_type, granted_on
    FROM (
        SELECT
            a.permit_id,
            a.application_id,
            a.applicant_kvk,
            a.address_id,
            a.permit_type,
            d.decision_date AS granted_on,
            row_number() OVER (PARTITION BY a.permit_id ORDER BY d.decision_date, a.application_id) AS nr
        FROM permit_applications AS a
        JOIN permit_decisions AS d ON d.application_id = a.application_id
        WHERE a.application_kind = 'nieuw' AND d.decision = 'verleend'
    ) AS ranked
    WHERE nr = 1
),
changes AS (
    SELECT
        g.permit_id,
        c.application_id,
        c.application_kind,
        c.received_date,
        date_diff('day', g.granted_on, c.received_date) AS days
    FROM grants AS g
    JOIN permit_applications AS c ON c.permit_id = g.permit_id
    WHERE c.application_kind IN ('wijziging_houder', 'wijziging_leidinggevende')
        AND c.received_date >= g.granted_on
        AND c.received_date <= g.granted_on + INTERVAL ({{ window_days }}) DAY
)
SELECT
    g.permit_id AS entity_id,
    array_sort(list_concat(list(c.application_id), [g.application_id])) AS record_ids,
    CAST(min(c.days) AS DOUBLE) AS value,
    g.permit_type,
    g.applicant_kvk,
    g.address_id,
    g.granted_on,
    min(c.received_date) AS changed_on,
    min(c.days) AS days,
    CASE WHEN max(CASE WHEN c.application_kind = 'wijziging_houder' THEN 1 ELSE 0 END) = 1
        THEN 'nieuwe houder' ELSE 'nieuwe leidinggevende' END AS change_nl,
    CASE WHEN max(CASE WHEN c.application_kind = 'wijziging_houder' THEN 1 ELSE 0 END) = 1
        THEN 'new holder' ELSE 'new manager' END AS change_en
FROM grants AS g
JOIN changes AS c ON c.permit_id = g.permit_id
GROUP BY g.permit_id, g.application_id, g.permit_type, g.applicant_kvk, g.address_id, g.granted_on
