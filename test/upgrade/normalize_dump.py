#!/usr/bin/env python3
"""normalize_dump.py DUMP > NORMALIZED

Puts `pg_dump --schema-only --binary-upgrade` of one database into a form
that can be compared with another's: binary-upgrade mode is used because it
is the only mode in which pg_dump writes every member object of an
extension (a plain dump says just CREATE EXTENSION).  Dropped here, as they
differ between any two databases: object ids (binary_upgrade_set_next_*),
the psql \\restrict key, relfrozenxid and toast oids, sequence positions
(user data, compared by the test row by row), the oid lists of binary_upgrade_create_empty_extension
(the config tables are compared separately, by name), and the missing
values of columns an update added with a default to tables that had rows
(binary_upgrade_set_missing_value: rows written before read the default,
as rows written after; a fresh install has no such rows).  Runs of blank
lines are one blank line.  The dump is then cut
into its TOC entries ("-- Name: ...; Type: ...") and the entries sorted, so
that objects created in another order (an upgrade script creates them in
another order than an install script) compare equal."""

import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
lines = []
for ln in text.split("\n"):
    if ln.startswith("\\restrict ") or ln.startswith("\\unrestrict "):
        continue
    if re.match(r"SELECT pg_catalog\.binary_upgrade_set_next_\w+\(", ln):
        continue
    if ln.startswith("SELECT pg_catalog.binary_upgrade_create_empty_extension("):
        ln = re.sub(r"'\{[0-9,]*\}', '\{[^}]*\}'", "'{config tables}', '{conditions}'", ln)
    if ln.startswith("-- Dumped from") or ln.startswith("-- Dumped by"):
        continue
    if ln == "-- set missing value." or ln.startswith("SELECT pg_catalog.binary_upgrade_set_missing_value("):
        continue
    if ln == "" and lines and lines[-1] == "":
        continue
    # transaction ids and toast tables' oids of binary upgrade
    ln = re.sub(r"^SET relfrozenxid = '\d+', relminmxid = '\d+'$", "SET relfrozenxid = 'X', relminmxid = 'X'", ln)
    ln = re.sub(r"^WHERE oid = '\d+';$", "WHERE oid = 'X';", ln)
    # a sequence's position is the user's data (compared row by row elsewhere)
    ln = re.sub(r"^(SELECT pg_catalog\.setval\('[^']+'), \d+, (true|false)\);$", r"\1, X);", ln)
    lines.append(ln)

entries = []
cur = []
for ln in lines:
    if ln.startswith("-- Name: ") or ln.startswith("-- TOC entry"):
        if cur:
            entries.append("\n".join(cur).strip("\n"))
        cur = []
    cur.append(ln)
if cur:
    entries.append("\n".join(cur).strip("\n"))
for e in sorted(set(entries)):
    print(e)
    print("")
if len(set(entries)) != len(entries):
    print("-- duplicate entries: %d" % (len(entries) - len(set(entries))))
