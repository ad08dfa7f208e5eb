-- Cardinal R035, all except winning bid disqualified (src/indicators/r035.rs). In a process whose
-- awards are all final (no pending or other non-final status), exactly one tenderer has valid
-- bids, the suppliers of the active awards are exactly that tenderer, and at least `threshold`
-- other tenderers have disqualified bids. Value: the number of those other tenderers; the
-- winner is the flagged tenderer.
WITH final AS (
  SELECT p.process_id
  FROM ocds_processes AS p
  WHERE p.has_awards AND p.has_bid_details
    AND NOT EXISTS (
      SELECT 1 FROM ocds_awards AS a
      WHERE a.process_id = p.process_id
        AND a.status NOT IN ('active', 'cancelled', 'unsuccessful'))
),
-- The one supplier of the active awards (lowest and highest id agree) ...
suppliers AS (
  SELECT a.process_id, min(a.supplier_id) AS supplier_id, max(a.supplier_id) AS last_supplier_id
  FROM ocds_awards AS a
  JOIN final AS f ON f.process_id = a.process_id
  WHERE a.status = 'active' AND a.supplier_id IS NOT NULL
  GROUP BY a.process_id
),
-- ... is the only tenderer with valid bids.
valid AS (
  SELECT b.process_id, s.supplier_id AS tenderer_id
  FROM ocds_bids AS b
  JOIN suppliers AS s ON s.process_id = b.process_id AND s.supplier_id = s.last_supplier_id
  WHERE b.status = 'valid' AND b.tenderer_id IS NOT NULL
  GROUP BY b.process_id, s.supplier_id
  HAVING bool_and(b.tenderer_id = s.supplier_id)
),
disqualified AS (
  SELECT b.process_id, b.tenderer_id
  FROM ocds_bids AS b
  JOIN final AS f ON f.process_id = b.process_id
  WHERE b.status = 'disqualified' AND b.tenderer_id IS NOT NULL
  GROUP BY b.process_id, b.tenderer_id
),
others AS (
  SELECT v.process_id, v.tenderer_id, count(d.tenderer_id) AS disqualified_tenderers
  FROM valid AS v
  LEFT JOIN disqualified AS d ON d.process_id = v.process_id AND d.tenderer_id <> v.tenderer_id
  GROUP BY v.process_id, v.tenderer_id
)
SELECT
  p.ocid AS entity_id,
  [p.ocid] AS record_ids,
  CAST(o.disqualified_tenderers AS DOUBLE) AS value,
  [o.tenderer_id] AS tenderer_ids,
  o.tenderer_id AS winner_id,
  o.disqualified_tenderers
FROM others AS o
JOIN ocds_processes AS p ON p.process_id = o.process_id
WHERE o.disqualified_tenderers >= greatest({{ threshold }}, 1)
