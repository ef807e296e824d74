-- install/tables/audit.sql (table part): audit runs, the assets they
-- covered and their findings, kept so that reports can be asked as of any
-- run.

-------------------------------------------------------------------------------
-- Audits
-------------------------------------------------------------------------------

CREATE TABLE srm.audit_run (
    run_id              bigserial PRIMARY KEY,
    framework_id        text NOT NULL,
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

GRANT SELECT ON srm.audit_run, srm.audit_asset, srm.audit_finding TO PUBLIC;
