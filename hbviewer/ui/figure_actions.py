"""The article view's figure actions: accept, reject, edit a figure; add one from a selection.

On the figure under the mouse (its context menu) or the one the reader is on (the keys A,
R or Delete, E). Selected text that is not a figure offers "Add figure…", the form filled
from what the selection says (``corrections.prefill``, read in the background).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ..core.extract.figures import Figure
from .article_view import ArticleView
from .correction_flow import CorrectionFlow, FigureRef
from .figure_dialog import FigureDialog, RegionNames, figure_values


class FigureActions(QObject):
    dialogOpened = Signal(object)  # the FigureDialog just opened (for tests and scripts)

    def __init__(self, view: ArticleView, flow: CorrectionFlow, names: RegionNames, parent: QObject | None = None):
        super().__init__(parent)
        self.view = view
        self.flow = flow
        self.names = names
        self.dialog: FigureDialog | None = None
        self.accept_action = self._action(self.tr("&Accept figure"), ("A",), lambda: self._on_current("accept"))
        self.reject_action = self._action(self.tr("&Reject figure"), ("R", "Delete"),
                                          lambda: self._on_current("reject"))
        self.edit_action = self._action(self.tr("&Edit figure…"), ("E",), self._edit_current)
        self.add_action = self._action(self.tr("Add &figure…"), ("Insert",), self.add_from_selection)
        # Others add to the view's one context menu: extend(menu, offset in the article's text or None).
        self.menu_extensions: list = []
        view.setContextMenuPolicy(Qt.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_menu)

    def _action(self, text: str, keys: tuple[str, ...], slot) -> QAction:
        action = QAction(text, self.view)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.WidgetWithChildrenShortcut)  # keys act only while reading
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def set_enabled(self, reason: str) -> None:
        """``reason`` (why not) greys the actions out and is their tooltip; "" enables them."""
        for action in (self.accept_action, self.reject_action, self.edit_action, self.add_action):
            action.setEnabled(not reason)
            action.setToolTip(reason or action.text().replace("&", ""))
            action.setStatusTip(reason)

    # -- the menu -------------------------------------------------------------------------
    def menu_at(self, pos: QPoint) -> QMenu:
        menu = self.view.createStandardContextMenu(pos)  # Copy, Select All; the figure's actions above them
        menu.setToolTipsVisible(True)
        first = menu.actions()[0] if menu.actions() else None
        offset = self.view.cursorForPosition(pos).position() - self.view.body_start
        span = self.view.selected_span()
        figure = self.view.figure_at(offset) if self.view.article is not None else None
        if span is not None and not (figure is not None and figure.start < span[1] and span[0] < figure.end):
            figure = None  # a selection elsewhere: the menu is about the selection
        elif figure is None:
            figure = self.view.current_figure()
        self._menu_figure = figure
        ours = [self.accept_action, self.reject_action, self.edit_action] if figure is not None else []
        if span is not None and not self._is_figure(span):
            ours.append(self.add_action)
        for action in ours:
            menu.insertAction(first, action)
        if ours and first is not None:
            menu.insertSeparator(first)
        for extend in self.menu_extensions:
            extend(menu, offset if self.view.article is not None else None)
        return menu

    def show_menu(self, pos: QPoint) -> None:
        menu = self.menu_at(pos)
        # later, not at once: a chosen action is triggered after its menu hides
        menu.aboutToHide.connect(lambda: QTimer.singleShot(0, lambda: setattr(self, "_menu_figure", None)))
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _is_figure(self, span: tuple[int, int]) -> bool:
        return any((f.start, f.end) == span for f in self.view.figures)

    def _target(self) -> Figure | None:
        return getattr(self, "_menu_figure", None) or self.view.current_figure()

    # -- what they do ---------------------------------------------------------------------
    def _on_current(self, action: str) -> None:
        figure = self._target()
        if figure is not None and self.view.article is not None:
            self.flow.correct(FigureRef.of(self.view.article.id, figure), action)

    def _edit_current(self) -> None:
        figure = self._target()
        if figure is not None and self.view.article is not None:
            self.edit(self.view.article.id, figure)

    def edit(self, article_id: int, figure: Figure, on_changes=None) -> FigureDialog | None:
        """The form for a figure; its changes are written as an edit (``on_changes`` instead when given)."""
        if self.flow.refused():
            return None
        dialog = FigureDialog(self.tr("Edit figure"), figure.text, figure_values(figure), self.names, self.view)

        def accepted() -> None:
            changes = dialog.changes()
            if not changes:
                return
            if on_changes is not None:
                on_changes(changes)
            else:
                self.flow.correct(FigureRef.of(article_id, figure), "edit", changes)

        return self._open(dialog, accepted)

    def add_from_selection(self) -> None:
        span, article = self.view.selected_span(), self.view.article
        if span is None or article is None or self._is_figure(span) or self.flow.refused():
            return
        start, end = span
        selected = article.text[start:end]

        def work(_lib, _progress, _stop):
            from ..core.store.corrections import prefill

            return prefill(selected)

        def ask(values: dict) -> None:
            if self.view.article is None or self.view.article.id != article.id:
                return  # another article is shown now
            dialog = FigureDialog(self.tr("Add figure"), selected, values, self.names, self.view, all_values=True)

            def accepted() -> None:
                changes = dialog.changes()
                # what the form does not show (a range's upper end, 约) is kept while the value is the one read
                kept = {k: values[k] for k in ("value_high", "approx") if values.get(k) is not None
                        and (k == "approx" or changes["value"] == values.get("value"))}
                self.flow.add(article.id, start, end, selected, {**kept, **changes})

            self._open(dialog, accepted)

        self.flow.controller.run(work, ask)

    def _open(self, dialog: FigureDialog, accepted) -> FigureDialog:
        if accepted is not None:
            dialog.accepted.connect(accepted)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        self.dialogOpened.emit(dialog)
        return dialog
