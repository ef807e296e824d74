-- install/tables/teams.sql (table part): teams, the PostgreSQL roles whose
-- members read and write the rows of some accounts (srm.team_account), and
-- the accounts of each load (srm.asset_load.accounts), by which row-level
-- security scopes loads.  The policies are in install/code/teams.sql.

-------------------------------------------------------------------------------
-- Teams
-------------------------------------------------------------------------------

CREATE TABLE srm.team_account (
    team       name NOT NULL,
    -- an AWS account id, an Azure subscription id, a Google Cloud project id
    account_id text CHECK (account_id ~ '^[0-9]{12}$'
                              OR account_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                              OR account_id ~ '^[a-z][a-z0-9-]{4,28}[a-z0-9]$'),
    UNIQUE NULLS NOT DISTINCT (team, account_id)
);
COMMENT ON TABLE srm.team_account IS
    'the accounts of each team: a team is a PostgreSQL role, and its members (pg_has_role MEMBER) read and write the rows of its accounts in every account-scoped table (assets, loads and rejections, statuses, overrides, audit runs and their rows); a row with account_id null lets the team write the rows that have no account (provider- and service-wide statuses and overrides). Written by srm''s owner only; every role reads the rows of its own teams. Kept by pg_dump.';
COMMENT ON COLUMN srm.team_account.team IS
    'the role whose members form the team; it must exist when the row is written (a row of a role dropped later grants nothing)';
COMMENT ON COLUMN srm.team_account.account_id IS
    'an AWS account id (12 digits), an Azure subscription id (a UUID) or a Google Cloud project id (6 to 30 lower-case letters, digits and hyphens, starting with a letter, not ending with a hyphen), or null: the rows that have no account';
SELECT pg_catalog.pg_extension_config_dump('srm.team_account', '');
GRANT SELECT ON srm.team_account TO PUBLIC;

-- the accounts of a load's items, set when the load ends; the loads of a
-- team's accounts are the team's
ALTER TABLE srm.asset_load ADD COLUMN accounts text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN srm.asset_load.accounts IS
    'the account ids of the load''s items (accepted or rejected), set as the load ends: a load is visible to the members of teams that have all its accounts (one with none, to the role that loaded it)';
