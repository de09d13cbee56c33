-- ADDED (not in the design): a fulfilment packed but not shipped when its order is fully refunded is cancelled, so
-- the warehouse sees it leave the queue and its units go back on the shelf (issue 14). Its history keeps
-- unfulfilled -> cancelled. ADD VALUE may run in the migration's transaction (PostgreSQL 12+) since nothing in it
-- uses the new label.
ALTER TYPE fulfillment_status ADD VALUE IF NOT EXISTS 'cancelled';
