#!/usr/bin/env bash
# The user's rows survive pg_dump / pg_restore: overrides (with their ids,
# the sequence going on after them), the inventory, control statuses with
# their provenance (assessed_by, assessed_at, backdate_reason) and their
# history, the user's own attestations, audit runs and teams; the shipped
# model is not duplicated.  Statuses are restored with srm.keep_provenance = on (a
# superuser's deliberate step): without it the restore stops, as a status
# written now with an old time would.  Runs against the server in PGHOST/PGPORT (the test command
# starts one with pg_virtualenv).
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists srm_dump_naive; dropdb --if-exists srm_dump_src; dropdb --if-exists srm_dump_dst; dropdb --if-exists srm_dump_plain' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$@"; }
fail() { echo "dump: FAILED: $*"; exit 1; }

createdb srm_dump_src
top=$(cd "$(dirname "$0")/../.." && pwd)
q srm_dump_src -v snap="$(cat "$top/test/fixtures/snapshot_small.json")" >/dev/null <<'SQL'
CREATE EXTENSION srm;
INSERT INTO srm.override (framework_id, control_id, responsibility, reason)
VALUES ('nist-800-53-r5', 'SI-2', 'customer, partner', 'MSP patches our fleet');
INSERT INTO srm.override (service_namespace, account_id, framework_id, family_id, responsibility, reason)
VALUES ('s3', '123456789012', 'nist-800-53-r5', 'sc', 'customer (provided)', 'client-side encryption only, by policy');
INSERT INTO srm.override (asset, framework_id, control_id, responsibility, reason)
VALUES ('arn:aws:ec2:us-east-1:123456789012:instance/i-0abc', 'aws-srm', 'os-patching', 'not applicable', 'appliance AMI, vendor-patched');
DELETE FROM srm.override WHERE control_id = 'si-2';   -- leaves a gap in the ids
SELECT srm.load_config_snapshot(:'snap'::jsonb, 'fixture');
INSERT INTO srm.control_status (framework_id, control_id, account_id, status, evidence)
VALUES ('aws-srm', 'os-patching', '402918374655', 'implemented', 'SSM patch baseline');
INSERT INTO srm.control_status (framework_id, control_id, account_id, status, assessed_at, backdate_reason)
VALUES ('aws-srm', 'data', '402918374655', 'planned', '2025-06-03 11:00Z', 'auditor B''s report');
UPDATE srm.control_status SET status = 'partial' WHERE control_id = 'os-patching';
INSERT INTO srm.attestation (provider, framework_id, name, obtain_from, source)
VALUES ('aws', 'aws-srm', 'our own penetration test', 'the security team', 'user row');
SELECT srm.run_audit('aws-srm');
-- a team's account (a role every cluster has, so that the restore finds it)
INSERT INTO srm.team_account (team, account_id) VALUES ('pg_monitor', '402918374655'), ('pg_monitor', NULL);
SQL
snapshot() {
	q "$1" -c "SELECT override_id, provider, service_namespace, account_id, asset, framework_id, control_id, family_id,
	                  responsibility, reason, created_by FROM srm.override ORDER BY override_id"
	q "$1" -c "SELECT 'controls', count(*) FROM srm.control UNION ALL SELECT 'resource types', count(*) FROM srm.resource_type
	           UNION ALL SELECT 'identifiers', count(*) FROM srm.identifier UNION ALL SELECT 'services', count(*) FROM srm.service"
	q "$1" -c "SELECT srm.responsibility_of('arn:aws:s3:::b', 'sc-28'), srm.responsibility_of('arn:aws:ec2:us-east-1:123456789012:instance/i-0abc', 'os-patching')"
	q "$1" -c "SELECT 'assets', count(*) FROM srm.asset UNION ALL SELECT 'loads', count(*) FROM srm.asset_load
	           UNION ALL SELECT 'rejections', count(*) FROM srm.asset_load_rejection
	           UNION ALL SELECT 'statuses', count(*) FROM srm.control_status
	           UNION ALL SELECT 'runs', count(*) FROM srm.audit_run UNION ALL SELECT 'findings', count(*) FROM srm.audit_finding
	           UNION ALL SELECT 'groups', count(*) FROM srm.audit_group UNION ALL SELECT 'answers', count(*) FROM srm.audit_default
	           UNION ALL SELECT 'copies', (SELECT count(*) FROM srm.audit_override) + (SELECT count(*) FROM srm.audit_status)"
	q "$1" -c "SELECT status_id, control_id, status, assessed_by, assessed_at, backdate_reason FROM srm.control_status ORDER BY status_id"
	q "$1" -c "SELECT history_id, status_id, operation, changed_by, changed_at, old_row, new_row FROM srm.control_status_history ORDER BY history_id"
	q "$1" -c "SELECT run_id, assets, asset_controls, gaps FROM srm.bi_run"
	q "$1" -c "SELECT provider, framework_id, name, shipped FROM srm.attestation ORDER BY 1, 2, 3"
	q "$1" -c "SELECT team, account_id FROM srm.team_account ORDER BY 1, 2"
	q "$1" -c "SELECT load_id, accounts FROM srm.asset_load ORDER BY 1"
}
snapshot srm_dump_src >"$work/src.txt"

pg_dump -Fc -d srm_dump_src -f "$work/srm.dump"
# without the deliberate step the restore stops at the first status that
# is older than the restore and has no reason to be back-dated
createdb srm_dump_naive
if pg_restore --exit-on-error -d srm_dump_naive "$work/srm.dump" 2>"$work/naive.err"; then
	fail "a restore without srm.keep_provenance rewrote the statuses' provenance"
fi
grep -q 'ERROR:  a back-dated control status needs a reason' "$work/naive.err" || fail "unclear error: $(cat "$work/naive.err")"
grep -q 'HINT:  .*Restoring a dump? A superuser sets srm.keep_provenance = on.' "$work/naive.err" || fail "no hint: $(cat "$work/naive.err")"
dropdb srm_dump_naive
createdb srm_dump_dst
PGOPTIONS='-c srm.keep_provenance=on' pg_restore --exit-on-error -d srm_dump_dst "$work/srm.dump"
snapshot srm_dump_dst >"$work/dst.txt"
diff -u "$work/src.txt" "$work/dst.txt" || fail "custom-format restore differs"

pg_dump -Fp -d srm_dump_src -f "$work/srm.sql"
createdb srm_dump_plain
PGOPTIONS='-c srm.keep_provenance=on' q srm_dump_plain -f "$work/srm.sql" >/dev/null
snapshot srm_dump_plain >"$work/plain.txt"
diff -u "$work/src.txt" "$work/plain.txt" || fail "plain-format restore differs"

# the sequence goes on after the restored rows
next=$(q srm_dump_dst -c "INSERT INTO srm.override (framework_id, control_id, responsibility, reason)
	VALUES ('nist-800-53-r5', 'ac-2', 'customer', 'after restore') RETURNING override_id")
[ "$next" = 4 ] || fail "next override_id after restore is $next, expected 4"
# only the user's tables are dumped as data, never the shipped model
copied=$(sed -n 's/^COPY srm\.\([a-z_]*\) .*/\1/p' "$work/srm.sql" | sort | tr '\n' ' ')
expected="asset asset_load asset_load_rejection attestation audit_asset audit_check audit_default audit_finding audit_gap audit_group audit_override audit_run audit_status control_status control_status_history finding finding_load finding_load_rejection override team_account "
[ "$copied" = "$expected" ] || fail "the plain dump copies: $copied (expected: $expected)"

echo "dump: a restore without srm.keep_provenance stops: $(grep -m1 ERROR "$work/naive.err")"
echo "dump: overrides, assets, statuses (with provenance and history) and audit runs restored in custom and plain format; only user tables dumped ($copied)"
