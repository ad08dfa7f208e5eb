-- One hit per loss report (aanduiding V) of a document handed out at most window_days earlier.
SELECT
    r.report_id AS entity_id,
    [r.report_id, a.application_id] AS record_ids,
    CAST(date_diff('day', CAST(a.issued_at AS DATE), r.report_date) AS DOUBLE) AS value,
    r.reisdocumentnummer,
    a.soort,
    a.issued_at,
    r.report_date,
    date_diff('day', CAST(a.issued_at AS DATE), r.report_date) AS days
FROM loss_reports AS r
JOIN document_applications AS a ON a.reisdocumentnummer = r.reisdocumentnummer
WHERE r.aanduiding = 'V'
    AND a.issued_at IS NOT NULL
    AND r.report_date >= CAST(a.issued_at AS DATE)
    AND date_diff('day', CAST(a.issued_at AS DATE), r.report_date) <= {{ window_days }}
