-- upgrade/0.4.0--0.5.0/before.sql: what the code and data of 0.5.0 need
-- before they are replaced in place: new tables and columns.

-- issue 12: scanner findings (as install/tables/finding.sql)
CREATE TABLE srm.finding_load (
    load_id            bigserial PRIMARY KEY,
    loaded_at          timestamptz NOT NULL DEFAULT now(),
    loaded_by          text NOT NULL DEFAULT current_user,
    source             text NOT NULL,
    format             text NOT NULL CHECK (format IN ('asff', 'ocsf')),
    findings_read      integer NOT NULL,
    findings_inserted  integer NOT NULL,
    findings_unchanged integer NOT NULL,
    findings_rejected  integer NOT NULL,
    accounts           text[] NOT NULL DEFAULT '{}',
    CHECK (findings_read = findings_inserted + findings_unchanged + findings_rejected)
);
COMMENT ON TABLE srm.finding_load IS
    'one row per load of scanner findings, with counts that reconcile: findings read = inserted + unchanged (the same finding, same time, already loaded) + rejected';
COMMENT ON COLUMN srm.finding_load.accounts IS
    'the account ids of the load''s findings (accepted or rejected), set as the load ends; scopes the load to teams as srm.asset_load.accounts does';

CREATE TABLE srm.finding_load_rejection (
    load_id    bigint NOT NULL REFERENCES srm.finding_load ON DELETE CASCADE,
    item_index integer NOT NULL,
    reason     text NOT NULL,
    item       jsonb NOT NULL,
    PRIMARY KEY (load_id, item_index)
);
COMMENT ON TABLE srm.finding_load_rejection IS
    'every finding a load did not take, with its index in the document (from 0) and the reason';

CREATE TABLE srm.finding (
    finding_id        bigserial PRIMARY KEY,
    scanner           text NOT NULL,
    finding_uid       text NOT NULL,
    check_id          text NOT NULL,
    check_title       text,
    status            text NOT NULL CHECK (status IN ('passed', 'failed')),
    severity          text CHECK (severity IN ('informational', 'low', 'medium', 'high', 'critical')),
    observed_at       timestamptz NOT NULL,
    provider          text NOT NULL DEFAULT 'aws',
    account_id        text NOT NULL,
    region            text,
    resource_type     text,
    resource_id       text NOT NULL,
    arn               text,
    service_namespace text,
    framework_id      text NOT NULL DEFAULT 'nist-800-53-r5',
    controls          text[] NOT NULL DEFAULT '{}',
    load_id           bigint NOT NULL REFERENCES srm.finding_load ON DELETE CASCADE,
    document          jsonb NOT NULL,
    UNIQUE (scanner, finding_uid, observed_at)
);
COMMENT ON TABLE srm.finding IS
    'one result of one scanner''s check on one resource at one time (ASFF or OCSF as loaded): passed or failed, and the controls it evidences; the same finding loaded again is this row, a newer result of the same check on the same resource is a new row that audits prefer';
COMMENT ON COLUMN srm.finding.finding_id IS 'arrival order: an audit run remembers the highest it saw, so later loads change nothing in it';
COMMENT ON COLUMN srm.finding.scanner IS 'who produced it: security-hub (a Security Hub control or product finding), prowler, ...';
COMMENT ON COLUMN srm.finding.finding_uid IS 'the scanner''s id of the finding (ASFF Id, OCSF finding_info.uid)';
COMMENT ON COLUMN srm.finding.check_id IS 'the scanner''s id of the check (Security Hub control id such as EC2.8, Prowler check id such as ec2_instance_imdsv2_enabled)';
COMMENT ON COLUMN srm.finding.observed_at IS 'when the scanner last evaluated the resource (ASFF UpdatedAt, OCSF time)';
COMMENT ON COLUMN srm.finding.resource_type IS 'the resource type as the scanner names it (AwsEc2Instance, Other, ...)';
COMMENT ON COLUMN srm.finding.resource_id IS 'the resource as the scanner names it (an ARN, or an id)';
COMMENT ON COLUMN srm.finding.arn IS 'the resource''s ARN, as srm.asset.arn would hold it; null when the scanner gave none';
COMMENT ON COLUMN srm.finding.service_namespace IS 'the service srm resolves the resource to; null when srm cannot place it';
COMMENT ON COLUMN srm.finding.controls IS 'control ids of framework_id (srm.control.control_id) the finding evidences: from the finding itself (Compliance.RelatedRequirements, OCSF unmapped compliance) or from the scanner''s published mapping of its check';
CREATE INDEX ON srm.finding (account_id, arn);
CREATE INDEX ON srm.finding (account_id, resource_id);
CREATE INDEX ON srm.finding (load_id);

SELECT pg_catalog.pg_extension_config_dump('srm.finding_load', '');
SELECT pg_catalog.pg_extension_config_dump('srm.finding_load_load_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('srm.finding_load_rejection', '');
SELECT pg_catalog.pg_extension_config_dump('srm.finding', '');
SELECT pg_catalog.pg_extension_config_dump('srm.finding_finding_id_seq', '');

GRANT SELECT ON srm.finding_load, srm.finding_load_rejection, srm.finding TO PUBLIC;

-- issue 12: scanners' published mappings of their checks to
-- controls, filled by the model diff (as install/tables/finding.sql)
CREATE TABLE srm.check_control (
    scanner          text NOT NULL,
    check_id         text NOT NULL,
    requirement_id   text NOT NULL,
    framework_id     text NOT NULL,
    control_id       text NOT NULL,
    requirement_name text,
    reading          text NOT NULL,
    source           text NOT NULL,
    PRIMARY KEY (scanner, check_id, requirement_id),
    FOREIGN KEY (framework_id, control_id) REFERENCES srm.control
);
COMMENT ON TABLE srm.check_control IS
    'a scanner''s published mapping of its checks to a framework''s requirements, each requirement read as the control srm knows (data/prowler_nist_800_53_r5.csv: Prowler''s NIST SP 800-53 r5 mapping of its AWS checks, Apache-2.0); srm.load_findings adds the controls of a finding''s check';
COMMENT ON COLUMN srm.check_control.requirement_id IS 'the requirement as the scanner names it (Prowler: ac_2_3_a)';
COMMENT ON COLUMN srm.check_control.control_id IS 'the control the requirement is or is an item of (ac_2_3_a, AC-2(3) item a: ac-2.3)';
COMMENT ON COLUMN srm.check_control.reading IS 'how the control was read: id (from the requirement id, srm_internal.control_key) or description: why (the id names no control; its description is another control''s statement)';
CREATE INDEX ON srm.check_control (scanner, requirement_id);
GRANT SELECT ON srm.check_control TO PUBLIC;

-- issue 12 item 2: audit runs keep check results (as
-- install/tables/audit.sql); runs made before 0.5.0 have none (null)
ALTER TABLE srm.audit_run
    ADD COLUMN findings_through    bigint,
    ADD COLUMN findings_applied    integer,
    ADD COLUMN findings_unmatched  integer,
    ADD COLUMN gaps_failing        bigint,
    ADD COLUMN gaps_passing        bigint;
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

SELECT pg_catalog.pg_extension_config_dump('srm.audit_check', '');
GRANT SELECT ON srm.audit_check TO PUBLIC;

-- issue 13 (Google Cloud): Google's asset types and services share
-- srm.resource_type and srm.service
-- (as install/tables/model.sql)
COMMENT ON TABLE srm.resource_type IS
    'Every AWS Config and CloudFormation resource type (AWS::Service::Resource), the Azure resource types srm places (ARM form, Microsoft.Compute/virtualMachines: cfn_namespace is the resource provider namespace, resource the type path after it, arn_template the ARM resource id template) and the Google Cloud Asset Inventory asset types srm places (compute.googleapis.com/Instance: arn_template is the full resource name template), each mapped to its service; in_config marks a type of the provider''s configuration inventory (AWS Config, Cloud Asset Inventory).';
COMMENT ON TABLE srm.service IS
    'Provider services with their service model. service_namespace is the ARN service namespace (a distinct slug where the ARN namespace is shared, e.g. docdb and neptune use arn_namespace rds; for Google the short name of the API, with the API service name compute.googleapis.com as arn_namespace); cfn_namespaces lists the CloudFormation/Config namespaces (for Google: the Cloud Asset Inventory type prefix) that belong to it; reviewed marks services assessed one by one rather than by category rule.';

-- issue 13 (Azure): Azure resource types are in neither AWS list;
-- a team's account may be an AWS account id, an Azure subscription id or a
-- Google Cloud project id (as install/tables/teams.sql)
ALTER TABLE srm.resource_type
    DROP CONSTRAINT resource_type_check,
    ADD CONSTRAINT resource_type_check CHECK (provider <> 'aws' OR in_config OR in_cloudformation);
ALTER TABLE srm.team_account
    DROP CONSTRAINT team_account_account_id_check,
    ADD CONSTRAINT team_account_account_id_check
        CHECK (account_id ~ '^([0-9]{12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z][a-z0-9-]{4,28}[a-z0-9])$');
COMMENT ON COLUMN srm.team_account.account_id IS
    'an AWS account id (12 digits), an Azure subscription id (a UUID, stored in lower case) or a Google Cloud project id, or null: the rows that have no account';
