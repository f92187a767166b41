"""Search: the query language, the index tokens, and hits in the shown text.

The index holds overlapping character bigrams of the folded text (simplified,
lower-case, white space collapsed), plus the last character alone. A query
string of n >= 2 characters is the phrase of its n-1 bigrams, which matches
exactly where the string occurs; a single character is a prefix query over the
bigrams it starts. So every article that contains the query string is found,
for 1-character queries too — word segmentation (农业 inside 农业发展银行) or a
trigram index (nothing under 3 characters) would miss some.

SQLite's FTS5 only offers its own tokenizers to Python, so each bigram is
written as the hex of its UTF-32 code points: plain ASCII tokens that the
``ascii`` tokenizer keeps whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..text.textnorm import collapse_spaces, fold
from .query_filters import QueryError, QueryFilter, split_filters

INDEX_VERSION = 1  # bump when tokens change: the library rebuilds its index
SNIPPET_WIDTH = 90  # characters a result's snippet shows; its hits lie within this of the first
_TERM_MOST = 40  # a longer search term may go unmarked at the end of a snippet
_CHAR_HEX = 8
SORTS = ("relevance", "date", "figures")  # best match first; newest first; most figures first


def _hex(text: str) -> str:
    return text.encode("utf-32-be").hex()


def index_tokens(text: str) -> str:
    """The token stream the index stores for one field of an article."""
    return folded_index_tokens(fold(text))


def folded_index_tokens(folded: str) -> str:
    """:func:`index_tokens` of a text already folded."""
    s = collapse_spaces(folded)
    if not s:
        return ""
    h = _hex(s)
    step = _CHAR_HEX
    bigrams = [h[i:i + 2 * step] for i in range(0, len(h) - step, step)]
    bigrams.append(h[-step:])
    return " ".join(bigrams)


def term_expression(term: str) -> str:
    """FTS5 expression for one term (already folded, spaces collapsed)."""
    h = _hex(term)
    if len(term) == 1:
        return h + "*"
    step = _CHAR_HEX
    return '"' + " ".join(h[i:i + 2 * step] for i in range(0, len(h) - step, step)) + '"'


@dataclass(frozen=True)
class SearchQuery:
    """What the user asked for: text plus filters. Copies, never mutation."""

    text: str = ""
    sources: tuple[int, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    article_ids: tuple[int, ...] | None = None  # restrict to these (e.g. a region's articles)
    limit: int | None = 50
    offset: int = 0
    sort: str = "relevance"  # one of SORTS
    pinyin: bool = True  # Latin words also find the Chinese words they spell (张家口 for zjk)

    def with_text(self, text: str) -> "SearchQuery":
        return replace(self, text=text, offset=0)

    def with_limit(self, limit: int | None) -> "SearchQuery":
        return replace(self, limit=limit)

    @property
    def has_text(self) -> bool:
        """True when the query looks for text, not only filters (``region:`` …)."""
        return bool(self.text.strip()) and bool(split_filters(self.text)[0].strip())

    def filters(self) -> tuple[QueryFilter, ...]:
        return split_filters(self.text)[1] if self.text.strip() else ()


@dataclass(frozen=True)
class ParsedQuery:
    """A query as groups of alternatives: (a OR b) AND c AND NOT d."""

    required: tuple[tuple[str, ...], ...]  # each inner tuple is OR'd; groups are AND'd
    excluded: tuple[str, ...]
    filters: tuple[QueryFilter, ...] = ()  # region:, date: … (query_filters.py)

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(t for group in self.required for t in group)

    @property
    def has_text(self) -> bool:
        """True when there is text to look for, not only filters."""
        return bool(self.required)

    def fts_expression(self) -> str:
        groups = ["(" + " OR ".join(term_expression(t) for t in g) + ")" for g in self.required]
        expr = " AND ".join(groups)
        for t in self.excluded:
            expr = f"({expr}) NOT {term_expression(t)}"
        return expr


_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse_query(text: str) -> ParsedQuery:
    """Parse ``张家口 科技``, ``"科技创新"``, ``-北京``, ``廊坊 OR 涿州``.

    Several terms must all occur; ``OR`` (or ``|``) between two terms accepts
    either; ``-term`` excludes; ASCII quotes keep a phrase with spaces together.
    Chinese quotation marks are text to find, except around a whole term.
    Terms are folded like the index, so 張家口 and 张家口 are the same query.
    ``name:value`` terms are filters (``query_filters.py``); a query may be filters alone.
    """
    text, filters = split_filters(text)
    items: list[tuple[str, bool]] = []  # (term, negated); "OR" marks alternation
    for m in _TOKEN.finditer(text):
        if m.group(3) is not None:
            word = m.group(3)
            if word in ("OR", "|"):
                items.append(("OR", False))
                continue
            negated = word.startswith("-") and len(word) > 1
            term = word[1:] if negated else word
            if len(term) > 2 and term[0] == "“" and term[-1] == "”" and "“" not in term[1:-1]:
                term = term[1:-1]  # “科技创新” typed with a Chinese input method: a phrase
        else:
            negated = bool(m.group(1))
            term = m.group(2)
        term = collapse_spaces(fold(term))
        if term:
            items.append((term, negated))
    required: list[list[str]] = []
    excluded: list[str] = []
    join_next = False
    for term, negated in items:
        if term == "OR" and not negated:
            join_next = bool(required)
            continue
        if negated:
            excluded.append(term)
            join_next = False
        elif join_next and required:
            required[-1].append(term)
            join_next = False
        else:
            required.append([term])
    if not required:
        if excluded:
            raise QueryError("A search needs at least one word to look for, not only words to leave out.")
        if not filters:
            raise QueryError("The search is empty.")
    return ParsedQuery(tuple(tuple(g) for g in required), tuple(excluded), filters)


def find_spans(text: str, terms) -> list[tuple[int, int]]:
    """Offsets of every occurrence of the terms in ``text`` (display form), merged."""
    return _spans_in(fold(text), terms)


def _spans_in(folded: str, terms) -> list[tuple[int, int]]:
    spans = []
    for term in terms:
        if " " in term:
            pattern = re.compile(r"\s+".join(re.escape(part) for part in term.split(" ")))
            spans.extend(m.span() for m in pattern.finditer(folded))
            continue
        start = folded.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:  # overlapping hits merge; touching ones stay two
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def first_spans(text: str, terms, reach: int = SNIPPET_WIDTH) -> list[tuple[int, int]]:
    """The hits a snippet shows: the first one and those less than ``reach`` after it.

    Folding only as much text as that takes: folding a long article whole for
    each of 50 results was most of a search's time, and the first hit is most
    often in the first lines. The text is folded in pieces, each four times
    the last, until a hit turns up, then up to ``reach`` past it.
    """
    folded, piece, spans = "", 2 * reach, []
    while len(folded) < len(text):
        folded += fold(text[len(folded):len(folded) + piece])
        spans = _spans_in(folded, terms)
        if not spans:
            piece *= 4
            continue
        # _TERM_MOST more: a hit that starts within reach is found whole
        wanted = spans[0][0] + reach + _TERM_MOST
        if wanted <= len(folded):
            break
        piece = wanted - len(folded)
    if not spans:
        return []
    first = spans[0][0]
    return [(s, e) for s, e in spans if s < first + reach]


@dataclass(frozen=True)
class Snippet:
    text: str
    hits: tuple[tuple[int, int], ...]  # offsets into ``text``


def make_snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_WIDTH) -> Snippet:
    """A window of about ``width`` characters around the first hits, on one line."""
    if not spans:
        return Snippet(_one_line(text[:width])[0] + ("…" if len(text) > width else ""), ())
    first = spans[0][0]
    start = max(0, first - width // 3)
    # Start after a sentence or paragraph break when one is near.
    for sep in ("\n", "。", "!", "?", "！", "？"):
        cut = text.rfind(sep, start, first)
        if cut >= 0 and first - cut < width // 2:
            start = cut + 1
            break
    end = min(len(text), start + width)
    prefix = "…" if start > 0 else ""
    window, where = _one_line(text[start:end])
    hits = tuple((where[s - start] + len(prefix), where[min(e, end) - start] + len(prefix))
                 for s, e in spans if start <= s < end)
    return Snippet(prefix + window + ("…" if end < len(text) else ""), hits)


def _one_line(text: str) -> tuple[str, list[int] | range]:
    """Collapse line breaks to one space; ``where[i]`` is where text[i] went."""
    if "\n" not in text:
        return text, range(len(text) + 1)
    parts: list[str] = []
    where: list[int] = []
    size = 0
    ends_blank = True  # nothing yet, or a space last: a line break adds nothing
    for k, line in enumerate(text.split("\n")):
        if k:
            where.append(size)  # the line break itself
            if not ends_blank:
                parts.append(" ")
                size += 1
                ends_blank = True
        if line:
            where.extend(range(size, size + len(line)))
            parts.append(line)
            size += len(line)
            ends_blank = line[-1] == " "
    where.append(size)
    return "".join(parts), where


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str
    source_name: str
    date: str | None
    score: float
    snippet: Snippet
    title_hits: tuple[tuple[int, int], ...] = ()
    text_hits: tuple[tuple[int, int], ...] = ()
    by_pinyin: bool = False  # found only by the Chinese words a Latin term spells
    terms: tuple[str, ...] = ()  # for a pinyin hit, the terms its hits are of (those words too)


@dataclass(frozen=True)
class SearchResult:
    query: SearchQuery
    total: int
    hits: tuple[SearchHit, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ArticleRow:
    """One line of an article list: what the library pane and ``list`` show."""

    article_id: int
    title: str
    date: str | None
    source_name: str
    figure_count: int
    score: float = 0.0
    snippet: Snippet | None = None
    publication: str = ""
    page: str = ""
    by_pinyin: bool = False
    terms: tuple[str, ...] = ()  # as SearchHit.terms: what the article view underlines


def search_hit(row, score: float, parsed: ParsedQuery, offsets: bool, by_pinyin: bool = False) -> SearchHit:
    """A hit from ``(id, title, source name, date, text)``: its snippet and the terms' offsets.

    Only the snippet's hits are found unless ``offsets`` asks for every hit
    offset in the text (a list needs no more; the article view finds its own).
    """
    article_id, title, source_name, date, text = row
    title_spans = find_spans(title, parsed.terms)
    if offsets:
        text_spans = find_spans(text, parsed.terms)
        snippet = make_snippet(text, text_spans)
    else:
        text_spans = []
        snippet = make_snippet(text, first_spans(text, parsed.terms))
    return SearchHit(article_id, title, source_name, date, float(score), snippet, tuple(title_spans),
                     tuple(text_spans), by_pinyin, parsed.terms if by_pinyin else ())
