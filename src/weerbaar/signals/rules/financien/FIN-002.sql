-- Same-same-different: same amount, invoice number and invoice date, more than one creditor.
SELECT
    invoice_number AS entity_id,
    array_sort(list(payment_id)) AS record_ids,
    CAST(count(DISTINCT creditor_id) AS DOUBLE) AS value,
    invoice_date,
    amount_eur,
    count(DISTINCT creditor_id) AS creditors,
    array_sort(list(DISTINCT creditor_id)) AS creditor_ids
FROM payments
GROUP BY invoice_number, invoice_date, amount_eur
HAVING count(DISTINCT creditor_id) > 1
