"""The main window: composes the panes and wires their signals; nothing more."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter

from ..core.importer import import_paths
from ..core.model import ImportReport
from .article_view import ArticleView
from .controller import LibraryController
from .library_pane import LibraryPane
from .safe_text import rich_literal
from .settings import AppSettings
from .tasks import CalmProgress


class MainWindow(QMainWindow):
    importFinished = Signal(object)  # ImportReport

    def __init__(self, controller: LibraryController, settings: AppSettings, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.setWindowTitle(self.tr("hbviewer — policy briefing viewer"))
        self.setAcceptDrops(True)

        self.library_pane = LibraryPane(controller, self)
        self.article_view = ArticleView(self)
        self.side_panes: list = []
        self.splitter = QSplitter(Qt.Horizontal, self)
        self.splitter.addWidget(self.library_pane)
        self.splitter.addWidget(self.article_view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.setCentralWidget(self.splitter)

        self._build_actions()
        self.library_label = QLabel(self)
        self.results_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.results_label)
        self.statusBar().addPermanentWidget(self.library_label)

        self.library_pane.articleSelected.connect(self.show_article)
        self.library_pane.resultsChanged.connect(self._show_counts)
        self.library_pane.search_box.returnPressed.connect(
            lambda: self.settings.remember_search(self.library_pane.search_box.text()))
        controller.taskFailed.connect(self._task_failed)
        self._restore()
        self.library_pane.run_search()

    # -- building -------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.import_files_action = self._action(self.tr("Import &files…"), self.choose_files, QKeySequence.Open,
                                                self.tr("Import text files into the library"))
        self.import_folder_action = self._action(self.tr("Import f&older…"), self.choose_folder)
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.Quit)
        self.find_action = self._action(self.tr("&Find"), self.library_pane.focus_search, QKeySequence.Find)
        self.next_hit_action = self._action(self.tr("Next hit"), self.article_view.next_hit, QKeySequence.FindNext)
        self.previous_hit_action = self._action(self.tr("Previous hit"), self.article_view.previous_hit,
                                                QKeySequence.FindPrevious)
        self.about_action = self._action(self.tr("&About hbviewer"), self.about)

        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu.addAction(self.import_files_action)
        self.file_menu.addAction(self.import_folder_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        for action in (self.find_action, self.next_hit_action, self.previous_hit_action):
            self.edit_menu.addAction(action)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.about_action)

        self.toolbar = self.addToolBar(self.tr("Main"))
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.addAction(self.import_files_action)
        self.toolbar.addAction(self.find_action)

    def add_side_pane(self, widget) -> None:
        """A pane at the right of the splitter (the region summary)."""
        self.side_panes.append(widget)
        self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(self.splitter.count() - 1, 2)

    # -- reading ----------------------------------------------------------------------------
    def show_article(self, article_id: int, query=None) -> None:
        lib = self.controller.library()
        article = lib.article(article_id)
        if article is None:
            self.article_view.show_placeholder()
            return
        self.article_view.show_article(article, lib.figures(article_id), query)

    def _show_counts(self, found: int, total: int) -> None:
        self.results_label.setText(self.tr("%n result(s)", "", found))
        self.library_label.setText(self.tr("Library: %n article(s)", "", total))

    # -- importing --------------------------------------------------------------------------
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import files"), self.settings.last_folder,
            self.tr("Text files (*.txt *.md);;All files (*)"))
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
        def work(lib, progress, should_stop):
            return import_paths(lib, paths, progress=progress, should_stop=should_stop)

        task = self.controller.run(work, on_done=lambda report: self._imported(report, quiet))
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
            message += " " + self.tr("Import cancelled; the file being imported was not kept.")
        self.statusBar().showMessage(message, 10000)
        if failed and not quiet:
            details = "\n".join(f.error for f in failed)
            box = QMessageBox(QMessageBox.Warning, self.tr("Some files were not imported"),
                              rich_literal(message + "\n\n" + details), QMessageBox.Ok, self)
            box.open()
            self._error_box = box

    # -- drag and drop ----------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- the rest ---------------------------------------------------------------------------------
    def _task_failed(self, message: str, details: str) -> None:
        from .errors import log_error

        log_error(details)
        QMessageBox.warning(self, self.tr("Something went wrong"), rich_literal(message))

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

    def closeEvent(self, event) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter = self.splitter.saveState()
        self.settings.sync()
        super().closeEvent(event)
