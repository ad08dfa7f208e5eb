-- Cardinal R024, price close to winning bid (src/indicators/r024.rs, util.rs
-- SecondLowestBidRatio). Per process with exactly one active award (no pending or other
-- non-final award) to a single supplier, from the valid single-tenderer bids in the main
-- currency: winner = the supplier's lowest bid, runner-up = the lowest other bid (first in bid
-- order on ties); ratio = (runner-up - winner) / winner when the runner-up is not lower.
-- Flagged when the ratio is at or below the lower fence Q1 - 1.5 IQR (Hyndman-Fan type 8
-- quartiles over all ratios), or below a fixed threshold; skipped when Q1 or the fence is not
-- positive (most processes have no difference). Procedures listed as no-price-comparison (or not
-- listed as price-comparison, when that list is set) are left out.
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
-- Processes with exactly one active award (its lowest and highest index agree), no non-final
-- award, and that award to a single supplier with an id.
award_state AS (
  SELECT a.process_id, max(a.supplier_id) FILTER (WHERE a.status = 'active') AS supplier_id
  FROM ocds_awards AS a
  JOIN comparable AS c ON c.process_id = a.process_id
  GROUP BY a.process_id
  HAVING min(a.award_index) FILTER (WHERE a.status = 'active')
      = max(a.award_index) FILTER (WHERE a.status = 'active')
    AND count(*) FILTER (WHERE a.status NOT IN ('active', 'cancelled', 'unsuccessful')) = 0
    AND max(a.supplier_count) FILTER (WHERE a.status = 'active') = 1
    AND max(a.supplier_id) FILTER (WHERE a.status = 'active') IS NOT NULL
),
-- One pass over the bids: the lowest bid of the winner and the lowest other bid.
bid_prices AS (
  SELECT
    b.process_id,
    min(b.amount) FILTER (WHERE b.tenderer_id = s.supplier_id) AS winning_bid,
    min(b.amount) FILTER (WHERE b.tenderer_id <> s.supplier_id) AS runner_up_bid
  FROM ocds_bids AS b
  JOIN award_state AS s ON s.process_id = b.process_id
  WHERE b.status = 'valid' AND b.tenderer_count = 1 AND b.tenderer_id IS NOT NULL
    AND b.amount IS NOT NULL AND b.is_main_currency
  GROUP BY b.process_id
),
ratios AS (
  SELECT
    p.process_id, s.supplier_id AS winner_id, p.winning_bid, p.runner_up_bid,
    (p.runner_up_bid - p.winning_bid) / p.winning_bid AS value
  FROM bid_prices AS p
  JOIN award_state AS s ON s.process_id = p.process_id
  WHERE p.runner_up_bid >= p.winning_bid
),
-- Hyndman-Fan type 8: h = (n + 1/3) p + 1/3, Q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
ordered AS (
  SELECT value, row_number() OVER (ORDER BY value) AS rn FROM ratios
),
positions AS (
  SELECT
    n,
    floor((n + 1.0 / 3.0) * 0.25 + 1.0 / 3.0) AS h1_floor,
    (n + 1.0 / 3.0) * 0.25 + 1.0 / 3.0 AS h1,
    floor((n + 1.0 / 3.0) * 0.75 + 1.0 / 3.0) AS h3_floor,
    (n + 1.0 / 3.0) * 0.75 + 1.0 / 3.0 AS h3
  FROM (SELECT count(*) AS n FROM ratios) AS c
  WHERE n > 0
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
    CASE WHEN {{ threshold }} < 0 THEN q1 - (q3 - q1) * 1.5 ELSE {{ threshold }} END
      AS lower_fence,
    CASE WHEN {{ threshold }} < 0 THEN q1 ELSE 1.0 END AS guard
  FROM quartiles
),
-- The fence is compared through scalar subqueries: as a join condition DuckDB would sort all
-- ratios for an inequality join against its single row.
flagged AS (
  SELECT r.*, f.*
  FROM ratios AS r
  CROSS JOIN fence AS f
  WHERE {{ all_rows }} OR (
    (SELECT guard FROM fence) > 0 AND (SELECT lower_fence FROM fence) > 0
    AND r.value <= (SELECT lower_fence FROM fence))
),
-- The runner-up's bid (first in bid order on ties) and tenderer, for flagged processes only.
runner_up AS (
  SELECT g.process_id, min(b.bid_index) AS bid_index
  FROM flagged AS g
  JOIN ocds_bids AS b ON b.process_id = g.process_id AND b.amount = g.runner_up_bid
  WHERE b.status = 'valid' AND b.tenderer_count = 1 AND b.tenderer_id IS NOT NULL
    AND b.is_main_currency AND b.tenderer_id <> g.winner_id
  GROUP BY g.process_id
),
runner_up_ids AS (
  SELECT u.process_id, min(b.tenderer_id) AS runner_up_id
  FROM runner_up AS u
  JOIN ocds_bids AS b ON b.process_id = u.process_id AND b.bid_index = u.bid_index
  WHERE b.status = 'valid' AND b.tenderer_count = 1 AND b.tenderer_id IS NOT NULL
    AND b.amount IS NOT NULL AND b.is_main_currency
  GROUP BY u.process_id
)
SELECT
  s.ocid AS entity_id,
  [s.ocid] AS record_ids,
  r.value,
  r.q1,
  r.q3,
  r.lower_fence,
  [r.winner_id, u.runner_up_id] AS tenderer_ids,
  r.winner_id,
  u.runner_up_id,
  r.winning_bid,
  r.runner_up_bid
FROM flagged AS r
JOIN runner_up_ids AS u ON u.process_id = r.process_id
JOIN ocds_processes AS s ON s.process_id = r.process_id
