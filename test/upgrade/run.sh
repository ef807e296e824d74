#!/usr/bin/env bash
# The upgrade test.  Installs srm 0.1.0 exactly as released, writes the
# user's rows through 0.1.0's own interface, runs ALTER EXTENSION srm UPDATE
# and then requires
#   (a) pg_dump --schema-only of the upgraded database equal to a fresh
#       install's (normalised for order and object ids),
#   (b) the shipped rows equal to a fresh install's,
#   (c) every user row unchanged (per-table checksums, sequences too),
#   (d) the whole regression suite passing against the upgraded database
#       (each file's setup empties the user tables, as the suite expects),
#   (e) the runs of the previous release (its frozen script in versions/,
#       the same user rows, stored groups and an asset's own gap) reading
#       the same after an update to this one, and a team still auditing,
# and that a failing update changes nothing and an update to a version that
# does not exist is refused.  Runs against the server in PGHOST/PGPORT with
# srm installed (the test command starts one with pg_virtualenv).
# Usage: test/upgrade/run.sh [OUTDIR]
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
from=0.1.0
to=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$top/srm.control")
out=${1:-$(mktemp -d)}
mkdir -p "$out"
up=srm_upgrade_up; fresh=srm_upgrade_fresh; broken=srm_upgrade_broken
cleanup() { for d in $up $fresh $broken; do dropdb --if-exists "$d" 2>/dev/null || true; done; }
trap cleanup EXIT
cleanup
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$@"; }
. "$top/test/lib/digest.sh"
fail() { echo "upgrade: FAILED: $*"; exit 1; }
say() { echo "upgrade: $*"; }

# --- 0.1.0 and the user's rows ------------------------------------------------
createdb $up
q $up -c "CREATE EXTENSION srm VERSION '$from'"
[ "$(q $up -c "SELECT extversion FROM pg_extension WHERE extname = 'srm'")" = "$from" ] || fail "srm $from not installed"
sample="$top/tools/sample/gen_sample_snapshot.py"
python3 "$sample" --out "$out/sample.json" >/dev/null
q $up -v fixtures="$top/test/fixtures" -v sample="$out/sample.json" -f "$top/test/upgrade/user-rows-$from.sql" >/dev/null

# the user's tables as the old version knows them: its configuration tables
# (every row the user's) and srm.attestation (user rows beside shipped ones
# in 0.1.0), each with its columns as they were
q $up -F '|' >"$out/user-tables.txt" <<'SQL'
SELECT c.oid::regclass, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum), c.relkind
FROM pg_extension e
CROSS JOIN LATERAL unnest(e.extconfig || 'srm.attestation'::regclass::oid) AS t(oid)
JOIN pg_class c ON c.oid = t.oid
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE e.extname = 'srm' AND c.relkind IN ('r', 'S')
GROUP BY c.oid, c.relkind ORDER BY 1
SQL
# srm.attestation holds shipped rows beside the user's, and a release may
# ship more (0.6.0 does): its user rows are those the newest version does
# not ship (data/attestation.csv); the shipped ones are compared in (b)
shipped_attestations=$(python3 - "$top/data/attestation.csv" <<'PY'
import csv, sys
q = lambda v: "'" + v.replace("'", "''") + "'"
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
print(", ".join("(%s, %s, %s)" % (q(r["provider"]), q(r["framework_id"]), q(r["name"])) for r in rows))
PY
)
checksums() {
	while IFS='|' read -r table cols kind; do
		if [ "$kind" = S ]; then
			q "$1" -c "SELECT '$table', last_value, is_called FROM $table"
		elif [ "$table" = srm.attestation ]; then
			digest "$1" "$table" "SELECT $cols FROM $table WHERE (provider, framework_id, name) NOT IN (VALUES $shipped_attestations)"
		else
			digest "$1" "$table" "SELECT $cols FROM $table"
		fi
	done <"$out/user-tables.txt"
}
checksums $up >"$out/user-rows-before.txt"
# the runs 0.1.0 made, as its BI views show them (their columns of 0.1.0):
# an update keeps their numbers, and their labels and titles, read from the
# catalog for a run that kept none (srm_internal.audit_control has no rows
# for them)
old_runs() {
	digest "$1" bi_run "SELECT run_id, framework_id, baseline, accounts, started_at, finished_at, requested_by, note,
	        assets, unknown_assets, controls, asset_controls, gaps, not_applicable, inherited, shared, customer_specific FROM srm.bi_run"
	digest "$1" bi_customer_gaps "SELECT run_id, account_id, service_namespace, asset, framework_id, control_id, label, title,
	        family_id, family_title, responsibility::text, customer_part::text, class::text, status, evidence, assets FROM srm.bi_customer_gaps"
	digest "$1" bi_gaps_by_family "SELECT run_id, framework_id, family_id, family_title, gaps, customer_asset_controls, controls_with_gaps
	        FROM srm.bi_gaps_by_family"
	digest "$1" bi_inherited_controls "SELECT run_id, framework_id, control_id, label, title, service_namespace, asset_controls, accounts
	        FROM srm.bi_inherited_controls"
}
old_runs $up >"$out/old-runs-before.txt"
rows=$(q $up -c "SELECT (SELECT count(*) FROM srm.asset) || ' assets, ' || (SELECT count(*) FROM srm.asset_load_rejection)
       || ' rejections, ' || (SELECT count(*) FROM srm.override) || ' overrides, ' || (SELECT count(*) FROM srm.control_status)
       || ' statuses, ' || (SELECT count(*) FROM srm.audit_run) || ' audit runs, ' || (SELECT count(*) FROM srm.audit_finding)
       || ' findings'")
say "srm $from with $rows"

# --- an update that cannot complete changes nothing --------------------------
# a user's view on a 0.1.0 helper that 0.2.0 moves out of the way: the
# update stops with an error naming it, in one transaction
createdb -T $up $broken
q $broken -c "CREATE VIEW public.my_plural AS SELECT srm.plural('policy') AS p"
pg_dump --schema-only --binary-upgrade -d $broken >"$out/broken-before.sql"
if q $broken -c "ALTER EXTENSION srm UPDATE" 2>"$out/broken-update.err"; then
	fail "the update went through although a user view depends on srm.plural"
fi
grep -q 'depend' "$out/broken-update.err" || fail "unclear error: $(cat "$out/broken-update.err")"
[ "$(q $broken -c "SELECT extversion FROM pg_extension WHERE extname = 'srm'")" = "$from" ] || fail "half-updated extension"
pg_dump --schema-only --binary-upgrade -d $broken >"$out/broken-after.sql"
python3 "$top/test/upgrade/normalize_dump.py" "$out/broken-before.sql" >"$out/broken-before.norm"
python3 "$top/test/upgrade/normalize_dump.py" "$out/broken-after.sql" >"$out/broken-after.norm"
diff -q "$out/broken-before.norm" "$out/broken-after.norm" >/dev/null || fail "a failed update changed the schema"
say "a failing update left $from untouched: $(head -n 1 "$out/broken-update.err")"
dropdb $broken

# --- the update ---------------------------------------------------------------
q $up -c "ALTER EXTENSION srm UPDATE" 2>"$out/update.log" || { cat "$out/update.log"; fail "ALTER EXTENSION srm UPDATE failed"; }
got=$(q $up -c "SELECT extversion FROM pg_extension WHERE extname = 'srm'")
[ "$got" = "$to" ] || fail "updated to $got, expected $to"
say "ALTER EXTENSION srm UPDATE: $from -> $to"

# (c) every user row unchanged
checksums $up >"$out/user-rows-after.txt"
diff -u "$out/user-rows-before.txt" "$out/user-rows-after.txt" || fail "user rows changed"
say "(c) user rows unchanged: $(wc -l <"$out/user-rows-after.txt") tables and sequences, checksums in $out/user-rows-after.txt"
old_runs $up >"$out/old-runs-after.txt"
diff -u "$out/old-runs-before.txt" "$out/old-runs-after.txt" || fail "the BI views of the runs made by $from changed"
[ "$(q $up -c "SELECT count(*) FROM srm_internal.audit_control")" = 0 ] || fail "runs of $from have kept titles"
say "(c) the runs made by $from read the same in 4 BI views (titles from the catalog): $(awk -F'|' '{printf "%s%s %s rows", s, $1, $2; s = ", "}' "$out/old-runs-after.txt")"

# (a) the schema equals a fresh install's
createdb $fresh
q $fresh -c "CREATE EXTENSION srm"
pg_dump --schema-only --binary-upgrade -d $up >"$out/upgraded.sql"
pg_dump --schema-only --binary-upgrade -d $fresh >"$out/fresh.sql"
python3 "$top/test/upgrade/normalize_dump.py" "$out/upgraded.sql" >"$out/upgraded.norm"
python3 "$top/test/upgrade/normalize_dump.py" "$out/fresh.sql" >"$out/fresh.norm"
diff -u "$out/fresh.norm" "$out/upgraded.norm" >"$out/schema.diff" || { head -n 80 "$out/schema.diff"; fail "schema differs from a fresh install (diff in $out/schema.diff)"; }
config="SELECT string_agg(c::regclass || ' ' || coalesce(w, ''), '; ' ORDER BY c::regclass::text)
        FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(c, w) WHERE e.extname = 'srm'"
[ "$(q $up -c "$config")" = "$(q $fresh -c "$config")" ] || fail "pg_extension_config_dump differs: $(q $up -c "$config") vs $(q $fresh -c "$config")"
say "(a) schema equal to a fresh install: $(grep -c '^-- Name: ' "$out/fresh.norm") objects, dump diff empty"

# (b) the shipped rows equal a fresh install's: every member table that is
# not a configuration table, and the shipped part of those with a condition
shipped_rows() {
	q "$1" -F '|' -c "
	SELECT c.oid::regclass, x.w
	FROM pg_depend d
	JOIN pg_class c ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND c.relkind = 'r'
	JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid AND d.deptype = 'e'
	LEFT JOIN LATERAL unnest(e.extconfig, e.extcondition) AS x(c, w) ON x.c = c.oid
	WHERE e.extname = 'srm' AND coalesce(x.w, 'shipped') <> ''
	ORDER BY c.oid::regclass::text" |
	while IFS='|' read -r table cond; do
		# compared as text: a jsonpath column (variant rules) has no equality
		# operator; the stored derivation's answers carry the user's overrides
		# (part (c) compares those), so only what the model derives is compared
		cols="t::text"
		[ "$table" = srm_internal.derivation ] && cols="(t.grain_id, t.framework_id, t.control_id, t.derived)::text"
		digest "$1" "$table" "SELECT $cols AS r FROM $table t EXCEPT ALL SELECT $cols FROM $table t ${cond:-WHERE false}"
	done
}
shipped_rows $fresh >"$out/shipped-fresh.txt"
shipped_rows $up >"$out/shipped-upgraded.txt"
diff -u "$out/shipped-fresh.txt" "$out/shipped-upgraded.txt" || fail "shipped rows differ"
say "(b) shipped rows equal: $(wc -l <"$out/shipped-fresh.txt") tables, $(awk -F'|' '{n += $2} END {print n}' "$out/shipped-fresh.txt") rows"

# --- (e) the runs of the previous release, stored groups included ------------
# The same user rows under the release before this one (its frozen script
# in versions/), with its own audits: runs whose groups an account- or
# asset-scoped rule stores.  After an update to this version every column
# of their BI views reads the same, and a team given the previous
# release's grants (README "Teams") may still audit: the update gives it on
# the tables a version adds what it had on srm.audit_default.
prev=$(cd "$top/versions" && ls srm--*.sql | grep -v -- '--.*--' | sed 's/^srm--\(.*\)\.sql$/\1/' | sort -V |
	awk -v to="$to" '$0 != to { p = $0 } END { print p }')
if [ -n "$prev" ] && [ "$prev" != "$from" ]; then
	recent=srm_upgrade_recent
	dropdb --if-exists $recent 2>/dev/null
	createdb $recent
	trap 'cleanup; dropdb --if-exists '$recent' 2>/dev/null || true' EXIT
	q $recent -c "CREATE EXTENSION srm VERSION '$prev'"
	# (0.1.0's statuses are back-dated: kept as written, as a restore does)
	PGOPTIONS="-c srm.keep_provenance=on" \
		q $recent -v fixtures="$top/test/fixtures" -v sample="$out/sample.json" -f "$top/test/upgrade/user-rows-$from.sql" >/dev/null
	# and an asset whose own override leaves it a gap (a finding of one asset)
	q $recent -c "INSERT INTO srm.override (asset, framework_id, control_id, responsibility, reason)
	              SELECT arn, 'aws-srm', 'os-patching', 'customer', 'an asset''s own gap'
	              FROM srm.asset WHERE account_id = '718265390142' AND resource_type = 'AWS::EC2::Instance'
	              ORDER BY asset_id LIMIT 1" \
	          -c "SELECT srm.run_audit('aws-srm', NULL, NULL, 'an asset''s own gap')" >/dev/null
	q $recent -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'srm_upgrade_team') THEN CREATE ROLE srm_upgrade_team; END IF; END\$\$" \
		-c "DO \$\$DECLARE t text; BEGIN
		    -- the README's grants as of $prev: the tables of the list it has
		    FOREACH t IN ARRAY ARRAY['asset', 'asset_load', 'asset_load_rejection', 'control_status', 'override',
		                             'audit_run', 'audit_asset', 'audit_finding', 'audit_group', 'audit_default',
		                             'audit_override', 'audit_status', 'audit_check', 'audit_gap'] LOOP
		        IF to_regclass('srm.' || t) IS NOT NULL THEN
		            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON srm.%I TO srm_upgrade_team', t);
		        END IF;
		    END LOOP; END\$\$" \
		-c "GRANT USAGE ON SEQUENCE srm.asset_asset_id_seq, srm.asset_load_load_id_seq, srm.control_status_status_id_seq,
		    srm.override_override_id_seq, srm.audit_run_run_id_seq TO srm_upgrade_team" \
		-c "INSERT INTO srm.team_account (team, account_id) VALUES ('srm_upgrade_team', '402918374655')"
	recent_runs() {
		digest "$1" bi_run "SELECT b::text FROM srm.bi_run b"
		digest "$1" bi_customer_gaps "SELECT b::text FROM srm.bi_customer_gaps b"
		digest "$1" bi_responsibility_mix "SELECT b::text FROM srm.bi_responsibility_mix b"
		digest "$1" bi_gaps_by_family "SELECT b::text FROM srm.bi_gaps_by_family b"
		digest "$1" stored_gaps "SELECT b::text FROM srm.bi_customer_gaps b
		        JOIN srm.audit_group g USING (run_id, provider, account_id, service_namespace, grain) WHERE g.stored"
		digest "$1" asset_gaps "SELECT b::text FROM srm.bi_customer_gaps b WHERE b.asset IS NOT NULL"
	}
	recent_runs $recent >"$out/recent-runs-before.txt"
	q $recent -c "ALTER EXTENSION srm UPDATE" 2>"$out/recent-update.log" || { cat "$out/recent-update.log"; fail "update from $prev failed"; }
	recent_runs $recent >"$out/recent-runs-after.txt"
	diff -u "$out/recent-runs-before.txt" "$out/recent-runs-after.txt" || fail "the BI views of the runs made by $prev changed"
	awk -F'|' '($1 == "stored_gaps" || $1 == "asset_gaps") && $2 == 0 { bad = 1 } END { exit bad }' "$out/recent-runs-after.txt" ||
		fail "the runs made by $prev store no gaps of stored groups or assets: nothing tested"
	member=$(q $recent -c "SET ROLE srm_upgrade_team" -c "SELECT srm.run_audit('nist-800-53-r5', 'LOW', ARRAY['402918374655'])" \
	           -c "SELECT count(*) || ' gaps' FROM srm.bi_customer_gaps WHERE run_id = (SELECT max(run_id) FROM srm.audit_run)" | tail -n 1) ||
		fail "a team member cannot audit after the update from $prev"
	say "(e) the runs made by $prev read the same after the update (4 BI views; the gaps of stored groups and of single assets): $(awk -F'|' '{printf "%s%s %s rows", s, $1, $2; s = ", "}' "$out/recent-runs-after.txt"); a team audits as before ($member)"
	dropdb $recent
	q $up -c "DROP ROLE srm_upgrade_team"
fi

# --- (d) the regression suite against the upgraded database -------------------
# (sql/include/setup.sql, at the top of every file, empties the user's
# tables and restarts their ids)
tests=$(make -s -C "$top" --no-print-directory print-REGRESS)
pgxs=$(dirname "$(pg_config --pgxs)")
mkdir -p "$out/regress"
if "$pgxs/../test/regress/pg_regress" --inputdir="$top" --outputdir="$out/regress" --bindir="$(pg_config --bindir)" \
	--use-existing --dbname=$up $tests >"$out/regress.log" 2>&1; then
	say "(d) regression suite against the upgraded database: $(grep -c ' ok ' "$out/regress.log") tests passed"
else
	cat "$out/regress.log"; [ -f "$out/regress/regression.diffs" ] && head -n 100 "$out/regress/regression.diffs"
	fail "regression suite against the upgraded database"
fi

# --- an update to a version that does not exist --------------------------------
if q $up -c "ALTER EXTENSION srm UPDATE TO '9.9.9'" 2>"$out/bad-version.err"; then fail "update to 9.9.9 accepted"; fi
grep -q 'no update path from version "'"$to"'" to version "9.9.9"' "$out/bad-version.err" || fail "unclear error: $(cat "$out/bad-version.err")"
[ "$(q $up -c "SELECT extversion FROM pg_extension WHERE extname = 'srm'")" = "$to" ] || fail "version changed"
say "update to 9.9.9 refused: $(head -n 1 "$out/bad-version.err")"
