"""Asking for the password of a shared library on a server."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout


class PasswordDialog(QDialog):
    """The password for ``location`` (shown without any password), and whether to keep it in the keyring."""

    def __init__(self, location: str, refused: bool = False, remember: bool = False, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shared library password"))
        where = QLabel(self.tr("The library server asks for the password of:\n%1").replace("%1", location), self)
        where.setTextFormat(Qt.PlainText)
        where.setWordWrap(True)
        self.refused_label = QLabel(self.tr("The server refused the password. Type it again."), self)
        self.refused_label.setVisible(refused)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.Password)
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.remember_box = QCheckBox(self.tr("Remember the password in the system keyring"), self)
        self.remember_box.setChecked(remember)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.remember_box)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def password(self) -> str:
        return self.password_edit.text()

    def remember(self) -> bool:
        return self.remember_box.isChecked()


def ask_password(location: str, refused: bool, remember: bool, parent=None) -> tuple[str, bool] | None:
    """``(password, remember)``, or None when the user cancels."""
    dialog = PasswordDialog(location, refused, remember, parent)
    if dialog.exec() != QDialog.Accepted:
        return None
    return dialog.password(), dialog.remember()
