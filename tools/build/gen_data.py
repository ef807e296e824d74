#!/usr/bin/env python3
"""gen_data.py - turn srm's curated CSV model (data/*.csv) into SQL.

Reads every data file, checks it (keys, foreign keys, completeness,
canonical responsibility spellings, namespace coverage) and writes
INSERT statements for the tables created by install/tables/model.sql to stdout.

    python3 tools/build/gen_data.py > build/srm_data.sql
    python3 tools/build/gen_data.py --check      # validate only, print a summary
    python3 tools/build/gen_data.py --diff OLD_DATA_DIR > changes.sql

--diff writes what changed between the model in OLD_DATA_DIR (data/ of an
earlier release, e.g. from `git worktree add /tmp/old v0.2.0`) and this one
(or --data-dir): per table, by primary key, the rows removed (DELETE),
changed (UPDATE of the columns that differ) and added (INSERT), ordered so
that foreign keys hold at every statement.  An upgrade script applies it to
reload the shipped rows in place.

Any problem is reported as FILE:LINE: message on stderr, and the exit
status is 1.  Standard library only.
"""

import argparse
import csv
import os
import re
import sys

DEFAULT_DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")
DATA_DIR = DEFAULT_DATA_DIR

LAYER_COUNT = 12
BASELINES = ("LOW", "MODERATE", "HIGH", "PRIVACY")
AWS_CLASSES = ("not-applicable", "inherited", "shared", "customer-specific")
AZURE_WORDS = {"customer": "customer", "microsoft": "provider", "shared": "provider, customer"}
ROWS_PER_INSERT = 500
# Rows of Microsoft's table that no srm layer stands for (SOURCES.md says
# why); every other row must map to layers whose union gives its words
AZURE_UNMAPPED = {
    "Configurations and settings": "the customer's settings of every service it uses: in srm the "
        "'customer (configured)' part of many layers, not a layer of its own",
    "Client devices": "srm has no endpoint layer; the devices that reach the cloud are assets of their own",
}
ARM_TYPE = re.compile(r"Microsoft\.[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*(/[a-zA-Z][A-Za-z0-9]*)+")


class Problems:
    """Collects validation errors; each names file and line."""

    def __init__(self):
        self.items = []

    def add(self, where, msg):
        self.items.append("%s: %s" % (where, msg))

    def fail_if_any(self):
        if self.items:
            for item in self.items:
                sys.stderr.write("gen_data.py: %s\n" % item)
            sys.stderr.write("gen_data.py: %d problem(s); no SQL written\n" % len(self.items))
            sys.exit(1)


P = Problems()


class Row(dict):
    """A CSV row that remembers where it came from."""

    where = ""


def read_csv(name, required, optional=False):
    """The rows of data/NAME; optional: a file an earlier release did not
    have reads as empty (for --diff against that release)."""
    path = os.path.join(DATA_DIR, name)
    rows = []
    if optional and not os.path.exists(path):
        return rows
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f, strict=True)
            header = reader.fieldnames or []
            missing = [c for c in required if c not in header]
            if missing:
                P.add("data/%s:1" % name, "missing column(s) %s" % ", ".join(missing))
                return rows
            for rec in reader:
                row = Row(rec)
                row.where = "data/%s:%d" % (name, reader.line_num)
                if None in row or any(v is None for v in row.values()):
                    P.add(row.where, "wrong number of fields")
                    continue
                if "source" in required and not row["source"].strip():
                    P.add(row.where, "empty source")
                rows.append(row)
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        P.add("data/%s" % name, "cannot read: %s" % e)
    return rows


def unique(rows, cols, name):
    seen = {}
    for r in rows:
        key = tuple(r[c] for c in cols)
        if key in seen:
            P.add(r.where, "duplicate key %s=%s (first at %s)" % (
                "/".join(cols), "/".join(key), seen[key]))
        else:
            seen[key] = r.where
    return seen


def need(row, col):
    v = row[col].strip()
    if not v:
        P.add(row.where, "empty %s" % col)
    return v


def boolean(row, col):
    v = row[col]
    if v not in ("t", "f"):
        P.add(row.where, "%s must be t or f, not %r" % (col, v))
    return v == "t"


# ------------------------------------------------------------ responsibility

PARTIES = (("provider", ("corporate", "system")),
           ("customer", ("configured", "provided")),
           ("partner", ()))


def canonical_responsibility(text):
    """Return the canonical spelling of a responsibility, or raise ValueError.

    Accepts the CSV form only: canonical words, no aliases."""
    s = text.strip().lower()
    if s == "not applicable":
        return "not applicable"
    parts = []
    depth = 0
    cur = ""
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise ValueError("stray ')'")
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if depth:
        raise ValueError("unclosed '('")
    parts.append(cur)
    found = {}
    for part in parts:
        m = re.fullmatch(r"\s*([a-z]+)\s*(?:\(([^()]*)\))?\s*", part)
        if not m:
            raise ValueError("cannot read part %r" % part.strip())
        party, quals = m.group(1), m.group(2)
        allowed = dict(PARTIES).get(party)
        if allowed is None:
            raise ValueError("unknown party %r" % party)
        if party in found:
            raise ValueError("party %r named twice" % party)
        qs = []
        if quals is not None:
            qs = [q.strip() for q in quals.split(",")]
            for q in qs:
                if q not in allowed:
                    raise ValueError("%r is not a qualifier of %s" % (q, party))
            if len(set(qs)) != len(qs):
                raise ValueError("qualifier named twice")
        found[party] = qs
    out = []
    for party, allowed in PARTIES:
        if party in found:
            qs = [q for q in allowed if q in found[party]]
            out.append(party + (" (%s)" % ", ".join(qs) if qs else ""))
    return ", ".join(out)


def responsibility(row, col="responsibility"):
    v = row[col]
    try:
        c = canonical_responsibility(v)
    except ValueError as e:
        P.add(row.where, "invalid responsibility %r: %s" % (v, e))
        return v
    if c != v:
        P.add(row.where, "responsibility %r is not canonical; write %r" % (v, c))
    return c


def parties_of(resp):
    s = set()
    if resp == "not applicable":
        return s
    for party, _ in PARTIES:
        if re.search(r"(^|, )%s\b" % party, resp):
            s.add(party)
    return s


# ---------------------------------------------------------------- SQL output

def lit(v):
    """SQL literal for a Python value."""
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, Resp):
        return "%s::srm.responsibility" % lit(str(v))
    if isinstance(v, (list, tuple)):
        return "ARRAY[%s]::text[]" % ", ".join(lit(x) for x in v) if v else "'{}'::text[]"
    s = str(v)
    if "\x00" in s:
        raise ValueError("NUL byte in value")
    return "'" + s.replace("'", "''") + "'"


class Resp(str):
    """Marks a value to be cast to srm.responsibility."""


def emit(out, table, cols, rows):
    out.write("\n-- %s: %d rows\n" % (table, len(rows)))
    for i in range(0, len(rows), ROWS_PER_INSERT):
        chunk = rows[i:i + ROWS_PER_INSERT]
        out.write("INSERT INTO srm.%s (%s) VALUES\n" % (table, ", ".join(cols)))
        out.write(",\n".join("  (" + ", ".join(lit(v) for v in r) + ")" for r in chunk))
        out.write(";\n")


def split_list(v):
    return [x for x in v.split("|") if x] if v else []


# ------------------------------------------------------------------- main

# Each model table's primary key, in the order the tables are filled (a
# table refers only to tables before it).
PRIMARY_KEYS = {
    "layer": ["layer_id"],
    "service_model": ["model_id"],
    "service_model_layer": ["model_id", "layer_id"],
    "azure_published_matrix": ["azure_row", "model_id"],
    "azure_layer_map": ["azure_row", "layer_id"],
    "service": ["provider", "service_namespace"],
    "service_alias": ["provider", "alias"],
    "service_layer": ["provider", "service_namespace", "layer_id"],
    "resource_type": ["resource_type"],
    "resource_type_layer": ["resource_type", "layer_id"],
    "variant_dimension": ["resource_type", "dimension"],
    "variant": ["resource_type", "variant_id"],
    "variant_rule": ["resource_type", "dimension", "rule_order"],
    "variant_layer": ["resource_type", "variant_id", "layer_id"],
    "framework": ["framework_id"],
    "control": ["framework_id", "control_id"],
    "control_layer": ["framework_id", "control_id", "layer_id"],
    "attestation": ["provider", "framework_id", "name"],
    "check_control": ["scanner", "check_id", "requirement_id"],
}


# the model's triggers skip rebuilding the stored derivation while srm's
# own scripts load rows (install/data/derivation.sql rebuilds it once)
LOADING = "SELECT pg_catalog.set_config('srm.loading_model', 'on', true);\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="validate only; print counts")
    ap.add_argument("--data-dir", default=DEFAULT_DATA_DIR, help="the model's CSV files (default: data/ beside tools/)")
    ap.add_argument("--diff", metavar="OLD_DATA_DIR",
                    help="write the changes from the model in OLD_DATA_DIR to this one, not the whole model")
    args = ap.parse_args()
    new = model_tables(args.data_dir, args.check)
    if new is None:
        return
    out = sys.stdout
    if args.diff:
        old = model_tables(args.diff, False)
        out.write("-- Generated by tools/build/gen_data.py --diff: the model's changes, do not edit.\n")
        out.write(LOADING)
        write_diff(out, old, new)
        return
    out.write("-- Generated by tools/build/gen_data.py from data/*.csv: do not edit.\n")
    out.write("-- Sources and licences: data/SOURCES.md, data/NOTICE.\n")
    out.write(LOADING)
    for table, cols, rows in new:
        emit(out, table, cols, rows)


def where_key(cols, key, row):
    """The WHERE clause naming one shipped row (never a user's row of a
    table that holds both)."""
    w = " AND ".join("%s = %s" % (c, lit(row[cols.index(c)])) for c in key)
    return w + " AND shipped" if "shipped" in cols else w


def write_diff(out, old, new):
    """Rows removed, changed and added between two models (lists of
    (table, cols, rows)), keyed by each table's primary key."""
    old_by = {t: (c, r) for t, c, r in old}
    changes = []
    for table, cols, rows in new:
        ocols, orows = old_by.get(table, (cols, []))
        if ocols != cols:
            raise SystemExit("gen_data.py: the columns of %s changed; write that migration by hand" % table)
        key = PRIMARY_KEYS[table]
        kidx = [cols.index(c) for c in key]
        before = {tuple(r[i] for i in kidx): r for r in orows}
        after = {tuple(r[i] for i in kidx): r for r in rows}
        removed = [before[k] for k in before if k not in after]
        added = [r for r in rows if tuple(r[i] for i in kidx) not in before]
        changed = [(before[k], after[k]) for k in after if k in before and before[k] != after[k]]
        changes.append((table, cols, key, removed, changed, added))
    total = sum(len(x[3]) + len(x[4]) + len(x[5]) for x in changes)
    out.write("-- %d row(s) removed, changed or added\n" % total)
    # removals first, children before parents; a control's children before it
    for table, cols, key, removed, changed, added in reversed(changes):
        if removed:
            out.write("\n-- %s: %d row(s) removed\n" % (table, len(removed)))
            for r in reversed(removed):
                out.write("DELETE FROM srm.%s WHERE %s;\n" % (table, where_key(cols, key, r)))
    # then changes and additions, parents before children
    for table, cols, key, removed, changed, added in changes:
        if changed:
            out.write("\n-- %s: %d row(s) changed\n" % (table, len(changed)))
            for a, b in changed:
                sets = ", ".join("%s = %s" % (c, lit(v)) for c, u, v in zip(cols, a, b) if u != v)
                out.write("UPDATE srm.%s SET %s WHERE %s;\n" % (table, sets, where_key(cols, key, a)))
        if added:
            emit(out, table, cols, added)


def model_tables(data_dir, check_only):
    """Reads and checks the model in data_dir; returns [(table, columns,
    rows)] in fill order, or None after printing counts (check_only)."""
    global DATA_DIR
    DATA_DIR = data_dir

    # layers
    layers = read_csv("layer.csv", ["layer_id", "ordinal", "name", "description", "aws_box", "source"])
    unique(layers, ["layer_id"], "layer")
    unique(layers, ["ordinal"], "layer")
    layer_ids = []
    for r in layers:
        need(r, "layer_id"); need(r, "name"); need(r, "aws_box")
        if not re.fullmatch(r"[a-z][a-z-]*", r["layer_id"]):
            P.add(r.where, "layer_id %r must be a lower-case slug" % r["layer_id"])
        if not r["ordinal"].isdigit():
            P.add(r.where, "ordinal must be a positive integer")
        layer_ids.append(r["layer_id"])
    if sorted(int(r["ordinal"]) for r in layers if r["ordinal"].isdigit()) != list(range(1, len(layers) + 1)):
        P.add("data/layer.csv", "ordinals must run 1..%d without gaps" % len(layers))
    if len(layers) != LAYER_COUNT:
        P.add("data/layer.csv", "expected %d layers, found %d" % (LAYER_COUNT, len(layers)))
    L = set(layer_ids)

    def fk_layer(r, col="layer_id"):
        if r[col] not in L:
            P.add(r.where, "unknown layer %r" % r[col])

    # service models
    models = read_csv("service_model.csv", ["model_id", "provider", "name", "description", "source"])
    unique(models, ["model_id"], "service_model")
    model_provider = {}
    for r in models:
        if r["provider"] not in ("aws", "azure", "gcp"):
            P.add(r.where, "provider must be aws, azure or gcp")
        model_provider[r["model_id"]] = r["provider"]

    sml = read_csv("service_model_layer.csv", ["model_id", "layer_id", "responsibility", "source"])
    unique(sml, ["model_id", "layer_id"], "service_model_layer")
    model_layer = {}
    for r in sml:
        if r["model_id"] not in model_provider:
            P.add(r.where, "unknown model %r" % r["model_id"])
        fk_layer(r)
        model_layer[(r["model_id"], r["layer_id"])] = responsibility(r)
    for m in model_provider:
        for l in layer_ids:
            if (m, l) not in model_layer:
                P.add("data/service_model_layer.csv", "model %s has no row for layer %s" % (m, l))

    # Azure's published table and its mapping
    apm = read_csv("azure_published_matrix.csv", ["azure_row", "row_order", "model_id", "responsibility_word", "source"])
    unique(apm, ["azure_row", "model_id"], "azure_published_matrix")
    for r in apm:
        if not r["model_id"].startswith("azure-") or r["model_id"] not in model_provider:
            P.add(r.where, "model_id %r is not an Azure model" % r["model_id"])
        if r["responsibility_word"] not in AZURE_WORDS:
            P.add(r.where, "responsibility_word must be customer, microsoft or shared")
        if not r["row_order"].isdigit():
            P.add(r.where, "row_order must be a positive integer")
    azure_rows = {r["azure_row"] for r in apm}
    alm = read_csv("azure_layer_map.csv", ["azure_row", "layer_id", "rationale", "source"])
    unique(alm, ["azure_row", "layer_id"], "azure_layer_map")
    for r in alm:
        fk_layer(r)
        if r["azure_row"] not in azure_rows:
            P.add(r.where, "unknown Azure row %r" % r["azure_row"])
    for ar in sorted(azure_rows):
        mapped = any(r["azure_row"] == ar for r in alm)
        if not mapped and ar not in AZURE_UNMAPPED:
            P.add("data/azure_layer_map.csv", "Azure row %r maps to no layer" % ar)
        elif mapped and ar in AZURE_UNMAPPED:
            P.add("data/azure_layer_map.csv", "Azure row %r is mapped but listed in AZURE_UNMAPPED" % ar)
    # (an earlier release's table, read for --diff, may not have these rows)
    for ar in sorted(set(AZURE_UNMAPPED) - azure_rows if DATA_DIR == DEFAULT_DATA_DIR else ()):
        P.add("data/azure_published_matrix.csv", "AZURE_UNMAPPED names %r, which is not a row of the table" % ar)
    # the model must reproduce the table: union of the mapped layers = word
    for r in apm:
        if r["azure_row"] in AZURE_UNMAPPED:
            continue
        got = set()
        for m in alm:
            if m["azure_row"] == r["azure_row"]:
                got |= parties_of(model_layer.get((r["model_id"], m["layer_id"]), ""))
        want = parties_of(AZURE_WORDS.get(r["responsibility_word"], ""))
        if got != want:
            P.add(r.where, "Azure model %s gives %s for %r, table says %s" % (
                r["model_id"], "+".join(sorted(got)) or "nothing", r["azure_row"], r["responsibility_word"]))

    # AWS reference lists
    cfg = read_csv("aws_config_resource_types.csv", ["resource_type", "provider", "service_namespace", "resource"])
    cfn = read_csv("aws_cloudformation_resource_types.csv",
                   ["cloudformation_type", "provider", "service_namespace", "resource", "arn_template"])
    unique(cfg, ["resource_type"], "config")
    unique(cfn, ["cloudformation_type"], "cloudformation")

    # services
    services = read_csv("service.csv", ["provider", "service_namespace", "arn_namespace", "name", "model_id",
                                        "reviewed", "cfn_namespaces", "botocore_service", "aliases",
                                        "rationale", "source"])
    unique(services, ["provider", "service_namespace"], "service")
    svc = {}
    cfn_ns_map = {}
    alias_rows = []
    alias_seen = {}
    for r in services:
        need(r, "name"); need(r, "rationale"); need(r, "arn_namespace")
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", r["service_namespace"]):
            P.add(r.where, "service_namespace %r must be lower-case" % r["service_namespace"])
        mp = model_provider.get(r["model_id"])
        if mp is None:
            P.add(r.where, "unknown model %r" % r["model_id"])
        elif mp != r["provider"]:
            P.add(r.where, "model %s belongs to %s, not %s" % (r["model_id"], mp, r["provider"]))
        boolean(r, "reviewed")
        svc[(r["provider"], r["service_namespace"])] = r
        for n in split_list(r["cfn_namespaces"]):
            if n in cfn_ns_map:
                P.add(r.where, "CFN namespace %s already maps to %s" % (n, cfn_ns_map[n]))
            cfn_ns_map[n] = r["service_namespace"]
    for r in services:
        for a in split_list(r["aliases"]):
            if a != a.lower():
                P.add(r.where, "alias %r must be lower-case" % a)
            key = (r["provider"], a)
            if key in alias_seen:
                P.add(r.where, "alias %r already used at %s" % (a, alias_seen[key]))
            elif (r["provider"], a) in svc:
                P.add(r.where, "alias %r is the namespace of another service" % a)
            else:
                alias_seen[key] = r.where
                alias_rows.append((r["provider"], a, r["service_namespace"], r["source"]))
    # srm.identifier keys service names without the provider: a name may
    # stand for one service of one provider only, except that a name AWS
    # also uses stays AWS's (iam, redis, monitoring: install/data/identifiers.sql
    # orders AWS first; the other provider's service is named by its API or
    # another alias)
    names = {}
    for r in services:
        for n in [r["service_namespace"]] + split_list(r["aliases"]):
            other = names.setdefault(n, (r["provider"], r["service_namespace"], r.where))
            if other[0] != r["provider"] and "aws" not in (other[0], r["provider"]):
                P.add(r.where, "name %r is also %s service %s (%s)" % (n, other[0], other[1], other[2]))
    reviewed = sum(1 for r in services if r["reviewed"] == "t")
    if reviewed < 50:
        P.add("data/service.csv", "only %d reviewed services; at least 50 expected" % reviewed)
    for r in cfg + cfn:
        ns = r["service_namespace"]
        if ns not in cfn_ns_map:
            P.add(r.where, "namespace %s maps to no service in data/service.csv" % ns)

    sl = read_csv("service_layer.csv", ["provider", "service_namespace", "layer_id", "responsibility", "reason", "source"])
    unique(sl, ["provider", "service_namespace", "layer_id"], "service_layer")
    for r in sl:
        if (r["provider"], r["service_namespace"]) not in svc:
            P.add(r.where, "unknown service %s/%s" % (r["provider"], r["service_namespace"]))
        fk_layer(r)
        need(r, "reason")
        responsibility(r)

    # frameworks and controls
    fws = read_csv("framework.csv", ["framework_id", "name", "version", "publisher", "source", "licence"])
    unique(fws, ["framework_id"], "framework")
    fw_ids = {r["framework_id"] for r in fws}
    for f in ("aws-srm", "nist-800-53-r5"):
        if f not in fw_ids:
            P.add("data/framework.csv", "framework %s missing" % f)

    att = read_csv("attestation.csv", ["provider", "framework_id", "name", "obtain_from", "source"],
                   optional=DATA_DIR != DEFAULT_DATA_DIR)
    unique(att, ["provider", "framework_id", "name"], "attestation")
    for r in att:
        need(r, "name"); need(r, "obtain_from")
        if r["provider"] not in ("aws", "azure", "gcp"):
            P.add(r.where, "provider must be aws, azure or gcp")
        if r["framework_id"] not in fw_ids:
            P.add(r.where, "unknown framework %r" % r["framework_id"])

    srm_ctl = read_csv("control_aws_srm.csv", ["control_id", "title", "description", "expected_class", "organizational", "source"])
    unique(srm_ctl, ["control_id"], "control_aws_srm")
    srm_ids = []
    for r in srm_ctl:
        need(r, "title"); need(r, "description")
        if r["expected_class"] and r["expected_class"] not in AWS_CLASSES:
            P.add(r.where, "expected_class must be one of %s" % ", ".join(AWS_CLASSES))
        boolean(r, "organizational")
        srm_ids.append(r["control_id"])
    srm_cl = read_csv("control_layer_aws_srm.csv", ["control_id", "layer_id", "source"])
    unique(srm_cl, ["control_id", "layer_id"], "control_layer_aws_srm")
    for r in srm_cl:
        fk_layer(r)
        if r["control_id"] not in srm_ids:
            P.add(r.where, "unknown aws-srm control %r" % r["control_id"])
    for c in srm_ids:
        if not any(r["control_id"] == c for r in srm_cl):
            P.add("data/control_layer_aws_srm.csv", "aws-srm control %s has no layer" % c)

    nist = read_csv("nist_sp800_53r5_controls.csv",
                    ["control_id", "label", "family_id", "family_title", "title", "control_class", "parent_id",
                     "status", "sort_id", "baseline_low", "baseline_moderate", "baseline_high", "baseline_privacy"])
    unique(nist, ["control_id"], "nist")
    nist_by_id = {r["control_id"]: r for r in nist}
    families = {r["family_id"] for r in nist}
    for r in nist:
        if r["status"] not in ("active", "withdrawn"):
            P.add(r.where, "status must be active or withdrawn")
        if r["parent_id"] and r["parent_id"] not in nist_by_id:
            P.add(r.where, "unknown parent %s" % r["parent_id"])
        for b in BASELINES:
            boolean(r, "baseline_" + b.lower())

    fam_layer = read_csv("nist_family_layer.csv", ["family_id", "layer_id", "source"])
    unique(fam_layer, ["family_id", "layer_id"], "nist_family_layer")
    for r in fam_layer:
        fk_layer(r)
        if r["family_id"] not in families:
            P.add(r.where, "unknown family %r" % r["family_id"])
    for f in sorted(families):
        if not any(r["family_id"] == f for r in fam_layer):
            P.add("data/nist_family_layer.csv", "family %s has no default layer" % f)

    org = read_csv("nist_family_organizational.csv", ["scope", "organizational", "source"])
    unique(org, ["scope"], "nist_family_organizational")
    org_by_scope = {}
    for r in org:
        if r["scope"] not in families and r["scope"] not in nist_by_id:
            P.add(r.where, "scope %r is neither a family nor a control" % r["scope"])
        org_by_scope[r["scope"]] = (boolean(r, "organizational"), r)

    ncl = read_csv("nist_control_layer.csv", ["control_id", "layer_id", "source"])
    unique(ncl, ["control_id", "layer_id"], "nist_control_layer")
    explicit = {}
    for r in ncl:
        fk_layer(r)
        c = nist_by_id.get(r["control_id"])
        if c is None:
            P.add(r.where, "unknown control %r" % r["control_id"])
        elif c["status"] != "active":
            P.add(r.where, "control %s is withdrawn; it takes no layers" % r["control_id"])
        explicit.setdefault(r["control_id"], []).append(r)

    P.fail_if_any()

    # ---------------------------------------------------------- expansion
    def lineage(cid):
        """The control, then its ancestors."""
        while cid:
            yield cid
            cid = nist_by_id[cid]["parent_id"]

    def nist_layers(c):
        if c["status"] != "active":
            return []
        for i, anc in enumerate(lineage(c["control_id"])):
            if anc in explicit:
                basis = "explicit" if i == 0 else "parent"
                return [(r["layer_id"], basis,
                         r["source"] if i == 0 else "from %s: %s" % (anc, r["source"])) for r in explicit[anc]]
        return [(r["layer_id"], "family", "family %s default: %s" % (c["family_id"], r["source"]))
                for r in fam_layer if r["family_id"] == c["family_id"]]

    def nist_org(c):
        if c["status"] != "active":
            return False
        for anc in lineage(c["control_id"]):
            if anc in org_by_scope:
                return org_by_scope[anc][0]
        if c["family_id"] in org_by_scope:
            return org_by_scope[c["family_id"]][0]
        return False

    control_rows = []
    control_layer_rows = []
    ordinal = {l: i for i, l in enumerate(layer_ids)}
    srm_fw_src = next(r["source"] for r in fws if r["framework_id"] == "aws-srm")
    for i, r in enumerate(srm_ctl):
        control_rows.append(("aws-srm", r["control_id"], r["control_id"], None, None, r["title"], r["description"],
                             None, "active", "%02d" % (i + 1), [], r["organizational"] == "t",
                             r["expected_class"] or None, r["source"]))
    for r in sorted(srm_cl, key=lambda r: (srm_ids.index(r["control_id"]), ordinal[r["layer_id"]])):
        control_layer_rows.append(("aws-srm", r["control_id"], r["layer_id"], "explicit", r["source"]))
    nist_src = "NIST SP 800-53 rev. 5.0.1 catalog (usnistgov/oscal-content a849dbc); baselines SP 800-53B 5.1.1+u4"
    active_without = []
    for c in sorted(nist, key=lambda r: r["sort_id"]):
        bl = [b for b in BASELINES if c["baseline_" + b.lower()] == "t"]
        control_rows.append(("nist-800-53-r5", c["control_id"], c["label"], c["family_id"], c["family_title"],
                             c["title"], None, c["parent_id"] or None, c["status"], c["sort_id"], bl,
                             nist_org(c), None, nist_src))
        ls = nist_layers(c)
        if c["status"] == "active" and not ls:
            active_without.append(c["control_id"])
        for l, basis, src in sorted(ls, key=lambda x: ordinal[x[0]]):
            control_layer_rows.append(("nist-800-53-r5", c["control_id"], l, basis, src))
    if active_without:
        P.add("data/nist_family_layer.csv", "active controls without layers: %s" % ", ".join(active_without))

    # scanners' published mappings of their checks to controls (issue 12):
    # Prowler's NIST SP 800-53 r5 mapping, each requirement read as a control
    pmap = read_csv("prowler_nist_800_53_r5.csv",
                    ["check_id", "requirement_id", "requirement_name", "control_id", "reading", "source"], optional=True)
    unique(pmap, ["check_id", "requirement_id"], "prowler_nist_800_53_r5")
    for r in pmap:
        need(r, "check_id"); need(r, "requirement_id")
        if not re.match(r"^[a-z0-9_]+$", r["check_id"]):
            P.add(r.where, "check id %r is not a Prowler check id" % r["check_id"])
        if r["control_id"] not in nist_by_id:
            P.add(r.where, "control %s is not a NIST SP 800-53 r5 control" % r["control_id"])
        elif r["reading"] == "id" and not r["requirement_id"].startswith(r["control_id"].replace("-", "_").replace(".", "_")):
            P.add(r.where, "requirement %s does not read as %s" % (r["requirement_id"], r["control_id"]))
        elif r["reading"] != "id" and not r["reading"].startswith("description: "):
            P.add(r.where, "reading must be id or description: ...")
    check_control_rows = [("prowler", r["check_id"], r["requirement_id"], "nist-800-53-r5", r["control_id"],
                           r["requirement_name"], r["reading"], r["source"]) for r in pmap]
    P.fail_if_any()

    # resource types: union of both lists
    rt = {}
    for r in cfn:
        rt[r["cloudformation_type"]] = {
            "ns": r["service_namespace"], "resource": r["resource"], "cfg": False, "cfn": True,
            "arn": r["arn_template"] or None}
    for r in cfg:
        x = rt.setdefault(r["resource_type"], {"ns": r["service_namespace"], "resource": r["resource"],
                                               "cfg": False, "cfn": False, "arn": None})
        x["cfg"] = True
    # Azure resource types (ARM form, Microsoft.Compute/virtualMachines),
    # each named by review with its service and source
    azure_rt = read_csv("azure_resource_types.csv", ["resource_type", "service_namespace", "source"],
                        optional=DATA_DIR != DEFAULT_DATA_DIR)
    unique(azure_rt, ["resource_type"], "azure_resource_types")
    seen_lower = {}
    for r in azure_rt:
        t = r["resource_type"]
        if not ARM_TYPE.fullmatch(t):
            P.add(r.where, "resource_type %r is not an ARM type (Microsoft.Provider/type[/child])" % t)
        elif t.lower() in seen_lower:
            P.add(r.where, "resource_type %r differs only in case from %s" % (t, seen_lower[t.lower()]))
        seen_lower[t.lower()] = r.where
        if ("azure", r["service_namespace"]) not in svc:
            P.add(r.where, "unknown Azure service %r" % r["service_namespace"])
        if t in rt:
            P.add(r.where, "resource_type %r is also an AWS type" % t)
    rt_rows = []
    for r in azure_rt:
        ns, rest = r["resource_type"].split("/", 1)
        parents = rest.split("/")
        template = "/subscriptions/${SubscriptionId}/resourceGroups/${ResourceGroupName}/providers/" + ns + "".join(
            "/%s/${%sName}" % (p, p[0].upper() + p[1:]) for p in parents)
        rt_rows.append((r["resource_type"], "azure", r["service_namespace"], ns, rest, False, False, template, r["source"]))
    for t in sorted(rt):
        x = rt[t]
        where = ("AWS Config ResourceType enum (botocore)" if x["cfg"] else "") + \
                (" and " if x["cfg"] and x["cfn"] else "") + \
                ("CloudFormation registry (@aws-cdk/aws-service-spec 0.1.216)" if x["cfn"] else "")
        rt_rows.append((t, "aws", cfn_ns_map[x["ns"]], x["ns"], x["resource"], x["cfg"], x["cfn"], x["arn"], where))
    rt_rows.sort(key=lambda x: x[0])

    # Google Cloud: Cloud Asset Inventory asset types (in_config marks a type
    # of the provider's configuration inventory: AWS Config, Cloud Asset
    # Inventory), mapped to the service whose API name is the type's prefix;
    # arn_template holds the full resource name template Cloud Asset
    # Inventory writes (other accepted forms: install/data/identifiers.sql)
    opt = DATA_DIR != DEFAULT_DATA_DIR
    gcp_types = read_csv("gcp_asset_types.csv", ["asset_type", "service_name", "resource", "name_templates", "source"],
                         optional=opt)
    unique(gcp_types, ["asset_type"], "gcp_asset_types")
    gcp_api = {r["arn_namespace"]: r["service_namespace"] for r in services if r["provider"] == "gcp"}
    for r in gcp_types:
        if not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)*\.googleapis\.com/[A-Z][A-Za-z0-9]*", r["asset_type"]):
            P.add(r.where, "asset_type %r is not SERVICE.googleapis.com/Resource" % r["asset_type"])
        elif r["asset_type"] != r["service_name"] + "/" + r["resource"]:
            P.add(r.where, "asset_type %r is not service_name/resource" % r["asset_type"])
        if r["service_name"] not in gcp_api:
            P.add(r.where, "service %s is the API of no gcp service in data/service.csv" % r["service_name"])
        for tm in split_list(r["name_templates"]):
            if not re.fullmatch(r"//[a-z0-9-]+(\.[a-z0-9-]+)*\.googleapis\.com/([A-Za-z0-9_-]+|\$\{[A-Za-z]+\})(/([A-Za-z0-9_-]+|\$\{[A-Za-z]+\}))*", tm):
                P.add(r.where, "name template %r is not //SERVICE.googleapis.com/path with ${Name} parts" % tm)
        if r["asset_type"] in rt:
            P.add(r.where, "asset type %s is also an AWS type" % r["asset_type"])
        rt_rows.append((r["asset_type"], "gcp", gcp_api.get(r["service_name"]), r["service_name"], r["resource"], True, False,
                        (split_list(r["name_templates"]) or [None])[0], r["source"]))
    rt_rows.sort(key=lambda x: x[0])

    # the grain below the service: resource types' own layers, variants
    rt_names = {r[0] for r in rt_rows}
    rtl = read_csv("resource_type_layer.csv", ["resource_type", "layer_id", "responsibility", "reason", "source"], optional=opt)
    unique(rtl, ["resource_type", "layer_id"], "resource_type_layer")
    for r in rtl:
        if r["resource_type"] not in rt_names:
            P.add(r.where, "unknown resource type %r" % r["resource_type"])
        fk_layer(r); need(r, "reason"); responsibility(r)
    vdim = read_csv("variant_dimension.csv", ["resource_type", "dimension", "reads", "description", "source"], optional=opt)
    unique(vdim, ["resource_type", "dimension"], "variant_dimension")
    for r in vdim:
        if r["resource_type"] not in rt_names:
            P.add(r.where, "unknown resource type %r" % r["resource_type"])
        if not re.match(r"^[a-z][a-z0-9-]*$", r["dimension"]):
            P.add(r.where, "dimension %r must be lower-case words joined by -" % r["dimension"])
        if not r["reads"].startswith("$."):
            P.add(r.where, "reads must be a jsonpath from $, not %r" % r["reads"])
        need(r, "description")
    dims = {(r["resource_type"], r["dimension"]) for r in vdim}
    var = read_csv("variant.csv", ["resource_type", "dimension", "variant_id", "name", "description", "source"], optional=opt)
    unique(var, ["resource_type", "variant_id"], "variant")
    variant_dim = {}
    for r in var:
        if (r["resource_type"], r["dimension"]) not in dims:
            P.add(r.where, "unknown variant dimension %s %s" % (r["resource_type"], r["dimension"]))
        if not re.match(r"^[a-z][a-z0-9-]*$", r["variant_id"]):
            P.add(r.where, "variant_id %r must be lower-case words joined by -" % r["variant_id"])
        need(r, "name"); need(r, "description")
        variant_dim[(r["resource_type"], r["variant_id"])] = r["dimension"]
    vrule = read_csv("variant_rule.csv", ["resource_type", "dimension", "rule_order", "variant_id", "test", "source"], optional=opt)
    unique(vrule, ["resource_type", "dimension", "rule_order"], "variant_rule")
    for r in vrule:
        if variant_dim.get((r["resource_type"], r["variant_id"])) != r["dimension"]:
            P.add(r.where, "variant %s of %s is not of dimension %s" % (r["variant_id"], r["resource_type"], r["dimension"]))
        if not r["rule_order"].isdigit() or int(r["rule_order"]) < 1:
            P.add(r.where, "rule_order must be a positive integer")
        if not r["test"].startswith("$"):
            P.add(r.where, "test must be a jsonpath from $, not %r" % r["test"])
    for (rt, v), d in variant_dim.items():
        if not any(r["resource_type"] == rt and r["variant_id"] == v for r in vrule):
            P.add("data/variant.csv", "variant %s of %s has no rule" % (v, rt))
    vlay = read_csv("variant_layer.csv", ["resource_type", "variant_id", "layer_id", "responsibility", "reason", "source"], optional=opt)
    unique(vlay, ["resource_type", "variant_id", "layer_id"], "variant_layer")
    dim_layer = {}
    for r in vlay:
        d = variant_dim.get((r["resource_type"], r["variant_id"]))
        if d is None:
            P.add(r.where, "unknown variant %s of %s" % (r["variant_id"], r["resource_type"]))
            continue
        fk_layer(r); need(r, "reason"); responsibility(r)
        # two dimensions of one resource type may not both replace a layer
        k = (r["resource_type"], r["layer_id"])
        if dim_layer.setdefault(k, d) != d:
            P.add(r.where, "layer %s of %s is replaced by dimensions %s and %s" % (r["layer_id"], r["resource_type"], dim_layer[k], d))

    if check_only:
        print("layers %d, models %d, model layers %d, services %d (%d reviewed), aliases %d, service layers %d" % (
            len(layers), len(models), len(sml), len(services), reviewed, len(alias_rows), len(sl)))
        print("resource types %d (config %d, cloudformation %d, azure %d, cloud asset inventory %d)" % (
            len(rt_rows), len(cfg), len(cfn), len(azure_rt), len(gcp_types)))
        print("resource type layers %d, variant dimensions %d, variants %d, variant rules %d, variant layers %d" % (
            len(rtl), len(vdim), len(var), len(vrule), len(vlay)))
        print("controls %d, control layers %d, NIST controls with explicit rows %d, attestations %d" % (
            len(control_rows), len(control_layer_rows), len(explicit), len(att)))
        print("scanner check mappings %d (Prowler NIST r5: %d checks, %d requirements, %d controls)" % (
            len(check_control_rows), len({r[1] for r in check_control_rows}), len({r[2] for r in check_control_rows}),
            len({r[4] for r in check_control_rows})))
        return None

    return [
        ("layer", ["layer_id", "ordinal", "name", "description", "aws_box", "source"],
         [(r["layer_id"], int(r["ordinal"]), r["name"], r["description"], r["aws_box"], r["source"]) for r in layers]),
        ("service_model", ["model_id", "provider", "name", "description", "source"],
         [(r["model_id"], r["provider"], r["name"], r["description"], r["source"]) for r in models]),
        ("service_model_layer", ["model_id", "layer_id", "responsibility", "source"],
         [(r["model_id"], r["layer_id"], Resp(r["responsibility"]), r["source"]) for r in sml]),
        ("azure_published_matrix", ["azure_row", "row_order", "model_id", "responsibility_word", "source"],
         [(r["azure_row"], int(r["row_order"]), r["model_id"], r["responsibility_word"], r["source"]) for r in apm]),
        ("azure_layer_map", ["azure_row", "layer_id", "rationale", "source"],
         [(r["azure_row"], r["layer_id"], r["rationale"], r["source"]) for r in alm]),
        ("service", ["provider", "service_namespace", "arn_namespace", "name", "model_id", "reviewed",
                          "cfn_namespaces", "botocore_services", "rationale", "source"],
         [(r["provider"], r["service_namespace"], r["arn_namespace"], r["name"], r["model_id"], r["reviewed"] == "t",
           split_list(r["cfn_namespaces"]), split_list(r["botocore_service"]), r["rationale"], r["source"])
          for r in services]),
        ("service_alias", ["provider", "alias", "service_namespace", "source"], alias_rows),
        ("service_layer", ["provider", "service_namespace", "layer_id", "responsibility", "reason", "source"],
         [(r["provider"], r["service_namespace"], r["layer_id"], Resp(r["responsibility"]), r["reason"], r["source"])
          for r in sl]),
        ("resource_type", ["resource_type", "provider", "service_namespace", "cfn_namespace", "resource",
                                "in_config", "in_cloudformation", "arn_template", "source"], rt_rows),
        ("resource_type_layer", ["resource_type", "layer_id", "responsibility", "reason", "source"],
         [(r["resource_type"], r["layer_id"], Resp(r["responsibility"]), r["reason"], r["source"]) for r in rtl]),
        ("variant_dimension", ["resource_type", "dimension", "reads", "description", "source"],
         [(r["resource_type"], r["dimension"], r["reads"], r["description"], r["source"]) for r in vdim]),
        ("variant", ["resource_type", "dimension", "variant_id", "name", "description", "source"],
         [(r["resource_type"], r["dimension"], r["variant_id"], r["name"], r["description"], r["source"]) for r in var]),
        ("variant_rule", ["resource_type", "dimension", "rule_order", "variant_id", "test", "source"],
         [(r["resource_type"], r["dimension"], int(r["rule_order"]), r["variant_id"], r["test"], r["source"]) for r in vrule]),
        ("variant_layer", ["resource_type", "variant_id", "layer_id", "responsibility", "reason", "source"],
         [(r["resource_type"], r["variant_id"], r["layer_id"], Resp(r["responsibility"]), r["reason"], r["source"]) for r in vlay]),
        ("framework", ["framework_id", "name", "version", "publisher", "source", "licence"],
         [(r["framework_id"], r["name"], r["version"], r["publisher"], r["source"], r["licence"]) for r in fws]),
        ("control", ["framework_id", "control_id", "label", "family_id", "family_title", "title", "description",
                          "parent_id", "status", "sort_id", "baselines", "organizational", "expected_class", "source"],
         control_rows),
        ("control_layer", ["framework_id", "control_id", "layer_id", "basis", "source"], control_layer_rows),
        ("attestation", ["provider", "framework_id", "name", "obtain_from", "source", "shipped"],
         [(r["provider"], r["framework_id"], r["name"], r["obtain_from"], r["source"], True) for r in att]),
        ("check_control", ["scanner", "check_id", "requirement_id", "framework_id", "control_id", "requirement_name",
                           "reading", "source"], check_control_rows),
    ]

if __name__ == "__main__":
    main()
