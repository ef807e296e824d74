#!/usr/bin/env python3
"""test/load/property.py gen OUTDIR | check OUTDIR

A property test of the loader (issue 10): 10,000 generated AWS Config items
(fixed seed) in six files of every shape srm-load reads (snapshot, gzipped
snapshot, NDJSON, bare array, select-resource-config Results) and one file
for srm.load_config_snapshot.  Each item is either clean (in any of the
spellings that must load: key spellings, resource types in any case,
regions with blanks, epoch-second and zone-less times, tags as key/value
pairs, configuration as a JSON string, huge values, unknown keys, Unicode)
or carries exactly one defect whose rejection reason is known (wrong types,
missing keys, bad or out-of-range times, oversize ids and ARNs, malformed
ARNs, unknown partitions, an ARN of another service, a deleted resource,
text that is not JSON or not UTF-8, an item over srm-load's size limit).
Resources repeat within and across files.

gen writes the files and the oracle (expected.json): per item, "ok" or the
pattern its reason must match; per resource, the newest capture time.
check reads what the loads left (dumped by property.sh) and checks: every
item is loaded or rejected, a defective item with its defect's reason, a
clean one at most as superseded or older; the counts of every load
reconcile and add up to 10,000; the assets are exactly the clean items'
resources, each at its newest capture.  Prints the counts.
"""
import gzip
import json
import random
import re
import sys

SEED = 10_2026
N_ITEMS = 10_000
MAX_ITEM = 200_000          # srm-load --max-item-bytes in property.sh

# (type as srm spells it, ARN service, ARN resource prefix, global?)
TYPES = [
    ("AWS::EC2::Instance", "ec2", "instance/", False),
    ("AWS::EC2::Volume", "ec2", "volume/", False),
    ("AWS::S3::Bucket", "s3", "", True),
    ("AWS::IAM::Role", "iam", "role/", True),
    ("AWS::Lambda::Function", "lambda", "function:", False),
    ("AWS::SNS::Topic", "sns", "", False),
    ("AWS::RDS::DBInstance", "rds", "db:", False),
    ("AWS::DynamoDB::Table", "dynamodb", "table/", False),
]
REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"]
DEFECTS = {
    # name: (reason pattern, shapes it can appear in: None = every shape)
    "not_object": (r"^the item is a (number|array|boolean|null|string), not an object$", None),
    "type_number": (r"^resourceType is a number, not a string$", None),
    "region_object": (r"^awsRegion is a object, not a string$", None),
    "id_bool": (r"^resourceId is a boolean, not a string$", None),
    "time_bool": (r"^configurationItemCaptureTime is a boolean, not a string or a number$", None),
    "tags_string": (r"^tags is a string, not an object$", None),
    "tags_pairs_bad": (r"^tags is an array, but not of", None),
    "no_type": (r"^no resourceType$", None),
    "no_id": (r"^no resourceId$", None),
    "no_account": (r"^no awsAccountId \(or accountId\)$", None),
    "bad_account": (r'^account id ".*" is not 12 digits$', None),
    "no_region": (r"^no awsRegion \(or region\)$", None),
    "accounts_differ": (r"^awsAccountId and accountId differ$", None),
    "bad_time": (r'^configurationItemCaptureTime ".*" is not an ISO 8601 time or epoch seconds$', None),
    "long_id": (r"^resourceId of \d+ bytes is longer than 1024$", None),
    "long_arn": (r"^ARN of \d+ bytes is longer than 2048$", None),
    "bad_arn": (r'^ARN ".*" is not arn:partition:service:region:account:resource$', None),
    "bad_partition": (r'^ARN ".*" names an unknown partition ".*"$', None),
    "arn_other_service": (r'^ARN ".*" is of service \S+, not of \S+\'s service \S+$', None),
    "deleted": (r"^the resource is deleted \(configurationItemStatus ResourceDeleted(NotRecorded)?\)$", None),
    "not_json": (r"^not JSON: ", {"ndjson", "array", "snapshot", "gz"}),
    "nul_escape": (r"^not JSON: unsupported Unicode escape sequence", {"ndjson", "array", "snapshot", "gz"}),
    "not_utf8": (r"^the item is not valid UTF-8 text \(at byte \d+\)$", {"ndjson", "array", "snapshot", "gz", "results"}),
    "too_big": (r"^the item of \d+ bytes is longer than srm-load's limit of 200000 bytes$", {"ndjson", "array", "snapshot", "gz"}),
}
LATE = {"superseded": r"^superseded by configurationItems\[\d+\], a newer capture of the same resource$",
        "older": r"^older than the capture already loaded for this resource$"}

# files: name, shape, items
FILES = [("f0-snapshot.json", "snapshot", 2200), ("f1-snapshot.json.gz", "gz", 2000),
         ("f2-items.ndjson", "ndjson", 2000), ("f3-array.json", "array", 1500),
         ("f4-results.json", "results", 1300), ("f5-sql.json", "sql", 1000)]


def iso(t, rng):
    """a capture time t (epoch seconds) in one of the spellings that load"""
    import datetime
    d = datetime.datetime.fromtimestamp(t, datetime.timezone.utc)
    form = rng.randrange(7)
    if form == 0:
        return d.strftime("%Y-%m-%dT%H:%M:%SZ")
    if form == 1:
        return d.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if form == 2:
        return d.strftime("%Y-%m-%dT%H:%M:%S")                       # no zone: UTC
    if form == 3:
        return (d + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S+02:00")
    if form == 4:
        return t + 0.0                                              # epoch seconds, a number
    if form == 5:
        return str(t)                                               # epoch seconds, a string
    return (d - datetime.timedelta(hours=5)).strftime("%Y-%m-%d %H:%M:%S-0500")


def gen(out):
    rng = random.Random(SEED)
    # a pool of resources smaller than the items: repeats within and across files
    pool = []
    for r in range(4000):
        t, svc, prefix, glob = TYPES[r % len(TYPES)]
        acct = "%012d" % (100000000000 + r % 17)
        region = "global" if t == "AWS::IAM::Role" else REGIONS[r % 3]
        rid = "res-%05d-%s" % (r, rng.choice(["a", "b", "ü", "名"]))
        if svc in ("s3", "iam"):
            arn = "arn:aws:%s::%s:%s%s" % (svc, "" if svc == "s3" else acct, prefix, rid)
            if svc == "s3":
                arn = "arn:aws:s3:::" + rid
        else:
            arn = "arn:aws:%s:%s:%s:%s%s" % (svc, region, acct, prefix, rid)
        pool.append((t, rid, acct, region, arn))
    times = rng.sample(range(1_700_000_000, 1_700_000_000 + 10_000_000), N_ITEMS)
    expected_items = {}
    newest = {}
    files = {}
    n = 0
    for fname, shape, count in FILES:
        texts = []
        for idx in range(count):
            t, rid, acct, region, arn = pool[rng.randrange(len(pool))]
            when = times[n]
            n += 1
            item = {"version": "1.3", "resourceType": t, "resourceId": rid, "awsAccountId": acct, "awsRegion": region,
                    "ARN": arn, "configurationItemCaptureTime": iso(when, rng), "configurationItemStatus": "OK",
                    "tags": {"n": str(n)}, "configuration": {"id": rid, "when": when}}
            # clean variations that must load
            if rng.random() < 0.3:
                item["resourceType"] = rng.choice([t.lower(), t.upper(), " " + t + " "])
            if rng.random() < 0.2 and region != "global":
                item["awsRegion"] = rng.choice([region.upper(), region + " ", " " + region])
            if rng.random() < 0.2:
                for a, b in (("awsAccountId", "accountId"), ("awsRegion", "region"), ("ARN", "arn")):
                    item[b] = item.pop(a)
            if rng.random() < 0.1:
                item["tags"] = [{"key": "n", "value": str(n)}]
            if rng.random() < 0.1:
                item["configuration"] = json.dumps(item["configuration"])
            if rng.random() < 0.05:
                item["configuration"] = {"blob": "x" * rng.randrange(10_000, 150_000)}
            if rng.random() < 0.1:
                item["unknownKey"] = {"deep": [[[{"a": "b\\\"c"}]]], "s": "]}[{\"'"}
            if rng.random() < 0.1:
                del item["ARN" if "ARN" in item else "arn"]
            if rng.random() < 0.05 and region != "global" and "ARN" in item and t != "AWS::S3::Bucket":
                item["awsRegion"] = "Not Applicable"                     # the ARN's region
            defect = None
            if rng.random() < 0.35:
                choices = [d for d, (_, shapes) in DEFECTS.items()
                           if (shapes is None and shape != "sql") or (shapes is not None and shape in shapes)
                           or (shapes is None and shape == "sql")]
                defect = rng.choice(choices)
            raw = None
            if defect == "not_object":
                # (a line that is an array is a list of items, in NDJSON too)
                item = rng.choice([42, True, None, "just text"] + ([] if shape == "ndjson" else [[1, 2]]))
            elif defect == "type_number":
                item["resourceType"] = 7
            elif defect == "region_object":
                item.pop("region", None)
                item["awsRegion"] = {"name": region}
            elif defect == "id_bool":
                item["resourceId"] = False
            elif defect == "time_bool":
                item["configurationItemCaptureTime"] = True
            elif defect == "tags_string":
                item["tags"] = "n=1"
            elif defect == "tags_pairs_bad":
                item["tags"] = [{"value": "no key"}]
            elif defect == "no_type":
                del item["resourceType"]
            elif defect == "no_id":
                item["resourceId"] = rng.choice(["", "   "])
            elif defect == "no_account":
                item.pop("awsAccountId", None)
                item.pop("accountId", None)
            elif defect == "bad_account":
                item["awsAccountId"] = rng.choice(["1234", "12345678901x", "1" * 13])
                item.pop("accountId", None)
            elif defect == "no_region":
                item.pop("awsRegion", None)
                item.pop("region", None)
            elif defect == "accounts_differ":
                item["awsAccountId"] = acct
                item["accountId"] = "999999999999"
            elif defect == "bad_time":
                item["configurationItemCaptureTime"] = rng.choice(
                    ["2025-13-45T99:99:99Z", "datetime.datetime(2023, 10, 1, 8, 0, 1, tzinfo=tzlocal())", "yesterday",
                     "2025-02-30T00:00:00Z", "", "1e400", "-5", "2025-06-01T24:00:00Z", "10000-01-01T00:00:00Z"])
            elif defect == "long_id":
                item["resourceId"] = "i-" + "x" * rng.randrange(1100, 4000)
            elif defect == "long_arn":
                item.pop("arn", None)
                item["ARN"] = "arn:aws:ec2:us-east-1:%s:instance/%s" % (acct, "y" * rng.randrange(2100, 4000))
            elif defect == "bad_arn":
                item.pop("arn", None)
                item["ARN"] = rng.choice(["hello world", "arn:aws", "arn:aws:ec2", "arn:aws:EC2:us-east-1:%s:x" % acct])
            elif defect == "bad_partition":
                item.pop("arn", None)
                item["ARN"] = "arn:aws-xx:ec2:us-east-1:%s:instance/i-1" % acct
            elif defect == "arn_other_service":
                item.pop("arn", None)
                item["resourceType"] = "AWS::EC2::Instance"
                item["ARN"] = "arn:aws:s3:::some-bucket-%d" % n
            elif defect == "deleted":
                item["configurationItemStatus"] = rng.choice(["ResourceDeleted", "ResourceDeletedNotRecorded"])
            elif defect == "not_json":
                raw = json.dumps(item)[:-1] + ', "broken": tru}'
            elif defect == "nul_escape":
                raw = json.dumps(item)[:-1] + ', "nul": "a\\u0000b"}'
            elif defect == "not_utf8":
                raw = (json.dumps(item)[:-1] + ', "latin1": "caf').encode() + b"\xe9" + b'"}'
            elif defect == "too_big":
                item["configuration"] = {"blob": "z" * (MAX_ITEM + 1000)}
            if raw is None:
                raw = json.dumps(item, ensure_ascii=rng.random() < 0.5)
            if isinstance(raw, str):
                raw = raw.encode()
            if shape == "results":
                # select-resource-config: each item a JSON string (bytes that are
                # not UTF-8 stay so: the string is cut the same way)
                if defect == "not_utf8":
                    raw = b'"' + raw.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'
                elif defect == "not_object":
                    pass                                                    # stays a bare value
                else:
                    raw = json.dumps(raw.decode()).encode()
            texts.append(raw)
            key = (fname, idx)
            if defect:
                expected_items["%s/%d" % key] = DEFECTS[defect][0]
            else:
                expected_items["%s/%d" % key] = "ok"
                k = "|".join([acct, "global" if region == "global" else region, t, rid])
                if k not in newest or newest[k] < when:
                    newest[k] = when
        files[fname] = (shape, texts)
    for fname, (shape, texts) in files.items():
        path = "%s/%s" % (out, fname)
        if shape == "ndjson":
            data = b"".join(t + b"\n" for t in texts)
        elif shape == "array":
            data = b"[\n" + b",\n".join(texts) + b"\n]\n"
        elif shape == "results":
            data = b'{"Results": [' + b", ".join(texts) + b'], "QueryInfo": {"SelectFields": [{"Name": "*"}]}}\n'
        else:
            data = b'{"fileVersion": "1.0", "configSnapshotId": "prop", "configurationItems": [\n' + b",\n".join(texts) + b"\n]}\n"
        if shape == "gz":
            with gzip.open(path, "wb") as g:
                g.write(data)
        else:
            with open(path, "wb") as f:
                f.write(data)
    json.dump({"items": expected_items, "newest": newest}, open(out + "/expected.json", "w"))


def check(out):
    exp = json.load(open(out + "/expected.json"))
    fails = []
    loads = {}
    for line in open(out + "/loads.tsv", encoding="utf-8"):
        src, read, ins, upd, rej = line.rstrip("\n").split("\t")
        loads[src.rsplit("/", 1)[-1]] = tuple(map(int, (read, ins, upd, rej)))
    rejections = {}
    for line in open(out + "/rejections.tsv", encoding="utf-8"):
        src, idx, reason = line.rstrip("\n").split("\t", 2)
        rejections["%s/%s" % (src.rsplit("/", 1)[-1], idx)] = reason
    assets = {}
    for line in open(out + "/assets.tsv", encoding="utf-8"):
        k, when = line.rstrip("\n").rsplit("\t", 1)
        assets[k] = float(when)

    # every load reconciles; together they read every item once
    for fname, _, count in FILES:
        if fname not in loads:
            fails.append("no load of %s" % fname)
            continue
        read, ins, upd, rej = loads[fname]
        if read != ins + upd + rej:
            fails.append("%s: %d read != %d + %d + %d" % (fname, read, ins, upd, rej))
        if read != count:
            fails.append("%s: %d read, %d generated" % (fname, read, count))
    total = sum(v[0] for v in loads.values())
    if total != N_ITEMS:
        fails.append("%d items read in all, %d generated" % (total, N_ITEMS))
    if len(rejections) != sum(v[3] for v in loads.values()):
        fails.append("%d rejection rows, %d counted" % (len(rejections), sum(v[3] for v in loads.values())))

    # every item loaded or rejected, with its defect's reason
    by = {}
    for key, want in exp["items"].items():
        got = rejections.get(key)
        if want == "ok":
            if got is None:
                by["loaded"] = by.get("loaded", 0) + 1
            elif re.match(LATE["superseded"], got) or re.match(LATE["older"], got):
                cat = "superseded" if got.startswith("superseded") else "older"
                by[cat] = by.get(cat, 0) + 1
            else:
                fails.append("%s: a clean item rejected: %s" % (key, got))
        else:
            if got is None:
                fails.append("%s: loaded, but should be rejected (%s)" % (key, want))
            elif not re.match(want, got):
                fails.append("%s: rejected with %r, not %s" % (key, got, want))
            else:
                by["rejected: " + want] = by.get("rejected: " + want, 0) + 1
    # the assets: the clean items' resources, each at its newest capture
    newest = exp["newest"]
    if set(assets) != set(newest):
        extra = sorted(set(assets) - set(newest))[:3]
        missing = sorted(set(newest) - set(assets))[:3]
        fails.append("assets differ: %d in srm.asset, %d expected; extra %s, missing %s" % (len(assets), len(newest), extra, missing))
    else:
        wrong = [k for k in newest if abs(assets[k] - newest[k]) > 0.001]
        if wrong:
            fails.append("%d assets not at their newest capture, e.g. %s: %s != %s" % (len(wrong), wrong[0], assets[wrong[0]], newest[wrong[0]]))

    loaded = sum(v[1] + v[2] for v in loads.values())
    print("property: %d items in %d files: %d loaded (%d inserted + %d updated), %d rejected; %d assets"
          % (total, len(loads), loaded, sum(v[1] for v in loads.values()), sum(v[2] for v in loads.values()),
             sum(v[3] for v in loads.values()), len(assets)))
    for k in sorted(by):
        print("property:   %6d %s" % (by[k], k))
    for f in fails[:20]:
        print("property: FAIL: " + f)
    if len(fails) > 20:
        print("property: FAIL: ... %d more" % (len(fails) - 20))
    return 1 if fails else 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("gen", "check"):
        sys.exit(__doc__)
    sys.exit(gen(sys.argv[2]) if sys.argv[1] == "gen" else check(sys.argv[2]))
