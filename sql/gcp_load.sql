-- Loading Google Cloud Asset Inventory exports into srm.asset
-- (install/code/inventory_gcp.sql; test/fixtures/cloud_asset_inventory/
-- README.md describes every line of the files used here).  The files are
-- JSON lines, as gcloud asset export writes them; srm.load_asset_inventory
-- takes them as one array.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;
\set small `cat :'fixtures'/cloud_asset_inventory/export_small.jsonl`
\set bad `cat :'fixtures'/cloud_asset_inventory/export_bad.jsonl`
\set ps_resource `cat :'fixtures'/cloud_asset_inventory/ps_resource.json`
\set ps_errors `cat :'fixtures'/cloud_asset_inventory/ps_resource_with_error_details.json`
\set ps_iam `cat :'fixtures'/cloud_asset_inventory/ps_iam_policy.json`
-- JSON lines as one array
CREATE FUNCTION pg_temp.lines(t text) RETURNS jsonb LANGUAGE sql
RETURN (SELECT jsonb_agg(l::jsonb ORDER BY n) FROM regexp_split_to_table(t, '\n') WITH ORDINALITY AS x(l, n) WHERE l <> '');

-- the synthetic export: 10 lines, 9 assets (line 9 is a newer update of line 0)
SELECT load_asset_inventory(pg_temp.lines(:'small'), 'export_small.jsonl') AS loaded;
SELECT load_id, source, items_read, assets_inserted, assets_updated, items_rejected, unknown_types, accounts,
       items_read = assets_inserted + assets_updated + items_rejected AS reconciles
FROM asset_load ORDER BY load_id;
SELECT load_id, item_index, reason FROM asset_load_rejection ORDER BY load_id, item_index;
-- projects by id (from the name) or by number (a bucket and the project
-- itself name none), an organization; locations in lower case; both
-- spellings (the Pub/Sub topic is camelCase); Filestore, a type srm does
-- not know, kept
SELECT provider, account_id, region, resource_type, resource_name, service_namespace, known_type, tags,
       captured_at AT TIME ZONE 'UTC' AS captured_utc, arn
FROM asset ORDER BY account_id, region, resource_type, resource_id;
SELECT resource_id FROM asset WHERE resource_name = 'web-1';
-- the newer update of web-1 won: its labels and configuration
SELECT tags ->> 'team' AS team, configuration ->> 'status' AS status FROM asset WHERE resource_name = 'web-1';
-- GKE's mode of operation read in the loaded configuration
SELECT a.resource_name, v.variant
FROM asset a CROSS JOIN LATERAL srm_internal.variant_of(a.resource_type, a.configuration, a.supplementary_configuration) v
WHERE a.resource_type = 'container.googleapis.com/Cluster' ORDER BY a.resource_name;
-- a loaded asset's full resource name names it: its variant, and the
-- answer of its grain (who patches a cluster's nodes: Google in Autopilot)
SELECT a.resource_name, l.form, l.asset_id = a.asset_id AS the_loaded_asset, l.variant,
       srm.classify(a.resource_id, 'os-patching') AS os_patching,
       (SELECT d.derived FROM srm_internal.grain g
        JOIN srm_internal.derivation d ON d.grain_id = g.grain_id AND d.framework_id = 'aws-srm' AND d.control_id = 'os-patching'
        WHERE g.resource_type = 'container.googleapis.com/Cluster' AND g.variant = l.variant) AS variant_derived
FROM asset a CROSS JOIN LATERAL srm_internal.locate(a.resource_id) l
WHERE a.resource_type = 'container.googleapis.com/Cluster' ORDER BY a.resource_name;
SELECT step, kind, detail FROM srm.explain('//container.googleapis.com/projects/acme-prod-381/locations/europe-west1/clusters/autopilot-1', 'os-patching')
WHERE kind IN ('asset', 'variant') ORDER BY step;

-- loading the same file again duplicates nothing: every asset updated
SELECT load_asset_inventory(pg_temp.lines(:'small'), 'export_small.jsonl again') AS loaded;
SELECT count(*) AS assets, count(*) FILTER (WHERE load_id = 2) AS from_load_2 FROM asset;
-- an older update does not replace a newer one
SELECT load_asset_inventory(jsonb_build_array(pg_temp.lines(:'small') -> 0), 'line 0 alone, older') AS loaded;
SELECT load_id, item_index, reason FROM asset_load_rejection WHERE load_id = 3 ORDER BY item_index;
SELECT tags ->> 'team' AS team_still_newest, load_id FROM asset WHERE resource_name = 'web-1';

-- every reason an asset is rejected for, one line each; the last line loads
SELECT load_asset_inventory(pg_temp.lines(:'bad'), 'export_bad.jsonl') AS loaded;
SELECT items_read, assets_inserted, assets_updated, items_rejected, unknown_types, accounts
FROM asset_load WHERE load_id = 4;
SELECT item_index, reason FROM asset_load_rejection WHERE load_id = 4 ORDER BY item_index;
-- a rejection keeps the asset as given
SELECT item ->> 'name' AS name FROM asset_load_rejection WHERE load_id = 4 AND item_index = 14;

-- the real export lines of Google's asset-inventory tool: the 2018 asset
-- types (google.compute.Instance, ...) are no types srm knows: kept, with
-- the service the name names; IAM_POLICY lines are rejected
SELECT load_asset_inventory(pg_temp.lines(:'ps_resource') || pg_temp.lines(:'ps_errors') || pg_temp.lines(:'ps_iam'),
                            'professional-services samples') AS loaded;
SELECT items_read, assets_inserted, assets_updated, items_rejected, unknown_types, accounts
FROM asset_load WHERE load_id = 5;
SELECT item_index, reason FROM asset_load_rejection WHERE load_id = 5 ORDER BY item_index;
SELECT account_id, region, resource_type, resource_name, service_namespace, known_type, tags,
       captured_at AT TIME ZONE 'UTC' AS captured_utc
FROM asset WHERE load_id = 5 ORDER BY account_id, region, resource_type, resource_id;

-- the document is an array, or an error (the assets' problems are not)
SELECT test_error($$SELECT srm.load_asset_inventory('{"assets": []}')$$);
SELECT test_error($$SELECT srm.load_asset_inventory('"//storage.googleapis.com/b"')$$);
SELECT load_asset_inventory('[]', 'empty') AS loaded;
SELECT load_asset_inventory(NULL) AS loaded_null;
SELECT count(*) AS loads FROM asset_load;
-- the AWS loader is not the Google one: an asset is no configuration item
SELECT load_config_snapshot(jsonb_build_object('configurationItems', jsonb_build_array(pg_temp.lines(:'small') -> 8)), 'a CAI asset as AWS') AS loaded;
SELECT reason FROM asset_load_rejection WHERE load_id = (SELECT max(load_id) FROM asset_load) ORDER BY item_index;

-- a team member loads its teams' projects only, refused before anything
-- is written (roles are the cluster's: dropped first and last)
SET client_min_messages = warning;
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['srm_test_gcp_prod', 'srm_test_gcp_staging'] LOOP
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('DROP OWNED BY %I', r);
            DELETE FROM srm.team_account WHERE team = r;
            EXECUTE format('DROP ROLE %I', r);
        END IF;
    END LOOP;
END $$;
RESET client_min_messages;
CREATE ROLE srm_test_gcp_prod;
CREATE ROLE srm_test_gcp_staging;
GRANT SELECT, INSERT, UPDATE, DELETE ON srm.asset, srm.asset_load, srm.asset_load_rejection TO srm_test_gcp_prod, srm_test_gcp_staging;
GRANT USAGE ON SEQUENCE srm.asset_asset_id_seq, srm.asset_load_load_id_seq TO srm_test_gcp_prod, srm_test_gcp_staging;
INSERT INTO srm.team_account (team, account_id) VALUES
    ('srm_test_gcp_prod', 'acme-prod-381'), ('srm_test_gcp_staging', 'acme-staging-27');
SET ROLE srm_test_gcp_staging;
-- the staging team: the prod project's instance is refused, with everything else of the load
SELECT test_error(format('SELECT srm.load_asset_inventory(%L)',
                         jsonb_build_array(pg_temp.lines(:'small') -> 8, pg_temp.lines(:'small') -> 9)));
-- its own topic loads
SET client_min_messages = warning;
SELECT load_asset_inventory(jsonb_build_array(pg_temp.lines(:'small') -> 8), 'staging team') AS loaded;
RESET client_min_messages;
-- the bucket names its project by number only, read as the prod project's id
-- (its Project asset was loaded before): refused too
SELECT test_error(format('SELECT srm.load_asset_inventory(%L)', jsonb_build_array(pg_temp.lines(:'small') -> 3)));
SELECT source, accounts, items_read, assets_updated, loaded_by FROM asset_load ORDER BY load_id;
SELECT resource_name, load_id FROM asset ORDER BY account_id, region, resource_type, resource_id;
RESET ROLE;
SELECT count(*) AS loads_after_the_team FROM asset_load;
DELETE FROM srm.team_account WHERE team IN ('srm_test_gcp_prod', 'srm_test_gcp_staging');
DROP OWNED BY srm_test_gcp_prod, srm_test_gcp_staging;
DROP ROLE srm_test_gcp_prod, srm_test_gcp_staging;

-- a project number is read as its project id where the id is known (see the
-- head of install/code/inventory_gcp.sql): a bucket names its project by
-- number only (ancestors, resource.parent)
DELETE FROM srm.asset WHERE provider = 'gcp';
SET client_min_messages = warning;
-- nothing tells the id yet: the bucket's account is the number
SELECT load_asset_inventory(jsonb_build_array(pg_temp.lines(:'small') -> 3), 'bucket alone') AS loaded;
SELECT account_id, resource_name FROM asset WHERE provider = 'gcp' ORDER BY resource_id;
-- an instance of the project names both: the bucket moves to the id
SELECT load_asset_inventory(jsonb_build_array(pg_temp.lines(:'small') -> 0), 'instance') AS loaded;
SELECT account_id, resource_name, supplementary_configuration FROM asset WHERE provider = 'gcp' ORDER BY resource_id;
-- the bucket again: the same asset, updated
SELECT load_asset_inventory(jsonb_build_array(pg_temp.lines(:'small') -> 3), 'bucket again') AS loaded;
SELECT source, accounts, assets_inserted, assets_updated FROM asset_load WHERE source IN ('bucket alone', 'instance', 'bucket again') ORDER BY load_id;
SELECT account_id, resource_name FROM asset WHERE provider = 'gcp' ORDER BY resource_id;
-- the Project asset loaded before tells the id too
DELETE FROM srm.asset WHERE provider = 'gcp';
SELECT load_asset_inventory(jsonb_build_array(pg_temp.lines(:'small') -> 6), 'project') AS loaded;
SELECT load_asset_inventory(jsonb_build_array(pg_temp.lines(:'small') -> 3), 'bucket after its project') AS loaded;
SELECT account_id, resource_type, resource_name FROM asset WHERE provider = 'gcp' ORDER BY resource_id;
-- so do the ancestors of an asset loaded before (kept in supplementary_configuration)
DELETE FROM srm.asset WHERE provider = 'gcp';
SELECT load_asset_inventory(jsonb_build_array(pg_temp.lines(:'small') -> 0), 'instance first') AS loaded;
SELECT load_asset_inventory(jsonb_build_array(pg_temp.lines(:'small') -> 3), 'bucket after an instance') AS loaded;
SELECT account_id, resource_type, resource_name FROM asset WHERE provider = 'gcp' ORDER BY resource_id;
RESET client_min_messages;
