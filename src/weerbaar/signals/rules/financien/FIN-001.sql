-- Same-same-same: one hit per duplicate group, on the last payment of the group. Duplicate groups
-- are found first without collecting ids (cheap), then joined back for their payment ids.
WITH duplicate_groups AS (
    SELECT creditor_id, amount_eur, invoice_number, count(*) AS copies
    FROM payments
    GROUP BY creditor_id, amount_eur, invoice_number
    HAVING count(*) > 1
)
SELECT
    max_by(p.payment_id, p.payment_date) AS entity_id,
    array_sort(list(p.payment_id)) AS record_ids,
    CAST(max(d.copies) AS DOUBLE) AS value,
    d.creditor_id,
    d.amount_eur,
    d.invoice_number,
    max(d.copies) AS copies
FROM duplicate_groups AS d
JOIN payments AS p
    ON p.creditor_id = d.creditor_id
    AND p.amount_eur = d.amount_eur
    AND p.invoice_number = d.invoice_number
GROUP BY d.creditor_id, d.amount_eur, d.invoice_number
