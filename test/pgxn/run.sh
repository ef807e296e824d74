#!/usr/bin/env bash
# PGXN metadata check for srm:
#   test/pgxn/run.sh [META.json]
# 1. installs the pinned npm packages here (ajv-cli, ajv, ajv-formats) if
#    missing (npm ci, from package-lock.json);
# 2. copies the vendored PGXN meta spec v1 JSON Schemas (schema/v1, from
#    pgxn/meta, see schema/SOURCES.md) with their regular expressions
#    rewritten for JavaScript (prepare-schemas.js);
# 3. self-test: broken copies of META.json (a version that is not SemVer, a
#    licence that is not one PGXN knows, an unknown top-level key, a path
#    leaving the distribution, a name with a space) must each be rejected
#    with the error that names the fault;
# 4. META.json must validate, its version and that of the extension it
#    provides must equal srm.control's default_version, the files it names
#    must exist, and CHANGELOG.md must have a section for the version.
# Needs node and npm (Debian: apt-get install -y nodejs npm) and, the first
# time, the npm registry.  Prints "pgxn: PASS" and exits 0, or
# "pgxn: FAIL: ..." and exits 1.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
meta=${1:-$top/META.json}
case $meta in /*) ;; *) meta="$PWD/$meta" ;; esac

fail() { echo "pgxn: FAIL: $*" >&2; exit 1; }
ok() { echo "pgxn: ok: $*"; }

command -v node >/dev/null 2>&1 || fail "node not found (Debian: apt-get install -y nodejs npm)"
[ -r "$meta" ] || fail "cannot read $meta"

cd "$here"
if ! [ -x node_modules/.bin/ajv ] || ! node -e 'require("ajv-formats")' >/dev/null 2>&1; then
    command -v npm >/dev/null 2>&1 || fail "npm not found (Debian: apt-get install -y npm)"
    echo "pgxn: installing npm dependencies (npm ci) in $here"
    npm ci --no-audit --no-fund --loglevel=error >&2 || fail "npm ci failed"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

node prepare-schemas.js schema/v1 "$tmp/schema" || fail "cannot prepare the schemas"
refs=()
for f in "$tmp"/schema/*.schema.json; do
    [ "$(basename "$f")" = distribution.schema.json ] || refs+=(-r "$f")
done

# validate FILE: ajv's verdict, errors one JSON array per line in $tmp/out
validate() {
    node_modules/.bin/ajv validate --spec=draft2020 --all-errors --errors=line \
        -c ./formats.js -s "$tmp/schema/distribution.schema.json" "${refs[@]}" -d "$1" \
        >"$tmp/out" 2>&1
}

# --- self-test: each broken copy is rejected for its own reason ---------------
# name | JavaScript that breaks document d | a string the errors must contain
cases=(
    'version|d.version = "0.2";|"instancePath":"/version","schemaPath":"version.schema.json/pattern"'
    'licence|d.license = "PostgreSQL Licence";|"instancePath":"/license","schemaPath":"#/oneOf"'
    'unknown key|d.colour = "blue";|"unevaluatedProperty":"colour"'
    'path|d.provides.srm.file = "../srm.control";|"instancePath":"/provides/srm/file","schemaPath":"path.schema.json/format"'
    'name|d.name = "s r m";|"instancePath":"/name","schemaPath":"term.schema.json/pattern"'
)
for c in "${cases[@]}"; do
    IFS='|' read -r what js want <<<"$c"
    node -e '
const fs = require("fs");
const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
eval(process.argv[2]);
fs.writeFileSync(process.argv[3], JSON.stringify(d, null, 2));
' "$meta" "$js" "$tmp/broken.json"
    if validate "$tmp/broken.json"; then
        cat "$tmp/out" >&2
        fail "a META.json with a bad $what was accepted"
    fi
    grep -qF "$want" "$tmp/out" || { cat "$tmp/out" >&2; fail "bad $what: expected an error containing $want"; }
    ok "self-test: bad $what rejected: $(grep -oF "$want" "$tmp/out" | head -n 1)"
done

# --- META.json itself -----------------------------------------------------------
validate "$meta" || { cat "$tmp/out" >&2; fail "$meta is not valid against the PGXN meta spec v1"; }
ok "$(cat "$tmp/out")"

control=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$top/srm.control")
[ -n "$control" ] || fail "no default_version in $top/srm.control"
read -r dist ext files < <(node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const p = d.provides.srm || {};
console.log(d.version, p.version, [p.file, p.docfile].filter(Boolean).join(","));
' "$meta")
[ "$dist" = "$control" ] || fail "META.json version $dist differs from srm.control default_version $control"
[ "$ext" = "$control" ] || fail "META.json provides.srm.version $ext differs from srm.control default_version $control"
ok "versions agree: META.json $dist, provides.srm $ext, srm.control $control"
IFS=, read -r -a named <<<"$files"
for f in "${named[@]}"; do
    [ -f "$top/$f" ] || fail "META.json names $f, which is not in the tree"
done
ok "files named exist: ${named[*]}"
grep -qE "^## \[?$(sed 's/\./\\./g' <<<"$control")\]?( |$)" "$top/CHANGELOG.md" 2>/dev/null \
    || fail "CHANGELOG.md has no section \"## $control\""
ok "CHANGELOG.md has a section for $control"
echo "pgxn: PASS: $meta is valid PGXN metadata for srm $control"
