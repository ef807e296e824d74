#!/usr/bin/env bash
# End-to-end check of srm.report_html on the sample inventory:
#   test/report/check.sh OUTDIR
# Against the server in PGHOST/PGPORT/PGUSER (the test runner starts a
# throw-away one), connecting first to PGDATABASE (default postgres), it
#   - creates a scratch database and installs srm in it;
#   - loads the sample AWS Config snapshot of tools/gen_sample_snapshot.py
#     with srm.load_config_snapshot (fails clearly if that does not exist);
#   - runs srm.run_audit('nist-800-53-r5', 'MODERATE'), records an
#     implemented control status (IAM account management), runs it again;
#   - writes OUTDIR/report.html (the second run's report) and
#     OUTDIR/report-first.html, checks a few facts of the page against
#     srm.bi_run, and renders it with test/report/render.sh to
#     OUTDIR/report.png (headless Chromium: loads without errors, SVGs with
#     shapes, nothing points to the network);
#   - drops the scratch database, also on failure.
# Prints "report: PASS" and exits 0, or "report: FAIL: ..." and exits 1.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$1
mkdir -p "$out"
out=$(cd "$out" && pwd)
db=srm_report_check_$$
admin_db=${PGDATABASE:-postgres}

fail() { echo "report: FAIL: $*" >&2; exit 1; }
ok() { echo "report: ok: $*"; }
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }

cleanup() {
    psql -X -q -d "$admin_db" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM

psql -X -q -v ON_ERROR_STOP=1 -d "$admin_db" -c "CREATE DATABASE $db" >/dev/null \
    || fail "cannot create database $db (PGHOST=${PGHOST:-} PGPORT=${PGPORT:-} PGUSER=${PGUSER:-})"
q -c "SET client_min_messages = warning" -c "CREATE EXTENSION srm" || fail "CREATE EXTENSION srm failed (run make install first)"
ok "scratch database $db with srm $(q -c "SELECT extversion FROM pg_extension WHERE extname = 'srm'")"

for f in 'load_config_snapshot(jsonb,text)' 'run_audit(text,text,text[],text,integer)' 'report_html(bigint)'; do
    [ "$(q -c "SELECT to_regprocedure('srm.$f') IS NOT NULL")" = t ] \
        || fail "srm.$f does not exist in this build of srm: cannot run the end-to-end report check"
done

# --- the sample inventory ---------------------------------------------------
python3 "$top/tools/gen_sample_snapshot.py" --out "$out/snapshot.json" >/dev/null 2>"$out/snapshot.log" \
    || { cat "$out/snapshot.log" >&2; fail "tools/gen_sample_snapshot.py failed"; }
# through the client (psql reads the file), so the server needs no access to OUTDIR
assets=$(q 2>"$out/load.log" <<SQL
SET client_min_messages = warning;
\\set snapshot \`cat '$out/snapshot.json'\`
SELECT srm.load_config_snapshot(:'snapshot'::jsonb);
SQL
) || { cat "$out/load.log" >&2; fail "srm.load_config_snapshot failed"; }
[ "${assets:-0}" -gt 0 ] 2>/dev/null || fail "srm.load_config_snapshot loaded no asset (returned '$assets')"
q -c "ANALYZE srm.asset"
ok "loaded the sample snapshot: $assets assets"

# --- two audits, a control status in between -----------------------------------
SECONDS=0
run1=$(q -c "SET client_min_messages = warning" -c "SELECT srm.run_audit('nist-800-53-r5', 'MODERATE', note => 'report check: first run')") \
    || fail "first srm.run_audit failed"
ok "audit run $run1 in ${SECONDS}s"
q -c "INSERT INTO srm.control_status (framework_id, control_id, service_namespace, status, evidence)
      VALUES ('nist-800-53-r5', 'AC-2', 'iam', 'implemented', 'IAM account lifecycle runbook <v2> & quarterly access review')" \
    || fail "cannot insert a control status"
SECONDS=0
run2=$(q -c "SET client_min_messages = warning" -c "SELECT srm.run_audit('nist-800-53-r5', 'MODERATE', note => 'report check: after <AC-2> evidence & review')") \
    || fail "second srm.run_audit failed"
ok "audit run $run2 in ${SECONDS}s"

# --- the reports ----------------------------------------------------------------
SECONDS=0
q -c "SELECT srm.report_html($run2)" >"$out/report.html" || fail "srm.report_html($run2) failed"
q -c "SELECT srm.report_html($run1)" >"$out/report-first.html" || fail "srm.report_html($run1) failed"
ok "wrote $out/report.html ($(wc -c <"$out/report.html" | tr -d ' ') bytes) and report-first.html in ${SECONDS}s"

# facts of the page, against the views
facts=$(q -F ' ' <<SQL
SELECT b.gaps < a.gaps,
       srm.report_number(b.gaps), srm.report_number(b.asset_controls),
       srm.report_number(b.inherited), srm.report_number(b.unknown_assets)
FROM srm.bi_run a, srm.bi_run b WHERE a.run_id = $run1 AND b.run_id = $run2;
SQL
)
read -r fewer gaps pairs inherited unknown <<<"$facts"
[ "$fewer" = t ] || fail "run $run2 does not have fewer gaps than run $run1 after the AC-2 status"
html=$(cat "$out/report.html")
has() { grep -qF -- "$1" <<<"$html" || fail "report.html lacks: $1"; }
has '<span class="n" id="gaps">'"$gaps"'</span>'
has '<span class="n" id="asset-controls">'"$pairs"'</span>'
has '<span class="n" id="inherited">'"$inherited"'</span>'
has '<dd id="unknown-assets">'"$unknown"'</dd>'
has "after &lt;AC-2&gt; evidence &amp; review"
has ">#$run1</text>"
has ">#$run2</text>"
has '<table id="top-gaps">'
has '<table id="inherited-controls">'
svgs=$(grep -o '<svg' <<<"$html" | wc -l)
[ "$svgs" -eq 4 ] || fail "report.html has $svgs <svg> charts, want 4"
if grep -qiE 'https?://' <<<"$html"; then fail "report.html names an http(s) URL"; fi
grep -qF 'only run of' "$out/report-first.html" || fail "report-first.html does not say the trend has one run"
ok "report.html: headline figures equal srm.bi_run (gaps $gaps, pairs $pairs), 4 charts, both runs in the trend, note escaped"

# --- render ------------------------------------------------------------------------
sh "$top/test/report/render.sh" "$out/report.html" "$out/report.png" || fail "render.sh rejected report.html"
echo "report: PASS: $out/report.html -> $out/report.png"
