"""The library pane's filter chips, its sort control and the pinyin mark, offscreen."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from hbviewer.core.store.search import SearchQuery  # noqa: E402
from hbviewer.core.store.sqlite import SqliteLibrary as Library  # noqa: E402

from test_ui import search, seeded_path, table_ids, window  # noqa: E402,F401


def test_chips_show_the_filters_and_their_cross_removes_one(qtbot, window, seeded_path):
    pane = window.library_pane
    search(qtbot, window, "科技 region:张家口市 date:2020")
    assert pane.chips.isVisible() and pane.chips.shown == ["region:张家口市", "date:2020"]
    lib = Library.open(seeded_path)
    wanted = lib.search_ids(SearchQuery("科技 region:张家口市 date:2020"))
    assert table_ids(window) == wanted
    buttons = [w for w in pane.chips.children() if hasattr(w, "clicked")]
    assert [b.text().split()[0] for b in buttons] == ["region:张家口市", "date:2020"]
    buttons[1].click()
    assert pane.search_box.text() == "科技 region:张家口市"
    qtbot.waitUntil(lambda: pane.shown_query.text == "科技 region:张家口市", timeout=10000)
    assert table_ids(window) == lib.search_ids(SearchQuery("科技 region:张家口市")) != wanted
    lib.close()
    search(qtbot, window, "科技")
    assert not pane.chips.isVisible() and pane.chips.shown == []


def test_sort_control_orders_the_list_by_date_and_by_figures(qtbot, window):
    pane = window.library_pane
    search(qtbot, window, "科技")
    pane.sort_box.setCurrentIndex(pane.sort_box.findData("date"))
    qtbot.waitUntil(lambda: pane.shown_query.sort == "date", timeout=10000)
    dates = [pane.model.row_at(i).date for i in range(pane.model.rowCount())]
    known = [d for d in dates if d]
    assert known and known == sorted(known, reverse=True) and dates[:len(known)] == known
    pane.sort_box.setCurrentIndex(pane.sort_box.findData("figures"))
    qtbot.waitUntil(lambda: pane.shown_query.sort == "figures", timeout=10000)
    counts = [pane.model.row_at(i).figure_count for i in range(pane.model.rowCount())]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]


def test_pinyin_hits_are_marked_in_the_list(qtbot, window):
    pane = window.library_pane
    search(qtbot, window, "zjk")
    assert pane.model.rowCount() > 0
    shown = pane.model.data(pane.model.index(0, 0), Qt.DisplayRole)
    assert pane.model.row_at(0).by_pinyin and shown != pane.model.row_at(0).title
    search(qtbot, window, "张家口")
    assert pane.model.data(pane.model.index(0, 0), Qt.DisplayRole) == pane.model.row_at(0).title


def test_reading_a_pinyin_hit_underlines_the_chinese_words(qtbot, window):
    search(qtbot, window, "zjk")
    view = window.article_view
    first = window.library_pane.model.row_at(0)
    window.library_pane.select_article(first.article_id)
    qtbot.waitUntil(lambda: view.article is not None and view.article.id == first.article_id and bool(view.hits),
                    timeout=10000)
    s, e = view.hits[0]
    assert view.article.text[s:e] in ("张家口", "張家口")


def test_review_status_and_what_people_keep_are_chips_too(qtbot, window, seeded_path):
    pane = window.library_pane
    search(qtbot, window, "status:reviewed")
    assert pane.chips.shown == ["status:reviewed"] and table_ids(window) == set()
    lib = Library.open(seeded_path)  # another client reviews two figures
    article_id = min(lib.search_ids(SearchQuery("张家口 has:figures")))
    figure = lib.figures(article_id)[0]
    lib.correct_figure(figure.id, "reject")
    lib.close()
    search(qtbot, window, "status:rejected")
    assert table_ids(window) == {article_id}
    search(qtbot, window, "张家口 status:unreviewed tag:雄安 is:bookmarked note:核实")
    assert pane.chips.shown == ["status:unreviewed", "tag:雄安", "is:bookmarked", "note:核实"]


def test_the_filter_menu_writes_its_filters_into_the_search_box(qtbot, window, seeded_path):
    pane = window.library_pane
    search(qtbot, window, "科技")
    actions = pane.filter_button.actions_by_term()
    assert {"kind:money", "status:unreviewed", "has:figures", "is:bookmarked"} <= set(actions)
    assert any(term.startswith("date:") for term in actions)
    actions["kind:money"].trigger()
    qtbot.waitUntil(lambda: pane.shown_query.text == "科技 kind:money", timeout=10000)
    lib = Library.open(seeded_path)
    assert table_ids(window) == lib.search_ids(SearchQuery("科技 kind:money")) != set()
    actions["kind:percent"].trigger()  # another kind in its place
    qtbot.waitUntil(lambda: pane.shown_query.text == "科技 kind:percent", timeout=10000)
    actions["has:date"].trigger()  # beside it
    qtbot.waitUntil(lambda: pane.shown_query.text == "科技 kind:percent has:date", timeout=10000)
    assert pane.chips.shown == ["kind:percent", "has:date"]
    assert table_ids(window) == lib.search_ids(SearchQuery("科技 kind:percent has:date"))
    lib.close()
