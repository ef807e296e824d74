-- srm--0.11.0--0.12.0.sql: upgrade of srm from 0.11.0 to 0.12.0.
-- Composed by tools/build/compose_upgrade.sh from upgrade/0.11.0--0.12.0/, the
-- code parts of 0.12.0 and the model's changes; released as it is, never edited.

\echo Use "ALTER EXTENSION srm UPDATE TO '0.12.0'" to load this file. \quit

-------------------------------------------------------------------- before
-- upgrade/0.11.0--0.12.0/before.sql: what the code and data of 0.12.0 need
-- before they are replaced in place: new tables and columns.

-------------------------------------------------------------------- install/code/identifiers.sql
-- install/code/identifiers.sql (code part): reading identifiers.  Asset
-- identifiers (ARNs, CloudFormation / Config types, Security Hub types,
-- Resource Explorer types, Steampipe and CloudQuery tables, service
-- namespaces), service names and control ids in the forms people write,
-- and the closest known names for error messages.
--
-- SQL functions have SQL-standard bodies (resolved when created, so immune
-- to the caller's search_path) and are written so that the planner can
-- inline the set-returning ones into a caller's query: joining an inventory
-- is one query, not one per row.  PL/pgSQL functions pin search_path.

-------------------------------------------------------------------------------
-- Reading identifiers
-------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION srm_internal.name_distance(a text, b text)
RETURNS integer
AS 'MODULE_PATHNAME', 'srm_name_distance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm_internal.name_distance(text, text) IS
    'edit distance between two names, ignoring case (for "closest known names" in errors)';

-- the key a name is looked up by: lower case, letters and digits only
CREATE OR REPLACE FUNCTION srm_internal.identifier_key(name text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.regexp_replace(pg_catalog.lower(name), '[^a-z0-9]', '', 'g');
COMMENT ON FUNCTION srm_internal.identifier_key(text) IS
    'lookup key of a type or table name: lower case, letters and digits only';

-- which form an asset identifier is written in, from its spelling alone
CREATE OR REPLACE FUNCTION srm_internal.identifier_form(asset text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
    WHEN pg_catalog.btrim(asset) ~ '^arn:' THEN 'arn'
    WHEN pg_catalog.btrim(asset) ~* '^/subscriptions(/|$)' THEN 'arm-id'
    WHEN pg_catalog.btrim(asset) ~* '^microsoft\.[a-z0-9]+(\.[a-z0-9]+)*(/[a-z0-9]+)+$' THEN 'arm-type'
    -- Google Cloud: a full resource name (malformed ones too: resolve_asset
    -- reads nothing in them, and the error says what the form is), a Cloud
    -- Asset Inventory asset type, an API service name
    WHEN pg_catalog.btrim(asset) ~ '^//' THEN 'gcp-resource-name'
    WHEN pg_catalog.btrim(asset) ~ '^[a-z0-9-]+(\.[a-z0-9-]+)*\.googleapis\.com/[A-Za-z][A-Za-z0-9]*$' THEN 'gcp-asset-type'
    WHEN pg_catalog.btrim(asset) ~* '^[a-z0-9-]+(\.[a-z0-9-]+)*\.googleapis\.com$' THEN 'service'
    WHEN pg_catalog.btrim(asset) ~ '^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$' THEN 'cloudformation'
    WHEN pg_catalog.btrim(asset) ~ '^Aws[A-Z][A-Za-z0-9]*$' THEN 'security-hub'
    WHEN pg_catalog.btrim(asset) ~* '^aws_[a-z0-9_]+$' THEN 'inventory-table'
    WHEN pg_catalog.btrim(asset) ~* '^[a-z0-9-]+:[a-z0-9/_-]+$' THEN 'resource-explorer'
    WHEN pg_catalog.btrim(asset) ~ '^[0-9]{12}$' THEN 'account'
    WHEN pg_catalog.btrim(asset) ~* '^[a-z0-9][a-z0-9_-]*$' THEN 'service'
    ELSE 'unrecognized'
END;
COMMENT ON FUNCTION srm_internal.identifier_form(text) IS
    'the form of an asset identifier: arn, arm-id (an Azure Resource Manager resource id), arm-type (an ARM or Azure Resource Graph type), gcp-resource-name (//compute.googleapis.com/...), gcp-asset-type (compute.googleapis.com/Instance), cloudformation (also AWS Config), security-hub, inventory-table (Steampipe, CloudQuery), resource-explorer, account (a 12-digit account id), service (also an API name such as compute.googleapis.com), or unrecognized';

-- the resource type an Azure Resource Manager resource id names, in the
-- case it is written in, or null when the id is malformed:
--   /subscriptions/S                                  Microsoft.Resources/subscriptions
--   /subscriptions/S/resourceGroups/G                 Microsoft.Resources/resourceGroups
--   .../providers/NS/t1/n1[/t2/n2...]                 NS/t1[/t2...] (a nested resource's type)
-- An extension resource (a scope, then /providers/NS/t/n) has the type of
-- its last /providers/ part.  Segments are compared without case, as ARM does.
CREATE OR REPLACE FUNCTION srm_internal.arm_type(id text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
    WHEN pg_catalog.rtrim(pg_catalog.btrim(id), '/') ~* '^/subscriptions/[^/]+$' THEN 'Microsoft.Resources/subscriptions'
    WHEN pg_catalog.rtrim(pg_catalog.btrim(id), '/') ~* '^/subscriptions/[^/]+/resourcegroups/[^/]+$' THEN 'Microsoft.Resources/resourceGroups'
    WHEN pg_catalog.rtrim(pg_catalog.btrim(id), '/')
         ~* '^/subscriptions/[^/]+(/resourcegroups/[^/]+)?(/providers/[^/]+/[^/]+/[^/]+(/[^/]+/[^/]+)*)+$'
    THEN pg_catalog.regexp_replace(
             pg_catalog.substring(pg_catalog.rtrim(pg_catalog.btrim(id), '/'), '(?i)^.*/providers/([^/]+/.+)$'),
             '(/[^/]+)/[^/]+', '\1', 'g')
END;
COMMENT ON FUNCTION srm_internal.arm_type(text) IS
    'the resource type an Azure Resource Manager resource id names (Microsoft.Sql/servers/databases for .../providers/Microsoft.Sql/servers/s1/databases/db1; the last provider part of an extension resource), null when the id is malformed';


-- lower-case snake_case of a CamelCase name: DBInstance -> db_instance
CREATE OR REPLACE FUNCTION srm_internal.snake_case(name text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.lower(pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(name, '([a-z0-9])([A-Z])', '\1_\2', 'g'),
    '([A-Z])([A-Z][a-z])', '\1_\2', 'g'));
COMMENT ON FUNCTION srm_internal.snake_case(text) IS 'snake_case of a CamelCase name (DBInstance -> db_instance)';

-- English plural of a snake_case name, as CloudQuery names its tables
CREATE OR REPLACE FUNCTION srm_internal.plural(name text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
    WHEN name ~ '[^aeiou]y$' THEN pg_catalog.left(name, -1) || 'ies'
    WHEN name ~ '(s|x|ch|sh)$' THEN name || 'es'
    ELSE name || 's'
END;
COMMENT ON FUNCTION srm_internal.plural(text) IS 'English plural of a name, as CloudQuery names its tables';

-- How srm reads one asset identifier.  Always one row; service_namespace is
-- null when the asset is unknown, resource_type when the identifier names
-- no type (a service namespace) or an unknown one.
CREATE OR REPLACE FUNCTION srm.resolve_asset(asset text)
RETURNS TABLE (asset text, form text, provider text, service_namespace text, resource_type text,
               arn_partition text, region text, account_id text, resource_id text)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT a.v, a.form,
       coalesce(t.provider, s.provider),
       coalesce(t.service_namespace, s.service_namespace),
       t.resource_type,
       arn.m[1], arn.m[3],
       coalesce(arn.m[4], CASE WHEN a.form = 'account' THEN a.v END,
                -- an Azure resource's account is its subscription (a UUID, in lower case)
                CASE WHEN a.form = 'arm-id' AND arm.t IS NOT NULL THEN pg_catalog.lower(pg_catalog.substring(a.v, '(?i)^/subscriptions/([^/]+)')) END),
       coalesce(arn.m[5], CASE WHEN a.form = 'account' THEN a.v END,
                CASE WHEN a.form = 'arm-id' AND arm.t IS NOT NULL THEN pg_catalog.substring(pg_catalog.rtrim(a.v, '/'), '([^/]+)$') END)
-- (OFFSET 0 keeps the form one column: pulled up into the query, each of
-- the body's references to a.form would become a call of identifier_form
-- of its own, each planned and run apart; once, the body plans and runs
-- about three times as fast)
FROM (SELECT pg_catalog.btrim(resolve_asset.asset) AS v,
             srm_internal.identifier_form(resolve_asset.asset) AS form
      OFFSET 0) AS a
-- an ARM resource id's type, or an ARM / Resource Graph type as written
LEFT JOIN LATERAL (SELECT CASE a.form WHEN 'arm-id' THEN srm_internal.arm_type(a.v) ELSE a.v END AS t) AS arm
    ON a.form IN ('arm-id', 'arm-type')
-- an ARN; or an account's pseudo-ARN as Powerpipe writes it (arn:aws:::<account>,
-- arn:aws::<region>:<account>), read as the account itself; or a Google Cloud
-- full resource name, read in the same parts: no partition, its API service
-- name, its zone, region or location, its project (App Engine: its app,
-- which is the project), the path after the service name
LEFT JOIN LATERAL (SELECT CASE WHEN a.form = 'arn' THEN
                              coalesce(pg_catalog.regexp_match(a.v, '^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$'),
                                   CASE WHEN a.v ~ '^arn:[^:]+::[^:]*:[0-9]{12}$'
                                        THEN ARRAY[pg_catalog.split_part(a.v, ':', 2), 'account', pg_catalog.split_part(a.v, ':', 4),
                                                   pg_catalog.split_part(a.v, ':', 5), pg_catalog.split_part(a.v, ':', 5)] END)
                          WHEN gcp.g IS NOT NULL THEN
                              ARRAY[NULL, gcp.g[1],
                                    pg_catalog.substring(gcp.g[2], '(?:^|/)(?:zones|regions|locations)/([^/]+)'),
                                    NULLIF(coalesce(pg_catalog.substring(gcp.g[2], '^projects/([^/]+)'),
                                                    CASE WHEN gcp.g[1] = 'appengine.googleapis.com'
                                                         THEN pg_catalog.substring(gcp.g[2], '^apps/([^/]+)') END), '_'),
                                    gcp.g[2]] END AS m
                   FROM (SELECT CASE WHEN a.form = 'gcp-resource-name'
                                     THEN pg_catalog.regexp_match(a.v, '^//([a-z0-9-]+(?:\.[a-z0-9-]+)*\.googleapis\.com)/([^/]+(?:/[^/]+)*)$')
                                END AS g) AS gcp) AS arn
    ON a.form IN ('arn', 'gcp-resource-name')
LEFT JOIN LATERAL (
    (SELECT p.resource_type, r.provider, r.service_namespace
     FROM srm.arn_pattern p
     JOIN srm.resource_type r USING (resource_type)
     WHERE p.arn_namespace = arn.m[2]
       AND p.prefix IN (coalesce((pg_catalog.regexp_match(arn.m[5], '^([^/:]*)[/:]'))[1], ''), '')
       AND arn.m[5] ~ p.pattern
     ORDER BY p.prefix = '', p.literal_length DESC, r.service_namespace = p.arn_namespace DESC, p.resource_type
     LIMIT 1)
    UNION ALL
    SELECT i.resource_type, i.provider, i.service_namespace
    FROM srm.identifier i
    WHERE a.form IN ('cloudformation', 'security-hub', 'inventory-table', 'gcp-asset-type')
      AND i.form = 'type' AND i.key = srm_internal.identifier_key(a.v)
    UNION ALL
    SELECT i.resource_type, i.provider, i.service_namespace
    FROM srm.identifier i
    WHERE a.form = 'resource-explorer' AND i.form = 'resource' AND i.key = pg_catalog.lower(a.v)
    UNION ALL
    -- Azure types are keyed in lower case, as Resource Graph writes them
    SELECT i.resource_type, i.provider, i.service_namespace
    FROM srm.identifier i
    WHERE a.form IN ('arm-id', 'arm-type') AND i.form = 'type' AND i.key = pg_catalog.lower(arm.t)
) AS t ON true
LEFT JOIN LATERAL (
    SELECT i.provider, i.service_namespace
    FROM srm.identifier i
    WHERE t.resource_type IS NULL AND i.form = 'service'
      AND i.key IN (CASE a.form
                        WHEN 'arn' THEN arn.m[2]
                        WHEN 'gcp-resource-name' THEN arn.m[2]
                        WHEN 'gcp-asset-type' THEN pg_catalog.split_part(a.v, '/', 1)
                        WHEN 'service' THEN pg_catalog.lower(a.v)
                        WHEN 'account' THEN 'account'
                        WHEN 'resource-explorer' THEN pg_catalog.lower(pg_catalog.split_part(a.v, ':', 1))
                        WHEN 'cloudformation' THEN pg_catalog.lower(pg_catalog.split_part(a.v, '::', 2))
                        WHEN 'security-hub' THEN srm_internal.identifier_key(a.v) || '$'
                        -- an unknown Azure type: its resource provider namespace, when one service has it
                        WHEN 'arm-id' THEN pg_catalog.lower(pg_catalog.split_part(arm.t, '/', 1))
                        WHEN 'arm-type' THEN pg_catalog.lower(pg_catalog.split_part(arm.t, '/', 1))
                    END,
                    -- inventory tables: the whole name or the longest leading words that name a service
                    CASE WHEN a.form = 'inventory-table' THEN pg_catalog.lower(pg_catalog.substring(a.v, '^aws_(.+)$')) || '$' END,
                    CASE WHEN a.form = 'inventory-table' THEN pg_catalog.lower(pg_catalog.substring(a.v, '^aws_([a-z0-9]+_[a-z0-9]+_[a-z0-9]+)_')) END,
                    CASE WHEN a.form = 'inventory-table' THEN pg_catalog.lower(pg_catalog.substring(a.v, '^aws_([a-z0-9]+_[a-z0-9]+)_')) END,
                    CASE WHEN a.form = 'inventory-table' THEN pg_catalog.lower(pg_catalog.substring(a.v, '^aws_([a-z0-9]+)(_|$)')) END)
    ORDER BY pg_catalog.length(i.key) DESC, (i.key = arn.m[2] AND i.service_namespace = arn.m[2]) DESC
    LIMIT 1
) AS s ON true;
END;
COMMENT ON FUNCTION srm.resolve_asset(text) IS
    'how srm reads an asset identifier (ARN, Azure Resource Manager id, ARM or Azure Resource Graph type, Google Cloud full resource name, Cloud Asset Inventory asset type, CloudFormation/Config type, Security Hub type, Resource Explorer type, Steampipe/CloudQuery table, service namespace or API name): its form, provider, service and resource type, for an ARN its partition, region, account and resource id, for an ARM id its subscription (account_id) and name (resource_id), for a full resource name its zone, region or location, its project and the path after the service name; one row, with nulls for what is unknown. Join it LATERAL against an inventory.';

-- closest known names to an unknown one, for error messages
CREATE OR REPLACE FUNCTION srm_internal.closest_names(name text, form text)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
SELECT pg_catalog.string_agg(n, ', ' ORDER BY d, n)
FROM (SELECT n, d
      FROM (SELECT DISTINCT n, srm_internal.name_distance(pg_catalog.lower(closest_names.name), pg_catalog.lower(n)) AS d
            FROM (SELECT r.resource_type AS n FROM srm.resource_type r
                  WHERE closest_names.form IN ('cloudformation', 'security-hub', 'inventory-table', 'resource-explorer', 'gcp-asset-type', 'unrecognized')
                  UNION ALL
                  SELECT r.resource_type FROM srm.resource_type r
                  WHERE r.provider = 'azure' AND closest_names.form IN ('arm-id', 'arm-type')
                  UNION ALL
                  SELECT i.key FROM srm.identifier i WHERE i.form = 'service'
                    AND closest_names.form IN ('service', 'arn', 'gcp-resource-name', 'unrecognized')
                  UNION ALL
                  SELECT i.key FROM srm.identifier i WHERE i.form = 'resource'
                    AND closest_names.form = 'resource-explorer'
                  UNION ALL
                  SELECT c.label FROM srm.control c WHERE closest_names.form = 'control') AS names) AS scored
      ORDER BY d, n
      LIMIT 3) AS best;
END;
COMMENT ON FUNCTION srm_internal.closest_names(text, text) IS 'the three known names closest to an unknown one, for error messages';

-------------------------------------------------------------------------------
-- Control ids in the forms people write
-------------------------------------------------------------------------------

-- The spelling a control id is read in: lower case, no white space, and
-- NIST SP 800-53 rev. 5 named the ways scanners name it (Security Hub's
-- NIST.800-53.r5 AC-2(1) and NIST.800-53.r5/AC-2(1), Prowler's
-- NIST-800-53-Revision-5 ac_2_1, NIST SP 800-53 Rev. 5 AC-2) turned into
-- srm's framework prefix nist-800-53-r5: (also after that prefix, as a
-- status's framework_id || ':' || control_id writes it)
CREATE OR REPLACE FUNCTION srm_internal.control_form(control text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.regexp_replace(
           pg_catalog.regexp_replace(pg_catalog.lower(control),
               '^\s*(?:nist-800-53-r5:\s*)?nist[\s._-]*(?:sp[\s._-]*)?800[\s._-]*53[\s._-]*(?:r|rev|revision)[\s._-]*0*5(?:[\s/:]+|$)',
               'nist-800-53-r5:'),
           '\s+', '', 'g');
COMMENT ON FUNCTION srm_internal.control_form(text) IS
    'a control id in lower case without white space, with NIST SP 800-53 rev. 5 as scanners name it (NIST.800-53.r5 AC-2, NIST.800-53.r5/AC-2, NIST-800-53-Revision-5 ac_2_1) turned into the prefix nist-800-53-r5:';

-- SI-2, si-2, AC-2(1), ac-2.1, AC-02, ac-02(01), ac-2 (1), ac_2_1,
-- patch-management, nist-800-53-r5:ac-2, NIST.800-53.r5 AC-2(1) all reduce
-- to the stored id (with the framework prefix kept when one was given).
-- An id of a statement item names the control it is an item of: Prowler's
-- ac_2_3_a (AC-2(3) item a; its requirement is named "AC-2(3)(a)"),
-- ac_2_d_1 (AC-2 item d.1), AC-2(3)(a), AC-2a. and au-3.a all read as the
-- control or enhancement before the first letter.  In a NIST-shaped id a
-- number right after the control's number is an enhancement, a letter an
-- item, a number after a letter a sub-item.
CREATE OR REPLACE FUNCTION srm_internal.control_key(control text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
    WHEN pg_catalog.replace(pg_catalog.regexp_replace(srm_internal.control_form(control), '\(([a-z0-9]+)\)', '.\1', 'g'), '_', '.')
         ~ '^((?:[a-z0-9-]+:)?)([a-z]{2})[-.]0*(\d+)(?:\.0*(\d+))?(?:\.?[a-z](?:\.\d+(?:\.[a-z])?)?)?\.?$'
    THEN pg_catalog.rtrim(pg_catalog.regexp_replace(
             pg_catalog.replace(pg_catalog.regexp_replace(srm_internal.control_form(control), '\(([a-z0-9]+)\)', '.\1', 'g'), '_', '.'),
             '^((?:[a-z0-9-]+:)?)([a-z]{2})[-.]0*(\d+)(?:\.0*(\d+))?(?:\.?[a-z](?:\.\d+(?:\.[a-z])?)?)?\.?$',
             '\1\2-\3.\4'), '.')
    ELSE pg_catalog.regexp_replace(srm_internal.control_form(control), '\((\d+)\)', '.\1', 'g')
END;
COMMENT ON FUNCTION srm_internal.control_key(text) IS
    'the stored form of a control id: lower case, enhancements as .N, no leading zeros, also after a framework prefix (AC-02(01) -> ac-2.1, nist-800-53-r5:AC-02 -> nist-800-53-r5:ac-2, NIST.800-53.r5 AC-2(1) -> nist-800-53-r5:ac-2.1, ac_2_1 -> ac-2.1); an item-level id reads as its control (ac_2_3_a, AC-2(3)(a) -> ac-2.3; ac_2_d_1 -> ac-2)';

-- the three known controls closest to an unknown id (compared in the stored
-- form, shown as labels), within a framework when one is named: for hints
CREATE OR REPLACE FUNCTION srm_internal.closest_controls(control text, framework text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT pg_catalog.string_agg(b.label, ', ' ORDER BY b.d, b.label)
FROM (SELECT c.label, srm_internal.name_distance(k.id, c.control_id) AS d
      FROM (SELECT pg_catalog.regexp_replace(srm_internal.control_key(coalesce(closest_controls.control, '')), '^[a-z0-9-]+:', '') AS id,
                   coalesce(pg_catalog.lower(closest_controls.framework),
                            pg_catalog.substring(srm_internal.control_key(coalesce(closest_controls.control, '')), '^([a-z0-9-]+):')) AS fw) AS k
      JOIN srm.control c ON k.fw IS NULL OR c.framework_id = k.fw
      ORDER BY 2, 1
      LIMIT 3) AS b;
END;
COMMENT ON FUNCTION srm_internal.closest_controls(text, text) IS
    'the three known controls closest to an unknown control id (edit distance in the stored form, ac-2.1; within the framework given or prefixed, else all), as labels for hints';

CREATE OR REPLACE FUNCTION srm.resolve_control(control text)
RETURNS TABLE (control text, framework_id text, control_id text, label text, family_id text,
               status text, organizational boolean)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
-- the key computed once (OFFSET 0), then one probe of the catalog
SELECT resolve_control.control, c.framework_id, c.control_id, c.label, c.family_id, c.status, c.organizational
FROM (SELECT srm_internal.control_key(resolve_control.control) AS key OFFSET 0) AS kk
CROSS JOIN LATERAL (SELECT CASE WHEN kk.key ~ '^[a-z0-9-]+:' THEN pg_catalog.split_part(kk.key, ':', 1) END AS fw,
                           pg_catalog.regexp_replace(kk.key, '^[a-z0-9-]+:', '') AS id) AS k
LEFT JOIN LATERAL (SELECT c.framework_id, c.control_id, c.label, c.family_id, c.status, c.organizational
                   FROM srm.control c
                   WHERE c.control_id = k.id AND (k.fw IS NULL OR c.framework_id = k.fw)
                   ORDER BY c.framework_id
                   LIMIT 1) AS c ON true;
END;
COMMENT ON FUNCTION srm.resolve_control(text) IS
    'how srm reads a control id (SI-2, ac-2.1, AC-2(1), patch-management, or framework:id): one row, nulls when unknown';

-- a service named the way users write it (namespace, alias, CloudFormation
-- namespace), or an error with the closest known names
CREATE OR REPLACE FUNCTION srm_internal.service_named(name text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s text;
BEGIN
    SELECT r.service_namespace INTO s FROM srm.resolve_asset(name) r WHERE r.form = 'service';
    IF s IS NULL THEN
        RAISE EXCEPTION 'unknown service "%"', name
            USING ERRCODE = 'undefined_object',
                  HINT = format('Closest known names: %s.', srm_internal.closest_names(name, 'service'));
    END IF;
    RETURN s;
END
$$;
COMMENT ON FUNCTION srm_internal.service_named(text) IS
    'the service namespace a service name stands for (namespace, alias, CloudFormation namespace); an error naming the closest known names if none';

-------------------------------------------------------------------- install/code/override.sql
-- install/code/override.sql (code part): the trigger that checks and
-- normalizes the user's overrides (srm.override) as they are written.

-- Rules are checked and normalized as they are written: control ids in any
-- form people write (SI-2, AC-2(1)), names of unknown things with the
-- closest known ones.  The constraints above stay as a backstop.
CREATE OR REPLACE FUNCTION srm_internal.override_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    c record;
    near text;
BEGIN
    IF NEW.reason IS NULL OR NEW.reason !~ '\S' THEN
        RAISE EXCEPTION 'an override needs a reason'
            USING ERRCODE = 'not_null_violation',
                  HINT = 'Say why this rule differs from the model; auditors read it.';
    END IF;
    IF NEW.control_id IS NOT NULL AND NEW.family_id IS NOT NULL THEN
        RAISE EXCEPTION 'an override names control "%" and family "%"', NEW.control_id, NEW.family_id
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Give either a control or a family (or neither, for the whole framework).';
    END IF;
    IF NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = NEW.framework_id) THEN
        PERFORM srm_internal.raise_unknown_framework(NEW.framework_id);
    END IF;
    IF NEW.control_id IS NOT NULL THEN
        SELECT * INTO c FROM srm.resolve_control(NEW.framework_id || ':' || NEW.control_id);
        IF c.control_id IS NULL THEN
            near := srm_internal.closest_controls(NEW.control_id, NEW.framework_id);
            RAISE EXCEPTION 'unknown control "%" in framework %', NEW.control_id, NEW.framework_id
                USING ERRCODE = 'undefined_object',
                      DETAIL = format('It was read as the control id "%s".', srm_internal.control_key(NEW.control_id)),
                      HINT = format('Closest known controls: %s.', near);
        END IF;
        NEW.control_id := c.control_id;
    END IF;
    IF NEW.family_id IS NOT NULL THEN
        NEW.family_id := lower(btrim(NEW.family_id));
        IF NOT EXISTS (SELECT FROM srm.control x
                       WHERE x.framework_id = NEW.framework_id AND x.family_id = NEW.family_id) THEN
            SELECT string_agg(DISTINCT x.family_id, ', ') INTO near FROM srm.control x
            WHERE x.framework_id = NEW.framework_id;
            RAISE EXCEPTION 'unknown control family "%" in framework %', NEW.family_id, NEW.framework_id
                USING ERRCODE = 'undefined_object',
                      HINT = CASE WHEN near IS NULL THEN format('Framework %s has no families.', NEW.framework_id)
                                  ELSE format('Known families: %s.', near) END;
        END IF;
    END IF;
    -- the scope, of the override's provider (install/code/status.sql)
    SELECT x.account_id, x.asset, x.service_namespace INTO NEW.account_id, NEW.asset, NEW.service_namespace
    FROM srm_internal.scope_checked('an override', NEW.provider, NEW.account_id, NEW.asset, NEW.service_namespace) x;
    IF NEW.asset IS NOT NULL AND NEW.provider = 'aws'
       AND (SELECT r.service_namespace FROM srm.resolve_asset(NEW.asset) r) IS NULL THEN
        PERFORM srm_internal.raise_unknown_asset(NEW.asset, 'arn', 'service');
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm_internal.override_check() IS
    'checks and normalizes an override as it is written: control ids in any usual form, clear errors for unknown names';
CREATE OR REPLACE TRIGGER override_check BEFORE INSERT OR UPDATE ON srm.override
    FOR EACH ROW EXECUTE FUNCTION srm_internal.override_check();

-------------------------------------------------------------------- install/code/derivation.sql
-- install/code/derivation.sql (code part): the derivation of a control's
-- responsibility at every grain (service, resource type, configuration
-- variant) from the model, its stored form (srm_internal.derivation) and
-- the triggers that keep it current, the variant of an asset, the override
-- that applies, and the customer responsibility matrices.

-------------------------------------------------------------------------------
-- Layers at every grain
-------------------------------------------------------------------------------

-- each service's layers: the service's own row where it has one, else its model's
CREATE OR REPLACE VIEW srm_internal.service_layer_effective AS
SELECT s.provider, s.service_namespace, ml.layer_id,
       coalesce(sl.responsibility, ml.responsibility) AS responsibility,
       CASE WHEN sl.layer_id IS NULL THEN 'service_model_layer' ELSE 'service_layer' END AS origin,
       CASE WHEN sl.layer_id IS NULL THEN s.model_id ELSE s.service_namespace END AS origin_key,
       coalesce(sl.source, ml.source) AS source,
       sl.reason
FROM srm.service s
JOIN srm.service_model_layer ml ON ml.model_id = s.model_id
LEFT JOIN srm.service_layer sl
       ON sl.provider = s.provider AND sl.service_namespace = s.service_namespace AND sl.layer_id = ml.layer_id;
COMMENT ON VIEW srm_internal.service_layer_effective IS
    'the responsibility of every layer of every service: the service''s own row (service_layer) where it has one, else its model''s (service_model_layer)';

-- each grain's layers: its variants' rows, else its resource type's, else its service's
CREATE OR REPLACE VIEW srm_internal.grain_layer_effective AS
SELECT g.grain_id, e.layer_id,
       coalesce(v.responsibility, rl.responsibility, e.responsibility) AS responsibility,
       CASE WHEN v.layer_id IS NOT NULL THEN 'variant_layer'
            WHEN rl.layer_id IS NOT NULL THEN 'resource_type_layer' ELSE e.origin END AS origin,
       CASE WHEN v.layer_id IS NOT NULL THEN g.resource_type || ' ' || v.variant_id
            WHEN rl.layer_id IS NOT NULL THEN g.resource_type ELSE e.origin_key END AS origin_key,
       coalesce(v.source, rl.source, e.source) AS source,
       coalesce(v.reason, rl.reason, e.reason) AS reason
FROM srm_internal.grain g
JOIN srm_internal.service_layer_effective e
  ON e.provider = g.provider AND e.service_namespace = g.service_namespace
LEFT JOIN srm.resource_type_layer rl ON rl.resource_type = g.resource_type AND rl.layer_id = e.layer_id
LEFT JOIN srm.variant_layer v
       ON v.resource_type = g.resource_type AND v.layer_id = e.layer_id
      AND v.variant_id = ANY (pg_catalog.string_to_array(g.variant, '+'));
COMMENT ON VIEW srm_internal.grain_layer_effective IS
    'the responsibility of every layer at every grain of srm_internal.grain: a variant''s row (variant_layer), else the resource type''s (resource_type_layer), else the service''s, else its model''s';

-- the parties of an organizational control: each in its own context
CREATE OR REPLACE FUNCTION srm_internal.organizational_parties()
RETURNS srm.responsibility
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN 'provider (corporate), customer (provided)'::srm.responsibility;
COMMENT ON FUNCTION srm_internal.organizational_parties() IS
    'the parties of an organizational control (training, personnel, policy) on every service: the provider company-wide (corporate) and the customer with its own staff, plans and policies (provided)';

-- An organizational control is done by each party in its own context, so the
-- qualifiers of the layers it covers do not describe it: a customer that
-- configures security groups does not configure its training. Its parties are
-- organizational_parties(), plus a partner that takes part in one of the
-- layers (it too acts in its own context); the layers' qualifiers are dropped.
CREATE OR REPLACE FUNCTION srm_internal.organizational_responsibility(layers srm.responsibility)
RETURNS srm.responsibility
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN srm_internal.organizational_parties()
       OPERATOR(srm.|) coalesce(layers OPERATOR(srm.&) 'partner'::srm.responsibility, 'not applicable'::srm.responsibility);
COMMENT ON FUNCTION srm_internal.organizational_responsibility(srm.responsibility) IS
    'the responsibility of an organizational control, given the union of its layers: organizational_parties() plus the layers'' partner, without the layers'' qualifiers';

-------------------------------------------------------------------------------
-- The explaining derivation (the reference the stored rows are checked against)
-------------------------------------------------------------------------------

-- a control's responsibility at every grain, before overrides, with how it came about
CREATE OR REPLACE VIEW srm_internal.derivation_explained AS
SELECT g.grain_id, g.provider, g.service_namespace, g.resource_type, g.variant, c.framework_id, c.control_id,
       CASE WHEN c.status = 'withdrawn' THEN 'not applicable'::srm.responsibility
            WHEN c.organizational THEN srm_internal.organizational_responsibility(srm.responsibility_agg(e.responsibility))
            ELSE coalesce(srm.responsibility_agg(e.responsibility), 'not applicable')
       END AS responsibility,
       pg_catalog.concat_ws('; ',
           pg_catalog.string_agg(e.layer_id || ': ' || e.responsibility::text || ' ('
                                 || CASE e.origin WHEN 'service_layer' THEN 'service '
                                                  WHEN 'resource_type_layer' THEN 'resource type '
                                                  WHEN 'variant_layer' THEN 'variant '
                                                  ELSE 'model ' END
                                 || e.origin_key || ')', '; ' ORDER BY l.ordinal),
           CASE WHEN c.organizational THEN 'organizational: ' || srm_internal.organizational_parties()::text
                                           || ' in their own contexts (a partner of the layers kept, the layers'' qualifiers not)' END,
           CASE WHEN c.status = 'withdrawn' THEN 'withdrawn control: not applicable' END) AS explanation
FROM srm.control c
CROSS JOIN srm_internal.grain g
LEFT JOIN srm.control_layer cl ON cl.framework_id = c.framework_id AND cl.control_id = c.control_id
LEFT JOIN srm_internal.grain_layer_effective e ON e.grain_id = g.grain_id AND e.layer_id = cl.layer_id
LEFT JOIN srm.layer l ON l.layer_id = cl.layer_id
GROUP BY g.grain_id, g.provider, g.service_namespace, g.resource_type, g.variant,
         c.framework_id, c.control_id, c.status, c.organizational;
COMMENT ON VIEW srm_internal.derivation_explained IS
    'the derivation of every control at every grain from the model, step by step: the union over the layers the control acts on (each from its variant, resource type, service or model row; none: not applicable); for organizational controls the organizational parties (plus a partner of the layers); withdrawn controls are not applicable. The stored rows (srm_internal.derivation) must equal it.';

-- a control's responsibility on a service, before overrides
CREATE OR REPLACE VIEW srm.control_service AS
SELECT d.framework_id, d.control_id, d.provider, d.service_namespace, d.responsibility, d.explanation
FROM srm_internal.derivation_explained d
WHERE d.resource_type IS NULL;
COMMENT ON VIEW srm.control_service IS
    'the derived responsibility of every control on every service, before overrides, derived from the model step by step (the reference for the stored derivation): the union over the layers the control acts on; for organizational controls the organizational parties (plus a partner of the layers); withdrawn controls are not applicable';

-------------------------------------------------------------------------------
-- The stored derivation
-------------------------------------------------------------------------------

-- the variant combinations of each resource type: one variant or none from
-- each of its dimensions, at least one in all, ids joined by + in the order
-- of the dimensions' names
CREATE OR REPLACE FUNCTION srm_internal.variant_combinations()
RETURNS TABLE (resource_type text, variant text)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
WITH RECURSIVE dims AS (
    SELECT d.resource_type, d.dimension,
           pg_catalog.row_number() OVER (PARTITION BY d.resource_type ORDER BY d.dimension COLLATE "C") AS n,
           pg_catalog.count(*) OVER (PARTITION BY d.resource_type) AS of_n
    FROM srm.variant_dimension d),
opts AS (
    SELECT d.resource_type, d.n, d.of_n, v.variant_id
    FROM dims d JOIN srm.variant v ON v.resource_type = d.resource_type AND v.dimension = d.dimension
    UNION ALL
    SELECT d.resource_type, d.n, d.of_n, NULL FROM dims d),
combo (resource_type, n, of_n, ids) AS (
    SELECT o.resource_type, o.n, o.of_n, CASE WHEN o.variant_id IS NULL THEN '{}'::text[] ELSE ARRAY[o.variant_id] END
    FROM opts o WHERE o.n = 1
    UNION ALL
    SELECT c.resource_type, o.n, c.of_n, CASE WHEN o.variant_id IS NULL THEN c.ids ELSE c.ids || o.variant_id END
    FROM combo c JOIN opts o ON o.resource_type = c.resource_type AND o.n = c.n + 1)
SELECT c.resource_type, pg_catalog.array_to_string(c.ids, '+')
FROM combo c
WHERE c.n = c.of_n AND pg_catalog.cardinality(c.ids) > 0;
END;
COMMENT ON FUNCTION srm_internal.variant_combinations() IS
    'every combination of variants a resource type''s assets can be in: one variant or none (unknown) of each dimension, at least one known';

-- the overrides a change touched, or all (scopes null): rows of
-- srm_internal.derivation take the provider- or service-wide override that
-- applies, or their derived value
CREATE OR REPLACE FUNCTION srm_internal.derivation_apply_overrides(scopes jsonb DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    WITH scope AS (
        SELECT s ->> 'provider' AS provider, s ->> 'framework_id' AS framework_id,
               s ->> 'service_namespace' AS service_namespace, s ->> 'control_id' AS control_id,
               s ->> 'family_id' AS family_id, (s ->> 'override_id')::bigint AS override_id
        FROM jsonb_array_elements(scopes) s),
    touched AS (
        SELECT d.grain_id, d.framework_id, d.control_id, d.provider, d.service_namespace, c.family_id
        FROM srm_internal.derivation d
        JOIN srm.control c ON c.framework_id = d.framework_id AND c.control_id = d.control_id
        WHERE scopes IS NULL
           OR EXISTS (SELECT FROM scope s
                      WHERE s.override_id = d.override_id
                         OR (s.provider = d.provider AND s.framework_id = d.framework_id
                             AND (s.service_namespace IS NULL OR s.service_namespace = d.service_namespace)
                             AND (s.control_id IS NULL OR s.control_id = d.control_id)
                             AND (s.family_id IS NULL OR s.family_id = c.family_id)))),
    best AS (
        SELECT DISTINCT ON (t.grain_id, t.framework_id, t.control_id)
               t.grain_id, t.framework_id, t.control_id, o.override_id, o.responsibility
        FROM touched t
        JOIN srm.override o
          ON o.provider = t.provider AND o.framework_id = t.framework_id
         AND o.account_id IS NULL AND o.asset IS NULL
         AND (o.service_namespace IS NULL OR o.service_namespace = t.service_namespace)
         AND (o.control_id IS NULL OR o.control_id = t.control_id)
         AND (o.family_id IS NULL OR o.family_id = t.family_id)
        -- the order of srm_internal.override_for, without the asset and account scopes
        ORDER BY t.grain_id, t.framework_id, t.control_id, (o.service_namespace IS NOT NULL) DESC,
                 (o.control_id IS NOT NULL) DESC, (o.family_id IS NOT NULL) DESC, o.override_id DESC)
    UPDATE srm_internal.derivation d
    SET responsibility = coalesce(b.responsibility, d.derived), override_id = b.override_id
    FROM touched t
    LEFT JOIN best b USING (grain_id, framework_id, control_id)
    WHERE d.grain_id = t.grain_id AND d.framework_id = t.framework_id AND d.control_id = t.control_id
      AND (d.responsibility OPERATOR(srm.<>) coalesce(b.responsibility, d.derived)
           OR d.override_id IS DISTINCT FROM b.override_id);
END
$$;
COMMENT ON FUNCTION srm_internal.derivation_apply_overrides(jsonb) IS
    'applies the provider- and service-wide overrides to the stored derivation: to every row (scopes null), or to the rows of the given override scopes and the rows those overrides applied to';

-- the whole stored derivation, rebuilt from the model
CREATE OR REPLACE FUNCTION srm.refresh_derivation()
RETURNS bigint
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
-- the union over 360,000 groups stays in memory
SET work_mem = '256MB'
AS $$
DECLARE
    n bigint;
    keys bigint;
BEGIN
    LOCK TABLE srm_internal.derivation IN EXCLUSIVE MODE;
    TRUNCATE srm_internal.derivation, srm_internal.derivation_basis, srm_internal.grain;
    INSERT INTO srm_internal.grain (grain_id, provider, service_namespace, resource_type, variant)
    SELECT pg_catalog.row_number() OVER (ORDER BY k.provider, k.service_namespace COLLATE "C",
                                         k.resource_type COLLATE "C" NULLS FIRST, k.variant COLLATE "C" NULLS FIRST),
           k.provider, k.service_namespace, k.resource_type, k.variant
    FROM (SELECT s.provider, s.service_namespace, NULL::text AS resource_type, NULL::text AS variant
          FROM srm.service s
          UNION
          SELECT rt.provider, rt.service_namespace, rt.resource_type, NULL
          FROM srm.resource_type rt
          WHERE rt.resource_type IN (SELECT x.resource_type FROM srm.resource_type_layer x
                                     UNION SELECT x.resource_type FROM srm.variant_dimension x)
          UNION
          SELECT rt.provider, rt.service_namespace, rt.resource_type, vc.variant
          FROM srm_internal.variant_combinations() vc
          JOIN srm.resource_type rt ON rt.resource_type = vc.resource_type) k;

    -- every layer at every grain
    CREATE TEMPORARY TABLE srm_grain_layer ON COMMIT DROP AS
    SELECT e.grain_id, e.layer_id, e.responsibility, e.origin, e.origin_key FROM srm_internal.grain_layer_effective e;
    CREATE INDEX ON pg_temp.srm_grain_layer (grain_id, layer_id);
    ANALYZE pg_temp.srm_grain_layer;
    -- what each control's answer depends on: its layers (in the order of
    -- srm.layer), organizational, withdrawn; each distinct combination once
    CREATE TEMPORARY TABLE srm_control_key ON COMMIT DROP AS
    SELECT c.framework_id, c.control_id, c.organizational, c.status = 'withdrawn' AS withdrawn,
           coalesce(array_agg(cl.layer_id ORDER BY l.ordinal) FILTER (WHERE cl.layer_id IS NOT NULL), '{}') AS layers
    FROM srm.control c
    LEFT JOIN srm.control_layer cl ON cl.framework_id = c.framework_id AND cl.control_id = c.control_id
    LEFT JOIN srm.layer l ON l.layer_id = cl.layer_id
    GROUP BY c.framework_id, c.control_id, c.organizational, c.status;
    CREATE TEMPORARY TABLE srm_key ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY k.layers, k.organizational, k.withdrawn)::integer AS key_id, k.*
    FROM (SELECT DISTINCT x.layers, x.organizational, x.withdrawn FROM pg_temp.srm_control_key x) k;
    SELECT count(*) INTO keys FROM pg_temp.srm_key;
    -- the answer and its explanation once per grain and combination (the
    -- same rules and words as srm_internal.derivation_explained)
    INSERT INTO srm_internal.derivation_basis (basis_id, grain_id, layers, organizational, withdrawn, responsibility, explanation)
    SELECT (g.grain_id - 1) * keys + k.key_id, g.grain_id,
           k.layers, k.organizational, k.withdrawn,
           CASE WHEN k.withdrawn THEN 'not applicable'::srm.responsibility
                WHEN k.organizational THEN srm_internal.organizational_responsibility(srm.responsibility_agg(e.responsibility))
                ELSE coalesce(srm.responsibility_agg(e.responsibility), 'not applicable') END,
           concat_ws('; ',
               string_agg(e.layer_id || ': ' || e.responsibility::text || ' ('
                          || CASE e.origin WHEN 'service_layer' THEN 'service '
                                           WHEN 'resource_type_layer' THEN 'resource type '
                                           WHEN 'variant_layer' THEN 'variant '
                                           ELSE 'model ' END
                          || e.origin_key || ')', '; ' ORDER BY u.ord),
               CASE WHEN k.organizational THEN 'organizational: ' || srm_internal.organizational_parties()::text
                                               || ' in their own contexts (a partner of the layers kept, the layers'' qualifiers not)' END,
               CASE WHEN k.withdrawn THEN 'withdrawn control: not applicable' END)
    FROM srm_internal.grain g
    CROSS JOIN pg_temp.srm_key k
    LEFT JOIN LATERAL unnest(k.layers) WITH ORDINALITY AS u(layer_id, ord) ON true
    LEFT JOIN pg_temp.srm_grain_layer e ON e.grain_id = g.grain_id AND e.layer_id = u.layer_id
    GROUP BY g.grain_id, k.key_id, k.layers, k.organizational, k.withdrawn;
    -- every control at every grain
    INSERT INTO srm_internal.derivation (grain_id, framework_id, control_id, provider, service_namespace,
                                         resource_type, variant, basis_id, derived, responsibility)
    SELECT g.grain_id, ck.framework_id, ck.control_id, g.provider, g.service_namespace, g.resource_type, g.variant,
           b.basis_id, b.responsibility, b.responsibility
    FROM pg_temp.srm_control_key ck
    JOIN pg_temp.srm_key k ON k.layers = ck.layers AND k.organizational = ck.organizational AND k.withdrawn = ck.withdrawn
    CROSS JOIN srm_internal.grain g
    JOIN srm_internal.derivation_basis b
      ON b.basis_id = (g.grain_id - 1) * keys + k.key_id;
    DROP TABLE pg_temp.srm_grain_layer, pg_temp.srm_control_key, pg_temp.srm_key;
    PERFORM srm_internal.derivation_apply_overrides(NULL);
    ANALYZE srm_internal.grain, srm_internal.derivation_basis, srm_internal.derivation;
    SELECT count(*) INTO n FROM srm_internal.derivation;
    RETURN n;
END
$$;
COMMENT ON FUNCTION srm.refresh_derivation() IS
    'rebuilds the stored derivation (every grain x control, with provider- and service-wide overrides) from the model and returns its row count; triggers keep it current, so call it only after writing to srm.override with triggers disabled (pg_restore --disable-triggers, session_replication_role = replica)';
REVOKE EXECUTE ON FUNCTION srm.refresh_derivation() FROM PUBLIC;

-- model rows written: the stored derivation rebuilt (not while the install
-- or update script loads the model: it rebuilds once at the end)
CREATE OR REPLACE FUNCTION srm_internal.model_changed()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF coalesce(current_setting('srm.loading_model', true), '') <> 'on' THEN
        PERFORM srm.refresh_derivation();
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION srm_internal.model_changed() IS
    'trigger: rebuilds the stored derivation after a statement changed the model (skipped while srm''s own scripts load it, setting srm.loading_model)';

CREATE OR REPLACE TRIGGER derivation_on_service AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.service
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE OR REPLACE TRIGGER derivation_on_service_model_layer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.service_model_layer
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE OR REPLACE TRIGGER derivation_on_service_layer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.service_layer
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE OR REPLACE TRIGGER derivation_on_resource_type AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.resource_type
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE OR REPLACE TRIGGER derivation_on_resource_type_layer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.resource_type_layer
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE OR REPLACE TRIGGER derivation_on_variant_dimension AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.variant_dimension
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE OR REPLACE TRIGGER derivation_on_variant AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.variant
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE OR REPLACE TRIGGER derivation_on_variant_layer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.variant_layer
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE OR REPLACE TRIGGER derivation_on_control AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.control
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE OR REPLACE TRIGGER derivation_on_control_layer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.control_layer
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();

-- overrides written: the rows they apply to (and applied to) updated
CREATE OR REPLACE FUNCTION srm_internal.override_changed()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    scopes jsonb;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE srm_internal.derivation SET responsibility = derived, override_id = NULL
        WHERE override_id IS NOT NULL;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT jsonb_agg(to_jsonb(o)) INTO scopes FROM new_overrides o WHERE o.account_id IS NULL AND o.asset IS NULL;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT jsonb_agg(to_jsonb(o)) INTO scopes FROM old_overrides o;
    ELSE
        SELECT jsonb_agg(to_jsonb(o)) INTO scopes
        FROM (SELECT * FROM old_overrides UNION ALL
              SELECT * FROM new_overrides n WHERE n.account_id IS NULL AND n.asset IS NULL) o;
    END IF;
    IF scopes IS NOT NULL THEN
        PERFORM srm_internal.derivation_apply_overrides(scopes);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION srm_internal.override_changed() IS
    'trigger: applies inserted, updated and deleted provider- and service-wide overrides to the stored derivation, in the same transaction';

CREATE OR REPLACE TRIGGER derivation_on_override_insert AFTER INSERT ON srm.override
    REFERENCING NEW TABLE AS new_overrides
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.override_changed();
CREATE OR REPLACE TRIGGER derivation_on_override_update AFTER UPDATE ON srm.override
    REFERENCING OLD TABLE AS old_overrides NEW TABLE AS new_overrides
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.override_changed();
CREATE OR REPLACE TRIGGER derivation_on_override_delete AFTER DELETE ON srm.override
    REFERENCING OLD TABLE AS old_overrides
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.override_changed();
CREATE OR REPLACE TRIGGER derivation_on_override_truncate AFTER TRUNCATE ON srm.override
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.override_changed();

-------------------------------------------------------------------------------
-- The grain of an asset
-------------------------------------------------------------------------------

-- the variant of a resource type's configuration item: per dimension the
-- first rule that holds; the ids found (joined by +, in dimension order),
-- and what could not be told
CREATE OR REPLACE FUNCTION srm_internal.variant_of(resource_type text, configuration jsonb, supplementary jsonb)
RETURNS TABLE (variant text, variants jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
WITH doc AS (
    SELECT pg_catalog.jsonb_build_object('configuration', variant_of.configuration,
                                         'supplementaryConfiguration', variant_of.supplementary) AS d),
per_dim AS (
    SELECT vd.dimension, vd.reads, vd.source AS dimension_source,
           (SELECT pg_catalog.jsonb_build_object('variant_id', r.variant_id, 'rule_order', r.rule_order,
                                                 'test', r.test::text, 'source', r.source)
            FROM srm.variant_rule r, doc
            WHERE r.resource_type = vd.resource_type AND r.dimension = vd.dimension
              AND pg_catalog.jsonb_path_exists(doc.d, r.test, silent => true)
            ORDER BY r.rule_order LIMIT 1) AS hit,
           (SELECT pg_catalog.jsonb_path_query_first(doc.d, vd.reads, silent => true) FROM doc) AS value
    FROM srm.variant_dimension vd
    WHERE vd.resource_type = variant_of.resource_type)
SELECT pg_catalog.string_agg(p.hit ->> 'variant_id', '+' ORDER BY p.dimension COLLATE "C"),
       pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('dimension', p.dimension, 'reads', p.reads::text,
                                                          'value', p.value, 'rule', p.hit)
                            ORDER BY p.dimension COLLATE "C")
FROM per_dim p;
END;
COMMENT ON FUNCTION srm_internal.variant_of(text, jsonb, jsonb) IS
    'the variant of a configuration item of a resource type: per dimension the first variant rule that holds (ids joined by +, null when none is known), and per dimension the value read and the rule that matched (null when the variant is unknown)';

-- the stored grain that answers for an asset: its resource type and
-- variant, else its resource type, else its service
CREATE OR REPLACE FUNCTION srm_internal.grain_of(provider text, service_namespace text, resource_type text, variant text)
RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE
-- three index probes, the most specific first (a scan of every grain per
-- call made bulk answers slow)
RETURN coalesce((SELECT g.grain_id FROM srm_internal.grain g
                 WHERE g.provider = grain_of.provider AND g.resource_type = grain_of.resource_type
                   AND g.variant = grain_of.variant
                 LIMIT 1),
                -- min, not LIMIT 1: with LIMIT the planner scans every grain
                -- for a type that has none of its own (most), not the index
                (SELECT min(g.grain_id) FROM srm_internal.grain g
                 WHERE g.provider = grain_of.provider AND g.resource_type = grain_of.resource_type
                   AND g.variant IS NULL),
                (SELECT g.grain_id FROM srm_internal.grain g
                 WHERE g.provider = grain_of.provider AND g.service_namespace = grain_of.service_namespace
                   AND g.resource_type IS NULL
                 LIMIT 1));
COMMENT ON FUNCTION srm_internal.grain_of(text, text, text, text) IS
    'the grain of the stored derivation that answers for an asset of a service, resource type and variant: the most specific one stored';

-- one control on one service
CREATE OR REPLACE FUNCTION srm_internal.derived_responsibility(framework_id text, control_id text, provider text, service_namespace text)
RETURNS srm.responsibility
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT d.derived
FROM srm_internal.grain g
JOIN srm_internal.derivation d ON d.grain_id = g.grain_id
WHERE g.provider = derived_responsibility.provider
  AND g.service_namespace = derived_responsibility.service_namespace
  AND g.resource_type IS NULL
  AND d.framework_id = derived_responsibility.framework_id
  AND d.control_id = derived_responsibility.control_id;
END;
COMMENT ON FUNCTION srm_internal.derived_responsibility(text, text, text, text) IS
    'the derived responsibility of one control on one service, before overrides (the stored derivation, by index lookups)';

-- the override that applies, if any: the most specific one
CREATE OR REPLACE FUNCTION srm_internal.override_for(provider text, service_namespace text, account_id text, asset text,
                                 framework_id text, control_id text, family_id text)
RETURNS SETOF srm.override
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT o.*
FROM srm.override o
WHERE o.provider = override_for.provider
  AND o.framework_id = override_for.framework_id
  AND (o.service_namespace IS NULL OR o.service_namespace = override_for.service_namespace)
  AND (o.account_id IS NULL OR o.account_id = override_for.account_id)
  AND (o.asset IS NULL OR o.asset = override_for.asset)
  AND (o.control_id IS NULL OR o.control_id = override_for.control_id)
  AND (o.family_id IS NULL OR o.family_id = override_for.family_id)
ORDER BY (o.asset IS NOT NULL) DESC, (o.account_id IS NOT NULL) DESC, (o.service_namespace IS NOT NULL) DESC,
         (o.control_id IS NOT NULL) DESC, (o.family_id IS NOT NULL) DESC, o.override_id DESC
LIMIT 1;
END;
COMMENT ON FUNCTION srm_internal.override_for(text, text, text, text, text, text, text) IS
    'the override that applies to a control on an asset, if any: asset > account > service > provider, then control > family > framework, then the newest';

-------------------------------------------------------------------------------
-- The customer responsibility matrices
-------------------------------------------------------------------------------

-- every service x control, with provider- and service-wide overrides applied
-- (the outer joins find one row each: a query that does not use their
-- columns does not read them)
CREATE OR REPLACE VIEW srm.matrix AS
SELECT d.provider, d.service_namespace, s.name AS service_name, s.model_id,
       d.framework_id, d.control_id, c.label, c.title, c.family_id, c.baselines, c.status,
       d.responsibility,
       srm.aws_class(d.responsibility) AS class,
       d.responsibility OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility AS customer_part,
       b.explanation
       || CASE WHEN o.override_id IS NOT NULL
               THEN '; override #' || o.override_id || ': ' || o.responsibility::text || ' (' || o.reason || ')'
               ELSE '' END AS explanation,
       d.override_id
FROM srm_internal.derivation d
LEFT JOIN srm.control c ON c.framework_id = d.framework_id AND c.control_id = d.control_id
LEFT JOIN srm.service s ON s.provider = d.provider AND s.service_namespace = d.service_namespace
LEFT JOIN srm_internal.derivation_basis b ON b.basis_id = d.basis_id
LEFT JOIN srm.override o ON o.override_id = d.override_id
WHERE d.resource_type IS NULL;
COMMENT ON VIEW srm.matrix IS
    'the customer responsibility matrix: every service x control with its responsibility, AWS class, the customer''s part and how it was derived (provider- and service-wide overrides applied); read from the stored derivation';

-- the resource types and variants whose answers differ from their service's
CREATE OR REPLACE VIEW srm.resource_type_matrix AS
SELECT d.provider, d.service_namespace, d.resource_type, d.variant,
       d.framework_id, d.control_id, c.label, c.title, c.family_id, c.baselines, c.status,
       d.responsibility,
       srm.aws_class(d.responsibility) AS class,
       d.responsibility OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility AS customer_part,
       sd.responsibility AS service_responsibility,
       d.responsibility OPERATOR(srm.<>) sd.responsibility AS differs,
       b.explanation
       || CASE WHEN o.override_id IS NOT NULL
               THEN '; override #' || o.override_id || ': ' || o.responsibility::text || ' (' || o.reason || ')'
               ELSE '' END AS explanation,
       d.override_id
FROM srm_internal.derivation d
JOIN srm_internal.grain sg ON sg.provider = d.provider AND sg.service_namespace = d.service_namespace
                          AND sg.resource_type IS NULL
JOIN srm_internal.derivation sd ON sd.grain_id = sg.grain_id AND sd.framework_id = d.framework_id
                               AND sd.control_id = d.control_id
LEFT JOIN srm.control c ON c.framework_id = d.framework_id AND c.control_id = d.control_id
LEFT JOIN srm_internal.derivation_basis b ON b.basis_id = d.basis_id
LEFT JOIN srm.override o ON o.override_id = d.override_id
WHERE d.resource_type IS NOT NULL;
COMMENT ON VIEW srm.resource_type_matrix IS
    'the matrix below the service: every resource type with layers of its own and every combination of its configuration variants (variant null: the resource type as such, or a variant that cannot be told) x control, beside the service''s answer (differs)';

GRANT SELECT ON srm_internal.service_layer_effective, srm_internal.grain_layer_effective,
    srm_internal.derivation_explained, srm.control_service, srm.matrix, srm.resource_type_matrix TO PUBLIC;

-------------------------------------------------------------------- install/code/answers.sql
-- install/code/answers.sql (code part): the answers for one asset and one
-- control (service_of, resource_type_of, explain, responsibility_of,
-- classify) and in bulk (responsibilities), with their errors.

-------------------------------------------------------------------------------
-- Answers for one asset and one control
-------------------------------------------------------------------------------

-- the error for an asset srm cannot place
CREATE OR REPLACE FUNCTION srm_internal.raise_unknown_asset(asset text, form text, what text, service_namespace text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    near text;
BEGIN
    IF form = 'arm-id' AND srm_internal.arm_type(asset) IS NULL THEN
        RAISE EXCEPTION 'malformed Azure Resource Manager resource id "%"', asset
            USING ERRCODE = 'invalid_text_representation',
                  DETAIL = 'A resource id is /subscriptions/{subscription}, then /resourceGroups/{group}, then /providers/{namespace}/{type}/{name}, with /{child type}/{child name} pairs for a nested resource.',
                  HINT = 'For example /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1.';
    END IF;
    IF form = 'gcp-resource-name'
       AND coalesce(asset, '') !~ '^\s*//[a-z0-9-]+(\.[a-z0-9-]+)*\.googleapis\.com/[^/]+(/[^/]+)*\s*$' THEN
        RAISE EXCEPTION 'malformed Google Cloud full resource name "%"', asset
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'A full resource name is //, an API service name ending in .googleapis.com, then the resource''s path: non-empty parts separated by single slashes.',
                  HINT = 'For example //compute.googleapis.com/projects/my-project/zones/us-central1-a/instances/vm-1 or //storage.googleapis.com/my-bucket.';
    END IF;
    IF service_namespace IS NOT NULL THEN
        -- the service is known, the type is not: name the service's types
        SELECT string_agg(t.resource_type, ', ' ORDER BY t.resource_type) INTO near
        FROM (SELECT rt.resource_type FROM srm.resource_type rt
              WHERE rt.service_namespace = raise_unknown_asset.service_namespace
              ORDER BY srm_internal.name_distance(rt.resource_type,
                                                  CASE WHEN form = 'arm-id' THEN srm_internal.arm_type(asset) ELSE asset END),
                       rt.resource_type LIMIT 3) t;
    ELSE
        near := srm_internal.closest_names(
            CASE WHEN form = 'arn' THEN split_part(coalesce(asset, ''), ':', 3)
                 WHEN form = 'arm-id' THEN srm_internal.arm_type(asset)
                 WHEN form = 'gcp-resource-name' THEN substring(coalesce(asset, ''), '^\s*//([^/]+)')
                 ELSE coalesce(asset, '') END,
            coalesce(form, 'unrecognized'));
    END IF;
    RAISE EXCEPTION 'unknown asset "%": no % is known for it', asset, what
        USING ERRCODE = 'undefined_object',
              DETAIL = format('It was read as %s%s.', CASE form
                    WHEN 'arn' THEN 'an ARN'
                    WHEN 'arm-id' THEN format('an Azure Resource Manager resource id of type %s', srm_internal.arm_type(asset))
                    WHEN 'arm-type' THEN 'an Azure Resource Manager or Resource Graph type'
                    WHEN 'gcp-resource-name' THEN 'a Google Cloud full resource name'
                    WHEN 'gcp-asset-type' THEN 'a Cloud Asset Inventory asset type'
                    WHEN 'cloudformation' THEN 'a CloudFormation or AWS Config resource type'
                    WHEN 'security-hub' THEN 'a Security Hub resource type'
                    WHEN 'inventory-table' THEN 'a Steampipe or CloudQuery table name'
                    WHEN 'resource-explorer' THEN 'a Resource Explorer resource type'
                    WHEN 'service' THEN 'a service namespace'
                    WHEN 'account' THEN 'an AWS account id'
                    ELSE 'none of the forms srm knows (ARN, AWS::Service::Type, AwsServiceType, aws_service_table, service:type, service namespace, ARM resource id, Microsoft.Provider/type, //service.googleapis.com/path, service.googleapis.com/Type)' END,
                    CASE WHEN service_namespace IS NOT NULL THEN format(' of service %s', service_namespace) ELSE '' END),
              HINT = CASE WHEN near IS NULL THEN 'See srm.identifier for the names srm knows.'
                          WHEN service_namespace IS NOT NULL THEN format('Known types of %s include %s.', service_namespace, near)
                          ELSE format('Closest known names: %s.', near) END;
END
$$;
COMMENT ON FUNCTION srm_internal.raise_unknown_asset(text, text, text, text) IS 'raises the error for an asset srm cannot place';

CREATE OR REPLACE FUNCTION srm.service_of(asset text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning the inlined resolver each time costs more than running it
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    r record;
BEGIN
    SELECT * INTO r FROM srm.resolve_asset(asset);
    IF r.service_namespace IS NULL THEN
        PERFORM srm_internal.raise_unknown_asset(asset, r.form, 'service');
    END IF;
    RETURN r.service_namespace;
END
$$;
COMMENT ON FUNCTION srm.service_of(text) IS
    'the service namespace of an asset given in any form (ARN, AWS::EC2::Instance, AwsEc2Instance, ec2:instance, aws_ec2_instance, aws_ec2_instances, ec2); an error if unknown';

CREATE OR REPLACE FUNCTION srm.resource_type_of(asset text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning the inlined resolver each time costs more than running it
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    r record;
BEGIN
    SELECT * INTO r FROM srm.resolve_asset(asset);
    IF r.resource_type IS NULL THEN
        IF r.form = 'service' AND r.service_namespace IS NOT NULL THEN
            RAISE EXCEPTION 'asset "%" names a service, not a resource type', asset
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('It was read as the service namespace %s.', r.service_namespace),
                      HINT = CASE WHEN r.provider = 'azure'
                                  THEN 'Give an ARM resource id or a type such as Microsoft.Compute/virtualMachines.'
                                  ELSE 'Give an ARN or a resource type such as AWS::EC2::Instance.' END;
        END IF;
        PERFORM srm_internal.raise_unknown_asset(asset, r.form, 'resource type', r.service_namespace);
    END IF;
    RETURN r.resource_type;
END
$$;
COMMENT ON FUNCTION srm.resource_type_of(text) IS
    'the resource type (AWS::Service::Resource, or an Azure type such as Microsoft.Compute/virtualMachines) of an asset given in any form; an error if unknown';

-- the error for a control srm does not know
CREATE OR REPLACE FUNCTION srm_internal.raise_unknown_control(control text)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    near text := srm_internal.closest_controls(control, NULL);
    fw text := substring(srm_internal.control_key(coalesce(control, '')), '^([a-z0-9-]+):');
BEGIN
    RAISE EXCEPTION 'unknown control "%"', control
        USING ERRCODE = 'undefined_object',
              DETAIL = format('It was read as the control id "%s".', srm_internal.control_key(coalesce(control, ''))),
              HINT = CASE WHEN fw IS NOT NULL AND NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = fw)
                          THEN format('srm knows no framework "%s"; its frameworks: %s.', fw,
                                      (SELECT string_agg(f.framework_id, ', ' ORDER BY f.framework_id) FROM srm.framework f))
                          WHEN near IS NULL THEN 'See srm.control for the controls srm knows.'
                          ELSE format('Closest known controls: %s.', near) END;
END
$$;
COMMENT ON FUNCTION srm_internal.raise_unknown_control(text) IS 'raises the error for a control srm does not know';

CREATE OR REPLACE FUNCTION srm_internal.raise_unknown_framework(framework text)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'unknown framework "%"', framework
        USING ERRCODE = 'undefined_object',
              HINT = format('Known frameworks: %s.', (SELECT string_agg(f.framework_id, ', ' ORDER BY f.framework_id) FROM srm.framework f));
END
$$;
COMMENT ON FUNCTION srm_internal.raise_unknown_framework(text) IS 'raises the error for a framework srm does not know, naming the known ones';

-- an asset as srm answers for it: how the identifier was read, the asset
-- of srm.asset it names (by ARN, by ARM id in any case, or by resource id when it is nothing
-- else srm knows), its resource type and variant, and the grain of the
-- stored derivation that answers for it
CREATE OR REPLACE FUNCTION srm_internal.locate(identifier text)
RETURNS TABLE (asset text, form text, provider text, service_namespace text, resource_type text,
               account_id text, arn text, asset_id bigint, variant text, variants jsonb, grain_id integer)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
-- always one row (the planner assumes 1,000 for a function)
ROWS 1
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning the inlined resolver each time costs more than running it
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
    r record;
    a srm.asset;
    rt record;
    types text;
    ident text := pg_catalog.btrim(locate.identifier);
BEGIN
    -- the ARN of a loaded asset names that asset, whatever srm would read in
    -- the ARN itself: looked up first, without parsing it
    IF ident ~ '^arn:' THEN
        SELECT * INTO a FROM srm.asset x WHERE x.arn = ident
        ORDER BY x.captured_at DESC NULLS LAST, x.asset_id DESC LIMIT 1;
    ELSIF ident ~* '^/subscriptions/' THEN
        -- an ARM resource id, in any case: a loaded Azure asset's key is
        -- its id in lower case without a trailing slash
        SELECT * INTO a FROM srm.asset x
        WHERE x.resource_id = lower(rtrim(ident, '/')) AND x.provider = 'azure'
        ORDER BY x.captured_at DESC NULLS LAST, x.asset_id DESC LIMIT 1;
    ELSIF ident ~ '^//' THEN
        -- the full resource name of a loaded Google Cloud asset (its
        -- resource id, as srm.load_asset_inventory loads it)
        SELECT * INTO a FROM srm.asset x WHERE x.resource_id = ident AND x.provider = 'gcp'
        ORDER BY x.captured_at DESC NULLS LAST, x.asset_id DESC LIMIT 1;
    END IF;
    IF a.asset_id IS NULL THEN
        SELECT * INTO r FROM srm.resolve_asset(locate.identifier);
        IF r.form <> 'arn' AND r.service_namespace IS NULL THEN
            -- not a name srm knows: perhaps the resource id of a loaded asset
            SELECT string_agg(DISTINCT x.resource_type, ', ') INTO types FROM srm.asset x WHERE x.resource_id = r.asset;
            IF types LIKE '%,%' THEN
                RAISE EXCEPTION 'resource id "%" names assets of several resource types: %', r.asset, types
                    USING ERRCODE = 'cardinality_violation',
                          HINT = 'Give the asset''s ARN instead.';
            END IF;
            SELECT * INTO a FROM srm.asset x WHERE x.resource_id = r.asset
            ORDER BY x.captured_at DESC NULLS LAST, x.asset_id DESC LIMIT 1;
        END IF;
    END IF;
    IF a.asset_id IS NOT NULL THEN
        SELECT t.provider, t.service_namespace INTO rt FROM srm.resource_type t WHERE t.resource_type = a.resource_type;
        asset := ident;
        form := CASE WHEN ident ~ '^arn:' THEN 'arn' WHEN ident ~* '^/subscriptions/' THEN 'arm-id' WHEN ident ~ '^//' THEN 'gcp-resource-name' ELSE 'resource-id' END;
        provider := a.provider;
        service_namespace := coalesce(rt.service_namespace, a.service_namespace);
        resource_type := CASE WHEN rt.service_namespace IS NOT NULL THEN a.resource_type END;
        account_id := a.account_id;
        arn := a.arn;
        asset_id := a.asset_id;
        IF resource_type IS NOT NULL THEN
            SELECT x.variant, x.variants INTO variant, variants
            FROM srm_internal.variant_of(a.resource_type, a.configuration, a.supplementary_configuration) x;
        END IF;
    ELSE
        asset := r.asset;
        form := r.form;
        provider := r.provider;
        service_namespace := r.service_namespace;
        resource_type := r.resource_type;
        account_id := nullif(r.account_id, '');
        arn := CASE WHEN r.form = 'arn' THEN r.asset END;
    END IF;
    IF service_namespace IS NOT NULL THEN
        grain_id := srm_internal.grain_of(provider, service_namespace, resource_type, variant);
    END IF;
    RETURN NEXT;
END
$$;
COMMENT ON FUNCTION srm_internal.locate(text) IS
    'an asset as srm answers for it: the form its identifier was read in, its service and resource type, and when it names an asset of srm.asset (by ARN, by ARM resource id in any case, by a Google Cloud full resource name, or by a resource id that is no other name) that asset''s account, ARN, variant (per dimension in variants) and the grain of the stored derivation that answers for it';

-- srm_internal.locate of each identifier of an array, in one query: the
-- ARNs of loaded assets (what a bulk question mostly names) are looked up
-- together, without parsing them, the way locate's first step does; every
-- other identifier goes through locate itself.  n: the identifier's position
-- (an identifier that is null gives no row, as locate gives none)
CREATE OR REPLACE FUNCTION srm_internal.locate_many(identifiers text[])
RETURNS TABLE (n bigint, identifier text, asset text, form text, provider text, service_namespace text,
               resource_type text, account_id text, arn text, asset_id bigint, variant text, variants jsonb,
               grain_id integer)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning this query each time costs as much as running it
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT i.n, i.v, l.*
    FROM unnest(locate_many.identifiers) WITH ORDINALITY AS i(v, n)
    LEFT JOIN LATERAL (SELECT x.*
                       FROM srm.asset x
                       WHERE btrim(i.v) ~ '^arn:' AND x.arn = btrim(i.v)
                       ORDER BY x.captured_at DESC NULLS LAST, x.asset_id DESC
                       LIMIT 1) AS x ON true
    LEFT JOIN srm.resource_type rt ON rt.resource_type = x.resource_type
    -- a resource type without variant dimensions has no variant: variant_of
    -- gives nulls for it, as here (OFFSET 0: the test gates the call, not
    -- a filter of its result, so most assets never read their configuration)
    LEFT JOIN LATERAL (SELECT v.variant, v.variants
                       FROM srm_internal.variant_of(x.resource_type, x.configuration, x.supplementary_configuration) v
                       WHERE rt.service_namespace IS NOT NULL
                         AND EXISTS (SELECT FROM srm.variant_dimension d WHERE d.resource_type = x.resource_type)
                       OFFSET 0) AS v ON true
    CROSS JOIN LATERAL (SELECT coalesce(rt.service_namespace, x.service_namespace) AS service_namespace,
                               CASE WHEN rt.service_namespace IS NOT NULL THEN x.resource_type END AS resource_type) AS k
    CROSS JOIN LATERAL (
        SELECT btrim(i.v), 'arn', x.provider, k.service_namespace, k.resource_type,
               x.account_id, x.arn, x.asset_id, v.variant, v.variants,
               -- srm_internal.grain_of, written out: a function call per asset costs more than its lookups
               coalesce((SELECT g.grain_id FROM srm_internal.grain g
                         WHERE g.provider = x.provider AND g.resource_type = k.resource_type AND g.variant = v.variant
                         LIMIT 1),
                        -- min, not LIMIT 1: with LIMIT the planner scans every grain
                        -- for a type that has none of its own (most), not the index
                        (SELECT min(g.grain_id) FROM srm_internal.grain g
                         WHERE g.provider = x.provider AND g.resource_type = k.resource_type AND g.variant IS NULL),
                        (SELECT g.grain_id FROM srm_internal.grain g
                         WHERE g.provider = x.provider AND g.service_namespace = k.service_namespace
                           AND g.resource_type IS NULL
                         LIMIT 1))
        WHERE x.asset_id IS NOT NULL
        UNION ALL
        SELECT * FROM srm_internal.locate(i.v) WHERE x.asset_id IS NULL) AS l;
END
$$;
COMMENT ON FUNCTION srm_internal.locate_many(text[]) IS
    'srm_internal.locate of every identifier of an array (n: its position; none for a null), the ARNs of loaded assets looked up in one pass; srm.responsibilities reads it';

-- the explanation of an answer, step by step
CREATE OR REPLACE FUNCTION srm.explain(asset text, control text)
RETURNS TABLE (step integer, kind text, layer_id text, responsibility srm.responsibility,
               origin text, detail text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning the inlined resolver each time costs more than running it
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
    a record;
    c record;
    o record;
    g record;
    v record;
    derived srm.responsibility := 'not applicable';
    n integer := 0;
    l record;
BEGIN
    SELECT * INTO a FROM srm_internal.locate(asset);
    IF a.service_namespace IS NULL THEN
        PERFORM srm_internal.raise_unknown_asset(asset, a.form, 'service');
    END IF;
    SELECT * INTO c FROM srm.resolve_control(control);
    IF c.control_id IS NULL THEN
        PERFORM srm_internal.raise_unknown_control(control);
    END IF;
    SELECT * INTO g FROM srm_internal.grain x WHERE x.grain_id = a.grain_id;

    n := n + 1;
    IF a.asset_id IS NOT NULL THEN
        RETURN QUERY SELECT n, 'asset', NULL::text, NULL::srm.responsibility, a.form,
            format('%s read as %s: asset #%s of srm.asset, service %s%s, account %s%s', asset, a.form, a.asset_id,
                   a.service_namespace, coalesce(', type ' || a.resource_type, ''), a.account_id,
                   coalesce(', ARN ' || a.arn, ''));
    ELSE
        RETURN QUERY SELECT n, 'asset', NULL::text, NULL::srm.responsibility, a.form,
            format('%s read as %s: service %s%s%s (not an asset loaded into srm.asset)', asset, a.form,
                   a.service_namespace, coalesce(', type ' || a.resource_type, ''),
                   coalesce(', account ' || a.account_id, ''));
    END IF;
    n := n + 1;
    RETURN QUERY SELECT n, 'control', NULL::text, NULL::srm.responsibility, c.framework_id,
        format('%s read as %s %s (%s)%s', control, c.framework_id, c.label, c.status,
               CASE WHEN c.organizational THEN ', organizational' ELSE '' END);

    -- the grain: the resource type and, per dimension, the variant
    IF a.resource_type IS NOT NULL THEN
        n := n + 1;
        RETURN QUERY SELECT n, 'resource type', NULL::text, NULL::srm.responsibility, 'srm.resource_type',
            format('%s: %s', a.resource_type,
                   CASE WHEN EXISTS (SELECT FROM srm.resource_type_layer x WHERE x.resource_type = a.resource_type)
                        THEN 'has layers of its own (resource_type_layer)'
                        ELSE 'answers as its service ' || a.service_namespace END);
    END IF;
    IF a.asset_id IS NOT NULL THEN
        FOR v IN SELECT x.value AS d FROM jsonb_array_elements(a.variants) x LOOP
            n := n + 1;
            IF v.d -> 'rule' <> 'null'::jsonb THEN
                RETURN QUERY SELECT n, 'variant', NULL::text, NULL::srm.responsibility, 'srm.variant_rule',
                    format('%s: %s (rule %s: %s; source: %s)', v.d ->> 'dimension', v.d -> 'rule' ->> 'variant_id',
                           v.d -> 'rule' ->> 'rule_order', v.d -> 'rule' ->> 'test', v.d -> 'rule' ->> 'source');
            ELSE
                RETURN QUERY SELECT n, 'variant', NULL::text, NULL::srm.responsibility, 'srm.variant_rule',
                    format('%s: unknown: %s %s, which no rule recognises; the answer is the resource type''s', v.d ->> 'dimension',
                           v.d ->> 'reads', CASE WHEN v.d -> 'value' = 'null'::jsonb THEN 'is missing'
                                                 ELSE 'is ' || (v.d ->> 'value') END);
            END IF;
        END LOOP;
    ELSIF EXISTS (SELECT FROM srm.variant_dimension x WHERE x.resource_type = a.resource_type) THEN
        n := n + 1;
        RETURN QUERY SELECT n, 'variant', NULL::text, NULL::srm.responsibility, 'srm.variant_dimension',
            format('%s: unknown: no configuration item of this asset is loaded; the answer is the resource type''s',
                   (SELECT string_agg(x.dimension, ', ' ORDER BY x.dimension COLLATE "C") FROM srm.variant_dimension x
                    WHERE x.resource_type = a.resource_type));
    END IF;

    IF c.status = 'withdrawn' THEN
        n := n + 1;
        RETURN QUERY SELECT n, 'withdrawn', NULL::text, 'not applicable'::srm.responsibility,
            'srm.control', 'a withdrawn control applies to nothing';
    END IF;
    FOR l IN
        SELECT e.layer_id, e.responsibility, e.origin, e.origin_key, e.source, e.reason, cl.basis
        FROM srm.control_layer cl
        JOIN srm_internal.grain_layer_effective e ON e.layer_id = cl.layer_id
        JOIN srm.layer ly ON ly.layer_id = cl.layer_id
        WHERE cl.framework_id = c.framework_id AND cl.control_id = c.control_id
          AND e.grain_id = a.grain_id
          AND c.status = 'active'
        ORDER BY ly.ordinal
    LOOP
        n := n + 1;
        derived := derived OPERATOR(srm.|) l.responsibility;
        RETURN QUERY SELECT n, 'layer', l.layer_id, l.responsibility,
            l.origin || ' ' || l.origin_key,
            format('the control acts on this layer (%s mapping); source: %s%s', l.basis, l.source,
                   coalesce('; ' || l.reason, ''));
    END LOOP;
    IF c.organizational AND c.status = 'active' THEN
        n := n + 1;
        derived := srm_internal.organizational_responsibility(derived);
        RETURN QUERY SELECT n, 'organizational', NULL::text, srm_internal.organizational_parties(),
            'srm.control', 'each party does this control in its own context (its own staff, policies): '
                           || 'these parties, plus a partner of the layers above; the layers'' qualifiers do not apply';
    END IF;
    n := n + 1;
    RETURN QUERY SELECT n, 'derived', NULL::text, derived,
        CASE WHEN c.organizational AND c.status = 'active' THEN 'organizational parties and the layers'' partner'
             ELSE 'union of the rows above' END, NULL::text;

    SELECT * INTO o FROM srm_internal.override_for(a.provider, a.service_namespace, a.account_id,
        a.arn, c.framework_id, c.control_id, c.family_id);
    IF o.override_id IS NOT NULL THEN
        n := n + 1;
        RETURN QUERY SELECT n, 'override', NULL::text, o.responsibility, 'srm.override #' || o.override_id,
            format('%s (scope: %s; by %s at %s)', o.reason,
                   concat_ws(', ', 'provider ' || o.provider, 'service ' || o.service_namespace,
                             'account ' || o.account_id, 'asset ' || o.asset,
                             'control ' || o.control_id, 'family ' || o.family_id),
                   o.created_by, o.created_at);
        derived := o.responsibility;
    END IF;
    n := n + 1;
    RETURN QUERY SELECT n, 'result', NULL::text, derived, srm.aws_class(derived)::text,
        'customer part: ' || (derived OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility)::text;
END
$$;
COMMENT ON FUNCTION srm.explain(text, text) IS
    'why an asset has its responsibility for a control: how both were read, the asset''s resource type and variant (with the rule and source that told it, or why it is unknown), the layers and the rows they came from, organizational parties, the override, the result';

CREATE OR REPLACE FUNCTION srm.responsibility_of(asset text, control text)
RETURNS srm.responsibility
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning the inlined resolver each time costs more than running it
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    a record;
    c record;
    r srm.responsibility;
BEGIN
    SELECT * INTO a FROM srm_internal.locate(asset);
    IF a.service_namespace IS NULL THEN
        PERFORM srm_internal.raise_unknown_asset(asset, a.form, 'service');
    END IF;
    SELECT * INTO c FROM srm.resolve_control(control);
    IF c.control_id IS NULL THEN
        PERFORM srm_internal.raise_unknown_control(control);
    END IF;
    SELECT o.responsibility INTO r
    FROM srm_internal.override_for(a.provider, a.service_namespace, a.account_id, a.arn,
                                   c.framework_id, c.control_id, c.family_id) o;
    IF r IS NULL THEN
        SELECT d.derived INTO r FROM srm_internal.derivation d
        WHERE d.grain_id = a.grain_id AND d.framework_id = c.framework_id AND d.control_id = c.control_id;
    END IF;
    RETURN r;
END
$$;
COMMENT ON FUNCTION srm.responsibility_of(text, text) IS
    'who is responsible for a control on an asset (any identifier form, or the resource id of a loaded asset; control ids as SI-2, ac-2.1, AC-2(1), patch-management), at the grain of its resource type and, for a loaded asset, its configuration variant; overrides applied; an error for an unknown asset or control';

CREATE OR REPLACE FUNCTION srm.classify(asset text, control text)
RETURNS srm.control_class
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN srm.aws_class(srm.responsibility_of(asset, control));
COMMENT ON FUNCTION srm.classify(text, text) IS
    'the AWS class (inherited, shared, customer-specific, not-applicable) of a control on an asset';

-- Bulk: every asset x control asked, unknowns flagged rather than dropped.
CREATE OR REPLACE FUNCTION srm.responsibilities(assets text[], controls text[])
RETURNS TABLE (asset text, control text, service_namespace text, resource_type text,
               framework_id text, control_id text, responsibility srm.responsibility,
               class srm.control_class, customer_part srm.responsibility, override_id bigint,
               known_asset boolean, known_control boolean)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
-- each asset and each control read once, then every pair
WITH ra AS MATERIALIZED (
    SELECT l.n AS an, l.identifier AS a, l.asset, l.form, l.provider, l.service_namespace, l.resource_type,
           l.account_id, l.arn, l.asset_id, l.variant, l.variants, l.grain_id
    FROM srm_internal.locate_many(responsibilities.assets) AS l),
rc AS MATERIALIZED (
    SELECT cv.cn, cv.c, r.*
    FROM pg_catalog.unnest(responsibilities.controls) WITH ORDINALITY AS cv(c, cn)
    CROSS JOIN LATERAL srm.resolve_control(cv.c) AS r)
SELECT ra.a, rc.c, ra.service_namespace, ra.resource_type, rc.framework_id, rc.control_id,
       coalesce(o.responsibility, d.derived),
       srm.aws_class(coalesce(o.responsibility, d.derived)),
       coalesce(o.responsibility, d.derived) OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility,
       o.override_id,
       ra.service_namespace IS NOT NULL, rc.control_id IS NOT NULL
FROM ra CROSS JOIN rc
LEFT JOIN LATERAL (SELECT x.derived FROM srm_internal.derivation x
                   WHERE x.grain_id = ra.grain_id AND x.framework_id = rc.framework_id
                     AND x.control_id = rc.control_id
                   LIMIT 1) AS d ON true  -- an index probe per pair, not a join of the whole table
LEFT JOIN LATERAL (SELECT x.override_id, x.responsibility
                   FROM srm_internal.override_for(ra.provider, ra.service_namespace, ra.account_id, ra.arn,
                                                  rc.framework_id, rc.control_id, rc.family_id) x
                   -- no override: no lookup
                   WHERE EXISTS (SELECT FROM srm.override)) AS o ON true
ORDER BY ra.an, rc.cn;
END;
COMMENT ON FUNCTION srm.responsibilities(text[], text[]) IS
    'bulk answers: every asset x control at the grain of srm.responsibility_of, with known_asset / known_control false (and nulls) for what srm cannot place, never dropped';

-------------------------------------------------------------------------------

-------------------------------------------------------------------- install/code/status.sql
-- install/code/status.sql (code part): the trigger that checks control
-- statuses as they are written, and the status that applies to an asset.

-- the scope of a status or an override (kind names it in messages), as
-- written: the provider one of srm's, the account an id of that provider
-- (an AWS account id, an Azure subscription id, put in lower case, or a
-- Google Cloud project id), the asset an identifier of that provider (an
-- ARN, an Azure Resource Manager id, put in lower case as srm.asset holds
-- it, or a Google Cloud full resource name) and the service one of that
-- provider's (by any name srm reads; Google's iam is not AWS's); returns
-- them normalised, or raises a clear error.  For AWS the checks and
-- messages are those of 0.5.0.
CREATE OR REPLACE FUNCTION srm_internal.scope_checked(kind text, provider text, INOUT account_id text, INOUT asset text,
                                           INOUT service_namespace text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    names constant jsonb := '{"aws": "AWS", "azure": "Microsoft Azure", "gcp": "Google Cloud"}';
    acct_words constant jsonb := '{"aws": "an AWS account id", "azure": "an Azure subscription id", "gcp": "a Google Cloud project id"}';
    asset_words constant jsonb := '{"aws": "an ARN", "azure": "an Azure Resource Manager id", "gcp": "a Google Cloud full resource name"}';
    acct_of text;
    r record;
BEGIN
    IF provider IS NULL OR provider NOT IN ('aws', 'azure', 'gcp') THEN
        RAISE EXCEPTION 'unknown provider "%" of %', provider, kind
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'A provider is aws (Amazon Web Services), azure (Microsoft Azure) or gcp (Google Cloud).';
    END IF;
    IF account_id IS NOT NULL THEN
        account_id := btrim(account_id);
        -- an Azure subscription id is a UUID, in any case: stored in lower case
        IF account_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
            account_id := lower(account_id);
        END IF;
        acct_of := CASE WHEN account_id ~ '^[0-9]{12}$' THEN 'aws'
                        WHEN account_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN 'azure'
                        WHEN account_id ~ '^[a-z][a-z0-9-]{4,28}[a-z0-9]$' THEN 'gcp' END;
        IF acct_of IS NULL OR (acct_of <> provider AND provider = 'aws' AND acct_of = 'gcp') THEN
            CASE provider
            WHEN 'aws' THEN
                RAISE EXCEPTION 'invalid AWS account id "%"', account_id
                    USING ERRCODE = 'invalid_parameter_value', HINT = 'An AWS account id is 12 digits.';
            WHEN 'azure' THEN
                RAISE EXCEPTION 'invalid Azure subscription id "%"', account_id
                    USING ERRCODE = 'invalid_parameter_value',
                          HINT = 'An Azure subscription id is a UUID, e.g. 00000000-0000-0000-0000-000000000000.';
            ELSE
                RAISE EXCEPTION 'invalid Google Cloud project id "%"', account_id
                    USING ERRCODE = 'invalid_parameter_value',
                          HINT = 'A Google Cloud project id is 6 to 30 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen.';
            END CASE;
        END IF;
        IF acct_of <> provider THEN
            RAISE EXCEPTION 'account "%" of % is %, not %', account_id, kind, acct_words ->> acct_of, acct_words ->> provider
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = format('Set provider to ''%s'' for a scope of %s.', acct_of, names ->> acct_of);
        END IF;
    END IF;
    IF asset IS NOT NULL THEN
        asset := btrim(asset);
        SELECT x.form, x.provider, x.service_namespace, x.account_id INTO r FROM srm.resolve_asset(asset) x;
        IF provider = 'aws' AND r.form IS DISTINCT FROM 'arn' AND r.form IN ('arm-id', 'gcp-resource-name') THEN
            RAISE EXCEPTION 'asset "%" of % is %, not %', asset, kind,
                            asset_words ->> CASE r.form WHEN 'arm-id' THEN 'azure' ELSE 'gcp' END, asset_words ->> provider
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = format('Set provider to ''%s'' for a scope of %s.',
                                    CASE r.form WHEN 'arm-id' THEN 'azure' ELSE 'gcp' END,
                                    names ->> CASE r.form WHEN 'arm-id' THEN 'azure' ELSE 'gcp' END);
        END IF;
        IF provider = 'aws' AND asset !~ '^arn:' THEN
            -- 0.5.0's message
            RAISE EXCEPTION '%''s asset must be an ARN, not "%"', kind, asset
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Write the asset''s ARN, e.g. arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0.';
        END IF;
        IF provider = 'azure' THEN
            IF r.form IS DISTINCT FROM 'arm-id' THEN
                RAISE EXCEPTION '%''s asset must be an Azure Resource Manager id, not "%"', kind, asset
                    USING ERRCODE = 'invalid_parameter_value',
                          HINT = 'Write the resource''s id, e.g. /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1.';
            END IF;
            IF srm_internal.arm_type(asset) IS NULL THEN
                PERFORM srm_internal.raise_unknown_asset(asset, 'arm-id', 'service');
            END IF;
            -- resource ids are case-insensitive: srm.asset holds them in lower case
            asset := lower(asset);
        END IF;
        IF provider = 'gcp' THEN
            IF r.form IS DISTINCT FROM 'gcp-resource-name' THEN
                RAISE EXCEPTION '%''s asset must be a Google Cloud full resource name, not "%"', kind, asset
                    USING ERRCODE = 'invalid_parameter_value',
                          HINT = 'Write the resource''s full resource name, e.g. //compute.googleapis.com/projects/my-project/zones/us-central1-a/instances/vm-1.';
            END IF;
            IF asset !~ '^//[a-z0-9-]+(\.[a-z0-9-]+)*\.googleapis\.com/[^/]+(/[^/]+)*$' THEN
                PERFORM srm_internal.raise_unknown_asset(asset, 'gcp-resource-name', 'service');
            END IF;
        END IF;
        IF provider <> 'aws' AND r.service_namespace IS NULL THEN
            PERFORM srm_internal.raise_unknown_asset(asset, r.form, 'service');
        END IF;
        IF provider <> 'aws' AND account_id IS NOT NULL AND r.account_id IS NOT NULL AND r.account_id <> account_id THEN
            RAISE EXCEPTION 'asset "%" of % is not in account "%"', asset, kind, account_id
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('Its %s is "%s".', CASE provider WHEN 'azure' THEN 'subscription' ELSE 'project' END, r.account_id),
                      HINT = 'Leave account_id empty for a scope of one asset, or name the asset''s own.';
        END IF;
    END IF;
    IF service_namespace IS NOT NULL THEN
        service_namespace := coalesce(
            (SELECT s.service_namespace FROM srm.service s
             WHERE s.provider = scope_checked.provider AND s.service_namespace = lower(btrim(scope_checked.service_namespace))),
            srm_internal.service_named(service_namespace));
        IF NOT EXISTS (SELECT FROM srm.service s
                       WHERE s.provider = scope_checked.provider AND s.service_namespace = scope_checked.service_namespace) THEN
            RAISE EXCEPTION 'service "%" of % is not a service of %', service_namespace, kind, names ->> provider
                USING ERRCODE = 'undefined_object',
                      HINT = format('It is %s''s. Set provider to its provider, or name a service of %s (srm.service where provider = %L).',
                                    (SELECT string_agg(names ->> s.provider, ', ' ORDER BY s.provider) FROM srm.service s
                                     WHERE s.service_namespace = scope_checked.service_namespace),
                                    names ->> provider, provider);
        END IF;
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.scope_checked(text, text, text, text, text) IS
    'checks and normalises the scope of a control status or an override (kind) as written: a known provider; an account id of that provider (AWS 12 digits, Azure subscription UUID put in lower case, Google Cloud project id); an asset identifier of that provider (ARN, Azure Resource Manager id put in lower case, Google Cloud full resource name) that srm places; a service of that provider; clear errors (22023, 42704) otherwise';

-- statuses name controls and services the way people write them
CREATE OR REPLACE FUNCTION srm_internal.control_status_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    c record;
BEGIN
    IF NEW.status IS NULL OR NEW.status NOT IN ('implemented', 'partial', 'planned', 'alternative', 'not-applicable') THEN
        RAISE EXCEPTION 'unknown implementation status "%"', NEW.status
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'OSCAL implementation-status words: implemented, partial, planned, alternative, not-applicable.';
    END IF;
    IF NEW.account_id IS NULL AND NEW.service_namespace IS NULL AND NEW.asset IS NULL THEN
        RAISE EXCEPTION 'a control status needs a scope'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Set account_id, service_namespace (optionally with account_id) or asset (an ARN, an Azure Resource Manager id or a Google Cloud full resource name).';
    END IF;
    -- the scope, of the status's provider (an Azure subscription or
    -- resource id in lower case)
    SELECT x.account_id, x.asset, x.service_namespace INTO NEW.account_id, NEW.asset, NEW.service_namespace
    FROM srm_internal.scope_checked('a control status', NEW.provider, NEW.account_id, NEW.asset, NEW.service_namespace) x;
    SELECT * INTO c FROM srm.resolve_control(NEW.framework_id || ':' || NEW.control_id);
    IF c.control_id IS NULL THEN
        PERFORM srm_internal.raise_unknown_control(NEW.control_id);
    END IF;
    NEW.control_id := c.control_id;
    IF NEW.status IN ('implemented', 'alternative', 'not-applicable')
       AND coalesce(NEW.evidence, '') !~ '\S' AND NEW.evidence_url IS NULL THEN
        RAISE EXCEPTION 'status "%" of % needs evidence', NEW.status, c.label
            USING ERRCODE = 'not_null_violation',
                  HINT = 'Give evidence (text) or evidence_url (a link to the artefact).';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm_internal.control_status_check() IS 'checks and normalizes a control status as it is written';
CREATE OR REPLACE TRIGGER control_status_check BEFORE INSERT OR UPDATE ON srm.control_status
    FOR EACH ROW EXECUTE FUNCTION srm_internal.control_status_check();

-------------------------------------------------------------------- install/code/provenance.sql
-- install/code/provenance.sql (code part): the provenance of control
-- statuses (who set a status and when, as the server saw it) and their
-- append-only history.

-- whether this session restores statuses as they were (a dump): the setting
-- srm.keep_provenance = on, honoured for a superuser's session only
CREATE OR REPLACE FUNCTION srm_internal.keeping_provenance()
RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT coalesce(nullif(current_setting('srm.keep_provenance', true), '')::boolean, false) THEN
        RETURN false;
    END IF;
    IF NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user) THEN
        RAISE EXCEPTION 'srm.keep_provenance is for a superuser restoring a dump'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = format('Role %I is not a superuser; its statuses record it as their author and the server''s time.', session_user),
                  HINT = 'RESET srm.keep_provenance.';
    END IF;
    RETURN true;
END
$$;
COMMENT ON FUNCTION srm_internal.keeping_provenance() IS
    'whether the session keeps statuses'' assessed_by, assessed_at and backdate_reason as written and records no history (setting srm.keep_provenance = on, for restoring a dump; an error for a role that is not a superuser)';

-- who and when, as the server sees it
CREATE OR REPLACE FUNCTION srm_internal.control_status_provenance()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF srm_internal.keeping_provenance() THEN
        RETURN NEW;
    END IF;
    NEW.assessed_by := session_user;
    -- an update that leaves the time alone is a new assessment, now
    IF TG_OP = 'UPDATE' AND NEW.assessed_at IS NOT DISTINCT FROM OLD.assessed_at THEN
        NEW.assessed_at := now();
        NEW.backdate_reason := NULL;
        RETURN NEW;
    END IF;
    NEW.assessed_at := coalesce(NEW.assessed_at, now());
    IF NEW.assessed_at > clock_timestamp() THEN
        RAISE EXCEPTION 'a control status cannot be assessed in the future (%)', NEW.assessed_at
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('The server''s time is %s.', clock_timestamp()),
                  HINT = 'Leave assessed_at out: it is the server''s time of the write.';
    END IF;
    IF NEW.assessed_at < now() THEN
        IF coalesce(NEW.backdate_reason, '') !~ '\S' THEN
            RAISE EXCEPTION 'a back-dated control status needs a reason'
                USING ERRCODE = 'not_null_violation',
                      DETAIL = format('assessed_at %s lies before the server''s time %s.', NEW.assessed_at, now()),
                      HINT = 'Say why in backdate_reason, or leave assessed_at out (the server''s time). Restoring a dump? A superuser sets srm.keep_provenance = on.';
        END IF;
    ELSE
        NEW.backdate_reason := NULL;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm_internal.control_status_provenance() IS
    'sets a control status''s assessed_by to the session''s login role and assessed_at to the server''s time unless back-dated with a reason; refuses a future time';
CREATE OR REPLACE TRIGGER control_status_provenance BEFORE INSERT OR UPDATE ON srm.control_status
    FOR EACH ROW EXECUTE FUNCTION srm_internal.control_status_provenance();

-- every change, into the history (as the owner: no role can write the
-- history directly)
CREATE OR REPLACE FUNCTION srm_internal.control_status_log()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF srm_internal.keeping_provenance() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO srm.control_status_history (status_id, operation, changed_by, changed_at, old_row)
        SELECT s.status_id, 'truncate', session_user, now(), to_jsonb(s)
        FROM srm.control_status s ORDER BY s.status_id;
    ELSE
        INSERT INTO srm.control_status_history (status_id, operation, changed_by, changed_at, old_row, new_row)
        VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.status_id ELSE NEW.status_id END, lower(TG_OP), session_user, now(),
                CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
                CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION srm_internal.control_status_log() IS
    'appends every insert, update and delete of a control status (and the statuses a TRUNCATE removes) to srm.control_status_history';
REVOKE EXECUTE ON FUNCTION srm_internal.control_status_log() FROM PUBLIC;
CREATE OR REPLACE TRIGGER control_status_log AFTER INSERT OR UPDATE OR DELETE ON srm.control_status
    FOR EACH ROW EXECUTE FUNCTION srm_internal.control_status_log();
CREATE OR REPLACE TRIGGER control_status_log_truncate BEFORE TRUNCATE ON srm.control_status
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.control_status_log();

-- the history is append-only, for its owner too
CREATE OR REPLACE FUNCTION srm_internal.control_status_history_append_only()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'srm.control_status_history is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'The history of statuses is never changed. To prune it deliberately, the table''s owner disables its triggers first (ALTER TABLE srm.control_status_history DISABLE TRIGGER USER) and enables them again after.';
END
$$;
COMMENT ON FUNCTION srm_internal.control_status_history_append_only() IS
    'refuses every UPDATE, DELETE and TRUNCATE of srm.control_status_history';
CREATE OR REPLACE TRIGGER control_status_history_append_only BEFORE UPDATE OR DELETE ON srm.control_status_history
    FOR EACH ROW EXECUTE FUNCTION srm_internal.control_status_history_append_only();
CREATE OR REPLACE TRIGGER control_status_history_append_only_truncate BEFORE TRUNCATE ON srm.control_status_history
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.control_status_history_append_only();

-- an override's author and time, as the server sees them (since 0.5.0): set
-- when it is written, kept by an update; restored as dumped with
-- srm.keep_provenance = on
CREATE OR REPLACE FUNCTION srm_internal.override_provenance()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF srm_internal.keeping_provenance() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := session_user;
        NEW.created_at := now();
    ELSE
        NEW.created_by := OLD.created_by;
        NEW.created_at := OLD.created_at;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm_internal.override_provenance() IS
    'sets an override''s created_by to the session''s login role and created_at to the server''s time when it is inserted, and keeps both through updates (unless srm.keep_provenance restores a dump)';
CREATE OR REPLACE TRIGGER override_provenance BEFORE INSERT OR UPDATE ON srm.override
    FOR EACH ROW EXECUTE FUNCTION srm_internal.override_provenance();

-------------------------------------------------------------------- install/code/references.sql
-- install/code/references.sql (code part): how the user's rows refer to the shipped model.
--
-- A code part of the install script (functions, views, triggers only).
-- User rows (overrides, statuses, attestations, audit runs, assets) name
-- model rows by their natural keys (framework, control, family, service,
-- resource type), checked by triggers as they are written, not held by
-- foreign keys: an upgrade reloads the shipped rows in place, and a user
-- row whose model row a new version removes is kept and reported here,
-- never dropped.

CREATE OR REPLACE VIEW srm.unresolved_reference WITH (security_invoker = true) AS
SELECT 'srm.override'::text AS table_name, o.override_id::text AS row_key,
       'framework'::text AS refers_to, o.framework_id AS missing
FROM srm.override o
WHERE NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = o.framework_id)
UNION ALL
SELECT 'srm.override', o.override_id::text, 'control', o.framework_id || ' ' || o.control_id
FROM srm.override o
WHERE o.control_id IS NOT NULL
  AND NOT EXISTS (SELECT FROM srm.control c WHERE c.framework_id = o.framework_id AND c.control_id = o.control_id)
UNION ALL
SELECT 'srm.override', o.override_id::text, 'family', o.framework_id || ' ' || o.family_id
FROM srm.override o
WHERE o.family_id IS NOT NULL
  AND NOT EXISTS (SELECT FROM srm.control c WHERE c.framework_id = o.framework_id AND c.family_id = o.family_id)
UNION ALL
SELECT 'srm.override', o.override_id::text, 'service', o.provider || ' ' || o.service_namespace
FROM srm.override o
WHERE o.service_namespace IS NOT NULL
  AND NOT EXISTS (SELECT FROM srm.service s WHERE s.provider = o.provider AND s.service_namespace = o.service_namespace)
UNION ALL
SELECT 'srm.control_status', s.status_id::text, 'control', s.framework_id || ' ' || s.control_id
FROM srm.control_status s
WHERE NOT EXISTS (SELECT FROM srm.control c WHERE c.framework_id = s.framework_id AND c.control_id = s.control_id)
UNION ALL
SELECT 'srm.control_status', s.status_id::text, 'service', s.provider || ' ' || s.service_namespace
FROM srm.control_status s
WHERE s.service_namespace IS NOT NULL
  AND NOT EXISTS (SELECT FROM srm.service v WHERE v.provider = s.provider AND v.service_namespace = s.service_namespace)
UNION ALL
SELECT 'srm.attestation', a.provider || ' ' || a.framework_id || ' ' || a.name, 'framework', a.framework_id
FROM srm.attestation a
WHERE NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = a.framework_id)
UNION ALL
SELECT 'srm.audit_run', r.run_id::text, 'framework', r.framework_id
FROM srm.audit_run r
WHERE NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = r.framework_id)
UNION ALL
SELECT 'srm.asset', a.asset_id::text, 'resource type', a.resource_type
FROM srm.asset a
WHERE a.known_type
  AND NOT EXISTS (SELECT FROM srm.resource_type t WHERE t.resource_type = a.resource_type);
COMMENT ON VIEW srm.unresolved_reference IS
    'user rows (overrides, statuses, attestations, audit runs, assets) whose natural-key reference to a model row (framework, control, family, service, resource type) no longer resolves, because an upgrade removed that model row; such rows are kept, not applied, and listed here';

-- Run at the end of every upgrade script: one WARNING per kind of
-- reference that no longer resolves, naming the first rows.
CREATE OR REPLACE FUNCTION srm_internal.report_unresolved_references(version text)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r record;
    total bigint := 0;
BEGIN
    FOR r IN
        SELECT u.table_name, u.refers_to, count(*) AS n,
               string_agg(u.row_key || ' (' || u.missing || ')', ', ' ORDER BY u.row_key) FILTER (WHERE u.rank <= 5) AS first
        FROM (SELECT x.*, row_number() OVER (PARTITION BY x.table_name, x.refers_to ORDER BY x.row_key) AS rank
              FROM srm.unresolved_reference x) u
        GROUP BY u.table_name, u.refers_to
        ORDER BY u.table_name, u.refers_to
    LOOP
        total := total + r.n;
        RAISE WARNING 'srm %: % row(s) of % refer to a % that this version no longer ships: %',
            version, r.n, r.table_name, r.refers_to, r.first || CASE WHEN r.n > 5 THEN ', ...' ELSE '' END
            USING DETAIL = 'The rows are kept as they are; they no longer apply to any answer or audit.',
                  HINT = 'SELECT * FROM srm.unresolved_reference lists every such row; update or delete them.';
    END LOOP;
    RETURN total;
END
$$;
COMMENT ON FUNCTION srm_internal.report_unresolved_references(text) IS
    'raises a WARNING per table and kind of model row that user rows refer to but the model no longer has; returns how many rows';

-- attestations name their framework by id, checked as they are written
CREATE OR REPLACE FUNCTION srm_internal.attestation_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = NEW.framework_id) THEN
        PERFORM srm_internal.raise_unknown_framework(NEW.framework_id);
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm_internal.attestation_check() IS 'checks that an attestation names a known framework';
CREATE OR REPLACE TRIGGER attestation_check BEFORE INSERT OR UPDATE ON srm.attestation
    FOR EACH ROW EXECUTE FUNCTION srm_internal.attestation_check();

GRANT SELECT ON srm.unresolved_reference TO PUBLIC;

-------------------------------------------------------------------- install/code/inventory.sql
-- install/code/inventory.sql (code part): the loader of AWS Config
-- snapshots into srm.asset.

-------------------------------------------------------------------------------
-- Loading AWS Config snapshots
-------------------------------------------------------------------------------

-- the snapshot's shape: an object with an array of items; an error if
-- not.  What is wrong with one item rejects that item only (see
-- srm_internal.config_items_merge).
CREATE OR REPLACE FUNCTION srm_internal.config_snapshot_check(snapshot jsonb)
RETURNS void
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    items jsonb;
BEGIN
    IF jsonb_typeof(snapshot) <> 'object' THEN
        RAISE EXCEPTION 'an AWS Config snapshot is a JSON object, not a %', jsonb_typeof(snapshot)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Pass the whole snapshot file: {"fileVersion": ..., "configurationItems": [...]}, or load any shape with srm-load.';
    END IF;
    IF NOT snapshot ? 'configurationItems' THEN
        RAISE EXCEPTION 'the snapshot has no "configurationItems" key'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Its keys are: %s.', (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(snapshot) k)),
                  HINT = 'AWS Config snapshot files hold their items in "configurationItems".';
    END IF;
    items := snapshot -> 'configurationItems';
    IF jsonb_typeof(items) <> 'array' THEN
        RAISE EXCEPTION '"configurationItems" is a %, not an array', jsonb_typeof(items)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.config_snapshot_check(jsonb) IS
    'checks the shape of an AWS Config snapshot for srm.load_config_snapshot: an object whose configurationItems is an array; raises invalid_parameter_value (22023) otherwise (a bad item is rejected, not an error)';

-- an AWS Config capture time: ISO 8601 (a time without a zone is UTC) or
-- epoch seconds; null for anything else
CREATE OR REPLACE FUNCTION srm_internal.capture_time(value text)
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'srm_capture_time'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm_internal.capture_time(text) IS
    'an AWS Config capture time read as ISO 8601 (YYYY-MM-DDThh:mm[:ss[.f]] with Z, an offset or no zone, which is UTC) or as epoch seconds (1696147201.5); null when it is neither or out of range (years 1-9999, every field in range)';

-- srm-load, once per connection: the backend keeps one batch's memory for
-- the next instead of handing it back to the kernel and faulting it in
-- again (glibc's malloc thresholds, for this process only; src/loader.c)
CREATE OR REPLACE FUNCTION srm_internal.load_memory()
RETURNS boolean
AS 'MODULE_PATHNAME', 'srm_load_memory'
LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION srm_internal.load_memory() IS
    'for the rest of the session, lets the backend keep the memory of one load batch for the next: glibc malloc''s mmap threshold 32 MB and trim threshold 64 MB, for this backend only (srm-load calls it on each connection); true when set, false where the C library is not glibc';

-- an AWS Config item read in one pass over its top-level keys: the rules
-- of the merge that need nothing but the item (key types, required keys,
-- account, region, lengths, capture time, ARN shape and partition) give
-- the reason it is rejected, or its fields as the merge stores them
CREATE OR REPLACE FUNCTION srm_internal.config_item_read(item jsonb,
    OUT reason text, OUT resource_type text, OUT resource_id text, OUT resource_name text, OUT arn text,
    OUT account_id text, OUT region text, OUT time_text text, OUT captured_at timestamptz, OUT arn_ok boolean,
    OUT item_status text, OUT tags jsonb, OUT configuration jsonb, OUT supplementary_configuration jsonb)
RETURNS record
AS 'MODULE_PATHNAME', 'srm_config_item_read'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm_internal.config_item_read(jsonb) IS
    'an AWS Config item for the merge: the reason a rule of the item alone rejects it (every other column null), or its fields: resource type and ARN trimmed (an empty ARN null), account from awsAccountId or accountId, region trimmed in lower case, the capture time read, arn_ok true for an ARN of the right shape, tags, configuration and supplementaryConfiguration as given';

-- JSON text as jsonb, null if it is not JSON (the Config API writes an
-- item's configuration, and select-resource-config whole items, as JSON
-- strings); the exception block runs only for those strings
CREATE OR REPLACE FUNCTION srm_internal.json_or_null(value text)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN value::jsonb;
EXCEPTION WHEN data_exception THEN
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION srm_internal.json_or_null(text) IS
    'text parsed as JSON, or null when it is not JSON';

-- the work tables of a load, in the session: srm_load_item holds one batch
-- of items as read (idx: the item's index in its file, from 0; reason: set
-- when the item was rejected before it could be read), srm_load_raw the
-- same as text for srm-load's COPY, srm_load_type the resource types
-- resolved by the batches of load load_id so far (config_items_merge)
CREATE OR REPLACE FUNCTION srm_internal.config_load_tables()
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF to_regclass('pg_temp.srm_load_item') IS NULL THEN
        CREATE TEMPORARY TABLE srm_load_raw (idx integer NOT NULL, item text NOT NULL, reason text);
        CREATE TEMPORARY TABLE srm_load_item (idx integer NOT NULL, item jsonb NOT NULL, reason text);
    END IF;
    IF to_regclass('pg_temp.srm_load_type') IS NULL THEN
        CREATE TEMPORARY TABLE srm_load_type (load_id bigint NOT NULL, given text NOT NULL, resource_type text,
                                              service_namespace text, arn_namespaces text[]);
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.config_load_tables() IS
    'creates the session''s work tables of a load (srm_load_raw, srm_load_item, srm_load_type) unless they exist';

-- one batch of items, from pg_temp.srm_load_item, into srm.asset for load
-- lid, with the rules of every load (srm.load_config_snapshot and srm-load
-- run this one function):
--   * an item is rejected, with its reason in srm.asset_load_rejection,
--     never the batch: not an object, a key of the wrong JSON type, a
--     missing or malformed resource type, id, account or region, an
--     identifier too long to index, a capture time that is not ISO 8601 or
--     epoch seconds, a malformed ARN, an unknown partition, an ARN whose
--     service contradicts the resource type, a deleted resource, an older
--     capture than the one loaded or than another item of the batch;
--   * resource types are spelled as srm knows them (aws::ec2::instance is
--     AWS::EC2::Instance), regions in lower case without blanks, a region
--     "Not Applicable" is the ARN's region (global when it names none);
--     the service is the resource type's, for a type srm does not know the
--     one its namespace or, failing that, its ARN names;
--   * tags given as [{"key", "value"}] pairs become an object, a
--     configuration given as a JSON string its JSON;
--   * assets are written in the order of their key, so that loads running
--     at the same time take their row locks in one order and never
--     deadlock.
-- Adds the batch's counts to srm.asset_load.
CREATE OR REPLACE FUNCTION srm_internal.config_items_merge(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
-- a batch's plan is costed high on tables without statistics; compiling
-- its long expressions with LLVM takes seconds that the batch itself does not
SET jit = off
-- a batch of 10,000 items (about 10 MB) sorted and kept in memory
SET work_mem = '64MB'
-- the tables of a batch have no statistics: the planner would sort the
-- batch's rows again for each merge join of an item with its resource's
-- newest capture and written row; hash joins read them once
SET enable_mergejoin = off
AS $$
DECLARE
    n record;
    batch_accounts text[];
BEGIN
    PERFORM srm_internal.config_load_tables();

    -- select-resource-config returns items as JSON strings
    UPDATE pg_temp.srm_load_item i SET item = j
    FROM (SELECT idx, srm_internal.json_or_null(item #>> '{}') AS j
          FROM pg_temp.srm_load_item WHERE jsonb_typeof(item) = 'string') s
    WHERE i.idx = s.idx AND s.j IS NOT NULL;

    -- a team member loads its teams' accounts only (install/code/teams.sql):
    -- refused before anything of the batch is written
    batch_accounts := srm_internal.team_load_accounts();

    -- the types resolved for another load are resolved again
    DELETE FROM pg_temp.srm_load_type WHERE load_id <> lid;

    -- one statement: every item checked and read (v), the newest capture of
    -- each resource (w), written in the order of the key (written), each
    -- item's outcome (o), the rejections recorded, the counts
    WITH f AS MATERIALIZED (
        -- each item read once, in one pass over its keys, with the rules
        -- that need nothing but the item (srm_internal.config_item_read)
        SELECT i.idx, i.ctid AS item_tid, coalesce(i.reason, r.reason) AS reason, r.resource_type, r.resource_id, r.resource_name,
               r.arn, r.account_id, r.region, r.captured_at, r.arn_ok, r.item_status, r.tags AS j_tags,
               r.configuration AS j_configuration, r.supplementary_configuration AS j_supplementary
        FROM pg_temp.srm_load_item i
        CROSS JOIN LATERAL srm_internal.config_item_read(i.item) r),
    -- the resource types of the batch that no earlier batch of the load
    -- had, each resolved once, and kept for the batches that follow
    t_new AS MATERIALIZED (
        SELECT d.given, r.resource_type, r.service_namespace,
               ARRAY(SELECT p.arn_namespace FROM srm.arn_pattern p WHERE p.resource_type = r.resource_type) AS arn_namespaces
        -- (the batch's distinct types first, then those not kept: a check
        -- per type, not per item; OFFSET 0 keeps the planner from moving
        -- the check under the DISTINCT, into a loop over the items)
        FROM (SELECT DISTINCT f.resource_type AS given FROM f WHERE f.reason IS NULL OFFSET 0) d
        CROSS JOIN LATERAL srm.resolve_asset(d.given) r
        WHERE NOT EXISTS (SELECT FROM pg_temp.srm_load_type c WHERE c.given = d.given AND c.load_id = lid)),
    t_kept AS (
        INSERT INTO pg_temp.srm_load_type (load_id, given, resource_type, service_namespace, arn_namespaces)
        SELECT lid, given, resource_type, service_namespace, arn_namespaces FROM t_new),
    v AS MATERIALIZED (
        SELECT f.idx, f.item_tid, f.account_id,
               CASE WHEN f.region = 'not applicable' THEN coalesce(nullif(split_part(f.arn, ':', 4), ''), 'global') ELSE f.region END AS region,
               coalesce(t.resource_type, f.resource_type) AS resource_type, f.resource_id, f.resource_name, f.arn,
               coalesce(t.service_namespace, ia.service_namespace) AS service_namespace,
               t.resource_type IS NOT NULL AS known_type,
               CASE jsonb_typeof(f.j_tags)
                   WHEN 'object' THEN f.j_tags
                   WHEN 'array' THEN (SELECT coalesce(jsonb_object_agg(coalesce(e ->> 'key', e ->> 'Key'),
                                                                       coalesce(e -> 'value', e -> 'Value', 'null')), '{}')
                                      FROM jsonb_array_elements(f.j_tags) e
                                      WHERE coalesce(e ->> 'key', e ->> 'Key') IS NOT NULL)
                   ELSE '{}' END AS tags,
               CASE WHEN jsonb_typeof(f.j_configuration) = 'string'
                    THEN coalesce(srm_internal.json_or_null(f.j_configuration #>> '{}'), f.j_configuration)
                    ELSE f.j_configuration END AS configuration,
               f.j_supplementary AS supplementary_configuration, f.item_status, f.captured_at,
               coalesce(f.reason,
                   CASE
                       WHEN t.resource_type IS NOT NULL AND f.arn IS NOT NULL AND ia.service_namespace IS NOT NULL
                            AND ia.service_namespace <> t.service_namespace AND NOT split_part(f.arn, ':', 3) = ANY (t.arn_namespaces)
                           THEN format('ARN "%s" is of service %s, not of %s''s service %s', left(f.arn, 100),
                                       ia.service_namespace, t.resource_type, t.service_namespace)
                       WHEN f.item_status IN ('ResourceDeleted', 'ResourceDeletedNotRecorded')
                           THEN format('the resource is deleted (configurationItemStatus %s)', f.item_status)
                   END) AS reason
        FROM f
        -- the resource types of the batch, resolved (the statement does
        -- not see t_kept's rows)
        LEFT JOIN (SELECT given, resource_type, service_namespace, arn_namespaces FROM t_new
                   UNION ALL
                   SELECT given, resource_type, service_namespace, arn_namespaces FROM pg_temp.srm_load_type
                   WHERE load_id = lid) t
               ON t.given = f.resource_type
        -- the service the ARN names
        LEFT JOIN srm.identifier ia ON ia.form = 'service' AND f.arn_ok AND ia.key = split_part(f.arn, ':', 3)),
    -- of the items that are not rejected, the newest capture of each resource
    w AS MATERIALIZED (
        SELECT DISTINCT ON (account_id, region, resource_type, resource_id)
               idx, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace, known_type,
               tags, configuration, supplementary_configuration, item_status, captured_at
        FROM v WHERE reason IS NULL
        ORDER BY account_id, region, resource_type, resource_id, captured_at DESC NULLS LAST, idx DESC),
    -- in the order of the key; an older capture than the one loaded does
    -- not replace it
    written AS (
        INSERT INTO srm.asset AS a
            (provider, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace,
             known_type, tags, configuration, supplementary_configuration, item_status, captured_at, load_id)
        SELECT 'aws', w.account_id, w.region, w.resource_type, w.resource_id, w.resource_name, w.arn,
               w.service_namespace, w.known_type, w.tags, w.configuration, w.supplementary_configuration,
               w.item_status, w.captured_at, lid
        FROM w
        ORDER BY w.account_id, w.region, w.resource_type, w.resource_id
        ON CONFLICT (provider, account_id, region, resource_type, resource_id) DO UPDATE
        SET resource_name = excluded.resource_name, arn = excluded.arn,
            service_namespace = excluded.service_namespace, known_type = excluded.known_type,
            tags = excluded.tags, configuration = excluded.configuration,
            supplementary_configuration = excluded.supplementary_configuration, item_status = excluded.item_status,
            captured_at = excluded.captured_at, load_id = excluded.load_id, last_loaded_at = now()
        WHERE a.captured_at IS NULL OR excluded.captured_at IS NULL OR excluded.captured_at >= a.captured_at
        RETURNING a.account_id, a.region, a.resource_type, a.resource_id, (a.xmax = 0) AS inserted),
    o AS MATERIALIZED (
        SELECT v.idx, v.item_tid, v.known_type, x.inserted,
               CASE WHEN v.reason IS NOT NULL THEN v.reason
                    WHEN w.idx <> v.idx
                        THEN format('superseded by configurationItems[%s], a newer capture of the same resource', w.idx)
                    WHEN x.resource_id IS NULL THEN 'older than the capture already loaded for this resource'
               END AS reason
        FROM v
        LEFT JOIN w ON v.reason IS NULL AND w.account_id = v.account_id AND w.region = v.region
                   AND w.resource_type = v.resource_type AND w.resource_id = v.resource_id
        LEFT JOIN written x ON v.reason IS NULL AND w.idx = v.idx AND x.account_id = v.account_id AND x.region = v.region
                           AND x.resource_type = v.resource_type AND x.resource_id = v.resource_id),
    rejected AS (
        INSERT INTO srm.asset_load_rejection (load_id, item_index, reason, item)
        -- the item as staged, fetched by its row's address for the
        -- rejected ones only (the statement does not change the table)
        SELECT lid, o.idx, o.reason, (SELECT i.item FROM pg_temp.srm_load_item i WHERE i.ctid = o.item_tid)
        FROM o WHERE o.reason IS NOT NULL)
    SELECT count(*) AS n_read, count(*) FILTER (WHERE reason IS NULL AND inserted) AS n_inserted,
           count(*) FILTER (WHERE reason IS NULL AND NOT inserted) AS n_updated,
           count(*) FILTER (WHERE reason IS NOT NULL) AS n_rejected,
           count(*) FILTER (WHERE reason IS NULL AND NOT known_type) AS n_unknown
    INTO n
    FROM o;

    UPDATE srm.asset_load
    SET items_read = items_read + n.n_read, assets_inserted = assets_inserted + n.n_inserted,
        assets_updated = assets_updated + n.n_updated, items_rejected = items_rejected + n.n_rejected,
        unknown_types = unknown_types + n.n_unknown,
        accounts = (SELECT coalesce(array_agg(DISTINCT a ORDER BY a), '{}') FROM unnest(accounts || batch_accounts) AS a)
    WHERE load_id = lid;
    TRUNCATE pg_temp.srm_load_item;
END
$$;
COMMENT ON FUNCTION srm_internal.config_items_merge(bigint) IS
    'writes one batch of AWS Config items (the session''s table srm_load_item) into srm.asset for load lid with the rules of every load: bad items rejected with their reason, types and regions normalised, assets written in key order (no deadlock between loads), counts added to srm.asset_load';

-- srm-load, once per file: a load row (its counts filled batch by batch)
CREATE OR REPLACE FUNCTION srm_internal.config_load_begin(source text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    lid bigint;
BEGIN
    PERFORM srm_internal.config_load_tables();
    TRUNCATE pg_temp.srm_load_raw;
    INSERT INTO srm.asset_load (source, items_read, assets_inserted, assets_updated, items_rejected, unknown_types)
    VALUES (source, 0, 0, 0, 0, 0)
    RETURNING load_id INTO lid;
    RETURN lid;
END
$$;
COMMENT ON FUNCTION srm_internal.config_load_begin(text) IS
    'srm-load: starts the load of one file (a row of srm.asset_load with zero counts) and readies the session''s work tables; returns the load id';

-- srm-load, once per batch of any provider: the items COPYed into
-- srm_load_raw read as JSON into srm_load_item, set-based; only a batch
-- that holds an item that is not JSON is read again one item at a time, and
-- that item is staged with its reason (the parser's message) to be
-- rejected, alone, by the merge
CREATE OR REPLACE FUNCTION srm_internal.load_raw_items()
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r record;
BEGIN
    BEGIN
        INSERT INTO pg_temp.srm_load_item (idx, item, reason)
        SELECT idx, CASE WHEN reason IS NULL THEN item::jsonb ELSE to_jsonb(left(item, 4096)) END, reason
        FROM pg_temp.srm_load_raw;
    EXCEPTION WHEN data_exception THEN
        -- one item at a time, only for a batch that holds one not JSON
        FOR r IN SELECT idx, item, reason FROM pg_temp.srm_load_raw LOOP
            BEGIN
                INSERT INTO pg_temp.srm_load_item (idx, item, reason)
                VALUES (r.idx, CASE WHEN r.reason IS NULL THEN r.item::jsonb ELSE to_jsonb(left(r.item, 4096)) END, r.reason);
            EXCEPTION WHEN data_exception THEN
                INSERT INTO pg_temp.srm_load_item (idx, item, reason)
                VALUES (r.idx, to_jsonb(left(r.item, 4096)), 'not JSON: ' || SQLERRM);
            END;
        END LOOP;
    END;
    TRUNCATE pg_temp.srm_load_raw;
END
$$;
COMMENT ON FUNCTION srm_internal.load_raw_items() IS
    'srm-load: reads the batch COPYed into the session''s table srm_load_raw as JSON into srm_load_item (an item that is not JSON is staged with the parser''s message as its reason and its first 4 kB as a string) and empties srm_load_raw';

-- srm-load, once per batch: the items COPYed into srm_load_raw, read as
-- JSON (an item that is not JSON is rejected, alone) and merged
CREATE OR REPLACE FUNCTION srm_internal.config_load_batch(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM srm_internal.load_raw_items();
    PERFORM srm_internal.config_items_merge(lid);
END
$$;
COMMENT ON FUNCTION srm_internal.config_load_batch(bigint) IS
    'srm-load: reads the batch COPYed into the session''s table srm_load_raw as JSON (an item that is not JSON is rejected with the parser''s message, the first 4 kB kept as a string) and merges it into srm.asset for load lid';

-- srm-load, once per file: the file's version and snapshot id, the counts
CREATE OR REPLACE FUNCTION srm_internal.config_load_end(lid bigint, file_version text, snapshot_id text)
RETURNS SETOF srm.asset_load
LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
UPDATE srm.asset_load SET file_version = config_load_end.file_version, snapshot_id = config_load_end.snapshot_id
WHERE load_id = config_load_end.lid
RETURNING *;
END;
COMMENT ON FUNCTION srm_internal.config_load_end(bigint, text, text) IS
    'srm-load: ends the load of one file, recording its fileVersion and configSnapshotId; returns its srm.asset_load row';

CREATE OR REPLACE FUNCTION srm.load_config_snapshot(snapshot jsonb, source text DEFAULT 'AWS Config snapshot')
RETURNS integer
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    lid bigint;
    n_read integer;
    n_inserted integer;
    n_updated integer;
    n_rejected integer;
    n_unknown integer;
BEGIN
    PERFORM srm_internal.config_snapshot_check(snapshot);

    INSERT INTO srm.asset_load (source, file_version, snapshot_id, items_read, assets_inserted,
                                        assets_updated, items_rejected, unknown_types)
    VALUES (source, snapshot ->> 'fileVersion', snapshot ->> 'configSnapshotId', 0, 0, 0, 0, 0)
    RETURNING load_id INTO lid;

    PERFORM srm_internal.config_load_tables();
    TRUNCATE pg_temp.srm_load_item;
    INSERT INTO pg_temp.srm_load_item (idx, item)
    SELECT e.idx - 1, e.v FROM jsonb_array_elements(snapshot -> 'configurationItems') WITH ORDINALITY AS e(v, idx);
    PERFORM srm_internal.config_items_merge(lid);

    SELECT items_read, assets_inserted, assets_updated, items_rejected, unknown_types
    INTO n_read, n_inserted, n_updated, n_rejected, n_unknown
    FROM srm.asset_load WHERE load_id = lid;
    -- the work tables go with the call: another role of the session (SET
    -- ROLE, a team member) creates its own
    DROP TABLE pg_temp.srm_load_item, pg_temp.srm_load_raw, pg_temp.srm_load_type;
    -- statistics for the audits that follow, when the load changed enough
    PERFORM srm_internal.analyze_after_load(n_inserted + n_updated);

    RAISE NOTICE 'srm load %: % items read = % assets inserted + % updated + % rejected; % of unknown resource types kept',
        lid, n_read, n_inserted, n_updated, n_rejected, n_unknown;
    RETURN n_inserted + n_updated;
END
$$;
COMMENT ON FUNCTION srm.load_config_snapshot(jsonb, text) IS
    'loads an AWS Config snapshot ({"configurationItems": [...]}, keys awsAccountId/ARN/awsRegion or accountId/arn/region) into srm.asset; reloading updates, never duplicates; returns the assets inserted or updated; srm.asset_load has the reconciled counts and srm.asset_load_rejection every rejected item with its reason';

-------------------------------------------------------------------- install/code/inventory_azure.sql
-- install/code/inventory_azure.sql (code part): the loader of Azure
-- Resource Graph exports into srm.asset, with the rules of the AWS Config
-- loader (install/code/inventory.sql): the same work tables, load rows,
-- counts, rejections and key order.

-------------------------------------------------------------------------------
-- Loading Azure Resource Graph exports
-------------------------------------------------------------------------------

-- the rows of an export: the "data" array of the object `az graph query`
-- prints ({"count", "data", "skip_token", "total_records"}) or the REST API
-- returns ({"count", "data", "$skipToken", "totalRecords", ...}), or a bare
-- array of rows (what older versions of the CLI printed); an error if
-- neither.  What is wrong with one row rejects that row only.
CREATE OR REPLACE FUNCTION srm_internal.resource_graph_rows(export jsonb)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF jsonb_typeof(export) = 'array' THEN
        RETURN export;
    END IF;
    IF jsonb_typeof(export) <> 'object' THEN
        RAISE EXCEPTION 'an Azure Resource Graph export is a JSON object or array, not a %', jsonb_typeof(export)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Pass what az graph query -o json prints: {"count": ..., "data": [...], ...}, or an array of rows.';
    END IF;
    IF NOT export ? 'data' THEN
        RAISE EXCEPTION 'the export has no "data" key'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Its keys are: %s.', (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(export) k)),
                  HINT = 'Azure Resource Graph query results hold their rows in "data".';
    END IF;
    IF jsonb_typeof(export -> 'data') <> 'array' THEN
        RAISE EXCEPTION '"data" is a %, not an array', jsonb_typeof(export -> 'data')
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Query with the default result format (objectArray): az graph query -o json does.';
    END IF;
    RETURN export -> 'data';
END
$$;
COMMENT ON FUNCTION srm_internal.resource_graph_rows(jsonb) IS
    'the rows of an Azure Resource Graph export for srm.load_resource_graph: the "data" array of an object (az graph query, the REST API) or a bare array; raises invalid_parameter_value (22023) otherwise (a bad row is rejected, not an error)';

-- a Resource Graph type in lower case, as the loader compares and resolves
-- it; Resource Graph writes a resource group's type as the path of its id
-- (microsoft.resources/subscriptions/resourcegroups), which is ARM's
-- Microsoft.Resources/resourceGroups
CREATE OR REPLACE FUNCTION srm_internal.resource_graph_type_key(type text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE pg_catalog.lower(pg_catalog.btrim(type))
           WHEN 'microsoft.resources/subscriptions/resourcegroups' THEN 'microsoft.resources/resourcegroups'
           ELSE pg_catalog.lower(pg_catalog.btrim(type))
       END;
COMMENT ON FUNCTION srm_internal.resource_graph_type_key(text) IS
    'an Azure Resource Graph or ARM type in lower case, as the Resource Graph loader compares types; microsoft.resources/subscriptions/resourcegroups read as microsoft.resources/resourcegroups';

-- the subscription of each row staged in pg_temp.srm_load_item (its id's,
-- and its subscriptionId when that is a UUID too), in lower case; for a
-- team member each must be one of its teams' accounts (else
-- insufficient_privilege, before anything is written), as
-- srm_internal.team_load_accounts checks AWS accounts
CREATE OR REPLACE FUNCTION srm_internal.resource_graph_load_accounts()
RETURNS text[]
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found text[];
BEGIN
    SELECT coalesce(array_agg(DISTINCT a.account_id ORDER BY a.account_id), '{}') INTO found
    FROM pg_temp.srm_load_item i
    -- split_part, not a regular expression: this reads every row
    CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(i.item -> 'id') = 'string' THEN lower(btrim(i.item ->> 'id')) END AS id) AS x
    CROSS JOIN LATERAL (VALUES (CASE WHEN x.id LIKE '/subscriptions/%' THEN split_part(x.id, '/', 3) END),
                               (lower(CASE WHEN jsonb_typeof(i.item -> 'subscriptionId') = 'string'
                                           THEN btrim(i.item ->> 'subscriptionId') END))) AS a(account_id)
    WHERE jsonb_typeof(i.item) = 'object'
      AND a.account_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
    RETURN srm_internal.team_refuse_accounts(found, 'subscription', 'The export has rows of that subscription.',
                                             'Load the exports of your teams'' subscriptions only (srm.team_account).');
END
$$;
COMMENT ON FUNCTION srm_internal.resource_graph_load_accounts() IS
    'the subscriptions (lower case) of the Resource Graph rows a load staged, for srm.asset_load.accounts; for a team member each must be one of its teams'' (else insufficient_privilege, before anything is written)';

-- one batch of Resource Graph rows, from pg_temp.srm_load_item, into
-- srm.asset for load lid, with the rules of every load
-- (srm.load_resource_graph and srm-load run this one function):
--   * a row is rejected, with its reason in srm.asset_load_rejection, never
--     the batch: not an object, a key of the wrong JSON type, no id, an id
--     that is not an ARM resource id or whose subscription is not a UUID,
--     a subscriptionId that is not the id's, a type that is not the id's,
--     an identifier too long to index, a later row of the same resource in
--     the batch;
--   * the asset: provider azure, account the subscription (lower case),
--     region the location in lower case without blanks (global when there
--     is none), resource type as srm spells it (microsoft.compute/
--     virtualmachines is Microsoft.Compute/virtualMachines) or, for a type
--     srm does not know, the Resource Graph type in lower case (kept,
--     known_type false, its service the one its provider namespace names,
--     if any), resource id the ARM id in lower case without a trailing
--     slash (ARM ids are case-insensitive: one resource, one asset), name
--     the row's name (else the id's last part), tags, configuration the
--     ARM properties, supplementary configuration the row's other columns
--     (kind, sku, identity, zones, managedBy, resourceGroup, ...); no ARN,
--     no status, no capture time (a Resource Graph row has none), so a
--     reload replaces what is loaded;
--   * assets are written in the order of their key (no deadlock).
-- Adds the batch's counts to srm.asset_load.
CREATE OR REPLACE FUNCTION srm_internal.resource_graph_merge(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
SET work_mem = '64MB'
AS $$
DECLARE
    n record;
    batch_accounts text[];
BEGIN
    PERFORM srm_internal.config_load_tables();

    -- a team member loads its teams' subscriptions only: refused before
    -- anything of the batch is written
    batch_accounts := srm_internal.resource_graph_load_accounts();

    WITH v AS MATERIALIZED (
        SELECT f.idx, f.item, f.account_id, f.region,
               coalesce(t.resource_type, f.type_key) AS resource_type, f.resource_id,
               coalesce(f.name, substring(f.resource_id_given, '([^/]+)$')) AS resource_name,
               t.service_namespace, t.resource_type IS NOT NULL AS known_type,
               coalesce(f.j_tags, '{}') AS tags, f.j_properties AS configuration,
               CASE WHEN jsonb_typeof(f.item) = 'object'
                    THEN f.item - ARRAY['id', 'name', 'type', 'location', 'subscriptionId', 'tags', 'properties'] END AS supplementary_configuration,
               coalesce(f.reason,
                   CASE
                       WHEN octet_length(f.resource_id) > 1024
                           THEN format('id of %s bytes is longer than 1024', octet_length(f.resource_id))
                       WHEN octet_length(f.type_given) > 256
                           THEN format('type of %s bytes is longer than 256', octet_length(f.type_given))
                       WHEN octet_length(f.region) > 64
                           THEN format('location of %s bytes is longer than 64', octet_length(f.region))
                       WHEN f.id_type IS NULL
                           THEN format('id "%s" is not an Azure Resource Manager resource id (/subscriptions/{subscription}[/resourceGroups/{group}][/providers/{namespace}/{type}/{name}...])',
                                       left(f.resource_id_given, 100))
                       WHEN f.id_subscription !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                           THEN format('the subscription "%s" of id is not a UUID', left(f.id_subscription, 100))
                       WHEN f.subscription_given IS NOT NULL AND f.subscription_given <> f.id_subscription
                           THEN format('subscriptionId "%s" is not the subscription of id (%s)', left(f.subscription_given, 100), f.id_subscription)
                       WHEN f.type_given IS NOT NULL AND f.type_key <> f.id_type_key
                           THEN format('type "%s" is not the type of id (%s)', left(f.type_given, 100), f.id_type)
                   END) AS reason
        FROM (SELECT k.*,
                     srm_internal.resource_graph_type_key(coalesce(k.type_given, k.id_type)) AS type_key,
                     srm_internal.resource_graph_type_key(k.id_type) AS id_type_key
              FROM (SELECT j.idx, j.item, j.j_tags, j.j_properties,
                           lower(rtrim(btrim(j.j_id #>> '{}'), '/')) AS resource_id,
                           rtrim(btrim(j.j_id #>> '{}'), '/') AS resource_id_given,
                           CASE WHEN j.reason IS NULL AND octet_length(j.j_id #>> '{}') <= 1024
                                THEN srm_internal.arm_type(j.j_id #>> '{}') END AS id_type,
                           CASE WHEN lower(btrim(j.j_id #>> '{}')) LIKE '/subscriptions/%'
                                THEN split_part(lower(btrim(j.j_id #>> '{}')), '/', 3) END AS id_subscription,
                           nullif(lower(btrim(j.j_subscription #>> '{}')), '') AS subscription_given,
                           CASE WHEN lower(btrim(j.j_id #>> '{}')) LIKE '/subscriptions/%'
                                THEN split_part(lower(btrim(j.j_id #>> '{}')), '/', 3) END AS account_id,
                           coalesce(nullif(translate(lower(j.j_location #>> '{}'), E' \t\n\r', ''), ''), 'global') AS region,
                           nullif(btrim(j.j_type #>> '{}'), '') AS type_given,
                           nullif(j.j_name #>> '{}', '') AS name,
                           coalesce(j.reason, CASE
                               WHEN jsonb_typeof(j.item) <> 'object'
                                   THEN format('the row is a %s, not an object', jsonb_typeof(j.item))
                               WHEN jsonb_typeof(j.j_id) NOT IN ('string', 'null')
                                   THEN format('id is a %s, not a string', jsonb_typeof(j.j_id))
                               WHEN jsonb_typeof(j.j_type) NOT IN ('string', 'null')
                                   THEN format('type is a %s, not a string', jsonb_typeof(j.j_type))
                               WHEN jsonb_typeof(j.j_name) NOT IN ('string', 'null')
                                   THEN format('name is a %s, not a string', jsonb_typeof(j.j_name))
                               WHEN jsonb_typeof(j.j_subscription) NOT IN ('string', 'null')
                                   THEN format('subscriptionId is a %s, not a string', jsonb_typeof(j.j_subscription))
                               WHEN jsonb_typeof(j.j_location) NOT IN ('string', 'null')
                                   THEN format('location is a %s, not a string', jsonb_typeof(j.j_location))
                               WHEN jsonb_typeof(j.j_tags) NOT IN ('object', 'null')
                                   THEN format('tags is a %s, not an object', jsonb_typeof(j.j_tags))
                               WHEN jsonb_typeof(j.j_properties) NOT IN ('object', 'null')
                                   THEN format('properties is a %s, not an object', jsonb_typeof(j.j_properties))
                               WHEN coalesce(j.j_id #>> '{}', '') !~ '\S' THEN 'no id'
                           END) AS reason
                    FROM (SELECT i.idx, i.item, i.reason,
                                 i.item -> 'id' AS j_id, i.item -> 'type' AS j_type, i.item -> 'name' AS j_name,
                                 i.item -> 'subscriptionId' AS j_subscription, i.item -> 'location' AS j_location,
                                 CASE WHEN jsonb_typeof(i.item -> 'tags') = 'null' THEN NULL ELSE i.item -> 'tags' END AS j_tags,
                                 CASE WHEN jsonb_typeof(i.item -> 'properties') = 'null' THEN NULL ELSE i.item -> 'properties' END AS j_properties
                          FROM pg_temp.srm_load_item i OFFSET 0) j
                    OFFSET 0) k
              OFFSET 0) f
        -- the types of the batch, each resolved once (Azure's only)
        LEFT JOIN (SELECT d.type_key, r.resource_type, r.service_namespace
                   FROM (SELECT DISTINCT srm_internal.resource_graph_type_key(coalesce(
                                             nullif(btrim(CASE WHEN jsonb_typeof(item -> 'type') = 'string' THEN item ->> 'type' END), ''),
                                             srm_internal.arm_type(CASE WHEN jsonb_typeof(item -> 'id') = 'string' AND octet_length(item ->> 'id') <= 1024
                                                                        THEN item ->> 'id' END))) AS type_key
                         FROM pg_temp.srm_load_item WHERE jsonb_typeof(item) = 'object') d
                   CROSS JOIN LATERAL srm.resolve_asset(d.type_key) r
                   WHERE d.type_key IS NOT NULL AND (r.provider = 'azure' OR r.provider IS NULL)) t ON t.type_key = f.type_key),
    -- of the rows that are not rejected, the last of each resource
    w AS MATERIALIZED (
        SELECT DISTINCT ON (account_id, region, resource_type, resource_id)
               idx, account_id, region, resource_type, resource_id, resource_name, service_namespace, known_type,
               tags, configuration, supplementary_configuration
        FROM v WHERE reason IS NULL
        ORDER BY account_id, region, resource_type, resource_id, idx DESC),
    written AS (
        INSERT INTO srm.asset AS a
            (provider, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace,
             known_type, tags, configuration, supplementary_configuration, item_status, captured_at, load_id)
        SELECT 'azure', w.account_id, w.region, w.resource_type, w.resource_id, w.resource_name, NULL,
               w.service_namespace, w.known_type, w.tags, w.configuration, w.supplementary_configuration,
               NULL, NULL, lid
        FROM w
        ORDER BY w.account_id, w.region, w.resource_type, w.resource_id
        ON CONFLICT (provider, account_id, region, resource_type, resource_id) DO UPDATE
        SET resource_name = excluded.resource_name, arn = excluded.arn,
            service_namespace = excluded.service_namespace, known_type = excluded.known_type,
            tags = excluded.tags, configuration = excluded.configuration,
            supplementary_configuration = excluded.supplementary_configuration, item_status = excluded.item_status,
            captured_at = excluded.captured_at, load_id = excluded.load_id, last_loaded_at = now()
        RETURNING a.account_id, a.region, a.resource_type, a.resource_id, (a.xmax = 0) AS inserted),
    o AS MATERIALIZED (
        SELECT v.idx, v.item, v.known_type, x.inserted,
               CASE WHEN v.reason IS NOT NULL THEN v.reason
                    WHEN w.idx <> v.idx THEN format('superseded by data[%s], a later row of the same resource', w.idx)
               END AS reason
        FROM v
        LEFT JOIN w ON v.reason IS NULL AND w.account_id = v.account_id AND w.region = v.region
                   AND w.resource_type = v.resource_type AND w.resource_id = v.resource_id
        LEFT JOIN written x ON v.reason IS NULL AND w.idx = v.idx AND x.account_id = v.account_id AND x.region = v.region
                           AND x.resource_type = v.resource_type AND x.resource_id = v.resource_id),
    rejected AS (
        INSERT INTO srm.asset_load_rejection (load_id, item_index, reason, item)
        SELECT lid, o.idx, o.reason, o.item FROM o WHERE o.reason IS NOT NULL)
    SELECT count(*) AS n_read, count(*) FILTER (WHERE reason IS NULL AND inserted) AS n_inserted,
           count(*) FILTER (WHERE reason IS NULL AND NOT inserted) AS n_updated,
           count(*) FILTER (WHERE reason IS NOT NULL) AS n_rejected,
           count(*) FILTER (WHERE reason IS NULL AND NOT known_type) AS n_unknown
    INTO n
    FROM o;

    UPDATE srm.asset_load
    SET items_read = items_read + n.n_read, assets_inserted = assets_inserted + n.n_inserted,
        assets_updated = assets_updated + n.n_updated, items_rejected = items_rejected + n.n_rejected,
        unknown_types = unknown_types + n.n_unknown,
        accounts = (SELECT coalesce(array_agg(DISTINCT a ORDER BY a), '{}') FROM unnest(accounts || batch_accounts) AS a)
    WHERE load_id = lid;
    TRUNCATE pg_temp.srm_load_item;
END
$$;
COMMENT ON FUNCTION srm_internal.resource_graph_merge(bigint) IS
    'writes one batch of Azure Resource Graph rows (the session''s table srm_load_item) into srm.asset for load lid with the rules of every load: bad rows rejected with their reason, ARM ids in lower case, types as srm spells them, regions normalised, assets written in key order (no deadlock between loads), counts added to srm.asset_load';

-- srm-load, once per batch of a Resource Graph export: the rows COPYed into
-- srm_load_raw, read as JSON (a row that is not JSON is rejected, alone)
-- and merged, as srm_internal.config_load_batch does for AWS Config items
CREATE OR REPLACE FUNCTION srm_internal.resource_graph_load_batch(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM srm_internal.load_raw_items();
    PERFORM srm_internal.resource_graph_merge(lid);
END
$$;
COMMENT ON FUNCTION srm_internal.resource_graph_load_batch(bigint) IS
    'srm-load: reads the batch of Resource Graph rows COPYed into the session''s table srm_load_raw as JSON (a row that is not JSON is rejected with the parser''s message) and merges it into srm.asset for load lid';

CREATE OR REPLACE FUNCTION srm.load_resource_graph(export jsonb, source text DEFAULT 'Azure Resource Graph')
RETURNS integer
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rows jsonb := srm_internal.resource_graph_rows(export);
    lid bigint;
    n_read integer;
    n_inserted integer;
    n_updated integer;
    n_rejected integer;
    n_unknown integer;
    more text := CASE WHEN jsonb_typeof(export) = 'object'
                      THEN coalesce(export ->> 'skip_token', export ->> '$skipToken') END;
BEGIN
    INSERT INTO srm.asset_load (source, items_read, assets_inserted, assets_updated, items_rejected, unknown_types)
    VALUES (source, 0, 0, 0, 0, 0)
    RETURNING load_id INTO lid;

    PERFORM srm_internal.config_load_tables();
    TRUNCATE pg_temp.srm_load_item;
    INSERT INTO pg_temp.srm_load_item (idx, item)
    SELECT e.idx - 1, e.v FROM jsonb_array_elements(rows) WITH ORDINALITY AS e(v, idx);
    PERFORM srm_internal.resource_graph_merge(lid);

    SELECT items_read, assets_inserted, assets_updated, items_rejected, unknown_types
    INTO n_read, n_inserted, n_updated, n_rejected, n_unknown
    FROM srm.asset_load WHERE load_id = lid;
    DROP TABLE pg_temp.srm_load_item, pg_temp.srm_load_raw, pg_temp.srm_load_type;
    PERFORM srm_internal.analyze_after_load(n_inserted + n_updated);

    IF more IS NOT NULL THEN
        RAISE WARNING 'the export is one page of a longer result (% of % records)', jsonb_array_length(rows),
            coalesce(export ->> 'total_records', export ->> 'totalRecords', 'more')
            USING HINT = 'Query every page (az graph query --skip-token, or srm-load on each page''s output) to load the whole inventory.';
    END IF;
    RAISE NOTICE 'srm load %: % items read = % assets inserted + % updated + % rejected; % of unknown resource types kept',
        lid, n_read, n_inserted, n_updated, n_rejected, n_unknown;
    RETURN n_inserted + n_updated;
END
$$;
COMMENT ON FUNCTION srm.load_resource_graph(jsonb, text) IS
    'loads an Azure Resource Graph export (what az graph query -o json prints, {"count", "data": [...], "skip_token", "total_records"}, the REST API''s response, or an array of rows of the Resources table) into srm.asset; ARM ids are keys in lower case, so reloading in any case updates, never duplicates; returns the assets inserted or updated; srm.asset_load has the reconciled counts and srm.asset_load_rejection every rejected row with its reason';

-------------------------------------------------------------------- install/code/findings.sql
-- install/code/findings.sql (code part): scanner findings (SPEC §12).
-- srm.load_findings reads AWS Security Hub findings (ASFF, as
-- `aws securityhub get-findings` prints them or as the bare array Prowler
-- writes) and Prowler's OCSF JSON into srm.finding: one row per result of
-- a check on a resource at a time, with the NIST SP 800-53 r5 controls it
-- evidences.  What a finding evidences comes from the finding itself
-- (Compliance.RelatedRequirements, OCSF unmapped.compliance) and from the
-- scanner's published mapping of its check (srm.check_control: Prowler's).

-------------------------------------------------------------------------------
-- Reading a document's findings
-------------------------------------------------------------------------------

-- the JSON type of a value as a reason names it
CREATE OR REPLACE FUNCTION srm_internal.json_kind(value jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN value IS NULL THEN 'missing' ELSE pg_catalog.jsonb_typeof(value) END;
COMMENT ON FUNCTION srm_internal.json_kind(jsonb) IS
    'the JSON type of a value (object, array, string, number, boolean, null), or missing when absent: for reasons';

-- the NIST SP 800-53 r5 requirement ids one entry of a scanner's list
-- names, as written: Security Hub's "NIST.800-53.r5 AC-2(1)" (or
-- "NIST.800-53.r5/AC-2(1)") names one; Prowler's ASFF summary
-- "NIST-800-53-Revision-5 ac_2_1 ac_2_3_a ..." several, cut at 63
-- characters (so a 63-character entry's last id may be cut and is left
-- out).  Entries of other frameworks name none.
CREATE OR REPLACE FUNCTION srm_internal.nist_requirements(entry text)
RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (SELECT coalesce(pg_catalog.array_agg(t.tok ORDER BY t.n), '{}')
        FROM (SELECT m[1] AS rest FROM pg_catalog.regexp_match(entry,
                  '^\s*nist[\s._-]*(?:sp[\s._-]*)?800[\s._-]*53[\s._-]*(?:r|rev|revision)[\s._-]*0*5(?:[\s/:]+)(.*)$', 'i') AS m) AS r,
             pg_catalog.regexp_split_to_table(pg_catalog.btrim(r.rest), '\s+') WITH ORDINALITY AS t(tok, n)
        WHERE t.tok <> ''
          AND NOT (pg_catalog.length(entry) = 63
                   AND t.n = pg_catalog.array_length(pg_catalog.regexp_split_to_array(pg_catalog.btrim(r.rest), '\s+'), 1)
                   AND t.n > 1));
COMMENT ON FUNCTION srm_internal.nist_requirements(text) IS
    'the NIST SP 800-53 r5 requirement ids an entry of Compliance.RelatedRequirements names, as written (NIST.800-53.r5 AC-2(1) -> {AC-2(1)}; Prowler''s NIST-800-53-Revision-5 ac_2_1 ac_2_3_a -> {ac_2_1,ac_2_3_a}, the last id of an entry Prowler cut at 63 characters left out); none for other frameworks';

-- The findings of a document as srm reads them, in a few set-based
-- statements rather than one call per finding: one row per finding (idx:
-- its index in the document, from 0) with the columns of srm.finding, or
-- the reason it is rejected (the first thing wrong).  fmt is asff or ocsf.
-- What repeats across a document is looked up once: each distinct
-- resource type and resource id is resolved once, each distinct
-- requirement read as a control once, each distinct check's mapping read
-- once.
CREATE OR REPLACE FUNCTION srm_internal.findings_read(items jsonb, fmt text)
RETURNS TABLE (idx integer, item jsonb, reason text, scanner text, finding_uid text, check_id text, check_title text,
    status text, severity text, observed_at timestamptz, account_id text, region text,
    resource_type text, resource_id text, arn text, service_namespace text, controls text[])
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- the plan is costed high on a large document; compiling its long
-- expressions with LLVM takes longer than running them
SET jit = off
AS $$
WITH
-- each finding read: its columns and the reason it is rejected, up to (not
-- including) its requirements' reading as controls.  Every expression that
-- can fail on a value of the wrong JSON type is guarded by a test of that
-- type, and each reason comes in the order of the checks (the first thing
-- wrong is the reason).
p AS MATERIALIZED (
    SELECT r.idx, r.item, r.scanner, r.finding_uid, r.check_id, r.check_title, r.status, r.severity, r.observed_at,
           r.account_id, nullif(r.region, '') AS region, r.resource_type, r.resource_id, r.reqs_json, r.compliance,
           coalesce(r.reason,
                    CASE WHEN r.account_id !~ '^[0-9]{12}$'
                         THEN format('account "%s" is not a 12-digit AWS account id', left(r.account_id, 40)) END) AS reason
    FROM (
    -- ASFF
    SELECT a.idx, a.item, a.scanner, a.finding_uid, a.check_id, a.check_title, a.status, a.severity, a.observed_at,
           btrim(a.item ->> 'AwsAccountId') AS account_id,
           lower(btrim(coalesce(a.res ->> 'Region', a.item ->> 'Region'))) AS region,
           a.res ->> 'Type' AS resource_type, btrim(a.res ->> 'Id') AS resource_id,
           a.j_reqs AS reqs_json, NULL::jsonb AS compliance,
           CASE
               WHEN NOT a.is_object THEN format('a finding is a JSON object, not %s', srm_internal.json_kind(a.item))
               WHEN jsonb_typeof(a.item -> 'Id') IS DISTINCT FROM 'string'
                   THEN format('%s is %s, not a string', 'Id', srm_internal.json_kind(a.item -> 'Id'))
               WHEN jsonb_typeof(a.item -> 'AwsAccountId') IS DISTINCT FROM 'string'
                   THEN format('%s is %s, not a string', 'AwsAccountId', srm_internal.json_kind(a.item -> 'AwsAccountId'))
               WHEN jsonb_typeof(a.item -> 'UpdatedAt') IS DISTINCT FROM 'string'
                   THEN format('%s is %s, not a string', 'UpdatedAt', srm_internal.json_kind(a.item -> 'UpdatedAt'))
               WHEN a.item ? 'Title' AND jsonb_typeof(a.item -> 'Title') <> 'string'
                   THEN format('%s is %s, not a string', 'Title', srm_internal.json_kind(a.item -> 'Title'))
               WHEN a.item ? 'GeneratorId' AND jsonb_typeof(a.item -> 'GeneratorId') <> 'string'
                   THEN format('%s is %s, not a string', 'GeneratorId', srm_internal.json_kind(a.item -> 'GeneratorId'))
               WHEN a.item ? 'ProductArn' AND jsonb_typeof(a.item -> 'ProductArn') <> 'string'
                   THEN format('%s is %s, not a string', 'ProductArn', srm_internal.json_kind(a.item -> 'ProductArn'))
               WHEN a.item ? 'RecordState' AND jsonb_typeof(a.item -> 'RecordState') <> 'string'
                   THEN format('%s is %s, not a string', 'RecordState', srm_internal.json_kind(a.item -> 'RecordState'))
               WHEN a.check_id IS NULL OR btrim(a.check_id) = ''
                   THEN 'no check: neither Compliance.SecurityControlId nor GeneratorId names one'
               WHEN jsonb_typeof(a.item -> 'Compliance') IS DISTINCT FROM 'object'
                   THEN format('Compliance is %s, not an object: the finding is not the result of a check',
                               srm_internal.json_kind(a.item -> 'Compliance'))
               WHEN a.status IS NULL
                   THEN CASE WHEN a.raw_status IN ('WARNING', 'NOT_AVAILABLE')
                             THEN format('Compliance.Status %s is neither PASSED nor FAILED: the check gave no result (Security Hub: missing information or check not run; Prowler: a muted or manual check)', a.raw_status)
                             WHEN a.raw_status IS NULL THEN 'Compliance.Status is missing: the finding is not the result of a check'
                             ELSE format('Compliance.Status "%s" is not PASSED, FAILED, WARNING or NOT_AVAILABLE', left(a.raw_status, 40)) END
               WHEN a.item ->> 'RecordState' = 'ARCHIVED'
                   THEN 'RecordState is ARCHIVED: Security Hub no longer tracks the finding (resource deleted or control disabled)'
               WHEN a.item #> '{Severity,Label}' IS NOT NULL AND a.severity IS NULL
                   THEN format('Severity.Label %s is not INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL', left((a.item #> '{Severity,Label}')::text, 40))
               WHEN a.observed_at IS NULL
                   THEN format('UpdatedAt "%s" is not an ISO 8601 time', left(a.item ->> 'UpdatedAt', 60))
               WHEN jsonb_typeof(a.item -> 'Resources') IS DISTINCT FROM 'array' OR a.item -> 'Resources' = '[]'::jsonb
                   THEN format('no resource: Resources is %s', CASE WHEN jsonb_typeof(a.item -> 'Resources') = 'array' THEN 'an empty array'
                                                                    ELSE srm_internal.json_kind(a.item -> 'Resources') END)
               WHEN jsonb_typeof(a.res) IS DISTINCT FROM 'object'
                   THEN format('no resource: Resources[0] is %s, not an object', srm_internal.json_kind(a.res))
               WHEN jsonb_typeof(a.res -> 'Id') IS DISTINCT FROM 'string' OR btrim(a.res ->> 'Id') = ''
                   THEN format('no resource: Resources[0].Id is %s', CASE WHEN jsonb_typeof(a.res -> 'Id') = 'string' THEN 'empty'
                                                                         ELSE srm_internal.json_kind(a.res -> 'Id') END)
               WHEN a.res ? 'Type' AND jsonb_typeof(a.res -> 'Type') <> 'string'
                   THEN format('Resources[0].Type is %s, not a string', srm_internal.json_kind(a.res -> 'Type'))
               WHEN a.j_reqs IS NOT NULL AND jsonb_typeof(a.j_reqs) <> 'array'
                   THEN format('Compliance.RelatedRequirements is %s, not an array', srm_internal.json_kind(a.j_reqs))
               WHEN a.reqs_not_string IS NOT NULL
                   THEN format('Compliance.RelatedRequirements holds %s, not only strings', a.reqs_not_string)
           END AS reason
    FROM (SELECT s.*,
                 CASE WHEN s.scanner = 'prowler' THEN regexp_replace(s.item ->> 'GeneratorId', '^prowler-', '')
                      ELSE coalesce(s.item #>> '{Compliance,SecurityControlId}', s.item #>> '{ProductFields,ControlId}',
                                    s.item #>> '{ProductFields,RuleId}', s.item ->> 'GeneratorId') END AS check_id,
                 s.item ->> 'Title' AS check_title,
                 CASE s.raw_status WHEN 'PASSED' THEN 'passed' WHEN 'FAILED' THEN 'failed' END AS status,
                 CASE WHEN s.item #> '{Severity,Label}' IS NOT NULL
                      THEN CASE upper(s.item #>> '{Severity,Label}') WHEN 'INFORMATIONAL' THEN 'informational' WHEN 'LOW' THEN 'low'
                               WHEN 'MEDIUM' THEN 'medium' WHEN 'HIGH' THEN 'high' WHEN 'CRITICAL' THEN 'critical' END
                      WHEN jsonb_typeof(s.item #> '{Severity,Normalized}') = 'number'
                      THEN CASE WHEN (s.item #>> '{Severity,Normalized}')::numeric < 1 THEN 'informational'
                                WHEN (s.item #>> '{Severity,Normalized}')::numeric < 40 THEN 'low'
                                WHEN (s.item #>> '{Severity,Normalized}')::numeric < 70 THEN 'medium'
                                WHEN (s.item #>> '{Severity,Normalized}')::numeric < 90 THEN 'high'
                                ELSE 'critical' END END AS severity,
                 CASE WHEN jsonb_typeof(s.item -> 'UpdatedAt') = 'string' THEN srm_internal.capture_time(s.item ->> 'UpdatedAt') END AS observed_at,
                 -- the first requirement that is not a string
                 CASE WHEN jsonb_typeof(s.j_reqs) = 'array'
                      THEN (SELECT srm_internal.json_kind(e.x) FROM jsonb_array_elements(s.j_reqs) WITH ORDINALITY AS e(x, n)
                            WHERE jsonb_typeof(e.x) <> 'string' ORDER BY e.n LIMIT 1) END AS reqs_not_string
          FROM (SELECT i.idx, i.item, i.is_object, i.item ->> 'Id' AS finding_uid,
                       CASE WHEN i.item ->> 'ProductArn' ~ '/prowler/prowler$' OR i.item #>> '{ProductFields,ProviderName}' = 'Prowler'
                                THEN 'prowler'
                            WHEN i.item ->> 'ProductArn' ~ ':product/aws/securityhub$' THEN 'security-hub'
                            ELSE coalesce(lower(substring(i.item ->> 'ProductArn', ':product/(?:aws/)?(.+)$')), 'unknown') END AS scanner,
                       i.item #>> '{Compliance,Status}' AS raw_status,
                       CASE WHEN jsonb_typeof(i.item -> 'Resources') = 'array' THEN i.item -> 'Resources' -> 0 END AS res,
                       i.item #> '{Compliance,RelatedRequirements}' AS j_reqs
                FROM (SELECT (e.i - 1)::integer AS idx, e.x AS item, jsonb_typeof(e.x) = 'object' AS is_object
                      FROM jsonb_array_elements(items) WITH ORDINALITY AS e(x, i)) i
                WHERE fmt = 'asff'
                OFFSET 0) s
          OFFSET 0) a
    UNION ALL
    -- OCSF Detection Finding (class 2004) as Prowler writes it
    SELECT o.idx, o.item, o.scanner, o.item #>> '{finding_info,uid}', o.item #>> '{metadata,event_code}',
           o.item #>> '{finding_info,title}', o.status, o.severity, o.observed_at,
           btrim(o.item #>> '{cloud,account,uid}'),
           lower(btrim(coalesce(o.res ->> 'region', o.item #>> '{cloud,region}'))),
           nullif(o.res ->> 'type', ''), btrim(o.res ->> 'uid'),
           NULL::jsonb, o.compliance,
           CASE
               WHEN NOT o.is_object THEN format('a finding is a JSON object, not %s', srm_internal.json_kind(o.item))
               WHEN (o.item ->> 'class_uid') IS DISTINCT FROM '2004'
                   THEN CASE WHEN o.item ? 'class_uid' THEN format('class_uid %s is not 2004 (Detection Finding)', left((o.item -> 'class_uid')::text, 40))
                             ELSE 'class_uid is missing: not an OCSF Detection Finding (2004)' END
               WHEN jsonb_typeof(o.item #> '{finding_info,uid}') IS DISTINCT FROM 'string' OR btrim(o.item #>> '{finding_info,uid}') = ''
                   THEN format('%s is %s, not a string', 'finding_info.uid',
                               CASE WHEN jsonb_typeof(o.item #> '{finding_info,uid}') = 'string' THEN 'empty'
                                    ELSE srm_internal.json_kind(o.item #> '{finding_info,uid}') END)
               WHEN jsonb_typeof(o.item #> '{metadata,event_code}') IS DISTINCT FROM 'string' OR btrim(o.item #>> '{metadata,event_code}') = ''
                   THEN format('%s is %s, not a string', 'metadata.event_code',
                               CASE WHEN jsonb_typeof(o.item #> '{metadata,event_code}') = 'string' THEN 'empty'
                                    ELSE srm_internal.json_kind(o.item #> '{metadata,event_code}') END)
               WHEN jsonb_typeof(o.item #> '{status_code}') IS DISTINCT FROM 'string' OR btrim(o.item #>> '{status_code}') = ''
                   THEN format('%s is %s, not a string', 'status_code',
                               CASE WHEN jsonb_typeof(o.item #> '{status_code}') = 'string' THEN 'empty'
                                    ELSE srm_internal.json_kind(o.item #> '{status_code}') END)
               WHEN jsonb_typeof(o.item #> '{cloud,account,uid}') IS DISTINCT FROM 'string' OR btrim(o.item #>> '{cloud,account,uid}') = ''
                   THEN format('%s is %s, not a string', 'cloud.account.uid',
                               CASE WHEN jsonb_typeof(o.item #> '{cloud,account,uid}') = 'string' THEN 'empty'
                                    ELSE srm_internal.json_kind(o.item #> '{cloud,account,uid}') END)
               WHEN o.status IS NULL
                   THEN CASE WHEN upper(o.item ->> 'status_code') = 'MANUAL'
                             THEN 'status_code MANUAL is neither PASS nor FAIL: the check asks for a manual review and gave no result'
                             ELSE format('status_code "%s" is not PASS, FAIL or MANUAL', left(o.item ->> 'status_code', 40)) END
               WHEN coalesce(o.item #>> '{cloud,provider}', 'aws') <> 'aws'
                   THEN format('cloud.provider "%s": srm loads findings of AWS accounts only', left(o.item #>> '{cloud,provider}', 40))
               WHEN o.item ? 'severity' AND o.severity_read = '?'
                   THEN format('severity %s is not Informational, Low, Medium, High or Critical', left((o.item -> 'severity')::text, 40))
               -- time: epoch seconds as Prowler writes it (OCSF milliseconds
               -- also read); time_dt has no zone (Prowler writes local time)
               -- and is used only when time is missing and it names its zone
               WHEN jsonb_typeof(o.item -> 'time') IS DISTINCT FROM 'number' AND o.item ? 'time'
                   THEN format('time is %s, not a number (epoch seconds)', srm_internal.json_kind(o.item -> 'time'))
               WHEN jsonb_typeof(o.item -> 'time') IS DISTINCT FROM 'number' AND NOT coalesce(o.item ->> 'time_dt' ~ '(Z|[+-]\d\d:?\d\d)$', false)
                   THEN 'no time: time is missing and time_dt names no time zone'
               WHEN o.observed_at IS NULL
                   THEN format('time %s is not a time', left(CASE WHEN jsonb_typeof(o.item -> 'time') = 'number' THEN o.item ->> 'time'
                                                                  ELSE o.item ->> 'time_dt' END, 60))
               WHEN jsonb_typeof(o.item -> 'resources') IS DISTINCT FROM 'array' OR o.item -> 'resources' = '[]'::jsonb
                   THEN format('no resource: resources is %s', CASE WHEN jsonb_typeof(o.item -> 'resources') = 'array' THEN 'an empty array'
                                                                    ELSE srm_internal.json_kind(o.item -> 'resources') END)
               WHEN jsonb_typeof(o.res) IS DISTINCT FROM 'object'
                   THEN format('no resource: resources[0] is %s, not an object', srm_internal.json_kind(o.res))
               WHEN jsonb_typeof(o.res -> 'uid') IS DISTINCT FROM 'string' OR btrim(o.res ->> 'uid') = ''
                   THEN format('no resource: resources[0].uid is %s', CASE WHEN jsonb_typeof(o.res -> 'uid') = 'string' THEN 'empty'
                                                                          ELSE srm_internal.json_kind(o.res -> 'uid') END)
               WHEN o.compliance_not_array IS NOT NULL THEN o.compliance_not_array
           END
    FROM (SELECT s.*,
                 CASE upper(s.item ->> 'status_code') WHEN 'PASS' THEN 'passed' WHEN 'FAIL' THEN 'failed' END AS status,
                 CASE WHEN s.severity_read <> '?' THEN s.severity_read END AS severity,
                 CASE WHEN jsonb_typeof(s.item -> 'time') = 'number'
                      THEN srm_internal.capture_time(CASE WHEN (s.item ->> 'time')::numeric > 100000000000
                                                          THEN ((s.item ->> 'time')::numeric / 1000)::text
                                                          ELSE s.item ->> 'time' END)
                      WHEN s.is_object AND NOT s.item ? 'time' AND s.item ->> 'time_dt' ~ '(Z|[+-]\d\d:?\d\d)$'
                      THEN srm_internal.capture_time(s.item ->> 'time_dt') END AS observed_at,
                 -- the first of the NIST lists Prowler writes that is not an array
                 CASE WHEN s.compliance IS NOT NULL
                      THEN (SELECT format('unmapped.compliance."%s" is %s, not an array', j.k, srm_internal.json_kind(j.x))
                            FROM jsonb_each(s.compliance) WITH ORDINALITY AS j(k, x, n)
                            WHERE srm_internal.control_form(j.k) = 'nist-800-53-r5:' AND jsonb_typeof(j.x) <> 'array'
                            ORDER BY j.n LIMIT 1) END AS compliance_not_array
          FROM (SELECT i.idx, i.item, i.is_object,
                       coalesce(lower(nullif(i.item #>> '{metadata,product,uid}', '')),
                                lower(nullif(i.item #>> '{metadata,product,name}', '')), 'unknown') AS scanner,
                       CASE WHEN i.is_object AND i.item ? 'severity'
                            THEN CASE lower(i.item ->> 'severity') WHEN 'informational' THEN 'informational' WHEN 'low' THEN 'low'
                                     WHEN 'medium' THEN 'medium' WHEN 'high' THEN 'high' WHEN 'critical' THEN 'critical'
                                     WHEN 'fatal' THEN 'critical' WHEN 'unknown' THEN NULL WHEN 'other' THEN NULL ELSE '?' END
                       END AS severity_read,
                       CASE WHEN jsonb_typeof(i.item -> 'resources') = 'array' THEN i.item -> 'resources' -> 0 END AS res,
                       CASE WHEN jsonb_typeof(i.item #> '{unmapped,compliance}') = 'object' THEN i.item #> '{unmapped,compliance}' END AS compliance
                FROM (SELECT (e.i - 1)::integer AS idx, e.x AS item, jsonb_typeof(e.x) = 'object' AS is_object
                      FROM jsonb_array_elements(items) WITH ORDINALITY AS e(x, i)) i
                WHERE fmt = 'ocsf'
                OFFSET 0) s
          OFFSET 0) o
    ) r),
-- the requirements each finding names, in its order: ASFF's
-- Compliance.RelatedRequirements (each distinct entry read once), OCSF's
-- NIST lists of unmapped.compliance (an entry that is not a string is read
-- as its JSON text, a JSON null as no requirement)
req AS MATERIALIZED (
    SELECT p.idx, p.scanner, e.n AS n1, t.n AS n2, t.req
    FROM p
    CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN p.reason IS NULL AND jsonb_typeof(p.reqs_json) = 'array'
                                                      THEN p.reqs_json ELSE '[]' END) WITH ORDINALITY AS e(entry, n)
    JOIN (SELECT d.entry, srm_internal.nist_requirements(d.entry) AS ids
          FROM (SELECT DISTINCT x.entry
                FROM p, jsonb_array_elements_text(CASE WHEN p.reason IS NULL AND jsonb_typeof(p.reqs_json) = 'array'
                                                       THEN p.reqs_json ELSE '[]' END) AS x(entry)) d) ne ON ne.entry = e.entry
    CROSS JOIN LATERAL unnest(ne.ids) WITH ORDINALITY AS t(req, n)
    UNION ALL
    SELECT p.idx, p.scanner, j.n, t.n, t.x #>> '{}'
    FROM p
    CROSS JOIN LATERAL jsonb_each(CASE WHEN p.reason IS NULL THEN p.compliance END) WITH ORDINALITY AS j(k, x, n)
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(j.x) = 'array' THEN j.x ELSE '[]' END) WITH ORDINALITY AS t(x, n)
    WHERE srm_internal.control_form(j.k) = 'nist-800-53-r5:'),
-- each distinct requirement read as a control once: a Prowler requirement
-- id as Prowler's mapping reads it, any other id in any form srm reads (as
-- srm.resolve_control reads it, the key computed once, then looked up by
-- the primary key)
req_control AS MATERIALIZED (
    SELECT d.req, d.prowler,
           coalesce(CASE WHEN d.prowler
                         THEN (SELECT m.control_id FROM srm.check_control m
                               WHERE m.scanner = 'prowler' AND m.requirement_id = d.req AND m.framework_id = 'nist-800-53-r5' LIMIT 1) END,
                    (SELECT k.control_id FROM srm.control k
                     WHERE k.framework_id = 'nist-800-53-r5'
                       AND k.control_id = regexp_replace(srm_internal.control_key('nist-800-53-r5:' || d.req), '^nist-800-53-r5:', ''))) AS control_id
    FROM (SELECT DISTINCT r.req, r.scanner = 'prowler' AS prowler FROM req r WHERE r.req IS NOT NULL) d),
-- per finding: the requirements no control is read from (in its order),
-- the controls read from the others
req_agg AS (
    SELECT r.idx,
           string_agg(format('"%s"', left(r.req, 40)), ', ' ORDER BY r.n1, r.n2) FILTER (WHERE c.control_id IS NULL) AS bad,
           array_agg(DISTINCT c.control_id) FILTER (WHERE c.control_id IS NOT NULL) AS controls
    FROM req r
    LEFT JOIN req_control c ON c.req = r.req AND c.prowler = (r.scanner = 'prowler')
    GROUP BY r.idx),
-- the scanner's published mapping of each distinct check, read once
check_map AS (
    SELECT d.scanner, d.check_id, array_agg(DISTINCT m.control_id) AS controls
    FROM (SELECT DISTINCT p.scanner, p.check_id FROM p WHERE p.reason IS NULL) d
    JOIN srm.check_control m ON m.scanner = d.scanner AND m.check_id = d.check_id AND m.framework_id = 'nist-800-53-r5'
    GROUP BY d.scanner, d.check_id),
-- the service of each distinct resource type (not Other), then of each
-- distinct resource id whose type gives none, resolved once
type_service AS MATERIALIZED (
    SELECT d.resource_type, (SELECT r.service_namespace FROM srm.resolve_asset(d.resource_type) r) AS service_namespace
    FROM (SELECT DISTINCT p.resource_type FROM p WHERE p.reason IS NULL AND p.resource_type <> 'Other') d),
typed AS MATERIALIZED (
    SELECT p.*, t.service_namespace AS type_service
    FROM p LEFT JOIN type_service t ON t.resource_type = p.resource_type AND p.reason IS NULL),
id_service AS MATERIALIZED (
    SELECT d.resource_id, (SELECT r.service_namespace FROM srm.resolve_asset(d.resource_id) r) AS service_namespace
    FROM (SELECT DISTINCT t.resource_id FROM typed t WHERE t.reason IS NULL AND t.type_service IS NULL) d)
SELECT c.idx, c.item,
       coalesce(c.reason,
                CASE WHEN c.bad IS NOT NULL THEN format('requirement %s names no control of nist-800-53-r5', c.bad)
                     WHEN cardinality(c.controls) = 0
                     THEN format('check %s of %s evidences no control of nist-800-53-r5: the finding names no NIST SP 800-53 r5 requirement and srm has no mapping of the check',
                                 left(c.check_id, 100), c.scanner) END),
       c.scanner, c.finding_uid, c.check_id, c.check_title, c.status, c.severity, c.observed_at, c.account_id, c.region,
       c.resource_type, c.resource_id, c.arn, c.service_namespace, c.controls
FROM (SELECT t.idx, t.item, t.reason, t.scanner, t.finding_uid, t.check_id, t.check_title, t.status, t.severity,
             t.observed_at, t.account_id, t.region, t.resource_type, t.resource_id,
             CASE WHEN t.resource_id ~ '^arn:' THEN t.resource_id END AS arn,
             coalesce(t.type_service, i.service_namespace) AS service_namespace,
             ra.bad,
             CASE WHEN t.reason IS NULL AND ra.bad IS NULL
                  THEN (SELECT coalesce(array_agg(k.control_id ORDER BY k.sort_id, k.control_id), '{}')
                        FROM srm.control k
                        WHERE k.framework_id = 'nist-800-53-r5'
                          AND k.control_id = ANY (coalesce(ra.controls, '{}') || coalesce(m.controls, '{}'))) END AS controls
      FROM typed t
      LEFT JOIN id_service i ON t.reason IS NULL AND t.type_service IS NULL AND i.resource_id = t.resource_id
      LEFT JOIN req_agg ra ON ra.idx = t.idx
      LEFT JOIN check_map m ON t.reason IS NULL AND m.scanner = t.scanner AND m.check_id = t.check_id) c
$$;
COMMENT ON FUNCTION srm_internal.findings_read(jsonb, text) IS
    'the findings of a document (its array of findings; fmt asff or ocsf) read set-based as srm.finding''s columns, controls included, or the reason each is rejected (the first thing wrong); idx is the finding''s index in the array, from 0';

-------------------------------------------------------------------------------
-- Loading a document
-------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION srm.load_findings(findings jsonb, source text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    items jsonb;
    fmt text;
    n_asff integer;
    n_ocsf integer;
    lid bigint;
    doc_accounts text[];
    other text;
    n record;
BEGIN
    -- which format: {"Findings": [...]} is ASFF; a bare array is ASFF or
    -- OCSF by what its findings hold
    CASE jsonb_typeof(findings)
        WHEN 'object' THEN
            IF NOT findings ? 'Findings' THEN
                RAISE EXCEPTION 'a findings document is {"Findings": [...]} (ASFF as aws securityhub get-findings prints it) or an array of ASFF or OCSF findings; this object has no "Findings" key'
                    USING ERRCODE = 'invalid_parameter_value',
                          HINT = format('Its keys: %s.', (SELECT string_agg(k, ', ' ORDER BY k) FROM (SELECT k FROM jsonb_object_keys(findings) k LIMIT 10) s));
            END IF;
            items := findings -> 'Findings';
            IF jsonb_typeof(items) <> 'array' THEN
                RAISE EXCEPTION '"Findings" is %, not an array', srm_internal.json_kind(items)
                    USING ERRCODE = 'invalid_parameter_value';
            END IF;
            fmt := 'asff';
        WHEN 'array' THEN
            items := findings;
            SELECT count(*) FILTER (WHERE x ? 'SchemaVersion' OR x ? 'AwsAccountId' OR x ? 'ProductArn'),
                   count(*) FILTER (WHERE x ? 'class_uid' OR x ? 'finding_info')
            INTO n_asff, n_ocsf
            FROM jsonb_array_elements(items) x WHERE jsonb_typeof(x) = 'object';
            IF n_asff = 0 AND n_ocsf = 0 THEN
                RAISE EXCEPTION 'the array holds no ASFF finding (SchemaVersion, AwsAccountId, ProductArn) and no OCSF finding (class_uid, finding_info)'
                    USING ERRCODE = 'invalid_parameter_value',
                          HINT = CASE WHEN jsonb_array_length(items) = 0 THEN 'The array is empty: there is nothing to load.'
                                      ELSE 'srm loads ASFF (Security Hub, Prowler -M json-asff) and Prowler''s OCSF (-M json-ocsf).' END;
            END IF;
            fmt := CASE WHEN n_asff >= n_ocsf THEN 'asff' ELSE 'ocsf' END;
        ELSE
            RAISE EXCEPTION 'a findings document is a JSON object or array, not %', srm_internal.json_kind(findings)
                USING ERRCODE = 'invalid_parameter_value';
    END CASE;

    -- a team member loads its teams' accounts only: refused before anything
    -- is written (as srm.load_config_snapshot)
    SELECT coalesce(array_agg(DISTINCT a ORDER BY a), '{}') INTO doc_accounts
    FROM jsonb_array_elements(items) x
    CROSS JOIN LATERAL (SELECT btrim(CASE fmt WHEN 'asff' THEN x ->> 'AwsAccountId' ELSE x #>> '{cloud,account,uid}' END) AS a) s
    WHERE jsonb_typeof(x) = 'object' AND s.a ~ '^[0-9]{12}$';
    IF row_security_active('srm.finding'::regclass) THEN
        SELECT string_agg(a, ', ' ORDER BY a) INTO other
        FROM unnest(doc_accounts) a WHERE a <> ALL (srm_internal.team_accounts());
        IF other IS NOT NULL THEN
            RAISE EXCEPTION 'account % is not an account of role "%"''s teams', other, current_user
                USING ERRCODE = 'insufficient_privilege',
                      DETAIL = 'The document has findings of that account.',
                      HINT = 'Load the findings of your teams'' accounts only (srm.team_account).';
        END IF;
    END IF;

    INSERT INTO srm.finding_load (source, format, findings_read, findings_inserted, findings_unchanged, findings_rejected)
    VALUES (coalesce(source, CASE fmt WHEN 'asff' THEN 'ASFF findings' ELSE 'OCSF findings' END), fmt, 0, 0, 0, 0)
    RETURNING load_id INTO lid;

    WITH f AS MATERIALIZED (
        SELECT * FROM srm_internal.findings_read(items, fmt)),
    ins AS (
        INSERT INTO srm.finding (scanner, finding_uid, check_id, check_title, status, severity, observed_at, account_id,
                                 region, resource_type, resource_id, arn, service_namespace, controls, load_id, document)
        SELECT f.scanner, f.finding_uid, f.check_id, f.check_title, f.status, f.severity, f.observed_at, f.account_id,
               f.region, f.resource_type, f.resource_id, f.arn, f.service_namespace, f.controls, lid, f.item
        FROM f WHERE f.reason IS NULL
        ORDER BY f.idx
        ON CONFLICT (scanner, finding_uid, observed_at) DO NOTHING
        RETURNING 1),
    rej AS (
        INSERT INTO srm.finding_load_rejection (load_id, item_index, reason, item)
        SELECT lid, f.idx, f.reason, f.item FROM f WHERE f.reason IS NOT NULL
        RETURNING 1)
    SELECT (SELECT count(*) FROM f) AS n_read, (SELECT count(*) FROM ins) AS n_inserted,
           (SELECT count(*) FROM rej) AS n_rejected
    INTO n;

    UPDATE srm.finding_load
    SET findings_read = n.n_read, findings_inserted = n.n_inserted,
        findings_unchanged = n.n_read - n.n_inserted - n.n_rejected, findings_rejected = n.n_rejected,
        accounts = doc_accounts
    WHERE load_id = lid;

    RAISE NOTICE 'srm findings load %: % findings read (%) = % inserted + % unchanged + % rejected',
        lid, n.n_read, fmt, n.n_inserted, n.n_read - n.n_inserted - n.n_rejected, n.n_rejected;
    RETURN lid;
END
$$;
COMMENT ON FUNCTION srm.load_findings(jsonb, text) IS
    'loads scanner findings into srm.finding: ASFF ({"Findings": [...]} as aws securityhub get-findings prints it, or a bare array as Prowler writes it) or Prowler''s OCSF JSON (an array of Detection Findings); the same finding again (scanner, id and time) is counted unchanged, a newer result is a new row; a finding that cannot be read is kept in srm.finding_load_rejection with its reason; returns the load id (srm.finding_load has the reconciled counts)';

-------------------------------------------------------------------- install/code/inventory_gcp.sql
-- install/code/inventory_gcp.sql (code part): the loader of Google Cloud
-- Asset Inventory exports into srm.asset, with the rules of the AWS Config
-- loader (install/code/inventory.sql, whose work tables it shares).
--
-- An export (gcloud asset export --content-type=resource, or the
-- ExportAssets API, to Cloud Storage) is newline-delimited JSON, one
-- google.cloud.asset.v1.Asset per line, its keys in snake_case (asset_type,
-- update_time, resource.discovery_name, ...); gcloud asset list
-- --format=json and the REST API print the same assets in camelCase
-- (assetType, updateTime, ...).  Both spellings are read; an item that
-- gives a key in both spellings with different values is rejected.
-- srm.load_asset_inventory takes a JSON array of assets; srm-load takes
-- the JSON lines files, of any size, plain or gzipped.
--
-- An asset becomes a row of srm.asset:
--   provider           gcp
--   account_id         the project id the full resource name names
--                      (//compute.googleapis.com/projects/<id>/...); when the
--                      name names none, or names the project by its number,
--                      the project number of ancestors (projects/<number>),
--                      else the number in the name or in resource.parent,
--                      else the nearest folder or organization as written
--                      (folders/<n>, organizations/<n>).  A project number
--                      is read as its project id when the id is known: from
--                      an asset of the same batch whose name names the id
--                      and whose ancestors the number (a Compute Engine
--                      instance, say), from a Project asset of the batch or
--                      loaded before (its data's projectNumber and
--                      projectId), or from an asset loaded before (its
--                      ancestors kept in supplementary_configuration), so
--                      that a bucket (whose name names no project) is an
--                      asset of the same account as the project's
--                      instances (assets loaded under the number before
--                      the id was known move to the id when a later batch
--                      tells it).  A number, folder or organization left is
--                      no account a team can be given (srm.team_account
--                      takes project ids), so only srm's owner loads such
--                      assets
--   region             resource.location in lower case, else the zone,
--                      region or location the name names, else global
--   resource_type      the asset type as srm spells it (srm.resolve_asset);
--                      a type srm does not know is kept as given, with
--                      known_type false and the service its prefix or,
--                      failing that, the name's service names
--   resource_id        the full resource name
--   resource_name      the name's last segment
--   configuration      resource.data (read by the variant rules, such as
--                      GKE Autopilot's autopilot.enabled)
--   tags               resource.data.labels (GKE: resourceLabels, Cloud
--                      SQL: settings.userLabels), else {}
--   captured_at        update_time (RFC 3339)
--   supplementary_configuration  {"ancestors": [...]} when the asset has
--                      ancestors (its project, folders and organization)

-------------------------------------------------------------------------------
-- Loading Cloud Asset Inventory exports
-------------------------------------------------------------------------------

-- the export's shape: an array of assets; an error if not.  What is wrong
-- with one asset rejects that asset only.
CREATE OR REPLACE FUNCTION srm_internal.asset_inventory_check(export jsonb)
RETURNS void
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF jsonb_typeof(export) <> 'array' THEN
        RAISE EXCEPTION 'a Cloud Asset Inventory export is a JSON array of assets, not %', srm_internal.asset_inventory_a(jsonb_typeof(export))
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Pass the assets as one array ([{"name": "//...", "asset_type": ...}, ...]); load the JSON lines files of gcloud asset export with srm-load.';
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.asset_inventory_check(jsonb) IS
    'checks the shape of a Cloud Asset Inventory export for srm.load_asset_inventory: a JSON array; raises invalid_parameter_value (22023) otherwise (a bad asset is rejected, not an error)';

-- a JSON type with its article, for the reasons of rejections: an array,
-- a string
CREATE OR REPLACE FUNCTION srm_internal.asset_inventory_a(json_type text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN json_type IN ('array', 'object') THEN 'an ' ELSE 'a ' END || json_type;
COMMENT ON FUNCTION srm_internal.asset_inventory_a(text) IS
    'a JSON type with its indefinite article (an array, a string), for the reasons of rejected assets';

-- the account of an asset (see the head of this file): its project id,
-- else its project number, else its nearest folder or organization; null
-- when neither the name nor ancestors nor resource.parent names one
CREATE OR REPLACE FUNCTION srm_internal.asset_inventory_account(name text, ancestors jsonb, parent text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
    WHEN pg_catalog.split_part(name, '/', 4) = 'projects'
         AND pg_catalog.split_part(name, '/', 5) OPERATOR(pg_catalog.~) '^[a-z][a-z0-9-]{4,28}[a-z0-9]$'
        THEN pg_catalog.split_part(name, '/', 5)
    ELSE coalesce(
        (SELECT pg_catalog.substr(a.v, 10)
         FROM pg_catalog.jsonb_array_elements_text(CASE WHEN pg_catalog.jsonb_typeof(ancestors) = 'array' THEN ancestors END)
              WITH ORDINALITY AS a(v, n)
         WHERE a.v OPERATOR(pg_catalog.~) '^projects/[0-9]+$'
         ORDER BY a.n LIMIT 1),
        CASE WHEN pg_catalog.split_part(name, '/', 4) = 'projects'
                  AND pg_catalog.split_part(name, '/', 5) OPERATOR(pg_catalog.~) '^[0-9]+$'
             THEN pg_catalog.split_part(name, '/', 5) END,
        CASE WHEN pg_catalog.split_part(parent, '/', 4) = 'projects'
                  AND pg_catalog.split_part(parent, '/', 5) OPERATOR(pg_catalog.~) '^([0-9]+|[a-z][a-z0-9-]{4,28}[a-z0-9])$'
             THEN pg_catalog.split_part(parent, '/', 5) END,
        (SELECT a.v
         FROM pg_catalog.jsonb_array_elements_text(CASE WHEN pg_catalog.jsonb_typeof(ancestors) = 'array' THEN ancestors END)
              WITH ORDINALITY AS a(v, n)
         WHERE a.v OPERATOR(pg_catalog.~) '^(folders|organizations)/[0-9]+$'
         ORDER BY a.n LIMIT 1),
        CASE WHEN pg_catalog.split_part(name, '/', 4) IN ('folders', 'organizations')
                  AND pg_catalog.split_part(name, '/', 5) OPERATOR(pg_catalog.~) '^[0-9]+$'
             THEN pg_catalog.split_part(name, '/', 4) || '/' || pg_catalog.split_part(name, '/', 5) END)
END;
COMMENT ON FUNCTION srm_internal.asset_inventory_account(text, jsonb, text) IS
    'the account of a Cloud Asset Inventory asset: the project id its full resource name names, else the project number of its ancestors, of its name or of its resource.parent, else its nearest folder or organization (folders/N, organizations/N); null when none is named';

-- the project ids of the project numbers a batch's assets name, in the
-- session's table srm_gcp_project (see the head of this file): from the
-- batch's assets that name both, the batch's Project assets, then, for the
-- numbers still unknown, the Project assets and the ancestors of the
-- assets loaded before; assets loaded under a number now known move to its
-- project id
CREATE OR REPLACE FUNCTION srm_internal.asset_inventory_projects()
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- the batch's own (asset_inventory_merge drops it when the batch is
    -- written; a batch that fails takes it with its transaction)
    CREATE TEMPORARY TABLE srm_gcp_project (number text PRIMARY KEY, project_id text NOT NULL);
    WITH a AS (
        SELECT i.item ->> 'name' AS name, coalesce(i.item -> 'asset_type', i.item -> 'assetType') AS asset_type,
               i.item #> '{resource,data}' AS data,
               (SELECT substr(e.v, 10) FROM jsonb_array_elements_text(i.item -> 'ancestors') WITH ORDINALITY AS e(v, n)
                WHERE e.v ~ '^projects/[0-9]+$' ORDER BY e.n LIMIT 1) AS number
        FROM pg_temp.srm_load_item i
        WHERE jsonb_typeof(i.item) = 'object' AND jsonb_typeof(i.item -> 'name') = 'string'
          AND jsonb_typeof(i.item -> 'ancestors') = 'array'
          AND NOT EXISTS (SELECT FROM jsonb_array_elements(i.item -> 'ancestors') e WHERE jsonb_typeof(e) <> 'string')),
    found AS (
        SELECT a.number, split_part(a.name, '/', 5) AS project_id
        FROM a
        WHERE a.number IS NOT NULL AND split_part(a.name, '/', 4) = 'projects'
          AND split_part(a.name, '/', 5) ~ '^[a-z][a-z0-9-]{4,28}[a-z0-9]$'
        UNION
        SELECT a.data ->> 'projectNumber', a.data ->> 'projectId'
        FROM a
        WHERE a.asset_type #>> '{}' = 'cloudresourcemanager.googleapis.com/Project'
          AND jsonb_typeof(a.data) = 'object' AND a.data ->> 'projectNumber' ~ '^[0-9]+$'
          AND a.data ->> 'projectId' ~ '^[a-z][a-z0-9-]{4,28}[a-z0-9]$')
    INSERT INTO pg_temp.srm_gcp_project (number, project_id)
    SELECT DISTINCT ON (number) number, project_id FROM found ORDER BY number, project_id;
    -- numbers the batch names but does not resolve: what was loaded before
    WITH needed AS (
        SELECT DISTINCT substr(e.v, 10) AS number
        FROM pg_temp.srm_load_item i
        CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(i.item -> 'ancestors') = 'array'
                                                          THEN i.item -> 'ancestors' END) e(v)
        WHERE e.v ~ '^projects/[0-9]+$'
        EXCEPT SELECT number FROM pg_temp.srm_gcp_project)
    INSERT INTO pg_temp.srm_gcp_project (number, project_id)
    SELECT DISTINCT ON (k.number) k.number, k.project_id
    FROM (SELECT x.configuration ->> 'projectNumber' AS number, x.configuration ->> 'projectId' AS project_id
          FROM srm.asset x
          WHERE x.provider = 'gcp' AND x.resource_type = 'cloudresourcemanager.googleapis.com/Project'
            AND x.configuration ->> 'projectNumber' IN (SELECT number FROM needed)
          UNION
          SELECT substr(x.supplementary_configuration -> 'ancestors' ->> 0, 10), x.account_id
          FROM srm.asset x
          WHERE x.provider = 'gcp' AND x.account_id ~ '^[a-z][a-z0-9-]{4,28}[a-z0-9]$'
            AND x.supplementary_configuration -> 'ancestors' ->> 0 IN (SELECT 'projects/' || number FROM needed)) k
    WHERE k.project_id ~ '^[a-z][a-z0-9-]{4,28}[a-z0-9]$'
    ORDER BY k.number, k.project_id;
    -- assets loaded under a project number before its id was known move to
    -- the id, so that a project stays one account
    UPDATE srm.asset x SET account_id = p.project_id
    FROM pg_temp.srm_gcp_project p
    WHERE x.provider = 'gcp' AND x.account_id = p.number
      AND NOT EXISTS (SELECT FROM srm.asset y
                      WHERE y.provider = 'gcp' AND y.account_id = p.project_id AND y.region = x.region
                        AND y.resource_type = x.resource_type AND y.resource_id = x.resource_id);
END
$$;
COMMENT ON FUNCTION srm_internal.asset_inventory_projects() IS
    'fills the session''s table srm_gcp_project with the project id of each project number the batch''s Cloud Asset Inventory assets name, where known (from the batch, or from the Project assets and ancestors loaded before)';

-- the accounts of a batch's assets, checked for a team member as
-- srm_internal.team_load_accounts checks an AWS load's: each one of its
-- teams' (else insufficient_privilege, before anything is written)
CREATE OR REPLACE FUNCTION srm_internal.asset_inventory_accounts()
RETURNS text[]
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found text[];
BEGIN
    SELECT coalesce(array_agg(DISTINCT coalesce(p.project_id, a.account_id) ORDER BY coalesce(p.project_id, a.account_id)), '{}') INTO found
    FROM pg_temp.srm_load_item i
    CROSS JOIN LATERAL (SELECT srm_internal.asset_inventory_account(
                                   i.item ->> 'name', i.item -> 'ancestors',
                                   CASE WHEN jsonb_typeof(i.item #> '{resource,parent}') = 'string'
                                        THEN i.item #>> '{resource,parent}' END) AS account_id) a
    LEFT JOIN pg_temp.srm_gcp_project p ON p.number = a.account_id
    WHERE jsonb_typeof(i.item) = 'object' AND jsonb_typeof(i.item -> 'name') = 'string'
      AND octet_length(i.item ->> 'name') <= 1024 AND a.account_id IS NOT NULL;
    RETURN srm_internal.team_refuse_accounts(found, 'account',
        'The export has assets of that Google Cloud project (or project number, folder or organization).',
        'Load the assets of your teams'' projects only (srm.team_account holds Google Cloud project ids).');
END
$$;
COMMENT ON FUNCTION srm_internal.asset_inventory_accounts() IS
    'the accounts of the Cloud Asset Inventory assets a load staged, for srm.asset_load.accounts; for a team member each must be one of its teams'' (else insufficient_privilege, before anything is written)';

-- one batch of assets, from pg_temp.srm_load_item, into srm.asset for load
-- lid, with the rules of every load (srm.load_asset_inventory and srm-load
-- run this one function):
--   * an asset is rejected, with its reason in srm.asset_load_rejection,
--     never the batch: not an object; a key of the wrong JSON type; no or
--     a malformed full resource name; no asset type; a key given in both
--     spellings with different values; no resource (a line of another
--     content type: IAM_POLICY, ORG_POLICY, ACCESS_POLICY, OS_INVENTORY,
--     RELATIONSHIP); an identifier too long to index; an update_time that
--     is not RFC 3339; an asset type of another provider, or of another
--     service than the name's; no project, folder or organization; an
--     older update than the one loaded or than another asset of the batch;
--   * assets are written in the order of their key (no deadlock between
--     loads).
-- Adds the batch's counts to srm.asset_load.
CREATE OR REPLACE FUNCTION srm_internal.asset_inventory_merge(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
SET work_mem = '64MB'
AS $$
DECLARE
    n record;
    batch_accounts text[];
BEGIN
    PERFORM srm_internal.config_load_tables();

    -- a team member loads its teams' projects only: refused before
    -- anything of the batch is written
    PERFORM srm_internal.asset_inventory_projects();
    batch_accounts := srm_internal.asset_inventory_accounts();

    WITH v AS MATERIALIZED (
        SELECT f.idx, f.item, coalesce(pm.project_id, f.account_id) AS account_id,
               coalesce(nullif(f.location, ''), f.name_location, 'global') AS region,
               CASE WHEN t.resource_type IS NOT NULL AND t.provider = 'gcp' THEN t.resource_type ELSE f.asset_type END AS resource_type,
               f.name AS resource_id,
               pg_catalog.reverse(pg_catalog.split_part(pg_catalog.reverse(f.name), '/', 1)) AS resource_name,
               CASE WHEN t.provider = 'gcp' OR t.provider IS NULL THEN coalesce(t.service_namespace, hn.service_namespace) END AS service_namespace,
               t.resource_type IS NOT NULL AND t.provider = 'gcp' AS known_type,
               coalesce(f.j_labels, '{}') AS tags, f.j_data AS configuration, f.captured_at,
               CASE WHEN jsonb_typeof(f.j_ancestors) = 'array' THEN jsonb_build_object('ancestors', f.j_ancestors) END
                   AS supplementary_configuration,
               coalesce(f.reason,
                   CASE
                       WHEN octet_length(f.name) > 1024
                           THEN format('name of %s bytes is longer than 1024', octet_length(f.name))
                       WHEN octet_length(f.asset_type) > 256
                           THEN format('asset type of %s bytes is longer than 256', octet_length(f.asset_type))
                       WHEN NOT f.name_ok
                           THEN format('name "%s" is not a full resource name (//SERVICE.googleapis.com/PATH)', left(f.name, 100))
                       WHEN octet_length(f.location) > 64
                           THEN format('resource.location of %s bytes is longer than 64', octet_length(f.location))
                       WHEN f.time_text IS NOT NULL AND f.captured_at IS NULL
                           THEN format('update_time "%s" is not an RFC 3339 time', left(f.time_text, 100))
                       WHEN t.resource_type IS NOT NULL AND t.provider <> 'gcp'
                           THEN format('asset type "%s" is not a Google Cloud asset type (it names %s''s %s)',
                                       left(f.asset_type, 100), t.provider, t.resource_type)
                       WHEN t.service_namespace IS NOT NULL AND hn.service_namespace IS NOT NULL
                            AND t.service_namespace <> hn.service_namespace AND NOT f.name_service = ANY (t.name_services)
                           THEN format('name "%s" is of service %s, not of asset type %s''s service %s', left(f.name, 100),
                                       f.name_service, f.asset_type, t.service_namespace)
                       WHEN f.account_id IS NULL
                           THEN 'no project, folder or organization in name, ancestors or resource.parent'
                   END) AS reason
        FROM (SELECT k.*,
                     CASE WHEN k.reason IS NULL AND k.time_text ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$'
                          THEN srm_internal.capture_time(k.time_text) END AS captured_at,
                     -- no capture groups (see config_items_merge)
                     k.reason IS NULL AND octet_length(k.name) <= 1024
                         AND k.name ~ '^//[a-z0-9-]+([.][a-z0-9-]+)*[.]googleapis[.]com/[^/\s]+(/[^/\s]+)*$' AS name_ok,
                     split_part(k.name, '/', 3) AS name_service,
                     CASE WHEN k.reason IS NULL AND coalesce(k.location, '') = '' AND octet_length(k.name) <= 1024
                          THEN lower(substring(k.name, '/(?:zones|regions|locations)/([^/]+)')) END AS name_location,
                     CASE WHEN k.reason IS NULL AND octet_length(k.name) <= 1024
                          THEN srm_internal.asset_inventory_account(k.name, k.j_ancestors, k.parent) END AS account_id
              FROM (SELECT j.idx, j.item, j.j_data, j.j_ancestors,
                           CASE WHEN jsonb_typeof(j.j_labels) = 'object' THEN j.j_labels END AS j_labels,
                           j.j_name #>> '{}' AS name,
                           btrim(coalesce(j.j_type #>> '{}', j.j_type2 #>> '{}')) AS asset_type,
                           coalesce(j.j_time #>> '{}', j.j_time2 #>> '{}') AS time_text,
                           lower(btrim(j.j_location #>> '{}')) AS location,
                           j.j_parent #>> '{}' AS parent,
                           coalesce(j.reason, CASE
                               WHEN jsonb_typeof(j.item) <> 'object'
                                   THEN format('the item is %s, not an object', srm_internal.asset_inventory_a(jsonb_typeof(j.item)))
                               WHEN jsonb_typeof(j.j_name) NOT IN ('string', 'null')
                                   THEN format('name is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_name)))
                               WHEN jsonb_typeof(j.j_type) NOT IN ('string', 'null')
                                   THEN format('asset_type is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_type)))
                               WHEN jsonb_typeof(j.j_type2) NOT IN ('string', 'null')
                                   THEN format('assetType is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_type2)))
                               WHEN jsonb_typeof(j.j_time) NOT IN ('string', 'null')
                                   THEN format('update_time is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_time)))
                               WHEN jsonb_typeof(j.j_time2) NOT IN ('string', 'null')
                                   THEN format('updateTime is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_time2)))
                               WHEN jsonb_typeof(j.j_resource) NOT IN ('object', 'null')
                                   THEN format('resource is %s, not an object', srm_internal.asset_inventory_a(jsonb_typeof(j.j_resource)))
                               WHEN jsonb_typeof(j.j_ancestors) NOT IN ('array', 'null')
                                   THEN format('ancestors is %s, not an array', srm_internal.asset_inventory_a(jsonb_typeof(j.j_ancestors)))
                               WHEN jsonb_typeof(j.j_ancestors) = 'array'
                                    AND EXISTS (SELECT FROM jsonb_array_elements(j.j_ancestors) e WHERE jsonb_typeof(e) <> 'string')
                                   THEN 'ancestors is an array, but not of strings'
                               WHEN jsonb_typeof(j.j_data) NOT IN ('object', 'null')
                                   THEN format('resource.data is %s, not an object', srm_internal.asset_inventory_a(jsonb_typeof(j.j_data)))
                               WHEN jsonb_typeof(j.j_location) NOT IN ('string', 'null')
                                   THEN format('resource.location is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_location)))
                               WHEN jsonb_typeof(j.j_parent) NOT IN ('string', 'null')
                                   THEN format('resource.parent is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_parent)))
                               WHEN jsonb_typeof(j.j_labels) NOT IN ('object', 'null')
                                   THEN format('resource.data.%s is %s, not an object', j.labels_key, srm_internal.asset_inventory_a(jsonb_typeof(j.j_labels)))
                               WHEN coalesce(j.j_name #>> '{}', '') !~ '\S' THEN 'no name'
                               WHEN coalesce(j.j_type #>> '{}', j.j_type2 #>> '{}', '') !~ '\S' THEN 'no asset_type (or assetType)'
                               WHEN btrim(j.j_type #>> '{}') <> btrim(j.j_type2 #>> '{}') THEN 'asset_type and assetType differ'
                               WHEN j.j_time #>> '{}' <> j.j_time2 #>> '{}' THEN 'update_time and updateTime differ'
                               WHEN j.j_resource IS NULL
                                   THEN 'no resource: ' || CASE
                                       WHEN j.item ?| ARRAY['iam_policy', 'iamPolicy'] THEN 'an IAM_POLICY line'
                                       WHEN j.item ?| ARRAY['org_policy', 'orgPolicy'] THEN 'an ORG_POLICY line'
                                       WHEN j.item ?| ARRAY['access_policy', 'accessPolicy', 'access_level', 'accessLevel',
                                                            'service_perimeter', 'servicePerimeter'] THEN 'an ACCESS_POLICY line'
                                       WHEN j.item ?| ARRAY['os_inventory', 'osInventory'] THEN 'an OS_INVENTORY line'
                                       WHEN j.item ?| ARRAY['related_assets', 'relatedAssets', 'related_asset', 'relatedAsset']
                                           THEN 'a RELATIONSHIP line'
                                       ELSE 'a line without content'
                                   END || ' (srm loads the assets of an export with --content-type=resource)'
                           END) AS reason
                    -- each key read once
                    FROM (SELECT i.idx, i.item, i.reason,
                                 i.item -> 'name' AS j_name,
                                 i.item -> 'asset_type' AS j_type, i.item -> 'assetType' AS j_type2,
                                 i.item -> 'update_time' AS j_time, i.item -> 'updateTime' AS j_time2,
                                 i.item -> 'resource' AS j_resource, i.item -> 'ancestors' AS j_ancestors,
                                 i.item #> '{resource,data}' AS j_data, i.item #> '{resource,location}' AS j_location,
                                 i.item #> '{resource,parent}' AS j_parent,
                                 -- labels as the resource's API names them: labels, GKE's
                                 -- resourceLabels, Cloud SQL's settings.userLabels
                                 CASE WHEN i.item #> '{resource,data,labels}' IS NOT NULL THEN 'labels'
                                      WHEN i.item #> '{resource,data,resourceLabels}' IS NOT NULL THEN 'resourceLabels'
                                      WHEN i.item #> '{resource,data,settings,userLabels}' IS NOT NULL THEN 'settings.userLabels'
                                 END AS labels_key,
                                 coalesce(i.item #> '{resource,data,labels}', i.item #> '{resource,data,resourceLabels}',
                                          i.item #> '{resource,data,settings,userLabels}') AS j_labels
                          FROM pg_temp.srm_load_item i OFFSET 0) j
                    OFFSET 0) k
              OFFSET 0) f
        -- the asset types of the batch, each resolved once
        LEFT JOIN (SELECT d.given, r.resource_type, r.provider, r.service_namespace,
                          ARRAY(SELECT p.arn_namespace FROM srm.arn_pattern p WHERE p.resource_type = r.resource_type) AS name_services
                   FROM (SELECT DISTINCT btrim(coalesce(item ->> 'asset_type', item ->> 'assetType')) AS given
                         FROM pg_temp.srm_load_item
                         WHERE jsonb_typeof(coalesce(item -> 'asset_type', item -> 'assetType')) = 'string') d
                   CROSS JOIN LATERAL srm.resolve_asset(d.given) r) t ON t.given = f.asset_type
        -- the service the name names
        LEFT JOIN srm.identifier hn ON hn.form = 'service' AND f.name_ok AND hn.key = f.name_service
        -- a project number read as its project id
        LEFT JOIN pg_temp.srm_gcp_project pm ON pm.number = f.account_id),
    -- of the assets that are not rejected, the newest update of each
    w AS MATERIALIZED (
        SELECT DISTINCT ON (account_id, region, resource_type, resource_id)
               idx, account_id, region, resource_type, resource_id, resource_name, service_namespace, known_type,
               tags, configuration, supplementary_configuration, captured_at
        FROM v WHERE reason IS NULL
        ORDER BY account_id, region, resource_type, resource_id, captured_at DESC NULLS LAST, idx DESC),
    -- in the order of the key; an older update than the one loaded does
    -- not replace it
    written AS (
        INSERT INTO srm.asset AS a
            (provider, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace,
             known_type, tags, configuration, supplementary_configuration, item_status, captured_at, load_id)
        SELECT 'gcp', w.account_id, w.region, w.resource_type, w.resource_id, w.resource_name, NULL,
               w.service_namespace, w.known_type, w.tags, w.configuration, w.supplementary_configuration, NULL, w.captured_at, lid
        FROM w
        ORDER BY w.account_id, w.region, w.resource_type, w.resource_id
        ON CONFLICT (provider, account_id, region, resource_type, resource_id) DO UPDATE
        SET resource_name = excluded.resource_name, service_namespace = excluded.service_namespace,
            known_type = excluded.known_type, tags = excluded.tags, configuration = excluded.configuration,
            supplementary_configuration = excluded.supplementary_configuration,
            captured_at = excluded.captured_at, load_id = excluded.load_id, last_loaded_at = now()
        WHERE a.captured_at IS NULL OR excluded.captured_at IS NULL OR excluded.captured_at >= a.captured_at
        RETURNING a.account_id, a.region, a.resource_type, a.resource_id, (a.xmax = 0) AS inserted),
    o AS MATERIALIZED (
        SELECT v.idx, v.item, v.known_type, x.inserted,
               CASE WHEN v.reason IS NOT NULL THEN v.reason
                    WHEN w.idx <> v.idx
                        THEN format('superseded by item %s, a newer update of the same asset', w.idx)
                    WHEN x.resource_id IS NULL THEN 'older than the update already loaded for this asset'
               END AS reason
        FROM v
        LEFT JOIN w ON v.reason IS NULL AND w.account_id = v.account_id AND w.region = v.region
                   AND w.resource_type = v.resource_type AND w.resource_id = v.resource_id
        LEFT JOIN written x ON v.reason IS NULL AND w.idx = v.idx AND x.account_id = v.account_id AND x.region = v.region
                           AND x.resource_type = v.resource_type AND x.resource_id = v.resource_id),
    rejected AS (
        INSERT INTO srm.asset_load_rejection (load_id, item_index, reason, item)
        SELECT lid, o.idx, o.reason, o.item FROM o WHERE o.reason IS NOT NULL)
    SELECT count(*) AS n_read, count(*) FILTER (WHERE reason IS NULL AND inserted) AS n_inserted,
           count(*) FILTER (WHERE reason IS NULL AND NOT inserted) AS n_updated,
           count(*) FILTER (WHERE reason IS NOT NULL) AS n_rejected,
           count(*) FILTER (WHERE reason IS NULL AND NOT known_type) AS n_unknown
    INTO n
    FROM o;

    UPDATE srm.asset_load
    SET items_read = items_read + n.n_read, assets_inserted = assets_inserted + n.n_inserted,
        assets_updated = assets_updated + n.n_updated, items_rejected = items_rejected + n.n_rejected,
        unknown_types = unknown_types + n.n_unknown,
        accounts = (SELECT coalesce(array_agg(DISTINCT a ORDER BY a), '{}') FROM unnest(accounts || batch_accounts) AS a)
    WHERE load_id = lid;
    TRUNCATE pg_temp.srm_load_item;
    -- dropped, not kept: a role set later in the session could not use it
    DROP TABLE pg_temp.srm_gcp_project;
END
$$;
COMMENT ON FUNCTION srm_internal.asset_inventory_merge(bigint) IS
    'writes one batch of Cloud Asset Inventory assets (the session''s table srm_load_item) into srm.asset for load lid with the rules of every load: bad assets rejected with their reason, types resolved (unknown ones kept), assets written in key order (no deadlock between loads), counts added to srm.asset_load';

-- srm-load, once per batch of a Cloud Asset Inventory file: the assets
-- COPYed into srm_load_raw, read as JSON (one that is not JSON is
-- rejected, alone) and merged
CREATE OR REPLACE FUNCTION srm_internal.asset_inventory_load_batch(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM srm_internal.load_raw_items();
    PERFORM srm_internal.asset_inventory_merge(lid);
END
$$;
COMMENT ON FUNCTION srm_internal.asset_inventory_load_batch(bigint) IS
    'srm-load: reads the batch of Cloud Asset Inventory assets COPYed into the session''s table srm_load_raw as JSON (one that is not JSON is rejected with the parser''s message) and merges it into srm.asset for load lid';

CREATE OR REPLACE FUNCTION srm.load_asset_inventory(export jsonb, source text DEFAULT 'Cloud Asset Inventory')
RETURNS integer
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    lid bigint;
    n_read integer;
    n_inserted integer;
    n_updated integer;
    n_rejected integer;
    n_unknown integer;
BEGIN
    PERFORM srm_internal.asset_inventory_check(export);

    INSERT INTO srm.asset_load (source, items_read, assets_inserted, assets_updated, items_rejected, unknown_types)
    VALUES (source, 0, 0, 0, 0, 0)
    RETURNING load_id INTO lid;

    PERFORM srm_internal.config_load_tables();
    TRUNCATE pg_temp.srm_load_item;
    INSERT INTO pg_temp.srm_load_item (idx, item)
    SELECT e.idx - 1, e.v FROM jsonb_array_elements(export) WITH ORDINALITY AS e(v, idx);
    PERFORM srm_internal.asset_inventory_merge(lid);

    SELECT items_read, assets_inserted, assets_updated, items_rejected, unknown_types
    INTO n_read, n_inserted, n_updated, n_rejected, n_unknown
    FROM srm.asset_load WHERE load_id = lid;
    -- the work tables go with the call (another role of the session makes its own)
    DROP TABLE pg_temp.srm_load_item, pg_temp.srm_load_raw, pg_temp.srm_load_type;
    PERFORM srm_internal.analyze_after_load(n_inserted + n_updated);

    RAISE NOTICE 'srm load %: % items read = % assets inserted + % updated + % rejected; % of unknown resource types kept',
        lid, n_read, n_inserted, n_updated, n_rejected, n_unknown;
    RETURN n_inserted + n_updated;
END
$$;
COMMENT ON FUNCTION srm.load_asset_inventory(jsonb, text) IS
    'loads a Google Cloud Asset Inventory export (a JSON array of assets, keys in snake_case as gcloud asset export writes them or in camelCase as gcloud asset list prints them) into srm.asset as provider gcp; reloading updates, never duplicates; returns the assets inserted or updated; srm.asset_load has the reconciled counts and srm.asset_load_rejection every rejected asset with its reason';

-------------------------------------------------------------------- install/code/bi_views.sql
-- install/code/bi_views.sql (code part): the views BI tools and the
-- reports read.

-------------------------------------------------------------------------------
-- Views for BI tools and reports: stable column names, one row per fact,
-- every one keyed by run_id (filter on it for "as of run N")
-------------------------------------------------------------------------------

-- the findings of every run with the unstored groups folded per service:
-- each finding of srm.audit_finding (one account; account_id set), and per
-- service x control of a run one row of srm.audit_default speaking for the
-- assets of all its groups that srm.audit_group does not mark stored
-- (folded; accounts: how many groups, each of one account).  Sums and
-- counts over it equal those over the findings a run of 0.2.0 stored for
-- the same assets, one row per account x service x control.
CREATE OR REPLACE VIEW srm_internal.audit_fold WITH (security_invoker = true) AS
SELECT f.run_id, f.account_id, f.service_namespace, f.asset_id, f.framework_id, f.control_id, f.family_id,
       f.responsibility, f.class, f.customer_part, f.override_id, f.status, f.status_id, f.evidence, f.gap,
       f.assets, 1 AS accounts, false AS folded, f.provider
FROM srm.audit_finding f
UNION ALL
SELECT d.run_id, NULL, d.service_namespace, NULL, d.framework_id, d.control_id, d.family_id,
       d.responsibility, d.class, d.customer_part, d.override_id, d.status, d.status_id, d.evidence, d.gap,
       g.assets, g.accounts, true, d.provider
FROM srm.audit_default d
JOIN (SELECT g.run_id, g.provider, g.service_namespace, g.grain, sum(g.assets)::integer AS assets, count(*)::integer AS accounts
      FROM srm.audit_group g WHERE NOT g.stored
      GROUP BY g.run_id, g.provider, g.service_namespace, g.grain) g
  ON g.run_id = d.run_id AND g.provider = d.provider AND g.service_namespace = d.service_namespace AND g.grain = d.grain;
COMMENT ON VIEW srm_internal.audit_fold IS
    'the findings of every audit run for sums and counts: each row of srm.audit_finding, and per service (of its provider) x control one row of srm.audit_default speaking for the assets (assets) and accounts (accounts) of the run''s groups that are not stored (folded)';

-- the controls of every run with their family, label and titles as the run
-- kept them (srm.audit_default: equal on every service and grain of one
-- run), one row per run x control; a run of 0.2.0 kept none and has no row
-- here: its readers take the catalog's (srm.control), and only for it.  A
-- reader joins this on run_id and control_id with a LEFT JOIN (never
-- dropping a row of the run) and reads it for one run: the run's some
-- thousands of answers, sorted once
CREATE OR REPLACE VIEW srm_internal.audit_control WITH (security_invoker = true) AS
SELECT DISTINCT ON (d.run_id, d.control_id)
       d.run_id, d.framework_id, d.control_id, d.family_id, d.label, d.title, d.family_title
FROM srm.audit_default d
ORDER BY d.run_id, d.control_id;
COMMENT ON VIEW srm_internal.audit_control IS
    'per audit run x control: the control''s family, label and titles as the run kept them (srm.audit_default); no rows for a run of 0.2.0, whose readers take them from srm.control';

-- the control families of every run with their titles: as the run kept
-- them (aws-srm's controls count as their own family, titled by their
-- title), else, for a run that kept none (0.2.0), as the catalog has them;
-- one row per run x family, joined by the readers after they summed per
-- family (a few dozen rows per run, never one per finding); one grouping
-- over both sources, so that the planner knows a join on its key finds one
-- row (it hashes it, and a count that reads no title skips it)
CREATE OR REPLACE VIEW srm_internal.audit_family WITH (security_invoker = true) AS
SELECT x.run_id, x.framework_id, x.family_id, coalesce(max(x.family_title), max(x.title)) AS family_title
FROM (SELECT t.run_id, t.framework_id, coalesce(t.family_id, t.control_id) AS family_id, t.family_title, t.title
      FROM srm_internal.audit_control t
      UNION ALL
      SELECT r.run_id, c.framework_id, coalesce(c.family_id, c.control_id), c.family_title, c.title
      FROM srm.audit_run r
      JOIN srm.control c ON c.framework_id = r.framework_id
      WHERE NOT EXISTS (SELECT FROM srm.audit_default d WHERE d.run_id = r.run_id)) x
GROUP BY x.run_id, x.framework_id, x.family_id;
COMMENT ON VIEW srm_internal.audit_family IS
    'per audit run x control family (aws-srm controls count as their own family): the family''s title as the run kept it (srm_internal.audit_control), else, for a run of 0.2.0, as srm.control has it';

-- a check result of an asset x control from its own checks' (own) and its
-- account's (account): failed if either failed, passed if either passed,
-- else null (no check)
CREATE OR REPLACE FUNCTION srm_internal.check_result(own text, account text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN own = 'failed' OR account = 'failed' THEN 'failed'
            WHEN own = 'passed' OR account = 'passed' THEN 'passed' END;
COMMENT ON FUNCTION srm_internal.check_result(text, text) IS
    'the check result of an asset x control given the result of the asset''s own checks and of its account''s: failed if either failed, passed if either passed, null if neither has one';

-- the failing checks of an asset x control: its own and its account's
CREATE OR REPLACE FUNCTION srm_internal.failed_checks(own text[], account text[])
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN own IS NOT NULL OR account IS NOT NULL
            THEN ARRAY(SELECT DISTINCT c FROM unnest(coalesce(own, '{}') || coalesce(account, '{}')) c ORDER BY c) END;
COMMENT ON FUNCTION srm_internal.failed_checks(text[], text[]) IS
    'the failing checks of an asset x control: those of the asset''s own and of its account''s check results, sorted and without duplicates; null when neither has a result';

-- every asset x control of every run, asset rules and statuses applied: the
-- assets of stored groups from their findings, the others from their
-- service's answers
CREATE OR REPLACE VIEW srm.audit_result WITH (security_invoker = true) AS
SELECT a.run_id, a.asset_id, a.arn, a.account_id, a.region, a.service_namespace, a.resource_type,
       g.framework_id, g.control_id, g.family_id,
       CASE WHEN x.asset_id IS NULL THEN g.responsibility ELSE x.responsibility END AS responsibility,
       CASE WHEN x.asset_id IS NULL THEN g.class ELSE x.class END AS class,
       CASE WHEN x.asset_id IS NULL THEN g.customer_part ELSE x.customer_part END AS customer_part,
       CASE WHEN x.asset_id IS NULL THEN g.override_id ELSE x.override_id END AS override_id,
       CASE WHEN x.asset_id IS NULL THEN g.status ELSE x.status END AS status,
       CASE WHEN x.asset_id IS NULL THEN g.evidence ELSE x.evidence END AS evidence,
       CASE WHEN x.asset_id IS NULL THEN g.gap ELSE x.gap END AS gap,
       a.grain,
       CASE WHEN (CASE WHEN x.asset_id IS NULL THEN g.customer_part ELSE x.customer_part END) <> 'not applicable'
            THEN srm_internal.check_result(ca.check_result, cc.check_result) END AS check_result,
       CASE WHEN (CASE WHEN x.asset_id IS NULL THEN g.customer_part ELSE x.customer_part END) <> 'not applicable'
            THEN srm_internal.failed_checks(ca.failed_checks, cc.failed_checks) END AS failed_checks,
       a.provider
FROM srm.audit_asset a
JOIN srm.audit_finding g
  ON g.run_id = a.run_id AND g.provider = a.provider AND g.account_id = a.account_id
 AND g.service_namespace = a.service_namespace AND g.grain = a.grain AND g.asset_id IS NULL
LEFT JOIN srm.audit_finding x
  ON x.run_id = a.run_id AND x.asset_id = a.asset_id AND x.control_id = g.control_id
LEFT JOIN srm.audit_check ca
  ON ca.run_id = a.run_id AND ca.asset_id = a.asset_id AND ca.account_id = a.account_id AND ca.control_id = g.control_id
LEFT JOIN srm.audit_check cc
  ON cc.run_id = a.run_id AND cc.asset_id IS NULL AND cc.account_id = a.account_id AND cc.control_id = g.control_id
 AND cc.provider = a.provider
UNION ALL
SELECT a.run_id, a.asset_id, a.arn, a.account_id, a.region, a.service_namespace, a.resource_type,
       d.framework_id, d.control_id, d.family_id,
       d.responsibility, d.class, d.customer_part, d.override_id, d.status, d.evidence, d.gap,
       a.grain,
       CASE WHEN d.customer_part <> 'not applicable' THEN srm_internal.check_result(ca.check_result, cc.check_result) END,
       CASE WHEN d.customer_part <> 'not applicable' THEN srm_internal.failed_checks(ca.failed_checks, cc.failed_checks) END,
       a.provider
FROM srm.audit_asset a
JOIN srm.audit_group g
  ON g.run_id = a.run_id AND g.provider = a.provider AND g.account_id = a.account_id
 AND g.service_namespace = a.service_namespace AND g.grain = a.grain AND NOT g.stored
JOIN srm.audit_default d
  ON d.run_id = a.run_id AND d.provider = a.provider AND d.service_namespace = a.service_namespace AND d.grain = a.grain
LEFT JOIN srm.audit_check ca
  ON ca.run_id = a.run_id AND ca.asset_id = a.asset_id AND ca.account_id = a.account_id AND ca.control_id = d.control_id
LEFT JOIN srm.audit_check cc
  ON cc.run_id = a.run_id AND cc.asset_id IS NULL AND cc.account_id = a.account_id AND cc.control_id = d.control_id
 AND cc.provider = a.provider;
COMMENT ON VIEW srm.audit_result IS
    'every asset x control of every audit run, as recorded: responsibility, class, the customer''s part, status, evidence and gap, the grain the asset was answered at (empty: its service; else its resource type and variant), computed on demand from the run''s findings and its answers per service and grain; and for the customer''s part (null where the customer has none) the scanners'' checks the run saw (srm.audit_check): check_result failed if a current check of the asset or of its account failed, passed if all passed, null if none applies (and for every run before 0.5.0), with the failing checks; provider: the asset''s (aws, azure, gcp)';

CREATE OR REPLACE VIEW srm.bi_run WITH (security_invoker = true) AS
SELECT r.run_id, r.framework_id, r.baseline, r.accounts, r.started_at, r.finished_at, r.requested_by, r.note,
       r.assets, r.unknown_assets, r.controls, r.asset_controls, r.gaps,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'not-applicable'), 0) AS not_applicable,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'inherited'), 0) AS inherited,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'shared'), 0) AS shared,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'customer-specific'), 0) AS customer_specific,
       r.gaps_failing, r.gaps_passing, r.gaps - r.gaps_failing - r.gaps_passing AS gaps_unchecked,
       r.findings_through, r.findings_applied, r.findings_unmatched
FROM srm.audit_run r
LEFT JOIN srm_internal.audit_fold f USING (run_id)
GROUP BY r.run_id;
COMMENT ON VIEW srm.bi_run IS
    'one row per audit run: scope, counts of assets, controls, asset x control pairs by class, and customer gaps; the gaps split by the scanners'' checks (failing, passing but unattested, unchecked; null for runs before 0.5.0) and the findings the run saw';

CREATE OR REPLACE VIEW srm.bi_responsibility_mix WITH (security_invoker = true) AS
SELECT f.run_id, r.started_at, f.account_id, f.service_namespace, f.class,
       sum(f.assets) AS asset_controls,
       count(DISTINCT f.control_id) AS controls,
       coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps,
       f.grain, f.provider
FROM srm.audit_finding f JOIN srm.audit_run r USING (run_id)
GROUP BY f.run_id, r.started_at, f.provider, f.account_id, f.service_namespace, f.grain, f.class
UNION ALL
-- a group that is not stored: its service's (and grain's) answers, per class
SELECT g.run_id, r.started_at, g.account_id, g.service_namespace, d.class,
       g.assets * d.controls, d.controls, g.assets * d.gaps, g.grain, g.provider
FROM srm.audit_group g
JOIN srm.audit_run r USING (run_id)
JOIN (SELECT d.run_id, d.provider, d.service_namespace, d.grain, d.class, count(*) AS controls, count(*) FILTER (WHERE d.gap) AS gaps
      FROM srm.audit_default d GROUP BY d.run_id, d.provider, d.service_namespace, d.grain, d.class) d
  ON d.run_id = g.run_id AND d.provider = g.provider AND d.service_namespace = g.service_namespace AND d.grain = g.grain
WHERE NOT g.stored;
COMMENT ON VIEW srm.bi_responsibility_mix IS
    'responsibility mix per run x account x service (of provider) x class (and grain: a resource type and variant answered apart from its service, empty for the service''s answer): asset x control pairs, distinct controls, and how many are customer gaps';

CREATE OR REPLACE VIEW srm.bi_customer_gaps WITH (security_invoker = true) AS
-- each group of a run with the gaps of the part it names (srm.audit_gap):
-- its service's gaps at its grain, counting the group's assets, or for a
-- stored group its own gap findings, each counting its assets.  One join,
-- read group by group through a memoized index scan of the few parts, in
-- parallel where the planner finds it cheaper; a count or a sum per
-- account reads no text it does not need
SELECT g.run_id, g.account_id, g.service_namespace, d.asset, d.framework_id, d.control_id,
       d.label, d.title, d.family_id, d.family_title, d.responsibility, d.customer_part, d.class,
       d.status, d.evidence, coalesce(d.assets, g.assets) AS assets, g.grain, g.provider
FROM srm.audit_group g
JOIN srm.audit_gap d
  ON d.run_id = g.run_id AND d.provider = g.provider AND d.service_namespace = g.service_namespace AND d.grain = g.grain
 AND d.answers = g.answers;
COMMENT ON VIEW srm.bi_customer_gaps IS
    'open customer gaps: controls where the customer takes part and its part lacks implemented evidence, per run x account x service (of provider; asset null) or per asset';

-- the customer gaps of a run that a check speaks for, per run x account x
-- service x control, without a row per asset: the gaps whose asset's own
-- checks failed or passed (srm.audit_check keeps each asset row's gap), and
-- where the account has a result of its own (it applies to each asset of
-- the account), every gap of the account's assets on that control, read
-- from the run's findings and its groups' answers: failed, all of them
-- fail; passed, all pass but those whose own checks failed
CREATE OR REPLACE VIEW srm_internal.audit_check_fold WITH (security_invoker = true) AS
SELECT u.run_id, u.account_id, u.service_namespace, u.framework_id, u.control_id,
       CASE WHEN max(u.account_result) = 'failed' THEN sum(u.gaps) ELSE sum(u.failed) END AS failing,
       CASE WHEN max(u.account_result) = 'failed' THEN 0
            WHEN max(u.account_result) = 'passed' THEN sum(u.gaps) - sum(u.failed)
            ELSE sum(u.passed) END AS passing,
       u.provider
FROM (SELECT c.run_id, c.provider, c.account_id, c.service_namespace, c.framework_id, c.control_id, NULL::text AS account_result,
             (c.check_result = 'failed')::integer AS failed, (c.check_result = 'passed')::integer AS passed, 0 AS gaps
      FROM srm.audit_check c
      WHERE c.asset_id IS NOT NULL AND c.gap
      UNION ALL
      SELECT c.run_id, c.provider, c.account_id, f.service_namespace, c.framework_id, c.control_id, c.check_result, 0, 0, f.assets
      FROM srm.audit_check c
      JOIN srm.audit_finding f
        ON f.run_id = c.run_id AND f.provider = c.provider AND f.account_id = c.account_id AND f.control_id = c.control_id
       AND f.gap AND f.assets > 0
      WHERE c.asset_id IS NULL
      UNION ALL
      SELECT c.run_id, c.provider, c.account_id, g.service_namespace, c.framework_id, c.control_id, c.check_result, 0, 0, g.assets
      FROM srm.audit_check c
      JOIN srm.audit_group g ON g.run_id = c.run_id AND g.provider = c.provider AND g.account_id = c.account_id AND NOT g.stored
      JOIN srm.audit_default d
        ON d.run_id = g.run_id AND d.provider = g.provider AND d.service_namespace = g.service_namespace AND d.grain = g.grain
       AND d.control_id = c.control_id AND d.gap
      WHERE c.asset_id IS NULL) u
GROUP BY u.run_id, u.provider, u.account_id, u.service_namespace, u.framework_id, u.control_id;
COMMENT ON VIEW srm_internal.audit_check_fold IS
    'per audit run x account x service x control that a check speaks for: how many customer gaps (asset x control) have a failing check (failing) and how many only passing checks (passing); the other gaps are unchecked';

-- customer gaps per run x account x service x control family, split by the
-- scanners' checks: the gaps from the run's findings and, for the groups
-- that are not stored, their assets times their service's gaps per family
CREATE OR REPLACE VIEW srm.bi_check_results WITH (security_invoker = true) AS
SELECT g.run_id, g.account_id, g.service_namespace, g.framework_id, g.family_id, t.family_title,
       g.gaps AS customer_gaps,
       coalesce(k.failing, 0) AS failing,
       coalesce(k.passing, 0) AS passing_unattested,
       g.gaps - coalesce(k.failing, 0) - coalesce(k.passing, 0) AS unchecked,
       g.provider
FROM (SELECT u.run_id, u.provider, u.account_id, u.service_namespace, u.framework_id, u.family_id, sum(u.gaps) AS gaps
      FROM (SELECT f.run_id, f.provider, f.account_id, f.service_namespace, f.framework_id,
                   coalesce(f.family_id, f.control_id) AS family_id, f.assets::bigint AS gaps
            FROM srm.audit_finding f
            WHERE f.gap AND f.assets > 0
            UNION ALL
            SELECT g.run_id, g.provider, g.account_id, g.service_namespace, d.framework_id, d.family_id, g.assets * d.gaps
            FROM srm.audit_group g
            JOIN (SELECT d.run_id, d.provider, d.service_namespace, d.grain, d.framework_id,
                         coalesce(d.family_id, d.control_id) AS family_id, count(*) AS gaps
                  FROM srm.audit_default d WHERE d.gap
                  GROUP BY d.run_id, d.provider, d.service_namespace, d.grain, d.framework_id, coalesce(d.family_id, d.control_id)) d
              ON d.run_id = g.run_id AND d.provider = g.provider AND d.service_namespace = g.service_namespace
             AND d.grain = g.grain
            WHERE NOT g.stored) u
      GROUP BY u.run_id, u.provider, u.account_id, u.service_namespace, u.framework_id, u.family_id) g
JOIN srm.audit_run r ON r.run_id = g.run_id AND r.gaps_failing IS NOT NULL
-- the family of a control as the run kept it, else as the catalog has it
LEFT JOIN (SELECT k.run_id, k.provider, k.account_id, k.service_namespace, k.framework_id, k.family_id,
                  sum(k.failing) AS failing, sum(k.passing) AS passing
           FROM (SELECT k.run_id, k.provider, k.account_id, k.service_namespace, k.framework_id, k.failing, k.passing,
                        CASE WHEN t.run_id IS NOT NULL THEN coalesce(t.family_id, k.control_id)
                             ELSE coalesce(c.family_id, k.control_id) END AS family_id
                 FROM srm_internal.audit_check_fold k
                 LEFT JOIN srm_internal.audit_control t ON t.run_id = k.run_id AND t.control_id = k.control_id
                 LEFT JOIN srm.control c ON c.framework_id = k.framework_id AND c.control_id = k.control_id) k
           GROUP BY k.run_id, k.provider, k.account_id, k.service_namespace, k.framework_id, k.family_id) k
  ON k.run_id = g.run_id AND k.provider = g.provider AND k.account_id = g.account_id
 AND k.service_namespace = g.service_namespace AND k.family_id = g.family_id
-- the family's title as the run kept it (as the catalog has it for a run
-- of 0.2.0, which has no rows here anyway)
LEFT JOIN srm_internal.audit_family t
  ON t.run_id = g.run_id AND t.framework_id = g.framework_id AND t.family_id = g.family_id;
COMMENT ON VIEW srm.bi_check_results IS
    'customer gaps (asset x control) per run x account x service x control family (aws-srm controls count as their own family), split by the scanners'' checks the run saw: failing (a current check failed), passing_unattested (every current check passed, but no implemented status attests the control), unchecked (no check applies); runs before 0.5.0 have no rows';

CREATE OR REPLACE VIEW srm.bi_gaps_by_family WITH (security_invoker = true) AS
-- summed per family, then titled as the run kept its controls (else, a run
-- of 0.2.0, as the catalog has them); a control the catalog no longer has
-- keeps its rows
SELECT f.run_id, f.framework_id, f.family_id, t.family_title, f.gaps, f.customer_asset_controls, f.controls_with_gaps
FROM (SELECT f.run_id, f.framework_id, coalesce(f.family_id, f.control_id) AS family_id,
             coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps,
             coalesce(sum(f.assets) FILTER (WHERE f.customer_part <> 'not applicable'), 0) AS customer_asset_controls,
             count(DISTINCT f.control_id) FILTER (WHERE f.gap AND f.assets > 0) AS controls_with_gaps
      FROM srm_internal.audit_fold f
      GROUP BY f.run_id, f.framework_id, coalesce(f.family_id, f.control_id)) f
LEFT JOIN srm_internal.audit_family t
  ON t.run_id = f.run_id AND t.framework_id = f.framework_id AND t.family_id = f.family_id;
COMMENT ON VIEW srm.bi_gaps_by_family IS
    'customer gaps per run x control family (aws-srm controls count as their own family)';

CREATE OR REPLACE VIEW srm.bi_inherited_controls WITH (security_invoker = true) AS
-- per run x service x control: the assets (the stored findings', and the
-- groups that are not stored summed per grain) and the accounts with an
-- asset that inherits the control, counted without a row per account: the
-- accounts of groups that are not stored by the set of grains such groups
-- have in the account (few sets per service), plus the accounts of stored
-- findings that no such group counts already
SELECT f.run_id, f.framework_id, f.control_id, coalesce(t.label, c.label) AS label, coalesce(t.title, c.title) AS title,
       f.service_namespace,
       f.asset_controls, f.accounts,
       (SELECT string_agg(t.name || ' (' || t.obtain_from || ')', '; ' ORDER BY t.name)
        FROM srm.attestation t WHERE t.framework_id = f.framework_id AND t.provider = f.provider) AS attestations,
       f.provider
FROM (SELECT u.run_id, u.provider, u.framework_id, u.control_id, u.service_namespace,
             sum(u.assets)::bigint AS asset_controls, sum(u.accounts)::bigint AS accounts
      FROM (SELECT x.run_id, x.provider, x.framework_id, x.control_id, x.service_namespace, x.assets::bigint AS assets,
                   0::bigint AS accounts
            FROM srm.audit_finding x
            WHERE x.class = 'inherited' AND x.assets > 0
            UNION ALL
            SELECT x.run_id, x.provider, x.framework_id, x.control_id, x.service_namespace, 0, 1
            FROM (SELECT DISTINCT x.run_id, x.provider, x.framework_id, x.control_id, x.service_namespace, x.account_id
                  FROM srm.audit_finding x
                  WHERE x.class = 'inherited' AND x.assets > 0) x
            WHERE NOT EXISTS (SELECT FROM srm.audit_group g
                              JOIN srm.audit_default d
                                ON d.run_id = g.run_id AND d.provider = g.provider
                               AND d.service_namespace = g.service_namespace AND d.grain = g.grain
                              WHERE g.run_id = x.run_id AND g.provider = x.provider AND g.account_id = x.account_id
                                AND g.service_namespace = x.service_namespace AND NOT g.stored
                                AND d.control_id = x.control_id AND d.class = 'inherited')
            UNION ALL
            SELECT d.run_id, d.provider, d.framework_id, d.control_id, d.service_namespace, g.assets, 0
            FROM srm.audit_default d
            JOIN (SELECT g.run_id, g.provider, g.service_namespace, g.grain, sum(g.assets)::bigint AS assets
                  FROM srm.audit_group g WHERE NOT g.stored
                  GROUP BY g.run_id, g.provider, g.service_namespace, g.grain) g
              ON g.run_id = d.run_id AND g.provider = d.provider AND g.service_namespace = d.service_namespace
             AND g.grain = d.grain
            WHERE d.class = 'inherited'
            UNION ALL
            SELECT p.run_id, p.provider, d.framework_id, d.control_id, p.service_namespace, 0, p.accounts
            FROM (SELECT q.run_id, q.provider, q.service_namespace, q.grains, count(*) AS accounts
                  FROM (SELECT g.run_id, g.provider, g.account_id, g.service_namespace,
                               array_agg(g.grain ORDER BY g.grain) AS grains
                        FROM srm.audit_group g WHERE NOT g.stored
                        GROUP BY g.run_id, g.provider, g.account_id, g.service_namespace) q
                  GROUP BY q.run_id, q.provider, q.service_namespace, q.grains) p
            CROSS JOIN LATERAL (SELECT DISTINCT d.framework_id, d.control_id
                                FROM srm.audit_default d
                                WHERE d.run_id = p.run_id AND d.provider = p.provider
                                  AND d.service_namespace = p.service_namespace
                                  AND d.grain = ANY (p.grains) AND d.class = 'inherited') d) u
      GROUP BY u.run_id, u.provider, u.framework_id, u.control_id, u.service_namespace) f
-- the label and title as the run kept them, else (a run of 0.2.0) as the
-- catalog has them; a control the catalog no longer has keeps its rows
LEFT JOIN srm_internal.audit_control t ON t.run_id = f.run_id AND t.control_id = f.control_id
LEFT JOIN srm.control c ON c.framework_id = f.framework_id AND c.control_id = f.control_id;
COMMENT ON VIEW srm.bi_inherited_controls IS
    'controls inherited from the provider per run x service (of provider), with that provider''s attestations an auditor accepts for them (srm.attestation; null where srm knows none for the provider and framework)';

CREATE OR REPLACE VIEW srm.bi_trend WITH (security_invoker = true) AS
SELECT r.run_id, r.started_at, r.framework_id, r.baseline, f.class,
       sum(f.assets) AS asset_controls, coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps
FROM srm.audit_run r JOIN srm_internal.audit_fold f USING (run_id)
GROUP BY r.run_id, r.started_at, r.framework_id, r.baseline, f.class;
COMMENT ON VIEW srm.bi_trend IS 'per run x class: asset x control pairs and gaps, for trends across runs';

CREATE OR REPLACE VIEW srm.bi_unknown_assets WITH (security_invoker = true) AS
SELECT a.run_id, a.asset_id, a.account_id, a.region, a.resource_type, a.resource_id, a.arn, a.provider
FROM srm.audit_asset a WHERE NOT a.known;
COMMENT ON VIEW srm.bi_unknown_assets IS 'assets an audit run could not place (resource type unknown to srm): flagged, never dropped';

-- the run's totals per provider: the figures of srm.bi_run split by the
-- provider of the assets (sums over the providers of a run equal its row of
-- srm.bi_run)
CREATE OR REPLACE VIEW srm.bi_provider_mix WITH (security_invoker = true) AS
SELECT a.run_id, a.provider, a.accounts, a.assets, a.unknown_assets,
       coalesce(f.asset_controls, 0) AS asset_controls, coalesce(f.gaps, 0) AS gaps,
       coalesce(f.not_applicable, 0) AS not_applicable, coalesce(f.inherited, 0) AS inherited,
       coalesce(f.shared, 0) AS shared, coalesce(f.customer_specific, 0) AS customer_specific,
       CASE WHEN r.gaps_failing IS NOT NULL THEN coalesce(k.failing, 0) END AS gaps_failing,
       CASE WHEN r.gaps_failing IS NOT NULL THEN coalesce(k.passing, 0) END AS gaps_passing,
       CASE WHEN r.gaps_failing IS NOT NULL THEN coalesce(f.gaps, 0) - coalesce(k.failing, 0) - coalesce(k.passing, 0) END
           AS gaps_unchecked
FROM (SELECT a.run_id, a.provider, count(DISTINCT a.account_id) AS accounts, count(*) AS assets,
             count(*) FILTER (WHERE NOT a.known) AS unknown_assets
      FROM srm.audit_asset a GROUP BY a.run_id, a.provider) a
JOIN srm.audit_run r ON r.run_id = a.run_id
LEFT JOIN (SELECT f.run_id, f.provider, sum(f.assets) AS asset_controls,
                  sum(f.assets) FILTER (WHERE f.gap) AS gaps,
                  sum(f.assets) FILTER (WHERE f.class = 'not-applicable') AS not_applicable,
                  sum(f.assets) FILTER (WHERE f.class = 'inherited') AS inherited,
                  sum(f.assets) FILTER (WHERE f.class = 'shared') AS shared,
                  sum(f.assets) FILTER (WHERE f.class = 'customer-specific') AS customer_specific
           FROM srm_internal.audit_fold f GROUP BY f.run_id, f.provider) f
  ON f.run_id = a.run_id AND f.provider = a.provider
LEFT JOIN (SELECT k.run_id, k.provider, sum(k.failing) AS failing, sum(k.passing) AS passing
           FROM srm_internal.audit_check_fold k GROUP BY k.run_id, k.provider) k
  ON k.run_id = a.run_id AND k.provider = a.provider;
COMMENT ON VIEW srm.bi_provider_mix IS
    'one row per audit run x provider (aws, azure, gcp) of its assets: accounts (AWS accounts, Azure subscriptions, Google Cloud projects), assets, unknown assets, asset x control pairs by class, customer gaps and, for runs since 0.5.0, the gaps split by the scanners'' checks; the rows of a run add up to its srm.bi_run row';

GRANT SELECT ON srm.bi_provider_mix TO PUBLIC;
GRANT SELECT ON srm_internal.audit_fold, srm_internal.audit_control, srm_internal.audit_family, srm_internal.audit_check_fold, srm.bi_check_results, srm.audit_result, srm.bi_run, srm.bi_responsibility_mix, srm.bi_customer_gaps,
    srm.bi_gaps_by_family, srm.bi_inherited_controls, srm.bi_trend, srm.bi_unknown_assets TO PUBLIC;

-------------------------------------------------------------------- install/code/audit.sql
-- install/code/audit.sql (code part): srm.run_audit, one consistent audit
-- of every in-scope asset x control of a framework.

-------------------------------------------------------------------------------
-- Audits
-------------------------------------------------------------------------------

-- the status that applies: the newest of the most specific scope
CREATE OR REPLACE FUNCTION srm_internal.status_for(framework_id text, control_id text, provider text, service_namespace text,
                               account_id text, asset text)
RETURNS SETOF srm.control_status
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT s.*
FROM srm.control_status s
WHERE s.framework_id = status_for.framework_id
  AND s.control_id = status_for.control_id
  AND s.provider = status_for.provider
  AND (s.asset IS NULL OR s.asset = status_for.asset)
  AND (s.account_id IS NULL OR s.account_id = status_for.account_id)
  AND (s.service_namespace IS NULL OR s.service_namespace = status_for.service_namespace)
ORDER BY (s.asset IS NOT NULL) DESC, (s.service_namespace IS NOT NULL) DESC, (s.account_id IS NOT NULL) DESC,
         s.assessed_at DESC, s.status_id DESC
LIMIT 1;
END;
COMMENT ON FUNCTION srm_internal.status_for(text, text, text, text, text, text) IS
    'the control status that applies to an asset: asset > account and service > service > account, then the newest assessment';

-- a customer gap: the customer takes part and has no implemented evidence
CREATE OR REPLACE FUNCTION srm_internal.is_gap(responsibility srm.responsibility, status text)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (responsibility OPERATOR(srm.&&) 'customer'::srm.responsibility)
       AND coalesce(status NOT IN ('implemented', 'alternative', 'not-applicable'), true);
COMMENT ON FUNCTION srm_internal.is_gap(srm.responsibility, text) IS
    'whether a finding is a customer gap: the customer takes part and its status is not implemented, alternative or not-applicable (all of which need evidence)';

-- the identifier statuses and overrides name one asset by (their column
-- asset): its ARN on AWS, its Azure Resource Manager id (in lower case, as
-- srm.asset.resource_id holds it) or its Google Cloud full resource name
CREATE OR REPLACE FUNCTION srm_internal.asset_scope_key(provider text, arn text, resource_id text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN provider = 'aws' THEN arn ELSE coalesce(arn, resource_id) END;
COMMENT ON FUNCTION srm_internal.asset_scope_key(text, text, text) IS
    'the identifier a status or an override names an asset by: the ARN on AWS, else the asset''s ARN column if set, else its resource id (an Azure Resource Manager id in lower case, a Google Cloud full resource name)';

-- the arguments of srm.run_audit, checked: a known framework, a baseline it
-- has, accounts with assets, a retention of at least one run; returns the
-- number of runs to keep (null: all)
CREATE OR REPLACE FUNCTION srm_internal.audit_arguments_checked(framework text, baseline text, accounts text[], keep_runs integer)
RETURNS integer
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    fw text := lower(btrim(framework));
    bl text := upper(btrim(baseline));
    keep integer;
    missing text;
BEGIN
    IF framework IS NULL OR NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = fw) THEN
        PERFORM srm_internal.raise_unknown_framework(framework);
    END IF;
    IF bl IS NOT NULL AND NOT EXISTS (SELECT FROM srm.control c WHERE c.framework_id = fw AND bl = ANY (c.baselines)) THEN
        RAISE EXCEPTION 'framework % has no baseline "%"', fw, baseline
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = coalesce('Its baselines: ' || (SELECT string_agg(DISTINCT b, ', ') FROM srm.control c, unnest(c.baselines) b WHERE c.framework_id = fw) || '.',
                                  'It has none: pass NULL to audit every control.');
    END IF;
    IF cardinality(accounts) = 0 THEN
        RAISE EXCEPTION 'the list of accounts to audit is empty'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Name at least one account, or pass NULL (no list) to audit every account.';
    END IF;
    IF array_position(accounts, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'the list of accounts to audit holds a NULL'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('The list was %s.', accounts),
                  HINT = 'Name accounts by their ids (AWS, Azure, Google Cloud); to audit every account pass NULL instead of a list.';
    END IF;
    SELECT string_agg(a, ', ') INTO missing FROM unnest(accounts) a
    WHERE a IS NULL OR NOT EXISTS (SELECT FROM srm.asset x WHERE x.account_id = a);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'no assets are loaded for account %', missing
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Load the account''s inventory first (AWS Config snapshot, Azure Resource Graph or Cloud Asset Inventory export), or leave it out.';
    END IF;
    keep := coalesce(keep_runs, nullif(current_setting('srm.audit_keep_runs', true), '')::integer);
    IF keep IS NOT NULL AND keep < 1 THEN
        RAISE EXCEPTION 'cannot keep % audit runs', keep
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Keep at least 1 run, or leave retention unset to keep all.';
    END IF;
    RETURN keep;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_arguments_checked(text, text, text[], integer) IS
    'checks the arguments of srm.run_audit (known framework, a baseline of it, accounts with assets, keep_runs or setting srm.audit_keep_runs at least 1) and returns the number of runs to keep, null for all';

-- the grain of a run's assets and groups as text: its resource type and
-- variant, '' for the service (inlined where it is called)
CREATE OR REPLACE FUNCTION srm_internal.grain_key(resource_type text, variant text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce(resource_type || coalesce(' ' || variant, ''), '');
COMMENT ON FUNCTION srm_internal.grain_key(text, text) IS
    'the grain of an audit run''s asset or group (srm.audit_asset.grain): resource type and variant joined by a space, empty for the service';

-- the scope of run rid: its assets (srm.audit_asset) at their grains, and in
-- temporary tables dropped at commit its controls (srm_audit_control) and
-- their derived responsibility at each service and grain of the run
-- (srm_audit_derived, from the stored derivation)
CREATE OR REPLACE FUNCTION srm_internal.audit_scope(rid bigint, fw text, bl text, accounts text[])
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    -- each asset at its grain: its resource type and configuration variant
    -- where the model has answers for them (srm_internal.grain), else its
    -- service ('')
    INSERT INTO srm.audit_asset (run_id, asset_id, account_id, region, resource_type, resource_id, arn,
                                         service_namespace, known, grain, tags, provider)
    SELECT rid, a.asset_id, a.account_id, a.region, a.resource_type, a.resource_id, a.arn, a.service_namespace,
           a.service_namespace IS NOT NULL,
           srm_internal.grain_key(g.resource_type, g.variant), a.tags, a.provider
    FROM srm.asset a
    LEFT JOIN LATERAL (
        SELECT x.resource_type, x.variant
        FROM srm_internal.grain x
        WHERE x.provider = a.provider AND x.resource_type = a.resource_type
          AND x.service_namespace = a.service_namespace
          AND (x.variant IS NULL
               OR x.variant = (SELECT v.variant
                               FROM srm_internal.variant_of(a.resource_type, a.configuration,
                                                            a.supplementary_configuration) v))
        ORDER BY x.variant IS NULL
        LIMIT 1) g ON a.known_type
    WHERE accounts IS NULL OR a.account_id = ANY (accounts);
    PERFORM srm_internal.analyze_user_table('srm.audit_asset');

    IF to_regclass('pg_temp.srm_audit_control') IS NOT NULL THEN
        DROP TABLE pg_temp.srm_audit_control;
    END IF;
    IF to_regclass('pg_temp.srm_audit_derived') IS NOT NULL THEN
        DROP TABLE pg_temp.srm_audit_derived;
    END IF;
    CREATE TEMPORARY TABLE srm_audit_control ON COMMIT DROP AS
    SELECT c.control_id, c.family_id, c.label, c.title, c.family_title FROM srm.control c
    WHERE c.framework_id = fw AND c.status = 'active' AND (bl IS NULL OR bl = ANY (c.baselines));
    -- the stored derivation, once per control x service (of its provider)
    -- and grain of the run
    CREATE TEMPORARY TABLE srm_audit_derived ON COMMIT DROP AS
    SELECT d.control_id, k.provider, k.service_namespace, k.grain, d.derived AS responsibility
    FROM (SELECT DISTINCT a.provider, a.service_namespace, a.grain FROM srm.audit_asset a WHERE a.run_id = rid AND a.known) k
    JOIN srm_internal.grain g
      ON g.provider = k.provider AND g.service_namespace = k.service_namespace
     AND srm_internal.grain_key(g.resource_type, g.variant) = k.grain
    JOIN srm_internal.derivation d ON d.grain_id = g.grain_id AND d.framework_id = fw
    JOIN pg_temp.srm_audit_control c ON c.control_id = d.control_id;
    CREATE INDEX ON pg_temp.srm_audit_derived (service_namespace, grain, control_id);
    ANALYZE pg_temp.srm_audit_control;
    ANALYZE pg_temp.srm_audit_derived;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_scope(bigint, text, text, text[]) IS
    'records the assets of audit run rid (all, or those of accounts) and stages its controls of framework fw and baseline bl, with their derived responsibility per service, in temporary tables for srm.run_audit';

-- the run's copies of the overrides and statuses of its framework, its
-- groups (srm.audit_group) and the answer of every control on every service
-- of the run (srm.audit_default).  A group is stored (its findings written
-- out by the two functions below) when an override or a status of its
-- account, or of one of its assets, may apply to it; every other group has,
-- for every control, its service's answer: no override or status names its
-- account or its assets, so the override and the status that apply are the
-- provider- or service-wide ones
CREATE OR REPLACE FUNCTION srm_internal.audit_defaults(rid bigint, fw text)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    INSERT INTO srm.audit_override (run_id, override_id, provider, service_namespace, account_id, asset, framework_id,
                                    control_id, family_id, responsibility, reason, created_by, created_at)
    SELECT rid, o.override_id, o.provider, o.service_namespace, o.account_id, o.asset, o.framework_id,
           o.control_id, o.family_id, o.responsibility, o.reason, o.created_by, o.created_at
    FROM srm.override o WHERE o.framework_id = fw;
    INSERT INTO srm.audit_status (run_id, status_id, framework_id, control_id, provider, account_id, service_namespace,
                                  asset, status, evidence, evidence_url, assessed_by, assessed_at)
    SELECT rid, s.status_id, s.framework_id, s.control_id, s.provider, s.account_id, s.service_namespace,
           s.asset, s.status, s.evidence, s.evidence_url, s.assessed_by, s.assessed_at
    FROM srm.control_status s WHERE s.framework_id = fw;

    INSERT INTO srm.audit_group (run_id, provider, account_id, service_namespace, grain, assets, stored, answers)
    SELECT rid, g.provider, g.account_id, g.service_namespace, g.grain, g.assets, g.stored,
           CASE WHEN g.stored THEN g.account_id ELSE '' END
    -- an account-scoped rule applies to the group: one of its account and
    -- service, or of its account and any service ('*' below: no service
    -- is named so; never null, so that a test is true or false).  Each
    -- test probes a hash of the account-scoped rules, built once: at 1,000
    -- accounts a run has some 28,000 groups, and two correlated subqueries
    -- for each took 80 ms in the lab
    FROM (SELECT a.provider, a.account_id, a.service_namespace, a.grain, count(*) AS assets,
           (a.provider, a.account_id, '*') IN (SELECT o.provider, o.account_id, coalesce(o.service_namespace, '*')
                                               FROM srm.override o WHERE o.framework_id = fw AND o.account_id IS NOT NULL
                                               UNION ALL
                                               SELECT s.provider, s.account_id, coalesce(s.service_namespace, '*')
                                               FROM srm.control_status s WHERE s.framework_id = fw AND s.account_id IS NOT NULL)
           OR (a.provider, a.account_id, a.service_namespace)
              IN (SELECT o.provider, o.account_id, coalesce(o.service_namespace, '*')
                  FROM srm.override o WHERE o.framework_id = fw AND o.account_id IS NOT NULL
                  UNION ALL
                  SELECT s.provider, s.account_id, coalesce(s.service_namespace, '*')
                  FROM srm.control_status s WHERE s.framework_id = fw AND s.account_id IS NOT NULL)
           OR coalesce(bool_or(srm_internal.asset_scope_key(a.provider, a.arn, a.resource_id)
                               IN (SELECT x.asset FROM srm.override x WHERE x.framework_id = fw
                                   UNION SELECT x.asset FROM srm.control_status x WHERE x.framework_id = fw)), false)
             AS stored
          FROM srm.audit_asset a
          WHERE a.run_id = rid AND a.known
          GROUP BY a.provider, a.account_id, a.service_namespace, a.grain) g;

    INSERT INTO srm.audit_default (run_id, provider, service_namespace, grain, framework_id, control_id, family_id, derived,
        responsibility, class, customer_part, override_id, status, status_id, evidence, gap, label, title, family_title)
    SELECT rid, cs.provider, cs.service_namespace, cs.grain, fw, c.control_id, c.family_id, cs.responsibility,
           r.resp, srm.aws_class(r.resp),
           r.resp OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility,
           o.override_id, st.status, st.status_id, coalesce(st.evidence, st.evidence_url),
           srm_internal.is_gap(r.resp, st.status), c.label, c.title, c.family_title
    FROM pg_temp.srm_audit_derived cs
    JOIN pg_temp.srm_audit_control c ON c.control_id = cs.control_id
    LEFT JOIN LATERAL srm_internal.override_for(cs.provider, cs.service_namespace, NULL, NULL, fw, c.control_id, c.family_id) o ON true
    LEFT JOIN LATERAL srm_internal.status_for(fw, c.control_id, cs.provider, cs.service_namespace, NULL, NULL) st ON true
    CROSS JOIN LATERAL (SELECT coalesce(o.responsibility, cs.responsibility) AS resp) r;
    PERFORM srm_internal.analyze_user_table('srm.audit_group');
    PERFORM srm_internal.analyze_user_table('srm.audit_default');
END
$$;
COMMENT ON FUNCTION srm_internal.audit_defaults(bigint, text) IS
    'records for audit run rid the overrides and statuses of framework fw as they are, its groups of assets per account x service (stored: an account- or asset-scoped override or status may apply, so its findings are written out) and the answer of every control on every service of the run (srm.run_audit)';

-- findings of the assets with an override or a status of their own, one row
-- per asset x control
CREATE OR REPLACE FUNCTION srm_internal.audit_asset_findings(rid bigint, fw text)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    -- assets with a rule or status of their own get rows of their own
    INSERT INTO srm.audit_finding (run_id, provider, account_id, service_namespace, grain, asset_id, framework_id, control_id,
        family_id, responsibility, class, customer_part, override_id, status, status_id, evidence, gap, assets)
    SELECT rid, a.provider, a.account_id, a.service_namespace, a.grain, a.asset_id, fw, c.control_id, c.family_id,
           r.resp, srm.aws_class(r.resp),
           r.resp OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility,
           o.override_id, st.status, st.status_id, coalesce(st.evidence, st.evidence_url),
           srm_internal.is_gap(r.resp, st.status), 1
    FROM srm.audit_asset a
    CROSS JOIN pg_temp.srm_audit_control c
    CROSS JOIN LATERAL (SELECT srm_internal.asset_scope_key(a.provider, a.arn, a.resource_id) AS key) k
    JOIN pg_temp.srm_audit_derived cs
      ON cs.control_id = c.control_id AND cs.provider = a.provider AND cs.service_namespace = a.service_namespace
     AND cs.grain = a.grain
    LEFT JOIN LATERAL srm_internal.override_for(a.provider, a.service_namespace, a.account_id, k.key, fw, c.control_id, c.family_id) o ON true
    LEFT JOIN LATERAL srm_internal.status_for(fw, c.control_id, a.provider, a.service_namespace, a.account_id, k.key) st ON true
    CROSS JOIN LATERAL (SELECT coalesce(o.responsibility, cs.responsibility) AS resp) r
    WHERE a.run_id = rid AND a.known
      AND k.key IN (SELECT x.asset FROM srm.override x WHERE x.framework_id = fw
                    UNION SELECT x.asset FROM srm.control_status x WHERE x.framework_id = fw)
      AND (EXISTS (SELECT FROM srm.override x WHERE x.asset = k.key AND x.provider = a.provider AND x.framework_id = fw
                   AND (x.control_id = c.control_id OR x.family_id = c.family_id
                        OR (x.control_id IS NULL AND x.family_id IS NULL)))
           OR EXISTS (SELECT FROM srm.control_status x WHERE x.asset = k.key AND x.provider = a.provider
                      AND x.framework_id = fw AND x.control_id = c.control_id));
END
$$;
COMMENT ON FUNCTION srm_internal.audit_asset_findings(bigint, text) IS
    'writes the findings of audit run rid for the assets with an override or a control status of their own: one row per asset x control (srm.run_audit)';

-- findings of every other asset of the stored groups, one row per account x
-- service x control speaking for its assets
CREATE OR REPLACE FUNCTION srm_internal.audit_group_findings(rid bigint, fw text)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    -- everything else once per account x service x control
    INSERT INTO srm.audit_finding (run_id, provider, account_id, service_namespace, grain, asset_id, framework_id, control_id,
        family_id, responsibility, class, customer_part, override_id, status, status_id, evidence, gap, assets)
    SELECT rid, g.provider, g.account_id, g.service_namespace, g.grain, NULL, fw, c.control_id, c.family_id,
           r.resp, srm.aws_class(r.resp),
           r.resp OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility,
           o.override_id, st.status, st.status_id, coalesce(st.evidence, st.evidence_url),
           srm_internal.is_gap(r.resp, st.status),
           g.n - coalesce(e.n, 0)
    FROM (SELECT a.provider, a.account_id, a.service_namespace, a.grain, a.assets AS n
          FROM srm.audit_group a WHERE a.run_id = rid AND a.stored) g
    CROSS JOIN pg_temp.srm_audit_control c
    LEFT JOIN (SELECT x.provider, x.account_id, x.service_namespace, x.grain, x.control_id, count(*) AS n
               FROM srm.audit_finding x WHERE x.run_id = rid AND x.asset_id IS NOT NULL
               GROUP BY x.provider, x.account_id, x.service_namespace, x.grain, x.control_id) e
      ON e.provider = g.provider AND e.account_id = g.account_id AND e.service_namespace = g.service_namespace
     AND e.grain = g.grain AND e.control_id = c.control_id
    JOIN pg_temp.srm_audit_derived cs
      ON cs.control_id = c.control_id AND cs.provider = g.provider AND cs.service_namespace = g.service_namespace
     AND cs.grain = g.grain
    LEFT JOIN LATERAL srm_internal.override_for(g.provider, g.service_namespace, g.account_id, NULL, fw, c.control_id, c.family_id) o ON true
    LEFT JOIN LATERAL srm_internal.status_for(fw, c.control_id, g.provider, g.service_namespace, g.account_id, NULL) st ON true
    CROSS JOIN LATERAL (SELECT coalesce(o.responsibility, cs.responsibility) AS resp) r;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_group_findings(bigint, text) IS
    'writes the findings of audit run rid for every other asset of its stored groups (srm.audit_group): one row per account x service x control, counting its assets (srm.run_audit)';

-- the gaps of runs as srm.bi_customer_gaps lists them (srm.audit_gap):
-- the gaps of each run's services' answers, which every group not stored takes,
-- and the gap findings of each stored group, titled as the run kept its
-- controls (its services' answers: the same label and titles on every
-- service), else, for a run of 0.2.0, which kept none, as the catalog has
-- them.  Written once a run's findings are; the update to 0.11.0 writes
-- them for every earlier run at once
CREATE OR REPLACE FUNCTION srm_internal.audit_gaps(runs bigint[])
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    INSERT INTO srm.audit_gap (run_id, provider, service_namespace, grain, answers, control_id, asset_id, asset, assets,
        framework_id, family_id, label, title, family_title, responsibility, customer_part, class, status, evidence)
    SELECT d.run_id, d.provider, d.service_namespace, d.grain, '', d.control_id, NULL, NULL, NULL,
           d.framework_id, d.family_id, d.label, d.title, d.family_title, d.responsibility, d.customer_part, d.class,
           d.status, d.evidence
    FROM srm.audit_default d
    WHERE d.run_id = ANY (runs) AND d.gap
    UNION ALL
    SELECT f.run_id, f.provider, f.service_namespace, f.grain, f.account_id, f.control_id, f.asset_id, a.arn, f.assets,
           f.framework_id, f.family_id, coalesce(d.label, c.label), coalesce(d.title, c.title),
           coalesce(d.family_title, c.family_title), f.responsibility, f.customer_part, f.class, f.status, f.evidence
    FROM srm.audit_finding f
    LEFT JOIN srm.audit_default d
      ON d.run_id = f.run_id AND d.provider = f.provider AND d.service_namespace = f.service_namespace
     AND d.grain = f.grain AND d.control_id = f.control_id
    LEFT JOIN srm.control c ON c.framework_id = f.framework_id AND c.control_id = f.control_id
    LEFT JOIN srm.audit_asset a ON a.run_id = f.run_id AND a.asset_id = f.asset_id
    WHERE f.run_id = ANY (runs) AND f.gap AND f.assets > 0;
    PERFORM srm_internal.analyze_user_table('srm.audit_gap');
END
$$;
COMMENT ON FUNCTION srm_internal.audit_gaps(bigint[]) IS
    'writes the customer gaps of the given audit runs (runs) as srm.bi_customer_gaps lists them (srm.audit_gap): its services'' gap answers and its stored groups'' gap findings, with the controls'' label and titles (srm.run_audit)';

-- whether a finding's resource is the account itself (an account-level
-- check such as the IAM password policy): Security Hub's AwsAccount
-- (AWS::::Account:<id>), a bare account id, the account's root principal
-- (arn:aws:iam::<id>:root) or a pseudo-ARN of the account or one of its
-- regions (arn:aws:::<id>, arn:aws::<region>:<id>), or a finding srm placed
-- in the service "account"
CREATE OR REPLACE FUNCTION srm_internal.finding_names_account(account_id text, resource_type text, resource_id text, arn text,
                                                   service_namespace text)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce(service_namespace = 'account', false)
    OR coalesce(resource_type IN ('AwsAccount', 'AWS::::Account', 'AWS::Account', 'Account'), false)
    OR coalesce(pg_catalog.btrim(resource_id) IN (account_id, 'AWS::::Account:' || account_id), false)
    OR coalesce(pg_catalog.btrim(coalesce(arn, resource_id)) OPERATOR(pg_catalog.~) '^arn:aws[a-z-]*:(iam)?:[a-z0-9-]*:[0-9]{12}(:root)?$'
                AND pg_catalog.split_part(pg_catalog.btrim(coalesce(arn, resource_id)), ':', 5) = account_id, false);
COMMENT ON FUNCTION srm_internal.finding_names_account(text, text, text, text, text) IS
    'whether a finding of account account_id names the account itself: resource type AwsAccount, resource id the account id or AWS::::Account:<id>, the root principal arn:aws:iam::<id>:root, a pseudo-ARN arn:aws:::<id> or arn:aws::<region>:<id>, or service "account"';

-- the check results of run rid: the findings of its framework and accounts
-- it sees, each matched to the run's known asset of its ARN, else (no asset
-- of the run has that ARN) to those of its account and resource id (the
-- finding's, or the last part of its ARN; in its region, or global), else to the account itself when it names the
-- account; of each check (scanner, check id) on each asset (or account)
-- the newest result counts; per asset (or account) x in-scope control it
-- evidences: failed if a current check failed, else passed.  One
-- statement, so one snapshot of srm.finding: a load committing meanwhile is
-- wholly in the run or wholly out of it, and findings_through says which
CREATE OR REPLACE FUNCTION srm_internal.audit_checks(rid bigint, fw text, accounts text[])
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    WITH f AS (
        SELECT f.finding_id, f.scanner, f.check_id, f.status, f.observed_at, f.provider, f.account_id, f.region,
               f.resource_type, f.resource_id, f.arn, f.service_namespace, f.controls
        FROM srm.finding f
        WHERE f.framework_id = fw AND (accounts IS NULL OR f.account_id = ANY (accounts))),
    by_arn AS (
        SELECT f.finding_id, a.asset_id, a.service_namespace
        FROM f JOIN srm.audit_asset a ON a.run_id = rid AND a.provider = f.provider AND a.arn = f.arn AND a.known),
    by_id AS (
        SELECT f.finding_id, a.asset_id, a.service_namespace
        FROM f JOIN srm.audit_asset a
          ON a.run_id = rid AND a.provider = f.provider AND a.account_id = f.account_id AND a.known
         AND a.resource_id IN (btrim(f.resource_id),
                               substring(coalesce(f.arn, btrim(f.resource_id)) FROM '^arn:.*[/:]([^/:]+)$'))
         AND (f.region IS NULL OR a.region IN (f.region, 'global'))
        WHERE NOT EXISTS (SELECT FROM srm.audit_asset y WHERE y.run_id = rid AND y.arn = f.arn)),
    target AS (
        SELECT t.finding_id, t.asset_id, t.service_namespace FROM by_arn t
        UNION ALL
        SELECT t.finding_id, t.asset_id, t.service_namespace FROM by_id t
        UNION ALL
        SELECT f.finding_id, NULL, NULL FROM f
        WHERE srm_internal.finding_names_account(f.account_id, f.resource_type, f.resource_id, f.arn, f.service_namespace)
          AND NOT EXISTS (SELECT FROM by_arn t WHERE t.finding_id = f.finding_id)
          AND NOT EXISTS (SELECT FROM by_id t WHERE t.finding_id = f.finding_id)
          AND EXISTS (SELECT FROM srm.audit_asset y
                      WHERE y.run_id = rid AND y.provider = f.provider AND y.account_id = f.account_id AND y.known)),
    cur AS (
        SELECT DISTINCT ON (t.asset_id, f.account_id, f.scanner, f.check_id)
               f.finding_id, f.provider, f.account_id, t.asset_id, t.service_namespace, f.scanner, f.check_id, f.status, f.controls
        FROM f JOIN target t USING (finding_id)
        ORDER BY t.asset_id, f.account_id, f.scanner, f.check_id, f.observed_at DESC, f.finding_id DESC),
    unmatched AS (
        SELECT DISTINCT ON (f.account_id, coalesce(f.arn, btrim(f.resource_id)), f.scanner, f.check_id) f.finding_id
        FROM f
        WHERE NOT EXISTS (SELECT FROM target t WHERE t.finding_id = f.finding_id)
        ORDER BY f.account_id, coalesce(f.arn, btrim(f.resource_id)), f.scanner, f.check_id, f.observed_at DESC, f.finding_id DESC),
    result AS (
        SELECT c.provider, c.account_id, c.asset_id, min(c.service_namespace) AS service_namespace, x.control_id,
               CASE WHEN bool_or(c.status = 'failed') THEN 'failed' ELSE 'passed' END AS check_result,
               coalesce(array_agg(DISTINCT c.scanner || ' ' || c.check_id) FILTER (WHERE c.status = 'failed'), '{}') AS failed_checks,
               coalesce(array_agg(DISTINCT c.scanner || ' ' || c.check_id) FILTER (WHERE c.status = 'passed'), '{}') AS passed_checks,
               array_agg(DISTINCT c.finding_id) AS findings
        FROM cur c
        CROSS JOIN LATERAL (SELECT DISTINCT u AS control_id FROM unnest(c.controls) u) u
        JOIN pg_temp.srm_audit_control x ON x.control_id = u.control_id
        GROUP BY c.provider, c.account_id, c.asset_id, x.control_id),
    ins AS (
        INSERT INTO srm.audit_check (run_id, account_id, asset_id, service_namespace, framework_id, control_id,
                                     check_result, failed_checks, passed_checks, findings, gap, provider)
        SELECT rid, r.account_id, r.asset_id, r.service_namespace, fw, r.control_id, r.check_result,
               r.failed_checks, r.passed_checks, r.findings, g.gap, r.provider
        FROM result r
        LEFT JOIN LATERAL (SELECT x.gap FROM srm.audit_result x
                           WHERE x.run_id = rid AND x.asset_id = r.asset_id AND x.control_id = r.control_id) g
          ON r.asset_id IS NOT NULL
        WHERE r.asset_id IS NULL OR g.gap IS NOT NULL)
    UPDATE srm.audit_run u
    SET findings_through = (SELECT max(x.finding_id) FROM srm.finding x),
        findings_applied = (SELECT count(*) FROM cur),
        findings_unmatched = (SELECT count(*) FROM unmatched)
    WHERE u.run_id = rid;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_checks(bigint, text, text[]) IS
    'records the check results of audit run rid (srm.audit_check) from the findings of framework fw and the run''s accounts it sees, in one snapshot: matched to the run''s asset by ARN, else by account and resource id, else to the account itself; the newest result of each check per asset or account counts; and the run''s counts of findings (srm.run_audit)';

-- the run's totals, and its end
CREATE OR REPLACE FUNCTION srm_internal.audit_finish(rid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    UPDATE srm.audit_run r
    SET finished_at = clock_timestamp(),
        assets = (SELECT count(*) FROM srm.audit_asset a WHERE a.run_id = rid),
        unknown_assets = (SELECT count(*) FROM srm.audit_asset a WHERE a.run_id = rid AND NOT a.known),
        controls = (SELECT count(*) FROM pg_temp.srm_audit_control),
        asset_controls = coalesce((SELECT sum(f.assets) FROM srm_internal.audit_fold f WHERE f.run_id = rid), 0),
        gaps = coalesce((SELECT sum(f.assets) FROM srm_internal.audit_fold f WHERE f.run_id = rid AND f.gap), 0),
        gaps_failing = coalesce((SELECT sum(c.failing) FROM srm_internal.audit_check_fold c WHERE c.run_id = rid), 0),
        gaps_passing = coalesce((SELECT sum(c.passing) FROM srm_internal.audit_check_fold c WHERE c.run_id = rid), 0)
    WHERE r.run_id = rid;
    DROP TABLE pg_temp.srm_audit_control;
    DROP TABLE pg_temp.srm_audit_derived;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_finish(bigint) IS
    'records the end and the totals of audit run rid (assets, unknown assets, controls, asset x control pairs, gaps, gaps whose checks failed or passed) and drops the staged controls (srm.run_audit)';

-- retention: the newest keep runs of the same framework and baseline
CREATE OR REPLACE FUNCTION srm_internal.audit_retention(fw text, bl text, keep integer)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    -- retention: the newest runs of the same framework and baseline
    IF keep IS NOT NULL THEN
        DELETE FROM srm.audit_run r
        WHERE r.framework_id = fw AND r.baseline IS NOT DISTINCT FROM bl
          AND r.run_id NOT IN (SELECT x.run_id FROM srm.audit_run x
                               WHERE x.framework_id = fw AND x.baseline IS NOT DISTINCT FROM bl
                               ORDER BY x.run_id DESC LIMIT keep);
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_retention(text, text, integer) IS
    'deletes the audit runs of framework fw and baseline bl but the newest keep (none when keep is null), for srm.run_audit';

CREATE OR REPLACE FUNCTION srm.run_audit(framework text, baseline text DEFAULT NULL, accounts text[] DEFAULT NULL,
                              note text DEFAULT NULL, keep_runs integer DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_variable
DECLARE
    fw text := lower(btrim(framework));
    bl text := upper(btrim(baseline));
    rid bigint;
    keep integer;
BEGIN
    -- Azure subscription ids in any case, as srm.asset holds them (lower)
    IF accounts IS NOT NULL THEN
        accounts := ARRAY(SELECT CASE WHEN x.a ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                                      THEN lower(x.a) ELSE x.a END
                          FROM unnest(accounts) WITH ORDINALITY AS x(a, n) ORDER BY x.n);
    END IF;
    -- a team member audits its teams' accounts (install/code/teams.sql)
    accounts := srm_internal.team_audit_accounts(accounts);
    keep := srm_internal.audit_arguments_checked(framework, baseline, accounts, keep_runs);

    -- one consistent snapshot: no writes to what the audit reads while it runs
    LOCK TABLE srm.asset, srm.control_status, srm.override IN SHARE MODE;

    INSERT INTO srm.audit_run (framework_id, baseline, accounts, note)
    VALUES (fw, bl, accounts, note) RETURNING run_id INTO rid;

    PERFORM srm_internal.audit_scope(rid, fw, bl, accounts);

    PERFORM srm_internal.audit_defaults(rid, fw);

    PERFORM srm_internal.audit_asset_findings(rid, fw);

    PERFORM srm_internal.audit_group_findings(rid, fw);

    PERFORM srm_internal.audit_gaps(ARRAY[rid]);

    PERFORM srm_internal.audit_checks(rid, fw, accounts);

    PERFORM srm_internal.audit_finish(rid);

    PERFORM srm_internal.audit_retention(fw, bl, keep);
    RETURN rid;
END
$$;
COMMENT ON FUNCTION srm.run_audit(text, text, text[], text, integer) IS
    'records one consistent audit of every in-scope asset x control of a framework (and baseline: LOW, MODERATE, HIGH, PRIVACY), optionally limited to accounts; keeps the newest keep_runs runs of that framework and baseline (default: setting srm.audit_keep_runs, else all); returns the run id';

-------------------------------------------------------------------- install/code/report_charts.sql
-- install/code/report_charts.sql (code part): the helpers and the charts of
-- srm.report_html (install/code/report.sql), all in srm_internal.
--
-- Colours: the Okabe-Ito palette (safe for the common colour-vision
-- deficiencies), always with a legend and the numbers in <title> tooltips:
--   not applicable #BBBBBB, inherited #0072B2, shared #E69F00,
--   customer-specific #CC79A7, customer gaps #D55E00.

-------------------------------------------------------------------------------
-- Small helpers
-------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION srm_internal.html_escape(s text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
           s, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION srm_internal.html_escape(text) IS
    'text escaped for HTML element content and quoted attribute values: & < > " and '' become character references';

CREATE OR REPLACE FUNCTION srm_internal.report_number(n numeric)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN pg_catalog.to_char(pg_catalog.round(n), 'FM999,999,999,999,999,990');
COMMENT ON FUNCTION srm_internal.report_number(numeric) IS
    'a count rounded to an integer with thousands separators (1234567 -> 1,234,567), independent of lc_numeric; used by srm.report_html';

CREATE OR REPLACE FUNCTION srm_internal.report_percent(part numeric, whole numeric)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN CASE WHEN whole = 0 THEN '0%'
            WHEN part > 0 AND pg_catalog.round(100 * part / whole, 1) = 0 THEN '&lt;0.1%'
            WHEN part < whole AND pg_catalog.round(100 * part / whole, 1) = 100 THEN '&gt;99.9%'
            ELSE pg_catalog.to_char(pg_catalog.round(100 * part / whole, 1), 'FM990.0') || '%' END;
COMMENT ON FUNCTION srm_internal.report_percent(numeric, numeric) IS
    'part as a percentage of whole with one decimal, as HTML text (41.3%; &lt;0.1% and &gt;99.9% rather than a rounded 0.0% or 100.0%; 0% when whole is 0); used by srm.report_html';

CREATE OR REPLACE FUNCTION srm_internal.report_axis_step(maximum numeric, ticks integer)
RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN maximum <= 0 OR ticks < 1 THEN 1
            ELSE GREATEST(1, pg_catalog.round(
                 CASE WHEN maximum / ticks / pg_catalog.power(10::numeric, pg_catalog.floor(pg_catalog.log(maximum / ticks))) <= 1 THEN 1
                      WHEN maximum / ticks / pg_catalog.power(10::numeric, pg_catalog.floor(pg_catalog.log(maximum / ticks))) <= 2 THEN 2
                      WHEN maximum / ticks / pg_catalog.power(10::numeric, pg_catalog.floor(pg_catalog.log(maximum / ticks))) <= 5 THEN 5
                      ELSE 10 END
                 * pg_catalog.power(10::numeric, pg_catalog.floor(pg_catalog.log(maximum / ticks))))) END;
COMMENT ON FUNCTION srm_internal.report_axis_step(numeric, integer) IS
    'a round axis step (1, 2 or 5 times a power of ten, at least 1) giving about ticks ticks up to maximum; used by the charts of srm.report_html';

-------------------------------------------------------------------------------
-- Charts: each returns one inline <svg> with <title>, <desc>, a legend and a
-- <title> tooltip on every shape.  Input rows are jsonb arrays built by
-- srm.report_html.
-------------------------------------------------------------------------------

-- Stacked horizontal bars, one per row, of segments given by the caller:
-- rows: [{"label": text, "hint": text, "v": [one count per segment]}, ...];
-- names, fills, inks (the colour of a count or share written on its
-- segment) and outlines (a segment's outline colour, null for none; '{}'
-- for a chart without outlines) one per segment; legend_pitch the
-- distance between the legend's entries; summary opens the <desc>;
-- no_data is written when there is no row; unit follows a row's total in
-- the <desc>; shares: each segment shows its share of the row (else its
-- count).
CREATE OR REPLACE FUNCTION srm_internal.report_segments_svg(chart_id text, caption text, rows jsonb,
    names text[], fills text[], inks text[], outlines text[], legend_pitch integer,
    summary text, no_data text, unit text, shares boolean)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    lx      constant integer := 200;   -- left edge of the bars
    bw      constant integer := 640;   -- width of the longest bar
    top_y   constant integer := 40;    -- first bar row
    rh      constant integer := 30;    -- row pitch
    bh      constant integer := 20;    -- bar height
    segs    integer := cardinality(names);
    n       integer := jsonb_array_length(rows);
    h       integer;
    v_max   numeric := 0;
    v_step  numeric;
    v_axis  numeric;
    v_tot   numeric;
    v_val   numeric;
    x       numeric;
    w       numeric;
    y       integer;
    i       integer := 0;
    k       integer;
    e       jsonb;
    t       numeric;
    v_label text;
    v_mark  text;
    body    text := '';
    descr   text := '';
BEGIN
    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        v_tot := 0;
        FOR k IN 1 .. segs LOOP
            v_tot := v_tot + (e->'v'->>(k - 1))::numeric;
        END LOOP;
        v_max := greatest(v_max, v_tot);
    END LOOP;
    v_step := srm_internal.report_axis_step(v_max, 5);
    v_axis := greatest(v_step, ceil(v_max / v_step) * v_step);
    h := top_y + greatest(n, 1) * rh + 30;

    -- legend: in a chart with outlines every swatch has a stroke, of width
    -- 0 where its segment has no outline
    FOR k IN 1 .. segs LOOP
        body := body || format('<rect x="%s" y="6" width="14" height="14" rx="2" fill="%s"%s/><text x="%s" y="18">%s</text>',
                               lx + (k - 1) * legend_pitch, fills[k],
                               CASE WHEN cardinality(outlines) > 0
                                    THEN format(' stroke="%s" stroke-width="%s"',
                                                coalesce(outlines[k], (SELECT o FROM unnest(outlines) o WHERE o IS NOT NULL LIMIT 1)),
                                                CASE WHEN outlines[k] IS NOT NULL THEN '0.8' ELSE '0' END)
                                    ELSE '' END,
                               lx + (k - 1) * legend_pitch + 20, names[k]);
    END LOOP;

    -- grid and axis
    t := 0;
    WHILE t <= v_axis LOOP
        x := round(lx + t / v_axis * bw, 1);
        body := body || format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d9e0e7"/><text x="%s" y="%s" text-anchor="middle" fill="#5b6b7c">%s</text>',
                               x, top_y - 6, x, top_y + greatest(n, 1) * rh - 4, x, top_y + greatest(n, 1) * rh + 12,
                               srm_internal.report_number(t));
        t := t + v_step;
    END LOOP;

    IF n = 0 THEN
        body := body || format('<text x="%s" y="%s">%s</text>', lx + 10, top_y + 15, no_data);
    END IF;

    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        y := top_y + i * rh;
        v_tot := 0;
        FOR k IN 1 .. segs LOOP
            v_tot := v_tot + (e->'v'->>(k - 1))::numeric;
        END LOOP;
        v_label := e->>'label';
        -- an Azure subscription id is named by its first group, as the
        -- portal's short form (the whole id is the label's title)
        IF v_label ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
            v_label := left(v_label, 8) || '…';
        ELSIF length(v_label) > 28 THEN
            v_label := left(v_label, 27) || '…';
        END IF;
        body := body || format('<text x="%s" y="%s" text-anchor="end">%s<title>%s</title></text>',
                               lx - 10, y + bh / 2 + 4, srm_internal.html_escape(v_label),
                               srm_internal.html_escape(coalesce(e->>'hint', e->>'label')));
        x := lx;
        descr := descr || CASE WHEN i > 0 THEN '; ' ELSE '' END
                 || srm_internal.html_escape(e->>'label') || ': ' || srm_internal.report_number(v_tot) || unit;
        FOR k IN 1 .. segs LOOP
            v_val := (e->'v'->>(k - 1))::numeric;
            CONTINUE WHEN v_val = 0;
            w := v_val / v_axis * bw;
            v_mark := CASE WHEN shares THEN srm_internal.report_percent(v_val, v_tot) ELSE srm_internal.report_number(v_val) END;
            body := body || format('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"%s><title>%s: %s %s (%s)</title></rect>',
                                   round(x, 1), y, round(greatest(w, 0.5), 1), bh, fills[k],
                                   CASE WHEN outlines[k] IS NOT NULL THEN format(' stroke="%s" stroke-width="0.8"', outlines[k]) ELSE '' END,
                                   srm_internal.html_escape(e->>'label'), srm_internal.report_number(v_val), names[k],
                                   srm_internal.report_percent(v_val, v_tot));
            IF w >= 46 THEN
                body := body || format('<text x="%s" y="%s" text-anchor="middle" fill="%s" font-size="11">%s</text>',
                                       round(x + w / 2, 1), y + bh / 2 + 4, inks[k], v_mark);
            END IF;
            descr := descr || CASE WHEN shares THEN format(', %s %s', names[k], v_mark) ELSE format(', %s %s', v_mark, names[k]) END;
            x := x + w;
        END LOOP;
        body := body || format('<text x="%s" y="%s" fill="#1d2733" font-weight="600">%s</text>',
                               round(x + 6, 1), y + bh / 2 + 4, srm_internal.report_number(v_tot));
        i := i + 1;
    END LOOP;

    RETURN format('<svg id="%1$s" class="chart" width="960" height="%2$s" viewBox="0 0 960 %2$s" role="img" aria-labelledby="%1$s-t %1$s-d">'
                  '<title id="%1$s-t">%3$s</title><desc id="%1$s-d">%4$s</desc>%5$s</svg>',
                  chart_id, h, srm_internal.html_escape(caption),
                  summary || ' ' || CASE WHEN descr = '' THEN 'No data.' ELSE descr || '.' END, body);
END
$$;
COMMENT ON FUNCTION srm_internal.report_segments_svg(text, text, jsonb, text[], text[], text[], text[], integer, text, text, text, boolean) IS
    'an inline SVG of stacked horizontal bars, one per row, split into the segments the caller names (names, fills, inks, outlines), with legend, axis, counts or shares on the segments and tooltips; rows is [{"label","hint","v":[one count per segment]}]; used by the class-mix and check-result charts of srm.report_html';

-- rows: [{"label": text, "hint": text, "v": [not-applicable, inherited, shared, customer-specific]}, ...]
CREATE OR REPLACE FUNCTION srm_internal.report_stacked_svg(chart_id text, caption text, rows jsonb)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN srm_internal.report_segments_svg(chart_id, caption, rows,
           ARRAY['not applicable', 'inherited', 'shared', 'customer-specific'],
           ARRAY['#BBBBBB', '#0072B2', '#E69F00', '#CC79A7'],
           ARRAY['#1d2733', '#ffffff', '#1d2733', '#1d2733'],
           '{}', 150, 'Asset x control pairs by class.', 'No asset x control pairs in this run.', '', true);
COMMENT ON FUNCTION srm_internal.report_stacked_svg(text, text, jsonb) IS
    'an inline SVG of stacked horizontal bars, one per row, split by control class (not applicable, inherited, shared, customer-specific), with legend, axis, percentages and tooltips; rows is [{"label","hint","v":[4 counts]}]; used by srm.report_html';

-- rows: [{"label": text, "hint": text, "value": gaps, "of": customer asset x control pairs}, ...]
CREATE OR REPLACE FUNCTION srm_internal.report_bars_svg(chart_id text, caption text, rows jsonb)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    lx      constant integer := 300;
    bw      constant integer := 470;
    top_y   constant integer := 40;
    rh      constant integer := 26;
    bh      constant integer := 17;
    n       integer := jsonb_array_length(rows);
    h       integer;
    v_max   numeric := 0;
    v_step  numeric;
    v_axis  numeric;
    v_val   numeric;
    v_of    numeric;
    x       numeric;
    y       integer;
    i       integer := 0;
    e       jsonb;
    t       numeric;
    v_label text;
    body    text := '';
    descr   text := '';
BEGIN
    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        v_max := greatest(v_max, (e->>'value')::numeric, (e->>'of')::numeric);
    END LOOP;
    v_step := srm_internal.report_axis_step(v_max, 5);
    v_axis := greatest(v_step, ceil(v_max / v_step) * v_step);
    h := top_y + greatest(n, 1) * rh + 30;

    body := body || format('<rect x="%s" y="6" width="14" height="14" rx="2" fill="#D55E00"/><text x="%s" y="18">customer gaps (no implemented evidence)</text>', lx, lx + 20)
                 || format('<rect x="%s" y="6" width="14" height="14" rx="2" fill="#F3E3D6" stroke="#D55E00" stroke-width="0.8"/><text x="%s" y="18">asset x control pairs where the customer takes part</text>', lx + 290, lx + 310);

    t := 0;
    WHILE t <= v_axis LOOP
        x := round(lx + t / v_axis * bw, 1);
        body := body || format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d9e0e7"/><text x="%s" y="%s" text-anchor="middle" fill="#5b6b7c">%s</text>',
                               x, top_y - 6, x, top_y + greatest(n, 1) * rh - 4, x, top_y + greatest(n, 1) * rh + 12,
                               srm_internal.report_number(t));
        t := t + v_step;
    END LOOP;

    IF n = 0 THEN
        body := body || format('<text x="%s" y="%s">No control where the customer takes part.</text>', lx + 10, top_y + 14);
    END IF;

    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        y := top_y + i * rh;
        v_val := (e->>'value')::numeric;
        v_of := (e->>'of')::numeric;
        v_label := e->>'label';
        IF length(v_label) > 44 THEN
            v_label := left(v_label, 43) || '…';
        END IF;
        body := body || format('<text x="%s" y="%s" text-anchor="end">%s<title>%s</title></text>',
                               lx - 10, y + bh / 2 + 4, srm_internal.html_escape(v_label),
                               srm_internal.html_escape(coalesce(e->>'hint', e->>'label')))
                     || format('<rect x="%s" y="%s" width="%s" height="%s" fill="#F3E3D6" stroke="#D55E00" stroke-width="0.8"><title>%s: %s asset x control pairs where the customer takes part</title></rect>',
                               lx, y, round(greatest(v_of / v_axis * bw, 0.5), 1), bh,
                               srm_internal.html_escape(e->>'label'), srm_internal.report_number(v_of));
        IF v_val > 0 THEN
            body := body || format('<rect x="%s" y="%s" width="%s" height="%s" fill="#D55E00"><title>%s: %s customer gaps of %s (%s)</title></rect>',
                                   lx, y, round(greatest(v_val / v_axis * bw, 0.5), 1), bh,
                                   srm_internal.html_escape(e->>'label'), srm_internal.report_number(v_val),
                                   srm_internal.report_number(v_of), srm_internal.report_percent(v_val, v_of));
        END IF;
        body := body || format('<text x="%s" y="%s"><tspan font-weight="600">%s</tspan> of %s (%s)</text>',
                               round(lx + greatest(v_val, v_of) / v_axis * bw + 6, 1), y + bh / 2 + 4,
                               srm_internal.report_number(v_val), srm_internal.report_number(v_of),
                               srm_internal.report_percent(v_val, v_of));
        descr := descr || CASE WHEN i > 0 THEN '; ' ELSE '' END
                 || format('%s: %s gaps of %s', srm_internal.html_escape(e->>'label'),
                           srm_internal.report_number(v_val), srm_internal.report_number(v_of));
        i := i + 1;
    END LOOP;

    RETURN format('<svg id="%1$s" class="chart" width="960" height="%2$s" viewBox="0 0 960 %2$s" role="img" aria-labelledby="%1$s-t %1$s-d">'
                  '<title id="%1$s-t">%3$s</title><desc id="%1$s-d">%4$s</desc>%5$s</svg>',
                  chart_id, h, srm_internal.html_escape(caption),
                  'Customer gaps against the asset x control pairs where the customer takes part. '
                  || CASE WHEN descr = '' THEN 'No data.' ELSE descr || '.' END, body);
END
$$;
COMMENT ON FUNCTION srm_internal.report_bars_svg(text, text, jsonb) IS
    'an inline SVG of horizontal bars: customer gaps (value) drawn over the asset x control pairs where the customer takes part (of), with legend, axis and tooltips; rows is [{"label","hint","value","of"}]; used by srm.report_html';

-- rows: [{"label": text, "hint": text, "v": [failing, passing but unattested, unchecked]}, ...]
CREATE OR REPLACE FUNCTION srm_internal.report_checks_svg(chart_id text, caption text, rows jsonb)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN srm_internal.report_segments_svg(chart_id, caption, rows,
           ARRAY['check failed', 'checks passed, unattested', 'unchecked'],
           ARRAY['#D55E00', '#009E73', '#F3E3D6'],
           ARRAY['#ffffff', '#ffffff', '#1d2733'],
           ARRAY[NULL, NULL, '#D55E00'], 200, 'Customer gaps by check result.', 'No customer gap in this run.', ' gaps', false);
COMMENT ON FUNCTION srm_internal.report_checks_svg(text, text, jsonb) IS
    'an inline SVG of stacked horizontal bars, one per row, of customer gaps split by the scanners'' checks (failed, passed but unattested, unchecked), with legend, axis and tooltips; rows is [{"label","hint","v":[3 counts]}]; used by srm.report_html';

-- rows, oldest first: [{"label": "#12", "sub": "2024-06-01", "v": [gaps, not-applicable, inherited, shared, customer-specific]}, ...]
CREATE OR REPLACE FUNCTION srm_internal.report_trend_svg(chart_id text, caption text, rows jsonb)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    names   constant text[] := ARRAY['customer gaps', 'not applicable', 'inherited', 'shared', 'customer-specific'];
    fills   constant text[] := ARRAY['#D55E00', '#BBBBBB', '#0072B2', '#E69F00', '#CC79A7'];
    x0      constant integer := 90;    -- plot area
    x1      constant integer := 700;
    y0      constant integer := 34;
    y1      constant integer := 254;
    h       constant integer := 300;
    n       integer := jsonb_array_length(rows);
    v_max   numeric := 0;
    v_step  numeric;
    v_axis  numeric;
    v_every integer;
    xs      numeric[] := '{}';
    x       numeric;
    y       numeric;
    i       integer;
    k       integer;
    e       jsonb;
    t       numeric;
    v_path  text;
    v_dots  text;
    v_last  jsonb;
    body    text := '';
    descr   text := '';
BEGIN
    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        FOR k IN 1 .. 5 LOOP
            v_max := greatest(v_max, (e->'v'->>(k - 1))::numeric);
        END LOOP;
    END LOOP;
    v_step := srm_internal.report_axis_step(v_max, 5);
    v_axis := greatest(v_step, ceil(v_max / v_step) * v_step);
    v_every := greatest(1, ceil(n / 12.0)::integer);

    -- y grid
    t := 0;
    WHILE t <= v_axis LOOP
        y := round(y1 - t / v_axis * (y1 - y0), 1);
        body := body || format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d9e0e7"/><text x="%s" y="%s" text-anchor="end" fill="#5b6b7c">%s</text>',
                               x0, y, x1, y, x0 - 8, y + 4, srm_internal.report_number(t));
        t := t + v_step;
    END LOOP;
    body := body || format('<text x="%s" y="%s" fill="#5b6b7c">asset x control pairs</text>', x0 - 80, y0 - 16);

    -- x positions and labels
    i := 0;
    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        x := CASE WHEN n = 1 THEN (x0 + x1) / 2.0 ELSE x0 + 30 + i * (x1 - x0 - 60)::numeric / (n - 1) END;
        xs := xs || round(x, 1);
        IF i % v_every = 0 OR i = n - 1 THEN
            body := body || format('<text x="%s" y="%s" text-anchor="middle"%s>%s</text><text x="%s" y="%s" text-anchor="middle" fill="#5b6b7c" font-size="11">%s</text>',
                                   round(x, 1), y1 + 18, CASE WHEN i = n - 1 THEN ' font-weight="600"' ELSE '' END,
                                   srm_internal.html_escape(e->>'label'), round(x, 1), y1 + 32, srm_internal.html_escape(e->>'sub'));
        END IF;
        v_last := e;
        i := i + 1;
    END LOOP;

    -- series: classes first, gaps last so that they are drawn on top
    FOREACH k IN ARRAY ARRAY[2, 3, 4, 5, 1] LOOP
        v_path := '';
        v_dots := '';
        i := 0;
        FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
            y := round(y1 - (e->'v'->>(k - 1))::numeric / v_axis * (y1 - y0), 1);
            v_path := v_path || CASE WHEN i = 0 THEN 'M' ELSE ' L' END || xs[i + 1] || ' ' || y;
            v_dots := v_dots || format('<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="#ffffff" stroke-width="1.5"><title>run %s (%s): %s %s</title></circle>',
                                       xs[i + 1], y, CASE WHEN k = 1 THEN 5.5 ELSE 4.5 END, fills[k],
                                       srm_internal.html_escape(e->>'label'), srm_internal.html_escape(e->>'sub'),
                                       srm_internal.report_number((e->'v'->>(k - 1))::numeric), names[k]);
            i := i + 1;
        END LOOP;
        IF n > 1 THEN
            body := body || format('<path d="%s" fill="none" stroke="%s" stroke-width="%s"%s/>', v_path, fills[k],
                                   CASE WHEN k = 1 THEN 3 ELSE 2 END,
                                   CASE WHEN k = 1 THEN ' stroke-dasharray="7 4"' ELSE '' END);
        END IF;
        body := body || v_dots;
    END LOOP;

    IF n = 1 THEN
        body := body || format('<text x="%s" y="%s" text-anchor="middle" fill="#5b6b7c">Only one run of this framework and baseline so far: one point per series.</text>',
                               (x0 + x1) / 2, y0 - 16);
    ELSIF n = 0 THEN
        body := body || format('<text x="%s" y="%s" text-anchor="middle">No run.</text>', (x0 + x1) / 2, (y0 + y1) / 2);
    END IF;

    -- legend with the values of the last (this) run
    FOR k IN 1 .. 5 LOOP
        body := body || format('<line x1="730" y1="%s" x2="758" y2="%s" stroke="%s" stroke-width="%s"%s/><circle cx="744" cy="%s" r="4.5" fill="%s"/><text x="766" y="%s">%s%s</text>',
                               y0 + 6 + (k - 1) * 24, y0 + 6 + (k - 1) * 24, fills[k],
                               CASE WHEN k = 1 THEN 3 ELSE 2 END, CASE WHEN k = 1 THEN ' stroke-dasharray="7 4"' ELSE '' END,
                               y0 + 6 + (k - 1) * 24, fills[k], y0 + 10 + (k - 1) * 24, names[k],
                               CASE WHEN v_last IS NULL THEN ''
                                    ELSE ': ' || srm_internal.report_number((v_last->'v'->>(k - 1))::numeric) END);
        descr := descr || CASE WHEN k > 1 THEN '; ' ELSE '' END || names[k] || ' '
                 || coalesce((SELECT string_agg(srm_internal.report_number((value->'v'->>(k - 1))::numeric), ', ' ORDER BY ord)
                              FROM jsonb_array_elements(rows) WITH ORDINALITY AS a(value, ord)), 'none');
    END LOOP;
    body := body || format('<text x="730" y="%s" fill="#5b6b7c" font-size="11">values of this run</text>', y0 + 10 + 5 * 24);

    RETURN format('<svg id="%1$s" class="chart" width="960" height="%2$s" viewBox="0 0 960 %2$s" role="img" aria-labelledby="%1$s-t %1$s-d">'
                  '<title id="%1$s-t">%3$s</title><desc id="%1$s-d">%4$s</desc>%5$s</svg>',
                  chart_id, h, srm_internal.html_escape(caption),
                  format('%s run(s), oldest first: %s.', n, descr), body);
END
$$;
COMMENT ON FUNCTION srm_internal.report_trend_svg(text, text, jsonb) IS
    'an inline SVG line chart across audit runs (oldest first) of customer gaps and of the asset x control pairs of each class, with points, legend and tooltips (a single point per series for one run); rows is [{"label","sub","v":[gaps, 4 class counts]}]; used by srm.report_html';

-- rows, in bin order: [{"label": "0-10%", "hint": text, "value": accounts}, ...]
CREATE OR REPLACE FUNCTION srm_internal.report_histogram_svg(chart_id text, caption text, rows jsonb)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    x0      constant integer := 90;    -- plot area
    x1      constant integer := 900;
    y0      constant integer := 30;
    y1      constant integer := 210;
    h       constant integer := 260;
    n       integer := jsonb_array_length(rows);
    pitch   numeric;
    v_max   numeric := 0;
    v_step  numeric;
    v_axis  numeric;
    v_val   numeric;
    x       numeric;
    y       numeric;
    i       integer := 0;
    e       jsonb;
    t       numeric;
    body    text := '';
    descr   text := '';
BEGIN
    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        v_max := greatest(v_max, (e->>'value')::numeric);
    END LOOP;
    v_step := srm_internal.report_axis_step(v_max, 4);
    v_axis := greatest(v_step, ceil(v_max / v_step) * v_step);
    pitch := (x1 - x0)::numeric / greatest(n, 1);

    t := 0;
    WHILE t <= v_axis LOOP
        y := round(y1 - t / v_axis * (y1 - y0), 1);
        body := body || format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d9e0e7"/><text x="%s" y="%s" text-anchor="end" fill="#5b6b7c">%s</text>',
                               x0, y, x1, y, x0 - 8, y + 4, srm_internal.report_number(t));
        t := t + v_step;
    END LOOP;
    body := body || format('<text x="%s" y="%s" fill="#5b6b7c">accounts</text>', x0 - 80, y0 - 14);

    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        v_val := (e->>'value')::numeric;
        x := x0 + i * pitch;
        y := round(y1 - v_val / v_axis * (y1 - y0), 1);
        IF v_val > 0 THEN
            body := body || format('<rect x="%s" y="%s" width="%s" height="%s" fill="#D55E00"><title>%s</title></rect>',
                                   round(x + pitch * 0.12, 1), y, round(pitch * 0.76, 1), round(y1 - y, 1),
                                   srm_internal.html_escape(coalesce(e->>'hint', e->>'label')));
        END IF;
        body := body || format('<text x="%s" y="%s" text-anchor="middle" font-weight="600">%s</text>',
                               round(x + pitch / 2, 1), round(y - 5, 1), srm_internal.report_number(v_val))
                     || format('<text x="%s" y="%s" text-anchor="middle">%s</text>',
                               round(x + pitch / 2, 1), y1 + 18, srm_internal.html_escape(e->>'label'));
        descr := descr || CASE WHEN i > 0 THEN '; ' ELSE '' END
                 || srm_internal.html_escape(e->>'label') || ': ' || srm_internal.report_number(v_val);
        i := i + 1;
    END LOOP;
    body := body || format('<text x="%s" y="%s" text-anchor="middle" fill="#5b6b7c">share of the account''s asset x control pairs where the customer takes part that are customer gaps</text>',
                           (x0 + x1) / 2, y1 + 40);

    RETURN format('<svg id="%1$s" class="chart" width="960" height="%2$s" viewBox="0 0 960 %2$s" role="img" aria-labelledby="%1$s-t %1$s-d">'
                  '<title id="%1$s-t">%3$s</title><desc id="%1$s-d">%4$s</desc>%5$s</svg>',
                  chart_id, h, srm_internal.html_escape(caption),
                  'Accounts per bin of their customer gap share. ' || CASE WHEN descr = '' THEN 'No data.' ELSE descr || '.' END, body);
END
$$;
COMMENT ON FUNCTION srm_internal.report_histogram_svg(text, text, jsonb) IS
    'an inline SVG histogram (vertical bars, one per bin, with the count over each bar, an axis and tooltips); rows is [{"label","hint","value"}] in bin order; used by srm.report_html for the distribution of customer gap shares across accounts';

-------------------------------------------------------------------- install/code/report.sql
-- install/code/report.sql (code part): srm.report_html, the audit report as
-- one HTML page, composed of one function per section (all but report_html
-- in srm_internal; the charts and helpers are in report_charts.sql).
--
-- The page is self-contained: inline <style>, inline SVG charts, no script,
-- no font, no image and no link to the network.  Every figure is read from
-- the BI views of install/code/bi_views.sql, and the SQL that reproduces it
-- is printed under it.  The page depends on the run's data only (times are
-- the run's own, shown in UTC), so the same run gives the same page.  Each
-- section takes the run id of a run that exists (report_html checks it).

-------------------------------------------------------------------------------
-- The look: the only place the page's CSS is written
-------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION srm_internal.report_css()
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $css$:root { --ink: #1d2733; --muted: #5b6b7c; --line: #d9e0e7; --panel: #f5f7f9;
        --na: #BBBBBB; --inh: #0072B2; --sha: #E69F00; --cus: #CC79A7; --gap: #D55E00; }
* { box-sizing: border-box; }
html { background: #ffffff; }
body { margin: 0; color: var(--ink); line-height: 1.45; font-size: 15px;
       font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 28px 36px 40px; }
.eyebrow { margin: 0; font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
h1 { font-size: 27px; line-height: 1.2; margin: 4px 0 16px; }
h2 { font-size: 19px; margin: 34px 0 4px; padding-top: 16px; border-top: 1px solid var(--line); }
h2 .num { color: var(--muted); font-weight: 400; margin-right: 6px; }
h3 { font-size: 16px; margin: 24px 0 4px; }
.meta { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px 24px; margin: 0; }
.meta div { min-width: 0; }
.meta dt { font-size: 12px; color: var(--muted); }
.meta dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.meta .wide { grid-column: span 2; }
.cards { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 12px; margin: 24px 0 12px; }
.card { background: var(--panel); border-radius: 8px; padding: 12px 14px 10px; border-top: 6px solid var(--line); }
.card .n { display: block; font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
.card .p { font-size: 13px; font-weight: 600; color: var(--muted); }
.card .l { display: block; font-size: 13px; color: var(--muted); }
.card.total { border-top-color: var(--ink); } .card.inh { border-top-color: var(--inh); }
.card.sha { border-top-color: var(--sha); } .card.cus { border-top-color: var(--cus); }
.card.na { border-top-color: var(--na); } .card.gap { border-top-color: var(--gap); background: #fbeee6; }
.lede { max-width: 80ch; }
.note { color: var(--muted); font-size: 13.5px; margin: 2px 0 8px; }
figure { margin: 10px 0 0; }
svg.chart { display: block; width: 100%; max-width: 960px; height: auto; font-size: 12px; }
.sql { margin: 4px 0 0; font-size: 12px; color: var(--muted); }
code { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px;
       background: var(--panel); border-radius: 4px; padding: 1px 5px; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin-top: 8px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--panel); font-weight: 600; border-bottom: 2px solid var(--line); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.id { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; white-space: nowrap; }
td.arn, span.arn { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; color: var(--muted); }
.tag { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; background: var(--panel); border: 1px solid var(--line); white-space: nowrap; }
.tag.open { background: #fbeee6; border-color: #eab89a; }
.callout { background: #eef5fb; border-left: 4px solid var(--inh); padding: 10px 14px; margin: 10px 0; }
.callout ul { margin: 4px 0 0; padding-left: 20px; }
footer { margin-top: 36px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12.5px; }
@media (max-width: 800px) { .meta { grid-template-columns: repeat(2, minmax(0, 1fr)); } .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media print { main { padding: 0; } h2 { break-after: avoid; } figure, tr { break-inside: avoid; } }
$css$;
COMMENT ON FUNCTION srm_internal.report_css() IS
    'the style sheet of the page srm.report_html writes (Okabe-Ito colours, print and narrow-screen rules)';

-------------------------------------------------------------------------------
-- Sections, in page order
-------------------------------------------------------------------------------

-- <head> with the title and the style sheet, and the opening of <body>
CREATE OR REPLACE FUNCTION srm_internal.report_head(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r  record;
    fw record;
BEGIN
    SELECT * INTO r FROM srm.audit_run a WHERE a.run_id = report_head.run;
    SELECT * INTO fw FROM srm.framework f WHERE f.framework_id = r.framework_id;
    RETURN '<!DOCTYPE html>' || E'\n' || '<html lang="en">' || E'\n' || '<head>' || E'\n'
         || '<meta charset="utf-8">' || E'\n'
         || '<meta name="viewport" content="width=device-width, initial-scale=1">' || E'\n'
         || format('<title>Shared responsibility audit, run %s: %s%s</title>', r.run_id, srm_internal.html_escape(fw.name),
                   CASE WHEN r.baseline IS NULL THEN '' ELSE ', ' || srm_internal.html_escape(r.baseline) || ' baseline' END) || E'\n'
         || '<style>' || E'\n' || srm_internal.report_css() || '</style>' || E'\n'
         || '</head>' || E'\n' || '<body>' || E'\n' || '<main>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_head(bigint) IS
    'the page''s <head> (title, srm_internal.report_css()) and the opening of <body>, for srm.report_html';

-- a provider as people name it
CREATE OR REPLACE FUNCTION srm_internal.provider_name(provider text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE provider WHEN 'aws' THEN 'AWS' WHEN 'azure' THEN 'Microsoft Azure' WHEN 'gcp' THEN 'Google Cloud' ELSE provider END;
COMMENT ON FUNCTION srm_internal.provider_name(text) IS
    'the name of a provider (aws, azure, gcp) for people: AWS, Microsoft Azure, Google Cloud';

-- the providers of a run's assets, and whether the run has any but AWS's
-- (the report then names each service with its provider and shows the
-- figures per provider; a run of AWS alone reads as before 0.6.0)
CREATE OR REPLACE FUNCTION srm_internal.report_providers(run bigint)
RETURNS text[]
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
SELECT coalesce(array_agg(p.provider ORDER BY p.provider), '{}')
FROM (SELECT DISTINCT a.provider FROM srm.audit_asset a WHERE a.run_id = report_providers.run) p;
END;
COMMENT ON FUNCTION srm_internal.report_providers(bigint) IS
    'the providers (aws, azure, gcp) of the assets of an audit run, sorted';

CREATE OR REPLACE FUNCTION srm_internal.report_multi_provider(run bigint)
RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN EXISTS (SELECT FROM srm.audit_asset a WHERE a.run_id = report_multi_provider.run AND a.provider <> 'aws');
COMMENT ON FUNCTION srm_internal.report_multi_provider(bigint) IS
    'whether an audit run has assets of a provider other than AWS: srm.report_html then names services with their provider and shows the figures per provider';

-- a service as the report's charts and tables name it: its namespace, after
-- its provider when the run has more than AWS's assets (gcp:iam, aws:iam)
CREATE OR REPLACE FUNCTION srm_internal.report_service_label(provider text, service_namespace text, multi boolean)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN multi THEN provider || ':' || service_namespace ELSE service_namespace END;
COMMENT ON FUNCTION srm_internal.report_service_label(text, text, boolean) IS
    'the label of a service in srm.report_html: its namespace, prefixed by its provider (gcp:compute) in a run with assets of more than AWS';

-- the title and the run's facts: framework, times, scope, assets, note
CREATE OR REPLACE FUNCTION srm_internal.report_header(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r          record;
    fw         record;
    v_accounts text[];
    v_scope    text;
    v_providers text[] := srm_internal.report_providers(run);
BEGIN
    SELECT * INTO r FROM srm.audit_run a WHERE a.run_id = report_header.run;
    SELECT * INTO fw FROM srm.framework f WHERE f.framework_id = r.framework_id;
    -- the accounts hashed first: a sort of 1,000 names, not of every asset
    SELECT array_agg(a.account_id ORDER BY a.account_id) INTO v_accounts
    FROM (SELECT DISTINCT a.account_id FROM srm.audit_asset a WHERE a.run_id = r.run_id) a;
    v_scope := CASE WHEN r.accounts IS NULL THEN 'all accounts in the inventory' ELSE 'accounts named by the run' END
               || format(' (%s with assets', coalesce(cardinality(v_accounts), 0))
               || CASE WHEN cardinality(v_accounts) > 0
                       THEN ': ' || srm_internal.html_escape(array_to_string(v_accounts[1:8], ', '))
                            || CASE WHEN cardinality(v_accounts) > 8 THEN format(' and %s more', cardinality(v_accounts) - 8) ELSE '' END
                       ELSE '' END || ')';
    IF r.accounts IS NOT NULL THEN
        v_scope := v_scope || ': ' || srm_internal.html_escape(array_to_string(r.accounts, ', '));
    END IF;

    RETURN '<header>' || E'\n'
         || '<p class="eyebrow">srm &middot; cloud shared responsibility audit</p>' || E'\n'
         || format('<h1>%s%s</h1>', srm_internal.html_escape(fw.name),
                   CASE WHEN r.baseline IS NULL THEN '' ELSE ' &mdash; ' || srm_internal.html_escape(r.baseline) || ' baseline' END) || E'\n'
         || '<dl class="meta">'
         || format('<div><dt>Audit run</dt><dd id="run-id">%s</dd></div>', r.run_id)
         || format('<div><dt>Framework</dt><dd>%s <span class="note">(%s)</span></dd></div>',
                   srm_internal.html_escape(r.framework_id), srm_internal.html_escape(fw.version))
         || format('<div><dt>Started</dt><dd>%s</dd></div>', to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'))
         || format('<div><dt>Finished</dt><dd>%s</dd></div>',
                   coalesce(to_char(r.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'), 'not finished'))
         || format('<div class="wide"><dt>Scope</dt><dd>%s</dd></div>', v_scope)
         || CASE WHEN v_providers = '{aws}' OR v_providers = '{}' THEN ''
                 ELSE format('<div class="wide"><dt>Providers</dt><dd id="providers">%s</dd></div>',
                             (SELECT string_agg(srm_internal.provider_name(p), ', ' ORDER BY p) FROM unnest(v_providers) p)) END
         || format('<div><dt>Assets</dt><dd id="assets">%s</dd></div>', coalesce(srm_internal.report_number(r.assets), 'not recorded'))
         || format('<div><dt>Unknown assets</dt><dd id="unknown-assets">%s</dd></div>', coalesce(srm_internal.report_number(r.unknown_assets), 'not recorded'))
         || format('<div><dt>Controls in scope</dt><dd>%s</dd></div>', coalesce(srm_internal.report_number(r.controls), 'not recorded'))
         || format('<div><dt>Requested by</dt><dd>%s</dd></div>', srm_internal.html_escape(r.requested_by))
         || CASE WHEN r.note IS NULL THEN ''
                 ELSE format('<div class="wide"><dt>Note</dt><dd>%s</dd></div>', srm_internal.html_escape(r.note)) END
         || '</dl>' || E'\n' || '</header>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_header(bigint) IS
    'the page''s header for srm.report_html: title, run, framework, start and end (UTC), scope (accounts), assets, unknown assets, controls, requester and note';

-- the cards of the headline figures and the sentence that reads them
CREATE OR REPLACE FUNCTION srm_internal.report_figures(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r          record;
    v_total    numeric;
    v_customer numeric;
    v_gaps     numeric;
BEGIN
    SELECT * INTO r FROM srm.bi_run b WHERE b.run_id = report_figures.run;
    v_total := r.not_applicable + r.inherited + r.shared + r.customer_specific;
    v_customer := r.shared + r.customer_specific;
    v_gaps := coalesce(r.gaps, 0);
    RETURN '<section aria-label="Headline figures">' || E'\n' || '<div class="cards">'
         || format('<div class="card total"><span class="n" id="asset-controls">%s</span><span class="l">asset &times; control pairs</span></div>',
                   srm_internal.report_number(v_total))
         || format('<div class="card inh"><span class="n" id="inherited">%s</span><span class="p">%s</span><span class="l">inherited from the provider</span></div>',
                   srm_internal.report_number(r.inherited), srm_internal.report_percent(r.inherited, v_total))
         || format('<div class="card sha"><span class="n" id="shared">%s</span><span class="p">%s</span><span class="l">shared</span></div>',
                   srm_internal.report_number(r.shared), srm_internal.report_percent(r.shared, v_total))
         || format('<div class="card cus"><span class="n" id="customer-specific">%s</span><span class="p">%s</span><span class="l">customer-specific</span></div>',
                   srm_internal.report_number(r.customer_specific), srm_internal.report_percent(r.customer_specific, v_total))
         || format('<div class="card na"><span class="n" id="not-applicable">%s</span><span class="p">%s</span><span class="l">not applicable</span></div>',
                   srm_internal.report_number(r.not_applicable), srm_internal.report_percent(r.not_applicable, v_total))
         || format('<div class="card gap"><span class="n" id="gaps">%s</span><span class="p">%s</span><span class="l">customer gaps (of the pairs where the customer takes part)</span></div>',
                   srm_internal.report_number(v_gaps), srm_internal.report_percent(v_gaps, v_customer))
         || '</div>' || E'\n'
         || format('<p class="lede">Of the <b>%s</b> asset &times; control pairs of this run, the provider alone is responsible for <b>%s</b> (%s, inherited), '
                   'the provider and the customer share <b>%s</b> (%s), and <b>%s</b> (%s) are the customer''s alone. '
                   'Where the customer takes part (%s pairs), <b>%s</b> (%s) lack implemented evidence: these are the customer gaps.</p>',
                   srm_internal.report_number(v_total), srm_internal.report_number(r.inherited), srm_internal.report_percent(r.inherited, v_total),
                   srm_internal.report_number(r.shared), srm_internal.report_percent(r.shared, v_total),
                   srm_internal.report_number(r.customer_specific), srm_internal.report_percent(r.customer_specific, v_total),
                   srm_internal.report_number(v_customer), srm_internal.report_number(v_gaps), srm_internal.report_percent(v_gaps, v_customer)) || E'\n'
         || format('<p class="sql">Source: <code>SELECT asset_controls, not_applicable, inherited, shared, customer_specific, gaps FROM srm.bi_run WHERE run_id = %s</code></p>', r.run_id) || E'\n'
         || srm_internal.report_provider_table(run)
         || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_figures(bigint) IS
    'the headline figures of srm.report_html: asset x control pairs by class and customer gaps, as cards and one sentence, from srm.bi_run';

-- the figures per provider, side by side (a run with assets of more than
-- AWS; empty otherwise)
CREATE OR REPLACE FUNCTION srm_internal.report_provider_table(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    x    record;
    html text;
BEGIN
    IF NOT srm_internal.report_multi_provider(run) THEN
        RETURN '';
    END IF;
    html := '<h3>Per provider</h3>' || E'\n'
         || '<p class="note">The same figures for the assets of each provider, each audited with its own provider''s services and model: AWS accounts, Azure subscriptions, Google Cloud projects.</p>' || E'\n'
         || '<table id="provider-mix">' || E'\n'
         || '<thead><tr><th scope="col">Provider</th><th scope="col" class="n">Accounts</th><th scope="col" class="n">Assets</th>'
         || '<th scope="col" class="n">Pairs</th><th scope="col" class="n">Inherited</th><th scope="col" class="n">Shared</th>'
         || '<th scope="col" class="n">Customer-specific</th><th scope="col" class="n">Customer gaps</th></tr></thead>' || E'\n' || '<tbody>' || E'\n';
    FOR x IN SELECT p.* FROM srm.bi_provider_mix p WHERE p.run_id = report_provider_table.run ORDER BY p.provider LOOP
        html := html || format('<tr data-provider="%s"><td>%s</td><td class="n">%s</td><td class="n">%s%s</td><td class="n">%s</td><td class="n">%s <span class="note">%s</span></td><td class="n">%s <span class="note">%s</span></td><td class="n">%s <span class="note">%s</span></td><td class="n">%s <span class="note">%s</span></td></tr>',
                               srm_internal.html_escape(x.provider), srm_internal.html_escape(srm_internal.provider_name(x.provider)),
                               srm_internal.report_number(x.accounts), srm_internal.report_number(x.assets),
                               CASE WHEN x.unknown_assets > 0
                                    THEN format('<br><span class="note">%s unknown</span>', srm_internal.report_number(x.unknown_assets))
                                    ELSE '' END,
                               srm_internal.report_number(x.asset_controls),
                               srm_internal.report_number(x.inherited), srm_internal.report_percent(x.inherited, x.asset_controls),
                               srm_internal.report_number(x.shared), srm_internal.report_percent(x.shared, x.asset_controls),
                               srm_internal.report_number(x.customer_specific), srm_internal.report_percent(x.customer_specific, x.asset_controls),
                               srm_internal.report_number(x.gaps), srm_internal.report_percent(x.gaps, x.shared + x.customer_specific)) || E'\n';
    END LOOP;
    RETURN html || '</tbody></table>' || E'\n'
        || format('<p class="sql">Source: <code>SELECT provider, accounts, assets, unknown_assets, asset_controls, inherited, shared, customer_specific, not_applicable, gaps FROM srm.bi_provider_mix WHERE run_id = %s ORDER BY provider</code> (pairs: asset &times; control pairs; percentages of the provider''s pairs, gaps of those where the customer takes part)</p>', run) || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_provider_table(bigint) IS
    'part of the headline figures of srm.report_html for a run with assets of more than AWS: per provider its accounts, assets (and unknown assets), asset x control pairs, inherited, shared and customer-specific, and customer gaps (table, from srm.bi_provider_mix); empty for a run of AWS alone';

-- the envelope of every chart section: numbered heading, note, the chart
-- and the SQL that produces it
CREATE OR REPLACE FUNCTION srm_internal.report_chart_section(num integer, title text, note text, chart text, sql_caption text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN '<section>' || E'\n' || '<h2><span class="num">' || num || '</span>' || title || '</h2>' || E'\n'
    || note || E'\n'
    || '<figure>' || chart || '<figcaption class="sql">' || sql_caption || '</figcaption>'
    || '</figure>' || E'\n' || '</section>' || E'\n';
COMMENT ON FUNCTION srm_internal.report_chart_section(integer, text, text, text, text) IS
    'one chart section of srm.report_html: the numbered heading, the note (HTML), the chart (SVG) and its SQL caption (HTML)';

-------------------------------------------------------------------------------
-- Large organisations: past report_account_threshold() accounts, section 1
-- shows the accounts with the most customer gaps, the distribution of gap
-- shares across all accounts and the totals per tag value, and section 2
-- adds the services with the most gaps; the full lists stay in the BI views.
-- These read a run's summaries (srm.bi_responsibility_mix, srm.audit_group,
-- srm.audit_default and the stored findings), never one row per pair.
-------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION srm_internal.report_account_threshold()
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN 25;
COMMENT ON FUNCTION srm_internal.report_account_threshold() IS
    'the number of accounts up to which srm.report_html draws one bar per account (25); past it the report shows the top accounts by customer gaps, a histogram of gap shares and totals per tag instead';

CREATE OR REPLACE FUNCTION srm_internal.report_is_large(run bigint)
RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
-- the accounts of the run's groups (those of its known assets); a run of
-- 0.2.0 has no groups: then those of its known assets
RETURN coalesce((SELECT nullif(count(*), 0)
                 FROM (SELECT DISTINCT g.account_id FROM srm.audit_group g WHERE g.run_id = report_is_large.run) g),
                (SELECT count(*)
                 FROM (SELECT DISTINCT a.account_id FROM srm.audit_asset a WHERE a.run_id = report_is_large.run AND a.known) a))
       > srm_internal.report_account_threshold();
COMMENT ON FUNCTION srm_internal.report_is_large(bigint) IS
    'whether an audit run has more accounts with known assets than srm_internal.report_account_threshold(): srm.report_html then shows top lists, a histogram and totals per tag rather than one bar per account';

-- per account of the run: asset x control pairs by class, the pairs where
-- the customer takes part, and the customer gaps
CREATE OR REPLACE FUNCTION srm_internal.report_account_totals(run bigint)
RETURNS TABLE (account_id text, not_applicable numeric, inherited numeric, shared numeric, customer_specific numeric,
               customer_asset_controls numeric, gaps numeric)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
SELECT m.account_id,
       coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'not-applicable'), 0),
       coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'inherited'), 0),
       coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'shared'), 0),
       coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'customer-specific'), 0),
       coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text IN ('shared', 'customer-specific')), 0),
       coalesce(sum(m.gaps), 0)
FROM srm.bi_responsibility_mix m
WHERE m.run_id = report_account_totals.run
GROUP BY m.account_id;
END;
COMMENT ON FUNCTION srm_internal.report_account_totals(bigint) IS
    'per account of an audit run: asset x control pairs by class, pairs where the customer takes part and customer gaps, summed from srm.bi_responsibility_mix; used by srm.report_html';

-- per known asset of the run: the controls where the customer takes part and
-- the customer gaps, as srm.audit_result would count them, from the run's
-- summaries: the answers of its service (a group that is not stored), else
-- its group's findings, corrected by the findings of the asset itself
CREATE OR REPLACE FUNCTION srm_internal.report_asset_totals(run bigint)
RETURNS TABLE (asset_id bigint, account_id text, tags jsonb, customer_controls bigint, gaps bigint)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
WITH svc AS (
    SELECT d.provider, d.service_namespace, d.grain,
           count(*) FILTER (WHERE d.class::text IN ('shared', 'customer-specific')) AS cust,
           count(*) FILTER (WHERE d.gap) AS gaps
    FROM srm.audit_default d WHERE d.run_id = report_asset_totals.run
    GROUP BY d.provider, d.service_namespace, d.grain),
grp AS (
    SELECT f.provider, f.account_id, f.service_namespace, f.grain,
           count(*) FILTER (WHERE f.class::text IN ('shared', 'customer-specific')) AS cust,
           count(*) FILTER (WHERE f.gap) AS gaps
    FROM srm.audit_finding f WHERE f.run_id = report_asset_totals.run AND f.asset_id IS NULL
    GROUP BY f.provider, f.account_id, f.service_namespace, f.grain),
-- the asset's own findings first (few), each then finds its group's row
x AS MATERIALIZED (
    SELECT x.asset_id, a.provider, a.account_id, a.service_namespace, a.grain, x.control_id, x.class, x.gap
    FROM srm.audit_finding x
    JOIN srm.audit_asset a ON a.run_id = x.run_id AND a.asset_id = x.asset_id
    WHERE x.run_id = report_asset_totals.run AND x.asset_id IS NOT NULL),
own AS (
    SELECT x.asset_id,
           sum((x.class::text IN ('shared', 'customer-specific'))::integer - (g.class::text IN ('shared', 'customer-specific'))::integer) AS cust,
           sum(x.gap::integer - g.gap::integer) AS gaps
    FROM x
    JOIN srm.audit_finding g ON g.run_id = report_asset_totals.run AND g.provider = x.provider AND g.account_id = x.account_id
                            AND g.service_namespace = x.service_namespace AND g.grain = x.grain
                            AND g.asset_id IS NULL AND g.control_id = x.control_id
    GROUP BY x.asset_id)
SELECT a.asset_id, a.account_id, a.tags,
       (CASE WHEN t.stored IS FALSE THEN coalesce(s.cust, 0) ELSE coalesce(g.cust, 0) END + coalesce(o.cust, 0))::bigint,
       (CASE WHEN t.stored IS FALSE THEN coalesce(s.gaps, 0) ELSE coalesce(g.gaps, 0) END + coalesce(o.gaps, 0))::bigint
FROM srm.audit_asset a
LEFT JOIN srm.audit_group t ON t.run_id = a.run_id AND t.provider = a.provider AND t.account_id = a.account_id
                           AND t.service_namespace = a.service_namespace AND t.grain = a.grain
LEFT JOIN svc s ON s.provider = a.provider AND s.service_namespace = a.service_namespace AND s.grain = a.grain
LEFT JOIN grp g ON g.provider = a.provider AND g.account_id = a.account_id AND g.service_namespace = a.service_namespace
               AND g.grain = a.grain
LEFT JOIN own o ON o.asset_id = a.asset_id
WHERE a.run_id = report_asset_totals.run AND a.known;
END;
COMMENT ON FUNCTION srm_internal.report_asset_totals(bigint) IS
    'per known asset of an audit run: its tags, the controls where the customer takes part and the customer gaps (what srm.audit_result counts for it), from the run''s answers per service, its groups'' findings and the asset''s own findings; used by srm.report_html';

-- the tag key the report totals by: the setting srm.report_tag_key, else the
-- key carried by the most of the run's first 2,000 known assets (by asset_id;
-- tags as the run recorded them) among those with 2 to 50 values there,
-- "Name" left out; then the fewest values, then the key; null when no key
-- qualifies.  The sample keeps the choice fast on a large run.
CREATE OR REPLACE FUNCTION srm_internal.report_tag_key(run bigint)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
SELECT coalesce(nullif(pg_catalog.current_setting('srm.report_tag_key', true), ''),
       (SELECT k.key
        FROM (SELECT a.tags FROM srm.audit_asset a WHERE a.run_id = report_tag_key.run AND a.known
              ORDER BY a.asset_id LIMIT 2000) a
        CROSS JOIN LATERAL pg_catalog.jsonb_each_text(a.tags) k
        WHERE k.key <> 'Name'
        GROUP BY k.key
        HAVING count(DISTINCT k.value) BETWEEN 2 AND 50
        ORDER BY count(*) DESC, count(DISTINCT k.value), k.key
        LIMIT 1));
END;
COMMENT ON FUNCTION srm_internal.report_tag_key(bigint) IS
    'the tag key srm.report_html totals a large run by: the setting srm.report_tag_key, else the key most of the run''s first 2,000 known assets carry (tags as the run recorded them) among keys with 2 to 50 values there, Name left out (ties: fewer values, then the key); null when none';

-- per value of tag key over the run's known assets (null: the assets without
-- it), tags as the run recorded them: assets, accounts, pairs where the
-- customer takes part, customer gaps
CREATE OR REPLACE FUNCTION srm_internal.report_tag_totals(run bigint, key text)
RETURNS TABLE (tag_value text, assets bigint, accounts bigint, customer_asset_controls numeric, gaps numeric)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
-- what srm_internal.report_asset_totals gives per asset, summed per tag
-- value and account without a row per asset: the assets of one tag value,
-- account, service and grain are counted together (hashed), since their
-- figures are the same but for the findings of an asset itself (few, added
-- per tag value and account after)
WITH svc AS (
    SELECT d.provider, d.service_namespace, d.grain,
           count(*) FILTER (WHERE d.class::text IN ('shared', 'customer-specific')) AS cust,
           count(*) FILTER (WHERE d.gap) AS gaps
    FROM srm.audit_default d WHERE d.run_id = report_tag_totals.run
    GROUP BY d.provider, d.service_namespace, d.grain),
grp AS (
    SELECT f.provider, f.account_id, f.service_namespace, f.grain,
           count(*) FILTER (WHERE f.class::text IN ('shared', 'customer-specific')) AS cust,
           count(*) FILTER (WHERE f.gap) AS gaps
    FROM srm.audit_finding f WHERE f.run_id = report_tag_totals.run AND f.asset_id IS NULL
    GROUP BY f.provider, f.account_id, f.service_namespace, f.grain),
a AS (
    SELECT a.tags ->> report_tag_totals.key AS tag_value, a.account_id, a.service_namespace, a.grain, count(*) AS assets,
           a.provider
    FROM srm.audit_asset a WHERE a.run_id = report_tag_totals.run AND a.known
    GROUP BY 1, 2, 3, 4, a.provider),
x AS MATERIALIZED (
    SELECT x.asset_id, a.tags ->> report_tag_totals.key AS tag_value, a.provider, a.account_id, a.service_namespace,
           a.grain, x.control_id, x.class, x.gap
    FROM srm.audit_finding x
    JOIN srm.audit_asset a ON a.run_id = x.run_id AND a.asset_id = x.asset_id
    WHERE x.run_id = report_tag_totals.run AND x.asset_id IS NOT NULL AND a.known),
own AS (
    SELECT x.tag_value, x.account_id,
           sum((x.class::text IN ('shared', 'customer-specific'))::integer - (g.class::text IN ('shared', 'customer-specific'))::integer) AS cust,
           sum(x.gap::integer - g.gap::integer) AS gaps
    FROM x
    JOIN srm.audit_finding g ON g.run_id = report_tag_totals.run AND g.provider = x.provider AND g.account_id = x.account_id
                            AND g.service_namespace = x.service_namespace AND g.grain = x.grain
                            AND g.asset_id IS NULL AND g.control_id = x.control_id
    GROUP BY x.tag_value, x.account_id),
acc AS (
    SELECT a.tag_value, a.account_id, sum(a.assets) AS assets,
           sum(a.assets * CASE WHEN t.stored IS FALSE THEN coalesce(s.cust, 0) ELSE coalesce(g.cust, 0) END) AS cust,
           sum(a.assets * CASE WHEN t.stored IS FALSE THEN coalesce(s.gaps, 0) ELSE coalesce(g.gaps, 0) END) AS gaps
    FROM a
    LEFT JOIN srm.audit_group t ON t.run_id = report_tag_totals.run AND t.provider = a.provider AND t.account_id = a.account_id
                               AND t.service_namespace = a.service_namespace AND t.grain = a.grain
    LEFT JOIN svc s ON s.provider = a.provider AND s.service_namespace = a.service_namespace AND s.grain = a.grain
    LEFT JOIN grp g ON g.provider = a.provider AND g.account_id = a.account_id AND g.service_namespace = a.service_namespace
                   AND g.grain = a.grain
    GROUP BY a.tag_value, a.account_id)
SELECT c.tag_value, sum(c.assets)::bigint, count(*), sum(c.cust + coalesce(o.cust, 0)), sum(c.gaps + coalesce(o.gaps, 0))
FROM acc c
LEFT JOIN own o ON o.tag_value IS NOT DISTINCT FROM c.tag_value AND o.account_id = c.account_id
GROUP BY 1;
END;
COMMENT ON FUNCTION srm_internal.report_tag_totals(bigint, text) IS
    'per value of a tag key over the known assets of an audit run, tags as the run recorded them (null: without the tag): assets, accounts, asset x control pairs where the customer takes part, customer gaps; used by srm.report_html';

-- chart 1: the responsibility mix per account; past
-- report_account_threshold() accounts, the accounts with the most customer
-- gaps, the distribution of gap shares and the totals per tag value instead
CREATE OR REPLACE FUNCTION srm_internal.report_chart_accounts(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    top_accounts constant integer := 20;
    v_accounts   jsonb;
    v_n          integer;
    v_rows       jsonb;
    v_bins       jsonb;
BEGIN
    SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.account_id), '[]') INTO v_accounts
    FROM srm_internal.report_account_totals(run) t;
    v_n := jsonb_array_length(v_accounts);
    IF NOT srm_internal.report_is_large(run) THEN
        SELECT coalesce(jsonb_agg(jsonb_build_object('label', s.account_id, 'hint', 'account ' || s.account_id,
                                                     'v', jsonb_build_array(s.not_applicable, s.inherited, s.shared, s.customer_specific))
                                  ORDER BY s.account_id), '[]')
        INTO v_rows
        FROM jsonb_to_recordset(v_accounts) AS s(account_id text, not_applicable numeric, inherited numeric, shared numeric, customer_specific numeric);
        RETURN srm_internal.report_chart_section(1, 'Who is responsible, per account',
            '<p class="note">Asset &times; control pairs of each account, split by who is responsible for the control. Hover a bar for its numbers.</p>',
            srm_internal.report_stacked_svg('chart-accounts', 'Responsibility mix per account', v_rows),
            format('SQL: <code>SELECT account_id, class, sum(asset_controls) FROM srm.bi_responsibility_mix WHERE run_id = %s GROUP BY account_id, class ORDER BY account_id, class</code>', run));
    END IF;

    -- the accounts with the most gaps
    SELECT jsonb_agg(jsonb_build_object('label', s.account_id,
                                        'hint', format('account %s: %s asset x control pairs', s.account_id,
                                                       srm_internal.report_number(s.not_applicable + s.inherited + s.shared + s.customer_specific)),
                                        'value', s.gaps, 'of', s.customer_asset_controls)
                     ORDER BY s.gaps DESC, s.account_id)
    INTO v_rows
    FROM (SELECT * FROM jsonb_to_recordset(v_accounts) AS s(account_id text, not_applicable numeric, inherited numeric, shared numeric,
                                                            customer_specific numeric, customer_asset_controls numeric, gaps numeric)
          ORDER BY s.gaps DESC, s.account_id LIMIT top_accounts) s;
    -- accounts per tenth of gap share (gaps / pairs where the customer takes part; 0 without such pairs)
    SELECT jsonb_agg(jsonb_build_object('label', format('%s–%s%%', b * 10, b * 10 + 10),
                                        'hint', format('%s account(s) with %s%% to %s %s%% of their customer pairs as gaps',
                                                       coalesce(c.accounts, 0), b * 10, CASE WHEN b = 9 THEN 'and with' ELSE 'under' END, b * 10 + 10),
                                        'value', coalesce(c.accounts, 0)) ORDER BY b)
    INTO v_bins
    FROM generate_series(0, 9) b
    LEFT JOIN (SELECT coalesce(least(floor(10 * s.gaps / nullif(s.customer_asset_controls, 0)), 9), 0) AS bin, count(*) AS accounts
               FROM jsonb_to_recordset(v_accounts) AS s(customer_asset_controls numeric, gaps numeric)
               GROUP BY 1) c ON c.bin = b;
    RETURN '<section>' || E'\n'
        || format('<h2><span class="num">1</span>Accounts with the most customer gaps (top %s of %s)</h2>',
                  top_accounts, srm_internal.report_number(v_n)) || E'\n'
        || format('<p class="note" id="accounts-note">%s accounts are too many for one bar each: this section shows the %s accounts with the most customer gaps (dark bar, over the asset &times; control pairs where the customer takes part), how the share of gaps spreads over all accounts, and the totals per tag. '
                  'Every account is in the BI views: <code>SELECT account_id, class, sum(asset_controls), sum(gaps) FROM srm.bi_responsibility_mix WHERE run_id = %s GROUP BY account_id, class</code>; '
                  'as CSV (cells a spreadsheet would run as formulas neutralised), <code>psql -XAt -c "SELECT * FROM srm.csv(''SELECT * FROM srm.bi_responsibility_mix WHERE run_id = %s'')" &gt; accounts.csv</code>.</p>',
                  srm_internal.report_number(v_n), top_accounts, run, run) || E'\n'
        || '<figure>' || srm_internal.report_bars_svg('chart-accounts', 'Accounts with the most customer gaps', v_rows)
        || format('<figcaption class="sql">SQL: <code>SELECT account_id, sum(assets) AS gaps FROM srm.bi_customer_gaps WHERE run_id = %s GROUP BY account_id ORDER BY gaps DESC, account_id LIMIT %s</code>; pairs where the customer takes part: <code>sum(asset_controls) FILTER (WHERE class IN (''shared'', ''customer-specific''))</code> of srm.bi_responsibility_mix</figcaption>',
                  run, top_accounts)
        || '</figure>' || E'\n'
        || format('<h3>Customer gap share across the %s accounts</h3>', srm_internal.report_number(v_n)) || E'\n'
        || '<p class="note">Accounts by the share of their asset &times; control pairs where the customer takes part that are customer gaps, in tenths (an account without such pairs counts as 0%). A crowd on the right is a programme-wide lack of evidence; a few accounts on the right are the ones to follow up.</p>' || E'\n'
        || '<figure>' || srm_internal.report_histogram_svg('chart-gap-shares', 'Accounts by customer gap share', v_bins)
        || format('<figcaption class="sql">SQL: <code>SELECT coalesce(least(floor(10 * gaps / nullif(customer, 0)), 9), 0) AS tenth, count(*) FROM (SELECT account_id, sum(gaps) AS gaps, sum(asset_controls) FILTER (WHERE class IN (''shared'', ''customer-specific'')) AS customer FROM srm.bi_responsibility_mix WHERE run_id = %s GROUP BY account_id) a GROUP BY 1 ORDER BY 1</code></figcaption>', run)
        || '</figure>' || E'\n'
        || srm_internal.report_tag_table(run)
        || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_chart_accounts(bigint) IS
    'section 1 of srm.report_html: the responsibility mix per account (stacked bars); past srm_internal.report_account_threshold() accounts, the 20 accounts with the most customer gaps (bars), a histogram of the accounts'' gap shares and the totals per tag value';

-- the totals per value of the report's tag key (a part of section 1 for large runs)
CREATE OR REPLACE FUNCTION srm_internal.report_tag_table(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    top_values constant integer := 15;
    v_key      text;
    v_n        bigint;
    v_totals   jsonb;
    i          integer := 0;
    x          record;
    html       text;
BEGIN
    v_key := srm_internal.report_tag_key(run);
    IF v_key IS NULL THEN
        RETURN '<h3>Totals per tag</h3>' || E'\n'
            || '<p class="note" id="tag-note">No tag key of the run''s assets has 2 to 50 values (runs of srm 0.2.0 recorded no tags): set <code>srm.report_tag_key</code> to the tag that names your organisational units to total by it.</p>' || E'\n';
    END IF;
    SELECT coalesce(jsonb_agg(to_jsonb(t)), '[]'), count(*) FILTER (WHERE t.tag_value IS NOT NULL) INTO v_totals, v_n
    FROM srm_internal.report_tag_totals(run, v_key) t;
    html := format('<h3 id="tag-totals-title">Totals per value of tag <code>%s</code></h3>', srm_internal.html_escape(v_key)) || E'\n'
         || format('<p class="note" id="tag-note">The run''s known assets by their tag <code>%s</code> (%s; tags as the run recorded them)%s. A pair is an asset &times; control where the customer takes part.</p>',
                   srm_internal.html_escape(v_key),
                   CASE WHEN nullif(current_setting('srm.report_tag_key', true), '') IS NOT NULL THEN 'the setting <code>srm.report_tag_key</code>'
                        ELSE 'the tag most of the run''s first 2,000 assets carry; set <code>srm.report_tag_key</code> to choose another' END,
                   CASE WHEN v_n > top_values THEN format('; the %s values with the most gaps of %s', top_values, srm_internal.report_number(v_n)) ELSE '' END) || E'\n'
         || '<table id="tag-totals">' || E'\n'
         || '<thead><tr><th scope="col">Value</th><th scope="col" class="n">Assets</th><th scope="col" class="n">Accounts</th>'
         || '<th scope="col" class="n">Pairs</th><th scope="col" class="n">Customer gaps</th><th scope="col" class="n">Gap share</th></tr></thead>' || E'\n' || '<tbody>' || E'\n';
    FOR x IN SELECT t.* FROM jsonb_to_recordset(v_totals) AS t(tag_value text, assets bigint, accounts bigint,
                                                            customer_asset_controls numeric, gaps numeric)
             ORDER BY t.tag_value IS NULL, t.gaps DESC, t.tag_value LOOP
        i := i + 1;
        CONTINUE WHEN x.tag_value IS NOT NULL AND i > top_values;
        html := html || format('<tr><td>%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td></tr>',
                               coalesce(srm_internal.html_escape(x.tag_value), '<span class="note">no such tag</span>'),
                               srm_internal.report_number(x.assets), srm_internal.report_number(x.accounts),
                               srm_internal.report_number(x.customer_asset_controls), srm_internal.report_number(x.gaps),
                               srm_internal.report_percent(x.gaps, x.customer_asset_controls)) || E'\n';
    END LOOP;
    RETURN html || '</tbody></table>' || E'\n'
        || format('<p class="sql">SQL: <code>SELECT a.tags -&gt;&gt; %s AS value, count(DISTINCT r.asset_id) AS assets, count(DISTINCT r.account_id) AS accounts, count(*) FILTER (WHERE r.class IN (''shared'', ''customer-specific'')) AS pairs, count(*) FILTER (WHERE r.gap) AS gaps FROM srm.audit_result r JOIN srm.audit_asset a USING (run_id, asset_id) WHERE r.run_id = %s GROUP BY 1</code> (reads every pair: slow on a large run; the report sums the run''s summaries per asset instead)</p>',
                  srm_internal.html_escape(quote_literal(v_key)), run) || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_tag_table(bigint) IS
    'part of section 1 of srm.report_html for large runs: per value of the tag key srm_internal.report_tag_key chooses, assets, accounts, pairs where the customer takes part and customer gaps (the 15 values with the most gaps, and the assets without the tag)';
-- chart 2: the responsibility mix of the services with the most pairs
CREATE OR REPLACE FUNCTION srm_internal.report_chart_services(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    top_services constant integer := 15;
    top_gaps     constant integer := 10;
    v_n          bigint;
    v_rows       jsonb;
    v_gaps       jsonb;
    html         text;
    v_multi      boolean := srm_internal.report_multi_provider(run);
BEGIN
    SELECT count(*) INTO v_n
    FROM (SELECT DISTINCT m.provider, m.service_namespace FROM srm.bi_responsibility_mix m WHERE m.run_id = report_chart_services.run) m;
    SELECT coalesce(jsonb_agg(jsonb_build_object('label', srm_internal.report_service_label(s.provider, s.service_namespace, v_multi),
                                                 'hint', coalesce(sv.name || ' (' || s.service_namespace || ')', s.service_namespace),
                                                 'v', jsonb_build_array(s.na, s.inh, s.sha, s.cus))
                              ORDER BY s.na + s.inh + s.sha + s.cus DESC, s.service_namespace, s.provider), '[]')
    INTO v_rows
    FROM (SELECT m.provider, m.service_namespace,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'not-applicable'), 0) AS na,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'inherited'), 0) AS inh,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'shared'), 0) AS sha,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'customer-specific'), 0) AS cus
          FROM srm.bi_responsibility_mix m WHERE m.run_id = report_chart_services.run
          GROUP BY m.provider, m.service_namespace
          ORDER BY sum(m.asset_controls) DESC, m.service_namespace, m.provider
          LIMIT top_services) s
    LEFT JOIN srm.service sv ON sv.provider = s.provider AND sv.service_namespace = s.service_namespace;
    html := srm_internal.report_chart_section(2,
        'Who is responsible, per service' || CASE WHEN v_n > top_services THEN format(' (top %s)', top_services) ELSE '' END,
        format('<p class="note">The %s services with the most asset &times; control pairs%s. The split moves with the kind of service: infrastructure services leave more to the customer than abstracted ones.</p>',
               least(v_n, top_services),
               CASE WHEN v_n > top_services THEN format(', of %s services in this run', v_n) ELSE '' END),
        srm_internal.report_stacked_svg('chart-services', 'Responsibility mix per service', v_rows),
        format('SQL: <code>SELECT service_namespace, class, sum(asset_controls) FROM srm.bi_responsibility_mix WHERE run_id = %s GROUP BY service_namespace, class</code> (services ranked by their total, first %s)', run, top_services));
    IF NOT srm_internal.report_is_large(run) THEN
        RETURN html;
    END IF;
    -- a large run: the services with the most customer gaps too
    SELECT coalesce(jsonb_agg(jsonb_build_object('label', srm_internal.report_service_label(s.provider, s.service_namespace, v_multi),
                                                 'hint', coalesce(sv.name || ' (' || s.service_namespace || ')', s.service_namespace),
                                                 'value', s.gaps, 'of', s.customer)
                              ORDER BY s.gaps DESC, s.service_namespace, s.provider), '[]')
    INTO v_gaps
    FROM (SELECT f.provider, f.service_namespace, coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps,
                 coalesce(sum(f.assets) FILTER (WHERE f.class::text IN ('shared', 'customer-specific')), 0) AS customer
          FROM srm_internal.audit_fold f WHERE f.run_id = report_chart_services.run
          GROUP BY f.provider, f.service_namespace
          HAVING coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) > 0
          ORDER BY 3 DESC, f.service_namespace, f.provider
          LIMIT top_gaps) s
    LEFT JOIN srm.service sv ON sv.provider = s.provider AND sv.service_namespace = s.service_namespace;
    RETURN left(html, -length('</section>' || E'\n'))
        || format('<h3>Services with the most customer gaps (top %s)</h3>', top_gaps) || E'\n'
        || '<p class="note">Over all accounts: the customer gaps of each service (dark bar) against its asset &times; control pairs where the customer takes part. Every service and account: <code>srm.bi_customer_gaps</code>.</p>' || E'\n'
        || '<figure>' || srm_internal.report_bars_svg('chart-service-gaps', 'Services with the most customer gaps', v_gaps)
        || format('<figcaption class="sql">SQL: <code>SELECT service_namespace, sum(assets) AS gaps FROM srm.bi_customer_gaps WHERE run_id = %s GROUP BY service_namespace ORDER BY gaps DESC, service_namespace LIMIT %s</code></figcaption>', run, top_gaps)
        || '</figure>' || E'\n' || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_chart_services(bigint) IS
    'section 2 of srm.report_html: the responsibility mix of the 15 services with the most asset x control pairs (stacked bars); for a run past srm_internal.report_account_threshold() accounts, also the 10 services with the most customer gaps (bars)';

-- chart 3: customer gaps by control family
CREATE OR REPLACE FUNCTION srm_internal.report_chart_families(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_rows jsonb;
    v_own  text[];
BEGIN
    -- the controls that are their own family (aws-srm's), as the run kept
    -- them; null for a run that kept none (0.2.0): then the catalog's
    SELECT CASE WHEN count(*) > 0 THEN coalesce(array_agg(DISTINCT d.control_id) FILTER (WHERE d.family_id IS NULL), '{}') END
    INTO v_own
    FROM srm.audit_default d WHERE d.run_id = report_chart_families.run;
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'label', CASE WHEN g.family_id = ANY (v_own)
                                  OR (v_own IS NULL
                                      AND EXISTS (SELECT FROM srm.control c WHERE c.framework_id = g.framework_id AND c.control_id = g.family_id))
                             THEN g.family_title ELSE upper(g.family_id) || ' ' || g.family_title END,
               'hint', format('%s: %s controls with gaps', coalesce(g.family_title, g.family_id), coalesce(g.controls_with_gaps, 0)),
               'value', coalesce(g.gaps, 0), 'of', coalesce(g.customer_asset_controls, 0))
               ORDER BY coalesce(g.gaps, 0) DESC, coalesce(g.customer_asset_controls, 0) DESC, g.family_id), '[]')
    INTO v_rows
    FROM srm.bi_gaps_by_family g
    WHERE g.run_id = report_chart_families.run AND coalesce(g.customer_asset_controls, 0) > 0;
    RETURN srm_internal.report_chart_section(3, 'Customer gaps by control family',
        '<p class="note">For each family, the asset &times; control pairs where the customer takes part (light bar) and, of those, the ones without implemented evidence (dark bar).</p>',
        srm_internal.report_bars_svg('chart-families', 'Customer gaps by control family', v_rows),
        format('SQL: <code>SELECT family_id, family_title, gaps, customer_asset_controls FROM srm.bi_gaps_by_family WHERE run_id = %s AND customer_asset_controls &gt; 0 ORDER BY gaps DESC NULLS LAST</code>', run));
END
$$;
COMMENT ON FUNCTION srm_internal.report_chart_families(bigint) IS
    'section 3 of srm.report_html: customer gaps against the pairs where the customer takes part, per control family (bars)';

-- chart 4: the trend across the runs of the same framework and baseline
CREATE OR REPLACE FUNCTION srm_internal.report_chart_trend(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r      record;
    v_fw   text;
    v_bl   text;
    v_runs integer;
    v_n    bigint;
    v_rows jsonb;
BEGIN
    SELECT * INTO r FROM srm.audit_run a WHERE a.run_id = report_chart_trend.run;
    v_fw := srm_internal.html_escape(quote_literal(r.framework_id));
    v_bl := CASE WHEN r.baseline IS NULL THEN 'baseline IS NULL'
                 ELSE 'baseline = ' || srm_internal.html_escape(quote_literal(r.baseline)) END;
    SELECT count(*)::integer,
           coalesce(jsonb_agg(jsonb_build_object(
               'label', '#' || t.run_id, 'sub', to_char(t.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
               'v', jsonb_build_array(coalesce(t.gaps, 0), t.not_applicable, t.inherited, t.shared, t.customer_specific))
               ORDER BY t.run_id), '[]')
    INTO v_runs, v_rows
    FROM (SELECT b.* FROM srm.bi_run b
          WHERE b.framework_id = r.framework_id AND b.baseline IS NOT DISTINCT FROM r.baseline AND b.run_id <= r.run_id
          ORDER BY b.run_id DESC LIMIT 24) t;
    SELECT count(*) INTO v_n FROM srm.audit_run a
    WHERE a.framework_id = r.framework_id AND a.baseline IS NOT DISTINCT FROM r.baseline AND a.run_id <= r.run_id;
    RETURN srm_internal.report_chart_section(4, 'Trend across runs',
           format('<p class="note" id="trend-note">%s</p>',
                   CASE WHEN v_runs = 1
                        THEN format('This is the only run of %s%s so far: the chart shows a single point per series; the trend starts here.',
                                    srm_internal.html_escape(r.framework_id),
                                    CASE WHEN r.baseline IS NULL THEN '' ELSE ' ' || srm_internal.html_escape(r.baseline) END)
                        ELSE format('Customer gaps (dashed) and asset &times; control pairs of each class over the %s%s runs of %s%s up to and including this one.',
                                    CASE WHEN v_n > v_runs THEN 'last ' ELSE '' END, v_runs,
                                    srm_internal.html_escape(r.framework_id),
                                    CASE WHEN r.baseline IS NULL THEN '' ELSE ' ' || srm_internal.html_escape(r.baseline) END) END),
        srm_internal.report_trend_svg('chart-trend', 'Customer gaps and responsibility mix across runs', v_rows),
        format('SQL: <code>SELECT run_id, started_at, gaps, not_applicable, inherited, shared, customer_specific FROM srm.bi_run WHERE framework_id = %s AND %s AND run_id &lt;= %s ORDER BY run_id DESC LIMIT 24</code>',
               v_fw, v_bl, r.run_id));
END
$$;
COMMENT ON FUNCTION srm_internal.report_chart_trend(bigint) IS
    'section 4 of srm.report_html: customer gaps and the responsibility mix over the last 24 runs of the same framework and baseline (line chart)';

-- table: the largest open customer gaps
CREATE OR REPLACE FUNCTION srm_internal.report_top_gaps(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    top_gaps constant integer := 25;
    v_n      bigint;
    v_m      numeric;
    x        record;
    html     text;
    v_multi  boolean := srm_internal.report_multi_provider(run);
BEGIN
    -- the rows of srm.bi_customer_gaps, counted without listing them: a
    -- folded row stands for one gap row per account
    SELECT coalesce(sum(f.accounts), 0), coalesce(sum(f.assets), 0) INTO v_n, v_m
    FROM srm_internal.audit_fold f WHERE f.run_id = report_top_gaps.run AND f.gap AND f.assets > 0;
    html := '<section>' || E'\n' || '<h2><span class="num">5</span>Top open customer gaps</h2>' || E'\n'
         || format('<p class="note">%s</p>',
                   CASE WHEN v_n = 0 THEN 'No open customer gap: every control where the customer takes part has implemented evidence.'
                        ELSE format('The %s largest of %s open gaps (%s asset &times; control pairs), by number of assets. A gap is a control where the customer takes part and its part lacks implemented evidence; record evidence in <code>srm.control_status</code> to close it.',
                                    least(v_n, top_gaps), srm_internal.report_number(v_n), srm_internal.report_number(v_m)) END) || E'\n';
    IF v_n > 0 THEN
        html := html || '<table id="top-gaps">' || E'\n'
             || '<thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Account</th><th scope="col">Service (asset)</th>'
             || '<th scope="col" class="n">Assets</th><th scope="col">Customer part</th><th scope="col">Status</th></tr></thead>' || E'\n' || '<tbody>' || E'\n';
        -- the first rows of the query under the table, read from the rows
        -- srm.bi_customer_gaps is made of: the stored findings, and the gaps
        -- of the groups that are not stored, of which only the first
        -- top_gaps groups by assets can give a row (each gap row of a group
        -- comes before those of every group with fewer assets)
        -- The label and title are the run's (as in srm.bi_customer_gaps),
        -- else the catalog's: read for the rows listed alone, by the key of
        -- their answer in srm.audit_default
        FOR x IN SELECT coalesce(d.label, g.label) AS label, coalesce(d.title, g.title) AS title, g.account_id, g.provider,
                        g.service_namespace, g.asset, g.assets, g.customer_part, g.status
                 FROM (SELECT c.label, c.title, f.account_id, f.provider, f.service_namespace,
                              srm_internal.asset_scope_key(a.provider, a.arn, a.resource_id) AS asset, f.assets,
                              f.customer_part::text AS customer_part, f.status, c.sort_id, f.control_id, f.grain
                       FROM srm.audit_finding f
                       LEFT JOIN srm.control c ON c.framework_id = f.framework_id AND c.control_id = f.control_id
                       LEFT JOIN srm.audit_asset a ON a.run_id = f.run_id AND a.asset_id = f.asset_id
                       WHERE f.run_id = report_top_gaps.run AND f.gap AND f.assets > 0
                       UNION ALL
                       SELECT c.label, c.title, t.account_id, t.provider, t.service_namespace, NULL, t.assets,
                              d.customer_part::text, d.status, c.sort_id, d.control_id, t.grain
                       FROM (SELECT t.run_id, t.provider, t.account_id, t.service_namespace, t.grain, t.assets FROM srm.audit_group t
                             WHERE t.run_id = report_top_gaps.run AND NOT t.stored
                               AND EXISTS (SELECT FROM srm.audit_default d
                                           WHERE d.run_id = t.run_id AND d.provider = t.provider
                                             AND d.service_namespace = t.service_namespace AND d.grain = t.grain AND d.gap)
                             ORDER BY t.assets DESC, t.account_id, t.service_namespace, t.grain
                             LIMIT top_gaps) t
                       JOIN srm.audit_default d
                         ON d.run_id = t.run_id AND d.provider = t.provider AND d.service_namespace = t.service_namespace
                        AND d.grain = t.grain AND d.gap
                       LEFT JOIN srm.control c ON c.framework_id = d.framework_id AND c.control_id = d.control_id
                       ORDER BY assets DESC, account_id, service_namespace, grain, sort_id NULLS LAST, control_id, asset NULLS FIRST
                       LIMIT top_gaps) g
                 LEFT JOIN srm.audit_default d
                   ON d.run_id = report_top_gaps.run AND d.provider = g.provider AND d.service_namespace = g.service_namespace
                  AND d.grain = g.grain AND d.control_id = g.control_id
                 ORDER BY g.assets DESC, g.account_id, g.service_namespace, g.grain, g.sort_id NULLS LAST, g.control_id, g.asset NULLS FIRST
                 LOOP
            html := html || format('<tr><td class="id">%s</td><td>%s</td><td class="id">%s</td><td>%s%s</td><td class="n">%s</td><td>%s</td><td>%s</td></tr>',
                                   srm_internal.html_escape(x.label), srm_internal.html_escape(x.title),
                                   srm_internal.html_escape(x.account_id),
                                   srm_internal.html_escape(srm_internal.report_service_label(x.provider, x.service_namespace, v_multi)),
                                   CASE WHEN x.asset IS NULL THEN ''
                                        ELSE '<br><span class="arn">' || srm_internal.html_escape(x.asset) || '</span>' END,
                                   srm_internal.report_number(x.assets), srm_internal.html_escape(x.customer_part),
                                   CASE WHEN x.status IS NULL THEN '<span class="tag open">no status</span>'
                                        ELSE '<span class="tag">' || srm_internal.html_escape(x.status) || '</span>' END) || E'\n';
        END LOOP;
        html := html || '</tbody></table>' || E'\n';
    END IF;
    RETURN html || format('<p class="sql">SQL: <code>SELECT g.label, g.title, g.account_id, g.service_namespace, g.asset, g.assets, g.customer_part, g.status FROM srm.bi_customer_gaps g LEFT JOIN srm.control c USING (framework_id, control_id) WHERE g.run_id = %s ORDER BY g.assets DESC, g.account_id, g.service_namespace, g.grain, c.sort_id NULLS LAST, g.control_id, g.asset NULLS FIRST LIMIT %s</code></p>', run, top_gaps) || E'\n'
         || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_top_gaps(bigint) IS
    'section 5 of srm.report_html: the 25 largest open customer gaps by number of assets (table)';

-- section 6: the customer gaps split by the scanners' checks the run saw,
-- per service, and the failing check results
CREATE OR REPLACE FUNCTION srm_internal.report_checks(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    top_services constant integer := 15;
    top_failing  constant integer := 25;
    r            record;
    x            record;
    v_n          bigint;
    v_failed     bigint;
    v_rows       jsonb;
    html         text;
    v_multi      boolean := srm_internal.report_multi_provider(run);
BEGIN
    SELECT * INTO r FROM srm.bi_run b WHERE b.run_id = report_checks.run;
    html := '<section>' || E'\n' || '<h2 id="checks"><span class="num">6</span>Customer gaps by check result</h2>' || E'\n';
    IF r.gaps_failing IS NULL THEN
        RETURN html || '<p class="note">This run was recorded before srm kept the scanners'' results (0.5.0): it has no check results. Load findings with <code>srm.load_findings</code> and run an audit.</p>' || E'\n'
            || '</section>' || E'\n';
    END IF;
    html := html
        || format('<p class="note">The scanners'' findings the run saw (up to finding %s): %s current result(s) named an asset of the run or its account, %s named neither. Of each check on each resource the newest result counts; a check on the account itself (such as its password policy) speaks for each of its assets.</p>',
                  coalesce(r.findings_through::text, 'none'), srm_internal.report_number(r.findings_applied),
                  srm_internal.report_number(r.findings_unmatched)) || E'\n'
        || '<div class="cards">'
        || format('<div class="card gap"><span class="n" id="gaps-failing">%s</span><span class="p">%s</span><span class="l">customer gaps with a failing check</span></div>',
                  srm_internal.report_number(r.gaps_failing), srm_internal.report_percent(r.gaps_failing, r.gaps))
        || format('<div class="card inh"><span class="n" id="gaps-passing">%s</span><span class="p">%s</span><span class="l">passing, but unattested (no implemented status)</span></div>',
                  srm_internal.report_number(r.gaps_passing), srm_internal.report_percent(r.gaps_passing, r.gaps))
        || format('<div class="card na"><span class="n" id="gaps-unchecked">%s</span><span class="p">%s</span><span class="l">unchecked (no scanner checks them)</span></div>',
                  srm_internal.report_number(r.gaps_unchecked), srm_internal.report_percent(r.gaps_unchecked, r.gaps))
        || '</div>' || E'\n';
    IF r.gaps_failing + r.gaps_passing = 0 THEN
        html := html || '<p class="note">No scanner check speaks for any customer gap of this run: every gap is unchecked.</p>' || E'\n';
    ELSE
        -- per service: its gaps from the run's summaries (srm_internal.audit_fold),
        -- those a check speaks for from srm_internal.audit_check_fold
        SELECT count(*), coalesce(jsonb_agg(jsonb_build_object('label', srm_internal.report_service_label(s.provider, s.service_namespace, v_multi),
                                                     'hint', coalesce(sv.name || ' (' || s.service_namespace || ')', s.service_namespace),
                                                     'v', jsonb_build_array(s.failing, s.passing, s.gaps - s.failing - s.passing))
                                  ORDER BY s.failing DESC, s.passing DESC, s.service_namespace, s.provider)
                           FILTER (WHERE s.rank <= top_services), '[]')
        INTO v_n, v_rows
        FROM (SELECT g.provider, g.service_namespace, g.gaps, coalesce(k.failing, 0) AS failing, coalesce(k.passing, 0) AS passing,
                     row_number() OVER (ORDER BY coalesce(k.failing, 0) DESC, coalesce(k.passing, 0) DESC, g.service_namespace,
                                                 g.provider) AS rank
              FROM (SELECT f.provider, f.service_namespace, sum(f.assets) AS gaps
                    FROM srm_internal.audit_fold f WHERE f.run_id = report_checks.run AND f.gap AND f.assets > 0
                    GROUP BY f.provider, f.service_namespace) g
              LEFT JOIN (SELECT k.provider, k.service_namespace, sum(k.failing) AS failing, sum(k.passing) AS passing
                         FROM srm_internal.audit_check_fold k WHERE k.run_id = report_checks.run
                         GROUP BY k.provider, k.service_namespace) k USING (provider, service_namespace)) s
        LEFT JOIN srm.service sv ON sv.provider = s.provider AND sv.service_namespace = s.service_namespace;
        html := html || '<figure>'
            || srm_internal.report_checks_svg('chart-checks', 'Customer gaps by check result, per service', v_rows)
            || format('<figcaption class="sql">SQL: <code>SELECT service_namespace, sum(failing), sum(passing_unattested), sum(unchecked) FROM srm.bi_check_results WHERE run_id = %s GROUP BY service_namespace</code> (services with the most failing gaps, first %s of %s)</figcaption>',
                      run, top_services, v_n)
            || '</figure>' || E'\n';
    END IF;

    SELECT count(*) INTO v_failed FROM srm.audit_check c WHERE c.run_id = report_checks.run AND c.check_result = 'failed';
    IF v_failed = 0 THEN
        RETURN html || '<p class="note">No check failed on an asset or account of this run.</p>' || E'\n' || '</section>' || E'\n';
    END IF;
    html := html || format('<h3>Failing checks (%s of %s)</h3>', least(v_failed, top_failing), srm_internal.report_number(v_failed)) || E'\n'
        || '<p class="note">Each asset (or account) x control where a current check failed. A failing check where a status says the control is implemented deserves a second look.</p>' || E'\n'
        || '<table class="checks" id="failing-checks">' || E'\n'
        || '<thead><tr><th scope="col">Control</th><th scope="col">Account</th><th scope="col">Asset</th><th scope="col">Failing checks</th><th scope="col">Gap</th></tr></thead>' || E'\n'
        || '<tbody>' || E'\n';
    -- the label as the run kept it, else as the catalog has it
    FOR x IN SELECT coalesce(t.label, c.label) AS label, k.account_id, a.arn, a.resource_id, a.provider, a.service_namespace,
                    k.asset_id, k.failed_checks, k.gap
             FROM srm.audit_check k
             LEFT JOIN srm_internal.audit_control t ON t.run_id = k.run_id AND t.control_id = k.control_id
             LEFT JOIN srm.control c ON c.framework_id = k.framework_id AND c.control_id = k.control_id
             LEFT JOIN srm.audit_asset a ON a.run_id = k.run_id AND a.asset_id = k.asset_id
             WHERE k.run_id = report_checks.run AND k.check_result = 'failed'
             ORDER BY c.sort_id NULLS LAST, k.control_id, k.account_id, k.asset_id NULLS FIRST
             LIMIT top_failing LOOP
        html := html || format('<tr><td class="id">%s</td><td class="id">%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
                               srm_internal.html_escape(x.label), srm_internal.html_escape(x.account_id),
                               CASE WHEN x.asset_id IS NULL THEN 'the account (each of its assets)'
                                    ELSE srm_internal.html_escape(srm_internal.report_service_label(x.provider, x.service_namespace, v_multi))
                                         || '<br><span class="arn">'
                                         || srm_internal.html_escape(coalesce(x.arn, x.resource_id)) || '</span>' END,
                               srm_internal.html_escape(array_to_string(x.failed_checks, ', ')),
                               CASE WHEN x.gap IS NULL THEN ''
                                    WHEN x.gap THEN '<span class="tag open">open gap</span>'
                                    ELSE '<span class="tag">attested</span>' END) || E'\n';
    END LOOP;
    RETURN html || '</tbody></table>' || E'\n'
        || format('<p class="sql">SQL: <code>SELECT control_id, account_id, asset_id, failed_checks, gap FROM srm.audit_check WHERE run_id = %s AND check_result = ''failed''</code>; per asset x control: <code>SELECT * FROM srm.audit_result WHERE run_id = %s AND check_result = ''failed''</code></p>', run, run) || E'\n'
        || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_checks(bigint) IS
    'section 6 of srm.report_html: the customer gaps split by the scanners'' checks (failing, passing but unattested, unchecked) as cards and, when a check speaks for some gap, per service (stacked bars, 15 services with the most failing gaps), and the first 25 failing check results (table); for a run before 0.5.0 a note that it has no check results';

-- table: the inherited controls and the attestations to cite
CREATE OR REPLACE FUNCTION srm_internal.report_inherited_controls(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_n   bigint;
    v_m   numeric;
    v_att text[];
    v_inh srm.bi_inherited_controls[];
    x     record;
    html  text;
    v_multi boolean := srm_internal.report_multi_provider(run);
BEGIN
    -- the view read once
    SELECT array_agg(i) INTO v_inh FROM srm.bi_inherited_controls i WHERE i.run_id = report_inherited_controls.run;
    -- one callout for every control when all have the same attestations
    -- (a run of one provider); else each row names its providers' own
    SELECT count(DISTINCT i.control_id),
           CASE WHEN bool_and(i.attestations IS NOT NULL) OR NOT v_multi
                THEN array_agg(DISTINCT i.attestations ORDER BY i.attestations) FILTER (WHERE i.attestations IS NOT NULL) END
    INTO v_n, v_att
    FROM unnest(v_inh) i;
    SELECT count(*) INTO v_m
    FROM (SELECT DISTINCT f.provider, f.service_namespace FROM srm_internal.audit_fold f WHERE f.run_id = report_inherited_controls.run) f;
    html := '<section>' || E'\n' || '<h2><span class="num">7</span>Inherited controls and the attestations to cite</h2>' || E'\n';
    IF v_n = 0 THEN
        html := html || '<p class="note">No control of this run is inherited from the provider alone.</p>' || E'\n';
    ELSE
        html := html || format('<p class="note">%s controls are the provider''s alone on at least one service. An auditor accepts the provider''s third-party attestations as their evidence.</p>',
                               srm_internal.report_number(v_n)) || E'\n';
        IF coalesce(cardinality(v_att), 0) = 1 THEN
            html := html || '<div class="callout"><b>Cite for every control below:</b><ul>'
                 || (SELECT string_agg('<li>' || srm_internal.html_escape(a) || '</li>', '' ORDER BY o)
                     FROM unnest(string_to_array(v_att[1], '; ')) WITH ORDINALITY AS u(a, o))
                 || '</ul></div>' || E'\n';
        END IF;
        html := html || '<table id="inherited-controls">' || E'\n'
             || '<thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col" class="n">Services</th><th scope="col" class="n">Asset &times; control pairs</th>'
             || CASE WHEN coalesce(cardinality(v_att), 0) = 1 THEN '<th scope="col">On services</th>' ELSE '<th scope="col">Attestation to cite</th>' END
             || '</tr></thead>' || E'\n' || '<tbody>' || E'\n';
        FOR x IN SELECT i.label, i.title, count(DISTINCT (i.provider, i.service_namespace)) AS services, sum(i.asset_controls) AS pairs,
                        array_agg(DISTINCT srm_internal.report_service_label(i.provider, i.service_namespace, v_multi)
                                  ORDER BY srm_internal.report_service_label(i.provider, i.service_namespace, v_multi)) AS service_list,
                        CASE WHEN v_multi
                             THEN string_agg(DISTINCT srm_internal.provider_name(i.provider) || ': '
                                                      || coalesce(i.attestations, 'none recorded in srm'), '; ')
                             ELSE min(i.attestations) END AS attestations
                 FROM unnest(v_inh) i
                 LEFT JOIN srm.control c ON c.framework_id = i.framework_id AND c.control_id = i.control_id
                 GROUP BY i.framework_id, i.control_id, i.label, i.title, c.sort_id
                 ORDER BY c.sort_id NULLS LAST, i.control_id LOOP
            html := html || format('<tr><td class="id">%s</td><td>%s</td><td class="n">%s</td><td class="n">%s</td><td>%s</td></tr>',
                                   srm_internal.html_escape(x.label), srm_internal.html_escape(x.title),
                                   srm_internal.report_number(x.services), srm_internal.report_number(x.pairs),
                                   CASE WHEN coalesce(cardinality(v_att), 0) = 1
                                        THEN CASE WHEN x.services = v_m THEN format('all %s services of the run', v_m)
                                                  WHEN x.services > 6
                                                  THEN srm_internal.html_escape(array_to_string(x.service_list[1:5], ', '))
                                                       || format(' and %s more', x.services - 5)
                                                  ELSE srm_internal.html_escape(array_to_string(x.service_list, ', ')) END
                                        ELSE coalesce(srm_internal.html_escape(x.attestations), '<span class="note">none recorded</span>') END) || E'\n';
        END LOOP;
        html := html || '</tbody></table>' || E'\n';
    END IF;
    RETURN html || format('<p class="sql">SQL: <code>SELECT label, title, count(DISTINCT service_namespace) AS services, sum(asset_controls), attestations FROM srm.bi_inherited_controls WHERE run_id = %s GROUP BY control_id, label, title, attestations</code></p>', run) || E'\n'
         || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_inherited_controls(bigint) IS
    'section 7 of srm.report_html: the controls the provider alone is responsible for, with the attestations to cite (table)';

-- table: the assets the run could not place (the section is left out when there are none)
CREATE OR REPLACE FUNCTION srm_internal.report_unknown_assets(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    max_unknown constant integer := 50;
    v_n         bigint;
    x           record;
    html        text;
BEGIN
    SELECT count(*) INTO v_n FROM srm.bi_unknown_assets u WHERE u.run_id = report_unknown_assets.run;
    IF v_n = 0 THEN
        RETURN '';
    END IF;
    html := '<section>' || E'\n' || '<h2><span class="num">8</span>Unknown assets</h2>' || E'\n'
         || format('<p class="note">%s asset(s) of a resource type srm cannot place: they are counted in the run but carry no control. Map their types (or add overrides) so that the next run covers them.%s</p>',
                   srm_internal.report_number(v_n),
                   CASE WHEN v_n > max_unknown THEN format(' The first %s are listed.', max_unknown) ELSE '' END) || E'\n'
         || '<table id="unknown-assets-table">' || E'\n'
         || '<thead><tr><th scope="col">Account</th><th scope="col">Region</th><th scope="col">Resource type</th><th scope="col">Resource id</th><th scope="col">ARN</th></tr></thead>' || E'\n' || '<tbody>' || E'\n';
    FOR x IN SELECT u.account_id, u.region, u.resource_type, u.resource_id, u.arn
             FROM srm.bi_unknown_assets u WHERE u.run_id = report_unknown_assets.run
             ORDER BY u.account_id, u.resource_type, u.resource_id, u.asset_id
             LIMIT max_unknown LOOP
        html := html || format('<tr><td class="id">%s</td><td>%s</td><td class="id">%s</td><td class="arn">%s</td><td class="arn">%s</td></tr>',
                               srm_internal.html_escape(x.account_id), srm_internal.html_escape(x.region),
                               srm_internal.html_escape(x.resource_type), srm_internal.html_escape(x.resource_id),
                               coalesce(srm_internal.html_escape(x.arn), '<span class="note">no ARN</span>')) || E'\n';
    END LOOP;
    RETURN html || '</tbody></table>' || E'\n'
         || format('<p class="sql">SQL: <code>SELECT account_id, region, resource_type, resource_id, arn FROM srm.bi_unknown_assets WHERE run_id = %s ORDER BY account_id, resource_type, resource_id</code></p>', run) || E'\n'
         || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_unknown_assets(bigint) IS
    'section 8 of srm.report_html: the first 50 assets of a resource type srm cannot place (table); empty when there are none';

-- the footer: what wrote the page, the catalog and the model, and the end of the page
CREATE OR REPLACE FUNCTION srm_internal.report_footer(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    fw    record;
    v_ext text;
    v_providers text[] := srm_internal.report_providers(run);
BEGIN
    SELECT f.* INTO fw FROM srm.audit_run a JOIN srm.framework f USING (framework_id) WHERE a.run_id = report_footer.run;
    SELECT e.extversion INTO v_ext FROM pg_extension e WHERE e.extname = 'srm';
    RETURN '<footer>'
         || format('<p>Generated by srm %s from audit run %s as recorded in the database; the page changes only if the run''s rows do. Every figure comes from the <code>srm.bi_*</code> views, with the SQL under it. Times are UTC.</p>',
                   srm_internal.html_escape(coalesce(v_ext, '')), run)
         || format('<p>Control catalog: %s, %s, published by %s. Source: %s.</p>',
                   srm_internal.html_escape(fw.name), srm_internal.html_escape(fw.version),
                   srm_internal.html_escape(fw.publisher), srm_internal.html_escape(fw.source))
         || '<p>Responsibility model: the AWS Shared Responsibility Model (AWS is responsible for security <i>of</i> the cloud, the customer for security <i>in</i> the cloud) and AWS Security Best Practices (infrastructure, container and abstracted services).'
         || CASE WHEN 'azure' = ANY (v_providers) THEN ' For Azure: Microsoft''s shared responsibility in the cloud (IaaS, PaaS, SaaS).' ELSE '' END
         || CASE WHEN 'gcp' = ANY (v_providers) THEN ' For Google Cloud: Google''s shared responsibility and shared fate (IaaS, PaaS, SaaS).' ELSE '' END
         || '</p>'
         || '</footer>' || E'\n' || '</main>' || E'\n' || '</body>' || E'\n' || '</html>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_footer(bigint) IS
    'the footer of srm.report_html (srm''s version, the run, the control catalog and the responsibility model) and the end of the page';

-------------------------------------------------------------------------------
-- The report
-------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION srm.report_html(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_latest bigint;
BEGIN
    IF NOT EXISTS (SELECT FROM srm.audit_run a WHERE a.run_id = report_html.run) THEN
        SELECT max(a.run_id) INTO v_latest FROM srm.audit_run a;
        RAISE EXCEPTION 'audit run % does not exist', report_html.run
            USING ERRCODE = 'no_data_found',
                  HINT = CASE WHEN v_latest IS NULL
                              THEN 'There is no audit run yet: srm.run_audit(framework, baseline) records one.'
                              ELSE format('The latest audit run is %s.', v_latest) END;
    END IF;
    RETURN srm_internal.report_head(run)
        || srm_internal.report_header(run)
        || srm_internal.report_figures(run)
        || srm_internal.report_chart_accounts(run)
        || srm_internal.report_chart_services(run)
        || srm_internal.report_chart_families(run)
        || srm_internal.report_chart_trend(run)
        || srm_internal.report_top_gaps(run)
        || srm_internal.report_checks(run)
        || srm_internal.report_inherited_controls(run)
        || srm_internal.report_unknown_assets(run)
        || srm_internal.report_footer(run);
END
$$;
COMMENT ON FUNCTION srm.report_html(bigint) IS
    'the audit report of a run as one self-contained HTML page (inline CSS and SVG, no script and no network): header and scope, headline figures, charts of the responsibility mix per account and per service (past 25 accounts: the 20 accounts and 10 services with the most customer gaps, a histogram of the accounts'' gap shares and totals per tag value instead of one bar per account), customer gaps by control family and the trend across runs of the same framework and baseline, then the top open gaps, the gaps split by the scanners'' checks (failing, passing but unattested, unchecked) with the failing checks, the inherited controls with the attestations to cite, and the unknown assets; each figure with the SQL over the srm.bi_* views that produces it. Deterministic for the same rows. An unknown run raises no_data_found (P0002).';

-------------------------------------------------------------------- install/code/oscal.sql
-- install/code/oscal.sql (code part): srm.oscal_ssp, an audit run as an OSCAL system security plan.
--
-- srm.oscal_ssp(run) writes the customer's system as audited in one run as
-- an OSCAL 1.1.3 SSP (JSON), valid against NIST's oscal_ssp_schema.json:
--   * one component per AWS service in the run (type service) besides the
--     this-system component; AWS is the leveraged authorization;
--   * one implemented-requirement per control of the run, with one
--     by-component per service whose export says what AWS provides
--     (provided) and what is left to the customer (responsibilities), as
--     srm.oscal_export(responsibility) says, and one by-component on
--     this-system that inherits every provided part and satisfies the
--     responsibilities the customer recorded a status for (one with no
--     status is a gap, not satisfied), as NIST's leveraged / leveraging
--     example pair does;
--   * control-origination props (FedRAMP namespace) from
--     srm.fedramp_origination(responsibility, 'customer');
--   * implementation-status from the statuses the run recorded.
--
-- UUIDs are name-based (srm_internal.uuid5ish) and assigned per subject, as OSCAL
-- asks: the same system (framework, baseline, accounts in scope), control
-- and service keep the same uuid in every run, so the output for a run is
-- the same every time and successive runs are revisions of one document.

-------------------------------------------------------------------------------
-- Name-based UUIDs
-------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION srm_internal.uuid5ish(namespace text, name text)
RETURNS uuid
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
-- in C (src/uuid5ish.c) since 0.5.0: a plan of a large run names about
-- 100,000 things, and the SQL definition cost ten times its SHA-256
AS 'MODULE_PATHNAME', 'srm_uuid5ish';
COMMENT ON FUNCTION srm_internal.uuid5ish(text, text) IS
    'a name-based UUID in the manner of RFC 4122 version 5: the first 16 bytes of SHA-256 over the (length-prefixed) namespace and the name, with the version nibble set to 5 and the RFC 4122 variant bits; the same namespace and name always give the same uuid, which OSCAL''s uuid pattern (versions 4 and 5 only) accepts';

-------------------------------------------------------------------------------
-- Implementation status of a group of findings
-------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION srm_internal.oscal_implementation_status(counts jsonb)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    -- the kinds in the order remarks list them, and their words
    kinds  constant text[] := ARRAY['implemented', 'alternative', 'partial', 'planned', 'not-applicable', 'inherited', 'none'];
    words  constant text[] := ARRAY['implemented', 'alternative', 'partial', 'planned', 'not applicable',
                                    'inherited from AWS (no customer part)', 'no status recorded — customer gap'];
    n      bigint[] := '{}';
    total  bigint := 0;
    parts  text[] := '{}';
    present text[] := '{}';
    st     text;
    i      integer;
BEGIN
    FOR i IN 1 .. array_length(kinds, 1) LOOP
        n[i] := coalesce((counts ->> kinds[i])::bigint, 0);
        IF n[i] < 0 THEN
            RAISE EXCEPTION 'negative count % for "%"', n[i], kinds[i] USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF n[i] > 0 THEN
            total := total + n[i];
            present := present || kinds[i];
            parts := parts || format('%s %s', n[i], words[i]);
        END IF;
    END LOOP;

    IF total = 0 OR present = ARRAY['none'] THEN
        RETURN jsonb_build_object('state', 'planned', 'remarks', 'no status recorded — customer gap');
    ELSIF array_length(present, 1) = 1 THEN
        st := CASE present[1] WHEN 'inherited' THEN 'implemented' ELSE present[1] END;
        RETURN jsonb_build_object('state', st, 'remarks',
            CASE present[1]
                WHEN 'inherited' THEN 'inherited from AWS: the customer has no part'
                ELSE format('all %s asset x control pairs %s', total, words[array_position(kinds, present[1])])
            END);
    ELSIF present <@ ARRAY['implemented', 'alternative', 'not-applicable', 'inherited'] THEN
        st := CASE WHEN 'alternative' = ANY (present) THEN 'alternative' ELSE 'implemented' END;
    ELSIF present <@ ARRAY['planned', 'none', 'not-applicable'] THEN
        st := 'planned';
    ELSE
        st := 'partial';
    END IF;
    RETURN jsonb_build_object('state', st,
                              'remarks', 'asset x control pairs: ' || array_to_string(parts, '; '));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_implementation_status(jsonb) IS
    'OSCAL implementation-status {state, remarks} of a group of findings, given how many asset x control pairs have each status ({"implemented": n, "alternative": n, "partial": n, "planned": n, "not-applicable": n, plus "inherited": no status and no customer part, "none": no status though the customer takes part}): one kind gives its own state (inherited gives implemented, none gives planned with remarks "no status recorded — customer gap"); a mix of done kinds gives implemented (alternative if any), a mix of not-done kinds planned, anything else partial; remarks count each kind';

-------------------------------------------------------------------------------
-- Prose
-------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION srm_internal.oscal_count(n bigint, noun text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN n::text || ' ' || noun || CASE WHEN n = 1 THEN '' ELSE 's' END;
COMMENT ON FUNCTION srm_internal.oscal_count(bigint, text) IS
    'a count with its noun for the prose of srm.oscal_ssp: 1 asset, 2 assets';

-------------------------------------------------------------------------------
-- What a plan is about: its subject, the run's scope and services, the
-- profile it answers and the attestations it cites.  Every function takes
-- the id of a finished run (srm.oscal_ssp checks it).
-------------------------------------------------------------------------------

-- ' MODERATE baseline', or '' for a run without a baseline
CREATE OR REPLACE FUNCTION srm_internal.oscal_baseline_label(baseline text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN baseline IS NULL THEN '' ELSE ' ' || baseline || ' baseline' END;
COMMENT ON FUNCTION srm_internal.oscal_baseline_label(text) IS
    'the words a baseline adds to a title in srm.oscal_ssp: '' MODERATE baseline'', or '''' for none';

-- the subject, which names every uuid of the plan: framework, baseline and
-- the accounts in scope, so that successive runs are revisions of one plan
CREATE OR REPLACE FUNCTION srm_internal.oscal_subject(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_run srm.audit_run;
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_subject.run;
    RETURN format('srm-ssp:%s:%s:%s', v_run.framework_id, coalesce(v_run.baseline, 'all-controls'),
                  coalesce((SELECT string_agg(x, ',' ORDER BY x) FROM unnest(v_run.accounts) x), 'all-accounts'));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_subject(bigint) IS
    'the name space of the uuids of a run''s plan in srm.oscal_ssp: framework, baseline and accounts in scope (the same system keeps its uuids across runs)';

-- Providers (0.6.0).  A run's services are named in the plan by a key: the
-- namespace for AWS's (so that the plan of a run of AWS alone is the same as
-- before, uuids included), provider:namespace for the others' (gcp:iam is
-- not AWS's iam); each service component is leveraged from its provider's
-- authorization, and the prose names the run's clouds.
CREATE OR REPLACE FUNCTION srm_internal.oscal_service_key(provider text, service_namespace text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN provider = 'aws' THEN service_namespace ELSE provider || ':' || service_namespace END;
COMMENT ON FUNCTION srm_internal.oscal_service_key(text, text) IS
    'the key srm.oscal_ssp names a service by (in uuids and prose): its namespace for AWS, provider:namespace for Azure and Google Cloud';

CREATE OR REPLACE FUNCTION srm_internal.oscal_key_provider(key text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN key LIKE '%:%' THEN split_part(key, ':', 1) ELSE 'aws' END;
COMMENT ON FUNCTION srm_internal.oscal_key_provider(text) IS
    'the provider of a service key of srm.oscal_ssp (srm_internal.oscal_service_key)';

-- the clouds of a run, for the plan's prose: AWS, or e.g. "AWS, Microsoft
-- Azure and Google Cloud"
CREATE OR REPLACE FUNCTION srm_internal.oscal_clouds(run bigint)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
SELECT CASE WHEN cardinality(n.names) > 1
            THEN array_to_string(n.names[1:cardinality(n.names) - 1], ', ') || ' and ' || n.names[cardinality(n.names)]
            ELSE coalesce(n.names[1], 'AWS') END
FROM (SELECT ARRAY(SELECT srm_internal.provider_name(p) FROM unnest(srm_internal.report_providers(oscal_clouds.run)) p) AS names) n;
END;
COMMENT ON FUNCTION srm_internal.oscal_clouds(bigint) IS
    'the providers of an audit run''s assets by name, for the prose of srm.oscal_ssp: AWS (also for a run without assets), or e.g. AWS, Microsoft Azure and Google Cloud';

-- the services of a run: those of its known assets and of its findings
CREATE OR REPLACE FUNCTION srm_internal.oscal_services(run bigint)
RETURNS TABLE (name text, service_namespace text, n bigint)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT coalesce(s.name, q.service_namespace) AS name, srm_internal.oscal_service_key(q.provider, q.service_namespace), q.n
    FROM (SELECT provider, service_namespace, sum(n)::bigint AS n
          FROM (SELECT x.provider, service_namespace, count(*) AS n FROM srm.audit_asset x
                WHERE x.run_id = oscal_services.run AND known AND service_namespace IS NOT NULL GROUP BY x.provider, service_namespace
                UNION ALL
                SELECT DISTINCT f.provider, f.service_namespace, 0 FROM srm.audit_finding f WHERE f.run_id = oscal_services.run) u
          GROUP BY provider, service_namespace) q
    LEFT JOIN srm.service s ON s.provider = q.provider AND s.service_namespace = q.service_namespace;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_services(bigint) IS
    'the services of an audit run (of its known assets and of its findings), of every provider, with their names, keys (srm_internal.oscal_service_key: the namespace for AWS, provider:namespace otherwise) and number of assets, for srm.oscal_ssp';

-- what the run covered, in figures and lists for the plan's prose:
-- {"n": assets, "unknown": n, "accounts": "…", "n_accounts": n, "account_ids": "…",
--  "regions": "…", "n_regions": n, "services": "…", "n_services": n}
CREATE OR REPLACE FUNCTION srm_internal.oscal_scope(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_acc jsonb;
BEGIN
    -- the run's assets counted once per account x region (not kept whole
    -- and read five times: a large run has 100,000 of them)
    WITH a AS MATERIALIZED (
        SELECT x.account_id, x.region, count(*) AS n, count(*) FILTER (WHERE NOT x.known) AS unknown
        FROM srm.audit_asset x WHERE x.run_id = oscal_scope.run
        GROUP BY x.account_id, x.region
    ), acc AS (
        SELECT string_agg(format('%s (%s)', account_id, srm_internal.oscal_count(n, 'asset')), ', ' ORDER BY account_id) AS s, count(*) AS k,
               string_agg(account_id, ', ' ORDER BY account_id) AS ids
        FROM (SELECT account_id, sum(n)::bigint AS n FROM a GROUP BY account_id) q
    ), reg AS (
        SELECT string_agg(format('%s (%s)', region, srm_internal.oscal_count(n, 'asset')), ', ' ORDER BY region) AS s, count(*) AS k
        FROM (SELECT region, sum(n)::bigint AS n FROM a GROUP BY region) q
    ), svc AS (
        SELECT * FROM srm_internal.oscal_services(oscal_scope.run)
    )
    SELECT jsonb_build_object(
               'n', (SELECT coalesce(sum(n), 0)::bigint FROM a),
               'unknown', (SELECT coalesce(sum(unknown), 0)::bigint FROM a),
               'accounts', coalesce((SELECT s FROM acc), 'none'),
               'n_accounts', (SELECT k FROM acc),
               'account_ids', coalesce((SELECT ids FROM acc), 'none'),
               'regions', coalesce((SELECT s FROM reg), 'none'),
               'n_regions', (SELECT k FROM reg),
               'services', coalesce((SELECT string_agg(format('%s (%s, %s)', name, service_namespace, srm_internal.oscal_count(n, 'asset')), ', '
                                                       ORDER BY service_namespace) FROM svc), 'none'),
               'n_services', (SELECT count(*) FROM svc))
      INTO v_acc;
    RETURN v_acc;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_scope(bigint) IS
    'what an audit run covered, for the prose of srm.oscal_ssp: assets, unknown assets, accounts, regions and services, as counts and as lists';

-- the profile the plan answers when there is no OSCAL profile to import
-- (null for a NIST baseline: the plan imports NIST's own profile)
CREATE OR REPLACE FUNCTION srm_internal.oscal_profile_resource(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_run srm.audit_run;
    v_fw  srm.framework;
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_profile_resource.run;
    IF v_run.framework_id = 'nist-800-53-r5' AND v_run.baseline IS NOT NULL THEN
        RETURN NULL;
    END IF;
    SELECT * INTO v_fw FROM srm.framework f WHERE f.framework_id = v_run.framework_id;
    RETURN jsonb_build_object(
        'uuid', srm_internal.uuid5ish(srm_internal.oscal_subject(run), 'resource:profile'),
        'title', v_fw.name || srm_internal.oscal_baseline_label(v_run.baseline),
        'description', format('%s, version %s, published by %s. Source: %s. %s',
                              v_fw.name, v_fw.version, v_fw.publisher, v_fw.source,
                              CASE WHEN v_run.framework_id = 'nist-800-53-r5'
                                   THEN 'No baseline was selected: every control of the catalog is in scope.'
                                   ELSE 'There is no OSCAL profile for this catalog; control ids are srm''s (srm.control).' END),
        'rlinks', jsonb_build_array(jsonb_build_object('href',
            CASE WHEN v_run.framework_id = 'nist-800-53-r5'
                 THEN 'https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json'
                 ELSE 'https://aws.amazon.com/compliance/shared-responsibility-model/' END)));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_profile_resource(bigint) IS
    'the back-matter resource of srm.oscal_ssp that describes the catalog a run answers when there is no OSCAL profile to import (null for a NIST SP 800-53 baseline)';

-- AWS's attestations to cite, as back-matter resources (null if none)
CREATE OR REPLACE FUNCTION srm_internal.oscal_attestations(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_ns     text := srm_internal.oscal_subject(run);
    v_attest jsonb;
BEGIN
    SELECT jsonb_agg(jsonb_build_object(
               'uuid', srm_internal.uuid5ish(v_ns, 'resource:attestation:' || t.name),
               'title', t.name,
               'description', format('Obtain from: %s. Source: %s.', t.obtain_from, t.source))
           ORDER BY t.name)
      INTO v_attest
      FROM srm.attestation t, srm.audit_run r
     WHERE r.run_id = oscal_attestations.run AND t.framework_id = r.framework_id
       AND (t.provider = 'aws' OR t.provider IN (SELECT a.provider FROM srm.audit_asset a WHERE a.run_id = oscal_attestations.run));
    RETURN v_attest;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_attestations(bigint) IS
    'the attestations of the providers of a run (AWS''s always, as before 0.6.0; Azure''s and Google''s when the run has their assets and srm.attestation has rows for them) for its framework, as back-matter resources of srm.oscal_ssp; null if there are none';

-------------------------------------------------------------------------------
-- The sections of the plan, in document order
-------------------------------------------------------------------------------

-- metadata: title, version, roles and parties
CREATE OR REPLACE FUNCTION srm_internal.oscal_metadata(run bigint, scope jsonb)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_run  srm.audit_run;
    v_fw   srm.framework;
    v_ns   text := srm_internal.oscal_subject(run);
    v_ver  text;
    v_when text;
    v_clouds text := srm_internal.oscal_clouds(run);
    v_providers text[] := srm_internal.report_providers(run);
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_metadata.run;
    SELECT * INTO v_fw FROM srm.framework f WHERE f.framework_id = v_run.framework_id;
    v_ver  := coalesce((SELECT e.extversion FROM pg_catalog.pg_extension e WHERE e.extname = 'srm'), 'unknown');
    v_when := to_char(v_run.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    RETURN jsonb_build_object(
        'title', format('System security plan of the customer''s %s workloads: %s%s, srm audit run %s',
                        v_clouds, v_fw.name, srm_internal.oscal_baseline_label(v_run.baseline), run),
        'last-modified', v_when,
        'version', 'run-' || run,
        'oscal-version', '1.1.3',
        'roles', jsonb_build_array(
            jsonb_build_object('id', 'customer', 'title', 'Cloud customer',
                               'description', 'Owns this system and implements the customer''s part of each control (security in the cloud).'),
            jsonb_build_object('id', 'provider', 'title', 'Cloud service provider',
                               'description', 'Implements the provider''s part of each control (security of the cloud); its authorization is leveraged.')),
        'parties', jsonb_build_array(
            jsonb_build_object('uuid', srm_internal.uuid5ish(v_ns, 'party:customer'), 'type', 'organization', 'name', 'Cloud customer',
                               'remarks', format('Owner of the %s account(s) in scope: %s.',
                                                 CASE WHEN v_clouds = 'AWS' THEN 'AWS'
                                                      ELSE 'accounts, subscriptions and projects: ' || v_clouds END,
                                                 scope ->> 'account_ids')),
            jsonb_build_object('uuid', srm_internal.uuid5ish(v_ns, 'party:aws'), 'type', 'organization', 'name', 'Amazon Web Services', 'short-name', 'AWS',
                               'links', jsonb_build_array(jsonb_build_object(
                                   'href', 'https://aws.amazon.com/compliance/shared-responsibility-model/', 'rel', 'reference'))))
            || CASE WHEN 'azure' = ANY (v_providers) THEN jsonb_build_array(
                   jsonb_build_object('uuid', srm_internal.uuid5ish(v_ns, 'party:azure'), 'type', 'organization', 'name', 'Microsoft Azure', 'short-name', 'Azure',
                                      'links', jsonb_build_array(jsonb_build_object(
                                          'href', 'https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility', 'rel', 'reference'))))
                    ELSE '[]'::jsonb END
            || CASE WHEN 'gcp' = ANY (v_providers) THEN jsonb_build_array(
                   jsonb_build_object('uuid', srm_internal.uuid5ish(v_ns, 'party:gcp'), 'type', 'organization', 'name', 'Google Cloud', 'short-name', 'Google Cloud',
                                      'links', jsonb_build_array(jsonb_build_object(
                                          'href', 'https://cloud.google.com/architecture/framework/security/shared-responsibility-shared-fate', 'rel', 'reference'))))
                    ELSE '[]'::jsonb END,
        'responsible-parties', jsonb_build_array(
            jsonb_build_object('role-id', 'customer', 'party-uuids', jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:customer'))),
            jsonb_build_object('role-id', 'provider', 'party-uuids',
                               jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:aws'))
                               || CASE WHEN 'azure' = ANY (v_providers) THEN jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:azure')) ELSE '[]'::jsonb END
                               || CASE WHEN 'gcp' = ANY (v_providers) THEN jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:gcp')) ELSE '[]'::jsonb END)),
        'remarks', format('Written by srm %s from audit run %s (%s%s), started %s and finished %s, requested by %s.%s',
                          v_ver, run, v_run.framework_id, srm_internal.oscal_baseline_label(v_run.baseline),
                          to_char(v_run.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), v_when,
                          v_run.requested_by, coalesce(' Note: ' || v_run.note, '')));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_metadata(bigint, jsonb) IS
    'the metadata of srm.oscal_ssp for a run: title, last-modified (the end of the run), version, roles, the customer and the providers (AWS, and Microsoft Azure and Google Cloud when the run has their assets) as parties, and remarks on the run; scope is srm_internal.oscal_scope(run)';

-- import-profile: NIST's baseline profile, or the back-matter resource
CREATE OR REPLACE FUNCTION srm_internal.oscal_import_profile(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_run srm.audit_run;
    v_fw  srm.framework;
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_import_profile.run;
    SELECT * INTO v_fw FROM srm.framework f WHERE f.framework_id = v_run.framework_id;
    RETURN jsonb_build_object(
        'href', CASE WHEN v_run.framework_id = 'nist-800-53-r5' AND v_run.baseline IS NOT NULL
                     THEN format('https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_%s-baseline_profile.json',
                                 v_run.baseline)
                     ELSE '#' || srm_internal.uuid5ish(srm_internal.oscal_subject(run), 'resource:profile') END,
        'remarks', CASE WHEN v_run.framework_id = 'nist-800-53-r5'
                        THEN format('%s%s. srm''s catalog is version %s.', v_fw.name, srm_internal.oscal_baseline_label(v_run.baseline), v_fw.version)
                        ELSE format('%s (srm catalog %s): see the back-matter resource.', v_fw.name, v_fw.framework_id) END);
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_import_profile(bigint) IS
    'the import-profile of srm.oscal_ssp for a run: NIST''s baseline profile, or the back-matter resource of srm_internal.oscal_profile_resource';

-- system-characteristics: the system, its sensitivity and its boundary
CREATE OR REPLACE FUNCTION srm_internal.oscal_system_characteristics(run bigint, scope jsonb)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_run   srm.audit_run;
    v_fw    srm.framework;
    v_ns    text := srm_internal.oscal_subject(run);
    v_level text;          -- fips-199-low / -moderate / -high, or null
    v_clouds text := srm_internal.oscal_clouds(run);
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_system_characteristics.run;
    SELECT * INTO v_fw FROM srm.framework f WHERE f.framework_id = v_run.framework_id;
    v_level := CASE WHEN v_run.framework_id = 'nist-800-53-r5' AND v_run.baseline IN ('LOW', 'MODERATE', 'HIGH')
                    THEN 'fips-199-' || lower(v_run.baseline) END;
    RETURN jsonb_build_object(
        'system-ids', jsonb_build_array(jsonb_build_object(
            'identifier-type', 'https://ietf.org/rfc/rfc4122',
            'id', srm_internal.uuid5ish(v_ns, 'system')::text)),
        'system-name', format('Customer workloads on %s (%s account(s))', v_clouds, coalesce(scope ->> 'n_accounts', '0')),
        'description', format('The customer''s resources in %s as audited by srm run %s against %s%s: %s assets in %s account(s), %s region(s) and %s service(s). %s',
                              CASE WHEN v_clouds = 'AWS' THEN 'Amazon Web Services' ELSE v_clouds END, run, v_fw.name, srm_internal.oscal_baseline_label(v_run.baseline), scope ->> 'n', coalesce(scope ->> 'n_accounts', '0'),
                              coalesce(scope ->> 'n_regions', '0'), scope ->> 'n_services',
                              CASE WHEN v_clouds = 'AWS'
                                   THEN 'AWS is responsible for security of the cloud and the customer for security in the cloud; per control and service this plan says what the customer inherits from AWS and what is its own responsibility.'
                                   ELSE 'Each provider is responsible for security of its cloud and the customer for security in it; per control and service this plan says what the customer inherits from the service''s provider and what is its own responsibility. Accounts are AWS accounts, Azure subscriptions and Google Cloud projects.' END),
        'security-sensitivity-level', v_level,
        'system-information', jsonb_build_object('information-types', jsonb_build_array(
            jsonb_build_object(
                'uuid', srm_internal.uuid5ish(v_ns, 'information-type:customer-workloads'),
                'title', 'Customer workloads and data on ' || v_clouds,
                'description', 'The data the customer stores and processes with the ' || v_clouds || ' services in scope.'
                               || CASE WHEN v_level IS NULL THEN ' srm records no FIPS 199 categorization for it.'
                                       ELSE format(' Categorized %s, as the %s baseline assumes.', v_level, v_run.baseline) END,
                'confidentiality-impact', CASE WHEN v_level IS NOT NULL THEN jsonb_build_object('base', v_level) END,
                'integrity-impact', CASE WHEN v_level IS NOT NULL THEN jsonb_build_object('base', v_level) END,
                'availability-impact', CASE WHEN v_level IS NOT NULL THEN jsonb_build_object('base', v_level) END))),
        'security-impact-level', CASE WHEN v_level IS NOT NULL THEN jsonb_build_object(
            'security-objective-confidentiality', v_level,
            'security-objective-integrity', v_level,
            'security-objective-availability', v_level) END,
        'status', jsonb_build_object('state', 'operational'),
        'authorization-boundary', jsonb_build_object(
            'description', format('The ' || v_clouds || ' resources recorded in audit run %s: %s assets, %s of them of resource types srm does not know. Accounts: %s. Regions: %s. Services: %s.',
                                  run, scope ->> 'n', scope ->> 'unknown', scope ->> 'accounts',
                                  scope ->> 'regions', scope ->> 'services')));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_system_characteristics(bigint, jsonb) IS
    'the system-characteristics of srm.oscal_ssp for a run: system id and name, description, FIPS 199 level of a NIST baseline, information type, status and authorization boundary; scope is srm_internal.oscal_scope(run)';

-- one component per AWS service of the run
CREATE OR REPLACE FUNCTION srm_internal.oscal_service_components(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    srm_ns  constant text := 'urn:srm:oscal';                 -- srm's own prop names
    v_ns    text := srm_internal.oscal_subject(run);
    v_comps jsonb;
BEGIN
    SELECT jsonb_agg(jsonb_build_object(
               'uuid', srm_internal.uuid5ish(v_ns, 'component:service:' || svc.service_namespace),
               'type', 'service',
               'title', svc.name,
               'description', format('%s, the %s service with namespace %s%s: %s of this system.',
                                     svc.name, srm_internal.provider_name(k.provider), k.ns,
                                     coalesce(', ' || m.name || ' service model', ''), srm_internal.oscal_count(svc.n, 'asset')),
               'props', jsonb_build_array(
                            jsonb_build_object('name', 'service-namespace', 'ns', srm_ns, 'value', k.ns))
                        || CASE WHEN k.provider = 'aws' THEN '[]'::jsonb ELSE jsonb_build_array(
                            jsonb_build_object('name', 'provider', 'ns', srm_ns, 'value', k.provider)) END
                        || CASE WHEN s.model_id IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(
                            jsonb_build_object('name', 'service-model', 'ns', srm_ns, 'value', s.model_id)) END
                        || jsonb_build_array(
                            jsonb_build_object('name', 'implementation-point', 'value', 'external'),
                            jsonb_build_object('name', 'leveraged-authorization-uuid', 'value',
                                               srm_internal.uuid5ish(v_ns, 'leveraged-authorization:' || k.provider)::text)),
               'status', jsonb_build_object('state', 'operational'),
               'responsible-roles', jsonb_build_array(jsonb_build_object('role-id', 'provider', 'party-uuids',
                                                                          jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:' || k.provider)))),
               'remarks', format('%s in audit run %s.', srm_internal.oscal_count(svc.n, 'asset'), run))
           ORDER BY svc.service_namespace)
      INTO v_comps
      FROM srm_internal.oscal_services(run) svc
      CROSS JOIN LATERAL (SELECT srm_internal.oscal_key_provider(svc.service_namespace) AS provider,
                                 regexp_replace(svc.service_namespace, '^[a-z]+:', '') AS ns) k
      LEFT JOIN srm.service s ON s.provider = k.provider AND s.service_namespace = k.ns
      LEFT JOIN srm.service_model m ON m.model_id = s.model_id;
    RETURN v_comps;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_service_components(bigint) IS
    'the components of srm.oscal_ssp for the services of a run (type service, each leveraged from its provider''s authorization; a provider prop for Azure''s and Google''s); null if the run has none';

-- system-implementation: AWS's leveraged authorization, the users, and the
-- components (this system, then one per service)
CREATE OR REPLACE FUNCTION srm_internal.oscal_system_implementation(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    srm_ns constant text := 'urn:srm:oscal';                 -- srm's own prop names
    v_run  srm.audit_run;
    v_ns   text := srm_internal.oscal_subject(run);
    v_clouds text := srm_internal.oscal_clouds(run);
    v_providers text[] := srm_internal.report_providers(run);
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_system_implementation.run;
    RETURN jsonb_build_object(
        'leveraged-authorizations', jsonb_build_array(jsonb_build_object(
            'uuid', srm_internal.uuid5ish(v_ns, 'leveraged-authorization:aws'),
            'title', 'Amazon Web Services (AWS): FedRAMP authorization',
            'props', jsonb_build_array(jsonb_build_object('name', 'leveraged-system-identifier', 'ns', srm_ns, 'value', 'aws')),
            'links', (SELECT jsonb_agg(jsonb_build_object('href', '#' || (x ->> 'uuid'), 'rel', 'reference'))
                      FROM jsonb_array_elements(srm_internal.oscal_attestations(run)) x),
            'party-uuid', srm_internal.uuid5ish(v_ns, 'party:aws'),
            'date-authorized', to_char(v_run.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
            'remarks', format('srm does not record the date of AWS''s authorization: date-authorized is the date of audit run %s. Replace it with the date in the AWS FedRAMP package (AWS Artifact or the FedRAMP marketplace).', run)))
            || (SELECT coalesce(jsonb_agg(jsonb_build_object(
                    'uuid', srm_internal.uuid5ish(v_ns, 'leveraged-authorization:' || p.provider),
                    'title', srm_internal.provider_name(p.provider) || ': FedRAMP authorization',
                    'props', jsonb_build_array(jsonb_build_object('name', 'leveraged-system-identifier', 'ns', srm_ns, 'value', p.provider)),
                    'party-uuid', srm_internal.uuid5ish(v_ns, 'party:' || p.provider),
                    'date-authorized', to_char(v_run.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
                    'remarks', format('srm does not record the date of %s''s authorization, nor its attestations: date-authorized is the date of audit run %s. Replace it with the date in the %s FedRAMP package (%s or the FedRAMP marketplace).',
                                      srm_internal.provider_name(p.provider), run, srm_internal.provider_name(p.provider),
                                      CASE p.provider WHEN 'azure' THEN 'the Microsoft Service Trust Portal'
                                                      ELSE 'the Google Cloud Compliance Reports Manager' END))
                    ORDER BY p.provider), '[]'::jsonb)
                FROM unnest(v_providers) p(provider) WHERE p.provider <> 'aws'),
        'users', jsonb_build_array(jsonb_build_object(
            'uuid', srm_internal.uuid5ish(v_ns, 'user:customer-administrator'),
            'title', 'Customer cloud administrator',
            'role-ids', jsonb_build_array('customer'),
            'authorized-privileges', jsonb_build_array(jsonb_build_object(
                'title', 'Administrator',
                'functions-performed', jsonb_build_array(
                    'Configures the ' || v_clouds || ' services in scope and implements the customer''s part of each control'))))),
        'components', jsonb_build_array(jsonb_build_object(
                'uuid', srm_internal.uuid5ish(v_ns, 'component:this-system'),
                'type', 'this-system',
                'title', 'This system: the customer''s workloads on ' || v_clouds,
                'description', 'The whole system within the authorization boundary. It inherits what '
                               || CASE WHEN v_clouds = 'AWS' THEN 'AWS provides' ELSE 'each service''s provider provides' END
                               || ' for each control and satisfies the customer''s responsibilities.',
                'status', jsonb_build_object('state', 'operational'),
                'responsible-roles', jsonb_build_array(jsonb_build_object('role-id', 'customer', 'party-uuids',
                                                                           jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:customer'))))))
            || coalesce(srm_internal.oscal_service_components(run), '[]'::jsonb));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_system_implementation(bigint) IS
    'the system-implementation of srm.oscal_ssp for a run: AWS as leveraged authorization (citing the attestations), and Microsoft Azure and Google Cloud when the run has their assets, the customer administrator, the this-system component and one component per service';

-- the by-component of one control on one AWS service: what AWS provides
-- (export provided) and what is the customer's (export responsibilities)
CREATE OR REPLACE FUNCTION srm_internal.oscal_service_by_component(subject text, control_id text, service_namespace text, label text,
                                                        resp srm.responsibility, cust srm.responsibility, exp text[],
                                                        status jsonb, n_assets bigint, n_accounts bigint, n_gaps bigint)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cust_words text[] := srm.fedramp_origination(cust, 'customer');
    u_prov     uuid := srm_internal.uuid5ish(subject, 'provided:' || control_id || ':' || service_namespace);
    u_resp     uuid := srm_internal.uuid5ish(subject, 'responsibility:' || control_id || ':' || service_namespace);
    -- service_namespace is the service's key (srm_internal.oscal_service_key)
    who        text := srm_internal.provider_name(srm_internal.oscal_key_provider(service_namespace));
BEGIN
    RETURN jsonb_build_object(
        'component-uuid', srm_internal.uuid5ish(subject, 'component:service:' || service_namespace),
        'uuid', srm_internal.uuid5ish(subject, 'by-component:' || control_id || ':' || service_namespace),
        'description', format('%s on %s: %s (%s).%s', label, service_namespace, resp::text,
                              srm.aws_class(resp)::text,
                              CASE WHEN resp OPERATOR(srm.@>) 'partner'
                                   THEN ' A partner takes part too.' ELSE '' END),
        'implementation-status', status,
        'export', CASE WHEN cardinality(exp) > 0 THEN jsonb_build_object(
            'provided', CASE WHEN 'provided' = ANY (exp) THEN jsonb_build_array(jsonb_build_object(
                'uuid', u_prov,
                'description', format('%s implements %s %s on %s.', who,
                                      CASE WHEN 'responsibility' = ANY (exp) THEN 'its part of' ELSE 'all of' END,
                                      label, service_namespace),
                'responsible-roles', jsonb_build_array(jsonb_build_object('role-id', 'provider')))) END,
            'responsibilities', CASE WHEN 'responsibility' = ANY (exp) THEN jsonb_build_array(jsonb_build_object(
                'uuid', u_resp,
                'provided-uuid', CASE WHEN 'provided' = ANY (exp) THEN u_prov END,
                'description', format('The customer %s for %s on %s: %s.',
                                      CASE WHEN cust_words @> ARRAY['customer-configured', 'customer-provided']
                                           THEN 'configures what ' || who || ' offers and provides the rest itself'
                                           WHEN 'customer-configured' = ANY (cust_words)
                                           THEN 'configures what ' || who || ' offers'
                                           ELSE 'provides it itself' END,
                                      label, service_namespace, cust::text),
                'responsible-roles', jsonb_build_array(jsonb_build_object('role-id', 'customer')))) END) END,
        'remarks', format('%s in %s; %s.', srm_internal.oscal_count(n_assets, 'asset'),
                          srm_internal.oscal_count(n_accounts, 'account'),
                          srm_internal.oscal_count(n_gaps, 'customer gap')));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_service_by_component(text, text, text, text, srm.responsibility, srm.responsibility, text[], jsonb, bigint, bigint, bigint) IS
    'the by-component of one control on one service in srm.oscal_ssp (service_namespace: its key, srm_internal.oscal_service_key): description, implementation status, and the export of what its provider provides (provided) and what is the customer''s (responsibilities, srm.oscal_export), with uuids named in subject';

-- the implemented requirements: one per control of the run, with one
-- by-component on this system and one per service
CREATE OR REPLACE FUNCTION srm_internal.oscal_implemented_requirements(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    srm_ns constant text := 'urn:srm:oscal';                 -- srm's own prop names
    fr_ns  constant text := 'https://fedramp.gov/ns/oscal';  -- FedRAMP's
    v_run  srm.audit_run;
    v_ns   text := srm_internal.oscal_subject(run);
    u_this uuid := srm_internal.uuid5ish(v_ns, 'component:this-system');
    v_reqs jsonb;
    v_aws_only boolean := NOT srm_internal.report_multi_provider(run);
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_implemented_requirements.run;

    -- the controls: per control x service (its key: srm_internal.oscal_service_key),
    -- then per control
    WITH f AS (
        SELECT f.control_id, srm_internal.oscal_service_key(f.provider, f.service_namespace) AS service_namespace, f.account_id, f.responsibility, f.customer_part,
               f.evidence, f.gap, f.assets, f.accounts, f.folded,
               CASE WHEN f.status IS NOT NULL THEN f.status
                    WHEN f.customer_part::text <> 'not applicable' THEN 'none'
                    WHEN f.responsibility::text = 'not applicable' THEN 'not-applicable'
                    ELSE 'inherited' END AS st,
               -- a control x service that speaks for no asset still counts its rows once
               CASE WHEN sum(f.assets) OVER (PARTITION BY f.control_id, f.service_namespace) > 0
                    THEN f.assets ELSE 1 END AS w
        FROM srm_internal.audit_fold f
        WHERE f.run_id = run
    ), cs AS (
        SELECT f.control_id, f.service_namespace,
               srm.responsibility_agg(f.responsibility) FILTER (WHERE f.w > 0) AS resp,
               srm.responsibility_agg(f.customer_part) FILTER (WHERE f.w > 0) AS cust,
               sum(f.assets) AS n_assets,
               -- the accounts with the service (below), or for a run of 0.2.0,
               -- which has no groups, those of its findings
               count(DISTINCT f.account_id) AS n_accounts,
               coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS n_gaps,
               jsonb_build_object(
                   'implemented',    sum(f.w) FILTER (WHERE f.st = 'implemented'),
                   'alternative',    sum(f.w) FILTER (WHERE f.st = 'alternative'),
                   'partial',        sum(f.w) FILTER (WHERE f.st = 'partial'),
                   'planned',        sum(f.w) FILTER (WHERE f.st = 'planned'),
                   'not-applicable', sum(f.w) FILTER (WHERE f.st = 'not-applicable'),
                   'inherited',      sum(f.w) FILTER (WHERE f.st = 'inherited'),
                   'none',           sum(f.w) FILTER (WHERE f.st = 'none')) AS counts,
               (array_agg(DISTINCT f.evidence ORDER BY f.evidence) FILTER (WHERE f.evidence ~ '\S'))[1:3] AS evidence
        FROM f
        GROUP BY f.control_id, f.service_namespace
    ), acc AS (
        -- every control of a run covers every group: the accounts per service
        SELECT srm_internal.oscal_service_key(g.provider, g.service_namespace) AS service_namespace, count(DISTINCT g.account_id) AS n
        FROM srm.audit_group g WHERE g.run_id = oscal_implemented_requirements.run
        GROUP BY 1
    ), chk AS (
        -- the failing checks the run saw per control x service: of its
        -- assets, and of the accounts with assets on the service (a check of
        -- the account speaks for each of its assets)
        SELECT x.control_id, x.service_namespace,
               'Failing checks: ' || string_agg(x.said, '; ' ORDER BY x.ord, x.said) || '.' AS said
        FROM (SELECT k.control_id, srm_internal.oscal_service_key(k.provider, k.service_namespace) AS service_namespace, 1 AS ord,
                     format('%s on %s', c, srm_internal.oscal_count(count(*), 'asset')) AS said
              FROM srm.audit_check k CROSS JOIN LATERAL unnest(k.failed_checks) c
              WHERE k.run_id = oscal_implemented_requirements.run AND k.asset_id IS NOT NULL AND k.check_result = 'failed'
              GROUP BY k.control_id, 2, c
              UNION ALL
              SELECT k.control_id, g.service_namespace, 2,
                     format('%s on account %s (each of its assets)', c, k.account_id)
              FROM srm.audit_check k CROSS JOIN LATERAL unnest(k.failed_checks) c
              JOIN (SELECT DISTINCT g.provider, g.account_id, srm_internal.oscal_service_key(g.provider, g.service_namespace) AS service_namespace
                    FROM srm.audit_group g
                    WHERE g.run_id = oscal_implemented_requirements.run) g ON g.provider = k.provider AND g.account_id = k.account_id
              WHERE k.run_id = oscal_implemented_requirements.run AND k.asset_id IS NULL AND k.check_result = 'failed') x
        GROUP BY x.control_id, x.service_namespace
    ), cs2 AS (
        SELECT cs.*,
               -- the label and title as the run kept them, else (a run of
               -- 0.2.0) as the catalog has them
               coalesce(t.label, c.label, cs.control_id) AS label,
               coalesce(t.title, c.title, '') AS title,
               c.sort_id,
               srm.oscal_export(cs.resp) AS exp,
               -- its remarks name the service's provider ('inherited from AWS' as before for AWS's)
               CASE WHEN srm_internal.oscal_key_provider(cs.service_namespace) = 'aws'
                    THEN srm_internal.oscal_implementation_status(cs.counts)
                    ELSE replace(srm_internal.oscal_implementation_status(cs.counts)::text, 'inherited from AWS',
                                 'inherited from ' || srm_internal.provider_name(srm_internal.oscal_key_provider(cs.service_namespace)))::jsonb
               END AS status,
               srm_internal.uuid5ish(v_ns, 'provided:' || cs.control_id || ':' || cs.service_namespace) AS u_prov,
               srm_internal.uuid5ish(v_ns, 'responsibility:' || cs.control_id || ':' || cs.service_namespace) AS u_resp
        FROM cs
        LEFT JOIN srm_internal.audit_control t ON t.run_id = v_run.run_id AND t.control_id = cs.control_id
        LEFT JOIN srm.control c ON c.framework_id = v_run.framework_id AND c.control_id = cs.control_id
    ), cs3 AS (
        SELECT cs2.*,
               'provided' = ANY (cs2.exp) AS has_prov,
               'responsibility' = ANY (cs2.exp) AS has_resp,
               -- the service's by-component: what AWS provides, what is the customer's
               srm_internal.oscal_service_by_component(v_ns, cs2.control_id, cs2.service_namespace, cs2.label,
                                                       cs2.resp, cs2.cust, cs2.exp, cs2.status,
                                                       cs2.n_assets, coalesce(a.n, cs2.n_accounts), cs2.n_gaps)
               -- the failing checks where the customer takes part
               || CASE WHEN k.said IS NOT NULL AND cs2.cust::text <> 'not applicable'
                       THEN jsonb_build_object('remarks', format('%s in %s; %s. %s', srm_internal.oscal_count(cs2.n_assets, 'asset'),
                                                                 srm_internal.oscal_count(coalesce(a.n, cs2.n_accounts), 'account'),
                                                                 srm_internal.oscal_count(cs2.n_gaps, 'customer gap'), k.said))
                       ELSE '{}'::jsonb END AS bc
        FROM cs2
        LEFT JOIN acc a ON a.service_namespace = cs2.service_namespace
        LEFT JOIN chk k ON k.control_id = cs2.control_id AND k.service_namespace = cs2.service_namespace
    ), ctl AS (
        SELECT cs3.control_id,
               min(cs3.label) AS label, min(cs3.title) AS title, min(cs3.sort_id) AS sort_id,
               srm.responsibility_agg(cs3.resp) AS resp,
               sum(cs3.n_assets) AS n_assets,
               count(*) AS n_services,
               sum(cs3.n_gaps) AS n_gaps,
               count(*) FILTER (WHERE cs3.has_prov) AS n_prov,
               count(*) FILTER (WHERE cs3.has_resp) AS n_resp,
               count(*) FILTER (WHERE cardinality(cs3.exp) = 0) AS n_neither,
               -- kept as jsonb[] (no copy of their contents) until the by-components are built
               array_agg(cs3.bc ORDER BY cs3.service_namespace) AS bcs,
               jsonb_agg(jsonb_build_object(
                             'uuid', srm_internal.uuid5ish(v_ns, 'inherited:' || cs3.control_id || ':' || cs3.service_namespace),
                             'provided-uuid', cs3.u_prov,
                             'description', format('Inherited from %s on %s.',
                                                   srm_internal.provider_name(srm_internal.oscal_key_provider(cs3.service_namespace)),
                                                   cs3.service_namespace))
                         ORDER BY cs3.service_namespace) FILTER (WHERE cs3.has_prov) AS inherited,
               jsonb_agg(jsonb_build_object(
                             'uuid', srm_internal.uuid5ish(v_ns, 'satisfied:' || cs3.control_id || ':' || cs3.service_namespace),
                             'responsibility-uuid', cs3.u_resp,
                             'description', format('On %s: %s (%s).', cs3.service_namespace,
                                                   cs3.status ->> 'state', cs3.status ->> 'remarks'),
                             'remarks', CASE WHEN cs3.evidence IS NOT NULL
                                             THEN 'Evidence: ' || array_to_string(cs3.evidence, '; ') END)
                         ORDER BY cs3.service_namespace)
                   -- a responsibility nobody recorded a status for is not satisfied: it is a gap
                   FILTER (WHERE cs3.has_resp AND cs3.status ->> 'remarks' <> 'no status recorded — customer gap') AS satisfied
        FROM cs3
        GROUP BY cs3.control_id
    ), ctl_status AS (
        SELECT f.control_id,
               srm_internal.oscal_implementation_status(jsonb_build_object(
                   'implemented',    sum(f.w) FILTER (WHERE f.st = 'implemented'),
                   'alternative',    sum(f.w) FILTER (WHERE f.st = 'alternative'),
                   'partial',        sum(f.w) FILTER (WHERE f.st = 'partial'),
                   'planned',        sum(f.w) FILTER (WHERE f.st = 'planned'),
                   'not-applicable', sum(f.w) FILTER (WHERE f.st = 'not-applicable'),
                   'inherited',      sum(f.w) FILTER (WHERE f.st = 'inherited'),
                   'none',           sum(f.w) FILTER (WHERE f.st = 'none'))) AS status
        FROM f GROUP BY f.control_id
    )
    SELECT jsonb_agg(jsonb_build_object(
               'uuid', srm_internal.uuid5ish(v_ns, 'implemented-requirement:' || ctl.control_id),
               'control-id', ctl.control_id,
               'props', coalesce((SELECT jsonb_agg(jsonb_build_object('name', 'control-origination', 'ns', fr_ns, 'value', o.w)
                                                   ORDER BY o.i)
                                  FROM unnest(srm.fedramp_origination(ctl.resp, 'customer')) WITH ORDINALITY o(w, i)),
                                 '[]'::jsonb)
                        || jsonb_build_array(
                               jsonb_build_object('name', 'responsibility', 'ns', srm_ns, 'value', ctl.resp::text),
                               jsonb_build_object('name', 'control-class', 'ns', srm_ns, 'value', srm.aws_class(ctl.resp)::text)),
               'by-components', (SELECT jsonb_agg(b.b ORDER BY b.i) FROM unnest(ARRAY[jsonb_build_object(
                       'component-uuid', u_this,
                       'uuid', srm_internal.uuid5ish(v_ns, 'by-component:' || ctl.control_id || ':this-system'),
                       'description', format('%s in this system: provided by %s on %s of %s service(s), the customer''s responsibility on %s (no status recorded on %s), not applicable on %s.',
                                             trim(ctl.label || ' ' || ctl.title),
                                             CASE WHEN v_aws_only THEN 'AWS' ELSE 'the service''s provider' END, ctl.n_prov, ctl.n_services, ctl.n_resp,
                                             ctl.n_resp - coalesce(jsonb_array_length(ctl.satisfied), 0), ctl.n_neither),
                       'implementation-status', CASE WHEN v_aws_only THEN cst.status
                                                     ELSE replace(cst.status::text, 'inherited from AWS', 'inherited from the provider')::jsonb END,
                       'inherited', ctl.inherited,
                       'satisfied', ctl.satisfied)] || ctl.bcs) WITH ORDINALITY AS b(b, i)),
               'remarks', format('%s: %s (%s); %s asset x control pairs on %s service(s); %s customer gap(s).',
                                 trim(ctl.label || ' ' || ctl.title), ctl.resp::text, srm.aws_class(ctl.resp)::text,
                                 ctl.n_assets, ctl.n_services, ctl.n_gaps))
           ORDER BY ctl.sort_id NULLS LAST, ctl.control_id)
      INTO v_reqs
      FROM ctl JOIN ctl_status cst USING (control_id);

    -- a run without findings still answers every control in its scope
    IF v_reqs IS NULL THEN
        SELECT jsonb_agg(jsonb_build_object(
                   'uuid', srm_internal.uuid5ish(v_ns, 'implemented-requirement:' || c.control_id),
                   'control-id', c.control_id,
                   'remarks', trim(c.label || ' ' || c.title) || ': no asset of this system was in scope of the audit run.')
               ORDER BY c.sort_id, c.control_id)
          INTO v_reqs
          FROM srm.control c
         WHERE c.framework_id = v_run.framework_id AND c.status = 'active'
           AND (v_run.baseline IS NULL OR v_run.baseline = ANY (c.baselines));
    END IF;
    RETURN v_reqs;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_implemented_requirements(bigint) IS
    'the implemented-requirements of srm.oscal_ssp for a run: per control, control-origination and responsibility props, a by-component on this system (inherited, satisfied, status) and one per service (srm_internal.oscal_service_by_component, whose remarks add the failing checks the run saw on the service''s assets and accounts); every control in scope with a remark when the run has no finding';

-- the description of control-implementation
CREATE OR REPLACE FUNCTION srm_internal.oscal_controls_description(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_run srm.audit_run;
    v_fw  srm.framework;
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_controls_description.run;
    SELECT * INTO v_fw FROM srm.framework f WHERE f.framework_id = v_run.framework_id;
    RETURN format('The controls of %s%s as audited in srm run %s: per control and %s, what %s provides (export provided, inherited by this system), what is the customer''s responsibility (export responsibilities, satisfied by this system), and the implementation status the audit recorded.',
                  v_fw.name, srm_internal.oscal_baseline_label(v_run.baseline), run,
                  CASE WHEN srm_internal.report_multi_provider(run) THEN 'service (AWS''s by namespace, the others'' as provider:namespace)' ELSE 'AWS service' END,
                  CASE WHEN srm_internal.report_multi_provider(run) THEN 'its provider' ELSE 'AWS' END);
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_controls_description(bigint) IS
    'the description of the control-implementation of srm.oscal_ssp for a run (framework, baseline, run)';

-- control-implementation
CREATE OR REPLACE FUNCTION srm_internal.oscal_control_implementation(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN jsonb_build_object(
        'description', srm_internal.oscal_controls_description(run),
        'implemented-requirements', srm_internal.oscal_implemented_requirements(run));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_control_implementation(bigint) IS
    'the control-implementation of srm.oscal_ssp for a run: its description and srm_internal.oscal_implemented_requirements';

-- back-matter: the profile resource and the attestations (null if neither)
CREATE OR REPLACE FUNCTION srm_internal.oscal_back_matter(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prof_res jsonb := srm_internal.oscal_profile_resource(run);
    v_attest   jsonb := srm_internal.oscal_attestations(run);
BEGIN
    RETURN CASE WHEN v_prof_res IS NOT NULL OR v_attest IS NOT NULL THEN jsonb_build_object(
        'resources', CASE WHEN v_prof_res IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(v_prof_res) END
                     || coalesce(v_attest, '[]'::jsonb)) END;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_back_matter(bigint) IS
    'the back-matter of srm.oscal_ssp for a run: the profile resource (srm_internal.oscal_profile_resource) and AWS''s attestations (srm_internal.oscal_attestations); null if neither';

-------------------------------------------------------------------------------
-- The system security plan
-------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION srm.oscal_ssp(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    v_run    srm.audit_run;
    v_latest bigint;
    v_scope  jsonb;         -- what the run covered: srm_internal.oscal_scope
    v_reqs   jsonb;         -- its implemented requirements, nulls stripped
    v_ssp    jsonb;         -- the plan without them
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = run;
    IF NOT FOUND THEN
        SELECT max(a.run_id) INTO v_latest FROM srm.audit_run a;
        RAISE EXCEPTION 'audit run % does not exist', run
            USING ERRCODE = 'no_data_found',
                  HINT = CASE WHEN v_latest IS NULL
                              THEN 'No audit has been run yet: srm.run_audit(framework, baseline) records one.'
                              ELSE format('The latest run is %s.', v_latest) END;
    END IF;
    IF v_run.finished_at IS NULL THEN
        RAISE EXCEPTION 'audit run % has not finished', run
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'An SSP is written from a finished run only.';
    END IF;
    v_scope := srm_internal.oscal_scope(run);
    -- the plan is built without its implemented requirements, which are
    -- most of it (14 MB for 1,000 accounts), and they are set into it last:
    -- every jsonb built around another reads all of it again
    v_reqs := jsonb_strip_nulls(srm_internal.oscal_implemented_requirements(run));
    v_ssp := jsonb_build_object('system-security-plan', jsonb_strip_nulls(jsonb_build_object(
        'uuid', srm_internal.uuid5ish(srm_internal.oscal_subject(run), 'system-security-plan'),
        'metadata', srm_internal.oscal_metadata(run, v_scope),
        'import-profile', srm_internal.oscal_import_profile(run),
        'system-characteristics', srm_internal.oscal_system_characteristics(run, v_scope),
        'system-implementation', srm_internal.oscal_system_implementation(run),
        -- srm_internal.oscal_control_implementation(run), its requirements set in below
        'control-implementation', jsonb_build_object('description', srm_internal.oscal_controls_description(run)),
        'back-matter', srm_internal.oscal_back_matter(run))));
    RETURN CASE WHEN v_reqs IS NULL THEN v_ssp
                ELSE jsonb_set(v_ssp, '{system-security-plan,control-implementation,implemented-requirements}', v_reqs) END;
END
$fn$;
COMMENT ON FUNCTION srm.oscal_ssp(bigint) IS
    'the customer''s system as audited in a run, as an OSCAL 1.1.3 system security plan (JSON) valid against NIST''s schema: a this-system component and one service component per AWS service; per control of the run one implemented-requirement with, per service, an export of what AWS provides and what is the customer''s responsibility (srm.oscal_export), inherited / satisfied (where a status was recorded) on this-system, control-origination props (srm.fedramp_origination, customer''s plan) and the audited implementation status (no status recorded: planned, a customer gap). UUIDs are name-based per subject, so the same run always gives the same document; an unknown run raises no_data_found';

-------------------------------------------------------------------- install/code/csv.sql
-- install/code/csv.sql (code part): CSV that a spreadsheet opens without
-- running a cell as a formula (OWASP's CSV injection guidance): every text
-- cell that begins with =, +, -, @, a tab or a carriage return gets a
-- leading single quote, unless it is a plain number such as -5 or +1.5;
-- numeric and boolean columns are written as they are.

-- one cell's text, neutralised (not quoted)
CREATE OR REPLACE FUNCTION srm.csv_cell(value text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN value ~ '^[-=+@\t\r]' AND value !~ '^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$'
            THEN '''' || value ELSE value END;
COMMENT ON FUNCTION srm.csv_cell(text) IS
    'a CSV cell''s text that a spreadsheet does not run as a formula: a leading single quote before =, +, -, @, tab or carriage return, unless the text is a plain number (-5); for COPY ... CSV of one''s own queries';

-- a text cell, neutralised and quoted (null: an empty field)
CREATE OR REPLACE FUNCTION srm_internal.csv_quoted(value text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce('"' || pg_catalog.replace(srm.csv_cell(value), '"', '""') || '"', '');
COMMENT ON FUNCTION srm_internal.csv_quoted(text) IS
    'a text cell of srm.csv: neutralised by srm.csv_cell, in double quotes (quotes doubled); an empty field for null';

-- a query's result columns (name; whether a number or a boolean), from
-- its parse analysis: no DDL, so srm.csv runs in a read-only transaction
CREATE OR REPLACE FUNCTION srm_internal.query_columns(query text)
RETURNS TABLE (name text, plain boolean)
AS 'MODULE_PATHNAME', 'srm_query_columns'
LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION srm_internal.query_columns(text) IS
    'the result columns of a query, in order, without running it: each column''s name and whether its type is a number or a boolean (written unquoted by srm.csv); refuses several statements, a statement that returns no rows and a name given twice (42701, as CREATE VIEW)';

-- the text of a query's one statement, without the semicolon that ends it
-- (and what follows), to be read as a subquery
CREATE OR REPLACE FUNCTION srm_internal.query_statement(query text)
RETURNS text
AS 'MODULE_PATHNAME', 'srm_query_statement'
LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION srm_internal.query_statement(text) IS
    'the text of a query''s one statement, without the semicolon that ends it and what follows (SELECT 1; -- x -> SELECT 1); refuses what srm_internal.query_columns refuses';

-- a query's rows as CSV records
CREATE OR REPLACE FUNCTION srm.csv(query text, header boolean DEFAULT true)
RETURNS SETOF text
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    names text;
    cells text;
    aliases text;
BEGIN
    IF query IS NULL OR query !~ '\S' THEN
        RAISE EXCEPTION 'srm.csv needs a query'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'For example srm.csv(''SELECT * FROM srm.bi_customer_gaps WHERE run_id = 2'').';
    END IF;
    -- the query's columns, names and types, from its parse analysis; its
    -- statement (without a final semicolon) then read as a subquery whose
    -- columns are renamed c1, c2, ... (its last line may be a comment: the
    -- parenthesis closes on a line of its own)
    SELECT pg_catalog.string_agg(srm_internal.csv_quoted(c.name), ',' ORDER BY c.n),
           pg_catalog.string_agg(CASE WHEN c.plain
                                      THEN pg_catalog.format('coalesce(q.c%s::text, '''')', c.n)
                                      ELSE pg_catalog.format('srm_internal.csv_quoted(q.c%s::text)', c.n) END,
                                 ' || '','' || ' ORDER BY c.n),
           pg_catalog.string_agg('c' || c.n, ', ' ORDER BY c.n)
      INTO names, cells, aliases
      FROM srm_internal.query_columns(query) WITH ORDINALITY AS c(name, plain, n);
    IF header THEN
        RETURN NEXT names;
    END IF;
    RETURN QUERY EXECUTE pg_catalog.format(E'SELECT %s FROM (%s\n) q(%s)', cells, srm_internal.query_statement(query), aliases);
END
$$;
COMMENT ON FUNCTION srm.csv(text, boolean) IS
    'the rows of a query as CSV records (RFC 4180; a header first unless header is false): text cells quoted and neutralised by srm.csv_cell so that a spreadsheet runs none as a formula, numbers and booleans as they are. Write a file with psql: SELECT * FROM srm.csv(''SELECT ...'') \g (format=unaligned tuples_only=on) out.csv';

-------------------------------------------------------------------- install/code/drop_guard.sql
-- install/code/drop_guard.sql (code part): DROP EXTENSION srm on a database
-- that holds user rows fails, saying how many rows of which tables would be
-- lost, unless the session sets srm.drop_with_user_rows = on.

-- the user's rows per table: those pg_dump keeps (the tables registered with
-- pg_extension_config_dump, under their conditions)
CREATE OR REPLACE FUNCTION srm.user_rows()
RETURNS TABLE (table_name text, user_rows bigint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cfg record;
BEGIN
    FOR cfg IN
        SELECT x.cfg_oid::regclass AS tbl, coalesce(x.cond, '') AS cond
        FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(cfg_oid, cond), pg_class c
        WHERE e.extname = 'srm' AND c.oid = x.cfg_oid AND c.relkind IN ('r', 'p')
        ORDER BY x.cfg_oid::regclass::text
    LOOP
        table_name := cfg.tbl::text;
        EXECUTE format('SELECT count(*) FROM %s %s', cfg.tbl, cfg.cond) INTO user_rows;
        RETURN NEXT;
    END LOOP;
END
$$;
COMMENT ON FUNCTION srm.user_rows() IS
    'the user''s rows per table of srm (the rows pg_dump keeps: inventory, loads, rejections, statuses and their history, overrides, the user''s attestations, audit runs and what they recorded); DROP EXTENSION srm would delete them';

-- the check of the event trigger: an error naming what would be lost
CREATE OR REPLACE FUNCTION srm_internal.drop_guard_check()
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    total bigint;
    tables text;
BEGIN
    IF coalesce(nullif(current_setting('srm.drop_with_user_rows', true), '')::boolean, false) THEN
        RETURN;
    END IF;
    SELECT sum(u.user_rows), string_agg(format('%s: %s', u.table_name, u.user_rows), ', ' ORDER BY u.table_name)
      INTO total, tables
      FROM srm.user_rows() u WHERE u.user_rows > 0;
    IF total > 0 THEN
        RAISE EXCEPTION 'dropping srm would delete % user rows', total
            USING ERRCODE = 'dependent_objects_still_exist',
                  DETAIL = format('Rows per table: %s.', tables),
                  HINT = 'Keep them first (pg_dump of the database). Then, to drop srm and its rows deliberately: SET srm.drop_with_user_rows = on; DROP EXTENSION srm;';
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.drop_guard_check() IS
    'raises the error of the drop guard when the database holds user rows of srm (srm.user_rows), unless the session set srm.drop_with_user_rows = on';

CREATE OR REPLACE FUNCTION srm_internal.drop_guard()
RETURNS event_trigger
AS 'MODULE_PATHNAME', 'srm_drop_guard'
LANGUAGE C;
COMMENT ON FUNCTION srm_internal.drop_guard() IS
    'event trigger (ddl_command_start) of DROP EXTENSION and DROP SCHEMA: when the statement names srm (or DROP SCHEMA srm CASCADE), runs srm_internal.drop_guard_check()';

-- created once (an upgrade re-runs this part)
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_event_trigger WHERE evtname = 'srm_drop_guard') THEN
        CREATE EVENT TRIGGER srm_drop_guard ON ddl_command_start
            WHEN TAG IN ('DROP EXTENSION', 'DROP SCHEMA')
            EXECUTE FUNCTION srm_internal.drop_guard();
        COMMENT ON EVENT TRIGGER srm_drop_guard IS
            'refuses DROP EXTENSION srm (and DROP SCHEMA srm CASCADE) while the database holds user rows of srm, unless the session set srm.drop_with_user_rows = on';
    END IF;
END
$$;

-------------------------------------------------------------------- install/code/teams.sql
-- install/code/teams.sql (code part): row-level security per team.
--
-- A team is a PostgreSQL role; srm.team_account names its accounts.  A
-- member of a team (pg_has_role(current_user, team, 'MEMBER')) reads and
-- writes the rows of its teams' accounts in every account-scoped table;
-- rows with no account (provider- and service-wide statuses and
-- overrides) are read by every role that may read the table and written
-- by srm's owner and the teams that srm.team_account gives the account
-- null.  A role in no team reads no row of any account.  The owner of the
-- tables (and superusers, and roles with BYPASSRLS) is not subject to the
-- policies: it sees and writes everything, at full speed.
--
-- Scopes:
--   srm.asset                      its account
--   srm.asset_load                 its accounts (all of them the member's);
--                                  a load with none: the role that loaded it
--   srm.asset_load_rejection       its load
--   srm.finding                    its account
--   srm.finding_load               as srm.asset_load
--   srm.finding_load_rejection     its load
--   srm.control_status,            its account and the account in its
--   srm.override                   asset's ARN (both the member's where set);
--                                  neither: read by all, written as above
--   srm.control_status_history     the accounts of the rows before and after,
--                                  as srm.control_status (written by srm's
--                                  trigger only)
--   srm.audit_run                  its accounts, all of them the member's (a
--                                  run over every account, accounts null,
--                                  is the owner's)
--   srm.audit_asset, audit_group,  its run and its account
--   audit_finding, audit_check
--   srm.audit_default              its run
--   srm.audit_gap                  its run, and the account of a stored
--                                  group's gaps (answers)
--   srm.audit_override,            its run, and the row's own scope as in
--   audit_status                   srm.override and srm.control_status
--   srm.team_account               the rows of the reader's own teams
-- The model, the stored derivation and srm.attestation (the provider's
-- attestations, of no account) are not account-scoped.
--
-- Enabling row-level security and the policies are re-runnable (an update
-- runs this part again): each policy is dropped if it exists and created.

-------------------------------------------------------------------------------
-- Who the caller is
-------------------------------------------------------------------------------

-- the accounts of the caller's teams
CREATE OR REPLACE FUNCTION srm_internal.team_accounts()
RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT coalesce(pg_catalog.array_agg(DISTINCT t.account_id ORDER BY t.account_id), '{}'::text[])
FROM srm.team_account t
JOIN pg_catalog.pg_roles r ON r.rolname = t.team
WHERE t.account_id IS NOT NULL AND pg_catalog.pg_has_role(CURRENT_USER, r.oid, 'MEMBER');
END;
COMMENT ON FUNCTION srm_internal.team_accounts() IS
    'the account ids of the teams (srm.team_account) the current role is a member of, sorted; empty for a role in no team';

-- whether the caller writes the rows that have no account
CREATE OR REPLACE FUNCTION srm_internal.team_writes_unscoped()
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT EXISTS (SELECT FROM srm.team_account t
               JOIN pg_catalog.pg_roles r ON r.rolname = t.team
               WHERE t.account_id IS NULL AND pg_catalog.pg_has_role(CURRENT_USER, r.oid, 'MEMBER'));
END;
COMMENT ON FUNCTION srm_internal.team_writes_unscoped() IS
    'whether the current role is a member of a team that srm.team_account gives the account null: it writes the statuses and overrides that have no account';

-- the account of an ARN (its fifth field, when it is an account id): an
-- asset's ARN scopes a status or an override as its account_id does; so do
-- the subscription of an Azure Resource Manager id and the project of a
-- Google Cloud full resource name (0.6.0)
CREATE OR REPLACE FUNCTION srm_internal.arn_account(arn text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.split_part(arn, ':', 5) OPERATOR(pg_catalog.~) '^[0-9]{12}$'
            THEN pg_catalog.split_part(arn, ':', 5)
            WHEN arn OPERATOR(pg_catalog.~*) '^/subscriptions/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(/|$)'
            THEN pg_catalog.lower(pg_catalog.substring(arn, 16, 36))
            WHEN arn OPERATOR(pg_catalog.~) '^//[^/]+/projects/[a-z][a-z0-9-]{4,28}[a-z0-9](/|$)'
            THEN pg_catalog.substring(arn, '^//[^/]+/projects/([^/]+)') END;
COMMENT ON FUNCTION srm_internal.arn_account(text) IS
    'the account of an asset identifier: the AWS account id in an ARN (its fifth field; null when it has none: S3 buckets, AWS managed policies), the subscription of an Azure Resource Manager id (lower case), the project of a Google Cloud full resource name (null when its path names none: buckets)';

-------------------------------------------------------------------------------
-- srm.team_account: checked as written
-------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION srm_internal.team_account_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname = NEW.team) THEN
        RAISE EXCEPTION 'role "%" does not exist', NEW.team
            USING ERRCODE = 'undefined_object',
                  HINT = 'A team is a PostgreSQL role: CREATE ROLE it first, then GRANT it to its members.';
    END IF;
    -- an Azure subscription id is a UUID, in any case: stored in lower case
    IF NEW.account_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        NEW.account_id := lower(NEW.account_id);
    END IF;
    IF NEW.account_id IS NOT NULL
       AND NEW.account_id !~ '^([0-9]{12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z][a-z0-9-]{4,28}[a-z0-9])$' THEN
        RAISE EXCEPTION 'invalid account id "%"', NEW.account_id
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'An account is an AWS account id (12 digits), an Azure subscription id (a UUID) or a Google Cloud project id (6 to 30 lower-case letters, digits and hyphens, starting with a letter); null gives the team the rows that have no account.';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm_internal.team_account_check() IS
    'checks a row of srm.team_account as it is written: the team is an existing role, the account an AWS account id, an Azure subscription id (put in lower case) or a Google Cloud project id (or null)';
CREATE OR REPLACE TRIGGER team_account_check BEFORE INSERT OR UPDATE ON srm.team_account
    FOR EACH ROW EXECUTE FUNCTION srm_internal.team_account_check();

-------------------------------------------------------------------------------
-- What audits and loads by a team member cover
-------------------------------------------------------------------------------

-- the accounts of an audit run by the caller: as given for a role the
-- policies do not apply to; for a team member, the given accounts if they
-- are all its teams', else (null) those of its teams that have assets
CREATE OR REPLACE FUNCTION srm_internal.team_audit_accounts(accounts text[])
RETURNS text[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    mine text[];
    other text;
    loaded text[];
BEGIN
    IF NOT row_security_active('srm.asset'::regclass) THEN
        RETURN accounts;
    END IF;
    mine := srm_internal.team_accounts();
    IF cardinality(mine) = 0 THEN
        RAISE EXCEPTION 'role "%" is in no team with accounts', current_user
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'srm''s owner names a team''s accounts in srm.team_account; a team member audits those.';
    END IF;
    IF accounts IS NULL THEN
        -- the policies show the member its teams' assets only
        SELECT array_agg(DISTINCT a.account_id ORDER BY a.account_id) INTO loaded FROM srm.asset a;
        IF loaded IS NULL THEN
            RAISE EXCEPTION 'no assets are loaded for the accounts of role "%"''s teams', current_user
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Load an account''s AWS Config snapshot with srm.load_config_snapshot first.';
        END IF;
        RETURN loaded;
    END IF;
    SELECT string_agg(DISTINCT a, ', ' ORDER BY a) INTO other FROM unnest(accounts) a WHERE a <> ALL (mine);
    IF other IS NOT NULL THEN
        RAISE EXCEPTION 'account % is not an account of role "%"''s teams', other, current_user
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Audit the accounts of your teams (srm.team_account), or leave accounts null for all of them.';
    END IF;
    RETURN accounts;
END
$$;
COMMENT ON FUNCTION srm_internal.team_audit_accounts(text[]) IS
    'the accounts srm.run_audit covers for the current role: as given, for the owner and roles the policies do not apply to; for a team member the given accounts, each one of its teams'' (else insufficient_privilege), or for null every account of its teams with assets';

-- a load's accounts (of any provider) checked for a team member: each one
-- of its teams', else insufficient_privilege naming the others (noun:
-- account, subscription), with the loader's detail and hint; returns them
CREATE OR REPLACE FUNCTION srm_internal.team_refuse_accounts(accounts text[], noun text, detail text, hint text)
RETURNS text[]
LANGUAGE plpgsql STABLE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    other text;
BEGIN
    IF row_security_active('srm.asset'::regclass) THEN
        SELECT string_agg(a, ', ' ORDER BY a) INTO other
        FROM unnest(accounts) a WHERE a <> ALL (srm_internal.team_accounts());
        IF other IS NOT NULL THEN
            RAISE EXCEPTION '% % is not an account of role "%"''s teams', noun, other, current_user
                USING ERRCODE = 'insufficient_privilege', DETAIL = detail, HINT = hint;
        END IF;
    END IF;
    RETURN accounts;
END
$$;
COMMENT ON FUNCTION srm_internal.team_refuse_accounts(text[], text, text, text) IS
    'the accounts a load would write, refused for a team member unless each is one of its teams'' (insufficient_privilege naming the others, with the loader''s detail and hint, before anything is written); returns them';

-- the accounts of a load's staged items (pg_temp.srm_load_item), checked
-- for a team member: each one of its teams' (else insufficient_privilege)
CREATE OR REPLACE FUNCTION srm_internal.team_load_accounts()
RETURNS text[]
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found text[];
BEGIN
    SELECT coalesce(array_agg(DISTINCT a.account_id ORDER BY a.account_id), '{}') INTO found
    FROM pg_temp.srm_load_item i
    CROSS JOIN LATERAL (SELECT btrim(coalesce(i.item ->> 'awsAccountId', i.item ->> 'accountId')) AS account_id) a
    WHERE jsonb_typeof(i.item) = 'object' AND a.account_id ~ '^[0-9]{12}$';
    RETURN srm_internal.team_refuse_accounts(found, 'account', 'The snapshot has configuration items of that account.',
                                             'Load the snapshots of your teams'' accounts only (srm.team_account).');
END
$$;
COMMENT ON FUNCTION srm_internal.team_load_accounts() IS
    'the account ids of the items a load staged, for srm.asset_load.accounts; for a team member each must be one of its teams'' (else insufficient_privilege, before anything is written)';

-- statistics for the planner after a load or an audit, whoever runs it:
-- ANALYZE is the owner's, so this runs with the owner's rights, on the
-- five tables it is for only
CREATE OR REPLACE FUNCTION srm_internal.analyze_user_table(tbl regclass)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF tbl NOT IN ('srm.asset'::regclass, 'srm.audit_asset'::regclass, 'srm.audit_group'::regclass,
                   'srm.audit_default'::regclass, 'srm.audit_gap'::regclass) THEN
        RAISE EXCEPTION 'srm does not analyze %', tbl
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    EXECUTE format('ANALYZE %s', tbl);
END
$$;
COMMENT ON FUNCTION srm_internal.analyze_user_table(regclass) IS
    'ANALYZE of srm.asset, srm.audit_asset, srm.audit_group, srm.audit_default or srm.audit_gap with the owner''s rights, so that loads and audits by team members leave fresh statistics (and no warning)';

-- statistics after a load, by the server's own rule for stale statistics:
-- autovacuum analyzes a table once the rows changed since its last ANALYZE
-- exceed autovacuum_analyze_threshold + autovacuum_analyze_scale_factor *
-- reltuples (the table's own settings first).  A load whose own rows
-- (inserted + updated) exceed that, or the first load, analyzes at once, so
-- that the audit that follows plans with fresh statistics; a small load
-- into a large inventory (a daily delta) does not pay for an ANALYZE of the
-- whole table.  Small loads add up in the statistics system's count of
-- changes, and autovacuum analyzes when they pass the same threshold.  The
-- count is not read here: a load through the SQL functions analyzes inside
-- its own transaction, whose changes reach the count only after it
-- commits, after the ANALYZE that reset it, so the next load would count
-- them again.
CREATE OR REPLACE FUNCTION srm_internal.analyze_after_load(changed bigint)
RETURNS boolean
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    tuples float8;
    opts text[];
    threshold float8;
    scale float8;
BEGIN
    SELECT c.reltuples, c.reloptions INTO tuples, opts FROM pg_class c WHERE c.oid = 'srm.asset'::regclass;
    threshold := coalesce((SELECT substr(o, length('autovacuum_analyze_threshold=') + 1)::float8
                           FROM unnest(opts) o WHERE o LIKE 'autovacuum\_analyze\_threshold=%'),
                          current_setting('autovacuum_analyze_threshold')::float8);
    scale := coalesce((SELECT substr(o, length('autovacuum_analyze_scale_factor=') + 1)::float8
                       FROM unnest(opts) o WHERE o LIKE 'autovacuum\_analyze\_scale\_factor=%'),
                      current_setting('autovacuum_analyze_scale_factor')::float8);
    -- reltuples is -1 until the table is first analyzed or vacuumed
    IF tuples >= 0 AND changed <= threshold + scale * tuples THEN
        RETURN false;
    END IF;
    ANALYZE srm.asset;
    RETURN true;
END
$$;
COMMENT ON FUNCTION srm_internal.analyze_after_load(bigint) IS
    'after a load that inserted or updated "changed" assets: ANALYZE srm.asset (with the owner''s rights) when the table has never been analyzed or when changed exceeds autovacuum''s analyze threshold (autovacuum_analyze_threshold + autovacuum_analyze_scale_factor * reltuples, the table''s own settings first); true when it analyzed';

-------------------------------------------------------------------------------
-- The policies
-------------------------------------------------------------------------------

ALTER TABLE srm.team_account ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.team_account;
CREATE POLICY team_member ON srm.team_account FOR SELECT
    USING (team IN (SELECT r.rolname FROM pg_catalog.pg_roles r
                    WHERE pg_catalog.pg_has_role(CURRENT_USER, r.oid, 'MEMBER')));

ALTER TABLE srm.asset ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.asset;
CREATE POLICY team_member ON srm.asset
    USING (account_id = ANY ((SELECT srm_internal.team_accounts())::text[]));

ALTER TABLE srm.asset_load ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.asset_load;
CREATE POLICY team_member ON srm.asset_load
    USING (accounts <@ (SELECT srm_internal.team_accounts())
           AND (cardinality(accounts) > 0 OR loaded_by = CURRENT_USER::text));

ALTER TABLE srm.asset_load_rejection ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.asset_load_rejection;
CREATE POLICY team_member ON srm.asset_load_rejection
    USING (load_id IN (SELECT l.load_id FROM srm.asset_load l));

ALTER TABLE srm.finding ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.finding;
CREATE POLICY team_member ON srm.finding
    USING (account_id = ANY ((SELECT srm_internal.team_accounts())::text[]));

ALTER TABLE srm.finding_load ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.finding_load;
CREATE POLICY team_member ON srm.finding_load
    USING (accounts <@ (SELECT srm_internal.team_accounts())
           AND (cardinality(accounts) > 0 OR loaded_by = CURRENT_USER::text));

ALTER TABLE srm.finding_load_rejection ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.finding_load_rejection;
CREATE POLICY team_member ON srm.finding_load_rejection
    USING (load_id IN (SELECT l.load_id FROM srm.finding_load l));

-- statuses and overrides: read when every account they name is the
-- member's (none: by all); written when they also name one, or by a team
-- with the account null
ALTER TABLE srm.control_status ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_read ON srm.control_status;
CREATE POLICY team_read ON srm.control_status FOR SELECT
    USING ((account_id IS NULL OR account_id = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (srm_internal.arn_account(asset) IS NULL
                OR srm_internal.arn_account(asset) = ANY ((SELECT srm_internal.team_accounts())::text[])));
DROP POLICY IF EXISTS team_write ON srm.control_status;
CREATE POLICY team_write ON srm.control_status
    USING ((account_id IS NULL OR account_id = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (srm_internal.arn_account(asset) IS NULL
                OR srm_internal.arn_account(asset) = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (account_id IS NOT NULL OR srm_internal.arn_account(asset) IS NOT NULL
                OR (SELECT srm_internal.team_writes_unscoped())));

-- the history of statuses: a change is read when every account its rows
-- (before and after) name is the member's, as the statuses themselves;
-- written only by srm's trigger, with the owner's rights
ALTER TABLE srm.control_status_history ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_read ON srm.control_status_history;
CREATE POLICY team_read ON srm.control_status_history FOR SELECT
    USING (NOT EXISTS (SELECT FROM (VALUES (old_row), (new_row)) AS v(r)
                       WHERE v.r IS NOT NULL
                         AND ((v.r->>'account_id' IS NOT NULL
                               AND NOT v.r->>'account_id' = ANY ((SELECT srm_internal.team_accounts())::text[]))
                              OR (srm_internal.arn_account(v.r->>'asset') IS NOT NULL
                                  AND NOT srm_internal.arn_account(v.r->>'asset') = ANY ((SELECT srm_internal.team_accounts())::text[])))));

ALTER TABLE srm.override ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_read ON srm.override;
CREATE POLICY team_read ON srm.override FOR SELECT
    USING ((account_id IS NULL OR account_id = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (srm_internal.arn_account(asset) IS NULL
                OR srm_internal.arn_account(asset) = ANY ((SELECT srm_internal.team_accounts())::text[])));
DROP POLICY IF EXISTS team_write ON srm.override;
CREATE POLICY team_write ON srm.override
    USING ((account_id IS NULL OR account_id = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (srm_internal.arn_account(asset) IS NULL
                OR srm_internal.arn_account(asset) = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (account_id IS NOT NULL OR srm_internal.arn_account(asset) IS NOT NULL
                OR (SELECT srm_internal.team_writes_unscoped())));

-- audit runs: a run whose accounts are all the member's, and its rows
ALTER TABLE srm.audit_run ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_run;
CREATE POLICY team_member ON srm.audit_run
    USING (cardinality(accounts) > 0 AND accounts <@ (SELECT srm_internal.team_accounts()));

ALTER TABLE srm.audit_asset ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_asset;
CREATE POLICY team_member ON srm.audit_asset
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND account_id = ANY ((SELECT srm_internal.team_accounts())::text[]));

ALTER TABLE srm.audit_group ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_group;
CREATE POLICY team_member ON srm.audit_group
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND account_id = ANY ((SELECT srm_internal.team_accounts())::text[]));

ALTER TABLE srm.audit_finding ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_finding;
CREATE POLICY team_member ON srm.audit_finding
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND account_id = ANY ((SELECT srm_internal.team_accounts())::text[]));

ALTER TABLE srm.audit_check ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_check;
CREATE POLICY team_member ON srm.audit_check
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND account_id = ANY ((SELECT srm_internal.team_accounts())::text[]));

ALTER TABLE srm.audit_default ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_default;
CREATE POLICY team_member ON srm.audit_default
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r));

ALTER TABLE srm.audit_gap ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_gap;
CREATE POLICY team_member ON srm.audit_gap
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND (answers = '' OR answers = ANY ((SELECT srm_internal.team_accounts())::text[])));

-- a run's copies of the overrides and statuses it saw: those the member
-- may read, of its runs (a run of the owner copied every team's)
ALTER TABLE srm.audit_override ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_override;
CREATE POLICY team_member ON srm.audit_override
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND (account_id IS NULL OR account_id = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (srm_internal.arn_account(asset) IS NULL
                OR srm_internal.arn_account(asset) = ANY ((SELECT srm_internal.team_accounts())::text[])));

ALTER TABLE srm.audit_status ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_status;
CREATE POLICY team_member ON srm.audit_status
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND (account_id IS NULL OR account_id = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (srm_internal.arn_account(asset) IS NULL
                OR srm_internal.arn_account(asset) = ANY ((SELECT srm_internal.team_accounts())::text[])));

-------------------------------------------------------------------- after
-- upgrade/0.11.0--0.12.0/after.sql: what 0.12.0 no longer has, dropped once
-- 0.12.0's functions and views are in place.  Never CASCADE.

-------------------------------------------------------------------- the model's rows
TRUNCATE srm.identifier, srm.arn_pattern;
-- Generated by tools/build/gen_data.py --diff: the model's changes, do not edit.
SELECT pg_catalog.set_config('srm.loading_model', 'on', true);
-- 0 row(s) removed, changed or added

-------------------------------------------------------------------- install/data/identifiers.sql
-- install/data/identifiers.sql (data part): fills srm.identifier and
-- srm.arn_pattern from the model's rows.  Runs after the code parts (it uses
-- srm_internal.identifier_key, snake_case and plural) and after the model's
-- rows; an upgrade can re-run it after truncating those two tables.

-- Names that do not follow the rules below, in one table: a name with a
-- resource type is a type (its service is the type's); one without names a
-- service only.
CREATE TEMPORARY TABLE identifier_name (name text, service_namespace text, resource_type text, basis text);

-- Steampipe and CloudQuery tables named after the console rather than the
-- API, Security Hub's ELB names.
INSERT INTO identifier_name (name, resource_type, basis) VALUES
    ('aws_vpc', 'AWS::EC2::VPC', 'Steampipe table'),
    ('aws_vpc_security_group', 'AWS::EC2::SecurityGroup', 'Steampipe table'),
    ('aws_vpc_subnet', 'AWS::EC2::Subnet', 'Steampipe table'),
    ('aws_vpc_route_table', 'AWS::EC2::RouteTable', 'Steampipe table'),
    ('aws_vpc_network_acl', 'AWS::EC2::NetworkAcl', 'Steampipe table'),
    ('aws_vpc_internet_gateway', 'AWS::EC2::InternetGateway', 'Steampipe table'),
    ('aws_vpc_nat_gateway', 'AWS::EC2::NatGateway', 'Steampipe table'),
    ('aws_vpc_eip', 'AWS::EC2::EIP', 'Steampipe table'),
    ('aws_vpc_flow_log', 'AWS::EC2::FlowLog', 'Steampipe table'),
    ('aws_vpc_endpoint', 'AWS::EC2::VPCEndpoint', 'Steampipe table'),
    ('aws_ebs_volume', 'AWS::EC2::Volume', 'Steampipe table'),
    ('aws_ebs_snapshot', 'AWS::EC2::Volume', 'Steampipe table (snapshots are of volumes)'),
    ('aws_ec2_application_load_balancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'Steampipe table'),
    ('aws_ec2_network_load_balancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'Steampipe table'),
    ('aws_ec2_gateway_load_balancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'Steampipe table'),
    ('aws_ec2_classic_load_balancer', 'AWS::ElasticLoadBalancing::LoadBalancer', 'Steampipe table'),
    ('aws_ec2_target_group', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'Steampipe table'),
    ('aws_rds_instances', 'AWS::RDS::DBInstance', 'CloudQuery table'),
    ('aws_rds_clusters', 'AWS::RDS::DBCluster', 'CloudQuery table'),
    ('aws_ec2_ebs_volumes', 'AWS::EC2::Volume', 'CloudQuery table'),
    ('aws_ec2_eips', 'AWS::EC2::EIP', 'CloudQuery table'),
    ('aws_elbv2_load_balancers', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'CloudQuery table'),
    ('aws_elbv2_target_groups', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'CloudQuery table'),
    ('aws_elbv1_load_balancers', 'AWS::ElasticLoadBalancing::LoadBalancer', 'CloudQuery table'),
    ('aws_iam_policies', 'AWS::IAM::ManagedPolicy', 'CloudQuery table'),
    ('aws_lambda_functions', 'AWS::Lambda::Function', 'CloudQuery table'),
    ('AwsElbv2LoadBalancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'Security Hub type'),
    ('AwsElbLoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer', 'Security Hub type'),
    ('AwsEc2Eip', 'AWS::EC2::EIP', 'Security Hub type'),
    ('AwsRdsDbInstance', 'AWS::RDS::DBInstance', 'Security Hub type'),
    ('AwsRdsDbCluster', 'AWS::RDS::DBCluster', 'Security Hub type'),
    ('AwsWafv2WebAcl', 'AWS::WAFv2::WebACL', 'Security Hub type'),
    ('AwsStepFunctionStateMachine', 'AWS::StepFunctions::StateMachine', 'Security Hub type (Prowler step functions checks)');

-- Security Hub resource types with no AWS Config / CloudFormation type of
-- their own: they name a service only (keyed like whole inventory table
-- names, ending in $).  AwsAccount is the account itself, which AWS Account
-- Management holds (as the Steampipe table aws_account).
INSERT INTO identifier_name (name, service_namespace, basis) VALUES
    ('AwsAccount', 'account', 'Security Hub type: the account itself'),
    ('AwsEc2Snapshot', 'ec2', 'Security Hub type: an EBS snapshot, an EC2 API resource'),
    ('AwsS3Object', 's3', 'Security Hub type: an object in an S3 bucket'),
    ('AwsEcrContainerImage', 'ecr', 'Security Hub type: an image in an ECR repository');

-- Steampipe and CloudQuery tables whose words name another service than the
-- one whose API they read (test/fixtures/inventory_tables/README.md gives,
-- for every table of both plugins, the API client the plugin's source calls).
-- A name ending in _* is a prefix: every table that starts with it.  With a
-- resource type the row is a type; without, the table (or prefix) names a
-- service only.
INSERT INTO identifier_name (name, service_namespace, resource_type, basis) VALUES
    ('aws_cloudwatch_log_*', 'logs', NULL, 'Steampipe tables: CloudWatch Logs API'),
    ('aws_cloudwatch_log_group', 'logs', 'AWS::Logs::LogGroup', 'Steampipe table: CloudWatch Logs DescribeLogGroups'),
    ('aws_cloudwatch_log_stream', 'logs', 'AWS::Logs::LogStream', 'Steampipe table: CloudWatch Logs DescribeLogStreams'),
    ('aws_cloudwatch_log_metric_filter', 'logs', 'AWS::Logs::MetricFilter', 'Steampipe table: CloudWatch Logs DescribeMetricFilters'),
    ('aws_cloudwatch_log_subscription_filter', 'logs', 'AWS::Logs::SubscriptionFilter', 'Steampipe table: CloudWatch Logs DescribeSubscriptionFilters'),
    ('aws_cloudwatch_log_destination', 'logs', 'AWS::Logs::Destination', 'Steampipe table: CloudWatch Logs DescribeDestinations'),
    ('aws_cloudwatch_log_resource_policy', 'logs', 'AWS::Logs::ResourcePolicy', 'Steampipe table: CloudWatch Logs DescribeResourcePolicies'),
    ('aws_cloudwatch_log_delivery', 'logs', 'AWS::Logs::Delivery', 'Steampipe table: CloudWatch Logs DescribeDeliveries'),
    ('aws_cloudwatch_log_delivery_destination', 'logs', 'AWS::Logs::DeliveryDestination', 'Steampipe table: CloudWatch Logs DescribeDeliveryDestinations'),
    ('aws_cloudwatch_log_delivery_source', 'logs', 'AWS::Logs::DeliverySource', 'Steampipe table: CloudWatch Logs DescribeDeliverySources'),
    ('aws_cloudtrail_trail_event', 'logs', NULL, 'Steampipe table: trail events read from their CloudWatch Logs group'),
    ('aws_vpc_flow_log_event', 'logs', NULL, 'Steampipe table: flow log events read from their CloudWatch Logs group'),
    ('aws_cloudwatch_event_rule', 'events', 'AWS::Events::Rule', 'Steampipe table: EventBridge ListRules'),
    ('aws_ec2_autoscaling_group', 'autoscaling', 'AWS::AutoScaling::AutoScalingGroup', 'Steampipe table: Auto Scaling DescribeAutoScalingGroups'),
    ('aws_ec2_launch_configuration', 'autoscaling', 'AWS::AutoScaling::LaunchConfiguration', 'Steampipe table: Auto Scaling DescribeLaunchConfigurations'),
    ('aws_ec2_load_balancer_listener', 'elasticloadbalancing', 'AWS::ElasticLoadBalancingV2::Listener', 'Steampipe table: Elastic Load Balancing v2 DescribeListeners'),
    ('aws_ec2_load_balancer_listener_rule', 'elasticloadbalancing', 'AWS::ElasticLoadBalancingV2::ListenerRule', 'Steampipe table: Elastic Load Balancing v2 DescribeRules'),
    ('aws_ec2_ssl_policy', 'elasticloadbalancing', NULL, 'Steampipe table: Elastic Load Balancing v2 DescribeSSLPolicies'),
    ('aws_ec2_application_load_balancer_metric_request_count', 'elasticloadbalancing', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'Steampipe table: CloudWatch metric of an application load balancer'),
    ('aws_ec2_application_load_balancer_metric_request_count_daily', 'elasticloadbalancing', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'Steampipe table: CloudWatch metric of an application load balancer'),
    ('aws_ec2_network_load_balancer_metric_net_flow_count', 'elasticloadbalancing', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'Steampipe table: CloudWatch metric of a network load balancer'),
    ('aws_ec2_network_load_balancer_metric_net_flow_count_daily', 'elasticloadbalancing', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'Steampipe table: CloudWatch metric of a network load balancer'),
    ('aws_route53_resolver_*', 'route53resolver', NULL, 'Steampipe tables: Route 53 Resolver API'),
    ('aws_route53_resolver_endpoint', 'route53resolver', 'AWS::Route53Resolver::ResolverEndpoint', 'Steampipe table: Route 53 Resolver ListResolverEndpoints'),
    ('aws_route53_resolver_query_log_config', 'route53resolver', 'AWS::Route53Resolver::ResolverQueryLoggingConfig', 'Steampipe table: Route 53 Resolver ListResolverQueryLogConfigs'),
    ('aws_route53_resolver_rule', 'route53resolver', 'AWS::Route53Resolver::ResolverRule', 'Steampipe table: Route 53 Resolver ListResolverRules'),
    ('aws_codestar_notification_*', 'codestar-notifications', NULL, 'Steampipe tables: CodeStar Notifications API'),
    ('aws_codestar_notification_rule', 'codestar-notifications', 'AWS::CodeStarNotifications::NotificationRule', 'Steampipe table: CodeStar Notifications ListNotificationRules'),
    ('aws_appautoscaling_*', 'application-autoscaling', NULL, 'Steampipe tables: Application Auto Scaling API'),
    ('aws_appautoscaling_policy', 'application-autoscaling', 'AWS::ApplicationAutoScaling::ScalingPolicy', 'Steampipe table: Application Auto Scaling DescribeScalingPolicies'),
    ('aws_appautoscaling_target', 'application-autoscaling', 'AWS::ApplicationAutoScaling::ScalableTarget', 'Steampipe table: Application Auto Scaling DescribeScalableTargets'),
    ('aws_ssoadmin_*', 'sso', NULL, 'Steampipe and CloudQuery tables: IAM Identity Center admin API (sso-admin)'),
    ('aws_ssoadmin_instance', 'sso', 'AWS::SSO::Instance', 'Steampipe table: IAM Identity Center ListInstances'),
    ('aws_ssoadmin_instances', 'sso', 'AWS::SSO::Instance', 'CloudQuery table: IAM Identity Center ListInstances'),
    ('aws_ssoadmin_permission_set', 'sso', 'AWS::SSO::PermissionSet', 'Steampipe table: IAM Identity Center ListPermissionSets'),
    ('aws_ssoadmin_permission_sets', 'sso', 'AWS::SSO::PermissionSet', 'CloudQuery table: IAM Identity Center ListPermissionSets'),
    ('aws_ssoadmin_account_assignment', 'sso', 'AWS::SSO::Assignment', 'Steampipe table: IAM Identity Center ListAccountAssignments'),
    ('aws_ssoadmin_permission_set_account_assignments', 'sso', 'AWS::SSO::Assignment', 'CloudQuery table: IAM Identity Center ListAccountAssignments'),
    ('aws_cost_*', 'ce', NULL, 'Steampipe tables: Cost Explorer GetCostAndUsage and GetCostForecast'),
    ('aws_costexplorer_*', 'ce', NULL, 'CloudQuery tables: Cost Explorer API'),
    ('aws_costoptimizationhub_*', 'cost-optimization-hub', NULL, 'Steampipe tables: Cost Optimization Hub API'),
    ('aws_mskconnect_*', 'kafkaconnect', NULL, 'Steampipe tables: MSK Connect API'),
    ('aws_mskconnect_connector', 'kafkaconnect', 'AWS::KafkaConnect::Connector', 'Steampipe table: MSK Connect ListConnectors'),
    ('aws_resource_explorer_*', 'resource-explorer-2', NULL, 'Steampipe tables: Resource Explorer API'),
    ('aws_resource_explorer_index', 'resource-explorer-2', 'AWS::ResourceExplorer2::Index', 'Steampipe table: Resource Explorer ListIndexes'),
    ('aws_serverlessapplicationrepository_*', 'serverlessrepo', NULL, 'Steampipe tables: Serverless Application Repository API'),
    ('aws_serverlessapplicationrepository_application', 'serverlessrepo', 'AWS::ServerlessRepo::Application', 'Steampipe table: Serverless Application Repository ListApplications'),
    ('aws_service_discovery_*', 'servicediscovery', NULL, 'Steampipe tables: Cloud Map (servicediscovery) API'),
    ('aws_tagging_*', 'resource-groups', NULL, 'Steampipe tables: Resource Groups Tagging API (namespace tag)'),
    ('aws_timestreamwrite_*', 'timestream', NULL, 'Steampipe tables: Timestream Write API'),
    ('aws_timestreamwrite_database', 'timestream', 'AWS::Timestream::Database', 'Steampipe table: Timestream ListDatabases'),
    ('aws_timestreamwrite_table', 'timestream', 'AWS::Timestream::Table', 'Steampipe table: Timestream ListTables'),
    ('aws_trusted_advisor_*', 'support', NULL, 'Steampipe tables: Trusted Advisor checks through the AWS Support API'),
    ('aws_dynamodbstreams_*', 'dynamodb', NULL, 'CloudQuery tables: DynamoDB Streams API (namespace dynamodb)'),
    ('aws_autoscaling_plan_*', 'autoscaling-plans', NULL, 'CloudQuery tables: AWS Auto Scaling Plans API'),
    ('aws_autoscaling_plans', 'autoscaling-plans', 'AWS::AutoScalingPlans::ScalingPlan', 'CloudQuery table: Auto Scaling Plans DescribeScalingPlans'),
    ('aws_route53recoverycontrolconfig_*', 'route53-recovery-control', NULL, 'CloudQuery tables: Route 53 Recovery Control Config API'),
    ('aws_route53recoverycontrolconfig_clusters', 'route53-recovery-control', 'AWS::Route53RecoveryControl::Cluster', 'CloudQuery table: Route 53 Recovery Control Config ListClusters'),
    ('aws_route53recoverycontrolconfig_control_panels', 'route53-recovery-control', 'AWS::Route53RecoveryControl::ControlPanel', 'CloudQuery table: Route 53 Recovery Control Config ListControlPanels'),
    ('aws_route53recoverycontrolconfig_routing_controls', 'route53-recovery-control', 'AWS::Route53RecoveryControl::RoutingControl', 'CloudQuery table: Route 53 Recovery Control Config ListRoutingControls'),
    ('aws_route53recoverycontrolconfig_safety_rules', 'route53-recovery-control', 'AWS::Route53RecoveryControl::SafetyRule', 'CloudQuery table: Route 53 Recovery Control Config ListSafetyRules'),
    ('aws_servicecatalog_product', 'catalog', 'AWS::ServiceCatalog::CloudFormationProduct', 'Steampipe table: Service Catalog SearchProductsAsAdmin'),
    ('aws_servicecatalog_products', 'catalog', 'AWS::ServiceCatalog::CloudFormationProduct', 'CloudQuery table: Service Catalog SearchProductsAsAdmin'),
    ('aws_servicecatalog_provisioned_product', 'catalog', 'AWS::ServiceCatalog::CloudFormationProvisionedProduct', 'Steampipe table: Service Catalog SearchProvisionedProducts'),
    ('aws_servicecatalog_provisioned_products', 'catalog', 'AWS::ServiceCatalog::CloudFormationProvisionedProduct', 'CloudQuery table: Service Catalog SearchProvisionedProducts'),
    ('aws_servicecatalog_launch_paths', 'catalog', NULL, 'CloudQuery table: Service Catalog ListLaunchPaths'),
    ('aws_servicecatalog_provisioning_artifacts', 'catalog', NULL, 'CloudQuery table: Service Catalog ListProvisioningArtifacts'),
    ('aws_servicecatalog_provisioning_parameters', 'catalog', NULL, 'CloudQuery table: Service Catalog DescribeProvisioningParameters'),
    ('aws_db_proxies', 'rds', 'AWS::RDS::DBProxy', 'CloudQuery table: RDS DescribeDBProxies'),
    ('aws_elbv2_load_balancer_web_acls', 'wafv2', 'AWS::WAFv2::WebACL', 'CloudQuery table: the web ACL of a load balancer, WAFv2 GetWebACLForResource'),
    ('aws_organization_*', 'organizations', NULL, 'CloudQuery tables: Organizations API'),
    ('aws_cloudcontrol_*', 'cloudformation', NULL, 'Steampipe tables: Cloud Control API (IAM namespace cloudformation)'),
    ('aws_availability_zone', 'ec2', NULL, 'Steampipe table: EC2 DescribeAvailabilityZones'),
    ('aws_availability_zones', 'ec2', NULL, 'CloudQuery table: EC2 DescribeAvailabilityZones'),
    ('aws_region', 'ec2', NULL, 'Steampipe table: EC2 DescribeRegions'),
    ('aws_regions', 'ec2', NULL, 'CloudQuery table: EC2 DescribeRegions');

-- a type's service is the type's: a row that says otherwise is a mistake
DO $check$
DECLARE bad text;
BEGIN
    SELECT pg_catalog.string_agg(n.name || ' (' || n.resource_type || ' is ' || coalesce(t.service_namespace, 'unknown') || ')', ', ')
    INTO bad
    FROM identifier_name n LEFT JOIN srm.resource_type t USING (resource_type)
    WHERE n.resource_type IS NOT NULL AND n.service_namespace IS NOT NULL
      AND t.service_namespace IS DISTINCT FROM n.service_namespace;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'inventory table names whose type belongs to another service: %', bad;
    END IF;
END
$check$;

INSERT INTO srm.identifier (form, key, provider, service_namespace, resource_type, basis)
SELECT DISTINCT ON (form, key) form, key, provider, service_namespace, resource_type, basis
FROM (
    SELECT 'type' AS form, srm_internal.identifier_key(n.name) AS key, t.provider, t.service_namespace,
           t.resource_type, n.basis, 1 AS pref
    FROM identifier_name n JOIN srm.resource_type t USING (resource_type)
    UNION ALL
    -- a table (or prefix) that names a service: keyed by its words after aws_,
    -- as srm.resolve_asset looks them up; a whole table name ends in $ (it
    -- matches that table only, and is never read as a service name); a
    -- Security Hub type (AwsAccount) is keyed like a whole table name
    SELECT 'service', CASE WHEN n.name NOT LIKE 'aws\_%' THEN srm_internal.identifier_key(n.name) || '$'
                           WHEN n.name LIKE '%\_*' THEN pg_catalog.regexp_replace(n.name, '^aws_(.*)_\*$', '\1')
                           ELSE pg_catalog.substr(n.name, 5) || '$' END,
           s.provider, s.service_namespace, NULL, n.basis, 1
    FROM identifier_name n JOIN srm.service s ON s.provider = 'aws' AND s.service_namespace = n.service_namespace
    WHERE n.resource_type IS NULL
    UNION ALL
    -- AWS::EC2::Instance, and AwsEc2Instance / aws_ec2_instance with the same key
    SELECT 'type', srm_internal.identifier_key(t.resource_type), t.provider, t.service_namespace,
           t.resource_type, 'CloudFormation / Config type; Security Hub type; Steampipe table', 0
    FROM srm.resource_type t
    WHERE t.provider = 'aws'
    UNION ALL
    -- compute.googleapis.com/Instance: Cloud Asset Inventory asset types
    SELECT 'type', srm_internal.identifier_key(t.resource_type), t.provider, t.service_namespace,
           t.resource_type, 'Cloud Asset Inventory asset type', 0
    FROM srm.resource_type t
    WHERE t.provider = 'gcp'
    UNION ALL
    -- Microsoft.Compute/virtualMachines: ARM types and Azure Resource Graph
    -- types (the same in lower case), keyed in lower case
    SELECT 'type', pg_catalog.lower(t.resource_type), t.provider, t.service_namespace,
           t.resource_type, 'ARM type; Azure Resource Graph type', 0
    FROM srm.resource_type t
    WHERE t.provider = 'azure'
    UNION ALL
    -- Resource Graph lists resource groups under their subscription
    SELECT 'type', 'microsoft.resources/subscriptions/resourcegroups', t.provider, t.service_namespace,
           t.resource_type, 'Azure Resource Graph type (resourcecontainers table)', 1
    FROM srm.resource_type t
    WHERE t.resource_type = 'Microsoft.Resources/resourceGroups'
    UNION ALL
    -- aws_ec2_instances: CloudQuery's plural tables
    SELECT 'type', srm_internal.identifier_key('aws_' || pg_catalog.lower(t.cfn_namespace) || '_'
                                      || srm_internal.plural(srm_internal.snake_case(t.resource))),
           t.provider, t.service_namespace, t.resource_type, 'CloudQuery table (plural)', 2
    FROM srm.resource_type t
    WHERE t.provider = 'aws'
    UNION ALL
    -- aws_<service namespace>_<resource>: Steampipe / CloudQuery by ARN namespace
    SELECT 'type', srm_internal.identifier_key('aws_' || s.arn_namespace || '_' || n.name),
           t.provider, t.service_namespace, t.resource_type, 'inventory table by service namespace', 3
    FROM srm.resource_type t
    JOIN srm.service s USING (provider, service_namespace)
    CROSS JOIN LATERAL (VALUES (srm_internal.snake_case(t.resource)), (srm_internal.plural(srm_internal.snake_case(t.resource)))) AS n(name)
    WHERE t.provider = 'aws'
    UNION ALL
    -- Resource Explorer: service:resource-type, from the ARN template ...
    SELECT 'resource', s.arn_namespace || ':' || pg_catalog.lower(m[1]), t.provider,
           t.service_namespace, t.resource_type, 'Resource Explorer type (from the ARN template)', 4
    FROM srm.resource_type t
    JOIN srm.service s USING (provider, service_namespace)
    CROSS JOIN LATERAL pg_catalog.regexp_match(t.arn_template, '^arn:[^:]*:[^:]*:[^:]*:[^:]*:([A-Za-z0-9-]+)[/:]') AS m
    WHERE m IS NOT NULL
    UNION ALL
    -- ... or from the resource name (s3:bucket)
    SELECT 'resource', s.arn_namespace || ':' || pg_catalog.replace(srm_internal.snake_case(t.resource), '_', '-'),
           t.provider, t.service_namespace, t.resource_type, 'Resource Explorer type (from the resource name)', 5
    FROM srm.resource_type t
    JOIN srm.service s USING (provider, service_namespace)
    WHERE t.provider = 'aws'
    UNION ALL
    SELECT 'service', s.service_namespace, s.provider, s.service_namespace, NULL, 'service namespace', 10
    FROM srm.service s
    UNION ALL
    SELECT 'service', s.arn_namespace, s.provider, s.service_namespace, NULL,
           CASE s.provider WHEN 'gcp' THEN 'API service name' ELSE 'ARN namespace' END,
           CASE WHEN s.arn_namespace = s.service_namespace THEN 10 ELSE 11 END
    FROM srm.service s
    WHERE s.provider IN ('aws', 'gcp')
    UNION ALL
    -- an Azure resource provider namespace (microsoft.keyvault) names a
    -- service only when no other service shares it
    SELECT 'service', pg_catalog.lower(s.arn_namespace), s.provider, s.service_namespace, NULL,
           'Azure resource provider namespace', 11
    FROM srm.service s
    WHERE s.provider = 'azure'
      AND NOT EXISTS (SELECT FROM srm.service o WHERE o.provider = 'azure' AND o.arn_namespace = s.arn_namespace
                                                   AND o.service_namespace <> s.service_namespace)
    UNION ALL
    SELECT 'service', a.alias, a.provider, a.service_namespace, NULL, 'alias', 12
    FROM srm.service_alias a
    UNION ALL
    SELECT 'service', pg_catalog.lower(n), s.provider, s.service_namespace, NULL, 'CloudFormation namespace', 13
    FROM srm.service s, pg_catalog.unnest(s.cfn_namespaces) AS n
    UNION ALL
    SELECT 'service', pg_catalog.lower(n), s.provider, s.service_namespace, NULL, 'botocore service', 14
    FROM srm.service s, pg_catalog.unnest(s.botocore_services) AS n
) AS candidates
-- every column, so that the row kept never depends on the rows' physical order;
-- a name that is AWS's and another provider's (iam, redis, monitoring) stays AWS's
ORDER BY form, key, provider = 'aws' DESC, pref, (service_namespace = pg_catalog.split_part(key, ':', 1)) DESC, service_namespace, resource_type, basis;
DROP TABLE identifier_name;

INSERT INTO srm.arn_pattern
SELECT t.resource_type, p[1], coalesce((pg_catalog.regexp_match(p[2], '^([^$/:]*)[/:]'))[1], ''),
       '^' || (SELECT pg_catalog.string_agg(
                   CASE WHEN tok ~ '^\$\{' THEN
                            CASE WHEN pos = cnt AND prev ~ '[/:]$' THEN '.+' ELSE '[^/:]+' END
                        ELSE pg_catalog.regexp_replace(tok, '([.^$*+?()\[\]{}|\\])', '\\\1', 'g') END,
                   '' ORDER BY pos)
               FROM (SELECT tok, pos, pg_catalog.count(*) OVER () AS cnt,
                            pg_catalog.lag(tok) OVER (ORDER BY pos) AS prev
                     FROM pg_catalog.regexp_matches(p[2], '\$\{[^}]*\}|[^$]+', 'g') WITH ORDINALITY AS x(m, pos),
                          LATERAL (SELECT m[1] AS tok) y) toks) || '$',
       pg_catalog.length(pg_catalog.regexp_replace(p[2], '\$\{[^}]*\}', '', 'g')),
       t.arn_template
FROM srm.resource_type t
CROSS JOIN LATERAL pg_catalog.regexp_match(t.arn_template, '^arn:\$\{Partition\}:([^:]+):[^:]*:[^:]*:(.+)$') AS p
WHERE p IS NOT NULL;

-- ARN shapes the templates lack (Elastic Load Balancing v2 names its load
-- balancers loadbalancer/app|net|gwy/...; AWS documents these forms)
INSERT INTO srm.arn_pattern VALUES
    ('AWS::ElasticLoadBalancingV2::LoadBalancer', 'elasticloadbalancing', 'loadbalancer', '^loadbalancer/(app|net|gwy)/[^/]+/[^/]+$', 17,
     'arn:${Partition}:elasticloadbalancing:${Region}:${Account}:loadbalancer/app|net|gwy/${Name}/${Id}'),
    ('AWS::ElasticLoadBalancingV2::TargetGroup', 'elasticloadbalancing', 'targetgroup', '^targetgroup/[^/]+/[^/]+$', 12,
     'arn:${Partition}:elasticloadbalancing:${Region}:${Account}:targetgroup/${Name}/${Id}'),
    ('AWS::ElasticLoadBalancingV2::Listener', 'elasticloadbalancing', 'listener', '^listener/(app|net|gwy)/[^/]+/[^/]+/[^/]+$', 13,
     'arn:${Partition}:elasticloadbalancing:${Region}:${Account}:listener/app|net|gwy/${Name}/${Id}/${ListenerId}'),
    ('AWS::ElasticLoadBalancingV2::ListenerRule', 'elasticloadbalancing', 'listener-rule', '^listener-rule/(app|net|gwy)/[^/]+/[^/]+/[^/]+/[^/]+$', 18,
     'arn:${Partition}:elasticloadbalancing:${Region}:${Account}:listener-rule/app|net|gwy/${Name}/${Id}/${ListenerId}/${RuleId}')
ON CONFLICT DO NOTHING;

-- API Gateway sub-resources, which the templates lack: a stage, deployment,
-- authorizer, ... of a REST API (/restapis/id/...) or of an HTTP or
-- WebSocket API (/apis/id/...), as the API Gateway Developer Guide's "API
-- Gateway Amazon Resource Name (ARN) reference" writes them
-- (https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html);
-- their longer literal part wins over the API's own pattern
INSERT INTO srm.arn_pattern VALUES
    ('AWS::ApiGateway::Stage', 'apigateway', '', '^/restapis/[^/:]+/stages/.+$', 18,
     'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/stages/${StageName}'),
    ('AWS::ApiGateway::Deployment', 'apigateway', '', '^/restapis/[^/:]+/deployments/.+$', 23,
     'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/deployments/${DeploymentId}'),
    ('AWS::ApiGateway::Authorizer', 'apigateway', '', '^/restapis/[^/:]+/authorizers/.+$', 23,
     'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/authorizers/${AuthorizerId}'),
    ('AWS::ApiGateway::Resource', 'apigateway', '', '^/restapis/[^/:]+/resources/.+$', 21,
     'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/resources/${ResourceId}'),
    ('AWS::ApiGateway::Model', 'apigateway', '', '^/restapis/[^/:]+/models/.+$', 18,
     'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/models/${ModelName}'),
    ('AWS::ApiGateway::RequestValidator', 'apigateway', '', '^/restapis/[^/:]+/requestvalidators/.+$', 29,
     'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/requestvalidators/${RequestValidatorId}'),
    ('AWS::ApiGateway::DocumentationPart', 'apigateway', '', '^/restapis/[^/:]+/documentation/parts/.+$', 31,
     'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/documentation/parts/${DocumentationPartId}'),
    ('AWS::ApiGateway::DocumentationVersion', 'apigateway', '', '^/restapis/[^/:]+/documentation/versions/.+$', 34,
     'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/documentation/versions/${DocumentationVersion}'),
    ('AWS::ApiGateway::GatewayResponse', 'apigateway', '', '^/restapis/[^/:]+/gatewayresponses/.+$', 28,
     'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/gatewayresponses/${ResponseType}'),
    ('AWS::ApiGatewayV2::Stage', 'apigateway', '', '^/apis/[^/:]+/stages/.+$', 14,
     'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/stages/${StageName}'),
    ('AWS::ApiGatewayV2::Deployment', 'apigateway', '', '^/apis/[^/:]+/deployments/.+$', 19,
     'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/deployments/${DeploymentId}'),
    ('AWS::ApiGatewayV2::Authorizer', 'apigateway', '', '^/apis/[^/:]+/authorizers/.+$', 19,
     'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/authorizers/${AuthorizerId}'),
    ('AWS::ApiGatewayV2::Integration', 'apigateway', '', '^/apis/[^/:]+/integrations/.+$', 20,
     'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/integrations/${IntegrationId}'),
    ('AWS::ApiGatewayV2::Model', 'apigateway', '', '^/apis/[^/:]+/models/.+$', 14,
     'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/models/${ModelId}'),
    ('AWS::ApiGatewayV2::Route', 'apigateway', '', '^/apis/[^/:]+/routes/.+$', 14,
     'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/routes/${RouteId}')
ON CONFLICT DO NOTHING;

-- Google Cloud full resource names: the template Cloud Asset Inventory
-- writes (srm.resource_type.arn_template), and the other forms Google
-- documents for the same asset type (IAM's full resource names for buckets,
-- sqladmin.googleapis.com for Cloud SQL, zonal GKE clusters, regional disks
-- and instance group managers, organization roles).  Every ${...} part is
-- one path segment, so that a nested resource never reads as its parent.
CREATE TEMPORARY TABLE gcp_name_template (resource_type text, template text);
INSERT INTO gcp_name_template
SELECT t.resource_type, t.arn_template FROM srm.resource_type t WHERE t.provider = 'gcp' AND t.arn_template IS NOT NULL;
INSERT INTO gcp_name_template VALUES
    ('storage.googleapis.com/Bucket', '//storage.googleapis.com/projects/_/buckets/${Bucket}'),
    ('sqladmin.googleapis.com/Instance', '//sqladmin.googleapis.com/projects/${Project}/instances/${Instance}'),
    ('container.googleapis.com/Cluster', '//container.googleapis.com/projects/${Project}/zones/${Zone}/clusters/${Cluster}'),
    ('container.googleapis.com/NodePool', '//container.googleapis.com/projects/${Project}/zones/${Zone}/clusters/${Cluster}/nodePools/${NodePool}'),
    ('compute.googleapis.com/Disk', '//compute.googleapis.com/projects/${Project}/regions/${Region}/disks/${Disk}'),
    ('compute.googleapis.com/InstanceGroupManager', '//compute.googleapis.com/projects/${Project}/regions/${Region}/instanceGroupManagers/${InstanceGroupManager}'),
    ('iam.googleapis.com/Role', '//iam.googleapis.com/organizations/${Organization}/roles/${Role}');
INSERT INTO srm.arn_pattern
SELECT n.resource_type, p[1], coalesce((pg_catalog.regexp_match(p[2], '^([^$/:]*)[/:]'))[1], ''),
       '^' || (SELECT pg_catalog.string_agg(
                   CASE WHEN tok ~ '^\$\{' THEN '[^/]+'
                        ELSE pg_catalog.regexp_replace(tok, '([.^$*+?()\[\]{}|\\])', '\\\1', 'g') END,
                   '' ORDER BY pos)
               FROM pg_catalog.regexp_matches(p[2], '\$\{[^}]*\}|[^$]+', 'g') WITH ORDINALITY AS x(m, pos),
                    LATERAL (SELECT m[1] AS tok) y) || '$',
       pg_catalog.length(pg_catalog.regexp_replace(p[2], '\$\{[^}]*\}', '', 'g')),
       n.template
FROM gcp_name_template n
CROSS JOIN LATERAL pg_catalog.regexp_match(n.template, '^//([^/]+)/(.+)$') AS p
ON CONFLICT DO NOTHING;
DROP TABLE gcp_name_template;

-------------------------------------------------------------------- install/data/derivation.sql
-- install/data/derivation.sql (data part): the stored derivation, built
-- once the model's rows are in (their triggers skip the rebuild while
-- srm.loading_model is on, which the generated model rows set), then the
-- model's triggers take over.
SELECT srm.refresh_derivation();
SELECT pg_catalog.set_config('srm.loading_model', '', true);

-------------------------------------------------------------------- install/data/analyze.sql
-- install/data/analyze.sql (data part, the last): statistics for the
-- model's tables, so that the first queries after CREATE EXTENSION or an
-- update are planned with them rather than before autovacuum comes by
-- (without them the planner may re-derive srm.matrix for every row of an
-- inventory join).
ANALYZE srm.layer, srm.service_model, srm.service_model_layer, srm.azure_published_matrix,
    srm.azure_layer_map, srm.service, srm.service_alias, srm.service_layer, srm.resource_type,
    srm.resource_type_layer, srm.variant_dimension, srm.variant, srm.variant_rule, srm.variant_layer,
    srm.framework, srm.control, srm.control_layer, srm.attestation, srm.identifier, srm.arn_pattern;

SELECT srm_internal.report_unresolved_references('0.12.0');
