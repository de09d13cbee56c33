-- Section 1 of the schema design: users, profiles, sessions, addresses.
-- Changes from the design are marked 'CHANGED:'.

-- =============================================================================
-- ENUMS (Preferred over lookup tables for fixed, small sets)
-- =============================================================================

CREATE TYPE user_role AS ENUM ('customer', 'wholesale', 'admin', 'super_admin');
CREATE TYPE user_status AS ENUM ('pending_verification', 'active', 'suspended', 'banned', 'deleted');
CREATE TYPE auth_provider AS ENUM ('email', 'google', 'apple');
CREATE TYPE session_status AS ENUM ('active', 'expired', 'revoked');

-- =============================================================================
-- USERS TABLE
-- =============================================================================
-- Core identity table. Minimal fields - extended via user_profiles.
-- This table syncs to Epicor Propello as "Customer Master"

CREATE TABLE users (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Identity
    email               VARCHAR(255) NOT NULL,
    email_verified      BOOLEAN NOT NULL DEFAULT FALSE,
    email_verified_at   TIMESTAMPTZ,
    phone               VARCHAR(20),
    phone_verified      BOOLEAN NOT NULL DEFAULT FALSE,

    -- Authentication
    password_hash       VARCHAR(255),  -- NULL if OAuth-only
    auth_provider       auth_provider NOT NULL DEFAULT 'email',

    -- Status & Role
    role                user_role NOT NULL DEFAULT 'customer',
    status              user_status NOT NULL DEFAULT 'pending_verification',

    -- Compliance (Required for peptide sales)
    age_verified        BOOLEAN NOT NULL DEFAULT FALSE,
    age_verified_at     TIMESTAMPTZ,
    kyc_status          VARCHAR(20) DEFAULT 'not_required',  -- not_required, pending, approved, rejected
    kyc_verified_at     TIMESTAMPTZ,

    -- ERP Integration
    erp_customer_id     VARCHAR(50),  -- Epicor Propello Customer ID (populated on sync)
    erp_synced_at       TIMESTAMPTZ,

    -- Timestamps
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    deleted_at          TIMESTAMPTZ,  -- Soft delete for compliance

    -- Constraints
    CONSTRAINT users_email_unique UNIQUE (email),
    -- ADDED: kyc_status stays VARCHAR as designed, limited to the values its comment lists.
    CONSTRAINT users_kyc_status_valid CHECK (kyc_status IN ('not_required', 'pending', 'approved', 'rejected'))
);

-- CHANGED: the design wrote `CONSTRAINT users_phone_unique UNIQUE (phone) WHERE phone IS NOT NULL`, which
-- PostgreSQL rejects (a table constraint takes no WHERE). A partial unique index keeps the intent.
CREATE UNIQUE INDEX users_phone_unique ON users(phone) WHERE phone IS NOT NULL;

-- Indexes for high-read operations
CREATE INDEX idx_users_email ON users(email) WHERE deleted_at IS NULL;
CREATE INDEX idx_users_status ON users(status) WHERE deleted_at IS NULL;
CREATE INDEX idx_users_erp_sync ON users(erp_synced_at) WHERE erp_customer_id IS NULL;
CREATE INDEX idx_users_created ON users(created_at DESC);

-- =============================================================================
-- USER PROFILES TABLE
-- =============================================================================
-- Extended user information. Separating from users keeps auth queries fast.

CREATE TABLE user_profiles (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,

    -- Personal Info
    first_name          VARCHAR(100),
    last_name           VARCHAR(100),
    display_name        VARCHAR(100),
    date_of_birth       DATE,  -- Required for age verification

    -- Preferences
    preferred_currency  VARCHAR(3) DEFAULT 'USD',
    timezone            VARCHAR(50) DEFAULT 'America/New_York',
    locale              VARCHAR(10) DEFAULT 'en-US',

    -- Marketing
    marketing_consent   BOOLEAN NOT NULL DEFAULT FALSE,
    marketing_consent_at TIMESTAMPTZ,
    sms_consent         BOOLEAN NOT NULL DEFAULT FALSE,
    sms_consent_at      TIMESTAMPTZ,

    -- Attribution (captured at registration)
    utm_source          VARCHAR(100),
    utm_medium          VARCHAR(100),
    utm_campaign        VARCHAR(100),
    utm_term            VARCHAR(100),
    utm_content         VARCHAR(100),
    referrer_url        TEXT,
    landing_page        TEXT,

    -- Timestamps
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT user_profiles_user_unique UNIQUE (user_id)
);

CREATE INDEX idx_user_profiles_user ON user_profiles(user_id);

-- =============================================================================
-- AUTH SESSIONS TABLE
-- =============================================================================
-- JWT refresh tokens and session management

CREATE TABLE auth_sessions (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,

    -- Token Info
    refresh_token_hash  VARCHAR(255) NOT NULL,  -- Hashed, never store raw

    -- Session Metadata
    status              session_status NOT NULL DEFAULT 'active',
    ip_address          INET,
    user_agent          TEXT,
    device_fingerprint  VARCHAR(255),

    -- Expiration
    expires_at          TIMESTAMPTZ NOT NULL,
    last_used_at        TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    -- Revocation
    revoked_at          TIMESTAMPTZ,
    revoked_reason      VARCHAR(100),

    -- Timestamps
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT auth_sessions_token_unique UNIQUE (refresh_token_hash)
);

-- Indexes for session validation (hot path)
CREATE INDEX idx_auth_sessions_user ON auth_sessions(user_id) WHERE status = 'active';
CREATE INDEX idx_auth_sessions_expires ON auth_sessions(expires_at) WHERE status = 'active';
CREATE INDEX idx_auth_sessions_cleanup ON auth_sessions(status, expires_at);

-- =============================================================================
-- USER ADDRESSES TABLE
-- =============================================================================
-- Separate table for multiple addresses per user

CREATE TABLE user_addresses (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,

    -- Address Type
    address_type        VARCHAR(20) NOT NULL DEFAULT 'shipping',  -- shipping, billing
    is_default          BOOLEAN NOT NULL DEFAULT FALSE,

    -- Address Fields
    label               VARCHAR(50),  -- "Home", "Office", etc.
    recipient_name      VARCHAR(200) NOT NULL,
    company             VARCHAR(200),
    street_line_1       VARCHAR(255) NOT NULL,
    street_line_2       VARCHAR(255),
    city                VARCHAR(100) NOT NULL,
    state_province      VARCHAR(100) NOT NULL,
    postal_code         VARCHAR(20) NOT NULL,
    country_code        CHAR(2) NOT NULL DEFAULT 'US',
    phone               VARCHAR(20),

    -- Validation
    validated           BOOLEAN NOT NULL DEFAULT FALSE,
    validated_at        TIMESTAMPTZ,
    validation_source   VARCHAR(50),  -- 'shippo', 'manual', etc.

    -- Timestamps
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    deleted_at          TIMESTAMPTZ,

    -- ADDED: the address type is one of the two the comment lists.
    CONSTRAINT user_addresses_type_valid CHECK (address_type IN ('shipping', 'billing'))
);

CREATE INDEX idx_user_addresses_user ON user_addresses(user_id) WHERE deleted_at IS NULL;
CREATE INDEX idx_user_addresses_default ON user_addresses(user_id, address_type, is_default)
    WHERE deleted_at IS NULL AND is_default = TRUE;

-- ADDED: at most one default address per user and address type, enforced by the database.
CREATE UNIQUE INDEX user_addresses_one_default ON user_addresses(user_id, address_type)
    WHERE deleted_at IS NULL AND is_default = TRUE;
