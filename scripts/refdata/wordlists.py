#!/usr/bin/env python3
"""Common-word lists for telling names from ordinary words, from Debian's spelling dictionaries.

- seeds/reference/words_en.txt: English words the dictionary spells in lower case (wamerican):
  a capitalised word that is one of these at the start of a sentence ("Situated", "Another")
  is an ordinary word, not a name.
- seeds/reference/words_de.txt: German nouns (capitalised entries of wngerman), folded to lower
  case: in German every noun is capitalised, so a capitalised token that is one of these, or a
  compound ending in one ("Eröffnungszeremonie"), is an ordinary noun, not a name.

usage: wordlists.py [OUT_DIR]   (needs: apt-get install wamerican wngerman)
"""
import os, subprocess, sys, unicodedata

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "seeds", "reference")


def version(pkg):
    return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True).stdout.strip()


def fold(w):
    return unicodedata.normalize("NFC", w).lower()


def main():
    en = set()
    for line in open("/usr/share/dict/american-english", encoding="utf-8"):
        w = line.strip()
        if w and w[0].islower() and "'" not in w:
            en.add(fold(w))
    de = set()
    for line in open("/usr/share/dict/ngerman", encoding="utf-8"):
        w = line.strip()
        if len(w) >= 3 and w[0].isupper() and not w.isupper() and "'" not in w:
            de.add(fold(w))
    with open(os.path.join(OUT, "words_en.txt"), "w", encoding="utf-8") as f:
        f.write(f"# English words spelled in lower case by Debian wamerican {version('wamerican')} (SCOWL; public domain / permissive)\n")
        f.writelines(w + "\n" for w in sorted(en))
    with open(os.path.join(OUT, "words_de.txt"), "w", encoding="utf-8") as f:
        f.write(f"# German nouns (capitalised entries, folded) of Debian wngerman {version('wngerman')} (igerman98, GPL-2+ / GPL-3 / OASIS)\n")
        f.writelines(w + "\n" for w in sorted(de))
    print(f"words_en.txt: {len(en)} words; words_de.txt: {len(de)} words")


if __name__ == "__main__":
    main()
