SELECT
    c.creditor_id AS entity_id,
    array_sort(list(p.payment_id)) AS record_ids,
    CAST(sum(p.amount_eur) AS DOUBLE) AS value,
    c.name,
    c.created_date,
    c.created_by,
    count(*) AS payments,
    sum(p.amount_eur) AS total
FROM creditors AS c
JOIN payments AS p ON p.creditor_id = c.creditor_id AND p.approved_by = c.created_by
GROUP BY c.creditor_id, c.name, c.created_date, c.created_by
