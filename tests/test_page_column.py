"""The page column (SQLite migration 4, server migration 3): libraries written before it open without loss."""

import sqlite3

import pytest
from conftest import downgrade_server, downgrade_sqlite

from hbviewer.core.importer import import_file
from hbviewer.core.store.copying import library_content
from hbviewer.core.store.server import ServerLibrary
from hbviewer.core.store.server.schema import SCHEMA_VERSION as SERVER_VERSION
from hbviewer.core.store.sqlite import SCHEMA_VERSION, SqliteLibrary

PAGE = ("某城日报　2023年5月9日　第4版　经济\n\n# 某县新增企业\n\n本报讯 某县今年新增企业120家，"
        "同比增长12%。\n\n## 某区道路完工\n\n本报讯 某区道路改造工程完工，全长3公里。\n")


def _without_page(content):
    # library_content ends each article row with its page
    return [row[:-1] if row[0] == "article" else row for row in content]


def _imported(lib, tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    assert import_file(lib, tmp_path / "page.txt").status == "imported"
    assert {a.page for a in lib.articles()} == {"4"}
    return library_content(lib)


def test_a_file_from_before_pages_opens_with_everything_it_held(tmp_path):
    path = tmp_path / "library.sqlite3"
    lib = SqliteLibrary.open(path)
    before = _imported(lib, tmp_path)
    lib.close()
    downgrade_sqlite(path, 5)  # the same file as the version before pages wrote it
    lib = SqliteLibrary.open(path)
    try:
        after = library_content(lib)
        assert _without_page(after) == _without_page(before)
        assert {a.page for a in lib.articles()} == {""}  # unknown until the file is imported again
        assert lib.check().ok
    finally:
        lib.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_server_library_from_before_pages_opens_with_everything_it_held(pg_url, tmp_path):
    lib = ServerLibrary.open(pg_url)
    before = _imported(lib, tmp_path)
    lib.close()
    downgrade_server(pg_url, 4)
    lib = ServerLibrary.open(pg_url)
    try:
        assert _without_page(library_content(lib)) == _without_page(before)
        assert {a.page for a in lib.articles()} == {""}
        assert lib.meta("schema_version") == str(SERVER_VERSION)
    finally:
        lib.close()


@pytest.mark.parametrize("keep", [True, False])
def test_recovery_reads_the_page_when_the_file_has_it(tmp_path, keep):
    from hbviewer.core.store.sqlite.repair import recover

    path = tmp_path / "library.sqlite3"
    lib = SqliteLibrary.open(path)
    _imported(lib, tmp_path)
    lib.close()
    if not keep:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("ALTER TABLE articles DROP COLUMN page")
        db.close()
    target = tmp_path / "recovered.sqlite3"
    recover(path, target)
    lib = SqliteLibrary.open(target)
    try:
        assert {a.page for a in lib.articles()} == ({"4"} if keep else {""})
    finally:
        lib.close()
