-- Google Cloud as a provider (issue 13, items 2 and 3): services placed on
-- Google's three models with their sources, Cloud Asset Inventory asset
-- types and full resource names, the errors for what srm cannot read, and
-- equivalent services of Google and AWS giving the same answers for every
-- control of NIST SP 800-53 MODERATE unless a sourced deviation says
-- otherwise.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-------------------------------------------------------------------------------
-- Services
-------------------------------------------------------------------------------

-- every Google service: reviewed, its model, its deviations, and a source
-- naming Google Cloud documentation pages
SELECT s.service_namespace, s.arn_namespace AS api, s.model_id, s.reviewed,
       s.source ~ '\(https://cloud\.google\.com/[^)]+\)' AS cites_google_page,
       (SELECT string_agg(sl.layer_id, ', ' ORDER BY l.ordinal)
          FROM service_layer sl JOIN layer l USING (layer_id)
         WHERE sl.provider = s.provider AND sl.service_namespace = s.service_namespace) AS deviations
FROM service s
WHERE s.provider = 'gcp'
ORDER BY s.service_namespace COLLATE "C";

-- every deviation gives a reason and cites a Google Cloud page; every
-- service's model is one of Google's
SELECT count(*) AS deviations,
       count(*) FILTER (WHERE reason ~ '\S' AND source ~ '\(https://cloud\.google\.com/[^)]+\)') AS sourced
FROM service_layer WHERE provider = 'gcp';
SELECT count(*) AS services, count(*) FILTER (WHERE m.provider = 'gcp') AS on_google_models,
       count(*) FILTER (WHERE s.reviewed) AS reviewed
FROM service s JOIN service_model m USING (model_id) WHERE s.provider = 'gcp';
SELECT model_id, count(*) AS services FROM service WHERE provider = 'gcp' GROUP BY model_id ORDER BY model_id;

-- the statements of the pages, each with its page; holds must be true on every row
SELECT a AS asset, c AS control, responsibility_of(a, c) AS responsibility,
       classify(a, c) AS class, classify(a, c)::text = want AS holds
FROM (VALUES
  -- Compute Engine is Google's IaaS example: the customer runs and patches the guest OS
  --   https://cloud.google.com/architecture/framework/security/shared-responsibility-shared-fate
  --   https://cloud.google.com/compute/docs/os-patch-management
  ('//compute.googleapis.com/projects/p/zones/z/instances/vm-1', 'os-patching', 'customer-specific'),
  ('compute.googleapis.com/Instance', 'physical-and-environmental', 'inherited'),
  ('compute.googleapis.com/Firewall', 'network-security', 'customer-specific'),
  -- persistent disks are always encrypted by Google; CMEK or CSEK are the customer's option
  --   https://cloud.google.com/compute/docs/disks/disk-encryption
  ('compute.googleapis.com/Disk', 'server-side-encryption', 'shared'),
  -- GKE: Google patches node images and deploys them with auto-upgrade or a
  -- release channel; the customer enrols clusters in auto-upgrade or upgrades
  -- them, and maintains its workloads and container images
  --   https://cloud.google.com/kubernetes-engine/docs/concepts/shared-responsibility
  ('container.googleapis.com/Cluster', 'os-patching', 'shared'),
  ('container.googleapis.com/NodePool', 'patch-management', 'shared'),
  ('gke', 'data', 'customer-specific'),
  -- Cloud Run: Google patches the buildpacks base image with automatic base
  -- image updates; the app image is the customer's
  --   https://cloud.google.com/run/docs/configuring/services/automatic-base-image-updates
  ('run.googleapis.com/Service', 'patch-management', 'shared'),
  ('run.googleapis.com/Service', 'os-patching', 'inherited'),
  -- Cloud Run functions: managed runtimes Google patches, on the runtime the customer picks
  --   https://cloud.google.com/functions/docs/runtime-support
  ('//cloudfunctions.googleapis.com/projects/p/locations/l/functions/f', 'patch-management', 'shared'),
  -- App Engine is Google's PaaS example
  ('appengine.googleapis.com/Version', 'os-patching', 'inherited'),
  -- Cloud SQL: Google applies updates in the maintenance window the customer chooses
  --   https://cloud.google.com/sql/docs/mysql/maintenance
  ('//cloudsql.googleapis.com/projects/p/instances/db', 'patch-management', 'shared'),
  ('sqladmin.googleapis.com/Instance', 'os-patching', 'inherited'),
  -- Dataproc: the customer recreates clusters on new image versions
  --   https://cloud.google.com/dataproc/docs/concepts/versioning/overview
  ('dataproc.googleapis.com/Cluster', 'os-patching', 'shared'),
  -- Cloud Storage, BigQuery, Spanner: Google-owned keys by default, CMEK as the customer's option
  --   https://cloud.google.com/storage/docs/encryption
  --   https://cloud.google.com/bigquery/docs/customer-managed-encryption
  --   https://cloud.google.com/spanner/docs/cmek
  ('//storage.googleapis.com/my-bucket', 'server-side-encryption', 'shared'),
  ('bigquery.googleapis.com/Table', 'server-side-encryption', 'shared'),
  ('spanner.googleapis.com/Database', 'os-patching', 'inherited'),
  -- every Cloud API accepts only TLS requests
  --   https://cloud.google.com/apis/docs/overview
  ('storage.googleapis.com/Bucket', 'network-traffic-protection', 'inherited'),
  -- Cloud KMS keeps key material in Google's keystore or HSMs
  --   https://cloud.google.com/docs/security/key-management-deep-dive
  ('cloudkms.googleapis.com/CryptoKey', 'server-side-encryption', 'inherited'),
  ('cloudkms.googleapis.com/CryptoKey', 'iam-user-access-management', 'customer-specific'),
  -- Secret Manager only notifies; the rotation is the customer's subscriber
  --   https://cloud.google.com/secret-manager/docs/secret-rotation
  ('secretmanager.googleapis.com/Secret', 'patch-management', 'shared'),
  -- Google IAM holds no content a client could encrypt
  ('iam.googleapis.com/ServiceAccount', 'client-side-encryption', 'not-applicable'),
  ('iam.googleapis.com/ServiceAccountKey', 'iam-user-access-management', 'customer-specific')
) AS t(a, c, want)
ORDER BY a COLLATE "C", c COLLATE "C";

-- GKE's mode of operation is a variant of the cluster: Autopilot when the
-- Cloud Asset Inventory data says autopilot.enabled, Standard otherwise
--   https://cloud.google.com/kubernetes-engine/docs/concepts/autopilot-overview
SELECT c AS configuration, v.variant
FROM (VALUES ('{"name": "c1", "autopilot": {"enabled": true}}'),
             ('{"name": "c2", "autopilot": {}}'),
             ('{"name": "c3"}'),
             ('{}')) AS x(c),
     LATERAL srm_internal.variant_of('container.googleapis.com/Cluster', c::jsonb, NULL) v
ORDER BY c COLLATE "C";
-- who patches the nodes' OS, per mode
SELECT g.variant, d.derived AS os_patching
FROM srm_internal.grain g
JOIN srm_internal.derivation d ON d.grain_id = g.grain_id AND d.framework_id = 'aws-srm' AND d.control_id = 'os-patching'
WHERE g.resource_type = 'container.googleapis.com/Cluster'
ORDER BY g.variant COLLATE "C" NULLS FIRST;

-------------------------------------------------------------------------------
-- Asset types and full resource names
-------------------------------------------------------------------------------

-- the asset types shipped (data/gcp_asset_types.csv: Google's published
-- list of Cloud Asset Inventory asset types, the types srm places), per service
SELECT t.service_namespace, count(*) AS asset_types,
       count(*) FILTER (WHERE t.arn_template LIKE '//%') AS with_name_template
FROM resource_type t WHERE t.provider = 'gcp'
GROUP BY t.service_namespace ORDER BY t.service_namespace COLLATE "C";

-- every asset type resolves as itself, and so does a full resource name
-- made from each of its name templates (the one Cloud Asset Inventory
-- writes and the other documented forms); a nested resource never reads
-- as its parent
SELECT count(*) AS templates,
       count(*) FILTER (WHERE r.resource_type = p.resource_type) AS resolve_to_their_type,
       count(*) FILTER (WHERE r.provider = 'gcp') AS read_as_google,
       count(*) FILTER (WHERE r.account_id = 'my-project' OR p.arn_template !~ '/(projects|apps)/\$\{') AS project_read
FROM arn_pattern p
JOIN resource_type t USING (resource_type)
CROSS JOIN LATERAL resolve_asset(regexp_replace(regexp_replace(p.arn_template, '\$\{(Project|App)\}', 'my-project', 'g'),
                                                '\$\{([A-Za-z]+)\}', 'x-\1', 'g')) r
WHERE t.provider = 'gcp';
-- the one exception: Cloud Run functions' two asset types (1st gen only,
-- and both generations) share one name format, which reads as the first;
-- both are of the same service
SELECT p.resource_type, p.arn_template, r.resource_type AS read_as, r.service_namespace
FROM arn_pattern p
JOIN resource_type t USING (resource_type)
CROSS JOIN LATERAL resolve_asset(regexp_replace(p.arn_template, '\$\{([A-Za-z]+)\}', 'x-\1', 'g')) r
WHERE t.provider = 'gcp' AND r.resource_type IS DISTINCT FROM p.resource_type
ORDER BY 1, 2;
SELECT count(*) AS asset_types, count(*) FILTER (WHERE r.resource_type = t.resource_type AND r.form = 'gcp-asset-type') AS resolve
FROM resource_type t CROSS JOIN LATERAL resolve_asset(t.resource_type) r
WHERE t.provider = 'gcp';

-- how names are read: form, provider, service, type, location, project, path
SELECT r.*
FROM unnest(ARRAY[
    '//compute.googleapis.com/projects/my-project/zones/us-central1-a/instances/vm-1',
    '//compute.googleapis.com/projects/my-project/global/firewalls/allow-ssh',
    '//compute.googleapis.com/projects/my-project/regions/europe-west1/subnetworks/sub-1',
    '//compute.googleapis.com/projects/my-project/global/unknownThings/x',
    '//storage.googleapis.com/my.bucket.example.com',
    '//storage.googleapis.com/projects/_/buckets/my-bucket',
    '//container.googleapis.com/projects/my-project/locations/europe-west1/clusters/c1',
    '//container.googleapis.com/projects/my-project/zones/europe-west1-b/clusters/c1/nodePools/np-1',
    '//cloudsql.googleapis.com/projects/my-project/instances/db-1',
    '//sqladmin.googleapis.com/projects/my-project/instances/db-1',
    '//bigtable.googleapis.com/projects/my-project/instances/bt/clusters/c1/backups/b1',
    '//cloudkms.googleapis.com/projects/my-project/locations/global/keyRings/kr/cryptoKeys/k/cryptoKeyVersions/1',
    '//iam.googleapis.com/projects/my-project/serviceAccounts/sa@my-project.iam.gserviceaccount.com/keys/0123abcd',
    '//appengine.googleapis.com/apps/my-project/services/default/versions/v1',
    '//cloudresourcemanager.googleapis.com/projects/my-project',
    '//cloudresourcemanager.googleapis.com/organizations/1234567890',
    '  //pubsub.googleapis.com/projects/my-project/topics/t  ',
    'compute.googleapis.com/Instance',
    'container.googleapis.com/NodePool',
    'compute.googleapis.com/Instanse',
    'compute.googleapis.com',
    'cloudsql.googleapis.com',
    'gke', 'gcs', 'cloud-run', 'memorystore', 'cloud-iam',
    -- names that are AWS's and Google's stay AWS's
    'iam', 'redis', 'monitoring', 'kms']) WITH ORDINALITY AS a(v, n)
CROSS JOIN LATERAL resolve_asset(a.v) r
ORDER BY a.n;
SELECT service_of('//pubsub.googleapis.com/projects/p/subscriptions/s') AS pubsub,
       resource_type_of('//spanner.googleapis.com/projects/p/instances/i/databases/d') AS spanner_database,
       resource_type_of('//compute.googleapis.com/projects/p/regions/r/disks/d') AS regional_disk,
       resource_type_of('//iam.googleapis.com/organizations/123/roles/custom') AS org_role;

-- bulk answers flag Google assets like AWS ones, never drop them
SELECT asset, control, service_namespace, resource_type, class, known_asset, known_control
FROM responsibilities(ARRAY['//compute.googleapis.com/projects/p/zones/z/instances/i', 'storage.googleapis.com/Bucket',
                            'nosuch.googleapis.com/Thing', '//compute.googleapis.com'],
                      ARRAY['SI-2'])
ORDER BY asset COLLATE "C", control COLLATE "C";

-------------------------------------------------------------------------------
-- Errors
-------------------------------------------------------------------------------

-- unknown asset types: 42704 with the closest names, as for AWS types
SELECT test_error($$SELECT srm.resource_type_of('compute.googleapis.com/Instanse')$$);
SELECT test_error($$SELECT srm.service_of('nosuch.googleapis.com/Thing')$$);
SELECT test_error($$SELECT srm.responsibility_of('computee.googleapis.com/Instance', 'SI-2')$$);
SELECT test_error($$SELECT srm.service_of('//nosuch.googleapis.com/projects/p/things/t')$$);
SELECT test_error($$SELECT srm.resource_type_of('//compute.googleapis.com/projects/p/global/unknownThings/x')$$);
SELECT test_error($$SELECT srm.resource_type_of('compute.googleapis.com')$$);
-- malformed full resource names: 22023, saying what the form is
SELECT test_error($$SELECT srm.service_of('//compute.googleapis.com')$$);
SELECT test_error($$SELECT srm.service_of('//compute.googleapis.com/')$$);
SELECT test_error($$SELECT srm.classify('//compute.googleapis.com/projects//zones/z', 'SI-2')$$);
SELECT test_error($$SELECT srm.resource_type_of('//compute.googleapis.com/projects/p/zones/z/instances/i/')$$);
SELECT test_error($$SELECT srm.service_of('//example.com/projects/p')$$);
SELECT test_error($$SELECT srm.service_of('///storage.googleapis.com/b')$$);

-- a team's accounts: AWS account ids, Azure subscription ids, Google project ids
INSERT INTO team_account VALUES (current_user, 'my-project-123'), (current_user, '0b1f6472-1e4b-4a4f-8f5e-3c6d2a9e1b70'),
                                (current_user, '0B1F6472-1E4B-4A4F-8F5E-3C6D2A9E1B71'), (current_user, '123456789012');
SELECT account_id FROM team_account WHERE team = current_user ORDER BY account_id COLLATE "C";
SELECT test_error(format($$INSERT INTO srm.team_account VALUES (%L, %L)$$, current_user, v))
FROM unnest(ARRAY['my-project-', 'My-Project', '1-project', 'short', 'a-project-id-that-is-far-too-long-x', '12345678901',
                  '0b1f6472-1e4b-4a4f-8f5e-3c6d2a9e1b7']) WITH ORDINALITY AS x(v, n)
ORDER BY n;
DELETE FROM team_account WHERE team = current_user;

-------------------------------------------------------------------------------
-- Equivalent services: the same answers unless a sourced deviation says otherwise
-------------------------------------------------------------------------------

-- pairs of equivalent services (at the grain of a resource type and
-- variant where they have one), and the layers on which they may differ,
-- each with its reason and source
CREATE TEMPORARY TABLE equivalent (pair text PRIMARY KEY, gcp_service text, gcp_type text, gcp_variant text,
                                   aws_service text, aws_type text, aws_variant text);
INSERT INTO equivalent VALUES
  ('Compute Engine instance ~ EC2 instance', 'compute', 'compute.googleapis.com/Instance', NULL, 'ec2', 'AWS::EC2::Instance', NULL),
  ('Cloud SQL instance ~ RDS DB instance', 'sqladmin', 'sqladmin.googleapis.com/Instance', NULL, 'rds', 'AWS::RDS::DBInstance', 'rds'),
  ('Cloud Storage bucket ~ S3 bucket', 'storage', 'storage.googleapis.com/Bucket', NULL, 's3', 'AWS::S3::Bucket', NULL),
  ('GKE Standard cluster ~ EKS cluster', 'container', 'container.googleapis.com/Cluster', 'standard', 'eks', 'AWS::EKS::Cluster', 'standard'),
  ('GKE Autopilot cluster ~ EKS Auto Mode cluster', 'container', 'container.googleapis.com/Cluster', 'autopilot', 'eks', 'AWS::EKS::Cluster', 'auto-mode'),
  ('Cloud Run function ~ Lambda function', 'cloudfunctions', 'cloudfunctions.googleapis.com/Function', NULL, 'lambda', NULL, NULL),
  ('Cloud Run service ~ App Runner service', 'run', 'run.googleapis.com/Service', NULL, 'apprunner', NULL, NULL),
  ('App Engine ~ Elastic Beanstalk', 'appengine', 'appengine.googleapis.com/Version', NULL, 'elasticbeanstalk', NULL, NULL),
  ('Cloud KMS key ~ KMS key', 'cloudkms', 'cloudkms.googleapis.com/CryptoKey', NULL, 'kms', 'AWS::KMS::Key', NULL),
  ('BigQuery ~ Redshift Serverless', 'bigquery', 'bigquery.googleapis.com/Dataset', NULL, 'redshift-serverless', NULL, NULL),
  ('Pub/Sub topic ~ SNS topic', 'pubsub', 'pubsub.googleapis.com/Topic', NULL, 'sns', 'AWS::SNS::Topic', NULL),
  ('Pub/Sub subscription ~ SQS queue', 'pubsub', 'pubsub.googleapis.com/Subscription', NULL, 'sqs', 'AWS::SQS::Queue', NULL),
  ('Firestore ~ DynamoDB', 'firestore', 'firestore.googleapis.com/Database', NULL, 'dynamodb', NULL, NULL),
  ('Secret Manager ~ Secrets Manager', 'secretmanager', 'secretmanager.googleapis.com/Secret', NULL, 'secretsmanager', NULL, NULL),
  ('Artifact Registry ~ ECR', 'artifactregistry', 'artifactregistry.googleapis.com/Repository', NULL, 'ecr', NULL, NULL),
  ('Cloud Logging ~ CloudWatch Logs', 'logging', 'logging.googleapis.com/LogBucket', NULL, 'logs', NULL, NULL),
  ('Cloud Monitoring ~ CloudWatch', 'monitoring', 'monitoring.googleapis.com/AlertPolicy', NULL, 'cloudwatch', NULL, NULL),
  ('Memorystore for Redis ~ ElastiCache', 'redis', 'redis.googleapis.com/Instance', NULL, 'elasticache', NULL, NULL),
  ('Dataproc ~ EMR', 'dataproc', 'dataproc.googleapis.com/Cluster', NULL, 'elasticmapreduce', NULL, NULL),
  ('Cloud DNS ~ Route 53', 'dns', 'dns.googleapis.com/ManagedZone', NULL, 'route53', NULL, NULL),
  ('Google Cloud IAM ~ AWS IAM', 'iam', 'iam.googleapis.com/ServiceAccount', NULL, 'iam', NULL, NULL);

CREATE TEMPORARY TABLE deviation (pair text REFERENCES equivalent, layer_id text NOT NULL,
                                  reason text NOT NULL, source text NOT NULL, PRIMARY KEY (pair, layer_id));
-- the recurring ones: Google's published matrix makes network security
-- shared in PaaS and Google's in SaaS (srm's AWS models keep network
-- configuration the customer's alone); Cloud APIs accept only TLS
WITH kind(k, layer_id, reason, source) AS (VALUES
  ('net', 'network-config', 'Google''s responsibility matrix puts network security with Google (SaaS) or shares it (PaaS): Google runs the network controls in front of its managed services, while srm''s AWS models keep network configuration the customer''s alone',
          'https://cloud.google.com/architecture/framework/security/shared-responsibility-shared-fate'),
  ('tls', 'network-traffic', 'all Cloud APIs accept only TLS requests, so the customer has no setting to get wrong, where an AWS endpoint lets the customer allow plain HTTP or pick TLS policies',
          'https://cloud.google.com/apis/docs/overview'),
  ('key', 'server-side-encryption', 'Google encrypts the data at rest with its own keys, and srm found no customer-managed key option for it on Google''s pages, where the AWS service lets the customer choose the key',
          'https://cloud.google.com/docs/security/encryption/default-encryption'))
INSERT INTO deviation
SELECT d.pair, kind.layer_id, kind.reason, kind.source
FROM (VALUES
  ('Cloud SQL instance ~ RDS DB instance', 'net'), ('Cloud Storage bucket ~ S3 bucket', 'net'), ('Cloud Storage bucket ~ S3 bucket', 'tls'),
  ('GKE Standard cluster ~ EKS cluster', 'net'), ('GKE Autopilot cluster ~ EKS Auto Mode cluster', 'net'),
  ('Cloud Run function ~ Lambda function', 'net'), ('Cloud Run service ~ App Runner service', 'net'),
  ('App Engine ~ Elastic Beanstalk', 'net'), ('App Engine ~ Elastic Beanstalk', 'key'),
  ('Cloud KMS key ~ KMS key', 'net'), ('Cloud KMS key ~ KMS key', 'tls'),
  ('BigQuery ~ Redshift Serverless', 'net'), ('BigQuery ~ Redshift Serverless', 'tls'),
  ('Pub/Sub topic ~ SNS topic', 'net'), ('Pub/Sub topic ~ SNS topic', 'tls'),
  ('Pub/Sub subscription ~ SQS queue', 'net'), ('Pub/Sub subscription ~ SQS queue', 'tls'),
  ('Firestore ~ DynamoDB', 'net'), ('Firestore ~ DynamoDB', 'tls'),
  ('Secret Manager ~ Secrets Manager', 'net'), ('Secret Manager ~ Secrets Manager', 'tls'),
  ('Artifact Registry ~ ECR', 'net'), ('Artifact Registry ~ ECR', 'tls'),
  ('Cloud Logging ~ CloudWatch Logs', 'net'), ('Cloud Logging ~ CloudWatch Logs', 'tls'),
  ('Cloud Monitoring ~ CloudWatch', 'net'), ('Cloud Monitoring ~ CloudWatch', 'tls'), ('Cloud Monitoring ~ CloudWatch', 'key'),
  ('Memorystore for Redis ~ ElastiCache', 'net'), ('Dataproc ~ EMR', 'net'),
  ('Cloud DNS ~ Route 53', 'net'), ('Cloud DNS ~ Route 53', 'tls'), ('Cloud DNS ~ Route 53', 'key'),
  ('Google Cloud IAM ~ AWS IAM', 'net'), ('Google Cloud IAM ~ AWS IAM', 'tls')) AS d(pair, k)
JOIN kind USING (k);
-- and the ones of a pair alone
INSERT INTO deviation VALUES
  ('Compute Engine instance ~ EC2 instance', 'server-side-encryption',
   'persistent disks are always encrypted by Google (customer-managed or customer-supplied keys optional), where EBS encryption is a switch the customer sets or in-guest encryption it brings',
   'https://cloud.google.com/compute/docs/disks/disk-encryption'),
  ('Compute Engine instance ~ EC2 instance', 'network-traffic',
   'Google encrypts all VM-to-VM traffic within a VPC network and peered networks; on EC2 traffic protection is the customer''s',
   'https://cloud.google.com/load-balancing/docs/ssl-certificates/encryption-to-the-backends'),
  ('App Engine ~ Elastic Beanstalk', 'operating-system',
   'Google updates the OS of App Engine''s instances itself (standard sandbox; flexible VMs updated by Google), where Elastic Beanstalk''s managed platform updates are enabled and scheduled by the customer',
   'https://cloud.google.com/appengine/docs/the-appengine-environments'),
  ('BigQuery ~ Redshift Serverless', 'platform',
   'BigQuery has no engine version, track or maintenance window for the customer to choose, where Redshift Serverless runs the track the customer picks',
   'https://cloud.google.com/bigquery/docs/introduction');

-- the pairs' grains
CREATE TEMPORARY VIEW equivalent_grain AS
SELECT e.pair, srm_internal.grain_of('gcp', e.gcp_service, e.gcp_type, e.gcp_variant) AS g,
       srm_internal.grain_of('aws', e.aws_service, e.aws_type, e.aws_variant) AS a
FROM equivalent e;
-- every layer on which a pair's classes differ, with its deviation: none
-- may be without one, and every deviation listed must be a real difference
SELECT coalesce(x.pair, d.pair) AS pair, coalesce(x.layer_id, d.layer_id) AS layer,
       x.gcp, x.aws, d.source
FROM (SELECT eg.pair, l.layer_id, l.ordinal, gl.responsibility AS gcp, al.responsibility AS aws
      FROM equivalent_grain eg
      CROSS JOIN layer l
      JOIN srm_internal.grain_layer_effective gl ON gl.grain_id = eg.g AND gl.layer_id = l.layer_id
      JOIN srm_internal.grain_layer_effective al ON al.grain_id = eg.a AND al.layer_id = l.layer_id
      WHERE aws_class(gl.responsibility) <> aws_class(al.responsibility)) x
FULL JOIN deviation d ON d.pair = x.pair AND d.layer_id = x.layer_id
ORDER BY coalesce(x.pair, d.pair) COLLATE "C", (SELECT ordinal FROM layer WHERE layer_id = coalesce(x.layer_id, d.layer_id));
SELECT count(*) AS deviations, count(DISTINCT pair) AS pairs_with_deviations, count(DISTINCT source) AS sources,
       count(*) FILTER (WHERE layer_id IN (SELECT layer_id FROM layer)) AS of_known_layers
FROM deviation;

-- every control of NIST MODERATE, per pair: the same class on both sides,
-- or a difference that acts on a layer with a deviation; unexplained must be 0
SELECT eg.pair, count(*) AS moderate_controls,
       count(*) FILTER (WHERE aws_class(dg.derived) = aws_class(da.derived)) AS same_class,
       count(*) FILTER (WHERE aws_class(dg.derived) <> aws_class(da.derived)) AS differ,
       count(*) FILTER (WHERE aws_class(dg.derived) <> aws_class(da.derived)
                          AND NOT EXISTS (SELECT FROM control_layer cl JOIN deviation d ON d.layer_id = cl.layer_id AND d.pair = eg.pair
                                          WHERE cl.framework_id = c.framework_id AND cl.control_id = c.control_id)) AS unexplained
FROM equivalent_grain eg
JOIN control c ON c.framework_id = 'nist-800-53-r5' AND 'MODERATE' = ANY (c.baselines)
JOIN srm_internal.derivation dg ON dg.grain_id = eg.g AND dg.framework_id = c.framework_id AND dg.control_id = c.control_id
JOIN srm_internal.derivation da ON da.grain_id = eg.a AND da.framework_id = c.framework_id AND da.control_id = c.control_id
GROUP BY eg.pair ORDER BY eg.pair COLLATE "C";

-- the issue's own examples, as the public functions answer them: a VM's
-- OS is patched by its customer on both clouds, a managed SQL database's
-- engine by its provider in a window its customer picks
SELECT c AS control, g AS google_asset, classify(g, c) AS google, a AS aws_asset, classify(a, c) AS aws,
       classify(g, c) = classify(a, c) AS same
FROM (VALUES ('os-patching', '//compute.googleapis.com/projects/p/zones/z/instances/i', 'arn:aws:ec2:us-east-1:123456789012:instance/i-0abc'),
             ('SI-2', '//compute.googleapis.com/projects/p/zones/z/instances/i', 'arn:aws:ec2:us-east-1:123456789012:instance/i-0abc'),
             ('patch-management', '//cloudsql.googleapis.com/projects/p/instances/db', 'arn:aws:rds:us-east-1:123456789012:db:db'),
             ('os-patching', '//cloudsql.googleapis.com/projects/p/instances/db', 'arn:aws:rds:us-east-1:123456789012:db:db'),
             ('SI-2', '//storage.googleapis.com/b', 'arn:aws:s3:::b'),
             ('AC-2', 'gke', 'eks')) AS t(c, g, a)
ORDER BY 1, 2;
