"""A watched folder: the files that appear in it, each handed on once it is whole.

Staff save the day's pages into a folder. Each new or changed file of a kind the
importer reads (by suffix, as a folder import takes them) is handed to a callback
once its size and modification time have stayed the same for ``settle`` seconds:
a file still being copied, downloaded or saved is never read half-way. The same
version of a file is handed on once; the importer then knows a file already in
the library by its path and content (sha256) and stores nothing twice.

Changes come from the system (watchdog's native observer: inotify, FSEvents,
ReadDirectoryChangesW), so a watch with nothing to do costs no CPU: the one timer
runs only while a file is settling or the folder is missing. A folder that
disappears is said once; when it is back it is watched again.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .text.formats import IMPORTABLE_SUFFIXES

SETTLE_SECONDS = 1.0  # unchanged this long, a file is taken as whole
MISSING_CHECK_SECONDS = 5.0  # how often a missing folder is looked for (only while it is missing)
# Windows refuses to open a file another program is still writing: such a file waits this many
# settle periods before the importer is given it (and says why it cannot be read).
LOCKED_PATIENCE = 30 if os.name == "nt" else 0

Ready = Callable[[list[Path]], None]
Status = Callable[[str, str], None]  # (what: missing | back | cannot_watch, details)


def is_watched_file(path: Path, root: Path) -> bool:
    """Whether ``path`` (inside ``root``) is a file to import: an importable suffix, and not hidden
    or temporary (``.x.txt``, ``~$x.docx`` Word keeps while a file is open; ``x.pdf.part``,
    ``x.zip.crdownload`` of a download under way end in no importable suffix)."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return False
    if not parts or any(part.startswith((".", "~$")) for part in parts):
        return False
    return parts[-1].lower().endswith(IMPORTABLE_SUFFIXES)


def _signature(path: Path) -> tuple[int, int] | None:
    """(size, modification time) of a regular file, or None when it is gone or no file."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns) if stat.S_ISREG(st.st_mode) else None


def _can_open(path: Path) -> bool:
    try:
        with open(path, "rb"):
            return True
    except PermissionError:
        return False
    except OSError:
        return True  # gone or unreadable for another reason: the importer says which


@dataclass
class _Settling:
    signature: tuple[int, int]
    since: float  # when this signature was first seen (monotonic)
    locked: int = 0


class _Events(FileSystemEventHandler):
    def __init__(self, watcher: FolderWatcher):
        super().__init__()
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.watcher._event(event)


class FolderWatcher:
    """Watch ``folder`` (and the folders in it) and hand on whole files.

    ``on_ready(paths)`` is called from the watcher's own thread with the files that
    have settled, the files already in the folder at start included; ``on_status``
    hears once that the folder went missing (``missing``), came back (``back``) or
    cannot be watched (``cannot_watch``, with the system's words).
    """

    def __init__(self, folder: str | os.PathLike, on_ready: Ready, *, on_status: Status | None = None,
                 settle: float = SETTLE_SECONDS, missing_check: float = MISSING_CHECK_SECONDS):
        self.folder = Path(os.path.abspath(folder))
        self.settle = settle
        self.missing_check = missing_check
        self._on_ready = on_ready
        self._on_status = on_status or (lambda _what, _details: None)
        self._settling: dict[Path, _Settling] = {}
        self._handed: dict[Path, tuple[int, int]] = {}  # the version of each file handed on last
        self._cond = threading.Condition()
        self._stopping = False
        self._missing = False
        self._observer = None
        self._watch = None
        self._thread: threading.Thread | None = None

    # -- the caller's side -------------------------------------------------------------------
    def start(self) -> None:
        self._observer = Observer()
        self._observer.daemon = True
        self._observer.start()
        with self._cond:
            news = self._attach()
        self._say(news)
        self._thread = threading.Thread(target=self._run, name="watched-folder", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching; a file settling now is not handed on. Safe to call twice."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()
        if self._observer is not None:
            self._observer.stop()
            if self._observer.is_alive():
                self._observer.join()

    @property
    def missing(self) -> bool:
        return self._missing

    def settling(self) -> list[Path]:
        """The files seen but not yet handed on."""
        with self._cond:
            return sorted(self._settling)

    # -- the folder ---------------------------------------------------------------------------
    def _attach(self) -> list[tuple[str, str]]:
        """Watch the folder and take in the files it holds now (with the lock held)."""
        if not self.folder.is_dir():
            return self._lost()
        if self._watch is not None:  # the folder went away and came back: its old watch is dead
            try:
                self._observer.unschedule(self._watch)
            except (KeyError, OSError):
                pass
            self._watch = None
        try:
            self._watch = self._observer.schedule(_Events(self), str(self.folder), recursive=True)
        except OSError as exc:  # no permission; the system's limit of watches reached
            was_missing, self._missing = self._missing, True
            return [] if was_missing else [("cannot_watch", exc.strerror or str(exc))]
        was_missing, self._missing = self._missing, False
        self._scan(self.folder)
        return [("back", str(self.folder))] if was_missing else []

    def _lost(self) -> list[tuple[str, str]]:
        was_missing, self._missing = self._missing, True
        self._settling.clear()
        self._cond.notify_all()  # the timer now looks for the folder
        return [] if was_missing else [("missing", str(self.folder))]

    def _scan(self, folder: Path) -> None:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in names:
                self._note(Path(root) / name)

    # -- events (the observer's thread) ------------------------------------------------------
    def _event(self, event: FileSystemEvent) -> None:
        src = Path(os.fsdecode(event.src_path))
        dest = Path(os.fsdecode(event.dest_path)) if event.dest_path else None
        news: list[tuple[str, str]] = []
        with self._cond:
            if self._stopping:
                return
            if event.is_directory:
                if src == self.folder and event.event_type in ("deleted", "moved"):
                    news = self._lost()
                elif event.event_type == "created":
                    self._scan(src)
                elif event.event_type == "moved" and dest is not None:
                    self._scan(dest)
            elif event.event_type in ("deleted", "moved"):
                self._settling.pop(src, None)
                self._handed.pop(src, None)
                if dest is not None:  # a download or a save renamed to its real name when whole
                    self._note(dest)
            elif event.event_type in ("created", "modified", "closed", "attrib"):
                self._note(src)
        self._say(news)

    def _note(self, path: Path) -> None:
        """A file may have changed: it settles anew (with the lock held)."""
        if not is_watched_file(path, self.folder):
            return
        signature = _signature(path)
        if signature is None:
            self._settling.pop(path, None)
            return
        if self._handed.get(path) == signature:
            self._settling.pop(path, None)  # this very version was handed on already
            return
        entry = self._settling.get(path)
        if entry is None:
            self._settling[path] = _Settling(signature, time.monotonic())
            self._cond.notify_all()  # the timer may have to wake sooner
        elif entry.signature != signature:  # still being written: it waits longer, no need to wake
            entry.signature, entry.since = signature, time.monotonic()

    # -- the timer (the watcher's thread) ------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._cond:
                if self._stopping:
                    return
                self._cond.wait(self._timeout())
                if self._stopping:
                    return
                news = self._attach() if self._missing else []
                ready = self._settled()
            self._say(news)
            if ready:
                self._on_ready(ready)

    def _timeout(self) -> float | None:
        """How long to sleep: until the next file may have settled; for ever when there is none."""
        if self._missing:
            return self.missing_check
        if not self._settling:
            return None
        soonest = min(entry.since for entry in self._settling.values()) + self.settle
        return max(0.02, soonest - time.monotonic())

    def _settled(self) -> list[Path]:
        """The files unchanged for ``settle`` seconds, each as it is now handed on."""
        now = time.monotonic()
        ready = []
        for path, entry in list(self._settling.items()):
            signature = _signature(path)
            if signature is None:
                del self._settling[path]
            elif signature != entry.signature:
                entry.signature, entry.since = signature, now
            elif now - entry.since >= self.settle:
                if entry.locked < LOCKED_PATIENCE and not _can_open(path):
                    entry.locked, entry.since = entry.locked + 1, now
                    continue
                del self._settling[path]
                self._handed[path] = signature
                ready.append(path)
        return sorted(ready)

    def _say(self, news: list[tuple[str, str]]) -> None:
        for what, details in news:
            self._on_status(what, details)
