#!/usr/bin/env python3
"""Check the genre gold files against shared/knowledge-model.md.

usage: validate.py [GOLD_DIR [DOC_DIR]]   (defaults: this folder and ../genre)

Checks: valid JSON with the gold-file keys; entity types, subtypes and country fields;
relationship predicates, argument types and that subject/object name an entity of the file;
event types, date shapes, roles and participants; that every evidence string occurs verbatim
in its document; that each entity's name or an alias occurs in the document; that no event
lies after the publication date; 150-400 words per document. Exit status 1 on any error.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = sys.argv[1] if len(sys.argv) > 1 else HERE
DOCS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "genre")

SUBTYPES = {
    "organization": {"company", "government", "education", "research", "association"},
    "person": {None},
    "place": {"region", "country", "province", "city", "district"},
    "zone": {"free_trade_zone", "industrial_park", "development_zone"},
    "facility": {"port", "plant", "project", "hub", "center"},
    "program": {None},
    "product": {None},
}
O, P, Z, F, PE, PR = "organization", "place", "zone", "facility", "person", "product"
PRED = {  # predicate: (subject types, object types, symmetric)
    "located_in": ({O, Z, F, P}, {P, Z}, False),
    "part_of": (None, None, False),  # place -> place or organization -> organization
    "headquartered_in": ({O}, {P}, False),
    "has_joint_venture_in": ({O}, {P}, False),
    "joint_venture_with": ({O}, {O}, True),
    "cooperates_with": ({O, P, PE}, {O, P}, True),
    "in_talks_with": ({O, P}, {O, P}, True),
    "member_of": ({O, P}, {O}, False),
    "invested_in": ({O, P}, {F, Z, P, O}, False),
    "holds_position": ({PE}, {O, P}, False),
    "friendship_city_of": ({P}, {P}, True),
    "produces": ({O}, {PR}, False),
    "exports_to": ({O}, {P}, False),
}
EVENTS = {"visit", "meeting", "agreement", "membership", "launch", "investment", "exhibition"}
ROLES = {"actor", "target", "host"}
REGIONS = {"Europe", "Asia", "Africa", "North America", "South America", "Oceania"}
SOURCES = {"text", "world", "reference", "rule"}
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def norm(s):
    s = unicodedata.normalize("NFKD", str(s or ""))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("ß", "ss")
    s = re.sub(r"[^0-9a-z\u0100-\u024f]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def check(path, errors):
    def err(msg):
        errors.append(f"{os.path.basename(path)}: {msg}")
    try:
        g = json.load(open(path, encoding="utf-8"))
    except ValueError as e:
        return err(f"invalid JSON: {e}")
    for k in ("document", "meta", "entities", "relationships", "events"):
        if k not in g:
            err(f"missing key {k}")
    meta = g.get("meta", {})
    for k in ("title", "published", "dateline", "source", "language"):
        if k not in meta:
            err(f"meta lacks {k}")
    if meta.get("language") not in ("en", "de"):
        err("meta.language must be en or de")
    if not DATE.match(str(meta.get("published"))):
        err("meta.published is not an ISO date")
    docpath = os.path.join(DOCS, g.get("document", ""))
    if not os.path.exists(docpath):
        return err(f"document {g.get('document')} not found in {DOCS}")
    if os.path.basename(path)[:-5] != g["document"][:-4]:
        err("gold file name and document name differ")
    text = open(docpath, encoding="utf-8").read()
    words = len(text.split())
    if not 150 <= words <= 400:
        err(f"document has {words} words (want 150-400)")
    if meta.get("title") and meta["title"] not in text:
        err("title not in document")

    key2ent, names = {}, set()
    for e in g.get("entities", []):
        n = e.get("name")
        for k in ("name", "aliases", "type", "subtype", "country", "country_source"):
            if k not in e:
                err(f"entity {n}: missing {k}")
        if n in names:
            err(f"duplicate entity {n}")
        names.add(n)
        t, st = e.get("type"), e.get("subtype")
        if t not in SUBTYPES:
            err(f"entity {n}: bad type {t}")
        elif st not in SUBTYPES[t] and not (t in (Z,) and st is None):
            err(f"entity {n}: bad subtype {st} for {t}")
        if (e.get("country") is None) != (e.get("country_source") is None):
            err(f"entity {n}: country and country_source must both be set or both null")
        if e.get("country_source") not in SOURCES | {None}:
            err(f"entity {n}: bad country_source")
        if st == "country" and (e.get("region") not in REGIONS or e.get("country") is not None):
            err(f"entity {n}: a country needs a region and no country")
        if "region" in e and e["region"] not in REGIONS:
            err(f"entity {n}: bad region {e['region']}")
        forms = [n] + list(e.get("aliases") or [])
        low = text.lower()  # datelines are upper case: "BEIJING, Oct. 20, 2022"
        if not any(f.lower() in low for f in forms):
            err(f"entity {n}: neither name nor alias occurs in the document")
        for a in e.get("aliases") or []:
            if a.lower() not in low:
                err(f"entity {n}: alias {a!r} not in the document")
        for f in forms:
            k = norm(f)
            if k in key2ent and key2ent[k]["name"] != n:
                err(f"name/alias {f!r} is shared by {key2ent[k]['name']} and {n}")
            key2ent[k] = e

    def ent(name, what):
        e = key2ent.get(norm(name))
        if e is None:
            err(f"{what}: {name!r} is not an entity name or alias")
        return e

    seen = set()
    for r in g.get("relationships", []):
        p = r.get("predicate")
        what = f"relationship {r.get('subject')} {p} {r.get('object')}"
        if p not in PRED:
            err(f"{what}: unknown predicate")
            continue
        s, o = ent(r.get("subject"), what), ent(r.get("object"), what)
        if s and o:
            st, ot, sym = PRED[p]
            if p == "part_of":
                if not ((s["type"] == P and o["type"] == P) or (s["type"] == O and o["type"] == O)):
                    err(f"{what}: part_of needs place->place or organization->organization")
            elif sym:
                if not ((s["type"] in st and o["type"] in ot) or (o["type"] in st and s["type"] in ot)):
                    err(f"{what}: argument types {s['type']}/{o['type']}")
            elif s["type"] not in st or o["type"] not in ot:
                err(f"{what}: argument types {s['type']}->{o['type']}")
            if s is o:
                err(f"{what}: subject and object are the same entity")
            k = (p, frozenset((s["name"], o["name"]))) if sym else (p, s["name"], o["name"])
            if k in seen:
                err(f"{what}: duplicate")
            seen.add(k)
        if p == "holds_position" and not (r.get("attributes") or {}).get("role"):
            err(f"{what}: holds_position needs attributes.role")
        if "attributes" in r and not isinstance(r["attributes"], dict):
            err(f"{what}: attributes must be an object")
        if not r.get("evidence") or r["evidence"] not in text:
            err(f"{what}: evidence not verbatim in document: {r.get('evidence')!r}")

    pub = str(meta.get("published"))
    for v in g.get("events", []):
        what = f"event {v.get('type')} {v.get('date')}"
        if v.get("type") not in EVENTS:
            err(f"{what}: unknown event type")
        d = v.get("date")
        if isinstance(d, dict):
            if set(d) != {"start", "end"} or not (DATE.match(str(d["start"])) and DATE.match(str(d["end"]))) or d["start"] > d["end"]:
                err(f"{what}: bad date range")
            first = d["start"]
        else:
            if not DATE.match(str(d)):
                err(f"{what}: bad date")
            first = str(d)
        if first[:len(pub)] > pub:
            err(f"{what}: event starts after publication {pub}")
        if v.get("place") is not None:
            ent(v["place"], what + " place")
        if not v.get("participants"):
            err(f"{what}: no participants")
        for pa in v.get("participants", []):
            ent(pa.get("name"), what + " participant")
            if pa.get("role") not in ROLES:
                err(f"{what}: bad role {pa.get('role')}")
        if not v.get("evidence") or v["evidence"] not in text:
            err(f"{what}: evidence not verbatim in document: {v.get('evidence')!r}")
    return g


def main():
    errors, rows = [], []
    files = sorted(f for f in os.listdir(GOLD) if f.endswith(".json"))
    for f in files:
        g = check(os.path.join(GOLD, f), errors)
        if g:
            rows.append((f, len(g["entities"]), len(g["relationships"]), len(g["events"])))
    for f, e, r, v in rows:
        print(f"{f:40} entities {e:3}  relationships {r:3}  events {v:2}")
    print(f"{'total':40} entities {sum(x[1] for x in rows):3}  relationships {sum(x[2] for x in rows):3}  events {sum(x[3] for x in rows):2}")
    for e in errors:
        print("ERROR " + e)
    print(f"{len(files)} files, {len(errors)} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
