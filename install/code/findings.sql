-- install/code/findings.sql (code part): scanner findings (SPEC §12).
-- srm.load_findings reads AWS Security Hub findings (ASFF, as
-- `aws securityhub get-findings` prints them or as the bare array Prowler
-- writes) and Prowler's OCSF JSON into srm.finding: one row per result of
-- a check on a resource at a time, with the NIST SP 800-53 r5 controls it
-- evidences.  What a finding evidences comes from the finding itself
-- (Compliance.RelatedRequirements, OCSF unmapped.compliance) and from the
-- scanner's published mapping of its check (srm.check_control: Prowler's).

-------------------------------------------------------------------------------
-- Reading one finding
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

-- One finding as srm reads it: the columns of srm.finding, or the reason it
-- is rejected (the first thing wrong).  fmt is asff or ocsf.
CREATE FUNCTION srm_internal.finding_read(item jsonb, fmt text)
RETURNS TABLE (reason text, scanner text, finding_uid text, check_id text, check_title text,
    status text, severity text, observed_at timestamptz, account_id text, region text,
    resource_type text, resource_id text, arn text, service_namespace text, controls text[])
LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 1
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    res jsonb;
    v jsonb;
    raw_status text;
    time_text text;
    reqs text[] := '{}';
    req text;
    c text;
    bad text;
    key text;
    e record;
BEGIN
    IF jsonb_typeof(item) IS DISTINCT FROM 'object' THEN
        reason := format('a finding is a JSON object, not %s', srm_internal.json_kind(item));
        RETURN NEXT;
        RETURN;
    END IF;

    IF fmt = 'asff' THEN
        -- the required strings
        FOREACH c IN ARRAY ARRAY['Id', 'AwsAccountId', 'UpdatedAt'] LOOP
            IF jsonb_typeof(item -> c) IS DISTINCT FROM 'string' THEN
                reason := format('%s is %s, not a string', c, srm_internal.json_kind(item -> c));
                RETURN NEXT;
                RETURN;
            END IF;
        END LOOP;
        FOREACH c IN ARRAY ARRAY['Title', 'GeneratorId', 'ProductArn', 'RecordState'] LOOP
            IF item ? c AND jsonb_typeof(item -> c) <> 'string' THEN
                reason := format('%s is %s, not a string', c, srm_internal.json_kind(item -> c));
                RETURN NEXT;
                RETURN;
            END IF;
        END LOOP;
        finding_uid := item ->> 'Id';
        scanner := CASE WHEN item ->> 'ProductArn' ~ '/prowler/prowler$' OR item #>> '{ProductFields,ProviderName}' = 'Prowler'
                            THEN 'prowler'
                        WHEN item ->> 'ProductArn' ~ ':product/aws/securityhub$' THEN 'security-hub'
                        ELSE coalesce(lower(substring(item ->> 'ProductArn', ':product/(?:aws/)?(.+)$')), 'unknown') END;
        check_id := CASE WHEN scanner = 'prowler' THEN regexp_replace(item ->> 'GeneratorId', '^prowler-', '')
                         ELSE coalesce(item #>> '{Compliance,SecurityControlId}', item #>> '{ProductFields,ControlId}',
                                       item #>> '{ProductFields,RuleId}', item ->> 'GeneratorId') END;
        check_title := item ->> 'Title';
        IF check_id IS NULL OR btrim(check_id) = '' THEN
            reason := 'no check: neither Compliance.SecurityControlId nor GeneratorId names one';
            RETURN NEXT;
            RETURN;
        END IF;
        IF jsonb_typeof(item -> 'Compliance') IS DISTINCT FROM 'object' THEN
            reason := format('Compliance is %s, not an object: the finding is not the result of a check', srm_internal.json_kind(item -> 'Compliance'));
            RETURN NEXT;
            RETURN;
        END IF;
        raw_status := item #>> '{Compliance,Status}';
        status := CASE raw_status WHEN 'PASSED' THEN 'passed' WHEN 'FAILED' THEN 'failed' END;
        IF status IS NULL THEN
            reason := CASE WHEN raw_status IN ('WARNING', 'NOT_AVAILABLE')
                           THEN format('Compliance.Status %s is neither PASSED nor FAILED: the check gave no result (Security Hub: missing information or check not run; Prowler: a muted or manual check)', raw_status)
                           WHEN raw_status IS NULL THEN 'Compliance.Status is missing: the finding is not the result of a check'
                           ELSE format('Compliance.Status "%s" is not PASSED, FAILED, WARNING or NOT_AVAILABLE', left(raw_status, 40)) END;
            RETURN NEXT;
            RETURN;
        END IF;
        IF item ->> 'RecordState' = 'ARCHIVED' THEN
            reason := 'RecordState is ARCHIVED: Security Hub no longer tracks the finding (resource deleted or control disabled)';
            RETURN NEXT;
            RETURN;
        END IF;
        v := item #> '{Severity,Label}';
        IF v IS NOT NULL THEN
            severity := CASE upper(v #>> '{}') WHEN 'INFORMATIONAL' THEN 'informational' WHEN 'LOW' THEN 'low'
                            WHEN 'MEDIUM' THEN 'medium' WHEN 'HIGH' THEN 'high' WHEN 'CRITICAL' THEN 'critical' END;
            IF severity IS NULL THEN
                reason := format('Severity.Label %s is not INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL', left(v::text, 40));
                RETURN NEXT;
                RETURN;
            END IF;
        ELSIF jsonb_typeof(item #> '{Severity,Normalized}') = 'number' THEN
            severity := CASE WHEN (item #>> '{Severity,Normalized}')::numeric < 1 THEN 'informational'
                             WHEN (item #>> '{Severity,Normalized}')::numeric < 40 THEN 'low'
                             WHEN (item #>> '{Severity,Normalized}')::numeric < 70 THEN 'medium'
                             WHEN (item #>> '{Severity,Normalized}')::numeric < 90 THEN 'high'
                             ELSE 'critical' END;
        END IF;
        time_text := item ->> 'UpdatedAt';
        observed_at := srm_internal.capture_time(time_text);
        IF observed_at IS NULL THEN
            reason := format('UpdatedAt "%s" is not an ISO 8601 time', left(time_text, 60));
            RETURN NEXT;
            RETURN;
        END IF;
        account_id := btrim(item ->> 'AwsAccountId');
        IF jsonb_typeof(item -> 'Resources') IS DISTINCT FROM 'array' OR jsonb_array_length(item -> 'Resources') = 0 THEN
            reason := format('no resource: Resources is %s', CASE WHEN jsonb_typeof(item -> 'Resources') = 'array' THEN 'an empty array'
                                                                  ELSE srm_internal.json_kind(item -> 'Resources') END);
            RETURN NEXT;
            RETURN;
        END IF;
        res := item -> 'Resources' -> 0;
        IF jsonb_typeof(res) IS DISTINCT FROM 'object' THEN
            reason := format('no resource: Resources[0] is %s, not an object', srm_internal.json_kind(res));
            RETURN NEXT;
            RETURN;
        END IF;
        IF jsonb_typeof(res -> 'Id') IS DISTINCT FROM 'string' OR btrim(res ->> 'Id') = '' THEN
            reason := format('no resource: Resources[0].Id is %s', CASE WHEN jsonb_typeof(res -> 'Id') = 'string' THEN 'empty'
                                                                       ELSE srm_internal.json_kind(res -> 'Id') END);
            RETURN NEXT;
            RETURN;
        END IF;
        IF res ? 'Type' AND jsonb_typeof(res -> 'Type') <> 'string' THEN
            reason := format('Resources[0].Type is %s, not a string', srm_internal.json_kind(res -> 'Type'));
            RETURN NEXT;
            RETURN;
        END IF;
        resource_id := btrim(res ->> 'Id');
        resource_type := res ->> 'Type';
        region := lower(btrim(coalesce(res ->> 'Region', item ->> 'Region')));
        -- the finding's NIST requirements
        IF item #> '{Compliance,RelatedRequirements}' IS NOT NULL THEN
            IF jsonb_typeof(item #> '{Compliance,RelatedRequirements}') <> 'array' THEN
                reason := format('Compliance.RelatedRequirements is %s, not an array', srm_internal.json_kind(item #> '{Compliance,RelatedRequirements}'));
                RETURN NEXT;
                RETURN;
            END IF;
            FOR v IN SELECT x FROM jsonb_array_elements(item #> '{Compliance,RelatedRequirements}') x LOOP
                IF jsonb_typeof(v) <> 'string' THEN
                    reason := format('Compliance.RelatedRequirements holds %s, not only strings', srm_internal.json_kind(v));
                    RETURN NEXT;
                    RETURN;
                END IF;
                reqs := reqs || srm_internal.nist_requirements(v #>> '{}');
            END LOOP;
        END IF;
    ELSE
        -- OCSF Detection Finding (class 2004) as Prowler writes it
        IF (item ->> 'class_uid') IS DISTINCT FROM '2004' THEN
            reason := CASE WHEN item ? 'class_uid' THEN format('class_uid %s is not 2004 (Detection Finding)', left((item -> 'class_uid')::text, 40))
                           ELSE 'class_uid is missing: not an OCSF Detection Finding (2004)' END;
            RETURN NEXT;
            RETURN;
        END IF;
        FOREACH c IN ARRAY ARRAY['{finding_info,uid}', '{metadata,event_code}', '{status_code}', '{cloud,account,uid}'] LOOP
            IF jsonb_typeof(item #> c::text[]) IS DISTINCT FROM 'string' OR btrim(item #>> c::text[]) = '' THEN
                reason := format('%s is %s, not a string', array_to_string(c::text[], '.'),
                                 CASE WHEN jsonb_typeof(item #> c::text[]) = 'string' THEN 'empty' ELSE srm_internal.json_kind(item #> c::text[]) END);
                RETURN NEXT;
                RETURN;
            END IF;
        END LOOP;
        scanner := coalesce(lower(nullif(item #>> '{metadata,product,uid}', '')), lower(nullif(item #>> '{metadata,product,name}', '')), 'unknown');
        finding_uid := item #>> '{finding_info,uid}';
        check_id := item #>> '{metadata,event_code}';
        check_title := item #>> '{finding_info,title}';
        raw_status := item ->> 'status_code';
        status := CASE upper(raw_status) WHEN 'PASS' THEN 'passed' WHEN 'FAIL' THEN 'failed' END;
        IF status IS NULL THEN
            reason := CASE WHEN upper(raw_status) = 'MANUAL'
                           THEN 'status_code MANUAL is neither PASS nor FAIL: the check asks for a manual review and gave no result'
                           ELSE format('status_code "%s" is not PASS, FAIL or MANUAL', left(raw_status, 40)) END;
            RETURN NEXT;
            RETURN;
        END IF;
        IF coalesce(item #>> '{cloud,provider}', 'aws') <> 'aws' THEN
            reason := format('cloud.provider "%s": srm loads findings of AWS accounts only', left(item #>> '{cloud,provider}', 40));
            RETURN NEXT;
            RETURN;
        END IF;
        IF item ? 'severity' THEN
            severity := CASE lower(item ->> 'severity') WHEN 'informational' THEN 'informational' WHEN 'low' THEN 'low'
                            WHEN 'medium' THEN 'medium' WHEN 'high' THEN 'high' WHEN 'critical' THEN 'critical'
                            WHEN 'fatal' THEN 'critical' WHEN 'unknown' THEN NULL WHEN 'other' THEN NULL ELSE '?' END;
            IF severity = '?' THEN
                reason := format('severity %s is not Informational, Low, Medium, High or Critical', left((item -> 'severity')::text, 40));
                RETURN NEXT;
                RETURN;
            END IF;
        END IF;
        -- time: epoch seconds as Prowler writes it (OCSF milliseconds also
        -- read); time_dt has no zone (Prowler writes local time) and is used
        -- only when time is missing and it names its zone
        IF jsonb_typeof(item -> 'time') = 'number' THEN
            time_text := item ->> 'time';
            observed_at := srm_internal.capture_time(CASE WHEN time_text::numeric > 100000000000 THEN (time_text::numeric / 1000)::text
                                                          ELSE time_text END);
        ELSIF item ? 'time' THEN
            reason := format('time is %s, not a number (epoch seconds)', srm_internal.json_kind(item -> 'time'));
            RETURN NEXT;
            RETURN;
        ELSIF item ->> 'time_dt' ~ '(Z|[+-]\d\d:?\d\d)$' THEN
            time_text := item ->> 'time_dt';
            observed_at := srm_internal.capture_time(time_text);
        ELSE
            reason := 'no time: time is missing and time_dt names no time zone';
            RETURN NEXT;
            RETURN;
        END IF;
        IF observed_at IS NULL THEN
            reason := format('time %s is not a time', left(time_text, 60));
            RETURN NEXT;
            RETURN;
        END IF;
        account_id := btrim(item #>> '{cloud,account,uid}');
        IF jsonb_typeof(item -> 'resources') IS DISTINCT FROM 'array' OR jsonb_array_length(item -> 'resources') = 0 THEN
            reason := format('no resource: resources is %s', CASE WHEN jsonb_typeof(item -> 'resources') = 'array' THEN 'an empty array'
                                                                  ELSE srm_internal.json_kind(item -> 'resources') END);
            RETURN NEXT;
            RETURN;
        END IF;
        res := item -> 'resources' -> 0;
        IF jsonb_typeof(res) IS DISTINCT FROM 'object' THEN
            reason := format('no resource: resources[0] is %s, not an object', srm_internal.json_kind(res));
            RETURN NEXT;
            RETURN;
        END IF;
        IF jsonb_typeof(res -> 'uid') IS DISTINCT FROM 'string' OR btrim(res ->> 'uid') = '' THEN
            reason := format('no resource: resources[0].uid is %s', CASE WHEN jsonb_typeof(res -> 'uid') = 'string' THEN 'empty'
                                                                       ELSE srm_internal.json_kind(res -> 'uid') END);
            RETURN NEXT;
            RETURN;
        END IF;
        resource_id := btrim(res ->> 'uid');
        resource_type := nullif(res ->> 'type', '');
        region := lower(btrim(coalesce(res ->> 'region', item #>> '{cloud,region}')));
        -- the compliance Prowler lists: {"NIST-800-53-Revision-5": ["ac_2_1", ...], ...}
        IF jsonb_typeof(item #> '{unmapped,compliance}') = 'object' THEN
            FOR e IN SELECT k, x FROM jsonb_each(item #> '{unmapped,compliance}') AS j(k, x)
                     WHERE srm_internal.control_form(k) = 'nist-800-53-r5:' LOOP
                IF jsonb_typeof(e.x) <> 'array' THEN
                    reason := format('unmapped.compliance."%s" is %s, not an array', e.k, srm_internal.json_kind(e.x));
                    RETURN NEXT;
                    RETURN;
                END IF;
                SELECT reqs || coalesce(array_agg(x #>> '{}'), '{}') INTO reqs FROM jsonb_array_elements(e.x) x;
            END LOOP;
        END IF;
    END IF;

    IF account_id !~ '^[0-9]{12}$' THEN
        reason := format('account "%s" is not a 12-digit AWS account id', left(account_id, 40));
        RETURN NEXT;
        RETURN;
    END IF;
    IF region = '' THEN
        region := NULL;
    END IF;

    -- the resource: its ARN when the id is one; its service from its type,
    -- else (Other, or a type srm does not know) from its id
    IF resource_id ~ '^arn:' THEN
        arn := resource_id;
    END IF;
    IF resource_type IS NOT NULL AND resource_type <> 'Other' THEN
        SELECT r.service_namespace INTO service_namespace FROM srm.resolve_asset(resource_type) r;
    END IF;
    IF service_namespace IS NULL THEN
        SELECT r.service_namespace INTO service_namespace FROM srm.resolve_asset(resource_id) r;
    END IF;

    -- the controls: each requirement the finding names (a Prowler
    -- requirement id as Prowler's mapping reads it, any other id in any
    -- form srm reads), and the scanner's published mapping of the check
    controls := '{}';
    FOREACH req IN ARRAY reqs LOOP
        c := NULL;
        IF scanner = 'prowler' THEN
            SELECT m.control_id INTO c FROM srm.check_control m
            WHERE m.scanner = 'prowler' AND m.requirement_id = req AND m.framework_id = 'nist-800-53-r5' LIMIT 1;
        END IF;
        IF c IS NULL THEN
            -- as srm.resolve_control reads it; the key computed once, then
            -- looked up by the primary key
            key := regexp_replace(srm_internal.control_key('nist-800-53-r5:' || req), '^nist-800-53-r5:', '');
            SELECT k.control_id INTO c FROM srm.control k WHERE k.framework_id = 'nist-800-53-r5' AND k.control_id = key;
        END IF;
        IF c IS NULL THEN
            bad := coalesce(bad || ', ', '') || format('"%s"', left(req, 40));
        ELSIF NOT c = ANY (controls) THEN
            controls := controls || c;
        END IF;
    END LOOP;
    IF bad IS NOT NULL THEN
        reason := format('requirement %s names no control of nist-800-53-r5', bad);
        RETURN NEXT;
        RETURN;
    END IF;
    SELECT controls || coalesce(array_agg(DISTINCT m.control_id) FILTER (WHERE NOT m.control_id = ANY (controls)), '{}')
    INTO controls
    FROM srm.check_control m
    WHERE m.scanner = finding_read.scanner AND m.check_id = finding_read.check_id AND m.framework_id = 'nist-800-53-r5';
    SELECT coalesce(array_agg(x ORDER BY k.sort_id), '{}') INTO controls
    FROM unnest(controls) x JOIN srm.control k ON k.framework_id = 'nist-800-53-r5' AND k.control_id = x;
    IF cardinality(controls) = 0 THEN
        reason := format('check %s of %s evidences no control of nist-800-53-r5: the finding names no NIST SP 800-53 r5 requirement and srm has no mapping of the check',
                         left(check_id, 100), scanner);
        RETURN NEXT;
        RETURN;
    END IF;
    RETURN NEXT;
END
$$;
COMMENT ON FUNCTION srm_internal.finding_read(jsonb, text) IS
    'one finding (fmt asff or ocsf) read as srm.finding''s columns, controls included, or the reason it is rejected (the first thing wrong)';

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
        SELECT (e.i - 1)::integer AS idx, e.x AS item, r.*
        FROM jsonb_array_elements(items) WITH ORDINALITY AS e(x, i)
        CROSS JOIN LATERAL srm_internal.finding_read(e.x, fmt) r),
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
