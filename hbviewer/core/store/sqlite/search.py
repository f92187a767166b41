"""Text search in the SQLite library: an FTS5 index of character bigrams, ranked by bm25.

The index is contentless (``article_index``: tokens only, the text stays in
``articles``), so the ranking runs on the index alone and only the shown hits
are read from the articles table.
"""

from __future__ import annotations

import sqlite3

from ..search import ParsedQuery, QueryError, SearchQuery, SearchResult, parse_query, search_hit, term_expression

BM25_MOST = 1500  # matches scored by bm25 in one search; past that, a cheaper order (see SqliteSearch._ranked)


class SqliteSearch:
    """The text-search part of :class:`~hbviewer.core.store.sqlite.library.SqliteLibrary`."""

    _db: sqlite3.Connection

    def _text_search(self, query: SearchQuery, offsets: bool) -> SearchResult:
        # Only the snippet's hits are found unless ``offsets`` asks for every hit offset in each
        # text (a list needs no more; the article view finds its own).
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

    def _matching_ids(self, query: SearchQuery) -> set[int]:
        restrict, params = self._restriction(query)
        return {r[0] for r in self._db.execute(
            f"SELECT rowid FROM article_index WHERE article_index MATCH ?{restrict}",
            [parse_query(query.text).fts_expression(), *params])}

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
