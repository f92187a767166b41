"""The review queue: figures nobody has reviewed, least certain first, reviewed by keyboard.

Enter accepts, Delete rejects, E edits, Up and Down move; the article view follows the current
figure. An action shows at once and the queue moves on: the write runs in the background
(``CorrectionFlow``), and a write that fails puts its figure back as it was, with a box
saying why. Reviewed figures stay listed with what became of them, so that an undo (Ctrl+Z)
shows there too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDockWidget, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from ..core.extract.figures import Figure
from ..core.store.corrections import STATUS_OF
from .correction_flow import CorrectionFlow, FigureRef
from .figure_status import reason_label, status_label
from .models import HeaderedTableModel
from .roles import ALIGNMENT, ALIGN_RIGHT, DISPLAY, FOREGROUND, TOOLTIP

QUEUE_LENGTH = 500


@dataclass
class ReviewItem:
    article_id: int
    figure: Figure
    status: str = "automatic"
    command: object = None  # the CorrectionCommand of what was done to it

    @property
    def ref(self) -> FigureRef:
        return FigureRef.of(self.article_id, self.figure)


class ReviewQueueModel(HeaderedTableModel):
    COLUMNS = ("confidence", "text", "indicator", "region", "reasons", "status")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[ReviewItem] = []

    def headers(self) -> list[str]:
        return [self.tr("Confidence"), self.tr("Figure"), self.tr("Measures"), self.tr("Region"), self.tr("Why"),
                self.tr("Status")]

    def set_items(self, queue: list[tuple[int, Figure]]) -> None:
        self.beginResetModel()
        self.items = [ReviewItem(article_id, f) for article_id, f in queue]
        self.endResetModel()

    def item_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def reviewed(self) -> int:
        return sum(item.status != "automatic" for item in self.items)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        f, key = item.figure, self.COLUMNS[index.column()]
        if role == DISPLAY:
            if key == "confidence":
                return "" if f.confidence is None else f"{f.confidence:.2f}"
            if key == "reasons":
                return "；".join(reason_label(r) for r in f.reasons)
            if key == "status":
                return status_label(item.status)
            return getattr(f, key) or "—"
        if role == TOOLTIP and key == "reasons":
            return "\n".join(reason_label(r) for r in f.reasons) or None
        if role == FOREGROUND and item.status != "automatic":
            return QColor("#8a8a8a")
        if role == ALIGNMENT and key == "confidence":
            return ALIGN_RIGHT
        return None


class ReviewQueue(QDockWidget):
    figureWanted = Signal(int, int, int)  # article id, start, end: the article view should show it
    loaded = Signal()

    def __init__(self, flow: CorrectionFlow, actions, parent: QWidget | None = None):
        super().__init__(self.tr("To review"), parent)
        self.setObjectName("review_queue")  # its place is saved with the window's state
        self.flow = flow
        self.actions = actions  # FigureActions: the edit form
        self.model = ReviewQueueModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        for column, width in enumerate((60, 110, 140, 80, 220)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.count_label = QLabel(self)
        self.reason_label = QLabel(self)
        self.reason_label.setWordWrap(True)
        self.reason_label.setStyleSheet("color: #b00020")
        self.reason_label.hide()
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setToolTip(self.tr("The figures nobody has reviewed yet, least certain first"))
        self.reload_button.clicked.connect(self.load)
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.reload_button)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self._keys = _QueueKeys(self)
        self.table.installEventFilter(self._keys)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        flow.stateChanged.connect(self._state_changed)
        self.visibilityChanged.connect(self._first_shown)
        self._loaded = False
        self._show_counts()

    # -- filling -------------------------------------------------------------------------
    def _first_shown(self, visible: bool) -> None:
        if visible and not self._loaded:
            self.load()

    def load(self) -> None:
        """Read the queue in the background (confidence is worked out per article)."""
        self._loaded = True
        self.count_label.setText(self.tr("Reading the figures to review…"))
        review_keys()

        def shown(queue) -> None:
            self.model.set_items(queue)
            self._show_counts()
            if queue:
                self.table.setCurrentIndex(self.model.index(0, 0))
            self.loaded.emit()

        self.flow.controller.run(lambda lib, _p, _s: lib.unreviewed_figures(QUEUE_LENGTH), shown)

    def forget(self) -> None:
        """The library was replaced: the queue is read again when next shown."""
        self.model.set_items([])
        self._loaded = False
        self._show_counts()

    def set_refusal(self, reason: str) -> None:
        """Why figures cannot be reviewed now ("" when they can): said above the list, actions off."""
        self.reason_label.setText(reason)
        self.reason_label.setVisible(bool(reason))

    def _show_counts(self) -> None:
        done = self.model.reviewed()
        self.count_label.setText(self.tr("Reviewed %1, %2 left").replace("%1", str(done))
                                 .replace("%2", str(len(self.model.items) - done)))

    # -- moving ---------------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _current_changed(self, current: QModelIndex, _previous) -> None:
        if current.isValid():
            item = self.model.items[current.row()]
            self.figureWanted.emit(item.article_id, item.figure.start, item.figure.end)

    def _move_on(self, row: int) -> None:
        items = self.model.items
        following = [i for i in range(row + 1, len(items)) if items[i].status == "automatic"]
        earlier = [i for i in range(0, row) if items[i].status == "automatic"]
        target = (following or earlier or [min(row + 1, len(items) - 1)])[0]
        if target != row:
            self.table.setCurrentIndex(self.model.index(target, 0))

    # -- reviewing -------------------------------------------------------------------------
    def act(self, action: str, changes: dict | None = None, row: int | None = None) -> None:
        """Accept, reject or edit (with ``changes``) the current figure, then go to the next one."""
        row = self.current_row() if row is None else row
        if self.flow.refused() or not 0 <= row < len(self.model.items):
            return
        item = self.model.items[row]
        before = item.status, item.command
        item.status = STATUS_OF[action]

        def rollback() -> None:
            item.status, item.command = before
            self._item_changed(item)

        item.command = self.flow.correct(item.ref, action, changes, rollback=rollback)
        self.model.item_changed(row)
        self._show_counts()
        self._move_on(row)

    def edit(self) -> None:
        row = self.current_row()
        if 0 <= row < len(self.model.items):
            item = self.model.items[row]

            def edited(changes: dict) -> None:
                if item in self.model.items:  # the queue may have been read again meanwhile
                    self.act("edit", changes, self.model.items.index(item))

            self.actions.edit(item.article_id, item.figure, on_changes=edited)

    def _item_changed(self, item: ReviewItem) -> None:
        if item in self.model.items:
            self.model.item_changed(self.model.items.index(item))
            self._show_counts()

    def _state_changed(self, command, state: str) -> None:
        """A correction made, undone or redone anywhere in the window: its figure here shows it."""
        if state not in ("undone", "applied") or command.action == "add":
            return
        ref = command.ref
        for item in self.model.items:
            if item.command is command or (item.article_id, item.figure.start, item.figure.end) == (
                    ref.article_id, ref.start, ref.end):
                item.command = command
                item.status = "automatic" if state == "undone" else STATUS_OF[command.action]
                self._item_changed(item)


class _QueueKeys(QObject):
    """Enter, Delete and E on the list; Up and Down are the table's own."""

    def __init__(self, queue: ReviewQueue):
        super().__init__(queue)
        self.queue = queue

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.KeyPress or event.modifiers() & ~(Qt.KeypadModifier | Qt.ShiftModifier):
            return False
        action = review_keys().get(event.key())
        if action is None:
            return False
        if action == "edit":
            self.queue.edit()
        else:
            self.queue.act(action)
        return True


@lru_cache(maxsize=1)
def review_keys() -> dict[int, str]:
    """Key -> what it does in the queue.

    Made when the queue is first read: PySide builds the whole ``Qt.Key`` enum (some 500 names)
    at its first use, about 20 ms, which would otherwise fall on the first key of a review.
    """
    return {Qt.Key_Return: "accept", Qt.Key_Enter: "accept", Qt.Key_Delete: "reject", Qt.Key_Backspace: "reject",
            Qt.Key_E: "edit"}
