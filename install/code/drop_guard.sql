-- install/code/drop_guard.sql (code part): DROP EXTENSION srm on a database
-- that holds user rows fails, saying how many rows of which tables would be
-- lost, unless the session sets srm.drop_with_user_rows = on.

-- the user's rows per table: those pg_dump keeps (the tables registered with
-- pg_extension_config_dump, under their conditions)
CREATE FUNCTION srm.user_rows()
RETURNS TABLE (table_name text, user_rows bigint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cfg record;
BEGIN
    FOR cfg IN
        SELECT x.cfg_oid::regclass AS tbl, coalesce(x.cond, '') AS cond
        FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(cfg_oid, cond), pg_class c
        WHERE e.extname = 'srm' AND c.oid = x.cfg_oid AND c.relkind IN ('r', 'p')
        ORDER BY x.cfg_oid::regclass::text
    LOOP
        table_name := cfg.tbl::text;
        EXECUTE format('SELECT count(*) FROM %s %s', cfg.tbl, cfg.cond) INTO user_rows;
        RETURN NEXT;
    END LOOP;
END
$$;
COMMENT ON FUNCTION srm.user_rows() IS
    'the user''s rows per table of srm (the rows pg_dump keeps: inventory, loads, rejections, statuses and their history, overrides, the user''s attestations, audit runs and what they recorded); DROP EXTENSION srm would delete them';

-- the check of the event trigger: an error naming what would be lost
CREATE FUNCTION srm_internal.drop_guard_check()
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    total bigint;
    tables text;
BEGIN
    IF coalesce(nullif(current_setting('srm.drop_with_user_rows', true), '')::boolean, false) THEN
        RETURN;
    END IF;
    SELECT sum(u.user_rows), string_agg(format('%s: %s', u.table_name, u.user_rows), ', ' ORDER BY u.table_name)
      INTO total, tables
      FROM srm.user_rows() u WHERE u.user_rows > 0;
    IF total > 0 THEN
        RAISE EXCEPTION 'dropping srm would delete % user rows', total
            USING ERRCODE = 'dependent_objects_still_exist',
                  DETAIL = format('Rows per table: %s.', tables),
                  HINT = 'Keep them first (pg_dump of the database). Then, to drop srm and its rows deliberately: SET srm.drop_with_user_rows = on; DROP EXTENSION srm;';
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.drop_guard_check() IS
    'raises the error of the drop guard when the database holds user rows of srm (srm.user_rows), unless the session set srm.drop_with_user_rows = on';

CREATE FUNCTION srm_internal.drop_guard()
RETURNS event_trigger
AS 'MODULE_PATHNAME', 'srm_drop_guard'
LANGUAGE C;
COMMENT ON FUNCTION srm_internal.drop_guard() IS
    'event trigger (ddl_command_start) of DROP EXTENSION and DROP SCHEMA: when the statement names srm (or DROP SCHEMA srm CASCADE), runs srm_internal.drop_guard_check()';

-- created once (an upgrade re-runs this part)
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_event_trigger WHERE evtname = 'srm_drop_guard') THEN
        CREATE EVENT TRIGGER srm_drop_guard ON ddl_command_start
            WHEN TAG IN ('DROP EXTENSION', 'DROP SCHEMA')
            EXECUTE FUNCTION srm_internal.drop_guard();
        COMMENT ON EVENT TRIGGER srm_drop_guard IS
            'refuses DROP EXTENSION srm (and DROP SCHEMA srm CASCADE) while the database holds user rows of srm, unless the session set srm.drop_with_user_rows = on';
    END IF;
END
$$;
