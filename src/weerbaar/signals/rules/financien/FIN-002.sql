-- Same-same-different: same amount, invoice number and invoice date, more than one creditor.
-- Only payments whose invoice number occurs more than once can match, so those are selected
-- first; min <> max is a cheaper test for "more than one creditor" than count(DISTINCT).
WITH repeated_invoices AS (
    SELECT invoice_number
    FROM payments
    GROUP BY invoice_number
    HAVING count(*) > 1
),
candidates AS (
    SELECT payment_id, creditor_id, amount_eur, invoice_number, invoice_date
    FROM payments
    WHERE invoice_number IN (SELECT invoice_number FROM repeated_invoices)
)
SELECT
    invoice_number AS entity_id,
    array_sort(list(payment_id)) AS record_ids,
    CAST(count(DISTINCT creditor_id) AS DOUBLE) AS value,
    invoice_date,
    amount_eur,
    count(DISTINCT creditor_id) AS creditors,
    array_sort(list(DISTINCT creditor_id)) AS creditor_ids
FROM candidates
GROUP BY invoice_number, invoice_date, amount_eur
HAVING min(creditor_id) <> max(creditor_id)
