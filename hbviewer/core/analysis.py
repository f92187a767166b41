"""What the library keeps about each article besides its text: its figures.

Extraction runs at import; when the extractor changes (``EXTRACTOR_VERSION``),
articles stored by an older version are re-extracted by :func:`refresh_stale`.
"""

from __future__ import annotations

from typing import Callable

from .figures import EXTRACTOR_VERSION, Figure, extract_figures
from .model import Article

ANALYSIS_VERSION = EXTRACTOR_VERSION


def analyse_article(article: Article) -> list[Figure]:
    return extract_figures(article.text)


def refresh_stale(library, progress: Callable[[int, int, str], None] | None = None,
                  should_stop: Callable[[], bool] | None = None, batch: int = 200) -> int:
    """Re-extract figures of articles analysed by an older version; returns how many."""
    stale = library.stale_figure_articles(ANALYSIS_VERSION)
    total = len(stale)
    for done in range(0, total, batch):
        if should_stop is not None and should_stop():
            break
        if progress is not None:
            progress(done, total, "")
        updates = []
        for article_id in stale[done:done + batch]:
            stored = library.article(article_id)
            updates.append((article_id, extract_figures(stored.text)))
        library.replace_figures(updates, ANALYSIS_VERSION)
    if progress is not None:
        progress(total, total, "")
    return total
