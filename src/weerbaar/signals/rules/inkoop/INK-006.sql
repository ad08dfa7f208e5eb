-- Cardinal R028, identical bid prices (src/indicators/r028.rs): two submitted bids (pending,
-- valid or disqualified) with the same amount and currency come from different sets of tenderers
-- (a tenderer may repeat its own price). Every tenderer in such a group of bids is flagged.
-- Procedures listed as no-price-comparison (or not listed as price-comparison, when that list is
-- set) are left out. Bids without a string tenderer id are ignored.
WITH comparable AS (
  SELECT p.ocid
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
submitted AS (
  SELECT b.ocid, b.bid_index, b.amount, b.currency, b.tenderer_id
  FROM ocds_bids AS b
  JOIN comparable AS c ON c.ocid = b.ocid
  WHERE b.status IN ('pending', 'valid', 'disqualified')
    AND b.amount IS NOT NULL AND b.currency IS NOT NULL AND b.tenderer_id IS NOT NULL
),
repeated AS (
  SELECT ocid, amount, currency
  FROM submitted
  GROUP BY ocid, amount, currency
  HAVING count(DISTINCT bid_index) > 1
),
bids AS (
  SELECT
    s.ocid, s.bid_index, s.amount, s.currency,
    array_sort(array_distinct(list(s.tenderer_id))) AS tenderer_set
  FROM submitted AS s
  JOIN repeated AS r ON r.ocid = s.ocid AND r.amount = s.amount AND r.currency = s.currency
  GROUP BY s.ocid, s.bid_index, s.amount, s.currency
),
prices AS (
  SELECT ocid, amount, currency
  FROM bids
  GROUP BY ocid, amount, currency
  HAVING count(DISTINCT tenderer_set) > 1
),
flagged AS (
  SELECT b.ocid, b.amount, b.currency, t.tenderer_id
  FROM bids AS b
  JOIN prices AS p ON p.ocid = b.ocid AND p.amount = b.amount AND p.currency = b.currency
  CROSS JOIN UNNEST(b.tenderer_set) AS t (tenderer_id)
)
SELECT
  ocid AS entity_id,
  [ocid] AS record_ids,
  CAST(1.0 AS DOUBLE) AS value,
  array_sort(array_distinct(list(tenderer_id))) AS tenderer_ids,
  min(amount) AS amount,
  min(currency) AS currency
FROM flagged
GROUP BY ocid
