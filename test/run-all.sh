#!/usr/bin/env bash
# Every test of srm: installs what it needs, builds with -Werror and
# assertions, installs, runs the pg_regress suite in a throw-away cluster,
# checks META.json, builds and tests the Debian package, runs the files
# that reach the C code under valgrind and with ASan/UBSan, and
# smoke-fuzzes the parser.  Ends with "N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
bash tools/dev/install-deps.sh test || { echo "0 passed, 1 failed"; exit 1; }
export PATH="/usr/lib/postgresql/15/bin:$PATH"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAILED: $1"; }

echo "== build (-Wall -Wextra -Werror, assertions)"
if make clean >/dev/null && make PG_CFLAGS="-Werror -DUSE_ASSERT_CHECKING" >build.log 2>&1 && $SUDO make install >>build.log 2>&1; then
	pass build
else
	tail -n 30 build.log
	fail build
	echo "$passed passed, $failed failed"
	exit 1
fi

echo "== pg_regress (throw-away cluster)"
rm -f regression.diffs regression.out
setsid -w pg_virtualenv -t -o max_connections=20 make installcheck </dev/null >regress.log 2>&1
status=$?
# one pass or fail per pg_regress test
while read -r line; do
	name=$(awk '{print $2}' <<<"$line")
	case "$line" in
		*"... ok"*) pass "regress/$name" ;;
		*) fail "regress/$name" ;;
	esac
done < <(grep -E '^(not )?(ok|test) ' regress.log | grep -E '^test ')
if [ $status -ne 0 ]; then
	tail -n 40 regress.log
	[ -f regression.diffs ] && cat regression.diffs
	grep -qE '^test ' regress.log || fail "regress (did not run)"
fi

echo "== pg_regress: every file alone, the list reversed, a shuffled order (throw-away cluster)"
# test/regress/any_order.sh: one pass or fail per file run alone (its own
# new database), one for the reversed list, one for a shuffled order run
# with --use-existing on the database the reversed run left
SECONDS=0
setsid -w pg_virtualenv -t -o max_connections=20 bash test/regress/any_order.sh </dev/null >regress-order.log 2>&1
status=$?
while read -r line; do
	case "$line" in
		"ok: "*) pass "${line#ok: }" ;;
		"FAILED: "*) fail "${line#FAILED: }" ;;
	esac
done < <(grep -E '^(ok|FAILED): ' regress-order.log)
grep -E '^(reversed|shuffled) order' regress-order.log
if [ $status -ne 0 ]; then
	# the failures and their diffs, without the server log pg_virtualenv appends
	sed '/^\*\*\* .* (last [0-9]* lines) \*\*\*$/,$d' regress-order.log | grep -vE '^ok: ' | tail -n 300
	grep -qE '^FAILED: ' regress-order.log || fail "regress orders (did not finish)"
fi
echo "(${SECONDS}s)"

echo "== pg_dump / pg_restore of overrides (throw-away cluster)"
if setsid -w pg_virtualenv -t bash test/dump/run.sh </dev/null; then pass dump/overrides; else fail dump/overrides; fi

echo "== DROP EXTENSION srm with user rows: refused with the count, dropped after the deliberate step (throw-away cluster)"
if setsid -w pg_virtualenv -t bash test/drop/run.sh </dev/null; then pass drop/guard; else fail drop/guard; fi

results=${SRM_TEST_OUT:-$top/out/test}
mkdir -p "$results"
echo "== upgrade: 0.1.0 as released + user rows, ALTER EXTENSION srm UPDATE, compared with a fresh install (throw-away cluster)"
if setsid -w pg_virtualenv -t -o max_connections=20 bash test/upgrade/run.sh "$results/upgrade" </dev/null; then pass upgrade/0.1.0; else fail upgrade/0.1.0; fi

echo "== upgrade: the model's changes as an upgrade applies them equal the changed model loaded whole"
# in a private root, where it installs srm (again) and a test version's
# upgrade script without touching the machine's extension directory
if SRM_PRIVATE_ROOT=1 bash test/lib/private-root.sh -- bash -c 'make install >/dev/null && setsid -w pg_virtualenv -t bash test/upgrade/data_diff.sh "$1"' \
	data-diff "$results/data-diff" </dev/null; then
	pass upgrade/data-diff
else
	fail upgrade/data-diff
fi

echo "== matrix diff 0.1.0 -> current: the tool runs on aws-srm's cells and its counts agree (throw-away cluster)"
if setsid -w pg_virtualenv -t bash test/matrix_diff/check.sh "$results/matrix-diff" </dev/null; then pass matrix-diff/counts; else fail matrix-diff/counts; fi

echo "== srm-load: every input shape, plain and gzipped, files and stdin, agrees with srm.load_config_snapshot; bad items rejected alone; exit status (throw-away cluster)"
if setsid -w pg_virtualenv -t bash test/load/run.sh "$results/load" </dev/null; then pass load/shapes; else fail load/shapes; fi

echo "== loads at the same time: 4 rounds of 2 srm-load (one with -j 2) + 2 load_config_snapshot sharing resources in different orders, no deadlock, newest captures kept (throw-away cluster)"
if setsid -w pg_virtualenv -t bash test/load/concurrent.sh "$results/load-concurrent" </dev/null; then pass load/concurrent; else fail load/concurrent; fi

echo "== loader property test: 10,000 generated items (fixed seed), every shape, each loaded or rejected with its defect's reason, counts reconcile (throw-away cluster)"
if setsid -w pg_virtualenv -t bash test/load/property.sh "$results/load-property" </dev/null; then pass load/property; else fail load/property; fi

echo "== scale-out: the sample sharded by account over two shard servers, audited from a coordinator through postgres_fdw, equal to one server; responsibility filters and per-account aggregates in the Remote SQL (throw-away clusters)"
if setsid -w pg_virtualenv -t -o max_connections=30 bash test/scaleout/run.sh "$results/scaleout" </dev/null; then pass scaleout/fdw; else fail scaleout/fdw; fi

echo "== audits beside writes: writes begun during an audit wait and are not in its run; an audit waits for uncommitted writes and has them; a run's report unchanged while others commit (throw-away cluster)"
if setsid -w pg_virtualenv -t -o max_connections=20 bash test/audit/concurrent.sh "$results/audit-concurrent" </dev/null; then pass audit/concurrent; else fail audit/concurrent; fi

echo "== HTML report on the sample inventory, rendered by headless Chromium"
if setsid -w pg_virtualenv -t -o max_connections=20 bash test/report/check.sh "$results" </dev/null; then pass report/render; else fail report/render; fi

echo "== HTML report of 1,000 accounts: top lists, histogram and tag totals instead of 1,000 bars, laid out by headless Chromium"
if setsid -w pg_virtualenv -t -o max_connections=20 bash test/report/scale.sh "$results" </dev/null; then pass report/scale; else fail report/scale; fi

echo "== OSCAL SSP on the sample inventory, validated against NIST's schema"
if setsid -w pg_virtualenv -t -o max_connections=20 bash test/oscal/check.sh "$results" </dev/null; then pass oscal/validate; else fail oscal/validate; fi

echo "== nightly audit scheduled with pg_cron"
if bash test/cron/run.sh; then pass cron/audit; else fail cron/audit; fi

echo "== PGXN: META.json valid against the PGXN meta spec v1 (ajv), versions agree"
if bash test/pgxn/run.sh; then pass pgxn/meta; else fail pgxn/meta; fi

echo "== Debian package: built from a clean copy, installed in a private root, suite against the installed files"
# one pass or fail per step (versions, copy, vpath, build, deb, install, installcheck)
setsid -w bash test/package/run.sh "$results/package" </dev/null >package.log 2>&1
status=$?
cat package.log
while read -r step; do pass "package/$step"; done < <(sed -n 's/^package: ok: \([a-z]*\):.*/\1/p' package.log)
while read -r step; do fail "package/$step"; done < <(sed -n 's/^package: FAIL: \([a-z]*\):.*/\1/p' package.log)
if [ $status -ne 0 ] && ! grep -q '^package: FAIL: [a-z]*:' package.log; then fail "package (did not finish)"; fi

echo "== memory: the regression files that reach srm's C code, the server under valgrind memcheck, srm.so built with -O0 -g (private root)"
if bash test/lib/private-root.sh -- bash test/memory/valgrind.sh "$results/valgrind" </dev/null; then pass memory/valgrind; else fail memory/valgrind; fi

echo "== memory: CREATE EXTENSION and the same files with srm.so built with AddressSanitizer and UBSan (private root)"
if bash test/lib/private-root.sh -- bash test/memory/sanitize.sh "$results/sanitize" </dev/null; then pass memory/sanitize; else fail memory/sanitize; fi

echo "== fuzz smoke of the parser"
if test/fuzz/run.sh; then pass fuzz/parse; else fail fuzz/parse; fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
