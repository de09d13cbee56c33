-- ADDED for manual payments (not in the design):
-- received_amount_cents: what the admin actually saw arrive (may be less or more than amount_cents, the amount
--   asked for). Order totals, overpayments and refund limits use it.
-- proof_content_type: the sniffed type of the stored proof file (proof_file_url holds its storage key, never a
--   public address: proofs are served to admins only).
ALTER TABLE payments
    ADD COLUMN received_amount_cents INTEGER,
    ADD COLUMN proof_content_type    VARCHAR(100),
    ADD CONSTRAINT payments_received_non_negative CHECK (received_amount_cents IS NULL OR received_amount_cents >= 0),
    ADD CONSTRAINT payments_refunds_within_received CHECK (refunded_amount_cents <= COALESCE(received_amount_cents, 0));

-- The verification queue: oldest submissions first.
CREATE INDEX idx_payments_awaiting ON payments(updated_at) WHERE status = 'awaiting_verification';
