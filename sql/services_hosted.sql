\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
-- Second batch of services reviewed one by one against AWS's own
-- documentation (issue 8, item 4): services with a component on the
-- customer's premises, devices or hosts, services that run the customer's
-- code, managed databases and servers, serverless stores, and retired
-- services.  Every check below is a statement of the page cited beside it;
-- `holds` must be true on every row.
SET search_path = srm, public;

-- each service of this batch: reviewed, its model, its deviations, and a
-- source naming AWS documentation pages
SELECT s.service_namespace, s.model_id, s.reviewed,
       s.source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%' AS cites_aws_page,
       (SELECT string_agg(sl.layer_id, ', ' ORDER BY l.ordinal)
          FROM service_layer sl JOIN layer l USING (layer_id)
         WHERE sl.provider = s.provider AND sl.service_namespace = s.service_namespace) AS deviations
FROM service s
WHERE s.service_namespace IN ('cassandra', 'cloudhsm', 'codeartifact', 'codepipeline', 'dax',
      'devicefarm', 'dms', 'docdb-elastic', 'dsql', 'finspace', 'groundstation', 'iot',
      'iotanalytics', 'iotdeviceadvisor', 'iotevents', 'iotfleethub', 'iotwireless', 'ivs',
      'kinesisvideo',
      'mediaconnect', 'mediapackage', 'mediastore', 'mediatailor', 'mq', 'neptune-graph',
      'opsworks', 'opsworks-cm', 'pcs', 'pipes', 'qldb', 'redshift-serverless', 'robomaker',
      's3express', 's3tables', 's3vectors', 'scheduler', 'simspaceweaver', 'ssm-sap',
      'timestream', 'transfer', 'workspaces-instances', 'xray')
ORDER BY s.service_namespace COLLATE "C";

-- the statements, each with its page
SELECT s AS service, c AS control, responsibility_of(s, c) AS responsibility,
       classify(s, c) AS class, classify(s, c)::text = want AS holds
FROM (VALUES
  -- Components on the customer's premises, devices or hosts
  -- CloudHSM: the customer upgrades the Client SDK on its own hosts; the HSM encrypts
  -- its backups before they leave it
  --   https://docs.aws.amazon.com/cloudhsm/latest/userguide/client-upgrade.html
  --   https://docs.aws.amazon.com/cloudhsm/latest/userguide/data-protection.html
  ('cloudhsm', 'os-patching', 'shared'),
  ('cloudhsm', 'server-side-encryption', 'inherited'),
  -- WorkSpaces Instances: EC2 instances launched into the customer's own account
  --   https://docs.aws.amazon.com/workspaces-core/latest/pg/instance-architecture.html
  ('workspaces-instances', 'os-patching', 'customer-specific'),
  ('workspaces-instances', 'physical-and-environmental', 'inherited'),
  -- Parallel Computing Service: node groups boot the customer's AMIs (Slurm checked below)
  --   https://docs.aws.amazon.com/pcs/latest/userguide/working-with_ami_installers.html
  ('pcs', 'os-patching', 'customer-specific'),
  ('pcs', 'physical-and-environmental', 'inherited'),
  -- MediaConnect Gateway: instances are on-premises servers in the customer's data centre
  --   https://docs.aws.amazon.com/mediaconnect/latest/ug/gateway-components-instances.html
  ('mediaconnect', 'physical-and-environmental', 'shared'),
  ('mediaconnect', 'os-patching', 'shared'),
  -- IoT Core for LoRaWAN: the customer's gateways, whose firmware it updates through CUPS
  --   https://docs.aws.amazon.com/iot-wireless/latest/developerguide/lorawan-update-firmware.html
  ('iotwireless', 'physical-and-environmental', 'shared'),
  ('iotwireless', 'os-patching', 'shared'),
  -- IoT Core: the devices are the customer's, and so are their credentials and policies
  --   https://docs.aws.amazon.com/iot/latest/developerguide/iot-security.html
  ('iot', 'physical-and-environmental', 'shared'),
  ('iot', 'iam-user-access-management', 'customer-specific'),
  -- Device Advisor: the device under test is the customer's
  --   https://docs.aws.amazon.com/iot/latest/developerguide/device-advisor.html
  ('iotdeviceadvisor', 'physical-and-environmental', 'shared'),
  ('iotdeviceadvisor', 'PE-3', 'shared'),
  -- Kinesis Video Streams: the producer application on the customer's own devices
  --   https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/producer-sdk.html
  ('kinesisvideo', 'SI-2', 'shared'),
  ('kinesisvideo', 'physical-and-environmental', 'shared'),
  -- Ground Station: the agent on the customer's EC2 instances, upgraded by the customer
  --   https://docs.aws.amazon.com/ground-station/latest/gs-agent-ug/managing-agent.html
  ('groundstation', 'os-patching', 'shared'),
  ('groundstation', 'SI-2', 'shared'),
  -- X-Ray: the daemon runs on the customer's instances or servers
  --   https://docs.aws.amazon.com/xray/latest/devguide/xray-daemon-ec2.html
  ('xray', 'os-patching', 'shared'),
  ('xray', 'SI-2', 'shared'),
  -- Systems Manager for SAP: the customer's SAP application, SSM Agent on its EC2 instances
  --   https://docs.aws.amazon.com/cli/latest/reference/ssm-sap/register-application.html
  ('ssm-sap', 'os-patching', 'shared'),
  ('ssm-sap', 'SI-2', 'shared'),
  -- Services that run the customer's code
  -- CodePipeline: job workers of custom actions, on a computer the customer provides
  --   https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-custom-action.html
  ('codepipeline', 'SI-2', 'shared'),
  ('codepipeline', 'os-patching', 'shared'),
  -- Device Farm: the customer's app and tests on devices AWS owns and cleans
  --   https://docs.aws.amazon.com/devicefarm/latest/developerguide/post-test-and-cleanup.html
  ('devicefarm', 'SI-2', 'shared'),
  ('devicefarm', 'physical-and-environmental', 'inherited'),
  -- Managed databases and servers
  -- Amazon MQ: AWS maintains hardware, OS and engine in the maintenance window
  --   https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/maintaining-brokers.html
  ('mq', 'os-patching', 'inherited'),
  ('mq', 'physical-and-environmental', 'inherited'),
  -- DMS: AWS patches replication instances in the customer's maintenance window
  --   https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.MaintenanceWindow.html
  ('dms', 'os-patching', 'inherited'),
  ('dms', 'network-security', 'customer-specific'),
  -- DAX: AWS patches the nodes; the customer's VPC security groups
  --   https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/dax-deploy-cluster.html
  ('dax', 'os-patching', 'inherited'),
  ('dax', 'network-security', 'customer-specific'),
  -- DocumentDB elastic clusters: optional OS updates are the customer's to apply
  --   https://docs.aws.amazon.com/documentdb/latest/developerguide/elastic-cluster-maintenance.html
  ('docdb-elastic', 'os-patching', 'shared'),
  ('docdb-elastic', 'physical-and-environmental', 'inherited'),
  -- Redshift Serverless: AWS updates workgroups (the track is checked below)
  --   https://docs.aws.amazon.com/redshift/latest/mgmt/tracks.html
  ('redshift-serverless', 'os-patching', 'inherited'),
  ('redshift-serverless', 'physical-and-environmental', 'inherited'),
  -- Timestream: AWS maintains hardware, OS and engine of InfluxDB instances
  --   https://docs.aws.amazon.com/timestream/latest/developerguide/timestream-for-influx-managing-maintaining-db.html
  ('timestream', 'os-patching', 'inherited'),
  ('timestream', 'physical-and-environmental', 'inherited'),
  -- Aurora DSQL: serverless, no patching left to the customer
  --   https://docs.aws.amazon.com/aurora-dsql/
  ('dsql', 'os-patching', 'inherited'),
  ('dsql', 'patch-management', 'inherited'),
  -- Keyspaces: always encrypted, AWS owned or customer managed key; IAM authentication
  --   https://docs.aws.amazon.com/keyspaces/latest/devguide/best-practices-security-preventative.html
  --   https://docs.aws.amazon.com/keyspaces/latest/devguide/infrastructure-security.html
  ('cassandra', 'server-side-encryption', 'shared'),
  ('cassandra', 'iam-user-access-management', 'customer-specific'),
  -- Neptune Analytics: managed service; requests signed by an IAM principal
  --   https://docs.aws.amazon.com/neptune-analytics/latest/userguide/infrastructure-security.html
  ('neptune-graph', 'iam-user-access-management', 'customer-specific'),
  ('neptune-graph', 'physical-and-environmental', 'inherited'),
  -- Serverless stores and managed endpoints
  -- S3 Express One Zone: SSE-S3 by default, SSE-KMS when the customer sets it
  --   https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-data-protection.html
  ('s3express', 'server-side-encryption', 'shared'),
  ('s3express', 'SC-28', 'shared'),
  -- S3 Tables: SSE-S3 by default, SSE-KMS when the customer chooses it
  --   https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-tables-kms-specify.html
  ('s3tables', 'server-side-encryption', 'shared'),
  ('s3tables', 'SC-28', 'shared'),
  -- S3 Vectors: always encrypted, SSE-S3 by default or SSE-KMS chosen at creation
  --   https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-vectors-buckets-create.html
  ('s3vectors', 'server-side-encryption', 'shared'),
  ('s3vectors', 'SC-28', 'shared'),
  -- Transfer Family: files take the default encryption the customer set on its bucket
  --   https://docs.aws.amazon.com/transfer/latest/userguide/encryption-at-rest.html
  --   https://docs.aws.amazon.com/transfer/latest/userguide/infrastructure-security.html
  ('transfer', 'server-side-encryption', 'shared'),
  ('transfer', 'physical-and-environmental', 'inherited'),
  -- EventBridge Pipes: AWS owned key by default, customer managed key optional
  --   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-encryption-pipes-cmkey.html
  --   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-infrastructure.html
  ('pipes', 'server-side-encryption', 'shared'),
  ('pipes', 'physical-and-environmental', 'inherited'),
  -- EventBridge Scheduler: managed service; clients must use TLS 1.2 or later
  --   https://docs.aws.amazon.com/scheduler/latest/UserGuide/infrastructure-security.html
  ('scheduler', 'network-traffic-protection', 'shared'),
  ('scheduler', 'physical-and-environmental', 'inherited'),
  -- MediaPackage: managed service; clients must use TLS 1.2 or later
  --   https://docs.aws.amazon.com/mediapackage/latest/ug/infrastructure-security.html
  ('mediapackage', 'network-traffic-protection', 'shared'),
  ('mediapackage', 'physical-and-environmental', 'inherited'),
  -- MediaTailor: managed service; clients must use TLS 1.2 or later
  --   https://docs.aws.amazon.com/mediatailor/latest/ug/infrastructure-security.html
  ('mediatailor', 'network-traffic-protection', 'shared'),
  ('mediatailor', 'physical-and-environmental', 'inherited'),
  -- CodeArtifact: AWS managed key by default, customer managed key optional; TLS always,
  -- with nothing for the customer to do
  --   https://docs.aws.amazon.com/codeartifact/latest/ug/security-encryption.html
  ('codeartifact', 'server-side-encryption', 'shared'),
  ('codeartifact', 'network-traffic-protection', 'inherited'),
  -- IVS: TLS 1.2 or later; insecure RTMP ingest only if the customer allows it on a channel
  --   https://docs.aws.amazon.com/ivs/latest/userguide/security-infrastructure.html
  ('ivs', 'network-traffic-protection', 'shared'),
  ('ivs', 'physical-and-environmental', 'inherited')
) AS t(s, c, want)
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- the customer takes part where the page says so, layer by layer (srm.explain)
SELECT s AS service, c AS control, e.layer_id, e.responsibility, e.origin,
       e.responsibility @> want::responsibility AS holds
FROM (VALUES
  -- PCS: the customer chooses the Slurm version and installs Slurm on its AMIs
  --   https://docs.aws.amazon.com/pcs/latest/userguide/working-with_clusters_version_update.html
  ('pcs', 'SI-2', 'platform', 'provider, customer'),
  -- Amazon MQ: the customer upgrades major and minor engine versions
  --   https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/upgrading-brokers.html
  ('mq', 'SI-2', 'platform', 'provider, customer'),
  -- DMS: engine upgrades are pending maintenance actions the customer applies
  --   https://docs.aws.amazon.com/dms/latest/APIReference/API_ApplyPendingMaintenanceAction.html
  ('dms', 'SI-2', 'platform', 'provider, customer'),
  -- Redshift Serverless: the customer chooses the track of each workgroup
  --   https://docs.aws.amazon.com/redshift-serverless/latest/APIReference/API_ServerlessTrack.html
  ('redshift-serverless', 'SI-2', 'platform', 'provider, customer'),
  -- Ground Station: the agent on the customer's EC2 instances
  --   https://docs.aws.amazon.com/ground-station/latest/gs-agent-ug/installing-the-agent.html
  ('groundstation', 'os-patching', 'operating-system', 'provider, customer'),
  -- Kinesis Video Streams: the customer builds the on-device producer application
  --   https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/producer-sdk.html
  ('kinesisvideo', 'SI-2', 'application', 'provider, customer')
) AS t(s, c, layer, want)
JOIN LATERAL explain(s, c) AS e ON e.layer_id = t.layer
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- and AWS alone where the page says so
SELECT s AS service, c AS control, e.layer_id, e.responsibility,
       e.responsibility = want::responsibility AS holds
FROM (VALUES
  -- DocumentDB elastic clusters: engine patches are required and scheduled by AWS
  --   https://docs.aws.amazon.com/documentdb/latest/developerguide/elastic-cluster-maintenance.html
  ('docdb-elastic', 'SI-2', 'platform', 'provider'),
  -- CloudHSM: the HSM encrypts backups with no customer setting
  --   https://docs.aws.amazon.com/cloudhsm/latest/userguide/data-protection.html
  ('cloudhsm', 'SC-28', 'server-side-encryption', 'provider (system)'),
  -- DAX: AWS upgrades and patches the DAX software on every node
  --   https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.concepts.cluster.html
  ('dax', 'SI-2', 'platform', 'provider')
) AS t(s, c, layer, want)
JOIN LATERAL explain(s, c) AS e ON e.layer_id = t.layer
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- retired services: the end-of-support statement of the page is in the rationale,
-- and the row says the service is retired
SELECT s AS service, stated,
       rationale LIKE 'Retired: %' AND rationale LIKE '%' || stated || '%' AS holds
FROM (VALUES
  --   https://docs.aws.amazon.com/opsworks/latest/APIReference/Welcome.html
  ('opsworks', 'reached end of life on May 26, 2024'),
  ('opsworks', 'disabled for new and existing customers'),
  --   https://docs.aws.amazon.com/opsworks/latest/userguide/opscm-a2upgrade.html
  --   https://docs.aws.amazon.com/opsworks/latest/userguide/opspup-disassociate-node.html
  ('opsworks-cm', 'Chef Automate reached end of life on May 5, 2024'),
  ('opsworks-cm', 'Puppet Enterprise on March 31, 2024'),
  --   https://docs.aws.amazon.com/robomaker/latest/dg/chapter-security.html
  ('robomaker', 'September 10, 2025'),
  ('robomaker', 'AWS Batch'),
  --   https://docs.aws.amazon.com/qldb/latest/developerguide/document-history.html
  ('qldb', 'July 31, 2025'),
  ('qldb', 'Aurora PostgreSQL'),
  --   https://docs.aws.amazon.com/iotanalytics/latest/userguide/create-data-store.html
  ('iotanalytics', 'December 15, 2025'),
  ('iotanalytics', 'console and resources cannot be accessed'),
  --   https://docs.aws.amazon.com/iotevents/latest/developerguide/doc-history.html
  ('iotevents', 'May 20, 2026'),
  ('iotevents', 'console and resources cannot be accessed'),
  --   https://docs.aws.amazon.com/iot/latest/fleethubuserguide/infrastructure-security.html
  ('iotfleethub', 'October 18, 2025'),
  ('iotfleethub', 'until October 17, 2025'),
  --   https://docs.aws.amazon.com/simspaceweaver/latest/catalog/intro.html
  ('simspaceweaver', 'May 20, 2026'),
  ('simspaceweaver', 'console and resources cannot be accessed'),
  --   https://docs.aws.amazon.com/mediastore/latest/ug/service_code_examples_actions.html
  ('mediastore', 'November 13, 2025'),
  ('mediastore', 'console and resources cannot be accessed'),
  --   https://docs.aws.amazon.com/finspace/latest/management-api/API_KxEnvironment.html
  ('finspace', 'October 7, 2026'),
  ('finspace', 'no new customers from October 7, 2025')
) AS t(s, stated)
JOIN service ON service.provider = 'aws' AND service.service_namespace = t.s
ORDER BY t.s COLLATE "C", t.stated COLLATE "C";

-- every deviation of this batch cites an AWS documentation page
SELECT count(*) AS deviations,
       count(*) FILTER (WHERE sl.source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%)') AS citing_aws_page
FROM service_layer sl
WHERE sl.service_namespace IN ('cloudhsm', 'codeartifact', 'codepipeline', 'devicefarm', 'dms',
      'docdb-elastic', 'groundstation', 'iot', 'iotdeviceadvisor', 'iotwireless', 'kinesisvideo', 'mediaconnect',
      'mq', 'pcs', 'redshift-serverless', 'ssm-sap', 'xray');
