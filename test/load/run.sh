#!/usr/bin/env bash
# srm-load against a server (run under pg_virtualenv, srm and srm-load
# installed): every input shape of SPEC §9, plain and gzipped, files and
# standard input, gives what srm.load_config_snapshot gives for the same
# items (one function merges both); a file cut off, an item that is not
# JSON or not UTF-8 rejects that item only; exit status 1 for a file that
# cannot be read, 2 for a server that cannot be reached.  Azure Resource
# Graph exports in every shape agree with srm.load_resource_graph (section
# 5); Cloud Asset Inventory exports (JSON lines, plain and gzipped, and gcloud asset list's
# array) give what srm.load_asset_inventory gives (section 6).
#   usage: test/load/run.sh OUTDIR
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: $0 OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
fx=$top/test/fixtures
name=load
db_sql=srm_load_sql_$$
db=srm_load_cli_$$
fails=0
ok() { echo "$name: ok: $*"; }
bad() { echo "$name: FAIL: $*" >&2; fails=$((fails + 1)); }
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
cleanup() {
	for d in "$db_sql" "$db" "$tpl"; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1; done
}
trap cleanup EXIT
SRM_LOAD=${SRM_LOAD:-$(pg_config --bindir)/srm-load}
[ -x "$SRM_LOAD" ] || { bad "no srm-load at $SRM_LOAD"; exit 1; }

# srm installed once, in a template that every fresh database copies
tpl=srm_load_tpl_$$
psql -X -q -d postgres -c "CREATE DATABASE $tpl" >/dev/null && q -d "$tpl" -c 'CREATE EXTENSION srm' >/dev/null ||
	{ bad "CREATE EXTENSION srm"; exit 1; }
fresh() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1 TEMPLATE $tpl" >/dev/null
}
# what two loads must agree on: the assets, the rejections, the counts
state() {
	q -d "$1" <<'EOF'
SELECT 'asset', account_id, region, resource_type, resource_id, resource_name, arn, service_namespace, known_type,
       tags, configuration, supplementary_configuration, item_status, captured_at AT TIME ZONE 'UTC'
FROM srm.asset ORDER BY account_id, region, resource_type, resource_id;
SELECT 'rejection', dense_rank() OVER (ORDER BY load_id), item_index, reason, item FROM srm.asset_load_rejection ORDER BY load_id, item_index;
SELECT 'load', row_number() OVER (ORDER BY load_id), file_version, snapshot_id, items_read, assets_inserted, assets_updated,
       items_rejected, unknown_types FROM srm.asset_load ORDER BY load_id;
EOF
}

# 1. the fixtures, in one order, both ways
files=(snapshot_small.json snapshot_small_v2.json snapshot_small.json snapshot_grain.json
	bad_item_not_object.json bad_type_wrong.json bad_tags_wrong.json)
fresh "$db_sql" && fresh "$db" || { bad "databases"; exit 1; }
for f in "${files[@]}"; do
	q -d "$db_sql" -v f="$(cat "$fx/$f")" <<<"SELECT srm.load_config_snapshot(:'f'::jsonb, '$f')" >/dev/null 2>&1 ||
		bad "load_config_snapshot $f"
	"$SRM_LOAD" -d "$db" "$fx/$f" >>"$out/fixtures.txt" || bad "srm-load $f exited $?"
done
state "$db_sql" >"$out/fixtures.sql.state"
state "$db" >"$out/fixtures.cli.state"
if cmp -s "$out/fixtures.sql.state" "$out/fixtures.cli.state"; then
	ok "fixtures: srm-load and srm.load_config_snapshot give the same assets, rejections and counts ($(grep -c '^asset' "$out/fixtures.cli.state") assets, $(grep -c '^rejection' "$out/fixtures.cli.state") rejections)"
else
	bad "fixtures: srm-load and srm.load_config_snapshot differ (diff $out/fixtures.sql.state $out/fixtures.cli.state)"
	diff "$out/fixtures.sql.state" "$out/fixtures.cli.state" | head -20
fi
grep -q "^srm load [0-9]* ($fx/snapshot_small.json): 12 items read = 11 assets inserted + 0 updated + 1 rejected; 1 of unknown resource types kept$" "$out/fixtures.txt" &&
	ok "per-file counts printed as the loader's NOTICE: $(head -n 1 "$out/fixtures.txt")" || bad "per-file counts: $(cat "$out/fixtures.txt")"

# 2. every shape of the same items gives the same assets
python3 - "$fx/snapshot_small.json" "$out" <<'EOF'
import gzip, json, sys, calendar, datetime
src, out = sys.argv[1], sys.argv[2]
snap = json.load(open(src))
items = snap["configurationItems"]
def api(i):
    # the Config API's wire format: epoch seconds, configuration as a JSON string
    j = dict(i)
    t = j.get("configurationItemCaptureTime")
    if t:
        d = datetime.datetime.strptime(t[:19], "%Y-%m-%dT%H:%M:%S")
        j["configurationItemCaptureTime"] = calendar.timegm(d.timetuple()) + 0.0
    if "configuration" in j:
        j["configuration"] = json.dumps(j["configuration"])
    return j
def sel(i):
    # select-resource-config: tags as key/value pairs, each item a JSON string
    j = dict(i)
    if isinstance(j.get("tags"), dict):
        j["tags"] = [{"key": k, "value": v} for k, v in j["tags"].items()]
    return json.dumps(j)
open(f"{out}/shape-array.json", "w").write(json.dumps(items))
open(f"{out}/shape-ndjson.json", "w").write("".join(json.dumps(i) + "\n" for i in items))
open(f"{out}/shape-api.json", "w").write(json.dumps({"configurationItems": [api(i) for i in items], "nextToken": "abc"}, indent=1))
open(f"{out}/shape-base.json", "w").write(json.dumps({"baseConfigurationItems": [api(i) for i in items], "unprocessedResourceKeys": []}))
open(f"{out}/shape-results.json", "w").write(json.dumps({"Results": [sel(i) for i in items], "QueryInfo": {"SelectFields": [{"Name": "*"}]}}))
with gzip.open(f"{out}/shape-snapshot.json.gz", "wt") as g:
    json.dump(snap, g)
EOF
fresh "$db_sql"
q -d "$db_sql" -v f="$(cat "$fx/snapshot_small.json")" <<<"SELECT srm.load_config_snapshot(:'f'::jsonb)" >/dev/null 2>&1
want=$(q -d "$db_sql" -c "SELECT md5(string_agg(concat_ws('|', account_id, region, resource_type, resource_id, arn, service_namespace, tags, configuration, captured_at AT TIME ZONE 'UTC'), ',' ORDER BY account_id, region, resource_type, resource_id)) FROM srm.asset")
for shape in array ndjson api base results snapshot.json.gz snapshot-stdin snapshot.json.gz-stdin; do
	fresh "$db"
	case "$shape" in
		snapshot-stdin) "$SRM_LOAD" -d "$db" <"$fx/snapshot_small.json" >"$out/shape-$shape.txt"; s=$? ;;
		snapshot.json.gz-stdin) "$SRM_LOAD" -d "$db" - <"$out/shape-snapshot.json.gz" >"$out/shape-$shape.txt"; s=$? ;;
		snapshot.json.gz) "$SRM_LOAD" -d "$db" "$out/shape-$shape" >"$out/shape-$shape.txt"; s=$? ;;
		*) "$SRM_LOAD" -d "$db" "$out/shape-$shape.json" >"$out/shape-$shape.txt"; s=$? ;;
	esac
	got=$(q -d "$db" -c "SELECT md5(string_agg(concat_ws('|', account_id, region, resource_type, resource_id, arn, service_namespace, tags, configuration, captured_at AT TIME ZONE 'UTC'), ',' ORDER BY account_id, region, resource_type, resource_id)) FROM srm.asset")
	if [ $s -eq 0 ] && [ "$got" = "$want" ] && grep -q '12 items read = 11 assets inserted + 0 updated + 1 rejected' "$out/shape-$shape.txt"; then
		ok "shape $shape: the same 11 assets as the snapshot ($(cat "$out/shape-$shape.txt" | sed 's/^srm load [0-9]* //'))"
	else
		bad "shape $shape: exit $s, $(cat "$out/shape-$shape.txt")"
	fi
done
fresh "$db"
q -d "$db" -c "SELECT 1 FROM srm.asset" >/dev/null
fv=$("$SRM_LOAD" -d "$db" "$fx/snapshot_small.json" >/dev/null; q -d "$db" -c "SELECT file_version || ' ' || snapshot_id FROM srm.asset_load")
[ "$fv" = "1.0 8d0f3c2e-1a4b-4c5d-9e6f-7a8b9c0d1e2f" ] && ok "the snapshot's fileVersion and configSnapshotId recorded" || bad "fileVersion/snapshot id: $fv"

# 3. items the server cannot read are rejected alone: not JSON, not UTF-8,
# too long, cut off by the end of the file
fresh "$db"
item() { printf '{"resourceType": "AWS::S3::Bucket", "resourceId": "%s", "awsAccountId": "123456789012", "awsRegion": "us-east-1"%s}\n' "$1" "${2:-}"; }
{
	item good-1
	printf '{"resourceType": "AWS::S3::Bucket", "resourceId": tru}\n'
	item bad-utf8 $', "resourceName": "caf\xe9"'
	item nul ', "resourceName": "a\u0000b"'
	item big ", \"configuration\": {\"blob\": \"$(head -c 3000 /dev/zero | tr '\0' x)\"}"
	printf '  42  \n'
	item good-2
	printf '{"resourceType": "AWS::S3::Bucket", "resourceId": "cut-off", "configuration": {"a": "b'
} >"$out/bad-items.json"
"$SRM_LOAD" -d "$db" --max-item-bytes=2048 "$out/bad-items.json" >"$out/bad-items.txt"
s=$?
q -d "$db" -c "SELECT item_index || ': ' || reason FROM srm.asset_load_rejection ORDER BY item_index" >"$out/bad-items.reasons"
cat "$out/bad-items.reasons"
if [ $s -eq 0 ] && grep -q '8 items read = 2 assets inserted + 0 updated + 6 rejected' "$out/bad-items.txt" &&
	grep -q '^1: not JSON: invalid input syntax for type json' "$out/bad-items.reasons" &&
	grep -qE '^2: the item is not valid UTF-8 text \(at byte [0-9]+\)' "$out/bad-items.reasons" &&
	grep -q '^3: not JSON: unsupported Unicode escape sequence' "$out/bad-items.reasons" &&
	grep -qE '^4: the item of 31[0-9]{2} bytes is longer than srm-load.s limit of 2048 bytes' "$out/bad-items.reasons" &&
	grep -q '^5: the item is a number, not an object' "$out/bad-items.reasons" &&
	grep -qE '^7: the input ends inside this item, after [0-9]+ bytes' "$out/bad-items.reasons" &&
	[ "$(q -d "$db" -c "SELECT string_agg(resource_id, ',' ORDER BY resource_id) FROM srm.asset")" = "good-1,good-2" ]; then
	ok "items that are not JSON, not UTF-8, too long or cut off are rejected alone, with their reason; exit 0"
else
	bad "bad items: exit $s, $(cat "$out/bad-items.txt")"
fi

# 4. exit status: a file that cannot be read is 1 (the others load), a
# server that cannot be reached is 2
fresh "$db"
"$SRM_LOAD" -d "$db" "$out/no-such-file.json" "$fx/snapshot_small.json" >"$out/missing.txt" 2>"$out/missing.err"
s=$?
[ $s -eq 1 ] && grep -q 'could not open .*no-such-file.json' "$out/missing.err" && grep -q '12 items read' "$out/missing.txt" &&
	ok "a file that cannot be read: exit 1, the next file loaded" || bad "missing file: exit $s, $(cat "$out/missing.err")"
printf '\x1f\x8b\x08\x00\x00\x00\x00\x00garbage-not-deflate' >"$out/corrupt.json.gz"
"$SRM_LOAD" -d "$db" "$out/corrupt.json.gz" >"$out/corrupt.txt" 2>"$out/corrupt.err"
s=$?
[ $s -eq 1 ] && ok "a corrupt .gz: exit 1 ($(head -n 1 "$out/corrupt.err"))" || bad "corrupt gz: exit $s"
PGCONNECT_TIMEOUT=3 "$SRM_LOAD" -h 127.0.0.1 -p 1 -d "$db" "$fx/snapshot_small.json" >/dev/null 2>"$out/noserver.err"
s=$?
[ $s -eq 2 ] && ok "no server: exit 2 ($(head -n 1 "$out/noserver.err"))" || bad "no server: exit $s"
PGDATABASE=$db "$SRM_LOAD" -q "$fx/snapshot_small.json" >"$out/env.txt"
s=$?
[ $s -eq 0 ] && [ ! -s "$out/env.txt" ] && [ "$(q -d "$db" -c 'SELECT count(*) FROM srm.asset_load')" = 3 ] &&
	ok "libpq's environment (PGDATABASE) and -q" || bad "PGDATABASE: exit $s"
"$SRM_LOAD" -d "dbname=$db application_name=x" "$fx/snapshot_small.json" >/dev/null && ok "-d takes a connection string" || bad "conninfo"

# 5. Azure Resource Graph exports: Microsoft's samples give, through
# srm-load, what srm.load_resource_graph gives (one function merges both),
# in every shape az graph query has printed (test/fixtures/azure/README.md)
azx=$fx/azure
azfiles=(arg_docs_explore_resources.json arg_rest_basic_query.json arg_rest_next_page.json arg_docs_explore_resources.json)
fresh "$db_sql" && fresh "$db" || { bad "databases"; exit 1; }
for f in "${azfiles[@]}"; do
	q -d "$db_sql" -v f="$(cat "$azx/$f")" <<<"SELECT srm.load_resource_graph(:'f'::jsonb, '$f')" >/dev/null 2>&1 ||
		bad "load_resource_graph $f"
	"$SRM_LOAD" -d "$db" "$azx/$f" >>"$out/azure.txt" || bad "srm-load $f exited $?"
done
state "$db_sql" >"$out/azure.sql.state"
state "$db" >"$out/azure.cli.state"
if cmp -s "$out/azure.sql.state" "$out/azure.cli.state" && [ "$(grep -c '^asset' "$out/azure.cli.state")" -eq 8 ]; then
	ok "Azure samples: srm-load and srm.load_resource_graph give the same assets, rejections and counts ($(grep -c '^asset' "$out/azure.cli.state") assets)"
else
	bad "Azure samples: srm-load and srm.load_resource_graph differ (diff $out/azure.sql.state $out/azure.cli.state)"
	diff "$out/azure.sql.state" "$out/azure.cli.state" | head -20
fi
grep -q "^srm load [0-9]* ($azx/arg_rest_next_page.json): 3 items read = 3 assets inserted + 0 updated + 0 rejected; 2 of unknown resource types kept$" "$out/azure.txt" &&
	grep -q "^srm load [0-9]* ($azx/arg_docs_explore_resources.json): 2 items read = 0 assets inserted + 2 updated + 0 rejected; 0 of unknown resource types kept$" "$out/azure.txt" &&
	[ "$(q -d "$db" -c "SELECT count(*) FILTER (WHERE provider = 'azure') || '/' || count(*) FROM srm.asset")" = 8/8 ] &&
	ok "per-file counts of Resource Graph exports; the reload updated, 8 Azure assets" || bad "Azure counts: $(cat "$out/azure.txt")"
python3 - "$azx/arg_docs_explore_resources.json" "$out" <<'EOF2'
import gzip, json, sys
rows, out = json.load(open(sys.argv[1])), sys.argv[2]
# az graph query since version 2 of the extension (keys as it prints them)
cli = {"count": len(rows), "data": rows, "skip_token": None, "total_records": len(rows)}
open(f"{out}/az-cli.json", "w").write(json.dumps(cli, indent=2))
open(f"{out}/az-ndjson.json", "w").write("".join(json.dumps(r) + "\n" for r in rows))
# ids in upper case: the same assets
open(f"{out}/az-upper.json", "w").write(json.dumps([dict(r, id=r["id"].upper()) for r in rows]))
with gzip.open(f"{out}/az-cli.json.gz", "wt") as g:
    json.dump(cli, g)
# a row that is not an object after the first: rejected by the Azure merge
open(f"{out}/az-bad.json", "w").write(json.dumps(rows[0]) + "\n42\n" + json.dumps({"id": rows[1]["id"], "type": "microsoft.compute/virtualmachines"}) + "\n")
EOF2
fresh "$db_sql"
q -d "$db_sql" -v f="$(cat "$azx/arg_docs_explore_resources.json")" <<<"SELECT srm.load_resource_graph(:'f'::jsonb)" >/dev/null 2>&1
azsum="SELECT md5(string_agg(concat_ws('|', provider, account_id, region, resource_type, resource_id, resource_name, service_namespace, tags, configuration, supplementary_configuration), ',' ORDER BY account_id, region, resource_type, resource_id)) FROM srm.asset"
want=$(q -d "$db_sql" -c "$azsum")
for shape in cli ndjson upper cli.json.gz cli-stdin; do
	fresh "$db"
	case "$shape" in
		cli-stdin) "$SRM_LOAD" -d "$db" <"$out/az-cli.json" >"$out/az-$shape.txt"; s=$? ;;
		cli.json.gz) "$SRM_LOAD" -d "$db" "$out/az-$shape" >"$out/az-$shape.txt"; s=$? ;;
		*) "$SRM_LOAD" -d "$db" "$out/az-$shape.json" >"$out/az-$shape.txt"; s=$? ;;
	esac
	got=$(q -d "$db" -c "$azsum")
	if [ $s -eq 0 ] && [ "$got" = "$want" ] && grep -q '2 items read = 2 assets inserted + 0 updated + 0 rejected' "$out/az-$shape.txt"; then
		ok "Resource Graph shape $shape: the same 2 assets as srm.load_resource_graph ($(sed 's/^srm load [0-9]* //' "$out/az-$shape.txt"))"
	else
		bad "Resource Graph shape $shape: exit $s, $(cat "$out/az-$shape.txt")"
	fi
done
fresh "$db"
"$SRM_LOAD" -d "$db" "$out/az-bad.json" >"$out/az-bad.txt"
s=$?
q -d "$db" -c "SELECT item_index || ': ' || reason FROM srm.asset_load_rejection ORDER BY item_index" >"$out/az-bad.reasons"
if [ $s -eq 0 ] && grep -q '3 items read = 1 assets inserted + 0 updated + 2 rejected' "$out/az-bad.txt" &&
	grep -q '^1: the row is a number, not an object$' "$out/az-bad.reasons" &&
	grep -q '^2: type "microsoft.compute/virtualmachines" is not the type of id (Microsoft.Compute/disks)$' "$out/az-bad.reasons"; then
	ok "Resource Graph rows that cannot be assets are rejected alone, with the Azure loader's reasons"
else
	bad "Resource Graph bad rows: exit $s, $(cat "$out/az-bad.txt") $(cat "$out/az-bad.reasons")"
fi

# 6. Cloud Asset Inventory exports (JSON lines, as gcloud asset export
# writes them): srm-load gives what srm.load_asset_inventory gives for the
# same assets, file by file, plain and gzipped; gcloud asset list's JSON
# array (camelCase keys) gives the same assets; a line that is not JSON is
# rejected alone by the Google loader
cai=$fx/cloud_asset_inventory
cai_files=(export_small.jsonl export_bad.jsonl ps_resource.json ps_resource_with_error_details.json ps_iam_policy.json export_small.jsonl)
gzip -c "$cai/ps_resource.json" >"$out/ps_resource.json.gz"
fresh "$db_sql" && fresh "$db" || { bad "databases"; exit 1; }
: >"$out/cai.txt"
for f in "${cai_files[@]}"; do
	q -d "$db_sql" -v f="$(cat "$cai/$f")" <<<"SELECT srm.load_asset_inventory((SELECT jsonb_agg(l::jsonb ORDER BY n) FROM regexp_split_to_table(:'f', E'\\n') WITH ORDINALITY AS x(l, n) WHERE l <> ''), '$f')" >/dev/null 2>&1 ||
		bad "load_asset_inventory $f"
	src=$cai/$f
	[ "$f" = ps_resource.json ] && src=$out/ps_resource.json.gz
	"$SRM_LOAD" -d "$db" "$src" >>"$out/cai.txt" || bad "srm-load $f exited $?"
done
state "$db_sql" >"$out/cai.sql.state"
state "$db" >"$out/cai.cli.state"
if cmp -s "$out/cai.sql.state" "$out/cai.cli.state"; then
	ok "Cloud Asset Inventory: srm-load (JSON lines, one file gzipped) and srm.load_asset_inventory give the same assets, rejections and counts ($(grep -c '^asset' "$out/cai.cli.state") assets, $(grep -c '^rejection' "$out/cai.cli.state") rejections)"
else
	bad "Cloud Asset Inventory: srm-load and srm.load_asset_inventory differ (diff $out/cai.sql.state $out/cai.cli.state)"
	diff "$out/cai.sql.state" "$out/cai.cli.state" | head -20
fi
grep -q "^srm load [0-9]* ($cai/export_small.jsonl): 10 items read = 9 assets inserted + 0 updated + 1 rejected; 1 of unknown resource types kept$" "$out/cai.txt" &&
	grep -q "^srm load [0-9]* ($out/ps_resource.json.gz): 2 items read = 2 assets inserted + 0 updated + 0 rejected; 2 of unknown resource types kept$" "$out/cai.txt" &&
	ok "Cloud Asset Inventory: per-file counts printed, .gz read ($(head -n 1 "$out/cai.txt"))" || bad "per-file counts: $(cat "$out/cai.txt")"
[ "$(q -d "$db" -c "SELECT count(*) FILTER (WHERE provider = 'gcp') || ' ' || count(*) FROM srm.asset")" = "12 12" ] &&
	ok "Cloud Asset Inventory: every asset is provider gcp" || bad "providers: $(q -d "$db" -c "SELECT provider, count(*) FROM srm.asset GROUP BY 1")"
python3 - "$cai/export_small.jsonl" "$out" <<'PY'
import json, re, sys
src, out = sys.argv[1], sys.argv[2]
def camel(k):
    return re.sub(r"_([a-z])", lambda m: m.group(1).upper(), k)
def conv(a):
    # gcloud asset list --format=json: the proto's camelCase field names; the
    # resource's data is the service's own JSON, unchanged
    b = {camel(k): v for k, v in a.items()}
    if isinstance(b.get("resource"), dict):
        b["resource"] = {camel(k): v for k, v in b["resource"].items()}
    return b
assets = [conv(json.loads(l)) for l in open(src) if l.strip()]
open(f"{out}/cai-list.json", "w").write(json.dumps(assets, indent=2))
PY
fresh "$db"
"$SRM_LOAD" -d "$db" "$out/cai-list.json" >"$out/cai-list.txt"
s=$?
fresh "$db_sql"
q -d "$db_sql" -v f="$(cat "$out/cai-list.json")" <<<"SELECT srm.load_asset_inventory(:'f'::jsonb)" >/dev/null 2>&1
assets_md5() {
	q -d "$1" -c "SELECT md5(string_agg(concat_ws('|', provider, account_id, region, resource_type, resource_id, resource_name, service_namespace, known_type, tags, configuration, captured_at AT TIME ZONE 'UTC'), ',' ORDER BY account_id, region, resource_type, resource_id)) FROM srm.asset"
}
want=$(fresh "$db_sql" && q -d "$db_sql" -v f="$(cat "$cai/export_small.jsonl")" <<<"SELECT srm.load_asset_inventory((SELECT jsonb_agg(l::jsonb ORDER BY n) FROM regexp_split_to_table(:'f', E'\\n') WITH ORDINALITY AS x(l, n) WHERE l <> ''))" >/dev/null 2>&1; assets_md5 "$db_sql")
if [ $s -eq 0 ] && [ "$(assets_md5 "$db")" = "$want" ] && grep -q '10 items read = 9 assets inserted + 0 updated + 1 rejected' "$out/cai-list.txt"; then
	ok "gcloud asset list's JSON array (camelCase keys): the same 9 assets as the export's lines"
else
	bad "camelCase array: exit $s, $(cat "$out/cai-list.txt")"
fi
fresh "$db"
{
	printf '{"name": "//storage.googleapis.com/b-1", "asset_type": tru}\n'
	head -n 1 "$cai/export_small.jsonl"
	printf '  42  \n'
	sed -n 9p "$cai/export_small.jsonl"
	printf '{"name": "//storage.googleapis.com/cut-off", "asset_type": "storage.googleapis.com/Bucket", "resource": {"data": {"a": "b'
} | gzip -c >"$out/cai-bad.jsonl.gz"
"$SRM_LOAD" -d "$db" "$out/cai-bad.jsonl.gz" >"$out/cai-bad.txt"
s=$?
q -d "$db" -c "SELECT item_index || ': ' || reason FROM srm.asset_load_rejection ORDER BY item_index" >"$out/cai-bad.reasons"
cat "$out/cai-bad.reasons"
if [ $s -eq 0 ] && grep -q '5 items read = 2 assets inserted + 0 updated + 3 rejected' "$out/cai-bad.txt" &&
	grep -q '^0: not JSON: invalid input syntax for type json' "$out/cai-bad.reasons" &&
	grep -q '^2: the item is a number, not an object' "$out/cai-bad.reasons" &&
	grep -qE '^4: the input ends inside this item, after [0-9]+ bytes' "$out/cai-bad.reasons" &&
	[ "$(q -d "$db" -c "SELECT string_agg(resource_name, ',' ORDER BY resource_name) FROM srm.asset WHERE provider = 'gcp'")" = "orders-events,web-1" ]; then
	ok "Cloud Asset Inventory lines that are not JSON, not assets or cut off are rejected alone, with their reason, by the Google loader; exit 0"
else
	bad "bad Cloud Asset Inventory lines: exit $s, $(cat "$out/cai-bad.txt")"
fi

# 7. -j 2: the items of a file over two connections, each resource on one,
# under the file's one load id.  Generated files (60 accounts; resources
# captured up to four times in the file, in any order, some at the same
# time, some in epoch seconds; the same resource ids in other accounts;
# items as JSON strings, with the account spelled with \u escapes or
# given twice; items rejected for many reasons) and the fixtures give
# with -j 2 what they give with -j 1.  With one batch per connection the
# batches hold the same items of every resource, so the assets, the
# rejections (rows and reasons) and the counts are the same; with small
# batches, a newer capture of a resource that -j 1 merges in a later batch
# may share a batch with the older one under -j 2 (rejected as
# "superseded by configurationItems[i]" rather than written and then
# updated, or rejected as "older than the capture already loaded"): the
# assets are the same, every other rejection too, and the counts
# reconcile.
python3 - "$out" <<'PY'
import json, random, sys
out = sys.argv[1]
rng = random.Random(2026112810)
accounts = ["%012d" % (200000000000 + 7919 * a) for a in range(60)]
types = [("AWS::EC2::Instance", "ec2", "instance/"), ("AWS::S3::Bucket", "s3", ""), ("AWS::SNS::Topic", "sns", ""),
         ("AWS::Lambda::Function", "lambda", "function:"), ("AWS::Foo::Unknown", "foo", "thing/")]
def item(acct, r, when, n):
    # resource r + 700 is resource r's type, region and id in another account
    t, ns, prefix = types[r % 700 % len(types)]
    region = ["us-east-1", "eu-west-1", "ap-south-1"][r % 700 % 3]
    rid = "res-%04d" % (r % 700)
    arn = "arn:aws:s3:::%s-%s" % (acct, rid) if ns == "s3" else "arn:aws:%s:%s:%s:%s%s" % (ns, region, acct, prefix, rid)
    return {"resourceType": t, "resourceId": rid, "awsAccountId": acct, "awsRegion": region, "ARN": arn,
            "configurationItemCaptureTime": when, "configurationItemStatus": "OK",
            "tags": {"n": str(n)}, "configuration": {"r": r, "n": n}}
def text(i, j):
    s = json.dumps(i)
    k = rng.random()
    if not isinstance(i, dict):
        return s
    if k < 0.04:                        # a select-resource-config string
        return json.dumps(s)
    if k < 0.08 and isinstance(i.get("awsAccountId"), str) and i["awsAccountId"].isdigit():
        return s.replace('"awsAccountId": "2', '"awsAccountId": "\\u0032', 1)
    if k < 0.11 and "awsAccountId" in i:  # given twice: the last one counts
        return '{"awsAccountId": "999999999999", ' + s[1:]
    return s
def gen(name, nres, base_day, seed_shift):
    items = []
    for r in range(nres):
        acct = accounts[(r * 13 + seed_shift) % len(accounts)]
        for c in range(rng.choice([1, 1, 2, 3, 4])):
            day = base_day + rng.choice([0, 1, 2, 2])
            when = "2025-07-%02dT10:%02d:00Z" % (day, rng.choice([0, 5, 5]))
            if rng.random() < 0.1:
                when = 1751364000 + day * 86400 + rng.choice([0, 300])
            items.append(item(acct, r, when, len(items)))
    bad = [lambda i: dict(i, configurationItemCaptureTime="datetime(2025, 7, 1)"),
           lambda i: dict(i, ARN="hello world"),
           lambda i: {k: v for k, v in i.items() if k != "awsAccountId"},
           lambda i: dict(i, awsAccountId="12345"),
           lambda i: dict(i, awsAccountId=12345),
           lambda i: dict(i, accountId="111111111111"),
           lambda i: dict(i, configurationItemStatus="ResourceDeleted"),
           lambda i: dict(i, awsAccountId=None, accountId=i["awsAccountId"]),
           lambda i: 42]
    for k in range(len(items) // 12):
        p = rng.randrange(len(items))
        if isinstance(items[p], dict):
            items[p] = rng.choice(bad)(items[p])
    rng.shuffle(items)
    with open("%s/%s" % (out, name), "w") as f:
        f.write('{"fileVersion": "1.0", "configSnapshotId": "%s", "configurationItems": [\n' % name)
        f.write(",\n".join(text(i, j) for j, i in enumerate(items)))
        f.write("\n]}\n")
gen("j-1.json", 1400, 2, 0)
# the same resources a day earlier or so: some captures older than loaded
gen("j-2.json", 1400, 1, 0)
PY
jfiles=("$out/j-1.json" "$out/j-2.json" "$out/bad-items.json" "$fx/snapshot_small.json" "$fx/snapshot_small_v2.json" "$fx/bad_tags_wrong.json")
jload() { # DB JOBS BATCH TAG
	local s=0 f
	: >"$out/j$2-b$3-$4.txt"
	: >"$out/j$2-b$3-$4.err"
	for f in "${jfiles[@]}"; do
		"$SRM_LOAD" -d "$1" -j "$2" -b "$3" --max-item-bytes=2048 "$f" >>"$out/j$2-b$3-$4.txt" 2>>"$out/j$2-b$3-$4.err" || s=$?
	done
	return $s
}
for b in 100000 37; do
	fresh "$db_sql" && fresh "$db" || { bad "databases"; exit 1; }
	jload "$db_sql" 1 "$b" x || bad "-j 1 -b $b exited $?: $(head -n 3 "$out/j1-b$b-x.err")"
	jload "$db" 2 "$b" x || bad "-j 2 -b $b exited $?: $(head -n 3 "$out/j2-b$b-x.err")"
	state "$db_sql" >"$out/j1-b$b.state"
	state "$db" >"$out/j2-b$b.state"
	n_assets=$(grep -c '^asset' "$out/j2-b$b.state")
	n_rej=$(grep -c '^rejection' "$out/j2-b$b.state")
	# the accounts of each load, added to its row by every batch of both connections
	accounts="SELECT string_agg(array_to_string(accounts, ','), ';' ORDER BY load_id) FROM srm.asset_load"
	if [ "$(q -d "$db" -c "$accounts")" = "$(q -d "$db_sql" -c "$accounts")" ] && [ "$(q -d "$db" -c "SELECT min(cardinality(accounts)) FROM srm.asset_load WHERE source LIKE '%/j-_.json'")" = 60 ]; then
		ok "-j 2 -b $b: every load's accounts as with -j 1 (60 for each generated file)"
	else
		bad "-j 2 -b $b: accounts differ: $(q -d "$db" -c "$accounts" | cut -c 1-200)"
	fi
	if [ "$b" = 100000 ]; then
		if cmp -s "$out/j1-b$b.state" "$out/j2-b$b.state" && [ "$n_assets" -gt 1000 ] && [ "$n_rej" -gt 1000 ] &&
			grep -q '|superseded by configurationItems\[' "$out/j2-b$b.state" && grep -q '|older than the capture already loaded' "$out/j2-b$b.state"; then
			ok "-j 2, one batch per connection: the same assets, rejections (rows and reasons) and counts as -j 1 ($n_assets assets, $n_rej rejections, superseded and older captures among them, over ${#jfiles[@]} files)"
		else
			bad "-j 2 -b $b differs from -j 1 (diff $out/j1-b$b.state $out/j2-b$b.state)"
			diff "$out/j1-b$b.state" "$out/j2-b$b.state" | head -n 10
		fi
	else
		# the outcomes that do not depend on how items are batched
		keep() { grep -v '|superseded by configurationItems\[\||older than the capture already loaded' "$1" | grep -v '^load' ; }
		items() { grep '^load' "$1" | cut -d '|' -f 2,3,4,5; }
		reconcile=$(q -d "$db" -c "SELECT count(*) FILTER (WHERE items_read <> assets_inserted + assets_updated + items_rejected) FROM srm.asset_load")
		if cmp -s <(keep "$out/j1-b$b.state") <(keep "$out/j2-b$b.state") && cmp -s <(items "$out/j1-b$b.state") <(items "$out/j2-b$b.state") &&
			[ "$reconcile" = 0 ] && [ "$(grep -c '^load' "$out/j2-b$b.state")" = "${#jfiles[@]}" ]; then
			ok "-j 2, batches of $b: the same assets, the same rejections but for superseded or older captures, the same items read, counts that reconcile as -j 1 ($n_assets assets, $(grep -c '^rejection' "$out/j1-b$b.state") rejections with -j 1, $n_rej with -j 2)"
		else
			bad "-j 2 -b $b: outcomes differ from -j 1 (diff $out/j1-b$b.state $out/j2-b$b.state)"
			diff <(keep "$out/j1-b$b.state") <(keep "$out/j2-b$b.state") | head -n 10
		fi
	fi
done
# the per-file line of -j 2 is -j 1's (the load ids aside)
if cmp -s <(sed 's/^srm load [0-9]* //' "$out/j1-b100000-x.txt") <(sed 's/^srm load [0-9]* //' "$out/j2-b100000-x.txt") &&
	grep -q "($out/j-2.json): [1-9][0-9]* items read" "$out/j2-b100000-x.txt"; then
	ok "-j 2 prints -j 1's per-file counts ($(sed -n '2s/^srm load [0-9]* //p' "$out/j2-b100000-x.txt"))"
else
	bad "per-file counts: $(cat "$out/j2-b100000-x.txt")"
fi
# Azure and Google Cloud exports load over the first connection whatever -j
fresh "$db"
for f in "$azx/arg_docs_explore_resources.json" "$cai/export_small.jsonl"; do
	"$SRM_LOAD" -d "$db" -j 3 "$f" >>"$out/j3-other.txt" || bad "-j 3 $f exited $?"
done
grep -q '2 items read = 2 assets inserted + 0 updated + 0 rejected' "$out/j3-other.txt" &&
	grep -q '10 items read = 9 assets inserted + 0 updated + 1 rejected' "$out/j3-other.txt" &&
	[ "$(q -d "$db" -c "SELECT string_agg(provider || ':' || n, ' ' ORDER BY provider) FROM (SELECT provider, count(*) n FROM srm.asset GROUP BY 1) x")" = "azure:2 gcp:9" ] &&
	ok "-j 3: a Resource Graph export and a Cloud Asset Inventory export load as with -j 1" || bad "-j 3 Azure/Google: $(cat "$out/j3-other.txt")"

# a team member refused an account in the middle of a file: -j 2 stops the
# file as -j 1 does (exit 2, the server's message, nothing of that account,
# the load not ended), and the next file loads
member=srm_load_member_$$
team=srm_load_team_$$
refused=$(python3 -c 'print("%012d" % (200000000000 + 7919 * 30))')
fresh "$db_sql" && fresh "$db"
for d in "$db_sql" "$db"; do
	q -d "$d" <<EOF >/dev/null || bad "team setup"
DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$team') THEN
        CREATE ROLE $team;
        CREATE ROLE $member LOGIN PASSWORD 'srm-load-test' IN ROLE $team;
    END IF;
END \$\$;
GRANT SELECT, INSERT, UPDATE, DELETE ON srm.asset, srm.asset_load, srm.asset_load_rejection TO $team;
GRANT USAGE ON SEQUENCE srm.asset_asset_id_seq, srm.asset_load_load_id_seq TO $team;
INSERT INTO srm.team_account (team, account_id)
SELECT '$team', a FROM (SELECT lpad((200000000000 + 7919 * g)::text, 12, '0') AS a FROM generate_series(0, 59) g) x WHERE a <> '$refused';
EOF
done
python3 - "$out/j-1.json" "$out/team.json" "$refused" <<'PY'
import json, sys
src, dst, refused = sys.argv[1], sys.argv[2], sys.argv[3]
items = [json.loads(i) if isinstance(i, str) else i for i in json.load(open(src))["configurationItems"]]
items = [i for i in items if isinstance(i, dict) and i.get("awsAccountId") not in (refused, None)]
# the refused account's items from the middle of the file on
mid = len(items) // 2
items[mid:mid] = [dict(i, resourceId="refused-%d" % k, awsAccountId=refused, accountId=refused)
                  for k, i in enumerate(items[:5]) if i.get("awsAccountId")]
json.dump({"fileVersion": "1.0", "configurationItems": items}, open(dst, "w"))
# the next file: three items of the team's accounts
json.dump({"fileVersion": "1.0", "configurationItems": [dict(i, resourceId="next-%d" % k) for k, i in enumerate(
    [i for i in items if isinstance(i.get("awsAccountId"), str) and len(i["awsAccountId"]) == 12
     and i["awsAccountId"] not in (refused, "999999999999") and "accountId" not in i
     and i.get("configurationItemStatus") == "OK" and i.get("ARN", "").startswith("arn:")
     and not str(i.get("configurationItemCaptureTime")).startswith("datetime")][:3])]},
    open(dst.replace("team.json", "team-next.json"), "w"))
PY
for j in 1 2; do
	d=$db_sql
	[ $j = 2 ] && d=$db
	PGPASSWORD=srm-load-test "$SRM_LOAD" -U "$member" -d "$d" -j $j -b 200 "$out/team.json" "$out/team-next.json" \
		>"$out/team-j$j.txt" 2>"$out/team-j$j.err"
	echo $? >"$out/team-j$j.status"
done
team_check() {
	q -d "$1" -c "SELECT count(*) FILTER (WHERE account_id = '$refused') || '|' || count(*) FROM srm.asset" \
		-c "SELECT string_agg(coalesce(file_version, '-') || ':' || (items_read > 0), ' ' ORDER BY load_id) FROM srm.asset_load"
}
if [ "$(cat "$out/team-j2.status")" = 2 ] && [ "$(cat "$out/team-j1.status")" = 2 ] &&
	grep -q "account $refused is not an account of role \"$member\"'s teams" "$out/team-j2.err" &&
	grep -q "merging a batch" "$out/team-j2.err" &&
	[ "$(team_check "$db" | tail -n 1)" = "-:true 1.0:true" ] && [ "$(team_check "$db_sql" | tail -n 1)" = "-:true 1.0:true" ] &&
	[ "$(team_check "$db" | head -n 1 | cut -d '|' -f 1)" = 0 ] &&
	grep -q '3 items read = 3 assets inserted' "$out/team-j2.txt" && grep -q '3 items read = 3 assets inserted' "$out/team-j1.txt"; then
	ok "-j 2, a team member refused an account mid-file: exit 2 as -j 1, $(head -n 1 "$out/team-j2.err" | cut -c 1-120)..., nothing of that account, the load not ended, the next file loaded"
else
	bad "-j 2 team member: exit $(cat "$out/team-j2.status") (-j 1: $(cat "$out/team-j1.status")), $(cat "$out/team-j2.err"), $(team_check "$db")"
fi
for d in "$db_sql" "$db"; do q -d "$d" -c "DELETE FROM srm.team_account WHERE team = '$team'" -c "DROP OWNED BY $team, $member" >/dev/null; done
psql -X -q -d postgres -c "DROP ROLE $member" -c "DROP ROLE $team" >/dev/null

# a connection lost in the middle of a file: -j 2 reports it and exits 2
python3 - "$out/j-1.json" "$out/big.json" <<'PY'
import json, sys
items = json.load(open(sys.argv[1]))["configurationItems"]
with open(sys.argv[2], "w") as f:
    f.write('{"configurationItems": [\n')
    f.write(",\n".join(json.dumps(i).replace('res-', 'copy%d-' % k) for k in range(12) for i in items))
    f.write("\n]}\n")
PY
fresh "$db"
"$SRM_LOAD" -d "$db" -j 2 -b 20 "$out/big.json" >"$out/lost.txt" 2>"$out/lost.err" &
lp=$!
killed=""
for _ in $(seq 200); do
	# the second connection, once both are up
	killed=$(q -d postgres -c "SELECT pg_terminate_backend(max(pid) FILTER (WHERE backend_start = (SELECT max(backend_start) FROM pg_stat_activity WHERE datname = '$db' AND application_name = 'srm-load')))
	                           FROM pg_stat_activity WHERE datname = '$db' AND application_name = 'srm-load' HAVING count(*) = 2" 2>/dev/null)
	[ "$killed" = t ] && break
	sleep 0.05
done
wait $lp
s=$?
if [ "$killed" = t ] && [ $s = 2 ] && grep -qi 'terminat\|server closed the connection' "$out/lost.err" && [ ! -s "$out/lost.txt" ]; then
	ok "-j 2, one connection terminated mid-file: exit 2, reported ($(grep -i -m 1 'terminat\|closed' "$out/lost.err" | cut -c 1-100)...)"
else
	bad "-j 2 connection lost: killed '$killed', exit $s, $(head -n 3 "$out/lost.err")"
fi

# statistics after a load: srm-load asks the server to ANALYZE srm.asset
# when the files' assets (inserted + updated) pass autovacuum's threshold
# for the table (here its own settings: 500 rows, no scale), and a server
# without srm_internal.analyze_after_load (srm before 0.9.0) is analyzed as
# before, after every run
fresh "$db"
q -d "$db" -c "ALTER TABLE srm.asset SET (autovacuum_analyze_threshold = 500, autovacuum_analyze_scale_factor = 0)"
for n in 600 5 700 6; do
	for i in $(seq 1 $n); do item "stats-$n-$i"; done >"$out/stats-$n.json"
done
tuples() { q -d "$db" -c "SELECT reltuples::bigint FROM pg_class WHERE oid = 'srm.asset'::regclass"; }
"$SRM_LOAD" -q -d "$db" "$out/stats-600.json" && t1=$(tuples)
"$SRM_LOAD" -q -d "$db" "$out/stats-5.json" && t2=$(tuples)
"$SRM_LOAD" -q -d "$db" "$out/stats-5.json" "$out/stats-700.json" && t3=$(tuples)
q -d "$db" -c "ALTER FUNCTION srm_internal.analyze_after_load(bigint) RENAME TO analyze_after_load_gone"
"$SRM_LOAD" -q -d "$db" "$out/stats-6.json" && t4=$(tuples)
if [ "$t1 $t2 $t3 $t4" = "600 600 1305 1311" ]; then
	ok "statistics: analyzed after 600 new assets, not after 5, after 5 + 700 in one run; without the server's rule after 6 (reltuples $t1 $t2 $t3 $t4)"
else
	bad "statistics after loads: reltuples $t1 $t2 $t3 $t4, not 600 600 1305 1311"
fi

# bad -j values
for v in 0 17 x 2x ""; do
	"$SRM_LOAD" -d "$db" -j "$v" "$fx/snapshot_small.json" >"$out/jbad.txt" 2>"$out/jbad.err"
	s=$?
	if [ $s = 2 ] && [ "$(cat "$out/jbad.err")" = "srm-load: --jobs must be a number from 1 to 16, not \"$v\"" ] && [ ! -s "$out/jbad.txt" ]; then
		ok "-j '$v': exit 2, $(cat "$out/jbad.err")"
	else
		bad "-j '$v': exit $s, $(cat "$out/jbad.err")"
	fi
done
"$SRM_LOAD" --help | head -n 2 | tr '\n' ' ' | grep -q '^srm-load loads AWS Config data, Azure Resource Graph exports and Google Cloud Asset Inventory exports into srm.asset' &&
	"$SRM_LOAD" --help | grep -q -- '-j, --jobs=N' && ok "--help names the three sources and -j" || bad "--help: $("$SRM_LOAD" --help | head -n 3)"
# --version: the version of the extension it was built with (srm.control)
want_version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$top/srm.control")
[ "$("$SRM_LOAD" --version)" = "srm-load (srm) $want_version" ] && ok "--version is srm $want_version" ||
	bad "--version: $("$SRM_LOAD" --version), not srm $want_version"

echo "$name: $fails failed"
[ $fails -eq 0 ]
