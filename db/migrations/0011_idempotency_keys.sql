-- ADDED (not in the design): the store behind the Idempotency-Key header of API.md.
-- A key is scoped to its caller (user id, else anonymous id, else client address). The first request claims
-- the key in its own short transaction ('in_progress', locked until locked_until so that a crashed request
-- does not hold the key forever), runs, then stores the response. Rows expire after 24 hours (a job deletes them).
CREATE TABLE idempotency_keys (
    id                      UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    caller                  VARCHAR(150) NOT NULL,
    idempotency_key         VARCHAR(255) NOT NULL,
    request_method          VARCHAR(10) NOT NULL,
    request_path            TEXT NOT NULL,
    request_hash            VARCHAR(64) NOT NULL,  -- SHA-256 hex of method, path and body
    status                  VARCHAR(20) NOT NULL DEFAULT 'in_progress',  -- in_progress, completed
    response_status         INTEGER,
    response_headers        JSONB,                 -- Content-Type and Location of the first answer
    response_body           BYTEA,
    locked_until            TIMESTAMPTZ NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    completed_at            TIMESTAMPTZ,
    expires_at              TIMESTAMPTZ NOT NULL,

    CONSTRAINT idempotency_keys_caller_key_unique UNIQUE (caller, idempotency_key),
    CONSTRAINT idempotency_keys_status_valid CHECK (status IN ('in_progress', 'completed')),
    CONSTRAINT idempotency_keys_completed_has_response CHECK (status <> 'completed' OR response_status IS NOT NULL)
);

CREATE INDEX idx_idempotency_keys_expires ON idempotency_keys(expires_at);
