-- A catalogue of bad input: each error with its SQLSTATE, message and detail
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

CREATE FUNCTION pg_temp.try(v text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE st text; msg text; det text;
BEGIN
	RETURN 'accepted: ' || v::srm.responsibility::text;
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
	RETURN st || ': ' || msg || E'\n' || det;
END $$;

SELECT n, pg_temp.try(v) AS result FROM (VALUES
	-- empty
	(1, ''), (2, '   '), (3, E'\t\n'),
	-- unknown words
	(4, 'aws'), (5, 'providers'), (6, 'customer specific'), (7, 'not'), (8, 'applicable'),
	(9, 'shared-responsibility'), (10, 'provider;customer'), (11, 'provider/customer'),
	-- a qualifier alone or in the wrong place
	(12, 'corporate'), (13, 'system, customer'), (14, 'provider (configured)'),
	(15, 'customer (system)'), (16, 'provider (customer)'), (17, 'provider (cloud)'),
	-- duplicated parts and qualifiers
	(18, 'provider, provider'), (19, 'shared, customer'), (20, 'inherited, provider (system)'),
	(21, 'provider (system, system)'), (22, 'customer (configured + configured)'), (23, 'n/a, n/a'),
	-- contradictions: not applicable with a party
	(24, 'n/a, provider'), (25, 'customer, not applicable'), (26, 'not-applicable + shared'),
	-- qualifiers where none belong
	(27, 'partner (system)'), (28, 'shared (corporate)'), (29, 'inherited (system)'), (30, 'n/a (system)'),
	-- stray separators
	(31, ','), (32, ', provider'), (33, 'provider,'), (34, 'provider,,customer'), (35, 'provider + + customer'),
	(36, 'provider (corporate,)'), (37, 'provider (,corporate)'), (38, 'provider (corporate,,system)'),
	-- missing separators
	(39, 'provider customer'), (40, 'provider (corporate system)'), (41, 'provider (system) customer'),
	-- parentheses
	(42, 'provider ()'), (43, 'provider ('), (44, 'provider (corporate'), (45, 'provider )'),
	(46, '(provider)'), (47, 'provider (system) (corporate)'), (48, 'provider ((system))'), (49, ')'),
	-- non-ASCII
	(50, 'provïder'), (51, 'customer, パートナー'), (52, E'provider\u00a0customer'),
	-- very long strings: the message quotes a clipped prefix
	(53, repeat('x', 5000)), (54, 'provider, ' || repeat('customer-', 1000)),
	(55, repeat('provider ', 1000)),
	-- control characters and other binary garbage (without NUL, which text cannot hold)
	(56, E'\x01\x02\x03'), (57, E'provider\x1b[31m'), (58, E'\x7f'),
	(59, (SELECT string_agg(chr(c), '') FROM generate_series(1, 31) c WHERE c NOT IN (9, 10, 11, 12, 13))),
	(60, E'customer,\x08partner')
) AS t(n, v) ORDER BY n;
-- random garbage: 2,000 strings of random bytes 1..127, each rejected with
-- 22P02 or accepted: no other error, no crash
SELECT setseed(0.42);
SELECT count(*) AS garbage,
	count(*) FILTER (WHERE res LIKE '22P02: %' OR res LIKE 'accepted: %') AS clean_outcome
FROM (SELECT pg_temp.try((SELECT string_agg(chr(1 + (random() * 126)::int), '')
		FROM generate_series(1, 1 + (i % 40)) WHERE i > 0)) AS res
	  FROM generate_series(1, 2000) i) s;

-- errors are raised with the type's hint, and the statement fails
SELECT 'partner, partner'::responsibility;
SELECT '{shared, sharing}'::responsibility[];
CREATE TABLE err_t (r responsibility NOT NULL);
INSERT INTO err_t VALUES ('customer'), ('custommer');
SELECT count(*) FROM err_t;
-- leave the database as found
DROP TABLE err_t;
