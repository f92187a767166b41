"""The library list shows where and when each article appeared; the file only when nothing else is known."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from hbviewer.core.importer import import_paths  # noqa: E402
from hbviewer.core.store.sqlite import SqliteLibrary as Library  # noqa: E402

from conftest import open_window  # noqa: E402

MASTHEAD = ("某城日报　2023年5月9日　星期二　第4版　经济\n\n# 某县新增企业\n\n"
            "本报讯 某县今年新增企业120家，同比增长12%。\n")
PLAIN = "# 某区道路完工\n\n某区道路改造工程完工，全长3公里。\n"


@pytest.fixture
def window(qtbot, tmp_path, settings):
    (tmp_path / "a-page.txt").write_text(MASTHEAD, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(PLAIN, encoding="utf-8")
    path = tmp_path / "library.sqlite3"
    lib = Library.open(path)
    import_paths(lib, [tmp_path / "a-page.txt", tmp_path / "notes.txt"])
    lib.close()
    win = open_window(qtbot, path, settings)
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == 2, timeout=10000)
    yield win
    win.controller.close()


def _row(model, title):
    row = next(i for i in range(model.rowCount()) if model.row_at(i).title == title)
    return {col: (model.data(model.index(row, col)), model.data(model.index(row, col), Qt.ToolTipRole))
            for col in (model.DATE, model.SOURCE)}


def test_source_column_shows_publication_and_page_and_the_date_column_fills(window):
    model = window.library_pane.model
    paper = _row(model, "某县新增企业")
    assert paper[model.SOURCE][0] == "某城日报 第4版"
    assert "a-page.txt" in paper[model.SOURCE][1]  # the file, in the tooltip
    assert paper[model.DATE][0] == "2023-05-09"
    plain = _row(model, "某区道路完工")
    assert plain[model.SOURCE][0] == "notes.txt"  # nothing better known
    assert plain[model.DATE][0] == ""


def test_sorting_by_source_sorts_the_shown_labels(qtbot, window):
    table = window.library_pane.table
    model = window.library_pane.model
    table.sortByColumn(model.SOURCE, Qt.AscendingOrder)
    proxy = table.model()
    shown = [proxy.data(proxy.index(r, model.SOURCE)) for r in range(proxy.rowCount())]
    assert shown == sorted(shown) and set(shown) == {"某城日报 第4版", "notes.txt"}
