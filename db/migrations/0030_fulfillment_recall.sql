-- ADDED for fulfilment and recall (not in the design):
-- 1. A recalled batch: when and why. A recalled batch never leaves the shelf again (the allocator and the
--    current-batch rules skip it), whatever is_active says; the column is the legal record of the recall.
-- 2. Recall recipients are read from fulfillment_items by batch: index that lookup.
ALTER TABLE product_batches ADD COLUMN recalled_at TIMESTAMPTZ;
ALTER TABLE product_batches ADD COLUMN recall_reason TEXT;
ALTER TABLE product_batches ADD CONSTRAINT product_batches_recall_complete
    CHECK ((recalled_at IS NULL) = (recall_reason IS NULL));

CREATE INDEX idx_fulfillment_items_batch ON fulfillment_items(batch_id) WHERE batch_id IS NOT NULL;
