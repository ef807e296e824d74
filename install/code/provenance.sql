-- install/code/provenance.sql (code part): the provenance of control
-- statuses (who set a status and when, as the server saw it) and their
-- append-only history.

-- whether this session restores statuses as they were (a dump): the setting
-- srm.keep_provenance = on, honoured for a superuser's session only
CREATE FUNCTION srm_internal.keeping_provenance()
RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT coalesce(nullif(current_setting('srm.keep_provenance', true), '')::boolean, false) THEN
        RETURN false;
    END IF;
    IF NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user) THEN
        RAISE EXCEPTION 'srm.keep_provenance is for a superuser restoring a dump'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = format('Role %I is not a superuser; its statuses record it as their author and the server''s time.', session_user),
                  HINT = 'RESET srm.keep_provenance.';
    END IF;
    RETURN true;
END
$$;
COMMENT ON FUNCTION srm_internal.keeping_provenance() IS
    'whether the session keeps statuses'' assessed_by, assessed_at and backdate_reason as written and records no history (setting srm.keep_provenance = on, for restoring a dump; an error for a role that is not a superuser)';

-- who and when, as the server sees it
CREATE FUNCTION srm_internal.control_status_provenance()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF srm_internal.keeping_provenance() THEN
        RETURN NEW;
    END IF;
    NEW.assessed_by := session_user;
    -- an update that leaves the time alone is a new assessment, now
    IF TG_OP = 'UPDATE' AND NEW.assessed_at IS NOT DISTINCT FROM OLD.assessed_at THEN
        NEW.assessed_at := now();
        NEW.backdate_reason := NULL;
        RETURN NEW;
    END IF;
    NEW.assessed_at := coalesce(NEW.assessed_at, now());
    IF NEW.assessed_at > clock_timestamp() THEN
        RAISE EXCEPTION 'a control status cannot be assessed in the future (%)', NEW.assessed_at
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('The server''s time is %s.', clock_timestamp()),
                  HINT = 'Leave assessed_at out: it is the server''s time of the write.';
    END IF;
    IF NEW.assessed_at < now() THEN
        IF coalesce(NEW.backdate_reason, '') !~ '\S' THEN
            RAISE EXCEPTION 'a back-dated control status needs a reason'
                USING ERRCODE = 'not_null_violation',
                      DETAIL = format('assessed_at %s lies before the server''s time %s.', NEW.assessed_at, now()),
                      HINT = 'Say why in backdate_reason, or leave assessed_at out (the server''s time). Restoring a dump? A superuser sets srm.keep_provenance = on.';
        END IF;
    ELSE
        NEW.backdate_reason := NULL;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm_internal.control_status_provenance() IS
    'sets a control status''s assessed_by to the session''s login role and assessed_at to the server''s time unless back-dated with a reason; refuses a future time';
CREATE TRIGGER control_status_provenance BEFORE INSERT OR UPDATE ON srm.control_status
    FOR EACH ROW EXECUTE FUNCTION srm_internal.control_status_provenance();

-- every change, into the history (as the owner: no role can write the
-- history directly)
CREATE FUNCTION srm_internal.control_status_log()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF srm_internal.keeping_provenance() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO srm.control_status_history (status_id, operation, changed_by, changed_at, old_row)
        SELECT s.status_id, 'truncate', session_user, now(), to_jsonb(s)
        FROM srm.control_status s ORDER BY s.status_id;
    ELSE
        INSERT INTO srm.control_status_history (status_id, operation, changed_by, changed_at, old_row, new_row)
        VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.status_id ELSE NEW.status_id END, lower(TG_OP), session_user, now(),
                CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
                CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION srm_internal.control_status_log() IS
    'appends every insert, update and delete of a control status (and the statuses a TRUNCATE removes) to srm.control_status_history';
REVOKE EXECUTE ON FUNCTION srm_internal.control_status_log() FROM PUBLIC;
CREATE TRIGGER control_status_log AFTER INSERT OR UPDATE OR DELETE ON srm.control_status
    FOR EACH ROW EXECUTE FUNCTION srm_internal.control_status_log();
CREATE TRIGGER control_status_log_truncate BEFORE TRUNCATE ON srm.control_status
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.control_status_log();

-- the history is append-only, for its owner too
CREATE FUNCTION srm_internal.control_status_history_append_only()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'srm.control_status_history is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'The history of statuses is never changed. To prune it deliberately, the table''s owner disables its triggers first (ALTER TABLE srm.control_status_history DISABLE TRIGGER USER) and enables them again after.';
END
$$;
COMMENT ON FUNCTION srm_internal.control_status_history_append_only() IS
    'refuses every UPDATE, DELETE and TRUNCATE of srm.control_status_history';
CREATE TRIGGER control_status_history_append_only BEFORE UPDATE OR DELETE ON srm.control_status_history
    FOR EACH ROW EXECUTE FUNCTION srm_internal.control_status_history_append_only();
CREATE TRIGGER control_status_history_append_only_truncate BEFORE TRUNCATE ON srm.control_status_history
    FOR EACH STATEMENT EXECUTE FUNCTION srm_internal.control_status_history_append_only();

-- an override's author and time, as the server sees them (since 0.5.0): set
-- when it is written, kept by an update; restored as dumped with
-- srm.keep_provenance = on
CREATE FUNCTION srm_internal.override_provenance()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF srm_internal.keeping_provenance() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := session_user;
        NEW.created_at := now();
    ELSE
        NEW.created_by := OLD.created_by;
        NEW.created_at := OLD.created_at;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm_internal.override_provenance() IS
    'sets an override''s created_by to the session''s login role and created_at to the server''s time when it is inserted, and keeps both through updates (unless srm.keep_provenance restores a dump)';
CREATE TRIGGER override_provenance BEFORE INSERT OR UPDATE ON srm.override
    FOR EACH ROW EXECUTE FUNCTION srm_internal.override_provenance();
