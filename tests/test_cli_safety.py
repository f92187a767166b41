"""The command line on a damaged, missing or full library: a clear message, never a traceback."""

import shutil

import pytest

from hbviewer.cli import main
from hbviewer.core.store import open_library

from conftest import SEEDS, damaged_copy, digest


@pytest.mark.parametrize("order", ["before", "after"])
def test_library_option_before_or_after_the_command(order, tmp_path, capsys):
    where = ["--library", str(tmp_path / "l.sqlite3")]
    args = where + ["stats", "--json"] if order == "before" else ["stats", "--json", *where]
    assert main(args) == 0
    assert str(tmp_path / "l.sqlite3") in capsys.readouterr().out
    args = where + ["library", "backups"] if order == "before" else ["library", "backups", *where]
    assert main(args) == 0


COMMANDS = [["stats"], ["list"], ["search", "科技"], ["summary"], ["show", "1"],
            ["export", "OUT"], ["import", "PAGE"]]


def test_every_command_on_a_damaged_library_says_so_and_changes_nothing(seeded_file, tmp_path, capsys):
    path = damaged_copy(seeded_file, tmp_path)
    before = digest(path)
    (tmp_path / "page.txt").write_text("# 廊坊市新闻\n\n本报讯 廊坊市新增企业12家。\n", encoding="utf-8")
    assert main(["library", "check", "--library", str(path)]) == 2
    assert "damaged" in capsys.readouterr().err
    said = []
    for command in COMMANDS:
        command = [str(tmp_path / "out.xlsx") if c == "OUT" else str(tmp_path / "page.txt") if c == "PAGE" else c
                   for c in command]
        code = main(["--library", str(path), *command])
        err = capsys.readouterr().err
        said.append((command[0], code, err))
    failing = [(c, err) for c, code, err in said if code == 2]
    assert failing and all("damaged" in err or "error:" in err for _c, err in failing)
    codes = {c: code for c, code, _err in said}
    assert codes["import"] == 2  # a damaged file is never written to
    assert not (tmp_path / "out.xlsx").exists() or codes["export"] == 0
    assert digest(path) == before
    assert main(["library", "recover", "--library", str(path), "--to", str(tmp_path / "new.sqlite3")]) == 0
    assert "Recovered into" in capsys.readouterr().out
    assert main(["library", "check", "--library", str(tmp_path / "new.sqlite3")]) == 0
    assert digest(path) == before


def test_a_text_file_named_like_a_library_is_refused_in_words(tmp_path, capsys):
    path = tmp_path / "notes.sqlite3"
    path.write_text("这不是一个数据库。\n" * 100, encoding="utf-8")
    before = digest(path)
    for command in (["stats"], ["list"], ["library", "check"]):
        assert main([*command, "--library", str(path)]) == 2
        err = capsys.readouterr().err
        assert "not a usable hbviewer library" in err or "damaged" in err
    assert digest(path) == before


def test_backup_restore_and_undo_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "library.sqlite3"
    assert main(["import", str(SEEDS), "--library", str(path)]) == 0  # the first import is backed up
    capsys.readouterr()
    assert main(["library", "backups", "--library", str(path)]) == 0
    listing = capsys.readouterr().out
    assert "26 articles" in listing and "1 backups" in listing
    lib = open_library(path)
    lib.remove_source(lib.sources()[0].id)
    left = lib.article_count()
    lib.close()
    assert main(["library", "restore", "latest", "--library", str(path)]) == 0
    assert "kept as" in capsys.readouterr().out
    assert open_library(path).article_count() == 26
    assert main(["library", "backups", "--json", "--library", str(path)]) == 0
    import json

    backups = json.loads(capsys.readouterr().out)
    undo = [b for b in backups if b["tag"] == "before-restore"]
    assert len(undo) == 1 and undo[0]["articles"] == left
    assert main(["library", "restore", undo[0]["path"], "--library", str(path)]) == 0
    assert open_library(path).article_count() == left
    assert main(["library", "restore", "99", "--library", str(path)]) == 2
    assert "no backup number 99" in capsys.readouterr().err


def test_a_full_disk_during_import_is_said_once(tmp_path, capsys, monkeypatch):
    import sqlite3

    from hbviewer.core.store.sqlite import writing

    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(30):
        (pages / f"{i:02d}.txt").write_text(f"# 第{i}篇\n\n本报讯 廊坊市第{i}批企业新增{i + 10}家。\n", encoding="utf-8")

    def full(self, *args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(writing.SqliteWrites, "_insert_rows", full)
    assert main(["import", str(pages), "--workers", "1", "--library", str(tmp_path / "l.sqlite3")]) == 2
    err = capsys.readouterr().err
    assert err.count("is full") <= 2 and "stopped at file 1 of 30" in err


def test_a_vanished_folder_is_said_in_words(tmp_path, capsys):
    gone = tmp_path / "gone"
    gone.mkdir()
    lib = gone / "l.sqlite3"
    assert main(["stats", "--library", str(lib)]) == 0
    capsys.readouterr()
    shutil.rmtree(gone)
    (tmp_path / "gone").write_text("now a file", encoding="utf-8")  # the folder is not there any more
    assert main(["list", "--library", str(lib)]) == 2
    assert "error:" in capsys.readouterr().err
