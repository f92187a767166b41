"""Thin Qt models over rows the core produces."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from ..core.model import source_label
from ..core.store.search import ArticleRow
from .roles import ALIGNMENT, ALIGN_RIGHT, DISPLAY, HORIZONTAL, TOOLTIP
from .safe_text import rich_literal

ARTICLE_ID_ROLE = Qt.UserRole + 1
SORT_ROLE = Qt.UserRole + 2


class HeaderedTableModel(QAbstractTableModel):
    """A flat table whose columns are ``COLUMNS`` and whose header texts ``headers()`` gives."""

    COLUMNS: tuple = ()

    def headers(self) -> list[str]:
        raise NotImplementedError

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation == HORIZONTAL and role == DISPLAY:
            return self.headers()[section]
        return None


class ArticleTableModel(HeaderedTableModel):
    """Articles of the library or of a search: title, date, source, regions, figures, tags."""

    TITLE, DATE, SOURCE, REGIONS, FIGURES, TAGS = range(6)
    COLUMNS = ("title", "date", "source", "regions", "figures", "tags")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ArticleRow] = []
        self._regions: dict[int, str] = {}
        self._tags: dict[int, str] = {}
        self._row_of: dict[int, int] = {}  # article id -> row

    def headers(self) -> list[str]:
        return [self.tr("Title"), self.tr("Date"), self.tr("Source"), self.tr("Regions"), self.tr("Figures"),
                self.tr("Tags")]

    def set_rows(self, rows: list[ArticleRow], regions: dict[int, str] | None = None,
                 tags: dict[int, list[str]] | None = None) -> None:
        rows, regions = list(rows), regions or {}
        tags = {aid: "、".join(t) for aid, t in (tags or {}).items()}
        if [r.article_id for r in rows] == [r.article_id for r in self._rows]:
            # The same articles in the same order (the list read again after a change): only the
            # rows that changed are said to, so the view is not sorted and laid out anew.
            before = self._rows, self._regions, self._tags
            self._rows, self._regions, self._tags = rows, regions, tags
            last = len(self.COLUMNS) - 1
            for i, (row, old) in enumerate(zip(rows, before[0])):
                aid = row.article_id
                if row != old or regions.get(aid) != before[1].get(aid) or tags.get(aid) != before[2].get(aid):
                    self.dataChanged.emit(self.index(i, 0), self.index(i, last))
            return
        self.beginResetModel()
        self._rows, self._regions, self._tags = rows, regions, tags
        self._row_of = {r.article_id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def row_at(self, row: int) -> ArticleRow:
        return self._rows[row]

    def index_of(self, article_id: int) -> QModelIndex:
        """The first column of the article's row, or an invalid index when it is not listed."""
        row = self._row_of.get(article_id)
        return self.index(row, 0) if row is not None else QModelIndex()

    def article_ids(self) -> list[int]:
        return [r.article_id for r in self._rows]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == ARTICLE_ID_ROLE:
            return r.article_id
        if role == DISPLAY and col == self.TITLE and r.by_pinyin:
            return r.title + self.tr("  · pinyin")  # found through the Chinese words a Latin term spells
        if role in (DISPLAY, SORT_ROLE):
            if col == self.TITLE:
                return r.title
            if col == self.DATE:
                return r.date or ""
            if col == self.SOURCE:
                return source_label(r.publication, r.page, r.source_name)
            if col == self.REGIONS:
                return self._regions.get(r.article_id, "")
            if col == self.FIGURES:
                return r.figure_count
            if col == self.TAGS:
                return self._tags.get(r.article_id, "")
        if role == TOOLTIP and col == self.TITLE:
            if r.by_pinyin:
                return rich_literal(r.title + "\n" + self.tr("Found by pinyin"))
            return rich_literal(r.title)
        if role == TOOLTIP and col == self.SOURCE:
            # The file an article came from, when the column shows where it appeared.
            return rich_literal(self.tr("File: {0}").format(r.source_name))
        if role == ALIGNMENT and col == self.FIGURES:
            return ALIGN_RIGHT
        return None


class ArticleSortProxy(QSortFilterProxyModel):
    """Sorting on the raw values (numbers as numbers); search order when unsorted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
