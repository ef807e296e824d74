#!/usr/bin/env bash
# The main job: installs what it needs, builds and installs srm, starts a
# throw-away PostgreSQL cluster and runs the demonstration in it, printing
# the answers and writing them to the output folder (default: ./out).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
out=${SRM_OUT:-$top/out}
mkdir -p "$out"
bash tools/install-deps.sh build
export PATH="/usr/lib/postgresql/15/bin:$PATH"
make >/dev/null
$SUDO make install >/dev/null
setsid -w pg_virtualenv -t -o max_connections=20 \
	psql -X -v ON_ERROR_STOP=1 -f demo/tour.sql </dev/null 2>&1 | tee "$out/tour.txt"
echo
echo "srm: the tour above is also in $out/tour.txt"
