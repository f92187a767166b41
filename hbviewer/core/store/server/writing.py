"""Storing in the server library: one transaction per file, under an advisory lock on its path.

Two people importing the same file store it once; an article already stored
(same fingerprint) is skipped with ``ON CONFLICT DO NOTHING``, which also settles
two different files holding it imported at the same moment.
"""

from __future__ import annotations

import hashlib
import json
import time

import psycopg
from psycopg import errors

from ...model import REGION_FIELDS, Article
from ..errors import Cancelled
from ..correction_writes import CorrectionWrites
from ..records import analysis_rows, figure_rows_of, fingerprint, now, tag_rows
from .connection import writes
from ...extract.words import words_in
from ..vocabulary import VOCABULARY_VERSION, reading_rows
from ..vocabulary_store import INSERT_WORD
from .schema import INDEX_KEY, PATH_LOCK_SPACE, SCHEMA_LOCK, grams, matching_form

_RETRIES = 3  # a write that lost a deadlock to another client is tried again this often


def path_key(path: str) -> int:
    return int.from_bytes(hashlib.sha256(path.encode("utf-8")).digest()[:4], "big", signed=True)


def pg_text(value: str) -> str:
    # PostgreSQL text cannot hold NUL; U+FFFD keeps every offset where it was.
    return value.replace("\x00", "\ufffd") if "\x00" in value else value


def search_columns(title: str, text: str) -> tuple[str, str, str, bool]:
    """title_folded, text_folded, grams, oversized."""
    title_folded, text_folded = matching_form(pg_text(title)), matching_form(pg_text(text))
    return (title_folded, text_folded, *grams(title_folded, text_folded))


INSERT_ARTICLE = (
    "INSERT INTO articles(source_id, position, title, title_inferred, subtitle, byline, section,"
    " publication, date, text, captions, original, fingerprint, analysis_version, title_folded,"
    " text_folded, grams, oversized, page{id_column}) VALUES(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,"
    " %s, %s, %s, %s::tsvector, %s, %s{id_value}) ON CONFLICT (fingerprint) DO NOTHING RETURNING id")


class ServerWrites(CorrectionWrites):
    """The storing part of :class:`~hbviewer.core.store.server.library.ServerLibrary`."""

    @writes
    def store_file(self, path: str, name: str, sha256: str, size: int, encoding: str,
                   articles: list[Article], should_stop=None, analyses: list | None = None,
                   analysis_version: int = 0) -> tuple[int, list[str], bool]:
        """Store one file's articles (and their analysis: figures, regions) in one transaction.

        An earlier version of the file is replaced. Returns ``(stored,
        duplicate_titles, replaced)``. ``should_stop`` is checked between
        articles; when it answers True nothing of this file is kept.
        """
        version = analysis_version if analyses is not None else 0
        rows = [(a.position, pg_text(a.title), a.title_inferred, pg_text(a.subtitle), pg_text(a.byline),
                 pg_text(a.section), pg_text(a.publication), a.date, pg_text(a.text),
                 pg_text(json.dumps(list(a.captions), ensure_ascii=False)), pg_text(a.original),
                 fingerprint(a), version, *search_columns(a.title, a.text), pg_text(a.page)) for a in articles]
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
            conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (PATH_LOCK_SPACE, path_key(path)))
            old = conn.execute("SELECT id FROM sources WHERE path = %s", (path,)).fetchone()
            replaced = old is not None
            if replaced:
                source_id = old[0]
                conn.execute("DELETE FROM articles WHERE source_id = %s", (source_id,))
                conn.execute("UPDATE sources SET name=%s, sha256=%s, size=%s, encoding=%s, imported_at=%s"
                             " WHERE id=%s", (name, sha256, size, encoding, now(), source_id))
            else:
                source_id = conn.execute(
                    "INSERT INTO sources(path, name, sha256, size, encoding, imported_at)"
                    " VALUES(%s, %s, %s, %s, %s, %s) RETURNING id",
                    (path, name, sha256, size, encoding, now())).fetchone()[0]
            stored, duplicates = 0, []
            insert = INSERT_ARTICLE.format(id_column="", id_value="")
            for i, (article, row) in enumerate(zip(articles, rows)):
                if should_stop is not None and should_stop():
                    raise Cancelled()
                new = conn.execute(insert, (source_id, *row)).fetchone()
                if new is None:  # already in the library (committed, or just now by another client)
                    duplicates.append(article.title)
                    continue
                if analyses is not None:
                    self._insert_analysis(new[0], analyses[i])
                self._insert_words(self._new_word_rows(  # the matching forms
                    (row[13], row[14]), analyses[i].words if analyses is not None else None))
                stored += 1
            return stored, duplicates, replaced

    def _insert_words(self, rows: list[tuple]) -> None:
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(INSERT_WORD.replace("?", "%s"), rows)


    def _insert_figure_rows(self, article_id: int, rows: list[tuple]) -> None:
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(
                    'INSERT INTO figures(article_id, start, "end", text, value, value_high, unit, kind, approx,'
                    " indicator, change, as_of, region, region_code, prefecture, zone, status)"
                    " VALUES(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [(article_id, *row) for row in rows])

    def _insert_region_rows(self, article_id: int, rows: list[tuple]) -> None:
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(f"INSERT INTO article_regions(article_id, {', '.join(REGION_FIELDS)})"
                                f" VALUES(%s{', %s' * len(REGION_FIELDS)})",
                                [(article_id, *row) for row in rows])

    def _insert_tag_rows(self, article_id: int, tags) -> None:
        rows = tag_rows(tags, pg_text)
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany("INSERT INTO article_tags(article_id, rank, tag) VALUES(%s, %s, %s)",
                                [(article_id, *row) for row in rows])

    def _insert_analysis(self, article_id: int, analysis) -> None:
        figures, regions = analysis_rows(analysis, pg_text)
        self._insert_figure_rows(article_id, figures)
        self._insert_region_rows(article_id, regions)
        self._insert_tag_rows(article_id, getattr(analysis, "tags", ()))

    def _store_figures(self, conn, article_id: int, figures) -> None:
        self._insert_figure_rows(article_id, figure_rows_of(figures, pg_text))

    def _author(self) -> str:
        return self._conn.execute("SELECT current_user").fetchone()[0]  # the server role

    # -- what the fixes of whole articles ask of a backend (article_fix_writes.py) ----------------
    @staticmethod
    def _pack(original: str) -> str:
        return pg_text(original)

    def _insert_article_values(self, conn, v: dict) -> int:
        with_id = v["id"] is not None
        insert = INSERT_ARTICLE.format(id_column=", id" if with_id else "", id_value=", %s" if with_id else "")
        row = (v["source_id"], v["position"], pg_text(v["title"]), bool(v["title_inferred"]), v["subtitle"],
               v["byline"], v["section"], v["publication"], v["date"], pg_text(v["text"]), v["captions"],
               pg_text(v["original"]), v["fingerprint"], v["analysis_version"], *search_columns(v["title"], v["text"]),
               v["page"], *((v["id"],) if with_id else ()))
        return conn.execute(insert, row).fetchone()[0]

    def _index_article(self, conn, article_id: int, title: str, text: str) -> None:
        conn.execute("UPDATE articles SET title_folded = %s, text_folded = %s, grams = %s::tsvector,"
                     " oversized = %s WHERE id = %s", (*search_columns(title, text), article_id))

    def _unindex_article(self, conn, article_id: int, title: str, text: str) -> None:
        pass  # the search columns are the article's own: they go with it, or are written anew

    def _store_analysis(self, conn, article_id: int, analysis) -> None:
        self._insert_analysis(article_id, analysis)

    fix_article = writes(CorrectionWrites.fix_article)
    fix_subjects = writes(CorrectionWrites.fix_subjects)
    merge_articles = writes(CorrectionWrites.merge_articles)
    split_article = writes(CorrectionWrites.split_article)
    refresh_metadata = writes(CorrectionWrites.refresh_metadata)
    correct_figure = writes(CorrectionWrites.correct_figure)
    add_figure = writes(CorrectionWrites.add_figure)
    set_correction_state = writes(CorrectionWrites.set_correction_state)

    @writes
    def replace_analysis(self, updates: list, version: int) -> None:
        """Store a fresh analysis (figures, regions) for articles, in one transaction, with their corrections."""
        with self._transaction() as conn:
            for article_id, analysis in updates:
                text = conn.execute("SELECT text FROM articles WHERE id = %s", (article_id,)).fetchone()[0]
                analysis = self._corrected(conn, article_id, text, analysis)  # every correction kept
                conn.execute("DELETE FROM figures WHERE article_id = %s", (article_id,))
                conn.execute("DELETE FROM article_regions WHERE article_id = %s", (article_id,))
                conn.execute("DELETE FROM article_tags WHERE article_id = %s", (article_id,))  # the user's stay
                self._insert_analysis(article_id, analysis)
                conn.execute("UPDATE articles SET analysis_version = %s WHERE id = %s", (version, article_id))


    @writes
    def remove_source(self, source_id: int) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM sources WHERE id = %s", (source_id,))  # articles and the rest cascade

    @writes
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
                        [(*search_columns(title, text), aid) for aid, title, text in rows])
            self._put_meta("index_version", INDEX_KEY)
        self._rebuild_vocabulary(only_if_stale=only_if_stale)

    @writes
    def rebuild_vocabulary(self) -> None:
        """The words of every stored article, found again (an older library, or other rules)."""
        self._rebuild_vocabulary(only_if_stale=False)

    def _rebuild_vocabulary(self, only_if_stale: bool) -> None:
        with self._transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
            stored = conn.execute("SELECT value FROM meta WHERE key = 'vocabulary_version'").fetchone()
            if only_if_stale and stored is not None and stored[0] == str(VOCABULARY_VERSION):
                return  # another client has just done it
            conn.execute("DELETE FROM search_words")
            words: set[str] = set()
            last = 0
            while True:  # in pieces: all the texts at once would be the library's size in memory
                rows = conn.execute("SELECT id, title_folded, text_folded FROM articles WHERE id > %s"
                                    " ORDER BY id LIMIT 2000", (last,)).fetchall()
                if not rows:
                    break
                for _id, title, text in rows:
                    words |= words_in(title, text)
                last = rows[-1][0]
            self._insert_words(reading_rows(words))
            self._put_meta("vocabulary_version", str(VOCABULARY_VERSION))
        self._forget_known_words()


    @writes
    def set_meta(self, key: str, value: str) -> None:
        with self._transaction():
            self._put_meta(key, value)
