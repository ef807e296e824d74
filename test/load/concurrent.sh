#!/usr/bin/env bash
# Loads running at the same time never deadlock (SPEC §9): several rounds,
# each with four loads at once of files that share most of their
# resources, in different orders: two srm-load processes (small batches, so
# that their transactions interleave; one of them with -j 2, its items over
# two connections under one load id) and two psql sessions calling
# srm.load_config_snapshot (one transaction each).  Checks that no load
# failed (no 40P01 "deadlock detected", nor any other error), that every
# load's counts reconcile, and that every resource holds its newest capture
# across everything loaded so far.  Run under pg_virtualenv with srm and
# srm-load installed.
#   usage: test/load/concurrent.sh OUTDIR [ROUNDS]
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: $0 OUTDIR [ROUNDS]}
rounds=${2:-4}
mkdir -p "$out"
out=$(cd "$out" && pwd)
name=concurrent
db=srm_load_concurrent_$$
fails=0
ok() { echo "$name: ok: $*"; }
bad() { echo "$name: FAIL: $*" >&2; fails=$((fails + 1)); }
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
SRM_LOAD=${SRM_LOAD:-$(pg_config --bindir)/srm-load}

psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null && q -c 'CREATE EXTENSION srm' >/dev/null ||
	{ bad "CREATE EXTENSION srm"; exit 1; }

# rounds x 4 files of 1,500 items drawn from 2,000 resources, shuffled;
# capture times distinct per resource and file, later in later rounds; the
# expected final state after each round
python3 - "$out" "$rounds" <<'EOF'
import json, random, sys, datetime
out, rounds = sys.argv[1], int(sys.argv[2])
rng = random.Random(20261128)
types = [("AWS::EC2::Instance", "ec2", "instance/"), ("AWS::S3::Bucket", "s3", ""), ("AWS::EC2::Volume", "ec2", "volume/"),
         ("AWS::SNS::Topic", "sns", ""), ("AWS::Lambda::Function", "lambda", "function:")]
pool = []
for r in range(2000):
    t, ns, prefix = types[r % len(types)]
    acct = "1000000000%02d" % (r % 7)
    region = ["us-east-1", "eu-west-1"][r % 2]
    rid = "res-%05d" % r
    arn = "arn:aws:s3:::" + rid if ns == "s3" else "arn:aws:%s:%s:%s:%s%s" % (ns, region, acct, prefix, rid)
    pool.append((t, rid, acct, region, arn))
state = {}
base = datetime.datetime(2025, 6, 1)
for rnd in range(rounds):
    for f in range(4):
        chosen = rng.sample(range(2000), 1500)
        items = []
        for r in chosen:
            t, rid, acct, region, arn = pool[r]
            when = base + datetime.timedelta(days=rnd, minutes=(r * 7 + f * 13) % 97, seconds=f)
            stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
            items.append({"resourceType": t, "resourceId": rid, "awsAccountId": acct, "awsRegion": region, "ARN": arn,
                          "configurationItemCaptureTime": stamp, "configurationItemStatus": "OK",
                          "tags": {"round": str(rnd), "file": str(f)}, "configuration": {"n": r}})
            key = (acct, region, t, rid)
            if key not in state or state[key][0] < stamp:
                state[key] = (stamp, "%d/%d" % (rnd, f))
        with open("%s/r%d-f%d.json" % (out, rnd, f), "w") as fh:
            json.dump({"fileVersion": "1.0", "configurationItems": items}, fh)
    with open("%s/expected-r%d.txt" % (out, rnd), "w") as fh:
        for key in sorted(state):
            fh.write("%s|%s|%s|%s|%s|%s\n" % (key + state[key]))
EOF

items_total=0
for ((r = 0; r < rounds; r++)); do
	pids=()
	"$SRM_LOAD" -j 1 -b 150 -d "$db" "$out/r$r-f0.json" >"$out/r$r-f0.out" 2>"$out/r$r-f0.err" & pids+=($!)
	"$SRM_LOAD" -j 2 -b 150 -d "$db" "$out/r$r-f1.json" >"$out/r$r-f1.out" 2>"$out/r$r-f1.err" & pids+=($!)
	for f in 2 3; do
		printf '\\set f `cat %s`\nSELECT srm.load_config_snapshot(:'"'"'f'"'"'::jsonb, '"'"'r%s-f%s'"'"');\n' "$out/r$r-f$f.json" "$r" "$f" |
			q >"$out/r$r-f$f.out" 2>"$out/r$r-f$f.err" &
		pids+=($!)
	done
	failed=0
	for i in "${!pids[@]}"; do
		wait "${pids[$i]}"
		s=$?
		[ $s -eq 0 ] || { failed=1; bad "round $r: load $i exited $s: $(cat "$out/r$r-f$i.err")"; }
	done
	if grep -l -i 'deadlock\|40P01' "$out"/r$r-f*.err >/dev/null 2>&1; then
		bad "round $r: deadlock: $(grep -h -i deadlock "$out"/r$r-f*.err | head -n 3)"
		failed=1
	fi
	items_total=$((items_total + 6000))
	q -c "SELECT account_id, region, resource_type, resource_id,
	             to_char(captured_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), (tags ->> 'round') || '/' || (tags ->> 'file')
	      FROM srm.asset ORDER BY account_id, region, resource_type, resource_id" >"$out/got-r$r.txt"
	LC_ALL=C sort "$out/expected-r$r.txt" >"$out/expected-r$r.sorted"
	LC_ALL=C sort "$out/got-r$r.txt" >"$out/got-r$r.sorted"
	reconcile=$(q -c "SELECT count(*) FILTER (WHERE items_read <> assets_inserted + assets_updated + items_rejected), sum(items_read) FROM srm.asset_load")
	if [ $failed = 0 ] && cmp -s "$out/expected-r$r.sorted" "$out/got-r$r.sorted" && [ "$reconcile" = "0|$items_total" ]; then
		ok "round $r: 4 loads at once (2 srm-load, one with -j 2, 2 load_config_snapshot), 6,000 items over $(wc -l <"$out/got-r$r.txt") shared resources: no deadlock, every resource at its newest capture, counts reconcile"
	else
		bad "round $r: state differs or counts do not reconcile ($reconcile; diff $out/expected-r$r.sorted $out/got-r$r.sorted)"
		diff "$out/expected-r$r.sorted" "$out/got-r$r.sorted" | head -n 5
	fi
done
echo "$name: $fails failed"
[ $fails -eq 0 ]
