-- One hit per address whose number of residents (registrations with a residential address,
-- functieAdres W) reached at least min_residents at a moment when the floor area per resident
-- was below m2_per_person. Residents are counted over time: +1 on datumVan, -1 on datumTot
-- (who leaves on a day is gone before who arrives that day is counted).
WITH stays AS (
    SELECT
        mutation_id,
        adresseerbaarObjectIdentificatie AS address,
        datumVan AS since,
        datumTot AS until
    FROM brp_mutations
    WHERE adresseerbaarObjectIdentificatie IS NOT NULL
        AND coalesce(functieAdres, 'W') = 'W'
        AND mutation_type NOT IN ('vertrek', 'emigratie', 'overlijden')
        AND (datumTot IS NULL OR datumTot > datumVan)
),
changes AS (
    SELECT address, since AS day, 1 AS delta FROM stays
    UNION ALL
    SELECT address, until AS day, -1 AS delta FROM stays WHERE until IS NOT NULL
),
counted AS (
    SELECT
        address,
        day,
        sum(delta) OVER (
            PARTITION BY address ORDER BY day, delta
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS residents
    FROM changes
),
objects AS (
    SELECT
        adresseerbaarObjectIdentificatie AS address,
        max(oppervlakte) AS area,
        array_sort(list(DISTINCT gebruiksdoel)) AS uses
    FROM bag_addresses
    GROUP BY adresseerbaarObjectIdentificatie
),
peaks AS (
    SELECT address, day, residents, area, uses
    FROM (
        SELECT
            c.address,
            c.day,
            c.residents,
            o.area,
            o.uses,
            row_number() OVER (PARTITION BY c.address ORDER BY c.residents DESC, c.day) AS nr
        FROM counted AS c
        JOIN objects AS o ON o.address = c.address
        WHERE c.residents >= {{ min_residents }}
            AND CAST(o.area AS DOUBLE) / c.residents < {{ m2_per_person }}
    ) AS ranked
    WHERE nr = 1
)
SELECT
    p.address AS entity_id,
    array_sort(list(s.mutation_id)) AS record_ids,
    CAST(p.area AS DOUBLE) / p.residents AS value,
    p.residents,
    p.area,
    round(CAST(p.area AS DOUBLE) / p.residents, 1) AS m2_each,
    p.day AS on_day,
    p.uses
FROM peaks AS p
JOIN stays AS s
    ON s.address = p.address AND s.since <= p.day AND (s.until IS NULL OR s.until > p.day)
GROUP BY p.address, p.residents, p.area, p.day, p.uses
