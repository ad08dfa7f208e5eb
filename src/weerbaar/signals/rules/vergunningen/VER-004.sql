-- One hit per applicant (KvK number, or the pseudonym of a private applicant) with at least
-- min_applications decided, of which one handler decided at least min_share, while that
-- handler's usual share of decisions on the same permit types is at most that share / min_lift
-- (the events officer deciding all event permits of an organiser is no signal).
WITH decided AS (
    SELECT
        a.application_id,
        coalesce(a.applicant_kvk, a.applicant_id) AS applicant,
        a.permit_type,
        d.decided_by
    FROM permit_applications AS a
    JOIN permit_decisions AS d ON d.application_id = a.application_id
    WHERE d.decided_by IS NOT NULL AND coalesce(a.applicant_kvk, a.applicant_id) IS NOT NULL
),
type_share AS (
    SELECT
        permit_type,
        decided_by,
        CAST(count(*) AS DOUBLE) / sum(count(*)) OVER (PARTITION BY permit_type) AS share
    FROM decided
    GROUP BY permit_type, decided_by
),
totals AS (
    SELECT applicant, count(*) AS total
    FROM decided
    GROUP BY applicant
    HAVING count(*) >= {{ min_applications }}
),
pairs AS (
    SELECT
        d.applicant,
        d.decided_by,
        count(*) AS decisions,
        avg(t.share) AS usual_share,
        array_sort(list(d.application_id)) AS applications
    FROM decided AS d
    JOIN totals AS n ON n.applicant = d.applicant
    JOIN type_share AS t ON t.permit_type = d.permit_type AND t.decided_by = d.decided_by
    GROUP BY d.applicant, d.decided_by
)
SELECT
    p.applicant AS entity_id,
    p.applications AS record_ids,
    CAST(p.decisions AS DOUBLE) / n.total AS value,
    p.decided_by AS handler,
    p.decisions,
    n.total,
    CAST(p.decisions AS DOUBLE) / n.total AS share,
    p.usual_share
FROM pairs AS p
JOIN totals AS n ON n.applicant = p.applicant
WHERE CAST(p.decisions AS DOUBLE) / n.total >= {{ min_share }}
    AND CAST(p.decisions AS DOUBLE) / n.total >= {{ min_lift }} * p.usual_share
