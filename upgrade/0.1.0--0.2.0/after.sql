-- upgrade/0.1.0--0.2.0/after.sql: what 0.2.0 no longer has, dropped once
-- 0.2.0's functions and views (which no longer use them) are in place.
-- Never CASCADE: should a user's own object use one of these, the update
-- stops with an error naming it, and nothing is changed.

-- 0.1.0's helpers, now in srm_internal under the same names
DROP FUNCTION
    srm.closest_names(text,text),
    srm.control_key(text),
    srm.control_status_check(),
    srm.derived_responsibilities(text,text[],text,text[]),
    srm.derived_responsibility(text,text,text,text),
    srm.html_escape(text),
    srm.identifier_form(text),
    srm.identifier_key(text),
    srm.is_gap(srm.responsibility,text),
    srm.name_distance(text,text),
    srm.organizational_parties(),
    srm.oscal_count(bigint,text),
    srm.oscal_implementation_status(jsonb),
    srm.override_check(),
    srm.override_for(text,text,text,text,text,text,text),
    srm.plural(text),
    srm.raise_unknown_asset(text,text,text,text),
    srm.raise_unknown_control(text),
    srm.report_axis_step(numeric,integer),
    srm.report_bars_svg(text,text,jsonb),
    srm.report_number(numeric),
    srm.report_percent(numeric,numeric),
    srm.report_stacked_svg(text,text,jsonb),
    srm.report_trend_svg(text,text,jsonb),
    srm.service_named(text),
    srm.snake_case(text),
    srm.status_for(text,text,text,text,text,text),
    srm.uuid5ish(text,text);
DROP VIEW srm.service_layer_effective;
