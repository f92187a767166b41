"""``summary`` and ``export``: articles and figures per region, and the Excel workbook."""

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


def _scope(args):
    from ..core.store.search import SearchQuery
    from ..core.briefing.summary import SummaryScope

    query = SearchQuery(text=args.query, limit=None) if args.query else None
    return SummaryScope(query=query, region_codes=_resolve_region_names(args.region or []))


def _figure_records(figures) -> list[dict]:
    cols = ["article_id", "region", "region_code", "prefecture", "indicator", "value", "value_high", "unit",
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
        print_json(data)
    else:
        print(f"{scope.label}: {len(summary.articles)} articles, {len(summary.figures)} figures")
        for root in summary.tree:
            for depth, node in _walk(root):
                print(f"{'  ' * depth}{node.name}: {node.articles} articles, {node.figures} figures")
        if scope.region_codes:
            for r in _figure_records(summary.figures):
                print(f"  {r['region']}  {r['indicator'] or '?'}  {r['text']}  ({r['title']})")
    return EXIT_OK if len(summary.figures) or len(summary.articles) else EXIT_NOTHING


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
