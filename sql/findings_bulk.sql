-- srm.load_findings on a large document (review of 0.5.0: the findings of
-- a document are read set-based, not one call per finding): one bad
-- finding among many is rejected alone and the rest loads, in document
-- order; the same finding twice in a document is inserted once; a
-- finding reads the same in a document of many as alone.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;
\set sh `cat :'fixtures'/findings/securityhub_sample_control_findings.json`
\set p_ocsf `cat :'fixtures'/findings/prowler_docs_example.ocsf.json`

-- 2,000 findings derived from Security Hub's NIST sample: each its own id
-- and resource, three accounts, four resource types (one srm does not
-- know, its service read from the ARN); finding 1234 has no resources,
-- finding 1500 repeats finding 7 (same id and time)
CREATE TEMPORARY TABLE bulk AS
SELECT jsonb_build_object('Findings', jsonb_agg(f ORDER BY k)) AS doc
FROM (SELECT k,
             CASE WHEN k = 1234 THEN x - 'Resources'
                  ELSE x END AS f
      FROM (SELECT k, jsonb_set(jsonb_set(jsonb_set(jsonb_set(
                     (:'sh'::jsonb) -> 'Findings' -> 3,
                     '{Id}', to_jsonb('bulk-' || CASE WHEN k = 1500 THEN 7 ELSE k END)),
                     '{AwsAccountId}', to_jsonb((ARRAY['111122223333', '444455556666', '777788889999'])[1 + k % 3])),
                     '{Resources,0,Type}', to_jsonb((ARRAY['AwsCloudTrailTrail', 'AwsS3Bucket', 'AwsNewThing', 'Other'])[1 + k % 4])),
                     '{Resources,0,Id}', to_jsonb(CASE WHEN k % 4 = 1 THEN 'arn:aws:s3:::bucket-' || (CASE WHEN k = 1500 THEN 7 ELSE k END)
                                                       ELSE format('arn:aws:cloudtrail:us-east-1:%s:trail/t%s',
                                                                   (ARRAY['111122223333', '444455556666', '777788889999'])[1 + k % 3],
                                                                   CASE WHEN k = 1500 THEN 7 ELSE k END) END)) AS x
            FROM generate_series(0, 1999) k) g) s;
SELECT load_findings(doc, 'bulk') AS bulk_load FROM bulk \gset
SELECT format, findings_read, findings_inserted, findings_unchanged, findings_rejected, accounts
FROM finding_load WHERE load_id = :bulk_load;
SELECT item_index, reason FROM finding_load_rejection WHERE load_id = :bulk_load ORDER BY item_index;
-- in document order: the finding ids follow the findings' indexes
SELECT count(*) AS findings,
       bool_and(substring(finding_uid, 6)::integer > coalesce(prev, -1)) AS in_document_order
FROM (SELECT finding_uid, lag(substring(finding_uid, 6)::integer) OVER (ORDER BY finding_id) AS prev
      FROM finding WHERE load_id = :bulk_load) f;
-- every type gives its service (AwsNewThing and Other from the ARN), every
-- finding the sample's eight controls
SELECT resource_type, service_namespace, count(*) AS findings, min(cardinality(controls)) AS min_controls,
       max(cardinality(controls)) AS max_controls
FROM finding WHERE load_id = :bulk_load GROUP BY resource_type, service_namespace ORDER BY resource_type;

-- the same document again: every finding unchanged but the bad one
SELECT load_findings(doc, 'bulk again') AS bulk_again FROM bulk \gset
SELECT findings_read, findings_inserted, findings_unchanged, findings_rejected FROM finding_load WHERE load_id = :bulk_again;

-- a finding reads the same in a document of many as alone: a document of
-- good and bad ASFF findings (requirements in both forms, unknown ones,
-- severities, types), then each of them loaded on its own (each load
-- deleted after it is read): same reason, same row
CREATE TEMPORARY TABLE mixed AS
SELECT (i - 1)::integer AS idx, x AS item
FROM jsonb_array_elements(jsonb_build_array(
    jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Id}', '"m0"'),
    jsonb_set(jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Id}', '"m1"'), '{Compliance,RelatedRequirements}',
              '["NIST.800-53.r5 AC-99", "NIST.800-53.r5 AU-9", "NIST.800-53.r5 ZZ-1(2)"]'),
    jsonb_set(jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Id}', '"m2"'), '{Compliance,RelatedRequirements}',
              '["NIST-800-53-Revision-5 ac_2_1 ac_2_3_a sc_28_1", "CIS 1.1"]'),
    jsonb_set(jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Id}', '"m3"'), '{ProductArn}',
              '"arn:aws:securityhub:us-east-1::product/prowler/prowler"'),
    jsonb_set(jsonb_set(jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Id}', '"m4"'), '{ProductArn}',
              '"arn:aws:securityhub:us-east-1::product/prowler/prowler"'), '{Compliance,RelatedRequirements}',
              '["NIST-800-53-Revision-5 ac_2_3_a cp_1_2"]'),
    jsonb_set(jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Id}', '"m5"'), '{Compliance,RelatedRequirements}', '[]'),
    jsonb_set(jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Id}', '"m6"'), '{Compliance,RelatedRequirements}', '["AU-9", 4]'),
    jsonb_set(jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Id}', '"m7"'), '{Severity}', '{"Normalized": 39}'),
    jsonb_set(jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Id}', '"m8"'), '{Resources,0}',
              '{"Type": "Other", "Id": "arn:aws:ec2:us-east-1:123456789012:instance/i-1"}'),
    jsonb_set(jsonb_set((:'sh'::jsonb) -> 'Findings' -> 3, '{Id}', '"m9"'), '{Resources,0}', '{"Type": "AwsEc2Instance", "Id": "i-1"}'),
    (:'sh'::jsonb) -> 'Findings' -> 0,
    '7'::jsonb)) WITH ORDINALITY AS e(x, i);
CREATE TEMPORARY TABLE read_whole (idx integer, reason text, scanner text, check_id text, severity text,
                                   resource_type text, service_namespace text, controls text[]);
SELECT load_findings(jsonb_build_object('Findings', (SELECT jsonb_agg(item ORDER BY idx) FROM mixed)), 'mixed') AS mixed_load \gset
INSERT INTO read_whole
SELECT m.idx, r.reason, f.scanner, f.check_id, f.severity, f.resource_type, f.service_namespace, f.controls
FROM mixed m
LEFT JOIN finding_load_rejection r ON r.load_id = :mixed_load AND r.item_index = m.idx
LEFT JOIN finding f ON f.load_id = :mixed_load AND f.document = m.item;
DELETE FROM finding_load WHERE load_id = :mixed_load;
SELECT * FROM read_whole ORDER BY idx;
CREATE TEMPORARY TABLE read_alone (LIKE read_whole);
SET client_min_messages = warning;
DO $$
DECLARE
    m record;
    lid bigint;
BEGIN
    FOR m IN SELECT idx, item FROM mixed ORDER BY idx LOOP
        lid := srm.load_findings(jsonb_build_object('Findings', jsonb_build_array(m.item)), 'alone');
        INSERT INTO read_alone
        SELECT m.idx, r.reason, f.scanner, f.check_id, f.severity, f.resource_type, f.service_namespace, f.controls
        FROM (SELECT) x
        LEFT JOIN srm.finding_load_rejection r ON r.load_id = lid
        LEFT JOIN srm.finding f ON f.load_id = lid;
        DELETE FROM srm.finding_load WHERE load_id = lid;
    END LOOP;
END $$;
RESET client_min_messages;
SELECT count(*) AS findings, count(*) FILTER (WHERE w IS NOT DISTINCT FROM a) AS read_the_same
FROM read_whole w FULL JOIN read_alone a USING (idx);

-- OCSF: 500 findings derived from Prowler's documented example (its check
-- made one Prowler's NIST mapping names), finding 250 of an Azure
-- account: that one is rejected, the rest loads
SELECT load_findings(jsonb_agg(CASE WHEN k = 250 THEN jsonb_set(x, '{cloud,provider}', '"azure"') ELSE x END ORDER BY k), 'bulk OCSF') AS bulk_ocsf
FROM (SELECT k, jsonb_set(jsonb_set((:'p_ocsf'::jsonb) -> 0, '{metadata,event_code}', '"rds_instance_storage_encrypted"'),
                          '{finding_info,uid}', to_jsonb('ocsf-' || k)) AS x
      FROM generate_series(0, 499) k) g \gset
SELECT format, findings_read, findings_inserted, findings_unchanged, findings_rejected FROM finding_load WHERE load_id = :bulk_ocsf;
SELECT item_index, reason FROM finding_load_rejection WHERE load_id = :bulk_ocsf ORDER BY item_index;
SELECT count(*) AS findings, count(DISTINCT controls) AS control_sets FROM finding WHERE load_id = :bulk_ocsf;
