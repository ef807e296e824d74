\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
-- Every table name of Steampipe's AWS plugin (586) and CloudQuery's AWS
-- source plugin (706) resolves to the service whose API the table reads
-- (issue 12, item 3).  The lists and how each expected service was found:
-- test/fixtures/inventory_tables/README.md.
SET search_path = srm, public;
CREATE TEMPORARY TABLE inventory_table (tool text, table_name text, expected_service text, evidence text);
CREATE TEMPORARY TABLE load_tsv (table_name text, expected_service text, evidence text);
\set f :fixtures '/inventory_tables/steampipe_aws_tables.tsv'
COPY load_tsv FROM :'f' WITH (FORMAT text, HEADER true);
INSERT INTO inventory_table SELECT 'steampipe', * FROM load_tsv;
TRUNCATE load_tsv;
\set f :fixtures '/inventory_tables/cloudquery_aws_tables.tsv'
COPY load_tsv FROM :'f' WITH (FORMAT text, HEADER true);
INSERT INTO inventory_table SELECT 'cloudquery', * FROM load_tsv;

-- names tried / resolved / to the expected service, per tool
SELECT i.tool, count(*) AS tried,
       count(r.service_namespace) AS resolved,
       count(*) FILTER (WHERE r.service_namespace = i.expected_service) AS right_service,
       count(r.resource_type) AS with_resource_type
FROM inventory_table i, resolve_asset(i.table_name) r
GROUP BY i.tool ORDER BY i.tool;

-- none differs (this lists any that does)
SELECT i.tool, i.table_name, i.expected_service, r.service_namespace AS resolved_to
FROM inventory_table i, resolve_asset(i.table_name) r
WHERE r.service_namespace IS DISTINCT FROM i.expected_service
ORDER BY 1, 2;

-- every expected service is a service srm knows (the fixture cannot drift)
SELECT count(*) AS unknown_expected
FROM inventory_table i
WHERE NOT EXISTS (SELECT FROM service s WHERE s.provider = 'aws' AND s.service_namespace = i.expected_service);

-- the names the review of 0.1.0 found wrong or unknown, one by one
SELECT a.name, r.service_namespace, r.resource_type
FROM (VALUES ('aws_cloudwatch_log_group'), ('aws_cloudwatch_log_stream'), ('aws_cloudwatch_event_rule'),
             ('aws_ec2_autoscaling_group'), ('aws_ec2_launch_configuration'),
             ('aws_ec2_load_balancer_listener'), ('aws_ec2_load_balancer_listener_rule'), ('aws_ec2_ssl_policy'),
             ('aws_route53_resolver_rule'), ('aws_ssoadmin_permission_set'), ('aws_appautoscaling_target'),
             ('aws_timestreamwrite_table'), ('aws_db_proxies'), ('aws_dynamodbstreams_streams'),
             ('aws_route53recoverycontrolconfig_safety_rules'), ('aws_ssoadmin_instances')) AS a(name),
     resolve_asset(a.name) r
ORDER BY a.name;

-- a table srm has no row for still resolves by its leading words, and the
-- service-level names of the tools do not hide a real service name
SELECT (resolve_asset('aws_cloudwatch_log_new_table_2030')).service_namespace AS future_logs_table,
       (resolve_asset('aws_ec2_instance')).service_namespace AS ec2_instance,
       (resolve_asset('aws_cloudwatch_alarm')).service_namespace AS cloudwatch_alarm,
       (resolve_asset('servicecatalog')).service_namespace AS appregistry_namespace;

-- Security Hub resource types: every type Prowler's 645 AWS checks declare
-- (test/fixtures/inventory_tables/README.md) resolves, but `Other`, which
-- names no resource (its findings resolve by their resource id)
CREATE TEMPORARY TABLE prowler_check (check_id text, prowler_service text, resource_type text);
\set f :fixtures '/inventory_tables/prowler_aws_checks.tsv'
COPY prowler_check FROM :'f' WITH (FORMAT text, HEADER true);
SELECT count(*) AS checks, count(DISTINCT p.resource_type) AS types,
       count(DISTINCT p.resource_type) FILTER (WHERE r.service_namespace IS NOT NULL) AS types_resolved,
       count(*) FILTER (WHERE p.resource_type = 'Other') AS checks_other,
       count(*) FILTER (WHERE r.resource_type IS NOT NULL) AS checks_with_resource_type
FROM prowler_check p, resolve_asset(p.resource_type) r;
SELECT DISTINCT p.resource_type AS unresolved
FROM prowler_check p, resolve_asset(p.resource_type) r
WHERE r.service_namespace IS NULL
ORDER BY 1;

-- the Security Hub types the review of 0.1.0 found unknown
SELECT a.name, r.form, r.service_namespace, r.resource_type
FROM (VALUES ('AwsAccount'), ('AwsEc2Snapshot'), ('AwsS3Object'), ('AwsStepFunctionStateMachine'),
             ('AwsEcrContainerImage')) AS a(name),
     resolve_asset(a.name) r
ORDER BY a.name;

-- principals, accounts and sub-resources: STS session ARNs resolve to STS;
-- an account, written as Powerpipe writes it (a pseudo-ARN with or without
-- a region, or the bare id), is the account itself and resolves to AWS
-- Account Management (as AwsAccount and aws_account do); an API Gateway
-- stage ARN resolves to the stage, not to its API
SELECT a.v, r.form, r.service_namespace, r.resource_type, r.region, r.account_id, r.resource_id
FROM (VALUES ('arn:aws:sts::123456789012:assumed-role/Admin/session-1'),
             ('arn:aws:sts::123456789012:federated-user/bob'),
             ('arn:aws:::123456789012'),
             ('arn:aws::us-east-1:123456789012'),
             ('arn:aws-us-gov::us-gov-west-1:123456789012'),
             ('123456789012'),
             ('arn:aws:apigateway:us-east-1::/restapis/a1b2c3/stages/prod'),
             ('arn:aws:apigateway:us-east-1::/restapis/a1b2c3'),
             ('arn:aws:apigateway:us-east-1::/restapis/a1b2c3/deployments/d1'),
             ('arn:aws:apigateway:us-east-1::/apis/a1b2c3/stages/$default'),
             ('arn:aws:apigateway:us-east-1::/apis/a1b2c3/routes/r1'),
             ('arn:aws:apigateway:us-east-1::/apis/a1b2c3')) AS a(v),
     resolve_asset(a.v) r
ORDER BY a.v;
-- not an account: 11 or 13 digits, an account pseudo-ARN with a resource
SELECT a.v, r.form, r.service_namespace, r.account_id
FROM (VALUES ('12345678901'), ('1234567890123'), ('arn:aws:::123456789012:x')) AS a(v),
     resolve_asset(a.v) r
ORDER BY a.v;
-- an account has no resource type; the error says how the id was read
SELECT resource_type_of('123456789012');
