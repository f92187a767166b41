"""Unexpected errors: written to a log file, shown to the user as a short message."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from ..paths import user_log_dir

_logger = logging.getLogger("hbviewer")


def setup_logging(log_dir: Path | None = None) -> Path:
    """Log to ``hbviewer.log`` in the user log folder (a few rotated files)."""
    folder = log_dir or user_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hbviewer.log"
    if not any(isinstance(h, RotatingFileHandler) for h in _logger.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
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
