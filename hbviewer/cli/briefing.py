"""``summary``, ``export`` and ``briefing``: figures per region, the Excel workbook, the Word draft."""

from __future__ import annotations

import sys

from .output import EXIT_BAD_INPUT, EXIT_NOTHING, EXIT_OK, print_json


def _resolve_region_names(names: list[str]) -> tuple[str, ...]:
    """Region codes for names as staff write them (张家口市, 张家口, 130700); Hebei first."""
    from ..core.extract.gazetteer import gazetteer
    from ..core.text.textnorm import simplify

    gaz = gazetteer()
    codes = []
    for name in names:
        if name.isdigit() and gaz.get(name):
            codes.append(name)
            continue
        found = gaz.by_name(simplify(name.strip()))
        found = sorted(found, key=lambda r: (not r.current, r.province_code != "130000"))
        if not found:
            raise ValueError(f"no region called {name!r}.")
        codes.append(found[0].code)
    return tuple(codes)


def _query(args):
    """The search and dates the options give, or None for the whole library."""
    from ..core.briefing.briefing import date_bound
    from ..core.store.search import SearchQuery

    date_from, date_to = date_bound(getattr(args, "date_from", None), False), \
        date_bound(getattr(args, "date_to", None), True)
    if not (args.query or date_from or date_to):
        return None
    return SearchQuery(text=args.query or "", date_from=date_from, date_to=date_to, limit=None)


def _scope(args):
    from ..core.briefing.summary import SummaryScope

    return SummaryScope(query=_query(args), region_codes=_resolve_region_names(args.region or []),
                        reviewed_only=getattr(args, "reviewed_only", False))


def _figure_records(figures) -> list[dict]:
    cols = ["article_id", "region", "region_code", "prefecture", "zone", "indicator", "value", "value_high", "unit",
            "kind", "approx", "as_of", "text", "title", "source", "sentence"]
    records = figures[cols].to_dict("records")
    for r in records:
        for key, value in r.items():
            if isinstance(value, float) and value != value:
                r[key] = None
    return records


def _summary_for(args, lib):
    """The summary of the scope the options name, or None after saying what is wrong."""
    from ..core.extract.analysis import refresh_stale
    from ..core.briefing.summary import build_summary

    try:
        scope = _scope(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    refresh_stale(lib)
    return build_summary(lib, scope)


def cmd_summary(args, lib) -> int:
    summary = _summary_for(args, lib)
    if summary is None:
        return EXIT_BAD_INPUT
    scope = summary.scope
    if args.json:
        data = {"scope": scope.label, "articles": len(summary.articles), "figures": len(summary.figures),
                "tree": [n.to_json() for n in summary.tree]}
        if scope.region_codes or scope.query is not None:
            data["figure_rows"] = _figure_records(summary.figures)
        if scope.region_codes:
            data["latest"] = [v.to_json() for v in _latest(lib, scope)]
        print_json(data)
    else:
        print(f"{scope.label}: {len(summary.articles)} articles, {len(summary.figures)} figures")
        for root in summary.tree:
            for depth, node in _walk(root):
                print(f"{'  ' * depth}{node.name}: {node.articles} articles, {node.figures} figures")
        if scope.region_codes:
            for r in _figure_records(summary.figures):
                print(f"  {r['region']}  {r['indicator'] or '?'}  {r['text']}  ({r['title']})")
            print("latest values:")
            for v in _latest(lib, scope):
                against = "; ".join(f"{r.text} ({r.title} {r.date or 'undated'})" for r in v.disagreeing)
                print(f"  {v.region}  {v.indicator}  {v.latest.text}  {v.when}  ({v.latest.title})"
                      f"{'  disagrees: ' + against if against else ''}")
    return EXIT_OK if len(summary.figures) or len(summary.articles) else EXIT_NOTHING


def _latest(lib, scope):
    """The latest value of each indicator of the scope's regions (their own figures), as the window shows them."""
    from ..core.briefing.summary import region_latest

    return [v for code in scope.region_codes for v in region_latest(lib, code)]


def _walk(node, depth: int = 0):
    yield depth, node
    for c in node.children:
        yield from _walk(c, depth + 1)


def cmd_export(args, lib) -> int:
    from ..core.briefing.excel import ExportError, write_workbook

    summary = _summary_for(args, lib)
    if summary is None:
        return EXIT_BAD_INPUT
    try:
        path = write_workbook(summary, args.out, per_region_sheets=args.per_region_sheets,
                              chart_indicator=args.chart)
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print_json({"path": str(path), "figures": len(summary.figures), "articles": len(summary.articles)})
    else:
        print(f"{path}: {len(summary.figures)} figures from {len(summary.articles)} articles")
    return EXIT_OK


def cmd_briefing(args, lib) -> int:
    from ..core.briefing.briefing import BriefingScope, build_briefing, date_bound
    from ..core.briefing.draft import draft_text
    from ..core.briefing.word import BriefingError, write_briefing
    from ..core.extract.analysis import refresh_stale

    try:
        date_bound(args.date_from, False), date_bound(args.date_to, True)  # said now, not half-way
        scope = BriefingScope(region_codes=_resolve_region_names(args.region or []), date_from=args.date_from,
                              date_to=args.date_to, query=_query(args) if args.query else None,
                              title=args.title or "")
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    refresh_stale(lib)
    draft = build_briefing(lib, scope)
    figures = draft.figure_count
    if args.preview:
        print(draft_text(draft))
        return EXIT_OK if figures else EXIT_NOTHING
    try:
        path = write_briefing(draft, args.out, template=args.template)
    except BriefingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print_json({"path": str(path), "title": draft.title, "sections": [s.name for s in draft.sections],
                    "figures": figures, "conflicts": len(draft.conflicts)})
    else:
        marked = f", {len(draft.conflicts)} marked to check" if draft.conflicts else ""
        print(f"{path}: {draft.title}, {len(draft.sections)} sections, {figures} figures{marked}")
    return EXIT_OK if figures else EXIT_NOTHING
