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

-- issue 13 (Google Cloud, helper G): a team's accounts may be AWS account
-- ids, Azure subscription ids or Google Cloud project ids (as
-- install/tables/teams.sql; helper A's Azure block is the same ALTER)
ALTER TABLE srm.team_account DROP CONSTRAINT team_account_account_id_check;
ALTER TABLE srm.team_account ADD CONSTRAINT team_account_account_id_check
    CHECK (account_id ~ '^[0-9]{12}$'
        OR account_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        OR account_id ~ '^[a-z][a-z0-9-]{4,28}[a-z0-9]$');
COMMENT ON COLUMN srm.team_account.account_id IS
    'an AWS account id (12 digits), an Azure subscription id (a UUID) or a Google Cloud project id (6 to 30 lower-case letters, digits and hyphens, starting with a letter, not ending with a hyphen), or null: the rows that have no account';
-- Google's asset types and services share srm.resource_type and srm.service
-- (as install/tables/model.sql)
COMMENT ON TABLE srm.resource_type IS
    'Every AWS Config and CloudFormation resource type (AWS::Service::Resource) and the Google Cloud Asset Inventory asset types srm places (compute.googleapis.com/Instance), mapped to its service, with its ARN template (for Google: the full resource name template) where known; in_config marks a type of the provider''s configuration inventory (AWS Config, Cloud Asset Inventory).';
COMMENT ON TABLE srm.service IS
    'Provider services with their service model. service_namespace is the ARN service namespace (a distinct slug where the ARN namespace is shared, e.g. docdb and neptune use arn_namespace rds; for Google the short name of the API, with the API service name compute.googleapis.com as arn_namespace); cfn_namespaces lists the CloudFormation/Config namespaces (for Google: the Cloud Asset Inventory type prefix) that belong to it; reviewed marks services assessed one by one rather than by category rule.';
