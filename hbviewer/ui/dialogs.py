"""Message boxes that leave the window usable behind them: opened, never run in a nested event loop."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from .safe_text import rich_literal


def open_warning(parent: QWidget, title: str, message: str) -> QMessageBox:
    """A warning box, its message shown as plain text; returned so that its opener can keep it."""
    box = QMessageBox(QMessageBox.Warning, title, rich_literal(message), QMessageBox.Ok, parent)
    box.open()
    return box
