-- Cardinal R025, excessive unsuccessful bids (src/indicators/r025.rs). In processes whose awards
-- are all final with exactly one active award to a single supplier, every tenderer with a valid
-- single-tenderer bid counts once: as a win when it is the supplier. A tenderer is flagged when its
-- number of such processes is at or above the `percentile` of all tenderers' counts and its win
-- ratio is at or below the lower fence Q1 - 1.5 IQR (or a fixed threshold); Hyndman-Fan type 8
-- quantiles. Skipped when Q1 or the fence is not positive.
-- With `all_rows` every scored entity is returned with its value and fences (calibration).
-- Processes with exactly one active award (its lowest and highest index agree), no non-final
-- award, and that award to a single supplier with an id.
WITH award_state AS (
  SELECT a.process_id, max(a.supplier_id) FILTER (WHERE a.status = 'active') AS supplier_id
  FROM ocds_awards AS a
  JOIN ocds_processes AS p ON p.process_id = a.process_id AND p.has_bid_details
  GROUP BY a.process_id
  HAVING min(a.award_index) FILTER (WHERE a.status = 'active')
      = max(a.award_index) FILTER (WHERE a.status = 'active')
    AND count(*) FILTER (WHERE a.status NOT IN ('active', 'cancelled', 'unsuccessful')) = 0
    AND max(a.supplier_count) FILTER (WHERE a.status = 'active') = 1
    AND max(a.supplier_id) FILTER (WHERE a.status = 'active') IS NOT NULL
),
participations AS (
  SELECT DISTINCT b.process_id, b.tenderer_id, b.tenderer_id = s.supplier_id AS won
  FROM ocds_bids AS b
  JOIN award_state AS s ON s.process_id = b.process_id
  WHERE b.status = 'valid' AND b.tenderer_count = 1 AND b.tenderer_id IS NOT NULL
),
ratios AS (
  SELECT
    tenderer_id AS entity_id,
    count(*) AS processes,
    sum(CASE WHEN won THEN 1 ELSE 0 END) AS wins,
    CAST(sum(CASE WHEN won THEN 1 ELSE 0 END) AS DOUBLE) / count(*) AS value
  FROM participations
  GROUP BY tenderer_id
),
ordered AS (
  SELECT
    value, row_number() OVER (ORDER BY value) AS rn,
    CAST(processes AS DOUBLE) AS processes,
    row_number() OVER (ORDER BY processes) AS processes_rn,
    count(*) OVER () AS n
  FROM ratios
),
positions AS (
  SELECT DISTINCT
    n,
    floor((n + 1.0 / 3.0) * 0.25 + 1.0 / 3.0) AS h1_floor,
    (n + 1.0 / 3.0) * 0.25 + 1.0 / 3.0 AS h1,
    floor((n + 1.0 / 3.0) * 0.75 + 1.0 / 3.0) AS h3_floor,
    (n + 1.0 / 3.0) * 0.75 + 1.0 / 3.0 AS h3,
    floor((n + 1.0 / 3.0) * ({{ percentile }} / 100.0) + 1.0 / 3.0) AS hp_floor,
    (n + 1.0 / 3.0) * ({{ percentile }} / 100.0) + 1.0 / 3.0 AS hp
  FROM ordered
),
quartiles AS (
  SELECT
    max(CASE WHEN o.rn = greatest(least(p.h1_floor, p.n), 1) THEN o.value END)
    + CASE WHEN p.h1_floor < 1 OR p.h1_floor >= p.n THEN 0.0 ELSE p.h1 - p.h1_floor END
    * (max(CASE WHEN o.rn = greatest(least(p.h1_floor + 1, p.n), 1) THEN o.value END)
       - max(CASE WHEN o.rn = greatest(least(p.h1_floor, p.n), 1) THEN o.value END)) AS q1,
    max(CASE WHEN o.rn = greatest(least(p.h3_floor, p.n), 1) THEN o.value END)
    + CASE WHEN p.h3_floor < 1 OR p.h3_floor >= p.n THEN 0.0 ELSE p.h3 - p.h3_floor END
    * (max(CASE WHEN o.rn = greatest(least(p.h3_floor + 1, p.n), 1) THEN o.value END)
       - max(CASE WHEN o.rn = greatest(least(p.h3_floor, p.n), 1) THEN o.value END)) AS q3,
    max(CASE WHEN o.processes_rn = greatest(least(p.hp_floor, p.n), 1) THEN o.processes END)
    + CASE WHEN p.hp_floor < 1 OR p.hp_floor >= p.n THEN 0.0 ELSE p.hp - p.hp_floor END
    * (max(CASE WHEN o.processes_rn = greatest(least(p.hp_floor + 1, p.n), 1)
               THEN o.processes END)
       - max(CASE WHEN o.processes_rn = greatest(least(p.hp_floor, p.n), 1)
                 THEN o.processes END)) AS top_processes
  FROM positions AS p
  JOIN ordered AS o ON TRUE
  GROUP BY p.n, p.h1, p.h1_floor, p.h3, p.h3_floor, p.hp, p.hp_floor
),
fence AS (
  SELECT
    CASE WHEN {{ threshold }} < 0 THEN q1 END AS q1,
    CASE WHEN {{ threshold }} < 0 THEN q3 END AS q3,
    top_processes AS upper_fence,
    CASE WHEN {{ threshold }} < 0 THEN q1 - (q3 - q1) * 1.5 ELSE {{ threshold }} END
      AS lower_fence,
    CASE WHEN {{ threshold }} < 0 THEN q1 ELSE 1.0 END AS guard
  FROM quartiles
),
flagged AS (
  SELECT r.*, f.q1, f.q3, f.lower_fence, f.upper_fence
  FROM ratios AS r
  CROSS JOIN fence AS f
  WHERE {{ all_rows }} OR (
    f.guard > 0 AND f.lower_fence > 0
    AND r.processes >= f.upper_fence AND r.value <= f.lower_fence
  )
),
-- Records only for flagged tenderers (filtered before the lists are built).
records AS (
  SELECT
    t.tenderer_id,
    coalesce(array_sort(list(DISTINCT p.ocid) FILTER (WHERE p.ocid IS NOT NULL)), []) AS record_ids
  FROM participations AS t
  JOIN ocds_processes AS p ON p.process_id = t.process_id
  WHERE t.tenderer_id IN (SELECT entity_id FROM flagged)
  GROUP BY t.tenderer_id
)
SELECT
  f.entity_id,
  'tenderer' AS entity_type,
  r.record_ids,
  f.value,
  f.q1,
  f.q3,
  f.lower_fence,
  f.upper_fence,
  f.processes,
  f.wins
FROM flagged AS f
JOIN records AS r ON r.tenderer_id = f.entity_id
