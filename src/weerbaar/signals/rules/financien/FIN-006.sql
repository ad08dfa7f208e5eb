SELECT
    payment_id AS entity_id,
    [payment_id] AS record_ids,
    CAST(amount_eur AS DOUBLE) AS value,
    payment_date,
    amount_eur,
    creditor_id,
    entered_by
FROM payments
WHERE entered_by = approved_by
