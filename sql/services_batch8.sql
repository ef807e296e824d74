\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
-- Services reviewed one by one against AWS's own documentation (issue 8,
-- item 4), eighth batch: the last two unreviewed services (odb, nimble), and
-- more namespaces of the AWS Service Authorization Reference that srm did
-- not know. Every check below is a statement of the page cited beside it;
-- `holds` must be true on every row.
SET search_path = srm, public;

-- each service of this batch: reviewed, its model, its deviations, and a
-- source naming AWS documentation pages
SELECT s.service_namespace, s.model_id, s.reviewed,
       s.source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%' AS cites_aws_page,
       s.rationale LIKE 'Retired: %' AS retired,
       s.rationale LIKE 'Not reviewed%' AS says_not_reviewed,
       (SELECT string_agg(sl.layer_id, ', ' ORDER BY l.ordinal)
          FROM service_layer sl JOIN layer l USING (layer_id)
         WHERE sl.provider = s.provider AND sl.service_namespace = s.service_namespace) AS deviations
FROM service s
WHERE s.provider = 'aws' AND s.service_namespace IN (
      'a2c', 'appfabric', 'codecatalyst', 'comprehendmedical', 'iot-device-tester', 'iotmanagedintegrations',
      'mechanicalturk', 'migrationhub-strategy', 'nimble', 'odb', 'social-messaging', 'tnb', 'transform')
ORDER BY s.service_namespace COLLATE "C";

-- every deviation of this batch gives a reason and cites an AWS documentation page
SELECT count(*) AS deviations,
       count(*) FILTER (WHERE reason <> '' AND source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%)') AS sourced
FROM service_layer
WHERE provider = 'aws'
  AND service_namespace IN (
        'a2c', 'appfabric', 'codecatalyst', 'comprehendmedical', 'iot-device-tester', 'iotmanagedintegrations',
        'mechanicalturk', 'migrationhub-strategy', 'nimble', 'odb', 'social-messaging', 'tnb', 'transform');

-- no service is left unreviewed, and no reviewed service's rationale starts
-- as an unreviewed one does
SELECT count(*) AS services,
       count(*) FILTER (WHERE NOT reviewed) AS unreviewed,
       count(*) FILTER (WHERE reviewed AND rationale LIKE 'Not reviewed%') AS reviewed_but_says_not
FROM service WHERE provider = 'aws';

-- the statements, each with its page
SELECT s AS service, c AS control, responsibility_of(s, c) AS responsibility,
       classify(s, c) AS class, classify(s, c)::text = want AS holds
FROM (VALUES
  -- App2Container: the tool runs on the customer's application servers, with elevated permissions on Linux
  --   https://docs.aws.amazon.com/app2container/latest/UserGuide/a2c-commands.html
  ('a2c', 'os-patching', 'shared'),
  -- the application servers, physical or virtual, are the customer's, on premises or in a cloud
  --   https://docs.aws.amazon.com/app2container/latest/UserGuide/a2c-commands.html
  ('a2c', 'physical-and-environmental', 'shared'),
  -- AppFabric: clients must support TLS and cipher suites with perfect forward secrecy
  --   https://docs.aws.amazon.com/appfabric/latest/adminguide/infrastructure-security.html
  ('appfabric', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/appfabric/latest/adminguide/infrastructure-security.html
  ('appfabric', 'iam-user-access-management', 'customer-specific'),
  -- the app bundle is created with an encryption key for the authorized applications' data (read in the Italian edition)
  --   https://docs.aws.amazon.com/appfabric/latest/adminguide/getting-started-security.html
  ('appfabric', 'server-side-encryption', 'shared'),
  -- CodeCatalyst: a space's projects hold the customer's source repositories and packages
  --   https://docs.aws.amazon.com/codecatalyst/latest/APIReference/Welcome.html
  ('codecatalyst', 'data', 'customer-specific'),
  -- the users of a space and the billing account of a space are the customer's to manage
  --   https://docs.aws.amazon.com/codecatalyst/latest/APIReference/Welcome.html
  ('codecatalyst', 'iam-user-access-management', 'customer-specific'),
  -- Comprehend Medical: clients must support TLS and cipher suites with perfect forward secrecy
  --   https://docs.aws.amazon.com/comprehend-medical/latest/dev/security-infrastructure.html
  ('comprehendmedical', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/comprehend-medical/latest/dev/security-infrastructure.html
  ('comprehendmedical', 'iam-user-access-management', 'customer-specific'),
  -- results must be reviewed by trained people before use in patient care (read in the Korean edition)
  --   https://docs.aws.amazon.com/comprehend/latest/dg/comprehend-med.html
  ('comprehendmedical', 'data', 'customer-specific'),
  -- protected by AWS's global network security as a managed service
  --   https://docs.aws.amazon.com/comprehend-medical/latest/dev/security-infrastructure.html
  ('comprehendmedical', 'physical-and-environmental', 'inherited'),
  -- IoT Device Tester: runs on the customer's host computer against the customer's devices
  --   https://docs.aws.amazon.com/greengrass/v2/developerguide/build-sample-suite.html
  ('iot-device-tester', 'os-patching', 'shared'),
  ('iot-device-tester', 'physical-and-environmental', 'shared'),
  -- managed integrations: hub-connected devices reach the service through the customer's hub running the Hub SDK
  --   https://docs.aws.amazon.com/iot-mi/latest/devguide/getting-started.html
  ('iotmanagedintegrations', 'os-patching', 'shared'),
  -- the devices and hubs are the customer's or its end users' equipment on their premises
  --   https://docs.aws.amazon.com/iot-mi/latest/devguide/getting-started.html
  ('iotmanagedintegrations', 'physical-and-environmental', 'shared'),
  -- Mechanical Turk: Workers, outside AWS and the customer, receive the task questions and return answers
  --   https://docs.aws.amazon.com/AWSMechTurk/latest/AWSMturkAPI/Welcome.html
  ('mechanicalturk', 'data', 'shared'),
  -- the customer links its AWS account to its Requester account and grants API access with IAM users
  --   https://docs.aws.amazon.com/AWSMechTurk/latest/AWSMechanicalTurkGettingStartedGuide/SetUp.html
  ('mechanicalturk', 'iam-user-access-management', 'customer-specific'),
  -- Strategy Recommendations: the data collector runs on a server the customer hosts, in its environment
  --   https://docs.aws.amazon.com/migrationhub-strategy/latest/APIReference/API_Collector.html
  ('migrationhub-strategy', 'os-patching', 'shared'),
  ('migrationhub-strategy', 'physical-and-environmental', 'shared'),
  -- the collector reports the customer's servers, applications and databases (read in the Korean edition)
  --   https://docs.aws.amazon.com/migrationhub-strategy/latest/userguide/application-data-collector.html
  ('migrationhub-strategy', 'data', 'customer-specific'),
  -- Nimble Studio (retired): the studio's content was the customer's
  --   https://docs.aws.amazon.com/nimble-studio/latest/APIReference/Welcome.html
  ('nimble', 'data', 'customer-specific'),
  -- Oracle Database@AWS: the Exadata VM cluster takes the customer's SSH keys and chosen system version; Oracle supplies the image
  --   https://docs.aws.amazon.com/odb/latest/APIReference/API_CreateCloudVmCluster.html
  ('odb', 'os-patching', 'shared'),
  -- the customer creates and administers its databases through OCI
  --   https://docs.aws.amazon.com/odb/latest/UserGuide/getting-started.html
  ('odb', 'data', 'customer-specific'),
  -- the Exadata infrastructure is managed by OCI inside AWS data centres: nothing physical is the customer's
  --   https://docs.aws.amazon.com/odb/latest/APIReference/Welcome.html
  ('odb', 'physical-and-environmental', 'inherited'),
  -- End User Messaging Social: clients must support TLS and cipher suites with perfect forward secrecy
  --   https://docs.aws.amazon.com/social-messaging/latest/userguide/infrastructure-security.html
  ('social-messaging', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/social-messaging/latest/userguide/infrastructure-security.html
  ('social-messaging', 'iam-user-access-management', 'customer-specific'),
  -- a WhatsApp message leaves the AWS boundary to Meta for delivery
  --   https://docs.aws.amazon.com/end-user-messaging/latest/userguide/nx-security-data-encryption.html
  ('social-messaging', 'data', 'shared'),
  -- Telco Network Builder: the customer creates and uploads the function packages of its network functions
  --   https://docs.aws.amazon.com/aws-sdk-php/v3/api/api-tnb-2008-10-21.html (read in the China Regions edition)
  ('tnb', 'patch-management', 'shared'),
  -- the network functions and their packages are the customer's
  --   https://docs.aws.amazon.com/tnb/latest/APIReference/Welcome.html
  ('tnb', 'data', 'customer-specific'),
  -- Transform: the codebases it analyses and transforms are the customer's
  --   https://docs.aws.amazon.com/transform/latest/userguide/transform-app-mainframe.html
  ('transform', 'data', 'customer-specific'),
  -- the CLI runs with the customer's credentials and the AWSTransformCustomFullAccess managed policy
  --   https://docs.aws.amazon.com/transform/latest/userguide/ct-getting-started.html
  ('transform', 'iam-user-access-management', 'customer-specific')
) AS t(s, c, want)
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- the provider, the customer or a partner takes part where the page says so, layer by layer (srm.explain)
SELECT s AS service, c AS control, e.layer_id, t.want AS party, e.responsibility, e.origin,
       e.responsibility @> want::responsibility AS holds
FROM (VALUES
  -- App2Container runs on the customer's application servers
  --   https://docs.aws.amazon.com/app2container/latest/UserGuide/a2c-commands.html
  ('a2c', 'os-patching', 'operating-system', 'customer'),
  -- the customer's devices and hubs
  --   https://docs.aws.amazon.com/iot-mi/latest/devguide/getting-started.html
  ('iotmanagedintegrations', 'physical-and-environmental', 'hardware', 'customer'),
  -- cloud-to-cloud devices pass through their vendors' clouds
  --   https://docs.aws.amazon.com/iot-mi/latest/devguide/getting-started.html
  ('iotmanagedintegrations', 'data', 'data', 'partner'),
  -- Workers receive the task data
  --   https://docs.aws.amazon.com/AWSMechTurk/latest/AWSMturkAPI/Welcome.html
  ('mechanicalturk', 'data', 'data', 'partner'),
  -- the collector runs in the customer's environment
  --   https://docs.aws.amazon.com/migrationhub-strategy/latest/APIReference/API_Collector.html
  ('migrationhub-strategy', 'physical-and-environmental', 'facilities', 'customer'),
  -- the network function packages are the customer's
  --   https://docs.aws.amazon.com/aws-sdk-php/v3/api/api-tnb-2008-10-21.html (read in the China Regions edition)
  ('tnb', 'patch-management', 'application', 'customer'),
  -- the customer holds the VM cluster's SSH keys and chooses its system version
  --   https://docs.aws.amazon.com/odb/latest/APIReference/API_CreateCloudVmCluster.html
  ('odb', 'os-patching', 'operating-system', 'customer'),
  -- Oracle supplies the VM cluster's image and system versions
  --   https://docs.aws.amazon.com/odb/latest/APIReference/API_CreateCloudVmCluster.html
  ('odb', 'os-patching', 'operating-system', 'partner'),
  -- OCI manages the Exadata infrastructure, hypervisor included
  --   https://docs.aws.amazon.com/odb/latest/APIReference/Welcome.html
  ('odb', 'patch-management', 'virtualization', 'partner'),
  -- the Exadata systems are OCI's, in AWS data centres
  --   https://docs.aws.amazon.com/odb/latest/APIReference/Welcome.html
  ('odb', 'physical-and-environmental', 'hardware', 'partner'),
  ('odb', 'physical-and-environmental', 'hardware', 'provider'),
  -- the databases are the customer's, administered through OCI
  --   https://docs.aws.amazon.com/odb/latest/UserGuide/getting-started.html
  ('odb', 'patch-management', 'platform', 'customer'),
  -- Meta delivers the WhatsApp messages
  --   https://docs.aws.amazon.com/end-user-messaging/latest/userguide/nx-security-data-encryption.html
  ('social-messaging', 'data', 'data', 'partner'),
  ('social-messaging', 'data', 'data', 'customer')
) AS t(s, c, layer, want)
JOIN LATERAL explain(s, c) AS e ON e.layer_id = t.layer
ORDER BY t.s COLLATE "C", t.c COLLATE "C", t.layer COLLATE "C", t.want COLLATE "C";

-- services whose page states an end of support or a change of availability: the
-- statement is in the rationale, and retired services (only they) say so
SELECT s AS service, stated,
       rationale LIKE '%' || stated || '%'
       AND (rationale LIKE 'Retired: %') = retired AS holds
FROM (VALUES
  --   https://docs.aws.amazon.com/app2container/latest/UserGuide/config-containers.html
  ('a2c', 'no longer open to new customers', false),
  ('a2c', 'November 7, 2025', false),
  --   https://pkg.go.dev/github.com/aws/aws-sdk-go-v2/service/nimble (AWS SDK for Go v2 reference)
  ('nimble', 'deprecated by AWS', true),
  ('nimble', 'no longer available for use', true),
  --   https://docs.aws.amazon.com/codecatalyst/latest/APIReference/Welcome.html
  ('codecatalyst', 'no longer open to new customers', false)
) AS t(s, stated, retired)
JOIN service ON service.provider = 'aws' AND service.service_namespace = t.s
ORDER BY t.s COLLATE "C", t.stated COLLATE "C";

-- namespaces of the AWS Service Authorization Reference that are an API of a
-- reviewed service, or an account, billing or console function of one (an AWS
-- page beside each: the AWS managed policy that grants the namespace's actions
-- for that service): the namespace resolves to that service, which is reviewed
SELECT t.ns AS namespace, a.service_namespace AS service, s.reviewed,
       a.service_namespace = t.want AND s.reviewed AS holds
FROM (VALUES
  -- AWS Partner Central verification, granted to Marketplace sellers
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSMarketplaceSellerFullAccess.html
  ('partnercentral', 'aws-marketplace'),
  -- Partner Central account management, granted to Marketplace seller products
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSMarketplaceSellerProductsFullAccess.html
  ('partnercentral-account-management', 'aws-marketplace'),
  -- AWS Marketplace Vendor Insights security profiles
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSVendorInsightsVendorFullAccess.html
  ('vendor-insights', 'aws-marketplace'),
  -- Compute Optimizer automation enrollment
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSManagedSettingsAdminAccess.html
  ('aco-automation', 'compute-optimizer'),
  -- the account's customer verification details
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSAccountSettingsManagementRole.html
  ('customer-verification', 'account'),
  -- Billing and Cost Management recommended actions
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AccountManagementFromVercel.html
  ('bcm-recommended-actions', 'billing'),
  -- event tickets billed to the AWS account
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/ReInventTicketApprovalAccess.html
  ('eventsbilltoaws', 'billing'),
  -- the console's recommended actions
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSManagementConsoleBasicUserAccess.html
  ('action-recommendations', 'uxc'),
  -- the console mobile app's device identities
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/ServiceQuotasReadOnlyAccess.html
  ('consoleapp', 'uxc'),
  -- AWS Control Catalog's common controls, domains and objectives
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSAuditManagerAdministratorAccess.html
  ('controlcatalog', 'controltower'),
  -- saved queries and query history of the RDS query editor
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonRDSDataFullAccess.html
  ('dbqms', 'rds'),
  -- SageMaker Unified Studio MCP server
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/SageMakerStudioAdminIAMDefaultExecutionPolicy.html
  ('sagemaker-unified-studio-mcp', 'sagemaker'),
  -- the Agentless Collector's connector registration
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSAgentlessDiscoveryService.html
  ('awsconnector', 'discovery'),
  -- FreeRTOS software configurations for the customer's IoT devices
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonFreeRTOSFullAccess.html
  ('freertos', 'iot'),
  -- the CodeGuru console's free trial summary, granted with CodeGuru Profiler
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonCodeGuruProfilerFullAccess.html
  ('codeguru', 'codeguru-profiler'),
  -- application transformation, granted to the Strategy Recommendations collector
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSMigrationHubStrategyCollector.html
  ('application-transformation', 'migrationhub-strategy'),
  -- the Mechanical Turk crowd APIs
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonMechanicalTurkCrowdFullAccess.html
  ('crowd', 'mechanicalturk'),
  -- AWS Transform custom
  --   https://docs.aws.amazon.com/transform/latest/userguide/ct-getting-started.html
  ('transform-custom', 'transform')
) AS t(ns, want)
CROSS JOIN LATERAL resolve_asset(t.ns) AS a
LEFT JOIN service s ON s.provider = a.provider AND s.service_namespace = a.service_namespace
ORDER BY t.ns COLLATE "C";
