"""What 该市, 全县, 我省, 全国 ... stand for.

References resolve to the latest unit of their level (该市/全市 include county-level cities such as
辛集市), see ``_Referents.referent``; 全省/我省 is Hebei, 全国 the nation (no region). Document
titles, rank groups and destinations (``weak_mentions``) are never referents; lists and addressee
lines do not decide.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from .gazetteer import HEBEI, Region
from .region_layout import FULL_END
from .region_records import PASSING, Mention, Reference

if TYPE_CHECKING:
    from .regions import _Analysis

_REFERENCE = re.compile(  # the leading lookahead lets the engine skip most characters quickly
    r"(?=[该全我本市县])(?:(?:该|(?<![健完安保齐周万成顾两])全|我|本)"
    r"(?:(市)(?![场值])|(县)|(区)(?![域块位间划别])|(省)(?!份))"
    r"|(?<![城乡都])(市)里|(?<![城乡])(县)里|(全国))")
_PART_OF = re.compile(r"其中|包括|例如|比如|[(（]含")


def find_references(a: _Analysis) -> list[Reference]:
    """The references in the article's document, each with the region it stands for."""
    referents = _Referents(a)
    out = []
    taken = {p for m in a.mentions for p in range(m.start, m.end)}
    for r in _REFERENCE.finditer(a.doc):
        if r.start() in taken or r.end() - 1 in taken:
            continue
        word = next(g for g in r.groups() if g)
        surface = a.display[r.start():r.end()]
        kind = {"市": "city", "县": "county", "区": "district", "全国": "nation"}.get(word)
        if word == "省":
            kind = "province" if r.group().startswith("该") else "hebei"
        region = referents.referent(kind, r.start())
        out.append(Reference(r.start(), r.end(), surface, kind, region))
    return out


class _Referents:
    """The units an article's references may stand for, by kind of reference."""

    def __init__(self, a: _Analysis):
        self.a, self.gaz, self.doc, self.layout = a, a.gaz, a.doc, a.layout
        self._fit_cache: dict[str, tuple[list[tuple[Mention, Region]], list[int]]] = {}

    def referent(self, kind: str, pos: int) -> Region | None:
        """The unit 该市/全县/该区 ... at ``pos`` stands for.

        In order: the latest fitting unit earlier in the same paragraph; the current section's
        heading (保定涿州市: 全市 is 涿州市; 邯郸市丛台区: 全市 is 邯郸市, 该区 丛台区); the latest
        fitting unit earlier in the article that is not just a qualifier; a unit named later in the
        same sentence (近两月全市技术交易额已达6057万元……这是辛集市交出的成绩单) unless it is a
        part (其中辛集市…); and last a qualifier (the 廊坊市 of 廊坊市安次区, written only to
        place the district). Names inside document titles (《保定市支持…措施》), rank groups
        (保定市排名第2) and travel destinations are not referents.
        """
        if kind == "hebei":
            return self.gaz.get(HEBEI)
        if kind == "nation":
            return None
        fits, starts = self._fits(kind)
        n = bisect_right(starts, pos - 1)  # fits[:n] start before pos
        p = self.layout.paragraph_index(pos)
        if p >= 0:
            if n and fits[n - 1][0].start >= self.layout.paragraphs[p][0]:
                return fits[n - 1][1]
            # 邯郸市丛台区 heads the section: 全市 there is 邯郸市, 该区 丛台区.
            for m in reversed(self.layout.section_names(p)):
                if _stands_for(kind, self.gaz.successor(m.region)):
                    return self.gaz.successor(m.region)
        for m, region in reversed(fits[:n]):
            if m.role != "qualifier":
                return region
        _, end = self.layout.bounds(pos, FULL_END)
        if n < len(fits):
            later = fits[n][0].start
            if later < end and not _PART_OF.search(self.doc, pos, later):
                return fits[n][1]
        return fits[n - 1][1] if n else None

    def _fits(self, kind: str) -> tuple[list[tuple[Mention, Region]], list[int]]:
        """Mentions a reference of ``kind`` may stand for, in text order (cached per kind)."""
        if kind not in self._fit_cache:
            fits = []
            for m in self.a.mentions:
                if (m.region is not None and m.role not in PASSING
                        and self.a.weak.get(m.start) not in ("title", "rank", "destination")):
                    region = self.gaz.successor(m.region)
                    if _stands_for(kind, region):
                        fits.append((m, region))
            self._fit_cache[kind] = (fits, [m.start for m, _ in fits])
        return self._fit_cache[kind]


def _stands_for(kind: str, r: Region) -> bool:
    """Whether 该市 (city), 该县 (county), 该区 (district) or 该省 can refer to ``r``."""
    if kind == "city":
        return r.level == "prefecture" or (r.level == "county" and r.name.endswith("市"))
    if kind == "county":
        return r.level == "county" and r.name.endswith(("县", "旗"))
    if kind == "district":
        return r.level == "zone" or (r.level == "county" and r.name.endswith("区"))
    return kind == "province" and r.level == "province"
