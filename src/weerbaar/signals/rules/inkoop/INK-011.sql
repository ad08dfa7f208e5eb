-- Contract value increase (Directive 2014/24/EU art. 72(2), Aanbestedingswet 2012 art. 2.163c):
-- a contract's current value (the compiled release holds it after amendments) exceeds the value
-- of the award it implements (same currency) by more than 10% for supplies and services, or 15%
-- for works (tender/mainProcurementCategory). Above these shares a modification needs a new
-- procedure, so an increase beyond them is a signal.
WITH awards AS (
  SELECT DISTINCT a.process_id, a.award_id, a.amount, a.currency
  FROM ocds_awards AS a
  WHERE a.award_id IS NOT NULL AND a.amount > 0 AND a.currency IS NOT NULL
),
increases AS (
  SELECT
    c.ocid,
    c.contract_id,
    a.amount AS awarded,
    c.amount AS contracted,
    c.currency,
    coalesce(p.main_procurement_category, 'unknown') AS category,
    (c.amount - a.amount) / a.amount AS value,
    CASE WHEN p.main_procurement_category = 'works' THEN {{ works_threshold }}
         ELSE {{ threshold }} END AS limit_share
  FROM ocds_contracts AS c
  JOIN awards AS a
    ON a.process_id = c.process_id AND a.award_id = c.award_id AND a.currency = c.currency
  JOIN ocds_processes AS p ON p.process_id = c.process_id
  WHERE c.amount IS NOT NULL
)
SELECT
  ocid AS entity_id,
  [ocid] AS record_ids,
  value,
  contract_id,
  awarded,
  contracted,
  currency,
  category,
  limit_share
FROM increases
WHERE value > limit_share
