-- One hit per settlement (vaststelling) above the amount granted by the latest grant decision
-- (verlening or wijziging) made on or before the settlement date. Applications without a grant
-- decision in the data are left out: their grant may predate the export.
WITH grants AS (
    SELECT
        s.application_id,
        d.amount_granted,
        d.decision_date,
        row_number() OVER (
            PARTITION BY s.application_id ORDER BY d.decision_date DESC, d.decision_id DESC
        ) AS nr
    FROM subsidy_settlements AS s
    JOIN subsidy_decisions AS d
        ON d.application_id = s.application_id
        AND d.decision_date <= s.settlement_date
        AND d.decision IN ('verlening', 'wijziging')
        AND d.amount_granted IS NOT NULL
)
SELECT
    s.application_id AS entity_id,
    [s.application_id] AS record_ids,
    CAST(s.amount_settled - g.amount_granted AS DOUBLE) AS value,
    a.applicant_kvk,
    a.scheme,
    g.amount_granted,
    g.decision_date AS granted_on,
    s.amount_settled,
    s.settlement_date,
    CAST((s.amount_settled - g.amount_granted) / g.amount_granted AS DOUBLE) AS excess
FROM subsidy_settlements AS s
JOIN grants AS g ON g.application_id = s.application_id AND g.nr = 1
LEFT JOIN subsidy_applications AS a ON a.application_id = s.application_id
WHERE s.amount_settled > g.amount_granted + {{ tolerance }}
