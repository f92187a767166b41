"""Where a figure belongs: the region each figure of an article is attributed to.

A figure of no single unit gets no region: one for each of several (每个市至少建成2个平台) or of
Beijing, Tianjin and Hebei together (京津冀地区客运量). Otherwise ``FigurePlaces.resolve(start,
end)`` takes the first of these that names a place:

1. the figure's sentence: the nearest name or reference (该市, 全省 ...) before it in its part of
   the sentence (parts end at ；), else the nearest after it in that part, else the nearest
   before it in the rest of the sentence (the last there in subject position: 加快雄安新区建设，
   完成投资…；围绕8个产业… is not the new area's), else the nearest after it
   (…全市技术交易额已达6057万元……这是辛集市交出的成绩单). A province or the nation found this
   way gives way to a more specific place earlier in the sentence (该市已建成…河北省院士合作重点单位
   2家). A national body opening a clause (科技部…发布通知，…同意将43个产业集群纳入…) and 全国
   before the figure mean no region; 全国 as a comparison base (高于全国平均水平) or after the
   figure (获得全国…称号) does not;
2. the paragraph: the nearest place in the sentence just before, else the first place of the
   paragraph's opening sentence (its topic), else the nearest place earlier in the paragraph;
3. a quotation with nothing placed before it: the sentence right after the quotation, which
   says who spoke and where (“…仅需两分钟…”日前，在位于衡水市枣强县…);
4. a paragraph opening on 该模式/这一做法/上述… : the last place of the paragraph before;
5. the section: the place of the latest heading paragraph (廊坊市安次区, 保定涿州市, 辛集市);
6. the article's main subject, unless the figure is in one of several stories (a bulletin's
   items, each under its headline) and its story names no Hebei place: such a figure is
   somewhere else's, and gets no region.

Some names are written but do not say where a figure is, and are passed over while anything else
is there (``weak_mentions``): names inside document titles (《保定市支持…措施》), at the start of
an organisation's name (河北养元智汇饮品股份有限公司, 京津冀协同创新创业基地), the group a rank is
counted in (全省第二, 保定市排名第2, 居全省首位), a travel destination (50分钟到京), and 河北省
inside a noun phrase (有效河北省科技型中小企业). A rank figure (第七位, 全省第一) belongs to a
place inside its group: 全省168个县(市、区)中排名第七位 in a paragraph about 安次区 is 安次区's
rank; when no such place is around, the group's own name is taken (廊坊市排名第一 with nothing
smaller named).

A count of divisions (督导的17个县) is never placed at one of those it counts: it goes to the
latest place of a level above, else the province.

References (该市, 全县 ...) stand for the region ``region_references`` found for them. Names in
passing (lists, addressee lines, mastheads, delegations: ``region_roles``), qualifiers and the
京/津 of 京津冀 do not place a figure. A figure placed outside Hebei gets no region: only Hebei
divisions (and 雄安新区) are regions a figure is given.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gazetteer import HEBEI, Region
from .region_layout import CLAUSE_END, FULL_END, PART_END
from .region_records import PASSING, RegionRef
from .weak_mentions import at_rank, doc_titles, opens_clause, weak_kind

if TYPE_CHECKING:
    from .regions import _Analysis

_REACH = 1500  # characters before a figure where its place may still be named
# National bodies opening a clause (科技部火炬中心发布通知…同意将43个产业集群纳入…): their
# counts are national, whatever Hebei place the sentence goes on to name.
_NATIONAL_BODY = re.compile(
    r"(?:国务院|党中央|中共中央|全国人大|国家发改委|国家发展改革委|国家知识产权局|国家统计局|国家卫健委"
    r"|(?:科技|工信|工业和信息化|财政|教育|商务|农业农村|人力资源社会保障|人社|生态环境|自然资源"
    r"|住房城乡建设|住建|交通运输|水利|文化和旅游|民政|应急管理)部(?![门署分位件长]))")
# 全国 as the base a figure is compared with or a share of (高于全国平均水平2.1个百分点,
# 占全国的15%) says nothing about where the figure is.
_BASE_BEFORE = re.compile(r"(?:高于|低于|超过|超出|快于|慢于|领先|领跑|比|较|占|同)$")
_BASE_AFTER = re.compile(r"(?:的)?(?:平均|同期|水平|增速|总量)")
# Each of several units (每个市至少建成2个平台, 各县新建3所学校): a figure of none of them.
_EACH = re.compile(r"(?:每个|每一个|各)(?:设区市|市|县|区|县\(市、区\)|县（市、区）)")
# Beijing, Tianjin and Hebei together as where a figure is (京津冀地区客运量, 在津冀两地开设
# 门店), not the policy named after them (京津冀协同发展) nor a qualifier (京津冀知名医院):
# a figure of all of them is no single region's.
_JOINT = re.compile(r"(?:京津冀|津冀|京冀)(?:地区|区域|两地|三地|三省市|各地)"
                    r"|在(?:京津冀|津冀|京冀)(?!协同|一体化|协作|合作|联动|联合|交界)")
# A count of divisions (督导的17个县, 6个县(市、区)), not of 市场, 区域, 县级 or 省级 things, is a
# figure of the level above them, never of one of those counted: the word after the figure, and
# the levels it cannot be given (12个省 is counted here too, but only the confidence reads it).
PLACE_COUNT = re.compile(r"个?([县市区省])(?![场民域级委长政直属城内外块里])")
COUNTED_LEVELS = {"县": ("county",), "区": ("county", "zone"), "市": ("county", "prefecture", "zone"),
                  "省": ("county", "prefecture", "province", "zone")}
# A paragraph opening on 该模式, 这一做法, 上述项目 ... goes on with the previous paragraph's topic.
_ANAPHOR = re.compile(r"\s*[“\"]?(?:该(?![市县区省])|这(?:一|些|种|个|项|批|类)|上述|此(?:项|类|种))"
                      r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class _Item:
    """A name or reference as ``resolve`` sees it; ``weak`` as in ``weak_mentions``."""

    start: int
    end: int
    region: Region | None
    surface: str
    weak: str = ""
    nation: bool = False


class FigurePlaces:
    """Built once per article (on its first figure); ``resolve`` places each figure."""

    def __init__(self, a: _Analysis):
        self.a, self.gaz, self.doc, self.base, self.layout = a, a.gaz, a.doc, a.base, a.layout
        self.items = self._figure_items()
        self._item_starts = [t.start for t in self.items]

    def _figure_items(self) -> list[_Item]:
        """Everything that can place a figure, in text order."""
        a = self.a
        items = [_Item(m.start, m.end, m.region, m.surface, a.weak.get(m.start, ""))
                 for m in a.mentions
                 if m.region is not None and m.role not in (*PASSING, "qualifier")
                 and not (m.kind == "abbreviation" and not m.region.in_hebei)]  # 京 of 京津冀
        titles = doc_titles(self.doc)
        # A reference whose unit is unknown (我市 with no city named) still says the figure
        # is local: it keeps a national body earlier in the sentence from taking the figure.
        for r in a.references:
            if r.kind == "nation" and (_BASE_BEFORE.search(self.doc, max(0, r.start - 2), r.start)
                                       or _BASE_AFTER.match(self.doc, r.end)):
                continue
            items.append(_Item(r.start, r.end, r.region, r.surface,
                               weak_kind(self.doc, r.start, r.end, titles), r.kind == "nation"))
        for b in _NATIONAL_BODY.finditer(self.doc, self.base):
            if opens_clause(self.doc, b.start()):
                items.append(_Item(b.start(), b.end(), None, b.group(), "", True))
        return sorted(items, key=lambda t: t.start)

    def resolve(self, start: int, end: int) -> RegionRef | None:
        """Where the figure at ``start``..``end`` (text offsets) belongs; see the module notes."""
        pos, stop = start + self.base, max(start, end) + self.base
        for lo, hi, m in self.a.respective:
            if lo < stop + (stop == pos) and pos < hi:  # 石家庄、唐山分别增长8%、6%: in list order
                return self.a.ref(m.region, m.surface)
        items = self.items
        p = self.layout.paragraph_index(pos)
        if p >= 0:
            # Only the figure's paragraph and the one before it are ever looked at, and no
            # further than a long paragraph's reach (a page with no line breaks is one paragraph).
            paragraphs = self.layout.paragraphs
            lo = max(paragraphs[max(0, p - 1)][0], pos - _REACH)
            hi = min(paragraphs[p][1], stop + _REACH // 3)
            items = items[bisect_left(self._item_starts, lo):bisect_left(self._item_starts, hi)]
        clause = self.layout.bounds(pos, CLAUSE_END)
        if _EACH.search(self.doc, clause[0], pos) or _JOINT.search(self.doc, clause[0], pos):
            return None
        inside = [t for t in items if pos <= t.start and t.end <= stop]
        others = [t for t in items if not (pos <= t.start and t.end <= stop)]
        strong = [t for t in others if not t.weak]
        part = self.layout.bounds(pos, PART_END)
        full = self.layout.bounds(pos, FULL_END)
        scope = self._rank_of(others + inside, pos, stop, part)
        if scope is not None:
            # A rank is held by a place inside the group it is counted in: in 全省县域…评价中，
            # 跃居A类，全省168个县(市、区)中排名第七位 neither 全省 is the ranked county.
            strong = [t for t in strong if self._within(t.region, scope)]
        pick = self._in_sentence(strong, pos, stop, part, full)
        if pick is not None and pick.region is None and not pick.nation:
            pick = None  # 我市 standing for nothing named: placed as if unnamed
        if pick is not None:
            region, written = pick.region, pick.surface  # None for a national body or 全国
        else:
            region, written = self._context(strong, pos, full)
            if region is None and self._other_story(pos):
                return None  # a bulletin's item about somewhere else: not the page's subject
            if region is None:
                self.a.result()
                main = self.a.subject_regions[0] if self.a.subject_regions else None
                if main is not None:
                    region = main  # a zone stays a zone (雄安新区, 北戴河新区)
                else:
                    # Nothing else at all: a weak name in the sentence is better than nothing.
                    pick = self._in_sentence(others, pos, stop, part, full)
                    if pick is not None:
                        region, written = pick.region, pick.surface
        if scope is not None and not self._within(region, scope):
            # 保定市排名第2 in a 涿州 story is 涿州's rank within 保定; but with no smaller
            # place around, the place named before the rank is the one ranked.
            region, written = scope.region, scope.surface
        if region is None or not self.gaz.successor(region).in_hebei:
            return None  # a place outside Hebei is no region a figure is given
        counted = PLACE_COUNT.match(self.doc, stop)
        if counted and counted.group(1) != "省" and self.gaz.successor(region).level in COUNTED_LEVELS[counted.group(1)]:
            region, written = self._above(counted.group(1), pos)
        return self.a.ref(region, written)

    def _in_sentence(self, items: list[_Item], pos: int, stop: int,
                     part: tuple[int, int], full: tuple[int, int]) -> _Item | None:
        """The nearest name before the figure in its sentence part, else the nearest after it,
        then the same in the rest of the sentence (parts are cut at ；)."""
        before = [t for t in items if part[0] <= t.start and t.end <= pos]
        if before:
            pick = before[-1]
            # 该市已建成…河北省院士合作重点单位2家: a province or the nation named after a more
            # specific place in the sentence is the scope of a designation, not the figure's place.
            # 全县新增企业12家，全省新增企业30家: 全省 opening its own clause is the place.
            whole = pick.surface[:1] in "全我本" and opens_clause(self.doc, pick.start)
            if (pick.region is None or pick.region.level == "province") and not whole:
                specific = [t for t in items if full[0] <= t.start and t.end <= pos
                            and t.region is not None and t.region.level != "province"]
                if specific:
                    return specific[-1]
            return pick
        # 全国 after a figure names a title or a standing (…获得全国绿化模范称号, 进入全国
        # 前十名), not the figure's scope, which a text writes before the number.
        after = [t for t in items if stop <= t.start < part[1] and not t.nation]
        if after:
            return after[0]
        earlier = [t for t in items if full[0] <= t.start and t.end <= part[0]]
        if earlier:
            return self._topic(earlier)
        later = [t for t in items if part[1] <= t.start < full[1] and not t.nation]
        return later[0] if later else None

    def _context(self, strong: list[_Item], pos: int,
                 full: tuple[int, int]) -> tuple[Region | None, str]:
        """Where a figure whose sentence names no place belongs (national words do not carry)."""
        places = [t for t in strong if t.region is not None]
        p = self.layout.paragraph_index(pos)
        if p < 0:
            return None, ""
        lo, hi = self.layout.paragraphs[p]
        earlier = [t for t in places if lo <= t.start < full[0]]
        if earlier:
            # The sentence just before (唐山市新增企业20家。其中高新技术企业5家。), else the
            # paragraph's opening sentence, which sets its topic (此外，该市强力推进…。怀来…全省
            # 唯一…。建成了…孵化器4家), else the nearest place earlier in the paragraph.
            prev_lo, _ = self.layout.bounds(full[0] - 1, FULL_END) if full[0] > lo else (lo, lo)
            previous = [t for t in earlier if t.start >= prev_lo]
            if previous:
                pick = self._topic(previous)
                return pick.region, pick.surface
            _, first_hi = self.layout.bounds(lo, FULL_END)
            opening = [t for t in earlier if t.start < first_hi]
            pick = opening[0] if opening else self._topic(earlier)
            return pick.region, pick.surface
        quote = self._quote_around(pos, lo, hi)
        if quote is not None:
            # “…仅需两分钟就可完成…”日前，在位于衡水市枣强县…: a quotation opening the paragraph
            # is placed by the sentence that follows it.
            _, after_hi = self.layout.bounds(quote + 1, FULL_END)
            following = [t for t in places if quote < t.start < after_hi]
            if following:
                return following[0].region, following[0].surface
        if p > 0 and _ANAPHOR.match(self.doc, lo):
            # “该模式充分发挥了…组建了1个国家级专家服务团队…”: the model of the paragraph before.
            plo, phi = self.layout.paragraphs[p - 1]
            previous = [t for t in places if plo <= t.start < phi]
            if previous:
                return previous[-1].region, previous[-1].surface
        heading = self.layout.section(p)
        if heading is not None:
            return heading.region, heading.surface
        return None, ""

    def _above(self, word: str, pos: int) -> tuple[Region, str]:
        """The unit a count of 县/区/市 before ``pos`` belongs to: the latest place named before
        it of a level above those counted, else the province."""
        levels = COUNTED_LEVELS[word]
        for t in reversed(self.items[:bisect_left(self._item_starts, pos)]):
            if t.region is not None and not t.weak:
                region = self.gaz.successor(t.region)
                if region.in_hebei and region.level not in levels:
                    return region, t.surface
        return self.gaz.get(HEBEI), ""

    def _topic(self, items: list[_Item]) -> _Item:
        """Of the places named before a figure's clause, the one that carries on to it: the last
        that opens its clause (全省…, 唐山市新增…) or follows 在/于, rather than one named as an
        object (加快雄安新区建设，完成投资200亿元；围绕8个重点产业… is the province's)."""
        leading = [t for t in items if opens_clause(self.doc, t.start) or t.surface[:1] in "全该我本"
                   or self.doc[t.start - 1:t.start] in ("在", "于")]
        return leading[-1] if leading else items[-1]

    def _other_story(self, pos: int) -> bool:
        """Whether ``pos`` is in one of several stories that names no Hebei place."""
        if not self.layout.stories:
            return False
        lo, hi = self.layout.story(pos)
        i = bisect_left(self._item_starts, lo)
        return not any(t.region is not None and self.gaz.successor(t.region).in_hebei
                       for t in self.items[i:bisect_left(self._item_starts, hi)])

    def _quote_around(self, pos: int, lo: int, hi: int) -> int | None:
        """The closing quotation mark of a quotation holding ``pos`` (None when not quoted)."""
        opening = self.doc.rfind("“", lo, pos)
        if opening < 0 or self.doc.rfind("”", opening, pos) >= 0:
            return None
        closing = self.doc.find("”", pos, hi)
        return closing if closing >= 0 else None

    def _rank_of(self, items: list[_Item], pos: int, stop: int,
                 part: tuple[int, int]) -> _Item | None:
        """The group a rank figure is counted in (全省 of 全省第二), None for other figures."""
        rank = (at_rank(self.doc, pos)
                or any(t.weak == "rank" and pos <= t.start and t.end <= stop for t in items))
        if not rank:
            return None
        scopes = [t for t in items if t.weak == "rank" and part[0] <= t.start and t.end <= stop
                  and (t.region is not None or t.nation)]
        return max(scopes, key=lambda t: t.start) if scopes else None

    def _within(self, region: Region | None, scope: _Item) -> bool:
        if region is None:
            return False
        if scope.nation:
            return True
        inner, outer = self.gaz.successor(region), self.gaz.successor(scope.region)
        return inner is not outer and outer in self.gaz.ancestors(inner)
