-- Scanner findings (SPEC §12, issue 12 item 1): srm.load_findings reads
-- ASFF (Security Hub's get-findings, Prowler's array) and Prowler's OCSF.
-- The samples are real published outputs (test/fixtures/findings/README.md);
-- where a sample cannot show something (none of Prowler's samples is of a
-- check its NIST mapping names), a finding is derived from one here, the
-- derivation written beside it.  Roles are the cluster's: srm_test_find_*,
-- dropped at the end (and first, should a run have stopped halfway).
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET client_min_messages = warning;
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['srm_test_find_team', 'srm_test_find_member'] LOOP
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('DROP OWNED BY %I', r);
            EXECUTE format('DROP ROLE %I', r);
        END IF;
    END LOOP;
END $$;
RESET client_min_messages;
SET search_path = srm, public;
\set sh `cat :'fixtures'/findings/securityhub_sample_control_findings.json`
\set p_ocsf `cat :'fixtures'/findings/prowler_docs_example.ocsf.json`
\set p_asff `cat :'fixtures'/findings/prowler_docs_example.asff.json`
\set p_aws `cat :'fixtures'/findings/prowler_example_output_aws.ocsf.json`
\set p_azure `cat :'fixtures'/findings/prowler_example_output_azure.ocsf.json`

-- Prowler's published NIST SP 800-53 r5 mapping, shipped as data: its
-- checks, requirements and the controls they read as; item-level
-- requirements evidence the control they are an item of
SELECT count(*) AS rows, count(DISTINCT check_id) AS checks, count(DISTINCT requirement_id) AS requirements,
       count(DISTINCT control_id) AS controls,
       count(*) FILTER (WHERE reading <> 'id') AS read_from_description
FROM check_control WHERE scanner = 'prowler' AND framework_id = 'nist-800-53-r5';
SELECT DISTINCT requirement_id, requirement_name, control_id, reading
FROM check_control
WHERE requirement_id IN ('ac_2_1', 'ac_2_3_a', 'ac_2_d_1', 'ac_3_3_b_1', 'cp_1_a_1_b', 'cp_1_2', 'sa_1_1', 'si_1_1_c')
ORDER BY requirement_id;
-- every requirement read from its id reads so through control_key too
SELECT count(*) AS requirements_read_from_id, count(*) FILTER (WHERE r.control_id = m.control_id) AS same_reading
FROM (SELECT DISTINCT requirement_id, control_id FROM check_control WHERE reading = 'id') m,
     LATERAL resolve_control(m.requirement_id) r;

-- control ids as scanners write them are read everywhere a control id is
-- taken: lookups, bulk answers, statuses and overrides (stored as the id)
SELECT responsibility_of('arn:aws:s3:::b', 'NIST.800-53.r5 AC-2(1)') = responsibility_of('arn:aws:s3:::b', 'AC-2(1)') AS lookup,
       responsibility_of('arn:aws:s3:::b', 'ac_2_3_a') = responsibility_of('arn:aws:s3:::b', 'AC-2(3)') AS lookup_item;
SELECT r.control, r.framework_id, r.control_id, r.known_control
FROM responsibilities(ARRAY['arn:aws:s3:::b'], ARRAY['NIST.800-53.r5/SC-28(1)', 'ac_2_d_1', 'NIST-800-53-Revision-5 cp_9_d']) r
ORDER BY r.control;
BEGIN;
INSERT INTO control_status (framework_id, control_id, account_id, status)
VALUES ('nist-800-53-r5', 'NIST.800-53.r5 AC-2(1)', '402918374655', 'planned'),
       ('nist-800-53-r5', 'ac_2_3_a', '402918374655', 'planned') RETURNING control_id;
INSERT INTO override (framework_id, control_id, responsibility, reason)
VALUES ('nist-800-53-r5', 'ac_3_3_b_1', 'customer', 'Prowler item id') RETURNING control_id;
SELECT test_error($$INSERT INTO srm.control_status (framework_id, control_id, account_id, status)
                    VALUES ('nist-800-53-r5', 'NIST.800-53.r5 AC-2(99)', '402918374655', 'planned')$$) AS status_unknown;
ROLLBACK;

-- AWS Security Hub's 7 sample control findings as get-findings prints them:
-- the NIST SP 800-53 r5 one loads with its 8 requirements; the others name
-- CIS or PCI requirements or none, and srm has no mapping of Security Hub's
-- controls, so they are rejected with that reason
SELECT load_findings(:'sh', 'Security Hub user guide samples') AS sh_load \gset
SELECT source, format, findings_read, findings_inserted, findings_unchanged, findings_rejected, accounts
FROM finding_load WHERE load_id = :sh_load;
SELECT item_index, reason FROM finding_load_rejection WHERE load_id = :sh_load ORDER BY item_index;
SELECT scanner, check_id, check_title, status, severity, observed_at, account_id, region, resource_type, arn,
       service_namespace, framework_id, controls
FROM finding WHERE load_id = :sh_load ORDER BY finding_id;

-- the same document again: nothing new, every finding unchanged or rejected
SELECT load_findings(:'sh') AS sh_again \gset
SELECT source, findings_read, findings_inserted, findings_unchanged, findings_rejected
FROM finding_load WHERE load_id = :sh_again;
SELECT count(*) AS nist_sample_rows FROM finding WHERE check_id = 'CloudTrail.2';

-- a newer result of the same check on the same resource (the NIST sample,
-- UpdatedAt a day later, now PASSED) is a new row; the older one stays
SELECT load_findings(jsonb_build_object('Findings', jsonb_build_array(
           jsonb_set(jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{UpdatedAt}', '"2023-02-18T14:22:46.726Z"'),
                     '{Compliance,Status}', '"PASSED"'))), 'NIST sample, a day later') AS sh_newer \gset
SELECT findings_read, findings_inserted, findings_unchanged, findings_rejected FROM finding_load WHERE load_id = :sh_newer;
SELECT status, observed_at, load_id = :sh_newer AS from_newer_load
FROM finding WHERE check_id = 'CloudTrail.2' ORDER BY observed_at;

-- Prowler's documented OCSF and ASFF examples: the ECS check is not in
-- Prowler's NIST mapping and the OCSF finding lists no NIST requirement;
-- the ASFF example's account is the placeholder ACCOUNT_ID
SELECT load_findings(:'p_ocsf', 'Prowler docs OCSF example') AS p_ocsf_load \gset
SELECT load_findings(:'p_asff', 'Prowler docs ASFF example') AS p_asff_load \gset
SELECT l.source, l.format, l.findings_read, l.findings_inserted, l.findings_rejected, r.reason
FROM finding_load l JOIN finding_load_rejection r USING (load_id)
WHERE l.load_id IN (:p_ocsf_load, :p_asff_load) ORDER BY l.load_id, r.item_index;
-- Prowler's example outputs (placeholders for accounts): three MANUAL
-- checks, two with no account id; the Azure one is not AWS
SELECT load_findings(:'p_aws', 'Prowler example output (AWS)') AS p_aws_load \gset
SELECT load_findings(:'p_azure', 'Prowler example output (Azure)') AS p_azure_load \gset
SELECT l.source, l.format, l.findings_read, l.findings_rejected, r.item_index, r.reason
FROM finding_load l JOIN finding_load_rejection r USING (load_id)
WHERE l.load_id IN (:p_aws_load, :p_azure_load) ORDER BY l.load_id, r.item_index;

-- Derived from Prowler's OCSF example: the check made one its NIST mapping
-- names (rds_instance_storage_encrypted), and the same finding with
-- Prowler's compliance list naming NIST items (ac_2_3_a is AC-2(3) item a,
-- cp_1_2 the requirement Prowler's mapping reads as CP-10(2)); resource
-- type Other takes its service from the resource id; a later scan of the
-- first is a new row, the same scan again unchanged
SELECT load_findings(jsonb_build_array(
           jsonb_set(jsonb_set((:'p_ocsf'::jsonb) -> 0, '{metadata,event_code}', '"rds_instance_storage_encrypted"'),
                     '{finding_info,uid}', '"prowler-aws-rds_instance_storage_encrypted-123456789012-eu-central-1-db1"'),
           jsonb_set(jsonb_set(jsonb_set(jsonb_set((:'p_ocsf'::jsonb) -> 0, '{unmapped,compliance,NIST-800-53-Revision-5}',
                                                   '["ac_2_3_a", "cp_1_2", "sc_7_12"]'),
                                         '{finding_info,uid}', '"derived-2"'),
                               '{resources,0,type}', '"Other"'),
                     '{status_code}', '"PASS"')),
       'derived from Prowler docs OCSF example') AS d1 \gset
SELECT findings_read, findings_inserted, findings_unchanged, findings_rejected, accounts FROM finding_load WHERE load_id = :d1;
SELECT scanner, finding_uid, check_id, status, severity, observed_at, account_id, region, resource_type, arn,
       service_namespace, controls
FROM finding WHERE load_id = :d1 ORDER BY finding_id;
SELECT load_findings(jsonb_build_array(
           jsonb_set(jsonb_set((:'p_ocsf'::jsonb) -> 0, '{metadata,event_code}', '"rds_instance_storage_encrypted"'),
                     '{finding_info,uid}', '"prowler-aws-rds_instance_storage_encrypted-123456789012-eu-central-1-db1"'),
           jsonb_set(jsonb_set(jsonb_set((:'p_ocsf'::jsonb) -> 0, '{metadata,event_code}', '"rds_instance_storage_encrypted"'),
                               '{finding_info,uid}', '"prowler-aws-rds_instance_storage_encrypted-123456789012-eu-central-1-db1"'),
                     '{time}', '1738082206'))) AS d2 \gset
SELECT findings_read, findings_inserted, findings_unchanged, findings_rejected FROM finding_load WHERE load_id = :d2;
SELECT finding_uid, status, observed_at FROM finding
WHERE finding_uid LIKE 'prowler-aws-rds_instance_storage_encrypted-%' ORDER BY observed_at;

-- Derived from Prowler's ASFF example: a mapped check, the account filled
-- in, and Compliance.RelatedRequirements as Prowler writes it (a framework
-- and its ids in one string, cut at 63 characters: the cut id is left out)
SELECT load_findings(jsonb_build_array(
           jsonb_set(jsonb_set(jsonb_set((:'p_asff'::jsonb) -> 0, '{GeneratorId}', '"prowler-rds_instance_storage_encrypted"'),
                               '{AwsAccountId}', '"123456789012"'),
                     '{Compliance,RelatedRequirements}',
                     '["CIS-1.5 2.3.1", "NIST-800-53-Revision-5 au_9_3 cm_6_a ca_9_b cp_9_d sc_13_a sc_2"]'))) AS d3 \gset
SELECT format, findings_read, findings_inserted, findings_rejected FROM finding_load WHERE load_id = :d3;
SELECT reason FROM finding_load_rejection WHERE load_id = :d3;
SELECT scanner, check_id, status, severity, resource_type, resource_id, arn, service_namespace, controls,
       'sc-2' = ANY (controls) AS cut_id_read
FROM finding WHERE load_id = :d3;

-- bad findings are kept with their reason; the rest of the document loads
SELECT load_findings(jsonb_build_object('Findings', jsonb_build_array(
    (:'sh'::jsonb) -> 'Findings' -> 3,                                                           -- 0 loads (unchanged)
    ((:'sh'::jsonb) -> 'Findings' -> 3) - 'Resources',                                         -- 1 no resource
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Resources}', '[]'),                           -- 2 no resource
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Resources,0,Id}', '42'),                      -- 3 wrong type
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Compliance,RelatedRequirements}',
              '["NIST.800-53.r5 AC-99", "NIST.800-53.r5 AU-9", "NIST.800-53.r5 ZZ-1(2)"]'),         -- 4 no such control
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{UpdatedAt}', '"yesterday"'),                  -- 5 bad time
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{UpdatedAt}', '"2023-02-30T00:00:00Z"'),       -- 6 bad time
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Compliance,Status}', '"WARNING"'),            -- 7 no result
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Compliance,Status}', '"NOT_AVAILABLE"'),      -- 8 no result
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Compliance,Status}', '"BROKEN"'),             -- 9 unknown status
    ((:'sh'::jsonb) -> 'Findings' -> 3) - 'Compliance',                                        -- 10 not a check
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{AwsAccountId}', '123456789012'),              -- 11 wrong type
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{AwsAccountId}', '"12345"'),                   -- 12 not an account
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Severity,Label}', '"SEVERE"'),                -- 13 bad severity
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{RecordState}', '"ARCHIVED"'),                 -- 14 archived
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Compliance,RelatedRequirements}', '"AU-9"'),  -- 15 wrong type
    '"a string"'::jsonb,                                                                          -- 16 not an object
    '[1, 2]'::jsonb,                                                                              -- 17 not an object
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Compliance,RelatedRequirements}', '[]'),      -- 18 unknown check, no controls
    jsonb_set(jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Id}', '"bad-input-ok"'),
              '{Severity}', '{"Normalized": 90}'))),                                             -- 19 loads (critical)
    'bad input') AS bad \gset
SELECT findings_read, findings_inserted, findings_unchanged, findings_rejected FROM finding_load WHERE load_id = :bad;
SELECT item_index, reason FROM finding_load_rejection WHERE load_id = :bad ORDER BY item_index;
SELECT finding_uid, severity FROM finding WHERE load_id = :bad;
-- OCSF findings, bad ones
SELECT load_findings(jsonb_build_array(
    jsonb_set((:'p_ocsf'::jsonb) -> 0, '{class_uid}', '2003'),                                    -- 0 not a detection finding
    ((:'p_ocsf'::jsonb) -> 0) - 'resources',                                                    -- 1 no resource
    jsonb_set((:'p_ocsf'::jsonb) -> 0, '{time}', '"soon"'),                                       -- 2 wrong type
    ((:'p_ocsf'::jsonb) -> 0) - 'time',                                                         -- 3 no zone in time_dt
    jsonb_set((:'p_ocsf'::jsonb) -> 0, '{unmapped,compliance,NIST-800-53-Revision-5}', '["xx_1"]'), -- 4 no such control
    jsonb_set((:'p_ocsf'::jsonb) -> 0, '{severity}', '"Dire"'),                                   -- 5 bad severity
    jsonb_set((:'p_ocsf'::jsonb) -> 0, '{finding_info,uid}', '7')),                              -- 6 wrong type
    'bad OCSF') AS bad_ocsf \gset
SELECT format, findings_read, findings_inserted, findings_rejected FROM finding_load WHERE load_id = :bad_ocsf;
SELECT item_index, reason FROM finding_load_rejection WHERE load_id = :bad_ocsf ORDER BY item_index;

-- a document of none of the formats is refused (22023), nothing written
\pset format unaligned
SELECT test_error(q) FROM unnest(ARRAY[
    'SELECT srm.load_findings(''{"findings": []}'')',
    'SELECT srm.load_findings(''{"Findings": {"Id": "x"}}'')',
    'SELECT srm.load_findings(''[]'')',
    'SELECT srm.load_findings(''[{"name": "x"}, 3]'')',
    'SELECT srm.load_findings(''"Findings"'')',
    'SELECT srm.load_findings(NULL)']) q;
\pset format aligned
SELECT count(*) AS loads, sum(findings_read) AS read,
       sum(findings_inserted) AS inserted, sum(findings_unchanged) AS unchanged, sum(findings_rejected) AS rejected
FROM finding_load;
SELECT count(*) AS findings FROM finding;

-- teams: a member loads findings of its teams' accounts only (42501 before
-- anything is written); the load is scoped to those accounts
CREATE ROLE srm_test_find_team;
CREATE ROLE srm_test_find_member;
GRANT srm_test_find_team TO srm_test_find_member;
GRANT SELECT, INSERT ON srm.finding, srm.finding_load, srm.finding_load_rejection TO srm_test_find_team;
GRANT UPDATE ON srm.finding_load TO srm_test_find_team;
GRANT USAGE ON SEQUENCE srm.finding_load_load_id_seq, srm.finding_finding_id_seq TO srm_test_find_team;
INSERT INTO srm.team_account (team, account_id) VALUES ('srm_test_find_team', '111111111111');
SET ROLE srm_test_find_member;
\pset format unaligned
SELECT test_error(format('SELECT srm.load_findings(%L)', :'sh'));
\pset format aligned
SELECT load_findings(jsonb_build_object('Findings', jsonb_build_array(
           jsonb_set(jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{AwsAccountId}', '"111111111111"'),
                     '{Id}', '"team-finding"'))), 'team load') AS team_load \gset
SELECT source, accounts, findings_inserted FROM finding_load ORDER BY load_id;
SELECT finding_uid, account_id FROM finding ORDER BY finding_id;
RESET ROLE;
SELECT count(*) AS loads_in_all, count(*) FILTER (WHERE accounts = '{111111111111}') AS team_loads FROM finding_load;

-- the drop guard counts the findings as user rows
SELECT table_name, user_rows FROM user_rows()
WHERE table_name IN ('srm.finding', 'srm.finding_load', 'srm.finding_load_rejection') ORDER BY 1;

DELETE FROM srm.team_account WHERE team = 'srm_test_find_team';
DROP OWNED BY srm_test_find_team, srm_test_find_member;
DROP ROLE srm_test_find_member, srm_test_find_team;
