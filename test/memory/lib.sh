# Helpers of test/memory/valgrind.sh and test/memory/sanitize.sh (sourced).
# Both build srm from a copy of the source tree, install that build in the
# private root they run in (test/lib/private-root.sh: PostgreSQL's
# directories are throw-away overlays there) and run part of the
# regression suite against a cluster they start by hand, so that the
# server can run under a tool and its log stays where they can read it.

PGBIN=/usr/lib/postgresql/15/bin

# copy_tree SRC DEST: the files git knows (tracked, or new and not
# ignored) as they are in the working tree, without build products
copy_tree() {
	local src=$1 dest=$2
	mkdir -p "$dest"
	(cd "$src" && git ls-files -z -co --exclude-standard | while IFS= read -r -d '' f; do
		[ -e "$f" ] && printf '%s\0' "$f"
	done | tar --null -T - -cf -) | tar -x -C "$dest"
}

# cluster_init DIR: a new cluster in DIR/data owned by postgres, with a
# socket directory DIR/sock; sets PGHOST, PGPORT, PGUSER
cluster_init() {
	local dir=$1
	mkdir -p "$dir/sock" "$dir/data"
	chmod 755 "$dir"
	chown postgres: "$dir/sock" "$dir/data"
	chmod 700 "$dir/data"
	runuser -u postgres -- "$PGBIN/initdb" -D "$dir/data" -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log"; return 1; }
	export PGHOST=$dir/sock PGPORT=5432 PGUSER=postgres
	unset PGDATABASE PGPASSWORD
}

# cluster_start DIR TIMEOUT [WRAPPER...]: starts the postmaster of DIR/data
# in the background, through WRAPPER (valgrind ...) if given, its output in
# DIR/server.log, and waits up to TIMEOUT seconds until it accepts
# connections
cluster_start() {
	local dir=$1 timeout=$2
	shift 2
	runuser -u postgres -- "$@" "$PGBIN/postgres" -D "$dir/data" -k "$dir/sock" -p "$PGPORT" \
		-c listen_addresses= -c jit=off -c max_connections=20 -c autovacuum=off \
		-c fsync=off -c synchronous_commit=off -c full_page_writes=off \
		>>"$dir/server.log" 2>&1 </dev/null &
	local i
	for ((i = 0; i < timeout; i++)); do
		"$PGBIN/pg_isready" -q -d postgres && return 0
		sleep 1
	done
	echo "server did not accept connections within ${timeout}s:"
	tail -n 30 "$dir/server.log"
	return 1
}

# cluster_stop DIR TIMEOUT
cluster_stop() {
	runuser -u postgres -- "$PGBIN/pg_ctl" -D "$1/data" stop -m fast -w -t "$2" >/dev/null
}
