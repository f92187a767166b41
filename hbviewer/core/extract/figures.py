"""Figures in article text: a number, its unit, how exact it is, and what it measures.

``extract_figures(text)`` finds ``高新技术企业295家``, ``技术合同交易额40.51亿元``,
``增长226%``, ranges, 多/余/近/以上, Chinese numerals, rankings and ``分别`` lists,
and leaves out dates, years, ordinals and slogans (四个一百, 十四五).

It works on the folded text (simplified characters, same length), so the spans it
returns are offsets into the text as shown. The parts:

* :mod:`figure_numbers` reads one quantity at a position (number, multiplier,
  unit, qualifiers) and says whether it is a figure at all;
* :mod:`indicators` and :mod:`indicator_lists` find what each figure measures;
* this module walks the text and gives each figure its change and its date.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from .figure_numbers import CN_CHARS, UNIT_NAMES, Quantity, link_changes, rank_at, read_quantity, scan_starts
from .indicator_lists import apply_fenbie, apply_qizhong
from .indicator_phrases import clause_start, clean_before
from .indicators import Draft, indicator_spans, render, with_decline
from ..text.textnorm import replace_each, simplify

EXTRACTOR_VERSION = 4


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float
    value_high: float | None
    unit: str
    kind: str  # count | money | percent | points | multiple | measure | rank | duration
    approx: str | None
    indicator: str
    change: dict | str | None  # {"from": x, "to": y} | "increase" | "decrease" | None
    as_of: str | None
    region: str = ""
    region_code: str = ""
    prefecture: str = ""
    zone: str = ""  # a functional zone the figure is about (北戴河新区), see ``regions``
    # how sure the analysis is (confidence.py), and what a reviewer made of it (store/corrections.py)
    confidence: float | None = None  # None: not worked out (a figure read from an older library)
    reasons: tuple[str, ...] = ()
    status: str = "automatic"  # automatic | accepted | edited | added | rejected
    id: int | None = None  # the figure's row in a library; None for a figure just extracted

    def to_json(self) -> dict:
        return asdict(self)


_INCREASE = re.compile(r"(?:增长|增加|提高|提升|上升|增长了|增加了|提高了|新增|增幅为?|增速为?|增收|跃升)(?:达到?|为|至)?$")
_DECREASE = re.compile(r"(?:下降|减少|降低|回落|缩减|下降了|减少了|降低了)(?:达到?|为|至)?$")
_CHANGE_TO = re.compile(r"(?:从|由)?$")
_AS_OF = re.compile(
    r"(截至|截止|到)(?:目前|今年\d{0,2}月?底?|\d{4}年(?:底|末|\d{1,2}月(?:底|末|\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?(?:底|末)?)"
    r"|\d{4}年(?:底|末|上半年|下半年|前三季度|一季度|二季度|三季度|四季度|全年)?"
    r"|今年(?:以来|上半年|前三季度|一季度)?|去年|目前|全年|年内|近[一二两三四五六七八九十\d]+(?:年|个月|月)(?:来)?|一季度|上半年"
)


_LOOK_BACK = 300  # a clause or sentence longer than this is no sentence: text without punctuation


def _as_of(folded: str, start: int) -> str | None:
    i, limit = start, max(0, start - _LOOK_BACK)
    while i > limit and folded[i - 1] not in "。!！?？\n":
        i -= 1
    found = None
    for m in _AS_OF.finditer(folded, i, start):
        found = m
    return found.group(0) if found else None


def _change(folded: str, q: Quantity) -> dict | str | None:
    if q.change_from is not None:
        return {"from": q.change_from, "to": q.value}
    window = folded[max(0, q.start - 8):q.start]
    if _INCREASE.search(window):
        return "increase"
    if _DECREASE.search(window):
        return "decrease"
    return None


def _before_change(words: str, q: Quantity, floor: int) -> tuple:
    lo = clause_start(words, q.start, floor)
    end = q.start
    while end > lo and words[end - 1] in "从由":
        end -= 1
    span = clean_before(words, lo, end)
    return (span,) if span else ()


def extract_figures(text: str) -> list[Figure]:
    """Every figure in ``text`` (display form), in order, with non-overlapping spans."""
    # Simplified but not lower-cased: indicators are read from it (B类县区, not b类县区).
    words, numbers, origin = numeric_views(simplify(text))
    quantities: list[Quantity] = []
    pos = 0
    for start in scan_starts(numbers):
        if start < pos:
            continue
        q = rank_at(numbers, start) or read_quantity(numbers, start)
        if q is None:
            continue
        if quantities and q.start < quantities[-1].end:
            continue
        quantities.append(q)
        pos = q.end
    drafts: list[Draft] = []
    floor = 0
    linked = link_changes(numbers, quantities)
    for k, q in enumerate(linked):
        if q.change_from is not None and drafts:  # 从6个增加到13个: the second end measures the same
            spans = drafts[-1].spans
        else:
            following = linked[k + 1] if k + 1 < len(linked) else None
            if following is not None and following.change_from is not None:
                spans = _before_change(words, q, floor)  # the first end of 从…到: what is before it
            else:
                spans = indicator_spans(words, q, floor, drafts, following)
        drafts.append(Draft(q, spans))
        floor = q.end
    apply_fenbie(words, drafts)
    apply_qizhong(words, drafts)
    figures = []
    for d in drafts:
        q = d.q
        start, end = origin[q.start], origin[q.end - 1] + 1
        indicator = render(text, origin, with_decline(words, q, d.spans))
        figures.append(Figure(
            start=start, end=end, text=text[start:end], value=q.value, value_high=q.value_high,
            unit=q.unit, kind=q.kind, approx=q.approx, indicator=indicator,
            change=_change(words, q), as_of=_as_of(words, q.start)))
    return figures


# Financial numerals (壹仟玖佰) read as ordinary ones; only for reading numbers.
_FINANCIAL = dict(zip("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千"))
_NEEDS_FINANCIAL = re.compile("[" + "".join(_FINANCIAL) + "]")
_JOINS_LEFT = set("0123456789" + CN_CHARS + "点分之个成折%kK.")
_JOINS_RIGHT = set("0123456789" + CN_CHARS + "点分之个成折%kK") | {u[0] for u in UNIT_NAMES}
_BLANKS = re.compile("[ \t\u3000]+")


def numeric_views(simplified: str) -> tuple[str, str, list[int]]:
    """Two same-length views of the text for reading figures, and where each character came from.

    Spaces inside a number (PDF text: 百 分 之 2.4, 1 万元, 3 家) are dropped, except
    between two Arabic digits, which in a table separate two numbers. ``words``
    keeps the text's own characters for indicators; ``numbers`` also reads
    financial numerals as ordinary ones.
    """
    numbers_full = replace_each(simplified, _NEEDS_FINANCIAL, _FINANCIAL)
    kept: list[tuple[int, int]] = []  # the spans that stay, between dropped runs of blanks
    start = 0
    for m in _BLANKS.finditer(numbers_full):
        i, j = m.span()
        if i == 0 or j - i > 4 or j == len(numbers_full):
            continue
        left, right = numbers_full[i - 1], numbers_full[j]
        if left in _JOINS_LEFT and right in _JOINS_RIGHT and not (left.isdigit() and right.isdigit()):
            kept.append((start, i))
            start = j
    if not kept:
        return simplified, numbers_full, list(range(len(simplified)))
    kept.append((start, len(simplified)))
    words = "".join(simplified[a:b] for a, b in kept)
    numbers = "".join(numbers_full[a:b] for a, b in kept)
    keep = [k for a, b in kept for k in range(a, b)]
    return words, numbers, keep
