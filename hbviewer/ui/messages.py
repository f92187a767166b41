"""What went wrong with a file, in the interface's language.

The core says it in English, with a code; the window says it in the language
of its menus, naming the file, and keeps the core's words for what it cannot
translate (sizes and limits, a database's own error).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ..core.store.errors import LibraryError
from ..core.model import FileImportResult


def failure_text(result: FileImportResult) -> str:
    """One line for a file that was not imported: its name and what to do."""
    name = Path(result.path.split("!/")[-1]).name or result.path
    known = {
        "missing": QCoreApplication.translate("messages", "%1: no such file or folder."),
        "directory": QCoreApplication.translate("messages", "%1 is a folder, not a file."),
        "empty": QCoreApplication.translate("messages", "%1 is empty: there is nothing to import."),
        "binary": QCoreApplication.translate("messages", "%1 is not a text file (it contains binary data)."),
        "encoding": QCoreApplication.translate("messages", "%1: the text encoding could not be recognised. Save it as UTF-8 and import it again."),
        "permission": QCoreApplication.translate("messages", "%1: permission denied; the file cannot be read."),
        "io": QCoreApplication.translate("messages", "%1: the file could not be read."),
        "no_articles": QCoreApplication.translate("messages", "%1: no article text was found in this file."),
        "corrupt": QCoreApplication.translate(
            "messages", "%1 is damaged, incomplete or not of the type its name says. Save it again and import "
            "the new copy."),
        "encrypted": QCoreApplication.translate("messages", "%1 is protected by a password. Remove the password and import it again."),
        "no_text_layer": QCoreApplication.translate(
            "messages", "%1 has no text layer (it is a scanned image); hbviewer does not read text in images."),
        "disk_full": QCoreApplication.translate("messages", "%1: the disk holding the library is full; nothing was saved from this file."),
        "busy": QCoreApplication.translate("messages", "%1: the library is busy (another window or hbviewer-cli is writing). Try again later."),
        "read_only": QCoreApplication.translate("messages", "%1: the library is read-only; searching works, importing does not."),
        "too_large": QCoreApplication.translate("messages", "%1 is larger than the size limit for one file."),
        "connection_lost": QCoreApplication.translate(
            "messages", "%1: the connection to the library server was lost before this file was saved; nothing "
            "of it was kept. Import it again when the server can be reached."),
    }
    template = known.get(result.error_code)
    if template is None:
        return result.error  # the core's own words: nothing better to say
    text = template.replace("%1", name)
    if result.error_code == "too_large":
        text += f" ({result.error})"
    return text


def library_error_text(exc: LibraryError) -> str:
    """A library's error said in the interface's language where it can be, the core's words kept after it."""
    if exc.code == "connection_lost":
        lead = QCoreApplication.translate(
            "messages", "The connection to the library server was lost, so this could not be finished. "
                        "Nothing else is affected: try again when the server can be reached.")
        return f"{lead}\n\n{exc}"
    return str(exc)
