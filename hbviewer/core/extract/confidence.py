"""How sure the analysis is of a figure: a confidence in [0, 1] and the reasons it is lower.

The review queue shows the least certain figures first, and says why each is there. A figure
is judged right when its value, unit, indicator and region are all right; each reason below is
a sign, seen in the figure and its article's text after the analysis (``confidence_signs``),
that one of them may be wrong. The confidence is the product of the weights of its reasons.
The weights are measured on the labelled development set (``benchmarks/confidence_curve.py``,
which prints how often figures with each reason are right, on each half of the set): a reason
weighs about the share right of the figures that have it, against those with none. Figures at
0.9 or above are those with no reason, or one that hardly ever goes with an error; on the
development set 97% or more of them are right. ``docs/extraction.md`` has the curve.

Only what the stored figure and the article text show is used, so a library works it out as
it reads a figure: nothing is stored, and better weights need no re-analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .confidence_signs import ArticleSigns
from .figures import Figure

# reason -> (weight the confidence is multiplied by, what the reviewer is told)
REASONS: dict[str, tuple[float, str]] = {
    "no_indicator": (0.3, "no indicator found"),
    "vague_indicator": (0.6, "the indicator is a single word or very long"),
    "indicator_across_punctuation": (0.7, "the indicator runs across punctuation or brackets"),
    "indicator_verb": (0.6, "the indicator holds a verb or adverb (已, 完成, 达到…)"),
    "value_in_brackets": (0.7, "a value in brackets after a name, whose indicator is written elsewhere"),
    "no_region": (0.85, "no region found"),
    "region_far": (0.25, "its region is named only in another story, past a headline"),
    "region_elsewhere": (0.7, "its region is not named in its sentence"),
    "region_by_reference": (0.9, "its region comes from 该市/全县-type wording"),
    "national_scope": (0.8, "its sentence speaks of the whole country (全国, 我国…)"),
    "counts_places": (0.45, "it counts divisions (12个县) but is placed at one: it may belong to the level above"),
    "place_list": (0.7, "its clause names several places"),
    "several_places": (0.75, "its sentence names several places"),
    "headline": (0.7, "it stands in a headline"),
    "approximate": (0.9, "an approximate figure"),
    "duration": (0.45, "a duration"),
    "unusual_kind": (0.95, "a rank, measure or multiple"),
    "unusual_unit": (0.9, "an unusual unit"),
    "chinese_numerals": (0.8, "written in Chinese numerals"),
    "range": (0.7, "a range"),
    "list_value": (0.9, "one value of a 分别 list"),
}


@dataclass(frozen=True)
class Confidence:
    value: float
    reasons: tuple[str, ...]

    def explained(self) -> list[str]:
        """The reasons in words, for a tooltip or the review queue."""
        return [REASONS[r][1] for r in self.reasons]


def _weighed(reasons: list[str]) -> Confidence:
    ordered = tuple(sorted(reasons, key=lambda r: REASONS[r][0]))
    value = 1.0
    for r in ordered:
        value *= REASONS[r][0]
    return Confidence(round(value, 3), ordered)


def _in_fenbie_list(signs: ArticleSigns, f: Figure) -> bool:
    # 分别 before a figure in its sentence: its values are paired with names by order alone
    return "分别" in signs.before_in_sentence(f)


def confidence_of(f: Figure, text: str, in_list: bool | None = None) -> Confidence:
    """The confidence of one figure of an article whose shown text is ``text``, with the
    reasons that lowered it, worst first."""
    signs = ArticleSigns(text)
    return _weighed(signs.of(f, _in_fenbie_list(signs, f) if in_list is None else in_list))


def confidences(figures: list[Figure], text: str) -> list[Confidence]:
    """The confidence of each figure of an article, in order."""
    signs = ArticleSigns(text)
    return [_weighed(signs.of(f, _in_fenbie_list(signs, f))) for f in figures]


def with_confidence(figures: list[Figure], text: str) -> list[Figure]:
    """The figures with their confidence and reasons filled in."""
    return [replace(f, confidence=c.value, reasons=c.reasons) for f, c in zip(figures, confidences(figures, text))]
