#!/usr/bin/env bash
# The main job: installs what it needs, builds and installs srm, starts a
# throw-away PostgreSQL cluster, and in it
#   1. shows what the responsibility type does (demo/tour.sql),
#   2. loads a generated sample AWS Config inventory and the Azure and
#      Google Cloud part of the sample, records a few control
#      statuses, runs two audits and prints the summary (demo/audit.sql),
#   3. writes the HTML report, the OSCAL SSP and CSV files of every BI view
#      to the output folder (default ./out, or SRM_OUT).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
out=$(mkdir -p "${SRM_OUT:-$top/out}" && cd "${SRM_OUT:-$top/out}" && pwd)
bash tools/dev/install-deps.sh build
export PATH="/usr/lib/postgresql/15/bin:$PATH"
make >/dev/null
$SUDO make install >/dev/null

export SRM_SNAPSHOT="$out/sample-snapshot.json"
python3 tools/sample/gen_sample_snapshot.py --out "$SRM_SNAPSHOT" --items 3000
# the Azure and Google Cloud part of the sample: the exports as the clouds'
# tools write them, which demo/audit.sql loads with srm's loaders
export SRM_AZURE_EXPORT="$out/sample-azure-resource-graph.json" SRM_GCP_EXPORT="$out/sample-gcp-asset-inventory.jsonl"
python3 tools/sample/gen_sample_multicloud.py --azure "$SRM_AZURE_EXPORT" --gcp "$SRM_GCP_EXPORT"
rm -f "$out"/*.csv "$out/report.html" "$out/ssp.json"
setsid -w pg_virtualenv -t -o max_connections=20 bash -c '
	set -euo pipefail
	psql -X -v ON_ERROR_STOP=1 -f demo/tour.sql
	psql -X -v ON_ERROR_STOP=1 -v out="$1" -f demo/audit.sql
' main-job "$out" </dev/null 2>&1 | tee "$out/main-job.txt"

for f in report.html ssp.json runs.csv responsibility_mix.csv customer_gaps.csv provider_mix.csv; do
	[ -s "$out/$f" ] || { echo "srm: $out/$f was not written" >&2; exit 1; }
done
echo
echo "srm: wrote to $out:"
ls -l "$out" | tail -n +2
echo "Open $out/report.html in a browser."
