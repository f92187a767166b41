"""hbviewer-cli: the library from a terminal or a script.

Exit codes: 0 ok, 1 nothing found, 2 bad input (a bad file, a bad query, a
library that cannot be opened). ``--json`` prints machine-readable output.

Here are the parser and :func:`main`; the commands live by what they do:
``importing``, ``watching`` (a watched folder), ``browsing`` (search, list, show), ``analysis`` (figures,
regions, reanalyse), ``review`` (correct, add-figure, undo, review, corrections, conflicts), ``fixing`` (fix, merge,
split), ``keeping`` (tags, notes, bookmarks, saved searches), ``briefing`` (summary, export, briefing), ``library``
(stats, copy) and ``safety``
(backups, restore, check, recover), with
``opening`` (the library and its password) and ``output`` (exit codes, JSON,
progress) shared. Each command imports the core only when it runs, so that
``--help`` and a short search start fast.
"""

from __future__ import annotations

import argparse
import re
import sys

from .. import __version__
from .analysis import cmd_figures, cmd_reanalyse, cmd_regions
from .briefing import cmd_briefing, cmd_export, cmd_summary
from .fixing import add_fix_commands
from .browsing import cmd_list, cmd_search, cmd_show
from .importing import cmd_import
from .keeping import add_commands as _keeping_commands
from .library import cmd_library_copy, cmd_stats
from .opening import library_from_args, open_location
from .watching import cmd_watch
from .safety import cmd_backup, cmd_backups, cmd_check, cmd_recover, cmd_restore
from .output import EXIT_BAD_INPUT, EXIT_NOTHING, EXIT_OK
from .review import (add_correction_arguments, cmd_add_figure, cmd_conflicts, cmd_correct, cmd_corrections,
                     cmd_review, cmd_undo)

__all__ = ["EXIT_BAD_INPUT", "EXIT_NOTHING", "EXIT_OK", "build_parser", "main", "open_location"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hbviewer-cli", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"hbviewer {__version__}")
    # --library and --password-stdin may come before the command or after it
    library_help = "library file, or a shared library's postgresql://user@host/db (default: the user's library file)"
    password_help = "read a shared library's password from the first line of standard input"
    parser.add_argument("--library", help=library_help)
    parser.add_argument("--password-stdin", action="store_true", help=password_help)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", default=argparse.SUPPRESS, help=library_help)
    common.add_argument("--password-stdin", action="store_true", default=argparse.SUPPRESS, help=password_help)
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

    p = sub.add_parser("watch", parents=[common], help="import the files that appear in a folder, until Ctrl+C")
    p.add_argument("folder", metavar="FOLDER")
    p.add_argument("--settle", type=float, default=None, metavar="SECONDS",
                   help="how long a file must stay unchanged before it is read (default: 1; more for a slow "
                        "network drive)")
    p.add_argument("--max-file-mb", type=float, default=32.0, help="largest file to import (MB)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="processes that read and analyse files (default: one per core for many files; 1: none)")
    p.set_defaults(func=cmd_watch)

    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--from", dest="date_from", help="articles dated on or after YYYY-MM-DD")
    filters.add_argument("--to", dest="date_to", help="articles dated on or before YYYY-MM-DD")
    filters.add_argument("--source", type=int, action="append", help="only this source id")

    p = sub.add_parser("search", parents=[common, filters], help="search the library")
    p.add_argument("terms", nargs="+", metavar="QUERY",
                   help='words (all must occur), "a phrase", -excluded, a OR b, pinyin (zjk, zhangjiakou), '
                        'filters: region:张家口市 source:河北日报 date:2024-01..2024-03 kind:money has:figures '
                        'status:unreviewed tag:T note:WORD is:bookmarked')
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--sort", choices=("relevance", "date", "figures"), default="relevance",
                   help="best match first (default), newest first, or most figures first")
    p.add_argument("--no-pinyin", dest="pinyin", action="store_false",
                   help="Latin words find only themselves, not the Chinese words they spell")
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

    p = sub.add_parser("reanalyse", parents=[common],
                       help="find the figures and regions of stored articles again with this version's rules")
    p.add_argument("--all", action="store_true",
                   help="every article, not only those analysed by an older version")
    p.set_defaults(func=cmd_reanalyse)

    _review_commands(sub, common)
    _keeping_commands(sub, common, filters)
    _briefing_commands(sub, common)

    p = sub.add_parser("stats", parents=[common], help="library statistics")
    p.set_defaults(func=cmd_stats)
    _library_commands(sub, common, library_help, password_help)
    return parser


def _review_commands(sub, common) -> None:
    """Reviewing figures: correct, add, undo; the queue of figures to review; what was corrected."""
    p = sub.add_parser("correct", parents=[common], help="accept, reject or edit a stored figure")
    p.add_argument("figure_id", type=int, metavar="FIGURE_ID", help="its id (figures ARTICLE_ID --json)")
    add_correction_arguments(p)
    choice = p.add_mutually_exclusive_group()
    choice.add_argument("--accept", action="store_true", help="the figure is right as it is")
    choice.add_argument("--reject", action="store_true", help="not a figure, or wrong: leave it out everywhere")
    p.set_defaults(func=cmd_correct)

    p = sub.add_parser("add-figure", parents=[common], help="add a figure the analysis missed")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("start", type=int, metavar="START", help="where it starts in the article's text (0-based)")
    p.add_argument("end", type=int, metavar="END", help="where it ends (exclusive)")
    add_correction_arguments(p)
    p.set_defaults(func=cmd_add_figure)

    add_fix_commands(sub, common)

    p = sub.add_parser("undo", parents=[common], help="undo a correction or a fix of an article (or --redo it)")
    p.add_argument("correction_id", type=int, metavar="CORRECTION_ID")
    p.add_argument("--redo", action="store_true", help="apply it again")
    p.set_defaults(func=cmd_undo)

    p = sub.add_parser("review", parents=[common], help="figures nobody has reviewed yet, least certain first")
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("corrections", parents=[common], help="the corrections made, oldest first")
    p.add_argument("--article", type=int, metavar="ARTICLE_ID", help="of this article only")
    p.add_argument("--needs-look", action="store_true",
                   help="only those whose figure a re-analysis no longer finds")
    p.set_defaults(func=cmd_corrections)

    p = sub.add_parser("conflicts", parents=[common],
                       help="figures of one region and indicator that articles give differently")
    p.set_defaults(func=cmd_conflicts)


def _briefing_commands(sub, common) -> None:
    """What staff hand on: summary, the Excel workbook, the Word draft; one way to choose for all three."""
    scope = argparse.ArgumentParser(add_help=False)
    scope.add_argument("--query", help="only the articles this search finds")
    scope.add_argument("--region", action="append", help="only this region (and its counties); repeatable")

    dates = argparse.ArgumentParser(add_help=False)
    dates.add_argument("--from", dest="date_from", metavar="DATE", help="articles dated on or after DATE "
                       "(YYYY-MM-DD, YYYY-MM or YYYY)")
    dates.add_argument("--to", dest="date_to", metavar="DATE", help="articles dated on or before DATE")

    p = sub.add_parser("summary", parents=[common, scope, dates], help="articles and figures per region")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("export", parents=[common, scope, dates], help="write the Excel briefing workbook")
    p.add_argument("out", metavar="OUT.xlsx")
    p.add_argument("--per-region-sheets", action="store_true", help="one sheet per region as well")
    p.add_argument("--chart", metavar="INDICATOR", help="indicator for the bar chart (default: the most widespread)")
    p.add_argument("--reviewed-only", action="store_true",
                   help="only figures a person accepted, edited or added (not those as the analysis found them)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("briefing", parents=[common, scope, dates],
                       help="write a Word draft of the briefing (简报), in official-document layout")
    p.add_argument("out", metavar="OUT.docx", nargs="?", default="", help="the file to write")
    p.add_argument("--template", metavar="T.docx", help="a Word file whose styles, header and footer to use")
    p.add_argument("--title", help="the title (default: from the search and the period covered)")
    p.add_argument("--preview", action="store_true", help="print the draft's text instead of writing it")
    p.set_defaults(func=cmd_briefing)


def _library_commands(sub, common, library_help: str, password_help: str) -> None:
    p = sub.add_parser("library", help="whole libraries: copy, back up, restore, check, recover")
    p.add_argument("--library", default=argparse.SUPPRESS, help=library_help)
    p.add_argument("--password-stdin", action="store_true", default=argparse.SUPPRESS, help=password_help)
    library_sub = p.add_subparsers(dest="library_command", required=True)
    p = library_sub.add_parser("copy", parents=[common], help="copy --library (or the user's) to --to, losing "
                               "nothing: every file record, article, figure and region")
    p.add_argument("--to", required=True, metavar="FILE|postgresql://…",
                   help="the library to copy into: a new file, or an empty database on a server")
    p.add_argument("--merge", action="store_true",
                   help="copy into a library that is not empty, skipping the files it already holds")
    p.set_defaults(func=cmd_library_copy)
    _safety_commands(library_sub, common)


def _safety_commands(library_sub, common) -> None:
    """The commands that open the library themselves (``opens=False``): it may be damaged, or must be closed."""
    p = library_sub.add_parser("backups", parents=[common], help="list the library file's backups, newest first")
    p.set_defaults(func=cmd_backups, opens=False)
    p = library_sub.add_parser("backup", parents=[common], help="back up the library file now")
    p.set_defaults(func=cmd_backup, opens=False)
    p = library_sub.add_parser("restore", parents=[common], help="put a backup in the library file's place "
                               "(the file it replaces is kept as a backup first)")
    p.add_argument("backup", metavar="N|latest|BACKUP", help="its number in `library backups` (1: the newest), "
                   "latest, or its path")
    p.set_defaults(func=cmd_restore, opens=False)
    p = library_sub.add_parser("check", parents=[common], help="look for damage (exit 2 if any is found)")
    p.add_argument("--quick", action="store_true", help="a quicker check that skips the indexes")
    p.set_defaults(func=cmd_check, opens=False)
    p = library_sub.add_parser("recover", parents=[common], help="copy what can be read of a damaged library "
                               "into a new one")
    p.add_argument("--to", required=True, metavar="NEW.sqlite3", help="the new library file")
    p.set_defaults(func=cmd_recover, opens=False)


_EXCLUDED_FILTER = re.compile(r"-[A-Za-z]+:")  # -region:衡水市 leaves a region out


def _protect_excluded_terms(argv: list[str]) -> list[str]:
    """Let ``search 科技 -北京`` work: a dash before a Chinese word (or a filter) is not an option."""
    if "--" in argv:
        return argv
    excluded = [a for a in argv if len(a) > 1 and a[0] == "-" and (not a[1].isascii() or _EXCLUDED_FILTER.match(a))]
    if not excluded:
        return argv
    return [a for a in argv if a not in excluded] + ["--", *excluded]


def main(argv: list[str] | None = None) -> int:
    from ..core.store import LibraryError

    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(_protect_excluded_terms(argv))
    if getattr(args, "terms", None) is not None:
        args.query = " ".join(args.terms)
    lib = None
    try:
        if not getattr(args, "opens", True):
            return args.func(args)
        lib = library_from_args(args)
        return args.func(args, lib)
    except LibraryError as exc:  # a damaged, busy, locked or vanished library: said, never a traceback
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # output piped into head or less that quit early
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:  # a folder gone, a network drive lost, a disk that refuses
        print(f"error: {exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        if lib is not None:
            lib.close()
