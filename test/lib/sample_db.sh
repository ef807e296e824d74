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
    # OUTDIR/gcp-asset-inventory.jsonl), loaded here by the loaders, and the
    # same assets as rows of srm.asset (OUTDIR/multicloud.sql), which the
    # loaded rows must equal.  On by default
    # for the default sample; SAMPLE_MULTICLOUD=0 leaves it out (and it is
    # left out when SAMPLE_ARGS changes the AWS sample, e.g. a scale run).
    if [ "${SAMPLE_MULTICLOUD:-$([ -z "${SAMPLE_ARGS:-}" ] && echo 1 || echo 0)}" = 1 ]; then
        python3 "$top/tools/sample/gen_sample_multicloud.py" --azure "$out/azure-resource-graph.json" \
            --gcp "$out/gcp-asset-inventory.jsonl" --sql "$out/multicloud.sql" 2>"$out/multicloud.log" \
            || { cat "$out/multicloud.log" >&2; fail "tools/sample/gen_sample_multicloud.py failed"; }
        # the exports through the loaders: the Resource Graph export by
        # srm.load_resource_graph, the Cloud Asset Inventory JSON lines by
        # srm-load; they must store what the generator's SQL form says
        printf '%s\n' "\\set f \`cat '$out/azure-resource-graph.json'\`" \
            "SELECT srm.load_resource_graph(:'f'::jsonb, 'sample Azure Resource Graph export (tools/sample/gen_sample_multicloud.py)');" \
            >"$out/multicloud-load.sql"
        q -c "SET client_min_messages = warning" -f "$out/multicloud-load.sql" >/dev/null 2>>"$out/multicloud.log" \
            || { cat "$out/multicloud.log" >&2; fail "srm.load_resource_graph of the Azure sample failed"; }
        "$(pg_config --bindir)/srm-load" -q -d "$db" "$out/gcp-asset-inventory.jsonl" >>"$out/multicloud.log" 2>&1 \
            || { cat "$out/multicloud.log" >&2; fail "srm-load of the Google Cloud sample failed"; }
        # the SQL form in a schema of its own, compared row for row
        sed -e 's/INSERT INTO srm.asset_load /INSERT INTO srm_sample_ref.asset_load /' \
            -e 's/^INSERT INTO srm.asset (/INSERT INTO srm_sample_ref.asset (/' \
            -e 's/FROM srm.asset_load l WHERE/FROM srm_sample_ref.asset_load l WHERE/' \
            -e 's/^ON CONFLICT .*$/;/' "$out/multicloud.sql" >"$out/multicloud-ref.sql"
        q -c "DROP SCHEMA IF EXISTS srm_sample_ref CASCADE" -c "CREATE SCHEMA srm_sample_ref" \
            -c "CREATE TABLE srm_sample_ref.asset_load (LIKE srm.asset_load INCLUDING DEFAULTS)" \
            -c "CREATE TABLE srm_sample_ref.asset (LIKE srm.asset INCLUDING DEFAULTS)" >/dev/null
        q -c "SET client_min_messages = warning" -f "$out/multicloud-ref.sql" >/dev/null 2>>"$out/multicloud.log" \
            || { cat "$out/multicloud.log" >&2; fail "loading the SQL form of the Azure and Google Cloud sample failed"; }
        diffs=$(q -c "SELECT count(*) FROM ((SELECT provider, account_id, region, resource_type, resource_id, resource_name,
                                                    service_namespace, known_type, tags, configuration
                                             FROM srm.asset WHERE provider <> 'aws'
                                             EXCEPT ALL SELECT provider, account_id, region, resource_type, resource_id, resource_name,
                                                    service_namespace, known_type, tags, configuration FROM srm_sample_ref.asset)
                                            UNION ALL
                                            (SELECT provider, account_id, region, resource_type, resource_id, resource_name,
                                                    service_namespace, known_type, tags, configuration FROM srm_sample_ref.asset
                                             EXCEPT ALL SELECT provider, account_id, region, resource_type, resource_id, resource_name,
                                                    service_namespace, known_type, tags, configuration
                                             FROM srm.asset WHERE provider <> 'aws')) d")
        [ "$diffs" = 0 ] || fail "the loaders stored the Azure and Google Cloud sample otherwise than its SQL form says ($diffs rows differ)"
        q -c "DROP SCHEMA srm_sample_ref CASCADE" >/dev/null
        ok "the Azure and Google Cloud exports, loaded by srm.load_resource_graph and srm-load, equal their SQL form row for row"
        ok "loaded the Azure and Google Cloud sample: $(q -c "SELECT string_agg(provider || ' ' || n, ', ' ORDER BY provider)
                FROM (SELECT provider, count(*) AS n FROM srm.asset WHERE provider <> 'aws' GROUP BY provider) x") assets"
    fi
    q -c "ANALYZE srm.asset"
}
