"""Functional zones: development zones, high-tech zones, new areas and the like, which are not
divisions but are what many articles are about.

A zone with a gazetteer row (北戴河新区, 沧州渤海新区, 察北管理区, 雄安新区) is found by the scan
like any name. Any other zone is recognised by its form: a Hebei division written right before a
zone word (正定县经济开发区, 唐山综合保税区, 永清高新区, 某县新区) names a zone inside that division;
the division is then only part of the zone's name. Such a zone gets a region of its own, made here,
of level ``zone`` under the division, so that scores, references (该区, 全区) and figure places
treat it like a zone with a row. A bare zone word later in the article (开发区, 新区, 高新区)
standing alone is the zone of that kind named earlier in the article.

How a zone is reported (``report``): as the division that contains it, with the zone's name in
``RegionRef.zone`` (北戴河新区 -> 秦皇岛市, zone 北戴河新区). Zone names follow the NBS list where
it has them (张家口市察北管理区). 雄安新区 is not under one division: as a subject it stands for
its three core counties (``gazetteer.ZONE_COUNTIES``), each with the zone; a figure about the new
area as a whole has the new area itself as its region.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .gazetteer import HEBEI, Region, RegionGazetteer
from .region_records import Mention

# Zone words, longest first, with the kind a bare word stands for (经开区 = 经济技术开发区 ...).
_ZONE_WORDS = {
    "经济技术开发区": "经开", "高新技术产业开发区": "高新", "高新技术开发区": "高新",
    "经济开发区": "经开", "综合保税区": "保税", "高新区": "高新", "经开区": "经开", "保税区": "保税",
    "管理区": "管理", "开发区": "开发", "新区": "新区",
}
_ZONE_WORD = re.compile("|".join(sorted(_ZONE_WORDS, key=len, reverse=True)))
# Zone words as ``gazetteer.ZONE_KINDS`` knows them, to find a city's zone row of that kind.
_ROW_KINDS = {"经济技术开发区": "经开区", "经济开发区": "经开区", "经开区": "经开区",
              "高新技术产业开发区": "高新区", "高新技术开发区": "高新区", "高新区": "高新区"}
# A bare zone word counts only standing alone: after one of these (or at a line's start).
_BARE_LEFT = set("在和与及同对由把将为是了的从到、，,。；;：:！？!?“”\"（()）\n 全该本我")


def zone_name(region: Region) -> str:
    """The name a zone is reported by: the NBS form where the gazetteer shortened it."""
    if region.code[4:5] == "7" and region.aliases:
        return region.aliases[0]  # the build keeps the NBS name as the first alias
    return region.name


@lru_cache(maxsize=4096)
def made_zone(name: str, division: Region) -> Region:
    """The region of a zone without a gazetteer row, under the division its name starts with."""
    return Region(division.code, name, "zone", division.code, division.province_code, (), (),
                  "current", "", "", False)


def read_zone_names(gaz: RegionGazetteer, doc: str, display: str,
                    ms: list[Mention]) -> list[Mention]:
    """Zones named by their form (division + zone word), and bare zone words standing for them."""
    named: list[Region] = [m.region for m in ms if m.region is not None and m.region.level == "zone"]
    words = {w.start(): w for w in _ZONE_WORD.finditer(doc)}
    if not words:
        return ms
    out: list[Mention] = []
    for i, m in enumerate(ms):
        word = words.get(m.end)
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        division = gaz.successor(m.region) if m.region is not None else None
        if (word is None or division is None or not division.in_hebei
                or division.level not in ("prefecture", "county")
                or (nxt is not None and nxt.start < word.end())):
            out.append(m)
            continue
        # A qualifier in front (石家庄市正定县经济开发区) stays part of the zone's name.
        start = m.start
        while out and out[-1].end == start and out[-1].role == "qualifier":
            start = out.pop().start
        # 廊坊经济开发区 is the city's one zone of that kind with a row (廊坊经济技术开发区).
        rows = (gaz.zones_of(division, _ROW_KINDS[word.group()])
                if division.level == "prefecture" and word.group() in _ROW_KINDS else [])
        zone = rows[0] if len(rows) == 1 else made_zone(display[start:word.end()], division)
        named.append(zone)
        out.append(Mention(start, word.end(), display[start:word.end()], (zone,), "name", zone,
                           "unique"))
    return _read_bare_words(doc, display, out, named, words.values())


def _read_bare_words(doc: str, display: str, ms: list[Mention], named: list[Region],
                     words) -> list[Mention]:
    """开发区 standing alone, in an article that named one zone of that kind, is that zone."""
    kinds: dict[str, set[Region]] = {}
    for zone in named:
        for word, kind in _ZONE_WORDS.items():
            if zone.name.endswith(word) or zone_name(zone).endswith(word):
                kinds.setdefault(kind, set()).add(zone)
                break
    if not any(len(zones) == 1 for zones in kinds.values()):
        return ms
    first = {}
    for m in ms:
        if m.region is not None and m.region.level == "zone":
            first.setdefault(m.region, m.start)
    taken = [(m.start, m.end) for m in ms]
    added = []
    for w in words:
        zones = kinds.get(_ZONE_WORDS[w.group()], ())
        if len(zones) != 1 or any(a < w.end() and w.start() < b for a, b in taken):
            continue
        zone = next(iter(zones))
        if w.start() < first.get(zone, len(doc)) or (w.start() and doc[w.start() - 1] not in _BARE_LEFT):
            continue
        added.append(Mention(w.start(), w.end(), display[w.start():w.end()], (zone,), "zone", zone,
                             "named"))
    return sorted(ms + added, key=lambda m: m.start) if added else ms


def covered_counties(gaz: RegionGazetteer, zone: Region) -> list[Region]:
    """The counties a zone above the prefectures stands for as a subject (雄安新区), else none."""
    from .gazetteer import ZONE_COUNTIES

    return [r for r in (gaz.get(c) for c in ZONE_COUNTIES.get(zone.code, ())) if r is not None]


def container(gaz: RegionGazetteer, zone: Region) -> Region | None:
    """The division a zone lies in (its parent), None for a zone directly under the province."""
    parent = gaz.parent(zone)
    if parent is None or parent.code == HEBEI or parent.level == "province":
        return None
    return gaz.successor(parent)


def with_zone(ref, zone: Region):
    return replace(ref, zone=zone_name(zone))
