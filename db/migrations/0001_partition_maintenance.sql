-- Monthly range partitions for the high-volume tables (events, audit_logs).
-- Each table also has a DEFAULT partition so that no insert ever fails for a missing month. This function,
-- run by the migration and by a monthly Hangfire job, creates the partitions for the current month and the
-- next `months_ahead` months. Rows that already landed in the default partition for a month being created
-- are moved into the new partition first (ATTACH refuses while the default holds rows of that range).
-- Safe when two hosts call it at once: a transaction-scoped advisory lock serialises callers per table.
CREATE OR REPLACE FUNCTION ensure_monthly_partitions(parent regclass, months_ahead integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    parent_name text := parent::text;
    default_name text := parent::text || '_default';
    month_start date;
    month_end date;
    partition_name text;
    created integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ensure_monthly_partitions:' || parent_name));
    FOR i IN 0..months_ahead LOOP
        month_start := (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => i))::date;
        month_end := (month_start + interval '1 month')::date;
        partition_name := format('%s_y%sm%s', parent_name, to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
        CONTINUE WHEN to_regclass(partition_name) IS NOT NULL;

        EXECUTE format('CREATE TABLE %I (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', partition_name, parent_name);
        IF to_regclass(default_name) IS NOT NULL THEN
            EXECUTE format(
                'WITH moved AS (DELETE FROM %I WHERE created_at >= %L::timestamptz AND created_at < %L::timestamptz RETURNING *) '
                'INSERT INTO %I SELECT * FROM moved',
                default_name, month_start::timestamp AT TIME ZONE 'UTC', month_end::timestamp AT TIME ZONE 'UTC', partition_name);
        END IF;
        EXECUTE format('ALTER TABLE %s ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
            parent_name, partition_name,
            month_start::timestamp AT TIME ZONE 'UTC', month_end::timestamp AT TIME ZONE 'UTC');
        created := created + 1;
    END LOOP;
    RETURN created;
END;
$$;
