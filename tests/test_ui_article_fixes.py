"""Fixing articles from the window: a title, a merge, a split, and undo; the list, the region
panel and an exported workbook's article sheet follow (made-up pages)."""

import pytest

pytest.importorskip("PySide6")

from hbviewer.core.importer import import_paths  # noqa: E402
from hbviewer.core.store.sqlite import SqliteLibrary as Library  # noqa: E402

from conftest import open_window  # noqa: E402

PAGE = ("某城日报　2023年6月1日　第2版　要闻\n\n# 张家口市科技创新工作取得新进展\n\n本报讯 张家口市今年新增高新技术企业295家，"
        "技术合同交易额40.51亿元。\n\n## 衡水市推进科技创新\n\n本报讯 衡水市科技型中小企业达到120家，同比增长26%。\n")


@pytest.fixture
def window(qtbot, tmp_path, settings):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    path = tmp_path / "library.sqlite3"
    lib = Library.open(path)
    import_paths(lib, [tmp_path / "page.txt"])
    lib.close()
    win = open_window(qtbot, path, settings)
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == 2, timeout=10000)
    win.library_path = path
    yield win
    win.controller.close()


def _titles(window):
    model = window.library_pane.model
    return [model.row_at(i).title for i in range(model.rowCount())]


def _library(window):
    return Library.open(window.library_path)


def _shown(qtbot, window, article_id):
    window.show_article(article_id)
    qtbot.waitUntil(lambda: window.article_view.article is not None and window.article_view.article.id == article_id,
                    timeout=10000)


def _articles_sheet(qtbot, window, tmp_path):
    import pandas as pd

    from hbviewer.core.briefing.summary import SummaryScope

    out = tmp_path / "briefing.xlsx"
    with qtbot.waitSignal(window.exportFinished, timeout=30000):
        window.export_to(str(out), SummaryScope())
    window._export_box.close()
    return pd.read_excel(out, sheet_name="文章")


def _subject_counts(window):
    lib = _library(window)
    try:
        return {r["name"] for a in lib.articles() for r in lib.article_regions(a.id)}
    finally:
        lib.close()


def test_fix_a_title_and_regions_in_the_dialog_then_undo(qtbot, window, tmp_path):
    first = window.library_pane.model.row_at(0)
    flow = window.article_fix_flow
    with qtbot.waitSignal(flow.dialogOpened, timeout=10000) as opened:
        flow.open_dialog(first.article_id)
    dialog = opened.args[0]
    assert dialog.title_edit.text() == first.title and dialog.page_edit.text() == "2"
    dialog.date_edit.setText("2023-02-30")
    with qtbot.waitSignal(flow.refused, timeout=10000):
        dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "not a date" in dialog.error_label.text()
    dialog.date_edit.setText("2023年7月2日")
    dialog.title_edit.setText("张家口科技创新成效明显")
    dialog.regions_edit.setText(dialog.regions_edit.text() + "、保定市")
    with qtbot.waitSignal(flow.fixMade, timeout=10000):
        dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "张家口科技创新成效明显" in _titles(window), timeout=10000)
    assert not dialog.isVisible()
    lib = _library(window)
    fixed = lib.article(first.article_id)
    assert (fixed.title, fixed.date) == ("张家口科技创新成效明显", "2023-07-02")
    assert "保定市" in [r["name"] for r in lib.article_regions(first.article_id)]
    lib.close()
    window.refresh_summary()
    qtbot.waitUntil(lambda: window.region_panel.tree_model.index_of("130600").isValid(), timeout=10000)
    sheet = _articles_sheet(qtbot, window, tmp_path)
    fixed_row = sheet[sheet["标题"] == "张家口科技创新成效明显"]
    assert len(fixed_row) == 1 and "保定市" in fixed_row["地区"].iloc[0] and fixed_row["日期"].iloc[0] == "2023-07-02"
    while flow.made:
        with qtbot.waitSignal(flow.stateChanged, timeout=10000):
            flow.undo_last()
    qtbot.waitUntil(lambda: first.title in _titles(window), timeout=10000)
    assert "保定市" not in _subject_counts(window)


def test_merge_with_next_and_split_here_then_undo(qtbot, window, tmp_path):
    first, second = (window.library_pane.model.row_at(i) for i in range(2))
    flow, actions = window.article_fix_flow, window.article_fix_actions
    _shown(qtbot, window, first.article_id)
    with qtbot.waitSignal(flow.fixMade, timeout=10000):
        actions.merge_action.trigger()
    qtbot.waitUntil(lambda: _titles(window) == [first.title], timeout=10000)
    qtbot.waitUntil(lambda: second.title in window.article_view.toPlainText(), timeout=10000)
    sheet = _articles_sheet(qtbot, window, tmp_path)
    assert len(sheet) == 1
    with qtbot.waitSignal(flow.stateChanged, timeout=10000):
        actions.undo_action.trigger()
    qtbot.waitUntil(lambda: _titles(window) == [first.title, second.title], timeout=10000)

    _shown(qtbot, window, first.article_id)
    view = window.article_view
    cursor = view.textCursor()
    cursor.setPosition(view.body_start + view.article.text.index("技术合同"))
    view.setTextCursor(cursor)
    with qtbot.waitSignal(flow.fixMade, timeout=10000):
        actions.split_action.trigger()
    qtbot.waitUntil(lambda: len(_titles(window)) == 3, timeout=10000)
    lib = _library(window)
    texts = [a.text for a in lib.articles()]
    lib.close()
    assert texts[1].startswith("技术合同") and "技术合同" not in texts[0]
    assert len(_articles_sheet(qtbot, window, tmp_path)) == 3
    with qtbot.waitSignal(flow.stateChanged, timeout=10000):
        actions.undo_action.trigger()
    qtbot.waitUntil(lambda: _titles(window) == [first.title, second.title], timeout=10000)


def test_merging_the_last_article_says_why_and_changes_nothing(qtbot, window):
    second = window.library_pane.model.row_at(1)
    with qtbot.waitSignal(window.article_fix_flow.refused, timeout=10000) as refused:
        window.article_fix_flow.merge_with_next(second.article_id)
    assert "last article of its page" in refused.args[0]
    window.article_fix_flow._box.close()
    assert len(_titles(window)) == 2


def test_the_context_menus_offer_the_fixes(qtbot, window):
    first = window.library_pane.model.row_at(0)
    _shown(qtbot, window, first.article_id)
    actions = window.article_fix_actions
    # the view's one menu: the figures' actions, Copy and Select All, then the article's
    menu = window.corrections.actions.menu_at(window.article_view.rect().center())
    texts = [a.text() for a in menu.actions()]
    assert actions.split_action.text() in texts and actions.fix_action.text() in texts
    assert texts[-3:] == [actions.fix_action.text(), actions.merge_action.text(), actions.split_action.text()]
    menu.close()
    table = window.library_pane.table
    actions._list_menu(table.visualRect(table.model().index(0, 0)).center())
    assert [a.text() for a in actions.menu.actions()] == [actions.fix_action.text(), actions.merge_action.text()]
    with qtbot.waitSignal(window.article_fix_flow.dialogOpened, timeout=10000) as opened:
        actions.menu.actions()[0].trigger()  # the row clicked, whatever has the focus
    assert opened.args[0].article.id == window.library_pane.model.row_at(0).article_id
    opened.args[0].reject()
    actions.menu.close()
