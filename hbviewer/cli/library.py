"""``stats`` and ``library copy``: the library's statistics, and copying all of it to a file or a server."""

from __future__ import annotations

import sys
from dataclasses import asdict

from .opening import open_location
from .output import EXIT_BAD_INPUT, EXIT_OK, TerminalProgress, print_json


def cmd_stats(args, lib) -> int:
    stats = lib.stats()
    if args.json:
        print_json(stats)
    else:
        for key, value in stats.items():
            print(f"{key}: {value}")
    return EXIT_OK


def cmd_library_copy(args, lib) -> int:
    from ..core.store import LibraryError
    from ..core.store.copying import copy_library

    try:
        target = open_location(args.to)
    except LibraryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        report = copy_library(lib, target, progress=TerminalProgress(), merge=args.merge)
    except LibraryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        target.close()
    if args.json:
        print_json(asdict(report))
    else:
        print(f"copied {report.copied} of {report.sources} files ({report.articles} articles) to {target.path}"
              + (f"; {report.skipped} already there" if report.skipped else "")
              + ("; ids kept" if report.ids_kept else ""))
        if report.kept and any(report.kept.values()):
            print("with " + ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in report.kept.items()))
    return EXIT_OK
