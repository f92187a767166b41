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


def open_library(path: Path, settings, ask=None):
    """Open the library; when it cannot be, offer a way forward instead of a traceback.

    Damaged or foreign: open another, or start a new one (the old file is kept
    under a dated name). Newer: open another. ``ask(error) -> (choice, path)``
    is the question, a dialog unless a test gives its own.
    """
    from ..core.library import Library, LibraryError
    from .controller import LibraryController

    ask = ask or _ask_about_library
    while True:
        try:
            return LibraryController(path)
        except LibraryError as exc:
            choice, other = ask(exc)
            if choice == "open" and other:
                path = Path(other)
                settings.library_path = path
            elif choice == "new":
                Library.set_aside(path)
            else:
                return None


def _ask_about_library(exc):
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from .safe_text import rich_literal

    box = QMessageBox(QMessageBox.Warning, QApplication.translate("app", "The library cannot be opened"), rich_literal(str(exc)))
    open_button = box.addButton(QApplication.translate("app", "Open another library…"), QMessageBox.AcceptRole)
    new_button = None
    if getattr(exc, "code", "") in ("damaged", "library", "cannot_open"):
        new_button = box.addButton(QApplication.translate("app", "Start a new library (keep the old file)"), QMessageBox.DestructiveRole)
    box.addButton(QApplication.translate("app", "Quit"), QMessageBox.RejectRole)
    box.exec()
    if box.clickedButton() is open_button:
        other, _ = QFileDialog.getOpenFileName(None, QApplication.translate("app", "Open library"), "",
                                               QApplication.translate("app", "hbviewer library (*.sqlite3);;All files (*)"))
        return ("open", other) if other else ("quit", None)
    if new_button is not None and box.clickedButton() is new_button:
        return "new", None
    return "quit", None


def offer_samples(controller, window, seeds) -> bool:
    """On a library's first opening, fill it with the bundled sample articles (once)."""
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
    parser.add_argument("--library", help="library file to open (default: the user's library)")
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

    path = Path(args.library) if args.library else (settings.library_path or default_library_path())
    controller = open_library(path, settings)
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
