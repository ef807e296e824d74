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
    s text;
BEGIN
    SELECT * INTO c FROM @extschema@.resolve_control(NEW.framework_id || ':' || NEW.control_id);
    IF c.control_id IS NULL THEN
        PERFORM @extschema@.raise_unknown_control(NEW.control_id);
    END IF;
    NEW.control_id := c.control_id;
    IF NEW.service_namespace IS NOT NULL THEN
        SELECT r.service_namespace INTO s FROM @extschema@.resolve_asset(NEW.service_namespace) r WHERE r.form = 'service';
        IF s IS NULL THEN
            RAISE EXCEPTION 'unknown service "%"', NEW.service_namespace
                USING ERRCODE = 'undefined_object',
                      HINT = format('Closest known names: %s.', @extschema@.closest_names(NEW.service_namespace, 'service'));
        END IF;
        NEW.service_namespace := s;
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
       sum(f.assets) FILTER (WHERE f.gap) AS gaps
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
       sum(f.assets) FILTER (WHERE f.gap) AS gaps,
       sum(f.assets) FILTER (WHERE f.customer_part <> 'not applicable') AS customer_asset_controls,
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
