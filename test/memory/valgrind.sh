#!/usr/bin/env bash
# The C-facing part of the regression suite under valgrind memcheck, against
# an srm.so built with -O0 -g.  Usage (as root; installs into PostgreSQL's
# directories, so only inside the private root):
#   test/lib/private-root.sh -- bash test/memory/valgrind.sh OUTDIR
# Fails when a test fails or when memcheck reports an error with a frame of
# srm's code in its stacks (test/memory/valgrind-errors.awk); errors only in
# PostgreSQL's own frames are counted and shown, not failed on.
#
# Which files: every file that exercises the C type (io, operators,
# opclass, aggregate, laws, errors, vocabulary) and the two that reach the
# other C code through the loader and the resolver (loader: the model's
# responsibility cells read by responsibility_in; identifiers: the closest
# known names of srm_name_distance).  Between them they call each of the
# 27 SQL-callable C functions (README, "Memory safety").  The rest of the
# suite runs SQL and PL/pgSQL in the executor, which memcheck would make
# about 50 times slower without reaching other C code of srm's.
# CREATE EXTENSION runs before the server is put under valgrind (the 2 MB
# install script alone would take longer than the files together); the
# tests then run with pg_regress --use-existing in that database.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/lib.sh"
out=${1:?usage: $0 OUTDIR}
tests=${SRM_VALGRIND_TESTS:-io operators opclass aggregate vocabulary errors laws uuid loader identifiers trust}
[ "$(id -u)" = 0 ] || { echo "valgrind: run as root in test/lib/private-root.sh" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind: not installed" >&2; exit 2; }

rm -rf "$out"
mkdir -p "$out/vglogs"
out=$(cd "$out" && pwd)
work=$(mktemp -d /tmp/srm-valgrind.XXXXXX)
server_up=0
cleanup() {
	[ $server_up = 1 ] && cluster_stop "$work" 600 || true
	rm -rf "$work"
}
trap cleanup EXIT

echo "valgrind: building srm with -O0 -g in a copy of the tree"
copy_tree "$top" "$work/src"
make -C "$work/src" -s clean >/dev/null
# --coverage: which functions ran under memcheck (below)
make -C "$work/src" -s with_llvm=no PG_CFLAGS='-O0 -g --coverage' PG_LDFLAGS='--coverage' \
	>"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
make -C "$work/src" -s with_llvm=no install >>"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }

cluster_init "$work"
chown postgres: "$out/vglogs"
echo "valgrind: CREATE EXTENSION srm (server not under valgrind)"
cluster_start "$work" 60
server_up=1
"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d postgres -c 'CREATE DATABASE contrib_regression'
"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d contrib_regression -c 'CREATE EXTENSION srm' -c 'ANALYZE'
cluster_stop "$work" 60
server_up=0

# the backends write the coverage counts next to the objects; only the
# counts of the run under memcheck are kept
find "$work/src/src" -name '*.gcda' -delete
chown -R postgres: "$work/src/src"
echo "valgrind: the server under memcheck; tests: $tests"
SECONDS=0
cluster_start "$work" 600 valgrind --tool=memcheck --quiet --trace-children=yes \
	--track-origins=yes --num-callers=30 --error-limit=no --leak-check=no \
	--fullpath-after= --gen-suppressions=all \
	--suppressions="$here/valgrind.supp" --suppressions="$here/srm.supp" \
	--log-file="$out/vglogs/%p.log"
server_up=1
echo "valgrind: server up after ${SECONDS}s"
status=0
make -C "$work/src" -s --no-print-directory installcheck REGRESS="$tests" \
	EXTRA_REGRESS_OPTS="--outputdir=$out --use-existing" >"$out/regress.log" 2>&1 || status=$?
grep -E '^(not ok|ok|test) ' "$out/regress.log" || true
if [ $status -ne 0 ]; then
	tail -n 20 "$out/regress.log"
	[ -f "$out/regression.diffs" ] && head -n 200 "$out/regression.diffs"
fi
cluster_stop "$work" 600
server_up=0
echo "valgrind: tests done after ${SECONDS}s"

# srm's frames: the copy's source files (full paths) or srm.so itself
errs=0
awk -v srcdir="$work/src/src/" -f "$here/valgrind-errors.awk" "$out"/vglogs/*.log >"$out/errors.txt" || errs=$?
cat "$out/errors.txt"
# every SQL-callable C function ran under memcheck (gcov: lines executed)
ran=$(cd "$work/src" && gcov -f -n -o src src/*.c 2>/dev/null |
	awk '/^Function / { f = $2; gsub(/\047/, "", f) } /^Lines executed:/ && f != "" { if ($0 !~ /^Lines executed:0\.00%/) print f; f = "" }')
callable=$(sed -n 's/^PG_FUNCTION_INFO_V1(\([a-z_0-9]*\));/\1/p' "$work/src"/src/*.c)
missed=$(comm -23 <(sort -u <<<"$callable") <(sort -u <<<"$ran"))
[ -z "$missed" ] && echo "valgrind: all $(wc -l <<<"$callable") SQL-callable C functions ran under memcheck"

verdict=0
if [ $status -ne 0 ]; then echo "valgrind: FAILED: tests failed under memcheck"; verdict=1; fi
if [ $errs -ne 0 ]; then echo "valgrind: FAILED: memcheck errors in srm's code (logs: $out/vglogs)"; verdict=1; fi
if [ -n "$missed" ]; then
	echo "valgrind: FAILED: SQL-callable C functions that no file ran under memcheck:" $missed
	verdict=1
fi
[ $verdict = 0 ] && echo "valgrind: ok"
exit $verdict
