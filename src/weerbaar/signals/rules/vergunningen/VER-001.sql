-- One hit per permit granted in a risk sector (the SBI code starts with one of risk_sbi) for an
-- application of a kind that needs screening (a new permit, a new holder) whose Bibob
-- questionnaire was not sent or did not come back completed.
WITH risk AS (
    SELECT unnest({{ risk_sbi }}) AS prefix
),
risky AS (
    SELECT DISTINCT a.application_id
    FROM permit_applications AS a
    JOIN risk AS r ON replace(a.sbi_code, '.', '') LIKE r.prefix || '%'
    WHERE list_contains({{ kinds }}, a.application_kind)
)
SELECT
    a.application_id AS entity_id,
    [a.application_id] AS record_ids,
    a.permit_id,
    a.permit_type,
    a.application_kind,
    a.sbi_code,
    a.applicant_kvk,
    a.address_id,
    d.decision_date,
    CASE WHEN a.bibob_asked THEN 'niet ingevuld teruggekomen' ELSE 'niet verstuurd' END AS missing_nl,
    CASE WHEN a.bibob_asked THEN 'not returned completed' ELSE 'not sent' END AS missing_en
FROM permit_applications AS a
JOIN risky AS r ON r.application_id = a.application_id
JOIN permit_decisions AS d ON d.application_id = a.application_id
WHERE d.decision = 'verleend'
    AND (a.bibob_asked IS NOT TRUE OR a.bibob_answered IS NOT TRUE)
