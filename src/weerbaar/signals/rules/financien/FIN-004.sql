-- Change A -> B, payment(s) to B, change B -> A within max_days. IBANs are compared in
-- electronic form (spaces removed, upper case).
WITH iban_changes AS (
    SELECT creditor_id, changed_at, old_value, new_value
    FROM creditor_changes
    WHERE lower(field) = 'iban'
),
round_trips AS (
    SELECT
        a.creditor_id,
        a.changed_at,
        b.changed_at AS restored_at,
        a.old_value AS original_iban,
        a.new_value AS temporary_iban
    FROM iban_changes AS a
    JOIN iban_changes AS b
        ON b.creditor_id = a.creditor_id
        AND upper(replace(b.old_value, ' ', '')) = upper(replace(a.new_value, ' ', ''))
        AND upper(replace(b.new_value, ' ', '')) = upper(replace(a.old_value, ' ', ''))
        AND b.changed_at > a.changed_at
        AND b.changed_at <= a.changed_at + INTERVAL ({{ max_days }}) DAY
)
SELECT
    r.creditor_id AS entity_id,
    array_sort(list(p.payment_id)) AS record_ids,
    CAST(sum(p.amount_eur) AS DOUBLE) AS value,
    r.changed_at,
    r.restored_at,
    r.original_iban,
    r.temporary_iban,
    count(*) AS payments,
    sum(p.amount_eur) AS total
FROM round_trips AS r
JOIN payments AS p
    ON p.creditor_id = r.creditor_id
    AND upper(replace(p.iban, ' ', '')) = upper(replace(r.temporary_iban, ' ', ''))
    AND p.payment_date >= CAST(r.changed_at AS DATE)
    AND p.payment_date <= CAST(r.restored_at AS DATE)
GROUP BY r.creditor_id, r.changed_at, r.restored_at, r.original_iban, r.temporary_iban
