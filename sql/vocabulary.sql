-- Vocabulary mappings: CSA CCM v4 ownership, FedRAMP / OSCAL control
-- origination (customer's and provider's perspective), OSCAL export
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- the table in the README, value by value
CREATE FUNCTION pg_temp.csa(r responsibility) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	RETURN csa_ownership(r);
EXCEPTION WHEN invalid_parameter_value THEN
	RETURN '(error ' || SQLSTATE || ')';
END $$;
SELECT r, aws_class(r), pg_temp.csa(r) AS csa,
	fedramp_origination(r) AS fedramp_customer,
	fedramp_origination(r, 'provider') AS fedramp_provider,
	oscal_export(r)
FROM unnest('{n/a, provider, "provider (corporate)", "provider (system)", "provider (corporate, system)",
	partner, "provider, partner", shared, "provider (corporate), customer (configured)",
	"provider (system), customer (provided)", "customer, partner", "provider, customer, partner",
	customer, "customer (configured)", "customer (provided)", "customer (configured, provided)"}'::responsibility[]) r;

-- CSA: every word round-trips, case and spacing do not matter
SELECT w, from_csa(w), csa_ownership(from_csa(w)) = w AS round_trip
FROM unnest('{CSP-owned, CSC-owned, 3rd-party outsourced, Shared CSP and CSC, Shared CSP and 3rd-party}'::text[]) w;
SELECT from_csa('  csp-OWNED '), from_csa('shared   csp and csc'), from_csa('Third-party outsourced'),
	from_csa('Shared CSP and third-party');

-- FedRAMP: every word round-trips in each perspective where it is used
SELECT p, w, from_fedramp(ARRAY[w], p) AS r,
	fedramp_origination(from_fedramp(ARRAY[w], p), p) = ARRAY[w] AS round_trip
FROM (VALUES ('provider'), ('customer')) AS ps(p),
	unnest('{sp-corporate, sp-system, customer-configured, customer-provided, inherited}'::text[]) w
WHERE NOT (p = 'customer' AND w LIKE 'sp-%')
ORDER BY p, w;
-- several words: a shared control
SELECT from_fedramp('{inherited, customer-configured}'),
	from_fedramp('{sp-corporate, sp-system, customer-provided}', 'provider'),
	from_fedramp('{INHERITED, " customer-provided "}', 'Customer'),
	from_fedramp('{}'),
	from_fedramp('{inherited}', 'provider');
-- every value: its words read back to a value with the same words
CREATE TEMP VIEW all_values AS
SELECT coalesce(nullif(concat_ws(', ', p, c, x), ''), 'not applicable')::responsibility AS r
FROM unnest(ARRAY[NULL, 'provider', 'provider (corporate)', 'provider (system)', 'provider (corporate, system)']) p,
	unnest(ARRAY[NULL, 'customer', 'customer (configured)', 'customer (provided)', 'customer (configured, provided)']) c,
	unnest(ARRAY[NULL, 'partner']) x;
SELECT p AS perspective, count(*) AS values_checked,
	count(*) FILTER (WHERE fedramp_origination(from_fedramp(fedramp_origination(r, p), p), p)
		= fedramp_origination(r, p)) AS stable,
	count(*) FILTER (WHERE cardinality(fedramp_origination(r, p)) = 0) AS no_words
FROM all_values, unnest(ARRAY['provider', 'customer']) p
GROUP BY p ORDER BY p;
SELECT count(*) AS csa_values, count(*) FILTER (WHERE from_csa(pg_temp.csa(r)) = r & 'provider, customer, partner') AS csa_round_trips
FROM all_values WHERE pg_temp.csa(r) NOT LIKE '(error%';

-- OSCAL export: provided for the provider's part, responsibility for the customer's
SELECT r, oscal_export(r)
FROM unnest('{n/a, inherited, shared, customer-specific, partner, "customer, partner"}'::responsibility[]) r;

-- errors: unknown words and perspectives, with SQLSTATE
SELECT q, test_error(q) AS error FROM (VALUES
	('SELECT srm.from_csa(''CSP owned'')'),
	('SELECT srm.from_csa('''')'),
	('SELECT srm.csa_ownership(''customer, partner'')'),
	('SELECT srm.csa_ownership(''n/a'')'),
	('SELECT srm.csa_ownership(''provider, customer, partner'')'),
	('SELECT srm.fedramp_origination(''shared'', ''auditor'')'),
	('SELECT srm.fedramp_origination(''shared'', '''')'),
	('SELECT srm.from_fedramp(''{inherited}'', ''csp'')'),
	('SELECT srm.from_fedramp(''{hybrid}'')'),
	('SELECT srm.from_fedramp(''{inherited, Inherited}'')'),
	('SELECT srm.from_fedramp(''{inherited, NULL}'')'),
	('SELECT srm.from_fedramp(''{{inherited}}'')'),
	('SELECT srm.from_fedramp(''{sp-system}'')'),
	('SELECT srm.from_fedramp(''{sp-corporate}'', ''customer'')')
) AS t(q);
