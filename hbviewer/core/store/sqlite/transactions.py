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


def damage_error(path: Path, exc: sqlite3.Error) -> LibraryError:
    return LibraryError(
        f"The library {path.name} is damaged ({exc}): parts of the file cannot be read. Nothing more is "
        "written to it. Restore the latest good backup (File → Restore from backup…, or "
        "hbviewer-cli library restore), or recover what can be read into a new library "
        "(hbviewer-cli library recover); the damaged file is kept.", "damaged")


def is_damage(exc: sqlite3.Error) -> bool:
    """True for an error that means the file itself is damaged, not busy, full or read-only."""
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text or type(exc) is sqlite3.DatabaseError


def write_failure(exc: sqlite3.Error, path: Path) -> LibraryError:
    """A write the database refused, said in words a user can act on."""
    text = str(exc).lower()
    if is_damage(exc):
        return damage_error(path, exc)
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
    damaged: bool
    read_only: bool
    commits = 0  # transactions this connection committed (see Library.commits)

    @contextmanager
    def _transaction(self, source: str = ""):
        with self._lock:
            if self.damaged:
                raise damage_error(self.path, sqlite3.DatabaseError("found earlier"))
            if self._group is not None:
                with self._grouped_transaction(self._group, source) as db:
                    yield db
                return
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as exc:
                raise self._failed(exc) from None
            try:
                yield self._db
                self._db.execute("COMMIT")
                self.commits += 1
            except BaseException as exc:
                self._roll_back()
                if isinstance(exc, sqlite3.DatabaseError):
                    raise self._failed(exc) from None
                raise

    def _roll_back(self) -> None:
        if self._db.in_transaction:  # SQLite has already rolled back after some errors
            try:
                self._db.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                pass  # a damaged file: the error that led here is the one to report

    def _failed(self, exc: sqlite3.DatabaseError) -> LibraryError:
        """The error said in words; a damaged file is written to no more."""
        failure = write_failure(exc, self.path)
        if failure.code == "damaged":
            self.damaged = self.read_only = True
        return failure

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
            self.commits += 1
        except sqlite3.DatabaseError as exc:
            self._lose_group(group, self._failed(exc))
        group.uncommitted.clear()

    def _lose_group(self, group: WriteGroup, error: LibraryError) -> None:
        self._roll_back()
        group.lost.update(dict.fromkeys(group.uncommitted, error))
        group.uncommitted.clear()

    @contextmanager
    def _grouped_transaction(self, group: WriteGroup, source: str):
        db = self._db
        if not db.in_transaction:
            try:
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as exc:
                raise self._failed(exc) from None
            group.began = time.monotonic()
        try:
            yield db
        except BaseException as exc:
            failure = self._failed(exc) if isinstance(exc, sqlite3.DatabaseError) else None
            self._lose_group(group, failure or LibraryError(f"The library could not save this file ({exc})."))
            if failure is not None:
                raise failure from None
            raise
        if source:
            group.uncommitted.append(source)
        if time.monotonic() - group.began >= group.seconds:
            self._commit_group(group)
