"""The window keeps the library safe: backups, a restore while open, checks, a damaged file's way out."""

import shutil

import pytest

pytest.importorskip("PySide6")


from hbviewer.core.store import open_library  # noqa: E402
from hbviewer.core.store.maintenance import backup_now, list_backups  # noqa: E402

from conftest import damaged_copy, digest, fill_disk_after, open_window  # noqa: E402


@pytest.fixture
def no_quick_check(monkeypatch):
    """The check on open waits: a test starts the checks it looks at itself."""
    from hbviewer.ui import safety_flow

    monkeypatch.setattr(safety_flow, "QUICK_CHECK_DELAY_MS", 10 ** 7)


def listed(win):
    return win.library_pane.model.rowCount()


def a_page(tmp_path, name="extra.txt", n=1):
    page = tmp_path / name
    page.write_text(f"# 廊坊市第{n}批企业\n\n本报讯 廊坊市第{n}批企业新增{n + 10}家，投资3.5亿元。\n", encoding="utf-8")
    return page


def test_a_restore_while_the_window_is_open_shows_the_backup(qtbot, tmp_path, seeded_file, settings, no_quick_check):
    path = tmp_path / "library.sqlite3"
    shutil.copy(seeded_file, path)
    win = open_window(qtbot, path, settings)
    qtbot.waitUntil(lambda: listed(win) > 0, timeout=10000)
    n = listed(win)
    backup_now(win.controller.library())
    with qtbot.waitSignal(win.importFinished, timeout=20000):
        win.import_paths([a_page(tmp_path)])
    qtbot.waitUntil(lambda: listed(win) == n + 1, timeout=10000)

    flow = win.safety_flow
    win.menus.restore_action.trigger()
    dialog = flow.restore_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and dialog.restore_button.isEnabled(), timeout=10000)
    assert dialog.model.index(0, 1).data() == str(n)
    with qtbot.waitSignal(flow.restored, timeout=20000) as blocker:
        dialog.restore_button.click()
    assert blocker.args[0].articles == n
    qtbot.waitUntil(lambda: listed(win) == n, timeout=10000)
    assert win.controller.library().article_count() == n
    kept = [b for b in list_backups(path) if b.tag == "before-restore"]
    assert len(kept) == 1 and kept[0].articles == n + 1  # the restore can be undone
    win.controller.close()


def test_damage_found_on_open_offers_the_way_out(qtbot, tmp_path, seeded_file, settings, monkeypatch):
    from hbviewer.ui import safety_flow

    monkeypatch.setattr(safety_flow, "QUICK_CHECK_DELAY_MS", 50)
    path = damaged_copy(seeded_file, tmp_path)
    before = digest(path)
    win = open_window(qtbot, path, settings)
    qtbot.waitUntil(lambda: win.safety_flow.damage_box is not None, timeout=20000)
    assert win.safety_flow.damage_box.isVisible()
    assert win.controller.damaged and win.controller.read_only
    assert not win.menus.import_files_action.isEnabled() and win.read_only_label.isVisible()
    win.safety_flow.damage_box.keep_button.click()
    win.controller.close()
    assert digest(path) == before


def test_check_library_on_a_damaged_file_then_recover_into_a_new_library(
        qtbot, tmp_path, seeded_file, settings, monkeypatch, no_quick_check):
    from hbviewer.ui import safety_flow

    path = damaged_copy(seeded_file, tmp_path)
    before = digest(path)
    target = tmp_path / "recovered.sqlite3"
    monkeypatch.setattr(safety_flow.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    win = open_window(qtbot, path, settings)
    flow = win.safety_flow
    with qtbot.waitSignal(flow.checked, timeout=30000) as blocker:
        win.menus.check_action.trigger()
    assert not blocker.args[0].ok
    qtbot.waitUntil(lambda: flow.damage_box is not None and flow.damage_box.isVisible(), timeout=10000)
    assert not flow.damage_box.restore_button.isEnabled()  # no backup of this library yet

    with qtbot.waitSignal(flow.recovered, timeout=60000) as blocker:
        flow.damage_box.recover_button.click()
    report = blocker.args[0]
    assert report.target == target and report.copied["articles"] > 0
    recovered = open_library(target)
    assert recovered.check().ok and recovered.article_count() == report.copied["articles"]
    recovered.close()

    flow._box.open_button.click()  # "Open the new library"
    qtbot.waitUntil(lambda: win.controller.path == target and listed(win) == report.copied["articles"],
                    timeout=20000)
    assert settings.library_location == target
    assert not win.controller.damaged and win.menus.import_files_action.isEnabled()
    win.controller.close()
    assert digest(path) == before  # the damaged file is never written


def test_a_sound_library_checks_in_good_order(qtbot, tmp_path, seeded_file, settings, no_quick_check):
    path = tmp_path / "library.sqlite3"
    shutil.copy(seeded_file, path)
    win = open_window(qtbot, path, settings)
    with qtbot.waitSignal(win.safety_flow.checked, timeout=30000) as blocker:
        win.menus.check_action.trigger()
    assert blocker.args[0].ok and "good order" in win.safety_flow._box.text()
    assert win.safety_flow.damage_box is None
    win.controller.close()


def test_an_import_that_added_articles_is_backed_up(qtbot, tmp_path, seeded_file, settings, no_quick_check):
    path = tmp_path / "library.sqlite3"
    shutil.copy(seeded_file, path)
    win = open_window(qtbot, path, settings)
    assert list_backups(path) == []
    with qtbot.waitSignal(win.safety_flow.backedUp, timeout=30000) as blocker:
        win.import_paths([a_page(tmp_path)])
    backups = list_backups(path)
    assert [b.path for b in backups] == [blocker.args[0]]
    assert backups[0].articles == win.controller.library().article_count()
    win.controller.close()


def test_closing_after_a_change_makes_a_backup(qtbot, tmp_path, seeded_file, settings, no_quick_check):
    path = tmp_path / "library.sqlite3"
    shutil.copy(seeded_file, path)
    win = open_window(qtbot, path, settings)
    win.controller.announce_change()
    win.close()
    win.controller.close()  # waits for the backup started on close
    assert len(list_backups(path)) == 1


def test_preferences_show_the_backups(qtbot, tmp_path, seeded_file, settings):
    from hbviewer.ui.preferences import PreferencesDialog

    path = tmp_path / "library.sqlite3"
    shutil.copy(seeded_file, path)
    lib = open_library(path)
    backup_now(lib)
    backup_now(lib)
    lib.close()
    settings.library_path = path
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    text = dialog.backups_label.text()
    assert "2 backup(s)" in text and str(path.parent / "backups") in text
    dialog.server_choice.setChecked(True)
    assert "administrator" in dialog.backups_label.text()


def test_a_stopped_import_says_so_once(qtbot, tmp_path, settings, monkeypatch, no_quick_check):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(12):
        a_page(pages, f"{i:02d}.txt", i)
    fill_disk_after(monkeypatch, 4)
    win = open_window(qtbot, tmp_path / "library.sqlite3", settings)
    with qtbot.waitSignal(win.importFinished, timeout=30000) as blocker:
        win.import_paths([pages])
    assert blocker.args[0].stopped
    box = win.import_flow._report_box
    assert box.windowTitle() == "The import stopped"
    assert box.text().count("is full") == 1 and "stopped at file" in box.text()
    box.close()
    win.controller.close()
