"""The window: recent searches offered as one types, saved searches, tags and notes."""

import pytest

pytest.importorskip("PySide6")

from hbviewer.core.importer import import_file  # noqa: E402
from hbviewer.core.store.sqlite import SqliteLibrary  # noqa: E402

from conftest import open_window  # noqa: E402

PAGE = ("# 秦皇岛市推进港口转型\n\n本报讯 秦皇岛市港口货物吞吐量达到2.1亿吨，邮轮航线新开4条。\n\n"
        "## 承德市发展冰雪旅游\n\n本报讯 承德市冰雪旅游接待游客达到320万人次，同比增长15%。\n")


@pytest.fixture
def window(qtbot, tmp_path, settings):
    path = tmp_path / "library.sqlite3"
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    lib = SqliteLibrary.open(path)
    import_file(lib, tmp_path / "page.txt")
    lib.close()
    win = open_window(qtbot, path, settings)
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == 2, timeout=10000)
    yield win
    win.controller.close()


def _search(qtbot, win, text):
    pane = win.library_pane
    pane.search_box.setText(text)
    pane.search_box.returnPressed.emit()
    qtbot.waitUntil(lambda: getattr(pane, "shown_query", None) is not None and pane.shown_query.text == text,
                    timeout=10000)


def _show(qtbot, win, title):
    pane = win.library_pane
    article_id = next(a for a in win.controller.library().articles() if a.title == title).id
    assert pane.select_article(article_id)
    qtbot.waitUntil(lambda: win.keep_panel.article_id == article_id, timeout=10000)
    return article_id


def test_recent_searches_are_offered_as_one_types(qtbot, window, settings):
    for text in ("港口", "旅游", "港口 -承德"):
        _search(qtbot, window, text)
    completer = window.library_pane.completer
    assert completer.model().stringList()[:3] == ["港口 -承德", "旅游", "港口"]
    completer.setCompletionPrefix("港")
    assert completer.completionCount() == 2
    assert settings.recent_searches[0] == "港口 -承德"


def test_the_list_shows_tags_and_a_clicked_tag_is_searched(qtbot, window):
    from hbviewer.ui.models import ArticleTableModel

    model = window.library_pane.model
    tags = [model.index(row, ArticleTableModel.TAGS).data() for row in range(model.rowCount())]
    assert all(tags) and all("工作" not in t for t in tags)
    _show(qtbot, window, "承德市发展冰雪旅游")
    panel = window.keep_panel
    assert panel.tags and "冰雪" in "".join(t for t, _ in panel.tags)
    first = panel.tags[0][0]
    panel.tags_label.linkActivated.emit(f"tag:{first}")
    qtbot.waitUntil(lambda: window.library_pane.shown_query.text == f"tag:{first}", timeout=10000)
    assert window.library_pane.model.rowCount() == 1


def test_tags_are_added_and_removed_in_the_window(qtbot, window):
    article_id = _show(qtbot, window, "秦皇岛市推进港口转型")
    panel = window.keep_panel
    removed = panel.tags[0][0]
    # Waiting for the state, not for keptShown: a load asked for earlier may be shown first.
    panel.tag_box.setText("港航")
    panel.tag_box.returnPressed.emit()
    qtbot.waitUntil(lambda: ("港航", "user") in panel.tags, timeout=10000)
    panel.tags_label.linkActivated.emit(f"remove:{removed}")
    qtbot.waitUntil(lambda: removed not in [t for t, _ in panel.tags], timeout=10000)
    assert [t for t, _ in window.controller.library().tags(article_id)] == [t for t, _ in panel.tags]


def test_notes_on_the_article_and_on_a_figure(qtbot, window):
    article_id = _show(qtbot, window, "秦皇岛市推进港口转型")
    panel, view = window.keep_panel, window.article_view
    qtbot.waitUntil(lambda: view.article is not None and view.article.id == article_id, timeout=10000)
    panel.note_box.setText("整体情况良好")
    panel.note_box.returnPressed.emit()
    qtbot.waitUntil(lambda: panel.notes.rowCount() == 1, timeout=10000)
    view.scroll_to_figure(0)
    figure = view.figures[0]
    assert figure.text in panel.note_target.text()
    panel.note_box.setText("数字待核实")
    panel.note_box.returnPressed.emit()
    qtbot.waitUntil(lambda: panel.notes.rowCount() == 2, timeout=10000)
    assert figure.text in panel.notes.index(1).data()
    notes = window.controller.library().notes([article_id])
    assert [(n.text, n.span) for n in notes] == [("整体情况良好", None), ("数字待核实", (figure.start, figure.end))]
    _search(qtbot, window, "待核实")
    assert window.library_pane.model.article_ids() == [article_id]
    qtbot.waitUntil(lambda: panel.notes.rowCount() == 2, timeout=10000)  # shown again after the search
    panel.notes_view.setCurrentIndex(panel.notes.index(0))
    panel.remove_note_button.click()
    qtbot.waitUntil(lambda: panel.notes.rowCount() == 1, timeout=10000)


def test_saved_searches_list_their_new_articles_and_open(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    saved = window.saved_panel
    _search(qtbot, window, "港口")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("港口动态", True))
    with qtbot.waitSignal(window.keep_flow.savedShown, timeout=10000):
        saved.save_button.click()
    assert saved.model.names() == ["港口动态"]
    lib = window.controller.library()
    assert [s.query.text for s in lib.saved_searches()] == ["港口"]
    import time

    time.sleep(1.1)  # import times are kept to the second
    (tmp_path / "more.txt").write_text("# 唐山港口新闻\n\n本报讯 唐山港口新增航线3条。\n", encoding="utf-8")
    with qtbot.waitSignal(window.keep_flow.savedShown, timeout=30000):
        window.import_paths([str(tmp_path / "more.txt")], quiet=True)
    assert "1" in saved.model.index(1).data()
    _search(qtbot, window, "")
    with qtbot.waitSignal(window.keep_flow.savedShown, timeout=10000):
        saved.list.clicked.emit(saved.model.index(1))
    qtbot.waitUntil(lambda: window.library_pane.shown_query.text == "港口", timeout=10000)
    assert window.library_pane.model.rowCount() == 2 and saved.model.index(1).data() == "港口动态"
    saved.list.setCurrentIndex(saved.model.index(1))
    with qtbot.waitSignal(window.keep_flow.savedShown, timeout=10000):
        saved.delete_button.click()
    assert saved.model.names() == []


def test_the_bookmarked_view(qtbot, window):
    article_id = _show(qtbot, window, "承德市发展冰雪旅游")
    window.keep_panel.bookmark_box.click()
    qtbot.waitUntil(lambda: window.controller.library().bookmarked_ids() == {article_id}, timeout=10000)
    saved = window.saved_panel
    saved.list.clicked.emit(saved.model.index(0))
    qtbot.waitUntil(lambda: window.library_pane.shown_query.text == "is:bookmarked", timeout=10000)
    assert window.library_pane.model.article_ids() == [article_id]


def test_going_from_a_figure_to_an_article_with_fewer_figures_names_the_article(qtbot, window):
    first = _show(qtbot, window, "秦皇岛市推进港口转型")
    view = window.article_view
    last = view.figures[-1]
    view.select_span(last.start + 1, last.start + 1)
    assert last.text in window.keep_panel.note_target.text()
    other = next(a for a in window.controller.library().articles() if a.id != first)
    view.show_article(other, [])  # an article without figures: the cursor's old figure is gone
    assert view.figure_at_cursor() is None
    assert last.text not in window.keep_panel.note_target.text()
