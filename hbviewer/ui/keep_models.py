"""Qt models over what people keep: an article's notes, and the saved searches with their new articles."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from ..core.store.search import SearchQuery
from .roles import DISPLAY, TOOLTIP

NOTE_ROLE = Qt.UserRole + 1
QUERY_ROLE = Qt.UserRole + 2
BOOKMARKED_QUERY = "is:bookmarked"


class NoteListModel(QAbstractListModel):
    """One article's notes, oldest first: the text, and who wrote it when (and on which figure)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._notes: list = []
        self._figures: dict[tuple[int, int], str] = {}  # span -> the figure's text

    def set_notes(self, notes: list, figure_texts: dict | None = None) -> None:
        self.beginResetModel()
        self._notes = list(notes)
        self._figures = figure_texts or {}
        self.endResetModel()

    def note_at(self, row: int):
        return self._notes[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._notes)

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        note = self._notes[index.row()]
        if role == DISPLAY:
            figure = self._figures.get(note.span) if note.span else None
            about = f"[{figure}] " if figure else ""
            return f"{about}{note.text}  — {note.author or '?'}, {note.created_at[:16].replace('T', ' ')}"
        if role == TOOLTIP:
            return note.text
        if role == NOTE_ROLE:
            return note
        return None


class SavedSearchModel(QAbstractListModel):
    """The bookmarked articles first, then the library's saved searches, each with its new articles."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._saved: list = []

    def set_saved(self, saved: list) -> None:
        self.beginResetModel()
        self._saved = list(saved)
        self.endResetModel()

    def names(self) -> list[str]:
        return [s.name for s in self._saved]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._saved) + 1

    def saved_at(self, row: int):
        """The saved search of a row; None for the bookmarked articles."""
        return self._saved[row - 1] if row > 0 else None

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        saved = self.saved_at(index.row())
        if role == DISPLAY:
            if saved is None:
                return self.tr("★ Bookmarked articles")
            if saved.new:
                return self.tr("%1 (%2 new)").replace("%1", saved.name).replace("%2", str(saved.new))
            return saved.name
        if role == TOOLTIP and saved is not None:
            return saved.query.text
        if role == QUERY_ROLE:
            return SearchQuery(BOOKMARKED_QUERY) if saved is None else saved.query
        return None
