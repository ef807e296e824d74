\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
-- Managed services reviewed one by one against AWS's own documentation (issue
-- 8, item 4), second batch: components on the customer's hosts or tasks,
-- security and governance services, networking, managed AI.  Every check
-- below is a statement of the page cited beside it; `holds` must be true on
-- every row.
SET search_path = srm, public;

-- each service of this batch: reviewed, its model, its deviations, and a
-- source naming AWS documentation pages
SELECT s.service_namespace, s.model_id, s.reviewed,
       s.source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%' AS cites_aws_page,
       (SELECT string_agg(sl.layer_id, ', ' ORDER BY l.ordinal)
          FROM service_layer sl JOIN layer l USING (layer_id)
         WHERE sl.provider = s.provider AND sl.service_namespace = s.service_namespace) AS deviations
FROM service s
WHERE s.service_namespace IN ('acm-pca', 'appflow', 'appmesh', 'aps', 'auditmanager',
      'bedrock', 'cleanrooms', 'comprehend', 'connect', 'controltower', 'databrew',
      'dataexchange', 'datazone', 'fis', 'fms', 'globalaccelerator', 'grafana',
      'identitystore', 'inspector2', 'lakeformation', 'macie2', 'networkflowmonitor',
      'osis', 'personalize', 'quicksight', 'rekognition', 'rolesanywhere', 'securitylake',
      'sso', 'textract', 'translate', 'verifiedpermissions', 'vpc-lattice', 'waf',
      'waf-regional')
ORDER BY s.service_namespace COLLATE "C";

-- every deviation of this batch gives a reason and cites an AWS documentation page
SELECT count(*) AS deviations,
       count(*) FILTER (WHERE reason <> '' AND source LIKE 'AWS documentation: %(https://docs.aws.amazon.com/%)') AS sourced
FROM service_layer
WHERE provider = 'aws'
  AND service_namespace IN (SELECT unnest(ARRAY[
        'acm-pca', 'appflow', 'appmesh', 'aps', 'auditmanager', 'bedrock', 'cleanrooms',
        'comprehend', 'connect', 'controltower', 'databrew', 'dataexchange', 'datazone',
        'fis', 'fms', 'globalaccelerator', 'grafana', 'identitystore', 'inspector2',
        'lakeformation', 'macie2', 'networkflowmonitor', 'osis', 'personalize',
        'quicksight', 'rekognition', 'rolesanywhere', 'securitylake', 'sso', 'textract',
        'translate', 'verifiedpermissions', 'vpc-lattice', 'waf', 'waf-regional']));

-- the statements, each with its page
SELECT s AS service, c AS control, responsibility_of(s, c) AS responsibility,
       classify(s, c) AS class, classify(s, c)::text = want AS holds
FROM (VALUES
  -- Components on the customer's hosts or tasks
  -- App Mesh: the Envoy proxy runs in the customer's tasks, pods or instances; the customer upgrades it
  --   https://docs.aws.amazon.com/app-mesh/latest/userguide/envoy.html
  ('appmesh', 'SI-2', 'shared'),
  ('appmesh', 'patch-management', 'shared'),
  -- Network Flow Monitor: agents the customer installs on its EC2 instances and EKS nodes
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-NetworkFlowMonitor.html
  ('networkflowmonitor', 'os-patching', 'shared'),
  ('networkflowmonitor', 'physical-and-environmental', 'inherited'),
  -- IAM Roles Anywhere: certificates and private keys of workloads in the customer's data centres,
  -- signed for by a credential helper the customer installs
  --   https://docs.aws.amazon.com/rolesanywhere/latest/userguide/public-key-infrastructure.html
  --   https://docs.aws.amazon.com/rolesanywhere/latest/userguide/credential-helper.html
  ('rolesanywhere', 'physical-and-environmental', 'shared'),
  ('rolesanywhere', 'os-patching', 'shared'),
  -- Security, governance and identity services
  -- Managed Grafana: the customer moves each workspace to a newer Grafana version
  --   https://docs.aws.amazon.com/grafana/latest/userguide/AMG-workspace-version-update.html
  ('grafana', 'patch-management', 'shared'),
  ('grafana', 'SI-2', 'shared'),
  -- Control Tower: the customer's administrators keep the landing zone updated (patched)
  --   https://docs.aws.amazon.com/controltower/latest/userguide/configuration-updates.html
  ('controltower', 'patch-management', 'shared'),
  ('controltower', 'SI-2', 'shared'),
  -- Private CA: CA private keys in AWS-managed HSMs; the customer controls its content
  --   https://docs.aws.amazon.com/privateca/latest/userguide/data-protection.html
  ('acm-pca', 'server-side-encryption', 'inherited'),
  ('acm-pca', 'data', 'customer-specific'),
  -- Inspector: AWS protects the infrastructure; the customer's data and configuration are its own
  --   https://docs.aws.amazon.com/inspector/latest/user/security.html
  ('inspector2', 'physical-and-environmental', 'inherited'),
  ('inspector2', 'data', 'customer-specific'),
  -- Macie: AWS protects the global infrastructure; the customer keeps control over its content
  --   https://docs.aws.amazon.com/macie/latest/user/data-protection.html
  ('macie2', 'physical-and-environmental', 'inherited'),
  ('macie2', 'data', 'customer-specific'),
  -- Security Lake: the same split
  --   https://docs.aws.amazon.com/security-lake/latest/userguide/data-protection.html
  ('securitylake', 'physical-and-environmental', 'inherited'),
  ('securitylake', 'data', 'customer-specific'),
  -- Verified Permissions: the same split; policies and entities are the customer's
  --   https://docs.aws.amazon.com/verifiedpermissions/latest/userguide/security-data-protection.html
  ('verifiedpermissions', 'physical-and-environmental', 'inherited'),
  ('verifiedpermissions', 'iam-user-access-management', 'customer-specific'),
  -- Lake Formation: the same split
  --   https://docs.aws.amazon.com/lake-formation/latest/dg/data-protection.html
  ('lakeformation', 'physical-and-environmental', 'inherited'),
  ('lakeformation', 'data', 'customer-specific'),
  -- WAF Classic (global and regional): a managed service; the conditions that block requests are the customer's
  --   https://docs.aws.amazon.com/waf/latest/developerguide/infrastructure-security.html
  --   https://docs.aws.amazon.com/waf/latest/developerguide/classic-waf-chapter.html
  ('waf', 'physical-and-environmental', 'inherited'),
  ('waf', 'network-security', 'customer-specific'),
  ('waf-regional', 'physical-and-environmental', 'inherited'),
  ('waf-regional', 'network-security', 'customer-specific'),
  -- Firewall Manager: a managed service; API clients must support TLS 1.2
  --   https://docs.aws.amazon.com/waf/latest/developerguide/fms-infrastructure-security.html
  ('fms', 'physical-and-environmental', 'inherited'),
  ('fms', 'network-traffic-protection', 'shared'),
  -- Networking
  -- VPC Lattice: TLS on both planes, set by the service; the customer controls its content
  --   https://docs.aws.amazon.com/vpc-lattice/latest/ug/data-protection.html
  ('vpc-lattice', 'network-traffic-protection', 'shared'),
  ('vpc-lattice', 'data', 'customer-specific'),
  -- Global Accelerator: security groups still apply to traffic reaching the customer's endpoints
  --   https://docs.aws.amazon.com/global-accelerator/latest/dg/secure-vpc-connections.html
  --   https://docs.aws.amazon.com/global-accelerator/latest/dg/security.html
  ('globalaccelerator', 'network-security', 'customer-specific'),
  ('globalaccelerator', 'physical-and-environmental', 'inherited'),
  -- Managed AI and analytics
  -- Bedrock: AWS protects the global infrastructure; the customer keeps control over its content
  --   https://docs.aws.amazon.com/bedrock/latest/userguide/data-protection.html
  ('bedrock', 'physical-and-environmental', 'inherited'),
  ('bedrock', 'data', 'customer-specific'),
  -- Rekognition: stored media encrypted by AWS (SSE-KMS), Custom Labels with a key the customer may provide
  --   https://docs.aws.amazon.com/rekognition/latest/dg/security-data-encryption.html
  ('rekognition', 'server-side-encryption', 'shared'),
  ('rekognition', 'data', 'customer-specific'),
  -- Comprehend: security of the cloud is AWS's; the sensitivity of the data is the customer's
  --   https://docs.aws.amazon.com/comprehend/latest/dg/comp-security.html
  ('comprehend', 'physical-and-environmental', 'inherited'),
  ('comprehend', 'data', 'customer-specific'),
  -- Textract: AWS protects the global infrastructure; the customer keeps control over its content
  --   https://docs.aws.amazon.com/textract/latest/dg/data-protection.html
  ('textract', 'physical-and-environmental', 'inherited'),
  ('textract', 'data', 'customer-specific'),
  -- Personalize: the same split
  --   https://docs.aws.amazon.com/personalize/latest/dg/data-protection.html
  ('personalize', 'physical-and-environmental', 'inherited'),
  ('personalize', 'data', 'customer-specific'),
  -- Translate: output encrypted with an AWS managed key by default or a customer managed key
  --   https://docs.aws.amazon.com/translate/latest/dg/encryption-at-rest.html
  --   https://docs.aws.amazon.com/translate/latest/dg/data-protection.html
  ('translate', 'server-side-encryption', 'shared'),
  ('translate', 'data', 'customer-specific'),
  -- Second look: identity, observability, analytics and data services
  -- IAM Identity Center and its Identity Store: AWS protects the infrastructure; the customer keeps
  -- control of its organization's data (users and groups kept until it deletes them)
  --   https://docs.aws.amazon.com/singlesignon/latest/userguide/data-protection.html
  ('sso', 'physical-and-environmental', 'inherited'),
  ('sso', 'data', 'customer-specific'),
  ('identitystore', 'physical-and-environmental', 'inherited'),
  ('identitystore', 'data', 'customer-specific'),
  -- Managed Service for Prometheus: AWS owned keys by default, a customer managed key at creation
  --   https://docs.aws.amazon.com/prometheus/latest/userguide/encryption-at-rest-Amazon-Service-Prometheus.html
  --   https://docs.aws.amazon.com/prometheus/latest/userguide/data-protection.html
  ('aps', 'server-side-encryption', 'shared'),
  ('aps', 'data', 'customer-specific'),
  -- Fault Injection Service: security of the cloud is AWS's; the sensitivity of the data is the customer's
  --   https://docs.aws.amazon.com/fis/latest/userguide/security.html
  ('fis', 'physical-and-environmental', 'inherited'),
  ('fis', 'data', 'customer-specific'),
  -- DataZone: the customer keeps control over its content and grants the permissions
  --   https://docs.aws.amazon.com/datazone/latest/userguide/data-protection.html
  ('datazone', 'physical-and-environmental', 'inherited'),
  ('datazone', 'iam-user-access-management', 'customer-specific'),
  -- OpenSearch Ingestion: serverless; no infrastructure to manage and no software to patch
  --   https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ingestion.html
  ('osis', 'os-patching', 'inherited'),
  ('osis', 'patch-management', 'inherited'),
  -- QuickSight: SPICE data encrypted with AWS managed keys unless the customer registers its own key
  --   https://docs.aws.amazon.com/quicksuite/latest/userguide/data-encryption.html
  ('quicksight', 'server-side-encryption', 'shared'),
  ('quicksight', 'data', 'customer-specific'),
  -- Audit Manager: AWS protects the global infrastructure; the customer keeps control over its content
  --   https://docs.aws.amazon.com/audit-manager/latest/userguide/data-protection.html
  ('auditmanager', 'physical-and-environmental', 'inherited'),
  ('auditmanager', 'data', 'customer-specific'),
  -- Clean Rooms: the customer determines the restrictions and configures the analysis rules
  --   https://docs.aws.amazon.com/clean-rooms/latest/userguide/best-practices.html
  --   https://docs.aws.amazon.com/clean-rooms/latest/userguide/data-protection.html
  ('cleanrooms', 'data', 'customer-specific'),
  ('cleanrooms', 'physical-and-environmental', 'inherited'),
  -- Data Exchange: security of the cloud is AWS's; the sensitivity of the data is the customer's
  --   https://docs.aws.amazon.com/data-exchange/latest/userguide/security.html
  ('dataexchange', 'physical-and-environmental', 'inherited'),
  ('dataexchange', 'data', 'customer-specific'),
  -- AppFlow: AWS protects the global infrastructure; the customer keeps control over its content
  --   https://docs.aws.amazon.com/appflow/latest/userguide/data-protection.html
  ('appflow', 'physical-and-environmental', 'inherited'),
  ('appflow', 'data', 'customer-specific'),
  -- DataBrew: AWS protects the global infrastructure; the customer keeps control over its content
  --   https://docs.aws.amazon.com/databrew/latest/dg/data-protection.html
  ('databrew', 'physical-and-environmental', 'inherited'),
  ('databrew', 'data', 'customer-specific'),
  -- Connect: contact data under AWS owned keys; recordings in the customer's bucket under the key it configured
  --   https://docs.aws.amazon.com/connect/latest/adminguide/encryption-at-rest.html
  ('connect', 'server-side-encryption', 'shared'),
  ('connect', 'data', 'customer-specific')
) AS t(s, c, want)
ORDER BY t.s COLLATE "C", t.c COLLATE "C";

-- the customer or AWS takes part where the page says so, layer by layer (srm.explain)
SELECT s AS service, c AS control, e.layer_id, e.responsibility, e.origin,
       e.responsibility @> want::responsibility AS holds
FROM (VALUES
  -- App Mesh: AWS patches the Envoy image, the customer deploys and upgrades it
  --   https://docs.aws.amazon.com/app-mesh/latest/userguide/envoy.html
  ('appmesh', 'SI-2', 'platform', 'provider, customer'),
  -- Network Flow Monitor: the agent on the customer's instances
  --   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-NetworkFlowMonitor.html
  ('networkflowmonitor', 'os-patching', 'operating-system', 'provider, customer'),
  -- IAM Roles Anywhere: the customer's CA, certificates and private keys
  --   https://docs.aws.amazon.com/rolesanywhere/latest/userguide/public-key-infrastructure.html
  ('rolesanywhere', 'iam-user-access-management', 'identity-access', 'customer'),
  -- Control Tower: landing zone updates are the customer's administrators' task
  --   https://docs.aws.amazon.com/controltower/latest/userguide/configuration-updates.html
  ('controltower', 'patch-management', 'application', 'provider, customer'),
  -- Private CA: keys in AWS-managed HSMs, no customer part
  --   https://docs.aws.amazon.com/privateca/latest/userguide/data-protection.html
  ('acm-pca', 'server-side-encryption', 'server-side-encryption', 'provider')
) AS t(s, c, layer, want)
JOIN LATERAL explain(s, c) AS e ON e.layer_id = t.layer
ORDER BY t.s COLLATE "C", t.c COLLATE "C";
