"""Opening a server library: the connection's settings, and the tables made or brought up to date."""

from __future__ import annotations

import os

import psycopg
from psycopg import errors
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from ..errors import LibraryError
from ..addresses import display_location
from .connection import first_line
from ...text.metadata_again import METADATA_VERSION
from ..vocabulary import VOCABULARY_VERSION
from .schema import INDEX_KEY, MIGRATIONS, SCHEMA_LOCK, SCHEMA_VERSION, TABLES


class ServerOpening:
    """The opening part of :class:`~hbviewer.core.store.server.library.ServerLibrary`."""

    @classmethod
    def open(cls, url: str, create: bool = True, password: str | None = None) -> "ServerOpening":
        display = display_location(url)
        try:
            params = conninfo_to_dict(url)
        except psycopg.Error as exc:
            raise LibraryError(f"{display} is not a usable server address ({first_line(exc)}).",
                               "cannot_open") from None
        if "sslmode" not in params and "PGSSLMODE" not in os.environ:
            params["sslmode"] = "prefer"  # TLS whenever the server offers it
        params.setdefault("connect_timeout", "10")
        params.setdefault("application_name", "hbviewer")
        params["client_encoding"] = "UTF8"
        secret = password if password is not None else params.get("password")
        if password is not None:
            params["password"] = password
        host = params.get("host") or os.environ.get("PGHOST") or "localhost"
        port = params.get("port") or os.environ.get("PGPORT") or "5432"
        dbname = params.get("dbname") or os.environ.get("PGDATABASE") or params.get("user") or "postgres"
        lib = cls(make_conninfo(**params), display, f'database "{dbname}" on {host}:{port}', secret)
        lib._conn = lib._connect()
        try:
            lib._setup(create)
        except BaseException:
            lib.close()
            raise
        return lib

    def _scrub(self, text: str) -> str:
        return text.replace(self._password, "***") if self._password else text

    def _connect(self) -> psycopg.Connection:
        try:
            conn = psycopg.connect(self._conninfo, autocommit=True)
        except psycopg.Error as exc:
            detail = self._scrub(str(exc)).lower()
            if "password" in detail and ("authentication failed" in detail or "no password" in detail):
                # A code of its own: the window and the CLI ask for the password and try again.
                raise LibraryError(f"The library ({self._label}) cannot be opened: the server refused the user "
                                   "name or password.", "password") from None
            if "does not exist" in detail and "database" in detail:
                reason = "there is no such database on the server (its administrator can create it)"
            elif "does not exist" in detail and "role" in detail:
                reason = "the server has no such user"
            else:
                reason = f"the server cannot be reached ({self._scrub(first_line(exc))})"
            raise LibraryError(f"The library ({self._label}) cannot be opened: {reason}.",
                               "cannot_open") from None
        try:
            encoding = conn.execute("SHOW server_encoding").fetchone()[0]
            if encoding.upper() not in ("UTF8", "UTF-8"):
                raise LibraryError(f"The library ({self._label}) cannot be used: the database's encoding is "
                                   f"{encoding}, and Chinese text needs UTF8. Create the database with "
                                   "ENCODING 'UTF8'.", "cannot_open")
            # Waiting for another client's import of the same file ends in "busy", not forever.
            conn.execute("SET lock_timeout = '60s'")
        except psycopg.Error as exc:  # dropped as soon as made (a server shutting down, an administrator)
            conn.close()
            raise LibraryError(f"The library ({self._label}) cannot be opened: the server cannot be reached "
                               f"({self._scrub(first_line(exc))}).", "cannot_open") from None
        except BaseException:
            conn.close()
            raise
        return conn


    def _schema_version(self) -> int:
        conn = self._conn
        # A query on the catalog, not to_regclass(): that may answer from a cache which taking an
        # advisory lock does not refresh, and miss the tables another client has just made.
        if not conn.execute("SELECT EXISTS(SELECT 1 FROM pg_tables WHERE schemaname = current_schema()"
                            " AND tablename = 'meta')").fetchone()[0]:
            return 0
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or not row[0].isdigit():
            raise LibraryError(f"The {self._label} holds tables that are not an hbviewer library. Open "
                               "another database; this one has not been changed.")
        return int(row[0])

    def _newer(self, version: int) -> LibraryError:
        return LibraryError(
            f"The library ({self._label}) was written by a newer hbviewer (library version {version}; this "
            f"program knows up to {SCHEMA_VERSION}). Update hbviewer to open it.", "newer")

    def _setup(self, create: bool) -> None:
        with self._lock:
            try:
                version = self._schema_version()
                if version > SCHEMA_VERSION:
                    raise self._newer(version)
                if version < SCHEMA_VERSION:
                    if version == 0 and not create:
                        raise LibraryError(f"No library in the {self._label}.")
                    self._migrate()
                self.read_only = self._role_read_only()
                if not self.read_only and self.meta("index_version") != INDEX_KEY:
                    self._rebuild(only_if_stale=True)
                if not self.read_only and self.meta("vocabulary_version") != str(VOCABULARY_VERSION):
                    self._rebuild_vocabulary(only_if_stale=True)
            except psycopg.Error as exc:
                raise self._failure(exc) from None

    def _migrate(self) -> None:
        conn = self._conn
        try:
            with conn.transaction():
                # Two clients opening a new database at once: the second waits, then finds it done.
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
                version = self._schema_version()
                if version > SCHEMA_VERSION:
                    raise self._newer(version)
                if version == 0 and conn.execute(
                        "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
                        " AND tablename = ANY(%s)", (list(TABLES),)).fetchone()[0]:
                    raise LibraryError(f"The {self._label} holds tables that are not an hbviewer library. "
                                       "Open another database; this one has not been changed.")
                for target in range(version + 1, SCHEMA_VERSION + 1):
                    for statement in MIGRATIONS[target]:
                        conn.execute(statement)
                    self._put_meta("schema_version", str(target))
                if version == 0:  # a new library: its pages are read by these metadata rules
                    self._put_meta("metadata_version", str(METADATA_VERSION))
                self._put_meta("index_version", INDEX_KEY)
                if version == 0:  # a new library: nothing to find words in yet
                    self._put_meta("vocabulary_version", str(VOCABULARY_VERSION))
        except (errors.InsufficientPrivilege, errors.ReadOnlySqlTransaction):
            raise LibraryError(
                f"The {self._label} has no up-to-date hbviewer library, and this user may not create or "
                "upgrade its tables. Ask the server's administrator to open it once as the database's "
                "owner.", "read_only") from None

    def _role_read_only(self) -> bool:
        return not self._conn.execute(
            "SELECT has_table_privilege('articles', 'INSERT') AND NOT pg_is_in_recovery()"
            " AND current_setting('transaction_read_only') = 'off'").fetchone()[0]
