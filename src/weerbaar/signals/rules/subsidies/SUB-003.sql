-- One hit per application granted at least min_amount to an organisation registered with the
-- KvK at most max_age_days before it applied (or after: it applied before it existed).
WITH grants AS (
    SELECT
        application_id,
        amount_granted,
        decision_date,
        row_number() OVER (
            PARTITION BY application_id ORDER BY decision_date DESC, decision_id DESC
        ) AS nr
    FROM subsidy_decisions
    WHERE decision IN ('verlening', 'wijziging') AND amount_granted IS NOT NULL
)
SELECT
    a.application_id AS entity_id,
    [a.application_id] AS record_ids,
    CAST(g.amount_granted AS DOUBLE) AS value,
    a.applicant_kvk,
    a.legal_form,
    a.scheme,
    a.kvk_registration_date,
    a.received_date,
    date_diff('day', a.kvk_registration_date, a.received_date) AS age_days,
    g.amount_granted,
    g.decision_date AS granted_on
FROM subsidy_applications AS a
JOIN grants AS g ON g.application_id = a.application_id AND g.nr = 1
WHERE a.kvk_registration_date IS NOT NULL
    AND date_diff('day', a.kvk_registration_date, a.received_date) <= {{ max_age_days }}
    AND g.amount_granted >= {{ min_amount }}
