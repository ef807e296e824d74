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

-- srm-load, once per connection: the backend keeps one batch's memory for
-- the next instead of handing it back to the kernel and faulting it in
-- again (glibc's malloc thresholds, for this process only; src/loader.c)
CREATE FUNCTION srm_internal.load_memory()
RETURNS boolean
AS 'MODULE_PATHNAME', 'srm_load_memory'
LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION srm_internal.load_memory() IS
    'for the rest of the session, lets the backend keep the memory of one load batch for the next: glibc malloc''s mmap threshold 32 MB and trim threshold 64 MB, for this backend only (srm-load calls it on each connection); true when set, false where the C library is not glibc';

-- an AWS Config item read in one pass over its top-level keys: the rules
-- of the merge that need nothing but the item (key types, required keys,
-- account, region, lengths, capture time, ARN shape and partition) give
-- the reason it is rejected, or its fields as the merge stores them
CREATE FUNCTION srm_internal.config_item_read(item jsonb,
    OUT reason text, OUT resource_type text, OUT resource_id text, OUT resource_name text, OUT arn text,
    OUT account_id text, OUT region text, OUT time_text text, OUT captured_at timestamptz, OUT arn_ok boolean,
    OUT item_status text, OUT tags jsonb, OUT configuration jsonb, OUT supplementary_configuration jsonb)
RETURNS record
AS 'MODULE_PATHNAME', 'srm_config_item_read'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION srm_internal.config_item_read(jsonb) IS
    'an AWS Config item for the merge: the reason a rule of the item alone rejects it (every other column null), or its fields: resource type and ARN trimmed (an empty ARN null), account from awsAccountId or accountId, region trimmed in lower case, the capture time read, arn_ok true for an ARN of the right shape, tags, configuration and supplementaryConfiguration as given';

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
-- same as text for srm-load's COPY, srm_load_type the resource types
-- resolved by the batches of load load_id so far (config_items_merge)
CREATE FUNCTION srm_internal.config_load_tables()
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF to_regclass('pg_temp.srm_load_item') IS NULL THEN
        CREATE TEMPORARY TABLE srm_load_raw (idx integer NOT NULL, item text NOT NULL, reason text);
        CREATE TEMPORARY TABLE srm_load_item (idx integer NOT NULL, item jsonb NOT NULL, reason text);
    END IF;
    IF to_regclass('pg_temp.srm_load_type') IS NULL THEN
        CREATE TEMPORARY TABLE srm_load_type (load_id bigint NOT NULL, given text NOT NULL, resource_type text,
                                              service_namespace text, arn_namespaces text[]);
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.config_load_tables() IS
    'creates the session''s work tables of a load (srm_load_raw, srm_load_item, srm_load_type) unless they exist';

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
--     the service is the resource type's, for a type srm does not know the
--     one its namespace or, failing that, its ARN names;
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
-- a batch's plan is costed high on tables without statistics; compiling
-- its long expressions with LLVM takes seconds that the batch itself does not
SET jit = off
-- a batch of 10,000 items (about 10 MB) sorted and kept in memory
SET work_mem = '64MB'
-- the tables of a batch have no statistics: the planner would sort the
-- batch's rows again for each merge join of an item with its resource's
-- newest capture and written row; hash joins read them once
SET enable_mergejoin = off
AS $$
DECLARE
    n record;
    batch_accounts text[];
BEGIN
    PERFORM srm_internal.config_load_tables();

    -- select-resource-config returns items as JSON strings
    UPDATE pg_temp.srm_load_item i SET item = j
    FROM (SELECT idx, srm_internal.json_or_null(item #>> '{}') AS j
          FROM pg_temp.srm_load_item WHERE jsonb_typeof(item) = 'string') s
    WHERE i.idx = s.idx AND s.j IS NOT NULL;

    -- a team member loads its teams' accounts only (install/code/teams.sql):
    -- refused before anything of the batch is written
    batch_accounts := srm_internal.team_load_accounts();

    -- the types resolved for another load are resolved again
    DELETE FROM pg_temp.srm_load_type WHERE load_id <> lid;

    -- one statement: every item checked and read (v), the newest capture of
    -- each resource (w), written in the order of the key (written), each
    -- item's outcome (o), the rejections recorded, the counts
    WITH f AS MATERIALIZED (
        -- each item read once, in one pass over its keys, with the rules
        -- that need nothing but the item (srm_internal.config_item_read)
        SELECT i.idx, i.ctid AS item_tid, coalesce(i.reason, r.reason) AS reason, r.resource_type, r.resource_id, r.resource_name,
               r.arn, r.account_id, r.region, r.captured_at, r.arn_ok, r.item_status, r.tags AS j_tags,
               r.configuration AS j_configuration, r.supplementary_configuration AS j_supplementary
        FROM pg_temp.srm_load_item i
        CROSS JOIN LATERAL srm_internal.config_item_read(i.item) r),
    -- the resource types of the batch that no earlier batch of the load
    -- had, each resolved once, and kept for the batches that follow
    t_new AS MATERIALIZED (
        SELECT d.given, r.resource_type, r.service_namespace,
               ARRAY(SELECT p.arn_namespace FROM srm.arn_pattern p WHERE p.resource_type = r.resource_type) AS arn_namespaces
        -- (the batch's distinct types first, then those not kept: a check
        -- per type, not per item; OFFSET 0 keeps the planner from moving
        -- the check under the DISTINCT, into a loop over the items)
        FROM (SELECT DISTINCT f.resource_type AS given FROM f WHERE f.reason IS NULL OFFSET 0) d
        CROSS JOIN LATERAL srm.resolve_asset(d.given) r
        WHERE NOT EXISTS (SELECT FROM pg_temp.srm_load_type c WHERE c.given = d.given AND c.load_id = lid)),
    t_kept AS (
        INSERT INTO pg_temp.srm_load_type (load_id, given, resource_type, service_namespace, arn_namespaces)
        SELECT lid, given, resource_type, service_namespace, arn_namespaces FROM t_new),
    v AS MATERIALIZED (
        SELECT f.idx, f.item_tid, f.account_id,
               CASE WHEN f.region = 'not applicable' THEN coalesce(nullif(split_part(f.arn, ':', 4), ''), 'global') ELSE f.region END AS region,
               coalesce(t.resource_type, f.resource_type) AS resource_type, f.resource_id, f.resource_name, f.arn,
               coalesce(t.service_namespace, ia.service_namespace) AS service_namespace,
               t.resource_type IS NOT NULL AS known_type,
               CASE jsonb_typeof(f.j_tags)
                   WHEN 'object' THEN f.j_tags
                   WHEN 'array' THEN (SELECT coalesce(jsonb_object_agg(coalesce(e ->> 'key', e ->> 'Key'),
                                                                       coalesce(e -> 'value', e -> 'Value', 'null')), '{}')
                                      FROM jsonb_array_elements(f.j_tags) e
                                      WHERE coalesce(e ->> 'key', e ->> 'Key') IS NOT NULL)
                   ELSE '{}' END AS tags,
               CASE WHEN jsonb_typeof(f.j_configuration) = 'string'
                    THEN coalesce(srm_internal.json_or_null(f.j_configuration #>> '{}'), f.j_configuration)
                    ELSE f.j_configuration END AS configuration,
               f.j_supplementary AS supplementary_configuration, f.item_status, f.captured_at,
               coalesce(f.reason,
                   CASE
                       WHEN t.resource_type IS NOT NULL AND f.arn IS NOT NULL AND ia.service_namespace IS NOT NULL
                            AND ia.service_namespace <> t.service_namespace AND NOT split_part(f.arn, ':', 3) = ANY (t.arn_namespaces)
                           THEN format('ARN "%s" is of service %s, not of %s''s service %s', left(f.arn, 100),
                                       ia.service_namespace, t.resource_type, t.service_namespace)
                       WHEN f.item_status IN ('ResourceDeleted', 'ResourceDeletedNotRecorded')
                           THEN format('the resource is deleted (configurationItemStatus %s)', f.item_status)
                   END) AS reason
        FROM f
        -- the resource types of the batch, resolved (the statement does
        -- not see t_kept's rows)
        LEFT JOIN (SELECT given, resource_type, service_namespace, arn_namespaces FROM t_new
                   UNION ALL
                   SELECT given, resource_type, service_namespace, arn_namespaces FROM pg_temp.srm_load_type
                   WHERE load_id = lid) t
               ON t.given = f.resource_type
        -- the service the ARN names
        LEFT JOIN srm.identifier ia ON ia.form = 'service' AND f.arn_ok AND ia.key = split_part(f.arn, ':', 3)),
    -- of the items that are not rejected, the newest capture of each resource
    w AS MATERIALIZED (
        SELECT DISTINCT ON (account_id, region, resource_type, resource_id)
               idx, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace, known_type,
               tags, configuration, supplementary_configuration, item_status, captured_at
        FROM v WHERE reason IS NULL
        ORDER BY account_id, region, resource_type, resource_id, captured_at DESC NULLS LAST, idx DESC),
    -- in the order of the key; an older capture than the one loaded does
    -- not replace it
    written AS (
        INSERT INTO srm.asset AS a
            (provider, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace,
             known_type, tags, configuration, supplementary_configuration, item_status, captured_at, load_id)
        SELECT 'aws', w.account_id, w.region, w.resource_type, w.resource_id, w.resource_name, w.arn,
               w.service_namespace, w.known_type, w.tags, w.configuration, w.supplementary_configuration,
               w.item_status, w.captured_at, lid
        FROM w
        ORDER BY w.account_id, w.region, w.resource_type, w.resource_id
        ON CONFLICT (provider, account_id, region, resource_type, resource_id) DO UPDATE
        SET resource_name = excluded.resource_name, arn = excluded.arn,
            service_namespace = excluded.service_namespace, known_type = excluded.known_type,
            tags = excluded.tags, configuration = excluded.configuration,
            supplementary_configuration = excluded.supplementary_configuration, item_status = excluded.item_status,
            captured_at = excluded.captured_at, load_id = excluded.load_id, last_loaded_at = now()
        WHERE a.captured_at IS NULL OR excluded.captured_at IS NULL OR excluded.captured_at >= a.captured_at
        RETURNING a.account_id, a.region, a.resource_type, a.resource_id, (a.xmax = 0) AS inserted),
    o AS MATERIALIZED (
        SELECT v.idx, v.item_tid, v.known_type, x.inserted,
               CASE WHEN v.reason IS NOT NULL THEN v.reason
                    WHEN w.idx <> v.idx
                        THEN format('superseded by configurationItems[%s], a newer capture of the same resource', w.idx)
                    WHEN x.resource_id IS NULL THEN 'older than the capture already loaded for this resource'
               END AS reason
        FROM v
        LEFT JOIN w ON v.reason IS NULL AND w.account_id = v.account_id AND w.region = v.region
                   AND w.resource_type = v.resource_type AND w.resource_id = v.resource_id
        LEFT JOIN written x ON v.reason IS NULL AND w.idx = v.idx AND x.account_id = v.account_id AND x.region = v.region
                           AND x.resource_type = v.resource_type AND x.resource_id = v.resource_id),
    rejected AS (
        INSERT INTO srm.asset_load_rejection (load_id, item_index, reason, item)
        -- the item as staged, fetched by its row's address for the
        -- rejected ones only (the statement does not change the table)
        SELECT lid, o.idx, o.reason, (SELECT i.item FROM pg_temp.srm_load_item i WHERE i.ctid = o.item_tid)
        FROM o WHERE o.reason IS NOT NULL)
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

-- srm-load, once per batch of any provider: the items COPYed into
-- srm_load_raw read as JSON into srm_load_item, set-based; only a batch
-- that holds an item that is not JSON is read again one item at a time, and
-- that item is staged with its reason (the parser's message) to be
-- rejected, alone, by the merge
CREATE FUNCTION srm_internal.load_raw_items()
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
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
END
$$;
COMMENT ON FUNCTION srm_internal.load_raw_items() IS
    'srm-load: reads the batch COPYed into the session''s table srm_load_raw as JSON into srm_load_item (an item that is not JSON is staged with the parser''s message as its reason and its first 4 kB as a string) and empties srm_load_raw';

-- srm-load, once per batch: the items COPYed into srm_load_raw, read as
-- JSON (an item that is not JSON is rejected, alone) and merged
CREATE FUNCTION srm_internal.config_load_batch(lid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM srm_internal.load_raw_items();
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
    -- the work tables go with the call: another role of the session (SET
    -- ROLE, a team member) creates its own
    DROP TABLE pg_temp.srm_load_item, pg_temp.srm_load_raw, pg_temp.srm_load_type;
    -- statistics for the audits that follow, when the load changed enough
    PERFORM srm_internal.analyze_after_load(n_inserted + n_updated);

    RAISE NOTICE 'srm load %: % items read = % assets inserted + % updated + % rejected; % of unknown resource types kept',
        lid, n_read, n_inserted, n_updated, n_rejected, n_unknown;
    RETURN n_inserted + n_updated;
END
$$;
COMMENT ON FUNCTION srm.load_config_snapshot(jsonb, text) IS
    'loads an AWS Config snapshot ({"configurationItems": [...]}, keys awsAccountId/ARN/awsRegion or accountId/arn/region) into srm.asset; reloading updates, never duplicates; returns the assets inserted or updated; srm.asset_load has the reconciled counts and srm.asset_load_rejection every rejected item with its reason';
