"""Copying a whole library to another: a file to a server, a server to a file, or alike.

Everything stored is copied as it is: each source file's record (path, name,
checksum, size, encoding, import time), each article with all its columns
(including the page text it came from, its fingerprint and the version of its
analysis) and its figures and regions. Nothing is read or analysed again.

Ids: into an empty library, sources and articles keep their ids, so anything
that refers to an article by id (a saved selection, a note) still finds it.
A library that is not empty is refused, unless ``merge=True``: then sources
whose path it already holds are skipped, the others get new ids, and an
article it already holds (same fingerprint) is skipped as on import.

Each source is copied in one transaction, so a cancelled or failed copy leaves
the target with the sources copied so far, each whole; ``merge=True`` then
copies the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .contract import Library
from .errors import Cancelled, LibraryError

Progress = Callable[[int, int, str], None]  # (sources done, sources total, current source name)


@dataclass
class CopyReport:
    sources: int = 0  # in the source library
    copied: int = 0
    skipped: int = 0  # already in the target (merge)
    articles: int = 0
    duplicates: int = 0  # articles the target already held under another source (merge)
    ids_kept: bool = False
    cancelled: bool = False


def copy_library(source: Library, target: Library, progress: Progress | None = None, should_stop: Callable[[], bool] | None = None,
                 merge: bool = False) -> CopyReport:
    """Copy every source, article, figure and region of ``source`` into ``target``.

    Either may be an SQLite or a server library (see ``contract.Library``).
    """
    if target.read_only:
        raise LibraryError(f"The library {target.path} is read-only: nothing can be copied into it.", "read_only")
    present = {s.path for s in target.sources()}
    empty = not present and target.article_count() == 0
    if not empty and not merge:
        raise LibraryError(
            f"The library {target.path} is not empty ({len(present)} files, {target.article_count()} articles): "
            "copying into it would mix two libraries. Copy into a new, empty library, or merge, which skips "
            "the files it already holds.", "not_empty")
    total = len(source.sources())
    report = CopyReport(sources=total, ids_kept=empty)
    for done, record in enumerate(source.dump_sources()):
        if should_stop is not None and should_stop():
            report.cancelled = True
            break
        if progress is not None:
            progress(done, total, record.name)
        if record.path in present:
            report.skipped += 1
            continue
        try:
            result = target.store_copied(record, keep_ids=empty, should_stop=should_stop)
        except Cancelled:
            report.cancelled = True
            break
        if result is None:  # stored meanwhile by someone else
            report.skipped += 1
            continue
        report.copied += 1
        report.articles += result[0]
        report.duplicates += result[1]
    if progress is not None and not report.cancelled:
        progress(total, total, "")
    return report


def library_content(library) -> list[tuple]:
    """Everything a library holds, without ids, in a canonical order: equal lists, equal libraries."""
    out: list[tuple] = []
    for s in library.dump_sources():
        out.append(("source", s.path, s.name, s.sha256, s.size, s.encoding, s.imported_at))
        for a in s.articles:
            key = (s.path, a.position, a.fingerprint)
            out.append(("article", *key, a.title, a.title_inferred, a.subtitle, a.byline, a.section,
                        a.publication, a.date, a.text, a.captions, a.original, a.analysis_version, a.page))
            out.extend(("figure", *key, *f) for f in a.figures)
            out.extend(("region", *key, *r) for r in a.regions)
    return out
