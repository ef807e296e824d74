-- install/code/derivation.sql (code part): the derivation of a control's
-- responsibility on a service from the model, the override that applies,
-- and the customer responsibility matrix.

-------------------------------------------------------------------------------
-- Derivation
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

-- a control's responsibility on a service, before overrides
CREATE VIEW srm.control_service AS
SELECT c.framework_id, c.control_id, s.provider, s.service_namespace,
       CASE WHEN c.status = 'withdrawn' THEN 'not applicable'::srm.responsibility
            WHEN c.organizational THEN srm_internal.organizational_responsibility(srm.responsibility_agg(e.responsibility))
            ELSE srm.responsibility_agg(e.responsibility)
       END AS responsibility,
       pg_catalog.concat_ws('; ',
           pg_catalog.string_agg(e.layer_id || ': ' || e.responsibility::text || ' ('
                                 || CASE e.origin WHEN 'service_layer' THEN 'service ' ELSE 'model ' END
                                 || e.origin_key || ')', '; ' ORDER BY l.ordinal),
           CASE WHEN c.organizational THEN 'organizational: ' || srm_internal.organizational_parties()::text
                                           || ' in their own contexts (a partner of the layers kept, the layers'' qualifiers not)' END,
           CASE WHEN c.status = 'withdrawn' THEN 'withdrawn control: not applicable' END) AS explanation
FROM srm.control c
CROSS JOIN srm.service s
LEFT JOIN srm.control_layer cl ON cl.framework_id = c.framework_id AND cl.control_id = c.control_id
LEFT JOIN srm_internal.service_layer_effective e
       ON e.provider = s.provider AND e.service_namespace = s.service_namespace AND e.layer_id = cl.layer_id
LEFT JOIN srm.layer l ON l.layer_id = cl.layer_id
GROUP BY c.framework_id, c.control_id, c.status, c.organizational, s.provider, s.service_namespace;
COMMENT ON VIEW srm.control_service IS
    'the derived responsibility of every control on every service, before overrides: the union over the layers the control acts on; for organizational controls the organizational parties (plus a partner of the layers); withdrawn controls are not applicable';

-- controls on services, before overrides: what the view above says, without
-- its explanation, for the given controls and services only (the audit and
-- the per-asset functions use it)
CREATE FUNCTION srm_internal.derived_responsibilities(framework_id text, control_ids text[], provider text,
                                             service_namespaces text[])
RETURNS TABLE (control_id text, service_namespace text, responsibility srm.responsibility)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT c.control_id, s.service_namespace,
       CASE WHEN c.status = 'withdrawn' THEN 'not applicable'::srm.responsibility
            WHEN c.organizational
                 THEN srm_internal.organizational_responsibility(srm.responsibility_agg(coalesce(sl.responsibility, ml.responsibility)))
            ELSE srm.responsibility_agg(coalesce(sl.responsibility, ml.responsibility))
       END
FROM srm.control c
JOIN srm.service s
  ON s.provider = derived_responsibilities.provider
 AND s.service_namespace = ANY (derived_responsibilities.service_namespaces)
LEFT JOIN srm.control_layer cl ON cl.framework_id = c.framework_id AND cl.control_id = c.control_id
LEFT JOIN srm.service_model_layer ml ON ml.model_id = s.model_id AND ml.layer_id = cl.layer_id
LEFT JOIN srm.service_layer sl
  ON sl.provider = s.provider AND sl.service_namespace = s.service_namespace AND sl.layer_id = cl.layer_id
WHERE c.framework_id = derived_responsibilities.framework_id
  AND c.control_id = ANY (derived_responsibilities.control_ids)
GROUP BY c.control_id, c.status, c.organizational, s.service_namespace;
END;
COMMENT ON FUNCTION srm_internal.derived_responsibilities(text, text[], text, text[]) IS
    'the derived responsibility of the given controls on the given services, before overrides (the same as srm.control_service, without the explanation)';

-- one control on one service
CREATE FUNCTION srm_internal.derived_responsibility(framework_id text, control_id text, provider text, service_namespace text)
RETURNS srm.responsibility
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT d.responsibility
FROM srm_internal.derived_responsibilities(derived_responsibility.framework_id, ARRAY[derived_responsibility.control_id],
                                  derived_responsibility.provider, ARRAY[derived_responsibility.service_namespace]) d;
END;
COMMENT ON FUNCTION srm_internal.derived_responsibility(text, text, text, text) IS
    'the derived responsibility of one control on one service, before overrides (the same as srm.control_service, by index lookups)';

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

-- The customer responsibility matrix: every service x control, with
-- provider- and service-wide overrides applied
CREATE VIEW srm.matrix AS
SELECT cs.provider, cs.service_namespace, s.name AS service_name, s.model_id,
       cs.framework_id, cs.control_id, c.label, c.title, c.family_id, c.baselines, c.status,
       coalesce(o.responsibility, cs.responsibility) AS responsibility,
       srm.aws_class(coalesce(o.responsibility, cs.responsibility)) AS class,
       coalesce(o.responsibility, cs.responsibility)
           OPERATOR(srm.&) 'customer (configured, provided)'::srm.responsibility AS customer_part,
       cs.explanation
       || CASE WHEN o.override_id IS NOT NULL
               THEN '; override #' || o.override_id || ': ' || o.responsibility::text || ' (' || o.reason || ')'
               ELSE '' END AS explanation,
       o.override_id
FROM srm.control_service cs
JOIN srm.control c USING (framework_id, control_id)
JOIN srm.service s USING (provider, service_namespace)
LEFT JOIN LATERAL srm_internal.override_for(cs.provider, cs.service_namespace, NULL, NULL,
                                   cs.framework_id, cs.control_id, c.family_id) AS o ON true;
COMMENT ON VIEW srm.matrix IS
    'the customer responsibility matrix: every service x control with its responsibility, AWS class, the customer''s part and how it was derived (provider- and service-wide overrides applied)';

GRANT SELECT ON srm_internal.service_layer_effective, srm.control_service, srm.matrix TO PUBLIC;
