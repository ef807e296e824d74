-- srm: the cloud shared responsibility model as SQL
-- install/type/responsibility.sql (type part, the first part of the install
-- script): the responsibility type, its I/O, operators, operator classes and
-- aggregates.  The build concatenates the parts listed in the Makefile
-- (type, tables, code, data) into srm--VERSION.sql; every part writes the
-- schemas srm and srm_internal by name (srm.control: relocatable = false).

\echo Use "CREATE EXTENSION srm" to load this file. \quit

-------------------------------------------------------------------------------
-- The responsibility type
-------------------------------------------------------------------------------

CREATE TYPE srm.responsibility;

CREATE FUNCTION srm.responsibility_in(pg_catalog.cstring)
RETURNS srm.responsibility
AS 'MODULE_PATHNAME', 'responsibility_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION srm.responsibility_out(srm.responsibility)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'responsibility_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION srm.responsibility_recv(pg_catalog.internal)
RETURNS srm.responsibility
AS 'MODULE_PATHNAME', 'responsibility_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION srm.responsibility_send(srm.responsibility)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'responsibility_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION srm.responsibility_in(pg_catalog.cstring) IS 'text input of responsibility';
COMMENT ON FUNCTION srm.responsibility_out(srm.responsibility) IS 'canonical text of a responsibility';
COMMENT ON FUNCTION srm.responsibility_recv(pg_catalog.internal) IS 'binary input of responsibility: format version 1, then the bit mask';
COMMENT ON FUNCTION srm.responsibility_send(srm.responsibility) IS 'binary output of responsibility: format version 1, then the bit mask';

-- One byte, passed by value: the value's ordinal in sort order.
CREATE TYPE srm.responsibility (
	INPUT = srm.responsibility_in,
	OUTPUT = srm.responsibility_out,
	RECEIVE = srm.responsibility_recv,
	SEND = srm.responsibility_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain,
	CATEGORY = 'U'
);

COMMENT ON TYPE srm.responsibility IS
'the parties that take part in a control, and how: provider (corporate, system), customer (configured, provided), partner, or not applicable';

-------------------------------------------------------------------------------
-- Comparison: order by customer burden (not applicable < inherited < shared
-- < customer-specific, ties by a fixed order of the parts).  The stored byte
-- is the value's rank, so comparison and hashing are the built-in ones of an
-- unsigned byte ("char"), bound here as internal functions (as contrib isn
-- does with int8).
-------------------------------------------------------------------------------

CREATE FUNCTION srm.responsibility_eq(srm.responsibility, srm.responsibility)
RETURNS pg_catalog.bool AS 'chareq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION srm.responsibility_ne(srm.responsibility, srm.responsibility)
RETURNS pg_catalog.bool AS 'charne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION srm.responsibility_lt(srm.responsibility, srm.responsibility)
RETURNS pg_catalog.bool AS 'charlt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION srm.responsibility_le(srm.responsibility, srm.responsibility)
RETURNS pg_catalog.bool AS 'charle' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION srm.responsibility_gt(srm.responsibility, srm.responsibility)
RETURNS pg_catalog.bool AS 'chargt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION srm.responsibility_ge(srm.responsibility, srm.responsibility)
RETURNS pg_catalog.bool AS 'charge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION srm.responsibility_cmp(srm.responsibility, srm.responsibility)
RETURNS pg_catalog.int4 AS 'btcharcmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION srm.responsibility_hash(srm.responsibility)
RETURNS pg_catalog.int4 AS 'hashchar' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION srm.responsibility_hash_extended(srm.responsibility, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashcharextended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION srm.responsibility_eq(srm.responsibility, srm.responsibility) IS 'equal';
COMMENT ON FUNCTION srm.responsibility_ne(srm.responsibility, srm.responsibility) IS 'not equal';
COMMENT ON FUNCTION srm.responsibility_lt(srm.responsibility, srm.responsibility) IS 'less customer burden';
COMMENT ON FUNCTION srm.responsibility_le(srm.responsibility, srm.responsibility) IS 'less or equal customer burden';
COMMENT ON FUNCTION srm.responsibility_gt(srm.responsibility, srm.responsibility) IS 'more customer burden';
COMMENT ON FUNCTION srm.responsibility_ge(srm.responsibility, srm.responsibility) IS 'more or equal customer burden';
COMMENT ON FUNCTION srm.responsibility_cmp(srm.responsibility, srm.responsibility) IS 'btree comparison: -1, 0 or 1 by customer burden';
COMMENT ON FUNCTION srm.responsibility_hash(srm.responsibility) IS 'hash';
COMMENT ON FUNCTION srm.responsibility_hash_extended(srm.responsibility, pg_catalog.int8) IS 'hash with seed';

CREATE OPERATOR srm.= (
	LEFTARG = srm.responsibility, RIGHTARG = srm.responsibility,
	FUNCTION = srm.responsibility_eq,
	COMMUTATOR = OPERATOR(srm.=), NEGATOR = OPERATOR(srm.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR srm.<> (
	LEFTARG = srm.responsibility, RIGHTARG = srm.responsibility,
	FUNCTION = srm.responsibility_ne,
	COMMUTATOR = OPERATOR(srm.<>), NEGATOR = OPERATOR(srm.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR srm.< (
	LEFTARG = srm.responsibility, RIGHTARG = srm.responsibility,
	FUNCTION = srm.responsibility_lt,
	COMMUTATOR = OPERATOR(srm.>), NEGATOR = OPERATOR(srm.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR srm.<= (
	LEFTARG = srm.responsibility, RIGHTARG = srm.responsibility,
	FUNCTION = srm.responsibility_le,
	COMMUTATOR = OPERATOR(srm.>=), NEGATOR = OPERATOR(srm.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR srm.> (
	LEFTARG = srm.responsibility, RIGHTARG = srm.responsibility,
	FUNCTION = srm.responsibility_gt,
	COMMUTATOR = OPERATOR(srm.<), NEGATOR = OPERATOR(srm.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR srm.>= (
	LEFTARG = srm.responsibility, RIGHTARG = srm.responsibility,
	FUNCTION = srm.responsibility_ge,
	COMMUTATOR = OPERATOR(srm.<=), NEGATOR = OPERATOR(srm.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE FUNCTION srm.responsibility_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void
AS 'MODULE_PATHNAME', 'responsibility_sortsupport'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm.responsibility_sortsupport(pg_catalog.internal) IS 'btree sort support';

CREATE OPERATOR CLASS srm.responsibility_ops
DEFAULT FOR TYPE srm.responsibility USING btree AS
	OPERATOR 1 srm.<,
	OPERATOR 2 srm.<=,
	OPERATOR 3 srm.=,
	OPERATOR 4 srm.>=,
	OPERATOR 5 srm.>,
	FUNCTION 1 srm.responsibility_cmp(srm.responsibility, srm.responsibility),
	FUNCTION 2 srm.responsibility_sortsupport(pg_catalog.internal),
	-- equal values are bitwise equal: lets btree deduplicate
	FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS srm.responsibility_ops
DEFAULT FOR TYPE srm.responsibility USING hash AS
	OPERATOR 1 srm.=,
	FUNCTION 1 srm.responsibility_hash(srm.responsibility),
	FUNCTION 2 srm.responsibility_hash_extended(srm.responsibility, pg_catalog.int8);

-------------------------------------------------------------------------------
-- Set operators
-------------------------------------------------------------------------------

CREATE FUNCTION srm.responsibility_union(srm.responsibility, srm.responsibility)
RETURNS srm.responsibility
AS 'MODULE_PATHNAME', 'responsibility_union'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION srm.responsibility_union(srm.responsibility, srm.responsibility) IS
'union: every part of either (operator |)';

CREATE FUNCTION srm.responsibility_intersect(srm.responsibility, srm.responsibility)
RETURNS srm.responsibility
AS 'MODULE_PATHNAME', 'responsibility_intersect'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION srm.responsibility_intersect(srm.responsibility, srm.responsibility) IS
'intersection: the parts both have (operator &)';

CREATE FUNCTION srm.responsibility_minus(srm.responsibility, srm.responsibility)
RETURNS srm.responsibility
AS 'MODULE_PATHNAME', 'responsibility_minus'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION srm.responsibility_minus(srm.responsibility, srm.responsibility) IS
'difference: what is left once the right side''s parts are taken away (operator -); a party named without qualifiers goes whole';

CREATE FUNCTION srm.responsibility_contains(srm.responsibility, srm.responsibility)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'responsibility_contains'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION srm.responsibility_contains(srm.responsibility, srm.responsibility) IS
'takes part in at least: every part of the right is in the left (operator @>)';

CREATE FUNCTION srm.responsibility_contained(srm.responsibility, srm.responsibility)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'responsibility_contained'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION srm.responsibility_contained(srm.responsibility, srm.responsibility) IS
'takes part in at most: every part of the left is in the right (operator <@)';

CREATE FUNCTION srm.responsibility_overlaps(srm.responsibility, srm.responsibility)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'responsibility_overlaps'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION srm.responsibility_overlaps(srm.responsibility, srm.responsibility) IS
'overlap: some part in common (operator &&)';

CREATE OPERATOR srm.| (
	LEFTARG = srm.responsibility, RIGHTARG = srm.responsibility,
	FUNCTION = srm.responsibility_union,
	COMMUTATOR = OPERATOR(srm.|)
);
CREATE OPERATOR srm.& (
	LEFTARG = srm.responsibility, RIGHTARG = srm.responsibility,
	FUNCTION = srm.responsibility_intersect,
	COMMUTATOR = OPERATOR(srm.&)
);
CREATE OPERATOR srm.- (
	LEFTARG = srm.responsibility, RIGHTARG = srm.responsibility,
	FUNCTION = srm.responsibility_minus
);
CREATE OPERATOR srm.@> (
	LEFTARG = srm.responsibility, RIGHTARG = srm.responsibility,
	FUNCTION = srm.responsibility_contains,
	COMMUTATOR = OPERATOR(srm.<@),
	RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel
);
CREATE OPERATOR srm.<@ (
	LEFTARG = srm.responsibility, RIGHTARG = srm.responsibility,
	FUNCTION = srm.responsibility_contained,
	COMMUTATOR = OPERATOR(srm.@>),
	RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel
);
CREATE OPERATOR srm.&& (
	LEFTARG = srm.responsibility, RIGHTARG = srm.responsibility,
	FUNCTION = srm.responsibility_overlaps,
	COMMUTATOR = OPERATOR(srm.&&),
	RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel
);

-------------------------------------------------------------------------------
-- Aggregate: the union over rows
-------------------------------------------------------------------------------

CREATE AGGREGATE srm.responsibility_agg(srm.responsibility) (
	SFUNC = srm.responsibility_union,
	STYPE = srm.responsibility,
	COMBINEFUNC = srm.responsibility_union,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE srm.responsibility_agg(srm.responsibility) IS
'union of the responsibilities of all rows (null when there are none)';

CREATE FUNCTION srm.responsibility_larger(srm.responsibility, srm.responsibility)
RETURNS srm.responsibility
AS 'MODULE_PATHNAME', 'responsibility_larger'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION srm.responsibility_larger(srm.responsibility, srm.responsibility) IS
'the one with more customer burden';
CREATE FUNCTION srm.responsibility_smaller(srm.responsibility, srm.responsibility)
RETURNS srm.responsibility
AS 'MODULE_PATHNAME', 'responsibility_smaller'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION srm.responsibility_smaller(srm.responsibility, srm.responsibility) IS
'the one with less customer burden';

CREATE AGGREGATE srm.max(srm.responsibility) (
	SFUNC = srm.responsibility_larger,
	STYPE = srm.responsibility,
	COMBINEFUNC = srm.responsibility_larger,
	SORTOP = OPERATOR(srm.>),
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE srm.max(srm.responsibility) IS 'the value with the most customer burden';
CREATE AGGREGATE srm.min(srm.responsibility) (
	SFUNC = srm.responsibility_smaller,
	STYPE = srm.responsibility,
	COMBINEFUNC = srm.responsibility_smaller,
	SORTOP = OPERATOR(srm.<),
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE srm.min(srm.responsibility) IS 'the value with the least customer burden';
