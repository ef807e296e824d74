#!/usr/bin/env bash
# compose_upgrade.sh [--hand DIR] [--data DIR] [--model-only] FROM TO OLD_DATA_DIR > versions/srm--FROM--TO.sql
#
# Writes the upgrade script from version FROM to version TO (the version
# the working tree builds), to be reviewed and committed into versions/,
# where it then stays as released.  The script is, in this order:
#   1. upgrade/FROM--TO/before.sql   by hand: new schemas and tables, changes
#                                     to tables (ALTER), objects that cannot
#                                     be replaced in place
#   2. every CODE_PART of the Makefile, with CREATE FUNCTION / VIEW / TRIGGER
#      turned into CREATE OR REPLACE, so that a user's own views and
#      functions over srm's keep working across the update
#   3. upgrade/FROM--TO/after.sql    by hand: drops of what TO no longer has
#   4. the model's rows: tools/build/gen_data.py --diff OLD_DATA_DIR (rows
#      removed, changed, added), then the derived tables refilled
#   5. a NOTICE for every user row whose model row went away
# ALTER EXTENSION runs it in one transaction: it completes or changes nothing.
# --hand DIR and --data DIR take the hand-written parts and the new model
# from elsewhere (the upgrade tests compose a test version this way); TO is
# then not required to be srm.control's version.  --model-only writes part 4
# and 5 alone (the upgrade tests apply them by hand).
set -euo pipefail
hand="" data="" model_only=no
while [ $# -gt 0 ]; do
	case "$1" in
		--hand) hand=$2; shift 2 ;;
		--data) data=$2; shift 2 ;;
		--model-only) model_only=yes; shift ;;
		*) break ;;
	esac
done
[ $# -eq 3 ] || { echo "usage: $0 [--hand DIR] [--data DIR] [--model-only] FROM TO OLD_DATA_DIR > srm--FROM--TO.sql" >&2; exit 2; }
from=$1 to=$2 old=$3
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
[ -f "$old/service.csv" ] || { echo "$0: $old is not a data/ directory" >&2; exit 1; }
var() { make -s -C "$top" --no-print-directory "print-$1"; }

# 4 and 5: the model's rows, and the user rows that lost theirs
model_rows() {
	echo "-------------------------------------------------------------------- the model's rows"
	echo "TRUNCATE srm.identifier, srm.arn_pattern;"
	python3 "$here/gen_data.py" ${data:+--data-dir "$data"} --diff "$old"
	for part in $(var DATA_PARTS); do
		case "$part" in build/*) continue ;; esac   # the whole model: replaced by the diff above
		echo
		echo "-------------------------------------------------------------------- $part"
		cat "$top/$part"
	done
	echo
	echo "SELECT srm_internal.report_unresolved_references('$to');"
}
if [ $model_only = yes ]; then
	model_rows
	exit 0
fi

check_version=yes
[ -n "$hand" ] && check_version=no
hand=${hand:-$top/upgrade/$from--$to}
[ -f "$hand/before.sql" ] && [ -f "$hand/after.sql" ] || { echo "$0: $hand/before.sql and after.sql are needed" >&2; exit 1; }
built=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$top/srm.control")
[ $check_version = no ] || [ "$built" = "$to" ] || { echo "$0: srm.control says $built, not $to" >&2; exit 1; }

cat <<HEAD
-- srm--$from--$to.sql: upgrade of srm from $from to $to.
-- Composed by tools/build/compose_upgrade.sh from upgrade/$from--$to/, the
-- code parts of $to and the model's changes; released as it is, never edited.

\\echo Use "ALTER EXTENSION srm UPDATE TO '$to'" to load this file. \\quit

HEAD
echo "-------------------------------------------------------------------- before"
cat "$hand/before.sql"
for part in $(var CODE_PARTS); do
	echo
	echo "-------------------------------------------------------------------- $part"
	sed -e 's/^CREATE FUNCTION /CREATE OR REPLACE FUNCTION /' \
	    -e 's/^CREATE VIEW /CREATE OR REPLACE VIEW /' \
	    -e 's/^CREATE TRIGGER /CREATE OR REPLACE TRIGGER /' "$top/$part"
done
echo
echo "-------------------------------------------------------------------- after"
cat "$hand/after.sql"
echo
model_rows
