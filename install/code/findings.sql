-- install/code/findings.sql (code part): scanner findings (SPEC §12).
-- srm.load_findings reads AWS Security Hub findings (ASFF, as
-- `aws securityhub get-findings` prints them or as the bare array Prowler
-- writes) and Prowler's OCSF JSON into srm.finding: one row per result of
-- a check on a resource at a time, with the NIST SP 800-53 r5 controls it
-- evidences.  What a finding evidences comes from the finding itself
-- (Compliance.RelatedRequirements, OCSF unmapped.compliance) and from the
-- scanner's published mapping of its check (srm.check_control: Prowler's).

-------------------------------------------------------------------------------
-- Reading a document's findings
-------------------------------------------------------------------------------

-- the JSON type of a value as a reason names it
CREATE FUNCTION srm_internal.json_kind(value jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN value IS NULL THEN 'missing' ELSE pg_catalog.jsonb_typeof(value) END;
COMMENT ON FUNCTION srm_internal.json_kind(jsonb) IS
    'the JSON type of a value (object, array, string, number, boolean, null), or missing when absent: for reasons';

-- the NIST SP 800-53 r5 requirement ids one entry of a scanner's list
-- names, as written: Security Hub's "NIST.800-53.r5 AC-2(1)" (or
-- "NIST.800-53.r5/AC-2(1)") names one; Prowler's ASFF summary
-- "NIST-800-53-Revision-5 ac_2_1 ac_2_3_a ..." several, cut at 63
-- characters (so a 63-character entry's last id may be cut and is left
-- out).  Entries of other frameworks name none.
CREATE FUNCTION srm_internal.nist_requirements(entry text)
RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (SELECT coalesce(pg_catalog.array_agg(t.tok ORDER BY t.n), '{}')
        FROM (SELECT m[1] AS rest FROM pg_catalog.regexp_match(entry,
                  '^\s*nist[\s._-]*(?:sp[\s._-]*)?800[\s._-]*53[\s._-]*(?:r|rev|revision)[\s._-]*0*5(?:[\s/:]+)(.*)$', 'i') AS m) AS r,
             pg_catalog.regexp_split_to_table(pg_catalog.btrim(r.rest), '\s+') WITH ORDINALITY AS t(tok, n)
        WHERE t.tok <> ''
          AND NOT (pg_catalog.length(entry) = 63
                   AND t.n = pg_catalog.array_length(pg_catalog.regexp_split_to_array(pg_catalog.btrim(r.rest), '\s+'), 1)
                   AND t.n > 1));
COMMENT ON FUNCTION srm_internal.nist_requirements(text) IS
    'the NIST SP 800-53 r5 requirement ids an entry of Compliance.RelatedRequirements names, as written (NIST.800-53.r5 AC-2(1) -> {AC-2(1)}; Prowler''s NIST-800-53-Revision-5 ac_2_1 ac_2_3_a -> {ac_2_1,ac_2_3_a}, the last id of an entry Prowler cut at 63 characters left out); none for other frameworks';

-- The findings of a document as srm reads them, in a few set-based
-- statements rather than one call per finding: one row per finding (idx:
-- its index in the document, from 0) with the columns of srm.finding, or
-- the reason it is rejected (the first thing wrong).  fmt is asff or ocsf.
-- What repeats across a document is looked up once: each distinct
-- resource type and resource id is resolved once, each distinct
-- requirement read as a control once, each distinct check's mapping read
-- once.
CREATE FUNCTION srm_internal.findings_read(items jsonb, fmt text)
RETURNS TABLE (idx integer, item jsonb, reason text, scanner text, finding_uid text, check_id text, check_title text,
    status text, severity text, observed_at timestamptz, account_id text, region text,
    resource_type text, resource_id text, arn text, service_namespace text, controls text[])
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- the plan is costed high on a large document; compiling its long
-- expressions with LLVM takes longer than running them
SET jit = off
AS $$
WITH
-- each finding read: its columns and the reason it is rejected, up to (not
-- including) its requirements' reading as controls.  Every expression that
-- can fail on a value of the wrong JSON type is guarded by a test of that
-- type, and each reason comes in the order of the checks (the first thing
-- wrong is the reason).
p AS MATERIALIZED (
    SELECT r.idx, r.item, r.scanner, r.finding_uid, r.check_id, r.check_title, r.status, r.severity, r.observed_at,
           r.account_id, nullif(r.region, '') AS region, r.resource_type, r.resource_id, r.reqs_json, r.compliance,
           coalesce(r.reason,
                    CASE WHEN r.account_id !~ '^[0-9]{12}$'
                         THEN format('account "%s" is not a 12-digit AWS account id', left(r.account_id, 40)) END) AS reason
    FROM (
    -- ASFF
    SELECT a.idx, a.item, a.scanner, a.finding_uid, a.check_id, a.check_title, a.status, a.severity, a.observed_at,
           btrim(a.item ->> 'AwsAccountId') AS account_id,
           lower(btrim(coalesce(a.res ->> 'Region', a.item ->> 'Region'))) AS region,
           a.res ->> 'Type' AS resource_type, btrim(a.res ->> 'Id') AS resource_id,
           a.j_reqs AS reqs_json, NULL::jsonb AS compliance,
           CASE
               WHEN NOT a.is_object THEN format('a finding is a JSON object, not %s', srm_internal.json_kind(a.item))
               WHEN jsonb_typeof(a.item -> 'Id') IS DISTINCT FROM 'string'
                   THEN format('%s is %s, not a string', 'Id', srm_internal.json_kind(a.item -> 'Id'))
               WHEN jsonb_typeof(a.item -> 'AwsAccountId') IS DISTINCT FROM 'string'
                   THEN format('%s is %s, not a string', 'AwsAccountId', srm_internal.json_kind(a.item -> 'AwsAccountId'))
               WHEN jsonb_typeof(a.item -> 'UpdatedAt') IS DISTINCT FROM 'string'
                   THEN format('%s is %s, not a string', 'UpdatedAt', srm_internal.json_kind(a.item -> 'UpdatedAt'))
               WHEN a.item ? 'Title' AND jsonb_typeof(a.item -> 'Title') <> 'string'
                   THEN format('%s is %s, not a string', 'Title', srm_internal.json_kind(a.item -> 'Title'))
               WHEN a.item ? 'GeneratorId' AND jsonb_typeof(a.item -> 'GeneratorId') <> 'string'
                   THEN format('%s is %s, not a string', 'GeneratorId', srm_internal.json_kind(a.item -> 'GeneratorId'))
               WHEN a.item ? 'ProductArn' AND jsonb_typeof(a.item -> 'ProductArn') <> 'string'
                   THEN format('%s is %s, not a string', 'ProductArn', srm_internal.json_kind(a.item -> 'ProductArn'))
               WHEN a.item ? 'RecordState' AND jsonb_typeof(a.item -> 'RecordState') <> 'string'
                   THEN format('%s is %s, not a string', 'RecordState', srm_internal.json_kind(a.item -> 'RecordState'))
               WHEN a.check_id IS NULL OR btrim(a.check_id) = ''
                   THEN 'no check: neither Compliance.SecurityControlId nor GeneratorId names one'
               WHEN jsonb_typeof(a.item -> 'Compliance') IS DISTINCT FROM 'object'
                   THEN format('Compliance is %s, not an object: the finding is not the result of a check',
                               srm_internal.json_kind(a.item -> 'Compliance'))
               WHEN a.status IS NULL
                   THEN CASE WHEN a.raw_status IN ('WARNING', 'NOT_AVAILABLE')
                             THEN format('Compliance.Status %s is neither PASSED nor FAILED: the check gave no result (Security Hub: missing information or check not run; Prowler: a muted or manual check)', a.raw_status)
                             WHEN a.raw_status IS NULL THEN 'Compliance.Status is missing: the finding is not the result of a check'
                             ELSE format('Compliance.Status "%s" is not PASSED, FAILED, WARNING or NOT_AVAILABLE', left(a.raw_status, 40)) END
               WHEN a.item ->> 'RecordState' = 'ARCHIVED'
                   THEN 'RecordState is ARCHIVED: Security Hub no longer tracks the finding (resource deleted or control disabled)'
               WHEN a.item #> '{Severity,Label}' IS NOT NULL AND a.severity IS NULL
                   THEN format('Severity.Label %s is not INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL', left((a.item #> '{Severity,Label}')::text, 40))
               WHEN a.observed_at IS NULL
                   THEN format('UpdatedAt "%s" is not an ISO 8601 time', left(a.item ->> 'UpdatedAt', 60))
               WHEN jsonb_typeof(a.item -> 'Resources') IS DISTINCT FROM 'array' OR a.item -> 'Resources' = '[]'::jsonb
                   THEN format('no resource: Resources is %s', CASE WHEN jsonb_typeof(a.item -> 'Resources') = 'array' THEN 'an empty array'
                                                                    ELSE srm_internal.json_kind(a.item -> 'Resources') END)
               WHEN jsonb_typeof(a.res) IS DISTINCT FROM 'object'
                   THEN format('no resource: Resources[0] is %s, not an object', srm_internal.json_kind(a.res))
               WHEN jsonb_typeof(a.res -> 'Id') IS DISTINCT FROM 'string' OR btrim(a.res ->> 'Id') = ''
                   THEN format('no resource: Resources[0].Id is %s', CASE WHEN jsonb_typeof(a.res -> 'Id') = 'string' THEN 'empty'
                                                                         ELSE srm_internal.json_kind(a.res -> 'Id') END)
               WHEN a.res ? 'Type' AND jsonb_typeof(a.res -> 'Type') <> 'string'
                   THEN format('Resources[0].Type is %s, not a string', srm_internal.json_kind(a.res -> 'Type'))
               WHEN a.j_reqs IS NOT NULL AND jsonb_typeof(a.j_reqs) <> 'array'
                   THEN format('Compliance.RelatedRequirements is %s, not an array', srm_internal.json_kind(a.j_reqs))
               WHEN a.reqs_not_string IS NOT NULL
                   THEN format('Compliance.RelatedRequirements holds %s, not only strings', a.reqs_not_string)
           END AS reason
    FROM (SELECT s.*,
                 CASE WHEN s.scanner = 'prowler' THEN regexp_replace(s.item ->> 'GeneratorId', '^prowler-', '')
                      ELSE coalesce(s.item #>> '{Compliance,SecurityControlId}', s.item #>> '{ProductFields,ControlId}',
                                    s.item #>> '{ProductFields,RuleId}', s.item ->> 'GeneratorId') END AS check_id,
                 s.item ->> 'Title' AS check_title,
                 CASE s.raw_status WHEN 'PASSED' THEN 'passed' WHEN 'FAILED' THEN 'failed' END AS status,
                 CASE WHEN s.item #> '{Severity,Label}' IS NOT NULL
                      THEN CASE upper(s.item #>> '{Severity,Label}') WHEN 'INFORMATIONAL' THEN 'informational' WHEN 'LOW' THEN 'low'
                               WHEN 'MEDIUM' THEN 'medium' WHEN 'HIGH' THEN 'high' WHEN 'CRITICAL' THEN 'critical' END
                      WHEN jsonb_typeof(s.item #> '{Severity,Normalized}') = 'number'
                      THEN CASE WHEN (s.item #>> '{Severity,Normalized}')::numeric < 1 THEN 'informational'
                                WHEN (s.item #>> '{Severity,Normalized}')::numeric < 40 THEN 'low'
                                WHEN (s.item #>> '{Severity,Normalized}')::numeric < 70 THEN 'medium'
                                WHEN (s.item #>> '{Severity,Normalized}')::numeric < 90 THEN 'high'
                                ELSE 'critical' END END AS severity,
                 CASE WHEN jsonb_typeof(s.item -> 'UpdatedAt') = 'string' THEN srm_internal.capture_time(s.item ->> 'UpdatedAt') END AS observed_at,
                 -- the first requirement that is not a string
                 CASE WHEN jsonb_typeof(s.j_reqs) = 'array'
                      THEN (SELECT srm_internal.json_kind(e.x) FROM jsonb_array_elements(s.j_reqs) WITH ORDINALITY AS e(x, n)
                            WHERE jsonb_typeof(e.x) <> 'string' ORDER BY e.n LIMIT 1) END AS reqs_not_string
          FROM (SELECT i.idx, i.item, i.is_object, i.item ->> 'Id' AS finding_uid,
                       CASE WHEN i.item ->> 'ProductArn' ~ '/prowler/prowler$' OR i.item #>> '{ProductFields,ProviderName}' = 'Prowler'
                                THEN 'prowler'
                            WHEN i.item ->> 'ProductArn' ~ ':product/aws/securityhub$' THEN 'security-hub'
                            ELSE coalesce(lower(substring(i.item ->> 'ProductArn', ':product/(?:aws/)?(.+)$')), 'unknown') END AS scanner,
                       i.item #>> '{Compliance,Status}' AS raw_status,
                       CASE WHEN jsonb_typeof(i.item -> 'Resources') = 'array' THEN i.item -> 'Resources' -> 0 END AS res,
                       i.item #> '{Compliance,RelatedRequirements}' AS j_reqs
                FROM (SELECT (e.i - 1)::integer AS idx, e.x AS item, jsonb_typeof(e.x) = 'object' AS is_object
                      FROM jsonb_array_elements(items) WITH ORDINALITY AS e(x, i)) i
                WHERE fmt = 'asff'
                OFFSET 0) s
          OFFSET 0) a
    UNION ALL
    -- OCSF Detection Finding (class 2004) as Prowler writes it
    SELECT o.idx, o.item, o.scanner, o.item #>> '{finding_info,uid}', o.item #>> '{metadata,event_code}',
           o.item #>> '{finding_info,title}', o.status, o.severity, o.observed_at,
           btrim(o.item #>> '{cloud,account,uid}'),
           lower(btrim(coalesce(o.res ->> 'region', o.item #>> '{cloud,region}'))),
           nullif(o.res ->> 'type', ''), btrim(o.res ->> 'uid'),
           NULL::jsonb, o.compliance,
           CASE
               WHEN NOT o.is_object THEN format('a finding is a JSON object, not %s', srm_internal.json_kind(o.item))
               WHEN (o.item ->> 'class_uid') IS DISTINCT FROM '2004'
                   THEN CASE WHEN o.item ? 'class_uid' THEN format('class_uid %s is not 2004 (Detection Finding)', left((o.item -> 'class_uid')::text, 40))
                             ELSE 'class_uid is missing: not an OCSF Detection Finding (2004)' END
               WHEN jsonb_typeof(o.item #> '{finding_info,uid}') IS DISTINCT FROM 'string' OR btrim(o.item #>> '{finding_info,uid}') = ''
                   THEN format('%s is %s, not a string', 'finding_info.uid',
                               CASE WHEN jsonb_typeof(o.item #> '{finding_info,uid}') = 'string' THEN 'empty'
                                    ELSE srm_internal.json_kind(o.item #> '{finding_info,uid}') END)
               WHEN jsonb_typeof(o.item #> '{metadata,event_code}') IS DISTINCT FROM 'string' OR btrim(o.item #>> '{metadata,event_code}') = ''
                   THEN format('%s is %s, not a string', 'metadata.event_code',
                               CASE WHEN jsonb_typeof(o.item #> '{metadata,event_code}') = 'string' THEN 'empty'
                                    ELSE srm_internal.json_kind(o.item #> '{metadata,event_code}') END)
               WHEN jsonb_typeof(o.item #> '{status_code}') IS DISTINCT FROM 'string' OR btrim(o.item #>> '{status_code}') = ''
                   THEN format('%s is %s, not a string', 'status_code',
                               CASE WHEN jsonb_typeof(o.item #> '{status_code}') = 'string' THEN 'empty'
                                    ELSE srm_internal.json_kind(o.item #> '{status_code}') END)
               WHEN jsonb_typeof(o.item #> '{cloud,account,uid}') IS DISTINCT FROM 'string' OR btrim(o.item #>> '{cloud,account,uid}') = ''
                   THEN format('%s is %s, not a string', 'cloud.account.uid',
                               CASE WHEN jsonb_typeof(o.item #> '{cloud,account,uid}') = 'string' THEN 'empty'
                                    ELSE srm_internal.json_kind(o.item #> '{cloud,account,uid}') END)
               WHEN o.status IS NULL
                   THEN CASE WHEN upper(o.item ->> 'status_code') = 'MANUAL'
                             THEN 'status_code MANUAL is neither PASS nor FAIL: the check asks for a manual review and gave no result'
                             ELSE format('status_code "%s" is not PASS, FAIL or MANUAL', left(o.item ->> 'status_code', 40)) END
               WHEN coalesce(o.item #>> '{cloud,provider}', 'aws') <> 'aws'
                   THEN format('cloud.provider "%s": srm loads findings of AWS accounts only', left(o.item #>> '{cloud,provider}', 40))
               WHEN o.item ? 'severity' AND o.severity_read = '?'
                   THEN format('severity %s is not Informational, Low, Medium, High or Critical', left((o.item -> 'severity')::text, 40))
               -- time: epoch seconds as Prowler writes it (OCSF milliseconds
               -- also read); time_dt has no zone (Prowler writes local time)
               -- and is used only when time is missing and it names its zone
               WHEN jsonb_typeof(o.item -> 'time') IS DISTINCT FROM 'number' AND o.item ? 'time'
                   THEN format('time is %s, not a number (epoch seconds)', srm_internal.json_kind(o.item -> 'time'))
               WHEN jsonb_typeof(o.item -> 'time') IS DISTINCT FROM 'number' AND NOT coalesce(o.item ->> 'time_dt' ~ '(Z|[+-]\d\d:?\d\d)$', false)
                   THEN 'no time: time is missing and time_dt names no time zone'
               WHEN o.observed_at IS NULL
                   THEN format('time %s is not a time', left(CASE WHEN jsonb_typeof(o.item -> 'time') = 'number' THEN o.item ->> 'time'
                                                                  ELSE o.item ->> 'time_dt' END, 60))
               WHEN jsonb_typeof(o.item -> 'resources') IS DISTINCT FROM 'array' OR o.item -> 'resources' = '[]'::jsonb
                   THEN format('no resource: resources is %s', CASE WHEN jsonb_typeof(o.item -> 'resources') = 'array' THEN 'an empty array'
                                                                    ELSE srm_internal.json_kind(o.item -> 'resources') END)
               WHEN jsonb_typeof(o.res) IS DISTINCT FROM 'object'
                   THEN format('no resource: resources[0] is %s, not an object', srm_internal.json_kind(o.res))
               WHEN jsonb_typeof(o.res -> 'uid') IS DISTINCT FROM 'string' OR btrim(o.res ->> 'uid') = ''
                   THEN format('no resource: resources[0].uid is %s', CASE WHEN jsonb_typeof(o.res -> 'uid') = 'string' THEN 'empty'
                                                                          ELSE srm_internal.json_kind(o.res -> 'uid') END)
               WHEN o.compliance_not_array IS NOT NULL THEN o.compliance_not_array
           END
    FROM (SELECT s.*,
                 CASE upper(s.item ->> 'status_code') WHEN 'PASS' THEN 'passed' WHEN 'FAIL' THEN 'failed' END AS status,
                 CASE WHEN s.severity_read <> '?' THEN s.severity_read END AS severity,
                 CASE WHEN jsonb_typeof(s.item -> 'time') = 'number'
                      THEN srm_internal.capture_time(CASE WHEN (s.item ->> 'time')::numeric > 100000000000
                                                          THEN ((s.item ->> 'time')::numeric / 1000)::text
                                                          ELSE s.item ->> 'time' END)
                      WHEN s.is_object AND NOT s.item ? 'time' AND s.item ->> 'time_dt' ~ '(Z|[+-]\d\d:?\d\d)$'
                      THEN srm_internal.capture_time(s.item ->> 'time_dt') END AS observed_at,
                 -- the first of the NIST lists Prowler writes that is not an array
                 CASE WHEN s.compliance IS NOT NULL
                      THEN (SELECT format('unmapped.compliance."%s" is %s, not an array', j.k, srm_internal.json_kind(j.x))
                            FROM jsonb_each(s.compliance) WITH ORDINALITY AS j(k, x, n)
                            WHERE srm_internal.control_form(j.k) = 'nist-800-53-r5:' AND jsonb_typeof(j.x) <> 'array'
                            ORDER BY j.n LIMIT 1) END AS compliance_not_array
          FROM (SELECT i.idx, i.item, i.is_object,
                       coalesce(lower(nullif(i.item #>> '{metadata,product,uid}', '')),
                                lower(nullif(i.item #>> '{metadata,product,name}', '')), 'unknown') AS scanner,
                       CASE WHEN i.is_object AND i.item ? 'severity'
                            THEN CASE lower(i.item ->> 'severity') WHEN 'informational' THEN 'informational' WHEN 'low' THEN 'low'
                                     WHEN 'medium' THEN 'medium' WHEN 'high' THEN 'high' WHEN 'critical' THEN 'critical'
                                     WHEN 'fatal' THEN 'critical' WHEN 'unknown' THEN NULL WHEN 'other' THEN NULL ELSE '?' END
                       END AS severity_read,
                       CASE WHEN jsonb_typeof(i.item -> 'resources') = 'array' THEN i.item -> 'resources' -> 0 END AS res,
                       CASE WHEN jsonb_typeof(i.item #> '{unmapped,compliance}') = 'object' THEN i.item #> '{unmapped,compliance}' END AS compliance
                FROM (SELECT (e.i - 1)::integer AS idx, e.x AS item, jsonb_typeof(e.x) = 'object' AS is_object
                      FROM jsonb_array_elements(items) WITH ORDINALITY AS e(x, i)) i
                WHERE fmt = 'ocsf'
                OFFSET 0) s
          OFFSET 0) o
    ) r),
-- the requirements each finding names, in its order: ASFF's
-- Compliance.RelatedRequirements (each distinct entry read once), OCSF's
-- NIST lists of unmapped.compliance (an entry that is not a string is read
-- as its JSON text, a JSON null as no requirement)
req AS MATERIALIZED (
    SELECT p.idx, p.scanner, e.n AS n1, t.n AS n2, t.req
    FROM p
    CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN p.reason IS NULL AND jsonb_typeof(p.reqs_json) = 'array'
                                                      THEN p.reqs_json ELSE '[]' END) WITH ORDINALITY AS e(entry, n)
    JOIN (SELECT d.entry, srm_internal.nist_requirements(d.entry) AS ids
          FROM (SELECT DISTINCT x.entry
                FROM p, jsonb_array_elements_text(CASE WHEN p.reason IS NULL AND jsonb_typeof(p.reqs_json) = 'array'
                                                       THEN p.reqs_json ELSE '[]' END) AS x(entry)) d) ne ON ne.entry = e.entry
    CROSS JOIN LATERAL unnest(ne.ids) WITH ORDINALITY AS t(req, n)
    UNION ALL
    SELECT p.idx, p.scanner, j.n, t.n, t.x #>> '{}'
    FROM p
    CROSS JOIN LATERAL jsonb_each(CASE WHEN p.reason IS NULL THEN p.compliance END) WITH ORDINALITY AS j(k, x, n)
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(j.x) = 'array' THEN j.x ELSE '[]' END) WITH ORDINALITY AS t(x, n)
    WHERE srm_internal.control_form(j.k) = 'nist-800-53-r5:'),
-- each distinct requirement read as a control once: a Prowler requirement
-- id as Prowler's mapping reads it, any other id in any form srm reads (as
-- srm.resolve_control reads it, the key computed once, then looked up by
-- the primary key)
req_control AS MATERIALIZED (
    SELECT d.req, d.prowler,
           coalesce(CASE WHEN d.prowler
                         THEN (SELECT m.control_id FROM srm.check_control m
                               WHERE m.scanner = 'prowler' AND m.requirement_id = d.req AND m.framework_id = 'nist-800-53-r5' LIMIT 1) END,
                    (SELECT k.control_id FROM srm.control k
                     WHERE k.framework_id = 'nist-800-53-r5'
                       AND k.control_id = regexp_replace(srm_internal.control_key('nist-800-53-r5:' || d.req), '^nist-800-53-r5:', ''))) AS control_id
    FROM (SELECT DISTINCT r.req, r.scanner = 'prowler' AS prowler FROM req r WHERE r.req IS NOT NULL) d),
-- per finding: the requirements no control is read from (in its order),
-- the controls read from the others
req_agg AS (
    SELECT r.idx,
           string_agg(format('"%s"', left(r.req, 40)), ', ' ORDER BY r.n1, r.n2) FILTER (WHERE c.control_id IS NULL) AS bad,
           array_agg(DISTINCT c.control_id) FILTER (WHERE c.control_id IS NOT NULL) AS controls
    FROM req r
    LEFT JOIN req_control c ON c.req = r.req AND c.prowler = (r.scanner = 'prowler')
    GROUP BY r.idx),
-- the scanner's published mapping of each distinct check, read once
check_map AS (
    SELECT d.scanner, d.check_id, array_agg(DISTINCT m.control_id) AS controls
    FROM (SELECT DISTINCT p.scanner, p.check_id FROM p WHERE p.reason IS NULL) d
    JOIN srm.check_control m ON m.scanner = d.scanner AND m.check_id = d.check_id AND m.framework_id = 'nist-800-53-r5'
    GROUP BY d.scanner, d.check_id),
-- the service of each distinct resource type (not Other), then of each
-- distinct resource id whose type gives none, resolved once
type_service AS MATERIALIZED (
    SELECT d.resource_type, (SELECT r.service_namespace FROM srm.resolve_asset(d.resource_type) r) AS service_namespace
    FROM (SELECT DISTINCT p.resource_type FROM p WHERE p.reason IS NULL AND p.resource_type <> 'Other') d),
typed AS MATERIALIZED (
    SELECT p.*, t.service_namespace AS type_service
    FROM p LEFT JOIN type_service t ON t.resource_type = p.resource_type AND p.reason IS NULL),
id_service AS MATERIALIZED (
    SELECT d.resource_id, (SELECT r.service_namespace FROM srm.resolve_asset(d.resource_id) r) AS service_namespace
    FROM (SELECT DISTINCT t.resource_id FROM typed t WHERE t.reason IS NULL AND t.type_service IS NULL) d)
SELECT c.idx, c.item,
       coalesce(c.reason,
                CASE WHEN c.bad IS NOT NULL THEN format('requirement %s names no control of nist-800-53-r5', c.bad)
                     WHEN cardinality(c.controls) = 0
                     THEN format('check %s of %s evidences no control of nist-800-53-r5: the finding names no NIST SP 800-53 r5 requirement and srm has no mapping of the check',
                                 left(c.check_id, 100), c.scanner) END),
       c.scanner, c.finding_uid, c.check_id, c.check_title, c.status, c.severity, c.observed_at, c.account_id, c.region,
       c.resource_type, c.resource_id, c.arn, c.service_namespace, c.controls
FROM (SELECT t.idx, t.item, t.reason, t.scanner, t.finding_uid, t.check_id, t.check_title, t.status, t.severity,
             t.observed_at, t.account_id, t.region, t.resource_type, t.resource_id,
             CASE WHEN t.resource_id ~ '^arn:' THEN t.resource_id END AS arn,
             coalesce(t.type_service, i.service_namespace) AS service_namespace,
             ra.bad,
             CASE WHEN t.reason IS NULL AND ra.bad IS NULL
                  THEN (SELECT coalesce(array_agg(k.control_id ORDER BY k.sort_id, k.control_id), '{}')
                        FROM srm.control k
                        WHERE k.framework_id = 'nist-800-53-r5'
                          AND k.control_id = ANY (coalesce(ra.controls, '{}') || coalesce(m.controls, '{}'))) END AS controls
      FROM typed t
      LEFT JOIN id_service i ON t.reason IS NULL AND t.type_service IS NULL AND i.resource_id = t.resource_id
      LEFT JOIN req_agg ra ON ra.idx = t.idx
      LEFT JOIN check_map m ON t.reason IS NULL AND m.scanner = t.scanner AND m.check_id = t.check_id) c
$$;
COMMENT ON FUNCTION srm_internal.findings_read(jsonb, text) IS
    'the findings of a document (its array of findings; fmt asff or ocsf) read set-based as srm.finding''s columns, controls included, or the reason each is rejected (the first thing wrong); idx is the finding''s index in the array, from 0';

-------------------------------------------------------------------------------
-- Loading a document
-------------------------------------------------------------------------------

CREATE FUNCTION srm.load_findings(findings jsonb, source text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    items jsonb;
    fmt text;
    n_asff integer;
    n_ocsf integer;
    lid bigint;
    doc_accounts text[];
    other text;
    n record;
BEGIN
    -- which format: {"Findings": [...]} is ASFF; a bare array is ASFF or
    -- OCSF by what its findings hold
    CASE jsonb_typeof(findings)
        WHEN 'object' THEN
            IF NOT findings ? 'Findings' THEN
                RAISE EXCEPTION 'a findings document is {"Findings": [...]} (ASFF as aws securityhub get-findings prints it) or an array of ASFF or OCSF findings; this object has no "Findings" key'
                    USING ERRCODE = 'invalid_parameter_value',
                          HINT = format('Its keys: %s.', (SELECT string_agg(k, ', ' ORDER BY k) FROM (SELECT k FROM jsonb_object_keys(findings) k LIMIT 10) s));
            END IF;
            items := findings -> 'Findings';
            IF jsonb_typeof(items) <> 'array' THEN
                RAISE EXCEPTION '"Findings" is %, not an array', srm_internal.json_kind(items)
                    USING ERRCODE = 'invalid_parameter_value';
            END IF;
            fmt := 'asff';
        WHEN 'array' THEN
            items := findings;
            SELECT count(*) FILTER (WHERE x ? 'SchemaVersion' OR x ? 'AwsAccountId' OR x ? 'ProductArn'),
                   count(*) FILTER (WHERE x ? 'class_uid' OR x ? 'finding_info')
            INTO n_asff, n_ocsf
            FROM jsonb_array_elements(items) x WHERE jsonb_typeof(x) = 'object';
            IF n_asff = 0 AND n_ocsf = 0 THEN
                RAISE EXCEPTION 'the array holds no ASFF finding (SchemaVersion, AwsAccountId, ProductArn) and no OCSF finding (class_uid, finding_info)'
                    USING ERRCODE = 'invalid_parameter_value',
                          HINT = CASE WHEN jsonb_array_length(items) = 0 THEN 'The array is empty: there is nothing to load.'
                                      ELSE 'srm loads ASFF (Security Hub, Prowler -M json-asff) and Prowler''s OCSF (-M json-ocsf).' END;
            END IF;
            fmt := CASE WHEN n_asff >= n_ocsf THEN 'asff' ELSE 'ocsf' END;
        ELSE
            RAISE EXCEPTION 'a findings document is a JSON object or array, not %', srm_internal.json_kind(findings)
                USING ERRCODE = 'invalid_parameter_value';
    END CASE;

    -- a team member loads its teams' accounts only: refused before anything
    -- is written (as srm.load_config_snapshot)
    SELECT coalesce(array_agg(DISTINCT a ORDER BY a), '{}') INTO doc_accounts
    FROM jsonb_array_elements(items) x
    CROSS JOIN LATERAL (SELECT btrim(CASE fmt WHEN 'asff' THEN x ->> 'AwsAccountId' ELSE x #>> '{cloud,account,uid}' END) AS a) s
    WHERE jsonb_typeof(x) = 'object' AND s.a ~ '^[0-9]{12}$';
    IF row_security_active('srm.finding'::regclass) THEN
        SELECT string_agg(a, ', ' ORDER BY a) INTO other
        FROM unnest(doc_accounts) a WHERE a <> ALL (srm_internal.team_accounts());
        IF other IS NOT NULL THEN
            RAISE EXCEPTION 'account % is not an account of role "%"''s teams', other, current_user
                USING ERRCODE = 'insufficient_privilege',
                      DETAIL = 'The document has findings of that account.',
                      HINT = 'Load the findings of your teams'' accounts only (srm.team_account).';
        END IF;
    END IF;

    INSERT INTO srm.finding_load (source, format, findings_read, findings_inserted, findings_unchanged, findings_rejected)
    VALUES (coalesce(source, CASE fmt WHEN 'asff' THEN 'ASFF findings' ELSE 'OCSF findings' END), fmt, 0, 0, 0, 0)
    RETURNING load_id INTO lid;

    WITH f AS MATERIALIZED (
        SELECT * FROM srm_internal.findings_read(items, fmt)),
    ins AS (
        INSERT INTO srm.finding (scanner, finding_uid, check_id, check_title, status, severity, observed_at, account_id,
                                 region, resource_type, resource_id, arn, service_namespace, controls, load_id, document)
        SELECT f.scanner, f.finding_uid, f.check_id, f.check_title, f.status, f.severity, f.observed_at, f.account_id,
               f.region, f.resource_type, f.resource_id, f.arn, f.service_namespace, f.controls, lid, f.item
        FROM f WHERE f.reason IS NULL
        ORDER BY f.idx
        ON CONFLICT (scanner, finding_uid, observed_at) DO NOTHING
        RETURNING 1),
    rej AS (
        INSERT INTO srm.finding_load_rejection (load_id, item_index, reason, item)
        SELECT lid, f.idx, f.reason, f.item FROM f WHERE f.reason IS NOT NULL
        RETURNING 1)
    SELECT (SELECT count(*) FROM f) AS n_read, (SELECT count(*) FROM ins) AS n_inserted,
           (SELECT count(*) FROM rej) AS n_rejected
    INTO n;

    UPDATE srm.finding_load
    SET findings_read = n.n_read, findings_inserted = n.n_inserted,
        findings_unchanged = n.n_read - n.n_inserted - n.n_rejected, findings_rejected = n.n_rejected,
        accounts = doc_accounts
    WHERE load_id = lid;

    RAISE NOTICE 'srm findings load %: % findings read (%) = % inserted + % unchanged + % rejected',
        lid, n.n_read, fmt, n.n_inserted, n.n_read - n.n_inserted - n.n_rejected, n.n_rejected;
    RETURN lid;
END
$$;
COMMENT ON FUNCTION srm.load_findings(jsonb, text) IS
    'loads scanner findings into srm.finding: ASFF ({"Findings": [...]} as aws securityhub get-findings prints it, or a bare array as Prowler writes it) or Prowler''s OCSF JSON (an array of Detection Findings); the same finding again (scanner, id and time) is counted unchanged, a newer result is a new row; a finding that cannot be read is kept in srm.finding_load_rejection with its reason; returns the load id (srm.finding_load has the reconciled counts)';
