-- Applications of one applicant whose requested amount lies within margin below a threshold
-- (e.g. the amount above which an activity report or an accountant's statement is required).
-- One hit per applicant with at least min_applications such applications for the same
-- threshold within window_days; the applications of its fullest window are the records.
WITH thresholds AS (
    SELECT unnest({{ thresholds }}) AS threshold
),
band AS (
    SELECT a.application_id, a.applicant_kvk, a.received_date, a.amount_requested, t.threshold
    FROM subsidy_applications AS a
    CROSS JOIN thresholds AS t
    WHERE a.amount_requested < t.threshold
        AND a.amount_requested >= t.threshold * (1 - {{ margin }})
),
windows AS (
    SELECT
        applicant_kvk,
        threshold,
        received_date AS last_date,
        count(*) OVER w AS applications
    FROM band
    WINDOW w AS (
        PARTITION BY applicant_kvk, threshold ORDER BY received_date
        RANGE BETWEEN INTERVAL ({{ window_days }}) DAY PRECEDING AND CURRENT ROW
    )
),
best AS (
    SELECT applicant_kvk, threshold, last_date, applications
    FROM (
        SELECT
            *,
            row_number() OVER (
                PARTITION BY applicant_kvk ORDER BY applications DESC, last_date, threshold
            ) AS nr
        FROM windows
        WHERE applications >= {{ min_applications }}
    ) AS ranked
    WHERE nr = 1
)
SELECT
    b.applicant_kvk AS entity_id,
    array_sort(list(d.application_id)) AS record_ids,
    CAST(b.applications AS DOUBLE) AS value,
    b.threshold,
    b.applications,
    min(d.received_date) AS first_date,
    b.last_date,
    sum(d.amount_requested) AS total,
    array_sort(list(d.amount_requested)) AS amounts
FROM best AS b
JOIN band AS d
    ON d.applicant_kvk = b.applicant_kvk
    AND d.threshold = b.threshold
    AND d.received_date <= b.last_date
    AND d.received_date >= b.last_date - INTERVAL ({{ window_days }}) DAY
GROUP BY b.applicant_kvk, b.threshold, b.last_date, b.applications
