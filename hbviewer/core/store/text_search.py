"""A text search in either library: the query as typed, then what its Latin terms spell.

Each backend ranks one part (``_ranked_page``: the articles a parsed query finds,
less those another finds) and lists matching ids (``_ids_of``); this puts the
parts together the same way for both. Sorted by relevance, the articles holding
the query as typed come first (``GDP`` itself), then those found only through
the Chinese words of its pinyin, flagged ``by_pinyin``. Sorted by date or figures,
one list of both, each hit still flagged.
"""

from __future__ import annotations

from .search import ParsedQuery, SearchQuery, SearchResult, parse_query, search_hit
from .vocabulary import with_pinyin


class TextSearch:
    """The text-search part both libraries share (with ``SqlVocabulary`` for the words)."""

    def _wide(self, query: SearchQuery, parsed: ParsedQuery) -> ParsedQuery | None:
        return with_pinyin(parsed, self._words_for) if query.pinyin else None

    def _text_search(self, query: SearchQuery, offsets: bool) -> SearchResult:
        parsed = parse_query(query.text)
        wide = self._wide(query, parsed)
        limit, offset = query.limit, query.offset
        if wide is None:
            total, ranked = self._ranked_page(query, parsed, None, limit, offset)
            by_pinyin: set[int] = set()
        elif query.sort == "relevance":
            first_total, ranked = self._ranked_page(query, parsed, None, limit, offset)
            rest = None if limit is None else max(0, limit - len(ranked))
            rest_total, more = self._ranked_page(query, wide, parsed, rest, max(0, offset - first_total))
            total, ranked = first_total + rest_total, ranked + more
            by_pinyin = {aid for aid, _score in more}
        else:
            total, ranked = self._ranked_page(query, wide, None, limit, offset)
            ids = [aid for aid, _score in ranked]
            by_pinyin = set(ids) - self._ids_of(query, parsed, ids) if ids else set()
        details = self._hit_rows([aid for aid, _score in ranked])
        shown = wide or parsed
        hits = tuple(search_hit(details[aid], score, shown, offsets, aid in by_pinyin)
                     for aid, score in ranked if aid in details)
        return SearchResult(query, total, hits)

    def _matching_ids(self, query: SearchQuery) -> set[int]:
        parsed = parse_query(query.text)
        return self._ids_of(query, self._wide(query, parsed) or parsed, None)

    # -- what each backend supplies ----------------------------------------------------------
    def _ranked_page(self, query: SearchQuery, parsed: ParsedQuery, minus: ParsedQuery | None,
                     limit: int | None, offset: int) -> tuple[int, list[tuple[int, float]]]:
        """(how many match ``parsed`` and not ``minus``, one page of them in the query's order)."""
        raise NotImplementedError

    def _ids_of(self, query: SearchQuery, parsed: ParsedQuery, among: list[int] | None) -> set[int]:
        """Every article (of ``among``, when given) that ``parsed`` finds within the query's filters."""
        raise NotImplementedError

    def _hit_rows(self, ids: list[int]) -> dict[int, tuple]:
        """id -> (id, title, source name, date, text)."""
        raise NotImplementedError
