#!/usr/bin/env bash
# The Debian package, built and tested as a user gets it:
#   test/package/run.sh [OUTDIR]
# 1. versions: debian/changelog's upstream version is srm.control's
#    default_version;
# 2. build: copies the files git tracks (as they are in the working tree;
#    in CI's clean clone that is the commit) to a scratch directory, checks
#    that an out-of-tree build there refuses in-tree leftovers, and runs
#    dpkg-buildpackage -us -uc -b there. That is pg_buildext's out-of-tree
#    build and, unless SRM_PACKAGE_NOCHECK=1, its own run of the regression
#    suite against the files in debian/postgresql-15-srm;
# 3. install: in a private mount namespace (test/lib/private-root.sh, which
#    says why), removes srm files that no package owns (left by make
#    install), installs the .deb with dpkg, and checks that the package owns
#    the control file, the install script, the module and the data notices;
# 4. installcheck: debian/tests/installcheck from the copied tree, i.e.
#    pg_buildext installcheck: the regression suite in a throw-away cluster
#    against the INSTALLED files, as autopkgtest runs it.
# Prints one "package: ok: STEP ..." or "package: FAIL: STEP ..." line per
# step, the .deb's name and size and the time taken, and copies the .deb to
# OUTDIR (default out/package). Exit status 0 when every step passed.
# Needs dpkg-dev, debhelper, postgresql-server-dev-all and the build
# dependencies in debian/control (install-deps.sh test, in tools/, installs them),
# and root for the private namespace (sudo when not root).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${1:-$top/out/package}
export PATH="/usr/lib/postgresql/15/bin:$PATH"

failed=0
ok() { echo "package: ok: $*"; }
bad() { echo "package: FAIL: $*"; failed=1; }
stop() { bad "$@"; echo "package: FAIL"; exit 1; }
SECONDS=0

for tool in git dpkg-buildpackage dpkg-parsechangelog dh pg_buildext; do
    command -v "$tool" >/dev/null ||
        stop "tools: $tool not found (install-deps.sh test, in tools/, installs the packaging tools)"
done

# --- 1. versions ------------------------------------------------------------------
control=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$top/srm.control")
debian=$(cd "$top" && dpkg-parsechangelog -S Version)
upstream=${debian%-*}
if [ "$upstream" = "$control" ]; then
    ok "versions: debian/changelog $debian packages srm.control's $control"
else
    bad "versions: debian/changelog $debian (upstream $upstream) but srm.control default_version $control"
fi

# --- 2. build from a clean copy -----------------------------------------------------
work=$(mktemp -d /tmp/srm-package.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
# the test clusters' servers run as postgres and read the built files
# (extension_destdir) and fixtures from here: mktemp's 0700 would hide them
chmod 755 "$work"
src="$work/postgresql-srm-$upstream"
mkdir "$src"
(cd "$top" && git ls-files -z | while IFS= read -r -d '' f; do
    [ -e "$f" ] && printf '%s\0' "$f"
done | tar --null -T - -cf -) | tar -x -C "$src" ||
    stop "copy: cannot copy the tracked files of $top (a git checkout is needed)"
ok "copy: $(cd "$src" && find . -type f | wc -l) tracked files in $src"

# an out-of-tree build refuses a source tree holding an in-tree build's
# files (make would take them as up to date and not build its own)
mkdir "$work/vpath"
touch "$src/srm--$control.sql"
if make -C "$work/vpath" -f "$src/Makefile" >"$work/vpath.log" 2>&1; then
    bad "vpath: make -f SRC/Makefile built over a source tree holding srm--$control.sql"
elif grep -q 'holds files of an in-tree build (srm--.*): run "make clean" there first' "$work/vpath.log"; then
    ok "vpath: an out-of-tree build over in-tree leftovers stops: $(grep -o 'holds files.*first' "$work/vpath.log")"
else
    cat "$work/vpath.log"
    bad "vpath: make -f SRC/Makefile over in-tree leftovers failed without naming them"
fi
rm -rf "$src/srm--$control.sql" "$work/vpath"

opts=${DEB_BUILD_OPTIONS:-}
[ "${SRM_PACKAGE_NOCHECK:-0}" = 1 ] && opts="${opts:+$opts }nocheck"
t0=$SECONDS
# in the private namespace too: the build's test cluster then cannot
# collide with another server's port (the build itself writes only to $work)
if bash "$top/test/lib/private-root.sh" -- bash -c 'cd "$1" && DEB_BUILD_OPTIONS="$2" dpkg-buildpackage -us -uc -b' \
        build "$src" "$opts" >"$work/build.log" 2>&1; then
    what="built"
    case " $opts " in
        *" nocheck "*) what="$what (build-time test skipped: nocheck)" ;;
        *) what="$what, build-time test: $(grep -oE 'All [0-9]+ tests passed' "$work/build.log" | head -n 1)" ;;
    esac
    ok "build: dpkg-buildpackage -us -uc -b $what in $((SECONDS - t0)) s"
else
    mkdir -p "$out" && cp "$work/build.log" "$out/build.log"
    grep -E '^(test |ok |not ok )|tests (passed|failed)' "$work/build.log"
    tail -n 40 "$work/build.log"
    stop "build: dpkg-buildpackage -us -uc -b failed after $((SECONDS - t0)) s (log above; all of it in $out/build.log)"
fi

debs=("$work"/postgresql-15-srm_*.deb)
deb=${debs[0]}
[ -f "$deb" ] || stop "build: no postgresql-15-srm_*.deb in $work"
mkdir -p "$out" && cp "$deb" "$out/"
size=$(stat -c %s "$deb")
ok "deb: $(basename "$deb"), $size bytes ($(( (size + 1023) / 1024 )) KiB), copied to $out"

# --- 3 and 4. install in a private root, run the suite against it -------------------
t0=$SECONDS
SRM_DEB=$deb SRM_SRC=$src SRM_VERSION=$control bash "$top/test/lib/private-root.sh" -- bash -c '
set -uo pipefail
ext=/usr/share/postgresql/15/extension
lib=/usr/lib/postgresql/15/lib
bin=/usr/lib/postgresql/15/bin
doc=/usr/share/doc/postgresql-doc-15/extension
# srm files of a make install (owned by no package) would be overwritten by
# dpkg; remove them so that only the package'"'"'s files are tested
left=()
for f in "$ext"/srm.control "$ext"/srm--*.sql "$lib"/srm.so "$lib"/bitcode/srm.index.bc "$lib"/bitcode/srm "$bin"/srm-load "$doc"/srm-*; do
    [ -e "$f" ] || continue
    dpkg -S "$f" >/dev/null 2>&1 || left+=("$f")
done
if [ ${#left[@]} -gt 0 ]; then
    echo "package: removing, in the private root only, srm files no package owns: ${left[*]}"
    rm -rf "${left[@]}"
fi
if ! dpkg -i "$SRM_DEB" >/tmp/srm-dpkg.$$.log 2>&1; then
    cat /tmp/srm-dpkg.$$.log; rm -f /tmp/srm-dpkg.$$.log
    echo "package: FAIL: install: dpkg -i $(basename "$SRM_DEB") failed (missing dependencies? install-deps.sh test, in tools/, installs them)"
    exit 1
fi
rm -f /tmp/srm-dpkg.$$.log
files=$(dpkg -L postgresql-15-srm)
for want in "$ext/srm.control" "$ext/srm--$SRM_VERSION.sql" "$lib/srm.so" "$bin/srm-load" "$doc/srm-data-NOTICE" \
            "$doc/srm-data-LICENSE-APACHE-2.0.gz" "$doc/srm-data-SOURCES.md.gz"; do
    grep -qxF "$want" <<<"$files" || { echo "package: FAIL: install: the package has no $want"; exit 1; }
done
echo "package: ok: install: dpkg -i $(basename "$SRM_DEB"): $(dpkg-query -W -f="\${Package} \${Version}" postgresql-15-srm), $(grep -c "^$ext/" <<<"$files") extension files, the module, srm-load ($("$bin/srm-load" --version)), the data notices"
cd "$SRM_SRC" || exit 1
if debian/tests/installcheck >/tmp/srm-installcheck.$$.log 2>&1; then
    echo "package: ok: installcheck: debian/tests/installcheck against the installed package: $(grep -oE "All [0-9]+ tests passed" /tmp/srm-installcheck.$$.log | head -n 1)"
    grep -E "^(not )?ok |^test " /tmp/srm-installcheck.$$.log | sed "s/^/package:   /"
    rm -f /tmp/srm-installcheck.$$.log
else
    tail -n 80 /tmp/srm-installcheck.$$.log
    rm -f /tmp/srm-installcheck.$$.log
    echo "package: FAIL: installcheck: debian/tests/installcheck against the installed package failed (output above)"
    exit 1
fi
' || failed=1
echo "package: installed and tested in $((SECONDS - t0)) s (private root)"

echo "package: $([ $failed = 0 ] && echo PASS || echo FAIL): $(basename "$deb") $size bytes, $SECONDS s in all"
exit $failed
