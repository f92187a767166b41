"""The library pane: a search box over the table of articles, and the hit's snippet."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QCompleter, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView,
    QToolButton, QVBoxLayout, QWidget,
)

from ..core.store.query_filters import filter_terms, with_filter, without_filter
from ..core.store.search import SearchQuery
from .controller import LibraryController
from .filter_menu import FilterButton
from .models import ARTICLE_ID_ROLE, ArticleSortProxy, ArticleTableModel
from .safe_text import highlighted

DEBOUNCE_MS = 250
RESULT_LIMIT = 2000  # rows shown; the count says how many there are in all


class LibraryPane(QWidget):
    articleSelected = Signal(int, object)  # article id, the query whose hits to highlight
    resultsChanged = Signal(int, int)  # total found, library size

    def __init__(self, controller: LibraryController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.query = SearchQuery(limit=RESULT_LIMIT)
        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Search: 张家口 科技  zjk  \"高新技术企业\"  -北京  廊坊 OR 涿州"
                                               "  region:张家口市  date:2024-01..2024-03  kind:money"))
        # The latest searches, offered as one types (the window keeps them in the settings).
        self.recent = QStringListModel(self)
        self.completer = QCompleter(self.recent, self)
        self.completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchContains)
        self.search_box.setCompleter(self.completer)
        self.count_label = QLabel(self)
        self.sort_box = QComboBox(self)
        for label, key in ((self.tr("Best match"), "relevance"), (self.tr("Newest first"), "date"),
                           (self.tr("Most figures"), "figures")):
            self.sort_box.addItem(label, key)
        self.sort_box.setToolTip(self.tr("Order of the list"))
        self.chips = FilterChips(self)
        self.filter_button = FilterButton(self)
        self.model = ArticleTableModel(self)
        self.proxy = ArticleSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.AscendingOrder)  # search order until the user sorts
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        # The title keeps room to be read (a stretched title shrank to one character beside the other
        # columns in a narrow pane); the last column takes what is left.
        header.resizeSection(ArticleTableModel.TITLE, self.fontMetrics().horizontalAdvance("汉" * 11) + 16)
        header.setStretchLastSection(True)
        # Fixed widths: sizing a column to its contents reads every row, slow on a large library.
        header.resizeSection(ArticleTableModel.DATE, self.fontMetrics().horizontalAdvance("2020-10-13") + 16)
        header.resizeSection(ArticleTableModel.FIGURES, self.fontMetrics().horizontalAdvance("数据数") + 16)
        header.resizeSection(ArticleTableModel.SOURCE, 90)
        header.resizeSection(ArticleTableModel.REGIONS, 90)
        header.resizeSection(ArticleTableModel.TAGS, 120)
        header.setMinimumSectionSize(36)
        self.table.setTextElideMode(Qt.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.snippet = QLabel(self)
        self.snippet.setWordWrap(True)
        self.snippet.setTextFormat(Qt.RichText)
        self.snippet.setTextInteractionFlags(Qt.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.filter_button)
        top.addWidget(self.sort_box)
        layout.addLayout(top)
        layout.addWidget(self.chips)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.snippet)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search_box.textEdited.connect(lambda _text: self._debounce.start())
        self.search_box.returnPressed.connect(self.run_search)
        self.search_box.textChanged.connect(self.chips.show_filters)
        self.chips.removed.connect(self.remove_filter)
        self.filter_button.chosen.connect(self.add_filter)
        self.sort_box.currentIndexChanged.connect(self._sort_changed)
        self.completer.activated.connect(lambda _text: self.run_search())
        QShortcut(QKeySequence(Qt.Key_Escape), self.search_box, activated=self.clear_search)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        controller.libraryChanged.connect(self.run_search)
        self._total_in_library = 0

    # -- searching -------------------------------------------------------------------------
    def set_recent(self, searches: list[str]) -> None:
        self.recent.setStringList(list(searches))

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.ShortcutFocusReason)
        self.search_box.selectAll()

    def clear_search(self) -> None:
        self.search_box.clear()
        self.run_search()

    def set_filter(self, **changes) -> None:
        """Filters from other panes (article ids of a region, sources, dates)."""
        self.query = replace(self.query, **changes)
        self.run_search()

    def add_filter(self, term: str) -> None:
        """A filter from the menu: written into the search box (kind:money), and the search run again."""
        self.search_box.setText(with_filter(self.search_box.text(), term))
        self.run_search()

    def remove_filter(self, index: int) -> None:
        """A chip's ×: that filter out of the search box, and the search run again."""
        self.search_box.setText(without_filter(self.search_box.text(), index))
        self.run_search()

    def _sort_changed(self, _index: int) -> None:
        self.query = replace(self.query, sort=self.sort_box.currentData())
        self.table.sortByColumn(-1, Qt.AscendingOrder)  # the order asked for, not a column's
        self.run_search()

    def run_search(self) -> None:
        self._debounce.stop()
        query = self.query.with_text(self.search_box.text().strip())
        self.controller.search(query, self.show_results, self.show_error)

    def show_error(self, message: str) -> None:
        self.count_label.setText(message.split("\n\n")[0])  # the first paragraph; all of it on hover
        self.count_label.setToolTip(message if "\n\n" in message else "")

    def show_results(self, total: int, rows: list, regions: dict, library_size: int, query: SearchQuery,
                     tags: dict | None = None) -> None:
        current = self.current_article_id()
        self.model.set_rows(rows, regions, tags)
        self.shown_query = query
        self._total_in_library = library_size
        shown = len(rows)
        if query.text:
            text = self.tr("%n article(s) found", "", total)
        else:
            text = self.tr("%n article(s)", "", total)
        if shown < total:
            text += self.tr(" (first %1 shown)").replace("%1", str(shown))
        self.count_label.setText(text)
        self.resultsChanged.emit(total, self._total_in_library)
        if current is not None:
            self.select_article(current)
        if self.current_article_id() is None and rows:
            self.table.selectRow(0)

    # -- selection ---------------------------------------------------------------------------
    def current_article_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ARTICLE_ID_ROLE) if index.isValid() else None

    def select_article(self, article_id: int) -> bool:
        # Looked up, not searched row by row: a list of 2,000 rows took 12 ms of the UI thread.
        index = self.proxy.mapFromSource(self.model.index_of(article_id))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.snippet.clear()
            return
        row = self.model.row_at(self.proxy.mapToSource(current).row())
        if row.snippet is not None and row.snippet.hits:
            self.snippet.setText(highlighted(row.snippet.text, row.snippet.hits))
        else:
            self.snippet.clear()
        query = getattr(self, "shown_query", self.query)
        if row.by_pinyin and row.terms:  # the view underlines the Chinese words the pinyin stood for
            query = query.with_text(" OR ".join(f'"{t}"' for t in row.terms if '"' not in t))
        self.articleSelected.emit(row.article_id, query)


class FilterChips(QWidget):
    """The filters of the search box (region:张家口市 …), each with a × that removes it."""

    removed = Signal(int)  # the filter's place among the query's filters

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        self.shown: list[str] = []
        self.hide()

    def show_filters(self, text: str) -> None:
        terms = filter_terms(text)
        if terms == self.shown:
            return
        self.shown = terms
        while self._layout.count() > 1:
            chip = self._layout.takeAt(0).widget()
            chip.hide()
            chip.deleteLater()
        for i, term in enumerate(terms):
            chip = QToolButton(self)
            chip.setText(f"{term}  ×")
            chip.setToolTip(self.tr("Remove this filter"))
            chip.setAutoRaise(False)
            chip.clicked.connect(lambda _checked=False, i=i: self.removed.emit(i))
            self._layout.insertWidget(i, chip)
        self.setVisible(bool(terms))
