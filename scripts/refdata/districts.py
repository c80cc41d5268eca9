"""districts.tsv: Chinese county-level divisions (python-stdnum cn/loc.dat, GB2260) in pinyin."""

import os
import re
import sys

from textutil import fold

ETHNIC = ("满|蒙古|回|朝鲜|土家|苗|彝|藏|壮|侗|瑶|白|哈尼|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|"
          "达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|鄂温克|德昂|保安|裕固|京|独龙|鄂伦春|"
          "哈萨克|布依|维吾尔|各|俄罗斯|乌孜别克|塔塔尔|门巴|珞巴|基诺|高山")
SUFFIX = re.compile(r"(?:(?:" + ETHNIC + r")族)*(?:自治县|自治旗|新区|林区|特区|矿区|区|县|市|旗)$")
PREF_SUFFIX = re.compile(r"(?:(?:" + ETHNIC + r")族)*(?:自治州|地区|盟|市)$")
PROV_SUFFIX = re.compile(r"(?:壮族|回族|维吾尔)?(?:自治区|省|市|特别行政区)$")

# pypinyin's default reading is wrong for a few characters common in place names.
POLYPHONE_FIX = {"长": "chang", "重": "chong", "乐": "le", "会": "hui", "藏": "zang", "蚌": "beng",
                 "大": "da", "朝": "chao", "厦": "xia", "洞": "dong", "便": "bian"}


def pinyin(han, lazy_pinyin, Style):
    parts = lazy_pinyin(han, style=Style.NORMAL, v_to_u=True)  # phrase-aware readings
    if len(parts) == len(han):
        parts = [POLYPHONE_FIX.get(ch, p) for ch, p in zip(han, parts)]
    out = parts[0]
    for p in parts[1:]:
        # apostrophe before a syllable starting with a vowel (Xi'an), as in standard pinyin
        out += ("'" if p[:1] in "aeo" else "") + p
    out = out.replace("ü", "u")
    return out[:1].upper() + out[1:]


def write_districts(out, paths, city_rows, admin1, write_tsv):
    sys.path.insert(0, paths.pypinyin)
    from pypinyin import Style, lazy_pinyin  # noqa: E402

    # admin1 lookup by folded name/alias for CN
    a1 = {}
    for key, row in admin1.items():
        if key.startswith("CN."):
            for n in [row[2]] + list(row[4]):
                f = fold(re.sub(r"\s+(Sheng|Shi|Zizhiqu|Province|Municipality)$", "", n))
                a1.setdefault(f.replace(" ", ""), key)
    a1.update({"neimenggu": a1.get("neimongol", "CN.20"), "xizang": a1.get("xizang", "CN.14")})
    # CN cities by (admin1, folded name)
    cities = {}
    for r in city_rows:  # names first, then aliases
        if r[2] == "CN":
            cities.setdefault((r[3], fold(r[1]).replace(" ", "")), r[1])
    for r in city_rows:
        if r[2] == "CN":
            for a in r[7]:
                cities.setdefault((r[3], fold(a).replace(" ", "")), r[1])
    rows = {}
    pat = re.compile(r'^(\d{6}) county="([^"]*)" prefecture="([^"]*)" province="([^"]*)"')
    with open(paths.stdnum_loc, encoding="utf-8") as f:
        for line in f:
            m = pat.match(line)
            if not m:
                continue
            code, county, pref, prov = m.groups()
            if county in ("市辖区", "县", "") or "直辖" in county:
                continue
            cbase = SUFFIX.sub("", county)
            if len(cbase) < 2:
                cbase = county  # 郊区, 城区: keep the whole word
            name = pinyin(cbase, lazy_pinyin, Style)
            pbase = PROV_SUFFIX.sub("", prov)
            if pbase.startswith("内蒙古"):
                pbase = "内蒙古"
            pkey = fold(pinyin(pbase, lazy_pinyin, Style)).replace(" ", "").replace("'", "")
            akey = a1.get(pkey, "")
            if pref in ("市辖区", "县", "") or "直辖" in pref:
                city_han = pbase  # municipalities (Beijing, Shanghai, Tianjin, Chongqing)
            else:
                city_han = PREF_SUFFIX.sub("", pref) or pref
            city_py = pinyin(city_han, lazy_pinyin, Style)
            city = cities.get((akey, fold(city_py).replace(" ", "")), "")
            if not city:
                city = cities.get((akey, fold(city_py).replace(" ", "").replace("'", "")), "")
            if not city:
                city = city_py  # prefecture not in cities15000: keep the pinyin name
            k = (name, city, akey)
            rows[k] = [name, city, akey, "CN", "python-stdnum"]
    return write_tsv(os.path.join(out, "districts.tsv"),
                     "source: python-stdnum 1.18 (Debian python3-stdnum, LGPL-2.1+) stdnum/cn/loc.dat (GB2260 county-level "
                     "codes incl. historical ones), romanised with pypinyin 0.55.0 (MIT), suffix 区/县/市/旗 dropped; city = "
                     "matching cities.tsv name where one exists, else the prefecture's pinyin; polyphones may be wrong",
                     ["name", "city", "admin1", "iso2", "source"], list(rows.values()), key_cols=3)
