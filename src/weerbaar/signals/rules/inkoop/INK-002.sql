-- Cardinal R018, single bid received (src/indicators/r018.rs): tender/numberOfTenderers is the
-- JSON integer 1 in a procedure whose procurementMethod is listed (default open, selective; an
-- empty list means every procedure). The bids themselves are not counted: see INK-003.
SELECT
  p.ocid AS entity_id,
  [p.ocid] AS record_ids,
  CAST(1.0 AS DOUBLE) AS value,
  p.number_of_tenderers,
  coalesce(p.procurement_method, '?') AS procurement_method
FROM ocds_processes AS p
WHERE p.number_of_tenderers = 1
  AND (
    array_length({{ procurement_methods }}) = 0
    OR coalesce(array_contains({{ procurement_methods }}, p.procurement_method), FALSE)
  )
