"""The reads both backends answer with the same SQL: articles, sources, figures, regions, summaries.

SQLite and PostgreSQL differ here only in small ways, which each backend states
once: its parameter mark, how a list of ids or codes is matched, the collation
that sorts like a byte string, how a stored page text is unpacked, and how a
read is run (PostgreSQL: under its lock, on a live connection, once more after a
dropped one). The text search itself differs and lives with each backend.
"""

from __future__ import annotations

import functools
import json
from dataclasses import replace

from ..extract.confidence import with_confidence
from ..extract.figures import Figure
from ..model import SourceInfo, StoredArticle
from .query_filters import split_filters
from .records import FIGURE_ROWS, NOT_REJECTED
from .search import ArticleRow, SearchHit, SearchQuery, SearchResult, make_snippet, parse_query
from .text_search import TextSearch
from .vocabulary_store import SqlVocabulary

_ARTICLE_COLUMNS = ("a.id, a.source_id, s.name, a.position, a.title, a.text, a.subtitle, a.byline,"
                    " a.section, a.publication, a.date, a.captions, a.title_inferred, a.original, a.page")
_FIGURE_COUNT = "(SELECT count(*) FROM figures f WHERE f.article_id = a.id AND f.status <> 'rejected')"
_LIBRARY_ORDER = "s.path, a.position, a.id"
# The orders a list may be sorted in, after a text search's own (relevance); ties newest first.
SORT_ORDERS = {"date": "(a.date IS NULL), a.date DESC, a.id DESC", "figures": f"{_FIGURE_COUNT} DESC, a.id DESC"}


def read(method):
    """A read: run through the backend's :meth:`SqlReads._read`."""

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        return self._read(method, self, *args, **kwargs)

    return run


class SqlDialect:
    """What each backend says its own way, and the conditions built from it."""

    _mark = "?"
    _collate_c = ""  # a collation that orders as the bytes do, where the default may not

    # -- what each backend supplies -----------------------------------------------------
    def _read(self, method, *args, **kwargs):
        return method(*args, **kwargs)

    def _rows(self, sql: str, params=()) -> list[tuple]:
        raise NotImplementedError

    def _ids_in(self, column: str, ids) -> tuple[str, list]:
        """A condition true where ``column`` is one of these integer ids."""
        raise NotImplementedError

    def _texts_in(self, column: str, values) -> tuple[str, list]:
        raise NotImplementedError

    def _unpack(self, stored):
        return stored

    def _sql(self, sql: str) -> str:
        """SQL written with ``?`` marks, in this backend's marks."""
        return sql if self._mark == "?" else sql.replace("?", self._mark)

    # -- conditions ---------------------------------------------------------------------------
    def _conditions(self, query: SearchQuery, per_match: bool | None = None) -> tuple[list[str], list]:
        """The query's filters (sources, dates, ids, those typed) as conditions on articles ``a``.

        ``per_match`` True: only the typed filters checked article by article; False: only
        the others (sets an index gives); None: all.
        """
        if per_match:
            return self._typed_conditions(query, True)
        clauses, params = self._given_conditions(query)
        typed, extra = self._typed_conditions(query, None if per_match is None else False)
        return clauses + typed, params + extra

    def _given_conditions(self, query: SearchQuery) -> tuple[list[str], list]:
        """The filters the query was given apart from its text: sources, dates, ids."""
        clauses, params = [], []
        if query.sources:
            clause, extra = self._ids_in("a.source_id", query.sources)
            clauses.append(clause)
            params += extra
        if query.date_from:
            clauses.append(self._sql("a.date >= ?"))
            params.append(query.date_from)
        if query.date_to:
            clauses.append(self._sql("a.date <= ?"))
            params.append(query.date_to)
        if query.article_ids is not None:
            clause, extra = self._ids_in("a.id", query.article_ids)
            clauses.append(clause)
            params += extra
        return clauses, params

    def _typed_conditions(self, query: SearchQuery, per_match: bool | None) -> tuple[list[str], list]:
        """region:, date: … typed in the query (query_filters.py), of one kind or (None) all."""
        clauses, params = [], []
        for f in query.filters():
            if per_match is None or f.per_match == per_match:
                clause, extra = f.condition()
                clauses.append(self._sql(clause))
                params += extra
        return clauses, params

    @staticmethod
    def _order(query: SearchQuery) -> str:
        """A list's order without a text query: library order, or the chosen sort."""
        return SORT_ORDERS.get(query.sort, _LIBRARY_ORDER)

    def _filters(self, query: SearchQuery) -> tuple[str, list]:
        clauses, params = self._conditions(query)
        return ((" WHERE " + " AND ".join(clauses)) if clauses else ""), params

    def _and_ids(self, ids: set[int] | None, column: str) -> tuple[str, list]:
        if ids is None:
            return "", []
        clause, params = self._ids_in(column, sorted(int(i) for i in ids))
        return f" AND {clause}", params

    def _and_codes(self, codes: list[str] | None) -> tuple[str, list]:
        if codes is None:
            return "", []
        clause, params = self._texts_in("f.region_code", list(codes))
        return f" AND {clause}", params

    @staticmethod
    def _page(query: SearchQuery) -> str:
        if query.limit is None:
            return ""
        return f" LIMIT {int(query.limit)} OFFSET {int(query.offset)}"

    def _count(self, query: SearchQuery) -> int:
        where, params = self._filters(query)
        return self._rows(f"SELECT count(*) FROM articles a{where}", params)[0][0]


class SqlReads(TextSearch, SqlVocabulary, SqlDialect):
    """Articles, sources, figures, regions, lists: reads shared by the SQLite and the PostgreSQL library."""

    # -- articles and sources ----------------------------------------------------------------
    def _article(self, row) -> StoredArticle:
        (aid, sid, sname, pos, title, text, subtitle, byline, section, publication, date,
         captions, inferred, original, page) = row
        return StoredArticle(aid, sid, sname, pos, title, text, subtitle, byline, section,
                             publication, date, tuple(json.loads(captions)), bool(inferred), self._unpack(original),
                             page)

    @read
    def article(self, article_id: int) -> StoredArticle | None:
        rows = self._rows(self._sql(f"SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN sources s"
                                    " ON s.id = a.source_id WHERE a.id = ?"), (article_id,))
        return self._article(rows[0]) if rows else None

    @read
    def articles(self, query: SearchQuery | None = None) -> list[StoredArticle]:
        query = query or SearchQuery(limit=None)
        where, params = self._filters(query)
        return [self._article(r) for r in self._rows(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id{where}"
            f" ORDER BY {self._order(query)}{self._page(query)}", params)]

    @read
    def sources(self) -> list[SourceInfo]:
        return [SourceInfo(*r) for r in self._rows(
            "SELECT s.id, s.path, s.name, s.encoding, s.size, s.imported_at,"
            " (SELECT count(*) FROM articles a WHERE a.source_id = s.id) FROM sources s ORDER BY s.path")]

    @read
    def source_by_path(self, path: str) -> SourceInfo | None:
        rows = self._rows(self._sql(
            "SELECT s.id, s.path, s.name, s.encoding, s.size, s.imported_at,"
            " (SELECT count(*) FROM articles a WHERE a.source_id = s.id) FROM sources s WHERE path = ?"), (path,))
        return SourceInfo(*rows[0]) if rows else None

    @read
    def source_sha256(self, path: str) -> str | None:
        rows = self._rows(self._sql("SELECT sha256 FROM sources WHERE path = ?"), (path,))
        return rows[0][0] if rows else None

    @read
    def article_count(self) -> int:
        return self._rows("SELECT count(*) FROM articles")[0][0]

    @read
    def article_texts(self, ids: list[int]) -> dict[int, str]:
        clause, params = self._ids_in("id", [int(i) for i in ids])
        return dict(self._rows(f"SELECT id, text FROM articles WHERE {clause}", params))

    @read
    def stale_analysis_articles(self, version: int, limit: int | None = None) -> list[int]:
        """Articles analysed by another version (or not yet)."""
        sql = self._sql("SELECT id FROM articles WHERE analysis_version <> ? ORDER BY id")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in self._rows(sql, (version,))]

    @read
    def meta(self, key: str) -> str | None:
        rows = self._rows(self._sql("SELECT value FROM meta WHERE key = ?"), (key,))
        return rows[0][0] if rows else None

    @read
    def change_mark(self) -> str:
        # Every change a client makes adds or removes rows, or (undo, redo) moves a correction
        # from one state to another: counts and largest ids see them all, each from an index.
        parts = self._rows(
            "SELECT (SELECT count(*) FROM sources), (SELECT max(id) FROM sources),"
            " (SELECT max(id) FROM articles), (SELECT max(id) FROM figures),"
            " (SELECT count(*) FROM corrections), (SELECT max(id) FROM corrections),"
            " (SELECT count(*) FROM corrections WHERE state = 'applied'),"
            " (SELECT count(*) FROM notes), (SELECT max(id) FROM notes), (SELECT max(created_at) FROM notes),"
            " (SELECT count(*) FROM user_tags), (SELECT max(changed_at) FROM user_tags),"
            " (SELECT count(*) FROM bookmarks), (SELECT max(created_at) FROM bookmarks),"
            " (SELECT count(*) FROM saved_searches), (SELECT max(created_at) FROM saved_searches),"
            " (SELECT max(opened_at) FROM saved_searches)")[0]
        return "/".join("" if p is None else str(p) for p in parts)

    # -- figures and regions -----------------------------------------------------------------
    @read
    def figures(self, article_id: int) -> list[Figure]:
        rows = self._rows(self._sql(
            'SELECT start, "end", text, value, value_high, unit, kind, approx, indicator, change, as_of,'
            " region, region_code, prefecture, zone, status, id FROM figures WHERE article_id = ? ORDER BY start, id"),
            (article_id,))
        figures = [Figure(s, e, t, v, vh, u, k, a, ind, None if ch is None else json.loads(ch), ao, r, rc, p, z,
                          status=st, id=fid)
                   for s, e, t, v, vh, u, k, a, ind, ch, ao, r, rc, p, z, st, fid in rows]
        texts = self._rows(self._sql("SELECT text FROM articles WHERE id = ?"), (article_id,))
        # worked out on reading, not stored: its weights can improve without a re-analysis
        return with_confidence(figures, texts[0][0]) if texts else figures

    @read
    def article_regions(self, article_id: int, role: str = "subject") -> list[dict]:
        rows = self._rows(self._sql(
            "SELECT code, name, level, prefecture, prefecture_code, province_code, score, zone FROM article_regions"
            " WHERE article_id = ? AND role = ? ORDER BY rank"), (article_id, role))
        return [{"code": c, "name": n, "level": lv, "prefecture": p, "prefecture_code": pc,
                 "province_code": prov, "score": sc, "zone": z} for c, n, lv, p, pc, prov, sc, z in rows]

    @read
    def region_labels(self, article_ids: list[int], most: int = 3) -> dict[int, str]:
        if not article_ids:
            return {}
        clause, params = self._ids_in("article_id", list(article_ids))
        labels: dict[int, list[str]] = {}
        for aid, name, zone in self._rows(f"SELECT article_id, name, zone FROM article_regions"
                                          f" WHERE role = 'subject' AND {clause} ORDER BY article_id, rank",
                                          params):
            names = labels.setdefault(aid, [])
            if len(names) < most:
                names.append(f"{name}（{zone}）" if zone and zone != name else name)
        return {aid: "、".join(names) for aid, names in labels.items()}

    @read
    def region_figure_article_ids(self, codes: list[str]) -> set[int]:
        if not codes:
            return set()
        clause, params = self._texts_in("region_code", list(codes))
        return {r[0] for r in self._rows(f"SELECT DISTINCT article_id FROM figures f WHERE {clause}"
                                         f"{NOT_REJECTED}", params)}

    @read
    def region_article_ids(self, codes: list[str]) -> set[int]:
        if not codes:
            return set()
        clause, params = self._texts_in("code", list(codes))
        return {r[0] for r in self._rows(
            f"SELECT DISTINCT article_id FROM article_regions WHERE role = 'subject' AND {clause}", params)}

    # -- lists and searches -----------------------------------------------------------------------
    @read
    def search(self, query: SearchQuery, offsets: bool = False) -> SearchResult:
        asked, query = query, self._keep_scope(query)
        if not query.has_text:
            # The page's ids in order, then only what a hit shows of those: listing whole articles
            # sorted carried every match's text along and unpacked each page's original text.
            where, params = self._filters(query)
            ids = [r[0] for r in self._rows(
                f"SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id{where}"
                f" ORDER BY {self._order(query)}{self._page(query)}", params)]
            rows = self._hit_rows(ids)
            hits = tuple(SearchHit(aid, title, source, date, 0.0, make_snippet(text, []))
                         for aid, title, source, date, text in (rows[i] for i in ids if i in rows))
            return SearchResult(asked, self._count(query), hits)
        return replace(self._with_notes(query, offsets), query=asked)

    @read
    def search_ids(self, query: SearchQuery) -> set[int]:
        query = self._keep_scope(query)
        if not query.has_text:
            where, params = self._filters(query)
            return {r[0] for r in self._rows(f"SELECT a.id FROM articles a{where}", params)}
        return self._matching_ids(query) | self._note_matching_ids(parse_query(split_filters(query.text)[0]), query)

    def _with_notes(self, query: SearchQuery, offsets: bool) -> SearchResult:
        """The text search, and before its hits the articles only their notes hold the query in."""
        parsed = parse_query(split_filters(query.text)[0])
        by_notes = self._note_matching_ids(parsed, query)
        if by_notes:
            by_notes -= self._matching_ids(query)
        if not by_notes:
            return self._text_search(query, offsets)
        extra = sorted(by_notes, reverse=True)
        start = min(query.offset, len(extra))
        end = len(extra) if query.limit is None else min(len(extra), query.offset + query.limit)
        shown = self._note_hits(extra[start:end], parsed)
        rest_limit = None if query.limit is None else query.limit - len(shown)
        rest = self._text_search(replace(query, offset=max(0, query.offset - len(extra)),
                                         limit=max(rest_limit, 0) if rest_limit is not None else None), offsets)
        hits = tuple(shown) + (rest.hits if rest_limit is None or rest_limit > 0 else ())
        return SearchResult(query, rest.total + len(extra), hits)

    @read
    def rows(self, query: SearchQuery) -> tuple[int, list[ArticleRow]]:
        # Only light columns are read without a text query, so listing a large library stays quick.
        query = self._keep_scope(query)
        if query.has_text:
            result = self.search(query)
            ids = [h.article_id for h in result.hits]
            clause, params = self._ids_in("a.id", ids)
            details = {aid: (n, publication, page) for aid, n, publication, page in self._rows(
                f"SELECT a.id, {_FIGURE_COUNT}, a.publication, a.page FROM articles a WHERE {clause}", params)
            } if ids else {}
            out = []
            for h in result.hits:
                n, publication, page = details.get(h.article_id, (0, "", ""))
                out.append(ArticleRow(h.article_id, h.title, h.date, h.source_name, n, h.score, h.snippet,
                                      publication, page, h.by_pinyin, h.terms))
            return result.total, out
        where, params = self._filters(query)
        rows = [ArticleRow(aid, title, date, source, n, publication=publication, page=page)
                for aid, title, date, source, n, publication, page in self._rows(
                    f"SELECT a.id, a.title, a.date, s.name, {_FIGURE_COUNT}, a.publication, a.page FROM articles a"
                    f" JOIN sources s ON s.id = a.source_id{where} ORDER BY {self._order(query)}{self._page(query)}",
                    params)]
        return self._count(query), rows

    def _hit_rows(self, ids: list[int]) -> dict[int, tuple]:
        if not ids:
            return {}
        clause, params = self._ids_in("a.id", ids)
        return {row[0]: row for row in self._rows(
            "SELECT a.id, a.title, s.name, a.date, a.text FROM articles a JOIN sources s"
            f" ON s.id = a.source_id WHERE {clause}", params)}

    # what people keep (keep_sql.py): tag:, note: and is:bookmarked, and text found in notes
    def _keep_scope(self, query: SearchQuery) -> SearchQuery:
        return query

    def _note_matching_ids(self, parsed, query: SearchQuery) -> set[int]:
        return set()

    def _note_hits(self, ids: list[int], parsed) -> list[SearchHit]:
        return []


class SqlSummaryReads(SqlDialect):
    """The reads of summaries and the region panel, shared by both libraries."""

    @read
    def figure_rows(self, ids: set[int] | None = None) -> list[tuple]:
        where, params = self._and_ids(ids, "f.article_id")
        return self._rows(FIGURE_ROWS + f" WHERE 1=1{NOT_REJECTED}{where} ORDER BY {_LIBRARY_ORDER}, f.start, f.id",
                          params)

    @read
    def article_summary_rows(self, ids: set[int] | None = None) -> list[tuple]:
        where, params = self._and_ids(ids, "a.id")
        rows = self._rows(f"SELECT a.id, a.title, a.date, s.name, {_FIGURE_COUNT}, a.publication, a.page"
                          f" FROM articles a JOIN sources s ON s.id = a.source_id WHERE 1=1{where}"
                          f" ORDER BY {_LIBRARY_ORDER}", params)
        labels = self.region_labels([r[0] for r in rows], most=5) if len(rows) < 50000 else {}
        return [(aid, title, date, source, labels.get(aid, ""), n, publication, page)
                for aid, title, date, source, n, publication, page in rows]

    @read
    def subject_counts(self, ids: set[int] | None = None) -> dict[str, int]:
        where, params = self._and_ids(ids, "article_id")
        return dict(self._rows("SELECT code, count(DISTINCT article_id) FROM article_regions"
                               f" WHERE role = 'subject'{where} GROUP BY code", params))

    @read
    def figure_counts_by_region(self) -> dict[str, int]:
        return dict(self._rows(f"SELECT region_code, count(*) FROM figures f WHERE 1=1{NOT_REJECTED}"
                               " GROUP BY region_code"))

    @read
    def latest_figures(self, codes: list[str] | None, limit: int) -> list[tuple]:
        where, params = self._and_codes(codes)
        rows = self._rows(FIGURE_ROWS + f" WHERE 1=1{NOT_REJECTED}{where} ORDER BY f.id DESC LIMIT {int(limit)}",
                          params)
        rows.reverse()
        return rows

    @read
    def indicator_counts(self, codes: list[str] | None, most: int) -> list[tuple[str, int]]:
        where, params = self._and_codes(codes)
        return self._rows(f"SELECT f.indicator, count(*) AS n FROM figures f WHERE f.indicator <> ''{NOT_REJECTED}{where}"
                          f" GROUP BY f.indicator ORDER BY n DESC, f.indicator{self._collate_c} LIMIT {int(most)}",
                          params)

    @read
    def indicator_figures(self, codes: list[str] | None, indicators: list[str] | None) -> list[tuple]:
        where, params = self._and_codes(codes)
        if indicators is not None:
            clause, more = self._texts_in("f.indicator", list(indicators))
            where, params = f"{where} AND {clause}", [*params, *more]
        return self._rows(FIGURE_ROWS + f" WHERE f.indicator <> '' AND f.region_code <> ''{NOT_REJECTED}{where}"
                          " ORDER BY f.id", params)
