"""Preferences: which library to open (a file, or a shared library on a server), the language, and the
watched folder (whose new files are imported as they appear).

A server's address is stored without a password; a password typed here, or
written into the address, goes to the system keyring instead.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPushButton, QRadioButton, QWidget,
)

from ..core.store.credentials import forget_password, remember_password
from ..core.store.errors import LibraryError
from ..core.store.locations import display_location, is_server_location
from ..core.store.maintenance import backups_folder, backups_summary
from ..paths import default_library_path
from .safe_text import rich_literal
from .settings import AppSettings

SERVER_PLACEHOLDER = "postgresql://user@server:5432/hbviewer"


def password_in_address(address: str) -> str | None:
    """The password written into a server's address (``user:password@`` or ``?password=``), if any."""
    parts = urlsplit(address.strip())
    if "@" in parts.netloc:
        credentials = parts.netloc.rsplit("@", 1)[0]
        if ":" in credentials:
            return unquote(credentials.split(":", 1)[1])
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() == "password":
            return value
    return None


def _row(*widgets, stretch_first: bool = True) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for i, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if i == 0 and stretch_first else 0)
    return row


class PreferencesDialog(QDialog):
    def __init__(self, settings: AppSettings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))

        self.file_choice = QRadioButton(self.tr("Library file:"), self)
        self.library_edit = QLineEdit(str(settings.library_path or default_library_path()), self)
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.clicked.connect(self._choose_library)

        self.server_choice = QRadioButton(self.tr("Shared library on a server:"), self)
        self.server_edit = QLineEdit(settings.library_server, self)
        self.server_edit.setPlaceholderText(SERVER_PLACEHOLDER)
        self.server_edit.setToolTip(self.tr(
            "The address of a PostgreSQL database that several people share, for example %1")
            .replace("%1", SERVER_PLACEHOLDER))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.Password)
        self.password_edit.setPlaceholderText(self.tr("Optional: kept in the system keyring, not in the settings"))
        self.forget_button = QPushButton(self.tr("Forget the saved password"), self)
        self.forget_button.clicked.connect(self.forget_saved_password)
        self.password_note = QLabel(self)
        self.password_note.hide()  # shown once a password has been forgotten

        self.language_box = QComboBox(self)
        for code, label in (("system", self.tr("As the system")), ("zh_CN", "中文"), ("en", "English")):
            self.language_box.addItem(label, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(settings.language)))

        form = QFormLayout(self)
        form.addRow(self.file_choice, _row(self.library_edit, self.browse_button))
        form.addRow(self.server_choice, self.server_edit)
        form.addRow(self.tr("Password:"), _row(self.password_edit, self.forget_button))
        form.addRow(self.password_note)
        self.backups_label = QLabel(self)
        self.backups_label.setWordWrap(True)
        self.library_edit.textChanged.connect(self._show_backups)
        form.addRow(self.tr("Backups:"), self.backups_label)
        form.addRow(self.tr("Language:"), self.language_box)
        self._watched_folder_row(form)
        form.addRow(QLabel(self.tr("Changes take effect when hbviewer starts again."), self))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

        self.file_choice.toggled.connect(self._kind_changed)
        self.server_choice.toggled.connect(self._kind_changed)
        (self.server_choice if settings.library_kind == "server" else self.file_choice).setChecked(True)
        self._kind_changed()
        self.setMinimumWidth(560)

    def _watched_folder_row(self, form: QFormLayout) -> None:
        self.watched_edit = QLineEdit(self.settings.watched_folder, self)
        self.watched_edit.setPlaceholderText(self.tr("None"))
        self.watched_edit.setToolTip(self.tr(
            "Files saved in this folder (pages, notices, .zip archives) are imported as they appear; "
            "this takes effect at once."))
        self.watched_choose = QPushButton(self.tr("Choose…"), self)
        self.watched_choose.clicked.connect(self._choose_watched_folder)
        self.watched_clear = QPushButton(self.tr("Clear"), self)
        self.watched_clear.clicked.connect(self.watched_edit.clear)
        form.addRow(self.tr("Watched folder:"), _row(self.watched_edit, self.watched_choose, self.watched_clear))

    def _choose_watched_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Watched folder"),
                                                  self.watched_edit.text() or self.settings.last_folder)
        if folder:
            self.watched_edit.setText(folder)

    def _kind_changed(self, *_args) -> None:
        server = self.server_choice.isChecked()
        for widget in (self.library_edit, self.browse_button):
            widget.setEnabled(not server)
        for widget in (self.server_edit, self.password_edit, self.forget_button):
            widget.setEnabled(server)
        self._show_backups()

    def _show_backups(self, *_args) -> None:
        """How many backups the library file has, their size together, and where they are."""
        text = self.library_edit.text().strip()
        if self.server_choice.isChecked() or not text:
            self.backups_label.setText(self.tr("A shared library on a server is backed up by its administrator."))
            return
        try:
            count, size = backups_summary(text)
            folder = backups_folder(text)
        except (LibraryError, OSError):
            self.backups_label.setText("")
            return
        self.backups_label.setText(rich_literal(
            self.tr("%n backup(s), %1 together, in %2", "", count)
            .replace("%1", QLocale().formattedDataSize(size, 1)).replace("%2", str(folder))))

    def _choose_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Library file"), self.library_edit.text(), self.tr("hbviewer library (*.sqlite3)"),
            options=QFileDialog.DontConfirmOverwrite)
        if path:
            self.library_edit.setText(path)

    def forget_saved_password(self) -> None:
        address = self.server_edit.text().strip()
        if not is_server_location(address):
            return
        forget_password(address)
        self.password_edit.clear()
        self.password_note.setText(self.tr("The saved password of %1 was forgotten.")
                                   .replace("%1", display_location(address)))
        self.password_note.show()

    def _server_address(self) -> str | None:
        """The address typed in, or None (after saying why) when it is not one."""
        address = self.server_edit.text().strip()
        if is_server_location(address):
            return address
        QMessageBox.warning(self, self.tr("Preferences"), rich_literal(self.tr(
            "A shared library's address starts with postgresql://, for example %1")
            .replace("%1", SERVER_PLACEHOLDER)))
        return None

    def accept(self) -> None:
        server = self.server_choice.isChecked()
        address = self.server_edit.text().strip()
        if server:
            address = self._server_address()
            if address is None:
                return
        if address and is_server_location(address):
            password = self.password_edit.text() or password_in_address(address)
            if password and not remember_password(address, password):
                QMessageBox.warning(self, self.tr("Preferences"), rich_literal(self.tr(
                    "This computer has no system keyring, so the password cannot be saved: hbviewer will ask "
                    "for it when it starts.")))
        self.settings.library_server = address if is_server_location(address) else ""  # without its password
        text = self.library_edit.text().strip()
        self.settings.library_path = None if not text or Path(text) == default_library_path() else Path(text)
        self.settings.library_kind = "server" if server else "file"
        self.settings.language = self.language_box.currentData()
        self.settings.watched_folder = self.watched_edit.text()
        self.settings.sync()
        super().accept()
