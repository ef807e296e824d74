#!/usr/bin/env bash
# Runs a command with a private, throw-away copy of the directories that
# installing a PostgreSQL extension package writes to:
#   test/lib/private-root.sh [DIR...] -- CMD [ARG...]
#
# Why: test/package/run.sh installs the srm .deb with dpkg and runs the
# regression suite against the installed files. The rest of
# test/run-all.sh installs srm with `make install` into the same
# directories, and other checkouts on the same machine may do so too. A
# .deb overwrites such files and removing it deletes them, and dpkg would
# record the package in the machine's package database. So the package is
# installed in a private mount namespace (unshare -m) in which each of these
# directories is an overlay: reads see the machine's files, writes go to a
# tmpfs that only this namespace sees and that vanishes with it.
#   /usr/share/postgresql  /usr/lib/postgresql  extension scripts, control
#                                               files, modules, bitcode
#   /usr/share/doc                              package and extension docs
#   /var/lib/dpkg                               dpkg's package database
#   /var/log                                    dpkg.log
# plus any DIR given. Nothing CMD writes there is seen by other processes,
# and nothing of it is left when CMD ends; CMD's exit status is returned.
# Processes CMD starts (a throw-away cluster) must end with it.
#
# Needs root (uses sudo when not root), util-linux's unshare and a kernel
# with overlayfs (any Debian kernel; in a container, CAP_SYS_ADMIN).
set -euo pipefail

usage() { echo "usage: $0 [DIR...] -- CMD [ARG...]" >&2; exit 2; }
dirs=(/usr/share/postgresql /usr/lib/postgresql /usr/share/doc /var/lib/dpkg /var/log)
while [ $# -gt 0 ] && [ "$1" != -- ]; do dirs+=("$1"); shift; done
[ "${1:-}" = -- ] || usage
shift
[ $# -gt 0 ] || usage

if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "private-root: needs root (or sudo)" >&2; exit 1; }
    exec sudo --preserve-env "$0" "${dirs[@]:5}" -- "$@"
fi
command -v unshare >/dev/null || { echo "private-root: unshare (util-linux) not found" >&2; exit 1; }
for d in "${dirs[@]}"; do
    [ -d "$d" ] || { echo "private-root: $d is not a directory" >&2; exit 1; }
done

scratch=$(mktemp -d /tmp/private-root.XXXXXX)
trap 'rmdir "$scratch" 2>/dev/null || true' EXIT
status=0
PRIVATE_ROOT_SCRATCH=$scratch PRIVATE_ROOT_DIRS="${dirs[*]}" \
unshare --mount --propagation private bash -c '
set -e
# the upper layers live on a tmpfs mounted in this namespace only
mount -t tmpfs -o mode=0700 private-root "$PRIVATE_ROOT_SCRATCH"
i=0
for d in $PRIVATE_ROOT_DIRS; do
    i=$((i + 1))
    mkdir "$PRIVATE_ROOT_SCRATCH/$i" "$PRIVATE_ROOT_SCRATCH/$i/upper" "$PRIVATE_ROOT_SCRATCH/$i/work"
    mount -t overlay private-root \
        -o "lowerdir=$d,upperdir=$PRIVATE_ROOT_SCRATCH/$i/upper,workdir=$PRIVATE_ROOT_SCRATCH/$i/work" "$d" || {
        echo "private-root: cannot mount an overlay on $d" >&2
        exit 1
    }
done
unset PRIVATE_ROOT_SCRATCH PRIVATE_ROOT_DIRS
exec "$@"
' private-root "$@" || status=$?
exit $status
