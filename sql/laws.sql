-- Exhaustive laws over every valid value (there are 50)
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- every value, built from its parts independently of the type's printer;
-- "cls" is the AWS class that SPEC §2 gives for those parts
CREATE TEMP TABLE v AS
SELECT coalesce(nullif(concat_ws(', ', p, c, x), ''), 'not applicable') AS spelled,
	coalesce(nullif(concat_ws(', ', p, c, x), ''), 'not applicable')::responsibility AS r,
	CASE WHEN p IS NULL AND c IS NULL AND x IS NULL THEN 'not-applicable'
		 WHEN c IS NULL THEN 'inherited'
		 WHEN p IS NOT NULL OR x IS NOT NULL THEN 'shared'
		 ELSE 'customer-specific' END::control_class AS cls,
	(p IS NOT NULL) AS has_p, (c IS NOT NULL) AS has_c, (x IS NOT NULL) AS has_x
FROM unnest(ARRAY[NULL, 'provider', 'provider (corporate)', 'provider (system)', 'provider (corporate, system)']) p,
	unnest(ARRAY[NULL, 'customer', 'customer (configured)', 'customer (provided)', 'customer (configured, provided)']) c,
	unnest(ARRAY[NULL, 'partner']) x;

SELECT count(*) AS values, count(DISTINCT r) AS distinct_values FROM v;
-- in(out(v)) = v, and out is the canonical spelling (the one built above)
SELECT count(*) FILTER (WHERE r::text::responsibility = r) AS round_trips,
	count(*) FILTER (WHERE r::text = spelled) AS canonical
FROM v;
-- binary: send is injective
SELECT count(DISTINCT responsibility_send(r)) AS distinct_binary FROM v;
-- aws_class is what SPEC §2 says, for every value
SELECT cls, count(*), count(*) FILTER (WHERE aws_class(r) = cls) AS agree FROM v GROUP BY cls ORDER BY cls;
-- the order puts classes first: not applicable < inherited < shared < customer-specific
SELECT count(*) AS violations FROM v a, v b WHERE a.cls < b.cls AND NOT a.r < b.r;

-- pairs: equality agrees with hashing (both functions) and with the btree
-- comparison; the order is total and antisymmetric
CREATE TEMP TABLE pairs AS SELECT a.r AS a, b.r AS b FROM v a, v b;
SELECT count(*) AS pairs,
	count(*) FILTER (WHERE (a = b) <> (responsibility_hash(a) = responsibility_hash(b))) AS hash_disagrees,
	count(*) FILTER (WHERE (a = b) <> (responsibility_hash_extended(a, 42) = responsibility_hash_extended(b, 42))) AS hash_ext_disagrees,
	count(*) FILTER (WHERE (responsibility_hash_extended(a, 0) & 4294967295) <> (responsibility_hash(a)::bigint & 4294967295)) AS hash_ext_seed0_differs,
	count(*) FILTER (WHERE (a = b) <> (responsibility_cmp(a, b) = 0)
		OR (a < b) <> (responsibility_cmp(a, b) < 0)
		OR (a > b) <> (responsibility_cmp(a, b) > 0)) AS cmp_disagrees,
	count(*) FILTER (WHERE (a < b)::int + (a = b)::int + (a > b)::int <> 1) AS not_trichotomous,
	count(*) FILTER (WHERE (a <= b) <> (a < b OR a = b) OR (a >= b) <> (a > b OR a = b)
		OR (a <> b) <> NOT (a = b)) AS derived_disagree,
	count(*) FILTER (WHERE (a = b) <> (a::text = b::text)) AS eq_not_identity
FROM pairs;
-- set laws over pairs
SELECT count(*) FILTER (WHERE a | b <> b | a) AS union_not_commutative,
	count(*) FILTER (WHERE a & b <> b & a) AS inter_not_commutative,
	count(*) FILTER (WHERE (a @> b) <> (a | b = a)) AS contains_not_union,
	count(*) FILTER (WHERE (a <@ b) <> (b @> a)) AS contained_not_commutator,
	count(*) FILTER (WHERE (a && b) <> (a & b <> 'not applicable')) AS overlap_not_inter,
	count(*) FILTER (WHERE (a && b) <> (b && a)) AS overlap_not_symmetric,
	count(*) FILTER (WHERE NOT (a | b) @> a OR NOT a @> (a & b)) AS bounds,
	count(*) FILTER (WHERE (a @> b AND b @> a) <> (a = b)) AS containment_not_antisymmetric,
	count(*) FILTER (WHERE a | (a & b) <> a OR a & (a | b) <> a) AS not_absorptive,
	count(*) FILTER (WHERE NOT a @> (a - b)) AS minus_grows
FROM pairs;
-- unary laws
SELECT count(*) FILTER (WHERE r | r <> r OR r & r <> r) AS not_idempotent,
	count(*) FILTER (WHERE r - r <> 'not applicable') AS self_minus,
	count(*) FILTER (WHERE r - 'not applicable' <> r OR r | 'not applicable' <> r) AS identity,
	count(*) FILTER (WHERE NOT r @> 'not applicable' OR 'not applicable' && r) AS empty_set,
	count(*) FILTER (WHERE (r && 'customer') <> has_c OR (r && 'provider') <> has_p OR (r && 'partner') <> has_x) AS parties_disagree,
	count(*) FILTER (WHERE (r - 'provider') && 'provider' OR (r - 'customer') && 'customer' OR (r - 'partner') && 'partner') AS party_not_removed
FROM v;
-- taking away a party named without qualifiers removes it and keeps the rest
SELECT party, count(*) AS values,
	count(*) FILTER (WHERE (a.r - party) | (a.r & whole) = a.r AND NOT (a.r - party) && whole) AS split_exactly
FROM v a, (VALUES ('provider'::responsibility, 'provider (corporate, system)'::responsibility),
	('customer', 'customer (configured, provided)'), ('partner', 'partner')) AS p(party, whole)
GROUP BY party ORDER BY party;
-- triples: associativity, transitivity of the order and of containment,
-- distributivity
SELECT count(*) AS triples,
	count(*) FILTER (WHERE (a.r | b.r) | c.r <> a.r | (b.r | c.r)) AS union_not_associative,
	count(*) FILTER (WHERE (a.r & b.r) & c.r <> a.r & (b.r & c.r)) AS inter_not_associative,
	count(*) FILTER (WHERE a.r < b.r AND b.r < c.r AND NOT a.r < c.r) AS order_not_transitive,
	count(*) FILTER (WHERE a.r @> b.r AND b.r @> c.r AND NOT a.r @> c.r) AS containment_not_transitive,
	count(*) FILTER (WHERE a.r & (b.r | c.r) <> (a.r & b.r) | (a.r & c.r)) AS not_distributive
FROM v a, v b, v c;
-- the aggregate is the fold of |
SELECT responsibility_agg(r) = 'provider (corporate, system), customer (configured, provided), partner' AS agg_all,
	(SELECT responsibility_agg(r) FROM v WHERE NOT has_p) = 'customer (configured, provided), partner' AS agg_no_provider
FROM v;
