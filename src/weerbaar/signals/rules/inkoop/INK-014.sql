-- Cardinal R048, heterogeneous supplier (src/indicators/r048.rs): per supplier of active
-- single-supplier awards, the number of distinct item classification prefixes (first `digits`
-- characters, e.g. the CPV division) across all its awards. Suppliers seen in fewer than
-- `minimum_contracting_processes` processes are left out. Flagged when the number is at or above
-- the upper fence Q3 + 1.5 IQR (Hyndman-Fan type 8), or a fixed threshold.
-- With `all_rows` every scored entity is returned with its value and fences (calibration).
WITH supplied AS (
  SELECT a.process_id, a.ocid, a.supplier_id, substr(i.classification_id, 1, {{ digits }}) AS prefix
  FROM ocds_awards AS a
  JOIN ocds_award_items AS i ON i.process_id = a.process_id AND i.award_index = a.award_index
  WHERE a.status = 'active' AND a.supplier_count = 1 AND a.supplier_id IS NOT NULL
    AND i.classification_id IS NOT NULL
),
prefix_sets AS (
  SELECT
    supplier_id AS entity_id,
    count(DISTINCT process_id) AS processes,
    array_sort(list(DISTINCT prefix)) AS prefixes,
    coalesce(array_sort(list(DISTINCT ocid) FILTER (WHERE ocid IS NOT NULL)), []) AS record_ids
  FROM supplied
  GROUP BY supplier_id
  HAVING count(DISTINCT process_id) >= {{ minimum_contracting_processes }}
),
ratios AS (
  SELECT entity_id, processes, CAST(array_length(prefixes) AS DOUBLE) AS value, prefixes, record_ids
  FROM prefix_sets
),
ordered AS (
  SELECT value, row_number() OVER (ORDER BY value) AS rn, count(*) OVER () AS n FROM ratios
),
positions AS (
  SELECT DISTINCT
    n,
    floor((n + 1.0 / 3.0) * 0.25 + 1.0 / 3.0) AS h1_floor,
    (n + 1.0 / 3.0) * 0.25 + 1.0 / 3.0 AS h1,
    floor((n + 1.0 / 3.0) * 0.75 + 1.0 / 3.0) AS h3_floor,
    (n + 1.0 / 3.0) * 0.75 + 1.0 / 3.0 AS h3
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
       - max(CASE WHEN o.rn = greatest(least(p.h3_floor, p.n), 1) THEN o.value END)) AS q3
  FROM positions AS p
  JOIN ordered AS o ON TRUE
  GROUP BY p.n, p.h1, p.h1_floor, p.h3, p.h3_floor
),
fence AS (
  SELECT
    CASE WHEN {{ threshold }} < 0 THEN q1 END AS q1,
    CASE WHEN {{ threshold }} < 0 THEN q3 END AS q3,
    CASE WHEN {{ threshold }} < 0 THEN q3 + (q3 - q1) * 1.5 ELSE {{ threshold }} END
      AS upper_fence
  FROM quartiles
),
flagged AS (
  SELECT r.*, f.q1, f.q3, f.upper_fence
  FROM ratios AS r
  CROSS JOIN fence AS f
  WHERE {{ all_rows }} OR r.value >= f.upper_fence
)
SELECT
  f.entity_id,
  'tenderer' AS entity_type,
  f.record_ids,
  f.value,
  f.q1,
  f.q3,
  f.upper_fence,
  f.processes,
  f.prefixes
FROM flagged AS f
