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

CREATE FUNCTION srm_internal.name_distance(a text, b text)
RETURNS integer
AS 'MODULE_PATHNAME', 'srm_name_distance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm_internal.name_distance(text, text) IS
    'edit distance between two names, ignoring case (for "closest known names" in errors)';

-- the key a name is looked up by: lower case, letters and digits only
CREATE FUNCTION srm_internal.identifier_key(name text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.regexp_replace(pg_catalog.lower(name), '[^a-z0-9]', '', 'g');
COMMENT ON FUNCTION srm_internal.identifier_key(text) IS
    'lookup key of a type or table name: lower case, letters and digits only';

-- which form an asset identifier is written in, from its spelling alone
CREATE FUNCTION srm_internal.identifier_form(asset text)
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
CREATE FUNCTION srm_internal.arm_type(id text)
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
CREATE FUNCTION srm_internal.snake_case(name text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.lower(pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(name, '([a-z0-9])([A-Z])', '\1_\2', 'g'),
    '([A-Z])([A-Z][a-z])', '\1_\2', 'g'));
COMMENT ON FUNCTION srm_internal.snake_case(text) IS 'snake_case of a CamelCase name (DBInstance -> db_instance)';

-- English plural of a snake_case name, as CloudQuery names its tables
CREATE FUNCTION srm_internal.plural(name text)
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
CREATE FUNCTION srm.resolve_asset(asset text)
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
CREATE FUNCTION srm_internal.closest_names(name text, form text)
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
CREATE FUNCTION srm_internal.control_form(control text)
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
CREATE FUNCTION srm_internal.control_key(control text)
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
CREATE FUNCTION srm_internal.closest_controls(control text, framework text)
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

CREATE FUNCTION srm.resolve_control(control text)
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
CREATE FUNCTION srm_internal.service_named(name text)
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
