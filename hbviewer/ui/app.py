"""Starting the desktop application: display check, translations, library, window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

NO_DISPLAY_MESSAGE = (
    "hbviewer needs a graphical display, and none was found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
    "On a server or in a terminal, use hbviewer-cli instead: hbviewer-cli --help")


def has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def choose_language(setting: str, system_locale: str) -> str:
    """zh_CN unless English is chosen, or the system speaks a language other than Chinese."""
    if setting in ("zh_CN", "en"):
        return setting
    if system_locale.startswith("zh") or system_locale in ("C", "POSIX", ""):
        return "zh_CN"
    return "en"


def install_translations(app, language: str) -> list:
    """Load hbviewer's and Qt's own translations for ``language``; returns the translators."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from ..paths import resource

    translators = []
    if language == "en":
        return translators
    ours = QTranslator(app)
    if ours.load(str(resource("i18n", f"hbviewer_{language}.qm"))):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


def open_library(location, settings, ask=None, ask_password=None):
    """Open the library; when it cannot be, offer a way forward instead of a traceback.

    ``location`` is a file or a shared library's ``postgresql://`` address.
    A file damaged or foreign: open another, or start a new one (the old file is
    kept under a dated name). Newer: open another. A server that cannot be
    reached: try again, or open a library file. ``ask(error) -> (choice, path)``
    is the question (``ask(error, server=True)`` for a server), a dialog unless a
    test gives its own; ``ask_password`` is passed on to :func:`open_server`.
    """
    from ..core.store import LibraryError, is_server_location, set_aside
    from .controller import LibraryController

    ask = ask or _ask_about_library
    while True:
        server = is_server_location(location)
        try:
            if server:
                return open_server(str(location), ask_password)
            return LibraryController(location)
        except LibraryError as exc:
            choice, other = ask(exc, server=True) if server else ask(exc)
            if choice == "open" and other:
                location = Path(other)
                settings.library_location = location
            elif choice == "new" and not server:
                set_aside(location)
            elif choice == "retry" and server:
                continue
            else:
                return None


def open_server(location: str, ask_password=None):
    """A controller on a shared library, with its password from the keyring or asked for.

    The password in the address, if any, is used first; else the one kept in the
    system keyring; else libpq's own (PGPASSWORD, ~/.pgpass). When the server
    refuses, ``ask_password(address, refused, remember) -> (password, remember)``
    asks for it (None: the user cancelled, and the refusal is raised). A password
    typed in is kept in the keyring only when the user asks for that, and never
    written anywhere else.
    """
    from ..core.store.credentials import forget_password, remember_password, stored_password
    from ..core.store.errors import LibraryError
    from ..core.store.locations import display_location
    from .controller import LibraryController

    ask_password = ask_password or _ask_password
    in_address = _address_has_password(location)
    password = None if in_address else stored_password(location)
    kept = password is not None
    refused = in_address or kept  # a password was given: if the server says no, that one was wrong
    typed = None
    while True:
        try:
            controller = LibraryController(location, password=password)
        except LibraryError as exc:
            if exc.code != "password":
                raise
            typed = ask_password(display_location(location), refused, kept)
            if typed is None:
                raise
            password, refused = typed[0], True
            continue
        break
    if typed is not None:
        if typed[1]:
            remember_password(location, password)
        elif kept:
            forget_password(location)  # the kept one was refused: it would only be refused again
    return controller


def _address_has_password(location: str) -> bool:
    from ..core.store.locations import display_location

    return display_location(location) != location.strip()


def _ask_password(location: str, refused: bool, remember: bool):
    from .password_dialog import ask_password

    return ask_password(location, refused, remember)


def _ask_about_library(exc, server: bool = False):
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from .safe_text import rich_literal

    box = QMessageBox(QMessageBox.Warning, QApplication.translate("app", "The library cannot be opened"), rich_literal(str(exc)))
    retry_button = new_button = None
    if server:
        retry_button = box.addButton(QApplication.translate("app", "Try again"), QMessageBox.AcceptRole)
        open_button = box.addButton(QApplication.translate("app", "Open a library file…"), QMessageBox.ActionRole)
    else:
        open_button = box.addButton(QApplication.translate("app", "Open another library…"), QMessageBox.AcceptRole)
    if not server and getattr(exc, "code", "") in ("damaged", "library", "cannot_open"):
        new_button = box.addButton(QApplication.translate("app", "Start a new library (keep the old file)"), QMessageBox.DestructiveRole)
    box.addButton(QApplication.translate("app", "Quit"), QMessageBox.RejectRole)
    box.exec()
    if retry_button is not None and box.clickedButton() is retry_button:
        return "retry", None
    if box.clickedButton() is open_button:
        other, _ = QFileDialog.getOpenFileName(None, QApplication.translate("app", "Open library"), "",
                                               QApplication.translate("app", "hbviewer library (*.sqlite3);;All files (*)"))
        return ("open", other) if other else ("quit", None)
    if new_button is not None and box.clickedButton() is new_button:
        return "new", None
    return "quit", None


def offer_samples(controller, window, seeds) -> bool:
    """On a library's first opening, fill it with the bundled sample articles (once)."""
    if controller.read_only or controller.is_server:
        return False  # a shared library is filled by the people who share it, not with samples
    lib = controller.library()
    if lib.meta("samples_offered") or lib.stats()["articles"]:
        return False
    lib.set_meta("samples_offered", "1")
    window.import_paths([seeds], quiet=True)
    return True


def parse_args(argv: list[str]):
    import argparse

    parser = argparse.ArgumentParser(prog="hbviewer", description="Policy-briefing viewer for Hebei news.")
    parser.add_argument("files", nargs="*", help="files or folders to import and show")
    parser.add_argument("--library", help="library file, or a shared library's postgresql://user@host/db address, "
                                          "to open (default: the one in the preferences)")
    parser.add_argument("--search", default="", help="start with this search")
    parser.add_argument("--self-test", action="store_true",
                        help="check the installation without a display (sample library, search, figures, export)")
    return parser.parse_args(argv[1:])


def run(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.self_test:
        from ..selftest import main as self_test

        return self_test()
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from ..core.store.locations import is_server_location
    from ..paths import default_library_path, resource, seeds_dir
    from .errors import install_excepthook, setup_logging
    from .main_window import MainWindow
    from .settings import AppSettings

    # Background work is Python too: hand the interpreter over more often than every 5 ms, so
    # the window keeps answering while an import or an export runs.
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(argv[:1])
    app.setApplicationName("hbviewer")
    app.setOrganizationName("hbviewer")
    app.setDesktopFileName("hbviewer")  # the menu entry's name: Linux desktops match the window to it
    icon = QIcon()
    for size in (16, 32, 48, 256):
        icon.addFile(str(resource("icons", f"hbviewer-{size}.png")))
    app.setWindowIcon(icon)
    install_excepthook(setup_logging())
    settings = AppSettings()
    app._translators = install_translations(app, choose_language(settings.language, QLocale.system().name()))

    location = args.library or settings.library_location or default_library_path()
    if not is_server_location(location):
        location = Path(location)
    controller = open_library(location, settings)
    if controller is None:
        return 2
    window = MainWindow(controller, settings)
    window.show()
    offer_samples(controller, window, seeds_dir())
    if args.files:
        window.import_paths(args.files)
    if args.search:
        window.library_pane.search_box.setText(args.search)
        window.library_pane.run_search()
    code = app.exec()
    controller.close()
    return code
