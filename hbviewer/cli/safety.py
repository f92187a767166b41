"""``library backups|backup|restore|check|recover``: a library's backups, and a damaged one found and mended.

These open the library themselves (a damaged file may not open at all, and a
restore needs it closed), so ``main`` hands them only the location.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .opening import location_from_args, open_location
from .output import EXIT_BAD_INPUT, EXIT_OK, print_json


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n / 1024:.0f} kB"


def cmd_backups(args) -> int:
    from ..core.store.maintenance import backups_summary, list_backups

    location = location_from_args(args)
    backups = list_backups(location)
    if args.json:
        print_json([{"path": str(b.path), "made": b.made.isoformat(), "bytes": b.size, "articles": b.articles,
                     "tag": b.tag} for b in backups])
        return EXIT_OK
    if not backups:
        print(f"No backups of {location} yet: one is made after an import (at most every 30 minutes) "
              "and when the window closes, or now with: hbviewer-cli library backup")
        return EXIT_OK
    for i, b in enumerate(backups, 1):
        articles = "unreadable" if b.articles is None else f"{b.articles} articles"
        note = "  (the library as it was before a restore)" if b.tag == "before-restore" else ""
        print(f"{i:>3}  {b.made:%Y-%m-%d %H:%M:%S}  {articles:>14}  {_size(b.size):>9}  {b.path.name}{note}")
    count, size = backups_summary(location)
    print(f"{count} backups, {_size(size)} together, in {backups[0].path.parent}")
    return EXIT_OK


def cmd_backup(args) -> int:
    from ..core.store.maintenance import backup_now, has_backups

    lib = open_location(location_from_args(args), args.password_stdin, create=False)
    try:
        if not has_backups(lib):
            print("A library on a server is backed up by the server's administrator (pg_dump); see "
                  "docs/team.md.", file=sys.stderr)
            return EXIT_BAD_INPUT
        path = backup_now(lib)
    finally:
        lib.close()
    print(f"backed up to {path}")
    return EXIT_OK


def _chosen_backup(location, chosen: str) -> Path:
    """A backup given by its number in ``library backups`` (1: the newest), ``latest``, or its path."""
    from ..core.store import LibraryError
    from ..core.store.maintenance import list_backups

    if chosen.isdigit() or chosen == "latest":
        listed = [b for b in list_backups(location) if b.articles is not None]
        number = 1 if chosen == "latest" else int(chosen)
        if not 1 <= number <= len(listed):
            raise LibraryError(f"There is no backup number {chosen}: `hbviewer-cli library backups` lists them.")
        return listed[number - 1].path
    path = Path(chosen)
    if not path.is_file():
        raise LibraryError(f"No backup at {path}: `hbviewer-cli library backups` lists them.")
    return path


def cmd_restore(args) -> int:
    from ..core.store.maintenance import restore_backup

    location = location_from_args(args)
    backup = _chosen_backup(location, args.backup)
    kept = restore_backup(location, backup)
    print(f"restored {backup.name} as {location}; the library it replaced is kept as {kept} "
          "(restore that one to undo)")
    return EXIT_OK


def cmd_check(args) -> int:
    from ..core.store import LibraryError

    try:
        lib = open_location(location_from_args(args), args.password_stdin, create=False)
    except LibraryError as exc:
        if exc.code not in ("damaged", "library"):
            raise
        ok, message, problems = False, str(exc), []
    else:
        try:
            report = lib.check(quick=args.quick)
        finally:
            lib.close()
        ok, message, problems = report.ok, report.message(), list(report.problems)
    if args.json:
        print_json({"ok": ok, "message": message, "problems": problems})
    else:
        print(message, file=sys.stdout if ok else sys.stderr)
    return EXIT_OK if ok else EXIT_BAD_INPUT


def cmd_recover(args) -> int:
    from ..core.store.maintenance import recover_library

    report = recover_library(location_from_args(args), args.to)
    if args.json:
        print_json({"target": str(report.target), "copied": report.copied, "lost": report.lost,
                    "problems": report.problems})
    else:
        print(report.message())
        for problem in report.problems:
            print(f"  {problem}", file=sys.stderr)
        print(f"Open it with --library {report.target}; the damaged file is unchanged.")
    return EXIT_OK
