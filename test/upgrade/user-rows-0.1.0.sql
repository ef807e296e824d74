-- The user's rows written through srm 0.1.0's own interface, before the
-- upgrade test updates the extension: two loads of the small fixture (the
-- second with newer captures and rejections), the 3,000-item sample
-- snapshot, overrides at every scope (one deleted, leaving a gap in the
-- ids), statuses at every scope, an attestation of the user's own and two
-- audit runs.  psql variables: fixtures (test/fixtures), sample (the
-- sample snapshot file).
SET client_min_messages = warning;
\set small `cat :'fixtures'/snapshot_small.json`
\set small_v2 `cat :'fixtures'/snapshot_small_v2.json`
\set sample `cat :'sample'`
SELECT srm.load_config_snapshot(:'small'::jsonb, 'fixture v1');
SELECT srm.load_config_snapshot(:'small_v2'::jsonb, 'fixture v2');
SELECT srm.load_config_snapshot(:'sample'::jsonb);

INSERT INTO srm.override (framework_id, control_id, responsibility, reason)
VALUES ('nist-800-53-r5', 'SI-2', 'customer, partner', 'MSP patches our fleet');
INSERT INTO srm.override (service_namespace, account_id, framework_id, family_id, responsibility, reason)
VALUES ('s3', '123456789012', 'nist-800-53-r5', 'sc', 'customer (provided)', 'client-side encryption only, by policy');
INSERT INTO srm.override (asset, framework_id, control_id, responsibility, reason)
VALUES ('arn:aws:ec2:us-east-1:123456789012:instance/i-0abc', 'aws-srm', 'os-patching', 'not applicable',
        'appliance AMI, vendor-patched');
INSERT INTO srm.override (service_namespace, framework_id, control_id, responsibility, reason)
VALUES ('rds', 'aws-srm', 'network-security', 'customer (configured)', 'security groups are ours');
DELETE FROM srm.override WHERE control_id = 'si-2';

INSERT INTO srm.control_status (framework_id, control_id, account_id, service_namespace, status, evidence, assessed_by, assessed_at)
VALUES ('aws-srm', 'os-patching', '402918374655', 'ec2', 'implemented', 'SSM Patch Manager baseline', 'auditor-a', '2025-06-03 10:00Z');
INSERT INTO srm.control_status (framework_id, control_id, asset, status, evidence_url, assessed_by, assessed_at)
VALUES ('aws-srm', 'network-security', 'arn:aws:ec2:us-east-1:402918374655:instance/i-0a1b2c3d4e5f60001',
        'alternative', 'https://wiki.example.com/secops/host-firewall', 'auditor-a', '2025-06-03 10:05Z');
INSERT INTO srm.control_status (framework_id, control_id, account_id, status, assessed_by, assessed_at)
VALUES ('nist-800-53-r5', 'AC-2(1)', '402918374655', 'planned', 'auditor-b', '2025-06-03 11:00Z');
INSERT INTO srm.control_status (framework_id, control_id, service_namespace, status, evidence, assessed_by, assessed_at)
VALUES ('nist-800-53-r5', 'sc-28', 's3', 'implemented', 'default encryption on every bucket (SCP)', 'auditor-b', '2025-06-04 09:00Z');

INSERT INTO srm.attestation (provider, framework_id, name, obtain_from, source)
VALUES ('aws', 'nist-800-53-r5', 'AWS PCI DSS attestation of compliance', 'AWS Artifact', 'our auditor''s request list');

SELECT srm.run_audit('aws-srm', NULL, NULL, 'before the upgrade: aws-srm');
SELECT srm.run_audit('nist-800-53-r5', 'MODERATE', ARRAY['402918374655'], 'before the upgrade: MODERATE');
