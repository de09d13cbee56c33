-- Mailgun's permanent failures and complaints mark an address undeliverable; later emails to it are skipped (with a
-- reason on the outbox row) instead of bouncing again.
ALTER TABLE users ADD COLUMN email_undeliverable_at TIMESTAMPTZ;
ALTER TABLE users ADD COLUMN email_undeliverable_reason VARCHAR(200);

ALTER TABLE webhooks_outbox DROP CONSTRAINT webhooks_outbox_status_valid;
ALTER TABLE webhooks_outbox ADD CONSTRAINT webhooks_outbox_status_valid
    CHECK (status IN ('pending', 'processing', 'sent', 'failed', 'dead', 'skipped'));
