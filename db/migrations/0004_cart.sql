-- Section 3 (carts) and the discounts of section 9.

-- =============================================================================
-- CARTS TABLE
-- =============================================================================
-- Supports both anonymous and authenticated carts

CREATE TABLE carts (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Owner (one of these will be set)
    user_id             UUID REFERENCES users(id) ON DELETE SET NULL,
    anonymous_id        VARCHAR(100),  -- Browser fingerprint or session ID

    -- Status
    status              VARCHAR(20) NOT NULL DEFAULT 'active',  -- active, merged, converted, abandoned

    -- Totals (cached, recalculated on item change)
    subtotal_cents      INTEGER NOT NULL DEFAULT 0,
    discount_cents      INTEGER NOT NULL DEFAULT 0,
    tax_cents           INTEGER NOT NULL DEFAULT 0,
    total_cents         INTEGER NOT NULL DEFAULT 0,

    -- Discount
    discount_code       VARCHAR(50),
    discount_id         UUID,

    -- Shipping Address (for rate calculation)
    shipping_address_id UUID REFERENCES user_addresses(id),

    -- Conversion Tracking
    converted_to_order_id UUID,  -- Set when cart becomes order
    converted_at        TIMESTAMPTZ,

    -- Attribution (captured at cart creation)
    utm_source          VARCHAR(100),
    utm_medium          VARCHAR(100),
    utm_campaign        VARCHAR(100),
    referrer_url        TEXT,

    -- Timestamps
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    expires_at          TIMESTAMPTZ DEFAULT (NOW() + INTERVAL '30 days'),

    -- ADDED: the statuses the comment lists and money that is never negative.
    CONSTRAINT carts_status_valid CHECK (status IN ('active', 'merged', 'converted', 'abandoned')),
    CONSTRAINT carts_money_non_negative CHECK (subtotal_cents >= 0 AND discount_cents >= 0 AND tax_cents >= 0
        AND total_cents >= 0)
);

-- Only one active cart per user
CREATE UNIQUE INDEX idx_carts_user_active ON carts(user_id)
    WHERE user_id IS NOT NULL AND status = 'active';

CREATE INDEX idx_carts_anonymous ON carts(anonymous_id)
    WHERE anonymous_id IS NOT NULL AND status = 'active';

CREATE INDEX idx_carts_abandoned ON carts(status, updated_at)
    WHERE status = 'active';

-- =============================================================================
-- CART ITEMS TABLE
-- =============================================================================

CREATE TABLE cart_items (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    cart_id             UUID NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
    product_id          UUID NOT NULL REFERENCES products(id),

    -- Quantity
    quantity            INTEGER NOT NULL DEFAULT 1,

    -- Price at time of add (prices can change)
    unit_price_cents    INTEGER NOT NULL,

    -- Timestamps
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT cart_items_quantity_positive CHECK (quantity > 0),
    CONSTRAINT cart_items_unique UNIQUE (cart_id, product_id),
    CONSTRAINT cart_items_price_non_negative CHECK (unit_price_cents >= 0)
);

CREATE INDEX idx_cart_items_cart ON cart_items(cart_id);
CREATE INDEX idx_cart_items_product ON cart_items(product_id);


-- =============================================================================
-- DISCOUNTS TABLE
-- =============================================================================

CREATE TABLE discounts (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    code                VARCHAR(50) NOT NULL,
    name                VARCHAR(100) NOT NULL,

    -- Type
    discount_type       VARCHAR(20) NOT NULL,  -- percentage, fixed_amount
    value               INTEGER NOT NULL,  -- Percentage (1-100) or cents

    -- Constraints
    minimum_order_cents INTEGER,
    maximum_discount_cents INTEGER,

    -- Usage
    usage_limit         INTEGER,  -- NULL = unlimited
    usage_count         INTEGER NOT NULL DEFAULT 0,
    usage_limit_per_user INTEGER DEFAULT 1,

    -- Validity
    starts_at           TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    expires_at          TIMESTAMPTZ,

    -- Targeting
    product_ids         UUID[],  -- NULL = all products
    user_ids            UUID[],  -- NULL = all users
    first_order_only    BOOLEAN NOT NULL DEFAULT FALSE,

    -- Status
    is_active           BOOLEAN NOT NULL DEFAULT TRUE,

    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT discounts_code_unique UNIQUE (code),
    -- ADDED: the two types the comment lists, a percentage of 1-100, and limits that are never negative.
    CONSTRAINT discounts_type_valid CHECK (discount_type IN ('percentage', 'fixed_amount')),
    CONSTRAINT discounts_value_valid CHECK (value > 0 AND (discount_type <> 'percentage' OR value <= 100)),
    CONSTRAINT discounts_limits_non_negative CHECK ((minimum_order_cents IS NULL OR minimum_order_cents >= 0)
        AND (maximum_discount_cents IS NULL OR maximum_discount_cents >= 0)
        AND (usage_limit IS NULL OR usage_limit >= 0)
        AND (usage_limit_per_user IS NULL OR usage_limit_per_user >= 0)
        AND usage_count >= 0),
    CONSTRAINT discounts_expiry_after_start CHECK (expires_at IS NULL OR expires_at > starts_at)
);

CREATE INDEX idx_discounts_code ON discounts(code) WHERE is_active = TRUE;
CREATE INDEX idx_discounts_active ON discounts(is_active, starts_at, expires_at);
