-- ADDED for Orders and Payments (not in the design):
-- 1. Human references come from sequences: unique without a lock or a retry, even with thousands of checkouts
--    at once (orders SBB-100001..., payments PAY-..., refunds RF-..., fulfillments FUL-...).
-- 2. fulfillment_progress: while an order is partially_refunded, the units not refunded still move through
--    fulfilment. The order's status stays partially_refunded (the money state); this column carries where the
--    fulfilment stands (processing, ready_to_ship, shipped, delivered) so that progress is never lost.
CREATE SEQUENCE order_number_seq START WITH 100001;
CREATE SEQUENCE payment_reference_seq START WITH 200001;
CREATE SEQUENCE refund_reference_seq START WITH 300001;
CREATE SEQUENCE fulfillment_number_seq START WITH 400001;

ALTER TABLE orders ADD COLUMN fulfillment_progress order_status;
ALTER TABLE orders ADD CONSTRAINT orders_fulfillment_progress_valid
    CHECK (fulfillment_progress IS NULL OR fulfillment_progress IN ('payment_received', 'processing', 'ready_to_ship', 'shipped', 'delivered'));

-- Admin search by customer email and the unpaid-order job's scan.
CREATE INDEX idx_orders_customer_email ON orders(customer_email);
CREATE INDEX idx_orders_user_created ON orders(user_id, created_at DESC);
