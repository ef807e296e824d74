#!/usr/bin/env bash
# Installs what srm needs on a Debian 12 machine, and nothing that is
# already there.  Usage: tools/install-deps.sh build|test
#   build  PostgreSQL 15 server and headers, a C toolchain, python3
#   test   build, plus clang's fuzzing runtime (libFuzzer), pg_cron,
#          Chromium (report rendering) and Node.js with npm (OSCAL validation)
# Runs as root (or through sudo when it is available).
set -euo pipefail
what=${1:-build}

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

pkgs=(postgresql-15 postgresql-common make gcc python3 ca-certificates)
case "$what" in
	build) ;;
	test)
		pkgs+=(clang-14 libclang-rt-14-dev postgresql-15-cron chromium)
		# Node.js may come from elsewhere (with its own npm): Debian's only if missing
		if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
			pkgs+=(nodejs npm)
		fi
		;;
	*) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}" postgresql-server-dev-15; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq
others=()
for p in "${missing[@]}"; do
	[ "$p" = postgresql-server-dev-15 ] || others+=("$p")
done
[ ${#others[@]} -eq 0 ] || as_root apt-get install -y -qq --no-install-recommends "${others[@]}" >/dev/null
if ! dpkg-query -W -f='${Status}' postgresql-server-dev-15 2>/dev/null | grep -q 'install ok installed'; then
	# headers of the same version as the server; unpinned if that one is gone
	v=$(dpkg-query -W -f='${Version}' postgresql-15)
	as_root apt-get install -y -qq --no-install-recommends "postgresql-server-dev-15=$v" >/dev/null ||
		as_root apt-get install -y -qq --no-install-recommends postgresql-server-dev-15 >/dev/null
fi
