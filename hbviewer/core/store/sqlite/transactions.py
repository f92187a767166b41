"""Transactions of the SQLite library: one per file, or several files to one (``grouped_writes``).

A write the database refuses becomes a :class:`~hbviewer.core.store.errors.LibraryError`
that says what to do (a full disk, a library busy in another program, a read-only file).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from ..contract import WriteGroup
from ..errors import LibraryError


def write_failure(exc: sqlite3.Error, path: Path) -> LibraryError:
    """A write the database refused, said in words a user can act on."""
    text = str(exc).lower()
    if "full" in text:
        return LibraryError(f"The disk holding the library ({path.parent}) is full: nothing was saved "
                            "from this file. Free some space and import it again.", "disk_full")
    if "locked" in text or "busy" in text:
        return LibraryError("The library is busy: another hbviewer window or hbviewer-cli is writing to "
                            "it. Try again when that has finished.", "busy")
    if "readonly" in text or "read-only" in text:
        return LibraryError(f"The library {path.name} is read-only: searching works, importing does not. "
                            "Open a library you can write to.", "read_only")
    return LibraryError(f"The library could not save this file ({exc}).", "database")


class SqliteTransactions:
    """The transaction part of :class:`~hbviewer.core.store.sqlite.library.SqliteLibrary`."""

    _db: sqlite3.Connection
    _lock: threading.RLock
    _group: WriteGroup | None
    path: Path

    @contextmanager
    def _transaction(self, source: str = ""):
        with self._lock:
            if self._group is not None:
                with self._grouped_transaction(self._group, source) as db:
                    yield db
                return
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise write_failure(exc, self.path) from None
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as exc:
                if self._db.in_transaction:  # SQLite has already rolled back after some errors
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError):
                    raise write_failure(exc, self.path) from None
                raise

    # -- several files to a transaction ------------------------------------------------
    @contextmanager
    def grouped_writes(self, seconds: float = 0.5):
        """Let the files stored inside share transactions of up to ``seconds`` each.

        FTS5 writes an index segment at every commit (and at every savepoint)
        and merges the segments later: with one commit per file, merging was
        most of a large import's time. A crash loses at most the files of the
        last ``seconds``, never part of one. A file that fails midway takes the
        files stored before it in the same transaction with it: those are listed
        in the group's ``lost``, with the error. So a cancel is for between files.
        """
        with self._lock:
            group = self._group = WriteGroup(seconds)
            try:
                yield group
            finally:
                self._group = None
                self._commit_group(group)

    def commit_group(self) -> None:
        """Commit what the open group holds now: before waiting for more work, so the
        library is not kept locked from other programs meanwhile."""
        with self._lock:
            if self._group is not None:
                self._commit_group(self._group)

    def _commit_group(self, group: WriteGroup) -> None:
        if not self._db.in_transaction:
            return
        try:
            self._db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._lose_group(group, write_failure(exc, self.path))
        group.uncommitted.clear()

    def _lose_group(self, group: WriteGroup, error: LibraryError) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")
        group.lost.update(dict.fromkeys(group.uncommitted, error))
        group.uncommitted.clear()

    @contextmanager
    def _grouped_transaction(self, group: WriteGroup, source: str):
        db = self._db
        if not db.in_transaction:
            try:
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise write_failure(exc, self.path) from None
            group.began = time.monotonic()
        try:
            yield db
        except BaseException as exc:
            failure = write_failure(exc, self.path) if isinstance(exc, sqlite3.OperationalError) else None
            self._lose_group(group, failure or LibraryError(f"The library could not save this file ({exc})."))
            if failure is not None:
                raise failure from None
            raise
        if source:
            group.uncommitted.append(source)
        if time.monotonic() - group.began >= group.seconds:
            self._commit_group(group)
