-- ADDED (not in the design): revocation that bites on every host within a second.
-- Each host caches, per access token, whether its session is active and its user active with its role. These
-- triggers tell every host (NOTIFY on channel sbb_invalidation) when that stops being true. A trigger, not
-- application code, so every path that revokes (logout, session delete, refresh-family revocation, password
-- reset, DELETE /me, suspension, ban, role change, a support engineer's SQL) is covered; and pg_notify is
-- transactional, so the message goes out only when the revoking transaction commits.

CREATE FUNCTION notify_session_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A rotated row (replaced_by_id set) is no revocation: its family lives on in the replacement.
    IF TG_OP = 'DELETE' OR (OLD.status = 'active' AND NEW.status <> 'active' AND NEW.replaced_by_id IS NULL) THEN
        PERFORM pg_notify('sbb_invalidation', 'session:' || OLD.family_id::text);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER auth_sessions_notify_revoked
    AFTER UPDATE OF status OR DELETE ON auth_sessions
    FOR EACH ROW EXECUTE FUNCTION notify_session_revoked();

CREATE FUNCTION notify_user_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status IS DISTINCT FROM NEW.status OR OLD.role IS DISTINCT FROM NEW.role THEN
        PERFORM pg_notify('sbb_invalidation', 'user:' || OLD.id::text);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER users_notify_access_changed
    AFTER UPDATE OF status, role OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION notify_user_access_changed();
