"""The Word briefing dialog: its title, period and regions, a preview of the draft, a template, and Save….

The draft is built by the core in the background whenever a choice changes,
and again when saving, so the file always says what the preview last showed
for the same choices. The template is the app's setting, not the dialog's:
the next briefing uses it too.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from ..core.briefing.briefing import BriefingScope, date_bound
from ..core.store.search import SearchQuery
from .controller import LibraryController
from .dialogs import open_warning
from .settings import AppSettings
from .tasks import CalmProgress

REBUILD_DELAY_MS = 400  # typing a date or a title rebuilds once it pauses, not at every key
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name_for(title: str) -> str:
    """``河北省各地科技创新工作动态（2024年10月）.docx``: the title, without what a file name cannot hold."""
    name = _NOT_IN_FILE_NAMES.sub("_", title).strip(" ._") or "briefing"
    return name[:120] + ".docx"


class BriefingDialog(QDialog):
    previewShown = Signal()
    written = Signal(object)  # the .docx's path, or None when it was not written

    def __init__(self, controller: LibraryController, settings: AppSettings, regions: list[tuple[str, str]],
                 query: SearchQuery | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._owner = parent  # a write's failure is said even if this dialog is gone by then
        self.region_codes = tuple(code for code, _name in regions)
        self.query = query
        self.draft = None
        self._seq = 0
        self._own_title = False
        self._finished = False  # late answers from the background are dropped once closed
        self.setWindowTitle(self.tr("Generate briefing"))

        self.title_edit = QLineEdit(self)
        self.from_edit = QLineEdit(self)
        self.to_edit = QLineEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setPlaceholderText(self.tr("YYYY-MM or YYYY-MM-DD"))
            edit.setClearButtonEnabled(True)
        self.scope_label = QLabel(self._scope_text(regions), self)
        self.scope_label.setWordWrap(True)
        self.template_label = QLabel(self)
        self.template_button = QPushButton(self.tr("Choose…"), self)
        self.clear_template_button = QPushButton(self.tr("Use the built-in layout"), self)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.status_label = QLabel(self)
        self.written_label = QLabel(self)
        self.written_label.setWordWrap(True)
        self.open_folder_button = QPushButton(self.tr("Open folder"), self)
        self.open_folder_button.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        # An action, not Accept: the dialog stays open after saving, for another file or template.
        self.save_button = self.buttons.addButton(self.tr("Save…"), QDialogButtonBox.ActionRole)
        self._lay_out()
        self._show_template()
        self.resize(720, 640)

        self._timer = QTimer(self, singleShot=True, interval=REBUILD_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.title_edit.textEdited.connect(self._title_edited)
        for edit in (self.from_edit, self.to_edit):
            edit.textChanged.connect(self._choice_changed)
        self.template_button.clicked.connect(self.choose_template)
        self.clear_template_button.clicked.connect(self.clear_template)
        self.open_folder_button.clicked.connect(self._open_folder)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.finished.connect(self._closed)
        self.refresh()

    def _lay_out(self) -> None:
        period = QHBoxLayout()
        period.addWidget(self.from_edit)
        period.addWidget(QLabel("—", self))
        period.addWidget(self.to_edit)
        template = QHBoxLayout()
        template.addWidget(self.template_label, 1)
        template.addWidget(self.template_button)
        template.addWidget(self.clear_template_button)
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Period:"), period)
        form.addRow(self.tr("Regions:"), self.scope_label)
        form.addRow(self.tr("Template:"), template)
        written = QHBoxLayout()
        written.addWidget(self.written_label, 1)
        written.addWidget(self.open_folder_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Preview:"), self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(written)
        layout.addWidget(self.buttons)

    def _scope_text(self, regions: list[tuple[str, str]]) -> str:
        if regions:
            return "、".join(name for _code, name in regions)
        if self.query is not None:
            if self.query.text.strip():
                return self.tr("The current search: %1").replace("%1", self.query.text.strip())
            return self.tr("The articles listed")
        return self.tr("The whole library")

    # -- the choices ---------------------------------------------------------------------------
    def scope(self) -> BriefingScope | None:
        """The briefing the choices ask for; None (and said why) while a date cannot be read."""
        dates = []
        for edit, last in ((self.from_edit, False), (self.to_edit, True)):
            text = edit.text().strip()
            try:
                date_bound(text, last)
            except ValueError:
                self.status_label.setText(self.tr("Not a date: %1. Write it as YYYY-MM, YYYY-MM-DD or YYYY.")
                                          .replace("%1", text))
                return None
            dates.append(text or None)
        title = self.title_edit.text().strip() if self._own_title else ""
        return BriefingScope(region_codes=self.region_codes, date_from=dates[0], date_to=dates[1],
                             query=self.query, title=title)

    def _title_edited(self, text: str) -> None:
        self._own_title = bool(text.strip())  # emptied: the default title again
        self._timer.start()

    def _choice_changed(self, _text: str = "") -> None:
        self._timer.start()

    # -- the preview ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Build the draft in the background; an answer to older choices than the latest is dropped."""
        scope = self.scope()
        if scope is None:
            return
        self._seq += 1
        self.status_label.setText(self.tr("Building the preview…"))

        def work(lib, _progress, _stop):
            from ..core.briefing.briefing import build_briefing
            from ..core.briefing.draft import draft_text

            draft = build_briefing(lib, scope)
            return draft, draft_text(draft)

        self.controller.run(work, partial(self._show_draft, self._seq), partial(self._preview_failed, self._seq))

    def _show_draft(self, seq: int, result) -> None:
        if self._finished or seq != self._seq:
            return
        self.draft, text = result
        self.preview.setPlainText(text)
        if not self._own_title:
            self.title_edit.setText(self.draft.title)
        sections = len(self.draft.sections)
        self.status_label.setText(self.tr("%1 figure(s) in %2 section(s)")
                                  .replace("%1", str(self.draft.figure_count)).replace("%2", str(sections)))
        self.previewShown.emit()

    def _preview_failed(self, seq: int, message: str, details: str) -> None:
        from .errors import log_error

        log_error(details)
        if not self._finished and seq == self._seq:
            self.status_label.setText(self.tr("No preview: %1").replace("%1", message))

    # -- the template ----------------------------------------------------------------------------
    def choose_template(self) -> None:
        start = self.settings.briefing_template or self.settings.last_export_folder or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a template"), start,
                                              self.tr("Word documents (*.docx *.dotx)"))
        if path:
            self.settings.briefing_template = path
            self._show_template()

    def clear_template(self) -> None:
        self.settings.briefing_template = ""
        self._show_template()

    def _show_template(self) -> None:
        template = self.settings.briefing_template
        if template:
            self.template_label.setText(Path(template).name)
            self.template_label.setToolTip(template)
        else:
            self.template_label.setText(self.tr("Built-in layout (GB/T 9704)"))
            self.template_label.setToolTip("")
        self.clear_template_button.setEnabled(bool(template))

    # -- saving ----------------------------------------------------------------------------------
    def save(self) -> None:
        if self.scope() is None:
            return
        folder = Path(self.settings.last_export_folder or Path.home())
        start = str(folder / file_name_for(self.title_edit.text().strip()))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save briefing"), start,
                                              self.tr("Word document (*.docx)"))
        if path:
            self.settings.last_export_folder = str(Path(path).parent)
            self.save_to(path)

    def save_to(self, path: str):
        """Build and write the briefing in the background, in the chosen template if there is one."""
        scope = self.scope()
        if scope is None:
            return None
        template = self.settings.briefing_template or None

        def work(lib, _progress, _stop):
            from ..core.briefing import word
            from ..core.briefing.briefing import build_briefing

            return word.write_briefing(build_briefing(lib, scope), path, template)

        self.save_button.setEnabled(False)
        task = self.controller.run(work, self._written, self._write_failed)
        if task is not None:
            self.progress = CalmProgress(self, self.tr("Writing the briefing…"), task)
        return task

    def _written(self, path) -> None:
        self.written.emit(Path(path))
        if self._finished:
            return
        self.save_button.setEnabled(True)
        self.written_path = Path(path)
        self.written_label.setText(self.tr("Written: %1").replace("%1", str(path)))
        self.open_folder_button.show()

    def _write_failed(self, message: str, details: str) -> None:
        from .errors import log_error

        log_error(details)
        self.written.emit(None)
        if self._finished:
            self._owner_box = open_warning(self._owner, self.tr("The briefing was not written"), message)
            return
        self.save_button.setEnabled(True)
        self._warning_box = open_warning(self, self.tr("The briefing was not written"), message)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written_path.parent)))

    def _closed(self, _result: int) -> None:
        self._finished = True
        self._timer.stop()
