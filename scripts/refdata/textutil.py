"""Small text helpers shared by the reference-data generator."""

import re
import unicodedata


def fold(s):
    """Case- and accent-folded key: 'Köln' -> 'koln', 'Saudi-Arabien' -> 'saudi arabien'."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ß", "ss").casefold()
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def is_latin(s):
    """True if every letter is in a Latin block (Basic Latin .. Latin Extended)."""
    has_letter = False
    for c in s:
        if c.isalpha():
            has_letter = True
            try:
                if not unicodedata.name(c).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return has_letter


def is_latin1(s):
    return all(ord(c) < 0x250 if c.isalpha() else True for c in s) and all(
        ord(c) <= 0xFF for c in s if c.isalpha())


def clean_value(s):
    """Values may not contain tabs, newlines or '|'."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s))
    s = s.replace("\u2019", "'").replace("\u00a0", " ")
    s = re.sub(r"[\t\r\n|]+", " ", s)
    return " ".join(s.split())


def ok_value(s):
    return bool(s) and not re.search(r"[\t\r\n|]", s)


def uniq_aliases(name, aliases, limit=None):
    """Dedupe aliases by folded form, drop the ones equal to name, keep order."""
    seen = {fold(name)}
    out = []
    for a in aliases:
        a = clean_value(a)
        if not a:
            continue
        k = fold(a)
        if not k or k in seen:
            continue
        seen.add(k)
        out.append(a)
        if limit and len(out) >= limit:
            break
    return out
