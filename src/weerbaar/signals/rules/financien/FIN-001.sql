-- Same-same-same: one hit per duplicate group, on the last payment of the group. Only payments
-- whose invoice number occurs more than once can be duplicates, so those are selected first
-- (a one-column group-by), and the three-column grouping runs on that small set.
WITH repeated_invoices AS (
    SELECT invoice_number
    FROM payments
    GROUP BY invoice_number
    HAVING count(*) > 1
),
candidates AS (
    SELECT payment_id, payment_date, creditor_id, amount_eur, invoice_number
    FROM payments
    WHERE invoice_number IN (SELECT invoice_number FROM repeated_invoices)
)
SELECT
    max_by(payment_id, payment_date) AS entity_id,
    array_sort(list(payment_id)) AS record_ids,
    CAST(count(*) AS DOUBLE) AS value,
    creditor_id,
    amount_eur,
    invoice_number,
    count(*) AS copies
FROM candidates
GROUP BY creditor_id, amount_eur, invoice_number
HAVING count(*) > 1
