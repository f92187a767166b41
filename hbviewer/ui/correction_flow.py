"""Correcting figures from the window: every write through the library's correction operations.

Writes run one at a time, in the order asked, on a worker (a reviewer going quickly down the
queue never waits on the UI thread, and an undo asked before its correction was written
still comes after it). Each correction becomes a command on the window's undo stack at once;
what it undoes is known when its write is done. A write that fails is said in a box, its
command is dropped, and whoever showed the change at once is told to put it back.

A figure is named by its article and span as well as its id: a correction laid on an
article again (an undo, an added figure) writes its figures anew with new ids, and the span
finds the figure again.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ..core.extract.figures import Figure
from ..core.store.corrections import CorrectionError
from .controller import LibraryController
from .dialogs import open_warning
from .undo_commands import CorrectionCommand

ANNOUNCE_MS = 800  # corrections in quick succession recount the summary once, when the reviewer pauses


@dataclass(frozen=True)
class FigureRef:
    """A stored figure as the window knows it: its article, its span (and text), its id when known."""

    article_id: int
    start: int
    end: int
    text: str
    figure_id: int | None = None

    @classmethod
    def of(cls, article_id: int, f: Figure) -> FigureRef:
        return cls(article_id, f.start, f.end, f.text, f.id)


def resolve(lib, ref: FigureRef) -> int:
    """The figure's id now: its own if it still stands at its span, else the figure at that span."""
    if ref.figure_id is not None:
        found = lib.figure(ref.figure_id)
        if found is not None and found[0] == ref.article_id and (found[1].start, found[1].end) == (ref.start,
                                                                                                    ref.end):
            return ref.figure_id
    for f in lib.figures(ref.article_id):
        if (f.start, f.end) == (ref.start, ref.end):
            return f.id
    raise CorrectionError(f"the figure {ref.text!r} is no longer in its article (it may have been analysed again)")


def with_region(changes: dict) -> dict:
    """The changes with a region as typed turned into the region fields (a name several share is refused)."""
    from ..core.store.corrections import region_changes

    changes = dict(changes)
    if "region" in changes:
        changes.update(region_changes(changes.pop("region")))
    return changes


class CorrectionFlow(QObject):
    figuresChanged = Signal(int)  # an article whose figures a correction, undo or redo changed
    figuresRestated = Signal()  # corrections that change no count (accepts, edits of values): the lists only
    stateChanged = Signal(object, str)  # a command, and what it now is: applied | undone | failed

    def __init__(self, controller: LibraryController, undo_stack: QUndoStack, window: QWidget):
        super().__init__(window)
        self.controller = controller
        self.undo_stack = undo_stack
        self.window = window
        self._jobs: deque = deque()
        self._running = False
        self._announce = QTimer(self, singleShot=True, interval=ANNOUNCE_MS)
        self._announce.timeout.connect(self._announce_change)
        self._counts_change = False  # a correction since the last announcement moves a figure or a count
        self._unannounced = False  # corrected since the window last heard the library changed
        self.boxes: list = []  # the error boxes shown, kept open (and for tests)

    # -- may the library be corrected? ------------------------------------------------------
    def refusal(self) -> str:
        """Why figures cannot be corrected now, or "" when they can."""
        if self.controller.damaged:
            return self.tr("The library is damaged and is open read-only: figures can be looked at, not corrected. "
                           "Restore a backup or recover the library to correct them.")
        if self.controller.read_only:
            return self.tr("The library is read-only (or your role on the server may only read): figures can be "
                           "looked at, not corrected.")
        return ""

    def refused(self) -> bool:
        """Says why in a box when figures cannot be corrected."""
        reason = self.refusal()
        if reason:
            self._say(reason)
        return bool(reason)

    # -- the corrections -------------------------------------------------------------------
    def correct(self, ref: FigureRef, action: str, changes: dict | None = None,
                rollback: Callable[[], None] | None = None,
                done: Callable[[int], None] | None = None) -> CorrectionCommand | None:
        """Accept, reject or edit a figure; ``rollback`` puts back what was shown at once if it fails."""
        if self.refused():
            if rollback is not None:
                rollback()
            return None

        def work(lib):
            return lib.correct_figure(resolve(lib, ref), action, with_region(changes or {}))

        return self._push(CorrectionCommand(self, ref, action, changes or {}), work, rollback, done)

    def add(self, article_id: int, start: int, end: int, text: str, values: dict,
            rollback: Callable[[], None] | None = None) -> CorrectionCommand | None:
        """Add a figure the analysis missed, at ``start:end`` of the article's text."""
        if self.refused():
            return None
        ref = FigureRef(article_id, start, end, text)
        return self._push(CorrectionCommand(self, ref, "add", values),
                          lambda lib: lib.add_figure(article_id, start, end, with_region(values)), rollback, None)

    def set_state(self, command: CorrectionCommand, state: str) -> None:
        """Undo (``undone``) or redo (``applied``) a command's correction, after every write before it."""
        def work(lib):
            if command.correction_id is not None:
                lib.set_correction_state(command.correction_id, state)

        def failed(_message: str) -> None:
            command.reverted()
            self.stateChanged.emit(command, "applied" if state == "undone" else "undone")

        self._enqueue(work, lambda _r: self._changed(command, state), failed)

    def _push(self, command: CorrectionCommand, work, rollback, done) -> CorrectionCommand:
        def written(correction_id: int) -> None:
            command.correction_id = correction_id
            self._changed(command, "applied")
            if done is not None:
                done(correction_id)

        def failed(_message: str) -> None:
            command.failed()
            self.stateChanged.emit(command, "failed")
            if rollback is not None:
                rollback()

        self.undo_stack.push(command)  # at once: Ctrl+Z right after a change undoes that change
        self._enqueue(work, written, failed)
        return command

    def _changed(self, command: CorrectionCommand, state: str) -> None:
        self.stateChanged.emit(command, state)
        self.figuresChanged.emit(command.ref.article_id)
        self._counts_change |= command.action in ("reject", "add") or "region" in command.changes
        self._unannounced = True
        self._announce.start()

    def _announce_change(self) -> None:
        """The window told once: the whole library when counts moved, else only the figure lists.

        An accept or an edit of a value leaves the region tree's counts as they were, and
        recounting the tree is the longest wait a review would meet.
        """
        if self._counts_change:
            self.controller.announce_change()
            self._unannounced = False
        else:
            self.figuresRestated.emit()
        self._counts_change = False

    # -- one write at a time -------------------------------------------------------------------
    def _enqueue(self, work, on_done, on_error) -> None:
        self._jobs.append((work, on_done, on_error))
        if not self._running:
            self._next()

    def _next(self) -> None:
        if not self._jobs:
            self._running = False
            return
        self._running = True
        work, on_done, on_error = self._jobs.popleft()

        def finished(result) -> None:
            on_done(result)
            self._next()

        def failed(message: str, details: str) -> None:
            from .errors import log_error

            log_error(details)
            self._say(self.tr("The figure could not be corrected: %1").replace("%1", message))
            on_error(message)
            self._next()

        task = self.controller.run(lambda lib, _progress, _stop: work(lib), finished, failed)
        if task is None:  # the window is closing
            self._jobs.clear()
            self._running = False

    def busy(self) -> bool:
        return self._running

    def finish(self, seconds: float = 15) -> None:
        """The window closes: the corrections asked for are written first (they take milliseconds each)."""
        import time

        from PySide6.QtWidgets import QApplication

        deadline = time.monotonic() + seconds
        while self._running and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)
        self._announce.stop()
        if self._unannounced:  # a backup on close then knows the library changed
            self._counts_change = True
            self._announce_change()

    def _say(self, message: str) -> None:
        self.boxes = [b for b in self.boxes if b.isVisible()][-4:]
        self.boxes.append(open_warning(self.window, self.tr("Figures"), message))
