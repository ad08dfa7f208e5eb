-- Cardinal R058, heavily discounted bid (src/indicators/r058.rs, util.rs
-- SecondLowestBidRatio). The same ratio as INK-004 (R024): (runner-up - winner) / winner, from
-- the valid single-tenderer bids in the main currency of processes with exactly one active award
-- to a single supplier and no non-final award. Flagged when the ratio is at or above the upper
-- fence Q3 + 1.5 IQR (Hyndman-Fan type 8 quartiles over all ratios), or a fixed threshold;
-- skipped when the fence is not positive. The winner is the flagged tenderer.
-- With `all_rows` every scored entity is returned with its value and fences (calibration).
WITH comparable AS (
  SELECT p.process_id
  FROM ocds_processes AS p
  WHERE p.has_awards AND p.has_bid_details
    AND CASE
      WHEN array_length({{ price_comparison_procurement_methods }}) > 0 THEN coalesce(
        array_contains({{ price_comparison_procurement_methods }}, p.procurement_method_details),
        FALSE)
      ELSE NOT coalesce(
        array_contains({{ no_price_comparison_procurement_methods }},
                       p.procurement_method_details), FALSE)
    END
),
award_state AS (
  SELECT
    a.process_id,
    count(DISTINCT CASE WHEN a.status = 'active' THEN a.award_index END) AS active_awards,
    sum(CASE WHEN a.status NOT IN ('active', 'cancelled', 'unsuccessful') THEN 1 ELSE 0 END)
      AS open_awards,
    max(CASE WHEN a.status = 'active' THEN a.supplier_count END) AS suppliers,
    max(CASE WHEN a.status = 'active' THEN a.supplier_id END) AS supplier_id
  FROM ocds_awards AS a
  JOIN comparable AS c ON c.process_id = a.process_id
  GROUP BY a.process_id
),
valid_bids AS (
  SELECT b.process_id, b.bid_index, b.tenderer_id, b.amount, s.supplier_id
  FROM ocds_bids AS b
  JOIN award_state AS s ON s.process_id = b.process_id
  WHERE s.active_awards = 1 AND s.open_awards = 0 AND s.suppliers = 1
    AND s.supplier_id IS NOT NULL
    AND b.status = 'valid' AND b.tenderer_count = 1 AND b.tenderer_id IS NOT NULL
    AND b.amount IS NOT NULL AND b.is_main_currency
),
winners AS (
  SELECT process_id, min(amount) AS winning_bid, min(supplier_id) AS winner_id
  FROM valid_bids WHERE tenderer_id = supplier_id GROUP BY process_id
),
others AS (
  SELECT process_id, min(amount) AS runner_up_bid
  FROM valid_bids WHERE tenderer_id <> supplier_id GROUP BY process_id
),
ratios AS (
  SELECT
    w.process_id, w.winner_id, w.winning_bid, o.runner_up_bid,
    (o.runner_up_bid - w.winning_bid) / w.winning_bid AS value
  FROM winners AS w
  JOIN others AS o ON o.process_id = w.process_id
  WHERE o.runner_up_bid >= w.winning_bid
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
  SELECT r.*, f.*
  FROM ratios AS r
  CROSS JOIN fence AS f
  WHERE {{ all_rows }} OR (f.upper_fence > 0 AND r.value >= f.upper_fence)
),
runner_up AS (
  SELECT v.process_id, min(v.bid_index) AS bid_index
  FROM valid_bids AS v
  JOIN flagged AS g ON g.process_id = v.process_id AND v.amount = g.runner_up_bid
  WHERE v.tenderer_id <> v.supplier_id
  GROUP BY v.process_id
),
runner_up_ids AS (
  SELECT u.process_id, min(v.tenderer_id) AS runner_up_id
  FROM runner_up AS u
  JOIN valid_bids AS v ON v.process_id = u.process_id AND v.bid_index = u.bid_index
  GROUP BY u.process_id
)
SELECT
  s.ocid AS entity_id,
  [s.ocid] AS record_ids,
  r.value,
  r.q1,
  r.q3,
  r.upper_fence,
  [r.winner_id] AS tenderer_ids,
  r.winner_id,
  u.runner_up_id,
  r.winning_bid,
  r.runner_up_bid
FROM flagged AS r
JOIN runner_up_ids AS u ON u.process_id = r.process_id
JOIN ocds_processes AS s ON s.process_id = r.process_id
