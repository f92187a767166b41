"""Keeping a library safe: backups, checks, restoring and recovering, for the window and the CLI.

Backups are of library files: a server library is backed up by its
administrator (``pg_dump``, see docs/team.md), so these answer "not here" for
one. The functions take the location or the open library the caller already has.
"""

from __future__ import annotations

import os
from pathlib import Path

from .addresses import is_server_location
from .contract import CheckReport, Library
from .errors import LibraryError


def _file_library(library: Library):
    from .sqlite import SqliteLibrary

    return library if isinstance(library, SqliteLibrary) else None


def has_backups(library: Library) -> bool:
    """True for a library file (its backups are made here), False for a server library."""
    return _file_library(library) is not None


def backup_now(library: Library, tag: str = "") -> Path | None:
    """A backup of a library file now; None for a server library."""
    lib = _file_library(library)
    return None if lib is None else lib.backup(tag)


def backup_if_due(library: Library) -> Path | None:
    """A backup when the last one is older than half an hour (after an import or a batch of changes)."""
    from .sqlite.backups import backup_due

    lib = _file_library(library)
    if lib is None or lib.damaged or not backup_due(lib.path):
        return None
    return backup_now(lib)


def _file(location) -> Path:
    if is_server_location(location):
        raise LibraryError("A library on a server is backed up by the server's administrator (pg_dump); "
                           "hbviewer keeps backups of library files only.", "server")
    return Path(location)


def list_backups(location: str | os.PathLike):
    """The backups of a library file, newest first (``Backup``: path, made, size, articles, tag)."""
    from .sqlite.backups import list_backups as listed

    return listed(_file(location))


def backups_summary(location: str | os.PathLike) -> tuple[int, int]:
    """(how many backups, their bytes together) of a library file."""
    from .sqlite.backups import backups_size

    return backups_size(_file(location))


def backups_folder(location: str | os.PathLike) -> Path:
    """Where the backups of a library file are kept."""
    from .sqlite.backups import backup_folder

    return backup_folder(_file(location))


def restore_backup(location: str | os.PathLike, backup: str | os.PathLike) -> Path:
    """Put a backup in the place of a (closed) library file; the replaced file is kept first: its copy."""
    from .sqlite.repair import restore

    return restore(_file(location), backup)


def check_library(library: Library, quick: bool = False) -> CheckReport:
    return library.check(quick)


def recover_library(location: str | os.PathLike, target: str | os.PathLike):
    """Copy what can be read of a damaged library file into a new one (``RecoveryReport``)."""
    from .sqlite.repair import recover

    return recover(_file(location), target)
