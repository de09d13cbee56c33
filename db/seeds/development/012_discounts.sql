-- Development seed: two active discount codes, started 30 days before the first seed run, no expiry.
--   WELCOME10  10 percent off the first order, once per customer
--   SAVE20     20.00 USD off orders of 100.00 USD or more, no per-customer limit
--
-- Runs on every seed run, so it must be idempotent: a second run inserts nothing and fails nowhere.
--
-- UUID scheme of all seed files: 00000000-0000-4000-8000-000000TTTNNN, where TTT is the table and NNN the row.
--   TTT 001 payment_methods, 002 product_categories, 010 users, 011 user_profiles, 012 user_addresses,
--   TTT 020 products, 021 product_batches.
--   Here: TTT 030 discounts (001 WELCOME10, 002 SAVE20).
--
-- Nothing follows the seed on re-seed: usage_count is live, and a developer may edit or deactivate a code to
-- test the discount rules. ON CONFLICT DO NOTHING without a target covers both the id and the unique code.

INSERT INTO discounts (
    id, code, name, discount_type, value, minimum_order_cents, maximum_discount_cents,
    usage_limit, usage_count, usage_limit_per_user, starts_at, expires_at, product_ids, user_ids,
    first_order_only, is_active)
VALUES
    ('00000000-0000-4000-8000-000000030001', 'WELCOME10', 'Welcome: 10% off your first order', 'percentage', 10,
     NULL, NULL, NULL, 0, 1, now() - interval '30 days', NULL, NULL, NULL, TRUE, TRUE),
    ('00000000-0000-4000-8000-000000030002', 'SAVE20', 'Save 20 USD on orders of 100 USD or more', 'fixed_amount', 2000,
     10000, NULL, NULL, 0, NULL, now() - interval '30 days', NULL, NULL, NULL, FALSE, TRUE)
ON CONFLICT DO NOTHING;
