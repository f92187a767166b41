"""Figures listed place by place: county by county (泊头市1.28%、宁晋县9.9%、魏县16.89%) or city
by city (石家庄市增长8%，唐山市增长6%).

Each place of such a breakdown has a figure of its own, so each is a subject of the article, as
the labelling rules ask, although it is named only once. A breakdown is a run of three or more
places of the same level, or two in one sentence, each followed by a figure of its own before the
next place and before its clause ends (。, ；, a line break). Figures are recognised here only by
their look (digits and a unit): this decides which places have one, and nothing else.

``分别`` lists (石家庄、唐山、保定分别增长8%、6%和5%) name the places first and the figures after,
in the same order; ``respective_figures`` pairs them, and those places are subjects too.
"""

from __future__ import annotations

import re

from .gazetteer import Region
from .region_records import Mention

_UNIT = (r"(?:%|％|个百分点|倍|亿元|万元|元|美元|家|个|人次|人|项|吨|亩|公里|千米|平方米|米|户|座|台|辆|"
         r"件|次|所|名|条|套|千瓦时|千瓦|立方米|公顷|万|亿)")
_FIGURE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:[万亿]\s*)?" + _UNIT)
_CLAUSE_END = re.compile(r"[。！？!?；;\n]")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_REACH = 40  # characters after a place within which its own figure must start
_GAP = 200  # characters between two places of one breakdown, at most
_RESPECTIVELY = re.compile(r"分别")


def breakdown_places(doc: str, base: int, ms: list[Mention]) -> set[Region]:
    """The places (current units) of every breakdown in the text."""
    named = [m for m in ms if m.start >= base and m.region is not None and m.role == ""
             and m.region.in_hebei and m.region.level in ("prefecture", "county")]
    out: set[Region] = set()
    run: list[Mention] = []
    for i, m in enumerate(named):
        nxt = named[i + 1].start if i + 1 < len(named) else len(doc)
        if not _has_own_figure(doc, m.end, nxt):
            _close(doc, run, out)
            run = []
            continue
        if run and (run[-1].region.level != m.region.level or m.start - run[-1].end > _GAP):
            _close(doc, run, out)
            run = []
        run.append(m)
    _close(doc, run, out)
    return out


def _has_own_figure(doc: str, end: int, nxt: int) -> bool:
    f = _FIGURE.search(doc, end, min(nxt, end + _REACH))
    return f is not None and _CLAUSE_END.search(doc, end, f.start()) is None


def _close(doc: str, run: list[Mention], out: set[Region]) -> None:
    places = {m.region for m in run}
    if len(places) >= 3 or (len(places) == 2 and _SENTENCE_END.search(doc, run[0].end, run[-1].start) is None):
        out.update(places)


def respective_figures(doc: str, ms: list[Mention]) -> list[tuple[int, int, Mention]]:
    """For 分别 lists: each figure after 分别 (its span in ``doc``) with the listed place it
    belongs to, in order. Only where the clause after 分别 holds as many figures as the list
    right before it holds places."""
    out: list[tuple[int, int, Mention]] = []
    for r in _RESPECTIVELY.finditer(doc):
        end = _CLAUSE_END.search(doc, r.end())
        stop = end.start() if end else len(doc)
        lo = max(doc.rfind(ch, 0, r.start()) for ch in "。！？!?\n；;，,：:") + 1
        places = [m for m in ms if lo <= m.start < r.start() and m.region is not None and m.role == "list"]
        found = [f.span() for f in _FIGURE.finditer(doc, r.end(), stop)]
        if len(places) >= 2 and len(found) == len(places):
            out.extend((a, b, m) for (a, b), m in zip(found, places))
    return out
