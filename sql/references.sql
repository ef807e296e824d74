-- User rows name model rows by natural key: checked as they are written,
-- kept (and listed, with a WARNING) when an upgrade removes the model row
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- no foreign key from a user table into the model: an upgrade can reload it
SELECT conrelid::regclass AS user_table, confrelid::regclass AS model_table
FROM pg_constraint
WHERE contype = 'f' AND conrelid IN ('srm.override'::regclass, 'srm.control_status'::regclass,
                                     'srm.attestation'::regclass, 'srm.audit_run'::regclass);

-- the triggers check every name as it is written, with the SQLSTATE of an
-- unknown object and the closest names
SELECT test_error($$INSERT INTO override (framework_id, control_id, responsibility, reason)
                    VALUES ('nist-800-53-r6', 'si-2', 'customer', 'x')$$);
SELECT test_error($$INSERT INTO override (framework_id, control_id, responsibility, reason)
                    VALUES ('aws-srm', 'zone-securty', 'customer', 'x')$$);
SELECT test_error($$INSERT INTO override (service_namespace, framework_id, responsibility, reason)
                    VALUES ('ec3', 'aws-srm', 'customer', 'x')$$);
SELECT test_error($$INSERT INTO control_status (framework_id, control_id, account_id, status)
                    VALUES ('aws-srm', 'zone-securty', '123456789012', 'planned')$$);
SELECT test_error($$INSERT INTO attestation (provider, framework_id, name, obtain_from, source)
                    VALUES ('aws', 'iso-27001', 'certificate', 'AWS Artifact', 'x')$$);

-- the user's rows, naming a control, a service and a framework
INSERT INTO override (framework_id, control_id, responsibility, reason)
VALUES ('aws-srm', 'zone-security', 'customer, partner', 'our MSP zones the VPCs');
INSERT INTO override (service_namespace, framework_id, family_id, responsibility, reason)
VALUES ('sqs', 'nist-800-53-r5', 'sc', 'customer', 'queues carry regulated data');
INSERT INTO control_status (framework_id, control_id, account_id, service_namespace, status, evidence)
VALUES ('aws-srm', 'zone-security', '123456789012', 'sqs', 'implemented', 'VPC design review');
INSERT INTO attestation (provider, framework_id, name, obtain_from, source)
VALUES ('aws', 'aws-srm', 'our own penetration test', 'the security team', 'user row');
SELECT framework_id, name, shipped FROM attestation ORDER BY shipped, framework_id, name;
SELECT * FROM unresolved_reference;
SELECT srm_internal.report_unresolved_references('test');

-- a new version removes the control and the service (as the model's rows
-- of an upgrade script do); the user's rows stay, are listed, and a WARNING
-- names them
BEGIN;
SET LOCAL client_min_messages = warning;
-- as an update script does: the stored derivation is rebuilt once, at the end
SET LOCAL srm.loading_model = on;
DELETE FROM control_layer WHERE framework_id = 'aws-srm' AND control_id = 'zone-security';
DELETE FROM control WHERE framework_id = 'aws-srm' AND control_id = 'zone-security';
DELETE FROM identifier WHERE service_namespace = 'sqs';
DELETE FROM arn_pattern p USING resource_type t WHERE t.resource_type = p.resource_type AND t.service_namespace = 'sqs';
DELETE FROM variant_layer v USING resource_type t WHERE t.resource_type = v.resource_type AND t.service_namespace = 'sqs';
DELETE FROM variant_rule v USING resource_type t WHERE t.resource_type = v.resource_type AND t.service_namespace = 'sqs';
DELETE FROM variant v USING resource_type t WHERE t.resource_type = v.resource_type AND t.service_namespace = 'sqs';
DELETE FROM variant_dimension v USING resource_type t WHERE t.resource_type = v.resource_type AND t.service_namespace = 'sqs';
DELETE FROM resource_type_layer v USING resource_type t WHERE t.resource_type = v.resource_type AND t.service_namespace = 'sqs';
DELETE FROM resource_type WHERE service_namespace = 'sqs';
DELETE FROM service_alias WHERE service_namespace = 'sqs';
DELETE FROM service_layer WHERE service_namespace = 'sqs';
DELETE FROM service WHERE service_namespace = 'sqs';
SELECT srm.refresh_derivation() AS derivation_rows;
SELECT (SELECT count(*) FROM override) AS overrides, (SELECT count(*) FROM control_status) AS statuses;
SELECT * FROM unresolved_reference ORDER BY table_name, refers_to;
SELECT srm_internal.report_unresolved_references('test');
ROLLBACK;

DELETE FROM override;
DELETE FROM control_status;
DELETE FROM attestation WHERE NOT shipped;
