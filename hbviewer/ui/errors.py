"""Unexpected errors: written to a log file, shown to the user as a short message.

No password reaches the log: a shared library's address is written without
its password, and a password the window holds is masked wherever it shows up.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from ..paths import user_log_dir

_logger = logging.getLogger("hbviewer")
_secrets: set[str] = set()  # passwords held in memory, masked in anything logged
_URL_PASSWORD = re.compile(r"(postgres(?:ql)?://[^:/@\s]*):[^@\s]*@", re.IGNORECASE)
_KEY_PASSWORD = re.compile(r"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&'\"]+)", re.IGNORECASE)


def mask_secret(password: str | None) -> None:
    """Mask this password in everything logged from now on."""
    if password:
        _secrets.add(password)


def redact(text: str) -> str:
    """The text with passwords taken out: in addresses, ``password=`` settings, and ones held in memory."""
    text = _URL_PASSWORD.sub(r"\1@", text)
    text = _KEY_PASSWORD.sub(r"\1***", text)
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


class _Redacting(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(log_dir: Path | None = None) -> Path:
    """Log to ``hbviewer.log`` in the user log folder (a few rotated files)."""
    folder = log_dir or user_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hbviewer.log"
    if not any(isinstance(h, RotatingFileHandler) for h in _logger.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(_Redacting("%(asctime)s %(levelname)s %(message)s"))
        _logger.addHandler(handler)
        _logger.setLevel(logging.INFO)
    return path


def log_error(details: str) -> None:
    _logger.error(details)


def install_excepthook(log_path: Path) -> None:
    """Show a friendly dialog for an exception no one caught, after logging it."""

    def hook(exc_type, exc, tb):
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log_error(details)
        try:
            from PySide6.QtWidgets import QApplication, QMessageBox

            from .safe_text import rich_literal

            if QApplication.instance() is not None:
                QMessageBox.critical(
                    None, QApplication.translate("errors", "hbviewer: unexpected error"),
                    rich_literal(QApplication.translate(
                        "errors", "Something unexpected went wrong. Your library is safe.\n"
                        "Details were written to:\n%1").replace("%1", str(log_path))))
                return
        except Exception:  # the dialog itself failed: fall back to stderr
            pass
        sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook
