"""The form a figure is edited or added with: value, unit, kind, indicator and region.

The region is typed with a completer over the gazetteer's names (a name several counties
share is offered as 张家口市桥东区); the library turns what is typed into a region, and
says so when it cannot.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QStyledItemDelegate, QWidget,
)

from ..core.extract.figures import Figure
from .figure_status import kind_names, plain_number

KINDS = ("count", "money", "percent", "points", "multiple", "measure", "rank", "duration")
FIELDS = ("value", "unit", "kind", "indicator", "region")


@lru_cache(maxsize=1)
def region_names() -> tuple[str, ...]:
    """Every current region's name as a correction takes it; shared county names with their prefecture's."""
    from collections import Counter

    from ..core.extract.gazetteer import gazetteer

    gaz = gazetteer()
    current = [r for r in gaz.regions if r.current]
    shared = Counter(r.name for r in current)
    names = set()
    for r in current:
        prefecture = gaz.prefecture_of(r) if shared[r.name] > 1 and r.level == "county" else None
        names.add(f"{prefecture.name}{r.name}" if prefecture is not None and prefecture is not r else r.name)
    return tuple(sorted(names))


class RegionNames:
    """One completer model for every region field, filled once the names are read (in the background)."""

    def __init__(self):
        self.model = QStringListModel()

    def fill(self, names) -> None:
        self.model.setStringList(list(names))

    def completer(self, parent: QWidget) -> QCompleter:
        completer = QCompleter(self.model, parent)
        completer.setFilterMode(Qt.MatchContains)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        return completer


def figure_values(f: Figure) -> dict:
    return {"value": f.value, "unit": f.unit, "kind": f.kind, "indicator": f.indicator, "region": f.region}


class FigureDialog(QDialog):
    """Opened (not run): ``accepted`` then ``changes()`` says what the reviewer changed."""

    def __init__(self, title: str, text: str, values: dict, names: RegionNames, parent: QWidget | None = None,
                 all_values: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.initial = dict(values)
        self.all_values = all_values  # adding: every field is wanted, changed or not
        self.value_edit = QLineEdit(self)
        value = values.get("value")
        self.value_edit.setText(plain_number(value))
        self.unit_edit = QLineEdit(values.get("unit") or "", self)
        self.kind_box = QComboBox(self)
        kind_names = self.kind_names()
        for kind in KINDS:
            self.kind_box.addItem(kind_names[kind], kind)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(values.get("kind") or "count")))
        self.indicator_edit = QLineEdit(values.get("indicator") or "", self)
        self.region_edit = QLineEdit(values.get("region") or "", self)
        self.region_edit.setCompleter(names.completer(self.region_edit))
        self.region_edit.setPlaceholderText(self.tr("a city or county, e.g. 张家口市; empty for none"))
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        form = QFormLayout(self)
        form.addRow(QLabel(text, self))
        form.addRow(self.tr("Value"), self.value_edit)
        form.addRow(self.tr("Unit"), self.unit_edit)
        form.addRow(self.tr("Kind"), self.kind_box)
        form.addRow(self.tr("Measures"), self.indicator_edit)
        form.addRow(self.tr("Region"), self.region_edit)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.value_edit.setFocus()

    def kind_names(self) -> dict[str, str]:
        return kind_names()

    def entered(self) -> dict:
        return {"value": self.value_edit.text().strip().replace(",", ""), "unit": self.unit_edit.text().strip(),
                "kind": self.kind_box.currentData(), "indicator": self.indicator_edit.text().strip(),
                "region": self.region_edit.text().strip()}

    def changes(self) -> dict:
        """What was changed (adding: every field), the value as a number."""
        entered = self.entered()
        entered["value"] = float(entered["value"])
        return {key: value for key, value in entered.items()
                if self.all_values or value != (self.initial.get(key) or ("" if key != "value" else None))}

    def accept(self) -> None:
        try:
            float(self.entered()["value"])
        except ValueError:  # said here, the form kept as typed
            self.problem.setText(self.tr("The value must be a number, such as 295 or 40.51."))
            self.problem.show()
            self.value_edit.setFocus()
            return
        super().accept()


class RegionDelegate(QStyledItemDelegate):
    """The region cells of a table are typed with the same completer as the form's."""

    def __init__(self, names: RegionNames, parent=None):
        super().__init__(parent)
        self.names = names

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setCompleter(self.names.completer(editor))
        return editor
