-- ADR 0014: the events table keeps only the indexes something reads. Every event paid ten index entries (the key and
-- nine analytics indexes of the design); the admin reports read the rollups of migration 0090 instead, and the only
-- queries left on events are stitching's and the rollup refresh's (by anonymous_id, by user_id). The dropped indexes
-- cost each accepted event, and each order its four server events, an entry apiece and served no query.
DROP INDEX IF EXISTS idx_events_name;
DROP INDEX IF EXISTS idx_events_category;
DROP INDEX IF EXISTS idx_events_session;
DROP INDEX IF EXISTS idx_events_order;
DROP INDEX IF EXISTS idx_events_user_name;
DROP INDEX IF EXISTS idx_events_attribution;

-- Time-range reads (an operator's ad-hoc query within a month) keep an index, a BRIN one: events arrive in
-- created_at order, so a block range summary answers them, and an insert into an unsummarized range writes nothing.
DROP INDEX IF EXISTS idx_events_created;
CREATE INDEX idx_events_created ON events USING brin (created_at) WITH (autosummarize = on);
