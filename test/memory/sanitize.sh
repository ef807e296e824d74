#!/usr/bin/env bash
# srm's C code built with AddressSanitizer and UndefinedBehaviorSanitizer
# (clang-14, -fsanitize=address,undefined -fno-sanitize-recover=all, the
# runtime as a shared library that srm.so links) and loaded
# into the stock server, which then runs CREATE EXTENSION and the type's
# tests.  Usage (as root; installs into PostgreSQL's directories, so only
# inside the private root):
#   test/lib/private-root.sh -- bash test/memory/sanitize.sh OUTDIR
# Fails when a test fails or the server's log holds a sanitizer report
# (the first report aborts the backend).
#
# What it sees: every read and write of srm's code to its stack and to
# global data (the value tables, word lists, messages) is checked against
# ASan's redzones, and undefined behaviour (shifts, overflow, out-of-range
# array indexes, misaligned or null pointers) is checked by UBSan.  Memory
# that srm gets from palloc() comes from the server's uninstrumented
# allocator, so overruns inside it are not seen here; the parser and
# printer's own heap accesses are checked by the fuzz harness (test/fuzz),
# and uninitialised reads by the valgrind check.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/lib.sh"
out=${1:?usage: $0 OUTDIR}
tests=${SRM_SANITIZE_TESTS:-io operators opclass aggregate vocabulary errors laws uuid loader identifiers trust}
[ "$(id -u)" = 0 ] || { echo "sanitize: run as root in test/lib/private-root.sh" >&2; exit 2; }

rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d /tmp/srm-sanitize.XXXXXX)
server_up=0
cleanup() {
	[ $server_up = 1 ] && cluster_stop "$work" 60 || true
	cp "$work/server.log" "$out/" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

echo "sanitize: building srm with -fsanitize=address,undefined in a copy of the tree"
copy_tree "$top" "$work/src"
make -C "$work/src" -s clean >/dev/null
objs="$(make -C "$work/src" -s --no-print-directory print-OBJS) test/memory/sanitizer_options.o"
san='-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer'
# clang's runtime as a shared library, found through the module's runpath
rt=$(clang-14 -print-file-name=libclang_rt.asan-x86_64.so)
[ -f "$rt" ] || { echo "sanitize: clang-14's ASan runtime not found (libclang-rt-14-dev)"; exit 1; }
# the server's CFLAGS are gcc's: clang ignores gnu_printf and some warnings
build=(with_llvm=no CC=clang-14 OBJS="$objs"
	PG_CFLAGS="-O1 -g $san -Wno-ignored-attributes -Wno-unknown-warning-option"
	PG_LDFLAGS="$san -shared-libsan -Wl,-rpath,$(dirname "$rt")")
make -C "$work/src" -s "${build[@]}" >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
# the module must carry the runtime: the server does not
readelf -d "$work/src/srm.so" | grep -q 'NEEDED.*libclang_rt\.asan' ||
	{ echo "sanitize: srm.so is not linked with the ASan runtime"; exit 1; }
make -C "$work/src" -s "${build[@]}" install >>"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }

cluster_init "$work"
cluster_start "$work" 60
server_up=1
SECONDS=0
status=0
make -C "$work/src" -s --no-print-directory installcheck REGRESS="$tests" \
	EXTRA_REGRESS_OPTS="--outputdir=$out" >"$out/regress.log" 2>&1 || status=$?
grep -E '^(not ok|ok|test) ' "$out/regress.log" || true
if [ $status -ne 0 ]; then
	tail -n 20 "$out/regress.log"
	[ -f "$out/regression.diffs" ] && head -n 100 "$out/regression.diffs"
fi
# the runtimes were really there: a backend that ran srm's code maps them
maps=$("$PGBIN/psql" -X -qAt -d contrib_regression -c "SELECT 'provider'::srm.responsibility" \
	-c "SELECT pg_read_file('/proc/' || pg_backend_pid() || '/maps')" 2>&1 || true)
if grep -q 'libclang_rt\.asan' <<<"$maps" && [ $status -eq 0 ]; then
	echo "sanitize: a backend running srm's code has the ASan runtime mapped"
elif [ $status -eq 0 ]; then
	echo "sanitize: FAILED: no ASan runtime in a backend that loaded srm.so"
	status=1
fi
cluster_stop "$work" 60
server_up=0
echo "sanitize: CREATE EXTENSION and tests took ${SECONDS}s"

reports=$(grep -cE '^==[0-9]+==ERROR: AddressSanitizer|runtime error:' "$work/server.log" || true)
if [ "$reports" -gt 0 ]; then
	grep -E -A40 '^==[0-9]+==ERROR: AddressSanitizer|runtime error:' "$work/server.log" | head -n 120
	echo "sanitize: FAILED: $reports sanitizer reports (log: $out/server.log)"
	exit 1
fi
if [ $status -ne 0 ]; then echo "sanitize: FAILED: tests failed with the sanitized build"; exit 1; fi
echo "sanitize: ok, no sanitizer report"
