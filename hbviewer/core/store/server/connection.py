"""The server library's connection: one per instance, serialised by a lock, made again when dropped.

Reads run through :meth:`ServerConnection._read`: under the lock, on a live
connection, and once more on a new connection when the first try found it
dropped (a server restart, an idle connection cut by the network), but only
outside a transaction. Database errors become LibraryError in words a user can
act on.
"""

from __future__ import annotations

import functools
import threading
from contextlib import contextmanager

import psycopg

from ..contract import WriteGroup
from ..errors import LibraryError

_LOST = ("08", "57P")  # SQLSTATE classes of a dropped connection / a server shutting down
_BUSY = ("40001", "40P01", "55P03", "57014")  # serialization, deadlock, lock timeout, cancelled


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0].strip() if text else type(exc).__name__


def writes(method):
    """A write: under the instance lock on a live connection, never tried twice."""

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with self._lock:
            self._ensure_connection()
            try:
                return method(self, *args, **kwargs)
            except psycopg.Error as exc:
                raise self._failure(exc) from None

    return run


class ServerConnection:
    """The connection part of :class:`~hbviewer.core.store.server.library.ServerLibrary`."""

    def __init__(self, conninfo: str, display: str, where: str, password: str | None = None):
        self._conninfo = conninfo
        self._password = password
        self._label = where  # 'database "x" on host:port', for messages
        self.path = display  # the URL without its password: what to show as the library's location
        self.read_only = False
        self._conn: psycopg.Connection | None = None
        self._closed = False
        self._depth = 0  # transactions open on the connection
        self.commits = 0  # transactions committed (see Library.commits)
        self._lock = threading.RLock()


    def _read(self, method, *args, **kwargs):
        with self._lock:
            for attempt in (1, 2):
                self._ensure_connection()
                outside = self._depth == 0
                try:
                    return method(*args, **kwargs)
                except psycopg.Error as exc:
                    failure = self._failure(exc)
                    if not (outside and attempt == 1 and failure.code == "connection_lost"):
                        raise failure from None

    def _ensure_connection(self) -> None:
        if self._closed:
            raise LibraryError("The library has been closed.", "database")
        if self._conn is None or self._conn.closed:
            try:
                self._conn = self._connect()
            except LibraryError as exc:
                raise LibraryError(f"The connection to the library was lost and cannot be made again: {exc}",
                                   "connection_lost") from None


    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.close()

    # -- errors and transactions ------------------------------------------------------
    def _failure(self, exc: psycopg.Error, saving: bool = False) -> LibraryError:
        """A database error said in words a user can act on."""
        state = getattr(exc, "sqlstate", None) or ""
        conn = self._conn
        if conn is None or conn.closed or conn.broken or state.startswith(_LOST):
            if saving:
                return LibraryError(
                    f"The connection to the library server ({self._label}) was lost before this file was "
                    "saved. The server discarded the unfinished import, so nothing of this file is in the "
                    "library: import it again when the server can be reached.", "connection_lost")
            return LibraryError(f"The connection to the library server ({self._label}) was lost "
                                f"({self._scrub(first_line(exc))}). Try again when it can be reached.",
                                "connection_lost")
        if state in _BUSY:
            return LibraryError("The library is busy: another hbviewer is writing the same data. Try again "
                                "when that has finished.", "busy")
        if state in ("42501", "25006"):  # insufficient privilege, read-only transaction
            return self._read_only_error()
        if state == "53100":
            return LibraryError(f"The library server ({self._label}) is out of disk space: nothing was saved. "
                                "Ask its administrator to free some and try again.", "disk_full")
        return LibraryError(f"The library server could not do this ({self._scrub(first_line(exc))}).",
                            "database")

    def _read_only_error(self) -> LibraryError:
        return LibraryError(f"The library ({self._label}) is read-only for this user: searching works, "
                            "importing does not. Ask the server's administrator for write access.",
                            "read_only")

    @contextmanager
    def _transaction(self):
        if self.read_only:
            raise self._read_only_error()
        if self._depth == 0:
            self._check_alive()
        self._depth += 1
        try:
            with self._conn.transaction():
                yield self._conn
            self.commits += 1
        finally:
            self._depth -= 1

    @contextmanager
    def grouped_writes(self, seconds: float = 0.5):
        """Each file keeps a transaction of its own here: on a shared server short
        transactions keep the other writers moving."""
        yield WriteGroup(seconds)

    def commit_group(self) -> None:
        """Nothing is held between files (see :meth:`grouped_writes`)."""

    def _check_alive(self) -> None:
        """Before a write: a connection found dropped is made again, rather than failing the write."""
        try:
            self._conn.execute("SELECT 1")
        except psycopg.OperationalError:
            if not self._conn.closed:
                raise
            self._ensure_connection()


    def _put_meta(self, key: str, value: str) -> None:
        self._conn.execute("INSERT INTO meta VALUES(%s, %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           (key, value))
