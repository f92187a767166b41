"""The one object the panes talk to: the open library and the work done on it.

Every thread gets its own connection to the library file (SQLite in WAL mode
lets one writer and many readers work at once), so an import in the background
never blocks a search. Changes are announced once, through ``libraryChanged``;
each pane decides what to refresh.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from ..core.library import Library
from ..core.search import SearchQuery
from .tasks import Task, TaskRunner


class LibraryController(QObject):
    libraryChanged = Signal()
    taskFailed = Signal(str, str)

    def __init__(self, path: Path, runner: TaskRunner | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.runner = runner or TaskRunner(self)
        self._local = threading.local()
        self._all: list[Library] = []
        self._lock = threading.Lock()
        self._search_seq = 0
        self._closed = False
        self._import_pool = None
        self.library()  # open (and migrate) now, on the UI thread, so errors surface at start

    def library(self) -> Library:
        """This thread's connection to the library."""
        lib = getattr(self._local, "library", None)
        if lib is None:
            lib = Library.open(self.path)
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
        return self.runner.start(lambda progress, stop: fn(self.library(), progress, stop),
                                 on_done, on_error or self.taskFailed.emit, on_progress)

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
