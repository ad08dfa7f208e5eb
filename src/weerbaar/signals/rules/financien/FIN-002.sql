-- Same-same-different: same amount, invoice number and invoice date, more than one creditor.
-- Groups are found with min <> max (cheaper than count(DISTINCT)), then joined back for ids.
WITH shared_invoices AS (
    SELECT invoice_number, invoice_date, amount_eur
    FROM payments
    GROUP BY invoice_number, invoice_date, amount_eur
    HAVING min(creditor_id) <> max(creditor_id)
)
SELECT
    s.invoice_number AS entity_id,
    array_sort(list(p.payment_id)) AS record_ids,
    CAST(count(DISTINCT p.creditor_id) AS DOUBLE) AS value,
    s.invoice_date,
    s.amount_eur,
    count(DISTINCT p.creditor_id) AS creditors,
    array_sort(list(DISTINCT p.creditor_id)) AS creditor_ids
FROM shared_invoices AS s
JOIN payments AS p
    ON p.invoice_number = s.invoice_number
    AND p.invoice_date = s.invoice_date
    AND p.amount_eur = s.amount_eur
GROUP BY s.invoice_number, s.invoice_date, s.amount_eur
