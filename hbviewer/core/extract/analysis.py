"""What the library keeps about each article besides its text: figures and regions.

Analysis runs at import. When the figure extractor or the region rules change
(``ANALYSIS_VERSION``), articles analysed by an older version are analysed again
by :func:`refresh_stale`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from .confidence import with_confidence
from ..text.textnorm import fold_together
from .figures import EXTRACTOR_VERSION, Figure, extract_figures
from .gazetteer import gazetteer
from .indicators import without_region
from .regions import RegionRef, RegionResolver
from .words import words_in

REGIONS_VERSION = 3
ANALYSIS_VERSION = EXTRACTOR_VERSION * 100 + REGIONS_VERSION


@dataclass(frozen=True)
class ArticleAnalysis:
    figures: list[Figure]
    subjects: list[tuple[RegionRef, float]]  # what the article is about, best first
    mentioned: list[RegionRef]  # places it merely names
    words: frozenset[str] = frozenset()  # dictionary words it holds, for pinyin search (words.py)


def analyse(title: str, text: str, byline: str = "") -> ArticleAnalysis:
    """Figures with the region each belongs to, and the article's regions."""
    return place_figures(title, text, byline, extract_figures(text))


def place_figures(title: str, text: str, byline: str, extracted: list[Figure]) -> ArticleAnalysis:
    """:func:`analyse` for figures already extracted from ``text``."""
    resolver = RegionResolver(title, text, byline)
    figures = []
    for f in extracted:
        ref = resolver.resolve(f.start, f.end)
        if ref is not None:
            f = replace(f, region=ref.name, region_code=ref.code, prefecture=ref.prefecture or "",
                        indicator=without_region(f.indicator, _names_of(ref)),
                        zone=ref.zone)
        figures.append(f)
    figures = with_confidence(figures, text)
    regions = resolver.regions
    return ArticleAnalysis(figures, list(regions.subjects), list(regions.mentioned),
                           words_in(*fold_together(title, text)))


def _names_of(ref: RegionRef) -> list[str]:
    """How a text may name the region and the units above it (张家口市, 张家口, 河北)."""
    names = [ref.name, ref.written]
    g = gazetteer()
    for code in (ref.code, ref.prefecture_code, ref.province_code):
        region = g.get(code) if code else None
        if region is not None:
            names += [region.name, *region.short_names, *region.aliases]
    return names


_NO_VERSION = -1  # no article is analysed by this version: asking for the others asks for all


def refresh_stale(library, progress: Callable[[int, int, str], None] | None = None,
                  should_stop: Callable[[], bool] | None = None, batch: int = 200,
                  everything: bool = False) -> int:
    """Analyse again the articles analysed by an older version (or, with ``everything``, all of
    them); returns how many were due. Each batch is stored as it is done, so a stop keeps them."""
    stale = library.stale_analysis_articles(_NO_VERSION if everything else ANALYSIS_VERSION)
    total = len(stale)
    for done in range(0, total, batch):
        if should_stop is not None and should_stop():
            break
        if progress is not None:
            progress(done, total, "")
        updates = []
        for article_id in stale[done:done + batch]:
            a = library.article(article_id)
            updates.append((article_id, analyse(a.title, a.text, a.byline)))
        library.replace_analysis(updates, ANALYSIS_VERSION)
    if progress is not None:
        progress(total, total, "")
    return total
