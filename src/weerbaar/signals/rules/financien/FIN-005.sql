-- Payment IBAN differs from the master data and from every IBAN in the creditor's change log.
-- IBANs are compared in electronic form (spaces removed, upper case).
WITH known_ibans AS (
    SELECT creditor_id, upper(replace(iban, ' ', '')) AS iban FROM creditors
    UNION
    SELECT creditor_id, upper(replace(old_value, ' ', '')) AS iban FROM creditor_changes WHERE lower(field) = 'iban'
    UNION
    SELECT creditor_id, upper(replace(new_value, ' ', '')) AS iban FROM creditor_changes WHERE lower(field) = 'iban'
)
SELECT
    p.payment_id AS entity_id,
    [p.payment_id] AS record_ids,
    CAST(p.amount_eur AS DOUBLE) AS value,
    p.payment_date,
    p.amount_eur,
    p.creditor_id,
    p.iban,
    c.iban AS creditor_iban
FROM payments AS p
JOIN creditors AS c ON c.creditor_id = p.creditor_id
LEFT JOIN known_ibans AS k ON k.creditor_id = p.creditor_id AND k.iban = upper(replace(p.iban, ' ', ''))
WHERE k.iban IS NULL AND p.iban IS NOT NULL
