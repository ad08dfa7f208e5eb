-- Creditors with many round payments; ids are collected only for the flagged creditors.
WITH per_creditor AS (
    SELECT
        creditor_id,
        count(*) AS payments,
        count(*) FILTER (
            WHERE amount_eur >= {{ round_unit }}
            AND CAST(round(amount_eur * 100) AS BIGINT) % CAST(round({{ round_unit }} * 100) AS BIGINT) = 0
        ) AS round_payments
    FROM payments
    GROUP BY creditor_id
),
flagged AS (
    SELECT *
    FROM per_creditor
    WHERE round_payments >= {{ min_round }}
        AND CAST(round_payments AS DOUBLE) / payments >= {{ min_share }}
)
SELECT
    f.creditor_id AS entity_id,
    array_sort(list(p.payment_id)) AS record_ids,
    CAST(f.round_payments AS DOUBLE) / f.payments AS value,
    f.payments,
    f.round_payments,
    sum(p.amount_eur) AS round_total,
    CAST(f.round_payments AS DOUBLE) / f.payments AS round_share
FROM flagged AS f
JOIN payments AS p
    ON p.creditor_id = f.creditor_id
    AND p.amount_eur >= {{ round_unit }}
    AND CAST(round(p.amount_eur * 100) AS BIGINT) % CAST(round({{ round_unit }} * 100) AS BIGINT) = 0
GROUP BY f.creditor_id, f.payments, f.round_payments
