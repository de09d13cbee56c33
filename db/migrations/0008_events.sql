-- Section 7 of the schema design: events, partitioned by month.

-- =============================================================================
-- EVENTS TABLE
-- =============================================================================
-- First-party behavioral event tracking

CREATE TABLE events (
    -- CHANGED: partitioned by month on created_at, so the key must include created_at.
    id                  UUID NOT NULL DEFAULT gen_random_uuid(),

    -- Event Identity
    event_name          VARCHAR(100) NOT NULL,
    event_category      VARCHAR(50) NOT NULL,  -- page, user, cart, checkout, order, system

    -- Actor (one of these will be set)
    user_id             UUID REFERENCES users(id),
    anonymous_id        VARCHAR(100),
    session_id          VARCHAR(100),

    -- Context
    page_url            TEXT,
    page_title          VARCHAR(255),
    referrer_url        TEXT,

    -- Attribution (captured with every event)
    utm_source          VARCHAR(100),
    utm_medium          VARCHAR(100),
    utm_campaign        VARCHAR(100),
    utm_term            VARCHAR(100),
    utm_content         VARCHAR(100),

    -- Associated Entities
    product_id          UUID,
    cart_id             UUID,
    order_id            UUID,
    payment_id          UUID,

    -- Event Data (flexible payload)
    properties          JSONB NOT NULL DEFAULT '{}',

    -- Client Info
    ip_address          INET,
    user_agent          TEXT,
    device_type         VARCHAR(20),  -- desktop, mobile, tablet
    browser             VARCHAR(50),
    os                  VARCHAR(50),
    screen_resolution   VARCHAR(20),

    -- Geo (derived from IP)
    country_code        CHAR(2),
    region              VARCHAR(100),
    city                VARCHAR(100),

    -- Timestamps
    client_timestamp    TIMESTAMPTZ,  -- When event occurred on client
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW(),  -- When received by server

    CONSTRAINT events_pkey PRIMARY KEY (id, created_at),
    -- ADDED: the design's rule that one of the actors is always set.
    CONSTRAINT events_actor_required CHECK (user_id IS NOT NULL OR anonymous_id IS NOT NULL)
) PARTITION BY RANGE (created_at);
-- CHANGED: the design suggested monthly partitioning "in production"; it is here from day one.

CREATE TABLE events_default PARTITION OF events DEFAULT;
SELECT ensure_monthly_partitions('events', 3);

-- Indexes optimized for analytics queries
CREATE INDEX idx_events_name ON events(event_name);
CREATE INDEX idx_events_category ON events(event_category);
CREATE INDEX idx_events_user ON events(user_id) WHERE user_id IS NOT NULL;
CREATE INDEX idx_events_anonymous ON events(anonymous_id) WHERE anonymous_id IS NOT NULL;
CREATE INDEX idx_events_session ON events(session_id);
CREATE INDEX idx_events_created ON events(created_at DESC);
CREATE INDEX idx_events_order ON events(order_id) WHERE order_id IS NOT NULL;

-- Composite indexes for common queries
CREATE INDEX idx_events_user_name ON events(user_id, event_name, created_at DESC);
CREATE INDEX idx_events_attribution ON events(utm_source, utm_campaign, created_at DESC);
