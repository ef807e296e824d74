#!/usr/bin/env bash
# The pg_regress suite in other orders than the Makefile's REGRESS list,
# proving that every file of sql/ stands alone:
#   test/regress/any_order.sh [CHECK...]      (default: list alone reversed shuffled)
# Run from the source directory, after make install, against the server in
# PGHOST/PGPORT (test/run-all.sh starts one with pg_virtualenv).  CHECKs:
#   list      REGRESS names every sql/*.sql (sql/include/ holds no test)
#   alone     make installcheck REGRESS=T, each in a new database, for every T
#   reversed  make installcheck with the REGRESS list backwards, new database
#   shuffled  the list in a random order (SRM_SHUFFLE_SEED=N repeats one),
#             with pg_regress --use-existing on the database left by the
#             reversed run: srm already there, every test already run once
# Prints "ok: NAME" or "FAILED: NAME" per check (alone: one per file), the
# diffs of a failure, and the seconds each check took; exits 1 if any failed.
# Results go to a temporary directory, removed at the end unless
# SRM_ORDER_OUT=DIR names one to keep them in.
set -uo pipefail
checks=${*:-list alone reversed shuffled}
out=${SRM_ORDER_OUT:-}
if [ -n "$out" ]; then mkdir -p "$out"; else out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
failed=0

# the Makefile's list, as make sees it
regress=$(make -s --no-print-directory print-REGRESS) || {
	echo "FAILED: regress/list (cannot read REGRESS from the Makefile)"; exit 1; }
read -r -a tests <<<"$regress"

# installcheck NAME DIR [EXTRA_REGRESS_OPTS] -- TEST...
installcheck() {
	local name=$1 dir=$2 extra=$3
	shift 4
	mkdir -p "$dir"
	if make -s --no-print-directory installcheck REGRESS="$*" \
		EXTRA_REGRESS_OPTS="--outputdir=$dir $extra" >"$dir/make.log" 2>&1; then
		echo "ok: $name"
	else
		echo "FAILED: $name"
		grep -E '^(not ok|test) .*(FAILED|failed)' "$dir/make.log" || tail -n 20 "$dir/make.log"
		[ -f "$dir/regression.diffs" ] && head -n 200 "$dir/regression.diffs"
		failed=$((failed + 1))
	fi
}

for check in $checks; do
	SECONDS=0
	case $check in
	list)
		files=$(cd sql && ls -- *.sql | sed 's/\.sql$//' | sort | tr '\n' ' ')
		listed=$(printf '%s\n' "${tests[@]}" | sort | tr '\n' ' ')
		if [ "$files" = "$listed" ]; then
			echo "ok: regress/list"
		else
			echo "FAILED: regress/list: sql/*.sql is [$files], REGRESS is [$listed]"
			failed=$((failed + 1))
		fi
		;;
	alone)
		for t in "${tests[@]}"; do
			installcheck "regress-alone/$t" "$out/alone/$t" "" -- "$t"
		done
		;;
	reversed)
		reversed=()
		for ((i = ${#tests[@]} - 1; i >= 0; i--)); do reversed+=("${tests[i]}"); done
		echo "reversed order: ${reversed[*]}"
		installcheck regress-reversed "$out/reversed" "" -- "${reversed[@]}"
		;;
	shuffled)
		seed=${SRM_SHUFFLE_SEED:-$RANDOM}
		mapfile -t shuffled < <(printf '%s\n' "${tests[@]}" | shuf --random-source=<(yes "$seed"))
		echo "shuffled order (SRM_SHUFFLE_SEED=$seed): ${shuffled[*]}"
		installcheck regress-shuffled "$out/shuffled" --use-existing -- "${shuffled[@]}"
		;;
	*)
		echo "FAILED: unknown check $check"
		failed=$((failed + 1))
		continue
		;;
	esac
	echo "($check: ${SECONDS}s)"
done
[ $failed -eq 0 ]
