\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
-- Fourth batch of services reviewed one by one against AWS's own
-- documentation (issue 8, item 4): operations, developer and monitoring
-- services, components on the customer's hosts or in its code first, then
-- retired services.  Every check below is a statement of the page cited
-- beside it; `holds` must be true on every row.
SET search_path = srm, public;

-- each service of this batch: reviewed, its model, its deviations, and a
-- source naming AWS documentation pages
SELECT s.service_namespace, s.model_id, s.reviewed,
       s.source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%' AS cites_aws_page,
       (SELECT string_agg(sl.layer_id, ', ' ORDER BY l.ordinal)
          FROM service_layer sl JOIN layer l USING (layer_id)
         WHERE sl.provider = s.provider AND sl.service_namespace = s.service_namespace) AS deviations
FROM service s
WHERE s.service_namespace IN ('appconfig', 'application-signals', 'arc-region-switch',
      'arc-zonal-shift', 'codecommit', 'codeguru-profiler', 'codeguru-reviewer', 'codestar',
      'devops-guru', 'proton', 'resiliencehub', 'resource-groups', 'route53-recovery-control',
      'route53-recovery-readiness', 'route53resolver', 'rum', 'servicecatalog', 'ssm-contacts',
      'ssm-incidents', 'wellarchitected', 'wickr', 'workspaces-web', 'resource-explorer-2',
      'serverlessrepo', 'refactor-spaces', 'managedblockchain', 'schemas', 'route53profiles')
ORDER BY s.service_namespace COLLATE "C";

-- the statements, each with its page
SELECT s AS service, c AS control, responsibility_of(s, c) AS responsibility,
       classify(s, c) AS class, classify(s, c)::text = want AS holds
FROM (VALUES
  -- Components on the customer's hosts or in its code
  -- Application Signals: on EC2 the customer installs the CloudWatch agent and the ADOT
  -- agent itself and keeps both at their most recent version
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-EC2Main.html
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Getting-Started-App-Signals.html
  ('application-signals', 'os-patching', 'shared'),
  ('application-signals', 'physical-and-environmental', 'inherited'),
  -- CloudWatch RUM: shared responsibility model applies; AWS protects the global
  -- infrastructure, the customer embeds the web client and controls the data it collects
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-RUM-privacy.html
  ('rum', 'physical-and-environmental', 'inherited'),
  ('rum', 'data', 'customer-specific'),
  -- CodeGuru Profiler: AWS protects the global infrastructure; the content is the customer's
  --   https://docs.aws.amazon.com/codeguru/latest/profiler-ug/data-protection.html
  ('codeguru-profiler', 'physical-and-environmental', 'inherited'),
  ('codeguru-profiler', 'data', 'customer-specific'),
  -- CodeGuru Reviewer: AWS runs the analysis of the repositories the customer associates
  --   https://docs.aws.amazon.com/codeguru/latest/reviewer-ug/how-codeguru-reviewer-works.html
  ('codeguru-reviewer', 'os-patching', 'inherited'),
  ('codeguru-reviewer', 'physical-and-environmental', 'inherited'),
  -- AppConfig: the agent writes backups and files on the customer's instances or
  -- containers; customer managed keys are the customer's choice
  --   https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-security.html
  --   https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-deploying.html
  ('appconfig', 'os-patching', 'shared'),
  ('appconfig', 'server-side-encryption', 'shared'),
  -- Wickr: the customer runs the data retention bot on its own host
  --   https://docs.aws.amazon.com/wickr/latest/adminguide-classic/using-env-variables.html
  ('wickr', 'physical-and-environmental', 'inherited'),
  ('wickr', 'patch-management', 'shared'),
  -- Managed services
  -- Route 53 Resolver: protected by AWS global network security; TLS 1.2 or later
  --   https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/infrastructure-security.html
  ('route53resolver', 'physical-and-environmental', 'inherited'),
  ('route53resolver', 'network-traffic-protection', 'shared'),
  -- WorkSpaces Secure Browser: AWS global network security; the customer's network
  -- settings control internet access; TLS 1.2 or later
  --   https://docs.aws.amazon.com/workspaces-web/latest/adminguide/infrastructure-security.html
  ('workspaces-web', 'physical-and-environmental', 'inherited'),
  ('workspaces-web', 'network-security', 'customer-specific'),
  ('workspaces-web', 'network-traffic-protection', 'shared'),
  -- DevOps Guru: AWS protects the global infrastructure; TLS 1.2 required
  --   https://docs.aws.amazon.com/devops-guru/latest/userguide/data-protection.html
  ('devops-guru', 'physical-and-environmental', 'inherited'),
  ('devops-guru', 'network-traffic-protection', 'shared'),
  -- Service Catalog: AWS protects the infrastructure; administrators limit end users'
  -- access through launch roles
  --   https://docs.aws.amazon.com/servicecatalog/latest/adminguide/security.html
  --   https://docs.aws.amazon.com/servicecatalog/latest/adminguide/security-best-practices.html
  ('servicecatalog', 'physical-and-environmental', 'inherited'),
  ('servicecatalog', 'iam-user-access-management', 'customer-specific'),
  -- Resource Groups: security of the cloud is AWS's; the sensitivity of the data is the
  -- customer's
  --   https://docs.aws.amazon.com/ARG/latest/userguide/security.html
  ('resource-groups', 'physical-and-environmental', 'inherited'),
  ('resource-groups', 'data', 'customer-specific'),
  -- Incident Manager: AWS protects the global infrastructure; TLS 1.2 required
  --   https://docs.aws.amazon.com/incident-manager/latest/userguide/data-protection.html
  ('ssm-incidents', 'physical-and-environmental', 'inherited'),
  ('ssm-incidents', 'network-traffic-protection', 'shared'),
  -- Incident Manager contacts: the customer provides the contact channels
  --   https://docs.aws.amazon.com/incident-manager/latest/userguide/contacts.html
  ('ssm-contacts', 'physical-and-environmental', 'inherited'),
  ('ssm-contacts', 'data', 'customer-specific'),
  -- CodeCommit: AWS global network security; TLS and signed requests; the customer can
  -- restrict access to source IP addresses or VPC endpoints
  --   https://docs.aws.amazon.com/codecommit/latest/userguide/infrastructure-security.html
  ('codecommit', 'physical-and-environmental', 'inherited'),
  ('codecommit', 'network-security', 'customer-specific'),
  ('codecommit', 'network-traffic-protection', 'shared'),
  -- Application Recovery Controller (routing control, readiness, zonal shift, Region
  -- switch): AWS protects the global infrastructure; TLS 1.2 required
  --   https://docs.aws.amazon.com/r53recovery/latest/dg/data-protection.html
  ('route53-recovery-control', 'physical-and-environmental', 'inherited'),
  ('route53-recovery-control', 'network-traffic-protection', 'shared'),
  ('route53-recovery-readiness', 'physical-and-environmental', 'inherited'),
  ('route53-recovery-readiness', 'network-traffic-protection', 'shared'),
  ('arc-zonal-shift', 'physical-and-environmental', 'inherited'),
  ('arc-zonal-shift', 'network-traffic-protection', 'shared'),
  ('arc-region-switch', 'physical-and-environmental', 'inherited'),
  ('arc-region-switch', 'network-traffic-protection', 'shared'),
  -- Resilience Hub: AWS owned keys by default, customer managed key optional
  --   https://docs.aws.amazon.com/resilience-hub/latest/userguide/encryption-at-rest-cmk.html
  ('resiliencehub', 'server-side-encryption', 'shared'),
  ('resiliencehub', 'data', 'customer-specific'),
  -- Well-Architected Tool: AWS protects the global infrastructure; TLS 1.2 required
  --   https://docs.aws.amazon.com/wellarchitected/latest/userguide/data-protection.html
  ('wellarchitected', 'physical-and-environmental', 'inherited'),
  ('wellarchitected', 'network-traffic-protection', 'shared'),
  -- Resource Explorer: security of the cloud is AWS's; the sensitivity of the data is the
  -- customer's
  --   https://docs.aws.amazon.com/resource-explorer/latest/userguide/security.html
  ('resource-explorer-2', 'physical-and-environmental', 'inherited'),
  ('resource-explorer-2', 'data', 'customer-specific'),
  -- Serverless Application Repository: AWS protects the global infrastructure; personal
  -- data the customer puts in is the customer's
  --   https://docs.aws.amazon.com/serverlessrepo/latest/devguide/data-protection.html
  ('serverlessrepo', 'physical-and-environmental', 'inherited'),
  ('serverlessrepo', 'data', 'customer-specific'),
  -- Managed Blockchain: AMB creates and manages the members' peer nodes; TLS 1.2 required
  --   https://docs.aws.amazon.com/managed-blockchain/latest/hyperledger-fabric-dev/network-components.html
  --   https://docs.aws.amazon.com/managed-blockchain/latest/hyperledger-fabric-dev/managed-blockchain-data-protection.html
  ('managedblockchain', 'os-patching', 'inherited'),
  ('managedblockchain', 'network-traffic-protection', 'shared'),
  -- EventBridge schema registry: AWS protects the global infrastructure; TLS 1.2 required
  --   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-data-protection.html
  ('schemas', 'physical-and-environmental', 'inherited'),
  ('schemas', 'network-traffic-protection', 'shared'),
  -- Route 53 Profiles (documented in the Route 53 Developer Guide): AWS global network
  -- security; TLS 1.2 or later
  --   https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/infrastructure-security.html
  ('route53profiles', 'physical-and-environmental', 'inherited'),
  ('route53profiles', 'network-traffic-protection', 'shared')
) AS t(s, c, want)
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- the customer takes part where the page says so, layer by layer (srm.explain)
SELECT s AS service, c AS control, e.layer_id, e.responsibility, e.origin,
       e.responsibility @> want::responsibility AS holds
FROM (VALUES
  -- Application Signals: the agents on the customer's EC2 instances
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-EC2Main.html
  ('application-signals', 'os-patching', 'operating-system', 'provider, customer'),
  -- CloudWatch RUM: the code snippet is embedded in the customer's web application
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-RUM-privacy.html
  ('rum', 'SI-2', 'application', 'provider, customer'),
  -- CodeGuru Profiler: the agent runs inside the customer's application
  --   https://docs.aws.amazon.com/codeguru/latest/profiler-ug/data-protection.html
  ('codeguru-profiler', 'SI-2', 'application', 'provider, customer'),
  -- AppConfig: the agent on the customer's instances or containers
  --   https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-security.html
  ('appconfig', 'os-patching', 'operating-system', 'provider, customer'),
  -- Wickr: the data retention bot image the customer runs
  --   https://docs.aws.amazon.com/wickr/latest/adminguide-classic/using-env-variables.html
  ('wickr', 'SI-2', 'platform', 'provider, customer'),
  -- Resilience Hub: AWS owned keys encrypt sensitive data by default
  --   https://docs.aws.amazon.com/resilience-hub/latest/userguide/encryption-at-rest-cmk.html
  ('resiliencehub', 'SC-28', 'server-side-encryption', 'provider'),
  -- Managed Blockchain: the peer nodes run the member's chaincode
  --   https://docs.aws.amazon.com/managed-blockchain/latest/hyperledger-fabric-dev/network-components.html
  ('managedblockchain', 'SI-2', 'application', 'customer')
) AS t(s, c, layer, want)
JOIN LATERAL explain(s, c) AS e ON e.layer_id = t.layer
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- services whose page states a change of availability: the statement is in the
-- rationale, and retired services say so
SELECT s AS service, stated,
       rationale LIKE '%' || stated || '%'
       AND (rationale LIKE 'Retired: %') = retired AS holds
FROM (VALUES
  --   https://docs.aws.amazon.com/codestar/latest/APIReference/Welcome.html
  ('codestar', 'July 31, 2024', true),
  ('codestar', 'CodeStar Connections is not affected', true),
  --   https://docs.aws.amazon.com/proton/latest/APIReference/API_DeploymentState.html
  ('proton', 'support ending on October 7, 2026', true),
  ('proton', 'after October 7, 2025', true),
  --   https://docs.aws.amazon.com/codeguru/latest/reviewer-ug/how-codeguru-reviewer-works.html
  ('codeguru-reviewer', 'November 7, 2025', false),
  ('codeguru-reviewer', 'existing associations continue to work', false),
  --   https://docs.aws.amazon.com/migrationhub-refactor-spaces/latest/userguide/how-it-works.html
  ('refactor-spaces', 'no longer open to new customers as of November 7, 2025', false),
  ('refactor-spaces', 'Transit Gateway', false)
) AS t(s, stated, retired)
JOIN service ON service.provider = 'aws' AND service.service_namespace = t.s
ORDER BY t.s COLLATE "C", t.stated COLLATE "C";

-- every deviation of this batch cites an AWS documentation page
SELECT count(*) AS deviations,
       count(*) FILTER (WHERE sl.source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%)') AS citing_aws_page
FROM service_layer sl
WHERE sl.service_namespace IN ('appconfig', 'application-signals', 'codeguru-profiler', 'rum',
      'wickr');
