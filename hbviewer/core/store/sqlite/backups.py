"""Backups of a library file: consistent copies made while it is in use, kept in rotation beside it.

A backup is made with SQLite's online backup API, so it is a consistent
snapshot even while another thread or program writes. It is written under a
temporary name and renamed when complete: a backup that exists is whole.
Backups live in a ``backups`` folder beside the library, named
``<library>-YYYYmmdd-HHMMSS.sqlite3``; :func:`rotate` keeps the last ten, one
a day for a week and one a week for four weeks.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..errors import LibraryError

KEEP_LAST = 10
KEEP_DAYS = 7
KEEP_WEEKS = 4
EVERY = timedelta(minutes=30)  # a backup after an import at most this often
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?P<tag>-[a-z-]+)?\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    path: Path
    made: datetime
    size: int
    articles: int | None  # None: the file cannot be read as a library
    tag: str = ""  # "before-restore" for the copy a restore makes first


def backup_folder(library_path: str | os.PathLike) -> Path:
    return Path(library_path).parent / "backups"


def _backups_of(library_path: Path) -> list[tuple[Path, datetime, str]]:
    folder = backup_folder(library_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and match["stem"] == library_path.name.removesuffix(".sqlite3"):
            found.append((path, datetime.strptime(match["stamp"], _STAMP), (match["tag"] or "")[1:]))
    return sorted(found, key=lambda item: item[1], reverse=True)


def _article_count(path: Path) -> int | None:
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return None


def list_backups(library_path: str | os.PathLike) -> list[Backup]:
    """The backups of this library, newest first, with their article counts."""
    return [Backup(path, made, path.stat().st_size, _article_count(path), tag)
            for path, made, tag in _backups_of(Path(library_path))]


def latest_backup_time(library_path: str | os.PathLike) -> datetime | None:
    found = _backups_of(Path(library_path))
    return found[0][1] if found else None


def backup_due(library_path: str | os.PathLike, now: datetime | None = None) -> bool:
    """True when the newest backup is older than :data:`EVERY` (or there is none)."""
    latest = latest_backup_time(library_path)
    return latest is None or (now or datetime.now()) - latest >= EVERY


def new_backup_path(library_path: str | os.PathLike, tag: str = "", now: datetime | None = None) -> Path:
    """A name no backup has yet: two made within one second are a second apart in name."""
    library_path = Path(library_path)
    made = (now or datetime.now()).replace(microsecond=0)
    while True:
        name = f"{library_path.name.removesuffix('.sqlite3')}-{made.strftime(_STAMP)}{'-' + tag if tag else ''}.sqlite3"
        if not (backup_folder(library_path) / name).exists():
            return backup_folder(library_path) / name
        made += timedelta(seconds=1)


def make_backup(db: sqlite3.Connection, library_path: str | os.PathLike, tag: str = "",
                now: datetime | None = None) -> Path:
    """Copy the library open on ``db`` into a new backup, then rotate the old ones."""
    library_path = Path(library_path)
    folder = backup_folder(library_path)
    made = now or datetime.now()
    target = new_backup_path(library_path, tag, made)
    name = target.name
    partial = folder / f".{name}.partial"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(partial)
        try:
            db.backup(copy, pages=4096)  # in steps, so writers are not held up for the whole copy
        finally:
            copy.close()
        damage = _damage_in(partial)
        if damage:  # a backup of a damaged file would push good ones out of the rotation
            partial.unlink(missing_ok=True)
            raise LibraryError(f"The library is damaged ({damage}), so it was not backed up: the backups "
                               "made before stay as they are. Restore one, or recover the library.", "damaged")
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise LibraryError(f"The library could not be backed up to {folder} ({exc}). The library itself "
                           "is unchanged; free some space or check the folder, and it is tried again "
                           "after the next import.", "backup") from None
    rotate(library_path, now=made)
    return target


def _damage_in(path: Path) -> str:
    """What SQLite's quick check finds wrong with a file ("" when nothing)."""
    from .integrity import check_file, read_only_connection

    db = read_only_connection(path)
    try:
        report = check_file(db, quick=True)
    finally:
        db.close()
        for suffix in ("-wal", "-shm"):  # made by the check's reading; the copy itself has no log
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return "" if report.ok else report.problems[0]


def to_keep(stamps: list[datetime], now: datetime) -> set[datetime]:
    """Which of these backup times rotation keeps: the last ten, one a day for a week, one a week for four."""
    newest_first = sorted(stamps, reverse=True)
    keep = set(newest_first[:KEEP_LAST])
    days: dict = {}
    weeks: dict = {}
    for stamp in newest_first:
        age = now - stamp
        if age < timedelta(days=KEEP_DAYS):
            days.setdefault(stamp.date(), stamp)  # the newest of each day
        if age < timedelta(weeks=KEEP_WEEKS):
            weeks.setdefault(stamp.isocalendar()[:2], stamp)
    return keep | set(days.values()) | set(weeks.values())


def rotate(library_path: str | os.PathLike, now: datetime | None = None) -> list[Path]:
    """Delete the backups rotation does not keep (never one made before a restore); the deleted paths."""
    found = [(path, made) for path, made, tag in _backups_of(Path(library_path)) if tag != "before-restore"]
    keep = to_keep([made for _path, made in found], now or datetime.now())
    gone = []
    for path, made in found:
        if made not in keep:
            path.unlink(missing_ok=True)
            gone.append(path)
    return gone


def backups_size(library_path: str | os.PathLike) -> tuple[int, int]:
    """(how many backups, their bytes together)."""
    found = _backups_of(Path(library_path))
    return len(found), sum(path.stat().st_size for path, _made, _tag in found)
