-- install/type/vocabulary.sql (type part): the AWS control classes and the
-- vocabularies a responsibility is written in (CSA CCM, FedRAMP / OSCAL).
-- Part of the responsibility type: an upgrade never re-runs it.

-------------------------------------------------------------------------------
-- AWS classes
-------------------------------------------------------------------------------

CREATE TYPE srm.control_class AS ENUM
	('not-applicable', 'inherited', 'shared', 'customer-specific');
COMMENT ON TYPE srm.control_class IS
'AWS control classes, ordered by customer burden';

CREATE FUNCTION srm.aws_class(srm.responsibility)
RETURNS srm.control_class
AS 'MODULE_PATHNAME', 'responsibility_aws_class'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm.aws_class(srm.responsibility) IS
'AWS class: no customer part is inherited, customer with provider or partner is shared, customer alone is customer-specific';

-------------------------------------------------------------------------------
-- Vocabularies
-------------------------------------------------------------------------------

CREATE FUNCTION srm.csa_ownership(srm.responsibility)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'responsibility_csa_ownership'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm.csa_ownership(srm.responsibility) IS
'CSA CCM v4 SSRM control ownership (CSP-owned, CSC-owned, 3rd-party outsourced, Shared CSP and CSC, Shared CSP and 3rd-party)';

CREATE FUNCTION srm.from_csa(pg_catalog.text)
RETURNS srm.responsibility
AS 'MODULE_PATHNAME', 'responsibility_from_csa'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm.from_csa(pg_catalog.text) IS
'the responsibility a CSA CCM v4 SSRM ownership word stands for';

CREATE FUNCTION srm.fedramp_origination(srm.responsibility, perspective pg_catalog.text DEFAULT 'customer')
RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'responsibility_fedramp_origination'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm.fedramp_origination(srm.responsibility, pg_catalog.text) IS
'FedRAMP / OSCAL control origination words, in the customer''s (default) or the provider''s system security plan';

CREATE FUNCTION srm.from_fedramp(pg_catalog.text[], perspective pg_catalog.text DEFAULT 'customer')
RETURNS srm.responsibility
AS 'MODULE_PATHNAME', 'responsibility_from_fedramp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm.from_fedramp(pg_catalog.text[], pg_catalog.text) IS
'the responsibility that FedRAMP / OSCAL control origination words stand for, in the customer''s (default) or the provider''s plan';

CREATE FUNCTION srm.oscal_export(srm.responsibility)
RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'responsibility_oscal_export'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm.oscal_export(srm.responsibility) IS
'OSCAL SSP export of a leveraged system: provided (the provider''s part), responsibility (the customer''s part)';
