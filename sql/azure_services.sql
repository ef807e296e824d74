-- Azure services and resource types (issue 13): each placed on a model with
-- its source; ARM resource ids and ARM / Resource Graph types resolved
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- the services, their models and types, and every one has a source
SELECT s.service_namespace, s.model_id, s.reviewed, s.arn_namespace AS resource_provider,
       (SELECT count(*) FROM resource_type t WHERE t.provider = s.provider AND t.service_namespace = s.service_namespace) AS types,
       (SELECT string_agg(l.layer_id || ' ' || l.responsibility, '; ' ORDER BY l.layer_id) FROM service_layer l
        WHERE l.provider = s.provider AND l.service_namespace = s.service_namespace) AS deviations
FROM service s WHERE s.provider = 'azure' ORDER BY s.service_namespace;
SELECT count(*) AS services, count(*) FILTER (WHERE reviewed) AS reviewed,
       count(*) FILTER (WHERE source !~ 'Microsoft Learn: .*\(https://learn\.microsoft\.com/') AS without_a_microsoft_page
FROM service WHERE provider = 'azure';
SELECT count(*) AS types, count(*) FILTER (WHERE source !~ '^Microsoft Learn: ') AS unsourced,
       count(*) FILTER (WHERE in_config OR in_cloudformation) AS in_aws_lists
FROM resource_type WHERE provider = 'azure';
-- none is left placed by category rule or unreviewed: each says it was
-- reviewed and carries srm's review with its pages
SELECT service_namespace, reviewed, rationale ~ 'Reviewed' AS says_reviewed, source ~ 'srm review$' AS sourced_review
FROM service WHERE provider = 'azure' AND (NOT reviewed OR rationale !~ 'Reviewed' OR source !~ 'srm review$'
      OR source ~ 'category rule' OR rationale ~ 'Not reviewed')
ORDER BY service_namespace;
-- every reviewed service's deviation cites one of its service's pages
SELECT l.service_namespace, l.layer_id FROM service_layer l JOIN service s USING (provider, service_namespace)
WHERE l.provider = 'azure' AND position(split_part(l.source, ' (https', 1) IN s.source) = 0
ORDER BY 1, 2;

-- ARM resource ids, nested and extension resources, in any case; Resource
-- Graph types (lower case) and ARM types
SELECT a, r.form, r.provider, r.service_namespace, r.resource_type, r.account_id, r.resource_id
FROM unnest(ARRAY[
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm1',
    '/SUBSCRIPTIONS/0B1F6471-1BF0-4DDA-AEC3-CB9272F09590/RESOURCEGROUPS/RG-WEB/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM1',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourcegroups/rg-web/providers/microsoft.compute/virtualmachines/vm1/',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-data/providers/Microsoft.Sql/servers/s1/databases/db1',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-data/providers/Microsoft.Sql/servers/s1',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/st1/blobServices/default/containers/logs',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-web/providers/Microsoft.Web/sites/app1',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-web/providers/Microsoft.Web/sites/func1/functions/resize',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-k8s/providers/Microsoft.ContainerService/managedClusters/aks1/agentPools/system',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg1/securityRules/allow-https',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv1',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm1/providers/Microsoft.Insights/diagnosticSettings/to-workspace',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/providers/Microsoft.Authorization/roleAssignments/7b1f0c5e-3a58-4c8e-9a55-1f2b0b3c9d11',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-web',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590',
    'Microsoft.Compute/virtualMachines', 'microsoft.compute/virtualmachines', 'microsoft.sql/servers/databases',
    'Microsoft.DBforPostgreSQL/flexibleServers', 'microsoft.resources/subscriptions/resourcegroups',
    'microsoft.operationalinsights/workspaces', 'microsoft.managedidentity/userassignedidentities',
    'app-service', 'aks', 'vnet', 'log-analytics', 'azure-ad']) a,
     LATERAL resolve_asset(a) r
ORDER BY a COLLATE "C";

-- every shipped Azure type reads back from its ARM id and its Resource Graph type
SELECT count(*) AS types,
       count(*) FILTER (WHERE resource_type_of(lower(t.resource_type)) = t.resource_type) AS by_graph_type,
       count(*) FILTER (WHERE resource_type_of(
           CASE WHEN t.resource_type = 'Microsoft.Resources/subscriptions' THEN '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590'
                WHEN t.resource_type = 'Microsoft.Resources/resourceGroups' THEN '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg'
                ELSE '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/providers/'
                     || t.cfn_namespace || '/' || regexp_replace(t.resource, '([^/]+)', '\1/n', 'g') END) = t.resource_type) AS by_arm_id
FROM resource_type t WHERE t.provider = 'azure';

-- answers for Azure assets
SELECT a, responsibility_of(a, 'SI-2') AS si_2, classify(a, 'os-patching') AS os_patching,
       classify(a, 'network-security') AS network_security, responsibility_of(a, 'SC-28') AS sc_28,
       responsibility_of(a, 'SC-8') AS sc_8
FROM unnest(ARRAY[
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm1',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-data/providers/Microsoft.Sql/servers/s1/databases/db1',
    'microsoft.dbforpostgresql/flexibleservers', 'microsoft.web/sites', 'microsoft.app/containerapps',
    'microsoft.containerservice/managedclusters', 'microsoft.keyvault/vaults', 'microsoft.storage/storageaccounts',
    'microsoft.managedidentity/userassignedidentities', 'microsoft.sql/managedinstances',
    'microsoft.network/loadbalancers', 'microsoft.network/applicationgateways', 'microsoft.resources/subscriptions',
    'microsoft.security/pricings']) a
ORDER BY a COLLATE "C";
SELECT step, kind, layer_id, responsibility, origin
FROM explain('/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-k8s/providers/Microsoft.ContainerService/managedClusters/aks1', 'SI-2')
ORDER BY step;
-- in bulk, unknowns flagged rather than dropped
SELECT asset, control, service_namespace, resource_type, responsibility, class, known_asset, known_control
FROM responsibilities(ARRAY[
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/providers/Microsoft.Compute/galleries/g1',
    'microsoft.eventhub/namespaces'], ARRAY['SC-28', 'CM-6'])
ORDER BY asset COLLATE "C", control;

-- a configuration variant: automatic VM guest patching (an Azure asset's
-- configuration is the ARM resource's properties)
SELECT c.label, v.variant, v.variants -> 0 -> 'value' AS patch_mode
FROM (VALUES
    ('linux, AutomaticByPlatform', '{"osProfile": {"linuxConfiguration": {"patchSettings": {"patchMode": "AutomaticByPlatform"}}}}'::jsonb),
    ('windows, AutomaticByPlatform', '{"osProfile": {"windowsConfiguration": {"enableAutomaticUpdates": true, "patchSettings": {"patchMode": "AutomaticByPlatform"}}}}'),
    ('windows, AutomaticByOS', '{"osProfile": {"windowsConfiguration": {"patchSettings": {"patchMode": "AutomaticByOS"}}}}'),
    ('linux, ImageDefault', '{"osProfile": {"linuxConfiguration": {"patchSettings": {"patchMode": "ImageDefault"}}}}'),
    ('no osProfile', '{}')) AS c(label, conf)
CROSS JOIN LATERAL srm_internal.variant_of('Microsoft.Compute/virtualMachines', c.conf, NULL) v
ORDER BY c.label;
-- the variant's grain moves os-patching from the customer to both
SELECT g.variant, e.responsibility AS operating_system, e.origin,
       (SELECT d.responsibility FROM srm_internal.derivation d
        WHERE d.grain_id = g.grain_id AND d.framework_id = 'aws-srm' AND d.control_id = 'os-patching') AS os_patching
FROM srm_internal.grain g
JOIN srm_internal.grain_layer_effective e ON e.grain_id = g.grain_id AND e.layer_id = 'operating-system'
WHERE g.provider = 'azure' AND g.resource_type = 'Microsoft.Compute/virtualMachines'
ORDER BY g.variant NULLS FIRST;

-- bad input: an unknown type of a known service, an unknown type, malformed ids
SELECT test_error($$SELECT resource_type_of('microsoft.keyvault/vaults/accesspolicies')$$);
SELECT test_error($$SELECT resource_type_of('/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/providers/Microsoft.Sql/servers/s1/jobAgents/j1')$$);
SELECT test_error($$SELECT service_of('Microsoft.Compute/galleries')$$);
SELECT test_error($$SELECT service_of('microsoft.compute/virtualmachinez')$$);
SELECT test_error($$SELECT responsibility_of('/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/providers/Microsoft.Fabric/capacities/c1', 'SI-2')$$);
SELECT test_error($$SELECT service_of('/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines')$$);
SELECT test_error($$SELECT resource_type_of('/subscriptions/')$$);
SELECT test_error($$SELECT classify('/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/Microsoft.Compute/virtualMachines/vm1', 'SI-2')$$);
SELECT test_error($$SELECT resource_type_of('key-vault')$$);

-- a team's account may be an Azure subscription id (kept in lower case)
CREATE ROLE srm_azure_team NOLOGIN;
INSERT INTO team_account VALUES ('srm_azure_team', '0B1F6471-1BF0-4DDA-AEC3-CB9272F09590'), ('srm_azure_team', '123456789012');
SELECT team, account_id FROM team_account WHERE team = 'srm_azure_team' ORDER BY account_id;
SELECT test_error($$INSERT INTO srm.team_account VALUES ('srm_azure_team', '0b1f6471-1bf0-4dda-aec3')$$);
DELETE FROM team_account WHERE team = 'srm_azure_team';
DROP ROLE srm_azure_team;
