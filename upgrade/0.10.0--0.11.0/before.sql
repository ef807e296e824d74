-- upgrade/0.10.0--0.11.0/before.sql: what the code and data of 0.11.0 need
-- before they are replaced in place: new tables and columns.

-- issue 9: the gaps list as one join (as install/tables/audit.sql): each
-- group names the part of the run's gaps it takes, '' for its service's
-- answers, its account for a stored group's own findings
ALTER TABLE srm.audit_group ADD COLUMN answers text NOT NULL DEFAULT '';
UPDATE srm.audit_group SET answers = account_id WHERE stored;
-- a run of 0.2.0 has no groups: each account x service of its findings is
-- a stored group, of as many assets as its findings speak for on a control
-- (its group's finding and those of its assets with rules of their own)
INSERT INTO srm.audit_group (run_id, provider, account_id, service_namespace, grain, assets, stored, answers)
SELECT f.run_id, f.provider, f.account_id, f.service_namespace, f.grain, max(f.n), true, f.account_id
FROM (SELECT f.run_id, f.provider, f.account_id, f.service_namespace, f.grain, f.control_id, sum(f.assets) AS n
      FROM srm.audit_finding f
      WHERE NOT EXISTS (SELECT FROM srm.audit_group g WHERE g.run_id = f.run_id)
      GROUP BY f.run_id, f.provider, f.account_id, f.service_namespace, f.grain, f.control_id) f
GROUP BY f.run_id, f.provider, f.account_id, f.service_namespace, f.grain
HAVING max(f.n) > 0;
ALTER TABLE srm.audit_group ADD CONSTRAINT audit_group_answers CHECK ((answers = '') = (NOT stored));
COMMENT ON COLUMN srm.audit_group.answers IS
    'which gaps of the run''s srm.audit_gap its assets take: '''' for a group that is not stored (its service''s, at its grain), else its account (the stored findings of this group)';

CREATE TABLE srm.audit_gap (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    provider          text NOT NULL,
    service_namespace text NOT NULL,
    grain             text NOT NULL,
    answers           text NOT NULL,
    control_id        text NOT NULL,
    asset_id          bigint,
    asset             text,
    assets            integer CHECK (assets > 0),
    framework_id      text NOT NULL,
    family_id         text,
    label             text,
    title             text,
    family_title      text,
    responsibility    srm.responsibility NOT NULL,
    customer_part     srm.responsibility NOT NULL,
    class             srm.control_class NOT NULL,
    status            text,
    evidence          text,
    CONSTRAINT audit_gap_key UNIQUE NULLS NOT DISTINCT
        (run_id, provider, service_namespace, grain, answers, control_id, asset_id),
    CHECK ((answers = '') = (assets IS NULL) AND (asset_id IS NULL OR answers <> ''))
);
COMMENT ON TABLE srm.audit_gap IS
    'the customer gaps of an audit run as srm.bi_customer_gaps lists them, in parts that the run''s groups name (srm.audit_group.answers): answers '''', per service x grain x control, the gaps of srm.audit_default that every group not stored takes; answers an account, the gap findings of that account''s stored group in srm.audit_finding, per control (asset_id null, speaking for assets assets) and per asset x control; label and titles as the run kept them';
COMMENT ON COLUMN srm.audit_gap.answers IS
    'the part of the run''s gaps the row belongs to: '''' for its service''s answers, else the account of the stored group whose finding it is';
COMMENT ON COLUMN srm.audit_gap.asset IS
    'for a finding of one asset: its ARN as the run recorded it (srm.audit_asset.arn)';
COMMENT ON COLUMN srm.audit_gap.assets IS
    'for a stored finding: how many assets it speaks for; null in the service''s answers, where each group counts its own';

SELECT pg_catalog.pg_extension_config_dump('srm.audit_gap', '');
GRANT SELECT ON srm.audit_gap TO PUBLIC;
-- whoever may write a run's answers may write its gaps (a team's grants,
-- README "Teams"): srm.run_audit writes both
DO $$
DECLARE
    g record;
BEGIN
    FOR g IN SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END AS grantee,
                    a.privilege_type
             FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
             WHERE c.oid = 'srm.audit_default'::regclass AND a.grantee <> c.relowner
    LOOP
        EXECUTE format('GRANT %s ON srm.audit_gap TO %s', g.privilege_type, g.grantee);
    END LOOP;
END
$$;
