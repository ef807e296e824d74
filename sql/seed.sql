-- Every statement of the founding description (AWS shared responsibility
-- model), asked of the model as data
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- Inherited: physical and environmental controls, on every AWS service
-- that runs in AWS's own facilities.  The only exceptions are the hybrid and
-- edge services whose hardware sits in the customer's or a partner's site,
-- each recorded with its reason in service_layer.
SELECT count(*) AS aws_services,
       count(*) FILTER (WHERE classify(service_namespace, 'physical-and-environmental') = 'inherited') AS inherited,
       count(*) FILTER (WHERE responsibility_of(service_namespace, 'physical-and-environmental') = 'provider') AS provider_only,
       count(*) FILTER (WHERE classify(service_namespace, 'physical-and-environmental') <> 'inherited'
                          AND NOT EXISTS (SELECT FROM service_layer sl
                                          WHERE sl.service_namespace = service.service_namespace
                                            AND sl.layer_id IN ('hardware', 'facilities'))) AS unexplained
FROM service WHERE provider = 'aws';
SELECT sl.service_namespace, responsibility_of(sl.service_namespace, 'physical-and-environmental'), sl.reason
FROM service_layer sl WHERE sl.layer_id = 'facilities' ORDER BY 1;
-- and NIST's physical and environmental family agrees on EC2
SELECT control_id, responsibility_of('ec2', control_id), classify('ec2', control_id)
FROM control WHERE framework_id = 'nist-800-53-r5' AND control_id IN ('pe-2', 'pe-3', 'pe-6', 'pe-13', 'pe-14')
ORDER BY sort_id;

-- Shared on EC2: patch management, configuration management, awareness
-- and training (each party in its own context)
SELECT c, responsibility_of('AWS::EC2::Instance', c), classify('AWS::EC2::Instance', c)
FROM unnest(ARRAY['patch-management', 'configuration-management', 'awareness-and-training']) c;
-- AWS patches the infrastructure, the customer its guest OS and applications
SELECT responsibility_of('ec2', 'patch-management') @> 'provider' AS aws_patches,
       responsibility_of('ec2', 'patch-management') && 'customer' AS customer_patches;
-- awareness and training: AWS trains its staff, the customer its own
SELECT count(*) AS aws_services,
       count(*) FILTER (WHERE responsibility_of(service_namespace, 'awareness-and-training')
                              @> 'provider (corporate), customer') AS each_trains_its_own
FROM service WHERE provider = 'aws';

-- Customer-specific: service and communications protection, zone security
SELECT c, responsibility_of('ec2', c), classify('ec2', c)
FROM unnest(ARRAY['service-and-communications-protection', 'zone-security']) c;

-- On EC2 the customer takes part in network security (NACLs, security
-- groups), OS patching, IAM user access management, client- and server-side
-- encryption
SELECT c, responsibility_of('arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0', c) AS responsibility,
       responsibility_of('arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0', c) && 'customer' AS customer_takes_part
FROM unnest(ARRAY['network-security', 'os-patching', 'iam-user-access-management',
                  'client-side-encryption', 'server-side-encryption']) c;

-- OS patching is inherited on abstracted services (S3, DynamoDB) and on
-- container services (RDS), while RDS security groups stay the customer's
SELECT s, service_model.name AS model, responsibility_of(s, 'os-patching'), classify(s, 'os-patching')
FROM unnest(ARRAY['s3', 'dynamodb', 'rds', 'ec2']) s
JOIN service ON service.service_namespace = s
JOIN service_model USING (model_id)
ORDER BY s;
SELECT responsibility_of('arn:aws:rds:eu-west-1:123456789012:db:orders', 'network-security') AS rds_security_groups,
       classify('AWS::RDS::DBInstance', 'network-security');

-- The split moves with the kind of service
SELECT model_id, count(*) AS services FROM service WHERE provider = 'aws' GROUP BY 1 ORDER BY 1;
SELECT s, model_id FROM service, unnest(ARRAY['ec2', 'rds', 'elasticmapreduce', 'elasticbeanstalk',
    's3', 'glacier', 'dynamodb', 'sqs', 'ses', 'lambda']) s
WHERE service_namespace = s ORDER BY model_id, s;
-- the aws-srm catalog comes out as its source says, on EC2
SELECT control_id, expected_class, classify('ec2', control_id) AS derived,
       expected_class = classify('ec2', control_id)::text AS agrees
FROM control WHERE framework_id = 'aws-srm' AND expected_class IS NOT NULL ORDER BY control_id;
