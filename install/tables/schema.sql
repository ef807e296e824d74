-- install/tables/schema.sql (table part, the first of them): the schemas.
-- CREATE EXTENSION creates srm (srm.control: schema = srm): the public
-- surface, the objects the README lists.  srm_internal holds the helpers
-- behind it; every role may use it, so that views and SECURITY INVOKER
-- functions of srm work for every role, but it is not part of the public
-- surface: its objects may change between versions.

GRANT USAGE ON SCHEMA srm TO PUBLIC;

CREATE SCHEMA srm_internal;
COMMENT ON SCHEMA srm_internal IS
    'srm''s internal helpers: may change between versions, do not call them';
GRANT USAGE ON SCHEMA srm_internal TO PUBLIC;
