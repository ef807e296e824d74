#!/bin/sh
# OSCAL validation harness for srm.
#   test/oscal/run.sh [FILE...]
# 1. installs the pinned npm deps (ajv, ajv-formats) here if missing;
# 2. self-test: NIST's leveraged-example SSP must validate against
#    schemas/oscal_ssp_schema.json, and a broken copy of it (bad uuid, a
#    date-time without time zone, an extra property) must be rejected;
# 3. validates every FILE given (e.g. the output of srm.oscal_ssp(run)).
# Needs node and npm (Debian: apt-get install -y nodejs npm) and, the first
# time, the npm registry.  Exit status: 0 all good, 1 otherwise.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
schema="$root/schemas/oscal_ssp_schema.json"
example="$here/examples/oscal_leveraged-example_ssp.json"

fail() { echo "oscal: FAIL: $*" >&2; exit 1; }

command -v node >/dev/null 2>&1 ||
    fail "node not found (Debian: apt-get install -y nodejs npm)"

# Resolve FILE arguments before we cd.
files=""
for f in "$@"; do
    [ -r "$f" ] || fail "cannot read $f"
    case $f in /*) ;; *) f="$PWD/$f" ;; esac
    files="$files
$f"
done

cd "$here"
if ! node -e 'require("ajv"); require("ajv-formats")' >/dev/null 2>&1; then
    command -v npm >/dev/null 2>&1 ||
        fail "npm not found (Debian: apt-get install -y npm)"
    echo "oscal: installing npm dependencies (npm ci) in $here"
    npm ci --no-audit --no-fund --loglevel=error >&2 ||
        fail "npm ci failed"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# --- self-test: the NIST example is valid ------------------------------------
node validate.js "$schema" "$example" >"$tmp/good.out" 2>&1 || {
    cat "$tmp/good.out" >&2
    fail "NIST example $example does not validate"
}
echo "oscal: self-test ok: NIST leveraged-example SSP validates"

# --- self-test: a broken copy is rejected, for each of the three reasons -----
node -e '
const fs = require("fs");
const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const ssp = d["system-security-plan"];
ssp.uuid = "not-a-uuid";                                   // bad uuid
ssp.metadata["last-modified"] = "2024-02-13T12:00:00";     // no time zone
ssp.metadata["srm-extra-property"] = true;                 // not in schema
fs.writeFileSync(process.argv[2], JSON.stringify(d, null, 1));
' "$example" "$tmp/broken_ssp.json"
if node validate.js "$schema" "$tmp/broken_ssp.json" >"$tmp/bad.out" 2>&1; then
    cat "$tmp/bad.out" >&2
    fail "broken SSP was accepted"
fi
for want in "/system-security-plan/uuid: must match pattern" \
            "/system-security-plan/metadata/last-modified: must match" \
            "must NOT have additional properties 'srm-extra-property'"; do
    grep -qF "$want" "$tmp/bad.out" || {
        cat "$tmp/bad.out" >&2
        fail "broken SSP: expected an error like: $want"
    }
done
echo "oscal: self-test ok: broken SSP rejected (bad uuid, date-time without zone, extra property)"

# --- the files asked for -----------------------------------------------------
[ -n "$files" ] || exit 0
status=0
old_ifs=$IFS
IFS='
'
# shellcheck disable=SC2086
node validate.js "$schema" $files || status=1
IFS=$old_ifs
[ $status -eq 0 ] || fail "some files are not valid OSCAL SSPs"
echo "oscal: all files valid"
