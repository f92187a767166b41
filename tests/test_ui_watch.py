"""The watched folder in the window: the preferences row, and files imported in the background."""

import shutil
import threading

import pytest

pytest.importorskip("PySide6")

from conftest import open_window  # noqa: E402

PAGE = "# {title}\n\n全市今年新建充电桩1200个，覆盖所有乡镇，新能源汽车出行更加便利。\n"


def page(folder, name, title):
    path = folder / name
    path.write_text(PAGE.format(title=title), encoding="utf-8")
    return path


@pytest.fixture
def inbox(tmp_path):
    path = tmp_path / "inbox"
    path.mkdir()
    return path


@pytest.fixture
def watching(qtbot, tmp_path, settings, inbox, monkeypatch):
    """A window on an empty library, watching ``inbox``; the threads its imports ran on are in
    ``win.import_threads``."""
    from hbviewer.ui import import_flow, watch_flow

    threads = []
    real = import_flow.import_paths

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(import_flow, "import_paths", recorded)
    monkeypatch.setattr(watch_flow, "SETTLE_SECONDS", 0.3)
    settings.watched_folder = str(inbox)
    win = open_window(qtbot, tmp_path / "library.sqlite3", settings)
    win.import_threads = threads
    yield win
    win.close()
    win.controller.close()


def status(win):
    return win.statusBar().currentMessage()


def test_the_watched_folder_row_is_kept_in_the_settings_and_cleared(qtbot, settings, tmp_path, monkeypatch):
    from hbviewer.ui import preferences
    from hbviewer.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(settings, None)
    qtbot.addWidget(dialog)
    assert dialog.watched_edit.text() == ""
    monkeypatch.setattr(preferences.QFileDialog, "getExistingDirectory", lambda *_args: str(tmp_path))
    dialog.watched_choose.click()
    assert dialog.watched_edit.text() == str(tmp_path)
    dialog.accept()
    assert settings.watched_folder == str(tmp_path)
    again = PreferencesDialog(settings, None)
    qtbot.addWidget(again)
    assert again.watched_edit.text() == str(tmp_path)
    again.watched_clear.click()
    again.accept()
    assert settings.watched_folder == ""


def test_files_saved_in_the_watched_folder_are_imported_in_the_background(qtbot, watching, inbox):
    win = watching
    assert win.watch_flow.folder == str(inbox)
    with qtbot.waitSignal(win.watch_flow.imported, timeout=10000) as blocker:
        page(inbox, "充电桩.txt", "充电桩建设提速")
    assert [f.status for f in blocker.args[0].files] == ["imported"]
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == 1, timeout=10000)
    assert "充电桩.txt" in status(win) and "1" in status(win)
    assert win.import_threads and threading.main_thread() not in win.import_threads
    assert not hasattr(win.import_flow, "progress")  # no progress dialog for files no one asked for


def test_a_bad_file_is_said_in_the_status_bar_without_a_box(qtbot, watching, inbox):
    win = watching
    with qtbot.waitSignal(win.watch_flow.imported, timeout=10000):
        (inbox / "坏.docx").write_bytes(b"not a Word file")
    assert "坏.docx" in status(win) and status(win).startswith("Not imported")
    assert not hasattr(win.import_flow, "_report_box")
    with qtbot.waitSignal(win.watch_flow.imported, timeout=10000):  # and the watch goes on
        page(inbox, "好.txt", "好文件")
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == 1, timeout=10000)


def test_the_folder_chosen_in_preferences_is_watched_at_once(qtbot, tmp_path, settings, inbox, monkeypatch):
    from hbviewer.ui import watch_flow

    monkeypatch.setattr(watch_flow, "SETTLE_SECONDS", 0.3)
    page(inbox, "已有.txt", "已有的文件")
    win = open_window(qtbot, tmp_path / "library.sqlite3", settings)
    try:
        assert win.watch_flow.watcher is None
        win.preferences()
        win._preferences.watched_edit.setText(str(inbox))
        with qtbot.waitSignal(win.watch_flow.imported, timeout=10000):  # the file already there
            win._preferences.accept()
        qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == 1, timeout=10000)
        win.preferences()
        win._preferences.watched_clear.click()
        win._preferences.accept()
        assert win.watch_flow.watcher is None and settings.watched_folder == ""
    finally:
        win.close()
        win.controller.close()


def test_a_folder_that_disappears_is_said_once(qtbot, watching, inbox):
    win = watching
    said = []
    win.watch_flow.statusMessage.connect(said.append)
    shutil.rmtree(inbox)
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    qtbot.wait(300)
    assert len(said) == 1 and "is not there any more" in said[0] and str(inbox) in said[0]
    assert win.watch_flow.watcher is not None  # still watching for it to come back


def test_a_tray_notification_says_what_was_imported_where_there_is_a_tray(qtbot, tmp_path, settings, inbox,
                                                                           monkeypatch):
    from hbviewer.ui import watch_flow

    class Tray:  # the offscreen platform has no system tray: one that records what it is asked to show
        shown = []
        Information = 1

        def __init__(self, *_args):
            self.visible = False
            self.activated = type("Signal", (), {"connect": lambda _self, _slot: None})()

        isSystemTrayAvailable = supportsMessages = staticmethod(lambda: True)

        def setToolTip(self, _text):
            pass

        def show(self):
            self.visible = True

        def hide(self):
            self.visible = False

        def isVisible(self):
            return self.visible

        def showMessage(self, title, text, *_args):
            Tray.shown.append((title, text))

    monkeypatch.setattr(watch_flow, "QSystemTrayIcon", Tray)
    monkeypatch.setattr(watch_flow, "SETTLE_SECONDS", 0.3)
    settings.watched_folder = str(inbox)
    win = open_window(qtbot, tmp_path / "library.sqlite3", settings)
    try:
        with qtbot.waitSignal(win.watch_flow.imported, timeout=10000):
            page(inbox, "快讯.txt", "今日快讯")
        (title, text), = Tray.shown
        assert title == "Imported from the watched folder" and text == "快讯.txt: 1 article(s)"
        win.watch_flow.stop()
        assert not win.watch_flow.tray.isVisible()
    finally:
        win.close()
        win.controller.close()
