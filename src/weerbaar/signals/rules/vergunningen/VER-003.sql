-- One hit per address (BAG object) where at least min_holders different holders (KvK number, or
-- the pseudonym of a private applicant) were granted a new permit within window_days: a
-- business address passed from hand to hand. Several permits of one holder do not count.
WITH holders AS (
    SELECT
        a.address_id,
        coalesce(a.applicant_kvk, a.applicant_id) AS holder,
        min(d.decision_date) AS granted_on,
        array_sort(list(a.application_id)) AS applications
    FROM permit_applications AS a
    JOIN permit_decisions AS d ON d.application_id = a.application_id
    WHERE a.application_kind IN ('nieuw', 'wijziging_houder') AND d.decision = 'verleend'
        AND coalesce(a.applicant_kvk, a.applicant_id) IS NOT NULL
    GROUP BY a.address_id, coalesce(a.applicant_kvk, a.applicant_id)
),
windows AS (
    SELECT
        address_id,
        granted_on AS last_date,
        count(*) OVER (
            PARTITION BY address_id ORDER BY granted_on
            RANGE BETWEEN INTERVAL ({{ window_days }}) DAY PRECEDING AND CURRENT ROW
        ) AS holders
    FROM holders
),
best AS (
    SELECT address_id, last_date, holders
    FROM (
        SELECT
            *,
            row_number() OVER (PARTITION BY address_id ORDER BY holders DESC, last_date) AS nr
        FROM windows
        WHERE holders >= {{ min_holders }}
    ) AS ranked
    WHERE nr = 1
)
SELECT
    b.address_id AS entity_id,
    array_sort(flatten(list(h.applications))) AS record_ids,
    CAST(b.holders AS DOUBLE) AS value,
    b.holders,
    min(h.granted_on) AS first_date,
    b.last_date,
    array_sort(list(h.holder)) AS holder_ids
FROM best AS b
JOIN holders AS h
    ON h.address_id = b.address_id
    AND h.granted_on <= b.last_date
    AND h.granted_on >= b.last_date - INTERVAL ({{ window_days }}) DAY
GROUP BY b.address_id, b.last_date, b.holders
