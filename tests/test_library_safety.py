"""A library that cannot be lost: damage found and said in words, backups, restore, recovery."""

import shutil
import sqlite3
from datetime import datetime, timedelta

import pytest

from hbviewer.core.importer import import_file, import_paths
from hbviewer.core.store import LibraryError, open_library
from hbviewer.core.store import maintenance
from hbviewer.core.store.search import SearchQuery
from hbviewer.core.store.sqlite.backups import KEEP_LAST, rotate, to_keep

from conftest import damaged_copy, digest, fill_disk_after


EVERY_OPERATION = [
    ("stats", lambda lib: lib.stats()),
    ("list", lambda lib: lib.rows(SearchQuery(""))),
    ("articles", lambda lib: [lib.figures(a.id) for a in lib.articles()]),
    ("search", lambda lib: lib.search(SearchQuery("科技"))),
    ("summary", lambda lib: lib.figure_rows()),
    ("regions", lambda lib: lib.subject_counts()),
]


def test_damaged_pages_are_found_said_in_words_and_the_file_is_left_alone(seeded_file, tmp_path):
    path = damaged_copy(seeded_file, tmp_path)
    before = digest(path)
    lib = open_library(path)
    report = lib.check()
    assert not report.ok and report.problems and "damaged" in report.message()
    assert lib.read_only and lib.damaged
    failed = []
    for name, operation in EVERY_OPERATION:
        try:
            operation(lib)
        except LibraryError as exc:
            failed.append(name)
            assert exc.code in ("damaged", "database"), (name, exc)
    (tmp_path / "page.txt").write_text("# 标题\n\n本报讯 廊坊市新增企业12家。\n", encoding="utf-8")
    result = import_file(lib, tmp_path / "page.txt")
    assert result.status == "failed" and "damaged" in result.error
    lib.close()
    assert digest(path) == before


def test_damage_met_while_reading_stops_every_write(seeded_file, tmp_path):
    path = damaged_copy(seeded_file, tmp_path, fractions=(0.2, 0.4, 0.6, 0.8))
    before = digest(path)
    lib = open_library(path)
    messages = []
    for _name, operation in EVERY_OPERATION:
        try:
            operation(lib)
        except LibraryError as exc:
            messages.append(str(exc))
    assert messages, "the damage was not met by any operation"
    assert lib.damaged and any("restore" in m.lower() for m in messages)
    with pytest.raises(LibraryError) as caught:
        lib.set_meta("k", "v")
    assert caught.value.code == "damaged"
    lib.close()
    assert digest(path) == before


def test_recovery_copies_what_can_be_read_into_a_sound_library(seeded_file, tmp_path):
    path = damaged_copy(seeded_file, tmp_path)
    before = digest(path)
    report = maintenance.recover_library(path, tmp_path / "recovered.sqlite3")
    assert digest(path) == before
    assert 0 < report.copied["articles"] <= 26 and report.copied["figures"] > 0
    assert sum(report.lost.values()) > 0 and "Could not be read" in report.message()
    db = sqlite3.connect(tmp_path / "recovered.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    lib = open_library(tmp_path / "recovered.sqlite3")
    assert lib.check().ok and lib.article_count() == report.copied["articles"]
    assert lib.search(SearchQuery("张家口")).total > 0 or lib.article_count() < 26
    lib.close()
    with pytest.raises(LibraryError):
        maintenance.recover_library(path, tmp_path / "recovered.sqlite3")  # never over an existing file


def test_a_sound_library_recovers_whole(seeded_file, tmp_path):
    report = maintenance.recover_library(seeded_file, tmp_path / "copy.sqlite3")
    assert report.copied["articles"] == 26 and not any(report.lost.values())


def test_a_truncated_file_and_a_text_file_are_refused_unchanged(seeded_file, tmp_path):
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(seeded_file.read_bytes()[: seeded_file.stat().st_size // 2])
    text = tmp_path / "notes.sqlite3"
    text.write_text("这不是一个数据库。\n" * 200, encoding="utf-8")
    for path in (truncated, text):
        before = digest(path)
        try:
            lib = open_library(path)
        except LibraryError as exc:
            assert exc.code in ("damaged", "library")
        else:
            assert not lib.check().ok
            with pytest.raises(LibraryError):
                for _name, operation in EVERY_OPERATION:
                    operation(lib)
            lib.close()
        assert digest(path) == before


def test_backup_and_restore_round_trip_keeps_the_replaced_file(seeded_file, tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(seeded_file, path)
    lib = open_library(path)
    backup = maintenance.backup_now(lib)
    (tmp_path / "page.txt").write_text("# 廊坊市新闻\n\n本报讯 廊坊市新增企业12家。\n", encoding="utf-8")
    assert import_file(lib, tmp_path / "page.txt").status == "imported"
    assert lib.article_count() == 27
    lib.close()
    listed = maintenance.list_backups(path)
    assert [b.path for b in listed] == [backup] and listed[0].articles == 26
    kept = maintenance.restore_backup(path, backup)
    lib = open_library(path)
    assert lib.article_count() == 26 and lib.check().ok
    lib.close()
    assert open_library(kept).article_count() == 27  # the restore can itself be undone
    assert {b.tag for b in maintenance.list_backups(path)} == {"", "before-restore"}


def test_a_damaged_backup_is_not_restored(seeded_file, tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(seeded_file, path)
    bad = tmp_path / "backups" / "library-20260101-000000.sqlite3"
    bad.parent.mkdir()
    bad.write_text("not a library", encoding="utf-8")
    before = digest(path)
    with pytest.raises(LibraryError):
        maintenance.restore_backup(path, bad)
    assert digest(path) == before


def test_backups_are_due_every_half_hour(seeded_file, tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(seeded_file, path)
    lib = open_library(path)
    assert maintenance.backup_if_due(lib) is not None
    assert maintenance.backup_if_due(lib) is None  # one was made a moment ago
    assert maintenance.backups_summary(path)[0] == 1
    lib.close()


def test_rotation_keeps_ten_plus_one_a_day_for_a_week_and_one_a_week_for_four():
    now = datetime(2026, 12, 3, 12, 0)
    hourly = [now - timedelta(hours=h) for h in range(1, 25)]  # the last day, every hour
    daily = [now - timedelta(days=d, hours=3) for d in range(1, 40)]  # one a day for 39 days
    kept = to_keep(hourly + daily, now)
    assert set(sorted(hourly, reverse=True)[:KEEP_LAST]) <= kept
    week = [s for s in kept if now - s < timedelta(days=7)]
    assert len({s.date() for s in week}) == len({s.date() for s in hourly + daily if now - s < timedelta(days=7)})
    older = [s for s in kept if now - s >= timedelta(days=7)]
    assert 2 <= len(older) <= 4 and all(now - s < timedelta(weeks=4) for s in older)
    assert len(kept) <= KEEP_LAST + 7 + 4


def test_rotate_deletes_the_rest_but_never_a_copy_kept_by_a_restore(tmp_path):
    library = tmp_path / "library.sqlite3"
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 12, 3, 12, 0)
    for minutes in range(0, 30 * 20, 30):
        stamp = (now - timedelta(minutes=minutes)).strftime("%Y%m%d-%H%M%S")
        (folder / f"library-{stamp}.sqlite3").write_bytes(b"x")
    (folder / "library-20200101-000000-before-restore.sqlite3").write_bytes(b"x")
    gone = rotate(library, now=now)
    left = sorted(p.name for p in folder.iterdir())
    assert len(gone) == 20 - KEEP_LAST and len(left) == KEEP_LAST + 1
    assert "library-20200101-000000-before-restore.sqlite3" in left


def test_a_full_disk_stops_the_import_once_and_keeps_what_was_saved(tmp_path, monkeypatch):
    from hbviewer.core.store.sqlite import writing

    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(12):
        (pages / f"{i:02d}.txt").write_text(f"# 第{i}篇\n\n本报讯 廊坊市第{i}批企业新增{i + 10}家。\n", encoding="utf-8")
    lib = open_library(tmp_path / "library.sqlite3")
    real = fill_disk_after(monkeypatch, 4)
    report = import_paths(lib, [pages], workers=1)
    assert report.stopped_code == "disk_full" and "is full" in report.stopped and "stopped at file" in report.stopped
    assert len(report.failed) <= 4 and len(report.files) < 12  # not one message per remaining file
    monkeypatch.setattr(writing.SqliteWrites, "_insert_rows", real)
    kept = {r.path for r in report.files if r.status == "imported"}
    assert lib.article_count() == len(kept)
    assert lib.check().ok
    again = import_paths(lib, [pages], workers=1)  # space again: the rest comes in, nothing twice
    assert not again.failed and not again.stopped and lib.article_count() == 12
    lib.close()


def test_a_damaged_library_is_not_backed_up_and_good_backups_stay(seeded_file, tmp_path):
    good = tmp_path / "good.sqlite3"
    shutil.copy(seeded_file, good)
    lib = open_library(good)
    kept = maintenance.backup_now(lib)
    lib.close()
    path = damaged_copy(seeded_file, tmp_path)  # library.sqlite3 beside it: its own backups
    (tmp_path / "backups" / kept.name).rename(tmp_path / "backups" / kept.name.replace("good-", "library-"))
    before = {p.name for p in (tmp_path / "backups").iterdir()}
    lib = open_library(path)
    with pytest.raises(LibraryError) as caught:
        maintenance.backup_now(lib)
    assert caught.value.code == "damaged" and lib.damaged and lib.read_only
    lib.close()
    assert {p.name for p in (tmp_path / "backups").iterdir()} == before
