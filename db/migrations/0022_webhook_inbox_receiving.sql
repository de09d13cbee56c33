-- Webhook inbox: recognise a provider's retry (its event id), schedule retries, and the facts inbound ERP
-- events write (customer terms; inventory counts older than the one applied; counts below reserved stock).

ALTER TABLE webhooks_inbox ADD COLUMN provider_event_id VARCHAR(255);
ALTER TABLE webhooks_inbox ADD COLUMN scheduled_for TIMESTAMPTZ NOT NULL DEFAULT NOW();

-- A provider's retry of the same event is stored once (only signed events carry an id we trust).
CREATE UNIQUE INDEX ux_webhooks_inbox_provider_event ON webhooks_inbox(source, provider_event_id)
    WHERE provider_event_id IS NOT NULL;
CREATE INDEX idx_webhooks_inbox_due ON webhooks_inbox(scheduled_for, created_at)
    WHERE status IN ('pending', 'failed');
CREATE INDEX idx_webhooks_inbox_created ON webhooks_inbox(created_at DESC, id DESC);

-- ERP customer.updated: the customer's terms in the ERP, shown to admins.
ALTER TABLE users ADD COLUMN erp_credit_limit_cents INTEGER;
ALTER TABLE users ADD COLUMN erp_terms VARCHAR(100);
ALTER TABLE users ADD COLUMN erp_customer_updated_at TIMESTAMPTZ;

-- ERP inventory.updated: the as-of time of the count applied last (an older count arriving late is not applied).
ALTER TABLE products ADD COLUMN inventory_counted_at TIMESTAMPTZ;

-- An ERP count below the units reserved for live orders: applied only down to reserved, and recorded here.
CREATE TABLE inventory_discrepancies (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id          UUID NOT NULL REFERENCES products(id) DEFERRABLE INITIALLY DEFERRED,
    sku                 VARCHAR(50) NOT NULL,
    counted             INTEGER NOT NULL,
    reserved            INTEGER NOT NULL,
    applied             INTEGER NOT NULL,
    counted_at          TIMESTAMPTZ NOT NULL,
    source              VARCHAR(50) NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX idx_inventory_discrepancies_created ON inventory_discrepancies(created_at DESC, id DESC);
CREATE INDEX idx_inventory_discrepancies_product ON inventory_discrepancies(product_id);
