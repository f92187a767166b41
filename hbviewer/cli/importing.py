"""``import``: files and folders into the library."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

from .output import EXIT_BAD_INPUT, EXIT_OK, TerminalProgress, cannot_write, print_json


def cmd_import(args, lib) -> int:
    from ..core.importer import import_paths
    from ..paths import seeds_dir

    paths = list(args.paths)
    if args.samples:
        paths.append(seeds_dir())
    if not paths:
        print("Nothing to import: give files or folders, or --samples.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if cannot_write(lib, "searching and exporting work, importing does not."):
        return EXIT_BAD_INPUT
    report = import_paths(lib, paths, progress=TerminalProgress(),
                          max_bytes=int(args.max_file_mb * 1024 * 1024), workers=args.workers)
    if args.json:
        print_json({"articles_added": report.articles_added, "duplicates": report.duplicates,
                     "stopped": report.stopped, "files": [asdict(f) for f in report.files]})
    else:
        print_results(report)
        if report.stopped:
            print(f"error: {report.stopped}", file=sys.stderr)
        print(f"{report.articles_added} articles added, {len(report.failed)} files failed.")
    back_up_if_due(lib, report)
    return EXIT_BAD_INPUT if report.failed or report.stopped else EXIT_OK


def print_results(report, unchanged: bool = True) -> None:
    """One line for each file: imported (or replaced), failed, or (if ``unchanged``) skipped."""
    for f in report.files:
        if f.status == "failed":
            print(f"error: {f.error}", file=sys.stderr, flush=True)
        elif f.status == "unchanged":
            if unchanged:
                print(f"{Path(f.path).name}: unchanged since the last import, skipped")
        elif f.status != "cancelled":
            extra = f", {f.duplicates} already in the library" if f.duplicates else ""
            verb = "replaced with" if f.status == "replaced" else "imported"
            print(f"{Path(f.path).name}: {verb} {f.articles} articles{extra} ({f.encoding})", flush=True)
            for title in f.duplicate_titles:
                print(f"  already in the library: {title}", flush=True)


def back_up_if_due(lib, report) -> None:
    """After an import that stored something: a backup, if the last is half an hour old."""
    from ..core.store import LibraryError
    from ..core.store.maintenance import backup_if_due

    if report.articles_added:
        try:
            backup_if_due(lib)
        except LibraryError as exc:  # the import itself is saved: say so, and go on
            print(f"warning: {exc}", file=sys.stderr)
