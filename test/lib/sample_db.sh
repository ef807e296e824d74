# Shared by test/report/check.sh and test/oscal/check.sh:
#   sample_db_setup NAME FUNCTION OUTDIR
# creates a scratch database (dropped on exit) on the server in
# PGHOST/PGPORT/PGUSER, installs srm, checks that srm.FUNCTION and the
# loader and audit exist, generates the sample AWS Config snapshot into
# OUTDIR and loads it (SAMPLE_ARGS: more options of the generator, e.g.
# "--accounts 1000 --items 5000"), then the Azure and Google Cloud part of
# the sample (SAMPLE_MULTICLOUD, below).  Sets top, out, db, admin_db and assets; defines
# fail, ok and q (psql on the scratch database), prefixed with NAME.
fail() { echo "$name: FAIL: $*" >&2; exit 1; }
ok() { echo "$name: ok: $*"; }
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }

sample_db_setup() {
    name=$1
    func=$2
    shift 2
    if [ $# -ne 1 ]; then
        echo "usage: $0 OUTDIR" >&2
        exit 2
    fi
    top=$(cd "$(dirname "$0")/../.." && pwd)
    out=$1
    mkdir -p "$out"
    out=$(cd "$out" && pwd)
    db=srm_${name}_check_$$
    admin_db=${PGDATABASE:-postgres}

    sample_db_cleanup() {
        psql -X -q -d "$admin_db" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
    }
    trap sample_db_cleanup EXIT INT TERM

    psql -X -q -v ON_ERROR_STOP=1 -d "$admin_db" -c "CREATE DATABASE $db" >/dev/null \
        || fail "cannot create database $db (PGHOST=${PGHOST:-} PGPORT=${PGPORT:-} PGUSER=${PGUSER:-})"
    q -c "SET client_min_messages = warning" -c "CREATE EXTENSION srm" || fail "CREATE EXTENSION srm failed (run make install first)"
    ok "scratch database $db with srm $(q -c "SELECT extversion FROM pg_extension WHERE extname = 'srm'")"

    for f in 'load_config_snapshot(jsonb,text)' 'run_audit(text,text,text[],text,integer)' "$func"; do
        [ "$(q -c "SELECT to_regprocedure('srm.$f') IS NOT NULL")" = t ] \
            || fail "srm.$f does not exist in this build of srm: cannot run the end-to-end $name check"
    done

    # --- the sample inventory ---------------------------------------------------
    # shellcheck disable=SC2086  # SAMPLE_ARGS: extra generator options, word-split on purpose
    python3 "$top/tools/sample/gen_sample_snapshot.py" --out "$out/snapshot.json" ${SAMPLE_ARGS:-} >/dev/null 2>"$out/snapshot.log" \
        || { cat "$out/snapshot.log" >&2; fail "tools/sample/gen_sample_snapshot.py failed"; }
    # through the client (psql reads the file), so the server needs no access to OUTDIR
    assets=$(q 2>"$out/load.log" <<SQL
SET client_min_messages = warning;
\\set snapshot \`cat '$out/snapshot.json'\`
SELECT srm.load_config_snapshot(:'snapshot'::jsonb);
SQL
    ) || { cat "$out/load.log" >&2; fail "srm.load_config_snapshot failed"; }
    [ "${assets:-0}" -gt 0 ] 2>/dev/null || fail "srm.load_config_snapshot loaded no asset (returned '$assets')"
    ok "loaded the sample snapshot: $assets assets"

    # --- the Azure and Google Cloud part of the sample (issue 13) -------------------
    # tools/sample/gen_sample_multicloud.py writes the Resource Graph and Cloud
    # Asset Inventory exports (OUTDIR/azure-resource-graph.json,
    # OUTDIR/gcp-asset-inventory.jsonl) and the same assets as rows of
    # srm.asset (OUTDIR/multicloud.sql), loaded here with psql.  On by default
    # for the default sample; SAMPLE_MULTICLOUD=0 leaves it out (and it is
    # left out when SAMPLE_ARGS changes the AWS sample, e.g. a scale run).
    if [ "${SAMPLE_MULTICLOUD:-$([ -z "${SAMPLE_ARGS:-}" ] && echo 1 || echo 0)}" = 1 ]; then
        python3 "$top/tools/sample/gen_sample_multicloud.py" --azure "$out/azure-resource-graph.json" \
            --gcp "$out/gcp-asset-inventory.jsonl" --sql "$out/multicloud.sql" 2>"$out/multicloud.log" \
            || { cat "$out/multicloud.log" >&2; fail "tools/sample/gen_sample_multicloud.py failed"; }
        q -c "SET client_min_messages = warning" -f "$out/multicloud.sql" >/dev/null 2>>"$out/multicloud.log" \
            || { cat "$out/multicloud.log" >&2; fail "loading the Azure and Google Cloud sample failed"; }
        ok "loaded the Azure and Google Cloud sample: $(q -c "SELECT string_agg(provider || ' ' || n, ', ' ORDER BY provider)
                FROM (SELECT provider, count(*) AS n FROM srm.asset WHERE provider <> 'aws' GROUP BY provider) x") assets"
    fi
    q -c "ANALYZE srm.asset"
}
