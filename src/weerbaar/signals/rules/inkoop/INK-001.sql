-- Cardinal R003, short submission period (src/indicators/r003.rs): the whole days between
-- tender/tenderPeriod/startDate and endDate (RFC 3339; truncated toward zero like chrono's
-- num_days) are fewer than the threshold for the procedure: the threshold listed for its
-- procurementMethodDetails, else the default. Optionally only for some procurement methods.
WITH periods AS (
  SELECT
    p.ocid,
    p.procurement_method,
    p.procurement_method_details,
    p.tender_start,
    p.tender_end,
    trunc((epoch(p.tender_end) - epoch(p.tender_start)) / 86400.0) AS days,
    CASE
      WHEN array_contains({{ procurement_method_details }}, p.procurement_method_details)
        THEN ({{ procurement_method_details_thresholds }})[
          array_position({{ procurement_method_details }}, p.procurement_method_details)]
      ELSE {{ threshold }}
    END AS minimum_days
  FROM ocds_processes AS p
  WHERE p.tender_start IS NOT NULL
    AND p.tender_end IS NOT NULL
    AND (
      array_length({{ procurement_methods }}) = 0
      OR coalesce(array_contains({{ procurement_methods }}, p.procurement_method), FALSE)
    )
)
SELECT
  ocid AS entity_id,
  [ocid] AS record_ids,
  CAST(1.0 AS DOUBLE) AS value,
  days,
  minimum_days,
  coalesce(procurement_method_details, procurement_method, '?') AS procedure,
  CAST(tender_start AS DATE) AS start_date,
  CAST(tender_end AS DATE) AS end_date
FROM periods
WHERE days < minimum_days
