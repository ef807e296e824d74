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

-- the run's storage: bytes of srm.audit_asset and srm.audit_finding with
-- their indexes and TOAST
CREATE FUNCTION bench.audit_bytes() RETURNS bigint LANGUAGE sql AS $$
    SELECT pg_total_relation_size('srm.audit_asset') + pg_total_relation_size('srm.audit_finding')
$$;
