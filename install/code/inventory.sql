-- install/code/inventory.sql (code part): the loader of AWS Config
-- snapshots into srm.asset.

-------------------------------------------------------------------------------
-- Loading AWS Config snapshots
-------------------------------------------------------------------------------

-- the snapshot's shape: an object with an array of items; an error if
-- not.  What is wrong with one item rejects that item only (see
-- srm_internal.config_items_merge).
CREATE FUNCTION srm_internal.config_snapshot_check(snapshot jsonb)
RETURNS void
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    items jsonb;
BEGIN
    IF jsonb_typeof(snapshot) <> 'object' THEN
        RAISE EXCEPTION 'an AWS Config snapshot is a JSON object, not a %', jsonb_typeof(snapshot)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Pass the whole snapshot file: {"fileVersion": ..., "configurationItems": [...]}, or load any shape with srm-load.';
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
END
$$;
COMMENT ON FUNCTION srm_internal.config_snapshot_check(jsonb) IS
    'checks the shape of an AWS Config snapshot for srm.load_config_snapshot: an object whose configurationItems is an array; raises invalid_parameter_value (22023) otherwise (a bad item is rejected, not an error)';

-- an AWS Config capture time: ISO 8601 (a time without a zone is UTC) or
-- epoch seconds; null for anything else
CREATE FUNCTION srm_internal.capture_time(value text)
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'srm_capture_time'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm_internal.capture_time(text) IS
    'an AWS Config capture time read as ISO 8601 (YYYY-MM-DDThh:mm[:ss[.f]] with Z, an offset or no zone, which is UTC) or as epoch seconds (1696147201.5); null when it is neither or out of range (years 1-9999, every field in range)';

-- JSON text as jsonb, null if it is not JSON (the Config API writes an
-- item's configuration, and select-resource-config whole items, as JSON
-- strings); the exception block runs only for those strings
CREATE FUNCTION srm_internal.json_or_null(value text)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN value::jsonb;
EXCEPTION WHEN data_exception THEN
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION srm_internal.json_or_null(text) IS
    'text parsed as JSON, or null when it is not JSON';

-- the work tables of a load, in the session: srm_load_item holds one batch
-- of items as read (idx: the item's index in its file, from 0; reason: set
-- when the item was rejected before it could be read), srm_load_raw the
-- same as text for srm-load's COPY, srm_load_norm the items as they would
-- be stored with the reason each is rejected, if any
CREATE FUNCTION srm_internal.config_load_tables()
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF to_regclass('pg_temp.srm_load_norm') IS NULL THEN
        CREATE TEMPORARY TABLE srm_load_raw (idx integer NOT NULL, item text NOT NULL, reason text);
        CREATE TEMPORARY TABLE srm_load_item (idx integer NOT NULL, item jsonb NOT NULL, reason text);
        CREATE TEMPORARY TABLE srm_load_norm (
            idx integer NOT NULL, item jsonb NOT NULL, account_id text, region text, resource_type text,
            resource_id text, resource_name text, arn text, service_namespace text, known_type boolean,
            tags jsonb, configuration jsonb, supplementary_configuration jsonb, item_status text,
            captured_at timestamptz, reason text, inserted boolean);
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.config_load_tables() IS
    'creates the session''s work tables of a load (srm_load_raw, srm_load_item, srm_load_norm) unless they exist';

-- one batch of items, from pg_temp.srm_load_item, into srm.asset for load
-- lid, with the rules of every load (srm.load_config_snapshot and srm-load
-- run this one function):
--   * an item is rejected, with its reason in srm.asset_load_rejection,
--     never the batch: not an object, a key of the wrong JSON type, a
--     missing or malformed resource type, id, account or region, an
--     identifier too long to index, a capture time that is not ISO 8601 or
--     epoch seconds, a malformed ARN, an unknown partition, an ARN whose
--     service contradicts the resource type, a deleted resource, an older
--     capture than the one loaded or than another item of the batch;
--   * resource types are spelled as srm knows them (aws::ec2::instance is
--     AWS::EC2::Instance), regions in lower case without blanks, a region
--     "Not Applicable" is the ARN's region (global when it names none);
--   * tags given as [{"key", "value"}] pairs become an object, a
--     configuration given as a JSON string its JSON;
--   * assets are written in the order of their key, so that loads running
--     at the same time take their row locks in one order and never
--     deadlock.
-- Adds the batch's counts to srm.asset_load.
CREATE FUNCTION srm_internal.config_items_merge(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n_read integer;
    n_inserted integer;
    n_updated integer;
    n_rejected integer;
BEGIN
    PERFORM srm_internal.config_load_tables();
    TRUNCATE pg_temp.srm_load_norm;

    -- select-resource-config returns items as JSON strings
    UPDATE pg_temp.srm_load_item i SET item = j
    FROM (SELECT idx, srm_internal.json_or_null(item #>> '{}') AS j
          FROM pg_temp.srm_load_item WHERE jsonb_typeof(item) = 'string') s
    WHERE i.idx = s.idx AND s.j IS NOT NULL;

    INSERT INTO pg_temp.srm_load_norm
        (idx, item, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace,
         known_type, tags, configuration, supplementary_configuration, item_status, captured_at, reason)
    SELECT f.idx, f.item, f.account_id,
           CASE WHEN f.region = 'not applicable' THEN coalesce(nullif(f.arn_m[3], ''), 'global') ELSE f.region END,
           coalesce(t.resource_type, f.resource_type), f.resource_id, f.resource_name, f.arn,
           coalesce(t.service_namespace,
                    CASE WHEN t.resource_type IS NULL AND f.arn IS NOT NULL AND f.reason IS NULL
                         THEN (SELECT r.service_namespace FROM srm.resolve_asset(f.arn) r) END),
           t.resource_type IS NOT NULL,
           CASE jsonb_typeof(f.item -> 'tags')
               WHEN 'object' THEN f.item -> 'tags'
               WHEN 'array' THEN (SELECT coalesce(jsonb_object_agg(coalesce(e ->> 'key', e ->> 'Key'),
                                                                   coalesce(e -> 'value', e -> 'Value', 'null')), '{}')
                                  FROM jsonb_array_elements(f.item -> 'tags') e
                                  WHERE coalesce(e ->> 'key', e ->> 'Key') IS NOT NULL)
               ELSE '{}' END,
           CASE WHEN jsonb_typeof(f.item -> 'configuration') = 'string'
                THEN coalesce(srm_internal.json_or_null(f.item ->> 'configuration'), f.item -> 'configuration')
                ELSE f.item -> 'configuration' END,
           f.item -> 'supplementaryConfiguration', f.item_status, f.captured_at,
           coalesce(f.reason,
               CASE
                   WHEN octet_length(f.resource_type) > 256
                       THEN format('resourceType of %s bytes is longer than 256', octet_length(f.resource_type))
                   WHEN octet_length(f.resource_id) > 1024
                       THEN format('resourceId of %s bytes is longer than 1024', octet_length(f.resource_id))
                   WHEN octet_length(f.arn) > 2048
                       THEN format('ARN of %s bytes is longer than 2048', octet_length(f.arn))
                   WHEN octet_length(f.region) > 64
                       THEN format('region of %s bytes is longer than 64', octet_length(f.region))
                   WHEN f.time_text IS NOT NULL AND f.captured_at IS NULL
                       THEN format('configurationItemCaptureTime "%s" is not an ISO 8601 time or epoch seconds', left(f.time_text, 100))
                   WHEN f.arn IS NOT NULL AND f.arn_m IS NULL
                       THEN format('ARN "%s" is not arn:partition:service:region:account:resource', left(f.arn, 100))
                   WHEN f.arn IS NOT NULL AND f.arn_m[1] NOT IN ('aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b',
                                                                'aws-iso-e', 'aws-iso-f', 'aws-eusc')
                       THEN format('ARN "%s" names an unknown partition "%s"', left(f.arn, 100), left(f.arn_m[1], 40))
                   WHEN t.resource_type IS NOT NULL AND f.arn IS NOT NULL AND ia.service_namespace IS NOT NULL
                        AND ia.service_namespace <> t.service_namespace AND NOT f.arn_m[2] = ANY (t.arn_namespaces)
                       THEN format('ARN "%s" is of service %s, not of %s''s service %s', left(f.arn, 100),
                                   ia.service_namespace, t.resource_type, t.service_namespace)
                   WHEN f.item_status IN ('ResourceDeleted', 'ResourceDeletedNotRecorded')
                       THEN format('the resource is deleted (configurationItemStatus %s)', f.item_status)
               END)
    FROM (SELECT v.idx, v.item, v.account_id, v.region, v.resource_type, v.resource_id, v.resource_name, v.arn,
                 v.item_status, v.time_text, v.reason,
                 CASE WHEN v.reason IS NULL AND v.time_text IS NOT NULL THEN srm_internal.capture_time(v.time_text) END AS captured_at,
                 CASE WHEN v.reason IS NULL AND octet_length(v.arn) <= 2048
                      THEN regexp_match(v.arn, '^arn:([^:\s]+):([a-z0-9-]+):([a-z0-9-]*):([^:\s]*):([^\s].*)$') END AS arn_m
          FROM (SELECT i.idx, i.item, i.item ->> 'configurationItemStatus' AS item_status,
                       coalesce(i.item ->> 'awsAccountId', i.item ->> 'accountId') AS account_id,
                       lower(btrim(coalesce(i.item ->> 'awsRegion', i.item ->> 'region'))) AS region,
                       btrim(i.item ->> 'resourceType') AS resource_type,
                       i.item ->> 'resourceId' AS resource_id,
                       i.item ->> 'resourceName' AS resource_name,
                       nullif(btrim(coalesce(i.item ->> 'ARN', i.item ->> 'arn')), '') AS arn,
                       i.item ->> 'configurationItemCaptureTime' AS time_text,
                       coalesce(i.reason, CASE
                           WHEN jsonb_typeof(i.item) <> 'object'
                               THEN format('the item is a %s, not an object', jsonb_typeof(i.item))
                           WHEN jsonb_typeof(i.item -> 'resourceType') NOT IN ('string', 'null')
                               THEN format('resourceType is a %s, not a string', jsonb_typeof(i.item -> 'resourceType'))
                           WHEN jsonb_typeof(i.item -> 'resourceId') NOT IN ('string', 'null')
                               THEN format('resourceId is a %s, not a string', jsonb_typeof(i.item -> 'resourceId'))
                           WHEN jsonb_typeof(i.item -> 'resourceName') NOT IN ('string', 'null')
                               THEN format('resourceName is a %s, not a string', jsonb_typeof(i.item -> 'resourceName'))
                           WHEN jsonb_typeof(i.item -> 'ARN') NOT IN ('string', 'null')
                               THEN format('ARN is a %s, not a string', jsonb_typeof(i.item -> 'ARN'))
                           WHEN jsonb_typeof(i.item -> 'arn') NOT IN ('string', 'null')
                               THEN format('arn is a %s, not a string', jsonb_typeof(i.item -> 'arn'))
                           WHEN jsonb_typeof(i.item -> 'awsAccountId') NOT IN ('string', 'null')
                               THEN format('awsAccountId is a %s, not a string', jsonb_typeof(i.item -> 'awsAccountId'))
                           WHEN jsonb_typeof(i.item -> 'accountId') NOT IN ('string', 'null')
                               THEN format('accountId is a %s, not a string', jsonb_typeof(i.item -> 'accountId'))
                           WHEN jsonb_typeof(i.item -> 'awsRegion') NOT IN ('string', 'null')
                               THEN format('awsRegion is a %s, not a string', jsonb_typeof(i.item -> 'awsRegion'))
                           WHEN jsonb_typeof(i.item -> 'region') NOT IN ('string', 'null')
                               THEN format('region is a %s, not a string', jsonb_typeof(i.item -> 'region'))
                           WHEN jsonb_typeof(i.item -> 'configurationItemCaptureTime') NOT IN ('string', 'number', 'null')
                               THEN format('configurationItemCaptureTime is a %s, not a string or a number',
                                           jsonb_typeof(i.item -> 'configurationItemCaptureTime'))
                           WHEN jsonb_typeof(i.item -> 'configurationItemStatus') NOT IN ('string', 'null')
                               THEN format('configurationItemStatus is a %s, not a string', jsonb_typeof(i.item -> 'configurationItemStatus'))
                           WHEN jsonb_typeof(i.item -> 'tags') NOT IN ('object', 'array', 'null')
                               THEN format('tags is a %s, not an object', jsonb_typeof(i.item -> 'tags'))
                           WHEN jsonb_typeof(i.item -> 'tags') = 'array'
                                AND EXISTS (SELECT FROM jsonb_array_elements(i.item -> 'tags') e
                                            WHERE jsonb_typeof(coalesce(e -> 'key', e -> 'Key')) IS DISTINCT FROM 'string')
                               THEN 'tags is an array, but not of {"key": ..., "value": ...} pairs'
                           WHEN jsonb_typeof(i.item -> 'supplementaryConfiguration') NOT IN ('object', 'null')
                               THEN format('supplementaryConfiguration is a %s, not an object', jsonb_typeof(i.item -> 'supplementaryConfiguration'))
                           WHEN coalesce(i.item ->> 'resourceType', '') !~ '\S' THEN 'no resourceType'
                           WHEN coalesce(i.item ->> 'resourceId', '') !~ '\S' THEN 'no resourceId'
                           WHEN coalesce(i.item ->> 'awsAccountId', i.item ->> 'accountId') IS NULL THEN 'no awsAccountId (or accountId)'
                           WHEN i.item ->> 'awsAccountId' <> i.item ->> 'accountId' THEN 'awsAccountId and accountId differ'
                           WHEN coalesce(i.item ->> 'awsAccountId', i.item ->> 'accountId') !~ '^[0-9]{12}$'
                               THEN format('account id "%s" is not 12 digits', left(coalesce(i.item ->> 'awsAccountId', i.item ->> 'accountId'), 100))
                           WHEN coalesce(i.item ->> 'awsRegion', i.item ->> 'region', '') !~ '\S' THEN 'no awsRegion (or region)'
                           WHEN lower(btrim(i.item ->> 'awsRegion')) <> lower(btrim(i.item ->> 'region')) THEN 'awsRegion and region differ'
                           WHEN btrim(i.item ->> 'ARN') <> btrim(i.item ->> 'arn') THEN 'ARN and arn differ'
                       END) AS reason
                FROM pg_temp.srm_load_item i) v) f
    -- the resource types of the batch, each resolved once
    LEFT JOIN (SELECT d.given, r.resource_type, r.service_namespace,
                      ARRAY(SELECT p.arn_namespace FROM srm.arn_pattern p WHERE p.resource_type = r.resource_type) AS arn_namespaces
               FROM (SELECT DISTINCT btrim(item ->> 'resourceType') AS given FROM pg_temp.srm_load_item
                     WHERE jsonb_typeof(item -> 'resourceType') = 'string') d
               CROSS JOIN LATERAL srm.resolve_asset(d.given) r
               WHERE r.resource_type IS NOT NULL) t ON t.given = f.resource_type
    LEFT JOIN srm.identifier ia ON ia.form = 'service' AND ia.key = f.arn_m[2];

    -- an item that repeats a resource is superseded by the newest capture
    UPDATE pg_temp.srm_load_norm n
    SET reason = format('superseded by configurationItems[%s], a newer capture of the same resource', d.winner)
    FROM (SELECT idx,
                 row_number() OVER w AS rn,
                 first_value(idx) OVER w AS winner
          FROM pg_temp.srm_load_norm WHERE reason IS NULL
          WINDOW w AS (PARTITION BY account_id, region, resource_type, resource_id
                       ORDER BY captured_at DESC NULLS LAST, idx DESC)) d
    WHERE n.idx = d.idx AND d.rn > 1;

    -- the rest, in the order of the key; an item older than what is loaded
    -- does not replace it
    WITH written AS (
        INSERT INTO srm.asset AS a
            (provider, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace,
             known_type, tags, configuration, supplementary_configuration, item_status, captured_at, load_id)
        SELECT 'aws', n.account_id, n.region, n.resource_type, n.resource_id, n.resource_name, n.arn,
               n.service_namespace, n.known_type, n.tags, n.configuration, n.supplementary_configuration,
               n.item_status, n.captured_at, lid
        FROM pg_temp.srm_load_norm n
        WHERE n.reason IS NULL
        ORDER BY n.account_id, n.region, n.resource_type, n.resource_id
        ON CONFLICT (provider, account_id, region, resource_type, resource_id) DO UPDATE
        SET resource_name = excluded.resource_name, arn = excluded.arn,
            service_namespace = excluded.service_namespace, known_type = excluded.known_type,
            tags = excluded.tags, configuration = excluded.configuration,
            supplementary_configuration = excluded.supplementary_configuration, item_status = excluded.item_status,
            captured_at = excluded.captured_at, load_id = excluded.load_id, last_loaded_at = now()
        WHERE a.captured_at IS NULL OR excluded.captured_at IS NULL OR excluded.captured_at >= a.captured_at
        RETURNING a.account_id, a.region, a.resource_type, a.resource_id, (a.xmax = 0) AS inserted
    )
    UPDATE pg_temp.srm_load_norm n
    SET reason = CASE WHEN w.resource_id IS NULL THEN 'older than the capture already loaded for this resource' END,
        inserted = w.inserted
    FROM pg_temp.srm_load_norm n2
    LEFT JOIN written w USING (account_id, region, resource_type, resource_id)
    WHERE n.idx = n2.idx AND n2.reason IS NULL;

    INSERT INTO srm.asset_load_rejection (load_id, item_index, reason, item)
    SELECT lid, idx, reason, item FROM pg_temp.srm_load_norm WHERE reason IS NOT NULL;

    SELECT count(*), count(*) FILTER (WHERE reason IS NULL AND inserted),
           count(*) FILTER (WHERE reason IS NULL AND NOT inserted), count(*) FILTER (WHERE reason IS NOT NULL)
    INTO n_read, n_inserted, n_updated, n_rejected
    FROM pg_temp.srm_load_norm;
    UPDATE srm.asset_load
    SET items_read = items_read + n_read, assets_inserted = assets_inserted + n_inserted,
        assets_updated = assets_updated + n_updated, items_rejected = items_rejected + n_rejected,
        unknown_types = unknown_types + (SELECT count(*) FROM pg_temp.srm_load_norm WHERE reason IS NULL AND NOT known_type)
    WHERE load_id = lid;
    TRUNCATE pg_temp.srm_load_item, pg_temp.srm_load_norm;
END
$$;
COMMENT ON FUNCTION srm_internal.config_items_merge(bigint) IS
    'writes one batch of AWS Config items (the session''s table srm_load_item) into srm.asset for load lid with the rules of every load: bad items rejected with their reason, types and regions normalised, assets written in key order (no deadlock between loads), counts added to srm.asset_load';

-- srm-load, once per file: a load row (its counts filled batch by batch)
CREATE FUNCTION srm_internal.config_load_begin(source text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    lid bigint;
BEGIN
    PERFORM srm_internal.config_load_tables();
    TRUNCATE pg_temp.srm_load_raw;
    INSERT INTO srm.asset_load (source, items_read, assets_inserted, assets_updated, items_rejected, unknown_types)
    VALUES (source, 0, 0, 0, 0, 0)
    RETURNING load_id INTO lid;
    RETURN lid;
END
$$;
COMMENT ON FUNCTION srm_internal.config_load_begin(text) IS
    'srm-load: starts the load of one file (a row of srm.asset_load with zero counts) and readies the session''s work tables; returns the load id';

-- srm-load, once per batch: the items COPYed into srm_load_raw, read as
-- JSON (an item that is not JSON is rejected, alone) and merged
CREATE FUNCTION srm_internal.config_load_batch(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r record;
BEGIN
    BEGIN
        INSERT INTO pg_temp.srm_load_item (idx, item, reason)
        SELECT idx, CASE WHEN reason IS NULL THEN item::jsonb ELSE to_jsonb(left(item, 4096)) END, reason
        FROM pg_temp.srm_load_raw;
    EXCEPTION WHEN data_exception THEN
        -- one item at a time, only for a batch that holds one not JSON
        FOR r IN SELECT idx, item, reason FROM pg_temp.srm_load_raw LOOP
            BEGIN
                INSERT INTO pg_temp.srm_load_item (idx, item, reason)
                VALUES (r.idx, CASE WHEN r.reason IS NULL THEN r.item::jsonb ELSE to_jsonb(left(r.item, 4096)) END, r.reason);
            EXCEPTION WHEN data_exception THEN
                INSERT INTO pg_temp.srm_load_item (idx, item, reason)
                VALUES (r.idx, to_jsonb(left(r.item, 4096)), 'not JSON: ' || SQLERRM);
            END;
        END LOOP;
    END;
    TRUNCATE pg_temp.srm_load_raw;
    PERFORM srm_internal.config_items_merge(lid);
END
$$;
COMMENT ON FUNCTION srm_internal.config_load_batch(bigint) IS
    'srm-load: reads the batch COPYed into the session''s table srm_load_raw as JSON (an item that is not JSON is rejected with the parser''s message, the first 4 kB kept as a string) and merges it into srm.asset for load lid';

-- srm-load, once per file: the file's version and snapshot id, the counts
CREATE FUNCTION srm_internal.config_load_end(lid bigint, file_version text, snapshot_id text)
RETURNS SETOF srm.asset_load
LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
UPDATE srm.asset_load SET file_version = config_load_end.file_version, snapshot_id = config_load_end.snapshot_id
WHERE load_id = config_load_end.lid
RETURNING *;
END;
COMMENT ON FUNCTION srm_internal.config_load_end(bigint, text, text) IS
    'srm-load: ends the load of one file, recording its fileVersion and configSnapshotId; returns its srm.asset_load row';

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
BEGIN
    PERFORM srm_internal.config_snapshot_check(snapshot);

    INSERT INTO srm.asset_load (source, file_version, snapshot_id, items_read, assets_inserted,
                                        assets_updated, items_rejected, unknown_types)
    VALUES (source, snapshot ->> 'fileVersion', snapshot ->> 'configSnapshotId', 0, 0, 0, 0, 0)
    RETURNING load_id INTO lid;

    PERFORM srm_internal.config_load_tables();
    TRUNCATE pg_temp.srm_load_item;
    INSERT INTO pg_temp.srm_load_item (idx, item)
    SELECT e.idx - 1, e.v FROM jsonb_array_elements(snapshot -> 'configurationItems') WITH ORDINALITY AS e(v, idx);
    PERFORM srm_internal.config_items_merge(lid);

    SELECT items_read, assets_inserted, assets_updated, items_rejected, unknown_types
    INTO n_read, n_inserted, n_updated, n_rejected, n_unknown
    FROM srm.asset_load WHERE load_id = lid;
    -- fresh statistics for the audits that follow a load
    ANALYZE srm.asset;

    RAISE NOTICE 'srm load %: % items read = % assets inserted + % updated + % rejected; % of unknown resource types kept',
        lid, n_read, n_inserted, n_updated, n_rejected, n_unknown;
    RETURN n_inserted + n_updated;
END
$$;
COMMENT ON FUNCTION srm.load_config_snapshot(jsonb, text) IS
    'loads an AWS Config snapshot ({"configurationItems": [...]}, keys awsAccountId/ARN/awsRegion or accountId/arn/region) into srm.asset; reloading updates, never duplicates; returns the assets inserted or updated; srm.asset_load has the reconciled counts and srm.asset_load_rejection every rejected item with its reason';
