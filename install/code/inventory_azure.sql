-- install/code/inventory_azure.sql (code part): the loader of Azure
-- Resource Graph exports into srm.asset, with the rules of the AWS Config
-- loader (install/code/inventory.sql): the same work tables, load rows,
-- counts, rejections and key order.

-------------------------------------------------------------------------------
-- Loading Azure Resource Graph exports
-------------------------------------------------------------------------------

-- the rows of an export: the "data" array of the object `az graph query`
-- prints ({"count", "data", "skip_token", "total_records"}) or the REST API
-- returns ({"count", "data", "$skipToken", "totalRecords", ...}), or a bare
-- array of rows (what older versions of the CLI printed); an error if
-- neither.  What is wrong with one row rejects that row only.
CREATE FUNCTION srm_internal.resource_graph_rows(export jsonb)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF jsonb_typeof(export) = 'array' THEN
        RETURN export;
    END IF;
    IF jsonb_typeof(export) <> 'object' THEN
        RAISE EXCEPTION 'an Azure Resource Graph export is a JSON object or array, not a %', jsonb_typeof(export)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Pass what az graph query -o json prints: {"count": ..., "data": [...], ...}, or an array of rows.';
    END IF;
    IF NOT export ? 'data' THEN
        RAISE EXCEPTION 'the export has no "data" key'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Its keys are: %s.', (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(export) k)),
                  HINT = 'Azure Resource Graph query results hold their rows in "data".';
    END IF;
    IF jsonb_typeof(export -> 'data') <> 'array' THEN
        RAISE EXCEPTION '"data" is a %, not an array', jsonb_typeof(export -> 'data')
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Query with the default result format (objectArray): az graph query -o json does.';
    END IF;
    RETURN export -> 'data';
END
$$;
COMMENT ON FUNCTION srm_internal.resource_graph_rows(jsonb) IS
    'the rows of an Azure Resource Graph export for srm.load_resource_graph: the "data" array of an object (az graph query, the REST API) or a bare array; raises invalid_parameter_value (22023) otherwise (a bad row is rejected, not an error)';

-- a Resource Graph type in lower case, as the loader compares and resolves
-- it; Resource Graph writes a resource group's type as the path of its id
-- (microsoft.resources/subscriptions/resourcegroups), which is ARM's
-- Microsoft.Resources/resourceGroups
CREATE FUNCTION srm_internal.resource_graph_type_key(type text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE pg_catalog.lower(pg_catalog.btrim(type))
           WHEN 'microsoft.resources/subscriptions/resourcegroups' THEN 'microsoft.resources/resourcegroups'
           ELSE pg_catalog.lower(pg_catalog.btrim(type))
       END;
COMMENT ON FUNCTION srm_internal.resource_graph_type_key(text) IS
    'an Azure Resource Graph or ARM type in lower case, as the Resource Graph loader compares types; microsoft.resources/subscriptions/resourcegroups read as microsoft.resources/resourcegroups';

-- the subscription of each row staged in pg_temp.srm_load_item (its id's,
-- and its subscriptionId when that is a UUID too), in lower case; for a
-- team member each must be one of its teams' accounts (else
-- insufficient_privilege, before anything is written), as
-- srm_internal.team_load_accounts checks AWS accounts
CREATE FUNCTION srm_internal.resource_graph_load_accounts()
RETURNS text[]
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found text[];
BEGIN
    SELECT coalesce(array_agg(DISTINCT a.account_id ORDER BY a.account_id), '{}') INTO found
    FROM pg_temp.srm_load_item i
    -- split_part, not a regular expression: this reads every row
    CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(i.item -> 'id') = 'string' THEN lower(btrim(i.item ->> 'id')) END AS id) AS x
    CROSS JOIN LATERAL (VALUES (CASE WHEN x.id LIKE '/subscriptions/%' THEN split_part(x.id, '/', 3) END),
                               (lower(CASE WHEN jsonb_typeof(i.item -> 'subscriptionId') = 'string'
                                           THEN btrim(i.item ->> 'subscriptionId') END))) AS a(account_id)
    WHERE jsonb_typeof(i.item) = 'object'
      AND a.account_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
    RETURN srm_internal.team_refuse_accounts(found, 'subscription', 'The export has rows of that subscription.',
                                             'Load the exports of your teams'' subscriptions only (srm.team_account).');
END
$$;
COMMENT ON FUNCTION srm_internal.resource_graph_load_accounts() IS
    'the subscriptions (lower case) of the Resource Graph rows a load staged, for srm.asset_load.accounts; for a team member each must be one of its teams'' (else insufficient_privilege, before anything is written)';

-- one batch of Resource Graph rows, from pg_temp.srm_load_item, into
-- srm.asset for load lid, with the rules of every load
-- (srm.load_resource_graph and srm-load run this one function):
--   * a row is rejected, with its reason in srm.asset_load_rejection, never
--     the batch: not an object, a key of the wrong JSON type, no id, an id
--     that is not an ARM resource id or whose subscription is not a UUID,
--     a subscriptionId that is not the id's, a type that is not the id's,
--     an identifier too long to index, a later row of the same resource in
--     the batch;
--   * the asset: provider azure, account the subscription (lower case),
--     region the location in lower case without blanks (global when there
--     is none), resource type as srm spells it (microsoft.compute/
--     virtualmachines is Microsoft.Compute/virtualMachines) or, for a type
--     srm does not know, the Resource Graph type in lower case (kept,
--     known_type false, its service the one its provider namespace names,
--     if any), resource id the ARM id in lower case without a trailing
--     slash (ARM ids are case-insensitive: one resource, one asset), name
--     the row's name (else the id's last part), tags, configuration the
--     ARM properties, supplementary configuration the row's other columns
--     (kind, sku, identity, zones, managedBy, resourceGroup, ...); no ARN,
--     no status, no capture time (a Resource Graph row has none), so a
--     reload replaces what is loaded;
--   * assets are written in the order of their key (no deadlock).
-- Adds the batch's counts to srm.asset_load.
CREATE FUNCTION srm_internal.resource_graph_merge(lid bigint)
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

    -- a team member loads its teams' subscriptions only: refused before
    -- anything of the batch is written
    batch_accounts := srm_internal.resource_graph_load_accounts();

    WITH v AS MATERIALIZED (
        SELECT f.idx, f.item, f.account_id, f.region,
               coalesce(t.resource_type, f.type_key) AS resource_type, f.resource_id,
               coalesce(f.name, substring(f.resource_id_given, '([^/]+)$')) AS resource_name,
               t.service_namespace, t.resource_type IS NOT NULL AS known_type,
               coalesce(f.j_tags, '{}') AS tags, f.j_properties AS configuration,
               CASE WHEN jsonb_typeof(f.item) = 'object'
                    THEN f.item - ARRAY['id', 'name', 'type', 'location', 'subscriptionId', 'tags', 'properties'] END AS supplementary_configuration,
               coalesce(f.reason,
                   CASE
                       WHEN octet_length(f.resource_id) > 1024
                           THEN format('id of %s bytes is longer than 1024', octet_length(f.resource_id))
                       WHEN octet_length(f.type_given) > 256
                           THEN format('type of %s bytes is longer than 256', octet_length(f.type_given))
                       WHEN octet_length(f.region) > 64
                           THEN format('location of %s bytes is longer than 64', octet_length(f.region))
                       WHEN f.id_type IS NULL
                           THEN format('id "%s" is not an Azure Resource Manager resource id (/subscriptions/{subscription}[/resourceGroups/{group}][/providers/{namespace}/{type}/{name}...])',
                                       left(f.resource_id_given, 100))
                       WHEN f.id_subscription !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                           THEN format('the subscription "%s" of id is not a UUID', left(f.id_subscription, 100))
                       WHEN f.subscription_given IS NOT NULL AND f.subscription_given <> f.id_subscription
                           THEN format('subscriptionId "%s" is not the subscription of id (%s)', left(f.subscription_given, 100), f.id_subscription)
                       WHEN f.type_given IS NOT NULL AND f.type_key <> f.id_type_key
                           THEN format('type "%s" is not the type of id (%s)', left(f.type_given, 100), f.id_type)
                   END) AS reason
        FROM (SELECT k.*,
                     srm_internal.resource_graph_type_key(coalesce(k.type_given, k.id_type)) AS type_key,
                     srm_internal.resource_graph_type_key(k.id_type) AS id_type_key
              FROM (SELECT j.idx, j.item, j.j_tags, j.j_properties,
                           lower(rtrim(btrim(j.j_id #>> '{}'), '/')) AS resource_id,
                           rtrim(btrim(j.j_id #>> '{}'), '/') AS resource_id_given,
                           CASE WHEN j.reason IS NULL AND octet_length(j.j_id #>> '{}') <= 1024
                                THEN srm_internal.arm_type(j.j_id #>> '{}') END AS id_type,
                           CASE WHEN lower(btrim(j.j_id #>> '{}')) LIKE '/subscriptions/%'
                                THEN split_part(lower(btrim(j.j_id #>> '{}')), '/', 3) END AS id_subscription,
                           nullif(lower(btrim(j.j_subscription #>> '{}')), '') AS subscription_given,
                           CASE WHEN lower(btrim(j.j_id #>> '{}')) LIKE '/subscriptions/%'
                                THEN split_part(lower(btrim(j.j_id #>> '{}')), '/', 3) END AS account_id,
                           coalesce(nullif(translate(lower(j.j_location #>> '{}'), E' \t\n\r', ''), ''), 'global') AS region,
                           nullif(btrim(j.j_type #>> '{}'), '') AS type_given,
                           nullif(j.j_name #>> '{}', '') AS name,
                           coalesce(j.reason, CASE
                               WHEN jsonb_typeof(j.item) <> 'object'
                                   THEN format('the row is a %s, not an object', jsonb_typeof(j.item))
                               WHEN jsonb_typeof(j.j_id) NOT IN ('string', 'null')
                                   THEN format('id is a %s, not a string', jsonb_typeof(j.j_id))
                               WHEN jsonb_typeof(j.j_type) NOT IN ('string', 'null')
                                   THEN format('type is a %s, not a string', jsonb_typeof(j.j_type))
                               WHEN jsonb_typeof(j.j_name) NOT IN ('string', 'null')
                                   THEN format('name is a %s, not a string', jsonb_typeof(j.j_name))
                               WHEN jsonb_typeof(j.j_subscription) NOT IN ('string', 'null')
                                   THEN format('subscriptionId is a %s, not a string', jsonb_typeof(j.j_subscription))
                               WHEN jsonb_typeof(j.j_location) NOT IN ('string', 'null')
                                   THEN format('location is a %s, not a string', jsonb_typeof(j.j_location))
                               WHEN jsonb_typeof(j.j_tags) NOT IN ('object', 'null')
                                   THEN format('tags is a %s, not an object', jsonb_typeof(j.j_tags))
                               WHEN jsonb_typeof(j.j_properties) NOT IN ('object', 'null')
                                   THEN format('properties is a %s, not an object', jsonb_typeof(j.j_properties))
                               WHEN coalesce(j.j_id #>> '{}', '') !~ '\S' THEN 'no id'
                           END) AS reason
                    FROM (SELECT i.idx, i.item, i.reason,
                                 i.item -> 'id' AS j_id, i.item -> 'type' AS j_type, i.item -> 'name' AS j_name,
                                 i.item -> 'subscriptionId' AS j_subscription, i.item -> 'location' AS j_location,
                                 CASE WHEN jsonb_typeof(i.item -> 'tags') = 'null' THEN NULL ELSE i.item -> 'tags' END AS j_tags,
                                 CASE WHEN jsonb_typeof(i.item -> 'properties') = 'null' THEN NULL ELSE i.item -> 'properties' END AS j_properties
                          FROM pg_temp.srm_load_item i OFFSET 0) j
                    OFFSET 0) k
              OFFSET 0) f
        -- the types of the batch, each resolved once (Azure's only)
        LEFT JOIN (SELECT d.type_key, r.resource_type, r.service_namespace
                   FROM (SELECT DISTINCT srm_internal.resource_graph_type_key(coalesce(
                                             nullif(btrim(CASE WHEN jsonb_typeof(item -> 'type') = 'string' THEN item ->> 'type' END), ''),
                                             srm_internal.arm_type(CASE WHEN jsonb_typeof(item -> 'id') = 'string' AND octet_length(item ->> 'id') <= 1024
                                                                        THEN item ->> 'id' END))) AS type_key
                         FROM pg_temp.srm_load_item WHERE jsonb_typeof(item) = 'object') d
                   CROSS JOIN LATERAL srm.resolve_asset(d.type_key) r
                   WHERE d.type_key IS NOT NULL AND (r.provider = 'azure' OR r.provider IS NULL)) t ON t.type_key = f.type_key),
    -- of the rows that are not rejected, the last of each resource
    w AS MATERIALIZED (
        SELECT DISTINCT ON (account_id, region, resource_type, resource_id)
               idx, account_id, region, resource_type, resource_id, resource_name, service_namespace, known_type,
               tags, configuration, supplementary_configuration
        FROM v WHERE reason IS NULL
        ORDER BY account_id, region, resource_type, resource_id, idx DESC),
    written AS (
        INSERT INTO srm.asset AS a
            (provider, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace,
             known_type, tags, configuration, supplementary_configuration, item_status, captured_at, load_id)
        SELECT 'azure', w.account_id, w.region, w.resource_type, w.resource_id, w.resource_name, NULL,
               w.service_namespace, w.known_type, w.tags, w.configuration, w.supplementary_configuration,
               NULL, NULL, lid
        FROM w
        ORDER BY w.account_id, w.region, w.resource_type, w.resource_id
        ON CONFLICT (provider, account_id, region, resource_type, resource_id) DO UPDATE
        SET resource_name = excluded.resource_name, arn = excluded.arn,
            service_namespace = excluded.service_namespace, known_type = excluded.known_type,
            tags = excluded.tags, configuration = excluded.configuration,
            supplementary_configuration = excluded.supplementary_configuration, item_status = excluded.item_status,
            captured_at = excluded.captured_at, load_id = excluded.load_id, last_loaded_at = now()
        RETURNING a.account_id, a.region, a.resource_type, a.resource_id, (a.xmax = 0) AS inserted),
    o AS MATERIALIZED (
        SELECT v.idx, v.item, v.known_type, x.inserted,
               CASE WHEN v.reason IS NOT NULL THEN v.reason
                    WHEN w.idx <> v.idx THEN format('superseded by data[%s], a later row of the same resource', w.idx)
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
END
$$;
COMMENT ON FUNCTION srm_internal.resource_graph_merge(bigint) IS
    'writes one batch of Azure Resource Graph rows (the session''s table srm_load_item) into srm.asset for load lid with the rules of every load: bad rows rejected with their reason, ARM ids in lower case, types as srm spells them, regions normalised, assets written in key order (no deadlock between loads), counts added to srm.asset_load';

-- srm-load, once per batch of a Resource Graph export: the rows COPYed into
-- srm_load_raw, read as JSON (a row that is not JSON is rejected, alone)
-- and merged, as srm_internal.config_load_batch does for AWS Config items
CREATE FUNCTION srm_internal.resource_graph_load_batch(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM srm_internal.load_raw_items();
    PERFORM srm_internal.resource_graph_merge(lid);
END
$$;
COMMENT ON FUNCTION srm_internal.resource_graph_load_batch(bigint) IS
    'srm-load: reads the batch of Resource Graph rows COPYed into the session''s table srm_load_raw as JSON (a row that is not JSON is rejected with the parser''s message) and merges it into srm.asset for load lid';

CREATE FUNCTION srm.load_resource_graph(export jsonb, source text DEFAULT 'Azure Resource Graph')
RETURNS integer
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rows jsonb := srm_internal.resource_graph_rows(export);
    lid bigint;
    n_read integer;
    n_inserted integer;
    n_updated integer;
    n_rejected integer;
    n_unknown integer;
    more text := CASE WHEN jsonb_typeof(export) = 'object'
                      THEN coalesce(export ->> 'skip_token', export ->> '$skipToken') END;
BEGIN
    INSERT INTO srm.asset_load (source, items_read, assets_inserted, assets_updated, items_rejected, unknown_types)
    VALUES (source, 0, 0, 0, 0, 0)
    RETURNING load_id INTO lid;

    PERFORM srm_internal.config_load_tables();
    TRUNCATE pg_temp.srm_load_item;
    INSERT INTO pg_temp.srm_load_item (idx, item)
    SELECT e.idx - 1, e.v FROM jsonb_array_elements(rows) WITH ORDINALITY AS e(v, idx);
    PERFORM srm_internal.resource_graph_merge(lid);

    SELECT items_read, assets_inserted, assets_updated, items_rejected, unknown_types
    INTO n_read, n_inserted, n_updated, n_rejected, n_unknown
    FROM srm.asset_load WHERE load_id = lid;
    DROP TABLE pg_temp.srm_load_item, pg_temp.srm_load_raw, pg_temp.srm_load_type;
    PERFORM srm_internal.analyze_after_load(n_inserted + n_updated);

    IF more IS NOT NULL THEN
        RAISE WARNING 'the export is one page of a longer result (% of % records)', jsonb_array_length(rows),
            coalesce(export ->> 'total_records', export ->> 'totalRecords', 'more')
            USING HINT = 'Query every page (az graph query --skip-token, or srm-load on each page''s output) to load the whole inventory.';
    END IF;
    RAISE NOTICE 'srm load %: % items read = % assets inserted + % updated + % rejected; % of unknown resource types kept',
        lid, n_read, n_inserted, n_updated, n_rejected, n_unknown;
    RETURN n_inserted + n_updated;
END
$$;
COMMENT ON FUNCTION srm.load_resource_graph(jsonb, text) IS
    'loads an Azure Resource Graph export (what az graph query -o json prints, {"count", "data": [...], "skip_token", "total_records"}, the REST API''s response, or an array of rows of the Resources table) into srm.asset; ARM ids are keys in lower case, so reloading in any case updates, never duplicates; returns the assets inserted or updated; srm.asset_load has the reconciled counts and srm.asset_load_rejection every rejected row with its reason';
