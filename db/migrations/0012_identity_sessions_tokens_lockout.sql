-- ADDED for the Identity module (not in the design):
-- 1. Refresh-token rotation: every refresh creates a new auth_sessions row in the same family; the old row is
--    revoked with replaced_by_id set. Presenting a replaced token again revokes the whole family (theft).
-- 2. Login lockout: 5 failures within 15 minutes lock the account for 15 minutes.
-- 3. Single-use, expiring email-verification and password-reset tokens, stored only as SHA-256 hashes.

ALTER TABLE auth_sessions
    ADD COLUMN family_id        UUID,
    ADD COLUMN replaced_by_id   UUID REFERENCES auth_sessions(id);
UPDATE auth_sessions SET family_id = id WHERE family_id IS NULL;
ALTER TABLE auth_sessions ALTER COLUMN family_id SET NOT NULL;
CREATE INDEX idx_auth_sessions_family ON auth_sessions(family_id);

ALTER TABLE users
    ADD COLUMN failed_login_count       INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN failed_login_window_start TIMESTAMPTZ,
    ADD COLUMN locked_until             TIMESTAMPTZ,
    ADD CONSTRAINT users_failed_login_count_non_negative CHECK (failed_login_count >= 0);

CREATE TABLE user_tokens (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose             VARCHAR(30) NOT NULL,  -- email_verification, password_reset
    token_hash          VARCHAR(64) NOT NULL,  -- SHA-256 hex of the token; the token itself is never stored
    expires_at          TIMESTAMPTZ NOT NULL,
    used_at             TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT user_tokens_hash_unique UNIQUE (token_hash),
    CONSTRAINT user_tokens_purpose_valid CHECK (purpose IN ('email_verification', 'password_reset'))
);

CREATE INDEX idx_user_tokens_user ON user_tokens(user_id, purpose) WHERE used_at IS NULL;
