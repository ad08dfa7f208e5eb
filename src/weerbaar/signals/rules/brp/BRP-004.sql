-- One hit per address where people are registered with a residential address (functieAdres W)
-- while none of the BAG object's uses is one people may live in (residential_uses). A postal
-- address (functieAdres B) at an office is allowed and does not count.
WITH objects AS (
    SELECT
        adresseerbaarObjectIdentificatie AS address,
        max(CASE WHEN list_contains({{ residential_uses }}, gebruiksdoel) THEN 1 ELSE 0 END)
            AS residential,
        array_sort(list(DISTINCT gebruiksdoel)) AS uses,
        max(oppervlakte) AS area
    FROM bag_addresses
    GROUP BY adresseerbaarObjectIdentificatie
)
SELECT
    m.adresseerbaarObjectIdentificatie AS entity_id,
    array_sort(list(m.mutation_id)) AS record_ids,
    CAST(count(*) AS DOUBLE) AS value,
    count(*) AS registrations,
    o.uses,
    o.area,
    min(m.datumVan) AS first_date,
    max(m.datumVan) AS last_date
FROM brp_mutations AS m
JOIN objects AS o ON o.address = m.adresseerbaarObjectIdentificatie
WHERE o.residential = 0
    AND coalesce(m.functieAdres, 'W') = 'W'
    AND m.mutation_type NOT IN ('vertrek', 'emigratie', 'overlijden')
GROUP BY m.adresseerbaarObjectIdentificatie, o.uses, o.area
