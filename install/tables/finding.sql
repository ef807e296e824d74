-- install/tables/finding.sql (table part): results of scanners (AWS
-- Security Hub, Prowler, ...) loaded by srm.load_findings, the evidence
-- audits set beside the customer's part of every asset x control.

-------------------------------------------------------------------------------
-- Findings
-------------------------------------------------------------------------------

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

-------------------------------------------------------------------------------
-- Scanners' published mappings of their checks to controls (model data)
-------------------------------------------------------------------------------

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
