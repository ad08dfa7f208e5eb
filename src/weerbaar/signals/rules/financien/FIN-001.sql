-- Same-same-same: one hit per duplicate group, on the last payment of the group.
SELECT
    max_by(payment_id, payment_date) AS entity_id,
    array_sort(list(payment_id)) AS record_ids,
    CAST(count(*) AS DOUBLE) AS value,
    creditor_id,
    amount_eur,
    invoice_number,
    count(*) AS copies
FROM payments
GROUP BY creditor_id, amount_eur, invoice_number
HAVING count(*) > 1
