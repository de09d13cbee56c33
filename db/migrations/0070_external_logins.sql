-- ADDED for the Identity module (not in the design): sign-in with Google and Apple.
-- One row per provider account linked to a user. Later sign-ins match on (provider, subject), never on the email
-- (Apple's private relay addresses and changed emails keep working); the email is kept as it was at link time.

CREATE TABLE external_logins (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    provider            auth_provider NOT NULL,
    subject             VARCHAR(255) NOT NULL,
    email_at_link       VARCHAR(255),
    linked_at           TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT external_logins_provider_subject_unique UNIQUE (provider, subject),
    CONSTRAINT external_logins_user_provider_unique UNIQUE (user_id, provider),
    CONSTRAINT external_logins_provider_external CHECK (provider <> 'email')
);
