-- Consistency across providers (issue 13, item 3), Azure pairs: equivalent
-- services on equivalent models give the same answers for every control of
-- the NIST SP 800-53 MODERATE baseline, unless a sourced deviation below
-- says otherwise.  Answers are compared by their parties (provider,
-- customer, partner), since Microsoft's table has no qualifiers.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

CREATE TEMPORARY TABLE pair (azure text PRIMARY KEY, aws text NOT NULL);
INSERT INTO pair VALUES
    ('Microsoft.Compute/virtualMachines', 'AWS::EC2::Instance'),
    ('Microsoft.Compute/virtualMachineScaleSets', 'AWS::AutoScaling::AutoScalingGroup'),
    ('Microsoft.Compute/disks', 'AWS::EC2::Volume'),
    ('Microsoft.Network/virtualNetworks', 'AWS::EC2::VPC'),
    ('Microsoft.Network/networkSecurityGroups', 'AWS::EC2::SecurityGroup'),
    ('Microsoft.Sql/servers/databases', 'AWS::RDS::DBInstance'),
    ('Microsoft.DBforPostgreSQL/flexibleServers', 'AWS::RDS::DBInstance'),
    ('Microsoft.DBforMySQL/flexibleServers', 'AWS::RDS::DBInstance'),
    ('Microsoft.Storage/storageAccounts/blobServices/containers', 'AWS::S3::Bucket'),
    ('Microsoft.ContainerService/managedClusters', 'AWS::EKS::Cluster'),
    ('Microsoft.Web/sites/functions', 'AWS::Lambda::Function'),
    ('Microsoft.Web/sites', 'AWS::ElasticBeanstalk::Environment'),
    ('Microsoft.App/containerApps', 'AWS::ECS::Service'),
    ('Microsoft.KeyVault/vaults/keys', 'AWS::KMS::Key'),
    ('Microsoft.KeyVault/vaults/secrets', 'AWS::SecretsManager::Secret'),
    ('Microsoft.ContainerRegistry/registries', 'AWS::ECR::Repository'),
    ('Microsoft.DocumentDB/databaseAccounts', 'AWS::DynamoDB::Table'),
    ('Microsoft.EventHub/namespaces/eventhubs', 'AWS::Kinesis::Stream'),
    ('Microsoft.ServiceBus/namespaces/queues', 'AWS::SQS::Queue'),
    ('Microsoft.Network/loadBalancers', 'AWS::ElasticLoadBalancingV2::LoadBalancer'),
    ('Microsoft.OperationalInsights/workspaces', 'AWS::Logs::LogGroup'),
    ('Microsoft.Sql/managedInstances', 'AWS::RDS::DBInstance'),
    ('Microsoft.Network/applicationGateways', 'AWS::ElasticLoadBalancingV2::LoadBalancer'),
    ('Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies', 'AWS::WAFv2::WebACL'),
    ('Microsoft.ManagedIdentity/userAssignedIdentities', 'AWS::IAM::Role'),
    ('Microsoft.Security/pricings', 'AWS::GuardDuty::Detector'),
    ('Microsoft.Resources/subscriptions', 'AWS::Organizations::Account');

-- The sourced deviations: a layer on which the pair may differ, for every
-- pair whose Azure side is on a model (model_id) or is a service
-- (service_namespace).
CREATE TEMPORARY TABLE deviation (
    deviation text PRIMARY KEY, layer_id text NOT NULL, model_id text, service_namespace text, source text NOT NULL,
    CHECK ((model_id IS NULL) <> (service_namespace IS NULL)));
INSERT INTO deviation VALUES
    ('PaaS applications are shared', 'application', 'azure-paas', NULL,
     'Microsoft Learn: Shared responsibility in the cloud (Applications: Shared in PaaS; Microsoft manages parts of the application stack, the customer its configuration, code security and access controls), where AWS gives the application to the customer (container model) or to AWS (abstracted model)'),
    ('PaaS network controls are shared', 'network-config', 'azure-paas', NULL,
     'Microsoft Learn: Shared responsibility in the cloud (Network controls: Shared in PaaS; Microsoft provides baseline network security, the customer configures application-level network controls), where srm keeps network-config the customer''s on every AWS model'),
    ('IaaS disks are encrypted by the platform', 'server-side-encryption', 'azure-iaas', NULL,
     'Microsoft Learn: Azure data encryption at rest (platform-managed keys by default), where AWS lists server-side encryption as the customer''s for EC2'),
    ('SQL Database is versionless', 'platform', NULL, 'azure-sql-database',
     'Microsoft Learn: What is Azure SQL Database? (always the latest stable engine, patched without user involvement), where RDS engine versions and maintenance are chosen by the customer'),
    ('App Service patches the OS monthly', 'operating-system', NULL, 'app-service',
     'Microsoft Learn: OS and runtime patching in Azure App Service (OS updates applied automatically, monthly), where Elastic Beanstalk''s managed platform updates are the customer''s to enable'),
    ('Key Vault always protects what it stores', 'server-side-encryption', NULL, 'key-vault',
     'Microsoft Learn: About Azure Key Vault (FIPS 140 validated software or HSMs, no setting), where Secrets Manager encrypts with a KMS key the customer may choose'),
    ('SaaS applications are shared', 'application', 'azure-saas', NULL,
     'Microsoft Learn: Shared responsibility in the cloud (Applications: Shared in SaaS; Microsoft manages parts of the application stack, the customer its configuration and access controls), where AWS runs the application of its abstracted services'),
    ('SaaS network controls are Microsoft''s', 'network-config', 'azure-saas', NULL,
     'Microsoft Learn: Shared responsibility in the cloud (Network controls: Microsoft in SaaS; in SaaS, Microsoft manages network security), where srm keeps network-config the customer''s on every AWS model'),
    ('SaaS traffic is protected by Microsoft', 'network-traffic', 'azure-saas', NULL,
     'Microsoft Learn: Shared responsibility in the cloud (Network controls: Microsoft in SaaS, mapped to network-traffic too by data/azure_layer_map.csv), where AWS''s abstracted services offer TLS settings the customer configures'),
    ('SaaS data is encrypted by Microsoft', 'server-side-encryption', 'azure-saas', NULL,
     'Microsoft Learn: Azure data encryption at rest (srm''s SaaS model: Microsoft encrypts what the application stores), where AWS''s abstracted services let the customer choose the key'),
    ('Load Balancer stores no content', 'server-side-encryption', NULL, 'load-balancer',
     'Microsoft Learn: Azure security baseline for Azure Load Balancer (stores customer content at rest: False), where srm keeps Elastic Load Balancing on the abstracted model''s server-side encryption'),
    ('Load Balancer does not terminate TLS', 'network-traffic', NULL, 'load-balancer',
     'Microsoft Learn: Secure your Azure Load Balancer deployment (layer 4, no TLS termination: encryption end to end is the customer''s), where an AWS load balancer terminates TLS with the customer''s certificates and policy'),
    ('Resource Manager stores no content', 'server-side-encryption', NULL, 'resource-manager',
     'Microsoft Learn: Azure security baseline for Azure Resource Manager (stores customer content at rest: False), where srm keeps AWS Organizations on the abstracted model''s server-side encryption');

-- each side's layers at the grain srm answers for
CREATE TEMPORARY TABLE pair_layer AS
SELECT p.azure, p.aws, sa.model_id, la.service_namespace AS azure_service, z.layer_id,
       z.responsibility OPERATOR(srm.&) 'provider, customer, partner' AS azure_parties,
       w.responsibility OPERATOR(srm.&) 'provider, customer, partner' AS aws_parties
FROM pair p
CROSS JOIN LATERAL srm_internal.locate(p.azure) la
CROSS JOIN LATERAL srm_internal.locate(p.aws) lw
JOIN service sa ON sa.provider = la.provider AND sa.service_namespace = la.service_namespace
JOIN srm_internal.grain_layer_effective z ON z.grain_id = la.grain_id
JOIN srm_internal.grain_layer_effective w ON w.grain_id = lw.grain_id AND w.layer_id = z.layer_id;

-- every pair resolved on both sides, twelve layers each
SELECT count(DISTINCT azure) AS pairs, count(*) AS layers_compared FROM pair_layer;
-- the layers where a pair differs, each with the deviation that allows it
SELECT l.azure, l.aws, l.layer_id, l.azure_parties, l.aws_parties, d.deviation
FROM pair_layer l
LEFT JOIN deviation d ON d.layer_id = l.layer_id AND (d.model_id = l.model_id OR d.service_namespace = l.azure_service)
WHERE l.azure_parties IS DISTINCT FROM l.aws_parties
ORDER BY l.azure, l.layer_id;
-- none unexplained, and no deviation listed that no pair needs
SELECT l.azure, l.layer_id AS unexplained FROM pair_layer l
WHERE l.azure_parties IS DISTINCT FROM l.aws_parties
  AND NOT EXISTS (SELECT FROM deviation d WHERE d.layer_id = l.layer_id
                    AND (d.model_id = l.model_id OR d.service_namespace = l.azure_service))
ORDER BY 1, 2;
SELECT d.deviation AS unused FROM deviation d
WHERE NOT EXISTS (SELECT FROM pair_layer l WHERE l.layer_id = d.layer_id
                    AND (d.model_id = l.model_id OR d.service_namespace = l.azure_service)
                    AND l.azure_parties IS DISTINCT FROM l.aws_parties)
ORDER BY 1;

-- every control of the MODERATE baseline, both sides through the bulk API
CREATE TEMPORARY TABLE answer AS
SELECT r.asset, r.control_id, r.responsibility OPERATOR(srm.&) 'provider, customer, partner' AS parties, r.known_asset
FROM responsibilities((SELECT array_agg(a) FROM (SELECT azure FROM pair UNION SELECT aws FROM pair) x(a)),
                      (SELECT array_agg(c.label ORDER BY c.sort_id) FROM control c
                       WHERE c.framework_id = 'nist-800-53-r5' AND 'MODERATE' = ANY (c.baselines) AND c.status = 'active')) r;
SELECT count(*) FILTER (WHERE NOT known_asset) AS unknown_assets, count(DISTINCT control_id) AS moderate_controls FROM answer;
-- per pair: controls answered alike, and those that differ, each because
-- it acts on a layer a deviation allows
SELECT p.azure, p.aws,
       count(*) FILTER (WHERE z.parties = w.parties) AS same,
       count(*) FILTER (WHERE z.parties IS DISTINCT FROM w.parties) AS differ,
       count(*) FILTER (WHERE z.parties IS DISTINCT FROM w.parties AND NOT EXISTS (
           SELECT FROM control_layer cl JOIN pair_layer l ON l.azure = p.azure AND l.layer_id = cl.layer_id
           WHERE cl.framework_id = 'nist-800-53-r5' AND cl.control_id = z.control_id
             AND l.azure_parties IS DISTINCT FROM l.aws_parties)) AS unexplained
FROM pair p
JOIN answer z ON z.asset = p.azure
JOIN answer w ON w.asset = p.aws AND w.control_id = z.control_id
GROUP BY p.azure, p.aws ORDER BY p.azure;
-- what the test compares is what srm.responsibility_of answers, one by one
SELECT p.azure, count(*) AS checked
FROM pair p JOIN answer z ON z.asset = p.azure
WHERE z.control_id IN ('si-2', 'sc-28', 'ac-2', 'sc-7')
  AND z.parties = responsibility_of(p.azure, z.control_id) OPERATOR(srm.&) 'provider, customer, partner'
GROUP BY p.azure HAVING count(*) <> 4 ORDER BY 1;
