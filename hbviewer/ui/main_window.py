"""The main window: composes the panes and wires their signals; nothing more."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox, QSplitter

from ..core.importer import import_paths
from ..core.model import ImportReport
from .article_view import ArticleView
from .controller import LibraryController
from .library_pane import LibraryPane
from .menus import WindowMenus
from .messages import failure_text
from .reading_flow import ReadingFlow
from .region_flow import RegionFlow
from .region_panel import RegionPanel
from .safe_text import rich_literal
from .settings import AppSettings
from .status_bar import WindowStatus
from .tasks import CalmProgress


class MainWindow(QMainWindow):
    importFinished = Signal(object)  # ImportReport
    summaryShown = Signal()
    exportFinished = Signal(object)  # the workbook's path, or None when it failed

    def __init__(self, controller: LibraryController, settings: AppSettings, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.setWindowTitle(self.tr("hbviewer — policy briefing viewer"))
        self.setAcceptDrops(True)

        self.library_pane = LibraryPane(controller, self)
        self.article_view = ArticleView(self)
        self.region_panel = RegionPanel(self)
        self.splitter = QSplitter(Qt.Horizontal, self)
        self.splitter.addWidget(self.library_pane)
        self.splitter.addWidget(self.article_view)
        self.splitter.addWidget(self.region_panel)
        for pane, stretch in ((0, 3), (1, 4), (2, 3)):
            self.splitter.setStretchFactor(pane, stretch)
        self.setCentralWidget(self.splitter)

        self.menus = WindowMenus(self)
        self.setMenuBar(self.menus.menu_bar)
        self.addToolBar(self.menus.toolbar)
        self.status = WindowStatus(self.statusBar())
        self.status.show_library(str(controller.path), controller.is_server, controller.read_only)
        self.menus.set_read_only(controller.read_only)
        # Where scripts and tests have always found them.
        self.file_menu = self.menus.file_menu
        self.import_files_action = self.menus.import_files_action
        self.import_folder_action = self.menus.import_folder_action
        self.export_action = self.menus.export_action
        self.find_action = self.menus.find_action
        self.library_label = self.status.library_label
        self.location_label = self.status.location_label
        self.read_only_label = self.status.read_only_label

        self.reading_flow = ReadingFlow(controller, self.article_view, self.library_pane, self)
        self.region_flow = RegionFlow(controller, self.region_panel, self.library_pane, self)
        self._connect_menus()
        self._connect_panes()
        self._restore()
        self.library_pane.run_search()
        # The region tree (counts over every figure) waits for the first list to be shown:
        # built at the same time it would slow the start.
        self.library_pane.resultsChanged.connect(self._first_results)

    def _connect_menus(self) -> None:
        menus = self.menus
        menus.import_files_action.triggered.connect(self.choose_files)
        menus.import_folder_action.triggered.connect(self.choose_folder)
        menus.export_action.triggered.connect(self.export_briefing)
        menus.preferences_action.triggered.connect(self.preferences)
        menus.quit_action.triggered.connect(self.close)
        menus.find_action.triggered.connect(self.library_pane.focus_search)
        menus.next_hit_action.triggered.connect(self.article_view.next_hit)
        menus.previous_hit_action.triggered.connect(self.article_view.previous_hit)
        menus.about_action.triggered.connect(self.about)

    def _connect_panes(self) -> None:
        self.library_pane.articleSelected.connect(self.reading_flow.show_article)
        self.library_pane.resultsChanged.connect(self.status.show_counts)
        self.library_pane.search_box.returnPressed.connect(
            lambda: self.settings.remember_search(self.library_pane.search_box.text()))
        self.controller.taskFailed.connect(self._task_failed)
        self.controller.libraryChanged.connect(self.region_flow.refresh_summary)
        self.region_panel.regionSelected.connect(self.region_flow.filter_by_region)
        self.region_panel.figureActivated.connect(self.reading_flow.open_figure)
        self.region_panel.viewWanted.connect(self.region_flow.show_region_view)
        self.region_panel.chartWanted.connect(self.region_flow.show_region_chart)
        self.region_flow.summaryShown.connect(self.summaryShown)
        self.reading_flow.statusMessage.connect(self.status.say)

    def _first_results(self, *_args) -> None:
        self.library_pane.resultsChanged.disconnect(self._first_results)
        self.refresh_summary()

    # -- what scripts and tests ask of the window ----------------------------------------------
    def show_article(self, article_id: int, query=None) -> None:
        self.reading_flow.show_article(article_id, query)

    def open_figure(self, article_id: int, start: int, end: int) -> None:
        self.reading_flow.open_figure(article_id, start, end)

    def refresh_summary(self) -> None:
        self.region_flow.refresh_summary()

    # -- importing --------------------------------------------------------------------------
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import files"), self.settings.last_folder,
            self.tr("Pages and notices (*.txt *.md *.docx *.html *.htm *.shtml *.pdf *.zip);;All files (*)"))
        if files:
            self.settings.last_folder = str(Path(files[0]).parent)
            self.import_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import folder"), self.settings.last_folder)
        if folder:
            self.settings.last_folder = folder
            self.import_paths([folder])

    def import_paths(self, paths, quiet: bool = False):
        """Import in the background; a progress dialog shows only if it takes a while."""
        if self.controller.read_only:
            self._refuse_import()
            return None
        pool = self.controller.import_pool()

        def work(lib, progress, should_stop):
            return import_paths(lib, paths, progress=progress, should_stop=should_stop, pool=pool)

        task = self.controller.run(work, on_done=lambda report: self._imported(report, quiet))
        if task is not None:
            self.progress = CalmProgress(self, self.tr("Importing…"), task)
        return task

    def _imported(self, report: ImportReport, quiet: bool) -> None:
        self.controller.announce_change()
        self.importFinished.emit(report)
        failed = report.failed
        message = self.tr("%n article(s) added.", "", report.articles_added)
        if report.duplicates:
            message += " " + self.tr("%n already in the library.", "", report.duplicates)
        if report.cancelled:
            message += " " + self.tr("Import cancelled; the files imported before it are kept.")
        self.status.say(message)
        if failed and not quiet:
            details = "\n".join(failure_text(f) for f in failed)
            box = QMessageBox(QMessageBox.Warning, self.tr("Some files were not imported"),
                              rich_literal(message + "\n\n" + details), QMessageBox.Ok, self)
            box.open()
            self._error_box = box

    # -- exporting --------------------------------------------------------------------------------
    def export_scopes(self) -> list[tuple[str, object]]:
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
        scopes = self.export_scopes()
        labels = [label for label, _ in scopes]
        label, ok = QInputDialog.getItem(self, self.tr("Export briefing"), self.tr("Export:"), labels, 0, False)
        if not ok:
            return
        scope = dict(scopes)[label]
        start = str(Path(self.settings.last_export_folder or Path.home()) / "briefing.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export briefing"), start,
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.settings.last_export_folder = str(Path(path).parent)
            self.export_to(path, scope)

    def export_to(self, path: str, scope, per_region_sheets: bool = False):
        def work(lib, _progress, _stop):
            from ..core.extract.analysis import refresh_stale
            from ..core.briefing.excel import write_workbook
            from ..core.briefing.summary import build_summary

            if not lib.read_only:
                refresh_stale(lib)
            return write_workbook(build_summary(lib, scope), path, per_region_sheets=per_region_sheets)

        def failed(message, details):
            self.exportFinished.emit(None)
            self._warn(self.tr("The briefing was not written"), message)

        task = self.controller.run(work, self._exported, failed)
        if task is not None:
            self.export_progress = CalmProgress(self, self.tr("Writing the briefing…"), task)
        return task

    def _exported(self, path) -> None:
        self.exportFinished.emit(path)
        self.status.say(self.tr("Briefing written: %1").replace("%1", str(path)))
        box = QMessageBox(QMessageBox.Information, self.tr("Briefing written"),
                          rich_literal(str(path)), QMessageBox.Close, self)
        open_button = box.addButton(self.tr("Open folder"), QMessageBox.ActionRole)
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent))))
        box.open()
        self._export_box = box

    def preferences(self) -> None:
        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        dialog.open()
        self._preferences = dialog

    # -- drag and drop ----------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            if self.controller.read_only:
                self._refuse_import()
                event.ignore()
                return
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.controller.read_only:
            self._refuse_import()
            event.ignore()
        elif paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- the rest ---------------------------------------------------------------------------------
    def _task_failed(self, message: str, details: str) -> None:
        from .errors import log_error

        log_error(details)
        self._warn(self.tr("Something went wrong"), message)

    def _warn(self, title: str, message: str) -> None:
        """A warning that leaves the window usable behind it (not a nested event loop)."""
        box = QMessageBox(QMessageBox.Warning, title, rich_literal(message), QMessageBox.Ok, self)
        box.open()
        self._warning_box = box

    def _refuse_import(self) -> None:
        self.status.say(self.tr("The library is read-only for you: files cannot be imported into it."))

    def about(self) -> None:
        from .. import __version__

        QMessageBox.about(self, self.tr("About hbviewer"), rich_literal(
            self.tr("hbviewer %1\nPolicy briefing viewer for Hebei news: articles, figures, regions.")
            .replace("%1", __version__)))

    def _restore(self) -> None:
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(1280, 800)
        if self.settings.window_state is not None:
            self.restoreState(self.settings.window_state)
        if self.settings.splitter is not None:
            self.splitter.restoreState(self.settings.splitter)
        else:
            width = self.width()
            self.splitter.setSizes([int(width * 0.36), int(width * 0.38), int(width * 0.26)])

    def closeEvent(self, event) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter = self.splitter.saveState()
        self.settings.sync()
        super().closeEvent(event)
