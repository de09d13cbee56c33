-- ADR 0014: the rollups of migration 0090 are folded after the write, not inside it. The statement trigger on
-- events used to run event_rollups_apply (a dozen statements of plpgsql) in the transaction of every INSERT: a
-- checkout's four server events paid it four times, measured at 30x what the four rows cost without it. Now the
-- trigger only notes the new rows in event_rollup_pending (one INSERT ... SELECT), and event_rollups_fold() takes
-- them in bulk: a background loop on every host (a second, or at once while there is more) and every report before
-- it reads, so a report still sees every committed event.

-- What a fold needs of a new event. The visitor is not kept: stitching may move the event to the user before the
-- fold, which reads the current one from events. No index: rows are taken in bulk, oldest page first, and deleted.
CREATE TABLE event_rollup_pending (
    id          UUID NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    event_name  VARCHAR(100) NOT NULL,
    product_id  UUID
);

-- Events inserted before this migration are in the rollups already (the triggers kept them).
CREATE OR REPLACE FUNCTION events_rollup_inserted()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO event_rollup_pending (id, created_at, event_name, product_id)
    SELECT n.id, n.created_at, n.event_name, n.product_id FROM new_events n;
    RETURN NULL;
END;
$$;

-- Folds up to max_facts pending events into the rollups; returns how many it took. Two hosts fold at once safely:
-- with wait_for_others false (the background loop) a fold skips rows another fold holds; with true (a report) it
-- waits for that fold to commit, so the report reads rollups that hold every event committed before it began.
-- Product counters count the rows as inserted (the DELETE trigger subtracts rows as stored; name and product never
-- change); visitors take each event's current visitor, and an event deleted meanwhile was refreshed by that trigger.
CREATE FUNCTION event_rollups_fold(max_facts INTEGER, wait_for_others BOOLEAN)
RETURNS INTEGER
LANGUAGE plpgsql
AS $$
DECLARE
    rows_taken TID[];
    taken event_fact[];
    visitors event_fact[];
BEGIN
    IF wait_for_others THEN
        rows_taken := ARRAY(SELECT ctid FROM event_rollup_pending LIMIT max_facts FOR UPDATE);
    ELSE
        rows_taken := ARRAY(SELECT ctid FROM event_rollup_pending LIMIT max_facts FOR UPDATE SKIP LOCKED);
    END IF;
    IF cardinality(rows_taken) = 0 THEN
        RETURN 0;
    END IF;

    WITH d AS (DELETE FROM event_rollup_pending p WHERE p.ctid = ANY (rows_taken) RETURNING p.*)
    SELECT array_agg(ROW(d.id, NULL, d.event_name, NULL, NULL, NULL, d.product_id, d.created_at)::event_fact) INTO taken FROM d;
    IF taken IS NULL THEN
        RETURN 0;
    END IF;

    -- No visitor in these facts: this call counts products only.
    PERFORM event_rollups_apply(taken, true);

    SELECT array_agg(ROW(e.id, coalesce(e.user_id::text, e.anonymous_id), e.event_name, e.utm_source, e.utm_medium, e.utm_campaign,
                         e.product_id, e.created_at)::event_fact ORDER BY e.created_at, e.id)
      INTO visitors
      FROM unnest(taken) t
      JOIN events e ON e.id = t.id AND e.created_at = t.created_at;
    IF visitors IS NOT NULL THEN
        PERFORM event_rollups_apply(visitors, false);
    END IF;
    RETURN cardinality(taken);
END;
$$;

-- Rows come and go by the tens of thousands a second in a burst: vacuum often, so a fold's scan does not walk dead rows.
ALTER TABLE event_rollup_pending SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000,
                                      autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 10000,
                                      autovacuum_vacuum_cost_delay = 0);
