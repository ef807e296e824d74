-- install/code/audit.sql (code part): srm.run_audit, one consistent audit
-- of every in-scope asset x control of a framework.

-------------------------------------------------------------------------------
-- Audits
-------------------------------------------------------------------------------

-- the status that applies: the newest of the most specific scope
CREATE FUNCTION srm_internal.status_for(framework_id text, control_id text, provider text, service_namespace text,
                               account_id text, asset text)
RETURNS SETOF srm.control_status
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT s.*
FROM srm.control_status s
WHERE s.framework_id = status_for.framework_id
  AND s.control_id = status_for.control_id
  AND s.provider = status_for.provider
  AND (s.asset IS NULL OR s.asset = status_for.asset)
  AND (s.account_id IS NULL OR s.account_id = status_for.account_id)
  AND (s.service_namespace IS NULL OR s.service_namespace = status_for.service_namespace)
ORDER BY (s.asset IS NOT NULL) DESC, (s.service_namespace IS NOT NULL) DESC, (s.account_id IS NOT NULL) DESC,
         s.assessed_at DESC, s.status_id DESC
LIMIT 1;
END;
COMMENT ON FUNCTION srm_internal.status_for(text, text, text, text, text, text) IS
    'the control status that applies to an asset: asset > account and service > service > account, then the newest assessment';

-- a customer gap: the customer takes part and has no implemented evidence
CREATE FUNCTION srm_internal.is_gap(responsibility srm.responsibility, status text)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (responsibility OPERATOR(srm.&&) 'customer'::srm.responsibility)
       AND coalesce(status NOT IN ('implemented', 'alternative', 'not-applicable'), true);
COMMENT ON FUNCTION srm_internal.is_gap(srm.responsibility, text) IS
    'whether a finding is a customer gap: the customer takes part and its status is not implemented, alternative or not-applicable (all of which need evidence)';

-- the identifier statuses and overrides name one asset by (their column
-- asset): its ARN on AWS, its Azure Resource Manager id (in lower case, as
-- srm.asset.resource_id holds it) or its Google Cloud full resource name
CREATE FUNCTION srm_internal.asset_scope_key(provider text, arn text, resource_id text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN provider = 'aws' THEN arn ELSE coalesce(arn, resource_id) END;
COMMENT ON FUNCTION srm_internal.asset_scope_key(text, text, text) IS
    'the identifier a status or an override names an asset by: the ARN on AWS, else the asset''s ARN column if set, else its resource id (an Azure Resource Manager id in lower case, a Google Cloud full resource name)';

-- the arguments of srm.run_audit, checked: a known framework, a baseline it
-- has, accounts with assets, a retention of at least one run; returns the
-- number of runs to keep (null: all)
CREATE FUNCTION srm_internal.audit_arguments_checked(framework text, baseline text, accounts text[], keep_runs integer)
RETURNS integer
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    fw text := lower(btrim(framework));
    bl text := upper(btrim(baseline));
    keep integer;
    missing text;
BEGIN
    IF framework IS NULL OR NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = fw) THEN
        PERFORM srm_internal.raise_unknown_framework(framework);
    END IF;
    IF bl IS NOT NULL AND NOT EXISTS (SELECT FROM srm.control c WHERE c.framework_id = fw AND bl = ANY (c.baselines)) THEN
        RAISE EXCEPTION 'framework % has no baseline "%"', fw, baseline
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = coalesce('Its baselines: ' || (SELECT string_agg(DISTINCT b, ', ') FROM srm.control c, unnest(c.baselines) b WHERE c.framework_id = fw) || '.',
                                  'It has none: pass NULL to audit every control.');
    END IF;
    IF cardinality(accounts) = 0 THEN
        RAISE EXCEPTION 'the list of accounts to audit is empty'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Name at least one account, or pass NULL (no list) to audit every account.';
    END IF;
    IF array_position(accounts, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'the list of accounts to audit holds a NULL'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('The list was %s.', accounts),
                  HINT = 'Name accounts by their ids (AWS, Azure, Google Cloud); to audit every account pass NULL instead of a list.';
    END IF;
    SELECT string_agg(a, ', ') INTO missing FROM unnest(accounts) a
    WHERE a IS NULL OR NOT EXISTS (SELECT FROM srm.asset x WHERE x.account_id = a);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'no assets are loaded for account %', missing
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Load the account''s inventory first (AWS Config snapshot, Azure Resource Graph or Cloud Asset Inventory export), or leave it out.';
    END IF;
    keep := coalesce(keep_runs, nullif(current_setting('srm.audit_keep_runs', true), '')::integer);
    IF keep IS NOT NULL AND keep < 1 THEN
        RAISE EXCEPTION 'cannot keep % audit runs', keep
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Keep at least 1 run, or leave retention unset to keep all.';
    END IF;
    RETURN keep;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_arguments_checked(text, text, text[], integer) IS
    'checks the arguments of srm.run_audit (known framework, a baseline of it, accounts with assets, keep_runs or setting srm.audit_keep_runs at least 1) and returns the number of runs to keep, null for all';

-- the grain of a run's assets and groups as text: its resource type and
-- variant, '' for the service (inlined where it is called)
CREATE FUNCTION srm_internal.grain_key(resource_type text, variant text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce(resource_type || coalesce(' ' || variant, ''), '');
COMMENT ON FUNCTION srm_internal.grain_key(text, text) IS
    'the grain of an audit run''s asset or group (srm.audit_asset.grain): resource type and variant joined by a space, empty for the service';

-- the scope of run rid: its assets (srm.audit_asset) at their grains, and in
-- temporary tables dropped at commit its controls (srm_audit_control) and
-- their derived responsibility at each service and grain of the run
-- (srm_audit_derived, from the stored derivation)
CREATE FUNCTION srm_internal.audit_scope(rid bigint, fw text, bl text, accounts text[])
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    -- each asset at its grain: its resource type and configuration variant
    -- where the model has answers for them (srm_internal.grain), else its
    -- service ('')
    INSERT INTO srm.audit_asset (run_id, asset_id, account_id, region, resource_type, resource_id, arn,
                                         service_namespace, known, grain, tags, provider)
    SELECT rid, a.asset_id, a.account_id, a.region, a.resource_type, a.resource_id, a.arn, a.service_namespace,
           a.service_namespace IS NOT NULL,
           srm_internal.grain_key(g.resource_type, g.variant), a.tags, a.provider
    FROM srm.asset a
    LEFT JOIN LATERAL (
        SELECT x.resource_type, x.variant
        FROM srm_internal.grain x
        WHERE x.provider = a.provider AND x.resource_type = a.resource_type
          AND x.service_namespace = a.service_namespace
          AND (x.variant IS NULL
               OR x.variant = (SELECT v.variant
                               FROM srm_internal.variant_of(a.resource_type, a.configuration,
                                                            a.supplementary_configuration) v))
        ORDER BY x.variant IS NULL
        LIMIT 1) g ON a.known_type
    WHERE accounts IS NULL OR a.account_id = ANY (accounts);
    PERFORM srm_internal.analyze_user_table('srm.audit_asset');

    IF to_regclass('pg_temp.srm_audit_control') IS NOT NULL THEN
        DROP TABLE pg_temp.srm_audit_control;
    END IF;
    IF to_regclass('pg_temp.srm_audit_derived') IS NOT NULL THEN
        DROP TABLE pg_temp.srm_audit_derived;
    END IF;
    CREATE TEMPORARY TABLE srm_audit_control ON COMMIT DROP AS
    SELECT c.control_id, c.family_id, c.label, c.title, c.family_title FROM srm.control c
    WHERE c.framework_id = fw AND c.status = 'active' AND (bl IS NULL OR bl = ANY (c.baselines));
    -- the stored derivation, once per control x service (of its provider)
    -- and grain of the run
    CREATE TEMPORARY TABLE srm_audit_derived ON COMMIT DROP AS
    SELECT d.control_id, k.provider, k.service_namespace, k.grain, d.derived AS responsibility
    FROM (SELECT DISTINCT a.provider, a.service_namespace, a.grain FROM srm.audit_asset a WHERE a.run_id = rid AND a.known) k
    JOIN srm_internal.grain g
      ON g.provider = k.provider AND g.service_namespace = k.service_namespace
     AND srm_internal.grain_key(g.resource_type, g.variant) = k.grain
    JOIN srm_internal.derivation d ON d.grain_id = g.grain_id AND d.framework_id = fw
    JOIN pg_temp.srm_audit_control c ON c.control_id = d.control_id;
    CREATE INDEX ON pg_temp.srm_audit_derived (service_namespace, grain, control_id);
    ANALYZE pg_temp.srm_audit_control;
    ANALYZE pg_temp.srm_audit_derived;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_scope(bigint, text, text, text[]) IS
    'records the assets of audit run rid (all, or those of accounts) and stages its controls of framework fw and baseline bl, with their derived responsibility per service, in temporary tables for srm.run_audit';

-- the run's copies of the overrides and statuses of its framework, its
-- groups (srm.audit_group) and the answer of every control on every service
-- of the run (srm.audit_default).  A group is stored (its findings written
-- out by the two functions below) when an override or a status of its
-- account, or of one of its assets, may apply to it; every other group has,
-- for every control, its service's answer: no override or status names its
-- account or its assets, so the override and the status that apply are the
-- provider- or service-wide ones
CREATE FUNCTION srm_internal.audit_defaults(rid bigint, fw text)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    INSERT INTO srm.audit_override (run_id, override_id, provider, service_namespace, account_id, asset, framework_id,
                                    control_id, family_id, responsibility, reason, created_by, created_at)
    SELECT rid, o.override_id, o.provider, o.service_namespace, o.account_id, o.asset, o.framework_id,
           o.control_id, o.family_id, o.responsibility, o.reason, o.created_by, o.created_at
    FROM srm.override o WHERE o.framework_id = fw;
    INSERT INTO srm.audit_status (run_id, status_id, framework_id, control_id, provider, account_id, service_namespace,
                                  asset, status, evidence, evidence_url, assessed_by, assessed_at)
    SELECT rid, s.status_id, s.framework_id, s.control_id, s.provider, s.account_id, s.service_namespace,
           s.asset, s.status, s.evidence, s.evidence_url, s.assessed_by, s.assessed_at
    FROM srm.control_status s WHERE s.framework_id = fw;

    INSERT INTO srm.audit_group (run_id, provider, account_id, service_namespace, grain, assets, stored, answers)
    SELECT rid, g.provider, g.account_id, g.service_namespace, g.grain, g.assets, g.stored,
           CASE WHEN g.stored THEN g.account_id ELSE '' END
    -- an account-scoped rule applies to the group: one of its account and
    -- service, or of its account and any service ('*' below: no service
    -- is named so; never null, so that a test is true or false).  Each
    -- test probes a hash of the account-scoped rules, built once: at 1,000
    -- accounts a run has some 28,000 groups, and two correlated subqueries
    -- for each took 80 ms in the lab
    FROM (SELECT a.provider, a.account_id, a.service_namespace, a.grain, count(*) AS assets,
           (a.provider, a.account_id, '*') IN (SELECT o.provider, o.account_id, coalesce(o.service_namespace, '*')
                                               FROM srm.override o WHERE o.framework_id = fw AND o.account_id IS NOT NULL
                                               UNION ALL
                                               SELECT s.provider, s.account_id, coalesce(s.service_namespace, '*')
                                               FROM srm.control_status s WHERE s.framework_id = fw AND s.account_id IS NOT NULL)
           OR (a.provider, a.account_id, a.service_namespace)
              IN (SELECT o.provider, o.account_id, coalesce(o.service_namespace, '*')
                  FROM srm.override o WHERE o.framework_id = fw AND o.account_id IS NOT NULL
                  UNION ALL
                  SELECT s.provider, s.account_id, coalesce(s.service_namespace, '*')
                  FROM srm.control_status s WHERE s.framework_id = fw AND s.account_id IS NOT NULL)
           OR coalesce(bool_or(srm_internal.asset_scope_key(a.provider, a.arn, a.resource_id)
                               IN (SELECT x.asset FROM srm.override x WHERE x.framework_id = fw
                                   UNION SELECT x.asset FROM srm.control_status x WHERE x.framework_id = fw)), false)
             AS stored
          FROM srm.audit_asset a
          WHERE a.run_id = rid AND a.known
          GROUP BY a.provider, a.account_id, a.service_namespace, a.grain) g;

    INSERT INTO srm.audit_default (run_id, provider, service_namespace, grain, framework_id, control_id, family_id, derived,
        responsibility, class, customer_part, override_id, status, status_id, evidence, gap, label, title, family_title)
    SELECT rid, cs.provider, cs.service_namespace, cs.grain, fw, c.control_id, c.family_id, cs.responsibility,
           r.resp, srm.aws_class(r.resp),
           r.resp OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility,
           o.override_id, st.status, st.status_id, coalesce(st.evidence, st.evidence_url),
           srm_internal.is_gap(r.resp, st.status), c.label, c.title, c.family_title
    FROM pg_temp.srm_audit_derived cs
    JOIN pg_temp.srm_audit_control c ON c.control_id = cs.control_id
    LEFT JOIN LATERAL srm_internal.override_for(cs.provider, cs.service_namespace, NULL, NULL, fw, c.control_id, c.family_id) o ON true
    LEFT JOIN LATERAL srm_internal.status_for(fw, c.control_id, cs.provider, cs.service_namespace, NULL, NULL) st ON true
    CROSS JOIN LATERAL (SELECT coalesce(o.responsibility, cs.responsibility) AS resp) r;
    PERFORM srm_internal.analyze_user_table('srm.audit_group');
    PERFORM srm_internal.analyze_user_table('srm.audit_default');
END
$$;
COMMENT ON FUNCTION srm_internal.audit_defaults(bigint, text) IS
    'records for audit run rid the overrides and statuses of framework fw as they are, its groups of assets per account x service (stored: an account- or asset-scoped override or status may apply, so its findings are written out) and the answer of every control on every service of the run (srm.run_audit)';

-- findings of the assets with an override or a status of their own, one row
-- per asset x control
CREATE FUNCTION srm_internal.audit_asset_findings(rid bigint, fw text)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    -- assets with a rule or status of their own get rows of their own
    INSERT INTO srm.audit_finding (run_id, provider, account_id, service_namespace, grain, asset_id, framework_id, control_id,
        family_id, responsibility, class, customer_part, override_id, status, status_id, evidence, gap, assets)
    SELECT rid, a.provider, a.account_id, a.service_namespace, a.grain, a.asset_id, fw, c.control_id, c.family_id,
           r.resp, srm.aws_class(r.resp),
           r.resp OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility,
           o.override_id, st.status, st.status_id, coalesce(st.evidence, st.evidence_url),
           srm_internal.is_gap(r.resp, st.status), 1
    FROM srm.audit_asset a
    CROSS JOIN pg_temp.srm_audit_control c
    CROSS JOIN LATERAL (SELECT srm_internal.asset_scope_key(a.provider, a.arn, a.resource_id) AS key) k
    JOIN pg_temp.srm_audit_derived cs
      ON cs.control_id = c.control_id AND cs.provider = a.provider AND cs.service_namespace = a.service_namespace
     AND cs.grain = a.grain
    LEFT JOIN LATERAL srm_internal.override_for(a.provider, a.service_namespace, a.account_id, k.key, fw, c.control_id, c.family_id) o ON true
    LEFT JOIN LATERAL srm_internal.status_for(fw, c.control_id, a.provider, a.service_namespace, a.account_id, k.key) st ON true
    CROSS JOIN LATERAL (SELECT coalesce(o.responsibility, cs.responsibility) AS resp) r
    WHERE a.run_id = rid AND a.known
      AND k.key IN (SELECT x.asset FROM srm.override x WHERE x.framework_id = fw
                    UNION SELECT x.asset FROM srm.control_status x WHERE x.framework_id = fw)
      AND (EXISTS (SELECT FROM srm.override x WHERE x.asset = k.key AND x.provider = a.provider AND x.framework_id = fw
                   AND (x.control_id = c.control_id OR x.family_id = c.family_id
                        OR (x.control_id IS NULL AND x.family_id IS NULL)))
           OR EXISTS (SELECT FROM srm.control_status x WHERE x.asset = k.key AND x.provider = a.provider
                      AND x.framework_id = fw AND x.control_id = c.control_id));
END
$$;
COMMENT ON FUNCTION srm_internal.audit_asset_findings(bigint, text) IS
    'writes the findings of audit run rid for the assets with an override or a control status of their own: one row per asset x control (srm.run_audit)';

-- findings of every other asset of the stored groups, one row per account x
-- service x control speaking for its assets
CREATE FUNCTION srm_internal.audit_group_findings(rid bigint, fw text)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    -- everything else once per account x service x control
    INSERT INTO srm.audit_finding (run_id, provider, account_id, service_namespace, grain, asset_id, framework_id, control_id,
        family_id, responsibility, class, customer_part, override_id, status, status_id, evidence, gap, assets)
    SELECT rid, g.provider, g.account_id, g.service_namespace, g.grain, NULL, fw, c.control_id, c.family_id,
           r.resp, srm.aws_class(r.resp),
           r.resp OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility,
           o.override_id, st.status, st.status_id, coalesce(st.evidence, st.evidence_url),
           srm_internal.is_gap(r.resp, st.status),
           g.n - coalesce(e.n, 0)
    FROM (SELECT a.provider, a.account_id, a.service_namespace, a.grain, a.assets AS n
          FROM srm.audit_group a WHERE a.run_id = rid AND a.stored) g
    CROSS JOIN pg_temp.srm_audit_control c
    LEFT JOIN (SELECT x.provider, x.account_id, x.service_namespace, x.grain, x.control_id, count(*) AS n
               FROM srm.audit_finding x WHERE x.run_id = rid AND x.asset_id IS NOT NULL
               GROUP BY x.provider, x.account_id, x.service_namespace, x.grain, x.control_id) e
      ON e.provider = g.provider AND e.account_id = g.account_id AND e.service_namespace = g.service_namespace
     AND e.grain = g.grain AND e.control_id = c.control_id
    JOIN pg_temp.srm_audit_derived cs
      ON cs.control_id = c.control_id AND cs.provider = g.provider AND cs.service_namespace = g.service_namespace
     AND cs.grain = g.grain
    LEFT JOIN LATERAL srm_internal.override_for(g.provider, g.service_namespace, g.account_id, NULL, fw, c.control_id, c.family_id) o ON true
    LEFT JOIN LATERAL srm_internal.status_for(fw, c.control_id, g.provider, g.service_namespace, g.account_id, NULL) st ON true
    CROSS JOIN LATERAL (SELECT coalesce(o.responsibility, cs.responsibility) AS resp) r;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_group_findings(bigint, text) IS
    'writes the findings of audit run rid for every other asset of its stored groups (srm.audit_group): one row per account x service x control, counting its assets (srm.run_audit)';

-- the gaps of runs as srm.bi_customer_gaps lists them (srm.audit_gap):
-- the gaps of each run's services' answers, which every group not stored takes,
-- and the gap findings of each stored group, titled as the run kept its
-- controls (its services' answers: the same label and titles on every
-- service), else, for a run of 0.2.0, which kept none, as the catalog has
-- them.  Written once a run's findings are; the update to 0.11.0 writes
-- them for every earlier run at once
CREATE FUNCTION srm_internal.audit_gaps(runs bigint[])
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    INSERT INTO srm.audit_gap (run_id, provider, service_namespace, grain, answers, control_id, asset_id, asset, assets,
        framework_id, family_id, label, title, family_title, responsibility, customer_part, class, status, evidence)
    SELECT d.run_id, d.provider, d.service_namespace, d.grain, '', d.control_id, NULL, NULL, NULL,
           d.framework_id, d.family_id, d.label, d.title, d.family_title, d.responsibility, d.customer_part, d.class,
           d.status, d.evidence
    FROM srm.audit_default d
    WHERE d.run_id = ANY (runs) AND d.gap
    UNION ALL
    SELECT f.run_id, f.provider, f.service_namespace, f.grain, f.account_id, f.control_id, f.asset_id, a.arn, f.assets,
           f.framework_id, f.family_id, coalesce(d.label, c.label), coalesce(d.title, c.title),
           coalesce(d.family_title, c.family_title), f.responsibility, f.customer_part, f.class, f.status, f.evidence
    FROM srm.audit_finding f
    LEFT JOIN srm.audit_default d
      ON d.run_id = f.run_id AND d.provider = f.provider AND d.service_namespace = f.service_namespace
     AND d.grain = f.grain AND d.control_id = f.control_id
    LEFT JOIN srm.control c ON c.framework_id = f.framework_id AND c.control_id = f.control_id
    LEFT JOIN srm.audit_asset a ON a.run_id = f.run_id AND a.asset_id = f.asset_id
    WHERE f.run_id = ANY (runs) AND f.gap AND f.assets > 0;
    PERFORM srm_internal.analyze_user_table('srm.audit_gap');
END
$$;
COMMENT ON FUNCTION srm_internal.audit_gaps(bigint[]) IS
    'writes the customer gaps of the given audit runs (runs) as srm.bi_customer_gaps lists them (srm.audit_gap): its services'' gap answers and its stored groups'' gap findings, with the controls'' label and titles (srm.run_audit)';

-- whether a finding's resource is the account itself (an account-level
-- check such as the IAM password policy): Security Hub's AwsAccount
-- (AWS::::Account:<id>), a bare account id, the account's root principal
-- (arn:aws:iam::<id>:root) or a pseudo-ARN of the account or one of its
-- regions (arn:aws:::<id>, arn:aws::<region>:<id>), or a finding srm placed
-- in the service "account"
CREATE FUNCTION srm_internal.finding_names_account(account_id text, resource_type text, resource_id text, arn text,
                                                   service_namespace text)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce(service_namespace = 'account', false)
    OR coalesce(resource_type IN ('AwsAccount', 'AWS::::Account', 'AWS::Account', 'Account'), false)
    OR coalesce(pg_catalog.btrim(resource_id) IN (account_id, 'AWS::::Account:' || account_id), false)
    OR coalesce(pg_catalog.btrim(coalesce(arn, resource_id)) OPERATOR(pg_catalog.~) '^arn:aws[a-z-]*:(iam)?:[a-z0-9-]*:[0-9]{12}(:root)?$'
                AND pg_catalog.split_part(pg_catalog.btrim(coalesce(arn, resource_id)), ':', 5) = account_id, false);
COMMENT ON FUNCTION srm_internal.finding_names_account(text, text, text, text, text) IS
    'whether a finding of account account_id names the account itself: resource type AwsAccount, resource id the account id or AWS::::Account:<id>, the root principal arn:aws:iam::<id>:root, a pseudo-ARN arn:aws:::<id> or arn:aws::<region>:<id>, or service "account"';

-- the check results of run rid: the findings of its framework and accounts
-- it sees, each matched to the run's known asset of its ARN, else (no asset
-- of the run has that ARN) to those of its account and resource id (the
-- finding's, or the last part of its ARN; in its region, or global), else to the account itself when it names the
-- account; of each check (scanner, check id) on each asset (or account)
-- the newest result counts; per asset (or account) x in-scope control it
-- evidences: failed if a current check failed, else passed.  One
-- statement, so one snapshot of srm.finding: a load committing meanwhile is
-- wholly in the run or wholly out of it, and findings_through says which
CREATE FUNCTION srm_internal.audit_checks(rid bigint, fw text, accounts text[])
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    WITH f AS (
        SELECT f.finding_id, f.scanner, f.check_id, f.status, f.observed_at, f.provider, f.account_id, f.region,
               f.resource_type, f.resource_id, f.arn, f.service_namespace, f.controls
        FROM srm.finding f
        WHERE f.framework_id = fw AND (accounts IS NULL OR f.account_id = ANY (accounts))),
    by_arn AS (
        SELECT f.finding_id, a.asset_id, a.service_namespace
        FROM f JOIN srm.audit_asset a ON a.run_id = rid AND a.provider = f.provider AND a.arn = f.arn AND a.known),
    by_id AS (
        SELECT f.finding_id, a.asset_id, a.service_namespace
        FROM f JOIN srm.audit_asset a
          ON a.run_id = rid AND a.provider = f.provider AND a.account_id = f.account_id AND a.known
         AND a.resource_id IN (btrim(f.resource_id),
                               substring(coalesce(f.arn, btrim(f.resource_id)) FROM '^arn:.*[/:]([^/:]+)$'))
         AND (f.region IS NULL OR a.region IN (f.region, 'global'))
        WHERE NOT EXISTS (SELECT FROM srm.audit_asset y WHERE y.run_id = rid AND y.arn = f.arn)),
    target AS (
        SELECT t.finding_id, t.asset_id, t.service_namespace FROM by_arn t
        UNION ALL
        SELECT t.finding_id, t.asset_id, t.service_namespace FROM by_id t
        UNION ALL
        SELECT f.finding_id, NULL, NULL FROM f
        WHERE srm_internal.finding_names_account(f.account_id, f.resource_type, f.resource_id, f.arn, f.service_namespace)
          AND NOT EXISTS (SELECT FROM by_arn t WHERE t.finding_id = f.finding_id)
          AND NOT EXISTS (SELECT FROM by_id t WHERE t.finding_id = f.finding_id)
          AND EXISTS (SELECT FROM srm.audit_asset y
                      WHERE y.run_id = rid AND y.provider = f.provider AND y.account_id = f.account_id AND y.known)),
    cur AS (
        SELECT DISTINCT ON (t.asset_id, f.account_id, f.scanner, f.check_id)
               f.finding_id, f.provider, f.account_id, t.asset_id, t.service_namespace, f.scanner, f.check_id, f.status, f.controls
        FROM f JOIN target t USING (finding_id)
        ORDER BY t.asset_id, f.account_id, f.scanner, f.check_id, f.observed_at DESC, f.finding_id DESC),
    unmatched AS (
        SELECT DISTINCT ON (f.account_id, coalesce(f.arn, btrim(f.resource_id)), f.scanner, f.check_id) f.finding_id
        FROM f
        WHERE NOT EXISTS (SELECT FROM target t WHERE t.finding_id = f.finding_id)
        ORDER BY f.account_id, coalesce(f.arn, btrim(f.resource_id)), f.scanner, f.check_id, f.observed_at DESC, f.finding_id DESC),
    result AS (
        SELECT c.provider, c.account_id, c.asset_id, min(c.service_namespace) AS service_namespace, x.control_id,
               CASE WHEN bool_or(c.status = 'failed') THEN 'failed' ELSE 'passed' END AS check_result,
               coalesce(array_agg(DISTINCT c.scanner || ' ' || c.check_id) FILTER (WHERE c.status = 'failed'), '{}') AS failed_checks,
               coalesce(array_agg(DISTINCT c.scanner || ' ' || c.check_id) FILTER (WHERE c.status = 'passed'), '{}') AS passed_checks,
               array_agg(DISTINCT c.finding_id) AS findings
        FROM cur c
        CROSS JOIN LATERAL (SELECT DISTINCT u AS control_id FROM unnest(c.controls) u) u
        JOIN pg_temp.srm_audit_control x ON x.control_id = u.control_id
        GROUP BY c.provider, c.account_id, c.asset_id, x.control_id),
    ins AS (
        INSERT INTO srm.audit_check (run_id, account_id, asset_id, service_namespace, framework_id, control_id,
                                     check_result, failed_checks, passed_checks, findings, gap, provider)
        SELECT rid, r.account_id, r.asset_id, r.service_namespace, fw, r.control_id, r.check_result,
               r.failed_checks, r.passed_checks, r.findings, g.gap, r.provider
        FROM result r
        LEFT JOIN LATERAL (SELECT x.gap FROM srm.audit_result x
                           WHERE x.run_id = rid AND x.asset_id = r.asset_id AND x.control_id = r.control_id) g
          ON r.asset_id IS NOT NULL
        WHERE r.asset_id IS NULL OR g.gap IS NOT NULL)
    UPDATE srm.audit_run u
    SET findings_through = (SELECT max(x.finding_id) FROM srm.finding x),
        findings_applied = (SELECT count(*) FROM cur),
        findings_unmatched = (SELECT count(*) FROM unmatched)
    WHERE u.run_id = rid;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_checks(bigint, text, text[]) IS
    'records the check results of audit run rid (srm.audit_check) from the findings of framework fw and the run''s accounts it sees, in one snapshot: matched to the run''s asset by ARN, else by account and resource id, else to the account itself; the newest result of each check per asset or account counts; and the run''s counts of findings (srm.run_audit)';

-- the run's totals, and its end
CREATE FUNCTION srm_internal.audit_finish(rid bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    UPDATE srm.audit_run r
    SET finished_at = clock_timestamp(),
        assets = (SELECT count(*) FROM srm.audit_asset a WHERE a.run_id = rid),
        unknown_assets = (SELECT count(*) FROM srm.audit_asset a WHERE a.run_id = rid AND NOT a.known),
        controls = (SELECT count(*) FROM pg_temp.srm_audit_control),
        asset_controls = coalesce((SELECT sum(f.assets) FROM srm_internal.audit_fold f WHERE f.run_id = rid), 0),
        gaps = coalesce((SELECT sum(f.assets) FROM srm_internal.audit_fold f WHERE f.run_id = rid AND f.gap), 0),
        gaps_failing = coalesce((SELECT sum(c.failing) FROM srm_internal.audit_check_fold c WHERE c.run_id = rid), 0),
        gaps_passing = coalesce((SELECT sum(c.passing) FROM srm_internal.audit_check_fold c WHERE c.run_id = rid), 0)
    WHERE r.run_id = rid;
    DROP TABLE pg_temp.srm_audit_control;
    DROP TABLE pg_temp.srm_audit_derived;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_finish(bigint) IS
    'records the end and the totals of audit run rid (assets, unknown assets, controls, asset x control pairs, gaps, gaps whose checks failed or passed) and drops the staged controls (srm.run_audit)';

-- retention: the newest keep runs of the same framework and baseline
CREATE FUNCTION srm_internal.audit_retention(fw text, bl text, keep integer)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
BEGIN
    -- retention: the newest runs of the same framework and baseline
    IF keep IS NOT NULL THEN
        DELETE FROM srm.audit_run r
        WHERE r.framework_id = fw AND r.baseline IS NOT DISTINCT FROM bl
          AND r.run_id NOT IN (SELECT x.run_id FROM srm.audit_run x
                               WHERE x.framework_id = fw AND x.baseline IS NOT DISTINCT FROM bl
                               ORDER BY x.run_id DESC LIMIT keep);
    END IF;
END
$$;
COMMENT ON FUNCTION srm_internal.audit_retention(text, text, integer) IS
    'deletes the audit runs of framework fw and baseline bl but the newest keep (none when keep is null), for srm.run_audit';

CREATE FUNCTION srm.run_audit(framework text, baseline text DEFAULT NULL, accounts text[] DEFAULT NULL,
                              note text DEFAULT NULL, keep_runs integer DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_variable
DECLARE
    fw text := lower(btrim(framework));
    bl text := upper(btrim(baseline));
    rid bigint;
    keep integer;
BEGIN
    -- Azure subscription ids in any case, as srm.asset holds them (lower)
    IF accounts IS NOT NULL THEN
        accounts := ARRAY(SELECT CASE WHEN x.a ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                                      THEN lower(x.a) ELSE x.a END
                          FROM unnest(accounts) WITH ORDINALITY AS x(a, n) ORDER BY x.n);
    END IF;
    -- a team member audits its teams' accounts (install/code/teams.sql)
    accounts := srm_internal.team_audit_accounts(accounts);
    keep := srm_internal.audit_arguments_checked(framework, baseline, accounts, keep_runs);

    -- one consistent snapshot: no writes to what the audit reads while it runs
    LOCK TABLE srm.asset, srm.control_status, srm.override IN SHARE MODE;

    INSERT INTO srm.audit_run (framework_id, baseline, accounts, note)
    VALUES (fw, bl, accounts, note) RETURNING run_id INTO rid;

    PERFORM srm_internal.audit_scope(rid, fw, bl, accounts);

    PERFORM srm_internal.audit_defaults(rid, fw);

    PERFORM srm_internal.audit_asset_findings(rid, fw);

    PERFORM srm_internal.audit_group_findings(rid, fw);

    PERFORM srm_internal.audit_gaps(ARRAY[rid]);

    PERFORM srm_internal.audit_checks(rid, fw, accounts);

    PERFORM srm_internal.audit_finish(rid);

    PERFORM srm_internal.audit_retention(fw, bl, keep);
    RETURN rid;
END
$$;
COMMENT ON FUNCTION srm.run_audit(text, text, text[], text, integer) IS
    'records one consistent audit of every in-scope asset x control of a framework (and baseline: LOW, MODERATE, HIGH, PRIVACY), optionally limited to accounts; keeps the newest keep_runs runs of that framework and baseline (default: setting srm.audit_keep_runs, else all); returns the run id';
