"""Text search in the SQLite library: an FTS5 index of character bigrams, ranked by bm25.

The index is contentless (``article_index``: tokens only, the text stays in
``articles``), so the ranking runs on the index alone and only the shown hits
are read from the articles table. How the parts of a search (the query as typed,
then its pinyin) are put together is ``store/text_search.py``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import contextmanager

from ..query_filters import FILTERS
from ..search import ParsedQuery, QueryError, SearchQuery, term_expression
from ..sql_reads import SORT_ORDERS

# A condition on articles ``a`` that reads a column of the row, not only its id
_NEEDS_ROW = re.compile(r"\ba\.(?!id\b)\w")
BM25_MOST = 1500  # matches scored by bm25 in one search; past that, a cheaper order (see SqliteSearch._ranked)


def _expression(parsed: ParsedQuery, minus: ParsedQuery | None) -> str:
    expression = parsed.fts_expression()
    return f"({expression}) NOT ({minus.fts_expression()})" if minus is not None else expression


class SqliteSearch:
    """The text-search part of :class:`~hbviewer.core.store.sqlite.library.SqliteLibrary`."""

    _db: sqlite3.Connection
    _restrictions: dict | None = None  # during one search: the filters' restriction, worked out once

    def _text_search(self, query: SearchQuery, offsets: bool):
        # The query as typed and then its pinyin are two parts, with the same filters.
        with self._one_restriction():
            return super()._text_search(query, offsets)

    def _matching_ids(self, query: SearchQuery) -> set[int]:
        with self._one_restriction():
            return super()._matching_ids(query)

    @contextmanager
    def _one_restriction(self):
        outer = self._restrictions
        if outer is None:
            self._restrictions = {}
        try:
            yield
        finally:
            self._restrictions = outer

    def _ranked_page(self, query: SearchQuery, parsed: ParsedQuery, minus: ParsedQuery | None,
                     limit: int | None, offset: int) -> tuple[int, list[tuple[int, float]]]:
        expression = _expression(parsed, minus)
        restrict, params = self._restriction(query)
        try:
            total = self._match_count(expression, restrict, params)
            if total <= offset or limit == 0:  # nothing to rank: the count is all a search asks for
                return total, []
            if query.sort in SORT_ORDERS:
                return total, self._sorted(query, expression, limit, offset)
            simple = minus is None and len(parsed.required) == 1 and not parsed.excluded
            return total, self._ranked(expression, parsed.terms, simple, restrict, params, total, limit, offset)
        except sqlite3.OperationalError as exc:  # should not happen: expressions are generated
            raise QueryError(f"The search could not be run ({exc}).") from None

    def _ids_of(self, query: SearchQuery, parsed: ParsedQuery, among: list[int] | None) -> set[int]:
        restrict, params = self._restriction(query)
        if among is not None:
            restrict += f" AND rowid IN ({','.join(str(int(i)) for i in among) or 'NULL'})"
        return {r[0] for r in self._db.execute(
            f"SELECT rowid FROM article_index WHERE article_index MATCH ?{restrict}",
            [parsed.fts_expression(), *params])}

    def _sorted(self, query: SearchQuery, expression: str, limit: int | None, offset: int) -> list:
        clauses, params = self._conditions(query)
        where = "".join(f" AND {c}" for c in clauses)
        return self._db.execute(
            "SELECT a.id, 0.0 FROM articles a WHERE a.id IN (SELECT rowid FROM article_index"
            f" WHERE article_index MATCH ?){where} ORDER BY {SORT_ORDERS[query.sort]}"
            f" LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}", [expression, *params]).fetchall()

    def _match_count(self, expression: str, restrict: str, params: list) -> int:
        return self._db.execute(f"SELECT count(*) FROM article_index WHERE article_index MATCH ?{restrict}",
                                [expression, *params]).fetchone()[0]

    def _ranked(self, expression: str, terms, simple: bool, restrict: str, params: list, total: int,
                limit: int | None, offset: int) -> list[tuple[int, float]]:
        """(article id, score) of one page of matches, best first.

        bm25 scores every match, which costs about a microsecond each: past
        ``BM25_MOST`` matches (a single common character in a large library)
        titles that hold a term come first, then the rest, each part scored
        if it is small enough and otherwise newest first.
        """
        if total <= BM25_MOST:
            return self._ranked_part(expression, True, restrict, params, limit, offset)
        in_title = f"title : ({' OR '.join(term_expression(t) for t in terms)})"
        # With one group of terms and none left out, a title holding a term is a match by itself:
        # matching the title alone spares FTS5 the body's phrase positions (3x faster for 技术创新).
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
        if self._restrictions is None:
            return self._restriction_now(query)
        if query not in self._restrictions:
            self._restrictions[query] = self._restriction_now(query)
        sql, params = self._restrictions[query]
        return sql, list(params)

    def _restriction_now(self, query: SearchQuery) -> tuple[str, list]:
        """Filters as conditions on the index rowid (nothing when there are none).

        Those an index answers as a set (sources, a period, a region's articles) are made into
        that set once, which each match is looked up in; the others (kind:, has: …) are checked
        for each match only: as a set they would read every article. The set is written
        ``+rowid IN``: as plain ``rowid IN`` SQLite hands it to FTS5, which then runs the match
        once per id of the set (3 s for ``科 region:河北省`` at 100,000 articles).
        """
        sql, params = "", []
        # Each set is read once here and passed as a list: a ranked search runs two to four
        # statements, and each would otherwise work the set out again (80 ms for 河北省 at 100,000
        # articles). A region's ids come from its index alone, not looked up in the articles table
        # that holds the texts (43 -> 22 ms for 河北省).
        held: set[int] | None = None
        left_out: set[int] = set()
        given, given_params = self._given_conditions(query)
        if given:
            held = self._id_set(f"SELECT a.id FROM articles a WHERE {' AND '.join(given)}", given_params)
        by_id: list[tuple[str, list]] = []
        on_row: list[tuple[str, list]] = []
        for f in query.filters():
            if not FILTERS[f.name].per_match:  # a set, or (-region: …) a set left out
                ids = self._id_set(*f.id_set())
                if f.negated:
                    left_out |= ids
                else:
                    held = ids if held is None else held & ids
            else:
                # Those that ask only for the article's id (kind:, has:figures, status: …) are
                # checked on the index rowid: looking up each match's row in the articles table
                # was most of their cost (24 -> 4 ms for kind:money 投资 at 100,000 articles).
                clause, extra = f.condition()
                (on_row if _NEEDS_ROW.search(clause) else by_id).append((clause, extra))
        if held is not None:
            sql += " AND +rowid IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(held - left_out)))
        elif left_out:
            sql += " AND +rowid NOT IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(left_out)))
        for part, source in ((by_id, "(SELECT article_index.rowid AS id) a WHERE "),
                             (on_row, "articles a WHERE a.id = article_index.rowid AND ")):
            if part:
                sql += f" AND EXISTS (SELECT 1 FROM {source}{' AND '.join(c for c, _ in part)})"
                params += [p for _, extra in part for p in extra]
        return sql, params

    def _id_set(self, sql: str, params: list) -> set[int]:
        return {r[0] for r in self._db.execute(sql, params)}
