#!/usr/bin/env bash
# bench/findings.sh [N]: the time of srm.load_findings on a document of N
# generated Security Hub findings (default 20000; bench/gen_findings.py),
# loaded into a fresh database with srm, best of 3 (BENCH_RUNS; each run in a new
# database).  The server reads the document into a table first
# (pg_read_file: run as a superuser, the file readable by the server), so
# only the load is timed.  Run in a throw-away cluster with srm installed:
#   test/lib/private-root.sh -- bash -c 'make -s install with_llvm=no && \
#     setsid -w pg_virtualenv -t bash bench/findings.sh 20000 </dev/null'
# Prints one line: findings, rows loaded and rejected, seconds, findings/s.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-20000}
work=${BENCH_DIR:-/tmp/srm-bench-findings}
mkdir -p "$work"
doc=$work/findings-$n.json
[ -f "$doc" ] || python3 "$top/bench/gen_findings.py" "$n" "$doc"
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
best=
for run in $(seq "${BENCH_RUNS:-3}"); do
	db=srm_bench_findings
	q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
	q -d "$db" -c 'CREATE EXTENSION srm' -c "CREATE TABLE doc AS SELECT pg_read_file('$doc')::jsonb AS j"
	out=$(q -d "$db" -c 'SET client_min_messages = warning' -c '\timing on' \
		-c 'SELECT srm.load_findings(j, $$bench$$) FROM doc' 2>&1)
	ms=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' <<<"$out")
	counts=$(q -d "$db" -c 'SELECT findings_inserted || $$ loaded, $$ || findings_rejected || $$ rejected$$ FROM srm.finding_load')
	if [ -z "$best" ] || awk -v a="$ms" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$ms; fi
	echo "run $run: $ms ms ($counts)" >&2
	q -d postgres -c "DROP DATABASE $db"
done
awk -v n="$n" -v ms="$best" -v c="$counts" 'BEGIN { printf "%d findings (%s): %.2f s, %.0f findings/s\n", n, c, ms / 1000, n / (ms / 1000) }'
