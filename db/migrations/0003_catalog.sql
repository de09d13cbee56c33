-- Section 2 of the schema design: products, categories, batches.

-- =============================================================================
-- PRODUCT ENUMS
-- =============================================================================

CREATE TYPE product_status AS ENUM ('draft', 'active', 'discontinued', 'out_of_stock');
CREATE TYPE product_type AS ENUM ('peptide', 'kit', 'accessory', 'bundle');

-- =============================================================================
-- PRODUCTS TABLE
-- =============================================================================
-- This table syncs to Epicor Propello as "Item Master"

CREATE TABLE products (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Identity
    sku                 VARCHAR(50) NOT NULL,
    name                VARCHAR(255) NOT NULL,
    slug                VARCHAR(255) NOT NULL,

    -- Classification
    product_type        product_type NOT NULL DEFAULT 'peptide',
    status              product_status NOT NULL DEFAULT 'draft',

    -- Pricing (in cents to avoid float issues)
    price_cents         INTEGER NOT NULL,
    compare_at_cents    INTEGER,  -- Original price for sales
    cost_cents          INTEGER,  -- COGS for margin calculation

    -- Inventory
    track_inventory     BOOLEAN NOT NULL DEFAULT TRUE,
    quantity_on_hand    INTEGER NOT NULL DEFAULT 0,
    quantity_reserved   INTEGER NOT NULL DEFAULT 0,  -- In carts/pending orders
    low_stock_threshold INTEGER DEFAULT 10,

    -- Physical
    weight_grams        INTEGER,

    -- Content (minimal - frontend handles display)
    short_description   TEXT,

    -- Compliance (CRITICAL for peptides)
    requires_age_verification BOOLEAN NOT NULL DEFAULT TRUE,
    requires_kyc        BOOLEAN NOT NULL DEFAULT FALSE,
    restricted_states   TEXT[],  -- Array of state codes where product can't ship
    -- CHANGED: the design's default listed 'UK', which is not ISO 3166-1 alpha-2; the code is 'GB'.
    restricted_countries TEXT[] DEFAULT ARRAY['CA', 'AU', 'GB'],

    -- COA (Certificate of Analysis)
    current_batch_number VARCHAR(50),
    current_coa_url     TEXT,

    -- ERP Integration
    erp_item_id         VARCHAR(50),  -- Epicor Propello Item ID
    erp_synced_at       TIMESTAMPTZ,

    -- Timestamps
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    published_at        TIMESTAMPTZ,
    deleted_at          TIMESTAMPTZ,

    -- Constraints
    CONSTRAINT products_sku_unique UNIQUE (sku),
    CONSTRAINT products_slug_unique UNIQUE (slug),
    CONSTRAINT products_price_positive CHECK (price_cents > 0),
    -- ADDED: invariants the design implies. Stock can never be negative or oversold where it is tracked.
    CONSTRAINT products_compare_at_non_negative CHECK (compare_at_cents IS NULL OR compare_at_cents >= 0),
    CONSTRAINT products_cost_non_negative CHECK (cost_cents IS NULL OR cost_cents >= 0),
    CONSTRAINT products_reserved_non_negative CHECK (quantity_reserved >= 0),
    CONSTRAINT products_on_hand_covers_reserved CHECK (NOT track_inventory OR quantity_on_hand >= quantity_reserved),
    CONSTRAINT products_low_stock_threshold_non_negative CHECK (low_stock_threshold IS NULL OR low_stock_threshold >= 0),
    CONSTRAINT products_weight_non_negative CHECK (weight_grams IS NULL OR weight_grams >= 0)
);

CREATE INDEX idx_products_status ON products(status) WHERE deleted_at IS NULL;
CREATE INDEX idx_products_type ON products(product_type, status) WHERE deleted_at IS NULL;
CREATE INDEX idx_products_sku ON products(sku);
CREATE INDEX idx_products_erp_sync ON products(erp_synced_at) WHERE erp_item_id IS NULL;

-- =============================================================================
-- PRODUCT CATEGORIES TABLE
-- =============================================================================
-- Lookup table for flexible categorization

CREATE TABLE product_categories (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name                VARCHAR(100) NOT NULL,
    slug                VARCHAR(100) NOT NULL,
    description         TEXT,
    parent_id           UUID REFERENCES product_categories(id),
    sort_order          INTEGER NOT NULL DEFAULT 0,

    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT product_categories_slug_unique UNIQUE (slug),
    -- ADDED: a category is never its own parent (longer cycles are refused by the application).
    CONSTRAINT product_categories_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);

-- Junction table for many-to-many
CREATE TABLE product_category_assignments (
    product_id          UUID NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    category_id         UUID NOT NULL REFERENCES product_categories(id) ON DELETE CASCADE,
    is_primary          BOOLEAN NOT NULL DEFAULT FALSE,

    PRIMARY KEY (product_id, category_id)
);

-- ADDED: at most one primary category per product.
CREATE UNIQUE INDEX product_category_assignments_one_primary ON product_category_assignments(product_id)
    WHERE is_primary = TRUE;

CREATE INDEX idx_product_categories_parent ON product_categories(parent_id);
CREATE INDEX idx_pca_category ON product_category_assignments(category_id);

-- =============================================================================
-- PRODUCT BATCHES TABLE
-- =============================================================================
-- Track batches for COA compliance

CREATE TABLE product_batches (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id          UUID NOT NULL REFERENCES products(id) ON DELETE CASCADE,

    batch_number        VARCHAR(50) NOT NULL,
    quantity_produced   INTEGER NOT NULL,
    quantity_remaining  INTEGER NOT NULL,

    -- COA
    coa_file_url        TEXT NOT NULL,
    coa_verified        BOOLEAN NOT NULL DEFAULT FALSE,
    coa_verified_by     UUID REFERENCES users(id),
    coa_verified_at     TIMESTAMPTZ,

    -- Dates
    manufactured_at     DATE NOT NULL,
    expires_at          DATE NOT NULL,

    -- Status
    is_active           BOOLEAN NOT NULL DEFAULT TRUE,

    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT product_batches_number_unique UNIQUE (product_id, batch_number),
    -- ADDED: quantities are never negative and a batch expires after it was made.
    CONSTRAINT product_batches_quantities_valid CHECK (quantity_produced >= 0 AND quantity_remaining >= 0
        AND quantity_remaining <= quantity_produced),
    CONSTRAINT product_batches_expiry_after_manufacture CHECK (expires_at > manufactured_at)
);

CREATE INDEX idx_product_batches_product ON product_batches(product_id) WHERE is_active = TRUE;
CREATE INDEX idx_product_batches_expiry ON product_batches(expires_at) WHERE is_active = TRUE;
