#!/usr/bin/env python3
"""Generate a benchmark corpus of about N MB from the seed documents and the genre fixtures.

The 15 source texts are copied over and over, but each copy gets its own firms, people, cities,
years, days and amounts, so the knowledge base grows like one built from real news: a few names
come back in many documents, and new ones keep turning up however large the corpus gets. A
corpus of 10,000 copies of the same entities would measure a cache, not an importer.

How names are drawn:
- Every kind of name has a large numbered universe (synthetic firm names from syllables and sector
  words, European reference firms, Chinese and European personal names, Chinese and German cities
  from seeds/reference/cities.tsv). A name is drawn by a Zipf-like rank (P(rank r) ~ 1/r), so
  a few names are frequent and the long tail keeps adding entities at 100 MB.
- Within one document each source name always maps to the same replacement, so aliases and
  repeated mentions still resolve to one entity there ("Leoni Group" ... "Leoni" stay one firm).
- Cities are drawn by population rank, so big cities are the frequent ones.

Output: one .txt per document, 1,000 per sub-folder (000/, 001/, ...). Deterministic for a given
size and this file (seeded RNG, sorted inputs). Fast: each source text is cut into literal pieces
and slots once, and a copy is only a join.

usage: make_corpus.py OUT_DIR SIZE_MB [--stats]
"""
import os, random, re, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = [os.path.join(ROOT, "seeds", "documents"), os.path.join(ROOT, "Tests", "GazetteTests", "Fixtures", "genre")]
REFERENCE = os.path.join(ROOT, "seeds", "reference")
PER_FOLDER = 1000

# --- What gets replaced in the source texts -------------------------------------------------------

# Firms named as a whole; replaced by a synthetic or a European reference firm. Longer names first
# in the regex, so "ZF Friedrichshafen" is one slot, not "ZF" plus a city.
FIRMS = ["Leoni", "Clariant", "Dynasol", "Schaeffler", "Solvay", "BASF", "Evonik", "Oiltanking", "Steinbeis",
         "Siemens", "Lanxess", "Brembo", "Mubea", "Wärtsilä", "Covestro", "Air Liquide", "Continental", "Sandvik",
         "Plansee", "Kone", "Voestalpine", "Heraeus", "Valeo", "Pirelli", "KUKA", "Gestamp", "AkzoNobel",
         "Michelin", "ZF Friedrichshafen", "Wrobex",
         "Kovotech", "Kubota", "Caterpillar", "Honeywell", "Nidec", "Mitsui Chemicals", "LG Chem"]
# Family firms ("Hellwig Antriebstechnik GmbH"): the family name is replaced by another surname, and
# the sector word and legal form after it stay.
FAMILY_FIRMS = ["Hellwig", "Pichler", "Ostermann", "Kessler", "Hartl"]
# Brand words of Chinese firms ("Zhongnan Hightech", "Jilin Hengtai Precision Machinery"); the rest
# of the name (a city slot, "Precision Machinery") stays, so the firm still reads as a firm.
CN_BRANDS = ["Zhongnan", "Longjiang", "Hengtai", "Gangyuan", "Huaxin", "Jinhe", "Rongou", "Gotion",
             "Changjiang", "Quancheng", "Haitai", "Siasun", "Neusoft"]
# People: (name as written, order). "Mayor Link" and "Bürgermeister Reisacher" come back by surname,
# so the surname alone is a slot too, tied to the full name in the same document.
PEOPLE_EU = ["Sören Link", "Thomas Reisacher", "Katrin Vollmer", "Andrei Sokolov", "Markus Leitner",
             "Jörg Sauerwein", "Anna Berg", "Piotr Zawadzki", "Keren Zhou", "Xuefeng Cong"]
PEOPLE_CN = ["Liu Zhicheng", "Li Zhe", "Song Yue", "Zhou Lina", "Wang Lei", "Sun Meiling", "Liu Jianhua",
             "Zhang Hong", "LI Xiaoming", "Chen Guodong"]
SURNAME_ONLY = {"Link": "Sören Link", "Reisacher": "Thomas Reisacher"}
CITIES_CN = ["Panjin", "Shenyang", "Dalian", "Changchun", "Harbin", "Wuhan", "Chengdu", "Hefei", "Jinan",
             "Qingdao", "Tianjin", "Suzhou", "Taicang", "Cangzhou", "Zhaoqing"]
CITIES_DE = ["Duisburg", "Augsburg", "Bielefeld", "Wolfsburg", "Stuttgart", "Göppingen", "Reutlingen",
             "Osnabrück", "Hagen"]
MONTHS = ("Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|May|June|July|"
          "August|September|October|November|December|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember")

# --- The universes names are drawn from -------------------------------------------------------------

ONSETS = ["Nor", "Alp", "Rhen", "Han", "Balt", "Iber", "Lux", "Dan", "Volt", "Silv", "Astr", "Terr", "Kor",
          "Mer", "Sol", "Vel", "Cor", "Bren", "Fal", "Gal", "Hel", "Ind", "Jur", "Kal", "Lan", "Mar", "Nov",
          "Oct", "Pol", "Quin", "Ros", "Sten", "Tor", "Ul", "Ven", "Wal", "Xen", "Yor", "Zan", "Ard", "Bel",
          "Cas", "Dor", "Els", "Fer", "Gor", "Hal", "Ist", "Kar", "Lor", "Mon", "Nid", "Orb", "Pan", "Rad",
          "Sar", "Tal", "Vin", "Wen", "Zel"]
CODAS = ["tek", "ma", "wer", "lon", "ris", "vex", "dia", "tron", "nova", "gen", "lit", "mar", "sal", "tis",
         "ran", "dex", "vis", "lux", "cor", "fin", "tal", "ber", "mont", "stad", "holm", "berg", "feld", "rix",
         "plan", "tec", "nex", "dor", "mat", "sys", "tura", "vent", "lag", "kon", "pro", "zon", "quant", "mex",
         "tor", "sen", "win", "via", "rel", "sta", "kraft", "werk"]
SECTORS = ["Chemie", "Technik", "Motion", "Polymers", "Systems", "Logistics", "Materials", "Robotics",
           "Automation", "Antriebstechnik", "Hydraulik", "Präzisionsguss", "Fördertechnik", "Umwelttechnik",
           "Energy", "Components", "Industries", "Engineering", "Maschinenbau", "Elektronik", "Optics",
           "Pharma", "Medical", "Plastics", "Metals", "Steel", "Mobility", "Solutions", "Instruments",
           "Sensorik", "Werkzeugbau", "Verpackung", "Textil", "Foods", "Coatings", "Batteries", "Solar",
           "Wind", "Rail", "Aerospace", "Marine", "Filtration", "Pumps", "Valves", "Bearings", "Gears",
           "Cables", "Glass", "Ceramics", "Paper", "Digital", "Software", "Networks", "Analytics",
           "Biotech", "Agrar", "Lighting", "Tools", "Fasteners", "Castings", "Forging", "Composites",
           "Membranes", "Catalysts", "Gases", "Fibres", "Rubber", "Acoustics", "Thermal", "Vacuum"]
PINYIN = ["Hua", "Xin", "Long", "Tai", "Jin", "Hong", "Sheng", "Feng", "Yuan", "Kang", "Rui", "Heng",
          "Da", "Zhong", "Bao", "Chang", "Fu", "Guang", "Hai", "Jia", "Li", "Ming", "Ning", "Qiang", "Shun",
          "Tian", "Wei", "Xing", "Yong", "Zhi", "An", "Cheng", "De", "Hui", "Kai", "Lian", "Mei", "Peng",
          "Run", "Tong"]
CN_SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
               "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang",
               "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai",
               "Jiang", "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lyu", "Ding", "Ren", "Lu", "Yao", "Shen",
               "Zhong", "Jiang", "Cui", "Tan", "Fan", "Jin", "Shi", "Liao", "Jia", "Xia"]
GIVEN_1 = ["Jian", "Xiao", "Zhi", "Wen", "Hai", "Li", "Ming", "Hong", "Guo", "Yu", "Xue", "Jun", "Hui",
           "Ying", "Qing", "Chun", "Dong", "Lan", "Mei", "Rong", "Shu", "Tao", "Wei", "Xin", "Yan", "Zhen",
           "Bao", "Chao", "Fang", "Gang", "Hao", "Jie", "Kun", "Lei", "Na", "Ping", "Qiang", "Song", "Ting", "Yun"]
GIVEN_2 = ["hua", "ming", "cheng", "feng", "lin", "jun", "hong", "ping", "yang", "qiang", "li", "na", "yan",
           "ling", "wei", "tao", "bo", "dong", "fei", "gang", "hui", "jie", "kai", "lei", "mei", "ning", "peng",
           "qing", "rui", "shan", "ting", "wen", "xia", "xin", "yu", "zhe", "zhi", "yue", "hao", "bin"]
EU_FIRST = ["Thomas", "Katrin", "Markus", "Anna", "Jörg", "Sören", "Piotr", "Andrei", "Michael", "Stefan",
            "Andreas", "Christian", "Frank", "Martin", "Peter", "Klaus", "Jürgen", "Uwe", "Sabine", "Petra",
            "Claudia", "Monika", "Susanne", "Julia", "Laura", "Lena", "Johannes", "Florian", "Tobias", "Lukas",
            "Matthias", "Sebastian", "Alexander", "Daniel", "Tim", "Jan", "Niklas", "Felix", "Maximilian",
            "Sophie", "Marie", "Hannah", "Elena", "Clara", "Ingrid", "Erik", "Lars", "Sven", "Björn", "Astrid",
            "Pierre", "Jean", "Claire", "François", "Isabelle", "Luca", "Marco", "Giulia", "Francesca",
            "Carlos", "Javier", "Lucía", "Pablo", "Tomasz", "Katarzyna", "Agnieszka", "Marek", "Jakub",
            "Pavel", "Jana", "Eva", "Martina", "Henrik", "Anders", "Mikael", "Oliver", "James", "Emma",
            "Hugo", "Nora", "Paul", "Georg", "Wolfgang", "Dieter", "Helmut", "Ralf", "Bernd", "Karin",
            "Birgit", "Ute", "Heike", "Anja", "Nadine", "Simone", "Silke", "Doris", "Ewa", "Zofia", "Ivan"]
EU_SURNAMES = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
               "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
               "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
               "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann",
               "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller",
               "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank",
               "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster",
               "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein",
               "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf",
               "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann",
               "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer", "Reisacher", "Vollmer", "Leitner",
               "Sauerwein", "Link", "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski",
               "Zieliński", "Szymański", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rossi", "Russo",
               "Ferrari", "Esposito", "Bianchi", "Romano", "García", "Fernández", "López", "Martínez",
               "Sánchez", "Novák", "Svoboda", "Dvořák", "Andersson", "Johansson", "Karlsson", "Nilsson",
               "Eriksson", "Larsen", "Hansen", "Jensen", "Nielsen", "De Vries", "Jansen", "Bakker", "Visser",
               "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Sokolov", "Ivanov", "Petrov", "Popov",
               "Gruber", "Pichler", "Moser", "Mayr", "Eder", "Steiner", "Hofer", "Leitgeb", "Aigner", "Wimmer",
               "Brunner", "Egger", "Lechner", "Haider", "Reiter", "Fink", "Lindner", "Kopp", "Kraft", "Ebert",
               "Wendt", "Hauser", "Kessler", "Hartl", "Ostermann", "Hellwig", "Zawadzki", "Berg", "Sokol"]
EUROPE = {"DE", "AT", "CH", "FR", "GB", "NL", "BE", "LU", "IT", "ES", "PT", "SE", "NO", "DK", "FI", "IE",
          "PL", "CZ", "HU", "SK", "SI", "GR"}


def zipf_rank(rng, n):
    """A rank in [0, n) with P(r) ~ 1/(r+1): few frequent names, a tail that keeps growing."""
    return min(n - 1, int(n ** rng.random()) - 1)


def scramble(rank, n):
    """Spread ranks over the universe so frequent names don't all share one syllable."""
    return (rank * 7919 + 17) % n if n % 7919 else rank


class Universe:
    """Every name the generator can produce, by kind, numbered so that a rank is a name."""

    def __init__(self):
        self.cities_cn = self._cities("CN", 800)
        self.cities_de = self._cities("DE", 300)
        self.ref_firms = self._reference_firms()
        self.n_synthetic = len(ONSETS) * len(CODAS) * (len(SECTORS) + 1)
        self.n_cn_brands = len(PINYIN) ** 2 + len(PINYIN) ** 3  # two- and three-syllable brands
        self.n_cn_people = len(CN_SURNAMES) * (len(GIVEN_1) * len(GIVEN_2) + len(GIVEN_1))
        self.n_eu_people = len(EU_FIRST) * len(EU_SURNAMES)

    @staticmethod
    def _cities(iso2, limit):
        rows = []
        with open(os.path.join(REFERENCE, "cities.tsv"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                # One capitalised word only: multi-word or hyphenated names could swallow the text
                # around them ("Xinyuan Battery") and change what the sentence says.
                if cols[2] == iso2 and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]{3,}", cols[1]):
                    rows.append((-int(cols[4] or 0), cols[1]))
        names = []
        for _, name in sorted(rows):
            if name not in names:
                names.append(name)
        return names[:limit]

    @staticmethod
    def _reference_firms():
        names = []
        with open(os.path.join(REFERENCE, "organizations.tsv"), encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if not line.startswith("#") and len(cols) > 1 and cols[1] in EUROPE:
                    names.append(cols[0])
        return sorted(set(names))

    def firm(self, rng):
        # About a quarter of the firms are real European ones from the reference data, so the
        # reference look-up path is exercised as in real news; the rest are new to the knowledge base.
        if rng.random() < 0.25:
            n = len(self.ref_firms)
            return self.ref_firms[scramble(zipf_rank(rng, n), n)]
        i = scramble(zipf_rank(rng, self.n_synthetic), self.n_synthetic)
        i, onset = divmod(i, len(ONSETS))
        sector, coda = divmod(i, len(CODAS))
        stem = ONSETS[onset] + CODAS[coda]
        return stem if sector == len(SECTORS) else f"{stem} {SECTORS[sector]}"

    def family(self, rng):
        return EU_SURNAMES[scramble(zipf_rank(rng, len(EU_SURNAMES)), len(EU_SURNAMES))]

    def cn_brand(self, rng):
        i = scramble(zipf_rank(rng, self.n_cn_brands), self.n_cn_brands)
        syllables = []
        for _ in range(2 if i < len(PINYIN) ** 2 else 3):
            i, s = divmod(i, len(PINYIN))
            syllables.append(PINYIN[s].lower())
        return "".join(syllables).capitalize()

    def cn_person(self, rng, upper_surname=False):
        i = scramble(zipf_rank(rng, self.n_cn_people), self.n_cn_people)
        i, s = divmod(i, len(CN_SURNAMES))
        g1, g2 = divmod(i, len(GIVEN_2) + 1)
        given = GIVEN_1[g1 % len(GIVEN_1)] + (GIVEN_2[g2 - 1] if g2 else "")
        surname = CN_SURNAMES[s].upper() if upper_surname else CN_SURNAMES[s]
        return f"{surname} {given}"

    def eu_person(self, rng):
        i = scramble(zipf_rank(rng, self.n_eu_people), self.n_eu_people)
        s, f = divmod(i, len(EU_FIRST))
        return f"{EU_FIRST[f]} {EU_SURNAMES[s]}"

    def city(self, rng, names):
        return names[zipf_rank(rng, len(names))]


# --- Templates: a source text cut once into literal pieces and slots ------------------------------

def slot_regex():
    names = FIRMS + FAMILY_FIRMS + CN_BRANDS + PEOPLE_EU + PEOPLE_CN + list(SURNAME_ONLY) + CITIES_CN + CITIES_DE
    names += [c.upper() for c in CITIES_CN + CITIES_DE]  # datelines: "PANJIN, China, Nov. 17"
    names = sorted(set(names), key=len, reverse=True)
    # Python's re only allows fixed-width look-behind, hence one look-behind per month.
    day_en = "|".join(rf"(?<=\b{m} )\d{{1,2}}\b|(?<=\b{m}\. )\d{{1,2}}\b" for m in MONTHS.split("|"))
    alternatives = [
        rf"(?P<day_en>{day_en})",                            # "Nov. 17", "June 15"
        rf"(?P<day_de>\b\d{{1,2}}(?=\. (?:{MONTHS})\b))",    # "15. Mai"
        r"(?P<year>\b(?:19|20)\d\d\b)",
        # Amounts and counts; not parts of dates, times, decimals or codes ("2023-06-15", "LJ-3600").
        r"(?P<amount>(?<![\w:\-./,])\d{2,3}(?![\w:\-])(?![.,]\d))",
        r"(?P<name>\b(?:" + "|".join(map(re.escape, names)) + r")\b)",
    ]
    return re.compile("|".join(alternatives))


def template(text, rx):
    """[literal, (kind, source), literal, (kind, source), ..., literal]"""
    parts, pos = [], 0
    for m in rx.finditer(text):
        parts.append(text[pos:m.start()])
        kind = m.lastgroup
        parts.append((kind, m.group()))
        pos = m.end()
    parts.append(text[pos:])
    return parts


def fill(parts, rng, universe, chosen):
    """One copy of a template; `chosen` (source name -> replacement) starts empty per document."""

    def name_for(source):
        if source in chosen:
            return chosen[source]
        if source in SURNAME_ONLY:
            value = name_for(SURNAME_ONLY[source]).split(" ", 1)[1]
        elif source in FIRMS:
            value = universe.firm(rng)
        elif source in FAMILY_FIRMS:
            value = universe.family(rng)
        elif source in CN_BRANDS:
            value = universe.cn_brand(rng)
        elif source in PEOPLE_EU:
            value = universe.eu_person(rng)
        elif source in PEOPLE_CN:
            value = universe.cn_person(rng, upper_surname=source.split()[0].isupper())
        elif source.title() in CITIES_CN or source in CITIES_CN:
            value = name_for(source.title()).upper() if source.isupper() else universe.city(rng, universe.cities_cn)
        else:
            value = name_for(source.title()).upper() if source.isupper() else universe.city(rng, universe.cities_de)
        chosen[source] = value
        return value

    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        kind, source = part
        if kind == "name":
            out.append(name_for(source))
        elif kind == "year":
            out.append(str(rng.randint(2005, 2024)))
        elif kind in ("day_en", "day_de"):
            out.append(str(rng.randint(1, 28)))
        else:
            out.append(str(rng.randint(10, 999)))
    return "".join(out)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    out, size_mb = args[0], float(args[1])
    started = time.time()
    rx = slot_regex()
    templates = []
    for folder in SOURCES:
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith(".txt"):
                    with open(os.path.join(folder, name), encoding="utf-8") as f:
                        templates.append(template(f.read(), rx))
    universe = Universe()
    rng = random.Random(42)
    target = int(size_mb * 1024 * 1024)
    total = n = 0
    distinct = {}  # with --stats: kind of source name -> set of names drawn for it
    while total < target:
        chosen = {}
        text = fill(templates[n % len(templates)], rng, universe, chosen)
        if "--stats" in sys.argv:
            for source, value in chosen.items():
                distinct.setdefault(kind_of(source), set()).add(value.title())
        folder = os.path.join(out, f"{n // PER_FOLDER:03d}")
        if n % PER_FOLDER == 0:
            os.makedirs(folder, exist_ok=True)
        data = text.encode("utf-8")
        with open(os.path.join(folder, f"doc{n:06d}.txt"), "wb") as f:
            f.write(data)
        total += len(data)
        n += 1
    print(f"{n} documents, {total / 1048576:.1f} MB in {out} ({time.time() - started:.1f} s)")
    if distinct:
        print("distinct names drawn: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(distinct.items())))


def kind_of(source):
    for kind, names in (("firms", FIRMS + FAMILY_FIRMS), ("chinese brands", CN_BRANDS),
                        ("people", PEOPLE_EU + PEOPLE_CN + list(SURNAME_ONLY)),
                        ("chinese cities", CITIES_CN)):
        if source in names or source.title() in names:
            return kind
    return "german cities"


if __name__ == "__main__":
    main()
