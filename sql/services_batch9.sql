\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
-- Services reviewed one by one against AWS's own documentation (issue 8,
-- item 4), ninth batch: the last namespaces of the AWS Service Authorization
-- Reference (SAR) that the eighth batch left. Every check below is a statement
-- of the page cited beside it; `holds` must be true on every row.
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
      'appstudio', 'deepcomposer', 'deeplens', 'deepracer', 'elemental-appliances-software', 'finops-agent',
      'honeycode', 'importexport', 'iotroborunner', 'iq', 'migrationhub-orchestrator', 'mobileanalytics',
      'one', 'private-networks', 'sumerian', 'worklink')
ORDER BY s.service_namespace COLLATE "C";

-- every deviation of this batch gives a reason and cites an AWS documentation page
SELECT count(*) AS deviations,
       count(*) FILTER (WHERE reason <> '' AND source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%)') AS sourced
FROM service_layer
WHERE provider = 'aws'
  AND service_namespace IN (
      'appstudio', 'deepcomposer', 'deeplens', 'deepracer', 'elemental-appliances-software', 'finops-agent',
      'honeycode', 'importexport', 'iotroborunner', 'iq', 'migrationhub-orchestrator', 'mobileanalytics',
      'one', 'private-networks', 'sumerian', 'worklink');

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
  -- App Studio: access to an App Studio instance is managed through IAM Identity Center
  --   https://docs.aws.amazon.com/appstudio/latest/userguide/setting-up-signing-in.html
  ('appstudio', 'iam-user-access-management', 'customer-specific'),
  -- the applications are built and run inside App Studio; their data is the customer's
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_appstudio.html (read in its German edition)
  ('appstudio', 'data', 'customer-specific'),
  -- DeepComposer: the compositions and trained models were the customer's
  --   https://docs.aws.amazon.com/IAM/latest/UserGuide/list_awsdeepcomposer.html
  ('deepcomposer', 'data', 'customer-specific'),
  -- the console and its models ran in AWS: nothing physical was the customer's
  --   https://docs.aws.amazon.com/IAM/latest/UserGuide/list_awsdeepcomposer.html
  ('deepcomposer', 'physical-and-environmental', 'inherited'),
  -- DeepLens (retired): the models and inference functions deployed to the camera were the customer's
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsdeeplens.html (read in its Japanese edition)
  ('deeplens', 'data', 'customer-specific'),
  -- DeepRacer: the reinforcement-learning models the customer trains are its own
  --   https://docs.aws.amazon.com/deepracer/latest/developerguide/awsracerdg.pdf
  ('deepracer', 'data', 'customer-specific'),
  ('deepracer', 'iam-user-access-management', 'customer-specific'),
  -- Elemental appliances and software: the customer runs the AWS-supplied installer as root on each node
  --   https://docs.aws.amazon.com/elemental-cl3/latest/migrationguide/migrate-topic-install-worker.html
  ('elemental-appliances-software', 'os-patching', 'shared'),
  -- the appliances are the customer's, in its own facility
  --   https://docs.aws.amazon.com/elemental-live/latest/ug/live-finding-info.html
  ('elemental-appliances-software', 'physical-and-environmental', 'shared'),
  -- an Elemental Live encoder acts with the IAM access keys the customer gives it
  --   https://docs.aws.amazon.com/mediapackage/latest/userguide/ingest-auth.html
  ('elemental-appliances-software', 'iam-user-access-management', 'customer-specific'),
  -- FinOps Agent: the administrator creates the agent's IAM roles and attaches its policies
  --   https://docs.aws.amazon.com/finops-agent/latest/userguide/setting-up.html
  ('finops-agent', 'iam-user-access-management', 'customer-specific'),
  -- the agent reads the customer's cost and usage data
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/FinOpsAgentAgentPolicy.html (read in its Chinese edition)
  ('finops-agent', 'data', 'customer-specific'),
  -- Honeycode (retired): the workbooks' tables were the customer's
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_honeycode.html
  ('honeycode', 'data', 'customer-specific'),
  -- Import/Export: the portable storage devices are the customer's own
  --   https://docs.aws.amazon.com/cli/latest/reference/importexport/index.html
  ('importexport', 'physical-and-environmental', 'shared'),
  ('importexport', 'data', 'customer-specific'),
  -- IoT RoboRunner (retired): the fleets, sites and workers were the customer's data
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_iotroborunner.html
  ('iotroborunner', 'data', 'customer-specific'),
  -- AWS IQ: experts outside AWS and the customer work on the customer's resources once granted access
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_iq-permission.html
  ('iq', 'data', 'shared'),
  -- AWS runs the marketplace: nothing physical is the customer's
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_iq.html
  ('iq', 'physical-and-environmental', 'inherited'),
  -- Migration Hub Orchestrator: the plugin runs on a host the customer provides
  --   https://docs.aws.amazon.com/migrationhub-orchestrator/latest/APIReference/API_PluginSummary.html
  ('migrationhub-orchestrator', 'os-patching', 'shared'),
  ('migrationhub-orchestrator', 'physical-and-environmental', 'shared'),
  -- Mobile Analytics (retired): the apps' usage events were the customer's
  --   https://docs.aws.amazon.com/mobileanalytics/latest/ug/migrate-sdk.html
  ('mobileanalytics', 'data', 'customer-specific'),
  -- Amazon One Enterprise: the devices are the customer's, at its sites
  --   https://docs.aws.amazon.com/one-enterprise/latest/userguide/actions-resources-contextkeys.html
  ('one', 'physical-and-environmental', 'shared'),
  ('one', 'data', 'customer-specific'),
  -- Private 5G (retired): the network ran at the customer's on-premises location
  --   https://docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/services/private5g/package-summary.html
  ('private-networks', 'physical-and-environmental', 'shared'),
  -- Sumerian (retired): the scenes were the customer's
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_sumerian.html
  ('sumerian', 'data', 'customer-specific'),
  -- WorkLink (retired): the internal web content was the customer's, rendered in the AWS cloud
  --   https://docs.aws.amazon.com/AWSJavaScriptSDK/latest/AWS/WorkLink.html
  ('worklink', 'data', 'customer-specific'),
  -- nothing was downloaded or stored on the phones: nothing physical was the customer's
  --   https://docs.aws.amazon.com/AWSJavaScriptSDK/latest/AWS/WorkLink.html
  ('worklink', 'physical-and-environmental', 'inherited')
) AS t(s, c, want)
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- the provider, the customer or a partner takes part where the page says so, layer by layer (srm.explain)
SELECT s AS service, c AS control, e.layer_id, t.want AS party, e.responsibility, e.origin,
       e.responsibility @> want::responsibility AS holds
FROM (VALUES
  -- the customer runs the Elemental installer on its nodes; AWS supplies the software
  --   https://docs.aws.amazon.com/elemental-cl3/latest/migrationguide/migrate-topic-install-worker.html
  ('elemental-appliances-software', 'os-patching', 'operating-system', 'customer'),
  ('elemental-appliances-software', 'os-patching', 'operating-system', 'provider'),
  -- the appliances sit in the customer's facility
  --   https://docs.aws.amazon.com/elemental-live/latest/ug/live-finding-info.html
  ('elemental-appliances-software', 'physical-and-environmental', 'facilities', 'customer'),
  -- the storage devices are the customer's
  --   https://docs.aws.amazon.com/cli/latest/reference/importexport/index.html
  ('importexport', 'physical-and-environmental', 'hardware', 'customer'),
  -- experts receive access to the customer's account and data
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_iq-permission.html
  ('iq', 'data', 'data', 'partner'),
  ('iq', 'iam-user-access-management', 'identity-access', 'partner'),
  -- the plugin's host is the customer's
  --   https://docs.aws.amazon.com/migrationhub-orchestrator/latest/APIReference/API_PluginSummary.html
  ('migrationhub-orchestrator', 'physical-and-environmental', 'facilities', 'customer'),
  -- the devices are the customer's
  --   https://docs.aws.amazon.com/one-enterprise/latest/userguide/actions-resources-contextkeys.html
  ('one', 'physical-and-environmental', 'hardware', 'customer'),
  -- AWS provided the hardware; it stood at the customer's location
  --   https://docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/services/private5g/package-summary.html
  ('private-networks', 'physical-and-environmental', 'hardware', 'provider'),
  ('private-networks', 'physical-and-environmental', 'facilities', 'customer')
) AS t(s, c, layer, want)
JOIN LATERAL explain(s, c) AS e ON e.layer_id = t.layer
ORDER BY t.s COLLATE "C", t.c COLLATE "C", t.layer COLLATE "C", t.want COLLATE "C";

-- services whose page states an end of support or a change of availability: the
-- statement is in the rationale, and retired services (only they) say so;
-- where no AWS statement of an end was found, the row says so and is not retired
SELECT s AS service, stated,
       rationale LIKE '%' || stated || '%'
       AND (rationale LIKE 'Retired: %') = retired AS holds
FROM (VALUES
  --   https://github.com/boto/botocore/commit/e406696e4fad70edc16ef924ee55aff8a5a970c2 (AWS SDK for Python)
  ('honeycode', 'following the service deprecation', true),
  --   https://rubygems.org/gems/aws-sdk-worklink (AWS SDK for Ruby)
  ('worklink', 'marks its WorkLink gem deprecated', true),
  --   https://docs.aws.amazon.com/mobileanalytics/index.html
  ('mobileanalytics', 'April 30, 2018', true),
  --   https://docs.aws.amazon.com/deeplens/latest/dg/deeplens-end-of-life.html (title only)
  ('deeplens', 'End of Life', true),
  --   https://www.npmjs.com/package/@aws-amplify/xr (AWS Amplify)
  ('sumerian', 'February 21, 2023', true),
  ('sumerian', 'no longer accepts new customers', true),
  --   https://rubygems.org/gems/aws-sdk-iotroborunner (AWS SDK for Ruby)
  ('iotroborunner', 'March 13, 2024', true),
  --   https://rubygems.org/gems/aws-sdk-privatenetworks (AWS SDK for Ruby)
  ('private-networks', 'May 20, 2025', true),
  -- no end-of-support page found: not marked retired
  ('deepcomposer', 'not marked retired', false),
  ('importexport', 'not marked retired', false),
  ('deepracer', 'No AWS end-of-support page was found', false),
  ('iq', 'No AWS end-of-support page was found', false)
) AS t(s, stated, retired)
JOIN service ON service.provider = 'aws' AND service.service_namespace = t.s
ORDER BY t.s COLLATE "C", t.stated COLLATE "C";

-- namespaces of the SAR that are an API of a reviewed service (an AWS page
-- beside each): the namespace resolves to that service, which is reviewed
SELECT t.ns AS namespace, a.service_namespace AS service, s.reviewed,
       a.service_namespace = t.want AND s.reviewed AS holds
FROM (VALUES
  -- the purchased Elemental appliances and software, and their activations
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/ElementalActivationsReadOnlyAccess.html
  ('elemental-activations', 'elemental-appliances-software'),
  -- support cases and support content of the same products (their SAR pages, named after
  -- the namespaces, were not read; the activation service's page names the products)
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_elemental-activations.html
  ('elemental-support-cases', 'elemental-appliances-software'),
  ('elemental-support-content', 'elemental-appliances-software'),
  -- AWS IQ Permissions: experts' access requests to the customer's account
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_iq-permission.html
  ('iq-permission', 'iq'),
  -- WorkSpaces Application Manager packages applications for the customer's WorkSpaces
  --   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonWorkSpacesApplicationManagerAdminAccess.html
  ('wam', 'workspaces'),
  -- Mobile Hub created the AWS resources of an app; AWS's migrator takes Mobile Hub projects into Amplify
  --   https://docs.aws.amazon.com/mobileanalytics/latest/ug/migrate-sdk.html
  ('mobilehub', 'amplify'),
  -- BugBust is documented as a CodeGuru user guide (codeguru/latest/bugbust-ug)
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsbugbust.html
  ('bugbust', 'codeguru-reviewer'),
  -- AWS User Subscriptions: the SAR page's references are Amazon Q Developer pages
  --   https://docs.aws.amazon.com/service-authorization/latest/reference/list_user-subscriptions.html
  ('user-subscriptions', 'q')
) AS t(ns, want)
CROSS JOIN LATERAL resolve_asset(t.ns) AS a
LEFT JOIN service s ON s.provider = a.provider AND s.service_namespace = a.service_namespace
ORDER BY t.ns COLLATE "C";
