-- install/code/status.sql (code part): the trigger that checks control
-- statuses as they are written, and the status that applies to an asset.

-- statuses name controls and services the way people write them
CREATE FUNCTION srm_internal.control_status_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    c record;
BEGIN
    IF NEW.status IS NULL OR NEW.status NOT IN ('implemented', 'partial', 'planned', 'alternative', 'not-applicable') THEN
        RAISE EXCEPTION 'unknown implementation status "%"', NEW.status
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'OSCAL implementation-status words: implemented, partial, planned, alternative, not-applicable.';
    END IF;
    IF NEW.account_id IS NULL AND NEW.service_namespace IS NULL AND NEW.asset IS NULL THEN
        RAISE EXCEPTION 'a control status needs a scope'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Set account_id, service_namespace (optionally with account_id) or asset (an ARN).';
    END IF;
    IF NEW.account_id IS NOT NULL AND NEW.account_id !~ '^[0-9]{12}$' THEN
        RAISE EXCEPTION 'invalid AWS account id "%"', NEW.account_id
            USING ERRCODE = 'invalid_parameter_value', HINT = 'An AWS account id is 12 digits.';
    END IF;
    IF NEW.asset IS NOT NULL AND NEW.asset !~ '^arn:' THEN
        RAISE EXCEPTION 'a control status''s asset must be an ARN, not "%"', NEW.asset
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO c FROM srm.resolve_control(NEW.framework_id || ':' || NEW.control_id);
    IF c.control_id IS NULL THEN
        PERFORM srm_internal.raise_unknown_control(NEW.control_id);
    END IF;
    NEW.control_id := c.control_id;
    IF NEW.service_namespace IS NOT NULL THEN
        NEW.service_namespace := srm_internal.service_named(NEW.service_namespace);
    END IF;
    IF NEW.status IN ('implemented', 'alternative', 'not-applicable')
       AND coalesce(NEW.evidence, '') !~ '\S' AND NEW.evidence_url IS NULL THEN
        RAISE EXCEPTION 'status "%" of % needs evidence', NEW.status, c.label
            USING ERRCODE = 'not_null_violation',
                  HINT = 'Give evidence (text) or evidence_url (a link to the artefact).';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm_internal.control_status_check() IS 'checks and normalizes a control status as it is written';
CREATE TRIGGER control_status_check BEFORE INSERT OR UPDATE ON srm.control_status
    FOR EACH ROW EXECUTE FUNCTION srm_internal.control_status_check();
