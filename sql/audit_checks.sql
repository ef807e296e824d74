-- Audits with check results (issue 12): scanners' findings (srm.finding,
-- inserted here as a loader would write them) matched to the assets of a
-- run by ARN, else by account and resource id, and to the account itself;
-- the newest result of each check counts; check_result per asset x control
-- (failed / passed / null, null wherever the customer has no part); a
-- finding loaded after a run changes nothing in it; the BI counts equal
-- counts over srm.audit_result; the report's section and the OSCAL SSP's
-- remarks on failing checks.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- two accounts: two instances, a bucket and a security group that AWS
-- Config delivered without an ARN in 111122223333; one instance in
-- 444455556666
SELECT load_config_snapshot('{"configurationItems": [
 {"resourceType": "AWS::EC2::Instance", "resourceId": "i-0aaa0000000000001", "awsAccountId": "111122223333", "awsRegion": "us-east-1",
  "ARN": "arn:aws:ec2:us-east-1:111122223333:instance/i-0aaa0000000000001"},
 {"resourceType": "AWS::EC2::Instance", "resourceId": "i-0aaa0000000000002", "awsAccountId": "111122223333", "awsRegion": "us-east-1",
  "ARN": "arn:aws:ec2:us-east-1:111122223333:instance/i-0aaa0000000000002"},
 {"resourceType": "AWS::S3::Bucket", "resourceId": "acme-logs", "awsAccountId": "111122223333", "awsRegion": "us-east-1",
  "ARN": "arn:aws:s3:::acme-logs"},
 {"resourceType": "AWS::EC2::SecurityGroup", "resourceId": "sg-0bbb0000000000001", "awsAccountId": "111122223333", "awsRegion": "us-east-1"},
 {"resourceType": "AWS::EC2::Instance", "resourceId": "i-0ccc0000000000001", "awsAccountId": "444455556666", "awsRegion": "eu-west-1",
  "ARN": "arn:aws:ec2:eu-west-1:444455556666:instance/i-0ccc0000000000001"}
]}'::jsonb, 'inline') AS loaded;
-- EC2's boundary protection (sc-7) is attested in 111122223333
INSERT INTO control_status (framework_id, control_id, account_id, service_namespace, status, evidence)
VALUES ('nist-800-53-r5', 'sc-7', '111122223333', 'ec2', 'implemented', 'security group review, monthly');

-- a load of Security Hub findings as srm.load_findings writes them
CREATE FUNCTION pg_temp.finding(load bigint, uid text, check_id text, status text, observed timestamptz, account text,
                                region text, rtype text, rid text, arn text, controls text[])
RETURNS void LANGUAGE sql AS $$
    INSERT INTO srm.finding (scanner, finding_uid, check_id, check_title, status, severity, observed_at, account_id, region,
                             resource_type, resource_id, arn, service_namespace, controls, load_id, document)
    VALUES ('security-hub', uid, check_id, check_id || ' title', status, 'medium', observed, account, region, rtype, rid, arn,
            (SELECT r.service_namespace FROM srm.resolve_asset(coalesce(arn, rid)) r), controls, load,
            jsonb_build_object('Id', uid, 'Compliance', jsonb_build_object('Status', upper(status))))
$$;
INSERT INTO finding_load (source, format, findings_read, findings_inserted, findings_unchanged, findings_rejected, accounts)
VALUES ('securityhub-2026-11-01.json', 'asff', 8, 8, 0, 0, '{111122223333,444455556666}');
SELECT
  -- EC2.8 (IMDSv2) on both instances of 111122223333: the first fails
  pg_temp.finding(1, 'sh/ec2.8/i1/a', 'EC2.8', 'failed', '2026-11-01 10:00Z', '111122223333', 'us-east-1', 'AwsEc2Instance',
                  'arn:aws:ec2:us-east-1:111122223333:instance/i-0aaa0000000000001',
                  'arn:aws:ec2:us-east-1:111122223333:instance/i-0aaa0000000000001', '{ac-3,ac-6}'),
  pg_temp.finding(1, 'sh/ec2.8/i2/a', 'EC2.8', 'passed', '2026-11-01 10:00Z', '111122223333', 'us-east-1', 'AwsEc2Instance',
                  'arn:aws:ec2:us-east-1:111122223333:instance/i-0aaa0000000000002',
                  'arn:aws:ec2:us-east-1:111122223333:instance/i-0aaa0000000000002', '{ac-3,ac-6}'),
  -- EC2.18 (unrestricted ports) on the security group, named by an ARN
  -- the inventory does not have: matched by account and resource id
  pg_temp.finding(1, 'sh/ec2.18/sg1/a', 'EC2.18', 'failed', '2026-11-01 10:00Z', '111122223333', 'us-east-1', 'AwsEc2SecurityGroup',
                  'arn:aws:ec2:us-east-1:111122223333:security-group/sg-0bbb0000000000001',
                  'arn:aws:ec2:us-east-1:111122223333:security-group/sg-0bbb0000000000001', '{ac-4,sc-7,cm-7}'),
  -- S3.5 (TLS only) passes on the bucket; S3.4 (encryption) too, and it
  -- also names si-2, where S3 leaves the customer no part
  pg_temp.finding(1, 'sh/s3.5/b/a', 'S3.5', 'passed', '2026-11-01 10:00Z', '111122223333', 'us-east-1', 'AwsS3Bucket',
                  'arn:aws:s3:::acme-logs', 'arn:aws:s3:::acme-logs', '{ac-17,sc-7,sc-8}'),
  pg_temp.finding(1, 'sh/s3.4/b/a', 'S3.4', 'passed', '2026-11-01 10:00Z', '111122223333', 'us-east-1', 'AwsS3Bucket',
                  'arn:aws:s3:::acme-logs', 'arn:aws:s3:::acme-logs', '{sc-28,si-2}'),
  -- IAM.7 (password policy) on account 111122223333 itself: fails
  pg_temp.finding(1, 'sh/iam.7/acct1/a', 'IAM.7', 'failed', '2026-11-01 10:00Z', '111122223333', 'us-east-1', 'AwsAccount',
                  'AWS::::Account:111122223333', NULL, '{ia-5}'),
  -- CloudTrail.1 on account 444455556666 (a bare id): passes
  pg_temp.finding(1, 'sh/ct.1/acct2/a', 'CloudTrail.1', 'passed', '2026-11-01 10:00Z', '444455556666', 'us-east-1', 'AwsAccount',
                  '444455556666', NULL, '{au-2,au-12}'),
  -- an instance the inventory does not have
  pg_temp.finding(1, 'sh/ec2.8/gone/a', 'EC2.8', 'failed', '2026-11-01 10:00Z', '444455556666', 'eu-west-1', 'AwsEc2Instance',
                  'arn:aws:ec2:eu-west-1:444455556666:instance/i-0ddd0000000000001',
                  'arn:aws:ec2:eu-west-1:444455556666:instance/i-0ddd0000000000001', '{ac-3,ac-6}');

SELECT run_audit('nist-800-53-r5', 'MODERATE', NULL, 'first run') AS run_1 \gset
-- the findings the run saw: 7 applied (to an asset or an account), 1 names nothing of the run
SELECT run_id, findings_through, findings_applied, findings_unmatched, gaps, gaps_failing, gaps_passing, gaps_unchecked
FROM bi_run WHERE run_id = :run_1;
-- what the run stored: one row per asset x control a finding evidences, one per account x control
SELECT account_id, asset_id, service_namespace, control_id, check_result, failed_checks, passed_checks, findings, gap
FROM audit_check WHERE run_id = :run_1 ORDER BY account_id, asset_id NULLS FIRST, control_id;

-- check results per asset x control, hand-checked: EC2.8 fails on the
-- first instance and passes on the second; the security group's EC2.18
-- fails (sc-7 fails though its status says implemented: not a gap); the
-- password policy fails ia-5 on every asset of 111122223333; CloudTrail.1
-- passes au-2 on the instance of 444455556666; si-2 of the bucket is null
-- (no customer part) though S3.4 names it
SELECT a.resource_id, r.control_id, r.customer_part, r.status, r.gap, r.check_result, r.failed_checks
FROM audit_result r JOIN asset a USING (asset_id)
WHERE r.run_id = :run_1 AND r.control_id IN ('ac-3', 'ac-6', 'ac-4', 'sc-7', 'cm-7', 'ac-17', 'sc-8', 'sc-28', 'si-2', 'ia-5', 'au-2', 'au-12')
ORDER BY a.resource_id, r.control_id;
-- no check result where the customer has no part, and every other pair is unchecked
SELECT count(*) FILTER (WHERE customer_part = 'not applicable' AND check_result IS NOT NULL) AS results_without_customer_part,
       count(*) FILTER (WHERE check_result IS NULL) AS unchecked, count(*) FILTER (WHERE check_result = 'failed') AS failed,
       count(*) FILTER (WHERE check_result = 'passed') AS passed, count(*) AS pairs
FROM audit_result WHERE run_id = :run_1;

-- newer results: EC2.8 now passes on the first instance (observed later);
-- an older failing EC2.8 result of the second instance, loaded late, does
-- not replace its newer passing one; the password policy is fixed
INSERT INTO finding_load (source, format, findings_read, findings_inserted, findings_unchanged, findings_rejected, accounts)
VALUES ('securityhub-2026-11-10.json', 'asff', 3, 3, 0, 0, '{111122223333}');
SELECT
  pg_temp.finding(2, 'sh/ec2.8/i1/a', 'EC2.8', 'passed', '2026-11-10 10:00Z', '111122223333', 'us-east-1', 'AwsEc2Instance',
                  'arn:aws:ec2:us-east-1:111122223333:instance/i-0aaa0000000000001',
                  'arn:aws:ec2:us-east-1:111122223333:instance/i-0aaa0000000000001', '{ac-3,ac-6}'),
  pg_temp.finding(2, 'sh/ec2.8/i2/old', 'EC2.8', 'failed', '2026-10-15 10:00Z', '111122223333', 'us-east-1', 'AwsEc2Instance',
                  'arn:aws:ec2:us-east-1:111122223333:instance/i-0aaa0000000000002',
                  'arn:aws:ec2:us-east-1:111122223333:instance/i-0aaa0000000000002', '{ac-3,ac-6}'),
  pg_temp.finding(2, 'sh/iam.7/acct1/a', 'IAM.7', 'passed', '2026-11-10 10:00Z', '111122223333', 'us-east-1', 'AwsAccount',
                  'AWS::::Account:111122223333', NULL, '{ia-5}');
SELECT run_audit('nist-800-53-r5', 'MODERATE', NULL, 'second run') AS run_2 \gset
-- the first run answers as it did; the second sees the newest results
SELECT r.run_id, a.resource_id, r.control_id, r.check_result, r.failed_checks
FROM audit_result r JOIN asset a USING (asset_id)
WHERE r.run_id IN (:run_1, :run_2) AND r.control_id IN ('ac-3', 'ia-5') AND a.account_id = '111122223333'
ORDER BY a.resource_id, r.control_id, r.run_id;
SELECT run_id, findings_through, findings_applied, findings_unmatched, gaps, gaps_failing, gaps_passing, gaps_unchecked
FROM bi_run WHERE run_id IN (:run_1, :run_2) ORDER BY run_id;
-- even with the findings gone, a run keeps its answer
DELETE FROM finding_load WHERE load_id = 1;
SELECT count(*) AS findings_left FROM finding;
SELECT run_id, count(*) FILTER (WHERE check_result = 'failed') AS failed, count(*) FILTER (WHERE check_result = 'passed') AS passed
FROM audit_result WHERE run_id IN (:run_1, :run_2) GROUP BY run_id ORDER BY run_id;

-- the BI counts equal counts over srm.audit_result, per run x account x service x family
CREATE TEMPORARY TABLE by_pairs AS
SELECT r.run_id, r.account_id, r.service_namespace, r.framework_id, coalesce(c.family_id, c.control_id) AS family_id,
       count(*) AS customer_gaps, count(*) FILTER (WHERE r.check_result = 'failed') AS failing,
       count(*) FILTER (WHERE r.check_result = 'passed') AS passing_unattested,
       count(*) FILTER (WHERE r.check_result IS NULL) AS unchecked
FROM audit_result r JOIN control c USING (framework_id, control_id)
WHERE r.gap AND r.run_id IN (:run_1, :run_2)
GROUP BY 1, 2, 3, 4, 5;
SELECT (SELECT count(*) FROM by_pairs) AS groups,
       (SELECT count(*) FROM (SELECT * FROM by_pairs
                              EXCEPT SELECT run_id, account_id, service_namespace, framework_id, family_id, customer_gaps, failing,
                                            passing_unattested, unchecked FROM bi_check_results) x) AS missing_from_bi,
       (SELECT count(*) FROM (SELECT run_id, account_id, service_namespace, framework_id, family_id, customer_gaps, failing,
                                     passing_unattested, unchecked FROM bi_check_results
                              EXCEPT SELECT * FROM by_pairs) x) AS extra_in_bi;
-- and per run (srm.bi_run)
SELECT b.run_id, b.gaps_failing = p.failing AND b.gaps_passing = p.passing AND b.gaps_unchecked = p.unchecked AS equal
FROM bi_run b
JOIN (SELECT run_id, sum(failing) AS failing, sum(passing_unattested) AS passing, sum(unchecked) AS unchecked
      FROM by_pairs GROUP BY run_id) p USING (run_id)
ORDER BY b.run_id;
-- the families of 111122223333 with a checked gap, run 1
SELECT service_namespace, family_id, family_title, customer_gaps, failing, passing_unattested, unchecked
FROM bi_check_results WHERE run_id = :run_1 AND account_id = '111122223333' AND failing + passing_unattested > 0
ORDER BY service_namespace, family_id;

-- a catalog that renames every control of run 1 after the run changes
-- nothing in what the run says of its checks: srm.bi_check_results, the
-- report's failing checks (their control's label and title) and the SSP's
-- remarks take the titles the run kept (rolled back)
CREATE FUNCTION pg_temp.checks_seen(rid bigint) RETURNS TABLE (what text, digest text) LANGUAGE sql AS $f$
SELECT 'bi_check_results', md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM srm.bi_check_results b WHERE b.run_id = rid
UNION ALL SELECT 'failing checks table', md5(substring(srm.report_html(rid) FROM '<table class="checks".*?</table>'))
UNION ALL SELECT 'ssp remarks', md5(string_agg(r #>> '{}', E'\n' ORDER BY r #>> '{}'))
          FROM jsonb_path_query(srm.oscal_ssp(rid), 'strict $.**.remarks') r
$f$;
CREATE TEMP TABLE checks_before AS SELECT * FROM pg_temp.checks_seen(:run_1);
BEGIN;
\set rename_run :run_1
\i :abs_srcdir/sql/include/rename_run_controls.sql
SELECT b.what, b.digest IS NOT NULL AS measured, b.digest = n.digest AS unchanged_by_renames
FROM checks_before b JOIN pg_temp.checks_seen(:run_1) n USING (what)
ORDER BY 1;
-- (the renamed titles are there to be seen: a run made now reports them)
SELECT count(*) > 0 AS catalog_renamed FROM control WHERE title LIKE '%(renamed after the run)';
ROLLBACK;

-- one asset's rows are an index probe (no sequential scan of a run's tables)
SET enable_seqscan = off;
CREATE FUNCTION pg_temp.plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q; END $$;
SELECT count(*) FILTER (WHERE p ~ 'Seq Scan') AS seq_scans
FROM pg_temp.plan(format('SELECT * FROM srm.audit_result WHERE run_id = %s AND asset_id = 1', :run_1)) p;
SELECT count(*) AS pairs, count(check_result) AS checked FROM audit_result WHERE run_id = :run_1 AND asset_id = 1;
RESET enable_seqscan;

-- the report: customer gaps split by check result, the failing checks
SELECT report_html(:run_1) AS html \gset
SELECT substring(:'html' FROM '<h2 id="checks">.*?</h2>') AS heading,
       (regexp_match(:'html', 'id="gaps-failing">([^<]*)<'))[1] AS failing,
       (regexp_match(:'html', 'id="gaps-passing">([^<]*)<'))[1] AS passing,
       (regexp_match(:'html', 'id="gaps-unchecked">([^<]*)<'))[1] AS unchecked,
       :'html' LIKE '%<svg id="chart-checks"%' AS chart;
SELECT regexp_replace(m[1], '<[^>]+>', ' ', 'g') AS failing_check
FROM regexp_matches(substring(:'html' FROM '<table class="checks".*?</table>'), '<tr><td class="id">(.*?)</tr>', 'g') m
ORDER BY 1;
-- the OSCAL SSP states the failing checks in the by-components' remarks
SELECT bc ->> 'remarks' AS remarks
FROM jsonb_path_query(oscal_ssp(:run_1),
                      '$."system-security-plan"."control-implementation"."implemented-requirements"[*] ? (@."control-id" == "ac-3" || @."control-id" == "ia-5")."by-components"[*]') bc
WHERE bc ? 'remarks'
ORDER BY 1;
-- a run of the second findings: no failing check on ac-3 any more
SELECT count(*) AS remarks_with_failing_checks
FROM jsonb_path_query(oscal_ssp(:run_2),
                      '$."system-security-plan"."control-implementation"."implemented-requirements"[*] ? (@."control-id" == "ac-3")."by-components"[*]') bc
WHERE bc ->> 'remarks' LIKE '%Failing checks%';

-- a run before 0.5.0 has no check results: null, and the report says so
UPDATE audit_run SET findings_through = NULL, findings_applied = NULL, findings_unmatched = NULL,
                     gaps_failing = NULL, gaps_passing = NULL WHERE run_id = :run_2;
DELETE FROM audit_check WHERE run_id = :run_2;
SELECT gaps_failing, gaps_passing, gaps_unchecked FROM bi_run WHERE run_id = :run_2;
SELECT count(*) AS rows FROM bi_check_results WHERE run_id = :run_2;
SELECT substring(report_html(:run_2) FROM '<h2 id="checks">.*?</section>') AS section;
