-- Staging bootstrap, the same as production (production/001_admin_user.sql): the first administrator
-- (role super_admin, active, email verified) and its profile.
-- The email and the password hash come from the host variables admin_email and admin_password_hash; the email
-- is stored trimmed and lower-cased. Nothing else is seeded here.
--
-- Runs on every seed run, so it must be idempotent: a second run inserts nothing and fails nowhere.
--
-- UUID scheme of all seed files: 00000000-0000-4000-8000-000000TTTNNN, where TTT is the table and NNN the row.
--   TTT 001 payment_methods, 002 product_categories (base seeds).
--   Here: TTT 010 users, 011 user_profiles; NNN 001 is the first admin in every environment.
--
-- On re-seed nothing changes: ON CONFLICT DO NOTHING without a target covers the email and the fixed id, so the
-- password, role and status an operator has changed since are never overwritten. Because the id is fixed, the
-- bootstrap happens once: changing the admin_email variable later does not create a second super_admin
-- (create further admins through the API). The profile finds its user by email, so it is also added for an
-- account that already had this email.

INSERT INTO users (
    id, email, email_verified, email_verified_at, password_hash, auth_provider, role, status, kyc_status)
VALUES
    ('00000000-0000-4000-8000-000000010001', lower(btrim('$admin_email$')), TRUE, now(),
     '$admin_password_hash$', 'email', 'super_admin', 'active', 'not_required')
ON CONFLICT DO NOTHING;

INSERT INTO user_profiles (id, user_id, first_name, last_name, display_name)
SELECT '00000000-0000-4000-8000-000000011001', u.id, 'Site', 'Administrator', 'Administrator'
FROM users u
WHERE u.email = lower(btrim('$admin_email$'))
ON CONFLICT DO NOTHING;
