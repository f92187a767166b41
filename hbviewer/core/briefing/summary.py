"""The per-region summary: what each city and county reported, with which figures.

Built with pandas from the stored analysis. The tree is 河北省 → city → county
(places outside Hebei under their own province); each node counts the articles
about it and the figures attributed to it, its own and its counties'. The same
indicator of the same region across articles forms a timeline, ordered by date,
with values that disagree for one date flagged.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace

from ..store.search import SearchQuery
from ..text.textnorm import fold
from .latest import LatestValue, chart_values, latest_values, spellings_of
from .rows import FIGURE_COLUMNS

HEBEI = "130000"
ALL_INDICATORS = 100_000  # more than any library has: every spelling of an indicator is looked for
REVIEWED = ("accepted", "edited", "added")  # a person has looked at these figures



@dataclass(frozen=True)
class SummaryScope:
    """Which figures to summarise: all, the articles of a search, or chosen regions."""

    query: SearchQuery | None = None  # its text and filters select articles
    region_codes: tuple[str, ...] = ()  # figures of these regions (and of their counties)
    reviewed_only: bool = False  # only figures a person accepted, edited or added

    @property
    def label(self) -> str:
        parts = []
        if self.query is not None and self.query.text:
            parts.append(f"search: {self.query.text}")
        if self.region_codes:
            parts.append("regions: " + ", ".join(self.region_codes))
        label = "; ".join(parts) or "whole library"
        return f"{label} (reviewed figures only)" if self.reviewed_only else label


@dataclass
class RegionNode:
    code: str
    name: str
    level: str
    articles: int = 0
    figures: int = 0  # its own and its counties'
    own_figures: int = 0
    children: list["RegionNode"] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"code": self.code, "name": self.name, "level": self.level, "articles": self.articles,
                "figures": self.figures, "own_figures": self.own_figures,
                "children": [c.to_json() for c in self.children]}

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def find_node(tree: list[RegionNode], code: str) -> RegionNode | None:
    for root in tree:
        for n in root.walk():
            if n.code == code:
                return n
    return None


@dataclass
class Summary:
    scope: SummaryScope
    figures: "object"  # pandas.DataFrame, one row per figure (FIGURE_COLUMNS + sentence)
    articles: "object"  # pandas.DataFrame, one row per article in scope
    tree: list[RegionNode]
    notes: list = field(default_factory=list)  # store.keeping.Note of the articles in scope
    tags: dict = field(default_factory=dict)  # article id -> the tags it shows

    def node(self, code: str) -> RegionNode | None:
        return find_node(self.tree, code)


_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


def sentence_around(text: str, start: int, end: int, ends: list[int] | None = None) -> str:
    """The sentence of ``text`` that holds [start, end).

    ``ends`` (the offsets just after each sentence end, as :func:`sentence_ends`
    gives) saves scanning the text again for every figure of an article.
    """
    if ends is None:
        ends = sentence_ends(text)
    i = bisect_right(ends, start)
    left = ends[i - 1] if i else 0
    j = bisect_left(ends, end + 1)
    right = ends[j] if j < len(ends) else len(text)
    return text[left:right].strip()


def sentence_ends(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def figure_sentences(library, spans) -> list[str]:
    """The sentence each figure came from; ``spans`` are (article id, start, end)."""
    spans = list(spans)
    texts = library.article_texts(sorted({aid for aid, _s, _e in spans})) if spans else {}
    ends = {aid: sentence_ends(text) for aid, text in texts.items()}
    return [sentence_around(texts[aid], s, e, ends[aid]) if aid in texts else "" for aid, s, e in spans]


def _scope_article_ids(library, scope: SummaryScope) -> set[int] | None:
    ids = None
    if scope.query is not None:
        ids = library.search_ids(scope.query.with_limit(None))
    if scope.region_codes:
        region_ids = set().union(*(articles_of_region(library, c) for c in scope.region_codes))
        ids = region_ids if ids is None else ids & region_ids
    return ids


def build_summary(library, scope: SummaryScope = SummaryScope()) -> Summary:
    """Figures, articles and the region tree for ``scope``."""
    import pandas as pd

    from ..extract.gazetteer import gazetteer

    ids = _scope_article_ids(library, scope)
    rows = library.figure_rows(ids)
    figures = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    if scope.region_codes:
        figures = figures[_in_regions(figures, scope.region_codes)]
    if scope.reviewed_only:
        figures = figures[figures["status"].isin(REVIEWED)]
    figures = figures.assign(sentence=figure_sentences(
        library, zip(figures["article_id"], figures["start"], figures["end"])))
    articles = pd.DataFrame(library.article_summary_rows(ids),
                            columns=["article_id", "title", "date", "source", "regions", "figures", "publication",
                                     "page"])
    about = library.subject_counts(ids)
    own = figures.groupby("region_code").size().to_dict() if len(figures) else {}
    tree = _tree(gazetteer(), own, about)
    in_scope = [int(a) for a in articles["article_id"].tolist()]
    notes = library.notes(in_scope) if ids is not None else library.notes()
    tags = library.tag_labels(in_scope) if len(in_scope) < 50000 else {}
    return Summary(scope, figures.reset_index(drop=True), articles, tree, notes, tags)


def region_and_below(gaz, codes) -> set[str]:
    """The regions and every unit under them (a city and its counties; a province and all)."""
    out: set[str] = set()
    todo = list(codes)
    while todo:
        code = todo.pop()
        if code in out:
            continue
        out.add(code)
        todo.extend(child.code for child in gaz.children(code))
    return out


@dataclass
class RegionOverview:
    """The region tree with its counts: what the region panel keeps (not every figure)."""

    tree: list[RegionNode]
    figure_count: int  # every figure, those attributed to no region too

    def node(self, code: str) -> RegionNode | None:
        return find_node(self.tree, code)


def region_overview(library) -> RegionOverview:
    """The tree of regions with article and figure counts, counted by the library."""
    from ..extract.gazetteer import gazetteer

    own = library.figure_counts_by_region()
    return RegionOverview(_tree(gazetteer(), own, library.subject_counts()), sum(own.values()))


@dataclass
class RegionView:
    """What the region panel shows for one region (``code`` None: the whole library)."""

    code: str | None
    name: str
    figure_count: int
    listed: list[dict]  # the latest figures, as rows (a table of every figure would be too long)
    indicators: list[str]  # most frequent first
    codes: list[str] | None  # the region and its counties (None: all), for charts


def region_codes(code: str | None) -> list[str] | None:
    from ..extract.gazetteer import gazetteer

    return None if code is None else sorted(region_and_below(gazetteer(), [code]))


def _one_spelling(counts: list[tuple[str, int]]) -> list[str]:
    """Indicators by how many figures give them in either script (科技型中小企业 and 科技型中小企業 are one),
    each in its commonest spelling."""
    merged: Counter = Counter()
    spelling: dict[str, str] = {}
    for indicator, n in counts:  # commonest first: the first spelling met is the commonest
        spelling.setdefault(fold(indicator), indicator)
        merged[fold(indicator)] += n
    return [spelling[f] for f, _n in sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))]


def region_view(library, overview: RegionOverview, code: str | None, max_listed: int = 1000,
                most_indicators: int = 50) -> RegionView:
    """The latest figures of a region and its counties, and its commonest indicators."""
    codes = region_codes(code)
    if code is None:
        name, count = "", overview.figure_count
    else:
        node = overview.node(code)
        name, count = (node.name, node.figures) if node else (code, 0)
    rows = [dict(zip(FIGURE_COLUMNS, row)) for row in library.latest_figures(codes, max_listed)]
    sentences = figure_sentences(library, ((r["article_id"], r["start"], r["end"]) for r in rows))
    for r, sentence in zip(rows, sentences):  # for the tooltip
        r["sentence"] = sentence
    indicators = _one_spelling(library.indicator_counts(codes, ALL_INDICATORS))[:most_indicators]
    return RegionView(code, name, count, rows, indicators, codes)


def indicator_bars(library, codes: list[str] | None, indicator: str,
                   most: int = 20) -> tuple[list[LatestValue], str]:
    """The latest value of one indicator (in either script) for each region, largest first, in its commonest
    unit, each with its source and the values that disagree with it."""
    spellings = spellings_of(indicator, (i for i, _n in library.indicator_counts(codes, ALL_INDICATORS)))
    rows = [dict(zip(FIGURE_COLUMNS, row)) for row in library.indicator_figures(codes, spellings or [indicator])]
    return chart_values(rows, most)


def region_latest(library, code: str | None) -> list[LatestValue]:
    """The latest value of each indicator a region's own figures give (not its counties'), with its sentence."""
    if code is None:
        return []
    values = latest_values(dict(zip(FIGURE_COLUMNS, row)) for row in library.indicator_figures([code], None))
    spans = ((v.latest.article_id, v.latest.start, v.latest.end) for v in values)
    return [replace(v, sentence=s) for v, s in zip(values, figure_sentences(library, spans))]


def articles_of_region(library, code: str) -> set[int]:
    """Articles about a region (or its counties) or with figures attributed to it."""
    from ..extract.gazetteer import gazetteer

    codes = sorted(region_and_below(gazetteer(), [code]))
    return library.region_article_ids(codes) | library.region_figure_article_ids(codes)


def _in_regions(figures, codes: tuple[str, ...]):
    from ..extract.gazetteer import gazetteer

    return figures["region_code"].isin(region_and_below(gazetteer(), codes))


def _tree(gaz, own: dict[str, int], about: dict[str, int]) -> list[RegionNode]:
    """Region code -> own figures, and -> articles about it, as 河北省 → city → county."""
    nodes: dict[str, RegionNode] = {}

    def node(code: str) -> RegionNode | None:
        if code in nodes:
            return nodes[code]
        region = gaz.get(code)
        if region is None:
            return None
        n = RegionNode(code, region.name, region.level, about.get(code, 0), 0, int(own.get(code, 0)))
        nodes[code] = n
        parent = gaz.parent(region)
        if parent is not None:
            p = node(parent.code)
            if p is not None:
                p.children.append(n)
        return n

    for code in set(own) | set(about):
        if code:
            node(code)
    node(HEBEI)
    roots = [n for n in nodes.values() if gaz.parent(gaz.get(n.code)) is None]

    def total(n: RegionNode) -> int:
        n.children.sort(key=lambda c: c.code)
        n.figures = n.own_figures + sum(total(c) for c in n.children)
        return n.figures

    for r in roots:
        total(r)
    roots.sort(key=lambda n: (n.code != HEBEI, n.code))  # Hebei first, then the rest of China
    return roots


def indicator_timeline(figures, region_code: str, indicator: str):
    """One indicator of one region across articles, by date; disagreeing values flagged.

    A value "disagrees" when another article gives a different value for the same
    date (as_of, else the article date).
    """
    import pandas as pd

    rows = figures[(figures["region_code"] == region_code) & (figures["indicator"] == indicator)].copy()
    if rows.empty:
        return pd.DataFrame(columns=["when", "value", "unit", "title", "source", "sentence", "disagrees"])
    rows["when"] = rows["as_of"].fillna("").where(rows["as_of"].fillna("") != "", rows["date"].fillna(""))
    distinct = rows.groupby("when")["value"].nunique()
    rows["disagrees"] = rows["when"].map(lambda w: bool(w) and distinct.get(w, 1) > 1)
    rows = rows.sort_values(["date", "when"], na_position="first")
    return rows[["when", "value", "unit", "title", "source", "sentence", "disagrees"]].reset_index(drop=True)


def key_indicators(figures, region_code: str, most: int = 3) -> str:
    """'高新技术企业 295家；技术合同交易额 40.51亿元' — the region's most reported indicators."""
    return all_key_indicators(figures, most).get(region_code, "")


def records_of(figures) -> list[dict]:
    """A frame of figure rows as plain dicts of ``FIGURE_COLUMNS`` (column by column: quick for 100k rows)."""
    keys = [c for c in FIGURE_COLUMNS if c in figures.columns]
    return [dict(zip(keys, values)) for values in zip(*(figures[c].tolist() for c in keys))]


def all_key_indicators(figures, most: int = 3, records: list[dict] | None = None) -> dict[str, str]:
    """``key_indicators`` of every region at once (one grouping, not one filter per region).

    Each indicator is given by its latest value (``latest.py``), as the chart gives it; ``records``
    are the figures as ``records_of`` gives them, when the caller has them.
    """
    rows = figures[(figures["indicator"] != "") & (figures["region_code"] != "")]
    if rows.empty:
        return {}
    latest: dict[tuple[str, str], str] = {}
    for v in latest_values(records_of(rows) if records is None else records):  # most reported first: that unit's value is kept
        latest.setdefault((v.region_code, fold(v.indicator)), v.latest.text)
    counts = rows.groupby(["region_code", "indicator"], sort=False).size()
    out: dict[str, str] = {}
    for code, group in counts.groupby(level=0, sort=False):
        top = group.sort_values(ascending=False, kind="stable").index[:most]
        out[code] = "；".join(f"{ind} {latest[(code, fold(ind))]}" for _, ind in top)
    return out
