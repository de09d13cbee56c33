-- Section 8 of the schema design: webhook inbox and outbox.

-- =============================================================================
-- WEBHOOKS INBOX TABLE
-- =============================================================================
-- Receives and stores all inbound webhooks before processing
-- Critical for Epicor Propello integration

CREATE TABLE webhooks_inbox (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Source
    source              VARCHAR(50) NOT NULL,  -- 'epicor_propello', 'shippo', 'mailgun', etc.
    webhook_type        VARCHAR(100) NOT NULL,  -- Event type from provider

    -- Processing
    status              VARCHAR(20) NOT NULL DEFAULT 'pending',  -- pending, processing, completed, failed, skipped
    attempts            INTEGER NOT NULL DEFAULT 0,
    max_attempts        INTEGER NOT NULL DEFAULT 3,

    -- Payload
    headers             JSONB NOT NULL,
    payload             JSONB NOT NULL,

    -- Validation
    signature           VARCHAR(255),
    signature_valid     BOOLEAN,

    -- Processing Results
    processed_at        TIMESTAMPTZ,
    error_message       TEXT,
    result              JSONB,

    -- Related Entities (populated during processing)
    related_order_id    UUID,
    related_payment_id  UUID,
    related_fulfillment_id UUID,

    -- Timestamps
    received_at         TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    -- ADDED: the statuses the comment lists.
    CONSTRAINT webhooks_inbox_status_valid CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'skipped'))
);

CREATE INDEX idx_webhooks_inbox_status ON webhooks_inbox(status, source);
CREATE INDEX idx_webhooks_inbox_pending ON webhooks_inbox(status, created_at)
    WHERE status IN ('pending', 'failed');
CREATE INDEX idx_webhooks_inbox_source ON webhooks_inbox(source, webhook_type);
CREATE INDEX idx_webhooks_inbox_received ON webhooks_inbox(received_at DESC);

-- =============================================================================
-- WEBHOOKS OUTBOX TABLE
-- =============================================================================
-- Outbound webhooks/notifications (for external systems, internal events)

CREATE TABLE webhooks_outbox (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Destination
    destination         VARCHAR(100) NOT NULL,  -- 'epicor_propello', 'internal_email', etc.
    endpoint_url        TEXT,

    -- Event
    event_type          VARCHAR(100) NOT NULL,

    -- Payload
    payload             JSONB NOT NULL,

    -- Processing
    status              VARCHAR(20) NOT NULL DEFAULT 'pending',
    attempts            INTEGER NOT NULL DEFAULT 0,
    max_attempts        INTEGER NOT NULL DEFAULT 3,

    -- Results
    last_attempt_at     TIMESTAMPTZ,
    response_status     INTEGER,
    response_body       TEXT,
    error_message       TEXT,

    -- Related Entity
    entity_type         VARCHAR(50),  -- 'order', 'payment', 'user'
    entity_id           UUID,

    -- Scheduling
    scheduled_for       TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    -- ADDED: the outbox lifecycle (the design leaves the values open): pending -> processing -> sent, or
    -- failed (retried while attempts < max_attempts) -> dead (needs an admin retry).
    CONSTRAINT webhooks_outbox_status_valid CHECK (status IN ('pending', 'processing', 'sent', 'failed', 'dead'))
);

CREATE INDEX idx_webhooks_outbox_pending ON webhooks_outbox(status, scheduled_for)
    WHERE status IN ('pending', 'failed');
CREATE INDEX idx_webhooks_outbox_entity ON webhooks_outbox(entity_type, entity_id);
