-- ADDED for returns (not in the design): how many units of a shipment line came back, so a line is never
-- returned twice and a fulfilment knows whether it is returned in full or in part.
ALTER TABLE fulfillment_items ADD COLUMN quantity_returned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE fulfillment_items ADD CONSTRAINT fulfillment_items_returned_valid
    CHECK (quantity_returned >= 0 AND quantity_returned <= quantity);
