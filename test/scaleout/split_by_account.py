#!/usr/bin/env python3
"""Split an AWS Config snapshot into one snapshot per shard, by account.

    split_by_account.py SNAPSHOT OUTDIR SHARD=ACCOUNT,ACCOUNT ... 

Writes OUTDIR/SHARD.json for every SHARD named: the snapshot's items whose
account (awsAccountId, or accountId as the Config API spells it) is one of
the shard's accounts, under the snapshot's own fileVersion and
configSnapshotId.  An item of an account no shard names, or of no account,
is an error: srm would reject it on the server that got it, and the test
compares shards with one server holding everything.  Prints per shard the
number of items written.
"""

import json
import sys


def main(argv):
    if len(argv) < 4:
        sys.stderr.write(__doc__)
        return 2
    src, outdir, specs = argv[1], argv[2], argv[3:]
    shard_of = {}
    shards = []
    for spec in specs:
        name, _, accounts = spec.partition("=")
        if not name or not accounts:
            sys.stderr.write("bad shard %r: want NAME=ACCOUNT[,ACCOUNT...]\n" % spec)
            return 2
        shards.append(name)
        for account in accounts.split(","):
            if account in shard_of:
                sys.stderr.write("account %s is named for two shards\n" % account)
                return 2
            shard_of[account] = name
    with open(src, encoding="utf-8") as f:
        snapshot = json.load(f)
    items = {name: [] for name in shards}
    for i, item in enumerate(snapshot["configurationItems"]):
        account = item.get("awsAccountId", item.get("accountId"))
        if account not in shard_of:
            sys.stderr.write("item %d: account %r is on no shard\n" % (i, account))
            return 1
        items[shard_of[account]].append(item)
    for name in shards:
        part = {k: v for k, v in snapshot.items() if k != "configurationItems"}
        part["configurationItems"] = items[name]
        with open("%s/%s.json" % (outdir, name), "w", encoding="utf-8") as f:
            json.dump(part, f)
        print("%s %d" % (name, len(items[name])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
