-- Audits across clouds (issue 13, item 5): one run over a mixed inventory
-- (an AWS account, an Azure subscription, a Google Cloud project) audits
-- each asset with its own provider's services and derivation; the run's
-- rows and the BI views carry the provider; per-provider figures add up to
-- the run's; equivalent assets on equivalent models have the same gaps;
-- statuses and overrides scoped to a subscription, a project or one of
-- their resources apply; bad scopes are refused.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- the inventory, written as the loaders write it: an Azure asset's account
-- is its subscription (lower case), its resource id its ARM id (lower
-- case), its configuration the ARM resource's properties; a Google asset's
-- account is its project, its resource id its full resource name, its
-- configuration the Cloud Asset Inventory resource data
INSERT INTO asset_load (source, items_read, assets_inserted, assets_updated, items_rejected, unknown_types)
VALUES ('multicloud test', 25, 25, 0, 0, 3);
CREATE TEMPORARY TABLE inv (provider text, account_id text, region text, resource_type text, resource_id text,
                            arn text, configuration jsonb);
INSERT INTO inv VALUES
    ('aws', '111122223333', 'eu-west-1', 'AWS::EC2::Instance', 'i-0aa0000000000001',
     'arn:aws:ec2:eu-west-1:111122223333:instance/i-0aa0000000000001', '{}'),
    ('aws', '111122223333', 'eu-west-1', 'AWS::EC2::Instance', 'i-0aa0000000000002',
     'arn:aws:ec2:eu-west-1:111122223333:instance/i-0aa0000000000002', '{}'),
    ('aws', '111122223333', 'eu-west-1', 'AWS::RDS::DBInstance', 'db-orders',
     'arn:aws:rds:eu-west-1:111122223333:db:orders', '{}'),
    ('aws', '111122223333', 'us-east-1', 'AWS::S3::Bucket', 'mc-logs', 'arn:aws:s3:::mc-logs', '{}'),
    ('aws', '111122223333', 'global', 'AWS::IAM::Role', 'AROA0000000000000001',
     'arn:aws:iam::111122223333:role/deployer', '{}'),
    ('aws', '111122223333', 'eu-west-1', 'AWS::Madeup::Thing', 'thing-1', NULL, '{}'),
    ('azure', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', 'westeurope', 'Microsoft.Compute/virtualMachines',
     '/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/resourcegroups/rg-app/providers/microsoft.compute/virtualmachines/vm-app-1',
     NULL, '{"osProfile": {"linuxConfiguration": {"patchSettings": {"patchMode": "ImageDefault"}}}}'),
    ('azure', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', 'westeurope', 'Microsoft.Compute/virtualMachines',
     '/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/resourcegroups/rg-app/providers/microsoft.compute/virtualmachines/vm-app-2',
     NULL, '{"osProfile": {"linuxConfiguration": {"patchSettings": {"patchMode": "AutomaticByPlatform"}}}}'),
    ('azure', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', 'westeurope', 'Microsoft.Sql/servers/databases',
     '/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/resourcegroups/rg-data/providers/microsoft.sql/servers/sql-1/databases/orders',
     NULL, '{}'),
    ('azure', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', 'westeurope', 'Microsoft.Storage/storageAccounts',
     '/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/resourcegroups/rg-data/providers/microsoft.storage/storageaccounts/mclogs',
     NULL, '{}'),
    ('azure', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', 'westeurope', 'Microsoft.KeyVault/vaults',
     '/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/resourcegroups/rg-sec/providers/microsoft.keyvault/vaults/kv-1',
     NULL, '{}'),
    ('azure', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', 'westeurope', 'Microsoft.Network/networkSecurityGroups',
     '/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/resourcegroups/rg-app/providers/microsoft.network/networksecuritygroups/nsg-app',
     NULL, '{}'),
    ('azure', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', 'westeurope', 'Microsoft.Madeup/things',
     '/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/resourcegroups/rg-app/providers/microsoft.madeup/things/t1',
     NULL, '{}'),
    ('gcp', 'mc-analytics-prod', 'europe-west1-b', 'compute.googleapis.com/Instance',
     '//compute.googleapis.com/projects/mc-analytics-prod/zones/europe-west1-b/instances/vm-etl-1', NULL, '{}'),
    ('gcp', 'mc-analytics-prod', 'europe-west1-b', 'compute.googleapis.com/Instance',
     '//compute.googleapis.com/projects/mc-analytics-prod/zones/europe-west1-b/instances/vm-etl-2', NULL, '{}'),
    ('gcp', 'mc-analytics-prod', 'europe-west1', 'container.googleapis.com/Cluster',
     '//container.googleapis.com/projects/mc-analytics-prod/locations/europe-west1/clusters/gke-auto', NULL,
     '{"name": "gke-auto", "autopilot": {"enabled": true}}'),
    ('gcp', 'mc-analytics-prod', 'europe-west1', 'container.googleapis.com/Cluster',
     '//container.googleapis.com/projects/mc-analytics-prod/locations/europe-west1/clusters/gke-std', NULL,
     '{"name": "gke-std", "autopilot": {}}'),
    ('gcp', 'mc-analytics-prod', 'europe-west1', 'sqladmin.googleapis.com/Instance',
     '//cloudsql.googleapis.com/projects/mc-analytics-prod/instances/pg-orders', NULL, '{}'),
    ('gcp', 'mc-analytics-prod', 'eu', 'storage.googleapis.com/Bucket',
     '//storage.googleapis.com/mc-analytics-raw', NULL, '{}'),
    ('gcp', 'mc-analytics-prod', 'global', 'iam.googleapis.com/ServiceAccount',
     '//iam.googleapis.com/projects/mc-analytics-prod/serviceAccounts/etl@mc-analytics-prod.iam.gserviceaccount.com', NULL, '{}'),
    ('gcp', 'mc-analytics-prod', 'global', 'madeup.googleapis.com/Thing',
     '//madeup.googleapis.com/projects/mc-analytics-prod/things/t1', NULL, '{}');
INSERT INTO asset (provider, account_id, region, resource_type, resource_id, arn, service_namespace, known_type,
                   configuration, load_id)
SELECT i.provider, i.account_id, i.region, i.resource_type, i.resource_id, i.arn, t.service_namespace,
       t.service_namespace IS NOT NULL, i.configuration, 1
FROM inv i LEFT JOIN resource_type t ON t.provider = i.provider AND t.resource_type = i.resource_type;
SELECT provider, account_id, count(*) AS assets, count(*) FILTER (WHERE NOT known_type) AS unknown
FROM asset GROUP BY 1, 2 ORDER BY 1, 2;

SELECT run_audit('nist-800-53-r5', 'MODERATE', NULL, 'mixed') AS run_1 \gset

-- each asset at its provider's grain: the Azure VM patched by the platform
-- and the GKE clusters (Autopilot, Standard) at variants of their own
SELECT provider, resource_type, grain, count(*) AS assets
FROM audit_asset WHERE run_id = :run_1 AND known
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
-- the run's rows carry the provider: AWS's iam and Google's iam are two
-- services with answers of their own
SELECT provider, service_namespace, count(*) AS controls
FROM audit_default WHERE run_id = :run_1 AND service_namespace = 'iam' GROUP BY 1, 2 ORDER BY 1, 2;

-- the figures per provider
SELECT provider, accounts, assets, unknown_assets, asset_controls, gaps, not_applicable, inherited, shared,
       customer_specific, gaps_failing, gaps_passing, gaps_unchecked
FROM bi_provider_mix WHERE run_id = :run_1 ORDER BY provider;
-- equal to the counts of asset x control pairs of srm.audit_result (no row
-- differs), and adding up to the run's
SELECT p.provider, p.asset_controls = r.pairs AS pairs_equal, p.gaps = r.gaps AS gaps_equal,
       p.inherited = r.inherited AS inherited_equal, p.assets - p.unknown_assets = r.assets AS assets_equal
FROM bi_provider_mix p
JOIN (SELECT provider, count(*) AS pairs, count(*) FILTER (WHERE gap) AS gaps,
             count(*) FILTER (WHERE class = 'inherited') AS inherited, count(DISTINCT asset_id) AS assets
      FROM audit_result WHERE run_id = :run_1 GROUP BY provider) r USING (provider)
WHERE p.run_id = :run_1 ORDER BY p.provider;
SELECT b.assets = p.assets AS assets, b.unknown_assets = p.unknown AS unknown, b.asset_controls = p.pairs AS pairs,
       b.gaps = p.gaps AS gaps, b.inherited = p.inherited AS inherited
FROM bi_run b
JOIN (SELECT run_id, sum(assets) AS assets, sum(unknown_assets) AS unknown, sum(asset_controls) AS pairs,
             sum(gaps) AS gaps, sum(inherited) AS inherited
      FROM bi_provider_mix GROUP BY run_id) p USING (run_id)
WHERE b.run_id = :run_1;
-- the other views split by provider too, and add up to the same
SELECT provider, sum(asset_controls) AS asset_controls, sum(gaps) AS gaps
FROM bi_responsibility_mix WHERE run_id = :run_1 GROUP BY 1 ORDER BY 1;
SELECT provider, sum(assets) AS gaps FROM bi_customer_gaps WHERE run_id = :run_1 GROUP BY 1 ORDER BY 1;
SELECT provider, sum(customer_gaps) AS gaps, sum(unchecked) AS unchecked
FROM bi_check_results WHERE run_id = :run_1 GROUP BY 1 ORDER BY 1;
SELECT provider, count(*) AS rows, sum(asset_controls) AS asset_controls, count(attestations) AS with_attestations
FROM bi_inherited_controls WHERE run_id = :run_1 GROUP BY 1 ORDER BY 1;
-- each provider's inherited controls cite that provider's attestations only
SELECT DISTINCT b.provider, b.attestations
FROM bi_inherited_controls b WHERE b.run_id = :run_1 ORDER BY 1, 2;
SELECT provider, resource_type FROM bi_unknown_assets WHERE run_id = :run_1 ORDER BY 1, 2;

-- equivalent assets: an EC2 instance, an Azure VM (its OS patched by the
-- customer, or by the platform) and a Compute Engine instance have the same
-- customer gaps on every control of the baseline: no gap differs
CREATE TEMPORARY TABLE vm_gap AS
SELECT r.provider, a.resource_id, r.control_id, r.gap, r.responsibility::text AS responsibility,
       r.customer_part::text AS customer_part
FROM audit_result r JOIN asset a USING (asset_id)
WHERE r.run_id = :run_1
  AND a.resource_id IN ('i-0aa0000000000001',
                        '/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/resourcegroups/rg-app/providers/microsoft.compute/virtualmachines/vm-app-1',
                        '/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/resourcegroups/rg-app/providers/microsoft.compute/virtualmachines/vm-app-2',
                        '//compute.googleapis.com/projects/mc-analytics-prod/zones/europe-west1-b/instances/vm-etl-1');
SELECT provider, right(resource_id, 8) AS vm, count(*) AS controls, count(*) FILTER (WHERE gap) AS gaps
FROM vm_gap GROUP BY 1, 2 ORDER BY 1, 2;
-- the controls on which a VM's gap differs from the EC2 instance's, with
-- the layers the control acts on
SELECT right(v.resource_id, 8) AS vm, v.control_id, e.gap AS ec2_gap, v.gap,
       (SELECT string_agg(cl.layer_id, ', ' ORDER BY cl.layer_id) FROM control_layer cl
        WHERE cl.framework_id = 'nist-800-53-r5' AND cl.control_id = v.control_id) AS layers
FROM vm_gap v JOIN vm_gap e ON e.provider = 'aws' AND e.control_id = v.control_id
WHERE v.provider <> 'aws' AND v.gap IS DISTINCT FROM e.gap
ORDER BY 1, 2;
-- who takes part differs where the model says so, the gaps never: for the
-- Azure VM patched by the customer, only on controls that act on
-- server-side encryption (the sourced deviation "IaaS disks are encrypted
-- by the platform" of sql/azure_pairs.sql), its customer part unchanged
SELECT right(v.resource_id, 8) AS vm, count(*) FILTER (WHERE v.responsibility <> e.responsibility) AS responsibility_differs,
       count(*) FILTER (WHERE v.customer_part <> e.customer_part) AS customer_part_differs
FROM vm_gap v JOIN vm_gap e ON e.provider = 'aws' AND e.control_id = v.control_id
WHERE v.provider <> 'aws' GROUP BY 1 ORDER BY 1;
SELECT v.control_id, e.responsibility AS ec2, v.responsibility AS azure_vm,
       (SELECT string_agg(cl.layer_id, ', ' ORDER BY cl.layer_id) FROM control_layer cl
        WHERE cl.framework_id = 'nist-800-53-r5' AND cl.control_id = v.control_id) AS layers
FROM vm_gap v JOIN vm_gap e ON e.provider = 'aws' AND e.control_id = v.control_id
WHERE v.resource_id LIKE '%/vm-app-1' AND v.responsibility <> e.responsibility
ORDER BY 1;
-- RDS, Azure SQL Database and Cloud SQL answer flaw remediation (si-2)
-- alike, and so do the VMs whose OS the customer patches; on the Azure VM
-- patched by the platform (patch mode AutomaticByPlatform) the customer
-- configures the patching the platform provides
SELECT r.provider, r.resource_type, r.control_id, r.customer_part, r.gap
FROM audit_result r
WHERE r.run_id = :run_1 AND r.control_id = 'si-2'
  AND r.resource_type IN ('AWS::RDS::DBInstance', 'Microsoft.Sql/servers/databases', 'sqladmin.googleapis.com/Instance',
                          'AWS::EC2::Instance', 'Microsoft.Compute/virtualMachines', 'compute.googleapis.com/Instance')
GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 4;

-- statuses and overrides scoped to a subscription, a project and one of
-- their resources; written in any case, stored as srm.asset holds them
INSERT INTO control_status (framework_id, control_id, provider, account_id, service_namespace, status, evidence)
VALUES ('nist-800-53-r5', 'SI-2', 'azure', '0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0', 'virtual-machines', 'implemented',
        'Azure Update Manager, monthly maintenance configuration');
INSERT INTO control_status (framework_id, control_id, provider, asset, status, evidence)
VALUES ('nist-800-53-r5', 'SC-7', 'azure',
        '/subscriptions/0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0/resourceGroups/rg-app/providers/Microsoft.Network/networkSecurityGroups/nsg-app',
        'implemented', 'deny-by-default rules reviewed quarterly');
INSERT INTO control_status (framework_id, control_id, provider, account_id, service_namespace, status, evidence)
VALUES ('nist-800-53-r5', 'AC-2', 'gcp', 'mc-analytics-prod', 'iam', 'implemented', 'service accounts reviewed by the platform team');
INSERT INTO override (provider, account_id, service_namespace, framework_id, control_id, responsibility, reason)
VALUES ('gcp', 'mc-analytics-prod', 'compute.googleapis.com', 'nist-800-53-r5', 'si-2', 'provider',
        'the project''s VMs run Container-Optimized OS with automatic updates by Google');
INSERT INTO override (provider, asset, framework_id, control_id, responsibility, reason)
VALUES ('gcp', '//storage.googleapis.com/mc-analytics-raw', 'nist-800-53-r5', 'sc-28', 'provider',
        'default encryption at rest by Google, no customer-managed key');
SELECT status_id, provider, account_id, service_namespace, asset, control_id FROM control_status ORDER BY status_id;
SELECT override_id, provider, account_id, service_namespace, asset, control_id FROM override ORDER BY override_id;

SELECT run_audit('nist-800-53-r5', 'MODERATE', NULL, 'mixed, with statuses') AS run_2 \gset
-- each applies to its provider's assets only: the Azure VMs' si-2, the NSG's
-- sc-7, Google's iam (not AWS's) ac-2, the Google VMs' si-2, the bucket's sc-28
SELECT r.provider, r.resource_type, r.control_id, r.responsibility, r.status, r.gap, count(*) AS assets
FROM audit_result r
WHERE r.run_id = :run_2
  AND ((r.control_id = 'si-2' AND r.resource_type IN ('AWS::EC2::Instance', 'Microsoft.Compute/virtualMachines',
                                                      'compute.googleapis.com/Instance'))
       OR (r.control_id = 'sc-7' AND r.resource_type IN ('Microsoft.Network/networkSecurityGroups', 'Microsoft.Compute/virtualMachines'))
       OR (r.control_id = 'ac-2' AND r.service_namespace = 'iam')
       OR (r.control_id = 'sc-28' AND r.resource_type IN ('storage.googleapis.com/Bucket', 'AWS::S3::Bucket')))
GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 3, 1, 2, 4, 5, 6;
-- groups with a scoped status or override are stored, the others folded
SELECT provider, account_id, service_namespace, grain, assets, stored
FROM audit_group WHERE run_id = :run_2 AND stored ORDER BY 1, 2, 3, 4;
-- fewer gaps than run 1, per provider, by the rows above
SELECT p2.provider, p1.gaps AS gaps_run_1, p2.gaps AS gaps_run_2
FROM bi_provider_mix p2 JOIN bi_provider_mix p1 ON p1.run_id = :run_1 AND p1.provider = p2.provider
WHERE p2.run_id = :run_2 ORDER BY 1;
-- and still equal to srm.audit_result
SELECT p.provider, p.asset_controls = r.pairs AS pairs_equal, p.gaps = r.gaps AS gaps_equal
FROM bi_provider_mix p
JOIN (SELECT provider, count(*) AS pairs, count(*) FILTER (WHERE gap) AS gaps
      FROM audit_result WHERE run_id = :run_2 GROUP BY provider) r USING (provider)
WHERE p.run_id = :run_2 ORDER BY p.provider;

-- an audit of one subscription (named in upper case too)
SELECT run_audit('nist-800-53-r5', 'MODERATE', ARRAY['0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0'], 'azure only') AS run_3 \gset
SELECT provider, accounts, assets FROM bi_provider_mix WHERE run_id = :run_3 ORDER BY 1;

-- bad scopes are refused, each with its SQLSTATE and a clear message
SELECT test_error(format('INSERT INTO control_status (framework_id, control_id, provider, account_id, status) VALUES (%s)', v)) AS status_error
FROM (VALUES
    ($$'nist-800-53-r5', 'si-2', 'azure', '1234', 'planned'$$),
    ($$'nist-800-53-r5', 'si-2', 'gcp', 'My_Project', 'planned'$$),
    ($$'nist-800-53-r5', 'si-2', 'aws', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', 'planned'$$),
    ($$'nist-800-53-r5', 'si-2', 'azure', '111122223333', 'planned'$$),
    ($$'nist-800-53-r5', 'si-2', 'oci', '111122223333', 'planned'$$)) AS t(v);
SELECT test_error(format('INSERT INTO control_status (framework_id, control_id, provider, asset, status) VALUES (%s)', v)) AS status_error
FROM (VALUES
    ($$'nist-800-53-r5', 'si-2', 'azure', 'arn:aws:ec2:eu-west-1:111122223333:instance/i-0aa0000000000001', 'planned'$$),
    ($$'nist-800-53-r5', 'si-2', 'aws', '//compute.googleapis.com/projects/p1/zones/z/instances/i', 'planned'$$),
    ($$'nist-800-53-r5', 'si-2', 'azure', '/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/resourceGroups', 'planned'$$),
    ($$'nist-800-53-r5', 'si-2', 'gcp', '//compute.googleapis.com//instances', 'planned'$$)) AS t(v);
SELECT test_error(format('INSERT INTO override (framework_id, control_id, responsibility, reason, provider, %s) VALUES (%s)', c, v)) AS override_error
FROM (VALUES
    ('service_namespace', $$'nist-800-53-r5', 'si-2', 'provider', 'r', 'gcp', 'ec2'$$),
    ('service_namespace', $$'nist-800-53-r5', 'si-2', 'provider', 'r', 'azure', 'compute'$$),
    ('account_id', $$'nist-800-53-r5', 'si-2', 'provider', 'r', 'gcp', 'mc'$$),
    ('account_id, asset', $$'nist-800-53-r5', 'si-2', 'provider', 'r', 'azure', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
                            '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1'$$),
    ('asset', $$'nist-800-53-r5', 'si-2', 'provider', 'r', 'azure',
                '/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/resourceGroups/rg/providers/Microsoft.Madeup/things/t1'$$),
    ('asset', $$'nist-800-53-r5', 'si-2', 'provider', 'r', 'gcp', '//madeup.googleapis.com/projects/p1/things/t1'$$)) AS t(c, v);
-- the table's own checks stay as a backstop (the trigger bypassed)
SET session_replication_role = replica;
SELECT split_part(test_error($$INSERT INTO control_status (framework_id, control_id, provider, account_id, status)
                    VALUES ('nist-800-53-r5', 'si-2', 'azure', '0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0', 'planned')$$), E'\n', 1) AS backstop;
SELECT split_part(test_error($$INSERT INTO override (framework_id, responsibility, reason, provider, asset)
                    VALUES ('nist-800-53-r5', 'provider', 'r', 'gcp', 'compute.googleapis.com/Instance')$$), E'\n', 1) AS backstop;
RESET session_replication_role;

-- the report shows the providers side by side: a table per provider equal
-- to srm.bi_provider_mix, services named with their provider
SELECT (regexp_matches(report_html(:run_2), '<tr data-provider="([a-z]+)"><td>([^<]+)</td><td class="n">([0-9,]+)</td><td class="n">([0-9,]+)(?:</td>|<br>)', 'g'))
       AS provider_row;
SELECT strpos(h, '<dd id="providers">AWS, Microsoft Azure, Google Cloud</dd>') > 0 AS providers_named,
       strpos(h, 'gcp:compute') > 0 AND strpos(h, 'azure:virtual-machines') > 0 AND strpos(h, 'aws:ec2') > 0 AS services_with_provider,
       strpos(h, 'For Azure: Microsoft') > 0 AND strpos(h, 'For Google Cloud: Google') > 0 AS models_named
FROM (SELECT report_html(:run_2) AS h) r;
-- the SSP: a component per provider's service (AWS's iam and Google's iam
-- apart), each leveraged from its provider's authorization
SELECT c ->> 'title' AS component, p.value ->> 'value' AS leveraged_from
FROM jsonb_array_elements(oscal_ssp(:run_2) #> '{system-security-plan,system-implementation,components}') c
LEFT JOIN LATERAL (SELECT l ->> 'props' AS props FROM jsonb_array_elements(oscal_ssp(:run_2) #> '{system-security-plan,system-implementation,leveraged-authorizations}') l
                   WHERE l ->> 'uuid' = (SELECT x ->> 'value' FROM jsonb_array_elements(c -> 'props') x
                                         WHERE x ->> 'name' = 'leveraged-authorization-uuid')) l ON true
LEFT JOIN LATERAL jsonb_array_elements(l.props::jsonb) p ON true
ORDER BY 1;
SELECT b ->> 'description' AS inherited
FROM jsonb_array_elements(oscal_ssp(:run_2) #> '{system-security-plan,control-implementation,implemented-requirements}') r,
     jsonb_array_elements(r -> 'by-components') bc, jsonb_array_elements(bc -> 'inherited') b
WHERE r ->> 'control-id' = 'sc-28' ORDER BY 1;
-- a status or an override scoped to one asset belongs to the asset's
-- account for the teams' policies: its subscription, its project
SELECT x AS asset, srm_internal.arn_account(x) AS account
FROM unnest(ARRAY['arn:aws:ec2:eu-west-1:111122223333:instance/i-0aa0000000000001',
                  '/subscriptions/0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0/resourceGroups/rg-app/providers/Microsoft.Network/networkSecurityGroups/nsg-app',
                  '//compute.googleapis.com/projects/mc-analytics-prod/zones/europe-west1-b/instances/vm-etl-1',
                  '//storage.googleapis.com/mc-analytics-raw']) x
ORDER BY 1 COLLATE "C";
