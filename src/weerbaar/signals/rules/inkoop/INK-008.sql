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
bids AS (
  SELECT b.process_id, b.bid_index, b.status, b.amount, b.tenderer_id
  FROM ocds_bids AS b
  JOIN comparable AS c ON c.process_id = b.process_id
  WHERE b.status IN ('pending', 'valid', 'disqualified')
    AND b.amount IS NOT NULL AND b.is_main_currency
),
lowest AS (
  SELECT
    process_id,
    min(amount) AS lowest_bid,
    max(CASE WHEN status = 'valid' THEN 1 ELSE 0 END) AS has_valid
  FROM bids
  GROUP BY process_id
),
first_lowest AS (
  SELECT b.process_id, l.lowest_bid, min(b.bid_index) AS bid_index
  FROM bids AS b
  JOIN lowest AS l ON l.process_id = b.process_id AND b.amount = l.lowest_bid
  WHERE l.has_valid = 1
  GROUP BY b.process_id, l.lowest_bid
)
SELECT
  p.ocid AS entity_id,
  [p.ocid] AS record_ids,
  CAST(1.0 AS DOUBLE) AS value,
  f.lowest_bid,
  min(b.tenderer_id) AS disqualified_tenderer_id
FROM first_lowest AS f
JOIN bids AS b ON b.process_id = f.process_id AND b.bid_index = f.bid_index
JOIN ocds_processes AS p ON p.process_id = f.process_id
WHERE b.status = 'disqualified'
GROUP BY p.ocid, f.lowest_bid
