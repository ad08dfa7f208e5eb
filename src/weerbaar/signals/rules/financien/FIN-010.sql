-- One hit per creditor whose master-data IBAN another creditor also has. IBANs are compared in
-- electronic form (spaces removed, upper case): NL91 ABNA ... and nl91abna... are one account.
SELECT
    c.creditor_id AS entity_id,
    array_sort(list(o.creditor_id)) AS record_ids,
    CAST(count(*) + 1 AS DOUBLE) AS value,
    c.name,
    c.iban,
    array_sort(list(o.creditor_id)) AS others
FROM creditors AS c
JOIN creditors AS o ON upper(replace(o.iban, ' ', '')) = upper(replace(c.iban, ' ', '')) AND o.creditor_id <> c.creditor_id
GROUP BY c.creditor_id, c.name, c.iban
