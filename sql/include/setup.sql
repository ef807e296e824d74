\set srm_setup_echo :ECHO
\set ECHO none
-- Shared setup, included by every file of the regression suite (the first
-- lines of each file:  \getenv abs_srcdir PG_ABS_SRCDIR  and
-- \i :abs_srcdir/sql/include/setup.sql), so that each file runs alone and
-- in any order, in a new database (make installcheck REGRESS=<name>) or in
-- one where srm is already installed, at this version or updated from an
-- older one (pg_regress --use-existing).  It is not a test itself: it is
-- not in REGRESS and has no expected file; its own lines are not echoed,
-- but its errors are.
--   - srm: created if missing; never dropped, never assumed to be new.
--   - the user's tables (those whose rows pg_dump keeps, registered with
--     pg_extension_config_dump) are emptied and their sequences restarted,
--     so a test sees no row left by another and the same ids in any order.
--   - public.test_error(q): runs q and returns its error as text.
--   - psql variable fixtures: the directory of the test fixtures.
-- It leaves search_path as it was and resets client_min_messages.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS srm;

DO $$
DECLARE
	cfg record;
	whole text;
BEGIN
	-- tables whose rows are all the user's: emptied together
	SELECT string_agg(cfg_oid::regclass::text, ', ') INTO whole
	FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(cfg_oid, cond), pg_class c
	WHERE e.extname = 'srm' AND c.oid = x.cfg_oid AND c.relkind IN ('r', 'p') AND coalesce(x.cond, '') = ''
	  AND c.oid IS DISTINCT FROM to_regclass('srm.control_status_history');
	IF whole IS NOT NULL THEN
		EXECUTE 'TRUNCATE ' || whole || ' RESTART IDENTITY';
	END IF;
	-- the history of statuses is append-only (its triggers refuse a
	-- TRUNCATE): emptied deliberately, after the statuses (whose TRUNCATE
	-- it logs), with triggers off for this one statement
	IF to_regclass('srm.control_status_history') IS NOT NULL THEN
		PERFORM set_config('session_replication_role', 'replica', true);
		EXECUTE 'TRUNCATE srm.control_status_history RESTART IDENTITY';
		PERFORM set_config('session_replication_role', 'origin', true);
	END IF;
	-- tables that hold shipped rows as well: only the user's rows go
	FOR cfg IN
		SELECT x.cfg_oid::regclass AS tbl, x.cond
		FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(cfg_oid, cond), pg_class c
		WHERE e.extname = 'srm' AND c.oid = x.cfg_oid AND c.relkind IN ('r', 'p') AND coalesce(x.cond, '') <> ''
	LOOP
		EXECUTE format('DELETE FROM %s %s', cfg.tbl, cfg.cond);
	END LOOP;
	-- the user's sequences start again
	FOR cfg IN
		SELECT x.cfg_oid::regclass AS seq
		FROM pg_extension e, unnest(e.extconfig) AS x(cfg_oid), pg_class c
		WHERE e.extname = 'srm' AND c.oid = x.cfg_oid AND c.relkind = 'S'
	LOOP
		EXECUTE format('ALTER SEQUENCE %s RESTART', cfg.seq);
	END LOOP;
	-- the shipped model tables get statistics once: without them the planner
	-- may recompute srm.matrix for every row of a join (identifiers took
	-- minutes instead of seconds when autovacuum had not analyzed them yet)
	FOR cfg IN
		SELECT c.oid::regclass AS tbl
		FROM pg_class c JOIN pg_stat_user_tables st ON st.relid = c.oid
		WHERE c.relnamespace = 'srm'::regnamespace AND c.relkind = 'r'
		  AND st.last_analyze IS NULL AND st.last_autoanalyze IS NULL
		  AND c.oid NOT IN (SELECT unnest(extconfig) FROM pg_extension WHERE extname = 'srm')
	LOOP
		EXECUTE format('ANALYZE %s', cfg.tbl);
	END LOOP;
END $$;

-- run a statement, return its error (SQLSTATE, message, detail, hint) as text
CREATE OR REPLACE FUNCTION public.test_error(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE st text; msg text; det text; hint text;
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN st || ': ' || msg || coalesce(E'\n  detail: ' || nullif(det, ''), '') || coalesce(E'\n  hint: ' || nullif(hint, ''), '');
END $$;

RESET client_min_messages;
\set fixtures :abs_srcdir '/test/fixtures'
\set ECHO :srm_setup_echo
