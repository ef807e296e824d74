#!/usr/bin/env bash
# Benchmark of the responsibility type against native integers, as ratios
# in one run.  BENCH_ROWS (default 2,000,000) rows, BENCH_REPS (default 5)
# repetitions per query, best time kept.  Builds and installs srm, runs in
# a throw-away cluster, writes bench/results.txt.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
bash tools/dev/install-deps.sh build
export PATH="/usr/lib/postgresql/15/bin:$PATH"
make >/dev/null && $SUDO make install >/dev/null
setsid -w pg_virtualenv -t -o shared_buffers=512MB -o work_mem=256MB \
	psql -X -q -v rows="${BENCH_ROWS:-2000000}" -v reps="${BENCH_REPS:-5}" -f bench/type.sql </dev/null |
	tee bench/results.txt
