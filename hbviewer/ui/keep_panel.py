"""Under the article: its tags (click one to search it), its bookmark, and its notes with a box to add one."""

from __future__ import annotations

import html
from urllib.parse import quote, unquote

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QListView, QPushButton, QVBoxLayout, QWidget,
)

from .article_view import ArticleView
from .keep_models import NOTE_ROLE, NoteListModel

_SEARCH, _REMOVE = "tag:", "remove:"


class KeepPanel(QWidget):
    tagClicked = Signal(str)
    tagsEdited = Signal(tuple, tuple)  # tags to add, tags to remove
    noteWanted = Signal(str, object)  # the text, and the figure's span (None: on the article)
    noteRemoved = Signal(int)
    bookmarkToggled = Signal(bool)

    def __init__(self, view: ArticleView, parent=None):
        super().__init__(parent)
        self.view = view
        self.article_id: int | None = None
        self.tags: list[tuple[str, str]] = []
        self.tags_label = QLabel(self)
        self.tags_label.setTextFormat(Qt.RichText)
        self.tags_label.setWordWrap(True)
        self.tags_label.linkActivated.connect(self._link)
        self.tag_box = QLineEdit(self)
        self.tag_box.setPlaceholderText(self.tr("Add a tag"))
        self.tag_box.returnPressed.connect(self._add_tag)
        self.bookmark_box = QCheckBox(self.tr("Bookmarked"), self)
        self.bookmark_box.clicked.connect(self.bookmarkToggled)
        self.notes = NoteListModel(self)
        self.notes_view = QListView(self)
        self.notes_view.setModel(self.notes)
        self.notes_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.notes_view.setWordWrap(True)
        self.note_box = QLineEdit(self)
        self.note_box.setPlaceholderText(self.tr("Write a note and press Enter"))
        self.note_box.returnPressed.connect(self._add_note)
        self.note_target = QLabel(self)
        self.remove_note_button = QPushButton(self.tr("Remove note"), self)
        self.remove_note_button.clicked.connect(self._remove_note)

        top = QHBoxLayout()
        top.addWidget(self.tags_label, 1)
        top.addWidget(self.tag_box)
        top.addWidget(self.bookmark_box)
        notes_row = QHBoxLayout()
        notes_row.addWidget(self.note_target)
        notes_row.addWidget(self.note_box, 1)
        notes_row.addWidget(self.remove_note_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(top)
        layout.addWidget(self.notes_view, 1)
        layout.addLayout(notes_row)
        view.cursorPositionChanged.connect(self._show_target)
        self.show_kept(None, [], [], False)

    def show_kept(self, article_id: int | None, tags: list, notes: list, bookmarked: bool) -> None:
        """What is kept about the article shown (None: no article)."""
        self.article_id, self.tags = article_id, list(tags)
        figures = {(f.start, f.end): f.text for f in self.view.figures} if article_id is not None else {}
        self.notes.set_notes(notes, figures)
        self.bookmark_box.setChecked(bookmarked)
        links = []
        for tag, origin in self.tags:
            mark = "" if origin == "auto" else "*"
            links.append(f'<a href="{_SEARCH}{quote(tag)}">{html.escape(tag)}{mark}</a>'
                         f' <a href="{_REMOVE}{quote(tag)}" style="color:#999">×</a>')
        label = self.tr("Tags:")
        self.tags_label.setText(f"<qt>{html.escape(label)} {'  '.join(links)}</qt>")
        for widget in (self.tag_box, self.bookmark_box, self.note_box, self.remove_note_button):
            widget.setEnabled(article_id is not None)
        self._show_target()

    def figure_span(self) -> tuple[int, int] | None:
        """The span of the figure the cursor is in, which a new note is about."""
        index = self.view.figure_at_cursor()
        if index is None:
            return None
        f = self.view.figures[index]
        return f.start, f.end

    def _show_target(self) -> None:
        index = self.view.figure_at_cursor() if self.article_id is not None else None
        if index is None:
            self.note_target.setText(self.tr("Note on the article:"))
        else:
            self.note_target.setText(self.tr("Note on %1:").replace("%1", self.view.figures[index].text))

    def _link(self, link: str) -> None:
        if link.startswith(_SEARCH):
            self.tagClicked.emit(unquote(link[len(_SEARCH):]))
        elif link.startswith(_REMOVE):
            self.tagsEdited.emit((), (unquote(link[len(_REMOVE):]),))

    def _add_tag(self) -> None:
        tag = self.tag_box.text().strip()
        if tag and self.article_id is not None:
            self.tag_box.clear()
            self.tagsEdited.emit((tag,), ())

    def _add_note(self) -> None:
        text = self.note_box.text().strip()
        if text and self.article_id is not None:
            self.note_box.clear()
            self.noteWanted.emit(text, self.figure_span())

    def _remove_note(self) -> None:
        index = self.notes_view.currentIndex()
        if index.isValid():
            self.noteRemoved.emit(index.data(NOTE_ROLE).id)
