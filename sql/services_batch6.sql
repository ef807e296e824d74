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
      'autoscaling-plans', 'catalog', 'chatbot', 'iotthingsgraph', 'iottwinmaker', 'license-manager', 'mediaconvert', 'ram',
      'servicediscovery')
ORDER BY s.service_namespace COLLATE "C";

-- every deviation of this batch gives a reason and cites an AWS documentation page
SELECT count(*) AS deviations,
       count(*) FILTER (WHERE reason <> '' AND source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%)') AS sourced
FROM service_layer
WHERE provider = 'aws'
  AND service_namespace IN (
        'autoscaling-plans', 'catalog', 'chatbot', 'iotthingsgraph', 'iottwinmaker', 'license-manager', 'mediaconvert', 'ram',
        'servicediscovery');

-- the statements, each with its page
SELECT s AS service, c AS control, responsibility_of(s, c) AS responsibility,
       classify(s, c) AS class, classify(s, c)::text = want AS holds
FROM (VALUES
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
  ('iotthingsgraph', 'physical-and-environmental', 'inherited')
) AS t(s, c, want)
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- retired services: the end-of-support statement of the page is in the rationale,
-- and the row says the service is retired
SELECT s AS service, stated,
       rationale LIKE 'Retired: %' AND rationale LIKE '%' || stated || '%' AS holds
FROM (VALUES
  --   https://docs.aws.amazon.com/cli/latest/reference/iotthingsgraph/index.html
  ('iotthingsgraph', 'is discontinued')
) AS t(s, stated)
JOIN service ON service.provider = 'aws' AND service.service_namespace = t.s
ORDER BY t.s COLLATE "C", t.stated COLLATE "C";
