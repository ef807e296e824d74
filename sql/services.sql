\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
-- Services reviewed one by one against AWS's own documentation (issue 8,
-- item 4): services with components on the customer's premises or
-- hypervisor, and services that run the customer's code or images.  Every
-- check below is a statement of the page cited beside it; `holds` must be
-- true on every row.
SET search_path = srm, public;

-- each service of this review: reviewed, its model, its deviations, and a
-- source naming AWS documentation pages
SELECT s.service_namespace, s.model_id, s.reviewed,
       s.source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%' AS cites_aws_page,
       (SELECT string_agg(sl.layer_id, ', ' ORDER BY l.ordinal)
          FROM service_layer sl JOIN layer l USING (layer_id)
         WHERE sl.provider = s.provider AND sl.service_namespace = s.service_namespace) AS deviations
FROM service s
WHERE s.service_namespace IN ('airflow', 'amplify', 'apprunner', 'appstream', 'appsync',
      'backup-gateway', 'batch', 'bedrock-agentcore', 'braket', 'cloud9', 'codedeploy',
      'datasync', 'deadline', 'drs', 'emr-containers', 'emr-serverless', 'evs', 'gamelift',
      'gameliftstreams', 'imagebuilder', 'iotfleetwise', 'iotsitewise', 'kafkaconnect',
      'kinesisanalytics', 'm2', 'medialive', 'mgn', 'omics', 'panorama', 's3-object-lambda',
      'synthetics', 'thinclient')
ORDER BY s.service_namespace COLLATE "C";

-- every deviation of this review cites an AWS documentation page
SELECT count(*) AS deviations,
       count(*) FILTER (WHERE source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%)') AS citing_aws_page
FROM service_layer
WHERE reason IS NOT NULL AND source LIKE 'AWS documentation: %';

-- the statements, each with its page
SELECT s AS service, c AS control, responsibility_of(s, c) AS responsibility,
       classify(s, c) AS class, classify(s, c)::text = want AS holds
FROM (VALUES
  -- Components on the customer's premises or hypervisor
  -- DataSync: agents for on-premises storage are VMs on the customer's hypervisor and network
  --   https://docs.aws.amazon.com/datasync/latest/userguide/datasync-network.html
  ('datasync', 'physical-and-environmental', 'shared'),
  ('datasync', 'PE-3', 'shared'),
  -- Backup gateway: an OVF template deployed on the customer's own VMware ESXi host
  --   https://docs.aws.amazon.com/aws-backup/latest/devguide/working-with-gateways.html
  ('backup-gateway', 'physical-and-environmental', 'shared'),
  ('backup-gateway', 'patch-management', 'shared'),
  -- Elastic Disaster Recovery: the agent runs inside source servers' OS on physical,
  -- virtual or other-cloud infrastructure, and the customer reinstalls it to update it
  --   https://docs.aws.amazon.com/drs/latest/userguide/FAQ.html
  --   https://docs.aws.amazon.com/drs/latest/userguide/reinstalling-agent.html
  ('drs', 'physical-and-environmental', 'shared'),
  ('drs', 'os-patching', 'shared'),
  -- Application Migration Service: the agent is installed on source servers in the
  -- customer's on-premises network (or the vCenter Client in its vCenter)
  --   https://docs.aws.amazon.com/mgn/latest/ug/adding-servers-gs.html
  --   https://docs.aws.amazon.com/mgn/latest/ug/installing-agent-blocked.html
  ('mgn', 'physical-and-environmental', 'shared'),
  ('mgn', 'os-patching', 'shared'),
  -- GameLift: Anywhere fleets are computes the customer supplies and manages; the build is its code
  --   https://docs.aws.amazon.com/gamelift/latest/developerguide/fleets-intro-anywhere.html
  ('gamelift', 'physical-and-environmental', 'shared'),
  ('gamelift', 'SI-2', 'shared'),
  -- Panorama: the customer physically secures the appliance and applies its software updates
  --   https://docs.aws.amazon.com/panorama/latest/dev/security-bestpractices.html
  ('panorama', 'physical-and-environmental', 'shared'),
  ('panorama', 'os-patching', 'shared'),
  -- CodeDeploy: the agent on the customer's EC2 or on-premises instances
  --   https://docs.aws.amazon.com/codedeploy/latest/userguide/codedeploy-agent-operations-install.html
  --   https://docs.aws.amazon.com/codedeploy/latest/userguide/on-premises-instances-register.html
  ('codedeploy', 'physical-and-environmental', 'shared'),
  ('codedeploy', 'os-patching', 'shared'),
  -- Deadline Cloud: customer-managed fleets, on EC2 or on premises, with an OS the customer picks
  --   https://docs.aws.amazon.com/deadline-cloud/latest/userguide/create-a-cmf.html
  ('deadline', 'physical-and-environmental', 'shared'),
  ('deadline', 'os-patching', 'shared'),
  -- WorkSpaces Thin Client: a device at the user's desk; the customer picks its software set
  --   https://docs.aws.amazon.com/workspaces-thin-client/latest/api/API_UpdateDevice.html
  ('thinclient', 'physical-and-environmental', 'shared'),
  ('thinclient', 'os-patching', 'shared'),
  -- MediaLive Anywhere: channels run on the customer's own hardware
  --   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-medialive-cluster.html
  ('medialive', 'physical-and-environmental', 'shared'),
  ('medialive', 'PE-3', 'shared'),
  -- IoT SiteWise: the customer configures and maintains the Edge gateway's environment
  --   https://docs.aws.amazon.com/iot-sitewise/latest/userguide/vulnerability-analysis-and-management.html
  ('iotsitewise', 'physical-and-environmental', 'shared'),
  ('iotsitewise', 'os-patching', 'shared'),
  -- IoT FleetWise: the Edge Agent runs in the customer's vehicles
  --   https://docs.aws.amazon.com/iot-fleetwise/latest/developerguide/provision-vehicles.html
  ('iotfleetwise', 'physical-and-environmental', 'shared'),
  ('iotfleetwise', 'os-patching', 'shared'),
  -- Cloud9: EC2 environments get OS patches automatically; SSH environments are the customer's compute
  --   https://docs.aws.amazon.com/cloud9/latest/user-guide/vulnerability-analysis-and-management.html
  ('cloud9', 'physical-and-environmental', 'shared'),
  ('cloud9', 'os-patching', 'shared'),
  -- EVS: AWS's bare-metal hosts in AWS's data centres (the hypervisor is checked below)
  --   https://docs.aws.amazon.com/evs/latest/APIReference/API_CreateEnvironment.html
  ('evs', 'physical-and-environmental', 'inherited'),
  ('evs', 'os-patching', 'customer-specific'),
  -- Services that run the customer's code or images
  -- App Runner: the customer's image or source on a managed runtime; App Runner runs the instances
  --   https://docs.aws.amazon.com/apprunner/latest/dg/develop.html
  ('apprunner', 'SI-2', 'shared'),
  ('apprunner', 'os-patching', 'inherited'),
  -- Batch: AWS Batch does not update compute environment AMIs; guest OS patches are the customer's
  --   https://docs.aws.amazon.com/batch/latest/userguide/compute_resource_AMIs.html
  ('batch', 'os-patching', 'shared'),
  ('batch', 'SI-2', 'shared'),
  -- Managed Service for Apache Flink: the application is the customer's; AWS patches OS and images
  --   https://docs.aws.amazon.com/managed-flink/latest/java/how-it-works.html
  --   https://docs.aws.amazon.com/managed-flink/latest/java/maintenance.html
  ('kinesisanalytics', 'SI-2', 'shared'),
  ('kinesisanalytics', 'os-patching', 'inherited'),
  -- MWAA: DAGs are the customer's; the image version stays until the customer upgrades
  --   https://docs.aws.amazon.com/mwaa/latest/userguide/airflow-versions.html
  ('airflow', 'SI-2', 'shared'),
  ('airflow', 'patch-management', 'shared'),
  -- Synthetics: canary scripts are the customer's; it moves them off deprecated runtimes
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Synthetics_Canaries_Library.html
  ('synthetics', 'SI-2', 'shared'),
  ('synthetics', 'patch-management', 'shared'),
  -- Amplify Hosting: the server-side rendered application is the customer's
  --   https://docs.aws.amazon.com/amplify/latest/userguide/server-side-rendering-amplify.html
  ('amplify', 'SI-2', 'shared'),
  ('amplify', 'physical-and-environmental', 'inherited'),
  -- AppStream 2.0: OS updates reach a fleet only through an image the customer updates
  --   https://docs.aws.amazon.com/cli/latest/reference/appstream/create-updated-image.html
  ('appstream', 'os-patching', 'shared'),
  ('appstream', 'SI-2', 'shared'),
  -- EMR Serverless: the customer's jobs, release and custom images
  --   https://docs.aws.amazon.com/emr/latest/EMR-Serverless-UserGuide/application-custom-image.html
  ('emr-serverless', 'SI-2', 'shared'),
  ('emr-serverless', 'os-patching', 'inherited'),
  -- Bedrock AgentCore Runtime: the customer's agent code and dependencies
  --   https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-get-started-code-deploy.html
  ('bedrock-agentcore', 'SI-2', 'shared'),
  ('bedrock-agentcore', 'os-patching', 'inherited'),
  -- HealthOmics: private workflows run the customer's container images
  --   https://docs.aws.amazon.com/omics/latest/dev/workflows-ecr.html
  ('omics', 'SI-2', 'shared'),
  ('omics', 'os-patching', 'inherited'),
  -- Image Builder: the customer applies OS security patches during its image builds
  --   https://docs.aws.amazon.com/imagebuilder/latest/userguide/security-best-practices.html
  ('imagebuilder', 'os-patching', 'shared'),
  ('imagebuilder', 'SI-2', 'shared'),
  -- MSK Connect: a custom plugin is the customer's connector code
  --   https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect-plugins.html
  ('kafkaconnect', 'SI-2', 'shared'),
  ('kafkaconnect', 'patch-management', 'shared'),
  -- Mainframe Modernization: the customer chooses the engine version and when it applies
  --   https://docs.aws.amazon.com/m2/latest/userguide/update-environments-m2.html
  ('m2', 'SI-2', 'shared'),
  ('m2', 'patch-management', 'shared'),
  -- EMR on EKS: jobs run on the customer's EKS nodes, in release or custom images
  --   https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/emr-eks-overview.html
  ('emr-containers', 'os-patching', 'shared'),
  ('emr-containers', 'SI-2', 'shared'),
  -- Braket: hybrid job scripts, in AWS's container or the customer's own
  --   https://docs.aws.amazon.com/braket/latest/developerguide/braket-jobs-works.html
  ('braket', 'SI-2', 'shared'),
  ('braket', 'patch-management', 'shared'),
  -- S3 Object Lambda: the transforming Lambda function is the customer's
  --   https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_ObjectLambdaAccessPoint.html
  ('s3-object-lambda', 'SI-2', 'shared'),
  ('s3-object-lambda', 'os-patching', 'inherited'),
  -- GameLift Streams: the streamed application is the customer's; OS patches arrive only
  -- in new stream groups, which the customer must recycle
  --   https://docs.aws.amazon.com/gameliftstreams/latest/developerguide/security-best-practices.html
  ('gameliftstreams', 'SI-2', 'shared'),
  ('gameliftstreams', 'os-patching', 'shared'),
  -- AppSync: resolvers are JavaScript the customer writes, run by AWS's APPSYNC_JS runtime
  --   https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html
  ('appsync', 'SI-2', 'shared'),
  ('appsync', 'os-patching', 'inherited')
) AS t(s, c, want)
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- the customer takes part where the page says so, layer by layer (srm.explain)
SELECT s AS service, c AS control, e.layer_id, e.responsibility, e.origin,
       e.responsibility @> want::responsibility AS holds
FROM (VALUES
  -- EVS: the customer upgrades ESX through vCenter Lifecycle Manager
  --   https://docs.aws.amazon.com/evs/latest/APIReference/API_CreateEnvironment.html
  ('evs', 'patch-management', 'virtualization', 'provider, customer'),
  -- DataSync: AWS builds the agent, the customer's hypervisor runs it
  --   https://docs.aws.amazon.com/datasync/latest/userguide/datasync-network.html
  ('datasync', 'patch-management', 'virtualization', 'provider, customer'),
  -- App Runner: managed runtimes are AWS's, an image the customer provides is its own
  --   https://docs.aws.amazon.com/apprunner/latest/dg/develop.html
  ('apprunner', 'SI-2', 'platform', 'provider, customer'),
  -- Batch: job images are the customer's
  --   https://docs.aws.amazon.com/batch/latest/userguide/compute_resource_AMIs.html
  ('batch', 'SI-2', 'platform', 'customer'),
  -- Synthetics: the canary script is the customer's
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Synthetics_Canaries_Library.html
  ('synthetics', 'SI-2', 'application', 'customer')
) AS t(s, c, layer, want)
JOIN LATERAL explain(s, c) AS e ON e.layer_id = t.layer
ORDER BY t.s COLLATE "C", t.c COLLATE "C";
