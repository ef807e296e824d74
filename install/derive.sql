-- install/derive.sql: what srm derives from the model.
--
-- A fragment of the install script (after the type, the model's tables and
-- their rows): user overrides, identifier resolution (ARNs, CloudFormation /
-- Config types, Security Hub types, Resource Explorer types, Steampipe and
-- CloudQuery tables, service namespaces), control id matching, the
-- derivation of a control's responsibility on a service, the customer
-- responsibility matrix, and the functions that answer for one asset.
--
-- SQL functions have SQL-standard bodies (resolved when created, so immune
-- to the caller's search_path) and are written so that the planner can
-- inline the set-returning ones into a caller's query: joining an inventory
-- is one query, not one per row.  PL/pgSQL functions pin search_path.

-------------------------------------------------------------------------------
-- Overrides: the user's own rules
-------------------------------------------------------------------------------

CREATE TABLE srm.override (
    override_id       bigserial PRIMARY KEY,
    provider          text NOT NULL DEFAULT 'aws',
    service_namespace text,
    account_id        text CHECK (account_id ~ '^[0-9]{12}$'),
    asset             text CHECK (asset ~ '^arn:'),
    framework_id      text NOT NULL REFERENCES srm.framework,
    control_id        text,
    family_id         text,
    responsibility    srm.responsibility NOT NULL,
    reason            text NOT NULL CHECK (reason ~ '\S'),
    created_by        text NOT NULL DEFAULT current_user,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (control_id IS NULL OR family_id IS NULL),
    FOREIGN KEY (provider, service_namespace) REFERENCES srm.service,
    FOREIGN KEY (framework_id, control_id) REFERENCES srm.control
);
COMMENT ON TABLE srm.override IS
    'The user''s own rules: the responsibility of a control (or a family, or a whole framework) for a provider, a service, an account or one asset, with the reason. The most specific wins: asset > account > service > provider, then control > family > framework. Kept by pg_dump.';
COMMENT ON COLUMN srm.override.asset IS 'the ARN of one asset';
-- every row is a user's: dump them all, and the sequence
SELECT pg_catalog.pg_extension_config_dump('srm.override', '');
SELECT pg_catalog.pg_extension_config_dump('srm.override_override_id_seq', '');

-------------------------------------------------------------------------------
-- Reading identifiers
-------------------------------------------------------------------------------

CREATE FUNCTION srm.name_distance(a text, b text)
RETURNS integer
AS 'MODULE_PATHNAME', 'srm_name_distance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm.name_distance(text, text) IS
    'edit distance between two names, ignoring case (for "closest known names" in errors)';

-- the key a name is looked up by: lower case, letters and digits only
CREATE FUNCTION srm.identifier_key(name text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.regexp_replace(pg_catalog.lower(name), '[^a-z0-9]', '', 'g');
COMMENT ON FUNCTION srm.identifier_key(text) IS
    'lookup key of a type or table name: lower case, letters and digits only';

-- which form an asset identifier is written in, from its spelling alone
CREATE FUNCTION srm.identifier_form(asset text)
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
COMMENT ON FUNCTION srm.identifier_form(text) IS
    'the form of an asset identifier: arn, cloudformation (also AWS Config), security-hub, inventory-table (Steampipe, CloudQuery), resource-explorer, service, or unrecognized';

-- lower-case snake_case of a CamelCase name: DBInstance -> db_instance
CREATE FUNCTION srm.snake_case(name text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.lower(pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(name, '([a-z0-9])([A-Z])', '\1_\2', 'g'),
    '([A-Z])([A-Z][a-z])', '\1_\2', 'g'));
COMMENT ON FUNCTION srm.snake_case(text) IS 'snake_case of a CamelCase name (DBInstance -> db_instance)';

-- English plural of a snake_case name, as CloudQuery names its tables
CREATE FUNCTION srm.plural(name text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
    WHEN name ~ '[^aeiou]y$' THEN pg_catalog.left(name, -1) || 'ies'
    WHEN name ~ '(s|x|ch|sh)$' THEN name || 'es'
    ELSE name || 's'
END;
COMMENT ON FUNCTION srm.plural(text) IS 'English plural of a name, as CloudQuery names its tables';

-- Every name that identifies a service or a resource type, by form.
--   form 'type':     keys of CloudFormation / Config types, Security Hub types
--                    and Steampipe (singular) / CloudQuery (plural) tables,
--                    all reduced by identifier_key (aws_ec2_instance,
--                    AwsEc2Instance and AWS::EC2::Instance share a key)
--   form 'resource': Resource Explorer service:resource-type
--   form 'service':  service namespaces, ARN namespaces, CloudFormation
--                    namespaces, botocore names and aliases
CREATE TABLE srm.identifier (
    form              text NOT NULL CHECK (form IN ('type', 'resource', 'service')),
    key               text NOT NULL,
    provider          text NOT NULL,
    service_namespace text NOT NULL,
    resource_type     text REFERENCES srm.resource_type,
    basis             text NOT NULL,
    PRIMARY KEY (form, key),
    FOREIGN KEY (provider, service_namespace) REFERENCES srm.service,
    CHECK ((form = 'service') = (resource_type IS NULL))
);
COMMENT ON TABLE srm.identifier IS
    'Every name srm reads as a service or a resource type, by form (type, resource, service), with the basis it was derived on.';

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
    SELECT 'type' AS form, srm.identifier_key(e.name) AS key, t.provider, t.service_namespace,
           t.resource_type, e.basis, 1 AS pref
    FROM identifier_exception e JOIN srm.resource_type t USING (resource_type)
    UNION ALL
    -- AWS::EC2::Instance, and AwsEc2Instance / aws_ec2_instance with the same key
    SELECT 'type', srm.identifier_key(t.resource_type), t.provider, t.service_namespace,
           t.resource_type, 'CloudFormation / Config type; Security Hub type; Steampipe table', 0
    FROM srm.resource_type t
    UNION ALL
    -- aws_ec2_instances: CloudQuery's plural tables
    SELECT 'type', srm.identifier_key('aws_' || pg_catalog.lower(t.cfn_namespace) || '_'
                                      || srm.plural(srm.snake_case(t.resource))),
           t.provider, t.service_namespace, t.resource_type, 'CloudQuery table (plural)', 2
    FROM srm.resource_type t
    UNION ALL
    -- aws_<service namespace>_<resource>: Steampipe / CloudQuery by ARN namespace
    SELECT 'type', srm.identifier_key('aws_' || s.arn_namespace || '_' || n.name),
           t.provider, t.service_namespace, t.resource_type, 'inventory table by service namespace', 3
    FROM srm.resource_type t
    JOIN srm.service s USING (provider, service_namespace)
    CROSS JOIN LATERAL (VALUES (srm.snake_case(t.resource)), (srm.plural(srm.snake_case(t.resource)))) AS n(name)
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
    SELECT 'resource', s.arn_namespace || ':' || pg_catalog.replace(srm.snake_case(t.resource), '_', '-'),
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
ORDER BY form, key, pref, (service_namespace = pg_catalog.split_part(key, ':', 1)) DESC, service_namespace, resource_type;
DROP TABLE identifier_exception;

-- ARN templates as patterns: the literal prefix of the resource part (the
-- index), and a regular expression for the whole resource part.
CREATE TABLE srm.arn_pattern (
    resource_type  text NOT NULL REFERENCES srm.resource_type,
    arn_namespace  text NOT NULL,
    prefix         text NOT NULL,
    pattern        text NOT NULL,
    literal_length integer NOT NULL,
    arn_template   text NOT NULL,
    PRIMARY KEY (arn_namespace, pattern, resource_type)
);
COMMENT ON TABLE srm.arn_pattern IS
    'ARN templates of resource types as matching rules: ARN namespace, the resource part''s literal prefix (up to the first / or :) and a regular expression for the resource part.';
CREATE INDEX ON srm.arn_pattern (arn_namespace, prefix);

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
       arn.m[1], arn.m[3], arn.m[4], arn.m[5]
FROM (SELECT pg_catalog.btrim(resolve_asset.asset) AS v,
             srm.identifier_form(resolve_asset.asset) AS form) AS a
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
      AND i.form = 'type' AND i.key = srm.identifier_key(a.v)
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
CREATE FUNCTION srm.closest_names(name text, form text)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
SELECT pg_catalog.string_agg(n, ', ' ORDER BY d, n)
FROM (SELECT n, d
      FROM (SELECT DISTINCT n, srm.name_distance(pg_catalog.lower(closest_names.name), pg_catalog.lower(n)) AS d
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
COMMENT ON FUNCTION srm.closest_names(text, text) IS 'the three known names closest to an unknown one, for error messages';

-------------------------------------------------------------------------------
-- Control ids in the forms people write
-------------------------------------------------------------------------------

-- SI-2, si-2, AC-2(1), ac-2.1, AC-02, ac-2 (1), patch-management,
-- nist-800-53-r5:ac-2 all reduce to the stored id
CREATE FUNCTION srm.control_key(control text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.regexp_replace(
           pg_catalog.regexp_replace(
               pg_catalog.regexp_replace(
                   pg_catalog.lower(pg_catalog.regexp_replace(control, '\s+', '', 'g')),
                   '\((\d+)\)', '.\1', 'g'),
               '^([a-z]{2})-0*(\d)', '\1-\2'),
           '\.0*(\d)', '.\1', 'g');
COMMENT ON FUNCTION srm.control_key(text) IS
    'the stored form of a control id: lower case, enhancements as .N, no leading zeros (AC-2(1) -> ac-2.1)';

CREATE FUNCTION srm.resolve_control(control text)
RETURNS TABLE (control text, framework_id text, control_id text, label text, family_id text,
               status text, organizational boolean)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT resolve_control.control, c.framework_id, c.control_id, c.label, c.family_id, c.status, c.organizational
FROM (SELECT CASE WHEN srm.control_key(resolve_control.control) ~ '^[a-z0-9-]+:'
                  THEN pg_catalog.split_part(srm.control_key(resolve_control.control), ':', 1) END AS fw,
             pg_catalog.regexp_replace(srm.control_key(resolve_control.control), '^[a-z0-9-]+:', '') AS id) AS k
LEFT JOIN srm.control c ON c.control_id = k.id AND (k.fw IS NULL OR c.framework_id = k.fw)
ORDER BY c.framework_id
LIMIT 1;
END;
COMMENT ON FUNCTION srm.resolve_control(text) IS
    'how srm reads a control id (SI-2, ac-2.1, AC-2(1), patch-management, or framework:id): one row, nulls when unknown';

-- a service named the way users write it (namespace, alias, CloudFormation
-- namespace), or an error with the closest known names
CREATE FUNCTION srm.service_named(name text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s text;
BEGIN
    SELECT r.service_namespace INTO s FROM @extschema@.resolve_asset(name) r WHERE r.form = 'service';
    IF s IS NULL THEN
        RAISE EXCEPTION 'unknown service "%"', name
            USING ERRCODE = 'undefined_object',
                  HINT = format('Closest known names: %s.', @extschema@.closest_names(name, 'service'));
    END IF;
    RETURN s;
END
$$;
COMMENT ON FUNCTION srm.service_named(text) IS
    'the service namespace a service name stands for (namespace, alias, CloudFormation namespace); an error naming the closest known names if none';

-- Rules are checked and normalized as they are written: control ids in any
-- form people write (SI-2, AC-2(1)), names of unknown things with the
-- closest known ones.  The constraints above stay as a backstop.
CREATE FUNCTION srm.override_check()
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
    IF NOT EXISTS (SELECT FROM @extschema@.framework f WHERE f.framework_id = NEW.framework_id) THEN
        SELECT string_agg(f.framework_id, ', ' ORDER BY f.framework_id) INTO near FROM @extschema@.framework f;
        RAISE EXCEPTION 'unknown framework "%"', NEW.framework_id
            USING ERRCODE = 'undefined_object', HINT = format('Known frameworks: %s.', near);
    END IF;
    IF NEW.control_id IS NOT NULL THEN
        SELECT * INTO c FROM @extschema@.resolve_control(NEW.framework_id || ':' || NEW.control_id);
        IF c.control_id IS NULL THEN
            near := @extschema@.closest_names(@extschema@.control_key(NEW.control_id), 'control');
            RAISE EXCEPTION 'unknown control "%" in framework %', NEW.control_id, NEW.framework_id
                USING ERRCODE = 'undefined_object',
                      DETAIL = format('It was read as the control id "%s".', @extschema@.control_key(NEW.control_id)),
                      HINT = format('Closest known controls: %s.', near);
        END IF;
        NEW.control_id := c.control_id;
    END IF;
    IF NEW.family_id IS NOT NULL THEN
        NEW.family_id := lower(btrim(NEW.family_id));
        IF NOT EXISTS (SELECT FROM @extschema@.control x
                       WHERE x.framework_id = NEW.framework_id AND x.family_id = NEW.family_id) THEN
            SELECT string_agg(DISTINCT x.family_id, ', ') INTO near FROM @extschema@.control x
            WHERE x.framework_id = NEW.framework_id;
            RAISE EXCEPTION 'unknown control family "%" in framework %', NEW.family_id, NEW.framework_id
                USING ERRCODE = 'undefined_object',
                      HINT = CASE WHEN near IS NULL THEN format('Framework %s has no families.', NEW.framework_id)
                                  ELSE format('Known families: %s.', near) END;
        END IF;
    END IF;
    IF NEW.service_namespace IS NOT NULL THEN
        NEW.service_namespace := @extschema@.service_named(NEW.service_namespace);
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
        IF (SELECT r.service_namespace FROM @extschema@.resolve_asset(NEW.asset) r) IS NULL THEN
            PERFORM @extschema@.raise_unknown_asset(NEW.asset, 'arn', 'service');
        END IF;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm.override_check() IS
    'checks and normalizes an override as it is written: control ids in any usual form, clear errors for unknown names';
CREATE TRIGGER override_check BEFORE INSERT OR UPDATE ON srm.override
    FOR EACH ROW EXECUTE FUNCTION srm.override_check();

-------------------------------------------------------------------------------
-- Derivation
-------------------------------------------------------------------------------

-- each service's layers: the service's own row where it has one, else its model's
CREATE VIEW srm.service_layer_effective AS
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
COMMENT ON VIEW srm.service_layer_effective IS
    'the responsibility of every layer of every service: the service''s own row (service_layer) where it has one, else its model''s (service_model_layer)';

-- the parties an organizational control adds: each in its own context
CREATE FUNCTION srm.organizational_parties()
RETURNS srm.responsibility
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN 'provider (corporate), customer'::srm.responsibility;
COMMENT ON FUNCTION srm.organizational_parties() IS
    'what an organizational control (training, personnel, policy) adds on every service: the provider at corporate level and the customer';

-- a control's responsibility on a service, before overrides
CREATE VIEW srm.control_service AS
SELECT c.framework_id, c.control_id, s.provider, s.service_namespace,
       CASE WHEN c.status = 'withdrawn' THEN 'not applicable'::srm.responsibility
            ELSE srm.responsibility_agg(e.responsibility)
                 OPERATOR(srm.|) CASE WHEN c.organizational THEN srm.organizational_parties()
                                      ELSE 'not applicable'::srm.responsibility END
       END AS responsibility,
       pg_catalog.concat_ws('; ',
           pg_catalog.string_agg(e.layer_id || ': ' || e.responsibility::text || ' ('
                                 || CASE e.origin WHEN 'service_layer' THEN 'service ' ELSE 'model ' END
                                 || e.origin_key || ')', '; ' ORDER BY l.ordinal),
           CASE WHEN c.organizational THEN 'organizational: + ' || srm.organizational_parties()::text END,
           CASE WHEN c.status = 'withdrawn' THEN 'withdrawn control: not applicable' END) AS explanation
FROM srm.control c
CROSS JOIN srm.service s
LEFT JOIN srm.control_layer cl ON cl.framework_id = c.framework_id AND cl.control_id = c.control_id
LEFT JOIN srm.service_layer_effective e
       ON e.provider = s.provider AND e.service_namespace = s.service_namespace AND e.layer_id = cl.layer_id
LEFT JOIN srm.layer l ON l.layer_id = cl.layer_id
GROUP BY c.framework_id, c.control_id, c.status, c.organizational, s.provider, s.service_namespace;
COMMENT ON VIEW srm.control_service IS
    'the derived responsibility of every control on every service, before overrides: the union over the layers the control acts on, plus every party for organizational controls; withdrawn controls are not applicable';

-- controls on services, before overrides: what the view above says, without
-- its explanation, for the given controls and services only (the audit and
-- the per-asset functions use it)
CREATE FUNCTION srm.derived_responsibilities(framework_id text, control_ids text[], provider text,
                                             service_namespaces text[])
RETURNS TABLE (control_id text, service_namespace text, responsibility srm.responsibility)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT c.control_id, s.service_namespace,
       CASE WHEN c.status = 'withdrawn' THEN 'not applicable'::srm.responsibility
            ELSE srm.responsibility_agg(coalesce(sl.responsibility, ml.responsibility))
                 OPERATOR(srm.|) CASE WHEN c.organizational THEN srm.organizational_parties()
                                      ELSE 'not applicable'::srm.responsibility END
       END
FROM srm.control c
JOIN srm.service s
  ON s.provider = derived_responsibilities.provider
 AND s.service_namespace = ANY (derived_responsibilities.service_namespaces)
LEFT JOIN srm.control_layer cl ON cl.framework_id = c.framework_id AND cl.control_id = c.control_id
LEFT JOIN srm.service_model_layer ml ON ml.model_id = s.model_id AND ml.layer_id = cl.layer_id
LEFT JOIN srm.service_layer sl
  ON sl.provider = s.provider AND sl.service_namespace = s.service_namespace AND sl.layer_id = cl.layer_id
WHERE c.framework_id = derived_responsibilities.framework_id
  AND c.control_id = ANY (derived_responsibilities.control_ids)
GROUP BY c.control_id, c.status, c.organizational, s.service_namespace;
END;
COMMENT ON FUNCTION srm.derived_responsibilities(text, text[], text, text[]) IS
    'the derived responsibility of the given controls on the given services, before overrides (the same as srm.control_service, without the explanation)';

-- one control on one service
CREATE FUNCTION srm.derived_responsibility(framework_id text, control_id text, provider text, service_namespace text)
RETURNS srm.responsibility
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT d.responsibility
FROM srm.derived_responsibilities(derived_responsibility.framework_id, ARRAY[derived_responsibility.control_id],
                                  derived_responsibility.provider, ARRAY[derived_responsibility.service_namespace]) d;
END;
COMMENT ON FUNCTION srm.derived_responsibility(text, text, text, text) IS
    'the derived responsibility of one control on one service, before overrides (the same as srm.control_service, by index lookups)';

-- the override that applies, if any: the most specific one
CREATE FUNCTION srm.override_for(provider text, service_namespace text, account_id text, asset text,
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
COMMENT ON FUNCTION srm.override_for(text, text, text, text, text, text, text) IS
    'the override that applies to a control on an asset, if any: asset > account > service > provider, then control > family > framework, then the newest';

-- The customer responsibility matrix: every service x control, with
-- provider- and service-wide overrides applied
CREATE VIEW srm.matrix AS
SELECT cs.provider, cs.service_namespace, s.name AS service_name, s.model_id,
       cs.framework_id, cs.control_id, c.label, c.title, c.family_id, c.baselines, c.status,
       coalesce(o.responsibility, cs.responsibility) AS responsibility,
       srm.aws_class(coalesce(o.responsibility, cs.responsibility)) AS class,
       coalesce(o.responsibility, cs.responsibility)
           OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility AS customer_part,
       cs.explanation
       || CASE WHEN o.override_id IS NOT NULL
               THEN '; override #' || o.override_id || ': ' || o.responsibility::text || ' (' || o.reason || ')'
               ELSE '' END AS explanation,
       o.override_id
FROM srm.control_service cs
JOIN srm.control c USING (framework_id, control_id)
JOIN srm.service s USING (provider, service_namespace)
LEFT JOIN LATERAL srm.override_for(cs.provider, cs.service_namespace, NULL, NULL,
                                   cs.framework_id, cs.control_id, c.family_id) AS o ON true;
COMMENT ON VIEW srm.matrix IS
    'the customer responsibility matrix: every service x control with its responsibility, AWS class, the customer''s part and how it was derived (provider- and service-wide overrides applied)';

-------------------------------------------------------------------------------
-- Answers for one asset and one control
-------------------------------------------------------------------------------

-- the error for an asset srm cannot place
CREATE FUNCTION srm.raise_unknown_asset(asset text, form text, what text, service_namespace text DEFAULT NULL)
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
        FROM (SELECT rt.resource_type FROM @extschema@.resource_type rt
              WHERE rt.service_namespace = raise_unknown_asset.service_namespace
              ORDER BY @extschema@.name_distance(rt.resource_type, asset), rt.resource_type LIMIT 3) t;
    ELSE
        near := @extschema@.closest_names(
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
COMMENT ON FUNCTION srm.raise_unknown_asset(text, text, text, text) IS 'raises the error for an asset srm cannot place';

CREATE FUNCTION srm.service_of(asset text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning the inlined resolver each time costs more than running it
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    r record;
BEGIN
    SELECT * INTO r FROM @extschema@.resolve_asset(asset);
    IF r.service_namespace IS NULL THEN
        PERFORM @extschema@.raise_unknown_asset(asset, r.form, 'service');
    END IF;
    RETURN r.service_namespace;
END
$$;
COMMENT ON FUNCTION srm.service_of(text) IS
    'the service namespace of an asset given in any form (ARN, AWS::EC2::Instance, AwsEc2Instance, ec2:instance, aws_ec2_instance, aws_ec2_instances, ec2); an error if unknown';

CREATE FUNCTION srm.resource_type_of(asset text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning the inlined resolver each time costs more than running it
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    r record;
BEGIN
    SELECT * INTO r FROM @extschema@.resolve_asset(asset);
    IF r.resource_type IS NULL THEN
        IF r.form = 'service' AND r.service_namespace IS NOT NULL THEN
            RAISE EXCEPTION 'asset "%" names a service, not a resource type', asset
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('It was read as the service namespace %s.', r.service_namespace),
                      HINT = 'Give an ARN or a resource type such as AWS::EC2::Instance.';
        END IF;
        PERFORM @extschema@.raise_unknown_asset(asset, r.form, 'resource type', r.service_namespace);
    END IF;
    RETURN r.resource_type;
END
$$;
COMMENT ON FUNCTION srm.resource_type_of(text) IS
    'the AWS resource type (AWS::Service::Resource) of an asset given in any form; an error if unknown';

-- the error for a control srm does not know
CREATE FUNCTION srm.raise_unknown_control(control text)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    near text := @extschema@.closest_names(@extschema@.control_key(coalesce(control, '')), 'control');
BEGIN
    RAISE EXCEPTION 'unknown control "%"', control
        USING ERRCODE = 'undefined_object',
              DETAIL = format('It was read as the control id "%s".', @extschema@.control_key(coalesce(control, ''))),
              HINT = CASE WHEN near IS NULL THEN 'See srm.control for the controls srm knows.'
                          ELSE format('Closest known controls: %s.', near) END;
END
$$;
COMMENT ON FUNCTION srm.raise_unknown_control(text) IS 'raises the error for a control srm does not know';

-- the explanation of an answer, step by step
CREATE FUNCTION srm.explain(asset text, control text)
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
    derived @extschema@.responsibility := 'not applicable';
    n integer := 0;
    l record;
BEGIN
    SELECT * INTO a FROM @extschema@.resolve_asset(asset);
    IF a.service_namespace IS NULL THEN
        PERFORM @extschema@.raise_unknown_asset(asset, a.form, 'service');
    END IF;
    SELECT * INTO c FROM @extschema@.resolve_control(control);
    IF c.control_id IS NULL THEN
        PERFORM @extschema@.raise_unknown_control(control);
    END IF;

    n := n + 1;
    RETURN QUERY SELECT n, 'asset', NULL::text, NULL::@extschema@.responsibility, a.form,
        format('%s read as %s: service %s%s%s%s', asset, a.form, a.service_namespace,
               coalesce(', type ' || a.resource_type, ''), coalesce(', account ' || nullif(a.account_id, ''), ''),
               coalesce(', region ' || nullif(a.region, ''), ''));
    n := n + 1;
    RETURN QUERY SELECT n, 'control', NULL::text, NULL::@extschema@.responsibility, c.framework_id,
        format('%s read as %s %s (%s)%s', control, c.framework_id, c.label, c.status,
               CASE WHEN c.organizational THEN ', organizational' ELSE '' END);

    IF c.status = 'withdrawn' THEN
        n := n + 1;
        RETURN QUERY SELECT n, 'withdrawn', NULL::text, 'not applicable'::@extschema@.responsibility,
            'srm.control', 'a withdrawn control applies to nothing';
    END IF;
    FOR l IN
        SELECT e.layer_id, e.responsibility, e.origin, e.origin_key, e.source, e.reason, cl.basis
        FROM @extschema@.control_layer cl
        JOIN @extschema@.service_layer_effective e ON e.layer_id = cl.layer_id
        JOIN @extschema@.layer ly ON ly.layer_id = cl.layer_id
        WHERE cl.framework_id = c.framework_id AND cl.control_id = c.control_id
          AND e.provider = a.provider AND e.service_namespace = a.service_namespace
          AND c.status = 'active'
        ORDER BY ly.ordinal
    LOOP
        n := n + 1;
        derived := derived OPERATOR(@extschema@.|) l.responsibility;
        RETURN QUERY SELECT n, 'layer', l.layer_id, l.responsibility,
            l.origin || ' ' || l.origin_key,
            format('the control acts on this layer (%s mapping); source: %s%s', l.basis, l.source,
                   coalesce('; ' || l.reason, ''));
    END LOOP;
    IF c.organizational AND c.status = 'active' THEN
        n := n + 1;
        derived := derived OPERATOR(@extschema@.|) @extschema@.organizational_parties();
        RETURN QUERY SELECT n, 'organizational', NULL::text, @extschema@.organizational_parties(),
            'srm.control', 'each party does this control in its own context (its own staff, policies)';
    END IF;
    n := n + 1;
    RETURN QUERY SELECT n, 'derived', NULL::text, derived, 'union of the rows above', NULL::text;

    SELECT * INTO o FROM @extschema@.override_for(a.provider, a.service_namespace, a.account_id,
        CASE WHEN a.form = 'arn' THEN a.asset END, c.framework_id, c.control_id, c.family_id);
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
    RETURN QUERY SELECT n, 'result', NULL::text, derived, @extschema@.aws_class(derived)::text,
        'customer part: ' || (derived OPERATOR(@extschema@.&) 'customer (configured, provided)'::@extschema@.responsibility)::text;
END
$$;
COMMENT ON FUNCTION srm.explain(text, text) IS
    'why an asset has its responsibility for a control: how both were read, the layers and the rows they came from, organizational parties, the override, the result';

CREATE FUNCTION srm.responsibility_of(asset text, control text)
RETURNS srm.responsibility
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning the inlined resolver each time costs more than running it
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    a record;
    c record;
    r @extschema@.responsibility;
BEGIN
    SELECT * INTO a FROM @extschema@.resolve_asset(asset);
    IF a.service_namespace IS NULL THEN
        PERFORM @extschema@.raise_unknown_asset(asset, a.form, 'service');
    END IF;
    SELECT * INTO c FROM @extschema@.resolve_control(control);
    IF c.control_id IS NULL THEN
        PERFORM @extschema@.raise_unknown_control(control);
    END IF;
    SELECT o.responsibility INTO r
    FROM @extschema@.override_for(a.provider, a.service_namespace, a.account_id,
        CASE WHEN a.form = 'arn' THEN a.asset END, c.framework_id, c.control_id, c.family_id) o;
    IF r IS NULL THEN
        r := @extschema@.derived_responsibility(c.framework_id, c.control_id, a.provider, a.service_namespace);
    END IF;
    RETURN r;
END
$$;
COMMENT ON FUNCTION srm.responsibility_of(text, text) IS
    'who is responsible for a control on an asset (any identifier form; control ids as SI-2, ac-2.1, AC-2(1), patch-management); overrides applied; an error for an unknown asset or control';

CREATE FUNCTION srm.classify(asset text, control text)
RETURNS srm.control_class
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN srm.aws_class(srm.responsibility_of(asset, control));
COMMENT ON FUNCTION srm.classify(text, text) IS
    'the AWS class (inherited, shared, customer-specific, not-applicable) of a control on an asset';

-- Bulk: every asset x control asked, unknowns flagged rather than dropped.
CREATE FUNCTION srm.responsibilities(assets text[], controls text[])
RETURNS TABLE (asset text, control text, service_namespace text, resource_type text,
               framework_id text, control_id text, responsibility srm.responsibility,
               class srm.control_class, customer_part srm.responsibility, override_id bigint,
               known_asset boolean, known_control boolean)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT av.a, cv.c, ra.service_namespace, ra.resource_type, rc.framework_id, rc.control_id,
       coalesce(o.responsibility, cs.responsibility),
       srm.aws_class(coalesce(o.responsibility, cs.responsibility)),
       coalesce(o.responsibility, cs.responsibility) OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility,
       o.override_id,
       ra.service_namespace IS NOT NULL, rc.control_id IS NOT NULL
FROM pg_catalog.unnest(responsibilities.assets) WITH ORDINALITY AS av(a, an)
CROSS JOIN pg_catalog.unnest(responsibilities.controls) WITH ORDINALITY AS cv(c, cn)
CROSS JOIN LATERAL srm.resolve_asset(av.a) AS ra
CROSS JOIN LATERAL srm.resolve_control(cv.c) AS rc
LEFT JOIN srm.control_service cs
       ON cs.framework_id = rc.framework_id AND cs.control_id = rc.control_id
      AND cs.provider = ra.provider AND cs.service_namespace = ra.service_namespace
LEFT JOIN LATERAL srm.override_for(ra.provider, ra.service_namespace, ra.account_id,
                                   CASE WHEN ra.form = 'arn' THEN ra.asset END,
                                   rc.framework_id, rc.control_id, rc.family_id) AS o ON true
ORDER BY av.an, cv.cn;
END;
COMMENT ON FUNCTION srm.responsibilities(text[], text[]) IS
    'bulk answers: every asset x control, with known_asset / known_control false (and nulls) for what srm cannot place, never dropped';

-------------------------------------------------------------------------------
-- Privileges: the model is readable by every role; overrides are written
-- by the extension's owner (or whom the owner grants)
-------------------------------------------------------------------------------

GRANT USAGE ON SCHEMA srm TO PUBLIC;
GRANT SELECT ON srm.layer, srm.service_model, srm.service_model_layer, srm.azure_published_matrix,
    srm.azure_layer_map, srm.service, srm.service_alias, srm.service_layer, srm.resource_type,
    srm.framework, srm.control, srm.control_layer, srm.identifier, srm.arn_pattern, srm.override,
    srm.service_layer_effective, srm.control_service, srm.matrix TO PUBLIC;
