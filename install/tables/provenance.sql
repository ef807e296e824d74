-- install/tables/provenance.sql (table part): what a control status says
-- about who set it and when (srm.control_status.backdate_reason beside
-- assessed_by and assessed_at), and the append-only history of every change
-- of a status (srm.control_status_history).  The rules are enforced by the
-- triggers of install/code/provenance.sql.

-------------------------------------------------------------------------------
-- Provenance of a status
-------------------------------------------------------------------------------

ALTER TABLE srm.control_status ADD COLUMN backdate_reason text;
COMMENT ON COLUMN srm.control_status.assessed_by IS
    'who set the status: always the session''s login role (session_user) as the server saw it, whatever the writer gives';
COMMENT ON COLUMN srm.control_status.assessed_at IS
    'when the status was assessed: the server''s time of the write unless the writer gives an earlier time with a backdate_reason; never in the future';
COMMENT ON COLUMN srm.control_status.backdate_reason IS
    'why assessed_at lies before the time the server recorded the status (required then, null otherwise)';

-------------------------------------------------------------------------------
-- History of statuses: append-only
-------------------------------------------------------------------------------

CREATE TABLE srm.control_status_history (
    history_id bigserial PRIMARY KEY,
    status_id  bigint NOT NULL,
    operation  text NOT NULL CHECK (operation IN ('insert', 'update', 'delete', 'truncate')),
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    old_row    jsonb,
    new_row    jsonb,
    CHECK ((old_row IS NULL) = (operation = 'insert') AND (new_row IS NULL) = (operation IN ('delete', 'truncate')))
);
COMMENT ON TABLE srm.control_status_history IS
    'every insert, update and delete of a control status (and every status a TRUNCATE removed), as written: the row before (old_row) and after (new_row), the session''s login role and the server''s time. Append-only: written by srm''s trigger alone, never updated, deleted or truncated (a trigger refuses it, even to the owner). Kept by pg_dump.';
CREATE INDEX ON srm.control_status_history (status_id);
SELECT pg_catalog.pg_extension_config_dump('srm.control_status_history', '');
SELECT pg_catalog.pg_extension_config_dump('srm.control_status_history_history_id_seq', '');

-- readable by every role, as the statuses are; written by no role but
-- through the trigger (a SECURITY DEFINER function)
REVOKE ALL ON srm.control_status_history FROM PUBLIC;
GRANT SELECT ON srm.control_status_history TO PUBLIC;
