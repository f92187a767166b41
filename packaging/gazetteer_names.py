"""How regions are named and mentioned, for ``build_gazetteer.py``.

Short names made from the official names by dropping the type suffix and
nationality names, the aliases and zone short names kept by hand, the name a
functional zone is shown under, and the rule that flags a name as ambiguous
(the columns ``short_names``, ``aliases`` and ``ambiguous`` are described in
``build_gazetteer.py``). Only the standard library is needed.
"""

from __future__ import annotations

# Official one-character abbreviations (简称) of the provincial units; the
# second form exists officially for five provinces.
PROVINCE_ABBREVIATIONS = {
    "110000": "京", "120000": "津", "130000": "冀", "140000": "晋", "150000": "蒙",
    "210000": "辽", "220000": "吉", "230000": "黑", "310000": "沪", "320000": "苏",
    "330000": "浙", "340000": "皖", "350000": "闽", "360000": "赣", "370000": "鲁",
    "410000": "豫", "420000": "鄂", "430000": "湘", "440000": "粤", "450000": "桂",
    "460000": "琼", "500000": "渝", "510000": "川|蜀", "520000": "黔|贵",
    "530000": "云|滇", "540000": "藏", "610000": "陕|秦", "620000": "甘|陇",
    "630000": "青", "640000": "宁", "650000": "新", "710000": "台", "810000": "港",
    "820000": "澳",
}

# Other names well established in news text. Kept short on purpose: every
# entry is a string the recogniser will look for. 石门 (石家庄's name until
# 1947) is left out because it is also 湖南 石门县.
EXTRA_ALIASES = {
    "130700": ["张垣"],
    # The management area's name before the district was set up in 2012; news text kept it
    # for years, and it means the district, not a functional zone.
    "130209": ["曹妃甸新区"],
}

# Functional zones are named after their city and kind of park, so no suffix
# rule gives a usable short form. These are the name without province or city
# prefix where that is still distinctive, and the 高新区/经开区 abbreviations;
# a zone missing here falls back to the source's own short name.
ZONE_SHORT = {
    "130171": ["石家庄高新区"],
    "130172": ["石家庄循环化工园区"],
    "130271": ["唐山芦台经济开发区", "芦台经济开发区"],
    "130272": ["汉沽"],
    "130273": ["唐山高新区"],
    "130274": ["唐山海港经济开发区", "海港经济开发区"],
    "130371": ["秦皇岛经济技术开发区", "秦皇岛经开区"],
    # Not 北戴河: that is 北戴河区, a different unit.
    "130372": ["北戴河新区"],
    "130471": ["邯郸经开区"],
    # Not 冀南: it names the whole south of the province.
    "130473": ["冀南新区"],
    "130571": ["邢台经济开发区", "邢台经开区"],
    "130671": ["保定高新区"],
    # Not 白沟: that is 白沟镇 of 高碑店市.
    "130672": ["白沟新城"],
    "130771": ["张家口经开区"],
    "130772": ["察北"],
    "130773": ["塞北"],
    "130871": ["承德高新区"],
    "130971": ["沧州经济开发区", "沧州经开区"],
    "130972": ["沧州高新区"],
    "130973": ["渤海新区"],
    "131071": ["廊坊经开区"],
    "131171": ["衡水高新技术产业开发区", "衡水高新区"],
    "131172": ["滨湖新区"],
}

# Words that name a kind of place rather than a place.
GENERIC_NAMES = frozenset({
    "城区", "郊区", "矿区", "新区", "东区", "西区", "市辖区", "林区", "开发区", "高新区",
    "经开区", "新城", "园区", "管理区", "经济开发区", "经济技术开发区", "高新技术产业开发区",
})

# Zone names that start with these are generic once the city is dropped, so
# the city stays in the name.
_GENERIC_ZONE_STARTS = ("经济", "高新", "开发")

# The 55 minority nationalities plus 各 (龙胜各族自治县). Autonomous-unit names
# add them with 族, except the Xinjiang names and 鄂伦春自治旗, which MCA
# writes without it.
ETHNIC_NAMES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 "
    "高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 "
    "普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 "
    "珞巴 基诺 各"
).split()
_ETHNIC_BY_LENGTH = sorted(ETHNIC_NAMES, key=len, reverse=True)
_ETHNIC_WITHOUT_ZU = ("维吾尔", "哈萨克", "柯尔克孜", "塔吉克", "锡伯", "蒙古", "鄂伦春")

# Banner names ending in a direction or position (巴林左旗, 鄂托克前旗) and the
# Eight-Banner colours are not used without 旗.
_BANNER_KEEP_ENDINGS = ("左", "右", "前", "中", "后", "合")
_BANNER_COLOURS = frozenset({"镶黄", "正蓝", "正镶白"})

# Most names ending in 林区 are a place ending in 林 (碑林区, 万柏林区);
# 神农架林区 is the one forestry district.
_FORESTRY_DISTRICTS = frozenset({"神农架林区"})

_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "zone": 2}


def _strip_ethnic(stem: str) -> tuple[str, str]:
    """Remove trailing nationality names; return (place stem, last nationality removed)."""
    removed = ""
    while stem:
        for ethnic in _ETHNIC_BY_LENGTH:
            forms = [ethnic + "族"] + ([ethnic] if ethnic in _ETHNIC_WITHOUT_ZU else [])
            # 内蒙古 ends in 蒙古 but is a place name, not 内 + a nationality.
            form = next((f for f in forms if stem.endswith(f)
                         and len(stem) - len(f) != 1), None)
            if form:
                stem, removed = stem[: -len(form)], ethnic
                break
        else:
            break
    return stem, removed


def derive_short_names(name: str, siblings_stems: frozenset[str] = frozenset()) -> list[str]:
    """Short forms of an administrative unit's name (see the module docstring)."""
    for suffix, base in (("自治区", ""), ("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
        if name.endswith(suffix):
            stem, ethnic = _strip_ethnic(name[: -len(suffix)])
            if not stem:
                # 鄂伦春自治旗, 东乡族自治县: the place is named after the people.
                return [ethnic + base] if base else [name]
            return [stem, stem + base] if base else [stem]

    if name.endswith("特别行政区"):
        return [name[: -len("特别行政区")]]
    if name in _FORESTRY_DISTRICTS:
        return [name[:-2]]

    if name.endswith("矿区"):
        stem = name[:-2]
        # 井陉矿区 beside 井陉县: plain 井陉 means the county.
        if len(stem) >= 2 and stem not in siblings_stems:
            return [stem]
        return [name[:-1]] if len(stem) >= 2 else [name]
    if name.endswith("新区") or name.endswith("特区") or name.endswith("地区"):
        stem = name[:-2]
        if len(stem) >= 2:
            return [stem]
        # 清新区 is 清新 + 区, not 清 + 新区.
        return [name[:-1]] if len(name) >= 3 else [name]

    if name.endswith("旗"):
        stem = name[:-1]
        if stem.endswith(_BANNER_KEEP_ENDINGS) or stem in _BANNER_COLOURS or len(stem) < 2:
            return [name]
        return [stem]

    for suffix in ("省", "盟", "市", "县", "区"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            if len(stem) >= 2:
                return [stem]
            if len(stem) == 1 and suffix in ("市", "县"):
                return [name, stem]
            return [name]
    return [name]


def name_stem(name: str) -> str:
    return derive_short_names(name)[0]


def zone_name(nbs_name: str, prefecture_name: str) -> str:
    """察北管理区 rather than 张家口市察北管理区; 秦皇岛市经济技术开发区 stays whole."""
    if nbs_name.startswith(prefecture_name):
        rest = nbs_name[len(prefecture_name):]
        if rest and not rest.startswith(_GENERIC_ZONE_STARTS):
            return rest
    return nbs_name


def mark_ambiguous(rows: list[dict], others: list[dict],
                    successors: dict[str, set[str]]) -> None:
    everyone = rows + others
    full_names: dict[str, list[int]] = {}
    keys: dict[str, list[int]] = {}
    for i, r in enumerate(everyone):
        # A lower-level unit blocks a form only by its full name and only while
        # it exists: the county-level 运城市 that became 盐湖区 in 2000 does
        # not make the prefecture 运城市 ambiguous.
        if r.get("status") == "current":
            full_names.setdefault(r["name"], []).append(i)
        for k in {r["name"], *r["short_names"]}:
            keys.setdefault(k, []).append(i)

    def linked(a: dict, b: dict) -> bool:
        if (a.get("no_successor") or b.get("no_successor")) and a["code"][:2] == b["code"][:2]:
            # The history gives no successor when a 地区 or 盟 became a city
            # under a new code (运城地区 -> 运城市); the same name in the same
            # province is that successor.
            return True
        return (a["code"] == b["code"] or b["code"] in successors.get(a["code"], ())
                or a["code"] in successors.get(b["code"], ()))

    for i, row in enumerate(rows):
        own = {row["name"], *row["short_names"]}
        flag = bool(own & GENERIC_NAMES) or any(len(s) == 1 for s in row["short_names"])
        rank = _LEVEL_RANK[row["level"]]
        for k in own:
            if flag:
                break
            for j in keys[k]:
                other = everyone[j]
                if j == i or linked(row, other):
                    continue
                if _LEVEL_RANK[other["level"]] <= rank or j in full_names.get(k, ()):
                    flag = True
                    break
        row["ambiguous"] = "1" if flag else "0"
