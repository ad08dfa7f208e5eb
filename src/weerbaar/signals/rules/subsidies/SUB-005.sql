-- One hit per application granted to a party (by KvK number) that the permit data show was
-- refused, had a permit revoked, or got conditions after a Bibob check, at most lookback_days
-- before the grant, or later (a grant can be withdrawn on Bibob grounds too).
WITH bibob AS (
    SELECT
        a.applicant_kvk,
        max(d.decision_date) AS bibob_date,
        array_sort(list(DISTINCT d.bibob_outcome)) AS outcomes,
        array_sort(list(DISTINCT a.application_id)) AS permit_applications
    FROM permit_decisions AS d
    JOIN permit_applications AS a ON a.application_id = d.application_id
    WHERE list_contains({{ bibob_outcomes }}, d.bibob_outcome) AND a.applicant_kvk IS NOT NULL
    GROUP BY a.applicant_kvk
),
grants AS (
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
    s.application_id AS entity_id,
    [s.application_id] AS record_ids,
    CAST(g.amount_granted AS DOUBLE) AS value,
    s.applicant_kvk,
    s.scheme,
    g.amount_granted,
    g.decision_date AS granted_on,
    b.bibob_date,
    b.outcomes,
    b.permit_applications
FROM subsidy_applications AS s
JOIN grants AS g ON g.application_id = s.application_id AND g.nr = 1
JOIN bibob AS b ON b.applicant_kvk = s.applicant_kvk
WHERE b.bibob_date >= g.decision_date - INTERVAL ({{ lookback_days }}) DAY
