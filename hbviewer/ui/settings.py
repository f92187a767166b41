"""Every setting the window keeps, declared once, with a version for later migrations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ..core.store.locations import display_location, is_server_location

SETTINGS_VERSION = 1
MAX_RECENT_SEARCHES = 20
LANGUAGES = ("system", "zh_CN", "en")
LIBRARY_KINDS = ("file", "server")


class AppSettings:
    """Typed access to QSettings; a test passes its own QSettings file."""

    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings or QSettings("hbviewer", "hbviewer")
        if int(self.q.value("settings_version", 0) or 0) < SETTINGS_VERSION:
            self.q.setValue("settings_version", SETTINGS_VERSION)

    def _get(self, key: str, default=None):
        value = self.q.value(key, default)
        return default if value is None else value

    # window
    @property
    def geometry(self) -> QByteArray | None:
        return self._get("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.q.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._get("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self.q.setValue("window/state", value)

    @property
    def splitter(self) -> QByteArray | None:
        return self._get("window/splitter")

    @splitter.setter
    def splitter(self, value: QByteArray) -> None:
        self.q.setValue("window/splitter", value)

    # files
    @property
    def last_folder(self) -> str:
        return str(self._get("files/last_folder", ""))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self.q.setValue("files/last_folder", value)

    @property
    def last_export_folder(self) -> str:
        return str(self._get("files/last_export_folder", ""))

    @last_export_folder.setter
    def last_export_folder(self, value: str) -> None:
        self.q.setValue("files/last_export_folder", value)

    @property
    def briefing_template(self) -> str:
        """The .docx whose styles a Word briefing takes ("" for the built-in layout)."""
        return str(self._get("files/briefing_template", "") or "")

    @briefing_template.setter
    def briefing_template(self, value: str) -> None:
        self.q.setValue("files/briefing_template", value or "")

    @property
    def watched_folder(self) -> str:
        """The folder whose new files are imported as they appear ("" for none)."""
        return str(self._get("files/watched_folder", "") or "")

    @watched_folder.setter
    def watched_folder(self, value: str) -> None:
        self.q.setValue("files/watched_folder", value.strip() if value else "")

    @property
    def library_path(self) -> Path | None:
        value = str(self._get("library/path", "") or "")
        return Path(value) if value else None

    @library_path.setter
    def library_path(self, value: Path | None) -> None:
        self.q.setValue("library/path", str(value) if value else "")

    @property
    def library_server(self) -> str:
        """The shared library's address, never with a password (that is in the keyring)."""
        return display_location(str(self._get("library/server", "") or "").strip())

    @library_server.setter
    def library_server(self, value: str) -> None:
        self.q.setValue("library/server", display_location(value.strip()) if value and value.strip() else "")

    @property
    def library_kind(self) -> str:
        """'file' or 'server': which of the two to open (settings from before servers say 'file')."""
        value = str(self._get("library/kind", "file"))
        return value if value in LIBRARY_KINDS else "file"

    @library_kind.setter
    def library_kind(self, value: str) -> None:
        self.q.setValue("library/kind", value if value in LIBRARY_KINDS else "file")

    @property
    def library_location(self) -> str | Path | None:
        """The library to open: the server's address, a file, or None for the default file."""
        if self.library_kind == "server" and self.library_server:
            return self.library_server
        return self.library_path

    @library_location.setter
    def library_location(self, value: str | Path | None) -> None:
        if value is not None and is_server_location(value):
            self.library_kind = "server"
            self.library_server = str(value)
        else:
            self.library_kind = "file"
            self.library_path = Path(value) if value else None

    # search
    @property
    def recent_searches(self) -> list[str]:
        value = self._get("search/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value if v]

    def remember_search(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        recent = [text] + [s for s in self.recent_searches if s != text]
        self.q.setValue("search/recent", recent[:MAX_RECENT_SEARCHES])

    # language
    @property
    def language(self) -> str:
        value = str(self._get("ui/language", "system"))
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("ui/language", value if value in LANGUAGES else "system")

    def sync(self) -> None:
        self.q.sync()
