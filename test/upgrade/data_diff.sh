#!/usr/bin/env bash
# The model's data delivered by an upgrade: a changed copy of data/ (rows
# changed, added and removed, among them a control that a user's override
# and status name), its diff from tools/build/gen_data.py --diff applied to
# an installed srm as an upgrade script applies it, must give exactly the
# model rows of the changed data loaded whole; the user rows that name the
# removed control are kept and reported by a WARNING and by
# srm.unresolved_reference.  Then, where it may write PostgreSQL's
# extension directory (SRM_PRIVATE_ROOT=1: inside test/lib/private-root.sh,
# as the test command runs it), the same change through the real path: a
# test version composed by tools/build/compose_upgrade.sh and installed, and
# ALTER EXTENSION srm UPDATE to it.  Runs against the server in
# PGHOST/PGPORT with srm installed.  Usage: test/upgrade/data_diff.sh [OUTDIR]
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$(mktemp -d)}
mkdir -p "$out"
gen="$top/tools/build/gen_data.py"
a=srm_diff_applied; b=srm_diff_loaded; c=srm_diff_updated
cleanup() { for d in $a $b $c; do dropdb --if-exists $d 2>/dev/null || true; done; }
trap cleanup EXIT
cleanup
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$@"; }
. "$top/test/lib/digest.sh"
fail() { echo "data-diff: FAILED: $*"; exit 1; }
var() { make -s -C "$top" --no-print-directory "print-$1"; }

# --- a new version of the model ---------------------------------------------
rm -rf "$out/data"; cp -r "$top/data" "$out/data"
python3 - "$out/data" <<'PY'
import csv, sys
d = sys.argv[1]
def edit(name, fn):
    with open(f"{d}/{name}", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f)); cols = list(rows[0].keys())
    rows = fn(rows)
    with open(f"{d}/{name}", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, cols, lineterminator="\n"); w.writeheader(); w.writerows(rows)
# removed: the aws-srm control zone-security and its layers
edit("control_aws_srm.csv", lambda rs: [r for r in rs if r["control_id"] != "zone-security"])
edit("control_layer_aws_srm.csv", lambda rs: [r for r in rs if r["control_id"] != "zone-security"])
# changed: a service's layer, a NIST title, an attestation
def sl(rs):
    r = next(r for r in rs if r["service_namespace"] == "rds" and r["layer_id"] == "network-config")
    r["responsibility"] = "customer (configured), partner"; r["reason"] += " (test: a partner runs the security groups)"
    return rs
edit("service_layer.csv", sl)
def title(rs):
    next(r for r in rs if r["control_id"] == "si-2")["title"] = "Flaw Remediation (retitled by the test)"
    return rs
edit("nist_sp800_53r5_controls.csv", title)
def att(rs):
    rs[0]["obtain_from"] = "AWS Artifact (test)"
    return rs
edit("attestation.csv", att)
# added and removed: service aliases
def alias(rs):
    for r in rs:
        if r["service_namespace"] == "lambda":   # sam removed, serverless-functions added
            r["aliases"] = "|".join([a for a in r["aliases"].split("|") if a and a != "sam"] + ["serverless-functions"])
    return rs
edit("service.csv", alias)
PY
# the model's part of an upgrade script, as tools/build/compose_upgrade.sh
# writes it: the diff, the derived tables refilled, the report
bash "$top/tools/build/compose_upgrade.sh" --model-only --data "$out/data" "$(var EXTVERSION)" test "$top/data" >"$out/diff.sql"
changes=$(sed -n 's/^-- \([0-9]*\) row(s) removed, changed or added/\1/p' "$out/diff.sql")
grep -q '^DELETE FROM srm.control WHERE framework_id = .aws-srm. AND control_id = .zone-security.' "$out/diff.sql" || fail "the diff does not remove zone-security"
grep -q '^UPDATE srm.attestation SET obtain_from = .AWS Artifact (test).' "$out/diff.sql" || fail "the diff does not change the attestation"

refill() {   # the derived tables, as an upgrade script refills them
	echo "TRUNCATE srm.identifier, srm.arn_pattern;"
	for part in $(var DATA_PARTS); do case "$part" in build/*) ;; *) cat "$top/$part" ;; esac; done
}

# --- applied as an upgrade applies it, with user rows naming the control -------
createdb $a
q $a -c "CREATE EXTENSION srm" >/dev/null
user_rows() {
	q "$1" >/dev/null <<'SQL'
INSERT INTO srm.override (framework_id, control_id, responsibility, reason)
VALUES ('aws-srm', 'zone-security', 'customer, partner', 'our MSP zones the VPCs');
INSERT INTO srm.control_status (framework_id, control_id, account_id, status, evidence)
VALUES ('aws-srm', 'zone-security', '123456789012', 'implemented', 'VPC design review 2025-05');
INSERT INTO srm.attestation (provider, framework_id, name, obtain_from, source)
VALUES ('aws', 'aws-srm', 'our own pen test', 'the security team', 'user');
SQL
}
user_rows $a
{ echo "BEGIN;"; cat "$out/diff.sql"; echo "COMMIT;"; } >"$out/apply.sql"
q $a -v ON_ERROR_STOP=1 -f "$out/apply.sql" >/dev/null 2>"$out/apply.log" || { cat "$out/apply.log"; fail "the diff does not apply"; }
grep -q 'WARNING:  srm test: 1 row(s) of srm.control_status refer to a control that this version no longer ships: 1 (aws-srm zone-security)' "$out/apply.log" \
	|| { cat "$out/apply.log"; fail "no WARNING naming the status"; }
grep -q 'WARNING:  srm test: 1 row(s) of srm.override refer to a control that this version no longer ships: 1 (aws-srm zone-security)' "$out/apply.log" \
	|| { cat "$out/apply.log"; fail "no WARNING naming the override"; }
[ "$(q $a -c "SELECT count(*) FROM srm.override") $(q $a -c "SELECT count(*) FROM srm.control_status") $(q $a -c "SELECT count(*) FROM srm.attestation WHERE NOT shipped")" = "1 1 1" ] \
	|| fail "user rows were lost"
listed=$(q $a -c "SELECT string_agg(table_name || ' ' || row_key || ' ' || refers_to || ' ' || missing, '; ' ORDER BY table_name) FROM srm.unresolved_reference")
[ "$listed" = "srm.control_status 1 control aws-srm zone-security; srm.override 1 control aws-srm zone-security" ] || fail "srm.unresolved_reference lists: $listed"

# --- the same model loaded whole -------------------------------------------------
createdb $b
q $b -c "CREATE EXTENSION srm" >/dev/null
model_tables=$(python3 -c "
import importlib.util, sys
s = importlib.util.spec_from_file_location('g', '$gen'); g = importlib.util.module_from_spec(s); s.loader.exec_module(g)
print(' '.join('srm.' + t for t in g.PRIMARY_KEYS))")
{ echo "BEGIN;"; echo "SET client_min_messages = warning;"
  echo "DELETE FROM srm.attestation WHERE shipped;"
  echo "TRUNCATE $(echo $model_tables | sed 's/ srm.attestation//; s/ /, /g') CASCADE;"
  python3 "$gen" --data-dir "$out/data"; refill; echo "COMMIT;"; } >"$out/load.sql"
q $b -f "$out/load.sql" >/dev/null 2>"$out/load.log" || { cat "$out/load.log"; fail "the changed model does not load"; }
rows() {
	for t in $model_tables srm.identifier srm.arn_pattern; do
		w=""; [ $t = srm.attestation ] && w="WHERE shipped"
		digest "$1" "$t" "SELECT * FROM $t $w"
	done
}
rows $a >"$out/applied.txt"; rows $b >"$out/loaded.txt"
diff -u "$out/loaded.txt" "$out/applied.txt" || fail "the model after the diff differs from the model loaded whole"
echo "data-diff: $changes row changes applied equal the changed model loaded whole ($(wc -l <"$out/applied.txt") tables); the override and status naming the removed control are kept, reported and listed"

# --- the real path: ALTER EXTENSION srm UPDATE to a test version ----------------
extdir=$(pg_config --sharedir)/extension
if [ "${SRM_PRIVATE_ROOT:-}" != 1 ] || [ ! -w "$extdir" ]; then
	echo "data-diff: ALTER EXTENSION path skipped (run inside test/lib/private-root.sh with SRM_PRIVATE_ROOT=1)"
	exit 0
fi
to=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$top/srm.control")
next=$to.test1
mkdir -p "$out/hand"; : >"$out/hand/before.sql"; : >"$out/hand/after.sql"
bash "$top/tools/build/compose_upgrade.sh" --hand "$out/hand" --data "$out/data" "$to" "$next" "$top/data" >"$extdir/srm--$to--$next.sql"
createdb $c
q $c -c "CREATE EXTENSION srm" >/dev/null
user_rows $c
q $c -c "ALTER EXTENSION srm UPDATE TO '$next'" 2>"$out/update.log" || { cat "$out/update.log"; fail "ALTER EXTENSION srm UPDATE TO '$next' failed"; }
[ "$(q $c -c "SELECT extversion FROM pg_extension WHERE extname = 'srm'")" = "$next" ] || fail "not updated to $next"
grep -q "WARNING:  srm $next: 1 row(s) of srm.override refer to a control that this version no longer ships: 1 (aws-srm zone-security)" "$out/update.log" \
	|| { cat "$out/update.log"; fail "the update gave no WARNING naming the override"; }
grep -q "WARNING:  srm $next: 1 row(s) of srm.control_status refer to a control" "$out/update.log" \
	|| { cat "$out/update.log"; fail "the update gave no WARNING naming the status"; }
rows $c >"$out/updated.txt"
diff -u "$out/loaded.txt" "$out/updated.txt" || fail "the model after ALTER EXTENSION UPDATE differs from the model loaded whole"
echo "data-diff: ALTER EXTENSION srm UPDATE TO '$next' (composed by tools/build/compose_upgrade.sh): the same model, the same WARNINGs ($(grep -c WARNING "$out/update.log"))"
