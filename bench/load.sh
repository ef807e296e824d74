#!/usr/bin/env bash
# bench/load.sh [N...]: srm-load's throughput and memory, N items per file
# (default 100000 300000), against the server's own JSON parse of the same
# items.  Run in a throw-away cluster with srm and srm-load installed, e.g.
#   test/lib/private-root.sh -- bash -c 'make -s install && setsid -w \
#     pg_virtualenv -t -o max_wal_size=4GB bash bench/load.sh 100000 1000000 </dev/null'
# Data: tools/sample/gen_sample_snapshot.py (100,000 items over 1,000
# accounts, seed 42) repeated by bench/gen_load.py with new ids, about
# 1 kB an item, kept in BENCH_DIR (default /tmp/srm-bench-load).
# For each N: the baseline (COPY of the items, one per line, into a text
# table, then item::jsonb over every row: the server's own parse), then
# srm-load of the snapshot file into a fresh database: elapsed time,
# items/s, the client's peak RSS (/usr/bin/time -v) and the backend's
# (VmHWM from /proc, sampled every 0.2 s).  Writes
# bench/results/load-VERSION-DATE.tsv and .md (BENCH_TAG appended).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 300000)
work=${BENCH_DIR:-/tmp/srm-bench-load}
mkdir -p "$work"
version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$top/srm.control")
stamp=$(date -u +%Y-%m-%d)
res=$top/bench/results/load-$version-$stamp${BENCH_TAG:+-$BENCH_TAG}
SRM_LOAD=${SRM_LOAD:-$(pg_config --bindir)/srm-load}
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

[ -f "$work/base.json" ] ||
	python3 "$top/tools/sample/gen_sample_snapshot.py" --items 100000 --accounts 1000 --seed 42 --out "$work/base.json" >/dev/null
tpl=srm_bench_load_tpl
q -d postgres -c "DROP DATABASE IF EXISTS $tpl" -c "CREATE DATABASE $tpl"
q -d "$tpl" -c 'CREATE EXTENSION srm'

printf 'items\tbytes\tparse_copy_s\tparse_jsonb_s\tload_s\titems_per_s\tload_over_parse\tclient_rss_mb\tbackend_hwm_mb\tloaded\trejected\n' >"$res.tsv"
for n in "${sizes[@]}"; do
	f=$work/load-$n.json
	[ -f "$f" ] || python3 "$top/bench/gen_load.py" "$work/base.json" "$n" "$f"
	bytes=$(stat -c %s "$f")
	db=srm_bench_load_$n
	q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE $tpl"

	# the server's own parse: the items as text, then as jsonb
	t0=$(date +%s.%N)
	q -d "$db" -c "CREATE UNLOGGED TABLE bench_raw (item text)" \
		-c "\\copy bench_raw FROM '${f%.json}.ndjson' (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')"
	t1=$(date +%s.%N)
	q -d "$db" -c "SELECT count(jsonb_typeof(item::jsonb)) FROM bench_raw" >/dev/null
	t2=$(date +%s.%N)
	q -d "$db" -c "DROP TABLE bench_raw" -c CHECKPOINT

	# srm-load, with the backend's peak RSS sampled from /proc
	/usr/bin/time -v -o "$work/time-$n.txt" "$SRM_LOAD" -d "$db" "$f" >"$work/load-$n.txt" &
	lp=$!
	: >"$work/hwm-$n.txt"
	(
		bp=""
		while kill -0 $lp 2>/dev/null; do
			[ -n "$bp" ] || bp=$(q -d postgres -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'srm-load' AND datname = '$db'" 2>/dev/null || true)
			[ -n "$bp" ] && sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$bp/status" 2>/dev/null >>"$work/hwm-$n.txt"
			sleep 0.2
		done
	) &
	sp=$!
	t3=$(date +%s.%N)
	wait $lp
	t4=$(date +%s.%N)
	wait $sp || true
	cat "$work/load-$n.txt"
	client_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-$n.txt")
	backend_kb=$(sort -n "$work/hwm-$n.txt" | tail -n 1)
	read -r loaded rejected < <(q -d "$db" -F ' ' -c "SELECT assets_inserted + assets_updated, items_rejected FROM srm.asset_load")
	awk -v n="$n" -v b="$bytes" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" -v t4="$t4" \
		-v ck="$client_kb" -v bk="${backend_kb:-0}" -v ld="$loaded" -v rj="$rejected" \
		'BEGIN { c = t1 - t0; p = t2 - t1; l = t4 - t3; printf "%d\t%d\t%.1f\t%.1f\t%.1f\t%.0f\t%.2f\t%.0f\t%.0f\t%d\t%d\n", n, b, c, p, l, n / l, l / (c + p), ck / 1024, bk / 1024, ld, rj }' >>"$res.tsv"
	tail -n 1 "$res.tsv"
	q -d postgres -c "DROP DATABASE $db"
done
q -d postgres -c "DROP DATABASE $tpl"

{
	echo "# srm-load benchmark, srm $version, $stamp"
	echo
	echo "$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB, shared with other work; PostgreSQL $(q -d postgres -c 'SHOW server_version'),"
	echo "shared_buffers $(q -d postgres -c 'SHOW shared_buffers'), max_wal_size $(q -d postgres -c 'SHOW max_wal_size'), work_mem $(q -d postgres -c 'SHOW work_mem')."
	echo "Parse: COPY of the items as text lines, then item::jsonb over every row (the server's own parse)."
	echo "Load: srm-load of the snapshot file (one object, configurationItems) into a fresh database."
	echo
	echo "| items | file MB | parse: COPY s | parse: jsonb s | srm-load s | items/s | load / parse | client peak RSS MB | backend peak RSS MB | loaded | rejected |"
	echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	tail -n +2 "$res.tsv" | awk -F '\t' '{ printf "| %d | %.0f | %s | %s | %s | %s | %s | %s | %s | %d | %d |\n", $1, $2 / 1048576, $3, $4, $5, $6, $7, $8, $9, $10, $11 }'
} >"$res.md"
cat "$res.md"
