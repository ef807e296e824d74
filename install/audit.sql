-- install/audit.sql: from inventory to audit.
--
-- A fragment of the install script, after derive.sql: the extension's own
-- inventory (srm.asset, filled from AWS Config snapshots), control status
-- with evidence, audit runs kept as snapshots, and the views BI tools read.

-------------------------------------------------------------------------------
-- Inventory
-------------------------------------------------------------------------------

CREATE TABLE srm.asset (
    asset_id          bigserial PRIMARY KEY,
    provider          text NOT NULL DEFAULT 'aws',
    account_id        text NOT NULL,
    region            text NOT NULL,
    resource_type     text NOT NULL,
    resource_id       text NOT NULL,
    resource_name     text,
    arn               text,
    service_namespace text,
    known_type        boolean NOT NULL,
    tags              jsonb NOT NULL DEFAULT '{}',
    configuration     jsonb,
    item_status       text,
    captured_at       timestamptz,
    load_id           bigint NOT NULL,
    first_loaded_at   timestamptz NOT NULL DEFAULT now(),
    last_loaded_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider, account_id, region, resource_type, resource_id)
);
COMMENT ON TABLE srm.asset IS
    'srm''s own inventory, one row per resource (account, region, resource type, resource id), filled by srm.load_config_snapshot; service_namespace is null and known_type false for resource types srm does not know, which are kept, not dropped.';
COMMENT ON COLUMN srm.asset.region IS 'AWS region, or global (IAM and other global resources)';
COMMENT ON COLUMN srm.asset.arn IS 'the ARN, null for the Config items that have none';
CREATE INDEX ON srm.asset (arn);
CREATE INDEX ON srm.asset (account_id, service_namespace);

CREATE TABLE srm.asset_load (
    load_id         bigserial PRIMARY KEY,
    loaded_at       timestamptz NOT NULL DEFAULT now(),
    loaded_by       text NOT NULL DEFAULT current_user,
    source          text NOT NULL,
    file_version    text,
    snapshot_id     text,
    items_read      integer NOT NULL,
    assets_inserted integer NOT NULL,
    assets_updated  integer NOT NULL,
    items_rejected  integer NOT NULL,
    unknown_types   integer NOT NULL,
    CHECK (items_read = assets_inserted + assets_updated + items_rejected)
);
COMMENT ON TABLE srm.asset_load IS
    'one row per snapshot load, with counts that reconcile: items read = assets inserted + assets updated + items rejected';

CREATE TABLE srm.asset_load_rejection (
    load_id    bigint NOT NULL REFERENCES srm.asset_load ON DELETE CASCADE,
    item_index integer NOT NULL,
    reason     text NOT NULL,
    item       jsonb NOT NULL,
    PRIMARY KEY (load_id, item_index)
);
COMMENT ON TABLE srm.asset_load_rejection IS
    'every item a load did not take, with its index in configurationItems (from 0) and the reason';

SELECT pg_catalog.pg_extension_config_dump('srm.asset', '');
SELECT pg_catalog.pg_extension_config_dump('srm.asset_asset_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('srm.asset_load', '');
SELECT pg_catalog.pg_extension_config_dump('srm.asset_load_load_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('srm.asset_load_rejection', '');

-------------------------------------------------------------------------------
-- Control status: what the customer has done about its part
-------------------------------------------------------------------------------

CREATE TABLE srm.control_status (
    status_id         bigserial PRIMARY KEY,
    framework_id      text NOT NULL REFERENCES srm.framework,
    control_id        text NOT NULL,
    provider          text NOT NULL DEFAULT 'aws',
    account_id        text CHECK (account_id ~ '^[0-9]{12}$'),
    service_namespace text,
    asset             text CHECK (asset ~ '^arn:'),
    status            text NOT NULL CHECK (status IN ('implemented', 'partial', 'planned', 'alternative', 'not-applicable')),
    evidence          text,
    evidence_url      text CHECK (evidence_url ~ '^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$'),
    assessed_by       text NOT NULL DEFAULT current_user,
    assessed_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (account_id IS NOT NULL OR service_namespace IS NOT NULL OR asset IS NOT NULL),
    CHECK (status NOT IN ('implemented', 'alternative', 'not-applicable') OR evidence ~ '\S' OR evidence_url IS NOT NULL),
    FOREIGN KEY (framework_id, control_id) REFERENCES srm.control,
    FOREIGN KEY (provider, service_namespace) REFERENCES srm.service
);
COMMENT ON TABLE srm.control_status IS
    'implementation status of a control (OSCAL words: implemented, partial, planned, alternative, not-applicable) with evidence (text or link), who assessed it and when; scope an account, a service (optionally within an account) or one asset (ARN). The newest assessment of the most specific scope applies: asset > account and service > service > account.';
CREATE INDEX ON srm.control_status (framework_id, control_id);
SELECT pg_catalog.pg_extension_config_dump('srm.control_status', '');
SELECT pg_catalog.pg_extension_config_dump('srm.control_status_status_id_seq', '');

-- statuses name controls and services the way people write them
CREATE FUNCTION srm.control_status_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    c record;
BEGIN
    IF NEW.status IS NULL OR NEW.status NOT IN ('implemented', 'partial', 'planned', 'alternative', 'not-applicable') THEN
        RAISE EXCEPTION 'unknown implementation status "%"', NEW.status
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'OSCAL implementation-status words: implemented, partial, planned, alternative, not-applicable.';
    END IF;
    IF NEW.account_id IS NULL AND NEW.service_namespace IS NULL AND NEW.asset IS NULL THEN
        RAISE EXCEPTION 'a control status needs a scope'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Set account_id, service_namespace (optionally with account_id) or asset (an ARN).';
    END IF;
    IF NEW.account_id IS NOT NULL AND NEW.account_id !~ '^[0-9]{12}$' THEN
        RAISE EXCEPTION 'invalid AWS account id "%"', NEW.account_id
            USING ERRCODE = 'invalid_parameter_value', HINT = 'An AWS account id is 12 digits.';
    END IF;
    IF NEW.asset IS NOT NULL AND NEW.asset !~ '^arn:' THEN
        RAISE EXCEPTION 'a control status''s asset must be an ARN, not "%"', NEW.asset
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO c FROM @extschema@.resolve_control(NEW.framework_id || ':' || NEW.control_id);
    IF c.control_id IS NULL THEN
        PERFORM @extschema@.raise_unknown_control(NEW.control_id);
    END IF;
    NEW.control_id := c.control_id;
    IF NEW.service_namespace IS NOT NULL THEN
        NEW.service_namespace := @extschema@.service_named(NEW.service_namespace);
    END IF;
    IF NEW.status IN ('implemented', 'alternative', 'not-applicable')
       AND coalesce(NEW.evidence, '') !~ '\S' AND NEW.evidence_url IS NULL THEN
        RAISE EXCEPTION 'status "%" of % needs evidence', NEW.status, c.label
            USING ERRCODE = 'not_null_violation',
                  HINT = 'Give evidence (text) or evidence_url (a link to the artefact).';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm.control_status_check() IS 'checks and normalizes a control status as it is written';
CREATE TRIGGER control_status_check BEFORE INSERT OR UPDATE ON srm.control_status
    FOR EACH ROW EXECUTE FUNCTION srm.control_status_check();

-------------------------------------------------------------------------------
-- Provider attestations to cite for inherited controls
-------------------------------------------------------------------------------

CREATE TABLE srm.attestation (
    provider     text NOT NULL,
    framework_id text NOT NULL REFERENCES srm.framework,
    name         text NOT NULL,
    obtain_from  text NOT NULL,
    source       text NOT NULL,
    PRIMARY KEY (provider, framework_id, name)
);
COMMENT ON TABLE srm.attestation IS
    'third-party attestations of the provider that an auditor accepts as evidence for inherited controls, per framework';
INSERT INTO srm.attestation VALUES
    ('aws', 'nist-800-53-r5', 'AWS FedRAMP High and Moderate P-ATO packages (system security plans and assessment reports)',
     'AWS Artifact, or the FedRAMP marketplace package request', 'FedRAMP marketplace listing of AWS; AWS Artifact'),
    ('aws', 'nist-800-53-r5', 'AWS SOC 2 Type II report', 'AWS Artifact', 'AWS Artifact report catalog'),
    ('aws', 'aws-srm', 'AWS SOC 2 Type II report', 'AWS Artifact', 'AWS Artifact report catalog'),
    ('aws', 'aws-srm', 'AWS ISO/IEC 27001 certificate and statement of applicability', 'AWS Artifact', 'AWS Artifact report catalog');

-------------------------------------------------------------------------------
-- Audits
-------------------------------------------------------------------------------

CREATE TABLE srm.audit_run (
    run_id              bigserial PRIMARY KEY,
    framework_id        text NOT NULL REFERENCES srm.framework,
    baseline            text CHECK (baseline IN ('LOW', 'MODERATE', 'HIGH', 'PRIVACY')),
    accounts            text[],
    started_at          timestamptz NOT NULL DEFAULT now(),
    finished_at         timestamptz,
    requested_by        text NOT NULL DEFAULT current_user,
    note                text,
    assets              integer,
    unknown_assets      integer,
    controls            integer,
    asset_controls      bigint,
    gaps                bigint
);
COMMENT ON TABLE srm.audit_run IS
    'one audit: a consistent snapshot of every in-scope asset x control of a framework (and baseline), kept so that reports can be asked as of any run';

-- the assets a run covered
CREATE TABLE srm.audit_asset (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    asset_id          bigint NOT NULL,
    account_id        text NOT NULL,
    region            text NOT NULL,
    resource_type     text NOT NULL,
    resource_id       text NOT NULL,
    arn               text,
    service_namespace text,
    known             boolean NOT NULL,
    PRIMARY KEY (run_id, asset_id)
);
COMMENT ON TABLE srm.audit_asset IS
    'the assets an audit run covered, as they were; known is false for assets whose service srm cannot place (counted, never dropped)';

-- Findings, stored once per account x service x control (asset_id null,
-- speaking for "assets" assets), plus one row per asset x control where a
-- rule or status of that one asset applies (asset_id set).
CREATE TABLE srm.audit_finding (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    account_id        text NOT NULL,
    service_namespace text NOT NULL,
    asset_id          bigint,
    framework_id      text NOT NULL,
    control_id        text NOT NULL,
    family_id         text,
    responsibility    srm.responsibility NOT NULL,
    class             srm.control_class NOT NULL,
    customer_part     srm.responsibility NOT NULL,
    override_id       bigint,
    status            text,
    status_id         bigint,
    evidence          text,
    gap               boolean NOT NULL,
    assets            integer NOT NULL CHECK (assets >= 0),
    UNIQUE NULLS NOT DISTINCT (run_id, account_id, service_namespace, asset_id, control_id)
);
COMMENT ON TABLE srm.audit_finding IS
    'the findings of an audit run: per account x service x control (asset_id null; assets = how many assets it speaks for), and per asset x control where a rule or status of that asset applies. gap: the customer takes part and its part lacks implemented evidence.';
CREATE INDEX ON srm.audit_finding (run_id, control_id);
CREATE INDEX ON srm.audit_finding (run_id, asset_id, control_id) WHERE asset_id IS NOT NULL;

SELECT pg_catalog.pg_extension_config_dump('srm.audit_run', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_run_run_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_asset', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_finding', '');

-------------------------------------------------------------------------------
-- Views for BI tools and reports: stable column names, one row per fact,
-- every one keyed by run_id (filter on it for "as of run N")
-------------------------------------------------------------------------------

-- every asset x control of every run, asset rules and statuses applied
CREATE VIEW srm.audit_result AS
SELECT a.run_id, a.asset_id, a.arn, a.account_id, a.region, a.service_namespace, a.resource_type,
       g.framework_id, g.control_id, g.family_id,
       CASE WHEN x.asset_id IS NULL THEN g.responsibility ELSE x.responsibility END AS responsibility,
       CASE WHEN x.asset_id IS NULL THEN g.class ELSE x.class END AS class,
       CASE WHEN x.asset_id IS NULL THEN g.customer_part ELSE x.customer_part END AS customer_part,
       CASE WHEN x.asset_id IS NULL THEN g.override_id ELSE x.override_id END AS override_id,
       CASE WHEN x.asset_id IS NULL THEN g.status ELSE x.status END AS status,
       CASE WHEN x.asset_id IS NULL THEN g.evidence ELSE x.evidence END AS evidence,
       CASE WHEN x.asset_id IS NULL THEN g.gap ELSE x.gap END AS gap
FROM srm.audit_asset a
JOIN srm.audit_finding g
  ON g.run_id = a.run_id AND g.account_id = a.account_id AND g.service_namespace = a.service_namespace
 AND g.asset_id IS NULL
LEFT JOIN srm.audit_finding x
  ON x.run_id = a.run_id AND x.asset_id = a.asset_id AND x.control_id = g.control_id;
COMMENT ON VIEW srm.audit_result IS
    'every asset x control of every audit run, as recorded: responsibility, class, the customer''s part, status, evidence and gap';

CREATE VIEW srm.bi_run AS
SELECT r.run_id, r.framework_id, r.baseline, r.accounts, r.started_at, r.finished_at, r.requested_by, r.note,
       r.assets, r.unknown_assets, r.controls, r.asset_controls, r.gaps,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'not-applicable'), 0) AS not_applicable,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'inherited'), 0) AS inherited,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'shared'), 0) AS shared,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'customer-specific'), 0) AS customer_specific
FROM srm.audit_run r
LEFT JOIN srm.audit_finding f USING (run_id)
GROUP BY r.run_id;
COMMENT ON VIEW srm.bi_run IS
    'one row per audit run: scope, counts of assets, controls, asset x control pairs by class, and customer gaps';

CREATE VIEW srm.bi_responsibility_mix AS
SELECT f.run_id, r.started_at, f.account_id, f.service_namespace, f.class,
       sum(f.assets) AS asset_controls,
       count(DISTINCT f.control_id) AS controls,
       coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps
FROM srm.audit_finding f JOIN srm.audit_run r USING (run_id)
GROUP BY f.run_id, r.started_at, f.account_id, f.service_namespace, f.class;
COMMENT ON VIEW srm.bi_responsibility_mix IS
    'responsibility mix per run x account x service x class: asset x control pairs, distinct controls, and how many are customer gaps';

CREATE VIEW srm.bi_customer_gaps AS
SELECT f.run_id, f.account_id, f.service_namespace, a.arn AS asset, f.framework_id, f.control_id,
       c.label, c.title, f.family_id, c.family_title, f.responsibility, f.customer_part, f.class,
       f.status, f.evidence, f.assets
FROM srm.audit_finding f
JOIN srm.control c USING (framework_id, control_id)
LEFT JOIN srm.audit_asset a ON a.run_id = f.run_id AND a.asset_id = f.asset_id
WHERE f.gap AND f.assets > 0;
COMMENT ON VIEW srm.bi_customer_gaps IS
    'open customer gaps: controls where the customer takes part and its part lacks implemented evidence, per run x account x service (asset null) or per asset';

CREATE VIEW srm.bi_gaps_by_family AS
SELECT f.run_id, f.framework_id, coalesce(f.family_id, f.control_id) AS family_id,
       coalesce(max(c.family_title), max(c.title)) AS family_title,
       coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps,
       coalesce(sum(f.assets) FILTER (WHERE f.customer_part <> 'not applicable'), 0) AS customer_asset_controls,
       count(DISTINCT f.control_id) FILTER (WHERE f.gap AND f.assets > 0) AS controls_with_gaps
FROM srm.audit_finding f JOIN srm.control c USING (framework_id, control_id)
GROUP BY f.run_id, f.framework_id, coalesce(f.family_id, f.control_id);
COMMENT ON VIEW srm.bi_gaps_by_family IS
    'customer gaps per run x control family (aws-srm controls count as their own family)';

CREATE VIEW srm.bi_inherited_controls AS
SELECT f.run_id, f.framework_id, f.control_id, c.label, c.title, f.service_namespace,
       sum(f.assets) AS asset_controls, count(DISTINCT f.account_id) AS accounts,
       (SELECT string_agg(t.name || ' (' || t.obtain_from || ')', '; ' ORDER BY t.name)
        FROM srm.attestation t WHERE t.framework_id = f.framework_id AND t.provider = 'aws') AS attestations
FROM srm.audit_finding f JOIN srm.control c USING (framework_id, control_id)
WHERE f.class = 'inherited' AND f.assets > 0
GROUP BY f.run_id, f.framework_id, f.control_id, c.label, c.title, f.service_namespace;
COMMENT ON VIEW srm.bi_inherited_controls IS
    'controls inherited from the provider per run x service, with the provider attestations an auditor accepts for them';

CREATE VIEW srm.bi_trend AS
SELECT r.run_id, r.started_at, r.framework_id, r.baseline, f.class,
       sum(f.assets) AS asset_controls, coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps
FROM srm.audit_run r JOIN srm.audit_finding f USING (run_id)
GROUP BY r.run_id, r.started_at, r.framework_id, r.baseline, f.class;
COMMENT ON VIEW srm.bi_trend IS 'per run x class: asset x control pairs and gaps, for trends across runs';

CREATE VIEW srm.bi_unknown_assets AS
SELECT a.run_id, a.asset_id, a.account_id, a.region, a.resource_type, a.resource_id, a.arn
FROM srm.audit_asset a WHERE NOT a.known;
COMMENT ON VIEW srm.bi_unknown_assets IS 'assets an audit run could not place (resource type unknown to srm): flagged, never dropped';

-------------------------------------------------------------------------------
-- Loading AWS Config snapshots
-------------------------------------------------------------------------------

CREATE FUNCTION srm.load_config_snapshot(snapshot jsonb, source text DEFAULT 'AWS Config snapshot')
RETURNS integer
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    items jsonb;
    bad record;
    lid bigint;
    n_read integer;
    n_inserted integer;
    n_updated integer;
    n_rejected integer;
    n_unknown integer;
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

    INSERT INTO @extschema@.asset_load (source, file_version, snapshot_id, items_read, assets_inserted,
                                        assets_updated, items_rejected, unknown_types)
    VALUES (source, snapshot ->> 'fileVersion', snapshot ->> 'configSnapshotId', 0, 0, 0, 0, 0)
    RETURNING load_id INTO lid;

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

    -- upsert the rest; an item older than what is loaded does not replace it
    WITH written AS (
        INSERT INTO @extschema@.asset AS a
            (provider, account_id, region, resource_type, resource_id, resource_name, arn, service_namespace,
             known_type, tags, configuration, item_status, captured_at, load_id)
        SELECT 'aws', i.account_id, i.region, i.resource_type, i.resource_id, i.resource_name, i.arn,
               coalesce(rt.service_namespace, ra.service_namespace), rt.resource_type IS NOT NULL,
               coalesce(i.item -> 'tags', '{}'), i.item -> 'configuration', i.item_status, i.captured_at, lid
        FROM pg_temp.srm_load_item i
        LEFT JOIN LATERAL @extschema@.resolve_asset(i.resource_type) rt ON true
        LEFT JOIN LATERAL @extschema@.resolve_asset(i.arn) ra ON i.arn IS NOT NULL
        WHERE i.reason IS NULL
        ON CONFLICT (provider, account_id, region, resource_type, resource_id) DO UPDATE
        SET resource_name = excluded.resource_name, arn = excluded.arn,
            service_namespace = excluded.service_namespace, known_type = excluded.known_type,
            tags = excluded.tags, configuration = excluded.configuration, item_status = excluded.item_status,
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

    SELECT count(*),
           count(*) FILTER (WHERE reason IS NULL AND (item ->> 'srm:inserted')::boolean),
           count(*) FILTER (WHERE reason IS NULL AND NOT (item ->> 'srm:inserted')::boolean),
           count(*) FILTER (WHERE reason IS NOT NULL)
    INTO n_read, n_inserted, n_updated, n_rejected
    FROM pg_temp.srm_load_item;
    SELECT count(*) INTO n_unknown FROM @extschema@.asset WHERE load_id = lid AND NOT known_type;

    INSERT INTO @extschema@.asset_load_rejection (load_id, item_index, reason, item)
    SELECT lid, idx, reason, item FROM pg_temp.srm_load_item WHERE reason IS NOT NULL;
    UPDATE @extschema@.asset_load
    SET items_read = n_read, assets_inserted = n_inserted, assets_updated = n_updated,
        items_rejected = n_rejected, unknown_types = n_unknown
    WHERE load_id = lid;
    DROP TABLE pg_temp.srm_load_item;
    -- fresh statistics for the audits that follow a load
    ANALYZE @extschema@.asset;

    RAISE NOTICE 'srm load %: % items read = % assets inserted + % updated + % rejected; % of unknown resource types kept',
        lid, n_read, n_inserted, n_updated, n_rejected, n_unknown;
    RETURN n_inserted + n_updated;
END
$$;
COMMENT ON FUNCTION srm.load_config_snapshot(jsonb, text) IS
    'loads an AWS Config snapshot ({"configurationItems": [...]}, keys awsAccountId/ARN/awsRegion or accountId/arn/region) into srm.asset; reloading updates, never duplicates; returns the assets inserted or updated; srm.asset_load has the reconciled counts and srm.asset_load_rejection every rejected item with its reason';

-------------------------------------------------------------------------------
-- Audits
-------------------------------------------------------------------------------

-- the status that applies: the newest of the most specific scope
CREATE FUNCTION srm.status_for(framework_id text, control_id text, provider text, service_namespace text,
                               account_id text, asset text)
RETURNS SETOF srm.control_status
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT s.*
FROM srm.control_status s
WHERE s.framework_id = status_for.framework_id
  AND s.control_id = status_for.control_id
  AND s.provider = status_for.provider
  AND (s.asset IS NULL OR s.asset = status_for.asset)
  AND (s.account_id IS NULL OR s.account_id = status_for.account_id)
  AND (s.service_namespace IS NULL OR s.service_namespace = status_for.service_namespace)
ORDER BY (s.asset IS NOT NULL) DESC, (s.service_namespace IS NOT NULL) DESC, (s.account_id IS NOT NULL) DESC,
         s.assessed_at DESC, s.status_id DESC
LIMIT 1;
END;
COMMENT ON FUNCTION srm.status_for(text, text, text, text, text, text) IS
    'the control status that applies to an asset: asset > account and service > service > account, then the newest assessment';

-- a customer gap: the customer takes part and has no implemented evidence
CREATE FUNCTION srm.is_gap(responsibility srm.responsibility, status text)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (responsibility OPERATOR(srm.&&) 'customer'::srm.responsibility)
       AND coalesce(status NOT IN ('implemented', 'alternative', 'not-applicable'), true);
COMMENT ON FUNCTION srm.is_gap(srm.responsibility, text) IS
    'whether a finding is a customer gap: the customer takes part and its status is not implemented, alternative or not-applicable (all of which need evidence)';

CREATE FUNCTION srm.run_audit(framework text, baseline text DEFAULT NULL, accounts text[] DEFAULT NULL,
                              note text DEFAULT NULL, keep_runs integer DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_variable
DECLARE
    fw text := lower(btrim(framework));
    bl text := upper(btrim(baseline));
    rid bigint;
    keep integer;
    missing text;
BEGIN
    IF framework IS NULL OR NOT EXISTS (SELECT FROM @extschema@.framework f WHERE f.framework_id = fw) THEN
        RAISE EXCEPTION 'unknown framework "%"', framework
            USING ERRCODE = 'undefined_object',
                  HINT = format('Known frameworks: %s.', (SELECT string_agg(f.framework_id, ', ' ORDER BY f.framework_id) FROM @extschema@.framework f));
    END IF;
    IF bl IS NOT NULL AND NOT EXISTS (SELECT FROM @extschema@.control c WHERE c.framework_id = fw AND bl = ANY (c.baselines)) THEN
        RAISE EXCEPTION 'framework % has no baseline "%"', fw, baseline
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = coalesce('Its baselines: ' || (SELECT string_agg(DISTINCT b, ', ') FROM @extschema@.control c, unnest(c.baselines) b WHERE c.framework_id = fw) || '.',
                                  'It has none: pass NULL to audit every control.');
    END IF;
    SELECT string_agg(a, ', ') INTO missing FROM unnest(accounts) a
    WHERE a IS NULL OR NOT EXISTS (SELECT FROM @extschema@.asset x WHERE x.account_id = a);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'no assets are loaded for account %', missing
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Load the account''s AWS Config snapshot with srm.load_config_snapshot first, or leave it out.';
    END IF;
    keep := coalesce(keep_runs, nullif(current_setting('srm.audit_keep_runs', true), '')::integer);
    IF keep IS NOT NULL AND keep < 1 THEN
        RAISE EXCEPTION 'cannot keep % audit runs', keep
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Keep at least 1 run, or leave retention unset to keep all.';
    END IF;

    -- one consistent snapshot: no writes to what the audit reads while it runs
    LOCK TABLE @extschema@.asset, @extschema@.control_status, @extschema@.override IN SHARE MODE;

    INSERT INTO @extschema@.audit_run (framework_id, baseline, accounts, note)
    VALUES (fw, bl, accounts, note) RETURNING run_id INTO rid;

    INSERT INTO @extschema@.audit_asset (run_id, asset_id, account_id, region, resource_type, resource_id, arn,
                                         service_namespace, known)
    SELECT rid, a.asset_id, a.account_id, a.region, a.resource_type, a.resource_id, a.arn, a.service_namespace,
           a.service_namespace IS NOT NULL
    FROM @extschema@.asset a
    WHERE accounts IS NULL OR a.account_id = ANY (accounts);
    ANALYZE @extschema@.audit_asset;

    IF to_regclass('pg_temp.srm_audit_control') IS NOT NULL THEN
        DROP TABLE pg_temp.srm_audit_control;
    END IF;
    IF to_regclass('pg_temp.srm_audit_derived') IS NOT NULL THEN
        DROP TABLE pg_temp.srm_audit_derived;
    END IF;
    CREATE TEMPORARY TABLE srm_audit_control ON COMMIT DROP AS
    SELECT c.control_id, c.family_id FROM @extschema@.control c
    WHERE c.framework_id = fw AND c.status = 'active' AND (bl IS NULL OR bl = ANY (c.baselines));
    -- the derivation, once per control x service of the run
    CREATE TEMPORARY TABLE srm_audit_derived ON COMMIT DROP AS
    SELECT d.control_id, d.service_namespace, d.responsibility
    FROM @extschema@.derived_responsibilities(
        fw, (SELECT array_agg(c.control_id) FROM pg_temp.srm_audit_control c), 'aws',
        (SELECT array_agg(DISTINCT a.service_namespace) FROM @extschema@.audit_asset a
         WHERE a.run_id = rid AND a.known)) d;
    CREATE INDEX ON pg_temp.srm_audit_derived (service_namespace, control_id);
    ANALYZE pg_temp.srm_audit_control;
    ANALYZE pg_temp.srm_audit_derived;

    -- assets with a rule or status of their own get rows of their own
    INSERT INTO @extschema@.audit_finding (run_id, account_id, service_namespace, asset_id, framework_id, control_id,
        family_id, responsibility, class, customer_part, override_id, status, status_id, evidence, gap, assets)
    SELECT rid, a.account_id, a.service_namespace, a.asset_id, fw, c.control_id, c.family_id,
           r.resp, @extschema@.aws_class(r.resp),
           r.resp OPERATOR(@extschema@.&) 'customer (configured, provided)'::@extschema@.responsibility,
           o.override_id, st.status, st.status_id, coalesce(st.evidence, st.evidence_url),
           @extschema@.is_gap(r.resp, st.status), 1
    FROM @extschema@.audit_asset a
    CROSS JOIN pg_temp.srm_audit_control c
    JOIN pg_temp.srm_audit_derived cs ON cs.control_id = c.control_id AND cs.service_namespace = a.service_namespace
    LEFT JOIN LATERAL @extschema@.override_for('aws', a.service_namespace, a.account_id, a.arn, fw, c.control_id, c.family_id) o ON true
    LEFT JOIN LATERAL @extschema@.status_for(fw, c.control_id, 'aws', a.service_namespace, a.account_id, a.arn) st ON true
    CROSS JOIN LATERAL (SELECT coalesce(o.responsibility, cs.responsibility) AS resp) r
    WHERE a.run_id = rid AND a.known
      AND a.arn IN (SELECT x.asset FROM @extschema@.override x WHERE x.framework_id = fw
                    UNION SELECT x.asset FROM @extschema@.control_status x WHERE x.framework_id = fw)
      AND (EXISTS (SELECT FROM @extschema@.override x WHERE x.asset = a.arn AND x.framework_id = fw
                   AND (x.control_id = c.control_id OR x.family_id = c.family_id
                        OR (x.control_id IS NULL AND x.family_id IS NULL)))
           OR EXISTS (SELECT FROM @extschema@.control_status x WHERE x.asset = a.arn AND x.framework_id = fw
                      AND x.control_id = c.control_id));

    -- everything else once per account x service x control
    INSERT INTO @extschema@.audit_finding (run_id, account_id, service_namespace, asset_id, framework_id, control_id,
        family_id, responsibility, class, customer_part, override_id, status, status_id, evidence, gap, assets)
    SELECT rid, g.account_id, g.service_namespace, NULL, fw, c.control_id, c.family_id,
           r.resp, @extschema@.aws_class(r.resp),
           r.resp OPERATOR(@extschema@.&) 'customer (configured, provided)'::@extschema@.responsibility,
           o.override_id, st.status, st.status_id, coalesce(st.evidence, st.evidence_url),
           @extschema@.is_gap(r.resp, st.status),
           g.n - coalesce(e.n, 0)
    FROM (SELECT a.account_id, a.service_namespace, count(*) AS n
          FROM @extschema@.audit_asset a WHERE a.run_id = rid AND a.known
          GROUP BY a.account_id, a.service_namespace) g
    CROSS JOIN pg_temp.srm_audit_control c
    LEFT JOIN (SELECT x.account_id, x.service_namespace, x.control_id, count(*) AS n
               FROM @extschema@.audit_finding x WHERE x.run_id = rid AND x.asset_id IS NOT NULL
               GROUP BY x.account_id, x.service_namespace, x.control_id) e
      ON e.account_id = g.account_id AND e.service_namespace = g.service_namespace AND e.control_id = c.control_id
    JOIN pg_temp.srm_audit_derived cs ON cs.control_id = c.control_id AND cs.service_namespace = g.service_namespace
    LEFT JOIN LATERAL @extschema@.override_for('aws', g.service_namespace, g.account_id, NULL, fw, c.control_id, c.family_id) o ON true
    LEFT JOIN LATERAL @extschema@.status_for(fw, c.control_id, 'aws', g.service_namespace, g.account_id, NULL) st ON true
    CROSS JOIN LATERAL (SELECT coalesce(o.responsibility, cs.responsibility) AS resp) r;

    UPDATE @extschema@.audit_run r
    SET finished_at = clock_timestamp(),
        assets = (SELECT count(*) FROM @extschema@.audit_asset a WHERE a.run_id = rid),
        unknown_assets = (SELECT count(*) FROM @extschema@.audit_asset a WHERE a.run_id = rid AND NOT a.known),
        controls = (SELECT count(*) FROM pg_temp.srm_audit_control),
        asset_controls = coalesce((SELECT sum(f.assets) FROM @extschema@.audit_finding f WHERE f.run_id = rid), 0),
        gaps = coalesce((SELECT sum(f.assets) FROM @extschema@.audit_finding f WHERE f.run_id = rid AND f.gap), 0)
    WHERE r.run_id = rid;
    DROP TABLE pg_temp.srm_audit_control;
    DROP TABLE pg_temp.srm_audit_derived;

    -- retention: the newest runs of the same framework and baseline
    IF keep IS NOT NULL THEN
        DELETE FROM @extschema@.audit_run r
        WHERE r.framework_id = fw AND r.baseline IS NOT DISTINCT FROM bl
          AND r.run_id NOT IN (SELECT x.run_id FROM @extschema@.audit_run x
                               WHERE x.framework_id = fw AND x.baseline IS NOT DISTINCT FROM bl
                               ORDER BY x.run_id DESC LIMIT keep);
    END IF;
    RETURN rid;
END
$$;
COMMENT ON FUNCTION srm.run_audit(text, text, text[], text, integer) IS
    'records one consistent audit of every in-scope asset x control of a framework (and baseline: LOW, MODERATE, HIGH, PRIVACY), optionally limited to accounts; keeps the newest keep_runs runs of that framework and baseline (default: setting srm.audit_keep_runs, else all); returns the run id';

GRANT SELECT ON srm.asset, srm.asset_load, srm.asset_load_rejection, srm.control_status, srm.attestation,
    srm.audit_run, srm.audit_asset, srm.audit_finding, srm.audit_result, srm.bi_run, srm.bi_responsibility_mix,
    srm.bi_customer_gaps, srm.bi_gaps_by_family, srm.bi_inherited_controls, srm.bi_trend, srm.bi_unknown_assets
    TO PUBLIC;
