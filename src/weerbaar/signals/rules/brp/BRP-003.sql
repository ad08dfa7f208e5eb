-- One hit per address where, within window_days, at least min_people people registered a
-- residential address in at least min_arrivals separate arrivals (distinct dates). Births are
-- not arrivals; a household that arrives together is one arrival. Addresses whose BAG use is in
-- exclude_uses (care homes, lodgings) are left out.
WITH excluded AS (
    SELECT DISTINCT adresseerbaarObjectIdentificatie AS address
    FROM bag_addresses
    WHERE list_contains({{ exclude_uses }}, gebruiksdoel)
),
arrived AS (
    SELECT
        m.mutation_id,
        m.adresseerbaarObjectIdentificatie AS address,
        m.datumVan AS since
    FROM brp_mutations AS m
    LEFT JOIN excluded AS e ON e.address = m.adresseerbaarObjectIdentificatie
    WHERE e.address IS NULL
        AND m.adresseerbaarObjectIdentificatie IS NOT NULL
        AND coalesce(m.functieAdres, 'W') = 'W'
        AND m.mutation_type IN ('inschrijving', 'verhuizing', 'correctie')
),
arrivals AS (
    SELECT address, since, count(*) AS people
    FROM arrived
    GROUP BY address, since
),
windows AS (
    SELECT
        address,
        since AS last_arrival,
        count(*) OVER w AS arrivals,
        sum(people) OVER w AS people
    FROM arrivals
    WINDOW w AS (
        PARTITION BY address ORDER BY since
        RANGE BETWEEN INTERVAL ({{ window_days }}) DAY PRECEDING AND CURRENT ROW
    )
),
best AS (
    SELECT address, last_arrival, arrivals, people
    FROM (
        SELECT
            *,
            row_number() OVER (
                PARTITION BY address ORDER BY people DESC, arrivals DESC, last_arrival
            ) AS nr
        FROM windows
        WHERE arrivals >= {{ min_arrivals }} AND people >= {{ min_people }}
    ) AS ranked
    WHERE nr = 1
)
SELECT
    b.address AS entity_id,
    array_sort(list(a.mutation_id)) AS record_ids,
    CAST(b.people AS DOUBLE) AS value,
    b.people,
    b.arrivals,
    min(a.since) AS first_arrival,
    b.last_arrival
FROM best AS b
JOIN arrived AS a
    ON a.address = b.address
    AND a.since <= b.last_arrival
    AND a.since >= b.last_arrival - INTERVAL ({{ window_days }}) DAY
GROUP BY b.address, b.last_arrival, b.arrivals, b.people
