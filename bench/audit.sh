#!/usr/bin/env bash
# Audit benchmark: srm at inventory sizes and account counts an
# organisation has.  For each size and account count: a generated
# inventory (tools/sample/gen_sample_snapshot.py), a fresh database with
# srm, the load (chunks through psql, read client-side), VACUUM (ANALYZE), then
# server-side times of the load, one count(*) scan of srm.asset (the unit:
# every time is also given as a ratio to it), a NIST 800-53 r5 MODERATE
# audit (the median of --audits first audits of the case's inventory:
# its database's, then in copies of it, interleaved with the other cases'
# at the end) and the bytes its rows take, report_html, oscal_ssp, every BI view
# filtered on the run, the gaps list of one account, one service and one
# control (what a dashboard reads of it), one asset's rows of srm.audit_result and the run's
# gap count through srm.audit_result; once, in the first database: the
# README's one-instance Steampipe join, count(*) of srm.matrix and
# srm.responsibilities over 1,000 ARNs.  Short measurements are the best of
# --reps runs (runs of 5 s or more are not repeated); each measurement has
# a statement timeout and reports "timeout" instead of hanging.
#
# Needs a server with srm installed, reached through PGHOST/PGPORT/PGUSER
# (it creates and drops the database srm_bench_audit), e.g. from the top:
#   make && test/lib/private-root.sh -- bash -c 'make install &&
#     setsid -w pg_virtualenv -t -o shared_buffers=4GB ... bash bench/audit.sh </dev/null'
#
# Options:
#   --sizes "10000 100000"   inventory sizes (items); 1000000 only when asked
#   --accounts "3 1000"      account counts
#   --reps N                 repetitions of the short measurements (default 3)
#   --audits N               audits timed per case (default 3): each the first
#                            audit of a database holding the case's inventory:
#                            the case's database, then N-1 copies of it made
#                            before its audit (CREATE DATABASE ... TEMPLATE),
#                            audited at the end in rounds over the cases; the
#                            median counts, all are listed
#   --timeout T              statement_timeout of each measurement (default 15min)
#   --chunk N                items per snapshot file / load call (default 50000)
#   --loader L               sql: one srm.load_config_snapshot call per chunk,
#                            server-side time (default); srm-load: every chunk
#                            file in one srm-load run (its default -j), the
#                            client's elapsed time
#   --out DIR                results directory (default bench/results)
#   --suffix S               results file names end in S (default none):
#                            DIR/audit-<version>-<date>S.md and .tsv
#   --smoke                  2,000 items over 3 and 20 accounts (chunks of 1,000),
#                            one repetition, results in $TMPDIR or /tmp; fails
#                            unless every step ran and gave a plausible answer
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
sizes="10000 100000"
accounts="3 1000"
reps=3
audits=3
timeout=15min
chunk=50000
loader=sql
outdir=$top/bench/results
smoke=0
suffix=
while [ $# -gt 0 ]; do
    case $1 in
        --sizes) sizes=$2; shift 2 ;;
        --accounts) accounts=$2; shift 2 ;;
        --reps) reps=$2; shift 2 ;;
        --audits) audits=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        --chunk) chunk=$2; shift 2 ;;
        --loader) loader=$2; shift 2 ;;
        --out) outdir=$2; shift 2 ;;
        --suffix) suffix=$2; shift 2 ;;
        --smoke) smoke=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/audit.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ $audits =~ ^[1-9][0-9]*$ ]] || { echo "bench/audit.sh: --audits is a positive count, not \"$audits\"" >&2; exit 2; }
case $loader in
    sql) ;;
    srm-load) srm_load=$(pg_config --bindir)/srm-load
              [ -x "$srm_load" ] || { echo "bench/audit.sh: $srm_load not found (make install)" >&2; exit 2; } ;;
    *) echo "bench/audit.sh: --loader is sql or srm-load, not \"$loader\"" >&2; exit 2 ;;
esac
kept=
work=$(mktemp -d "${TMPDIR:-/tmp}/srm-bench-audit.XXXXXX")
db=srm_bench_audit
admin_db=${PGDATABASE:-postgres}
cleanup() {
    for d in $db ${db}_copy $kept; do
        psql -X -q -d "$admin_db" -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ $smoke = 1 ]; then
    sizes=2000; accounts="3 20"; reps=1; audits=2; chunk=1000; outdir=${TMPDIR:-/tmp}
fi

fail() { echo "bench/audit.sh: FAIL: $*" >&2; exit 1; }
q() { PGOPTIONS="-c statement_timeout=$timeout -c client_min_messages=warning" \
        psql -X -q -v ON_ERROR_STOP=1 -At -F $'\t' -d "$db" "$@"; }
raw=$work/raw.tsv
: >"$raw"
errors=0
# record CASE-ITEMS CASE-ACCOUNTS MEASURE MS RUNS VALUE
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$raw"; }

# measure NAME REPS SQL: time SQL in the current case, record and print it
measure() {
    local name=$1 n=$2 sql=$3 out ms runs value
    if ! out=$(q -c "SELECT ms, runs, value FROM bench.time(\$bench\$$sql\$bench\$, $n)" 2>"$work/err"); then
        errors=$((errors + 1))
        echo "  $name: ERROR: $(head -c 400 "$work/err")" >&2
        record "$items" "$accts" "$name" "" 0 error
        return 0
    fi
    IFS=$'\t' read -r ms runs value <<<"$out"
    record "$items" "$accts" "$name" "$ms" "$runs" "$value"
    printf '  %-26s %12s ms  (best of %s)  %s\n' "$name" "${ms:-}" "$runs" "$value"
    last_value=$value
}

started=$(date +%s)
version=
server=
for items in $sizes; do
    for accts in $accounts; do
        case_start=$(date +%s)
        record "$items" "$accts" loadavg "" 0 "$(cut -d' ' -f1 /proc/loadavg)"
        echo "== $items items over $accts accounts"
        rm -f "$work"/snap*.json
        python3 "$top/tools/sample/gen_sample_snapshot.py" --out "$work/snap.json" --items "$items" \
            --accounts "$accts" --chunk "$chunk" 2>"$work/gen.log" || { cat "$work/gen.log" >&2; fail "generator failed"; }
        echo "  generated in $(( $(date +%s) - case_start )) s: $(sed 's/^gen_sample_snapshot: //; s/ seed=.*//' "$work/gen.log")"
        psql -X -q -d "$admin_db" -c "DROP DATABASE IF EXISTS $db" >/dev/null
        psql -X -q -v ON_ERROR_STOP=1 -d "$admin_db" -c "CREATE DATABASE $db" >/dev/null || fail "cannot create database $db"
        q -c "CREATE EXTENSION srm" || fail "CREATE EXTENSION srm failed (is srm installed?)"
        q -f "$top/bench/audit.sql" || fail "bench/audit.sql failed"
        if [ -z "$version" ]; then
            version=$(q -c "SELECT extversion FROM pg_extension WHERE extname = 'srm'")
            server=$(q -c "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
                           WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'effective_cache_size', 'max_wal_size',
                                          'max_parallel_workers_per_gather', 'jit', 'max_connections', 'server_version')")
            echo "  srm $version; server: $server"
        fi

        # --- load: one call per chunk, the file read by psql; server-side time
        # from the statement's start (the jsonb input included) to the end
        load_ms=0; assets=0; load_failed=0
        if [ "$loader" = srm-load ]; then
            # every chunk file in one run of srm-load; the client's elapsed
            # time, connection and output included
            t0=$(date +%s%N)
            if PGOPTIONS="-c client_min_messages=warning" "$srm_load" -q -d "$db" "$work"/snap-*.json >"$work/err" 2>&1; then
                load_ms=$(( ($(date +%s%N) - t0) / 100000 ))
                load_ms=$(python3 -c "print($load_ms / 10)")
                assets=$(q -c "SELECT coalesce(sum(assets_inserted + assets_updated), 0) FROM srm.asset_load")
            else
                load_failed=1; errors=$((errors + 1)); record "$items" "$accts" load "" 0 error; cat "$work/err" >&2
            fi
        fi
        for f in "$work"/snap-*.json; do
            [ "$loader" = sql ] || break
            if ! out=$(q 2>"$work/err" <<SQL
\\set snap \`cat '$f'\`
SELECT srm.load_config_snapshot(:'snap'::jsonb, 'bench $(basename "$f")'),
       round(extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1000, 1);
SQL
            ); then
                load_failed=1
                grep -q 'statement timeout' "$work/err" && record "$items" "$accts" load "" 0 timeout \
                    || { errors=$((errors + 1)); record "$items" "$accts" load "" 0 error; cat "$work/err" >&2; }
                break
            fi
            IFS=$'\t' read -r n ms <<<"$out"
            assets=$((assets + n))
            load_ms=$(python3 -c "print(round($load_ms + $ms, 1))")
        done
        if [ $load_failed = 1 ]; then
            echo "  load failed or timed out: case skipped"
            continue
        fi
        record "$items" "$accts" load "$load_ms" 1 "$assets"
        printf '  %-26s %12s ms  %s assets\n' load "$load_ms" "$assets"
        # the state autovacuum brings a loaded inventory to within a minute
        # (statistics, the visibility map and hint bits), reached before any
        # measurement, as pgbench vacuums before its runs: left to
        # autovacuum, the VACUUM of srm.asset that a load calls for starts
        # within its minute's nap (45 s after a load in the lab), among the
        # timed audits
        q -c "VACUUM (ANALYZE)"
        record "$items" "$accts" asset_bytes "" 0 "$(q -c "SELECT pg_total_relation_size('srm.asset')")"

        measure scan 5 "SELECT count(*) FROM srm.asset"

        # --- the audit and its storage.  One audit of a few seconds varies
        # by a third between runs on a shared 2-core machine, so the audit
        # is timed --audits times, each the first audit of a database that
        # holds this inventory: here the case's database, whose run the
        # measurements below read, and at the end copies of it made now,
        # audited in rounds over the cases (3 accounts, 1,000 accounts, 3,
        # 1,000, ...) so that the machine's drift falls on every case alike.
        # The median counts; every time is listed
        audit_sql="SELECT srm.run_audit('nist-800-53-r5', 'MODERATE')"
        if [ "$audits" -gt 1 ]; then
            PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$admin_db" \
                -c "DROP DATABASE IF EXISTS ${db}_${items}_${accts}" \
                -c "CREATE DATABASE ${db}_${items}_${accts} TEMPLATE $db STRATEGY FILE_COPY" >/dev/null \
                || fail "cannot copy database $db"
            kept="$kept ${db}_${items}_${accts}"
        fi
        before=$(q -c "SELECT bench.audit_bytes()")
        last_value=
        measure audit_main 1 "$audit_sql"
        run=$last_value
        if ! [[ $run =~ ^[0-9]+$ ]]; then
            echo "  no audit run ($run): the measurements of the run are skipped"
        else
            record "$items" "$accts" run_bytes "" 0 "$(( $(q -c "SELECT bench.audit_bytes()") - before ))"
            record "$items" "$accts" run_asset_rows "" 0 "$(q -c "SELECT count(*) FROM srm.audit_asset WHERE run_id = $run")"
            record "$items" "$accts" run_finding_rows "" 0 "$(q -c "SELECT count(*) FROM srm.audit_finding WHERE run_id = $run")"
            record "$items" "$accts" run_other_rows "" 0 "$(q -c "SELECT CASE WHEN to_regclass('srm.audit_group') IS NULL THEN '–' ELSE
                (SELECT count(*) FROM srm.audit_group WHERE run_id = $run) || ' / ' || (SELECT count(*) FROM srm.audit_default WHERE run_id = $run) END")"
            record "$items" "$accts" run_pairs "" 0 "$(q -c "SELECT asset_controls FROM srm.audit_run WHERE run_id = $run")"
            q -c "ANALYZE srm.audit_run, srm.audit_asset, srm.audit_finding" \
              -c "DO \$\$BEGIN IF to_regclass('srm.audit_group') IS NOT NULL THEN ANALYZE srm.audit_group, srm.audit_default; END IF;
                       IF to_regclass('srm.audit_gap') IS NOT NULL THEN ANALYZE srm.audit_gap; END IF; END\$\$"
            measure report_html "$reps" "SELECT octet_length(srm.report_html($run))"
            measure oscal_ssp "$reps" "SELECT pg_column_size(srm.oscal_ssp($run))"
            for v in bi_run bi_responsibility_mix bi_customer_gaps bi_gaps_by_family bi_inherited_controls bi_trend bi_unknown_assets; do
                measure "$v" "$reps" "SELECT count(*) FROM srm.$v WHERE run_id = $run"
            done
            one=$(q -c "SELECT asset_id FROM srm.audit_asset WHERE run_id = $run AND known
                        ORDER BY asset_id OFFSET (SELECT count(*) / 2 FROM srm.audit_asset WHERE run_id = $run AND known) LIMIT 1")
            measure audit_result_one_asset 5 "SELECT count(*) FROM srm.audit_result WHERE run_id = $run AND asset_id = $one"
            # what a dashboard reads of the gaps list (6.6 million rows at
            # 100K items x 1,000 accounts): one account's, one service's and
            # one control's gaps, those of the median asset's account and
            # service and of the run's first control with a gap
            IFS=$'\t' read -r one_account one_service <<<"$(q -c "SELECT account_id, service_namespace FROM srm.audit_asset WHERE run_id = $run AND asset_id = $one")"
            one_control=$(q -c "SELECT min(control_id) FROM (SELECT control_id FROM srm.audit_finding WHERE run_id = $run AND gap
                                UNION ALL SELECT control_id FROM srm.audit_default WHERE run_id = $run AND gap) c")
            measure bi_customer_gaps_account "$reps" "SELECT count(*) FROM srm.bi_customer_gaps WHERE run_id = $run AND account_id = '$one_account'"
            measure bi_customer_gaps_service "$reps" "SELECT count(*) FROM srm.bi_customer_gaps WHERE run_id = $run AND service_namespace = '$one_service'"
            measure bi_customer_gaps_control "$reps" "SELECT count(*) FROM srm.bi_customer_gaps WHERE run_id = $run AND control_id = '$one_control'"
            measure audit_result_gap_count 1 "SELECT count(*) FROM srm.audit_result WHERE run_id = $run AND gap"
        fi

        # --- independent of the inventory's size: once, in the first database
        if [ ! -e "$work/global.done" ]; then
            touch "$work/global.done"
            q -c "CREATE TABLE bench.aws_ec2_instance AS
                  SELECT arn, account_id, region, tags FROM srm.asset
                  WHERE resource_type = 'AWS::EC2::Instance' AND arn IS NOT NULL ORDER BY asset_id LIMIT 1" \
              -c "CREATE TABLE bench.arns AS
                  SELECT array_agg(arn ORDER BY asset_id) AS arns
                  FROM (SELECT asset_id, arn FROM srm.asset WHERE arn IS NOT NULL ORDER BY asset_id LIMIT 1000) s" \
              -c "ANALYZE bench.aws_ec2_instance, bench.arns"
            measure matrix_one_instance_join "$reps" "SELECT count(*) FROM (
                SELECT i.account_id, m.class, count(*) AS asset_controls
                FROM bench.aws_ec2_instance i
                CROSS JOIN LATERAL srm.resolve_asset(i.arn) r
                JOIN srm.matrix m ON m.service_namespace = r.service_namespace
                                 AND m.framework_id = 'nist-800-53-r5' AND 'MODERATE' = ANY (m.baselines)
                GROUP BY 1, 2 ORDER BY 1, 2) s"
            measure matrix_count "$reps" "SELECT count(*) FROM srm.matrix"
            measure responsibilities_1000_arns "$reps" "SELECT count(*) FROM srm.responsibilities((SELECT arns FROM bench.arns), ARRAY['SC-28'])"
        fi
        record "$items" "$accts" case_wall_s "" 0 "$(( $(date +%s) - case_start ))"
        echo "  case took $(( $(date +%s) - case_start )) s"
    done
done
# --- the other audits of each case, in copies of its database, in rounds
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for ((k = 1; k < audits; k++)); do
    [ -n "$kept" ] && echo "== audits in copies, round $k of $((audits - 1))"
    for d in $kept; do
        c=${d#"${db}_"}; items=${c%_*}; accts=${c#*_}
        PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$admin_db" \
            -c "DROP DATABASE IF EXISTS ${db}_copy" -c "CREATE DATABASE ${db}_copy TEMPLATE $d STRATEGY FILE_COPY" >/dev/null \
            || fail "cannot copy database $d"
        if out=$(PGOPTIONS="-c statement_timeout=$timeout -c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -At \
                 -d "${db}_copy" -c "SELECT ms FROM bench.time(\$bench\$$audit_sql\$bench\$, 1)" 2>"$work/err"); then
            record "$items" "$accts" audit_copy "$out" 1 ""
            printf '  %s items over %s accounts: audit %s ms\n' "$items" "$accts" "$out"
        else
            errors=$((errors + 1)); echo "  $items items over $accts accounts: audit ERROR: $(head -c 400 "$work/err")" >&2
        fi
        psql -X -q -d "$admin_db" -c "DROP DATABASE ${db}_copy" >/dev/null
    done
done
for d in $kept; do psql -X -q -d "$admin_db" -c "DROP DATABASE $d" >/dev/null; done
kept=
# each case's audit: the median of its database's and its copies'
while IFS=$'\t' read -r items accts; do
    each=$(awk -F'\t' -v i="$items" -v a="$accts" '$1 == i && $2 == a && ($3 == "audit_main" || $3 == "audit_copy") && $4 != "" { printf "%s ", $4 }' "$raw")
    run=$(awk -F'\t' -v i="$items" -v a="$accts" '$1 == i && $2 == a && $3 == "audit_main" { print $6 }' "$raw" | tail -n 1)
    if [[ $run =~ ^[0-9]+$ ]]; then
        record "$items" "$accts" audit "$(median <<<"$each")" "$(wc -w <<<"$each")" "$run"
        record "$items" "$accts" audit_each "" 0 "${each% }"
        echo "== $items items over $accts accounts: audit median $(median <<<"$each") ms of ${each% }"
    else
        record "$items" "$accts" audit "" 0 "${run:-error}"
    fi
done < <(awk -F'\t' '$3 == "audit_main" { print $1 "\t" $2 }' "$raw")
total=$(( $(date +%s) - started ))
echo "== total $total s"

# --- the table, the .md and the .tsv
mkdir -p "$outdir"
today=$(date -u +%Y-%m-%d)
base=$outdir/audit-${version:-unknown}-$today$suffix
[ $smoke = 1 ] && base=$base-smoke
python3 - "$raw" "$base" "${version:-unknown}" "$today" "$server" "$total" "$smoke" "$reps" "$timeout" "$loader" "$audits" <<'PY'
import collections, os, sys
raw, base, version, today, server, total, smoke, reps, timeout, loader, audits = sys.argv[1:]
rows = [l.rstrip("\n").split("\t") for l in open(raw) if l.strip()]
cases = []
data = collections.defaultdict(dict)
for items, accts, name, ms, runs, value in rows:
    c = (int(items), int(accts))
    if c not in cases:
        cases.append(c)
    data[c][name] = (float(ms) if ms else None, int(runs), value)
unit = {c: data[c].get("scan", (None,))[0] for c in cases}
first = cases[0] if cases else None

def label(c):
    def n(x):
        return "%gM" % (x / 1e6) if x >= 1e6 and x % 100000 == 0 else "%gK" % (x / 1e3) if x >= 1000 and x % 100 == 0 else str(x)
    return "%s × %s" % (n(c[0]), "{:,}".format(c[1]))

def fmt_ms(ms):
    if ms >= 10000:
        return "%.0f s" % (ms / 1000)
    if ms >= 1000:
        return "%.1f s" % (ms / 1000)
    if ms >= 10:
        return "%.0f ms" % ms
    if ms >= 1:
        return "%.1f ms" % ms
    return "%.2f ms" % ms

def cell(c, name):
    d = data[c].get(name)
    if d is None:
        return "–"
    ms, runs, value = d
    if value in ("timeout", "error"):
        return value + (" (best %s)" % fmt_ms(ms) if ms is not None else "")
    if ms is None:
        return value
    u = unit.get(c)
    x = ms / u if u else None
    r = (" (×%s)" % ("{:,.0f}".format(x) if x >= 100 else "%.1f" % x if x >= 0.1 else "%.3f" % x)) if u else ""
    return fmt_ms(ms) + r

TIMED = [
    ("load", "load (`srm.load_config_snapshot`, all chunks)" if loader == "sql" else "load (`srm-load` of all chunk files, elapsed)"),
    ("scan", "`count(*)` of `srm.asset` (the unit)"),
    ("audit", "`srm.run_audit('nist-800-53-r5', 'MODERATE')`" + (" (median of %s first audits of the inventory)" % audits if audits != "1" else "")),
    ("report_html", "`srm.report_html(run)`"),
    ("oscal_ssp", "`srm.oscal_ssp(run)`"),
    ("bi_run", "`srm.bi_run`"),
    ("bi_responsibility_mix", "`srm.bi_responsibility_mix`"),
    ("bi_customer_gaps", "`srm.bi_customer_gaps` (the whole list)"),
    ("bi_customer_gaps_account", "`srm.bi_customer_gaps` of one account"),
    ("bi_customer_gaps_service", "`srm.bi_customer_gaps` of one service"),
    ("bi_customer_gaps_control", "`srm.bi_customer_gaps` of one control"),
    ("bi_gaps_by_family", "`srm.bi_gaps_by_family`"),
    ("bi_inherited_controls", "`srm.bi_inherited_controls`"),
    ("bi_trend", "`srm.bi_trend`"),
    ("bi_unknown_assets", "`srm.bi_unknown_assets`"),
    ("audit_result_one_asset", "one asset's rows of `srm.audit_result`"),
    ("audit_result_gap_count", "gap count of the run through `srm.audit_result`"),
]
GLOBAL = [
    ("matrix_one_instance_join", "README's Steampipe join for one instance (`resolve_asset` ⋈ `srm.matrix`, MODERATE)"),
    ("matrix_count", "`SELECT count(*) FROM srm.matrix`"),
    ("responsibilities_1000_arns", "`srm.responsibilities(1,000 ARNs, ARRAY['SC-28'])`"),
]

def val(c, name):
    d = data[c].get(name)
    return d[2] if d else None

def mb(v):
    return "%.1f MB" % (int(v) / 1e6) if v and v.lstrip("-").isdigit() else "–"

def num(v):
    return "{:,}".format(int(v)) if v and v.lstrip("-").isdigit() else "–"

out = []
w = out.append
w("# srm %s audit benchmark, %s%s" % (version, today, " (smoke mode)" if smoke == "1" else ""))
w("")
w("`bench/audit.sh`; machine: %s cores (%s), %s GiB; server: %s; best of %s for runs under 5 s; "
  "statement timeout %s per measurement; total %d s (generation included). Times are server-side; "
  "in brackets, the ratio to the `count(*)` scan of `srm.asset` of the same database."
  % (os.cpu_count(), open("/proc/cpuinfo").read().split("model name")[1].split(":")[1].split("\n")[0].strip()
     if "model name" in open("/proc/cpuinfo").read() else "?",
     round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30), server, reps, timeout, int(total)))
w("")
w("| items × accounts | " + " | ".join(label(c) for c in cases) + " |")
w("|---|" + "---:|" * len(cases))
w("| assets loaded (sum of the loads' counts: inserted or updated) | " + " | ".join(num(val(c, "load")) for c in cases) + " |")
w("| assets in `srm.asset` | " + " | ".join(num(val(c, "scan")) for c in cases) + " |")
for name, text in TIMED:
    w("| %s | %s |" % (text, " | ".join(cell(c, name) for c in cases)))
    if name == "audit":
        w("| each audit, in the order run (the case's database, then its copies) | " + " | ".join(
            ", ".join(fmt_ms(float(x)) for x in (val(c, "audit_each") or "").split()) or "–" for c in cases) + " |")
w("| rows of `srm.bi_customer_gaps` for the run: all / one account / one service / one control | " + " | ".join(
    "%s / %s / %s / %s" % tuple(num(val(c, m)) for m in ("bi_customer_gaps", "bi_customer_gaps_account", "bi_customer_gaps_service", "bi_customer_gaps_control")) for c in cases) + " |")
w("| asset × control pairs of the run | " + " | ".join(num(val(c, "run_pairs")) for c in cases) + " |")
w("| rows of the run: `audit_asset` / `audit_finding` | " + " | ".join(
    "%s / %s" % (num(val(c, "run_asset_rows")), num(val(c, "run_finding_rows"))) for c in cases) + " |")
w("| rows of the run since 0.3.0: `audit_group` / `audit_default` | " + " | ".join(val(c, "run_other_rows") or "–" for c in cases) + " |")
w("| storage of the run (`audit_asset`, `audit_finding` and since 0.3.0 `audit_group`, `audit_default`, `audit_override`, `audit_status`, since 0.5.0 `audit_check`, since 0.11.0 `audit_gap`; indexes and TOAST) | " + " | ".join(mb(val(c, "run_bytes")) for c in cases) + " |")
w("| `srm.asset` (for comparison) | " + " | ".join(mb(val(c, "asset_bytes")) for c in cases) + " |")
w("| load average (1 min) of the machine at the case's start | " + " | ".join(val(c, "loadavg") or "–" for c in cases) + " |")
w("| report / SSP size | " + " | ".join("%s / %s" % (mb(val(c, "report_html")), mb(val(c, "oscal_ssp"))) for c in cases) + " |")
w("")
if first:
    w("Independent of the inventory (measured in the %s database; ratio to its scan):" % label(first))
    w("")
    w("| query | time |")
    w("|---|---:|")
    for name, text in GLOBAL:
        w("| %s | %s |" % (text, cell(first, name)))
    w("")
# growth: 10x the items, and 3 -> most accounts
sizes = sorted({c[0] for c in cases}); accts = sorted({c[1] for c in cases})
def ratio(a, b, name):
    da, db = data[a].get(name), data[b].get(name)
    if not da or not db or da[0] is None or db[0] is None or da[2] in ("timeout", "error") or db[2] in ("timeout", "error") or not da[0]:
        return "–"
    return "%.1f" % (db[0] / da[0])
pairs = [("%s→%s" % (label((s1, a)), label((s2, a))), (s1, a), (s2, a)) for a in accts for s1, s2 in zip(sizes, sizes[1:])]
pairs += [("%s→%s" % (label((s, a1)), label((s, a2))), (s, a1), (s, a2)) for s in sizes for a1, a2 in zip(accts, accts[1:])]
pairs = [p for p in pairs if p[1] in data and p[2] in data]
if pairs:
    w("Growth (time of the larger case / time of the smaller):")
    w("")
    w("| measurement | " + " | ".join(p[0] for p in pairs) + " |")
    w("|---|" + "---:|" * len(pairs))
    for name, text in TIMED:
        w("| %s | %s |" % (text, " | ".join(ratio(p[1], p[2], name) for p in pairs)))
    w("")
md = "\n".join(out) + "\n"
open(base + ".md", "w").write(md)
with open(base + ".tsv", "w") as f:
    f.write("version\tdate\titems\taccounts\tmeasure\tms\truns\tvalue\tratio_to_scan\n")
    for items, accts_, name, ms, runs, value in rows:
        u = unit.get((int(items), int(accts_)))
        r = "%.2f" % (float(ms) / u) if ms and u and value not in ("timeout", "error") else ""
        f.write("\t".join([version, today, items, accts_, name, ms, runs, value, r]) + "\n")
print(md)
print("written: %s.md %s.tsv" % (base, base))
PY

if [ $smoke = 1 ]; then
    # every step ran and answered something plausible
    bad=$(awk -F'\t' '
        $3 == "load" && $6 + 0 <= 0 { print $1 "x" $2 ": nothing loaded" }
        $6 == "error" || $6 == "timeout" { print $1 "x" $2 ": " $3 " " $6 }
        ($3 == "run_pairs" || $3 == "run_asset_rows" || $3 == "report_html" || $3 == "oscal_ssp" \
         || $3 == "bi_run" || $3 == "audit_result_one_asset" || $3 == "audit_result_gap_count" || $3 == "matrix_count" \
         || $3 == "matrix_one_instance_join" || $3 == "responsibilities_1000_arns" || $3 == "run_bytes") && $6 + 0 <= 0 { print $1 "x" $2 ": " $3 " gave " $6 }
        { seen[$1 "x" $2 " " $3] = 1 }
        END { n = split("load scan audit report_html oscal_ssp bi_run bi_responsibility_mix bi_customer_gaps bi_gaps_by_family bi_inherited_controls bi_trend bi_unknown_assets bi_customer_gaps_account bi_customer_gaps_service bi_customer_gaps_control audit_result_one_asset audit_result_gap_count", m, " ")
              for (k in seen) { split(k, p, " "); cs[p[1]] = 1 }
              for (c in cs) for (i = 1; i <= n; i++) if (!((c " " m[i]) in seen)) print c ": " m[i] " not measured" }' "$raw")
    ncases=$(cut -f1,2 "$raw" | sort -u | wc -l)
    [ "$ncases" = 2 ] || bad="$bad
$ncases cases measured, not 2"
    [ -z "$bad" ] || fail "smoke: $bad"
    echo "bench/audit.sh: smoke ok: every step ran ($total s)"
fi
[ $errors = 0 ] || fail "$errors measurement(s) failed (see above)"
