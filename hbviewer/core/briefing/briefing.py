"""The Word briefing's content: which figures go in, and the draft they make.

:func:`build_briefing` reads a library through its contract only. The figures
are those of the chosen regions (a city with its counties), period (on the
article date) and search; each goes to its region's section, in the
province's official order: 全省, the eleven cities by code (石家庄 … 衡水),
then 定州 and 辛集 (administered by the province, though the gazetteer lists
them under 保定 and 石家庄), then 雄安新区; places outside Hebei last. A city's
counties and zones are its sub-sections.

Figures that disagree (the same region, indicator, unit and time, with
different values) are marked in the text and the table for the writer.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from ..extract.gazetteer import HEBEI, gazetteer
from ..store.search import QueryError, SearchQuery, parse_query
from ..text.textnorm import simplify
from .conflicts import disagreeing_values
from .draft import CONFLICT_MARK, BriefingDraft, DraftFigure, KeyFigure, Paragraph, Section, SourceRef
from .summary import FIGURE_COLUMNS, articles_of_region, region_and_below, sentence_ends
from .wording import clause_starts, figure_phrase, month_period, plain_indicator, split_value

DINGZHOU, XINJI = "130682", "130181"  # county-level cities the province runs itself: sections of their own
OUTSIDE = ""  # the one section for places outside Hebei
PROVINCE_NAME = "全省"
OUTSIDE_NAME = "其他地区"
INCLUDED_STATUSES = frozenset({"automatic", "accepted", "edited", "added"})  # never "rejected"
KEY_PER_REGION = 3  # indicators of each region in the closing table, as many as the workbook's overview names
_HAS_DIGIT = re.compile(r"\d")
_DATE_INPUT = re.compile(r"^\s*(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?年?\s*$")


@dataclass(frozen=True)
class BriefingScope:
    """What goes into a briefing: regions, a period, a search; and its title ("" for the default)."""

    region_codes: tuple[str, ...] = ()  # each with every unit under it; none: every region
    date_from: str | None = None  # on the article date: YYYY-MM-DD, YYYY-MM or YYYY
    date_to: str | None = None
    query: SearchQuery | None = None  # its text and filters select articles
    title: str = ""
    left_out: frozenset[tuple[int, int]] = frozenset()  # (article id, start) of figures the user unticked


def build_briefing(library, scope: BriefingScope = BriefingScope(), made: date | None = None) -> BriefingDraft:
    """The draft of a briefing of ``scope`` (made today unless ``made`` says otherwise)."""
    gaz = gazetteer()
    rows = _rows_in_scope(library, scope, gaz)
    articles = _articles(library, {r["article_id"] for r in rows})
    rows = [r for r in rows if r["article_id"] in articles]  # a shared library may lose one meanwhile
    _mark_conflicts(rows, articles)
    placed: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    unplaced = 0
    places: dict[str, tuple[str, str] | None] = {}
    for r in rows:
        code = r["region_code"]
        if code not in places:
            places[code] = _place(gaz, code) if code else None
        if places[code] is None:
            unplaced += 1
            continue
        section, sub = places[code]
        placed[section][sub].append(r)
    order = section_order(gaz)
    order += sorted(code for code in placed if code not in order)  # none today; never drop figures
    sections = [_section(gaz, code, placed[code], articles) for code in order if code in placed]
    _attach_notes(library, sections)
    dates = sorted({articles[r["article_id"]].date for r in rows if articles[r["article_id"]].date})
    first, last = (dates[0], dates[-1]) if dates else (None, None)
    period = month_period(first, last)
    return BriefingDraft(
        title=scope.title.strip() or default_title(scope.query, period), period=period,
        date_from=first, date_to=last, made=(made or date.today()).isoformat(), sections=sections,
        table=key_figures(sections), figure_count=len(rows) - unplaced, unplaced=unplaced)


def default_title(query: SearchQuery | None, period: str) -> str:
    """``河北省各地科技创新工作动态（2024年10月）``: the topic from the search, the months covered."""
    topic = ""
    if query is not None and query.text.strip():
        try:
            topic = "、".join(term for group in parse_query(query.text).required for term in group)
        except QueryError:
            topic = ""
    if topic.endswith("工作"):
        topic = topic[:-2]
    title = f"河北省各地{topic}工作动态"
    return f"{title}（{period}）" if period else title


def section_order(gaz) -> list[str]:
    """Section codes in the province's order: 全省, the cities, 定州, 辛集, 雄安新区, then outside Hebei."""
    units = gaz.children(HEBEI)
    cities = sorted(r.code for r in units if r.level == "prefecture")
    zones = sorted(r.code for r in units if r.level == "zone")
    return [HEBEI, *cities, DINGZHOU, XINJI, *zones, OUTSIDE]


def date_bound(text: str | None, last: bool) -> str | None:
    """``2024-10`` as the first (or ``last``) day it covers: ``2024-10-01`` / ``2024-10-31``."""
    if not text:
        return None
    m = _DATE_INPUT.match(text)
    if not m:
        raise ValueError(f"Not a date: {text!r}. Write it as YYYY-MM-DD, YYYY-MM or YYYY.")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month is None:
        month_n, day_n = (12, 31) if last else (1, 1)
    else:
        month_n = int(month)
        if not 1 <= month_n <= 12:
            raise ValueError(f"Not a date: {text!r} (there is no month {month_n}).")
        day_n = int(day) if day else (calendar.monthrange(year, month_n)[1] if last else 1)
    try:
        return date(year, month_n, day_n).isoformat()
    except ValueError:
        raise ValueError(f"Not a date: {text!r}.") from None


# -- choosing ----------------------------------------------------------------------------------

def _counted(row: dict) -> bool:
    """Whether a figure may go in: never a rejected one (the library leaves those out already)."""
    return row.get("status", "automatic") in INCLUDED_STATUSES


def _scope_ids(library, scope: BriefingScope) -> set[int] | None:
    ids = None
    if scope.query is not None or scope.date_from or scope.date_to:
        query = scope.query or SearchQuery()
        query = replace(query, date_from=date_bound(scope.date_from, False) or query.date_from,
                        date_to=date_bound(scope.date_to, True) or query.date_to, limit=None, offset=0)
        ids = library.search_ids(query)
    if scope.region_codes:
        region_ids = set().union(*(articles_of_region(library, code) for code in scope.region_codes))
        ids = region_ids if ids is None else ids & region_ids
    return ids


def _rows_in_scope(library, scope: BriefingScope, gaz) -> list[dict]:
    ids = _scope_ids(library, scope)
    if ids is not None and not ids:
        return []
    codes = region_and_below(gaz, scope.region_codes) if scope.region_codes else None
    rows = []
    for values in library.figure_rows(ids):
        r = dict(zip(FIGURE_COLUMNS, values))
        if codes is not None and r["region_code"] not in codes:
            continue
        if (r["article_id"], r["start"]) in scope.left_out or not _counted(r):
            continue
        rows.append(r)
    return rows


def _articles(library, ids: set[int]) -> dict:
    if not ids:
        return {}
    return {a.id: a for a in library.articles(SearchQuery(article_ids=tuple(sorted(ids)), limit=None))}


def _when(row: dict, article) -> str:
    """A figure's time: the one its article gives (截至2020年底), else the article's date."""
    as_of = row["as_of"] or ""
    return as_of if _HAS_DIGIT.search(as_of) else (article.date or "")


def _mark_conflicts(rows: list[dict], articles: dict) -> None:
    """Give each row its ``when`` and ``conflict``: the values other articles give for the same
    region and indicator at a time that cannot be told apart (``conflicts``)."""
    for r in rows:
        r["when"] = _when(r, articles[r["article_id"]])
    against = disagreeing_values(rows)
    for r in rows:
        r["conflict"] = against.get((r["article_id"], r["start"]), ())


def _place(gaz, code: str) -> tuple[str, str] | None:
    """The (section, sub-section) a region's figures go to; sub-section "" is the section's own text."""
    region = gaz.get(code)
    if region is None:
        return None
    region = gaz.successor(region)
    if region.code == HEBEI:
        return HEBEI, ""
    if not region.in_hebei:
        return OUTSIDE, region.code
    for unit in (region, *gaz.ancestors(region)):
        if unit.code in (DINGZHOU, XINJI):
            return unit.code, ("" if unit is region else region.code)
    city = gaz.prefecture_of(region)
    if city is None:
        return HEBEI, ""
    return city.code, ("" if city.code == region.code else region.code)


# -- the sections --------------------------------------------------------------------------------

def _section(gaz, code: str, parts: dict[str, list[dict]], articles: dict) -> Section:
    if code == OUTSIDE:
        section = Section(OUTSIDE, OUTSIDE_NAME)
    else:
        section = Section(code, PROVINCE_NAME if code == HEBEI else gaz.get(code).name)
        section.paragraphs = _paragraphs(gaz, code, parts.get("", []), articles)
    for sub in sorted(c for c in parts if c):
        region = gaz.get(sub)
        name = region.name if code != OUTSIDE else _full_name(gaz, region)
        section.subsections.append(Section(sub, name, _paragraphs(gaz, sub, parts[sub], articles)))
    return section


def _attach_notes(library, sections: list[Section]) -> None:
    """Give each paragraph the notes on its figures, and the first paragraph from an article its notes."""
    paragraphs = [p for s in sections for part in (s, *s.subsections) for p in part.paragraphs if p.figures]
    ids = sorted({p.figures[0].article_id for p in paragraphs})
    if not ids:
        return
    by_article: dict[int, list] = defaultdict(list)
    for note in library.notes(ids):
        by_article[note.article_id].append(note)
    given: set[int] = set()
    for p in paragraphs:
        aid = p.figures[0].article_id
        spans = {(f.start, f.end) for f in p.figures}
        for note in by_article.get(aid, ()):
            if (note.span is None and aid not in given) or note.span in spans:
                p.notes.append(note)
        given.add(aid)


def _full_name(gaz, region) -> str:
    """``北京市朝阳区``: a place outside Hebei with the units above it."""
    chain = [r.name for r in reversed(gaz.ancestors(region))]
    return "".join(dict.fromkeys([*chain, region.name]))


def _paragraphs(gaz, code: str, rows: list[dict], articles: dict) -> list[Paragraph]:
    """One paragraph per article, in library order, each with its article's source."""
    by_article: dict[int, list[dict]] = {}
    for r in rows:
        by_article.setdefault(r["article_id"], []).append(r)
    region = gaz.get(code)
    word = PROVINCE_NAME if code == HEBEI else region.name
    names = (word, region.name, *region.short_names)
    paragraphs = []
    for aid, figures in by_article.items():
        article = articles[aid]
        source = SourceRef(article.publication or article.source_name, article.date, article.title)
        sentences = _sentences(simplify(article.text), figures, word, names)
        paragraphs.append(Paragraph(sentences, source, [_draft_figure(r) for r in figures]))
    return paragraphs


def _sentences(text: str, figures: list[dict], word: str, names: tuple[str, ...]) -> list[str]:
    """The figures' phrases, one sentence for each sentence of the article they come from."""
    ends, starts = sentence_ends(text), clause_starts(text)
    groups: list[tuple[int, list[str]]] = []
    seen: set[tuple] = set()
    for r in figures:
        key = (r["indicator"], r["value"], r["unit"])
        if key in seen:  # a deck repeats what the text says
            continue
        seen.add(key)
        phrase = figure_phrase(text, r["start"], r["end"], simplify(r["indicator"]), starts)
        if r["conflict"]:
            phrase += f"【{CONFLICT_MARK}：另有{'、'.join(r['conflict'])}】"
        sentence = bisect_right(ends, r["start"])
        if groups and groups[-1][0] == sentence:
            groups[-1][1].append(phrase)
        else:
            groups.append((sentence, [phrase]))
    sentences = []
    for i, (_n, phrases) in enumerate(groups):
        body = "，".join(p.strip(" ，,;；、") for p in phrases)
        if i == 0 and not body.startswith(names):
            body = word + body
        sentences.append(body + "。")
    return sentences


def _draft_figure(r: dict) -> DraftFigure:
    return DraftFigure(int(r["article_id"]), int(r["start"]), int(r["end"]), r["region_code"], r["region"],
                       r["indicator"], r["text"], float(r["value"]), r["unit"], r["when"], r["conflict"])


# -- the closing table -------------------------------------------------------------------------

def key_figures(sections: list[Section]) -> list[KeyFigure]:
    """Each region's most reported indicators, their latest value; every value that conflicts."""
    gaz = gazetteer()
    table = []
    for section in sections:
        for part in (section, *section.subsections):
            region = gaz.get(part.code) if part.code else None
            names = (part.name, region.name, *region.short_names) if region else (part.name,)
            table.extend(_region_key_figures(part, names))
    return table


def _region_key_figures(part: Section, names: tuple[str, ...]) -> list[KeyFigure]:
    groups: dict[tuple[str, str], list[tuple[DraftFigure, SourceRef]]] = {}
    for p in part.paragraphs:
        for f in p.figures:
            if f.indicator:
                groups.setdefault((f.indicator, f.unit), []).append((f, p.source))
    ranked = sorted(groups, key=lambda k: -len(groups[k]))  # stable: first reported first among equals
    chosen = set(ranked[:KEY_PER_REGION]) | {k for k, fs in groups.items() if any(f.conflict for f, _s in fs)}
    rows = []
    for key in (k for k in groups if k in chosen):
        figures = groups[key]
        latest = max(range(len(figures)), key=lambda i: (figures[i][1].date or "", -i))  # its article's first
        shown = [figures[latest]] + [fs for fs in figures if fs[0].conflict]
        values: set[float] = set()
        for f, source in shown:
            if f.value in values:
                continue
            values.add(f.value)
            value, unit = split_value(f.text, f.unit)
            rows.append(KeyFigure(f.region or part.name, plain_indicator(f.indicator, names), value, unit, f.when,
                                  source.name, bool(f.conflict)))
    return rows
