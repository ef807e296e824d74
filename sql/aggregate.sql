-- srm.responsibility_agg: the union over rows, serial and parallel
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

SELECT responsibility_agg(r) FROM unnest('{inherited, customer (configured)}'::responsibility[]) r;
SELECT responsibility_agg(r) FROM unnest('{provider (system), NULL, partner}'::responsibility[]) r;
SELECT responsibility_agg(r) IS NULL AS empty_is_null FROM unnest('{}'::responsibility[]) r;
SELECT responsibility_agg(r) FROM unnest('{n/a, n/a}'::responsibility[]) r;
-- the stack of an EC2 instance's layers, grouped
SELECT layer_box, responsibility_agg(r)
FROM (VALUES ('in the cloud', 'customer (provided)'::responsibility),
	('in the cloud', 'customer (configured)'), ('of the cloud', 'provider (system)'),
	('of the cloud', 'provider (corporate)')) AS t(layer_box, r)
GROUP BY layer_box ORDER BY layer_box;

SELECT a.aggcombinefn::regproc, a.aggtransfn::regproc, p.proparallel
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE a.aggfnoid = 'srm.responsibility_agg'::regproc;

-- a forced parallel aggregate equals the serial one
-- group g holds part j exactly when bit j of g is set, so each of the 128
-- groups has its own union
CREATE TABLE agg_t (g int, r responsibility);
INSERT INTO agg_t
SELECT i % 128, (ARRAY['provider', 'provider (corporate)', 'provider (system)', 'customer',
	'customer (configured)', 'customer (provided)', 'partner'])[1 + (i / 128) % 7]::responsibility
FROM generate_series(1, 300000) i
WHERE ((i % 128) >> ((i / 128) % 7)) & 1 = 1;
INSERT INTO agg_t VALUES (128, 'n/a'), (129, 'n/a'), (129, NULL), (130, NULL);
ANALYZE agg_t;
CREATE TABLE agg_serial AS SELECT g, responsibility_agg(r) AS r FROM agg_t GROUP BY g;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT g, responsibility_agg(r) FROM agg_t GROUP BY g;
CREATE TABLE agg_parallel AS SELECT g, responsibility_agg(r) AS r FROM agg_t GROUP BY g;
EXPLAIN (COSTS OFF) SELECT responsibility_agg(r) FROM agg_t;
SELECT responsibility_agg(r) FROM agg_t;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
SELECT count(*) AS groups,
	count(*) FILTER (WHERE s.r IS NOT DISTINCT FROM p.r) AS equal,
	count(DISTINCT s.r) AS distinct_unions
FROM agg_serial s FULL JOIN agg_parallel p USING (g);
SELECT g, r FROM agg_serial WHERE g IN (1, 6, 24, 65, 127, 128, 129, 130) ORDER BY g;
-- leave the database as found
DROP TABLE agg_t, agg_serial, agg_parallel;
