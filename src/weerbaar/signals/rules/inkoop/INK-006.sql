-- Cardinal R028, identical bid prices (src/indicators/r028.rs): two submitted bids (pending,
-- valid or disqualified) with the same amount and currency come from different sets of tenderers
-- (a tenderer may repeat its own price). Every tenderer in such a group of bids is flagged.
-- Procedures listed as no-price-comparison (or not listed as price-comparison, when that list is
-- set) are left out. Bids without a string tenderer id are ignored.
WITH comparable AS (
  SELECT p.process_id
  FROM ocds_processes AS p
  WHERE CASE
    WHEN array_length({{ price_comparison_procurement_methods }}) > 0 THEN coalesce(
      array_contains({{ price_comparison_procurement_methods }}, p.procurement_method_details),
      FALSE)
    ELSE NOT coalesce(
      array_contains({{ no_price_comparison_procurement_methods }},
                     p.procurement_method_details), FALSE)
  END
),
-- A cheap first pass without the currency: amounts shared by more than one bid of a process.
candidates AS (
  SELECT b.process_id, b.amount
  FROM ocds_bids AS b
  WHERE b.status IN ('pending', 'valid', 'disqualified')
    AND b.amount IS NOT NULL AND b.currency IS NOT NULL AND b.tenderer_id IS NOT NULL
  GROUP BY b.process_id, b.amount
  HAVING min(b.bid_index) < max(b.bid_index)
),
submitted AS (
  SELECT b.process_id, b.bid_index, b.amount, b.currency, b.tenderer_id
  FROM ocds_bids AS b
  JOIN candidates AS k ON k.process_id = b.process_id AND k.amount = b.amount
  JOIN comparable AS c ON c.process_id = b.process_id
  WHERE b.status IN ('pending', 'valid', 'disqualified')
    AND b.currency IS NOT NULL AND b.tenderer_id IS NOT NULL
),
repeated AS (
  SELECT process_id, amount, currency
  FROM submitted
  GROUP BY process_id, amount, currency
  HAVING count(DISTINCT bid_index) > 1
),
bids AS (
  SELECT
    s.process_id, s.bid_index, s.amount, s.currency,
    array_sort(array_distinct(list(s.tenderer_id))) AS tenderer_set
  FROM submitted AS s
  JOIN repeated AS r ON r.process_id = s.process_id AND r.amount = s.amount AND r.currency = s.currency
  GROUP BY s.process_id, s.bid_index, s.amount, s.currency
),
prices AS (
  SELECT process_id, amount, currency
  FROM bids
  GROUP BY process_id, amount, currency
  HAVING count(DISTINCT tenderer_set) > 1
),
flagged AS (
  SELECT b.process_id, b.amount, b.currency, t.tenderer_id
  FROM bids AS b
  JOIN prices AS p ON p.process_id = b.process_id AND p.amount = b.amount AND p.currency = b.currency
  CROSS JOIN UNNEST(b.tenderer_set) AS t (tenderer_id)
)
SELECT
  p.ocid AS entity_id,
  [p.ocid] AS record_ids,
  CAST(1.0 AS DOUBLE) AS value,
  array_sort(array_distinct(list(f.tenderer_id))) AS tenderer_ids,
  min(f.amount) AS amount,
  min(f.currency) AS currency
FROM flagged AS f
JOIN ocds_processes AS p ON p.process_id = f.process_id
GROUP BY p.ocid
