\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
-- Answers below the service grain (issue 8, items 1 and 2; SPEC §7):
-- resource types with layers of their own and configuration variants read
-- from an asset's configuration item.  Every statement checked below is one
-- the AWS page cited beside it makes; `holds` must be true on every row.
-- The items are test/fixtures/snapshot_grain.json (test/fixtures/README.md):
-- their configuration keys, key case and value types are those AWS Config
-- records per resource type, as listed in the AWS Config resource schema
-- (github.com/awslabs/aws-config-resource-schema,
-- config/properties/resource-types/<type>.properties.json).
SET search_path = srm, public;
\set grain `cat :'fixtures'/snapshot_grain.json`
SELECT load_config_snapshot(:'grain'::jsonb, 'snapshot_grain.json') AS loaded;

-- every row of the grain data cites a documentation page of its type's
-- provider (AWS's, Microsoft's for Azure's types, Google Cloud's for Google's asset
-- types)
SELECT (SELECT count(*) FROM resource_type_layer x JOIN resource_type t USING (resource_type)
        WHERE x.source !~ CASE t.provider WHEN 'gcp' THEN 'https://cloud\.google\.com/' WHEN 'azure' THEN 'https://learn\.microsoft\.com/' ELSE 'https://docs\.aws\.amazon\.com/' END) AS type_rows_without_provider_page,
       (SELECT count(*) FROM variant_layer x JOIN resource_type t USING (resource_type)
        WHERE x.source !~ CASE t.provider WHEN 'gcp' THEN 'https://cloud\.google\.com/' WHEN 'azure' THEN 'https://learn\.microsoft\.com/' ELSE 'https://docs\.aws\.amazon\.com/' END) AS variant_rows_without_provider_page,
       (SELECT count(*) FROM variant_rule x JOIN resource_type t USING (resource_type)
        WHERE x.source !~ CASE t.provider WHEN 'gcp' THEN 'https://cloud\.google\.com/' WHEN 'azure' THEN 'https://learn\.microsoft\.com/' ELSE 'https://docs\.aws\.amazon\.com/' END) AS rules_without_provider_page,
       (SELECT count(*) FROM variant v WHERE NOT EXISTS (SELECT FROM variant_rule r
            WHERE r.resource_type = v.resource_type AND r.variant_id = v.variant_id)) AS variants_without_rule;

-- statements of AWS's pages, each checked on the asset's ARN and on its
-- resource id (for the types whose resource id is the ARN, both are the
-- same string); a layer named: the responsibility of that layer in explain
CREATE TEMP TABLE statement (n serial, resource_type text, name text, control text, layer text, expected responsibility, says text, url text);
INSERT INTO statement (resource_type, name, control, layer, expected, says, url) VALUES
-- resource types
('AWS::EKS::FargateProfile', 'batch', 'os-patching', NULL, 'provider (system)', 'EKS patches the OS of Fargate nodes (Fargate profile)', 'https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-patching.html'),
('AWS::BackupGateway::Hypervisor', 'dc1-vcenter', 'physical-and-environmental', NULL, 'customer (provided)', 'a Backup gateway hypervisor is the customer''s own, on its premises', 'https://docs.aws.amazon.com/aws-backup/latest/devguide/working-with-gateways.html'),
('AWS::DataSync::Agent', 'dc1-nfs-agent', 'physical-and-environmental', NULL, 'provider, customer (provided)', 'a DataSync agent runs on the customer''s hypervisor or on EC2', 'https://docs.aws.amazon.com/datasync/latest/userguide/datasync-network.html'),
('AWS::MediaConnect::Gateway', 'studio-gw', 'os-patching', NULL, 'customer (provided)', 'MediaConnect Gateway instances are the customer''s on-premises servers', 'https://docs.aws.amazon.com/mediaconnect/latest/ug/gateway-components-instances.html'),
('AWS::IoTSiteWise::Gateway', 'plant-edge', 'physical-and-environmental', NULL, 'customer (provided)', 'a self-hosted SiteWise Edge gateway runs on the customer''s hardware', 'https://docs.aws.amazon.com/iot-sitewise/latest/userguide/create-gateway-ggv2.html'),
-- ECS launch type
('AWS::ECS::Service', 'orders-api', 'os-patching', NULL, 'provider (system)', 'Fargate: AWS runs and patches the host OS', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html'),
('AWS::ECS::Service', 'spot-api', 'os-patching', NULL, 'provider (system)', 'a strategy of FARGATE and FARGATE_SPOT providers is Fargate', 'https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-create-service-request/launch-type.html'),
('AWS::ECS::Service', 'batch-workers', 'os-patching', NULL, 'customer (provided)', 'EC2 launch type: the customer patches its container instances', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html'),
('AWS::ECS::Service', 'edge-agent', 'physical-and-environmental', NULL, 'customer (provided)', 'EXTERNAL: tasks run on the customer''s on-premises servers or VMs', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-cluster-console-v2-ecs-anywhere.html'),
('AWS::ECS::TaskDefinition', 'orders-api:3', 'os-patching', NULL, 'provider (system)', 'a Fargate-only task definition runs on Fargate', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html'),
('AWS::ECS::TaskDefinition', 'batch-workers:3', 'os-patching', NULL, 'customer (provided)', 'an EC2-only task definition runs on the customer''s instances', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html'),
('AWS::ECS::TaskDefinition', 'portable:3', 'os-patching', NULL, 'provider (system), customer (provided)', 'EC2 and FARGATE: where it runs is chosen at launch', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html'),
('AWS::ECS::CapacityProvider', 'prod-asg-cp', 'os-patching', NULL, 'customer (provided)', 'an Auto Scaling group capacity provider supplies the customer''s EC2 instances', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html'),
-- EKS compute kind
('AWS::ECS::CapacityProvider', 'prod-mi-cp', 'os-patching', NULL, 'provider (system), customer (configured)', 'ECS Managed Instances: ECS launches, manages and replaces the instances', 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedInstancesProvider.html'),
('AWS::EKS::Cluster', 'platform-auto', 'os-patching', NULL, 'provider (system)', 'Auto Mode: EKS creates, deletes and patches the nodes', 'https://docs.aws.amazon.com/eks/latest/userguide/automode-learn-instances.html'),
('AWS::EKS::Nodegroup', 'gpu-custom', 'os-patching', NULL, 'customer (provided)', 'a custom AMI is updated by the customer through its launch template', 'https://docs.aws.amazon.com/eks/latest/APIReference/API_UpdateNodegroupVersion.html'),
('AWS::EKS::Nodegroup', 'general', 'os-patching', NULL, 'provider (system), customer (configured)', 'EKS optimized AMI: EKS applies patches when the customer updates the group', 'https://docs.aws.amazon.com/eks/latest/userguide/update-managed-node-group.html'),
-- RDS Custom and storage encryption
('AWS::RDS::DBInstance', 'erp-oracle', 'os-patching', NULL, 'provider (system), customer (configured)', 'RDS Custom for Oracle: the customer keeps the OS up to date', 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-upgrading-considerations-os.html'),
('AWS::RDS::DBInstance', 'erp-oracle', 'patch-management', 'platform', 'customer (provided)', 'RDS Custom for Oracle: the engine comes from the customer''s installation files', 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-cev.preparing.html'),
('AWS::RDS::DBInstance', 'reports-pg', 'os-patching', NULL, 'provider', 'a standard RDS engine: AWS manages the host OS', 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-concept.html'),
('AWS::RDS::DBInstance', 'reports-pg', 'server-side-encryption', NULL, 'customer (configured)', 'storage encryption is off (rds-storage-encrypted)', 'https://docs.aws.amazon.com/config/latest/developerguide/rds-storage-encrypted.html'),
('AWS::RDS::DBInstance', 'erp-oracle', 'server-side-encryption', NULL, 'provider (system), customer (configured)', 'encrypted with a KMS key, aws/rds or the customer''s', 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html'),
('AWS::RDS::DBCluster', 'ledger', 'server-side-encryption', NULL, 'provider (system), customer (configured)', 'an encrypted Aurora cluster', 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html'),
-- Lambda runtime
('AWS::Lambda::Function', 'thumbnailer', 'patch-management', 'platform', 'customer (provided)', 'container image: the customer rebuilds from the latest base image', 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html'),
('AWS::Lambda::Function', 'rust-router', 'patch-management', 'platform', 'customer (provided)', 'OS-only runtime: the customer brings the runtime', 'https://docs.aws.amazon.com/lambda/latest/dg/runtimes-provided.html'),
('AWS::Lambda::Function', 'pinned-py', 'patch-management', 'platform', 'provider (system), customer (configured)', 'Manual mode: the customer moves the function to new runtime versions Lambda publishes', 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html'),
-- who owns the key
('AWS::S3::Bucket', 'acme-grain-sse-s3', 'server-side-encryption', NULL, 'provider (system)', 'SSE-S3', 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html'),
('AWS::S3::Bucket', 'acme-grain-aws-kms', 'server-side-encryption', NULL, 'provider (system)', 'SSE-KMS with no key named: aws/s3', 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html'),
('AWS::S3::Bucket', 'acme-grain-cmk', 'server-side-encryption', NULL, 'provider (system), customer (configured)', 'SSE-KMS with a customer managed key', 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html'),
('AWS::S3::Bucket', 'acme-grain-dsse', 'server-side-encryption', NULL, 'provider (system), customer (configured)', 'DSSE-KMS', 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html'),
('AWS::EC2::Volume', 'vol-0grain00000000001', 'server-side-encryption', NULL, 'customer (configured)', 'an unencrypted EBS volume (encrypted-volumes)', 'https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html'),
('AWS::EC2::Volume', 'vol-0grain00000000002', 'server-side-encryption', NULL, 'provider (system), customer (configured)', 'an EBS volume encrypted with a KMS key', 'https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html'),
('AWS::DynamoDB::Table', 'grain-owned', 'server-side-encryption', NULL, 'provider (system)', 'DynamoDB''s default AWS owned key', 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.tutorial.html'),
('AWS::DynamoDB::Table', 'grain-kms', 'server-side-encryption', NULL, 'provider (system), customer (configured)', 'a DynamoDB table with a KMS key', 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html'),
('AWS::EFS::FileSystem', 'fs-0grain0000000001', 'server-side-encryption', NULL, 'provider (system), customer (configured)', 'an encrypted EFS file system', 'https://docs.aws.amazon.com/efs/latest/ug/EFSKMS.html'),
('AWS::EFS::FileSystem', 'fs-0grain0000000002', 'server-side-encryption', NULL, 'customer (configured)', 'EFS encryption is chosen at creation; this one is not encrypted', 'https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html'),
('AWS::SQS::Queue', 'grain-sse-sqs', 'server-side-encryption', NULL, 'provider (system)', 'SSE-SQS', 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html'),
('AWS::SQS::Queue', 'grain-aws-kms', 'server-side-encryption', NULL, 'provider (system)', 'the AWS managed key for SQS', 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html'),
('AWS::SQS::Queue', 'grain-cmk', 'server-side-encryption', NULL, 'provider (system), customer (configured)', 'a customer managed key for SQS', 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html'),
('AWS::SQS::Queue', 'grain-plain', 'server-side-encryption', NULL, 'customer (configured)', 'an SQS queue without SSE', 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-java-configure-sse.html'),
('AWS::SNS::Topic', 'grain-aws-kms', 'server-side-encryption', NULL, 'provider (system)', 'an SNS topic with alias/aws/sns', 'https://docs.aws.amazon.com/config/latest/developerguide/sns-encrypted-kms.html'),
('AWS::SNS::Topic', 'grain-plain', 'server-side-encryption', NULL, 'customer (configured)', 'an SNS topic not encrypted with KMS', 'https://docs.aws.amazon.com/config/latest/developerguide/sns-encrypted-kms.html'),
('AWS::SecretsManager::Secret', 'grain/db-default', 'server-side-encryption', NULL, 'provider (system)', 'no KmsKeyId: the AWS managed key aws/secretsmanager', 'https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/secretsmanager/aws.sdk.kotlin.services.secretsmanager.model/-secret-list-entry/kms-key-id.html'),
('AWS::SecretsManager::Secret', 'grain/db-cmk', 'server-side-encryption', NULL, 'provider (system), customer (configured)', 'a secret under a customer managed key', 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html'),
('AWS::Kinesis::Stream', 'clicks-owned', 'server-side-encryption', NULL, 'provider (system)', 'alias/aws/kinesis: the key Kinesis Data Streams owns', 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartStreamEncryption.html'),
('AWS::Kinesis::Stream', 'clicks-cmk', 'server-side-encryption', NULL, 'provider (system), customer (configured)', 'a customer managed key for Kinesis', 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartStreamEncryption.html'),
('AWS::Kinesis::Stream', 'clicks-plain', 'server-side-encryption', NULL, 'customer (configured)', 'EncryptionType NONE', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-kinesis-stream-streamencryption.html'),
('AWS::Redshift::Cluster', 'dw-encrypted', 'server-side-encryption', NULL, 'provider (system), customer (configured)', 'an encrypted Redshift cluster (aws/redshift or the customer''s key)', 'https://docs.aws.amazon.com/kms/latest/developerguide/services-redshift.html'),
('AWS::Redshift::Cluster', 'dw-plain', 'server-side-encryption', NULL, 'customer (configured)', 'an unencrypted Redshift cluster (redshift-cluster-kms-enabled)', 'https://docs.aws.amazon.com/config/latest/developerguide/redshift-cluster-kms-enabled.html'),
('AWS::OpenSearch::Domain', 'search-encrypted', 'server-side-encryption', NULL, 'provider (system), customer (configured)', 'an OpenSearch domain encrypted at rest', 'https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html'),
('AWS::OpenSearch::Domain', 'search-plain', 'server-side-encryption', NULL, 'customer (configured)', 'an OpenSearch domain without encryption at rest', 'https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html'),
('AWS::Elasticsearch::Domain', 'legacy-es', 'server-side-encryption', NULL, 'customer (configured)', 'an Elasticsearch domain without encryption at rest', 'https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html'),
('AWS::CloudTrail::Trail', 'org-default', 'server-side-encryption', NULL, 'provider (system)', 'CloudTrail log files are SSE-S3 by default', 'https://docs.aws.amazon.com/controltower/latest/controlreference/cloudtrail-rules.html'),
('AWS::CloudTrail::Trail', 'org-kms', 'server-side-encryption', NULL, 'provider (system), customer (configured)', 'CloudTrail log files under the customer''s KMS key', 'https://docs.aws.amazon.com/config/latest/developerguide/cloud-trail-encryption-enabled.html');

-- the asset each statement is about, by resource type and name
CREATE TEMP VIEW stated AS
SELECT s.*, a.arn, a.resource_id
FROM statement s
JOIN asset a ON a.resource_type = s.resource_type AND a.resource_name = s.name;
CREATE TEMP VIEW answered AS
SELECT st.n, st.resource_type, st.name, st.control, st.layer, st.expected, st.says, st.url, st.arn, st.resource_id,
       CASE WHEN st.layer IS NULL THEN responsibility_of(st.arn, st.control)
            ELSE (SELECT e.responsibility FROM explain(st.arn, st.control) e WHERE e.layer_id = st.layer) END AS by_arn,
       CASE WHEN st.layer IS NULL THEN responsibility_of(st.resource_id, st.control)
            ELSE (SELECT e.responsibility FROM explain(st.resource_id, st.control) e WHERE e.layer_id = st.layer) END AS by_resource_id,
       classify(st.arn, st.control) AS class
FROM stated st;
SELECT resource_type, name, control || coalesce(' / ' || layer, '') AS control, expected::text, class,
       by_arn = expected AND by_resource_id = expected AS holds, says, url
FROM answered ORDER BY n;
SELECT (SELECT count(*) FROM statement) AS statements, count(*) AS matched_an_asset, count(*) FILTER (WHERE by_arn = expected AND by_resource_id = expected) AS holding,
       count(*) FILTER (WHERE resource_id <> arn) AS by_a_resource_id_that_is_not_the_arn
FROM answered;

-- assets of one type in different variants answer differently; assets with
-- no variant known answer as the resource type (its service's answer or
-- its own layers)
SELECT a.resource_type, c.control,
       string_agg(DISTINCT a.resource_name || ': ' || coalesce(l.variant, 'unknown') || ' → ' || responsibility_of(a.arn, c.control)::text,
                  E'\n' ORDER BY a.resource_name || ': ' || coalesce(l.variant, 'unknown') || ' → ' || responsibility_of(a.arn, c.control)::text) AS answers,
       count(DISTINCT responsibility_of(a.arn, c.control)) AS distinct_answers
FROM asset a
CROSS JOIN LATERAL srm_internal.locate(a.arn) l
JOIN (VALUES ('AWS::ECS::Service', 'os-patching'), ('AWS::EKS::Cluster', 'os-patching'), ('AWS::RDS::DBInstance', 'os-patching'),
             ('AWS::S3::Bucket', 'server-side-encryption'), ('AWS::SQS::Queue', 'server-side-encryption'),
             ('AWS::Lambda::Function', 'patch-management')) AS c(resource_type, control)
  ON c.resource_type = a.resource_type
GROUP BY 1, 2 ORDER BY 1;

-- explain names the resource type and, per dimension, the variant with the
-- rule that told it and its source
SELECT kind, origin, detail FROM explain('arn:aws:ecs:us-east-1:402918374655:service/prod/orders-api', 'os-patching')
WHERE kind IN ('resource type', 'variant', 'layer');
SELECT kind, origin, detail FROM explain('db-GRAINCUSTOMORACLE000000001', 'SC-28') WHERE kind IN ('asset', 'resource type', 'variant');
SELECT kind, layer_id, responsibility, origin, CASE WHEN kind = 'variant' THEN detail END AS detail
FROM explain('thumbnailer', 'patch-management') WHERE kind IN ('variant', 'layer', 'derived');
-- a resource type with layers of its own, no variants
SELECT kind, layer_id, responsibility, origin FROM explain('0grain00-0000-4000-8000-000000000001', 'physical-and-environmental')
WHERE kind IN ('resource type', 'variant', 'layer');

-- bad input: a configuration the rules do not recognise (an unexpected
-- value, a missing key, a configuration that is null or absent)
-- answers as the resource type, and explain says the variant is unknown
-- and why; never an error (a configuration given as a JSON string, as the
-- Config API writes it, is read as its JSON: text-conf is Fargate)
SELECT load_config_snapshot('{"configurationItems": [
 {"resourceType": "AWS::ECS::Service", "resourceId": "arn:aws:ecs:us-east-1:402918374655:service/prod/null-conf", "awsAccountId": "402918374655", "awsRegion": "us-east-1",
  "ARN": "arn:aws:ecs:us-east-1:402918374655:service/prod/null-conf", "configuration": null},
 {"resourceType": "AWS::ECS::Service", "resourceId": "arn:aws:ecs:us-east-1:402918374655:service/prod/text-conf", "awsAccountId": "402918374655", "awsRegion": "us-east-1",
  "ARN": "arn:aws:ecs:us-east-1:402918374655:service/prod/text-conf", "configuration": "{\"LaunchType\": \"FARGATE\"}"},
 {"resourceType": "AWS::ECS::Service", "resourceId": "arn:aws:ecs:us-east-1:402918374655:service/prod/number-conf", "awsAccountId": "402918374655", "awsRegion": "us-east-1",
  "ARN": "arn:aws:ecs:us-east-1:402918374655:service/prod/number-conf", "configuration": {"LaunchType": 42}},
 {"resourceType": "AWS::S3::Bucket", "resourceId": "acme-grain-no-conf", "awsAccountId": "402918374655", "awsRegion": "us-east-1",
  "ARN": "arn:aws:s3:::acme-grain-no-conf"}
]}'::jsonb, 'bad configurations') AS loaded;
SELECT a.resource_type, a.resource_name,
       responsibility_of(a.arn, c.control) AS answer,
       responsibility_of(a.arn, c.control) = (SELECT d.responsibility FROM srm_internal.derivation d
            WHERE d.grain_id = srm_internal.grain_of(l.provider, l.service_namespace, a.resource_type, NULL)
              AND d.framework_id = 'aws-srm' AND d.control_id = c.control) AS as_the_resource_type,
       (SELECT string_agg(e.detail, E'\n' ORDER BY e.step) FROM explain(a.arn, c.control) e WHERE e.kind = 'variant') AS explain_says
FROM asset a
CROSS JOIN LATERAL srm_internal.locate(a.arn) l
JOIN (VALUES ('AWS::ECS::Service', 'os-patching'), ('AWS::EKS::Cluster', 'os-patching'), ('AWS::RDS::DBInstance', 'server-side-encryption'),
             ('AWS::Lambda::Function', 'patch-management'), ('AWS::S3::Bucket', 'server-side-encryption')) AS c(resource_type, control)
  ON c.resource_type = a.resource_type
WHERE l.variant IS NULL OR a.resource_name = 'odd-db'
ORDER BY a.asset_id;

-- an identifier of an asset that is not loaded answers at its resource
-- type's grain: a Lightsail managed database (OS patched by AWS, unlike a
-- Lightsail instance) by its ARN; explain says no item is loaded
SELECT responsibility_of('arn:aws:lightsail:us-east-1:402918374655:RelationalDatabase/0c1d2e3f-0000-4000-8000-000000000001', 'os-patching') AS lightsail_database,
       responsibility_of('arn:aws:lightsail:us-east-1:402918374655:Instance/0c1d2e3f-0000-4000-8000-000000000002', 'os-patching') AS lightsail_instance,
       responsibility_of('arn:aws:lightsail:us-east-1:402918374655:RelationalDatabase/0c1d2e3f-0000-4000-8000-000000000001', 'os-patching')
         = 'provider (system)' AS holds,
       'https://docs.aws.amazon.com/lightsail/2016-11-28/api-reference/API_UpdateRelationalDatabase.html' AS url;
SELECT kind, detail FROM explain('arn:aws:s3:::acme-grain-not-loaded', 'server-side-encryption')
WHERE kind IN ('asset', 'resource type', 'variant');
-- in bulk: loaded assets at their variant, the rest at their type's grain
SELECT asset, known_asset, resource_type, responsibility
FROM responsibilities(ARRAY['arn:aws:s3:::acme-grain-sse-s3', 'acme-grain-cmk', 'arn:aws:s3:::acme-grain-not-loaded',
                            'vol-0grain00000000001', 'arn:aws:ec2:us-east-1:402918374655:volume/vol-0notloaded0000001'],
                      ARRAY['server-side-encryption']);

-- srm.resource_type_matrix: per resource type and variant, the cells that
-- differ from the service's answer (aws-srm controls named; all frameworks
-- counted)
SELECT resource_type, coalesce(variant, '(type)') AS variant,
       string_agg(control_id, ', ' ORDER BY control_id) FILTER (WHERE differs AND framework_id = 'aws-srm') AS aws_srm_controls_that_differ,
       count(*) FILTER (WHERE differs) AS cells_that_differ, count(*) AS cells
FROM resource_type_matrix
WHERE resource_type IN (SELECT resource_type FROM resource_type_layer UNION SELECT resource_type FROM variant_dimension)
GROUP BY resource_type, variant
ORDER BY resource_type, variant NULLS FIRST;

-- srm.responsibilities reads its assets in bulk (srm_internal.locate_many,
-- the ARNs of loaded assets in one pass): the same as srm_internal.locate
-- one by one, for loaded ARNs (also padded with spaces), ARNs not loaded,
-- resource ids, the other forms and unknown names; a null gives no row
WITH ids AS (
    SELECT array_agg(v ORDER BY n) AS a
    FROM (SELECT row_number() OVER (ORDER BY asset_id) AS n, arn AS v FROM asset WHERE arn IS NOT NULL
          UNION ALL
          SELECT 10000 + row_number() OVER (ORDER BY asset_id), ' ' || arn || ' ' FROM asset WHERE arn IS NOT NULL
          UNION ALL
          SELECT 20000 + row_number() OVER (ORDER BY asset_id), resource_id FROM asset
          WHERE resource_id IN (SELECT resource_id FROM asset GROUP BY resource_id HAVING count(DISTINCT resource_type) = 1)
          UNION ALL
          SELECT 30000 + o, v
          FROM unnest(ARRAY['arn:aws:s3:::acme-grain-not-loaded', 'arn:aws:ec2:us-east-1:402918374655:volume/vol-0notloaded0000001',
                            'AWS::S3::Bucket', 'aws_s3_bucket', 's3', 'AwsS3Bucket', 'ec2:instance', 'no such thing', NULL]) WITH ORDINALITY AS u(v, o)) x)
SELECT count(*) FILTER (WHERE m.asset_id IS NOT NULL) > 100 AS many_loaded, count(*) FILTER (WHERE m.asset_id IS NULL) >= 8 AS others,
       count(*) FILTER (WHERE ROW(m.asset, m.form, m.provider, m.service_namespace, m.resource_type, m.account_id, m.arn,
                                  m.asset_id, m.variant, m.variants, m.grain_id)
                              IS DISTINCT FROM
                              ROW(l.asset, l.form, l.provider, l.service_namespace, l.resource_type, l.account_id, l.arn,
                                  l.asset_id, l.variant, l.variants, l.grain_id)) AS differ,
       (SELECT cardinality(a) FROM ids) - count(*) AS without_a_row
FROM ids
CROSS JOIN LATERAL srm_internal.locate_many(ids.a) m
LEFT JOIN LATERAL srm_internal.locate(m.identifier) l ON true;

DROP VIEW answered; DROP VIEW stated; DROP TABLE statement;
DELETE FROM asset_load_rejection; DELETE FROM asset; DELETE FROM asset_load;
