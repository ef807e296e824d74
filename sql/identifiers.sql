-- Assets in every form users hold, and control ids in the forms people write
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- the same question in every identifier form gives the same answer
SELECT a AS asset, srm_internal.identifier_form(a) AS form, service_of(a), resource_type_of(a),
       responsibility_of(a, 'SI-2') AS si_2, classify(a, 'network-security') AS network_security
FROM unnest(ARRAY[
    'arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0',
    'arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-0123456789abcdef0',
    'arn:aws-us-gov:ec2:us-gov-west-1:123456789012:instance/i-0123456789abcdef0',
    'AWS::EC2::Instance', 'AwsEc2Instance', 'ec2:instance', 'aws_ec2_instance', 'aws_ec2_instances',
    '  AWS::EC2::Instance  ']) a;
SELECT count(DISTINCT (service_of(a), responsibility_of(a, c))) AS distinct_answers, count(*) AS asked
FROM unnest(ARRAY['arn:aws:s3:::examplebucket', 'AWS::S3::Bucket', 'AwsS3Bucket', 's3:bucket',
                  'aws_s3_bucket', 'aws_s3_buckets', 's3']) a,
     unnest(ARRAY['sc-28', 'SC-28', 'sc-28', 'server-side-encryption']) c
GROUP BY c ORDER BY 1;
-- the service namespace form answers for the service, without a type
SELECT service_of('ec2'), service_of('EC2'), service_of('vpc'), service_of('ebs'), service_of('aurora'),
       service_of('fargate'), service_of('elbv2'), service_of('opensearch');

-- ARNs: partitions, empty region or account, paths with / and :
SELECT a, r.form, r.service_namespace, r.resource_type, r.arn_partition, r.region, r.account_id, r.resource_id
FROM unnest(ARRAY[
    'arn:aws:s3:::my-bucket',
    'arn:aws:s3:::my-bucket/path/to/object.txt',
    'arn:aws:iam::123456789012:role/service-role/lambda-exec',
    'arn:aws:iam::123456789012:user/division/team/alice',
    'arn:aws:iam::aws:policy/AdministratorAccess',
    'arn:aws:rds:eu-west-1:123456789012:db:orders',
    'arn:aws:rds:eu-west-1:123456789012:cluster:orders-cluster',
    'arn:aws:lambda:us-east-1:123456789012:function:resize:PROD',
    'arn:aws:sns:us-east-1:123456789012:alerts',
    'arn:aws:sqs:us-east-1:123456789012:jobs',
    'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
    'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188',
    'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/classic-web',
    'arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123456789abcdef0',
    'arn:aws:ec2:us-east-1:123456789012:volume/vol-0123456789abcdef0',
    'arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail',
    'arn:aws-cn:s3:::cn-bucket',
    'arn:aws-us-gov:iam::123456789012:role/admin']) a,
     LATERAL resolve_asset(a) r;

-- Steampipe, CloudQuery, Security Hub and Resource Explorer spellings
SELECT a, r.form, r.service_namespace, r.resource_type
FROM unnest(ARRAY['aws_vpc', 'aws_vpc_security_group', 'aws_ebs_volume', 'aws_rds_db_instance',
    'aws_iam_role', 'aws_lambda_function', 'aws_ec2_application_load_balancer', 'aws_cloudtrail_trail',
    'aws_kms_key', 'aws_dynamodb_table', 'aws_vpc_endpoint_service',
    'aws_ec2_security_groups', 'aws_rds_instances', 'aws_iam_policies', 'aws_elbv2_load_balancers',
    'AwsEc2SecurityGroup', 'AwsIamRole', 'AwsRdsDbInstance', 'AwsElbv2LoadBalancer', 'AwsLambdaFunction',
    'ec2:security-group', 'iam:role', 'rds:db', 'lambda:function', 'dynamodb:table']) a,
     LATERAL resolve_asset(a) r;

-- every AWS Config type and every CloudFormation type with a known service
-- resolves (Google's asset types: sql/gcp_services.sql)
SELECT count(*) AS config_types,
       count(*) FILTER (WHERE (SELECT resource_type FROM resolve_asset(t.resource_type)) = t.resource_type) AS resolved
FROM resource_type t WHERE in_config AND provider = 'aws';
SELECT count(*) AS cloudformation_types,
       count(*) FILTER (WHERE (SELECT resource_type FROM resolve_asset(t.resource_type)) = t.resource_type) AS resolved
FROM resource_type t WHERE in_cloudformation;
-- and the ARN of every type with a template resolves back to that type's service
SELECT count(*) AS types_with_template,
       count(*) FILTER (WHERE r.service_namespace = t.service_namespace
                           OR s.arn_namespace = (SELECT arn_namespace FROM service WHERE service_namespace = r.service_namespace)) AS same_service
FROM resource_type t
JOIN service s USING (provider, service_namespace)
CROSS JOIN LATERAL resolve_asset(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(t.arn_template,
        '\$\{Partition\}', 'aws'), '\$\{Region\}', 'us-east-1'), '\$\{Account\}', '123456789012'),
        '\$\{[^}]*\}', 'x1', 'g')) r
WHERE t.arn_template IS NOT NULL AND t.provider = 'aws';

-- control ids in the forms people write
SELECT c, (resolve_control(c)).framework_id, (resolve_control(c)).control_id, (resolve_control(c)).label
FROM unnest(ARRAY['SI-2', 'si-2', ' si-2 ', 'AC-2(1)', 'ac-2.1', 'ac-2 (1)', 'AC-02', 'ac-02(01)',
    'patch-management', 'Patch-Management', 'nist-800-53-r5:ac-2', 'aws-srm:data', 'SC-7(3)']) c;
-- as scanners write them (Security Hub's Compliance.RelatedRequirements,
-- Prowler's NIST r5 requirement ids), and item-level ids read as the control
-- they are an item of
SELECT c, srm_internal.control_key(c) AS key, (resolve_control(c)).framework_id, (resolve_control(c)).label
FROM unnest(ARRAY['ac_2_1', 'AC_2_1', 'ac-2.1', 'AC-02(01)', 'NIST.800-53.r5 AC-2(1)', 'NIST.800-53.r5/AC-2(1)',
    'NIST.800-53.r5 SI-7(6)', 'NIST-800-53-Revision-5 ac_2_1', 'NIST SP 800-53 Rev. 5 AC-2', 'nist-800-53-r5:ac_2_1',
    'ac_2_3_a', 'AC-2(3)(a)', 'ac_2_d_1', 'AC-2(i)(2)', 'AC-2a.', 'au_3_f', 'ac_3_3_b_1', 'cp_1_a_1_b', 'sc_7_12',
    'au_11', 'ac_2']) c;

-- bulk: unknowns are flagged, not dropped
SELECT asset, control, service_namespace, control_id, responsibility, class, customer_part, known_asset, known_control
FROM responsibilities(ARRAY['aws_ec2_instance', 'AWS::Made::Up', 'arn:aws:s3:::b'], ARRAY['si-2', 'xx-99']);

-- joining an inventory is one query: the resolver is inlined into the plan
CREATE TEMP TABLE steampipe_aws_ec2_instance (arn text, account_id text, region text);
INSERT INTO steampipe_aws_ec2_instance
SELECT format('arn:aws:ec2:us-east-1:1234567890%s:instance/i-%s', lpad((i % 3)::text, 2, '0'), md5(i::text)),
       '1234567890' || lpad((i % 3)::text, 2, '0'), 'us-east-1'
FROM generate_series(1, 300) i;
CREATE FUNCTION pg_temp.plan(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE line text; plan text := '';
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP plan := plan || line || E'\n'; END LOOP;
	RETURN plan;
END $$;
SELECT p !~ 'Function Scan' AS resolver_inlined, p !~ 'SubPlan' AS no_per_row_subplan
FROM pg_temp.plan($$
SELECT r.service_namespace, m.class, count(*)
FROM steampipe_aws_ec2_instance i
CROSS JOIN LATERAL resolve_asset(i.arn) r
JOIN matrix m ON m.service_namespace = r.service_namespace AND m.framework_id = 'nist-800-53-r5'
GROUP BY 1, 2$$) p;
SELECT r.service_namespace, m.class, count(*)
FROM steampipe_aws_ec2_instance i
CROSS JOIN LATERAL resolve_asset(i.arn) r
JOIN matrix m ON m.service_namespace = r.service_namespace AND m.framework_id = 'nist-800-53-r5'
               AND 'MODERATE' = ANY (m.baselines)
GROUP BY 1, 2 ORDER BY 1, 2;

-- errors name the asset or control, the form it was read as, and the closest names
\pset format unaligned
SELECT test_error(q) FROM unnest(ARRAY[
    'SELECT srm.service_of(''AWS::Made::Up'')',
    'SELECT srm.service_of(''AwsMadeUpThing'')',
    'SELECT srm.service_of(''arn:aws:madeup:us-east-1:123456789012:thing/x'')',
    'SELECT srm.service_of(''ec3'')',
    'SELECT srm.service_of(''not an asset!'')',
    'SELECT srm.service_of('''')',
    'SELECT srm.resource_type_of(''ec2'')',
    'SELECT srm.resource_type_of(''arn:aws:s3:::bucket/key'')',
    'SELECT srm.resource_type_of(''AWS::EC2::Instanse'')',
    'SELECT srm.responsibility_of(''ec2'', ''SI-99'')',
    'SELECT srm.responsibility_of(''ec2'', ''patch-managment'')',
    'SELECT srm.responsibility_of(''ec2'', ''iso-27001:a.5'')',
    'SELECT srm.responsibility_of(''ec2'', ''NIST.800-53.r5 AC-99(1)'')',
    'SELECT srm.responsibility_of(''ec2'', ''cp_1_2'')',
    'SELECT srm.responsibility_of(''ec2'', ''ac_2_zz'')',
    'SELECT srm.responsibility_of(''ec2'', ''NIST.800-53.r4 AC-2'')',
    'SELECT srm.classify(''aws_made_up_table'', ''si-2'')',
    'SELECT srm.explain(''ec2'', '''')']) q;
\pset format aligned
