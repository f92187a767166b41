"""``correct``, ``add-figure``, ``undo``, ``review``, ``corrections``: the figures a person stands behind."""

from __future__ import annotations

import sys

from .output import EXIT_BAD_INPUT, EXIT_NOTHING, EXIT_OK, cannot_write, print_json

_FIELDS = ("value", "unit", "kind", "indicator", "approx")


def add_correction_arguments(p) -> None:
    for name in _FIELDS:
        p.add_argument(f"--{name}", help=f"the figure's {name}")
    p.add_argument("--region", help="its region: a name (张家口市, 万全区), 张家口市桥东区 for a shared name, a code; "
                                    "'' for none")


def _changes(args) -> dict:
    from ..core.store.corrections import region_changes

    changes = {name: getattr(args, name) for name in _FIELDS if getattr(args, name) is not None}
    if args.region is not None:
        changes.update(region_changes(args.region))
    return changes


def _refused(lib) -> bool:
    return cannot_write(lib, "(or your role on the server may only read): figures can be looked at, not corrected.")


def _figure_json(article_id: int, f) -> dict:
    return {"article_id": article_id, **f.to_json()}


def cmd_correct(args, lib) -> int:
    from ..core.store.corrections import CorrectionError

    if _refused(lib):
        return EXIT_BAD_INPUT
    try:
        changes = _changes(args)
        action = "accept" if args.accept else "reject" if args.reject else "edit"
        if action == "edit" and not changes:
            raise CorrectionError("say what to change (--value, --unit, --kind, --indicator, --approx, --region), "
                                  "or --accept / --reject")
        if action != "edit" and changes:
            lib.correct_figure(args.figure_id, "edit", changes)
        cid = lib.correct_figure(args.figure_id, action, {} if action != "edit" else changes)
    except CorrectionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    article_id, figure = lib.figure(args.figure_id)
    if args.json:
        print_json({"correction": cid, "figure": _figure_json(article_id, figure)})
    else:
        print(f"figure {figure.id}: {figure.text} → {figure.value:g} {figure.unit} ({figure.status}), "
              f"{figure.indicator or '—'}, {figure.region or '—'}")
    return EXIT_OK


def cmd_add_figure(args, lib) -> int:
    from ..core.store.corrections import CorrectionError, prefill

    if _refused(lib):
        return EXIT_BAD_INPUT
    article = lib.article(args.article_id)
    if article is None:
        print(f"error: no article with id {args.article_id}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    selected = article.text[args.start:args.end]
    values = prefill(selected)  # the selection read as a figure fills in what was not given
    try:
        values.update(_changes(args))
        if "value" not in values:
            raise CorrectionError(f"no number could be read in {selected!r}: give --value and --unit")
        cid = lib.add_figure(args.article_id, args.start, args.end, values)
    except CorrectionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    added = [f for f in lib.figures(args.article_id) if f.start == args.start and f.status == "added"]
    if args.json:
        print_json({"correction": cid, "figure": _figure_json(args.article_id, added[0]) if added else None})
    else:
        print(f"added {selected!r} as figure {added[0].id if added else '?'} (correction {cid})")
    return EXIT_OK


def cmd_undo(args, lib) -> int:
    from ..core.store.corrections import CorrectionError

    if _refused(lib):
        return EXIT_BAD_INPUT
    try:
        lib.set_correction_state(args.correction_id, "applied" if args.redo else "undone")
    except CorrectionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"correction {args.correction_id} {'applied again' if args.redo else 'undone'}")
    return EXIT_OK


def cmd_review(args, lib) -> int:
    """The review queue: figures nobody has reviewed, least certain first."""
    from ..core.extract.analysis import refresh_stale
    from ..core.extract.confidence import REASONS

    if not lib.read_only:
        refresh_stale(lib)
    queue = lib.unreviewed_figures(args.limit)
    if args.json:
        print_json([_figure_json(aid, f) for aid, f in queue])
    else:
        for aid, f in queue:
            why = "; ".join(REASONS[r][1] for r in f.reasons) or "—"
            print(f"{f.id:>7}  {f.confidence:.2f}  article {aid}: {f.text}  {f.indicator or '—'} | "
                  f"{f.region or '—'}  ({why})")
    return EXIT_OK if queue else EXIT_NOTHING


def cmd_corrections(args, lib) -> int:
    made = lib.corrections(args.article, "needs_look" if args.needs_look else None)
    if args.json:
        print_json([c.to_json() for c in made])
    else:
        for c in made:
            what = _what_changed(c)
            print(f"{c.id:>6}  {c.made_at}  {c.author}  article {c.article_id} {c.anchor.text!r}: {c.action}"
                  f"{' (' + what + ')' if what else ''}{'' if c.state == 'applied' else '  [' + c.state + ']'}")
    return EXIT_OK if made else EXIT_NOTHING


def _what_changed(c) -> str:
    if c.action == "merge":
        return f"article {c.changes['merged']} joined at {c.changes['offset']}"
    if c.action == "split":
        return f"cut at {c.changes['at']}, the rest article {c.changes['new_article']}"
    if c.action == "subjects":
        return " ".join([*(f"+{a['code']}" for a in c.changes["add"]), *(f"-{r}" for r in c.changes["remove"])])
    return ", ".join(f"{k}: {c.previous.get(k) or ''} → {v or ''}" for k, v in c.changes.items() if k != "region_code")


def cmd_conflicts(args, lib) -> int:
    """Figures of one region and indicator that other articles give differently."""
    from ..core.briefing.conflicts import find_conflicts
    from ..core.extract.analysis import refresh_stale

    if not lib.read_only:
        refresh_stale(lib)
    found = find_conflicts(lib)
    if args.json:
        print_json([c.to_json() for c in found])
    else:
        for c in found:
            print(f"{c.region} {c.indicator} ({c.unit}):")
            for r in c.reports:
                print(f"    {r.text:<14} {r.year or 'year ?':<8} article {r.article_id} {r.title[:30]}"
                      f"{' (' + r.date + ')' if r.date else ''}")
    return EXIT_OK if found else EXIT_NOTHING
