#!/usr/bin/env bash
# Scale-out (SPEC §10): the sample inventory sharded by account over two
# shard servers, seen from a coordinator through postgres_fdw, audits with
# the same numbers as one server holding every asset, per-shard work pushed
# down to the shards.
#
# Run under pg_virtualenv, as root or not (srm, srm-load, postgres_fdw and
# auto_explain installed).  The pg_virtualenv cluster holds the coordinator
# and, in a database of its own, the reference: one server with all the
# assets.  The two shards are clusters this script starts by hand (initdb,
# pg_ctl) in a temporary directory, Unix sockets only, and stops when it
# ends.
#
#   shard1  account 402918374655           srm.asset of its accounts, loaded
#   shard2  accounts 718265390142,          there by srm-load (postgres_fdw
#           259384716023                    has no INSERT ... ON CONFLICT DO
#                                           UPDATE, and a snapshot is one
#                                           account's file anyway)
#   coordinator  srm installed; shards.asset_shard1/2: foreign tables that
#           INHERIT srm.asset (CHECK on their accounts), so every srm
#           function that reads srm.asset reads the shards' assets
#
# Checks:
#   1. srm.run_audit on the coordinator = on the reference: srm.audit_run's
#      counts and sums of the BI views (bi_run, bi_responsibility_mix,
#      bi_gaps_by_family, bi_customer_gaps), per account too
#      and a team member's audit (row-level security) likewise
#   2. the audit's own plans (auto_explain, verbose): its read of srm.asset
#      is a Foreign Scan per shard whose Remote SQL reads srm.asset; an audit
#      of one account filters by account in the Remote SQL and does not
#      scan the other shard
#   3. each shard audits its own accounts (srm.run_audit there); the
#      coordinator's per-account roll-up over the shards' audit tables
#      (IMPORT FOREIGN SCHEMA) ships the responsibility filter
#      (OPERATOR(srm.&&) 'customer'::srm.responsibility) and the aggregates
#      grouped by account in its Remote SQL, and its figures equal the
#      coordinator's and the reference's; without srm in the server's
#      extensions option the filter stays local (the check can fail)
#   usage: test/scaleout/run.sh OUTDIR
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: $0 OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
name=scaleout
fails=0
ok() { echo "$name: ok: $*"; }
bad() { echo "$name: FAIL: $*" >&2; fails=$((fails + 1)); }
die() { bad "$*"; exit 1; }
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
PGBIN=$(pg_config --bindir)
# the shard servers run as postgres when this runs as root, else as the caller
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# shard_start DIR: a new cluster in DIR/data, its socket in DIR/sock (port
# 5432 there: no TCP), started and accepting connections within 120 s
shard_start() {
	local dir=$1
	mkdir -p "$dir/sock" "$dir/data"
	[ "$(id -u)" = 0 ] && chown postgres: "$dir" "$dir/sock" "$dir/data"
	chmod 700 "$dir/data"
	as_owner "$PGBIN/initdb" -D "$dir/data" -A trust --no-sync -E UTF8 --locale=C.UTF-8 || return 1
	as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 start \
		-o "-k $dir/sock -p 5432 -c listen_addresses= -c max_connections=20 -c fsync=off -c autovacuum=off"
}
shard_stop() { as_owner "$PGBIN/pg_ctl" -D "$1/data" -m fast -w -t 60 stop >/dev/null; }
SRM_LOAD=${SRM_LOAD:-$(pg_config --bindir)/srm-load}
[ -x "$SRM_LOAD" ] || die "no srm-load at $SRM_LOAD"

fw=nist-800-53-r5
bl=MODERATE
# shellcheck disable=SC2054  # a shard's accounts, comma-separated
shard_accounts=([1]=402918374655 [2]=718265390142,259384716023)
coord=srm_scaleout_coord_$$
single=srm_scaleout_single_$$
work=$(mktemp -d /tmp/srm-scaleout.XXXXXX)
chmod 755 "$work"
cleanup_roles() {
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS srm_scaleout_alice" -c "DROP ROLE IF EXISTS srm_scaleout_team" >/dev/null 2>&1
}
cleanup() {
	local s
	for s in 1 2; do
		[ -f "$work/shard$s/data/postmaster.pid" ] && shard_stop "$work/shard$s"
	done
	for d in "$coord" "$single"; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1; done
	cleanup_roles
	rm -rf "$work"
}
trap cleanup EXIT
shard() { echo "host=$work/shard$1/sock port=5432 user=postgres dbname=postgres"; }
# in_list A,B,...: 'A','B',...
in_list() { local r=${1//,/"','"}; echo "'$r'"; }

# --- the two shard servers ---------------------------------------------------
for s in 1 2; do
	shard_start "$work/shard$s" >"$out/shard$s-start.log" 2>&1 ||
		{ cat "$out/shard$s-start.log" "$work/shard$s/server.log" >&2; die "shard $s did not start"; }
done
ok "two shard servers started ($work/shard1, $work/shard2)"

# --- the sample, split by account --------------------------------------------
python3 "$top/tools/sample/gen_sample_snapshot.py" --out "$work/snapshot.json" >/dev/null 2>"$out/sample.log" ||
	die "tools/sample/gen_sample_snapshot.py failed: $(cat "$out/sample.log")"
python3 "$top/test/scaleout/split_by_account.py" "$work/snapshot.json" "$work" \
	"shard1=${shard_accounts[1]}" "shard2=${shard_accounts[2]}" >"$out/split.txt" ||
	die "split_by_account.py failed"

# --- srm on every server; the assets -----------------------------------------
# each shard hands out asset ids of its own range (s x 10^12 on): the
# coordinator sees the assets of all shards in one srm.asset, whose ids an
# audit keys its rows on
for s in 1 2; do
	q -d "$(shard $s)" -c "SET client_min_messages = warning" -c "CREATE EXTENSION srm" \
		-c "SELECT setval('srm.asset_asset_id_seq', $s * 1000000000000)" >/dev/null || die "srm on shard $s"
	"$SRM_LOAD" -d "$(shard $s)" "$work/shard$s.json" >"$out/load-shard$s.txt" 2>&1 ||
		die "srm-load into shard $s: $(cat "$out/load-shard$s.txt")"
done
psql -X -q -d postgres -c "CREATE DATABASE $single" -c "CREATE DATABASE $coord" >/dev/null || die "databases"
q -d "$single" -c "SET client_min_messages = warning" -c "CREATE EXTENSION srm" >/dev/null || die "srm on the reference"
"$SRM_LOAD" -d "$single" "$work/snapshot.json" >"$out/load-single.txt" 2>&1 ||
	die "srm-load into the reference: $(cat "$out/load-single.txt")"
n1=$(q -d "$(shard 1)" -c "SELECT count(*) FROM srm.asset")
n2=$(q -d "$(shard 2)" -c "SELECT count(*) FROM srm.asset")
ns=$(q -d "$single" -c "SELECT count(*) FROM srm.asset")
ok "sample loaded by srm-load: shard1 $n1 assets, shard2 $n2 assets, one server $ns assets"

# --- the coordinator ---------------------------------------------------------
q -d "$coord" >"$out/coordinator-setup.txt" 2>&1 <<SQL || die "coordinator setup: $(cat "$out/coordinator-setup.txt")"
SET client_min_messages = warning;
CREATE EXTENSION srm;
CREATE EXTENSION postgres_fdw;
CREATE SCHEMA shards;
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '$work/shard1/sock', port '5432', dbname 'postgres',
             extensions 'srm', async_capable 'true', fetch_size '10000');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '$work/shard2/sock', port '5432', dbname 'postgres',
             extensions 'srm', async_capable 'true', fetch_size '10000');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user 'postgres');
-- every other role reaches the shards as postgres too (the shards trust
-- local sockets here, hence no password); the coordinator's row-level
-- security scopes what a team member reads through srm.asset
CREATE USER MAPPING FOR PUBLIC SERVER shard1 OPTIONS (user 'postgres', password_required 'false');
CREATE USER MAPPING FOR PUBLIC SERVER shard2 OPTIONS (user 'postgres', password_required 'false');
CREATE FOREIGN TABLE shards.asset_shard1 (CHECK (account_id IN ($(in_list "${shard_accounts[1]}"))))
    INHERITS (srm.asset) SERVER shard1 OPTIONS (schema_name 'srm', table_name 'asset');
CREATE FOREIGN TABLE shards.asset_shard2 (CHECK (account_id IN ($(in_list "${shard_accounts[2]}"))))
    INHERITS (srm.asset) SERVER shard2 OPTIONS (schema_name 'srm', table_name 'asset');
-- statistics of the whole (the parent, for the audit's joins) and of each
-- shard's foreign table (sampled on the shard)
ANALYZE srm.asset, shards.asset_shard1, shards.asset_shard2;
SQL
nc=$(q -d "$coord" -c "SELECT count(*) FROM srm.asset")
nl=$(q -d "$coord" -c "SELECT count(*) FROM ONLY srm.asset")
if [ "$nc" = "$ns" ] && [ "$nl" = 0 ]; then
	ok "the coordinator's srm.asset shows the shards' $nc assets (none of its own)"
else
	bad "the coordinator's srm.asset shows $nc assets ($nl of its own), one server has $ns"
fi
dup=$(q -d "$coord" -c "SELECT count(*) - count(DISTINCT asset_id) FROM srm.asset")
[ "$dup" = 0 ] || bad "asset ids repeat across shards ($dup)"

# --- what the customer has done: the same rows on every server ---------------
# account-scoped statuses (their groups are stored), service-scoped ones, one
# asset's status and one account's override
arn=$(q -d "$single" -c "SELECT arn FROM srm.asset WHERE resource_type = 'AWS::EC2::Instance'
                         AND account_id = '${shard_accounts[2]%%,*}' ORDER BY arn LIMIT 1")
[ -n "$arn" ] || die "no EC2 instance in the sample"
accounts_list=$(in_list "${shard_accounts[1]},${shard_accounts[2]}")
evidence() {
	q -d "$1" >/dev/null <<SQL
INSERT INTO srm.control_status (framework_id, control_id, account_id, status, evidence)
SELECT '$fw', c, a, 'implemented', e
FROM unnest(ARRAY[$accounts_list]) a,
     (VALUES ('AC-2', 'quarterly access reviews'), ('IA-2', 'MFA enforced by SCP'),
             ('AU-2', 'organization trail')) AS v(c, e);
INSERT INTO srm.control_status (framework_id, control_id, service_namespace, status, evidence)
VALUES ('$fw', 'SI-2', 'ec2', 'implemented', 'patch baselines'),
       ('$fw', 'SC-28', 's3', 'implemented', 'default encryption'),
       ('$fw', 'SC-7', 'ec2', 'partial', 'security groups reviewed');
INSERT INTO srm.control_status (framework_id, control_id, asset, status, evidence)
VALUES ('$fw', 'CM-6', '$arn', 'implemented', 'hardened image');
INSERT INTO srm.override (framework_id, control_id, account_id, responsibility, reason)
VALUES ('$fw', 'CP-9', '${shard_accounts[1]}', 'customer', 'backups are ours in production');
SQL
}
for db in "$coord" "$single" "$(shard 1)" "$(shard 2)"; do
	evidence "$db" || die "statuses and overrides on $db"
done

# --- 1. the audit on the coordinator and on one server -----------------------
# the coordinator's audits run with auto_explain (verbose, nested
# statements, sent to the client as notices): the plans of the audit itself
# (25 MB: kept in the work directory, the scope's plan copied to OUTDIR)
audit_explained() {
	q -d "$coord" -c "LOAD 'auto_explain'" -c "SET auto_explain.log_min_duration = 0" \
		-c "SET auto_explain.log_nested_statements = on" -c "SET auto_explain.log_verbose = on" \
		-c "SET auto_explain.log_level = notice" -c "SET client_min_messages = notice" \
		-c "SELECT srm.run_audit('$fw', '$bl', $1, note => 'scale-out')" 2>"$2"
}
run_c=$(audit_explained NULL "$work/audit-plans.txt") || die "srm.run_audit on the coordinator: $(grep -m3 ERROR "$work/audit-plans.txt")"
run_s=$(q -d "$single" -c "SELECT srm.run_audit('$fw', '$bl', note => 'one server')") || die "srm.run_audit on the reference"

# the figures of run $2 on database $1
figures() {
	q -d "$1" -F ' ' <<SQL
SELECT 'audit_run', assets, unknown_assets, controls, asset_controls, gaps FROM srm.audit_run WHERE run_id = $2;
SELECT 'bi_run', not_applicable, inherited, shared, customer_specific, gaps FROM srm.bi_run WHERE run_id = $2;
SELECT 'accounts', account_id, count(*), count(*) FILTER (WHERE known)
FROM srm.audit_asset WHERE run_id = $2 GROUP BY account_id ORDER BY account_id;
SELECT 'bi_responsibility_mix', account_id, class, sum(asset_controls), sum(gaps)
FROM srm.bi_responsibility_mix WHERE run_id = $2 GROUP BY account_id, class ORDER BY account_id, class;
SELECT 'bi_gaps_by_family', family_id, gaps, customer_asset_controls, controls_with_gaps
FROM srm.bi_gaps_by_family WHERE run_id = $2 ORDER BY family_id;
SELECT 'bi_customer_gaps', count(*), sum(assets), count(DISTINCT asset) FROM srm.bi_customer_gaps WHERE run_id = $2;
SELECT 'bi_trend', class, asset_controls, gaps FROM srm.bi_trend WHERE run_id = $2 ORDER BY class;
SELECT 'bi_inherited_controls', service_namespace, count(*), sum(asset_controls), sum(accounts)
FROM srm.bi_inherited_controls WHERE run_id = $2 GROUP BY service_namespace ORDER BY service_namespace;
SELECT 'bi_unknown_assets', account_id, resource_type, count(*)
FROM srm.bi_unknown_assets WHERE run_id = $2 GROUP BY account_id, resource_type ORDER BY account_id, resource_type;
SQL
}
figures "$coord" "$run_c" >"$out/figures-coordinator.txt" || bad "figures of the coordinator's run"
figures "$single" "$run_s" >"$out/figures-one-server.txt" || bad "figures of the reference's run"
if [ -s "$out/figures-coordinator.txt" ] && cmp -s "$out/figures-coordinator.txt" "$out/figures-one-server.txt"; then
	ok "srm.run_audit on the coordinator = on one server ($(wc -l <"$out/figures-coordinator.txt") figures lines):"
	grep -E '^(audit_run|bi_run|accounts|bi_customer_gaps) ' "$out/figures-coordinator.txt" | sed 's/^/    /'
else
	bad "the coordinator's audit differs from one server's:"
	diff "$out/figures-one-server.txt" "$out/figures-coordinator.txt" | head -n 20 >&2
fi

# --- 2. the audit's plans ----------------------------------------------------
# plan_of FILE TEXT: the auto_explain block whose query text holds TEXT
plan_of() {
	awk -v t="$2" '/(NOTICE|LOG): +duration: .* plan:/ { if (blk ~ t) printf "%s", blk; blk = "" } { blk = blk $0 "\n" }
	               END { if (blk ~ t) printf "%s", blk }' "$1"
}
scope='INSERT INTO srm.audit_asset'
plan_of "$work/audit-plans.txt" "$scope" >"$out/audit-scope-plan.txt"
if grep -q 'Foreign Scan on shards.asset_shard1' "$out/audit-scope-plan.txt" &&
	grep -q 'Foreign Scan on shards.asset_shard2' "$out/audit-scope-plan.txt" &&
	[ "$(grep -c 'Remote SQL: SELECT .* FROM srm\.asset' "$out/audit-scope-plan.txt")" -ge 2 ]; then
	ok "the audit reads the inventory from each shard (auto_explain of srm.run_audit's scope):"
	grep -E 'Foreign Scan on|Remote SQL' "$out/audit-scope-plan.txt" | sed -E 's/^ */    /; s/(Remote SQL: SELECT ).{60,}( FROM srm\.asset.*)/\1...\2/'
else
	bad "no Foreign Scan per shard with Remote SQL on srm.asset in the audit's scope plan ($out/audit-scope-plan.txt)"
fi
a1=${shard_accounts[1]}
run_1=$(audit_explained "ARRAY['$a1']" "$work/audit-one-account-plans.txt") ||
	die "srm.run_audit of account $a1 on the coordinator: $(grep -m3 ERROR "$work/audit-one-account-plans.txt")"
plan_of "$work/audit-one-account-plans.txt" "$scope" >"$out/audit-one-account-scope-plan.txt"
if grep -q "Remote SQL: SELECT .* FROM srm\.asset WHERE .*account_id = ANY ('{$a1}'::text\[\])" "$out/audit-one-account-scope-plan.txt" &&
	! grep -q 'asset_shard2' "$out/audit-one-account-scope-plan.txt"; then
	ok "an audit of account $a1 filters by account on its shard and skips the other:"
	grep -E 'Foreign Scan on|Remote SQL' "$out/audit-one-account-scope-plan.txt" | sed -E 's/^ */    /; s/(Remote SQL: SELECT ).{60,}( FROM srm\.asset.*)/\1...\2/'
else
	bad "the one-account audit's scope plan has no account filter in its Remote SQL, or scans shard2 ($out/audit-one-account-scope-plan.txt)"
fi
run_1s=$(q -d "$single" -c "SELECT srm.run_audit('$fw', '$bl', ARRAY['$a1'])")
want=$(q -d "$single" -c "SELECT assets || ' ' || asset_controls || ' ' || gaps FROM srm.audit_run WHERE run_id = $run_1s")
got=$(q -d "$coord" -c "SELECT assets || ' ' || asset_controls || ' ' || gaps FROM srm.audit_run WHERE run_id = $run_1")
[ -n "$got" ] && [ "$got" = "$want" ] && ok "audit of account $a1: assets, asset x control pairs, gaps $got, as on one server" ||
	bad "audit of account $a1: coordinator '$got', one server '$want'"

# a team member's audit on the coordinator: its account only (row-level
# security of srm.asset applies to the rows of its foreign children), as on
# one server; the member has no right on the foreign tables themselves
a2=${shard_accounts[2]%%,*}
team() {
	q -d "$1" >/dev/null <<SQL
SET client_min_messages = warning;
DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'srm_scaleout_team') THEN CREATE ROLE srm_scaleout_team; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'srm_scaleout_alice') THEN CREATE ROLE srm_scaleout_alice; END IF;
END \$\$;
GRANT srm_scaleout_team TO srm_scaleout_alice;
GRANT SELECT, INSERT, UPDATE, DELETE ON srm.asset, srm.asset_load, srm.asset_load_rejection,
    srm.control_status, srm.override, srm.audit_run, srm.audit_asset, srm.audit_finding,
    srm.audit_group, srm.audit_default, srm.audit_gap, srm.audit_override, srm.audit_status, srm.audit_check TO srm_scaleout_team;
GRANT USAGE ON SEQUENCE srm.asset_asset_id_seq, srm.asset_load_load_id_seq, srm.control_status_status_id_seq,
    srm.override_override_id_seq, srm.audit_run_run_id_seq TO srm_scaleout_team;
INSERT INTO srm.team_account (team, account_id) VALUES ('srm_scaleout_team', '$a2');
SQL
}
team "$coord" && team "$single" || die "the team on the coordinator and the reference"
seen=$(q -d "$coord" -c "SET ROLE srm_scaleout_alice" -c "SELECT string_agg(DISTINCT account_id, ',') || ' ' || count(*) FROM srm.asset")
direct=$(q -d "$coord" -c "SET ROLE srm_scaleout_alice" -c "SELECT count(*) FROM shards.asset_shard2" 2>&1)
run_tc=$(q -d "$coord" -c "SET ROLE srm_scaleout_alice" -c "SELECT srm.run_audit('$fw', '$bl', note => 'team')" 2>&1)
run_ts=$(q -d "$single" -c "SET ROLE srm_scaleout_alice" -c "SELECT srm.run_audit('$fw', '$bl', note => 'team')" 2>&1)
figures "$coord" "$run_tc" >"$out/figures-team-coordinator.txt" 2>&1
figures "$single" "$run_ts" >"$out/figures-team-one-server.txt" 2>&1
if [ "$seen" = "$a2 $(q -d "$single" -c "SELECT count(*) FROM srm.asset WHERE account_id = '$a2'")" ] &&
	[[ "$direct" == *"permission denied"* ]] &&
	[ "$(q -d "$coord" -c "SELECT accounts FROM srm.audit_run WHERE run_id = $run_tc")" = "{$a2}" ] &&
	cmp -s "$out/figures-team-coordinator.txt" "$out/figures-team-one-server.txt"; then
	ok "a team member of account $a2 sees its $(cut -d' ' -f2 <<<"$seen") assets through srm.asset, not the foreign tables, and its audit equals one server's: $(grep '^audit_run' "$out/figures-team-coordinator.txt")"
else
	bad "team member on the coordinator: sees '$seen', foreign table read '$direct', run '$run_tc' / '$run_ts':"
	diff "$out/figures-team-one-server.txt" "$out/figures-team-coordinator.txt" | head -n 10 >&2
fi

# --- 3. per-shard audits, rolled up on the coordinator -----------------------
for s in 1 2; do
	rid[$s]=$(q -d "$(shard $s)" -c "SELECT srm.run_audit('$fw', '$bl', note => 'shard $s')") || die "srm.run_audit on shard $s"
	q -d "$coord" -c "CREATE SCHEMA shard${s}_audit" \
		-c "IMPORT FOREIGN SCHEMA srm LIMIT TO (audit_finding, audit_group, audit_default) FROM SERVER shard$s INTO shard${s}_audit" ||
		die "IMPORT FOREIGN SCHEMA from shard $s"
done
# per account: asset x control pairs the customer takes part in, and gaps;
# a run's stored groups from its findings, the others from their service's
# answers (as srm_internal.audit_fold counts them).  $1: schema, $2: run
part() {
	cat <<SQL
SELECT f.account_id, sum(f.assets) AS customer_pairs, sum(f.assets) FILTER (WHERE f.gap) AS gaps
FROM $1.audit_finding f
WHERE f.run_id = $2 AND f.responsibility OPERATOR(srm.&&) 'customer'::srm.responsibility
GROUP BY f.account_id
UNION ALL
SELECT g.account_id, sum(g.assets), sum(g.assets) FILTER (WHERE d.gap)
FROM $1.audit_group g
JOIN $1.audit_default d ON d.run_id = g.run_id AND d.service_namespace = g.service_namespace AND d.grain = g.grain
WHERE g.run_id = $2 AND NOT g.stored AND d.responsibility OPERATOR(srm.&&) 'customer'::srm.responsibility
GROUP BY g.account_id
SQL
}
rollup() {
	echo "SELECT 'customer_pairs', account_id, sum(customer_pairs), sum(gaps) FROM ("
	local sep=""
	while [ $# -gt 0 ]; do
		printf '%s' "$sep"; part "$1" "$2"; shift 2; sep="UNION ALL"$'\n'
	done
	echo ") x GROUP BY account_id ORDER BY account_id"
}
sharded=$(rollup shard1_audit "${rid[1]}" shard2_audit "${rid[2]}")
q -d "$coord" -F ' ' -c "$sharded" >"$out/rollup-shards.txt" || bad "the roll-up over the shards' audits"
q -d "$coord" -F ' ' -c "$(rollup srm "$run_c")" >"$out/rollup-coordinator.txt" || bad "the roll-up of the coordinator's run"
q -d "$single" -F ' ' -c "$(rollup srm "$run_s")" >"$out/rollup-one-server.txt" || bad "the roll-up of the reference's run"
if [ "$(wc -l <"$out/rollup-shards.txt")" -eq 3 ] && cmp -s "$out/rollup-shards.txt" "$out/rollup-one-server.txt" &&
	cmp -s "$out/rollup-coordinator.txt" "$out/rollup-one-server.txt"; then
	ok "per account, customer asset x control pairs and gaps: shards' audits rolled up = coordinator's audit = one server:"
	sed 's/^/    /' "$out/rollup-shards.txt"
else
	bad "per-account roll-ups differ (shards, coordinator, one server):"
	paste -d '|' "$out/rollup-shards.txt" "$out/rollup-coordinator.txt" "$out/rollup-one-server.txt" >&2
fi
q -d "$coord" -c "EXPLAIN (VERBOSE, COSTS OFF) $sharded" >"$out/rollup-explain.txt" || bad "EXPLAIN of the roll-up"
# (the constant is shipped as 'customer', its type being the operator's)
filter="responsibility OPERATOR\(srm\.&&\) 'customer'"
pushed=$(grep -cE "Remote SQL: SELECT .*sum\(.*$filter.* GROUP BY 1" "$out/rollup-explain.txt")
joined=$(grep -cE "Remote SQL: SELECT .* FROM \(srm\.audit_group .* INNER JOIN srm\.audit_default .*$filter.* GROUP BY 1" "$out/rollup-explain.txt")
if [ "$pushed" -eq 4 ] && [ "$joined" -eq 2 ] && ! grep -qE '^ *Filter:' "$out/rollup-explain.txt"; then
	ok "EXPLAIN VERBOSE of the roll-up: the responsibility filter and the per-account aggregates run on the shards (4 Remote SQL, 2 of them joins):"
	grep -E 'Foreign Scan|Relations:|Remote SQL' "$out/rollup-explain.txt" | sed -E 's/^ */    /'
else
	bad "EXPLAIN VERBOSE of the roll-up: $pushed Remote SQL with the filter and GROUP BY (want 4), $joined joins (want 2), or a local Filter ($out/rollup-explain.txt)"
fi
# the same without srm in shard1's extensions option: the filter is not
# shipped there (postgres_fdw ships only built-in objects and those of the
# extensions it is told the shard has)
q -d "$coord" -c "ALTER SERVER shard1 OPTIONS (DROP extensions)" >/dev/null
q -d "$coord" -c "EXPLAIN (VERBOSE, COSTS OFF) $sharded" >"$out/rollup-explain-no-extensions.txt"
q -d "$coord" -c "ALTER SERVER shard1 OPTIONS (ADD extensions 'srm')" >/dev/null
kept=$(grep -cE "Remote SQL: .*$filter" "$out/rollup-explain-no-extensions.txt")
if [ "$kept" -eq 2 ] && [ "$(grep -cE "^ *Filter: .*$filter" "$out/rollup-explain-no-extensions.txt")" -eq 2 ]; then
	ok "without extensions 'srm' on shard1 its responsibility filters stay on the coordinator (2 local Filter lines; only shard2's 2 Remote SQL have them)"
else
	bad "without extensions 'srm' on shard1: $kept Remote SQL with the filter (want 2), local filter: $(grep -cE 'Filter:' "$out/rollup-explain-no-extensions.txt") ($out/rollup-explain-no-extensions.txt)"
fi

[ $fails -eq 0 ] && echo "$name: all checks passed (output in $out)"
exit $((fails > 0))
