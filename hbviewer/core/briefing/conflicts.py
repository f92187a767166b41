"""Numbers that disagree: one region and indicator, different values, from different articles.

Two figures can only be told apart in time when each says its year: the figure's own time
(截至2020年底 → 2020), else its article's date. Values of the same region, indicator and unit
from different articles disagree when their years are the same, or when either year is
unknown — a reader cannot tell which one holds, so both are shown, never one hidden. One
article giving two values of an indicator most often means two things (new this year and in
all), so only other articles' values count against a figure.

The latest value of an indicator (the one a chart shows) is the one with the latest time:
the figure's year, else its article's date, else the day it was imported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..text.textnorm import fold
from .rows import FIGURE_COLUMNS

_YEAR = re.compile(r"((?:19|20)\d\d)")


@dataclass(frozen=True)
class Reported:
    """One figure as a conflict lists it: its value and where it comes from."""

    value: float
    text: str
    article_id: int
    start: int
    title: str
    source: str
    date: str  # the article's date, "" when it has none
    year: str  # the year it is about, "" when unknown
    status: str
    end: int = -1  # where its span ends in the article's text (-1: not known)

    def to_json(self) -> dict:
        return dict(vars(self))


@dataclass(frozen=True)
class Conflict:
    region: str
    region_code: str
    indicator: str
    unit: str
    reports: tuple[Reported, ...]  # at least two values, oldest known year first

    def to_json(self) -> dict:
        return {"region": self.region, "region_code": self.region_code, "indicator": self.indicator,
                "unit": self.unit, "reports": [r.to_json() for r in self.reports]}


def text_of(value) -> str:
    """A text field of a row; a missing one (None, or NaN from a frame) is ""."""
    return value if isinstance(value, str) else ""


def year_of(row: dict) -> str:
    """The year a figure row is about: its own time's year, else its article's, else ""."""
    for text in (text_of(row.get("as_of")), text_of(row.get("date"))):
        m = _YEAR.search(text)
        if m:
            return m.group(1)
    return ""


def reported(r: dict) -> Reported:
    return Reported(float(r["value"]), r["text"], int(r["article_id"]), int(r["start"]), r["title"], r["source"],
                    text_of(r.get("date")), year_of(r), r.get("status", "automatic"), int(r.get("end", -1)))


def disagree(a: Reported, b: Reported) -> bool:
    """Whether two values are told against each other: other articles, other values, a year in common or unknown."""
    return a.article_id != b.article_id and a.value != b.value and (a.year == b.year or not a.year or not b.year)


def conflicts_in(rows: list[dict]) -> list[Conflict]:
    """The disagreements among figure rows (``rows.FIGURE_COLUMNS`` as dicts), in region order."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        if r["indicator"] and r["region_code"]:
            # the same indicator in either script: 科技型中小企業 is 科技型中小企业
            groups[(r["region_code"], fold(r["indicator"]), r["unit"])].append(r)
    found = []
    for (code, indicator, unit), members in sorted(groups.items()):
        reports = [reported(r) for r in members]
        involved = [a for a in reports if any(disagree(a, b) for b in reports)]
        if involved:
            involved.sort(key=lambda r: (r.year or "9999", r.date, r.article_id, r.start))
            found.append(Conflict(members[0]["region"], code, members[0]["indicator"], unit, tuple(involved)))
    return found


def disagreeing_values(rows: list[dict]) -> dict[tuple[int, int], tuple[str, ...]]:
    """For each figure (article id, start) that disagrees, the texts of the values against it."""
    out: dict[tuple[int, int], tuple[str, ...]] = {}
    for c in conflicts_in(rows):
        for a in c.reports:
            others = [b.text for b in c.reports if disagree(a, b)]
            out[(a.article_id, a.start)] = tuple(dict.fromkeys(others))
    return out


def find_conflicts(library, article_ids: set[int] | None = None) -> list[Conflict]:
    """The disagreements among a library's figures (of these articles; all: None)."""
    return conflicts_in([dict(zip(FIGURE_COLUMNS, row)) for row in library.figure_rows(article_ids)])
