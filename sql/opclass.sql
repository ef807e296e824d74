-- btree and hash operator classes, and their use by the planner
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

CREATE TABLE controls (id int, r responsibility);
INSERT INTO controls
SELECT i, (ARRAY['inherited', 'shared', 'customer', 'n/a', 'provider (system), customer (configured)',
	'partner', 'customer (provided)'])[1 + i % 7]::responsibility
FROM generate_series(1, 7000) i;
CREATE INDEX controls_r_btree ON controls USING btree (r);
CREATE INDEX controls_r_hash ON controls USING hash (r);
ANALYZE controls;

-- the default opclasses are ours
SELECT am.amname, opc.opcname, opc.opcdefault
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
WHERE opc.opcintype = 'srm.responsibility'::regtype ORDER BY 1;
-- the hash opclass has the extended hash function (support 2)
SELECT amprocnum, amproc::regproc FROM pg_amproc
WHERE amproclefttype = 'srm.responsibility'::regtype ORDER BY amprocfamily, amprocnum;

SET enable_seqscan = off;
SET enable_bitmapscan = off;
-- equality: btree or hash index
EXPLAIN (COSTS OFF) SELECT count(*) FROM controls WHERE r = 'customer';
SELECT count(*) FROM controls WHERE r = 'customer';
-- range: btree only
EXPLAIN (COSTS OFF) SELECT count(*) FROM controls WHERE r >= 'shared';
SELECT count(*) FROM controls WHERE r >= 'shared';
-- hash index alone
DROP INDEX controls_r_btree;
EXPLAIN (COSTS OFF) SELECT count(*) FROM controls WHERE r = 'shared';
SELECT count(*) FROM controls WHERE r = 'shared';
RESET enable_seqscan;
RESET enable_bitmapscan;

-- sorting, grouping and joins use the opclasses
SELECT r, count(*) FROM controls GROUP BY r ORDER BY r;
SET enable_hashagg = off;
SELECT r, count(*) FROM controls GROUP BY r ORDER BY r DESC LIMIT 2;
RESET enable_hashagg;
SELECT count(DISTINCT r) FROM controls;
CREATE TABLE classes (r responsibility PRIMARY KEY, label text);
INSERT INTO classes VALUES ('inherited', 'AWS'), ('shared', 'both'), ('customer', 'us');
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT c.label, count(*) FROM controls x JOIN classes c USING (r) GROUP BY c.label;
SELECT c.label, count(*) FROM controls x JOIN classes c USING (r) GROUP BY c.label ORDER BY 1;
RESET enable_mergejoin;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT c.label, count(*) FROM controls x JOIN classes c USING (r) GROUP BY c.label;
SELECT c.label, count(*) FROM controls x JOIN classes c USING (r) GROUP BY c.label ORDER BY 1;
RESET enable_hashjoin;
RESET enable_nestloop;

-- selectivity: the statistics know every value, so estimates are close
EXPLAIN (COSTS OFF) SELECT * FROM controls WHERE r @> 'customer';
SELECT (SELECT count(*) FROM controls WHERE r @> 'customer') AS actual,
	round((SELECT reltuples FROM pg_class WHERE relname = 'controls')
		* (SELECT sum(f) FROM pg_stats, unnest(most_common_vals::text::responsibility[], most_common_freqs) AS m(v, f)
		   WHERE tablename = 'controls' AND attname = 'r' AND v @> 'customer')) AS from_stats;
CREATE FUNCTION pg_temp.estimate(q text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT json) ' || q INTO plan;
	RETURN (plan->0->'Plan'->>'Plan Rows')::int;
END $$;
SELECT pg_temp.estimate('SELECT * FROM controls WHERE r @> ''customer''') AS est_contains,
	pg_temp.estimate('SELECT * FROM controls WHERE r <@ ''shared''') AS est_contained,
	pg_temp.estimate('SELECT * FROM controls WHERE r && ''partner''') AS est_overlap,
	pg_temp.estimate('SELECT * FROM controls WHERE r < ''shared''') AS est_lt,
	pg_temp.estimate('SELECT * FROM controls WHERE r = ''n/a''') AS est_eq,
	pg_temp.estimate('SELECT * FROM controls WHERE r <> ''n/a''') AS est_ne;
SELECT count(*) FILTER (WHERE r @> 'customer') AS act_contains,
	count(*) FILTER (WHERE r <@ 'shared') AS act_contained,
	count(*) FILTER (WHERE r && 'partner') AS act_overlap,
	count(*) FILTER (WHERE r < 'shared') AS act_lt,
	count(*) FILTER (WHERE r = 'n/a') AS act_eq,
	count(*) FILTER (WHERE r <> 'n/a') AS act_ne
FROM controls;
-- leave the database as found
DROP TABLE controls, classes;
