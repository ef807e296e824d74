#!/usr/bin/env bash
# Installs what srm needs on a Debian 12 machine, and nothing that is
# already there.  Usage: tools/dev/install-deps.sh build|test
#   build  PostgreSQL 15 server and headers, a C toolchain, python3, libpq's
#          and zlib's headers (srm-load); postgresql-15 also brings
#          postgres_fdw and auto_explain (test/scaleout/run.sh)
#   test   build, plus clang's fuzzing runtime (libFuzzer), pg_cron,
#          Chromium (report rendering), Node.js with npm (OSCAL and PGXN
#          metadata validation) and the Debian packaging tools (dpkg-dev,
#          debhelper, postgresql-server-dev-all for pg_buildext's debhelper
#          sequence, git to copy the tracked files, iproute2 for the
#          package test's private network namespace), valgrind (the
#          memcheck run; clang-14 and its runtime serve the ASan build too)
# Runs as root (or through sudo when it is available).
set -euo pipefail
what=${1:-build}

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

pkgs=(postgresql-15 postgresql-common make gcc python3 ca-certificates libpq-dev zlib1g-dev)
case "$what" in
	build) ;;
	test)
		pkgs+=(clang-14 libclang-rt-14-dev postgresql-15-cron chromium dpkg-dev debhelper git iproute2 valgrind)
		# Node.js may come from elsewhere (with its own npm): Debian's only if missing
		if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
			pkgs+=(nodejs npm)
		fi
		;;
	*) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

missing=()
# the server's headers, and pg_buildext's debhelper addon, come pinned below
pinned=(postgresql-server-dev-15)
[ "$what" = test ] && pinned+=(postgresql-server-dev-all)
for p in "${pkgs[@]}" "${pinned[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq
others=()
for p in "${missing[@]}"; do
	case " ${pinned[*]} " in *" $p "*) ;; *) others+=("$p") ;; esac
done
[ ${#others[@]} -eq 0 ] || as_root apt-get install -y -qq --no-install-recommends "${others[@]}" >/dev/null
if ! dpkg-query -W -f='${Status}' postgresql-server-dev-15 2>/dev/null | grep -q 'install ok installed'; then
	# headers of the same version as the server; unpinned if that one is gone
	v=$(dpkg-query -W -f='${Version}' postgresql-15)
	as_root apt-get install -y -qq --no-install-recommends "postgresql-server-dev-15=$v" >/dev/null ||
		as_root apt-get install -y -qq --no-install-recommends postgresql-server-dev-15 >/dev/null
fi
if [ "$what" = test ] && ! dpkg-query -W -f='${Status}' postgresql-server-dev-all 2>/dev/null | grep -q 'install ok installed'; then
	# of the same version as the installed postgresql-common, so that apt
	# does not upgrade postgresql-common with it; unpinned if that one is gone
	# (which upgrades postgresql-common, never the server)
	v=$(dpkg-query -W -f='${Version}' postgresql-common)
	as_root apt-get install -y -qq --no-install-recommends "postgresql-server-dev-all=$v" >/dev/null ||
		as_root apt-get install -y -qq --no-install-recommends postgresql-server-dev-all >/dev/null
fi
