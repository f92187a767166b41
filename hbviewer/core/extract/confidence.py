"""How sure the analysis is of a figure: a confidence in [0, 1] and the reasons it is lower.

The review queue shows the least certain figures first, and says why each is there. A figure
is judged right when its value, unit, indicator and region are all right; each reason below is
a sign, seen in the figure and its sentence after the analysis, that one of them may be wrong.
The weights (``REASONS``) are measured on the labelled development set
(``benchmarks/extraction_score.py --confidence``): each is roughly how much more often a figure
with that sign is wrong, so the product stays calibrated — figures at 0.9 or above are right
nineteen times in twenty or more. ``docs/extraction.md`` has the curve.

Only what the stored figure and the article text show is used, so a library works it out as
it reads a figure: nothing is stored, and better weights need no re-analysis.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from ..text.textnorm import fold
from .figures import Figure

# reason -> (weight the confidence is multiplied by, what the reviewer is told)
REASONS: dict[str, tuple[float, str]] = {
    "no_indicator": (0.45, "no indicator found"),
    "vague_indicator": (0.8, "the indicator is a single word or very long"),
    "no_region": (0.7, "no region found"),
    "region_elsewhere": (0.85, "its region is not named in its sentence"),
    "region_by_reference": (0.9, "its region comes from 该市/全县-type wording"),
    "approximate": (0.95, "an approximate figure"),
    "unusual_kind": (0.85, "a rank, duration, measure or multiple"),
    "unusual_unit": (0.85, "an unusual unit"),
    "chinese_numerals": (0.95, "written in Chinese numerals"),
    "range": (0.95, "a range"),
    "list_value": (0.9, "one value of a 分别 list"),
}

COMMON_UNITS = frozenset({"元", "美元", "%", "个百分点", "倍", "家", "个", "项", "人", "人次", "万人", "亩", "公里",
                          "吨", "平方米", "千瓦", "千瓦时", "户", "所", "名", "件", "台", "座", "条", "辆", "位"})
_UNUSUAL_KINDS = frozenset({"rank", "duration", "measure", "multiple"})
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_REFERENCE = re.compile(r"(?:该|全|我|本)(?:省|市|县|区)")
_CN_NUMERAL = re.compile(r"[零一二两三四五六七八九十百千万亿]")
_DIGIT = re.compile(r"\d")
_REACH = 300


@dataclass(frozen=True)
class Confidence:
    value: float
    reasons: tuple[str, ...]

    def explained(self) -> list[str]:
        """The reasons in words, for a tooltip or the review queue."""
        return [REASONS[r][1] for r in self.reasons]


class _Sentences:
    """The sentences of one folded text, found once: a long article has thousands of figures."""

    def __init__(self, folded: str):
        self.folded = folded
        self.ends = [m.end() for m in _SENTENCE_END.finditer(folded)]

    def around(self, start: int, end: int) -> tuple[int, int]:
        i = bisect_right(self.ends, start)
        first = self.ends[i - 1] if i else 0
        j = bisect_right(self.ends, end)
        last = self.ends[j] - 1 if j < len(self.ends) else len(self.folded)
        # text without punctuation has no sentences: look no further than the extractor does
        return max(first, start - _REACH), min(last, end + _REACH)

    def of(self, f: Figure) -> str:
        first, last = self.around(f.start, f.end)
        return self.folded[first:last]

    def before(self, f: Figure) -> str:
        return self.folded[self.around(f.start, f.end)[0]:f.start]


def region_surfaces(name: str) -> tuple[str, ...]:
    """The region's name and its name without 市/县/区/省, as text writes it."""
    if len(name) > 2 and name[-1] in "市县区省":
        return name, name[:-1]
    return (name,)


def _region_reasons(f: Figure, sentence: str) -> list[str]:
    if not f.region:
        return ["no_region"]
    if any(s in sentence for s in region_surfaces(fold(f.region))):
        return []
    return ["region_by_reference"] if _REFERENCE.search(sentence) else ["region_elsewhere"]


def _indicator_reasons(f: Figure) -> list[str]:
    if not f.indicator.strip():
        return ["no_indicator"]
    if len(f.indicator) < 2 or len(f.indicator) > 14:
        return ["vague_indicator"]
    return []


def reasons_of(f: Figure, text: str, in_list: bool = False, _sentences: _Sentences | None = None
               ) -> tuple[str, ...]:
    """The signs of doubt about figure ``f`` of an article whose shown text is ``text``."""
    sentences = _sentences or _Sentences(fold(text))
    found = _indicator_reasons(f) + _region_reasons(f, sentences.of(f))
    if f.approx:
        found.append("approximate")
    if f.kind in _UNUSUAL_KINDS:
        found.append("unusual_kind")
    elif f.unit not in COMMON_UNITS:
        found.append("unusual_unit")
    if _CN_NUMERAL.search(f.text) and not _DIGIT.search(f.text):
        found.append("chinese_numerals")
    if f.value_high is not None:
        found.append("range")
    if in_list:
        found.append("list_value")
    return tuple(found)


def _weighed(reasons: tuple[str, ...]) -> Confidence:
    reasons = tuple(sorted(reasons, key=lambda r: REASONS[r][0]))
    value = 1.0
    for r in reasons:
        value *= REASONS[r][0]
    return Confidence(round(value, 3), reasons)


def confidence_of(f: Figure, text: str, in_list: bool = False) -> Confidence:
    """The confidence of one figure, with the reasons that lowered it, worst first."""
    return _weighed(reasons_of(f, text, in_list))


def confidences(figures: list[Figure], text: str) -> list[Confidence]:
    """The confidence of each figure of an article, in order."""
    sentences = _Sentences(fold(text))
    # 分别 before a figure in its sentence: its values are paired with names by order alone
    return [_weighed(reasons_of(f, text, "分别" in sentences.before(f), sentences)) for f in figures]


def with_confidence(figures: list[Figure], text: str) -> list[Figure]:
    """The figures with their confidence and reasons filled in."""
    return [replace(f, confidence=c.value, reasons=c.reasons) for f, c in zip(figures, confidences(figures, text))]
