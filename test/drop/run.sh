#!/usr/bin/env bash
# DROP EXTENSION srm keeps the user's rows from being lost silently: on a
# database without user rows it drops; with user rows it fails (also with
# CASCADE, inside a list of extensions with IF EXISTS, and as DROP SCHEMA
# srm CASCADE), saying how many rows of which tables would be lost, and
# leaves everything in place; after the deliberate step
# (SET srm.drop_with_user_rows = on) it drops.  Runs against the server in
# PGHOST/PGPORT (the test command starts one with pg_virtualenv).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
db=srm_drop_test
err=$(mktemp)
trap 'dropdb --if-exists $db; rm -f "$err"' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d $db "$@"; }
fail() { echo "drop: FAILED: $*"; exit 1; }
installed() { q -c "SELECT count(*) FROM pg_extension WHERE extname = 'srm'"; }

# no user rows: it drops
dropdb --if-exists $db
createdb $db
q -c "CREATE EXTENSION srm"
q -c "DROP EXTENSION srm" || fail "DROP EXTENSION srm on an empty database failed"
[ "$(installed)" = 0 ] || fail "srm still installed"
echo "drop: no user rows: DROP EXTENSION srm dropped it"

# user rows: refused, whatever the form, and nothing changes
q -c "CREATE EXTENSION srm"
q -c "CREATE EXTENSION hstore"
q -v snap="$(cat "$top/test/fixtures/snapshot_small.json")" >/dev/null <<'SQL'
SELECT srm.load_config_snapshot(:'snap'::jsonb, 'fixture');
INSERT INTO srm.control_status (framework_id, control_id, account_id, status, evidence)
VALUES ('aws-srm', 'os-patching', '402918374655', 'implemented', 'SSM patch baseline');
SELECT srm.run_audit('aws-srm');
SQL
rows=$(q -c "SELECT sum(user_rows) FROM srm.user_rows()")
[ "$rows" -gt 0 ] || fail "no user rows counted"
for stmt in "DROP EXTENSION srm" "DROP EXTENSION srm CASCADE" "DROP EXTENSION IF EXISTS srm" \
            "DROP EXTENSION IF EXISTS no_such_extension, srm" "DROP EXTENSION hstore, srm" "DROP SCHEMA srm CASCADE"; do
	if q -c "$stmt" 2>"$err"; then fail "$stmt went through with $rows user rows"; fi
	grep -q "ERROR:  dropping srm would delete $rows user rows" "$err" || fail "$stmt: unclear error: $(cat "$err")"
	grep -q 'DETAIL:  Rows per table: srm.asset: [0-9]*, srm.asset_load: 1, .*srm.control_status: 1, srm.control_status_history: 1\.$' "$err" \
		|| fail "$stmt: the detail does not count the rows per table: $(cat "$err")"
	grep -q 'HINT:  .*SET srm.drop_with_user_rows = on; DROP EXTENSION srm;' "$err" || fail "$stmt: no hint: $(cat "$err")"
	[ "$(installed)" = 1 ] && [ "$(q -c "SELECT sum(user_rows) FROM srm.user_rows()")" = "$rows" ] || fail "$stmt changed something"
	[ "$(q -c "SELECT count(*) FROM pg_extension WHERE extname = 'hstore'")" = 1 ] || fail "$stmt dropped hstore"
	echo "drop: $stmt refused: $(head -n 1 "$err" | sed 's/^ERROR:  //')"
done
grep DETAIL "$err"
rm -f "$err"
# other extensions still drop as they did
q -c "DROP EXTENSION hstore" || fail "DROP EXTENSION hstore failed"

# the deliberate step: it drops, rows and all
q -c "SET srm.drop_with_user_rows = on" -c "DROP EXTENSION srm" || fail "the deliberate drop failed"
[ "$(installed)" = 0 ] || fail "srm still installed after the deliberate drop"
# (the schema srm itself stays when CREATE EXTENSION created it: it is not a
# member of the extension)
[ "$(q -c "SELECT count(*) FROM pg_class WHERE relnamespace IN (SELECT oid FROM pg_namespace WHERE nspname IN ('srm', 'srm_internal'))")" = 0 ] \
	|| fail "srm's tables left behind"
echo "drop: SET srm.drop_with_user_rows = on; DROP EXTENSION srm: dropped with its $rows user rows"
