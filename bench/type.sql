-- Benchmark: srm.responsibility operators against native integer operators
-- on the same rows.  Each query runs :reps times; the best time counts.
-- Reported as ratios in one run (type time / integer time).
\set ON_ERROR_STOP on
\pset footer off
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE EXTENSION IF NOT EXISTS srm;
SET search_path = public, srm;

DROP TABLE IF EXISTS bench_t;
-- r: a responsibility; m: its bit mask as smallint; both from the same draw
CREATE TABLE bench_t AS
SELECT r, pg_catalog.get_byte(srm.responsibility_send(r), 1)::smallint AS m
FROM (SELECT (ARRAY['provider', 'provider, customer', 'customer', 'provider (system), customer (configured)',
		'customer (provided)', 'not applicable', 'partner', 'provider (corporate), customer, partner'])
		[1 + (random() * 7)::int]::srm.responsibility AS r
	  FROM generate_series(1, :rows)) s;
VACUUM ANALYZE bench_t;

CREATE TEMP TABLE bench_result (name text, type_ms numeric, int_ms numeric);
CREATE FUNCTION pg_temp.best(q text, reps int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; best numeric := 'Infinity'; i int;
BEGIN
	FOR i IN 1 .. reps LOOP
		t0 := clock_timestamp();
		EXECUTE q;
		best := least(best, extract(epoch FROM clock_timestamp() - t0) * 1000);
	END LOOP;
	RETURN round(best, 1);
END $$;
CREATE FUNCTION pg_temp.pair(name text, qtype text, qint text, reps int) RETURNS void LANGUAGE sql AS $$
	INSERT INTO bench_result VALUES (name, pg_temp.best(qtype, reps), pg_temp.best(qint, reps));
$$;

SELECT pg_temp.pair('equality filter (=)',
	'SELECT count(*) FROM bench_t WHERE r = ''shared''',
	'SELECT count(*) FROM bench_t WHERE m = 9::smallint', :reps);
SELECT pg_temp.pair('range filter (>=)',
	'SELECT count(*) FROM bench_t WHERE r >= ''shared''',
	'SELECT count(*) FROM bench_t WHERE m >= 9::smallint', :reps);
SELECT pg_temp.pair('containment (@> vs & =)',
	'SELECT count(*) FROM bench_t WHERE r @> ''customer''',
	'SELECT count(*) FROM bench_t WHERE m & 8::smallint = 8::smallint', :reps);
SELECT pg_temp.pair('overlap (&& vs & <>)',
	'SELECT count(*) FROM bench_t WHERE r && ''provider, partner''',
	'SELECT count(*) FROM bench_t WHERE m & 65::smallint <> 0::smallint', :reps);
SELECT pg_temp.pair('union in expressions (| vs |)',
	'SELECT count(*) FROM bench_t WHERE (r | ''customer'') = ''shared''',
	'SELECT count(*) FROM bench_t WHERE (m | 8::smallint) = 9::smallint', :reps);
SELECT pg_temp.pair('aggregate (responsibility_agg vs bit_or)',
	'SELECT srm.responsibility_agg(r) FROM bench_t',
	'SELECT bit_or(m) FROM bench_t', :reps);
SELECT pg_temp.pair('hash group by',
	'SELECT r, count(*) FROM bench_t GROUP BY r',
	'SELECT m, count(*) FROM bench_t GROUP BY m', :reps);
SELECT pg_temp.pair('sort',
	'SELECT r FROM bench_t ORDER BY r OFFSET ' || :rows,
	'SELECT m FROM bench_t ORDER BY m OFFSET ' || :rows, :reps);
SELECT pg_temp.pair('btree index build',
	'CREATE INDEX bench_r ON bench_t (r); DROP INDEX bench_r',
	'CREATE INDEX bench_m ON bench_t (m); DROP INDEX bench_m', greatest(1, :reps / 2));

SELECT name, type_ms, int_ms, round(type_ms / nullif(int_ms, 0), 2) AS ratio FROM bench_result;
SELECT round(exp(avg(ln(type_ms / int_ms))), 2) AS geometric_mean_ratio FROM bench_result;
DROP TABLE bench_t;
