-- ADDED for the Identity module (not in the design): phone verification by SMS.
-- One row per code sent. The code is derived from the row id with a server key (so the SMS sender can rebuild it
-- and the outbox never holds it) and only its SHA-256 is stored. A code lives 10 minutes and allows 5 tries; a
-- newer code supersedes older ones. The rows are also the send history the rate limits count.

CREATE TABLE phone_verifications (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    phone               VARCHAR(20) NOT NULL,
    code_hash           VARCHAR(64) NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0,
    expires_at          TIMESTAMPTZ NOT NULL,
    closed_at           TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT phone_verifications_attempts_non_negative CHECK (attempts >= 0)
);

CREATE INDEX idx_phone_verifications_user ON phone_verifications(user_id, created_at);
CREATE INDEX idx_phone_verifications_phone ON phone_verifications(phone, created_at);
