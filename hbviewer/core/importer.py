"""Importing files into the library: read, clean, split, analyse, store.

A file's preparation (reading, splitting, figures, regions) is a pure function
of its bytes, so it can run in worker processes, in parallel on every core and
away from the interpreter a window draws with; storing stays with the caller,
each file whole or not at all, so a failure or a cancel in the middle of a
file leaves the library as it was before that file. Files share transactions of
up to half a second (see ``Library.grouped_writes``).

Long work reports progress through a plain callable and checks a cancel
callable between steps; it never knows who is watching (a terminal bar, a Qt
dialog, a test).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections import deque
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .extract.analysis import ANALYSIS_VERSION, ArticleAnalysis, analyse
from .text.articles import split_articles
from .text.formats import (
    IMPORTABLE_SUFFIXES, document_from_bytes, is_archive, is_document, iter_archive, read_document,
)
from .store import Cancelled, Library, LibraryError
from .model import Article, FileImportResult, ImportReport
from .text.reading import DEFAULT_MAX_BYTES, DecodedText, UnreadableFile, read_text_file

Progress = Callable[[int, int, str], None]  # (files done, files total, current file name)
ShouldStop = Callable[[], bool]

# Below this much work a pool's start-up (a fresh interpreter per worker) costs more than it saves.
POOL_MIN_FILES = 8
POOL_MIN_BYTES = 2 * 1024 * 1024
# Files a pool prepares ahead of the one being stored: bounds the memory they hold (a few MB), and
# lets the workers go on while a commit merges index segments (8 left them idle 9% more of the time).
PREPARED_AHEAD = 32
# Failures that every later file would meet too: the import stops at the first, said once.
STOPS_IMPORT = ("disk_full", "damaged", "read_only", "connection_lost")
GROUP_SECONDS = 0.5  # files stored within this long share a transaction (Library.grouped_writes)


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


# -- preparing (pure: runs in a worker process or inline) ---------------------------------------
@dataclass
class PreparedFile:
    """One file (or archive member) read, split and analysed, ready to store."""

    key: str
    name: str
    sha256: str
    size: int
    encoding: str
    articles: list[Article]
    analyses: list[ArticleAnalysis] | None  # None: unchanged since the last import, nothing to store


Outcome = PreparedFile | FileImportResult  # a result only when the file failed


def prepare_decoded(key: str, name: str, decoded: DecodedText, known_sha256: str | None = None) -> Outcome:
    if decoded.sha256 == known_sha256:
        return PreparedFile(key, name, decoded.sha256, decoded.size, decoded.encoding, [], None)
    articles = split_articles(decoded.text, key, decoded.meta)
    if not articles:
        return FileImportResult(key, "failed", encoding=decoded.encoding, error_code="no_articles",
                                error=f"{name}: no article text was found in this file.")
    return PreparedFile(key, name, decoded.sha256, decoded.size, decoded.encoding, articles,
                        [analyse(a.title, a.text, a.byline) for a in articles])


def prepare_file(path: str, key: str, known_sha256: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Outcome:
    """Read one (non-archive) file and prepare it; bad input comes back as a failed result."""
    p = Path(path)
    try:
        decoded = read_document(p, max_bytes=max_bytes) if is_document(p.name) else \
            read_text_file(p, max_bytes=max_bytes)
    except UnreadableFile as exc:
        return FileImportResult(key, "failed", error=exc.message, error_code=exc.code)
    return prepare_decoded(key, p.name, decoded, known_sha256)


def prepare_archive(path: str, key: str, max_bytes: int = DEFAULT_MAX_BYTES,
                    known: dict[str, str] | None = None) -> Iterator[Outcome]:
    """Each member of a ZIP archive as its own source (``archive!/member``), read in memory.

    ``known``: the sha256 of members already in the library, by key; those are not analysed again.
    """
    known = known or {}
    p = Path(path)
    try:
        for member in iter_archive(p, max_bytes=max_bytes):
            member_key = f"{key}!/{member.name}"
            try:
                if member.error is not None:
                    raise member.error
                decoded = document_from_bytes(member.data, f"{p.name}!/{member.name}", max_bytes)
            except UnreadableFile as exc:
                yield FileImportResult(member_key, "failed", error=exc.message, error_code=exc.code)
                continue
            yield prepare_decoded(member_key, member.name, decoded, known.get(member_key))
    except UnreadableFile as exc:
        yield FileImportResult(key, "failed", error=exc.message, error_code=exc.code)


def _prepare_job(path: str, key: str, known: str | dict[str, str] | None, max_bytes: int) -> list[Outcome]:
    """What a worker process runs for one file of the list (``known``: a file's sha256 in the library,
    or an archive's members')."""
    if is_archive(Path(path).name):
        return list(prepare_archive(path, key, max_bytes, known if isinstance(known, dict) else None))
    return [prepare_file(path, key, known if isinstance(known, str) else None, max_bytes)]


def _known_members(library: Library, keys: list[str]) -> dict[str, dict[str, str]]:
    """For each archive key, the sha256 of its members the library holds: an archive imported again
    (a watched folder's at every start) is read, but only its new or changed members are analysed."""
    if not keys:
        return {}
    prefixes = tuple(f"{key}!/" for key in keys)
    members: dict[str, dict[str, str]] = {key: {} for key in keys}
    for source in library.sources():
        if source.path.startswith(prefixes):
            sha = library.source_sha256(source.path)
            owner = next(key for key, prefix in zip(keys, prefixes) if source.path.startswith(prefix))
            if sha:
                members[owner][source.path] = sha
    return members


def import_pool(workers: int | None = None) -> ProcessPoolExecutor:
    """Worker processes for :func:`import_paths`: fresh interpreters (no copy of a GUI's threads)."""
    workers = workers or max(1, min(os.cpu_count() or 1, 4))
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker)


def _start_worker() -> None:
    """In each worker: Ctrl+C is for the program that started it, which stops between files
    (a worker that took it would die with a traceback on the terminal); and exit with that program."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()


def _exit_with_parent() -> None:
    """In each worker: exit as soon as the program that started it is gone.

    A worker waits for files on a queue it holds both ends of, so a killed or
    crashed program would otherwise leave its workers waiting for ever.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


# -- storing (the caller's thread, each file whole or not at all) -----------------------------
def store_prepared(library: Library, prepared: Outcome, should_stop: ShouldStop | None = None) -> FileImportResult:
    if isinstance(prepared, FileImportResult):
        return prepared
    p = prepared
    if p.analyses is None or library.source_sha256(p.key) == p.sha256:
        return FileImportResult(p.key, "unchanged", encoding=p.encoding)
    try:
        stored, duplicates, replaced = library.store_file(
            p.key, p.name, p.sha256, p.size, p.encoding, p.articles, should_stop,
            analyses=p.analyses, analysis_version=ANALYSIS_VERSION)
    except Cancelled:
        return FileImportResult(p.key, "cancelled", encoding=p.encoding)
    except LibraryError as exc:
        return FileImportResult(p.key, "failed", encoding=p.encoding, error_code=exc.code,
                                error=f"{p.name}: {exc}")
    return FileImportResult(p.key, "replaced" if replaced else "imported", articles=stored,
                            duplicates=len(duplicates), duplicate_titles=duplicates, encoding=p.encoding)


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
    return store_prepared(library, prepare_file(str(path), key, library.source_sha256(key), max_bytes),
                          should_stop)


def import_archive(library: Library, path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES,
                   should_stop: ShouldStop | None = None,
                   on_member: Callable[[str], None] | None = None) -> list[FileImportResult]:
    """Import each readable member of a ZIP archive as its own source (``archive!/member``).

    Each member is stored in its own transaction, so a cancel keeps the members already imported.
    """
    path = Path(path)
    key = _source_key(path)
    return _store_members(library, path, key, prepare_archive(str(path), key, max_bytes), should_stop, on_member)


def _store_members(library: Library, path: Path, key: str, outcomes: Iterable[Outcome],
                   should_stop: ShouldStop | None, on_member: Callable[[str], None] | None
                   ) -> list[FileImportResult]:
    results: list[FileImportResult] = []
    for outcome in outcomes:
        if should_stop is not None and should_stop():
            results.append(FileImportResult(key, "cancelled"))
            break
        if on_member is not None:
            member_key = outcome.key if isinstance(outcome, PreparedFile) else outcome.path
            on_member(f"{path.name}!/{member_key.rsplit('!/', 1)[-1]}")
        results.append(store_prepared(library, outcome))
        if results[-1].status == "cancelled":
            break
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


def _prepared_in_order(pool: Executor | None, jobs: list[tuple],
                       before_wait: Callable[[], None] = lambda: None) -> Iterator[list[Outcome]]:
    """Each job's outcomes in list order; a pool works a few files ahead of the one being stored.

    Without a pool, or once a worker has died (out of memory, killed) and broken it,
    the files left are prepared here. ``before_wait`` runs before each wait for a
    file that is not ready yet.
    """
    pending: deque = deque()
    todo = iter(jobs)
    try:
        while pool is not None:
            while len(pending) < PREPARED_AHEAD and (job := next(todo, None)) is not None:
                pending.append((job, pool.submit(_prepare_job, *job)))
            if not pending:
                return
            job, future = pending[0]
            if not future.done():
                before_wait()
            try:
                outcome = future.result()
            except BrokenProcessPool:
                break
            pending.popleft()
            yield outcome
        for job in [job for job, _future in pending] + list(todo):
            before_wait()
            yield _prepare_job(*job)
    finally:
        for _job, future in pending:
            future.cancel()


def _stop_message(result: FileImportResult, done: int, total: int) -> str:
    reason = result.error.split(": ", 1)[-1]
    return f"The import stopped at file {done + 1} of {total}: {reason} What was imported before it is kept."


def _unless_lost(result: FileImportResult, lost: dict[str, LibraryError]) -> FileImportResult:
    """A file stored, then lost with the transaction it shared, is reported as failed."""
    error = lost.get(result.path)
    if error is None or result.status not in ("imported", "replaced"):
        return result
    return FileImportResult(result.path, "failed", encoding=result.encoding, error_code=error.code,
                            error=f"{Path(result.path).name}: {error}")


def _wants_pool(files: list[Path]) -> bool:
    if len(files) >= POOL_MIN_FILES:
        return True
    try:
        return sum(f.stat().st_size for f in files) >= POOL_MIN_BYTES
    except OSError:
        return False


def import_paths(library: Library, paths: Iterable[str | os.PathLike], *,
                 progress: Progress | None = None, should_stop: ShouldStop | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, pool: Executor | None = None,
                 workers: int | None = None) -> ImportReport:
    """Import files and folders; one bad file never stops the others.

    ``pool`` (see :func:`import_pool`) prepares files in worker processes; without one,
    a pool of ``workers`` processes is started for this call when there is enough work
    (``workers=1`` or a small import: everything runs in this thread).
    """
    files, problems = collect_files(paths)
    report = ImportReport(files=list(problems))
    total = len(files)
    own_pool = None
    if pool is None and (workers > 1 if workers is not None else _wants_pool(files)):
        pool = own_pool = import_pool(workers)
    keys = [_source_key(path) for path in files]
    members = _known_members(library, [key for path, key in zip(files, keys) if is_archive(path.name)])
    jobs = [(str(path), key, members.get(key, {}) if is_archive(path.name) else library.source_sha256(key),
             max_bytes) for path, key in zip(files, keys)]
    try:
        with library.grouped_writes(GROUP_SECONDS) as group:
            outcomes = _prepared_in_order(pool, jobs, library.commit_group)
            for done, path in enumerate(files):
                if should_stop is not None and should_stop():
                    report.cancelled = True
                    break
                if progress is not None:
                    progress(done, total, path.name)
                prepared = next(outcomes)
                if is_archive(path.name):
                    results = _store_members(
                        library, path, jobs[done][1], prepared, should_stop,
                        None if progress is None else (lambda label, d=done: progress(d, total, label)))
                else:  # a cancel is checked between files: files share transactions (see above)
                    results = [store_prepared(library, prepared[0])]
                report.files.extend(results)
                if any(r.status == "cancelled" for r in results):
                    report.cancelled = True
                    break
                stop = next((r for r in results if r.error_code in STOPS_IMPORT), None)
                if stop is not None:
                    report.stopped, report.stopped_code = _stop_message(stop, done, total), stop.error_code
                    break
            outcomes.close()
    finally:
        if own_pool is not None:
            own_pool.shutdown(wait=True, cancel_futures=True)
    report.files = [_unless_lost(r, group.lost) for r in report.files]
    if progress is not None and not report.cancelled:
        progress(total, total, "")
    return report
