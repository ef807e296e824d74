-- install/code/oscal.sql (code part): srm.oscal_ssp, an audit run as an OSCAL system security plan.
--
-- srm.oscal_ssp(run) writes the customer's system as audited in one run as
-- an OSCAL 1.1.3 SSP (JSON), valid against NIST's oscal_ssp_schema.json:
--   * one component per AWS service in the run (type service) besides the
--     this-system component; AWS is the leveraged authorization;
--   * one implemented-requirement per control of the run, with one
--     by-component per service whose export says what AWS provides
--     (provided) and what is left to the customer (responsibilities), as
--     srm.oscal_export(responsibility) says, and one by-component on
--     this-system that inherits every provided part and satisfies the
--     responsibilities the customer recorded a status for (one with no
--     status is a gap, not satisfied), as NIST's leveraged / leveraging
--     example pair does;
--   * control-origination props (FedRAMP namespace) from
--     srm.fedramp_origination(responsibility, 'customer');
--   * implementation-status from the statuses the run recorded.
--
-- UUIDs are name-based (srm_internal.uuid5ish) and assigned per subject, as OSCAL
-- asks: the same system (framework, baseline, accounts in scope), control
-- and service keep the same uuid in every run, so the output for a run is
-- the same every time and successive runs are revisions of one document.

-------------------------------------------------------------------------------
-- Name-based UUIDs
-------------------------------------------------------------------------------

CREATE FUNCTION srm_internal.uuid5ish(namespace text, name text)
RETURNS uuid
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
-- in C (src/uuid5ish.c) since 0.5.0: a plan of a large run names about
-- 100,000 things, and the SQL definition cost ten times its SHA-256
AS 'MODULE_PATHNAME', 'srm_uuid5ish';
COMMENT ON FUNCTION srm_internal.uuid5ish(text, text) IS
    'a name-based UUID in the manner of RFC 4122 version 5: the first 16 bytes of SHA-256 over the (length-prefixed) namespace and the name, with the version nibble set to 5 and the RFC 4122 variant bits; the same namespace and name always give the same uuid, which OSCAL''s uuid pattern (versions 4 and 5 only) accepts';

-------------------------------------------------------------------------------
-- Implementation status of a group of findings
-------------------------------------------------------------------------------

CREATE FUNCTION srm_internal.oscal_implementation_status(counts jsonb)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    -- the kinds in the order remarks list them, and their words
    kinds  constant text[] := ARRAY['implemented', 'alternative', 'partial', 'planned', 'not-applicable', 'inherited', 'none'];
    words  constant text[] := ARRAY['implemented', 'alternative', 'partial', 'planned', 'not applicable',
                                    'inherited from AWS (no customer part)', 'no status recorded — customer gap'];
    n      bigint[] := '{}';
    total  bigint := 0;
    parts  text[] := '{}';
    present text[] := '{}';
    st     text;
    i      integer;
BEGIN
    FOR i IN 1 .. array_length(kinds, 1) LOOP
        n[i] := coalesce((counts ->> kinds[i])::bigint, 0);
        IF n[i] < 0 THEN
            RAISE EXCEPTION 'negative count % for "%"', n[i], kinds[i] USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF n[i] > 0 THEN
            total := total + n[i];
            present := present || kinds[i];
            parts := parts || format('%s %s', n[i], words[i]);
        END IF;
    END LOOP;

    IF total = 0 OR present = ARRAY['none'] THEN
        RETURN jsonb_build_object('state', 'planned', 'remarks', 'no status recorded — customer gap');
    ELSIF array_length(present, 1) = 1 THEN
        st := CASE present[1] WHEN 'inherited' THEN 'implemented' ELSE present[1] END;
        RETURN jsonb_build_object('state', st, 'remarks',
            CASE present[1]
                WHEN 'inherited' THEN 'inherited from AWS: the customer has no part'
                ELSE format('all %s asset x control pairs %s', total, words[array_position(kinds, present[1])])
            END);
    ELSIF present <@ ARRAY['implemented', 'alternative', 'not-applicable', 'inherited'] THEN
        st := CASE WHEN 'alternative' = ANY (present) THEN 'alternative' ELSE 'implemented' END;
    ELSIF present <@ ARRAY['planned', 'none', 'not-applicable'] THEN
        st := 'planned';
    ELSE
        st := 'partial';
    END IF;
    RETURN jsonb_build_object('state', st,
                              'remarks', 'asset x control pairs: ' || array_to_string(parts, '; '));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_implementation_status(jsonb) IS
    'OSCAL implementation-status {state, remarks} of a group of findings, given how many asset x control pairs have each status ({"implemented": n, "alternative": n, "partial": n, "planned": n, "not-applicable": n, plus "inherited": no status and no customer part, "none": no status though the customer takes part}): one kind gives its own state (inherited gives implemented, none gives planned with remarks "no status recorded — customer gap"); a mix of done kinds gives implemented (alternative if any), a mix of not-done kinds planned, anything else partial; remarks count each kind';

-------------------------------------------------------------------------------
-- Prose
-------------------------------------------------------------------------------

CREATE FUNCTION srm_internal.oscal_count(n bigint, noun text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN n::text || ' ' || noun || CASE WHEN n = 1 THEN '' ELSE 's' END;
COMMENT ON FUNCTION srm_internal.oscal_count(bigint, text) IS
    'a count with its noun for the prose of srm.oscal_ssp: 1 asset, 2 assets';

-------------------------------------------------------------------------------
-- What a plan is about: its subject, the run's scope and services, the
-- profile it answers and the attestations it cites.  Every function takes
-- the id of a finished run (srm.oscal_ssp checks it).
-------------------------------------------------------------------------------

-- ' MODERATE baseline', or '' for a run without a baseline
CREATE FUNCTION srm_internal.oscal_baseline_label(baseline text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN baseline IS NULL THEN '' ELSE ' ' || baseline || ' baseline' END;
COMMENT ON FUNCTION srm_internal.oscal_baseline_label(text) IS
    'the words a baseline adds to a title in srm.oscal_ssp: '' MODERATE baseline'', or '''' for none';

-- the subject, which names every uuid of the plan: framework, baseline and
-- the accounts in scope, so that successive runs are revisions of one plan
CREATE FUNCTION srm_internal.oscal_subject(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_run srm.audit_run;
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_subject.run;
    RETURN format('srm-ssp:%s:%s:%s', v_run.framework_id, coalesce(v_run.baseline, 'all-controls'),
                  coalesce((SELECT string_agg(x, ',' ORDER BY x) FROM unnest(v_run.accounts) x), 'all-accounts'));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_subject(bigint) IS
    'the name space of the uuids of a run''s plan in srm.oscal_ssp: framework, baseline and accounts in scope (the same system keeps its uuids across runs)';

-- Providers (0.6.0).  A run's services are named in the plan by a key: the
-- namespace for AWS's (so that the plan of a run of AWS alone is the same as
-- before, uuids included), provider:namespace for the others' (gcp:iam is
-- not AWS's iam); each service component is leveraged from its provider's
-- authorization, and the prose names the run's clouds.
CREATE FUNCTION srm_internal.oscal_service_key(provider text, service_namespace text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN provider = 'aws' THEN service_namespace ELSE provider || ':' || service_namespace END;
COMMENT ON FUNCTION srm_internal.oscal_service_key(text, text) IS
    'the key srm.oscal_ssp names a service by (in uuids and prose): its namespace for AWS, provider:namespace for Azure and Google Cloud';

CREATE FUNCTION srm_internal.oscal_key_provider(key text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN key LIKE '%:%' THEN split_part(key, ':', 1) ELSE 'aws' END;
COMMENT ON FUNCTION srm_internal.oscal_key_provider(text) IS
    'the provider of a service key of srm.oscal_ssp (srm_internal.oscal_service_key)';

-- the clouds of a run, for the plan's prose: AWS, or e.g. "AWS, Microsoft
-- Azure and Google Cloud"
CREATE FUNCTION srm_internal.oscal_clouds(run bigint)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
SELECT CASE WHEN cardinality(n.names) > 1
            THEN array_to_string(n.names[1:cardinality(n.names) - 1], ', ') || ' and ' || n.names[cardinality(n.names)]
            ELSE coalesce(n.names[1], 'AWS') END
FROM (SELECT ARRAY(SELECT srm_internal.provider_name(p) FROM unnest(srm_internal.report_providers(oscal_clouds.run)) p) AS names) n;
END;
COMMENT ON FUNCTION srm_internal.oscal_clouds(bigint) IS
    'the providers of an audit run''s assets by name, for the prose of srm.oscal_ssp: AWS (also for a run without assets), or e.g. AWS, Microsoft Azure and Google Cloud';

-- the services of a run: those of its known assets and of its findings
CREATE FUNCTION srm_internal.oscal_services(run bigint)
RETURNS TABLE (name text, service_namespace text, n bigint)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT coalesce(s.name, q.service_namespace) AS name, srm_internal.oscal_service_key(q.provider, q.service_namespace), q.n
    FROM (SELECT provider, service_namespace, sum(n)::bigint AS n
          FROM (SELECT x.provider, service_namespace, count(*) AS n FROM srm.audit_asset x
                WHERE x.run_id = oscal_services.run AND known AND service_namespace IS NOT NULL GROUP BY x.provider, service_namespace
                UNION ALL
                SELECT DISTINCT f.provider, f.service_namespace, 0 FROM srm.audit_finding f WHERE f.run_id = oscal_services.run) u
          GROUP BY provider, service_namespace) q
    LEFT JOIN srm.service s ON s.provider = q.provider AND s.service_namespace = q.service_namespace;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_services(bigint) IS
    'the services of an audit run (of its known assets and of its findings), of every provider, with their names, keys (srm_internal.oscal_service_key: the namespace for AWS, provider:namespace otherwise) and number of assets, for srm.oscal_ssp';

-- what the run covered, in figures and lists for the plan's prose:
-- {"n": assets, "unknown": n, "accounts": "…", "n_accounts": n, "account_ids": "…",
--  "regions": "…", "n_regions": n, "services": "…", "n_services": n}
CREATE FUNCTION srm_internal.oscal_scope(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_acc jsonb;
BEGIN
    -- the run's assets counted once per account x region (not kept whole
    -- and read five times: a large run has 100,000 of them)
    WITH a AS MATERIALIZED (
        SELECT x.account_id, x.region, count(*) AS n, count(*) FILTER (WHERE NOT x.known) AS unknown
        FROM srm.audit_asset x WHERE x.run_id = oscal_scope.run
        GROUP BY x.account_id, x.region
    ), acc AS (
        SELECT string_agg(format('%s (%s)', account_id, srm_internal.oscal_count(n, 'asset')), ', ' ORDER BY account_id) AS s, count(*) AS k,
               string_agg(account_id, ', ' ORDER BY account_id) AS ids
        FROM (SELECT account_id, sum(n)::bigint AS n FROM a GROUP BY account_id) q
    ), reg AS (
        SELECT string_agg(format('%s (%s)', region, srm_internal.oscal_count(n, 'asset')), ', ' ORDER BY region) AS s, count(*) AS k
        FROM (SELECT region, sum(n)::bigint AS n FROM a GROUP BY region) q
    ), svc AS (
        SELECT * FROM srm_internal.oscal_services(oscal_scope.run)
    )
    SELECT jsonb_build_object(
               'n', (SELECT coalesce(sum(n), 0)::bigint FROM a),
               'unknown', (SELECT coalesce(sum(unknown), 0)::bigint FROM a),
               'accounts', coalesce((SELECT s FROM acc), 'none'),
               'n_accounts', (SELECT k FROM acc),
               'account_ids', coalesce((SELECT ids FROM acc), 'none'),
               'regions', coalesce((SELECT s FROM reg), 'none'),
               'n_regions', (SELECT k FROM reg),
               'services', coalesce((SELECT string_agg(format('%s (%s, %s)', name, service_namespace, srm_internal.oscal_count(n, 'asset')), ', '
                                                       ORDER BY service_namespace) FROM svc), 'none'),
               'n_services', (SELECT count(*) FROM svc))
      INTO v_acc;
    RETURN v_acc;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_scope(bigint) IS
    'what an audit run covered, for the prose of srm.oscal_ssp: assets, unknown assets, accounts, regions and services, as counts and as lists';

-- the profile the plan answers when there is no OSCAL profile to import
-- (null for a NIST baseline: the plan imports NIST's own profile)
CREATE FUNCTION srm_internal.oscal_profile_resource(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_run srm.audit_run;
    v_fw  srm.framework;
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_profile_resource.run;
    IF v_run.framework_id = 'nist-800-53-r5' AND v_run.baseline IS NOT NULL THEN
        RETURN NULL;
    END IF;
    SELECT * INTO v_fw FROM srm.framework f WHERE f.framework_id = v_run.framework_id;
    RETURN jsonb_build_object(
        'uuid', srm_internal.uuid5ish(srm_internal.oscal_subject(run), 'resource:profile'),
        'title', v_fw.name || srm_internal.oscal_baseline_label(v_run.baseline),
        'description', format('%s, version %s, published by %s. Source: %s. %s',
                              v_fw.name, v_fw.version, v_fw.publisher, v_fw.source,
                              CASE WHEN v_run.framework_id = 'nist-800-53-r5'
                                   THEN 'No baseline was selected: every control of the catalog is in scope.'
                                   ELSE 'There is no OSCAL profile for this catalog; control ids are srm''s (srm.control).' END),
        'rlinks', jsonb_build_array(jsonb_build_object('href',
            CASE WHEN v_run.framework_id = 'nist-800-53-r5'
                 THEN 'https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json'
                 ELSE 'https://aws.amazon.com/compliance/shared-responsibility-model/' END)));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_profile_resource(bigint) IS
    'the back-matter resource of srm.oscal_ssp that describes the catalog a run answers when there is no OSCAL profile to import (null for a NIST SP 800-53 baseline)';

-- AWS's attestations to cite, as back-matter resources (null if none)
CREATE FUNCTION srm_internal.oscal_attestations(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_ns     text := srm_internal.oscal_subject(run);
    v_attest jsonb;
BEGIN
    SELECT jsonb_agg(jsonb_build_object(
               'uuid', srm_internal.uuid5ish(v_ns, 'resource:attestation:' || t.name),
               'title', t.name,
               'description', format('Obtain from: %s. Source: %s.', t.obtain_from, t.source))
           ORDER BY t.name)
      INTO v_attest
      FROM srm.attestation t, srm.audit_run r
     WHERE r.run_id = oscal_attestations.run AND t.framework_id = r.framework_id
       AND (t.provider = 'aws' OR t.provider IN (SELECT a.provider FROM srm.audit_asset a WHERE a.run_id = oscal_attestations.run));
    RETURN v_attest;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_attestations(bigint) IS
    'the attestations of the providers of a run (AWS''s always, as before 0.6.0; Azure''s and Google''s when the run has their assets and srm.attestation has rows for them) for its framework, as back-matter resources of srm.oscal_ssp; null if there are none';

-------------------------------------------------------------------------------
-- The sections of the plan, in document order
-------------------------------------------------------------------------------

-- metadata: title, version, roles and parties
CREATE FUNCTION srm_internal.oscal_metadata(run bigint, scope jsonb)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_run  srm.audit_run;
    v_fw   srm.framework;
    v_ns   text := srm_internal.oscal_subject(run);
    v_ver  text;
    v_when text;
    v_clouds text := srm_internal.oscal_clouds(run);
    v_providers text[] := srm_internal.report_providers(run);
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_metadata.run;
    SELECT * INTO v_fw FROM srm.framework f WHERE f.framework_id = v_run.framework_id;
    v_ver  := coalesce((SELECT e.extversion FROM pg_catalog.pg_extension e WHERE e.extname = 'srm'), 'unknown');
    v_when := to_char(v_run.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    RETURN jsonb_build_object(
        'title', format('System security plan of the customer''s %s workloads: %s%s, srm audit run %s',
                        v_clouds, v_fw.name, srm_internal.oscal_baseline_label(v_run.baseline), run),
        'last-modified', v_when,
        'version', 'run-' || run,
        'oscal-version', '1.1.3',
        'roles', jsonb_build_array(
            jsonb_build_object('id', 'customer', 'title', 'Cloud customer',
                               'description', 'Owns this system and implements the customer''s part of each control (security in the cloud).'),
            jsonb_build_object('id', 'provider', 'title', 'Cloud service provider',
                               'description', 'Implements the provider''s part of each control (security of the cloud); its authorization is leveraged.')),
        'parties', jsonb_build_array(
            jsonb_build_object('uuid', srm_internal.uuid5ish(v_ns, 'party:customer'), 'type', 'organization', 'name', 'Cloud customer',
                               'remarks', format('Owner of the %s account(s) in scope: %s.',
                                                 CASE WHEN v_clouds = 'AWS' THEN 'AWS'
                                                      ELSE 'accounts, subscriptions and projects: ' || v_clouds END,
                                                 scope ->> 'account_ids')),
            jsonb_build_object('uuid', srm_internal.uuid5ish(v_ns, 'party:aws'), 'type', 'organization', 'name', 'Amazon Web Services', 'short-name', 'AWS',
                               'links', jsonb_build_array(jsonb_build_object(
                                   'href', 'https://aws.amazon.com/compliance/shared-responsibility-model/', 'rel', 'reference'))))
            || CASE WHEN 'azure' = ANY (v_providers) THEN jsonb_build_array(
                   jsonb_build_object('uuid', srm_internal.uuid5ish(v_ns, 'party:azure'), 'type', 'organization', 'name', 'Microsoft Azure', 'short-name', 'Azure',
                                      'links', jsonb_build_array(jsonb_build_object(
                                          'href', 'https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility', 'rel', 'reference'))))
                    ELSE '[]'::jsonb END
            || CASE WHEN 'gcp' = ANY (v_providers) THEN jsonb_build_array(
                   jsonb_build_object('uuid', srm_internal.uuid5ish(v_ns, 'party:gcp'), 'type', 'organization', 'name', 'Google Cloud', 'short-name', 'Google Cloud',
                                      'links', jsonb_build_array(jsonb_build_object(
                                          'href', 'https://cloud.google.com/architecture/framework/security/shared-responsibility-shared-fate', 'rel', 'reference'))))
                    ELSE '[]'::jsonb END,
        'responsible-parties', jsonb_build_array(
            jsonb_build_object('role-id', 'customer', 'party-uuids', jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:customer'))),
            jsonb_build_object('role-id', 'provider', 'party-uuids',
                               jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:aws'))
                               || CASE WHEN 'azure' = ANY (v_providers) THEN jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:azure')) ELSE '[]'::jsonb END
                               || CASE WHEN 'gcp' = ANY (v_providers) THEN jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:gcp')) ELSE '[]'::jsonb END)),
        'remarks', format('Written by srm %s from audit run %s (%s%s), started %s and finished %s, requested by %s.%s',
                          v_ver, run, v_run.framework_id, srm_internal.oscal_baseline_label(v_run.baseline),
                          to_char(v_run.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), v_when,
                          v_run.requested_by, coalesce(' Note: ' || v_run.note, '')));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_metadata(bigint, jsonb) IS
    'the metadata of srm.oscal_ssp for a run: title, last-modified (the end of the run), version, roles, the customer and the providers (AWS, and Microsoft Azure and Google Cloud when the run has their assets) as parties, and remarks on the run; scope is srm_internal.oscal_scope(run)';

-- import-profile: NIST's baseline profile, or the back-matter resource
CREATE FUNCTION srm_internal.oscal_import_profile(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_run srm.audit_run;
    v_fw  srm.framework;
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_import_profile.run;
    SELECT * INTO v_fw FROM srm.framework f WHERE f.framework_id = v_run.framework_id;
    RETURN jsonb_build_object(
        'href', CASE WHEN v_run.framework_id = 'nist-800-53-r5' AND v_run.baseline IS NOT NULL
                     THEN format('https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_%s-baseline_profile.json',
                                 v_run.baseline)
                     ELSE '#' || srm_internal.uuid5ish(srm_internal.oscal_subject(run), 'resource:profile') END,
        'remarks', CASE WHEN v_run.framework_id = 'nist-800-53-r5'
                        THEN format('%s%s. srm''s catalog is version %s.', v_fw.name, srm_internal.oscal_baseline_label(v_run.baseline), v_fw.version)
                        ELSE format('%s (srm catalog %s): see the back-matter resource.', v_fw.name, v_fw.framework_id) END);
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_import_profile(bigint) IS
    'the import-profile of srm.oscal_ssp for a run: NIST''s baseline profile, or the back-matter resource of srm_internal.oscal_profile_resource';

-- system-characteristics: the system, its sensitivity and its boundary
CREATE FUNCTION srm_internal.oscal_system_characteristics(run bigint, scope jsonb)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_run   srm.audit_run;
    v_fw    srm.framework;
    v_ns    text := srm_internal.oscal_subject(run);
    v_level text;          -- fips-199-low / -moderate / -high, or null
    v_clouds text := srm_internal.oscal_clouds(run);
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_system_characteristics.run;
    SELECT * INTO v_fw FROM srm.framework f WHERE f.framework_id = v_run.framework_id;
    v_level := CASE WHEN v_run.framework_id = 'nist-800-53-r5' AND v_run.baseline IN ('LOW', 'MODERATE', 'HIGH')
                    THEN 'fips-199-' || lower(v_run.baseline) END;
    RETURN jsonb_build_object(
        'system-ids', jsonb_build_array(jsonb_build_object(
            'identifier-type', 'https://ietf.org/rfc/rfc4122',
            'id', srm_internal.uuid5ish(v_ns, 'system')::text)),
        'system-name', format('Customer workloads on %s (%s account(s))', v_clouds, coalesce(scope ->> 'n_accounts', '0')),
        'description', format('The customer''s resources in %s as audited by srm run %s against %s%s: %s assets in %s account(s), %s region(s) and %s service(s). %s',
                              CASE WHEN v_clouds = 'AWS' THEN 'Amazon Web Services' ELSE v_clouds END, run, v_fw.name, srm_internal.oscal_baseline_label(v_run.baseline), scope ->> 'n', coalesce(scope ->> 'n_accounts', '0'),
                              coalesce(scope ->> 'n_regions', '0'), scope ->> 'n_services',
                              CASE WHEN v_clouds = 'AWS'
                                   THEN 'AWS is responsible for security of the cloud and the customer for security in the cloud; per control and service this plan says what the customer inherits from AWS and what is its own responsibility.'
                                   ELSE 'Each provider is responsible for security of its cloud and the customer for security in it; per control and service this plan says what the customer inherits from the service''s provider and what is its own responsibility. Accounts are AWS accounts, Azure subscriptions and Google Cloud projects.' END),
        'security-sensitivity-level', v_level,
        'system-information', jsonb_build_object('information-types', jsonb_build_array(
            jsonb_build_object(
                'uuid', srm_internal.uuid5ish(v_ns, 'information-type:customer-workloads'),
                'title', 'Customer workloads and data on ' || v_clouds,
                'description', 'The data the customer stores and processes with the ' || v_clouds || ' services in scope.'
                               || CASE WHEN v_level IS NULL THEN ' srm records no FIPS 199 categorization for it.'
                                       ELSE format(' Categorized %s, as the %s baseline assumes.', v_level, v_run.baseline) END,
                'confidentiality-impact', CASE WHEN v_level IS NOT NULL THEN jsonb_build_object('base', v_level) END,
                'integrity-impact', CASE WHEN v_level IS NOT NULL THEN jsonb_build_object('base', v_level) END,
                'availability-impact', CASE WHEN v_level IS NOT NULL THEN jsonb_build_object('base', v_level) END))),
        'security-impact-level', CASE WHEN v_level IS NOT NULL THEN jsonb_build_object(
            'security-objective-confidentiality', v_level,
            'security-objective-integrity', v_level,
            'security-objective-availability', v_level) END,
        'status', jsonb_build_object('state', 'operational'),
        'authorization-boundary', jsonb_build_object(
            'description', format('The ' || v_clouds || ' resources recorded in audit run %s: %s assets, %s of them of resource types srm does not know. Accounts: %s. Regions: %s. Services: %s.',
                                  run, scope ->> 'n', scope ->> 'unknown', scope ->> 'accounts',
                                  scope ->> 'regions', scope ->> 'services')));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_system_characteristics(bigint, jsonb) IS
    'the system-characteristics of srm.oscal_ssp for a run: system id and name, description, FIPS 199 level of a NIST baseline, information type, status and authorization boundary; scope is srm_internal.oscal_scope(run)';

-- one component per AWS service of the run
CREATE FUNCTION srm_internal.oscal_service_components(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    srm_ns  constant text := 'urn:srm:oscal';                 -- srm's own prop names
    v_ns    text := srm_internal.oscal_subject(run);
    v_comps jsonb;
BEGIN
    SELECT jsonb_agg(jsonb_build_object(
               'uuid', srm_internal.uuid5ish(v_ns, 'component:service:' || svc.service_namespace),
               'type', 'service',
               'title', svc.name,
               'description', format('%s, the %s service with namespace %s%s: %s of this system.',
                                     svc.name, srm_internal.provider_name(k.provider), k.ns,
                                     coalesce(', ' || m.name || ' service model', ''), srm_internal.oscal_count(svc.n, 'asset')),
               'props', jsonb_build_array(
                            jsonb_build_object('name', 'service-namespace', 'ns', srm_ns, 'value', k.ns))
                        || CASE WHEN k.provider = 'aws' THEN '[]'::jsonb ELSE jsonb_build_array(
                            jsonb_build_object('name', 'provider', 'ns', srm_ns, 'value', k.provider)) END
                        || CASE WHEN s.model_id IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(
                            jsonb_build_object('name', 'service-model', 'ns', srm_ns, 'value', s.model_id)) END
                        || jsonb_build_array(
                            jsonb_build_object('name', 'implementation-point', 'value', 'external'),
                            jsonb_build_object('name', 'leveraged-authorization-uuid', 'value',
                                               srm_internal.uuid5ish(v_ns, 'leveraged-authorization:' || k.provider)::text)),
               'status', jsonb_build_object('state', 'operational'),
               'responsible-roles', jsonb_build_array(jsonb_build_object('role-id', 'provider', 'party-uuids',
                                                                          jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:' || k.provider)))),
               'remarks', format('%s in audit run %s.', srm_internal.oscal_count(svc.n, 'asset'), run))
           ORDER BY svc.service_namespace)
      INTO v_comps
      FROM srm_internal.oscal_services(run) svc
      CROSS JOIN LATERAL (SELECT srm_internal.oscal_key_provider(svc.service_namespace) AS provider,
                                 regexp_replace(svc.service_namespace, '^[a-z]+:', '') AS ns) k
      LEFT JOIN srm.service s ON s.provider = k.provider AND s.service_namespace = k.ns
      LEFT JOIN srm.service_model m ON m.model_id = s.model_id;
    RETURN v_comps;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_service_components(bigint) IS
    'the components of srm.oscal_ssp for the services of a run (type service, each leveraged from its provider''s authorization; a provider prop for Azure''s and Google''s); null if the run has none';

-- system-implementation: AWS's leveraged authorization, the users, and the
-- components (this system, then one per service)
CREATE FUNCTION srm_internal.oscal_system_implementation(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    srm_ns constant text := 'urn:srm:oscal';                 -- srm's own prop names
    v_run  srm.audit_run;
    v_ns   text := srm_internal.oscal_subject(run);
    v_clouds text := srm_internal.oscal_clouds(run);
    v_providers text[] := srm_internal.report_providers(run);
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_system_implementation.run;
    RETURN jsonb_build_object(
        'leveraged-authorizations', jsonb_build_array(jsonb_build_object(
            'uuid', srm_internal.uuid5ish(v_ns, 'leveraged-authorization:aws'),
            'title', 'Amazon Web Services (AWS): FedRAMP authorization',
            'props', jsonb_build_array(jsonb_build_object('name', 'leveraged-system-identifier', 'ns', srm_ns, 'value', 'aws')),
            'links', (SELECT jsonb_agg(jsonb_build_object('href', '#' || (x ->> 'uuid'), 'rel', 'reference'))
                      FROM jsonb_array_elements(srm_internal.oscal_attestations(run)) x),
            'party-uuid', srm_internal.uuid5ish(v_ns, 'party:aws'),
            'date-authorized', to_char(v_run.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
            'remarks', format('srm does not record the date of AWS''s authorization: date-authorized is the date of audit run %s. Replace it with the date in the AWS FedRAMP package (AWS Artifact or the FedRAMP marketplace).', run)))
            || (SELECT coalesce(jsonb_agg(jsonb_build_object(
                    'uuid', srm_internal.uuid5ish(v_ns, 'leveraged-authorization:' || p.provider),
                    'title', srm_internal.provider_name(p.provider) || ': FedRAMP authorization',
                    'props', jsonb_build_array(jsonb_build_object('name', 'leveraged-system-identifier', 'ns', srm_ns, 'value', p.provider)),
                    'party-uuid', srm_internal.uuid5ish(v_ns, 'party:' || p.provider),
                    'date-authorized', to_char(v_run.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
                    'remarks', format('srm does not record the date of %s''s authorization, nor its attestations: date-authorized is the date of audit run %s. Replace it with the date in the %s FedRAMP package (%s or the FedRAMP marketplace).',
                                      srm_internal.provider_name(p.provider), run, srm_internal.provider_name(p.provider),
                                      CASE p.provider WHEN 'azure' THEN 'the Microsoft Service Trust Portal'
                                                      ELSE 'the Google Cloud Compliance Reports Manager' END))
                    ORDER BY p.provider), '[]'::jsonb)
                FROM unnest(v_providers) p(provider) WHERE p.provider <> 'aws'),
        'users', jsonb_build_array(jsonb_build_object(
            'uuid', srm_internal.uuid5ish(v_ns, 'user:customer-administrator'),
            'title', 'Customer cloud administrator',
            'role-ids', jsonb_build_array('customer'),
            'authorized-privileges', jsonb_build_array(jsonb_build_object(
                'title', 'Administrator',
                'functions-performed', jsonb_build_array(
                    'Configures the ' || v_clouds || ' services in scope and implements the customer''s part of each control'))))),
        'components', jsonb_build_array(jsonb_build_object(
                'uuid', srm_internal.uuid5ish(v_ns, 'component:this-system'),
                'type', 'this-system',
                'title', 'This system: the customer''s workloads on ' || v_clouds,
                'description', 'The whole system within the authorization boundary. It inherits what '
                               || CASE WHEN v_clouds = 'AWS' THEN 'AWS provides' ELSE 'each service''s provider provides' END
                               || ' for each control and satisfies the customer''s responsibilities.',
                'status', jsonb_build_object('state', 'operational'),
                'responsible-roles', jsonb_build_array(jsonb_build_object('role-id', 'customer', 'party-uuids',
                                                                           jsonb_build_array(srm_internal.uuid5ish(v_ns, 'party:customer'))))))
            || coalesce(srm_internal.oscal_service_components(run), '[]'::jsonb));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_system_implementation(bigint) IS
    'the system-implementation of srm.oscal_ssp for a run: AWS as leveraged authorization (citing the attestations), and Microsoft Azure and Google Cloud when the run has their assets, the customer administrator, the this-system component and one component per service';

-- the by-component of one control on one AWS service: what AWS provides
-- (export provided) and what is the customer's (export responsibilities)
CREATE FUNCTION srm_internal.oscal_service_by_component(subject text, control_id text, service_namespace text, label text,
                                                        resp srm.responsibility, cust srm.responsibility, exp text[],
                                                        status jsonb, n_assets bigint, n_accounts bigint, n_gaps bigint)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cust_words text[] := srm.fedramp_origination(cust, 'customer');
    u_prov     uuid := srm_internal.uuid5ish(subject, 'provided:' || control_id || ':' || service_namespace);
    u_resp     uuid := srm_internal.uuid5ish(subject, 'responsibility:' || control_id || ':' || service_namespace);
    -- service_namespace is the service's key (srm_internal.oscal_service_key)
    who        text := srm_internal.provider_name(srm_internal.oscal_key_provider(service_namespace));
BEGIN
    RETURN jsonb_build_object(
        'component-uuid', srm_internal.uuid5ish(subject, 'component:service:' || service_namespace),
        'uuid', srm_internal.uuid5ish(subject, 'by-component:' || control_id || ':' || service_namespace),
        'description', format('%s on %s: %s (%s).%s', label, service_namespace, resp::text,
                              srm.aws_class(resp)::text,
                              CASE WHEN resp OPERATOR(srm.@>) 'partner'
                                   THEN ' A partner takes part too.' ELSE '' END),
        'implementation-status', status,
        'export', CASE WHEN cardinality(exp) > 0 THEN jsonb_build_object(
            'provided', CASE WHEN 'provided' = ANY (exp) THEN jsonb_build_array(jsonb_build_object(
                'uuid', u_prov,
                'description', format('%s implements %s %s on %s.', who,
                                      CASE WHEN 'responsibility' = ANY (exp) THEN 'its part of' ELSE 'all of' END,
                                      label, service_namespace),
                'responsible-roles', jsonb_build_array(jsonb_build_object('role-id', 'provider')))) END,
            'responsibilities', CASE WHEN 'responsibility' = ANY (exp) THEN jsonb_build_array(jsonb_build_object(
                'uuid', u_resp,
                'provided-uuid', CASE WHEN 'provided' = ANY (exp) THEN u_prov END,
                'description', format('The customer %s for %s on %s: %s.',
                                      CASE WHEN cust_words @> ARRAY['customer-configured', 'customer-provided']
                                           THEN 'configures what ' || who || ' offers and provides the rest itself'
                                           WHEN 'customer-configured' = ANY (cust_words)
                                           THEN 'configures what ' || who || ' offers'
                                           ELSE 'provides it itself' END,
                                      label, service_namespace, cust::text),
                'responsible-roles', jsonb_build_array(jsonb_build_object('role-id', 'customer')))) END) END,
        'remarks', format('%s in %s; %s.', srm_internal.oscal_count(n_assets, 'asset'),
                          srm_internal.oscal_count(n_accounts, 'account'),
                          srm_internal.oscal_count(n_gaps, 'customer gap')));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_service_by_component(text, text, text, text, srm.responsibility, srm.responsibility, text[], jsonb, bigint, bigint, bigint) IS
    'the by-component of one control on one service in srm.oscal_ssp (service_namespace: its key, srm_internal.oscal_service_key): description, implementation status, and the export of what its provider provides (provided) and what is the customer''s (responsibilities, srm.oscal_export), with uuids named in subject';

-- the implemented requirements: one per control of the run, with one
-- by-component on this system and one per service
CREATE FUNCTION srm_internal.oscal_implemented_requirements(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    srm_ns constant text := 'urn:srm:oscal';                 -- srm's own prop names
    fr_ns  constant text := 'https://fedramp.gov/ns/oscal';  -- FedRAMP's
    v_run  srm.audit_run;
    v_ns   text := srm_internal.oscal_subject(run);
    u_this uuid := srm_internal.uuid5ish(v_ns, 'component:this-system');
    v_reqs jsonb;
    v_aws_only boolean := NOT srm_internal.report_multi_provider(run);
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_implemented_requirements.run;

    -- the controls: per control x service (its key: srm_internal.oscal_service_key),
    -- then per control
    WITH f AS (
        SELECT f.control_id, srm_internal.oscal_service_key(f.provider, f.service_namespace) AS service_namespace, f.account_id, f.responsibility, f.customer_part,
               f.evidence, f.gap, f.assets, f.accounts, f.folded,
               CASE WHEN f.status IS NOT NULL THEN f.status
                    WHEN f.customer_part::text <> 'not applicable' THEN 'none'
                    WHEN f.responsibility::text = 'not applicable' THEN 'not-applicable'
                    ELSE 'inherited' END AS st,
               -- a control x service that speaks for no asset still counts its rows once
               CASE WHEN sum(f.assets) OVER (PARTITION BY f.control_id, f.service_namespace) > 0
                    THEN f.assets ELSE 1 END AS w
        FROM srm_internal.audit_fold f
        WHERE f.run_id = run
    ), cs AS (
        SELECT f.control_id, f.service_namespace,
               srm.responsibility_agg(f.responsibility) FILTER (WHERE f.w > 0) AS resp,
               srm.responsibility_agg(f.customer_part) FILTER (WHERE f.w > 0) AS cust,
               sum(f.assets) AS n_assets,
               -- the accounts with the service (below), or for a run of 0.2.0,
               -- which has no groups, those of its findings
               count(DISTINCT f.account_id) AS n_accounts,
               coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS n_gaps,
               jsonb_build_object(
                   'implemented',    sum(f.w) FILTER (WHERE f.st = 'implemented'),
                   'alternative',    sum(f.w) FILTER (WHERE f.st = 'alternative'),
                   'partial',        sum(f.w) FILTER (WHERE f.st = 'partial'),
                   'planned',        sum(f.w) FILTER (WHERE f.st = 'planned'),
                   'not-applicable', sum(f.w) FILTER (WHERE f.st = 'not-applicable'),
                   'inherited',      sum(f.w) FILTER (WHERE f.st = 'inherited'),
                   'none',           sum(f.w) FILTER (WHERE f.st = 'none')) AS counts,
               (array_agg(DISTINCT f.evidence ORDER BY f.evidence) FILTER (WHERE f.evidence ~ '\S'))[1:3] AS evidence
        FROM f
        GROUP BY f.control_id, f.service_namespace
    ), acc AS (
        -- every control of a run covers every group: the accounts per service
        SELECT srm_internal.oscal_service_key(g.provider, g.service_namespace) AS service_namespace, count(DISTINCT g.account_id) AS n
        FROM srm.audit_group g WHERE g.run_id = oscal_implemented_requirements.run
        GROUP BY 1
    ), chk AS (
        -- the failing checks the run saw per control x service: of its
        -- assets, and of the accounts with assets on the service (a check of
        -- the account speaks for each of its assets)
        SELECT x.control_id, x.service_namespace,
               'Failing checks: ' || string_agg(x.said, '; ' ORDER BY x.ord, x.said) || '.' AS said
        FROM (SELECT k.control_id, srm_internal.oscal_service_key(k.provider, k.service_namespace) AS service_namespace, 1 AS ord,
                     format('%s on %s', c, srm_internal.oscal_count(count(*), 'asset')) AS said
              FROM srm.audit_check k CROSS JOIN LATERAL unnest(k.failed_checks) c
              WHERE k.run_id = oscal_implemented_requirements.run AND k.asset_id IS NOT NULL AND k.check_result = 'failed'
              GROUP BY k.control_id, 2, c
              UNION ALL
              SELECT k.control_id, g.service_namespace, 2,
                     format('%s on account %s (each of its assets)', c, k.account_id)
              FROM srm.audit_check k CROSS JOIN LATERAL unnest(k.failed_checks) c
              JOIN (SELECT DISTINCT g.provider, g.account_id, srm_internal.oscal_service_key(g.provider, g.service_namespace) AS service_namespace
                    FROM srm.audit_group g
                    WHERE g.run_id = oscal_implemented_requirements.run) g ON g.provider = k.provider AND g.account_id = k.account_id
              WHERE k.run_id = oscal_implemented_requirements.run AND k.asset_id IS NULL AND k.check_result = 'failed') x
        GROUP BY x.control_id, x.service_namespace
    ), cs2 AS (
        SELECT cs.*,
               -- the label and title as the run kept them, else (a run of
               -- 0.2.0) as the catalog has them
               coalesce(t.label, c.label, cs.control_id) AS label,
               coalesce(t.title, c.title, '') AS title,
               c.sort_id,
               srm.oscal_export(cs.resp) AS exp,
               -- its remarks name the service's provider ('inherited from AWS' as before for AWS's)
               CASE WHEN srm_internal.oscal_key_provider(cs.service_namespace) = 'aws'
                    THEN srm_internal.oscal_implementation_status(cs.counts)
                    ELSE replace(srm_internal.oscal_implementation_status(cs.counts)::text, 'inherited from AWS',
                                 'inherited from ' || srm_internal.provider_name(srm_internal.oscal_key_provider(cs.service_namespace)))::jsonb
               END AS status,
               srm_internal.uuid5ish(v_ns, 'provided:' || cs.control_id || ':' || cs.service_namespace) AS u_prov,
               srm_internal.uuid5ish(v_ns, 'responsibility:' || cs.control_id || ':' || cs.service_namespace) AS u_resp
        FROM cs
        LEFT JOIN srm_internal.audit_control t ON t.run_id = v_run.run_id AND t.control_id = cs.control_id
        LEFT JOIN srm.control c ON c.framework_id = v_run.framework_id AND c.control_id = cs.control_id
    ), cs3 AS (
        SELECT cs2.*,
               'provided' = ANY (cs2.exp) AS has_prov,
               'responsibility' = ANY (cs2.exp) AS has_resp,
               -- the service's by-component: what AWS provides, what is the customer's
               srm_internal.oscal_service_by_component(v_ns, cs2.control_id, cs2.service_namespace, cs2.label,
                                                       cs2.resp, cs2.cust, cs2.exp, cs2.status,
                                                       cs2.n_assets, coalesce(a.n, cs2.n_accounts), cs2.n_gaps)
               -- the failing checks where the customer takes part
               || CASE WHEN k.said IS NOT NULL AND cs2.cust::text <> 'not applicable'
                       THEN jsonb_build_object('remarks', format('%s in %s; %s. %s', srm_internal.oscal_count(cs2.n_assets, 'asset'),
                                                                 srm_internal.oscal_count(coalesce(a.n, cs2.n_accounts), 'account'),
                                                                 srm_internal.oscal_count(cs2.n_gaps, 'customer gap'), k.said))
                       ELSE '{}'::jsonb END AS bc
        FROM cs2
        LEFT JOIN acc a ON a.service_namespace = cs2.service_namespace
        LEFT JOIN chk k ON k.control_id = cs2.control_id AND k.service_namespace = cs2.service_namespace
    ), ctl AS (
        SELECT cs3.control_id,
               min(cs3.label) AS label, min(cs3.title) AS title, min(cs3.sort_id) AS sort_id,
               srm.responsibility_agg(cs3.resp) AS resp,
               sum(cs3.n_assets) AS n_assets,
               count(*) AS n_services,
               sum(cs3.n_gaps) AS n_gaps,
               count(*) FILTER (WHERE cs3.has_prov) AS n_prov,
               count(*) FILTER (WHERE cs3.has_resp) AS n_resp,
               count(*) FILTER (WHERE cardinality(cs3.exp) = 0) AS n_neither,
               -- kept as jsonb[] (no copy of their contents) until the by-components are built
               array_agg(cs3.bc ORDER BY cs3.service_namespace) AS bcs,
               jsonb_agg(jsonb_build_object(
                             'uuid', srm_internal.uuid5ish(v_ns, 'inherited:' || cs3.control_id || ':' || cs3.service_namespace),
                             'provided-uuid', cs3.u_prov,
                             'description', format('Inherited from %s on %s.',
                                                   srm_internal.provider_name(srm_internal.oscal_key_provider(cs3.service_namespace)),
                                                   cs3.service_namespace))
                         ORDER BY cs3.service_namespace) FILTER (WHERE cs3.has_prov) AS inherited,
               jsonb_agg(jsonb_build_object(
                             'uuid', srm_internal.uuid5ish(v_ns, 'satisfied:' || cs3.control_id || ':' || cs3.service_namespace),
                             'responsibility-uuid', cs3.u_resp,
                             'description', format('On %s: %s (%s).', cs3.service_namespace,
                                                   cs3.status ->> 'state', cs3.status ->> 'remarks'),
                             'remarks', CASE WHEN cs3.evidence IS NOT NULL
                                             THEN 'Evidence: ' || array_to_string(cs3.evidence, '; ') END)
                         ORDER BY cs3.service_namespace)
                   -- a responsibility nobody recorded a status for is not satisfied: it is a gap
                   FILTER (WHERE cs3.has_resp AND cs3.status ->> 'remarks' <> 'no status recorded — customer gap') AS satisfied
        FROM cs3
        GROUP BY cs3.control_id
    ), ctl_status AS (
        SELECT f.control_id,
               srm_internal.oscal_implementation_status(jsonb_build_object(
                   'implemented',    sum(f.w) FILTER (WHERE f.st = 'implemented'),
                   'alternative',    sum(f.w) FILTER (WHERE f.st = 'alternative'),
                   'partial',        sum(f.w) FILTER (WHERE f.st = 'partial'),
                   'planned',        sum(f.w) FILTER (WHERE f.st = 'planned'),
                   'not-applicable', sum(f.w) FILTER (WHERE f.st = 'not-applicable'),
                   'inherited',      sum(f.w) FILTER (WHERE f.st = 'inherited'),
                   'none',           sum(f.w) FILTER (WHERE f.st = 'none'))) AS status
        FROM f GROUP BY f.control_id
    )
    SELECT jsonb_agg(jsonb_build_object(
               'uuid', srm_internal.uuid5ish(v_ns, 'implemented-requirement:' || ctl.control_id),
               'control-id', ctl.control_id,
               'props', coalesce((SELECT jsonb_agg(jsonb_build_object('name', 'control-origination', 'ns', fr_ns, 'value', o.w)
                                                   ORDER BY o.i)
                                  FROM unnest(srm.fedramp_origination(ctl.resp, 'customer')) WITH ORDINALITY o(w, i)),
                                 '[]'::jsonb)
                        || jsonb_build_array(
                               jsonb_build_object('name', 'responsibility', 'ns', srm_ns, 'value', ctl.resp::text),
                               jsonb_build_object('name', 'control-class', 'ns', srm_ns, 'value', srm.aws_class(ctl.resp)::text)),
               'by-components', (SELECT jsonb_agg(b.b ORDER BY b.i) FROM unnest(ARRAY[jsonb_build_object(
                       'component-uuid', u_this,
                       'uuid', srm_internal.uuid5ish(v_ns, 'by-component:' || ctl.control_id || ':this-system'),
                       'description', format('%s in this system: provided by %s on %s of %s service(s), the customer''s responsibility on %s (no status recorded on %s), not applicable on %s.',
                                             trim(ctl.label || ' ' || ctl.title),
                                             CASE WHEN v_aws_only THEN 'AWS' ELSE 'the service''s provider' END, ctl.n_prov, ctl.n_services, ctl.n_resp,
                                             ctl.n_resp - coalesce(jsonb_array_length(ctl.satisfied), 0), ctl.n_neither),
                       'implementation-status', CASE WHEN v_aws_only THEN cst.status
                                                     ELSE replace(cst.status::text, 'inherited from AWS', 'inherited from the provider')::jsonb END,
                       'inherited', ctl.inherited,
                       'satisfied', ctl.satisfied)] || ctl.bcs) WITH ORDINALITY AS b(b, i)),
               'remarks', format('%s: %s (%s); %s asset x control pairs on %s service(s); %s customer gap(s).',
                                 trim(ctl.label || ' ' || ctl.title), ctl.resp::text, srm.aws_class(ctl.resp)::text,
                                 ctl.n_assets, ctl.n_services, ctl.n_gaps))
           ORDER BY ctl.sort_id NULLS LAST, ctl.control_id)
      INTO v_reqs
      FROM ctl JOIN ctl_status cst USING (control_id);

    -- a run without findings still answers every control in its scope
    IF v_reqs IS NULL THEN
        SELECT jsonb_agg(jsonb_build_object(
                   'uuid', srm_internal.uuid5ish(v_ns, 'implemented-requirement:' || c.control_id),
                   'control-id', c.control_id,
                   'remarks', trim(c.label || ' ' || c.title) || ': no asset of this system was in scope of the audit run.')
               ORDER BY c.sort_id, c.control_id)
          INTO v_reqs
          FROM srm.control c
         WHERE c.framework_id = v_run.framework_id AND c.status = 'active'
           AND (v_run.baseline IS NULL OR v_run.baseline = ANY (c.baselines));
    END IF;
    RETURN v_reqs;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_implemented_requirements(bigint) IS
    'the implemented-requirements of srm.oscal_ssp for a run: per control, control-origination and responsibility props, a by-component on this system (inherited, satisfied, status) and one per service (srm_internal.oscal_service_by_component, whose remarks add the failing checks the run saw on the service''s assets and accounts); every control in scope with a remark when the run has no finding';

-- the description of control-implementation
CREATE FUNCTION srm_internal.oscal_controls_description(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_run srm.audit_run;
    v_fw  srm.framework;
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = oscal_controls_description.run;
    SELECT * INTO v_fw FROM srm.framework f WHERE f.framework_id = v_run.framework_id;
    RETURN format('The controls of %s%s as audited in srm run %s: per control and %s, what %s provides (export provided, inherited by this system), what is the customer''s responsibility (export responsibilities, satisfied by this system), and the implementation status the audit recorded.',
                  v_fw.name, srm_internal.oscal_baseline_label(v_run.baseline), run,
                  CASE WHEN srm_internal.report_multi_provider(run) THEN 'service (AWS''s by namespace, the others'' as provider:namespace)' ELSE 'AWS service' END,
                  CASE WHEN srm_internal.report_multi_provider(run) THEN 'its provider' ELSE 'AWS' END);
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_controls_description(bigint) IS
    'the description of the control-implementation of srm.oscal_ssp for a run (framework, baseline, run)';

-- control-implementation
CREATE FUNCTION srm_internal.oscal_control_implementation(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN jsonb_build_object(
        'description', srm_internal.oscal_controls_description(run),
        'implemented-requirements', srm_internal.oscal_implemented_requirements(run));
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_control_implementation(bigint) IS
    'the control-implementation of srm.oscal_ssp for a run: its description and srm_internal.oscal_implemented_requirements';

-- back-matter: the profile resource and the attestations (null if neither)
CREATE FUNCTION srm_internal.oscal_back_matter(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prof_res jsonb := srm_internal.oscal_profile_resource(run);
    v_attest   jsonb := srm_internal.oscal_attestations(run);
BEGIN
    RETURN CASE WHEN v_prof_res IS NOT NULL OR v_attest IS NOT NULL THEN jsonb_build_object(
        'resources', CASE WHEN v_prof_res IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(v_prof_res) END
                     || coalesce(v_attest, '[]'::jsonb)) END;
END
$$;
COMMENT ON FUNCTION srm_internal.oscal_back_matter(bigint) IS
    'the back-matter of srm.oscal_ssp for a run: the profile resource (srm_internal.oscal_profile_resource) and AWS''s attestations (srm_internal.oscal_attestations); null if neither';

-------------------------------------------------------------------------------
-- The system security plan
-------------------------------------------------------------------------------

CREATE FUNCTION srm.oscal_ssp(run bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    v_run    srm.audit_run;
    v_latest bigint;
    v_scope  jsonb;         -- what the run covered: srm_internal.oscal_scope
    v_reqs   jsonb;         -- its implemented requirements, nulls stripped
    v_ssp    jsonb;         -- the plan without them
BEGIN
    SELECT * INTO v_run FROM srm.audit_run a WHERE a.run_id = run;
    IF NOT FOUND THEN
        SELECT max(a.run_id) INTO v_latest FROM srm.audit_run a;
        RAISE EXCEPTION 'audit run % does not exist', run
            USING ERRCODE = 'no_data_found',
                  HINT = CASE WHEN v_latest IS NULL
                              THEN 'No audit has been run yet: srm.run_audit(framework, baseline) records one.'
                              ELSE format('The latest run is %s.', v_latest) END;
    END IF;
    IF v_run.finished_at IS NULL THEN
        RAISE EXCEPTION 'audit run % has not finished', run
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'An SSP is written from a finished run only.';
    END IF;
    v_scope := srm_internal.oscal_scope(run);
    -- the plan is built without its implemented requirements, which are
    -- most of it (14 MB for 1,000 accounts), and they are set into it last:
    -- every jsonb built around another reads all of it again
    v_reqs := jsonb_strip_nulls(srm_internal.oscal_implemented_requirements(run));
    v_ssp := jsonb_build_object('system-security-plan', jsonb_strip_nulls(jsonb_build_object(
        'uuid', srm_internal.uuid5ish(srm_internal.oscal_subject(run), 'system-security-plan'),
        'metadata', srm_internal.oscal_metadata(run, v_scope),
        'import-profile', srm_internal.oscal_import_profile(run),
        'system-characteristics', srm_internal.oscal_system_characteristics(run, v_scope),
        'system-implementation', srm_internal.oscal_system_implementation(run),
        -- srm_internal.oscal_control_implementation(run), its requirements set in below
        'control-implementation', jsonb_build_object('description', srm_internal.oscal_controls_description(run)),
        'back-matter', srm_internal.oscal_back_matter(run))));
    RETURN CASE WHEN v_reqs IS NULL THEN v_ssp
                ELSE jsonb_set(v_ssp, '{system-security-plan,control-implementation,implemented-requirements}', v_reqs) END;
END
$fn$;
COMMENT ON FUNCTION srm.oscal_ssp(bigint) IS
    'the customer''s system as audited in a run, as an OSCAL 1.1.3 system security plan (JSON) valid against NIST''s schema: a this-system component and one service component per AWS service; per control of the run one implemented-requirement with, per service, an export of what AWS provides and what is the customer''s responsibility (srm.oscal_export), inherited / satisfied (where a status was recorded) on this-system, control-origination props (srm.fedramp_origination, customer''s plan) and the audited implementation status (no status recorded: planned, a customer gap). UUIDs are name-based per subject, so the same run always gives the same document; an unknown run raises no_data_found';
