"""Which region each name in a text means.

Names are found by ``gazetteer.RegionGazetteer.scan`` (what counts as a name, and the guards
against look-alikes, are documented in ``gazetteer_scan``); reporters' credits (（记者 …）) are
not searched, and a name in a masthead (张家口日报) is only a mention in passing (role ``media``).

A name with one candidate, or whose candidates all lead to the same current unit (宣化 = 宣化区
or the former 宣化县), is settled at once. Otherwise, in this order:

1. the unit written right in front of it (张家口市桥西区, 西安市长安区, 河北承德); that unit is
   then only a *qualifier* and adds nothing to the article's scores;
2. a unit named in the same sentence: its prefecture (or province) picks the candidate under it,
   the nearest mention first (张家口…桥西区; 宣化区、桥东区);
3. the article: the prefecture most named in it, then the province (平山 in a Hebei article is
   平山县, not 本溪's 平山区);
4. otherwise the mention stays ambiguous: all candidates kept, ``region`` is None.

Retired units (宣化县, 邢台's 桥东区) are kept as written in ``Mention.region`` and attributed to
their successor (``RegionRef.name``, with the old name in ``RegionRef.former``).

Common-word short names the gazetteer marks ``context`` (万全, 长安, 运河 ...) count only in a list
right next to a named unit of the same city (宣化、万全、崇礼); elsewhere they are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .gazetteer import Region, RegionGazetteer
from .region_records import Mention

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_CREDIT = re.compile(r"[(（][^()（）\n]{0,30}?(?:记者|通讯员)[^()（）\n]{0,40}[)）]"
                     r"|(?:记者|通讯员)[ \u3000]+[\u4e00-\u9fff]{2,4}")
_MASTHEAD = re.compile(r"日报|晚报|广播电视台|电视台|新闻网|新闻社")
_LIST_GAP = re.compile(r"(?:[、，,和及与或]|以及|(?:高新区|开发区|经开区|新区|城区)[、，,和及与])+")


def gap_is_list(doc: str, a: Mention, b: Mention) -> bool:
    """Whether only list punctuation (、 和 及 ...) stands between two names."""
    return bool(_LIST_GAP.fullmatch(doc, a.end, b.start))


def prefecture_counts(gaz: RegionGazetteer, ms: list[Mention]) -> tuple[Counter, Counter]:
    """How often each prefecture and each province is named, by code."""
    prefectures, provinces = Counter(), Counter()
    for m in ms:
        if m.region is not None:
            pref = gaz.prefecture_of(gaz.successor(m.region))
            if pref is not None:
                prefectures[pref.code] += 1
            provinces[m.region.province_code] += 1
    return prefectures, provinces


class MentionReader:
    """Finds the names in a folded document ``doc`` and settles which region each means."""

    def __init__(self, gaz: RegionGazetteer, doc: str):
        self.gaz, self.doc = gaz, doc

    def find(self, folded: str, display: str) -> list[Mention]:
        """The names in ``folded`` (``doc`` or a byline), settled where their candidates allow."""
        skip = [m.span() for m in _CREDIT.finditer(folded)]
        out = []
        for m in self.gaz.scan(folded, skip):
            region, how = self.unique(m.candidates)
            role = "pending" if m.rule == "context" else ""
            if _MASTHEAD.match(folded, m.end):
                role = "media"  # 张家口日报: named, in passing
            out.append(Mention(m.start, m.end, display[m.start:m.end], m.candidates, m.kind, region,
                               how, role))
        return out

    def unique(self, candidates: tuple[Region, ...]) -> tuple[Region | None, str]:
        """The one unit ``candidates`` lead to (a current row first), else None."""
        if len(candidates) == 1:
            return candidates[0], "unique"
        if len({self.gaz.successor(c).code for c in candidates}) == 1:
            current = [c for c in candidates if c.current]
            return (current or list(candidates))[0], "unique"
        return None, ""

    def settle(self, ms: list[Mention]) -> None:
        """Settle the names of ``doc`` found by ``find``, in place (see the module notes)."""
        self._settle_pending(ms)
        for i, m in enumerate(ms):
            if i and ms[i - 1].end == m.start:
                self._qualify(ms, i - 1, i)
        for i, m in enumerate(ms):
            if m.region is None:
                ms[i] = self._by_sentence(ms, i) or m
        counts = prefecture_counts(self.gaz, ms)
        for i, m in enumerate(ms):
            if m.region is None:
                ms[i] = self._by_article(m, counts) or m

    def _settle_pending(self, ms: list[Mention]) -> None:
        keep = []
        for i, m in enumerate(ms):
            if m.role != "pending":
                keep.append(m)
                continue
            neighbours = [ms[j] for j in (i - 1, i + 1)
                          if 0 <= j < len(ms) and ms[j].role != "pending" and ms[j].region is not None
                          and gap_is_list(self.doc, ms[min(i, j)], ms[max(i, j)])]
            fits = [c for n in neighbours if n.region.level != "province"
                    for c in self._under(m.candidates, n.region)]
            if fits:
                region, _ = self.unique(tuple(dict.fromkeys(fits)))
                if region is not None:
                    keep.append(replace(m, region=region, resolved_by="list", role=""))
        ms[:] = keep

    def _qualify(self, ms: list[Mention], i: int, j: int) -> None:
        outer, inner = ms[i], ms[j]
        if outer.region is None:
            return
        under = [c for c in inner.candidates if outer.region in self.gaz.ancestors(c)]
        if not under:
            return
        ms[i] = replace(outer, role="qualifier")
        if inner.region is None:
            region, _ = self.unique(tuple(under))
            if region is not None:
                ms[j] = replace(inner, region=region, resolved_by="qualifier")

    def _by_sentence(self, ms: list[Mention], i: int) -> Mention | None:
        m = ms[i]
        lo, hi = self._sentence(m.start)
        others = [o for o in ms if o is not m and o.region is not None and lo <= o.start < hi]
        others.sort(key=lambda o: (o.start > m.start, abs(o.start - m.start)))
        for o in others:
            fits = self._under(m.candidates, o.region)
            if fits:
                region, _ = self.unique(tuple(fits))
                if region is not None:
                    return replace(m, region=region, resolved_by="sentence")
        return None

    def _under(self, candidates: tuple[Region, ...], context: Region) -> list[Region]:
        """Candidates in the same prefecture as ``context`` (or in it, when it is a province)."""
        if context.level == "province":
            return [c for c in candidates if c.province_code == context.code]
        pref = self._prefecture(context)
        return [c for c in candidates if pref is not None and self._prefecture(c) is pref]

    def _by_article(self, m: Mention, counts: tuple[Counter, Counter]) -> Mention | None:
        prefectures, provinces = counts
        def by_prefecture(c: Region) -> int:
            pref = self._prefecture(c)
            return prefectures[pref.code] if pref is not None else 0

        def by_province(c: Region) -> int:
            return provinces[c.province_code]

        for how, weight in (("article", by_prefecture), ("province", by_province)):
            top = max(weight(c) for c in m.candidates)
            if top:
                region, _ = self.unique(tuple(c for c in m.candidates if weight(c) == top))
                if region is not None:
                    return replace(m, region=region, resolved_by=how)
        return None

    def _prefecture(self, region: Region) -> Region | None:
        return self.gaz.prefecture_of(self.gaz.successor(region))

    def _sentence(self, pos: int) -> tuple[int, int]:
        lo = max(self.doc.rfind(ch, 0, pos) for ch in "。！？!?；;\n") + 1
        m = _SENTENCE_END.search(self.doc, pos)
        return lo, (m.start() if m else len(self.doc))
