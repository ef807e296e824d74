#!/usr/bin/env bash
# Overrides survive pg_dump / pg_restore: the user's rows come back with
# their ids, the sequence goes on after them, and the shipped model is not
# duplicated.  Runs against the server in PGHOST/PGPORT (the test command
# starts one with pg_virtualenv).
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists srm_dump_src; dropdb --if-exists srm_dump_dst; dropdb --if-exists srm_dump_plain' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$@"; }
fail() { echo "dump: FAILED: $*"; exit 1; }

createdb srm_dump_src
q srm_dump_src <<'SQL'
CREATE EXTENSION srm;
INSERT INTO srm.override (framework_id, control_id, responsibility, reason)
VALUES ('nist-800-53-r5', 'SI-2', 'customer, partner', 'MSP patches our fleet');
INSERT INTO srm.override (service_namespace, account_id, framework_id, family_id, responsibility, reason)
VALUES ('s3', '123456789012', 'nist-800-53-r5', 'sc', 'customer (provided)', 'client-side encryption only, by policy');
INSERT INTO srm.override (asset, framework_id, control_id, responsibility, reason)
VALUES ('arn:aws:ec2:us-east-1:123456789012:instance/i-0abc', 'aws-srm', 'os-patching', 'not applicable', 'appliance AMI, vendor-patched');
DELETE FROM srm.override WHERE control_id = 'si-2';   -- leaves a gap in the ids
SQL
snapshot() {
	q "$1" -c "SELECT override_id, provider, service_namespace, account_id, asset, framework_id, control_id, family_id,
	                  responsibility, reason, created_by FROM srm.override ORDER BY override_id"
	q "$1" -c "SELECT 'controls', count(*) FROM srm.control UNION ALL SELECT 'resource types', count(*) FROM srm.resource_type
	           UNION ALL SELECT 'identifiers', count(*) FROM srm.identifier UNION ALL SELECT 'services', count(*) FROM srm.service"
	q "$1" -c "SELECT srm.responsibility_of('arn:aws:s3:::b', 'sc-28'), srm.responsibility_of('arn:aws:ec2:us-east-1:123456789012:instance/i-0abc', 'os-patching')"
}
snapshot srm_dump_src >"$work/src.txt"

pg_dump -Fc -d srm_dump_src -f "$work/srm.dump"
createdb srm_dump_dst
pg_restore --exit-on-error -d srm_dump_dst "$work/srm.dump"
snapshot srm_dump_dst >"$work/dst.txt"
diff -u "$work/src.txt" "$work/dst.txt" || fail "custom-format restore differs"

pg_dump -Fp -d srm_dump_src -f "$work/srm.sql"
createdb srm_dump_plain
q srm_dump_plain -f "$work/srm.sql" >/dev/null
snapshot srm_dump_plain >"$work/plain.txt"
diff -u "$work/src.txt" "$work/plain.txt" || fail "plain-format restore differs"

# the sequence goes on after the restored rows
next=$(q srm_dump_dst -c "INSERT INTO srm.override (framework_id, control_id, responsibility, reason)
	VALUES ('nist-800-53-r5', 'ac-2', 'customer', 'after restore') RETURNING override_id")
[ "$next" = 4 ] || fail "next override_id after restore is $next, expected 4"
# the override rows are the user's; nothing shipped was dumped as data
grep -c "^COPY srm\." "$work/srm.sql" | grep -qx 1 || fail "the plain dump copies more than srm.override"

echo "dump: $(grep -c . <(q srm_dump_src -c 'SELECT 1 FROM srm.override')) overrides restored in custom and plain format, model not duplicated"
