"""The article library in one SQLite file: versioned, searchable, safe to use from several programs.

The file is in WAL mode, so one writer and many readers work at once; each
thread opens its own instance. :class:`SqliteLibrary` keeps the contract in
``store/contract.py`` and is made of its parts: the shared reads
(``store/sql_reads.py``), transactions, writing and text search (beside this
module). Callers open it through ``store.open_library`` and never name it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import zlib
from datetime import datetime
from pathlib import Path

from ..contract import CheckReport, WriteGroup
from ..errors import LibraryError
from ...text.metadata_again import METADATA_VERSION
from ..keep_sql import SqlKeeping, SqlKeptSearch
from ..search import INDEX_VERSION
from ..correction_reads import CorrectionReads
from ..vocabulary import VOCABULARY_VERSION
from ..sql_reads import SqlReads, SqlSummaryReads, read
from .integrity import check_file
from .schema import MIGRATIONS, SCHEMA_VERSION
from .search import SqliteSearch
from .transactions import SqliteTransactions, damage_error, is_damage
from .writing import SqliteWrites, unpack


class SqliteLibrary(SqliteTransactions, SqliteWrites, SqliteSearch, SqlKeeping, SqlKeptSearch, SqlReads,
                    SqlSummaryReads, CorrectionReads):
    """An open library file. Safe to use from one thread at a time per instance."""

    def __init__(self, db: sqlite3.Connection, path: Path):
        self._db = db
        self.path = path
        self.read_only = False
        self.damaged = False  # set when damage is met: the file is then read only
        self._lock = threading.RLock()
        self._group: WriteGroup | None = None

    # -- opening ---------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> "SqliteLibrary":
        path = Path(path)
        if not path.exists() and not create:
            raise LibraryError(f"No library at {path}.")
        read_only = path.exists() and not os.access(path, os.W_OK)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            target = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
            db = sqlite3.connect(target, timeout=10.0, check_same_thread=False, isolation_level=None,
                                 uri=read_only)
        except (sqlite3.Error, OSError) as exc:
            raise LibraryError(f"The library {path} cannot be opened: {exc}.", "cannot_open") from None
        lib = cls(db, path)
        lib.read_only = read_only
        try:
            lib._setup()
        except LibraryError:
            db.close()
            raise
        except sqlite3.DatabaseError as exc:
            db.close()
            raise LibraryError(
                f"{path} is not a usable hbviewer library ({exc}). Open another library or "
                "start a new one; the file has not been changed.", "damaged") from None
        return lib

    @staticmethod
    def set_aside(path: str | Path) -> Path:
        """Rename a library that cannot be used, so a new one can start in its place.

        Nothing is deleted: the old file (and its WAL files) keep a dated name beside it.
        """
        path = Path(path)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.name}.set-aside-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(path) + suffix)
            if part.exists():
                part.rename(Path(str(backup) + suffix))
        return backup

    def _setup(self) -> None:
        db = self._db
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=10000")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"{self.path} was written by a newer hbviewer (library version {version}; this "
                f"program knows up to {SCHEMA_VERSION}). Update hbviewer to open it.", "newer")
        if self.read_only:
            if version < SCHEMA_VERSION:
                raise LibraryError(f"{self.path} is read-only and was written by an older hbviewer, so it "
                                   "cannot be brought up to date. Open a copy you can write to.", "read_only")
            return
        if version < SCHEMA_VERSION:
            if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise LibraryError(f"{self.path} is an SQLite file but not an hbviewer library.")
            db.execute("PRAGMA journal_mode=WAL")
            with self._transaction():
                for target in range(version + 1, SCHEMA_VERSION + 1):
                    MIGRATIONS[target](db)
                    db.execute(f"PRAGMA user_version={target}")
                db.execute("INSERT OR REPLACE INTO meta VALUES('index_version', ?)", (str(INDEX_VERSION),))
                if version == 0:  # a new library: nothing to find words in yet
                    db.execute("INSERT OR REPLACE INTO meta VALUES('vocabulary_version', ?)",
                               (str(VOCABULARY_VERSION),))
                    db.execute("INSERT OR REPLACE INTO meta VALUES('metadata_version', ?)", (str(METADATA_VERSION),))
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        stored = db.execute("SELECT value FROM meta WHERE key='index_version'").fetchone()
        if stored is None or int(stored[0]) != INDEX_VERSION:
            self.rebuild_index()
        words = db.execute("SELECT value FROM meta WHERE key='vocabulary_version'").fetchone()
        if words is None or int(words[0]) != VOCABULARY_VERSION:
            self.rebuild_vocabulary()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def check(self, quick: bool = False) -> CheckReport:
        with self._lock:
            report = check_file(self._db, quick)
        if not report.ok:
            self.damaged = self.read_only = True
        return report

    def backup(self, tag: str = "") -> Path:
        """A consistent copy of this library in its backups folder (see ``backups.py``)."""
        from .backups import make_backup

        with self._lock:
            try:
                return make_backup(self._db, self.path, tag)
            except LibraryError as exc:
                if exc.code == "damaged":
                    self.damaged = self.read_only = True
                raise

    @read
    def stats(self) -> dict:
        db = self._db
        return {
            "path": str(self.path),
            "sources": db.execute("SELECT count(*) FROM sources").fetchone()[0],
            "articles": db.execute("SELECT count(*) FROM articles").fetchone()[0],
            "characters": db.execute("SELECT coalesce(sum(length(text)), 0) FROM articles").fetchone()[0],
            "figures": db.execute("SELECT count(*) FROM figures").fetchone()[0],
            "regions": db.execute("SELECT count(DISTINCT code) FROM article_regions WHERE role='subject'").fetchone()[0],
            "schema_version": SCHEMA_VERSION,
            "file_bytes": self.path.stat().st_size if self.path.exists() else 0,
        }

    # -- how the shared reads run here ---------------------------------------------------
    def _read(self, method, *args, **kwargs):
        # The one place where a read meets a damaged file: said in words, and nothing more is written.
        try:
            return method(*args, **kwargs)
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise LibraryError(f"The library could not be read ({exc}). Try again.", "database") from None
            self.damaged = self.read_only = True
            raise damage_error(self.path, exc) from None
        except (zlib.error, UnicodeDecodeError) as exc:  # a stored page text that no longer unpacks
            self.damaged = self.read_only = True
            raise damage_error(self.path, sqlite3.DatabaseError(f"a stored page cannot be unpacked: {exc}")) from None

    def _rows(self, sql: str, params=()) -> list[tuple]:
        return self._db.execute(sql, params).fetchall()

    def _keep_write(self, fn):
        with self._transaction() as db:
            return fn(db)

    @staticmethod
    def _author() -> str:
        """Who writes a note in a library file: the system user."""
        import getpass

        try:
            return getpass.getuser()
        except (OSError, KeyError, ImportError):  # no user name in the environment or the password database
            return ""

    @staticmethod
    def _ids_in(column: str, ids) -> tuple[str, list]:
        # Written into the statement: a scope can hold more ids than SQLite binds parameters.
        return f"{column} IN ({','.join(str(int(i)) for i in ids) or 'NULL'})", []

    @staticmethod
    def _texts_in(column: str, values) -> tuple[str, list]:
        return f"{column} IN ({','.join('?' * len(values)) or 'NULL'})", list(values)

    def _unpack(self, stored):
        return unpack(stored)
