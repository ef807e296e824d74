-- install/code/report.sql (code part): srm.report_html, the audit report as
-- one HTML page, composed of one function per section (all but report_html
-- in srm_internal; the charts and helpers are in report_charts.sql).
--
-- The page is self-contained: inline <style>, inline SVG charts, no script,
-- no font, no image and no link to the network.  Every figure is read from
-- the BI views of install/code/bi_views.sql, and the SQL that reproduces it
-- is printed under it.  The page depends on the run's data only (times are
-- the run's own, shown in UTC), so the same run gives the same page.  Each
-- section takes the run id of a run that exists (report_html checks it).

-------------------------------------------------------------------------------
-- The look: the only place the page's CSS is written
-------------------------------------------------------------------------------

CREATE FUNCTION srm_internal.report_css()
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $css$:root { --ink: #1d2733; --muted: #5b6b7c; --line: #d9e0e7; --panel: #f5f7f9;
        --na: #BBBBBB; --inh: #0072B2; --sha: #E69F00; --cus: #CC79A7; --gap: #D55E00; }
* { box-sizing: border-box; }
html { background: #ffffff; }
body { margin: 0; color: var(--ink); line-height: 1.45; font-size: 15px;
       font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 28px 36px 40px; }
.eyebrow { margin: 0; font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
h1 { font-size: 27px; line-height: 1.2; margin: 4px 0 16px; }
h2 { font-size: 19px; margin: 34px 0 4px; padding-top: 16px; border-top: 1px solid var(--line); }
h2 .num { color: var(--muted); font-weight: 400; margin-right: 6px; }
h3 { font-size: 16px; margin: 24px 0 4px; }
.meta { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px 24px; margin: 0; }
.meta div { min-width: 0; }
.meta dt { font-size: 12px; color: var(--muted); }
.meta dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.meta .wide { grid-column: span 2; }
.cards { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 12px; margin: 24px 0 12px; }
.card { background: var(--panel); border-radius: 8px; padding: 12px 14px 10px; border-top: 6px solid var(--line); }
.card .n { display: block; font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
.card .p { font-size: 13px; font-weight: 600; color: var(--muted); }
.card .l { display: block; font-size: 13px; color: var(--muted); }
.card.total { border-top-color: var(--ink); } .card.inh { border-top-color: var(--inh); }
.card.sha { border-top-color: var(--sha); } .card.cus { border-top-color: var(--cus); }
.card.na { border-top-color: var(--na); } .card.gap { border-top-color: var(--gap); background: #fbeee6; }
.lede { max-width: 80ch; }
.note { color: var(--muted); font-size: 13.5px; margin: 2px 0 8px; }
figure { margin: 10px 0 0; }
svg.chart { display: block; width: 100%; max-width: 960px; height: auto; font-size: 12px; }
.sql { margin: 4px 0 0; font-size: 12px; color: var(--muted); }
code { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px;
       background: var(--panel); border-radius: 4px; padding: 1px 5px; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin-top: 8px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--panel); font-weight: 600; border-bottom: 2px solid var(--line); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.id { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; white-space: nowrap; }
td.arn, span.arn { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; color: var(--muted); }
.tag { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; background: var(--panel); border: 1px solid var(--line); white-space: nowrap; }
.tag.open { background: #fbeee6; border-color: #eab89a; }
.callout { background: #eef5fb; border-left: 4px solid var(--inh); padding: 10px 14px; margin: 10px 0; }
.callout ul { margin: 4px 0 0; padding-left: 20px; }
footer { margin-top: 36px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12.5px; }
@media (max-width: 800px) { .meta { grid-template-columns: repeat(2, minmax(0, 1fr)); } .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media print { main { padding: 0; } h2 { break-after: avoid; } figure, tr { break-inside: avoid; } }
$css$;
COMMENT ON FUNCTION srm_internal.report_css() IS
    'the style sheet of the page srm.report_html writes (Okabe-Ito colours, print and narrow-screen rules)';

-------------------------------------------------------------------------------
-- Sections, in page order
-------------------------------------------------------------------------------

-- <head> with the title and the style sheet, and the opening of <body>
CREATE FUNCTION srm_internal.report_head(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r  record;
    fw record;
BEGIN
    SELECT * INTO r FROM srm.audit_run a WHERE a.run_id = report_head.run;
    SELECT * INTO fw FROM srm.framework f WHERE f.framework_id = r.framework_id;
    RETURN '<!DOCTYPE html>' || E'\n' || '<html lang="en">' || E'\n' || '<head>' || E'\n'
         || '<meta charset="utf-8">' || E'\n'
         || '<meta name="viewport" content="width=device-width, initial-scale=1">' || E'\n'
         || format('<title>Shared responsibility audit, run %s: %s%s</title>', r.run_id, srm_internal.html_escape(fw.name),
                   CASE WHEN r.baseline IS NULL THEN '' ELSE ', ' || srm_internal.html_escape(r.baseline) || ' baseline' END) || E'\n'
         || '<style>' || E'\n' || srm_internal.report_css() || '</style>' || E'\n'
         || '</head>' || E'\n' || '<body>' || E'\n' || '<main>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_head(bigint) IS
    'the page''s <head> (title, srm_internal.report_css()) and the opening of <body>, for srm.report_html';

-- a provider as people name it
CREATE FUNCTION srm_internal.provider_name(provider text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE provider WHEN 'aws' THEN 'AWS' WHEN 'azure' THEN 'Microsoft Azure' WHEN 'gcp' THEN 'Google Cloud' ELSE provider END;
COMMENT ON FUNCTION srm_internal.provider_name(text) IS
    'the name of a provider (aws, azure, gcp) for people: AWS, Microsoft Azure, Google Cloud';

-- the providers of a run's assets, and whether the run has any but AWS's
-- (the report then names each service with its provider and shows the
-- figures per provider; a run of AWS alone reads as before 0.6.0)
CREATE FUNCTION srm_internal.report_providers(run bigint)
RETURNS text[]
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
SELECT coalesce(array_agg(p.provider ORDER BY p.provider), '{}')
FROM (SELECT DISTINCT a.provider FROM srm.audit_asset a WHERE a.run_id = report_providers.run) p;
END;
COMMENT ON FUNCTION srm_internal.report_providers(bigint) IS
    'the providers (aws, azure, gcp) of the assets of an audit run, sorted';

CREATE FUNCTION srm_internal.report_multi_provider(run bigint)
RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN EXISTS (SELECT FROM srm.audit_asset a WHERE a.run_id = report_multi_provider.run AND a.provider <> 'aws');
COMMENT ON FUNCTION srm_internal.report_multi_provider(bigint) IS
    'whether an audit run has assets of a provider other than AWS: srm.report_html then names services with their provider and shows the figures per provider';

-- a service as the report's charts and tables name it: its namespace, after
-- its provider when the run has more than AWS's assets (gcp:iam, aws:iam)
CREATE FUNCTION srm_internal.report_service_label(provider text, service_namespace text, multi boolean)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN multi THEN provider || ':' || service_namespace ELSE service_namespace END;
COMMENT ON FUNCTION srm_internal.report_service_label(text, text, boolean) IS
    'the label of a service in srm.report_html: its namespace, prefixed by its provider (gcp:compute) in a run with assets of more than AWS';

-- the title and the run's facts: framework, times, scope, assets, note
CREATE FUNCTION srm_internal.report_header(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r          record;
    fw         record;
    v_accounts text[];
    v_scope    text;
    v_providers text[] := srm_internal.report_providers(run);
BEGIN
    SELECT * INTO r FROM srm.audit_run a WHERE a.run_id = report_header.run;
    SELECT * INTO fw FROM srm.framework f WHERE f.framework_id = r.framework_id;
    -- the accounts hashed first: a sort of 1,000 names, not of every asset
    SELECT array_agg(a.account_id ORDER BY a.account_id) INTO v_accounts
    FROM (SELECT DISTINCT a.account_id FROM srm.audit_asset a WHERE a.run_id = r.run_id) a;
    v_scope := CASE WHEN r.accounts IS NULL THEN 'all accounts in the inventory' ELSE 'accounts named by the run' END
               || format(' (%s with assets', coalesce(cardinality(v_accounts), 0))
               || CASE WHEN cardinality(v_accounts) > 0
                       THEN ': ' || srm_internal.html_escape(array_to_string(v_accounts[1:8], ', '))
                            || CASE WHEN cardinality(v_accounts) > 8 THEN format(' and %s more', cardinality(v_accounts) - 8) ELSE '' END
                       ELSE '' END || ')';
    IF r.accounts IS NOT NULL THEN
        v_scope := v_scope || ': ' || srm_internal.html_escape(array_to_string(r.accounts, ', '));
    END IF;

    RETURN '<header>' || E'\n'
         || '<p class="eyebrow">srm &middot; cloud shared responsibility audit</p>' || E'\n'
         || format('<h1>%s%s</h1>', srm_internal.html_escape(fw.name),
                   CASE WHEN r.baseline IS NULL THEN '' ELSE ' &mdash; ' || srm_internal.html_escape(r.baseline) || ' baseline' END) || E'\n'
         || '<dl class="meta">'
         || format('<div><dt>Audit run</dt><dd id="run-id">%s</dd></div>', r.run_id)
         || format('<div><dt>Framework</dt><dd>%s <span class="note">(%s)</span></dd></div>',
                   srm_internal.html_escape(r.framework_id), srm_internal.html_escape(fw.version))
         || format('<div><dt>Started</dt><dd>%s</dd></div>', to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'))
         || format('<div><dt>Finished</dt><dd>%s</dd></div>',
                   coalesce(to_char(r.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'), 'not finished'))
         || format('<div class="wide"><dt>Scope</dt><dd>%s</dd></div>', v_scope)
         || CASE WHEN v_providers = '{aws}' OR v_providers = '{}' THEN ''
                 ELSE format('<div class="wide"><dt>Providers</dt><dd id="providers">%s</dd></div>',
                             (SELECT string_agg(srm_internal.provider_name(p), ', ' ORDER BY p) FROM unnest(v_providers) p)) END
         || format('<div><dt>Assets</dt><dd id="assets">%s</dd></div>', coalesce(srm_internal.report_number(r.assets), 'not recorded'))
         || format('<div><dt>Unknown assets</dt><dd id="unknown-assets">%s</dd></div>', coalesce(srm_internal.report_number(r.unknown_assets), 'not recorded'))
         || format('<div><dt>Controls in scope</dt><dd>%s</dd></div>', coalesce(srm_internal.report_number(r.controls), 'not recorded'))
         || format('<div><dt>Requested by</dt><dd>%s</dd></div>', srm_internal.html_escape(r.requested_by))
         || CASE WHEN r.note IS NULL THEN ''
                 ELSE format('<div class="wide"><dt>Note</dt><dd>%s</dd></div>', srm_internal.html_escape(r.note)) END
         || '</dl>' || E'\n' || '</header>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_header(bigint) IS
    'the page''s header for srm.report_html: title, run, framework, start and end (UTC), scope (accounts), assets, unknown assets, controls, requester and note';

-- the cards of the headline figures and the sentence that reads them
CREATE FUNCTION srm_internal.report_figures(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r          record;
    v_total    numeric;
    v_customer numeric;
    v_gaps     numeric;
BEGIN
    SELECT * INTO r FROM srm.bi_run b WHERE b.run_id = report_figures.run;
    v_total := r.not_applicable + r.inherited + r.shared + r.customer_specific;
    v_customer := r.shared + r.customer_specific;
    v_gaps := coalesce(r.gaps, 0);
    RETURN '<section aria-label="Headline figures">' || E'\n' || '<div class="cards">'
         || format('<div class="card total"><span class="n" id="asset-controls">%s</span><span class="l">asset &times; control pairs</span></div>',
                   srm_internal.report_number(v_total))
         || format('<div class="card inh"><span class="n" id="inherited">%s</span><span class="p">%s</span><span class="l">inherited from the provider</span></div>',
                   srm_internal.report_number(r.inherited), srm_internal.report_percent(r.inherited, v_total))
         || format('<div class="card sha"><span class="n" id="shared">%s</span><span class="p">%s</span><span class="l">shared</span></div>',
                   srm_internal.report_number(r.shared), srm_internal.report_percent(r.shared, v_total))
         || format('<div class="card cus"><span class="n" id="customer-specific">%s</span><span class="p">%s</span><span class="l">customer-specific</span></div>',
                   srm_internal.report_number(r.customer_specific), srm_internal.report_percent(r.customer_specific, v_total))
         || format('<div class="card na"><span class="n" id="not-applicable">%s</span><span class="p">%s</span><span class="l">not applicable</span></div>',
                   srm_internal.report_number(r.not_applicable), srm_internal.report_percent(r.not_applicable, v_total))
         || format('<div class="card gap"><span class="n" id="gaps">%s</span><span class="p">%s</span><span class="l">customer gaps (of the pairs where the customer takes part)</span></div>',
                   srm_internal.report_number(v_gaps), srm_internal.report_percent(v_gaps, v_customer))
         || '</div>' || E'\n'
         || format('<p class="lede">Of the <b>%s</b> asset &times; control pairs of this run, the provider alone is responsible for <b>%s</b> (%s, inherited), '
                   'the provider and the customer share <b>%s</b> (%s), and <b>%s</b> (%s) are the customer''s alone. '
                   'Where the customer takes part (%s pairs), <b>%s</b> (%s) lack implemented evidence: these are the customer gaps.</p>',
                   srm_internal.report_number(v_total), srm_internal.report_number(r.inherited), srm_internal.report_percent(r.inherited, v_total),
                   srm_internal.report_number(r.shared), srm_internal.report_percent(r.shared, v_total),
                   srm_internal.report_number(r.customer_specific), srm_internal.report_percent(r.customer_specific, v_total),
                   srm_internal.report_number(v_customer), srm_internal.report_number(v_gaps), srm_internal.report_percent(v_gaps, v_customer)) || E'\n'
         || format('<p class="sql">Source: <code>SELECT asset_controls, not_applicable, inherited, shared, customer_specific, gaps FROM srm.bi_run WHERE run_id = %s</code></p>', r.run_id) || E'\n'
         || srm_internal.report_provider_table(run)
         || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_figures(bigint) IS
    'the headline figures of srm.report_html: asset x control pairs by class and customer gaps, as cards and one sentence, from srm.bi_run';

-- the figures per provider, side by side (a run with assets of more than
-- AWS; empty otherwise)
CREATE FUNCTION srm_internal.report_provider_table(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    x    record;
    html text;
BEGIN
    IF NOT srm_internal.report_multi_provider(run) THEN
        RETURN '';
    END IF;
    html := '<h3>Per provider</h3>' || E'\n'
         || '<p class="note">The same figures for the assets of each provider, each audited with its own provider''s services and model: AWS accounts, Azure subscriptions, Google Cloud projects.</p>' || E'\n'
         || '<table id="provider-mix">' || E'\n'
         || '<thead><tr><th scope="col">Provider</th><th scope="col" class="n">Accounts</th><th scope="col" class="n">Assets</th>'
         || '<th scope="col" class="n">Pairs</th><th scope="col" class="n">Inherited</th><th scope="col" class="n">Shared</th>'
         || '<th scope="col" class="n">Customer-specific</th><th scope="col" class="n">Customer gaps</th></tr></thead>' || E'\n' || '<tbody>' || E'\n';
    FOR x IN SELECT p.* FROM srm.bi_provider_mix p WHERE p.run_id = report_provider_table.run ORDER BY p.provider LOOP
        html := html || format('<tr data-provider="%s"><td>%s</td><td class="n">%s</td><td class="n">%s%s</td><td class="n">%s</td><td class="n">%s <span class="note">%s</span></td><td class="n">%s <span class="note">%s</span></td><td class="n">%s <span class="note">%s</span></td><td class="n">%s <span class="note">%s</span></td></tr>',
                               srm_internal.html_escape(x.provider), srm_internal.html_escape(srm_internal.provider_name(x.provider)),
                               srm_internal.report_number(x.accounts), srm_internal.report_number(x.assets),
                               CASE WHEN x.unknown_assets > 0
                                    THEN format('<br><span class="note">%s unknown</span>', srm_internal.report_number(x.unknown_assets))
                                    ELSE '' END,
                               srm_internal.report_number(x.asset_controls),
                               srm_internal.report_number(x.inherited), srm_internal.report_percent(x.inherited, x.asset_controls),
                               srm_internal.report_number(x.shared), srm_internal.report_percent(x.shared, x.asset_controls),
                               srm_internal.report_number(x.customer_specific), srm_internal.report_percent(x.customer_specific, x.asset_controls),
                               srm_internal.report_number(x.gaps), srm_internal.report_percent(x.gaps, x.shared + x.customer_specific)) || E'\n';
    END LOOP;
    RETURN html || '</tbody></table>' || E'\n'
        || format('<p class="sql">Source: <code>SELECT provider, accounts, assets, unknown_assets, asset_controls, inherited, shared, customer_specific, not_applicable, gaps FROM srm.bi_provider_mix WHERE run_id = %s ORDER BY provider</code> (pairs: asset &times; control pairs; percentages of the provider''s pairs, gaps of those where the customer takes part)</p>', run) || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_provider_table(bigint) IS
    'part of the headline figures of srm.report_html for a run with assets of more than AWS: per provider its accounts, assets (and unknown assets), asset x control pairs, inherited, shared and customer-specific, and customer gaps (table, from srm.bi_provider_mix); empty for a run of AWS alone';

-- the envelope of every chart section: numbered heading, note, the chart
-- and the SQL that produces it
CREATE FUNCTION srm_internal.report_chart_section(num integer, title text, note text, chart text, sql_caption text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN '<section>' || E'\n' || '<h2><span class="num">' || num || '</span>' || title || '</h2>' || E'\n'
    || note || E'\n'
    || '<figure>' || chart || '<figcaption class="sql">' || sql_caption || '</figcaption>'
    || '</figure>' || E'\n' || '</section>' || E'\n';
COMMENT ON FUNCTION srm_internal.report_chart_section(integer, text, text, text, text) IS
    'one chart section of srm.report_html: the numbered heading, the note (HTML), the chart (SVG) and its SQL caption (HTML)';

-------------------------------------------------------------------------------
-- Large organisations: past report_account_threshold() accounts, section 1
-- shows the accounts with the most customer gaps, the distribution of gap
-- shares across all accounts and the totals per tag value, and section 2
-- adds the services with the most gaps; the full lists stay in the BI views.
-- These read a run's summaries (srm.bi_responsibility_mix, srm.audit_group,
-- srm.audit_default and the stored findings), never one row per pair.
-------------------------------------------------------------------------------

CREATE FUNCTION srm_internal.report_account_threshold()
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN 25;
COMMENT ON FUNCTION srm_internal.report_account_threshold() IS
    'the number of accounts up to which srm.report_html draws one bar per account (25); past it the report shows the top accounts by customer gaps, a histogram of gap shares and totals per tag instead';

CREATE FUNCTION srm_internal.report_is_large(run bigint)
RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
-- the accounts of the run's groups (those of its known assets); a run of
-- 0.2.0 has no groups: then those of its known assets
RETURN coalesce((SELECT nullif(count(*), 0)
                 FROM (SELECT DISTINCT g.account_id FROM srm.audit_group g WHERE g.run_id = report_is_large.run) g),
                (SELECT count(*)
                 FROM (SELECT DISTINCT a.account_id FROM srm.audit_asset a WHERE a.run_id = report_is_large.run AND a.known) a))
       > srm_internal.report_account_threshold();
COMMENT ON FUNCTION srm_internal.report_is_large(bigint) IS
    'whether an audit run has more accounts with known assets than srm_internal.report_account_threshold(): srm.report_html then shows top lists, a histogram and totals per tag rather than one bar per account';

-- per account of the run: asset x control pairs by class, the pairs where
-- the customer takes part, and the customer gaps
CREATE FUNCTION srm_internal.report_account_totals(run bigint)
RETURNS TABLE (account_id text, not_applicable numeric, inherited numeric, shared numeric, customer_specific numeric,
               customer_asset_controls numeric, gaps numeric)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
SELECT m.account_id,
       coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'not-applicable'), 0),
       coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'inherited'), 0),
       coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'shared'), 0),
       coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'customer-specific'), 0),
       coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text IN ('shared', 'customer-specific')), 0),
       coalesce(sum(m.gaps), 0)
FROM srm.bi_responsibility_mix m
WHERE m.run_id = report_account_totals.run
GROUP BY m.account_id;
END;
COMMENT ON FUNCTION srm_internal.report_account_totals(bigint) IS
    'per account of an audit run: asset x control pairs by class, pairs where the customer takes part and customer gaps, summed from srm.bi_responsibility_mix; used by srm.report_html';

-- per known asset of the run: the controls where the customer takes part and
-- the customer gaps, as srm.audit_result would count them, from the run's
-- summaries: the answers of its service (a group that is not stored), else
-- its group's findings, corrected by the findings of the asset itself
CREATE FUNCTION srm_internal.report_asset_totals(run bigint)
RETURNS TABLE (asset_id bigint, account_id text, tags jsonb, customer_controls bigint, gaps bigint)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
WITH svc AS (
    SELECT d.provider, d.service_namespace, d.grain,
           count(*) FILTER (WHERE d.class::text IN ('shared', 'customer-specific')) AS cust,
           count(*) FILTER (WHERE d.gap) AS gaps
    FROM srm.audit_default d WHERE d.run_id = report_asset_totals.run
    GROUP BY d.provider, d.service_namespace, d.grain),
grp AS (
    SELECT f.provider, f.account_id, f.service_namespace, f.grain,
           count(*) FILTER (WHERE f.class::text IN ('shared', 'customer-specific')) AS cust,
           count(*) FILTER (WHERE f.gap) AS gaps
    FROM srm.audit_finding f WHERE f.run_id = report_asset_totals.run AND f.asset_id IS NULL
    GROUP BY f.provider, f.account_id, f.service_namespace, f.grain),
-- the asset's own findings first (few), each then finds its group's row
x AS MATERIALIZED (
    SELECT x.asset_id, a.provider, a.account_id, a.service_namespace, a.grain, x.control_id, x.class, x.gap
    FROM srm.audit_finding x
    JOIN srm.audit_asset a ON a.run_id = x.run_id AND a.asset_id = x.asset_id
    WHERE x.run_id = report_asset_totals.run AND x.asset_id IS NOT NULL),
own AS (
    SELECT x.asset_id,
           sum((x.class::text IN ('shared', 'customer-specific'))::integer - (g.class::text IN ('shared', 'customer-specific'))::integer) AS cust,
           sum(x.gap::integer - g.gap::integer) AS gaps
    FROM x
    JOIN srm.audit_finding g ON g.run_id = report_asset_totals.run AND g.provider = x.provider AND g.account_id = x.account_id
                            AND g.service_namespace = x.service_namespace AND g.grain = x.grain
                            AND g.asset_id IS NULL AND g.control_id = x.control_id
    GROUP BY x.asset_id)
SELECT a.asset_id, a.account_id, a.tags,
       (CASE WHEN t.stored IS FALSE THEN coalesce(s.cust, 0) ELSE coalesce(g.cust, 0) END + coalesce(o.cust, 0))::bigint,
       (CASE WHEN t.stored IS FALSE THEN coalesce(s.gaps, 0) ELSE coalesce(g.gaps, 0) END + coalesce(o.gaps, 0))::bigint
FROM srm.audit_asset a
LEFT JOIN srm.audit_group t ON t.run_id = a.run_id AND t.provider = a.provider AND t.account_id = a.account_id
                           AND t.service_namespace = a.service_namespace AND t.grain = a.grain
LEFT JOIN svc s ON s.provider = a.provider AND s.service_namespace = a.service_namespace AND s.grain = a.grain
LEFT JOIN grp g ON g.provider = a.provider AND g.account_id = a.account_id AND g.service_namespace = a.service_namespace
               AND g.grain = a.grain
LEFT JOIN own o ON o.asset_id = a.asset_id
WHERE a.run_id = report_asset_totals.run AND a.known;
END;
COMMENT ON FUNCTION srm_internal.report_asset_totals(bigint) IS
    'per known asset of an audit run: its tags, the controls where the customer takes part and the customer gaps (what srm.audit_result counts for it), from the run''s answers per service, its groups'' findings and the asset''s own findings; used by srm.report_html';

-- the tag key the report totals by: the setting srm.report_tag_key, else the
-- key carried by the most of the run's first 2,000 known assets (by asset_id;
-- tags as the run recorded them) among those with 2 to 50 values there,
-- "Name" left out; then the fewest values, then the key; null when no key
-- qualifies.  The sample keeps the choice fast on a large run.
CREATE FUNCTION srm_internal.report_tag_key(run bigint)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
SELECT coalesce(nullif(pg_catalog.current_setting('srm.report_tag_key', true), ''),
       (SELECT k.key
        FROM (SELECT a.tags FROM srm.audit_asset a WHERE a.run_id = report_tag_key.run AND a.known
              ORDER BY a.asset_id LIMIT 2000) a
        CROSS JOIN LATERAL pg_catalog.jsonb_each_text(a.tags) k
        WHERE k.key <> 'Name'
        GROUP BY k.key
        HAVING count(DISTINCT k.value) BETWEEN 2 AND 50
        ORDER BY count(*) DESC, count(DISTINCT k.value), k.key
        LIMIT 1));
END;
COMMENT ON FUNCTION srm_internal.report_tag_key(bigint) IS
    'the tag key srm.report_html totals a large run by: the setting srm.report_tag_key, else the key most of the run''s first 2,000 known assets carry (tags as the run recorded them) among keys with 2 to 50 values there, Name left out (ties: fewer values, then the key); null when none';

-- per value of tag key over the run's known assets (null: the assets without
-- it), tags as the run recorded them: assets, accounts, pairs where the
-- customer takes part, customer gaps
CREATE FUNCTION srm_internal.report_tag_totals(run bigint, key text)
RETURNS TABLE (tag_value text, assets bigint, accounts bigint, customer_asset_controls numeric, gaps numeric)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
-- what srm_internal.report_asset_totals gives per asset, summed per tag
-- value and account without a row per asset: the assets of one tag value,
-- account, service and grain are counted together (hashed), since their
-- figures are the same but for the findings of an asset itself (few, added
-- per tag value and account after)
WITH svc AS (
    SELECT d.provider, d.service_namespace, d.grain,
           count(*) FILTER (WHERE d.class::text IN ('shared', 'customer-specific')) AS cust,
           count(*) FILTER (WHERE d.gap) AS gaps
    FROM srm.audit_default d WHERE d.run_id = report_tag_totals.run
    GROUP BY d.provider, d.service_namespace, d.grain),
grp AS (
    SELECT f.provider, f.account_id, f.service_namespace, f.grain,
           count(*) FILTER (WHERE f.class::text IN ('shared', 'customer-specific')) AS cust,
           count(*) FILTER (WHERE f.gap) AS gaps
    FROM srm.audit_finding f WHERE f.run_id = report_tag_totals.run AND f.asset_id IS NULL
    GROUP BY f.provider, f.account_id, f.service_namespace, f.grain),
a AS (
    SELECT a.tags ->> report_tag_totals.key AS tag_value, a.account_id, a.service_namespace, a.grain, count(*) AS assets,
           a.provider
    FROM srm.audit_asset a WHERE a.run_id = report_tag_totals.run AND a.known
    GROUP BY 1, 2, 3, 4, a.provider),
x AS MATERIALIZED (
    SELECT x.asset_id, a.tags ->> report_tag_totals.key AS tag_value, a.provider, a.account_id, a.service_namespace,
           a.grain, x.control_id, x.class, x.gap
    FROM srm.audit_finding x
    JOIN srm.audit_asset a ON a.run_id = x.run_id AND a.asset_id = x.asset_id
    WHERE x.run_id = report_tag_totals.run AND x.asset_id IS NOT NULL AND a.known),
own AS (
    SELECT x.tag_value, x.account_id,
           sum((x.class::text IN ('shared', 'customer-specific'))::integer - (g.class::text IN ('shared', 'customer-specific'))::integer) AS cust,
           sum(x.gap::integer - g.gap::integer) AS gaps
    FROM x
    JOIN srm.audit_finding g ON g.run_id = report_tag_totals.run AND g.provider = x.provider AND g.account_id = x.account_id
                            AND g.service_namespace = x.service_namespace AND g.grain = x.grain
                            AND g.asset_id IS NULL AND g.control_id = x.control_id
    GROUP BY x.tag_value, x.account_id),
acc AS (
    SELECT a.tag_value, a.account_id, sum(a.assets) AS assets,
           sum(a.assets * CASE WHEN t.stored IS FALSE THEN coalesce(s.cust, 0) ELSE coalesce(g.cust, 0) END) AS cust,
           sum(a.assets * CASE WHEN t.stored IS FALSE THEN coalesce(s.gaps, 0) ELSE coalesce(g.gaps, 0) END) AS gaps
    FROM a
    LEFT JOIN srm.audit_group t ON t.run_id = report_tag_totals.run AND t.provider = a.provider AND t.account_id = a.account_id
                               AND t.service_namespace = a.service_namespace AND t.grain = a.grain
    LEFT JOIN svc s ON s.provider = a.provider AND s.service_namespace = a.service_namespace AND s.grain = a.grain
    LEFT JOIN grp g ON g.provider = a.provider AND g.account_id = a.account_id AND g.service_namespace = a.service_namespace
                   AND g.grain = a.grain
    GROUP BY a.tag_value, a.account_id)
SELECT c.tag_value, sum(c.assets)::bigint, count(*), sum(c.cust + coalesce(o.cust, 0)), sum(c.gaps + coalesce(o.gaps, 0))
FROM acc c
LEFT JOIN own o ON o.tag_value IS NOT DISTINCT FROM c.tag_value AND o.account_id = c.account_id
GROUP BY 1;
END;
COMMENT ON FUNCTION srm_internal.report_tag_totals(bigint, text) IS
    'per value of a tag key over the known assets of an audit run, tags as the run recorded them (null: without the tag): assets, accounts, asset x control pairs where the customer takes part, customer gaps; used by srm.report_html';

-- chart 1: the responsibility mix per account; past
-- report_account_threshold() accounts, the accounts with the most customer
-- gaps, the distribution of gap shares and the totals per tag value instead
CREATE FUNCTION srm_internal.report_chart_accounts(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    top_accounts constant integer := 20;
    v_accounts   jsonb;
    v_n          integer;
    v_rows       jsonb;
    v_bins       jsonb;
BEGIN
    SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.account_id), '[]') INTO v_accounts
    FROM srm_internal.report_account_totals(run) t;
    v_n := jsonb_array_length(v_accounts);
    IF NOT srm_internal.report_is_large(run) THEN
        SELECT coalesce(jsonb_agg(jsonb_build_object('label', s.account_id, 'hint', 'account ' || s.account_id,
                                                     'v', jsonb_build_array(s.not_applicable, s.inherited, s.shared, s.customer_specific))
                                  ORDER BY s.account_id), '[]')
        INTO v_rows
        FROM jsonb_to_recordset(v_accounts) AS s(account_id text, not_applicable numeric, inherited numeric, shared numeric, customer_specific numeric);
        RETURN srm_internal.report_chart_section(1, 'Who is responsible, per account',
            '<p class="note">Asset &times; control pairs of each account, split by who is responsible for the control. Hover a bar for its numbers.</p>',
            srm_internal.report_stacked_svg('chart-accounts', 'Responsibility mix per account', v_rows),
            format('SQL: <code>SELECT account_id, class, sum(asset_controls) FROM srm.bi_responsibility_mix WHERE run_id = %s GROUP BY account_id, class ORDER BY account_id, class</code>', run));
    END IF;

    -- the accounts with the most gaps
    SELECT jsonb_agg(jsonb_build_object('label', s.account_id,
                                        'hint', format('account %s: %s asset x control pairs', s.account_id,
                                                       srm_internal.report_number(s.not_applicable + s.inherited + s.shared + s.customer_specific)),
                                        'value', s.gaps, 'of', s.customer_asset_controls)
                     ORDER BY s.gaps DESC, s.account_id)
    INTO v_rows
    FROM (SELECT * FROM jsonb_to_recordset(v_accounts) AS s(account_id text, not_applicable numeric, inherited numeric, shared numeric,
                                                            customer_specific numeric, customer_asset_controls numeric, gaps numeric)
          ORDER BY s.gaps DESC, s.account_id LIMIT top_accounts) s;
    -- accounts per tenth of gap share (gaps / pairs where the customer takes part; 0 without such pairs)
    SELECT jsonb_agg(jsonb_build_object('label', format('%s–%s%%', b * 10, b * 10 + 10),
                                        'hint', format('%s account(s) with %s%% to %s %s%% of their customer pairs as gaps',
                                                       coalesce(c.accounts, 0), b * 10, CASE WHEN b = 9 THEN 'and with' ELSE 'under' END, b * 10 + 10),
                                        'value', coalesce(c.accounts, 0)) ORDER BY b)
    INTO v_bins
    FROM generate_series(0, 9) b
    LEFT JOIN (SELECT coalesce(least(floor(10 * s.gaps / nullif(s.customer_asset_controls, 0)), 9), 0) AS bin, count(*) AS accounts
               FROM jsonb_to_recordset(v_accounts) AS s(customer_asset_controls numeric, gaps numeric)
               GROUP BY 1) c ON c.bin = b;
    RETURN '<section>' || E'\n'
        || format('<h2><span class="num">1</span>Accounts with the most customer gaps (top %s of %s)</h2>',
                  top_accounts, srm_internal.report_number(v_n)) || E'\n'
        || format('<p class="note" id="accounts-note">%s accounts are too many for one bar each: this section shows the %s accounts with the most customer gaps (dark bar, over the asset &times; control pairs where the customer takes part), how the share of gaps spreads over all accounts, and the totals per tag. '
                  'Every account is in the BI views: <code>SELECT account_id, class, sum(asset_controls), sum(gaps) FROM srm.bi_responsibility_mix WHERE run_id = %s GROUP BY account_id, class</code>; '
                  'as CSV (cells a spreadsheet would run as formulas neutralised), <code>psql -XAt -c "SELECT * FROM srm.csv(''SELECT * FROM srm.bi_responsibility_mix WHERE run_id = %s'')" &gt; accounts.csv</code>.</p>',
                  srm_internal.report_number(v_n), top_accounts, run, run) || E'\n'
        || '<figure>' || srm_internal.report_bars_svg('chart-accounts', 'Accounts with the most customer gaps', v_rows)
        || format('<figcaption class="sql">SQL: <code>SELECT account_id, sum(assets) AS gaps FROM srm.bi_customer_gaps WHERE run_id = %s GROUP BY account_id ORDER BY gaps DESC, account_id LIMIT %s</code>; pairs where the customer takes part: <code>sum(asset_controls) FILTER (WHERE class IN (''shared'', ''customer-specific''))</code> of srm.bi_responsibility_mix</figcaption>',
                  run, top_accounts)
        || '</figure>' || E'\n'
        || format('<h3>Customer gap share across the %s accounts</h3>', srm_internal.report_number(v_n)) || E'\n'
        || '<p class="note">Accounts by the share of their asset &times; control pairs where the customer takes part that are customer gaps, in tenths (an account without such pairs counts as 0%). A crowd on the right is a programme-wide lack of evidence; a few accounts on the right are the ones to follow up.</p>' || E'\n'
        || '<figure>' || srm_internal.report_histogram_svg('chart-gap-shares', 'Accounts by customer gap share', v_bins)
        || format('<figcaption class="sql">SQL: <code>SELECT coalesce(least(floor(10 * gaps / nullif(customer, 0)), 9), 0) AS tenth, count(*) FROM (SELECT account_id, sum(gaps) AS gaps, sum(asset_controls) FILTER (WHERE class IN (''shared'', ''customer-specific'')) AS customer FROM srm.bi_responsibility_mix WHERE run_id = %s GROUP BY account_id) a GROUP BY 1 ORDER BY 1</code></figcaption>', run)
        || '</figure>' || E'\n'
        || srm_internal.report_tag_table(run)
        || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_chart_accounts(bigint) IS
    'section 1 of srm.report_html: the responsibility mix per account (stacked bars); past srm_internal.report_account_threshold() accounts, the 20 accounts with the most customer gaps (bars), a histogram of the accounts'' gap shares and the totals per tag value';

-- the totals per value of the report's tag key (a part of section 1 for large runs)
CREATE FUNCTION srm_internal.report_tag_table(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    top_values constant integer := 15;
    v_key      text;
    v_n        bigint;
    v_totals   jsonb;
    i          integer := 0;
    x          record;
    html       text;
BEGIN
    v_key := srm_internal.report_tag_key(run);
    IF v_key IS NULL THEN
        RETURN '<h3>Totals per tag</h3>' || E'\n'
            || '<p class="note" id="tag-note">No tag key of the run''s assets has 2 to 50 values (runs of srm 0.2.0 recorded no tags): set <code>srm.report_tag_key</code> to the tag that names your organisational units to total by it.</p>' || E'\n';
    END IF;
    SELECT coalesce(jsonb_agg(to_jsonb(t)), '[]'), count(*) FILTER (WHERE t.tag_value IS NOT NULL) INTO v_totals, v_n
    FROM srm_internal.report_tag_totals(run, v_key) t;
    html := format('<h3 id="tag-totals-title">Totals per value of tag <code>%s</code></h3>', srm_internal.html_escape(v_key)) || E'\n'
         || format('<p class="note" id="tag-note">The run''s known assets by their tag <code>%s</code> (%s; tags as the run recorded them)%s. A pair is an asset &times; control where the customer takes part.</p>',
                   srm_internal.html_escape(v_key),
                   CASE WHEN nullif(current_setting('srm.report_tag_key', true), '') IS NOT NULL THEN 'the setting <code>srm.report_tag_key</code>'
                        ELSE 'the tag most of the run''s first 2,000 assets carry; set <code>srm.report_tag_key</code> to choose another' END,
                   CASE WHEN v_n > top_values THEN format('; the %s values with the most gaps of %s', top_values, srm_internal.report_number(v_n)) ELSE '' END) || E'\n'
         || '<table id="tag-totals">' || E'\n'
         || '<thead><tr><th scope="col">Value</th><th scope="col" class="n">Assets</th><th scope="col" class="n">Accounts</th>'
         || '<th scope="col" class="n">Pairs</th><th scope="col" class="n">Customer gaps</th><th scope="col" class="n">Gap share</th></tr></thead>' || E'\n' || '<tbody>' || E'\n';
    FOR x IN SELECT t.* FROM jsonb_to_recordset(v_totals) AS t(tag_value text, assets bigint, accounts bigint,
                                                            customer_asset_controls numeric, gaps numeric)
             ORDER BY t.tag_value IS NULL, t.gaps DESC, t.tag_value LOOP
        i := i + 1;
        CONTINUE WHEN x.tag_value IS NOT NULL AND i > top_values;
        html := html || format('<tr><td>%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td></tr>',
                               coalesce(srm_internal.html_escape(x.tag_value), '<span class="note">no such tag</span>'),
                               srm_internal.report_number(x.assets), srm_internal.report_number(x.accounts),
                               srm_internal.report_number(x.customer_asset_controls), srm_internal.report_number(x.gaps),
                               srm_internal.report_percent(x.gaps, x.customer_asset_controls)) || E'\n';
    END LOOP;
    RETURN html || '</tbody></table>' || E'\n'
        || format('<p class="sql">SQL: <code>SELECT a.tags -&gt;&gt; %s AS value, count(DISTINCT r.asset_id) AS assets, count(DISTINCT r.account_id) AS accounts, count(*) FILTER (WHERE r.class IN (''shared'', ''customer-specific'')) AS pairs, count(*) FILTER (WHERE r.gap) AS gaps FROM srm.audit_result r JOIN srm.audit_asset a USING (run_id, asset_id) WHERE r.run_id = %s GROUP BY 1</code> (reads every pair: slow on a large run; the report sums the run''s summaries per asset instead)</p>',
                  srm_internal.html_escape(quote_literal(v_key)), run) || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_tag_table(bigint) IS
    'part of section 1 of srm.report_html for large runs: per value of the tag key srm_internal.report_tag_key chooses, assets, accounts, pairs where the customer takes part and customer gaps (the 15 values with the most gaps, and the assets without the tag)';
-- chart 2: the responsibility mix of the services with the most pairs
CREATE FUNCTION srm_internal.report_chart_services(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    top_services constant integer := 15;
    top_gaps     constant integer := 10;
    v_n          bigint;
    v_rows       jsonb;
    v_gaps       jsonb;
    html         text;
    v_multi      boolean := srm_internal.report_multi_provider(run);
BEGIN
    SELECT count(*) INTO v_n
    FROM (SELECT DISTINCT m.provider, m.service_namespace FROM srm.bi_responsibility_mix m WHERE m.run_id = report_chart_services.run) m;
    SELECT coalesce(jsonb_agg(jsonb_build_object('label', srm_internal.report_service_label(s.provider, s.service_namespace, v_multi),
                                                 'hint', coalesce(sv.name || ' (' || s.service_namespace || ')', s.service_namespace),
                                                 'v', jsonb_build_array(s.na, s.inh, s.sha, s.cus))
                              ORDER BY s.na + s.inh + s.sha + s.cus DESC, s.service_namespace, s.provider), '[]')
    INTO v_rows
    FROM (SELECT m.provider, m.service_namespace,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'not-applicable'), 0) AS na,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'inherited'), 0) AS inh,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'shared'), 0) AS sha,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'customer-specific'), 0) AS cus
          FROM srm.bi_responsibility_mix m WHERE m.run_id = report_chart_services.run
          GROUP BY m.provider, m.service_namespace
          ORDER BY sum(m.asset_controls) DESC, m.service_namespace, m.provider
          LIMIT top_services) s
    LEFT JOIN srm.service sv ON sv.provider = s.provider AND sv.service_namespace = s.service_namespace;
    html := srm_internal.report_chart_section(2,
        'Who is responsible, per service' || CASE WHEN v_n > top_services THEN format(' (top %s)', top_services) ELSE '' END,
        format('<p class="note">The %s services with the most asset &times; control pairs%s. The split moves with the kind of service: infrastructure services leave more to the customer than abstracted ones.</p>',
               least(v_n, top_services),
               CASE WHEN v_n > top_services THEN format(', of %s services in this run', v_n) ELSE '' END),
        srm_internal.report_stacked_svg('chart-services', 'Responsibility mix per service', v_rows),
        format('SQL: <code>SELECT service_namespace, class, sum(asset_controls) FROM srm.bi_responsibility_mix WHERE run_id = %s GROUP BY service_namespace, class</code> (services ranked by their total, first %s)', run, top_services));
    IF NOT srm_internal.report_is_large(run) THEN
        RETURN html;
    END IF;
    -- a large run: the services with the most customer gaps too
    SELECT coalesce(jsonb_agg(jsonb_build_object('label', srm_internal.report_service_label(s.provider, s.service_namespace, v_multi),
                                                 'hint', coalesce(sv.name || ' (' || s.service_namespace || ')', s.service_namespace),
                                                 'value', s.gaps, 'of', s.customer)
                              ORDER BY s.gaps DESC, s.service_namespace, s.provider), '[]')
    INTO v_gaps
    FROM (SELECT f.provider, f.service_namespace, coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) AS gaps,
                 coalesce(sum(f.assets) FILTER (WHERE f.class::text IN ('shared', 'customer-specific')), 0) AS customer
          FROM srm_internal.audit_fold f WHERE f.run_id = report_chart_services.run
          GROUP BY f.provider, f.service_namespace
          HAVING coalesce(sum(f.assets) FILTER (WHERE f.gap), 0) > 0
          ORDER BY 3 DESC, f.service_namespace, f.provider
          LIMIT top_gaps) s
    LEFT JOIN srm.service sv ON sv.provider = s.provider AND sv.service_namespace = s.service_namespace;
    RETURN left(html, -length('</section>' || E'\n'))
        || format('<h3>Services with the most customer gaps (top %s)</h3>', top_gaps) || E'\n'
        || '<p class="note">Over all accounts: the customer gaps of each service (dark bar) against its asset &times; control pairs where the customer takes part. Every service and account: <code>srm.bi_customer_gaps</code>.</p>' || E'\n'
        || '<figure>' || srm_internal.report_bars_svg('chart-service-gaps', 'Services with the most customer gaps', v_gaps)
        || format('<figcaption class="sql">SQL: <code>SELECT service_namespace, sum(assets) AS gaps FROM srm.bi_customer_gaps WHERE run_id = %s GROUP BY service_namespace ORDER BY gaps DESC, service_namespace LIMIT %s</code></figcaption>', run, top_gaps)
        || '</figure>' || E'\n' || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_chart_services(bigint) IS
    'section 2 of srm.report_html: the responsibility mix of the 15 services with the most asset x control pairs (stacked bars); for a run past srm_internal.report_account_threshold() accounts, also the 10 services with the most customer gaps (bars)';

-- chart 3: customer gaps by control family
CREATE FUNCTION srm_internal.report_chart_families(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_rows jsonb;
    v_own  text[];
BEGIN
    -- the controls that are their own family (aws-srm's), as the run kept
    -- them; null for a run that kept none (0.2.0): then the catalog's
    SELECT CASE WHEN count(*) > 0 THEN coalesce(array_agg(DISTINCT d.control_id) FILTER (WHERE d.family_id IS NULL), '{}') END
    INTO v_own
    FROM srm.audit_default d WHERE d.run_id = report_chart_families.run;
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'label', CASE WHEN g.family_id = ANY (v_own)
                                  OR (v_own IS NULL
                                      AND EXISTS (SELECT FROM srm.control c WHERE c.framework_id = g.framework_id AND c.control_id = g.family_id))
                             THEN g.family_title ELSE upper(g.family_id) || ' ' || g.family_title END,
               'hint', format('%s: %s controls with gaps', coalesce(g.family_title, g.family_id), coalesce(g.controls_with_gaps, 0)),
               'value', coalesce(g.gaps, 0), 'of', coalesce(g.customer_asset_controls, 0))
               ORDER BY coalesce(g.gaps, 0) DESC, coalesce(g.customer_asset_controls, 0) DESC, g.family_id), '[]')
    INTO v_rows
    FROM srm.bi_gaps_by_family g
    WHERE g.run_id = report_chart_families.run AND coalesce(g.customer_asset_controls, 0) > 0;
    RETURN srm_internal.report_chart_section(3, 'Customer gaps by control family',
        '<p class="note">For each family, the asset &times; control pairs where the customer takes part (light bar) and, of those, the ones without implemented evidence (dark bar).</p>',
        srm_internal.report_bars_svg('chart-families', 'Customer gaps by control family', v_rows),
        format('SQL: <code>SELECT family_id, family_title, gaps, customer_asset_controls FROM srm.bi_gaps_by_family WHERE run_id = %s AND customer_asset_controls &gt; 0 ORDER BY gaps DESC NULLS LAST</code>', run));
END
$$;
COMMENT ON FUNCTION srm_internal.report_chart_families(bigint) IS
    'section 3 of srm.report_html: customer gaps against the pairs where the customer takes part, per control family (bars)';

-- chart 4: the trend across the runs of the same framework and baseline
CREATE FUNCTION srm_internal.report_chart_trend(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r      record;
    v_fw   text;
    v_bl   text;
    v_runs integer;
    v_n    bigint;
    v_rows jsonb;
BEGIN
    SELECT * INTO r FROM srm.audit_run a WHERE a.run_id = report_chart_trend.run;
    v_fw := srm_internal.html_escape(quote_literal(r.framework_id));
    v_bl := CASE WHEN r.baseline IS NULL THEN 'baseline IS NULL'
                 ELSE 'baseline = ' || srm_internal.html_escape(quote_literal(r.baseline)) END;
    SELECT count(*)::integer,
           coalesce(jsonb_agg(jsonb_build_object(
               'label', '#' || t.run_id, 'sub', to_char(t.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
               'v', jsonb_build_array(coalesce(t.gaps, 0), t.not_applicable, t.inherited, t.shared, t.customer_specific))
               ORDER BY t.run_id), '[]')
    INTO v_runs, v_rows
    FROM (SELECT b.* FROM srm.bi_run b
          WHERE b.framework_id = r.framework_id AND b.baseline IS NOT DISTINCT FROM r.baseline AND b.run_id <= r.run_id
          ORDER BY b.run_id DESC LIMIT 24) t;
    SELECT count(*) INTO v_n FROM srm.audit_run a
    WHERE a.framework_id = r.framework_id AND a.baseline IS NOT DISTINCT FROM r.baseline AND a.run_id <= r.run_id;
    RETURN srm_internal.report_chart_section(4, 'Trend across runs',
           format('<p class="note" id="trend-note">%s</p>',
                   CASE WHEN v_runs = 1
                        THEN format('This is the only run of %s%s so far: the chart shows a single point per series; the trend starts here.',
                                    srm_internal.html_escape(r.framework_id),
                                    CASE WHEN r.baseline IS NULL THEN '' ELSE ' ' || srm_internal.html_escape(r.baseline) END)
                        ELSE format('Customer gaps (dashed) and asset &times; control pairs of each class over the %s%s runs of %s%s up to and including this one.',
                                    CASE WHEN v_n > v_runs THEN 'last ' ELSE '' END, v_runs,
                                    srm_internal.html_escape(r.framework_id),
                                    CASE WHEN r.baseline IS NULL THEN '' ELSE ' ' || srm_internal.html_escape(r.baseline) END) END),
        srm_internal.report_trend_svg('chart-trend', 'Customer gaps and responsibility mix across runs', v_rows),
        format('SQL: <code>SELECT run_id, started_at, gaps, not_applicable, inherited, shared, customer_specific FROM srm.bi_run WHERE framework_id = %s AND %s AND run_id &lt;= %s ORDER BY run_id DESC LIMIT 24</code>',
               v_fw, v_bl, r.run_id));
END
$$;
COMMENT ON FUNCTION srm_internal.report_chart_trend(bigint) IS
    'section 4 of srm.report_html: customer gaps and the responsibility mix over the last 24 runs of the same framework and baseline (line chart)';

-- table: the largest open customer gaps
CREATE FUNCTION srm_internal.report_top_gaps(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    top_gaps constant integer := 25;
    v_n      bigint;
    v_m      numeric;
    x        record;
    html     text;
    v_multi  boolean := srm_internal.report_multi_provider(run);
BEGIN
    -- the rows of srm.bi_customer_gaps, counted without listing them: a
    -- folded row stands for one gap row per account
    SELECT coalesce(sum(f.accounts), 0), coalesce(sum(f.assets), 0) INTO v_n, v_m
    FROM srm_internal.audit_fold f WHERE f.run_id = report_top_gaps.run AND f.gap AND f.assets > 0;
    html := '<section>' || E'\n' || '<h2><span class="num">5</span>Top open customer gaps</h2>' || E'\n'
         || format('<p class="note">%s</p>',
                   CASE WHEN v_n = 0 THEN 'No open customer gap: every control where the customer takes part has implemented evidence.'
                        ELSE format('The %s largest of %s open gaps (%s asset &times; control pairs), by number of assets. A gap is a control where the customer takes part and its part lacks implemented evidence; record evidence in <code>srm.control_status</code> to close it.',
                                    least(v_n, top_gaps), srm_internal.report_number(v_n), srm_internal.report_number(v_m)) END) || E'\n';
    IF v_n > 0 THEN
        html := html || '<table id="top-gaps">' || E'\n'
             || '<thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Account</th><th scope="col">Service (asset)</th>'
             || '<th scope="col" class="n">Assets</th><th scope="col">Customer part</th><th scope="col">Status</th></tr></thead>' || E'\n' || '<tbody>' || E'\n';
        -- the first rows of the query under the table, read from the rows
        -- srm.bi_customer_gaps is made of: the stored findings, and the gaps
        -- of the groups that are not stored, of which only the first
        -- top_gaps groups by assets can give a row (each gap row of a group
        -- comes before those of every group with fewer assets)
        -- The label and title are the run's (as in srm.bi_customer_gaps),
        -- else the catalog's: read for the rows listed alone, by the key of
        -- their answer in srm.audit_default
        FOR x IN SELECT coalesce(d.label, g.label) AS label, coalesce(d.title, g.title) AS title, g.account_id, g.provider,
                        g.service_namespace, g.asset, g.assets, g.customer_part, g.status
                 FROM (SELECT c.label, c.title, f.account_id, f.provider, f.service_namespace,
                              srm_internal.asset_scope_key(a.provider, a.arn, a.resource_id) AS asset, f.assets,
                              f.customer_part::text AS customer_part, f.status, c.sort_id, f.control_id, f.grain
                       FROM srm.audit_finding f
                       LEFT JOIN srm.control c ON c.framework_id = f.framework_id AND c.control_id = f.control_id
                       LEFT JOIN srm.audit_asset a ON a.run_id = f.run_id AND a.asset_id = f.asset_id
                       WHERE f.run_id = report_top_gaps.run AND f.gap AND f.assets > 0
                       UNION ALL
                       SELECT c.label, c.title, t.account_id, t.provider, t.service_namespace, NULL, t.assets,
                              d.customer_part::text, d.status, c.sort_id, d.control_id, t.grain
                       FROM (SELECT t.run_id, t.provider, t.account_id, t.service_namespace, t.grain, t.assets FROM srm.audit_group t
                             WHERE t.run_id = report_top_gaps.run AND NOT t.stored
                               AND EXISTS (SELECT FROM srm.audit_default d
                                           WHERE d.run_id = t.run_id AND d.provider = t.provider
                                             AND d.service_namespace = t.service_namespace AND d.grain = t.grain AND d.gap)
                             ORDER BY t.assets DESC, t.account_id, t.service_namespace, t.grain
                             LIMIT top_gaps) t
                       JOIN srm.audit_default d
                         ON d.run_id = t.run_id AND d.provider = t.provider AND d.service_namespace = t.service_namespace
                        AND d.grain = t.grain AND d.gap
                       LEFT JOIN srm.control c ON c.framework_id = d.framework_id AND c.control_id = d.control_id
                       ORDER BY assets DESC, account_id, service_namespace, grain, sort_id NULLS LAST, control_id, asset NULLS FIRST
                       LIMIT top_gaps) g
                 LEFT JOIN srm.audit_default d
                   ON d.run_id = report_top_gaps.run AND d.provider = g.provider AND d.service_namespace = g.service_namespace
                  AND d.grain = g.grain AND d.control_id = g.control_id
                 ORDER BY g.assets DESC, g.account_id, g.service_namespace, g.grain, g.sort_id NULLS LAST, g.control_id, g.asset NULLS FIRST
                 LOOP
            html := html || format('<tr><td class="id">%s</td><td>%s</td><td class="id">%s</td><td>%s%s</td><td class="n">%s</td><td>%s</td><td>%s</td></tr>',
                                   srm_internal.html_escape(x.label), srm_internal.html_escape(x.title),
                                   srm_internal.html_escape(x.account_id),
                                   srm_internal.html_escape(srm_internal.report_service_label(x.provider, x.service_namespace, v_multi)),
                                   CASE WHEN x.asset IS NULL THEN ''
                                        ELSE '<br><span class="arn">' || srm_internal.html_escape(x.asset) || '</span>' END,
                                   srm_internal.report_number(x.assets), srm_internal.html_escape(x.customer_part),
                                   CASE WHEN x.status IS NULL THEN '<span class="tag open">no status</span>'
                                        ELSE '<span class="tag">' || srm_internal.html_escape(x.status) || '</span>' END) || E'\n';
        END LOOP;
        html := html || '</tbody></table>' || E'\n';
    END IF;
    RETURN html || format('<p class="sql">SQL: <code>SELECT g.label, g.title, g.account_id, g.service_namespace, g.asset, g.assets, g.customer_part, g.status FROM srm.bi_customer_gaps g LEFT JOIN srm.control c USING (framework_id, control_id) WHERE g.run_id = %s ORDER BY g.assets DESC, g.account_id, g.service_namespace, g.grain, c.sort_id NULLS LAST, g.control_id, g.asset NULLS FIRST LIMIT %s</code></p>', run, top_gaps) || E'\n'
         || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_top_gaps(bigint) IS
    'section 5 of srm.report_html: the 25 largest open customer gaps by number of assets (table)';

-- section 6: the customer gaps split by the scanners' checks the run saw,
-- per service, and the failing check results
CREATE FUNCTION srm_internal.report_checks(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    top_services constant integer := 15;
    top_failing  constant integer := 25;
    r            record;
    x            record;
    v_n          bigint;
    v_failed     bigint;
    v_rows       jsonb;
    html         text;
    v_multi      boolean := srm_internal.report_multi_provider(run);
BEGIN
    SELECT * INTO r FROM srm.bi_run b WHERE b.run_id = report_checks.run;
    html := '<section>' || E'\n' || '<h2 id="checks"><span class="num">6</span>Customer gaps by check result</h2>' || E'\n';
    IF r.gaps_failing IS NULL THEN
        RETURN html || '<p class="note">This run was recorded before srm kept the scanners'' results (0.5.0): it has no check results. Load findings with <code>srm.load_findings</code> and run an audit.</p>' || E'\n'
            || '</section>' || E'\n';
    END IF;
    html := html
        || format('<p class="note">The scanners'' findings the run saw (up to finding %s): %s current result(s) named an asset of the run or its account, %s named neither. Of each check on each resource the newest result counts; a check on the account itself (such as its password policy) speaks for each of its assets.</p>',
                  coalesce(r.findings_through::text, 'none'), srm_internal.report_number(r.findings_applied),
                  srm_internal.report_number(r.findings_unmatched)) || E'\n'
        || '<div class="cards">'
        || format('<div class="card gap"><span class="n" id="gaps-failing">%s</span><span class="p">%s</span><span class="l">customer gaps with a failing check</span></div>',
                  srm_internal.report_number(r.gaps_failing), srm_internal.report_percent(r.gaps_failing, r.gaps))
        || format('<div class="card inh"><span class="n" id="gaps-passing">%s</span><span class="p">%s</span><span class="l">passing, but unattested (no implemented status)</span></div>',
                  srm_internal.report_number(r.gaps_passing), srm_internal.report_percent(r.gaps_passing, r.gaps))
        || format('<div class="card na"><span class="n" id="gaps-unchecked">%s</span><span class="p">%s</span><span class="l">unchecked (no scanner checks them)</span></div>',
                  srm_internal.report_number(r.gaps_unchecked), srm_internal.report_percent(r.gaps_unchecked, r.gaps))
        || '</div>' || E'\n';
    IF r.gaps_failing + r.gaps_passing = 0 THEN
        html := html || '<p class="note">No scanner check speaks for any customer gap of this run: every gap is unchecked.</p>' || E'\n';
    ELSE
        -- per service: its gaps from the run's summaries (srm_internal.audit_fold),
        -- those a check speaks for from srm_internal.audit_check_fold
        SELECT count(*), coalesce(jsonb_agg(jsonb_build_object('label', srm_internal.report_service_label(s.provider, s.service_namespace, v_multi),
                                                     'hint', coalesce(sv.name || ' (' || s.service_namespace || ')', s.service_namespace),
                                                     'v', jsonb_build_array(s.failing, s.passing, s.gaps - s.failing - s.passing))
                                  ORDER BY s.failing DESC, s.passing DESC, s.service_namespace, s.provider)
                           FILTER (WHERE s.rank <= top_services), '[]')
        INTO v_n, v_rows
        FROM (SELECT g.provider, g.service_namespace, g.gaps, coalesce(k.failing, 0) AS failing, coalesce(k.passing, 0) AS passing,
                     row_number() OVER (ORDER BY coalesce(k.failing, 0) DESC, coalesce(k.passing, 0) DESC, g.service_namespace,
                                                 g.provider) AS rank
              FROM (SELECT f.provider, f.service_namespace, sum(f.assets) AS gaps
                    FROM srm_internal.audit_fold f WHERE f.run_id = report_checks.run AND f.gap AND f.assets > 0
                    GROUP BY f.provider, f.service_namespace) g
              LEFT JOIN (SELECT k.provider, k.service_namespace, sum(k.failing) AS failing, sum(k.passing) AS passing
                         FROM srm_internal.audit_check_fold k WHERE k.run_id = report_checks.run
                         GROUP BY k.provider, k.service_namespace) k USING (provider, service_namespace)) s
        LEFT JOIN srm.service sv ON sv.provider = s.provider AND sv.service_namespace = s.service_namespace;
        html := html || '<figure>'
            || srm_internal.report_checks_svg('chart-checks', 'Customer gaps by check result, per service', v_rows)
            || format('<figcaption class="sql">SQL: <code>SELECT service_namespace, sum(failing), sum(passing_unattested), sum(unchecked) FROM srm.bi_check_results WHERE run_id = %s GROUP BY service_namespace</code> (services with the most failing gaps, first %s of %s)</figcaption>',
                      run, top_services, v_n)
            || '</figure>' || E'\n';
    END IF;

    SELECT count(*) INTO v_failed FROM srm.audit_check c WHERE c.run_id = report_checks.run AND c.check_result = 'failed';
    IF v_failed = 0 THEN
        RETURN html || '<p class="note">No check failed on an asset or account of this run.</p>' || E'\n' || '</section>' || E'\n';
    END IF;
    html := html || format('<h3>Failing checks (%s of %s)</h3>', least(v_failed, top_failing), srm_internal.report_number(v_failed)) || E'\n'
        || '<p class="note">Each asset (or account) x control where a current check failed. A failing check where a status says the control is implemented deserves a second look.</p>' || E'\n'
        || '<table class="checks" id="failing-checks">' || E'\n'
        || '<thead><tr><th scope="col">Control</th><th scope="col">Account</th><th scope="col">Asset</th><th scope="col">Failing checks</th><th scope="col">Gap</th></tr></thead>' || E'\n'
        || '<tbody>' || E'\n';
    -- the label as the run kept it, else as the catalog has it
    FOR x IN SELECT coalesce(t.label, c.label) AS label, k.account_id, a.arn, a.resource_id, a.provider, a.service_namespace,
                    k.asset_id, k.failed_checks, k.gap
             FROM srm.audit_check k
             LEFT JOIN srm_internal.audit_control t ON t.run_id = k.run_id AND t.control_id = k.control_id
             LEFT JOIN srm.control c ON c.framework_id = k.framework_id AND c.control_id = k.control_id
             LEFT JOIN srm.audit_asset a ON a.run_id = k.run_id AND a.asset_id = k.asset_id
             WHERE k.run_id = report_checks.run AND k.check_result = 'failed'
             ORDER BY c.sort_id NULLS LAST, k.control_id, k.account_id, k.asset_id NULLS FIRST
             LIMIT top_failing LOOP
        html := html || format('<tr><td class="id">%s</td><td class="id">%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
                               srm_internal.html_escape(x.label), srm_internal.html_escape(x.account_id),
                               CASE WHEN x.asset_id IS NULL THEN 'the account (each of its assets)'
                                    ELSE srm_internal.html_escape(srm_internal.report_service_label(x.provider, x.service_namespace, v_multi))
                                         || '<br><span class="arn">'
                                         || srm_internal.html_escape(coalesce(x.arn, x.resource_id)) || '</span>' END,
                               srm_internal.html_escape(array_to_string(x.failed_checks, ', ')),
                               CASE WHEN x.gap IS NULL THEN ''
                                    WHEN x.gap THEN '<span class="tag open">open gap</span>'
                                    ELSE '<span class="tag">attested</span>' END) || E'\n';
    END LOOP;
    RETURN html || '</tbody></table>' || E'\n'
        || format('<p class="sql">SQL: <code>SELECT control_id, account_id, asset_id, failed_checks, gap FROM srm.audit_check WHERE run_id = %s AND check_result = ''failed''</code>; per asset x control: <code>SELECT * FROM srm.audit_result WHERE run_id = %s AND check_result = ''failed''</code></p>', run, run) || E'\n'
        || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_checks(bigint) IS
    'section 6 of srm.report_html: the customer gaps split by the scanners'' checks (failing, passing but unattested, unchecked) as cards and, when a check speaks for some gap, per service (stacked bars, 15 services with the most failing gaps), and the first 25 failing check results (table); for a run before 0.5.0 a note that it has no check results';

-- table: the inherited controls and the attestations to cite
CREATE FUNCTION srm_internal.report_inherited_controls(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_n   bigint;
    v_m   numeric;
    v_att text[];
    v_inh srm.bi_inherited_controls[];
    x     record;
    html  text;
    v_multi boolean := srm_internal.report_multi_provider(run);
BEGIN
    -- the view read once
    SELECT array_agg(i) INTO v_inh FROM srm.bi_inherited_controls i WHERE i.run_id = report_inherited_controls.run;
    -- one callout for every control when all have the same attestations
    -- (a run of one provider); else each row names its providers' own
    SELECT count(DISTINCT i.control_id),
           CASE WHEN bool_and(i.attestations IS NOT NULL) OR NOT v_multi
                THEN array_agg(DISTINCT i.attestations ORDER BY i.attestations) FILTER (WHERE i.attestations IS NOT NULL) END
    INTO v_n, v_att
    FROM unnest(v_inh) i;
    SELECT count(*) INTO v_m
    FROM (SELECT DISTINCT f.provider, f.service_namespace FROM srm_internal.audit_fold f WHERE f.run_id = report_inherited_controls.run) f;
    html := '<section>' || E'\n' || '<h2><span class="num">7</span>Inherited controls and the attestations to cite</h2>' || E'\n';
    IF v_n = 0 THEN
        html := html || '<p class="note">No control of this run is inherited from the provider alone.</p>' || E'\n';
    ELSE
        html := html || format('<p class="note">%s controls are the provider''s alone on at least one service. An auditor accepts the provider''s third-party attestations as their evidence.</p>',
                               srm_internal.report_number(v_n)) || E'\n';
        IF coalesce(cardinality(v_att), 0) = 1 THEN
            html := html || '<div class="callout"><b>Cite for every control below:</b><ul>'
                 || (SELECT string_agg('<li>' || srm_internal.html_escape(a) || '</li>', '' ORDER BY o)
                     FROM unnest(string_to_array(v_att[1], '; ')) WITH ORDINALITY AS u(a, o))
                 || '</ul></div>' || E'\n';
        END IF;
        html := html || '<table id="inherited-controls">' || E'\n'
             || '<thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col" class="n">Services</th><th scope="col" class="n">Asset &times; control pairs</th>'
             || CASE WHEN coalesce(cardinality(v_att), 0) = 1 THEN '<th scope="col">On services</th>' ELSE '<th scope="col">Attestation to cite</th>' END
             || '</tr></thead>' || E'\n' || '<tbody>' || E'\n';
        FOR x IN SELECT i.label, i.title, count(DISTINCT (i.provider, i.service_namespace)) AS services, sum(i.asset_controls) AS pairs,
                        array_agg(DISTINCT srm_internal.report_service_label(i.provider, i.service_namespace, v_multi)
                                  ORDER BY srm_internal.report_service_label(i.provider, i.service_namespace, v_multi)) AS service_list,
                        CASE WHEN v_multi
                             THEN string_agg(DISTINCT srm_internal.provider_name(i.provider) || ': '
                                                      || coalesce(i.attestations, 'none recorded in srm'), '; ')
                             ELSE min(i.attestations) END AS attestations
                 FROM unnest(v_inh) i
                 LEFT JOIN srm.control c ON c.framework_id = i.framework_id AND c.control_id = i.control_id
                 GROUP BY i.framework_id, i.control_id, i.label, i.title, c.sort_id
                 ORDER BY c.sort_id NULLS LAST, i.control_id LOOP
            html := html || format('<tr><td class="id">%s</td><td>%s</td><td class="n">%s</td><td class="n">%s</td><td>%s</td></tr>',
                                   srm_internal.html_escape(x.label), srm_internal.html_escape(x.title),
                                   srm_internal.report_number(x.services), srm_internal.report_number(x.pairs),
                                   CASE WHEN coalesce(cardinality(v_att), 0) = 1
                                        THEN CASE WHEN x.services = v_m THEN format('all %s services of the run', v_m)
                                                  WHEN x.services > 6
                                                  THEN srm_internal.html_escape(array_to_string(x.service_list[1:5], ', '))
                                                       || format(' and %s more', x.services - 5)
                                                  ELSE srm_internal.html_escape(array_to_string(x.service_list, ', ')) END
                                        ELSE coalesce(srm_internal.html_escape(x.attestations), '<span class="note">none recorded</span>') END) || E'\n';
        END LOOP;
        html := html || '</tbody></table>' || E'\n';
    END IF;
    RETURN html || format('<p class="sql">SQL: <code>SELECT label, title, count(DISTINCT service_namespace) AS services, sum(asset_controls), attestations FROM srm.bi_inherited_controls WHERE run_id = %s GROUP BY control_id, label, title, attestations</code></p>', run) || E'\n'
         || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_inherited_controls(bigint) IS
    'section 7 of srm.report_html: the controls the provider alone is responsible for, with the attestations to cite (table)';

-- table: the assets the run could not place (the section is left out when there are none)
CREATE FUNCTION srm_internal.report_unknown_assets(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    max_unknown constant integer := 50;
    v_n         bigint;
    x           record;
    html        text;
BEGIN
    SELECT count(*) INTO v_n FROM srm.bi_unknown_assets u WHERE u.run_id = report_unknown_assets.run;
    IF v_n = 0 THEN
        RETURN '';
    END IF;
    html := '<section>' || E'\n' || '<h2><span class="num">8</span>Unknown assets</h2>' || E'\n'
         || format('<p class="note">%s asset(s) of a resource type srm cannot place: they are counted in the run but carry no control. Map their types (or add overrides) so that the next run covers them.%s</p>',
                   srm_internal.report_number(v_n),
                   CASE WHEN v_n > max_unknown THEN format(' The first %s are listed.', max_unknown) ELSE '' END) || E'\n'
         || '<table id="unknown-assets-table">' || E'\n'
         || '<thead><tr><th scope="col">Account</th><th scope="col">Region</th><th scope="col">Resource type</th><th scope="col">Resource id</th><th scope="col">ARN</th></tr></thead>' || E'\n' || '<tbody>' || E'\n';
    FOR x IN SELECT u.account_id, u.region, u.resource_type, u.resource_id, u.arn
             FROM srm.bi_unknown_assets u WHERE u.run_id = report_unknown_assets.run
             ORDER BY u.account_id, u.resource_type, u.resource_id, u.asset_id
             LIMIT max_unknown LOOP
        html := html || format('<tr><td class="id">%s</td><td>%s</td><td class="id">%s</td><td class="arn">%s</td><td class="arn">%s</td></tr>',
                               srm_internal.html_escape(x.account_id), srm_internal.html_escape(x.region),
                               srm_internal.html_escape(x.resource_type), srm_internal.html_escape(x.resource_id),
                               coalesce(srm_internal.html_escape(x.arn), '<span class="note">no ARN</span>')) || E'\n';
    END LOOP;
    RETURN html || '</tbody></table>' || E'\n'
         || format('<p class="sql">SQL: <code>SELECT account_id, region, resource_type, resource_id, arn FROM srm.bi_unknown_assets WHERE run_id = %s ORDER BY account_id, resource_type, resource_id</code></p>', run) || E'\n'
         || '</section>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_unknown_assets(bigint) IS
    'section 8 of srm.report_html: the first 50 assets of a resource type srm cannot place (table); empty when there are none';

-- the footer: what wrote the page, the catalog and the model, and the end of the page
CREATE FUNCTION srm_internal.report_footer(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    fw    record;
    v_ext text;
    v_providers text[] := srm_internal.report_providers(run);
BEGIN
    SELECT f.* INTO fw FROM srm.audit_run a JOIN srm.framework f USING (framework_id) WHERE a.run_id = report_footer.run;
    SELECT e.extversion INTO v_ext FROM pg_extension e WHERE e.extname = 'srm';
    RETURN '<footer>'
         || format('<p>Generated by srm %s from audit run %s as recorded in the database; the page changes only if the run''s rows do. Every figure comes from the <code>srm.bi_*</code> views, with the SQL under it. Times are UTC.</p>',
                   srm_internal.html_escape(coalesce(v_ext, '')), run)
         || format('<p>Control catalog: %s, %s, published by %s. Source: %s.</p>',
                   srm_internal.html_escape(fw.name), srm_internal.html_escape(fw.version),
                   srm_internal.html_escape(fw.publisher), srm_internal.html_escape(fw.source))
         || '<p>Responsibility model: the AWS Shared Responsibility Model (AWS is responsible for security <i>of</i> the cloud, the customer for security <i>in</i> the cloud) and AWS Security Best Practices (infrastructure, container and abstracted services).'
         || CASE WHEN 'azure' = ANY (v_providers) THEN ' For Azure: Microsoft''s shared responsibility in the cloud (IaaS, PaaS, SaaS).' ELSE '' END
         || CASE WHEN 'gcp' = ANY (v_providers) THEN ' For Google Cloud: Google''s shared responsibility and shared fate (IaaS, PaaS, SaaS).' ELSE '' END
         || '</p>'
         || '</footer>' || E'\n' || '</main>' || E'\n' || '</body>' || E'\n' || '</html>' || E'\n';
END
$$;
COMMENT ON FUNCTION srm_internal.report_footer(bigint) IS
    'the footer of srm.report_html (srm''s version, the run, the control catalog and the responsibility model) and the end of the page';

-------------------------------------------------------------------------------
-- The report
-------------------------------------------------------------------------------

CREATE FUNCTION srm.report_html(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_latest bigint;
BEGIN
    IF NOT EXISTS (SELECT FROM srm.audit_run a WHERE a.run_id = report_html.run) THEN
        SELECT max(a.run_id) INTO v_latest FROM srm.audit_run a;
        RAISE EXCEPTION 'audit run % does not exist', report_html.run
            USING ERRCODE = 'no_data_found',
                  HINT = CASE WHEN v_latest IS NULL
                              THEN 'There is no audit run yet: srm.run_audit(framework, baseline) records one.'
                              ELSE format('The latest audit run is %s.', v_latest) END;
    END IF;
    RETURN srm_internal.report_head(run)
        || srm_internal.report_header(run)
        || srm_internal.report_figures(run)
        || srm_internal.report_chart_accounts(run)
        || srm_internal.report_chart_services(run)
        || srm_internal.report_chart_families(run)
        || srm_internal.report_chart_trend(run)
        || srm_internal.report_top_gaps(run)
        || srm_internal.report_checks(run)
        || srm_internal.report_inherited_controls(run)
        || srm_internal.report_unknown_assets(run)
        || srm_internal.report_footer(run);
END
$$;
COMMENT ON FUNCTION srm.report_html(bigint) IS
    'the audit report of a run as one self-contained HTML page (inline CSS and SVG, no script and no network): header and scope, headline figures, charts of the responsibility mix per account and per service (past 25 accounts: the 20 accounts and 10 services with the most customer gaps, a histogram of the accounts'' gap shares and totals per tag value instead of one bar per account), customer gaps by control family and the trend across runs of the same framework and baseline, then the top open gaps, the gaps split by the scanners'' checks (failing, passing but unattested, unchecked) with the failing checks, the inherited controls with the attestations to cite, and the unknown assets; each figure with the SQL over the srm.bi_* views that produces it. Deterministic for the same rows. An unknown run raises no_data_found (P0002).';
