"""The latest value of an indicator: what a chart and a region's summary show, and where it comes from.

A region's indicator is often reported several times, by several articles, over the years. Of
those values the one shown is the one with the latest time: the year the figure itself says
(截至2020年底 → 2020), else its article's date. A value nothing dates (no year of its own, an
undated article) says nothing about when it held, so any dated value comes before it; among
undated values the one imported last is taken. The same year from two articles is settled by the
later article (a later report of a year is the more complete one), then by the later import, and
within one article by the first mention (the figure an article leads with).

Each value keeps its source (article, title, date, span), so a reader can go to the sentence, and
the values of other articles that disagree with it (``conflicts.disagree``: the same year, or a
year unknown), so a disagreement is shown beside it rather than settled out of sight.

Plain rows in, plain values out: rows are ``rows.FIGURE_COLUMNS`` as dicts (rejected figures
are passed over; an edited figure's row already holds its corrected value).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..text.textnorm import fold
from .conflicts import Reported, disagree, reported, text_of, year_of

_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class LatestValue:
    """The value shown for one region, indicator and unit, with where it comes from."""

    region: str
    region_code: str
    indicator: str  # as the chosen figure writes it
    unit: str
    latest: Reported  # the value shown, with its article, date and span
    dated_by: str  # what dates it: "as_of" (its own year), "date" (its article's), "imported" (nothing)
    imported_at: str  # when its source was imported
    reports: int  # how many figures give this region's indicator in this unit
    disagreeing: tuple[Reported, ...] = ()  # other articles' values against it, oldest known year first
    sentence: str = ""  # the sentence it stands in, when the caller has read it

    @property
    def value(self) -> float:
        return self.latest.value

    @property
    def in_conflict(self) -> bool:
        return bool(self.disagreeing)

    @property
    def when(self) -> str:
        """The time it is shown for: its year, else the day its source was imported."""
        return self.latest.year or self.imported_at[:10]

    def to_json(self) -> dict:
        return {"region": self.region, "region_code": self.region_code, "indicator": self.indicator,
                "unit": self.unit, "value": self.value, "when": self.when, "dated_by": self.dated_by,
                "reports": self.reports, "sentence": self.sentence, "source": self.latest.to_json(),
                "disagreeing": [r.to_json() for r in self.disagreeing]}


def dated_by(row: dict) -> str:
    if _YEAR.search(text_of(row.get("as_of"))):
        return "as_of"
    return "date" if year_of(row) else "imported"


def recency(row: dict, shown: Reported | None = None) -> tuple:
    """How late a figure row is (``shown``: the row as ``reported`` gives it); the latest of a group is its largest."""
    shown = shown or reported(row)
    return (bool(shown.year), shown.year, shown.date, text_of(row.get("imported_at")), shown.article_id, -shown.start)


def _groups(rows) -> dict[tuple[str, str, str], list[dict]]:
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    folded: dict[str, str] = {}
    for r in rows:
        indicator = r.get("indicator")
        if indicator and r.get("region_code") and r.get("status") != "rejected":
            key = folded.get(indicator) or folded.setdefault(indicator, fold(indicator))
            groups[(r["region_code"], key, r["unit"] or "")].append(r)
    return groups


def _latest_of(members: list[dict]) -> LatestValue:
    reps = [reported(r) for r in members]
    i = max(range(len(members)), key=lambda k: recency(members[k], reps[k]))
    best, shown = members[i], reps[i]
    seen: dict[tuple[int, float], Reported] = {}  # an article repeating a value says it once
    for r in reps:
        if disagree(shown, r):
            seen.setdefault((r.article_id, r.value), r)
    against = sorted(seen.values(), key=lambda r: (r.year or "9999", r.date, r.article_id, r.start))
    return LatestValue(best["region"], best["region_code"], best["indicator"], best["unit"] or "", shown,
                       dated_by(best), text_of(best.get("imported_at")), len(members), tuple(against))


def latest_values(rows) -> list[LatestValue]:
    """One value per region, indicator (in either script) and unit: the latest; most reported first."""
    found = [_latest_of(members) for members in _groups(rows).values()]
    found.sort(key=lambda v: (-v.reports, v.region_code, fold(v.indicator), v.unit))
    return found


def chart_values(rows, most: int = 20) -> tuple[list[LatestValue], str]:
    """The latest value of each region in the indicator's commonest unit, largest first: a chart's bars."""
    found = latest_values(rows)
    if not found:
        return [], ""
    units = Counter()
    for v in found:
        units[v.unit] += v.reports
    unit = max(units, key=lambda u: (units[u], u))
    bars = [v for v in found if v.unit == unit]
    bars.sort(key=lambda v: (-v.value, v.region_code))
    return bars[:most], unit


def spellings_of(indicator: str, indicators) -> list[str]:
    """The ways of writing ``indicator`` among ``indicators``: 科技型中小企業 is 科技型中小企业."""
    folded = fold(indicator)
    return [i for i in indicators if fold(i) == folded]
