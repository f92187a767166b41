"""A whole source in and out of the server library, every column as stored (for ``store/copying.py``)."""

from __future__ import annotations

import psycopg

from ...model import SourceRecord
from ..corrections import CORRECTION_FIELDS
from ..errors import Cancelled
from ..records import read_source_record
from ..sql_reads import read
from .connection import writes
from .schema import PATH_LOCK_SPACE
from .writing import INSERT_ARTICLE, path_key, pg_text, search_columns

_INSERT_CORRECTION = (f"INSERT INTO corrections(article_id, {', '.join(CORRECTION_FIELDS)})"
                      f" VALUES(%s{', %s' * len(CORRECTION_FIELDS)})")


class ServerCopies:
    """The copying part of :class:`~hbviewer.core.store.server.library.ServerLibrary`."""

    @read
    def _source_records(self) -> list[tuple]:
        return self._conn.execute("SELECT id, path, name, sha256, size, encoding, imported_at FROM sources"
                                  " ORDER BY path").fetchall()

    @read
    def _source_record(self, head: tuple) -> SourceRecord:
        return read_source_record(self._conn.execute, "%s", head)

    def dump_sources(self):
        """Every source with all its articles, figures and regions, one at a time, in library order."""
        for head in self._source_records():
            yield self._source_record(head)

    @writes
    def store_copied(self, record: SourceRecord, keep_ids: bool = False,
                     should_stop=None) -> tuple[int, int] | None:
        """Store a source read from another library, every column as it was, in one transaction.

        Returns ``(articles stored, duplicates skipped)``, or None when a source
        with this path is already here (nothing is changed). With ``keep_ids``
        the source and article ids are those of ``record`` (for an empty library).
        """
        try:
            with self._transaction() as conn:
                conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (PATH_LOCK_SPACE, path_key(record.path)))
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
                insert = INSERT_ARTICLE.format(id_column=", id" if keep_ids else "",
                                                     id_value=", %s" if keep_ids else "")
                stored = duplicates = 0
                for a in record.articles:
                    if should_stop is not None and should_stop():
                        raise Cancelled()
                    row = (source_id, a.position, pg_text(a.title), a.title_inferred, pg_text(a.subtitle),
                           pg_text(a.byline), pg_text(a.section), pg_text(a.publication), a.date,
                           pg_text(a.text), pg_text(a.captions), pg_text(a.original), a.fingerprint,
                           a.analysis_version, *search_columns(a.title, a.text), pg_text(a.page))
                    new = conn.execute(insert, row + ((a.id,) if keep_ids else ())).fetchone()
                    if new is None:
                        duplicates += 1
                        continue
                    self._insert_figure_rows(new[0], list(a.figures))
                    self._insert_region_rows(new[0], list(a.regions))
                    if a.corrections:
                        with conn.cursor() as cur:
                            cur.executemany(_INSERT_CORRECTION, [(new[0], *row) for row in a.corrections])
                    self._insert_words(self._new_word_rows(row[14:16]))  # the matching forms
                    stored += 1
                if keep_ids:  # identities go on after the largest id copied
                    for table in ("sources", "articles"):
                        conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                                     f" (SELECT max(id) FROM {table}))")
                return stored, duplicates
        except psycopg.Error as exc:
            raise self._failure(exc, saving=True) from None
