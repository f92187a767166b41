"""Figure corrections in the window: the undo stack, the actions, the review queue, and their wiring.

Built by the main window once its panes and flows are; everything it holds writes through
``CorrectionFlow``. A library that may not be written (a server role that only reads, a
damaged file opened read-only) turns the actions off and says why.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

from .correction_flow import CorrectionFlow, FigureRef
from .figure_actions import FigureActions
from .figure_dialog import RegionDelegate, RegionNames, region_names
from .review_queue import ReviewQueue


class WindowCorrections(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        controller = window.controller
        self.undo_stack = QUndoStack(window)
        self.flow = CorrectionFlow(controller, self.undo_stack, window)
        self.names = RegionNames()
        self.actions = FigureActions(window.article_view, self.flow, self.names, self)
        self.queue = ReviewQueue(self.flow, self.actions, window)
        window.addDockWidget(Qt.RightDockWidgetArea, self.queue)
        self.queue.hide()  # until asked for (Tools → To review); the window's saved state may show it
        self._menus(window.menus)
        panel = window.region_panel
        panel.figure_model.can_edit = lambda: not self.flow.refusal()
        panel.figures.setItemDelegateForColumn(panel.figure_model.COLUMNS.index("region"),
                                               RegionDelegate(self.names, panel.figures))
        panel.figureEdited.connect(self._table_edited)
        self.flow.figuresChanged.connect(window.reading_flow.refresh_figures)
        self.flow.figuresRestated.connect(lambda: window.region_flow.show_region_view(panel.current_region()))
        self.queue.figureWanted.connect(window.reading_flow.show_figure)
        self.undo_stack.indexChanged.connect(self.update_enabled)
        controller.libraryChanged.connect(self.update_enabled)
        controller.damageFound.connect(self.update_enabled)
        # Another file in the library's place: its corrections are not the ones on the stack.
        for replaced in (window.safety_flow.restored, window.safety_flow.recovered):
            replaced.connect(self._library_replaced)
        self.update_enabled()
        controller.run(lambda _lib, _progress, _stop: region_names(), self.names.fill)

    def _menus(self, menus) -> None:
        self.undo_action = QAction(self.tr("&Undo"), self.window)
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.undo_action.triggered.connect(lambda: self._step(self.undo_stack.undo))
        self.redo_action = QAction(self.tr("&Redo"), self.window)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(lambda: self._step(self.undo_stack.redo))
        edit = menus.edit_menu
        first = edit.actions()[0] if edit.actions() else None
        edit.insertAction(first, self.undo_action)
        edit.insertAction(first, self.redo_action)
        edit.insertSeparator(first)
        edit.addSeparator()
        for action in (self.actions.accept_action, self.actions.reject_action, self.actions.edit_action,
                       self.actions.add_action):
            edit.addAction(action)
        edit.setToolTipsVisible(True)
        self.queue_action = self.queue.toggleViewAction()
        self.queue_action.setText(self.tr("&To review"))
        self.queue_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.queue_action.setStatusTip(self.tr("The figures nobody has reviewed yet, least certain first"))
        menus.tools_menu.addAction(self.queue_action)

    def _library_replaced(self, *_args) -> None:
        self.undo_stack.clear()
        if self.queue.isVisible():
            self.queue.load()
        else:
            self.queue.forget()

    def closing(self) -> None:
        self.flow.finish()

    def _step(self, move) -> None:
        if not self.flow.refused():
            move()

    def update_enabled(self, *_args) -> None:
        reason = self.flow.refusal()
        self.actions.set_enabled(reason)
        self.queue.set_refusal(reason)
        stack = self.undo_stack
        for action, can, text in ((self.undo_action, stack.canUndo(), stack.undoText()),
                                  (self.redo_action, stack.canRedo(), stack.redoText())):
            action.setEnabled(can and not reason)
            action.setStatusTip(reason or text)
            action.setToolTip(reason or text)

    def _table_edited(self, row: dict, changes: dict, rollback) -> None:
        ref = FigureRef(int(row["article_id"]), int(row["start"]), int(row["end"]), str(row["text"]))
        self.flow.correct(ref, "edit", changes, rollback=rollback)
