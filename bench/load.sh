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
# table, then item::jsonb over every row: the server's own parse), the
# file as one jsonb document as srm.load_config_snapshot takes it (files
# under 250 MB: a jsonb value holds at most 256 MB), then,
# BENCH_ROUNDS times (default 1), srm-load of the snapshot file into a
# fresh database with each -j of BENCH_JOBS in turn (default "1"; e.g.
# BENCH_JOBS="1 2" BENCH_ROUNDS=2 interleaves -j 1 and -j 2, so that their
# ratio is measured under the same load of a shared machine): elapsed
# time, items/s, the client's peak RSS (/usr/bin/time -v), the backends'
# peak private memory (the sum over srm-load's connections of RssAnon from
# /proc, sampled every 0.2 s: shared_buffers is shared memory, not in it)
# and their peak VmHWM (shared pages touched included, as in earlier
# results), the backends' and the client's CPU seconds, and how busy the
# machine was during the load (from /proc/stat: 100 % is every core), by
# anything and by other work than this load.  Writes
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
read -r -a jobs <<<"${BENCH_JOBS:-1}"
rounds=${BENCH_ROUNDS:-1}
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

[ -f "$work/base.json" ] ||
	python3 "$top/tools/sample/gen_sample_snapshot.py" --items 100000 --accounts 1000 --seed 42 --out "$work/base.json" >/dev/null
tpl=srm_bench_load_tpl
q -d postgres -c "DROP DATABASE IF EXISTS $tpl" -c "CREATE DATABASE $tpl"
q -d "$tpl" -c 'CREATE EXTENSION srm'

printf 'items\tjobs\tround\tbytes\tparse_copy_s\tparse_jsonb_s\tload_s\titems_per_s\tload_over_parse\tclient_rss_mb\tbackends_anon_mb\tbackend_hwm_mb\tbackend_cpu_s\tclient_cpu_s\tmachine_busy_pct\tothers_pct\tloaded\trejected\tparse_document_s\tload_over_document\n' >"$res.tsv"
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
	# and the file as one document, as srm.load_config_snapshot(jsonb) takes
	# it (read by the server, then cast to jsonb); a jsonb value holds at
	# most 256 MB, so larger files have none
	doc=-
	if [ "$bytes" -lt 250000000 ]; then
		td0=$(date +%s.%N)
		q -d "$db" -c "SELECT jsonb_typeof(pg_read_file('$f')::jsonb)" >/dev/null
		td1=$(date +%s.%N)
		doc=$(awk -v a="$td0" -v b="$td1" 'BEGIN { printf "%.1f", b - a }')
	fi
	q -d postgres -c "DROP DATABASE $db"

	for r in $(seq "$rounds"); do
		for j in "${jobs[@]}"; do
			q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE $tpl" -c CHECKPOINT
			# srm-load, with its backends' memory and CPU sampled from /proc
			tag=$n-j$j-r$r
			/usr/bin/time -v -o "$work/time-$tag.txt" "$SRM_LOAD" -j "$j" -d "$db" "$f" >"$work/load-$tag.txt" &
			lp=$!
			(
				# bash builtins only, one sleep per sample: the sampler must
				# not take the CPU it measures (with awk per value it took a
				# quarter of a core, an eighth of this 2-core machine)
				bps=()
				while kill -0 $lp 2>/dev/null; do
					# the backends, found once all are connected; then /proc only
					[ "${#bps[@]}" -ge "$j" ] ||
						mapfile -t bps < <(q -d postgres -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'srm-load' AND datname = '$db'" 2>/dev/null || true)
					anon=0 hwm=0 cpu=0
					for bp in "${bps[@]}"; do
						a=0 h=0 st=()
						{ while read -r k v _; do
							case $k in RssAnon:) a=$v ;; VmHWM:) h=$v ;; esac
						done <"/proc/$bp/status"; } 2>/dev/null || true
						{ read -r -a st <"/proc/$bp/stat"; } 2>/dev/null || true
						anon=$((anon + a)) cpu=$((cpu + ${st[13]:-0} + ${st[14]:-0}))
						[ "$h" -gt "$hwm" ] && hwm=$h
					done
					echo "$anon $hwm $cpu"
					sleep 0.2
				done
			) >"$work/mem-$tag.txt" &
			sp=$!
			read -r b0 a0 < <(busy)
			t3=$(date +%s.%N)
			wait $lp
			t4=$(date +%s.%N)
			read -r b1 a1 < <(busy)
			wait $sp || true
			cat "$work/load-$tag.txt"
			client_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-$tag.txt")
			client_cpu=$(awk -F ': ' '/User time|System time/ { s += $2 } END { print s + 0 }' "$work/time-$tag.txt")
			read -r anon_kb hwm_kb cpu_t < <(awk '{ if ($1 > a) a = $1; if ($2 > h) h = $2; if ($3 > c) c = $3 } END { print a + 0, h + 0, c + 0 }' "$work/mem-$tag.txt")
			read -r loaded rejected < <(q -d "$db" -F ' ' -c "SELECT assets_inserted + assets_updated, items_rejected FROM srm.asset_load")
			awk -v n="$n" -v j="$j" -v r="$r" -v b="$bytes" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" -v t4="$t4" \
				-v ck="$client_kb" -v ak="$anon_kb" -v hk="$hwm_kb" -v ct="$cpu_t" -v hz="$(getconf CLK_TCK)" \
				-v cc="$client_cpu" -v np="$(nproc)" -v bb="$((b1 - b0))" -v ba="$((a1 - a0))" -v ld="$loaded" -v rj="$rejected" -v dc="$doc" \
				'BEGIN { c = t1 - t0; p = t2 - t1; l = t4 - t3; bu = 100 * bb / (ba ? ba : 1); o = bu - 100 * (ct / hz + cc) / (l * np); printf "%d\t%d\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.0f\t%.2f\t%.0f\t%.0f\t%.0f\t%.1f\t%.1f\t%.0f\t%.0f\t%d\t%d\t%s\t%s\n", n, j, r, b, c, p, l, n / l, l / (c + p), ck / 1024, ak / 1024, hk / 1024, ct / hz, cc, bu, o < 0 ? 0 : o, ld, rj, dc, dc == "-" ? "-" : sprintf("%.2f", l / dc) }' >>"$res.tsv"
			tail -n 1 "$res.tsv"
			q -d postgres -c "DROP DATABASE $db"
		done
	done
done
q -d postgres -c "DROP DATABASE $tpl"

{
	echo "# srm-load benchmark, srm $version, $stamp"
	echo
	echo "$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB, shared with other work; PostgreSQL $(q -d postgres -c 'SHOW server_version'),"
	echo "shared_buffers $(q -d postgres -c 'SHOW shared_buffers'), max_wal_size $(q -d postgres -c 'SHOW max_wal_size'), work_mem $(q -d postgres -c 'SHOW work_mem')."
	echo "Parse: COPY of the items as text lines, then item::jsonb over every row (the server's own parse of the items; load / parse is against their sum)."
	echo "Document parse: the file read by the server and cast to jsonb as one value, as srm.load_config_snapshot(jsonb) takes it (none above 250 MB: a jsonb value holds at most 256 MB)."
	echo "Load: srm-load -j N of the snapshot file (one object, configurationItems) into a fresh database; rounds of -j ${jobs[*]} interleaved."
	echo "Memory: the client's peak RSS; the backends' peak private memory (sum of RssAnon; shared_buffers, $(q -d postgres -c 'SHOW shared_buffers'), is shared and not in it) and their largest VmHWM (shared pages included)."
	echo "CPU: the backends' and the client's CPU seconds; machine busy: the share of all $(nproc) cores in use during the load by anything; others: by anything but srm-load and its backends (other work on the shared machine)."
	echo
	echo "| items | -j | round | file MB | parse: COPY s | parse: jsonb s | srm-load s | items/s | load / parse | client peak RSS MB | backends' peak private MB | backend peak VmHWM MB | backends' CPU s | client CPU s | machine busy % | others % | loaded | rejected | document parse s | load / document parse |"
	echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	tail -n +2 "$res.tsv" | awk -F '\t' '{ printf "| %d | %d | %d | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d | %d | %s | %s |\n", $1, $2, $3, $4 / 1048576, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20 }'
} >"$res.md"
cat "$res.md"
