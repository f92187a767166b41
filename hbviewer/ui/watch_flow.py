"""The watched folder: files saved there are imported in the background, and said in the status bar
(and by a notification where the desktop has a system tray).

The core's :class:`~hbviewer.core.watching.FolderWatcher` finds the files that have settled, on a
thread of its own; they cross to the window's thread as a signal and go through the import flow's
workers like any import, with its handling of a full disk or a damaged library.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from ..core.model import ImportReport
from ..core.watching import SETTLE_SECONDS, FolderWatcher
from .controller import LibraryController
from .import_flow import ImportFlow
from .messages import failure_text

NAMES_SHOWN = 3  # files named in the status bar; the rest are counted
TRAY_LINES = 6
TRAY_MS = 8000


class WatchFlow(QObject):
    statusMessage = Signal(str)
    imported = Signal(object)  # the ImportReport of files from the watched folder
    _ready = Signal(list)  # from the watcher's thread: files that have settled
    _folder = Signal(str, str)  # from the watcher's threads: the folder went missing, came back …

    def __init__(self, controller: LibraryController, import_flow: ImportFlow, parent: QWidget):
        super().__init__(parent)
        self.controller = controller
        self.import_flow = import_flow
        self.settle = SETTLE_SECONDS
        self.watcher: FolderWatcher | None = None
        self.tray: QSystemTrayIcon | None = None
        self._ready.connect(self._import, Qt.QueuedConnection)
        self._folder.connect(self._folder_changed, Qt.QueuedConnection)

    @property
    def folder(self) -> str:
        return str(self.watcher.folder) if self.watcher is not None else ""

    def watch(self, folder: str) -> None:
        """Watch ``folder`` from now on (its files already there included); "" stops watching."""
        folder = (folder or "").strip()
        if self.watcher is not None and folder and Path(folder).absolute() == self.watcher.folder:
            return
        self.stop()
        if not folder:
            return
        if self.controller.read_only:
            self.statusMessage.emit(self.tr(
                "The library is read-only: files saved in the watched folder are not imported."))
            return
        self.watcher = FolderWatcher(folder, self._ready.emit, on_status=self._folder.emit, settle=self.settle)
        self.watcher.start()
        self._show_tray()
        if not self.watcher.missing:
            self.statusMessage.emit(self.tr("Watching %1: files saved there are imported.")
                                    .replace("%1", str(self.watcher.folder)))

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        if self.tray is not None:
            self.tray.hide()

    # -- what the watcher found ---------------------------------------------------------------
    def _import(self, paths: list) -> None:
        if self.watcher is None:
            return  # stopped meanwhile: these files wait for the next watch
        self.import_flow.import_unattended(paths, self._report)

    def _report(self, report: ImportReport) -> None:
        self.imported.emit(report)
        done = [f for f in report.files if f.status in ("imported", "replaced")]
        failed = report.failed
        if not done and not failed:
            return  # touched, or copied again: nothing new
        parts = []
        if done:
            names = list(dict.fromkeys(Path(f.path.split("!/")[0]).name for f in done))  # an archive once
            shown = ", ".join(names[:NAMES_SHOWN])
            if len(names) > NAMES_SHOWN:
                shown += " " + self.tr("and %n more", "", len(names) - NAMES_SHOWN)
            parts.append(self.tr("From the watched folder: %1 imported (%n article(s) added).", "",
                                 report.articles_added).replace("%1", shown))
        if failed:
            first = failure_text(failed[0])
            parts.append(self.tr("Not imported: %1").replace("%1", first) if len(failed) == 1 else
                         self.tr("%n file(s) not imported, among them: %1", "", len(failed)).replace("%1", first))
        self.statusMessage.emit("  ".join(parts))
        lines = [self.tr("%1: %n article(s)", "", f.articles).replace("%1", Path(f.path).name) for f in done]
        lines += [failure_text(f) for f in failed]
        self._notify(self.tr("Imported from the watched folder") if not failed else
                     self.tr("The watched folder: some files were not imported"), lines)

    def _folder_changed(self, what: str, details: str) -> None:
        folder = self.folder or details
        if what == "missing":
            message = self.tr("The watched folder %1 is not there any more; its files are imported when it "
                              "is back.").replace("%1", folder)
        elif what == "back":
            message = self.tr("The watched folder %1 is back: watching it again.").replace("%1", folder)
        else:
            message = self.tr("The folder %1 cannot be watched (%2); trying again every few seconds.") \
                .replace("%1", folder).replace("%2", details)
        self.statusMessage.emit(message)
        self._notify(self.tr("The watched folder"), [message])

    # -- the system tray, where there is one --------------------------------------------------
    def _show_tray(self) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray is None:
            self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
            self.tray.setToolTip("hbviewer")
            self.tray.activated.connect(self._bring_window_up)
        self.tray.show()

    def _bring_window_up(self, *_args) -> None:
        window = self.parent()
        window.showNormal()
        window.raise_()
        window.activateWindow()

    def _notify(self, title: str, lines: list[str]) -> None:
        if self.tray is None or not self.tray.isVisible() or not QSystemTrayIcon.supportsMessages():
            return
        more = len(lines) - TRAY_LINES
        text = "\n".join(lines[:TRAY_LINES]) + (("\n" + self.tr("and %n more", "", more)) if more > 0 else "")
        self.tray.showMessage(title, text, QSystemTrayIcon.Information, TRAY_MS)
