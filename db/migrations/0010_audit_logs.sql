-- Section 9 of the schema design: audit logs, partitioned by month.

-- =============================================================================
-- AUDIT LOG TABLE
-- =============================================================================
-- Comprehensive audit trail for compliance

CREATE TABLE audit_logs (
    -- CHANGED: partitioned by month on created_at, so the key must include created_at.
    id                  UUID NOT NULL DEFAULT gen_random_uuid(),

    -- Actor
    user_id             UUID REFERENCES users(id),
    user_email          VARCHAR(255),
    user_role           user_role,

    -- Action
    action              VARCHAR(100) NOT NULL,
    resource_type       VARCHAR(50) NOT NULL,
    resource_id         UUID,

    -- Change Details
    old_values          JSONB,
    new_values          JSONB,

    -- Context
    ip_address          INET,
    user_agent          TEXT,
    request_id          VARCHAR(100),

    -- Result
    success             BOOLEAN NOT NULL DEFAULT TRUE,
    error_message       TEXT,

    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT audit_logs_pkey PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
-- CHANGED: the design recommended partitioning for production; it is here from day one.

CREATE TABLE audit_logs_default PARTITION OF audit_logs DEFAULT;
SELECT ensure_monthly_partitions('audit_logs', 3);
CREATE INDEX idx_audit_logs_user ON audit_logs(user_id);
CREATE INDEX idx_audit_logs_resource ON audit_logs(resource_type, resource_id);
CREATE INDEX idx_audit_logs_action ON audit_logs(action);
CREATE INDEX idx_audit_logs_created ON audit_logs(created_at DESC);
