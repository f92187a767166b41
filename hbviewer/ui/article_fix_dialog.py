"""The "Fix article" dialog: title, publication, date, page and the regions an article is about.

It only gathers what the user wrote; ``article_fix_flow`` writes it in the background and says
here what could not be done (a date that is not a date, a region nobody is called), the dialog
staying open with what was typed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from ..core.model import StoredArticle


def region_names(written: str) -> list[str]:
    """The names in a field of regions: 张家口市、万全区 (any of 、,，; or spaces between)."""
    return [n for n in re.split(r"[、,，;；\s]+", written.strip()) if n]


class ArticleFixDialog(QDialog):
    fixWanted = Signal(dict, list, list)  # changed fields, regions to add, regions to remove

    def __init__(self, article: StoredArticle, subjects: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fix article"))
        self.article, self.subjects = article, subjects
        self.title_edit = QLineEdit(article.title, self)
        self.publication_edit = QLineEdit(article.publication, self)
        self.date_edit = QLineEdit(article.date or "", self)
        self.date_edit.setPlaceholderText(self.tr("2024-05-09 or 2024年5月9日"))
        self.page_edit = QLineEdit(article.page, self)
        self.page_edit.setPlaceholderText(self.tr("3, A3 or 第3版"))
        self.regions_edit = QLineEdit("、".join(subjects), self)
        self.regions_edit.setPlaceholderText(self.tr("张家口市、万全区"))
        self.regions_edit.setToolTip(self.tr("The regions the article is about, separated by 、 or commas. "
                                             "Write 张家口市桥东区 for a name several regions share."))
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Publication:"), self.publication_edit)
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow(self.tr("P&age:"), self.page_edit)
        form.addRow(self.tr("&Regions:"), self.regions_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self._ask)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def changes(self) -> tuple[dict, list[str], list[str]]:
        """What differs from the article as shown: (fields, regions added, regions removed)."""
        a = self.article
        fields = {}
        for key, edit, was in (("title", self.title_edit, a.title), ("publication", self.publication_edit,
                                                                       a.publication),
                               ("date", self.date_edit, a.date or ""), ("page", self.page_edit, a.page)):
            if edit.text().strip() != (was or "").strip():
                fields[key] = edit.text().strip()
        wanted = region_names(self.regions_edit.text())
        return (fields, [n for n in wanted if n not in self.subjects],
                [n for n in self.subjects if n not in wanted])

    def _ask(self) -> None:
        fields, add, remove = self.changes()
        if not (fields or add or remove):
            self.accept()  # nothing changed: nothing to write
            return
        self.buttons.setEnabled(False)
        self.error_label.hide()
        self.fixWanted.emit(fields, add, remove)

    def refused(self, message: str) -> None:
        """The fix could not be made: said here, the dialog open with what was typed."""
        self.buttons.setEnabled(True)
        self.error_label.setText(message)
        self.error_label.show()
