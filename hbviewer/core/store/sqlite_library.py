"""The article library: one SQLite file, versioned, searchable.

It keeps the contract in ``contract.py``; callers open it through
``locations.open_library`` and never name this class.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import zlib
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from ..extract.figures import Figure
from ..model import Article, FIGURE_FIELDS, REGION_FIELDS, SourceInfo, SourceRecord, StoredArticle
from .search import (
    INDEX_VERSION, ArticleRow, ParsedQuery, QueryError, SearchHit, SearchQuery, SearchResult,
    folded_index_tokens, index_tokens, make_snippet, parse_query, search_hit, term_expression,
)
from ..text.textnorm import fold_together
from .contract import WriteGroup
from .records import FIGURE_ROWS, fingerprint, now as _now, read_source_record
from .errors import Cancelled, LibraryError

SCHEMA_VERSION = 3
BM25_MOST = 1500  # matches scored by bm25 in one search; past that, a cheaper order (see SqliteLibrary._ranked)
_FIGURE_COLUMNS = ", ".join(f'"{c}"' for c in FIGURE_FIELDS)  # "end" is a keyword


def _write_failure(exc: sqlite3.Error, path: Path) -> LibraryError:
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


def _run_script(db: sqlite3.Connection, script: str) -> None:
    # executescript() would commit the surrounding transaction: run statement by statement.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _migrate_1(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        -- the index is contentless: articles holds the text, the index only tokens
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE sources(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            encoding TEXT NOT NULL,
            imported_at TEXT NOT NULL
        );
        CREATE TABLE articles(
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            title_inferred INTEGER NOT NULL DEFAULT 0,
            subtitle TEXT NOT NULL DEFAULT '',
            byline TEXT NOT NULL DEFAULT '',
            section TEXT NOT NULL DEFAULT '',
            publication TEXT NOT NULL DEFAULT '',
            date TEXT,
            text TEXT NOT NULL,
            captions TEXT NOT NULL DEFAULT '[]',
            original TEXT NOT NULL DEFAULT '',
            fingerprint TEXT NOT NULL UNIQUE
        );
        CREATE INDEX articles_source ON articles(source_id, position);
        CREATE INDEX articles_date ON articles(date);
        CREATE VIRTUAL TABLE article_index USING fts5(
            title, body, content='', tokenize='ascii', prefix='8', columnsize=1
        );
        """
    )


def _migrate_2(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE figures(
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            value REAL NOT NULL,
            value_high REAL,
            unit TEXT NOT NULL,
            kind TEXT NOT NULL,
            approx TEXT,
            indicator TEXT NOT NULL DEFAULT '',
            change TEXT,
            as_of TEXT,
            region TEXT NOT NULL DEFAULT '',
            region_code TEXT NOT NULL DEFAULT '',
            prefecture TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX figures_article ON figures(article_id, start);
        CREATE INDEX figures_region ON figures(region_code);
        -- articles whose figures were extracted by an older extractor are re-extracted
        ALTER TABLE articles ADD COLUMN figures_version INTEGER NOT NULL DEFAULT 0
        """,
    )


def _migrate_3(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE article_regions(
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            role TEXT NOT NULL,           -- subject | mentioned
            rank INTEGER NOT NULL,
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            level TEXT NOT NULL,
            prefecture TEXT NOT NULL DEFAULT '',
            prefecture_code TEXT NOT NULL DEFAULT '',
            province_code TEXT NOT NULL DEFAULT '',
            score REAL NOT NULL DEFAULT 0
        );
        CREATE INDEX article_regions_article ON article_regions(article_id, role, rank);
        CREATE INDEX article_regions_code ON article_regions(code, role);
        -- figures and regions are analysed together now: one version for both
        ALTER TABLE articles RENAME COLUMN figures_version TO analysis_version
        """,
    )


MIGRATIONS = {1: _migrate_1, 2: _migrate_2, 3: _migrate_3}  # version reached -> function that reaches it


def _pack(original: str) -> bytes:
    """The page text an article came from, compressed: it is read rarely and would double the file."""
    return zlib.compress(original.encode("utf-8"), 6)


def _unpack(stored) -> str:
    return zlib.decompress(stored).decode("utf-8") if isinstance(stored, bytes) else stored


class SqliteLibrary:
    """An open library file. Safe to use from one thread at a time per instance."""

    def __init__(self, db: sqlite3.Connection, path: Path):
        self._db = db
        self.path = path
        self.read_only = False
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
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        stored = db.execute("SELECT value FROM meta WHERE key='index_version'").fetchone()
        if stored is None or int(stored[0]) != INDEX_VERSION:
            self.rebuild_index()

    def close(self) -> None:
        with self._lock:
            self._db.close()

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
                raise _write_failure(exc, self.path) from None
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as exc:
                if self._db.in_transaction:  # SQLite has already rolled back after some errors
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError):
                    raise _write_failure(exc, self.path) from None
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
            self._lose_group(group, _write_failure(exc, self.path))
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
                raise _write_failure(exc, self.path) from None
            group.began = time.monotonic()
        try:
            yield db
        except BaseException as exc:
            failure = _write_failure(exc, self.path) if isinstance(exc, sqlite3.OperationalError) else None
            self._lose_group(group, failure or LibraryError(f"The library could not save this file ({exc})."))
            if failure is not None:
                raise failure from None
            raise
        if source:
            group.uncommitted.append(source)
        if time.monotonic() - group.began >= group.seconds:
            self._commit_group(group)

    # -- writing ---------------------------------------------------------------
    def source_by_path(self, path: str) -> SourceInfo | None:
        row = self._db.execute(
            "SELECT s.id, s.path, s.name, s.encoding, s.size, s.imported_at, s.sha256,"
            " (SELECT count(*) FROM articles a WHERE a.source_id = s.id)"
            " FROM sources s WHERE path = ?", (path,)).fetchone()
        return None if row is None else SourceInfo(*row[:6], article_count=row[7])

    def source_sha256(self, path: str) -> str | None:
        row = self._db.execute("SELECT sha256 FROM sources WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def store_file(self, path: str, name: str, sha256: str, size: int, encoding: str,
                   articles: list[Article], should_stop=None, analyses: list | None = None,
                   analysis_version: int = 0) -> tuple[int, list[str], bool]:
        """Store one file's articles (and their analysis: figures, regions) in one transaction.

        An earlier version of the file is replaced. Returns ``(stored,
        duplicate_titles, replaced)``. ``should_stop`` is checked between
        articles; when it answers True nothing of this file is kept.
        """
        with self._transaction(path) as db:
            old = db.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()
            replaced = old is not None
            if replaced:
                self._delete_source_articles(old[0])
                db.execute("UPDATE sources SET name=?, sha256=?, size=?, encoding=?, imported_at=?"
                           " WHERE id=?", (name, sha256, size, encoding, _now(), old[0]))
                source_id = old[0]
            else:
                source_id = db.execute(
                    "INSERT INTO sources(path, name, sha256, size, encoding, imported_at)"
                    " VALUES(?,?,?,?,?,?)", (path, name, sha256, size, encoding, _now())).lastrowid
            stored, duplicates = 0, []
            for i, article in enumerate(articles):
                if should_stop is not None and should_stop():
                    raise Cancelled()
                folded = fold_together(article.title, article.text)
                fp = fingerprint(article, folded)
                if db.execute("SELECT 1 FROM articles WHERE fingerprint=?", (fp,)).fetchone():
                    duplicates.append(article.title)
                    continue
                article_id = db.execute(
                    "INSERT INTO articles(source_id, position, title, title_inferred, subtitle,"
                    " byline, section, publication, date, text, captions, original, fingerprint,"
                    " analysis_version) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (source_id, article.position, article.title, int(article.title_inferred),
                     article.subtitle, article.byline, article.section, article.publication,
                     article.date, article.text, json.dumps(list(article.captions), ensure_ascii=False),
                     _pack(article.original), fp, analysis_version if analyses is not None else 0)).lastrowid
                if analyses is not None:
                    self._insert_analysis(article_id, analyses[i])
                db.execute("INSERT INTO article_index(rowid, title, body) VALUES(?,?,?)",
                           (article_id, *map(folded_index_tokens, folded)))
                stored += 1
            return stored, duplicates, replaced

    def _insert_figures(self, article_id: int, figures: list[Figure]) -> None:
        self._db.executemany(
            'INSERT INTO figures(article_id, start, "end", text, value, value_high, unit, kind, approx,'
            " indicator, change, as_of, region, region_code, prefecture)"
            " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(article_id, f.start, f.end, f.text, f.value, f.value_high, f.unit, f.kind, f.approx,
              f.indicator, None if f.change is None else json.dumps(f.change, ensure_ascii=False),
              f.as_of, f.region, f.region_code, f.prefecture) for f in figures])

    def _insert_analysis(self, article_id: int, analysis) -> None:
        self._insert_figures(article_id, analysis.figures)
        rows = [(article_id, "subject", rank, r.code, r.name, r.level, r.prefecture or "",
                 r.prefecture_code or "", r.province_code, score)
                for rank, (r, score) in enumerate(analysis.subjects)]
        rows += [(article_id, "mentioned", rank, r.code, r.name, r.level, r.prefecture or "",
                  r.prefecture_code or "", r.province_code, 0.0)
                 for rank, r in enumerate(analysis.mentioned)]
        self._db.executemany("INSERT INTO article_regions VALUES(?,?,?,?,?,?,?,?,?,?)", rows)

    def replace_analysis(self, updates: list, version: int) -> None:
        """Store a fresh analysis (figures, regions) for articles, in one transaction."""
        with self._transaction() as db:
            for article_id, analysis in updates:
                db.execute("DELETE FROM figures WHERE article_id=?", (article_id,))
                db.execute("DELETE FROM article_regions WHERE article_id=?", (article_id,))
                self._insert_analysis(article_id, analysis)
                db.execute("UPDATE articles SET analysis_version=? WHERE id=?", (version, article_id))

    def stale_analysis_articles(self, version: int, limit: int | None = None) -> list[int]:
        """Articles analysed by another version (or not yet)."""
        sql = "SELECT id FROM articles WHERE analysis_version != ? ORDER BY id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in self._db.execute(sql, (version,))]

    def article_regions(self, article_id: int, role: str = "subject") -> list[dict]:
        rows = self._db.execute(
            "SELECT code, name, level, prefecture, prefecture_code, province_code, score FROM article_regions"
            " WHERE article_id=? AND role=? ORDER BY rank", (article_id, role))
        return [{"code": c, "name": n, "level": lv, "prefecture": p, "prefecture_code": pc,
                 "province_code": prov, "score": sc} for c, n, lv, p, pc, prov, sc in rows]

    def region_labels(self, article_ids: list[int], most: int = 3) -> dict[int, str]:
        """'万全区, 张家口市' for each article: its first subject regions, for lists."""
        if not article_ids:
            return {}
        labels: dict[int, list[str]] = {}
        marks = ",".join("?" * len(article_ids))
        for aid, name in self._db.execute(
                f"SELECT article_id, name FROM article_regions WHERE role='subject'"
                f" AND article_id IN ({marks}) ORDER BY article_id, rank", article_ids):
            names = labels.setdefault(aid, [])
            if len(names) < most:
                names.append(name)
        return {aid: "、".join(names) for aid, names in labels.items()}

    # -- summaries ------------------------------------------------------------------
    def _id_filter(self, ids: set[int] | None, column: str) -> str:
        if ids is None:
            return ""
        return f" AND {column} IN ({','.join(str(int(i)) for i in ids) or 'NULL'})"

    def figure_rows(self, ids: set[int] | None = None) -> list[tuple]:
        """Every figure (of these articles) with its article's title, date and source."""
        return self._db.execute(
            FIGURE_ROWS + f" WHERE 1{self._id_filter(ids, 'f.article_id')}"
            " ORDER BY s.path, a.position, f.start").fetchall()

    # -- the region panel: counts and a region's latest figures, without loading every figure --
    @staticmethod
    def _code_filter(codes: list[str] | None) -> tuple[str, list]:
        if codes is None:
            return "", []
        return f" AND f.region_code IN ({','.join('?' * len(codes)) or 'NULL'})", list(codes)

    def figure_counts_by_region(self) -> dict[str, int]:
        """Region code -> figures attributed to it (not to its counties)."""
        return dict(self._db.execute("SELECT region_code, count(*) FROM figures GROUP BY region_code").fetchall())

    def latest_figures(self, codes: list[str] | None, limit: int) -> list[tuple]:
        """The last imported ``limit`` figures of these regions (all: None), as :meth:`figure_rows` gives them."""
        where, params = self._code_filter(codes)
        rows = self._db.execute(
            FIGURE_ROWS + f" WHERE 1{where} ORDER BY f.id DESC LIMIT {int(limit)}", params).fetchall()
        rows.reverse()
        return rows

    def indicator_counts(self, codes: list[str] | None, most: int) -> list[tuple[str, int]]:
        """The commonest indicators of these regions' figures, with how many figures each."""
        where, params = self._code_filter(codes)
        return self._db.execute(
            f"SELECT f.indicator, count(*) AS n FROM figures f WHERE f.indicator != ''{where}"
            f" GROUP BY f.indicator ORDER BY n DESC, f.indicator LIMIT {int(most)}", params).fetchall()

    def indicator_values(self, codes: list[str] | None, indicator: str) -> list[tuple[str, float, str]]:
        """(region, value, unit) of one indicator in these regions, oldest import first."""
        where, params = self._code_filter(codes)
        return self._db.execute(
            f"SELECT f.region, f.value, f.unit FROM figures f WHERE f.indicator = ?{where} ORDER BY f.id",
            [indicator, *params]).fetchall()

    def article_texts(self, ids: list[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for chunk in range(0, len(ids), 900):  # SQLite's limit on bound parameters
            part = ids[chunk:chunk + 900]
            out.update(self._db.execute(
                f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(part))})", part).fetchall())
        return out

    def article_summary_rows(self, ids: set[int] | None = None) -> list[tuple]:
        """(id, title, date, source, regions, figure count) for articles in scope."""
        rows = self._db.execute(
            "SELECT a.id, a.title, a.date, s.name, (SELECT count(*) FROM figures f WHERE f.article_id = a.id)"
            " FROM articles a JOIN sources s ON s.id = a.source_id"
            f" WHERE 1{self._id_filter(ids, 'a.id')} ORDER BY s.path, a.position").fetchall()
        labels = self.region_labels([r[0] for r in rows], most=5) if len(rows) < 50000 else {}
        return [(aid, title, date, source, labels.get(aid, ""), n) for aid, title, date, source, n in rows]

    def subject_counts(self, ids: set[int] | None = None) -> dict[str, int]:
        """Region code -> number of articles (in scope) about it."""
        return dict(self._db.execute(
            "SELECT code, count(DISTINCT article_id) FROM article_regions WHERE role='subject'"
            f"{self._id_filter(ids, 'article_id')} GROUP BY code").fetchall())

    def region_figure_article_ids(self, codes: list[str]) -> set[int]:
        if not codes:
            return set()
        marks = ",".join("?" * len(codes))
        return {r[0] for r in self._db.execute(
            f"SELECT DISTINCT article_id FROM figures WHERE region_code IN ({marks})", codes)}

    def region_article_ids(self, codes: list[str]) -> set[int]:
        """Articles whose subjects include any of these regions (a county's articles count for its city)."""
        if not codes:
            return set()
        marks = ",".join("?" * len(codes))
        return {r[0] for r in self._db.execute(
            f"SELECT DISTINCT article_id FROM article_regions WHERE role='subject' AND code IN ({marks})", codes)}

    def figures(self, article_id: int) -> list[Figure]:
        rows = self._db.execute(
            'SELECT start, "end", text, value, value_high, unit, kind, approx, indicator, change, as_of,'
            " region, region_code, prefecture FROM figures WHERE article_id=? ORDER BY start", (article_id,))
        return [Figure(s, e, t, v, vh, u, k, a, ind, None if ch is None else json.loads(ch), ao, r, rc, p)
                for s, e, t, v, vh, u, k, a, ind, ch, ao, r, rc, p in rows]

    def _delete_source_articles(self, source_id: int) -> None:
        rows = self._db.execute("SELECT id, title, text FROM articles WHERE source_id=?",
                                (source_id,)).fetchall()
        for article_id, title, text in rows:
            # A contentless index forgets a row only when told the tokens it held.
            self._db.execute(
                "INSERT INTO article_index(article_index, rowid, title, body) VALUES('delete',?,?,?)",
                (article_id, index_tokens(title), index_tokens(text)))
        self._db.execute("DELETE FROM articles WHERE source_id=?", (source_id,))

    def remove_source(self, source_id: int) -> None:
        with self._transaction() as db:
            self._delete_source_articles(source_id)
            db.execute("DELETE FROM sources WHERE id=?", (source_id,))

    def rebuild_index(self) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO article_index(article_index) VALUES('delete-all')")
            for article_id, title, text in db.execute("SELECT id, title, text FROM articles").fetchall():
                db.execute("INSERT INTO article_index(rowid, title, body) VALUES(?,?,?)",
                           (article_id, index_tokens(title), index_tokens(text)))
            db.execute("INSERT OR REPLACE INTO meta VALUES('index_version', ?)", (str(INDEX_VERSION),))

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES(?, ?)", (key, value))

    # -- copying between libraries (library_copy.py) --------------------------------
    def dump_sources(self):
        """Every source with all its articles, figures and regions, one at a time, in library order."""
        with self._lock:
            heads = self._db.execute("SELECT id, path, name, sha256, size, encoding, imported_at FROM sources"
                                     " ORDER BY path").fetchall()
        for head in heads:
            with self._lock:
                record = self._source_record(head)
            yield record

    def _source_record(self, head: tuple) -> SourceRecord:
        return read_source_record(self._db.execute, "?", head, _unpack)

    def store_copied(self, record: SourceRecord, keep_ids: bool = False,
                     should_stop=None) -> tuple[int, int] | None:
        """Store a source read from another library, every column as it was, in one transaction.

        Returns ``(articles stored, duplicates skipped)``, or None when a source
        with this path is already here (nothing is changed). With ``keep_ids``
        the source and article ids are those of ``record`` (for an empty library).
        """
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM sources WHERE path = ?", (record.path,)).fetchone():
                return None
            source_id = db.execute(
                "INSERT INTO sources(id, path, name, sha256, size, encoding, imported_at) VALUES(?,?,?,?,?,?,?)",
                (record.id if keep_ids else None, record.path, record.name, record.sha256, record.size,
                 record.encoding, record.imported_at)).lastrowid
            stored = duplicates = 0
            for a in record.articles:
                if should_stop is not None and should_stop():
                    raise Cancelled()
                if db.execute("SELECT 1 FROM articles WHERE fingerprint=?", (a.fingerprint,)).fetchone():
                    duplicates += 1
                    continue
                article_id = db.execute(
                    "INSERT INTO articles(id, source_id, position, title, title_inferred, subtitle, byline,"
                    " section, publication, date, text, captions, original, fingerprint, analysis_version)"
                    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (a.id if keep_ids else None, source_id, a.position, a.title, int(a.title_inferred),
                     a.subtitle, a.byline, a.section, a.publication, a.date, a.text, a.captions,
                     _pack(a.original), a.fingerprint, a.analysis_version)).lastrowid
                db.executemany(f"INSERT INTO figures(article_id, {_FIGURE_COLUMNS})"
                               f" VALUES(?{',?' * len(FIGURE_FIELDS)})", [(article_id, *row) for row in a.figures])
                db.executemany(f"INSERT INTO article_regions(article_id, {', '.join(REGION_FIELDS)})"
                               f" VALUES(?{',?' * len(REGION_FIELDS)})", [(article_id, *row) for row in a.regions])
                db.execute("INSERT INTO article_index(rowid, title, body) VALUES(?,?,?)",
                           (article_id, index_tokens(a.title), index_tokens(a.text)))
                stored += 1
            return stored, duplicates

    # -- reading ---------------------------------------------------------------
    _ARTICLE_COLUMNS = ("a.id, a.source_id, s.name, a.position, a.title, a.text, a.subtitle, a.byline,"
                        " a.section, a.publication, a.date, a.captions, a.title_inferred, a.original")

    def _article(self, row) -> StoredArticle:
        (aid, sid, sname, pos, title, text, subtitle, byline, section, publication, date,
         captions, inferred, original) = row
        return StoredArticle(aid, sid, sname, pos, title, text, subtitle, byline, section,
                             publication, date, tuple(json.loads(captions)), bool(inferred), _unpack(original))

    def article(self, article_id: int) -> StoredArticle | None:
        row = self._db.execute(
            f"SELECT {self._ARTICLE_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id"
            " WHERE a.id = ?", (article_id,)).fetchone()
        return None if row is None else self._article(row)

    def articles(self, query: SearchQuery | None = None) -> list[StoredArticle]:
        """Articles in library order (source, then page position), filtered."""
        query = query or SearchQuery(limit=None)
        where, params = self._filters(query)
        sql = (f"SELECT {self._ARTICLE_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id"
               f"{where} ORDER BY s.path, a.position")
        if query.limit is not None:
            sql += f" LIMIT {int(query.limit)} OFFSET {int(query.offset)}"
        return [self._article(r) for r in self._db.execute(sql, params)]

    def sources(self) -> list[SourceInfo]:
        rows = self._db.execute(
            "SELECT s.id, s.path, s.name, s.encoding, s.size, s.imported_at,"
            " (SELECT count(*) FROM articles a WHERE a.source_id = s.id) FROM sources s ORDER BY s.path")
        return [SourceInfo(*r) for r in rows]

    def article_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

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

    @staticmethod
    def _filters(query: SearchQuery) -> tuple[str, list]:
        clauses, params = [], []
        if query.sources:
            clauses.append(f"a.source_id IN ({','.join('?' * len(query.sources))})")
            params.extend(query.sources)
        if query.date_from:
            clauses.append("a.date >= ?")
            params.append(query.date_from)
        if query.date_to:
            clauses.append("a.date <= ?")
            params.append(query.date_to)
        if query.article_ids is not None:
            ids = ",".join(str(int(i)) for i in query.article_ids) or "NULL"
            clauses.append(f"a.id IN ({ids})")
        return ((" WHERE " + " AND ".join(clauses)) if clauses else ""), params

    def search(self, query: SearchQuery, offsets: bool = False) -> SearchResult:
        """Articles whose title or text contains the query, best first, with snippets.

        The ranking runs on the index alone and only the shown hits are read
        from the articles table. Only the snippet's hits are found unless
        ``offsets`` asks for every hit offset in each text (a list needs no
        more; the article view finds its own).
        """
        if not query.text.strip():
            articles = self.articles(query)
            hits = tuple(SearchHit(a.id, a.title, a.source_name, a.date, 0.0,
                                   make_snippet(a.text, [])) for a in articles)
            total = self._count(query)
            return SearchResult(query, total, hits)
        parsed = parse_query(query.text)
        restrict, params = self._restriction(query)
        try:
            total = self._match_count(parsed.fts_expression(), restrict, params)
            ranked = self._ranked(parsed, restrict, params, total, query.limit, query.offset)
        except sqlite3.OperationalError as exc:  # should not happen: expressions are generated
            raise QueryError(f"The search could not be run ({exc}).") from None
        details = {}
        ids = [r[0] for r in ranked]
        for chunk in range(0, len(ids), 900):
            part = ids[chunk:chunk + 900]
            for row in self._db.execute(
                    "SELECT a.id, a.title, s.name, a.date, a.text FROM articles a JOIN sources s"
                    f" ON s.id = a.source_id WHERE a.id IN ({','.join('?' * len(part))})", part):
                details[row[0]] = row
        hits = tuple(search_hit(details[aid], score, parsed, offsets) for aid, score in ranked if aid in details)
        return SearchResult(query, total, hits)

    def _match_count(self, expression: str, restrict: str, params: list) -> int:
        return self._db.execute(f"SELECT count(*) FROM article_index WHERE article_index MATCH ?{restrict}",
                                [expression, *params]).fetchone()[0]

    def _ranked(self, parsed: ParsedQuery, restrict: str, params: list, total: int, limit: int | None,
                offset: int) -> list[tuple[int, float]]:
        """(article id, score) of one page of matches, best first.

        bm25 scores every match, which costs about a microsecond each: past
        ``BM25_MOST`` matches (a single common character in a large library)
        titles that hold a term come first, then the rest, each part scored
        if it is small enough and otherwise newest first.
        """
        expression = parsed.fts_expression()
        if total <= BM25_MOST:
            return self._ranked_part(expression, True, restrict, params, limit, offset)
        in_title = f"title : ({' OR '.join(term_expression(t) for t in parsed.terms)})"
        # With one group of terms and none left out, a title holding a term is a match by itself:
        # matching the title alone spares FTS5 the body's phrase positions (3x faster for 技术创新).
        simple = len(parsed.required) == 1 and not parsed.excluded
        parts = [in_title if simple else f"({expression}) AND ({in_title})", f"({expression}) NOT ({in_title})"]
        first = self._match_count(parts[0], restrict, params)
        out: list[tuple[int, float]] = []
        for part, size in ((parts[0], first), (parts[1], total - first)):
            if offset >= size:
                offset -= size
                continue
            want = None if limit is None else limit - len(out)
            if want is not None and want <= 0:
                break
            out += self._ranked_part(part, size <= BM25_MOST, restrict, params, want, offset)
            offset = 0
        return out

    def _ranked_part(self, expression: str, scored: bool, restrict: str, params: list, limit: int | None,
                     offset: int) -> list[tuple[int, float]]:
        order = "-bm25(article_index, 4.0, 1.0)" if scored else "0.0"
        sql = (f"SELECT rowid, {order} AS score FROM article_index WHERE article_index MATCH ?{restrict}"
               f" ORDER BY {'score DESC, rowid' if scored else 'rowid DESC'}"
               f" LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}")
        return self._db.execute(sql, [expression, *params]).fetchall()

    def _restriction(self, query: SearchQuery) -> tuple[str, list]:
        """Filters as a condition on the index rowid (nothing when there are none)."""
        where, params = self._filters(query)
        if not where:
            return "", []
        return f" AND rowid IN (SELECT a.id FROM articles a{where})", params

    def rows(self, query: SearchQuery) -> tuple[int, list[ArticleRow]]:
        """What a list of articles shows: ``(total, rows)``, best first for a text query.

        Only light columns are read without a text query, so listing a large
        library stays quick.
        """
        counts_sql = "(SELECT count(*) FROM figures f WHERE f.article_id = a.id)"
        if query.text.strip():
            result = self.search(query)
            ids = [h.article_id for h in result.hits]
            counts = dict(self._db.execute(
                f"SELECT a.id, {counts_sql} FROM articles a WHERE a.id IN ({','.join('?' * len(ids))})",
                ids).fetchall()) if ids else {}
            return result.total, [ArticleRow(h.article_id, h.title, h.date, h.source_name,
                                             counts.get(h.article_id, 0), h.score, h.snippet)
                                  for h in result.hits]
        where, params = self._filters(query)
        sql = (f"SELECT a.id, a.title, a.date, s.name, {counts_sql} FROM articles a"
               f" JOIN sources s ON s.id = a.source_id{where} ORDER BY s.path, a.position")
        if query.limit is not None:
            sql += f" LIMIT {int(query.limit)} OFFSET {int(query.offset)}"
        rows = [ArticleRow(aid, title, date, source, n) for aid, title, date, source, n
                in self._db.execute(sql, params)]
        return self._count(query), rows

    def search_ids(self, query: SearchQuery) -> set[int]:
        """Every matching article id, unranked and without snippets (for filters)."""
        if not query.text.strip():
            where, params = self._filters(query)
            return {r[0] for r in self._db.execute(f"SELECT a.id FROM articles a{where}", params)}
        restrict, params = self._restriction(query)
        return {r[0] for r in self._db.execute(
            f"SELECT rowid FROM article_index WHERE article_index MATCH ?{restrict}",
            [parse_query(query.text).fts_expression(), *params])}

    def _count(self, query: SearchQuery) -> int:
        where, params = self._filters(query)
        return self._db.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0]
