"""Storing in the SQLite library: a file's articles with their analysis and index rows, all or nothing."""

from __future__ import annotations

import json
import sqlite3
import zlib

from ...model import FIGURE_FIELDS, REGION_FIELDS, Article, SourceRecord
from ...text.textnorm import fold, fold_together
from ..errors import Cancelled
from ..corrections import CORRECTION_FIELDS
from ..correction_writes import CorrectionWrites
from ..records import analysis_rows, figure_rows_of, fingerprint, now, os_user, read_source_record, tag_rows
from ..search import INDEX_VERSION, folded_index_tokens, index_tokens
from ...extract.words import words_in
from ..vocabulary import VOCABULARY_VERSION, reading_rows
from ..vocabulary_store import INSERT_WORD

_FIGURE_COLUMNS = ", ".join(f'"{c}"' for c in FIGURE_FIELDS)  # "end" is a keyword
_INSERT_FIGURE = f"INSERT INTO figures(article_id, {_FIGURE_COLUMNS}) VALUES(?{',?' * len(FIGURE_FIELDS)})"
_INSERT_REGION = (f"INSERT INTO article_regions(article_id, {', '.join(REGION_FIELDS)})"
                  f" VALUES(?{',?' * len(REGION_FIELDS)})")
_INSERT_CORRECTION = (f"INSERT INTO corrections(article_id, {', '.join(CORRECTION_FIELDS)})"
                      f" VALUES(?{',?' * len(CORRECTION_FIELDS)})")
_INSERT_ARTICLE = ("INSERT INTO articles(id, source_id, position, title, title_inferred, subtitle, byline,"
                   " section, publication, date, text, captions, original, fingerprint, analysis_version, page)"
                   " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")


def pack(original: str) -> bytes:
    """The page text an article came from, compressed: it is read rarely and would double the file."""
    return zlib.compress(original.encode("utf-8"), 6)


def unpack(stored) -> str:
    return zlib.decompress(stored).decode("utf-8") if isinstance(stored, bytes) else stored


class SqliteWrites(CorrectionWrites):
    """The storing part of :class:`~hbviewer.core.store.sqlite.library.SqliteLibrary`."""

    _db: sqlite3.Connection

    def store_file(self, path: str, name: str, sha256: str, size: int, encoding: str,
                   articles: list[Article], should_stop=None, analyses: list | None = None,
                   analysis_version: int = 0) -> tuple[int, list[str], bool]:
        """Store one file's articles (and their analysis: figures, regions) in one transaction.

        An earlier version of the file is replaced. Returns ``(stored,
        duplicate_titles, replaced)``. ``should_stop`` is checked between
        articles; when it answers True nothing of this file is kept.
        """
        with self._transaction(path) as db:
            source_id, replaced = self._source_row(path, name, sha256, size, encoding)
            stored, duplicates = 0, []
            for i, article in enumerate(articles):
                if should_stop is not None and should_stop():
                    raise Cancelled()
                folded = fold_together(article.title, article.text)
                fp = fingerprint(article, folded)
                if db.execute("SELECT 1 FROM articles WHERE fingerprint=?", (fp,)).fetchone():
                    duplicates.append(article.title)
                    continue
                article_id = db.execute(_INSERT_ARTICLE, (
                    None, source_id, article.position, article.title, int(article.title_inferred),
                    article.subtitle, article.byline, article.section, article.publication, article.date,
                    article.text, json.dumps(list(article.captions), ensure_ascii=False), pack(article.original),
                    fp, analysis_version if analyses is not None else 0, article.page)).lastrowid
                if analyses is not None:
                    self._insert_rows(article_id, *analysis_rows(analyses[i]), getattr(analyses[i], "tags", ()))
                db.execute("INSERT INTO article_index(rowid, title, body) VALUES(?,?,?)",
                           (article_id, *map(folded_index_tokens, folded)))
                db.executemany(INSERT_WORD, self._new_word_rows(
                    folded, analyses[i].words if analyses is not None else None))
                stored += 1
            return stored, duplicates, replaced

    def _source_row(self, path: str, name: str, sha256: str, size: int, encoding: str) -> tuple[int, bool]:
        """The source's id, its old articles gone if it was here: ``(id, replaced)``."""
        db = self._db
        old = db.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()
        if old is None:
            return db.execute("INSERT INTO sources(path, name, sha256, size, encoding, imported_at)"
                              " VALUES(?,?,?,?,?,?)", (path, name, sha256, size, encoding, now())).lastrowid, False
        self._delete_source_articles(old[0])
        db.execute("UPDATE sources SET name=?, sha256=?, size=?, encoding=?, imported_at=? WHERE id=?",
                   (name, sha256, size, encoding, now(), old[0]))
        return old[0], True

    def _insert_rows(self, article_id: int, figures: list[tuple], regions: list[tuple], tags=()) -> None:
        self._db.executemany(_INSERT_FIGURE, [(article_id, *row) for row in figures])
        self._db.executemany(_INSERT_REGION, [(article_id, *row) for row in regions])
        self._db.executemany("INSERT INTO article_tags(article_id, rank, tag) VALUES(?,?,?)",
                             [(article_id, *row) for row in tag_rows(tags)])

    def _store_figures(self, db, article_id: int, figures) -> None:
        db.executemany(_INSERT_FIGURE, [(article_id, *row) for row in figure_rows_of(figures)])

    def _author(self) -> str:
        return os_user()

    # -- what the fixes of whole articles ask of a backend (article_fix_writes.py) ----------------
    @staticmethod
    def _pack(original: str) -> bytes:
        return pack(original)

    def _insert_article_values(self, db, v: dict) -> int:
        return db.execute(_INSERT_ARTICLE, (
            v["id"], v["source_id"], v["position"], v["title"], int(v["title_inferred"]), v["subtitle"],
            v["byline"], v["section"], v["publication"], v["date"], v["text"], v["captions"], pack(v["original"]),
            v["fingerprint"], v["analysis_version"], v["page"])).lastrowid

    def _index_article(self, db, article_id: int, title: str, text: str) -> None:
        db.execute("INSERT INTO article_index(rowid, title, body) VALUES(?,?,?)",
                   (article_id, index_tokens(title), index_tokens(text)))

    def _unindex_article(self, db, article_id: int, title: str, text: str) -> None:
        # A contentless index forgets a row only when told the tokens it held.
        db.execute("INSERT INTO article_index(article_index, rowid, title, body) VALUES('delete',?,?,?)",
                   (article_id, index_tokens(title), index_tokens(text)))

    def _store_analysis(self, db, article_id: int, analysis) -> None:
        self._insert_rows(article_id, *analysis_rows(analysis))

    def replace_analysis(self, updates: list, version: int) -> None:
        """Store a fresh analysis (figures, regions) for articles, in one transaction, with their corrections."""
        with self._transaction() as db:
            for article_id, analysis in updates:
                text = db.execute("SELECT text FROM articles WHERE id=?", (article_id,)).fetchone()[0]
                analysis = self._corrected(db, article_id, text, analysis)  # every correction kept
                db.execute("DELETE FROM figures WHERE article_id=?", (article_id,))
                db.execute("DELETE FROM article_regions WHERE article_id=?", (article_id,))
                db.execute("DELETE FROM article_tags WHERE article_id=?", (article_id,))  # the user's stay
                self._insert_rows(article_id, *analysis_rows(analysis), analysis.tags)
                db.execute("UPDATE articles SET analysis_version=? WHERE id=?", (version, article_id))

    def _delete_source_articles(self, source_id: int) -> None:
        rows = self._db.execute("SELECT id, title, text FROM articles WHERE source_id=?", (source_id,)).fetchall()
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
        self.rebuild_vocabulary()

    def rebuild_vocabulary(self) -> None:
        """The words of every stored article, found again (an older library, or other rules)."""
        with self._transaction() as db:
            db.execute("DELETE FROM search_words")
            words: set[str] = set()
            last = 0
            while True:  # in pieces: all the texts at once would be the library's size in memory
                rows = db.execute("SELECT id, title, text FROM articles WHERE id > ? ORDER BY id LIMIT 2000",
                                  (last,)).fetchall()
                if not rows:
                    break
                for article_id, title, text in rows:
                    words |= words_in(fold(title), fold(text))
                last = rows[-1][0]
            db.executemany(INSERT_WORD, reading_rows(words))
            db.execute("INSERT OR REPLACE INTO meta VALUES('vocabulary_version', ?)", (str(VOCABULARY_VERSION),))
        self._forget_known_words()

    def set_meta(self, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES(?, ?)", (key, value))

    # -- copying between libraries (copying.py) --------------------------------------------
    def dump_sources(self):
        """Every source with all its articles, figures and regions, one at a time, in library order."""
        with self._lock:
            heads = self._db.execute("SELECT id, path, name, sha256, size, encoding, imported_at FROM sources"
                                     " ORDER BY path").fetchall()
        for head in heads:
            with self._lock:
                record = read_source_record(self._db.execute, "?", head, unpack)
            yield record

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
                article_id = db.execute(_INSERT_ARTICLE, (
                    a.id if keep_ids else None, source_id, a.position, a.title, int(a.title_inferred),
                    a.subtitle, a.byline, a.section, a.publication, a.date, a.text, a.captions,
                    pack(a.original), a.fingerprint, a.analysis_version, a.page)).lastrowid
                self._insert_rows(article_id, list(a.figures), list(a.regions), a.tags)
                db.executemany(_INSERT_CORRECTION, [(article_id, *row) for row in a.corrections])
                db.execute("INSERT INTO article_index(rowid, title, body) VALUES(?,?,?)",
                           (article_id, index_tokens(a.title), index_tokens(a.text)))
                db.executemany(INSERT_WORD, self._new_word_rows((fold(a.title), fold(a.text))))
                stored += 1
            return stored, duplicates
