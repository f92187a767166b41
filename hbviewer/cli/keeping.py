"""``tags``, ``note``, ``notes``, ``bookmark`` and ``saved``: what people keep about articles."""

from __future__ import annotations

import sys

from .output import EXIT_BAD_INPUT, EXIT_NOTHING, EXIT_OK, print_json


def _bad(message) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def cmd_tags(args, lib) -> int:
    if lib.article(args.id) is None:
        return _bad(f"no article with id {args.id}.")
    try:
        if args.add or args.remove:
            shown = lib.edit_tags(args.id, add=tuple(args.add or ()), remove=tuple(args.remove or ()))
        else:
            shown = lib.tags(args.id)
    except ValueError as exc:
        return _bad(exc)
    if args.json:
        print_json([{"tag": t, "origin": origin} for t, origin in shown])
    else:
        for t, origin in shown:
            print(t if origin == "auto" else f"{t}  (added)")
    return EXIT_OK if shown else EXIT_NOTHING


def _figure_span(lib, article_id: int, number: int) -> tuple[int, int]:
    figures = lib.figures(article_id)
    if not 1 <= number <= len(figures):
        raise ValueError(f"article {article_id} has {len(figures)} figure(s); --figure counts them from 1 "
                         "as `figures ARTICLE_ID` lists them.")
    return figures[number - 1].start, figures[number - 1].end


def cmd_note(args, lib) -> int:
    if lib.article(args.id) is None:
        return _bad(f"no article with id {args.id}.")
    try:
        span = _figure_span(lib, args.id, args.figure) if args.figure is not None else None
        note = lib.add_note(args.id, " ".join(args.text), span)
    except ValueError as exc:
        return _bad(exc)
    if args.json:
        print_json(note.to_json())
    else:
        print(f"note {note.id} added to article {args.id}" + (f", figure {args.figure}" if span else ""))
    return EXIT_OK


def cmd_notes(args, lib) -> int:
    if args.remove is not None:
        if not lib.remove_note(args.remove):
            return _bad(f"no note with id {args.remove}.")
        print(f"note {args.remove} removed")
        return EXIT_OK
    notes = lib.notes([args.article] if args.article is not None else None)
    if args.json:
        print_json([n.to_json() for n in notes])
        return EXIT_OK if notes else EXIT_NOTHING
    texts = lib.article_texts(sorted({n.article_id for n in notes if n.span}))
    for n in notes:
        on = f" on {texts[n.article_id][n.span[0]:n.span[1]]}" if n.span and n.article_id in texts else ""
        print(f"[{n.id}] article {n.article_id}{on} — {n.author or '?'}, {n.created_at}")
        print(f"    {n.text}")
    return EXIT_OK if notes else EXIT_NOTHING


def cmd_bookmark(args, lib) -> int:
    if args.id is None:
        ids = sorted(lib.bookmarked_ids())
        if args.json:
            print_json(ids)
        else:
            for a in lib.articles(_ids_query(ids)):
                print(f"[{a.id}] {a.title}  ({a.source_name}{', ' + a.date if a.date else ''})")
        return EXIT_OK if ids else EXIT_NOTHING
    if lib.article(args.id) is None:
        return _bad(f"no article with id {args.id}.")
    lib.set_bookmark(args.id, not args.off)
    print(f"article {args.id} {'no longer bookmarked' if args.off else 'bookmarked'}")
    return EXIT_OK


def _ids_query(ids):
    from ..core.store.search import SearchQuery

    return SearchQuery(article_ids=tuple(ids), limit=None)


def cmd_saved(args, lib) -> int:
    from ..core.store.search import QueryError, SearchQuery

    try:
        if args.save:
            name, text = args.save
            query = SearchQuery(text=text, date_from=args.date_from, date_to=args.date_to,
                                sources=tuple(args.source) if args.source else ())
            lib.search_ids(query)  # a query that cannot run is refused now, not when it is opened
            lib.save_search(name, query)
            print(f"saved search {' '.join(name.split())!r}")
            return EXIT_OK
        if args.delete:
            if not lib.delete_saved_search(args.delete):
                return _bad(f"no saved search named {args.delete!r}.")
            print(f"saved search {args.delete!r} deleted")
            return EXIT_OK
    except (ValueError, QueryError) as exc:
        return _bad(exc)
    saved = lib.saved_searches()
    if args.json:
        print_json([s.to_json() for s in saved])
    else:
        for s in saved:
            print(f"{s.name}: {s.query.text}  ({s.new} new since {s.opened_at})")
    return EXIT_OK if saved else EXIT_NOTHING


def add_commands(sub, common, filters) -> None:
    """The parsers of this module's commands."""
    p = sub.add_parser("tags", parents=[common], help="an article's tags; add or remove some")
    p.add_argument("id", type=int, metavar="ARTICLE_ID")
    p.add_argument("--add", action="append", metavar="TAG", help="add a tag (repeatable)")
    p.add_argument("--remove", action="append", metavar="TAG",
                   help="remove a tag (repeatable); an automatic tag stays removed after a new analysis")
    p.set_defaults(func=cmd_tags)

    p = sub.add_parser("note", parents=[common], help="add a note to an article, or to one of its figures")
    p.add_argument("id", type=int, metavar="ARTICLE_ID")
    p.add_argument("text", nargs="+", metavar="TEXT")
    p.add_argument("--figure", type=int, metavar="N", help="the figure's number in `figures ARTICLE_ID`, from 1")
    p.set_defaults(func=cmd_note)

    p = sub.add_parser("notes", parents=[common], help="list notes (search them with note:WORD)")
    p.add_argument("--article", type=int, metavar="ARTICLE_ID", help="only this article's")
    p.add_argument("--remove", type=int, metavar="NOTE_ID", help="remove this note")
    p.set_defaults(func=cmd_notes)

    p = sub.add_parser("bookmark", parents=[common], help="bookmark an article; without one, list the bookmarked")
    p.add_argument("id", type=int, nargs="?", metavar="ARTICLE_ID")
    p.add_argument("--off", action="store_true", help="remove the bookmark")
    p.set_defaults(func=cmd_bookmark)

    p = sub.add_parser("saved", parents=[common, filters], help="saved searches, with their new articles")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--save", nargs=2, metavar=("NAME", "QUERY"),
                        help="save QUERY (with --from, --to, --source) under NAME")
    action.add_argument("--delete", metavar="NAME")
    p.set_defaults(func=cmd_saved)
