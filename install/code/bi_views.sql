-- install/code/bi_views.sql (code part): the views BI tools and the
-- reports read.

-------------------------------------------------------------------------------
-- Views for BI tools and reports: stable column names, one row per fact,
-- every one keyed by run_id (filter on it for "as of run N")
-------------------------------------------------------------------------------

-- the findings of every run with the unstored groups folded per service:
-- each finding of srm.audit_finding (one account; account_id set), and per
-- service x control of a run one row of srm.audit_default speaking for the
-- assets of all its groups that srm.audit_group does not mark stored
-- (folded; accounts: how many groups, each of one account).  Sums and
-- counts over it equal those over the findings a run of 0.2.0 stored for
-- the same assets, one row per account x service x control.
CREATE VIEW srm_internal.audit_fold WITH (security_invoker = true) AS
SELECT f.run_id, f.account_id, f.service_namespace, f.asset_id, f.framework_id, f.control_id, f.family_id,
       f.responsibility, f.class, f.customer_part, f.override_id, f.status, f.status_id, f.evidence, f.gap,
       f.assets, 1 AS accounts, false AS folded, f.provider
FROM srm.audit_finding f
UNION ALL
SELECT d.run_id, NULL, d.service_namespace, NULL, d.framework_id, d.control_id, d.family_id,
       d.responsibility, d.class, d.customer_part, d.override_id, d.status, d.status_id, d.evidence, d.gap,
       g.assets, g.accounts, true, d.provider
FROM srm.audit_default d
JOIN (SELECT g.run_id, g.provider, g.service_namespace, g.grain, sum(g.assets)::integer AS assets, count(*)::integer AS accounts
      FROM srm.audit_group g WHERE NOT g.stored
      GROUP BY g.run_id, g.provider, g.service_namespace, g.grain) g
  ON g.run_id = d.run_id AND g.provider = d.provider AND g.service_namespace = d.service_namespace AND g.grain = d.grain;
COMMENT ON VIEW srm_internal.audit_fold IS
    'the findings of every audit run for sums and counts: each row of srm.audit_finding, and per service (of its provider) x control one row of srm.audit_default speaking for the assets (assets) and accounts (accounts) of the run''s groups that are not stored (folded)';

-- the controls of every run with their family, label and titles as the run
-- kept them (srm.audit_default: equal on every service and grain of one
-- run), one row per run x control; a run of 0.2.0 kept none and has no row
-- here: its readers take the catalog's (srm.control), and only for it.  A
-- reader joins this on run_id and control_id with a LEFT JOIN (never
-- dropping a row of the run) and reads it for one run: the run's some
-- thousands of answers, sorted once
CREATE VIEW srm_internal.audit_control WITH (security_invoker = true) AS
SELECT DISTINCT ON (d.run_id, d.control_id)
       d.run_id, d.framework_id, d.control_id, d.family_id, d.label, d.title, d.family_title
FROM srm.audit_default d
ORDER BY d.run_id, d.control_id;
COMMENT ON VIEW srm_internal.audit_control IS
    'per audit run x control: the control''s family, label and titles as the run kept them (srm.audit_default); no rows for a run of 0.2.0, whose readers take them from srm.control';

-- the control families of every run with their titles: as the run kept
-- them (aws-srm's controls count as their own family, titled by their
-- title), else, for a run that kept none (0.2.0), as the catalog has them;
-- one row per run x family, joined by the readers after they summed per
-- family (a few dozen rows per run, never one per finding); one grouping
-- over both sources, so that the planner knows a join on its key finds one
-- row (it hashes it, and a count that reads no title skips it)
CREATE VIEW srm_internal.audit_family WITH (security_invoker = true) AS
SELECT x.run_id, x.framework_id, x.family_id, coalesce(max(x.family_title), max(x.title)) AS family_title
FROM (SELECT t.run_id, t.framework_id, coalesce(t.family_id, t.control_id) AS family_id, t.family_title, t.title
      FROM srm_internal.audit_control t
      UNION ALL
      SELECT r.run_id, c.framework_id, coalesce(c.family_id, c.control_id), c.family_title, c.title
      FROM srm.audit_run r
      JOIN srm.control c ON c.framework_id = r.framework_id
      WHERE NOT EXISTS (SELECT FROM srm.audit_default d WHERE d.run_id = r.run_id)) x
GROUP BY x.run_id, x.framework_id, x.family_id;
COMMENT ON VIEW srm_internal.audit_family IS
    'per audit run x control family (aws-srm controls count as their own family): the family''s title as the run kept it (srm_internal.audit_control), else, for a run of 0.2.0, as srm.control has it';

-- a check result of an asset x control from its own checks' (own) and its
-- account's (account): failed if either failed, passed if either passed,
-- else null (no check)
CREATE FUNCTION srm_internal.check_result(own text, account text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN own = 'failed' OR account = 'failed' THEN 'failed'
            WHEN own = 'passed' OR account = 'passed' THEN 'passed' END;
COMMENT ON FUNCTION srm_internal.check_result(text, text) IS
    'the check result of an asset x control given the result of the asset''s own checks and of its account''s: failed if either failed, passed if either passed, null if neither has one';

-- the failing checks of an asset x control: its own and its account's
CREATE FUNCTION srm_internal.failed_checks(own text[], account text[])
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN own IS NOT NULL OR account IS NOT NULL
            THEN ARRAY(SELECT DISTINCT c FROM unnest(coalesce(own, '{}') || coalesce(account, '{}')) c ORDER BY c) END;
COMMENT ON FUNCTION srm_internal.failed_checks(text[], text[]) IS
    'the failing checks of an asset x control: those of the asset''s own and of its account''s check results, sorted and without duplicates; null when neither has a result';

-- every asset x control of every run, asset rules and statuses applied: the
-- assets of stored groups from their findings, the others from their
-- service's answers
CREATE VIEW srm.audit_result WITH (security_invoker = true) AS
SELECT a.run_id, a.asset_id, a.arn, a.account_id, a.region, a.service_namespace, a.resource_type,
       g.framework_id, g.control_id, g.family_id,
       CASE WHEN x.asset_id IS NULL THEN g.responsibility ELSE x.responsibility END AS responsibility,
       CASE WHEN x.asset_id IS NULL THEN g.class ELSE x.class END AS class,
       CASE WHEN x.asset_id IS NULL THEN g.customer_part ELSE x.customer_part END AS customer_part,
       CASE WHEN x.asset_id IS NULL THEN g.override_id ELSE x.override_id END AS override_id,
       CASE WHEN x.asset_id IS NULL THEN g.status ELSE x.status END AS status,
       CASE WHEN x.asset_id IS NULL THEN g.evidence ELSE x.evidence END AS evidence,
       CASE WHEN x.asset_id IS NULL THEN g.gap ELSE x.gap END AS gap,
       a.grain,
       CASE WHEN (CASE WHEN x.asset_id IS NULL THEN g.customer_part ELSE x.customer_part END) <> 'not applicable'
            THEN srm_internal.check_result(ca.check_result, cc.check_result) END AS check_result,
       CASE WHEN (CASE WHEN x.asset_id IS NULL THEN g.customer_part ELSE x.customer_part END) <> 'not applicable'
            THEN srm_internal.failed_checks(ca.failed_checks, cc.failed_checks) END AS failed_checks,
       a.provider
FROM srm.audit_asset a
JOIN srm.audit_finding g
  ON g.run_id = a.run_id AND g.provider = a.provider AND g.account_id = a.account_id
 AND g.service_namespace = a.service_namespace AND g.grain = a.grain AND g.asset_id IS NULL
LEFT JOIN srm.audit_finding x
  ON x.run_id = a.run_id AND x.asset_id = a.asset_id AND x.control_id = g.control_id
LEFT JOIN srm.audit_check ca
  ON ca.run_id = a.run_id AND ca.asset_id = a.asset_id AND ca.account_id = a.account_id AND ca.control_id = g.control_id
LEFT JOIN srm.audit_check cc
  ON cc.run_id = a.run_id AND cc.asset_id IS NULL AND cc.account_id = a.account_id AND cc.control_id = g.control_id
 AND cc.provider = a.provider
UNION ALL
SELECT a.run_id, a.asset_id, a.arn, a.account_id, a.region, a.service_namespace, a.resource_type,
       d.framework_id, d.control_id, d.family_id,
       d.responsibility, d.class, d.customer_part, d.override_id, d.status, d.evidence, d.gap,
       a.grain,
       CASE WHEN d.customer_part <> 'not applicable' THEN srm_internal.check_result(ca.check_result, cc.check_result) END,
       CASE WHEN d.customer_part <> 'not applicable' THEN srm_internal.failed_checks(ca.failed_checks, cc.failed_checks) END,
       a.provider
FROM srm.audit_asset a
JOIN srm.audit_group g
  ON g.run_id = a.run_id AND g.provider = a.provider AND g.account_id = a.account_id
 AND g.service_namespace = a.service_namespace AND g.grain = a.grain AND NOT g.stored
JOIN srm.audit_default d
  ON d.run_id = a.run_id AND d.provider = a.provider AND d.service_namespace = a.service_namespace AND d.grain = a.grain
LEFT JOIN srm.audit_check ca
  ON ca.run_id = a.run_id AND ca.asset_id = a.asset_id AND ca.account_id = a.account_id AND ca.control_id = d.control_id
LEFT JOIN srm.audit_check cc
  ON cc.run_id = a.run_id AND cc.asset_id IS NULL AND cc.account_id = a.account_id AND cc.control_id = d.control_id
 AND cc.provider = a.provider;
COMMENT ON VIEW srm.audit_result IS
    'every asset x control of every audit run, as recorded: responsibility, class, the customer''s part, status, evidence and gap, the grain the asset was answered at (empty: its service; else its resource type and variant), computed on demand from the run''s findings and its answers per service and grain; and for the customer''s part (null where the customer has none) the scanners'' checks the run saw (srm.audit_check): check_result failed if a current check of the asset or of its account failed, passed if all passed, null if none applies (and for every run before 0.5.0), with the failing checks; provider: the asset''s (aws, azure, gcp)';

CREATE VIEW srm.bi_run WITH (security_invoker = true) AS
SELECT r.run_id, r.framework_id, r.baseline, r.accounts, r.started_at, r.finished_at, r.requested_by, r.note,
       r.assets, r.unknown_assets, r.controls, r.asset_controls, r.gaps,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'not-applicable'), 0) AS not_applicable,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'inherited'), 0) AS inherited,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'shared'), 0) AS shared,
       coalesce(sum(f.assets) FILTER (WHERE f.class = 'customer-specific'), 0) AS customer_specific,
       r.gaps_failing, r.gaps_passing, r.gaps - r.gaps_failing - r.gaps_passing AS gaps_unchecked,
       r.findings_through, r.findings_applied, r.findings_unmatched
FROM srm.audit_run r
LEFT JOIN srm_internal.audit_fold f USING (run_id)
GROUP BY r.run_id;
COMMENT ON VIEW srm.bi_run IS
    'one row per audit run: scope, counts of assets, controls, asset x control pairs by class, and customer gaps; the gaps split by the scanners'' checks (failing, passing but unattested, unchecked; null for runs before 0.5.0) and the findings the run saw';

CREATE VIEW srm.bi_responsibility_mix WITH (security_invoker = true) AS
SELECT f.run_id, r.started_at, f.account_id, f.service_namespace, f.class,
       sum(f.assets) AS asset_controls,
       count(DISTINCT f.control_id) AS controls,
       coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps,
       f.grain, f.provider
FROM srm.audit_finding f JOIN srm.audit_run r USING (run_id)
GROUP BY f.run_id, r.started_at, f.provider, f.account_id, f.service_namespace, f.grain, f.class
UNION ALL
-- a group that is not stored: its service's (and grain's) answers, per class
SELECT g.run_id, r.started_at, g.account_id, g.service_namespace, d.class,
       g.assets * d.controls, d.controls, g.assets * d.gaps, g.grain, g.provider
FROM srm.audit_group g
JOIN srm.audit_run r USING (run_id)
JOIN (SELECT d.run_id, d.provider, d.service_namespace, d.grain, d.class, count(*) AS controls, count(*) FILTER (WHERE d.gap) AS gaps
      FROM srm.audit_default d GROUP BY d.run_id, d.provider, d.service_namespace, d.grain, d.class) d
  ON d.run_id = g.run_id AND d.provider = g.provider AND d.service_namespace = g.service_namespace AND d.grain = g.grain
WHERE NOT g.stored;
COMMENT ON VIEW srm.bi_responsibility_mix IS
    'responsibility mix per run x account x service (of provider) x class (and grain: a resource type and variant answered apart from its service, empty for the service''s answer): asset x control pairs, distinct controls, and how many are customer gaps';

CREATE VIEW srm.bi_customer_gaps WITH (security_invoker = true) AS
-- each group of a run with the gaps of the part it names (srm.audit_gap):
-- its service's gaps at its grain, counting the group's assets, or for a
-- stored group its own gap findings, each counting its assets.  One join,
-- read group by group through a memoized index scan of the few parts, in
-- parallel where the planner finds it cheaper; a count or a sum per
-- account reads no text it does not need
SELECT g.run_id, g.account_id, g.service_namespace, d.asset, d.framework_id, d.control_id,
       d.label, d.title, d.family_id, d.family_title, d.responsibility, d.customer_part, d.class,
       d.status, d.evidence, coalesce(d.assets, g.assets) AS assets, g.grain, g.provider
FROM srm.audit_group g
JOIN srm.audit_gap d
  ON d.run_id = g.run_id AND d.provider = g.provider AND d.service_namespace = g.service_namespace AND d.grain = g.grain
 AND d.answers = g.answers;
COMMENT ON VIEW srm.bi_customer_gaps IS
    'open customer gaps: controls where the customer takes part and its part lacks implemented evidence, per run x account x service (of provider; asset null) or per asset';

-- the customer gaps of a run that a check speaks for, per run x account x
-- service x control, without a row per asset: the gaps whose asset's own
-- checks failed or passed (srm.audit_check keeps each asset row's gap), and
-- where the account has a result of its own (it applies to each asset of
-- the account), every gap of the account's assets on that control, read
-- from the run's findings and its groups' answers: failed, all of them
-- fail; passed, all pass but those whose own checks failed
CREATE VIEW srm_internal.audit_check_fold WITH (security_invoker = true) AS
SELECT u.run_id, u.account_id, u.service_namespace, u.framework_id, u.control_id,
       CASE WHEN max(u.account_result) = 'failed' THEN sum(u.gaps) ELSE sum(u.failed) END AS failing,
       CASE WHEN max(u.account_result) = 'failed' THEN 0
            WHEN max(u.account_result) = 'passed' THEN sum(u.gaps) - sum(u.failed)
            ELSE sum(u.passed) END AS passing,
       u.provider
FROM (SELECT c.run_id, c.provider, c.account_id, c.service_namespace, c.framework_id, c.control_id, NULL::text AS account_result,
             (c.check_result = 'failed')::integer AS failed, (c.check_result = 'passed')::integer AS passed, 0 AS gaps
      FROM srm.audit_check c
      WHERE c.asset_id IS NOT NULL AND c.gap
      UNION ALL
      SELECT c.run_id, c.provider, c.account_id, f.service_namespace, c.framework_id, c.control_id, c.check_result, 0, 0, f.assets
      FROM srm.audit_check c
      JOIN srm.audit_finding f
        ON f.run_id = c.run_id AND f.provider = c.provider AND f.account_id = c.account_id AND f.control_id = c.control_id
       AND f.gap AND f.assets > 0
      WHERE c.asset_id IS NULL
      UNION ALL
      SELECT c.run_id, c.provider, c.account_id, g.service_namespace, c.framework_id, c.control_id, c.check_result, 0, 0, g.assets
      FROM srm.audit_check c
      JOIN srm.audit_group g ON g.run_id = c.run_id AND g.provider = c.provider AND g.account_id = c.account_id AND NOT g.stored
      JOIN srm.audit_default d
        ON d.run_id = g.run_id AND d.provider = g.provider AND d.service_namespace = g.service_namespace AND d.grain = g.grain
       AND d.control_id = c.control_id AND d.gap
      WHERE c.asset_id IS NULL) u
GROUP BY u.run_id, u.provider, u.account_id, u.service_namespace, u.framework_id, u.control_id;
COMMENT ON VIEW srm_internal.audit_check_fold IS
    'per audit run x account x service x control that a check speaks for: how many customer gaps (asset x control) have a failing check (failing) and how many only passing checks (passing); the other gaps are unchecked';

-- customer gaps per run x account x service x control family, split by the
-- scanners' checks: the gaps from the run's findings and, for the groups
-- that are not stored, their assets times their service's gaps per family
CREATE VIEW srm.bi_check_results WITH (security_invoker = true) AS
SELECT g.run_id, g.account_id, g.service_namespace, g.framework_id, g.family_id, t.family_title,
       g.gaps AS customer_gaps,
       coalesce(k.failing, 0) AS failing,
       coalesce(k.passing, 0) AS passing_unattested,
       g.gaps - coalesce(k.failing, 0) - coalesce(k.passing, 0) AS unchecked,
       g.provider
FROM (SELECT u.run_id, u.provider, u.account_id, u.service_namespace, u.framework_id, u.family_id, sum(u.gaps) AS gaps
      FROM (SELECT f.run_id, f.provider, f.account_id, f.service_namespace, f.framework_id,
                   coalesce(f.family_id, f.control_id) AS family_id, f.assets::bigint AS gaps
            FROM srm.audit_finding f
            WHERE f.gap AND f.assets > 0
            UNION ALL
            SELECT g.run_id, g.provider, g.account_id, g.service_namespace, d.framework_id, d.family_id, g.assets * d.gaps
            FROM srm.audit_group g
            JOIN (SELECT d.run_id, d.provider, d.service_namespace, d.grain, d.framework_id,
                         coalesce(d.family_id, d.control_id) AS family_id, count(*) AS gaps
                  FROM srm.audit_default d WHERE d.gap
                  GROUP BY d.run_id, d.provider, d.service_namespace, d.grain, d.framework_id, coalesce(d.family_id, d.control_id)) d
              ON d.run_id = g.run_id AND d.provider = g.provider AND d.service_namespace = g.service_namespace
             AND d.grain = g.grain
            WHERE NOT g.stored) u
      GROUP BY u.run_id, u.provider, u.account_id, u.service_namespace, u.framework_id, u.family_id) g
JOIN srm.audit_run r ON r.run_id = g.run_id AND r.gaps_failing IS NOT NULL
-- the family of a control as the run kept it, else as the catalog has it
LEFT JOIN (SELECT k.run_id, k.provider, k.account_id, k.service_namespace, k.framework_id, k.family_id,
                  sum(k.failing) AS failing, sum(k.passing) AS passing
           FROM (SELECT k.run_id, k.provider, k.account_id, k.service_namespace, k.framework_id, k.failing, k.passing,
                        CASE WHEN t.run_id IS NOT NULL THEN coalesce(t.family_id, k.control_id)
                             ELSE coalesce(c.family_id, k.control_id) END AS family_id
                 FROM srm_internal.audit_check_fold k
                 LEFT JOIN srm_internal.audit_control t ON t.run_id = k.run_id AND t.control_id = k.control_id
                 LEFT JOIN srm.control c ON c.framework_id = k.framework_id AND c.control_id = k.control_id) k
           GROUP BY k.run_id, k.provider, k.account_id, k.service_namespace, k.framework_id, k.family_id) k
  ON k.run_id = g.run_id AND k.provider = g.provider AND k.account_id = g.account_id
 AND k.service_namespace = g.service_namespace AND k.family_id = g.family_id
-- the family's title as the run kept it (as the catalog has it for a run
-- of 0.2.0, which has no rows here anyway)
LEFT JOIN srm_internal.audit_family t
  ON t.run_id = g.run_id AND t.framework_id = g.framework_id AND t.family_id = g.family_id;
COMMENT ON VIEW srm.bi_check_results IS
    'customer gaps (asset x control) per run x account x service x control family (aws-srm controls count as their own family), split by the scanners'' checks the run saw: failing (a current check failed), passing_unattested (every current check passed, but no implemented status attests the control), unchecked (no check applies); runs before 0.5.0 have no rows';

CREATE VIEW srm.bi_gaps_by_family WITH (security_invoker = true) AS
-- summed per family, then titled as the run kept its controls (else, a run
-- of 0.2.0, as the catalog has them); a control the catalog no longer has
-- keeps its rows
SELECT f.run_id, f.framework_id, f.family_id, t.family_title, f.gaps, f.customer_asset_controls, f.controls_with_gaps
FROM (SELECT f.run_id, f.framework_id, coalesce(f.family_id, f.control_id) AS family_id,
             coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps,
             coalesce(sum(f.assets) FILTER (WHERE f.customer_part <> 'not applicable'), 0) AS customer_asset_controls,
             count(DISTINCT f.control_id) FILTER (WHERE f.gap AND f.assets > 0) AS controls_with_gaps
      FROM srm_internal.audit_fold f
      GROUP BY f.run_id, f.framework_id, coalesce(f.family_id, f.control_id)) f
LEFT JOIN srm_internal.audit_family t
  ON t.run_id = f.run_id AND t.framework_id = f.framework_id AND t.family_id = f.family_id;
COMMENT ON VIEW srm.bi_gaps_by_family IS
    'customer gaps per run x control family (aws-srm controls count as their own family)';

CREATE VIEW srm.bi_inherited_controls WITH (security_invoker = true) AS
-- per run x service x control: the assets (the stored findings', and the
-- groups that are not stored summed per grain) and the accounts with an
-- asset that inherits the control, counted without a row per account: the
-- accounts of groups that are not stored by the set of grains such groups
-- have in the account (few sets per service), plus the accounts of stored
-- findings that no such group counts already
SELECT f.run_id, f.framework_id, f.control_id, coalesce(t.label, c.label) AS label, coalesce(t.title, c.title) AS title,
       f.service_namespace,
       f.asset_controls, f.accounts,
       (SELECT string_agg(t.name || ' (' || t.obtain_from || ')', '; ' ORDER BY t.name)
        FROM srm.attestation t WHERE t.framework_id = f.framework_id AND t.provider = f.provider) AS attestations,
       f.provider
FROM (SELECT u.run_id, u.provider, u.framework_id, u.control_id, u.service_namespace,
             sum(u.assets)::bigint AS asset_controls, sum(u.accounts)::bigint AS accounts
      FROM (SELECT x.run_id, x.provider, x.framework_id, x.control_id, x.service_namespace, x.assets::bigint AS assets,
                   0::bigint AS accounts
            FROM srm.audit_finding x
            WHERE x.class = 'inherited' AND x.assets > 0
            UNION ALL
            SELECT x.run_id, x.provider, x.framework_id, x.control_id, x.service_namespace, 0, 1
            FROM (SELECT DISTINCT x.run_id, x.provider, x.framework_id, x.control_id, x.service_namespace, x.account_id
                  FROM srm.audit_finding x
                  WHERE x.class = 'inherited' AND x.assets > 0) x
            WHERE NOT EXISTS (SELECT FROM srm.audit_group g
                              JOIN srm.audit_default d
                                ON d.run_id = g.run_id AND d.provider = g.provider
                               AND d.service_namespace = g.service_namespace AND d.grain = g.grain
                              WHERE g.run_id = x.run_id AND g.provider = x.provider AND g.account_id = x.account_id
                                AND g.service_namespace = x.service_namespace AND NOT g.stored
                                AND d.control_id = x.control_id AND d.class = 'inherited')
            UNION ALL
            SELECT d.run_id, d.provider, d.framework_id, d.control_id, d.service_namespace, g.assets, 0
            FROM srm.audit_default d
            JOIN (SELECT g.run_id, g.provider, g.service_namespace, g.grain, sum(g.assets)::bigint AS assets
                  FROM srm.audit_group g WHERE NOT g.stored
                  GROUP BY g.run_id, g.provider, g.service_namespace, g.grain) g
              ON g.run_id = d.run_id AND g.provider = d.provider AND g.service_namespace = d.service_namespace
             AND g.grain = d.grain
            WHERE d.class = 'inherited'
            UNION ALL
            SELECT p.run_id, p.provider, d.framework_id, d.control_id, p.service_namespace, 0, p.accounts
            FROM (SELECT q.run_id, q.provider, q.service_namespace, q.grains, count(*) AS accounts
                  FROM (SELECT g.run_id, g.provider, g.account_id, g.service_namespace,
                               array_agg(g.grain ORDER BY g.grain) AS grains
                        FROM srm.audit_group g WHERE NOT g.stored
                        GROUP BY g.run_id, g.provider, g.account_id, g.service_namespace) q
                  GROUP BY q.run_id, q.provider, q.service_namespace, q.grains) p
            CROSS JOIN LATERAL (SELECT DISTINCT d.framework_id, d.control_id
                                FROM srm.audit_default d
                                WHERE d.run_id = p.run_id AND d.provider = p.provider
                                  AND d.service_namespace = p.service_namespace
                                  AND d.grain = ANY (p.grains) AND d.class = 'inherited') d) u
      GROUP BY u.run_id, u.provider, u.framework_id, u.control_id, u.service_namespace) f
-- the label and title as the run kept them, else (a run of 0.2.0) as the
-- catalog has them; a control the catalog no longer has keeps its rows
LEFT JOIN srm_internal.audit_control t ON t.run_id = f.run_id AND t.control_id = f.control_id
LEFT JOIN srm.control c ON c.framework_id = f.framework_id AND c.control_id = f.control_id;
COMMENT ON VIEW srm.bi_inherited_controls IS
    'controls inherited from the provider per run x service (of provider), with that provider''s attestations an auditor accepts for them (srm.attestation; null where srm knows none for the provider and framework)';

CREATE VIEW srm.bi_trend WITH (security_invoker = true) AS
SELECT r.run_id, r.started_at, r.framework_id, r.baseline, f.class,
       sum(f.assets) AS asset_controls, coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps
FROM srm.audit_run r JOIN srm_internal.audit_fold f USING (run_id)
GROUP BY r.run_id, r.started_at, r.framework_id, r.baseline, f.class;
COMMENT ON VIEW srm.bi_trend IS 'per run x class: asset x control pairs and gaps, for trends across runs';

CREATE VIEW srm.bi_unknown_assets WITH (security_invoker = true) AS
SELECT a.run_id, a.asset_id, a.account_id, a.region, a.resource_type, a.resource_id, a.arn, a.provider
FROM srm.audit_asset a WHERE NOT a.known;
COMMENT ON VIEW srm.bi_unknown_assets IS 'assets an audit run could not place (resource type unknown to srm): flagged, never dropped';

-- the run's totals per provider: the figures of srm.bi_run split by the
-- provider of the assets (sums over the providers of a run equal its row of
-- srm.bi_run)
CREATE VIEW srm.bi_provider_mix WITH (security_invoker = true) AS
SELECT a.run_id, a.provider, a.accounts, a.assets, a.unknown_assets,
       coalesce(f.asset_controls, 0) AS asset_controls, coalesce(f.gaps, 0) AS gaps,
       coalesce(f.not_applicable, 0) AS not_applicable, coalesce(f.inherited, 0) AS inherited,
       coalesce(f.shared, 0) AS shared, coalesce(f.customer_specific, 0) AS customer_specific,
       CASE WHEN r.gaps_failing IS NOT NULL THEN coalesce(k.failing, 0) END AS gaps_failing,
       CASE WHEN r.gaps_failing IS NOT NULL THEN coalesce(k.passing, 0) END AS gaps_passing,
       CASE WHEN r.gaps_failing IS NOT NULL THEN coalesce(f.gaps, 0) - coalesce(k.failing, 0) - coalesce(k.passing, 0) END
           AS gaps_unchecked
FROM (SELECT a.run_id, a.provider, count(DISTINCT a.account_id) AS accounts, count(*) AS assets,
             count(*) FILTER (WHERE NOT a.known) AS unknown_assets
      FROM srm.audit_asset a GROUP BY a.run_id, a.provider) a
JOIN srm.audit_run r ON r.run_id = a.run_id
LEFT JOIN (SELECT f.run_id, f.provider, sum(f.assets) AS asset_controls,
                  sum(f.assets) FILTER (WHERE f.gap) AS gaps,
                  sum(f.assets) FILTER (WHERE f.class = 'not-applicable') AS not_applicable,
                  sum(f.assets) FILTER (WHERE f.class = 'inherited') AS inherited,
                  sum(f.assets) FILTER (WHERE f.class = 'shared') AS shared,
                  sum(f.assets) FILTER (WHERE f.class = 'customer-specific') AS customer_specific
           FROM srm_internal.audit_fold f GROUP BY f.run_id, f.provider) f
  ON f.run_id = a.run_id AND f.provider = a.provider
LEFT JOIN (SELECT k.run_id, k.provider, sum(k.failing) AS failing, sum(k.passing) AS passing
           FROM srm_internal.audit_check_fold k GROUP BY k.run_id, k.provider) k
  ON k.run_id = a.run_id AND k.provider = a.provider;
COMMENT ON VIEW srm.bi_provider_mix IS
    'one row per audit run x provider (aws, azure, gcp) of its assets: accounts (AWS accounts, Azure subscriptions, Google Cloud projects), assets, unknown assets, asset x control pairs by class, customer gaps and, for runs since 0.5.0, the gaps split by the scanners'' checks; the rows of a run add up to its srm.bi_run row';

GRANT SELECT ON srm.bi_provider_mix TO PUBLIC;
GRANT SELECT ON srm_internal.audit_fold, srm_internal.audit_control, srm_internal.audit_family, srm_internal.audit_check_fold, srm.bi_check_results, srm.audit_result, srm.bi_run, srm.bi_responsibility_mix, srm.bi_customer_gaps,
    srm.bi_gaps_by_family, srm.bi_inherited_controls, srm.bi_trend, srm.bi_unknown_assets TO PUBLIC;
