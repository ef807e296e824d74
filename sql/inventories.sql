-- Inventories where they already are: tables shaped like Steampipe's,
-- CloudQuery's and Security Hub findings, joined with srm's functions
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = public, srm;
CREATE SCHEMA inv;
SET search_path = inv, public, srm;

-- Steampipe
CREATE TABLE aws_ec2_instance (instance_id text, arn text, account_id text, region text, tags jsonb);
INSERT INTO aws_ec2_instance VALUES
    ('i-01', 'arn:aws:ec2:us-east-1:111122223333:instance/i-01', '111122223333', 'us-east-1', '{"env": "prod"}'),
    ('i-02', 'arn:aws:ec2:eu-west-1:111122223333:instance/i-02', '111122223333', 'eu-west-1', '{"env": "dev"}'),
    ('i-03', 'arn:aws-us-gov:ec2:us-gov-west-1:444455556666:instance/i-03', '444455556666', 'us-gov-west-1', '{}');
CREATE TABLE aws_s3_bucket (name text, arn text, account_id text, region text, tags jsonb);
INSERT INTO aws_s3_bucket VALUES
    ('logs', 'arn:aws:s3:::logs', '111122223333', 'us-east-1', '{"data": "confidential"}'),
    ('site', 'arn:aws:s3:::site', '444455556666', 'eu-west-1', '{}');
-- CloudQuery
CREATE TABLE aws_ec2_instances (arn text, account_id text, region text, instance_id text);
INSERT INTO aws_ec2_instances SELECT arn, account_id, region, instance_id FROM aws_ec2_instance;
CREATE VIEW aws_resources AS
SELECT arn, account_id, region, 'AWS::EC2::Instance' AS type FROM aws_ec2_instances
UNION ALL SELECT arn, account_id, region, 'AWS::S3::Bucket' FROM aws_s3_bucket
UNION ALL SELECT 'arn:aws:rds:eu-west-1:111122223333:db:orders', '111122223333', 'eu-west-1', 'AWS::RDS::DBInstance'
UNION ALL SELECT 'arn:aws:frobnicate:eu-west-1:111122223333:widget/w1', '111122223333', 'eu-west-1', 'AWS::Frobnicate::Widget';
-- Security Hub findings (AWS Security Finding Format: Resources[].Type, .Id)
CREATE TABLE securityhub_findings (id text, resources jsonb);
INSERT INTO securityhub_findings VALUES
    ('f-1', '[{"Type": "AwsEc2Instance", "Id": "arn:aws:ec2:us-east-1:111122223333:instance/i-01"}]'),
    ('f-2', '[{"Type": "AwsS3Bucket", "Id": "arn:aws:s3:::logs"}]'),
    ('f-3', '[{"Type": "AwsIamRole", "Id": "arn:aws:iam::111122223333:role/admin"}]');

-- Steampipe: the responsibility mix of every instance for NIST MODERATE
SELECT i.account_id, m.class, count(*) AS asset_controls
FROM aws_ec2_instance i
CROSS JOIN LATERAL srm.resolve_asset(i.arn) r
JOIN srm.matrix m ON m.service_namespace = r.service_namespace
                 AND m.framework_id = 'nist-800-53-r5' AND 'MODERATE' = ANY (m.baselines)
GROUP BY 1, 2 ORDER BY 1, 2;
-- Steampipe: buckets holding confidential data, and the customer's part of encryption at rest
SELECT b.name, b.tags ->> 'data' AS data, srm.responsibility_of(b.arn, 'SC-28') AS sc_28,
       srm.responsibility_of(b.arn, 'SC-28') - 'provider' AS our_part
FROM aws_s3_bucket b ORDER BY b.name;
-- CloudQuery's table and its aws_resources view: who encrypts at rest,
-- per type; the unknown type is flagged by the bulk function, not dropped
SELECT r.type, srm.responsibility_of(r.arn, 'SC-28') AS sc_28, count(*)
FROM aws_resources r WHERE srm_internal.identifier_form(r.arn) = 'arn'
  AND (SELECT service_namespace FROM srm.resolve_asset(r.arn)) IS NOT NULL
GROUP BY 1, 2 ORDER BY 1;
SELECT asset, service_namespace, responsibility, known_asset
FROM srm.responsibilities((SELECT array_agg(arn ORDER BY arn) FROM aws_resources), ARRAY['SC-28'])
WHERE NOT known_asset OR service_namespace = 'rds';
SELECT count(*) AS same_answers
FROM aws_ec2_instances c JOIN aws_ec2_instance s USING (arn)
WHERE srm.responsibility_of(c.arn, 'si-2') = srm.responsibility_of('aws_ec2_instances', 'si-2')
  AND srm.responsibility_of(s.arn, 'si-2') = srm.responsibility_of('aws_ec2_instance', 'si-2');
-- Security Hub: which findings are about the customer's part of CM-6
SELECT f.id, res ->> 'Type' AS type, srm.classify(res ->> 'Id', 'CM-6') AS cm_6_by_arn,
       srm.classify(res ->> 'Type', 'CM-6') AS cm_6_by_type
FROM securityhub_findings f, jsonb_array_elements(f.resources) res ORDER BY f.id;

DROP SCHEMA inv CASCADE;
