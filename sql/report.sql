-- srm.report_html: the audit report as one self-contained HTML page.
-- The test makes its own small audit runs (ids 900001-900003) by INSERTs,
-- asserts facts about the page, and deletes the runs at the end.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- two runs of NIST 800-53 MODERATE, one of aws-srm; three accounts, three
-- services, one asset of an unknown type; a note and a resource id with markup
INSERT INTO audit_run (run_id, framework_id, baseline, accounts, started_at, finished_at, requested_by, note,
                       assets, unknown_assets, controls, asset_controls, gaps)
VALUES (900001, 'nist-800-53-r5', 'MODERATE', NULL, '2024-05-01 08:00:00+00', '2024-05-01 08:00:07+00', 'alice',
        'first run', 2006, 1, 4, 0, 0),
       (900002, 'nist-800-53-r5', 'MODERATE', NULL, '2024-06-01 08:00:00+00', '2024-06-01 08:00:09+00', 'alice',
        'after <script>alert(1)</script> & "review"', 2006, 1, 4, 0, 0),
       (900003, 'aws-srm', NULL, ARRAY['111111111111'], '2024-06-02 10:30:00+00', NULL, 'bob',
        NULL, 5, 0, 2, 0, 0);
INSERT INTO audit_asset (run_id, asset_id, account_id, region, resource_type, resource_id, arn, service_namespace, known)
SELECT r, a.asset_id, a.account_id, 'us-east-1', a.resource_type, a.resource_id, a.arn, a.service_namespace, a.known
FROM unnest(ARRAY[900001, 900002]) r,
     (VALUES (1, '111111111111', 'AWS::EC2::Instance', 'i-1', 'arn:aws:ec2:us-east-1:111111111111:instance/i-1', 'ec2', true),
             (2, '222222222222', 'AWS::S3::Bucket', 'b-1', 'arn:aws:s3:::b-1', 's3', true),
             (3, '333333333333', 'AWS::IAM::Role', 'r-1', 'arn:aws:iam::333333333333:role/r-1', 'iam', true),
             (4, '111111111111', 'AWS::Made::Up', 'x<y>&"z', NULL, NULL, false)) a(asset_id, account_id, resource_type, resource_id, arn, service_namespace, known);
INSERT INTO audit_asset (run_id, asset_id, account_id, region, resource_type, resource_id, arn, service_namespace, known)
VALUES (900003, 1, '111111111111', 'us-east-1', 'AWS::EC2::Instance', 'i-1', 'arn:aws:ec2:us-east-1:111111111111:instance/i-1', 'ec2', true);
-- findings: per account x service x control; "assets" may speak for many assets
INSERT INTO audit_finding (run_id, account_id, service_namespace, asset_id, framework_id, control_id, family_id,
                           responsibility, class, customer_part, status, evidence, gap, assets)
SELECT r, f.account_id, f.service_namespace, NULL, 'nist-800-53-r5', f.control_id, f.family_id,
       f.resp::responsibility, aws_class(f.resp::responsibility),
       f.resp::responsibility OPERATOR(srm.&) 'customer (configured, provided)',
       CASE WHEN r = 900002 AND f.control_id = 'si-2' THEN 'implemented' END,
       CASE WHEN r = 900002 AND f.control_id = 'si-2' THEN 'patch runbook' END,
       f.gap AND NOT (r = 900002 AND f.control_id = 'si-2'), f.assets
FROM unnest(ARRAY[900001, 900002]) r,
     (VALUES ('111111111111', 'ec2', 'pe-3',  'pe', 'provider (corporate, system)',          false, 1500),
             ('111111111111', 'ec2', 'si-2',  'si', 'provider (system), customer (provided)', true, 1500),
             ('111111111111', 'ec2', 'ac-2',  'ac', 'customer (configured)',                 true, 1500),
             ('111111111111', 'ec2', 'cm-6',  'cm', 'provider (system), customer (configured)', true, 1500),
             ('222222222222', 's3',  'pe-3',  'pe', 'provider (corporate, system)',          false, 500),
             ('222222222222', 's3',  'si-2',  'si', 'provider (system)',                     false, 500),
             ('222222222222', 's3',  'ac-2',  'ac', 'customer (configured)',                 true, 500),
             ('222222222222', 's3',  'cm-6',  'cm', 'not applicable',                        false, 500),
             ('333333333333', 'iam', 'pe-3',  'pe', 'provider (corporate, system)',          false, 5),
             ('333333333333', 'iam', 'ac-2',  'ac', 'customer (configured)',                 true, 5)
     ) f(account_id, service_namespace, control_id, family_id, resp, gap, assets);
INSERT INTO audit_finding (run_id, account_id, service_namespace, asset_id, framework_id, control_id, family_id,
                           responsibility, class, customer_part, status, evidence, gap, assets)
VALUES (900003, '111111111111', 'ec2', NULL, 'aws-srm', 'physical-and-environmental', NULL,
        'provider (corporate)', 'inherited', 'not applicable', NULL, NULL, false, 5),
       (900003, '111111111111', 'ec2', NULL, 'aws-srm', 'os-patching', NULL,
        'customer (provided)', 'customer-specific', 'customer (provided)', NULL, NULL, true, 5);
UPDATE audit_run r
SET asset_controls = (SELECT sum(f.assets) FROM audit_finding f WHERE f.run_id = r.run_id),
    gaps = (SELECT coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) FROM audit_finding f WHERE f.run_id = r.run_id)
WHERE run_id IN (900001, 900002, 900003);

SELECT run_id, asset_controls, gaps, not_applicable, inherited, shared, customer_specific
FROM bi_run WHERE run_id BETWEEN 900001 AND 900003 ORDER BY run_id;

CREATE TEMP TABLE page AS
SELECT run_id, report_html(run_id) AS html FROM unnest(ARRAY[900001, 900002, 900003]::bigint[]) run_id;

-- a whole page, charts, accessibility, no network
CREATE FUNCTION pg_temp.occurrences(h text, s text) RETURNS integer
LANGUAGE sql IMMUTABLE RETURN (length(h) - length(replace(h, s, ''))) / length(s);
SELECT run_id,
       html LIKE E'<!DOCTYPE html>\n<html lang="en">%' AND html LIKE E'%</html>\n' AS whole_page,
       pg_temp.occurrences(html, '<svg') AS svgs,
       pg_temp.occurrences(html, '</svg>') AS svgs_closed,
       pg_temp.occurrences(html, 'role="img" aria-labelledby="chart-') AS labelled_svgs,
       pg_temp.occurrences(html, '<title id="chart-') AS svg_titles,
       html ~ '<title>Shared responsibility audit, run \d+: ' AS page_title,
       html ~ '<rect ' AND html ~ '<circle ' AS shapes,
       html ~ '<style>' AS inline_style,
       pg_temp.occurrences(lower(html), 'http://') + pg_temp.occurrences(lower(html), 'https://') AS urls,
       html ~* '<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import' AS external_or_script
FROM page ORDER BY run_id;

-- every figure traceable: the SQL under each chart and table
SELECT run_id, pg_temp.occurrences(html, '<code>SELECT ') AS sql_lines,
       html LIKE '%<code>SELECT account_id, class, sum(asset_controls) FROM srm.bi_responsibility_mix WHERE run_id = ' || run_id || ' %' AS accounts_sql,
       html LIKE '%FROM srm.bi_gaps_by_family WHERE run_id = ' || run_id || ' %' AS families_sql,
       html LIKE '%FROM srm.bi_run WHERE framework_id = %run_id &lt;= ' || run_id || ' %' AS trend_sql
FROM page ORDER BY run_id;

-- the headline figures are srm.bi_run's, with thousands separators
SELECT p.run_id, k.id,
       substring(p.html FROM '<span class="n" id="' || k.id || '">([^<]*)</span>') AS in_report,
       srm_internal.report_number(k.v) AS in_bi_run,
       substring(p.html FROM '<span class="n" id="' || k.id || '">([^<]*)</span>') = srm_internal.report_number(k.v) AS same
FROM page p JOIN bi_run b USING (run_id)
CROSS JOIN LATERAL (VALUES ('asset-controls', b.asset_controls::numeric), ('not-applicable', b.not_applicable),
                           ('inherited', b.inherited), ('shared', b.shared),
                           ('customer-specific', b.customer_specific), ('gaps', b.gaps)) k(id, v)
WHERE p.run_id = 900002 ORDER BY p.run_id, k.id;
SELECT run_id,
       substring(html FROM '<dd id="assets">([^<]*)</dd>') AS assets,
       substring(html FROM '<dd id="unknown-assets">([^<]*)</dd>') AS unknown_assets,
       html LIKE '%<dd>2024-06-01 08:00:00 UTC</dd>%' AS started_in_utc
FROM page ORDER BY run_id;

-- text from the database is escaped
SELECT html LIKE '%after &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;review&quot;%' AS note_escaped,
       html LIKE '%x&lt;y&gt;&amp;&quot;z%' AS resource_id_escaped,
       html LIKE '%<table id="unknown-assets-table">%' AS unknown_assets_listed,
       html NOT LIKE '%x<y>%' AS no_raw_markup
FROM page WHERE run_id = 900002;
SELECT srm_internal.html_escape($$<a href="x">Tom & Jerry's</a>$$) AS escaped, srm_internal.html_escape(NULL) IS NULL AS strict;

-- the trend: the runs of the same framework and baseline up to this one
SELECT run_id,
       (SELECT string_agg(m[1], ' ') FROM regexp_matches(html, '>(#\d+)</text>', 'g') m) AS runs_in_trend,
       substring(html FROM '<p class="note" id="trend-note">([^<]*)') AS trend_note
FROM page ORDER BY run_id;

-- tables: top gaps, inherited controls with the attestations to cite
SELECT run_id,
       (SELECT string_agg(m[1], ' ') FROM regexp_matches(html, '<tr><td class="id">([^<]*)</td>[^\n]*<span class="tag[^"]*">', 'g') m) AS gap_rows,
       html LIKE '%AWS SOC 2 Type II report (AWS Artifact)%' AS cites_attestation,
       (SELECT string_agg(m[1] || '/' || m[2], ' ') FROM regexp_matches(html, '<tr><td class="id">([^<]*)</td><td>[^<]*</td><td class="n">(\d+)</td>', 'g') m) AS inherited_services
FROM page ORDER BY run_id;

-- the same rows give the same page, whatever the session's time zone
SET TimeZone = 'Asia/Tokyo';
SELECT run_id, report_html(run_id) = html AS same_page FROM page ORDER BY run_id;
RESET TimeZone;

-- an unknown run is an error naming the latest run; null in, null out
\set SHOW_CONTEXT never
SELECT report_html(900099);
DO $$
DECLARE st text; hint text;
BEGIN
    PERFORM srm.report_html(900099);
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, hint = PG_EXCEPTION_HINT;
    RAISE NOTICE 'sqlstate %: %', st, hint;
END
$$;
\set SHOW_CONTEXT errors
SELECT report_html(NULL) IS NULL AS strict;

-- labelled and commented
SELECT p.oid::regprocedure AS function, p.provolatile, p.proparallel, p.proisstrict,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p WHERE p.pronamespace IN ('srm'::regnamespace, 'srm_internal'::regnamespace)
  AND p.proname IN ('report_html', 'html_escape', 'report_number', 'report_percent', 'report_axis_step',
                    'report_stacked_svg', 'report_bars_svg', 'report_trend_svg')
ORDER BY p.proname;
SELECT srm_internal.report_number(1234567) AS n, srm_internal.report_number(0) AS zero, srm_internal.report_percent(1, 3) AS third,
       srm_internal.report_percent(1, 100000) AS tiny, srm_internal.report_percent(99999, 100000) AS almost, srm_internal.report_percent(0, 0) AS none;

DELETE FROM audit_run WHERE run_id BETWEEN 900001 AND 900003;
SELECT count(*) AS left_over FROM audit_finding WHERE run_id BETWEEN 900001 AND 900003;

-- a large organisation: past 25 accounts (srm_internal.report_account_threshold)
-- the page shows the accounts and services with the most gaps, a histogram of
-- the accounts' gap shares and totals per tag value; each checked here against
-- the BI views and srm.audit_result.  In a transaction rolled back at the end.
BEGIN;
\set big `python3 :'abs_srcdir'/tools/sample/gen_sample_snapshot.py --out /dev/stdout --items 400 --accounts 40 --seed 9 2>/dev/null`
SET client_min_messages = warning;
SELECT load_config_snapshot(:'big'::jsonb, 'report: 40 accounts') > 0 AS loaded;
RESET client_min_messages;
CREATE TEMP TABLE big_account AS
SELECT a.account_id, row_number() OVER (ORDER BY a.account_id) AS k
FROM (SELECT DISTINCT s.account_id FROM asset s WHERE s.load_id = (SELECT max(l.load_id) FROM asset_load l)) a;
SELECT count(*) AS accounts, srm_internal.report_account_threshold() AS threshold FROM big_account;
-- statuses: service-wide for s3, account-wide on k tenths of the controls for
-- the first 5 accounts (their groups are stored), one asset with evidence
INSERT INTO control_status (framework_id, control_id, service_namespace, status, evidence)
SELECT 'nist-800-53-r5', c.control_id, 's3', 'implemented', 'bucket policy baseline'
FROM control c WHERE c.framework_id = 'nist-800-53-r5' AND c.status = 'active' AND 'MODERATE' = ANY (c.baselines);
INSERT INTO control_status (framework_id, control_id, account_id, status, evidence)
SELECT 'nist-800-53-r5', c.control_id, a.account_id, 'implemented', 'account baseline'
FROM big_account a
JOIN (SELECT control_id, row_number() OVER (ORDER BY control_id) AS j FROM control
      WHERE framework_id = 'nist-800-53-r5' AND status = 'active' AND 'MODERATE' = ANY (baselines)) c ON c.j % 10 < a.k * 2
WHERE a.k <= 5;
INSERT INTO control_status (framework_id, control_id, asset, status, evidence)
SELECT 'nist-800-53-r5', c.control_id, x.arn, 'implemented', 'hardened image'
FROM (SELECT s.arn FROM asset s JOIN big_account USING (account_id)
      WHERE s.arn IS NOT NULL AND s.service_namespace = 'ec2' ORDER BY s.arn LIMIT 1) x,
     control c
WHERE c.framework_id = 'nist-800-53-r5' AND c.status = 'active' AND 'MODERATE' = ANY (c.baselines) AND c.family_id IN ('cm', 'si');
SELECT run_audit('nist-800-53-r5', 'MODERATE', accounts => (SELECT array_agg(account_id ORDER BY account_id) FROM big_account),
                 note => 'report: a large organisation') AS big_run \gset
-- the run's assets carry their tags as the inventory had them
-- (srm.audit_asset.tags)
SELECT count(*) AS run_assets, count(*) FILTER (WHERE x.tags IS DISTINCT FROM s.tags) AS tags_not_as_loaded
FROM audit_asset x JOIN asset s USING (asset_id) WHERE x.run_id = :big_run;
SELECT count(*) FILTER (WHERE stored) > 0 AS some_stored, count(*) FILTER (WHERE NOT stored) > 0 AS some_folded,
       srm_internal.report_is_large(:big_run) AS large,
       (SELECT count(*) FROM audit_finding f WHERE f.run_id = :big_run AND f.asset_id IS NOT NULL) > 0 AS asset_findings
FROM audit_group WHERE run_id = :big_run;
CREATE TEMP TABLE big_page AS SELECT report_html(:big_run) AS html;
-- the sections: one bar per top account, not per account
SELECT substring(html FROM '<h2><span class="num">1</span>([^<]*)</h2>') AS section_1,
       pg_temp.occurrences(substring(html FROM '<svg id="chart-accounts".*?</svg>'), 'stroke-width="0.8"><title>') AS account_rows,
       html LIKE '%<svg id="chart-gap-shares"%' AS histogram, html LIKE '%<svg id="chart-service-gaps"%' AS services_by_gaps,
       html LIKE '%<table id="tag-totals">%' AS tag_table,
       html LIKE '%SELECT * FROM srm.csv(''SELECT * FROM srm.bi_responsibility_mix WHERE run_id = ' || :big_run || ''')%' AS points_to_csv,
       pg_temp.occurrences(html, '<svg') AS svgs
FROM big_page;
-- the top accounts are the first rows of srm.bi_customer_gaps summed per account
WITH page AS (
    SELECT string_agg(l.m[1] || ':' || replace(v.m[1], ',', ''), ' ' ORDER BY l.n) AS list
    FROM big_page,
         regexp_matches(substring(html FROM '<svg id="chart-accounts".*?</svg>'), 'text-anchor="end">(\d{12})<title>', 'g') WITH ORDINALITY AS l(m, n),
         regexp_matches(substring(html FROM '<svg id="chart-accounts".*?</svg>'), '<tspan font-weight="600">([0-9,]+)</tspan>', 'g') WITH ORDINALITY AS v(m, n)
    WHERE v.n = l.n),
view AS (
    SELECT string_agg(account_id || ':' || gaps, ' ' ORDER BY gaps DESC, account_id) AS list
    FROM (SELECT account_id, sum(assets) AS gaps FROM bi_customer_gaps WHERE run_id = :big_run
          GROUP BY account_id ORDER BY gaps DESC, account_id LIMIT 20) g)
SELECT page.list = view.list AS top_accounts_as_bi_customer_gaps, array_length(string_to_array(page.list, ' '), 1) AS listed
FROM page, view;
-- the services with the most gaps, likewise
WITH page AS (
    SELECT string_agg(l.m[1] || ':' || replace(v.m[1], ',', ''), ' ' ORDER BY l.n) AS list
    FROM big_page,
         regexp_matches(substring(html FROM '<svg id="chart-service-gaps".*?</svg>'), 'text-anchor="end">([a-z0-9-]+)<title>', 'g') WITH ORDINALITY AS l(m, n),
         regexp_matches(substring(html FROM '<svg id="chart-service-gaps".*?</svg>'), '<tspan font-weight="600">([0-9,]+)</tspan>', 'g') WITH ORDINALITY AS v(m, n)
    WHERE v.n = l.n),
view AS (
    SELECT string_agg(service_namespace || ':' || gaps, ' ' ORDER BY gaps DESC, service_namespace) AS list
    FROM (SELECT service_namespace, sum(assets) AS gaps FROM bi_customer_gaps WHERE run_id = :big_run
          GROUP BY service_namespace ORDER BY gaps DESC, service_namespace LIMIT 10) g)
SELECT page.list = view.list AS top_services_as_bi_customer_gaps, array_length(string_to_array(page.list, ' '), 1) AS listed
FROM page, view;
-- the histogram: 10 bins that count every account once, each account in the
-- bin of its gap share as srm.audit_result gives it
WITH page AS (
    SELECT array_agg(replace(m[1], ',', '')::bigint ORDER BY n) AS bins
    FROM big_page, regexp_matches(substring(html FROM '<svg id="chart-gap-shares".*?</svg>'),
                                  'font-weight="600">([0-9,]+)</text>', 'g') WITH ORDINALITY AS r(m, n)),
ref AS (
    SELECT array_agg(coalesce(c.accounts, 0) ORDER BY b) AS bins
    FROM generate_series(0, 9) b
    LEFT JOIN (SELECT coalesce(least(floor(10 * gaps::numeric / nullif(customer, 0)), 9), 0) AS bin, count(*) AS accounts
               FROM (SELECT account_id, count(*) FILTER (WHERE gap) AS gaps,
                            count(*) FILTER (WHERE class IN ('shared', 'customer-specific')) AS customer
                     FROM audit_result WHERE run_id = :big_run GROUP BY account_id) a
               GROUP BY 1) c ON c.bin = b)
SELECT cardinality(page.bins) AS bins, (SELECT sum(x) FROM unnest(page.bins) x) AS accounts_counted,
       page.bins = ref.bins AS bins_as_audit_result, cardinality(array_remove(page.bins, 0)) > 1 AS spread
FROM page, ref;
-- per asset and per tag value, the totals equal srm.audit_result's
SELECT count(*) AS assets,
       count(*) FILTER (WHERE t.customer_controls IS DISTINCT FROM r.customer OR t.gaps IS DISTINCT FROM r.gaps) AS differ
FROM srm_internal.report_asset_totals(:big_run) t
FULL JOIN (SELECT asset_id, count(*) FILTER (WHERE class IN ('shared', 'customer-specific')) AS customer, count(*) FILTER (WHERE gap) AS gaps
           FROM audit_result WHERE run_id = :big_run GROUP BY asset_id) r USING (asset_id);
SELECT srm_internal.report_tag_key(:big_run) AS tag_key,
       substring(html FROM '<h3 id="tag-totals-title">([^\n]*)</h3>') AS tag_title,
       (SELECT sum(gaps) FROM srm_internal.report_tag_totals(:big_run, 'env')) = (SELECT gaps FROM bi_run WHERE run_id = :big_run) AS tag_gaps_sum_to_run
FROM big_page;
WITH ref AS (
    SELECT s.tags ->> 'env' AS tag_value, count(DISTINCT r.asset_id) AS assets, count(DISTINCT r.account_id) AS accounts,
           count(*) FILTER (WHERE r.class IN ('shared', 'customer-specific')) AS customer, count(*) FILTER (WHERE r.gap) AS gaps
    FROM audit_result r JOIN audit_asset s USING (run_id, asset_id) WHERE r.run_id = :big_run GROUP BY 1)
SELECT t.tag_value, t.assets = ref.assets AND t.accounts = ref.accounts AND t.customer_asset_controls = ref.customer
       AND t.gaps = ref.gaps AS as_audit_result,
       position(format('<tr><td>%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td>',
                       coalesce(t.tag_value, '<span class="note">no such tag</span>'), srm_internal.report_number(t.assets),
                       srm_internal.report_number(t.accounts), srm_internal.report_number(t.customer_asset_controls),
                       srm_internal.report_number(t.gaps)) IN p.html) > 0 AS on_page
FROM srm_internal.report_tag_totals(:big_run, 'env') t
FULL JOIN ref ON coalesce(ref.tag_value, ' none') = coalesce(t.tag_value, ' none'), big_page p
ORDER BY t.tag_value;
-- the tag key can be chosen; a key no asset has gives one row of assets without it
SET srm.report_tag_key = 'owner';
SELECT substring(report_html(:big_run) FROM '<h3 id="tag-totals-title">([^\n]*)</h3>') AS tag_title;
SET srm.report_tag_key = 'no-such-key';
SELECT tag_value, assets = (SELECT count(*) FROM audit_asset WHERE run_id = :big_run AND known) AS all_assets
FROM srm_internal.report_tag_totals(:big_run, srm_internal.report_tag_key(:big_run));
RESET srm.report_tag_key;
-- the same rows give the same page
SELECT report_html(:big_run) = html AS same_page FROM big_page;
ROLLBACK;
