"""The desktop window, offscreen: search, reading, figures, import, cancel, language."""

import pytest

pytest.importorskip("PySide6")


from hbviewer.core.importer import import_paths  # noqa: E402
from hbviewer.core.store.sqlite import SqliteLibrary as Library  # noqa: E402
from hbviewer.core.store.search import SearchQuery  # noqa: E402

from conftest import SEEDS, open_window  # noqa: E402


@pytest.fixture
def seeded_path(tmp_path):
    path = tmp_path / "library.sqlite3"
    lib = Library.open(path)
    import_paths(lib, [SEEDS])
    lib.close()
    return path


@pytest.fixture
def window(qtbot, seeded_path, settings):
    win = open_window(qtbot, seeded_path, settings)
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() > 0, timeout=10000)
    yield win
    win.controller.close()


def table_ids(win):
    return set(win.library_pane.model.article_ids())


def search(qtbot, win, text):
    pane = win.library_pane
    pane.search_box.setText(text)
    pane.search_box.textEdited.emit(text)  # as typing does; the debounce timer then fires
    qtbot.waitUntil(lambda: getattr(pane, "shown_query", None) is not None
                    and pane.shown_query.text == text, timeout=10000)


def test_window_lists_the_library(window):
    assert window.library_pane.model.rowCount() == 26
    assert "26" in window.library_label.text()


@pytest.mark.parametrize("text", ["科技", "張家口", "张家口 科技", "廊坊 OR 涿州", "科技 -张家口", '"高新技术企业"'])
def test_typing_a_query_shows_the_core_result_set(qtbot, window, seeded_path, text):
    search(qtbot, window, text)
    lib = Library.open(seeded_path)
    expected = lib.search_ids(SearchQuery(text))
    lib.close()
    assert table_ids(window) == expected and expected
    assert str(len(expected)) in window.library_pane.count_label.text()


def test_bad_query_is_explained_in_place(qtbot, window):
    window.library_pane.search_box.setText("-北京")
    window.library_pane.run_search()
    qtbot.waitUntil(lambda: "at least one word" in window.library_pane.count_label.text()
                    or "至少" in window.library_pane.count_label.text(), timeout=5000)


def test_selected_article_highlights_exactly_the_core_figures(qtbot, window):
    from hbviewer.ui.article_view import FIGURE_PROPERTY

    search(qtbot, window, "")
    assert window.library_pane.select_article(1)
    view = window.article_view
    qtbot.waitUntil(lambda: view.article is not None and view.article.id == 1)
    lib = window.controller.library()
    core = [(f.start, f.end) for f in lib.figures(1)]
    assert len(core) > 10
    assert view.spans_with(FIGURE_PROPERTY) == core
    body = view.document().toPlainText()[view.body_start:]
    assert body.startswith(view.article.text)


def test_an_article_is_selected_by_its_id_in_any_sort_order(qtbot, window):
    from PySide6.QtCore import Qt

    pane = window.library_pane
    search(qtbot, window, "")
    ids = pane.model.article_ids()
    assert len(ids) > 20
    for column, order in ((-1, Qt.AscendingOrder), (0, Qt.DescendingOrder), (4, Qt.AscendingOrder)):
        pane.table.sortByColumn(column, order)
        for article_id in (ids[0], ids[len(ids) // 2], ids[-1]):
            assert pane.select_article(article_id)
            assert pane.current_article_id() == article_id
    assert not pane.select_article(max(ids) + 1000)  # not listed: nothing changes
    assert pane.current_article_id() == ids[-1]


def test_search_hits_are_marked_and_navigable(qtbot, window):
    from hbviewer.ui.article_view import HIT_PROPERTY

    search(qtbot, window, "张家口")
    view = window.article_view
    qtbot.waitUntil(lambda: view.article is not None and bool(view.hits))
    assert view.spans_with(HIT_PROPERTY) == view.hits
    view.next_hit()
    s, e = view.hits[0]
    assert view.textCursor().selectedText() == view.article.text[s:e]


def test_markup_in_an_article_is_shown_literally(qtbot, tmp_path, settings):
    from hbviewer.ui.controller import LibraryController
    from hbviewer.ui.main_window import MainWindow

    page = tmp_path / "markup.txt"
    page.write_text("# <b>粗体</b>标题\n\n本报讯 <img src=x onerror=alert(1)><script>alert(1)</script>"
                    "该市新增企业<b>12家</b>。\n", encoding="utf-8")
    lib = Library.open(tmp_path / "m.sqlite3")
    import_paths(lib, [page])
    lib.close()
    controller = LibraryController(tmp_path / "m.sqlite3")
    win = MainWindow(controller, settings)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.article_view.article is not None, timeout=10000)
    shown = win.article_view.document().toPlainText()
    assert "<b>粗体</b>标题" in shown and "<script>alert(1)</script>" in shown and "<img src=x" in shown
    assert win.library_pane.model.row_at(0).title == "<b>粗体</b>标题"
    tip = win.library_pane.model.data(win.library_pane.model.index(0, 0), 3)  # ToolTipRole
    assert "&lt;b&gt;" in tip and "<b>粗体" not in tip
    controller.close()


def test_import_through_the_worker_updates_the_panes(qtbot, tmp_path, settings):
    from hbviewer.ui.controller import LibraryController
    from hbviewer.ui.main_window import MainWindow

    controller = LibraryController(tmp_path / "new.sqlite3")
    win = MainWindow(controller, settings)
    qtbot.addWidget(win)
    assert win.library_pane.model.rowCount() == 0
    with qtbot.waitSignal(win.importFinished, timeout=20000) as blocker:
        win.import_paths([SEEDS])
    assert blocker.args[0].articles_added == 26
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == 26, timeout=10000)
    controller.close()


def test_cancelled_import_leaves_the_library_unchanged(qtbot, tmp_path, settings, monkeypatch):
    import threading

    from hbviewer.core import importer
    from hbviewer.ui.controller import LibraryController
    from hbviewer.ui.main_window import MainWindow

    path = tmp_path / "c.sqlite3"
    controller = LibraryController(path)
    win = MainWindow(controller, settings)
    qtbot.addWidget(win)
    before = controller.library().stats()["articles"]
    task_holder = {}
    pressed = threading.Event()
    real_collect = importer.collect_files

    def after_the_press(paths):  # the worker starts on its files only once Cancel is pressed
        pressed.wait(20)
        return real_collect(paths)

    monkeypatch.setattr(importer, "collect_files", after_the_press)

    def start():
        task_holder["task"] = win.import_paths([SEEDS])
        task_holder["task"].cancel()  # Cancel pressed before the worker got far
        pressed.set()

    with qtbot.waitSignal(win.importFinished, timeout=20000) as blocker:
        start()
    report = blocker.args[0]
    assert report.cancelled
    assert controller.library().stats()["articles"] == before == 0
    controller.close()


def test_first_opening_offers_the_samples_once(qtbot, tmp_path, settings):
    from hbviewer.paths import seeds_dir
    from hbviewer.ui.app import offer_samples
    from hbviewer.ui.controller import LibraryController
    from hbviewer.ui.main_window import MainWindow

    controller = LibraryController(tmp_path / "first.sqlite3")
    win = MainWindow(controller, settings)
    qtbot.addWidget(win)
    # Each worker process loads jieba's dictionary and keyword data first (the tags): slow on a busy machine.
    with qtbot.waitSignal(win.importFinished, timeout=60000):
        assert offer_samples(controller, win, seeds_dir())
    assert controller.library().stats()["articles"] == 26
    assert not offer_samples(controller, win, seeds_dir())
    controller.close()


def test_no_display_gives_a_clear_message(monkeypatch, capsys):
    import sys

    from hbviewer.ui import app

    monkeypatch.setattr(sys, "platform", "linux")
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    assert app.run(["hbviewer"]) == 2
    assert "hbviewer-cli" in capsys.readouterr().err


@pytest.mark.parametrize("setting, system, expected", [
    ("system", "zh_CN", "zh_CN"), ("system", "C", "zh_CN"), ("system", "en_US", "en"),
    ("en", "zh_CN", "en"), ("zh_CN", "en_US", "zh_CN"),
])
def test_language_follows_setting_then_system(setting, system, expected):
    from hbviewer.ui.app import choose_language

    assert choose_language(setting, system) == expected


def wait_summary(qtbot, win):
    qtbot.waitUntil(lambda: win.region_panel.overview is not None, timeout=20000)


def test_region_panel_shows_the_tree_and_filters_the_library(qtbot, window):
    from hbviewer.core.briefing.summary import articles_of_region
    from hbviewer.ui.region_panel import CODE_ROLE

    wait_summary(qtbot, window)
    model = window.region_panel.tree_model
    hebei = model.index(0, 0)
    assert hebei.data() == "河北省" and model.rowCount(hebei) >= 8
    window.region_panel.select_region("130700")  # 张家口市
    qtbot.waitUntil(lambda: window.library_pane.shown_query.article_ids is not None, timeout=10000)
    expected = articles_of_region(window.controller.library(), "130700")
    qtbot.waitUntil(lambda: table_ids(window) == expected, timeout=10000)
    assert len(expected) >= 10
    qtbot.waitUntil(lambda: window.region_panel.view is not None and window.region_panel.view.code == "130700",
                    timeout=10000)
    figures = window.region_panel.figure_model
    assert figures.rowCount() > 50
    assert {figures.row(i)["prefecture"] for i in range(figures.rowCount())} == {"张家口市"}
    assert window.region_panel.tree.currentIndex().data(CODE_ROLE) == "130700"
    # a bar chart of the region's first indicator, read in the background after the region's view
    qtbot.waitUntil(lambda: bool(window.region_panel.chart.bars), timeout=10000)


def test_figure_double_click_opens_the_article_at_the_figure(qtbot, window):
    wait_summary(qtbot, window)
    figures = window.region_panel.figure_model
    qtbot.waitUntil(lambda: figures.rowCount() > 5, timeout=20000)  # filled in the background
    row = figures.row(5)
    window.open_figure(int(row["article_id"]), int(row["start"]), int(row["end"]))
    view = window.article_view
    qtbot.waitUntil(lambda: view.article is not None and view.article.id == int(row["article_id"])
                    and view.textCursor().selectedText() == row["text"], timeout=10000)
    assert view.textCursor().selectedText() == row["text"]


def test_export_writes_a_workbook(qtbot, window, tmp_path):
    import pandas as pd

    from hbviewer.core.briefing.summary import SummaryScope

    out = tmp_path / "briefing.xlsx"
    with qtbot.waitSignal(window.exportFinished, timeout=30000) as blocker:
        window.export_to(str(out), SummaryScope(region_codes=("131100",)))
    assert blocker.args[0] == out and out.is_file()
    data = pd.read_excel(out, sheet_name="数据")
    assert len(data) > 0 and set(data["所属地市"]) == {"衡水市"}
    window._export_box.close()


def test_export_scopes_follow_the_search_and_region(qtbot, window):
    search(qtbot, window, "衡水")
    labels = [label for label, _ in window.export_scopes()]
    assert len(labels) == 2
    scope = window.export_scopes()[1][1]
    assert scope.query.text == "衡水" and scope.query.limit is None


def test_preferences_are_saved(qtbot, window, settings, tmp_path):
    from hbviewer.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.library_edit.setText(str(tmp_path / "other.sqlite3"))
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    dialog.accept()
    assert settings.library_path == tmp_path / "other.sqlite3" and settings.language == "en"


def test_self_test_runs_without_a_display(monkeypatch, capsys):
    from hbviewer.ui import app

    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    assert app.run(["hbviewer", "--self-test"]) == 0
    assert "self-test passed" in capsys.readouterr().out


def test_self_test_fails_with_a_reason(monkeypatch, capsys, tmp_path):
    from hbviewer import paths, selftest

    monkeypatch.setattr(paths, "seeds_dir", lambda: tmp_path)  # no sample pages
    assert selftest.main() == 1
    assert "sample pages are missing" in capsys.readouterr().err


def test_a_damaged_library_offers_a_new_one_and_keeps_the_old_file(qtbot, tmp_path, settings):
    from hbviewer.ui.app import open_library

    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"garbage" * 100)
    asked = []
    controller = open_library(path, settings, ask=lambda exc: asked.append(exc.code) or ("new", None))
    assert asked == ["damaged"] and controller is not None
    assert controller.library().stats()["articles"] == 0
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("lib.sqlite3.set-aside-")]
    assert len(kept) == 1 and kept[0].read_bytes() == b"garbage" * 100
    controller.close()


def test_a_newer_library_offers_another_or_quits(qtbot, tmp_path, settings):
    import sqlite3

    from hbviewer.core.store.sqlite import SCHEMA_VERSION
    from hbviewer.ui.app import open_library

    newer = tmp_path / "newer.sqlite3"
    Library.open(newer).close()
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    assert open_library(newer, settings, ask=lambda exc: ("quit", None)) is None
    other = tmp_path / "other.sqlite3"
    controller = open_library(newer, settings, ask=lambda exc: ("open", str(other)))
    assert controller is not None and controller.path == other and settings.library_path == other
    controller.close()


def test_markup_stays_literal_in_figure_tooltips_and_the_region_panel(qtbot, tmp_path, settings):
    from PySide6.QtCore import Qt

    from hbviewer.ui.controller import LibraryController
    from hbviewer.ui.main_window import MainWindow

    page = tmp_path / "markup.txt"
    page.write_text("# 张家口新闻\n\n本报讯 张家口市<b>高新技术企业</b><img src=x>达到295家。\n", encoding="utf-8")
    lib = Library.open(tmp_path / "m.sqlite3")
    import_paths(lib, [page])
    lib.close()
    controller = LibraryController(tmp_path / "m.sqlite3")
    win = MainWindow(controller, settings)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.article_view.article is not None and win.region_panel.overview is not None,
                    timeout=20000)
    view = win.article_view
    figure = view.figures[0]
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view.body_start + figure.start + 1)
    tip = cursor.charFormat().toolTip()
    assert tip.startswith("<qt>") and "<b>" not in tip[4:] and "<img" not in tip
    panel = win.region_panel.figure_model
    row_tip = panel.data(panel.index(0, 0), Qt.ToolTipRole)
    assert "&lt;img src=x&gt;" in row_tip and "<img" not in row_tip
    controller.close()


def test_articles_are_read_in_the_background_and_the_latest_asked_is_shown(qtbot, window):
    ids = sorted(table_ids(window))
    assert len(ids) > 3
    for article_id in ids[:3]:  # going quickly down the list
        window.show_article(article_id)
    qtbot.waitUntil(lambda: not window.controller.runner.busy(), timeout=10000)
    qtbot.wait(50)  # the queued results are delivered
    assert window.article_view.article.id == ids[2]
    # A figure of another article: that article is shown, with the figure selected.
    lib = window.controller.library()
    figure = lib.figures(ids[0])[0]
    window.open_figure(ids[0], figure.start, figure.end)
    qtbot.waitUntil(lambda: window.article_view.article.id == ids[0], timeout=10000)
    qtbot.waitUntil(lambda: window.article_view.textCursor().selectedText() == figure.text, timeout=10000)


def test_a_library_analysed_by_older_rules_is_analysed_again_in_worker_processes(qtbot, seeded_path, settings,
                                                                                  monkeypatch):
    import sqlite3

    from hbviewer.core.extract import analysis

    db = sqlite3.connect(seeded_path)
    with db:
        db.execute("UPDATE articles SET analysis_version = 0")
    db.close()
    from hbviewer.ui.controller import LibraryController

    monkeypatch.setattr(analysis, "POOL_FROM", 10)  # 26 articles due: as many as a large library's
    pools, original = [], LibraryController.import_pool
    monkeypatch.setattr(LibraryController, "import_pool", lambda self: pools.append(1) or original(self))
    win = open_window(qtbot, seeded_path, settings)
    with qtbot.waitSignal(win.summaryShown, timeout=60000):  # the first summary, once the list is shown
        pass
    lib = Library.open(seeded_path)
    assert pools and lib.stale_analysis_articles(analysis.ANALYSIS_VERSION) == []
    assert lib.stats()["figures"] > 0
    lib.close()
    win.controller.close()
