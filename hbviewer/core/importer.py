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
from .library import Library, _Cancelled
from .model import FileImportResult, ImportReport
from .reading import DEFAULT_MAX_BYTES, TEXT_SUFFIXES, UnreadableFile, read_text_file

Progress = Callable[[int, int, str], None]  # (files done, files total, current file name)
ShouldStop = Callable[[], bool]


def collect_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[FileImportResult]]:
    """Expand folders (recursively, following no link twice) into importable files.

    Files named explicitly are tried whatever their suffix; inside folders only
    text files are taken. Missing paths come back as failed results.
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
                    if name.lower().endswith(TEXT_SUFFIXES) and not name.startswith("."):
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
    """Import one file; never raises for bad input, the result carries the message."""
    path = Path(path)
    key = _source_key(path)
    try:
        decoded = read_text_file(path, max_bytes=max_bytes)
    except UnreadableFile as exc:
        return FileImportResult(key, "failed", error=exc.message, error_code=exc.code)
    digest = decoded.sha256
    if library.source_sha256(key) == digest:
        return FileImportResult(key, "unchanged", encoding=decoded.encoding)
    articles = split_articles(decoded.text)
    if not articles:
        return FileImportResult(key, "failed", encoding=decoded.encoding, error_code="no_articles",
                                error=f"{path.name}: no article text was found in this file.")
    try:
        stored, duplicates, replaced = library.store_file(
            key, path.name, digest, decoded.size, decoded.encoding, articles, should_stop,
            analyses=[analyse(a.title, a.text, a.byline) for a in articles], analysis_version=ANALYSIS_VERSION)
    except _Cancelled:
        return FileImportResult(key, "cancelled", encoding=decoded.encoding)
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
        result = import_file(library, path, max_bytes=max_bytes, should_stop=should_stop)
        report.files.append(result)
        if result.status == "cancelled":
            report.cancelled = True
            break
    if progress is not None and not report.cancelled:
        progress(total, total, "")
    return report
