#!/usr/bin/env bash
# End-to-end check of srm.report_html on the sample inventory:
#   test/report/check.sh OUTDIR
# Against the server in PGHOST/PGPORT/PGUSER (the test runner starts a
# throw-away one), connecting first to PGDATABASE (default postgres), it
#   - creates a scratch database and installs srm in it;
#   - loads the sample AWS Config snapshot of tools/sample/gen_sample_snapshot.py
#     with srm.load_config_snapshot (fails clearly if that does not exist),
#     and the Azure and Google Cloud part of the sample
#     (tools/sample/gen_sample_multicloud.py, test/lib/sample_db.sh);
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

# shell helpers, a scratch database with srm and the sample inventory
# shellcheck source=../lib/sample_db.sh
. "$(dirname "$0")/../lib/sample_db.sh"
sample_db_setup report 'report_html(bigint)' "$@"

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
       srm_internal.report_number(b.gaps), srm_internal.report_number(b.asset_controls),
       srm_internal.report_number(b.inherited), srm_internal.report_number(b.unknown_assets)
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
