"""The dialogs of a library's safety: its backups to restore from, and what to do with a damaged file."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox, QTableView, QVBoxLayout,
    QWidget,
)

from .roles import ALIGNMENT, ALIGN_RIGHT, DISPLAY, HORIZONTAL, TOOLTIP
from .safe_text import rich_literal

BEFORE_RESTORE = "before-restore"  # the tag of the copy a restore keeps of the file it replaced


def data_size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1)


class BackupsModel(QAbstractTableModel):
    """The backups of a library file (``Backup`` rows, newest first): date, articles, size, a note."""

    MADE, ARTICLES, SIZE, NOTE = range(4)

    def __init__(self, backups=(), parent=None):
        super().__init__(parent)
        self._rows = list(backups)

    def set_backups(self, backups) -> None:
        self.beginResetModel()
        self._rows = list(backups)
        self.endResetModel()

    def backup(self, row: int):
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation == HORIZONTAL and role == DISPLAY:
            return (self.tr("Made"), self.tr("Articles"), self.tr("Size"), self.tr("Note"))[section]
        return None

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        backup = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            if column == self.MADE:
                return backup.made.strftime("%Y-%m-%d %H:%M:%S")
            if column == self.ARTICLES:
                return self.tr("unreadable") if backup.articles is None else str(backup.articles)
            if column == self.SIZE:
                return data_size(backup.size)
            return self.note(backup)
        if role == ALIGNMENT and column in (self.ARTICLES, self.SIZE):
            return ALIGN_RIGHT
        if role == TOOLTIP:
            return str(backup.path)
        return None

    def note(self, backup) -> str:
        if backup.articles is None:
            return self.tr("Damaged: cannot be restored")
        if backup.tag == BEFORE_RESTORE:
            return self.tr("The library as it was before a restore")
        return ""


class RestoreDialog(QDialog):
    """File → Restore from backup…: the backups listed, the one chosen asked for through ``restoreWanted``."""

    restoreWanted = Signal(object)  # the Backup chosen

    def __init__(self, library_name: str, folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self._library_name = library_name
        self.model = BackupsModel(parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._restore)
        self.intro = QLabel(rich_literal(self.tr(
            "Backups of %1, newest first, kept in %2. Restoring puts the chosen backup in the library's "
            "place; the library as it is now is kept as a backup first, so a restore can be undone.")
            .replace("%1", library_name).replace("%2", folder)), self)
        self.intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        self.restore_button = self.buttons.addButton(self.tr("Restore"), QDialogButtonBox.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self._restore)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(640, 380)

    def set_backups(self, backups) -> None:
        self.model.set_backups(backups)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        usable = [row for row in range(self.model.rowCount()) if self.model.backup(row).articles is not None]
        if usable:
            self.table.selectRow(usable[0])
        elif not backups:
            self.intro.setText(rich_literal(self.tr(
                "There are no backups of %1 yet: one is made after an import (at most every 30 minutes) "
                "and when the window closes.").replace("%1", self._library_name)))
        self._selection_changed()

    def chosen(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup(rows[0].row()) if rows else None

    def _selection_changed(self, *_args) -> None:
        backup = self.chosen()
        self.restore_button.setEnabled(backup is not None and backup.articles is not None)

    def _restore(self, *_args) -> None:
        backup = self.chosen()
        if backup is not None and backup.articles is not None:
            self.restoreWanted.emit(backup)
            self.accept()


class DamageBox(QMessageBox):
    """A damaged library: restore the latest good backup, recover what can be read, or keep it read-only."""

    chosen = Signal(str)  # "restore", "recover" or "keep"

    def __init__(self, message: str, can_restore: bool, parent: QWidget | None = None):
        super().__init__(QMessageBox.Warning, self.tr("The library is damaged"), "", QMessageBox.NoButton, parent)
        self.setText(rich_literal(self.tr(
            "Parts of the library file cannot be read. Nothing more is written to it: searching and reading "
            "what can be read still work. Restore the latest good backup, or copy what can be read into a new "
            "library; the damaged file is kept as it is.")))
        self.setDetailedText(message)  # what was found, in the core's words, for whoever looks into it
        self.restore_button = self.addButton(self.tr("Restore the latest good backup"), QMessageBox.AcceptRole)
        self.restore_button.setEnabled(can_restore)
        if not can_restore:
            self.restore_button.setToolTip(self.tr("There is no backup of this library to restore."))
        self.recover_button = self.addButton(self.tr("Recover what can be read into a new library…"),
                                             QMessageBox.ActionRole)
        self.keep_button = self.addButton(self.tr("Keep it read-only"), QMessageBox.RejectRole)
        self.setDefaultButton(self.restore_button if can_restore else self.recover_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button) -> None:
        if button is self.restore_button:
            self.chosen.emit("restore")
        elif button is self.recover_button:
            self.chosen.emit("recover")
        else:
            self.chosen.emit("keep")
