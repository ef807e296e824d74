#!/usr/bin/env python3
"""bench/gen_findings.py N OUT [--bad K]: a findings document of N findings
for timing srm.load_findings, written finding by finding (memory flat in
N): Security Hub control findings ({"Findings": [...]}, ASFF) over 10
checks, 5 resource types, 3 accounts and 2 regions, each naming its NIST
SP 800-53 r5 requirements as Security Hub does; one in 50 is a Prowler
ASFF finding whose compliance list names Prowler's requirement ids; one in
97 has a resource type srm does not know (its service read from the ARN).
With --bad K, finding K (from 0) has a bad Compliance.Status and is
rejected.  Deterministic: the same N gives the same document."""
import json
import sys

args = sys.argv[1:]
bad = None
if "--bad" in args:
    i = args.index("--bad")
    bad = int(args[i + 1])
    del args[i:i + 2]
n, out = int(args[0]), args[1]

CHECKS = [  # (control, resource type, ARN service, ARN resource prefix, requirements)
    ("CloudTrail.2", "AwsCloudTrailTrail", "cloudtrail", "trail/t", ["AU-9", "CA-9(1)", "SC-13", "SC-28", "SC-28(1)", "SI-7(6)"]),
    ("S3.5", "AwsS3Bucket", "s3", "", ["AC-17(2)", "AC-4", "IA-5(1)", "SC-12(3)", "SC-13", "SC-23", "SC-7(4)", "SC-8", "SC-8(1)"]),
    ("S3.8", "AwsS3Bucket", "s3", "", ["AC-21", "AC-3", "AC-3(7)", "AC-4", "AC-6", "SC-7", "SC-7(11)", "SC-7(20)"]),
    ("EC2.2", "AwsEc2SecurityGroup", "ec2", "security-group/sg-", ["AC-4", "AC-4(21)", "SC-7", "SC-7(11)", "SC-7(16)"]),
    ("EC2.8", "AwsEc2Instance", "ec2", "instance/i-", ["AC-3", "AC-3(7)", "SC-8", "SI-7"]),
    ("IAM.1", "AwsIamPolicy", "iam", "policy/p", ["AC-2", "AC-2(1)", "AC-3", "AC-5", "AC-6", "AC-6(10)"]),
    ("IAM.6", "AwsAccount", None, None, ["AC-2(1)", "AC-3(15)", "IA-2(1)", "IA-2(2)", "IA-2(6)", "IA-2(8)"]),
    ("KMS.4", "AwsKmsKey", "kms", "key/k", ["CM-6(1)", "CM-6(2)", "SC-12", "SC-12(2)", "SC-28(3)"]),
    ("RDS.3", "AwsRdsDbInstance", "rds", "db:d", ["CA-9(1)", "CM-3(6)", "SC-13", "SC-28", "SC-28(1)", "SI-7(6)"]),
    ("Lambda.1", "AwsLambdaFunction", "lambda", "function:f", ["AC-21", "AC-3", "AC-3(7)", "AC-4", "AC-6", "SC-7"]),
]
PROWLER = [("s3_bucket_default_encryption", "AwsS3Bucket", "s3", "", ["sc_28_1", "sc_13_a"]),
           ("rds_instance_storage_encrypted", "AwsRdsDbInstance", "rds", "db:p", ["ac_2_3_a", "cp_1_2"])]
ACCOUNTS = ["111122223333", "444455556666", "777788889999"]
REGIONS = ["us-east-1", "eu-west-1"]
SEVERITY = ["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"]


def finding(k):
    account, region = ACCOUNTS[k % 3], REGIONS[k % 2]
    r = k // 7  # seven findings share a resource number
    prowler = k % 50 == 49
    control, rtype, svc, prefix, reqs = (PROWLER[k % 2] if prowler else CHECKS[k % len(CHECKS)])
    if svc is None:
        rid = "AWS::::Account:%s" % account
    elif svc == "s3":
        rid = "arn:aws:s3:::bucket-%d" % r
    else:
        rid = "arn:aws:%s:%s:%s:%s%d" % (svc, region, account, prefix, r)
    if k % 97 == 96:
        rtype = "AwsSomethingNew"
    f = {
        "SchemaVersion": "2018-10-08",
        "Id": "arn:aws:securityhub:%s:%s:security-control/%s/finding/%08d" % (region, account, control, k),
        "ProductArn": ("arn:aws:securityhub:%s::product/prowler/prowler" if prowler
                       else "arn:aws:securityhub:%s::product/aws/securityhub") % region,
        "GeneratorId": ("prowler-" + control) if prowler else "security-control/" + control,
        "AwsAccountId": account,
        "Region": region,
        "Types": ["Software and Configuration Checks/Industry and Regulatory Standards"],
        "CreatedAt": "2026-11-01T10:00:00.000Z",
        "UpdatedAt": "2026-11-%02dT%02d:%02d:%02d.%03dZ" % (1 + k % 28, k % 24, k % 60, (k // 60) % 60, k % 1000),
        "Severity": {"Label": SEVERITY[k % 5]},
        "Title": "%s generated finding" % control,
        "Resources": [{"Type": rtype, "Id": rid, "Partition": "aws", "Region": region}],
        "Compliance": {"Status": "FAILED" if k % 3 == 0 else "PASSED",
                       "RelatedRequirements": (["NIST-800-53-Revision-5 " + " ".join(reqs)] if prowler
                                               else ["NIST.800-53.r5 " + q for q in reqs]),
                       "SecurityControlId": control},
        "RecordState": "ACTIVE",
    }
    if prowler:
        del f["Compliance"]["SecurityControlId"]
    if k == bad:
        f["Compliance"]["Status"] = "UNKNOWN"
    return f


with open(out, "w") as o:
    o.write('{"Findings": [\n')
    for k in range(n):
        o.write(("," if k else "") + json.dumps(finding(k)) + "\n")
    o.write("]}\n")
