"""A window sees what other clients changed: the library's change mark moves with every change.

Two connections to one library stand for two people (a shared server, or a file a terminal
import writes to while the window is open). The page is made up.
"""

import pytest
from conftest import open_imported

from hbviewer.core.importer import import_file
from hbviewer.core.store.search import SearchQuery
from hbviewer.core.store.server import ServerLibrary
from hbviewer.core.store.sqlite import SqliteLibrary

PAGE = ("某城日报　2023年6月1日　第2版　要闻\n\n# 张家口市科技创新工作取得新进展\n\n本报讯 张家口市今年新增高新技术企业295家，"
        "技术合同交易额40.51亿元。\n\n## 万全区推进科技创新\n\n本报讯 万全区科技型中小企业达到120家，同比增长26%。\n")


@pytest.fixture(params=["sqlite", "server"])
def two(request, tmp_path):
    """(mine, theirs): two connections to one library."""
    mine = open_imported(request, tmp_path, PAGE)
    if request.param == "sqlite":
        theirs = SqliteLibrary.open(tmp_path / "library.sqlite3")
    else:
        theirs = ServerLibrary.open(request.getfixturevalue("pg_url"))
    yield mine, theirs
    theirs.close()
    mine.close()


def test_reading_leaves_the_mark_alone(two):
    mine, theirs = two
    mark = mine.change_mark()
    theirs.search(SearchQuery("科技"))
    theirs.figure_rows()
    theirs.saved_searches()
    assert mine.change_mark() == mark == theirs.change_mark()


def test_every_kind_of_change_by_another_client_moves_the_mark(two, tmp_path):
    mine, theirs = two
    first = theirs.articles()[0]
    figure = theirs.figures(first.id)[0]
    seen = [mine.change_mark()]

    def changed():
        mark = mine.change_mark()
        assert mark != seen[-1]
        seen.append(mark)

    correction = theirs.correct_figure(figure.id, "edit", {"value": 300})
    changed()
    theirs.set_correction_state(correction, "undone")
    changed()
    theirs.set_correction_state(correction, "applied")
    changed()
    theirs.correct_figure(theirs.figures(first.id)[1].id, "accept")
    changed()
    theirs.fix_article(first.id, {"title": "某市科技新闻"})
    changed()
    theirs.edit_tags(first.id, add=("重点",))
    changed()
    note = theirs.add_note(first.id, "待核实")
    changed()
    theirs.remove_note(note.id)
    changed()
    assert seen[-1] == seen[-3]  # the same notes as before: nothing more to show
    theirs.set_bookmark(first.id)
    changed()
    theirs.save_search("科技", SearchQuery("科技"))
    changed()
    (tmp_path / "more.txt").write_text("# 宣化区建设农业园区\n\n宣化区新建设施农业园区8个。\n", encoding="utf-8")
    assert import_file(theirs, tmp_path / "more.txt").status == "imported"
    changed()
    theirs.remove_source(theirs.source_by_path(str(tmp_path / "more.txt")).id)
    changed()
    # and what the mark said changed is there to read
    assert mine.figures(first.id)[0].value == 300 and mine.article(first.id).title == "某市科技新闻"
