-- install/code/override.sql (code part): the trigger that checks and
-- normalizes the user's overrides (srm.override) as they are written.

-- Rules are checked and normalized as they are written: control ids in any
-- form people write (SI-2, AC-2(1)), names of unknown things with the
-- closest known ones.  The constraints above stay as a backstop.
CREATE FUNCTION srm_internal.override_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    c record;
    near text;
BEGIN
    IF NEW.reason IS NULL OR NEW.reason !~ '\S' THEN
        RAISE EXCEPTION 'an override needs a reason'
            USING ERRCODE = 'not_null_violation',
                  HINT = 'Say why this rule differs from the model; auditors read it.';
    END IF;
    IF NEW.control_id IS NOT NULL AND NEW.family_id IS NOT NULL THEN
        RAISE EXCEPTION 'an override names control "%" and family "%"', NEW.control_id, NEW.family_id
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Give either a control or a family (or neither, for the whole framework).';
    END IF;
    IF NOT EXISTS (SELECT FROM srm.framework f WHERE f.framework_id = NEW.framework_id) THEN
        PERFORM srm_internal.raise_unknown_framework(NEW.framework_id);
    END IF;
    IF NEW.control_id IS NOT NULL THEN
        SELECT * INTO c FROM srm.resolve_control(NEW.framework_id || ':' || NEW.control_id);
        IF c.control_id IS NULL THEN
            near := srm_internal.closest_controls(NEW.control_id, NEW.framework_id);
            RAISE EXCEPTION 'unknown control "%" in framework %', NEW.control_id, NEW.framework_id
                USING ERRCODE = 'undefined_object',
                      DETAIL = format('It was read as the control id "%s".', srm_internal.control_key(NEW.control_id)),
                      HINT = format('Closest known controls: %s.', near);
        END IF;
        NEW.control_id := c.control_id;
    END IF;
    IF NEW.family_id IS NOT NULL THEN
        NEW.family_id := lower(btrim(NEW.family_id));
        IF NOT EXISTS (SELECT FROM srm.control x
                       WHERE x.framework_id = NEW.framework_id AND x.family_id = NEW.family_id) THEN
            SELECT string_agg(DISTINCT x.family_id, ', ') INTO near FROM srm.control x
            WHERE x.framework_id = NEW.framework_id;
            RAISE EXCEPTION 'unknown control family "%" in framework %', NEW.family_id, NEW.framework_id
                USING ERRCODE = 'undefined_object',
                      HINT = CASE WHEN near IS NULL THEN format('Framework %s has no families.', NEW.framework_id)
                                  ELSE format('Known families: %s.', near) END;
        END IF;
    END IF;
    -- the scope, of the override's provider (install/code/status.sql)
    SELECT x.account_id, x.asset, x.service_namespace INTO NEW.account_id, NEW.asset, NEW.service_namespace
    FROM srm_internal.scope_checked('an override', NEW.provider, NEW.account_id, NEW.asset, NEW.service_namespace) x;
    IF NEW.asset IS NOT NULL AND NEW.provider = 'aws'
       AND (SELECT r.service_namespace FROM srm.resolve_asset(NEW.asset) r) IS NULL THEN
        PERFORM srm_internal.raise_unknown_asset(NEW.asset, 'arn', 'service');
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm_internal.override_check() IS
    'checks and normalizes an override as it is written: control ids in any usual form, clear errors for unknown names';
CREATE TRIGGER override_check BEFORE INSERT OR UPDATE ON srm.override
    FOR EACH ROW EXECUTE FUNCTION srm_internal.override_check();
