-- Helpers of bench/audit.sh, created in its scratch database (schema bench,
-- never in srm).
--
-- bench.time(q, reps, repeat_below_ms) runs the query q (one row expected;
-- its first column is returned as value) and measures it on the server with
-- clock_timestamp().  It runs q again, up to reps times in all, while a run
-- takes less than repeat_below_ms, and returns the best time.  A statement
-- timeout (the caller's statement_timeout, which covers all the runs) is
-- returned as value 'timeout' with the best time so far, if any; other
-- errors are raised.
\set ON_ERROR_STOP on
CREATE SCHEMA bench;

CREATE FUNCTION bench.time(q text, reps integer, repeat_below_ms numeric DEFAULT 5000,
                           OUT ms numeric, OUT runs integer, OUT value text)
LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
    t numeric;
    v text;
BEGIN
    runs := 0;
    LOOP
        t0 := clock_timestamp();
        BEGIN
            EXECUTE q INTO v;
        EXCEPTION WHEN query_canceled THEN
            value := 'timeout';
            ms := round(ms, 3);
            RETURN;
        END;
        t := extract(epoch FROM clock_timestamp() - t0) * 1000;
        ms := least(coalesce(ms, t), t);
        runs := runs + 1;
        value := v;
        EXIT WHEN runs >= reps OR t >= repeat_below_ms;
    END LOOP;
    ms := round(ms, 3);
END $$;

-- the run's storage: bytes of every table a run writes (srm.audit_asset,
-- srm.audit_finding and, since 0.3.0, srm.audit_group, audit_default,
-- audit_override, audit_status, since 0.5.0 audit_check, since 0.11.0
-- audit_gap) with their indexes and TOAST
CREATE FUNCTION bench.audit_bytes() RETURNS bigint LANGUAGE sql AS $$
    SELECT sum(pg_total_relation_size(c.oid))::bigint
    FROM pg_class c
    WHERE c.relnamespace = 'srm'::regnamespace AND c.relkind = 'r'
      AND c.relname IN ('audit_asset', 'audit_finding', 'audit_group', 'audit_default', 'audit_override', 'audit_status',
                        'audit_check', 'audit_gap')
$$;
