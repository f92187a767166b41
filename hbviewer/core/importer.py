"""Importing files into the library: read, clean, split, store — one file at a time.

Long work reports progress through a plain callable and checks a cancel
callable between steps; it never knows who is watching (a terminal bar, a Qt
dialog, a test). A file is stored in one transaction, so a failure or a cancel
in the middle of a file leaves the library as it was before that file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable

from .analysis import ANALYSIS_VERSION, analyse
from .articles import split_articles
from .formats import (
    IMPORTABLE_SUFFIXES, document_from_bytes, is_archive, is_document, iter_archive, read_document,
)
from .library import Library, LibraryError, _Cancelled
from .model import FileImportResult, ImportReport
from .reading import DEFAULT_MAX_BYTES, DecodedText, UnreadableFile, read_text_file

Progress = Callable[[int, int, str], None]  # (files done, files total, current file name)
ShouldStop = Callable[[], bool]


def collect_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[FileImportResult]]:
    """Expand folders (recursively, following no link twice) into importable files.

    Files named explicitly are tried whatever their suffix; inside folders only
    text, Word, web-page, PDF and ZIP files are taken. Missing paths come back
    as failed results.
    """
    files: list[Path] = []
    problems: list[FileImportResult] = []
    seen_dirs: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            problems.append(FileImportResult(str(p), "failed", error=f"{p}: no such file or folder.",
                                             error_code="missing"))
        elif p.is_dir():
            for root, dirs, names in os.walk(p, followlinks=True):
                real = os.path.realpath(root)
                if real in seen_dirs:  # a symlink loop, or the same folder twice
                    dirs[:] = []
                    continue
                seen_dirs.add(real)
                dirs.sort()
                for name in sorted(names):
                    if name.lower().endswith(IMPORTABLE_SUFFIXES) and not name.startswith("."):
                        files.append(Path(root) / name)
        else:
            files.append(p)
    return files, problems


def _source_key(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


def import_file(library: Library, path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES,
                should_stop: ShouldStop | None = None) -> FileImportResult:
    """Import one file; never raises for bad input, the result carries the message.

    A ZIP archive gives one result for all its members (see :func:`import_archive`).
    """
    path = Path(path)
    key = _source_key(path)
    if is_archive(path.name):
        return _archive_summary(key, import_archive(library, path, max_bytes=max_bytes,
                                                    should_stop=should_stop))
    try:
        if is_document(path.name):
            decoded = read_document(path, max_bytes=max_bytes)
        else:
            decoded = read_text_file(path, max_bytes=max_bytes)
    except UnreadableFile as exc:
        return FileImportResult(key, "failed", error=exc.message, error_code=exc.code)
    return _store(library, key, path.name, decoded, should_stop)


def import_archive(library: Library, path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES,
                   should_stop: ShouldStop | None = None,
                   on_member: Callable[[str], None] | None = None) -> list[FileImportResult]:
    """Import each readable member of a ZIP archive as its own source (``archive!/member``).

    Members are read in memory, never written to disk; each is stored in its own
    transaction, so a cancel keeps the members already imported.
    """
    path = Path(path)
    key = _source_key(path)
    results: list[FileImportResult] = []
    try:
        for member in iter_archive(path, max_bytes=max_bytes):
            if should_stop is not None and should_stop():
                results.append(FileImportResult(key, "cancelled"))
                break
            member_key = f"{key}!/{member.name}"
            label = f"{path.name}!/{member.name}"
            if on_member is not None:
                on_member(label)
            try:
                if member.error is not None:
                    raise member.error
                decoded = document_from_bytes(member.data, label, max_bytes)
            except UnreadableFile as exc:
                results.append(FileImportResult(member_key, "failed", error=exc.message, error_code=exc.code))
                continue
            results.append(_store(library, member_key, member.name, decoded, should_stop))
            if results[-1].status == "cancelled":
                break
    except UnreadableFile as exc:
        results.append(FileImportResult(key, "failed", error=exc.message, error_code=exc.code))
    if not results:
        results.append(FileImportResult(key, "failed", error_code="empty_archive",
                                        error=f"{path.name}: the archive holds no file hbviewer can import."))
    return results


def _archive_summary(key: str, results: list[FileImportResult]) -> FileImportResult:
    if any(r.status == "cancelled" for r in results):
        return FileImportResult(key, "cancelled")
    done = [r for r in results if r.status != "failed"]
    if not done:
        return FileImportResult(key, "failed", error="\n".join(r.error for r in results),
                                error_code=results[0].error_code)
    status = "unchanged" if all(r.status == "unchanged" for r in done) else "imported"
    return FileImportResult(key, status, articles=sum(r.articles for r in done),
                            duplicates=sum(r.duplicates for r in done),
                            duplicate_titles=[t for r in done for t in r.duplicate_titles], encoding="zip",
                            error="\n".join(r.error for r in results if r.status == "failed"))


def _store(library: Library, key: str, name: str, decoded: DecodedText,
           should_stop: ShouldStop | None) -> FileImportResult:
    digest = decoded.sha256
    if library.source_sha256(key) == digest:
        return FileImportResult(key, "unchanged", encoding=decoded.encoding)
    articles = split_articles(decoded.text)
    if not articles:
        return FileImportResult(key, "failed", encoding=decoded.encoding, error_code="no_articles",
                                error=f"{name}: no article text was found in this file.")
    try:
        stored, duplicates, replaced = library.store_file(
            key, name, digest, decoded.size, decoded.encoding, articles, should_stop,
            analyses=[analyse(a.title, a.text, a.byline) for a in articles], analysis_version=ANALYSIS_VERSION)
    except _Cancelled:
        return FileImportResult(key, "cancelled", encoding=decoded.encoding)
    except LibraryError as exc:
        return FileImportResult(key, "failed", encoding=decoded.encoding, error_code=exc.code,
                                error=f"{name}: {exc}")
    return FileImportResult(key, "replaced" if replaced else "imported", articles=stored,
                            duplicates=len(duplicates), duplicate_titles=duplicates,
                            encoding=decoded.encoding)


def import_paths(library: Library, paths: Iterable[str | os.PathLike], *,
                 progress: Progress | None = None, should_stop: ShouldStop | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> ImportReport:
    """Import files and folders; one bad file never stops the others."""
    files, problems = collect_files(paths)
    report = ImportReport(files=list(problems))
    total = len(files)
    for done, path in enumerate(files):
        if should_stop is not None and should_stop():
            report.cancelled = True
            break
        if progress is not None:
            progress(done, total, path.name)
        if is_archive(path.name):
            results = import_archive(
                library, path, max_bytes=max_bytes, should_stop=should_stop,
                on_member=None if progress is None else (lambda label, d=done: progress(d, total, label)))
        else:
            results = [import_file(library, path, max_bytes=max_bytes, should_stop=should_stop)]
        report.files.extend(results)
        if any(r.status == "cancelled" for r in results):
            report.cancelled = True
            break
    if progress is not None and not report.cancelled:
        progress(total, total, "")
    return report
