"""The library file: one transaction per file, duplicates once, versions, bad files."""

import sqlite3

import pytest

from hbviewer.core.importer import import_file, import_paths
from hbviewer.core.store import LibraryError
from hbviewer.core.store.sqlite import SCHEMA_VERSION, SqliteLibrary as Library
from hbviewer.core.store.search import SearchQuery

from conftest import SEEDS

PAGE = "# 甲县新闻\n\n本报讯 甲县今年新增高新技术企业12家。\n\n## 乙县新闻\n\n本报讯 乙县技术合同交易额3.5亿元。\n"


def snapshot(lib):
    return [(a.id, a.title, a.text) for a in lib.articles()], lib.stats()["sources"]


def test_import_seeds_then_again_is_unchanged(library):
    from hbviewer.core.text.articles import split_articles
    from hbviewer.core.text.reading import read_text_file

    first = import_paths(library, [SEEDS])
    page = split_articles(read_text_file(SEEDS / "000_086b7857410a924f.txt").text)
    assert library.articles()[0].original == page[0].original  # kept whole (stored compressed)
    assert [f.status for f in first.files] == ["imported"] * 5
    assert first.articles_added == 26
    again = import_paths(library, [SEEDS])
    assert [f.status for f in again.files] == ["unchanged"] * 5
    assert library.stats()["articles"] == 26


def test_same_article_in_two_files_is_stored_once_and_reported(library, tmp_path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE.split("## ")[0] + "## 丙县新闻\n\n本报讯 丙县新增5家。\n",
                                    encoding="utf-8")
    report = import_paths(library, [tmp_path / "a.txt", tmp_path / "b.txt"])
    a, b = report.files
    assert (a.articles, a.duplicates) == (2, 0)
    assert (b.articles, b.duplicates, b.duplicate_titles) == (1, 1, ["甲县新闻"])
    assert library.stats()["articles"] == 3


def test_changed_file_replaces_its_articles(library, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    import_paths(library, [page])
    page.write_text(PAGE.replace("12家", "13家"), encoding="utf-8")
    result = import_paths(library, [page]).files[0]
    assert result.status == "replaced" and result.articles == 2
    texts = [a.text for a in library.articles()]
    assert any("13家" in t for t in texts) and not any("12家" in t for t in texts)
    assert library.search_ids(SearchQuery("12家")) == set()
    assert len(library.search_ids(SearchQuery("13家"))) == 1


def test_bad_files_leave_the_library_unchanged(library, tmp_path):
    import_paths(library, [SEEDS])
    before = snapshot(library)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    with open(tmp_path / "big.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)
    gb = tmp_path / "gb.txt"
    gb.write_bytes(PAGE.encode("gb18030"))
    report = import_paths(library, [tmp_path / "empty.txt", tmp_path / "binary.txt",
                                    tmp_path / "big.txt", tmp_path / "missing.txt", gb])
    by_name = {f.path.rsplit("/", 1)[-1]: f for f in report.files}
    assert by_name["empty.txt"].error_code == "empty"
    assert by_name["binary.txt"].error_code == "binary"
    assert by_name["big.txt"].error_code == "too_large"
    assert by_name["missing.txt"].error_code == "missing"
    assert by_name["gb.txt"].status == "imported" and by_name["gb.txt"].encoding == "gb18030"
    assert all(f.error for f in report.failed) and len(report.failed) == 4
    after_ids = {a.id for a in library.articles()}
    assert {a[0] for a in before[0]} <= after_ids and len(after_ids) == len(before[0]) + 2


def test_cancel_in_the_middle_of_a_file_keeps_nothing_of_it(library, tmp_path):
    import_paths(library, [SEEDS / "002_ece3f9838cd41f0d.txt"])
    before = snapshot(library)
    calls = []

    def stop_after_first_article():
        calls.append(1)
        return len(calls) > 1  # checked between articles

    result = import_file(library, SEEDS / "000_086b7857410a924f.txt", should_stop=stop_after_first_article)
    assert result.status == "cancelled" and len(calls) == 2
    assert snapshot(library) == before


def test_cancel_during_a_folder_import_keeps_the_files_before_it(library, tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))[:4]
    calls = []

    def stop_before_the_third_file():
        calls.append(1)
        return len(calls) > 2  # checked before each file

    report = import_paths(library, seeds, should_stop=stop_before_the_third_file)
    assert report.cancelled and [f.status for f in report.files] == ["imported", "imported"]
    assert [s.name for s in library.sources()] == [p.name for p in seeds[:2]]
    assert library.article_count() == report.articles_added > 0


def test_progress_is_reported_per_file(library):
    seen = []
    import_paths(library, [SEEDS], progress=lambda done, total, name: seen.append((done, total)))
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)


def test_newer_schema_is_refused_without_change(tmp_path):
    path = tmp_path / "lib.sqlite3"
    Library.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(LibraryError, match="newer hbviewer"):
        Library.open(path)


@pytest.mark.parametrize("content", [b"this is not a database" * 100, b"SQLite format 3\x00" + b"\x07" * 50])
def test_garbage_file_is_refused_and_kept(tmp_path, content):
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(content)
    with pytest.raises(LibraryError, match="not a usable hbviewer library"):
        Library.open(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t(x)")
    db.commit()
    db.close()
    with pytest.raises(LibraryError, match="not an hbviewer library"):
        Library.open(path)


def test_reopened_library_keeps_articles_and_index(tmp_path):
    path = tmp_path / "lib.sqlite3"
    lib = Library.open(path)
    import_paths(lib, [SEEDS])
    ids = lib.search_ids(SearchQuery("科技"))
    lib.close()
    lib = Library.open(path)
    assert lib.search_ids(SearchQuery("科技")) == ids and ids
    lib.close()


def test_removing_a_source_removes_it_from_search(library):
    import_paths(library, [SEEDS])
    source = next(s for s in library.sources() if s.name.startswith("002"))
    assert library.search_ids(SearchQuery("點擊")) == set()  # metadata line is not text
    assert library.search_ids(SearchQuery("高新院")) == set()
    before = library.search_ids(SearchQuery("張家口"))
    library.remove_source(source.id)
    after = library.search_ids(SearchQuery("張家口"))
    assert len(after) == len(before) - 1


def test_analysis_is_stored_with_articles_and_refreshed_when_stale(library):
    from hbviewer.core.extract.analysis import ANALYSIS_VERSION, refresh_stale

    import_paths(library, [SEEDS])
    first = library.articles()[0]
    stored = library.figures(first.id)
    assert [f.text for f in stored][:3] == ["2家", "295家", "2698家"]
    assert all(first.text[f.start:f.end] == f.text for f in stored)
    total = library.stats()["figures"]
    assert total > 200 and library.stale_analysis_articles(ANALYSIS_VERSION) == []
    regions_before = library.article_regions(first.id)
    assert regions_before and regions_before[0]["name"] == "张家口市"
    library._db.execute("UPDATE articles SET analysis_version = 0")  # as if stored by an older version
    library._db.execute("DELETE FROM figures")
    library._db.execute("DELETE FROM article_regions")
    assert len(library.stale_analysis_articles(ANALYSIS_VERSION)) == 26
    assert refresh_stale(library) == 26
    assert library.stats()["figures"] == total and library.stale_analysis_articles(ANALYSIS_VERSION) == []
    assert library.article_regions(first.id) == regions_before
    assert library.figures(first.id)[1].region == "张家口市"


def test_version_1_library_is_migrated(tmp_path):
    """A library written before figures were stored opens and gets a figures table."""
    from hbviewer.core.store.sqlite.schema import _migrate_1

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    _migrate_1(db)
    db.execute("INSERT INTO meta VALUES('index_version', '1')")
    db.execute("PRAGMA user_version=1")
    db.execute("COMMIT")
    db.close()
    lib = Library.open(path)
    assert lib.stats()["figures"] == 0
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    lib.close()


def test_version_3_library_opens_with_everything_kept(tmp_path):
    """A library from before zones were stored opens: its figures and regions stay, with no zone."""
    from hbviewer.core.store.sqlite.schema import MIGRATIONS

    path = tmp_path / "v3.sqlite3"
    lib = Library.open(tmp_path / "made.sqlite3")
    import_file(lib, _page(tmp_path))
    article = lib.article(lib.articles()[0].id)
    figures, regions = lib.figures(article.id), lib.article_regions(article.id)
    lib.close()
    assert figures and regions
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    for version in (1, 2, 3):
        MIGRATIONS[version](db)
    db.execute("INSERT INTO meta VALUES('index_version', '1')")
    db.execute("INSERT INTO sources VALUES(1, 'p.txt', 'p.txt', 'x', 1, 'utf-8', '2024-01-01')")
    db.execute("INSERT INTO articles(id, source_id, position, title, text, fingerprint, analysis_version)"
               " VALUES(1, 1, 0, ?, ?, 'f', 1)", (article.title, article.text))
    for f in figures:
        db.execute('INSERT INTO figures(article_id, start, "end", text, value, value_high, unit, kind, approx,'
                   " indicator, change, as_of, region, region_code, prefecture)"
                   " VALUES(1, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)",
                   (f.start, f.end, f.text, f.value, f.value_high, f.unit, f.kind, f.approx, f.indicator,
                    f.as_of, f.region, f.region_code, f.prefecture))
    for rank, r in enumerate(regions):
        db.execute("INSERT INTO article_regions VALUES(1, 'subject', ?, ?, ?, ?, ?, ?, ?, ?)",
                   (rank, r["code"], r["name"], r["level"], r["prefecture"], r["prefecture_code"],
                    r["province_code"], r["score"]))
    db.execute("PRAGMA user_version=3")
    db.execute("COMMIT")
    db.close()
    lib = Library.open(path)
    assert [(f.text, f.region, f.zone) for f in lib.figures(1)] == [(f.text, f.region, "") for f in figures]
    assert [r["name"] for r in lib.article_regions(1)] == [r["name"] for r in regions]
    assert all(r["zone"] == "" for r in lib.article_regions(1))
    assert lib.article(1).text == article.text
    lib.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def _page(folder):
    page = folder / "page.txt"
    page.write_text(PAGE.replace("甲县", "正定县").replace("乙县", "平山县"), encoding="utf-8")
    return page


def test_read_only_library_searches_but_refuses_imports(tmp_path, monkeypatch):
    from hbviewer.core.store.sqlite import library as library_module

    path = tmp_path / "lib.sqlite3"
    lib = Library.open(path)
    import_paths(lib, [SEEDS / "002_ece3f9838cd41f0d.txt"])
    lib.close()
    real_access = library_module.os.access
    monkeypatch.setattr(library_module.os, "access", lambda p, mode: False if str(p) == str(path) else real_access(p, mode))
    ro = Library.open(path)
    assert ro.read_only and ro.search_ids(SearchQuery("張家口"))
    result = import_paths(ro, [SEEDS / "000_086b7857410a924f.txt"]).files[0]
    assert result.status == "failed" and result.error_code == "read_only" and "read-only" in result.error
    ro.close()


def test_a_damaged_library_can_be_set_aside_and_replaced(tmp_path):
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"not a database at all" * 50)
    with pytest.raises(LibraryError) as err:
        Library.open(path)
    assert err.value.code == "damaged"
    backup = Library.set_aside(path)
    assert backup.read_bytes() == b"not a database at all" * 50 and not path.exists()
    fresh = Library.open(path)
    assert fresh.stats()["articles"] == 0
    fresh.close()

