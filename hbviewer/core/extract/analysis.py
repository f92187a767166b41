"""What the library keeps about each article besides its text: figures, regions and tags.

Analysis runs at import. When the figure extractor or the region rules change
(``ANALYSIS_VERSION``), articles analysed by an older version are analysed again
by :func:`refresh_stale`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from .confidence import with_confidence
from ..text.textnorm import fold_together
from .figures import EXTRACTOR_VERSION, Figure, extract_figures
from .gazetteer import gazetteer
from .indicators import without_region
from .keywords import TAGS_VERSION, keywords
from .regions import RegionRef, RegionResolver
from .words import words_in

REGIONS_VERSION = 4
ANALYSIS_VERSION = EXTRACTOR_VERSION * 1000 + TAGS_VERSION * 100 + REGIONS_VERSION


@dataclass(frozen=True)
class ArticleAnalysis:
    figures: list[Figure]
    subjects: list[tuple[RegionRef, float]]  # what the article is about, best first
    mentioned: list[RegionRef]  # places it merely names
    words: frozenset[str] = frozenset()  # dictionary words it holds, for pinyin search (words.py)
    tags: list[str] = field(default_factory=list)  # its keywords, best first (the automatic tags)


def analyse(title: str, text: str, byline: str = "") -> ArticleAnalysis:
    """Figures with the region each belongs to, the article's regions and its tags."""
    return replace(place_figures(title, text, byline, extract_figures(text)), tags=keywords(title, text))


def place_figures(title: str, text: str, byline: str, extracted: list[Figure]) -> ArticleAnalysis:
    """:func:`analyse` for figures already extracted from ``text``."""
    resolver = RegionResolver(title, text, byline)
    figures, placed = [], []
    for f in extracted:
        ref = resolver.resolve(f.start, f.end)
        if ref is not None:
            placed.append(ref)
            f = replace(f, region=ref.name, region_code=ref.code, prefecture=ref.prefecture or "",
                        indicator=without_region(f.indicator, _names_of(ref)),
                        zone=ref.zone)
        figures.append(f)
    figures = with_confidence(figures, text)
    regions = resolver.regions
    subjects, mentioned = with_figure_regions(list(regions.subjects), list(regions.mentioned), placed)
    return ArticleAnalysis(figures, subjects, mentioned, words_in(*fold_together(title, text)))


def with_figure_regions(subjects: list[tuple[RegionRef, float]], mentioned: list[RegionRef],
                        placed: list[RegionRef]) -> tuple[list[tuple[RegionRef, float]], list[RegionRef]]:
    """The subjects with every region that has a figure of its own, as the rules count them (the
    counties of a breakdown, the province of a province-wide summary beside its cities). Only
    figures placed by a name or reference written near them count, not those that fell back on
    the article's subject; such a region leaves ``mentioned``."""
    have = {ref.code for ref, _ in subjects}
    added: dict[str, tuple[RegionRef, float]] = {}
    for ref in placed:
        if ref.written and ref.level != "zone" and ref.code not in have:
            added.setdefault(ref.code, (replace(ref, written="", zone=""), 0.0))
    if not added:
        return subjects, mentioned
    return subjects + list(added.values()), [m for m in mentioned if m.code not in added]


def _names_of(ref: RegionRef) -> list[str]:
    """How a text may name the region and the units above it (张家口市, 张家口, 河北)."""
    names = [ref.name, ref.written]
    g = gazetteer()
    for code in (ref.code, ref.prefecture_code, ref.province_code):
        region = g.get(code) if code else None
        if region is not None:
            names += [region.name, *region.short_names, *region.aliases]
    return names


POOL_CHUNK = 25  # articles a worker analyses at a time: enough to pay for the pickling, small enough to share
POOL_FROM = 500  # articles due: from this many, worker processes pay for their start (a second or two each)
_NO_VERSION = -1  # no article is analysed by this version: asking for the others asks for all


def refresh_stale(library, progress: Callable[[int, int, str], None] | None = None,
                  should_stop: Callable[[], bool] | None = None, batch: int = 200,
                  everything: bool = False, make_pool: Callable[[], object] | None = None) -> int:
    """Analyse again the articles analysed by an older version (or, with ``everything``, all of
    them); returns how many were due. Each batch is stored as it is done, so a stop keeps them.

    From ``POOL_FROM`` articles due, ``make_pool()`` is asked for a ``concurrent.futures``
    executor of processes (as ``importer.import_pool`` makes; whoever made it shuts it down):
    its workers analyse the next batch while this one is stored.
    """
    stale = library.stale_analysis_articles(_NO_VERSION if everything else ANALYSIS_VERSION)
    total = len(stale)
    pool = make_pool() if make_pool is not None and total >= POOL_FROM else None
    batches = [stale[i:i + batch] for i in range(0, total, batch)]

    def texts(ids: list[int]) -> list[tuple[str, str, str]]:
        return [(a.title, a.text, a.byline) for a in map(library.article, ids)]

    def start(ids: list[int]):
        if pool is None:
            return None
        items = texts(ids)
        return [pool.submit(analyse_many, items[i:i + POOL_CHUNK]) for i in range(0, len(items), POOL_CHUNK)]

    ahead = start(batches[0]) if batches else None
    for n, ids in enumerate(batches):
        if should_stop is not None and should_stop():
            break
        if progress is not None:
            progress(n * batch, total, "")
        if pool is None:
            analyses = analyse_many(texts(ids))
        else:
            analyses = [a for future in ahead for a in future.result()]
            ahead = start(batches[n + 1]) if n + 1 < len(batches) else None
        library.replace_analysis(list(zip(ids, analyses)), ANALYSIS_VERSION)
    if ahead:
        for future in ahead:
            future.cancel()
    if progress is not None:
        progress(total, total, "")
    return total


def analyse_many(items: list[tuple[str, str, str]]) -> list[ArticleAnalysis]:
    """(title, text, byline) of several articles -> their analyses (what a worker process runs)."""
    return [analyse(title, text, byline) for title, text, byline in items]
