-- One hit per inspection planned as unannounced that was announced to the business, or cancelled
-- for a reason not in excused_reasons (illness, a calamity), at most days_before days before the
-- planned date.
SELECT
    inspection_id AS entity_id,
    [inspection_id] AS record_ids,
    CAST(date_diff('day', CAST(coalesce(cancelled_at, announced_at) AS DATE), planned_date) AS DOUBLE)
        AS value,
    location_id,
    inspection_type,
    inspector_id AS inspector,
    planned_date,
    CASE WHEN cancelled_at IS NOT NULL THEN cancelled_at ELSE announced_at END AS changed_at,
    CASE WHEN cancelled_at IS NULL THEN 'aangekondigd'
        WHEN cancel_reason = 'verzoek_ondernemer' THEN 'geannuleerd op verzoek van de ondernemer'
        WHEN cancel_reason IS NULL THEN 'geannuleerd zonder reden'
        ELSE 'geannuleerd (' || cancel_reason || ')' END AS what_nl,
    CASE WHEN cancelled_at IS NULL THEN 'announced'
        WHEN cancel_reason = 'verzoek_ondernemer' THEN 'cancelled at the request of the business'
        WHEN cancel_reason IS NULL THEN 'cancelled without a reason'
        ELSE 'cancelled (' || cancel_reason || ')' END AS what_en
FROM inspections
WHERE unannounced
    AND (
        (
            cancelled_at IS NOT NULL
            AND NOT list_contains({{ excused_reasons }}, coalesce(cancel_reason, ''))
            AND date_diff('day', CAST(cancelled_at AS DATE), planned_date) BETWEEN 0 AND {{ days_before }}
        )
        OR (
            cancelled_at IS NULL
            AND announced_at IS NOT NULL
            AND date_diff('day', CAST(announced_at AS DATE), planned_date) <= {{ days_before }}
        )
    )
