"""Each correction as a command on the window's undo stack.

The correction is written when it is made (``CorrectionFlow``), so a command's first redo,
the one pushing it runs, does nothing; later ones apply the correction again, and undo marks
it undone (``set_correction_state``): the library then works the article's figures out anew.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand


def command_text(action: str, text: str) -> str:
    template = {
        "accept": QCoreApplication.translate("undo_commands", "accept %1"),
        "reject": QCoreApplication.translate("undo_commands", "reject %1"),
        "edit": QCoreApplication.translate("undo_commands", "edit %1"),
        "add": QCoreApplication.translate("undo_commands", "add %1"),
    }[action]
    return template.replace("%1", text)


class CorrectionCommand(QUndoCommand):
    def __init__(self, flow, ref, action: str, changes: dict):
        super().__init__(command_text(action, ref.text))
        self.flow = flow
        self.ref = ref
        self.action = action
        self.changes = changes
        self.correction_id: int | None = None  # known once written
        self.dead = False  # its write failed: nothing to undo or redo
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # pushed: the correction is being written already
            return
        if not self.dead:
            self.flow.set_state(self, "applied")

    def undo(self) -> None:
        if not self.dead:
            self.flow.set_state(self, "undone")

    def failed(self) -> None:
        """Its correction could not be written: it leaves the stack (at once when it is the last)."""
        self.dead = True
        self.setObsolete(True)
        stack = self.flow.undo_stack
        if stack.index() > 0 and stack.command(stack.index() - 1) is self:
            stack.undo()  # obsolete: removed, the stack as before it

    def reverted(self) -> None:
        """An undo or redo of it could not be written: it is what it was, and leaves the stack."""
        self.dead = True
        self.setObsolete(True)
