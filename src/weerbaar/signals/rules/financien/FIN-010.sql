-- One hit per creditor whose master-data IBAN another creditor also has.
SELECT
    c.creditor_id AS entity_id,
    array_sort(list(o.creditor_id)) AS record_ids,
    CAST(count(*) + 1 AS DOUBLE) AS value,
    c.name,
    c.iban,
    array_sort(list(o.creditor_id)) AS others
FROM creditors AS c
JOIN creditors AS o ON o.iban = c.iban AND o.creditor_id <> c.creditor_id
GROUP BY c.creditor_id, c.name, c.iban
