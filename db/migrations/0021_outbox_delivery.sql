-- Outbox delivery (the drain): when a message was delivered, and the indexes the drain's claim needs.

-- When the message was accepted by its destination (lag = sent_at - created_at; "last success" per destination).
ALTER TABLE webhooks_outbox ADD COLUMN sent_at TIMESTAMPTZ;

-- A response body is kept for diagnosis, bounded so a chatty provider cannot bloat the table.
ALTER TABLE webhooks_outbox ADD CONSTRAINT webhooks_outbox_response_body_bounded
    CHECK (response_body IS NULL OR length(response_body) <= 4000);

-- The claim reads due rows through the design's idx_webhooks_outbox_pending (status, scheduled_for).

-- Per-entity order: a message is claimable only when no earlier message of the same destination and entity is
-- still open. This index answers that "earlier open sibling?" probe, and stays small (open rows only).
CREATE INDEX idx_webhooks_outbox_entity_open ON webhooks_outbox(destination, entity_type, entity_id, created_at, id)
    WHERE status IN ('pending', 'failed', 'processing', 'dead') AND entity_id IS NOT NULL;

-- Admin list (newest first, filtered by status / destination / event type) and the status summary.
CREATE INDEX idx_webhooks_outbox_created ON webhooks_outbox(created_at DESC, id DESC);
CREATE INDEX idx_webhooks_outbox_destination_status ON webhooks_outbox(destination, status);
