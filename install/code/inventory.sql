-- install/code/inventory.sql (code part): the loader of AWS Config
-- snapshots into srm.asset.

-------------------------------------------------------------------------------
-- Loading AWS Config snapshots
-------------------------------------------------------------------------------

-- the snapshot's shape: an object with an array of item objects whose keys
-- have the types AWS Config writes; an error naming the first item that
-- does not
CREATE FUNCTION srm_internal.config_snapshot_check(snapshot jsonb)
RETURNS void
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    items jsonb;
    bad record;
BEGIN
    IF jsonb_typeof(snapshot) <> 'object' THEN
        RAISE EXCEPTION 'an AWS Config snapshot is a JSON object, not a %', jsonb_typeof(snapshot)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Pass the whole snapshot file: {"fileVersion": ..., "configurationItems": [...]}.';
    END IF;
    IF NOT snapshot ? 'configurationItems' THEN
        RAISE EXCEPTION 'the snapshot has no "configurationItems" key'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Its keys are: %s.', (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(snapshot) k)),
                  HINT = 'AWS Config snapshot files hold their items in "configurationItems".';
    END IF;
    items := snapshot -> 'configurationItems';
    IF jsonb_typeof(items) <> 'array' THEN
        RAISE EXCEPTION '"configurationItems" is a %, not an array', jsonb_typeof(items)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- every item an object, and every key we read of the type it should be
    SELECT e.idx, NULL::text AS key, jsonb_typeof(e.v) AS got, 'an object' AS want INTO bad
    FROM jsonb_array_elements(items) WITH ORDINALITY AS e(v, idx)
    WHERE jsonb_typeof(e.v) <> 'object' ORDER BY e.idx LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'configurationItems[%] is a %, not an object', bad.idx - 1, bad.got
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT e.idx, k.key, jsonb_typeof(e.v -> k.key) AS got, k.want INTO bad
    FROM jsonb_array_elements(items) WITH ORDINALITY AS e(v, idx)
    CROSS JOIN (VALUES ('resourceType', 'string'), ('resourceId', 'string'), ('resourceName', 'string'),
                       ('ARN', 'string'), ('arn', 'string'), ('awsAccountId', 'string'), ('accountId', 'string'),
                       ('awsRegion', 'string'), ('region', 'string'), ('configurationItemCaptureTime', 'string'),
                       ('configurationItemStatus', 'string'), ('tags', 'object')) AS k(key, want)
    WHERE e.v ? k.key AND jsonb_typeof(e.v -> k.key) NOT IN (k.want, 'null')
    ORDER BY e.idx, k.key LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'configurationItems[%].% is a %, not a %', bad.idx - 1, bad.key, bad.got, bad.want
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT e.idx, 'configurationItemCaptureTime' AS key, e.v ->> 'configurationItemCaptureTime' AS got INTO bad
    FROM jsonb_array_elements(items) WITH ORDINALITY AS e(v, idx)
    WHERE e.v ->> 'configurationItemCaptureTime' IS NOT NULL
      AND e.v ->> 'configurationItemCaptureTime' !~ '^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d(:?\d\d)?)?$'
    ORDER BY e.idx LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'configurationItems[%].configurationItemCaptureTime "%" is not an ISO 8601 time', bad.idx - 1, bad.got
            USING ERRCODE = 'invalid_datetime_format';
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.config_snapshot_check(jsonb) IS
    'checks the shape of an AWS Config snapshot for srm.load_config_snapshot: an object whose configurationItems is an array of objects, every key srm reads of the right JSON type, capture times in ISO 8601; raises invalid_parameter_value (22023) or invalid_datetime_format (22007) naming the first bad item';

-- the items of a snapshot, one row each in the temporary table
-- srm_load_item (dropped at commit), with the reason an item is rejected:
-- a missing or malformed key, a deleted resource, or a newer capture of the
-- same resource in the same snapshot
CREATE FUNCTION srm_internal.config_items_stage(items jsonb)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF to_regclass('pg_temp.srm_load_item') IS NOT NULL THEN
        DROP TABLE pg_temp.srm_load_item;
    END IF;
    CREATE TEMPORARY TABLE srm_load_item ON COMMIT DROP AS
    SELECT e.idx - 1 AS idx, e.v AS item,
           coalesce(e.v ->> 'awsAccountId', e.v ->> 'accountId') AS account_id,
           coalesce(e.v ->> 'awsRegion', e.v ->> 'region') AS region,
           e.v ->> 'resourceType' AS resource_type,
           e.v ->> 'resourceId' AS resource_id,
           e.v ->> 'resourceName' AS resource_name,
           nullif(coalesce(e.v ->> 'ARN', e.v ->> 'arn'), '') AS arn,
           (e.v ->> 'configurationItemCaptureTime')::timestamptz AS captured_at,
           e.v ->> 'configurationItemStatus' AS item_status,
           CASE
               WHEN coalesce(e.v ->> 'resourceType', '') !~ '\S' THEN 'no resourceType'
               WHEN coalesce(e.v ->> 'resourceId', '') !~ '\S' THEN 'no resourceId'
               WHEN coalesce(e.v ->> 'awsAccountId', e.v ->> 'accountId') IS NULL THEN 'no awsAccountId (or accountId)'
               WHEN e.v ->> 'awsAccountId' <> e.v ->> 'accountId' THEN 'awsAccountId and accountId differ'
               WHEN coalesce(e.v ->> 'awsAccountId', e.v ->> 'accountId') !~ '^[0-9]{12}$'
                   THEN format('account id "%s" is not 12 digits', coalesce(e.v ->> 'awsAccountId', e.v ->> 'accountId'))
               WHEN coalesce(e.v ->> 'awsRegion', e.v ->> 'region', '') !~ '\S' THEN 'no awsRegion (or region)'
               WHEN e.v ->> 'awsRegion' <> e.v ->> 'region' THEN 'awsRegion and region differ'
               WHEN e.v ->> 'ARN' <> e.v ->> 'arn' THEN 'ARN and arn differ'
               WHEN e.v ->> 'configurationItemStatus' IN ('ResourceDeleted', 'ResourceDeletedNotRecorded')
                   THEN format('the resource is deleted (configurationItemStatus %s)', e.v ->> 'configurationItemStatus')
           END AS reason
    FROM jsonb_array_elements(items) WITH ORDINALITY AS e(v, idx);

    -- an item that repeats a resource is superseded by the newest capture
    UPDATE pg_temp.srm_load_item i
    SET reason = format('superseded by configurationItems[%s], a newer capture of the same resource', w.idx)
    FROM (SELECT idx, account_id, region, resource_type, resource_id,
                 row_number() OVER (PARTITION BY account_id, region, resource_type, resource_id
                                    ORDER BY captured_at DESC NULLS LAST, idx DESC) AS rn,
                 first_value(idx) OVER (PARTITION BY account_id, region, resource_type, resource_id
                                        ORDER BY captured_at DESC NULLS LAST, idx DESC) AS winner
          FROM pg_temp.srm_load_item WHERE reason IS NULL) d,
         LATERAL (SELECT d.winner AS idx) w
    WHERE i.idx = d.idx AND d.rn > 1;
END
$$;
COMMENT ON FUNCTION srm_internal.config_items_stage(jsonb) IS
    'stages the configurationItems of a snapshot for srm.load_config_snapshot in the temporary table srm_load_item (dropped at commit), each with the reason it is rejected, if any';

-- the staged items that are not rejected, into srm.asset: new resources
-- inserted, known ones updated unless the loaded capture is newer; marks
-- each staged item inserted or updated (or rejected as older)
CREATE FUNCTION srm_internal.config_items_upsert(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- upsert the rest; an item older than what is loaded does not replace it
    WITH written AS (
        INSERT INTO srm.asset AS a
            (provider, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace,
             known_type, tags, configuration, supplementary_configuration, item_status, captured_at, load_id)
        SELECT 'aws', i.account_id, i.region, i.resource_type, i.resource_id, i.resource_name, i.arn,
               coalesce(rt.service_namespace, ra.service_namespace), rt.resource_type IS NOT NULL,
               coalesce(i.item -> 'tags', '{}'), i.item -> 'configuration', i.item -> 'supplementaryConfiguration',
               i.item_status, i.captured_at, lid
        FROM pg_temp.srm_load_item i
        LEFT JOIN LATERAL srm.resolve_asset(i.resource_type) rt ON true
        LEFT JOIN LATERAL srm.resolve_asset(i.arn) ra ON i.arn IS NOT NULL
        WHERE i.reason IS NULL
        ON CONFLICT (provider, account_id, region, resource_type, resource_id) DO UPDATE
        SET resource_name = excluded.resource_name, arn = excluded.arn,
            service_namespace = excluded.service_namespace, known_type = excluded.known_type,
            tags = excluded.tags, configuration = excluded.configuration,
            supplementary_configuration = excluded.supplementary_configuration, item_status = excluded.item_status,
            captured_at = excluded.captured_at, load_id = excluded.load_id, last_loaded_at = now()
        WHERE a.captured_at IS NULL OR excluded.captured_at IS NULL OR excluded.captured_at >= a.captured_at
        RETURNING a.account_id, a.region, a.resource_type, a.resource_id, (a.xmax = 0) AS inserted
    )
    UPDATE pg_temp.srm_load_item i
    SET reason = CASE WHEN w.resource_id IS NULL
                      THEN 'older than the capture already loaded for this resource' END,
        item = i.item || jsonb_build_object('srm:inserted', w.inserted)
    FROM pg_temp.srm_load_item i2
    LEFT JOIN written w USING (account_id, region, resource_type, resource_id)
    WHERE i.idx = i2.idx AND i.reason IS NULL;
END
$$;
COMMENT ON FUNCTION srm_internal.config_items_upsert(bigint) IS
    'writes the staged items of srm_internal.config_items_stage into srm.asset for load lid (an older capture than the one loaded does not replace it) and marks each item inserted, updated or rejected';

CREATE FUNCTION srm.load_config_snapshot(snapshot jsonb, source text DEFAULT 'AWS Config snapshot')
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
    load_accounts text[];
BEGIN
    PERFORM srm_internal.config_snapshot_check(snapshot);

    INSERT INTO srm.asset_load (source, file_version, snapshot_id, items_read, assets_inserted,
                                        assets_updated, items_rejected, unknown_types)
    VALUES (source, snapshot ->> 'fileVersion', snapshot ->> 'configSnapshotId', 0, 0, 0, 0, 0)
    RETURNING load_id INTO lid;

    PERFORM srm_internal.config_items_stage(snapshot -> 'configurationItems');
    -- a team member loads its teams' accounts only (install/code/teams.sql)
    load_accounts := srm_internal.team_load_accounts();

    PERFORM srm_internal.config_items_upsert(lid);

    SELECT count(*),
           count(*) FILTER (WHERE reason IS NULL AND (item ->> 'srm:inserted')::boolean),
           count(*) FILTER (WHERE reason IS NULL AND NOT (item ->> 'srm:inserted')::boolean),
           count(*) FILTER (WHERE reason IS NOT NULL)
    INTO n_read, n_inserted, n_updated, n_rejected
    FROM pg_temp.srm_load_item;
    SELECT count(*) INTO n_unknown FROM srm.asset WHERE load_id = lid AND NOT known_type;

    INSERT INTO srm.asset_load_rejection (load_id, item_index, reason, item)
    SELECT lid, idx, reason, item FROM pg_temp.srm_load_item WHERE reason IS NOT NULL;
    UPDATE srm.asset_load
    SET items_read = n_read, assets_inserted = n_inserted, assets_updated = n_updated,
        items_rejected = n_rejected, unknown_types = n_unknown, accounts = load_accounts
    WHERE load_id = lid;
    DROP TABLE pg_temp.srm_load_item;
    -- fresh statistics for the audits that follow a load
    PERFORM srm_internal.analyze_user_table('srm.asset');

    RAISE NOTICE 'srm load %: % items read = % assets inserted + % updated + % rejected; % of unknown resource types kept',
        lid, n_read, n_inserted, n_updated, n_rejected, n_unknown;
    RETURN n_inserted + n_updated;
END
$$;
COMMENT ON FUNCTION srm.load_config_snapshot(jsonb, text) IS
    'loads an AWS Config snapshot ({"configurationItems": [...]}, keys awsAccountId/ARN/awsRegion or accountId/arn/region) into srm.asset; reloading updates, never duplicates; returns the assets inserted or updated; srm.asset_load has the reconciled counts and srm.asset_load_rejection every rejected item with its reason';
