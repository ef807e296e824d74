-- install/code/teams.sql (code part): row-level security per team.
--
-- A team is a PostgreSQL role; srm.team_account names its accounts.  A
-- member of a team (pg_has_role(current_user, team, 'MEMBER')) reads and
-- writes the rows of its teams' accounts in every account-scoped table;
-- rows with no account (provider- and service-wide statuses and
-- overrides) are read by every role that may read the table and written
-- by srm's owner and the teams that srm.team_account gives the account
-- null.  A role in no team reads no row of any account.  The owner of the
-- tables (and superusers, and roles with BYPASSRLS) is not subject to the
-- policies: it sees and writes everything, at full speed.
--
-- Scopes:
--   srm.asset                      its account
--   srm.asset_load                 its accounts (all of them the member's);
--                                  a load with none: the role that loaded it
--   srm.asset_load_rejection       its load
--   srm.finding                    its account
--   srm.finding_load               as srm.asset_load
--   srm.finding_load_rejection     its load
--   srm.control_status,            its account and the account in its
--   srm.override                   asset's ARN (both the member's where set);
--                                  neither: read by all, written as above
--   srm.control_status_history     the accounts of the rows before and after,
--                                  as srm.control_status (written by srm's
--                                  trigger only)
--   srm.audit_run                  its accounts, all of them the member's (a
--                                  run over every account, accounts null,
--                                  is the owner's)
--   srm.audit_asset, audit_group,  its run and its account
--   audit_finding, audit_check
--   srm.audit_default              its run
--   srm.audit_gap                  its run, and the account of a stored
--                                  group's gaps (answers)
--   srm.audit_override,            its run, and the row's own scope as in
--   audit_status                   srm.override and srm.control_status
--   srm.team_account               the rows of the reader's own teams
-- The model, the stored derivation and srm.attestation (the provider's
-- attestations, of no account) are not account-scoped.
--
-- Enabling row-level security and the policies are re-runnable (an update
-- runs this part again): each policy is dropped if it exists and created.

-------------------------------------------------------------------------------
-- Who the caller is
-------------------------------------------------------------------------------

-- the accounts of the caller's teams
CREATE FUNCTION srm_internal.team_accounts()
RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT coalesce(pg_catalog.array_agg(DISTINCT t.account_id ORDER BY t.account_id), '{}'::text[])
FROM srm.team_account t
JOIN pg_catalog.pg_roles r ON r.rolname = t.team
WHERE t.account_id IS NOT NULL AND pg_catalog.pg_has_role(CURRENT_USER, r.oid, 'MEMBER');
END;
COMMENT ON FUNCTION srm_internal.team_accounts() IS
    'the account ids of the teams (srm.team_account) the current role is a member of, sorted; empty for a role in no team';

-- whether the caller writes the rows that have no account
CREATE FUNCTION srm_internal.team_writes_unscoped()
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
SELECT EXISTS (SELECT FROM srm.team_account t
               JOIN pg_catalog.pg_roles r ON r.rolname = t.team
               WHERE t.account_id IS NULL AND pg_catalog.pg_has_role(CURRENT_USER, r.oid, 'MEMBER'));
END;
COMMENT ON FUNCTION srm_internal.team_writes_unscoped() IS
    'whether the current role is a member of a team that srm.team_account gives the account null: it writes the statuses and overrides that have no account';

-- the account of an ARN (its fifth field, when it is an account id): an
-- asset's ARN scopes a status or an override as its account_id does; so do
-- the subscription of an Azure Resource Manager id and the project of a
-- Google Cloud full resource name (0.6.0)
CREATE FUNCTION srm_internal.arn_account(arn text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.split_part(arn, ':', 5) OPERATOR(pg_catalog.~) '^[0-9]{12}$'
            THEN pg_catalog.split_part(arn, ':', 5)
            WHEN arn OPERATOR(pg_catalog.~*) '^/subscriptions/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(/|$)'
            THEN pg_catalog.lower(pg_catalog.substring(arn, 16, 36))
            WHEN arn OPERATOR(pg_catalog.~) '^//[^/]+/projects/[a-z][a-z0-9-]{4,28}[a-z0-9](/|$)'
            THEN pg_catalog.substring(arn, '^//[^/]+/projects/([^/]+)') END;
COMMENT ON FUNCTION srm_internal.arn_account(text) IS
    'the account of an asset identifier: the AWS account id in an ARN (its fifth field; null when it has none: S3 buckets, AWS managed policies), the subscription of an Azure Resource Manager id (lower case), the project of a Google Cloud full resource name (null when its path names none: buckets)';

-------------------------------------------------------------------------------
-- srm.team_account: checked as written
-------------------------------------------------------------------------------

CREATE FUNCTION srm_internal.team_account_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname = NEW.team) THEN
        RAISE EXCEPTION 'role "%" does not exist', NEW.team
            USING ERRCODE = 'undefined_object',
                  HINT = 'A team is a PostgreSQL role: CREATE ROLE it first, then GRANT it to its members.';
    END IF;
    -- an Azure subscription id is a UUID, in any case: stored in lower case
    IF NEW.account_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        NEW.account_id := lower(NEW.account_id);
    END IF;
    IF NEW.account_id IS NOT NULL
       AND NEW.account_id !~ '^([0-9]{12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z][a-z0-9-]{4,28}[a-z0-9])$' THEN
        RAISE EXCEPTION 'invalid account id "%"', NEW.account_id
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'An account is an AWS account id (12 digits), an Azure subscription id (a UUID) or a Google Cloud project id (6 to 30 lower-case letters, digits and hyphens, starting with a letter); null gives the team the rows that have no account.';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION srm_internal.team_account_check() IS
    'checks a row of srm.team_account as it is written: the team is an existing role, the account an AWS account id, an Azure subscription id (put in lower case) or a Google Cloud project id (or null)';
CREATE TRIGGER team_account_check BEFORE INSERT OR UPDATE ON srm.team_account
    FOR EACH ROW EXECUTE FUNCTION srm_internal.team_account_check();

-------------------------------------------------------------------------------
-- What audits and loads by a team member cover
-------------------------------------------------------------------------------

-- the accounts of an audit run by the caller: as given for a role the
-- policies do not apply to; for a team member, the given accounts if they
-- are all its teams', else (null) those of its teams that have assets
CREATE FUNCTION srm_internal.team_audit_accounts(accounts text[])
RETURNS text[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    mine text[];
    other text;
    loaded text[];
BEGIN
    IF NOT row_security_active('srm.asset'::regclass) THEN
        RETURN accounts;
    END IF;
    mine := srm_internal.team_accounts();
    IF cardinality(mine) = 0 THEN
        RAISE EXCEPTION 'role "%" is in no team with accounts', current_user
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'srm''s owner names a team''s accounts in srm.team_account; a team member audits those.';
    END IF;
    IF accounts IS NULL THEN
        -- the policies show the member its teams' assets only
        SELECT array_agg(DISTINCT a.account_id ORDER BY a.account_id) INTO loaded FROM srm.asset a;
        IF loaded IS NULL THEN
            RAISE EXCEPTION 'no assets are loaded for the accounts of role "%"''s teams', current_user
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Load an account''s AWS Config snapshot with srm.load_config_snapshot first.';
        END IF;
        RETURN loaded;
    END IF;
    SELECT string_agg(DISTINCT a, ', ' ORDER BY a) INTO other FROM unnest(accounts) a WHERE a <> ALL (mine);
    IF other IS NOT NULL THEN
        RAISE EXCEPTION 'account % is not an account of role "%"''s teams', other, current_user
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Audit the accounts of your teams (srm.team_account), or leave accounts null for all of them.';
    END IF;
    RETURN accounts;
END
$$;
COMMENT ON FUNCTION srm_internal.team_audit_accounts(text[]) IS
    'the accounts srm.run_audit covers for the current role: as given, for the owner and roles the policies do not apply to; for a team member the given accounts, each one of its teams'' (else insufficient_privilege), or for null every account of its teams with assets';

-- a load's accounts (of any provider) checked for a team member: each one
-- of its teams', else insufficient_privilege naming the others (noun:
-- account, subscription), with the loader's detail and hint; returns them
CREATE FUNCTION srm_internal.team_refuse_accounts(accounts text[], noun text, detail text, hint text)
RETURNS text[]
LANGUAGE plpgsql STABLE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    other text;
BEGIN
    IF row_security_active('srm.asset'::regclass) THEN
        SELECT string_agg(a, ', ' ORDER BY a) INTO other
        FROM unnest(accounts) a WHERE a <> ALL (srm_internal.team_accounts());
        IF other IS NOT NULL THEN
            RAISE EXCEPTION '% % is not an account of role "%"''s teams', noun, other, current_user
                USING ERRCODE = 'insufficient_privilege', DETAIL = detail, HINT = hint;
        END IF;
    END IF;
    RETURN accounts;
END
$$;
COMMENT ON FUNCTION srm_internal.team_refuse_accounts(text[], text, text, text) IS
    'the accounts a load would write, refused for a team member unless each is one of its teams'' (insufficient_privilege naming the others, with the loader''s detail and hint, before anything is written); returns them';

-- the accounts of a load's staged items (pg_temp.srm_load_item), checked
-- for a team member: each one of its teams' (else insufficient_privilege)
CREATE FUNCTION srm_internal.team_load_accounts()
RETURNS text[]
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found text[];
BEGIN
    SELECT coalesce(array_agg(DISTINCT a.account_id ORDER BY a.account_id), '{}') INTO found
    FROM pg_temp.srm_load_item i
    CROSS JOIN LATERAL (SELECT btrim(coalesce(i.item ->> 'awsAccountId', i.item ->> 'accountId')) AS account_id) a
    WHERE jsonb_typeof(i.item) = 'object' AND a.account_id ~ '^[0-9]{12}$';
    RETURN srm_internal.team_refuse_accounts(found, 'account', 'The snapshot has configuration items of that account.',
                                             'Load the snapshots of your teams'' accounts only (srm.team_account).');
END
$$;
COMMENT ON FUNCTION srm_internal.team_load_accounts() IS
    'the account ids of the items a load staged, for srm.asset_load.accounts; for a team member each must be one of its teams'' (else insufficient_privilege, before anything is written)';

-- statistics for the planner after a load or an audit, whoever runs it:
-- ANALYZE is the owner's, so this runs with the owner's rights, on the
-- five tables it is for only
CREATE FUNCTION srm_internal.analyze_user_table(tbl regclass)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF tbl NOT IN ('srm.asset'::regclass, 'srm.audit_asset'::regclass, 'srm.audit_group'::regclass,
                   'srm.audit_default'::regclass, 'srm.audit_gap'::regclass) THEN
        RAISE EXCEPTION 'srm does not analyze %', tbl
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    EXECUTE format('ANALYZE %s', tbl);
END
$$;
COMMENT ON FUNCTION srm_internal.analyze_user_table(regclass) IS
    'ANALYZE of srm.asset, srm.audit_asset, srm.audit_group, srm.audit_default or srm.audit_gap with the owner''s rights, so that loads and audits by team members leave fresh statistics (and no warning)';

-- statistics after a load, by the server's own rule for stale statistics:
-- autovacuum analyzes a table once the rows changed since its last ANALYZE
-- exceed autovacuum_analyze_threshold + autovacuum_analyze_scale_factor *
-- reltuples (the table's own settings first).  A load whose own rows
-- (inserted + updated) exceed that, or the first load, analyzes at once, so
-- that the audit that follows plans with fresh statistics; a small load
-- into a large inventory (a daily delta) does not pay for an ANALYZE of the
-- whole table.  Small loads add up in the statistics system's count of
-- changes, and autovacuum analyzes when they pass the same threshold.  The
-- count is not read here: a load through the SQL functions analyzes inside
-- its own transaction, whose changes reach the count only after it
-- commits, after the ANALYZE that reset it, so the next load would count
-- them again.
CREATE FUNCTION srm_internal.analyze_after_load(changed bigint)
RETURNS boolean
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    tuples float8;
    opts text[];
    threshold float8;
    scale float8;
BEGIN
    SELECT c.reltuples, c.reloptions INTO tuples, opts FROM pg_class c WHERE c.oid = 'srm.asset'::regclass;
    threshold := coalesce((SELECT substr(o, length('autovacuum_analyze_threshold=') + 1)::float8
                           FROM unnest(opts) o WHERE o LIKE 'autovacuum\_analyze\_threshold=%'),
                          current_setting('autovacuum_analyze_threshold')::float8);
    scale := coalesce((SELECT substr(o, length('autovacuum_analyze_scale_factor=') + 1)::float8
                       FROM unnest(opts) o WHERE o LIKE 'autovacuum\_analyze\_scale\_factor=%'),
                      current_setting('autovacuum_analyze_scale_factor')::float8);
    -- reltuples is -1 until the table is first analyzed or vacuumed
    IF tuples >= 0 AND changed <= threshold + scale * tuples THEN
        RETURN false;
    END IF;
    ANALYZE srm.asset;
    RETURN true;
END
$$;
COMMENT ON FUNCTION srm_internal.analyze_after_load(bigint) IS
    'after a load that inserted or updated "changed" assets: ANALYZE srm.asset (with the owner''s rights) when the table has never been analyzed or when changed exceeds autovacuum''s analyze threshold (autovacuum_analyze_threshold + autovacuum_analyze_scale_factor * reltuples, the table''s own settings first); true when it analyzed';

-------------------------------------------------------------------------------
-- The policies
-------------------------------------------------------------------------------

ALTER TABLE srm.team_account ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.team_account;
CREATE POLICY team_member ON srm.team_account FOR SELECT
    USING (team IN (SELECT r.rolname FROM pg_catalog.pg_roles r
                    WHERE pg_catalog.pg_has_role(CURRENT_USER, r.oid, 'MEMBER')));

ALTER TABLE srm.asset ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.asset;
CREATE POLICY team_member ON srm.asset
    USING (account_id = ANY ((SELECT srm_internal.team_accounts())::text[]));

ALTER TABLE srm.asset_load ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.asset_load;
CREATE POLICY team_member ON srm.asset_load
    USING (accounts <@ (SELECT srm_internal.team_accounts())
           AND (cardinality(accounts) > 0 OR loaded_by = CURRENT_USER::text));

ALTER TABLE srm.asset_load_rejection ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.asset_load_rejection;
CREATE POLICY team_member ON srm.asset_load_rejection
    USING (load_id IN (SELECT l.load_id FROM srm.asset_load l));

ALTER TABLE srm.finding ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.finding;
CREATE POLICY team_member ON srm.finding
    USING (account_id = ANY ((SELECT srm_internal.team_accounts())::text[]));

ALTER TABLE srm.finding_load ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.finding_load;
CREATE POLICY team_member ON srm.finding_load
    USING (accounts <@ (SELECT srm_internal.team_accounts())
           AND (cardinality(accounts) > 0 OR loaded_by = CURRENT_USER::text));

ALTER TABLE srm.finding_load_rejection ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.finding_load_rejection;
CREATE POLICY team_member ON srm.finding_load_rejection
    USING (load_id IN (SELECT l.load_id FROM srm.finding_load l));

-- statuses and overrides: read when every account they name is the
-- member's (none: by all); written when they also name one, or by a team
-- with the account null
ALTER TABLE srm.control_status ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_read ON srm.control_status;
CREATE POLICY team_read ON srm.control_status FOR SELECT
    USING ((account_id IS NULL OR account_id = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (srm_internal.arn_account(asset) IS NULL
                OR srm_internal.arn_account(asset) = ANY ((SELECT srm_internal.team_accounts())::text[])));
DROP POLICY IF EXISTS team_write ON srm.control_status;
CREATE POLICY team_write ON srm.control_status
    USING ((account_id IS NULL OR account_id = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (srm_internal.arn_account(asset) IS NULL
                OR srm_internal.arn_account(asset) = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (account_id IS NOT NULL OR srm_internal.arn_account(asset) IS NOT NULL
                OR (SELECT srm_internal.team_writes_unscoped())));

-- the history of statuses: a change is read when every account its rows
-- (before and after) name is the member's, as the statuses themselves;
-- written only by srm's trigger, with the owner's rights
ALTER TABLE srm.control_status_history ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_read ON srm.control_status_history;
CREATE POLICY team_read ON srm.control_status_history FOR SELECT
    USING (NOT EXISTS (SELECT FROM (VALUES (old_row), (new_row)) AS v(r)
                       WHERE v.r IS NOT NULL
                         AND ((v.r->>'account_id' IS NOT NULL
                               AND NOT v.r->>'account_id' = ANY ((SELECT srm_internal.team_accounts())::text[]))
                              OR (srm_internal.arn_account(v.r->>'asset') IS NOT NULL
                                  AND NOT srm_internal.arn_account(v.r->>'asset') = ANY ((SELECT srm_internal.team_accounts())::text[])))));

ALTER TABLE srm.override ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_read ON srm.override;
CREATE POLICY team_read ON srm.override FOR SELECT
    USING ((account_id IS NULL OR account_id = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (srm_internal.arn_account(asset) IS NULL
                OR srm_internal.arn_account(asset) = ANY ((SELECT srm_internal.team_accounts())::text[])));
DROP POLICY IF EXISTS team_write ON srm.override;
CREATE POLICY team_write ON srm.override
    USING ((account_id IS NULL OR account_id = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (srm_internal.arn_account(asset) IS NULL
                OR srm_internal.arn_account(asset) = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (account_id IS NOT NULL OR srm_internal.arn_account(asset) IS NOT NULL
                OR (SELECT srm_internal.team_writes_unscoped())));

-- audit runs: a run whose accounts are all the member's, and its rows
ALTER TABLE srm.audit_run ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_run;
CREATE POLICY team_member ON srm.audit_run
    USING (cardinality(accounts) > 0 AND accounts <@ (SELECT srm_internal.team_accounts()));

ALTER TABLE srm.audit_asset ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_asset;
CREATE POLICY team_member ON srm.audit_asset
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND account_id = ANY ((SELECT srm_internal.team_accounts())::text[]));

ALTER TABLE srm.audit_group ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_group;
CREATE POLICY team_member ON srm.audit_group
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND account_id = ANY ((SELECT srm_internal.team_accounts())::text[]));

ALTER TABLE srm.audit_finding ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_finding;
CREATE POLICY team_member ON srm.audit_finding
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND account_id = ANY ((SELECT srm_internal.team_accounts())::text[]));

ALTER TABLE srm.audit_check ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_check;
CREATE POLICY team_member ON srm.audit_check
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND account_id = ANY ((SELECT srm_internal.team_accounts())::text[]));

ALTER TABLE srm.audit_default ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_default;
CREATE POLICY team_member ON srm.audit_default
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r));

ALTER TABLE srm.audit_gap ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_gap;
CREATE POLICY team_member ON srm.audit_gap
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND (answers = '' OR answers = ANY ((SELECT srm_internal.team_accounts())::text[])));

-- a run's copies of the overrides and statuses it saw: those the member
-- may read, of its runs (a run of the owner copied every team's)
ALTER TABLE srm.audit_override ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_override;
CREATE POLICY team_member ON srm.audit_override
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND (account_id IS NULL OR account_id = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (srm_internal.arn_account(asset) IS NULL
                OR srm_internal.arn_account(asset) = ANY ((SELECT srm_internal.team_accounts())::text[])));

ALTER TABLE srm.audit_status ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_member ON srm.audit_status;
CREATE POLICY team_member ON srm.audit_status
    USING (run_id IN (SELECT r.run_id FROM srm.audit_run r)
           AND (account_id IS NULL OR account_id = ANY ((SELECT srm_internal.team_accounts())::text[]))
           AND (srm_internal.arn_account(asset) IS NULL
                OR srm_internal.arn_account(asset) = ANY ((SELECT srm_internal.team_accounts())::text[])));
