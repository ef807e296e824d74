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
    IF form = 'arm-id' AND srm_internal.arm_type(asset) IS NULL THEN
        RAISE EXCEPTION 'malformed Azure Resource Manager resource id "%"', asset
            USING ERRCODE = 'invalid_text_representation',
                  DETAIL = 'A resource id is /subscriptions/{subscription}, then /resourceGroups/{group}, then /providers/{namespace}/{type}/{name}, with /{child type}/{child name} pairs for a nested resource.',
                  HINT = 'For example /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1.';
    END IF;
    IF form = 'gcp-resource-name'
       AND coalesce(asset, '') !~ '^\s*//[a-z0-9-]+(\.[a-z0-9-]+)*\.googleapis\.com/[^/]+(/[^/]+)*\s*$' THEN
        RAISE EXCEPTION 'malformed Google Cloud full resource name "%"', asset
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'A full resource name is //, an API service name ending in .googleapis.com, then the resource''s path: non-empty parts separated by single slashes.',
                  HINT = 'For example //compute.googleapis.com/projects/my-project/zones/us-central1-a/instances/vm-1 or //storage.googleapis.com/my-bucket.';
    END IF;
    IF service_namespace IS NOT NULL THEN
        -- the service is known, the type is not: name the service's types
        SELECT string_agg(t.resource_type, ', ' ORDER BY t.resource_type) INTO near
        FROM (SELECT rt.resource_type FROM srm.resource_type rt
              WHERE rt.service_namespace = raise_unknown_asset.service_namespace
              ORDER BY srm_internal.name_distance(rt.resource_type,
                                                  CASE WHEN form = 'arm-id' THEN srm_internal.arm_type(asset) ELSE asset END),
                       rt.resource_type LIMIT 3) t;
    ELSE
        near := srm_internal.closest_names(
            CASE WHEN form = 'arn' THEN split_part(coalesce(asset, ''), ':', 3)
                 WHEN form = 'arm-id' THEN srm_internal.arm_type(asset)
                 WHEN form = 'gcp-resource-name' THEN substring(coalesce(asset, ''), '^\s*//([^/]+)')
                 ELSE coalesce(asset, '') END,
            coalesce(form, 'unrecognized'));
    END IF;
    RAISE EXCEPTION 'unknown asset "%": no % is known for it', asset, what
        USING ERRCODE = 'undefined_object',
              DETAIL = format('It was read as %s%s.', CASE form
                    WHEN 'arn' THEN 'an ARN'
                    WHEN 'arm-id' THEN format('an Azure Resource Manager resource id of type %s', srm_internal.arm_type(asset))
                    WHEN 'arm-type' THEN 'an Azure Resource Manager or Resource Graph type'
                    WHEN 'gcp-resource-name' THEN 'a Google Cloud full resource name'
                    WHEN 'gcp-asset-type' THEN 'a Cloud Asset Inventory asset type'
                    WHEN 'cloudformation' THEN 'a CloudFormation or AWS Config resource type'
                    WHEN 'security-hub' THEN 'a Security Hub resource type'
                    WHEN 'inventory-table' THEN 'a Steampipe or CloudQuery table name'
                    WHEN 'resource-explorer' THEN 'a Resource Explorer resource type'
                    WHEN 'service' THEN 'a service namespace'
                    WHEN 'account' THEN 'an AWS account id'
                    ELSE 'none of the forms srm knows (ARN, AWS::Service::Type, AwsServiceType, aws_service_table, service:type, service namespace, ARM resource id, Microsoft.Provider/type, //service.googleapis.com/path, service.googleapis.com/Type)' END,
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
                      HINT = CASE WHEN r.provider = 'azure'
                                  THEN 'Give an ARM resource id or a type such as Microsoft.Compute/virtualMachines.'
                                  ELSE 'Give an ARN or a resource type such as AWS::EC2::Instance.' END;
        END IF;
        PERFORM srm_internal.raise_unknown_asset(asset, r.form, 'resource type', r.service_namespace);
    END IF;
    RETURN r.resource_type;
END
$$;
COMMENT ON FUNCTION srm.resource_type_of(text) IS
    'the resource type (AWS::Service::Resource, or an Azure type such as Microsoft.Compute/virtualMachines) of an asset given in any form; an error if unknown';

-- the error for a control srm does not know
CREATE FUNCTION srm_internal.raise_unknown_control(control text)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    near text := srm_internal.closest_controls(control, NULL);
    fw text := substring(srm_internal.control_key(coalesce(control, '')), '^([a-z0-9-]+):');
BEGIN
    RAISE EXCEPTION 'unknown control "%"', control
        USING ERRCODE = 'undefined_object',
              DETAIL = format('It was read as the control id "%s".', srm_internal.control_key(coalesce(control, ''))),
              HINT = CASE WHEN fw IS NOT NULL AND NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = fw)
                          THEN format('srm knows no framework "%s"; its frameworks: %s.', fw,
                                      (SELECT string_agg(f.framework_id, ', ' ORDER BY f.framework_id) FROM srm.framework f))
                          WHEN near IS NULL THEN 'See srm.control for the controls srm knows.'
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

-- an asset as srm answers for it: how the identifier was read, the asset
-- of srm.asset it names (by ARN, by ARM id in any case, or by resource id when it is nothing
-- else srm knows), its resource type and variant, and the grain of the
-- stored derivation that answers for it
CREATE FUNCTION srm_internal.locate(identifier text)
RETURNS TABLE (asset text, form text, provider text, service_namespace text, resource_type text,
               account_id text, arn text, asset_id bigint, variant text, variants jsonb, grain_id integer)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
-- always one row (the planner assumes 1,000 for a function)
ROWS 1
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning the inlined resolver each time costs more than running it
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
    r record;
    a srm.asset;
    rt record;
    types text;
    ident text := pg_catalog.btrim(locate.identifier);
BEGIN
    -- the ARN of a loaded asset names that asset, whatever srm would read in
    -- the ARN itself: looked up first, without parsing it
    IF ident ~ '^arn:' THEN
        SELECT * INTO a FROM srm.asset x WHERE x.arn = ident
        ORDER BY x.captured_at DESC NULLS LAST, x.asset_id DESC LIMIT 1;
    ELSIF ident ~* '^/subscriptions/' THEN
        -- an ARM resource id, in any case: a loaded Azure asset's key is
        -- its id in lower case without a trailing slash
        SELECT * INTO a FROM srm.asset x
        WHERE x.resource_id = lower(rtrim(ident, '/')) AND x.provider = 'azure'
        ORDER BY x.captured_at DESC NULLS LAST, x.asset_id DESC LIMIT 1;
    ELSIF ident ~ '^//' THEN
        -- the full resource name of a loaded Google Cloud asset (its
        -- resource id, as srm.load_asset_inventory loads it)
        SELECT * INTO a FROM srm.asset x WHERE x.resource_id = ident AND x.provider = 'gcp'
        ORDER BY x.captured_at DESC NULLS LAST, x.asset_id DESC LIMIT 1;
    END IF;
    IF a.asset_id IS NULL THEN
        SELECT * INTO r FROM srm.resolve_asset(locate.identifier);
        IF r.form <> 'arn' AND r.service_namespace IS NULL THEN
            -- not a name srm knows: perhaps the resource id of a loaded asset
            SELECT string_agg(DISTINCT x.resource_type, ', ') INTO types FROM srm.asset x WHERE x.resource_id = r.asset;
            IF types LIKE '%,%' THEN
                RAISE EXCEPTION 'resource id "%" names assets of several resource types: %', r.asset, types
                    USING ERRCODE = 'cardinality_violation',
                          HINT = 'Give the asset''s ARN instead.';
            END IF;
            SELECT * INTO a FROM srm.asset x WHERE x.resource_id = r.asset
            ORDER BY x.captured_at DESC NULLS LAST, x.asset_id DESC LIMIT 1;
        END IF;
    END IF;
    IF a.asset_id IS NOT NULL THEN
        SELECT t.provider, t.service_namespace INTO rt FROM srm.resource_type t WHERE t.resource_type = a.resource_type;
        asset := ident;
        form := CASE WHEN ident ~ '^arn:' THEN 'arn' WHEN ident ~* '^/subscriptions/' THEN 'arm-id' WHEN ident ~ '^//' THEN 'gcp-resource-name' ELSE 'resource-id' END;
        provider := a.provider;
        service_namespace := coalesce(rt.service_namespace, a.service_namespace);
        resource_type := CASE WHEN rt.service_namespace IS NOT NULL THEN a.resource_type END;
        account_id := a.account_id;
        arn := a.arn;
        asset_id := a.asset_id;
        IF resource_type IS NOT NULL THEN
            SELECT x.variant, x.variants INTO variant, variants
            FROM srm_internal.variant_of(a.resource_type, a.configuration, a.supplementary_configuration) x;
        END IF;
    ELSE
        asset := r.asset;
        form := r.form;
        provider := r.provider;
        service_namespace := r.service_namespace;
        resource_type := r.resource_type;
        account_id := nullif(r.account_id, '');
        arn := CASE WHEN r.form = 'arn' THEN r.asset END;
    END IF;
    IF service_namespace IS NOT NULL THEN
        grain_id := srm_internal.grain_of(provider, service_namespace, resource_type, variant);
    END IF;
    RETURN NEXT;
END
$$;
COMMENT ON FUNCTION srm_internal.locate(text) IS
    'an asset as srm answers for it: the form its identifier was read in, its service and resource type, and when it names an asset of srm.asset (by ARN, by ARM resource id in any case, by a Google Cloud full resource name, or by a resource id that is no other name) that asset''s account, ARN, variant (per dimension in variants) and the grain of the stored derivation that answers for it';

-- srm_internal.locate of each identifier of an array, in one query: the
-- ARNs of loaded assets (what a bulk question mostly names) are looked up
-- together, without parsing them, the way locate's first step does; every
-- other identifier goes through locate itself.  n: the identifier's position
-- (an identifier that is null gives no row, as locate gives none)
CREATE FUNCTION srm_internal.locate_many(identifiers text[])
RETURNS TABLE (n bigint, identifier text, asset text, form text, provider text, service_namespace text,
               resource_type text, account_id text, arn text, asset_id bigint, variant text, variants jsonb,
               grain_id integer)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- one plan for every call: planning this query each time costs as much as running it
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT i.n, i.v, l.*
    FROM unnest(locate_many.identifiers) WITH ORDINALITY AS i(v, n)
    LEFT JOIN LATERAL (SELECT x.*
                       FROM srm.asset x
                       WHERE btrim(i.v) ~ '^arn:' AND x.arn = btrim(i.v)
                       ORDER BY x.captured_at DESC NULLS LAST, x.asset_id DESC
                       LIMIT 1) AS x ON true
    LEFT JOIN srm.resource_type rt ON rt.resource_type = x.resource_type
    -- a resource type without variant dimensions has no variant: variant_of
    -- gives nulls for it, as here (OFFSET 0: the test gates the call, not
    -- a filter of its result, so most assets never read their configuration)
    LEFT JOIN LATERAL (SELECT v.variant, v.variants
                       FROM srm_internal.variant_of(x.resource_type, x.configuration, x.supplementary_configuration) v
                       WHERE rt.service_namespace IS NOT NULL
                         AND EXISTS (SELECT FROM srm.variant_dimension d WHERE d.resource_type = x.resource_type)
                       OFFSET 0) AS v ON true
    CROSS JOIN LATERAL (SELECT coalesce(rt.service_namespace, x.service_namespace) AS service_namespace,
                               CASE WHEN rt.service_namespace IS NOT NULL THEN x.resource_type END AS resource_type) AS k
    CROSS JOIN LATERAL (
        SELECT btrim(i.v), 'arn', x.provider, k.service_namespace, k.resource_type,
               x.account_id, x.arn, x.asset_id, v.variant, v.variants,
               -- srm_internal.grain_of, written out: a function call per asset costs more than its lookups
               coalesce((SELECT g.grain_id FROM srm_internal.grain g
                         WHERE g.provider = x.provider AND g.resource_type = k.resource_type AND g.variant = v.variant
                         LIMIT 1),
                        -- min, not LIMIT 1: with LIMIT the planner scans every grain
                        -- for a type that has none of its own (most), not the index
                        (SELECT min(g.grain_id) FROM srm_internal.grain g
                         WHERE g.provider = x.provider AND g.resource_type = k.resource_type AND g.variant IS NULL),
                        (SELECT g.grain_id FROM srm_internal.grain g
                         WHERE g.provider = x.provider AND g.service_namespace = k.service_namespace
                           AND g.resource_type IS NULL
                         LIMIT 1))
        WHERE x.asset_id IS NOT NULL
        UNION ALL
        SELECT * FROM srm_internal.locate(i.v) WHERE x.asset_id IS NULL) AS l;
END
$$;
COMMENT ON FUNCTION srm_internal.locate_many(text[]) IS
    'srm_internal.locate of every identifier of an array (n: its position; none for a null), the ARNs of loaded assets looked up in one pass; srm.responsibilities reads it';

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
    g record;
    v record;
    derived srm.responsibility := 'not applicable';
    n integer := 0;
    l record;
BEGIN
    SELECT * INTO a FROM srm_internal.locate(asset);
    IF a.service_namespace IS NULL THEN
        PERFORM srm_internal.raise_unknown_asset(asset, a.form, 'service');
    END IF;
    SELECT * INTO c FROM srm.resolve_control(control);
    IF c.control_id IS NULL THEN
        PERFORM srm_internal.raise_unknown_control(control);
    END IF;
    SELECT * INTO g FROM srm_internal.grain x WHERE x.grain_id = a.grain_id;

    n := n + 1;
    IF a.asset_id IS NOT NULL THEN
        RETURN QUERY SELECT n, 'asset', NULL::text, NULL::srm.responsibility, a.form,
            format('%s read as %s: asset #%s of srm.asset, service %s%s, account %s%s', asset, a.form, a.asset_id,
                   a.service_namespace, coalesce(', type ' || a.resource_type, ''), a.account_id,
                   coalesce(', ARN ' || a.arn, ''));
    ELSE
        RETURN QUERY SELECT n, 'asset', NULL::text, NULL::srm.responsibility, a.form,
            format('%s read as %s: service %s%s%s (not an asset loaded into srm.asset)', asset, a.form,
                   a.service_namespace, coalesce(', type ' || a.resource_type, ''),
                   coalesce(', account ' || a.account_id, ''));
    END IF;
    n := n + 1;
    RETURN QUERY SELECT n, 'control', NULL::text, NULL::srm.responsibility, c.framework_id,
        format('%s read as %s %s (%s)%s', control, c.framework_id, c.label, c.status,
               CASE WHEN c.organizational THEN ', organizational' ELSE '' END);

    -- the grain: the resource type and, per dimension, the variant
    IF a.resource_type IS NOT NULL THEN
        n := n + 1;
        RETURN QUERY SELECT n, 'resource type', NULL::text, NULL::srm.responsibility, 'srm.resource_type',
            format('%s: %s', a.resource_type,
                   CASE WHEN EXISTS (SELECT FROM srm.resource_type_layer x WHERE x.resource_type = a.resource_type)
                        THEN 'has layers of its own (resource_type_layer)'
                        ELSE 'answers as its service ' || a.service_namespace END);
    END IF;
    IF a.asset_id IS NOT NULL THEN
        FOR v IN SELECT x.value AS d FROM jsonb_array_elements(a.variants) x LOOP
            n := n + 1;
            IF v.d -> 'rule' <> 'null'::jsonb THEN
                RETURN QUERY SELECT n, 'variant', NULL::text, NULL::srm.responsibility, 'srm.variant_rule',
                    format('%s: %s (rule %s: %s; source: %s)', v.d ->> 'dimension', v.d -> 'rule' ->> 'variant_id',
                           v.d -> 'rule' ->> 'rule_order', v.d -> 'rule' ->> 'test', v.d -> 'rule' ->> 'source');
            ELSE
                RETURN QUERY SELECT n, 'variant', NULL::text, NULL::srm.responsibility, 'srm.variant_rule',
                    format('%s: unknown: %s %s, which no rule recognises; the answer is the resource type''s', v.d ->> 'dimension',
                           v.d ->> 'reads', CASE WHEN v.d -> 'value' = 'null'::jsonb THEN 'is missing'
                                                 ELSE 'is ' || (v.d ->> 'value') END);
            END IF;
        END LOOP;
    ELSIF EXISTS (SELECT FROM srm.variant_dimension x WHERE x.resource_type = a.resource_type) THEN
        n := n + 1;
        RETURN QUERY SELECT n, 'variant', NULL::text, NULL::srm.responsibility, 'srm.variant_dimension',
            format('%s: unknown: no configuration item of this asset is loaded; the answer is the resource type''s',
                   (SELECT string_agg(x.dimension, ', ' ORDER BY x.dimension COLLATE "C") FROM srm.variant_dimension x
                    WHERE x.resource_type = a.resource_type));
    END IF;

    IF c.status = 'withdrawn' THEN
        n := n + 1;
        RETURN QUERY SELECT n, 'withdrawn', NULL::text, 'not applicable'::srm.responsibility,
            'srm.control', 'a withdrawn control applies to nothing';
    END IF;
    FOR l IN
        SELECT e.layer_id, e.responsibility, e.origin, e.origin_key, e.source, e.reason, cl.basis
        FROM srm.control_layer cl
        JOIN srm_internal.grain_layer_effective e ON e.layer_id = cl.layer_id
        JOIN srm.layer ly ON ly.layer_id = cl.layer_id
        WHERE cl.framework_id = c.framework_id AND cl.control_id = c.control_id
          AND e.grain_id = a.grain_id
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
        a.arn, c.framework_id, c.control_id, c.family_id);
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
    'why an asset has its responsibility for a control: how both were read, the asset''s resource type and variant (with the rule and source that told it, or why it is unknown), the layers and the rows they came from, organizational parties, the override, the result';

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
    SELECT * INTO a FROM srm_internal.locate(asset);
    IF a.service_namespace IS NULL THEN
        PERFORM srm_internal.raise_unknown_asset(asset, a.form, 'service');
    END IF;
    SELECT * INTO c FROM srm.resolve_control(control);
    IF c.control_id IS NULL THEN
        PERFORM srm_internal.raise_unknown_control(control);
    END IF;
    SELECT o.responsibility INTO r
    FROM srm_internal.override_for(a.provider, a.service_namespace, a.account_id, a.arn,
                                   c.framework_id, c.control_id, c.family_id) o;
    IF r IS NULL THEN
        SELECT d.derived INTO r FROM srm_internal.derivation d
        WHERE d.grain_id = a.grain_id AND d.framework_id = c.framework_id AND d.control_id = c.control_id;
    END IF;
    RETURN r;
END
$$;
COMMENT ON FUNCTION srm.responsibility_of(text, text) IS
    'who is responsible for a control on an asset (any identifier form, or the resource id of a loaded asset; control ids as SI-2, ac-2.1, AC-2(1), patch-management), at the grain of its resource type and, for a loaded asset, its configuration variant; overrides applied; an error for an unknown asset or control';

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
-- each asset and each control read once, then every pair
WITH ra AS MATERIALIZED (
    SELECT l.n AS an, l.identifier AS a, l.asset, l.form, l.provider, l.service_namespace, l.resource_type,
           l.account_id, l.arn, l.asset_id, l.variant, l.variants, l.grain_id
    FROM srm_internal.locate_many(responsibilities.assets) AS l),
rc AS MATERIALIZED (
    SELECT cv.cn, cv.c, r.*
    FROM pg_catalog.unnest(responsibilities.controls) WITH ORDINALITY AS cv(c, cn)
    CROSS JOIN LATERAL srm.resolve_control(cv.c) AS r)
SELECT ra.a, rc.c, ra.service_namespace, ra.resource_type, rc.framework_id, rc.control_id,
       coalesce(o.responsibility, d.derived),
       srm.aws_class(coalesce(o.responsibility, d.derived)),
       coalesce(o.responsibility, d.derived) OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility,
       o.override_id,
       ra.service_namespace IS NOT NULL, rc.control_id IS NOT NULL
FROM ra CROSS JOIN rc
LEFT JOIN LATERAL (SELECT x.derived FROM srm_internal.derivation x
                   WHERE x.grain_id = ra.grain_id AND x.framework_id = rc.framework_id
                     AND x.control_id = rc.control_id
                   LIMIT 1) AS d ON true  -- an index probe per pair, not a join of the whole table
LEFT JOIN LATERAL (SELECT x.override_id, x.responsibility
                   FROM srm_internal.override_for(ra.provider, ra.service_namespace, ra.account_id, ra.arn,
                                                  rc.framework_id, rc.control_id, rc.family_id) x
                   -- no override: no lookup
                   WHERE EXISTS (SELECT FROM srm.override)) AS o ON true
ORDER BY ra.an, rc.cn;
END;
COMMENT ON FUNCTION srm.responsibilities(text[], text[]) IS
    'bulk answers: every asset x control at the grain of srm.responsibility_of, with known_asset / known_control false (and nulls) for what srm cannot place, never dropped';

-------------------------------------------------------------------------------
