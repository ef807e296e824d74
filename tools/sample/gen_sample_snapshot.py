#!/usr/bin/env python3
"""Generate a realistic, deterministic AWS Config snapshot file for srm tests.

The output has the shape AWS Config writes to S3 (a configuration snapshot):

    {"fileVersion": "1.0", "configSnapshotId": "...",
     "configurationItems": [ {...}, ... ]}

It is synthetic: three made-up accounts (or --accounts N), three regions plus "global" for IAM,
60+ resource types taken from data/aws_config_resource_types.csv, ARNs built
from the arn_template of data/aws_cloudformation_resource_types.csv where the
type has one.  On purpose it also contains the awkward cases srm must cope
with: ~15% of items spelled accountId/arn/region instead of
awsAccountId/ARN/awsRegion, ~1% without an ARN key, ~1% of resource types srm
does not know, and a handful of duplicate items (same ARN, newer capture).

Standard library only.  Same arguments give byte-identical files.

With --accounts N the same number of items is spread over N made-up 12-digit
accounts (the default, 3, gives the three named accounts above).  Items are
kept serialized while the snapshot is built, so 1,000,000 items fit in about
2 GB of memory; --chunk N writes several snapshot files of at most N items
each (OUT-001.json, OUT-002.json, ... for --out OUT.json), because srm loads
one jsonb per call.  Concatenating the chunks' items gives the items of the
single file.

Usage:
    tools/sample/gen_sample_snapshot.py --out /tmp/snapshot.json [--items 3000] [--seed 42]
        [--accounts 3] [--chunk N]
"""

import argparse
import csv
import datetime as dt
import json
import os
import random
import re
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "data")

ACCOUNTS = [
    # (id, name, default env)
    ("402918374655", "acme-prod", "prod"),
    ("718265390142", "acme-staging", "staging"),
    ("259384716023", "acme-shared-services", "shared"),
]
REGIONS = [("us-east-1", 50), ("eu-west-1", 30), ("ap-southeast-2", 20)]
APPS = ["payments", "orders", "catalog", "auth", "billing", "search",
        "analytics", "inventory", "notify", "reporting", "datalake", "web",
        "api", "etl", "crm", "ledger"]
OWNERS = ["team-platform", "team-data", "team-payments", "team-web",
          "team-secops", "team-mobile"]
COST_CENTERS = ["cc-1001", "cc-1002", "cc-2040", "cc-3300"]

# Common types and their relative weights (the long tail shares the rest).
COMMON = {
    "AWS::EC2::Instance": 120, "AWS::EC2::Volume": 110,
    "AWS::EC2::SecurityGroup": 100, "AWS::EC2::NetworkInterface": 90,
    "AWS::EC2::Subnet": 60, "AWS::EC2::VPC": 20, "AWS::EC2::RouteTable": 30,
    "AWS::EC2::InternetGateway": 10, "AWS::EC2::NatGateway": 10,
    "AWS::EC2::NetworkAcl": 15, "AWS::EC2::EIP": 12,
    "AWS::S3::Bucket": 80, "AWS::IAM::Role": 90, "AWS::IAM::User": 30,
    "AWS::IAM::Policy": 50, "AWS::IAM::Group": 10,
    "AWS::RDS::DBInstance": 30, "AWS::RDS::DBCluster": 8,
    "AWS::Lambda::Function": 80, "AWS::DynamoDB::Table": 35,
    "AWS::KMS::Key": 40, "AWS::CloudTrail::Trail": 4,
    "AWS::ElasticLoadBalancingV2::LoadBalancer": 20,
    "AWS::ElasticLoadBalancingV2::TargetGroup": 25,
    "AWS::ElasticLoadBalancingV2::Listener": 20,
    "AWS::ECS::Cluster": 8, "AWS::ECS::Service": 25,
    "AWS::ECS::TaskDefinition": 35, "AWS::EKS::Cluster": 5,
    "AWS::SNS::Topic": 30, "AWS::SQS::Queue": 35,
    "AWS::SecretsManager::Secret": 30, "AWS::CloudWatch::Alarm": 70,
    "AWS::ApiGateway::RestApi": 12, "AWS::ApiGateway::Stage": 15,
    "AWS::CloudFront::Distribution": 8, "AWS::ECR::Repository": 20,
    "AWS::ACM::Certificate": 15, "AWS::AutoScaling::AutoScalingGroup": 12,
    "AWS::CloudFormation::Stack": 25, "AWS::StepFunctions::StateMachine": 10,
    "AWS::Events::Rule": 20, "AWS::Kinesis::Stream": 6,
    "AWS::EFS::FileSystem": 6, "AWS::Backup::BackupVault": 4,
    "AWS::GuardDuty::Detector": 3, "AWS::WAFv2::WebACL": 4,
    "AWS::Route53::HostedZone": 5, "AWS::OpenSearch::Domain": 3,
    "AWS::CodeBuild::Project": 10,
}
LONG_TAIL_TYPES = 28          # extra templated types drawn from the CSVs
LONG_TAIL_WEIGHT = 3

NO_ARN_TYPES = ["AWS::Config::ResourceCompliance",
                "AWS::SSM::ManagedInstanceInventory",
                "AWS::SSM::PatchCompliance"]
UNKNOWN_TYPES = ["AWS::Made::Up", "Custom::Widget", "AWS::Future::Thing"]

ZONAL = {"AWS::EC2::Instance", "AWS::EC2::Volume", "AWS::EC2::Subnet",
         "AWS::EC2::NetworkInterface", "AWS::EC2::NatGateway"}

EC2_PREFIX = {  # ${Placeholder} -> resource id prefix for EC2-style ids
    "InstanceId": "i-", "VolumeId": "vol-", "SecurityGroupId": "sg-",
    "VpcId": "vpc-", "SubnetId": "subnet-", "RouteTableId": "rtb-",
    "InternetGatewayId": "igw-", "NatGatewayId": "nat-", "NaclId": "acl-",
    "NetworkInterfaceId": "eni-", "AllocationId": "eipalloc-",
    "TransitGatewayId": "tgw-", "TransitGatewayAttachmentId": "tgw-attach-",
    "TransitGatewayRouteTableId": "tgw-rtb-", "VpcEndpointId": "vpce-",
    "VpnGatewayId": "vgw-", "VpnConnectionId": "vpn-",
    "VpcPeeringConnectionId": "pcx-", "CustomerGatewayId": "cgw-",
    "PrefixListId": "pl-", "LaunchTemplateId": "lt-",
    "DhcpOptionsId": "dopt-", "FlowLogId": "fl-",
    "TrafficMirrorFilterId": "tmf-", "TrafficMirrorSessionId": "tms-",
    "TrafficMirrorTargetId": "tmt-", "IpamId": "ipam-",
    "IpamPoolId": "ipam-pool-", "IpamScopeId": "ipam-scope-",
}

ACCOUNT_ENVS = ["prod", "staging", "dev", "shared"]


def made_up_accounts(n, seed):
    """N accounts: the three named ones for N = 3, else N made-up 12-digit
    ids (own random stream, so the items' stream is the same for any N)."""
    if n == 3:
        return list(ACCOUNTS)
    r = random.Random("accounts-%d-%d" % (seed, n))
    ids = set()
    out = []
    while len(out) < n:
        acct = str(r.randint(10 ** 11, 10 ** 12 - 1))
        if acct in ids:
            continue
        ids.add(acct)
        out.append((acct, "acme-%04d" % (len(out) + 1), ACCOUNT_ENVS[len(out) % len(ACCOUNT_ENVS)]))
    return out


TEMPLATE_RE = re.compile(r"\$\{([A-Za-z0-9]+)\}")


def load_types():
    with open(os.path.join(DATA, "aws_config_resource_types.csv"), newline="") as f:
        cfg = {r["resource_type"]: r for r in csv.DictReader(f)}
    with open(os.path.join(DATA, "aws_cloudformation_resource_types.csv"), newline="") as f:
        tmpl = {r["cloudformation_type"]: r["arn_template"]
                for r in csv.DictReader(f) if r["arn_template"]}
    return cfg, tmpl


def kebab(s):
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", s).lower()


class Gen:
    def __init__(self, seed, nitems, naccounts=3):
        self.r = random.Random(seed)
        self.accounts = made_up_accounts(naccounts, seed)
        self.seed = seed
        self.nitems = nitems
        self.cfg, self.tmpl = load_types()
        self.arns = set()
        self.names = set()
        self.pool = {}          # (acct, region, type) -> [the keys items refer to]
        self.base = dt.datetime(2025, 6, 1, 6, 0, 0, tzinfo=dt.timezone.utc)
        missing = [t for t in list(COMMON) + NO_ARN_TYPES if t not in self.cfg]
        if missing:
            sys.exit("gen_sample_snapshot: types not in aws_config_resource_types.csv: %s" % missing)

    # ---- small random helpers -------------------------------------------
    def hexs(self, n):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def alnum(self, n, upper=False):
        chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" if upper else "abcdefghijklmnopqrstuvwxyz0123456789"
        return "".join(self.r.choice(chars) for _ in range(n))

    def uuid4(self):
        return str(uuid.UUID(int=self.r.getrandbits(128), version=4))

    def ts(self, t):
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)

    def capture_time(self):
        return self.base - dt.timedelta(seconds=self.r.randint(0, 30 * 86400),
                                        milliseconds=self.r.randint(0, 999))

    def unique_name(self, stem):
        name = stem
        while name in self.names:
            name = "%s-%s" % (stem, self.alnum(4))
        self.names.add(name)
        return name

    def pick_region(self):
        return self.r.choices([r for r, _ in REGIONS], [w for _, w in REGIONS])[0]

    def pick_from_pool(self, acct, region, rtype):
        lst = self.pool.get((acct, region, rtype))
        return self.r.choice(lst) if lst else None

    # ---- item construction ----------------------------------------------
    def tags(self, acct_name, env, app):
        t = {"env": env, "app": app, "owner": self.r.choice(OWNERS),
             "account-name": acct_name}
        if self.r.random() < 0.5:
            t["cost-center"] = self.r.choice(COST_CENTERS)
        if self.r.random() < 0.2:
            t["data-classification"] = self.r.choice(["public", "internal", "confidential", "restricted"])
        return t

    def fill_template(self, template, rtype, region, acct, app, env):
        """Return (arn, resource_id, resource_name) for a templated type."""
        values = {"Partition": "aws", "Region": region, "Account": acct}
        res = rtype.split("::")[2]
        rid = rname = None
        for ph in TEMPLATE_RE.findall(template):
            if ph in values:
                continue
            if ph in EC2_PREFIX:
                v = EC2_PREFIX[ph] + self.hexs(17)
                rid = v
            elif ph.endswith("Name") or ph.endswith("NameWithPath") or ph in (
                    "Name", "ResourcePath", "ResponsePlan") or "Name" in ph:
                v = self.unique_name("%s-%s-%s" % (app, env, kebab(res)))
                rname = v
            elif ph in ("KeyId",) or ph.endswith("Arn"):
                v = self.uuid4()
                rid = v
            else:  # some other identifier
                v = self.alnum(self.r.choice([10, 12, 16]))
                rid = v
            values[ph] = v
        arn = TEMPLATE_RE.sub(lambda m: values[m.group(1)], template)
        return arn, rid or rname, rname

    def make(self, rtype, acct=None, region=None, t=None, status=None):
        r = self.r
        if acct is None:
            acct_id, acct_name, env = r.choice(self.accounts)
        else:
            acct_id, acct_name, env = acct
        if env == "shared":
            env = r.choice(["prod", "shared"])
        app = r.choice(APPS)
        region = region or self.pick_region()
        t = t or self.capture_time()
        conf = {}
        rels = []
        az = "Not Applicable"
        item_region = region
        rid = rname = arn = None
        tags = self.tags(acct_name, env, app)

        def rel(target, name):
            if target is not None:
                rels.append({"resourceType": target["resourceType"],
                             "resourceId": target["resourceId"],
                             "relationshipName": name})

        if rtype == "AWS::EC2::VPC":
            rid = "vpc-" + self.hexs(17)
            rname = "%s-%s-vpc" % (app, env)
            cidr = "10.%d.0.0/16" % r.randint(0, 255)
            conf = {"vpcId": rid, "cidrBlock": cidr, "state": "available",
                    "isDefault": False, "instanceTenancy": "default"}
        elif rtype == "AWS::EC2::Subnet":
            rid = "subnet-" + self.hexs(17)
            az = region + r.choice("abc")
            vpc = self.pick_from_pool(acct_id, region, "AWS::EC2::VPC")
            rname = "%s-%s-%s" % (app, env, r.choice(["private", "public", "data"]))
            conf = {"subnetId": rid, "availabilityZone": az,
                    "cidrBlock": "10.%d.%d.0/24" % (r.randint(0, 255), r.randint(0, 255)),
                    "mapPublicIpOnLaunch": r.random() < 0.2,
                    "vpcId": vpc["resourceId"] if vpc else None}
            rel(vpc, "Is contained in Vpc")
        elif rtype == "AWS::EC2::SecurityGroup":
            rid = "sg-" + self.hexs(17)
            rname = "%s-%s-sg" % (app, env)
            vpc = self.pick_from_pool(acct_id, region, "AWS::EC2::VPC")
            open_world = r.random() < 0.1
            conf = {"groupId": rid, "groupName": rname,
                    "description": "%s %s security group" % (app, env),
                    "vpcId": vpc["resourceId"] if vpc else None,
                    "ipPermissions": [{"ipProtocol": "tcp", "fromPort": 443, "toPort": 443,
                                       "ipv4Ranges": [{"cidrIp": "0.0.0.0/0" if open_world else "10.0.0.0/8"}]}]}
            rel(vpc, "Is contained in Vpc")
        elif rtype == "AWS::EC2::Instance":
            rid = "i-" + self.hexs(17)
            rname = None
            tags["Name"] = "%s-%s-%02d" % (app, env, r.randint(1, 40))
            sub = self.pick_from_pool(acct_id, region, "AWS::EC2::Subnet")
            az = sub["availabilityZone"] if sub else region + r.choice("abc")
            sg = self.pick_from_pool(acct_id, region, "AWS::EC2::SecurityGroup")
            conf = {"instanceId": rid,
                    "instanceType": r.choice(["t3.micro", "t3.medium", "m6i.large", "m6i.xlarge", "c6g.large", "r6i.2xlarge"]),
                    "imageId": "ami-" + self.hexs(17),
                    "state": {"code": 16, "name": r.choice(["running"] * 9 + ["stopped"])},
                    "privateIpAddress": "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(4, 250)),
                    "subnetId": sub["resourceId"] if sub else None,
                    "metadataOptions": {"httpTokens": r.choice(["required", "required", "optional"])},
                    "launchTime": self.ts(t - dt.timedelta(days=r.randint(1, 400)))}
            rel(sub, "Is contained in Subnet")
            rel(sg, "Is associated with SecurityGroup")
        elif rtype == "AWS::EC2::Volume":
            rid = "vol-" + self.hexs(17)
            inst = self.pick_from_pool(acct_id, region, "AWS::EC2::Instance")
            az = inst["availabilityZone"] if inst else region + r.choice("abc")
            conf = {"volumeId": rid, "size": r.choice([8, 20, 50, 100, 500]),
                    "volumeType": r.choice(["gp3", "gp3", "gp2", "io2"]),
                    "encrypted": r.random() < 0.85, "state": "in-use" if inst else "available",
                    "availabilityZone": az}
            rel(inst, "Is attached to Instance")
        elif rtype == "AWS::S3::Bucket":
            rname = rid = self.unique_name("acme-%s-%s-%s" % (env, app, r.choice(["logs", "data", "assets", "backups", "artifacts", "exports"])))
            arn = "arn:aws:s3:::" + rname
            conf = {"name": rname, "owner": {"id": self.hexs(64)},
                    "creationDate": self.ts(t - dt.timedelta(days=r.randint(30, 1500)))}
            tags.pop("Name", None)
        elif rtype in ("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Policy", "AWS::IAM::Group"):
            item_region = "global"
            kind = rtype.split("::")[2].lower()
            prefix = {"role": "AROA", "user": "AIDA", "policy": "ANPA", "group": "AGPA"}[kind]
            rid = prefix + self.alnum(17, upper=True)
            rname = self.unique_name({
                "role": "%s-%s-%s" % (app, env, r.choice(["task-role", "lambda-exec", "ec2-role", "deploy", "readonly"])),
                "user": "%s.%s" % (r.choice(["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "svc"]), app),
                "policy": "%s-%s-%s" % (app, env, r.choice(["s3-access", "kms-use", "sqs-consume", "ssm-read", "logs-write"])),
                "group": "%s-%s" % (app, r.choice(["admins", "developers", "readers"])),
            }[kind])
            path = r.choice(["", "", "", "service-role/", "app/%s/" % app]) if kind in ("role", "policy") else ""
            arn = "arn:aws:iam::%s:%s/%s%s" % (acct_id, kind, path, rname)
            conf = {"%sName" % kind: rname, "%sId" % kind: rid, "arn": arn,
                    "path": "/" + path, "createDate": self.ts(t - dt.timedelta(days=r.randint(10, 2000)))}
        elif rtype == "AWS::RDS::DBInstance":
            rname = self.unique_name("%s-%s-db" % (app, env))
            rid = "db-" + self.alnum(26, upper=True)
            arn = "arn:aws:rds:%s:%s:db:%s" % (region, acct_id, rname)
            multi = r.random() < 0.5
            az = "Multiple Availability Zones" if multi else region + r.choice("abc")
            conf = {"dBInstanceIdentifier": rname, "dbiResourceId": rid,
                    "engine": r.choice(["postgres", "mysql", "aurora-postgresql"]),
                    "dBInstanceClass": r.choice(["db.t3.medium", "db.r6g.large", "db.m6g.xlarge"]),
                    "multiAZ": multi, "storageEncrypted": r.random() < 0.9,
                    "publiclyAccessible": r.random() < 0.05}
        elif rtype == "AWS::ElasticLoadBalancingV2::LoadBalancer":
            rname = self.unique_name("%s-%s-alb" % (app, env)[:32])
            arn = rid = "arn:aws:elasticloadbalancing:%s:%s:loadbalancer/app/%s/%s" % (region, acct_id, rname, self.hexs(16))
            az = "Multiple Availability Zones"
            conf = {"loadBalancerName": rname, "scheme": r.choice(["internet-facing", "internal"]),
                    "type": "application"}
        elif rtype == "AWS::ElasticLoadBalancingV2::TargetGroup":
            rname = self.unique_name("%s-%s-tg" % (app, env)[:32])
            arn = rid = "arn:aws:elasticloadbalancing:%s:%s:targetgroup/%s/%s" % (region, acct_id, rname, self.hexs(16))
            conf = {"targetGroupName": rname, "protocol": "HTTP", "port": 8080, "targetType": "ip"}
        elif rtype == "AWS::ElasticLoadBalancingV2::Listener":
            lb = self.pick_from_pool(acct_id, region, "AWS::ElasticLoadBalancingV2::LoadBalancer")
            lbname = lb["resourceName"] if lb else self.unique_name("%s-%s-alb" % (app, env))
            lbhash = lb["resourceId"].rsplit("/", 1)[1] if lb else self.hexs(16)
            arn = rid = "arn:aws:elasticloadbalancing:%s:%s:listener/app/%s/%s/%s" % (region, acct_id, lbname, lbhash, self.hexs(16))
            conf = {"protocol": r.choice(["HTTPS", "HTTPS", "HTTP"]), "port": 443}
            rel(lb, "Is attached to LoadBalancer")
        elif rtype == "AWS::ECS::Service":
            cl = self.pick_from_pool(acct_id, region, "AWS::ECS::Cluster")
            clname = cl["resourceName"] if cl else "%s-%s" % (app, env)
            rname = self.unique_name("%s-%s" % (app, r.choice(["api", "worker", "web", "scheduler"])))
            arn = "arn:aws:ecs:%s:%s:service/%s/%s" % (region, acct_id, clname, rname)
            rid = arn
            conf = {"serviceName": rname, "launchType": "FARGATE", "desiredCount": r.randint(1, 6)}
            rel(cl, "Is contained in Cluster")
        elif rtype == "AWS::ECS::TaskDefinition":
            fam = "%s-%s" % (app, r.choice(["api", "worker", "web", "migrate"]))
            rev = r.randint(1, 120)
            rname = self.unique_name("%s:%d" % (fam, rev))
            arn = "arn:aws:ecs:%s:%s:task-definition/%s" % (region, acct_id, rname)
            rid = arn
            conf = {"family": fam, "revision": rev, "networkMode": "awsvpc",
                    "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "1024"}
        elif rtype == "AWS::ACM::Certificate":
            rid = self.uuid4()
            arn = "arn:aws:acm:%s:%s:certificate/%s" % (region, acct_id, rid)
            rname = "%s.%s.example.com" % (app, env)
            conf = {"domainName": rname, "status": "ISSUED", "type": "AMAZON_ISSUED",
                    "keyAlgorithm": "RSA-2048"}
        elif rtype == "AWS::ApiGateway::Stage":
            api = self.pick_from_pool(acct_id, region, "AWS::ApiGateway::RestApi")
            apiid = api["resourceId"] if api else self.alnum(10)
            stage = r.choice(["prod", "v1", "v2", "beta", "test"])
            arn = "arn:aws:apigateway:%s::/restapis/%s/stages/%s" % (region, apiid, stage)
            while arn in self.arns:
                stage += "x"
                arn = "arn:aws:apigateway:%s::/restapis/%s/stages/%s" % (region, apiid, stage)
            rid = arn
            rname = stage
            conf = {"stageName": stage, "restApiId": apiid, "tracingEnabled": r.random() < 0.4}
            rel(api, "Is contained in RestApi")
        elif rtype == "AWS::AutoScaling::AutoScalingGroup":
            rname = self.unique_name("%s-%s-asg" % (app, env))
            arn = "arn:aws:autoscaling:%s:%s:autoScalingGroup:%s:autoScalingGroupName/%s" % (region, acct_id, self.uuid4(), rname)
            rid = arn
            az = "Multiple Availability Zones"
            conf = {"autoScalingGroupName": rname, "minSize": 1, "maxSize": r.randint(2, 12)}
        elif rtype == "AWS::CloudFormation::Stack":
            rname = self.unique_name("%s-%s-stack" % (app, env))
            arn = "arn:aws:cloudformation:%s:%s:stack/%s/%s" % (region, acct_id, rname, self.uuid4())
            rid = arn
            conf = {"stackName": rname, "stackStatus": r.choice(["CREATE_COMPLETE", "UPDATE_COMPLETE"])}
        elif rtype == "AWS::OpenSearch::Domain":
            rname = self.unique_name("%s-%s-search" % (app, env))[:28]
            arn = "arn:aws:es:%s:%s:domain/%s" % (region, acct_id, rname)
            rid = "%s/%s" % (acct_id, rname)
            conf = {"domainName": rname, "engineVersion": "OpenSearch_2.11",
                    "encryptionAtRestOptions": {"enabled": True}}
        elif rtype == "AWS::WAFv2::WebACL":
            rname = self.unique_name("%s-%s-waf" % (app, env))
            rid = self.uuid4()
            arn = "arn:aws:wafv2:%s:%s:regional/webacl/%s/%s" % (region, acct_id, rname, rid)
            conf = {"name": rname, "id": rid, "defaultAction": {"allow": {}}}
        else:
            tmpl = self.tmpl.get(rtype)
            if not tmpl:
                raise SystemExit("gen_sample_snapshot: no ARN recipe for %s" % rtype)
            arn, rid, rname = self.fill_template(tmpl, rtype, region, acct_id, app, env)
            if tmpl.startswith("arn:${Partition}:iam::"):
                item_region = "global"
            conf = {"arn": arn}
            if rname:
                conf["name"] = rname
            if rid and rid != rname:
                conf["id"] = rid
            # a couple of type-specific flavours for the popular ones
            if rtype == "AWS::KMS::Key":
                conf.update({"keyManager": "CUSTOMER", "keyState": "Enabled",
                             "keyRotationEnabled": r.random() < 0.7, "keySpec": "SYMMETRIC_DEFAULT"})
            elif rtype == "AWS::Lambda::Function":
                conf.update({"runtime": r.choice(["python3.12", "nodejs20.x", "java21", "provided.al2023"]),
                             "memorySize": r.choice([128, 256, 512, 1024]), "timeout": r.choice([3, 30, 60, 900])})
            elif rtype == "AWS::DynamoDB::Table":
                conf.update({"tableStatus": "ACTIVE",
                             "billingModeSummary": {"billingMode": r.choice(["PAY_PER_REQUEST", "PROVISIONED"])},
                             "sSEDescription": {"status": "ENABLED"} if r.random() < 0.6 else None})
            elif rtype == "AWS::CloudTrail::Trail":
                conf.update({"isMultiRegionTrail": True, "logFileValidationEnabled": r.random() < 0.8,
                             "s3BucketName": "acme-%s-cloudtrail" % env})
            elif rtype == "AWS::CloudWatch::Alarm":
                conf.update({"metricName": r.choice(["CPUUtilization", "5XXError", "Errors", "Throttles", "FreeStorageSpace"]),
                             "comparisonOperator": "GreaterThanThreshold", "threshold": r.choice([80, 90, 1, 5])})
            elif rtype == "AWS::SQS::Queue":
                conf.update({"sqsManagedSseEnabled": r.random() < 0.8})
            if rtype == "AWS::SQS::Queue":
                rid = "https://sqs.%s.amazonaws.com/%s/%s" % (region, acct_id, rname)
            if rtype in ("AWS::SNS::Topic",):
                rid = arn

        if arn is None:
            # hand-made id (EC2 network types): put it into the type's template
            tmpl = self.tmpl[rtype]
            arn = TEMPLATE_RE.sub(lambda m: {"Partition": "aws", "Region": region,
                                             "Account": acct_id}.get(m.group(1), rid), tmpl)
        if arn is not None:
            if arn in self.arns:
                return None     # collision: caller retries
            self.arns.add(arn)
        if rid is None:
            rid = rname or arn
        if rtype in ZONAL and az == "Not Applicable":
            az = region + r.choice("abc")

        item = {
            "relatedEvents": [],
            "relationships": rels,
            "configuration": conf,
            "supplementaryConfiguration": {},
            "tags": tags,
            "configurationItemVersion": "1.3",
            "configurationItemCaptureTime": self.ts(t),
            "configurationStateId": int(t.timestamp() * 1000),
            "awsAccountId": acct_id,
            "configurationItemStatus": status or r.choice(["OK"] * 4 + ["ResourceDiscovered"]),
            "resourceType": rtype,
            "resourceId": rid,
            "resourceName": rname,
            "ARN": arn,
            "awsRegion": item_region,
            "availabilityZone": az,
            "configurationStateMd5Hash": "",
            "resourceCreationTime": self.ts(t - dt.timedelta(days=r.randint(1, 900))),
        }
        if rname is None:
            item["resourceName"] = tags.get("Name", rid)
        self.pool.setdefault((acct_id, region, rtype), []).append(
            {k: item[k] for k in ("resourceType", "resourceId", "resourceName", "availabilityZone")})
        return item

    def make_no_arn(self, rtype):
        """Items AWS Config records without an ARN (compliance / inventory)."""
        r = self.r
        acct_id, acct_name, env = r.choice(self.accounts)
        region = self.pick_region()
        t = self.capture_time()
        inst = self.pick_from_pool(acct_id, region, "AWS::EC2::Instance")
        iid = inst["resourceId"] if inst else "i-" + self.hexs(17)
        if rtype == "AWS::Config::ResourceCompliance":
            target = inst or {"resourceType": "AWS::EC2::Instance", "resourceId": iid}
            rid = "%s/%s" % (target["resourceType"], target["resourceId"])
            conf = {"complianceType": r.choice(["COMPLIANT", "NON_COMPLIANT"]),
                    "targetResourceId": target["resourceId"],
                    "targetResourceType": target["resourceType"],
                    "configRuleList": [{"configRuleName": r.choice(["ec2-imdsv2-check", "encrypted-volumes", "restricted-ssh"]),
                                        "complianceType": "COMPLIANT"}]}
            rels = [{"resourceType": target["resourceType"], "resourceId": target["resourceId"],
                     "relationshipName": "Is associated with %s" % target["resourceType"].split("::")[2]}]
        else:
            rid = iid
            conf = ({"AWS:InstanceInformation": {"Content": {iid: {"PlatformName": "Amazon Linux", "AgentVersion": "3.3.40.0"}}}}
                    if rtype == "AWS::SSM::ManagedInstanceInventory"
                    else {"AWS:ComplianceItem": {"ComplianceType": "Patch", "Status": r.choice(["COMPLIANT", "NON_COMPLIANT"])}})
            rels = [{"resourceType": "AWS::EC2::Instance", "resourceId": iid,
                     "relationshipName": "Is associated with Instance"}]
        return {
            "relatedEvents": [], "relationships": rels, "configuration": conf,
            "supplementaryConfiguration": {}, "tags": {},
            "configurationItemVersion": "1.3",
            "configurationItemCaptureTime": self.ts(t),
            "configurationStateId": int(t.timestamp() * 1000),
            "awsAccountId": acct_id,
            "configurationItemStatus": "OK",
            "resourceType": rtype, "resourceId": rid, "resourceName": rid,
            "awsRegion": region, "availabilityZone": "Not Applicable",
            "configurationStateMd5Hash": "",
        }

    def make_unknown(self, rtype):
        r = self.r
        acct_id, acct_name, env = r.choice(self.accounts)
        region = self.pick_region()
        t = self.capture_time()
        svc, res = {"AWS::Made::Up": ("madeup", "thing"),
                    "Custom::Widget": ("widget", "widget"),
                    "AWS::Future::Thing": ("future", "thing")}[rtype]
        rid = "%s-%s" % (res, self.alnum(12))
        arn = "arn:aws:%s:%s:%s:%s/%s" % (svc, region, acct_id, res, rid)
        self.arns.add(arn)
        app = r.choice(APPS)
        return {
            "relatedEvents": [], "relationships": [],
            "configuration": {"id": rid, "flavour": r.choice(["vanilla", "mint"])},
            "supplementaryConfiguration": {},
            "tags": self.tags(acct_name, env, app),
            "configurationItemVersion": "1.3",
            "configurationItemCaptureTime": self.ts(t),
            "configurationStateId": int(t.timestamp() * 1000),
            "awsAccountId": acct_id,
            "configurationItemStatus": "ResourceDiscovered",
            "resourceType": rtype, "resourceId": rid, "resourceName": rid,
            "ARN": arn, "awsRegion": region, "availabilityZone": "Not Applicable",
            "configurationStateMd5Hash": "",
        }

    # ---- whole snapshot ---------------------------------------------------
    def type_plan(self, n):
        """List of resource types to generate, network first."""
        r = self.r
        common = list(COMMON)
        tail_candidates = sorted(
            t for t in self.cfg
            if t in self.tmpl and t not in COMMON and t.startswith("AWS::")
            and t not in NO_ARN_TYPES)
        tail = r.sample(tail_candidates, LONG_TAIL_TYPES)
        weights = dict(COMMON)
        for t in tail:
            weights[t] = LONG_TAIL_WEIGHT
        types = common + tail
        # every type at least once, the rest weighted
        plan = list(types)
        plan += r.choices(types, [weights[t] for t in types], k=max(0, n - len(plan)))
        plan = plan[:n]
        order = ["AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::SecurityGroup",
                 "AWS::EC2::Instance", "AWS::ECS::Cluster", "AWS::ApiGateway::RestApi",
                 "AWS::ElasticLoadBalancingV2::LoadBalancer"]
        plan.sort(key=lambda t: order.index(t) if t in order else len(order))
        return plan

    def snapshot(self):
        """Build the snapshot.  Returns (snapshot id, items, stats): items are
        the items' JSON texts (indent 1, in file order), so that a large
        snapshot is held as text rather than as Python objects."""
        r = self.r
        n = self.nitems
        n_noarn = max(1, round(n * 0.01))
        n_unknown = max(1, round(n * 0.01))
        n_dup = max(1, min(8, n // 400 + 1))
        n_main = n - n_noarn - n_unknown - n_dup
        items = []              # [json text, may be duplicated]

        def keep(it, dup_candidate):
            items.append([json.dumps(it, indent=1), dup_candidate])

        # VPCs for every account x region first, so relationships resolve
        # (for the first n // 100 accounts when there are many)
        for acct in self.accounts[:max(3, min(len(self.accounts), n // 100))]:
            for reg, _ in REGIONS:
                keep(self.make("AWS::EC2::VPC", acct=acct, region=reg), True)
        plan = self.type_plan(n_main - len(items))
        for rtype in plan:
            it = None
            while it is None:
                it = self.make(rtype)
            keep(it, True)
        for i in range(n_noarn):
            keep(self.make_no_arn(NO_ARN_TYPES[i % len(NO_ARN_TYPES)]), False)
        for i in range(n_unknown):
            keep(self.make_unknown(UNKNOWN_TYPES[i % len(UNKNOWN_TYPES)]), False)
        self.pool = None
        r.shuffle(items)
        # duplicates: same resource later in the file with a newer capture time
        with_arn = [it for it in items if it[1]]
        dups = []
        for src in r.sample(with_arn, n_dup):
            d = json.loads(src[0])
            newer = dt.datetime.strptime(d["configurationItemCaptureTime"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)
            newer += dt.timedelta(hours=r.randint(1, 48))
            d["configurationItemCaptureTime"] = self.ts(newer)
            d["configurationStateId"] = int(newer.timestamp() * 1000)
            d["configurationItemStatus"] = "OK"
            dups.append(json.dumps(d, indent=1))
        del with_arn
        texts = [it[0] for it in items]
        del items
        texts += dups
        # alternative key spelling on ~15% (all three keys together); at
        # indent 1 a top-level key is the only one after a newline and one space
        n_alt = 0
        stats = {"accounts": set(), "regions": set(), "types": set(), "no_arn": 0}
        for i, t in enumerate(texts):
            if r.random() < 0.15:
                n_alt += 1
                for old, new in (("awsAccountId", "accountId"), ("ARN", "arn"), ("awsRegion", "region")):
                    t = t.replace('\n "%s": ' % old, '\n "%s": ' % new)
                texts[i] = t
            stats["accounts"].add(ACCOUNT_RE.search(t).group(1))
            stats["regions"].add(REGION_RE.search(t).group(1))
            stats["types"].add(TYPE_RE.search(t).group(1))
            if ARN_RE.search(t) is None:
                stats["no_arn"] += 1
        # a duplicate keeps its own spelling; fine either way for srm
        snapshot_id = str(uuid.UUID(int=r.getrandbits(128), version=4))
        stats = {
            "items": len(texts),
            "accounts": len(stats["accounts"]),
            "regions": sorted(stats["regions"]),
            "types": len(stats["types"]),
            "known_types": len({t for t in stats["types"] if t in self.cfg}),
            "alt_spelling": n_alt,
            "no_arn": stats["no_arn"],
            "unknown_type": sum(1 for t in texts if TYPE_RE.search(t).group(1) not in self.cfg),
            "duplicates": n_dup,
        }
        return snapshot_id, texts, stats


# top-level keys of an item's text at indent 1 (values are JSON strings
# without escapes: ids, regions and type names)
ACCOUNT_RE = re.compile(r'\n "(?:awsAccountId|accountId)": "([^"]*)"')
REGION_RE = re.compile(r'\n "(?:awsRegion|region)": "([^"]*)"')
TYPE_RE = re.compile(r'\n "resourceType": "([^"]*)"')
ARN_RE = re.compile(r'\n "(?:ARN|arn)": ')


def write_snapshot(f, snapshot_id, texts):
    """Write what json.dumps(snapshot, indent=1) + newline would, item by item."""
    f.write('{\n "fileVersion": "1.0",\n "configSnapshotId": %s,\n "configurationItems": [' % json.dumps(snapshot_id))
    sep = "\n"
    for t in texts:
        f.write(sep)
        f.write("  " + t.replace("\n", "\n  "))
        sep = ",\n"
    f.write("\n ]\n}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output file ('-' for stdout)")
    ap.add_argument("--items", type=int, default=3000, help="number of configuration items (default 3000, minimum 150)")
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--accounts", type=int, default=3, help="number of accounts the items are spread over (default 3)")
    ap.add_argument("--chunk", type=int, default=0,
                    help="write files of at most this many items: OUT-001.json, OUT-002.json, ... (default: one file)")
    a = ap.parse_args()
    if a.items < 150:
        ap.error("--items must be at least 150 (every type appears at least once)")
    if a.accounts < 1 or a.accounts > 1000000:
        ap.error("--accounts must be between 1 and 1000000")
    if a.chunk < 0:
        ap.error("--chunk must be positive")
    if a.chunk and a.out == "-":
        ap.error("--chunk needs a file name for --out, not '-'")
    snapshot_id, texts, st = Gen(a.seed, a.items, a.accounts).snapshot()
    outs = []
    if a.out == "-":
        write_snapshot(sys.stdout, snapshot_id, texts)
    elif not a.chunk:
        with open(a.out, "w") as f:
            write_snapshot(f, snapshot_id, texts)
        outs.append(a.out)
    else:
        stem, ext = os.path.splitext(a.out)
        for k, i in enumerate(range(0, len(texts), a.chunk)):
            outs.append("%s-%03d%s" % (stem, k + 1, ext or ".json"))
            with open(outs[-1], "w") as f:
                write_snapshot(f, snapshot_id, texts[i:i + a.chunk])
    print("gen_sample_snapshot: items=%d accounts=%d regions=%s types=%d (known %d) "
          "alt_spelling=%d no_arn=%d unknown_type=%d duplicates=%d seed=%d out=%s"
          % (st["items"], st["accounts"], ",".join(st["regions"]), st["types"], st["known_types"],
             st["alt_spelling"], st["no_arn"], st["unknown_type"], st["duplicates"], a.seed,
             ",".join(outs) or a.out),
          file=sys.stderr)


if __name__ == "__main__":
    main()
