-- install/code/report_charts.sql (code part): the helpers and the charts of
-- srm.report_html (install/code/report.sql), all in srm_internal.
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

-- Stacked horizontal bars, one per row, of segments given by the caller:
-- rows: [{"label": text, "hint": text, "v": [one count per segment]}, ...];
-- names, fills, inks (the colour of a count or share written on its
-- segment) and outlines (a segment's outline colour, null for none; '{}'
-- for a chart without outlines) one per segment; legend_pitch the
-- distance between the legend's entries; summary opens the <desc>;
-- no_data is written when there is no row; unit follows a row's total in
-- the <desc>; shares: each segment shows its share of the row (else its
-- count).
CREATE FUNCTION srm_internal.report_segments_svg(chart_id text, caption text, rows jsonb,
    names text[], fills text[], inks text[], outlines text[], legend_pitch integer,
    summary text, no_data text, unit text, shares boolean)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    lx      constant integer := 200;   -- left edge of the bars
    bw      constant integer := 640;   -- width of the longest bar
    top_y   constant integer := 40;    -- first bar row
    rh      constant integer := 30;    -- row pitch
    bh      constant integer := 20;    -- bar height
    segs    integer := cardinality(names);
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
    v_mark  text;
    body    text := '';
    descr   text := '';
BEGIN
    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        v_tot := 0;
        FOR k IN 1 .. segs LOOP
            v_tot := v_tot + (e->'v'->>(k - 1))::numeric;
        END LOOP;
        v_max := greatest(v_max, v_tot);
    END LOOP;
    v_step := srm_internal.report_axis_step(v_max, 5);
    v_axis := greatest(v_step, ceil(v_max / v_step) * v_step);
    h := top_y + greatest(n, 1) * rh + 30;

    -- legend: in a chart with outlines every swatch has a stroke, of width
    -- 0 where its segment has no outline
    FOR k IN 1 .. segs LOOP
        body := body || format('<rect x="%s" y="6" width="14" height="14" rx="2" fill="%s"%s/><text x="%s" y="18">%s</text>',
                               lx + (k - 1) * legend_pitch, fills[k],
                               CASE WHEN cardinality(outlines) > 0
                                    THEN format(' stroke="%s" stroke-width="%s"',
                                                coalesce(outlines[k], (SELECT o FROM unnest(outlines) o WHERE o IS NOT NULL LIMIT 1)),
                                                CASE WHEN outlines[k] IS NOT NULL THEN '0.8' ELSE '0' END)
                                    ELSE '' END,
                               lx + (k - 1) * legend_pitch + 20, names[k]);
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
        body := body || format('<text x="%s" y="%s">%s</text>', lx + 10, top_y + 15, no_data);
    END IF;

    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        y := top_y + i * rh;
        v_tot := 0;
        FOR k IN 1 .. segs LOOP
            v_tot := v_tot + (e->'v'->>(k - 1))::numeric;
        END LOOP;
        v_label := e->>'label';
        -- an Azure subscription id is named by its first group, as the
        -- portal's short form (the whole id is the label's title)
        IF v_label ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
            v_label := left(v_label, 8) || '…';
        ELSIF length(v_label) > 28 THEN
            v_label := left(v_label, 27) || '…';
        END IF;
        body := body || format('<text x="%s" y="%s" text-anchor="end">%s<title>%s</title></text>',
                               lx - 10, y + bh / 2 + 4, srm_internal.html_escape(v_label),
                               srm_internal.html_escape(coalesce(e->>'hint', e->>'label')));
        x := lx;
        descr := descr || CASE WHEN i > 0 THEN '; ' ELSE '' END
                 || srm_internal.html_escape(e->>'label') || ': ' || srm_internal.report_number(v_tot) || unit;
        FOR k IN 1 .. segs LOOP
            v_val := (e->'v'->>(k - 1))::numeric;
            CONTINUE WHEN v_val = 0;
            w := v_val / v_axis * bw;
            v_mark := CASE WHEN shares THEN srm_internal.report_percent(v_val, v_tot) ELSE srm_internal.report_number(v_val) END;
            body := body || format('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"%s><title>%s: %s %s (%s)</title></rect>',
                                   round(x, 1), y, round(greatest(w, 0.5), 1), bh, fills[k],
                                   CASE WHEN outlines[k] IS NOT NULL THEN format(' stroke="%s" stroke-width="0.8"', outlines[k]) ELSE '' END,
                                   srm_internal.html_escape(e->>'label'), srm_internal.report_number(v_val), names[k],
                                   srm_internal.report_percent(v_val, v_tot));
            IF w >= 46 THEN
                body := body || format('<text x="%s" y="%s" text-anchor="middle" fill="%s" font-size="11">%s</text>',
                                       round(x + w / 2, 1), y + bh / 2 + 4, inks[k], v_mark);
            END IF;
            descr := descr || CASE WHEN shares THEN format(', %s %s', names[k], v_mark) ELSE format(', %s %s', v_mark, names[k]) END;
            x := x + w;
        END LOOP;
        body := body || format('<text x="%s" y="%s" fill="#1d2733" font-weight="600">%s</text>',
                               round(x + 6, 1), y + bh / 2 + 4, srm_internal.report_number(v_tot));
        i := i + 1;
    END LOOP;

    RETURN format('<svg id="%1$s" class="chart" width="960" height="%2$s" viewBox="0 0 960 %2$s" role="img" aria-labelledby="%1$s-t %1$s-d">'
                  '<title id="%1$s-t">%3$s</title><desc id="%1$s-d">%4$s</desc>%5$s</svg>',
                  chart_id, h, srm_internal.html_escape(caption),
                  summary || ' ' || CASE WHEN descr = '' THEN 'No data.' ELSE descr || '.' END, body);
END
$$;
COMMENT ON FUNCTION srm_internal.report_segments_svg(text, text, jsonb, text[], text[], text[], text[], integer, text, text, text, boolean) IS
    'an inline SVG of stacked horizontal bars, one per row, split into the segments the caller names (names, fills, inks, outlines), with legend, axis, counts or shares on the segments and tooltips; rows is [{"label","hint","v":[one count per segment]}]; used by the class-mix and check-result charts of srm.report_html';

-- rows: [{"label": text, "hint": text, "v": [not-applicable, inherited, shared, customer-specific]}, ...]
CREATE FUNCTION srm_internal.report_stacked_svg(chart_id text, caption text, rows jsonb)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN srm_internal.report_segments_svg(chart_id, caption, rows,
           ARRAY['not applicable', 'inherited', 'shared', 'customer-specific'],
           ARRAY['#BBBBBB', '#0072B2', '#E69F00', '#CC79A7'],
           ARRAY['#1d2733', '#ffffff', '#1d2733', '#1d2733'],
           '{}', 150, 'Asset x control pairs by class.', 'No asset x control pairs in this run.', '', true);
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

-- rows: [{"label": text, "hint": text, "v": [failing, passing but unattested, unchecked]}, ...]
CREATE FUNCTION srm_internal.report_checks_svg(chart_id text, caption text, rows jsonb)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN srm_internal.report_segments_svg(chart_id, caption, rows,
           ARRAY['check failed', 'checks passed, unattested', 'unchecked'],
           ARRAY['#D55E00', '#009E73', '#F3E3D6'],
           ARRAY['#ffffff', '#ffffff', '#1d2733'],
           ARRAY[NULL, NULL, '#D55E00'], 200, 'Customer gaps by check result.', 'No customer gap in this run.', ' gaps', false);
COMMENT ON FUNCTION srm_internal.report_checks_svg(text, text, jsonb) IS
    'an inline SVG of stacked horizontal bars, one per row, of customer gaps split by the scanners'' checks (failed, passed but unattested, unchecked), with legend, axis and tooltips; rows is [{"label","hint","v":[3 counts]}]; used by srm.report_html';

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

-- rows, in bin order: [{"label": "0-10%", "hint": text, "value": accounts}, ...]
CREATE FUNCTION srm_internal.report_histogram_svg(chart_id text, caption text, rows jsonb)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    x0      constant integer := 90;    -- plot area
    x1      constant integer := 900;
    y0      constant integer := 30;
    y1      constant integer := 210;
    h       constant integer := 260;
    n       integer := jsonb_array_length(rows);
    pitch   numeric;
    v_max   numeric := 0;
    v_step  numeric;
    v_axis  numeric;
    v_val   numeric;
    x       numeric;
    y       numeric;
    i       integer := 0;
    e       jsonb;
    t       numeric;
    body    text := '';
    descr   text := '';
BEGIN
    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        v_max := greatest(v_max, (e->>'value')::numeric);
    END LOOP;
    v_step := srm_internal.report_axis_step(v_max, 4);
    v_axis := greatest(v_step, ceil(v_max / v_step) * v_step);
    pitch := (x1 - x0)::numeric / greatest(n, 1);

    t := 0;
    WHILE t <= v_axis LOOP
        y := round(y1 - t / v_axis * (y1 - y0), 1);
        body := body || format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d9e0e7"/><text x="%s" y="%s" text-anchor="end" fill="#5b6b7c">%s</text>',
                               x0, y, x1, y, x0 - 8, y + 4, srm_internal.report_number(t));
        t := t + v_step;
    END LOOP;
    body := body || format('<text x="%s" y="%s" fill="#5b6b7c">accounts</text>', x0 - 80, y0 - 14);

    FOR e IN SELECT value FROM jsonb_array_elements(rows) LOOP
        v_val := (e->>'value')::numeric;
        x := x0 + i * pitch;
        y := round(y1 - v_val / v_axis * (y1 - y0), 1);
        IF v_val > 0 THEN
            body := body || format('<rect x="%s" y="%s" width="%s" height="%s" fill="#D55E00"><title>%s</title></rect>',
                                   round(x + pitch * 0.12, 1), y, round(pitch * 0.76, 1), round(y1 - y, 1),
                                   srm_internal.html_escape(coalesce(e->>'hint', e->>'label')));
        END IF;
        body := body || format('<text x="%s" y="%s" text-anchor="middle" font-weight="600">%s</text>',
                               round(x + pitch / 2, 1), round(y - 5, 1), srm_internal.report_number(v_val))
                     || format('<text x="%s" y="%s" text-anchor="middle">%s</text>',
                               round(x + pitch / 2, 1), y1 + 18, srm_internal.html_escape(e->>'label'));
        descr := descr || CASE WHEN i > 0 THEN '; ' ELSE '' END
                 || srm_internal.html_escape(e->>'label') || ': ' || srm_internal.report_number(v_val);
        i := i + 1;
    END LOOP;
    body := body || format('<text x="%s" y="%s" text-anchor="middle" fill="#5b6b7c">share of the account''s asset x control pairs where the customer takes part that are customer gaps</text>',
                           (x0 + x1) / 2, y1 + 40);

    RETURN format('<svg id="%1$s" class="chart" width="960" height="%2$s" viewBox="0 0 960 %2$s" role="img" aria-labelledby="%1$s-t %1$s-d">'
                  '<title id="%1$s-t">%3$s</title><desc id="%1$s-d">%4$s</desc>%5$s</svg>',
                  chart_id, h, srm_internal.html_escape(caption),
                  'Accounts per bin of their customer gap share. ' || CASE WHEN descr = '' THEN 'No data.' ELSE descr || '.' END, body);
END
$$;
COMMENT ON FUNCTION srm_internal.report_histogram_svg(text, text, jsonb) IS
    'an inline SVG histogram (vertical bars, one per bin, with the count over each bar, an axis and tooltips); rows is [{"label","hint","value"}] in bin order; used by srm.report_html for the distribution of customer gap shares across accounts';
