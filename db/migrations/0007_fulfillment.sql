-- Section 6 of the schema design: fulfillment.

-- =============================================================================
-- FULFILLMENT STATUS ENUM
-- =============================================================================

CREATE TYPE fulfillment_status AS ENUM (
    'unfulfilled',
    'partially_fulfilled',
    'fulfilled',
    'returned',
    'partially_returned'
);

-- =============================================================================
-- FULFILLMENTS TABLE
-- =============================================================================
-- A fulfillment is a shipment. One order can have multiple fulfillments.

CREATE TABLE fulfillments (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    fulfillment_number  VARCHAR(20) NOT NULL,

    order_id            UUID NOT NULL REFERENCES orders(id),

    -- Status
    status              fulfillment_status NOT NULL DEFAULT 'unfulfilled',

    -- Shipping
    carrier             VARCHAR(50),
    service_level       VARCHAR(50),
    tracking_number     VARCHAR(100),
    tracking_url        TEXT,

    -- Shippo Integration
    shippo_shipment_id  VARCHAR(100),
    shippo_rate_id      VARCHAR(100),
    shippo_label_url    TEXT,
    shipping_cost_cents INTEGER,

    -- Address (snapshot)
    shipping_address    JSONB NOT NULL,

    -- Dates
    shipped_at          TIMESTAMPTZ,
    estimated_delivery  DATE,
    delivered_at        TIMESTAMPTZ,

    -- ERP
    erp_shipment_id     VARCHAR(50),
    erp_synced_at       TIMESTAMPTZ,

    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT fulfillments_number_unique UNIQUE (fulfillment_number),
    CONSTRAINT fulfillments_cost_non_negative CHECK (shipping_cost_cents IS NULL OR shipping_cost_cents >= 0)
);

CREATE INDEX idx_fulfillments_order ON fulfillments(order_id);
CREATE INDEX idx_fulfillments_tracking ON fulfillments(tracking_number);
CREATE INDEX idx_fulfillments_status ON fulfillments(status);

-- =============================================================================
-- FULFILLMENT ITEMS TABLE
-- =============================================================================

CREATE TABLE fulfillment_items (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    fulfillment_id      UUID NOT NULL REFERENCES fulfillments(id) ON DELETE CASCADE,
    order_item_id       UUID NOT NULL REFERENCES order_items(id),

    quantity            INTEGER NOT NULL,

    -- Batch for this specific fulfillment
    batch_id            UUID REFERENCES product_batches(id),
    batch_number        VARCHAR(50),

    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    -- ADDED: a shipment line carries at least one unit.
    CONSTRAINT fulfillment_items_quantity_positive CHECK (quantity > 0)
);

CREATE INDEX idx_fulfillment_items_fulfillment ON fulfillment_items(fulfillment_id);
CREATE INDEX idx_fulfillment_items_order_item ON fulfillment_items(order_item_id);

-- =============================================================================
-- FULFILLMENT STATUS HISTORY TABLE
-- =============================================================================

CREATE TABLE fulfillment_status_history (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    fulfillment_id      UUID NOT NULL REFERENCES fulfillments(id) ON DELETE CASCADE,

    from_status         fulfillment_status,
    to_status           fulfillment_status NOT NULL,

    reason              TEXT,
    changed_by          UUID REFERENCES users(id),

    -- Carrier tracking event
    carrier_status      VARCHAR(100),
    carrier_timestamp   TIMESTAMPTZ,
    location            VARCHAR(200),

    metadata            JSONB,

    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX idx_fulfillment_status_history_fulfillment ON fulfillment_status_history(fulfillment_id);
