-- 'Doorloopadres': one hit per address where at least min_households households (distinct
-- arrival dates) stayed at most max_stay_days each and arrived within window_days. Addresses
-- whose BAG use is in exclude_uses (care homes, short-stay lodging) are left out: passing
-- through is what they are for. Postal addresses (functieAdres B) do not count.
WITH excluded AS (
    SELECT DISTINCT adresseerbaarObjectIdentificatie AS address
    FROM bag_addresses
    WHERE list_contains({{ exclude_uses }}, gebruiksdoel)
),
short_stays AS (
    SELECT
        m.mutation_id,
        m.adresseerbaarObjectIdentificatie AS address,
        m.datumVan AS since,
        m.datumTot AS until
    FROM brp_mutations AS m
    LEFT JOIN excluded AS e ON e.address = m.adresseerbaarObjectIdentificatie
    WHERE e.address IS NULL
        AND m.adresseerbaarObjectIdentificatie IS NOT NULL
        AND coalesce(m.functieAdres, 'W') = 'W'
        AND m.mutation_type NOT IN ('vertrek', 'emigratie', 'overlijden')
        AND m.datumTot IS NOT NULL
        AND date_diff('day', m.datumVan, m.datumTot) <= {{ max_stay_days }}
),
households AS (
    SELECT address, since, count(*) AS people
    FROM short_stays
    GROUP BY address, since
),
windows AS (
    SELECT
        address,
        since AS last_arrival,
        count(*) OVER (
            PARTITION BY address ORDER BY since
            RANGE BETWEEN INTERVAL ({{ window_days }}) DAY PRECEDING AND CURRENT ROW
        ) AS households
    FROM households
),
best AS (
    SELECT address, last_arrival, households
    FROM (
        SELECT
            *,
            row_number() OVER (PARTITION BY address ORDER BY households DESC, last_arrival) AS nr
        FROM windows
        WHERE households >= {{ min_households }}
    ) AS ranked
    WHERE nr = 1
)
SELECT
    b.address AS entity_id,
    array_sort(list(s.mutation_id)) AS record_ids,
    CAST(b.households AS DOUBLE) AS value,
    b.households,
    count(*) AS people,
    min(s.since) AS first_arrival,
    max(s.until) AS last_departure,
    CAST(avg(date_diff('day', s.since, s.until)) AS DOUBLE) AS average_days
FROM best AS b
JOIN short_stays AS s
    ON s.address = b.address
    AND s.since <= b.last_arrival
    AND s.since >= b.last_arrival - INTERVAL ({{ window_days }}) DAY
GROUP BY b.address, b.last_arrival, b.households
