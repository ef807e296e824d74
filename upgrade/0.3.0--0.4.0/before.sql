-- upgrade/0.3.0--0.4.0/before.sql: what the code and data of 0.4.0 need
-- before they are replaced in place: new tables and columns.

-------------------------------------------------------------------------------
-- issue 11 item 1, teams and row-level security (install/tables/teams.sql;
-- the policies are in the code part install/code/teams.sql, re-run below)
-------------------------------------------------------------------------------
CREATE TABLE srm.team_account (
    team       name NOT NULL,
    account_id text CHECK (account_id ~ '^[0-9]{12}$'),
    UNIQUE NULLS NOT DISTINCT (team, account_id)
);
COMMENT ON TABLE srm.team_account IS
    'the accounts of each team: a team is a PostgreSQL role, and its members (pg_has_role MEMBER) read and write the rows of its accounts in every account-scoped table (assets, loads and rejections, statuses, overrides, audit runs and their rows); a row with account_id null lets the team write the rows that have no account (provider- and service-wide statuses and overrides). Written by srm''s owner only; every role reads the rows of its own teams. Kept by pg_dump.';
COMMENT ON COLUMN srm.team_account.team IS
    'the role whose members form the team; it must exist when the row is written (a row of a role dropped later grants nothing)';
COMMENT ON COLUMN srm.team_account.account_id IS
    'an AWS account id (12 digits), or null: the rows that have no account';
SELECT pg_catalog.pg_extension_config_dump('srm.team_account', '');
GRANT SELECT ON srm.team_account TO PUBLIC;

-- the accounts of a load's items, set when the load ends; the loads of a
-- team's accounts are the team's
ALTER TABLE srm.asset_load ADD COLUMN accounts text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN srm.asset_load.accounts IS
    'the account ids of the load''s items (accepted or rejected), set as the load ends: a load is visible to the members of teams that have all its accounts (one with none, to the role that loaded it)';

-- issue 11 (provenance of statuses): install/tables/provenance.sql as 0.4.0
-- installs it; the history starts empty (statuses of 0.3.0 keep their
-- assessed_by and assessed_at as written)
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
