"""The Word briefing from the window: ticked regions, the preview, Save…, the template, a failed write."""

import pytest

pytest.importorskip("PySide6")

import docx  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from hbviewer.core.importer import import_paths  # noqa: E402
from hbviewer.core.store.sqlite import SqliteLibrary as Library  # noqa: E402

from conftest import open_window  # noqa: E402
from test_briefing_word import PAGES, outline_of  # noqa: E402

ZJK, SJZ, BAODING, HENGSHUI = "130700", "130100", "130600", "131100"


@pytest.fixture
def pages_path(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path / "library.sqlite3"
    lib = Library.open(path)
    import_paths(lib, [folder])
    lib.close()
    return path


@pytest.fixture
def window(qtbot, pages_path, settings):
    win = open_window(qtbot, pages_path, settings)
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() > 0, timeout=10000)
    qtbot.waitUntil(lambda: win.region_panel.overview is not None, timeout=20000)
    yield win
    win.controller.close()


@pytest.fixture
def boxes(monkeypatch):
    """Every message box the window opens, as (title, text), instead of on the screen."""
    from hbviewer.ui import dialogs

    shown = []

    class Box:
        Warning, Ok = QMessageBox.Warning, QMessageBox.Ok

        def __init__(self, _icon, title, text, _buttons, _parent):
            shown.append((title, text))

        def open(self):
            pass

    monkeypatch.setattr(dialogs, "QMessageBox", Box)
    return shown


def tick(win, *codes):
    model = win.region_panel.tree_model
    for code in codes:
        model.setData(model.index_of(code), Qt.Checked, Qt.CheckStateRole)  # as a click on the box does


def press_generate(qtbot, win):
    with qtbot.waitSignal(win.briefing_flow.dialogOpened, timeout=5000) as opened:
        qtbot.mouseClick(win.region_panel.briefing_button, Qt.LeftButton)
    return wait_preview(qtbot, opened.args[0])


def wait_preview(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.draft is not None and bool(dialog.preview.toPlainText()), timeout=10000)
    return dialog


def save_as(qtbot, monkeypatch, dialog, path):
    asked = []

    def get_save_file_name(_parent, _title, start, _filter):
        asked.append(start)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    with qtbot.waitSignal(dialog.written, timeout=20000) as written:
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    return asked, written.args[0]


def test_generate_briefing_of_two_ticked_regions_writes_their_sections(qtbot, window, monkeypatch, tmp_path):
    tick(window, ZJK, HENGSHUI)
    with qtbot.waitSignal(window.summaryShown, timeout=20000):
        window.refresh_summary()  # the library is recounted: the ticks stay
    assert [code for code, _name in window.region_panel.tree_model.ticked()] == [ZJK, HENGSHUI]
    dialog = press_generate(qtbot, window)
    assert dialog.scope_label.text() == "张家口市、衡水市"
    preview = dialog.preview.toPlainText()
    assert "张家口市" in preview and "宣化区" in preview and "衡水市" in preview
    assert "保定" not in preview and "石家庄" not in preview
    assert dialog.title_edit.text() == dialog.draft.title and dialog.draft.title in preview

    asked, path = save_as(qtbot, monkeypatch, dialog, tmp_path / "out.docx")
    assert asked[0].endswith(dialog.draft.title + ".docx")  # the default name is the title
    assert path == tmp_path / "out.docx" and str(path) in dialog.written_label.text()
    document = docx.Document(str(path))
    parts = outline_of(document)
    sections = {name: " ".join(texts) for level, name, texts in parts if level == 2}
    assert list(sections) == ["张家口市", "衡水市"]
    assert "295家" in sections["张家口市"] and "2698家" in sections["张家口市"]
    assert "210家" in sections["衡水市"]
    assert [name for level, name, _texts in parts if level == 3] == ["宣化区", "万全区"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "保定" not in text and "孵化器" not in text and "石家庄" not in text and "3000" not in text
    dialog.close()


def test_nothing_ticked_briefs_the_selected_region_else_the_whole_library(qtbot, window):
    assert window.region_panel.briefing_regions() == []
    dialog = press_generate(qtbot, window)
    assert "保定市" in dialog.preview.toPlainText() and "张家口市" in dialog.preview.toPlainText()
    window.region_panel.select_region(BAODING)
    assert window.region_panel.briefing_regions() == [(BAODING, "保定市")]
    dialog = press_generate(qtbot, window)
    assert "保定市" in dialog.preview.toPlainText() and "张家口市" not in dialog.preview.toPlainText()
    dialog.close()


def test_the_preview_follows_the_period_and_says_when_a_date_is_wrong(qtbot, window):
    tick(window, ZJK, SJZ)
    dialog = press_generate(qtbot, window)
    shown = dialog.draft
    with qtbot.waitSignal(dialog.previewShown, timeout=10000):
        dialog.to_edit.setText("2024-10-14")  # only the 张家口 article of the 13th
    assert dialog.draft is not shown
    preview = dialog.preview.toPlainText()
    assert "295家" in preview and "3000家" not in preview
    dialog.from_edit.setText("2024-13")
    qtbot.waitUntil(lambda: "2024-13" in dialog.status_label.text(), timeout=5000)
    dialog.close()


def test_the_title_typed_is_the_documents(qtbot, window, monkeypatch, tmp_path):
    tick(window, ZJK)
    dialog = press_generate(qtbot, window)
    dialog.title_edit.setText("张家口市科技动态")
    dialog.title_edit.textEdited.emit("张家口市科技动态")
    qtbot.waitUntil(lambda: dialog.draft.title == "张家口市科技动态", timeout=10000)
    assert dialog.preview.toPlainText().startswith("张家口市科技动态")
    asked, path = save_as(qtbot, monkeypatch, dialog, tmp_path / "zjk.docx")
    assert asked[0].endswith("张家口市科技动态.docx")
    assert docx.Document(str(path)).paragraphs[0].text == "张家口市科技动态"
    dialog.close()


def test_the_menu_action_briefs_the_current_search(qtbot, window):
    pane = window.library_pane
    pane.search_box.setText("张家口")
    pane.run_search()
    qtbot.waitUntil(lambda: getattr(pane, "shown_query", None) is not None and pane.shown_query.text == "张家口",
                    timeout=10000)
    with qtbot.waitSignal(window.briefing_flow.dialogOpened, timeout=5000) as opened:
        window.menus.briefing_action.trigger()
    dialog = wait_preview(qtbot, opened.args[0])
    assert "张家口" in dialog.scope_label.text()
    assert "张家口市" in dialog.preview.toPlainText() and "石家庄市" not in dialog.preview.toPlainText()
    dialog.close()


def test_the_template_is_remembered_across_dialogs(qtbot, window, settings, monkeypatch, tmp_path):
    template = tmp_path / "ours.docx"
    docx.Document().save(str(template))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(template), "")))
    tick(window, ZJK)
    first = press_generate(qtbot, window)
    assert first.template_label.text() != "ours.docx" and not first.clear_template_button.isEnabled()
    qtbot.mouseClick(first.template_button, Qt.LeftButton)
    assert first.template_label.text() == "ours.docx"
    first.close()

    second = press_generate(qtbot, window)
    assert settings.briefing_template == str(template)
    assert second.template_label.text() == "ours.docx" and second.clear_template_button.isEnabled()
    _asked, path = save_as(qtbot, monkeypatch, second, tmp_path / "templated.docx")
    assert "295家" in "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    qtbot.mouseClick(second.clear_template_button, Qt.LeftButton)
    second.close()

    third = press_generate(qtbot, window)
    assert settings.briefing_template == "" and third.template_label.text() != "ours.docx"
    third.close()


def test_a_locked_file_is_said_in_a_box_without_a_traceback(qtbot, window, monkeypatch, tmp_path, boxes):
    from hbviewer.core.briefing import word
    from hbviewer.core.briefing.word import BriefingError

    def locked(*_args, **_kwargs):
        raise BriefingError("out.docx cannot be overwritten (it is read-only or locked). "
                            "Close it in Word or WPS or choose another name.", "locked")

    monkeypatch.setattr(word, "write_briefing", locked)
    tick(window, ZJK)
    dialog = press_generate(qtbot, window)
    _asked, path = save_as(qtbot, monkeypatch, dialog, tmp_path / "out.docx")
    assert path is None and not (tmp_path / "out.docx").exists()
    assert len(boxes) == 1
    title, text = boxes[0]
    assert "Close it in Word or WPS" in text and "Traceback" not in text
    assert dialog.save_button.isEnabled() and not dialog.open_folder_button.isVisible()
    dialog.close()


def test_file_names_from_titles():
    from hbviewer.ui.briefing_dialog import file_name_for

    assert file_name_for("河北省各地科技创新工作动态（2024年10月）") == "河北省各地科技创新工作动态（2024年10月）.docx"
    assert file_name_for('a/b:c*"d"') == "a_b_c_d.docx"
    assert file_name_for("  ") == "briefing.docx"
