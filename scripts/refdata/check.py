#!/usr/bin/env python3
"""Sanity checks for seeds/reference/*.tsv (used by tests).

For every TSV: line 1 is a '# ' comment (source and license), line 2 a '#'-prefixed
tab-separated header; every row has as many columns as the header, no empty
lines, valid UTF-8, no duplicate keys, values without leading/trailing blanks.
Exit 1 with a list of problems, 0 when clean.

  python3 scripts/refdata/check.py [DIR]
"""
import os
import sys

# key columns per file (default: the first column)
KEYS = {
    "country_adjectives.tsv": ("form", "language"),
    "districts.tsv": ("name", "city", "admin1"),
    "legal_forms.tsv": ("form",),
}
REQUIRED = {
    "countries.tsv": ["iso2", "iso3", "name", "region", "geonameid", "aliases"],
    "country_adjectives.tsv": ["form", "iso2", "language"],
    "regions.tsv": ["code", "name", "parent", "aliases", "members"],
    "admin1.tsv": ["key", "iso2", "name", "geonameid", "aliases"],
    "cities.tsv": ["geonameid", "name", "iso2", "admin1", "population", "lat", "lon", "aliases"],
    "districts.tsv": ["name", "city", "admin1", "iso2", "source"],
    "organizations.tsv": ["name", "iso2", "source", "aliases"],
    "legal_forms.tsv": ["form", "iso2", "countries", "language", "full_name"],
}


def check_file(path):
    errs = []
    name = os.path.basename(path)
    try:
        with open(path, encoding="utf-8", newline="") as f:
            lines = f.read().split("\n")
    except UnicodeDecodeError as e:
        return ["%s: not UTF-8 (%s)" % (name, e)]
    if lines and lines[-1] == "":
        lines.pop()
    else:
        errs.append("%s: no final newline" % name)
    if len(lines) < 2 or not lines[0].startswith("# ") or not lines[1].startswith("#"):
        return errs + ["%s: missing '# source' comment or '#header' line" % name]
    header = lines[1][1:].split("\t")
    if name in REQUIRED and header != REQUIRED[name]:
        errs.append("%s: header %r != %r" % (name, header, REQUIRED[name]))
    keycols = [header.index(k) for k in KEYS.get(name, (header[0],)) if k in header]
    seen = {}
    for n, line in enumerate(lines[2:], start=3):
        if "\r" in line:
            errs.append("%s:%d: carriage return" % (name, n))
        parts = line.split("\t")
        if len(parts) != len(header):
            errs.append("%s:%d: %d columns, header has %d" % (name, n, len(parts), len(header)))
            continue
        for p in parts:
            if p != p.strip():
                errs.append("%s:%d: value with surrounding blanks %r" % (name, n, p))
            if any(v == "" for v in p.split("|")) and p != "":
                errs.append("%s:%d: empty |-item in %r" % (name, n, p))
        key = tuple(parts[i] for i in keycols)
        if not all(key):
            errs.append("%s:%d: empty key" % (name, n))
        if key in seen:
            errs.append("%s:%d: duplicate key %r (line %d)" % (name, n, key, seen[key]))
        seen[key] = n
        if len(errs) > 50:
            break
    return errs


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "seeds", "reference")
    files = sorted(f for f in os.listdir(d) if f.endswith(".tsv"))
    errs = []
    for f in files:
        errs += check_file(os.path.join(d, f))
    for f in REQUIRED:
        if f not in files:
            errs.append("missing %s" % f)
    for f in ("VERSIONS", "NOTICE"):
        if not os.path.exists(os.path.join(d, f)):
            errs.append("missing %s" % f)
    if errs:
        print("\n".join(errs[:200]))
        print("check: %d problems in %s" % (len(errs), d))
        return 1
    print("check: %d files ok in %s" % (len(files), os.path.normpath(d)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
