"""The region panel's latest values in the window: where each comes from, disagreements marked, a click to
the figure; and the export of reviewed figures only."""

import pytest

pytest.importorskip("PySide6")

import pandas as pd  # noqa: E402
from PySide6.QtCore import QEvent, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QHelpEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QToolTip  # noqa: E402

from hbviewer.core.importer import import_file  # noqa: E402
from hbviewer.core.store.sqlite import SqliteLibrary  # noqa: E402

from conftest import open_window  # noqa: E402
from test_latest_values import PAGES  # noqa: E402

ZJK = "130700"
LATEST_TITLE, OTHER_TITLE = "张家口市科技企业再添新军", "张家口市创新发展提速"


@pytest.fixture
def dated_path(tmp_path):
    path = tmp_path / "library.sqlite3"
    lib = SqliteLibrary.open(path)
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert import_file(lib, tmp_path / name).status == "imported"
    lib.close()
    return path


@pytest.fixture
def window(qtbot, dated_path, settings):
    win = open_window(qtbot, dated_path, settings)
    qtbot.waitUntil(lambda: win.region_panel.overview is not None, timeout=20000)
    yield win
    win.controller.close()


def _select_zjk(qtbot, win):
    """张家口市 selected, its view shown and the library list filtered to it (which must not come after a click)."""
    panel, pane = win.region_panel, win.library_pane
    panel.select_region(ZJK)
    qtbot.waitUntil(lambda: panel.view is not None and panel.view.code == ZJK and panel.latest_model.rowCount() > 0
                    and getattr(pane, "shown_query", None) is not None and pane.shown_query.article_ids is not None,
                    timeout=10000)
    return panel


def _zjk_chart(qtbot, win):
    panel = _select_zjk(qtbot, win)
    panel.indicator_box.setCurrentText("高新技术企业")
    qtbot.waitUntil(lambda: [v.region for v in panel.chart.bars] == ["张家口市"], timeout=10000)
    return panel


def _opened_at(qtbot, win, text):
    view = win.article_view
    qtbot.waitUntil(lambda: view.article is not None and view.article.title == LATEST_TITLE
                    and view.textCursor().selectedText() == text, timeout=10000)
    return view


def test_a_bar_is_the_latest_value_and_its_tooltip_names_its_article_and_the_other_value(qtbot, window):
    panel = _zjk_chart(qtbot, window)
    chart = panel.chart
    bar = chart.bars[0]
    assert (bar.value, bar.latest.title, bar.in_conflict) == (300.0, LATEST_TITLE, True)
    chart.resize(400, 200)
    centre = chart.bar_row(0).center().toPoint()
    QApplication.sendEvent(chart, QHelpEvent(QEvent.ToolTip, centre, chart.mapToGlobal(centre)))
    tip = QToolTip.text()
    assert LATEST_TITLE in tip and "2024-05-01" in tip
    assert "295家" in tip and OTHER_TITLE in tip and "280家" not in tip  # 2023's value does not disagree
    qtbot.mouseClick(chart, Qt.LeftButton, pos=centre)
    _opened_at(qtbot, window, "300家")


def test_the_latest_values_table_marks_the_disagreement_and_opens_the_article(qtbot, window):
    panel = _select_zjk(qtbot, window)
    model = panel.latest_model
    row = next(i for i in range(model.rowCount()) if model.value_at(i).indicator == "高新技术企业")
    value = model.index(row, model.COLUMNS.index("value"))
    assert value.data() == "300家" and model.index(row, 3).data() == LATEST_TITLE
    assert value.data(Qt.DecorationRole) is not None  # the warning icon
    tip = value.data(Qt.ToolTipRole)
    assert LATEST_TITLE in tip and OTHER_TITLE in tip and "2024-02-01" in tip
    panel.tabs.setCurrentWidget(panel.latest_table)
    table = panel.latest_table
    shown = panel.latest_proxy.mapFromSource(value)
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(shown).center())
    view = _opened_at(qtbot, window, "300家")
    assert view.textCursor().selectionStart() == view.body_start + model.value_at(row).latest.start


def test_reviewed_only_export_from_the_window(qtbot, window, dated_path, tmp_path, monkeypatch):
    from hbviewer.ui import export_flow

    lib = SqliteLibrary.open(dated_path)
    figure = next(f for a in lib.articles() for f in lib.figures(a.id) if f.text == "295家")
    lib.correct_figure(figure.id, "accept")
    lib.close()
    out = tmp_path / "reviewed.xlsx"
    monkeypatch.setattr(export_flow.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    window.export_action.trigger()
    dialog = window.export_flow.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert dialog.scope_box.currentText() and not dialog.reviewed_only.isChecked()
    dialog.reviewed_only.setChecked(True)
    with qtbot.waitSignal(window.exportFinished, timeout=30000) as blocker:
        dialog.accept()
    assert blocker.args[0] == out
    data = pd.read_excel(out, sheet_name="数据")
    assert list(zip(data["原文"], data["核对状态"])) == [("295家", "已确认")]  # not the unreviewed 280家 or 300家
    window._export_box.close()
