#!/usr/bin/env bash
# bench/load_floor.sh [N] [ROUNDS]: how much of srm-load's time is the cost
# of writing srm.asset at all.  In one throw-away database, ROUNDS times
# (default 2) for N items (default 100000, the data of bench/load.sh):
#   parse   the server's own parse (COPY of the items as text lines, then
#           item::jsonb over every row), as in bench/load.sh;
#   load    srm-load of the snapshot file into an empty srm.asset;
#   write   COPY of the rows srm-load wrote (dumped with COPY TO) into a
#           table LIKE srm.asset, first without indexes, then with all of
#           srm.asset's indexes and constraints: no JSON, no checks, no
#           merge, only the heap, its TOAST and the indexes.
# Times are printed with their ratio to the parse of the same round, and
# written to bench/results/load-floor-VERSION-DATE.md (BENCH_TAG appended).
# Run in a throw-away cluster with srm and srm-load installed, e.g.
#   test/lib/private-root.sh -- bash -c 'make -s install && setsid -w \
#     pg_virtualenv -t -o max_wal_size=4GB bash bench/load_floor.sh </dev/null'
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000}
rounds=${2:-2}
work=${BENCH_DIR:-/tmp/srm-bench-load}
mkdir -p "$work"
version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$top/srm.control")
res=$top/bench/results/load-floor-$version-$(date -u +%Y-%m-%d)${BENCH_TAG:+-$BENCH_TAG}.md
SRM_LOAD=${SRM_LOAD:-$(pg_config --bindir)/srm-load}
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
elapsed() { local s; s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) $s" | awk '{ printf "%.2f", $1 - $2 }'; }

[ -f "$work/base.json" ] ||
	python3 "$top/tools/sample/gen_sample_snapshot.py" --items 100000 --accounts 1000 --seed 42 --out "$work/base.json" >/dev/null
f=$work/load-$n.json
[ -f "$f" ] || python3 "$top/bench/gen_load.py" "$work/base.json" "$n" "$f"
db=srm_bench_floor
q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
q -d "$db" -c 'CREATE EXTENSION srm'
rows=$work/floor-assets.copy

{
	echo "# srm-load against the cost of writing srm.asset, srm $version, $(date -u +%Y-%m-%d)"
	echo
	echo "$n items ($(($(stat -c %s "$f") / 1048576)) MB); $(nproc) cores; load average $(cut -d ' ' -f 1 /proc/loadavg) at the start;"
	echo "shared_buffers $(q -d postgres -c 'SHOW shared_buffers'), max_wal_size $(q -d postgres -c 'SHOW max_wal_size'). Seconds, and in brackets the ratio to the parse of the same round."
	echo
	echo "| round | parse (COPY + jsonb) | srm-load | write the rows, no index | write the rows, srm.asset's indexes |"
	echo "|---:|---:|---:|---:|---:|"
} >"$res"
for r in $(seq "$rounds"); do
	q -d "$db" -c 'TRUNCATE srm.asset, srm.asset_load, srm.asset_load_rejection' \
		-c 'DROP TABLE IF EXISTS bench_raw, bench_plain, bench_indexed' -c CHECKPOINT
	c=$(elapsed q -d "$db" -c 'CREATE UNLOGGED TABLE bench_raw (item text)' \
		-c "\\copy bench_raw FROM '${f%.json}.ndjson' (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')")
	p=$(elapsed q -d "$db" -c 'SELECT count(jsonb_typeof(item::jsonb)) FROM bench_raw')
	q -d "$db" -c 'DROP TABLE bench_raw' -c CHECKPOINT
	l=$(elapsed "$SRM_LOAD" -q -d "$db" "$f")
	q -d "$db" -c "\\copy (SELECT * FROM srm.asset) TO '$rows'" \
		-c 'CREATE TABLE bench_plain (LIKE srm.asset)' -c 'CREATE TABLE bench_indexed (LIKE srm.asset INCLUDING ALL)' -c CHECKPOINT
	w0=$(elapsed q -d "$db" -c "\\copy bench_plain FROM '$rows'")
	q -d "$db" -c CHECKPOINT
	w1=$(elapsed q -d "$db" -c "\\copy bench_indexed FROM '$rows'")
	awk -v r="$r" -v c="$c" -v p="$p" -v l="$l" -v w0="$w0" -v w1="$w1" \
		'BEGIN { b = c + p; printf "| %d | %.1f s (×1.0) | %.1f s (×%.1f) | %.1f s (×%.1f) | %.1f s (×%.1f) |\n", r, b, l, l / b, w0, w0 / b, w1, w1 / b }' >>"$res"
done
q -d postgres -c "DROP DATABASE $db"
rm -f "$rows"
cat "$res"
