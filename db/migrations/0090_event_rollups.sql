-- Rollups of events for the admin reports (ADR 0008): the reports read these instead of scanning events.
-- Maintained by statement-level triggers on events, in the transaction that writes the events, whatever writes
-- them (the ingest's binary COPY, server events saved through EF, stitching's UPDATE, hand-written SQL).
--
-- A visitor is coalesce(user_id::text, anonymous_id): once stitching gave an anonymous visitor's events to the
-- user, the user and those events are one visitor. A touch is an event with any of utm_source/medium/campaign.

CREATE TABLE event_visitors (
    visitor               TEXT PRIMARY KEY,
    -- NULL only inside the transaction that inserts the row (a placeholder that lets concurrent writers lock it).
    first_seen_at         TIMESTAMPTZ,
    last_seen_at          TIMESTAMPTZ,
    first_touch_at        TIMESTAMPTZ,
    first_touch_source    VARCHAR(100),
    first_touch_medium    VARCHAR(100),
    first_touch_campaign  VARCHAR(100),
    last_touch_at         TIMESTAMPTZ,
    last_touch_source     VARCHAR(100),
    last_touch_medium     VARCHAR(100),
    last_touch_campaign   VARCHAR(100),
    signed_up_at          TIMESTAMPTZ,
    -- The funnel: the first product.view, then the first cart.add at or after it, and so on.
    viewed_at             TIMESTAMPTZ,
    added_at              TIMESTAMPTZ,
    checkout_started_at   TIMESTAMPTZ,
    checkout_completed_at TIMESTAMPTZ,
    paid_at               TIMESTAMPTZ
);

CREATE INDEX idx_event_visitors_first_seen ON event_visitors (first_seen_at);
CREATE INDEX idx_event_visitors_viewed ON event_visitors (viewed_at) WHERE viewed_at IS NOT NULL;

CREATE TABLE event_product_days (
    day         DATE NOT NULL,    -- UTC day of created_at
    product_id  UUID NOT NULL,
    views       BIGINT NOT NULL,  -- product.view events
    adds        BIGINT NOT NULL,  -- cart.add events
    PRIMARY KEY (day, product_id)
);

-- The columns of an event the rollups read.
CREATE TYPE event_fact AS (
    id          UUID,
    visitor     TEXT,
    event_name  VARCHAR(100),
    utm_source  VARCHAR(100),
    utm_medium  VARCHAR(100),
    utm_campaign VARCHAR(100),
    product_id  UUID,
    created_at  TIMESTAMPTZ
);

-- Continues a visitor's funnel over events later than everything it has seen (steps 1-5, ordered by time, then step).
CREATE FUNCTION event_funnel_extend(reached TIMESTAMPTZ[], steps INTEGER[], ats TIMESTAMPTZ[])
RETURNS TIMESTAMPTZ[]
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    next_step INTEGER := coalesce(array_position(reached, NULL), 6);
BEGIN
    IF steps IS NULL OR next_step > 5 THEN
        RETURN reached;
    END IF;
    FOR i IN 1..array_length(steps, 1) LOOP
        IF steps[i] = next_step THEN
            reached[next_step] := ats[i];
            next_step := next_step + 1;
            EXIT WHEN next_step > 5;
        END IF;
    END LOOP;
    RETURN reached;
END;
$$;

-- Folds facts into event_visitors (and, when count_products, into event_product_days). A visitor whose facts are all
-- later than anything it has seen is extended in place; one with an earlier fact (writers committing out of order,
-- back-dated rows) is recomputed from events by event_visitors_refresh. Rows are locked in key order, so concurrent
-- writers queue instead of deadlocking.
CREATE FUNCTION event_rollups_apply(facts event_fact[], count_products BOOLEAN)
RETURNS VOID
LANGUAGE plpgsql
AS $$
DECLARE
    keys TEXT[];
    late TEXT[];
BEGIN
    IF count_products THEN
        INSERT INTO event_product_days AS d (day, product_id, views, adds)
        SELECT (f.created_at AT TIME ZONE 'UTC')::date, f.product_id,
               count(*) FILTER (WHERE f.event_name = 'product.view'), count(*) FILTER (WHERE f.event_name = 'cart.add')
          FROM unnest(facts) f
         WHERE f.product_id IS NOT NULL AND f.event_name IN ('product.view', 'cart.add')
         GROUP BY 1, 2
         ORDER BY 1, 2
        ON CONFLICT (day, product_id) DO UPDATE SET views = d.views + excluded.views, adds = d.adds + excluded.adds;
    END IF;

    SELECT array_agg(DISTINCT f.visitor ORDER BY f.visitor) INTO keys FROM unnest(facts) f WHERE f.visitor IS NOT NULL;
    IF keys IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO event_visitors (visitor) SELECT k FROM unnest(keys) k ORDER BY k ON CONFLICT (visitor) DO NOTHING;
    PERFORM 1 FROM event_visitors WHERE visitor = ANY (keys) ORDER BY visitor FOR UPDATE;

    WITH f AS (
        SELECT u.*, num_nonnulls(u.utm_source, u.utm_medium, u.utm_campaign) > 0 AS touch,
               array_position(ARRAY['product.view', 'cart.add', 'checkout.started', 'checkout.completed', 'payment.completed']::text[],
                              u.event_name::text) AS step
          FROM unnest(facts) u WHERE u.visitor IS NOT NULL),
    s AS (
        SELECT visitor, min(created_at) AS first_at, max(created_at) AS last_at,
               min(created_at) FILTER (WHERE event_name = 'user.signup.completed') AS signup_at,
               (array_agg(created_at ORDER BY created_at, id) FILTER (WHERE touch))[1] AS ft_at,
               (array_agg(utm_source ORDER BY created_at, id) FILTER (WHERE touch))[1] AS ft_source,
               (array_agg(utm_medium ORDER BY created_at, id) FILTER (WHERE touch))[1] AS ft_medium,
               (array_agg(utm_campaign ORDER BY created_at, id) FILTER (WHERE touch))[1] AS ft_campaign,
               (array_agg(created_at ORDER BY created_at DESC, id DESC) FILTER (WHERE touch))[1] AS lt_at,
               (array_agg(utm_source ORDER BY created_at DESC, id DESC) FILTER (WHERE touch))[1] AS lt_source,
               (array_agg(utm_medium ORDER BY created_at DESC, id DESC) FILTER (WHERE touch))[1] AS lt_medium,
               (array_agg(utm_campaign ORDER BY created_at DESC, id DESC) FILTER (WHERE touch))[1] AS lt_campaign,
               array_agg(step ORDER BY created_at, step) FILTER (WHERE step IS NOT NULL) AS steps,
               array_agg(created_at ORDER BY created_at, step) FILTER (WHERE step IS NOT NULL) AS ats
          FROM f GROUP BY visitor),
    merged AS (
        SELECT s.*, v.first_seen_at, v.first_touch_at, v.first_touch_source, v.first_touch_medium,
               v.first_touch_campaign, v.last_touch_at, v.last_touch_source, v.last_touch_medium, v.last_touch_campaign, v.signed_up_at,
               event_funnel_extend(ARRAY[v.viewed_at, v.added_at, v.checkout_started_at, v.checkout_completed_at, v.paid_at], s.steps, s.ats)
                   AS reached
          FROM s JOIN event_visitors v USING (visitor)
         WHERE v.last_seen_at IS NULL OR s.first_at > v.last_seen_at),
    extended AS (
        UPDATE event_visitors v SET
            first_seen_at = coalesce(m.first_seen_at, m.first_at),
            last_seen_at = m.last_at,
            first_touch_at = coalesce(m.first_touch_at, m.ft_at),
            first_touch_source = CASE WHEN m.first_touch_at IS NULL THEN m.ft_source ELSE m.first_touch_source END,
            first_touch_medium = CASE WHEN m.first_touch_at IS NULL THEN m.ft_medium ELSE m.first_touch_medium END,
            first_touch_campaign = CASE WHEN m.first_touch_at IS NULL THEN m.ft_campaign ELSE m.first_touch_campaign END,
            last_touch_at = coalesce(m.lt_at, m.last_touch_at),
            last_touch_source = CASE WHEN m.lt_at IS NULL THEN m.last_touch_source ELSE m.lt_source END,
            last_touch_medium = CASE WHEN m.lt_at IS NULL THEN m.last_touch_medium ELSE m.lt_medium END,
            last_touch_campaign = CASE WHEN m.lt_at IS NULL THEN m.last_touch_campaign ELSE m.lt_campaign END,
            signed_up_at = coalesce(m.signed_up_at, m.signup_at),
            viewed_at = m.reached[1],
            added_at = m.reached[2],
            checkout_started_at = m.reached[3],
            checkout_completed_at = m.reached[4],
            paid_at = m.reached[5]
          FROM merged m
         WHERE v.visitor = m.visitor
        RETURNING v.visitor)
    SELECT array_agg(k) INTO late FROM unnest(keys) k WHERE k NOT IN (SELECT visitor FROM extended);

    IF late IS NOT NULL THEN
        PERFORM event_visitors_refresh(late);
    END IF;
END;
$$;

-- Recomputes the visitors of these keys from events (stitching moved events between them, or a fact arrived
-- earlier than one already folded); a key left without events loses its row.
CREATE FUNCTION event_visitors_refresh(keys TEXT[])
RETURNS VOID
LANGUAGE plpgsql
AS $$
DECLARE
    sorted TEXT[];
    facts event_fact[];
BEGIN
    SELECT array_agg(DISTINCT k ORDER BY k) INTO sorted FROM unnest(keys) k WHERE k IS NOT NULL;
    IF sorted IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO event_visitors (visitor) SELECT k FROM unnest(sorted) k ORDER BY k ON CONFLICT (visitor) DO NOTHING;
    PERFORM 1 FROM event_visitors WHERE visitor = ANY (sorted) ORDER BY visitor FOR UPDATE;
    UPDATE event_visitors SET first_seen_at = NULL, last_seen_at = NULL, first_touch_at = NULL, first_touch_source = NULL,
           first_touch_medium = NULL, first_touch_campaign = NULL, last_touch_at = NULL, last_touch_source = NULL,
           last_touch_medium = NULL, last_touch_campaign = NULL, signed_up_at = NULL, viewed_at = NULL, added_at = NULL,
           checkout_started_at = NULL, checkout_completed_at = NULL, paid_at = NULL
     WHERE visitor = ANY (sorted);

    SELECT array_agg(ROW(e.id, coalesce(e.user_id::text, e.anonymous_id), e.event_name, e.utm_source, e.utm_medium, e.utm_campaign,
                         e.product_id, e.created_at)::event_fact)
      INTO facts
      FROM (SELECT * FROM events
             WHERE user_id = ANY (ARRAY(SELECT k::uuid FROM unnest(sorted) k
                                         WHERE k ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'))
            UNION ALL
            SELECT * FROM events WHERE user_id IS NULL AND anonymous_id = ANY (sorted)) e;
    IF facts IS NOT NULL THEN
        PERFORM event_rollups_apply(facts, false);
    END IF;
    DELETE FROM event_visitors WHERE visitor = ANY (sorted) AND last_seen_at IS NULL;
END;
$$;

CREATE FUNCTION events_rollup_inserted()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM event_rollups_apply(ARRAY(
        SELECT ROW(n.id, coalesce(n.user_id::text, n.anonymous_id), n.event_name, n.utm_source, n.utm_medium, n.utm_campaign,
                   n.product_id, n.created_at)::event_fact
          FROM new_events n), true);
    RETURN NULL;
END;
$$;

-- An UPDATE (stitching sets user_id) or a DELETE: the product counters take the difference, and every visitor an
-- old or new row belongs to is recomputed.
CREATE FUNCTION events_rollup_changed()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
DECLARE
    keys TEXT[];
BEGIN
    INSERT INTO event_product_days AS d (day, product_id, views, adds)
    SELECT day, product_id, sum(views), sum(adds)
      FROM (SELECT (o.created_at AT TIME ZONE 'UTC')::date AS day, o.product_id,
                   -(o.event_name = 'product.view')::int AS views, -(o.event_name = 'cart.add')::int AS adds
              FROM old_events o WHERE o.product_id IS NOT NULL AND o.event_name IN ('product.view', 'cart.add')
            UNION ALL
            SELECT (n.created_at AT TIME ZONE 'UTC')::date, n.product_id, (n.event_name = 'product.view')::int, (n.event_name = 'cart.add')::int
              FROM new_events n WHERE n.product_id IS NOT NULL AND n.event_name IN ('product.view', 'cart.add')) c
     GROUP BY day, product_id
    HAVING sum(views) <> 0 OR sum(adds) <> 0
     ORDER BY day, product_id
    ON CONFLICT (day, product_id) DO UPDATE SET views = d.views + excluded.views, adds = d.adds + excluded.adds;

    SELECT array_agg(DISTINCT k) INTO keys
      FROM (SELECT coalesce(o.user_id::text, o.anonymous_id) AS k FROM old_events o
            UNION ALL
            SELECT coalesce(n.user_id::text, n.anonymous_id) FROM new_events n) c;
    PERFORM event_visitors_refresh(keys);
    RETURN NULL;
END;
$$;

CREATE FUNCTION events_rollup_deleted()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
DECLARE
    keys TEXT[];
BEGIN
    INSERT INTO event_product_days AS d (day, product_id, views, adds)
    SELECT (o.created_at AT TIME ZONE 'UTC')::date, o.product_id,
           -count(*) FILTER (WHERE o.event_name = 'product.view'), -count(*) FILTER (WHERE o.event_name = 'cart.add')
      FROM old_events o WHERE o.product_id IS NOT NULL AND o.event_name IN ('product.view', 'cart.add')
     GROUP BY 1, 2
     ORDER BY 1, 2
    ON CONFLICT (day, product_id) DO UPDATE SET views = d.views + excluded.views, adds = d.adds + excluded.adds;

    SELECT array_agg(DISTINCT coalesce(o.user_id::text, o.anonymous_id)) INTO keys FROM old_events o;
    PERFORM event_visitors_refresh(keys);
    RETURN NULL;
END;
$$;

CREATE TRIGGER events_rollup_insert AFTER INSERT ON events
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION events_rollup_inserted();
CREATE TRIGGER events_rollup_update AFTER UPDATE ON events
    REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION events_rollup_changed();
CREATE TRIGGER events_rollup_delete AFTER DELETE ON events
    REFERENCING OLD TABLE AS old_events FOR EACH STATEMENT EXECUTE FUNCTION events_rollup_deleted();

-- Backfill from the events already stored (the triggers above hold new writers back until this commits).
LOCK TABLE events IN SHARE MODE;

INSERT INTO event_product_days (day, product_id, views, adds)
SELECT (created_at AT TIME ZONE 'UTC')::date, product_id,
       count(*) FILTER (WHERE event_name = 'product.view'), count(*) FILTER (WHERE event_name = 'cart.add')
  FROM events WHERE product_id IS NOT NULL AND event_name IN ('product.view', 'cart.add')
 GROUP BY 1, 2;

DO $$
DECLARE
    chunk event_fact[];
BEGIN
    -- Whole visitors per chunk (by a hash of the key), so each chunk folds its visitors from scratch.
    FOR chunk IN
        SELECT array_agg(ROW(id, coalesce(user_id::text, anonymous_id), event_name, utm_source, utm_medium, utm_campaign,
                             product_id, created_at)::event_fact)
          FROM events GROUP BY hashtext(coalesce(user_id::text, anonymous_id)) & 255
    LOOP
        PERFORM event_rollups_apply(chunk, false);
    END LOOP;
END;
$$;
