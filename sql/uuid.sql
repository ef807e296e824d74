-- srm_internal.uuid5ish, the name-based uuids of srm.oscal_ssp (in C since
-- 0.5.0): its own file, small enough to run under valgrind memcheck and the
-- sanitizers with the other files that reach srm's C code (test/memory)
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- name-based uuids: fixed, version 5, RFC 4122 variant
SELECT srm_internal.uuid5ish('srm', 'test') AS u,
       srm_internal.uuid5ish('srm', 'test') = srm_internal.uuid5ish('srm', 'test') AS same,
       srm_internal.uuid5ish('srm', 'test') <> srm_internal.uuid5ish('srmt', 'est') AS separated,
       srm_internal.uuid5ish('srm', 'test')::text ~ '^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' AS v5;

-- the C function (0.5.0) gives the uuids of the SQL definition of 0.2.0 to
-- 0.4.0, written out here: same plans, same uuids; non-ASCII names (the
-- length prefix counts characters, the hash reads UTF-8), empty strings,
-- and 2,000 names of a plan's shape
SELECT count(*) AS names,
       count(*) FILTER (WHERE srm_internal.uuid5ish(ns, name) IS DISTINCT FROM
           pg_catalog.encode(pg_catalog.set_byte(pg_catalog.set_byte(h, 6, (pg_catalog.get_byte(h, 6) & 15) | 80),
                                                 8, (pg_catalog.get_byte(h, 8) & 63) | 128), 'hex')::uuid) AS different
FROM (SELECT ns, name,
             pg_catalog.substr(pg_catalog.sha256(pg_catalog.convert_to(pg_catalog.length(ns)::text || ':' || ns || name, 'UTF8')), 1, 16) AS h
      FROM (VALUES ('srm', 'test'), ('', ''), ('', 'x'), ('x', ''), ('srm-ssp:nist-800-53-r5:MODERATE:all-accounts', 'component:this-system'),
                   ('Zürich école', 'contrôle:ac-2:日本'), ('日本語', 'é'), (repeat('ns', 500), repeat('name', 2000))
            UNION ALL
            SELECT 'srm-ssp:nist-800-53-r5:MODERATE:' || i, 'provided:ac-' || i || ':ec2' FROM generate_series(1, 2000) i) v(ns, name)) s;
-- NULL in, NULL out (STRICT)
SELECT srm_internal.uuid5ish(NULL, 'x') IS NULL AS null_namespace, srm_internal.uuid5ish('x', NULL) IS NULL AS null_name;
