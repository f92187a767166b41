"""Importing: the file and folder dialogs, files dropped on the window, calm progress, and the report."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from ..core.importer import import_paths
from ..core.model import ImportReport
from .controller import LibraryController
from .dialogs import open_warning
from .messages import failure_text
from .settings import AppSettings
from .tasks import CalmProgress


class ImportFlow(QObject):
    finished = Signal(object)  # ImportReport
    statusMessage = Signal(str)

    def __init__(self, controller: LibraryController, settings: AppSettings, parent: QWidget):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._widget = parent  # what the dialogs and the progress belong to

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self._widget, self.tr("Import files"), self.settings.last_folder,
            self.tr("Pages and notices (*.txt *.md *.docx *.html *.htm *.shtml *.pdf *.zip);;All files (*)"))
        if files:
            self.settings.last_folder = str(Path(files[0]).parent)
            self.import_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._widget, self.tr("Import folder"), self.settings.last_folder)
        if folder:
            self.settings.last_folder = folder
            self.import_paths([folder])

    def import_paths(self, paths, quiet: bool = False):
        """Import in the background; a progress dialog shows only if it takes a while."""
        task = self._start(paths, quiet)
        if task is not None:
            self.progress = CalmProgress(self._widget, self.tr("Importing…"), task)
        return task

    def import_unattended(self, paths, on_report: Callable[[ImportReport], None]):
        """Import files no one asked for just now (the watched folder's): no progress dialog and no box
        listing the failures, ``on_report`` says what became of them; a full disk or a damaged library
        is said as for any import."""
        return self._start(paths, True, on_report)

    def _start(self, paths, quiet: bool, on_report: Callable[[ImportReport], None] | None = None):
        if self.controller.read_only:
            self._refuse()
            return None
        pool = self.controller.import_pool()

        def work(lib, progress, should_stop):
            return import_paths(lib, paths, progress=progress, should_stop=should_stop, pool=pool)

        def done(report: ImportReport) -> None:
            self._imported(report, quiet)
            if on_report is not None:
                on_report(report)

        return self.controller.run(work, on_done=done)

    def _imported(self, report: ImportReport, quiet: bool) -> None:
        self.controller.announce_change()
        self.finished.emit(report)
        failed = report.failed
        message = self.tr("%n article(s) added.", "", report.articles_added)
        if report.duplicates:
            message += " " + self.tr("%n already in the library.", "", report.duplicates)
        if report.cancelled:
            message += " " + self.tr("Import cancelled; the files imported before it are kept.")
        self.statusMessage.emit(message)
        if report.stopped_code == "damaged":
            self.controller.damage_met(report.stopped)  # the damage dialog says it, with a way out
        elif report.stopped:
            # A full disk, a lost server …: said once, not once for every file left.
            self._report_box = open_warning(self._widget, self.tr("The import stopped"), "\n\n".join((
                message, self.tr("Import the rest again once the cause below is put right; nothing is imported twice."),
                report.stopped)))
        elif failed and not quiet:
            details = "\n".join(failure_text(f) for f in failed)
            self._report_box = open_warning(self._widget, self.tr("Some files were not imported"),
                                            message + "\n\n" + details)

    # -- files dropped on the window -----------------------------------------------------------
    def drag_entered(self, event) -> None:
        if event.mimeData().hasUrls():
            if self.controller.read_only:
                self._refuse()
                event.ignore()
                return
            event.acceptProposedAction()

    def dropped(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.controller.read_only:
            self._refuse()
            event.ignore()
        elif paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def _refuse(self) -> None:
        if self.controller.damaged:
            self.statusMessage.emit(self.tr("The library is damaged: nothing more is written to it. Restore a "
                                            "backup (File menu) or recover it."))
            return
        self.statusMessage.emit(self.tr("The library is read-only for you: files cannot be imported into it."))
