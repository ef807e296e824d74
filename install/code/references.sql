-- install/code/references.sql (code part): how the user's rows refer to the shipped model.
--
-- A code part of the install script (functions, views, triggers only).
-- User rows (overrides, statuses, attestations, audit runs, assets) name
-- model rows by their natural keys (framework, control, family, service,
-- resource type), checked by triggers as they are written, not held by
-- foreign keys: an upgrade reloads the shipped rows in place, and a user
-- row whose model row a new version removes is kept and reported here,
-- never dropped.

CREATE VIEW srm.unresolved_reference WITH (security_invoker = true) AS
SELECT 'srm.override'::text AS table_name, o.override_id::text AS row_key,
       'framework'::text AS refers_to, o.framework_id AS missing
FROM srm.override o
WHERE NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = o.framework_id)
UNION ALL
SELECT 'srm.override', o.override_id::text, 'control', o.framework_id || ' ' || o.control_id
FROM srm.override o
WHERE o.control_id IS NOT NULL
  AND NOT EXISTS (SELECT FROM srm.control c WHERE c.framework_id = o.framework_id AND c.control_id = o.control_id)
UNION ALL
SELECT 'srm.override', o.override_id::text, 'family', o.framework_id || ' ' || o.family_id
FROM srm.override o
WHERE o.family_id IS NOT NULL
  AND NOT EXISTS (SELECT FROM srm.control c WHERE c.framework_id = o.framework_id AND c.family_id = o.family_id)
UNION ALL
SELECT 'srm.override', o.override_id::text, 'service', o.provider || ' ' || o.service_namespace
FROM srm.override o
WHERE o.service_namespace IS NOT NULL
  AND NOT EXISTS (SELECT FROM srm.service s WHERE s.provider = o.provider AND s.service_namespace = o.service_namespace)
UNION ALL
SELECT 'srm.control_status', s.status_id::text, 'control', s.framework_id || ' ' || s.control_id
FROM srm.control_status s
WHERE NOT EXISTS (SELECT FROM srm.control c WHERE c.framework_id = s.framework_id AND c.control_id = s.control_id)
UNION ALL
SELECT 'srm.control_status', s.status_id::text, 'service', s.provider || ' ' || s.service_namespace
FROM srm.control_status s
WHERE s.service_namespace IS NOT NULL
  AND NOT EXISTS (SELECT FROM srm.service v WHERE v.provider = s.provider AND v.service_namespace = s.service_namespace)
UNION ALL
SELECT 'srm.attestation', a.provider || ' ' || a.framework_id || ' ' || a.name, 'framework', a.framework_id
FROM srm.attestation a
WHERE NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = a.framework_id)
UNION ALL
SELECT 'srm.audit_run', r.run_id::text, 'framework', r.framework_id
FROM srm.audit_run r
WHERE NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = r.framework_id)
UNION ALL
SELECT 'srm.asset', a.asset_id::text, 'resource type', a.resource_type
FROM srm.asset a
WHERE a.known_type
  AND NOT EXISTS (SELECT FROM srm.resource_type t WHERE t.resource_type = a.resource_type);
COMMENT ON VIEW srm.unresolved_reference IS
    'user rows (overrides, statuses, attestations, audit runs, assets) whose natural-key reference to a model row (framework, control, family, service, resource type) no longer resolves, because an upgrade removed that model row; such rows are kept, not applied, and listed here';

-- Run at the end of every upgrade script: one WARNING per kind of
-- reference that no longer resolves, naming the first rows.
CREATE FUNCTION srm_internal.report_unresolved_references(version text)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r record;
    total bigint := 0;
BEGIN
    FOR r IN
        SELECT u.table_name, u.refers_to, count(*) AS n,
               string_agg(u.row_key || ' (' || u.missing || ')', ', ' ORDER BY u.row_key) FILTER (WHERE u.rank <= 5) AS first
        FROM (SELECT x.*, row_number() OVER (PARTITION BY x.table_name, x.refers_to ORDER BY x.row_key) AS rank
              FROM srm.unresolved_reference x) u
        GROUP BY u.table_name, u.refers_to
        ORDER BY u.table_name, u.refers_to
    LOOP
        total := total + r.n;
        RAISE WARNING 'srm %: % row(s) of % refer to a % that this version no longer ships: %',
            version, r.n, r.table_name, r.refers_to, r.first || CASE WHEN r.n > 5 THEN ', ...' ELSE '' END
            USING DETAIL = 'The rows are kept as they are; they no longer apply to any answer or audit.',
                  HINT = 'SELECT * FROM srm.unresolved_reference lists every such row; update or delete them.';
    END LOOP;
    RETURN total;
END
$$;
COMMENT ON FUNCTION srm_internal.report_unresolved_references(text) IS
    'raises a WARNING per table and kind of model row that user rows refer to but the model no longer has; returns how many rows';

-- attestations name their framework by id, checked as they are written
CREATE FUNCTION srm_internal.attestation_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = NEW.framework_id) THEN
        PERFORM srm_internal.raise_unknown_framework(NEW.framework_id);
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm_internal.attestation_check() IS 'checks that an attestation names a known framework';
CREATE TRIGGER attestation_check BEFORE INSERT OR UPDATE ON srm.attestation
    FOR EACH ROW EXECUTE FUNCTION srm_internal.attestation_check();

GRANT SELECT ON srm.unresolved_reference TO PUBLIC;
