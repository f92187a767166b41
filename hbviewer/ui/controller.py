"""The one object the panes talk to: the open library and the work done on it.

Every thread gets its own connection to the library (SQLite in WAL mode lets
one writer and many readers work at once; a PostgreSQL server serves each
connection on its own), so an import in the background never blocks a search.
Changes are announced once, through ``libraryChanged``; each pane decides what
to refresh. Damage met by any work is announced once per task, through
``damageFound``: from then on nothing more is written to the file.

The library is a file or a shared library on a server (a ``postgresql://``
address). A server's password is kept in this object only, for the
connections of later threads: never written anywhere.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from ..core.store import Library, LibraryError, display_location, is_server_location, open_library
from ..core.store.search import SearchQuery
from .errors import mask_secret
from .messages import library_error_text
from .tasks import Task, TaskRunner


class LibraryController(QObject):
    libraryChanged = Signal()
    taskFailed = Signal(str, str)
    damageFound = Signal(str)  # the library file is damaged: what was met, in words

    def __init__(self, location: str | Path, runner: TaskRunner | None = None, parent: QObject | None = None,
                 password: str | None = None):
        super().__init__(parent)
        self._password = password
        mask_secret(password)  # should it ever appear in an error, the log shows *** instead
        self._set_location(location)
        self.damaged = False
        self.runner = runner or TaskRunner(self)
        self._local = threading.local()
        self._all: list[Library] = []
        self._lock = threading.Lock()
        self._search_seq = 0
        self._closed = False
        self._import_pool = None
        self.own_mark: str | None = None  # the library's change mark after this window's latest write
        # Open (and migrate) now, on the UI thread, so errors surface at start.
        self.read_only = bool(self.library().read_only)

    def _set_location(self, location: str | Path) -> None:
        self.is_server = is_server_location(location)
        # What to open (a server's address may hold a password: it stays in memory) ...
        self._location = str(location).strip() if self.is_server else Path(location)
        # ... and what to show: a file's path, a server's address without its password.
        self.path = display_location(self._location) if self.is_server else self._location

    def library(self) -> Library:
        """This thread's connection to the library."""
        lib = getattr(self._local, "library", None)
        if lib is None:
            try:
                lib = open_library(self._location, password=self._password)
            except LibraryError as exc:
                if self.is_server and self._all and exc.code == "cannot_open":
                    # Opened before, unreachable now: the connection was lost, the window goes on.
                    raise LibraryError(str(exc), "connection_lost") from None
                raise
            self._local.library = lib
            with self._lock:
                self._all.append(lib)
        return lib

    def import_pool(self):
        """Worker processes that read, split and analyse imported files.

        Started at the first import and kept until the window closes: the heavy part of an
        import then runs in other interpreters, and the window's stays free to draw.
        """
        with self._lock:  # asked for from workers too (a re-analysis before a summary or an export)
            if self._import_pool is None:
                from ..core.importer import import_pool

                self._import_pool = import_pool()
            return self._import_pool

    def close(self) -> None:
        """Wait for work under way, then close every connection; no new work starts."""
        self._closed = True
        self.runner.wait()
        if self._import_pool is not None:
            self._import_pool.shutdown(wait=True, cancel_futures=True)
            self._import_pool = None
        self._close_connections()

    def _close_connections(self) -> None:
        with self._lock:
            for lib in self._all:
                lib.close()
            self._all.clear()
            self._local = threading.local()  # every thread's next ``library()`` opens anew

    def reopen(self, between: Callable[[], Any] | None = None, on_done=None, on_error=None,
               location: str | Path | None = None) -> Task:
        """Close every connection, run ``between()`` on a worker while none is open, then open anew.

        A restore puts another file in the library's place, and a recovered library is opened
        instead of the damaged one (``location``): no connection may stay on the old file. Work
        under way is waited for, and none starts until the library is open again; the panes hear
        of it through ``libraryChanged``. ``on_done(result)`` or ``on_error(message, details)``
        follow; when ``between`` fails, the library it left as it was is opened again.
        """
        self._closed = True
        self.runner.wait()
        self._close_connections()

        def reopened(result, failure: tuple[str, str] | None = None) -> None:
            if location is not None and failure is None:
                self._set_location(location)
            self._closed = False
            if failure is None:
                self.damaged = False  # another file now: what was met in the old one is no more
            try:
                self.read_only = bool(self.library().read_only) or self.damaged
            except LibraryError as exc:
                self.read_only = True
                failure = failure or (str(exc), "")
            self.libraryChanged.emit()
            if failure is not None:
                (on_error or self.taskFailed.emit)(*failure)
            elif on_done is not None:
                on_done(result)

        return self.runner.start(lambda _progress, _stop: between() if between else None, reopened,
                                 lambda message, details: reopened(None, (message, details)))

    def damage_met(self, message: str) -> None:
        """The file is damaged: nothing more is written to it, on any connection, and the window is told."""
        self.damaged = self.read_only = True
        self.damageFound.emit(message)

    # -- work in the background -------------------------------------------------------
    def run(self, fn: Callable[[Library, Callable, Callable], Any], on_done=None, on_error=None,
            on_progress=None) -> Task | None:
        """Run ``fn(library, progress, should_stop)`` on a worker with that worker's connection."""
        if self._closed:
            return None  # the window is closing (or the file is being replaced): late signals start nothing
        damaged = []

        def work(progress, stop):
            try:
                lib = self.library()
                commits = lib.commits
                result = fn(lib, progress, stop)
                if lib.commits != commits:
                    self._wrote(lib)
                return result
            except LibraryError as exc:
                if exc.code == "damaged":
                    self.damaged = self.read_only = True  # at once: no other worker writes after this
                    damaged.append(exc)
                    raise
                # Said in the interface's language when it can be (a lost server connection).
                text = library_error_text(exc)
                if text == str(exc):
                    raise
                raise LibraryError(text, exc.code) from exc

        def failed(message: str, details: str) -> None:
            # Damage is said by the one dialog that offers a way out, not as one more error box.
            if damaged:
                self.damage_met(message)
            if on_error is not None:
                on_error(message, details)
            elif not damaged:
                self.taskFailed.emit(message, details)

        return self.runner.start(work, on_done, failed, on_progress)

    def _wrote(self, lib: Library) -> None:
        """This window changed the library: the mark it left, so a poll does not take it for another's change.

        Read just after the write, on the same connection: what someone else wrote in between
        passes unnoticed until their next change, or the next refresh.
        """
        try:
            self.own_mark = lib.change_mark()
        except LibraryError:
            self.own_mark = None

    def search(self, query: SearchQuery, on_done: Callable[[int, list, dict, int, SearchQuery, dict], None],
               on_error: Callable[[str], None]) -> Task:
        """Search in the background; results of an older search than the latest are dropped."""
        self._search_seq += 1
        seq = self._search_seq

        def deliver(result):
            if seq == self._search_seq:
                total, rows, labels, size, tags = result
                on_done(total, rows, labels, size, query, tags)

        def fail(message, _details):
            if seq == self._search_seq:
                on_error(message)  # a query the user can fix: said in place, not in a dialog

        def work(lib, _progress, _stop):
            total, rows = lib.rows(query)
            ids = [r.article_id for r in rows]
            return total, rows, lib.region_labels(ids), lib.article_count(), lib.tag_labels(ids)

        return self.run(work, deliver, fail)

    def announce_change(self, *_args) -> None:
        self.libraryChanged.emit()
