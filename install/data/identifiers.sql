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
