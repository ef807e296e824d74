\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
-- Services reviewed one by one against AWS's own documentation (issue 8,
-- item 4), seventh batch: the last services the category rule placed, and
-- more namespaces of the AWS Service Authorization Reference that srm did
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
      'a4b', 'account-access', 'agent-registry', 'airflow-serverless', 'amplifyuibuilder', 'apptest', 'ask', 'aws-external-anthropic',
      'b2bi', 'bcm-dashboards', 'bedrock-mantle', 'cleanrooms-ml', 'clouddirectory', 'codeguru-security', 'elastic-inference',
      'elemental-inference', 'health-agent', 'interconnect', 'invoicing', 'kendra-ranking', 'machinelearning', 'nova-act',
      'pricingplanmanager', 'rtbfabric', 's3files', 'savingsplans', 'scn', 'security-ir', 'signin', 'supportauthz', 'uxc')
ORDER BY s.service_namespace COLLATE "C";

-- every deviation of this batch gives a reason and cites an AWS documentation page
SELECT count(*) AS deviations,
       count(*) FILTER (WHERE reason <> '' AND source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%)') AS sourced
FROM service_layer
WHERE provider = 'aws'
  AND service_namespace IN (
        'a4b', 'account-access', 'agent-registry', 'airflow-serverless', 'amplifyuibuilder', 'apptest', 'ask', 'aws-external-anthropic',
        'b2bi', 'bcm-dashboards', 'bedrock-mantle', 'cleanrooms-ml', 'clouddirectory', 'codeguru-security', 'elastic-inference',
        'elemental-inference', 'health-agent', 'interconnect', 'invoicing', 'kendra-ranking', 'machinelearning', 'nova-act',
        'pricingplanmanager', 'rtbfabric', 's3files', 'savingsplans', 'scn', 'security-ir', 'signin', 'supportauthz', 'uxc');

-- the services left unreviewed say why in their rationale, and are the only
-- ones left: every other service of srm is reviewed. This batch left two
-- (odb, nimble); the eighth batch reviewed both, so none is left.
SELECT service_namespace, reviewed, rationale LIKE 'Not reviewed: %' AS says_why
FROM service WHERE provider = 'aws' AND NOT reviewed
ORDER BY service_namespace COLLATE "C";

-- the statements, each with its page
SELECT s AS service, c AS control, responsibility_of(s, c) AS responsibility,
       classify(s, c) AS class, classify(s, c)::text = want AS holds
FROM (VALUES
  -- Account Access: entitlements give IAM Identity Center principals access to IAM roles across accounts
  --   https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/services/accountaccess/package-summary.html
  ('account-access', 'iam-user-access-management', 'customer-specific'),
  -- the applications and entitlements are the customer's own configuration
  --   https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/services/accountaccess/package-summary.html
  ('account-access', 'data', 'customer-specific'),
  -- Agent Registry: the customer configures each registry's discovery authorization
  --   https://docs.aws.amazon.com/agent-registry-control/latest/APIReference/Welcome.html
  ('agent-registry', 'iam-user-access-management', 'customer-specific'),
  -- the customer publishes, approves and curates the records of its registries
  --   https://docs.aws.amazon.com/agent-registry-control/latest/APIReference/Welcome.html
  ('agent-registry', 'data', 'customer-specific'),
  -- MWAA Serverless: each workflow runs with its own IAM execution role
  --   https://docs.aws.amazon.com/mwaa/latest/mwaa-serverless-userguide/mwaas-concepts.html
  ('airflow-serverless', 'iam-user-access-management', 'customer-specific'),
  -- the workflow definition, the customer's orchestration logic, is provided by the customer in S3
  --   https://docs.aws.amazon.com/mwaa/latest/mwaa-serverless-userguide/mwaas-concepts.html
  ('airflow-serverless', 'patch-management', 'shared'),
  -- Amplify UI Builder: component libraries and themes are the customer's, for its Amplify applications
  --   https://docs.aws.amazon.com/cli/latest/reference/amplifyuibuilder/index.html
  ('amplifyuibuilder', 'data', 'customer-specific'),
  -- access is granted by IAM policies such as AdministratorAccess-Amplify
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess-Amplify.html
  ('amplifyuibuilder', 'iam-user-access-management', 'customer-specific'),
  -- Application Testing: batch test cases read, process and change the customer's business data
  --   https://docs.aws.amazon.com/m2/latest/userguide/testing-test-cases.html
  ('apptest', 'data', 'customer-specific'),
  -- the customer creates the test environment configurations first
  --   https://docs.aws.amazon.com/m2/latest/userguide/testing-test-cases.html
  ('apptest', 'configuration-management', 'shared'),
  -- Alexa Skills Kit: the skill package with the skill's components comes from the customer's S3 bucket
  --   https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/alexa-resource-ask-skill.html
  ('ask', 'patch-management', 'shared'),
  -- the Login with Amazon client ID, secret and refresh token are the customer's
  --   https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/alexa-resource-ask-skill.html
  ('ask', 'iam-user-access-management', 'customer-specific'),
  -- Claude Platform on AWS: AWS provides authentication and IAM-based access control
  --   https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html
  ('aws-external-anthropic', 'iam-user-access-management', 'customer-specific'),
  -- Anthropic processes inference inputs and outputs as an independent data processor; the customer keeps its content
  --   https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html
  ('aws-external-anthropic', 'data', 'shared'),
  -- B2B Data Interchange: AWS protects the global infrastructure
  --   https://docs.aws.amazon.com/b2bi/latest/userguide/data-protection.html
  ('b2bi', 'physical-and-environmental', 'inherited'),
  -- the customer keeps control over its content
  --   https://docs.aws.amazon.com/b2bi/latest/userguide/data-protection.html
  ('b2bi', 'data', 'customer-specific'),
  -- TLS 1.2 is required to communicate with AWS resources
  --   https://docs.aws.amazon.com/b2bi/latest/userguide/data-protection.html
  ('b2bi', 'network-traffic-protection', 'shared'),
  -- BCM Dashboards: the customer activates IAM user and role access to the console
  --   https://docs.aws.amazon.com/cost-management/latest/userguide/dashboards-getting-started.html
  ('bcm-dashboards', 'iam-user-access-management', 'customer-specific'),
  -- dashboards can be shared within or outside the customer's organization, at its choice
  --   https://docs.aws.amazon.com/cost-management/latest/userguide/dashboards-getting-started.html
  ('bcm-dashboards', 'data', 'customer-specific'),
  -- Bedrock Mantle: an endpoint of Amazon Bedrock; AWS protects the global infrastructure
  --   https://docs.aws.amazon.com/bedrock/latest/userguide/data-protection.html
  ('bedrock-mantle', 'physical-and-environmental', 'inherited'),
  -- the customer keeps control over its content (prompts, responses)
  --   https://docs.aws.amazon.com/bedrock/latest/userguide/data-protection.html
  ('bedrock-mantle', 'data', 'customer-specific'),
  -- Clean Rooms ML: a custom model's training code is authored by the model provider
  --   https://docs.aws.amazon.com/clean-rooms/latest/userguide/custom-model-guidelines.html
  ('cleanrooms-ml', 'patch-management', 'shared'),
  -- the model provider chooses the SageMaker AI base image of its inference container
  --   https://docs.aws.amazon.com/clean-rooms/latest/userguide/inference-model-guidelines.html
  ('cleanrooms-ml', 'configuration-management', 'shared'),
  -- Clean Rooms ML trains the model in its own execution environment
  --   https://docs.aws.amazon.com/clean-rooms/latest/userguide/custom-model-guidelines.html
  ('cleanrooms-ml', 'physical-and-environmental', 'inherited'),
  -- Elemental Inference: the customer may give an IAM access role the service assumes
  --   https://docs.aws.amazon.com/elemental-inference/latest/userguide/create-feed-cli.html
  ('elemental-inference', 'iam-user-access-management', 'customer-specific'),
  -- the customer sends its source media to the feed and retrieves the resulting metadata
  --   https://docs.aws.amazon.com/elemental-inference/latest/userguide/create-feed-cli.html
  ('elemental-inference', 'data', 'customer-specific'),
  -- Connect Health: every output must be reviewed by a trained medical professional before use in patient care
  --   https://docs.aws.amazon.com/connecthealth/latest/userguide/ambient-documentation.html
  ('health-agent', 'data', 'customer-specific'),
  -- IAM permissions for health-agent:StartMedicalScribeListeningSession are a prerequisite
  --   https://docs.aws.amazon.com/connecthealth/latest/userguide/al-getting-started.html
  ('health-agent', 'iam-user-access-management', 'customer-specific'),
  -- Interconnect: requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/interconnect/latest/userguide/infrastructure-security.html
  ('interconnect', 'iam-user-access-management', 'customer-specific'),
  -- links are MACsec-encrypted by AWS, the partner's network is the partner's
  --   https://docs.aws.amazon.com/interconnect/latest/userguide/infrastructure-security.html
  ('interconnect', 'network-traffic-protection', 'shared'),
  -- Invoicing: the invoice receiver's business legal name, address and contacts are the customer's
  --   https://docs.aws.amazon.com/cli/latest/reference/invoicing/index.html
  ('invoicing', 'data', 'customer-specific'),
  -- Billing and Cost Management is reached over TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html
  ('invoicing', 'network-traffic-protection', 'shared'),
  -- Kendra Intelligent Ranking: the plugin is built into the customer's self-managed OpenSearch image
  --   https://docs.aws.amazon.com/kendra/latest/dg/opensearch-rerank.html
  ('kendra-ranking', 'patch-management', 'shared'),
  -- an IAM policy can restrict access to a specific rescore execution plan
  --   https://docs.aws.amazon.com/kendra/latest/dg/search-service-rerank.html
  ('kendra-ranking', 'iam-user-access-management', 'customer-specific'),
  -- Nova Act: clients must support TLS 1.2 and cipher suites with perfect forward secrecy
  --   https://docs.aws.amazon.com/nova-act/latest/userguide/infrastructure-security.html
  ('nova-act', 'network-traffic-protection', 'shared'),
  -- requests are signed with an access key associated with an IAM principal
  --   https://docs.aws.amazon.com/nova-act/latest/userguide/infrastructure-security.html
  ('nova-act', 'iam-user-access-management', 'customer-specific'),
  -- developers restrict domains, tools and file access of their agents against prompt injection
  --   https://docs.aws.amazon.com/nova-act/latest/userguide/sdk-security.html
  ('nova-act', 'patch-management', 'shared'),
  -- PricingPlanManager: the caller's IAM identity needs permissions for pricingplanmanager actions
  --   https://docs.aws.amazon.com/PricingPlanManager/latest/UserGuide/getting-started-pricingplanmanager-api.html
  ('pricingplanmanager', 'iam-user-access-management', 'customer-specific'),
  -- the customer creates, modifies and cancels its flat-rate plan subscriptions
  --   https://docs.aws.amazon.com/PricingPlanManager/latest/UserGuide/getting-started-pricingplanmanager-api.html
  ('pricingplanmanager', 'data', 'customer-specific'),
  -- RTB Fabric: the customer keeps complete control over its applications, data and bidding decisions
  --   https://docs.aws.amazon.com/rtb-fabric/latest/userguide/what-is-rtb-fabric.html
  ('rtbfabric', 'data', 'customer-specific'),
  -- RTB Fabric provides the underlying infrastructure
  --   https://docs.aws.amazon.com/rtb-fabric/latest/userguide/what-is-rtb-fabric.html
  ('rtbfabric', 'physical-and-environmental', 'inherited'),
  -- S3 Files: AWS protects the infrastructure that runs AWS services
  --   https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-files-security.html
  ('s3files', 'physical-and-environmental', 'inherited'),
  -- the customer keeps control over its content
  --   https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-files-security.html
  ('s3files', 'data', 'customer-specific'),
  -- an AWS owned key by default, a customer managed key as an option
  --   https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-files-encryption.html
  ('s3files', 'server-side-encryption', 'shared'),
  -- Supply Chain: AWS protects the global infrastructure
  --   https://docs.aws.amazon.com/aws-supply-chain/latest/adminguide/data-protection.html
  ('scn', 'physical-and-environmental', 'inherited'),
  -- the customer keeps control over its content
  --   https://docs.aws.amazon.com/aws-supply-chain/latest/adminguide/data-protection.html
  ('scn', 'data', 'customer-specific'),
  -- TLS 1.2 is required to communicate with AWS resources
  --   https://docs.aws.amazon.com/aws-supply-chain/latest/adminguide/data-protection.html
  ('scn', 'network-traffic-protection', 'shared'),
  -- Support authorization: each permit is signed with a customer managed KMS key the customer controls
  --   https://docs.aws.amazon.com/awssupport/latest/user/support-authorization.html
  ('supportauthz', 'client-side-encryption', 'customer-specific'),
  -- AWS Support cannot access the requested information unless the customer approves
  --   https://docs.aws.amazon.com/awssupport/latest/user/support-authorization.html
  ('supportauthz', 'data', 'customer-specific'),
  -- UXC: the console settings do not restrict access through the CLI, SDKs or APIs
  --   https://docs.aws.amazon.com/awsconsolehelpdocs/latest/APIReference/Welcome.html
  ('uxc', 'iam-user-access-management', 'customer-specific'),
  -- account administrators choose the account's console customizations
  --   https://docs.aws.amazon.com/awsconsolehelpdocs/latest/APIReference/Welcome.html
  ('uxc', 'data', 'customer-specific'),
  -- Sign-In: users sign in as root, IAM, IAM Identity Center, federated or Builder ID users
  --   https://docs.aws.amazon.com/signin/latest/APIReference/Welcome.html
  ('signin', 'iam-user-access-management', 'customer-specific'),
  -- Sign-In implements OAuth 2.0 with secure token exchange and refresh
  --   https://docs.aws.amazon.com/signin/latest/APIReference/Welcome.html
  ('signin', 'network-traffic-protection', 'shared'),
  -- Savings Plans: the customer commits to an amount of usage per hour for one or three years
  --   https://docs.aws.amazon.com/cli/latest/reference/savingsplans/index.html
  ('savingsplans', 'data', 'customer-specific'),
  -- access is granted by IAM policies such as AWSSavingsPlansFullAccess
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSavingsPlansFullAccess.html
  ('savingsplans', 'iam-user-access-management', 'customer-specific'),
  -- Security Incident Response: the customer designates its incident response team
  --   https://docs.aws.amazon.com/security-ir/latest/userguide/enable-sir-using-cli.html
  ('security-ir', 'iam-user-access-management', 'customer-specific'),
  -- the service gathers information in the customer's environment to investigate incidents
  --   https://docs.aws.amazon.com/security-ir/latest/userguide/using-service-linked-roles.html
  ('security-ir', 'data', 'customer-specific'),
  -- Cloud Directory: clients must support TLS and cipher suites with perfect forward secrecy
  --   https://docs.aws.amazon.com/clouddirectory/latest/developerguide/infrastructure-security.html
  ('clouddirectory', 'network-traffic-protection', 'shared'),
  -- requests are signed with an IAM principal's keys or STS temporary credentials
  --   https://docs.aws.amazon.com/clouddirectory/latest/developerguide/infrastructure-security.html
  ('clouddirectory', 'iam-user-access-management', 'customer-specific'),
  -- Cloud Directory data is encrypted at rest
  --   https://docs.aws.amazon.com/clouddirectory/latest/developerguide/directory_objects.html
  ('clouddirectory', 'server-side-encryption', 'shared'),
  -- Amazon ML: the customer grants Amazon ML permission to read its data from S3
  --   https://docs.aws.amazon.com/machine-learning/latest/dg/amazon-machine-learning-reference.html
  ('machinelearning', 'data', 'customer-specific'),
  -- access to Amazon ML resources is controlled with IAM
  --   https://docs.aws.amazon.com/machine-learning/latest/dg/amazon-machine-learning-reference.html
  ('machinelearning', 'iam-user-access-management', 'customer-specific'),
  -- CodeGuru Security (retired): the customer updated its code from the findings and re-ran the scan
  --   https://docs.aws.amazon.com/codeguru/latest/security-ug/address-findings.html
  ('codeguru-security', 'data', 'customer-specific')
) AS t(s, c, want)
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- the provider, the customer or a partner takes part where the page says so, layer by layer (srm.explain)
SELECT s AS service, c AS control, e.layer_id, e.responsibility, e.origin,
       e.responsibility @> want::responsibility AS holds
FROM (VALUES
  -- Anthropic operates the platform, not AWS
  --   https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html
  ('aws-external-anthropic', 'patch-management', 'application', 'partner'),
  -- the models run on infrastructure Anthropic manages
  --   https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html
  ('aws-external-anthropic', 'os-patching', 'operating-system', 'partner'),
  -- Anthropic is a data processor of inference inputs and outputs
  --   https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html
  ('aws-external-anthropic', 'data', 'data', 'partner'),
  -- the customer's content stays the customer's
  --   https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html
  ('aws-external-anthropic', 'data', 'data', 'customer'),
  -- inference may route to Anthropic's primary cloud
  --   https://docs.aws.amazon.com/claude-platform/latest/userguide/welcome.html
  ('aws-external-anthropic', 'physical-and-environmental', 'facilities', 'partner'),
  -- the workflow definition is the customer's
  --   https://docs.aws.amazon.com/mwaa/latest/mwaa-serverless-userguide/mwaas-concepts.html
  ('airflow-serverless', 'patch-management', 'application', 'customer'),
  -- AWS runs the Airflow service that executes it
  --   https://docs.aws.amazon.com/mwaa/latest/mwaa-serverless-userguide/mwaas-concepts.html
  ('airflow-serverless', 'patch-management', 'application', 'provider'),
  -- the skill package is the customer's
  --   https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/alexa-resource-ask-skill.html
  ('ask', 'patch-management', 'application', 'customer'),
  -- custom model code is the model provider's
  --   https://docs.aws.amazon.com/clean-rooms/latest/userguide/custom-model-guidelines.html
  ('cleanrooms-ml', 'patch-management', 'application', 'customer'),
  -- the container base image is the model provider's choice
  --   https://docs.aws.amazon.com/clean-rooms/latest/userguide/inference-model-guidelines.html
  ('cleanrooms-ml', 'patch-management', 'platform', 'customer'),
  -- on the partner's network, protection in transit is the partner's
  --   https://docs.aws.amazon.com/interconnect/latest/userguide/infrastructure-security.html
  ('interconnect', 'network-traffic-protection', 'network-traffic', 'partner'),
  -- AWS encrypts the links between its network and the partner's
  --   https://docs.aws.amazon.com/interconnect/latest/userguide/infrastructure-security.html
  ('interconnect', 'network-traffic-protection', 'network-traffic', 'provider'),
  -- the plugin runs in the customer's OpenSearch
  --   https://docs.aws.amazon.com/kendra/latest/dg/opensearch-rerank.html
  ('kendra-ranking', 'patch-management', 'application', 'customer'),
  -- the agents built with the SDK are the customer's
  --   https://docs.aws.amazon.com/nova-act/latest/userguide/sdk-security.html
  ('nova-act', 'patch-management', 'application', 'customer'),
  -- the permit's signing key is the customer's
  --   https://docs.aws.amazon.com/awssupport/latest/user/support-authorization.html
  ('supportauthz', 'client-side-encryption', 'client-side-encryption', 'customer')
) AS t(s, c, layer, want)
JOIN LATERAL explain(s, c) AS e ON e.layer_id = t.layer
ORDER BY t.s COLLATE "C", t.c COLLATE "C", t.layer COLLATE "C", t.want COLLATE "C";

-- services whose page states an end of support or a change of availability: the
-- statement is in the rationale, and retired services (only they) say so
SELECT s AS service, stated,
       rationale LIKE '%' || stated || '%'
       AND (rationale LIKE 'Retired: %') = retired AS holds
FROM (VALUES
  --   https://docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/services/alexaforbusiness/package-summary.html
  ('a4b', 'has been retired', true),
  ('a4b', 'is no longer supported', true),
  --   https://docs.aws.amazon.com/cli/latest/reference/codeguru-security/index.html
  ('codeguru-security', 'November 20, 2025', true),
  ('codeguru-security', 'can no longer be accessed', true),
  --   https://docs.aws.amazon.com/clouddirectory/latest/developerguide/infrastructure-security.html
  ('clouddirectory', 'is no longer be open to new customers', false),
  --   https://docs.aws.amazon.com/cli/latest/reference/elastic-inference/index.html
  ('elastic-inference', 'is no longer available', true),
  ('elastic-inference', 'April 15, 2023', true),
  --   https://docs.aws.amazon.com/machine-learning/latest/dg/amazon-machine-learning-reference.html
  ('machinelearning', 'no longer updating the Amazon Machine Learning service or accepting new users', false)
) AS t(s, stated, retired)
JOIN service ON service.provider = 'aws' AND service.service_namespace = t.s
ORDER BY t.s COLLATE "C", t.stated COLLATE "C";

-- namespaces of the AWS Service Authorization Reference that are an API of a
-- reviewed service (an AWS page beside each, most often the AWS managed policy
-- that grants the namespace's actions for that service): the namespace
-- resolves to that service, which is reviewed
SELECT t.ns AS namespace, a.service_namespace AS service, s.reviewed,
       a.service_namespace = t.want AND s.reviewed AS holds
FROM (VALUES
  -- AWS Price List, documented in the AWS Billing user guide
  --   https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/price-changes.html
  ('pricing', 'billing'),
  -- Free Tier, in the Billing managed policy
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/Billing.html
  ('freetier', 'billing'),
  -- payments, in the Billing managed policy
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/Billing.html
  ('payments', 'billing'),
  -- tax settings, in the Billing managed policy
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/Billing.html
  ('tax', 'billing'),
  -- Purchase Orders console, configured in the Billing user guide
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_awspurchaseordersconsole.html
  ('purchase-orders', 'billing'),
  -- consolidated billing, in the Billing managed policy
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/Billing.html
  ('consolidatedbilling', 'billing'),
  -- Migration Acceleration Program credits, in the Billing managed policy
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/Billing.html
  ('mapcredits', 'billing'),
  -- customer carbon footprint, in the Billing managed policy
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/Billing.html
  ('sustainability', 'billing'),
  -- SageMaker Ground Truth labeling, in AmazonSageMakerFullAccess
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonSageMakerFullAccess.html
  ('groundtruthlabeling', 'sagemaker'),
  -- SageMaker data science assistant, in the SageMaker Canvas managed policy
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonSageMakerCanvasSMDataScienceAssistantAccess.html
  ('sagemaker-data-science-assistant', 'sagemaker'),
  -- SageMaker Ground Truth synthetic data console
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/GroundTruthSyntheticConsoleFullAccess.html
  ('sagemaker-groundtruth-synthetic', 'sagemaker'),
  -- Amazon Bedrock web search
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonBedrockWebSearchFullAccess.html
  ('bedrock-websearch', 'bedrock'),
  -- identity synchronisation, used by IAM Identity Center's service-linked role
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSSOServiceRolePolicy.html
  ('identity-sync', 'sso'),
  -- Service Catalog end user console
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/ServiceCatalogEndUserAccess.html
  ('catalog-user', 'servicecatalog'),
  -- Service Catalog administrator console
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/ServiceCatalogAdminReadOnlyAccess.html
  ('catalog-admin', 'servicecatalog'),
  -- Amazon EC2 reports
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEC2ReportsAccess.html
  ('ec2-reports', 'ec2'),
  -- VPC Reachability Analyzer and Network Access Analyzer
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonVPCReachabilityAnalyzerFullAccessPolicy.html
  ('tiros', 'ec2'),
  -- Amplify backend (Amplify Studio)
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess-Amplify.html
  ('amplifybackend', 'amplify'),
  -- AWS Support console
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSupportAccess.html
  ('support-console', 'support'),
  -- Amazon DataZone portal
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonDataZonePortalFullAccessPolicy.html
  ('datazonecontrol', 'datazone'),
  -- Amazon EKS MCP server
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEKSMCPReadOnlyAccess.html
  ('eks-mcp', 'eks'),
  -- Amazon Inspector managed telemetry
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonInspector2ManagedTelemetryPolicy.html
  ('inspector2-telemetry', 'inspector2'),
  -- AWS Builder ID, with which AWS Sign-In signs users in
  --   https://docs.aws.amazon.com/signin/latest/APIReference/Welcome.html
  ('builderid', 'signin')
) AS t(ns, want)
CROSS JOIN LATERAL resolve_asset(t.ns) AS a
LEFT JOIN service s ON s.provider = a.provider AND s.service_namespace = a.service_namespace
ORDER BY t.ns COLLATE "C";
