-- One hit per application whose intake and hand-out were done by the same employee.
SELECT
    application_id AS entity_id,
    [application_id] AS record_ids,
    received_by AS employee,
    soort,
    received_at,
    issued_at
FROM document_applications
WHERE received_by IS NOT NULL AND issued_by IS NOT NULL AND received_by = issued_by
