"""Text search in the server library: the same matches as the SQLite file's, by other means.

How the parts of a search (the query as typed, then its pinyin) are put together is
``store/text_search.py``.

A GIN-indexed tsvector of characters and character bigrams answers for short
terms and selects candidates for longer ones, which ``strpos`` on the folded
text confirms (see ``schema.py``).
"""

from __future__ import annotations

from contextlib import contextmanager

from ..search import ParsedQuery, SearchQuery
from ..sql_reads import SORT_ORDERS
from .schema import exact_by_grams, match_tsquery

NEWEST_FROM = 2000  # past this many matches of short terms (and a tenth of the library), newest first


class ServerSearch:
    """The text-search part of :class:`~hbviewer.core.store.server.library.ServerLibrary`."""

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

    def _where(self, query: SearchQuery, parsed: ParsedQuery, minus: ParsedQuery | None = None) -> tuple[str, list]:
        oversized = self._conn.execute("SELECT EXISTS(SELECT 1 FROM articles WHERE oversized)").fetchone()[0]
        match, match_params = self._match(parsed, oversized)
        if minus is not None:  # less the articles another query finds: the negation of its exact conditions
            others, other_params = self._match(minus, oversized)
            match, match_params = match + [f"NOT ({' AND '.join(others)})"], match_params + other_params
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

    def _ranked_page(self, query: SearchQuery, parsed: ParsedQuery, minus: ParsedQuery | None,
                     limit: int | None, offset: int) -> tuple[int, list[tuple[int, float]]]:
        page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
        with self._search_snapshot() as conn:
            where, params = self._where(query, parsed, minus)
            if query.sort in SORT_ORDERS:
                score, score_params, order = "0.0", [], SORT_ORDERS[query.sort]
            else:
                (score, score_params), order = self._score(parsed), "score DESC, a.id DESC"
            ranking = f"SELECT a.id, {score} AS score, count(*) OVER () FROM articles a{where} ORDER BY {order}{page}"
            short = all(exact_by_grams(t) for t in parsed.terms + parsed.excluded) and minus is None
            if short and query.sort not in SORT_ORDERS:
                # The index alone counts short terms; a common one is then listed newest first,
                # walking the id index and stopping at the page.
                total = conn.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0]
                if self._dense(total):
                    conn.execute("SET LOCAL enable_bitmapscan = off")
                    ranked = conn.execute(f"SELECT a.id, 0.0 FROM articles a{where} ORDER BY a.id DESC{page}",
                                          params).fetchall()
                    conn.execute("SET LOCAL enable_bitmapscan = on")
                    return total, ranked
                return total, [(aid, sc) for aid, sc, _n in conn.execute(ranking, score_params + params)]
            # A longer term is confirmed in each candidate's text: once, counting as it ranks.
            rows = conn.execute(ranking, score_params + params).fetchall()
            total = rows[0][2] if rows else conn.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0]
            return total, [(aid, sc) for aid, sc, _n in rows]

    def _ids_of(self, query: SearchQuery, parsed: ParsedQuery, among: list[int] | None) -> set[int]:
        with self._search_snapshot() as conn:
            where, params = self._where(query, parsed)
            if among is not None:
                where, params = where + " AND a.id = ANY(%s::bigint[])", params + [[int(i) for i in among]]
            return {r[0] for r in conn.execute(f"SELECT a.id FROM articles a{where}", params)}
