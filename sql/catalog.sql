-- The extension's catalog entries: labels, comments, privileges
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- every function is commented, parallel safe, and IMMUTABLE STRICT unless
-- listed here: STABLE ones read the model's tables; non-strict SQL ones
-- are so that the planner can inline them
SELECT p.pronamespace::regnamespace AS schema, p.proname, pg_get_function_identity_arguments(p.oid) AS args,
	p.provolatile, p.proisstrict, p.proparallel, obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p
JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'srm'
WHERE p.prokind IN ('f', 'a')
  AND (p.provolatile <> 'i' OR (NOT p.proisstrict AND p.prokind = 'f') OR p.proparallel <> 's'
       OR obj_description(p.oid, 'pg_proc') IS NULL)
ORDER BY 1, 2, 3;

-- every table, view and sequence of the extension has a comment
SELECT c.relname, c.relkind
FROM pg_class c
JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'srm'
WHERE c.relkind IN ('r', 'v', 'm') AND obj_description(c.oid, 'pg_class') IS NULL
ORDER BY 1;
-- the model is readable by every role; only the owner writes
CREATE ROLE srm_reader;
SET ROLE srm_reader;
SELECT count(*) > 0 AS can_read FROM srm.layer;
SELECT srm.responsibility_of('ec2', 'pe-3');
INSERT INTO srm.override (framework_id, control_id, responsibility, reason)
VALUES ('nist-800-53-r5', 'pe-3', 'customer', 'not allowed');
RESET ROLE;
DROP ROLE srm_reader;
DROP FUNCTION public.test_error(text);

-- the extension's functions and relations live in two schemas: srm (the
-- public surface the README lists) and srm_internal (helpers)
SELECT n.nspname AS schema,
       count(*) FILTER (WHERE d.classid = 'pg_proc'::regclass) AS functions,
       count(*) FILTER (WHERE c.relkind = 'r') AS tables,
       count(*) FILTER (WHERE c.relkind = 'v') AS views
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'srm'
LEFT JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
LEFT JOIN pg_class c ON d.classid = 'pg_class'::regclass AND c.oid = d.objid
JOIN pg_namespace n ON n.oid = coalesce(p.pronamespace, c.relnamespace)
WHERE d.deptype = 'e'
GROUP BY n.nspname ORDER BY 1;
SELECT obj_description('srm_internal'::regnamespace, 'pg_namespace') AS srm_internal,
       has_schema_privilege('public', 'srm_internal', 'USAGE') AS usable_by_public;
