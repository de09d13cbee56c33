-- Base seed (every environment): the three manual payment methods offered at checkout.
--
-- Runs on every seed run, so it must be idempotent: a second run inserts nothing and fails nowhere.
--
-- UUID scheme of all seed files: 00000000-0000-4000-8000-000000TTTNNN, where TTT is the table and NNN the row.
--   TTT 001 payment_methods     NNN 001 Zelle, 002 Cash App, 003 wire transfer
--   TTT 002 product_categories  NNN 100, 200, 300 the roots, 1xx, 2xx, 3xx their children
--   TTT 010 users, 011 user_profiles, 012 user_addresses (010001 is the first admin in every environment)
--   TTT 020 products (NNN = product number), 021 product_batches (NNN = product number, then batch number)
--   TTT 030 discounts
--
-- On re-seed the descriptive configuration follows this file (name, instructions, manual flag, limits,
-- confirmation window, sort order). Two columns never follow it, because admins own them through
-- /admin/payment-methods:
--   payment_details  the real receiving accounts (the wire details below are placeholders: a re-seed must never
--                    put placeholders back over the account an admin entered),
--   is_active        an admin may switch a method off.
-- The WHERE clause of the update skips rows already equal to the seed, so an unchanged re-seed touches no row
-- (no updated_at churn, no spurious concurrency conflicts for an admin editing the row).
--
-- Note: the Cash App cashtag starts with a dollar sign. It is written as the JSON escape \u0024 so that no
-- dollar sign appears in this script (DbUp variable substitution is on for seeds).

INSERT INTO payment_methods (
    id, method_type, name, is_active, is_manual, instructions, payment_details,
    min_amount_cents, max_amount_cents, confirmation_window_hours, sort_order, icon_url)
VALUES
    ('00000000-0000-4000-8000-000000001001', 'zelle', 'Zelle', TRUE, TRUE,
     'Pay with Zelle from your banking app. Send the exact order total to the Zelle email address shown below '
     || 'and check that the recipient name matches before you confirm, because Zelle payments cannot be reversed. '
     || 'Put your payment reference in the Zelle memo and nothing else: no product names. '
     || 'After sending, enter the Zelle confirmation number on the payment page (a screenshot of the confirmation '
     || 'helps). We verify Zelle payments within one business day and your order ships once the payment is verified. '
     || 'Orders not paid within 48 hours are cancelled automatically. Maximum 2,500.00 USD per Zelle payment.',
     '{"email": "payments@sciencebasedbody.com", "recipient_name": "Science Based Body LLC"}'::jsonb,
     0, 250000, 48, 1, NULL),

    ('00000000-0000-4000-8000-000000001002', 'cashapp', 'Cash App', TRUE, TRUE,
     'Pay with Cash App. Open Cash App, tap Pay and send the exact order total to the cashtag shown below '
     || '(recipient Science Based Body). Pay from your Cash App balance or a linked debit card. '
     || 'Put your payment reference in the "For" note and nothing else: no product names. '
     || 'After paying, enter the Cash App payment identifier from your receipt on the payment page and upload a '
     || 'screenshot of the completed payment. We verify Cash App payments within one business day and your order '
     || 'ships once the payment is verified. Orders not paid within 48 hours are cancelled automatically. '
     || 'Maximum 1,000.00 USD per Cash App payment.',
     '{"cashtag": "\u0024ScienceBasedBody", "recipient_name": "Science Based Body"}'::jsonb,
     0, 100000, 48, 2, NULL),

    ('00000000-0000-4000-8000-000000001003', 'wire_transfer', 'Wire Transfer', TRUE, TRUE,
     'Pay by bank wire (domestic or international). Wire the exact order total in USD to the account shown below. '
     || 'Put your payment reference in the wire memo (originator to beneficiary information) so we can match '
     || 'your payment. Any fees charged by your bank or an intermediary bank are yours: the amount we receive must '
     || 'cover the order total. Domestic wires usually arrive the same or next business day, international wires '
     || 'within 3 to 5 business days. After sending, enter the Fed reference (IMAD) or SWIFT reference on the '
     || 'payment page and upload the wire confirmation. Orders not paid within 120 hours (5 days) are cancelled '
     || 'automatically. Minimum 500.00 USD per wire.',
     ('{"bank_name": "PLACEHOLDER BANK, N.A.", "bank_address": "000 Placeholder Street, Anytown, TX 00000, USA", '
     || '"account_name": "Science Based Body LLC", "account_type": "checking", '
     || '"routing_number": "000000000", "account_number": "0000000000", "swift": "XXXXUS00XXX"}')::jsonb,
     50000, NULL, 120, 3, NULL)
ON CONFLICT (id) DO UPDATE SET
    method_type = EXCLUDED.method_type,
    name = EXCLUDED.name,
    is_manual = EXCLUDED.is_manual,
    instructions = EXCLUDED.instructions,
    min_amount_cents = EXCLUDED.min_amount_cents,
    max_amount_cents = EXCLUDED.max_amount_cents,
    confirmation_window_hours = EXCLUDED.confirmation_window_hours,
    sort_order = EXCLUDED.sort_order,
    icon_url = EXCLUDED.icon_url,
    updated_at = now()
WHERE (payment_methods.method_type, payment_methods.name, payment_methods.is_manual, payment_methods.instructions,
       payment_methods.min_amount_cents, payment_methods.max_amount_cents, payment_methods.confirmation_window_hours,
       payment_methods.sort_order, payment_methods.icon_url)
   IS DISTINCT FROM
      (EXCLUDED.method_type, EXCLUDED.name, EXCLUDED.is_manual, EXCLUDED.instructions,
       EXCLUDED.min_amount_cents, EXCLUDED.max_amount_cents, EXCLUDED.confirmation_window_hours,
       EXCLUDED.sort_order, EXCLUDED.icon_url);
