"""The article library on a PostgreSQL server, shared by several people.

:class:`ServerLibrary` keeps the contract in ``store/contract.py`` with the same
meaning as the SQLite file, so the importer, the summary, the export, the CLI and
the window use either one unchanged. It is made of its parts: opening and the
schema, the connection and its transactions, writing, copying and text search
(beside this module), and the reads it shares with the SQLite library
(``store/sql_reads.py``).

One connection per instance, in autocommit mode, guarded by a lock; writes run
in explicit transactions. A dropped connection is opened again on the next call.
"""

from __future__ import annotations

from ..contract import CheckReport
from ..correction_reads import CorrectionReads
from ..keep_sql import SqlKeeping, SqlKeptSearch
from ..sql_reads import SqlReads, SqlSummaryReads, read
from .connection import ServerConnection, writes
from .copying import ServerCopies
from .opening import ServerOpening
from .schema import INDEX_KEY, SCHEMA_VERSION
from .search import ServerSearch
from .writing import ServerWrites

class ServerLibrary(ServerOpening, ServerConnection, ServerWrites, ServerCopies, ServerSearch, SqlKeeping,
                    SqlKeptSearch, SqlReads, SqlSummaryReads, CorrectionReads):
    """A library in a PostgreSQL database. Safe to share between threads (calls are serialised)."""

    _mark = "%s"
    _collate_c = ' COLLATE "C"'  # the database's collation may sort Chinese otherwise than SQLite

    @read
    def stats(self) -> dict:
        sources, articles, characters, figures, regions, size = self._conn.execute(
            "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM articles),"
            " (SELECT coalesce(sum(char_length(text)), 0) FROM articles), (SELECT count(*) FROM figures),"
            " (SELECT count(DISTINCT code) FROM article_regions WHERE role = 'subject'),"
            " pg_database_size(current_database())").fetchone()
        return {"path": str(self.path), "sources": sources, "articles": articles, "characters": int(characters),
                "figures": figures, "regions": regions, "schema_version": SCHEMA_VERSION, "file_bytes": size}

    @read
    def check(self, quick: bool = False) -> CheckReport:
        """What a client can check: the schema's version and the search columns' consistency.

        The server guards its own files (and backups are its administrator's: pg_dump).
        """
        problems = []
        version = self.meta("schema_version")
        if version != str(SCHEMA_VERSION):
            problems.append(f"schema version {version}, expected {SCHEMA_VERSION}")
        if self.meta("index_version") != INDEX_KEY:
            problems.append("the search columns were made by another version")
        if not quick:
            unindexed, orphans = self._conn.execute(
                "SELECT (SELECT count(*) FROM articles WHERE grams IS NULL OR title_folded IS NULL"
                " OR text_folded IS NULL), (SELECT count(*) FROM articles a WHERE NOT EXISTS"
                " (SELECT 1 FROM sources s WHERE s.id = a.source_id))").fetchone()
            if unindexed:
                problems.append(f"{unindexed} article(s) without search columns")
            if orphans:
                problems.append(f"{orphans} article(s) without their source")
        return CheckReport(not problems, tuple(problems), quick)

    # -- how the shared reads run here ---------------------------------------------------
    def _rows(self, sql: str, params=()) -> list[tuple]:
        return self._conn.execute(sql, params).fetchall()

    @writes
    def _keep_write(self, fn):
        with self._transaction() as conn:
            return fn(conn)

    @read
    def _author(self) -> str:
        """Who writes a note on a server: the role the library is opened as."""
        return self._conn.execute("SELECT current_user").fetchone()[0]

    @staticmethod
    def _ids_in(column: str, ids) -> tuple[str, list]:
        return f"{column} = ANY(%s::bigint[])", [[int(i) for i in ids]]

    @staticmethod
    def _texts_in(column: str, values) -> tuple[str, list]:
        return f"{column} = ANY(%s::text[])", [list(values)]
