-- srm.oscal_ssp: an audit run as an OSCAL 1.1.3 system security plan.
-- The test makes its own small audit runs (ids 910001-910003) by INSERTs,
-- asserts the plan's shape and content with jsonpath and SQL, and deletes
-- the runs at the end.  Schema validation itself is test/oscal/check.sh.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- run 910001: NIST 800-53 MODERATE, two accounts, ec2 (3 assets), s3 (2), iam (1)
-- and one asset of an unknown type; run 910002: aws-srm without findings;
-- run 910003: not finished
INSERT INTO audit_run (run_id, framework_id, baseline, accounts, started_at, finished_at, requested_by, note)
VALUES (910001, 'nist-800-53-r5', 'MODERATE', NULL, '2024-05-01 08:00:00+02', '2024-05-01 08:00:07.25+02', 'alice', 'oscal test'),
       (910002, 'aws-srm', NULL, ARRAY['111111111111'], '2024-06-02 10:30:00+00', '2024-06-02 10:30:01+00', 'bob', NULL),
       (910003, 'aws-srm', NULL, NULL, '2024-06-03 10:30:00+00', NULL, 'bob', NULL);
INSERT INTO audit_asset (run_id, asset_id, account_id, region, resource_type, resource_id, arn, service_namespace, known)
VALUES (910001, 1, '111111111111', 'us-east-1', 'AWS::EC2::Instance', 'i-1', 'arn:aws:ec2:us-east-1:111111111111:instance/i-1', 'ec2', true),
       (910001, 2, '111111111111', 'us-east-1', 'AWS::EC2::Instance', 'i-2', 'arn:aws:ec2:us-east-1:111111111111:instance/i-2', 'ec2', true),
       (910001, 3, '222222222222', 'eu-west-1', 'AWS::EC2::Instance', 'i-3', 'arn:aws:ec2:eu-west-1:222222222222:instance/i-3', 'ec2', true),
       (910001, 4, '111111111111', 'us-east-1', 'AWS::S3::Bucket', 'b-1', 'arn:aws:s3:::b-1', 's3', true),
       (910001, 5, '222222222222', 'eu-west-1', 'AWS::S3::Bucket', 'b-2', 'arn:aws:s3:::b-2', 's3', true),
       (910001, 6, '111111111111', 'global', 'AWS::IAM::Role', 'r-1', 'arn:aws:iam::111111111111:role/r-1', 'iam', true),
       (910001, 7, '111111111111', 'us-east-1', 'AWS::Made::Up', 'x-1', NULL, NULL, false);
-- findings per account x service x control from the matrix, for four
-- controls; one status (ac-2 on ec2 in account 111111111111); one asset row
-- (i-1, si-2, an asset override to customer only)
INSERT INTO audit_finding (run_id, account_id, service_namespace, asset_id, framework_id, control_id, family_id,
                           responsibility, class, customer_part, status, evidence, gap, assets)
SELECT 910001, g.account_id, g.service_namespace, NULL, m.framework_id, m.control_id, m.family_id,
       m.responsibility, m.class, m.customer_part, s.status, s.evidence,
       m.customer_part <> 'not applicable' AND s.status IS NULL,
       g.n - CASE WHEN (g.account_id, g.service_namespace, m.control_id) = ('111111111111', 'ec2', 'si-2') THEN 1 ELSE 0 END
FROM (SELECT account_id, service_namespace, count(*) AS n FROM audit_asset
      WHERE run_id = 910001 AND known GROUP BY 1, 2) g
JOIN matrix m ON m.provider = 'aws' AND m.service_namespace = g.service_namespace
             AND m.framework_id = 'nist-800-53-r5' AND m.control_id IN ('ac-2', 'pe-3', 'si-2', 'sc-28')
LEFT JOIN (VALUES ('111111111111', 'ec2', 'ac-2', 'implemented', 'IAM Identity Center runbook')) s(account_id, service_namespace, control_id, status, evidence)
       ON (s.account_id, s.service_namespace, s.control_id) = (g.account_id, g.service_namespace, m.control_id);
INSERT INTO audit_finding (run_id, account_id, service_namespace, asset_id, framework_id, control_id, family_id,
                           responsibility, class, customer_part, status, evidence, gap, assets)
VALUES (910001, '111111111111', 'ec2', 1, 'nist-800-53-r5', 'si-2', 'si',
        'customer', 'customer-specific', 'customer', NULL, NULL, true, 1);

-- what the run holds, per control x service
SELECT f.control_id, f.service_namespace, responsibility_agg(f.responsibility) AS responsibility,
       oscal_export(responsibility_agg(f.responsibility)) AS export, sum(f.assets) AS assets,
       count(f.status) AS statuses
FROM audit_finding f WHERE f.run_id = 910001
GROUP BY 1, 2 ORDER BY 1, 2;

CREATE TEMPORARY TABLE ssp AS SELECT oscal_ssp(910001) AS doc;

-- top-level shape
SELECT array(SELECT jsonb_object_keys(doc)) AS top,
       array(SELECT jsonb_object_keys(doc -> 'system-security-plan') ORDER BY 1) AS sections,
       doc #>> '{system-security-plan,metadata,last-modified}' AS last_modified,
       doc #>> '{system-security-plan,metadata,version}' AS version,
       doc #>> '{system-security-plan,metadata,oscal-version}' AS oscal_version,
       doc #>> '{system-security-plan,import-profile,href}' AS profile,
       doc #>> '{system-security-plan,system-characteristics,security-sensitivity-level}' AS sensitivity,
       doc #>> '{system-security-plan,system-characteristics,status,state}' AS state
FROM ssp;
SELECT jsonb_path_query_array(doc, '$.*.metadata.parties[*].name') AS parties,
       jsonb_path_query_array(doc, '$.*.metadata.roles[*].id') AS roles,
       jsonb_path_query_array(doc, '$.*."system-implementation".components[*].type') AS component_types,
       jsonb_path_query_array(doc, '$.*."system-implementation".components[*].props ? (@.name == "service-namespace").value') AS services,
       jsonb_path_query_array(doc, '$.*."system-implementation"."leveraged-authorizations"[*].title') AS leveraged
FROM ssp;
SELECT doc #>> '{system-security-plan,system-characteristics,authorization-boundary,description}' AS boundary FROM ssp;

-- one implemented-requirement per control of the run, each a control of srm.control
SELECT jsonb_path_query_array(doc, '$.*."control-implementation"."implemented-requirements"[*]."control-id"') AS control_ids,
       (SELECT bool_and(EXISTS (SELECT FROM control c WHERE c.framework_id = 'nist-800-53-r5' AND c.control_id = x #>> '{}'))
        FROM jsonb_path_query(doc, '$.*."control-implementation"."implemented-requirements"[*]."control-id"') x) AS all_in_srm_control
FROM ssp;

-- per service by-component: export provided / responsibilities as srm.oscal_export of the run's responsibility
CREATE TEMPORARY VIEW bc AS
SELECT ir ->> 'control-id' AS control_id, comp.ns AS service_namespace, b AS bc
FROM ssp,
     jsonb_path_query(doc, '$.*."control-implementation"."implemented-requirements"[*]') ir,
     jsonb_array_elements(ir -> 'by-components') b
LEFT JOIN LATERAL (SELECT p ->> 'value' AS ns
                   FROM jsonb_path_query(doc, '$.*."system-implementation".components[*] ? (@.type == "service")') c,
                        jsonb_array_elements(c -> 'props') p
                   WHERE c ->> 'uuid' = b ->> 'component-uuid' AND p ->> 'name' = 'service-namespace') comp ON true;
SELECT count(*) AS service_by_components,
       bool_and(array_remove(ARRAY[CASE WHEN bc #> '{export,provided}' IS NOT NULL THEN 'provided' END,
                                   CASE WHEN bc #> '{export,responsibilities}' IS NOT NULL THEN 'responsibility' END], NULL)
                = (SELECT oscal_export(responsibility_agg(f.responsibility)) FROM audit_finding f
                   WHERE f.run_id = 910001 AND f.control_id = bc.control_id AND f.service_namespace = bc.service_namespace))
           AS export_matches,
       bool_and(bc #>> '{export,responsibilities,0,provided-uuid}' IS NOT DISTINCT FROM bc #>> '{export,provided,0,uuid}')
           FILTER (WHERE bc #> '{export,responsibilities}' IS NOT NULL) AS provided_uuid_links,
       count(*) = (SELECT count(DISTINCT (f.control_id, f.service_namespace)) FROM audit_finding f WHERE f.run_id = 910001)
           AS one_per_control_and_service
FROM bc WHERE service_namespace IS NOT NULL;

-- the this-system by-component inherits every provided part and satisfies the
-- responsibilities that have a status; nothing points nowhere
SELECT control_id,
       jsonb_array_length(bc -> 'inherited') AS inherited,
       jsonb_array_length(bc -> 'satisfied') AS satisfied,
       bc -> 'implementation-status' AS status
FROM bc WHERE service_namespace IS NULL ORDER BY 1;
SELECT (SELECT array_agg(x #>> '{}' ORDER BY 1) FROM ssp, jsonb_path_query(doc, 'strict $.** ? (exists (@.inherited)).inherited[*]."provided-uuid"') x)
       = (SELECT array_agg(x #>> '{}' ORDER BY 1) FROM ssp, jsonb_path_query(doc, 'strict $.** ? (exists (@.export.provided)).export.provided[*].uuid') x) AS inherited_all_provided,
       (SELECT bool_and(EXISTS (SELECT FROM jsonb_path_query(doc, 'strict $.** ? (exists (@.export.responsibilities)).export.responsibilities[*].uuid') r WHERE r = x))
        FROM ssp, jsonb_path_query(doc, 'strict $.** ? (exists (@.satisfied)).satisfied[*]."responsibility-uuid"') x) AS satisfied_known;

-- implementation status of one service by-component each way, origination props
SELECT control_id, service_namespace, bc -> 'implementation-status' AS status, bc ->> 'remarks' AS remarks
FROM bc WHERE (control_id, service_namespace) IN (('ac-2', 'ec2'), ('ac-2', 's3'), ('pe-3', 'iam'), ('si-2', 'ec2'))
ORDER BY 1, 2;
SELECT ir ->> 'control-id' AS control_id,
       jsonb_path_query_array(ir, '$.props[*] ? (@.ns == "https://fedramp.gov/ns/oscal" && @.name == "control-origination").value') AS origination,
       (SELECT to_jsonb(fedramp_origination(responsibility_agg(f.responsibility), 'customer')) FROM audit_finding f
        WHERE f.run_id = 910001 AND f.control_id = ir ->> 'control-id') AS expected
FROM ssp, jsonb_path_query(doc, '$.*."control-implementation"."implemented-requirements"[*]') ir
ORDER BY 1;

-- every uuid is version 4 or 5 and each "uuid" is unique; every reference is a uuid
SELECT count(*) AS uuids, count(DISTINCT u) = count(*) AS unique_uuids,
       bool_and(u #>> '{}' ~ '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$') AS v4_or_v5
FROM ssp, jsonb_path_query(doc, 'strict $.** ? (exists (@.uuid)).uuid') u;
SELECT bool_and(u #>> '{}' ~ '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$') AS references_ok
FROM ssp, jsonb_path_query(doc, 'strict $.** ? (exists (@."component-uuid")) ."component-uuid"') u;

-- no string-typed value starts or ends with white space or holds a line break
SELECT count(*) AS bad_strings
FROM ssp, jsonb_path_query(doc, 'strict $.**') v
WHERE jsonb_typeof(v) = 'string' AND (v #>> '{}' ~ '^\s|\s$' OR v #>> '{}' ~ '\n');

-- deterministic: the same document every time, and the same per-subject uuids
-- for another run of the same system
SELECT oscal_ssp(910001) = (SELECT doc FROM ssp) AS same_again,
       md5(oscal_ssp(910001)::text) = md5((SELECT doc FROM ssp)::text) AS same_text;

-- a run without findings (aws-srm, one account): every control of the
-- framework, the profile a back-matter resource
SELECT jsonb_array_length(doc #> '{system-security-plan,control-implementation,implemented-requirements}') AS requirements,
       (SELECT count(*) FROM control WHERE framework_id = 'aws-srm') AS aws_srm_controls,
       substr(doc #>> '{system-security-plan,import-profile,href}', 2)
           = doc #>> '{system-security-plan,back-matter,resources,0,uuid}' AS profile_in_back_matter,
       doc #>> '{system-security-plan,system-characteristics,security-sensitivity-level}' AS sensitivity,
       doc #>> '{system-security-plan,metadata,version}' AS version
FROM (SELECT oscal_ssp(910002) AS doc) s;

-- errors: an unknown run (hint: the latest run), a run that has not finished, NULL
DO $$
DECLARE m text; h text; c text;
BEGIN
    PERFORM srm.oscal_ssp(-1);
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS m = MESSAGE_TEXT, h = PG_EXCEPTION_HINT, c = RETURNED_SQLSTATE;
    RAISE NOTICE '% %: hint names the latest run: %', c, m,
        h = format('The latest run is %s.', (SELECT max(run_id) FROM srm.audit_run));
END
$$;
\set SHOW_CONTEXT never
SELECT oscal_ssp(910003);
\set SHOW_CONTEXT errors
SELECT oscal_ssp(NULL) IS NULL AS null_gives_null;

DROP VIEW bc;
DROP TABLE ssp;
DELETE FROM audit_run WHERE run_id IN (910001, 910002, 910003);
