"""The part a name plays besides naming a place: a bare zone word read as its city's zone, an
item of a list, an example, or an addressee.

A bare 高新区/经开区 (高新区开展商超促销活动) is the zone of that kind of the prefecture the article
names most, when the gazetteer has exactly one such zone there; written right after its city
(衡水市高新区) it is that city's zone. It is found only standing alone, not inside another phrase
(省级高新区), and not in an article about one of the city's counties. Zones without a row of their
own (燕郊高新区) are read by the gazetteer as their host county (kind ``host``, see
``gazetteer_scan.ZONE_HOSTS``).

Lists of three or more places (邢台、张家口、承德、秦皇岛), a place followed by 等 (张北等6个县区),
places opening the items of an enumeration closed by 等 (张北云计算产业基地、怀来县京北生态科技新城
等) and places in （含…） get the role ``list``; names on addressee lines (各市（含定州、辛集市）
人民政府，雄安新区管委会：) the role ``addressee``; a place whose delegation visits (承德市党政代表团
来我市考察) the role ``visitor``. None says what the article is about or where a figure is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .gazetteer import RegionGazetteer
from .region_mentions import gap_is_list, prefecture_counts
from .region_records import Mention

_GENERIC_ITEM = re.compile(r"高新区|开发区|经开区|新区|城区")
_LIST_AFTER = re.compile(r"等|两|二|三|四|五|六|七|八|九|十|各")
_ADDRESSEE = re.compile(r"各(?:市|县|区|设区|有关|部门|单位)|人民政府|管委会|委员会")
_INCLUDING = re.compile(r"[(（](?:含|包括)[^()（）]*[)）]")
_EXAMPLE_GAP = re.compile(r"[\u4e00-\u9fff]{0,12}、")
_EXAMPLE_END = re.compile(r"[\u4e00-\u9fff]{0,12}等")
# 各市（含定州、辛集市）和雄安新区…, 省或市、雄安新区科技管理部门: a unit named beside "every city"
# ("the city concerned") is one more addressee of a province-wide rule, not its subject.
_EVERY_CITY = re.compile(r"(?:各|有关|相关|所在|省或|或)(?:设区的?)?市(?:[(（][^()（）\n]{0,20}[)）])?"
                         r"(?:人民政府|政府|党委|[\u4e00-\u9fff]{1,6}局)?(?:[、，,和及与]|以及)$")
# A delegation from a place (承德市党政代表团, 邢台客商一行) visits: the place is named in passing.
_VISITOR = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:代表团|考察团|参观团|调研团|客商|一行)")
# Bare zone words read as the article's city's zone (see ``read_bare_zones``). A bare
# 开发区 or 经济开发区 is as often a county's own zone (枣强县经济开发区), so it is left alone.
_BARE_ZONE = re.compile(r"高新技术产业开发区|经济技术开发区|高新区|经开区")
_ZONE_LEFT = set("在和与及同对由把将为是了的从到、，,。；;：:！？!?“”\"（()）\n ")


def read_bare_zones(gaz: RegionGazetteer, doc: str, display: str,
                    ms: list[Mention]) -> list[Mention]:
    """A bare 高新区/经开区 is the zone of that kind of the city the article is about.

    衡水's 高新区开展商超促销活动 means 河北衡水高新技术产业开发区. The city is the prefecture
    named most (a tie settles nothing), and it must have exactly one zone of that kind in the
    gazetteer. Only a word standing alone counts: after a name character it belongs to
    something else (省级高新区, 加快高新区建设). An article naming one of the city's counties
    or county-level cities more often than the city itself is about that county, whose own
    zone a bare 高新区 may be: nothing is read there.
    """
    words = list(_BARE_ZONE.finditer(doc))
    if not words:
        return ms
    prefectures, _ = prefecture_counts(gaz, ms)
    top = prefectures.most_common(2)
    tied = not top or (len(top) == 2 and top[0][1] == top[1][1])
    city = None if tied else gaz.get(top[0][0])
    if city is not None:
        named = Counter(gaz.successor(m.region) for m in ms if m.region is not None)
        if any(r.level == "county" and r.name.endswith(("县", "市", "旗")) and n > named[city]
               and gaz.prefecture_of(r) is city for r, n in named.items()):
            city = None
    ends = {m.end: i for i, m in enumerate(ms)}
    taken = [(m.start, m.end) for m in ms]
    added = []
    for z in words:
        if any(a < z.end() and z.start() < b for a, b in taken):
            continue
        before = ends.get(z.start())
        if before is not None and ms[before].region is not None:
            # 衡水市高新区: the zone of the city written in front, which only qualifies it.
            owner = gaz.successor(ms[before].region)
            zones = gaz.zones_of(owner, z.group()) if owner.level == "prefecture" else []
            if len(zones) == 1:
                ms[before] = replace(ms[before], role="qualifier")
                added.append(Mention(z.start(), z.end(), display[z.start():z.end()],
                                     (zones[0],), "zone", zones[0], "qualifier"))
            continue
        if city is None or (z.start() and doc[z.start() - 1] not in _ZONE_LEFT):
            continue
        zones = gaz.zones_of(city, z.group())
        if len(zones) == 1:
            added.append(Mention(z.start(), z.end(), display[z.start():z.end()],
                                 (zones[0],), "zone", zones[0], "article"))
    if added:
        return sorted(ms + added, key=lambda m: m.start)
    return ms


def mark_lists_and_addressees(doc: str, base: int, ms: list[Mention]) -> None:
    """Give the names in lists, enumerations, （含…） and addressee lines their role, in place."""
    chains, run = [], [0] if ms else []
    for i in range(1, len(ms)):
        if gap_is_list(doc, ms[i - 1], ms[i]):
            run.append(i)
        else:
            chains.append(run)
            run = [i]
    if run:
        chains.append(run)
    listed = set()
    for chain in chains:
        members = [i for i in chain if ms[i].role != "qualifier"]
        # Generic items between names (桃城区、高新区、滨湖新区) are members too.
        size = len(members) + sum(len(_GENERIC_ITEM.findall(doc, ms[a].end, ms[b].start))
                                  for a, b in zip(chain, chain[1:]))
        after = ms[chain[-1]].end
        grouped = (size == 2 and _LIST_AFTER.match(doc, after)
                   or doc.startswith("等", after))  # 张北等6个县区 speaks of a group too
        if size >= 3 or grouped:
            listed.update(members)
    listed.update(_examples(doc, ms))
    for span in _INCLUDING.finditer(doc):
        listed.update(i for i, m in enumerate(ms) if span.start() <= m.start < span.end())
    for i, m in enumerate(ms):
        if (m.role == "" and m.start > base and doc[m.start - 1] in "、，,和及与"
                and _EVERY_CITY.search(doc, max(0, m.start - 40), m.start)):
            ms[i] = m = replace(m, role="list")
        nxt = ms[i + 1].start if i + 1 < len(ms) else len(doc)
        hit = _VISITOR.match(doc, m.end)
        if m.role == "" and m.start >= base and hit and hit.end() <= nxt:
            ms[i] = replace(m, role="visitor")
    for lo, hi in _addressee_lines(doc, base):
        for i, m in enumerate(ms):
            if lo <= m.start < hi:
                ms[i] = replace(m, role="addressee")
    for i in listed:
        # A list in the title is what the article is about.
        if ms[i].role == "" and ms[i].start >= base:
            ms[i] = replace(ms[i], role="list")


def _examples(doc: str, ms: list[Mention]) -> set[int]:
    """Places opening the items of an enumeration closed by 等: 张北云计算产业基地、桥东区北方
    硅谷高科新城、怀来县京北生态科技新城等; 安平丝网、武邑金属橱柜等产业集群. They are examples,
    like a plain list of names."""
    out, run = set(), []
    for i, m in enumerate(ms):
        if (run and m.start and doc[m.start - 1] == "、"
                and _EXAMPLE_GAP.fullmatch(doc, ms[run[-1]].end, m.start)):
            run.append(i)
            continue
        if len(run) >= 2 and _EXAMPLE_END.match(doc, ms[run[-1]].end):
            out.update(run)
        run = [i]
    if len(run) >= 2 and _EXAMPLE_END.match(doc, ms[run[-1]].end):
        out.update(run)
    return out


def _addressee_lines(doc: str, base: int) -> list[tuple[int, int]]:
    spans, pos = [], base
    for line in doc[base:].split("\n"):
        stripped = line.strip()
        if (stripped and len(stripped) <= 200 and _ADDRESSEE.search(stripped)
                and (stripped[-1] in "：:" or (stripped.startswith("各") and "政府" in stripped))):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans
