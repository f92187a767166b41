"""The status bar: how many results and articles, where the library is, whether it is read-only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

MESSAGE_MS = 10000  # how long a passing message stays


class WindowStatus(QObject):
    def __init__(self, status_bar: QStatusBar):
        super().__init__(status_bar)
        self.status_bar = status_bar
        self.results_label = QLabel(status_bar)
        self.library_label = QLabel(status_bar)
        self.location_label = QLabel(status_bar)
        self.read_only_label = QLabel(self.tr("read-only"), status_bar)
        status_bar.addPermanentWidget(self.results_label)
        status_bar.addPermanentWidget(self.library_label)
        status_bar.addPermanentWidget(self.location_label)
        status_bar.addPermanentWidget(self.read_only_label)

    def say(self, message: str) -> None:
        self.status_bar.showMessage(message, MESSAGE_MS)

    def show_counts(self, found: int, total: int) -> None:
        self.results_label.setText(self.tr("%n result(s)", "", found))
        self.library_label.setText(self.tr("Library: %n article(s)", "", total))

    def show_library(self, location: str, is_server: bool, read_only: bool) -> None:
        """Where the library is (a server's address without its password), and whether it is read-only."""
        if is_server:
            self.location_label.setText(self.tr("Shared library: %1").replace("%1", location))
        else:
            self.location_label.setText(Path(location).name)
        self.location_label.setToolTip(location)
        self.read_only_label.setVisible(read_only)
        self.read_only_label.setToolTip(self.tr(
            "This library is read-only for you: searching, reading and exporting work, importing does not."))
