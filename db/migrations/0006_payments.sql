-- Section 5 of the schema design: payments.

-- =============================================================================
-- PAYMENT ENUMS
-- =============================================================================

CREATE TYPE payment_status AS ENUM (
    'pending',              -- Awaiting confirmation
    'awaiting_verification', -- Manual payment submitted, needs admin review
    'processing',           -- Being processed by provider
    'completed',            -- Successfully received
    'failed',               -- Payment failed
    'cancelled',            -- Cancelled by user
    'refunded',             -- Fully refunded
    'partially_refunded',   -- Partially refunded
    'expired'               -- Payment window expired
);

CREATE TYPE payment_method_type AS ENUM (
    'zelle',
    'cashapp',
    'venmo',
    'wire_transfer',
    'check',
    'crypto',
    'erp_propello',         -- Future: Epicor Propello managed
    'manual_other'
);

-- =============================================================================
-- PAYMENT METHODS TABLE
-- =============================================================================
-- Configured payment methods (admin-managed)

CREATE TABLE payment_methods (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    method_type         payment_method_type NOT NULL,
    name                VARCHAR(100) NOT NULL,  -- Display name

    -- Configuration
    is_active           BOOLEAN NOT NULL DEFAULT TRUE,
    is_manual           BOOLEAN NOT NULL DEFAULT TRUE,  -- Requires admin confirmation

    -- Instructions (shown to customer)
    instructions        TEXT NOT NULL,

    -- Payment Details (where to send money)
    payment_details     JSONB NOT NULL,
    /*
    Example for Zelle:
    {
        "email": "payments@sciencebasedbody.com",
        "recipient_name": "Science Based Body LLC"
    }

    Example for CashApp:
    {
        "cashtag": "$ScienceBasedBody",
        "qr_code_url": "https://..."
    }
    */

    -- Limits
    min_amount_cents    INTEGER DEFAULT 0,
    max_amount_cents    INTEGER,

    -- Timing
    confirmation_window_hours INTEGER DEFAULT 48,  -- How long to wait for payment

    -- Display
    sort_order          INTEGER NOT NULL DEFAULT 0,
    icon_url            TEXT,

    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    -- ADDED: limits are never negative, the maximum is not below the minimum, the window is positive.
    CONSTRAINT payment_methods_limits_valid CHECK ((min_amount_cents IS NULL OR min_amount_cents >= 0)
        AND (max_amount_cents IS NULL OR max_amount_cents >= COALESCE(min_amount_cents, 0))),
    CONSTRAINT payment_methods_window_positive CHECK (confirmation_window_hours IS NULL OR confirmation_window_hours > 0)
);

CREATE INDEX idx_payment_methods_active ON payment_methods(is_active, sort_order);

-- =============================================================================
-- PAYMENTS TABLE
-- =============================================================================
-- Actual payment transactions

CREATE TABLE payments (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Reference number (for customer/admin communication)
    payment_reference   VARCHAR(30) NOT NULL,

    -- Links
    order_id            UUID NOT NULL REFERENCES orders(id),
    user_id             UUID NOT NULL REFERENCES users(id),
    payment_method_id   UUID NOT NULL REFERENCES payment_methods(id),

    -- Amount
    amount_cents        INTEGER NOT NULL,
    currency            VARCHAR(3) NOT NULL DEFAULT 'USD',

    -- Status
    status              payment_status NOT NULL DEFAULT 'pending',

    -- For manual payments: customer-provided proof
    customer_reference  VARCHAR(100),  -- Their transaction ID/confirmation
    proof_file_url      TEXT,          -- Screenshot/receipt upload
    customer_notes      TEXT,

    -- Admin verification
    verified_by         UUID REFERENCES users(id),
    verified_at         TIMESTAMPTZ,
    verification_notes  TEXT,

    -- Refund tracking
    refunded_amount_cents INTEGER NOT NULL DEFAULT 0,

    -- ERP Integration
    erp_payment_id      VARCHAR(50),  -- Epicor Propello Payment ID
    erp_synced_at       TIMESTAMPTZ,

    -- Metadata
    metadata            JSONB,
    ip_address          INET,

    -- Timestamps
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    expires_at          TIMESTAMPTZ,  -- When pending payment expires
    completed_at        TIMESTAMPTZ,
    failed_at           TIMESTAMPTZ,

    CONSTRAINT payments_reference_unique UNIQUE (payment_reference),
    CONSTRAINT payments_amount_positive CHECK (amount_cents > 0),
    -- ADDED: refunds are never negative.
    CONSTRAINT payments_refunded_non_negative CHECK (refunded_amount_cents >= 0)
);

-- Indexes
CREATE INDEX idx_payments_order ON payments(order_id);
CREATE INDEX idx_payments_user ON payments(user_id);
CREATE INDEX idx_payments_status ON payments(status);
CREATE INDEX idx_payments_pending ON payments(status, expires_at)
    WHERE status IN ('pending', 'awaiting_verification');
CREATE INDEX idx_payments_reference ON payments(payment_reference);
CREATE INDEX idx_payments_erp_sync ON payments(erp_synced_at)
    WHERE erp_payment_id IS NULL AND status = 'completed';

-- =============================================================================
-- PAYMENT ATTEMPTS TABLE
-- =============================================================================
-- Every attempt to make a payment (for audit and debugging)

CREATE TABLE payment_attempts (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    payment_id          UUID NOT NULL REFERENCES payments(id) ON DELETE CASCADE,

    -- Attempt details
    attempt_number      INTEGER NOT NULL DEFAULT 1,
    status              VARCHAR(20) NOT NULL,  -- initiated, submitted, verified, failed

    -- What happened
    action              VARCHAR(50) NOT NULL,  -- 'customer_submit', 'admin_verify', 'admin_reject', 'auto_expire'
    performed_by        UUID REFERENCES users(id),
    performed_by_type   VARCHAR(20) NOT NULL,  -- customer, admin, system

    -- Result
    success             BOOLEAN NOT NULL,
    failure_reason      TEXT,

    -- Metadata
    request_data        JSONB,  -- What was submitted
    response_data       JSONB,  -- What came back (if external)

    ip_address          INET,
    user_agent          TEXT,

    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX idx_payment_attempts_payment ON payment_attempts(payment_id);
CREATE INDEX idx_payment_attempts_created ON payment_attempts(created_at DESC);

-- =============================================================================
-- REFUNDS TABLE
-- =============================================================================

CREATE TABLE refunds (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    refund_reference    VARCHAR(30) NOT NULL,

    -- Links
    payment_id          UUID NOT NULL REFERENCES payments(id),
    order_id            UUID NOT NULL REFERENCES orders(id),

    -- Amount
    amount_cents        INTEGER NOT NULL,

    -- Status
    status              VARCHAR(20) NOT NULL DEFAULT 'pending',  -- pending, completed, failed

    -- Reason
    reason              VARCHAR(100) NOT NULL,
    reason_details      TEXT,

    -- Processing
    processed_by        UUID REFERENCES users(id),
    processed_at        TIMESTAMPTZ,

    -- How refund was issued
    refund_method       VARCHAR(50),  -- original_method, store_credit, check, etc.
    refund_details      JSONB,

    -- ERP
    erp_refund_id       VARCHAR(50),
    erp_synced_at       TIMESTAMPTZ,

    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT refunds_reference_unique UNIQUE (refund_reference),
    CONSTRAINT refunds_amount_positive CHECK (amount_cents > 0),
    -- ADDED: the statuses the comment lists.
    CONSTRAINT refunds_status_valid CHECK (status IN ('pending', 'completed', 'failed'))
);

CREATE INDEX idx_refunds_payment ON refunds(payment_id);
CREATE INDEX idx_refunds_order ON refunds(order_id);
CREATE INDEX idx_refunds_status ON refunds(status);
