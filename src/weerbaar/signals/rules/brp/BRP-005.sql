-- One hit per employee who processed at least min_share of the registration events (distinct
-- processing days) at an address with at least min_events events, on at least min_addresses
-- addresses, while that share is at least min_lift times the employee's share of all events.
-- A household registered in one visit is one event, so a large family is no signal.
WITH events AS (
    SELECT DISTINCT
        adresseerbaarObjectIdentificatie AS address,
        registered_by,
        CAST(registered_at AS DATE) AS day
    FROM brp_mutations
    WHERE adresseerbaarObjectIdentificatie IS NOT NULL AND registered_by IS NOT NULL
),
overall AS (
    SELECT
        registered_by,
        CAST(count(*) AS DOUBLE) / sum(count(*)) OVER () AS overall_share
    FROM events
    GROUP BY registered_by
),
per_address AS (
    SELECT address, count(*) AS events
    FROM events
    GROUP BY address
    HAVING count(*) >= {{ min_events }}
),
pairs AS (
    SELECT
        e.address,
        e.registered_by,
        count(*) AS by_employee,
        max(p.events) AS events
    FROM events AS e
    JOIN per_address AS p ON p.address = e.address
    GROUP BY e.address, e.registered_by
),
flagged AS (
    SELECT p.address, p.registered_by, p.by_employee, p.events, o.overall_share
    FROM pairs AS p
    JOIN overall AS o ON o.registered_by = p.registered_by
    WHERE CAST(p.by_employee AS DOUBLE) / p.events >= {{ min_share }}
        AND CAST(p.by_employee AS DOUBLE) / p.events >= {{ min_lift }} * o.overall_share
),
employees AS (
    SELECT registered_by, count(*) AS addresses, sum(by_employee) AS events, max(overall_share) AS overall_share
    FROM flagged
    GROUP BY registered_by
    HAVING count(*) >= {{ min_addresses }}
)
SELECT
    e.registered_by AS entity_id,
    array_sort(list(m.mutation_id)) AS record_ids,
    CAST(e.events AS DOUBLE) AS value,
    e.addresses,
    e.events,
    count(*) AS registrations,
    e.overall_share,
    array_sort(list(DISTINCT f.address)) AS address_ids
FROM employees AS e
JOIN flagged AS f ON f.registered_by = e.registered_by
JOIN brp_mutations AS m
    ON m.registered_by = f.registered_by AND m.adresseerbaarObjectIdentificatie = f.address
GROUP BY e.registered_by, e.addresses, e.events, e.overall_share
