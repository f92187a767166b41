"""Showing what others changed: View → Refresh (F5), and a quiet look every few seconds.

Several people may work on one library (a shared server, or a file that a terminal
import writes to). Every few seconds a worker reads the library's change mark; when it
moved and the move was not this window's own write, the window shows the library again
(the list keeps its selection, the article its scroll) and says so in the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from .controller import LibraryController

POLL_SECONDS = 10  # a look costs one small read; a colleague's correction shows within this


class RefreshFlow(QObject):
    statusMessage = Signal(str)
    refreshed = Signal(bool)  # True: because someone else changed the library

    def __init__(self, controller: LibraryController, parent: QObject | None = None):
        super().__init__(parent)
        self.controller = controller
        self._seen: str | None = None  # the mark of the library as the window last showed it
        self._looking = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_SECONDS * 1000)
        self.timer.timeout.connect(self.look)
        controller.libraryChanged.connect(self._note_shown)

    def start(self) -> None:
        self._note_shown()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def refresh(self) -> None:
        """Everything shown read again (F5), whoever changed what."""
        self.controller.announce_change()
        self.refreshed.emit(False)

    def look(self) -> None:
        """Read the change mark on a worker; show the library again if someone else moved it."""
        if self._looking:
            return  # a slow server: one look at a time
        if self.controller.runner.busy():
            # Work of this window under way (an import commits file by file) would be taken for
            # someone else's: the next look, once it is done, knows it as the window's own.
            return
        self._looking = True

        def seen(mark: str) -> None:
            self._looking = False
            if self._seen is None or mark in (self._seen, self.controller.own_mark):
                self._seen = mark
                return
            self._seen = mark
            self.controller.announce_change()
            self.statusMessage.emit(self.tr("The library was changed elsewhere: shown again."))
            self.refreshed.emit(True)

        def failed(_message: str, _details: str) -> None:
            self._looking = False  # out of reach for now: the next look tries again, quietly

        if self.controller.run(lambda lib, _progress, _stop: lib.change_mark(), seen, failed) is None:
            self._looking = False

    def _note_shown(self) -> None:
        def seen(mark: str) -> None:
            self._seen = mark

        self.controller.run(lambda lib, _progress, _stop: lib.change_mark(), seen, lambda *_args: None)
