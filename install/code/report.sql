-- install/code/report.sql (code part): srm.report_html, the audit report as one HTML page.
--
-- The page is
-- self-contained: inline <style>, inline SVG charts, no script, no font, no
-- image and no link to the network.  Every figure is read from the BI views
-- of install/code/bi_views.sql, and the SQL that reproduces it is printed under it.  The page
-- depends on the run's data only (times are the run's own, shown in UTC), so
-- the same run gives the same page.
--
-- Colours: the Okabe-Ito palette (safe for the common colour-vision
-- deficiencies), always with a legend and the numbers in <title> tooltips:
--   not applicable #BBBBBB, inherited #0072B2, shared #E69F00,
--   customer-specific #CC79A7, customer gaps #D55E00.

-------------------------------------------------------------------------------
-- Small helpers
-------------------------------------------------------------------------------

CREATE FUNCTION srm_internal.html_escape(s text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
           s, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION srm_internal.html_escape(text) IS
    'text escaped for HTML element content and quoted attribute values: & < > " and '' become character references';

CREATE FUNCTION srm_internal.report_number(n numeric)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN pg_catalog.to_char(pg_catalog.round(n), 'FM999,999,999,999,999,990');
COMMENT ON FUNCTION srm_internal.report_number(numeric) IS
    'a count rounded to an integer with thousands separators (1234567 -> 1,234,567), independent of lc_numeric; used by srm.report_html';

CREATE FUNCTION srm_internal.report_percent(part numeric, whole numeric)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN CASE WHEN whole = 0 THEN '0%'
            WHEN part > 0 AND pg_catalog.round(100 * part / whole, 1) = 0 THEN '&lt;0.1%'
            WHEN part < whole AND pg_catalog.round(100 * part / whole, 1) = 100 THEN '&gt;99.9%'
            ELSE pg_catalog.to_char(pg_catalog.round(100 * part / whole, 1), 'FM990.0') || '%' END;
COMMENT ON FUNCTION srm_internal.report_percent(numeric, numeric) IS
    'part as a percentage of whole with one decimal, as HTML text (41.3%; &lt;0.1% and &gt;99.9% rather than a rounded 0.0% or 100.0%; 0% when whole is 0); used by srm.report_html';

CREATE FUNCTION srm_internal.report_axis_step(maximum numeric, ticks integer)
RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN maximum <= 0 OR ticks < 1 THEN 1
            ELSE GREATEST(1, pg_catalog.round(
                 CASE WHEN maximum / ticks / pg_catalog.power(10::numeric, pg_catalog.floor(pg_catalog.log(maximum / ticks))) <= 1 THEN 1
                      WHEN maximum / ticks / pg_catalog.power(10::numeric, pg_catalog.floor(pg_catalog.log(maximum / ticks))) <= 2 THEN 2
                      WHEN maximum / ticks / pg_catalog.power(10::numeric, pg_catalog.floor(pg_catalog.log(maximum / ticks))) <= 5 THEN 5
                      ELSE 10 END
                 * pg_catalog.power(10::numeric, pg_catalog.floor(pg_catalog.log(maximum / ticks))))) END;
COMMENT ON FUNCTION srm_internal.report_axis_step(numeric, integer) IS
    'a round axis step (1, 2 or 5 times a power of ten, at least 1) giving about ticks ticks up to maximum; used by the charts of srm.report_html';

-------------------------------------------------------------------------------
-- Charts: each returns one inline <svg> with <title>, <desc>, a legend and a
-- <title> tooltip on every shape.  Input rows are jsonb arrays built by
-- srm.report_html.
-------------------------------------------------------------------------------

-- rows: [{"label": text, "hint": text, "v": [not-applicable, inherited, shared, customer-specific]}, ...]
CREATE FUNCTION srm_internal.report_stacked_svg(chart_id text, caption text, rows jsonb)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    names   constant text[] := ARRAY['not applicable', 'inherited', 'shared', 'customer-specific'];
    fills   constant text[] := ARRAY['#BBBBBB', '#0072B2', '#E69F00', '#CC79A7'];
    inks    constant text[] := ARRAY['#1d2733', '#ffffff', '#1d2733', '#1d2733'];
    lx      constant integer := 200;   -- left edge of the bars
    bw      constant integer := 640;   -- width of the longest bar
    top_y   constant integer := 40;    -- first bar row
    rh      constant integer := 30;    -- row pitch
    bh      constant integer := 20;    -- bar height
    n       integer := jsonb_array_length(rows);
    h       integer;
    v_max   numeric := 0;
    v_step  numeric;
    v_axis  numeric;
    v_tot   numeric;
    v_val   numeric;
    x       numeric;
    w       numeric;
    y       integer;
    i       integer := 0;
    k       integer;
    e       jsonb;
    t       numeric;
    v_label text;
    body    text := '';
    descr   text := '';
BEGIN
    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        v_max := greatest(v_max, (e->'v'->>0)::numeric + (e->'v'->>1)::numeric + (e->'v'->>2)::numeric + (e->'v'->>3)::numeric);
    END LOOP;
    v_step := srm_internal.report_axis_step(v_max, 5);
    v_axis := greatest(v_step, ceil(v_max / v_step) * v_step);
    h := top_y + greatest(n, 1) * rh + 30;

    -- legend
    FOR k IN 1 .. 4 LOOP
        body := body || format('<rect x="%s" y="6" width="14" height="14" rx="2" fill="%s"/><text x="%s" y="18">%s</text>',
                               lx + (k - 1) * 150, fills[k], lx + (k - 1) * 150 + 20, names[k]);
    END LOOP;

    -- grid and axis
    t := 0;
    WHILE t <= v_axis LOOP
        x := round(lx + t / v_axis * bw, 1);
        body := body || format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d9e0e7"/><text x="%s" y="%s" text-anchor="middle" fill="#5b6b7c">%s</text>',
                               x, top_y - 6, x, top_y + greatest(n, 1) * rh - 4, x, top_y + greatest(n, 1) * rh + 12,
                               srm_internal.report_number(t));
        t := t + v_step;
    END LOOP;

    IF n = 0 THEN
        body := body || format('<text x="%s" y="%s">No asset x control pairs in this run.</text>', lx + 10, top_y + 15);
    END IF;

    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        y := top_y + i * rh;
        v_tot := (e->'v'->>0)::numeric + (e->'v'->>1)::numeric + (e->'v'->>2)::numeric + (e->'v'->>3)::numeric;
        v_label := e->>'label';
        IF length(v_label) > 28 THEN
            v_label := left(v_label, 27) || '…';
        END IF;
        body := body || format('<text x="%s" y="%s" text-anchor="end">%s<title>%s</title></text>',
                               lx - 10, y + bh / 2 + 4, srm_internal.html_escape(v_label),
                               srm_internal.html_escape(coalesce(e->>'hint', e->>'label')));
        x := lx;
        descr := descr || CASE WHEN i > 0 THEN '; ' ELSE '' END
                 || srm_internal.html_escape(e->>'label') || ': ' || srm_internal.report_number(v_tot);
        FOR k IN 1 .. 4 LOOP
            v_val := (e->'v'->>(k - 1))::numeric;
            CONTINUE WHEN v_val = 0;
            w := v_val / v_axis * bw;
            body := body || format('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s: %s %s (%s)</title></rect>',
                                   round(x, 1), y, round(greatest(w, 0.5), 1), bh, fills[k],
                                   srm_internal.html_escape(e->>'label'), srm_internal.report_number(v_val), names[k],
                                   srm_internal.report_percent(v_val, v_tot));
            IF w >= 46 THEN
                body := body || format('<text x="%s" y="%s" text-anchor="middle" fill="%s" font-size="11">%s</text>',
                                       round(x + w / 2, 1), y + bh / 2 + 4, inks[k], srm_internal.report_percent(v_val, v_tot));
            END IF;
            descr := descr || format(', %s %s', names[k], srm_internal.report_percent(v_val, v_tot));
            x := x + w;
        END LOOP;
        body := body || format('<text x="%s" y="%s" fill="#1d2733" font-weight="600">%s</text>',
                               round(x + 6, 1), y + bh / 2 + 4, srm_internal.report_number(v_tot));
        i := i + 1;
    END LOOP;

    RETURN format('<svg id="%1$s" class="chart" width="960" height="%2$s" viewBox="0 0 960 %2$s" role="img" aria-labelledby="%1$s-t %1$s-d">'
                  '<title id="%1$s-t">%3$s</title><desc id="%1$s-d">%4$s</desc>%5$s</svg>',
                  chart_id, h, srm_internal.html_escape(caption),
                  'Asset x control pairs by class. ' || CASE WHEN descr = '' THEN 'No data.' ELSE descr || '.' END, body);
END
$$;
COMMENT ON FUNCTION srm_internal.report_stacked_svg(text, text, jsonb) IS
    'an inline SVG of stacked horizontal bars, one per row, split by control class (not applicable, inherited, shared, customer-specific), with legend, axis, percentages and tooltips; rows is [{"label","hint","v":[4 counts]}]; used by srm.report_html';

-- rows: [{"label": text, "hint": text, "value": gaps, "of": customer asset x control pairs}, ...]
CREATE FUNCTION srm_internal.report_bars_svg(chart_id text, caption text, rows jsonb)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    lx      constant integer := 300;
    bw      constant integer := 470;
    top_y   constant integer := 40;
    rh      constant integer := 26;
    bh      constant integer := 17;
    n       integer := jsonb_array_length(rows);
    h       integer;
    v_max   numeric := 0;
    v_step  numeric;
    v_axis  numeric;
    v_val   numeric;
    v_of    numeric;
    x       numeric;
    y       integer;
    i       integer := 0;
    e       jsonb;
    t       numeric;
    v_label text;
    body    text := '';
    descr   text := '';
BEGIN
    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        v_max := greatest(v_max, (e->>'value')::numeric, (e->>'of')::numeric);
    END LOOP;
    v_step := srm_internal.report_axis_step(v_max, 5);
    v_axis := greatest(v_step, ceil(v_max / v_step) * v_step);
    h := top_y + greatest(n, 1) * rh + 30;

    body := body || format('<rect x="%s" y="6" width="14" height="14" rx="2" fill="#D55E00"/><text x="%s" y="18">customer gaps (no implemented evidence)</text>', lx, lx + 20)
                 || format('<rect x="%s" y="6" width="14" height="14" rx="2" fill="#F3E3D6" stroke="#D55E00" stroke-width="0.8"/><text x="%s" y="18">asset x control pairs where the customer takes part</text>', lx + 290, lx + 310);

    t := 0;
    WHILE t <= v_axis LOOP
        x := round(lx + t / v_axis * bw, 1);
        body := body || format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d9e0e7"/><text x="%s" y="%s" text-anchor="middle" fill="#5b6b7c">%s</text>',
                               x, top_y - 6, x, top_y + greatest(n, 1) * rh - 4, x, top_y + greatest(n, 1) * rh + 12,
                               srm_internal.report_number(t));
        t := t + v_step;
    END LOOP;

    IF n = 0 THEN
        body := body || format('<text x="%s" y="%s">No control where the customer takes part.</text>', lx + 10, top_y + 14);
    END IF;

    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        y := top_y + i * rh;
        v_val := (e->>'value')::numeric;
        v_of := (e->>'of')::numeric;
        v_label := e->>'label';
        IF length(v_label) > 44 THEN
            v_label := left(v_label, 43) || '…';
        END IF;
        body := body || format('<text x="%s" y="%s" text-anchor="end">%s<title>%s</title></text>',
                               lx - 10, y + bh / 2 + 4, srm_internal.html_escape(v_label),
                               srm_internal.html_escape(coalesce(e->>'hint', e->>'label')))
                     || format('<rect x="%s" y="%s" width="%s" height="%s" fill="#F3E3D6" stroke="#D55E00" stroke-width="0.8"><title>%s: %s asset x control pairs where the customer takes part</title></rect>',
                               lx, y, round(greatest(v_of / v_axis * bw, 0.5), 1), bh,
                               srm_internal.html_escape(e->>'label'), srm_internal.report_number(v_of));
        IF v_val > 0 THEN
            body := body || format('<rect x="%s" y="%s" width="%s" height="%s" fill="#D55E00"><title>%s: %s customer gaps of %s (%s)</title></rect>',
                                   lx, y, round(greatest(v_val / v_axis * bw, 0.5), 1), bh,
                                   srm_internal.html_escape(e->>'label'), srm_internal.report_number(v_val),
                                   srm_internal.report_number(v_of), srm_internal.report_percent(v_val, v_of));
        END IF;
        body := body || format('<text x="%s" y="%s"><tspan font-weight="600">%s</tspan> of %s (%s)</text>',
                               round(lx + greatest(v_val, v_of) / v_axis * bw + 6, 1), y + bh / 2 + 4,
                               srm_internal.report_number(v_val), srm_internal.report_number(v_of),
                               srm_internal.report_percent(v_val, v_of));
        descr := descr || CASE WHEN i > 0 THEN '; ' ELSE '' END
                 || format('%s: %s gaps of %s', srm_internal.html_escape(e->>'label'),
                           srm_internal.report_number(v_val), srm_internal.report_number(v_of));
        i := i + 1;
    END LOOP;

    RETURN format('<svg id="%1$s" class="chart" width="960" height="%2$s" viewBox="0 0 960 %2$s" role="img" aria-labelledby="%1$s-t %1$s-d">'
                  '<title id="%1$s-t">%3$s</title><desc id="%1$s-d">%4$s</desc>%5$s</svg>',
                  chart_id, h, srm_internal.html_escape(caption),
                  'Customer gaps against the asset x control pairs where the customer takes part. '
                  || CASE WHEN descr = '' THEN 'No data.' ELSE descr || '.' END, body);
END
$$;
COMMENT ON FUNCTION srm_internal.report_bars_svg(text, text, jsonb) IS
    'an inline SVG of horizontal bars: customer gaps (value) drawn over the asset x control pairs where the customer takes part (of), with legend, axis and tooltips; rows is [{"label","hint","value","of"}]; used by srm.report_html';

-- rows, oldest first: [{"label": "#12", "sub": "2024-06-01", "v": [gaps, not-applicable, inherited, shared, customer-specific]}, ...]
CREATE FUNCTION srm_internal.report_trend_svg(chart_id text, caption text, rows jsonb)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    names   constant text[] := ARRAY['customer gaps', 'not applicable', 'inherited', 'shared', 'customer-specific'];
    fills   constant text[] := ARRAY['#D55E00', '#BBBBBB', '#0072B2', '#E69F00', '#CC79A7'];
    x0      constant integer := 90;    -- plot area
    x1      constant integer := 700;
    y0      constant integer := 34;
    y1      constant integer := 254;
    h       constant integer := 300;
    n       integer := jsonb_array_length(rows);
    v_max   numeric := 0;
    v_step  numeric;
    v_axis  numeric;
    v_every integer;
    xs      numeric[] := '{}';
    x       numeric;
    y       numeric;
    i       integer;
    k       integer;
    e       jsonb;
    t       numeric;
    v_path  text;
    v_dots  text;
    v_last  jsonb;
    body    text := '';
    descr   text := '';
BEGIN
    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        FOR k IN 1 .. 5 LOOP
            v_max := greatest(v_max, (e->'v'->>(k - 1))::numeric);
        END LOOP;
    END LOOP;
    v_step := srm_internal.report_axis_step(v_max, 5);
    v_axis := greatest(v_step, ceil(v_max / v_step) * v_step);
    v_every := greatest(1, ceil(n / 12.0)::integer);

    -- y grid
    t := 0;
    WHILE t <= v_axis LOOP
        y := round(y1 - t / v_axis * (y1 - y0), 1);
        body := body || format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d9e0e7"/><text x="%s" y="%s" text-anchor="end" fill="#5b6b7c">%s</text>',
                               x0, y, x1, y, x0 - 8, y + 4, srm_internal.report_number(t));
        t := t + v_step;
    END LOOP;
    body := body || format('<text x="%s" y="%s" fill="#5b6b7c">asset x control pairs</text>', x0 - 80, y0 - 16);

    -- x positions and labels
    i := 0;
    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        x := CASE WHEN n = 1 THEN (x0 + x1) / 2.0 ELSE x0 + 30 + i * (x1 - x0 - 60)::numeric / (n - 1) END;
        xs := xs || round(x, 1);
        IF i % v_every = 0 OR i = n - 1 THEN
            body := body || format('<text x="%s" y="%s" text-anchor="middle"%s>%s</text><text x="%s" y="%s" text-anchor="middle" fill="#5b6b7c" font-size="11">%s</text>',
                                   round(x, 1), y1 + 18, CASE WHEN i = n - 1 THEN ' font-weight="600"' ELSE '' END,
                                   srm_internal.html_escape(e->>'label'), round(x, 1), y1 + 32, srm_internal.html_escape(e->>'sub'));
        END IF;
        v_last := e;
        i := i + 1;
    END LOOP;

    -- series: classes first, gaps last so that they are drawn on top
    FOREACH k IN ARRAY ARRAY[2, 3, 4, 5, 1] LOOP
        v_path := '';
        v_dots := '';
        i := 0;
        FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
            y := round(y1 - (e->'v'->>(k - 1))::numeric / v_axis * (y1 - y0), 1);
            v_path := v_path || CASE WHEN i = 0 THEN 'M' ELSE ' L' END || xs[i + 1] || ' ' || y;
            v_dots := v_dots || format('<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="#ffffff" stroke-width="1.5"><title>run %s (%s): %s %s</title></circle>',
                                       xs[i + 1], y, CASE WHEN k = 1 THEN 5.5 ELSE 4.5 END, fills[k],
                                       srm_internal.html_escape(e->>'label'), srm_internal.html_escape(e->>'sub'),
                                       srm_internal.report_number((e->'v'->>(k - 1))::numeric), names[k]);
            i := i + 1;
        END LOOP;
        IF n > 1 THEN
            body := body || format('<path d="%s" fill="none" stroke="%s" stroke-width="%s"%s/>', v_path, fills[k],
                                   CASE WHEN k = 1 THEN 3 ELSE 2 END,
                                   CASE WHEN k = 1 THEN ' stroke-dasharray="7 4"' ELSE '' END);
        END IF;
        body := body || v_dots;
    END LOOP;

    IF n = 1 THEN
        body := body || format('<text x="%s" y="%s" text-anchor="middle" fill="#5b6b7c">Only one run of this framework and baseline so far: one point per series.</text>',
                               (x0 + x1) / 2, y0 - 16);
    ELSIF n = 0 THEN
        body := body || format('<text x="%s" y="%s" text-anchor="middle">No run.</text>', (x0 + x1) / 2, (y0 + y1) / 2);
    END IF;

    -- legend with the values of the last (this) run
    FOR k IN 1 .. 5 LOOP
        body := body || format('<line x1="730" y1="%s" x2="758" y2="%s" stroke="%s" stroke-width="%s"%s/><circle cx="744" cy="%s" r="4.5" fill="%s"/><text x="766" y="%s">%s%s</text>',
                               y0 + 6 + (k - 1) * 24, y0 + 6 + (k - 1) * 24, fills[k],
                               CASE WHEN k = 1 THEN 3 ELSE 2 END, CASE WHEN k = 1 THEN ' stroke-dasharray="7 4"' ELSE '' END,
                               y0 + 6 + (k - 1) * 24, fills[k], y0 + 10 + (k - 1) * 24, names[k],
                               CASE WHEN v_last IS NULL THEN ''
                                    ELSE ': ' || srm_internal.report_number((v_last->'v'->>(k - 1))::numeric) END);
        descr := descr || CASE WHEN k > 1 THEN '; ' ELSE '' END || names[k] || ' '
                 || coalesce((SELECT string_agg(srm_internal.report_number((value->'v'->>(k - 1))::numeric), ', ' ORDER BY ord)
                              FROM jsonb_array_elements(rows) WITH ORDINALITY AS a(value, ord)), 'none');
    END LOOP;
    body := body || format('<text x="730" y="%s" fill="#5b6b7c" font-size="11">values of this run</text>', y0 + 10 + 5 * 24);

    RETURN format('<svg id="%1$s" class="chart" width="960" height="%2$s" viewBox="0 0 960 %2$s" role="img" aria-labelledby="%1$s-t %1$s-d">'
                  '<title id="%1$s-t">%3$s</title><desc id="%1$s-d">%4$s</desc>%5$s</svg>',
                  chart_id, h, srm_internal.html_escape(caption),
                  format('%s run(s), oldest first: %s.', n, descr), body);
END
$$;
COMMENT ON FUNCTION srm_internal.report_trend_svg(text, text, jsonb) IS
    'an inline SVG line chart across audit runs (oldest first) of customer gaps and of the asset x control pairs of each class, with points, legend and tooltips (a single point per series for one run); rows is [{"label","sub","v":[gaps, 4 class counts]}]; used by srm.report_html';

-------------------------------------------------------------------------------
-- The report
-------------------------------------------------------------------------------

CREATE FUNCTION srm.report_html(run bigint)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    top_gaps     constant integer := 25;
    top_services constant integer := 15;
    max_unknown  constant integer := 50;
    r            record;
    fw           record;
    v_latest     bigint;
    v_ext        text;
    v_scope      text;
    v_accounts   text[];
    v_total      numeric;
    v_customer   numeric;
    v_gaps       numeric;
    v_fw         text;
    v_bl         text;
    v_runs       integer;
    v_n          bigint;
    v_m          numeric;
    v_rows       jsonb;
    v_more       integer;
    v_att        text[];
    v_sql        text;
    html         text;
    x            record;
BEGIN
    SELECT * INTO r FROM srm.bi_run b WHERE b.run_id = report_html.run;
    IF NOT FOUND THEN
        SELECT max(a.run_id) INTO v_latest FROM srm.audit_run a;
        RAISE EXCEPTION 'audit run % does not exist', report_html.run
            USING ERRCODE = 'no_data_found',
                  HINT = CASE WHEN v_latest IS NULL
                              THEN 'There is no audit run yet: srm.run_audit(framework, baseline) records one.'
                              ELSE format('The latest audit run is %s.', v_latest) END;
    END IF;
    SELECT * INTO fw FROM srm.framework f WHERE f.framework_id = r.framework_id;
    SELECT e.extversion INTO v_ext FROM pg_extension e WHERE e.extname = 'srm';

    v_total := r.not_applicable + r.inherited + r.shared + r.customer_specific;
    v_customer := r.shared + r.customer_specific;
    v_gaps := coalesce(r.gaps, 0);
    v_fw := srm_internal.html_escape(quote_literal(r.framework_id));
    v_bl := CASE WHEN r.baseline IS NULL THEN 'baseline IS NULL'
                 ELSE 'baseline = ' || srm_internal.html_escape(quote_literal(r.baseline)) END;

    SELECT array_agg(DISTINCT a.account_id ORDER BY a.account_id) INTO v_accounts
    FROM srm.audit_asset a WHERE a.run_id = r.run_id;
    v_scope := CASE WHEN r.accounts IS NULL THEN 'all accounts in the inventory' ELSE 'accounts named by the run' END
               || format(' (%s with assets', coalesce(cardinality(v_accounts), 0))
               || CASE WHEN cardinality(v_accounts) > 0
                       THEN ': ' || srm_internal.html_escape(array_to_string(v_accounts[1:8], ', '))
                            || CASE WHEN cardinality(v_accounts) > 8 THEN format(' and %s more', cardinality(v_accounts) - 8) ELSE '' END
                       ELSE '' END || ')';
    IF r.accounts IS NOT NULL THEN
        v_scope := v_scope || ': ' || srm_internal.html_escape(array_to_string(r.accounts, ', '));
    END IF;

    ---------------------------------------------------------------- head
    html := '<!DOCTYPE html>' || E'\n' || '<html lang="en">' || E'\n' || '<head>' || E'\n'
         || '<meta charset="utf-8">' || E'\n'
         || '<meta name="viewport" content="width=device-width, initial-scale=1">' || E'\n'
         || format('<title>Shared responsibility audit, run %s: %s%s</title>', r.run_id, srm_internal.html_escape(fw.name),
                   CASE WHEN r.baseline IS NULL THEN '' ELSE ', ' || srm_internal.html_escape(r.baseline) || ' baseline' END) || E'\n'
         || '<style>
:root { --ink: #1d2733; --muted: #5b6b7c; --line: #d9e0e7; --panel: #f5f7f9;
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
</style>' || E'\n' || '</head>' || E'\n' || '<body>' || E'\n' || '<main>' || E'\n';

    ---------------------------------------------------------------- header
    html := html || '<header>' || E'\n'
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
         || format('<div><dt>Assets</dt><dd id="assets">%s</dd></div>', coalesce(srm_internal.report_number(r.assets), 'not recorded'))
         || format('<div><dt>Unknown assets</dt><dd id="unknown-assets">%s</dd></div>', coalesce(srm_internal.report_number(r.unknown_assets), 'not recorded'))
         || format('<div><dt>Controls in scope</dt><dd>%s</dd></div>', coalesce(srm_internal.report_number(r.controls), 'not recorded'))
         || format('<div><dt>Requested by</dt><dd>%s</dd></div>', srm_internal.html_escape(r.requested_by))
         || CASE WHEN r.note IS NULL THEN ''
                 ELSE format('<div class="wide"><dt>Note</dt><dd>%s</dd></div>', srm_internal.html_escape(r.note)) END
         || '</dl>' || E'\n' || '</header>' || E'\n';

    ---------------------------------------------------------------- headline figures
    html := html || '<section aria-label="Headline figures">' || E'\n' || '<div class="cards">'
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
         || '</section>' || E'\n';

    ---------------------------------------------------------------- chart 1: accounts
    SELECT coalesce(jsonb_agg(jsonb_build_object('label', s.account_id, 'hint', 'account ' || s.account_id,
                                                 'v', jsonb_build_array(s.na, s.inh, s.sha, s.cus)) ORDER BY s.account_id), '[]')
    INTO v_rows
    FROM (SELECT m.account_id,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'not-applicable'), 0) AS na,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'inherited'), 0) AS inh,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'shared'), 0) AS sha,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'customer-specific'), 0) AS cus
          FROM srm.bi_responsibility_mix m WHERE m.run_id = r.run_id
          GROUP BY m.account_id) s;
    html := html || '<section>' || E'\n' || '<h2><span class="num">1</span>Who is responsible, per account</h2>' || E'\n'
         || '<p class="note">Asset &times; control pairs of each account, split by who is responsible for the control. Hover a bar for its numbers.</p>' || E'\n'
         || '<figure>' || srm_internal.report_stacked_svg('chart-accounts', 'Responsibility mix per account', v_rows)
         || format('<figcaption class="sql">SQL: <code>SELECT account_id, class, sum(asset_controls) FROM srm.bi_responsibility_mix WHERE run_id = %s GROUP BY account_id, class ORDER BY account_id, class</code></figcaption>', r.run_id)
         || '</figure>' || E'\n' || '</section>' || E'\n';

    ---------------------------------------------------------------- chart 2: services
    SELECT count(DISTINCT m.service_namespace) INTO v_n FROM srm.bi_responsibility_mix m WHERE m.run_id = r.run_id;
    SELECT coalesce(jsonb_agg(jsonb_build_object('label', s.service_namespace,
                                                 'hint', coalesce(sv.name || ' (' || s.service_namespace || ')', s.service_namespace),
                                                 'v', jsonb_build_array(s.na, s.inh, s.sha, s.cus))
                              ORDER BY s.na + s.inh + s.sha + s.cus DESC, s.service_namespace), '[]')
    INTO v_rows
    FROM (SELECT m.service_namespace,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'not-applicable'), 0) AS na,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'inherited'), 0) AS inh,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'shared'), 0) AS sha,
                 coalesce(sum(m.asset_controls) FILTER (WHERE m.class::text = 'customer-specific'), 0) AS cus
          FROM srm.bi_responsibility_mix m WHERE m.run_id = r.run_id
          GROUP BY m.service_namespace
          ORDER BY sum(m.asset_controls) DESC, m.service_namespace
          LIMIT top_services) s
    LEFT JOIN srm.service sv ON sv.provider = 'aws' AND sv.service_namespace = s.service_namespace;
    html := html || '<section>' || E'\n'
         || format('<h2><span class="num">2</span>Who is responsible, per service%s</h2>',
                   CASE WHEN v_n > top_services THEN format(' (top %s)', top_services) ELSE '' END) || E'\n'
         || format('<p class="note">The %s services with the most asset &times; control pairs%s. The split moves with the kind of service: infrastructure services leave more to the customer than abstracted ones.</p>',
                   least(v_n, top_services),
                   CASE WHEN v_n > top_services THEN format(', of %s services in this run', v_n) ELSE '' END) || E'\n'
         || '<figure>' || srm_internal.report_stacked_svg('chart-services', 'Responsibility mix per service', v_rows)
         || format('<figcaption class="sql">SQL: <code>SELECT service_namespace, class, sum(asset_controls) FROM srm.bi_responsibility_mix WHERE run_id = %s GROUP BY service_namespace, class</code> (services ranked by their total, first %s)</figcaption>', r.run_id, top_services)
         || '</figure>' || E'\n' || '</section>' || E'\n';

    ---------------------------------------------------------------- chart 3: gaps by family
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'label', CASE WHEN EXISTS (SELECT FROM srm.control c WHERE c.framework_id = g.framework_id AND c.control_id = g.family_id)
                             THEN g.family_title ELSE upper(g.family_id) || ' ' || g.family_title END,
               'hint', format('%s: %s controls with gaps', coalesce(g.family_title, g.family_id), coalesce(g.controls_with_gaps, 0)),
               'value', coalesce(g.gaps, 0), 'of', coalesce(g.customer_asset_controls, 0))
               ORDER BY coalesce(g.gaps, 0) DESC, coalesce(g.customer_asset_controls, 0) DESC, g.family_id), '[]')
    INTO v_rows
    FROM srm.bi_gaps_by_family g
    WHERE g.run_id = r.run_id AND coalesce(g.customer_asset_controls, 0) > 0;
    html := html || '<section>' || E'\n' || '<h2><span class="num">3</span>Customer gaps by control family</h2>' || E'\n'
         || '<p class="note">For each family, the asset &times; control pairs where the customer takes part (light bar) and, of those, the ones without implemented evidence (dark bar).</p>' || E'\n'
         || '<figure>' || srm_internal.report_bars_svg('chart-families', 'Customer gaps by control family', v_rows)
         || format('<figcaption class="sql">SQL: <code>SELECT family_id, family_title, gaps, customer_asset_controls FROM srm.bi_gaps_by_family WHERE run_id = %s AND customer_asset_controls &gt; 0 ORDER BY gaps DESC NULLS LAST</code></figcaption>', r.run_id)
         || '</figure>' || E'\n' || '</section>' || E'\n';

    ---------------------------------------------------------------- chart 4: trend
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
    html := html || '<section>' || E'\n' || '<h2><span class="num">4</span>Trend across runs</h2>' || E'\n'
         || format('<p class="note" id="trend-note">%s</p>',
                   CASE WHEN v_runs = 1
                        THEN format('This is the only run of %s%s so far: the chart shows a single point per series; the trend starts here.',
                                    srm_internal.html_escape(r.framework_id),
                                    CASE WHEN r.baseline IS NULL THEN '' ELSE ' ' || srm_internal.html_escape(r.baseline) END)
                        ELSE format('Customer gaps (dashed) and asset &times; control pairs of each class over the %s%s runs of %s%s up to and including this one.',
                                    CASE WHEN v_n > v_runs THEN 'last ' ELSE '' END, v_runs,
                                    srm_internal.html_escape(r.framework_id),
                                    CASE WHEN r.baseline IS NULL THEN '' ELSE ' ' || srm_internal.html_escape(r.baseline) END) END) || E'\n'
         || '<figure>' || srm_internal.report_trend_svg('chart-trend', 'Customer gaps and responsibility mix across runs', v_rows)
         || format('<figcaption class="sql">SQL: <code>SELECT run_id, started_at, gaps, not_applicable, inherited, shared, customer_specific FROM srm.bi_run WHERE framework_id = %s AND %s AND run_id &lt;= %s ORDER BY run_id DESC LIMIT 24</code></figcaption>',
                   v_fw, v_bl, r.run_id)
         || '</figure>' || E'\n' || '</section>' || E'\n';

    ---------------------------------------------------------------- table: top gaps
    SELECT count(*), coalesce(sum(g.assets), 0) INTO v_n, v_m FROM srm.bi_customer_gaps g WHERE g.run_id = r.run_id;
    html := html || '<section>' || E'\n' || '<h2><span class="num">5</span>Top open customer gaps</h2>' || E'\n'
         || format('<p class="note">%s</p>',
                   CASE WHEN v_n = 0 THEN 'No open customer gap: every control where the customer takes part has implemented evidence.'
                        ELSE format('The %s largest of %s open gaps (%s asset &times; control pairs), by number of assets. A gap is a control where the customer takes part and its part lacks implemented evidence; record evidence in <code>srm.control_status</code> to close it.',
                                    least(v_n, top_gaps), srm_internal.report_number(v_n), srm_internal.report_number(v_m)) END) || E'\n';
    IF v_n > 0 THEN
        html := html || '<table id="top-gaps">' || E'\n'
             || '<thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Account</th><th scope="col">Service (asset)</th>'
             || '<th scope="col" class="n">Assets</th><th scope="col">Customer part</th><th scope="col">Status</th></tr></thead>' || E'\n' || '<tbody>' || E'\n';
        FOR x IN SELECT g.label, g.title, g.account_id, g.service_namespace, g.asset, g.assets, g.customer_part::text AS customer_part, g.status
                 FROM srm.bi_customer_gaps g JOIN srm.control c USING (framework_id, control_id)
                 WHERE g.run_id = r.run_id
                 ORDER BY g.assets DESC, g.account_id, g.service_namespace, c.sort_id, g.asset NULLS FIRST
                 LIMIT top_gaps LOOP
            html := html || format('<tr><td class="id">%s</td><td>%s</td><td class="id">%s</td><td>%s%s</td><td class="n">%s</td><td>%s</td><td>%s</td></tr>',
                                   srm_internal.html_escape(x.label), srm_internal.html_escape(x.title),
                                   srm_internal.html_escape(x.account_id), srm_internal.html_escape(x.service_namespace),
                                   CASE WHEN x.asset IS NULL THEN ''
                                        ELSE '<br><span class="arn">' || srm_internal.html_escape(x.asset) || '</span>' END,
                                   srm_internal.report_number(x.assets), srm_internal.html_escape(x.customer_part),
                                   CASE WHEN x.status IS NULL THEN '<span class="tag open">no status</span>'
                                        ELSE '<span class="tag">' || srm_internal.html_escape(x.status) || '</span>' END) || E'\n';
        END LOOP;
        html := html || '</tbody></table>' || E'\n';
    END IF;
    html := html || format('<p class="sql">SQL: <code>SELECT g.label, g.title, g.account_id, g.service_namespace, g.asset, g.assets, g.customer_part, g.status FROM srm.bi_customer_gaps g JOIN srm.control c USING (framework_id, control_id) WHERE g.run_id = %s ORDER BY g.assets DESC, g.account_id, g.service_namespace, c.sort_id, g.asset NULLS FIRST LIMIT %s</code></p>', r.run_id, top_gaps) || E'\n'
         || '</section>' || E'\n';

    ---------------------------------------------------------------- table: inherited controls
    SELECT count(DISTINCT i.control_id), array_agg(DISTINCT i.attestations ORDER BY i.attestations) FILTER (WHERE i.attestations IS NOT NULL)
    INTO v_n, v_att
    FROM srm.bi_inherited_controls i WHERE i.run_id = r.run_id;
    SELECT count(DISTINCT f.service_namespace) INTO v_m FROM srm.audit_finding f WHERE f.run_id = r.run_id;
    html := html || '<section>' || E'\n' || '<h2><span class="num">6</span>Inherited controls and the attestations to cite</h2>' || E'\n';
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
        FOR x IN SELECT i.label, i.title, count(DISTINCT i.service_namespace) AS services, sum(i.asset_controls) AS pairs,
                        array_agg(DISTINCT i.service_namespace ORDER BY i.service_namespace) AS service_list, min(i.attestations) AS attestations
                 FROM srm.bi_inherited_controls i
                 LEFT JOIN srm.control c ON c.framework_id = i.framework_id AND c.control_id = i.control_id
                 WHERE i.run_id = r.run_id
                 GROUP BY i.framework_id, i.control_id, i.label, i.title, c.sort_id
                 ORDER BY c.sort_id, i.control_id LOOP
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
    html := html || format('<p class="sql">SQL: <code>SELECT label, title, count(DISTINCT service_namespace) AS services, sum(asset_controls), attestations FROM srm.bi_inherited_controls WHERE run_id = %s GROUP BY control_id, label, title, attestations</code></p>', r.run_id) || E'\n'
         || '</section>' || E'\n';

    ---------------------------------------------------------------- table: unknown assets
    SELECT count(*) INTO v_n FROM srm.bi_unknown_assets u WHERE u.run_id = r.run_id;
    IF v_n > 0 THEN
        html := html || '<section>' || E'\n' || '<h2><span class="num">7</span>Unknown assets</h2>' || E'\n'
             || format('<p class="note">%s asset(s) of a resource type srm cannot place: they are counted in the run but carry no control. Map their types (or add overrides) so that the next run covers them.%s</p>',
                       srm_internal.report_number(v_n),
                       CASE WHEN v_n > max_unknown THEN format(' The first %s are listed.', max_unknown) ELSE '' END) || E'\n'
             || '<table id="unknown-assets-table">' || E'\n'
             || '<thead><tr><th scope="col">Account</th><th scope="col">Region</th><th scope="col">Resource type</th><th scope="col">Resource id</th><th scope="col">ARN</th></tr></thead>' || E'\n' || '<tbody>' || E'\n';
        FOR x IN SELECT u.account_id, u.region, u.resource_type, u.resource_id, u.arn
                 FROM srm.bi_unknown_assets u WHERE u.run_id = r.run_id
                 ORDER BY u.account_id, u.resource_type, u.resource_id, u.asset_id
                 LIMIT max_unknown LOOP
            html := html || format('<tr><td class="id">%s</td><td>%s</td><td class="id">%s</td><td class="arn">%s</td><td class="arn">%s</td></tr>',
                                   srm_internal.html_escape(x.account_id), srm_internal.html_escape(x.region),
                                   srm_internal.html_escape(x.resource_type), srm_internal.html_escape(x.resource_id),
                                   coalesce(srm_internal.html_escape(x.arn), '<span class="note">no ARN</span>')) || E'\n';
        END LOOP;
        html := html || '</tbody></table>' || E'\n'
             || format('<p class="sql">SQL: <code>SELECT account_id, region, resource_type, resource_id, arn FROM srm.bi_unknown_assets WHERE run_id = %s ORDER BY account_id, resource_type, resource_id</code></p>', r.run_id) || E'\n'
             || '</section>' || E'\n';
    END IF;

    ---------------------------------------------------------------- footer
    html := html || '<footer>'
         || format('<p>Generated by srm %s from audit run %s as recorded in the database; the page changes only if the run''s rows do. Every figure comes from the <code>srm.bi_*</code> views, with the SQL under it. Times are UTC.</p>',
                   srm_internal.html_escape(coalesce(v_ext, '')), r.run_id)
         || format('<p>Control catalog: %s, %s, published by %s. Source: %s.</p>',
                   srm_internal.html_escape(fw.name), srm_internal.html_escape(fw.version),
                   srm_internal.html_escape(fw.publisher), srm_internal.html_escape(fw.source))
         || '<p>Responsibility model: the AWS Shared Responsibility Model (AWS is responsible for security <i>of</i> the cloud, the customer for security <i>in</i> the cloud) and AWS Security Best Practices (infrastructure, container and abstracted services).</p>'
         || '</footer>' || E'\n' || '</main>' || E'\n' || '</body>' || E'\n' || '</html>' || E'\n';
    RETURN html;
END
$$;
COMMENT ON FUNCTION srm.report_html(bigint) IS
    'the audit report of a run as one self-contained HTML page (inline CSS and SVG, no script and no network): header and scope, headline figures, charts of the responsibility mix per account and per service, customer gaps by control family and the trend across runs of the same framework and baseline, then the top open gaps, the inherited controls with the attestations to cite, and the unknown assets; each figure with the SQL over the srm.bi_* views that produces it. Deterministic for the same rows. An unknown run raises no_data_found (P0002).';
