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
# CMD also gets an empty /run/postgresql (where servers put their sockets)
# and a network namespace of its own with only a loopback interface: the
# throw-away clusters it starts (pg_virtualenv) then pick a port and a
# socket that no other server on the machine holds, so parallel test runs
# do not collide. Processes CMD starts must end with it.
#
# Needs root (uses sudo when not root), util-linux's unshare, iproute2's ip
# and a kernel with overlayfs (any Debian kernel; in a container,
# CAP_SYS_ADMIN).
set -euo pipefail

usage() { echo "usage: $0 [DIR...] -- CMD [ARG...]" >&2; exit 2; }
dirs=(/usr/share/postgresql /usr/lib/postgresql /usr/share/doc /var/lib/dpkg /var/log)
ndefault=${#dirs[@]}
while [ $# -gt 0 ] && [ "$1" != -- ]; do dirs+=("$1"); shift; done
[ "${1:-}" = -- ] || usage
shift
[ $# -gt 0 ] || usage

if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "private-root: needs root (or sudo)" >&2; exit 1; }
    exec sudo --preserve-env bash "$0" "${dirs[@]:ndefault}" -- "$@"
fi
command -v unshare >/dev/null || { echo "private-root: unshare (util-linux) not found" >&2; exit 1; }
command -v ip >/dev/null || { echo "private-root: ip (iproute2) not found" >&2; exit 1; }
for d in "${dirs[@]}"; do
    [ -d "$d" ] || { echo "private-root: $d is not a directory" >&2; exit 1; }
done

scratch=$(mktemp -d /tmp/private-root.XXXXXX)
trap 'rmdir "$scratch" 2>/dev/null || true' EXIT
status=0
PRIVATE_ROOT_SCRATCH=$scratch PRIVATE_ROOT_DIRS="${dirs[*]}" \
unshare --mount --net --propagation private bash -c '
set -e
ip link set dev lo up
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
# an empty socket directory: no other server'"'"'s socket, no port taken
if [ -d /run/postgresql ] && id postgres >/dev/null 2>&1; then
    mount -t tmpfs -o "mode=2775,uid=$(id -u postgres),gid=$(id -g postgres)" private-root /run/postgresql
fi
unset PRIVATE_ROOT_SCRATCH PRIVATE_ROOT_DIRS
exec "$@"
' private-root "$@" || status=$?
exit $status
