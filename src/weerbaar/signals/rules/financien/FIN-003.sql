-- A payment to the IBAN that an IBAN change entered at most days_before days earlier. IBANs are
-- compared in electronic form (spaces removed, upper case): NL91 ABNA ... is NL91ABNA....
SELECT
    p.payment_id AS entity_id,
    [p.payment_id] AS record_ids,
    CAST(date_diff('day', CAST(c.changed_at AS DATE), p.payment_date) AS DOUBLE) AS value,
    p.payment_date,
    p.amount_eur,
    p.creditor_id,
    p.iban,
    c.changed_at,
    c.old_value,
    date_diff('day', CAST(c.changed_at AS DATE), p.payment_date) AS days
FROM payments AS p
JOIN creditor_changes AS c
    ON c.creditor_id = p.creditor_id
    AND lower(c.field) = 'iban'
    AND upper(replace(c.new_value, ' ', '')) = upper(replace(p.iban, ' ', ''))
    AND CAST(c.changed_at AS DATE) <= p.payment_date
    AND CAST(c.changed_at AS DATE) >= p.payment_date - INTERVAL ({{ days_before }}) DAY
