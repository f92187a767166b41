"""Fixing whole articles on both libraries: title and where it appeared, subjects, merge, split, undo.

The pages are made up. Every fix is a correction: it says what it changed, by whom and when,
undo puts the old values back, and the figure corrections of the articles involved follow the text.
"""

import sqlite3

import pytest
from conftest import open_imported

from hbviewer.core.importer import import_file
from hbviewer.core.store import LibraryError
from hbviewer.core.store.corrections import CorrectionError
from hbviewer.core.store.search import SearchQuery
from hbviewer.core.store.server import ServerLibrary
from hbviewer.core.store.sqlite import SqliteLibrary

PAGE = ("某城日报　2023年6月1日　第2版　要闻\n\n# 张家口市科技创新工作取得新进展\n\n本报讯 张家口市今年新增高新技术企业295家，"
        "技术合同交易额40.51亿元。\n\n## 万全区推进科技创新\n\n本报讯 万全区科技型中小企业达到120家，同比增长26%。\n\n"
        "## 宣化区建设农业园区\n\n本报讯 宣化区新建设施农业园区8个。\n")


@pytest.fixture(params=["sqlite", "server"])
def lib(request, tmp_path):
    library = open_imported(request, tmp_path, PAGE)
    yield library
    library.close()


def _titles(lib):
    return [a.title for a in lib.articles()]


def test_fix_title_date_publication_page_and_undo(lib):
    first = lib.articles()[0]
    cid = lib.fix_article(first.id, {"title": "张家口科技创新", "date": "2023年7月2日", "publication": "某省日报",
                                     "page": "第03版"})
    fixed = lib.article(first.id)
    assert (fixed.title, fixed.date, fixed.publication, fixed.page) == ("张家口科技创新", "2023-07-02", "某省日报", "3")
    assert lib.search_ids(SearchQuery("张家口科技创新")) == {first.id}
    [c] = lib.corrections(first.id)
    assert (c.id, c.action, c.state) == (cid, "article", "applied") and c.author and c.made_at
    assert c.changes["date"] == "2023-07-02" and c.previous["date"] == "2023-06-01"
    assert c.previous["title"] == "张家口市科技创新工作取得新进展"
    later = lib.fix_article(first.id, {"date": "2023-08-01"})
    lib.set_correction_state(cid, "undone")  # the later date stays: it was set after
    again = lib.article(first.id)
    assert (again.title, again.date, again.page) == (first.title, "2023-08-01", "2")
    lib.set_correction_state(later, "undone")
    assert lib.article(first.id) == first
    assert lib.search_ids(SearchQuery("张家口科技创新")) == set()


@pytest.mark.parametrize("changes, said", [
    ({"date": "2023-02-30"}, "not a date"), ({"date": "明天"}, "not a date"), ({"page": "头版头条"}, "not a page"),
    ({"title": "  "}, "cannot be empty"), ({"colour": "red"}, "cannot be fixed"), ({"page": "2"}, "nothing to change"),
])
def test_bad_fixes_are_refused_and_change_nothing(lib, changes, said):
    first = lib.articles()[0]
    with pytest.raises(CorrectionError, match=said):
        lib.fix_article(first.id, changes)
    assert lib.article(first.id) == first and lib.corrections() == []


def test_subjects_added_and_removed_stay_through_reanalysis(lib):
    from hbviewer.core.extract.analysis import refresh_stale

    first = lib.articles()[0]
    assert [r["name"] for r in lib.article_regions(first.id)][0] == "张家口市"
    cid = lib.fix_subjects(first.id, add=["衡水市"], remove=["张家口市"])
    names = [r["name"] for r in lib.article_regions(first.id)]
    assert "衡水市" in names and "张家口市" not in names
    hs = lib.article_regions(first.id)[names.index("衡水市")]["code"]
    assert lib.subject_counts().get(hs) == 1
    refresh_stale(lib, everything=True)
    assert [r["name"] for r in lib.article_regions(first.id)] == names
    with pytest.raises(CorrectionError, match="not one of the article's subjects"):
        lib.fix_subjects(first.id, remove=["保定市"])
    with pytest.raises(CorrectionError, match="no region"):
        lib.fix_subjects(first.id, add=["不存在的地方"])
    lib.set_correction_state(cid, "undone")
    assert [r["name"] for r in lib.article_regions(first.id)][0] == "张家口市" and lib.subject_counts().get(hs) is None


def test_a_fixed_title_survives_reanalysis(lib):
    from hbviewer.core.extract.analysis import refresh_stale

    first = lib.articles()[0]
    lib.fix_article(first.id, {"title": "手改的标题", "date": "2022-01-05"})
    refresh_stale(lib, everything=True)
    assert (lib.article(first.id).title, lib.article(first.id).date) == ("手改的标题", "2022-01-05")


def test_merge_with_next_keeps_figure_corrections_and_undo_restores(lib):
    first, second, third = lib.articles()
    edited = lib.figures(second.id)[0]
    edit = lib.correct_figure(edited.id, "edit", {"value": 121})
    cid = lib.merge_articles(first.id)
    assert _titles(lib) == [first.title, third.title] and lib.article(second.id) is None
    merged = lib.article(first.id)
    assert merged.text.startswith(first.text) and second.title in merged.text and merged.text.endswith(second.text)
    moved = [f for f in lib.figures(first.id) if f.status == "edited"]
    assert [(f.text, f.value) for f in moved] == [(edited.text, 121.0)]
    assert merged.text[moved[0].start:moved[0].end] == edited.text
    assert lib.search_ids(SearchQuery("科技型中小企业")) == {first.id}
    [c] = [c for c in lib.corrections() if c.id == cid]
    assert (c.action, c.changes["merged"], c.previous["text"]) == ("merge", second.id, first.text)

    lib.set_correction_state(cid, "undone")
    assert lib.articles() == [first, second, third]
    assert [(f.value, f.status) for f in lib.figures(second.id) if f.status == "edited"] == [(121.0, "edited")]
    assert {c.id: c.article_id for c in lib.corrections()}[edit] == second.id
    assert lib.search_ids(SearchQuery("科技型中小企业")) == {second.id}
    lib.set_correction_state(cid, "applied")  # redo
    assert _titles(lib) == [first.title, third.title]
    with pytest.raises(CorrectionError, match="already"):
        lib.set_correction_state(cid, "applied")


def test_merging_the_last_article_of_a_page_is_refused(lib):
    last = lib.articles()[-1]
    with pytest.raises(CorrectionError, match="last article of its page"):
        lib.merge_articles(last.id)
    assert len(lib.articles()) == 3 and lib.corrections() == []


def test_split_moves_the_rest_and_its_figure_corrections(lib):
    first = lib.articles()[0]
    at = first.text.index("技术合同")
    tail_figure = [f for f in lib.figures(first.id) if f.start >= at][0]
    rejected = lib.correct_figure(tail_figure.id, "reject")
    cid = lib.split_article(first.id, at)
    articles = lib.articles()
    assert len(articles) == 4 and articles[0].id == first.id and articles[0].text == first.text[:at].rstrip()
    new = articles[1]
    assert new.text == first.text[at:] and (new.publication, new.date, new.page) == ("某城日报", "2023-06-01", "2")
    assert [(f.text, f.status) for f in lib.figures(new.id)][0] == (tail_figure.text, "rejected")
    assert {c.id: c.article_id for c in lib.corrections()}[rejected] == new.id
    assert lib.search_ids(SearchQuery("技术合同")) == {new.id}
    fix = lib.fix_article(new.id, {"title": "技术合同交易"})
    with pytest.raises(CorrectionError, match="undo first the fixes"):
        lib.set_correction_state(cid, "undone")
    lib.set_correction_state(fix, "undone")
    lib.set_correction_state(cid, "undone")
    assert lib.articles()[0] == first and len(lib.articles()) == 3
    assert [f.status for f in lib.figures(first.id) if f.text == tail_figure.text] == ["rejected"]
    lib.set_correction_state(cid, "applied")
    assert len(lib.articles()) == 4


@pytest.mark.parametrize("at", [0, -3, 10 ** 6])
def test_a_split_outside_the_text_is_refused(lib, at):
    first = lib.articles()[0]
    with pytest.raises(CorrectionError, match="not a place inside"):
        lib.split_article(first.id, at)
    assert lib.articles()[0] == first and lib.corrections() == []


def test_a_figure_correction_cut_by_a_split_needs_a_look_and_is_kept(lib):
    first = lib.articles()[0]
    figure = lib.figures(first.id)[0]
    edit = lib.correct_figure(figure.id, "edit", {"value": 300})
    lib.split_article(first.id, figure.start + 1)  # through the figure
    [c] = [c for c in lib.corrections() if c.id == edit]
    assert c.state == "needs_look"


def test_a_read_only_library_refuses_fixes(lib):
    first = lib.articles()[0]
    lib.read_only = True  # as a file without write permission, or a server role that may only read
    for call in (lambda: lib.fix_article(first.id, {"title": "新"}), lambda: lib.merge_articles(first.id),
                 lambda: lib.split_article(first.id, 3), lambda: lib.fix_subjects(first.id, add=["衡水市"])):
        with pytest.raises(LibraryError, match="read-only"):
            call()
    lib.read_only = False
    assert lib.articles()[0] == first and lib.corrections() == []


def _blank_metadata(lib, request):
    """As a library imported before the metadata rules: no publication, date, page or section."""
    statements = ["UPDATE articles SET publication = '', date = NULL, page = '', section = ''",
                  "DELETE FROM meta WHERE key = 'metadata_version'"]
    if isinstance(lib, ServerLibrary):
        import psycopg

        with psycopg.connect(request.getfixturevalue("pg_url"), autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)
    else:
        db = sqlite3.connect(lib.path)
        with db:
            for statement in statements:
                db.execute(statement)
        db.close()


def test_reanalysis_reads_metadata_again_and_keeps_hand_fixes(lib, request, tmp_path):
    """A library imported before the metadata rules (columns blank) gets them back; a fixed date stays."""
    from hbviewer.core.store.metadata_refresh import metadata_due, refresh_metadata

    assert not metadata_due(lib)  # a new library is read by these rules
    first, second, _third = lib.articles()
    _blank_metadata(lib, request)
    assert lib.article(first.id).publication == ""
    lib.fix_article(second.id, {"date": "2020-01-01"})
    assert metadata_due(lib) and refresh_metadata(lib) == 3 and not metadata_due(lib)
    again = lib.article(first.id)
    assert (again.publication, again.date, again.page, again.section) == ("某城日报", "2023-06-01", "2", "要闻")
    assert (lib.article(second.id).date, lib.article(second.id).publication) == ("2020-01-01", "某城日报")
    assert refresh_metadata(lib, everything=True) == 0  # nothing new to say


def test_without_its_file_the_stored_parts_of_the_page_and_its_name_still_tell(lib, request, tmp_path):
    from hbviewer.core.store.metadata_refresh import refresh_metadata

    page = tmp_path / "某城日报-2023-06-05.txt"
    page.write_text("# 某县道路完工\n\n某城日报讯 某县道路改造工程完工，全长3公里。\n", encoding="utf-8")
    import_file(lib, page)
    page.unlink()  # the file is gone: the stored part of the page and the file's name are left
    _blank_metadata(lib, request)
    assert refresh_metadata(lib) >= 1
    [road] = [a for a in lib.articles() if a.title == "某县道路完工"]
    assert (road.publication, road.date) == ("某城日报", "2023-06-05")


def test_fixes_copied_into_another_library_are_undone_there(lib, tmp_path):
    """A library copy merged into one that holds articles already: the articles get new ids."""
    titles = _titles(lib)
    first = lib.articles()[0]
    lib.merge_articles(first.id)
    copy = SqliteLibrary.open(tmp_path / "copy.sqlite3")
    try:
        (tmp_path / "other.txt").write_text("# 某县道路完工\n\n某县道路改造工程完工，全长3公里。\n", encoding="utf-8")
        import_file(copy, tmp_path / "other.txt")
        for record in lib.dump_sources():
            copy.store_copied(record)
        [copied] = [c for c in copy.corrections() if c.action == "merge"]
        copy.set_correction_state(copied.id, "undone")
        assert [t for t in _titles(copy) if t != "某县道路完工"] == titles
        assert copy.check().ok
    finally:
        copy.close()


def test_undoing_a_title_fix_gives_back_a_title_made_from_the_first_sentence(lib, tmp_path):
    (tmp_path / "notice.txt").write_text("某县道路改造工程完工，全长3公里。\n", encoding="utf-8")
    import_file(lib, tmp_path / "notice.txt")
    [notice] = [a for a in lib.articles() if a.title_inferred]
    cid = lib.fix_article(notice.id, {"title": "某县道路完工"})
    assert lib.article(notice.id).title_inferred is False
    lib.set_correction_state(cid, "undone")
    assert lib.article(notice.id) == notice
