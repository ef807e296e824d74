#!/usr/bin/env python3
"""Generate the Azure and Google Cloud part of srm's sample inventory.

The AWS part is tools/sample/gen_sample_snapshot.py (an AWS Config
snapshot).  This writes, deterministically, what the two other clouds'
inventory tools write for a made-up customer:

  --azure OUT.json   the output of `az graph query -q "Resources" -o json`
                     (Azure Resource Graph): {"count": N, "data": [rows]},
                     each row with id, name, type (lower case, as Resource
                     Graph writes it), tenantId, kind, location,
                     resourceGroup, subscriptionId, managedBy, sku, plan,
                     properties, tags, identity, zones, extendedLocation;
                     two subscriptions.
  --gcp OUT.jsonl    the output of `gcloud asset export
                     --content-type=resource` (Cloud Asset Inventory): one
                     JSON object a line, {name, asset_type, resource:
                     {version, discovery_document_uri, discovery_name,
                     parent, data, location}, ancestors, update_time}; two
                     projects.
  --sql OUT.sql      the same assets as rows of srm.asset, as the loaders
                     store them (provider azure: account the subscription
                     id, resource id the ARM id, both in lower case,
                     configuration the resource's properties; provider gcp:
                     account the project id, resource id the full resource
                     name, configuration the resource's data), resolved to
                     srm's resource types and services by the database
                     itself, for tests that run before (or without) the
                     loaders srm.load_resource_graph and
                     srm.load_asset_inventory.  It runs in psql against a
                     database with srm installed and inserts one
                     srm.asset_load row per provider.

About 200 Azure resources and 200 Google Cloud assets of the common types
(VMs with each patch mode, disks, NICs, virtual networks, NSGs, SQL
servers and databases, storage accounts, key vaults, AKS, App Service;
Compute Engine instances, disks, networks, firewalls, GKE clusters of which
one is Autopilot, Cloud SQL, buckets, service accounts, KMS, Pub/Sub,
BigQuery), plus a few of types srm does not place (kept as unknown).
Standard library only; the same arguments give byte-identical files.

Usage:
    tools/sample/gen_sample_multicloud.py [--azure OUT.json] [--gcp OUT.jsonl] [--sql OUT.sql]
        [--seed 42] [--scale 1]
"""

import argparse
import datetime as dt
import json
import random
import sys
import uuid

TENANT = "7c1a0f3e-5d2b-4e8a-9f61-2b3c4d5e6f70"
SUBSCRIPTIONS = [
    # (subscription id as Azure writes it, name, env)
    ("3F2A9C1E-7B4D-4E8F-A1C2-5D6E7F809A1B", "acme-azure-prod", "prod"),
    ("9B8C7D6E-5F4A-4B3C-8D2E-1F0A9B8C7D6E", "acme-azure-dev", "dev"),
]
AZ_LOCATIONS = ["westeurope", "northeurope", "eastus"]
PROJECTS = [
    # (project id, project number, env)
    ("acme-analytics-prod", "418273645019", "prod"),
    ("acme-web-staging", "902817364552", "staging"),
]
GCP_REGIONS = ["europe-west1", "us-central1"]
ORG = "organizations/558812340001"
FOLDER = "folders/771203948812"
APPS = ["payments", "orders", "catalog", "auth", "search", "analytics", "web", "etl"]

# Azure: (ARM type, provider namespace prefix for the id, weight per scale)
AZURE_PLAN = [
    ("Microsoft.Compute/virtualMachines", 30),
    ("Microsoft.Compute/disks", 30),
    ("Microsoft.Network/networkInterfaces", 20),
    ("Microsoft.Network/virtualNetworks", 6),
    ("Microsoft.Network/networkSecurityGroups", 12),
    ("Microsoft.Network/publicIPAddresses", 6),
    ("Microsoft.Sql/servers", 4),
    ("Microsoft.Sql/servers/databases", 12),
    ("Microsoft.Storage/storageAccounts", 16),
    ("Microsoft.KeyVault/vaults", 8),
    ("Microsoft.ContainerService/managedClusters", 4),
    ("Microsoft.Web/serverfarms", 4),
    ("Microsoft.Web/sites", 10),
    ("Microsoft.DBforPostgreSQL/flexibleServers", 4),
    ("Microsoft.OperationalInsights/workspaces", 2),
    ("Microsoft.ManagedIdentity/userAssignedIdentities", 6),
    # a type srm does not place: kept as an unknown asset
    ("Microsoft.Maintenance/maintenanceConfigurations", 2),
    ("Microsoft.Logic/workflows", 2),
]
GCP_PLAN = [
    ("compute.googleapis.com/Instance", 36),
    ("compute.googleapis.com/Disk", 36),
    ("compute.googleapis.com/Network", 4),
    ("compute.googleapis.com/Subnetwork", 8),
    ("compute.googleapis.com/Firewall", 16),
    ("container.googleapis.com/Cluster", 4),
    ("container.googleapis.com/NodePool", 6),
    ("sqladmin.googleapis.com/Instance", 8),
    ("storage.googleapis.com/Bucket", 24),
    ("iam.googleapis.com/ServiceAccount", 16),
    ("cloudkms.googleapis.com/KeyRing", 4),
    ("cloudkms.googleapis.com/CryptoKey", 8),
    ("pubsub.googleapis.com/Topic", 10),
    ("pubsub.googleapis.com/Subscription", 10),
    ("bigquery.googleapis.com/Dataset", 6),
    # types srm does not place
    ("osconfig.googleapis.com/OSPolicyAssignment", 2),
    ("networkconnectivity.googleapis.com/Hub", 2),
]


class Gen:
    def __init__(self, seed, scale):
        self.r = random.Random(seed)
        self.scale = scale
        self.t0 = dt.datetime(2026, 11, 20, 6, 0, 0, tzinfo=dt.timezone.utc)
        self.used = set()

    def name(self, stem):
        for i in range(1, 1000):
            n = "%s-%02d" % (stem, i)
            if n not in self.used:
                self.used.add(n)
                return n
        raise RuntimeError(stem)

    def ts(self):
        t = self.t0 + dt.timedelta(seconds=self.r.randrange(0, 6 * 86400))
        return t

    # ---- Azure -------------------------------------------------------------
    def azure_rows(self):
        rows = []
        by_type = {}
        for rtype, weight in AZURE_PLAN:
            for i in range(weight * self.scale):
                sub, sub_name, env = SUBSCRIPTIONS[i % len(SUBSCRIPTIONS)]
                app = APPS[self.r.randrange(len(APPS))]
                loc = AZ_LOCATIONS[self.r.randrange(len(AZ_LOCATIONS))]
                rg = "rg-%s-%s" % (app, env)
                rows.append(self.azure_row(rtype, sub, env, app, loc, rg, by_type))
                by_type.setdefault(rtype, []).append(rows[-1])
        return rows

    def azure_row(self, rtype, sub, env, app, loc, rg, by_type):
        ns, path = rtype.split("/", 1)
        parts = path.split("/")
        kind = None
        sku = None
        identity = None
        zones = None
        managed_by = ""
        props = {"provisioningState": "Succeeded"}
        if len(parts) == 1:
            short = {"virtualMachines": "vm", "disks": "disk", "networkInterfaces": "nic",
                     "virtualNetworks": "vnet", "networkSecurityGroups": "nsg", "publicIPAddresses": "pip",
                     "servers": "sql", "storageAccounts": "st", "vaults": "kv", "managedClusters": "aks",
                     "serverfarms": "plan", "sites": "app", "flexibleServers": "psql", "workspaces": "log",
                     "userAssignedIdentities": "id", "maintenanceConfigurations": "mc", "workflows": "logic"}[parts[0]]
            name = self.name("%s-%s-%s" % (short, app, env))
            if parts[0] == "storageAccounts":
                name = name.replace("-", "")[:24]
            rid = "/subscriptions/%s/resourceGroups/%s/providers/%s/%s/%s" % (sub.lower(), rg, ns, parts[0], name)
        else:
            # a database of one of this subscription's SQL servers
            servers = [x for x in by_type.get("Microsoft.Sql/servers", []) if x["subscriptionId"] == sub.lower()]
            server = servers[self.r.randrange(len(servers))]
            name = self.name("sqldb-%s" % app)
            rid = "%s/databases/%s" % (server["id"], name)
            rg = server["resourceGroup"]
            loc = server["location"]
            sku = {"name": "GP_Gen5", "tier": "GeneralPurpose", "family": "Gen5", "capacity": 2}
            kind = "v12.0,user,vcore"
            managed_by = server["id"]
            props.update({"status": "Online", "collation": "SQL_Latin1_General_CP1_CI_AS",
                          "maxSizeBytes": 34359738368, "zoneRedundant": False,
                          "currentServiceObjectiveName": "GP_Gen5_2"})
        if rtype == "Microsoft.Compute/virtualMachines":
            linux = self.r.random() < 0.7
            mode = self.r.choice(["AutomaticByPlatform", "ImageDefault", "AutomaticByPlatform", "Manual"] if not linux
                                 else ["AutomaticByPlatform", "ImageDefault", "ImageDefault"])
            if not linux and mode == "ImageDefault":
                mode = "AutomaticByOS"
            os_profile = {"computerName": name, "adminUsername": "azureuser"}
            if linux:
                os_profile["linuxConfiguration"] = {"disablePasswordAuthentication": True,
                                                    "patchSettings": {"patchMode": mode, "assessmentMode": "ImageDefault"}}
            else:
                os_profile["windowsConfiguration"] = {"enableAutomaticUpdates": mode != "Manual",
                                                      "patchSettings": {"patchMode": mode, "assessmentMode": "ImageDefault"}}
            props.update({"vmId": str(uuid.UUID(int=self.r.getrandbits(128), version=4)),
                          "hardwareProfile": {"vmSize": self.r.choice(["Standard_D2s_v5", "Standard_B2ms", "Standard_E4s_v5"])},
                          "storageProfile": {"osDisk": {"osType": "Linux" if linux else "Windows", "createOption": "FromImage",
                                                        "managedDisk": {"storageAccountType": "Premium_LRS"}},
                                             "imageReference": {"publisher": "Canonical" if linux else "MicrosoftWindowsServer",
                                                                "offer": "0001-com-ubuntu-server-jammy" if linux else "WindowsServer",
                                                                "sku": "22_04-lts-gen2" if linux else "2022-datacenter-azure-edition",
                                                                "version": "latest"}},
                          "osProfile": os_profile})
            zones = [str(self.r.randrange(1, 4))]
        elif rtype == "Microsoft.Compute/disks":
            sku = {"name": "Premium_LRS", "tier": "Premium"}
            props.update({"diskSizeGB": self.r.choice([32, 64, 128, 256]), "diskState": "Attached",
                          "encryption": {"type": "EncryptionAtRestWithPlatformKey"}})
        elif rtype == "Microsoft.Storage/storageAccounts":
            kind = "StorageV2"
            sku = {"name": self.r.choice(["Standard_LRS", "Standard_GRS", "Standard_ZRS"]), "tier": "Standard"}
            props.update({"supportsHttpsTrafficOnly": True, "minimumTlsVersion": "TLS1_2",
                          "allowBlobPublicAccess": self.r.random() < 0.1,
                          "encryption": {"keySource": self.r.choice(["Microsoft.Storage", "Microsoft.Storage", "Microsoft.Keyvault"]),
                                         "services": {"blob": {"enabled": True}, "file": {"enabled": True}}}})
        elif rtype == "Microsoft.KeyVault/vaults":
            props.update({"tenantId": TENANT, "sku": {"family": "A", "name": "standard"},
                          "enableSoftDelete": True, "enablePurgeProtection": self.r.random() < 0.5,
                          "enableRbacAuthorization": True})
        elif rtype == "Microsoft.Network/networkSecurityGroups":
            props.update({"securityRules": [{"name": "allow-https", "properties": {
                "protocol": "Tcp", "destinationPortRange": "443", "access": "Allow", "direction": "Inbound",
                "priority": 100, "sourceAddressPrefix": "*"}}]})
        elif rtype == "Microsoft.ContainerService/managedClusters":
            identity = {"type": "SystemAssigned"}
            sku = {"name": "Base", "tier": "Standard"}
            props.update({"kubernetesVersion": "1.30.5", "dnsPrefix": name,
                          "agentPoolProfiles": [{"name": "system", "count": 3, "vmSize": "Standard_D4s_v5", "mode": "System"}]})
        elif rtype == "Microsoft.Web/sites":
            kind = "app,linux"
            props.update({"state": "Running", "httpsOnly": True, "siteConfig": {"linuxFxVersion": "NODE|20-lts"}})
        elif rtype == "Microsoft.Sql/servers":
            kind = "v12.0"
            props.update({"version": "12.0", "publicNetworkAccess": "Disabled", "minimalTlsVersion": "1.2"})
        return {
            "id": rid,
            "name": name,
            "type": rtype.lower(),
            "tenantId": TENANT,
            "kind": kind or "",
            "location": loc,
            "resourceGroup": rg.lower(),
            "subscriptionId": sub.lower(),
            "managedBy": managed_by,
            "sku": sku,
            "plan": None,
            "properties": props,
            "tags": {"app": app, "env": env, "owner": "team-%s" % app},
            "identity": identity,
            "zones": zones,
            "extendedLocation": None,
        }

    # ---- Google Cloud ------------------------------------------------------
    def gcp_assets(self):
        out = []
        autopilot_done = False
        for atype, weight in GCP_PLAN:
            for i in range(weight * self.scale):
                project, number, env = PROJECTS[i % len(PROJECTS)]
                app = APPS[self.r.randrange(len(APPS))]
                region = GCP_REGIONS[self.r.randrange(len(GCP_REGIONS))]
                zone = region + "-" + self.r.choice("bcd")
                a = self.gcp_asset(atype, project, number, env, app, region, zone, not autopilot_done)
                if atype == "container.googleapis.com/Cluster" and a["resource"]["data"].get("autopilot", {}).get("enabled"):
                    autopilot_done = True
                out.append(a)
        return out

    def gcp_asset(self, atype, project, number, env, app, region, zone, want_autopilot):
        service, kind = atype.split("/")
        api = service.split(".")[0]
        data = {}
        location = region
        labels = {"app": app, "env": env}
        if atype == "compute.googleapis.com/Instance":
            n = self.name("vm-%s-%s" % (app, env))
            path = "projects/%s/zones/%s/instances/%s" % (project, zone, n)
            location = zone
            data = {"name": n, "id": str(self.r.getrandbits(62)), "status": "RUNNING",
                    "machineType": "https://www.googleapis.com/compute/v1/projects/%s/zones/%s/machineTypes/%s"
                                   % (project, zone, self.r.choice(["e2-standard-2", "n2-standard-4"])),
                    "zone": "https://www.googleapis.com/compute/v1/projects/%s/zones/%s" % (project, zone),
                    "disks": [{"boot": True, "source": "https://www.googleapis.com/compute/v1/projects/%s/zones/%s/disks/%s" % (project, zone, n)}],
                    "shieldedInstanceConfig": {"enableSecureBoot": self.r.random() < 0.6, "enableVtpm": True},
                    "labels": labels}
        elif atype == "compute.googleapis.com/Disk":
            n = self.name("disk-%s-%s" % (app, env))
            path = "projects/%s/zones/%s/disks/%s" % (project, zone, n)
            location = zone
            data = {"name": n, "sizeGb": str(self.r.choice([10, 50, 100, 200])), "status": "READY",
                    "type": "https://www.googleapis.com/compute/v1/projects/%s/zones/%s/diskTypes/pd-balanced" % (project, zone),
                    "labels": labels}
        elif atype == "compute.googleapis.com/Network":
            n = self.name("vpc-%s" % env)
            path = "projects/%s/global/networks/%s" % (project, n)
            location = "global"
            data = {"name": n, "autoCreateSubnetworks": False, "routingConfig": {"routingMode": "GLOBAL"}}
        elif atype == "compute.googleapis.com/Subnetwork":
            n = self.name("subnet-%s-%s" % (app, env))
            path = "projects/%s/regions/%s/subnetworks/%s" % (project, region, n)
            data = {"name": n, "ipCidrRange": "10.%d.%d.0/24" % (self.r.randrange(256), self.r.randrange(256)),
                    "privateIpGoogleAccess": True}
        elif atype == "compute.googleapis.com/Firewall":
            n = self.name("fw-allow-%s" % app)
            path = "projects/%s/global/firewalls/%s" % (project, n)
            location = "global"
            data = {"name": n, "direction": "INGRESS", "priority": 1000,
                    "allowed": [{"IPProtocol": "tcp", "ports": ["443"]}], "sourceRanges": ["0.0.0.0/0"]}
        elif atype == "container.googleapis.com/Cluster":
            n = self.name("gke-%s-%s" % (app, env))
            path = "projects/%s/locations/%s/clusters/%s" % (project, region, n)
            data = {"name": n, "status": "RUNNING", "currentMasterVersion": "1.30.5-gke.1014001",
                    "autopilot": {"enabled": True} if want_autopilot else {},
                    "releaseChannel": {"channel": "REGULAR"}, "location": region,
                    "resourceLabels": labels}
        elif atype == "container.googleapis.com/NodePool":
            n = self.name("pool-%s" % app)
            path = "projects/%s/locations/%s/clusters/gke-%s-%s-01/nodePools/%s" % (project, region, app, env, n)
            data = {"name": n, "status": "RUNNING", "config": {"machineType": "e2-standard-4", "imageType": "COS_CONTAINERD"},
                    "management": {"autoUpgrade": True, "autoRepair": True}}
        elif atype == "sqladmin.googleapis.com/Instance":
            n = self.name("pg-%s-%s" % (app, env))
            path = "projects/%s/instances/%s" % (project, n)
            data = {"name": n, "databaseVersion": "POSTGRES_15", "state": "RUNNABLE", "region": region,
                    "settings": {"tier": "db-custom-2-7680", "availabilityType": "REGIONAL", "userLabels": labels,
                                 "maintenanceWindow": {"day": 7, "hour": 3}}}
            # Cloud Asset Inventory names Cloud SQL instances under cloudsql.googleapis.com
            return self.gcp_wrap("//cloudsql.googleapis.com/" + path, atype, "v1beta4", "DatabaseInstance",
                                 "https://sqladmin.googleapis.com/$discovery/rest", project, number, data, region)
        elif atype == "storage.googleapis.com/Bucket":
            n = self.name("%s-%s-%s" % (project, app, "data"))
            path = n
            location = self.r.choice(["EU", "US", "europe-west1"]).lower()
            data = {"name": n, "location": location.upper(), "storageClass": "STANDARD",
                    "iamConfiguration": {"uniformBucketLevelAccess": {"enabled": True}, "publicAccessPrevention": "enforced"},
                    "labels": labels}
        elif atype == "iam.googleapis.com/ServiceAccount":
            n = self.name("sa-%s" % app)
            email = "%s@%s.iam.gserviceaccount.com" % (n, project)
            path = "projects/%s/serviceAccounts/%s" % (project, email)
            location = "global"
            data = {"email": email, "name": path, "projectId": project, "displayName": "%s workload" % app}
        elif atype == "cloudkms.googleapis.com/KeyRing":
            n = self.name("kr-%s" % env)
            path = "projects/%s/locations/%s/keyRings/%s" % (project, region, n)
            data = {"name": path}
        elif atype == "cloudkms.googleapis.com/CryptoKey":
            n = self.name("key-%s" % app)
            path = "projects/%s/locations/%s/keyRings/kr-%s-01/cryptoKeys/%s" % (project, region, env, n)
            data = {"name": path, "purpose": "ENCRYPT_DECRYPT", "rotationPeriod": "7776000s",
                    "versionTemplate": {"protectionLevel": "SOFTWARE", "algorithm": "GOOGLE_SYMMETRIC_ENCRYPTION"}}
        elif atype == "pubsub.googleapis.com/Topic":
            n = self.name("topic-%s" % app)
            path = "projects/%s/topics/%s" % (project, n)
            location = "global"
            data = {"name": path, "labels": labels}
        elif atype == "pubsub.googleapis.com/Subscription":
            n = self.name("sub-%s" % app)
            path = "projects/%s/subscriptions/%s" % (project, n)
            location = "global"
            data = {"name": path, "topic": "projects/%s/topics/topic-%s-01" % (project, app), "ackDeadlineSeconds": 30}
        elif atype == "bigquery.googleapis.com/Dataset":
            n = self.name("ds_%s_%s" % (app, env)).replace("-", "_")
            path = "projects/%s/datasets/%s" % (project, n)
            location = "eu"
            data = {"datasetReference": {"datasetId": n, "projectId": project}, "location": "EU", "labels": labels}
        else:
            n = self.name("%s-%s" % (kind.lower(), app))
            path = "projects/%s/locations/%s/%ss/%s" % (project, region, kind[0].lower() + kind[1:], n)
            data = {"name": path}
        return self.gcp_wrap("//%s/%s" % (service, path), atype, "v1", kind,
                             "https://%s/$discovery/rest" % service, project, number, data, location)

    def gcp_wrap(self, name, atype, version, discovery_name, doc, project, number, data, location):
        return {
            "name": name,
            "asset_type": atype,
            "resource": {
                "version": version,
                "discovery_document_uri": doc,
                "discovery_name": discovery_name,
                "parent": "//cloudresourcemanager.googleapis.com/projects/%s" % number,
                "data": data,
                "location": location,
            },
            "ancestors": ["projects/%s" % number, FOLDER, ORG],
            "update_time": self.ts().strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            # not in the export: the project id, for --sql (dropped before writing the JSON lines)
            "_project": project,
        }


def sql_literal(s):
    return "NULL" if s is None else "'" + s.replace("'", "''") + "'"


def write_sql(f, azure, gcp):
    f.write("-- srm sample inventory, Azure and Google Cloud part, as rows of srm.asset\n"
            "-- (tools/sample/gen_sample_multicloud.py --sql): what srm.load_resource_graph and\n"
            "-- srm.load_asset_inventory store for the same exports.  Run with psql.\n")
    f.write("BEGIN;\n")
    f.write("CREATE TEMPORARY TABLE srm_sample_mc (provider text, account_id text, region text, resource_type text,\n"
            "    resource_id text, resource_name text, tags jsonb, configuration jsonb, captured_at timestamptz) ON COMMIT DROP;\n")
    f.write("COPY srm_sample_mc FROM stdin;\n")

    def esc(v):
        if v is None:
            return "\\N"
        return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")

    for r in azure:
        f.write("\t".join(esc(x) for x in (
            "azure", r["subscriptionId"].lower(), r["location"], r["type"], r["id"].lower(), r["name"],
            json.dumps(r["tags"] or {}, sort_keys=True), json.dumps(r["properties"], sort_keys=True),
            "2026-11-27 06:00:00+00")) + "\n")
    for a in gcp:
        labels = a["resource"]["data"].get("labels") or a["resource"]["data"].get("resourceLabels") \
            or a["resource"]["data"].get("settings", {}).get("userLabels") or {}
        f.write("\t".join(esc(x) for x in (
            "gcp", a["_project"], a["resource"]["location"], a["asset_type"], a["name"], a["name"].rsplit("/", 1)[-1],
            json.dumps(labels, sort_keys=True), json.dumps(a["resource"]["data"], sort_keys=True),
            a["update_time"])) + "\n")
    f.write("\\.\n")
    f.write("""INSERT INTO srm.asset_load (source, items_read, assets_inserted, assets_updated, items_rejected, unknown_types)
SELECT 'sample ' || s.provider || ' (gen_sample_multicloud.py)', count(*), count(*), 0, 0, count(*) FILTER (WHERE t.resource_type IS NULL)
FROM srm_sample_mc s
LEFT JOIN srm.resource_type t ON t.provider = s.provider AND lower(t.resource_type) = lower(s.resource_type)
GROUP BY s.provider ORDER BY s.provider;
INSERT INTO srm.asset (provider, account_id, region, resource_type, resource_id, resource_name, service_namespace, known_type,
                       tags, configuration, captured_at, load_id)
SELECT s.provider, s.account_id, s.region, coalesce(t.resource_type, s.resource_type), s.resource_id, s.resource_name,
       t.service_namespace, t.resource_type IS NOT NULL, s.tags, s.configuration, s.captured_at,
       (SELECT max(l.load_id) FROM srm.asset_load l WHERE l.source = 'sample ' || s.provider || ' (gen_sample_multicloud.py)')
FROM srm_sample_mc s
LEFT JOIN srm.resource_type t ON t.provider = s.provider AND lower(t.resource_type) = lower(s.resource_type)
ON CONFLICT (provider, account_id, region, resource_type, resource_id) DO NOTHING;
COMMIT;
""")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--azure", help="write the Azure Resource Graph output (az graph query -o json) here ('-' for stdout)")
    ap.add_argument("--gcp", help="write the Cloud Asset Inventory export (JSON lines) here ('-' for stdout)")
    ap.add_argument("--sql", help="write the same assets as SQL for psql (rows of srm.asset) here ('-' for stdout)")
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--scale", type=int, default=1, help="multiply the number of resources of each type (default 1)")
    args = ap.parse_args()
    if not (args.azure or args.gcp or args.sql):
        ap.error("give at least one of --azure, --gcp, --sql")
    if args.scale < 1:
        ap.error("--scale must be at least 1")
    g = Gen(args.seed, args.scale)
    azure = g.azure_rows()
    gcp = g.gcp_assets()

    def out(path):
        return sys.stdout if path == "-" else open(path, "w", encoding="utf-8")

    if args.azure:
        with out(args.azure) as f:
            json.dump({"count": len(azure), "data": azure}, f, indent=2, sort_keys=False)
            f.write("\n")
    if args.gcp:
        with out(args.gcp) as f:
            for a in gcp:
                a = {k: v for k, v in a.items() if not k.startswith("_")}
                f.write(json.dumps(a, sort_keys=False, separators=(",", ":")) + "\n")
    if args.sql:
        with out(args.sql) as f:
            write_sql(f, azure, gcp)
    print("azure: %d resources in %d subscriptions; gcp: %d assets in %d projects"
          % (len(azure), len(SUBSCRIPTIONS), len(gcp), len(PROJECTS)), file=sys.stderr)


if __name__ == "__main__":
    main()
