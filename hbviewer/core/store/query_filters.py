"""Filters typed in the search box: ``region:张家口市``, ``date:2024-01..2024-03``, ``kind:money`` …

A filter is ``name:value`` (``name:"a value"`` when it holds spaces), ``-name:value`` leaves
those articles out. :data:`FILTERS` is the table of filter names: each says how its value is
read (a :class:`~hbviewer.core.store.search.QueryError` when it cannot be) and the SQL
condition on the articles ``a`` it stands for, written with ``?`` marks, the same SQL for both
libraries. A new filter is one more entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Callable


class QueryError(ValueError):
    """A query that cannot be run; the message says why, for the user."""


# A filter is ASCII letters and a colon at the start of a term; quote a term to search for such
# text itself. Otherwise a quoted phrase, or a word, as ``search.parse_query`` reads them.
_TOKEN = re.compile(r'(?P<neg>-?)(?P<name>[A-Za-z]+):(?:"(?P<quoted>[^"]*)"?|(?P<bare>\S*))|"[^"]*"?|\S+')


@dataclass(frozen=True)
class FilterKind:
    parse: Callable[[str], object]  # the value as typed -> what ``condition`` needs
    condition: Callable[[object], tuple[str, list]]  # -> (SQL on ``a`` with ? marks, parameters)
    usage: str  # shown when the value cannot be read
    # True: checked article by article (cheap for the few a text search finds); False: a set an
    # index gives at once (a region's articles, a period), which a search may start from
    per_match: bool = True
    # For a set (per_match False): a SELECT of the article ids the filter holds, when an index gives
    # them without the articles table; otherwise they are read as ``SELECT a.id … WHERE condition``.
    ids: Callable[[object], tuple[str, list]] | None = None


@dataclass(frozen=True)
class QueryFilter:
    name: str
    value: str  # as typed (without quotes)
    negated: bool
    argument: object  # the value as read

    @property
    def text(self) -> str:
        """The filter as it would be typed."""
        value = f'"{self.value}"' if (" " in self.value or not self.value) else self.value
        return f"{'-' if self.negated else ''}{self.name}:{value}"

    def condition(self) -> tuple[str, list]:
        sql, params = FILTERS[self.name].condition(self.argument)
        return (f"NOT ({sql})" if self.negated else f"({sql})"), params

    @property
    def per_match(self) -> bool:
        return self.negated or FILTERS[self.name].per_match

    def id_set(self) -> tuple[str, list]:
        """A SELECT of the ids of the articles the filter holds, negated or not (for a set filter)."""
        kind = FILTERS[self.name]
        if kind.ids is not None:
            return kind.ids(self.argument)
        sql, params = kind.condition(self.argument)
        return f"SELECT a.id FROM articles a WHERE {sql}", params


# -- region ---------------------------------------------------------------------------------
def _region_codes(value: str) -> tuple[str, ...]:
    from ..extract.gazetteer import gazetteer
    from ..text.textnorm import fold

    gaz = gazetteer()
    found = [gaz.get(value)] if value.isdigit() and gaz.get(value) is not None else gaz.by_name(fold(value))
    if not found:
        raise QueryError(f"region: no region called “{value}” is known. Type its name as written, "
                         "e.g. region:张家口市 or region:万全区.")
    codes: set[str] = set()
    todo = [r.code for r in found if r.current] or [found[0].code]
    while todo:  # the region and every unit under it (a city and its counties)
        code = todo.pop()
        if code not in codes:
            codes.add(code)
            todo.extend(child.code for child in gaz.children(code))
    return tuple(sorted(codes))


def _region_ids(codes: tuple[str, ...]) -> tuple[str, list]:
    marks = ",".join("?" * len(codes))
    # As the region panel counts: articles about the region, or with figures attributed to it.
    return (f"SELECT r.article_id FROM article_regions r WHERE r.role = 'subject' AND r.code IN ({marks})"
            f" UNION SELECT f.article_id FROM figures f WHERE f.region_code IN ({marks})", [*codes, *codes])


def _region_condition(codes: tuple[str, ...]) -> tuple[str, list]:
    # One set of ids, so the articles are looked up by id rather than all read.
    sql, params = _region_ids(codes)
    return f"a.id IN ({sql})", params


# -- source ---------------------------------------------------------------------------------
def _like_pattern(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _source_value(value: str) -> str:
    if not value.strip():
        raise QueryError("source: needs the name of a publication or file, e.g. source:河北日报.")
    return _like_pattern(value.strip())


def _source_condition(pattern: str) -> tuple[str, list]:
    # The article's publication where it has one, else the file it came from.
    return ("CASE WHEN a.publication <> '' THEN lower(a.publication) ELSE"
            " (SELECT lower(s2.name) FROM sources s2 WHERE s2.id = a.source_id) END LIKE ? ESCAPE '\\'",
            [pattern])


# -- date -----------------------------------------------------------------------------------
_DATE_PART = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")


def _date_bound(text: str, last: bool) -> str:
    m = _DATE_PART.fullmatch(text)
    if m is None:
        raise ValueError(text)
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is None:
        return f"{year}-99" if last else year  # dates are stored as YYYY-MM-DD: text order is date order
    if not 1 <= int(month) <= 12:
        raise ValueError(text)
    if day is None:
        return f"{year}-{int(month):02d}-99" if last else f"{year}-{int(month):02d}"
    return date(int(year), int(month), int(day)).isoformat()  # ValueError for 2024-02-30


def _date_range(value: str) -> tuple[str | None, str | None]:
    start, sep, end = value.partition("..")
    try:
        if not sep:
            return _date_bound(value, False), _date_bound(value, True)
        if not start and not end:
            raise ValueError(value)
        low = _date_bound(start, False) if start else None
        high = _date_bound(end, True) if end else None
    except ValueError:
        raise QueryError(f"date:{value} is not a date or a period. Write date:2024, date:2024-03, "
                         "date:2024-03-01, or a range: date:2024-01..2024-03, date:2024-03-01.. "
                         "(open end), date:..2023") from None
    if low is not None and high is not None and low > high:
        raise QueryError(f"date:{value} ends before it begins.")
    return low, high


def _date_condition(bounds: tuple[str | None, str | None]) -> tuple[str, list]:
    low, high = bounds
    parts, params = ["a.date IS NOT NULL"], []
    if low is not None:
        parts.append("a.date >= ?")
        params.append(low)
    if high is not None:
        parts.append("a.date <= ?")
        params.append(high)
    return " AND ".join(parts), params


# -- figures --------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def figure_kinds() -> tuple[str, ...]:
    from ..extract.figure_units import UNITS

    return tuple(sorted({kind for _base, kind, _factor in UNITS.values()}))


def _kind_value(value: str) -> str:
    kind = value.strip().lower()
    if kind not in figure_kinds():
        raise QueryError(f"kind:{value} is not a kind of figure. The kinds are: {', '.join(figure_kinds())}.")
    return kind


def _kind_condition(kind: str) -> tuple[str, list]:
    return "EXISTS (SELECT 1 FROM figures f WHERE f.article_id = a.id AND f.kind = ?)", [kind]


_HAS = {
    "figures": "EXISTS (SELECT 1 FROM figures f WHERE f.article_id = a.id)",
    "date": "a.date IS NOT NULL",
    "regions": "EXISTS (SELECT 1 FROM article_regions r WHERE r.article_id = a.id AND r.role = 'subject')",
}


def _has_value(value: str) -> str:
    what = value.strip().lower()
    if what not in _HAS:
        raise QueryError(f"has:{value} is not known. Write one of: {', '.join('has:' + k for k in _HAS)}.")
    return what


# A figure's review status: "automatic" until someone reviews it, then what the correction made it
# (store/corrections.py, STATUS_OF).
_REVIEWED = ("accepted", "edited", "added", "rejected")
_STATUSES = {"unreviewed": ("automatic",), "reviewed": _REVIEWED,
             **{status: (status,) for status in ("automatic", *_REVIEWED)}}


def _status_value(value: str) -> tuple[str, ...]:
    status = value.strip().lower()
    if status not in _STATUSES:
        raise QueryError(f"status:{value} is not a figure status. Write one of: "
                         f"{', '.join('status:' + s for s in _STATUSES)}.")
    return _STATUSES[status]


def _status_condition(statuses: tuple[str, ...]) -> tuple[str, list]:
    marks = ", ".join("?" * len(statuses))
    return (f"EXISTS (SELECT 1 FROM figures f WHERE f.article_id = a.id AND f.status IN ({marks}))",
            list(statuses))


FILTERS: dict[str, FilterKind] = {
    "region": FilterKind(_region_codes, _region_condition, "region:张家口市 (the region and its counties)", False,
                         _region_ids),
    "source": FilterKind(_source_value, _source_condition, "source:河北日报 (publication, else file name)"),
    "date": FilterKind(_date_range, _date_condition, "date:2024, date:2024-01..2024-03, date:2024-03-01..",
                       False),
    "kind": FilterKind(_kind_value, _kind_condition, "kind:money (articles with a figure of that kind)"),
    "has": FilterKind(_has_value, lambda what: (_HAS[what], []), "has:figures, has:date, has:regions"),
    "status": FilterKind(_status_value, _status_condition,
                         "status:unreviewed (articles with a figure of that status: reviewed, accepted, edited, "
                         "added, rejected)"),
}


# Read before these, from what people keep (search.split_keep_filters): tag:雄安, note:核实, is:bookmarked.
_KEPT = ("tag", "note", "is")


def read_filter(negated: str, name: str, value: str) -> QueryFilter:
    key = name.lower()
    kind = FILTERS.get(key)
    if kind is None and key in _KEPT:  # what search.split_keep_filters left: a form it does not read
        if negated:
            raise QueryError(f"-{key}: cannot leave articles out: {key}: only finds them. Search {key}:{value} "
                             "to see those articles.")
        raise QueryError(f"{key}:{value} is not known. Write is:bookmarked.")
    if kind is None:
        known = ", ".join(f"{n}:" for n in (*FILTERS, "tag", "note")) + " and is:bookmarked"
        raise QueryError(f"{name}: is not a filter. The filters are {known}; to search for “{name}:” "
                         f"itself, put it in quotes: \"{name}:{value}\".")
    if not value.strip():
        raise QueryError(f"{key}: needs a value, e.g. {kind.usage}.")
    return QueryFilter(key, value, bool(negated), kind.parse(value))


def _tokens(text: str):
    return _TOKEN.finditer(text)


@lru_cache(maxsize=256)
def split_filters(text: str) -> tuple[str, tuple[QueryFilter, ...]]:
    """The query without its filters, and the filters in the order typed.

    A filter inside double quotes stays text: ``"note:x"`` searches for that string. Kept
    for the latest queries: one search reads its filters several times (count, page, ids).
    """
    kept, filters = [], []
    for m in _tokens(text):
        if m.group("name") is None:
            kept.append(m.group(0))
            continue
        value = m.group("quoted") if m.group("quoted") is not None else m.group("bare")
        filters.append(read_filter(m.group("neg"), m.group("name"), value))
    return " ".join(kept), tuple(filters)


def filter_values() -> dict[str, tuple[str, ...]]:
    """The values a filter with a fixed set of them takes (what the window offers in its menu)."""
    return {"kind": figure_kinds(), "status": tuple(_STATUSES), "has": tuple(_HAS)}


def with_filter(text: str, term: str) -> str:
    """The query text with the filter ``term`` added.

    A new kind:, status: or date: takes the place of one of the same name (a menu choice is a
    change of mind more often than one more condition); has: and is: are added beside the
    others, once. Filters that leave articles out (``-kind:rank``) stay.
    """
    name = term.split(":", 1)[0].lower()
    found = [m for m in _tokens(text)
             if m.group("name") is not None and m.group("name").lower() == name and not m.group("neg")]
    if name in ("has", "is"):
        return text if any(m.group(0) == term for m in found) else " ".join([*text.split(), term])
    for m in reversed(found):
        text = text[:m.start()] + text[m.end():]
    return " ".join([*text.split(), term])


def without_filter(text: str, index: int) -> str:
    """The query text with its ``index``-th filter taken out (a chip's ×)."""
    spans = [m.span() for m in _tokens(text) if m.group("name") is not None]
    if not 0 <= index < len(spans):
        return text
    s, e = spans[index]
    return " ".join((text[:s] + text[e:]).split())


def filter_terms(text: str) -> list[str]:
    """The filters of a query as typed, values unread: what the window shows as chips."""
    return [m.group(0) for m in _tokens(text) if m.group("name") is not None]
