#!/usr/bin/env bash
# End-to-end check of srm.oscal_ssp on the sample inventory:
#   test/oscal/check.sh OUTDIR
# Against the server in PGHOST/PGPORT/PGUSER (the test runner starts a
# throw-away one), connecting first to PGDATABASE (default postgres), it
#   - creates a scratch database and installs srm in it;
#   - loads the sample AWS Config snapshot of tools/sample/gen_sample_snapshot.py
#     with srm.load_config_snapshot, and the Azure and Google Cloud part of
#     the sample (tools/sample/gen_sample_multicloud.py, test/lib/sample_db.sh);
#   - runs srm.run_audit('nist-800-53-r5', 'MODERATE') and
#     srm.run_audit('aws-srm'), writes OUTDIR/ssp.json and
#     OUTDIR/ssp-aws-srm.json with srm.oscal_ssp(run), checks a few facts of
#     them against the run, and validates both against NIST's OSCAL 1.1.3
#     SSP schema with test/oscal/run.sh (which first self-tests the
#     validator on NIST's example and a broken copy);
#   - drops the scratch database, also on failure.
# Needs node and npm (test/oscal/run.sh installs ajv the first time).
# Prints "oscal: PASS" and exits 0, or "oscal: FAIL: ..." and exits 1.
set -euo pipefail

# shell helpers, a scratch database with srm and the sample inventory
# shellcheck source=../lib/sample_db.sh
. "$(dirname "$0")/../lib/sample_db.sh"
sample_db_setup oscal 'oscal_ssp(bigint)' "$@"

# --- scanners' findings: EC2.8 fails on the first 10 instances with an ARN
# and passes on the next 10; IAM.7 (password policy) fails on each account
# itself; so the NIST plan's remarks name failing checks ----------------------------
q <<'SQL' || fail "cannot insert findings"
INSERT INTO srm.finding_load (source, format, findings_read, findings_inserted, findings_unchanged, findings_rejected)
VALUES ('oscal check', 'asff', 0, 0, 0, 0);
INSERT INTO srm.finding (scanner, finding_uid, check_id, status, observed_at, account_id, region, resource_type,
                         resource_id, arn, controls, load_id, document)
SELECT 'security-hub', 'ec2.8/' || a.arn, 'EC2.8', CASE WHEN a.n <= 10 THEN 'failed' ELSE 'passed' END, now(),
       a.account_id, a.region, 'AwsEc2Instance', a.arn, a.arn, '{ac-3,ac-6}'::text[], 1, '{}'::jsonb
FROM (SELECT x.*, row_number() OVER (ORDER BY x.arn) AS n FROM srm.asset x
      WHERE x.resource_type = 'AWS::EC2::Instance' AND x.arn IS NOT NULL) a
WHERE a.n <= 20
UNION ALL
SELECT 'security-hub', 'iam.7/' || a.account_id, 'IAM.7', 'failed', now(), a.account_id, 'us-east-1', 'AwsAccount',
       'AWS::::Account:' || a.account_id, NULL, '{ia-5}'::text[], 1, '{}'::jsonb
FROM (SELECT DISTINCT account_id FROM srm.asset) a;
SQL

# --- audits -----------------------------------------------------------------------
SECONDS=0
run=$(q -c "SET client_min_messages = warning" -c "SELECT srm.run_audit('nist-800-53-r5', 'MODERATE', note => 'oscal check')") \
    || fail "srm.run_audit('nist-800-53-r5', 'MODERATE') failed"
ok "audit run $run (nist-800-53-r5 MODERATE) in ${SECONDS}s"
# the run's customer gaps by check result, as srm.bi_run counts them; the
# failing ones are those the remarks below must name
split=$(q -c "SELECT gaps || ' ' || gaps_failing || ' ' || gaps_passing || ' ' || gaps_unchecked FROM srm.bi_run WHERE run_id = $run")
set -- $split
[ "${2:-0}" -gt 0 ] && [ "${3:-0}" -gt 0 ] && [ "$1" = "$(( $2 + $3 + $4 ))" ] \
    || fail "bi_run of run $run: want failing and passing gaps that add up with the unchecked ones, got '$split'"
ok "run $run: $1 customer gaps: $2 failing a check, $3 passing but unattested, $4 unchecked"
run_srm=$(q -c "SET client_min_messages = warning" -c "SELECT srm.run_audit('aws-srm')") \
    || fail "srm.run_audit('aws-srm') failed"
ok "audit run $run_srm (aws-srm)"

# --- the plans ----------------------------------------------------------------------
SECONDS=0
q -c "SELECT srm.oscal_ssp($run)" >"$out/ssp.json" || fail "srm.oscal_ssp($run) failed"
ok "wrote $out/ssp.json ($(wc -c <"$out/ssp.json" | tr -d ' ') bytes) in ${SECONDS}s"
q -c "SELECT srm.oscal_ssp($run_srm)" >"$out/ssp-aws-srm.json" || fail "srm.oscal_ssp($run_srm) failed"
ok "wrote $out/ssp-aws-srm.json ($(wc -c <"$out/ssp-aws-srm.json" | tr -d ' ') bytes)"

# facts of the plan against the run (the document read back by the server
# from what was written, so the file itself is what is checked)
for pair in "$run:ssp.json" "$run_srm:ssp-aws-srm.json"; do
    r=${pair%%:*}
    file=${pair#*:}
    # the run's control x service pairs: its findings, and the answers of
    # the services of its groups that are not stored (compact runs); a
    # service is its provider's (the sample has AWS's iam and Google's iam)
    cs="(SELECT control_id, provider, service_namespace FROM srm.audit_finding WHERE run_id = $r
         UNION SELECT d.control_id, d.provider, d.service_namespace FROM srm.audit_default d
         JOIN srm.audit_group g ON g.run_id = d.run_id AND g.provider = d.provider
          AND g.service_namespace = d.service_namespace AND NOT g.stored
         WHERE d.run_id = $r) cs"
    facts=$(q -F ' ' <<SQL
\\set doc \`cat '$out/$file'\`
WITH d AS (SELECT (:'doc')::jsonb AS doc),
     irs AS (SELECT ir FROM d, jsonb_path_query(doc, '\$.*."control-implementation"."implemented-requirements"[*]') ir)
SELECT (SELECT count(*) FROM irs)
           = (SELECT count(DISTINCT control_id) FROM $cs),
       (SELECT count(*) FROM irs, jsonb_array_elements(ir -> 'by-components') b)
           = (SELECT count(DISTINCT control_id) + count(DISTINCT (control_id, provider, service_namespace)) FROM $cs),
       (SELECT jsonb_array_length(doc #> '{system-security-plan,system-implementation,components}') FROM d)
           = 1 + (SELECT count(DISTINCT (provider, service_namespace)) FROM $cs),
       (SELECT doc #>> '{system-security-plan,metadata,version}' FROM d) = 'run-$r',
       (SELECT bool_and(EXISTS (SELECT FROM srm.control c, srm.audit_run x
                                WHERE x.run_id = $r AND c.framework_id = x.framework_id AND c.control_id = ir ->> 'control-id'))
        FROM irs),
       (SELECT count(*) FROM d, jsonb_path_query(doc, 'strict \$.** ? (exists (@.uuid)).uuid') u)
           = (SELECT count(DISTINCT u) FROM d, jsonb_path_query(doc, 'strict \$.** ? (exists (@.uuid)).uuid') u),
       (SELECT md5(doc::text) FROM d) = md5(srm.oscal_ssp($r)::text);
SQL
) || fail "cannot read back $file"
    [ "$facts" = "t t t t t t t" ] \
        || fail "$file: want every fact true (requirements = controls, by-components = controls + control x services, components = 1 + services, version, control ids in srm.control, unique uuids, same document again), got: $facts"
    ok "$file: one requirement per control, one by-component per control x service, unique uuids, deterministic"
done
# the NIST plan names the failing checks in the remarks of the by-components
failing=$(q <<SQL
\\set doc \`cat '$out/ssp.json'\`
SELECT count(*) FILTER (WHERE b ->> 'remarks' LIKE '%Failing checks: %security-hub EC2.8 on 10 assets%') || ' '
    || count(*) FILTER (WHERE b ->> 'remarks' LIKE '%security-hub IAM.7 on account %')
FROM jsonb_path_query((:'doc')::jsonb, '\$.*."control-implementation"."implemented-requirements"[*]."by-components"[*]') b;
SQL
) || fail "cannot read back ssp.json for its remarks"
case "$failing" in
    0\ *|*\ 0) fail "ssp.json: want by-components whose remarks name the failing EC2.8 and IAM.7 checks, got $failing" ;;
esac
ok "ssp.json: remarks name failing checks (EC2.8 on $(echo "$failing" | cut -d' ' -f1) by-components, IAM.7 on $(echo "$failing" | cut -d' ' -f2))"

# the providers of the sample (AWS, Azure, Google Cloud): one leveraged
# authorization each, every service component leveraged from its own
# provider's, and inherited parts that name it
prov=$(q <<SQL
\\set doc \`cat '$out/ssp.json'\`
WITH d AS (SELECT (:'doc')::jsonb #> '{system-security-plan}' AS p)
SELECT (SELECT count(DISTINCT provider) FROM srm.audit_asset WHERE run_id = $run) || ' '
    || (SELECT jsonb_array_length(p #> '{system-implementation,leveraged-authorizations}') FROM d) || ' '
    || (SELECT count(*) FROM d, jsonb_array_elements(p #> '{system-implementation,components}') c
        WHERE c ->> 'type' = 'service'
          AND (SELECT l -> 'props' -> 0 ->> 'value' FROM jsonb_array_elements(p #> '{system-implementation,leveraged-authorizations}') l
               WHERE l ->> 'uuid' = (SELECT x ->> 'value' FROM jsonb_array_elements(c -> 'props') x
                                     WHERE x ->> 'name' = 'leveraged-authorization-uuid'))
              = coalesce((SELECT x ->> 'value' FROM jsonb_array_elements(c -> 'props') x WHERE x ->> 'name' = 'provider'), 'aws')) || ' '
    || (SELECT count(*) FROM d, jsonb_array_elements(p #> '{system-implementation,components}') c WHERE c ->> 'type' = 'service') || ' '
    || (SELECT count(*) FILTER (WHERE b ->> 'description' LIKE 'Inherited from Microsoft Azure on azure:%') || ' '
            || count(*) FILTER (WHERE b ->> 'description' LIKE 'Inherited from Google Cloud on gcp:%')
        FROM d, jsonb_path_query(p, '\$."control-implementation"."implemented-requirements"[*]."by-components"[*].inherited[*]') b)
FROM d;
SQL
) || fail "cannot read back ssp.json for its providers"
read -r n_prov n_lev n_ok n_comp n_az n_gcp <<EOF
$prov
EOF
[ "$n_prov" = "$n_lev" ] && [ "$n_ok" = "$n_comp" ] && [ "$n_prov" -lt 2 -o "$n_az$n_gcp" != 00 ] \
    || fail "ssp.json: want one leveraged authorization per provider ($n_prov), each service component leveraged from its provider's, inherited parts naming Azure and Google Cloud; got $prov"
ok "ssp.json: $n_prov provider(s), $n_lev leveraged authorizations, $n_comp service components each leveraged from its provider's; $n_az inherited parts from Microsoft Azure, $n_gcp from Google Cloud"

# --- schema validation (self-tests the validator first) ---------------------------------
sh "$top/test/oscal/run.sh" "$out/ssp.json" "$out/ssp-aws-srm.json" \
    || fail "test/oscal/run.sh rejected the plans"
echo "oscal: PASS: $out/ssp.json and $out/ssp-aws-srm.json are valid OSCAL 1.1.3 SSPs"
