\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
-- Services reviewed one by one against AWS's own documentation (issue 8,
-- item 4), fourth batch: a component on the customer's side, security and
-- data services, managed AI and application services, retired services.
-- Every check below is a statement of the page cited beside it; `holds`
-- must be true on every row.
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
      'aoss', 'bcm-data-exports', 'billing', 'billingconductor', 'budgets', 'ce', 'chime', 'connect-campaigns',
      'cur', 'detective', 'entityresolution', 'forecast', 'frauddetector', 'geo', 'healthlake', 'inspector',
      'ivschat', 'kendra', 'lex', 'lookoutequipment', 'lookoutmetrics', 'lookoutvision', 'mediapackagev2', 'medical-imaging',
      'mobiletargeting', 'notifications', 'payment-cryptography', 'pca-connector-ad', 'qbusiness', 'securityagent', 'sms-voice', 'transcribe',
      'voiceid', 'wisdom')
ORDER BY s.service_namespace COLLATE "C";

-- every deviation of this batch gives a reason and cites an AWS documentation page
SELECT count(*) AS deviations,
       count(*) FILTER (WHERE reason <> '' AND source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%)') AS sourced
FROM service_layer
WHERE provider = 'aws'
  AND service_namespace IN (
        'aoss', 'bcm-data-exports', 'billing', 'billingconductor', 'budgets', 'ce', 'chime', 'connect-campaigns',
        'cur', 'detective', 'entityresolution', 'forecast', 'frauddetector', 'geo', 'healthlake', 'inspector',
        'ivschat', 'kendra', 'lex', 'lookoutequipment', 'lookoutmetrics', 'lookoutvision', 'mediapackagev2', 'medical-imaging',
        'mobiletargeting', 'notifications', 'payment-cryptography', 'pca-connector-ad', 'qbusiness', 'securityagent', 'sms-voice', 'transcribe',
        'voiceid', 'wisdom');

-- the statements, each with its page
SELECT s AS service, c AS control, responsibility_of(s, c) AS responsibility,
       classify(s, c) AS class, classify(s, c)::text = want AS holds
FROM (VALUES
  -- A component on the customer's side
  -- Inspector Classic (retired): the agent is installed on the customer's EC2 instances, each reporting agent version and OS
  --   https://docs.aws.amazon.com/inspector/v1/APIReference/API_AgentPreview.html
  ('inspector', 'os-patching', 'shared'),
  -- the instances are EC2 instances, in AWS data centres; the service ended on May 20, 2026
  --   https://docs.aws.amazon.com/inspector/v1/userguide/inspector-arns-resources.html
  ('inspector', 'physical-and-environmental', 'inherited'),
  -- Security and data services
  -- Payment Cryptography: dedicated HSMs in access-controlled racks of Amazon data centres, dual control for physical access
  --   https://docs.aws.amazon.com/payment-cryptography/latest/userguide/infrastructure-security.html
  ('payment-cryptography', 'physical-and-environmental', 'inherited'),
  -- Payment Cryptography: clients must support TLS 1.2 or later with perfect forward secrecy
  --   https://docs.aws.amazon.com/payment-cryptography/latest/userguide/infrastructure-security.html
  ('payment-cryptography', 'network-traffic-protection', 'shared'),
  -- Detective: the customer maintains control over its content hosted on AWS's infrastructure
  --   https://docs.aws.amazon.com/detective/latest/userguide/data-protection.html
  ('detective', 'data', 'customer-specific'),
  -- AWS protects the global infrastructure that runs all of the AWS Cloud
  --   https://docs.aws.amazon.com/detective/latest/userguide/data-protection.html
  ('detective', 'physical-and-environmental', 'inherited'),
  -- OpenSearch Serverless: every collection encrypted at rest, with an AWS owned key or the customer's KMS key
  --   https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-encryption.html
  ('aoss', 'server-side-encryption', 'shared'),
  -- HealthLake: AWS owned KMS key by default, customer managed key chosen at creation
  --   https://docs.aws.amazon.com/healthlake/latest/devguide/encryption-at-rest.html
  ('healthlake', 'server-side-encryption', 'shared'),
  -- HealthLake uses TLS 1.2 on the public endpoint and to backend services
  --   https://docs.aws.amazon.com/healthlake/latest/devguide/encryption-in-transit.html
  ('healthlake', 'network-traffic-protection', 'shared'),
  -- HealthImaging: AWS owned KMS keys, or a customer managed key the customer grants
  --   https://docs.aws.amazon.com/healthimaging/latest/devguide/data-encryption.html
  ('medical-imaging', 'server-side-encryption', 'shared'),
  -- the customer's images and its key policies
  --   https://docs.aws.amazon.com/healthimaging/latest/devguide/data-encryption.html
  ('medical-imaging', 'data', 'customer-specific'),
  -- Entity Resolution: the customer's KMS key if given, else a service-managed key
  --   https://docs.aws.amazon.com/entityresolution/latest/userguide/glossary.html
  ('entityresolution', 'server-side-encryption', 'shared'),
  -- Entity Resolution assumes the IAM role the customer gives it to reach its resources
  --   https://docs.aws.amazon.com/entityresolution/latest/userguide/glossary.html
  ('entityresolution', 'iam-user-access-management', 'customer-specific'),
  -- Managed AI
  -- Kendra: AWS owned key by default, aws/kendra or a customer managed key by choice
  --   https://docs.aws.amazon.com/kendra/latest/dg/encryption-at-rest.html
  ('kendra', 'server-side-encryption', 'shared'),
  -- Kendra: HTTPS to client applications, HTTPS and AWS signatures to other services
  --   https://docs.aws.amazon.com/kendra/latest/dg/encryption-in-transit.html
  ('kendra', 'network-traffic-protection', 'shared'),
  -- Transcribe: SSE-S3 by default on transcripts in the customer's bucket, or the customer's KMS key
  --   https://docs.aws.amazon.com/transcribe/latest/dg/data-encryption.html
  ('transcribe', 'server-side-encryption', 'shared'),
  -- Transcribe: TLS 1.2 with AWS certificates, streaming included
  --   https://docs.aws.amazon.com/transcribe/latest/dg/data-encryption.html
  ('transcribe', 'network-traffic-protection', 'shared'),
  -- Lex V2 encrypts the utterances and session attributes it stores
  --   https://docs.aws.amazon.com/lexv2/latest/dg/encryption-at-rest.html
  ('lex', 'server-side-encryption', 'shared'),
  -- the customer's sample utterances, slot values and session attributes
  --   https://docs.aws.amazon.com/lexv2/latest/dg/encryption-at-rest.html
  ('lex', 'data', 'customer-specific'),
  -- Fraud Detector: AWS owned KMS key by default, or a customer managed key
  --   https://docs.aws.amazon.com/frauddetector/latest/ug/encryption-at-rest.html
  ('frauddetector', 'server-side-encryption', 'shared'),
  -- the customer maintains control over its content
  --   https://docs.aws.amazon.com/frauddetector/latest/ug/data-protection.html
  ('frauddetector', 'data', 'customer-specific'),
  -- Location: AWS owned keys always, a second layer with a customer managed key on trackers and geofences
  --   https://docs.aws.amazon.com/location/latest/developerguide/encryption-at-rest.html
  ('geo', 'server-side-encryption', 'shared'),
  -- Location: TLS 1.2 on all inter-network data, requests signed with SigV4
  --   https://docs.aws.amazon.com/location/latest/developerguide/encryption-in-transit.html
  ('geo', 'network-traffic-protection', 'shared'),
  -- Forecast: an optional KMS key of the customer's for datasets and predictors
  --   https://docs.aws.amazon.com/forecast/latest/dg/API_EncryptionConfig.html
  ('forecast', 'server-side-encryption', 'shared'),
  -- the IAM role in the customer's account that Forecast assumes to use the key
  --   https://docs.aws.amazon.com/forecast/latest/dg/API_EncryptionConfig.html
  ('forecast', 'iam-user-access-management', 'customer-specific'),
  -- Q Business: AWS owned key by default, customer managed key by choice
  --   https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/key-management.html
  ('qbusiness', 'server-side-encryption', 'shared'),
  -- Q Apps store the customer's titles, prompts, inputs and uploaded files
  --   https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/data-encryption-qapps.html
  ('qbusiness', 'data', 'customer-specific'),
  -- Billing and cost management
  -- Billing and Cost Management: clients must support TLS 1.2 with perfect forward secrecy
  --   https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html
  ('billing', 'network-traffic-protection', 'shared'),
  -- requests are signed with the keys of an IAM principal or STS credentials
  --   https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html
  ('billing', 'iam-user-access-management', 'customer-specific'),
  -- Billing Conductor: clients must support TLS 1.2 with perfect forward secrecy
  --   https://docs.aws.amazon.com/enterprisebilling/6b7c01c5-b592-467e-9769-90052eaf359c/userguide/infrastructure-security.html
  ('billingconductor', 'network-traffic-protection', 'shared'),
  -- requests are signed with the keys of an IAM principal or STS credentials
  --   https://docs.aws.amazon.com/enterprisebilling/6b7c01c5-b592-467e-9769-90052eaf359c/userguide/infrastructure-security.html
  ('billingconductor', 'iam-user-access-management', 'customer-specific'),
  -- Cost Management: clients use TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/cost-management/latest/userguide/infrastructure-security.html
  ('budgets', 'network-traffic-protection', 'shared'),
  -- requests are signed with the keys of an IAM principal or STS credentials
  --   https://docs.aws.amazon.com/cost-management/latest/userguide/infrastructure-security.html
  ('budgets', 'iam-user-access-management', 'customer-specific'),
  -- Cost Management: clients use TLS with perfect forward secrecy
  --   https://docs.aws.amazon.com/cost-management/latest/userguide/infrastructure-security.html
  ('ce', 'network-traffic-protection', 'shared'),
  -- requests are signed with the keys of an IAM principal or STS credentials
  --   https://docs.aws.amazon.com/cost-management/latest/userguide/infrastructure-security.html
  ('ce', 'iam-user-access-management', 'customer-specific'),
  -- CUR: the customer benefits from AWS's data centre and network architecture
  --   https://docs.aws.amazon.com/cur/latest/userguide/security-cur.html
  ('cur', 'physical-and-environmental', 'inherited'),
  -- access control and IAM permissions to use CUR are the customer's
  --   https://docs.aws.amazon.com/cur/latest/userguide/security-cur.html
  ('cur', 'iam-user-access-management', 'customer-specific'),
  -- Messaging, media and contact centre
  -- End User Messaging encrypts data at rest and in transit within the AWS boundary
  --   https://docs.aws.amazon.com/end-user-messaging/latest/userguide/nx-security-data-encryption.html
  ('sms-voice', 'server-side-encryption', 'shared'),
  -- clients must support TLS 1.2; SMS leaves the AWS boundary over the SMS protocol
  --   https://docs.aws.amazon.com/sms-voice/latest/userguide/vulnerability-analysis-and-management.html
  ('sms-voice', 'network-traffic-protection', 'shared'),
  -- User Notifications: clients must support TLS 1.2 with perfect forward secrecy
  --   https://docs.aws.amazon.com/notifications/latest/userguide/infrastructure-security.html
  ('notifications', 'network-traffic-protection', 'shared'),
  -- requests are signed with the keys of an IAM principal or STS credentials
  --   https://docs.aws.amazon.com/notifications/latest/userguide/infrastructure-security.html
  ('notifications', 'iam-user-access-management', 'customer-specific'),
  -- Chime SDK: clients must support TLS 1.2 with perfect forward secrecy
  --   https://docs.aws.amazon.com/chime-sdk/latest/ag/infrastructure-security.html
  ('chime', 'network-traffic-protection', 'shared'),
  -- voice analytics audio files encrypted with the customer's managed key
  --   https://docs.aws.amazon.com/chime-sdk/latest/ag/analytics-encryption.html
  ('chime', 'server-side-encryption', 'shared'),
  -- Q in Connect: knowledge documents under the customer's key or a service-owned key
  --   https://docs.aws.amazon.com/connect/latest/adminguide/key-management.html
  ('wisdom', 'server-side-encryption', 'shared'),
  -- the knowledge documents are the customer's content
  --   https://docs.aws.amazon.com/connect/latest/adminguide/key-management.html
  ('wisdom', 'data', 'customer-specific'),
  -- IVS Chat: WSS and HTTPS with TLS 1.2 or later to AWS's edge
  --   https://docs.aws.amazon.com/ivs/latest/ChatUserGuide/security-infrastructure.html
  ('ivschat', 'network-traffic-protection', 'shared'),
  -- protected by AWS global network security procedures
  --   https://docs.aws.amazon.com/ivs/latest/ChatUserGuide/security-infrastructure.html
  ('ivschat', 'physical-and-environmental', 'inherited'),
  -- Data Exports: exports land in the customer's S3 bucket, under its bucket policy
  --   https://docs.aws.amazon.com/cur/latest/userguide/dataexports-create.html
  ('bcm-data-exports', 'data', 'customer-specific'),
  -- the customer sets up the bucket policy that lets the service write
  --   https://docs.aws.amazon.com/cur/latest/userguide/dataexports-create.html
  ('bcm-data-exports', 'iam-user-access-management', 'customer-specific'),
  -- Connector for the customer's Active Directory
  -- Connector for AD: no local agents or proxy servers to deploy, patch or update
  --   https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ad_connector_pca_connector.html
  ('pca-connector-ad', 'os-patching', 'inherited'),
  -- the customer shares CA and directory, sets security groups and IAM policies
  --   https://docs.aws.amazon.com/privateca/latest/userguide/connector-for-ad-getting-started-prerequisites.html
  ('pca-connector-ad', 'iam-user-access-management', 'customer-specific'),
  -- MediaPackage v2: clients must support TLS 1.2 with perfect forward secrecy
  --   https://docs.aws.amazon.com/mediapackage/latest/userguide/infrastructure-security.html
  ('mediapackagev2', 'network-traffic-protection', 'shared'),
  -- CDN authorization: the customer's secret header value or SigV4 from CloudFront
  --   https://docs.aws.amazon.com/mediapackage/latest/userguide/cdn-auth.html
  ('mediapackagev2', 'iam-user-access-management', 'customer-specific'),
  -- outbound campaigns: customer managed key or AWS owned key
  --   https://docs.aws.amazon.com/connect/latest/APIReference/API_connect-outbound-campaigns-v2_EncryptionConfig.html
  ('connect-campaigns', 'server-side-encryption', 'shared'),
  -- the campaigns and contact data are the customer's
  --   https://docs.aws.amazon.com/connect/latest/APIReference/API_connect-outbound-campaigns-v2_EncryptionConfig.html
  ('connect-campaigns', 'data', 'customer-specific'),
  -- Security Agent: test environments should hold no live customer data; tests may modify data
  --   https://docs.aws.amazon.com/securityagent/latest/userguide/security-best-practices.html
  ('securityagent', 'data', 'customer-specific'),
  -- administrators configure Agent Spaces and manage user access in the console
  --   https://docs.aws.amazon.com/securityagent/latest/userguide/how-it-works.html
  ('securityagent', 'iam-user-access-management', 'customer-specific')
) AS t(s, c, want)
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- the provider or the customer takes part where the page says so, layer by layer (srm.explain)
SELECT s AS service, c AS control, e.layer_id, e.responsibility, e.origin,
       e.responsibility @> want::responsibility AS holds
FROM (VALUES
  -- Inspector Classic: the agent on the customer's instances
  --   https://docs.aws.amazon.com/inspector/v1/APIReference/API_AgentPreview.html
  ('inspector', 'os-patching', 'operating-system', 'provider, customer'),
  -- OpenSearch Serverless: AWS encrypts every collection; the customer may choose the key
  --   https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-encryption.html
  ('aoss', 'server-side-encryption', 'server-side-encryption', 'provider, customer'),
  -- HealthLake encrypts in transit with TLS 1.2
  --   https://docs.aws.amazon.com/healthlake/latest/devguide/encryption-in-transit.html
  ('healthlake', 'network-traffic-protection', 'network-traffic', 'provider'),
  -- Location: AWS owned keys always, customer managed key as a second layer
  --   https://docs.aws.amazon.com/location/latest/developerguide/encryption-at-rest.html
  ('geo', 'server-side-encryption', 'server-side-encryption', 'provider, customer'),
  -- Billing and Cost Management is protected by AWS global network security
  --   https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/infrastructure-security.html
  ('billing', 'network-traffic-protection', 'network-traffic', 'provider'),
  -- End User Messaging encrypts the data as it receives and stores it
  --   https://docs.aws.amazon.com/end-user-messaging/latest/userguide/nx-security-data-encryption.html
  ('sms-voice', 'server-side-encryption', 'server-side-encryption', 'provider'),
  -- voice analytics: the key is the customer's, which it creates, owns and manages
  --   https://docs.aws.amazon.com/chime-sdk/latest/ag/analytics-encryption.html
  ('chime', 'server-side-encryption', 'server-side-encryption', 'customer'),
  -- Connector for AD: AWS runs the connector; nothing on the customer's hosts
  --   https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ad_connector_pca_connector.html
  ('pca-connector-ad', 'os-patching', 'operating-system', 'provider')
) AS t(s, c, layer, want)
JOIN LATERAL explain(s, c) AS e ON e.layer_id = t.layer
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- retired services: the end-of-support statement of the page is in the rationale,
-- and the row says the service is retired
SELECT s AS service, stated,
       rationale LIKE 'Retired: %' AND rationale LIKE '%' || stated || '%' AS holds
FROM (VALUES
  --   https://docs.aws.amazon.com/inspector/v1/userguide/inspector-arns-resources.html
  ('inspector', 'May 20, 2026'),
  ('inspector', 'console and resources cannot be accessed'),
  --   https://docs.aws.amazon.com/lookout-for-vision/latest/APIReference/Welcome.html
  ('lookoutvision', 'October 31, 2025'),
  ('lookoutvision', 'console and resources cannot be accessed'),
  --   https://docs.aws.amazon.com/lookoutmetrics/latest/dev/detectors-manage.html
  ('lookoutmetrics', 'September 12, 2025'),
  ('lookoutmetrics', 'console and resources cannot be accessed'),
  --   https://docs.aws.amazon.com/lookout-for-equipment/latest/ug/API_DatasetSchema.html
  ('lookoutequipment', 'October 7, 2026'),
  ('lookoutequipment', 'console and resources cannot be accessed'),
  --   https://docs.aws.amazon.com/connect/latest/adminguide/voiceid-apis.html
  ('voiceid', 'May 20, 2026'),
  ('voiceid', 'console and resources cannot be accessed'),
  --   https://docs.aws.amazon.com/pinpoint/latest/developerguide/service_code_examples_pinpoint_scenarios.html
  ('mobiletargeting', 'October 30, 2026'),
  ('mobiletargeting', 'AWS End User Messaging')
) AS t(s, stated)
JOIN service ON service.provider = 'aws' AND service.service_namespace = t.s
ORDER BY t.s COLLATE "C", t.stated COLLATE "C";
