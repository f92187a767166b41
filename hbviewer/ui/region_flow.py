"""The region panel's work: its tree, a region's figures, latest values and bars, and the list filtered to a region.

Each is computed in the background (pandas over every figure) and handed to the panel,
which only shows what arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from .controller import LibraryController
from .library_pane import LibraryPane
from .region_panel import RegionPanel


class RegionFlow(QObject):
    summaryShown = Signal()

    def __init__(self, controller: LibraryController, panel: RegionPanel, library_pane: LibraryPane,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.controller = controller
        self.panel = panel
        self.library_pane = library_pane

    def refresh_summary(self) -> None:
        """Recount the region tree in the background (and bring old analyses up to date)."""
        code = self.panel.current_region()

        def work(lib, _progress, _stop):
            from ..core.extract.analysis import refresh_stale
            from ..core.briefing.summary import region_latest, region_overview, region_view

            from ..core.store.metadata_refresh import metadata_due, refresh_metadata

            # read-only: shown as analysed
            refreshed = 0 if lib.read_only else refresh_stale(lib, make_pool=self.controller.import_pool)
            if not lib.read_only and metadata_due(lib):  # once, for a library older than the metadata rules
                refreshed += refresh_metadata(lib)
            overview = region_overview(lib)
            return overview, region_view(lib, overview, code), region_latest(lib, code), refreshed

        def show(result):
            overview, view, latest, refreshed = result
            self.panel.set_overview(overview, view)
            self.panel.show_latest(code, latest)
            if refreshed:  # figures and regions were brought up to date: the list shows them
                self.library_pane.run_search()
            self.summaryShown.emit()

        self.controller.run(work, show)

    def show_region_view(self, code) -> None:
        """A region's figures for the panel."""
        overview = self.panel.overview
        if overview is None:
            return

        def work(lib, _progress, _stop):
            from ..core.briefing.summary import region_latest, region_view

            return region_view(lib, overview, code), region_latest(lib, code)

        def show(result):
            view, latest = result
            self.panel.show_view(view)
            self.panel.show_latest(code, latest)

        self.controller.run(work, show)

    def show_region_chart(self, codes, indicator: str) -> None:
        def work(lib, _progress, _stop):
            from ..core.briefing.summary import indicator_bars

            return indicator_bars(lib, codes, indicator)

        self.controller.run(work, lambda result: self.panel.show_chart(codes, indicator, *result))

    def filter_by_region(self, code) -> None:
        if code is None:
            self.library_pane.set_filter(article_ids=None)
            return

        def work(lib, _progress, _stop):
            from ..core.briefing.summary import articles_of_region

            return articles_of_region(lib, code)

        def show(ids):
            if self.panel.current_region() == code:  # not an answer to an older click
                self.library_pane.set_filter(article_ids=tuple(sorted(ids)))

        self.controller.run(work, show)
