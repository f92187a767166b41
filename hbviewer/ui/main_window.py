"""The main window: composes the panes and wires their signals; nothing more.

What the window does is in small pieces beside it, each given only what it
needs: ``menus`` (the actions, menu bar and toolbar), ``status_bar``,
``reading_flow`` (showing an article), ``region_flow`` (the region panel's
counts and the list filtered to a region), ``import_flow``, ``export_flow``,
``briefing_flow`` (the Word briefing dialog), ``watch_flow`` (the watched
folder), ``safety_flow`` (backups, checks, a damaged library), ``keep_flow``
(tags, notes, bookmarks and saved searches: ``keep_panel`` under the article,
``saved_panel`` under the list), ``refresh_flow`` (F5, and what others
changed shown every few seconds), ``corrections_ui`` (figure corrections, undo,
the review queue) and ``article_fix_flow`` (an article's title, date, regions;
merge, split).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter

from .article_fix_flow import ArticleFixActions, ArticleFixFlow
from .article_view import ArticleView
from .briefing_flow import BriefingFlow
from .controller import LibraryController
from .corrections_ui import WindowCorrections
from .dialogs import open_warning
from .export_flow import ExportFlow
from .import_flow import ImportFlow
from .keep_flow import KeepFlow
from .keep_panel import KeepPanel
from .library_pane import LibraryPane
from .menus import WindowMenus
from .reading_flow import ReadingFlow
from .refresh_flow import RefreshFlow
from .region_flow import RegionFlow
from .region_panel import RegionPanel
from .safety_flow import SafetyFlow
from .saved_panel import SavedSearchPanel
from .safe_text import rich_literal
from .settings import AppSettings
from .status_bar import WindowStatus
from .watch_flow import WatchFlow


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
        self.keep_panel = KeepPanel(self.article_view, self)
        self.saved_panel = SavedSearchPanel(self)
        self.splitter = QSplitter(Qt.Horizontal, self)
        self.splitter.addWidget(self._column(self.library_pane, self.saved_panel, 5))
        self.splitter.addWidget(self._column(self.article_view, self.keep_panel, 3))
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
        self._keep_names()

        self.reading_flow = ReadingFlow(controller, self.article_view, self.library_pane, self)
        self.region_flow = RegionFlow(controller, self.region_panel, self.library_pane, self)
        self.import_flow = ImportFlow(controller, settings, self)
        self.export_flow = ExportFlow(controller, settings, self.library_pane, self.region_panel, self)
        self.safety_flow = SafetyFlow(controller, settings, self.menus, self.status, self)
        self.briefing_flow = BriefingFlow(controller, settings, self.library_pane, self)
        self.watch_flow = WatchFlow(controller, self.import_flow, self)
        self.keep_flow = KeepFlow(controller, self.keep_panel, self.library_pane, self.saved_panel, self)
        self.corrections = WindowCorrections(self)  # undo stack, figure actions, review queue
        self.article_fix_flow = ArticleFixFlow(controller, self.reading_flow, self)
        self.article_fix_actions = ArticleFixActions(self, self.article_fix_flow)
        self.refresh_flow = RefreshFlow(controller, self)
        self._connect_menus()
        self._connect_panes()
        self._restore()
        self.library_pane.set_recent(settings.recent_searches)
        self.watch_flow.watch(settings.watched_folder)
        self.library_pane.run_search()
        self.keep_flow.refresh_saved()
        self.refresh_flow.start()
        # The region tree (counts over every figure) waits for the first list to be shown:
        # built at the same time it would slow the start.
        self.library_pane.resultsChanged.connect(self._first_results)

    def _column(self, top, bottom, stretch: int) -> QSplitter:
        """A pane with a smaller one under it, the user sizing them."""
        column = QSplitter(Qt.Vertical, self)
        column.addWidget(top)
        column.addWidget(bottom)
        column.setStretchFactor(0, stretch)
        column.setStretchFactor(1, 1)
        return column

    def _keep_names(self) -> None:
        """The actions, menus and labels, where scripts and tests have always found them."""
        menus, status = self.menus, self.status
        self.import_files_action = menus.import_files_action
        self.import_folder_action = menus.import_folder_action
        self.export_action = menus.export_action
        self.preferences_action = menus.preferences_action
        self.quit_action = menus.quit_action
        self.find_action = menus.find_action
        self.next_hit_action = menus.next_hit_action
        self.previous_hit_action = menus.previous_hit_action
        self.about_action = menus.about_action
        self.file_menu = menus.file_menu
        self.edit_menu = menus.edit_menu
        self.help_menu = menus.help_menu
        self.toolbar = menus.toolbar
        self.results_label = status.results_label
        self.library_label = status.library_label
        self.location_label = status.location_label
        self.read_only_label = status.read_only_label

    def _connect_menus(self) -> None:
        menus = self.menus
        menus.import_files_action.triggered.connect(self.import_flow.choose_files)
        menus.import_folder_action.triggered.connect(self.import_flow.choose_folder)
        menus.export_action.triggered.connect(self.export_flow.export_briefing)
        menus.briefing_action.triggered.connect(self.briefing_flow.for_search)
        menus.preferences_action.triggered.connect(self.preferences)
        menus.quit_action.triggered.connect(self.close)
        menus.find_action.triggered.connect(self.library_pane.focus_search)
        menus.next_hit_action.triggered.connect(self.article_view.next_hit)
        menus.previous_hit_action.triggered.connect(self.article_view.previous_hit)
        menus.about_action.triggered.connect(self.about)
        menus.refresh_action.triggered.connect(self.refresh_flow.refresh)

    def _connect_panes(self) -> None:
        self.library_pane.articleSelected.connect(self.reading_flow.show_article)
        self.library_pane.resultsChanged.connect(self.status.show_counts)
        self.library_pane.search_box.returnPressed.connect(self._remember_search)
        self.controller.taskFailed.connect(self._task_failed)
        self.controller.libraryChanged.connect(self.region_flow.refresh_summary)
        self.region_panel.regionSelected.connect(self.region_flow.filter_by_region)
        self.region_panel.figureActivated.connect(self.reading_flow.open_figure)
        self.region_panel.viewWanted.connect(self.region_flow.show_region_view)
        self.region_panel.chartWanted.connect(self.region_flow.show_region_chart)
        self.region_panel.briefingWanted.connect(self.briefing_flow.for_regions)
        self.region_flow.summaryShown.connect(self.summaryShown)
        self.import_flow.finished.connect(self.importFinished)
        self.import_flow.finished.connect(self.safety_flow.imported)
        self.export_flow.finished.connect(self.exportFinished)
        for flow in (self.reading_flow, self.import_flow, self.export_flow, self.safety_flow, self.watch_flow,
                     self.keep_flow, self.article_fix_flow, self.refresh_flow):
            flow.statusMessage.connect(self.status.say)

    def _remember_search(self) -> None:
        self.settings.remember_search(self.library_pane.search_box.text())
        self.library_pane.set_recent(self.settings.recent_searches)

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

    def import_paths(self, paths, quiet: bool = False):
        return self.import_flow.import_paths(paths, quiet)

    def export_scopes(self) -> list[tuple[str, object]]:
        return self.export_flow.scopes()

    def export_to(self, path: str, scope, per_region_sheets: bool = False):
        return self.export_flow.export_to(path, scope, per_region_sheets)

    @property
    def _export_box(self) -> QMessageBox | None:
        """The box the last written briefing left open."""
        return self.export_flow.written_box

    # -- dialogs of its own --------------------------------------------------------------------
    def preferences(self) -> None:
        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        dialog.accepted.connect(lambda: self.watch_flow.watch(self.settings.watched_folder))
        dialog.open()
        self._preferences = dialog

    def about(self) -> None:
        from .. import __version__

        QMessageBox.about(self, self.tr("About hbviewer"), rich_literal(
            self.tr("hbviewer %1\nPolicy briefing viewer for Hebei news: articles, figures, regions.")
            .replace("%1", __version__)))

    def _task_failed(self, message: str, details: str) -> None:
        from .errors import log_error

        log_error(details)
        self._warning_box = open_warning(self, self.tr("Something went wrong"), message)

    # -- files dropped, and the window's place ---------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        self.import_flow.drag_entered(event)

    def dropEvent(self, event) -> None:
        self.import_flow.dropped(event)

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
        self.watch_flow.stop()
        self.refresh_flow.stop()
        self.corrections.closing()  # written before the backup on close
        self.safety_flow.closing()
        super().closeEvent(event)
