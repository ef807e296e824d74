#!/usr/bin/env bash
# Fuzz smoke of the responsibility parser: builds test/fuzz/fuzz_parse with
# libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer, and runs
# FUZZ_RUNS inputs (default 2,000,000).  Needs clang-14 and
# libclang-rt-14-dev.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
runs=${FUZZ_RUNS:-2000000}

clang-14 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-Wall -Wextra -Werror -I"$top/src" \
	"$here/fuzz_parse.c" "$top/src/responsibility_io.c" -o "$here/fuzz_parse"

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp "$here"/seeds/* "$corpus"/
log="$here/fuzz.log"
if ! "$here/fuzz_parse" -runs="$runs" -max_len=512 -dict="$here/responsibility.dict" \
	-print_final_stats=1 "$corpus" >"$log" 2>&1; then
	tail -n 40 "$log"
	echo "fuzz: FAILED (see $log)"
	exit 1
fi
grep -E '^(Done|fuzz_parse:|stat::number_of_executed_units)' "$log"
grep -q "^Done $runs runs" "$log" || { echo "fuzz: did not finish $runs runs"; exit 1; }
