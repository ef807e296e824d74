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
    gaps                bigint,
    findings_through    bigint,
    findings_applied    integer,
    findings_unmatched  integer,
    gaps_failing        bigint,
    gaps_passing        bigint
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
    grain             text NOT NULL DEFAULT '',
    tags              jsonb,
    provider          text NOT NULL DEFAULT 'aws',
    PRIMARY KEY (run_id, asset_id)
);
COMMENT ON TABLE srm.audit_asset IS
    'the assets an audit run covered, as they were; known is false for assets whose service srm cannot place (counted, never dropped); tags as the inventory had them (the report totals by a tag), null for runs of 0.2.0';
COMMENT ON COLUMN srm.audit_asset.grain IS
    'the grain the asset was answered at: empty for its service''s answer, else its resource type and, after a space, its configuration variant (as in srm.resource_type_matrix); runs before 0.3.0 answered every asset at its service''s';

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
    grain             text NOT NULL DEFAULT '',
    provider          text NOT NULL DEFAULT 'aws'
);
ALTER TABLE srm.audit_finding ADD CONSTRAINT audit_finding_grain_key
    UNIQUE NULLS NOT DISTINCT (run_id, provider, account_id, service_namespace, grain, asset_id, control_id);
COMMENT ON COLUMN srm.audit_finding.grain IS
    'the grain of the assets a group row speaks for (as srm.audit_asset.grain; empty: the service''s answer)';
COMMENT ON TABLE srm.audit_finding IS
    'the findings of an audit run: per account x service x control (asset_id null; assets = how many assets it speaks for), and per asset x control where a rule or status of that asset applies; since 0.3.0 only for the groups srm.audit_group marks stored (the others: srm.audit_default). gap: the customer takes part and its part lacks implemented evidence.';
CREATE INDEX ON srm.audit_finding (run_id, control_id);
CREATE INDEX ON srm.audit_finding (run_id, asset_id, control_id) WHERE asset_id IS NOT NULL;

SELECT pg_catalog.pg_extension_config_dump('srm.audit_run', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_run_run_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_asset', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_finding', '');

GRANT SELECT ON srm.audit_run, srm.audit_asset, srm.audit_finding TO PUBLIC;

-- Compact runs (0.3.0).  A run's assets fall into groups, one per account x
-- service.  A group that no account- or asset-scoped override or status
-- touches has, for every control, the answer of its service: those answers
-- are recorded once per service x control (srm.audit_default) and the group
-- only counts its assets (srm.audit_group, stored false).  The other groups
-- (stored true) keep their findings in srm.audit_finding, as every group of
-- a run of 0.2.0 does (those runs have no srm.audit_group rows).  A run also
-- keeps a copy of the overrides and statuses of its framework as it saw
-- them.  Nothing grows with accounts x services x controls.
CREATE TABLE srm.audit_group (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    account_id        text NOT NULL,
    service_namespace text NOT NULL,
    grain             text NOT NULL,
    assets            integer NOT NULL CHECK (assets > 0),
    stored            boolean NOT NULL,
    provider          text NOT NULL DEFAULT 'aws',
    answers           text NOT NULL DEFAULT '',
    PRIMARY KEY (run_id, provider, account_id, service_namespace, grain),
    CONSTRAINT audit_group_answers CHECK ((answers = '') = (NOT stored))
)
-- scanned in parallel whatever its size (by up to
-- max_parallel_workers_per_gather workers, where the planner finds it
-- cheaper): a run's groups are few (2 MB for 100,000 assets in 1,000
-- accounts, under min_parallel_table_scan_size), but each fans out to its
-- service's answers, millions of rows of srm.bi_customer_gaps
WITH (parallel_workers = 4);
COMMENT ON TABLE srm.audit_group IS
    'the known assets of an audit run per account x service x grain (empty, or a resource type and variant with answers of its own); stored: its findings are in srm.audit_finding (an account- or asset-scoped override or status applies to it), else every control has the answer of srm.audit_default for its service';

CREATE TABLE srm.audit_default (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    service_namespace text NOT NULL,
    grain             text NOT NULL,
    framework_id      text NOT NULL,
    control_id        text NOT NULL,
    family_id         text,
    derived           srm.responsibility NOT NULL,
    responsibility    srm.responsibility NOT NULL,
    class             srm.control_class NOT NULL,
    customer_part     srm.responsibility NOT NULL,
    override_id       bigint,
    status            text,
    status_id         bigint,
    evidence          text,
    gap               boolean NOT NULL,
    provider          text NOT NULL DEFAULT 'aws',
    label             text,
    title             text,
    family_title      text,
    PRIMARY KEY (run_id, provider, service_namespace, grain, control_id)
);
COMMENT ON TABLE srm.audit_default IS
    'the answer of an audit run for every control on every service (and grain below it) of its assets where no account- or asset-scoped override or status applies: the derivation it used (derived), the provider- or service-wide override and the service-wide status that applied, the result and gap';

CREATE TABLE srm.audit_override (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    override_id       bigint NOT NULL,
    provider          text NOT NULL,
    service_namespace text,
    account_id        text,
    asset             text,
    framework_id      text NOT NULL,
    control_id        text,
    family_id         text,
    responsibility    srm.responsibility NOT NULL,
    reason            text NOT NULL,
    created_by        text NOT NULL,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (run_id, override_id)
);
COMMENT ON TABLE srm.audit_override IS
    'the overrides of its framework an audit run saw (srm.override as it was when the run started)';

CREATE TABLE srm.audit_status (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    status_id         bigint NOT NULL,
    framework_id      text NOT NULL,
    control_id        text NOT NULL,
    provider          text NOT NULL,
    account_id        text,
    service_namespace text,
    asset             text,
    status            text NOT NULL,
    evidence          text,
    evidence_url      text,
    assessed_by       text NOT NULL,
    assessed_at       timestamptz NOT NULL,
    PRIMARY KEY (run_id, status_id)
);
COMMENT ON TABLE srm.audit_status IS
    'the control statuses of its framework an audit run saw (srm.control_status as it was when the run started)';

-- Providers (0.6.0): a run audits the assets of every provider (AWS, Azure,
-- Google Cloud) with that provider's services; service namespaces are
-- unique per provider only (iam is AWS's and Google's), so the run's rows
-- carry the provider.  Runs before 0.6.0 audited AWS alone ('aws').
COMMENT ON COLUMN srm.audit_asset.provider IS 'the asset''s provider (aws, azure, gcp), as srm.asset.provider';
COMMENT ON COLUMN srm.audit_finding.provider IS 'the provider of the service (and of the account) the finding speaks for';
COMMENT ON COLUMN srm.audit_group.provider IS 'the provider of the group''s service and account';
COMMENT ON COLUMN srm.audit_default.provider IS 'the provider of the service the answer is for';

-- 0.7.0: a run keeps each control's label and titles as it saw them (the
-- gaps list reads them with the answer, without a join per account to the
-- catalog, and an old run reads as it was if a later catalog renames a
-- control); null for runs before 0.7.0 whose control the catalog no longer has
COMMENT ON COLUMN srm.audit_default.label IS 'the control''s label (srm.control.label) when the run was made';
COMMENT ON COLUMN srm.audit_default.title IS 'the control''s title (srm.control.title) when the run was made';
COMMENT ON COLUMN srm.audit_default.family_title IS 'the title of the control''s family (srm.control.family_title) when the run was made';

-- 0.7.0: the assets a run could not place, found without reading the run's
-- other assets (srm.bi_unknown_assets)
CREATE INDEX audit_asset_unknown ON srm.audit_asset (run_id) WHERE NOT known;
-- no column statistics for the tags a run kept (read by ->> only; see
-- srm.asset)
ALTER TABLE srm.audit_asset ALTER COLUMN tags SET STATISTICS 0;

SELECT pg_catalog.pg_extension_config_dump('srm.audit_group', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_default', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_override', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_status', '');

GRANT SELECT ON srm.audit_group, srm.audit_default, srm.audit_override, srm.audit_status TO PUBLIC;

-- Check results (0.5.0).  A run keeps the scanners' results it saw
-- (srm.finding) as check results per asset x control, only where a current
-- finding applies, and per account x control for findings on the account
-- itself (they apply to each asset of the account, as an account-scoped
-- status does); srm.audit_result combines both.  Findings loaded after the
-- run change nothing in it.
COMMENT ON COLUMN srm.audit_run.findings_through IS
    'the highest srm.finding.finding_id the run saw (null: no finding was loaded, or a run before 0.5.0, which has no check results)';
COMMENT ON COLUMN srm.audit_run.findings_applied IS
    'current findings (the newest result of each check on each resource) of the run''s accounts and framework that named an asset of the run or the account itself';
COMMENT ON COLUMN srm.audit_run.findings_unmatched IS
    'current findings of the run''s accounts and framework that named no asset of the run (not loaded, of a type srm does not place) nor the account';
COMMENT ON COLUMN srm.audit_run.gaps_failing IS
    'customer gaps (asset x control) where a current check failed';
COMMENT ON COLUMN srm.audit_run.gaps_passing IS
    'customer gaps (asset x control) where every current check passed: passing, but no implemented status attests it; gaps - gaps_failing - gaps_passing are unchecked';

CREATE TABLE srm.audit_check (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    account_id        text NOT NULL,
    asset_id          bigint,
    service_namespace text,
    framework_id      text NOT NULL,
    control_id        text NOT NULL,
    check_result      text NOT NULL CHECK (check_result IN ('failed', 'passed')),
    failed_checks     text[] NOT NULL,
    passed_checks     text[] NOT NULL,
    findings          bigint[] NOT NULL,
    gap               boolean,
    provider          text NOT NULL DEFAULT 'aws',
    CHECK ((asset_id IS NULL) = (service_namespace IS NULL) AND (asset_id IS NULL) = (gap IS NULL))
);
ALTER TABLE srm.audit_check ADD CONSTRAINT audit_check_key
    UNIQUE NULLS NOT DISTINCT (run_id, asset_id, account_id, control_id);
COMMENT ON TABLE srm.audit_check IS
    'the check results of an audit run: per asset x control (asset_id set) where a current finding of a scanner names the asset and evidences the control, and per account x control (asset_id null) for findings on the account itself, which apply to each of its assets; current: the newest result of each check (scanner and check id) on the resource among the findings the run saw';
COMMENT ON COLUMN srm.audit_check.check_result IS
    'failed if a current check failed, else passed';
COMMENT ON COLUMN srm.audit_check.failed_checks IS
    'the current checks that failed, as ''scanner check_id'', sorted';
COMMENT ON COLUMN srm.audit_check.passed_checks IS
    'the current checks that passed, as ''scanner check_id'', sorted';
COMMENT ON COLUMN srm.audit_check.findings IS
    'the srm.finding ids of the current results (the findings themselves may be deleted later; the run keeps its answer)';
COMMENT ON COLUMN srm.audit_check.gap IS
    'for an asset''s row: whether the asset x control is a customer gap in the run (null for an account''s row)';

COMMENT ON COLUMN srm.audit_check.provider IS
    'the provider of the asset or account (0.6.0; every earlier run''s are aws)';

SELECT pg_catalog.pg_extension_config_dump('srm.audit_check', '');
GRANT SELECT ON srm.audit_check TO PUBLIC;

-- The gaps list (0.11.0).  srm.bi_customer_gaps lists every customer gap of
-- a run: 6.6 million rows for 100,000 assets in 1,000 accounts.  Read from
-- the stored findings and, apart, from the groups joined to their service's
-- answers, it is two subqueries under an append, each projecting every row
-- once more; read from one table of gaps that every group names a part of,
-- it is a single join (groups, then their part's gaps through a memoized
-- index scan), in about half the time.  Each group names its part
-- (srm.audit_group.answers): '' for a group that is not stored, which
-- takes its service's gaps at its grain; its account for a stored group,
-- which takes the gaps of its own findings (those speaking for the group
-- and those of its assets with rules of their own).  The rows copy the
-- gaps of srm.audit_default and srm.audit_finding, with the controls'
-- label and titles as the run kept them: the answers and findings stay
-- where every other reader finds them.
COMMENT ON COLUMN srm.audit_group.answers IS
    'which gaps of the run''s srm.audit_gap its assets take: '''' for a group that is not stored (its service''s, at its grain), else its account (the stored findings of this group)';

CREATE TABLE srm.audit_gap (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    provider          text NOT NULL,
    service_namespace text NOT NULL,
    grain             text NOT NULL,
    answers           text NOT NULL,
    control_id        text NOT NULL,
    asset_id          bigint,
    asset             text,
    assets            integer CHECK (assets > 0),
    framework_id      text NOT NULL,
    family_id         text,
    label             text,
    title             text,
    family_title      text,
    responsibility    srm.responsibility NOT NULL,
    customer_part     srm.responsibility NOT NULL,
    class             srm.control_class NOT NULL,
    status            text,
    evidence          text,
    CONSTRAINT audit_gap_key UNIQUE NULLS NOT DISTINCT
        (run_id, provider, service_namespace, grain, answers, control_id, asset_id),
    CHECK ((answers = '') = (assets IS NULL) AND (asset_id IS NULL OR answers <> ''))
);
COMMENT ON TABLE srm.audit_gap IS
    'the customer gaps of an audit run as srm.bi_customer_gaps lists them, in parts that the run''s groups name (srm.audit_group.answers): answers '''', per service x grain x control, the gaps of srm.audit_default that every group not stored takes; answers an account, the gap findings of that account''s stored group in srm.audit_finding, per control (asset_id null, speaking for assets assets) and per asset x control; label and titles as the run kept them';
COMMENT ON COLUMN srm.audit_gap.answers IS
    'the part of the run''s gaps the row belongs to: '''' for its service''s answers, else the account of the stored group whose finding it is';
COMMENT ON COLUMN srm.audit_gap.asset IS
    'for a finding of one asset: its ARN as the run recorded it (srm.audit_asset.arn)';
COMMENT ON COLUMN srm.audit_gap.assets IS
    'for a stored finding: how many assets it speaks for; null in the service''s answers, where each group counts its own';

SELECT pg_catalog.pg_extension_config_dump('srm.audit_gap', '');
GRANT SELECT ON srm.audit_gap TO PUBLIC;
