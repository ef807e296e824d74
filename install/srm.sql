-- srm: the cloud shared responsibility model as SQL
-- This file is the editable source of the install script; the build
-- concatenates it with the model's tables and data into srm--VERSION.sql.

\echo Use "CREATE EXTENSION srm" to load this file. \quit

-------------------------------------------------------------------------------
-- The responsibility type
-------------------------------------------------------------------------------

CREATE TYPE @extschema@.responsibility;

CREATE FUNCTION @extschema@.responsibility_in(pg_catalog.cstring)
RETURNS @extschema@.responsibility
AS 'MODULE_PATHNAME', 'responsibility_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.responsibility_out(@extschema@.responsibility)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'responsibility_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.responsibility_recv(pg_catalog.internal)
RETURNS @extschema@.responsibility
AS 'MODULE_PATHNAME', 'responsibility_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.responsibility_send(@extschema@.responsibility)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'responsibility_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.responsibility_in(pg_catalog.cstring) IS 'text input of responsibility';
COMMENT ON FUNCTION @extschema@.responsibility_out(@extschema@.responsibility) IS 'canonical text of a responsibility';
COMMENT ON FUNCTION @extschema@.responsibility_recv(pg_catalog.internal) IS 'binary input of responsibility: format version 1, then the bit mask';
COMMENT ON FUNCTION @extschema@.responsibility_send(@extschema@.responsibility) IS 'binary output of responsibility: format version 1, then the bit mask';

-- One byte, passed by value: the value's ordinal in sort order.
CREATE TYPE @extschema@.responsibility (
	INPUT = @extschema@.responsibility_in,
	OUTPUT = @extschema@.responsibility_out,
	RECEIVE = @extschema@.responsibility_recv,
	SEND = @extschema@.responsibility_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain,
	CATEGORY = 'U'
);

COMMENT ON TYPE @extschema@.responsibility IS
'the parties that take part in a control, and how: provider (corporate, system), customer (configured, provided), partner, or not applicable';

-------------------------------------------------------------------------------
-- Comparison: order by customer burden (not applicable < inherited < shared
-- < customer-specific, ties by a fixed order of the parts).  The stored byte
-- is the value's rank, so comparison and hashing are the built-in ones of an
-- unsigned byte ("char"), bound here as internal functions (as contrib isn
-- does with int8).
-------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.responsibility_eq(@extschema@.responsibility, @extschema@.responsibility)
RETURNS pg_catalog.bool AS 'chareq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.responsibility_ne(@extschema@.responsibility, @extschema@.responsibility)
RETURNS pg_catalog.bool AS 'charne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.responsibility_lt(@extschema@.responsibility, @extschema@.responsibility)
RETURNS pg_catalog.bool AS 'charlt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.responsibility_le(@extschema@.responsibility, @extschema@.responsibility)
RETURNS pg_catalog.bool AS 'charle' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.responsibility_gt(@extschema@.responsibility, @extschema@.responsibility)
RETURNS pg_catalog.bool AS 'chargt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.responsibility_ge(@extschema@.responsibility, @extschema@.responsibility)
RETURNS pg_catalog.bool AS 'charge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.responsibility_cmp(@extschema@.responsibility, @extschema@.responsibility)
RETURNS pg_catalog.int4 AS 'btcharcmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.responsibility_hash(@extschema@.responsibility)
RETURNS pg_catalog.int4 AS 'hashchar' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.responsibility_hash_extended(@extschema@.responsibility, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashcharextended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.responsibility_eq(@extschema@.responsibility, @extschema@.responsibility) IS 'equal';
COMMENT ON FUNCTION @extschema@.responsibility_ne(@extschema@.responsibility, @extschema@.responsibility) IS 'not equal';
COMMENT ON FUNCTION @extschema@.responsibility_lt(@extschema@.responsibility, @extschema@.responsibility) IS 'less customer burden';
COMMENT ON FUNCTION @extschema@.responsibility_le(@extschema@.responsibility, @extschema@.responsibility) IS 'less or equal customer burden';
COMMENT ON FUNCTION @extschema@.responsibility_gt(@extschema@.responsibility, @extschema@.responsibility) IS 'more customer burden';
COMMENT ON FUNCTION @extschema@.responsibility_ge(@extschema@.responsibility, @extschema@.responsibility) IS 'more or equal customer burden';
COMMENT ON FUNCTION @extschema@.responsibility_cmp(@extschema@.responsibility, @extschema@.responsibility) IS 'btree comparison: -1, 0 or 1 by customer burden';
COMMENT ON FUNCTION @extschema@.responsibility_hash(@extschema@.responsibility) IS 'hash';
COMMENT ON FUNCTION @extschema@.responsibility_hash_extended(@extschema@.responsibility, pg_catalog.int8) IS 'hash with seed';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.responsibility, RIGHTARG = @extschema@.responsibility,
	FUNCTION = @extschema@.responsibility_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.responsibility, RIGHTARG = @extschema@.responsibility,
	FUNCTION = @extschema@.responsibility_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.responsibility, RIGHTARG = @extschema@.responsibility,
	FUNCTION = @extschema@.responsibility_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.responsibility, RIGHTARG = @extschema@.responsibility,
	FUNCTION = @extschema@.responsibility_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.responsibility, RIGHTARG = @extschema@.responsibility,
	FUNCTION = @extschema@.responsibility_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.responsibility, RIGHTARG = @extschema@.responsibility,
	FUNCTION = @extschema@.responsibility_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE FUNCTION @extschema@.responsibility_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void
AS 'MODULE_PATHNAME', 'responsibility_sortsupport'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responsibility_sortsupport(pg_catalog.internal) IS 'btree sort support';

CREATE OPERATOR CLASS @extschema@.responsibility_ops
DEFAULT FOR TYPE @extschema@.responsibility USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.responsibility_cmp(@extschema@.responsibility, @extschema@.responsibility),
	FUNCTION 2 @extschema@.responsibility_sortsupport(pg_catalog.internal),
	-- equal values are bitwise equal: lets btree deduplicate
	FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS @extschema@.responsibility_ops
DEFAULT FOR TYPE @extschema@.responsibility USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.responsibility_hash(@extschema@.responsibility),
	FUNCTION 2 @extschema@.responsibility_hash_extended(@extschema@.responsibility, pg_catalog.int8);

-------------------------------------------------------------------------------
-- Set operators
-------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.responsibility_union(@extschema@.responsibility, @extschema@.responsibility)
RETURNS @extschema@.responsibility
AS 'MODULE_PATHNAME', 'responsibility_union'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.responsibility_union(@extschema@.responsibility, @extschema@.responsibility) IS
'union: every part of either (operator |)';

CREATE FUNCTION @extschema@.responsibility_intersect(@extschema@.responsibility, @extschema@.responsibility)
RETURNS @extschema@.responsibility
AS 'MODULE_PATHNAME', 'responsibility_intersect'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.responsibility_intersect(@extschema@.responsibility, @extschema@.responsibility) IS
'intersection: the parts both have (operator &)';

CREATE FUNCTION @extschema@.responsibility_minus(@extschema@.responsibility, @extschema@.responsibility)
RETURNS @extschema@.responsibility
AS 'MODULE_PATHNAME', 'responsibility_minus'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.responsibility_minus(@extschema@.responsibility, @extschema@.responsibility) IS
'difference: what is left once the right side''s parts are taken away (operator -); a party named without qualifiers goes whole';

CREATE FUNCTION @extschema@.responsibility_contains(@extschema@.responsibility, @extschema@.responsibility)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'responsibility_contains'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.responsibility_contains(@extschema@.responsibility, @extschema@.responsibility) IS
'takes part in at least: every part of the right is in the left (operator @>)';

CREATE FUNCTION @extschema@.responsibility_contained(@extschema@.responsibility, @extschema@.responsibility)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'responsibility_contained'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.responsibility_contained(@extschema@.responsibility, @extschema@.responsibility) IS
'takes part in at most: every part of the left is in the right (operator <@)';

CREATE FUNCTION @extschema@.responsibility_overlaps(@extschema@.responsibility, @extschema@.responsibility)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'responsibility_overlaps'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.responsibility_overlaps(@extschema@.responsibility, @extschema@.responsibility) IS
'overlap: some part in common (operator &&)';

CREATE OPERATOR @extschema@.| (
	LEFTARG = @extschema@.responsibility, RIGHTARG = @extschema@.responsibility,
	FUNCTION = @extschema@.responsibility_union,
	COMMUTATOR = OPERATOR(@extschema@.|)
);
CREATE OPERATOR @extschema@.& (
	LEFTARG = @extschema@.responsibility, RIGHTARG = @extschema@.responsibility,
	FUNCTION = @extschema@.responsibility_intersect,
	COMMUTATOR = OPERATOR(@extschema@.&)
);
CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.responsibility, RIGHTARG = @extschema@.responsibility,
	FUNCTION = @extschema@.responsibility_minus
);
CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.responsibility, RIGHTARG = @extschema@.responsibility,
	FUNCTION = @extschema@.responsibility_contains,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel
);
CREATE OPERATOR @extschema@.<@ (
	LEFTARG = @extschema@.responsibility, RIGHTARG = @extschema@.responsibility,
	FUNCTION = @extschema@.responsibility_contained,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel
);
CREATE OPERATOR @extschema@.&& (
	LEFTARG = @extschema@.responsibility, RIGHTARG = @extschema@.responsibility,
	FUNCTION = @extschema@.responsibility_overlaps,
	COMMUTATOR = OPERATOR(@extschema@.&&),
	RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel
);

-------------------------------------------------------------------------------
-- Aggregate: the union over rows
-------------------------------------------------------------------------------

CREATE AGGREGATE @extschema@.responsibility_agg(@extschema@.responsibility) (
	SFUNC = @extschema@.responsibility_union,
	STYPE = @extschema@.responsibility,
	COMBINEFUNC = @extschema@.responsibility_union,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.responsibility_agg(@extschema@.responsibility) IS
'union of the responsibilities of all rows (null when there are none)';

CREATE FUNCTION @extschema@.responsibility_larger(@extschema@.responsibility, @extschema@.responsibility)
RETURNS @extschema@.responsibility
AS 'MODULE_PATHNAME', 'responsibility_larger'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.responsibility_larger(@extschema@.responsibility, @extschema@.responsibility) IS
'the one with more customer burden';
CREATE FUNCTION @extschema@.responsibility_smaller(@extschema@.responsibility, @extschema@.responsibility)
RETURNS @extschema@.responsibility
AS 'MODULE_PATHNAME', 'responsibility_smaller'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.responsibility_smaller(@extschema@.responsibility, @extschema@.responsibility) IS
'the one with less customer burden';

CREATE AGGREGATE @extschema@.max(@extschema@.responsibility) (
	SFUNC = @extschema@.responsibility_larger,
	STYPE = @extschema@.responsibility,
	COMBINEFUNC = @extschema@.responsibility_larger,
	SORTOP = OPERATOR(@extschema@.>),
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.max(@extschema@.responsibility) IS 'the value with the most customer burden';
CREATE AGGREGATE @extschema@.min(@extschema@.responsibility) (
	SFUNC = @extschema@.responsibility_smaller,
	STYPE = @extschema@.responsibility,
	COMBINEFUNC = @extschema@.responsibility_smaller,
	SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.responsibility) IS 'the value with the least customer burden';

-------------------------------------------------------------------------------
-- AWS classes
-------------------------------------------------------------------------------

CREATE TYPE @extschema@.control_class AS ENUM
	('not-applicable', 'inherited', 'shared', 'customer-specific');
COMMENT ON TYPE @extschema@.control_class IS
'AWS control classes, ordered by customer burden';

CREATE FUNCTION @extschema@.aws_class(@extschema@.responsibility)
RETURNS @extschema@.control_class
AS 'MODULE_PATHNAME', 'responsibility_aws_class'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aws_class(@extschema@.responsibility) IS
'AWS class: no customer part is inherited, customer with provider or partner is shared, customer alone is customer-specific';

-------------------------------------------------------------------------------
-- Vocabularies
-------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.csa_ownership(@extschema@.responsibility)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'responsibility_csa_ownership'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csa_ownership(@extschema@.responsibility) IS
'CSA CCM v4 SSRM control ownership (CSP-owned, CSC-owned, 3rd-party outsourced, Shared CSP and CSC, Shared CSP and 3rd-party)';

CREATE FUNCTION @extschema@.from_csa(pg_catalog.text)
RETURNS @extschema@.responsibility
AS 'MODULE_PATHNAME', 'responsibility_from_csa'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.from_csa(pg_catalog.text) IS
'the responsibility a CSA CCM v4 SSRM ownership word stands for';

CREATE FUNCTION @extschema@.fedramp_origination(@extschema@.responsibility, perspective pg_catalog.text DEFAULT 'customer')
RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'responsibility_fedramp_origination'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fedramp_origination(@extschema@.responsibility, pg_catalog.text) IS
'FedRAMP / OSCAL control origination words, in the customer''s (default) or the provider''s system security plan';

CREATE FUNCTION @extschema@.from_fedramp(pg_catalog.text[], perspective pg_catalog.text DEFAULT 'customer')
RETURNS @extschema@.responsibility
AS 'MODULE_PATHNAME', 'responsibility_from_fedramp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.from_fedramp(pg_catalog.text[], pg_catalog.text) IS
'the responsibility that FedRAMP / OSCAL control origination words stand for, in the customer''s (default) or the provider''s plan';

CREATE FUNCTION @extschema@.oscal_export(@extschema@.responsibility)
RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'responsibility_oscal_export'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.oscal_export(@extschema@.responsibility) IS
'OSCAL SSP export of a leveraged system: provided (the provider''s part), responsibility (the customer''s part)';
