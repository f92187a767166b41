"""``search``, ``list`` and ``show``: finding articles and reading one."""

from __future__ import annotations

import sys
from dataclasses import asdict

from .output import EXIT_BAD_INPUT, EXIT_NOTHING, EXIT_OK, print_json


def _query(args):
    from ..core.store.search import SearchQuery

    return SearchQuery(text=getattr(args, "query", "") or "", date_from=args.date_from,
                       date_to=args.date_to,
                       sources=tuple(args.source) if getattr(args, "source", None) else (),
                       limit=args.limit, sort=getattr(args, "sort", "relevance"),
                       pinyin=getattr(args, "pinyin", True))


def cmd_search(args, lib) -> int:
    from ..core.store.search import QueryError

    try:
        result = lib.search(_query(args), offsets=args.json)
    except QueryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print_json({"query": args.query, "total": result.total, "hits": [
            {"id": h.article_id, "title": h.title, "source": h.source_name, "date": h.date,
             "score": round(h.score, 4), "by_pinyin": h.by_pinyin, "snippet": h.snippet.text,
             "snippet_hits": [list(s) for s in h.snippet.hits],
             "title_hits": [list(s) for s in h.title_hits],
             "text_hits": [list(s) for s in h.text_hits]} for h in result.hits]})
    else:
        for h in result.hits:
            flag = "  [pinyin]" if h.by_pinyin else ""
            print(f"[{h.article_id}] {h.title}  ({h.source_name}{', ' + h.date if h.date else ''}){flag}")
            print(f"    {h.snippet.text}")
        shown = len(result.hits)
        print(f"{result.total} articles found" + (f", {shown} shown" if shown < result.total else ""))
    return EXIT_OK if result.total else EXIT_NOTHING


def cmd_list(args, lib) -> int:
    from ..core.model import source_label

    articles = lib.articles(_query(args))
    if args.json:
        print_json([{"id": a.id, "title": a.title, "source": a.source_name, "date": a.date,
                     "publication": a.publication, "page": a.page, "section": a.section,
                     "position": a.position} for a in articles])
    else:
        for a in articles:
            where = source_label(a.publication, a.page, a.source_name)
            print(f"[{a.id}] {a.title}  ({where}{', ' + a.date if a.date else ''})")
    return EXIT_OK if articles else EXIT_NOTHING


def cmd_show(args, lib) -> int:
    from ..core.model import page_label

    article = lib.article(args.id)
    if article is None:
        print(f"error: no article with id {args.id}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print_json(asdict(article))
        return EXIT_OK
    print(article.title)
    for label, value in (("subtitle", article.subtitle), ("byline", article.byline),
                         ("date", article.date), ("publication", article.publication),
                         ("page", page_label(article.page)), ("section", article.section),
                         ("source", article.source_name)):
        if value:
            print(f"{label}: {value}")
    print()
    print(article.text)
    for caption in article.captions:
        print(f"[caption] {caption}")
    return EXIT_OK
