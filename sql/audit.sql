-- Audits: hand-checked findings on the small inventory, statuses, two runs
-- and the answers as of each, retention, errors
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;
-- the inventory of the loader test, loaded the same way: both snapshots
-- (test/fixtures/README.md), then one bucket of account 123456789012
\set small `cat :'fixtures'/snapshot_small.json`
\set small_v2 `cat :'fixtures'/snapshot_small_v2.json`
SELECT load_config_snapshot(:'small'::jsonb, 'snapshot_small.json') AS loaded;
SELECT load_config_snapshot(:'small_v2'::jsonb, 'snapshot_small_v2.json') AS loaded;
SELECT load_config_snapshot('{"configurationItems": [
  {"resourceType": "AWS::S3::Bucket", "resourceId": "ok-bucket", "awsAccountId": "123456789012", "awsRegion": "us-east-1", "ARN": "arn:aws:s3:::ok-bucket"}
]}'::jsonb, 'inline') AS loaded;
-- 12 assets, one of an unknown type, plus the bucket of account 123456789012
SELECT account_id, count(*) AS assets, count(*) FILTER (WHERE NOT known_type) AS unknown FROM asset GROUP BY 1 ORDER BY 1;

SELECT run_audit('aws-srm', NULL, ARRAY['402918374655', '718265390142'], 'first run') AS run_1 \gset
SELECT run_id, framework_id, baseline, accounts, note, assets, unknown_assets, controls, asset_controls, gaps,
       not_applicable, inherited, shared, customer_specific
FROM bi_run WHERE run_id = :run_1;
-- every asset x control is recorded: 12 assets - 1 unknown = 11 assets x 13 controls
SELECT count(*) AS asset_controls, count(DISTINCT asset_id) AS assets, count(DISTINCT control_id) AS controls
FROM audit_result WHERE run_id = :run_1;
-- hand-checked: the EC2 instance, the S3 bucket and the RDS database
SELECT resource_type, control_id, responsibility, class, customer_part, status, gap
FROM audit_result
WHERE run_id = :run_1 AND resource_type IN ('AWS::EC2::Instance', 'AWS::S3::Bucket', 'AWS::RDS::DBInstance')
  AND control_id IN ('physical-and-environmental', 'os-patching', 'network-security', 'server-side-encryption')
ORDER BY resource_type, control_id;
-- the unknown asset is flagged, not dropped
SELECT run_id, account_id, resource_type, resource_id FROM bi_unknown_assets WHERE run_id = :run_1;
-- the mix per account x service x class
SELECT account_id, service_namespace, class, asset_controls, controls, gaps
FROM bi_responsibility_mix WHERE run_id = :run_1 ORDER BY 1, 2, 3, grain;

-- statuses: the account has patched its guest OSes; one instance is
-- documented as an exception; one control is only planned (assessed on the
-- dates of the auditors' reports: back-dated, with the reason)
INSERT INTO control_status (framework_id, control_id, account_id, service_namespace, status, evidence, assessed_at, backdate_reason)
VALUES ('aws-srm', 'os-patching', '402918374655', 'ec2', 'implemented', 'SSM Patch Manager baseline, weekly', '2025-06-03 10:00Z', 'auditor A''s report');
INSERT INTO control_status (framework_id, control_id, asset, status, evidence_url, assessed_at, backdate_reason)
VALUES ('aws-srm', 'network-security', 'arn:aws:ec2:us-east-1:402918374655:instance/i-0a1b2c3d4e5f60001',
        'alternative', 'https://wiki.example.com/secops/host-firewall', '2025-06-03 10:05Z', 'auditor A''s report');
INSERT INTO control_status (framework_id, control_id, account_id, status, assessed_at, backdate_reason)
VALUES ('aws-srm', 'data', '402918374655', 'planned', '2025-06-03 11:00Z', 'auditor B''s report');
SELECT run_audit('aws-srm', NULL, ARRAY['402918374655', '718265390142'], 'second run') AS run_2 \gset

-- the same question, as of each run
SELECT run_id, control_id, status, gap, evidence
FROM audit_result
WHERE run_id IN (:run_1, :run_2) AND arn = 'arn:aws:ec2:us-east-1:402918374655:instance/i-0a1b2c3d4e5f60001'
  AND control_id IN ('os-patching', 'network-security', 'data')
ORDER BY control_id, run_id;
SELECT run_id, gaps, asset_controls FROM bi_run WHERE run_id IN (:run_1, :run_2) ORDER BY run_id;
SELECT run_id, class, asset_controls, gaps FROM bi_trend WHERE run_id IN (:run_1, :run_2) ORDER BY run_id, class;
-- the asset's own status has a row of its own; the group speaks for the
-- rest; the other account's instances, which no status of their account or
-- of their own touches, have their service's answer (audit_default)
SELECT asset_id IS NOT NULL AS own_row, account_id, service_namespace, control_id, status, gap, assets
FROM audit_finding WHERE run_id = :run_2 AND control_id = 'network-security' AND service_namespace = 'ec2'
UNION ALL
SELECT false, g.account_id, g.service_namespace, d.control_id, d.status, d.gap, g.assets
FROM audit_group g JOIN audit_default d USING (run_id, service_namespace)
WHERE g.run_id = :run_2 AND NOT g.stored AND d.control_id = 'network-security' AND g.service_namespace = 'ec2'
ORDER BY 1, 2, 7 DESC;
-- open gaps, by family, and the inherited controls to cite
SELECT account_id, service_namespace, control_id, customer_part, status, assets
FROM bi_customer_gaps WHERE run_id = :run_2 AND account_id = '402918374655' AND service_namespace = 'ec2' ORDER BY control_id, grain;
SELECT family_id, gaps, customer_asset_controls, controls_with_gaps FROM bi_gaps_by_family WHERE run_id = :run_2 ORDER BY 1;
SELECT control_id, service_namespace, asset_controls, accounts, attestations FROM bi_inherited_controls
WHERE run_id = :run_2 AND control_id = 'physical-and-environmental' ORDER BY 2;

-- NIST MODERATE on the same inventory
SELECT run_audit('NIST-800-53-R5', 'moderate') AS run_3 \gset
SELECT framework_id, baseline, assets, unknown_assets, controls, asset_controls,
       asset_controls = (assets - unknown_assets) * controls AS every_pair, gaps > 0 AS has_gaps
FROM bi_run WHERE run_id = :run_3;

-- retention: keep the newest runs of a framework and baseline
SELECT run_audit('aws-srm', NULL, ARRAY['402918374655', '718265390142'], 'third run', keep_runs => 2) AS run_4 \gset
SELECT run_id = :run_4 AS newest, note FROM audit_run WHERE framework_id = 'aws-srm' ORDER BY run_id;
SET srm.audit_keep_runs = 1;
SELECT run_audit('aws-srm', NULL, ARRAY['402918374655', '718265390142'], 'fourth run') AS run_5 \gset
RESET srm.audit_keep_runs;
SELECT note FROM audit_run WHERE framework_id = 'aws-srm' ORDER BY run_id;
SELECT count(*) AS findings_of_deleted_runs FROM audit_finding WHERE run_id IN (:run_1, :run_2, :run_4);

-- errors
\pset format unaligned
SELECT test_error(q) FROM unnest(ARRAY[
    $$SELECT srm.run_audit('iso-27001')$$,
    $$SELECT srm.run_audit('nist-800-53-r5', 'MEDIUM')$$,
    $$SELECT srm.run_audit('aws-srm', 'MODERATE')$$,
    $$SELECT srm.run_audit('aws-srm', NULL, ARRAY['999999999999'])$$,
    $$SELECT srm.run_audit('aws-srm', keep_runs => 0)$$,
    $$INSERT INTO srm.control_status (framework_id, control_id, account_id, status) VALUES ('aws-srm', 'data', '402918374655', 'implemented')$$,
    $$INSERT INTO srm.control_status (framework_id, control_id, account_id, status, evidence) VALUES ('aws-srm', 'data', '402918374655', 'done', 'x')$$,
    $$INSERT INTO srm.control_status (framework_id, control_id, status, evidence) VALUES ('aws-srm', 'data', 'planned', 'no scope')$$,
    $$INSERT INTO srm.control_status (framework_id, control_id, account_id, status) VALUES ('nist-800-53-r5', 'XX-1', '402918374655', 'planned')$$,
    $$INSERT INTO srm.control_status (framework_id, control_id, service_namespace, status) VALUES ('nist-800-53-r5', 'AC-2', 'ec3', 'planned')$$]) q;
\pset format aligned
-- statuses name controls the way people write them
INSERT INTO control_status (framework_id, control_id, account_id, status) VALUES ('nist-800-53-r5', 'AC-2(1)', '402918374655', 'partial')
RETURNING control_id, status;

-- clean up for the tests that follow
DELETE FROM control_status;
DELETE FROM audit_run;
