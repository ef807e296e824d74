-- Operators of srm.responsibility
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- order: customer burden first (not applicable < inherited < shared <
-- customer-specific), then a fixed order of the parts
SELECT r, aws_class(r)
FROM unnest('{customer, shared, inherited, n/a, "customer (provided)", partner,
	"provider (system)", "customer, partner", "provider (corporate), customer (configured)"}'::responsibility[]) AS r
ORDER BY r;
SELECT 'inherited'::responsibility < 'shared', 'shared'::responsibility < 'customer',
	'n/a'::responsibility < 'partner', 'customer'::responsibility > 'shared',
	'shared'::responsibility <= 'shared', 'shared'::responsibility >= 'customer',
	'shared'::responsibility = 'customer, provider', 'shared'::responsibility <> 'inherited';
SELECT max(r), min(r) FROM unnest('{inherited, shared, customer, n/a}'::responsibility[]) r;
SELECT max(r), min(r) FROM unnest('{inherited, provider (system), partner}'::responsibility[]) r;

-- union: combine the parts of a stack, or of a control's statements
SELECT 'inherited'::responsibility | 'customer' AS union_1,
	'provider (system)'::responsibility | 'provider (corporate)' AS union_2,
	'customer (configured)'::responsibility | 'customer (provided), partner' AS union_3,
	'n/a'::responsibility | 'shared' AS union_4;
-- intersection: the parts both have
SELECT 'shared'::responsibility & 'customer, partner' AS inter_1,
	'provider (corporate, system)'::responsibility & 'provider (system)' AS inter_2,
	'inherited'::responsibility & 'customer' AS inter_3,
	'provider (corporate)'::responsibility & 'provider (system)' AS inter_4;
-- difference: what is left to someone once a part is taken away
SELECT 'shared'::responsibility - 'inherited' AS customer_part,
	'provider (system), customer (configured), partner'::responsibility - 'provider' AS minus_provider,
	'provider (corporate, system)'::responsibility - 'provider (corporate)' AS minus_qualifier,
	'provider (corporate)'::responsibility - 'provider (corporate)' AS minus_all,
	'customer (configured)'::responsibility - 'customer (provided)' AS minus_absent_qualifier,
	'shared'::responsibility - 'n/a' AS minus_nothing;
-- containment and overlap
SELECT 'shared'::responsibility @> 'customer' AS c1,
	'customer'::responsibility @> 'shared' AS c2,
	'customer'::responsibility <@ 'shared' AS c3,
	'provider (system)'::responsibility @> 'provider' AS c4,
	'provider'::responsibility @> 'provider (system)' AS c5,
	'customer'::responsibility @> 'n/a' AS c6,
	'shared'::responsibility && 'customer (configured)' AS o1,
	'inherited'::responsibility && 'customer' AS o2,
	'provider (corporate)'::responsibility && 'provider (system)' AS o3,
	'n/a'::responsibility && 'n/a' AS o4;

-- every operator is declared with what the planner needs
SELECT o.oprname, format_type(o.oprleft, NULL) AS lhs, format_type(o.oprresult, NULL) AS result,
	c.oprname AS commutator, n.oprname AS negator,
	o.oprrest::text AS restrict, o.oprjoin::text AS join, o.oprcanhash, o.oprcanmerge
FROM pg_operator o
LEFT JOIN pg_operator c ON c.oid = o.oprcom
LEFT JOIN pg_operator n ON n.oid = o.oprnegate
WHERE o.oprleft = 'srm.responsibility'::regtype
ORDER BY o.oprname;

