"""Every setting the window keeps, declared once, with a version for later migrations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1
MAX_RECENT_SEARCHES = 15
LANGUAGES = ("system", "zh_CN", "en")


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
    def library_path(self) -> Path | None:
        value = str(self._get("library/path", "") or "")
        return Path(value) if value else None

    @library_path.setter
    def library_path(self, value: Path | None) -> None:
        self.q.setValue("library/path", str(value) if value else "")

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
