-- One IBAN, address or board member behind several applicants (distinct KvK numbers): one hit per
-- shared link, with the applications behind it. IBANs are compared in electronic form, addresses
-- as postcode without spaces plus house number. A board member shared by a few organisations is
-- ordinary in a village, so each kind of link has its own minimum number of applicants.
WITH links AS (
    SELECT
        'iban' AS entity_type,
        upper(replace(iban, ' ', '')) AS entity_id,
        applicant_kvk,
        application_id,
        {{ min_applicants_iban }} AS needed
    FROM subsidy_applications
    WHERE iban IS NOT NULL
    UNION ALL
    SELECT
        'address' AS entity_type,
        upper(replace(postcode, ' ', '')) || ' ' || lower(trim(house_number)) AS entity_id,
        applicant_kvk,
        application_id,
        {{ min_applicants_address }} AS needed
    FROM subsidy_applications
    WHERE postcode IS NOT NULL AND house_number IS NOT NULL
    UNION ALL
    SELECT
        'board_member' AS entity_type,
        m.member_id AS entity_id,
        a.applicant_kvk,
        a.application_id,
        {{ min_applicants_board }} AS needed
    FROM subsidy_board_members AS m
    JOIN subsidy_applications AS a ON a.application_id = m.application_id
    WHERE m.member_id IS NOT NULL
),
shared AS (
    SELECT entity_type, entity_id, count(*) AS applicants
    FROM (SELECT DISTINCT entity_type, entity_id, applicant_kvk, needed FROM links) AS pairs
    GROUP BY entity_type, entity_id, needed
    HAVING count(*) >= needed
)
SELECT
    s.entity_type,
    s.entity_id,
    CASE s.entity_type WHEN 'iban' THEN 'Rekeningnummer' WHEN 'address' THEN 'Adres'
        ELSE 'Bestuurder' END AS link_nl,
    CASE s.entity_type WHEN 'iban' THEN 'Bank account' WHEN 'address' THEN 'Address'
        ELSE 'Board member' END AS link_en,
    array_sort(list(DISTINCT l.application_id)) AS record_ids,
    CAST(s.applicants AS DOUBLE) AS value,
    s.applicants,
    array_sort(list(DISTINCT l.applicant_kvk)) AS applicant_kvks,
    count(DISTINCT l.application_id) AS applications
FROM shared AS s
JOIN links AS l ON l.entity_type = s.entity_type AND l.entity_id = s.entity_id
GROUP BY s.entity_type, s.entity_id, s.applicants
