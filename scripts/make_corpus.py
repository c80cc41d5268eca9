#!/usr/bin/env python3
"""Generate a benchmark corpus of about N MB from the seed documents and the genre fixtures.

Each copy varies names and numbers (city names, firm names, years, amounts), so the knowledge
base grows like a real one instead of repeating one set of entities. Output: one .txt per
document under the given folder. Deterministic for a given size (seeded RNG).

usage: make_corpus.py OUT_DIR SIZE_MB
"""
import os, random, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = [os.path.join(ROOT, "seeds", "documents"), os.path.join(ROOT, "Tests", "GazetteTests", "Fixtures", "genre")]
CITIES = ["Harbin", "Changchun", "Dalian", "Tianjin", "Qingdao", "Jinan", "Wuhan", "Chengdu", "Hefei", "Suzhou",
          "Ningbo", "Xiamen", "Anshan", "Yingkou", "Jilin", "Daqing", "Tangshan", "Yantai", "Weifang", "Zibo"]
FIRM_PARTS = ["Nord", "Alpen", "Rhein", "Hansa", "Baltic", "Iber", "Lux", "Danu", "Volta", "Silva", "Astra", "Terra"]
FIRM_SUFFIX = ["Chemie", "Technik", "Motion", "Polymers", "Systems", "Logistics", "Materials", "Robotics"]


def variants(text, rng):
    text = re.sub(r"\b(19|20)\d\d\b", lambda m: str(rng.randint(2005, 2024)), text)
    text = re.sub(r"\b\d{2,3}\b", lambda m: str(rng.randint(10, 999)), text)
    for city in ("Panjin", "Shenyang", "Dalian", "Changchun", "Harbin", "Wuhan"):
        text = text.replace(city, rng.choice(CITIES))
    firm = rng.choice(FIRM_PARTS) + rng.choice(FIRM_SUFFIX)
    text = re.sub(r"\b(Leoni Group|Clariant|Dynasol|Schaeffler|Solvay)\b", firm, text)
    return text


def main():
    out, size_mb = sys.argv[1], float(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    docs = []
    for folder in SOURCES:
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith(".txt"):
                    docs.append(open(os.path.join(folder, name), encoding="utf-8").read())
    rng = random.Random(42)
    target = int(size_mb * 1024 * 1024)
    total = n = 0
    while total < target:
        text = variants(docs[n % len(docs)], rng)
        path = os.path.join(out, f"doc{n:06d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
        n += 1
    print(f"{n} documents, {total / 1048576:.1f} MB in {out}")


if __name__ == "__main__":
    main()
