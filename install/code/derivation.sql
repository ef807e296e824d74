-- install/code/derivation.sql (code part): the derivation of a control's
-- responsibility at every grain (service, resource type, configuration
-- variant) from the model, its stored form (srm_internal.derivation) and
-- the triggers that keep it current, the variant of an asset, the override
-- that applies, and the customer responsibility matrices.

-------------------------------------------------------------------------------
-- Layers at every grain
-------------------------------------------------------------------------------

-- each service's layers: the service's own row where it has one, else its model's
CREATE VIEW srm_internal.service_layer_effective AS
SELECT s.provider, s.service_namespace, ml.layer_id,
       coalesce(sl.responsibility, ml.responsibility) AS responsibility,
       CASE WHEN sl.layer_id IS NULL THEN 'service_model_layer' ELSE 'service_layer' END AS origin,
       CASE WHEN sl.layer_id IS NULL THEN s.model_id ELSE s.service_namespace END AS origin_key,
       coalesce(sl.source, ml.source) AS source,
       sl.reason
FROM srm.service s
JOIN srm.service_model_layer ml ON ml.model_id = s.model_id
LEFT JOIN srm.service_layer sl
       ON sl.provider = s.provider AND sl.service_namespace = s.service_namespace AND sl.layer_id = ml.layer_id;
COMMENT ON VIEW srm_internal.service_layer_effective IS
    'the responsibility of every layer of every service: the service''s own row (service_layer) where it has one, else its model''s (service_model_layer)';

-- each grain's layers: its variants' rows, else its resource type's, else its service's
CREATE VIEW srm_internal.grain_layer_effective AS
SELECT g.grain_id, e.layer_id,
       coalesce(v.responsibility, rl.responsibility, e.responsibility) AS responsibility,
       CASE WHEN v.layer_id IS NOT NULL THEN 'variant_layer'
            WHEN rl.layer_id IS NOT NULL THEN 'resource_type_layer' ELSE e.origin END AS origin,
       CASE WHEN v.layer_id IS NOT NULL THEN g.resource_type || ' ' || v.variant_id
            WHEN rl.layer_id IS NOT NULL THEN g.resource_type ELSE e.origin_key END AS origin_key,
       coalesce(v.source, rl.source, e.source) AS source,
       coalesce(v.reason, rl.reason, e.reason) AS reason
FROM srm_internal.grain g
JOIN srm_internal.service_layer_effective e
  ON e.provider = g.provider AND e.service_namespace = g.service_namespace
LEFT JOIN srm.resource_type_layer rl ON rl.resource_type = g.resource_type AND rl.layer_id = e.layer_id
LEFT JOIN srm.variant_layer v
       ON v.resource_type = g.resource_type AND v.layer_id = e.layer_id
      AND v.variant_id = ANY (pg_catalog.string_to_array(g.variant, '+'));
COMMENT ON VIEW srm_internal.grain_layer_effective IS
    'the responsibility of every layer at every grain of srm_internal.grain: a variant''s row (variant_layer), else the resource type''s (resource_type_layer), else the service''s, else its model''s';

-- the parties of an organizational control: each in its own context
CREATE FUNCTION srm_internal.organizational_parties()
RETURNS srm.responsibility
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN 'provider (corporate), customer (provided)'::srm.responsibility;
COMMENT ON FUNCTION srm_internal.organizational_parties() IS
    'the parties of an organizational control (training, personnel, policy) on every service: the provider company-wide (corporate) and the customer with its own staff, plans and policies (provided)';

-- An organizational control is done by each party in its own context, so the
-- qualifiers of the layers it covers do not describe it: a customer that
-- configures security groups does not configure its training. Its parties are
-- organizational_parties(), plus a partner that takes part in one of the
-- layers (it too acts in its own context); the layers' qualifiers are dropped.
CREATE FUNCTION srm_internal.organizational_responsibility(layers srm.responsibility)
RETURNS srm.responsibility
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN srm_internal.organizational_parties()
       OPERATOR(srm.|) coalesce(layers OPERATOR(srm.&) 'partner'::srm.responsibility, 'not applicable'::srm.responsibility);
COMMENT ON FUNCTION srm_internal.organizational_responsibility(srm.responsibility) IS
    'the responsibility of an organizational control, given the union of its layers: organizational_parties() plus the layers'' partner, without the layers'' qualifiers';

-------------------------------------------------------------------------------
-- The explaining derivation (the reference the stored rows are checked against)
-------------------------------------------------------------------------------

-- a control's responsibility at every grain, before overrides, with how it came about
CREATE VIEW srm_internal.derivation_explained AS
SELECT g.grain_id, g.provider, g.service_namespace, g.resource_type, g.variant, c.framework_id, c.control_id,
       CASE WHEN c.status = 'withdrawn' THEN 'not applicable'::srm.responsibility
            WHEN c.organizational THEN srm_internal.organizational_responsibility(srm.responsibility_agg(e.responsibility))
            ELSE coalesce(srm.responsibility_agg(e.responsibility), 'not applicable')
       END AS responsibility,
       pg_catalog.concat_ws('; ',
           pg_catalog.string_agg(e.layer_id || ': ' || e.responsibility::text || ' ('
                                 || CASE e.origin WHEN 'service_layer' THEN 'service '
                                                  WHEN 'resource_type_layer' THEN 'resource type '
                                                  WHEN 'variant_layer' THEN 'variant '
                                                  ELSE 'model ' END
                                 || e.origin_key || ')', '; ' ORDER BY l.ordinal),
           CASE WHEN c.organizational THEN 'organizational: ' || srm_internal.organizational_parties()::text
                                           || ' in their own contexts (a partner of the layers kept, the layers'' qualifiers not)' END,
           CASE WHEN c.status = 'withdrawn' THEN 'withdrawn control: not applicable' END) AS explanation
FROM srm.control c
CROSS JOIN srm_internal.grain g
LEFT JOIN srm.control_layer cl ON cl.framework_id = c.framework_id AND cl.control_id = c.control_id
LEFT JOIN srm_internal.grain_layer_effective e ON e.grain_id = g.grain_id AND e.layer_id = cl.layer_id
LEFT JOIN srm.layer l ON l.layer_id = cl.layer_id
GROUP BY g.grain_id, g.provider, g.service_namespace, g.resource_type, g.variant,
         c.framework_id, c.control_id, c.status, c.organizational;
COMMENT ON VIEW srm_internal.derivation_explained IS
    'the derivation of every control at every grain from the model, step by step: the union over the layers the control acts on (each from its variant, resource type, service or model row; none: not applicable); for organizational controls the organizational parties (plus a partner of the layers); withdrawn controls are not applicable. The stored rows (srm_internal.derivation) must equal it.';

-- a control's responsibility on a service, before overrides
CREATE VIEW srm.control_service AS
SELECT d.framework_id, d.control_id, d.provider, d.service_namespace, d.responsibility, d.explanation
FROM srm_internal.derivation_explained d
WHERE d.resource_type IS NULL;
COMMENT ON VIEW srm.control_service IS
    'the derived responsibility of every control on every service, before overrides, derived from the model step by step (the reference for the stored derivation): the union over the layers the control acts on; for organizational controls the organizational parties (plus a partner of the layers); withdrawn controls are not applicable';

-------------------------------------------------------------------------------
-- The stored derivation
-------------------------------------------------------------------------------

-- the variant combinations of each resource type: one variant or none from
-- each of its dimensions, at least one in all, ids joined by + in the order
-- of the dimensions' names
CREATE FUNCTION srm_internal.variant_combinations()
RETURNS TABLE (resource_type text, variant text)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
WITH RECURSIVE dims AS (
    SELECT d.resource_type, d.dimension,
           pg_catalog.row_number() OVER (PARTITION BY d.resource_type ORDER BY d.dimension COLLATE "C") AS n,
           pg_catalog.count(*) OVER (PARTITION BY d.resource_type) AS of_n
    FROM srm.variant_dimension d),
opts AS (
    SELECT d.resource_type, d.n, d.of_n, v.variant_id
    FROM dims d JOIN srm.variant v ON v.resource_type = d.resource_type AND v.dimension = d.dimension
    UNION ALL
    SELECT d.resource_type, d.n, d.of_n, NULL FROM dims d),
combo (resource_type, n, of_n, ids) AS (
    SELECT o.resource_type, o.n, o.of_n, CASE WHEN o.variant_id IS NULL THEN '{}'::text[] ELSE ARRAY[o.variant_id] END
    FROM opts o WHERE o.n = 1
    UNION ALL
    SELECT c.resource_type, o.n, c.of_n, CASE WHEN o.variant_id IS NULL THEN c.ids ELSE c.ids || o.variant_id END
    FROM combo c JOIN opts o ON o.resource_type = c.resource_type AND o.n = c.n + 1)
SELECT c.resource_type, pg_catalog.array_to_string(c.ids, '+')
FROM combo c
WHERE c.n = c.of_n AND pg_catalog.cardinality(c.ids) > 0;
END;
COMMENT ON FUNCTION srm_internal.variant_combinations() IS
    'every combination of variants a resource type''s assets can be in: one variant or none (unknown) of each dimension, at least one known';

-- the overrides a change touched, or all (scopes null): rows of
-- srm_internal.derivation take the provider- or service-wide override that
-- applies, or their derived value
CREATE FUNCTION srm_internal.derivation_apply_overrides(scopes jsonb DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    WITH scope AS (
        SELECT s ->> 'provider' AS provider, s ->> 'framework_id' AS framework_id,
               s ->> 'service_namespace' AS service_namespace, s ->> 'control_id' AS control_id,
               s ->> 'family_id' AS family_id, (s ->> 'override_id')::bigint AS override_id
        FROM jsonb_array_elements(scopes) s),
    touched AS (
        SELECT d.grain_id, d.framework_id, d.control_id, d.provider, d.service_namespace, c.family_id
        FROM srm_internal.derivation d
        JOIN srm.control c ON c.framework_id = d.framework_id AND c.control_id = d.control_id
        WHERE scopes IS NULL
           OR EXISTS (SELECT FROM scope s
                      WHERE s.override_id = d.override_id
                         OR (s.provider = d.provider AND s.framework_id = d.framework_id
                             AND (s.service_namespace IS NULL OR s.service_namespace = d.service_namespace)
                             AND (s.control_id IS NULL OR s.control_id = d.control_id)
                             AND (s.family_id IS NULL OR s.family_id = c.family_id)))),
    best AS (
        SELECT DISTINCT ON (t.grain_id, t.framework_id, t.control_id)
               t.grain_id, t.framework_id, t.control_id, o.override_id, o.responsibility
        FROM touched t
        JOIN srm.override o
          ON o.provider = t.provider AND o.framework_id = t.framework_id
         AND o.account_id IS NULL AND o.asset IS NULL
         AND (o.service_namespace IS NULL OR o.service_namespace = t.service_namespace)
         AND (o.control_id IS NULL OR o.control_id = t.control_id)
         AND (o.family_id IS NULL OR o.family_id = t.family_id)
        -- the order of srm_internal.override_for, without the asset and account scopes
        ORDER BY t.grain_id, t.framework_id, t.control_id, (o.service_namespace IS NOT NULL) DESC,
                 (o.control_id IS NOT NULL) DESC, (o.family_id IS NOT NULL) DESC, o.override_id DESC)
    UPDATE srm_internal.derivation d
    SET responsibility = coalesce(b.responsibility, d.derived), override_id = b.override_id
    FROM touched t
    LEFT JOIN best b USING (grain_id, framework_id, control_id)
    WHERE d.grain_id = t.grain_id AND d.framework_id = t.framework_id AND d.control_id = t.control_id
      AND (d.responsibility OPERATOR(srm.<>) coalesce(b.responsibility, d.derived)
           OR d.override_id IS DISTINCT FROM b.override_id);
END
$$;
COMMENT ON FUNCTION srm_internal.derivation_apply_overrides(jsonb) IS
    'applies the provider- and service-wide overrides to the stored derivation: to every row (scopes null), or to the rows of the given override scopes and the rows those overrides applied to';

-- the whole stored derivation, rebuilt from the model
CREATE FUNCTION srm.refresh_derivation()
RETURNS bigint
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
-- the union over 360,000 groups stays in memory
SET work_mem = '256MB'
AS $$
DECLARE
    n bigint;
    keys bigint;
BEGIN
    LOCK TABLE srm_internal.derivation IN EXCLUSIVE MODE;
    TRUNCATE srm_internal.derivation, srm_internal.derivation_basis, srm_internal.grain;
    INSERT INTO srm_internal.grain (grain_id, provider, service_namespace, resource_type, variant)
    SELECT pg_catalog.row_number() OVER (ORDER BY k.provider, k.service_namespace COLLATE "C",
                                         k.resource_type COLLATE "C" NULLS FIRST, k.variant COLLATE "C" NULLS FIRST),
           k.provider, k.service_namespace, k.resource_type, k.variant
    FROM (SELECT s.provider, s.service_namespace, NULL::text AS resource_type, NULL::text AS variant
          FROM srm.service s
          UNION
          SELECT rt.provider, rt.service_namespace, rt.resource_type, NULL
          FROM srm.resource_type rt
          WHERE rt.resource_type IN (SELECT x.resource_type FROM srm.resource_type_layer x
                                     UNION SELECT x.resource_type FROM srm.variant_dimension x)
          UNION
          SELECT rt.provider, rt.service_namespace, rt.resource_type, vc.variant
          FROM srm_internal.variant_combinations() vc
          JOIN srm.resource_type rt ON rt.resource_type = vc.resource_type) k;

    -- every layer at every grain
    CREATE TEMPORARY TABLE srm_grain_layer ON COMMIT DROP AS
    SELECT e.grain_id, e.layer_id, e.responsibility, e.origin, e.origin_key FROM srm_internal.grain_layer_effective e;
    CREATE INDEX ON pg_temp.srm_grain_layer (grain_id, layer_id);
    ANALYZE pg_temp.srm_grain_layer;
    -- what each control's answer depends on: its layers (in the order of
    -- srm.layer), organizational, withdrawn; each distinct combination once
    CREATE TEMPORARY TABLE srm_control_key ON COMMIT DROP AS
    SELECT c.framework_id, c.control_id, c.organizational, c.status = 'withdrawn' AS withdrawn,
           coalesce(array_agg(cl.layer_id ORDER BY l.ordinal) FILTER (WHERE cl.layer_id IS NOT NULL), '{}') AS layers
    FROM srm.control c
    LEFT JOIN srm.control_layer cl ON cl.framework_id = c.framework_id AND cl.control_id = c.control_id
    LEFT JOIN srm.layer l ON l.layer_id = cl.layer_id
    GROUP BY c.framework_id, c.control_id, c.organizational, c.status;
    CREATE TEMPORARY TABLE srm_key ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY k.layers, k.organizational, k.withdrawn)::integer AS key_id, k.*
    FROM (SELECT DISTINCT x.layers, x.organizational, x.withdrawn FROM pg_temp.srm_control_key x) k;
    SELECT count(*) INTO keys FROM pg_temp.srm_key;
    -- the answer and its explanation once per grain and combination (the
    -- same rules and words as srm_internal.derivation_explained)
    INSERT INTO srm_internal.derivation_basis (basis_id, grain_id, layers, organizational, withdrawn, responsibility, explanation)
    SELECT (g.grain_id - 1) * keys + k.key_id, g.grain_id,
           k.layers, k.organizational, k.withdrawn,
           CASE WHEN k.withdrawn THEN 'not applicable'::srm.responsibility
                WHEN k.organizational THEN srm_internal.organizational_responsibility(srm.responsibility_agg(e.responsibility))
                ELSE coalesce(srm.responsibility_agg(e.responsibility), 'not applicable') END,
           concat_ws('; ',
               string_agg(e.layer_id || ': ' || e.responsibility::text || ' ('
                          || CASE e.origin WHEN 'service_layer' THEN 'service '
                                           WHEN 'resource_type_layer' THEN 'resource type '
                                           WHEN 'variant_layer' THEN 'variant '
                                           ELSE 'model ' END
                          || e.origin_key || ')', '; ' ORDER BY u.ord),
               CASE WHEN k.organizational THEN 'organizational: ' || srm_internal.organizational_parties()::text
                                               || ' in their own contexts (a partner of the layers kept, the layers'' qualifiers not)' END,
               CASE WHEN k.withdrawn THEN 'withdrawn control: not applicable' END)
    FROM srm_internal.grain g
    CROSS JOIN pg_temp.srm_key k
    LEFT JOIN LATERAL unnest(k.layers) WITH ORDINALITY AS u(layer_id, ord) ON true
    LEFT JOIN pg_temp.srm_grain_layer e ON e.grain_id = g.grain_id AND e.layer_id = u.layer_id
    GROUP BY g.grain_id, k.key_id, k.layers, k.organizational, k.withdrawn;
    -- every control at every grain
    INSERT INTO srm_internal.derivation (grain_id, framework_id, control_id, provider, service_namespace,
                                         resource_type, variant, basis_id, derived, responsibility)
    SELECT g.grain_id, ck.framework_id, ck.control_id, g.provider, g.service_namespace, g.resource_type, g.variant,
           b.basis_id, b.responsibility, b.responsibility
    FROM pg_temp.srm_control_key ck
    JOIN pg_temp.srm_key k ON k.layers = ck.layers AND k.organizational = ck.organizational AND k.withdrawn = ck.withdrawn
    CROSS JOIN srm_internal.grain g
    JOIN srm_internal.derivation_basis b
      ON b.basis_id = (g.grain_id - 1) * keys + k.key_id;
    DROP TABLE pg_temp.srm_grain_layer, pg_temp.srm_control_key, pg_temp.srm_key;
    PERFORM srm_internal.derivation_apply_overrides(NULL);
    ANALYZE srm_internal.grain, srm_internal.derivation_basis, srm_internal.derivation;
    SELECT count(*) INTO n FROM srm_internal.derivation;
    RETURN n;
END
$$;
COMMENT ON FUNCTION srm.refresh_derivation() IS
    'rebuilds the stored derivation (every grain x control, with provider- and service-wide overrides) from the model and returns its row count; triggers keep it current, so call it only after writing to srm.override with triggers disabled (pg_restore --disable-triggers, session_replication_role = replica)';
REVOKE EXECUTE ON FUNCTION srm.refresh_derivation() FROM PUBLIC;

-- model rows written: the stored derivation rebuilt (not while the install
-- or update script loads the model: it rebuilds once at the end)
CREATE FUNCTION srm_internal.model_changed()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF coalesce(current_setting('srm.loading_model', true), '') <> 'on' THEN
        PERFORM srm.refresh_derivation();
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION srm_internal.model_changed() IS
    'trigger: rebuilds the stored derivation after a statement changed the model (skipped while srm''s own scripts load it, setting srm.loading_model)';

CREATE TRIGGER derivation_on_service AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.service
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE TRIGGER derivation_on_service_model_layer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.service_model_layer
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE TRIGGER derivation_on_service_layer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.service_layer
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE TRIGGER derivation_on_resource_type AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.resource_type
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE TRIGGER derivation_on_resource_type_layer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.resource_type_layer
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE TRIGGER derivation_on_variant_dimension AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.variant_dimension
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE TRIGGER derivation_on_variant AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.variant
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE TRIGGER derivation_on_variant_layer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.variant_layer
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE TRIGGER derivation_on_control AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.control
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();
CREATE TRIGGER derivation_on_control_layer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON srm.control_layer
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.model_changed();

-- overrides written: the rows they apply to (and applied to) updated
CREATE FUNCTION srm_internal.override_changed()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    scopes jsonb;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE srm_internal.derivation SET responsibility = derived, override_id = NULL
        WHERE override_id IS NOT NULL;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT jsonb_agg(to_jsonb(o)) INTO scopes FROM new_overrides o WHERE o.account_id IS NULL AND o.asset IS NULL;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT jsonb_agg(to_jsonb(o)) INTO scopes FROM old_overrides o;
    ELSE
        SELECT jsonb_agg(to_jsonb(o)) INTO scopes
        FROM (SELECT * FROM old_overrides UNION ALL
              SELECT * FROM new_overrides n WHERE n.account_id IS NULL AND n.asset IS NULL) o;
    END IF;
    IF scopes IS NOT NULL THEN
        PERFORM srm_internal.derivation_apply_overrides(scopes);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION srm_internal.override_changed() IS
    'trigger: applies inserted, updated and deleted provider- and service-wide overrides to the stored derivation, in the same transaction';

CREATE TRIGGER derivation_on_override_insert AFTER INSERT ON srm.override
    REFERENCING NEW TABLE AS new_overrides
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.override_changed();
CREATE TRIGGER derivation_on_override_update AFTER UPDATE ON srm.override
    REFERENCING OLD TABLE AS old_overrides NEW TABLE AS new_overrides
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.override_changed();
CREATE TRIGGER derivation_on_override_delete AFTER DELETE ON srm.override
    REFERENCING OLD TABLE AS old_overrides
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.override_changed();
CREATE TRIGGER derivation_on_override_truncate AFTER TRUNCATE ON srm.override
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.override_changed();

-------------------------------------------------------------------------------
-- The grain of an asset
-------------------------------------------------------------------------------

-- the variant of a resource type's configuration item: per dimension the
-- first rule that holds; the ids found (joined by +, in dimension order),
-- and what could not be told
CREATE FUNCTION srm_internal.variant_of(resource_type text, configuration jsonb, supplementary jsonb)
RETURNS TABLE (variant text, variants jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
WITH doc AS (
    SELECT pg_catalog.jsonb_build_object('configuration', variant_of.configuration,
                                         'supplementaryConfiguration', variant_of.supplementary) AS d),
per_dim AS (
    SELECT vd.dimension, vd.reads, vd.source AS dimension_source,
           (SELECT pg_catalog.jsonb_build_object('variant_id', r.variant_id, 'rule_order', r.rule_order,
                                                 'test', r.test::text, 'source', r.source)
            FROM srm.variant_rule r, doc
            WHERE r.resource_type = vd.resource_type AND r.dimension = vd.dimension
              AND pg_catalog.jsonb_path_exists(doc.d, r.test, silent => true)
            ORDER BY r.rule_order LIMIT 1) AS hit,
           (SELECT pg_catalog.jsonb_path_query_first(doc.d, vd.reads, silent => true) FROM doc) AS value
    FROM srm.variant_dimension vd
    WHERE vd.resource_type = variant_of.resource_type)
SELECT pg_catalog.string_agg(p.hit ->> 'variant_id', '+' ORDER BY p.dimension COLLATE "C"),
       pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('dimension', p.dimension, 'reads', p.reads::text,
                                                          'value', p.value, 'rule', p.hit)
                            ORDER BY p.dimension COLLATE "C")
FROM per_dim p;
END;
COMMENT ON FUNCTION srm_internal.variant_of(text, jsonb, jsonb) IS
    'the variant of a configuration item of a resource type: per dimension the first variant rule that holds (ids joined by +, null when none is known), and per dimension the value read and the rule that matched (null when the variant is unknown)';

-- the stored grain that answers for an asset: its resource type and
-- variant, else its resource type, else its service
CREATE FUNCTION srm_internal.grain_of(provider text, service_namespace text, resource_type text, variant text)
RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE
-- three index probes, the most specific first (a scan of every grain per
-- call made bulk answers slow)
RETURN coalesce((SELECT g.grain_id FROM srm_internal.grain g
                 WHERE g.provider = grain_of.provider AND g.resource_type = grain_of.resource_type
                   AND g.variant = grain_of.variant
                 LIMIT 1),
                -- min, not LIMIT 1: with LIMIT the planner scans every grain
                -- for a type that has none of its own (most), not the index
                (SELECT min(g.grain_id) FROM srm_internal.grain g
                 WHERE g.provider = grain_of.provider AND g.resource_type = grain_of.resource_type
                   AND g.variant IS NULL),
                (SELECT g.grain_id FROM srm_internal.grain g
                 WHERE g.provider = grain_of.provider AND g.service_namespace = grain_of.service_namespace
                   AND g.resource_type IS NULL
                 LIMIT 1));
COMMENT ON FUNCTION srm_internal.grain_of(text, text, text, text) IS
    'the grain of the stored derivation that answers for an asset of a service, resource type and variant: the most specific one stored';

-- one control on one service
CREATE FUNCTION srm_internal.derived_responsibility(framework_id text, control_id text, provider text, service_namespace text)
RETURNS srm.responsibility
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT d.derived
FROM srm_internal.grain g
JOIN srm_internal.derivation d ON d.grain_id = g.grain_id
WHERE g.provider = derived_responsibility.provider
  AND g.service_namespace = derived_responsibility.service_namespace
  AND g.resource_type IS NULL
  AND d.framework_id = derived_responsibility.framework_id
  AND d.control_id = derived_responsibility.control_id;
END;
COMMENT ON FUNCTION srm_internal.derived_responsibility(text, text, text, text) IS
    'the derived responsibility of one control on one service, before overrides (the stored derivation, by index lookups)';

-- the override that applies, if any: the most specific one
CREATE FUNCTION srm_internal.override_for(provider text, service_namespace text, account_id text, asset text,
                                 framework_id text, control_id text, family_id text)
RETURNS SETOF srm.override
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT o.*
FROM srm.override o
WHERE o.provider = override_for.provider
  AND o.framework_id = override_for.framework_id
  AND (o.service_namespace IS NULL OR o.service_namespace = override_for.service_namespace)
  AND (o.account_id IS NULL OR o.account_id = override_for.account_id)
  AND (o.asset IS NULL OR o.asset = override_for.asset)
  AND (o.control_id IS NULL OR o.control_id = override_for.control_id)
  AND (o.family_id IS NULL OR o.family_id = override_for.family_id)
ORDER BY (o.asset IS NOT NULL) DESC, (o.account_id IS NOT NULL) DESC, (o.service_namespace IS NOT NULL) DESC,
         (o.control_id IS NOT NULL) DESC, (o.family_id IS NOT NULL) DESC, o.override_id DESC
LIMIT 1;
END;
COMMENT ON FUNCTION srm_internal.override_for(text, text, text, text, text, text, text) IS
    'the override that applies to a control on an asset, if any: asset > account > service > provider, then control > family > framework, then the newest';

-------------------------------------------------------------------------------
-- The customer responsibility matrices
-------------------------------------------------------------------------------

-- every service x control, with provider- and service-wide overrides applied
-- (the outer joins find one row each: a query that does not use their
-- columns does not read them)
CREATE VIEW srm.matrix AS
SELECT d.provider, d.service_namespace, s.name AS service_name, s.model_id,
       d.framework_id, d.control_id, c.label, c.title, c.family_id, c.baselines, c.status,
       d.responsibility,
       srm.aws_class(d.responsibility) AS class,
       d.responsibility OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility AS customer_part,
       b.explanation
       || CASE WHEN o.override_id IS NOT NULL
               THEN '; override #' || o.override_id || ': ' || o.responsibility::text || ' (' || o.reason || ')'
               ELSE '' END AS explanation,
       d.override_id
FROM srm_internal.derivation d
LEFT JOIN srm.control c ON c.framework_id = d.framework_id AND c.control_id = d.control_id
LEFT JOIN srm.service s ON s.provider = d.provider AND s.service_namespace = d.service_namespace
LEFT JOIN srm_internal.derivation_basis b ON b.basis_id = d.basis_id
LEFT JOIN srm.override o ON o.override_id = d.override_id
WHERE d.resource_type IS NULL;
COMMENT ON VIEW srm.matrix IS
    'the customer responsibility matrix: every service x control with its responsibility, AWS class, the customer''s part and how it was derived (provider- and service-wide overrides applied); read from the stored derivation';

-- the resource types and variants whose answers differ from their service's
CREATE VIEW srm.resource_type_matrix AS
SELECT d.provider, d.service_namespace, d.resource_type, d.variant,
       d.framework_id, d.control_id, c.label, c.title, c.family_id, c.baselines, c.status,
       d.responsibility,
       srm.aws_class(d.responsibility) AS class,
       d.responsibility OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility AS customer_part,
       sd.responsibility AS service_responsibility,
       d.responsibility OPERATOR(srm.<>) sd.responsibility AS differs,
       b.explanation
       || CASE WHEN o.override_id IS NOT NULL
               THEN '; override #' || o.override_id || ': ' || o.responsibility::text || ' (' || o.reason || ')'
               ELSE '' END AS explanation,
       d.override_id
FROM srm_internal.derivation d
JOIN srm_internal.grain sg ON sg.provider = d.provider AND sg.service_namespace = d.service_namespace
                          AND sg.resource_type IS NULL
JOIN srm_internal.derivation sd ON sd.grain_id = sg.grain_id AND sd.framework_id = d.framework_id
                               AND sd.control_id = d.control_id
LEFT JOIN srm.control c ON c.framework_id = d.framework_id AND c.control_id = d.control_id
LEFT JOIN srm_internal.derivation_basis b ON b.basis_id = d.basis_id
LEFT JOIN srm.override o ON o.override_id = d.override_id
WHERE d.resource_type IS NOT NULL;
COMMENT ON VIEW srm.resource_type_matrix IS
    'the matrix below the service: every resource type with layers of its own and every combination of its configuration variants (variant null: the resource type as such, or a variant that cannot be told) x control, beside the service''s answer (differs)';

GRANT SELECT ON srm_internal.service_layer_effective, srm_internal.grain_layer_effective,
    srm_internal.derivation_explained, srm.control_service, srm.matrix, srm.resource_type_matrix TO PUBLIC;
