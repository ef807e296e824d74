-- Loading Azure Resource Graph exports into srm.asset
-- (srm.load_resource_graph, install/code/inventory_azure.sql): Microsoft's
-- samples (test/fixtures/azure/README.md), reloads in any case, every
-- rejection, unknown types kept, a team refused another team's
-- subscription, locate by ARM id.  Roles are the cluster's: named
-- srm_test_azload_*, dropped at the end (and first, should a run have
-- stopped halfway).
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;
\set explore `cat :'fixtures'/azure/arg_docs_explore_resources.json`
\set basic `cat :'fixtures'/azure/arg_rest_basic_query.json`
\set next_page `cat :'fixtures'/azure/arg_rest_next_page.json`

-- the Learn page's rows (a bare array, as the CLI printed before version 2):
-- a VM and its OS disk
SELECT load_resource_graph(:'explore'::jsonb, 'explore-resources') AS loaded;
-- the REST API's "Basic query" (an object with "data"; no subscriptionId
-- column: the subscription is the id's)
SELECT load_resource_graph(:'basic'::jsonb, 'basic query') AS loaded;
-- one page of a longer result: a warning; two types srm does not know,
-- kept and flagged
SELECT load_resource_graph(:'next_page'::jsonb, 'next page') AS loaded;
SELECT load_id, source, items_read, assets_inserted, assets_updated, items_rejected, unknown_types, accounts,
       items_read = assets_inserted + assets_updated + items_rejected AS reconciles
FROM asset_load ORDER BY load_id;
SELECT provider, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace, known_type,
       tags, item_status, captured_at
FROM asset ORDER BY provider, account_id, region, resource_type, resource_id;
-- properties are the configuration, the other columns the supplementary one
SELECT resource_name, configuration -> 'hardwareProfile' AS hardware, configuration ->> 'timeCreated' AS time_created,
       supplementary_configuration
FROM asset WHERE load_id = 1 ORDER BY resource_id;

-- reloading the same export updates, never duplicates
SELECT load_resource_graph(:'explore'::jsonb, 'explore-resources again') AS loaded;
-- what az graph query prints since version 2, the ids and the subscription
-- in upper case, the location spelled as a display name: the same two assets
SELECT load_resource_graph(jsonb_build_object(
    'count', 2,
    'data', (SELECT jsonb_agg(r || jsonb_build_object('id', upper(r ->> 'id'), 'subscriptionId', upper(r ->> 'subscriptionId'),
                                                     'location', 'West US 2')
                              ORDER BY r ->> 'id')
             FROM jsonb_array_elements(:'explore'::jsonb) r),
    'skip_token', NULL, 'total_records', 2), 'explore-resources, upper case') AS loaded;
SELECT load_id, source, items_read, assets_inserted, assets_updated, items_rejected
FROM asset_load WHERE load_id > 3 ORDER BY load_id;
SELECT count(*) AS assets, count(DISTINCT resource_id) AS ids FROM asset;

-- rows that cannot be an asset are rejected with their reason; the rest load
SELECT load_resource_graph(jsonb_build_object('data', jsonb_build_array(
  '"/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6"'::jsonb,
  '{"id": 42, "type": "microsoft.compute/disks"}'::jsonb,
  '{"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.Compute/disks/d1", "type": ["microsoft.compute/disks"]}'::jsonb,
  '{"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.Compute/disks/d1", "name": 1}'::jsonb,
  '{"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.Compute/disks/d1", "subscriptionId": true}'::jsonb,
  '{"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.Compute/disks/d1", "location": {"name": "westus"}}'::jsonb,
  '{"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.Compute/disks/d1", "tags": [{"key": "env", "value": "prod"}]}'::jsonb,
  '{"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.Compute/disks/d1", "properties": "{}"}'::jsonb,
  '{"name": "no-id", "type": "microsoft.compute/disks"}'::jsonb,
  '{"id": " ", "type": "microsoft.compute/disks"}'::jsonb,
  '{"id": "/resourceGroups/rg/providers/Microsoft.Compute/disks/d1", "type": "microsoft.compute/disks"}'::jsonb,
  '{"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.Compute/disks", "type": "microsoft.compute/disks"}'::jsonb,
  '{"id": "/subscriptions/my-subscription/resourceGroups/rg/providers/Microsoft.Compute/disks/d1", "type": "microsoft.compute/disks"}'::jsonb,
  '{"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.Compute/disks/d1", "subscriptionId": "0b1f6471-1bf0-4dda-aec3-cb9272f09590"}'::jsonb,
  '{"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.Compute/disks/d1", "type": "microsoft.compute/virtualmachines"}'::jsonb,
  jsonb_build_object('id', '/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/' || repeat('s', 1000)),
  jsonb_build_object('id', '/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.Compute/disks/d1',
                     'type', 'microsoft.compute/' || repeat('x', 250)),
  jsonb_build_object('id', '/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.Compute/disks/d1',
                     'location', repeat('west', 20)),
  -- accepted: a subscription and a resource group as the ResourceContainers
  -- table writes them, a row without type, location or name, a trailing slash
  '{"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6", "name": "Contoso subscription", "type": "microsoft.resources/subscriptions", "location": "", "tags": null}'::jsonb,
  '{"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/MyResourceGroup", "name": "MyResourceGroup", "type": "microsoft.resources/subscriptions/resourcegroups", "location": "westus2"}'::jsonb,
  '{"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1/"}'::jsonb,
  -- the same resource twice, in two cases: the later row is taken
  '{"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.Sql/servers/s1", "type": "microsoft.sql/servers", "location": "westeurope", "tags": {"v": "1"}}'::jsonb,
  '{"id": "/SUBSCRIPTIONS/CFBBD179-59D2-4052-AA06-9270A38AA9D6/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.SQL/SERVERS/S1", "type": "microsoft.sql/servers", "location": "West Europe", "tags": {"v": "2"}}'::jsonb
)), 'inline') AS loaded;
SELECT item_index, reason FROM asset_load_rejection WHERE load_id = 6 ORDER BY item_index;
SELECT items_read, assets_inserted, assets_updated, items_rejected, unknown_types,
       items_read = assets_inserted + assets_updated + items_rejected AS reconciles
FROM asset_load WHERE load_id = 6;
SELECT region, resource_type, resource_id, resource_name, service_namespace, known_type, tags
FROM asset WHERE load_id = 6 ORDER BY account_id, region, resource_type, resource_id;

-- a file that is not an export is an error; nothing is loaded
SELECT count(*) AS loads_before FROM asset_load \gset
SELECT test_error($$SELECT srm.load_resource_graph('42')$$);
SELECT test_error($$SELECT srm.load_resource_graph('{"value": [], "count": 0}')$$);
SELECT test_error($$SELECT srm.load_resource_graph('{"data": {"id": "/subscriptions/x"}}')$$);
SELECT test_error($$SELECT srm.load_resource_graph('[{"id": "/subscriptions/x"')$$);
SELECT count(*) = :loads_before AS nothing_loaded FROM asset_load;

-- a VM with automatic guest patching (the Learn page's VM, patch mode
-- AutomaticByPlatform): the variant rule reads its properties
SELECT load_resource_graph(jsonb_build_array(
    jsonb_set(jsonb_set(r, '{id}', to_jsonb(replace(r ->> 'id', 'ContosoVM1', 'ContosoVM2'))),
              '{properties,osProfile,windowsConfiguration,patchSettings}', '{"patchMode": "AutomaticByPlatform"}')
    || '{"name": "ContosoVM2"}')) AS loaded
FROM jsonb_array_elements(:'explore'::jsonb) r WHERE r ->> 'name' = 'ContosoVM1';

-- locate: an ARM id in any case, with or without a trailing slash, names
-- the loaded asset, as an ARN names an AWS one
SELECT i.identifier, l.form, l.provider, l.service_namespace, l.resource_type, l.account_id, l.arn,
       a.resource_name, l.variant, l.grain_id IS NOT NULL AS has_grain
FROM (VALUES
    ('/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/virtualMachines/ContosoVM1'),
    ('/SUBSCRIPTIONS/CFBBD179-59D2-4052-AA06-9270A38AA9D6/RESOURCEGROUPS/MYRESOURCEGROUP/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/CONTOSOVM2/'),
    ('/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/RG2/providers/Microsoft.Automation/automationAccounts/AATest'),
    -- not loaded: read as an id, no asset
    ('/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/virtualMachines/ContosoVM9')
) AS i(identifier)
CROSS JOIN LATERAL srm_internal.locate(i.identifier) l
LEFT JOIN asset a ON a.asset_id = l.asset_id
ORDER BY i.identifier COLLATE "C";
-- so the answers for a loaded VM follow its configuration
SELECT resource_name, classify(resource_id, 'os-patching') AS os_patching
FROM asset WHERE resource_type = 'Microsoft.Compute/virtualMachines' ORDER BY resource_name;
SELECT step, kind, layer_id, responsibility, origin
FROM explain(upper('/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/virtualMachines/ContosoVM2'), 'os-patching')
ORDER BY step;

-- teams: a member loads its teams' subscriptions only, refused before
-- anything is written (a team's subscription may be given in upper case)
SET client_min_messages = warning;
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['srm_test_azload_a', 'srm_test_azload_b'] LOOP
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('DROP OWNED BY %I', r);
            EXECUTE format('DROP ROLE %I', r);
        END IF;
    END LOOP;
END $$;
RESET client_min_messages;
CREATE ROLE srm_test_azload_a;
CREATE ROLE srm_test_azload_b;
GRANT SELECT, INSERT, UPDATE, DELETE ON srm.asset, srm.asset_load, srm.asset_load_rejection
    TO srm_test_azload_a, srm_test_azload_b;
GRANT USAGE ON SEQUENCE srm.asset_asset_id_seq, srm.asset_load_load_id_seq TO srm_test_azload_a, srm_test_azload_b;
INSERT INTO srm.team_account (team, account_id) VALUES
    ('srm_test_azload_a', 'CFBBD179-59D2-4052-AA06-9270A38AA9D6'),
    ('srm_test_azload_b', '0b1f6471-1bf0-4dda-aec3-cb9272f09590');
SELECT team, account_id FROM srm.team_account WHERE team::text LIKE 'srm_test_azload_%' ORDER BY team, account_id;
SET ROLE srm_test_azload_b;
-- team b: the sample's subscription is team a's
SELECT test_error(format('SELECT srm.load_resource_graph(%L)', :'basic'));
-- one row of its own and one of team a's: refused whole
SELECT test_error($$SELECT srm.load_resource_graph('[
    {"id": "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-b"},
    {"id": "/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-a"}]')$$);
SET client_min_messages = warning;
SELECT srm.load_resource_graph('[
    {"id": "/subscriptions/0B1F6471-1BF0-4DDA-AEC3-CB9272F09590/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-b", "location": "northeurope"}]',
    'team b') AS loaded;
RESET client_min_messages;
SELECT source, accounts, items_read, assets_inserted, items_rejected, loaded_by FROM srm.asset_load ORDER BY load_id;
SELECT account_id, resource_type, resource_name FROM srm.asset ORDER BY account_id, region, resource_type, resource_id;
RESET ROLE;
SET ROLE srm_test_azload_a;
SELECT count(*) AS team_a_sees FROM srm.asset;
RESET ROLE;
DELETE FROM srm.team_account WHERE team::text LIKE 'srm_test_azload_%';
DROP OWNED BY srm_test_azload_a, srm_test_azload_b;
DROP ROLE srm_test_azload_a, srm_test_azload_b;
