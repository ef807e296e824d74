#!/usr/bin/env python3
"""bench/gen_load.py BASE N OUT: an AWS Config snapshot of N items for the
load benchmark, written item by item (memory flat in N): BASE's items
(tools/sample/gen_sample_snapshot.py output) repeated, copy k > 0 with
"-k" appended to every resource id, name and ARN, so that each copy adds
new assets.  Writes OUT (a snapshot: one object, one item per line) and
OUT's .ndjson twin (the same items, one per line, for the server's own
parse as the baseline)."""
import json
import sys

base, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
items = json.load(open(base))["configurationItems"]
with open(out, "w") as f, open(out.rsplit(".", 1)[0] + ".ndjson", "w") as g:
    f.write('{"fileVersion": "1.0", "configSnapshotId": "bench-%d", "configurationItems": [\n' % n)
    written = 0
    k = 0
    while written < n:
        for it in items:
            if written == n:
                break
            if k:
                it = dict(it)
                for key in ("resourceId", "resourceName", "ARN", "arn"):
                    if isinstance(it.get(key), str):
                        it[key] = it[key] + "-%d" % k
            t = json.dumps(it)
            f.write(("," if written else "") + t + "\n")
            g.write(t + "\n")
            written += 1
        k += 1
    f.write("]}\n")
