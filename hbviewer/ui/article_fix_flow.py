"""Fixing an article from the window: the "Fix article…" dialog, "Merge with next", "Split here", undo.

Each fix is written by the library in the background (``Library.fix_article``, ``fix_subjects``,
``merge_articles``, ``split_article``), then the list, the region panel and the article are shown
anew. ``fixMade`` says each correction made and ``set_state`` undoes or redoes one: a command on
the window's undo stack wraps the two. Until then "Undo article fix" takes back the latest.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from .article_fix_dialog import ArticleFixDialog
from .dialogs import open_warning


class ArticleFixFlow(QObject):
    statusMessage = Signal(str)
    fixMade = Signal(int, str)  # the correction's id, what it did (for the undo stack)
    stateChanged = Signal(int, str)  # a correction undone or applied again
    dialogOpened = Signal(object)  # the ArticleFixDialog (tests and scripts)
    refused = Signal(str)  # a fix that could not be made, in words

    def __init__(self, controller, reading_flow, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.reading_flow = reading_flow
        self.made: list[int] = []  # the fixes made here, oldest first, not undone
        self.dialog: ArticleFixDialog | None = None
        self._box = None

    # -- the dialog ------------------------------------------------------------------------------
    def open_dialog(self, article_id: int) -> None:
        def work(lib, _progress, _stop):
            return lib.article(article_id), [r["name"] for r in lib.article_regions(article_id)]

        def opened(result):
            article, subjects = result
            if article is None:
                return
            self.dialog = ArticleFixDialog(article, subjects, self.parent())
            self.dialog.fixWanted.connect(lambda fields, add, remove: self.fix(article_id, fields, add, remove))
            self.dialog.open()
            self.dialogOpened.emit(self.dialog)

        self.controller.run(work, opened, self._fail)

    def fix(self, article_id: int, fields: dict, add: list, remove: list) -> None:
        def work(lib, _progress, _stop):
            made = [lib.fix_article(article_id, fields)] if fields else []
            if add or remove:
                try:
                    made.append(lib.fix_subjects(article_id, add, remove))
                except Exception:
                    for cid in made:  # the dialog's fix is all or nothing
                        lib.set_correction_state(cid, "undone")
                    raise
            return made

        def done(made):
            if self.dialog is not None:
                self.dialog.accept()
            self._made(made, article_id, self.tr("Article fixed"))

        self.controller.run(work, done, self._fail)

    # -- merging, splitting, undo ------------------------------------------------------------------
    def merge_with_next(self, article_id: int) -> None:
        self.controller.run(lambda lib, _p, _s: [lib.merge_articles(article_id)],
                            lambda made: self._made(made, article_id, self.tr("Merged with the next article")),
                            self._fail)

    def split_here(self, article_id: int, at: int) -> None:
        if at <= 0:
            self._fail(self.tr("Put the cursor in the article's text where the second article begins."), "")
            return
        self.controller.run(lambda lib, _p, _s: [lib.split_article(article_id, at)],
                            lambda made: self._made(made, article_id, self.tr("Article split in two")),
                            self._fail)

    def set_state(self, correction_id: int, state: str) -> None:
        """Undo (``undone``) or redo (``applied``) a fix; the window shows the library as it is then."""
        def work(lib, _progress, _stop):
            lib.set_correction_state(correction_id, state)
            return next((c.article_id for c in lib.corrections() if c.id == correction_id), None)

        def done(article_id):
            if state == "undone" and correction_id in self.made:
                self.made.remove(correction_id)
            self.controller.announce_change()
            if article_id is not None:
                self.reading_flow.show_article(article_id)
            self.statusMessage.emit(self.tr("Fix undone") if state == "undone" else self.tr("Fix made again"))
            self.stateChanged.emit(correction_id, state)

        self.controller.run(work, done, self._fail)

    def undo_last(self) -> None:
        if self.made:
            self.set_state(self.made[-1], "undone")

    def _made(self, made: list[int], article_id: int, said: str) -> None:
        self.made.extend(made)
        self.controller.announce_change()
        self.reading_flow.show_article(article_id)
        self.statusMessage.emit(said)
        for cid in made:
            self.fixMade.emit(cid, said)

    def _fail(self, message: str, _details: str = "") -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refused(message)
        else:
            self._box = open_warning(self.parent(), self.tr("The article was not changed"), message)
        self.refused.emit(message)


class ArticleFixActions(QObject):
    """The actions on the article view and the library list, given to the flow."""

    def __init__(self, window, flow: ArticleFixFlow):
        super().__init__(window)
        self.window, self.flow = window, flow
        self.view, self.pane = window.article_view, window.library_pane
        self.fix_action = QAction(self.tr("&Fix article…"), window)
        self.fix_action.triggered.connect(lambda: self._on_article(flow.open_dialog))
        self.merge_action = QAction(self.tr("&Merge with next article"), window)
        self.merge_action.triggered.connect(lambda: self._on_article(flow.merge_with_next))
        self.split_action = QAction(self.tr("&Split article here"), window)
        self.split_action.triggered.connect(self._split_at_cursor)
        self.undo_action = QAction(self.tr("&Undo article fix"), window)
        self.undo_action.triggered.connect(flow.undo_last)
        window.edit_menu.addSeparator()
        for action in (self.fix_action, self.merge_action, self.split_action, self.undo_action):
            action.setEnabled(not window.controller.read_only)
            window.edit_menu.addAction(action)
        self._split_offset: int | None = None  # where the menu was asked for, in the article's text
        figure_actions = getattr(getattr(window, "corrections", None), "actions", None)
        if figure_actions is not None:  # the view's one context menu is the figures' menu, extended
            figure_actions.menu_extensions.append(self._extend_view_menu)
        else:
            self.view.setContextMenuPolicy(Qt.CustomContextMenu)
            self.view.customContextMenuRequested.connect(self._view_menu)
        self.pane.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.pane.table.customContextMenuRequested.connect(self._list_menu)
        self.menu: QMenu | None = None

    def _article_id(self) -> int | None:
        if self.window.focusWidget() is self.pane.table or self.view.article is None:
            return self.pane.current_article_id()
        return self.view.article.id

    def _on_article(self, do) -> None:
        article_id = self._article_id()
        if article_id is not None:
            do(article_id)

    def _split_at_cursor(self) -> None:
        if self.view.article is None:
            return
        offset = self._split_offset
        if offset is None:
            offset = self.view.textCursor().position() - self.view.body_start
        self._split_offset = None
        self.flow.split_here(self.view.article.id, offset)

    def extend_menu(self, menu: QMenu, offset: int | None) -> None:
        """The article's actions at the end of a context menu of the view (``offset``: where it was asked)."""
        menu.addSeparator()
        self._split_offset = offset
        for action in (self.fix_action, self.merge_action, self.split_action):
            menu.addAction(action)

    def _extend_view_menu(self, menu: QMenu, offset: int | None) -> None:
        self.menu = menu
        if offset is not None:
            self.extend_menu(menu, offset)

    def _view_menu(self, pos: QPoint) -> None:
        self.menu = self.view.createStandardContextMenu(pos)
        if self.view.article is not None:
            self.extend_menu(self.menu, self.view.cursorForPosition(pos).position() - self.view.body_start)
        self.menu.popup(self.view.viewport().mapToGlobal(pos))

    def _list_menu(self, pos: QPoint) -> None:
        index = self.pane.table.indexAt(pos)
        if not index.isValid():
            return
        self.pane.table.selectRow(index.row())
        article_id = self.pane.current_article_id()
        if article_id is None:
            return
        self.menu = QMenu(self.pane.table)
        for action, do in ((self.fix_action, self.flow.open_dialog), (self.merge_action, self.flow.merge_with_next)):
            item = self.menu.addAction(action.text(), lambda do=do: do(article_id))  # the row clicked
            item.setEnabled(action.isEnabled())
        self.menu.popup(self.pane.table.viewport().mapToGlobal(pos))
