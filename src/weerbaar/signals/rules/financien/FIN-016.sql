-- One hit per creditor paid to, or registered with, the salary account of an employee: a
-- payment while they were employed (or up to after_end_days after they left), or a creditor
-- created while they were employed. Accounts are compared as keyed hashes (iban_keys holds the
-- hash of every creditor IBAN in its electronic form; employees.iban is the employee's hash):
-- no employee IBAN is ever compared or shown in clear.
WITH staff AS (
    SELECT
        employee_id,
        iban AS iban_key,
        department,
        start_date,
        coalesce(end_date, DATE '2999-12-31') AS end_date
    FROM employees
),
paid AS (
    SELECT p.creditor_id, p.payment_id, p.payment_date, p.amount_eur, s.employee_id, s.department
    FROM payments AS p
    JOIN iban_keys AS k ON k.iban = p.iban
    JOIN staff AS s ON s.iban_key = k.iban_key
    WHERE p.payment_date >= s.start_date
        AND p.payment_date <= s.end_date + INTERVAL ({{ after_end_days }}) DAY
),
registered AS (
    SELECT c.creditor_id, s.employee_id, s.department
    FROM creditors AS c
    JOIN iban_keys AS k ON k.iban = c.iban
    JOIN staff AS s ON s.iban_key = k.iban_key
    WHERE c.created_date >= s.start_date AND c.created_date <= s.end_date
),
matched AS (
    SELECT creditor_id, employee_id, department FROM paid
    UNION
    SELECT creditor_id, employee_id, department FROM registered
),
people AS (
    SELECT
        creditor_id,
        array_sort(list(DISTINCT employee_id)) AS employees,
        array_sort(list(DISTINCT department) FILTER (WHERE department IS NOT NULL)) AS departments
    FROM matched
    GROUP BY creditor_id
),
payments_made AS (
    SELECT
        creditor_id,
        array_sort(list(payment_id)) AS payment_ids,
        count(*) AS payments,
        sum(amount_eur) AS total,
        min(payment_date) AS first_date,
        max(payment_date) AS last_date
    FROM (SELECT DISTINCT creditor_id, payment_id, payment_date, amount_eur FROM paid) AS once
    GROUP BY creditor_id
)
SELECT
    p.creditor_id AS entity_id,
    coalesce(m.payment_ids, CAST([] AS VARCHAR[])) AS record_ids,
    CAST(coalesce(m.total, 0) AS DOUBLE) AS value,
    c.name,
    c.created_date,
    p.employees,
    p.departments,
    coalesce(m.payments, 0) AS payments,
    coalesce(m.total, 0) AS total,
    m.first_date,
    m.last_date
FROM people AS p
LEFT JOIN payments_made AS m ON m.creditor_id = p.creditor_id
LEFT JOIN creditors AS c ON c.creditor_id = p.creditor_id
