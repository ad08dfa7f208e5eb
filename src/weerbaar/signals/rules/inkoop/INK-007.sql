-- Cardinal R035, all except winning bid disqualified (src/indicators/r035.rs). In a process whose
-- awards are all final (no pending or other non-final status), exactly one tenderer has valid
-- bids, the suppliers of the active awards are exactly that tenderer, and at least `threshold`
-- other tenderers have disqualified bids. Value: the number of those other tenderers; the
-- winner is the flagged tenderer.
WITH final AS (
  SELECT p.ocid
  FROM ocds_processes AS p
  LEFT JOIN ocds_awards AS a
    ON a.ocid = p.ocid AND a.status NOT IN ('active', 'cancelled', 'unsuccessful')
  WHERE p.has_awards AND p.has_bid_details
  GROUP BY p.ocid
  HAVING count(a.ocid) = 0
),
suppliers AS (
  SELECT a.ocid, count(DISTINCT a.supplier_id) AS suppliers, min(a.supplier_id) AS supplier_id
  FROM ocds_awards AS a
  JOIN final AS f ON f.ocid = a.ocid
  WHERE a.status = 'active' AND a.supplier_id IS NOT NULL
  GROUP BY a.ocid
),
valid AS (
  SELECT b.ocid, count(DISTINCT b.tenderer_id) AS tenderers, min(b.tenderer_id) AS tenderer_id
  FROM ocds_bids AS b
  JOIN final AS f ON f.ocid = b.ocid
  WHERE b.status = 'valid' AND b.tenderer_id IS NOT NULL
  GROUP BY b.ocid
),
disqualified AS (
  SELECT b.ocid, b.tenderer_id
  FROM ocds_bids AS b
  JOIN final AS f ON f.ocid = b.ocid
  WHERE b.status = 'disqualified' AND b.tenderer_id IS NOT NULL
  GROUP BY b.ocid, b.tenderer_id
),
others AS (
  SELECT v.ocid, v.tenderer_id, count(d.tenderer_id) AS disqualified_tenderers
  FROM valid AS v
  JOIN suppliers AS s ON s.ocid = v.ocid
  LEFT JOIN disqualified AS d ON d.ocid = v.ocid AND d.tenderer_id <> v.tenderer_id
  WHERE v.tenderers = 1 AND s.suppliers = 1 AND s.supplier_id = v.tenderer_id
  GROUP BY v.ocid, v.tenderer_id
)
SELECT
  ocid AS entity_id,
  [ocid] AS record_ids,
  CAST(disqualified_tenderers AS DOUBLE) AS value,
  [tenderer_id] AS tenderer_ids,
  tenderer_id AS winner_id,
  disqualified_tenderers
FROM others
WHERE disqualified_tenderers >= greatest({{ threshold }}, 1)
