-- Compact audit runs: every asset x control of a run (srm.audit_result), its
-- totals and its BI views equal a reference computed here per asset x
-- control, independently of the audit's code (the derivation of
-- srm.control_service, the most specific override and status chosen by the
-- documented rules, srm.responsibility_of on a sample), on the sample
-- inventory and on cases built with asset-, account- and service-scoped
-- overrides and statuses over 28 accounts; what a run stores; and an
-- override or status changed after a run changes nothing in it.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- the sample inventory (3,000 items, 3 accounts) and 300 items over 25 more accounts
\set sample `python3 :'abs_srcdir'/tools/sample/gen_sample_snapshot.py --out /dev/stdout 2>/dev/null`
\set more `python3 :'abs_srcdir'/tools/sample/gen_sample_snapshot.py --out /dev/stdout --items 300 --accounts 25 --seed 7 2>/dev/null`
SELECT load_config_snapshot(:'sample'::jsonb, 'sample') AS loaded;
SELECT load_config_snapshot(:'more'::jsonb, 'more accounts') AS loaded;
SELECT count(DISTINCT account_id) AS accounts, count(*) AS assets, count(*) FILTER (WHERE NOT known_type) AS unknown FROM asset;

-- the reference: every known asset x control in the scope of run rid, from
-- the model at the asset's grain (srm_internal.derivation_explained, before
-- overrides), the override that
-- applies (asset > account > service > provider, then control > family >
-- framework, then the newest) and the status that applies (asset > account
-- and service > service > account, then the newest assessment), read from
-- srm.override and srm.control_status as they are now
CREATE FUNCTION pg_temp.reference(rid bigint)
RETURNS TABLE (asset_id bigint, arn text, account_id text, service_namespace text, control_id text,
               responsibility srm.responsibility, class srm.control_class, customer_part srm.responsibility,
               override_id bigint, status text, evidence text, gap boolean)
LANGUAGE plpgsql AS $f$
BEGIN
    DROP TABLE IF EXISTS ref_grain, ref_pair, ref_cs, ref_ov, ref_st;
    -- each asset's grain, as srm.responsibility_of finds it: its resource
    -- type and configuration variant where the model answers for them
    CREATE TEMP TABLE ref_grain AS
    SELECT y.asset_id,
           srm_internal.grain_of('aws', y.service_namespace, CASE WHEN y.known_type THEN y.resource_type END,
               (SELECT v.variant FROM srm_internal.variant_of(y.resource_type, y.configuration,
                                                              y.supplementary_configuration) v)) AS grain_id
    FROM srm.asset y
    WHERE y.asset_id IN (SELECT z.asset_id FROM srm.audit_asset z WHERE z.run_id = rid);
    ANALYZE ref_grain;
    CREATE TEMP TABLE ref_pair AS
    SELECT a.asset_id, a.arn, a.account_id, a.service_namespace, c.framework_id, c.control_id, c.family_id,
           x.grain_id
    FROM srm.audit_asset a
    JOIN ref_grain x ON x.asset_id = a.asset_id
    JOIN srm.audit_run r ON r.run_id = a.run_id
    JOIN srm.control c ON c.framework_id = r.framework_id AND c.status = 'active'
                      AND (r.baseline IS NULL OR r.baseline = ANY (c.baselines))
    WHERE a.run_id = rid AND a.known;
    ANALYZE ref_pair;
    -- the model's answer at each grain, before overrides, from the explaining view
    CREATE TEMP TABLE ref_cs AS
    SELECT cs.framework_id, cs.control_id, cs.grain_id, cs.responsibility
    FROM srm_internal.derivation_explained cs
    WHERE cs.framework_id = (SELECT r.framework_id FROM srm.audit_run r WHERE r.run_id = rid)
      AND cs.grain_id IN (SELECT DISTINCT p.grain_id FROM ref_pair p);
    ANALYZE ref_cs;
    -- every override that matches a pair, then the most specific per pair
    CREATE TEMP TABLE ref_ov AS
    SELECT DISTINCT ON (p.asset_id, p.control_id) p.asset_id, p.control_id, o.override_id, o.responsibility
    FROM ref_pair p JOIN srm.override o
      ON o.framework_id = p.framework_id AND o.provider = 'aws'
     AND (o.asset IS NULL OR o.asset = p.arn) AND (o.account_id IS NULL OR o.account_id = p.account_id)
     AND (o.service_namespace IS NULL OR o.service_namespace = p.service_namespace)
     AND (o.control_id IS NULL OR o.control_id = p.control_id) AND (o.family_id IS NULL OR o.family_id = p.family_id)
    ORDER BY p.asset_id, p.control_id,
             CASE WHEN o.asset IS NOT NULL THEN 1 WHEN o.account_id IS NOT NULL THEN 2
                  WHEN o.service_namespace IS NOT NULL THEN 3 ELSE 4 END,
             CASE WHEN o.control_id IS NOT NULL THEN 1 WHEN o.family_id IS NOT NULL THEN 2 ELSE 3 END,
             o.override_id DESC;
    -- every status that matches a pair, then the most specific, newest per pair
    CREATE TEMP TABLE ref_st AS
    SELECT DISTINCT ON (p.asset_id, p.control_id) p.asset_id, p.control_id, s.status,
           coalesce(s.evidence, s.evidence_url) AS evidence
    FROM ref_pair p JOIN srm.control_status s
      ON s.framework_id = p.framework_id AND s.control_id = p.control_id AND s.provider = 'aws'
     AND (s.asset IS NULL OR s.asset = p.arn) AND (s.account_id IS NULL OR s.account_id = p.account_id)
     AND (s.service_namespace IS NULL OR s.service_namespace = p.service_namespace)
    ORDER BY p.asset_id, p.control_id,
             CASE WHEN s.asset IS NOT NULL THEN 1
                  WHEN s.account_id IS NOT NULL AND s.service_namespace IS NOT NULL THEN 2
                  WHEN s.service_namespace IS NOT NULL THEN 3 ELSE 4 END,
             s.assessed_at DESC, s.status_id DESC;
    ANALYZE ref_ov;
    ANALYZE ref_st;
    RETURN QUERY
    SELECT p.asset_id, p.arn, p.account_id, p.service_namespace, p.control_id, x.resp, srm.aws_class(x.resp),
           x.resp OPERATOR(srm.&) 'customer (configured, provided)', ov.override_id, st.status, st.evidence,
           x.resp OPERATOR(srm.&&) 'customer' AND coalesce(st.status, '') NOT IN ('implemented', 'alternative', 'not-applicable')
    FROM ref_pair p
    JOIN ref_cs cs ON cs.control_id = p.control_id AND cs.grain_id = p.grain_id
    LEFT JOIN ref_ov ov ON ov.asset_id = p.asset_id AND ov.control_id = p.control_id
    LEFT JOIN ref_st st ON st.asset_id = p.asset_id AND st.control_id = p.control_id
    CROSS JOIN LATERAL (SELECT coalesce(ov.responsibility, cs.responsibility) AS resp) x;
END
$f$;
CREATE TEMP TABLE ref (run_id bigint, asset_id bigint, arn text, account_id text, service_namespace text, control_id text,
                       responsibility srm.responsibility, class srm.control_class, customer_part srm.responsibility,
                       override_id bigint, status text, evidence text, gap boolean);

-- a run against the reference: rows of srm.audit_result, the run's totals
-- and the BI views, each as the number of rows that differ (0 everywhere)
CREATE FUNCTION pg_temp.compare(rid bigint)
RETURNS TABLE (pairs bigint, gaps bigint, result_rows bigint, differ_result bigint, differ_totals bigint,
               differ_mix bigint, differ_gaps bigint, differ_families bigint, differ_trend bigint, differ_inherited bigint)
LANGUAGE plpgsql AS $f$
BEGIN
RETURN QUERY EXECUTE format($q$
WITH x AS (SELECT r.*, coalesce(c.family_id, c.control_id) AS family
           FROM ref r JOIN srm.audit_run u USING (run_id)
           JOIN srm.control c ON c.framework_id = u.framework_id AND c.control_id = r.control_id
           WHERE r.run_id = %1$s),
res AS (SELECT * FROM srm.audit_result WHERE run_id = %1$s)
SELECT (SELECT count(*) FROM x), (SELECT count(*) FILTER (WHERE gap) FROM x), (SELECT count(*) FROM res),
       (SELECT count(*) FROM res FULL JOIN x USING (asset_id, control_id)
        WHERE res.asset_id IS NULL OR x.asset_id IS NULL
           OR (res.arn, res.account_id, res.service_namespace, res.responsibility, res.class, res.customer_part,
               res.override_id, res.status, res.evidence, res.gap)
              IS DISTINCT FROM (x.arn, x.account_id, x.service_namespace, x.responsibility, x.class, x.customer_part,
                                x.override_id, x.status, x.evidence, x.gap)),
       (SELECT count(*) FROM srm.bi_run b,
               (SELECT count(*) AS n, count(*) FILTER (WHERE gap) AS g,
                       count(*) FILTER (WHERE class = 'not-applicable') AS na, count(*) FILTER (WHERE class = 'inherited') AS inh,
                       count(*) FILTER (WHERE class = 'shared') AS sha, count(*) FILTER (WHERE class = 'customer-specific') AS cus
                FROM x) t
        WHERE b.run_id = %1$s
          AND (b.asset_controls, b.gaps, b.not_applicable, b.inherited, b.shared, b.customer_specific)
              IS DISTINCT FROM (t.n, t.g, t.na, t.inh, t.sha, t.cus)),
       (SELECT count(*) FROM (SELECT account_id, service_namespace, class, sum(asset_controls) AS asset_controls,
                                     sum(gaps) AS gaps
                              FROM srm.bi_responsibility_mix WHERE run_id = %1$s GROUP BY 1, 2, 3) m
        FULL JOIN (SELECT account_id, service_namespace, class, count(*) AS n, count(*) FILTER (WHERE gap) AS g
                   FROM x GROUP BY 1, 2, 3) y USING (account_id, service_namespace, class)
        WHERE (m.asset_controls, m.gaps) IS DISTINCT FROM (y.n, y.g)),
       (SELECT count(*) FROM (SELECT account_id, service_namespace, control_id, sum(assets) AS n
                              FROM srm.bi_customer_gaps WHERE run_id = %1$s GROUP BY 1, 2, 3) m
        FULL JOIN (SELECT account_id, service_namespace, control_id, count(*) AS n
                   FROM x WHERE gap GROUP BY 1, 2, 3) y USING (account_id, service_namespace, control_id)
        WHERE m.n IS DISTINCT FROM y.n),
       (SELECT count(*) FROM (SELECT * FROM srm.bi_gaps_by_family WHERE run_id = %1$s) m
        FULL JOIN (SELECT family, count(*) FILTER (WHERE gap) AS g,
                          count(*) FILTER (WHERE customer_part <> 'not applicable') AS c,
                          count(DISTINCT control_id) FILTER (WHERE gap) AS k
                   FROM x GROUP BY 1) y ON y.family = m.family_id
        WHERE (m.gaps, m.customer_asset_controls, m.controls_with_gaps) IS DISTINCT FROM (y.g, y.c, y.k)),
       (SELECT count(*) FROM (SELECT * FROM srm.bi_trend WHERE run_id = %1$s) m
        FULL JOIN (SELECT class, count(*) AS n, count(*) FILTER (WHERE gap) AS g FROM x GROUP BY 1) y USING (class)
        WHERE (m.asset_controls, m.gaps) IS DISTINCT FROM (y.n, y.g)),
       (SELECT count(*) FROM (SELECT * FROM srm.bi_inherited_controls WHERE run_id = %1$s) m
        FULL JOIN (SELECT control_id, service_namespace, count(*) AS n, count(DISTINCT account_id) AS a
                   FROM x WHERE class = 'inherited' GROUP BY 1, 2) y USING (control_id, service_namespace)
        WHERE (m.asset_controls, m.accounts) IS DISTINCT FROM (y.n, y.a))
$q$, rid);
END
$f$;

-- srm.responsibility_of on a sample of the run's pairs: every 150th known
-- asset with an ARN and every asset an override names, all controls of the
-- run (assets whose ARN names another account or service than their
-- resource type are left out: responsibility_of reads the ARN)
CREATE FUNCTION pg_temp.check_responsibility_of(rid bigint)
RETURNS TABLE (pairs bigint, differ bigint)
LANGUAGE sql STABLE AS $$
SELECT count(*), count(*) FILTER (WHERE srm.responsibility_of(r.arn, u.framework_id || ':' || r.control_id) <> r.responsibility)
FROM srm.audit_result r JOIN srm.audit_run u USING (run_id)
CROSS JOIN LATERAL srm.resolve_asset(r.arn) ra
WHERE r.run_id = rid AND ra.account_id = r.account_id AND ra.service_namespace = r.service_namespace
  AND (r.asset_id % 150 = 0 OR r.arn IN (SELECT o.asset FROM srm.override o))
$$;

-- what a run stores: findings (only for the groups an account- or asset-
-- scoped rule touches), groups, answers per service x control, copies
CREATE FUNCTION pg_temp.stored(rid bigint)
RETURNS TABLE (findings bigint, groups bigint, stored_groups bigint, defaults bigint, overrides bigint, statuses bigint)
LANGUAGE sql STABLE AS $$
SELECT (SELECT count(*) FROM srm.audit_finding WHERE run_id = rid),
       (SELECT count(*) FROM srm.audit_group WHERE run_id = rid),
       (SELECT count(*) FROM srm.audit_group WHERE run_id = rid AND stored),
       (SELECT count(*) FROM srm.audit_default WHERE run_id = rid),
       (SELECT count(*) FROM srm.audit_override WHERE run_id = rid),
       (SELECT count(*) FROM srm.audit_status WHERE run_id = rid)
$$;

-- the list of gaps (srm.bi_customer_gaps, one join of the run's groups and
-- the gaps it stores per part, srm.audit_gap) against the list as the
-- run's findings and answers give it: the stored findings with a gap, the
-- groups that are not stored times their service's gap answers, titled as
-- the run kept them; rows in either and not the other (0 everywhere)
CREATE FUNCTION pg_temp.gaps_list(rid bigint)
RETURNS TABLE (list_rows bigint, stored_rows bigint, asset_rows bigint, differ bigint)
LANGUAGE sql STABLE AS $$
WITH l AS (SELECT * FROM srm.bi_customer_gaps WHERE run_id = rid),
s AS (SELECT f.run_id, f.account_id, f.service_namespace, a.arn AS asset, f.framework_id, f.control_id,
             d.label, d.title, f.family_id, d.family_title, f.responsibility, f.customer_part, f.class,
             f.status, f.evidence, f.assets, f.grain, f.provider
      FROM srm.audit_finding f
      JOIN srm.audit_default d
        ON d.run_id = f.run_id AND d.provider = f.provider AND d.service_namespace = f.service_namespace
       AND d.grain = f.grain AND d.control_id = f.control_id
      LEFT JOIN srm.audit_asset a ON a.run_id = f.run_id AND a.asset_id = f.asset_id
      WHERE f.run_id = rid AND f.gap AND f.assets > 0
      UNION ALL
      SELECT g.run_id, g.account_id, g.service_namespace, NULL, d.framework_id, d.control_id,
             d.label, d.title, d.family_id, d.family_title, d.responsibility, d.customer_part, d.class,
             d.status, d.evidence, g.assets, g.grain, g.provider
      FROM srm.audit_group g
      JOIN srm.audit_default d
        ON d.run_id = g.run_id AND d.provider = g.provider AND d.service_namespace = g.service_namespace AND d.grain = g.grain
      WHERE g.run_id = rid AND NOT g.stored AND d.gap)
SELECT (SELECT count(*) FROM l),
       (SELECT count(*) FROM l JOIN srm.audit_group g USING (run_id, provider, account_id, service_namespace, grain)
        WHERE g.stored),
       (SELECT count(*) FROM l WHERE asset IS NOT NULL),
       (SELECT count(*) FROM ((SELECT * FROM l EXCEPT ALL SELECT * FROM s)
                              UNION ALL (SELECT * FROM s EXCEPT ALL SELECT * FROM l)) x)
$$;

-- 1. the sample as it is, no override or status: nothing per account is stored
SELECT run_audit('nist-800-53-r5', 'MODERATE', note => 'sample') AS run_1 \gset
INSERT INTO ref SELECT :run_1, * FROM pg_temp.reference(:run_1);
ANALYZE ref;
SELECT * FROM pg_temp.compare(:run_1);
SELECT * FROM pg_temp.gaps_list(:run_1);
SELECT * FROM pg_temp.stored(:run_1);
SELECT * FROM pg_temp.check_responsibility_of(:run_1);

-- 2. rules of every scope
SELECT arn AS ec2_a1 FROM asset WHERE account_id = '402918374655' AND resource_type = 'AWS::EC2::Instance' ORDER BY asset_id LIMIT 1 \gset
SELECT arn AS ec2_a2 FROM asset WHERE account_id = '718265390142' AND resource_type = 'AWS::EC2::Instance' ORDER BY asset_id LIMIT 1 \gset
SELECT arn AS s3_a3 FROM asset WHERE account_id = '259384716023' AND resource_type = 'AWS::S3::Bucket' ORDER BY asset_id LIMIT 1 \gset
SELECT account_id AS big FROM asset WHERE account_id NOT IN ('402918374655', '718265390142', '259384716023')
GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 \gset
SELECT arn AS any_big FROM asset WHERE account_id = :'big' AND arn IS NOT NULL AND known_type ORDER BY asset_id LIMIT 1 \gset
INSERT INTO override (provider, service_namespace, account_id, asset, framework_id, control_id, family_id, responsibility, reason) VALUES
    ('aws', NULL, NULL, NULL, 'nist-800-53-r5', NULL, 'at', 'customer', 'provider-wide family'),
    ('aws', 's3', NULL, NULL, 'nist-800-53-r5', 'SC-28', NULL, 'customer (configured)', 'service, control'),
    ('aws', 'iam', NULL, NULL, 'nist-800-53-r5', NULL, NULL, 'provider, customer (configured)', 'service, whole framework'),
    ('aws', NULL, '402918374655', NULL, 'nist-800-53-r5', NULL, 'si', 'customer, partner', 'account, family'),
    ('aws', 'ec2', '718265390142', NULL, 'nist-800-53-r5', 'CM-6', NULL, 'customer', 'account and service, control'),
    ('aws', NULL, NULL, :'ec2_a1', 'nist-800-53-r5', 'SI-2', NULL, 'customer (provided)', 'asset, control (beats the account''s family)'),
    ('aws', NULL, NULL, :'s3_a3', 'nist-800-53-r5', NULL, NULL, 'provider', 'asset, whole framework'),
    ('aws', NULL, NULL, :'any_big', 'nist-800-53-r5', NULL, 'ac', 'not applicable', 'asset, family, in a small account'),
    ('aws', NULL, :'big', NULL, 'aws-srm', NULL, NULL, 'customer', 'account, whole aws-srm');
INSERT INTO control_status (framework_id, control_id, account_id, service_namespace, asset, status, evidence, evidence_url, assessed_at, backdate_reason) VALUES
    ('nist-800-53-r5', 'SI-2', NULL, 'ec2', NULL, 'implemented', 'patch baseline', NULL, '2025-01-01Z', 'test dates'),
    ('nist-800-53-r5', 'SI-2', '402918374655', 'ec2', NULL, 'planned', NULL, NULL, '2024-01-01Z', 'test dates'),
    ('nist-800-53-r5', 'AC-2', '718265390142', NULL, NULL, 'partial', NULL, NULL, '2025-01-01Z', 'test dates'),
    ('nist-800-53-r5', 'AC-2', NULL, 's3', NULL, 'implemented', 'bucket policies reviewed', NULL, '2024-06-01Z', 'test dates'),
    ('nist-800-53-r5', 'CM-6', NULL, NULL, :'ec2_a2', 'alternative', NULL, 'https://wiki.example.com/cm6', '2025-01-01Z', 'test dates'),
    ('nist-800-53-r5', 'RA-5', NULL, 'lambda', NULL, 'planned', NULL, NULL, '2024-01-01Z', 'test dates'),
    ('nist-800-53-r5', 'RA-5', NULL, 'lambda', NULL, 'implemented', 'Inspector on', NULL, '2025-01-01Z', 'test dates'),
    ('nist-800-53-r5', 'SC-7', :'big', NULL, NULL, 'not-applicable', 'no network', NULL, '2025-01-01Z', 'test dates'),
    ('nist-800-53-r5', 'AU-2', :'big', 'ec2', NULL, 'implemented', 'CloudTrail', NULL, '2025-01-01Z', 'test dates'),
    ('aws-srm', 'data', '402918374655', NULL, NULL, 'partial', NULL, NULL, '2025-01-01Z', 'test dates');

SELECT run_audit('nist-800-53-r5', 'MODERATE', note => 'rules') AS run_2 \gset
INSERT INTO ref SELECT :run_2, * FROM pg_temp.reference(:run_2);
ANALYZE ref;
SELECT * FROM pg_temp.compare(:run_2);
SELECT * FROM pg_temp.gaps_list(:run_2);
SELECT * FROM pg_temp.stored(:run_2);
SELECT * FROM pg_temp.check_responsibility_of(:run_2);
-- the run's copies are the rules as they were
SELECT (SELECT count(*) FROM (SELECT override_id, provider, service_namespace, account_id, asset, framework_id, control_id,
                                     family_id, responsibility, reason, created_by, created_at FROM audit_override WHERE run_id = :run_2
                              EXCEPT SELECT override_id, provider, service_namespace, account_id, asset, framework_id, control_id,
                                     family_id, responsibility, reason, created_by, created_at FROM override) d) AS overrides_differ,
       (SELECT count(*) FROM (SELECT status_id, status, evidence, evidence_url, assessed_at FROM audit_status WHERE run_id = :run_2
                              EXCEPT SELECT status_id, status, evidence, evidence_url, assessed_at FROM control_status) d) AS statuses_differ;

-- the report's table of the largest gaps, which reads the stored findings and
-- the answers of the largest groups, lists the first rows of the query the
-- report prints under it (taken from the report and run)
CREATE FUNCTION pg_temp.top_gaps(rid bigint, OUT top_gap_rows bigint, OUT differ bigint) LANGUAGE plpgsql AS $f$
DECLARE
    html text := report_html(rid);
    caption text := substring(html from '<p class="sql">SQL: <code>(SELECT g\.label, g\.title[^<]*)</code>');
BEGIN
    IF caption IS NULL THEN
        RAISE EXCEPTION 'the report of run % prints no query under its table of the largest gaps', rid;
    END IF;
    EXECUTE format($q$
        SELECT count(*), count(*) FILTER (WHERE t IS DISTINCT FROM q)
        FROM (SELECT row_number() OVER () AS i, m[1] AS label, m[2] AS account_id, m[3] AS service_namespace, m[5] AS asset, m[6] AS assets
              FROM regexp_matches($1,
                       '<tr><td class="id">([^<]*)</td><td>[^<]*</td><td class="id">([^<]*)</td><td>([^<]*)(<br><span class="arn">([^<]*)</span>)?</td><td class="n">([^<]*)</td>',
                       'g') m) t
        FULL JOIN (SELECT row_number() OVER () AS i, x.label, x.account_id, x.service_namespace, x.asset,
                          srm_internal.report_number(x.assets) AS assets
                   FROM (%s) x) q USING (i)$q$, caption)
    INTO top_gap_rows, differ USING html;
END
$f$;
SELECT * FROM pg_temp.top_gaps(:run_2);

-- 3. aws-srm over some accounts, one with an account-wide override
SELECT run_audit('aws-srm', NULL, ARRAY['402918374655', :'big'], note => 'two accounts') AS run_3 \gset
INSERT INTO ref SELECT :run_3, * FROM pg_temp.reference(:run_3);
ANALYZE ref;
SELECT * FROM pg_temp.compare(:run_3);
SELECT * FROM pg_temp.gaps_list(:run_3);
SELECT * FROM pg_temp.stored(:run_3);
SELECT * FROM pg_temp.check_responsibility_of(:run_3);

-- 4. what is changed after a run changes nothing in it: run 2's BI views,
-- report and SSP as they are now ...
CREATE TEMP TABLE seen AS
SELECT 'bi_run' AS what, md5(string_agg(b::text, E'\n' ORDER BY b::text)) AS digest FROM bi_run b WHERE run_id = :run_2
UNION ALL SELECT 'bi_responsibility_mix', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM bi_responsibility_mix b WHERE run_id = :run_2
UNION ALL SELECT 'bi_customer_gaps', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM bi_customer_gaps b WHERE run_id = :run_2
UNION ALL SELECT 'bi_gaps_by_family', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM bi_gaps_by_family b WHERE run_id = :run_2
UNION ALL SELECT 'bi_inherited_controls', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM bi_inherited_controls b WHERE run_id = :run_2
UNION ALL SELECT 'bi_trend', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM bi_trend b WHERE run_id = :run_2
UNION ALL SELECT 'bi_unknown_assets', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM bi_unknown_assets b WHERE run_id = :run_2
UNION ALL SELECT 'report_html', md5(report_html(:run_2))
UNION ALL SELECT 'oscal_ssp', md5(oscal_ssp(:run_2)::text);
-- ... then overrides and statuses updated, deleted and added, and assets removed
UPDATE override SET responsibility = 'provider' WHERE reason = 'account, family';
DELETE FROM override WHERE reason = 'service, control';
INSERT INTO override (service_namespace, framework_id, responsibility, reason)
VALUES ('ec2', 'nist-800-53-r5', 'customer', 'added after the run');
UPDATE control_status SET status = 'implemented', evidence = 'done since' WHERE status = 'partial';
DELETE FROM control_status WHERE asset IS NOT NULL;
INSERT INTO control_status (framework_id, control_id, service_namespace, status, evidence)
VALUES ('nist-800-53-r5', 'AU-2', 's3', 'implemented', 'added after the run');
DELETE FROM asset WHERE account_id = :'big';
SELECT s.what, s.digest = n.digest AS unchanged
FROM seen s
JOIN (SELECT 'bi_run' AS what, md5(string_agg(b::text, E'\n' ORDER BY b::text)) AS digest FROM bi_run b WHERE run_id = :run_2
      UNION ALL SELECT 'bi_responsibility_mix', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM bi_responsibility_mix b WHERE run_id = :run_2
      UNION ALL SELECT 'bi_customer_gaps', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM bi_customer_gaps b WHERE run_id = :run_2
      UNION ALL SELECT 'bi_gaps_by_family', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM bi_gaps_by_family b WHERE run_id = :run_2
      UNION ALL SELECT 'bi_inherited_controls', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM bi_inherited_controls b WHERE run_id = :run_2
      UNION ALL SELECT 'bi_trend', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM bi_trend b WHERE run_id = :run_2
      UNION ALL SELECT 'bi_unknown_assets', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM bi_unknown_assets b WHERE run_id = :run_2
      UNION ALL SELECT 'report_html', md5(report_html(:run_2))
      UNION ALL SELECT 'oscal_ssp', md5(oscal_ssp(:run_2)::text)) n USING (what)
ORDER BY 1;
-- and a catalog that renames controls later changes nothing in the run's
-- list of gaps: its stored findings too show the titles the run kept
CREATE TEMP TABLE gaps_seen AS
SELECT md5(string_agg(b::text, E'\n' ORDER BY b::text)) AS digest FROM bi_customer_gaps b WHERE run_id = :run_2;
UPDATE control SET title = title || ' (renamed after the run)', label = label || '*'
WHERE (framework_id, control_id) IN (SELECT framework_id, control_id FROM audit_finding
                                     WHERE run_id = :run_2 AND gap AND assets > 0 ORDER BY control_id LIMIT 3);
SELECT (SELECT digest FROM gaps_seen) = md5(string_agg(b::text, E'\n' ORDER BY b::text)) AS gaps_unchanged,
       count(*) FILTER (WHERE b.asset IS NOT NULL) > 0 AS has_stored_findings
FROM bi_customer_gaps b WHERE run_id = :run_2;
UPDATE control SET title = left(title, -length(' (renamed after the run)')), label = left(label, -1)
WHERE title LIKE '% (renamed after the run)';
-- and the run's titles are the run's: a catalog that renames every control
-- of run 2 after it (label, title and family title) changes none of its
-- BI views that show titles, nor its report or SSP
CREATE FUNCTION pg_temp.titled(rid bigint) RETURNS TABLE (what text, digest text) LANGUAGE sql AS $f$
SELECT 'bi_customer_gaps', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM srm.bi_customer_gaps b WHERE b.run_id = rid
UNION ALL SELECT 'bi_gaps_by_family', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM srm.bi_gaps_by_family b WHERE b.run_id = rid
UNION ALL SELECT 'bi_check_results', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM srm.bi_check_results b WHERE b.run_id = rid
UNION ALL SELECT 'bi_inherited_controls', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM srm.bi_inherited_controls b WHERE b.run_id = rid
UNION ALL SELECT 'report_html', md5(srm.report_html(rid))
UNION ALL SELECT 'oscal_ssp', md5(srm.oscal_ssp(rid)::text)
$f$;
CREATE TEMP TABLE titles_seen AS SELECT * FROM pg_temp.titled(:run_2);
BEGIN;
\set rename_run :run_2
\i :abs_srcdir/sql/include/rename_run_controls.sql
SELECT s.what, s.digest = n.digest AS unchanged_by_renames
FROM titles_seen s JOIN pg_temp.titled(:run_2) n USING (what)
ORDER BY 1;
SELECT count(*) AS ssp_remarks, count(*) FILTER (WHERE r #>> '{}' LIKE '%renamed after the run%') AS renamed_in_ssp
FROM jsonb_path_query(oscal_ssp(:run_2), 'strict $.**.remarks') r;
ROLLBACK;
-- and a control the catalog no longer has keeps its rows in the run: with
-- controls that have stored gaps and inherited controls of run 2 removed
-- from srm.control (their layers and scanner mappings first, their
-- enhancements' parent cleared), the run's totals, the rows of its report's
-- tables (their order may change: it follows the catalog's) and the
-- requirements of its SSP stay as they were
CREATE FUNCTION pg_temp.totals(rid bigint) RETURNS TABLE (what text, total text) LANGUAGE sql AS $f$
SELECT 'bi_customer_gaps', format('%s rows, %s gaps', count(*), sum(b.assets)) FROM srm.bi_customer_gaps b WHERE b.run_id = rid
UNION ALL
SELECT 'bi_gaps_by_family', format('%s families, %s gaps, %s customer pairs, %s controls with gaps, titles %s',
                                   count(*), sum(b.gaps), sum(b.customer_asset_controls), sum(b.controls_with_gaps),
                                   md5(string_agg(b.family_id || ': ' || b.family_title, '; ' ORDER BY b.family_id)))
FROM srm.bi_gaps_by_family b WHERE b.run_id = rid
UNION ALL
SELECT 'bi_check_results', format('%s rows, %s gaps, %s failing, %s passing, %s unchecked',
                                  count(*), sum(b.customer_gaps), sum(b.failing), sum(b.passing_unattested), sum(b.unchecked))
FROM srm.bi_check_results b WHERE b.run_id = rid
UNION ALL
SELECT 'bi_inherited_controls', format('%s rows, %s controls, %s pairs, %s accounts', count(*), count(DISTINCT b.control_id),
                                       sum(b.asset_controls), sum(b.accounts))
FROM srm.bi_inherited_controls b WHERE b.run_id = rid
UNION ALL
SELECT 'report_html rows', format('%s rows, %s', count(*), md5(string_agg(m[1], E'\n' ORDER BY m[1])))
FROM regexp_matches(regexp_replace(srm.report_html(rid), '<table id="top-gaps">.*?</table>', ''), '(<tr>.*?</tr>)', 'g') m
UNION ALL
SELECT 'report_html text', md5(regexp_replace(srm.report_html(rid), '<tr>.*?</tr>', '', 'g'))
UNION ALL
SELECT 'oscal_ssp requirements', format('%s requirements, %s', count(*), md5(string_agg(r::text, E'\n' ORDER BY r ->> 'control-id')))
FROM jsonb_array_elements(srm.oscal_ssp(rid) #> '{system-security-plan,control-implementation,implemented-requirements}') r
$f$;
CREATE TEMP TABLE totals_seen AS SELECT * FROM pg_temp.totals(:run_2);
BEGIN;
SELECT set_config('srm.loading_model', 'on', true) AS no_derivation_refresh;
CREATE TEMP TABLE gone ON COMMIT DROP AS
(SELECT DISTINCT framework_id, control_id FROM audit_finding
 WHERE run_id = :run_2 AND gap AND assets > 0 ORDER BY control_id LIMIT 3)
UNION
(SELECT DISTINCT framework_id, control_id FROM bi_inherited_controls WHERE run_id = :run_2 ORDER BY control_id DESC LIMIT 3);
UPDATE control SET parent_id = NULL WHERE (framework_id, parent_id) IN (SELECT framework_id, control_id FROM gone);
DELETE FROM check_control WHERE (framework_id, control_id) IN (SELECT framework_id, control_id FROM gone);
DELETE FROM control_layer WHERE (framework_id, control_id) IN (SELECT framework_id, control_id FROM gone);
DELETE FROM control WHERE (framework_id, control_id) IN (SELECT framework_id, control_id FROM gone);
SELECT count(*) AS removed, count(*) FILTER (WHERE EXISTS (SELECT FROM control c WHERE (c.framework_id, c.control_id) = (g.framework_id, g.control_id))) AS still_in_catalog
FROM gone g;
SELECT s.what, s.total = n.total AS unchanged_by_removals
FROM totals_seen s JOIN pg_temp.totals(:run_2) n USING (what)
ORDER BY 1;
-- (the table of the largest gaps, which lists the first rows by the
-- catalog's order, removed controls last, is still the query under it)
SELECT * FROM pg_temp.top_gaps(:run_2);
ROLLBACK;
-- and every row of run 2 in srm.audit_result still equals the reference
-- computed when it ran; a new run sees the change
SELECT * FROM pg_temp.compare(:run_2);
SELECT run_audit('nist-800-53-r5', 'MODERATE', note => 'after the changes') AS run_4 \gset
INSERT INTO ref SELECT :run_4, * FROM pg_temp.reference(:run_4);
ANALYZE ref;
SELECT * FROM pg_temp.compare(:run_4);
SELECT * FROM pg_temp.stored(:run_4);

-- 5. one asset's rows are read by index probes, whatever the run's size:
-- no sequential scan of the tables that grow with the run's assets (the
-- planner may rightly scan srm.audit_check when earlier files left it a
-- few rows: it grows with findings, and none are loaded here)
CREATE FUNCTION pg_temp.plan_lines(q text, pattern text) RETURNS integer LANGUAGE plpgsql AS $f$
DECLARE
    line text;
    n integer := 0;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        IF line ~ pattern THEN
            n := n + 1;
        END IF;
    END LOOP;
    RETURN n;
END
$f$;
SELECT asset_id AS one FROM audit_asset WHERE run_id = :run_2 AND known ORDER BY asset_id OFFSET 1000 LIMIT 1 \gset
SELECT pg_temp.plan_lines(format('SELECT * FROM srm.audit_result WHERE run_id = %s AND asset_id = %s', :run_2, :one),
                          'Seq Scan on audit_(asset|finding|group|default)\M') AS seq_scans,
       (SELECT count(*) FROM audit_result WHERE run_id = :run_2 AND asset_id = :one) AS rows_of_one_asset;
-- and the assets a run could not place are found by the partial index on
-- them, without reading the run's other assets
SELECT pg_temp.plan_lines(format('SELECT * FROM srm.bi_unknown_assets WHERE run_id = %s', :run_2), 'audit_asset_unknown') > 0 AS by_partial_index,
       (SELECT count(*) FROM bi_unknown_assets WHERE run_id = :run_2) AS unknown_assets,
       (SELECT count(*) FROM audit_asset WHERE run_id = :run_2) AS assets;
-- and a run's groups are read in parallel whatever their size (each fans
-- out to its service's answers): where parallel workers cost nothing, the
-- whole list of gaps reads them by a parallel scan, though the table is far
-- under min_parallel_table_scan_size
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SELECT pg_temp.plan_lines(format('SELECT count(*) FROM srm.bi_customer_gaps WHERE run_id = %s', :run_2),
                          'Parallel .*Scan.* on audit_group\M') AS groups_in_parallel,
       pg_relation_size('srm.audit_group') < pg_size_bytes(current_setting('min_parallel_table_scan_size')) AS groups_under_threshold;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;

-- clean up for the tests that follow
DELETE FROM audit_run;
DELETE FROM control_status;
DELETE FROM override;
