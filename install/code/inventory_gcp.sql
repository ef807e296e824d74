-- install/code/inventory_gcp.sql (code part): the loader of Google Cloud
-- Asset Inventory exports into srm.asset, with the rules of the AWS Config
-- loader (install/code/inventory.sql, whose work tables it shares).
--
-- An export (gcloud asset export --content-type=resource, or the
-- ExportAssets API, to Cloud Storage) is newline-delimited JSON, one
-- google.cloud.asset.v1.Asset per line, its keys in snake_case (asset_type,
-- update_time, resource.discovery_name, ...); gcloud asset list
-- --format=json and the REST API print the same assets in camelCase
-- (assetType, updateTime, ...).  Both spellings are read; an item that
-- gives a key in both spellings with different values is rejected.
-- srm.load_asset_inventory takes a JSON array of assets; srm-load takes
-- the JSON lines files, of any size, plain or gzipped.
--
-- An asset becomes a row of srm.asset:
--   provider           gcp
--   account_id         the project id the full resource name names
--                      (//compute.googleapis.com/projects/<id>/...); when the
--                      name names none, or names the project by its number,
--                      the project number of ancestors (projects/<number>),
--                      else the number in the name or in resource.parent,
--                      else the nearest folder or organization as written
--                      (folders/<n>, organizations/<n>).  A project number
--                      is read as its project id when the id is known: from
--                      an asset of the same batch whose name names the id
--                      and whose ancestors the number (a Compute Engine
--                      instance, say), from a Project asset of the batch or
--                      loaded before (its data's projectNumber and
--                      projectId), or from an asset loaded before (its
--                      ancestors kept in supplementary_configuration), so
--                      that a bucket (whose name names no project) is an
--                      asset of the same account as the project's
--                      instances (assets loaded under the number before
--                      the id was known move to the id when a later batch
--                      tells it).  A number, folder or organization left is
--                      no account a team can be given (srm.team_account
--                      takes project ids), so only srm's owner loads such
--                      assets
--   region             resource.location in lower case, else the zone,
--                      region or location the name names, else global
--   resource_type      the asset type as srm spells it (srm.resolve_asset);
--                      a type srm does not know is kept as given, with
--                      known_type false and the service its prefix or,
--                      failing that, the name's service names
--   resource_id        the full resource name
--   resource_name      the name's last segment
--   configuration      resource.data (read by the variant rules, such as
--                      GKE Autopilot's autopilot.enabled)
--   tags               resource.data.labels (GKE: resourceLabels, Cloud
--                      SQL: settings.userLabels), else {}
--   captured_at        update_time (RFC 3339)
--   supplementary_configuration  {"ancestors": [...]} when the asset has
--                      ancestors (its project, folders and organization)

-------------------------------------------------------------------------------
-- Loading Cloud Asset Inventory exports
-------------------------------------------------------------------------------

-- the export's shape: an array of assets; an error if not.  What is wrong
-- with one asset rejects that asset only.
CREATE FUNCTION srm_internal.asset_inventory_check(export jsonb)
RETURNS void
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF jsonb_typeof(export) <> 'array' THEN
        RAISE EXCEPTION 'a Cloud Asset Inventory export is a JSON array of assets, not %', srm_internal.asset_inventory_a(jsonb_typeof(export))
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Pass the assets as one array ([{"name": "//...", "asset_type": ...}, ...]); load the JSON lines files of gcloud asset export with srm-load.';
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.asset_inventory_check(jsonb) IS
    'checks the shape of a Cloud Asset Inventory export for srm.load_asset_inventory: a JSON array; raises invalid_parameter_value (22023) otherwise (a bad asset is rejected, not an error)';

-- a JSON type with its article, for the reasons of rejections: an array,
-- a string
CREATE FUNCTION srm_internal.asset_inventory_a(json_type text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN json_type IN ('array', 'object') THEN 'an ' ELSE 'a ' END || json_type;
COMMENT ON FUNCTION srm_internal.asset_inventory_a(text) IS
    'a JSON type with its indefinite article (an array, a string), for the reasons of rejected assets';

-- the account of an asset (see the head of this file): its project id,
-- else its project number, else its nearest folder or organization; null
-- when neither the name nor ancestors nor resource.parent names one
CREATE FUNCTION srm_internal.asset_inventory_account(name text, ancestors jsonb, parent text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
    WHEN pg_catalog.split_part(name, '/', 4) = 'projects'
         AND pg_catalog.split_part(name, '/', 5) OPERATOR(pg_catalog.~) '^[a-z][a-z0-9-]{4,28}[a-z0-9]$'
        THEN pg_catalog.split_part(name, '/', 5)
    ELSE coalesce(
        (SELECT pg_catalog.substr(a.v, 10)
         FROM pg_catalog.jsonb_array_elements_text(CASE WHEN pg_catalog.jsonb_typeof(ancestors) = 'array' THEN ancestors END)
              WITH ORDINALITY AS a(v, n)
         WHERE a.v OPERATOR(pg_catalog.~) '^projects/[0-9]+$'
         ORDER BY a.n LIMIT 1),
        CASE WHEN pg_catalog.split_part(name, '/', 4) = 'projects'
                  AND pg_catalog.split_part(name, '/', 5) OPERATOR(pg_catalog.~) '^[0-9]+$'
             THEN pg_catalog.split_part(name, '/', 5) END,
        CASE WHEN pg_catalog.split_part(parent, '/', 4) = 'projects'
                  AND pg_catalog.split_part(parent, '/', 5) OPERATOR(pg_catalog.~) '^([0-9]+|[a-z][a-z0-9-]{4,28}[a-z0-9])$'
             THEN pg_catalog.split_part(parent, '/', 5) END,
        (SELECT a.v
         FROM pg_catalog.jsonb_array_elements_text(CASE WHEN pg_catalog.jsonb_typeof(ancestors) = 'array' THEN ancestors END)
              WITH ORDINALITY AS a(v, n)
         WHERE a.v OPERATOR(pg_catalog.~) '^(folders|organizations)/[0-9]+$'
         ORDER BY a.n LIMIT 1),
        CASE WHEN pg_catalog.split_part(name, '/', 4) IN ('folders', 'organizations')
                  AND pg_catalog.split_part(name, '/', 5) OPERATOR(pg_catalog.~) '^[0-9]+$'
             THEN pg_catalog.split_part(name, '/', 4) || '/' || pg_catalog.split_part(name, '/', 5) END)
END;
COMMENT ON FUNCTION srm_internal.asset_inventory_account(text, jsonb, text) IS
    'the account of a Cloud Asset Inventory asset: the project id its full resource name names, else the project number of its ancestors, of its name or of its resource.parent, else its nearest folder or organization (folders/N, organizations/N); null when none is named';

-- the project ids of the project numbers a batch's assets name, in the
-- session's table srm_gcp_project (see the head of this file): from the
-- batch's assets that name both, the batch's Project assets, then, for the
-- numbers still unknown, the Project assets and the ancestors of the
-- assets loaded before; assets loaded under a number now known move to its
-- project id
CREATE FUNCTION srm_internal.asset_inventory_projects()
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- the batch's own (asset_inventory_merge drops it when the batch is
    -- written; a batch that fails takes it with its transaction)
    CREATE TEMPORARY TABLE srm_gcp_project (number text PRIMARY KEY, project_id text NOT NULL);
    WITH a AS (
        SELECT i.item ->> 'name' AS name, coalesce(i.item -> 'asset_type', i.item -> 'assetType') AS asset_type,
               i.item #> '{resource,data}' AS data,
               (SELECT substr(e.v, 10) FROM jsonb_array_elements_text(i.item -> 'ancestors') WITH ORDINALITY AS e(v, n)
                WHERE e.v ~ '^projects/[0-9]+$' ORDER BY e.n LIMIT 1) AS number
        FROM pg_temp.srm_load_item i
        WHERE jsonb_typeof(i.item) = 'object' AND jsonb_typeof(i.item -> 'name') = 'string'
          AND jsonb_typeof(i.item -> 'ancestors') = 'array'
          AND NOT EXISTS (SELECT FROM jsonb_array_elements(i.item -> 'ancestors') e WHERE jsonb_typeof(e) <> 'string')),
    found AS (
        SELECT a.number, split_part(a.name, '/', 5) AS project_id
        FROM a
        WHERE a.number IS NOT NULL AND split_part(a.name, '/', 4) = 'projects'
          AND split_part(a.name, '/', 5) ~ '^[a-z][a-z0-9-]{4,28}[a-z0-9]$'
        UNION
        SELECT a.data ->> 'projectNumber', a.data ->> 'projectId'
        FROM a
        WHERE a.asset_type #>> '{}' = 'cloudresourcemanager.googleapis.com/Project'
          AND jsonb_typeof(a.data) = 'object' AND a.data ->> 'projectNumber' ~ '^[0-9]+$'
          AND a.data ->> 'projectId' ~ '^[a-z][a-z0-9-]{4,28}[a-z0-9]$')
    INSERT INTO pg_temp.srm_gcp_project (number, project_id)
    SELECT DISTINCT ON (number) number, project_id FROM found ORDER BY number, project_id;
    -- numbers the batch names but does not resolve: what was loaded before
    WITH needed AS (
        SELECT DISTINCT substr(e.v, 10) AS number
        FROM pg_temp.srm_load_item i
        CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(i.item -> 'ancestors') = 'array'
                                                          THEN i.item -> 'ancestors' END) e(v)
        WHERE e.v ~ '^projects/[0-9]+$'
        EXCEPT SELECT number FROM pg_temp.srm_gcp_project)
    INSERT INTO pg_temp.srm_gcp_project (number, project_id)
    SELECT DISTINCT ON (k.number) k.number, k.project_id
    FROM (SELECT x.configuration ->> 'projectNumber' AS number, x.configuration ->> 'projectId' AS project_id
          FROM srm.asset x
          WHERE x.provider = 'gcp' AND x.resource_type = 'cloudresourcemanager.googleapis.com/Project'
            AND x.configuration ->> 'projectNumber' IN (SELECT number FROM needed)
          UNION
          SELECT substr(x.supplementary_configuration -> 'ancestors' ->> 0, 10), x.account_id
          FROM srm.asset x
          WHERE x.provider = 'gcp' AND x.account_id ~ '^[a-z][a-z0-9-]{4,28}[a-z0-9]$'
            AND x.supplementary_configuration -> 'ancestors' ->> 0 IN (SELECT 'projects/' || number FROM needed)) k
    WHERE k.project_id ~ '^[a-z][a-z0-9-]{4,28}[a-z0-9]$'
    ORDER BY k.number, k.project_id;
    -- assets loaded under a project number before its id was known move to
    -- the id, so that a project stays one account
    UPDATE srm.asset x SET account_id = p.project_id
    FROM pg_temp.srm_gcp_project p
    WHERE x.provider = 'gcp' AND x.account_id = p.number
      AND NOT EXISTS (SELECT FROM srm.asset y
                      WHERE y.provider = 'gcp' AND y.account_id = p.project_id AND y.region = x.region
                        AND y.resource_type = x.resource_type AND y.resource_id = x.resource_id);
END
$$;
COMMENT ON FUNCTION srm_internal.asset_inventory_projects() IS
    'fills the session''s table srm_gcp_project with the project id of each project number the batch''s Cloud Asset Inventory assets name, where known (from the batch, or from the Project assets and ancestors loaded before)';

-- the accounts of a batch's assets, checked for a team member as
-- srm_internal.team_load_accounts checks an AWS load's: each one of its
-- teams' (else insufficient_privilege, before anything is written)
CREATE FUNCTION srm_internal.asset_inventory_accounts()
RETURNS text[]
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found text[];
BEGIN
    SELECT coalesce(array_agg(DISTINCT coalesce(p.project_id, a.account_id) ORDER BY coalesce(p.project_id, a.account_id)), '{}') INTO found
    FROM pg_temp.srm_load_item i
    CROSS JOIN LATERAL (SELECT srm_internal.asset_inventory_account(
                                   i.item ->> 'name', i.item -> 'ancestors',
                                   CASE WHEN jsonb_typeof(i.item #> '{resource,parent}') = 'string'
                                        THEN i.item #>> '{resource,parent}' END) AS account_id) a
    LEFT JOIN pg_temp.srm_gcp_project p ON p.number = a.account_id
    WHERE jsonb_typeof(i.item) = 'object' AND jsonb_typeof(i.item -> 'name') = 'string'
      AND octet_length(i.item ->> 'name') <= 1024 AND a.account_id IS NOT NULL;
    RETURN srm_internal.team_refuse_accounts(found, 'account',
        'The export has assets of that Google Cloud project (or project number, folder or organization).',
        'Load the assets of your teams'' projects only (srm.team_account holds Google Cloud project ids).');
END
$$;
COMMENT ON FUNCTION srm_internal.asset_inventory_accounts() IS
    'the accounts of the Cloud Asset Inventory assets a load staged, for srm.asset_load.accounts; for a team member each must be one of its teams'' (else insufficient_privilege, before anything is written)';

-- one batch of assets, from pg_temp.srm_load_item, into srm.asset for load
-- lid, with the rules of every load (srm.load_asset_inventory and srm-load
-- run this one function):
--   * an asset is rejected, with its reason in srm.asset_load_rejection,
--     never the batch: not an object; a key of the wrong JSON type; no or
--     a malformed full resource name; no asset type; a key given in both
--     spellings with different values; no resource (a line of another
--     content type: IAM_POLICY, ORG_POLICY, ACCESS_POLICY, OS_INVENTORY,
--     RELATIONSHIP); an identifier too long to index; an update_time that
--     is not RFC 3339; an asset type of another provider, or of another
--     service than the name's; no project, folder or organization; an
--     older update than the one loaded or than another asset of the batch;
--   * assets are written in the order of their key (no deadlock between
--     loads).
-- Adds the batch's counts to srm.asset_load.
CREATE FUNCTION srm_internal.asset_inventory_merge(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
SET work_mem = '64MB'
AS $$
DECLARE
    n record;
    batch_accounts text[];
BEGIN
    PERFORM srm_internal.config_load_tables();

    -- a team member loads its teams' projects only: refused before
    -- anything of the batch is written
    PERFORM srm_internal.asset_inventory_projects();
    batch_accounts := srm_internal.asset_inventory_accounts();

    WITH v AS MATERIALIZED (
        SELECT f.idx, f.item, coalesce(pm.project_id, f.account_id) AS account_id,
               coalesce(nullif(f.location, ''), f.name_location, 'global') AS region,
               CASE WHEN t.resource_type IS NOT NULL AND t.provider = 'gcp' THEN t.resource_type ELSE f.asset_type END AS resource_type,
               f.name AS resource_id,
               pg_catalog.reverse(pg_catalog.split_part(pg_catalog.reverse(f.name), '/', 1)) AS resource_name,
               CASE WHEN t.provider = 'gcp' OR t.provider IS NULL THEN coalesce(t.service_namespace, hn.service_namespace) END AS service_namespace,
               t.resource_type IS NOT NULL AND t.provider = 'gcp' AS known_type,
               coalesce(f.j_labels, '{}') AS tags, f.j_data AS configuration, f.captured_at,
               CASE WHEN jsonb_typeof(f.j_ancestors) = 'array' THEN jsonb_build_object('ancestors', f.j_ancestors) END
                   AS supplementary_configuration,
               coalesce(f.reason,
                   CASE
                       WHEN octet_length(f.name) > 1024
                           THEN format('name of %s bytes is longer than 1024', octet_length(f.name))
                       WHEN octet_length(f.asset_type) > 256
                           THEN format('asset type of %s bytes is longer than 256', octet_length(f.asset_type))
                       WHEN NOT f.name_ok
                           THEN format('name "%s" is not a full resource name (//SERVICE.googleapis.com/PATH)', left(f.name, 100))
                       WHEN octet_length(f.location) > 64
                           THEN format('resource.location of %s bytes is longer than 64', octet_length(f.location))
                       WHEN f.time_text IS NOT NULL AND f.captured_at IS NULL
                           THEN format('update_time "%s" is not an RFC 3339 time', left(f.time_text, 100))
                       WHEN t.resource_type IS NOT NULL AND t.provider <> 'gcp'
                           THEN format('asset type "%s" is not a Google Cloud asset type (it names %s''s %s)',
                                       left(f.asset_type, 100), t.provider, t.resource_type)
                       WHEN t.service_namespace IS NOT NULL AND hn.service_namespace IS NOT NULL
                            AND t.service_namespace <> hn.service_namespace AND NOT f.name_service = ANY (t.name_services)
                           THEN format('name "%s" is of service %s, not of asset type %s''s service %s', left(f.name, 100),
                                       f.name_service, f.asset_type, t.service_namespace)
                       WHEN f.account_id IS NULL
                           THEN 'no project, folder or organization in name, ancestors or resource.parent'
                   END) AS reason
        FROM (SELECT k.*,
                     CASE WHEN k.reason IS NULL AND k.time_text ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$'
                          THEN srm_internal.capture_time(k.time_text) END AS captured_at,
                     -- no capture groups (see config_items_merge)
                     k.reason IS NULL AND octet_length(k.name) <= 1024
                         AND k.name ~ '^//[a-z0-9-]+([.][a-z0-9-]+)*[.]googleapis[.]com/[^/\s]+(/[^/\s]+)*$' AS name_ok,
                     split_part(k.name, '/', 3) AS name_service,
                     CASE WHEN k.reason IS NULL AND coalesce(k.location, '') = '' AND octet_length(k.name) <= 1024
                          THEN lower(substring(k.name, '/(?:zones|regions|locations)/([^/]+)')) END AS name_location,
                     CASE WHEN k.reason IS NULL AND octet_length(k.name) <= 1024
                          THEN srm_internal.asset_inventory_account(k.name, k.j_ancestors, k.parent) END AS account_id
              FROM (SELECT j.idx, j.item, j.j_data, j.j_ancestors,
                           CASE WHEN jsonb_typeof(j.j_labels) = 'object' THEN j.j_labels END AS j_labels,
                           j.j_name #>> '{}' AS name,
                           btrim(coalesce(j.j_type #>> '{}', j.j_type2 #>> '{}')) AS asset_type,
                           coalesce(j.j_time #>> '{}', j.j_time2 #>> '{}') AS time_text,
                           lower(btrim(j.j_location #>> '{}')) AS location,
                           j.j_parent #>> '{}' AS parent,
                           coalesce(j.reason, CASE
                               WHEN jsonb_typeof(j.item) <> 'object'
                                   THEN format('the item is %s, not an object', srm_internal.asset_inventory_a(jsonb_typeof(j.item)))
                               WHEN jsonb_typeof(j.j_name) NOT IN ('string', 'null')
                                   THEN format('name is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_name)))
                               WHEN jsonb_typeof(j.j_type) NOT IN ('string', 'null')
                                   THEN format('asset_type is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_type)))
                               WHEN jsonb_typeof(j.j_type2) NOT IN ('string', 'null')
                                   THEN format('assetType is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_type2)))
                               WHEN jsonb_typeof(j.j_time) NOT IN ('string', 'null')
                                   THEN format('update_time is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_time)))
                               WHEN jsonb_typeof(j.j_time2) NOT IN ('string', 'null')
                                   THEN format('updateTime is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_time2)))
                               WHEN jsonb_typeof(j.j_resource) NOT IN ('object', 'null')
                                   THEN format('resource is %s, not an object', srm_internal.asset_inventory_a(jsonb_typeof(j.j_resource)))
                               WHEN jsonb_typeof(j.j_ancestors) NOT IN ('array', 'null')
                                   THEN format('ancestors is %s, not an array', srm_internal.asset_inventory_a(jsonb_typeof(j.j_ancestors)))
                               WHEN jsonb_typeof(j.j_ancestors) = 'array'
                                    AND EXISTS (SELECT FROM jsonb_array_elements(j.j_ancestors) e WHERE jsonb_typeof(e) <> 'string')
                                   THEN 'ancestors is an array, but not of strings'
                               WHEN jsonb_typeof(j.j_data) NOT IN ('object', 'null')
                                   THEN format('resource.data is %s, not an object', srm_internal.asset_inventory_a(jsonb_typeof(j.j_data)))
                               WHEN jsonb_typeof(j.j_location) NOT IN ('string', 'null')
                                   THEN format('resource.location is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_location)))
                               WHEN jsonb_typeof(j.j_parent) NOT IN ('string', 'null')
                                   THEN format('resource.parent is %s, not a string', srm_internal.asset_inventory_a(jsonb_typeof(j.j_parent)))
                               WHEN jsonb_typeof(j.j_labels) NOT IN ('object', 'null')
                                   THEN format('resource.data.%s is %s, not an object', j.labels_key, srm_internal.asset_inventory_a(jsonb_typeof(j.j_labels)))
                               WHEN coalesce(j.j_name #>> '{}', '') !~ '\S' THEN 'no name'
                               WHEN coalesce(j.j_type #>> '{}', j.j_type2 #>> '{}', '') !~ '\S' THEN 'no asset_type (or assetType)'
                               WHEN btrim(j.j_type #>> '{}') <> btrim(j.j_type2 #>> '{}') THEN 'asset_type and assetType differ'
                               WHEN j.j_time #>> '{}' <> j.j_time2 #>> '{}' THEN 'update_time and updateTime differ'
                               WHEN j.j_resource IS NULL
                                   THEN 'no resource: ' || CASE
                                       WHEN j.item ?| ARRAY['iam_policy', 'iamPolicy'] THEN 'an IAM_POLICY line'
                                       WHEN j.item ?| ARRAY['org_policy', 'orgPolicy'] THEN 'an ORG_POLICY line'
                                       WHEN j.item ?| ARRAY['access_policy', 'accessPolicy', 'access_level', 'accessLevel',
                                                            'service_perimeter', 'servicePerimeter'] THEN 'an ACCESS_POLICY line'
                                       WHEN j.item ?| ARRAY['os_inventory', 'osInventory'] THEN 'an OS_INVENTORY line'
                                       WHEN j.item ?| ARRAY['related_assets', 'relatedAssets', 'related_asset', 'relatedAsset']
                                           THEN 'a RELATIONSHIP line'
                                       ELSE 'a line without content'
                                   END || ' (srm loads the assets of an export with --content-type=resource)'
                           END) AS reason
                    -- each key read once
                    FROM (SELECT i.idx, i.item, i.reason,
                                 i.item -> 'name' AS j_name,
                                 i.item -> 'asset_type' AS j_type, i.item -> 'assetType' AS j_type2,
                                 i.item -> 'update_time' AS j_time, i.item -> 'updateTime' AS j_time2,
                                 i.item -> 'resource' AS j_resource, i.item -> 'ancestors' AS j_ancestors,
                                 i.item #> '{resource,data}' AS j_data, i.item #> '{resource,location}' AS j_location,
                                 i.item #> '{resource,parent}' AS j_parent,
                                 -- labels as the resource's API names them: labels, GKE's
                                 -- resourceLabels, Cloud SQL's settings.userLabels
                                 CASE WHEN i.item #> '{resource,data,labels}' IS NOT NULL THEN 'labels'
                                      WHEN i.item #> '{resource,data,resourceLabels}' IS NOT NULL THEN 'resourceLabels'
                                      WHEN i.item #> '{resource,data,settings,userLabels}' IS NOT NULL THEN 'settings.userLabels'
                                 END AS labels_key,
                                 coalesce(i.item #> '{resource,data,labels}', i.item #> '{resource,data,resourceLabels}',
                                          i.item #> '{resource,data,settings,userLabels}') AS j_labels
                          FROM pg_temp.srm_load_item i OFFSET 0) j
                    OFFSET 0) k
              OFFSET 0) f
        -- the asset types of the batch, each resolved once
        LEFT JOIN (SELECT d.given, r.resource_type, r.provider, r.service_namespace,
                          ARRAY(SELECT p.arn_namespace FROM srm.arn_pattern p WHERE p.resource_type = r.resource_type) AS name_services
                   FROM (SELECT DISTINCT btrim(coalesce(item ->> 'asset_type', item ->> 'assetType')) AS given
                         FROM pg_temp.srm_load_item
                         WHERE jsonb_typeof(coalesce(item -> 'asset_type', item -> 'assetType')) = 'string') d
                   CROSS JOIN LATERAL srm.resolve_asset(d.given) r) t ON t.given = f.asset_type
        -- the service the name names
        LEFT JOIN srm.identifier hn ON hn.form = 'service' AND f.name_ok AND hn.key = f.name_service
        -- a project number read as its project id
        LEFT JOIN pg_temp.srm_gcp_project pm ON pm.number = f.account_id),
    -- of the assets that are not rejected, the newest update of each
    w AS MATERIALIZED (
        SELECT DISTINCT ON (account_id, region, resource_type, resource_id)
               idx, account_id, region, resource_type, resource_id, resource_name, service_namespace, known_type,
               tags, configuration, supplementary_configuration, captured_at
        FROM v WHERE reason IS NULL
        ORDER BY account_id, region, resource_type, resource_id, captured_at DESC NULLS LAST, idx DESC),
    -- in the order of the key; an older update than the one loaded does
    -- not replace it
    written AS (
        INSERT INTO srm.asset AS a
            (provider, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace,
             known_type, tags, configuration, supplementary_configuration, item_status, captured_at, load_id)
        SELECT 'gcp', w.account_id, w.region, w.resource_type, w.resource_id, w.resource_name, NULL,
               w.service_namespace, w.known_type, w.tags, w.configuration, w.supplementary_configuration, NULL, w.captured_at, lid
        FROM w
        ORDER BY w.account_id, w.region, w.resource_type, w.resource_id
        ON CONFLICT (provider, account_id, region, resource_type, resource_id) DO UPDATE
        SET resource_name = excluded.resource_name, service_namespace = excluded.service_namespace,
            known_type = excluded.known_type, tags = excluded.tags, configuration = excluded.configuration,
            supplementary_configuration = excluded.supplementary_configuration,
            captured_at = excluded.captured_at, load_id = excluded.load_id, last_loaded_at = now()
        WHERE a.captured_at IS NULL OR excluded.captured_at IS NULL OR excluded.captured_at >= a.captured_at
        RETURNING a.account_id, a.region, a.resource_type, a.resource_id, (a.xmax = 0) AS inserted),
    o AS MATERIALIZED (
        SELECT v.idx, v.item, v.known_type, x.inserted,
               CASE WHEN v.reason IS NOT NULL THEN v.reason
                    WHEN w.idx <> v.idx
                        THEN format('superseded by item %s, a newer update of the same asset', w.idx)
                    WHEN x.resource_id IS NULL THEN 'older than the update already loaded for this asset'
               END AS reason
        FROM v
        LEFT JOIN w ON v.reason IS NULL AND w.account_id = v.account_id AND w.region = v.region
                   AND w.resource_type = v.resource_type AND w.resource_id = v.resource_id
        LEFT JOIN written x ON v.reason IS NULL AND w.idx = v.idx AND x.account_id = v.account_id AND x.region = v.region
                           AND x.resource_type = v.resource_type AND x.resource_id = v.resource_id),
    rejected AS (
        INSERT INTO srm.asset_load_rejection (load_id, item_index, reason, item)
        SELECT lid, o.idx, o.reason, o.item FROM o WHERE o.reason IS NOT NULL)
    SELECT count(*) AS n_read, count(*) FILTER (WHERE reason IS NULL AND inserted) AS n_inserted,
           count(*) FILTER (WHERE reason IS NULL AND NOT inserted) AS n_updated,
           count(*) FILTER (WHERE reason IS NOT NULL) AS n_rejected,
           count(*) FILTER (WHERE reason IS NULL AND NOT known_type) AS n_unknown
    INTO n
    FROM o;

    UPDATE srm.asset_load
    SET items_read = items_read + n.n_read, assets_inserted = assets_inserted + n.n_inserted,
        assets_updated = assets_updated + n.n_updated, items_rejected = items_rejected + n.n_rejected,
        unknown_types = unknown_types + n.n_unknown,
        accounts = (SELECT coalesce(array_agg(DISTINCT a ORDER BY a), '{}') FROM unnest(accounts || batch_accounts) AS a)
    WHERE load_id = lid;
    TRUNCATE pg_temp.srm_load_item;
    -- dropped, not kept: a role set later in the session could not use it
    DROP TABLE pg_temp.srm_gcp_project;
END
$$;
COMMENT ON FUNCTION srm_internal.asset_inventory_merge(bigint) IS
    'writes one batch of Cloud Asset Inventory assets (the session''s table srm_load_item) into srm.asset for load lid with the rules of every load: bad assets rejected with their reason, types resolved (unknown ones kept), assets written in key order (no deadlock between loads), counts added to srm.asset_load';

-- srm-load, once per batch of a Cloud Asset Inventory file: the assets
-- COPYed into srm_load_raw, read as JSON (one that is not JSON is
-- rejected, alone) and merged
CREATE FUNCTION srm_internal.asset_inventory_load_batch(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM srm_internal.load_raw_items();
    PERFORM srm_internal.asset_inventory_merge(lid);
END
$$;
COMMENT ON FUNCTION srm_internal.asset_inventory_load_batch(bigint) IS
    'srm-load: reads the batch of Cloud Asset Inventory assets COPYed into the session''s table srm_load_raw as JSON (one that is not JSON is rejected with the parser''s message) and merges it into srm.asset for load lid';

CREATE FUNCTION srm.load_asset_inventory(export jsonb, source text DEFAULT 'Cloud Asset Inventory')
RETURNS integer
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    lid bigint;
    n_read integer;
    n_inserted integer;
    n_updated integer;
    n_rejected integer;
    n_unknown integer;
BEGIN
    PERFORM srm_internal.asset_inventory_check(export);

    INSERT INTO srm.asset_load (source, items_read, assets_inserted, assets_updated, items_rejected, unknown_types)
    VALUES (source, 0, 0, 0, 0, 0)
    RETURNING load_id INTO lid;

    PERFORM srm_internal.config_load_tables();
    TRUNCATE pg_temp.srm_load_item;
    INSERT INTO pg_temp.srm_load_item (idx, item)
    SELECT e.idx - 1, e.v FROM jsonb_array_elements(export) WITH ORDINALITY AS e(v, idx);
    PERFORM srm_internal.asset_inventory_merge(lid);

    SELECT items_read, assets_inserted, assets_updated, items_rejected, unknown_types
    INTO n_read, n_inserted, n_updated, n_rejected, n_unknown
    FROM srm.asset_load WHERE load_id = lid;
    -- the work tables go with the call (another role of the session makes its own)
    DROP TABLE pg_temp.srm_load_item, pg_temp.srm_load_raw, pg_temp.srm_load_type;
    PERFORM srm_internal.analyze_after_load(n_inserted + n_updated);

    RAISE NOTICE 'srm load %: % items read = % assets inserted + % updated + % rejected; % of unknown resource types kept',
        lid, n_read, n_inserted, n_updated, n_rejected, n_unknown;
    RETURN n_inserted + n_updated;
END
$$;
COMMENT ON FUNCTION srm.load_asset_inventory(jsonb, text) IS
    'loads a Google Cloud Asset Inventory export (a JSON array of assets, keys in snake_case as gcloud asset export writes them or in camelCase as gcloud asset list prints them) into srm.asset as provider gcp; reloading updates, never duplicates; returns the assets inserted or updated; srm.asset_load has the reconciled counts and srm.asset_load_rejection every rejected asset with its reason';
