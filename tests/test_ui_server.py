"""The desktop window on a shared library (PostgreSQL): import, search, read-only roles, passwords.

The server is the one in HBVIEWER_TEST_PG or a throwaway cluster (tests/pg_cluster.py);
without either the tests that need one skip.
"""

import pytest

pytest.importorskip("PySide6")
psycopg = pytest.importorskip("psycopg")

from PySide6.QtCore import QSettings  # noqa: E402

from hbviewer.core.store.credentials import SERVICE  # noqa: E402
from hbviewer.core.importer import import_paths  # noqa: E402
from hbviewer.core.store.locations import display_location  # noqa: E402
from hbviewer.core.store.search import SearchQuery  # noqa: E402
from hbviewer.core.store.server import ServerLibrary  # noqa: E402

from conftest import SEEDS  # noqa: E402
from test_ui import search, table_ids  # noqa: E402


@pytest.fixture
def settings_file(tmp_path):
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_file):
    from hbviewer.ui.settings import AppSettings

    return AppSettings(QSettings(str(settings_file), QSettings.IniFormat))


@pytest.fixture
def no_libpq_password(monkeypatch, tmp_path):
    """Only the password the window gives reaches the server (no PGPASSWORD, no ~/.pgpass)."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))


def never(*_args, **_kwargs):
    raise AssertionError("not to be asked")


def admin(url):
    return psycopg.connect(url, autocommit=True)


@pytest.fixture
def seeded_for_reader(pg_url, login_role):
    """The seed pages in the database, which the role may read but not change."""
    owner = ServerLibrary.open(pg_url)
    assert not import_paths(owner, [SEEDS]).failed
    with admin(pg_url) as conn:
        conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{login_role[2]}"')
    yield owner
    owner.close()


def make_window(qtbot, controller, settings):
    from hbviewer.ui.main_window import MainWindow

    win = MainWindow(controller, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_window_on_a_server_imports_and_lists_what_the_core_finds(qtbot, pg_url, settings):
    from hbviewer.ui.controller import LibraryController

    controller = LibraryController(pg_url)
    assert controller.is_server and not controller.read_only
    secret = psycopg.conninfo.conninfo_to_dict(pg_url)["password"]
    assert secret not in str(controller.path) and str(controller.path) == display_location(pg_url)
    win = make_window(qtbot, controller, settings)
    assert win.import_files_action.isEnabled() and win.import_folder_action.isEnabled()
    assert not win.read_only_label.isVisibleTo(win)
    assert display_location(pg_url) in win.location_label.text() and secret not in win.location_label.text()
    with qtbot.waitSignal(win.importFinished, timeout=60000) as blocker:
        win.import_paths([SEEDS])
    assert blocker.args[0].articles_added == 26 and not blocker.args[0].failed
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == 26, timeout=10000)
    other = ServerLibrary.open(pg_url)  # another client of the same library sees the same
    try:
        for text in ("张家口", "张家口 科技", "廊坊 OR 涿州"):
            search(qtbot, win, text)
            expected = other.search_ids(SearchQuery(text))
            assert expected and table_ids(win) == expected
    finally:
        other.close()
    assert win.library_pane.select_article(min(table_ids(win)))
    qtbot.waitUntil(lambda: win.article_view.article is not None, timeout=10000)
    controller.close()


def test_read_only_role_searches_and_exports_but_cannot_import(qtbot, login_role, seeded_for_reader, settings, tmp_path):
    import pandas as pd
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from hbviewer.core.briefing.summary import SummaryScope
    from hbviewer.paths import seeds_dir
    from hbviewer.ui.app import offer_samples
    from hbviewer.ui.controller import LibraryController

    url, password, _name = login_role
    controller = LibraryController(url, password=password)
    assert controller.read_only
    win = make_window(qtbot, controller, settings)
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() == 26, timeout=10000)
    assert not win.import_files_action.isEnabled() and not win.import_folder_action.isEnabled()
    assert win.export_action.isEnabled() and win.find_action.isEnabled()
    assert win.read_only_label.isVisibleTo(win) and win.read_only_label.text()
    search(qtbot, win, "张家口")
    assert table_ids(win) == seeded_for_reader.search_ids(SearchQuery("张家口"))
    qtbot.waitUntil(lambda: win.region_panel.overview is not None, timeout=20000)  # the summary works too
    qtbot.waitUntil(lambda: not controller.runner.busy(), timeout=10000)  # the first article read too
    corrections = win.corrections  # figures can be looked at, not corrected
    assert not corrections.actions.accept_action.isEnabled() and not corrections.actions.edit_action.isEnabled()
    assert "read-only" in corrections.actions.accept_action.toolTip() and corrections.queue.reason_label.text()
    figures = win.region_panel.figure_model
    qtbot.waitUntil(lambda: figures.rowCount() > 0, timeout=20000)
    assert not figures.flags(figures.index(0, figures.COLUMNS.index("value"))) & Qt.ItemIsEditable

    assert win.import_paths([SEEDS]) is None
    assert "read-only" in win.statusBar().currentMessage()
    win.statusBar().clearMessage()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEEDS))])
    drop = QDropEvent(QPointF(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    win.dropEvent(drop)
    assert not drop.isAccepted() and "read-only" in win.statusBar().currentMessage()
    assert not offer_samples(controller, win, seeds_dir())
    assert not controller.runner.busy()

    out = tmp_path / "briefing.xlsx"
    with qtbot.waitSignal(win.exportFinished, timeout=30000) as blocker:
        win.export_to(str(out), SummaryScope(region_codes=("131100",)))
    assert blocker.args[0] == out and out.is_file()
    assert set(pd.read_excel(out, sheet_name="数据")["所属地市"]) == {"衡水市"}
    win._export_box.close()
    assert seeded_for_reader.article_count() == 26
    controller.close()


def test_refused_password_is_asked_for_and_remembered_when_wanted(
        qtbot, login_role, seeded_for_reader, settings, settings_file, memory_keyring, no_libpq_password):
    from hbviewer.ui.app import open_library

    url, password, _name = login_role
    asked = []

    def typed(*answers):
        answers = list(answers)

        def ask_password(location, refused, remember):
            asked.append((location, refused, remember))
            return answers.pop(0)
        return ask_password

    # Nothing kept: asked; a wrong password is asked again, saying it was refused; the right one is kept.
    controller = open_library(url, settings, ask=never,
                              ask_password=typed(("wrong-one", True), (password, True)))
    assert controller is not None and controller.read_only
    assert asked == [(display_location(url), False, False), (display_location(url), True, False)]
    assert memory_keyring.entries == {(SERVICE, display_location(url)): password}
    controller.close()

    # Kept: no question.
    controller = open_library(url, settings, ask=never, ask_password=never)
    assert controller.library().article_count() == 26
    controller.close()

    # Kept but out of date: asked, the box ticked; unticked, the refused one is forgotten.
    memory_keyring.entries[(SERVICE, display_location(url))] = "old-one"
    asked.clear()
    controller = open_library(url, settings, ask=never, ask_password=typed((password, False)))
    assert asked == [(display_location(url), True, True)] and memory_keyring.entries == {}
    controller.close()

    # Cancelled: the refusal is said, with a way out; quitting opens nothing.
    questions = []
    result = open_library(url, settings, ask_password=typed(None),
                          ask=lambda exc, server=False: questions.append((exc.code, server)) or ("quit", None))
    assert result is None and questions == [("password", True)]

    settings.sync()
    text = settings_file.read_text(encoding="utf-8")
    assert password not in text and "wrong-one" not in text


def test_preferences_keep_the_address_and_put_the_password_in_the_keyring(
        qtbot, settings, settings_file, memory_keyring):
    from hbviewer.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.file_choice.isChecked() and not dialog.server_edit.isEnabled()
    dialog.server_choice.setChecked(True)
    assert dialog.server_edit.isEnabled() and not dialog.library_edit.isEnabled()
    assert "postgresql://" in dialog.server_edit.placeholderText()
    dialog.server_edit.setText("postgresql://staff:in-the-url-pw@db.example:5432/briefings")
    dialog.accept()
    address = "postgresql://staff@db.example:5432/briefings"
    assert settings.library_kind == "server" and settings.library_location == address
    assert memory_keyring.entries == {(SERVICE, address): "in-the-url-pw"}

    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.server_choice.isChecked() and dialog.server_edit.text() == address
    dialog.password_edit.setText("typed-pw")
    dialog.accept()
    assert memory_keyring.entries == {(SERVICE, address): "typed-pw"}

    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.forget_saved_password()
    assert memory_keyring.entries == {} and dialog.password_note.text()
    dialog.file_choice.setChecked(True)
    dialog.library_edit.setText(str(settings_file.parent / "mine.sqlite3"))
    dialog.accept()
    assert settings.library_location == settings_file.parent / "mine.sqlite3"
    assert settings.library_server == address  # kept for the next time the server is chosen

    settings.library_location = "postgresql://staff:set-directly@db.example/briefings"
    settings.sync()
    text = settings_file.read_text(encoding="utf-8")
    assert "in-the-url-pw" not in text and "typed-pw" not in text and "set-directly" not in text
    assert "staff@db.example" in text


def test_settings_from_before_shared_libraries_still_open_their_file(tmp_path):
    from hbviewer.ui.settings import AppSettings

    old = QSettings(str(tmp_path / "old.ini"), QSettings.IniFormat)
    old.setValue("library/path", str(tmp_path / "kept.sqlite3"))
    old.sync()
    settings = AppSettings(QSettings(str(tmp_path / "old.ini"), QSettings.IniFormat))
    assert settings.library_kind == "file" and settings.library_location == tmp_path / "kept.sqlite3"


def test_password_dialog_hides_what_is_typed(qtbot):
    from PySide6.QtWidgets import QLineEdit

    from hbviewer.ui.password_dialog import PasswordDialog

    dialog = PasswordDialog("postgresql://staff@db.example/briefings", refused=True, remember=True)
    qtbot.addWidget(dialog)
    assert dialog.password_edit.echoMode() == QLineEdit.Password
    assert dialog.refused_label.isVisibleTo(dialog) and dialog.remember()
    dialog.password_edit.setText("pw")
    dialog.remember_box.setChecked(False)
    assert (dialog.password(), dialog.remember()) == ("pw", False)


def test_no_password_reaches_the_log(tmp_path):
    from hbviewer.ui import errors

    errors.mask_secret("held-in-memory-pw")
    handler_count = len(errors._logger.handlers)
    log = errors.setup_logging(tmp_path)
    try:
        errors.log_error("Traceback: postgresql://staff:url-pw@db.example/x?password=query-pw failed "
                         "(conninfo host=db password=conninfo-pw) held-in-memory-pw")
        text = log.read_text(encoding="utf-8")
    finally:
        for handler in errors._logger.handlers[handler_count:]:
            errors._logger.removeHandler(handler)
            handler.close()
    assert "postgresql://staff@db.example/x" in text
    for secret in ("url-pw", "query-pw", "conninfo-pw", "held-in-memory-pw"):
        assert secret not in text


def test_lost_connection_is_said_and_the_window_goes_on(qtbot, pg_server, pg_url, settings):
    from hbviewer.ui.controller import LibraryController

    lib = ServerLibrary.open(pg_url)
    import_paths(lib, [SEEDS / "000_086b7857410a924f.txt"])
    dbname = lib._conn.info.dbname
    lib.close()
    controller = LibraryController(pg_url)
    win = make_window(qtbot, controller, settings)
    qtbot.waitUntil(lambda: win.library_pane.model.rowCount() > 0 and win.region_panel.overview is not None,
                    timeout=20000)
    shown = table_ids(win)
    failures = []
    controller.taskFailed.connect(lambda message, _details: failures.append(message))
    with admin(pg_server.url) as conn:  # the server stops taking this library's connections, and drops them
        conn.execute(f'ALTER DATABASE "{dbname}" ALLOW_CONNECTIONS false')
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (dbname,))
    try:
        win.refresh_summary()
        qtbot.waitUntil(lambda: bool(failures), timeout=30000)
        assert "connection to the library server was lost" in failures[0]
        assert win._warning_box.isVisible() and "connection" in win._warning_box.text()
        win._warning_box.close()
        win.library_pane.search_box.setText("科技")
        win.library_pane.run_search()  # a search that fails says so in place, as a bad query does
        qtbot.waitUntil(lambda: "connection" in win.library_pane.count_label.text(), timeout=30000)
    finally:
        with admin(pg_server.url) as conn:
            conn.execute(f'ALTER DATABASE "{dbname}" ALLOW_CONNECTIONS true')
    search(qtbot, win, "")  # back: the same window searches again
    qtbot.waitUntil(lambda: table_ids(win) == shown, timeout=10000)
    controller.close()
