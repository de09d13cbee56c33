-- Section 4 of the schema design: orders.

-- =============================================================================
-- ORDER ENUMS
-- =============================================================================

CREATE TYPE order_status AS ENUM (
    'pending_payment',      -- Order created, awaiting payment
    'payment_received',     -- Payment confirmed (manual or automated)
    'processing',           -- Being prepared
    'ready_to_ship',        -- Packed, awaiting carrier pickup
    'shipped',              -- In transit
    'delivered',            -- Confirmed delivered
    'cancelled',            -- Cancelled before fulfillment
    'refunded',             -- Fully refunded
    'partially_refunded'    -- Partially refunded
);

-- =============================================================================
-- ORDERS TABLE
-- =============================================================================
-- An order represents INTENT TO PURCHASE. Payment is tracked separately.
-- This table syncs to Epicor Propello as "Sales Order"

CREATE TABLE orders (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Human-readable order number (for customer communication)
    order_number        VARCHAR(20) NOT NULL,

    -- Customer
    user_id             UUID NOT NULL REFERENCES users(id),
    customer_email      VARCHAR(255) NOT NULL,  -- Denormalized for quick access
    customer_name       VARCHAR(200) NOT NULL,

    -- Status
    status              order_status NOT NULL DEFAULT 'pending_payment',

    -- Addresses (copied, not referenced - addresses can change)
    shipping_address    JSONB NOT NULL,
    billing_address     JSONB NOT NULL,

    -- Totals (in cents)
    subtotal_cents      INTEGER NOT NULL,
    discount_cents      INTEGER NOT NULL DEFAULT 0,
    shipping_cents      INTEGER NOT NULL DEFAULT 0,
    tax_cents           INTEGER NOT NULL DEFAULT 0,
    total_cents         INTEGER NOT NULL,

    -- Payment Summary (derived from payments table)
    amount_paid_cents   INTEGER NOT NULL DEFAULT 0,
    amount_due_cents    INTEGER GENERATED ALWAYS AS (total_cents - amount_paid_cents) STORED,

    -- Discount
    discount_code       VARCHAR(50),
    discount_id         UUID,

    -- Shipping
    shipping_method     VARCHAR(50),
    shipping_carrier    VARCHAR(50),
    tracking_number     VARCHAR(100),
    estimated_delivery  DATE,

    -- Compliance (CRITICAL)
    age_verified        BOOLEAN NOT NULL DEFAULT FALSE,
    compliance_acknowledged BOOLEAN NOT NULL DEFAULT FALSE,
    compliance_version  VARCHAR(20) NOT NULL,
    compliance_acknowledged_at TIMESTAMPTZ NOT NULL,
    ip_address          INET,

    -- Source
    source_cart_id      UUID REFERENCES carts(id),

    -- Attribution
    utm_source          VARCHAR(100),
    utm_medium          VARCHAR(100),
    utm_campaign        VARCHAR(100),

    -- Notes
    customer_notes      TEXT,
    internal_notes      TEXT,

    -- ERP Integration
    erp_order_id        VARCHAR(50),  -- Epicor Propello Sales Order ID
    erp_synced_at       TIMESTAMPTZ,

    -- Timestamps
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    paid_at             TIMESTAMPTZ,
    shipped_at          TIMESTAMPTZ,
    delivered_at        TIMESTAMPTZ,
    cancelled_at        TIMESTAMPTZ,

    CONSTRAINT orders_number_unique UNIQUE (order_number),
    CONSTRAINT orders_total_positive CHECK (total_cents > 0),
    -- ADDED: money is never negative. amount_paid_cents may exceed total_cents (overpayment awaiting a refund).
    CONSTRAINT orders_money_non_negative CHECK (subtotal_cents >= 0 AND discount_cents >= 0 AND shipping_cents >= 0
        AND tax_cents >= 0 AND amount_paid_cents >= 0)
);

-- Indexes for common queries
CREATE INDEX idx_orders_user ON orders(user_id);
CREATE INDEX idx_orders_status ON orders(status);
CREATE INDEX idx_orders_created ON orders(created_at DESC);
CREATE INDEX idx_orders_number ON orders(order_number);
CREATE INDEX idx_orders_pending_payment ON orders(status, created_at)
    WHERE status = 'pending_payment';
CREATE INDEX idx_orders_erp_sync ON orders(erp_synced_at)
    WHERE erp_order_id IS NULL AND status != 'cancelled';

-- =============================================================================
-- ORDER ITEMS TABLE
-- =============================================================================

CREATE TABLE order_items (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id            UUID NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    product_id          UUID NOT NULL REFERENCES products(id),

    -- Snapshot at time of order (products can change)
    product_sku         VARCHAR(50) NOT NULL,
    product_name        VARCHAR(255) NOT NULL,

    -- Quantity & Price
    quantity            INTEGER NOT NULL,
    unit_price_cents    INTEGER NOT NULL,
    subtotal_cents      INTEGER GENERATED ALWAYS AS (quantity * unit_price_cents) STORED,

    -- Batch tracking (for COA compliance)
    batch_id            UUID REFERENCES product_batches(id),
    batch_number        VARCHAR(50),

    -- Fulfillment
    quantity_fulfilled  INTEGER NOT NULL DEFAULT 0,
    quantity_refunded   INTEGER NOT NULL DEFAULT 0,

    -- ERP
    erp_line_id         VARCHAR(50),

    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT order_items_quantity_positive CHECK (quantity > 0),
    -- ADDED: a line never ships or refunds more than was ordered, and its price is never negative.
    CONSTRAINT order_items_price_non_negative CHECK (unit_price_cents >= 0),
    CONSTRAINT order_items_fulfilled_valid CHECK (quantity_fulfilled >= 0 AND quantity_fulfilled <= quantity),
    CONSTRAINT order_items_refunded_valid CHECK (quantity_refunded >= 0 AND quantity_refunded <= quantity)
);

CREATE INDEX idx_order_items_order ON order_items(order_id);
CREATE INDEX idx_order_items_product ON order_items(product_id);

-- =============================================================================
-- ORDER STATUS HISTORY TABLE
-- =============================================================================
-- Full audit trail of every status change

CREATE TABLE order_status_history (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id            UUID NOT NULL REFERENCES orders(id) ON DELETE CASCADE,

    -- Status Change
    from_status         order_status,
    to_status           order_status NOT NULL,

    -- Context
    reason              TEXT,
    changed_by          UUID REFERENCES users(id),  -- NULL if system
    changed_by_type     VARCHAR(20) NOT NULL DEFAULT 'system',  -- system, admin, customer, webhook

    -- Metadata
    metadata            JSONB,

    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    -- ADDED: the actor types the comment lists.
    CONSTRAINT order_status_history_actor_valid CHECK (changed_by_type IN ('system', 'admin', 'customer', 'webhook'))
);

CREATE INDEX idx_order_status_history_order ON order_status_history(order_id);
CREATE INDEX idx_order_status_history_created ON order_status_history(created_at DESC);
