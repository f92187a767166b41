"""Stored articles' publication, date, page, section and byline read again from their pages.

Re-analysis calls it (``hbviewer-cli reanalyse``, and the window before the region panel and
the exports when ``metadata_due``): a library imported before
the metadata rules (or before a change of them, ``METADATA_VERSION``) gets what its pages say, and
a field fixed by hand stays as it was (the library keeps it: ``Library.refresh_metadata``).
"""

from __future__ import annotations

from typing import Callable

from ..text.metadata_again import METADATA_VERSION, metadata_again
from .search import SearchQuery

_META_KEY = "metadata_version"


def metadata_due(library) -> bool:
    """Whether the library's pages were last read by older metadata rules (or never)."""
    return library.meta(_META_KEY) != str(METADATA_VERSION)


def refresh_metadata(library, everything: bool = False, should_stop: Callable[[], bool] | None = None) -> int:
    """Read the metadata of the sources again: all of them with ``everything``, else those with an
    article lacking a publication, a date or a page. Returns how many articles changed."""
    changed = 0
    for source in library.sources():
        if should_stop is not None and should_stop():
            return changed
        stored = library.articles(SearchQuery(sources=(source.id,), limit=None))
        if not stored or not (everything or any(not (a.publication and a.date and a.page) for a in stored)):
            continue
        found = metadata_again(source.path, library.source_sha256(source.path),
                               [(a.title, a.text, a.original) for a in stored])
        updates = [(a.id, values) for a, values in zip(stored, found) if values]
        if updates:
            changed += library.refresh_metadata(updates)
    library.set_meta(_META_KEY, str(METADATA_VERSION))
    return changed
