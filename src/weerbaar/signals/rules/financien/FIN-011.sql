-- Creditors at one address (postcode without spaces, upper case; house number) with different
-- KvK numbers (a missing KvK number counts as different).
WITH addressed AS (
    SELECT
        creditor_id,
        name,
        kvk_number,
        postcode,
        house_number,
        upper(replace(postcode, ' ', '')) || '|' || upper(trim(house_number)) AS address_key
    FROM creditors
    WHERE postcode IS NOT NULL AND house_number IS NOT NULL
),
addresses AS (
    SELECT address_key
    FROM addressed
    GROUP BY address_key
    HAVING count(DISTINCT coalesce(kvk_number, creditor_id)) >= {{ min_creditors }}
)
SELECT
    a.creditor_id AS entity_id,
    array_sort(list(o.creditor_id)) AS record_ids,
    CAST(count(*) + 1 AS DOUBLE) AS value,
    a.name,
    a.postcode,
    a.house_number,
    array_sort(list(o.creditor_id)) AS others
FROM addressed AS a
JOIN addresses AS s ON s.address_key = a.address_key
JOIN addressed AS o ON o.address_key = a.address_key AND o.creditor_id <> a.creditor_id
GROUP BY a.creditor_id, a.name, a.postcode, a.house_number
