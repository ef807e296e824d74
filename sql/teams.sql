-- Teams and row-level security (install/code/teams.sql): two teams and a
-- role in no team try every account-scoped table and every audit, report,
-- OSCAL and BI function and view, reading and writing, allowed and refused.
-- Roles are the cluster's: named srm_test_*, dropped at the end (and first,
-- should a run have stopped halfway).
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET client_min_messages = warning;
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['srm_test_team_a', 'srm_test_team_b', 'srm_test_plain', 'srm_test_gone'] LOOP
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('DROP OWNED BY %I', r);
            EXECUTE format('DROP ROLE %I', r);
        END IF;
    END LOOP;
END $$;
RESET client_min_messages;

-- the setup of the README: team roles, the grants of a compliance team,
-- the teams' accounts (team a also writes the rows that have no account)
CREATE ROLE srm_test_team_a;
CREATE ROLE srm_test_team_b;
CREATE ROLE srm_test_plain;
GRANT SELECT, INSERT, UPDATE, DELETE ON srm.asset, srm.asset_load, srm.asset_load_rejection,
    srm.control_status, srm.override, srm.audit_run, srm.audit_asset, srm.audit_finding, srm.audit_group,
    srm.audit_default, srm.audit_gap, srm.audit_override, srm.audit_status, srm.audit_check
    TO srm_test_team_a, srm_test_team_b, srm_test_plain;
GRANT USAGE ON SEQUENCE srm.asset_asset_id_seq, srm.asset_load_load_id_seq, srm.control_status_status_id_seq,
    srm.override_override_id_seq, srm.audit_run_run_id_seq
    TO srm_test_team_a, srm_test_team_b, srm_test_plain;
INSERT INTO srm.team_account (team, account_id) VALUES
    ('srm_test_team_a', '111111111111'), ('srm_test_team_a', NULL),
    ('srm_test_team_b', '222222222222'), ('srm_test_team_b', '333333333333');
-- checked as written
SELECT test_error($$INSERT INTO srm.team_account VALUES ('srm_test_nosuch', '111111111111')$$);
SELECT test_error($$INSERT INTO srm.team_account VALUES ('srm_test_team_a', '1234')$$);
SELECT test_error($$INSERT INTO srm.team_account VALUES ('srm_test_team_a', '111111111111')$$);

-- the owner's rows: assets of accounts 1.., 2.., 3.. and 4.. (no team's),
-- statuses and overrides of each scope, three audit runs
SET client_min_messages = warning;
SELECT srm.load_config_snapshot(jsonb_build_object('configurationItems', jsonb_agg(i)), 'owner') AS loaded
FROM (SELECT jsonb_build_object('resourceType', 'AWS::EC2::Instance', 'resourceId', 'i-' || acct,
                                'awsAccountId', acct, 'awsRegion', 'us-east-1',
                                'ARN', 'arn:aws:ec2:us-east-1:' || acct || ':instance/i-' || acct) AS i
      FROM unnest(ARRAY['111111111111', '222222222222', '333333333333', '444444444444']) acct
      UNION ALL
      SELECT jsonb_build_object('resourceType', 'AWS::S3::Bucket', 'resourceId', 'bucket-' || acct,
                                'awsAccountId', acct, 'awsRegion', 'us-east-1', 'ARN', 'arn:aws:s3:::bucket-' || acct)
      FROM unnest(ARRAY['111111111111', '222222222222']) acct
      UNION ALL
      SELECT '{"resourceType": "AWS::S3::Bucket", "awsAccountId": "222222222222", "awsRegion": "us-east-1"}') x;
RESET client_min_messages;
INSERT INTO srm.control_status (framework_id, control_id, account_id, service_namespace, asset, status, evidence) VALUES
    ('aws-srm', 'os-patching', '111111111111', 'ec2', NULL, 'implemented', 'a: patched'),
    ('aws-srm', 'os-patching', '222222222222', 'ec2', NULL, 'implemented', 'b: patched'),
    ('aws-srm', 'os-patching', NULL, NULL, 'arn:aws:ec2:us-east-1:222222222222:instance/i-222222222222', 'planned', 'b: one instance'),
    ('aws-srm', 'server-side-encryption', NULL, 's3', NULL, 'planned', 'everyone: S3'),
    ('aws-srm', 'server-side-encryption', '111111111111', NULL, 'arn:aws:s3:::bucket-111111111111', 'partial', 'a: its bucket');
INSERT INTO srm.override (framework_id, control_id, account_id, service_namespace, asset, responsibility, reason) VALUES
    ('aws-srm', 'network-security', '111111111111', 'ec2', NULL, 'customer', 'a: own network'),
    ('aws-srm', 'network-security', '222222222222', 'ec2', NULL, 'customer', 'b: own network'),
    ('aws-srm', 'network-security', NULL, NULL, 'arn:aws:ec2:us-east-1:222222222222:instance/i-222222222222', 'shared', 'b: one instance'),
    ('aws-srm', 'network-security', NULL, 's3', NULL, 'shared', 'everyone: S3');
-- a scanner's results: the instance of every account fails a patching check
INSERT INTO srm.finding_load (source, format, findings_read, findings_inserted, findings_unchanged, findings_rejected, accounts)
VALUES ('owner', 'asff', 4, 4, 0, 0, '{111111111111,222222222222,333333333333,444444444444}');
INSERT INTO srm.finding (scanner, finding_uid, check_id, status, observed_at, account_id, region, resource_type, resource_id,
                         arn, framework_id, controls, load_id, document)
SELECT 'security-hub', 'ssm.1/' || acct, 'SSM.1', 'failed', '2026-11-01', acct, 'us-east-1', 'AwsEc2Instance',
       'arn:aws:ec2:us-east-1:' || acct || ':instance/i-' || acct, 'arn:aws:ec2:us-east-1:' || acct || ':instance/i-' || acct,
       'aws-srm', '{os-patching}', 1, '{}'
FROM unnest(ARRAY['111111111111', '222222222222', '333333333333', '444444444444']) acct;
SET client_min_messages = warning;
SELECT srm.run_audit('aws-srm', NULL, NULL, 'owner: every account') AS run_all \gset
SELECT srm.run_audit('aws-srm', NULL, ARRAY['111111111111'], 'owner: team a''s account') AS run_a \gset
SELECT srm.run_audit('aws-srm', NULL, ARRAY['111111111111', '222222222222'], 'owner: a and b') AS run_ab \gset
RESET client_min_messages;

-- every account-scoped table's rows per account (or scope), as a role sees them
CREATE FUNCTION pg_temp.seen() RETURNS TABLE (tbl text, scope text, n bigint) LANGUAGE sql AS $$
    SELECT 'asset', account_id, count(*) FROM srm.asset GROUP BY 2
    UNION ALL SELECT 'asset_load', array_to_string(accounts, ','), count(*) FROM srm.asset_load GROUP BY 2
    UNION ALL SELECT 'asset_load_rejection', (SELECT array_to_string(l.accounts, ',') FROM srm.asset_load l
                                              WHERE l.load_id = r.load_id), count(*) FROM srm.asset_load_rejection r GROUP BY 2
    UNION ALL SELECT 'control_status', coalesce(account_id, srm_internal.arn_account(asset), '-'), count(*) FROM srm.control_status GROUP BY 2
    UNION ALL SELECT 'control_status_history', coalesce(coalesce(new_row, old_row)->>'account_id',
                                                        srm_internal.arn_account(coalesce(new_row, old_row)->>'asset'), '-'), count(*)
              FROM srm.control_status_history GROUP BY 2
    UNION ALL SELECT 'override', coalesce(account_id, srm_internal.arn_account(asset), '-'), count(*) FROM srm.override GROUP BY 2
    UNION ALL SELECT 'audit_run', note, count(*) FROM srm.audit_run GROUP BY 2
    UNION ALL SELECT 'audit_asset', run_id || ':' || account_id, count(*) FROM srm.audit_asset GROUP BY 2
    UNION ALL SELECT 'audit_group', run_id || ':' || account_id, count(*) FROM srm.audit_group GROUP BY 2
    UNION ALL SELECT 'audit_finding', run_id || ':' || account_id, count(*) FROM srm.audit_finding GROUP BY 2
    UNION ALL SELECT 'audit_default', run_id::text, count(*) FROM srm.audit_default GROUP BY 2
    UNION ALL SELECT 'audit_gap', run_id || ':' || coalesce(nullif(answers, ''), '-'), count(*) FROM srm.audit_gap GROUP BY 2
    UNION ALL SELECT 'audit_check', run_id || ':' || account_id, count(*) FROM srm.audit_check GROUP BY 2
    UNION ALL SELECT 'audit_override', run_id || ':' || coalesce(account_id, srm_internal.arn_account(asset), '-'), count(*)
              FROM srm.audit_override GROUP BY 2
    UNION ALL SELECT 'audit_status', run_id || ':' || coalesce(account_id, srm_internal.arn_account(asset), '-'), count(*)
              FROM srm.audit_status GROUP BY 2
    UNION ALL SELECT 'team_account', team || ':' || coalesce(account_id, '-'), count(*) FROM srm.team_account GROUP BY 2
$$;
GRANT EXECUTE ON FUNCTION pg_temp.seen() TO PUBLIC;
-- the rows of every audit view and function, per run and account
CREATE FUNCTION pg_temp.views() RETURNS TABLE (object text, scope text, n bigint) LANGUAGE sql AS $$
    SELECT 'audit_result', run_id || ':' || account_id, count(*) FROM srm.audit_result GROUP BY 2
    UNION ALL SELECT 'audit_fold', run_id || ':' || coalesce(account_id, 'folded'), count(*) FROM srm_internal.audit_fold GROUP BY 2
    UNION ALL SELECT 'bi_run', run_id || ':' || assets || ' assets', count(*) FROM srm.bi_run GROUP BY 2
    UNION ALL SELECT 'bi_responsibility_mix', run_id || ':' || account_id, count(*) FROM srm.bi_responsibility_mix GROUP BY 2
    UNION ALL SELECT 'bi_customer_gaps', run_id || ':' || account_id, count(*) FROM srm.bi_customer_gaps GROUP BY 2
    UNION ALL SELECT 'bi_gaps_by_family', run_id::text, count(*) FROM srm.bi_gaps_by_family GROUP BY 2
    UNION ALL SELECT 'bi_check_results', run_id || ':' || account_id || ' failing ' || sum(failing), count(*)
              FROM srm.bi_check_results GROUP BY run_id, account_id
    UNION ALL SELECT 'bi_inherited_controls', run_id::text, count(*) FROM srm.bi_inherited_controls GROUP BY 2
    UNION ALL SELECT 'bi_trend', run_id::text, count(*) FROM srm.bi_trend GROUP BY 2
    UNION ALL SELECT 'bi_unknown_assets', run_id || ':' || account_id, count(*) FROM srm.bi_unknown_assets GROUP BY 2
    UNION ALL SELECT 'unresolved_reference', table_name, count(*) FROM srm.unresolved_reference GROUP BY 2
$$;
GRANT EXECUTE ON FUNCTION pg_temp.views() TO PUBLIC;

-- the owner sees everything
SELECT * FROM pg_temp.seen() ORDER BY 1, 2;
SELECT * FROM pg_temp.views() ORDER BY 1, 2;

-------------------------------------------------------------------------------
-- team a: account 1.. and the rows of no account
-------------------------------------------------------------------------------
SET ROLE srm_test_team_a;
SELECT * FROM pg_temp.seen() ORDER BY 1, 2;
SELECT * FROM pg_temp.views() ORDER BY 1, 2;
-- the owner's run over every account, and over a and b, are not team a's
SELECT test_error(format('SELECT srm.report_html(%s)', :run_all));
SELECT test_error(format('SELECT srm.oscal_ssp(%s)', :run_ab));
-- its run's report and SSP name its account and no other
SELECT position('111111111111' IN r) > 0 AS names_a,
       position('222222222222' IN r) + position('333333333333' IN r) + position('444444444444' IN r) AS names_others
FROM srm.report_html(:run_a) r;
SELECT position('111111111111' IN s) > 0 AS names_a,
       position('222222222222' IN s) + position('333333333333' IN s) + position('444444444444' IN s) AS names_others
FROM (SELECT srm.oscal_ssp(:run_a)::text AS s) x;
-- answers for an asset of another team: as for an asset not loaded
SELECT step, kind, detail FROM srm.explain('arn:aws:ec2:us-east-1:222222222222:instance/i-222222222222', 'os-patching')
WHERE step = 1;
SELECT step, kind, detail FROM srm.explain('arn:aws:ec2:us-east-1:111111111111:instance/i-111111111111', 'os-patching')
WHERE step = 1;

-- writes: its account's rows, and the rows of no account
INSERT INTO srm.control_status (framework_id, control_id, account_id, status, evidence)
VALUES ('aws-srm', 'network-security', '111111111111', 'implemented', 'a: firewalled') RETURNING account_id, status;
INSERT INTO srm.control_status (framework_id, control_id, service_namespace, status)
VALUES ('aws-srm', 'network-security', 'ec2', 'planned') RETURNING service_namespace, status;
INSERT INTO srm.control_status (framework_id, control_id, asset, status)
VALUES ('aws-srm', 'network-security', 'arn:aws:ec2:us-east-1:111111111111:instance/i-111111111111', 'partial')
RETURNING asset, status;
SELECT test_error($$INSERT INTO srm.control_status (framework_id, control_id, account_id, status)
                    VALUES ('aws-srm', 'network-security', '222222222222', 'planned')$$);
SELECT test_error($$INSERT INTO srm.control_status (framework_id, control_id, asset, status)
                    VALUES ('aws-srm', 'network-security', 'arn:aws:ec2:us-east-1:222222222222:instance/i-222222222222', 'planned')$$);
SELECT test_error($$INSERT INTO srm.control_status (framework_id, control_id, account_id, asset, status)
                    VALUES ('aws-srm', 'network-security', '111111111111', 'arn:aws:ec2:us-east-1:222222222222:instance/i-222222222222', 'planned')$$);
-- another team's rows are not there to change; its own cannot be moved to another account
UPDATE srm.control_status SET status = 'partial' WHERE account_id = '222222222222' OR asset LIKE '%222222222222%';
DELETE FROM srm.control_status WHERE account_id = '222222222222';
SELECT test_error($$UPDATE srm.control_status SET account_id = '222222222222' WHERE evidence = 'a: firewalled'$$);
UPDATE srm.control_status SET status = 'partial' WHERE evidence = 'everyone: S3' RETURNING status;
DELETE FROM srm.control_status WHERE evidence = 'a: firewalled' RETURNING account_id;
-- overrides alike; a service-wide one reaches the stored derivation
INSERT INTO srm.override (framework_id, control_id, account_id, responsibility, reason)
VALUES ('aws-srm', 'iam-user-access-management', '111111111111', 'customer', 'a: own IAM') RETURNING account_id, control_id;
SELECT test_error($$INSERT INTO srm.override (framework_id, control_id, account_id, responsibility, reason)
                    VALUES ('aws-srm', 'iam-user-access-management', '222222222222', 'customer', 'a writes b')$$);
SELECT test_error($$INSERT INTO srm.override (framework_id, control_id, asset, responsibility, reason)
                    VALUES ('aws-srm', 'iam-user-access-management', 'arn:aws:ec2:us-east-1:333333333333:instance/i-333333333333', 'customer', 'a writes b')$$);
UPDATE srm.override SET reason = 'a rewrites b' WHERE account_id = '222222222222';
DELETE FROM srm.override WHERE reason LIKE 'b:%';
SELECT responsibility FROM srm.matrix WHERE framework_id = 'aws-srm' AND control_id = 'iam-user-access-management' AND service_namespace = 'sqs';
INSERT INTO srm.override (framework_id, control_id, service_namespace, responsibility, reason)
VALUES ('aws-srm', 'iam-user-access-management', 'sqs', 'provider', 'a: service-wide') RETURNING override_id AS sqs_override \gset
SELECT responsibility, override_id = :sqs_override AS from_the_override
FROM srm.matrix WHERE framework_id = 'aws-srm' AND control_id = 'iam-user-access-management' AND service_namespace = 'sqs';
DELETE FROM srm.override WHERE override_id = :sqs_override;
SELECT responsibility, override_id FROM srm.matrix WHERE framework_id = 'aws-srm' AND control_id = 'iam-user-access-management' AND service_namespace = 'sqs';
DELETE FROM srm.override WHERE reason = 'a: own IAM' RETURNING account_id;

-- loads: its accounts' items only, refused before anything is written
SELECT test_error($$SELECT srm.load_config_snapshot('{"configurationItems": [
    {"resourceType": "AWS::SQS::Queue", "resourceId": "q-a", "awsAccountId": "111111111111", "awsRegion": "us-east-1"},
    {"resourceType": "AWS::SQS::Queue", "resourceId": "q-b", "awsAccountId": "222222222222", "awsRegion": "us-east-1"}]}')$$);
SELECT test_error($$SELECT srm.load_config_snapshot('{"configurationItems": [
    {"resourceType": "AWS::SQS::Queue", "resourceId": "q-b", "awsAccountId": "222222222222", "awsRegion": "us-east-1",
     "configurationItemStatus": "ResourceDeleted"}]}')$$);
SET client_min_messages = warning;
SELECT srm.load_config_snapshot('{"configurationItems": [
    {"resourceType": "AWS::SQS::Queue", "resourceId": "q-a", "awsAccountId": "111111111111", "awsRegion": "us-east-1"},
    {"resourceType": "AWS::SQS::Queue", "awsAccountId": "111111111111", "awsRegion": "us-east-1"}]}', 'team a') AS loaded;
RESET client_min_messages;
SELECT source, accounts, items_read, assets_inserted, items_rejected, loaded_by FROM srm.asset_load ORDER BY load_id;
SELECT reason FROM srm.asset_load_rejection ORDER BY load_id, item_index;
-- and the assets of another team cannot be written
SELECT test_error($$INSERT INTO srm.asset (account_id, region, resource_type, resource_id, known_type, load_id)
                    VALUES ('222222222222', 'us-east-1', 'AWS::SQS::Queue', 'q-x', true, 1)$$);
UPDATE srm.asset SET tags = '{"x": "y"}' WHERE account_id <> '111111111111';
DELETE FROM srm.asset_load_rejection WHERE load_id = 1;
DELETE FROM srm.asset_load WHERE source = 'owner';

-- audits: its accounts (null: all of them), never another team's
SET client_min_messages = warning;
SELECT srm.run_audit('aws-srm', NULL, NULL, 'team a: its accounts') AS run_team_a \gset
RESET client_min_messages;
SELECT run_id = :run_team_a AS is_it, accounts, assets, requested_by FROM srm.audit_run WHERE note = 'team a: its accounts';
SELECT test_error($$SELECT srm.run_audit('aws-srm', NULL, ARRAY['111111111111', '222222222222'])$$);
SELECT test_error($$SELECT srm.run_audit('aws-srm', NULL, ARRAY['444444444444'])$$);
-- a retention of 1 keeps the newest run and deletes the older ones team a sees
-- (the owner's run over its account too), not those of others
SET client_min_messages = warning;
SELECT srm.run_audit('aws-srm', NULL, ARRAY['111111111111'], 'team a: keep 1', 1) > 0 AS audited;
RESET client_min_messages;
SELECT note FROM srm.audit_run ORDER BY run_id;
-- the runs' rows cannot be written for another team's account
SELECT test_error(format($$INSERT INTO srm.audit_asset (run_id, asset_id, account_id, region, resource_type, resource_id, known)
                           VALUES (%s, 999, '222222222222', 'us-east-1', 'AWS::SQS::Queue', 'q', true)$$,
                         (SELECT max(run_id) FROM srm.audit_run)));
SELECT test_error($$INSERT INTO srm.audit_run (framework_id, accounts) VALUES ('aws-srm', ARRAY['222222222222'])$$);
SELECT test_error($$INSERT INTO srm.audit_run (framework_id) VALUES ('aws-srm')$$);
-- team rows: its own, read only
SELECT test_error($$INSERT INTO srm.team_account VALUES ('srm_test_team_a', '222222222222')$$);
RESET ROLE;

-------------------------------------------------------------------------------
-- team b: accounts 2.. and 3.., no rows of no account
-------------------------------------------------------------------------------
SET ROLE srm_test_team_b;
SELECT * FROM pg_temp.seen() ORDER BY 1, 2;
SELECT * FROM pg_temp.views() ORDER BY 1, 2;
SELECT test_error(format('SELECT srm.report_html(%s)', :run_a));
SELECT test_error(format('SELECT srm.oscal_ssp(%s)', :run_team_a));
-- its statuses; not the rows of no account
INSERT INTO srm.control_status (framework_id, control_id, account_id, status)
VALUES ('aws-srm', 'iam-user-access-management', '333333333333', 'planned') RETURNING account_id;
SELECT test_error($$INSERT INTO srm.control_status (framework_id, control_id, service_namespace, status)
                    VALUES ('aws-srm', 'iam-user-access-management', 'ec2', 'planned')$$);
SELECT test_error($$INSERT INTO srm.control_status (framework_id, control_id, asset, status)
                    VALUES ('aws-srm', 'iam-user-access-management', 'arn:aws:s3:::bucket-222222222222', 'planned')$$);
SELECT test_error($$INSERT INTO srm.override (framework_id, control_id, responsibility, reason)
                    VALUES ('aws-srm', 'iam-user-access-management', 'customer', 'b writes for everyone')$$);
UPDATE srm.control_status SET status = 'partial' WHERE account_id IS NULL AND asset IS NULL;
UPDATE srm.override SET reason = 'b rewrites' WHERE account_id IS NULL AND asset IS NULL;
DELETE FROM srm.override WHERE account_id IS NULL AND asset IS NULL;
-- its audits: 2.. and 3..
SET client_min_messages = warning;
SELECT srm.run_audit('aws-srm', NULL, NULL, 'team b: its accounts') AS run_team_b \gset
RESET client_min_messages;
SELECT accounts, assets FROM srm.audit_run ORDER BY run_id;
SELECT position('222222222222' IN r) > 0 AND position('333333333333' IN r) > 0 AS names_b,
       position('111111111111' IN r) + position('444444444444' IN r) AS names_others
FROM srm.report_html(:run_team_b) r;
SELECT s #>> '{system-security-plan,metadata,version}' AS version,
       position('111111111111' IN s::text) + position('444444444444' IN s::text) AS names_others
FROM (SELECT srm.oscal_ssp(:run_team_b) AS s) x;
SELECT * FROM pg_temp.views() ORDER BY 1, 2;
-- the rows of runs it does not see, and rows of another team's account in
-- its own run, cannot be written; its own run can
SELECT test_error(format($$INSERT INTO srm.audit_group VALUES (%s, '222222222222', 'ec2', '', 1, false)$$, :run_ab));
SELECT test_error(format($$INSERT INTO srm.audit_finding (run_id, account_id, service_namespace, framework_id, control_id,
                               responsibility, class, customer_part, gap, assets)
                           VALUES (%s, '222222222222', 'ec2', 'aws-srm', 'os-patching', 'customer', 'customer-specific',
                                   'customer', true, 1)$$, :run_ab));
SELECT test_error(format($$INSERT INTO srm.audit_check (run_id, account_id, asset_id, service_namespace, framework_id, control_id,
                               check_result, failed_checks, passed_checks, findings, gap)
                           VALUES (%s, '222222222222', 1, 'ec2', 'aws-srm', 'os-patching', 'passed', '{}', '{x}', '{1}', true)$$, :run_ab));
SELECT test_error(format($$INSERT INTO srm.audit_default (run_id, service_namespace, grain, framework_id, control_id, derived,
                               responsibility, class, customer_part, gap)
                           VALUES (%s, 'ec2', 'x', 'aws-srm', 'os-patching', 'customer', 'customer', 'customer-specific',
                                   'customer', true)$$, :run_ab));
SELECT test_error(format($$INSERT INTO srm.audit_override (run_id, override_id, provider, account_id, framework_id,
                               responsibility, reason, created_by, created_at)
                           VALUES (%s, 99, 'aws', '111111111111', 'aws-srm', 'customer', 'x', 'x', now())$$, :run_team_b));
SELECT test_error(format($$INSERT INTO srm.audit_gap (run_id, provider, service_namespace, grain, answers, control_id, assets,
                               framework_id, responsibility, customer_part, class)
                           VALUES (%s, 'aws', 'ec2', '', '111111111111', 'os-patching', 1, 'aws-srm', 'customer', 'customer',
                                   'customer-specific')$$, :run_team_b));
SELECT test_error(format($$INSERT INTO srm.audit_status (run_id, status_id, framework_id, control_id, provider, account_id,
                               status, assessed_by, assessed_at)
                           VALUES (%s, 99, 'aws-srm', 'os-patching', 'aws', '111111111111', 'planned', 'x', now())$$, :run_team_b));
SELECT test_error($$INSERT INTO srm.asset_load (source, items_read, assets_inserted, assets_updated, items_rejected,
                        unknown_types, accounts)
                    VALUES ('forged', 0, 0, 0, 0, 0, ARRAY['111111111111'])$$);
SELECT test_error($$INSERT INTO srm.asset_load_rejection VALUES (1, 99, 'forged', '{}')$$);
DELETE FROM srm.audit_run WHERE run_id IN (:run_all, :run_ab);
DELETE FROM srm.audit_finding WHERE run_id = :run_ab;
UPDATE srm.audit_run SET note = 'team b: its accounts, renamed' WHERE run_id = :run_team_b RETURNING note;
RESET ROLE;

-------------------------------------------------------------------------------
-- a role in no team: no account's rows; the rows of no account only to read
-------------------------------------------------------------------------------
SET ROLE srm_test_plain;
SELECT * FROM pg_temp.seen() ORDER BY 1, 2;
SELECT * FROM pg_temp.views() ORDER BY 1, 2;
SELECT test_error($$SELECT srm.run_audit('aws-srm')$$);
SELECT test_error($$SELECT srm.run_audit('aws-srm', NULL, ARRAY['111111111111'])$$);
SELECT test_error(format('SELECT srm.report_html(%s)', :run_team_b));
SELECT test_error(format('SELECT srm.oscal_ssp(%s)', :run_team_b));
SELECT test_error($$SELECT srm.load_config_snapshot('{"configurationItems": [
    {"resourceType": "AWS::SQS::Queue", "resourceId": "q-p", "awsAccountId": "444444444444", "awsRegion": "us-east-1"}]}')$$);
SELECT test_error($$INSERT INTO srm.control_status (framework_id, control_id, account_id, status)
                    VALUES ('aws-srm', 'iam-user-access-management', '444444444444', 'planned')$$);
SELECT test_error($$INSERT INTO srm.control_status (framework_id, control_id, service_namespace, status)
                    VALUES ('aws-srm', 'iam-user-access-management', 'ec2', 'planned')$$);
SELECT test_error($$INSERT INTO srm.override (framework_id, control_id, account_id, responsibility, reason)
                    VALUES ('aws-srm', 'iam-user-access-management', '444444444444', 'customer', 'plain')$$);
SELECT test_error($$INSERT INTO srm.asset (account_id, region, resource_type, resource_id, known_type, load_id)
                    VALUES ('444444444444', 'us-east-1', 'AWS::SQS::Queue', 'q-x', true, 1)$$);
SELECT test_error($$INSERT INTO srm.audit_run (framework_id, accounts) VALUES ('aws-srm', ARRAY['444444444444'])$$);
-- the answers of the model stay everyone's
SELECT srm.responsibility_of('AWS::EC2::Instance', 'os-patching') IS NOT NULL AS answers,
       (SELECT count(*) > 0 FROM srm.matrix WHERE framework_id = 'aws-srm') AS matrix,
       (SELECT count(*) > 0 FROM srm_internal.derivation) AS derivation;
RESET ROLE;

-- the owner still sees every row (the policies do not apply to it)
SELECT * FROM pg_temp.seen() ORDER BY 1, 2;
SELECT note, accounts, requested_by FROM srm.audit_run ORDER BY run_id;

-- membership is pg_has_role's: a role granted a team reads its rows at
-- once, and no more when revoked; the row of a role dropped since grants
-- nothing (and breaks nothing)
GRANT srm_test_team_a TO srm_test_plain;
SET ROLE srm_test_plain;
SELECT account_id, count(*) FROM srm.asset GROUP BY 1 ORDER BY 1;
RESET ROLE;
REVOKE srm_test_team_a FROM srm_test_plain;
CREATE ROLE srm_test_gone;
INSERT INTO srm.team_account VALUES ('srm_test_gone', '444444444444');
DROP ROLE srm_test_gone;
SET ROLE srm_test_plain;
SELECT account_id, count(*) FROM srm.asset GROUP BY 1 ORDER BY 1;
SELECT srm_internal.team_accounts() AS plain_accounts;
RESET ROLE;
DELETE FROM srm.team_account WHERE team = 'srm_test_gone';

-------------------------------------------------------------------------------
-- coverage: every table of user rows has row-level security (but the
-- provider's attestations, of no account), never forced on the owner;
-- every view over them runs with the caller's rights (but the matrices,
-- which read only the overrides of no account); the functions that run
-- with the owner's rights
-------------------------------------------------------------------------------
SELECT c.oid::regclass AS user_table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
       (SELECT string_agg(p.polname || ':' || p.polcmd::text, ' ' ORDER BY p.polname) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
FROM pg_extension e, unnest(e.extconfig) t(oid), pg_class c
WHERE e.extname = 'srm' AND c.oid = t.oid AND c.relkind = 'r'
ORDER BY c.oid::regclass::text COLLATE "C";
SELECT v.oid::regclass AS view_over_user_rows,
       coalesce('security_invoker=true' = ANY (v.reloptions), false) AS invoker
FROM pg_class v
WHERE v.relkind = 'v' AND v.relnamespace IN ('srm'::regnamespace, 'srm_internal'::regnamespace)
  AND EXISTS (SELECT FROM pg_rewrite rw JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
              JOIN pg_class t ON t.oid = d.refobjid
              WHERE rw.ev_class = v.oid AND t.relrowsecurity)
ORDER BY v.oid::regclass::text COLLATE "C";
SELECT p.oid::regprocedure AS security_definer
FROM pg_proc p WHERE p.prosecdef AND p.pronamespace IN ('srm'::regnamespace, 'srm_internal'::regnamespace)
ORDER BY p.oid::regprocedure::text COLLATE "C";

-- a member's reads use the indexes: the policies' accounts are computed
-- once (an InitPlan) and compared with = ANY, which an index searches
CREATE FUNCTION pg_temp.index_used(q text, tbl text, col text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    l text;
    scan boolean := false;
    cond boolean := false;
BEGIN
    -- an index or a bitmap index scan of tbl whose condition has col (a
    -- bitmap index scan names only the index, which srm names after its table)
    FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        scan := scan OR l ~ ('Index.* Scan using \S+ on ' || tbl || '\M')
                     OR l ~ ('Bitmap Index Scan on ' || tbl || '_');
        cond := cond OR l ~ ('Index Cond: .*\m' || col || ' = ');
    END LOOP;
    RETURN scan AND cond;
END $$;
GRANT EXECUTE ON FUNCTION pg_temp.index_used(text, text, text) TO PUBLIC;
SET enable_seqscan = off;
SET ROLE srm_test_team_b;
SELECT pg_temp.index_used($$SELECT * FROM srm.asset WHERE service_namespace = 'ec2'$$, 'asset', 'account_id') AS asset,
       pg_temp.index_used(format($$SELECT * FROM srm.audit_finding WHERE run_id = %s AND control_id = 'os-patching'$$, :run_team_b),
                          'audit_finding', 'run_id') AS audit_finding,
       pg_temp.index_used(format($$SELECT * FROM srm.audit_result WHERE run_id = %s AND asset_id = 1$$, :run_team_b),
                          'audit_asset', 'run_id') AS audit_result;
RESET ROLE;
RESET enable_seqscan;

-- the roles go (their grants and team rows with them)
DELETE FROM srm.team_account WHERE team IN ('srm_test_team_a', 'srm_test_team_b', 'srm_test_plain');
DROP OWNED BY srm_test_team_a, srm_test_team_b, srm_test_plain;
DROP ROLE srm_test_team_a, srm_test_team_b, srm_test_plain;
