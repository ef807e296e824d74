#!/usr/bin/env python3
"""Writes data/prowler_nist_800_53_r5.csv from Prowler's NIST SP 800-53 rev. 5
mapping of its AWS checks (prowler/compliance/aws/nist_800_53_revision_5_aws.json,
Apache-2.0) and the NIST catalog CSV (data/nist_sp800_53r5_controls.csv).

    git -C PROWLER show COMMIT:prowler/compliance/aws/nist_800_53_revision_5_aws.json \\
        | python3 tools/build/prowler_nist_mapping.py COMMIT > data/prowler_nist_800_53_r5.csv

One row per check x requirement.  control_id is the control srm reads the
requirement id as (srm_internal.control_key): the first token is the
family, then the control's number; a number right after it is an
enhancement; a letter and what follows it name a statement item, which
evidences the control it is an item of (ac_2_3_a -> ac-2.3, ac_2_d_1 ->
ac-2).  Three ids of the mapping name no control of the catalog; their
descriptions are the statements of CP-10(2), SA-10(1) and SI-10(1)(c)
(a lost 0), and they are read so (reading = description)."""
import csv
import json
import os
import re
import sys

FIXES = {  # requirement id: (control, why)
    "cp_1_2": ("cp-10.2", "cp_1_2 names no control (CP-1 has no enhancements); its description is CP-10(2)'s statement"),
    "sa_1_1": ("sa-10.1", "sa_1_1 names no control (SA-1 has no enhancements); its description is SA-10(1)'s statement"),
    "si_1_1_c": ("si-10.1", "si_1_1_c names no control (SI-1 has no enhancements); its description is SI-10(1)(c)'s statement"),
}


def control_of(req):
    m = re.match(r"^([a-z]{2})_0*(\d+)(?:_0*(\d+))?((?:_[a-z](?:_\d+(?:_[a-z])?)?)?)$", req)
    if not m:
        raise SystemExit("unreadable requirement id %r" % req)
    return "%s-%s%s" % (m.group(1), m.group(2), "." + m.group(3) if m.group(3) else "")


def main():
    commit = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "..", "data", "nist_sp800_53r5_controls.csv"), newline="") as f:
        known = {r["control_id"] for r in csv.DictReader(f)}
    doc = json.load(sys.stdin)
    if doc.get("Framework") != "NIST-800-53-Revision-5" or doc.get("Provider") != "AWS":
        raise SystemExit("not Prowler's NIST 800-53 r5 mapping for AWS")
    rows = set()
    for r in doc["Requirements"]:
        req = r["Id"]
        if req in FIXES:
            control, reading = FIXES[req][0], "description: " + FIXES[req][1]
        else:
            control, reading = control_of(req), "id"
        if control not in known:
            raise SystemExit("requirement %s reads as %s, which is not a control" % (req, control))
        for check in r["Checks"]:
            rows.add((check, req, r["Name"], control, reading))
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["check_id", "requirement_id", "requirement_name", "control_id", "reading", "source"])
    src = "prowler-cloud/prowler %s prowler/compliance/aws/nist_800_53_revision_5_aws.json" % commit[:10]
    for row in sorted(rows):
        w.writerow(list(row) + [src])


if __name__ == "__main__":
    main()
