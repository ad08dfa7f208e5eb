-- Cardinal R030, late bid won (src/indicators/r030.rs): a valid bid whose date comes after
-- tender/tenderPeriod/endDate was submitted by a supplier of an active award. Cardinal compares
-- the two dates as text (RFC 3339 strings in the same time zone sort in time order); so do we.
SELECT
  b.ocid AS entity_id,
  [b.ocid] AS record_ids,
  CAST(1.0 AS DOUBLE) AS value,
  array_sort(array_distinct(list(b.tenderer_id))) AS tenderer_ids,
  max(b.bid_date) AS bid_date,
  min(p.tender_end_text) AS deadline
FROM ocds_bids AS b
JOIN ocds_processes AS p ON p.ocid = b.ocid
JOIN ocds_awards AS a
  ON a.ocid = b.ocid AND a.status = 'active' AND a.supplier_id = b.tenderer_id
WHERE b.status = 'valid'
  AND b.bid_date IS NOT NULL
  AND p.tender_end_text IS NOT NULL
  AND b.bid_date > p.tender_end_text
GROUP BY b.ocid
