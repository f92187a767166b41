"""The filter button beside the search box: the query language's filters, offered as a menu.

A choice is written into the search box as the filter it stands for (``kind:money``), in place
of one of the same name, so that what the menu does can be read, kept, edited and removed as a
chip like anything typed.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from ..core.store.query_filters import filter_values
from .figure_status import kind_names, status_label


class FilterButton(QToolButton):
    chosen = Signal(str)  # the filter as it is typed: kind:money

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setText(self.tr("Filter"))
        self.setToolTip(self.tr("Add a filter to the search: kind of figure, review, date, what articles have"))
        self.setPopupMode(QToolButton.InstantPopup)
        self.setMenu(self._menu())

    def _menu(self) -> QMenu:
        values = filter_values()
        menu = QMenu(self)
        kinds = kind_names()
        self._submenu(menu, self.tr("Figures of the kind"), [(kinds.get(k, k), f"kind:{k}") for k in values["kind"]])
        review = [(self.tr("not reviewed yet"), "status:unreviewed"), (self.tr("reviewed"), "status:reviewed")]
        review += [(status_label(s), f"status:{s}") for s in ("accepted", "edited", "added", "rejected")]
        self._submenu(menu, self.tr("Figures reviewed"), review)
        today = QDate.currentDate()
        last_month = today.addMonths(-1)
        self._submenu(menu, self.tr("Dated"), [
            (self.tr("this year"), f"date:{today.year()}"), (self.tr("last year"), f"date:{today.year() - 1}"),
            (self.tr("this month"), f"date:{today.toString('yyyy-MM')}"),
            (self.tr("last month"), f"date:{last_month.toString('yyyy-MM')}")])
        has = {"figures": self.tr("with figures"), "date": self.tr("with a date"),
               "regions": self.tr("about a region")}
        self._submenu(menu, self.tr("Articles"), [(has[h], f"has:{h}") for h in values["has"]]
                      + [(self.tr("bookmarked"), "is:bookmarked")])
        return menu

    def _submenu(self, menu: QMenu, title: str, choices: list[tuple[str, str]]) -> None:
        sub = menu.addMenu(title)
        for label, term in choices:
            action = sub.addAction(f"{label}\t{term}")
            action.setData(term)
            action.triggered.connect(lambda _checked=False, term=term: self.chosen.emit(term))

    def actions_by_term(self) -> dict:
        """Every choice's action by the filter it writes (for tests and the keyboard)."""
        found = {}
        for sub in self.menu().actions():
            for action in (sub.menu().actions() if sub.menu() else []):
                found[action.data()] = action
        return found
