-- Text and binary input/output of srm.responsibility
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- canonical output: parts in the order provider, customer, partner,
-- qualifiers in a fixed order, one spelling per value
SELECT v AS input, v::responsibility AS canonical
FROM (VALUES
	('provider'), ('customer'), ('partner'),
	('provider (corporate)'), ('provider (system)'), ('provider (system, corporate)'),
	('customer (configured)'), ('customer (provided)'), ('customer (provided, configured)'),
	('partner, customer, provider'),
	('customer (configured) + provider (system) + partner'),
	('not applicable')
) AS t(v);

-- aliases: the AWS class words
SELECT v AS alias, v::responsibility AS canonical
FROM (VALUES ('inherited'), ('shared'), ('customer-specific'), ('customer'),
	('not-applicable'), ('n/a'), ('not applicable'),
	('shared, partner'), ('inherited + customer (configured)'),
	('customer-specific, partner')) AS t(v);

-- case-insensitive, tolerant of white space (spaces, tabs, newlines)
SELECT v::responsibility = 'provider (corporate, system), customer (configured)' AS same
FROM (VALUES ('PROVIDER (Corporate,System),Customer(CONFIGURED)'),
	('   provider(corporate , system)   ,   customer ( configured )   '),
	(E'\tprovider\n(\tcorporate\n+\nsystem\t)\r\n+ customer (configured)\n'),
	('Provider (SYSTEM + corporate) + CUSTOMER (Configured)')) AS t(v);
SELECT 'N/A'::responsibility, 'Not   Applicable'::responsibility, E'not\napplicable'::responsibility,
	'NOT-APPLICABLE'::responsibility, '  Shared  '::responsibility, 'CUSTOMER-SPECIFIC'::responsibility;

-- output is accepted by input and maps to the same value
SELECT count(*) AS round_trips
FROM (VALUES ('provider'), ('shared'), ('provider (corporate), customer (provided), partner'),
	('n/a'), ('customer (configured, provided)')) AS t(v)
WHERE (v::responsibility)::text::responsibility = v::responsibility
  AND (v::responsibility)::text = ((v::responsibility)::text::responsibility)::text;

-- stored in one byte, passed by value
SELECT typlen, typbyval, typalign, typstorage FROM pg_type WHERE oid = 'srm.responsibility'::regtype;
CREATE TABLE io_t (r responsibility);
INSERT INTO io_t VALUES ('shared'), ('inherited'), (NULL), ('customer (provided)');
SELECT r, pg_column_size(r) FROM io_t;

-- binary I/O through COPY BINARY: the wire form is a format-version byte
-- (1) and the bit mask
-- files named by the backend's pid: two clusters running the suite at once
-- write files of their own
SELECT format('/tmp/srm_regress_io_%s.bin', pg_backend_pid()) AS io_file \gset
COPY (SELECT r FROM io_t WHERE r IS NOT NULL ORDER BY r) TO :'io_file' (FORMAT binary);
CREATE TABLE io_t2 (r responsibility);
COPY io_t2 FROM :'io_file' (FORMAT binary);
SELECT r FROM io_t2 ORDER BY r;
CREATE TABLE io_bytes (b bytea);
COPY io_bytes FROM :'io_file' (FORMAT binary);
SELECT b FROM io_bytes;
SELECT responsibility_send('provider (corporate, system), customer (configured, provided), partner');
SELECT responsibility_send('not applicable');

-- recv accepts exactly the 50 masks that input can produce, and nothing
-- else: every byte after version 1, every version before a valid mask,
-- and every wrong length
CREATE FUNCTION pg_temp.recv(b bytea) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', b, format('/tmp/srm_regress_recv_%s.bin', pg_backend_pid()));
	TRUNCATE io_t2;
	EXECUTE format('COPY io_t2 FROM %L (FORMAT binary)', format('/tmp/srm_regress_recv_%s.bin', pg_backend_pid()));
	RETURN (SELECT r::text FROM io_t2);
EXCEPTION WHEN invalid_binary_representation THEN
	RETURN 'rejected ' || SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT count(*) FILTER (WHERE res NOT LIKE 'rejected%') AS accepted,
	count(*) FILTER (WHERE res LIKE 'rejected 22P03: %bit pattern%') AS rejected,
	count(DISTINCT res) FILTER (WHERE res NOT LIKE 'rejected%') AS distinct_values
FROM (SELECT pg_temp.recv(pg_catalog.set_byte('\x0100'::bytea, 1, m)) AS res
	  FROM generate_series(0, 255) m) s;
-- the accepted masks are exactly those whose text input round-trips
SELECT count(*) AS mismatches
FROM generate_series(0, 255) m,
	LATERAL (SELECT pg_temp.recv(pg_catalog.set_byte('\x0100'::bytea, 1, m)) AS res) s
WHERE res NOT LIKE 'rejected%'
  AND responsibility_send(res::responsibility) <> pg_catalog.set_byte('\x0100'::bytea, 1, m);
SELECT count(*) AS versions_rejected
FROM generate_series(0, 255) v
WHERE v <> 1 AND pg_temp.recv(pg_catalog.set_byte('\x0009'::bytea, 0, v)) LIKE 'rejected 22P03: %format version%';
SELECT pg_temp.recv('\x'::bytea), pg_temp.recv('\x01'::bytea), pg_temp.recv('\x010900'::bytea);
SELECT pg_temp.recv('\x0202'::bytea), pg_temp.recv('\x0180'::bytea), pg_temp.recv('\x0110'::bytea);
-- leave the database as found
DROP TABLE io_t, io_t2, io_bytes;
