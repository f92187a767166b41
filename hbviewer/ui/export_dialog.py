"""What to put in an Excel briefing: which figures (the library, the search, a region), and whether only
the figures a person has reviewed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget


class ExportDialog(QDialog):
    """The scope to export and the reviewed-only choice; ``chosen()`` is the scope to export."""

    def __init__(self, scopes: list[tuple[str, object]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export briefing"))
        self._scopes = scopes
        self.scope_box = QComboBox(self)
        self.scope_box.addItems([label for label, _scope in scopes])
        self.reviewed_only = QCheckBox(self.tr("Only reviewed figures (accepted, edited or added)"), self)
        self.reviewed_only.setToolTip(self.tr("Leave out the figures as the analysis found them, "
                                              "which nobody has checked yet"))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Export:"), self.scope_box)
        layout.addRow(self.reviewed_only)
        layout.addRow(buttons)

    def chosen(self):
        """The chosen scope (a ``SummaryScope``), reviewed figures only when that is ticked."""
        scope = self._scopes[self.scope_box.currentIndex()][1]
        return replace(scope, reviewed_only=self.reviewed_only.isChecked())
