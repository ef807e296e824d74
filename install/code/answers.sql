-- install/code/answers.sql (code part): the answers for one asset and one
-- control (service_of, resource_type_of, explain, responsibility_of,
-- classify) and in bulk (responsibilities), with their errors.

-------------------------------------------------------------------------------
-- Answers for one asset and one control
-------------------------------------------------------------------------------

-- the error for an asset srm cannot place
CREATE FUNCTION srm_internal.raise_unknown_asset(asset text, form text, what text, service_namespace text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    near text;
BEGIN
    IF service_namespace IS NOT NULL THEN
        -- the service is known, the type is not: name the service's types
        SELECT string_agg(t.resource_type, ', ' ORDER BY t.resource_type) INTO near
        FROM (SELECT rt.resource_type FROM srm.resource_type rt
              WHERE rt.service_namespace = raise_unknown_asset.service_namespace
              ORDER BY srm_internal.name_distance(rt.resource_type, asset), rt.resource_type LIMIT 3) t;
    ELSE
        near := srm_internal.closest_names(
            CASE WHEN form = 'arn' THEN split_part(coalesce(asset, ''), ':', 3) ELSE coalesce(asset, '') END,
            coalesce(form, 'unrecognized'));
    END IF;
    RAISE EXCEPTION 'unknown asset "%": no % is known for it', asset, what
        USING ERRCODE = 'undefined_object',
              DETAIL = format('It was read as %s%s.', CASE form
                    WHEN 'arn' THEN 'an ARN'
                    WHEN 'cloudformation' THEN 'a CloudFormation or AWS Config resource type'
                    WHEN 'security-hub' THEN 'a Security Hub resource type'
                    WHEN 'inventory-table' THEN 'a Steampipe or CloudQuery table name'
                    WHEN 'resource-explorer' THEN 'a Resource Explorer resource type'
                    WHEN 'service' THEN 'a service namespace'
                    ELSE 'none of the forms srm knows (ARN, AWS::Service::Type, AwsServiceType, aws_service_table, service:type, service namespace)' END,
                    CASE WHEN service_namespace IS NOT NULL THEN format(' of service %s', service_namespace) ELSE '' END),
              HINT = CASE WHEN near IS NULL THEN 'See srm.identifier for the names srm knows.'
                          WHEN service_namespace IS NOT NULL THEN format('Known types of %s include %s.', service_namespace, near)
                          ELSE format('Closest known names: %s.', near) END;
END
$$;
COMMENT ON FUNCTION srm_internal.raise_unknown_asset(text, text, text, text) IS 'raises the error for an asset srm cannot place';

CREATE FUNCTION srm.service_of(asset text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning the inlined resolver each time costs more than running it
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    r record;
BEGIN
    SELECT * INTO r FROM srm.resolve_asset(asset);
    IF r.service_namespace IS NULL THEN
        PERFORM srm_internal.raise_unknown_asset(asset, r.form, 'service');
    END IF;
    RETURN r.service_namespace;
END
$$;
COMMENT ON FUNCTION srm.service_of(text) IS
    'the service namespace of an asset given in any form (ARN, AWS::EC2::Instance, AwsEc2Instance, ec2:instance, aws_ec2_instance, aws_ec2_instances, ec2); an error if unknown';

CREATE FUNCTION srm.resource_type_of(asset text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning the inlined resolver each time costs more than running it
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    r record;
BEGIN
    SELECT * INTO r FROM srm.resolve_asset(asset);
    IF r.resource_type IS NULL THEN
        IF r.form = 'service' AND r.service_namespace IS NOT NULL THEN
            RAISE EXCEPTION 'asset "%" names a service, not a resource type', asset
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('It was read as the service namespace %s.', r.service_namespace),
                      HINT = 'Give an ARN or a resource type such as AWS::EC2::Instance.';
        END IF;
        PERFORM srm_internal.raise_unknown_asset(asset, r.form, 'resource type', r.service_namespace);
    END IF;
    RETURN r.resource_type;
END
$$;
COMMENT ON FUNCTION srm.resource_type_of(text) IS
    'the AWS resource type (AWS::Service::Resource) of an asset given in any form; an error if unknown';

-- the error for a control srm does not know
CREATE FUNCTION srm_internal.raise_unknown_control(control text)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    near text := srm_internal.closest_names(srm_internal.control_key(coalesce(control, '')), 'control');
BEGIN
    RAISE EXCEPTION 'unknown control "%"', control
        USING ERRCODE = 'undefined_object',
              DETAIL = format('It was read as the control id "%s".', srm_internal.control_key(coalesce(control, ''))),
              HINT = CASE WHEN near IS NULL THEN 'See srm.control for the controls srm knows.'
                          ELSE format('Closest known controls: %s.', near) END;
END
$$;
COMMENT ON FUNCTION srm_internal.raise_unknown_control(text) IS 'raises the error for a control srm does not know';

CREATE FUNCTION srm_internal.raise_unknown_framework(framework text)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'unknown framework "%"', framework
        USING ERRCODE = 'undefined_object',
              HINT = format('Known frameworks: %s.', (SELECT string_agg(f.framework_id, ', ' ORDER BY f.framework_id) FROM srm.framework f));
END
$$;
COMMENT ON FUNCTION srm_internal.raise_unknown_framework(text) IS 'raises the error for a framework srm does not know, naming the known ones';

-- the explanation of an answer, step by step
CREATE FUNCTION srm.explain(asset text, control text)
RETURNS TABLE (step integer, kind text, layer_id text, responsibility srm.responsibility,
               origin text, detail text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning the inlined resolver each time costs more than running it
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
    a record;
    c record;
    o record;
    derived srm.responsibility := 'not applicable';
    n integer := 0;
    l record;
BEGIN
    SELECT * INTO a FROM srm.resolve_asset(asset);
    IF a.service_namespace IS NULL THEN
        PERFORM srm_internal.raise_unknown_asset(asset, a.form, 'service');
    END IF;
    SELECT * INTO c FROM srm.resolve_control(control);
    IF c.control_id IS NULL THEN
        PERFORM srm_internal.raise_unknown_control(control);
    END IF;

    n := n + 1;
    RETURN QUERY SELECT n, 'asset', NULL::text, NULL::srm.responsibility, a.form,
        format('%s read as %s: service %s%s%s%s', asset, a.form, a.service_namespace,
               coalesce(', type ' || a.resource_type, ''), coalesce(', account ' || nullif(a.account_id, ''), ''),
               coalesce(', region ' || nullif(a.region, ''), ''));
    n := n + 1;
    RETURN QUERY SELECT n, 'control', NULL::text, NULL::srm.responsibility, c.framework_id,
        format('%s read as %s %s (%s)%s', control, c.framework_id, c.label, c.status,
               CASE WHEN c.organizational THEN ', organizational' ELSE '' END);

    IF c.status = 'withdrawn' THEN
        n := n + 1;
        RETURN QUERY SELECT n, 'withdrawn', NULL::text, 'not applicable'::srm.responsibility,
            'srm.control', 'a withdrawn control applies to nothing';
    END IF;
    FOR l IN
        SELECT e.layer_id, e.responsibility, e.origin, e.origin_key, e.source, e.reason, cl.basis
        FROM srm.control_layer cl
        JOIN srm_internal.service_layer_effective e ON e.layer_id = cl.layer_id
        JOIN srm.layer ly ON ly.layer_id = cl.layer_id
        WHERE cl.framework_id = c.framework_id AND cl.control_id = c.control_id
          AND e.provider = a.provider AND e.service_namespace = a.service_namespace
          AND c.status = 'active'
        ORDER BY ly.ordinal
    LOOP
        n := n + 1;
        derived := derived OPERATOR(srm.|) l.responsibility;
        RETURN QUERY SELECT n, 'layer', l.layer_id, l.responsibility,
            l.origin || ' ' || l.origin_key,
            format('the control acts on this layer (%s mapping); source: %s%s', l.basis, l.source,
                   coalesce('; ' || l.reason, ''));
    END LOOP;
    IF c.organizational AND c.status = 'active' THEN
        n := n + 1;
        derived := srm_internal.organizational_responsibility(derived);
        RETURN QUERY SELECT n, 'organizational', NULL::text, srm_internal.organizational_parties(),
            'srm.control', 'each party does this control in its own context (its own staff, policies): '
                           || 'these parties, plus a partner of the layers above; the layers'' qualifiers do not apply';
    END IF;
    n := n + 1;
    RETURN QUERY SELECT n, 'derived', NULL::text, derived,
        CASE WHEN c.organizational AND c.status = 'active' THEN 'organizational parties and the layers'' partner'
             ELSE 'union of the rows above' END, NULL::text;

    SELECT * INTO o FROM srm_internal.override_for(a.provider, a.service_namespace, a.account_id,
        CASE WHEN a.form = 'arn' THEN a.asset END, c.framework_id, c.control_id, c.family_id);
    IF o.override_id IS NOT NULL THEN
        n := n + 1;
        RETURN QUERY SELECT n, 'override', NULL::text, o.responsibility, 'srm.override #' || o.override_id,
            format('%s (scope: %s; by %s at %s)', o.reason,
                   concat_ws(', ', 'provider ' || o.provider, 'service ' || o.service_namespace,
                             'account ' || o.account_id, 'asset ' || o.asset,
                             'control ' || o.control_id, 'family ' || o.family_id),
                   o.created_by, o.created_at);
        derived := o.responsibility;
    END IF;
    n := n + 1;
    RETURN QUERY SELECT n, 'result', NULL::text, derived, srm.aws_class(derived)::text,
        'customer part: ' || (derived OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility)::text;
END
$$;
COMMENT ON FUNCTION srm.explain(text, text) IS
    'why an asset has its responsibility for a control: how both were read, the layers and the rows they came from, organizational parties, the override, the result';

CREATE FUNCTION srm.responsibility_of(asset text, control text)
RETURNS srm.responsibility
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning the inlined resolver each time costs more than running it
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    a record;
    c record;
    r srm.responsibility;
BEGIN
    SELECT * INTO a FROM srm.resolve_asset(asset);
    IF a.service_namespace IS NULL THEN
        PERFORM srm_internal.raise_unknown_asset(asset, a.form, 'service');
    END IF;
    SELECT * INTO c FROM srm.resolve_control(control);
    IF c.control_id IS NULL THEN
        PERFORM srm_internal.raise_unknown_control(control);
    END IF;
    SELECT o.responsibility INTO r
    FROM srm_internal.override_for(a.provider, a.service_namespace, a.account_id,
        CASE WHEN a.form = 'arn' THEN a.asset END, c.framework_id, c.control_id, c.family_id) o;
    IF r IS NULL THEN
        r := srm_internal.derived_responsibility(c.framework_id, c.control_id, a.provider, a.service_namespace);
    END IF;
    RETURN r;
END
$$;
COMMENT ON FUNCTION srm.responsibility_of(text, text) IS
    'who is responsible for a control on an asset (any identifier form; control ids as SI-2, ac-2.1, AC-2(1), patch-management); overrides applied; an error for an unknown asset or control';

CREATE FUNCTION srm.classify(asset text, control text)
RETURNS srm.control_class
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN srm.aws_class(srm.responsibility_of(asset, control));
COMMENT ON FUNCTION srm.classify(text, text) IS
    'the AWS class (inherited, shared, customer-specific, not-applicable) of a control on an asset';

-- Bulk: every asset x control asked, unknowns flagged rather than dropped.
CREATE FUNCTION srm.responsibilities(assets text[], controls text[])
RETURNS TABLE (asset text, control text, service_namespace text, resource_type text,
               framework_id text, control_id text, responsibility srm.responsibility,
               class srm.control_class, customer_part srm.responsibility, override_id bigint,
               known_asset boolean, known_control boolean)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT av.a, cv.c, ra.service_namespace, ra.resource_type, rc.framework_id, rc.control_id,
       coalesce(o.responsibility, cs.responsibility),
       srm.aws_class(coalesce(o.responsibility, cs.responsibility)),
       coalesce(o.responsibility, cs.responsibility) OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility,
       o.override_id,
       ra.service_namespace IS NOT NULL, rc.control_id IS NOT NULL
FROM pg_catalog.unnest(responsibilities.assets) WITH ORDINALITY AS av(a, an)
CROSS JOIN pg_catalog.unnest(responsibilities.controls) WITH ORDINALITY AS cv(c, cn)
CROSS JOIN LATERAL srm.resolve_asset(av.a) AS ra
CROSS JOIN LATERAL srm.resolve_control(cv.c) AS rc
LEFT JOIN srm.control_service cs
       ON cs.framework_id = rc.framework_id AND cs.control_id = rc.control_id
      AND cs.provider = ra.provider AND cs.service_namespace = ra.service_namespace
LEFT JOIN LATERAL srm_internal.override_for(ra.provider, ra.service_namespace, ra.account_id,
                                   CASE WHEN ra.form = 'arn' THEN ra.asset END,
                                   rc.framework_id, rc.control_id, rc.family_id) AS o ON true
ORDER BY av.an, cv.cn;
END;
COMMENT ON FUNCTION srm.responsibilities(text[], text[]) IS
    'bulk answers: every asset x control, with known_asset / known_control false (and nulls) for what srm cannot place, never dropped';

-------------------------------------------------------------------------------
