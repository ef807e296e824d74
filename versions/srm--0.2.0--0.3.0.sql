-- srm--0.2.0--0.3.0.sql: upgrade of srm from 0.2.0 to 0.3.0.
-- Composed by tools/build/compose_upgrade.sh from upgrade/0.2.0--0.3.0/, the
-- code parts of 0.3.0 and the model's changes; released as it is, never edited.

\echo Use "ALTER EXTENSION srm UPDATE TO '0.3.0'" to load this file. \quit

-------------------------------------------------------------------- before
-- upgrade/0.2.0--0.3.0/before.sql: what the code and data of 0.3.0 need
-- before they are replaced in place: new tables and columns.

-- the grain below the service (install/tables/model.sql): filled by the
-- model's rows further down
CREATE TABLE srm.resource_type_layer (
    resource_type  text NOT NULL REFERENCES srm.resource_type,
    layer_id       text NOT NULL REFERENCES srm.layer,
    responsibility srm.responsibility NOT NULL,
    reason         text NOT NULL CHECK (reason ~ '\S'),
    source         text NOT NULL CHECK (source ~ '\S'),
    PRIMARY KEY (resource_type, layer_id)
);
COMMENT ON TABLE srm.resource_type_layer IS
    'Per-resource-type layer responsibilities that replace the service''s value for assets of that type (a Lightsail database is patched by AWS, a Lightsail instance is not), each with its reason and source.';

CREATE TABLE srm.variant_dimension (
    resource_type text NOT NULL REFERENCES srm.resource_type,
    dimension     text NOT NULL CHECK (dimension ~ '^[a-z][a-z0-9-]*$'),
    reads         jsonpath NOT NULL,
    description   text NOT NULL,
    source        text NOT NULL CHECK (source ~ '\S'),
    PRIMARY KEY (resource_type, dimension)
);
COMMENT ON TABLE srm.variant_dimension IS
    'What a resource type''s configuration can vary in that changes who is responsible (launch type, node kind, who owns the encryption key); reads is the path of the value the rules look at, in the document {"configuration": ..., "supplementaryConfiguration": ...} of a configuration item, named when no rule matches.';

CREATE TABLE srm.variant (
    resource_type text NOT NULL,
    dimension     text NOT NULL,
    variant_id    text NOT NULL CHECK (variant_id ~ '^[a-z][a-z0-9-]*$'),
    name          text NOT NULL,
    description   text NOT NULL,
    source        text NOT NULL CHECK (source ~ '\S'),
    PRIMARY KEY (resource_type, variant_id),
    UNIQUE (resource_type, dimension, variant_id),
    FOREIGN KEY (resource_type, dimension) REFERENCES srm.variant_dimension
);
COMMENT ON TABLE srm.variant IS
    'The values of a variant dimension of a resource type that srm tells apart (ECS on Fargate or on EC2; SSE-S3, an AWS managed or a customer managed KMS key).';

CREATE TABLE srm.variant_rule (
    resource_type text NOT NULL,
    dimension     text NOT NULL,
    rule_order    integer NOT NULL CHECK (rule_order > 0),
    variant_id    text NOT NULL,
    test          jsonpath NOT NULL,
    source        text NOT NULL CHECK (source ~ '\S'),
    PRIMARY KEY (resource_type, dimension, rule_order),
    FOREIGN KEY (resource_type, dimension, variant_id) REFERENCES srm.variant (resource_type, dimension, variant_id)
);
COMMENT ON TABLE srm.variant_rule IS
    'How a variant is recognised: the first rule of a dimension, in rule_order, whose jsonpath test holds on {"configuration": ..., "supplementaryConfiguration": ...} names the asset''s variant; when none holds the variant is unknown and the resource type''s answer applies.';

CREATE TABLE srm.variant_layer (
    resource_type  text NOT NULL,
    variant_id     text NOT NULL,
    layer_id       text NOT NULL REFERENCES srm.layer,
    responsibility srm.responsibility NOT NULL,
    reason         text NOT NULL CHECK (reason ~ '\S'),
    source         text NOT NULL CHECK (source ~ '\S'),
    PRIMARY KEY (resource_type, variant_id, layer_id),
    FOREIGN KEY (resource_type, variant_id) REFERENCES srm.variant
);
COMMENT ON TABLE srm.variant_layer IS
    'Per-variant layer responsibilities that replace the resource type''s (and service''s) value for assets in that variant; two dimensions of one resource type never replace the same layer.';

GRANT SELECT ON srm.resource_type_layer, srm.variant_dimension, srm.variant, srm.variant_rule, srm.variant_layer
    TO PUBLIC;

-- the stored derivation (install/tables/derivation.sql): filled at the end
-- of the update by srm.refresh_derivation()
CREATE TABLE srm_internal.grain (
    grain_id          integer PRIMARY KEY,
    provider          text NOT NULL,
    service_namespace text NOT NULL,
    resource_type     text,
    variant           text,
    CHECK (variant IS NULL OR resource_type IS NOT NULL),
    UNIQUE NULLS NOT DISTINCT (provider, service_namespace, resource_type, variant)
);
COMMENT ON TABLE srm_internal.grain IS
    'the grains of the stored derivation: each service (resource_type and variant null), each resource type with layers or variants of its own (variant null), and each combination of its variants (variant ids joined by +, in the order of their dimensions)';
CREATE INDEX ON srm_internal.grain (resource_type, variant);

CREATE TABLE srm_internal.derivation_basis (
    basis_id       integer PRIMARY KEY,
    grain_id       integer NOT NULL,
    layers         text[] NOT NULL,
    organizational boolean NOT NULL,
    withdrawn      boolean NOT NULL,
    responsibility srm.responsibility NOT NULL,
    explanation    text NOT NULL,
    UNIQUE (grain_id, layers, organizational, withdrawn)
);
COMMENT ON TABLE srm_internal.derivation_basis IS
    'what a control''s answer at a grain depends on: the layers it acts on (in the order of srm.layer), whether it is organizational or withdrawn; with the answer before overrides and its explanation, once per combination that some control has';

CREATE TABLE srm_internal.derivation (
    grain_id          integer NOT NULL,
    framework_id      text NOT NULL,
    control_id        text NOT NULL,
    provider          text NOT NULL,
    service_namespace text NOT NULL,
    resource_type     text,
    variant           text,
    basis_id          integer NOT NULL,
    derived           srm.responsibility NOT NULL,
    responsibility    srm.responsibility NOT NULL,
    override_id       bigint,
    PRIMARY KEY (grain_id, framework_id, control_id)
)
-- a scan of the whole matrix (30 MB) is faster alone than the start of
-- parallel workers
WITH (parallel_workers = 0);
COMMENT ON TABLE srm_internal.derivation IS
    'the stored derivation: derived is the model''s answer for a control at a grain (before overrides; its explanation is its basis''s), responsibility the answer with the provider- or service-wide override that applies (override_id); account- and asset-wide overrides are applied at query time. The grain''s columns are repeated so that the matrices read this table alone';

-- the matrix of one service (an inventory joined by service)
CREATE INDEX ON srm_internal.derivation (service_namespace, framework_id, control_id) WHERE resource_type IS NULL;

GRANT SELECT ON srm_internal.grain, srm_internal.derivation_basis, srm_internal.derivation TO PUBLIC;

-- the inventory keeps supplementaryConfiguration (variant rules read it);
-- assets loaded before have none until they are loaded again
ALTER TABLE srm.asset ADD COLUMN supplementary_configuration jsonb;
COMMENT ON COLUMN srm.asset.supplementary_configuration IS 'the configuration item''s supplementaryConfiguration (S3 encryption and policies, among others), read by the variant rules with configuration';
CREATE INDEX ON srm.asset (resource_id);

-------------------------------------------------------------------------------
-- Compact audit runs (install/tables/audit.sql): runs of 0.2.0 keep their
-- rows in srm.audit_finding, unchanged, and have none in these tables
-------------------------------------------------------------------------------

-- Compact runs (0.3.0).  A run's assets fall into groups, one per account x
-- service.  A group that no account- or asset-scoped override or status
-- touches has, for every control, the answer of its service: those answers
-- are recorded once per service x control (srm.audit_default) and the group
-- only counts its assets (srm.audit_group, stored false).  The other groups
-- (stored true) keep their findings in srm.audit_finding, as every group of
-- a run of 0.2.0 does (those runs have no srm.audit_group rows).  A run also
-- keeps a copy of the overrides and statuses of its framework as it saw
-- them.  Nothing grows with accounts x services x controls.
CREATE TABLE srm.audit_group (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    account_id        text NOT NULL,
    service_namespace text NOT NULL,
    grain             text NOT NULL,
    assets            integer NOT NULL CHECK (assets > 0),
    stored            boolean NOT NULL,
    PRIMARY KEY (run_id, account_id, service_namespace, grain)
);
COMMENT ON TABLE srm.audit_group IS
    'the known assets of an audit run per account x service x grain (empty, or a resource type and variant with answers of its own); stored: its findings are in srm.audit_finding (an account- or asset-scoped override or status applies to it), else every control has the answer of srm.audit_default for its service';

CREATE TABLE srm.audit_default (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    service_namespace text NOT NULL,
    grain             text NOT NULL,
    framework_id      text NOT NULL,
    control_id        text NOT NULL,
    family_id         text,
    derived           srm.responsibility NOT NULL,
    responsibility    srm.responsibility NOT NULL,
    class             srm.control_class NOT NULL,
    customer_part     srm.responsibility NOT NULL,
    override_id       bigint,
    status            text,
    status_id         bigint,
    evidence          text,
    gap               boolean NOT NULL,
    PRIMARY KEY (run_id, service_namespace, grain, control_id)
);
COMMENT ON TABLE srm.audit_default IS
    'the answer of an audit run for every control on every service (and grain below it) of its assets where no account- or asset-scoped override or status applies: the derivation it used (derived), the provider- or service-wide override and the service-wide status that applied, the result and gap';

CREATE TABLE srm.audit_override (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    override_id       bigint NOT NULL,
    provider          text NOT NULL,
    service_namespace text,
    account_id        text,
    asset             text,
    framework_id      text NOT NULL,
    control_id        text,
    family_id         text,
    responsibility    srm.responsibility NOT NULL,
    reason            text NOT NULL,
    created_by        text NOT NULL,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (run_id, override_id)
);
COMMENT ON TABLE srm.audit_override IS
    'the overrides of its framework an audit run saw (srm.override as it was when the run started)';

CREATE TABLE srm.audit_status (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    status_id         bigint NOT NULL,
    framework_id      text NOT NULL,
    control_id        text NOT NULL,
    provider          text NOT NULL,
    account_id        text,
    service_namespace text,
    asset             text,
    status            text NOT NULL,
    evidence          text,
    evidence_url      text,
    assessed_by       text NOT NULL,
    assessed_at       timestamptz NOT NULL,
    PRIMARY KEY (run_id, status_id)
);
COMMENT ON TABLE srm.audit_status IS
    'the control statuses of its framework an audit run saw (srm.control_status as it was when the run started)';

SELECT pg_catalog.pg_extension_config_dump('srm.audit_group', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_default', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_override', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_status', '');

GRANT SELECT ON srm.audit_group, srm.audit_default, srm.audit_override, srm.audit_status TO PUBLIC;

COMMENT ON TABLE srm.audit_finding IS
    'the findings of an audit run: per account x service x control (asset_id null; assets = how many assets it speaks for), and per asset x control where a rule or status of that asset applies; since 0.3.0 only for the groups srm.audit_group marks stored (the others: srm.audit_default). gap: the customer takes part and its part lacks implemented evidence.';

-- runs answer each asset at its grain (resource type and variant); the
-- runs of 0.2.0 answered every asset at its service's: grain '' for them
ALTER TABLE srm.audit_asset ADD COLUMN grain text NOT NULL DEFAULT '';
COMMENT ON COLUMN srm.audit_asset.grain IS
    'the grain the asset was answered at: empty for its service''s answer, else its resource type and, after a space, its configuration variant (as in srm.resource_type_matrix); runs before 0.3.0 answered every asset at its service''s';
ALTER TABLE srm.audit_finding ADD COLUMN grain text NOT NULL DEFAULT '';
COMMENT ON COLUMN srm.audit_finding.grain IS
    'the grain of the assets a group row speaks for (as srm.audit_asset.grain; empty: the service''s answer)';
DO $$
DECLARE
    old text;
BEGIN
    SELECT c.conname INTO STRICT old FROM pg_catalog.pg_constraint c
    WHERE c.conrelid = 'srm.audit_finding'::regclass AND c.contype = 'u';
    EXECUTE format('ALTER TABLE srm.audit_finding DROP CONSTRAINT %I', old);
END
$$;
ALTER TABLE srm.audit_finding ADD CONSTRAINT audit_finding_grain_key
    UNIQUE NULLS NOT DISTINCT (run_id, account_id, service_namespace, grain, asset_id, control_id);

-- the tags of a run's assets, as they were, for the report's totals per tag
-- value (runs of 0.2.0 have none)
ALTER TABLE srm.audit_asset ADD COLUMN tags jsonb;
COMMENT ON TABLE srm.audit_asset IS
    'the assets an audit run covered, as they were; known is false for assets whose service srm cannot place (counted, never dropped); tags as the inventory had them (the report totals by a tag), null for runs of 0.2.0';

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
    WHEN pg_catalog.btrim(asset) ~ '^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$' THEN 'cloudformation'
    WHEN pg_catalog.btrim(asset) ~ '^Aws[A-Z][A-Za-z0-9]*$' THEN 'security-hub'
    WHEN pg_catalog.btrim(asset) ~* '^aws_[a-z0-9_]+$' THEN 'inventory-table'
    WHEN pg_catalog.btrim(asset) ~* '^[a-z0-9-]+:[a-z0-9/_-]+$' THEN 'resource-explorer'
    WHEN pg_catalog.btrim(asset) ~* '^[a-z0-9][a-z0-9_-]*$' THEN 'service'
    ELSE 'unrecognized'
END;
COMMENT ON FUNCTION srm_internal.identifier_form(text) IS
    'the form of an asset identifier: arn, cloudformation (also AWS Config), security-hub, inventory-table (Steampipe, CloudQuery), resource-explorer, service, or unrecognized';

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
       arn.m[1], arn.m[3], arn.m[4], arn.m[5]
FROM (SELECT pg_catalog.btrim(resolve_asset.asset) AS v,
             srm_internal.identifier_form(resolve_asset.asset) AS form) AS a
LEFT JOIN LATERAL (SELECT pg_catalog.regexp_match(a.v, '^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$') AS m) AS arn
    ON a.form = 'arn'
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
    WHERE a.form IN ('cloudformation', 'security-hub', 'inventory-table')
      AND i.form = 'type' AND i.key = srm_internal.identifier_key(a.v)
    UNION ALL
    SELECT i.resource_type, i.provider, i.service_namespace
    FROM srm.identifier i
    WHERE a.form = 'resource-explorer' AND i.form = 'resource' AND i.key = pg_catalog.lower(a.v)
) AS t ON true
LEFT JOIN LATERAL (
    SELECT i.provider, i.service_namespace
    FROM srm.identifier i
    WHERE t.resource_type IS NULL AND i.form = 'service'
      AND i.key IN (CASE a.form
                        WHEN 'arn' THEN arn.m[2]
                        WHEN 'service' THEN pg_catalog.lower(a.v)
                        WHEN 'resource-explorer' THEN pg_catalog.lower(pg_catalog.split_part(a.v, ':', 1))
                        WHEN 'cloudformation' THEN pg_catalog.lower(pg_catalog.split_part(a.v, '::', 2))
                        WHEN 'security-hub' THEN NULL
                    END,
                    -- inventory tables: the longest leading words that name a service
                    CASE WHEN a.form = 'inventory-table' THEN pg_catalog.lower(pg_catalog.substring(a.v, '^aws_([a-z0-9]+_[a-z0-9]+_[a-z0-9]+)_')) END,
                    CASE WHEN a.form = 'inventory-table' THEN pg_catalog.lower(pg_catalog.substring(a.v, '^aws_([a-z0-9]+_[a-z0-9]+)_')) END,
                    CASE WHEN a.form = 'inventory-table' THEN pg_catalog.lower(pg_catalog.substring(a.v, '^aws_([a-z0-9]+)(_|$)')) END)
    ORDER BY pg_catalog.length(i.key) DESC, (i.key = arn.m[2] AND i.service_namespace = arn.m[2]) DESC
    LIMIT 1
) AS s ON true;
END;
COMMENT ON FUNCTION srm.resolve_asset(text) IS
    'how srm reads an asset identifier (ARN, CloudFormation/Config type, Security Hub type, Resource Explorer type, Steampipe/CloudQuery table, service namespace): its form, service and resource type, and for an ARN its partition, region, account and resource id; one row, with nulls for what is unknown. Join it LATERAL against an inventory.';

-- closest known names to an unknown one, for error messages
CREATE OR REPLACE FUNCTION srm_internal.closest_names(name text, form text)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
SELECT pg_catalog.string_agg(n, ', ' ORDER BY d, n)
FROM (SELECT n, d
      FROM (SELECT DISTINCT n, srm_internal.name_distance(pg_catalog.lower(closest_names.name), pg_catalog.lower(n)) AS d
            FROM (SELECT r.resource_type AS n FROM srm.resource_type r
                  WHERE closest_names.form IN ('cloudformation', 'security-hub', 'inventory-table', 'resource-explorer', 'unrecognized')
                  UNION ALL
                  SELECT i.key FROM srm.identifier i WHERE i.form = 'service'
                    AND closest_names.form IN ('service', 'arn', 'unrecognized')
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

-- SI-2, si-2, AC-2(1), ac-2.1, AC-02, ac-2 (1), patch-management,
-- nist-800-53-r5:ac-2 all reduce to the stored id
CREATE OR REPLACE FUNCTION srm_internal.control_key(control text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.regexp_replace(
           pg_catalog.regexp_replace(
               pg_catalog.regexp_replace(
                   pg_catalog.lower(pg_catalog.regexp_replace(control, '\s+', '', 'g')),
                   '\((\d+)\)', '.\1', 'g'),
               '^([a-z]{2})-0*(\d)', '\1-\2'),
           '\.0*(\d)', '.\1', 'g');
COMMENT ON FUNCTION srm_internal.control_key(text) IS
    'the stored form of a control id: lower case, enhancements as .N, no leading zeros (AC-2(1) -> ac-2.1)';

CREATE OR REPLACE FUNCTION srm.resolve_control(control text)
RETURNS TABLE (control text, framework_id text, control_id text, label text, family_id text,
               status text, organizational boolean)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT resolve_control.control, c.framework_id, c.control_id, c.label, c.family_id, c.status, c.organizational
FROM (SELECT CASE WHEN srm_internal.control_key(resolve_control.control) ~ '^[a-z0-9-]+:'
                  THEN pg_catalog.split_part(srm_internal.control_key(resolve_control.control), ':', 1) END AS fw,
             pg_catalog.regexp_replace(srm_internal.control_key(resolve_control.control), '^[a-z0-9-]+:', '') AS id) AS k
LEFT JOIN srm.control c ON c.control_id = k.id AND (k.fw IS NULL OR c.framework_id = k.fw)
ORDER BY c.framework_id
LIMIT 1;
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
            near := srm_internal.closest_names(srm_internal.control_key(NEW.control_id), 'control');
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
    IF NEW.service_namespace IS NOT NULL THEN
        NEW.service_namespace := srm_internal.service_named(NEW.service_namespace);
    END IF;
    IF NEW.account_id IS NOT NULL AND NEW.account_id !~ '^[0-9]{12}$' THEN
        RAISE EXCEPTION 'invalid AWS account id "%"', NEW.account_id
            USING ERRCODE = 'invalid_parameter_value', HINT = 'An AWS account id is 12 digits.';
    END IF;
    IF NEW.asset IS NOT NULL THEN
        IF NEW.asset !~ '^arn:' THEN
            RAISE EXCEPTION 'an override''s asset must be an ARN, not "%"', NEW.asset
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Write the asset''s ARN, e.g. arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0.';
        END IF;
        IF (SELECT r.service_namespace FROM srm.resolve_asset(NEW.asset) r) IS NULL THEN
            PERFORM srm_internal.raise_unknown_asset(NEW.asset, 'arn', 'service');
        END IF;
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
    -- the answer and its explanation once per grain and combination (the
    -- same rules and words as srm_internal.derivation_explained)
    INSERT INTO srm_internal.derivation_basis (basis_id, grain_id, layers, organizational, withdrawn, responsibility, explanation)
    SELECT (g.grain_id - 1) * (SELECT count(*) FROM pg_temp.srm_key) + k.key_id, g.grain_id,
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
      ON b.basis_id = (g.grain_id - 1) * (SELECT count(*) FROM pg_temp.srm_key) + k.key_id;
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
BEGIN ATOMIC
SELECT g.grain_id
FROM srm_internal.grain g
WHERE g.provider = grain_of.provider
  AND ((g.resource_type = grain_of.resource_type AND g.variant = grain_of.variant)
       OR (g.resource_type = grain_of.resource_type AND g.variant IS NULL)
       OR (g.service_namespace = grain_of.service_namespace AND g.resource_type IS NULL))
ORDER BY g.variant IS NULL, g.resource_type IS NULL
LIMIT 1;
END;
COMMENT ON FUNCTION srm_internal.grain_of(text, text, text, text) IS
    'the grain of the stored derivation that answers for an asset of a service, resource type and variant: the most specific one stored';

-- controls at grains, before overrides, for the given controls and grains
-- (the audit and the per-asset functions use it)
CREATE OR REPLACE FUNCTION srm_internal.derived_responsibilities(framework_id text, control_ids text[], provider text,
                                             service_namespaces text[])
RETURNS TABLE (control_id text, service_namespace text, responsibility srm.responsibility)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT d.control_id, g.service_namespace, d.derived
FROM srm_internal.grain g
JOIN srm_internal.derivation d ON d.grain_id = g.grain_id
WHERE g.provider = derived_responsibilities.provider
  AND g.service_namespace = ANY (derived_responsibilities.service_namespaces)
  AND g.resource_type IS NULL
  AND d.framework_id = derived_responsibilities.framework_id
  AND d.control_id = ANY (derived_responsibilities.control_ids);
END;
COMMENT ON FUNCTION srm_internal.derived_responsibilities(text, text[], text, text[]) IS
    'the derived responsibility of the given controls on the given services, before overrides, from the stored derivation at the service grain';

-- one control on one service
CREATE OR REPLACE FUNCTION srm_internal.derived_responsibility(framework_id text, control_id text, provider text, service_namespace text)
RETURNS srm.responsibility
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT d.responsibility
FROM srm_internal.derived_responsibilities(derived_responsibility.framework_id, ARRAY[derived_responsibility.control_id],
                                  derived_responsibility.provider, ARRAY[derived_responsibility.service_namespace]) d;
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
    IF service_namespace IS NOT NULL THEN
        -- the service is known, the type is not: name the service's types
        SELECT string_agg(t.resource_type, ', ' ORDER BY t.resource_type) INTO near
        FROM (SELECT rt.resource_type FROM srm.resource_type rt
              WHERE rt.service_namespace = raise_unknown_asset.service_namespace
              ORDER BY srm_internal.name_distance(rt.resource_type, asset), rt.resource_type LIMIT 3) t;
    ELSE
        near := srm_internal.closest_names(
            CASE WHEN form = 'arn' THEN split_part(coalesce(asset, ''), ':', 3) ELSE coalesce(asset, '') END,
            coalesce(form, 'unrecognized'));
    END IF;
    RAISE EXCEPTION 'unknown asset "%": no % is known for it', asset, what
        USING ERRCODE = 'undefined_object',
              DETAIL = format('It was read as %s%s.', CASE form
                    WHEN 'arn' THEN 'an ARN'
                    WHEN 'cloudformation' THEN 'a CloudFormation or AWS Config resource type'
                    WHEN 'security-hub' THEN 'a Security Hub resource type'
                    WHEN 'inventory-table' THEN 'a Steampipe or CloudQuery table name'
                    WHEN 'resource-explorer' THEN 'a Resource Explorer resource type'
                    WHEN 'service' THEN 'a service namespace'
                    ELSE 'none of the forms srm knows (ARN, AWS::Service::Type, AwsServiceType, aws_service_table, service:type, service namespace)' END,
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
                      HINT = 'Give an ARN or a resource type such as AWS::EC2::Instance.';
        END IF;
        PERFORM srm_internal.raise_unknown_asset(asset, r.form, 'resource type', r.service_namespace);
    END IF;
    RETURN r.resource_type;
END
$$;
COMMENT ON FUNCTION srm.resource_type_of(text) IS
    'the AWS resource type (AWS::Service::Resource) of an asset given in any form; an error if unknown';

-- the error for a control srm does not know
CREATE OR REPLACE FUNCTION srm_internal.raise_unknown_control(control text)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    near text := srm_internal.closest_names(srm_internal.control_key(coalesce(control, '')), 'control');
BEGIN
    RAISE EXCEPTION 'unknown control "%"', control
        USING ERRCODE = 'undefined_object',
              DETAIL = format('It was read as the control id "%s".', srm_internal.control_key(coalesce(control, ''))),
              HINT = CASE WHEN near IS NULL THEN 'See srm.control for the controls srm knows.'
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
-- of srm.asset it names (by ARN, or by resource id when it is nothing
-- else srm knows), its resource type and variant, and the grain of the
-- stored derivation that answers for it
CREATE OR REPLACE FUNCTION srm_internal.locate(identifier text)
RETURNS TABLE (asset text, form text, provider text, service_namespace text, resource_type text,
               account_id text, arn text, asset_id bigint, variant text, variants jsonb, grain_id integer)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
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
BEGIN
    SELECT * INTO r FROM srm.resolve_asset(locate.identifier);
    IF r.form = 'arn' THEN
        SELECT * INTO a FROM srm.asset x WHERE x.arn = r.asset
        ORDER BY x.captured_at DESC NULLS LAST, x.asset_id DESC LIMIT 1;
    ELSIF r.service_namespace IS NULL THEN
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
    IF a.asset_id IS NOT NULL THEN
        SELECT t.provider, t.service_namespace INTO rt FROM srm.resource_type t WHERE t.resource_type = a.resource_type;
        asset := r.asset;
        form := CASE WHEN r.form = 'arn' THEN 'arn' ELSE 'resource-id' END;
        provider := a.provider;
        service_namespace := coalesce(rt.service_namespace, a.service_namespace);
        resource_type := CASE WHEN rt.service_namespace IS NOT NULL THEN a.resource_type END;
        account_id := a.account_id;
        arn := a.arn;
        asset_id := a.asset_id;
        IF resource_type IS NOT NULL THEN
            SELECT v.variant, v.variants INTO variant, variants
            FROM srm_internal.variant_of(a.resource_type, a.configuration, a.supplementary_configuration) v;
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
    'an asset as srm answers for it: the form its identifier was read in, its service and resource type, and when it names an asset of srm.asset (by ARN, or by a resource id that is no other name) that asset''s account, ARN, variant (per dimension in variants) and the grain of the stored derivation that answers for it';

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
    SELECT av.an, av.a, l.*
    FROM pg_catalog.unnest(responsibilities.assets) WITH ORDINALITY AS av(a, an)
    CROSS JOIN LATERAL srm_internal.locate(av.a) AS l),
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
                  HINT = 'Set account_id, service_namespace (optionally with account_id) or asset (an ARN).';
    END IF;
    IF NEW.account_id IS NOT NULL AND NEW.account_id !~ '^[0-9]{12}$' THEN
        RAISE EXCEPTION 'invalid AWS account id "%"', NEW.account_id
            USING ERRCODE = 'invalid_parameter_value', HINT = 'An AWS account id is 12 digits.';
    END IF;
    IF NEW.asset IS NOT NULL AND NEW.asset !~ '^arn:' THEN
        RAISE EXCEPTION 'a control status''s asset must be an ARN, not "%"', NEW.asset
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO c FROM srm.resolve_control(NEW.framework_id || ':' || NEW.control_id);
    IF c.control_id IS NULL THEN
        PERFORM srm_internal.raise_unknown_control(NEW.control_id);
    END IF;
    NEW.control_id := c.control_id;
    IF NEW.service_namespace IS NOT NULL THEN
        NEW.service_namespace := srm_internal.service_named(NEW.service_namespace);
    END IF;
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

CREATE OR REPLACE VIEW srm.unresolved_reference AS
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

-- the snapshot's shape: an object with an array of item objects whose keys
-- have the types AWS Config writes; an error naming the first item that
-- does not
CREATE OR REPLACE FUNCTION srm_internal.config_snapshot_check(snapshot jsonb)
RETURNS void
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    items jsonb;
    bad record;
BEGIN
    IF jsonb_typeof(snapshot) <> 'object' THEN
        RAISE EXCEPTION 'an AWS Config snapshot is a JSON object, not a %', jsonb_typeof(snapshot)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Pass the whole snapshot file: {"fileVersion": ..., "configurationItems": [...]}.';
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

    -- every item an object, and every key we read of the type it should be
    SELECT e.idx, NULL::text AS key, jsonb_typeof(e.v) AS got, 'an object' AS want INTO bad
    FROM jsonb_array_elements(items) WITH ORDINALITY AS e(v, idx)
    WHERE jsonb_typeof(e.v) <> 'object' ORDER BY e.idx LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'configurationItems[%] is a %, not an object', bad.idx - 1, bad.got
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT e.idx, k.key, jsonb_typeof(e.v -> k.key) AS got, k.want INTO bad
    FROM jsonb_array_elements(items) WITH ORDINALITY AS e(v, idx)
    CROSS JOIN (VALUES ('resourceType', 'string'), ('resourceId', 'string'), ('resourceName', 'string'),
                       ('ARN', 'string'), ('arn', 'string'), ('awsAccountId', 'string'), ('accountId', 'string'),
                       ('awsRegion', 'string'), ('region', 'string'), ('configurationItemCaptureTime', 'string'),
                       ('configurationItemStatus', 'string'), ('tags', 'object')) AS k(key, want)
    WHERE e.v ? k.key AND jsonb_typeof(e.v -> k.key) NOT IN (k.want, 'null')
    ORDER BY e.idx, k.key LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'configurationItems[%].% is a %, not a %', bad.idx - 1, bad.key, bad.got, bad.want
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT e.idx, 'configurationItemCaptureTime' AS key, e.v ->> 'configurationItemCaptureTime' AS got INTO bad
    FROM jsonb_array_elements(items) WITH ORDINALITY AS e(v, idx)
    WHERE e.v ->> 'configurationItemCaptureTime' IS NOT NULL
      AND e.v ->> 'configurationItemCaptureTime' !~ '^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d(:?\d\d)?)?$'
    ORDER BY e.idx LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'configurationItems[%].configurationItemCaptureTime "%" is not an ISO 8601 time', bad.idx - 1, bad.got
            USING ERRCODE = 'invalid_datetime_format';
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.config_snapshot_check(jsonb) IS
    'checks the shape of an AWS Config snapshot for srm.load_config_snapshot: an object whose configurationItems is an array of objects, every key srm reads of the right JSON type, capture times in ISO 8601; raises invalid_parameter_value (22023) or invalid_datetime_format (22007) naming the first bad item';

-- the items of a snapshot, one row each in the temporary table
-- srm_load_item (dropped at commit), with the reason an item is rejected:
-- a missing or malformed key, a deleted resource, or a newer capture of the
-- same resource in the same snapshot
CREATE OR REPLACE FUNCTION srm_internal.config_items_stage(items jsonb)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF to_regclass('pg_temp.srm_load_item') IS NOT NULL THEN
        DROP TABLE pg_temp.srm_load_item;
    END IF;
    CREATE TEMPORARY TABLE srm_load_item ON COMMIT DROP AS
    SELECT e.idx - 1 AS idx, e.v AS item,
           coalesce(e.v ->> 'awsAccountId', e.v ->> 'accountId') AS account_id,
           coalesce(e.v ->> 'awsRegion', e.v ->> 'region') AS region,
           e.v ->> 'resourceType' AS resource_type,
           e.v ->> 'resourceId' AS resource_id,
           e.v ->> 'resourceName' AS resource_name,
           nullif(coalesce(e.v ->> 'ARN', e.v ->> 'arn'), '') AS arn,
           (e.v ->> 'configurationItemCaptureTime')::timestamptz AS captured_at,
           e.v ->> 'configurationItemStatus' AS item_status,
           CASE
               WHEN coalesce(e.v ->> 'resourceType', '') !~ '\S' THEN 'no resourceType'
               WHEN coalesce(e.v ->> 'resourceId', '') !~ '\S' THEN 'no resourceId'
               WHEN coalesce(e.v ->> 'awsAccountId', e.v ->> 'accountId') IS NULL THEN 'no awsAccountId (or accountId)'
               WHEN e.v ->> 'awsAccountId' <> e.v ->> 'accountId' THEN 'awsAccountId and accountId differ'
               WHEN coalesce(e.v ->> 'awsAccountId', e.v ->> 'accountId') !~ '^[0-9]{12}$'
                   THEN format('account id "%s" is not 12 digits', coalesce(e.v ->> 'awsAccountId', e.v ->> 'accountId'))
               WHEN coalesce(e.v ->> 'awsRegion', e.v ->> 'region', '') !~ '\S' THEN 'no awsRegion (or region)'
               WHEN e.v ->> 'awsRegion' <> e.v ->> 'region' THEN 'awsRegion and region differ'
               WHEN e.v ->> 'ARN' <> e.v ->> 'arn' THEN 'ARN and arn differ'
               WHEN e.v ->> 'configurationItemStatus' IN ('ResourceDeleted', 'ResourceDeletedNotRecorded')
                   THEN format('the resource is deleted (configurationItemStatus %s)', e.v ->> 'configurationItemStatus')
           END AS reason
    FROM jsonb_array_elements(items) WITH ORDINALITY AS e(v, idx);

    -- an item that repeats a resource is superseded by the newest capture
    UPDATE pg_temp.srm_load_item i
    SET reason = format('superseded by configurationItems[%s], a newer capture of the same resource', w.idx)
    FROM (SELECT idx, account_id, region, resource_type, resource_id,
                 row_number() OVER (PARTITION BY account_id, region, resource_type, resource_id
                                    ORDER BY captured_at DESC NULLS LAST, idx DESC) AS rn,
                 first_value(idx) OVER (PARTITION BY account_id, region, resource_type, resource_id
                                        ORDER BY captured_at DESC NULLS LAST, idx DESC) AS winner
          FROM pg_temp.srm_load_item WHERE reason IS NULL) d,
         LATERAL (SELECT d.winner AS idx) w
    WHERE i.idx = d.idx AND d.rn > 1;
END
$$;
COMMENT ON FUNCTION srm_internal.config_items_stage(jsonb) IS
    'stages the configurationItems of a snapshot for srm.load_config_snapshot in the temporary table srm_load_item (dropped at commit), each with the reason it is rejected, if any';

-- the staged items that are not rejected, into srm.asset: new resources
-- inserted, known ones updated unless the loaded capture is newer; marks
-- each staged item inserted or updated (or rejected as older)
CREATE OR REPLACE FUNCTION srm_internal.config_items_upsert(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- upsert the rest; an item older than what is loaded does not replace it
    WITH written AS (
        INSERT INTO srm.asset AS a
            (provider, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace,
             known_type, tags, configuration, supplementary_configuration, item_status, captured_at, load_id)
        SELECT 'aws', i.account_id, i.region, i.resource_type, i.resource_id, i.resource_name, i.arn,
               coalesce(rt.service_namespace, ra.service_namespace), rt.resource_type IS NOT NULL,
               coalesce(i.item -> 'tags', '{}'), i.item -> 'configuration', i.item -> 'supplementaryConfiguration',
               i.item_status, i.captured_at, lid
        FROM pg_temp.srm_load_item i
        LEFT JOIN LATERAL srm.resolve_asset(i.resource_type) rt ON true
        LEFT JOIN LATERAL srm.resolve_asset(i.arn) ra ON i.arn IS NOT NULL
        WHERE i.reason IS NULL
        ON CONFLICT (provider, account_id, region, resource_type, resource_id) DO UPDATE
        SET resource_name = excluded.resource_name, arn = excluded.arn,
            service_namespace = excluded.service_namespace, known_type = excluded.known_type,
            tags = excluded.tags, configuration = excluded.configuration,
            supplementary_configuration = excluded.supplementary_configuration, item_status = excluded.item_status,
            captured_at = excluded.captured_at, load_id = excluded.load_id, last_loaded_at = now()
        WHERE a.captured_at IS NULL OR excluded.captured_at IS NULL OR excluded.captured_at >= a.captured_at
        RETURNING a.account_id, a.region, a.resource_type, a.resource_id, (a.xmax = 0) AS inserted
    )
    UPDATE pg_temp.srm_load_item i
    SET reason = CASE WHEN w.resource_id IS NULL
                      THEN 'older than the capture already loaded for this resource' END,
        item = i.item || jsonb_build_object('srm:inserted', w.inserted)
    FROM pg_temp.srm_load_item i2
    LEFT JOIN written w USING (account_id, region, resource_type, resource_id)
    WHERE i.idx = i2.idx AND i.reason IS NULL;
END
$$;
COMMENT ON FUNCTION srm_internal.config_items_upsert(bigint) IS
    'writes the staged items of srm_internal.config_items_stage into srm.asset for load lid (an older capture than the one loaded does not replace it) and marks each item inserted, updated or rejected';

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

    PERFORM srm_internal.config_items_stage(snapshot -> 'configurationItems');

    PERFORM srm_internal.config_items_upsert(lid);

    SELECT count(*),
           count(*) FILTER (WHERE reason IS NULL AND (item ->> 'srm:inserted')::boolean),
           count(*) FILTER (WHERE reason IS NULL AND NOT (item ->> 'srm:inserted')::boolean),
           count(*) FILTER (WHERE reason IS NOT NULL)
    INTO n_read, n_inserted, n_updated, n_rejected
    FROM pg_temp.srm_load_item;
    SELECT count(*) INTO n_unknown FROM srm.asset WHERE load_id = lid AND NOT known_type;

    INSERT INTO srm.asset_load_rejection (load_id, item_index, reason, item)
    SELECT lid, idx, reason, item FROM pg_temp.srm_load_item WHERE reason IS NOT NULL;
    UPDATE srm.asset_load
    SET items_read = n_read, assets_inserted = n_inserted, assets_updated = n_updated,
        items_rejected = n_rejected, unknown_types = n_unknown
    WHERE load_id = lid;
    DROP TABLE pg_temp.srm_load_item;
    -- fresh statistics for the audits that follow a load
    ANALYZE srm.asset;

    RAISE NOTICE 'srm load %: % items read = % assets inserted + % updated + % rejected; % of unknown resource types kept',
        lid, n_read, n_inserted, n_updated, n_rejected, n_unknown;
    RETURN n_inserted + n_updated;
END
$$;
COMMENT ON FUNCTION srm.load_config_snapshot(jsonb, text) IS
    'loads an AWS Config snapshot ({"configurationItems": [...]}, keys awsAccountId/ARN/awsRegion or accountId/arn/region) into srm.asset; reloading updates, never duplicates; returns the assets inserted or updated; srm.asset_load has the reconciled counts and srm.asset_load_rejection every rejected item with its reason';

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
CREATE OR REPLACE VIEW srm_internal.audit_fold AS
SELECT f.run_id, f.account_id, f.service_namespace, f.asset_id, f.framework_id, f.control_id, f.family_id,
       f.responsibility, f.class, f.customer_part, f.override_id, f.status, f.status_id, f.evidence, f.gap,
       f.assets, 1 AS accounts, false AS folded
FROM srm.audit_finding f
UNION ALL
SELECT d.run_id, NULL, d.service_namespace, NULL, d.framework_id, d.control_id, d.family_id,
       d.responsibility, d.class, d.customer_part, d.override_id, d.status, d.status_id, d.evidence, d.gap,
       g.assets, g.accounts, true
FROM srm.audit_default d
JOIN (SELECT g.run_id, g.service_namespace, g.grain, sum(g.assets)::integer AS assets, count(*)::integer AS accounts
      FROM srm.audit_group g WHERE NOT g.stored
      GROUP BY g.run_id, g.service_namespace, g.grain) g
  ON g.run_id = d.run_id AND g.service_namespace = d.service_namespace AND g.grain = d.grain;
COMMENT ON VIEW srm_internal.audit_fold IS
    'the findings of every audit run for sums and counts: each row of srm.audit_finding, and per service x control one row of srm.audit_default speaking for the assets (assets) and accounts (accounts) of the run''s groups that are not stored (folded)';

-- every asset x control of every run, asset rules and statuses applied: the
-- assets of stored groups from their findings, the others from their
-- service's answers
CREATE OR REPLACE VIEW srm.audit_result AS
SELECT a.run_id, a.asset_id, a.arn, a.account_id, a.region, a.service_namespace, a.resource_type,
       g.framework_id, g.control_id, g.family_id,
       CASE WHEN x.asset_id IS NULL THEN g.responsibility ELSE x.responsibility END AS responsibility,
       CASE WHEN x.asset_id IS NULL THEN g.class ELSE x.class END AS class,
       CASE WHEN x.asset_id IS NULL THEN g.customer_part ELSE x.customer_part END AS customer_part,
       CASE WHEN x.asset_id IS NULL THEN g.override_id ELSE x.override_id END AS override_id,
       CASE WHEN x.asset_id IS NULL THEN g.status ELSE x.status END AS status,
       CASE WHEN x.asset_id IS NULL THEN g.evidence ELSE x.evidence END AS evidence,
       CASE WHEN x.asset_id IS NULL THEN g.gap ELSE x.gap END AS gap,
       a.grain
FROM srm.audit_asset a
JOIN srm.audit_finding g
  ON g.run_id = a.run_id AND g.account_id = a.account_id AND g.service_namespace = a.service_namespace
 AND g.grain = a.grain AND g.asset_id IS NULL
LEFT JOIN srm.audit_finding x
  ON x.run_id = a.run_id AND x.asset_id = a.asset_id AND x.control_id = g.control_id
UNION ALL
SELECT a.run_id, a.asset_id, a.arn, a.account_id, a.region, a.service_namespace, a.resource_type,
       d.framework_id, d.control_id, d.family_id,
       d.responsibility, d.class, d.customer_part, d.override_id, d.status, d.evidence, d.gap,
       a.grain
FROM srm.audit_asset a
JOIN srm.audit_group g
  ON g.run_id = a.run_id AND g.account_id = a.account_id AND g.service_namespace = a.service_namespace
 AND g.grain = a.grain AND NOT g.stored
JOIN srm.audit_default d
  ON d.run_id = a.run_id AND d.service_namespace = a.service_namespace AND d.grain = a.grain;
COMMENT ON VIEW srm.audit_result IS
    'every asset x control of every audit run, as recorded: responsibility, class, the customer''s part, status, evidence and gap, and the grain the asset was answered at (empty: its service; else its resource type and variant), computed on demand from the run''s findings and its answers per service and grain';

CREATE OR REPLACE VIEW srm.bi_run AS
SELECT r.run_id, r.framework_id, r.baseline, r.accounts, r.started_at, r.finished_at, r.requested_by, r.note,
       r.assets, r.unknown_assets, r.controls, r.asset_controls, r.gaps,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'not-applicable'), 0) AS not_applicable,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'inherited'), 0) AS inherited,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'shared'), 0) AS shared,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'customer-specific'), 0) AS customer_specific
FROM srm.audit_run r
LEFT JOIN srm_internal.audit_fold f USING (run_id)
GROUP BY r.run_id;
COMMENT ON VIEW srm.bi_run IS
    'one row per audit run: scope, counts of assets, controls, asset x control pairs by class, and customer gaps';

CREATE OR REPLACE VIEW srm.bi_responsibility_mix AS
SELECT f.run_id, r.started_at, f.account_id, f.service_namespace, f.class,
       sum(f.assets) AS asset_controls,
       count(DISTINCT f.control_id) AS controls,
       coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps,
       f.grain
FROM srm.audit_finding f JOIN srm.audit_run r USING (run_id)
GROUP BY f.run_id, r.started_at, f.account_id, f.service_namespace, f.grain, f.class
UNION ALL
-- a group that is not stored: its service's (and grain's) answers, per class
SELECT g.run_id, r.started_at, g.account_id, g.service_namespace, d.class,
       g.assets * d.controls, d.controls, g.assets * d.gaps, g.grain
FROM srm.audit_group g
JOIN srm.audit_run r USING (run_id)
JOIN (SELECT d.run_id, d.service_namespace, d.grain, d.class, count(*) AS controls, count(*) FILTER (WHERE d.gap) AS gaps
      FROM srm.audit_default d GROUP BY d.run_id, d.service_namespace, d.grain, d.class) d
  ON d.run_id = g.run_id AND d.service_namespace = g.service_namespace AND d.grain = g.grain
WHERE NOT g.stored;
COMMENT ON VIEW srm.bi_responsibility_mix IS
    'responsibility mix per run x account x service x class (and grain: a resource type and variant answered apart from its service, empty for the service''s answer): asset x control pairs, distinct controls, and how many are customer gaps';

CREATE OR REPLACE VIEW srm.bi_customer_gaps AS
SELECT f.run_id, f.account_id, f.service_namespace, a.arn AS asset, f.framework_id, f.control_id,
       c.label, c.title, f.family_id, c.family_title, f.responsibility, f.customer_part, f.class,
       f.status, f.evidence, f.assets, f.grain
FROM srm.audit_finding f
JOIN srm.control c USING (framework_id, control_id)
LEFT JOIN srm.audit_asset a ON a.run_id = f.run_id AND a.asset_id = f.asset_id
WHERE f.gap AND f.assets > 0
UNION ALL
-- a group that is not stored: its service's gaps
SELECT g.run_id, g.account_id, g.service_namespace, NULL, d.framework_id, d.control_id,
       c.label, c.title, d.family_id, c.family_title, d.responsibility, d.customer_part, d.class,
       d.status, d.evidence, g.assets, g.grain
FROM srm.audit_group g
JOIN srm.audit_default d ON d.run_id = g.run_id AND d.service_namespace = g.service_namespace AND d.grain = g.grain
JOIN srm.control c USING (framework_id, control_id)
WHERE NOT g.stored AND d.gap;
COMMENT ON VIEW srm.bi_customer_gaps IS
    'open customer gaps: controls where the customer takes part and its part lacks implemented evidence, per run x account x service (asset null) or per asset';

CREATE OR REPLACE VIEW srm.bi_gaps_by_family AS
SELECT f.run_id, f.framework_id, coalesce(f.family_id, f.control_id) AS family_id,
       coalesce(max(c.family_title), max(c.title)) AS family_title,
       coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps,
       coalesce(sum(f.assets) FILTER (WHERE f.customer_part <> 'not applicable'), 0) AS customer_asset_controls,
       count(DISTINCT f.control_id) FILTER (WHERE f.gap AND f.assets > 0) AS controls_with_gaps
FROM srm_internal.audit_fold f JOIN srm.control c USING (framework_id, control_id)
GROUP BY f.run_id, f.framework_id, coalesce(f.family_id, f.control_id);
COMMENT ON VIEW srm.bi_gaps_by_family IS
    'customer gaps per run x control family (aws-srm controls count as their own family)';

CREATE OR REPLACE VIEW srm.bi_inherited_controls AS
SELECT f.run_id, f.framework_id, f.control_id, c.label, c.title, f.service_namespace,
       sum(f.assets) AS asset_controls,
       count(DISTINCT f.account_id) + coalesce(sum(f.accounts), 0) AS accounts,
       (SELECT string_agg(t.name || ' (' || t.obtain_from || ')', '; ' ORDER BY t.name)
        FROM srm.attestation t WHERE t.framework_id = f.framework_id AND t.provider = 'aws') AS attestations
FROM (SELECT x.run_id, x.framework_id, x.control_id, x.service_namespace, x.account_id, x.assets, 0 AS accounts
      FROM srm.audit_finding x
      WHERE x.class = 'inherited' AND x.assets > 0
      UNION ALL
      -- the groups that are not stored: counted where the service has one
      -- grain in the run (an account then has one group of it, stored or
      -- not), listed by account where it has several
      SELECT d.run_id, d.framework_id, d.control_id, d.service_namespace, g.account_id, g.assets, g.accounts
      FROM srm.audit_default d
      JOIN (SELECT g.run_id, g.service_namespace, g.grain,
                   CASE WHEN s.grains > 1 THEN g.account_id END AS account_id,
                   sum(g.assets)::integer AS assets,
                   CASE WHEN s.grains > 1 THEN 0 ELSE count(*)::integer END AS accounts
            FROM srm.audit_group g
            JOIN (SELECT h.run_id, h.service_namespace, count(DISTINCT h.grain) AS grains
                  FROM srm.audit_group h GROUP BY h.run_id, h.service_namespace) s
              ON s.run_id = g.run_id AND s.service_namespace = g.service_namespace
            WHERE NOT g.stored
            GROUP BY g.run_id, g.service_namespace, g.grain, s.grains, CASE WHEN s.grains > 1 THEN g.account_id END) g
        ON g.run_id = d.run_id AND g.service_namespace = d.service_namespace AND g.grain = d.grain
      WHERE d.class = 'inherited') f
JOIN srm.control c USING (framework_id, control_id)
GROUP BY f.run_id, f.framework_id, f.control_id, c.label, c.title, f.service_namespace;
COMMENT ON VIEW srm.bi_inherited_controls IS
    'controls inherited from the provider per run x service, with the provider attestations an auditor accepts for them';

CREATE OR REPLACE VIEW srm.bi_trend AS
SELECT r.run_id, r.started_at, r.framework_id, r.baseline, f.class,
       sum(f.assets) AS asset_controls, coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps
FROM srm.audit_run r JOIN srm_internal.audit_fold f USING (run_id)
GROUP BY r.run_id, r.started_at, r.framework_id, r.baseline, f.class;
COMMENT ON VIEW srm.bi_trend IS 'per run x class: asset x control pairs and gaps, for trends across runs';

CREATE OR REPLACE VIEW srm.bi_unknown_assets AS
SELECT a.run_id, a.asset_id, a.account_id, a.region, a.resource_type, a.resource_id, a.arn
FROM srm.audit_asset a WHERE NOT a.known;
COMMENT ON VIEW srm.bi_unknown_assets IS 'assets an audit run could not place (resource type unknown to srm): flagged, never dropped';

GRANT SELECT ON srm_internal.audit_fold, srm.audit_result, srm.bi_run, srm.bi_responsibility_mix, srm.bi_customer_gaps,
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
    SELECT string_agg(a, ', ') INTO missing FROM unnest(accounts) a
    WHERE a IS NULL OR NOT EXISTS (SELECT FROM srm.asset x WHERE x.account_id = a);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'no assets are loaded for account %', missing
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Load the account''s AWS Config snapshot with srm.load_config_snapshot first, or leave it out.';
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
                                         service_namespace, known, grain, tags)
    SELECT rid, a.asset_id, a.account_id, a.region, a.resource_type, a.resource_id, a.arn, a.service_namespace,
           a.service_namespace IS NOT NULL,
           coalesce(g.resource_type || coalesce(' ' || g.variant, ''), ''), a.tags
    FROM srm.asset a
    LEFT JOIN LATERAL (
        SELECT x.resource_type, x.variant
        FROM srm_internal.grain x
        WHERE x.resource_type = a.resource_type AND x.service_namespace = a.service_namespace
          AND (x.variant IS NULL
               OR x.variant = (SELECT v.variant
                               FROM srm_internal.variant_of(a.resource_type, a.configuration,
                                                            a.supplementary_configuration) v))
        ORDER BY x.variant IS NULL
        LIMIT 1) g ON a.known_type
    WHERE accounts IS NULL OR a.account_id = ANY (accounts);
    ANALYZE srm.audit_asset;

    IF to_regclass('pg_temp.srm_audit_control') IS NOT NULL THEN
        DROP TABLE pg_temp.srm_audit_control;
    END IF;
    IF to_regclass('pg_temp.srm_audit_derived') IS NOT NULL THEN
        DROP TABLE pg_temp.srm_audit_derived;
    END IF;
    CREATE TEMPORARY TABLE srm_audit_control ON COMMIT DROP AS
    SELECT c.control_id, c.family_id FROM srm.control c
    WHERE c.framework_id = fw AND c.status = 'active' AND (bl IS NULL OR bl = ANY (c.baselines));
    -- the stored derivation, once per control x service and grain of the run
    CREATE TEMPORARY TABLE srm_audit_derived ON COMMIT DROP AS
    SELECT d.control_id, k.service_namespace, k.grain, d.derived AS responsibility
    FROM (SELECT DISTINCT a.service_namespace, a.grain FROM srm.audit_asset a WHERE a.run_id = rid AND a.known) k
    JOIN srm_internal.grain g
      ON g.provider = 'aws' AND g.service_namespace = k.service_namespace
     AND coalesce(g.resource_type || coalesce(' ' || g.variant, ''), '') = k.grain
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

    INSERT INTO srm.audit_group (run_id, account_id, service_namespace, grain, assets, stored)
    SELECT rid, a.account_id, a.service_namespace, a.grain, count(*),
           EXISTS (SELECT FROM srm.override o
                   WHERE o.framework_id = fw AND o.account_id = a.account_id
                     AND (o.service_namespace IS NULL OR o.service_namespace = a.service_namespace))
           OR EXISTS (SELECT FROM srm.control_status s
                      WHERE s.framework_id = fw AND s.account_id = a.account_id
                        AND (s.service_namespace IS NULL OR s.service_namespace = a.service_namespace))
           OR coalesce(bool_or(a.arn IN (SELECT x.asset FROM srm.override x WHERE x.framework_id = fw
                                         UNION SELECT x.asset FROM srm.control_status x WHERE x.framework_id = fw)), false)
    FROM srm.audit_asset a
    WHERE a.run_id = rid AND a.known
    GROUP BY a.account_id, a.service_namespace, a.grain;

    INSERT INTO srm.audit_default (run_id, service_namespace, grain, framework_id, control_id, family_id, derived,
        responsibility, class, customer_part, override_id, status, status_id, evidence, gap)
    SELECT rid, cs.service_namespace, cs.grain, fw, c.control_id, c.family_id, cs.responsibility,
           r.resp, srm.aws_class(r.resp),
           r.resp OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility,
           o.override_id, st.status, st.status_id, coalesce(st.evidence, st.evidence_url),
           srm_internal.is_gap(r.resp, st.status)
    FROM pg_temp.srm_audit_derived cs
    JOIN pg_temp.srm_audit_control c ON c.control_id = cs.control_id
    LEFT JOIN LATERAL srm_internal.override_for('aws', cs.service_namespace, NULL, NULL, fw, c.control_id, c.family_id) o ON true
    LEFT JOIN LATERAL srm_internal.status_for(fw, c.control_id, 'aws', cs.service_namespace, NULL, NULL) st ON true
    CROSS JOIN LATERAL (SELECT coalesce(o.responsibility, cs.responsibility) AS resp) r;
    ANALYZE srm.audit_group;
    ANALYZE srm.audit_default;
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
    INSERT INTO srm.audit_finding (run_id, account_id, service_namespace, grain, asset_id, framework_id, control_id,
        family_id, responsibility, class, customer_part, override_id, status, status_id, evidence, gap, assets)
    SELECT rid, a.account_id, a.service_namespace, a.grain, a.asset_id, fw, c.control_id, c.family_id,
           r.resp, srm.aws_class(r.resp),
           r.resp OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility,
           o.override_id, st.status, st.status_id, coalesce(st.evidence, st.evidence_url),
           srm_internal.is_gap(r.resp, st.status), 1
    FROM srm.audit_asset a
    CROSS JOIN pg_temp.srm_audit_control c
    JOIN pg_temp.srm_audit_derived cs
      ON cs.control_id = c.control_id AND cs.service_namespace = a.service_namespace AND cs.grain = a.grain
    LEFT JOIN LATERAL srm_internal.override_for('aws', a.service_namespace, a.account_id, a.arn, fw, c.control_id, c.family_id) o ON true
    LEFT JOIN LATERAL srm_internal.status_for(fw, c.control_id, 'aws', a.service_namespace, a.account_id, a.arn) st ON true
    CROSS JOIN LATERAL (SELECT coalesce(o.responsibility, cs.responsibility) AS resp) r
    WHERE a.run_id = rid AND a.known
      AND a.arn IN (SELECT x.asset FROM srm.override x WHERE x.framework_id = fw
                    UNION SELECT x.asset FROM srm.control_status x WHERE x.framework_id = fw)
      AND (EXISTS (SELECT FROM srm.override x WHERE x.asset = a.arn AND x.framework_id = fw
                   AND (x.control_id = c.control_id OR x.family_id = c.family_id
                        OR (x.control_id IS NULL AND x.family_id IS NULL)))
           OR EXISTS (SELECT FROM srm.control_status x WHERE x.asset = a.arn AND x.framework_id = fw
                      AND x.control_id = c.control_id));
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
    INSERT INTO srm.audit_finding (run_id, account_id, service_namespace, grain, asset_id, framework_id, control_id,
        family_id, responsibility, class, customer_part, override_id, status, status_id, evidence, gap, assets)
    SELECT rid, g.account_id, g.service_namespace, g.grain, NULL, fw, c.control_id, c.family_id,
           r.resp, srm.aws_class(r.resp),
           r.resp OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility,
           o.override_id, st.status, st.status_id, coalesce(st.evidence, st.evidence_url),
           srm_internal.is_gap(r.resp, st.status),
           g.n - coalesce(e.n, 0)
    FROM (SELECT a.account_id, a.service_namespace, a.grain, a.assets AS n
          FROM srm.audit_group a WHERE a.run_id = rid AND a.stored) g
    CROSS JOIN pg_temp.srm_audit_control c
    LEFT JOIN (SELECT x.account_id, x.service_namespace, x.grain, x.control_id, count(*) AS n
               FROM srm.audit_finding x WHERE x.run_id = rid AND x.asset_id IS NOT NULL
               GROUP BY x.account_id, x.service_namespace, x.grain, x.control_id) e
      ON e.account_id = g.account_id AND e.service_namespace = g.service_namespace AND e.grain = g.grain
     AND e.control_id = c.control_id
    JOIN pg_temp.srm_audit_derived cs
      ON cs.control_id = c.control_id AND cs.service_namespace = g.service_namespace AND cs.grain = g.grain
    LEFT JOIN LATERAL srm_internal.override_for('aws', g.service_namespace, g.account_id, NULL, fw, c.control_id, c.family_id) o ON true
    LEFT JOIN LATERAL srm_internal.status_for(fw, c.control_id, 'aws', g.service_namespace, g.account_id, NULL) st ON true
    CROSS JOIN LATERAL (SELECT coalesce(o.responsibility, cs.responsibility) AS resp) r;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_group_findings(bigint, text) IS
    'writes the findings of audit run rid for every other asset of its stored groups (srm.audit_group): one row per account x service x control, counting its assets (srm.run_audit)';

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
        gaps = coalesce((SELECT sum(f.assets) FROM srm_internal.audit_fold f WHERE f.run_id = rid AND f.gap), 0)
    WHERE r.run_id = rid;
    DROP TABLE pg_temp.srm_audit_control;
    DROP TABLE pg_temp.srm_audit_derived;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_finish(bigint) IS
    'records the end and the totals of audit run rid (assets, unknown assets, controls, asset x control pairs, gaps) and drops the staged controls (srm.run_audit)';

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
    keep := srm_internal.audit_arguments_checked(framework, baseline, accounts, keep_runs);

    -- one consistent snapshot: no writes to what the audit reads while it runs
    LOCK TABLE srm.asset, srm.control_status, srm.override IN SHARE MODE;

    INSERT INTO srm.audit_run (framework_id, baseline, accounts, note)
    VALUES (fw, bl, accounts, note) RETURNING run_id INTO rid;

    PERFORM srm_internal.audit_scope(rid, fw, bl, accounts);

    PERFORM srm_internal.audit_defaults(rid, fw);

    PERFORM srm_internal.audit_asset_findings(rid, fw);

    PERFORM srm_internal.audit_group_findings(rid, fw);

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

-- rows: [{"label": text, "hint": text, "v": [not-applicable, inherited, shared, customer-specific]}, ...]
CREATE OR REPLACE FUNCTION srm_internal.report_stacked_svg(chart_id text, caption text, rows jsonb)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    names   constant text[] := ARRAY['not applicable', 'inherited', 'shared', 'customer-specific'];
    fills   constant text[] := ARRAY['#BBBBBB', '#0072B2', '#E69F00', '#CC79A7'];
    inks    constant text[] := ARRAY['#1d2733', '#ffffff', '#1d2733', '#1d2733'];
    lx      constant integer := 200;   -- left edge of the bars
    bw      constant integer := 640;   -- width of the longest bar
    top_y   constant integer := 40;    -- first bar row
    rh      constant integer := 30;    -- row pitch
    bh      constant integer := 20;    -- bar height
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
    body    text := '';
    descr   text := '';
BEGIN
    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        v_max := greatest(v_max, (e->'v'->>0)::numeric + (e->'v'->>1)::numeric + (e->'v'->>2)::numeric + (e->'v'->>3)::numeric);
    END LOOP;
    v_step := srm_internal.report_axis_step(v_max, 5);
    v_axis := greatest(v_step, ceil(v_max / v_step) * v_step);
    h := top_y + greatest(n, 1) * rh + 30;

    -- legend
    FOR k IN 1 .. 4 LOOP
        body := body || format('<rect x="%s" y="6" width="14" height="14" rx="2" fill="%s"/><text x="%s" y="18">%s</text>',
                               lx + (k - 1) * 150, fills[k], lx + (k - 1) * 150 + 20, names[k]);
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
        body := body || format('<text x="%s" y="%s">No asset x control pairs in this run.</text>', lx + 10, top_y + 15);
    END IF;

    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        y := top_y + i * rh;
        v_tot := (e->'v'->>0)::numeric + (e->'v'->>1)::numeric + (e->'v'->>2)::numeric + (e->'v'->>3)::numeric;
        v_label := e->>'label';
        IF length(v_label) > 28 THEN
            v_label := left(v_label, 27) || '…';
        END IF;
        body := body || format('<text x="%s" y="%s" text-anchor="end">%s<title>%s</title></text>',
                               lx - 10, y + bh / 2 + 4, srm_internal.html_escape(v_label),
                               srm_internal.html_escape(coalesce(e->>'hint', e->>'label')));
        x := lx;
        descr := descr || CASE WHEN i > 0 THEN '; ' ELSE '' END
                 || srm_internal.html_escape(e->>'label') || ': ' || srm_internal.report_number(v_tot);
        FOR k IN 1 .. 4 LOOP
            v_val := (e->'v'->>(k - 1))::numeric;
            CONTINUE WHEN v_val = 0;
            w := v_val / v_axis * bw;
            body := body || format('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s: %s %s (%s)</title></rect>',
                                   round(x, 1), y, round(greatest(w, 0.5), 1), bh, fills[k],
                                   srm_internal.html_escape(e->>'label'), srm_internal.report_number(v_val), names[k],
                                   srm_internal.report_percent(v_val, v_tot));
            IF w >= 46 THEN
                body := body || format('<text x="%s" y="%s" text-anchor="middle" fill="%s" font-size="11">%s</text>',
                                       round(x + w / 2, 1), y + bh / 2 + 4, inks[k], srm_internal.report_percent(v_val, v_tot));
            END IF;
            descr := descr || format(', %s %s', names[k], srm_internal.report_percent(v_val, v_tot));
            x := x + w;
        END LOOP;
        body := body || format('<text x="%s" y="%s" fill="#1d2733" font-weight="600">%s</text>',
                               round(x + 6, 1), y + bh / 2 + 4, srm_internal.report_number(v_tot));
        i := i + 1;
    END LOOP;

    RETURN format('<svg id="%1$s" class="chart" width="960" height="%2$s" viewBox="0 0 960 %2$s" role="img" aria-labelledby="%1$s-t %1$s-d">'
                  '<title id="%1$s-t">%3$s</title><desc id="%1$s-d">%4$s</desc>%5$s</svg>',
                  chart_id, h, srm_internal.html_escape(caption),
                  'Asset x control pairs by class. ' || CASE WHEN descr = '' THEN 'No data.' ELSE descr || '.' END, body);
END
$$;
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
BEGIN
    SELECT * INTO r FROM srm.audit_run a WHERE a.run_id = report_header.run;
    SELECT * INTO fw FROM srm.framework f WHERE f.framework_id = r.framework_id;
    SELECT array_agg(DISTINCT a.account_id ORDER BY a.account_id) INTO v_accounts
    FROM srm.audit_asset a WHERE a.run_id = r.run_id;
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
         || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_figures(bigint) IS
    'the headline figures of srm.report_html: asset x control pairs by class and customer gaps, as cards and one sentence, from srm.bi_run';

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
RETURN coalesce((SELECT nullif(count(DISTINCT g.account_id), 0) FROM srm.audit_group g WHERE g.run_id = report_is_large.run),
                (SELECT count(DISTINCT a.account_id) FROM srm.audit_asset a WHERE a.run_id = report_is_large.run AND a.known))
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
    SELECT d.service_namespace, d.grain,
           count(*) FILTER (WHERE d.class::text IN ('shared', 'customer-specific')) AS cust,
           count(*) FILTER (WHERE d.gap) AS gaps
    FROM srm.audit_default d WHERE d.run_id = report_asset_totals.run
    GROUP BY d.service_namespace, d.grain),
grp AS (
    SELECT f.account_id, f.service_namespace, f.grain,
           count(*) FILTER (WHERE f.class::text IN ('shared', 'customer-specific')) AS cust,
           count(*) FILTER (WHERE f.gap) AS gaps
    FROM srm.audit_finding f WHERE f.run_id = report_asset_totals.run AND f.asset_id IS NULL
    GROUP BY f.account_id, f.service_namespace, f.grain),
-- the asset's own findings first (few), each then finds its group's row
x AS MATERIALIZED (
    SELECT x.asset_id, a.account_id, a.service_namespace, a.grain, x.control_id, x.class, x.gap
    FROM srm.audit_finding x
    JOIN srm.audit_asset a ON a.run_id = x.run_id AND a.asset_id = x.asset_id
    WHERE x.run_id = report_asset_totals.run AND x.asset_id IS NOT NULL),
own AS (
    SELECT x.asset_id,
           sum((x.class::text IN ('shared', 'customer-specific'))::integer - (g.class::text IN ('shared', 'customer-specific'))::integer) AS cust,
           sum(x.gap::integer - g.gap::integer) AS gaps
    FROM x
    JOIN srm.audit_finding g ON g.run_id = report_asset_totals.run AND g.account_id = x.account_id
                            AND g.service_namespace = x.service_namespace AND g.grain = x.grain
                            AND g.asset_id IS NULL AND g.control_id = x.control_id
    GROUP BY x.asset_id)
SELECT a.asset_id, a.account_id, a.tags,
       (CASE WHEN t.stored IS FALSE THEN coalesce(s.cust, 0) ELSE coalesce(g.cust, 0) END + coalesce(o.cust, 0))::bigint,
       (CASE WHEN t.stored IS FALSE THEN coalesce(s.gaps, 0) ELSE coalesce(g.gaps, 0) END + coalesce(o.gaps, 0))::bigint
FROM srm.audit_asset a
LEFT JOIN srm.audit_group t ON t.run_id = a.run_id AND t.account_id = a.account_id AND t.service_namespace = a.service_namespace
                           AND t.grain = a.grain
LEFT JOIN svc s ON s.service_namespace = a.service_namespace AND s.grain = a.grain
LEFT JOIN grp g ON g.account_id = a.account_id AND g.service_namespace = a.service_namespace AND g.grain = a.grain
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
SELECT t.tags ->> report_tag_totals.key, count(*), count(DISTINCT t.account_id), sum(t.customer_controls), sum(t.gaps)
FROM srm_internal.report_asset_totals(report_tag_totals.run) t
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
                  'as CSV, <code>\copy (SELECT * FROM srm.bi_responsibility_mix WHERE run_id = %s) TO ''accounts.csv'' CSV HEADER</code>.</p>',
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
BEGIN
    SELECT count(DISTINCT m.service_namespace) INTO v_n FROM srm.bi_responsibility_mix m WHERE m.run_id = report_chart_services.run;
    SELECT coalesce(jsonb_agg(jsonb_build_object('label', s.service_namespace,
                                                 'hint', coalesce(sv.name || ' (' || s.service_namespace || ')', s.service_namespace),
                                                 'v', jsonb_build_array(s.na, s.inh, s.sha, s.cus))
                              ORDER BY s.na + s.inh + s.sha + s.cus DESC, s.service_namespace), '[]')
    INTO v_rows
    FROM (SELECT m.service_namespace,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'not-applicable'), 0) AS na,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'inherited'), 0) AS inh,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'shared'), 0) AS sha,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'customer-specific'), 0) AS cus
          FROM srm.bi_responsibility_mix m WHERE m.run_id = report_chart_services.run
          GROUP BY m.service_namespace
          ORDER BY sum(m.asset_controls) DESC, m.service_namespace
          LIMIT top_services) s
    LEFT JOIN srm.service sv ON sv.provider = 'aws' AND sv.service_namespace = s.service_namespace;
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
    SELECT coalesce(jsonb_agg(jsonb_build_object('label', s.service_namespace,
                                                 'hint', coalesce(sv.name || ' (' || s.service_namespace || ')', s.service_namespace),
                                                 'value', s.gaps, 'of', s.customer)
                              ORDER BY s.gaps DESC, s.service_namespace), '[]')
    INTO v_gaps
    FROM (SELECT f.service_namespace, coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps,
                 coalesce(sum(f.assets) FILTER (WHERE f.class::text IN ('shared', 'customer-specific')), 0) AS customer
          FROM srm_internal.audit_fold f WHERE f.run_id = report_chart_services.run
          GROUP BY f.service_namespace
          HAVING coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) > 0
          ORDER BY 2 DESC, f.service_namespace
          LIMIT top_gaps) s
    LEFT JOIN srm.service sv ON sv.provider = 'aws' AND sv.service_namespace = s.service_namespace;
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
BEGIN
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'label', CASE WHEN EXISTS (SELECT FROM srm.control c WHERE c.framework_id = g.framework_id AND c.control_id = g.family_id)
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
        FOR x IN SELECT g.label, g.title, g.account_id, g.service_namespace, g.asset, g.assets, g.customer_part, g.status
                 FROM (SELECT c.label, c.title, f.account_id, f.service_namespace, a.arn AS asset, f.assets,
                              f.customer_part::text AS customer_part, f.status, c.sort_id, f.grain
                       FROM srm.audit_finding f
                       JOIN srm.control c USING (framework_id, control_id)
                       LEFT JOIN srm.audit_asset a ON a.run_id = f.run_id AND a.asset_id = f.asset_id
                       WHERE f.run_id = report_top_gaps.run AND f.gap AND f.assets > 0
                       UNION ALL
                       SELECT c.label, c.title, t.account_id, t.service_namespace, NULL, t.assets,
                              d.customer_part::text, d.status, c.sort_id, t.grain
                       FROM (SELECT t.run_id, t.account_id, t.service_namespace, t.grain, t.assets FROM srm.audit_group t
                             WHERE t.run_id = report_top_gaps.run AND NOT t.stored
                               AND EXISTS (SELECT FROM srm.audit_default d
                                           WHERE d.run_id = t.run_id AND d.service_namespace = t.service_namespace
                                             AND d.grain = t.grain AND d.gap)
                             ORDER BY t.assets DESC, t.account_id, t.service_namespace, t.grain
                             LIMIT top_gaps) t
                       JOIN srm.audit_default d
                         ON d.run_id = t.run_id AND d.service_namespace = t.service_namespace AND d.grain = t.grain AND d.gap
                       JOIN srm.control c ON c.framework_id = d.framework_id AND c.control_id = d.control_id) g
                 ORDER BY g.assets DESC, g.account_id, g.service_namespace, g.grain, g.sort_id, g.asset NULLS FIRST
                 LIMIT top_gaps LOOP
            html := html || format('<tr><td class="id">%s</td><td>%s</td><td class="id">%s</td><td>%s%s</td><td class="n">%s</td><td>%s</td><td>%s</td></tr>',
                                   srm_internal.html_escape(x.label), srm_internal.html_escape(x.title),
                                   srm_internal.html_escape(x.account_id), srm_internal.html_escape(x.service_namespace),
                                   CASE WHEN x.asset IS NULL THEN ''
                                        ELSE '<br><span class="arn">' || srm_internal.html_escape(x.asset) || '</span>' END,
                                   srm_internal.report_number(x.assets), srm_internal.html_escape(x.customer_part),
                                   CASE WHEN x.status IS NULL THEN '<span class="tag open">no status</span>'
                                        ELSE '<span class="tag">' || srm_internal.html_escape(x.status) || '</span>' END) || E'\n';
        END LOOP;
        html := html || '</tbody></table>' || E'\n';
    END IF;
    RETURN html || format('<p class="sql">SQL: <code>SELECT g.label, g.title, g.account_id, g.service_namespace, g.asset, g.assets, g.customer_part, g.status FROM srm.bi_customer_gaps g JOIN srm.control c USING (framework_id, control_id) WHERE g.run_id = %s ORDER BY g.assets DESC, g.account_id, g.service_namespace, g.grain, c.sort_id, g.asset NULLS FIRST LIMIT %s</code></p>', run, top_gaps) || E'\n'
         || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_top_gaps(bigint) IS
    'section 5 of srm.report_html: the 25 largest open customer gaps by number of assets (table)';

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
    x     record;
    html  text;
BEGIN
    SELECT count(DISTINCT i.control_id), array_agg(DISTINCT i.attestations ORDER BY i.attestations) FILTER (WHERE i.attestations IS NOT NULL)
    INTO v_n, v_att
    FROM srm.bi_inherited_controls i WHERE i.run_id = report_inherited_controls.run;
    SELECT count(DISTINCT f.service_namespace) INTO v_m FROM srm_internal.audit_fold f WHERE f.run_id = report_inherited_controls.run;
    html := '<section>' || E'\n' || '<h2><span class="num">6</span>Inherited controls and the attestations to cite</h2>' || E'\n';
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
        FOR x IN SELECT i.label, i.title, count(DISTINCT i.service_namespace) AS services, sum(i.asset_controls) AS pairs,
                        array_agg(DISTINCT i.service_namespace ORDER BY i.service_namespace) AS service_list, min(i.attestations) AS attestations
                 FROM srm.bi_inherited_controls i
                 LEFT JOIN srm.control c ON c.framework_id = i.framework_id AND c.control_id = i.control_id
                 WHERE i.run_id = report_inherited_controls.run
                 GROUP BY i.framework_id, i.control_id, i.label, i.title, c.sort_id
                 ORDER BY c.sort_id, i.control_id LOOP
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
    'section 6 of srm.report_html: the controls the provider alone is responsible for, with the attestations to cite (table)';

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
    html := '<section>' || E'\n' || '<h2><span class="num">7</span>Unknown assets</h2>' || E'\n'
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
    'section 7 of srm.report_html: the first 50 assets of a resource type srm cannot place (table); empty when there are none';

-- the footer: what wrote the page, the catalog and the model, and the end of the page
CREATE OR REPLACE FUNCTION srm_internal.report_footer(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    fw    record;
    v_ext text;
BEGIN
    SELECT f.* INTO fw FROM srm.audit_run a JOIN srm.framework f USING (framework_id) WHERE a.run_id = report_footer.run;
    SELECT e.extversion INTO v_ext FROM pg_extension e WHERE e.extname = 'srm';
    RETURN '<footer>'
         || format('<p>Generated by srm %s from audit run %s as recorded in the database; the page changes only if the run''s rows do. Every figure comes from the <code>srm.bi_*</code> views, with the SQL under it. Times are UTC.</p>',
                   srm_internal.html_escape(coalesce(v_ext, '')), run)
         || format('<p>Control catalog: %s, %s, published by %s. Source: %s.</p>',
                   srm_internal.html_escape(fw.name), srm_internal.html_escape(fw.version),
                   srm_internal.html_escape(fw.publisher), srm_internal.html_escape(fw.source))
         || '<p>Responsibility model: the AWS Shared Responsibility Model (AWS is responsible for security <i>of</i> the cloud, the customer for security <i>in</i> the cloud) and AWS Security Best Practices (infrastructure, container and abstracted services).</p>'
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
        || srm_internal.report_inherited_controls(run)
        || srm_internal.report_unknown_assets(run)
        || srm_internal.report_footer(run);
END
$$;
COMMENT ON FUNCTION srm.report_html(bigint) IS
    'the audit report of a run as one self-contained HTML page (inline CSS and SVG, no script and no network): header and scope, headline figures, charts of the responsibility mix per account and per service (past 25 accounts: the 20 accounts and 10 services with the most customer gaps, a histogram of the accounts'' gap shares and totals per tag value instead of one bar per account), customer gaps by control family and the trend across runs of the same framework and baseline, then the top open gaps, the inherited controls with the attestations to cite, and the unknown assets; each figure with the SQL over the srm.bi_* views that produces it. Deterministic for the same rows. An unknown run raises no_data_found (P0002).';

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
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT pg_catalog.encode(
           pg_catalog.set_byte(
               pg_catalog.set_byte(h, 6, (pg_catalog.get_byte(h, 6) & 15) | 80),  -- version 5
               8, (pg_catalog.get_byte(h, 8) & 63) | 128),                          -- variant 10xx
           'hex')::uuid
FROM (SELECT pg_catalog.substr(
                 pg_catalog.sha256(pg_catalog.convert_to(
                     pg_catalog.length(namespace)::text || ':' || namespace || name, 'UTF8')),
                 1, 16) AS h) s
$$;
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

-- the services of a run: those of its known assets and of its findings
CREATE OR REPLACE FUNCTION srm_internal.oscal_services(run bigint)
RETURNS TABLE (name text, service_namespace text, n bigint)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT coalesce(s.name, q.service_namespace) AS name, q.service_namespace, q.n
    FROM (SELECT service_namespace, sum(n)::bigint AS n
          FROM (SELECT service_namespace, count(*) AS n FROM srm.audit_asset x
                WHERE x.run_id = oscal_services.run AND known AND service_namespace IS NOT NULL GROUP BY service_namespace
                UNION ALL
                SELECT DISTINCT f.service_namespace, 0 FROM srm.audit_finding f WHERE f.run_id = oscal_services.run) u
          GROUP BY service_namespace) q
    LEFT JOIN srm.service s ON s.provider = 'aws' AND s.service_namespace = q.service_namespace;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_services(bigint) IS
    'the AWS services of an audit run (of its known assets and of its findings), with their names and number of assets, for srm.oscal_ssp';

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
    WITH a AS (
        SELECT * FROM srm.audit_asset x WHERE x.run_id = oscal_scope.run
    ), acc AS (
        SELECT string_agg(format('%s (%s)', account_id, srm_internal.oscal_count(n, 'asset')), ', ' ORDER BY account_id) AS s, count(*) AS k
        FROM (SELECT account_id, count(*) AS n FROM a GROUP BY account_id) q
    ), reg AS (
        SELECT string_agg(format('%s (%s)', region, srm_internal.oscal_count(n, 'asset')), ', ' ORDER BY region) AS s, count(*) AS k
        FROM (SELECT region, count(*) AS n FROM a GROUP BY region) q
    ), svc AS (
        SELECT * FROM srm_internal.oscal_services(oscal_scope.run)
    )
    SELECT jsonb_build_object(
               'n', (SELECT count(*) FROM a),
               'unknown', (SELECT count(*) FROM a WHERE NOT known),
               'accounts', coalesce((SELECT s FROM acc), 'none'),
               'n_accounts', (SELECT k FROM acc),
               'account_ids', coalesce((SELECT string_agg(DISTINCT account_id, ', ') FROM a), 'none'),
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
     WHERE r.run_id = oscal_attestations.run AND t.provider = 'aws' AND t.framework_id = r.framework_id;
    RETURN v_attest;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_attestations(bigint) IS
    'the attestations of AWS for the framework of a run (srm.attestation), as back-matter resources of srm.oscal_ssp; null if there are none';

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
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_metadata.run;
    SELECT * INTO v_fw FROM srm.framework f WHERE f.framework_id = v_run.framework_id;
    v_ver  := coalesce((SELECT e.extversion FROM pg_catalog.pg_extension e WHERE e.extname = 'srm'), 'unknown');
    v_when := to_char(v_run.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    RETURN jsonb_build_object(
        'title', format('System security plan of the customer''s AWS workloads: %s%s, srm audit run %s',
                        v_fw.name, srm_internal.oscal_baseline_label(v_run.baseline), run),
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
                               'remarks', format('Owner of the AWS account(s) in scope: %s.', scope ->> 'account_ids')),
            jsonb_build_object('uuid', srm_internal.uuid5ish(v_ns, 'party:aws'), 'type', 'organization', 'name', 'Amazon Web Services', 'short-name', 'AWS',
                               'links', jsonb_build_array(jsonb_build_object(
                                   'href', 'https://aws.amazon.com/compliance/shared-responsibility-model/', 'rel', 'reference')))),
        'responsible-parties', jsonb_build_array(
            jsonb_build_object('role-id', 'customer', 'party-uuids', jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:customer'))),
            jsonb_build_object('role-id', 'provider', 'party-uuids', jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:aws')))),
        'remarks', format('Written by srm %s from audit run %s (%s%s), started %s and finished %s, requested by %s.%s',
                          v_ver, run, v_run.framework_id, srm_internal.oscal_baseline_label(v_run.baseline),
                          to_char(v_run.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), v_when,
                          v_run.requested_by, coalesce(' Note: ' || v_run.note, '')));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_metadata(bigint, jsonb) IS
    'the metadata of srm.oscal_ssp for a run: title, last-modified (the end of the run), version, roles, the customer and AWS as parties, and remarks on the run; scope is srm_internal.oscal_scope(run)';

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
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_system_characteristics.run;
    SELECT * INTO v_fw FROM srm.framework f WHERE f.framework_id = v_run.framework_id;
    v_level := CASE WHEN v_run.framework_id = 'nist-800-53-r5' AND v_run.baseline IN ('LOW', 'MODERATE', 'HIGH')
                    THEN 'fips-199-' || lower(v_run.baseline) END;
    RETURN jsonb_build_object(
        'system-ids', jsonb_build_array(jsonb_build_object(
            'identifier-type', 'https://ietf.org/rfc/rfc4122',
            'id', srm_internal.uuid5ish(v_ns, 'system')::text)),
        'system-name', format('Customer workloads on AWS (%s account(s))', coalesce(scope ->> 'n_accounts', '0')),
        'description', format('The customer''s resources in Amazon Web Services as audited by srm run %s against %s%s: %s assets in %s account(s), %s region(s) and %s service(s). AWS is responsible for security of the cloud and the customer for security in the cloud; per control and service this plan says what the customer inherits from AWS and what is its own responsibility.',
                              run, v_fw.name, srm_internal.oscal_baseline_label(v_run.baseline), scope ->> 'n', coalesce(scope ->> 'n_accounts', '0'),
                              coalesce(scope ->> 'n_regions', '0'), scope ->> 'n_services'),
        'security-sensitivity-level', v_level,
        'system-information', jsonb_build_object('information-types', jsonb_build_array(
            jsonb_build_object(
                'uuid', srm_internal.uuid5ish(v_ns, 'information-type:customer-workloads'),
                'title', 'Customer workloads and data on AWS',
                'description', 'The data the customer stores and processes with the AWS services in scope.'
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
            'description', format('The AWS resources recorded in audit run %s: %s assets, %s of them of resource types srm does not know. Accounts: %s. Regions: %s. Services: %s.',
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
               'description', format('%s, the AWS service with namespace %s%s: %s of this system.',
                                     svc.name, svc.service_namespace,
                                     coalesce(', ' || m.name || ' service model', ''), srm_internal.oscal_count(svc.n, 'asset')),
               'props', jsonb_build_array(
                            jsonb_build_object('name', 'service-namespace', 'ns', srm_ns, 'value', svc.service_namespace))
                        || CASE WHEN s.model_id IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(
                            jsonb_build_object('name', 'service-model', 'ns', srm_ns, 'value', s.model_id)) END
                        || jsonb_build_array(
                            jsonb_build_object('name', 'implementation-point', 'value', 'external'),
                            jsonb_build_object('name', 'leveraged-authorization-uuid', 'value',
                                               srm_internal.uuid5ish(v_ns, 'leveraged-authorization:aws')::text)),
               'status', jsonb_build_object('state', 'operational'),
               'responsible-roles', jsonb_build_array(jsonb_build_object('role-id', 'provider', 'party-uuids',
                                                                          jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:aws')))),
               'remarks', format('%s in audit run %s.', srm_internal.oscal_count(svc.n, 'asset'), run))
           ORDER BY svc.service_namespace)
      INTO v_comps
      FROM srm_internal.oscal_services(run) svc
      LEFT JOIN srm.service s ON s.provider = 'aws' AND s.service_namespace = svc.service_namespace
      LEFT JOIN srm.service_model m ON m.model_id = s.model_id;
    RETURN v_comps;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_service_components(bigint) IS
    'the components of srm.oscal_ssp for the AWS services of a run (type service, leveraged from AWS); null if the run has none';

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
            'remarks', format('srm does not record the date of AWS''s authorization: date-authorized is the date of audit run %s. Replace it with the date in the AWS FedRAMP package (AWS Artifact or the FedRAMP marketplace).', run))),
        'users', jsonb_build_array(jsonb_build_object(
            'uuid', srm_internal.uuid5ish(v_ns, 'user:customer-administrator'),
            'title', 'Customer cloud administrator',
            'role-ids', jsonb_build_array('customer'),
            'authorized-privileges', jsonb_build_array(jsonb_build_object(
                'title', 'Administrator',
                'functions-performed', jsonb_build_array(
                    'Configures the AWS services in scope and implements the customer''s part of each control'))))),
        'components', jsonb_build_array(jsonb_build_object(
                'uuid', srm_internal.uuid5ish(v_ns, 'component:this-system'),
                'type', 'this-system',
                'title', 'This system: the customer''s workloads on AWS',
                'description', 'The whole system within the authorization boundary. It inherits what AWS provides for each control and satisfies the customer''s responsibilities.',
                'status', jsonb_build_object('state', 'operational'),
                'responsible-roles', jsonb_build_array(jsonb_build_object('role-id', 'customer', 'party-uuids',
                                                                           jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:customer'))))))
            || coalesce(srm_internal.oscal_service_components(run), '[]'::jsonb));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_system_implementation(bigint) IS
    'the system-implementation of srm.oscal_ssp for a run: AWS as leveraged authorization (citing the attestations), the customer administrator, the this-system component and one component per service';

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
                'description', format('AWS implements %s %s on %s.',
                                      CASE WHEN 'responsibility' = ANY (exp) THEN 'its part of' ELSE 'all of' END,
                                      label, service_namespace),
                'responsible-roles', jsonb_build_array(jsonb_build_object('role-id', 'provider')))) END,
            'responsibilities', CASE WHEN 'responsibility' = ANY (exp) THEN jsonb_build_array(jsonb_build_object(
                'uuid', u_resp,
                'provided-uuid', CASE WHEN 'provided' = ANY (exp) THEN u_prov END,
                'description', format('The customer %s for %s on %s: %s.',
                                      CASE WHEN cust_words @> ARRAY['customer-configured', 'customer-provided']
                                           THEN 'configures what AWS offers and provides the rest itself'
                                           WHEN 'customer-configured' = ANY (cust_words)
                                           THEN 'configures what AWS offers'
                                           ELSE 'provides it itself' END,
                                      label, service_namespace, cust::text),
                'responsible-roles', jsonb_build_array(jsonb_build_object('role-id', 'customer')))) END) END,
        'remarks', format('%s in %s; %s.', srm_internal.oscal_count(n_assets, 'asset'),
                          srm_internal.oscal_count(n_accounts, 'account'),
                          srm_internal.oscal_count(n_gaps, 'customer gap')));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_service_by_component(text, text, text, text, srm.responsibility, srm.responsibility, text[], jsonb, bigint, bigint, bigint) IS
    'the by-component of one control on one AWS service in srm.oscal_ssp: description, implementation status, and the export of what AWS provides (provided) and what is the customer''s (responsibilities, srm.oscal_export), with uuids named in subject';

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
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_implemented_requirements.run;

    -- the controls: per control x service, then per control
    WITH f AS (
        SELECT f.control_id, f.service_namespace, f.account_id, f.responsibility, f.customer_part,
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
        SELECT g.service_namespace, count(DISTINCT g.account_id) AS n
        FROM srm.audit_group g WHERE g.run_id = oscal_implemented_requirements.run
        GROUP BY g.service_namespace
    ), cs2 AS (
        SELECT cs.*,
               coalesce(c.label, cs.control_id) AS label,
               coalesce(c.title, '') AS title,
               c.sort_id,
               srm.oscal_export(cs.resp) AS exp,
               srm_internal.oscal_implementation_status(cs.counts) AS status,
               srm_internal.uuid5ish(v_ns, 'provided:' || cs.control_id || ':' || cs.service_namespace) AS u_prov,
               srm_internal.uuid5ish(v_ns, 'responsibility:' || cs.control_id || ':' || cs.service_namespace) AS u_resp
        FROM cs
        LEFT JOIN srm.control c ON c.framework_id = v_run.framework_id AND c.control_id = cs.control_id
    ), cs3 AS (
        SELECT cs2.*,
               'provided' = ANY (cs2.exp) AS has_prov,
               'responsibility' = ANY (cs2.exp) AS has_resp,
               -- the service's by-component: what AWS provides, what is the customer's
               srm_internal.oscal_service_by_component(v_ns, cs2.control_id, cs2.service_namespace, cs2.label,
                                                       cs2.resp, cs2.cust, cs2.exp, cs2.status,
                                                       cs2.n_assets, coalesce(a.n, cs2.n_accounts), cs2.n_gaps) AS bc
        FROM cs2
        LEFT JOIN acc a ON a.service_namespace = cs2.service_namespace
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
               jsonb_agg(cs3.bc ORDER BY cs3.service_namespace) AS bcs,
               jsonb_agg(jsonb_build_object(
                             'uuid', srm_internal.uuid5ish(v_ns, 'inherited:' || cs3.control_id || ':' || cs3.service_namespace),
                             'provided-uuid', cs3.u_prov,
                             'description', format('Inherited from AWS on %s.', cs3.service_namespace))
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
               'by-components', jsonb_build_array(jsonb_build_object(
                       'component-uuid', u_this,
                       'uuid', srm_internal.uuid5ish(v_ns, 'by-component:' || ctl.control_id || ':this-system'),
                       'description', format('%s in this system: provided by AWS on %s of %s service(s), the customer''s responsibility on %s (no status recorded on %s), not applicable on %s.',
                                             trim(ctl.label || ' ' || ctl.title), ctl.n_prov, ctl.n_services, ctl.n_resp,
                                             ctl.n_resp - coalesce(jsonb_array_length(ctl.satisfied), 0), ctl.n_neither),
                       'implementation-status', cst.status,
                       'inherited', ctl.inherited,
                       'satisfied', ctl.satisfied))
                   || ctl.bcs,
               'remarks', format('%s: %s (%s); %s asset x control pairs on %s service(s); %s customer gap(s).',
                                 trim(ctl.label || ' ' || ctl.title), ctl.resp::text, srm.aws_class(ctl.resp)::text,
                                 ctl.n_assets, ctl.n_services, ctl.n_gaps))
           ORDER BY ctl.sort_id, ctl.control_id)
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
    'the implemented-requirements of srm.oscal_ssp for a run: per control, control-origination and responsibility props, a by-component on this system (inherited, satisfied, status) and one per service (srm_internal.oscal_service_by_component); every control in scope with a remark when the run has no finding';

-- control-implementation
CREATE OR REPLACE FUNCTION srm_internal.oscal_control_implementation(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_run srm.audit_run;
    v_fw  srm.framework;
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_control_implementation.run;
    SELECT * INTO v_fw FROM srm.framework f WHERE f.framework_id = v_run.framework_id;
    RETURN jsonb_build_object(
        'description', format('The controls of %s%s as audited in srm run %s: per control and AWS service, what AWS provides (export provided, inherited by this system), what is the customer''s responsibility (export responsibilities, satisfied by this system), and the implementation status the audit recorded.',
                              v_fw.name, srm_internal.oscal_baseline_label(v_run.baseline), run),
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
    RETURN jsonb_build_object('system-security-plan', jsonb_strip_nulls(jsonb_build_object(
        'uuid', srm_internal.uuid5ish(srm_internal.oscal_subject(run), 'system-security-plan'),
        'metadata', srm_internal.oscal_metadata(run, v_scope),
        'import-profile', srm_internal.oscal_import_profile(run),
        'system-characteristics', srm_internal.oscal_system_characteristics(run, v_scope),
        'system-implementation', srm_internal.oscal_system_implementation(run),
        'control-implementation', srm_internal.oscal_control_implementation(run),
        'back-matter', srm_internal.oscal_back_matter(run))));
END
$fn$;
COMMENT ON FUNCTION srm.oscal_ssp(bigint) IS
    'the customer''s system as audited in a run, as an OSCAL 1.1.3 system security plan (JSON) valid against NIST''s schema: a this-system component and one service component per AWS service; per control of the run one implemented-requirement with, per service, an export of what AWS provides and what is the customer''s responsibility (srm.oscal_export), inherited / satisfied (where a status was recorded) on this-system, control-origination props (srm.fedramp_origination, customer''s plan) and the audited implementation status (no status recorded: planned, a customer gap). UUIDs are name-based per subject, so the same run always gives the same document; an unknown run raises no_data_found';

-------------------------------------------------------------------- after
-- upgrade/0.2.0--0.3.0/after.sql: what 0.3.0 no longer has, dropped once
-- 0.3.0's functions and views are in place.  Never CASCADE.

-------------------------------------------------------------------- the model's rows
TRUNCATE srm.identifier, srm.arn_pattern;
-- Generated by tools/build/gen_data.py --diff: the model's changes, do not edit.
SELECT pg_catalog.set_config('srm.loading_model', 'on', true);
-- 779 row(s) removed, changed or added

-- control_layer: 27 row(s) removed
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'mp-6.8' AND layer_id = 'data';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'mp-6.7' AND layer_id = 'data';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'mp-6.3' AND layer_id = 'data';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'mp-6.2' AND layer_id = 'data';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'mp-6.1' AND layer_id = 'data';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'mp-6' AND layer_id = 'data';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-7' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-6.3' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-6.2' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-6.1' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-6' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.5' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.4' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.3' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.2' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.1' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.6' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.5' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.4' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.3' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.2' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.1' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-2.2' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-2' AND layer_id = 'operating-system';
DELETE FROM srm.control_layer WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-1' AND layer_id = 'operating-system';

-- service_model_layer: 2 row(s) changed
UPDATE srm.service_model_layer SET responsibility = 'customer (configured, provided)'::srm.responsibility, source = 'AWS Security Best Practices whitepaper (2016), service categories; srm review qualifiers, following AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency: the customer''s data, and the backups, versioning, replication and retention it turns on in AWS''s features (configured)' WHERE model_id = 'aws-infrastructure' AND layer_id = 'data';
UPDATE srm.service_model_layer SET responsibility = 'customer (configured, provided)'::srm.responsibility, source = 'AWS Security Best Practices whitepaper (2016), service categories; srm review qualifiers, following AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency: the customer''s data, and the backups, versioning, replication and retention it turns on in AWS''s features (configured)' WHERE model_id = 'aws-abstracted' AND layer_id = 'data';

-- service: 67 row(s) changed
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs IAM Access Analyzer, which reasons over the resource-based policies of supported resources to find access from outside the customer''s zone of trust, validates policies and generates them from CloudTrail activity. The customer creates an analyzer for its organization or account in each Region it uses, chooses that zone of trust and decides whether each finding is intended or must be fixed; the fixes fall on the analysed resources'' own rows. Reviewed: no deviations.', source = 'AWS documentation: Using AWS Identity and Access Management Access Analyzer (https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html); srm review' WHERE provider = 'aws' AND service_namespace = 'access-analyzer';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Account Access (account access manager), through which the customer manages applications and entitlements that give principals of IAM Identity Center access to IAM roles in its accounts; which principal may assume which role where is the customer''s decision. Only API descriptions were found. Reviewed: no deviations.', source = 'AWS documentation: AWS SDK for Java 2.x API Reference: package software.amazon.awssdk.services.accountaccess (https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/services/accountaccess/package-summary.html); srm review' WHERE provider = 'aws' AND service_namespace = 'account-access';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Agent Registry, a managed catalog in which the customer publishes and discovers records of MCP servers, agents and agent skills; the customer configures each registry''s discovery authorization and approves or curates the records, which are its content. The resources the records describe answer under their own services. Only API descriptions were found. Reviewed: no deviations.', source = 'AWS documentation: AWS Agent Registry Control API Reference: Welcome (https://docs.aws.amazon.com/agent-registry-control/latest/APIReference/Welcome.html); AWS documentation: AWS Agent Registry API Reference: Welcome (https://docs.aws.amazon.com/agent-registry/latest/APIReference/Welcome.html); srm review' WHERE provider = 'aws' AND service_namespace = 'agent-registry';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs the DevOps Agent, which investigates incidents in the accounts and resources the customer connects; Agent Spaces are its primary security boundary, each with its own configuration, permissions, accounts and third-party connections, and the agent enforces its own account-boundary, limited-write and prompt-injection protections even where its IAM role allows more. Data is encrypted at rest with AWS managed keys and in transit, and agent activity is kept in an immutable journal and in CloudTrail. The customer scopes the agent''s IAM role to least privilege and decides what each Agent Space may reach; fixes it proposes fall on the investigated resources'' rows. Reviewed: no deviations.', source = 'AWS documentation: AWS DevOps Agent Security (https://docs.aws.amazon.com/devopsagent/latest/userguide/aws-devops-agent-security.html); AWS documentation: Security for AWS DevOps Agent activated from AWS Support (https://docs.aws.amazon.com/awssupport/latest/user/support-devops-agent-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'aidevops';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs CloudWatch investigations (the AI Ops API), a generative AI assistant that scans the telemetry of the customer''s systems and suggests related metrics, logs, deployment events and root-cause hypotheses. The customer creates investigation groups with the IAM role the assistant uses and IAM resource policies on them, and runs investigations from the CloudWatch console; the fixes they suggest fall on the investigated resources'' rows. Reviewed: no deviations; only the API and CLI descriptions were found, on docs.aws.amazon.com.', source = 'AWS documentation: AWS CLI Command Reference: aiops (https://docs.aws.amazon.com/cli/v1/reference/aiops/index.html); AWS documentation: AWS SDK for Java 2.x reference: AiOpsClient (https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/services/aiops/AiOpsClient.html); srm review' WHERE provider = 'aws' AND service_namespace = 'aiops';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs the Airflow infrastructure of MWAA Serverless and provisions isolated compute for each workflow run; the workflow definition (its tasks, their order and the predefined operators they use), which the customer provides as a file in Amazon S3, is the customer''s orchestration logic, and each workflow runs with the IAM execution role the customer gives it. Reviewed: application deviation.', source = 'AWS documentation: Key concepts - Amazon Managed Workflows for Apache Airflow Serverless (https://docs.aws.amazon.com/mwaa/latest/mwaa-serverless-userguide/mwaas-concepts.html); srm review' WHERE provider = 'aws' AND service_namespace = 'airflow-serverless';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs the Amplify UI Builder API, with which the customer creates and configures the UI component libraries and themes of its Amplify applications and connects them to the application''s backend resources; the components become part of the customer''s application, which answers under amplify. Access is granted with IAM policies such as the AWS managed policy AdministratorAccess-Amplify. Only API descriptions were found. Reviewed: no deviations.', source = 'AWS documentation: AWS CLI Command Reference: amplifyuibuilder (https://docs.aws.amazon.com/cli/latest/reference/amplifyuibuilder/index.html); AWS documentation: AWS Managed Policy: AdministratorAccess-Amplify (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess-Amplify.html); srm review' WHERE provider = 'aws' AND service_namespace = 'amplifyuibuilder';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Amazon AppIntegrations; its configuration data is encrypted at rest with a KMS data key unique to the customer''s account, and external application data it processes is encrypted in S3 with the customer managed key given at configuration, used through a grant the customer can revoke. Event data from external applications arrives over TLS. Reviewed: no deviations.', source = 'AWS documentation: Encryption at rest (Amazon Connect) (https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html); AWS documentation: Encryption in transit (Amazon Connect) (https://docs.aws.amazon.com/connect/latest/adminguide/encryption-in-transit.html); srm review' WHERE provider = 'aws' AND service_namespace = 'app-integrations';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Application Auto Scaling, which adjusts the capacity of the customer''s scalable targets (ECS services, DynamoDB tables, Aurora replicas, Lambda concurrency and others) by its policies; clients call it over TLS with perfect forward secrecy and IAM-signed requests. The scaled resources answer under their own services. Reviewed: no deviations.', source = 'AWS documentation: Infrastructure security in Application Auto Scaling (https://docs.aws.amazon.com/autoscaling/application/userguide/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'application-autoscaling';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Application Insights, which finds the components of the customer''s application, sets up metrics, logs and alarms and opens OpsItems for detected problems. On EC2 instances it needs the SSM Agent, which the customer installs, and it installs and configures the CloudWatch agent there, so agents run under the customer''s operating system, as for Application Signals. Reviewed: operating-system deviation.', source = 'AWS documentation: Prerequisites (CloudWatch Application Insights) (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/appinsights-prereqs.html); AWS documentation: What is Amazon CloudWatch Application Insights? (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/appinsights-what-is.html); srm review' WHERE provider = 'aws' AND service_namespace = 'applicationinsights';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Application Testing, the Mainframe Modernization feature that runs functional-equivalence test cases; the customer creates the test environment configurations and the test cases, and batch test cases read and change the customer''s business data (database and data set records). The environments under test answer under their own services (m2, ec2). Reviewed: no deviations.', source = 'AWS documentation: Create test cases in AWS Mainframe Modernization Application Testing (https://docs.aws.amazon.com/m2/latest/userguide/testing-test-cases.html); srm review' WHERE provider = 'aws' AND service_namespace = 'apptest';
UPDATE srm.service SET reviewed = true, rationale = 'Alexa Skills Kit skills are created from a skill package, which holds the components of the skill and which the customer keeps in an Amazon S3 bucket, and are authenticated to the Alexa service with the customer''s Login with Amazon client ID, secret and refresh token; Amazon runs the Alexa service. The skill''s own content and logic are the customer''s. The page was read in its China Regions edition. Reviewed: application deviation.', source = 'AWS documentation: AWS CloudFormation: Alexa::ASK::Skill (read in its China Regions edition) (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/alexa-resource-ask-skill.html); srm review' WHERE provider = 'aws' AND service_namespace = 'ask';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs AWS Auto Scaling, whose scaling plans drive EC2 Auto Scaling and Application Auto Scaling to change the capacity of Aurora replicas, Auto Scaling groups, ECS services, DynamoDB tables and Spot Fleets; clients call it over TLS with perfect forward secrecy and signed requests. The customer defines the plans and strategies; the scaled resources answer under their own services. AWS recommends predictive scaling policies of Auto Scaling groups over plans used only for that. Reviewed: no deviations.', source = 'AWS documentation: AWS Auto Scaling: Infrastructure security (https://docs.aws.amazon.com/autoscaling/plans/userguide/infrastructure-security.html); AWS documentation: What is a scaling plan? (https://docs.aws.amazon.com/autoscaling/plans/userguide/what-is-a-scaling-plan.html); srm review' WHERE provider = 'aws' AND service_namespace = 'autoscaling-plans';
UPDATE srm.service SET reviewed = true, rationale = 'Claude Platform on AWS is operated by Anthropic, not by AWS: Claude models run on infrastructure Anthropic manages, inference may be routed to Anthropic''s primary cloud and data may not reside in AWS, and Anthropic and AWS act as independent data processors. AWS provides the authentication layer, IAM-based access control and billing through AWS Marketplace. The page was read in translated editions whose text is English. Reviewed: application, platform, operating-system, data, virtualization, hardware and facilities deviations (the partner''s part).', source = 'AWS documentation: What is Claude Platform on AWS? (read in its Italian and Indonesian editions, whose text is English) (https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html); srm review' WHERE provider = 'aws' AND service_namespace = 'aws-external-anthropic';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs B2B Data Interchange, which transforms EDI documents to and from JSON and XML; the input, output and instruction documents are kept in Amazon S3 buckets of the customer''s own account and Region, whose bucket policies the customer sets. AWS protects the global infrastructure; the customer keeps control over its content and the service''s security configuration. Reviewed: no deviations.', source = 'AWS documentation: Data protection in AWS B2B Data Interchange (read in its Italian edition, whose text is English) (https://docs.aws.amazon.com/b2bi/latest/userguide/data-protection.html); AWS documentation: Prerequisites for using AWS B2B Data Interchange (read in its German edition, whose text is English) (https://docs.aws.amazon.com/b2bi/latest/userguide/b2bi-prereq.html); srm review' WHERE provider = 'aws' AND service_namespace = 'b2bi';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Billing and Cost Management Dashboards, collections of widgets over the customer''s cost and usage data; the customer grants IAM access to the Billing and Cost Management console and decides whether a dashboard is shared within or outside its organization (through AWS RAM). Reviewed: no deviations.', source = 'AWS documentation: Getting started with dashboards - AWS Cost Management (https://docs.aws.amazon.com/cost-management/latest/userguide/dashboards-getting-started.html); srm review' WHERE provider = 'aws' AND service_namespace = 'bcm-dashboards';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs the Pricing Calculator of Billing and Cost Management, whose API creates estimates of the customer''s planned cloud use, modelling usage and commitments (Savings Plans, Reserved Instances) and pricing them with the customer''s own discounts and benefit sharing preferences, through a single HTTPS endpoint. Billing and Cost Management is reached over TLS with perfect forward secrecy and IAM-signed requests. The estimates are the customer''s data. Reviewed: no deviations.', source = 'AWS documentation: AWS CLI Command Reference: bcm-pricing-calculator (https://docs.aws.amazon.com/cli/v1/reference/bcm-pricing-calculator/index.html); AWS documentation: Infrastructure security in AWS Billing and Cost Management (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'bcm-pricing-calculator';
UPDATE srm.service SET reviewed = true, rationale = 'bedrock-mantle is the Amazon Bedrock endpoint that serves the Responses, Messages and Chat Completions APIs for Bedrock models; AWS runs it as part of Amazon Bedrock, whose data protection applies: the customer keeps control over its prompts, responses and the service''s security configuration. Reviewed: no deviations.', source = 'AWS documentation: APIs supported by Amazon Bedrock (https://docs.aws.amazon.com/bedrock/latest/userguide/apis.html); AWS documentation: Amazon Bedrock: Data protection (https://docs.aws.amazon.com/bedrock/latest/userguide/data-protection.html); srm review' WHERE provider = 'aws' AND service_namespace = 'bedrock-mantle';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Amazon Connect Cases; everything the customer puts in case fields, comments, field descriptions and templates is encrypted at rest with keys that the Cases service owns, manages, monitors and rotates (AWS owned keys), and case event payloads pass briefly through EventBridge, encrypted, before reaching the customer''s default bus. Data exchanged with Amazon Connect travels over TLS. The case content is the customer''s. Reviewed: server-side-encryption deviation (AWS owned keys only; no customer key setting is documented).', source = 'AWS documentation: Encryption at rest (Amazon Connect) (https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html); AWS documentation: Encryption in transit (Amazon Connect) (https://docs.aws.amazon.com/connect/latest/adminguide/encryption-in-transit.html); srm review' WHERE provider = 'aws' AND service_namespace = 'cases';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Service Catalog (portfolios and products have arn:aws:catalog ARNs) on S3 and DynamoDB stores encrypted at rest with Amazon managed keys; callers use TLS, and VPC endpoints keep traffic on the AWS network. The customer''s administrators define portfolios, products (its own CloudFormation templates) and constraints, and choose the Regions products are available in; provisioned resources answer under their own services. Reviewed: no deviations (Amazon managed keys with no customer setting named was not read as excluding one).', source = 'AWS documentation: Data Protection in AWS Service Catalog (https://docs.aws.amazon.com/servicecatalog/latest/adminguide/data-protection.html); AWS documentation: Infrastructure Security in AWS Service Catalog (https://docs.aws.amazon.com/servicecatalog/latest/adminguide/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'catalog';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs the service (now Amazon Q Developer in chat applications) that forwards SNS notifications to the customer''s chat channels and runs CLI commands from them; clients call it over TLS with perfect forward secrecy and signed requests. The customer chooses the channels, the IAM roles and guardrail policies commands run with, and what it sends through the chat platform; by default AWS keeps configurations and interaction data to improve the service unless the customer opts out. Reviewed: no deviations.', source = 'AWS documentation: Security in AWS Chatbot (https://docs.aws.amazon.com/chatbot/latest/adminguide/security.html); AWS documentation: Infrastructure security in AWS Chatbot (https://docs.aws.amazon.com/chatbot/latest/adminguide/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'chatbot';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Clean Rooms ML and its own lookalike models; for custom models, the model provider (a collaboration member) authors the training and inference containers on SageMaker AI base images, and Clean Rooms ML runs that code in its own execution environment with the data of all parties. Reviewed: application and platform deviations (custom model containers).', source = 'AWS documentation: Model authoring guidelines for the training container - AWS Clean Rooms (https://docs.aws.amazon.com/clean-rooms/latest/userguide/custom-model-guidelines.html); AWS documentation: Model authoring guidelines for the inference container - AWS Clean Rooms (https://docs.aws.amazon.com/clean-rooms/latest/userguide/inference-model-guidelines.html); srm review' WHERE provider = 'aws' AND service_namespace = 'cleanrooms-ml';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs CodeConnections, a feature of a managed service protected by AWS global network security; clients use TLS with perfect forward secrecy and IAM-signed requests. The customer authorizes each connection to its repositories at a third-party provider and agrees that information about a connection may be stored and processed in Regions other than the one where it is used. Reviewed: no deviations.', source = 'AWS documentation: Infrastructure security in AWS CodeStar Notifications and AWS CodeConnections (https://docs.aws.amazon.com/dtconsole/latest/userguide/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'codeconnections';
UPDATE srm.service SET reviewed = true, rationale = 'The earlier namespace of AWS CodeConnections (connections created before the rename keep codestar-connections ARNs); the same page covers it: AWS global network security, TLS with perfect forward secrecy, IAM-signed requests, and connection information that may be stored and processed outside the Region by the customer''s agreement. Reviewed: no deviations.', source = 'AWS documentation: Infrastructure security in AWS CodeStar Notifications and AWS CodeConnections (https://docs.aws.amazon.com/dtconsole/latest/userguide/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'codestar-connections';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs CodeStar Notifications, a feature of the Developer Tools console protected by AWS global network security; clients use TLS with perfect forward secrecy and IAM-signed requests. The customer chooses the notification rules, their targets (SNS topics, chat channels) and what the notifications carry. Reviewed: no deviations.', source = 'AWS documentation: Infrastructure security in AWS CodeStar Notifications and AWS CodeConnections (https://docs.aws.amazon.com/dtconsole/latest/userguide/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'codestar-notifications';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Compute Optimizer, which analyses the configuration and utilization metrics of the customer''s EC2 instances, Auto Scaling groups, Lambda functions, EBS volumes and ECS services on Fargate with machine learning and recommends changes; the customer decides whether to move or resize them, and those resources answer under their own services. In AWS GovCloud (US) only FIPS endpoints are offered, which the customer''s CLI and SDK must be set to use. Reviewed: no deviations.', source = 'AWS documentation: AWS Compute Optimizer in AWS GovCloud (US) (https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-compute-optimizer.html); AWS documentation: AWS SDK for Java 2.x reference: package software.amazon.awssdk.services.computeoptimizer (https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/services/computeoptimizer/package-summary.html); srm review' WHERE provider = 'aws' AND service_namespace = 'compute-optimizer';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs the Data Pipeline web service, which schedules the customer''s pipeline definitions (its business logic) and creates EC2 instances and EMR clusters for their activities, installing Task Runner on them; the customer may instead install Task Runner on a computational resource it manages, such as a long-running EC2 instance or an on-premises server, and keep it and the host up to date. The EC2 and EMR resources answer under their own services. The English pages of its guide say it is no longer available to new customers while existing customers continue to use it, so it is not marked retired. Reviewed: operating-system deviation (Task Runner on the customer''s own hosts) and virtualization, hardware and facilities deviations (on-premises servers).', source = 'AWS documentation: Task Runners (AWS Data Pipeline) (https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-how-remote-taskrunner-client.html); AWS documentation: Pipeline Object Reference (AWS Data Pipeline) (https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-pipeline-objects.html); srm review' WHERE provider = 'aws' AND service_namespace = 'datapipeline';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Amazon Data Lifecycle Manager, which creates, copies, archives and deletes the customer''s EBS snapshots and EBS-backed AMIs by the customer''s lifecycle policies, acting through default IAM roles in the customer''s account. The customer writes the policies and must give those roles the use of the KMS keys of encrypted volumes and of the keys for encryption in cross-Region copies; the snapshots and AMIs answer under ec2. Reviewed: no deviations.', source = 'AWS documentation: Permissions for encryption (Amazon Data Lifecycle Manager) (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/dlm-access-cmk.html); AWS documentation: Permissions for users (Amazon Data Lifecycle Manager) (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/dlm-access-control.html); srm review' WHERE provider = 'aws' AND service_namespace = 'dlm';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Elemental Inference, which applies its machine learning features (smart crop, event clipping, subtitles) to the live media of a feed; the customer creates the feed, associates its MediaLive channel as the source and may give an IAM access role that the service assumes to read its template images from Amazon S3. Reviewed: no deviations.', source = 'AWS documentation: Creating an Elemental Inference feed using the CLI (https://docs.aws.amazon.com/elemental-inference/latest/userguide/create-feed-cli.html); srm review' WHERE provider = 'aws' AND service_namespace = 'elemental-inference';
UPDATE srm.service SET reviewed = true, rationale = 'Retired: AWS ends support for CloudWatch Evidently on October 16, 2025; after that date the Evidently console and resources can no longer be accessed. The model records how it ran: AWS ran the feature launch and A/B experiment service; the customer''s application called it to evaluate features and send events, and evaluation events could be stored in the customer''s CloudWatch Logs or S3 bucket, optionally with SSE-KMS under its own key. Reviewed: retired, no deviations.', source = 'AWS documentation: Create projects, features, launches, and experiments (CloudWatch Evidently) (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Evidently-projectsfeatures.html); AWS documentation: Evidently project data storage in CloudWatch (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Evidently-datastorage.html); srm review' WHERE provider = 'aws' AND service_namespace = 'evidently';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Amazon Connect Health, whose ambient documentation agent transcribes patient-clinician conversations streamed by the customer''s application and generates clinical notes into an S3 bucket of the customer; the output is probabilistic and must be reviewed by a trained medical professional, the customer needs a consent process for its patients and grants the IAM permissions to start sessions. Reviewed: no deviations.', source = 'AWS documentation: Ambient documentation - Amazon Connect Health (https://docs.aws.amazon.com/connecthealth/latest/userguide/ambient-documentation.html); AWS documentation: Getting started with ambient documentation - Amazon Connect Health (https://docs.aws.amazon.com/connecthealth/latest/userguide/al-getting-started.html); srm review' WHERE provider = 'aws' AND service_namespace = 'health-agent';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Interconnect, which provides managed connections between the customer''s AWS network resources and a partner''s network over MACsec-encrypted links; on the partner''s network, the level of protection in transit is what the partner documents. The API is reached with TLS and IAM-signed requests. Reviewed: network-traffic deviation (the partner''s part).', source = 'AWS documentation: Infrastructure security in AWS Interconnect (https://docs.aws.amazon.com/interconnect/latest/userguide/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'interconnect';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Internet Monitor on connectivity data it already measures between its Regions and CloudFront points of presence and the networks of the internet, with its own probes; the customer chooses the resources whose traffic is monitored and keeps control over its content, which AWS''s infrastructure hosts. Reviewed: no deviations.', source = 'AWS documentation: Data protection and data privacy with Amazon CloudWatch Internet Monitor (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-IM-privacy.html); AWS documentation: How Amazon CloudWatch Internet Monitor works (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-IM-inside-internet-monitor.html); srm review' WHERE provider = 'aws' AND service_namespace = 'internetmonitor';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Invoice Configuration, with which the customer groups its accounts into invoice units, chooses the account that receives each unit''s invoices and reads the receiver''s business legal name, address and invoicing contacts. It is part of Billing and Cost Management, reached over TLS with IAM-signed requests. Only API descriptions were found. Reviewed: no deviations.', source = 'AWS documentation: AWS CLI Command Reference: invoicing (https://docs.aws.amazon.com/cli/latest/reference/invoicing/index.html); AWS documentation: Infrastructure security in AWS Billing and Cost Management (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'invoicing';
UPDATE srm.service SET reviewed = true, rationale = 'Retired: the AWS CLI and SDK references say the AWS IoT Things Graph service is discontinued. The model records how it ran: AWS ran the flow service and used AWS IoT''s security features (X.509 certificates, IoT policies, IAM roles) for cloud deployments, with an IAM role the customer created to run its flows; flows deployed to AWS IoT Greengrass ran on the customer''s core devices, which are greengrass assets in their own right. Reviewed: retired, no deviations.', source = 'AWS documentation: AWS IoT Things Graph Security (https://docs.aws.amazon.com/thingsgraph/latest/ug/tg-security.html); AWS documentation: AWS CLI Command Reference: iotthingsgraph (https://docs.aws.amazon.com/cli/latest/reference/iotthingsgraph/index.html); srm review' WHERE provider = 'aws' AND service_namespace = 'iotthingsgraph';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs IoT TwinMaker; workspace data goes to an S3 bucket the service creates with default server-side encryption, or to the customer''s own bucket, where the customer should turn default encryption on; all traffic is HTTPS. The customer''s data connectors and the devices and stores they read answer under their own services. Reviewed: no deviations.', source = 'AWS documentation: Data protection in AWS IoT TwinMaker (https://docs.aws.amazon.com/iot-twinmaker/latest/guide/data-protection.html); AWS documentation: Infrastructure Security in AWS IoT TwinMaker (https://docs.aws.amazon.com/iot-twinmaker/latest/guide/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'iottwinmaker';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Amazon Kendra Intelligent Ranking''s Rescore API with the capacity the customer provisions in a rescore execution plan; the search service whose results it re-ranks is the customer''s, for self-managed OpenSearch with the Intelligent Ranking plugin the customer installs in its own OpenSearch image and configures with the plan ID. Reviewed: application deviation (the plugin in the customer''s search service).', source = 'AWS documentation: Amazon Kendra Intelligent Ranking for self-managed OpenSearch (https://docs.aws.amazon.com/kendra/latest/dg/opensearch-rerank.html); AWS documentation: Semantically ranking a search service''s results - Amazon Kendra (https://docs.aws.amazon.com/kendra/latest/dg/search-service-rerank.html); srm review' WHERE provider = 'aws' AND service_namespace = 'kendra-ranking';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Launch Wizard, which deploys applications (Active Directory, SQL Server, SAP and others) onto EC2 instances in the customer''s VPCs; its security page sends the reader to the EC2 and VPC security chapters for those instances, which are ec2 assets in their own right, patched by the customer. EBS volumes are encrypted with AWS managed keys, or for SAP with a customer managed key the customer chooses. Reviewed: no deviations.', source = 'AWS documentation: AWS Launch Wizard security (https://docs.aws.amazon.com/launchwizard/latest/userguide/launch-wizard-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'launchwizard';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs License Manager, which keeps its data in an S3 bucket of the management account encrypted with S3 managed keys; clients reach it over TLS with perfect forward secrecy and sign requests with IAM or STS credentials. The customer defines the license configurations and rules and who may change them; the instances and software whose licences it tracks answer under their own services. Reviewed: no deviations (the page names S3 managed keys but no customer key setting, which was not read as excluding one).', source = 'AWS documentation: Data protection in AWS License Manager (https://docs.aws.amazon.com/license-manager/latest/userguide/data-protection.html); AWS documentation: Infrastructure security in AWS License Manager (https://docs.aws.amazon.com/license-manager/latest/userguide/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'license-manager';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs the file-based transcoding service; clients call its API over TLS with perfect forward secrecy and signed requests from any network location, as MediaConvert has no resource-based policies. The customer''s media is read from and written to its own S3 buckets under its own encryption settings, and DRM encryption uses keys from the customer''s SPEKE key provider or a static key it enters. Reviewed: no deviations.', source = 'AWS documentation: Infrastructure security in AWS Elemental MediaConvert (https://docs.aws.amazon.com/mediaconvert/latest/ug/infrastructure-security.html); AWS documentation: Encrypting content (MediaConvert) (https://docs.aws.amazon.com/mediaconvert/latest/ug/encrypting-content.html); srm review' WHERE provider = 'aws' AND service_namespace = 'mediaconvert';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Multi-party approval, a capability of Organizations that protects a predefined list of operations with a distributed approval process. The customer forms the approval teams from users of its IAM Identity Center identity source, from its management account, and decides which operations need team approval; the approvers'' decisions are the customer''s. Reviewed: no deviations.', source = 'AWS documentation: Multi-party approval API Reference: Welcome (https://docs.aws.amazon.com/mpa/latest/APIReference/Welcome.html); AWS documentation: View an approval team - Multi-party approval (https://docs.aws.amazon.com/mpa/latest/userguide/admin-view-team.html); srm review' WHERE provider = 'aws' AND service_namespace = 'mpa';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Network Manager and the Cloud WAN core network, from which the customer centrally manages its Cloud WAN and Transit Gateway networks across accounts, Regions and on-premises locations. Its global networks also hold the customer''s sites, devices and links: devices may be physical appliances in the customer''s on-premises network, connected to other appliances or to AWS through Connect peers and VPNs, and those are the customer''s equipment on its premises. Reviewed: hardware and facilities deviations (the customer''s on-premises devices in the global network); only API descriptions were found, on docs.aws.amazon.com.', source = 'AWS documentation: AWS SDK for Kotlin API reference: NetworkManagerClient (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/networkmanager/aws.sdk.kotlin.services.networkmanager/-network-manager-client/); AWS documentation: AWS SDK for Java reference: package com.amazonaws.services.networkmanager (https://docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/services/networkmanager/package-summary.html); srm review' WHERE provider = 'aws' AND service_namespace = 'networkmanager';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Network Monitor, which probes from source subnets of the customer''s VPCs to destination IP addresses on the customer''s own network and publishes the results as CloudWatch metrics; the customer chooses the subnets and destinations, which must be in its own account. Nothing of the service runs on the customer''s hosts. Reviewed: no deviations; only the API description was found, on docs.aws.amazon.com.', source = 'AWS documentation: Amazon CloudWatch Network Monitor API description, AWS SDK for Java 2.x reference: NetworkMonitorClient (https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/services/networkmonitor/NetworkMonitorClient.html); srm review' WHERE provider = 'aws' AND service_namespace = 'networkmonitor';
UPDATE srm.service SET rationale = 'Not reviewed: only the AWS SDK for Go says the service is deprecated and no longer available for use; no page on docs.aws.amazon.com with an end-of-support date was found, and its API reference still describes it without a notice. Placed by the category rule (managed servers AWS patches): Nimble Studio workstations run on AWS-managed streaming instances.', source = 'AWS documentation: Amazon Nimble Studio API Reference: Welcome (https://docs.aws.amazon.com/nimble-studio/latest/APIReference/Welcome.html); srm category rule' WHERE provider = 'aws' AND service_namespace = 'nimble';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs the email contacts of AWS User Notifications (the notifications-contacts API), the addresses that receive the notifications the customer configures; like User Notifications, it is reached over TLS 1.2 or later with perfect forward secrecy and IAM-signed requests. The customer chooses and activates the contacts and what is sent to them. Reviewed: no deviations, from the infrastructure security page of User Notifications, of which the contacts are part.', source = 'AWS documentation: Infrastructure security in AWS User Notifications (https://docs.aws.amazon.com/notifications/latest/userguide/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'notifications-contacts';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Nova Act''s model and workflow service, reached with TLS and IAM-signed requests; the agents the customer builds with the Nova Act SDK are its own code, and AWS asks developers to limit prompt injection by restricting domains, registered tools and local file access and to monitor the agent''s actions. Reviewed: application deviation.', source = 'AWS documentation: Infrastructure security in Nova Act (https://docs.aws.amazon.com/nova-act/latest/userguide/infrastructure-security.html); AWS documentation: Nova Act SDK security (https://docs.aws.amazon.com/nova-act/latest/userguide/sdk-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'nova-act';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Observability Access Manager, the sinks and links of CloudWatch cross-account observability: a monitoring account holds a sink and says which telemetry it accepts, each source account links to it and says which metrics, log groups and traces it shares, and only the source account removes a link. The customer designs this account structure. Reviewed: no deviations.', source = 'AWS documentation: CloudWatch cross-account observability (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Unified-Cross-Account.html); srm review' WHERE provider = 'aws' AND service_namespace = 'oam';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs CloudWatch Observability Admin, which shows the state of the CloudWatch telemetry configuration of the customer''s account or organization and applies the telemetry, centralization and pipeline rules the customer defines; organization-wide rules can be created only from the management account or a delegated administrator. Which resources send which telemetry where is the customer''s decision; the telemetry answers under the services that hold it. Reviewed: no deviations; only API descriptions were found, on docs.aws.amazon.com.', source = 'AWS documentation: AWS SDK for Kotlin API reference: ObservabilityAdminClient (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/observabilityadmin/aws.sdk.kotlin.services.observabilityadmin/-observability-admin-client); AWS documentation: AWS SDK for Java 2.x reference: package software.amazon.awssdk.services.observabilityadmin (https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/services/observabilityadmin/package-summary.html); srm review' WHERE provider = 'aws' AND service_namespace = 'observabilityadmin';
UPDATE srm.service SET rationale = 'Not reviewed: no AWS page found settles who patches the guest operating system and the database software of the Exadata VM clusters. The API reference says the Exadata infrastructure is managed by Oracle Cloud Infrastructure inside AWS data centres, and its VM cluster calls take the customer''s SSH public keys and system versions, but no AWS security or responsibility page was found. Placed by the category rule (you run the OS): the customer manages the guest VMs and database software.', source = 'AWS documentation: Oracle Database@AWS API Reference: Welcome (https://docs.aws.amazon.com/odb/latest/APIReference/Welcome.html); srm category rule' WHERE provider = 'aws' AND service_namespace = 'odb';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Connector for SCEP, an add-on of AWS Private CA that links the customer''s private CA to its SCEP-enabled devices, authenticating each certificate request with a SCEP challenge password before the CA issues a certificate. With a general-purpose connector the customer manages the challenge passwords in Connector for SCEP; with a connector for Microsoft Intune it manages them in Intune, its own mobile device management system. The devices, the CA and the MDM answer under their own rows; revoking certificates is the customer''s call. Reviewed: no deviations (the concepts page was read in its French and Italian editions).', source = 'AWS documentation: AWS Private CA Connector for SCEP API Reference: MobileDeviceManagement (https://docs.aws.amazon.com/pca-connector-scep/latest/APIReference/API_MobileDeviceManagement.html); AWS documentation: Connector for SCEP concepts (https://docs.aws.amazon.com/privateca/latest/userguide/c4scep-concepts.html); srm review' WHERE provider = 'aws' AND service_namespace = 'pca-connector-scep';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Performance Insights, which collects database load data from the customer''s RDS and Aurora instances and keeps it for the retention the customer chooses (7 days free, up to 24 months); it encrypts all potentially sensitive data in flight and at rest with the KMS key the customer specifies. The databases answer under rds. Reviewed: no deviations.', source = 'AWS documentation: Turning Performance Insights on and off (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.Enabling.html); srm review' WHERE provider = 'aws' AND service_namespace = 'pi';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs PricingPlanManager, with which the customer creates, modifies and cancels flat-rate pricing plan subscriptions (CloudFront is currently the only plan family); the caller needs IAM permissions for its actions. Reviewed: no deviations.', source = 'AWS documentation: Getting started with the PricingPlanManager API - AWS Flat-Rate Plans (https://docs.aws.amazon.com/PricingPlanManager/latest/UserGuide/getting-started-pricingplanmanager-api.html); srm review' WHERE provider = 'aws' AND service_namespace = 'pricingplanmanager';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Amazon Connect Customer Profiles and encrypts all its data at rest through AWS KMS; each domain is created with a KMS key of the customer''s, which it creates, owns and manages and may switch, and the service uses it through a grant. Data exchanged with Amazon Connect travels over TLS. The profiles are the customer''s data. Reviewed: no deviations (the model''s server-side encryption value, AWS encrypting under the customer''s key choice, stands).', source = 'AWS documentation: Encryption at rest (Amazon Connect) (https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html); AWS documentation: Encryption in transit (Amazon Connect) (https://docs.aws.amazon.com/connect/latest/adminguide/encryption-in-transit.html); srm review' WHERE provider = 'aws' AND service_namespace = 'profile';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs the resource sharing service on its global network; clients call it over TLS with cipher suites offering perfect forward secrecy and sign requests with an IAM principal''s keys or temporary credentials. The customer decides which resources it shares with which accounts, organizational units or principals, and keeps control over its content and the service''s security configuration. The shared resources answer under their own services. Reviewed: no deviations.', source = 'AWS documentation: Data protection in AWS RAM (https://docs.aws.amazon.com/ram/latest/userguide/security-data-protection.html); AWS documentation: Infrastructure security in AWS RAM (https://docs.aws.amazon.com/ram/latest/userguide/security-infrastructure.html); srm review' WHERE provider = 'aws' AND service_namespace = 'ram';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Recycle Bin, which keeps deleted EBS snapshots and EBS-backed AMIs for the retention period the customer''s retention rules set (by tag or for a whole Region) and deletes them for good when it ends unless the customer restores them. The customer creates the rules in each Region it wants protected; the retained resources answer under ec2. Reviewed: no deviations.', source = 'AWS documentation: Recycle Bin (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/recycle-bin.html); srm review' WHERE provider = 'aws' AND service_namespace = 'rbin';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Route 53 Global Resolver, an internet-accessible anycast DNS resolver in two or more Regions the customer chooses, answering its clients over DNS port 53, DNS-over-TLS or DNS-over-HTTPS. The customer configures how clients authenticate (tokens for DoH and DoT, or IP access sources), the DNS filtering policies and domain lists that allow, block or alert, and the DNS views that decide which clients may resolve its private hosted zones. Reviewed: no deviations.', source = 'AWS documentation: How Route 53 Global Resolver works (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/gr-how-it-works.html); AWS documentation: AWS CLI Command Reference: route53globalresolver (https://docs.aws.amazon.com/cli/latest/reference/route53globalresolver/index.html); srm review' WHERE provider = 'aws' AND service_namespace = 'route53globalresolver';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs RTB Fabric, the private network fabric that connects real-time bidding applications through gateways and links; it does not host the applications, and the customer keeps control over its applications, data and bidding decisions. The applications answer under the services that run them (ec2, eks). Reviewed: no deviations.', source = 'AWS documentation: What is AWS RTB Fabric? (https://docs.aws.amazon.com/rtb-fabric/latest/userguide/what-is-rtb-fabric.html); srm review' WHERE provider = 'aws' AND service_namespace = 'rtbfabric';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs S3 Files, a shared file system over the customer''s S3 bucket built on Amazon EFS, mounted from the customer''s compute; data at rest in the file system is encrypted with an AWS owned KMS key by default or with a customer managed key the customer chooses, and the customer keeps control over its content and the security configuration. Reviewed: no deviations.', source = 'AWS documentation: Security for S3 Files (https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-files-security.html); AWS documentation: S3 Files encryption (https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-files-encryption.html); srm review' WHERE provider = 'aws' AND service_namespace = 's3files';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs AWS Supply Chain and protects the global infrastructure; the customer keeps control over the supply chain data of its instance and the service''s security configuration, and should keep sensitive information out of names and free-form fields. Reviewed: no deviations.', source = 'AWS documentation: Data protection in AWS Supply Chain (https://docs.aws.amazon.com/aws-supply-chain/latest/adminguide/data-protection.html); srm review' WHERE provider = 'aws' AND service_namespace = 'scn';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs SimpleDB, a managed store of the customer''s domains and items; requests go over HTTPS, signed with HMAC-SHA with the keys of an IAM user or with temporary security credentials, and requests with expired credentials are denied. The items are the customer''s data. Reviewed: no deviations.', source = 'AWS documentation: Using Temporary Security Credentials - Amazon SimpleDB (https://docs.aws.amazon.com/AmazonSimpleDB/latest/DeveloperGuide/UsingTemporarySecurityCredentials_SDB.html); srm review' WHERE provider = 'aws' AND service_namespace = 'sdb';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs the Cloud Map service registry on its global network; clients reach its API over TLS with perfect forward secrecy and IAM-signed requests. The customer registers its services and instances, chooses public or private DNS namespaces and controls access with IAM. The resources it names answer under their own services. Reviewed: no deviations.', source = 'AWS documentation: Security in AWS Cloud Map (https://docs.aws.amazon.com/cloud-map/latest/dg/security.html); AWS documentation: Infrastructure security in AWS Cloud Map (https://docs.aws.amazon.com/cloud-map/latest/dg/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'servicediscovery';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Signer, a fully managed code-signing service that signs and verifies the customer''s code artifacts, Lambda deployment packages and container images, under signing profiles the customer creates. For Lambda and container images Signer manages the code-signing certificate and keys; for IoT workflows the customer imports its own code-signing certificate into ACM. Signing is integrity protection applied before the code is deployed, srm''s client-side layer, so that layer is shared. Reviewed: client-side-encryption deviation.', source = 'AWS documentation: Create a Signer signing profile (https://docs.aws.amazon.com/signer/latest/developerguide/signing-profiles.html); srm review' WHERE provider = 'aws' AND service_namespace = 'signer';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs the GUI connection service behind Fleet Manager Remote Desktop, powered by NICE DCV, which opens RDP sessions to the customer''s Windows Server instances from the Systems Manager console without inbound ports. The instances must be managed nodes running a minimum SSM Agent version, which the customer installs and keeps updated, and the customer configures the IAM permissions and authentication of the connections. The instances answer under ec2. Reviewed: operating-system deviation (the SSM Agent on the customer''s nodes).', source = 'AWS documentation: Connect to a managed node using Remote Desktop (https://docs.aws.amazon.com/systems-manager/latest/userguide/fleet-rdp.html); AWS documentation: Infrastructure security in AWS Systems Manager (https://docs.aws.amazon.com/systems-manager/latest/userguide/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'ssm-guiconnect';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Quick Setup, a capability of Systems Manager that deploys recommended configurations (instance profile roles, patch scans, inventory, agents) across the customer''s accounts and Regions and corrects drift from them; Systems Manager is reached over TLS with perfect forward secrecy and IAM-signed requests. Its Host Management configuration lets the customer choose to have Systems Manager update the SSM Agent every two weeks and install and update the CloudWatch agent on its nodes, so agent updates that AWS publishes reach the customer''s operating system when the customer opts in. The nodes answer under their own services. Reviewed: operating-system deviation.', source = 'AWS documentation: AWS Systems Manager Quick Setup (https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-quick-setup.html); AWS documentation: Quick Setup Host Management (https://docs.aws.amazon.com/systems-manager/latest/userguide/quick-setup-host-management.html); AWS documentation: Infrastructure security in AWS Systems Manager (https://docs.aws.amazon.com/systems-manager/latest/userguide/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'ssm-quicksetup';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs the AWS Support App, which lets the customer''s team create, update and resolve support cases, attach files and request quota increases from Slack channels, keeping the cases in step with the Support Center Console; AWS Support is reached over TLS with perfect forward secrecy and signed requests. The customer chooses the Slack workspaces and channels and the IAM role the app uses, and what it shares there. Reviewed: no deviations.', source = 'AWS documentation: AWS Support App in Slack (https://docs.aws.amazon.com/awssupport/latest/user/aws-support-app-for-slack.html); AWS documentation: Infrastructure security in AWS Support (https://docs.aws.amazon.com/awssupport/latest/user/infrastructure-security.html); srm review' WHERE provider = 'aws' AND service_namespace = 'supportapp';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs Support authorization, with which the customer controls which actions AWS Support may take on its resources: each support permit is signed with a customer managed KMS key the customer controls, AWS Support cannot access the information of a request the customer does not approve, and the information obtained may be accessed from outside the Region where the data is stored. Reviewed: no deviations.', source = 'AWS documentation: AWS Support authorization (https://docs.aws.amazon.com/awssupport/latest/user/support-authorization.html); srm review' WHERE provider = 'aws' AND service_namespace = 'supportauthz';
UPDATE srm.service SET reviewed = true, rationale = 'AWS runs User Experience Customization, with which account administrators set how the AWS Management Console looks for the account (account color, visible services and Regions); these settings only change what the console shows and do not restrict access through the CLI, SDKs or APIs, which stays with IAM. Only API descriptions were found. Reviewed: no deviations.', source = 'AWS documentation: AWS User Experience Customization API Reference: Welcome (https://docs.aws.amazon.com/awsconsolehelpdocs/latest/APIReference/Welcome.html); srm review' WHERE provider = 'aws' AND service_namespace = 'uxc';

-- service: 32 rows
INSERT INTO srm.service (provider, service_namespace, arn_namespace, name, model_id, reviewed, cfn_namespaces, botocore_services, rationale, source) VALUES
  ('aws', 'a4b', 'a4b', 'Alexa for Business', 'aws-abstracted', true, '{}'::text[], ARRAY['alexaforbusiness']::text[], 'Retired: the AWS SDK references say Alexa for Business has been retired and is no longer supported; no page on how it ran was read. Added for the a4b namespace of the Service Authorization Reference. Reviewed: retired, no deviations.', 'AWS documentation: AWS SDK for Java API Reference: package com.amazonaws.services.alexaforbusiness (read in its China Regions edition) (https://docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/services/alexaforbusiness/package-summary.html); srm review'),
  ('aws', 'account', 'account', 'AWS Account Management', 'aws-abstracted', true, '{}'::text[], ARRAY['account']::text[], 'AWS runs Account Management, through which the customer keeps its account''s primary and alternate contacts (billing, operations, security) and Regions; AWS sends its security and operational notices to those contacts. For member accounts of an organization, a user of the management or delegated administrator account can change them centrally once trusted access is enabled. Reviewed: no deviations.', 'AWS documentation: Update the alternate contacts for your AWS account (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html); srm review'),
  ('aws', 'artifact', 'artifact', 'AWS Artifact', 'aws-abstracted', true, '{}'::text[], ARRAY['artifact']::text[], 'AWS runs Artifact, which gives on-demand access to AWS''s own security and compliance reports and to agreements the customer can accept for its account or organization; reports are downloaded after accepting their terms. The customer decides with IAM policies (AWS managed read-only policies for reports and for agreements, or its own) who may list, view and download reports and accept agreements, and keeps the downloaded reports confidential. srm''s attestation table names the reports an auditor obtains here. Reviewed: no deviations.', 'AWS documentation: Using AWS managed policies for AWS Artifact (https://docs.aws.amazon.com/artifact/latest/ug/security-iam-awsmanpol.html); AWS documentation: Data retrieval APIs for AWS Artifact (https://docs.aws.amazon.com/online-register/latest/data-formats/awsartifact.html); srm review'),
  ('aws', 'aws-marketplace', 'aws-marketplace', 'AWS Marketplace', 'aws-abstracted', true, '{}'::text[], ARRAY['marketplace-catalog']::text[], 'AWS runs the Marketplace catalog and subscriptions; the customer controls with IAM who may list, subscribe to and launch subscribed software. The software itself comes from third-party sellers: AMI products run on the customer''s own EC2 instances (ec2 assets), and SaaS products run in the seller''s environment, reached through an account on the seller''s website. AWS may share the subscriber''s contact information, company name, address and usage fees with sellers for support, activation and their sales compensation, so a third party takes part in handling that data. The management portal namespace (aws-marketplace-management) is an alias. Reviewed: data deviation (subscriber information shared with sellers).', 'AWS documentation: Security on AWS Marketplace (buyer guide) (https://docs.aws.amazon.com/marketplace/latest/buyerguide/buyer-security.html); AWS documentation: Software as a service (SaaS) products (AWS Marketplace buyer guide) (https://docs.aws.amazon.com/marketplace/latest/buyerguide/buyer-saas-products.html); srm review'),
  ('aws', 'clouddirectory', 'clouddirectory', 'Amazon Cloud Directory', 'aws-abstracted', true, '{}'::text[], ARRAY['clouddirectory']::text[], 'AWS runs Cloud Directory, a managed directory for application objects and their relationships; its data is encrypted at rest and in transit, it is reached with TLS and IAM-signed requests, and the customer''s schemas and objects are its content. Its guide says that it "is no longer be open to new customers" (sic) and names Amazon DynamoDB and Amazon Neptune as alternatives; no end-of-support date was found, so it is not marked retired. Reviewed: no deviations.', 'AWS documentation: Infrastructure Security in Amazon Cloud Directory (https://docs.aws.amazon.com/clouddirectory/latest/developerguide/infrastructure-security.html); AWS documentation: Directory Objects - Amazon Cloud Directory (https://docs.aws.amazon.com/clouddirectory/latest/developerguide/directory_objects.html); srm review'),
  ('aws', 'cloudsearch', 'cloudsearch', 'Amazon CloudSearch', 'aws-abstracted', true, '{}'::text[], ARRAY['cloudsearch', 'cloudsearchdomain']::text[], 'AWS runs CloudSearch''s search domains; the customer controls with IAM access policies, separately, who may use the configuration service and each domain''s document, search and suggest services. Requests must be signed with an access key unless the customer allows anonymous access to a domain''s upload, search or suggest service. The indexed documents are the customer''s. Reviewed: no deviations.', 'AWS documentation: Configuring Access for Amazon CloudSearch (https://docs.aws.amazon.com/cloudsearch/latest/developerguide/configuring-access.html); srm review'),
  ('aws', 'cloudshell', 'cloudshell', 'AWS CloudShell', 'aws-container', true, '{}'::text[], '{}'::text[], 'AWS runs CloudShell''s browser-based shell environments on its global network and by default installs security patches for the system packages of the customer''s compute environments itself; clients use TLS 1.2 or later with perfect forward secrecy. The customer controls access with IAM policies (including file upload and download), and whatever it installs or scripts in its environment, third-party applications included, falls under the shared responsibility model as the customer''s. The container model fits: AWS keeps the operating system, the customer what it brings. Reviewed: no deviations.', 'AWS documentation: Infrastructure security in AWS CloudShell (https://docs.aws.amazon.com/cloudshell/latest/userguide/infrastructure-security.html); AWS documentation: Security best practices for AWS CloudShell (https://docs.aws.amazon.com/cloudshell/latest/userguide/security-best-practices.html); srm review'),
  ('aws', 'codeguru-security', 'codeguru-security', 'Amazon CodeGuru Security', 'aws-abstracted', true, '{}'::text[], ARRAY['codeguru-security']::text[], 'Retired: AWS discontinued support for Amazon CodeGuru Security on November 20, 2025; after that date its console, resources and documentation can no longer be accessed. The model records how it ran: AWS scanned the customer''s code with program analysis and machine learning and suggested fixes, and the customer changed its code and re-ran the scan. Reviewed: retired, no deviations.', 'AWS documentation: AWS CLI Command Reference: codeguru-security (https://docs.aws.amazon.com/cli/latest/reference/codeguru-security/index.html); AWS documentation: Address findings - Amazon CodeGuru Security (https://docs.aws.amazon.com/codeguru/latest/security-ug/address-findings.html); srm review'),
  ('aws', 'cost-optimization-hub', 'cost-optimization-hub', 'AWS Cost Optimization Hub', 'aws-abstracted', true, '{}'::text[], ARRAY['cost-optimization-hub']::text[], 'AWS runs Cost Optimization Hub, which gathers and quantifies cost optimization recommendations across the customer''s Regions and the accounts of its organization. The customer opts accounts in or out (the management account or a delegated administrator can enroll member accounts), needs permissions it grants to opt in and view recommendations, and on opt-in the service creates a service-linked role in the account to read its data; acting on a recommendation falls on the resource''s own row. Reviewed: no deviations; read from the AWS CLI reference.', 'AWS documentation: AWS CLI Command Reference: cost-optimization-hub update-enrollment-status (https://docs.aws.amazon.com/cli/latest/reference/cost-optimization-hub/update-enrollment-status.html); srm review'),
  ('aws', 'discovery', 'discovery', 'AWS Application Discovery Service', 'aws-abstracted', true, '{}'::text[], ARRAY['discovery']::text[], 'AWS runs Application Discovery Service in the customer''s Migration Hub home Region. The Discovery Agent is software the customer installs, with root privileges, on its on-premises physical servers and VMs (or EC2 instances), and the Agentless Collector is an OVA appliance the customer deploys into its VMware vCenter; both collect configuration, performance and network data about the customer''s servers. The agents register with the service''s arsenal endpoints, so that SAR namespace (arsenal) is an alias. Reviewed: operating-system, virtualization, hardware and facilities deviations (the agent and collector in the customer''s environment).', 'AWS documentation: AWS Application Discovery Agent (https://docs.aws.amazon.com/application-discovery/latest/userguide/discovery-agent.html); AWS documentation: What is AWS Application Discovery Service? (https://docs.aws.amazon.com/application-discovery/latest/userguide/what-is-appdiscovery.html); srm review'),
  ('aws', 'elastic-inference', 'elastic-inference', 'Amazon Elastic Inference', 'aws-abstracted', true, '{}'::text[], ARRAY['elastic-inference']::text[], 'Retired: the AWS CLI reference says Amazon Elastic Inference is no longer available; AWS stopped onboarding new customers on April 15, 2023. The model records how it ran: AWS ran the inference accelerators the customer attached to its instances in Amazon SageMaker, Amazon ECS or Amazon EC2, which answer under their own services. Reviewed: retired, no deviations.', 'AWS documentation: AWS CLI Command Reference: elastic-inference (https://docs.aws.amazon.com/cli/latest/reference/elastic-inference/index.html); srm review'),
  ('aws', 'elastictranscoder', 'elastictranscoder', 'Amazon Elastic Transcoder', 'aws-abstracted', true, '{}'::text[], ARRAY['elastictranscoder']::text[], 'Retired: AWS discontinued support for Amazon Elastic Transcoder on November 13, 2025; after that date its console and resources can no longer be accessed, and AWS Elemental MediaConvert (mediaconvert) is the way forward. The model records how it ran: a RESTful web service over HTTPS with signed requests, whose pipelines in a Region read the customer''s media from and wrote it to the customer''s S3 buckets. Reviewed: retired, no deviations.', 'AWS documentation: Accessing Elastic Transcoder (https://docs.aws.amazon.com/elastictranscoder/latest/developerguide/accessing.html); srm review'),
  ('aws', 'health', 'health', 'AWS Health', 'aws-abstracted', true, '{}'::text[], ARRAY['health']::text[], 'AWS runs AWS Health and encrypts everything it stores at rest and everything it sends in transit; it does not support customer managed keys and records no personal identifying information in events. The customer decides who may see its account''s events and what it does about them. Read in the page''s China Regions edition (https://docs.amazonaws.cn/en_us/health/latest/ug/data-encryption.html). Reviewed: server-side-encryption deviation (no customer key choice).', 'AWS documentation: Data encryption - AWS Health (https://docs.aws.amazon.com/health/latest/ug/data-encryption.html); srm review'),
  ('aws', 'iot1click', 'iot1click', 'AWS IoT 1-Click', 'aws-abstracted', true, '{}'::text[], ARRAY['iot1click-devices', 'iot1click-projects']::text[], 'Retired: AWS discontinued the AWS IoT 1-Click service on December 16, 2024. The model records how it ran: AWS ran the service that registered the customer''s ready-made devices and routed their events to the customer''s Lambda functions. Reviewed: retired, no deviations.', 'AWS documentation: Document History for Developer Guide (AWS IoT 1-Click) (https://docs.aws.amazon.com/iot-1-click/latest/developerguide/doc-history.html); srm review'),
  ('aws', 'machinelearning', 'machinelearning', 'Amazon Machine Learning', 'aws-abstracted', true, '{}'::text[], ARRAY['machinelearning']::text[], 'AWS runs Amazon Machine Learning, whose datasources, models, evaluations and batch predictions the customer creates from data it grants the service permission to read in Amazon S3; objects unused for two years may be removed. AWS says it is no longer updating the Amazon Machine Learning service or accepting new users; no end-of-support date was found, so it is not marked retired. Reviewed: no deviations.', 'AWS documentation: Amazon Machine Learning Reference (https://docs.aws.amazon.com/machine-learning/latest/dg/amazon-machine-learning-reference.html); AWS documentation: Object Lifetimes - Amazon Machine Learning (https://docs.aws.amazon.com/machine-learning/latest/dg/object-lifetimes.html); srm review'),
  ('aws', 'mgh', 'mgh', 'AWS Migration Hub', 'aws-abstracted', true, '{}'::text[], ARRAY['mgh']::text[], 'AWS runs Migration Hub, which tracks the progress of the customer''s migrations from the data of discovery and migration tools in its home Region; AWS protects the infrastructure, and the customer''s part is set by the service and its own data and requirements. The migrated servers and the tools answer under their own services. Reviewed: no deviations.', 'AWS documentation: Security in AWS Migration Hub (https://docs.aws.amazon.com/migrationhub/latest/ug/security.html); srm review'),
  ('aws', 'monitron', 'monitron', 'Amazon Monitron', 'aws-abstracted', true, '{}'::text[], '{}'::text[], 'AWS runs Monitron''s analysis, storing data in S3 under an AWS owned key and in DynamoDB under an AWS owned key or, with custom encryption settings, the customer''s managed key; sensors talk to it over TLS. The sensors and gateways are devices the customer buys and mounts on its own machines and factory walls, and the gateways use its Wi-Fi network. The translated pages of its guide say it is no longer open to new customers; the English pages read do not, so it is not marked retired. Reviewed: hardware and facilities deviations (the customer''s sensors and gateways on its premises).', 'AWS documentation: Data protection in Amazon Monitron (https://docs.aws.amazon.com/Monitron/latest/admin-guide/data-protection.html); AWS documentation: What Is Amazon Monitron? (https://docs.aws.amazon.com/Monitron/latest/admin-guide/admin_what-is-monitron.html); srm review'),
  ('aws', 'polly', 'polly', 'Amazon Polly', 'aws-abstracted', true, '{}'::text[], ARRAY['polly']::text[], 'AWS runs Polly''s speech synthesis; SynthesizeSpeech is stateless and keeps no text submissions, which travel over TLS. The synthesized audio is returned to the customer, who stores it on its own systems or in S3 and encrypts it with keys of its choice. Reviewed: no deviations.', 'AWS documentation: Encryption at Rest (Amazon Polly) (https://docs.aws.amazon.com/polly/latest/dg/encryption-at-rest.html); AWS documentation: Encryption in Transit (Amazon Polly) (https://docs.aws.amazon.com/polly/latest/dg/encryption-in-transit.html); AWS documentation: Infrastructure Security in Amazon Polly (https://docs.aws.amazon.com/polly/latest/dg/infrastructure-security.html); srm review'),
  ('aws', 'q', 'q', 'Amazon Q Developer', 'aws-abstracted', true, '{}'::text[], ARRAY['qdeveloper']::text[], 'AWS runs Amazon Q Developer (formerly CodeWhisperer, whose namespace codewhisperer is an alias) and encrypts its data by default with AWS managed keys; for some features the customer''s administrators can choose a customer managed key instead (not for Builder ID personal accounts). Content of the Free tier may be used for service improvement unless the customer opts out (through an AI services opt-out policy in Organizations or IDE settings); Pro tier content is not used. Generated code becomes part of the customer''s applications, which answer under their own services. Reviewed: no deviations.', 'AWS documentation: Managing the encryption method in Amazon Q Developer (https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/manage-encryption.html); AWS documentation: Amazon Q Developer service improvement (https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/service-improvement.html); srm review'),
  ('aws', 'savingsplans', 'savingsplans', 'AWS Savings Plans', 'aws-abstracted', true, '{}'::text[], ARRAY['savingsplans']::text[], 'Savings Plans are a pricing model AWS runs: the customer commits to an amount of usage per hour for one or three years and receives a lower price for that usage; which plans to buy, queue or return is the customer''s decision, granted through IAM (for example the AWS managed policy AWSSavingsPlansFullAccess). Only API descriptions were found. Reviewed: no deviations.', 'AWS documentation: AWS CLI Command Reference: savingsplans (https://docs.aws.amazon.com/cli/latest/reference/savingsplans/index.html); AWS documentation: AWS Managed Policy: AWSSavingsPlansFullAccess (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSavingsPlansFullAccess.html); srm review'),
  ('aws', 'security-ir', 'security-ir', 'AWS Security Incident Response', 'aws-abstracted', true, '{}'::text[], ARRAY['security-ir']::text[], 'AWS runs Security Incident Response, which through service-linked roles monitors the customer''s environment for threats, tunes its security services and gathers information to investigate potential incidents; the customer enables it (through a delegated administrator of its organization) and designates its incident response team of at least two members. Reviewed: no deviations.', 'AWS documentation: Using service-linked roles - AWS Security Incident Response (https://docs.aws.amazon.com/security-ir/latest/userguide/using-service-linked-roles.html); AWS documentation: Enable Security Incident Response using the API/CLI (read in its Japanese edition) (https://docs.aws.amazon.com/security-ir/latest/userguide/enable-sir-using-cli.html); srm review'),
  ('aws', 'servicequotas', 'servicequotas', 'Service Quotas', 'aws-abstracted', true, '{}'::text[], ARRAY['service-quotas']::text[], 'AWS runs Service Quotas on its global network, where the customer views and requests increases of its account''s quotas; clients use TLS 1.2 or later with perfect forward secrecy, and the service supports resource-based policies that can restrict source IP addresses. Read in the page''s China Regions edition (https://docs.amazonaws.cn/servicequotas/latest/userguide/infrastructure-security.html). Reviewed: no deviations.', 'AWS documentation: Infrastructure Security in Service Quotas (https://docs.aws.amazon.com/servicequotas/latest/userguide/infrastructure-security.html); srm review'),
  ('aws', 'signin', 'signin', 'AWS Sign-In', 'aws-abstracted', true, '{}'::text[], ARRAY['signin']::text[], 'AWS runs Sign-In, which authenticates the customer''s root user, IAM users, IAM Identity Center users, federated users and AWS Builder ID users to the console and developer tools, with OAuth 2.0 token exchange and refresh; who those users are and what they may do is the customer''s configuration. AWS Builder ID (builderid) is an alias. Reviewed: no deviations.', 'AWS documentation: AWS Sign-In API Reference: Welcome (https://docs.aws.amazon.com/signin/latest/APIReference/Welcome.html); AWS documentation: AWS CLI Command Reference: signin (https://docs.aws.amazon.com/cli/latest/reference/signin/index.html); srm review'),
  ('aws', 'sms', 'sms', 'AWS Server Migration Service', 'aws-abstracted', true, '{}'::text[], ARRAY['sms']::text[], 'Retired: AWS discontinued AWS Server Migration Service as of March 31, 2022, with AWS Application Migration Service (mgn) as its successor. The model records how it ran: the Server Migration Connector, a FreeBSD VM, ran in the customer''s on-premises virtualization environment (VMware vSphere, Hyper-V/SCVMM or Azure), sending replicated volumes over TLS to a temporary S3 bucket that AWS deleted after replication. Reviewed: retired, virtualization, hardware and facilities deviations (the connector in the customer''s environment).', 'AWS documentation: Data protection in AWS Server Migration Service (https://docs.aws.amazon.com/server-migration-service/latest/userguide/data-protection.html); AWS documentation: Install the Server Migration Connector (https://docs.aws.amazon.com/server-migration-service/latest/userguide/SMS_setup.html); srm review'),
  ('aws', 'snowball', 'snowball', 'AWS Snowball Edge', 'aws-abstracted', true, '{}'::text[], ARRAY['snowball']::text[], 'AWS runs the Snowball job service and owns the Snowball Edge devices it ships to the customer''s site, protecting data on them with tamper-resistant enclosures, 256-bit encryption and a TPM, inspecting returned devices and erasing them by NIST media sanitization guidance. While a device is on the customer''s premises the customer inspects it, keeps it off loading docks, guards the job manifest and unlock code, and downloads and installs the device software updates AWS provides, restarting the device to apply them. Snowball Edge is no longer available to new customers; it is not marked retired. Reviewed: virtualization, hardware and facilities deviations (the device on the customer''s premises and the updates the customer applies).', 'AWS documentation: Protecting Data On Your Device (AWS Snowball Edge) (https://docs.aws.amazon.com/snowball/latest/developer-guide/data-protection-device.html); AWS documentation: Updating software on Snowball Edge devices (https://docs.aws.amazon.com/snowball/latest/developer-guide/updating-device.html); AWS documentation: AWS Snowball Edge API Reference: ServiceVersion (https://docs.aws.amazon.com/snowball/latest/api-reference/API_ServiceVersion.html); srm review'),
  ('aws', 'sts', 'sts', 'AWS Security Token Service (STS)', 'aws-abstracted', true, '{}'::text[], ARRAY['sts']::text[], 'AWS runs STS, which issues temporary security credentials for roles and federated users from a global endpoint and Regional endpoints, all over HTTPS; it keeps no customer content beyond the logs of requests. The customer decides who may obtain credentials (role trust policies, federation) and for how long they are valid, and keeps them from disclosure; the credentials expire on their own. Reviewed: no deviations.', 'AWS documentation: Data protection in AWS Identity and Access Management (IAM and AWS STS) (https://docs.aws.amazon.com/IAM/latest/UserGuide/data-protection.html); AWS documentation: Temporary security credentials in IAM (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp.html); srm review'),
  ('aws', 'support', 'support', 'AWS Support', 'aws-abstracted', true, '{}'::text[], ARRAY['support']::text[], 'AWS runs AWS Support on its global network; clients use TLS with perfect forward secrecy and IAM-signed requests. The customer owns what it puts in its support cases, AWS does not access account data without its permission, agents only view the customer''s screen with its consent, and a service-linked role lets AWS Support call other services for troubleshooting. The AWS Support Plans API (supportplans) is an alias. Reviewed: no deviations.', 'AWS documentation: Security for your AWS Support cases (https://docs.aws.amazon.com/awssupport/latest/user/security-for-support-cases.html); AWS documentation: Infrastructure security in AWS Support (https://docs.aws.amazon.com/awssupport/latest/user/infrastructure-security.html); srm review'),
  ('aws', 'swf', 'swf', 'Amazon Simple Workflow Service (SWF)', 'aws-abstracted', true, '{}'::text[], ARRAY['swf']::text[], 'AWS runs SWF, which keeps each workflow execution''s state and history and hands out activity and decision tasks. The deciders (the workflow''s coordination logic) and the activity workers are the customer''s programs, which it runs and scales itself, on servers of its choice and any operating system; Lambda tasks run as the customer''s Lambda functions. Reviewed: application and operating-system deviations (the customer''s deciders and workers on its own hosts).', 'AWS documentation: Developing deciders in Amazon SWF (https://docs.aws.amazon.com/amazonswf/latest/developerguide/swf-dg-dev-deciders.html); AWS documentation: Tasks in Amazon SWF (https://docs.aws.amazon.com/amazonswf/latest/developerguide/swf-dev-tasks.html); AWS documentation: Developing workflow components with Amazon SWF (read in its Japanese edition) (https://docs.aws.amazon.com/amazonswf/latest/developerguide/intro.html); srm review'),
  ('aws', 'timestream-influxdb', 'timestream-influxdb', 'Amazon Timestream for InfluxDB', 'aws-container', true, '{}'::text[], ARRAY['timestream-influxdb']::text[], 'AWS runs the customer''s InfluxDB DB instances, sized by instance type and placed in the customer''s VPC subnets and security groups, and maintains their underlying hardware, operating system and database engine in a weekly maintenance window, scheduling required security and reliability patches itself; the customer may choose the window instead of leaving it to the service. Like the RDS-like services, the engine version is AWS''s with the customer''s timing: platform provider (system), customer (configured). Reviewed: platform deviation.', 'AWS documentation: Maintaining a DB instance (Amazon Timestream for InfluxDB) (https://docs.aws.amazon.com/timestream/latest/developerguide/timestream-for-influx-managing-maintaining-db.html); srm review'),
  ('aws', 'trustedadvisor', 'trustedadvisor', 'AWS Trusted Advisor', 'aws-abstracted', true, '{}'::text[], ARRAY['trustedadvisor']::text[], 'AWS runs Trusted Advisor''s checks of the customer''s account (a core set for every account, all checks with Business, Enterprise On-Ramp or Enterprise Support); the customer controls access with IAM and tag-based permissions and acts on the recommendations, whose fixes fall on the checked resources'' own rows. It is documented, and its security page sits, in the AWS Support User Guide. Reviewed: no deviations.', 'AWS documentation: Manage access for AWS Trusted Advisor (https://docs.aws.amazon.com/awssupport/latest/user/security-trusted-advisor.html); srm review'),
  ('aws', 'workdocs', 'workdocs', 'Amazon WorkDocs', 'aws-abstracted', true, '{}'::text[], ARRAY['workdocs']::text[], 'AWS runs WorkDocs, protected by AWS global network security; clients use TLS with perfect forward secrecy, and every API action is authenticated and certificate-signed, for IAM users and roles. The customer''s site administrators manage users, permissions and sharing of the customer''s documents, and may connect antivirus, data loss prevention or eDiscovery applications through the API. Its API reference says new customer sign-ups and account upgrades are no longer available; no end-of-support date was found on an AWS page, so it is not marked retired. Its earlier namespace (zocalo) is an alias. Reviewed: no deviations.', 'AWS documentation: Infrastructure security in Amazon WorkDocs (https://docs.aws.amazon.com/workdocs/latest/adminguide/infrastructure-security.html); AWS documentation: Amazon WorkDocs API Reference: Welcome (https://docs.aws.amazon.com/workdocs/latest/APIReference/Welcome.html); srm review'),
  ('aws', 'workmail', 'workmail', 'Amazon WorkMail', 'aws-abstracted', true, '{}'::text[], ARRAY['workmail']::text[], 'AWS runs WorkMail and encrypts every mailbox message before it is written to disk, under a per-message key protected by a per-mailbox key, itself under the organization''s KMS key: the AWS managed key for WorkMail or a customer managed key the customer owns; encryption cannot be turned off. Signed or encrypted email for users is a separate option that does not use KMS. The message flow API (workmailmessageflow) is an alias. Reviewed: no deviations.', 'AWS documentation: Data protection in Amazon WorkMail (https://docs.aws.amazon.com/workmail/latest/adminguide/data-protection.html); srm review');

-- service_alias: 4 row(s) changed
UPDATE srm.service_alias SET source = 'AWS documentation: Using AWS Identity and Access Management Access Analyzer (https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html); srm review' WHERE provider = 'aws' AND alias = 'accessanalyzer';
UPDATE srm.service_alias SET source = 'AWS documentation: Encryption at rest (Amazon Connect) (https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html); AWS documentation: Encryption in transit (Amazon Connect) (https://docs.aws.amazon.com/connect/latest/adminguide/encryption-in-transit.html); srm review' WHERE provider = 'aws' AND alias = 'customerprofiles';
UPDATE srm.service_alias SET source = 'AWS documentation: Encryption at rest (Amazon Connect) (https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html); AWS documentation: Encryption in transit (Amazon Connect) (https://docs.aws.amazon.com/connect/latest/adminguide/encryption-in-transit.html); srm review' WHERE provider = 'aws' AND alias = 'customer-profiles';
UPDATE srm.service_alias SET source = 'AWS documentation: Using Temporary Security Credentials - Amazon SimpleDB (https://docs.aws.amazon.com/AmazonSimpleDB/latest/DeveloperGuide/UsingTemporarySecurityCredentials_SDB.html); srm review' WHERE provider = 'aws' AND alias = 'simpledb';

-- service_alias: 69 rows
INSERT INTO srm.service_alias (provider, alias, service_namespace, source) VALUES
  ('aws', 'amplifybackend', 'amplify', 'AWS documentation: AWS Amplify Hosting: Deploying server-side rendered applications (https://docs.aws.amazon.com/amplify/latest/userguide/server-side-rendering-amplify.html); AWS documentation: AWS Amplify Hosting: SSR supported features (https://docs.aws.amazon.com/amplify/latest/userguide/ssr-supported-features.html); srm review'),
  ('aws', 'appmesh-preview', 'appmesh', 'AWS documentation: AWS App Mesh: Envoy image (https://docs.aws.amazon.com/app-mesh/latest/userguide/envoy.html); srm review'),
  ('aws', 'marketplace', 'aws-marketplace', 'AWS documentation: Security on AWS Marketplace (buyer guide) (https://docs.aws.amazon.com/marketplace/latest/buyerguide/buyer-security.html); AWS documentation: Software as a service (SaaS) products (AWS Marketplace buyer guide) (https://docs.aws.amazon.com/marketplace/latest/buyerguide/buyer-saas-products.html); srm review'),
  ('aws', 'aws-marketplace-management', 'aws-marketplace', 'AWS documentation: Security on AWS Marketplace (buyer guide) (https://docs.aws.amazon.com/marketplace/latest/buyerguide/buyer-security.html); AWS documentation: Software as a service (SaaS) products (AWS Marketplace buyer guide) (https://docs.aws.amazon.com/marketplace/latest/buyerguide/buyer-saas-products.html); srm review'),
  ('aws', 'backup-storage', 'backup', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'backup-search', 'backup', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'bedrock-websearch', 'bedrock', 'AWS documentation: Amazon Bedrock: Data protection (https://docs.aws.amazon.com/bedrock/latest/userguide/data-protection.html); srm review'),
  ('aws', 'aws-portal', 'billing', 'AWS documentation: Infrastructure security in AWS Billing and Cost Management (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html); srm review'),
  ('aws', 'pricing', 'billing', 'AWS documentation: Infrastructure security in AWS Billing and Cost Management (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html); srm review'),
  ('aws', 'freetier', 'billing', 'AWS documentation: Infrastructure security in AWS Billing and Cost Management (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html); srm review'),
  ('aws', 'payments', 'billing', 'AWS documentation: Infrastructure security in AWS Billing and Cost Management (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html); srm review'),
  ('aws', 'tax', 'billing', 'AWS documentation: Infrastructure security in AWS Billing and Cost Management (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html); srm review'),
  ('aws', 'purchase-orders', 'billing', 'AWS documentation: Infrastructure security in AWS Billing and Cost Management (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html); srm review'),
  ('aws', 'consolidatedbilling', 'billing', 'AWS documentation: Infrastructure security in AWS Billing and Cost Management (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html); srm review'),
  ('aws', 'mapcredits', 'billing', 'AWS documentation: Infrastructure security in AWS Billing and Cost Management (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html); srm review'),
  ('aws', 'sustainability', 'billing', 'AWS documentation: Infrastructure security in AWS Billing and Cost Management (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html); srm review'),
  ('aws', 'cloudfront-keyvaluestore', 'cloudfront', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'datazonecontrol', 'datazone', 'AWS documentation: Data protection in Amazon DataZone (https://docs.aws.amazon.com/datazone/latest/userguide/data-protection.html); srm review'),
  ('aws', 'arsenal', 'discovery', 'AWS documentation: AWS Application Discovery Agent (https://docs.aws.amazon.com/application-discovery/latest/userguide/discovery-agent.html); AWS documentation: What is AWS Application Discovery Service? (https://docs.aws.amazon.com/application-discovery/latest/userguide/what-is-appdiscovery.html); srm review'),
  ('aws', 'application-discovery', 'discovery', 'AWS documentation: AWS Application Discovery Agent (https://docs.aws.amazon.com/application-discovery/latest/userguide/discovery-agent.html); AWS documentation: What is AWS Application Discovery Service? (https://docs.aws.amazon.com/application-discovery/latest/userguide/what-is-appdiscovery.html); srm review'),
  ('aws', 'ds-data', 'ds', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'ec2-instance-connect', 'ec2', 'srm review; AWS Security Best Practices whitepaper (2016), service categories'),
  ('aws', 'ec2-reports', 'ec2', 'srm review; AWS Security Best Practices whitepaper (2016), service categories'),
  ('aws', 'tiros', 'ec2', 'srm review; AWS Security Best Practices whitepaper (2016), service categories'),
  ('aws', 'eks-auth', 'eks', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'eks-mcp', 'eks', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'geo-maps', 'geo', 'AWS documentation: Data encryption at rest for Amazon Location Service (https://docs.aws.amazon.com/location/latest/developerguide/encryption-at-rest.html); AWS documentation: Data in transit encryption for Amazon Location Service (https://docs.aws.amazon.com/location/latest/developerguide/encryption-in-transit.html); srm review'),
  ('aws', 'geo-places', 'geo', 'AWS documentation: Data encryption at rest for Amazon Location Service (https://docs.aws.amazon.com/location/latest/developerguide/encryption-at-rest.html); AWS documentation: Data in transit encryption for Amazon Location Service (https://docs.aws.amazon.com/location/latest/developerguide/encryption-in-transit.html); srm review'),
  ('aws', 'geo-routes', 'geo', 'AWS documentation: Data encryption at rest for Amazon Location Service (https://docs.aws.amazon.com/location/latest/developerguide/encryption-at-rest.html); AWS documentation: Data in transit encryption for Amazon Location Service (https://docs.aws.amazon.com/location/latest/developerguide/encryption-in-transit.html); srm review'),
  ('aws', 'identitystore-auth', 'identitystore', 'AWS documentation: Data protection in IAM Identity Center (https://docs.aws.amazon.com/singlesignon/latest/userguide/data-protection.html); srm review'),
  ('aws', 'inspector-scan', 'inspector2', 'AWS documentation: Security in Amazon Inspector (https://docs.aws.amazon.com/inspector/latest/user/security.html); srm review'),
  ('aws', 'inspector2-telemetry', 'inspector2', 'AWS documentation: Security in Amazon Inspector (https://docs.aws.amazon.com/inspector/latest/user/security.html); srm review'),
  ('aws', 'iotjobsdata', 'iot', 'AWS documentation: AWS IoT security (https://docs.aws.amazon.com/iot/latest/developerguide/iot-security.html); srm review'),
  ('aws', 'kafka-cluster', 'kafka', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'license-manager-linux-subscriptions', 'license-manager', 'AWS documentation: Data protection in AWS License Manager (https://docs.aws.amazon.com/license-manager/latest/userguide/data-protection.html); AWS documentation: Infrastructure security in AWS License Manager (https://docs.aws.amazon.com/license-manager/latest/userguide/infrastructure-security.html); srm review'),
  ('aws', 'license-manager-user-subscriptions', 'license-manager', 'AWS documentation: Data protection in AWS License Manager (https://docs.aws.amazon.com/license-manager/latest/userguide/data-protection.html); AWS documentation: Infrastructure security in AWS License Manager (https://docs.aws.amazon.com/license-manager/latest/userguide/infrastructure-security.html); srm review'),
  ('aws', 'mediapackage-vod', 'mediapackage', 'AWS documentation: Infrastructure security in AWS Elemental MediaPackage (https://docs.aws.amazon.com/mediapackage/latest/ug/infrastructure-security.html); srm review'),
  ('aws', 'codewhisperer', 'q', 'AWS documentation: Managing the encryption method in Amazon Q Developer (https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/manage-encryption.html); AWS documentation: Amazon Q Developer service improvement (https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/service-improvement.html); srm review'),
  ('aws', 'qdeveloper', 'q', 'AWS documentation: Managing the encryption method in Amazon Q Developer (https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/manage-encryption.html); AWS documentation: Amazon Q Developer service improvement (https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/service-improvement.html); srm review'),
  ('aws', 'qapps', 'qbusiness', 'AWS documentation: Key management - Amazon Q Business (https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/key-management.html); AWS documentation: Data encryption for Q Apps - Amazon Q Business (https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/data-encryption-qapps.html); srm review'),
  ('aws', 'rds-db', 'rds', 'srm review; AWS Security Best Practices whitepaper (2016), service categories'),
  ('aws', 'rds-data', 'rds', 'srm review; AWS Security Best Practices whitepaper (2016), service categories'),
  ('aws', 'redshift-data', 'redshift', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'sqlworkbench', 'redshift', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'tag', 'resource-groups', 'AWS documentation: Security in AWS Resource Groups (https://docs.aws.amazon.com/ARG/latest/userguide/security.html); srm review'),
  ('aws', 'route53-recovery-control-config', 'route53-recovery-control', 'AWS documentation: Data protection in Amazon Application Recovery Controller (https://docs.aws.amazon.com/r53recovery/latest/dg/data-protection.html); srm review'),
  ('aws', 'route53-recovery-cluster', 'route53-recovery-control', 'AWS documentation: Data protection in Amazon Application Recovery Controller (https://docs.aws.amazon.com/r53recovery/latest/dg/data-protection.html); srm review'),
  ('aws', 'sagemaker-geospatial', 'sagemaker', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'sagemaker-mlflow', 'sagemaker', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'groundtruthlabeling', 'sagemaker', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'sagemaker-data-science-assistant', 'sagemaker', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'sagemaker-groundtruth-synthetic', 'sagemaker', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'catalog-user', 'servicecatalog', 'AWS documentation: Security in AWS Service Catalog (https://docs.aws.amazon.com/servicecatalog/latest/adminguide/security.html); AWS documentation: Security best practices for AWS Service Catalog (https://docs.aws.amazon.com/servicecatalog/latest/adminguide/security-best-practices.html); srm review'),
  ('aws', 'catalog-admin', 'servicecatalog', 'AWS documentation: Security in AWS Service Catalog (https://docs.aws.amazon.com/servicecatalog/latest/adminguide/security.html); AWS documentation: Security best practices for AWS Service Catalog (https://docs.aws.amazon.com/servicecatalog/latest/adminguide/security-best-practices.html); srm review'),
  ('aws', 'service-quotas', 'servicequotas', 'AWS documentation: Infrastructure Security in Service Quotas (https://docs.aws.amazon.com/servicequotas/latest/userguide/infrastructure-security.html); srm review'),
  ('aws', 'builderid', 'signin', 'AWS documentation: AWS Sign-In API Reference: Welcome (https://docs.aws.amazon.com/signin/latest/APIReference/Welcome.html); AWS documentation: AWS CLI Command Reference: signin (https://docs.aws.amazon.com/cli/latest/reference/signin/index.html); srm review'),
  ('aws', 'snow', 'snowball', 'AWS documentation: Protecting Data On Your Device (AWS Snowball Edge) (https://docs.aws.amazon.com/snowball/latest/developer-guide/data-protection-device.html); AWS documentation: Updating software on Snowball Edge devices (https://docs.aws.amazon.com/snowball/latest/developer-guide/updating-device.html); AWS documentation: AWS Snowball Edge API Reference: ServiceVersion (https://docs.aws.amazon.com/snowball/latest/api-reference/API_ServiceVersion.html); srm review'),
  ('aws', 'snowcone', 'snowball', 'AWS documentation: Protecting Data On Your Device (AWS Snowball Edge) (https://docs.aws.amazon.com/snowball/latest/developer-guide/data-protection-device.html); AWS documentation: Updating software on Snowball Edge devices (https://docs.aws.amazon.com/snowball/latest/developer-guide/updating-device.html); AWS documentation: AWS Snowball Edge API Reference: ServiceVersion (https://docs.aws.amazon.com/snowball/latest/api-reference/API_ServiceVersion.html); srm review'),
  ('aws', 'snowball-edge', 'snowball', 'AWS documentation: Protecting Data On Your Device (AWS Snowball Edge) (https://docs.aws.amazon.com/snowball/latest/developer-guide/data-protection-device.html); AWS documentation: Updating software on Snowball Edge devices (https://docs.aws.amazon.com/snowball/latest/developer-guide/updating-device.html); AWS documentation: AWS Snowball Edge API Reference: ServiceVersion (https://docs.aws.amazon.com/snowball/latest/api-reference/API_ServiceVersion.html); srm review'),
  ('aws', 'ssmmessages', 'ssm', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'ec2messages', 'ssm', 'srm review; AWS service documentation (security chapter)'),
  ('aws', 'sso-directory', 'sso', 'AWS documentation: Data protection in IAM Identity Center (https://docs.aws.amazon.com/singlesignon/latest/userguide/data-protection.html); srm review'),
  ('aws', 'identity-sync', 'sso', 'AWS documentation: Data protection in IAM Identity Center (https://docs.aws.amazon.com/singlesignon/latest/userguide/data-protection.html); srm review'),
  ('aws', 'supportplans', 'support', 'AWS documentation: Security for your AWS Support cases (https://docs.aws.amazon.com/awssupport/latest/user/security-for-support-cases.html); AWS documentation: Infrastructure security in AWS Support (https://docs.aws.amazon.com/awssupport/latest/user/infrastructure-security.html); srm review'),
  ('aws', 'support-console', 'support', 'AWS documentation: Security for your AWS Support cases (https://docs.aws.amazon.com/awssupport/latest/user/security-for-support-cases.html); AWS documentation: Infrastructure security in AWS Support (https://docs.aws.amazon.com/awssupport/latest/user/infrastructure-security.html); srm review'),
  ('aws', 'simpleworkflow', 'swf', 'AWS documentation: Developing deciders in Amazon SWF (https://docs.aws.amazon.com/amazonswf/latest/developerguide/swf-dg-dev-deciders.html); AWS documentation: Tasks in Amazon SWF (https://docs.aws.amazon.com/amazonswf/latest/developerguide/swf-dev-tasks.html); AWS documentation: Developing workflow components with Amazon SWF (read in its Japanese edition) (https://docs.aws.amazon.com/amazonswf/latest/developerguide/intro.html); srm review'),
  ('aws', 'vpc-lattice-svcs', 'vpc-lattice', 'AWS documentation: Data protection in Amazon VPC Lattice (https://docs.aws.amazon.com/vpc-lattice/latest/ug/data-protection.html); srm review'),
  ('aws', 'zocalo', 'workdocs', 'AWS documentation: Infrastructure security in Amazon WorkDocs (https://docs.aws.amazon.com/workdocs/latest/adminguide/infrastructure-security.html); AWS documentation: Amazon WorkDocs API Reference: Welcome (https://docs.aws.amazon.com/workdocs/latest/APIReference/Welcome.html); srm review'),
  ('aws', 'workmailmessageflow', 'workmail', 'AWS documentation: Data protection in Amazon WorkMail (https://docs.aws.amazon.com/workmail/latest/adminguide/data-protection.html); srm review');

-- service_layer: 42 rows
INSERT INTO srm.service_layer (provider, service_namespace, layer_id, responsibility, reason, source) VALUES
  ('aws', 'timestream-influxdb', 'platform', 'provider (system), customer (configured)'::srm.responsibility, 'AWS patches the database engine during the instance''s maintenance window, which the customer may choose.', 'AWS documentation: Maintaining a DB instance (Amazon Timestream for InfluxDB) (https://docs.aws.amazon.com/timestream/latest/developerguide/timestream-for-influx-managing-maintaining-db.html)'),
  ('aws', 'aws-marketplace', 'data', 'customer (configured, provided), partner'::srm.responsibility, 'AWS may share the subscriber''s contact information, company name, address and usage fees with the sellers of the products it subscribes to; the sellers are third parties; the subscriber manages its subscriptions and agreements itself (configured), as srm reads the data layer of every AWS-run service.', 'AWS documentation: Security on AWS Marketplace (buyer guide) (https://docs.aws.amazon.com/marketplace/latest/buyerguide/buyer-security.html)'),
  ('aws', 'datapipeline', 'operating-system', 'provider (system), customer (provided)'::srm.responsibility, 'Task Runner may run on a computational resource the customer manages (a long-running EC2 instance or an on-premises server), under the customer''s operating system; AWS installs it only on the resources the service launches.', 'AWS documentation: Task Runners (AWS Data Pipeline) (https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-how-remote-taskrunner-client.html)'),
  ('aws', 'datapipeline', 'virtualization', 'provider, customer (provided)'::srm.responsibility, 'A Task Runner host may be the customer''s on-premises server; AWS still runs the service side.', 'AWS documentation: Task Runners (AWS Data Pipeline) (https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-how-remote-taskrunner-client.html)'),
  ('aws', 'datapipeline', 'hardware', 'provider, customer (provided)'::srm.responsibility, 'A Task Runner host may be the customer''s on-premises server; AWS still runs the service side.', 'AWS documentation: Task Runners (AWS Data Pipeline) (https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-how-remote-taskrunner-client.html)'),
  ('aws', 'datapipeline', 'facilities', 'provider, customer (provided)'::srm.responsibility, 'A Task Runner host may sit in the customer''s premises; AWS still runs the service side.', 'AWS documentation: Task Runners (AWS Data Pipeline) (https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-how-remote-taskrunner-client.html)'),
  ('aws', 'applicationinsights', 'operating-system', 'provider (system), customer (provided)'::srm.responsibility, 'The SSM Agent the customer installs and the CloudWatch agent that Application Insights installs and configures run on the customer''s EC2 instances, under its operating system.', 'AWS documentation: Prerequisites (CloudWatch Application Insights) (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/appinsights-prereqs.html)'),
  ('aws', 'cases', 'server-side-encryption', 'provider (system)'::srm.responsibility, 'Cases encrypts all customer-provided case data at rest with AWS owned keys that the service owns, manages, monitors and rotates; no customer managed key option is documented.', 'AWS documentation: Encryption at rest (Amazon Connect) (https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html)'),
  ('aws', 'signer', 'client-side-encryption', 'provider (system), customer (configured, provided)'::srm.responsibility, 'Signer signs the customer''s code before it is deployed: AWS manages the signing certificate and keys for Lambda and container images, the customer sets up the signing profiles, and for IoT it brings its own code-signing certificate, imported into ACM.', 'AWS documentation: Create a Signer signing profile (https://docs.aws.amazon.com/signer/latest/developerguide/signing-profiles.html)'),
  ('aws', 'ssm-quicksetup', 'operating-system', 'provider (system), customer (configured)'::srm.responsibility, 'Host Management configurations update the SSM Agent and install and update the CloudWatch agent on the customer''s nodes when the customer chooses those options; AWS publishes the agent versions.', 'AWS documentation: Quick Setup Host Management (https://docs.aws.amazon.com/systems-manager/latest/userguide/quick-setup-host-management.html)'),
  ('aws', 'ssm-guiconnect', 'operating-system', 'provider (system), customer (provided)'::srm.responsibility, 'Remote Desktop needs the customer''s nodes to run SSM Agent 3.0.222.0 or later, which the customer installs and updates under its operating system.', 'AWS documentation: Connect to a managed node using Remote Desktop (https://docs.aws.amazon.com/systems-manager/latest/userguide/fleet-rdp.html)'),
  ('aws', 'networkmanager', 'hardware', 'provider, customer (provided)'::srm.responsibility, 'A global network''s devices may be the customer''s physical appliances in its on-premises network; AWS runs the core network and Network Manager.', 'AWS documentation: AWS SDK for Kotlin API reference: NetworkManagerClient (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/networkmanager/aws.sdk.kotlin.services.networkmanager/-network-manager-client/)'),
  ('aws', 'networkmanager', 'facilities', 'provider, customer (provided)'::srm.responsibility, 'A global network''s sites are the customer''s on-premises locations; AWS runs the core network in its own Regions.', 'AWS documentation: AWS SDK for Kotlin API reference: NetworkManagerClient (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/networkmanager/aws.sdk.kotlin.services.networkmanager/-network-manager-client/)'),
  ('aws', 'snowball', 'virtualization', 'provider (system), customer (configured)'::srm.responsibility, 'AWS provides the device software updates; the customer downloads and installs them on its devices and restarts them to apply them.', 'AWS documentation: Updating software on Snowball Edge devices (https://docs.aws.amazon.com/snowball/latest/developer-guide/updating-device.html)'),
  ('aws', 'snowball', 'hardware', 'provider, customer (provided)'::srm.responsibility, 'The devices are AWS''s property, built tamper-resistant, but while on site the customer inspects them for tampering and protects them from damage and theft.', 'AWS documentation: Protecting Data On Your Device (AWS Snowball Edge) (https://docs.aws.amazon.com/snowball/latest/developer-guide/data-protection-device.html)'),
  ('aws', 'snowball', 'facilities', 'provider, customer (provided)'::srm.responsibility, 'The device sits in the customer''s premises during the job; AWS handles it in transit and at its facilities.', 'AWS documentation: Protecting Data On Your Device (AWS Snowball Edge) (https://docs.aws.amazon.com/snowball/latest/developer-guide/data-protection-device.html)'),
  ('aws', 'health', 'server-side-encryption', 'provider (system)'::srm.responsibility, 'AWS Health encrypts all data it stores and does not support customer managed keys, so no customer setting takes part.', 'AWS documentation: Data encryption - AWS Health (https://docs.aws.amazon.com/health/latest/ug/data-encryption.html)'),
  ('aws', 'monitron', 'hardware', 'provider, customer (provided)'::srm.responsibility, 'The sensors and gateways are devices the customer buys and installs on its machines and walls; AWS runs the analysis service.', 'AWS documentation: What Is Amazon Monitron? (https://docs.aws.amazon.com/Monitron/latest/admin-guide/admin_what-is-monitron.html)'),
  ('aws', 'monitron', 'facilities', 'provider, customer (provided)'::srm.responsibility, 'The sensors and gateways sit in the customer''s plant and use its Wi-Fi network.', 'AWS documentation: What Is Amazon Monitron? (https://docs.aws.amazon.com/Monitron/latest/admin-guide/admin_what-is-monitron.html)'),
  ('aws', 'discovery', 'operating-system', 'provider (system), customer (provided)'::srm.responsibility, 'The Discovery Agent runs with root privileges under the operating system of the customer''s servers and VMs, which the customer installs it on.', 'AWS documentation: AWS Application Discovery Agent (https://docs.aws.amazon.com/application-discovery/latest/userguide/discovery-agent.html)'),
  ('aws', 'discovery', 'virtualization', 'provider, customer (provided)'::srm.responsibility, 'The Agentless Collector is an appliance in the customer''s VMware vCenter; agents may run in its VMs.', 'AWS documentation: What is AWS Application Discovery Service? (https://docs.aws.amazon.com/application-discovery/latest/userguide/what-is-appdiscovery.html)'),
  ('aws', 'discovery', 'hardware', 'provider, customer (provided)'::srm.responsibility, 'Agents run on the customer''s on-premises physical servers; AWS runs the service.', 'AWS documentation: AWS Application Discovery Agent (https://docs.aws.amazon.com/application-discovery/latest/userguide/discovery-agent.html)'),
  ('aws', 'discovery', 'facilities', 'provider, customer (provided)'::srm.responsibility, 'The discovered servers and the collector sit in the customer''s data centre.', 'AWS documentation: AWS Application Discovery Agent (https://docs.aws.amazon.com/application-discovery/latest/userguide/discovery-agent.html)'),
  ('aws', 'sms', 'virtualization', 'provider, customer (provided)'::srm.responsibility, 'The Server Migration Connector was a VM the customer installed in its on-premises virtualization environment.', 'AWS documentation: Install the Server Migration Connector (https://docs.aws.amazon.com/server-migration-service/latest/userguide/SMS_setup.html)'),
  ('aws', 'sms', 'hardware', 'provider, customer (provided)'::srm.responsibility, 'The connector and the replicated servers ran on the customer''s hardware.', 'AWS documentation: Install the Server Migration Connector (https://docs.aws.amazon.com/server-migration-service/latest/userguide/SMS_setup.html)'),
  ('aws', 'sms', 'facilities', 'provider, customer (provided)'::srm.responsibility, 'The connector and the replicated servers sat in the customer''s site.', 'AWS documentation: Install the Server Migration Connector (https://docs.aws.amazon.com/server-migration-service/latest/userguide/SMS_setup.html)'),
  ('aws', 'swf', 'application', 'provider (system), customer (provided)'::srm.responsibility, 'Deciders implement the customer''s coordination logic and activity workers its work; AWS runs the service that keeps state and schedules tasks.', 'AWS documentation: Developing deciders in Amazon SWF (https://docs.aws.amazon.com/amazonswf/latest/developerguide/swf-dg-dev-deciders.html)'),
  ('aws', 'swf', 'operating-system', 'provider (system), customer (provided)'::srm.responsibility, 'Activity workers and deciders run on hosts the customer chooses, under their operating systems.', 'AWS documentation: Developing workflow components with Amazon SWF (read in its Japanese edition) (https://docs.aws.amazon.com/amazonswf/latest/developerguide/intro.html)'),
  ('aws', 'aws-external-anthropic', 'data', 'customer (configured, provided), partner'::srm.responsibility, 'Anthropic processes the inputs and outputs of inference as an independent data processor, and the data may not reside in AWS.', 'AWS documentation: What is Claude Platform on AWS? (read in its Italian and Indonesian editions, whose text is English) (https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html)'),
  ('aws', 'aws-external-anthropic', 'application', 'partner'::srm.responsibility, 'Anthropic operates the platform and its APIs (Messages API, Agent Skills, code execution), not AWS.', 'AWS documentation: What is Claude Platform on AWS? (read in its Italian and Indonesian editions, whose text is English) (https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html)'),
  ('aws', 'aws-external-anthropic', 'platform', 'partner'::srm.responsibility, 'The models and the inference stack run on infrastructure Anthropic manages.', 'AWS documentation: What is Claude Platform on AWS? (read in its Italian and Indonesian editions, whose text is English) (https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html)'),
  ('aws', 'aws-external-anthropic', 'operating-system', 'partner'::srm.responsibility, 'The models and the inference stack run on infrastructure Anthropic manages.', 'AWS documentation: What is Claude Platform on AWS? (read in its Italian and Indonesian editions, whose text is English) (https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html)'),
  ('aws', 'aws-external-anthropic', 'virtualization', 'provider, partner'::srm.responsibility, 'Anthropic manages the infrastructure, which may be AWS''s or, when inference is routed there, Anthropic''s primary cloud.', 'AWS documentation: What is Claude Platform on AWS? (read in its Italian and Indonesian editions, whose text is English) (https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html)'),
  ('aws', 'aws-external-anthropic', 'hardware', 'provider, partner'::srm.responsibility, 'Inference may be routed to Anthropic''s primary cloud, outside AWS.', 'AWS documentation: What is Claude Platform on AWS? (read in its Italian and Indonesian editions, whose text is English) (https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html)'),
  ('aws', 'aws-external-anthropic', 'facilities', 'provider, partner'::srm.responsibility, 'Inference may be routed to Anthropic''s primary cloud, outside AWS.', 'AWS documentation: What is Claude Platform on AWS? (read in its Italian and Indonesian editions, whose text is English) (https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html)'),
  ('aws', 'airflow-serverless', 'application', 'provider (system), customer (provided)'::srm.responsibility, 'The workflow definition (tasks, dependencies, operators) is the customer''s orchestration logic; AWS runs the Airflow service that executes it.', 'AWS documentation: Key concepts - Amazon Managed Workflows for Apache Airflow Serverless (https://docs.aws.amazon.com/mwaa/latest/mwaa-serverless-userguide/mwaas-concepts.html)'),
  ('aws', 'ask', 'application', 'provider (system), customer (provided)'::srm.responsibility, 'The skill package holds the components of the customer''s skill; Amazon runs the Alexa service that serves it.', 'AWS documentation: AWS CloudFormation: Alexa::ASK::Skill (read in its China Regions edition) (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/alexa-resource-ask-skill.html)'),
  ('aws', 'cleanrooms-ml', 'application', 'provider (system), customer (provided)'::srm.responsibility, 'A custom model''s training and inference code is authored by the model provider; AWS''s own lookalike models are AWS''s.', 'AWS documentation: Model authoring guidelines for the training container - AWS Clean Rooms (https://docs.aws.amazon.com/clean-rooms/latest/userguide/custom-model-guidelines.html)'),
  ('aws', 'cleanrooms-ml', 'platform', 'provider (system), customer (provided)'::srm.responsibility, 'The model provider builds its containers on a SageMaker AI base image it chooses (framework and Python version).', 'AWS documentation: Model authoring guidelines for the inference container - AWS Clean Rooms (https://docs.aws.amazon.com/clean-rooms/latest/userguide/inference-model-guidelines.html)'),
  ('aws', 'interconnect', 'network-traffic', 'provider (system), customer (configured), partner'::srm.responsibility, 'Links between the AWS network and the partner''s are MACsec-encrypted; on the partner''s network, protection in transit is the partner''s.', 'AWS documentation: Infrastructure security in AWS Interconnect (https://docs.aws.amazon.com/interconnect/latest/userguide/infrastructure-security.html)'),
  ('aws', 'kendra-ranking', 'application', 'provider (system), customer (provided)'::srm.responsibility, 'The Intelligent Ranking plugin runs inside the customer''s self-managed OpenSearch image, which the customer builds and configures.', 'AWS documentation: Amazon Kendra Intelligent Ranking for self-managed OpenSearch (https://docs.aws.amazon.com/kendra/latest/dg/opensearch-rerank.html)'),
  ('aws', 'nova-act', 'application', 'provider (system), customer (provided)'::srm.responsibility, 'The agents built with the Nova Act SDK are the customer''s code, which it must restrict (domains, tools, local files) against prompt injection.', 'AWS documentation: Nova Act SDK security (https://docs.aws.amazon.com/nova-act/latest/userguide/sdk-security.html)');

-- resource_type_layer: 20 rows
INSERT INTO srm.resource_type_layer (resource_type, layer_id, responsibility, reason, source) VALUES
  ('AWS::BackupGateway::Hypervisor', 'facilities', 'customer (provided)'::srm.responsibility, 'The hypervisor hosts sit in the customer''s site.', 'AWS documentation: AWS Backup: Working with gateways (https://docs.aws.amazon.com/aws-backup/latest/devguide/working-with-gateways.html)'),
  ('AWS::BackupGateway::Hypervisor', 'hardware', 'customer (provided)'::srm.responsibility, 'The registered hypervisor and the VMs it hosts run on the customer''s servers.', 'AWS documentation: AWS Backup: Working with gateways (https://docs.aws.amazon.com/aws-backup/latest/devguide/working-with-gateways.html)'),
  ('AWS::BackupGateway::Hypervisor', 'virtualization', 'customer (provided)'::srm.responsibility, 'This resource registers the customer''s own hypervisor (VMware ESXi/vCenter) with Backup gateway; AWS does not run it.', 'AWS documentation: AWS Backup: Working with gateways (https://docs.aws.amazon.com/aws-backup/latest/devguide/working-with-gateways.html)'),
  ('AWS::DataSync::Agent', 'facilities', 'provider, customer (provided)'::srm.responsibility, 'An on-premises agent sits in the customer''s site; an EC2 agent in an AWS Region.', 'AWS documentation: AWS DataSync network requirements (https://docs.aws.amazon.com/datasync/latest/userguide/datasync-network.html)'),
  ('AWS::DataSync::Agent', 'hardware', 'provider, customer (provided)'::srm.responsibility, 'An on-premises agent runs on the customer''s servers; an EC2 agent on AWS hardware.', 'AWS documentation: AWS DataSync network requirements (https://docs.aws.amazon.com/datasync/latest/userguide/datasync-network.html)'),
  ('AWS::DataSync::Agent', 'virtualization', 'provider, customer (provided)'::srm.responsibility, 'An agent is a VM the customer deploys on its own hypervisor next to its storage, or an EC2 instance on AWS''s.', 'AWS documentation: AWS DataSync network requirements (https://docs.aws.amazon.com/datasync/latest/userguide/datasync-network.html)'),
  ('AWS::EKS::FargateProfile', 'operating-system', 'provider (system)'::srm.responsibility, 'Pods that a Fargate profile selects run on Fargate nodes whose OS Amazon EKS patches by recycling them; the customer manages no node.', 'AWS documentation: Amazon EKS: Fargate OS patching (https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-patching.html)'),
  ('AWS::IoTSiteWise::Gateway', 'facilities', 'customer (provided)'::srm.responsibility, 'The gateway device sits in the customer''s facility next to its equipment.', 'AWS documentation: AWS IoT SiteWise: Create a self-hosted SiteWise Edge gateway (https://docs.aws.amazon.com/iot-sitewise/latest/userguide/create-gateway-ggv2.html)'),
  ('AWS::IoTSiteWise::Gateway', 'hardware', 'customer (provided)'::srm.responsibility, 'The gateway runs on the customer''s own hardware at its site.', 'AWS documentation: AWS IoT SiteWise: Create a self-hosted SiteWise Edge gateway (https://docs.aws.amazon.com/iot-sitewise/latest/userguide/create-gateway-ggv2.html)'),
  ('AWS::IoTSiteWise::Gateway', 'operating-system', 'customer (provided)'::srm.responsibility, 'A self-hosted SiteWise Edge gateway runs on a device the customer provides and maintains, with its OS.', 'AWS documentation: AWS IoT SiteWise: Create a self-hosted SiteWise Edge gateway (https://docs.aws.amazon.com/iot-sitewise/latest/userguide/create-gateway-ggv2.html); AWS documentation: Configuration and vulnerability analysis in AWS IoT SiteWise (https://docs.aws.amazon.com/iot-sitewise/latest/userguide/vulnerability-analysis-and-management.html)'),
  ('AWS::Lightsail::Database', 'operating-system', 'provider (system)'::srm.responsibility, 'A Lightsail managed database runs on a host the customer cannot reach; Lightsail performs system maintenance on it in the weekly maintenance window the customer sets, unlike a Lightsail instance whose OS the customer patches.', 'AWS documentation: Amazon Lightsail API Reference: UpdateRelationalDatabase (https://docs.aws.amazon.com/lightsail/2016-11-28/api-reference/API_UpdateRelationalDatabase.html)'),
  ('AWS::Lightsail::Database', 'platform', 'provider (system), customer (configured)'::srm.responsibility, 'Lightsail applies database engine updates in that window; the customer chooses the blueprint (engine and major version), its parameters and when maintenance may run.', 'AWS documentation: Amazon Lightsail API Reference: UpdateRelationalDatabase (https://docs.aws.amazon.com/lightsail/2016-11-28/api-reference/API_UpdateRelationalDatabase.html)'),
  ('AWS::MediaConnect::Flow', 'facilities', 'provider'::srm.responsibility, 'A flow runs in AWS data centres.', 'AWS documentation: Instances managed by MediaConnect Gateway (https://docs.aws.amazon.com/mediaconnect/latest/ug/gateway-components-instances.html)'),
  ('AWS::MediaConnect::Flow', 'hardware', 'provider'::srm.responsibility, 'A flow runs on AWS hardware in a Region.', 'AWS documentation: Instances managed by MediaConnect Gateway (https://docs.aws.amazon.com/mediaconnect/latest/ug/gateway-components-instances.html)'),
  ('AWS::MediaConnect::Flow', 'operating-system', 'provider (system)'::srm.responsibility, 'A flow runs in the AWS cloud on infrastructure MediaConnect operates; only gateways run on the customer''s servers.', 'AWS documentation: Instances managed by MediaConnect Gateway (https://docs.aws.amazon.com/mediaconnect/latest/ug/gateway-components-instances.html)'),
  ('AWS::MediaConnect::Gateway', 'facilities', 'customer (provided)'::srm.responsibility, 'The gateway''s equipment sits in the customer''s site.', 'AWS documentation: Instances managed by MediaConnect Gateway (https://docs.aws.amazon.com/mediaconnect/latest/ug/gateway-components-instances.html)'),
  ('AWS::MediaConnect::Gateway', 'hardware', 'customer (provided)'::srm.responsibility, 'The instances run on equipment in the customer''s data centre.', 'AWS documentation: Instances managed by MediaConnect Gateway (https://docs.aws.amazon.com/mediaconnect/latest/ug/gateway-components-instances.html)'),
  ('AWS::MediaConnect::Gateway', 'operating-system', 'customer (provided)'::srm.responsibility, 'Gateway instances are the customer''s own on-premises servers; the customer installs and maintains their OS and installs the MediaConnect Gateway software on them.', 'AWS documentation: Instances managed by MediaConnect Gateway (https://docs.aws.amazon.com/mediaconnect/latest/ug/gateway-components-instances.html)'),
  ('AWS::MediaConnect::Gateway', 'virtualization', 'customer (provided)'::srm.responsibility, 'The gateway''s instances are the customer''s servers, not AWS virtual machines.', 'AWS documentation: Instances managed by MediaConnect Gateway (https://docs.aws.amazon.com/mediaconnect/latest/ug/gateway-components-instances.html)'),
  ('AWS::RDS::CustomDBEngineVersion', 'platform', 'customer (provided)'::srm.responsibility, 'A custom engine version is built from database installation files and patches the customer uploads to its own S3 bucket (or, for SQL Server BYOM, binaries the customer installs on an AMI).', 'AWS documentation: Amazon RDS: Preparing to create a CEV (RDS Custom for Oracle) (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-cev.preparing.html); AWS documentation: Amazon RDS: Bring Your Own Media with RDS Custom for SQL Server (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-sqlserver.byom.html)');

-- variant_dimension: 21 rows
INSERT INTO srm.variant_dimension (resource_type, dimension, reads, description, source) VALUES
  ('AWS::CloudTrail::Trail', 'log-encryption', '$.configuration.kmsKeyId', 'How the trail''s log files are encrypted in S3: SSE-S3 by default, or SSE-KMS with the key the customer names (kmsKeyId).', 'AWS documentation: AWS Control Tower: AWS CloudTrail controls (CT.CLOUDTRAIL.PR.1) (https://docs.aws.amazon.com/controltower/latest/controlreference/cloudtrail-rules.html); AWS documentation: AWS Config: cloud-trail-encryption-enabled (https://docs.aws.amazon.com/config/latest/developerguide/cloud-trail-encryption-enabled.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::CloudTrail::Trail: configuration.kmsKeyId, configuration.name'),
  ('AWS::DynamoDB::Table', 'sse-key', '$.configuration.ssedescription.ssetype', 'Which key encrypts the table at rest: the AWS owned key (the default; the table description then carries no SSE description) or a KMS key (ssetype KMS), AWS managed aws/dynamodb or customer managed, which the item does not tell apart.', 'AWS documentation: Amazon DynamoDB: DynamoDB encryption at rest (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::DynamoDB::Table: configuration.ssedescription.ssetype / status / kmsmasterKeyArn (keys as AWS Config writes them)'),
  ('AWS::EC2::Volume', 'encryption', '$.configuration.encrypted', 'Whether the storage is encrypted at rest (encrypted) and with which KMS key (kmsKeyId); an AWS managed and a customer managed key are both named by key ARN, so the item does not tell them apart.', 'AWS documentation: AWS Config: encrypted-volumes (https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::EC2::Volume: configuration.encrypted, configuration.kmsKeyId'),
  ('AWS::ECS::CapacityProvider', 'capacity-kind', '$.configuration.AutoScalingGroupProvider.AutoScalingGroupArn', 'What capacity the provider supplies: an Auto Scaling group of the customer''s EC2 instances (AutoScalingGroupProvider), or EC2 instances Amazon ECS launches, manages and replaces itself (ManagedInstancesProvider, ECS Managed Instances).', 'AWS documentation: Amazon ECS: Shared responsibility model for Amazon ECS (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html); AWS documentation: Amazon ECS API Reference: ManagedInstancesProvider (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedInstancesProvider.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::ECS::CapacityProvider: configuration.AutoScalingGroupProvider.AutoScalingGroupArn; ManagedInstancesProvider as in CloudFormation'),
  ('AWS::ECS::Service', 'launch-type', '$.configuration.LaunchType', 'Where the service''s tasks run: AWS Fargate, the customer''s EC2 container instances, or the customer''s own servers (ECS Anywhere, EXTERNAL); read from LaunchType or a capacity provider strategy of Fargate providers only.', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::ECS::Service: configuration.LaunchType, configuration.CapacityProviderStrategy.CapacityProvider'),
  ('AWS::ECS::TaskDefinition', 'compatibility', '$.configuration.RequiresCompatibilities', 'Where tasks of this definition may run (RequiresCompatibilities): Fargate only, EC2 only, EXTERNAL only, or several.', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::ECS::TaskDefinition: configuration.RequiresCompatibilities'),
  ('AWS::EFS::FileSystem', 'encryption', '$.configuration.Encrypted', 'Whether the storage is encrypted at rest (Encrypted) and with which KMS key (KmsKeyId); an AWS managed and a customer managed key are both named by key ARN, so the item does not tell them apart.', 'AWS documentation: Amazon EFS: Encrypting data at rest (https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html); AWS documentation: Amazon EFS: Using AWS KMS keys for Amazon EFS (https://docs.aws.amazon.com/efs/latest/ug/EFSKMS.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::EFS::FileSystem: configuration.Encrypted, configuration.KmsKeyId'),
  ('AWS::EKS::Cluster', 'compute-mode', '$.configuration.ComputeConfig.Enabled', 'Whether EKS Auto Mode manages the cluster''s nodes (ComputeConfig.Enabled); without Auto Mode nodes come from managed node groups, self-managed nodes or Fargate profiles, each an asset of its own.', 'AWS documentation: Amazon EKS: Learn about Amazon EKS Auto Mode Managed instances (https://docs.aws.amazon.com/eks/latest/userguide/automode-learn-instances.html); AWS documentation: AWS CloudFormation: AWS::EKS::Cluster ComputeConfig (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-eks-cluster-computeconfig.html)'),
  ('AWS::EKS::Nodegroup', 'ami-type', '$.configuration.AmiType', 'Which AMI a managed node group runs (AmiType): an Amazon EKS optimized AMI that EKS patches when the customer updates the group, or a custom AMI from the customer''s launch template.', 'AWS documentation: Amazon EKS: Update a managed node group for your cluster (https://docs.aws.amazon.com/eks/latest/userguide/update-managed-node-group.html); AWS documentation: Amazon EKS API Reference: UpdateNodegroupVersion (https://docs.aws.amazon.com/eks/latest/APIReference/API_UpdateNodegroupVersion.html); AWS CloudFormation AWS::EKS::Nodegroup property AmiType (not an AWS Config resource type)'),
  ('AWS::Elasticsearch::Domain', 'encryption', '$.configuration.encryptionAtRestOptions.enabled', 'Whether the storage is encrypted at rest (encryptionAtRestOptions.enabled) and with which KMS key (encryptionAtRestOptions.kmsKeyId); an AWS managed and a customer managed key are both named by key ARN, so the item does not tell them apart.', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::Elasticsearch::Domain: configuration.encryptionAtRestOptions.enabled / kmsKeyId'),
  ('AWS::Kinesis::Stream', 'sse', '$.configuration.StreamEncryption.EncryptionType', 'Whether records are encrypted at rest (StreamEncryption.EncryptionType KMS or NONE) and with which key (KeyId): the key Kinesis Data Streams owns (alias/aws/kinesis) or a key the customer names.', 'AWS documentation: Amazon Kinesis Data Streams API Reference: StartStreamEncryption (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartStreamEncryption.html); AWS documentation: AWS CloudFormation: AWS::Kinesis::Stream StreamEncryption (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-kinesis-stream-streamencryption.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::Kinesis::Stream: configuration.StreamEncryption.EncryptionType / KeyId'),
  ('AWS::Lambda::Function', 'runtime', '$.configuration.runtimeManagementConfig.updateRuntimeOn', 'Who keeps the function''s runtime patched: the customer for a container image (packageType Image) or an OS-only runtime (runtime provided*); for a managed runtime, the runtime update mode Auto, FunctionUpdate or Manual decides when Lambda''s patches reach the function.', 'AWS documentation: AWS Lambda: Understanding the shared responsibility model for Lambda runtime management (https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html); AWS documentation: AWS CloudFormation: AWS::Lambda::Function RuntimeManagementConfig (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-runtimemanagementconfig.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::Lambda::Function: configuration.packageType, configuration.runtime (AWS Config does not record the runtime management configuration; its key is read as runtimeManagementConfig.updateRuntimeOn, the CloudFormation property in the item''s camelCase)'),
  ('AWS::OpenSearch::Domain', 'encryption', '$.configuration.EncryptionAtRestOptions.Enabled', 'Whether the storage is encrypted at rest (EncryptionAtRestOptions.Enabled) and with which KMS key (EncryptionAtRestOptions.KmsKeyId); an AWS managed and a customer managed key are both named by key ARN, so the item does not tell them apart.', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html); AWS documentation: AWS CloudFormation: AWS::OpenSearchService::Domain EncryptionAtRestOptions (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-opensearchservice-domain-encryptionatrestoptions.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::OpenSearch::Domain: configuration.EncryptionAtRestOptions.Enabled / KmsKeyId'),
  ('AWS::RDS::DBCluster', 'storage-encryption', '$.configuration.storageEncrypted', 'Whether the storage is encrypted at rest (storageEncrypted) and with which KMS key (kmsKeyId); an AWS managed and a customer managed key are both named by key ARN, so the item does not tell them apart.', 'AWS documentation: Amazon Aurora: Encrypting Amazon Aurora resources (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::RDS::DBCluster: configuration.storageEncrypted, configuration.kmsKeyId'),
  ('AWS::RDS::DBInstance', 'engine-kind', '$.configuration.engine', 'Whether the DB instance is RDS Custom (engine custom-oracle-* or custom-sqlserver-*), where the customer has access to the host OS, or a standard RDS engine.', 'AWS documentation: Amazon RDS: Amazon RDS Custom architecture (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-concept.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::RDS::DBInstance: configuration.engine'),
  ('AWS::RDS::DBInstance', 'storage-encryption', '$.configuration.storageEncrypted', 'Whether the storage is encrypted at rest (storageEncrypted) and with which KMS key (kmsKeyId); an AWS managed and a customer managed key are both named by key ARN, so the item does not tell them apart.', 'AWS documentation: Amazon RDS: AWS KMS key management (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html); AWS documentation: AWS Config: rds-storage-encrypted (https://docs.aws.amazon.com/config/latest/developerguide/rds-storage-encrypted.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::RDS::DBInstance: configuration.storageEncrypted, configuration.kmsKeyId'),
  ('AWS::Redshift::Cluster', 'encryption', '$.configuration.encrypted', 'Whether the storage is encrypted at rest (encrypted) and with which KMS key (kmsKeyId); an AWS managed and a customer managed key are both named by key ARN, so the item does not tell them apart.', 'AWS documentation: AWS KMS: How Amazon Redshift uses AWS KMS (https://docs.aws.amazon.com/kms/latest/developerguide/services-redshift.html); AWS documentation: AWS Config: redshift-cluster-kms-enabled (https://docs.aws.amazon.com/config/latest/developerguide/redshift-cluster-kms-enabled.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::Redshift::Cluster: configuration.encrypted, configuration.kmsKeyId'),
  ('AWS::S3::Bucket', 'default-encryption', '$.supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[*].applyServerSideEncryptionByDefault.sseAlgorithm', 'The bucket''s default encryption (sseAlgorithm AES256, aws:kms or aws:kms:dsse) and, for SSE-KMS, whether a key is named (kmsMasterKeyID). Customer-provided keys (SSE-C) are chosen per request and are not a bucket setting.', 'AWS documentation: Amazon S3 API Reference: ServerSideEncryptionByDefault (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::S3::Bucket: supplementaryConfiguration.ServerSideEncryptionConfiguration.rules.applyServerSideEncryptionByDefault.sseAlgorithm / kmsMasterKeyID'),
  ('AWS::SNS::Topic', 'sse', '$.configuration.KmsMasterKeyId', 'Whether the topic is encrypted at rest with a KMS key (KmsMasterKeyId): the AWS managed key alias/aws/sns, another named key, or none.', 'AWS documentation: AWS Config: sns-encrypted-kms (https://docs.aws.amazon.com/config/latest/developerguide/sns-encrypted-kms.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::SNS::Topic: configuration.KmsMasterKeyId, configuration.TopicArn'),
  ('AWS::SQS::Queue', 'sse', '$.configuration.KmsMasterKeyId', 'How the queue is encrypted at rest: SSE-KMS with the AWS managed key alias/aws/sqs or another named key (KmsMasterKeyId), SSE-SQS (SqsManagedSseEnabled), or not at all.', 'AWS documentation: Amazon SQS: Using server-side encryption with Amazon SQS queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::SQS::Queue: configuration.KmsMasterKeyId, configuration.SqsManagedSseEnabled (a string attribute)'),
  ('AWS::SecretsManager::Secret', 'kms-key', '$.configuration.KMSKeyId', 'Which KMS key encrypts the secret (KMSKeyId): the AWS managed key aws/secretsmanager (the field is then omitted, or names that alias) or a key the customer names.', 'AWS documentation: AWS Secrets Manager: Secret encryption and decryption in AWS Secrets Manager (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html); AWS documentation: AWS SDK for Kotlin API reference: Secrets Manager SecretListEntry kmsKeyId (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/secretsmanager/aws.sdk.kotlin.services.secretsmanager.model/-secret-list-entry/kms-key-id.html); AWS Config resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types) AWS::SecretsManager::Secret: configuration.KMSKeyId, configuration.Name');

-- variant: 55 rows
INSERT INTO srm.variant (resource_type, dimension, variant_id, name, description, source) VALUES
  ('AWS::CloudTrail::Trail', 'log-encryption', 'sse-kms', 'SSE-KMS', 'kmsKeyId names the KMS key the customer chose for the log files.', 'AWS documentation: AWS Control Tower: AWS CloudTrail controls (CT.CLOUDTRAIL.PR.1) (https://docs.aws.amazon.com/controltower/latest/controlreference/cloudtrail-rules.html); AWS documentation: AWS Config: cloud-trail-encryption-enabled (https://docs.aws.amazon.com/config/latest/developerguide/cloud-trail-encryption-enabled.html)'),
  ('AWS::CloudTrail::Trail', 'log-encryption', 'sse-s3', 'SSE-S3 (default)', 'A trail item with no kmsKeyId: log files are encrypted with S3 managed keys.', 'AWS documentation: AWS Control Tower: AWS CloudTrail controls (CT.CLOUDTRAIL.PR.1) (https://docs.aws.amazon.com/controltower/latest/controlreference/cloudtrail-rules.html)'),
  ('AWS::DynamoDB::Table', 'sse-key', 'aws-owned-key', 'AWS owned key', 'No SSE description on a table item: DynamoDB''s default AWS owned key.', 'AWS documentation: Amazon DynamoDB: DynamoDB encryption at rest (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html); AWS documentation: Amazon DynamoDB: Managing encrypted tables in DynamoDB (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.tutorial.html)'),
  ('AWS::DynamoDB::Table', 'sse-key', 'kms-key', 'KMS key', 'ssetype KMS: the AWS managed key aws/dynamodb or a customer managed key, named by key ARN.', 'AWS documentation: Amazon DynamoDB: DynamoDB encryption at rest (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html)'),
  ('AWS::EC2::Volume', 'encryption', 'kms-key', 'Encrypted with a KMS key', 'encrypted is true: encrypted with a KMS key, the AWS managed key or a customer managed one (kmsKeyId).', 'AWS documentation: AWS Config: encrypted-volumes (https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html)'),
  ('AWS::EC2::Volume', 'encryption', 'unencrypted', 'Not encrypted', 'encrypted is false: the storage is not encrypted at rest.', 'AWS documentation: AWS Config: encrypted-volumes (https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html)'),
  ('AWS::ECS::CapacityProvider', 'capacity-kind', 'auto-scaling-group', 'Auto Scaling group', 'The provider scales an Auto Scaling group of EC2 container instances in the customer''s account.', 'AWS documentation: Amazon ECS: Shared responsibility model for Amazon ECS (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html)'),
  ('AWS::ECS::CapacityProvider', 'capacity-kind', 'managed-instances', 'ECS Managed Instances', 'The provider is an ECS Managed Instances provider: Amazon ECS launches, manages and terminates the EC2 instances, which live at most 14 days.', 'AWS documentation: Amazon ECS API Reference: ManagedInstancesProvider (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedInstancesProvider.html); AWS documentation: Amazon ECS: Migrate from AWS Fargate to Amazon ECS Managed Instances (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/migrate-fargate-to-managed-instances.html)'),
  ('AWS::ECS::Service', 'launch-type', 'ec2', 'EC2 container instances', 'Tasks run on EC2 instances the customer registers to the cluster (LaunchType EC2).', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html)'),
  ('AWS::ECS::Service', 'launch-type', 'external', 'External (ECS Anywhere)', 'Tasks run on the customer''s on-premises servers or VMs registered to the cluster (LaunchType EXTERNAL).', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html); AWS documentation: Amazon ECS: Creating an Amazon ECS cluster for the External launch type (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-cluster-console-v2-ecs-anywhere.html)'),
  ('AWS::ECS::Service', 'launch-type', 'fargate', 'Fargate', 'Tasks run on AWS Fargate (LaunchType FARGATE, or a capacity provider strategy of FARGATE / FARGATE_SPOT only).', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html)'),
  ('AWS::ECS::TaskDefinition', 'compatibility', 'ec2', 'EC2 only', 'RequiresCompatibilities names EC2 alone.', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html)'),
  ('AWS::ECS::TaskDefinition', 'compatibility', 'external', 'External only', 'RequiresCompatibilities names EXTERNAL alone.', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html); AWS documentation: Amazon ECS: Creating an Amazon ECS cluster for the External launch type (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-cluster-console-v2-ecs-anywhere.html)'),
  ('AWS::ECS::TaskDefinition', 'compatibility', 'fargate', 'Fargate only', 'RequiresCompatibilities names FARGATE alone.', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html)'),
  ('AWS::ECS::TaskDefinition', 'compatibility', 'several', 'Several launch types', 'RequiresCompatibilities names more than one launch type: where a task runs is chosen when it is run.', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html)'),
  ('AWS::EFS::FileSystem', 'encryption', 'kms-key', 'Encrypted with a KMS key', 'Encrypted is true: encrypted with a KMS key, the AWS managed key or a customer managed one (KmsKeyId).', 'AWS documentation: Amazon EFS: Encrypting data at rest (https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html); AWS documentation: Amazon EFS: Using AWS KMS keys for Amazon EFS (https://docs.aws.amazon.com/efs/latest/ug/EFSKMS.html)'),
  ('AWS::EFS::FileSystem', 'encryption', 'unencrypted', 'Not encrypted', 'Encrypted is false: the storage is not encrypted at rest.', 'AWS documentation: Amazon EFS: Encrypting data at rest (https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html); AWS documentation: Amazon EFS: Using AWS KMS keys for Amazon EFS (https://docs.aws.amazon.com/efs/latest/ug/EFSKMS.html)'),
  ('AWS::EKS::Cluster', 'compute-mode', 'auto-mode', 'EKS Auto Mode', 'ComputeConfig.Enabled is true: EKS creates, patches and replaces the cluster''s EC2 nodes.', 'AWS documentation: Amazon EKS: Learn about Amazon EKS Auto Mode Managed instances (https://docs.aws.amazon.com/eks/latest/userguide/automode-learn-instances.html)'),
  ('AWS::EKS::Cluster', 'compute-mode', 'standard', 'Standard (no Auto Mode)', 'ComputeConfig.Enabled is false: the cluster''s nodes are node groups, self-managed instances or Fargate, answered for as their own assets; the cluster keeps its service''s answer.', 'AWS documentation: AWS CloudFormation: AWS::EKS::Cluster ComputeConfig (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-eks-cluster-computeconfig.html)'),
  ('AWS::EKS::Nodegroup', 'ami-type', 'custom-ami', 'Custom AMI', 'AmiType is CUSTOM: the nodes run an AMI the customer supplies through a launch template.', 'AWS documentation: Amazon EKS API Reference: UpdateNodegroupVersion (https://docs.aws.amazon.com/eks/latest/APIReference/API_UpdateNodegroupVersion.html)'),
  ('AWS::EKS::Nodegroup', 'ami-type', 'eks-optimized-ami', 'EKS optimized AMI', 'AmiType names an AWS AMI family (AL2, AL2023, Bottlerocket, Windows).', 'AWS documentation: Amazon EKS: Update a managed node group for your cluster (https://docs.aws.amazon.com/eks/latest/userguide/update-managed-node-group.html)'),
  ('AWS::Elasticsearch::Domain', 'encryption', 'kms-key', 'Encrypted with a KMS key', 'encryptionAtRestOptions.enabled is true: encrypted with a KMS key, the AWS managed key or a customer managed one (encryptionAtRestOptions.kmsKeyId).', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html)'),
  ('AWS::Elasticsearch::Domain', 'encryption', 'unencrypted', 'Not encrypted', 'encryptionAtRestOptions.enabled is false: the storage is not encrypted at rest.', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html)'),
  ('AWS::Kinesis::Stream', 'sse', 'kms-kinesis-key', 'KMS, alias/aws/kinesis', 'EncryptionType KMS with KeyId alias/aws/kinesis: the key owned by Kinesis Data Streams.', 'AWS documentation: Amazon Kinesis Data Streams API Reference: StartStreamEncryption (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartStreamEncryption.html)'),
  ('AWS::Kinesis::Stream', 'sse', 'kms-named-key', 'KMS, named key', 'EncryptionType KMS with another KeyId: a customer managed key.', 'AWS documentation: Amazon Kinesis Data Streams API Reference: StartStreamEncryption (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartStreamEncryption.html)'),
  ('AWS::Kinesis::Stream', 'sse', 'unencrypted', 'Not encrypted', 'EncryptionType NONE.', 'AWS documentation: AWS CloudFormation: AWS::Kinesis::Stream StreamEncryption (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-kinesis-stream-streamencryption.html)'),
  ('AWS::Lambda::Function', 'runtime', 'container-image', 'Container image', 'packageType Image: the function is a container image the customer builds from a base image.', 'AWS documentation: AWS Lambda: Understanding the shared responsibility model for Lambda runtime management (https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html)'),
  ('AWS::Lambda::Function', 'runtime', 'managed-runtime-auto', 'Managed runtime, Auto', 'updateRuntimeOn Auto: Lambda applies runtime updates to the function.', 'AWS documentation: AWS Lambda: Understanding the shared responsibility model for Lambda runtime management (https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html)'),
  ('AWS::Lambda::Function', 'runtime', 'managed-runtime-function-update', 'Managed runtime, Function update', 'updateRuntimeOn FunctionUpdate: Lambda applies runtime updates when the customer updates the function.', 'AWS documentation: AWS Lambda: Understanding the shared responsibility model for Lambda runtime management (https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html)'),
  ('AWS::Lambda::Function', 'runtime', 'managed-runtime-manual', 'Managed runtime, Manual', 'updateRuntimeOn Manual: the function stays on the runtime version the customer pins.', 'AWS documentation: AWS Lambda: Understanding the shared responsibility model for Lambda runtime management (https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html)'),
  ('AWS::Lambda::Function', 'runtime', 'os-only-runtime', 'OS-only runtime', 'runtime provided, provided.al2 or provided.al2023: the customer brings the language runtime or a native binary; Lambda provides only the OS environment.', 'AWS documentation: AWS Lambda: When to use Lambda''s OS-only runtimes (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-provided.html)'),
  ('AWS::OpenSearch::Domain', 'encryption', 'kms-key', 'Encrypted with a KMS key', 'EncryptionAtRestOptions.Enabled is true: encrypted with a KMS key, the AWS managed key or a customer managed one (EncryptionAtRestOptions.KmsKeyId).', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html); AWS documentation: AWS CloudFormation: AWS::OpenSearchService::Domain EncryptionAtRestOptions (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-opensearchservice-domain-encryptionatrestoptions.html)'),
  ('AWS::OpenSearch::Domain', 'encryption', 'unencrypted', 'Not encrypted', 'EncryptionAtRestOptions.Enabled is false: the storage is not encrypted at rest.', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html); AWS documentation: AWS CloudFormation: AWS::OpenSearchService::Domain EncryptionAtRestOptions (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-opensearchservice-domain-encryptionatrestoptions.html)'),
  ('AWS::RDS::DBCluster', 'storage-encryption', 'kms-key', 'Encrypted with a KMS key', 'storageEncrypted is true: encrypted with a KMS key, the AWS managed key or a customer managed one (kmsKeyId).', 'AWS documentation: Amazon Aurora: Encrypting Amazon Aurora resources (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html)'),
  ('AWS::RDS::DBCluster', 'storage-encryption', 'unencrypted', 'Not encrypted', 'storageEncrypted is false: the storage is not encrypted at rest.', 'AWS documentation: Amazon Aurora: Encrypting Amazon Aurora resources (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html)'),
  ('AWS::RDS::DBInstance', 'engine-kind', 'rds', 'Standard RDS engine', 'A standard RDS or Aurora engine: AWS manages the host OS, as the service answer says.', 'AWS documentation: Amazon RDS: Amazon RDS Custom architecture (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-concept.html)'),
  ('AWS::RDS::DBInstance', 'engine-kind', 'rds-custom-oracle', 'RDS Custom for Oracle', 'engine custom-oracle-*: the instance runs a custom engine version built from the customer''s Oracle media on an EC2 host the customer can access.', 'AWS documentation: Amazon RDS: Amazon RDS Custom architecture (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-concept.html); AWS documentation: Amazon RDS: Preparing to create a CEV (RDS Custom for Oracle) (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-cev.preparing.html)'),
  ('AWS::RDS::DBInstance', 'engine-kind', 'rds-custom-sqlserver', 'RDS Custom for SQL Server', 'engine custom-sqlserver-*: an EC2 host and OS the customer can access and customize.', 'AWS documentation: Amazon RDS: Amazon RDS Custom architecture (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-concept.html)'),
  ('AWS::RDS::DBInstance', 'storage-encryption', 'kms-key', 'Encrypted with a KMS key', 'storageEncrypted is true: encrypted with a KMS key, the AWS managed key or a customer managed one (kmsKeyId).', 'AWS documentation: Amazon RDS: AWS KMS key management (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html); AWS documentation: AWS Config: rds-storage-encrypted (https://docs.aws.amazon.com/config/latest/developerguide/rds-storage-encrypted.html)'),
  ('AWS::RDS::DBInstance', 'storage-encryption', 'unencrypted', 'Not encrypted', 'storageEncrypted is false: the storage is not encrypted at rest.', 'AWS documentation: Amazon RDS: AWS KMS key management (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html); AWS documentation: AWS Config: rds-storage-encrypted (https://docs.aws.amazon.com/config/latest/developerguide/rds-storage-encrypted.html)'),
  ('AWS::Redshift::Cluster', 'encryption', 'kms-key', 'Encrypted with a KMS key', 'encrypted is true: encrypted with a KMS key, the AWS managed key or a customer managed one (kmsKeyId).', 'AWS documentation: AWS KMS: How Amazon Redshift uses AWS KMS (https://docs.aws.amazon.com/kms/latest/developerguide/services-redshift.html); AWS documentation: AWS Config: redshift-cluster-kms-enabled (https://docs.aws.amazon.com/config/latest/developerguide/redshift-cluster-kms-enabled.html)'),
  ('AWS::Redshift::Cluster', 'encryption', 'unencrypted', 'Not encrypted', 'encrypted is false: the storage is not encrypted at rest.', 'AWS documentation: AWS KMS: How Amazon Redshift uses AWS KMS (https://docs.aws.amazon.com/kms/latest/developerguide/services-redshift.html); AWS documentation: AWS Config: redshift-cluster-kms-enabled (https://docs.aws.amazon.com/config/latest/developerguide/redshift-cluster-kms-enabled.html)'),
  ('AWS::S3::Bucket', 'default-encryption', 'dsse-kms', 'DSSE-KMS', 'sseAlgorithm aws:kms:dsse: dual-layer encryption with a KMS key.', 'AWS documentation: Amazon S3 API Reference: ServerSideEncryptionByDefault (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html)'),
  ('AWS::S3::Bucket', 'default-encryption', 'sse-kms-aws-managed', 'SSE-KMS, AWS managed key', 'sseAlgorithm aws:kms with no key named, or the alias aws/s3: the AWS managed key aws/s3.', 'AWS documentation: Amazon S3 API Reference: ServerSideEncryptionByDefault (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html)'),
  ('AWS::S3::Bucket', 'default-encryption', 'sse-kms-named-key', 'SSE-KMS, named key', 'sseAlgorithm aws:kms naming a key by ID or ARN: a customer managed key (the item cannot rule out that the ARN is the aws/s3 key''s).', 'AWS documentation: Amazon S3 API Reference: ServerSideEncryptionByDefault (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html)'),
  ('AWS::S3::Bucket', 'default-encryption', 'sse-s3', 'SSE-S3', 'sseAlgorithm AES256: S3 managed keys.', 'AWS documentation: Amazon S3 API Reference: ServerSideEncryptionByDefault (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html)'),
  ('AWS::SNS::Topic', 'sse', 'sse-kms-aws-managed', 'SSE, AWS managed key', 'KmsMasterKeyId is alias/aws/sns.', 'AWS documentation: AWS Config: sns-encrypted-kms (https://docs.aws.amazon.com/config/latest/developerguide/sns-encrypted-kms.html)'),
  ('AWS::SNS::Topic', 'sse', 'sse-kms-named-key', 'SSE, named key', 'KmsMasterKeyId names another key: a customer managed key.', 'AWS documentation: AWS Config: sns-encrypted-kms (https://docs.aws.amazon.com/config/latest/developerguide/sns-encrypted-kms.html)'),
  ('AWS::SNS::Topic', 'sse', 'unencrypted', 'Not encrypted with KMS', 'A topic item with no KmsMasterKeyId: server-side encryption is off.', 'AWS documentation: AWS Config: sns-encrypted-kms (https://docs.aws.amazon.com/config/latest/developerguide/sns-encrypted-kms.html)'),
  ('AWS::SQS::Queue', 'sse', 'sse-kms-aws-managed', 'SSE-KMS, AWS managed key', 'KmsMasterKeyId is alias/aws/sqs.', 'AWS documentation: Amazon SQS: Using server-side encryption with Amazon SQS queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html)'),
  ('AWS::SQS::Queue', 'sse', 'sse-kms-named-key', 'SSE-KMS, named key', 'KmsMasterKeyId names another key: a customer managed key.', 'AWS documentation: Amazon SQS: Using server-side encryption with Amazon SQS queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html)'),
  ('AWS::SQS::Queue', 'sse', 'sse-sqs', 'SSE-SQS', 'SqsManagedSseEnabled is true and no KMS key is named: SQS owned encryption keys.', 'AWS documentation: Amazon SQS: Using server-side encryption with Amazon SQS queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html)'),
  ('AWS::SQS::Queue', 'sse', 'unencrypted', 'Not encrypted', 'SqsManagedSseEnabled is false and no KMS key is named.', 'AWS documentation: Amazon SQS: Using server-side encryption with Amazon SQS queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html)'),
  ('AWS::SecretsManager::Secret', 'kms-key', 'aws-managed-key', 'AWS managed key', 'KMSKeyId is omitted or names alias/aws/secretsmanager.', 'AWS documentation: AWS Secrets Manager: Secret encryption and decryption in AWS Secrets Manager (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html); AWS documentation: AWS SDK for Kotlin API reference: Secrets Manager SecretListEntry kmsKeyId (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/secretsmanager/aws.sdk.kotlin.services.secretsmanager.model/-secret-list-entry/kms-key-id.html)'),
  ('AWS::SecretsManager::Secret', 'kms-key', 'named-key', 'Named key', 'KMSKeyId names another key: a customer managed key.', 'AWS documentation: AWS Secrets Manager: Secret encryption and decryption in AWS Secrets Manager (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html)');

-- variant_rule: 57 rows
INSERT INTO srm.variant_rule (resource_type, dimension, rule_order, variant_id, test, source) VALUES
  ('AWS::CloudTrail::Trail', 'log-encryption', 1, 'sse-kms', '$.configuration.kmsKeyId ? (@ like_regex ".")', 'AWS documentation: AWS Config: cloud-trail-encryption-enabled (https://docs.aws.amazon.com/config/latest/developerguide/cloud-trail-encryption-enabled.html)'),
  ('AWS::CloudTrail::Trail', 'log-encryption', 2, 'sse-s3', '$.configuration ? (exists(@.name) && !exists(@.kmsKeyId ? (@ like_regex ".")))', 'AWS documentation: AWS Control Tower: AWS CloudTrail controls (CT.CLOUDTRAIL.PR.1) (https://docs.aws.amazon.com/controltower/latest/controlreference/cloudtrail-rules.html)'),
  ('AWS::DynamoDB::Table', 'sse-key', 1, 'kms-key', '$.configuration.ssedescription ? (@.ssetype == "KMS")', 'AWS documentation: Amazon DynamoDB: DynamoDB encryption at rest (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html)'),
  ('AWS::DynamoDB::Table', 'sse-key', 2, 'aws-owned-key', '$.configuration ? (exists(@.tableName) && !exists(@.ssedescription.ssetype))', 'AWS documentation: Amazon DynamoDB: Managing encrypted tables in DynamoDB (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.tutorial.html)'),
  ('AWS::EC2::Volume', 'encryption', 1, 'unencrypted', '$.configuration ? (@.encrypted == false)', 'AWS documentation: AWS Config: encrypted-volumes (https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html)'),
  ('AWS::EC2::Volume', 'encryption', 2, 'kms-key', '$.configuration ? (@.encrypted == true)', 'AWS documentation: AWS Config: encrypted-volumes (https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html)'),
  ('AWS::ECS::CapacityProvider', 'capacity-kind', 1, 'auto-scaling-group', '$.configuration.AutoScalingGroupProvider.AutoScalingGroupArn ? (@ like_regex "^arn:")', 'AWS documentation: Amazon ECS: Shared responsibility model for Amazon ECS (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html)'),
  ('AWS::ECS::CapacityProvider', 'capacity-kind', 2, 'managed-instances', '$.configuration.ManagedInstancesProvider ? (@.InfrastructureRoleArn like_regex "^arn:")', 'AWS documentation: Amazon ECS API Reference: ManagedInstancesProvider (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedInstancesProvider.html)'),
  ('AWS::ECS::Service', 'launch-type', 1, 'fargate', '$.configuration ? (@.LaunchType == "FARGATE")', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html)'),
  ('AWS::ECS::Service', 'launch-type', 2, 'ec2', '$.configuration ? (@.LaunchType == "EC2")', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html)'),
  ('AWS::ECS::Service', 'launch-type', 3, 'external', '$.configuration ? (@.LaunchType == "EXTERNAL")', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html)'),
  ('AWS::ECS::Service', 'launch-type', 4, 'fargate', '$.configuration ? (exists(@.CapacityProviderStrategy[*].CapacityProvider) && !exists(@.CapacityProviderStrategy[*] ? (@.CapacityProvider != "FARGATE" && @.CapacityProvider != "FARGATE_SPOT")))', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html)'),
  ('AWS::ECS::TaskDefinition', 'compatibility', 1, 'fargate', '$.configuration ? (exists(@.RequiresCompatibilities[*] ? (@ == "FARGATE")) && !exists(@.RequiresCompatibilities[*] ? (@ != "FARGATE")))', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html)'),
  ('AWS::ECS::TaskDefinition', 'compatibility', 2, 'ec2', '$.configuration ? (exists(@.RequiresCompatibilities[*] ? (@ == "EC2")) && !exists(@.RequiresCompatibilities[*] ? (@ != "EC2")))', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html)'),
  ('AWS::ECS::TaskDefinition', 'compatibility', 3, 'external', '$.configuration ? (exists(@.RequiresCompatibilities[*] ? (@ == "EXTERNAL")) && !exists(@.RequiresCompatibilities[*] ? (@ != "EXTERNAL")))', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html)'),
  ('AWS::ECS::TaskDefinition', 'compatibility', 4, 'several', '$.configuration.RequiresCompatibilities[*] ? (@ == "FARGATE" || @ == "EC2" || @ == "EXTERNAL")', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html)'),
  ('AWS::EFS::FileSystem', 'encryption', 1, 'unencrypted', '$.configuration ? (@.Encrypted == false)', 'AWS documentation: Amazon EFS: Encrypting data at rest (https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html); AWS documentation: Amazon EFS: Using AWS KMS keys for Amazon EFS (https://docs.aws.amazon.com/efs/latest/ug/EFSKMS.html)'),
  ('AWS::EFS::FileSystem', 'encryption', 2, 'kms-key', '$.configuration ? (@.Encrypted == true)', 'AWS documentation: Amazon EFS: Encrypting data at rest (https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html); AWS documentation: Amazon EFS: Using AWS KMS keys for Amazon EFS (https://docs.aws.amazon.com/efs/latest/ug/EFSKMS.html)'),
  ('AWS::EKS::Cluster', 'compute-mode', 1, 'auto-mode', '$.configuration.ComputeConfig ? (@.Enabled == true)', 'AWS documentation: AWS CloudFormation: AWS::EKS::Cluster ComputeConfig (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-eks-cluster-computeconfig.html)'),
  ('AWS::EKS::Cluster', 'compute-mode', 2, 'standard', '$.configuration.ComputeConfig ? (@.Enabled == false)', 'AWS documentation: AWS CloudFormation: AWS::EKS::Cluster ComputeConfig (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-eks-cluster-computeconfig.html)'),
  ('AWS::EKS::Nodegroup', 'ami-type', 1, 'custom-ami', '$.configuration ? (@.AmiType == "CUSTOM")', 'AWS documentation: Amazon EKS API Reference: UpdateNodegroupVersion (https://docs.aws.amazon.com/eks/latest/APIReference/API_UpdateNodegroupVersion.html)'),
  ('AWS::EKS::Nodegroup', 'ami-type', 2, 'eks-optimized-ami', '$.configuration.AmiType ? (@ starts with "AL2" || @ starts with "BOTTLEROCKET" || @ starts with "WINDOWS")', 'AWS documentation: Amazon EKS: Update a managed node group for your cluster (https://docs.aws.amazon.com/eks/latest/userguide/update-managed-node-group.html)'),
  ('AWS::Elasticsearch::Domain', 'encryption', 1, 'unencrypted', '$.configuration ? (@.encryptionAtRestOptions.enabled == false)', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html)'),
  ('AWS::Elasticsearch::Domain', 'encryption', 2, 'kms-key', '$.configuration ? (@.encryptionAtRestOptions.enabled == true)', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html)'),
  ('AWS::Kinesis::Stream', 'sse', 1, 'kms-kinesis-key', '$.configuration.StreamEncryption ? (@.EncryptionType == "KMS" && @.KeyId like_regex "(^|:)alias/aws/kinesis$")', 'AWS documentation: Amazon Kinesis Data Streams API Reference: StartStreamEncryption (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartStreamEncryption.html)'),
  ('AWS::Kinesis::Stream', 'sse', 2, 'kms-named-key', '$.configuration.StreamEncryption ? (@.EncryptionType == "KMS" && @.KeyId like_regex ".")', 'AWS documentation: Amazon Kinesis Data Streams API Reference: StartStreamEncryption (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartStreamEncryption.html)'),
  ('AWS::Kinesis::Stream', 'sse', 3, 'unencrypted', '$.configuration.StreamEncryption ? (@.EncryptionType == "NONE")', 'AWS documentation: AWS CloudFormation: AWS::Kinesis::Stream StreamEncryption (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-kinesis-stream-streamencryption.html)'),
  ('AWS::Lambda::Function', 'runtime', 1, 'container-image', '$.configuration ? (@.packageType == "Image")', 'AWS documentation: AWS Lambda: Understanding the shared responsibility model for Lambda runtime management (https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html)'),
  ('AWS::Lambda::Function', 'runtime', 2, 'os-only-runtime', '$.configuration.runtime ? (@ starts with "provided")', 'AWS documentation: AWS Lambda: When to use Lambda''s OS-only runtimes (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-provided.html)'),
  ('AWS::Lambda::Function', 'runtime', 3, 'managed-runtime-manual', '$.configuration.runtimeManagementConfig ? (@.updateRuntimeOn == "Manual")', 'AWS documentation: AWS CloudFormation: AWS::Lambda::Function RuntimeManagementConfig (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-runtimemanagementconfig.html)'),
  ('AWS::Lambda::Function', 'runtime', 4, 'managed-runtime-function-update', '$.configuration.runtimeManagementConfig ? (@.updateRuntimeOn == "FunctionUpdate")', 'AWS documentation: AWS CloudFormation: AWS::Lambda::Function RuntimeManagementConfig (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-runtimemanagementconfig.html)'),
  ('AWS::Lambda::Function', 'runtime', 5, 'managed-runtime-auto', '$.configuration.runtimeManagementConfig ? (@.updateRuntimeOn == "Auto")', 'AWS documentation: AWS CloudFormation: AWS::Lambda::Function RuntimeManagementConfig (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-runtimemanagementconfig.html)'),
  ('AWS::OpenSearch::Domain', 'encryption', 1, 'unencrypted', '$.configuration ? (@.EncryptionAtRestOptions.Enabled == false)', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html); AWS documentation: AWS CloudFormation: AWS::OpenSearchService::Domain EncryptionAtRestOptions (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-opensearchservice-domain-encryptionatrestoptions.html)'),
  ('AWS::OpenSearch::Domain', 'encryption', 2, 'kms-key', '$.configuration ? (@.EncryptionAtRestOptions.Enabled == true)', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html); AWS documentation: AWS CloudFormation: AWS::OpenSearchService::Domain EncryptionAtRestOptions (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-opensearchservice-domain-encryptionatrestoptions.html)'),
  ('AWS::RDS::DBCluster', 'storage-encryption', 1, 'unencrypted', '$.configuration ? (@.storageEncrypted == false)', 'AWS documentation: Amazon Aurora: Encrypting Amazon Aurora resources (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html)'),
  ('AWS::RDS::DBCluster', 'storage-encryption', 2, 'kms-key', '$.configuration ? (@.storageEncrypted == true)', 'AWS documentation: Amazon Aurora: Encrypting Amazon Aurora resources (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html)'),
  ('AWS::RDS::DBInstance', 'engine-kind', 1, 'rds-custom-oracle', '$.configuration.engine ? (@ starts with "custom-oracle")', 'AWS documentation: Amazon RDS: Preparing to create a CEV (RDS Custom for Oracle) (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-cev.preparing.html)'),
  ('AWS::RDS::DBInstance', 'engine-kind', 2, 'rds-custom-sqlserver', '$.configuration.engine ? (@ starts with "custom-sqlserver")', 'AWS documentation: Amazon RDS: Amazon RDS Custom architecture (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-concept.html)'),
  ('AWS::RDS::DBInstance', 'engine-kind', 3, 'rds', '$.configuration.engine ? (@ like_regex "^(mysql|mariadb|postgres|oracle-|sqlserver-|db2-|aurora)")', 'AWS documentation: Amazon RDS: Amazon RDS Custom architecture (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-concept.html)'),
  ('AWS::RDS::DBInstance', 'storage-encryption', 1, 'unencrypted', '$.configuration ? (@.storageEncrypted == false)', 'AWS documentation: Amazon RDS: AWS KMS key management (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html); AWS documentation: AWS Config: rds-storage-encrypted (https://docs.aws.amazon.com/config/latest/developerguide/rds-storage-encrypted.html)'),
  ('AWS::RDS::DBInstance', 'storage-encryption', 2, 'kms-key', '$.configuration ? (@.storageEncrypted == true)', 'AWS documentation: Amazon RDS: AWS KMS key management (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html); AWS documentation: AWS Config: rds-storage-encrypted (https://docs.aws.amazon.com/config/latest/developerguide/rds-storage-encrypted.html)'),
  ('AWS::Redshift::Cluster', 'encryption', 1, 'unencrypted', '$.configuration ? (@.encrypted == false)', 'AWS documentation: AWS KMS: How Amazon Redshift uses AWS KMS (https://docs.aws.amazon.com/kms/latest/developerguide/services-redshift.html); AWS documentation: AWS Config: redshift-cluster-kms-enabled (https://docs.aws.amazon.com/config/latest/developerguide/redshift-cluster-kms-enabled.html)'),
  ('AWS::Redshift::Cluster', 'encryption', 2, 'kms-key', '$.configuration ? (@.encrypted == true)', 'AWS documentation: AWS KMS: How Amazon Redshift uses AWS KMS (https://docs.aws.amazon.com/kms/latest/developerguide/services-redshift.html); AWS documentation: AWS Config: redshift-cluster-kms-enabled (https://docs.aws.amazon.com/config/latest/developerguide/redshift-cluster-kms-enabled.html)'),
  ('AWS::S3::Bucket', 'default-encryption', 1, 'sse-s3', '$.supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[*].applyServerSideEncryptionByDefault ? (@.sseAlgorithm == "AES256")', 'AWS documentation: Amazon S3 API Reference: ServerSideEncryptionByDefault (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html)'),
  ('AWS::S3::Bucket', 'default-encryption', 2, 'dsse-kms', '$.supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[*].applyServerSideEncryptionByDefault ? (@.sseAlgorithm == "aws:kms:dsse")', 'AWS documentation: Amazon S3 API Reference: ServerSideEncryptionByDefault (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html)'),
  ('AWS::S3::Bucket', 'default-encryption', 3, 'sse-kms-aws-managed', '$.supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[*].applyServerSideEncryptionByDefault ? (@.sseAlgorithm == "aws:kms" && (!exists(@.kmsMasterKeyID) || @.kmsMasterKeyID == null || @.kmsMasterKeyID == "" || @.kmsMasterKeyID like_regex "(^|:)alias/aws/s3$"))', 'AWS documentation: Amazon S3 API Reference: ServerSideEncryptionByDefault (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html)'),
  ('AWS::S3::Bucket', 'default-encryption', 4, 'sse-kms-named-key', '$.supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[*].applyServerSideEncryptionByDefault ? (@.sseAlgorithm == "aws:kms" && @.kmsMasterKeyID like_regex ".")', 'AWS documentation: Amazon S3 API Reference: ServerSideEncryptionByDefault (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html)'),
  ('AWS::SNS::Topic', 'sse', 1, 'sse-kms-aws-managed', '$.configuration.KmsMasterKeyId ? (@ like_regex "(^|:)alias/aws/sns$")', 'AWS documentation: AWS Config: sns-encrypted-kms (https://docs.aws.amazon.com/config/latest/developerguide/sns-encrypted-kms.html)'),
  ('AWS::SNS::Topic', 'sse', 2, 'sse-kms-named-key', '$.configuration.KmsMasterKeyId ? (@ like_regex ".")', 'AWS documentation: AWS Config: sns-encrypted-kms (https://docs.aws.amazon.com/config/latest/developerguide/sns-encrypted-kms.html)'),
  ('AWS::SNS::Topic', 'sse', 3, 'unencrypted', '$.configuration ? (exists(@.TopicArn) && !exists(@.KmsMasterKeyId ? (@ like_regex ".")))', 'AWS documentation: AWS Config: sns-encrypted-kms (https://docs.aws.amazon.com/config/latest/developerguide/sns-encrypted-kms.html)'),
  ('AWS::SQS::Queue', 'sse', 1, 'sse-kms-aws-managed', '$.configuration.KmsMasterKeyId ? (@ like_regex "(^|:)alias/aws/sqs$")', 'AWS documentation: Amazon SQS: Using server-side encryption with Amazon SQS queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html)'),
  ('AWS::SQS::Queue', 'sse', 2, 'sse-kms-named-key', '$.configuration.KmsMasterKeyId ? (@ like_regex ".")', 'AWS documentation: Amazon SQS: Using server-side encryption with Amazon SQS queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html)'),
  ('AWS::SQS::Queue', 'sse', 3, 'sse-sqs', '$.configuration.SqsManagedSseEnabled ? (@ == true || @ == "true")', 'AWS documentation: Amazon SQS: Using server-side encryption with Amazon SQS queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html)'),
  ('AWS::SQS::Queue', 'sse', 4, 'unencrypted', '$.configuration ? ((@.SqsManagedSseEnabled == false || @.SqsManagedSseEnabled == "false") && !exists(@.KmsMasterKeyId ? (@ like_regex ".")))', 'AWS documentation: Amazon SQS: Using server-side encryption with Amazon SQS queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html)'),
  ('AWS::SecretsManager::Secret', 'kms-key', 1, 'aws-managed-key', '$.configuration.KMSKeyId ? (@ like_regex "(^|:)alias/aws/secretsmanager$")', 'AWS documentation: AWS Secrets Manager: Secret encryption and decryption in AWS Secrets Manager (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html)'),
  ('AWS::SecretsManager::Secret', 'kms-key', 2, 'named-key', '$.configuration.KMSKeyId ? (@ like_regex ".")', 'AWS documentation: AWS Secrets Manager: Secret encryption and decryption in AWS Secrets Manager (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html)'),
  ('AWS::SecretsManager::Secret', 'kms-key', 3, 'aws-managed-key', '$.configuration ? (exists(@.Name) && !exists(@.KMSKeyId ? (@ like_regex ".")))', 'AWS documentation: AWS SDK for Kotlin API reference: Secrets Manager SecretListEntry kmsKeyId (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/secretsmanager/aws.sdk.kotlin.services.secretsmanager.model/-secret-list-entry/kms-key-id.html)');

-- variant_layer: 61 rows
INSERT INTO srm.variant_layer (resource_type, variant_id, layer_id, responsibility, reason, source) VALUES
  ('AWS::CloudTrail::Trail', 'sse-kms', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'CloudTrail encrypts the log files with the KMS key the customer names; the key''s policy and rotation are the customer''s.', 'AWS documentation: AWS Control Tower: AWS CloudTrail controls (CT.CLOUDTRAIL.PR.1) (https://docs.aws.amazon.com/controltower/latest/controlreference/cloudtrail-rules.html); AWS documentation: AWS Config: cloud-trail-encryption-enabled (https://docs.aws.amazon.com/config/latest/developerguide/cloud-trail-encryption-enabled.html)'),
  ('AWS::CloudTrail::Trail', 'sse-s3', 'server-side-encryption', 'provider (system)'::srm.responsibility, 'By default the log files CloudTrail delivers are encrypted with SSE-S3, whose keys S3 manages.', 'AWS documentation: AWS Control Tower: AWS CloudTrail controls (CT.CLOUDTRAIL.PR.1) (https://docs.aws.amazon.com/controltower/latest/controlreference/cloudtrail-rules.html)'),
  ('AWS::DynamoDB::Table', 'aws-owned-key', 'server-side-encryption', 'provider (system)'::srm.responsibility, 'Tables are always encrypted; with the AWS owned key DynamoDB owns and manages the key and the customer has nothing to set.', 'AWS documentation: Amazon DynamoDB: DynamoDB encryption at rest (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html); AWS documentation: Amazon DynamoDB: Managing encrypted tables in DynamoDB (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.tutorial.html)'),
  ('AWS::DynamoDB::Table', 'kms-key', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'DynamoDB encrypts with a KMS key in the customer''s account; choosing it and, for a customer managed key, its policy and rotation are the customer''s.', 'AWS documentation: Amazon DynamoDB: DynamoDB encryption at rest (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html)'),
  ('AWS::EC2::Volume', 'kms-key', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'AWS encrypts the storage with a KMS key; which key, and for a customer managed key its policy, rotation and deletion, are the customer''s settings.', 'AWS documentation: AWS Config: encrypted-volumes (https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html)'),
  ('AWS::EC2::Volume', 'unencrypted', 'server-side-encryption', 'customer (configured)'::srm.responsibility, 'Nothing is encrypted at rest: encryption is a setting the customer has not turned on (for most services only when the resource is created, or by copying it).', 'AWS documentation: AWS Config: encrypted-volumes (https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html)'),
  ('AWS::ECS::CapacityProvider', 'auto-scaling-group', 'operating-system', 'customer (provided)'::srm.responsibility, 'The group''s instances are the customer''s EC2 container instances: their guest OS and its patches are the customer''s.', 'AWS documentation: Amazon ECS: Shared responsibility model for Amazon ECS (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html)'),
  ('AWS::ECS::CapacityProvider', 'managed-instances', 'operating-system', 'provider (system), customer (configured)'::srm.responsibility, 'Amazon ECS manages and replaces the instances (infrastructure management offloaded to AWS, a lifetime of at most 14 days); the customer sets the EC2 event windows in which they are replaced.', 'AWS documentation: Amazon ECS API Reference: ManagedInstancesProvider (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedInstancesProvider.html); AWS documentation: Amazon ECS: Migrate from AWS Fargate to Amazon ECS Managed Instances (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/migrate-fargate-to-managed-instances.html)'),
  ('AWS::ECS::Service', 'ec2', 'operating-system', 'customer (provided)'::srm.responsibility, 'With the EC2 launch type the customer owns its container instances: the guest OS, its updates and security patches, and the container agent on it.', 'AWS documentation: Amazon ECS: Shared responsibility model for Amazon ECS (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html)'),
  ('AWS::ECS::Service', 'external', 'facilities', 'customer (provided)'::srm.responsibility, 'External instances sit in the customer''s own site (or another provider''s).', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html); AWS documentation: Amazon ECS: Creating an Amazon ECS cluster for the External launch type (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-cluster-console-v2-ecs-anywhere.html)'),
  ('AWS::ECS::Service', 'external', 'hardware', 'customer (provided)'::srm.responsibility, 'External instances run on the customer''s own hardware.', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html); AWS documentation: Amazon ECS: Creating an Amazon ECS cluster for the External launch type (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-cluster-console-v2-ecs-anywhere.html)'),
  ('AWS::ECS::Service', 'external', 'operating-system', 'customer (provided)'::srm.responsibility, 'ECS Anywhere runs tasks on the customer''s own servers or VMs, whose OS the customer runs and patches.', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html); AWS documentation: Amazon ECS: Creating an Amazon ECS cluster for the External launch type (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-cluster-console-v2-ecs-anywhere.html)'),
  ('AWS::ECS::Service', 'external', 'virtualization', 'customer (provided)'::srm.responsibility, 'External instances are the customer''s own servers or VMs on its own hypervisor.', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html); AWS documentation: Amazon ECS: Creating an Amazon ECS cluster for the External launch type (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-cluster-console-v2-ecs-anywhere.html)'),
  ('AWS::ECS::Service', 'fargate', 'operating-system', 'provider (system)'::srm.responsibility, 'On Fargate AWS runs and patches the host OS, kernel and container runtime of every task; the customer secures no compute infrastructure.', 'AWS documentation: Amazon ECS: Shared responsibility model for Amazon ECS (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html); AWS documentation: Amazon ECS best practices: Fargate security considerations for Amazon ECS (https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/fargate-security-considerations.html)'),
  ('AWS::ECS::TaskDefinition', 'ec2', 'operating-system', 'customer (provided)'::srm.responsibility, 'With the EC2 launch type the customer owns its container instances: the guest OS, its updates and security patches, and the container agent on it.', 'AWS documentation: Amazon ECS: Shared responsibility model for Amazon ECS (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html)'),
  ('AWS::ECS::TaskDefinition', 'external', 'facilities', 'customer (provided)'::srm.responsibility, 'External instances sit in the customer''s own site (or another provider''s).', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html); AWS documentation: Amazon ECS: Creating an Amazon ECS cluster for the External launch type (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-cluster-console-v2-ecs-anywhere.html)'),
  ('AWS::ECS::TaskDefinition', 'external', 'hardware', 'customer (provided)'::srm.responsibility, 'External instances run on the customer''s own hardware.', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html); AWS documentation: Amazon ECS: Creating an Amazon ECS cluster for the External launch type (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-cluster-console-v2-ecs-anywhere.html)'),
  ('AWS::ECS::TaskDefinition', 'external', 'operating-system', 'customer (provided)'::srm.responsibility, 'ECS Anywhere runs tasks on the customer''s own servers or VMs, whose OS the customer runs and patches.', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html); AWS documentation: Amazon ECS: Creating an Amazon ECS cluster for the External launch type (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-cluster-console-v2-ecs-anywhere.html)'),
  ('AWS::ECS::TaskDefinition', 'external', 'virtualization', 'customer (provided)'::srm.responsibility, 'External instances are the customer''s own servers or VMs on its own hypervisor.', 'AWS documentation: AWS SDK for Kotlin API reference: Amazon ECS CreateServiceRequest launchType (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html); AWS documentation: Amazon ECS: Creating an Amazon ECS cluster for the External launch type (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-cluster-console-v2-ecs-anywhere.html)'),
  ('AWS::ECS::TaskDefinition', 'fargate', 'operating-system', 'provider (system)'::srm.responsibility, 'On Fargate AWS runs and patches the host OS, kernel and container runtime of every task; the customer secures no compute infrastructure.', 'AWS documentation: Amazon ECS: Shared responsibility model for Amazon ECS (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html); AWS documentation: Amazon ECS best practices: Fargate security considerations for Amazon ECS (https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/fargate-security-considerations.html)'),
  ('AWS::ECS::TaskDefinition', 'several', 'operating-system', 'provider (system), customer (provided)'::srm.responsibility, 'A task of this definition may run on Fargate (AWS patches the host) or on the customer''s own instances (the customer patches them), depending on how it is launched.', 'AWS documentation: Amazon ECS: Shared responsibility model for Amazon ECS (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html)'),
  ('AWS::EFS::FileSystem', 'kms-key', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'AWS encrypts the storage with a KMS key; which key, and for a customer managed key its policy, rotation and deletion, are the customer''s settings.', 'AWS documentation: Amazon EFS: Encrypting data at rest (https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html); AWS documentation: Amazon EFS: Using AWS KMS keys for Amazon EFS (https://docs.aws.amazon.com/efs/latest/ug/EFSKMS.html)'),
  ('AWS::EFS::FileSystem', 'unencrypted', 'server-side-encryption', 'customer (configured)'::srm.responsibility, 'Nothing is encrypted at rest: encryption is a setting the customer has not turned on (for most services only when the resource is created, or by copying it).', 'AWS documentation: Amazon EFS: Encrypting data at rest (https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html); AWS documentation: Amazon EFS: Using AWS KMS keys for Amazon EFS (https://docs.aws.amazon.com/efs/latest/ug/EFSKMS.html)'),
  ('AWS::EKS::Cluster', 'auto-mode', 'operating-system', 'provider (system)'::srm.responsibility, 'In Auto Mode EKS is responsible for creating, deleting and patching the nodes'' EC2 instances (managed instances the customer cannot log in to); the customer is responsible for the containers and pods on them.', 'AWS documentation: Amazon EKS: Learn about Amazon EKS Auto Mode Managed instances (https://docs.aws.amazon.com/eks/latest/userguide/automode-learn-instances.html)'),
  ('AWS::EKS::Nodegroup', 'custom-ami', 'operating-system', 'customer (provided)'::srm.responsibility, 'With a custom AMI the customer builds and patches the image itself and rolls it out through a new launch template version; EKS does not apply OS updates to it.', 'AWS documentation: Amazon EKS API Reference: UpdateNodegroupVersion (https://docs.aws.amazon.com/eks/latest/APIReference/API_UpdateNodegroupVersion.html)'),
  ('AWS::EKS::Nodegroup', 'eks-optimized-ami', 'operating-system', 'provider (system), customer (configured)'::srm.responsibility, 'EKS publishes patched optimized AMI releases and applies them to the nodes when the customer starts a node group update.', 'AWS documentation: Amazon EKS: Update a managed node group for your cluster (https://docs.aws.amazon.com/eks/latest/userguide/update-managed-node-group.html)'),
  ('AWS::Elasticsearch::Domain', 'kms-key', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'AWS encrypts the storage with a KMS key; which key, and for a customer managed key its policy, rotation and deletion, are the customer''s settings.', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html)'),
  ('AWS::Elasticsearch::Domain', 'unencrypted', 'server-side-encryption', 'customer (configured)'::srm.responsibility, 'Nothing is encrypted at rest: encryption is a setting the customer has not turned on (for most services only when the resource is created, or by copying it).', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html)'),
  ('AWS::Kinesis::Stream', 'kms-kinesis-key', 'server-side-encryption', 'provider (system)'::srm.responsibility, 'Kinesis Data Streams encrypts with the key it owns (alias/aws/kinesis); the customer has no key to manage.', 'AWS documentation: Amazon Kinesis Data Streams API Reference: StartStreamEncryption (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartStreamEncryption.html)'),
  ('AWS::Kinesis::Stream', 'kms-named-key', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'Kinesis Data Streams encrypts with the customer managed key the customer names; its policy, rotation and deletion are the customer''s.', 'AWS documentation: Amazon Kinesis Data Streams API Reference: StartStreamEncryption (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartStreamEncryption.html)'),
  ('AWS::Kinesis::Stream', 'unencrypted', 'server-side-encryption', 'customer (configured)'::srm.responsibility, 'Records are not encrypted at rest: starting stream encryption is the customer''s setting.', 'AWS documentation: AWS CloudFormation: AWS::Kinesis::Stream StreamEncryption (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-kinesis-stream-streamencryption.html); AWS documentation: Amazon Kinesis Data Streams API Reference: StartStreamEncryption (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartStreamEncryption.html)'),
  ('AWS::Lambda::Function', 'container-image', 'operating-system', 'provider (system), customer (provided)'::srm.responsibility, 'AWS runs the host and its kernel; the OS libraries packaged in the image are the customer''s to rebuild and redeploy.', 'AWS documentation: AWS Lambda: Understanding the shared responsibility model for Lambda runtime management (https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html)'),
  ('AWS::Lambda::Function', 'container-image', 'platform', 'customer (provided)'::srm.responsibility, 'Lambda publishes updated base images, but the runtime inside a container image is the customer''s: it must rebuild the image from the latest base image and redeploy.', 'AWS documentation: AWS Lambda: Understanding the shared responsibility model for Lambda runtime management (https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html)'),
  ('AWS::Lambda::Function', 'managed-runtime-auto', 'platform', 'provider (system), customer (configured)'::srm.responsibility, 'Lambda publishes runtime versions and applies them to the function; the customer rolls back in the rare case of an incompatibility and moves off deprecated runtimes.', 'AWS documentation: AWS Lambda: Understanding the shared responsibility model for Lambda runtime management (https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html)'),
  ('AWS::Lambda::Function', 'managed-runtime-function-update', 'platform', 'provider (system), customer (configured)'::srm.responsibility, 'Lambda publishes runtime versions; they reach the function only when the customer updates it, which the customer must do regularly.', 'AWS documentation: AWS Lambda: Understanding the shared responsibility model for Lambda runtime management (https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html)'),
  ('AWS::Lambda::Function', 'managed-runtime-manual', 'platform', 'provider (system), customer (configured)'::srm.responsibility, 'Lambda publishes runtime versions; the customer is responsible for moving the function to the latest one, and should use this mode only as a temporary roll-back.', 'AWS documentation: AWS Lambda: Understanding the shared responsibility model for Lambda runtime management (https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html)'),
  ('AWS::Lambda::Function', 'os-only-runtime', 'platform', 'customer (provided)'::srm.responsibility, 'With an OS-only runtime the customer supplies the runtime interface client and any language runtime in its deployment package; Lambda supplies only the OS environment.', 'AWS documentation: AWS Lambda: When to use Lambda''s OS-only runtimes (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-provided.html)'),
  ('AWS::OpenSearch::Domain', 'kms-key', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'AWS encrypts the storage with a KMS key; which key, and for a customer managed key its policy, rotation and deletion, are the customer''s settings.', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html); AWS documentation: AWS CloudFormation: AWS::OpenSearchService::Domain EncryptionAtRestOptions (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-opensearchservice-domain-encryptionatrestoptions.html)'),
  ('AWS::OpenSearch::Domain', 'unencrypted', 'server-side-encryption', 'customer (configured)'::srm.responsibility, 'Nothing is encrypted at rest: encryption is a setting the customer has not turned on (for most services only when the resource is created, or by copying it).', 'AWS documentation: Amazon OpenSearch Service API Reference: EncryptionAtRestOptions (https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html); AWS documentation: AWS CloudFormation: AWS::OpenSearchService::Domain EncryptionAtRestOptions (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-opensearchservice-domain-encryptionatrestoptions.html)'),
  ('AWS::RDS::DBCluster', 'kms-key', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'AWS encrypts the storage with a KMS key; which key, and for a customer managed key its policy, rotation and deletion, are the customer''s settings.', 'AWS documentation: Amazon Aurora: Encrypting Amazon Aurora resources (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html)'),
  ('AWS::RDS::DBCluster', 'unencrypted', 'server-side-encryption', 'customer (configured)'::srm.responsibility, 'Nothing is encrypted at rest: encryption is a setting the customer has not turned on (for most services only when the resource is created, or by copying it).', 'AWS documentation: Amazon Aurora: Encrypting Amazon Aurora resources (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html)'),
  ('AWS::RDS::DBInstance', 'kms-key', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'AWS encrypts the storage with a KMS key; which key, and for a customer managed key its policy, rotation and deletion, are the customer''s settings.', 'AWS documentation: Amazon RDS: AWS KMS key management (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html); AWS documentation: AWS Config: rds-storage-encrypted (https://docs.aws.amazon.com/config/latest/developerguide/rds-storage-encrypted.html)'),
  ('AWS::RDS::DBInstance', 'rds-custom-oracle', 'operating-system', 'provider (system), customer (configured)'::srm.responsibility, 'In the shared responsibility model of RDS Custom for Oracle the customer keeps the OS up to date and chooses which patches to apply; RDS Custom publishes new default AMIs and performs the OS upgrade the customer starts.', 'AWS documentation: Amazon RDS: Considerations for RDS Custom for Oracle OS upgrades (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-upgrading-considerations-os.html)'),
  ('AWS::RDS::DBInstance', 'rds-custom-oracle', 'platform', 'customer (provided)'::srm.responsibility, 'The database engine comes from installation files and patches the customer downloads from Oracle and stores in its own S3 bucket to build a custom engine version.', 'AWS documentation: Amazon RDS: Preparing to create a CEV (RDS Custom for Oracle) (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-cev.preparing.html)'),
  ('AWS::RDS::DBInstance', 'rds-custom-sqlserver', 'operating-system', 'provider (system), customer (configured)'::srm.responsibility, 'An RDS Custom DB instance is an EC2 instance with an OS the customer can access and customize; RDS Custom automation keeps running on it.', 'AWS documentation: Amazon RDS: Amazon RDS Custom architecture (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-concept.html)'),
  ('AWS::RDS::DBInstance', 'unencrypted', 'server-side-encryption', 'customer (configured)'::srm.responsibility, 'Nothing is encrypted at rest: encryption is a setting the customer has not turned on (for most services only when the resource is created, or by copying it).', 'AWS documentation: Amazon RDS: AWS KMS key management (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html); AWS documentation: AWS Config: rds-storage-encrypted (https://docs.aws.amazon.com/config/latest/developerguide/rds-storage-encrypted.html)'),
  ('AWS::Redshift::Cluster', 'kms-key', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'AWS encrypts the storage with a KMS key; which key, and for a customer managed key its policy, rotation and deletion, are the customer''s settings.', 'AWS documentation: AWS KMS: How Amazon Redshift uses AWS KMS (https://docs.aws.amazon.com/kms/latest/developerguide/services-redshift.html); AWS documentation: AWS Config: redshift-cluster-kms-enabled (https://docs.aws.amazon.com/config/latest/developerguide/redshift-cluster-kms-enabled.html)'),
  ('AWS::Redshift::Cluster', 'unencrypted', 'server-side-encryption', 'customer (configured)'::srm.responsibility, 'Nothing is encrypted at rest: encryption is a setting the customer has not turned on (for most services only when the resource is created, or by copying it).', 'AWS documentation: AWS KMS: How Amazon Redshift uses AWS KMS (https://docs.aws.amazon.com/kms/latest/developerguide/services-redshift.html); AWS documentation: AWS Config: redshift-cluster-kms-enabled (https://docs.aws.amazon.com/config/latest/developerguide/redshift-cluster-kms-enabled.html)'),
  ('AWS::S3::Bucket', 'dsse-kms', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'S3 applies two layers of encryption with a KMS key; the key named (or aws/s3) and, for a customer managed key, its management are the customer''s.', 'AWS documentation: Amazon S3 API Reference: ServerSideEncryptionByDefault (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html)'),
  ('AWS::S3::Bucket', 'sse-kms-aws-managed', 'server-side-encryption', 'provider (system)'::srm.responsibility, 'S3 creates the AWS managed key aws/s3 in the customer''s account and uses it by default; AWS manages that key''s policy and rotation. Who may use it is a matter of IAM (identity and access).', 'AWS documentation: Amazon S3 API Reference: ServerSideEncryptionByDefault (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html)'),
  ('AWS::S3::Bucket', 'sse-kms-named-key', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'S3 encrypts with the KMS key the customer names; a customer managed key''s policy, rotation and deletion are the customer''s.', 'AWS documentation: Amazon S3 API Reference: ServerSideEncryptionByDefault (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html)'),
  ('AWS::S3::Bucket', 'sse-s3', 'server-side-encryption', 'provider (system)'::srm.responsibility, 'S3 generates, stores and rotates the keys of SSE-S3; the customer has no key to manage.', 'AWS documentation: Amazon S3 API Reference: ServerSideEncryptionByDefault (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html)'),
  ('AWS::SNS::Topic', 'sse-kms-aws-managed', 'server-side-encryption', 'provider (system)'::srm.responsibility, 'SNS encrypts with the AWS managed key for SNS, whose policy and rotation AWS manages.', 'AWS documentation: AWS Config: sns-encrypted-kms (https://docs.aws.amazon.com/config/latest/developerguide/sns-encrypted-kms.html)'),
  ('AWS::SNS::Topic', 'sse-kms-named-key', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'SNS encrypts with the KMS key the customer names; a customer managed key''s policy, rotation and deletion are the customer''s.', 'AWS documentation: AWS Config: sns-encrypted-kms (https://docs.aws.amazon.com/config/latest/developerguide/sns-encrypted-kms.html)'),
  ('AWS::SNS::Topic', 'unencrypted', 'server-side-encryption', 'customer (configured)'::srm.responsibility, 'The topic is not encrypted with a KMS key: turning server-side encryption on is the customer''s setting.', 'AWS documentation: AWS Config: sns-encrypted-kms (https://docs.aws.amazon.com/config/latest/developerguide/sns-encrypted-kms.html)'),
  ('AWS::SQS::Queue', 'sse-kms-aws-managed', 'server-side-encryption', 'provider (system)'::srm.responsibility, 'SQS encrypts with the AWS managed key for SQS, whose policy and rotation AWS manages.', 'AWS documentation: Amazon SQS: Using server-side encryption with Amazon SQS queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html)'),
  ('AWS::SQS::Queue', 'sse-kms-named-key', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'SQS encrypts with the KMS key the customer names; a customer managed key''s policy, rotation and deletion are the customer''s.', 'AWS documentation: Amazon SQS: Using server-side encryption with Amazon SQS queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html)'),
  ('AWS::SQS::Queue', 'sse-sqs', 'server-side-encryption', 'provider (system)'::srm.responsibility, 'SQS encrypts with keys it owns and manages; the customer has no key to manage.', 'AWS documentation: Amazon SQS: Using server-side encryption with Amazon SQS queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html)'),
  ('AWS::SQS::Queue', 'unencrypted', 'server-side-encryption', 'customer (configured)'::srm.responsibility, 'Messages are not encrypted at rest: turning on SSE-SQS or SSE-KMS is the customer''s setting.', 'AWS documentation: Amazon SQS: Using server-side encryption with Amazon SQS queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html)'),
  ('AWS::SecretsManager::Secret', 'aws-managed-key', 'server-side-encryption', 'provider (system)'::srm.responsibility, 'Secrets Manager encrypts with the AWS managed key aws/secretsmanager, which it creates and whose policy and rotation AWS manages.', 'AWS documentation: AWS Secrets Manager: Secret encryption and decryption in AWS Secrets Manager (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html)'),
  ('AWS::SecretsManager::Secret', 'named-key', 'server-side-encryption', 'provider (system), customer (configured)'::srm.responsibility, 'Secrets Manager encrypts with the customer managed key the customer chose; its key policy, rotation and deletion are the customer''s.', 'AWS documentation: AWS Secrets Manager: Secret encryption and decryption in AWS Secrets Manager (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html)');

-- control_layer: 190 row(s) changed
UPDATE srm.control_layer SET source = 'srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.2' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.2' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.2' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.3' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.3' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.3' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.4' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.4' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.4' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.5' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.5' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.5' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.7' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.7' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.7' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.8' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.8' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.8' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.9' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.9' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.9' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.10' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.10' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.10' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.11' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.11' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.11' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.12' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.12' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.12' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.13' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.13' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.13' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.14' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.14' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.14' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.15' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.15' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ac-3.15' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7' AND layer_id = 'facilities';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.1' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.1' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.1' AND layer_id = 'facilities';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.2' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.2' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.2' AND layer_id = 'facilities';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.3' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.3' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.3' AND layer_id = 'facilities';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.4' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.4' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.4' AND layer_id = 'facilities';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.6' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.6' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-7.6' AND layer_id = 'facilities';
UPDATE srm.control_layer SET source = 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-9' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-9.1' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-9.2' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-9.3' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-9.5' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-9.6' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-9.7' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-9.8' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10' AND layer_id = 'platform';
UPDATE srm.control_layer SET source = 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10' AND layer_id = 'operating-system';
UPDATE srm.control_layer SET source = 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10.2' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10.2' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10.2' AND layer_id = 'platform';
UPDATE srm.control_layer SET source = 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10.2' AND layer_id = 'operating-system';
UPDATE srm.control_layer SET source = 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10.4' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10.4' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10.4' AND layer_id = 'platform';
UPDATE srm.control_layer SET source = 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10.4' AND layer_id = 'operating-system';
UPDATE srm.control_layer SET source = 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10.6' AND layer_id = 'data';
UPDATE srm.control_layer SET source = 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10.6' AND layer_id = 'application';
UPDATE srm.control_layer SET source = 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10.6' AND layer_id = 'platform';
UPDATE srm.control_layer SET source = 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'cp-10.6' AND layer_id = 'operating-system';
UPDATE srm.control_layer SET source = 'srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-2' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-2.1' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-2.2' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-2.5' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-2.6' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-2.8' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-2.10' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-2.12' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-2.13' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET basis = 'explicit', source = 'srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: password complexity, reuse and temporary passwords are among the 10 customer-only NIST SP 800-171 requirements (a password policy the customer sets, in IAM or in its own systems); only the identity and access layer' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.1' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.2' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.5' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.6' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.7' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.8' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.9' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.10' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.12' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.13' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.14' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.15' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.16' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.17' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ia-5.18' AND layer_id = 'identity-access';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-1' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-1' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-2' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-2' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-2.2' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-2.2' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.1' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.1' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.2' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.2' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.3' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.3' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.4' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.4' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.5' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.5' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.6' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-3.6' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.1' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.1' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.2' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.2' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.3' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.3' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.4' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.4' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.5' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-5.5' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-6' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-6' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-6.1' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-6.1' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-6.2' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-6.2' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-6.3' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-6.3' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-7' AND layer_id = 'virtualization';
UPDATE srm.control_layer SET source = 'family ma default: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: maintenance of the system''s equipment and host software is the provider''s (AWS counts 5 of 6 NIST SP 800-171 maintenance requirements inheritable); guest OS updates are SI-2 and CM-3, remote sessions into instances MA-4' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'ma-7' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: media sanitization concerns the physical media, which are the provider''s (AWS counts 8 of 9 NIST SP 800-171 media protection requirements inheritable); deleting the customer''s data is SI-12 and AC-3, not media sanitization' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'mp-6' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'from mp-6: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: media sanitization concerns the physical media, which are the provider''s (AWS counts 8 of 9 NIST SP 800-171 media protection requirements inheritable); deleting the customer''s data is SI-12 and AC-3, not media sanitization' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'mp-6.1' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'from mp-6: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: media sanitization concerns the physical media, which are the provider''s (AWS counts 8 of 9 NIST SP 800-171 media protection requirements inheritable); deleting the customer''s data is SI-12 and AC-3, not media sanitization' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'mp-6.2' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'from mp-6: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: media sanitization concerns the physical media, which are the provider''s (AWS counts 8 of 9 NIST SP 800-171 media protection requirements inheritable); deleting the customer''s data is SI-12 and AC-3, not media sanitization' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'mp-6.3' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'from mp-6: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: media sanitization concerns the physical media, which are the provider''s (AWS counts 8 of 9 NIST SP 800-171 media protection requirements inheritable); deleting the customer''s data is SI-12 and AC-3, not media sanitization' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'mp-6.7' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'from mp-6: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: media sanitization concerns the physical media, which are the provider''s (AWS counts 8 of 9 NIST SP 800-171 media protection requirements inheritable); deleting the customer''s data is SI-12 and AC-3, not media sanitization' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'mp-6.8' AND layer_id = 'hardware';
UPDATE srm.control_layer SET source = 'srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.3' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.4' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.5' AND layer_id = 'network-config';
UPDATE srm.control_layer SET basis = 'explicit', source = 'srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: preventing split tunneling is done on the customer''s remote devices and VPN settings (AWS lists it among the 10 customer-only NIST SP 800-171 requirements); only the network configuration layer' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.7' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.8' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.9' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.10' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.11' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.12' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.13' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.14' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.15' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.16' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.17' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.18' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.19' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.20' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.21' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.22' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.23' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.24' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.25' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.26' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.27' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.28' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-7.29' AND layer_id = 'network-config';
UPDATE srm.control_layer SET source = 'srm review, following Amazon EC2 User Guide, Data protection: encryption in transit; AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency (traffic between zones is encrypted): AWS encrypts traffic between its facilities and zones at the physical layer (and between Nitro instances); the customer protects the traffic of its workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-8' AND layer_id = 'network-traffic';
UPDATE srm.control_layer SET source = 'from sc-8: srm review, following Amazon EC2 User Guide, Data protection: encryption in transit; AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency (traffic between zones is encrypted): AWS encrypts traffic between its facilities and zones at the physical layer (and between Nitro instances); the customer protects the traffic of its workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-8.1' AND layer_id = 'network-traffic';
UPDATE srm.control_layer SET source = 'from sc-8: srm review, following Amazon EC2 User Guide, Data protection: encryption in transit; AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency (traffic between zones is encrypted): AWS encrypts traffic between its facilities and zones at the physical layer (and between Nitro instances); the customer protects the traffic of its workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-8.2' AND layer_id = 'network-traffic';
UPDATE srm.control_layer SET source = 'from sc-8: srm review, following Amazon EC2 User Guide, Data protection: encryption in transit; AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency (traffic between zones is encrypted): AWS encrypts traffic between its facilities and zones at the physical layer (and between Nitro instances); the customer protects the traffic of its workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-8.3' AND layer_id = 'network-traffic';
UPDATE srm.control_layer SET source = 'from sc-8: srm review, following Amazon EC2 User Guide, Data protection: encryption in transit; AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency (traffic between zones is encrypted): AWS encrypts traffic between its facilities and zones at the physical layer (and between Nitro instances); the customer protects the traffic of its workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-8.4' AND layer_id = 'network-traffic';
UPDATE srm.control_layer SET source = 'from sc-8: srm review, following Amazon EC2 User Guide, Data protection: encryption in transit; AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency (traffic between zones is encrypted): AWS encrypts traffic between its facilities and zones at the physical layer (and between Nitro instances); the customer protects the traffic of its workload' WHERE framework_id = 'nist-800-53-r5' AND control_id = 'sc-8.5' AND layer_id = 'network-traffic';

-- control_layer: 132 rows
INSERT INTO srm.control_layer (framework_id, control_id, layer_id, basis, source) VALUES
  ('nist-800-53-r5', 'ac-3', 'virtualization', 'explicit', 'srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'ac-3.2', 'virtualization', 'parent', 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'ac-3.3', 'virtualization', 'parent', 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'ac-3.4', 'virtualization', 'parent', 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'ac-3.5', 'virtualization', 'parent', 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'ac-3.7', 'virtualization', 'parent', 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'ac-3.8', 'virtualization', 'parent', 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'ac-3.9', 'virtualization', 'parent', 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'ac-3.10', 'virtualization', 'parent', 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'ac-3.11', 'virtualization', 'parent', 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'ac-3.12', 'virtualization', 'parent', 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'ac-3.13', 'virtualization', 'parent', 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'ac-3.14', 'virtualization', 'parent', 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'ac-3.15', 'virtualization', 'parent', 'from ac-3: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (access enforcement partial): AWS enforces the authorizations on its control plane; the customer writes the policies and enforces access in its applications and on its data'),
  ('nist-800-53-r5', 'cp-7', 'data', 'explicit', 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design'),
  ('nist-800-53-r5', 'cp-7', 'application', 'explicit', 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design'),
  ('nist-800-53-r5', 'cp-7.1', 'data', 'parent', 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design'),
  ('nist-800-53-r5', 'cp-7.1', 'application', 'parent', 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design'),
  ('nist-800-53-r5', 'cp-7.2', 'data', 'parent', 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design'),
  ('nist-800-53-r5', 'cp-7.2', 'application', 'parent', 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design'),
  ('nist-800-53-r5', 'cp-7.3', 'data', 'parent', 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design'),
  ('nist-800-53-r5', 'cp-7.3', 'application', 'parent', 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design'),
  ('nist-800-53-r5', 'cp-7.4', 'data', 'parent', 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design'),
  ('nist-800-53-r5', 'cp-7.4', 'application', 'parent', 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design'),
  ('nist-800-53-r5', 'cp-7.6', 'data', 'parent', 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design'),
  ('nist-800-53-r5', 'cp-7.6', 'application', 'parent', 'from cp-7: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS provides isolated availability zones and regions (facilities, hardware, host software); deploying the workload and its data across them is the customer''s design'),
  ('nist-800-53-r5', 'cp-9', 'virtualization', 'explicit', 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9', 'hardware', 'explicit', 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.1', 'virtualization', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.1', 'hardware', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.2', 'virtualization', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.2', 'hardware', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.3', 'virtualization', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.3', 'hardware', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.5', 'virtualization', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.5', 'hardware', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.6', 'virtualization', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.6', 'hardware', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.7', 'virtualization', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.7', 'hardware', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.8', 'virtualization', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-9.8', 'hardware', 'parent', 'from cp-9: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS keeps backup copies durably in its storage services and runs the backup features (snapshots, AWS Backup, versioning); the customer decides what is backed up, turns the features on and keeps its own copies'),
  ('nist-800-53-r5', 'cp-10', 'virtualization', 'explicit', 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups'),
  ('nist-800-53-r5', 'cp-10', 'hardware', 'explicit', 'srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups'),
  ('nist-800-53-r5', 'cp-10.2', 'virtualization', 'parent', 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups'),
  ('nist-800-53-r5', 'cp-10.2', 'hardware', 'parent', 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups'),
  ('nist-800-53-r5', 'cp-10.4', 'virtualization', 'parent', 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups'),
  ('nist-800-53-r5', 'cp-10.4', 'hardware', 'parent', 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups'),
  ('nist-800-53-r5', 'cp-10.6', 'virtualization', 'parent', 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups'),
  ('nist-800-53-r5', 'cp-10.6', 'hardware', 'parent', 'from cp-10: srm review, following AWS Well-Architected Reliability Pillar and Disaster Recovery of Workloads on AWS whitepaper, Shared Responsibility Model for Resiliency: AWS recovers its infrastructure; the customer recovers and reconstitutes its workload from its backups'),
  ('nist-800-53-r5', 'ia-2', 'virtualization', 'explicit', 'srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload'),
  ('nist-800-53-r5', 'ia-2.1', 'virtualization', 'parent', 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload'),
  ('nist-800-53-r5', 'ia-2.2', 'virtualization', 'parent', 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload'),
  ('nist-800-53-r5', 'ia-2.5', 'virtualization', 'parent', 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload'),
  ('nist-800-53-r5', 'ia-2.6', 'virtualization', 'parent', 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload'),
  ('nist-800-53-r5', 'ia-2.8', 'virtualization', 'parent', 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload'),
  ('nist-800-53-r5', 'ia-2.10', 'virtualization', 'parent', 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload'),
  ('nist-800-53-r5', 'ia-2.12', 'virtualization', 'parent', 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload'),
  ('nist-800-53-r5', 'ia-2.13', 'virtualization', 'parent', 'from ia-2: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (identification and authentication partial): AWS authenticates every request to its APIs and verifies MFA; the customer manages its identities, federation and logons inside the workload'),
  ('nist-800-53-r5', 'ia-5', 'virtualization', 'explicit', 'srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.2', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.5', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.6', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.7', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.8', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.9', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.10', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.12', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.13', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.14', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.15', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.16', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.17', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'ia-5.18', 'virtualization', 'parent', 'from ia-5: srm review, following AWS IAM User Guide, Access management for AWS resources (AWS''s enforcement code authenticates and authorizes every request, denied by default) and AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations (authenticator management partial): AWS issues, stores and protects credentials (temporary credentials, access keys, MFA devices); the customer manages their lifecycle'),
  ('nist-800-53-r5', 'sc-7', 'virtualization', 'explicit', 'srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7', 'hardware', 'explicit', 'srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.3', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.3', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.4', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.4', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.5', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.5', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.8', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.8', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.9', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.9', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.10', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.10', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.11', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.11', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.12', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.12', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.13', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.13', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.14', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.14', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.15', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.15', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.16', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.16', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.17', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.17', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.18', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.18', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.19', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.19', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.20', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.20', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.21', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.21', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.22', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.22', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.23', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.23', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.24', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.24', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.25', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.25', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.26', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.26', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.27', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.27', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.28', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.28', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.29', 'virtualization', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-7.29', 'hardware', 'parent', 'from sc-7: srm review, following AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS (June 2026), AWS cloud considerations: boundary protection is partial (AWS runs the boundary devices of its network and the host software that enforces security groups and network ACLs; the customer configures them)'),
  ('nist-800-53-r5', 'sc-8', 'hardware', 'explicit', 'srm review, following Amazon EC2 User Guide, Data protection: encryption in transit; AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency (traffic between zones is encrypted): AWS encrypts traffic between its facilities and zones at the physical layer (and between Nitro instances); the customer protects the traffic of its workload'),
  ('nist-800-53-r5', 'sc-8.1', 'hardware', 'parent', 'from sc-8: srm review, following Amazon EC2 User Guide, Data protection: encryption in transit; AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency (traffic between zones is encrypted): AWS encrypts traffic between its facilities and zones at the physical layer (and between Nitro instances); the customer protects the traffic of its workload'),
  ('nist-800-53-r5', 'sc-8.2', 'hardware', 'parent', 'from sc-8: srm review, following Amazon EC2 User Guide, Data protection: encryption in transit; AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency (traffic between zones is encrypted): AWS encrypts traffic between its facilities and zones at the physical layer (and between Nitro instances); the customer protects the traffic of its workload'),
  ('nist-800-53-r5', 'sc-8.3', 'hardware', 'parent', 'from sc-8: srm review, following Amazon EC2 User Guide, Data protection: encryption in transit; AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency (traffic between zones is encrypted): AWS encrypts traffic between its facilities and zones at the physical layer (and between Nitro instances); the customer protects the traffic of its workload'),
  ('nist-800-53-r5', 'sc-8.4', 'hardware', 'parent', 'from sc-8: srm review, following Amazon EC2 User Guide, Data protection: encryption in transit; AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency (traffic between zones is encrypted): AWS encrypts traffic between its facilities and zones at the physical layer (and between Nitro instances); the customer protects the traffic of its workload'),
  ('nist-800-53-r5', 'sc-8.5', 'hardware', 'parent', 'from sc-8: srm review, following Amazon EC2 User Guide, Data protection: encryption in transit; AWS Well-Architected Reliability Pillar, Shared Responsibility Model for Resiliency (traffic between zones is encrypted): AWS encrypts traffic between its facilities and zones at the physical layer (and between Nitro instances); the customer protects the traffic of its workload');

-------------------------------------------------------------------- install/data/identifiers.sql
-- install/data/identifiers.sql (data part): fills srm.identifier and
-- srm.arn_pattern from the model's rows.  Runs after the code parts (it uses
-- srm_internal.identifier_key, snake_case and plural) and after the model's
-- rows; an upgrade can re-run it after truncating those two tables.

-- Names that do not follow the rules below: Steampipe and CloudQuery tables
-- named after the console rather than the API, Security Hub's ELB names.
CREATE TEMPORARY TABLE identifier_exception (name text, resource_type text, basis text);
INSERT INTO identifier_exception VALUES
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
    ('AwsWafv2WebAcl', 'AWS::WAFv2::WebACL', 'Security Hub type');

INSERT INTO srm.identifier (form, key, provider, service_namespace, resource_type, basis)
SELECT DISTINCT ON (form, key) form, key, provider, service_namespace, resource_type, basis
FROM (
    SELECT 'type' AS form, srm_internal.identifier_key(e.name) AS key, t.provider, t.service_namespace,
           t.resource_type, e.basis, 1 AS pref
    FROM identifier_exception e JOIN srm.resource_type t USING (resource_type)
    UNION ALL
    -- AWS::EC2::Instance, and AwsEc2Instance / aws_ec2_instance with the same key
    SELECT 'type', srm_internal.identifier_key(t.resource_type), t.provider, t.service_namespace,
           t.resource_type, 'CloudFormation / Config type; Security Hub type; Steampipe table', 0
    FROM srm.resource_type t
    UNION ALL
    -- aws_ec2_instances: CloudQuery's plural tables
    SELECT 'type', srm_internal.identifier_key('aws_' || pg_catalog.lower(t.cfn_namespace) || '_'
                                      || srm_internal.plural(srm_internal.snake_case(t.resource))),
           t.provider, t.service_namespace, t.resource_type, 'CloudQuery table (plural)', 2
    FROM srm.resource_type t
    UNION ALL
    -- aws_<service namespace>_<resource>: Steampipe / CloudQuery by ARN namespace
    SELECT 'type', srm_internal.identifier_key('aws_' || s.arn_namespace || '_' || n.name),
           t.provider, t.service_namespace, t.resource_type, 'inventory table by service namespace', 3
    FROM srm.resource_type t
    JOIN srm.service s USING (provider, service_namespace)
    CROSS JOIN LATERAL (VALUES (srm_internal.snake_case(t.resource)), (srm_internal.plural(srm_internal.snake_case(t.resource)))) AS n(name)
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
    UNION ALL
    SELECT 'service', s.service_namespace, s.provider, s.service_namespace, NULL, 'service namespace', 10
    FROM srm.service s
    UNION ALL
    SELECT 'service', s.arn_namespace, s.provider, s.service_namespace, NULL, 'ARN namespace',
           CASE WHEN s.arn_namespace = s.service_namespace THEN 10 ELSE 11 END
    FROM srm.service s
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
-- every column, so that the row kept never depends on the rows' physical order
ORDER BY form, key, pref, (service_namespace = pg_catalog.split_part(key, ':', 1)) DESC, service_namespace, resource_type, basis;
DROP TABLE identifier_exception;

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

SELECT srm_internal.report_unresolved_references('0.3.0');
