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
