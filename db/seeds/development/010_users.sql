-- Development seed: two ready-to-use accounts.
--   admin@sbb.local     role super_admin (so role changes can be tested), password hash from the host
--                       variable admin_password_hash
--   customer@sbb.local  role customer, email and age verified, KYC approved, with a default shipping and a
--                       default billing address in Texas (no seeded product restricts TX); password hash from
--                       the host variable customer_password_hash
--
-- Runs on every seed run, so it must be idempotent: a second run inserts nothing and fails nowhere.
--
-- UUID scheme of all seed files: 00000000-0000-4000-8000-000000TTTNNN, where TTT is the table and NNN the row.
--   TTT 001 payment_methods, 002 product_categories, 020 products, 021 product_batches, 030 discounts.
--   Here: TTT 010 users (001 admin, 002 customer), 011 user_profiles (001 admin, 002 customer),
--   012 user_addresses (001 customer shipping, 002 customer billing).
--   010001 is the first admin in every environment (admin@sbb.local here).
--
-- Nothing of an existing account follows the seed: password, role, status, verification and KYC state,
-- profile and addresses are live data a developer changes through the API, and the admin password hash must
-- never be overwritten. So every insert is ON CONFLICT DO NOTHING without a conflict target, which also covers
-- the other unique keys (users.email, users.phone, user_profiles.user_id, one default address per type).
-- Profiles and addresses find their user by email, not by the fixed id, so they attach to the account even if
-- it was registered through the API before the first seed run.

INSERT INTO users (
    id, email, email_verified, email_verified_at, phone, phone_verified, password_hash, auth_provider,
    role, status, age_verified, age_verified_at, kyc_status, kyc_verified_at)
VALUES
    ('00000000-0000-4000-8000-000000010001', 'admin@sbb.local', TRUE, now(), NULL, FALSE,
     '$admin_password_hash$', 'email', 'super_admin', 'active', TRUE, now(), 'not_required', NULL),
    ('00000000-0000-4000-8000-000000010002', 'customer@sbb.local', TRUE, now(), '+15125550142', TRUE,
     '$customer_password_hash$', 'email', 'customer', 'active', TRUE, now(), 'approved', now())
ON CONFLICT DO NOTHING;

INSERT INTO user_profiles (
    id, user_id, first_name, last_name, display_name, date_of_birth, timezone,
    marketing_consent, marketing_consent_at, sms_consent, sms_consent_at)
SELECT v.id::uuid, u.id, v.first_name, v.last_name, v.display_name, v.date_of_birth::date, v.timezone,
       v.marketing_consent, CASE WHEN v.marketing_consent THEN now() END,
       FALSE, NULL
FROM (VALUES
    ('00000000-0000-4000-8000-000000011001', 'admin@sbb.local', 'Dana', 'Admin', 'Dana (admin)',
     '1984-03-14', 'America/New_York', FALSE),
    ('00000000-0000-4000-8000-000000011002', 'customer@sbb.local', 'Casey', 'Customer', 'Casey',
     '1991-07-22', 'America/Chicago', TRUE)
) AS v (id, email, first_name, last_name, display_name, date_of_birth, timezone, marketing_consent)
JOIN users u ON u.email = v.email
WHERE TRUE
ON CONFLICT DO NOTHING;

INSERT INTO user_addresses (
    id, user_id, address_type, is_default, label, recipient_name, company, street_line_1, street_line_2,
    city, state_province, postal_code, country_code, phone, validated, validated_at, validation_source)
SELECT v.id::uuid, u.id, v.address_type, TRUE, v.label, 'Casey Customer', NULL, v.street_line_1, v.street_line_2,
       v.city, 'TX', v.postal_code, 'US', '+15125550142', TRUE, now(), 'manual'
FROM (VALUES
    ('00000000-0000-4000-8000-000000012001', 'shipping', 'Lab', '9600 Great Hills Trail', 'Suite 150W',
     'Austin', '78759'),
    ('00000000-0000-4000-8000-000000012002', 'billing', 'Home', '1201 W 6th Street', 'Apt 4B',
     'Austin', '78703')
) AS v (id, address_type, label, street_line_1, street_line_2, city, postal_code)
JOIN users u ON u.email = 'customer@sbb.local'
WHERE TRUE
ON CONFLICT DO NOTHING;
