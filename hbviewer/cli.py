"""hbviewer-cli: the library from a terminal or a script.

Exit codes: 0 ok, 1 nothing found, 2 bad input (a bad file, a bad query, a
library that cannot be opened). ``--json`` prints machine-readable output.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_NOTHING, EXIT_BAD_INPUT = 0, 1, 2


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


class _TerminalProgress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.enabled = stream.isatty()

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.enabled or total == 0:
            return
        width = 30
        filled = int(width * done / total)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def _open_library(args):
    from .paths import default_library_path

    return open_location(args.library or default_library_path(), getattr(args, "password_stdin", False))


def open_location(location, password_stdin: bool = False, create: bool = True):
    """A library file, or a server (``postgresql://``) with its password from the keyring or asked for.

    libpq's own sources (PGPASSWORD, ~/.pgpass) are tried first, then the keyring;
    a refused password is asked on the terminal, or read from standard input with
    ``--password-stdin`` (scripts). A password typed here is never written anywhere.
    """
    from .core.store.credentials import stored_password
    from .core.store.errors import LibraryError
    from .core.store.locations import display_location, is_server_location, open_library

    if not is_server_location(location):
        return open_library(Path(location), create=create)
    if password_stdin:
        return open_library(location, create=create, password=sys.stdin.readline().rstrip("\n"))
    try:
        return open_library(location, create=create)
    except LibraryError as exc:
        if exc.code != "password":
            raise
    stored = stored_password(location)
    if stored is not None:
        try:
            return open_library(location, create=create, password=stored)
        except LibraryError as exc:
            if exc.code != "password":
                raise
    if not sys.stdin.isatty():
        raise LibraryError(f"The server refused the password for {display_location(location)}. Give it with "
                           "--password-stdin, PGPASSWORD or ~/.pgpass, or save it in the window's "
                           "preferences.", "password")
    import getpass

    return open_library(location, create=create,
                        password=getpass.getpass(f"Password for {display_location(location)}: "))


def cmd_import(args, lib) -> int:
    from .core.importer import import_paths
    from .paths import seeds_dir

    paths = list(args.paths)
    if args.samples:
        paths.append(seeds_dir())
    if not paths:
        print("Nothing to import: give files or folders, or --samples.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if lib.read_only:
        print(f"error: the library {lib.path} is read-only here: searching and exporting work, importing "
              "does not.", file=sys.stderr)
        return EXIT_BAD_INPUT
    report = import_paths(lib, paths, progress=_TerminalProgress(),
                          max_bytes=int(args.max_file_mb * 1024 * 1024), workers=args.workers)
    if args.json:
        _print_json({"articles_added": report.articles_added, "duplicates": report.duplicates,
                     "files": [asdict(f) for f in report.files]})
    else:
        for f in report.files:
            if f.status == "failed":
                print(f"error: {f.error}", file=sys.stderr)
            elif f.status == "unchanged":
                print(f"{Path(f.path).name}: unchanged since the last import, skipped")
            else:
                extra = f", {f.duplicates} already in the library" if f.duplicates else ""
                verb = "replaced with" if f.status == "replaced" else "imported"
                print(f"{Path(f.path).name}: {verb} {f.articles} articles{extra} ({f.encoding})")
                for title in f.duplicate_titles:
                    print(f"  already in the library: {title}")
        print(f"{report.articles_added} articles added, {len(report.failed)} files failed.")
    return EXIT_BAD_INPUT if report.failed else EXIT_OK


def _query(args):
    from .core.store.search import SearchQuery

    return SearchQuery(text=getattr(args, "query", "") or "", date_from=args.date_from,
                       date_to=args.date_to,
                       sources=tuple(args.source) if getattr(args, "source", None) else (),
                       limit=args.limit)


def cmd_search(args, lib) -> int:
    from .core.store.search import QueryError

    try:
        result = lib.search(_query(args), offsets=args.json)
    except QueryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        _print_json({"query": args.query, "total": result.total, "hits": [
            {"id": h.article_id, "title": h.title, "source": h.source_name, "date": h.date,
             "score": round(h.score, 4), "snippet": h.snippet.text,
             "snippet_hits": [list(s) for s in h.snippet.hits],
             "title_hits": [list(s) for s in h.title_hits],
             "text_hits": [list(s) for s in h.text_hits]} for h in result.hits]})
    else:
        for h in result.hits:
            print(f"[{h.article_id}] {h.title}  ({h.source_name}{', ' + h.date if h.date else ''})")
            print(f"    {h.snippet.text}")
        shown = len(result.hits)
        print(f"{result.total} articles found" + (f", {shown} shown" if shown < result.total else ""))
    return EXIT_OK if result.total else EXIT_NOTHING


def cmd_list(args, lib) -> int:
    articles = lib.articles(_query(args))
    if args.json:
        _print_json([{"id": a.id, "title": a.title, "source": a.source_name, "date": a.date,
                      "position": a.position} for a in articles])
    else:
        for a in articles:
            print(f"[{a.id}] {a.title}  ({a.source_name}{', ' + a.date if a.date else ''})")
    return EXIT_OK if articles else EXIT_NOTHING


def cmd_show(args, lib) -> int:
    article = lib.article(args.id)
    if article is None:
        print(f"error: no article with id {args.id}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        _print_json(asdict(article))
        return EXIT_OK
    print(article.title)
    for label, value in (("subtitle", article.subtitle), ("byline", article.byline),
                         ("date", article.date), ("publication", article.publication),
                         ("source", article.source_name)):
        if value:
            print(f"{label}: {value}")
    print()
    print(article.text)
    for caption in article.captions:
        print(f"[caption] {caption}")
    return EXIT_OK


def _analysed_articles(args, lib):
    """(title, figures, subjects, mentioned) for a file given by path, or a stored article by id."""
    from .core.extract.analysis import analyse, refresh_stale
    from .core.text.articles import split_articles
    from .core.text.formats import read_document

    target = args.target
    if target.isdigit() and not Path(target).exists():
        refresh_stale(lib)
        article = lib.article(int(target))
        if article is None:
            raise ValueError(f"no article with id {target}.")
        return [(article.title, lib.figures(article.id), lib.article_regions(article.id),
                 lib.article_regions(article.id, "mentioned"))]
    out = []
    for a in split_articles(read_document(target).text):
        result = analyse(a.title, a.text, a.byline)
        out.append((a.title, result.figures,
                    [_region_row(r, score) for r, score in result.subjects],
                    [_region_row(r) for r in result.mentioned]))
    return out


def _region_row(ref, score: float = 0.0) -> dict:
    return {"code": ref.code, "name": ref.name, "level": ref.level, "prefecture": ref.prefecture or "",
            "prefecture_code": ref.prefecture_code or "", "province_code": ref.province_code,
            "score": round(score, 3)}


def _analysis_command(args, lib, show) -> int:
    from .core.text.reading import UnreadableFile

    try:
        articles = _analysed_articles(args, lib)
    except (UnreadableFile, ValueError) as exc:
        print(f"error: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return show(articles)


def cmd_figures(args, lib) -> int:
    def show(articles):
        if args.json:
            _print_json([{"title": title, "figures": [f.to_json() for f in figures]}
                         for title, figures, _s, _m in articles])
        else:
            for title, figures, _s, _m in articles:
                print(title)
                for f in figures:
                    approx = f" ({f.approx})" if f.approx else ""
                    high = f"–{f.value_high:g}" if f.value_high is not None else ""
                    where = f"  [{f.region}]" if f.region else ""
                    print(f"  {f.indicator or '?'}: {f.text}  = {f.value:g}{high} {f.unit}{approx} "
                          f"({f.kind}){where}")
        return EXIT_OK if any(a[1] for a in articles) else EXIT_NOTHING

    return _analysis_command(args, lib, show)


def cmd_regions(args, lib) -> int:
    def public(row):
        out = {k: row[k] for k in ("name", "code", "level", "prefecture") if k in row}
        out["score"] = round(row.get("score", 0.0), 3)
        return out

    def show(articles):
        if args.json:
            _print_json([{"title": title, "regions": [public(r) for r in subjects],
                          "mentioned": [{k: v for k, v in public(r).items() if k != "score"} for r in mentioned]}
                         for title, _f, subjects, mentioned in articles])
        else:
            for title, _f, subjects, mentioned in articles:
                print(title)
                print("  about: " + ("、".join(f"{r['name']} ({r['score']:g})" for r in subjects) or "-"))
                print("  mentions: " + ("、".join(r["name"] for r in mentioned) or "-"))
        return EXIT_OK if any(a[2] for a in articles) else EXIT_NOTHING

    return _analysis_command(args, lib, show)


def _resolve_region_names(names: list[str]) -> tuple[str, ...]:
    """Region codes for names as staff write them (张家口市, 张家口, 130700); Hebei first."""
    from .core.extract.gazetteer import gazetteer
    from .core.text.textnorm import simplify

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
    from .core.store.search import SearchQuery
    from .core.briefing.summary import SummaryScope

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
    from .core.extract.analysis import refresh_stale
    from .core.briefing.summary import build_summary

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
        _print_json(data)
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
    from .core.briefing.excel import ExportError, write_workbook

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
        _print_json({"path": str(path), "figures": len(summary.figures), "articles": len(summary.articles)})
    else:
        print(f"{path}: {len(summary.figures)} figures from {len(summary.articles)} articles")
    return EXIT_OK


def cmd_stats(args, lib) -> int:
    stats = lib.stats()
    if args.json:
        _print_json(stats)
    else:
        for key, value in stats.items():
            print(f"{key}: {value}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hbviewer-cli", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"hbviewer {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", help="library file, or a shared library's postgresql://user@host/db "
                                          "(default: the user's library file)")
    common.add_argument("--password-stdin", action="store_true",
                        help="read a shared library's password from the first line of standard input")
    common.add_argument("--json", action="store_true", help="print JSON")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import", parents=[common],
                       help="import files or folders (.txt .md .docx .html .pdf .zip)")
    p.add_argument("paths", nargs="*")
    p.add_argument("--samples", action="store_true", help="import the bundled sample articles")
    p.add_argument("--max-file-mb", type=float, default=32.0, help="largest file to import (MB)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="processes that read and analyse files (default: one per core for large imports; "
                        "1: none)")
    p.set_defaults(func=cmd_import)

    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--from", dest="date_from", help="articles dated on or after YYYY-MM-DD")
    filters.add_argument("--to", dest="date_to", help="articles dated on or before YYYY-MM-DD")
    filters.add_argument("--source", type=int, action="append", help="only this source id")

    p = sub.add_parser("search", parents=[common, filters], help="search the library")
    p.add_argument("terms", nargs="+", metavar="QUERY",
                   help='words (all must occur), "a phrase", -excluded, a OR b')
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("list", parents=[common, filters], help="list articles")
    p.add_argument("--limit", type=int, default=None)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", parents=[common], help="show one article")
    p.add_argument("id", type=int)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("figures", parents=[common], help="figures of a file or a stored article")
    p.add_argument("target", metavar="PATH|ARTICLE_ID")
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser("regions", parents=[common], help="regions an article is about, and mentions")
    p.add_argument("target", metavar="PATH|ARTICLE_ID")
    p.set_defaults(func=cmd_regions)

    scope = argparse.ArgumentParser(add_help=False)
    scope.add_argument("--query", help="only the articles this search finds")
    scope.add_argument("--region", action="append", help="only this region (and its counties); repeatable")

    p = sub.add_parser("summary", parents=[common, scope], help="articles and figures per region")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("export", parents=[common, scope], help="write the Excel briefing workbook")
    p.add_argument("out", metavar="OUT.xlsx")
    p.add_argument("--per-region-sheets", action="store_true", help="one sheet per region as well")
    p.add_argument("--chart", metavar="INDICATOR", help="indicator for the bar chart (default: the most widespread)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stats", parents=[common], help="library statistics")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("library", help="whole libraries: copy one to a file or a server")
    library_sub = p.add_subparsers(dest="library_command", required=True)
    p = library_sub.add_parser("copy", parents=[common], help="copy --library (or the user's) to --to, losing "
                               "nothing: every file record, article, figure and region")
    p.add_argument("--to", required=True, metavar="FILE|postgresql://…",
                   help="the library to copy into: a new file, or an empty database on a server")
    p.add_argument("--merge", action="store_true",
                   help="copy into a library that is not empty, skipping the files it already holds")
    p.set_defaults(func=cmd_library_copy)
    return parser


def cmd_library_copy(args, lib) -> int:
    from .core.store.errors import LibraryError
    from .core.store.copying import copy_library

    try:
        target = open_location(args.to)
    except LibraryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        report = copy_library(lib, target, progress=_TerminalProgress(), merge=args.merge)
    except LibraryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        target.close()
    if args.json:
        _print_json(asdict(report))
    else:
        print(f"copied {report.copied} of {report.sources} files ({report.articles} articles) to {target.path}"
              + (f"; {report.skipped} already there" if report.skipped else "")
              + ("; ids kept" if report.ids_kept else ""))
    return EXIT_OK


def _protect_excluded_terms(argv: list[str]) -> list[str]:
    """Let ``search 科技 -北京`` work: a dash before a Chinese word is not an option."""
    if "--" in argv:
        return argv
    excluded = [a for a in argv if len(a) > 1 and a[0] == "-" and not a[1].isascii()]
    if not excluded:
        return argv
    return [a for a in argv if a not in excluded] + ["--", *excluded]


def main(argv: list[str] | None = None) -> int:
    from .core.store.errors import LibraryError

    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(_protect_excluded_terms(argv))
    if getattr(args, "terms", None) is not None:
        args.query = " ".join(args.terms)
    try:
        lib = _open_library(args)
    except LibraryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return args.func(args, lib)
    except BrokenPipeError:  # output piped into head or less that quit early
        sys.stderr.close()
        return EXIT_OK
    finally:
        lib.close()


if __name__ == "__main__":
    sys.exit(main())
