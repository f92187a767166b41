"""The saved searches beside the library list: open one, save the current search, delete one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QInputDialog, QLabel, QListView, QPushButton, QVBoxLayout, QWidget,
)

from .keep_models import SavedSearchModel


class SavedSearchPanel(QWidget):
    opened = Signal(object)  # the SavedSearch, or None for the bookmarked articles
    saveWanted = Signal(str)  # a name for the current search
    deleteWanted = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = SavedSearchModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.list.clicked.connect(lambda index: self.opened.emit(self.model.saved_at(index.row())))
        self.save_button = QPushButton(self.tr("Save search…"), self)
        self.save_button.clicked.connect(self.ask_name)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Saved searches"), self), 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)

    def ask_name(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save search"),
                                        self.tr("Name of the search (kept in the library, for everyone who uses it):"))
        if ok and name.strip():
            self.saveWanted.emit(name.strip())

    def _delete(self) -> None:
        index = self.list.currentIndex()
        saved = self.model.saved_at(index.row()) if index.isValid() else None
        if saved is not None:
            self.deleteWanted.emit(saved.name)

    def set_read_only(self, read_only: bool) -> None:
        self.save_button.setEnabled(not read_only)
        self.delete_button.setEnabled(not read_only)
