"""What another client changes reaches the window: on F5, and by the window's own look every few seconds.

The other client is a second connection to the same library (a server, or the same file);
the page is made up.
"""

import pytest

pytest.importorskip("PySide6")

from conftest import open_imported, open_window  # noqa: E402

from hbviewer.core.store.server import ServerLibrary  # noqa: E402
from hbviewer.core.store.sqlite import SqliteLibrary  # noqa: E402
from hbviewer.ui.correction_flow import FigureRef  # noqa: E402

PAGE = ("# 张家口市新增企业\n\n本报讯 今年以来，张家口市新增高新技术企业295家，同比增长12.5%。\n\n"
        "## 宣化区建设农业园区\n\n本报讯 宣化区新建设施农业园区8个。\n")


@pytest.fixture(params=["sqlite", "server"])
def two(request, qtbot, tmp_path, settings):
    """(window, another client) on one library, the window showing its first article."""
    lib = open_imported(request, tmp_path, PAGE)
    lib.close()
    if request.param == "sqlite":
        location = tmp_path / "library.sqlite3"
        other = SqliteLibrary.open(location)
    else:
        location = request.getfixturevalue("pg_url")
        other = ServerLibrary.open(location)
    win = open_window(qtbot, location, settings)
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == 2, timeout=10000)
    first = other.articles()[0]
    win.library_pane.select_article(first.id)
    qtbot.waitUntil(lambda: win.article_view.article is not None and win.article_view.article.id == first.id,
                    timeout=10000)
    yield win, other
    win.controller.close()
    other.close()


def _titles(win):
    model = win.library_pane.model
    return [model.row_at(i).title for i in range(model.rowCount())]


def _value_shown(win, text):
    return next(f.value for f in win.article_view.figures if f.text == text)


def test_a_correction_by_another_client_is_shown_at_the_next_look(qtbot, two):
    win, other = two
    flow = win.refresh_flow
    qtbot.waitUntil(lambda: flow._seen is not None, timeout=10000)
    article = win.article_view.article
    scrolled = win.article_view.verticalScrollBar().value()
    figure = next(f for f in other.figures(article.id) if f.text.startswith("295"))
    other.correct_figure(figure.id, "edit", {"value": 300})
    qtbot.waitUntil(lambda: not win.controller.runner.busy(), timeout=10000)
    with qtbot.waitSignal(flow.refreshed, timeout=10000) as blocker:
        flow.look()
    assert blocker.args == [True]
    qtbot.waitUntil(lambda: _value_shown(win, figure.text) == 300, timeout=10000)
    assert win.article_view.article.id == article.id  # the reader stays on the article
    assert win.article_view.verticalScrollBar().value() == scrolled
    assert "changed elsewhere" in win.statusBar().currentMessage()


def test_the_windows_own_correction_is_not_taken_for_another_clients(qtbot, two):
    win, other = two
    flow = win.refresh_flow
    qtbot.waitUntil(lambda: flow._seen is not None, timeout=10000)
    article = win.article_view.article
    figure = next(f for f in win.article_view.figures if f.text.startswith("295"))
    with qtbot.waitSignal(win.corrections.flow.figuresChanged, timeout=10000):
        win.corrections.flow.correct(FigureRef.of(article.id, figure), "accept")
    qtbot.waitUntil(lambda: win.controller.own_mark == other.change_mark(), timeout=10000)
    refreshed = []
    flow.refreshed.connect(refreshed.append)
    qtbot.waitUntil(lambda: not win.controller.runner.busy(), timeout=10000)
    flow.look()
    qtbot.waitUntil(lambda: not flow._looking, timeout=10000)
    assert refreshed == [] and flow._seen == other.change_mark()
    # a later change by the other client is seen again
    other.fix_article(article.id, {"title": "某市企业新闻"})
    qtbot.waitUntil(lambda: not win.controller.runner.busy(), timeout=10000)
    with qtbot.waitSignal(flow.refreshed, timeout=10000):
        flow.look()
    qtbot.waitUntil(lambda: "某市企业新闻" in _titles(win), timeout=10000)


def test_f5_shows_what_another_client_changed(qtbot, two):
    win, other = two
    flow = win.refresh_flow
    flow.stop()  # only the key, not a look
    article = win.article_view.article
    other.fix_article(article.id, {"title": "某市企业新闻"})
    other.add_note(article.id, "数字待核实")
    assert win.menus.refresh_action.shortcut().toString() == "F5"
    with qtbot.waitSignal(flow.refreshed, timeout=10000) as blocker:
        win.menus.refresh_action.trigger()
    assert blocker.args == [False]
    qtbot.waitUntil(lambda: "某市企业新闻" in _titles(win), timeout=10000)
    qtbot.waitUntil(lambda: win.article_view.article.title == "某市企业新闻", timeout=10000)


def test_a_refresh_that_changes_nothing_leaves_the_article_as_laid_out(qtbot, two):
    win, _other = two
    win.refresh_flow.stop()
    shown = []
    win.article_view.articleShown.connect(shown.append)
    with qtbot.waitSignal(win.library_pane.resultsChanged, timeout=10000):
        win.menus.refresh_action.trigger()
    # the list, then the article, read again in the background: the article found the same
    qtbot.waitUntil(lambda: not win.controller.runner.busy(), timeout=10000)
    qtbot.wait(100)
    assert shown == [] and win.article_view.article is not None


def test_an_import_under_way_is_not_taken_for_another_clients_change(qtbot, two, tmp_path):
    win, _other = two
    flow = win.refresh_flow
    qtbot.waitUntil(lambda: flow._seen is not None and not win.controller.runner.busy(), timeout=10000)
    refreshed = []
    flow.refreshed.connect(refreshed.append)
    page = tmp_path / "more.txt"
    page.write_text("# 宣化区建设农业园区\n\n宣化区新建设施农业园区8个。\n", encoding="utf-8")
    with qtbot.waitSignal(win.importFinished, timeout=60000):
        win.import_paths([page])
        assert win.controller.runner.busy()
        flow.look()  # while the import runs: no look
        assert not flow._looking
    qtbot.waitUntil(lambda: not win.controller.runner.busy(), timeout=10000)
    flow.look()
    qtbot.waitUntil(lambda: not flow._looking, timeout=10000)
    assert refreshed == []
