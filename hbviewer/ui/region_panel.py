"""The region panel: 河北省 → city → county with counts, a region's figures, its latest values, a bar chart.

Regions can be ticked for a briefing: a ticked city means the city with its
counties, so the ticks under a ticked region add nothing.

The counts, a region's latest figures and each chart are queried by the core
in the background whenever the library changes or the selection does; this
panel only shows them. It never holds every figure: a large library has
hundreds of thousands.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHeaderView, QLabel, QPushButton, QSplitter, QTableView, QTabWidget, QTreeView,
    QVBoxLayout, QWidget,
)

from ..core.briefing.latest import LatestValue
from ..core.briefing.summary import RegionNode, RegionOverview, RegionView
from .figure_status import plain_number, status_label
from .models import SORT_ROLE, ArticleSortProxy, HeaderedTableModel
from .region_chart import BarChart, LatestValuesModel
from .roles import ALIGNMENT, ALIGN_RIGHT, DISPLAY, EDIT, EDITABLE, TOOLTIP
from .safe_text import rich_literal

CODE_ROLE = Qt.UserRole + 10
ROW_ROLE = Qt.UserRole + 11


class RegionTreeModel(QStandardItemModel):
    """The region tree of a summary: name, articles about it, figures (with its counties').

    A Qt-side model, filled once per overview: expanding and painting the tree then
    never calls back into Python, so it stays quick while background work runs.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: dict[str, QStandardItem] = {}
        self._counts: dict[str, tuple[QStandardItem, QStandardItem]] = {}
        self._shape: list[tuple[str, str]] = []  # (code, name) of every node, in the tree's order
        self._set_headers()

    def _set_headers(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Region"), self.tr("Articles"), self.tr("Figures")])

    def set_tree(self, roots: list[RegionNode]) -> bool:
        """Show the tree; True if it was built anew, False if only its counts changed.

        Most changes (a figure rejected, an article imported about known places) change
        counts only: those are set in place, so the view keeps what is open and selected,
        and a review does not wait for the tree to be laid out again at every pause.
        """
        shape = [(node.code, node.name) for root in roots for node in root.walk()]
        if shape == self._shape and self._children_match(roots):
            for root in roots:
                for node in root.walk():
                    for item, value in zip(self._counts[node.code], (node.articles, node.figures)):
                        if item.data(DISPLAY) != value:
                            item.setData(value, DISPLAY)
            return False
        ticked = {code for code, item in self._items.items() if item.checkState() == Qt.Checked}
        # The rows only: clear() would drop the columns, and the header's sizing of them with it.
        self.removeRows(0, self.rowCount())
        self._items, self._counts, self._shape = {}, {}, shape
        top = self.invisibleRootItem()
        for root in roots:
            self._add(top, root, ticked)
        return True

    def _children_match(self, roots: list[RegionNode]) -> bool:
        """Each node under the same parent as shown (the order of codes alone could hide a move)."""
        for root in roots:
            for node in root.walk():
                item = self._items[node.code]
                if item.rowCount() != len(node.children):
                    return False
        return len(roots) == self.rowCount()

    def _add(self, parent: QStandardItem, node: RegionNode, ticked: set[str]) -> None:
        name = QStandardItem(node.name)
        name.setData(node.code, CODE_ROLE)
        name.setCheckable(True)
        name.setCheckState(Qt.Checked if node.code in ticked else Qt.Unchecked)
        counts = []
        for value in (node.articles, node.figures):
            item = QStandardItem()
            item.setData(value, DISPLAY)
            item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            counts.append(item)
        for item in (name, *counts):
            item.setEditable(False)
        parent.appendRow([name, *counts])
        self._items[node.code] = name
        self._counts[node.code] = (counts[0], counts[1])
        for child in node.children:
            self._add(name, child, ticked)

    def ticked(self) -> list[tuple[str, str]]:
        """(code, name) of each ticked region not under another ticked one, in the tree's order."""
        found: list[tuple[str, str]] = []

        def walk(item: QStandardItem) -> None:
            for row in range(item.rowCount()):
                child = item.child(row, 0)
                if child.checkState() == Qt.Checked:
                    found.append((child.data(CODE_ROLE), child.text()))
                else:
                    walk(child)

        walk(self.invisibleRootItem())
        return found

    def index_of(self, code: str) -> QModelIndex:
        item = self._items.get(code)
        return item.index() if item is not None else QModelIndex()


class FigureTableModel(HeaderedTableModel):
    """Figures of the selected region: its zone, indicator, value, unit, date, status, article.

    Value, unit, indicator and region can be edited: ``edited`` hands the change on to be written
    as a correction, with a function that puts the row back should the write fail.
    """

    COLUMNS = ("region", "zone", "indicator", "text", "value", "unit", "as_of", "status", "title")
    EDITABLE = ("region", "indicator", "value", "unit")
    edited = Signal(object, object, object)  # the row, its changes, a rollback

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self.can_edit = lambda: False  # set by whoever writes the corrections

    def headers(self):
        return [self.tr("Region"), self.tr("Zone"), self.tr("Indicator"), self.tr("As written"), self.tr("Value"),
                self.tr("Unit"), self.tr("As of"), self.tr("Status"), self.tr("Article")]

    def set_rows(self, rows: list[dict]) -> None:
        def spans(listed):
            return [(r["article_id"], r["start"], r["end"]) for r in listed]

        if spans(rows) == spans(self._rows):
            # The same figures read again after a change (most often: one status): only the rows
            # that differ are said to, so the table is not sorted and laid out anew.
            before, self._rows = self._rows, rows
            last = len(self.COLUMNS) - 1
            for i, (new, old) in enumerate(zip(rows, before)):
                if new != old:
                    self.dataChanged.emit(self.index(i, 0), self.index(i, last))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, i: int) -> dict:
        return self._rows[i]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        key = self.COLUMNS[index.column()]
        value = r.get(key)
        if role == ROW_ROLE:
            return index.row()
        if role == SORT_ROLE:
            return value if value is not None and value == value else ""
        if role == DISPLAY:
            if key == "value":
                return f"{value:,.10g}" if value is not None else ""
            if key == "status":
                return status_label(value or "automatic")
            return "" if value is None or value != value else str(value)
        if role == EDIT:
            return plain_number(value) if key == "value" else "" if value is None or value != value else str(value)
        if role == TOOLTIP:
            return rich_literal(str(r.get("sentence", "")))
        if role == ALIGNMENT and key == "value":
            return ALIGN_RIGHT
        return None


    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and self.COLUMNS[index.column()] in self.EDITABLE and self.can_edit():
            flags |= EDITABLE
        return flags

    def setData(self, index, value, role=EDIT) -> bool:
        if role != EDIT or not index.isValid() or self.COLUMNS[index.column()] not in self.EDITABLE:
            return False
        r, key, typed = self._rows[index.row()], self.COLUMNS[index.column()], str(value).strip()
        try:
            new = float(typed.replace(",", "")) if key == "value" else typed
        except ValueError:  # not shown: the correction's own check says what is wrong
            self.edited.emit(r, {key: typed}, lambda: None)
            return False
        if new == r.get(key):
            return False
        before = dict(r)
        r.update({key: new, "status": "edited"})
        self.dataChanged.emit(index.siblingAtColumn(0), index.siblingAtColumn(len(self.COLUMNS) - 1))

        def rollback() -> None:
            if r in self._rows:
                r.clear()
                r.update(before)
                row = self._rows.index(r)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

        self.edited.emit(r, {key: new}, rollback)
        return True

class RegionPanel(QWidget):
    regionSelected = Signal(object)  # region code, or None for the whole library
    figureActivated = Signal(int, int, int)  # article id, start, end
    viewWanted = Signal(object)  # region code (or None): its figures should be computed and shown
    chartWanted = Signal(object, str)  # region codes (None: all), indicator: its bars should be computed
    briefingWanted = Signal(object)  # [(code, name)] of the regions to brief on; [] for the whole library
    figureEdited = Signal(object, object, object)  # a figure's row, its changes, a rollback (FigureTableModel)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.overview: RegionOverview | None = None
        self.tree_model = RegionTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.figures_row_height = self.fontMetrics().height() + 8
        self.tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        self.tree.header().setStretchLastSection(False)
        for column in (1, 2):  # the counts take what they need, the names the rest
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.heading = QLabel(self)
        self.figure_model = FigureTableModel(self)
        self.figure_proxy = ArticleSortProxy(self)
        self.figure_proxy.setSourceModel(self.figure_model)
        self.figures = QTableView(self)
        self.figures.setModel(self.figure_proxy)
        self.figures.setSortingEnabled(True)
        self.figures.sortByColumn(-1, Qt.AscendingOrder)
        self.figures.setSelectionBehavior(QAbstractItemView.SelectRows)
        # Double-click opens the figure's article: a cell is edited with F2, or a click on the selected one.
        self.figures.setEditTriggers(QAbstractItemView.EditKeyPressed | QAbstractItemView.SelectedClicked)
        self.figure_model.edited.connect(self.figureEdited)
        self.figures.verticalHeader().hide()
        header = self.figures.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        for col, width in enumerate((70, 80, 150, 80, 80, 40, 80, 60, 200)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.figures.setTextElideMode(Qt.ElideRight)
        self.figures.setWordWrap(False)
        self.figures.verticalHeader().setDefaultSectionSize(self.figures_row_height)
        self.indicator_box = QComboBox(self)
        self.chart = BarChart(self)
        self._make_latest_table()
        self.briefing_button = QPushButton(self.tr("Generate briefing…"), self)
        self.briefing_button.setToolTip(self.tr("A Word briefing of the ticked regions "
                                                "(none ticked: the selected region, else the whole library)"))

        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.tree, 1)
        upper_layout.addWidget(self.briefing_button)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.heading)
        self.tabs = QTabWidget(self)  # every figure, or the latest value of each indicator
        self.tabs.addTab(self.figures, self.tr("Figures"))
        self.tabs.addTab(self.latest_table, self.tr("Latest values"))
        lower_layout.addWidget(self.tabs, 1)
        lower_layout.addWidget(self.indicator_box)
        lower_layout.addWidget(self.chart)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        self.tree.selectionModel().currentChanged.connect(self._region_changed)
        self.figures.doubleClicked.connect(self._figure_double_clicked)
        self.indicator_box.currentTextChanged.connect(self._draw_chart)
        self.chart.barClicked.connect(self._open_value)
        self.latest_table.clicked.connect(self._latest_clicked)
        self.briefing_button.clicked.connect(self._want_briefing)
        self._code: str | None = None
        self.view: RegionView | None = None
        self._pending_view: RegionView | None = None
        self._view_timer = QTimer(self, singleShot=True, interval=0)
        self._view_timer.timeout.connect(self._show_pending_view)

    def _make_latest_table(self) -> None:
        self.latest_model = LatestValuesModel(self)
        self.latest_proxy = ArticleSortProxy(self)
        self.latest_proxy.setSourceModel(self.latest_model)
        self.latest_table = QTableView(self)
        self.latest_table.setModel(self.latest_proxy)
        self.latest_table.setSortingEnabled(True)
        self.latest_table.sortByColumn(-1, Qt.AscendingOrder)
        self.latest_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.latest_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.latest_table.verticalHeader().hide()
        self.latest_table.verticalHeader().setDefaultSectionSize(self.figures_row_height)
        self.latest_table.setWordWrap(False)
        header = self.latest_table.horizontalHeader()
        for col, width in enumerate((150, 90, 80)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)

    # -- filling ----------------------------------------------------------------------------
    # The overview, each region's view and each chart are computed in the background (region_flow
    # computes them when ``viewWanted`` or ``chartWanted`` fires); the panel only shows what arrives.
    def set_overview(self, overview: RegionOverview, view: RegionView | None = None) -> None:
        code = self._code
        self.overview = overview
        # The same regions as shown: only counts are set, and what is open and selected stays.
        rebuilt = self.tree_model.set_tree(overview.tree)
        if rebuilt:
            self.tree.expandToDepth(0)
        if code:
            index = self.tree_model.index_of(code)
            if not index.isValid():  # the region has no figures or articles any more
                self._code = None
            elif rebuilt:
                self.tree.selectionModel().blockSignals(True)
                self.tree.setCurrentIndex(index)
                self.tree.selectionModel().blockSignals(False)
            self.regionSelected.emit(self._code)  # the library changed: its articles may have too
        if view is not None and view.code == self._code:
            # The table after the tree, in a later turn of the event loop: each is drawn in one
            # short slice of the UI thread rather than both in one long one.
            self._pending_view = view
            self._view_timer.start()
        else:
            self.viewWanted.emit(self._code)

    def _show_pending_view(self) -> None:
        view, self._pending_view = self._pending_view, None
        if view is not None:
            self.show_view(view)

    def select_region(self, code: str | None) -> None:
        if code is None:
            self.tree.clearSelection()
            self.tree.setCurrentIndex(QModelIndex())
            if self._code is not None:
                self._region_changed(QModelIndex(), None)
            return
        index = self.tree_model.index_of(code)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def current_region(self) -> str | None:
        return self._code

    def briefing_regions(self) -> list[tuple[str, str]]:
        """(code, name) of the regions a briefing is wanted for: the ticked, else the selected; [] for all."""
        ticked = self.tree_model.ticked()
        if ticked or not self._code:
            return ticked
        index = self.tree_model.index_of(self._code)
        return [(self._code, index.data())] if index.isValid() else []

    def _want_briefing(self) -> None:
        self.briefingWanted.emit(self.briefing_regions())

    def _region_changed(self, current: QModelIndex, _previous) -> None:
        code = current.data(CODE_ROLE) if current.isValid() else None
        self._code = code
        self.regionSelected.emit(code)
        self.viewWanted.emit(code)

    def show_view(self, view: RegionView) -> None:
        """Show a region's figures; a view of a region no longer selected is dropped."""
        if view.code != self._code:
            return
        self.view = view
        if view.code is not None:
            self.heading.setText(self.tr("%1: %2 figure(s)").replace("%1", view.name)
                                 .replace("%2", str(view.figure_count)))
        else:
            self.heading.setText(self.tr("All regions: %1 figure(s)").replace("%1", str(view.figure_count)))
        self.figure_model.set_rows(view.listed)
        box = self.indicator_box
        if [box.itemText(i) for i in range(box.count())] != list(view.indicators):
            current = box.currentText()
            box.blockSignals(True)
            box.clear()
            box.addItems(view.indicators)
            if current in view.indicators:
                box.setCurrentText(current)
            box.blockSignals(False)
        self._draw_chart(box.currentText())

    def _draw_chart(self, indicator: str) -> None:
        if self.view is None or not indicator:
            self.chart.set_bars([], "")
            return
        self.chartWanted.emit(self.view.codes, indicator)

    def show_chart(self, codes, indicator: str, bars: list[LatestValue], unit: str) -> None:
        """Bars of one indicator; those of a region or indicator no longer shown are dropped."""
        if self.view is not None and self.view.codes == codes and self.indicator_box.currentText() == indicator:
            self.chart.set_bars(bars, unit)

    def show_latest(self, code: str | None, values: list[LatestValue]) -> None:
        """The latest value of each of a region's indicators; those of a region no longer selected are dropped."""
        if code == self._code:
            self.latest_model.set_values(values)

    def _latest_clicked(self, index: QModelIndex) -> None:
        self._open_value(self.latest_model.value_at(self.latest_proxy.mapToSource(index).row()))

    def _open_value(self, v: LatestValue) -> None:
        source = v.latest
        self.figureActivated.emit(source.article_id, source.start, source.end)

    def _figure_double_clicked(self, index: QModelIndex) -> None:
        r = self.figure_model.row(self.figure_proxy.mapToSource(index).row())
        self.figureActivated.emit(int(r["article_id"]), int(r["start"]), int(r["end"]))
