"""Correcting figures from the window: the article view's actions, the region table, undo and redo.

Each test drives the window, then reads what was written: the library's figures, the
region summary and an exported workbook.
"""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from hbviewer.core.importer import import_paths  # noqa: E402
from hbviewer.core.store.sqlite import SqliteLibrary as Library  # noqa: E402

from conftest import open_window  # noqa: E402

# A made-up page: five figures the analysis finds, and a number (2024号) it passes over.
PAGE = ("# 张家口市新增企业\n\n本报讯 今年以来，张家口市新增高新技术企业295家，同比增长12.5%。"
        "全市实现地区生产总值1800亿元。宣化区新建道路35公里，园区里种下银杏树编号2024号，项目共计八十个。\n")


@pytest.fixture
def page_library(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    path = tmp_path / "library.sqlite3"
    lib = Library.open(path)
    assert not import_paths(lib, [page]).failed
    lib.close()
    return path


@pytest.fixture
def window(qtbot, page_library, settings):
    win = open_window(qtbot, page_library, settings)
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == 1, timeout=10000)
    article_id = win.library_pane.model.article_ids()[0]
    win.show_article(article_id)
    qtbot.waitUntil(lambda: win.article_view.article is not None, timeout=10000)
    yield win
    win.controller.close()


def settle(qtbot, win):
    """Until every write is done and the view shows the figures as stored."""
    flow = win.corrections.flow
    qtbot.waitUntil(lambda: not flow.busy(), timeout=10000)
    lib = win.controller.library()
    view = win.article_view
    qtbot.waitUntil(lambda: [(f.start, f.status) for f in view.figures]
                    == [(f.start, f.status) for f in lib.figures(view.article.id)], timeout=10000)


def put_cursor_on(win, text):
    view = win.article_view
    start = view.article.text.index(text)
    view.select_span(start + 1, start + 1)  # the cursor inside the figure, nothing selected
    view.setFocus()
    return start


def stored(win, text):
    lib = win.controller.library()
    return next(f for f in lib.figures(win.article_view.article.id) if f.text == text)


def status_shown(win, text):
    from hbviewer.ui.article_view import STATUS_PROPERTY

    view = win.article_view
    cursor = view.textCursor()
    cursor.setPosition(view.body_start + view.article.text.index(text) + 1)
    return cursor.charFormat().property(STATUS_PROPERTY), cursor.charFormat()


def test_a_key_accepts_the_figure_at_the_cursor_and_its_highlight_says_so(qtbot, window):
    put_cursor_on(window, "295家")
    QTest.keyClick(window.article_view, Qt.Key_A)
    settle(qtbot, window)
    assert stored(window, "295家").status == "accepted"
    assert stored(window, "12.5%").status == "automatic"
    status, fmt = status_shown(window, "295家")
    assert status == "accepted" and fmt.fontUnderline()
    assert status_shown(window, "12.5%")[0] == "automatic"


def test_delete_rejects_a_figure_which_then_leaves_the_region_summary(qtbot, window):
    from hbviewer.core.briefing.summary import region_view, region_overview

    lib = window.controller.library()
    before = region_overview(lib).node("130705")  # 宣化区
    assert before is not None and before.figures == 2
    put_cursor_on(window, "35公里")
    QTest.keyClick(window.article_view, Qt.Key_Delete)
    settle(qtbot, window)
    assert stored(window, "35公里").status == "rejected"
    overview = region_overview(lib)
    assert overview.node("130705").figures == 1
    assert "35公里" not in [r["text"] for r in region_view(lib, overview, "130705").listed]
    status, fmt = status_shown(window, "35公里")
    assert status == "rejected" and fmt.fontStrikeOut()


def test_edit_form_changes_value_and_region_and_the_workbook_shows_it(qtbot, window, tmp_path):
    import openpyxl

    from hbviewer.core.briefing.summary import SummaryScope

    put_cursor_on(window, "1800亿元")
    with qtbot.waitSignal(window.corrections.actions.dialogOpened) as opened:
        QTest.keyClick(window.article_view, Qt.Key_E)
    dialog = opened.args[0]
    assert dialog.value_edit.text() == "180000000000"
    dialog.value_edit.setText("很多")
    dialog.accept()
    assert dialog.isVisible() and dialog.problem.isVisible()  # said in the form, nothing written
    dialog.value_edit.setText("190000000000")
    dialog.region_edit.setText("宣化区")
    dialog.indicator_edit.setText("地区生产总值（修订）")
    dialog.accept()
    settle(qtbot, window)
    f = stored(window, "1800亿元")
    assert (f.status, f.value, f.region, f.prefecture, f.indicator) == \
           ("edited", 190000000000, "宣化区", "张家口市", "地区生产总值（修订）")
    assert status_shown(window, "1800亿元")[0] == "edited"
    out = tmp_path / "b.xlsx"
    with qtbot.waitSignal(window.exportFinished, timeout=30000):
        window.export_to(str(out), SummaryScope())
    data = openpyxl.load_workbook(out)["数据"]
    header = [c.value for c in data[1]]
    rows = [dict(zip(header, (c.value for c in r))) for r in data.iter_rows(min_row=2)]
    assert [(r["原文"], r["数值"], r["地区"]) for r in rows if r["核对状态"] == "已修改"] == \
           [("1800亿元", 190000000000, "宣化区")]


def test_a_region_several_counties_share_is_refused_in_a_box(qtbot, window):
    put_cursor_on(window, "295家")
    with qtbot.waitSignal(window.corrections.actions.dialogOpened) as opened:
        window.corrections.actions.edit_action.trigger()
    opened.args[0].region_edit.setText("新华区")
    opened.args[0].accept()
    flow = window.corrections.flow
    qtbot.waitUntil(lambda: bool(flow.boxes), timeout=10000)
    assert "沧州市新华区" in flow.boxes[-1].text() and flow.boxes[-1].isVisible()
    qtbot.waitUntil(lambda: not flow.busy(), timeout=10000)
    assert stored(window, "295家").status == "automatic" and stored(window, "295家").region == "张家口市"
    assert window.corrections.undo_stack.count() == 0  # nothing to undo: nothing was written


def test_a_selection_that_is_no_figure_is_added_with_the_form_prefilled(qtbot, window):
    view = window.article_view
    start = view.article.text.index("2024号")
    view.select_span(start, start + len("2024号"))
    menu = window.corrections.actions.menu_at(view.viewport().rect().center())
    assert window.corrections.actions.add_action in menu.actions()
    with qtbot.waitSignal(window.corrections.actions.dialogOpened, timeout=10000) as opened:
        window.corrections.actions.add_action.trigger()
    dialog = opened.args[0]
    assert dialog.value_edit.text() == "2024"  # the selection read
    dialog.unit_edit.setText("号")
    dialog.indicator_edit.setText("银杏树编号")
    dialog.accept()
    settle(qtbot, window)
    added = stored(window, "2024号")
    assert (added.status, added.value, added.unit, added.indicator) == ("added", 2024, "号", "银杏树编号")
    assert (added.start, added.end) == (start, start + 5)
    assert status_shown(window, "2024号")[0] == "added"


def test_undo_and_redo_from_the_edit_menu(qtbot, window):
    corrections = window.corrections
    put_cursor_on(window, "295家")
    QTest.keyClick(window.article_view, Qt.Key_A)
    put_cursor_on(window, "12.5%")
    QTest.keyClick(window.article_view, Qt.Key_R)
    settle(qtbot, window)
    assert (stored(window, "295家").status, stored(window, "12.5%").status) == ("accepted", "rejected")
    assert corrections.undo_action.isEnabled() and not corrections.redo_action.isEnabled()
    QTest.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    settle(qtbot, window)
    assert (stored(window, "295家").status, stored(window, "12.5%").status) == ("accepted", "automatic")
    corrections.undo_action.trigger()
    settle(qtbot, window)
    assert stored(window, "295家").status == "automatic"
    assert status_shown(window, "295家")[0] == "automatic"
    QTest.keyClick(window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    settle(qtbot, window)
    assert (stored(window, "295家").status, stored(window, "12.5%").status) == ("accepted", "automatic")
    lib = window.controller.library()
    assert [c.state for c in lib.corrections(window.article_view.article.id)] == ["applied", "undone"]


def test_undoing_an_edit_brings_the_old_value_back(qtbot, window):
    put_cursor_on(window, "35公里")
    with qtbot.waitSignal(window.corrections.actions.dialogOpened) as opened:
        window.corrections.actions.edit_action.trigger()
    opened.args[0].value_edit.setText("36")
    opened.args[0].accept()
    settle(qtbot, window)
    assert stored(window, "35公里").value == 36
    window.corrections.undo_action.trigger()
    settle(qtbot, window)
    assert stored(window, "35公里").value == 35 and stored(window, "35公里").status == "automatic"


def shown_table(qtbot, win):
    panel = win.region_panel
    qtbot.waitUntil(lambda: panel.figure_model.rowCount() >= 5, timeout=20000)
    return panel.figure_model


def test_region_table_cells_are_edited_through_the_same_corrections(qtbot, window):
    model = shown_table(qtbot, window)
    columns = model.COLUMNS
    row = next(i for i in range(model.rowCount()) if model.row(i)["text"] == "295家")
    value = model.index(row, columns.index("value"))
    assert model.flags(value) & Qt.ItemIsEditable
    assert not model.flags(model.index(row, columns.index("text"))) & Qt.ItemIsEditable
    assert model.setData(value, "300")
    assert model.index(row, columns.index("status")).data() == "edited"  # shown at once
    qtbot.waitUntil(lambda: stored(window, "295家").status == "edited", timeout=10000)
    assert stored(window, "295家").value == 300
    # the table is read again once the summary is recounted: the stored row says the same
    qtbot.waitUntil(lambda: any(r["text"] == "295家" and r["value"] == 300 and r["status"] == "edited"
                                for r in (model.row(i) for i in range(model.rowCount()))), timeout=20000)
    row = next(i for i in range(model.rowCount()) if model.row(i)["text"] == "295家")
    assert model.setData(model.index(row, columns.index("region")), "万全区")
    qtbot.waitUntil(lambda: stored(window, "295家").region == "万全区", timeout=10000)
    assert stored(window, "295家").region_code == "130708"


def test_a_bad_cell_value_is_refused_with_a_message(qtbot, window):
    model = shown_table(qtbot, window)
    row = next(i for i in range(model.rowCount()) if model.row(i)["text"] == "295家")
    assert not model.setData(model.index(row, model.COLUMNS.index("value")), "很多")
    flow = window.corrections.flow
    qtbot.waitUntil(lambda: bool(flow.boxes), timeout=10000)
    assert "number" in flow.boxes[-1].text()
    assert stored(window, "295家").value == 295


def test_a_failed_write_puts_the_cell_back(qtbot, window, monkeypatch):
    from hbviewer.core.store.errors import LibraryError

    model = shown_table(qtbot, window)
    row = next(i for i in range(model.rowCount()) if model.row(i)["text"] == "295家")

    def busy(*_args, **_kwargs):
        raise LibraryError("the library is busy", "busy")

    monkeypatch.setattr(type(window.controller.library()), "correct_figure", busy)
    assert model.setData(model.index(row, model.COLUMNS.index("unit")), "户")
    flow = window.corrections.flow
    qtbot.waitUntil(lambda: bool(flow.boxes), timeout=10000)
    qtbot.waitUntil(lambda: model.row(row)["unit"] == "家", timeout=10000)
    assert model.row(row)["status"] == "automatic"
    assert "busy" in flow.boxes[-1].text()
    assert window.corrections.undo_stack.count() == 0


@pytest.mark.parametrize("how", ["read_only", "damaged"])
def test_a_library_that_may_not_be_written_turns_the_actions_off_and_says_why(qtbot, window, how):
    corrections = window.corrections
    assert corrections.actions.accept_action.isEnabled()
    if how == "damaged":
        window.controller.damage_met("the file is damaged")
    else:  # as a server role that may only read opens it
        window.controller.read_only = True
        window.controller.announce_change()
    qtbot.waitUntil(lambda: not corrections.actions.accept_action.isEnabled(), timeout=5000)
    reason = corrections.actions.accept_action.toolTip()
    assert ("damaged" if how == "damaged" else "read-only") in reason
    assert not corrections.actions.add_action.isEnabled()
    assert corrections.queue.reason_label.text() == reason
    model = shown_table(qtbot, window)
    assert not model.flags(model.index(0, model.COLUMNS.index("value"))) & Qt.ItemIsEditable
    corrections.queue.act("accept", row=0)  # what a key in the queue does: refused, in a box
    assert corrections.flow.boxes and reason in corrections.flow.boxes[-1].text()
    put_cursor_on(window, "295家")
    QTest.keyClick(window.article_view, Qt.Key_A)
    assert not corrections.flow.busy() and corrections.undo_stack.count() == 0
    assert window.controller.library().corrections() == []


def test_a_click_on_a_figure_then_r_rejects_that_figure(qtbot, window):
    from PySide6.QtGui import QTextCursor

    view = window.article_view
    start = view.article.text.index("12.5%")
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.body_start + start + 2)
    point = view.cursorRect(cursor).center()
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, point)
    assert view.current_figure() is not None and view.current_figure().text == "12.5%"
    QTest.keyClick(view, Qt.Key_R)
    settle(qtbot, window)
    assert stored(window, "12.5%").status == "rejected"
    assert stored(window, "295家").status == "automatic"


def test_an_accept_shows_in_the_region_table_and_a_reject_in_the_tree(qtbot, window):
    model = shown_table(qtbot, window)
    panel = window.region_panel

    def status_in_table(text):
        rows = [model.row(i) for i in range(model.rowCount())]
        return next((r["status"] for r in rows if r["text"] == text), None)

    put_cursor_on(window, "295家")
    QTest.keyClick(window.article_view, Qt.Key_A)
    qtbot.waitUntil(lambda: status_in_table("295家") == "accepted", timeout=20000)
    xuanhua = panel.tree_model.index_of("130705")
    count = xuanhua.siblingAtColumn(2)
    assert count.data() == 2
    put_cursor_on(window, "35公里")
    QTest.keyClick(window.article_view, Qt.Key_Delete)
    qtbot.waitUntil(lambda: panel.tree_model.index_of("130705").siblingAtColumn(2).data() == 1, timeout=20000)
    assert status_in_table("35公里") is None  # a rejected figure leaves the table


def test_a_figure_s_context_menu_offers_its_actions_and_still_copies(qtbot, window):
    from PySide6.QtGui import QTextCursor

    view, actions = window.article_view, window.corrections.actions
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.body_start + view.article.text.index("1800亿元") + 2)
    menu = actions.menu_at(view.cursorRect(cursor).center())
    shown = menu.actions()
    assert shown[:3] == [actions.accept_action, actions.reject_action, actions.edit_action]
    assert actions.add_action not in shown  # nothing selected: nothing to add
    assert any("Copy" in a.text() or "复制" in a.text() for a in shown)
    actions._menu_figure = None


def test_an_action_chosen_from_the_menu_acts_on_the_figure_clicked(qtbot, window):
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QMenu

    view, actions = window.article_view, window.corrections.actions
    put_cursor_on(window, "295家")  # the reader's cursor is elsewhere
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.body_start + view.article.text.index("八十个") + 1)
    pos = view.cursorRect(cursor).center()
    actions.show_menu(pos)
    menu = next(w for w in view.findChildren(QMenu) if w.isVisible())
    menu.hide()  # as choosing an item does: the menu hides, then the action is triggered
    actions.reject_action.trigger()
    settle(qtbot, window)
    assert stored(window, "八十个").status == "rejected" and stored(window, "295家").status == "automatic"


def test_the_keys_correct_only_while_reading(qtbot, window):
    put_cursor_on(window, "295家")
    box = window.library_pane.search_box
    box.setFocus()
    QTest.keyClicks(box, "are")
    assert box.text() == "are"
    table = window.library_pane.table  # a list takes no text: a window-wide key would reach the action
    table.setFocus()
    QTest.keyClick(table, Qt.Key_A)
    QTest.keyClick(table, Qt.Key_Delete)
    assert not window.corrections.flow.busy() and window.corrections.undo_stack.count() == 0
    assert stored(window, "295家").status == "automatic"
