-- Cardinal R036, lowest bid disqualified (src/indicators/r036.rs). In a process with at least one
-- active award, among the submitted bids (pending, valid, disqualified) with an amount in the main
-- currency, the lowest (the first in bid order on ties) is disqualified while some valid bid has
-- an amount. Procedures listed as no-price-comparison (or not listed as price-comparison, when
-- that list is set) are left out.
WITH comparable AS (
  SELECT p.process_id
  FROM ocds_processes AS p
  WHERE p.has_awards
    AND p.process_id IN (SELECT a.process_id FROM ocds_awards AS a WHERE a.status = 'active')
    AND CASE
      WHEN array_length({{ price_comparison_procurement_methods }}) > 0 THEN coalesce(
        array_contains({{ price_comparison_procurement_methods }}, p.procurement_method_details),
        FALSE)
      ELSE NOT coalesce(
        array_contains({{ no_price_comparison_procurement_methods }},
                       p.procurement_method_details), FALSE)
    END
),
-- The lowest submitted bid of each process, first in bid order on ties.
lowest AS (
  SELECT
    b.process_id,
    min(b.amount) AS lowest_bid,
    arg_min(b.bid_index, struct_pack(amount := b.amount, bid_index := b.bid_index)) AS bid_index
  FROM ocds_bids AS b
  WHERE b.status IN ('pending', 'valid', 'disqualified')
    AND b.amount IS NOT NULL AND b.is_main_currency
  GROUP BY b.process_id
  HAVING max(CASE WHEN b.status = 'valid' THEN 1 ELSE 0 END) = 1
),
first_lowest AS (
  SELECT l.process_id, l.lowest_bid, l.bid_index
  FROM lowest AS l
  JOIN comparable AS c ON c.process_id = l.process_id
)
SELECT
  p.ocid AS entity_id,
  [p.ocid] AS record_ids,
  CAST(1.0 AS DOUBLE) AS value,
  f.lowest_bid,
  min(b.tenderer_id) AS disqualified_tenderer_id
FROM first_lowest AS f
JOIN ocds_bids AS b ON b.process_id = f.process_id AND b.bid_index = f.bid_index
JOIN ocds_processes AS p ON p.process_id = f.process_id
WHERE b.status = 'disqualified' AND b.amount IS NOT NULL AND b.is_main_currency
GROUP BY p.ocid, f.lowest_bid
