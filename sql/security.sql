-- search_path attacks: functions and operators planted in a schema that a
-- caller puts before pg_catalog must never be called by srm's functions
-- (SQL-standard bodies are bound when created; PL/pgSQL ones pin search_path)
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
CREATE SCHEMA evil;
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'evil.lower called'; END $$;
CREATE FUNCTION evil.btrim(text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'evil.btrim called'; END $$;
CREATE FUNCTION evil.regexp_replace(text, text, text, text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'evil.regexp_replace called'; END $$;
CREATE FUNCTION evil.regexp_match(text, text) RETURNS text[] LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'evil.regexp_match called'; END $$;
CREATE FUNCTION evil.split_part(text, text, integer) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'evil.split_part called'; END $$;
CREATE FUNCTION evil.format(text, VARIADIC "any") RETURNS text LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'evil.format called'; END $$;
CREATE FUNCTION evil.texteq_evil(text, text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'evil = called'; END $$;
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.texteq_evil);
CREATE FUNCTION evil.count(anyelement) RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'evil.count called'; END $$;
SET search_path = evil, pg_catalog, public;

SELECT srm.service_of('AWS::EC2::Instance') AS service_of,
       srm.resource_type_of('arn:aws:s3:::bucket') AS resource_type_of,
       srm.responsibility_of('aws_ec2_instance', 'SI-2') AS responsibility_of,
       srm.classify('AwsRdsDbInstance', 'os-patching') AS classify;
SELECT count(*) AS explain_steps FROM srm.explain('ec2:instance', 'AC-2(1)');
SELECT srm_internal.control_key('AC-02(01)'), srm_internal.identifier_key('AWS::EC2::Instance'), srm_internal.identifier_form('aws_vpc');
SELECT service_namespace, resource_type FROM srm.resolve_asset('arn:aws:iam::123456789012:role/x');
SELECT known_asset, known_control FROM srm.responsibilities(ARRAY['s3'], ARRAY['sc-28']);
-- (the caller's own "=" would be evil's: the test qualifies it; the view's insides are bound)
SELECT count(*) AS matrix_rows FROM srm.matrix
WHERE service_namespace OPERATOR(pg_catalog.=) 'ec2' AND control_id OPERATOR(pg_catalog.=) 'si-2';
INSERT INTO srm.override (service_namespace, framework_id, control_id, responsibility, reason)
VALUES ('EBS', 'nist-800-53-r5', 'MP-6', 'customer', 'search_path test') RETURNING service_namespace, control_id;
DELETE FROM srm.override;
SELECT srm.load_config_snapshot('{"configurationItems": [{"resourceType": "AWS::S3::Bucket", "resourceId": "sec-bucket",
    "awsAccountId": "123456789012", "awsRegion": "us-east-1", "ARN": "arn:aws:s3:::sec-bucket"}]}'::jsonb, 'security test') AS loaded;
SELECT srm.run_audit('aws-srm', NULL, ARRAY['123456789012']) > 0 AS audited;
SELECT length(srm.report_html((SELECT max(run_id) FROM srm.audit_run))) > 1000 AS report,
       jsonb_typeof(srm.oscal_ssp((SELECT max(run_id) FROM srm.audit_run))) AS oscal;
RESET search_path;
DELETE FROM srm.audit_run;
DELETE FROM srm.asset_load_rejection;
DELETE FROM srm.asset;
DELETE FROM srm.asset_load;
DROP SCHEMA evil CASCADE;

-- A role that is neither superuser nor owner uses every public function and
-- view: they call the helpers in srm_internal, which every role may use.
SET client_min_messages = warning;
SELECT srm.load_config_snapshot('{"configurationItems": [{"resourceType": "AWS::EC2::Instance", "resourceId": "i-0abc",
    "awsAccountId": "123456789012", "awsRegion": "us-east-1", "ARN": "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"}]}'::jsonb,
    'role test') AS loaded;
SELECT srm.run_audit('nist-800-53-r5', 'LOW', ARRAY['123456789012']) AS run \gset
RESET client_min_messages;
-- (a member of the team of the account: row-level security shows the
-- others none of its rows, sql/teams.sql)
CREATE ROLE srm_plain;
INSERT INTO srm.team_account (team, account_id) VALUES ('srm_plain', '123456789012');
SET ROLE srm_plain;
SELECT c.relname AS view,
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM (SELECT FROM %s LIMIT 1) x', c.oid::regclass),
                                            false, true, '')))[1]::text AS rows_read
FROM pg_class c WHERE c.relnamespace = 'srm'::regnamespace AND c.relkind = 'v' ORDER BY 1;
SELECT srm.responsibility_of('arn:aws:ec2:us-east-1:123456789012:instance/i-0abc', 'SI-2'),
       srm.classify('aws_ec2_instance', 'ac-2(1)'), srm.service_of('AwsEc2Instance'), srm.resource_type_of('ec2:instance');
SELECT r.service_namespace, c.control_id
FROM srm.resolve_asset('AWS::S3::Bucket') r, srm.resolve_control('AC-02(01)') c;
SELECT count(*) > 0 AS explained FROM srm.explain('aws_ec2_instances', 'SI-2');
SELECT count(*) AS answers, count(*) FILTER (WHERE known_asset AND known_control) AS known
FROM srm.responsibilities(ARRAY['ec2', 'AWS::S3::Bucket', 'nosuch'], ARRAY['SI-2', 'AC-2']);
SELECT length(srm.report_html(:run)) > 1000 AS report,
       srm.oscal_ssp(:run) #>> '{system-security-plan,metadata,version}' = 'run-' || :run AS oscal;
SELECT srm.aws_class('customer'), srm.csa_ownership('provider'), srm.from_fedramp(ARRAY['inherited']);
\set SHOW_CONTEXT never
SELECT srm.service_of('ec3');
-- writing stays the owner's, or whom the owner grants
SELECT srm.run_audit('aws-srm');
\set SHOW_CONTEXT errors
RESET ROLE;
DELETE FROM srm.team_account;
DROP ROLE srm_plain;
DELETE FROM srm.audit_run;
DELETE FROM srm.asset_load_rejection;
DELETE FROM srm.asset;
DELETE FROM srm.asset_load;
