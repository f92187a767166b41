"""Preferences: which library file to open, and the interface language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QWidget,
)

from ..paths import default_library_path
from .settings import AppSettings


class PreferencesDialog(QDialog):
    def __init__(self, settings: AppSettings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.library_edit = QLineEdit(str(settings.library_path or default_library_path()), self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_library)
        row = QWidget(self)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.library_edit, 1)
        row_layout.addWidget(browse)
        self.language_box = QComboBox(self)
        for code, label in (("system", self.tr("As the system")), ("zh_CN", "中文"), ("en", "English")):
            self.language_box.addItem(label, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(settings.language)))
        form = QFormLayout(self)
        form.addRow(self.tr("Library file:"), row)
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow(QLabel(self.tr("Changes take effect when hbviewer starts again."), self))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _choose_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Library file"), self.library_edit.text(), self.tr("hbviewer library (*.sqlite3)"),
            options=QFileDialog.DontConfirmOverwrite)
        if path:
            self.library_edit.setText(path)

    def accept(self) -> None:
        text = self.library_edit.text().strip()
        self.settings.library_path = None if not text or Path(text) == default_library_path() else Path(text)
        self.settings.language = self.language_box.currentData()
        self.settings.sync()
        super().accept()
