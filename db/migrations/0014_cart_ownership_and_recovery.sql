-- ADDED for the Cart module (not in the design):
-- 1. One active cart per anonymous visitor, like the design's one active cart per user: concurrent first adds by
--    the same visitor end with one cart.
-- 2. 'expired' status for carts closed past expires_at (the design lists active, merged, converted, abandoned).
-- 3. recovery_email_queued_at: the abandonment job queues a recovery message once per cart.
-- 4. discount_removed_code / discount_removed_reason: a code the cart dropped on a change (no longer valid),
--    shown to the buyer until another code is applied.
CREATE UNIQUE INDEX carts_anonymous_active_unique ON carts(anonymous_id)
    WHERE anonymous_id IS NOT NULL AND user_id IS NULL AND status = 'active';

ALTER TABLE carts DROP CONSTRAINT carts_status_valid;
ALTER TABLE carts ADD CONSTRAINT carts_status_valid CHECK (status IN ('active', 'merged', 'converted', 'abandoned', 'expired'));

ALTER TABLE carts
    ADD COLUMN recovery_email_queued_at TIMESTAMPTZ,
    ADD COLUMN discount_removed_code    VARCHAR(50),
    ADD COLUMN discount_removed_reason  VARCHAR(50);

-- The abandonment job scans active carts by last change and by expiry.
CREATE INDEX idx_carts_expires ON carts(expires_at) WHERE status = 'active';
