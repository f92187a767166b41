"""Tags, notes, bookmarks and saved searches in both libraries, with the same SQL (see ``keeping.py``).

Each backend supplies how a write runs (:meth:`SqlKeeping._keep_write`: a
transaction, and on a server its lock and error handling) and who the author
is (:meth:`SqlKeeping._author`).
"""

from __future__ import annotations

from dataclasses import replace

from ..text.textnorm import collapse_spaces, fold
from .keeping import (ADDED, AUTOMATIC, REMOVED, KeptRecord, Note, SavedSearch, clean_note, clean_tag,
                      filters_json, note_matches, query_from_saved, shown_tags)
from .records import now
from .search import KeepFilters, ParsedQuery, SearchHit, SearchQuery, find_spans, make_snippet, split_keep_filters
from .sql_reads import SqlDialect, read

_FP = "(SELECT fingerprint FROM articles WHERE id = ?)"


class SqlKeeping(SqlDialect):
    """The keeping part of both libraries."""

    def _keep_write(self, fn):
        """``fn(connection)`` in a write transaction; returns what it returns."""
        raise NotImplementedError

    def _author(self) -> str:
        raise NotImplementedError

    def _one(self, conn, sql: str, params=()):
        return conn.execute(self._sql(sql), params).fetchone()

    # -- tags ---------------------------------------------------------------------------------
    def _user_tags(self, ids) -> dict[int, list[tuple[str, str]]]:
        clause, params = self._ids_in("a.id", list(ids))
        out: dict[int, list[tuple[str, str]]] = {}
        for aid, tag, state in self._rows(
                f"SELECT a.id, u.tag, u.state FROM user_tags u JOIN articles a ON a.fingerprint = u.fingerprint"
                f" WHERE {clause} ORDER BY a.id, u.changed_at, u.tag", params):
            out.setdefault(aid, []).append((tag, state))
        return out

    @read
    def tags(self, article_id: int) -> list[tuple[str, str]]:
        automatic = [r[0] for r in self._rows(self._sql(
            "SELECT tag FROM article_tags WHERE article_id = ? ORDER BY rank"), (article_id,))]
        return shown_tags(automatic, self._user_tags([article_id]).get(article_id, []))

    @read
    def tag_labels(self, article_ids: list[int]) -> dict[int, list[str]]:
        if not article_ids:
            return {}
        clause, params = self._ids_in("article_id", list(article_ids))
        automatic: dict[int, list[str]] = {}
        for aid, tag in self._rows(f"SELECT article_id, tag FROM article_tags WHERE {clause}"
                                   " ORDER BY article_id, rank", params):
            automatic.setdefault(aid, []).append(tag)
        user = self._user_tags(article_ids)
        out = {}
        for aid in set(automatic) | set(user):
            shown = [t for t, _origin in shown_tags(automatic.get(aid, []), user.get(aid, []))]
            if shown:
                out[aid] = shown
        return out

    def edit_tags(self, article_id: int, add: tuple = (), remove: tuple = ()) -> list[tuple[str, str]]:
        """Add the user's tags and remove tags (an automatic one stays removed); returns the tags shown."""
        add, remove = [clean_tag(t) for t in add], [clean_tag(t) for t in remove]
        author, when = self._author(), now()

        def write(conn):
            if self._one(conn, "SELECT 1 FROM articles WHERE id = ?", (article_id,)) is None:
                raise ValueError(f"There is no article with id {article_id}.")
            upsert = (f"INSERT INTO user_tags(fingerprint, tag, state, author, changed_at) VALUES({_FP}, ?, ?, ?, ?)"
                      " ON CONFLICT (fingerprint, tag) DO UPDATE SET state = excluded.state,"
                      " author = excluded.author, changed_at = excluded.changed_at")
            for tag in remove:
                automatic = self._one(conn, "SELECT 1 FROM article_tags WHERE article_id = ? AND tag = ?",
                                      (article_id, tag))
                if automatic is not None:
                    conn.execute(self._sql(upsert), (article_id, tag, REMOVED, author, when))
                else:
                    conn.execute(self._sql(f"DELETE FROM user_tags WHERE fingerprint = {_FP} AND tag = ?"),
                                 (article_id, tag))
            for tag in add:
                conn.execute(self._sql(upsert), (article_id, tag, ADDED, author, when))

        self._keep_write(write)
        return self.tags(article_id)

    # -- notes --------------------------------------------------------------------------------
    _NOTE_COLUMNS = "n.id, a.id, n.text, n.author, n.created_at, n.figure_start, n.figure_end"

    @staticmethod
    def _note(row) -> Note:
        nid, aid, text, author, created, start, end = row
        return Note(int(nid), int(aid), text, author, created, None if start is None else (int(start), int(end)))

    def add_note(self, article_id: int, text: str, span: tuple[int, int] | None = None) -> Note:
        """A note on the article, or on the figure at ``span`` (its start and end in the text)."""
        text = clean_note(text)
        author, when = self._author(), now()
        start, end = (None, None) if span is None else (int(span[0]), int(span[1]))

        def write(conn):
            if self._one(conn, "SELECT 1 FROM articles WHERE id = ?", (article_id,)) is None:
                raise ValueError(f"There is no article with id {article_id}.")
            return self._one(conn, "INSERT INTO notes(fingerprint, figure_start, figure_end, text, author, created_at)"
                             f" VALUES({_FP}, ?, ?, ?, ?, ?) RETURNING id",
                             (article_id, start, end, text, author, when))[0]

        note_id = self._keep_write(write)
        return Note(int(note_id), article_id, text, author, when, None if span is None else (start, end))

    def remove_note(self, note_id: int) -> bool:
        return bool(self._keep_write(lambda conn: conn.execute(
            self._sql("DELETE FROM notes WHERE id = ?"), (note_id,)).rowcount))

    @read
    def notes(self, article_ids: list[int] | None = None) -> list[Note]:
        """Notes of these articles (all: None), by article in library order, then oldest first."""
        where, params = "", []
        if article_ids is not None:
            clause, params = self._ids_in("a.id", list(article_ids))
            where = f" WHERE {clause}"
        return [self._note(r) for r in self._rows(
            f"SELECT {self._NOTE_COLUMNS} FROM notes n JOIN articles a ON a.fingerprint = n.fingerprint"
            f" JOIN sources s ON s.id = a.source_id{where} ORDER BY s.path, a.position, n.created_at, n.id", params)]

    # -- bookmarks ------------------------------------------------------------------------------
    def set_bookmark(self, article_id: int, bookmarked: bool = True) -> None:
        author, when = self._author(), now()

        def write(conn):
            if bookmarked:
                conn.execute(self._sql(f"INSERT INTO bookmarks(fingerprint, author, created_at) VALUES({_FP}, ?, ?)"
                                       " ON CONFLICT (fingerprint) DO NOTHING"), (article_id, author, when))
            else:
                conn.execute(self._sql(f"DELETE FROM bookmarks WHERE fingerprint = {_FP}"), (article_id,))

        self._keep_write(write)

    @read
    def bookmarked_ids(self) -> set[int]:
        return {r[0] for r in self._rows("SELECT a.id FROM bookmarks b JOIN articles a ON a.fingerprint = b.fingerprint")}

    # -- saved searches -----------------------------------------------------------------------------
    def save_search(self, name: str, query: SearchQuery) -> None:
        """Keep ``query`` (its text, sources and dates) under ``name``, replacing one of that name."""
        name = " ".join(str(name).split())
        if not name:
            raise ValueError("A saved search needs a name.")
        author, when = self._author(), now()
        self._keep_write(lambda conn: conn.execute(self._sql(
            "INSERT INTO saved_searches(name, query, filters, author, created_at, opened_at) VALUES(?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET query = excluded.query, filters = excluded.filters,"
            " author = excluded.author, created_at = excluded.created_at, opened_at = excluded.opened_at"),
            (name, query.text.strip(), filters_json(query), author, when, when)))

    def delete_saved_search(self, name: str) -> bool:
        return bool(self._keep_write(lambda conn: conn.execute(
            self._sql("DELETE FROM saved_searches WHERE name = ?"), (name,)).rowcount))

    def _new_since(self, query: SearchQuery, since: str) -> int:
        newer = {r[0] for r in self._rows(self._sql(
            "SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.imported_at > ?"), (since,))}
        if not newer:
            return 0
        try:
            return len(self.search_ids(query) & newer)
        except ValueError:  # a query that no longer parses finds nothing new
            return 0

    @read
    def saved_searches(self) -> list[SavedSearch]:
        """Every saved search by name, each with how many articles it finds that are new since it was opened."""
        out = []
        for name, text, filters, author, created, opened in self._rows(
                f"SELECT name, query, filters, author, created_at, opened_at FROM saved_searches"
                f" ORDER BY name{self._collate_c}"):
            query = query_from_saved(text, filters)
            out.append(SavedSearch(name, query, author, created, opened, self._new_since(query, opened)))
        return out

    def open_saved_search(self, name: str) -> SavedSearch | None:
        """The saved search, marked as opened now (its new articles are counted from now on)."""
        found = [s for s in self.saved_searches() if s.name == name]
        if not found:
            return None
        when = now()
        if not self.read_only:
            self._keep_write(lambda conn: conn.execute(
                self._sql("UPDATE saved_searches SET opened_at = ? WHERE name = ?"), (when, name)))
        return replace(found[0], opened_at=when, new=0)


class SqlKeptSearch(SqlDialect):
    """Searching what people keep, and copying it: the other keeping part of both libraries."""

    def _keep_write(self, fn):
        raise NotImplementedError

    def _one(self, conn, sql: str, params=()):
        return conn.execute(self._sql(sql), params).fetchone()

    # -- searching what people keep --------------------------------------------------------------------
    def _keep_scope(self, query: SearchQuery) -> SearchQuery:
        """The query without its tag:, note: and is:bookmarked words, narrowed to the articles they allow."""
        text, filters = split_keep_filters(query.text)
        if not filters:
            return query
        ids = self._kept_ids(filters)
        if query.article_ids is not None:
            ids &= set(query.article_ids)
        return replace(query, text=text, article_ids=tuple(sorted(ids)))

    def _kept_ids(self, filters: KeepFilters) -> set[int]:
        ids: set[int] | None = None

        def narrow(found: set[int]) -> None:
            nonlocal ids
            ids = found if ids is None else ids & found

        for tag in filters.tags:
            narrow({r[0] for r in self._rows(self._sql(
                "SELECT t.article_id FROM article_tags t JOIN articles a ON a.id = t.article_id WHERE t.tag = ?"
                " AND NOT EXISTS (SELECT 1 FROM user_tags u WHERE u.fingerprint = a.fingerprint AND u.tag = t.tag"
                " AND u.state = 'removed') UNION SELECT a.id FROM user_tags u JOIN articles a"
                " ON a.fingerprint = u.fingerprint WHERE u.tag = ? AND u.state = 'added'"), (tag, tag))})
        for term in filters.notes:
            narrow({aid for aid, text in self._note_texts() if term in text})
        if filters.bookmarked:
            narrow(self.bookmarked_ids())
        return ids or set()

    def _note_texts(self) -> list[tuple[int, str]]:
        """(article id, note folded) of every note."""
        return [(aid, collapse_spaces(fold(text))) for aid, text in self._rows(
            "SELECT a.id, n.text FROM notes n JOIN articles a ON a.fingerprint = n.fingerprint")]

    def _note_matching_ids(self, parsed: ParsedQuery, query: SearchQuery) -> set[int]:
        found = {aid for aid, text in self._note_texts() if note_matches(text, parsed.required, parsed.excluded)}
        clauses, params = self._conditions(query)
        if not found or not clauses:
            return found
        # The filters only for the few articles whose notes hold the text: joined to every note, a
        # region's set of articles was worked out at each search, notes or not (60 ms for 河北省 at
        # 100,000 articles).
        among, among_params = self._ids_in("a.id", sorted(found))
        return {r[0] for r in self._rows(f"SELECT a.id FROM articles a WHERE {among} AND {' AND '.join(clauses)}",
                                         among_params + params)}

    def _note_hits(self, ids: list[int], parsed: ParsedQuery) -> list[SearchHit]:
        """Hits for articles found by their notes: the snippet is the note's."""
        if not ids:
            return []
        clause, params = self._ids_in("a.id", ids)
        heads = {r[0]: r for r in self._rows(
            f"SELECT a.id, a.title, s.name, a.date FROM articles a JOIN sources s ON s.id = a.source_id"
            f" WHERE {clause}", params)}
        texts: dict[int, str] = {}
        for note in self.notes(ids):
            if note_matches(collapse_spaces(fold(note.text)), parsed.required, parsed.excluded):
                texts.setdefault(note.article_id, note.text)
        hits = []
        for aid in ids:
            if aid in heads:
                _, title, source, date = heads[aid]
                note = texts.get(aid, "")
                hits.append(SearchHit(aid, title, source, date, 0.0, make_snippet(note, find_spans(note, parsed.terms)),
                                      tuple(find_spans(title, parsed.terms))))
        return hits

    # -- copying -------------------------------------------------------------------------------------
    @read
    def dump_kept(self) -> KeptRecord:
        """The user tags, notes, bookmarks and saved searches, keyed by article fingerprint."""
        return KeptRecord(
            tuple(self._rows("SELECT fingerprint, tag, state, author, changed_at FROM user_tags"
                             " ORDER BY fingerprint, tag")),
            tuple(self._rows("SELECT fingerprint, figure_start, figure_end, text, author, created_at FROM notes"
                             " ORDER BY id")),
            tuple(self._rows("SELECT fingerprint, author, created_at FROM bookmarks ORDER BY fingerprint")),
            tuple(self._rows("SELECT name, query, filters, author, created_at, opened_at FROM saved_searches"
                             " ORDER BY name")))

    def store_kept(self, record: KeptRecord) -> dict:
        """Add what another library kept; what is here already (the same note, a saved search's name) stays."""

        def write(conn):
            counts = dict.fromkeys(("user_tags", "notes", "bookmarks", "saved_searches"), 0)
            for row in record.user_tags:
                counts["user_tags"] += conn.execute(self._sql(
                    "INSERT INTO user_tags(fingerprint, tag, state, author, changed_at) VALUES(?, ?, ?, ?, ?)"
                    " ON CONFLICT (fingerprint, tag) DO NOTHING"), row).rowcount
            for row in record.notes:
                if self._one(conn, "SELECT 1 FROM notes WHERE fingerprint = ? AND text = ? AND created_at = ?"
                             " AND author = ?", (row[0], row[3], row[5], row[4])) is None:
                    conn.execute(self._sql("INSERT INTO notes(fingerprint, figure_start, figure_end, text, author,"
                                           " created_at) VALUES(?, ?, ?, ?, ?, ?)"), row)
                    counts["notes"] += 1
            for row in record.bookmarks:
                counts["bookmarks"] += conn.execute(self._sql(
                    "INSERT INTO bookmarks(fingerprint, author, created_at) VALUES(?, ?, ?)"
                    " ON CONFLICT (fingerprint) DO NOTHING"), row).rowcount
            for row in record.saved_searches:
                counts["saved_searches"] += conn.execute(self._sql(
                    "INSERT INTO saved_searches(name, query, filters, author, created_at, opened_at)"
                    " VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING"), row).rowcount
            return counts

        return self._keep_write(write)


__all__ = ["AUTOMATIC", "SqlKeeping", "SqlKeptSearch"]
