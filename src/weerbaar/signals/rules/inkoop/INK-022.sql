SELECT
    order_id AS entity_id,
    [order_id] AS record_ids,
    CAST(amount_eur AS DOUBLE) AS value,
    order_date,
    amount_eur,
    creditor_id,
    requested_by
FROM orders
WHERE requested_by = approved_by
