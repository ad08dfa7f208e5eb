-- Cardinal R038, excessive disqualified bids (src/indicators/r038.rs). Over all processes, the
-- ratio of disqualified to submitted bids (pending, valid, disqualified) per buyer, per procuring
-- entity and per tenderer. Buyers and procuring entities with fewer than
-- `minimum_contracting_processes` submitted bids (Cardinal compares this setting with the bid
-- count) and tenderers with fewer than `minimum_submitted_bids` are left out. Flagged when the
-- ratio is at or above the upper fence Q3 + 1.5 IQR of its group (Hyndman-Fan type 8), or a
-- fixed threshold; a group is skipped when its fence is not positive.
-- With `all_rows` every scored entity is returned with its value and fences (calibration).
WITH submitted AS (
  SELECT DISTINCT b.process_id, b.bid_index, b.status = 'disqualified' AS disqualified
  FROM ocds_bids AS b
  WHERE b.status IN ('pending', 'valid', 'disqualified')
),
per_process AS (
  SELECT process_id, count(*) AS bids, sum(CASE WHEN disqualified THEN 1 ELSE 0 END) AS disqualified
  FROM submitted
  GROUP BY process_id
),
organisations AS (
  SELECT 'buyer' AS grp, p.buyer_id AS entity_id, sum(s.disqualified) AS disqualified,
         sum(s.bids) AS bids, count(*) AS processes
  FROM per_process AS s JOIN ocds_processes AS p ON p.process_id = s.process_id
  WHERE p.buyer_id IS NOT NULL
  GROUP BY p.buyer_id
  UNION ALL
  SELECT 'procuring_entity' AS grp, p.procuring_entity_id AS entity_id,
         sum(s.disqualified) AS disqualified, sum(s.bids) AS bids, count(*) AS processes
  FROM per_process AS s JOIN ocds_processes AS p ON p.process_id = s.process_id
  WHERE p.procuring_entity_id IS NOT NULL
  GROUP BY p.procuring_entity_id
  UNION ALL
  SELECT 'tenderer' AS grp, b.tenderer_id AS entity_id,
         sum(CASE WHEN b.status = 'disqualified' THEN 1 ELSE 0 END) AS disqualified,
         count(*) AS bids, NULL AS processes
  FROM ocds_bids AS b
  WHERE b.status IN ('pending', 'valid', 'disqualified') AND b.tenderer_id IS NOT NULL
  GROUP BY b.tenderer_id
),
ratios AS (
  SELECT grp, entity_id, disqualified, bids, processes,
         CAST(disqualified AS DOUBLE) / bids AS value
  FROM organisations
  WHERE bids >= CASE WHEN grp = 'tenderer' THEN {{ minimum_submitted_bids }}
                     ELSE {{ minimum_contracting_processes }} END
),
ordered AS (
  SELECT grp, value, row_number() OVER (PARTITION BY grp ORDER BY value) AS rn,
         count(*) OVER (PARTITION BY grp) AS n
  FROM ratios
),
positions AS (
  SELECT DISTINCT
    grp, n,
    floor((n + 1.0 / 3.0) * 0.25 + 1.0 / 3.0) AS h1_floor,
    (n + 1.0 / 3.0) * 0.25 + 1.0 / 3.0 AS h1,
    floor((n + 1.0 / 3.0) * 0.75 + 1.0 / 3.0) AS h3_floor,
    (n + 1.0 / 3.0) * 0.75 + 1.0 / 3.0 AS h3
  FROM ordered
),
quartiles AS (
  SELECT
    p.grp,
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
  SELECT
    grp,
    CASE WHEN {{ threshold }} < 0 THEN q1 END AS q1,
    CASE WHEN {{ threshold }} < 0 THEN q3 END AS q3,
    CASE WHEN {{ threshold }} < 0 THEN q3 + (q3 - q1) * 1.5 ELSE {{ threshold }} END
      AS upper_fence
  FROM quartiles
),
flagged AS (
  SELECT r.grp, r.entity_id, r.value, f.q1, f.q3, f.upper_fence, r.disqualified, r.bids,
         r.processes
  FROM ratios AS r
  JOIN fences AS f ON f.grp = r.grp
  WHERE {{ all_rows }} OR (f.upper_fence > 0 AND r.value >= f.upper_fence)
),
-- Evidence and counts only for the flagged entities (filtered before the lists are built).
evidence AS (
  SELECT f.grp, f.entity_id, p.ocid
  FROM flagged AS f
  JOIN ocds_processes AS p ON p.buyer_id = f.entity_id
  JOIN per_process AS s ON s.process_id = p.process_id
  WHERE f.grp = 'buyer' AND s.disqualified > 0
  UNION ALL
  SELECT f.grp, f.entity_id, p.ocid
  FROM flagged AS f
  JOIN ocds_processes AS p ON p.procuring_entity_id = f.entity_id
  JOIN per_process AS s ON s.process_id = p.process_id
  WHERE f.grp = 'procuring_entity' AND s.disqualified > 0
  UNION ALL
  SELECT f.grp, f.entity_id, p.ocid
  FROM flagged AS f
  JOIN ocds_bids AS b ON b.tenderer_id = f.entity_id
  JOIN ocds_processes AS p ON p.process_id = b.process_id
  WHERE f.grp = 'tenderer' AND b.status = 'disqualified'
),
records AS (
  SELECT grp, entity_id, array_sort(array_distinct(list(ocid))) AS record_ids
  FROM evidence
  GROUP BY grp, entity_id
),
-- The number of processes of a tenderer, counted for the flagged ones only.
tenderer_processes AS (
  SELECT b.tenderer_id AS entity_id, count(DISTINCT b.process_id) AS processes
  FROM ocds_bids AS b
  WHERE b.status IN ('pending', 'valid', 'disqualified')
    AND b.tenderer_id IN (SELECT entity_id FROM flagged WHERE grp = 'tenderer')
  GROUP BY b.tenderer_id
)
SELECT
  f.entity_id,
  f.grp AS entity_type,
  CASE f.grp WHEN 'buyer' THEN 'Opdrachtgever' WHEN 'procuring_entity' THEN 'Aanbestedende dienst'
    ELSE 'Inschrijver' END AS kind_nl,
  CASE f.grp WHEN 'buyer' THEN 'Buyer' WHEN 'procuring_entity' THEN 'Procuring entity'
    ELSE 'Tenderer' END AS kind_en,
  r.record_ids,
  f.value,
  f.q1,
  f.q3,
  f.upper_fence,
  f.disqualified,
  f.bids,
  coalesce(f.processes, t.processes) AS processes
FROM flagged AS f
LEFT JOIN records AS r ON r.grp = f.grp AND r.entity_id = f.entity_id
LEFT JOIN tenderer_processes AS t ON f.grp = 'tenderer' AND t.entity_id = f.entity_id
