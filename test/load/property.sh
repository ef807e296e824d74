#!/usr/bin/env bash
# The loader's property test (issue 10): 10,000 generated items with a
# fixed seed (test/load/property.py), five files through srm-load and one
# through srm.load_config_snapshot; every item loaded or rejected with its
# defect's reason, counts reconciled, nothing aborted, the assets exactly
# the clean items' resources at their newest capture.  Run under
# pg_virtualenv with srm and srm-load installed.
#   usage: test/load/property.sh OUTDIR
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: $0 OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
db=srm_load_property_$$
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
SRM_LOAD=${SRM_LOAD:-$(pg_config --bindir)/srm-load}

python3 "$top/test/load/property.py" gen "$out" || { echo "property: FAIL: generator"; exit 1; }
psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null && q -c 'CREATE EXTENSION srm' >/dev/null ||
	{ echo "property: FAIL: CREATE EXTENSION srm"; exit 1; }
"$SRM_LOAD" -d "$db" --max-item-bytes=200000 "$out/f0-snapshot.json" "$out/f1-snapshot.json.gz" \
	"$out/f2-items.ndjson" "$out/f3-array.json" "$out/f4-results.json" >"$out/srm-load.txt" 2>"$out/srm-load.err"
s=$?
cat "$out/srm-load.txt"
[ $s -eq 0 ] || { echo "property: FAIL: srm-load exited $s: $(head -c 2000 "$out/srm-load.err")"; exit 1; }
printf '\\set f `cat %s`\nSELECT srm.load_config_snapshot(:'"'"'f'"'"'::jsonb, '"'"'f5-sql.json'"'"');\n' "$out/f5-sql.json" |
	q >"$out/sql.txt" 2>"$out/sql.err" || { echo "property: FAIL: load_config_snapshot: $(head -c 2000 "$out/sql.err")"; exit 1; }
sed 's/^/property: /' "$out/sql.err"
q -F $'\t' -c "SELECT source, items_read, assets_inserted, assets_updated, items_rejected FROM srm.asset_load ORDER BY load_id" >"$out/loads.tsv"
q -F $'\t' -c "SELECT l.source, r.item_index, r.reason FROM srm.asset_load_rejection r JOIN srm.asset_load l USING (load_id) ORDER BY 1, 2" >"$out/rejections.tsv"
q -F $'\t' -c "SELECT concat_ws('|', account_id, region, resource_type, resource_id), extract(epoch FROM captured_at) FROM srm.asset ORDER BY 1" >"$out/assets.tsv"
python3 "$top/test/load/property.py" check "$out"
