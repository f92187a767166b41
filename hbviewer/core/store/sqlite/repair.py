"""A damaged library file: found out, restored from a backup, or what can be read saved into a new one.

The damaged file is never written: it is opened read-only, and a restore
first keeps a copy of it beside the backups.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ...model import FIGURE_FIELDS, REGION_FIELDS, ArticleRecord, SourceRecord
from ..contract import CheckReport
from .integrity import check_file, read_only_connection
from ..errors import LibraryError
from .backups import new_backup_path

_CHUNK = 256  # rows read at a time while recovering; a chunk that fails is read row by row
_MOST_LISTED = 20  # problems listed in a report


@dataclass
class RecoveryReport:
    target: Path
    copied: dict[str, int] = field(default_factory=dict)  # table -> rows copied
    lost: dict[str, int] = field(default_factory=dict)  # table -> rows (or chunks) that could not be read
    problems: list[str] = field(default_factory=list)

    def message(self) -> str:
        copied = ", ".join(f"{n} {table}" for table, n in self.copied.items())
        text = f"Recovered into {self.target}: {copied}."
        if any(self.lost.values()):
            lost = ", ".join(f"{n} {table}" for table, n in self.lost.items() if n)
            text += f" Could not be read: {lost}."
        return text


def _readable_rows(db: sqlite3.Connection, table: str, columns: str, report: RecoveryReport) -> list[tuple]:
    """Every row of ``table`` that can be read, by rowid chunks, row by row where a chunk fails."""
    try:
        top = db.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"{table}: {exc}")
        report.lost[table] = report.lost.get(table, 0) + 1
        return []
    rows: list[tuple] = []
    for low in range(0, top + 1, _CHUNK):
        sql = f"SELECT rowid, {columns} FROM {table} WHERE rowid BETWEEN ? AND ?"
        try:
            rows += db.execute(sql, (low, low + _CHUNK - 1)).fetchall()
            continue
        except sqlite3.DatabaseError:
            pass
        for rowid in range(low, low + _CHUNK):
            try:
                rows += db.execute(sql, (rowid, rowid)).fetchall()
            except sqlite3.DatabaseError as exc:
                report.lost[table] = report.lost.get(table, 0) + 1
                if len(report.problems) < _MOST_LISTED:
                    report.problems.append(f"{table} row {rowid}: {exc}")
    return rows


_ARTICLE_COLUMNS = ("source_id, position, title, title_inferred, subtitle, byline, section, publication, date,"
                    " text, captions, original, fingerprint, analysis_version")


def _has_page(db: sqlite3.Connection) -> bool:
    # A file from before schema version 6 has no page column: its articles have no page.
    try:
        return any(row[1] == "page" for row in db.execute("PRAGMA table_info(articles)"))
    except sqlite3.DatabaseError:
        return False


def _records(db: sqlite3.Connection, report: RecoveryReport) -> list[SourceRecord]:
    from .writing import unpack

    sources = _readable_rows(db, "sources", "path, name, sha256, size, encoding, imported_at", report)
    articles = _readable_rows(db, "articles", _ARTICLE_COLUMNS + (", page" if _has_page(db) else ", ''"), report)
    figures: dict[int, list[tuple]] = {}
    for _rowid, aid, *row in _readable_rows(db, "figures", "article_id, " + ", ".join(
            f'"{c}"' for c in FIGURE_FIELDS), report):
        figures.setdefault(aid, []).append(tuple(row))
    regions: dict[int, list[tuple]] = {}
    for _rowid, aid, *row in _readable_rows(db, "article_regions", "article_id, " + ", ".join(REGION_FIELDS), report):
        regions.setdefault(aid, []).append(tuple(row))
    by_source: dict[int, list[ArticleRecord]] = {}
    for aid, sid, pos, title, inferred, subtitle, byline, section, publication, date, text, captions, original, \
            fp, version, page in articles:
        try:
            original = unpack(original)
        except Exception:  # a damaged compressed page: the article itself is still whole
            original = ""
        by_source.setdefault(sid, []).append(ArticleRecord(
            aid, pos, title, bool(inferred), subtitle, byline, section, publication, date, text, captions,
            original, fp, version, tuple(figures.get(aid, ())), tuple(regions.get(aid, ())), page))
    # A damaged table page may drop rows without an error; their figures and regions still name them.
    read = {row[0] for row in articles}
    vanished = (set(figures) | set(regions)) - read
    if vanished:
        report.lost["articles"] = report.lost.get("articles", 0) + len(vanished)
        report.problems.append(f"{len(vanished)} article(s) whose figures or regions remain could not be read")
    known = {row[0] for row in sources}
    orphans = sum(len(v) for sid, v in by_source.items() if sid not in known)
    if orphans:
        report.lost["articles"] = report.lost.get("articles", 0) + orphans
        report.problems.append(f"{orphans} article(s) whose page record could not be read")
    return [SourceRecord(sid, *head, articles=tuple(by_source.get(sid, ()))) for sid, *head in sources]


def recover(damaged: str | os.PathLike, target: str | os.PathLike) -> RecoveryReport:
    """Copy every readable source, article, figure and region of ``damaged`` into a new library ``target``."""
    from .library import SqliteLibrary

    target = Path(target)
    if target.exists():
        raise LibraryError(f"{target} exists already: recovery writes a new library. Choose another name.")
    report = RecoveryReport(target)
    try:
        db = read_only_connection(damaged)
    except sqlite3.Error as exc:
        raise LibraryError(f"{damaged} cannot be read at all ({exc}): restore a backup instead.", "damaged") from None
    try:
        records = _records(db, report)
    finally:
        db.close()
    lib = SqliteLibrary.open(target)
    try:
        for record in records:
            lib.store_copied(record, keep_ids=True)
        report.copied = {"sources": len(lib.sources()), "articles": lib.article_count(),
                         "figures": lib.stats()["figures"],
                         "regions": sum(len(a.regions) for r in records for a in r.articles)}
    finally:
        lib.close()
    return report


def restore(library_path: str | os.PathLike, backup: str | os.PathLike) -> Path:
    """Put a backup in the library's place; the file it replaces is kept first. Returns that copy.

    The library must be closed in this program. A backup that fails its check is refused.
    """
    library_path, backup = Path(library_path), Path(backup)
    try:
        db = read_only_connection(backup)
        try:
            report = check_file(db, quick=True)
        finally:
            db.close()
    except sqlite3.Error as exc:
        report = CheckReport(False, (str(exc),), True)
    if not report.ok:
        raise LibraryError(f"The backup {backup.name} is damaged too ({report.problems[0]}); choose another.",
                           "damaged")
    kept = new_backup_path(library_path, "before-restore")
    partial = library_path.with_name(f".{library_path.name}.restoring")
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        if library_path.exists():
            shutil.copy2(library_path, kept)  # byte for byte: a damaged file is kept as it is
            wal = Path(f"{library_path}-wal")
            if wal.exists():
                shutil.copy2(wal, Path(f"{kept}-wal"))
        shutil.copy2(backup, partial)
        os.replace(partial, library_path)
        for suffix in ("-wal", "-shm"):  # a log left beside the old file must not be applied to the backup
            Path(f"{library_path}{suffix}").unlink(missing_ok=True)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise LibraryError(f"The backup could not be restored ({exc}); the library is as it was.", "restore") from None
    return kept
