-- Cardinal R030, late bid won (src/indicators/r030.rs): a valid bid whose date comes after
-- tender/tenderPeriod/endDate was submitted by a supplier of an active award. Cardinal compares
-- the two dates as text (RFC 3339 strings in the same time zone sort in time order); so do we.
SELECT
  p.ocid AS entity_id,
  [p.ocid] AS record_ids,
  CAST(1.0 AS DOUBLE) AS value,
  array_sort(array_distinct(list(b.tenderer_id))) AS tenderer_ids,
  max(b.bid_date) AS bid_date,
  min(p.tender_end_text) AS deadline
FROM ocds_bids AS b
JOIN ocds_processes AS p ON p.process_id = b.process_id
JOIN ocds_awards AS a
  ON a.process_id = b.process_id AND a.status = 'active' AND a.supplier_id = b.tenderer_id
WHERE b.status = 'valid'
  AND b.bid_date IS NOT NULL
  AND p.tender_end_text IS NOT NULL
  AND b.bid_date > p.tender_end_text
GROUP BY p.ocid
