-- Decision period outlier (GTI/DIGIWHIST "decision period"): the days from the bid deadline
-- (tender/tenderPeriod/endDate) to the first active award's date are outside the fences
-- Q1 - k IQR .. Q3 + k IQR of procedures of the same procurementMethod (Hyndman-Fan type 8
-- quartiles, as in Cardinal). Both very short (decided before the bids could be assessed) and
-- very long periods (room for negotiation) are signals. Methods with fewer than
-- `minimum_processes` processes, or whose IQR is 0, are skipped.
WITH decisions AS (
  SELECT
    p.process_id,
    min(p.ocid) AS ocid,
    coalesce(p.procurement_method, 'unknown') AS grp,
    p.tender_end,
    min(a.award_date) AS award_date
  FROM ocds_processes AS p
  JOIN ocds_awards AS a ON a.process_id = p.process_id AND a.status = 'active'
  WHERE p.tender_end IS NOT NULL AND a.award_date IS NOT NULL
  GROUP BY p.process_id, p.procurement_method, p.tender_end
),
periods AS (
  SELECT ocid, grp, tender_end, award_date,
         (epoch(award_date) - epoch(tender_end)) / 86400.0 AS value
  FROM decisions
),
ordered AS (
  SELECT grp, value, row_number() OVER (PARTITION BY grp ORDER BY value) AS rn,
         count(*) OVER (PARTITION BY grp) AS n
  FROM periods
),
positions AS (
  SELECT DISTINCT
    grp, n,
    floor((n + 1.0 / 3.0) * 0.25 + 1.0 / 3.0) AS h1_floor,
    (n + 1.0 / 3.0) * 0.25 + 1.0 / 3.0 AS h1,
    floor((n + 1.0 / 3.0) * 0.75 + 1.0 / 3.0) AS h3_floor,
    (n + 1.0 / 3.0) * 0.75 + 1.0 / 3.0 AS h3
  FROM ordered
  WHERE n >= {{ minimum_processes }}
),
quartiles AS (
  SELECT
    p.grp,
    p.n,
    max(CASE WHEN o.rn = greatest(least(p.h1_floor, p.n), 1) THEN o.value END)
    + CASE WHEN p.h1_floor < 1 OR p.h1_floor >= p.n THEN 0.0 ELSE p.h1 - p.h1_floor END
    * (max(CASE WHEN o.rn = greatest(least(p.h1_floor + 1, p.n), 1) THEN o.value END)
       - max(CASE WHEN o.rn = greatest(least(p.h1_floor, p.n), 1) THEN o.value END)) AS q1,
    max(CASE WHEN o.rn = greatest(least(p.h3_floor, p.n), 1) THEN o.value END)
    + CASE WHEN p.h3_floor < 1 OR p.h3_floor >= p.n THEN 0.0 ELSE p.h3 - p.h3_floor END
    * (max(CASE WHEN o.rn = greatest(least(p.h3_floor + 1, p.n), 1) THEN o.value END)
       - max(CASE WHEN o.rn = greatest(least(p.h3_floor, p.n), 1) THEN o.value END)) AS q3
  FROM positions AS p
  JOIN ordered AS o ON o.grp = p.grp
  GROUP BY p.grp, p.n, p.h1, p.h1_floor, p.h3, p.h3_floor
),
fences AS (
  SELECT grp, n, q1, q3,
         q1 - (q3 - q1) * {{ iqr_multiplier }} AS lower_fence,
         q3 + (q3 - q1) * {{ iqr_multiplier }} AS upper_fence
  FROM quartiles
  WHERE q3 > q1
)
SELECT
  d.ocid AS entity_id,
  [d.ocid] AS record_ids,
  d.value,
  f.q1,
  f.q3,
  f.lower_fence,
  f.upper_fence,
  d.grp AS procurement_method,
  f.n AS peers,
  CAST(d.tender_end AS DATE) AS deadline,
  CAST(d.award_date AS DATE) AS award_date,
  CASE WHEN d.value < f.lower_fence THEN 'kort' ELSE 'lang' END AS direction_nl,
  CASE WHEN d.value < f.lower_fence THEN 'short' ELSE 'long' END AS direction_en
FROM periods AS d
JOIN fences AS f ON f.grp = d.grp
WHERE d.value < f.lower_fence OR d.value > f.upper_fence
