"""Exporting: what to export (the library, the search results, a region; every figure or the reviewed
ones), where to, and the written workbook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .controller import LibraryController
from .dialogs import open_warning
from .library_pane import LibraryPane
from .region_panel import RegionPanel
from .safe_text import rich_literal
from .settings import AppSettings
from .tasks import CalmProgress


class ExportFlow(QObject):
    finished = Signal(object)  # the workbook's path, or None when it failed
    statusMessage = Signal(str)

    def __init__(self, controller: LibraryController, settings: AppSettings, library_pane: LibraryPane,
                 region_panel: RegionPanel, parent: QWidget):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.library_pane = library_pane
        self.region_panel = region_panel
        self._widget = parent  # what the dialogs and the progress belong to
        self.written_box: QMessageBox | None = None

    def scopes(self) -> list[tuple[str, object]]:
        from dataclasses import replace as copy_with

        from ..core.briefing.summary import SummaryScope

        scopes = [(self.tr("The whole library"), SummaryScope())]
        shown = getattr(self.library_pane, "shown_query", None)
        if shown is not None and (shown.text or shown.article_ids is not None):
            query = copy_with(shown, limit=None, offset=0)
            scopes.append((self.tr("The current search results"), SummaryScope(query=query)))
        region = self.region_panel.current_region()
        if region:
            scopes.append((self.tr("The selected region"), SummaryScope(region_codes=(region,))))
        return scopes

    def export_briefing(self) -> None:
        """Ask what to export (opened, not run in a loop of its own), then where to."""
        from .export_dialog import ExportDialog

        dialog = self.dialog = ExportDialog(self.scopes(), self._widget)
        dialog.accepted.connect(lambda: self._choose_file(dialog.chosen()))
        dialog.open()

    def _choose_file(self, scope) -> None:
        start = str(Path(self.settings.last_export_folder or Path.home()) / "briefing.xlsx")
        path, _ = QFileDialog.getSaveFileName(self._widget, self.tr("Export briefing"), start,
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.settings.last_export_folder = str(Path(path).parent)
            self.export_to(path, scope)

    def export_to(self, path: str, scope, per_region_sheets: bool = False):
        def work(lib, _progress, _stop):
            from ..core.extract.analysis import refresh_stale
            from ..core.briefing.excel import write_workbook
            from ..core.briefing.summary import build_summary

            if not lib.read_only:  # after an upgrade, a large library is analysed in worker processes
                refresh_stale(lib, make_pool=self.controller.import_pool)
            return write_workbook(build_summary(lib, scope), path, per_region_sheets=per_region_sheets)

        def failed(message, details):
            self.finished.emit(None)
            self._warning_box = open_warning(self._widget, self.tr("The briefing was not written"), message)

        task = self.controller.run(work, self._exported, failed)
        if task is not None:
            self.progress = CalmProgress(self._widget, self.tr("Writing the briefing…"), task)
        return task

    def _exported(self, path) -> None:
        self.finished.emit(path)
        self.statusMessage.emit(self.tr("Briefing written: %1").replace("%1", str(path)))
        box = QMessageBox(QMessageBox.Information, self.tr("Briefing written"),
                          rich_literal(str(path)), QMessageBox.Close, self._widget)
        open_button = box.addButton(self.tr("Open folder"), QMessageBox.ActionRole)
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent))))
        box.open()
        self.written_box = box
