"""The review queue dock: least certain first, reviewed by keyboard, the article view following it."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from hbviewer.core.importer import import_paths  # noqa: E402
from hbviewer.core.store.sqlite import SqliteLibrary as Library  # noqa: E402

from conftest import open_window  # noqa: E402

# Two made-up pages: figures with and without an indicator or a region, so that their confidences differ.
PAGES = {
    "a.txt": "# 张家口市新增企业\n\n本报讯 今年以来，张家口市新增高新技术企业295家，同比增长12.5%。"
             "全市实现地区生产总值1800亿元。\n",
    "b.txt": "# 会议召开\n\n本报讯 会上共有3人发言，宣化区新建道路35公里，约有二十余家单位参加。\n",
}


@pytest.fixture
def window(qtbot, tmp_path, settings):
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    path = tmp_path / "library.sqlite3"
    lib = Library.open(path)
    assert not import_paths(lib, [tmp_path / name for name in PAGES]).failed
    lib.close()
    win = open_window(qtbot, path, settings)
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == 2, timeout=10000)
    queue = win.corrections.queue
    with qtbot.waitSignal(queue.loaded, timeout=20000):
        win.corrections.queue_action.trigger()  # Tools → To review
    queue.table.setFocus()
    yield win
    win.controller.close()


def settle(qtbot, win):
    qtbot.waitUntil(lambda: not win.corrections.flow.busy(), timeout=10000)


def status_of(win, item):
    return win.controller.library().figure(item.figure.id)[1].status


def test_the_queue_is_the_library_s_least_certain_first_with_reasons(qtbot, window):
    queue = window.corrections.queue
    expected = window.controller.library().unreviewed_figures(500)
    assert len(expected) >= 6
    assert [(a, f.id) for a, f in expected] == [(i.article_id, i.figure.id) for i in queue.model.items]
    confidences = [i.figure.confidence for i in queue.model.items]
    assert confidences == sorted(confidences) and confidences[0] < confidences[-1]
    first = queue.model.index(0, queue.model.COLUMNS.index("reasons")).data()
    assert first  # the least certain says why
    assert queue.count_label.text() == f"Reviewed 0, {len(expected)} left"
    assert window.windowTitle() and queue.windowTitle() == "To review"


def test_the_article_view_follows_the_current_figure(qtbot, window):
    queue, view = window.corrections.queue, window.article_view
    for row in (0, 3, 1):
        queue.table.setCurrentIndex(queue.model.index(row, 0))
        item = queue.model.items[row]
        qtbot.waitUntil(lambda: view.article is not None and view.article.id == item.article_id
                        and view.textCursor().selectedText() == item.figure.text, timeout=10000)
    QTest.keyClick(queue.table, Qt.Key_Down)
    item = queue.model.items[2]
    assert queue.current_row() == 2
    qtbot.waitUntil(lambda: view.article.id == item.article_id and view.textCursor().selectedText() == item.figure.text,
                    timeout=10000)


def test_enter_accepts_delete_rejects_and_the_queue_moves_on(qtbot, window):
    queue = window.corrections.queue
    items = list(queue.model.items)
    QTest.keyClick(queue.table, Qt.Key_Return)
    assert queue.current_row() == 1  # moved on at once, before the write is done
    QTest.keyClick(queue.table, Qt.Key_Delete)
    assert queue.current_row() == 2
    QTest.keyClick(queue.table, Qt.Key_Down)
    QTest.keyClick(queue.table, Qt.Key_Up)  # Up and Down move without reviewing
    assert queue.current_row() == 2 and queue.model.items[2].status == "automatic"
    assert queue.count_label.text() == f"Reviewed 2, {len(items) - 2} left"
    settle(qtbot, window)
    assert [status_of(window, i) for i in items[:3]] == ["accepted", "rejected", "automatic"]
    assert queue.model.index(0, queue.model.COLUMNS.index("status")).data() == "accepted"
    # reviewed figures leave the library's queue
    remaining = {f.id for _a, f in window.controller.library().unreviewed_figures(500)}
    assert items[0].figure.id not in remaining and items[2].figure.id in remaining


def test_e_edits_the_current_figure_and_the_queue_moves_on(qtbot, window):
    queue = window.corrections.queue
    item = queue.model.items[0]
    with qtbot.waitSignal(window.corrections.actions.dialogOpened) as opened:
        QTest.keyClick(queue.table, Qt.Key_E)
    dialog = opened.args[0]
    dialog.indicator_edit.setText("参会单位")
    dialog.region_edit.setText("宣化区")
    dialog.accept()
    assert queue.current_row() == 1 and item.status == "edited"
    settle(qtbot, window)
    f = window.controller.library().figure(item.figure.id)[1]
    assert (f.status, f.indicator, f.region) == ("edited", "参会单位", "宣化区")


def test_undo_shows_in_the_queue(qtbot, window):
    queue = window.corrections.queue
    item = queue.model.items[0]
    QTest.keyClick(queue.table, Qt.Key_Return)
    settle(qtbot, window)
    window.corrections.undo_action.trigger()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: item.status == "automatic", timeout=10000)
    assert queue.count_label.text().startswith("Reviewed 0,")
    f = [g for g in window.controller.library().figures(item.article_id) if g.start == item.figure.start][0]
    assert f.status == "automatic"
    window.corrections.redo_action.trigger()
    qtbot.waitUntil(lambda: item.status == "accepted", timeout=10000)
    settle(qtbot, window)
    f = [g for g in window.controller.library().figures(item.article_id) if g.start == item.figure.start][0]
    assert f.status == "accepted"


def test_a_figure_whose_id_changed_is_found_by_its_place(qtbot, window):
    """An undo writes its article's figures anew: the queue's other figures of it are still reviewed."""
    from dataclasses import replace

    queue = window.corrections.queue
    items = queue.model.items
    first = items[0]
    same = next(i for i in items[1:] if i.article_id == first.article_id)
    queue.act("accept", row=0)
    settle(qtbot, window)
    window.corrections.undo_action.trigger()
    settle(qtbot, window)
    ids = {g.id for g in window.controller.library().figures(same.article_id)}
    same.figure = replace(same.figure, id=max(ids) + 1000)  # as if its row were written anew elsewhere
    queue.act("reject", row=items.index(same))
    settle(qtbot, window)
    assert not window.corrections.flow.boxes
    f = [g for g in window.controller.library().figures(same.article_id) if g.start == same.figure.start][0]
    assert f.status == "rejected"


def test_a_failed_write_is_said_and_rolled_back(qtbot, window, monkeypatch):
    from hbviewer.core.store.errors import LibraryError

    queue = window.corrections.queue
    item = queue.model.items[0]

    def busy(*_args, **_kwargs):
        raise LibraryError("the library is busy", "busy")

    monkeypatch.setattr(type(window.controller.library()), "correct_figure", busy)
    QTest.keyClick(queue.table, Qt.Key_Return)
    assert item.status == "accepted"  # shown at once
    flow = window.corrections.flow
    qtbot.waitUntil(lambda: bool(flow.boxes), timeout=10000)
    settle(qtbot, window)
    assert item.status == "automatic" and "busy" in flow.boxes[-1].text()
    assert queue.count_label.text().startswith("Reviewed 0,")
    assert window.corrections.undo_stack.count() == 0 and not window.corrections.undo_action.isEnabled()
    assert status_of(window, item) == "automatic"


def test_closing_the_window_writes_what_was_asked_first(qtbot, window):
    queue = window.corrections.queue
    items = list(queue.model.items[:4])
    for _ in items:
        QTest.keyClick(queue.table, Qt.Key_Return)
    window.close()
    window.controller.close()
    lib = Library.open(window.controller.path)
    try:
        assert [lib.figure(i.figure.id)[1].status for i in items] == ["accepted"] * 4
    finally:
        lib.close()


def test_a_figure_accepted_in_the_article_view_shows_as_reviewed_in_the_queue(qtbot, window):
    queue, view = window.corrections.queue, window.article_view
    item = queue.model.items[2]
    queue.table.setCurrentIndex(queue.model.index(2, 0))
    qtbot.waitUntil(lambda: view.article is not None and view.textCursor().selectedText() == item.figure.text,
                    timeout=10000)
    view.setFocus()
    QTest.keyClick(view, Qt.Key_A)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: item.status == "accepted", timeout=10000)
    assert queue.count_label.text().startswith("Reviewed 1,")


def test_a_library_put_back_from_a_backup_leaves_nothing_to_undo(qtbot, window):
    queue = window.corrections.queue
    QTest.keyClick(queue.table, Qt.Key_Return)
    settle(qtbot, window)
    assert window.corrections.undo_action.isEnabled()
    with qtbot.waitSignal(queue.loaded, timeout=10000):
        window.safety_flow.restored.emit(None)  # what a restore says once the other file is open
    assert window.corrections.undo_stack.count() == 0 and not window.corrections.undo_action.isEnabled()
