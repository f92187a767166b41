"""The Chinese interface: every string translated, the compiled file current, labels shown."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from conftest import REPO  # noqa: E402

TS = REPO / "resources" / "i18n" / "hbviewer_zh_CN.ts"


def _tool(name):
    return shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")


def test_every_interface_string_has_a_chinese_translation(tmp_path):
    lupdate = _tool("lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (REPO / "hbviewer" / "ui").glob("*.py"))
    out = subprocess.run([lupdate, *sources, "-ts", str(copy), "-no-obsolete"], capture_output=True, text=True)
    assert "0 new" in out.stdout or "(0 new" in out.stdout, out.stdout
    text = copy.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text


def test_compiled_translations_match_the_source(tmp_path):
    lrelease = _tool("lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    qm = tmp_path / "out.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == TS.with_suffix(".qm").read_bytes()


@pytest.mark.parametrize("language, file_menu, import_action", [
    ("zh_CN", "文件(&F)", "导入文件(&F)…"), ("en", "&File", "Import &files…")])
def test_window_labels_in_each_language(qtbot, tmp_path, language, file_menu, import_action):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from hbviewer.ui.app import install_translations
    from hbviewer.ui.controller import LibraryController
    from hbviewer.ui.main_window import MainWindow
    from hbviewer.ui.settings import AppSettings

    app = QApplication.instance()
    translators = install_translations(app, language)
    try:
        controller = LibraryController(tmp_path / "l.sqlite3")
        win = MainWindow(controller, AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)))
        qtbot.addWidget(win)
        assert win.file_menu.title() == file_menu
        assert win.import_files_action.text() == import_action
        controller.close()
    finally:
        for t in translators:
            app.removeTranslator(t)


@pytest.mark.parametrize("language, fragment", [("zh_CN", "是空文件"), ("en", "is empty")])
def test_import_failures_are_said_in_the_interface_language(qtbot, language, fragment):
    from PySide6.QtWidgets import QApplication

    from hbviewer.core.model import FileImportResult
    from hbviewer.ui.app import install_translations
    from hbviewer.ui.messages import failure_text

    app = QApplication.instance()
    translators = install_translations(app, language)
    try:
        empty = FileImportResult("/somewhere/简报.txt", "failed", error="简报.txt is empty", error_code="empty")
        assert failure_text(empty).startswith("简报.txt") and fragment in failure_text(empty)
        odd = FileImportResult("x.txt", "failed", error="a database said something", error_code="database")
        assert failure_text(odd) == "a database said something"  # nothing better to say: the core's words
        big = FileImportResult("big.txt", "failed", error="big.txt is 50.0 MB, larger than the 32 MB limit",
                               error_code="too_large")
        assert "50.0 MB" in failure_text(big)
    finally:
        for t in translators:
            app.removeTranslator(t)
