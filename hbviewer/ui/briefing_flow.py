"""Opening the Word briefing dialog: for regions (the region panel's ticks) or for the current search."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from .briefing_dialog import BriefingDialog
from .controller import LibraryController
from .library_pane import LibraryPane
from .settings import AppSettings


class BriefingFlow(QObject):
    dialogOpened = Signal(object)  # the BriefingDialog

    def __init__(self, controller: LibraryController, settings: AppSettings, library_pane: LibraryPane,
                 parent: QWidget):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.library_pane = library_pane
        self._widget = parent
        self.dialog: BriefingDialog | None = None

    def for_regions(self, regions: list[tuple[str, str]]) -> BriefingDialog:
        """A briefing of these (code, name) regions, each with the units under it; [] for the whole library."""
        return self._open(list(regions), None)

    def for_search(self) -> BriefingDialog:
        """A briefing of what the library list shows: its search and filters, every page of it."""
        shown = getattr(self.library_pane, "shown_query", None)
        query = None
        if shown is not None and (shown.text.strip() or shown.article_ids is not None
                                  or shown.date_from or shown.date_to):
            query = replace(shown, limit=None, offset=0)
        return self._open([], query)

    def _open(self, regions, query) -> BriefingDialog:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()  # one briefing dialog at a time
        self.dialog = BriefingDialog(self.controller, self.settings, regions, query, self._widget)
        self.dialog.open()
        self.dialogOpened.emit(self.dialog)
        return self.dialog
