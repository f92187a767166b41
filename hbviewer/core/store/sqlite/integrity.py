"""SQLite's own check of a library file, and a connection that cannot write to it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..contract import CheckReport

_MOST_LISTED = 20  # problems listed in a report


def read_only_connection(path: str | os.PathLike) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)


def check_file(db: sqlite3.Connection, quick: bool = False) -> CheckReport:
    """Run ``PRAGMA quick_check`` (quick) or ``integrity_check`` on an open library."""
    try:
        rows = db.execute(f"PRAGMA {'quick_check' if quick else 'integrity_check'}({_MOST_LISTED})").fetchall()
    except sqlite3.DatabaseError as exc:
        return CheckReport(False, (str(exc),), quick)
    problems = tuple(r[0] for r in rows if r[0] != "ok")
    return CheckReport(not problems, problems, quick)
