WITH marked AS (
    SELECT
        creditor_id,
        payment_id,
        amount_eur,
        amount_eur >= {{ round_unit }}
            AND CAST(round(amount_eur * 100) AS BIGINT) % CAST(round({{ round_unit }} * 100) AS BIGINT) = 0
            AS is_round
    FROM payments
),
per_creditor AS (
    SELECT
        creditor_id,
        count(*) AS payments,
        count(*) FILTER (WHERE is_round) AS round_payments,
        sum(CASE WHEN is_round THEN amount_eur ELSE 0 END) AS round_total,
        list(CASE WHEN is_round THEN payment_id END) AS ids
    FROM marked
    GROUP BY creditor_id
)
SELECT
    creditor_id AS entity_id,
    array_sort(list_distinct(ids)) AS record_ids,
    CAST(round_payments AS DOUBLE) / payments AS value,
    payments,
    round_payments,
    round_total,
    CAST(round_payments AS DOUBLE) / payments AS round_share
FROM per_creditor
WHERE round_payments >= {{ min_round }}
    AND CAST(round_payments AS DOUBLE) / payments >= {{ min_share }}
