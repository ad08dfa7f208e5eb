-- Single bid received, counted from the bids (complements INK-002, which trusts
-- tender/numberOfTenderers): exactly one distinct tenderer submitted bids (status pending, valid
-- or disqualified, as Cardinal defines "submitted") in a procedure whose procurementMethod is
-- listed (default open, selective; an empty list means every procedure).
WITH submitted AS (
  SELECT
    b.process_id,
    count(DISTINCT b.bid_index) AS bids,
    count(DISTINCT b.tenderer_id) AS tenderers,
    min(b.tenderer_id) AS tenderer_id
  FROM ocds_bids AS b
  WHERE b.status IN ('pending', 'valid', 'disqualified')
  GROUP BY b.process_id
)
SELECT
  p.ocid AS entity_id,
  [p.ocid] AS record_ids,
  CAST(s.bids AS DOUBLE) AS value,
  s.bids,
  s.tenderer_id,
  coalesce(p.procurement_method, '?') AS procurement_method
FROM ocds_processes AS p
JOIN submitted AS s ON s.process_id = p.process_id
WHERE s.tenderers = 1
  AND (
    array_length({{ procurement_methods }}) = 0
    OR coalesce(array_contains({{ procurement_methods }}, p.procurement_method), FALSE)
  )
