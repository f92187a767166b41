"""The region panel's latest values: a bar chart of one indicator and a table of a region's indicators.

Both show what ``core.briefing.latest`` chose: each value's tooltip says which article and date it
comes from, a value other articles give differently is marked (and its tooltip lists theirs), and
clicking a bar or a row asks for the article at the figure.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QToolTip, QWidget

from ..core.briefing.latest import LatestValue
from .models import SORT_ROLE, HeaderedTableModel
from .roles import ALIGNMENT, ALIGN_RIGHT, DECORATION, DISPLAY, FOREGROUND, TOOLTIP
from .safe_text import rich_literal

BAR_COLOUR = "#4a90d9"
CONFLICT_COLOUR = "#e08a1e"  # a value other articles give differently
WARNING = "⚠"


class SourceTips(QObject):
    """Where a shown value comes from, and the values that disagree with it, as a tooltip says it."""

    def when(self, v: LatestValue) -> str:
        if v.latest.year:
            return v.latest.year
        return self.tr("undated (imported %1)").replace("%1", v.imported_at[:10])

    def describe(self, v: LatestValue) -> str:
        source = v.latest
        lines = [f"{v.region} · {v.indicator}: {source.text} ({self.when(v)})",
                 self.tr("From: %1 (%2)").replace("%1", source.title).replace("%2", source.date or self.tr("no date"))]
        if v.sentence:
            lines.append(v.sentence)
        if v.disagreeing:
            lines.append(self.tr("%1 Other articles give a different value:").replace("%1", WARNING))
            lines.extend(f"  {r.text} — {r.title} ({r.date or self.tr('no date')})" for r in v.disagreeing)
        lines.append(self.tr("Click to open the article at this figure."))
        return "\n".join(lines)

    def tooltip(self, v: LatestValue) -> str:
        return rich_literal(self.describe(v))


class BarChart(QWidget):
    """Horizontal bars of one indicator across regions, the latest value of each; painted, no chart library."""

    barClicked = Signal(object)  # the LatestValue of the bar

    LABEL_WIDTH, TOP, HEIGHT, GAP = 110, 5, 18, 4

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[LatestValue] = []
        self.unit = ""
        self.tips = SourceTips(self)
        self.setMinimumHeight(120)

    def set_bars(self, bars: list[LatestValue], unit: str) -> None:
        if (list(bars), unit) == (self.bars, self.unit):
            return  # the same bars read again: not drawn again
        self.bars, self.unit = list(bars), unit
        self.setMinimumHeight(max(120, (self.HEIGHT + self.GAP) * len(self.bars) + 10))
        self.setCursor(Qt.PointingHandCursor if self.bars else Qt.ArrowCursor)
        self.update()

    def bar_row(self, i: int) -> QRectF:
        """The strip of bar ``i``: its label, bar and value."""
        return QRectF(0, self.TOP + i * (self.HEIGHT + self.GAP), self.width(), self.HEIGHT)

    def bar_at(self, pos) -> int:
        """The bar under a point of the widget, or -1."""
        for i in range(len(self.bars)):
            if self.bar_row(i).contains(pos):
                return i
        return -1

    def event(self, e) -> bool:
        if e.type() == QEvent.ToolTip:
            i = self.bar_at(e.position() if hasattr(e, "position") else e.pos())
            if i >= 0:
                QToolTip.showText(e.globalPos(), self.tips.tooltip(self.bars[i]), self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)

    def mouseReleaseEvent(self, e) -> None:
        i = self.bar_at(e.position())
        if e.button() == Qt.LeftButton and i >= 0:
            self.barClicked.emit(self.bars[i])
        super().mouseReleaseEvent(e)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.bars:
            painter.drawText(self.rect(), Qt.AlignCenter, self.tr("No figures for this indicator."))
            return
        biggest = max(abs(v.value) for v in self.bars) or 1.0
        room = max(10, self.width() - self.LABEL_WIDTH - 90)
        for i, v in enumerate(self.bars):
            y = self.bar_row(i).y()
            painter.setPen(self.palette().text().color())
            name = f"{WARNING} {v.region}" if v.in_conflict else v.region
            painter.drawText(QRectF(4, y, self.LABEL_WIDTH - 8, self.HEIGHT), Qt.AlignRight | Qt.AlignVCenter, name)
            width = room * abs(v.value) / biggest
            colour = QColor(CONFLICT_COLOUR if v.in_conflict else BAR_COLOUR)
            painter.fillRect(QRectF(self.LABEL_WIDTH, y + 2, width, self.HEIGHT - 4), colour)
            painter.drawText(QRectF(self.LABEL_WIDTH + width + 4, y, 86, self.HEIGHT), Qt.AlignLeft | Qt.AlignVCenter,
                             f"{v.value:,.6g}{self.unit}")


class LatestValuesModel(HeaderedTableModel):
    """A region's indicators, the latest value of each with its date and article; disagreements marked."""

    COLUMNS = ("indicator", "value", "when", "title")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._values: list[LatestValue] = []
        self.tips = SourceTips(self)

    def headers(self) -> list[str]:
        return [self.tr("Indicator"), self.tr("Latest value"), self.tr("Of"), self.tr("Article")]

    def set_values(self, values: list[LatestValue]) -> None:
        self.beginResetModel()
        self._values = list(values)
        self.endResetModel()

    def value_at(self, row: int) -> LatestValue:
        return self._values[row]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._values)

    def _shown(self, v: LatestValue, key: str):
        if key == "indicator":
            return v.indicator
        if key == "value":
            return v.latest.text
        if key == "when":
            return self.tips.when(v)
        return v.latest.title

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        v = self._values[index.row()]
        key = self.COLUMNS[index.column()]
        if role == DISPLAY:
            return self._shown(v, key)
        if role == SORT_ROLE:
            return v.value if key == "value" else self._shown(v, key)
        if role == TOOLTIP:
            return self.tips.tooltip(v)
        if role == DECORATION and key == "value" and v.in_conflict:
            return QApplication.style().standardIcon(QStyle.SP_MessageBoxWarning)
        if role == FOREGROUND and v.in_conflict:
            return QColor(CONFLICT_COLOUR)
        if role == ALIGNMENT and key == "value":
            return ALIGN_RIGHT
        return None
