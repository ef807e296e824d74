\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
-- Services reviewed one by one against AWS's own documentation (issue 8,
-- item 4), sixth batch: the services the category rule had still placed,
-- and namespaces of the AWS Service Authorization Reference that srm did
-- not know. Every check below is a statement of the page cited beside it;
-- `holds` must be true on every row.
SET search_path = srm, public;

-- each service of this batch: reviewed, its model, its deviations, and a
-- source naming AWS documentation pages
SELECT s.service_namespace, s.model_id, s.reviewed,
       s.source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%' AS cites_aws_page,
       s.rationale LIKE 'Retired: %' AS retired,
       (SELECT string_agg(sl.layer_id, ', ' ORDER BY l.ordinal)
          FROM service_layer sl JOIN layer l USING (layer_id)
         WHERE sl.provider = s.provider AND sl.service_namespace = s.service_namespace) AS deviations
FROM service s
WHERE s.provider = 'aws' AND s.service_namespace IN (
      'access-analyzer', 'account', 'aidevops', 'aiops', 'app-integrations', 'application-autoscaling', 'applicationinsights', 'artifact',
      'autoscaling-plans', 'aws-marketplace', 'bcm-pricing-calculator', 'cases', 'catalog', 'chatbot', 'cloudsearch', 'cloudshell',
      'codeconnections', 'codestar-connections', 'codestar-notifications', 'compute-optimizer', 'cost-optimization-hub', 'datapipeline', 'discovery', 'dlm',
      'elastictranscoder', 'evidently', 'health', 'internetmonitor', 'iot1click', 'iotthingsgraph', 'iottwinmaker', 'launchwizard',
      'license-manager', 'mediaconvert', 'mgh', 'monitron', 'mpa', 'networkmanager', 'networkmonitor', 'notifications-contacts',
      'oam', 'observabilityadmin', 'pca-connector-scep', 'pi', 'polly', 'profile', 'q', 'ram',
      'rbin', 'route53globalresolver', 'sdb', 'servicediscovery', 'servicequotas', 'signer', 'sms', 'snowball',
      'ssm-guiconnect', 'ssm-quicksetup', 'sts', 'support', 'supportapp', 'swf', 'timestream-influxdb', 'trustedadvisor',
      'workdocs', 'workmail')
ORDER BY s.service_namespace COLLATE "C";

-- every deviation of this batch gives a reason and cites an AWS documentation page
SELECT count(*) AS deviations,
       count(*) FILTER (WHERE reason <> '' AND source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%)') AS sourced
FROM service_layer
WHERE provider = 'aws'
  AND service_namespace IN (
        'access-analyzer', 'account', 'aidevops', 'aiops', 'app-integrations', 'application-autoscaling', 'applicationinsights', 'artifact',
        'autoscaling-plans', 'aws-marketplace', 'bcm-pricing-calculator', 'cases', 'catalog', 'chatbot', 'cloudsearch', 'cloudshell',
        'codeconnections', 'codestar-connections', 'codestar-notifications', 'compute-optimizer', 'cost-optimization-hub', 'datapipeline', 'discovery', 'dlm',
        'elastictranscoder', 'evidently', 'health', 'internetmonitor', 'iot1click', 'iotthingsgraph', 'iottwinmaker', 'launchwizard',
        'license-manager', 'mediaconvert', 'mgh', 'monitron', 'mpa', 'networkmanager', 'networkmonitor', 'notifications-contacts',
        'oam', 'observabilityadmin', 'pca-connector-scep', 'pi', 'polly', 'profile', 'q', 'ram',
        'rbin', 'route53globalresolver', 'sdb', 'servicediscovery', 'servicequotas', 'signer', 'sms', 'snowball',
        'ssm-guiconnect', 'ssm-quicksetup', 'sts', 'support', 'supportapp', 'swf', 'timestream-influxdb', 'trustedadvisor',
        'workdocs', 'workmail');

-- the statements, each with its page
SELECT s AS service, c AS control, responsibility_of(s, c) AS responsibility,
       classify(s, c) AS class, classify(s, c)::text = want AS holds
FROM (VALUES
  -- Services the category rule had placed
  -- RAM: AWS protects the global infrastructure; the customer keeps control over its content
  --   https://docs.aws.amazon.com/ram/latest/userguide/security-data-protection.html
  ('ram', 'physical-and-environmental', 'inherited'),
  -- the customer maintains control over its content, including the service's security configuration
  --   https://docs.aws.amazon.com/ram/latest/userguide/security-data-protection.html
  ('ram', 'data', 'customer-specific'),
  -- RAM: clients must support TLS with perfect forward secrecy cipher suites
  --   https://docs.aws.amazon.com/ram/latest/userguide/security-infrastructure.html
  ('ram', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's access key or STS temporary credentials
  --   https://docs.aws.amazon.com/ram/latest/userguide/security-infrastructure.html
  ('ram', 'iam-user-access-management', 'customer-specific'),
  -- License Manager stores its data in an S3 bucket of the management account, encrypted with SSE-S3
  --   https://docs.aws.amazon.com/license-manager/latest/userguide/data-protection.html
  ('license-manager', 'server-side-encryption', 'shared'),
  -- clients must support TLS and cipher suites with perfect forward secrecy
  --   https://docs.aws.amazon.com/license-manager/latest/userguide/infrastructure-security.html
  ('license-manager', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/license-manager/latest/userguide/infrastructure-security.html
  ('license-manager', 'iam-user-access-management', 'customer-specific'),
  -- Chatbot: the customer should not send secrets through the chat channel; commands arrive through it
  --   https://docs.aws.amazon.com/chatbot/latest/adminguide/security.html
  ('chatbot', 'data', 'customer-specific'),
  -- clients must support TLS and cipher suites with perfect forward secrecy
  --   https://docs.aws.amazon.com/chatbot/latest/adminguide/infrastructure-security.html
  ('chatbot', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/chatbot/latest/adminguide/infrastructure-security.html
  ('chatbot', 'iam-user-access-management', 'customer-specific'),
  -- Cloud Map: AWS is responsible for the infrastructure that runs AWS services
  --   https://docs.aws.amazon.com/cloud-map/latest/dg/security.html
  ('servicediscovery', 'physical-and-environmental', 'inherited'),
  -- clients must support TLS and cipher suites with perfect forward secrecy
  --   https://docs.aws.amazon.com/cloud-map/latest/dg/infrastructure-security.html
  ('servicediscovery', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/cloud-map/latest/dg/infrastructure-security.html
  ('servicediscovery', 'iam-user-access-management', 'customer-specific'),
  -- AWS Auto Scaling is protected by AWS global network security; clients use TLS with PFS
  --   https://docs.aws.amazon.com/autoscaling/plans/userguide/infrastructure-security.html
  ('autoscaling-plans', 'network-traffic-protection', 'shared'),
  -- AWS Auto Scaling, as a managed service, runs on AWS's infrastructure
  --   https://docs.aws.amazon.com/autoscaling/plans/userguide/infrastructure-security.html
  ('autoscaling-plans', 'patch-management', 'inherited'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/autoscaling/plans/userguide/infrastructure-security.html
  ('autoscaling-plans', 'iam-user-access-management', 'customer-specific'),
  -- Service Catalog stores data in S3 and DynamoDB encrypted at rest with Amazon managed keys
  --   https://docs.aws.amazon.com/servicecatalog/latest/adminguide/data-protection.html
  ('catalog', 'server-side-encryption', 'shared'),
  -- TLS between the caller and AWS; VPC endpoints keep traffic on the AWS network
  --   https://docs.aws.amazon.com/servicecatalog/latest/adminguide/data-protection.html
  ('catalog', 'network-traffic-protection', 'shared'),
  -- the customer controls the Regions where portfolios and products are available
  --   https://docs.aws.amazon.com/servicecatalog/latest/adminguide/infrastructure-security.html
  ('catalog', 'data', 'customer-specific'),
  -- MediaConvert: clients must support TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/mediaconvert/latest/ug/infrastructure-security.html
  ('mediaconvert', 'network-traffic-protection', 'shared'),
  -- no resource-based policies: access is controlled by the IAM principal's credentials
  --   https://docs.aws.amazon.com/mediaconvert/latest/ug/infrastructure-security.html
  ('mediaconvert', 'iam-user-access-management', 'customer-specific'),
  -- DRM encryption with keys from the customer's SPEKE key provider or its static key
  --   https://docs.aws.amazon.com/mediaconvert/latest/ug/encrypting-content.html
  ('mediaconvert', 'client-side-encryption', 'customer-specific'),
  -- TwinMaker: default encryption on the bucket it creates; the customer enables it on its own bucket
  --   https://docs.aws.amazon.com/iot-twinmaker/latest/guide/data-protection.html
  ('iottwinmaker', 'server-side-encryption', 'shared'),
  -- all data is sent to TwinMaker over TLS (HTTPS)
  --   https://docs.aws.amazon.com/iot-twinmaker/latest/guide/data-protection.html
  ('iottwinmaker', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/iot-twinmaker/latest/guide/infrastructure-security.html
  ('iottwinmaker', 'iam-user-access-management', 'customer-specific'),
  -- Things Graph: the IAM role the customer creates lets the service run its flows
  --   https://docs.aws.amazon.com/thingsgraph/latest/ug/tg-security.html
  ('iotthingsgraph', 'iam-user-access-management', 'customer-specific'),
  -- cloud deployments use AWS IoT's security features, run by AWS
  --   https://docs.aws.amazon.com/thingsgraph/latest/ug/tg-security.html
  ('iotthingsgraph', 'physical-and-environmental', 'inherited'),
  -- DevOps Agent: each Agent Space defines which accounts and resources the agent can access
  --   https://docs.aws.amazon.com/devopsagent/latest/userguide/aws-devops-agent-security.html
  ('aidevops', 'zone-security', 'customer-specific'),
  -- the customer configures the agent's IAM role with least privilege
  --   https://docs.aws.amazon.com/devopsagent/latest/userguide/aws-devops-agent-security.html
  ('aidevops', 'iam-user-access-management', 'customer-specific'),
  -- data encrypted at rest with AWS managed keys and in transit
  --   https://docs.aws.amazon.com/awssupport/latest/user/support-devops-agent-security.html
  ('aidevops', 'server-side-encryption', 'shared'),
  -- CloudWatch investigations scan the telemetry of the customer's system
  --   https://docs.aws.amazon.com/cli/v1/reference/aiops/index.html
  ('aiops', 'data', 'customer-specific'),
  -- the customer attaches IAM resource policies to its investigation groups
  --   https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/services/aiops/AiOpsClient.html
  ('aiops', 'iam-user-access-management', 'customer-specific'),
  -- Pricing Calculator: estimates priced with the customer's own discounts and benefit sharing preferences
  --   https://docs.aws.amazon.com/cli/v1/reference/bcm-pricing-calculator/index.html
  ('bcm-pricing-calculator', 'data', 'customer-specific'),
  -- Billing and Cost Management: clients use TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html
  ('bcm-pricing-calculator', 'network-traffic-protection', 'shared'),
  -- the customer's approval teams are viewed from its management account, with permissions it grants
  --   https://docs.aws.amazon.com/mpa/latest/userguide/admin-view-team.html
  ('mpa', 'iam-user-access-management', 'customer-specific'),
  -- formal approvals kept for the customer's own auditing and compliance
  --   https://docs.aws.amazon.com/mpa/latest/APIReference/Welcome.html
  ('mpa', 'data', 'customer-specific'),
  -- Connector for SCEP: the customer manages the challenge passwords, in the connector or in Intune
  --   https://docs.aws.amazon.com/pca-connector-scep/latest/APIReference/API_MobileDeviceManagement.html
  ('pca-connector-scep', 'iam-user-access-management', 'customer-specific'),
  -- the connector links the customer's private CA to its SCEP-enabled devices
  --   https://docs.aws.amazon.com/privateca/latest/userguide/c4scep-concepts.html
  ('pca-connector-scep', 'data', 'customer-specific'),
  -- Observability Admin: organization-wide rules only from the management or delegated administrator account
  --   https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/observabilityadmin/aws.sdk.kotlin.services.observabilityadmin/-observability-admin-client
  ('observabilityadmin', 'iam-user-access-management', 'customer-specific'),
  -- the customer's telemetry rules decide which resources have telemetry enabled and how it is collected
  --   https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/observabilityadmin/aws.sdk.kotlin.services.observabilityadmin/-observability-admin-client
  ('observabilityadmin', 'data', 'customer-specific'),
  -- Global Resolver evaluates queries against the security policies and domain lists the customer configures
  --   https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/gr-how-it-works.html
  ('route53globalresolver', 'network-security', 'customer-specific'),
  -- clients authenticate by token (DoH, DoT) or IP access source, as the customer configures
  --   https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/gr-how-it-works.html
  ('route53globalresolver', 'iam-user-access-management', 'customer-specific'),
  -- queries over Do53, DoT or DoH: encryption in transit depends on the protocol the customer's clients use
  --   https://docs.aws.amazon.com/cli/latest/reference/route53globalresolver/index.html
  ('route53globalresolver', 'network-traffic-protection', 'shared'),
  -- User Notifications (and its contacts): clients must support TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/notifications/latest/userguide/infrastructure-security.html
  ('notifications-contacts', 'network-traffic-protection', 'shared'),
  -- requests are signed with the keys of an IAM principal or STS credentials
  --   https://docs.aws.amazon.com/notifications/latest/userguide/infrastructure-security.html
  ('notifications-contacts', 'iam-user-access-management', 'customer-specific'),
  -- Data Pipeline: Task Runner may run on a long-running EC2 instance or on-premises server the customer manages
  --   https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-how-remote-taskrunner-client.html
  ('datapipeline', 'os-patching', 'shared'),
  -- ... an on-premises server: the customer's site and equipment take part
  --   https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-how-remote-taskrunner-client.html
  ('datapipeline', 'physical-and-environmental', 'shared'),
  -- Launch Wizard: as a managed service it is protected by AWS global network security
  --   https://docs.aws.amazon.com/launchwizard/latest/userguide/launch-wizard-security.html
  ('launchwizard', 'physical-and-environmental', 'inherited'),
  -- EBS volumes encrypted with AWS managed keys, or a customer managed key for SAP
  --   https://docs.aws.amazon.com/launchwizard/latest/userguide/launch-wizard-security.html
  ('launchwizard', 'server-side-encryption', 'shared'),
  -- the IAM roles and instance profiles it creates in the customer's account
  --   https://docs.aws.amazon.com/launchwizard/latest/userguide/launch-wizard-security.html
  ('launchwizard', 'iam-user-access-management', 'customer-specific'),
  -- Support App: case details and attached files are shared in the customer's Slack channels
  --   https://docs.aws.amazon.com/awssupport/latest/user/aws-support-app-for-slack.html
  ('supportapp', 'data', 'customer-specific'),
  -- AWS Support: clients must support TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/awssupport/latest/user/infrastructure-security.html
  ('supportapp', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/awssupport/latest/user/infrastructure-security.html
  ('supportapp', 'iam-user-access-management', 'customer-specific'),
  -- Application Auto Scaling, a managed service, is protected by AWS global network security
  --   https://docs.aws.amazon.com/autoscaling/application/userguide/infrastructure-security.html
  ('application-autoscaling', 'physical-and-environmental', 'inherited'),
  -- clients must support TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/autoscaling/application/userguide/infrastructure-security.html
  ('application-autoscaling', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/autoscaling/application/userguide/infrastructure-security.html
  ('application-autoscaling', 'iam-user-access-management', 'customer-specific'),
  -- Access Analyzer: the organization or account the customer chooses is the analyzer's zone of trust
  --   https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html
  ('access-analyzer', 'zone-security', 'customer-specific'),
  -- each finding shows who has access so the customer can decide whether it is intended
  --   https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html
  ('access-analyzer', 'iam-user-access-management', 'customer-specific'),
  -- AWS analyses the policies with logic-based reasoning
  --   https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html
  ('access-analyzer', 'patch-management', 'inherited'),
  -- Internet Monitor: AWS protects the global infrastructure that runs the AWS cloud
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-IM-privacy.html
  ('internetmonitor', 'physical-and-environmental', 'inherited'),
  -- the customer maintains control over its content hosted on that infrastructure
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-IM-privacy.html
  ('internetmonitor', 'data', 'customer-specific'),
  -- AWS's own network and protocol probes measure connectivity
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-IM-inside-internet-monitor.html
  ('internetmonitor', 'patch-management', 'inherited'),
  -- Network Monitor: the customer chooses source VPC subnets and destination IP addresses
  --   https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/services/networkmonitor/NetworkMonitorClient.html
  ('networkmonitor', 'network-security', 'customer-specific'),
  -- monitors can only be created in subnets of VPCs in the customer's own account
  --   https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/services/networkmonitor/NetworkMonitorClient.html
  ('networkmonitor', 'zone-security', 'customer-specific'),
  -- Evidently: evaluation events stored in the customer's S3 bucket may use SSE-KMS with its key
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Evidently-datastorage.html
  ('evidently', 'server-side-encryption', 'shared'),
  -- the bucket policy the customer adds lets the service write to its bucket
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Evidently-datastorage.html
  ('evidently', 'iam-user-access-management', 'customer-specific'),
  -- OAM: source accounts choose which telemetry they share with which monitoring account
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Unified-Cross-Account.html
  ('oam', 'zone-security', 'customer-specific'),
  -- the shared metrics, logs and traces are the customer's data
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Unified-Cross-Account.html
  ('oam', 'data', 'customer-specific'),
  -- Application Insights: the customer installs the SSM Agent on its EC2 instances
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/appinsights-prereqs.html
  ('applicationinsights', 'os-patching', 'shared'),
  -- the customer attaches the instance roles and creates the IAM policy for the service-linked role
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/appinsights-prereqs.html
  ('applicationinsights', 'iam-user-access-management', 'customer-specific'),
  -- Cases: case fields, comments and templates encrypted at rest with AWS owned keys the service rotates
  --   https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html
  ('cases', 'server-side-encryption', 'inherited'),
  -- the case fields and comments are content the customer provides
  --   https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html
  ('cases', 'data', 'customer-specific'),
  -- data exchanged with Amazon Connect is protected in transit with TLS
  --   https://docs.aws.amazon.com/connect/latest/adminguide/encryption-in-transit.html
  ('cases', 'network-traffic-protection', 'shared'),
  -- Customer Profiles: a domain is created with the customer's KMS key, which it owns and manages
  --   https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html
  ('profile', 'server-side-encryption', 'shared'),
  -- the customer's user data stored in Customer Profiles
  --   https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html
  ('profile', 'data', 'customer-specific'),
  -- data exchanged with Amazon Connect is protected in transit with TLS
  --   https://docs.aws.amazon.com/connect/latest/adminguide/encryption-in-transit.html
  ('profile', 'network-traffic-protection', 'shared'),
  -- AppIntegrations: external application data encrypted with the customer managed key it provides
  --   https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html
  ('app-integrations', 'server-side-encryption', 'shared'),
  -- the customer can revoke the grant, cutting the service off from data under its key
  --   https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html
  ('app-integrations', 'iam-user-access-management', 'customer-specific'),
  -- event data forwarded from external applications is always encrypted in transit with TLS
  --   https://docs.aws.amazon.com/connect/latest/adminguide/encryption-in-transit.html
  ('app-integrations', 'network-traffic-protection', 'shared'),
  -- DLM: the customer lets its default roles use the KMS keys of encrypted volumes and cross-Region copies
  --   https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/dlm-access-cmk.html
  ('dlm', 'server-side-encryption', 'shared'),
  -- users need the permissions the customer grants to use Data Lifecycle Manager
  --   https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/dlm-access-control.html
  ('dlm', 'iam-user-access-management', 'customer-specific'),
  -- the snapshots and AMIs it manages are the customer's data
  --   https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/dlm-access-cmk.html
  ('dlm', 'data', 'customer-specific'),
  -- Recycle Bin: the customer's retention rules decide which deleted snapshots and AMIs are kept, and for how long
  --   https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/recycle-bin.html
  ('rbin', 'data', 'customer-specific'),
  -- the customer creates retention rules in each Region where it wants resources protected
  --   https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/recycle-bin.html
  ('rbin', 'configuration-management', 'shared'),
  -- Performance Insights encrypts potentially sensitive data with the KMS key the customer specifies
  --   https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.Enabling.html
  ('pi', 'server-side-encryption', 'shared'),
  -- its data is encrypted in flight
  --   https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.Enabling.html
  ('pi', 'network-traffic-protection', 'shared'),
  -- the customer chooses how long the performance data is retained
  --   https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.Enabling.html
  ('pi', 'data', 'customer-specific'),
  -- Signer: AWS manages the signing keys for Lambda and container images; the customer imports its own certificate for IoT
  --   https://docs.aws.amazon.com/signer/latest/developerguide/signing-profiles.html
  ('signer', 'client-side-encryption', 'shared'),
  -- the customer creates the signing profiles that signing jobs use
  --   https://docs.aws.amazon.com/signer/latest/developerguide/signing-profiles.html
  ('signer', 'iam-user-access-management', 'customer-specific'),
  -- CodeConnections: clients must support TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/dtconsole/latest/userguide/infrastructure-security.html
  ('codeconnections', 'network-traffic-protection', 'shared'),
  -- connection information may be stored and processed outside the Region, by the customer's agreement
  --   https://docs.aws.amazon.com/dtconsole/latest/userguide/infrastructure-security.html
  ('codeconnections', 'data', 'customer-specific'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/dtconsole/latest/userguide/infrastructure-security.html
  ('codeconnections', 'iam-user-access-management', 'customer-specific'),
  -- connections: clients must support TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/dtconsole/latest/userguide/infrastructure-security.html
  ('codestar-connections', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/dtconsole/latest/userguide/infrastructure-security.html
  ('codestar-connections', 'iam-user-access-management', 'customer-specific'),
  -- CodeStar Notifications is protected by AWS global network security procedures
  --   https://docs.aws.amazon.com/dtconsole/latest/userguide/infrastructure-security.html
  ('codestar-notifications', 'physical-and-environmental', 'inherited'),
  -- clients must support TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/dtconsole/latest/userguide/infrastructure-security.html
  ('codestar-notifications', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/dtconsole/latest/userguide/infrastructure-security.html
  ('codestar-notifications', 'iam-user-access-management', 'customer-specific'),
  -- Compute Optimizer in GovCloud: only FIPS endpoints, which the customer's CLI or SDK must be set to use
  --   https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-compute-optimizer.html
  ('compute-optimizer', 'network-traffic-protection', 'shared'),
  -- the customer decides whether to move or resize its running resources
  --   https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/services/computeoptimizer/package-summary.html
  ('compute-optimizer', 'data', 'customer-specific'),
  -- Quick Setup: the customer opts in to agent updates on its managed nodes
  --   https://docs.aws.amazon.com/systems-manager/latest/userguide/quick-setup-host-management.html
  ('ssm-quicksetup', 'os-patching', 'shared'),
  -- Quick Setup creates the IAM instance profile roles the customer's instances use
  --   https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-quick-setup.html
  ('ssm-quicksetup', 'iam-user-access-management', 'customer-specific'),
  -- Systems Manager: clients must support TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/systems-manager/latest/userguide/infrastructure-security.html
  ('ssm-quicksetup', 'network-traffic-protection', 'shared'),
  -- Remote Desktop: nodes must run a minimum SSM Agent version, which the customer installs or updates
  --   https://docs.aws.amazon.com/systems-manager/latest/userguide/fleet-rdp.html
  ('ssm-guiconnect', 'os-patching', 'shared'),
  -- the customer configures the IAM permissions for Remote Desktop
  --   https://docs.aws.amazon.com/systems-manager/latest/userguide/fleet-rdp.html
  ('ssm-guiconnect', 'iam-user-access-management', 'customer-specific'),
  -- Systems Manager: clients must support TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/systems-manager/latest/userguide/infrastructure-security.html
  ('ssm-guiconnect', 'network-traffic-protection', 'shared'),
  -- SimpleDB: requests are signed with the keys of IAM users or temporary credentials the customer grants
  --   https://docs.aws.amazon.com/AmazonSimpleDB/latest/DeveloperGuide/UsingTemporarySecurityCredentials_SDB.html
  ('sdb', 'iam-user-access-management', 'customer-specific'),
  -- requests travel over HTTPS to the SimpleDB endpoint
  --   https://docs.aws.amazon.com/AmazonSimpleDB/latest/DeveloperGuide/UsingTemporarySecurityCredentials_SDB.html
  ('sdb', 'network-traffic-protection', 'shared'),
  -- Network Manager: devices may be physical appliances in the customer's on-premises network
  --   https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/networkmanager/aws.sdk.kotlin.services.networkmanager/-network-manager-client/
  ('networkmanager', 'physical-and-environmental', 'shared'),
  -- the customer manages its core network and transit gateway networks across accounts and Regions
  --   https://docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/services/networkmanager/package-summary.html
  ('networkmanager', 'zone-security', 'customer-specific'),
  -- Namespaces the Service Authorization Reference had and srm lacked
  -- Service Quotas: clients must support TLS 1.2 with perfect forward secrecy
  --   https://docs.aws.amazon.com/servicequotas/latest/userguide/infrastructure-security.html
  ('servicequotas', 'network-traffic-protection', 'shared'),
  -- resource-based policies may restrict access by source IP address
  --   https://docs.aws.amazon.com/servicequotas/latest/userguide/infrastructure-security.html
  ('servicequotas', 'network-security', 'customer-specific'),
  -- Account Management: the customer names the security contact AWS notifies
  --   https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html
  ('account', 'data', 'customer-specific'),
  -- users of the management or delegated administrator account update member accounts' contacts
  --   https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html
  ('account', 'iam-user-access-management', 'customer-specific'),
  -- Artifact: IAM policies decide who may list, view and download reports and accept agreements
  --   https://docs.aws.amazon.com/artifact/latest/ug/security-iam-awsmanpol.html
  ('artifact', 'iam-user-access-management', 'customer-specific'),
  -- the agreements the customer's account has accepted are its own records
  --   https://docs.aws.amazon.com/online-register/latest/data-formats/awsartifact.html
  ('artifact', 'data', 'customer-specific'),
  -- Timestream for InfluxDB: AWS updates the instance's underlying operating system, mostly for security
  --   https://docs.aws.amazon.com/timestream/latest/developerguide/timestream-for-influx-managing-maintaining-db.html
  ('timestream-influxdb', 'os-patching', 'inherited'),
  -- engine updates happen in a maintenance window the customer may choose
  --   https://docs.aws.amazon.com/timestream/latest/developerguide/timestream-for-influx-managing-maintaining-db.html
  ('timestream-influxdb', 'patch-management', 'shared'),
  -- WorkDocs: clients must support TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/workdocs/latest/adminguide/infrastructure-security.html
  ('workdocs', 'network-traffic-protection', 'shared'),
  -- API actions are authenticated and signed, for the customer's IAM users and roles
  --   https://docs.aws.amazon.com/workdocs/latest/APIReference/Welcome.html
  ('workdocs', 'iam-user-access-management', 'customer-specific'),
  -- Marketplace: IAM users get only the subscription permissions the customer assigns
  --   https://docs.aws.amazon.com/marketplace/latest/buyerguide/buyer-security.html
  ('aws-marketplace', 'iam-user-access-management', 'customer-specific'),
  -- AWS may share subscriber contact information, company name, address and usage fees with sellers
  --   https://docs.aws.amazon.com/marketplace/latest/buyerguide/buyer-security.html
  ('aws-marketplace', 'data', 'shared'),
  -- CloudSearch: IAM access policies control the configuration service and each domain's services
  --   https://docs.aws.amazon.com/cloudsearch/latest/developerguide/configuring-access.html
  ('cloudsearch', 'iam-user-access-management', 'customer-specific'),
  -- the customer may allow anonymous access to a domain's upload, search or suggest service
  --   https://docs.aws.amazon.com/cloudsearch/latest/developerguide/configuring-access.html
  ('cloudsearch', 'configuration-management', 'shared'),
  -- Elastic Transcoder was a web service using HTTPS, with requests the customer's code signed
  --   https://docs.aws.amazon.com/elastictranscoder/latest/developerguide/accessing.html
  ('elastictranscoder', 'network-traffic-protection', 'shared'),
  -- the customer signed and authenticated its requests
  --   https://docs.aws.amazon.com/elastictranscoder/latest/developerguide/accessing.html
  ('elastictranscoder', 'iam-user-access-management', 'customer-specific'),
  -- Cost Optimization Hub: the customer opts accounts in or out; the management account can enroll members
  --   https://docs.aws.amazon.com/cli/latest/reference/cost-optimization-hub/update-enrollment-status.html
  ('cost-optimization-hub', 'zone-security', 'customer-specific'),
  -- opting in and viewing recommendations need permissions the customer grants
  --   https://docs.aws.amazon.com/cli/latest/reference/cost-optimization-hub/update-enrollment-status.html
  ('cost-optimization-hub', 'iam-user-access-management', 'customer-specific'),
  -- STS: the customer decides which trusted users get temporary credentials and how long they last
  --   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp.html
  ('sts', 'iam-user-access-management', 'customer-specific'),
  -- all STS endpoints support HTTPS; the customer picks the global or a Regional endpoint
  --   https://docs.aws.amazon.com/IAM/latest/UserGuide/data-protection.html
  ('sts', 'network-traffic-protection', 'shared'),
  -- STS collects no customer content except its request logs
  --   https://docs.aws.amazon.com/IAM/latest/UserGuide/data-protection.html
  ('sts', 'physical-and-environmental', 'inherited'),
  -- Snowball Edge: the customer inspects the device and keeps it off the loading dock
  --   https://docs.aws.amazon.com/snowball/latest/developer-guide/data-protection-device.html
  ('snowball', 'physical-and-environmental', 'shared'),
  -- the customer protects the job manifest and unlock code that open the device's contents
  --   https://docs.aws.amazon.com/snowball/latest/developer-guide/data-protection-device.html
  ('snowball', 'data', 'customer-specific'),
  -- AWS provides software updates that the customer installs and applies by restarting the device
  --   https://docs.aws.amazon.com/snowball/latest/developer-guide/updating-device.html
  ('snowball', 'patch-management', 'shared'),
  -- Support: the customer owns the information in its support cases
  --   https://docs.aws.amazon.com/awssupport/latest/user/security-for-support-cases.html
  ('support', 'data', 'customer-specific'),
  -- clients must support TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/awssupport/latest/user/infrastructure-security.html
  ('support', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/awssupport/latest/user/infrastructure-security.html
  ('support', 'iam-user-access-management', 'customer-specific'),
  -- Trusted Advisor: the customer controls access with IAM and tag-based permissions
  --   https://docs.aws.amazon.com/awssupport/latest/user/security-trusted-advisor.html
  ('trustedadvisor', 'iam-user-access-management', 'customer-specific'),
  -- AWS runs the checks; every account has the core checks
  --   https://docs.aws.amazon.com/awssupport/latest/user/security-trusted-advisor.html
  ('trustedadvisor', 'patch-management', 'inherited'),
  -- AWS Health encrypts all stored data at rest and supports no customer managed keys
  --   https://docs.aws.amazon.com/health/latest/ug/data-encryption.html
  ('health', 'server-side-encryption', 'inherited'),
  -- all data sent to and from AWS Health is encrypted in transit
  --   https://docs.aws.amazon.com/health/latest/ug/data-encryption.html
  ('health', 'network-traffic-protection', 'shared'),
  -- Polly: the customer stores the output and encrypts it with keys of its choice
  --   https://docs.aws.amazon.com/polly/latest/dg/encryption-at-rest.html
  ('polly', 'data', 'customer-specific'),
  -- text submissions are protected in transit; clients use TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/polly/latest/dg/infrastructure-security.html
  ('polly', 'network-traffic-protection', 'shared'),
  -- encrypting the stored audio is the customer's own choice of key
  --   https://docs.aws.amazon.com/polly/latest/dg/encryption-at-rest.html
  ('polly', 'client-side-encryption', 'customer-specific'),
  -- Monitron: AWS owned key by default, or the customer's managed key with custom encryption settings
  --   https://docs.aws.amazon.com/Monitron/latest/admin-guide/data-protection.html
  ('monitron', 'server-side-encryption', 'shared'),
  -- data from the customer's sensors travels to Monitron over TLS
  --   https://docs.aws.amazon.com/Monitron/latest/admin-guide/data-protection.html
  ('monitron', 'network-traffic-protection', 'shared'),
  -- the sensors and gateways are mounted in the customer's plant
  --   https://docs.aws.amazon.com/Monitron/latest/admin-guide/admin_what-is-monitron.html
  ('monitron', 'physical-and-environmental', 'shared'),
  -- Discovery Agent: installed by the customer on its on-premises servers and VMs, running with root privileges
  --   https://docs.aws.amazon.com/application-discovery/latest/userguide/discovery-agent.html
  ('discovery', 'os-patching', 'shared'),
  -- the agents run in the customer's own data centre, on its physical servers
  --   https://docs.aws.amazon.com/application-discovery/latest/userguide/discovery-agent.html
  ('discovery', 'physical-and-environmental', 'shared'),
  -- Migration Hub: AWS protects the infrastructure that runs AWS services
  --   https://docs.aws.amazon.com/migrationhub/latest/ug/security.html
  ('mgh', 'physical-and-environmental', 'inherited'),
  -- the sensitivity of the customer's data and its requirements are the customer's
  --   https://docs.aws.amazon.com/migrationhub/latest/ug/security.html
  ('mgh', 'data', 'customer-specific'),
  -- SMS: traffic from the connector to S3 and to the service was encrypted with TLS
  --   https://docs.aws.amazon.com/server-migration-service/latest/userguide/data-protection.html
  ('sms', 'network-traffic-protection', 'shared'),
  -- the connector VM ran in the customer's on-premises virtualization environment
  --   https://docs.aws.amazon.com/server-migration-service/latest/userguide/SMS_setup.html
  ('sms', 'physical-and-environmental', 'shared'),
  -- WorkMail: every message encrypted before it is written; the organization's key is AWS managed or the customer's
  --   https://docs.aws.amazon.com/workmail/latest/adminguide/data-protection.html
  ('workmail', 'server-side-encryption', 'shared'),
  -- the mailboxes hold the customer's email and calendar items
  --   https://docs.aws.amazon.com/workmail/latest/adminguide/data-protection.html
  ('workmail', 'data', 'customer-specific'),
  -- IoT 1-Click ran as an AWS managed service until it was discontinued
  --   https://docs.aws.amazon.com/iot-1-click/latest/developerguide/doc-history.html
  ('iot1click', 'physical-and-environmental', 'inherited'),
  -- CloudShell installs security patches for the system packages of compute environments by default
  --   https://docs.aws.amazon.com/cloudshell/latest/userguide/infrastructure-security.html
  ('cloudshell', 'os-patching', 'inherited'),
  -- third-party applications the customer installs fall under the shared responsibility model
  --   https://docs.aws.amazon.com/cloudshell/latest/userguide/security-best-practices.html
  ('cloudshell', 'patch-management', 'shared'),
  -- IAM permissions and policies control access to CloudShell and its file transfers
  --   https://docs.aws.amazon.com/cloudshell/latest/userguide/security-best-practices.html
  ('cloudshell', 'iam-user-access-management', 'customer-specific'),
  -- SWF: a decider implements the customer's coordination logic and runs where the customer runs it
  --   https://docs.aws.amazon.com/amazonswf/latest/developerguide/swf-dg-dev-deciders.html
  ('swf', 'patch-management', 'shared'),
  -- activity workers are the customer's programs that perform the activity tasks
  --   https://docs.aws.amazon.com/amazonswf/latest/developerguide/swf-dev-tasks.html
  ('swf', 'os-patching', 'shared'),
  -- Q Developer: AWS managed key by default, a customer managed key for some features
  --   https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/manage-encryption.html
  ('q', 'server-side-encryption', 'shared'),
  -- the customer opts out of service improvement use of Free tier content
  --   https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/service-improvement.html
  ('q', 'data', 'customer-specific')
) AS t(s, c, want)
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- the provider or the customer takes part where the page says so, layer by layer (srm.explain)
SELECT s AS service, c AS control, e.layer_id, e.responsibility, e.origin,
       e.responsibility @> want::responsibility AS holds
FROM (VALUES
  -- the customer installs Task Runner on a computational resource it manages
  --   https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-how-remote-taskrunner-client.html
  ('datapipeline', 'os-patching', 'operating-system', 'provider, customer'),
  -- an on-premises server is the customer's hardware
  --   https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-how-remote-taskrunner-client.html
  ('datapipeline', 'physical-and-environmental', 'hardware', 'provider, customer'),
  -- the CloudWatch agent is installed and configured on the customer's instances
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/appinsights-prereqs.html
  ('applicationinsights', 'os-patching', 'operating-system', 'provider, customer'),
  -- no customer part in Cases' encryption at rest
  --   https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html
  ('cases', 'server-side-encryption', 'server-side-encryption', 'provider'),
  -- the customer managed key is created, owned and managed by the customer
  --   https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html
  ('profile', 'server-side-encryption', 'server-side-encryption', 'customer'),
  -- Signer manages the code-signing certificate and keys for Lambda and container images
  --   https://docs.aws.amazon.com/signer/latest/developerguide/signing-profiles.html
  ('signer', 'client-side-encryption', 'client-side-encryption', 'provider'),
  -- for IoT workflows the customer imports its own code-signing certificate
  --   https://docs.aws.amazon.com/signer/latest/developerguide/signing-profiles.html
  ('signer', 'client-side-encryption', 'client-side-encryption', 'customer'),
  -- Systems Manager updates SSM Agent and the CloudWatch agent on the customer's nodes
  --   https://docs.aws.amazon.com/systems-manager/latest/userguide/quick-setup-host-management.html
  ('ssm-quicksetup', 'os-patching', 'operating-system', 'provider, customer'),
  -- the SSM Agent version on the node is the customer's to keep current
  --   https://docs.aws.amazon.com/systems-manager/latest/userguide/fleet-rdp.html
  ('ssm-guiconnect', 'os-patching', 'operating-system', 'customer'),
  -- on-premises devices are the customer's hardware
  --   https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/networkmanager/aws.sdk.kotlin.services.networkmanager/-network-manager-client/
  ('networkmanager', 'physical-and-environmental', 'hardware', 'provider, customer'),
  -- the customer may set the preferred maintenance window
  --   https://docs.aws.amazon.com/timestream/latest/developerguide/timestream-for-influx-managing-maintaining-db.html
  ('timestream-influxdb', 'patch-management', 'platform', 'customer'),
  -- AWS performs the maintenance on the underlying hardware
  --   https://docs.aws.amazon.com/timestream/latest/developerguide/timestream-for-influx-managing-maintaining-db.html
  ('timestream-influxdb', 'patch-management', 'hardware', 'provider'),
  -- subscriber information may be shared with sellers, third parties
  --   https://docs.aws.amazon.com/marketplace/latest/buyerguide/buyer-security.html
  ('aws-marketplace', 'data', 'data', 'partner'),
  -- the device is the customer's to protect while it is on site
  --   https://docs.aws.amazon.com/snowball/latest/developer-guide/data-protection-device.html
  ('snowball', 'physical-and-environmental', 'facilities', 'customer'),
  -- the customer installs the updates AWS provides
  --   https://docs.aws.amazon.com/snowball/latest/developer-guide/updating-device.html
  ('snowball', 'patch-management', 'virtualization', 'provider, customer'),
  -- the encryption at rest is AWS's alone
  --   https://docs.aws.amazon.com/health/latest/ug/data-encryption.html
  ('health', 'server-side-encryption', 'server-side-encryption', 'provider'),
  -- the gateways fit on the customer's factory walls and use its Wi-Fi
  --   https://docs.aws.amazon.com/Monitron/latest/admin-guide/admin_what-is-monitron.html
  ('monitron', 'physical-and-environmental', 'facilities', 'customer'),
  -- the Agentless Collector is deployed into the customer's vCenter
  --   https://docs.aws.amazon.com/application-discovery/latest/userguide/what-is-appdiscovery.html
  ('discovery', 'patch-management', 'virtualization', 'customer'),
  -- the agent is the customer's to install on each server
  --   https://docs.aws.amazon.com/application-discovery/latest/userguide/discovery-agent.html
  ('discovery', 'os-patching', 'operating-system', 'customer'),
  -- the decider is the customer's implementation
  --   https://docs.aws.amazon.com/amazonswf/latest/developerguide/swf-dg-dev-deciders.html
  ('swf', 'patch-management', 'application', 'customer'),
  -- SWF keeps the execution history and schedules decision tasks
  --   https://docs.aws.amazon.com/amazonswf/latest/developerguide/swf-dg-dev-deciders.html
  ('swf', 'patch-management', 'application', 'provider')
) AS t(s, c, layer, want)
JOIN LATERAL explain(s, c) AS e ON e.layer_id = t.layer
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- services whose page states an end of support or a change of availability: the
-- statement is in the rationale, and retired services (only they) say so
SELECT s AS service, stated,
       rationale LIKE '%' || stated || '%'
       AND (rationale LIKE 'Retired: %') = retired AS holds
FROM (VALUES
  --   https://docs.aws.amazon.com/cli/latest/reference/iotthingsgraph/index.html
  ('iotthingsgraph', 'is discontinued', true),
  --   https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-pipeline-objects.html
  ('datapipeline', 'no longer available to new customers', false),
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Evidently-projectsfeatures.html
  ('evidently', 'October 16, 2025', true),
  ('evidently', 'can no longer be accessed', true),
  --   https://docs.aws.amazon.com/workdocs/latest/APIReference/Welcome.html
  ('workdocs', 'new customer sign-ups and account upgrades are no longer available', false),
  --   https://docs.aws.amazon.com/elastictranscoder/latest/developerguide/accessing.html
  ('elastictranscoder', 'November 13, 2025', true),
  ('elastictranscoder', 'can no longer be accessed', true),
  --   https://docs.aws.amazon.com/snowball/latest/api-reference/API_ServiceVersion.html
  ('snowball', 'no longer available to new customers', false),
  --   https://docs.aws.amazon.com/server-migration-service/latest/userguide/data-protection.html
  ('sms', 'March 31, 2022', true),
  ('sms', 'Application Migration Service', true),
  --   https://docs.aws.amazon.com/iot-1-click/latest/developerguide/doc-history.html
  ('iot1click', 'December 16, 2024', true)
) AS t(s, stated, retired)
JOIN service ON service.provider = 'aws' AND service.service_namespace = t.s
ORDER BY t.s COLLATE "C", t.stated COLLATE "C";

-- namespaces of the AWS Service Authorization Reference that are an API of a
-- reviewed service (its reference page beside each): the namespace resolves to
-- that service, which is reviewed
SELECT t.ns AS namespace, a.service_namespace AS service, s.reviewed,
       a.service_namespace = t.want AND s.reviewed AS holds
FROM (VALUES
  -- Apache Kafka APIs for Amazon MSK clusters
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_kafka-cluster.html
  ('kafka-cluster', 'kafka'),
  -- Amazon RDS IAM Authentication
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_rds-db.html
  ('rds-db', 'rds'),
  -- Amazon RDS Data API
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_rds-data.html
  ('rds-data', 'rds'),
  -- Amazon Redshift Data API
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_redshift-data.html
  ('redshift-data', 'redshift'),
  -- AWS SQL Workbench (Amazon Redshift query editor v2)
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_sqlworkbench.html
  ('sqlworkbench', 'redshift'),
  -- Amazon Message Gateway Service (Session Manager channels)
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_ssmmessages.html
  ('ssmmessages', 'ssm'),
  -- Amazon Message Delivery Service (SSM Agent messages)
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_ec2messages.html
  ('ec2messages', 'ssm'),
  -- AWS IAM Identity Center directory
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_sso-directory.html
  ('sso-directory', 'sso'),
  -- AWS Identity Store Auth
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_identitystore-auth.html
  ('identitystore-auth', 'identitystore'),
  -- Amazon CloudFront KeyValueStore
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_cloudfront-keyvaluestore.html
  ('cloudfront-keyvaluestore', 'cloudfront'),
  -- Amazon EKS Auth (Pod Identity)
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_eks-auth.html
  ('eks-auth', 'eks'),
  -- Amazon VPC Lattice Services
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_vpc-lattice-svcs.html
  ('vpc-lattice-svcs', 'vpc-lattice'),
  -- AWS Backup storage
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_backup-storage.html
  ('backup-storage', 'backup'),
  -- AWS Backup Search
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_backup-search.html
  ('backup-search', 'backup'),
  -- AWS Directory Service Data
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_ds-data.html
  ('ds-data', 'ds'),
  -- Amazon Location Service Maps
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_geo-maps.html
  ('geo-maps', 'geo'),
  -- Amazon Location Service Places
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_geo-places.html
  ('geo-places', 'geo'),
  -- Amazon Location Service Routes
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_geo-routes.html
  ('geo-routes', 'geo'),
  -- Amazon Route 53 Recovery Controls
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_route53-recovery-control-config.html
  ('route53-recovery-control-config', 'route53-recovery-control'),
  -- Amazon Route 53 Recovery Cluster
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_route53-recovery-cluster.html
  ('route53-recovery-cluster', 'route53-recovery-control'),
  -- AWS Billing console (legacy permissions)
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_aws-portal.html
  ('aws-portal', 'billing'),
  -- Amazon Inspector Scan
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_inspector-scan.html
  ('inspector-scan', 'inspector2'),
  -- AWS IoT Jobs DataPlane
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_iotjobsdata.html
  ('iotjobsdata', 'iot'),
  -- AWS Elemental MediaPackage VOD
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_mediapackage-vod.html
  ('mediapackage-vod', 'mediapackage'),
  -- Amazon EC2 Instance Connect
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_ec2-instance-connect.html
  ('ec2-instance-connect', 'ec2'),
  -- AWS License Manager Linux subscriptions
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_license-manager-linux-subscriptions.html
  ('license-manager-linux-subscriptions', 'license-manager'),
  -- AWS License Manager user subscriptions
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_license-manager-user-subscriptions.html
  ('license-manager-user-subscriptions', 'license-manager'),
  -- Amazon SageMaker geospatial capabilities
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_sagemaker-geospatial.html
  ('sagemaker-geospatial', 'sagemaker'),
  -- Amazon SageMaker with MLflow
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_sagemaker-mlflow.html
  ('sagemaker-mlflow', 'sagemaker'),
  -- AWS App Mesh Preview
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_appmesh-preview.html
  ('appmesh-preview', 'appmesh'),
  -- Amazon Resource Group Tagging API
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_tag.html
  ('tag', 'resource-groups'),
  -- Amazon Q Apps (part of Amazon Q Business)
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_qapps.html
  ('qapps', 'qbusiness')
) AS t(ns, want)
CROSS JOIN LATERAL resolve_asset(t.ns) AS a
LEFT JOIN service s ON s.provider = a.provider AND s.service_namespace = a.service_namespace
ORDER BY t.ns COLLATE "C";
