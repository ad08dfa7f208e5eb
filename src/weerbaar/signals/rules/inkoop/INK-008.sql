-- Cardinal R036, lowest bid disqualified (src/indicators/r036.rs). In a process with at least one
-- active award, among the submitted bids (pending, valid, disqualified) with an amount in the main
-- currency, the lowest (the first in bid order on ties) is disqualified while some valid bid has
-- an amount. Procedures listed as no-price-comparison (or not listed as price-comparison, when
-- that list is set) are left out.
WITH comparable AS (
  SELECT p.ocid
  FROM ocds_processes AS p
  WHERE p.has_awards
    AND p.ocid IN (SELECT a.ocid FROM ocds_awards AS a WHERE a.status = 'active')
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
  SELECT DISTINCT b.ocid, b.bid_index, b.status, b.amount, b.tenderer_id
  FROM ocds_bids AS b
  JOIN comparable AS c ON c.ocid = b.ocid
  WHERE b.status IN ('pending', 'valid', 'disqualified')
    AND b.amount IS NOT NULL AND b.is_main_currency
),
ranked AS (
  SELECT
    ocid, bid_index, status, amount, tenderer_id,
    row_number() OVER (PARTITION BY ocid ORDER BY amount, bid_index, tenderer_id) AS position,
    max(CASE WHEN status = 'valid' THEN 1 ELSE 0 END) OVER (PARTITION BY ocid) AS has_valid
  FROM bids
)
SELECT
  ocid AS entity_id,
  [ocid] AS record_ids,
  CAST(1.0 AS DOUBLE) AS value,
  amount AS lowest_bid,
  tenderer_id AS disqualified_tenderer_id
FROM ranked
WHERE position = 1 AND status = 'disqualified' AND has_valid = 1
