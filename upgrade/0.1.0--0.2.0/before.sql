-- upgrade/0.1.0--0.2.0/before.sql: what 0.2.0 changes in srm's tables,
-- before its functions and views are created.

-- helpers move out of the user's way
GRANT USAGE ON SCHEMA srm TO PUBLIC;
CREATE SCHEMA srm_internal;
COMMENT ON SCHEMA srm_internal IS
    'srm''s internal helpers: may change between versions, do not call them';
GRANT USAGE ON SCHEMA srm_internal TO PUBLIC;

-- User rows name model rows by natural key, checked by triggers as they are
-- written; foreign keys would stop an upgrade from reloading the model.
ALTER TABLE srm.override DROP CONSTRAINT override_framework_id_fkey;
ALTER TABLE srm.override DROP CONSTRAINT override_framework_id_control_id_fkey;
ALTER TABLE srm.override DROP CONSTRAINT override_provider_service_namespace_fkey;
ALTER TABLE srm.control_status DROP CONSTRAINT control_status_framework_id_fkey;
ALTER TABLE srm.control_status DROP CONSTRAINT control_status_framework_id_control_id_fkey;
ALTER TABLE srm.control_status DROP CONSTRAINT control_status_provider_service_namespace_fkey;
ALTER TABLE srm.attestation DROP CONSTRAINT attestation_framework_id_fkey;
ALTER TABLE srm.audit_run DROP CONSTRAINT audit_run_framework_id_fkey;

-- Attestations: the shipped rows come from data/attestation.csv, marked;
-- the user's own rows are kept by pg_dump.  The four rows 0.1.0 wrote are
-- removed here and inserted again, marked, with the model's rows below.
-- (added without a default, then filled: a fresh install's table has no
-- "missing value" for it either)
ALTER TABLE srm.attestation ADD COLUMN shipped boolean;
UPDATE srm.attestation SET shipped = false;
ALTER TABLE srm.attestation ALTER COLUMN shipped SET DEFAULT false, ALTER COLUMN shipped SET NOT NULL;
COMMENT ON COLUMN srm.attestation.shipped IS
    'true for the rows srm ships (data/attestation.csv), which upgrades keep current; a user''s own rows are false and kept by pg_dump';
DELETE FROM srm.attestation
WHERE (provider, framework_id, name) IN (
    ('aws', 'nist-800-53-r5', 'AWS FedRAMP High and Moderate P-ATO packages (system security plans and assessment reports)'),
    ('aws', 'nist-800-53-r5', 'AWS SOC 2 Type II report'),
    ('aws', 'aws-srm', 'AWS SOC 2 Type II report'),
    ('aws', 'aws-srm', 'AWS ISO/IEC 27001 certificate and statement of applicability'));
SELECT pg_catalog.pg_extension_config_dump('srm.attestation', 'WHERE NOT shipped');
