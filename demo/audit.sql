-- The main job: load a sample AWS Config inventory (and, when
-- SRM_AZURE_EXPORT and SRM_GCP_EXPORT name them, the Azure Resource Graph
-- and Cloud Asset Inventory exports of the sample), record what the customer has done, audit it against NIST SP
-- 800-53 rev5 MODERATE, print the summary and write the report, CSV and
-- OSCAL files to :out.
\set ON_ERROR_STOP on
\pset footer off
SET search_path = public, srm;
SET client_min_messages = warning;

\echo
\echo '== Loading the sample inventory (an AWS Config snapshot) =='
\set snapshot `cat "$SRM_SNAPSHOT"`
SELECT srm.load_config_snapshot(:'snapshot'::jsonb, 'sample snapshot (tools/sample/gen_sample_snapshot.py)') AS assets_loaded;
\getenv azure_export SRM_AZURE_EXPORT
\if :{?azure_export}
\echo '== Loading the Azure part: a Resource Graph export (az graph query -o json) =='
\set azure `cat "$SRM_AZURE_EXPORT"`
SELECT srm.load_resource_graph(:'azure'::jsonb, 'sample Azure Resource Graph export (tools/sample/gen_sample_multicloud.py)') AS assets_loaded;
\endif
\getenv gcp_export SRM_GCP_EXPORT
\if :{?gcp_export}
\echo '== Loading the Google Cloud part: a Cloud Asset Inventory export (JSON lines of gcloud asset export) =='
\set gcp `cat "$SRM_GCP_EXPORT"`
SELECT srm.load_asset_inventory((SELECT jsonb_agg(line::jsonb ORDER BY n)
                                 FROM regexp_split_to_table(:'gcp', E'\n') WITH ORDINALITY AS l(line, n)
                                 WHERE line ~ '\S'),
                                'sample Cloud Asset Inventory export (tools/sample/gen_sample_multicloud.py)') AS assets_loaded;
\endif
SELECT load_id, source, items_read, assets_inserted, assets_updated, items_rejected, unknown_types FROM srm.asset_load ORDER BY load_id;
SELECT provider, account_id, count(*) AS assets, count(DISTINCT resource_type) AS resource_types,
       count(DISTINCT region) AS regions, count(*) FILTER (WHERE NOT known_type) AS unknown_types
FROM srm.asset GROUP BY provider, account_id ORDER BY provider, account_id;

\echo
\echo '== Which NIST MODERATE controls are ours on one EC2 instance, and why (SI-2) =='
SELECT arn AS "instance" FROM srm.asset WHERE resource_type = 'AWS::EC2::Instance' ORDER BY arn LIMIT 1 \gset
SELECT class, count(*) AS controls
FROM srm.control c, LATERAL (SELECT srm.classify(:'instance', c.control_id) AS class) x
WHERE c.framework_id = 'nist-800-53-r5' AND 'MODERATE' = ANY (c.baselines)
GROUP BY class ORDER BY class;
SELECT step, kind, layer_id, responsibility, origin FROM srm.explain(:'instance', 'SI-2');

\echo
\echo '== First audit: nothing recorded yet =='
SELECT srm.run_audit('nist-800-53-r5', 'MODERATE', note => 'baseline before any evidence') AS first_run \gset

\echo '== Recording what the customer has done =='
INSERT INTO srm.control_status (framework_id, control_id, account_id, status, evidence)
SELECT 'nist-800-53-r5', c, a.account_id, 'implemented', e
FROM (SELECT DISTINCT account_id FROM srm.asset WHERE provider = 'aws') a,
     (VALUES ('AC-2', 'IAM Identity Center; quarterly access review tickets'),
             ('IA-2', 'Phishing-resistant MFA enforced by SCP'),
             ('AU-2', 'CloudTrail organization trail to the log-archive account'),
             ('CM-6', 'AWS Config conformance pack for NIST 800-53')) AS v(c, e);
INSERT INTO srm.control_status (framework_id, control_id, service_namespace, status, evidence)
VALUES ('nist-800-53-r5', 'SI-2', 'ec2', 'implemented', 'SSM Patch Manager baselines, weekly maintenance window'),
       ('nist-800-53-r5', 'SC-28', 's3', 'implemented', 'S3 default encryption with KMS keys enforced by SCP'),
       ('nist-800-53-r5', 'SC-7', 'ec2', 'partial', 'Security groups reviewed; NACL baseline still planned'),
       ('nist-800-53-r5', 'CP-9', 'rds', 'planned', 'AWS Backup plan drafted');
-- Azure subscriptions and Google Cloud projects: statuses of their provider
INSERT INTO srm.control_status (framework_id, control_id, provider, account_id, service_namespace, status, evidence)
SELECT 'nist-800-53-r5', v.c, a.provider, a.account_id, v.s, 'implemented', v.e
FROM (SELECT DISTINCT provider, account_id FROM srm.asset WHERE provider <> 'aws') a
JOIN (VALUES ('azure', 'AC-2', NULL, 'Entra ID access reviews, quarterly'),
             ('azure', 'SI-2', 'virtual-machines', 'Azure Update Manager maintenance configurations, monthly'),
             ('gcp', 'AU-2', NULL, 'Cloud Audit Logs: Data Access logs on, aggregated sink to the log project'),
             ('gcp', 'AC-2', 'iam', 'Service accounts reviewed by the platform team')) AS v(p, c, s, e) ON v.p = a.provider;
SELECT provider, count(*) AS statuses_recorded FROM srm.control_status GROUP BY provider ORDER BY provider;

\echo
\echo '== Second audit =='
SELECT srm.run_audit('nist-800-53-r5', 'MODERATE', note => 'after recording evidence') AS run \gset

\echo
\echo '== Summary (srm.bi_run) =='
SELECT run_id, note, assets, unknown_assets, controls, asset_controls, inherited, shared, customer_specific, gaps
FROM srm.bi_run ORDER BY run_id;

\echo
\echo '== Per provider (srm.bi_provider_mix) =='
SELECT provider, accounts, assets, unknown_assets, asset_controls, inherited, shared, customer_specific, gaps
FROM srm.bi_provider_mix WHERE run_id = :run ORDER BY provider;

\echo
\echo '== Responsibility mix by account (srm.bi_responsibility_mix) =='
SELECT provider, account_id,
       sum(asset_controls) FILTER (WHERE class = 'inherited') AS inherited,
       sum(asset_controls) FILTER (WHERE class = 'shared') AS shared,
       sum(asset_controls) FILTER (WHERE class = 'customer-specific') AS customer_specific,
       sum(gaps) AS gaps
FROM srm.bi_responsibility_mix WHERE run_id = :run GROUP BY provider, account_id ORDER BY provider, account_id;

\echo
\echo '== Customer gaps by control family (srm.bi_gaps_by_family), top 8 =='
SELECT family_id, family_title, gaps, controls_with_gaps
FROM srm.bi_gaps_by_family WHERE run_id = :run ORDER BY gaps DESC, family_id LIMIT 8;

\echo
\echo '== Writing the report files =='
\pset format unaligned
\pset tuples_only on
\o :out/report.html
SELECT srm.report_html(:run);
\o :out/ssp.json
SELECT srm.oscal_ssp(:run);
\o
\pset format aligned
\pset tuples_only off
-- CSV through srm.csv: a cell a spreadsheet would run as a formula (a note,
-- a resource id, evidence beginning with =, +, -, @) gets a leading quote
SELECT * FROM srm.csv('SELECT * FROM srm.bi_run ORDER BY run_id') \g (format=unaligned tuples_only=on) :out/runs.csv
SELECT * FROM srm.csv(format('SELECT * FROM srm.bi_responsibility_mix WHERE run_id = %s ORDER BY account_id, service_namespace, class, grain', :run)) \g (format=unaligned tuples_only=on) :out/responsibility_mix.csv
SELECT * FROM srm.csv(format('SELECT * FROM srm.bi_customer_gaps WHERE run_id = %s ORDER BY account_id, service_namespace, control_id, asset', :run)) \g (format=unaligned tuples_only=on) :out/customer_gaps.csv
SELECT * FROM srm.csv(format('SELECT * FROM srm.bi_gaps_by_family WHERE run_id = %s ORDER BY family_id', :run)) \g (format=unaligned tuples_only=on) :out/gaps_by_family.csv
SELECT * FROM srm.csv(format('SELECT * FROM srm.bi_inherited_controls WHERE run_id = %s ORDER BY control_id, service_namespace', :run)) \g (format=unaligned tuples_only=on) :out/inherited_controls.csv
SELECT * FROM srm.csv(format('SELECT * FROM srm.bi_provider_mix WHERE run_id = %s ORDER BY provider', :run)) \g (format=unaligned tuples_only=on) :out/provider_mix.csv
SELECT * FROM srm.csv('SELECT * FROM srm.bi_trend ORDER BY run_id, class') \g (format=unaligned tuples_only=on) :out/trend.csv
SELECT * FROM srm.csv(format('SELECT * FROM srm.bi_unknown_assets WHERE run_id = %s ORDER BY asset_id', :run)) \g (format=unaligned tuples_only=on) :out/unknown_assets.csv
