"""The one object the panes talk to: the open library and the work done on it.

Every thread gets its own connection to the library (SQLite in WAL mode lets
one writer and many readers work at once; a PostgreSQL server serves each
connection on its own), so an import in the background never blocks a search.
Changes are announced once, through ``libraryChanged``; each pane decides what
to refresh.

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

    def __init__(self, location: str | Path, runner: TaskRunner | None = None, parent: QObject | None = None,
                 password: str | None = None):
        super().__init__(parent)
        self.is_server = is_server_location(location)
        # What to open (a server's address may hold a password: it stays in memory) ...
        self._location = str(location).strip() if self.is_server else Path(location)
        self._password = password
        mask_secret(password)  # should it ever appear in an error, the log shows *** instead
        # ... and what to show: a file's path, a server's address without its password.
        self.path = display_location(self._location) if self.is_server else self._location
        self.runner = runner or TaskRunner(self)
        self._local = threading.local()
        self._all: list[Library] = []
        self._lock = threading.Lock()
        self._search_seq = 0
        self._closed = False
        self._import_pool = None
        # Open (and migrate) now, on the UI thread, so errors surface at start.
        self.read_only = bool(self.library().read_only)

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
        with self._lock:
            for lib in self._all:
                lib.close()
            self._all.clear()

    # -- work in the background -------------------------------------------------------
    def run(self, fn: Callable[[Library, Callable, Callable], Any], on_done=None, on_error=None,
            on_progress=None) -> Task | None:
        """Run ``fn(library, progress, should_stop)`` on a worker with that worker's connection."""
        if self._closed:
            return None  # the window is closing: late signals start nothing

        def work(progress, stop):
            try:
                return fn(self.library(), progress, stop)
            except LibraryError as exc:
                # Said in the interface's language when it can be (a lost server connection).
                text = library_error_text(exc)
                if text == str(exc):
                    raise
                raise LibraryError(text, exc.code) from exc

        return self.runner.start(work, on_done, on_error or self.taskFailed.emit, on_progress)

    def search(self, query: SearchQuery, on_done: Callable[[int, list, dict, int, SearchQuery], None],
               on_error: Callable[[str], None]) -> Task:
        """Search in the background; results of an older search than the latest are dropped."""
        self._search_seq += 1
        seq = self._search_seq

        def deliver(result):
            if seq == self._search_seq:
                total, rows, labels, size = result
                on_done(total, rows, labels, size, query)

        def fail(message, _details):
            if seq == self._search_seq:
                on_error(message)  # a query the user can fix: said in place, not in a dialog

        def work(lib, _progress, _stop):
            total, rows = lib.rows(query)
            return total, rows, lib.region_labels([r.article_id for r in rows]), lib.article_count()

        return self.run(work, deliver, fail)

    def announce_change(self, *_args) -> None:
        self.libraryChanged.emit()
