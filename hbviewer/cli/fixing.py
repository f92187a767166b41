"""``fix``, ``merge``, ``split``: an article's title, where it appeared, its subjects, where it begins and ends.

Each is a correction of the library's: ``corrections`` lists it, ``undo`` takes it back.
"""

from __future__ import annotations

import sys

from .output import EXIT_BAD_INPUT, EXIT_OK, cannot_write, print_json

FIELDS = ("title", "publication", "date", "page")


def add_fix_commands(sub, common) -> None:
    p = sub.add_parser("fix", parents=[common], help="fix an article's title, publication, date, page or regions")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    for name in FIELDS:
        p.add_argument(f"--{name}", help=f"its {name}" + (" (2024-05-09 or 2024年5月9日; '' for none)"
                                                           if name == "date" else " (3, A3 or 第3版)"
                                                           if name == "page" else ""))
    p.add_argument("--add-region", action="append", default=[], metavar="REGION",
                   help="a region it is about (a name, 张家口市桥东区 for a shared name, or a code); repeatable")
    p.add_argument("--remove-region", action="append", default=[], metavar="REGION",
                   help="a region it is not about; repeatable")
    p.set_defaults(func=cmd_fix)

    p = sub.add_parser("merge", parents=[common], help="join the next article of the same page to this one")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("split", parents=[common], help="cut an article in two; the rest becomes the next article")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("position", type=int, metavar="POSITION",
                   help="where the second article begins in the text (0-based, as `show --json` gives it)")
    p.set_defaults(func=cmd_split)


def _run(lib, make) -> list[int] | None:
    from ..core.store import LibraryError
    from ..core.store.corrections import CorrectionError

    if cannot_write(lib, "(or your role on the server may only read): articles can be read, not fixed."):
        return None
    try:
        return make()
    except (CorrectionError, LibraryError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _said(args, lib, made: list[int] | None, article_ids: list[int]) -> int:
    if made is None:
        return EXIT_BAD_INPUT
    shown = [a for a in (lib.article(i) for i in article_ids) if a is not None]
    if args.json:
        print_json({"corrections": made, "articles": [
            {"id": a.id, "title": a.title, "publication": a.publication, "date": a.date, "page": a.page,
             "regions": [r["name"] for r in lib.article_regions(a.id)], "characters": len(a.text)} for a in shown]})
    else:
        for a in shown:
            regions = "、".join(r["name"] for r in lib.article_regions(a.id)) or "—"
            print(f"article {a.id}: {a.title}  {a.publication or '—'} {a.date or '—'} "
                  f"{('第' + a.page + '版') if a.page else ''}  [{regions}]")
        print(f"correction {', '.join(map(str, made))} (hbviewer-cli undo to take it back)")
    return EXIT_OK


def cmd_fix(args, lib) -> int:
    from ..core.store.corrections import CorrectionError

    def make():
        changes = {name: getattr(args, name) for name in FIELDS if getattr(args, name) is not None}
        if not changes and not (args.add_region or args.remove_region):
            raise CorrectionError("say what to fix: --title, --publication, --date, --page, --add-region or "
                                  "--remove-region")
        made = [lib.fix_article(args.article_id, changes)] if changes else []
        if args.add_region or args.remove_region:
            try:
                made.append(lib.fix_subjects(args.article_id, args.add_region, args.remove_region))
            except CorrectionError:
                for cid in made:  # all of the command or nothing
                    lib.set_correction_state(cid, "undone")
                raise
        return made

    return _said(args, lib, _run(lib, make), [args.article_id])


def cmd_merge(args, lib) -> int:
    return _said(args, lib, _run(lib, lambda: [lib.merge_articles(args.article_id)]), [args.article_id])


def cmd_split(args, lib) -> int:
    made = _run(lib, lambda: [lib.split_article(args.article_id, args.position)])
    new = [lib.corrections(args.article_id)[-1].changes["new_article"]] if made else []
    return _said(args, lib, made, [args.article_id, *new])
