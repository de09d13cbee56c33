-- CHANGED from the design: every foreign key is DEFERRABLE INITIALLY DEFERRED, i.e. checked at commit.
-- Modules reference each other by id only (no cross-module relationships in the EF model), so EF cannot order
-- the inserts of one transaction across modules (an event row may be written before its user row). Checking
-- the keys at commit keeps every reference enforced without coupling the modules' entities.
-- Later migrations that add foreign keys declare them DEFERRABLE INITIALLY DEFERRED too.
DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN
        SELECT c.conrelid::regclass AS table_name, c.conname
          FROM pg_constraint c
          JOIN pg_class t ON t.oid = c.conrelid
          JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE c.contype = 'f' AND n.nspname = 'public' AND NOT c.condeferrable
           AND NOT t.relispartition AND c.conparentid = 0
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY DEFERRED', fk.table_name, fk.conname);
    END LOOP;
END;
$$;
