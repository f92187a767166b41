"""Tags, notes, bookmarks and saved searches, on the SQLite file and on the server alike."""

import sqlite3
import time

import pytest
from conftest import downgrade_server, downgrade_sqlite, open_imported

from hbviewer.core.extract.analysis import refresh_stale
from hbviewer.core.extract.keywords import keywords, stop_words
from hbviewer.core.importer import import_file
from hbviewer.core.store.copying import copy_library, library_content
from hbviewer.core.store.search import SearchQuery, split_keep_filters
from hbviewer.core.store.server import ServerLibrary
from hbviewer.core.store.server.schema import SCHEMA_VERSION as SERVER_VERSION
from hbviewer.core.store.sqlite import SqliteLibrary

PAGE = ("# 唐山市推进港口建设工作\n\n本报讯 唐山市加快推进曹妃甸港区建设，今年港口吞吐量达到7.2亿吨。"
        "曹妃甸港区新建集装箱泊位3个，港口集疏运体系不断完善。\n\n"
        "## 沧州市发展海洋经济\n\n本报讯 沧州市黄骅港海洋经济产值增长12%，渔业养殖面积达到30万亩。\n")


@pytest.fixture(params=["sqlite", "server"])
def lib(request, tmp_path):
    library = open_imported(request, tmp_path, PAGE)
    yield library
    library.close()


def _ids(lib):
    tangshan, cangzhou = lib.articles()
    return tangshan.id, cangzhou.id


def test_tags_name_the_subject_and_leave_out_policy_words():
    tags = keywords("唐山市推进港口建设工作", "唐山市加快推进曹妃甸港区建设，今年港口吞吐量达到7.2亿吨。")
    assert "曹妃甸" in tags or "港区" in tags
    assert not {"工作", "推进", "建设", "加快", "发展"} & set(tags)
    assert {"工作", "发展", "推进", "建设", "加快"} <= stop_words()
    assert keywords("Title", "only latin text 2024") == []


def test_query_words_for_what_people_keep():
    assert split_keep_filters("tag:港口 科技 note:核实 is:bookmarked") == (
        "科技", split_keep_filters("tag:港口 note:核实 is:bookmarked")[1])
    text, filters = split_keep_filters("tag:港口 note: is:other 科技")
    assert text == "is:other 科技" and filters.tags == ("港口",) and filters.notes == ("",)
    assert not filters.bookmarked and not split_keep_filters("科技")[1]


def test_user_tags_survive_a_new_analysis(lib):
    tangshan, _ = _ids(lib)
    automatic = [t for t, origin in lib.tags(tangshan) if origin == "auto"]
    assert len(automatic) >= 3
    lib.edit_tags(tangshan, add=("港航",), remove=(automatic[0],))
    assert refresh_stale(lib, everything=True) == 2
    shown = lib.tags(tangshan)
    assert ("港航", "user") in shown and automatic[0] not in [t for t, _ in shown]
    assert [t for t, o in shown if o == "auto"] == automatic[1:]
    assert lib.search_ids(SearchQuery("tag:港航 港口")) == {tangshan}
    lib.edit_tags(tangshan, remove=("港航",))
    assert ("港航", "user") not in lib.tags(tangshan)
    with pytest.raises(ValueError):
        lib.edit_tags(tangshan, add=("  ",))
    with pytest.raises(ValueError):
        lib.edit_tags(10 ** 9, add=("港航",))


def test_figure_notes_keep_their_span_across_a_new_analysis(lib):
    tangshan, cangzhou = _ids(lib)
    figure = lib.figures(tangshan)[0]
    note = lib.add_note(tangshan, "吞吐量请与港务局核对", span=(figure.start, figure.end))
    lib.add_note(cangzhou, "  沧州情况已上报  ")
    refresh_stale(lib, everything=True)
    (kept,) = lib.notes([tangshan])
    assert kept == note and kept.author and lib.article(tangshan).text[slice(*kept.span)] == figure.text
    assert [n.text for n in lib.notes()] == ["吞吐量请与港务局核对", "沧州情况已上报"]
    assert lib.search_ids(SearchQuery("港务局")) == {tangshan}
    assert lib.search_ids(SearchQuery("note:上报")) == {cangzhou}
    assert lib.search_ids(SearchQuery("港务局", article_ids=(cangzhou,))) == set()
    # typed filters hold for articles found by their notes too
    assert lib.search_ids(SearchQuery("港务局 region:唐山市")) == {tangshan}
    assert lib.search_ids(SearchQuery("港务局 region:沧州市")) == set()
    assert lib.search_ids(SearchQuery("港务局 -region:沧州市 has:figures")) == {tangshan}
    assert lib.search(SearchQuery("上报 region:沧州市")).total == 1
    total, rows = lib.rows(SearchQuery("港务局 OR 黄骅港"))
    assert total == 2 and rows[0].article_id == tangshan and "港务局" in rows[0].snippet.text
    with pytest.raises(ValueError):
        lib.add_note(tangshan, "   ")


def test_bookmarks_are_a_filter(lib):
    tangshan, cangzhou = _ids(lib)
    lib.set_bookmark(cangzhou)
    assert lib.bookmarked_ids() == {cangzhou}
    total, rows = lib.rows(SearchQuery("is:bookmarked"))
    assert total == 1 and rows[0].article_id == cangzhou
    assert lib.search_ids(SearchQuery("is:bookmarked 唐山")) == set()


def test_a_saved_search_counts_what_was_imported_since_it_was_opened(lib, tmp_path):
    lib.save_search("港口", SearchQuery("港口", date_from=None))
    assert [s.new for s in lib.saved_searches()] == [0]
    time.sleep(1.1)  # import times are kept to the second
    (tmp_path / "more.txt").write_text("# 秦皇岛港口动态\n\n本报讯 秦皇岛港口新开航线2条。\n", encoding="utf-8")
    import_file(lib, tmp_path / "more.txt")
    assert [s.new for s in lib.saved_searches()] == [1]
    opened = lib.open_saved_search("港口")
    assert opened.query.text == "港口" and [s.new for s in lib.saved_searches()] == [0]
    lib.save_search("港口", SearchQuery("港口 -秦皇岛", sources=(1,)))
    (saved,) = lib.saved_searches()
    assert saved.query == SearchQuery("港口 -秦皇岛", sources=(1,)) and saved.author
    with pytest.raises(ValueError):
        lib.save_search(" ", SearchQuery("x"))


def test_a_copy_carries_what_people_kept(lib, tmp_path):
    tangshan, cangzhou = _ids(lib)
    lib.edit_tags(tangshan, add=("港航",))
    lib.add_note(cangzhou, "待核实")
    lib.set_bookmark(tangshan)
    lib.save_search("海洋", SearchQuery("海洋"))
    copy = SqliteLibrary.open(tmp_path / "copy.sqlite3")
    try:
        report = copy_library(lib, copy)
        assert report.kept == {"user_tags": 1, "notes": 1, "bookmarks": 1, "saved_searches": 1}
        assert library_content(copy) == library_content(lib)
        assert copy.search_ids(SearchQuery("tag:港航")) == {tangshan}
        again = copy_library(lib, copy, merge=True)  # nothing twice
        assert again.kept == {"user_tags": 0, "notes": 0, "bookmarks": 0, "saved_searches": 0}
    finally:
        copy.close()


def test_an_older_library_file_opens_without_loss(tmp_path):
    path = tmp_path / "old.sqlite3"
    lib = SqliteLibrary.open(path)
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    import_file(lib, tmp_path / "page.txt")
    before = [(a.title, a.text, [f.text for f in lib.figures(a.id)]) for a in lib.articles()]
    lib.close()
    downgrade_sqlite(path, 7)  # as a file from before what people keep: no tables for it
    db = sqlite3.connect(path)
    db.execute("UPDATE articles SET analysis_version = 1")
    db.commit()
    db.close()
    lib = SqliteLibrary.open(path)
    try:
        assert [(a.title, a.text, [f.text for f in lib.figures(a.id)]) for a in lib.articles()] == before
        assert lib.notes() == [] and lib.tag_labels([a.id for a in lib.articles()]) == {}
        assert refresh_stale(lib) == 2 and all(lib.tags(a.id) for a in lib.articles())
    finally:
        lib.close()


def test_an_older_server_library_opens_without_loss(pg_url, tmp_path):
    lib = ServerLibrary.open(pg_url)
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    import_file(lib, tmp_path / "page.txt")
    before = [(a.title, [f.text for f in lib.figures(a.id)]) for a in lib.articles()]
    lib.close()
    downgrade_server(pg_url, 6)
    lib = ServerLibrary.open(pg_url)
    try:
        assert [(a.title, [f.text for f in lib.figures(a.id)]) for a in lib.articles()] == before
        assert lib.meta("schema_version") == str(SERVER_VERSION) and lib.saved_searches() == []
        lib.add_note(lib.articles()[0].id, "升级后可写")
        assert len(lib.notes()) == 1
    finally:
        lib.close()


def test_a_file_copied_to_a_server_keeps_its_notes_and_tags(pg_url, tmp_path):
    source = SqliteLibrary.open(tmp_path / "file.sqlite3")
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    import_file(source, tmp_path / "page.txt")
    tangshan, cangzhou = _ids(source)
    automatic = source.tags(tangshan)[0][0]
    source.edit_tags(tangshan, add=("港航",), remove=(automatic,))
    figure = source.figures(cangzhou)[0]
    source.add_note(cangzhou, "产值待核实", span=(figure.start, figure.end))
    server = ServerLibrary.open(pg_url)
    try:
        copy_library(source, server)
        assert library_content(server) == library_content(source)
        assert server.tags(tangshan) == source.tags(tangshan) and automatic not in dict(server.tags(tangshan))
        assert [(n.text, n.span) for n in server.notes()] == [("产值待核实", (figure.start, figure.end))]
    finally:
        server.close()
        source.close()
