"""The article library on a PostgreSQL server, shared by several people.

:class:`ServerLibrary` has the methods and attributes of
:class:`~hbviewer.core.store.contract.Library`, with the same meaning, so the importer,
the summary, the export, the CLI and the interface use either one unchanged.
The tables are in ``server_schema.py``.

* One connection per instance, in autocommit mode, guarded by a lock; writes
  run in explicit transactions. A dropped connection is opened again on the
  next call.
* One transaction per imported file, under an advisory lock on the file's
  path: two people importing the same file store it once. An article already
  stored (same fingerprint) is skipped with ``ON CONFLICT DO NOTHING``, which
  also settles two different files holding it imported at the same moment.
* Search finds exactly what the SQLite library finds: a GIN-indexed tsvector of
  characters and character bigrams answers for short terms and selects
  candidates for longer ones, which ``strpos`` on the folded text confirms.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
import time
from contextlib import contextmanager

import psycopg
from psycopg import errors
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from ..extract.figures import Figure
from .contract import WriteGroup
from .errors import Cancelled, LibraryError
from .records import FIGURE_ROWS, fingerprint, now as _now, read_source_record
from .locations import display_location
from ..model import Article, SourceInfo, SourceRecord, StoredArticle
from .search import (
    INDEX_VERSION, ArticleRow, ParsedQuery, SearchHit, SearchQuery, SearchResult, make_snippet, parse_query,
    search_hit,
)
from .server_schema import (
    GRAMS_VERSION, MIGRATIONS, PATH_LOCK_SPACE, SCHEMA_LOCK, SCHEMA_VERSION, TABLES, exact_by_grams, grams,
    match_tsquery, matching_form,
)

INDEX_KEY = f"{INDEX_VERSION}.{GRAMS_VERSION}"  # meta 'index_version': the search columns' version
_RETRIES = 3  # a write that lost a deadlock to another client is tried again this often
_LOST = ("08", "57P")  # SQLSTATE classes of a dropped connection / a server shutting down
_BUSY = ("40001", "40P01", "55P03", "57014")  # serialization, deadlock, lock timeout, cancelled
NEWEST_FROM = 2000  # past this many matches of short terms (and a tenth of the library), newest first


def _path_key(path: str) -> int:
    return int.from_bytes(hashlib.sha256(path.encode("utf-8")).digest()[:4], "big", signed=True)


def _pg_text(value: str) -> str:
    # PostgreSQL text cannot hold NUL; U+FFFD keeps every offset where it was.
    return value.replace("\x00", "\ufffd") if "\x00" in value else value


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0].strip() if text else type(exc).__name__


def _calls(retry: bool):
    """Run a method under the instance lock on a live connection; database errors become LibraryError.

    With ``retry``, a call that found the connection dropped (a server restart, an
    idle connection cut by the network) runs once more on a new one: only for
    reads, outside any transaction.
    """

    def wrap(method):
        @functools.wraps(method)
        def run(self, *args, **kwargs):
            with self._lock:
                for attempt in (1, 2):
                    self._ensure_connection()
                    outside = self._depth == 0
                    try:
                        return method(self, *args, **kwargs)
                    except psycopg.Error as exc:
                        failure = self._failure(exc)
                        if not (retry and outside and attempt == 1 and failure.code == "connection_lost"):
                            raise failure from None

        return run

    return wrap


_reads = _calls(retry=True)
_writes = _calls(retry=False)


class ServerLibrary:
    """A library in a PostgreSQL database. Safe to share between threads (calls are serialised)."""

    def __init__(self, conninfo: str, display: str, where: str, password: str | None = None):
        self._conninfo = conninfo
        self._password = password
        self._label = where  # 'database "x" on host:port', for messages
        self.path = display  # the URL without its password: what to show as the library's location
        self.read_only = False
        self._conn: psycopg.Connection | None = None
        self._closed = False
        self._depth = 0  # transactions open on the connection
        self._lock = threading.RLock()

    # -- opening ---------------------------------------------------------------
    @classmethod
    def open(cls, url: str, create: bool = True, password: str | None = None) -> "ServerLibrary":
        display = display_location(url)
        try:
            params = conninfo_to_dict(url)
        except psycopg.Error as exc:
            raise LibraryError(f"{display} is not a usable server address ({_first_line(exc)}).",
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
                reason = f"the server cannot be reached ({self._scrub(_first_line(exc))})"
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
                               f"({self._scrub(_first_line(exc))}).", "cannot_open") from None
        except BaseException:
            conn.close()
            raise
        return conn

    def _ensure_connection(self) -> None:
        if self._closed:
            raise LibraryError("The library has been closed.", "database")
        if self._conn is None or self._conn.closed:
            try:
                self._conn = self._connect()
            except LibraryError as exc:
                raise LibraryError(f"The connection to the library was lost and cannot be made again: {exc}",
                                   "connection_lost") from None

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
                self._put_meta("index_version", INDEX_KEY)
        except (errors.InsufficientPrivilege, errors.ReadOnlySqlTransaction):
            raise LibraryError(
                f"The {self._label} has no up-to-date hbviewer library, and this user may not create or "
                "upgrade its tables. Ask the server's administrator to open it once as the database's "
                "owner.", "read_only") from None

    def _role_read_only(self) -> bool:
        return not self._conn.execute(
            "SELECT has_table_privilege('articles', 'INSERT') AND NOT pg_is_in_recovery()"
            " AND current_setting('transaction_read_only') = 'off'").fetchone()[0]

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
                                f"({self._scrub(_first_line(exc))}). Try again when it can be reached.",
                                "connection_lost")
        if state in _BUSY:
            return LibraryError("The library is busy: another hbviewer is writing the same data. Try again "
                                "when that has finished.", "busy")
        if state in ("42501", "25006"):  # insufficient privilege, read-only transaction
            return self._read_only_error()
        if state == "53100":
            return LibraryError(f"The library server ({self._label}) is out of disk space: nothing was saved. "
                                "Ask its administrator to free some and try again.", "disk_full")
        return LibraryError(f"The library server could not do this ({self._scrub(_first_line(exc))}).",
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

    @contextmanager
    def _search_snapshot(self):
        """A read transaction for a text search: one snapshot for the total and the hits, and the index.

        The planner does not count the cost of reading each article's grams out of
        line, so it would scan the table where the GIN index is many times faster.
        """
        self._depth += 1
        try:
            with self._conn.transaction():
                self._conn.execute("SET LOCAL enable_seqscan = off")
                # Helper processes for one search cost more than they save when many people search.
                self._conn.execute("SET LOCAL max_parallel_workers_per_gather = 0")
                yield self._conn
        finally:
            self._depth -= 1

    def _put_meta(self, key: str, value: str) -> None:
        self._conn.execute("INSERT INTO meta VALUES(%s, %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           (key, value))

    # -- writing ---------------------------------------------------------------
    @_reads
    def source_by_path(self, path: str) -> SourceInfo | None:
        row = self._conn.execute(
            "SELECT s.id, s.path, s.name, s.encoding, s.size, s.imported_at,"
            " (SELECT count(*) FROM articles a WHERE a.source_id = s.id)"
            " FROM sources s WHERE path = %s", (path,)).fetchone()
        return None if row is None else SourceInfo(*row)

    @_reads
    def source_sha256(self, path: str) -> str | None:
        row = self._conn.execute("SELECT sha256 FROM sources WHERE path = %s", (path,)).fetchone()
        return row[0] if row else None

    _INSERT_ARTICLE = (
        "INSERT INTO articles(source_id, position, title, title_inferred, subtitle, byline, section,"
        " publication, date, text, captions, original, fingerprint, analysis_version, title_folded,"
        " text_folded, grams, oversized{id_column}) VALUES(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,"
        " %s, %s, %s::tsvector, %s{id_value}) ON CONFLICT (fingerprint) DO NOTHING RETURNING id")

    @staticmethod
    def _search_columns(title: str, text: str) -> tuple[str, str, str, bool]:
        """title_folded, text_folded, grams, oversized."""
        title_folded, text_folded = matching_form(_pg_text(title)), matching_form(_pg_text(text))
        return (title_folded, text_folded, *grams(title_folded, text_folded))

    @_writes
    def store_file(self, path: str, name: str, sha256: str, size: int, encoding: str,
                   articles: list[Article], should_stop=None, analyses: list | None = None,
                   analysis_version: int = 0) -> tuple[int, list[str], bool]:
        """Store one file's articles (and their analysis: figures, regions) in one transaction.

        An earlier version of the file is replaced. Returns ``(stored,
        duplicate_titles, replaced)``. ``should_stop`` is checked between
        articles; when it answers True nothing of this file is kept.
        """
        version = analysis_version if analyses is not None else 0
        rows = [(a.position, _pg_text(a.title), a.title_inferred, _pg_text(a.subtitle), _pg_text(a.byline),
                 _pg_text(a.section), _pg_text(a.publication), a.date, _pg_text(a.text),
                 _pg_text(json.dumps(list(a.captions), ensure_ascii=False)), _pg_text(a.original),
                 fingerprint(a), version, *self._search_columns(a.title, a.text)) for a in articles]
        for attempt in range(_RETRIES):
            try:
                return self._store_file(path, name, sha256, size, encoding, articles, rows, should_stop,
                                        analyses)
            except (errors.DeadlockDetected, errors.SerializationFailure):
                if attempt == _RETRIES - 1:
                    raise
                time.sleep(0.2 * (attempt + 1))  # another client holds some of the same articles
            except psycopg.Error as exc:
                raise self._failure(exc, saving=True) from None

    def _store_file(self, path, name, sha256, size, encoding, articles, rows, should_stop, analyses):
        with self._transaction() as conn:
            # Serialises imports of the same file by any client, until this transaction ends.
            conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (PATH_LOCK_SPACE, _path_key(path)))
            old = conn.execute("SELECT id FROM sources WHERE path = %s", (path,)).fetchone()
            replaced = old is not None
            if replaced:
                source_id = old[0]
                conn.execute("DELETE FROM articles WHERE source_id = %s", (source_id,))
                conn.execute("UPDATE sources SET name=%s, sha256=%s, size=%s, encoding=%s, imported_at=%s"
                             " WHERE id=%s", (name, sha256, size, encoding, _now(), source_id))
            else:
                source_id = conn.execute(
                    "INSERT INTO sources(path, name, sha256, size, encoding, imported_at)"
                    " VALUES(%s, %s, %s, %s, %s, %s) RETURNING id",
                    (path, name, sha256, size, encoding, _now())).fetchone()[0]
            stored, duplicates = 0, []
            insert = self._INSERT_ARTICLE.format(id_column="", id_value="")
            for i, (article, row) in enumerate(zip(articles, rows)):
                if should_stop is not None and should_stop():
                    raise Cancelled()
                new = conn.execute(insert, (source_id, *row)).fetchone()
                if new is None:  # already in the library (committed, or just now by another client)
                    duplicates.append(article.title)
                    continue
                if analyses is not None:
                    self._insert_analysis(new[0], analyses[i])
                stored += 1
            return stored, duplicates, replaced

    def _insert_figure_rows(self, article_id: int, rows: list[tuple]) -> None:
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(
                    'INSERT INTO figures(article_id, start, "end", text, value, value_high, unit, kind, approx,'
                    " indicator, change, as_of, region, region_code, prefecture)"
                    " VALUES(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [(article_id, *row) for row in rows])

    def _insert_region_rows(self, article_id: int, rows: list[tuple]) -> None:
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany("INSERT INTO article_regions VALUES(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                                [(article_id, *row) for row in rows])

    def _insert_analysis(self, article_id: int, analysis) -> None:
        self._insert_figure_rows(article_id, [
            (f.start, f.end, _pg_text(f.text), f.value, f.value_high, f.unit, f.kind, f.approx, f.indicator,
             None if f.change is None else json.dumps(f.change, ensure_ascii=False), f.as_of, f.region,
             f.region_code, f.prefecture) for f in analysis.figures])
        rows = [("subject", rank, r.code, r.name, r.level, r.prefecture or "", r.prefecture_code or "",
                 r.province_code, score) for rank, (r, score) in enumerate(analysis.subjects)]
        rows += [("mentioned", rank, r.code, r.name, r.level, r.prefecture or "", r.prefecture_code or "",
                  r.province_code, 0.0) for rank, r in enumerate(analysis.mentioned)]
        self._insert_region_rows(article_id, rows)

    @_writes
    def replace_analysis(self, updates: list, version: int) -> None:
        """Store a fresh analysis (figures, regions) for articles, in one transaction."""
        with self._transaction() as conn:
            for article_id, analysis in updates:
                conn.execute("DELETE FROM figures WHERE article_id = %s", (article_id,))
                conn.execute("DELETE FROM article_regions WHERE article_id = %s", (article_id,))
                self._insert_analysis(article_id, analysis)
                conn.execute("UPDATE articles SET analysis_version = %s WHERE id = %s", (version, article_id))

    @_reads
    def stale_analysis_articles(self, version: int, limit: int | None = None) -> list[int]:
        """Articles analysed by another version (or not yet)."""
        sql = "SELECT id FROM articles WHERE analysis_version <> %s ORDER BY id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in self._conn.execute(sql, (version,))]

    @_reads
    def article_regions(self, article_id: int, role: str = "subject") -> list[dict]:
        rows = self._conn.execute(
            "SELECT code, name, level, prefecture, prefecture_code, province_code, score FROM article_regions"
            " WHERE article_id = %s AND role = %s ORDER BY rank", (article_id, role))
        return [{"code": c, "name": n, "level": lv, "prefecture": p, "prefecture_code": pc,
                 "province_code": prov, "score": sc} for c, n, lv, p, pc, prov, sc in rows]

    @_reads
    def region_labels(self, article_ids: list[int], most: int = 3) -> dict[int, str]:
        """'万全区、张家口市' for each article: its first subject regions, for lists."""
        if not article_ids:
            return {}
        labels: dict[int, list[str]] = {}
        for aid, name in self._conn.execute(
                "SELECT article_id, name FROM article_regions WHERE role = 'subject'"
                " AND article_id = ANY(%s::bigint[]) ORDER BY article_id, rank", (list(article_ids),)):
            names = labels.setdefault(aid, [])
            if len(names) < most:
                names.append(name)
        return {aid: "、".join(names) for aid, names in labels.items()}

    # -- summaries ------------------------------------------------------------------
    @staticmethod
    def _id_filter(ids: set[int] | None, column: str) -> tuple[str, list]:
        if ids is None:
            return "", []
        return f" AND {column} = ANY(%s::bigint[])", [sorted(int(i) for i in ids)]

    @_reads
    def figure_rows(self, ids: set[int] | None = None) -> list[tuple]:
        """Every figure (of these articles) with its article's title, date and source."""
        where, params = self._id_filter(ids, "f.article_id")
        return self._conn.execute(
            FIGURE_ROWS + f" WHERE true{where} ORDER BY s.path, a.position, f.start, f.id", params).fetchall()

    @_reads
    def article_texts(self, ids: list[int]) -> dict[int, str]:
        return dict(self._conn.execute("SELECT id, text FROM articles WHERE id = ANY(%s::bigint[])",
                                       ([int(i) for i in ids],)).fetchall())

    @_reads
    def article_summary_rows(self, ids: set[int] | None = None) -> list[tuple]:
        """(id, title, date, source, regions, figure count) for articles in scope."""
        where, params = self._id_filter(ids, "a.id")
        rows = self._conn.execute(
            "SELECT a.id, a.title, a.date, s.name, (SELECT count(*) FROM figures f WHERE f.article_id = a.id)"
            " FROM articles a JOIN sources s ON s.id = a.source_id"
            f" WHERE true{where} ORDER BY s.path, a.position, a.id", params).fetchall()
        labels = self.region_labels([r[0] for r in rows], most=5) if len(rows) < 50000 else {}
        return [(aid, title, date, source, labels.get(aid, ""), n) for aid, title, date, source, n in rows]

    @_reads
    def subject_counts(self, ids: set[int] | None = None) -> dict[str, int]:
        """Region code -> number of articles (in scope) about it."""
        where, params = self._id_filter(ids, "article_id")
        return dict(self._conn.execute(
            "SELECT code, count(DISTINCT article_id) FROM article_regions WHERE role = 'subject'"
            f"{where} GROUP BY code", params).fetchall())

    @_reads
    def region_figure_article_ids(self, codes: list[str]) -> set[int]:
        if not codes:
            return set()
        return {r[0] for r in self._conn.execute(
            "SELECT DISTINCT article_id FROM figures WHERE region_code = ANY(%s::text[])", (list(codes),))}

    @_reads
    def region_article_ids(self, codes: list[str]) -> set[int]:
        """Articles whose subjects include any of these regions (a county's articles count for its city)."""
        if not codes:
            return set()
        return {r[0] for r in self._conn.execute(
            "SELECT DISTINCT article_id FROM article_regions WHERE role = 'subject' AND code = ANY(%s::text[])",
            (list(codes),))}

    @_reads
    def figures(self, article_id: int) -> list[Figure]:
        rows = self._conn.execute(
            'SELECT start, "end", text, value, value_high, unit, kind, approx, indicator, change, as_of,'
            " region, region_code, prefecture FROM figures WHERE article_id = %s ORDER BY start, id",
            (article_id,))
        return [Figure(s, e, t, v, vh, u, k, a, ind, None if ch is None else json.loads(ch), ao, r, rc, p)
                for s, e, t, v, vh, u, k, a, ind, ch, ao, r, rc, p in rows]

    # -- the region panel: counts and a region's latest figures, without loading every figure --
    @staticmethod
    def _code_filter(codes: list[str] | None) -> tuple[str, list]:
        if codes is None:
            return "", []
        return " AND f.region_code = ANY(%s::text[])", [list(codes)]

    @_reads
    def figure_counts_by_region(self) -> dict[str, int]:
        """Region code -> figures attributed to it (not to its counties)."""
        return dict(self._conn.execute("SELECT region_code, count(*) FROM figures GROUP BY region_code").fetchall())

    @_reads
    def latest_figures(self, codes: list[str] | None, limit: int) -> list[tuple]:
        """The last imported ``limit`` figures of these regions (all: None), as :meth:`figure_rows` gives them."""
        where, params = self._code_filter(codes)
        rows = self._conn.execute(
            FIGURE_ROWS + f" WHERE true{where} ORDER BY f.id DESC LIMIT {int(limit)}", params).fetchall()
        rows.reverse()
        return rows

    @_reads
    def indicator_counts(self, codes: list[str] | None, most: int) -> list[tuple[str, int]]:
        """The commonest indicators of these regions' figures, with how many figures each."""
        where, params = self._code_filter(codes)
        return self._conn.execute(
            f"SELECT f.indicator, count(*) AS n FROM figures f WHERE f.indicator <> ''{where}"
            f' GROUP BY f.indicator ORDER BY n DESC, f.indicator COLLATE "C" LIMIT {int(most)}', params).fetchall()

    @_reads
    def indicator_values(self, codes: list[str] | None, indicator: str) -> list[tuple[str, float, str]]:
        """(region, value, unit) of one indicator in these regions, oldest import first."""
        where, params = self._code_filter(codes)
        return self._conn.execute(
            f"SELECT f.region, f.value, f.unit FROM figures f WHERE f.indicator = %s{where} ORDER BY f.id",
            [indicator, *params]).fetchall()

    @_writes
    def remove_source(self, source_id: int) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM sources WHERE id = %s", (source_id,))  # articles and the rest cascade

    @_writes
    def rebuild_index(self) -> None:
        """Compute every article's matching form and grams again (after a change in folding)."""
        self._rebuild(only_if_stale=False)

    def _rebuild(self, only_if_stale: bool) -> None:
        with self._transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
            stored = conn.execute("SELECT value FROM meta WHERE key = 'index_version'").fetchone()
            if only_if_stale and stored is not None and stored[0] == INDEX_KEY:
                return  # another client has just done it
            ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
            for chunk in range(0, len(ids), 500):
                rows = conn.execute("SELECT id, title, text FROM articles WHERE id = ANY(%s::bigint[])",
                                    (ids[chunk:chunk + 500],)).fetchall()
                with conn.cursor() as cur:
                    cur.executemany(
                        "UPDATE articles SET title_folded = %s, text_folded = %s,"
                        " grams = %s::tsvector, oversized = %s WHERE id = %s",
                        [(*self._search_columns(title, text), aid) for aid, title, text in rows])
            self._put_meta("index_version", INDEX_KEY)

    @_reads
    def meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()
        return row[0] if row else None

    @_writes
    def set_meta(self, key: str, value: str) -> None:
        with self._transaction():
            self._put_meta(key, value)

    # -- copying between libraries (library_copy.py) --------------------------------
    @_reads
    def _source_records(self) -> list[tuple]:
        return self._conn.execute("SELECT id, path, name, sha256, size, encoding, imported_at FROM sources"
                                  " ORDER BY path").fetchall()

    @_reads
    def _source_record(self, head: tuple) -> SourceRecord:
        return read_source_record(self._conn.execute, "%s", head)

    def dump_sources(self):
        """Every source with all its articles, figures and regions, one at a time, in library order."""
        for head in self._source_records():
            yield self._source_record(head)

    @_writes
    def store_copied(self, record: SourceRecord, keep_ids: bool = False,
                     should_stop=None) -> tuple[int, int] | None:
        """Store a source read from another library, every column as it was, in one transaction.

        Returns ``(articles stored, duplicates skipped)``, or None when a source
        with this path is already here (nothing is changed). With ``keep_ids``
        the source and article ids are those of ``record`` (for an empty library).
        """
        try:
            with self._transaction() as conn:
                conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (PATH_LOCK_SPACE, _path_key(record.path)))
                if conn.execute("SELECT 1 FROM sources WHERE path = %s", (record.path,)).fetchone():
                    return None
                head = (record.path, record.name, record.sha256, record.size, record.encoding, record.imported_at)
                if keep_ids:
                    source_id = conn.execute(
                        "INSERT INTO sources(id, path, name, sha256, size, encoding, imported_at)"
                        " VALUES(%s, %s, %s, %s, %s, %s, %s) RETURNING id", (record.id, *head)).fetchone()[0]
                else:
                    source_id = conn.execute(
                        "INSERT INTO sources(path, name, sha256, size, encoding, imported_at)"
                        " VALUES(%s, %s, %s, %s, %s, %s) RETURNING id", head).fetchone()[0]
                insert = self._INSERT_ARTICLE.format(id_column=", id" if keep_ids else "",
                                                     id_value=", %s" if keep_ids else "")
                stored = duplicates = 0
                for a in record.articles:
                    if should_stop is not None and should_stop():
                        raise Cancelled()
                    row = (source_id, a.position, _pg_text(a.title), a.title_inferred, _pg_text(a.subtitle),
                           _pg_text(a.byline), _pg_text(a.section), _pg_text(a.publication), a.date,
                           _pg_text(a.text), _pg_text(a.captions), _pg_text(a.original), a.fingerprint,
                           a.analysis_version, *self._search_columns(a.title, a.text))
                    new = conn.execute(insert, row + ((a.id,) if keep_ids else ())).fetchone()
                    if new is None:
                        duplicates += 1
                        continue
                    self._insert_figure_rows(new[0], list(a.figures))
                    self._insert_region_rows(new[0], list(a.regions))
                    stored += 1
                if keep_ids:  # identities go on after the largest id copied
                    for table in ("sources", "articles"):
                        conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                                     f" (SELECT max(id) FROM {table}))")
                return stored, duplicates
        except psycopg.Error as exc:
            raise self._failure(exc, saving=True) from None

    # -- reading ---------------------------------------------------------------
    _ARTICLE_COLUMNS = ("a.id, a.source_id, s.name, a.position, a.title, a.text, a.subtitle, a.byline,"
                        " a.section, a.publication, a.date, a.captions, a.title_inferred, a.original")

    @staticmethod
    def _article(row) -> StoredArticle:
        (aid, sid, sname, pos, title, text, subtitle, byline, section, publication, date,
         captions, inferred, original) = row
        return StoredArticle(aid, sid, sname, pos, title, text, subtitle, byline, section,
                             publication, date, tuple(json.loads(captions)), bool(inferred), original)

    @_reads
    def article(self, article_id: int) -> StoredArticle | None:
        row = self._conn.execute(
            f"SELECT {self._ARTICLE_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id"
            " WHERE a.id = %s", (article_id,)).fetchone()
        return None if row is None else self._article(row)

    @_reads
    def articles(self, query: SearchQuery | None = None) -> list[StoredArticle]:
        """Articles in library order (source, then page position), filtered."""
        query = query or SearchQuery(limit=None)
        where, params = self._filters(query)
        sql = (f"SELECT {self._ARTICLE_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id"
               f"{where} ORDER BY s.path, a.position, a.id{self._page(query)}")
        return [self._article(r) for r in self._conn.execute(sql, params)]

    @_reads
    def sources(self) -> list[SourceInfo]:
        rows = self._conn.execute(
            "SELECT s.id, s.path, s.name, s.encoding, s.size, s.imported_at,"
            " (SELECT count(*) FROM articles a WHERE a.source_id = s.id) FROM sources s ORDER BY s.path")
        return [SourceInfo(*r) for r in rows]

    @_reads
    def article_count(self) -> int:
        return self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    @_reads
    def stats(self) -> dict:
        sources, articles, characters, figures, regions, size = self._conn.execute(
            "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM articles),"
            " (SELECT coalesce(sum(char_length(text)), 0) FROM articles), (SELECT count(*) FROM figures),"
            " (SELECT count(DISTINCT code) FROM article_regions WHERE role = 'subject'),"
            " pg_database_size(current_database())").fetchone()
        return {"path": str(self.path), "sources": sources, "articles": articles, "characters": int(characters),
                "figures": figures, "regions": regions, "schema_version": SCHEMA_VERSION, "file_bytes": size}

    @staticmethod
    def _page(query: SearchQuery) -> str:
        if query.limit is None:
            return ""
        return f" LIMIT {int(query.limit)} OFFSET {int(query.offset)}"

    @staticmethod
    def _conditions(query: SearchQuery) -> tuple[list[str], list]:
        clauses, params = [], []
        if query.sources:
            clauses.append("a.source_id = ANY(%s::bigint[])")
            params.append([int(s) for s in query.sources])
        if query.date_from:
            clauses.append("a.date >= %s")
            params.append(query.date_from)
        if query.date_to:
            clauses.append("a.date <= %s")
            params.append(query.date_to)
        if query.article_ids is not None:
            clauses.append("a.id = ANY(%s::bigint[])")
            params.append([int(i) for i in query.article_ids])
        return clauses, params

    def _filters(self, query: SearchQuery) -> tuple[str, list]:
        clauses, params = self._conditions(query)
        return ((" WHERE " + " AND ".join(clauses)) if clauses else ""), params

    @staticmethod
    def _match(parsed: ParsedQuery, oversized: bool) -> tuple[list[str], list]:
        """Conditions true exactly for the articles the query finds.

        The GIN index answers for terms of one or two characters; longer terms
        (and every term of an oversized article) are checked with strpos.
        """
        contains = "(strpos(a.title_folded, %s) > 0 OR strpos(a.text_folded, %s) > 0)"
        every, every_params, checks, check_params = [], [], [], []
        for group, negated in [(g, False) for g in parsed.required] + [((t,), True) for t in parsed.excluded]:
            sql = ("NOT " if negated else "") + "(" + " OR ".join([contains] * len(group)) + ")"
            params = [t for term in group for t in (term, term)]
            every.append(sql)
            every_params += params
            if not all(exact_by_grams(t) for t in group):
                checks.append(sql)
                check_params += params
        tsquery = match_tsquery(parsed.required, parsed.excluded, oversized)
        if not oversized:  # the grams alone, and strpos only for longer terms
            return ["a.grams @@ %s::tsquery", *checks], [tsquery, *check_params]
        clauses = ["a.grams @@ %s::tsquery", f"(NOT a.oversized OR ({' AND '.join(every)}))", *checks]
        return clauses, [tsquery, *every_params, *check_params]

    def _where(self, query: SearchQuery, parsed: ParsedQuery) -> tuple[str, list]:
        oversized = self._conn.execute("SELECT EXISTS(SELECT 1 FROM articles WHERE oversized)").fetchone()[0]
        match, match_params = self._match(parsed, oversized)
        filters, filter_params = self._conditions(query)
        return " WHERE " + " AND ".join(match + filters), match_params + filter_params

    @staticmethod
    def _score(parsed: ParsedQuery) -> tuple[str, list]:
        """(score, parameters): how often the title holds each term; newest first among equals.

        Only titles are scored: a text is read once, to confirm a long term, and scoring it
        would read it again for every match.
        """
        parts, params = [], []
        for term in dict.fromkeys(parsed.terms):
            parts.append("(char_length(a.title_folded) - char_length(replace(a.title_folded, %s, '')))::float8 / %s")
            params.extend((term, len(term)))
        return " + ".join(parts), params

    def _dense(self, total: int) -> bool:
        """True when a tenth of the library or more matches: walking the ids finds a page at once."""
        estimate = self._conn.execute("SELECT reltuples FROM pg_class WHERE oid = 'articles'::regclass").fetchone()[0]
        return total > NEWEST_FROM and (estimate <= 0 or total * 10 >= estimate)

    @_reads
    def search(self, query: SearchQuery, offsets: bool = False) -> SearchResult:
        """Articles whose title or text contains the query, best first, with snippets.

        Only the shown hits are read whole. Only the snippet's hits are found
        unless ``offsets`` asks for every hit offset in each text.
        """
        if not query.text.strip():
            articles = self.articles(query)
            hits = tuple(SearchHit(a.id, a.title, a.source_name, a.date, 0.0,
                                   make_snippet(a.text, [])) for a in articles)
            return SearchResult(query, self._count(query), hits)
        parsed = parse_query(query.text)
        details = {}
        with self._search_snapshot() as conn:
            where, params = self._where(query, parsed)
            score, score_params = self._score(parsed)
            ranking = (f"SELECT a.id, {score} AS score, count(*) OVER () FROM articles a{where}"
                       f" ORDER BY score DESC, a.id DESC{self._page(query)}")
            if all(exact_by_grams(t) for t in parsed.terms + parsed.excluded):
                # The index alone counts short terms; a common one is then listed newest first,
                # walking the id index and stopping at the page.
                total = conn.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0]
                if self._dense(total):
                    conn.execute("SET LOCAL enable_bitmapscan = off")
                    ranked = conn.execute(f"SELECT a.id, 0.0 FROM articles a{where} ORDER BY a.id DESC"
                                          f"{self._page(query)}", params).fetchall()
                    conn.execute("SET LOCAL enable_bitmapscan = on")
                else:
                    ranked = [(aid, sc) for aid, sc, _n in conn.execute(ranking, score_params + params)]
            else:
                # A longer term is confirmed in each candidate's text: once, counting as it ranks.
                rows = conn.execute(ranking, score_params + params).fetchall()
                ranked = [(aid, sc) for aid, sc, _n in rows]
                total = rows[0][2] if rows else conn.execute(
                    f"SELECT count(*) FROM articles a{where}", params).fetchone()[0]
            if ranked:
                for row in conn.execute(
                        "SELECT a.id, a.title, s.name, a.date, a.text FROM articles a JOIN sources s"
                        " ON s.id = a.source_id WHERE a.id = ANY(%s::bigint[])", ([r[0] for r in ranked],)):
                    details[row[0]] = row
        hits = tuple(search_hit(details[aid], score, parsed, offsets) for aid, score in ranked if aid in details)
        return SearchResult(query, total, hits)

    @_reads
    def rows(self, query: SearchQuery) -> tuple[int, list[ArticleRow]]:
        """What a list of articles shows: ``(total, rows)``, best first for a text query."""
        counts_sql = "(SELECT count(*) FROM figures f WHERE f.article_id = a.id)"
        if query.text.strip():
            result = self.search(query)
            ids = [h.article_id for h in result.hits]
            counts = dict(self._conn.execute(f"SELECT a.id, {counts_sql} FROM articles a"
                                             " WHERE a.id = ANY(%s::bigint[])", (ids,)).fetchall()) if ids else {}
            return result.total, [ArticleRow(h.article_id, h.title, h.date, h.source_name,
                                             counts.get(h.article_id, 0), h.score, h.snippet)
                                  for h in result.hits]
        where, params = self._filters(query)
        sql = (f"SELECT a.id, a.title, a.date, s.name, {counts_sql} FROM articles a"
               f" JOIN sources s ON s.id = a.source_id{where} ORDER BY s.path, a.position, a.id{self._page(query)}")
        rows = [ArticleRow(aid, title, date, source, n) for aid, title, date, source, n
                in self._conn.execute(sql, params)]
        return self._count(query), rows

    @_reads
    def search_ids(self, query: SearchQuery) -> set[int]:
        """Every matching article id, unranked and without snippets (for filters)."""
        if not query.text.strip():
            where, params = self._filters(query)
            return {r[0] for r in self._conn.execute(f"SELECT a.id FROM articles a{where}", params)}
        with self._search_snapshot() as conn:
            where, params = self._where(query, parse_query(query.text))
            return {r[0] for r in conn.execute(f"SELECT a.id FROM articles a{where}", params)}

    def _count(self, query: SearchQuery) -> int:
        where, params = self._filters(query)
        return self._conn.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0]
