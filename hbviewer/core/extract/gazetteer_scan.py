"""Finding gazetteer names in text: which names are looked for, and the guards against look-alikes.

Which names are looked for
--------------------------
Text is matched in folded form (``textnorm.fold``), so 張家口 is found as 张家口. At each place the
longest name wins (张家口市 over 张家口, 北戴河新区 over 北戴河) and the scan moves past it, so
河北省 is never read as containing 北省. A name that a guard below rejects gives way to a shorter
name at the same place, then to names starting further on.

* Full official names and aliases (张垣, 河北雄安新区) of every row.
* Short names (张家口, 涿州, 安次) of Hebei units, of provinces and of prefectures. A bare short
  name shared by units of different levels means the larger unit: 承德 is 承德市, never 承德县;
  河北 is the province, not 天津's 河北区; 邢台 is the city, not the former 邢台县.
* Short names of county-level units outside Hebei only right after their parent (北京昌平): on
  their own, thousands of them are ordinary words (和平, 红旗, 朝阳, 永和 ...).
* Never alone: one-character short names (蔚, 唐, 雄) and generic names (城区, 郊区, 新区,
  开发区); a generic unit is found only with its city in front (阳泉市城区). One-character
  province abbreviations are read only as Hebei's neighbourhood (京津冀, 晋冀鲁豫, 冀晋) and 冀
  in a few set phrases (驻冀, 在冀, 冀中), see ``_abbreviations``.
* ``COMMON_WORDS``: short names that are ordinary words (长安街, 复兴大街, 大运河, 大城市,
  兴隆, 万全之策, 新华书店) count only with their suffix (长安区, 复兴区, 运河区) or, marked
  ``context``, when they stand in a list next to a named unit of the same city (宣化、万全、崇礼);
  ``region_mentions`` settles those.
* ``PARENT_ONLY``: short names that need their city in front (张家口桥西), because they are
  ambiguous and also everyday words (桥西侧).
* ``ZONE_HOSTS``: a few well-known functional zones (and towns) that have no row of their own,
  read as the county-level unit that hosts them (燕郊高新区 -> 三河市), kind ``host``. The text
  names the zone, not the county, so ``region_subjects`` weighs these lightly for what an
  article is about but lets them place the zone's figures.

Guards against look-alikes, applied to the character after (and for some names before) a match:
a bare short name followed by 路/街/大道/村 is a street or village (长安街, 裕华路);
X市场 and X市值 are markets; X区域, X区位 are areas (河北区域 is not 天津 河北区); a county name
with a one-character stem, or outside Hebei, is not read before 域/级/乡/区/市/里/城/委/长
(振兴县域 is not 兴县, 富裕县城 not 富裕县); ``FALSE_FRIENDS`` lists names that straddle common
words (搬迁安置, 确保定期, 健康保障, 推广平台); a prefecture outside Hebei is not read after a
character that may end a word (建成都市圈); and where a stronger name starts inside a match and
runs past it, the stronger one wins (创新河北 holds 新河 but means 河北).

The ``ambiguous`` column is not used to drop names: a name's candidates are computed from the names
actually looked for, and several candidates are left for ``region_mentions`` to settle from
context.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .gazetteer_rows import HEBEI, LEVEL_RANK, Region
from ..text.textnorm import is_cjk

if TYPE_CHECKING:
    from .gazetteer import RegionGazetteer

GENERIC_NAMES = frozenset({
    "城区", "郊区", "矿区", "新区", "东区", "西区", "市辖区", "林区", "开发区", "高新区", "经开区",
    "新城", "园区", "管理区", "新城区", "老城区", "市区", "城中区", "城关区", "市中区", "城东区",
    "城西区", "城南区", "城北区", "市北区", "市南区", "西市区", "新市区", "南市区", "北市区",
    "解放区", "港口区", "新建区", "站前区", "东港区", "港北区", "港南区",
})

# Short names that are everyday words (长安街, 大运河, 大城市, 生意兴隆, 万全之策, 新华书店,
# 塞北风光), or that name something else as often (汉沽 was also 天津's 汉沽区). Then
# prefectures outside Hebei whose bare name is more often a word: 白银 silver, 日照 sunshine,
# 长治久安, 文山会海, 大理石, 阿里巴巴, 朝阳产业.
COMMON_WORDS = frozenset({
    "长安", "新华", "复兴", "运河", "双桥", "大厂", "大城", "兴隆", "万全", "塞北", "海港",
    "新市", "南市", "北市", "路南", "路北", "满城", "故城", "汉沽",
    "朝阳", "大同", "日照", "白银", "中山", "阿里", "来宾", "安康", "三明", "长治", "新乡",
    "文山", "白山", "北海", "黑河", "四平", "河源", "普洱", "玉树", "大理", "红河", "兴安",
    "海东", "海北", "海西", "临夏", "定西", "金昌",
})
PARENT_ONLY = frozenset({"桥东", "桥西"})

# Functional zones without a gazetteer row, with the code of the county-level unit they lie in.
# Only well-known zones that lie within one county; zones that have a row (衡水高新区, 滨湖新区
# ...) are found by their own names.
ZONE_HOSTS: dict[str, str] = {
    "燕郊高新区": "131082",  # 燕郊高新技术产业开发区, around the town of 燕郊 in 三河市 (廊坊)
    "燕郊": "131082",  # the town itself (燕郊镇), 三河市's part next to 北京
    "廊坊高新区": "131002",  # 廊坊高新技术产业开发区 (the former 新兴产业示范区), south 安次区
}

_GUARD_STREET = re.compile(r"(?:路(?![网段况线径桥])|街(?!道)|大街|大道|胡同|村|小区)")
_GUARD_SUFFIX = {"市": "场值", "区": "域块位间划别", "县": "域级乡区市里城委长"}
_GUARD_DIRECTION = "侧边岸头端"
_AN_LEFT = "平公治保心晚早不问久偏苟招奉"  # 平安, 公安, 治安 ... before 安X
_AN_RIGHT = "全置装排检保防心居康定宁稳家抚顿危慰然徽"  # X安 before 安全, 安置, 安装 ...
_DING_LEFT = "坚决稳肯确规制一否认鉴判约设锁限审评选指特固安必注既拟界商裁法核预"  # 坚定, 决定 ...

# Names that straddle common words, as (characters that must not come before the name,
# characters that must not come after it): 搬迁安置, 确保定期, 健康保障, 推广平台, 坚定兴边,
# 大名鼎鼎, 沙河流域, 包容城市, 隆重庆祝, 幸福建设, 以上海拔, 黄河南岸. A character before
# that ends another name does not count (保定安国).
FALSE_FRIENDS: dict[str, tuple[str, str]] = {
    # Hebei
    "正定": ("", "义制律向"), "无极": ("", "限"), "开平": ("", "台等衡稳"),
    "新乐": ("创革更崭全最刷翻焕", "章器园观享趣队团于意曲"),
    "迁安": ("", _AN_RIGHT), "武安": ("", _AN_RIGHT), "怀安": ("", _AN_RIGHT),
    "成安": ("完形建达促组构变造生落", _AN_RIGHT), "固安": ("巩加", _AN_RIGHT), "文安": ("公", _AN_RIGHT),
    "安新": (_AN_LEFT, ""), "安国": (_AN_LEFT, ""), "安次": (_AN_LEFT, ""),
    "安平": (_AN_LEFT, "台等衡稳方"), "广平": ("推", "台等衡稳方"), "大名": ("", "鼎单气额片字称"),
    "南和": ("东西", "北"), "新河": ("", "道流畔边"), "清河": ("", "道流畔边水"),
    "沙河": ("", "道流畔边水滩床"), "定兴": (_DING_LEFT, "建起办旺修盛"), "高阳": ("提", "光性台"),
    "容城": ("包宽兼内收相形从笑纵面阵美市", ""), "康保": ("健", "险障健护养持"),
    "保定": ("确担环劳医社留", "州兴期点时额量向"), "海兴": ("", "起"), "广阳": ("推", "台光"),
    "平乡": ("和公", ""), "张北": ("主扩伸开", ""), "承德": ("传", "育"), "元氏": ("单", ""),
    "信都": ("诚", ""), "临城": ("濒面", ""), "顺平": ("", "和"), "围场": ("包", ""),
    # provinces
    "重庆": ("隆", "祝典贺"), "福建": ("幸", "设"), "上海": ("以", "拔"), "海南": ("沿", "部"),
    "河南": ("黄", ""), "北京": ("华", ""),
}
# Outside Hebei a prefecture's name is read after a character that could end a word (建成都市,
# 平安顺利, 巩固原有) only when that character is one of these.
_FOREIGN_LEFT = set("在到与和及赴至从自往于对同向由经去来是为省市州的了、")
_ABBREVIATIONS = {"京": "110000", "津": "120000", "冀": HEBEI, "晋": "140000", "鲁": "370000",
                  "豫": "410000", "蒙": "150000", "辽": "210000"}
_ABBREVIATION_RUN = re.compile(r"[京津冀晋鲁豫蒙辽]{2,}")
_HEBEI_CUE = re.compile(r"(?<=[驻在来入赴援进返离留])冀|(?<!希)冀(?=[企商籍字中东南北西])")


@dataclass(frozen=True)
class Match:
    """A name found by ``RegionGazetteer.scan``; ``rule`` is "" or ``context`` (see module doc)."""

    start: int
    end: int
    candidates: tuple[Region, ...]
    kind: str  # name | alias | short | abbreviation | host (see ``ZONE_HOSTS``)
    rule: str = ""


class _Entry(NamedTuple):
    regions: tuple[Region, ...]
    kind: str
    rule: str = ""  # "" | context | stem (the 县 guard applies)
    prefix: int = 0  # for "parent + child" forms: length of the parent part
    parent: Region | None = None


class NameScanner:
    """A gazetteer's names, indexed for finding them in folded text."""

    def __init__(self, gaz: RegionGazetteer):
        self._index = _build_index(gaz)
        # Every name has two characters or more: its first two select the lengths to try, and
        # character classes of first and second characters let the scan jump between candidates
        # at C speed (the second one skips a third of the stops at a common first character).
        heads: dict[str, set[int]] = defaultdict(set)
        for surface in self._index:
            heads[surface[:2]].add(len(surface))
        self._lengths = {h: tuple(sorted(ls, reverse=True)) for h, ls in heads.items()}
        firsts, seconds = ("".join(map(re.escape, sorted({h[k] for h in heads}))) for k in (0, 1))
        self._starts = re.compile(f"[{firsts}](?=[{seconds}])")
        self._abbreviated = {ch: gaz.get(code) for ch, code in _ABBREVIATIONS.items()}

    def lookup(self, surface: str) -> tuple[Region, ...]:
        """Candidates for ``surface`` as ``scan`` would read it (empty when not a name)."""
        entry = self._index.get(surface)
        return entry.regions if entry else ()

    def scan(self, folded: str, skip: list[tuple[int, int]] = ()) -> list[Match]:
        """Names in ``folded`` text, left to right, longest first, guards applied.

        ``skip`` lists spans (reporters' credits) where nothing is looked for.
        """
        out: list[Match] = []
        skip = sorted(skip)
        i, k = 0, 0
        while True:
            hit = self._starts.search(folded, i)
            if hit is None:
                break
            i = hit.start()
            if folded[i:i + 2] not in self._lengths:
                i += 1
                continue
            while k < len(skip) and skip[k][1] <= i:
                k += 1
            if k < len(skip) and skip[k][0] <= i:
                i = skip[k][1]
                continue
            found = self._longest(folded, i, out)
            if found is None or (not found[0].prefix and self._overtaken(folded, i, *found, out)):
                i += 1
                continue
            entry, end = found
            if entry.prefix:
                cut = i + entry.prefix
                parent = entry.parent
                kind = "name" if folded[i:cut] == parent.name else "short"
                out.append(Match(i, cut, (parent,), kind))
                out.append(Match(cut, end, entry.regions, "short"))
            else:
                out.append(Match(i, end, entry.regions, entry.kind,
                                 "context" if entry.rule == "context" else ""))
            i = end
        out.extend(self._abbreviations(folded, out))
        out.sort(key=lambda m: m.start)
        return out

    def _longest(self, folded: str, i: int, before: list[Match]) -> tuple[_Entry, int] | None:
        n = len(folded)
        for length in self._lengths.get(folded[i:i + 2], ()):
            if i + length > n:
                continue
            entry = self._index.get(folded[i:i + length])
            if entry is not None and _acceptable(entry, folded, i, i + length, before):
                return entry, i + length
        return None

    def _overtaken(self, folded: str, start: int, entry: _Entry, end: int,
                   before: list[Match]) -> bool:
        """Whether a stronger name starts inside this one and runs past it.

        创新河北 holds 新河 (a county) but means 河北; 形成安徽 holds 成安. The larger unit, or a
        full name over a short one, wins the overlap.
        """
        rank = _strength(entry)
        local = any(r.in_hebei for r in entry.regions)
        for j in range(start + 1, end):
            for length in self._lengths.get(folded[j:j + 2], ()):
                if j + length <= end:
                    break
                if j + length > len(folded):
                    continue
                other = self._index.get(folded[j:j + length])
                # A county elsewhere does not take over a Hebei name (永清新区 holds 清新区).
                if (other is not None and not other.prefix and _strength(other) < rank
                        and not (local and all(r.level == "county" and not r.in_hebei
                                               for r in other.regions))
                        and _acceptable(other, folded, j, j + length, before)):
                    return True
        return False

    def _abbreviations(self, folded: str, taken: list[Match]) -> list[Match]:
        covered = set()
        for m in taken:
            covered.update(range(m.start, m.end))
        spots = [(m.start() + j, ch) for m in _ABBREVIATION_RUN.finditer(folded)
                 if "冀" in m.group() for j, ch in enumerate(m.group())]
        spots += [(m.start(), "冀") for m in _HEBEI_CUE.finditer(folded)]
        out, seen = [], set()
        for pos, ch in spots:
            if pos in covered or pos in seen:
                continue
            seen.add(pos)
            out.append(Match(pos, pos + 1, (self._abbreviated[ch],), "abbreviation"))
        return out


def _build_index(gaz: RegionGazetteer) -> dict[str, _Entry]:
    names: dict[str, list[tuple[Region, str]]] = defaultdict(list)
    for r in gaz.regions:
        if r.name not in GENERIC_NAMES:
            names[r.name].append((r, "name"))
        for a in r.aliases:
            if len(a) > 1:
                names[a].append((r, "alias"))
        for s in r.short_names:
            if len(s) > 1 and s != r.name and s not in GENERIC_NAMES:
                names[s].append((r, "short"))

    index: dict[str, _Entry] = {}
    composites: list[tuple[Region, str]] = []
    for surface, found in names.items():
        explicit = [(r, k) for r, k in found if k != "short"]
        if explicit:
            regions = tuple(r for r, _ in explicit)
            kind = "name" if any(k == "name" for _, k in explicit) else "alias"
            foreign = [r for r in regions if not r.in_hebei]
            # A two-character name outside Hebei (和县, 兴县, 新县) is almost always part of a
            # longer word; it is read only after its parent.
            if len(surface) == 2 and len(foreign) == len(regions):
                composites.extend((r, surface) for r in regions)
                continue
            stem = len(surface) == 2 or bool(foreign)
            index[surface] = _Entry(regions, kind, "stem" if stem else "")
            continue
        if len(found) == 1:
            regions = (found[0][0],)
        else:
            top = min(LEVEL_RANK[r.level] for r, _ in found)
            regions = tuple(r for r, _ in found if LEVEL_RANK[r.level] == top)
        if surface in PARENT_ONLY:
            composites.extend((r, surface) for r in regions)
            index[surface] = _Entry(regions, "short", "context")
        elif all(r.level == "county" and not r.in_hebei for r in regions):
            composites.extend((r, surface) for r in regions)
        elif surface in COMMON_WORDS:
            if any(r.in_hebei for r in regions):
                index[surface] = _Entry(regions, "short", "context")
        else:
            index[surface] = _Entry(regions, "short")

    for surface, code in ZONE_HOSTS.items():
        host = gaz.get(code)
        if host is not None and surface not in index:
            index[surface] = _Entry((host,), "host")

    # "parent + child" forms: 北京昌平, 张家口桥西, 阳泉市城区.
    composites.extend((r, r.name) for r in gaz.regions if r.current and r.name in GENERIC_NAMES)
    prefixes: dict[str, tuple[Region, tuple[str, ...]]] = {}
    for r, surface in composites:
        if r.parent_code not in prefixes:
            parent = gaz.parent(r)
            forms = ()
            if parent is not None:
                shorts = (s for s in parent.short_names if len(s) > 1 and s != parent.name)
                forms = (parent.name, *shorts)
            prefixes[r.parent_code] = (parent, forms)
        parent, forms = prefixes[r.parent_code]
        for p in forms:
            index.setdefault(p + surface, _Entry((r,), "name", "", len(p), parent))
    return index


def _strength(entry: _Entry) -> tuple[int, int]:
    return min(LEVEL_RANK[r.level] for r in entry.regions), entry.kind == "short"


def _acceptable(entry: _Entry, text: str, start: int, end: int, before: list[Match]) -> bool:
    surface = text[start:end]
    nxt = text[end:end + 1]
    prev = text[start - 1:start] if start else ""
    after_name = bool(before) and before[-1].end == start
    if entry.prefix:
        # 张家口市桥西区 is the city, then the district by its full name.
        name, cut = entry.regions[0].name, start + entry.prefix
        return end - cut == len(name) or not text.startswith(name, cut)
    if (prev and not after_name and prev not in _FOREIGN_LEFT and is_cjk(prev)
            and all(r.level == "prefecture" and not r.in_hebei for r in entry.regions)):
        return False
    if entry.kind in ("short", "host"):
        if _GUARD_STREET.match(text, end):
            return False
        if surface[-1] in "东西南北" and nxt and nxt in _GUARD_DIRECTION:
            return False
        friend = FALSE_FRIENDS.get(surface)
        if friend and ((prev and prev in friend[0] and not after_name)
                       or (nxt and nxt in friend[1])):
            return False
        return True
    suffix = surface[-1]
    guard = _GUARD_SUFFIX.get(suffix, "")
    if suffix == "县" and entry.rule != "stem":
        guard = ""
    return not (nxt and nxt in guard)

