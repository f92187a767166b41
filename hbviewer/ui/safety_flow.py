"""Keeping the library safe from the window: backups, restoring one, checks, and a damaged file's way out.

A library file is backed up after an import that added articles (at most every
half hour) and when the window closes after a change; a backup that fails says
so in the status bar and nothing more. A check runs in the background soon
after the window is shown, and Tools → Check library runs the full one. Damage,
met by a check or by any other work, is offered a way out once: restore the
latest good backup, recover what can be read into a new library, or keep the
file read-only. The damaged file itself is never written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.store import LibraryError
from ..core.store.maintenance import (
    backup_if_due, backup_now, backups_folder, backups_summary, check_library, list_backups, recover_library,
    restore_backup,
)
from .controller import LibraryController
from .dialogs import open_warning
from .errors import log_error
from .safe_text import rich_literal
from .safety_dialogs import BEFORE_RESTORE, DamageBox, RestoreDialog
from .settings import AppSettings
from .tasks import CalmProgress

QUICK_CHECK_DELAY_MS = 1500  # after the window is shown and its first list drawn: the start is not slowed


def restore_latest_good(path: Path):
    """Restore the newest backup that passes its check (never a copy kept by a restore); None if none does."""
    for backup in list_backups(path):
        if backup.articles is None or backup.tag == BEFORE_RESTORE:
            continue
        try:
            restore_backup(path, backup.path)
        except LibraryError as exc:
            if exc.code != "damaged":
                raise
            continue  # damaged too: the one before it
        return backup
    return None


class SafetyFlow(QObject):
    statusMessage = Signal(str)
    checked = Signal(object)  # CheckReport
    restored = Signal(object)  # the Backup put in the library's place, or None when none was good
    recovered = Signal(object)  # RecoveryReport
    backedUp = Signal(object)  # the new backup's path

    def __init__(self, controller: LibraryController, settings: AppSettings, menus, status, parent: QWidget):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.menus = menus
        self.status = status
        self._widget = parent
        self._changed = False  # anything imported or changed since the window opened (or restored)
        self._damage_offered = False
        self.damage_box: DamageBox | None = None
        self.restore_dialog: RestoreDialog | None = None
        self._box: QMessageBox | None = None
        menus.restore_action.triggered.connect(self.choose_backup)
        menus.check_action.triggered.connect(self.check)
        controller.damageFound.connect(self.damage_found)
        controller.libraryChanged.connect(self._library_changed)
        self._show_state()
        self._quick_check_timer = QTimer(self, singleShot=True, interval=QUICK_CHECK_DELAY_MS)
        self._quick_check_timer.timeout.connect(self.quick_check)
        self._quick_check_timer.start()

    def _show_state(self) -> None:
        controller = self.controller
        self.status.show_library(str(controller.path), controller.is_server, controller.read_only)
        self.menus.set_read_only(controller.read_only)
        action = self.menus.restore_action
        action.setEnabled(not controller.is_server)
        action.setToolTip("" if not controller.is_server else self.tr(
            "A shared library on a server is backed up by its administrator (pg_dump), not by hbviewer."))
        action.setStatusTip(action.toolTip())

    def _library_changed(self) -> None:
        self._changed = True

    # -- backups ----------------------------------------------------------------------------
    def imported(self, report) -> None:
        """After an import that added articles: a backup, when the last one is half an hour old."""
        if report.articles_added and not self.controller.is_server and not self.controller.damaged:
            self.controller.run(lambda lib, _progress, _stop: backup_if_due(lib), self._backed_up,
                                self._backup_failed)

    def closing(self) -> None:
        """The window closes: a backup if anything changed; the controller waits for it before closing."""
        if self._changed and not self.controller.is_server and not self.controller.damaged:
            self.controller.run(lambda lib, _progress, _stop: backup_now(lib), None,
                                lambda message, _details: log_error(f"backup on close: {message}"))

    def _backed_up(self, path) -> None:
        # said in the status bar only when it is free: what the import found matters more
        if path is not None:
            if not self.status.status_bar.currentMessage():
                self.statusMessage.emit(self.tr("The library was backed up (%1).").replace("%1", Path(path).name))
            self.backedUp.emit(path)

    def _backup_failed(self, message: str, _details: str) -> None:
        self.statusMessage.emit(self.tr("No backup was made: %1").replace("%1", message))

    # -- restoring --------------------------------------------------------------------------
    def choose_backup(self) -> None:
        """File → Restore from backup…: the backups, listed in the background (each one's articles counted)."""
        if self.controller.is_server:
            return
        path = Path(self.controller.path)
        dialog = RestoreDialog(path.name, str(backups_folder(path)), self._widget)
        dialog.restoreWanted.connect(self.restore)
        self.restore_dialog = dialog
        self.controller.runner.start(lambda _progress, _stop: list_backups(path), dialog.set_backups,
                                     lambda message, _details: self._warn(self.tr("Restore from backup"), message))
        dialog.open()

    def restore(self, backup) -> None:
        """Put ``backup`` in the library's place while the window is open: every connection closed first."""
        path = Path(self.controller.path)

        def put_back():
            restore_backup(path, backup.path)
            return backup

        self.controller.reopen(put_back, self._restored, self._restore_failed)

    def restore_latest(self) -> None:
        path = Path(self.controller.path)
        self.controller.reopen(lambda: restore_latest_good(path), self._restored, self._restore_failed)

    def _restored(self, backup) -> None:
        self._changed = False  # the library is a backup now: nothing of this session to keep
        if backup is None:
            self.controller.damaged = self.controller.read_only = True  # the same damaged file, still
            self._warn(self.tr("Restore from backup"), self.tr(
                "No backup of this library passes its check. Recover what can be read into a new library "
                "instead; the damaged file is kept."))
        else:
            self._damage_offered = False
            self.statusMessage.emit(self.tr(
                "The backup of %1 was restored. The library it replaced is kept as a backup: restore that one "
                "to undo.").replace("%1", backup.made.strftime("%Y-%m-%d %H:%M")))
        self._show_state()
        self.restored.emit(backup)

    def _restore_failed(self, message: str, _details: str) -> None:
        self._show_state()
        self._warn(self.tr("Restore from backup"), message)

    # -- checking ---------------------------------------------------------------------------
    def quick_check(self) -> None:
        """The quick check on open, in the background: damage found leads to the damage dialog."""
        self.controller.run(lambda lib, _progress, _stop: check_library(lib, quick=True), self._quick_checked,
                            lambda message, _details: self.statusMessage.emit(message))

    def _quick_checked(self, report) -> None:
        self.checked.emit(report)
        if not report.ok:
            self._found_damage(report.message())

    def check(self) -> None:
        """Tools → Check library: the full check, then what it found."""
        task = self.controller.run(lambda lib, _progress, _stop: check_library(lib), self._checked,
                                   lambda message, _details: self._warn(self.tr("Check library"), message))
        if task is not None:
            self._progress = CalmProgress(self._widget, self.tr("Checking the library…"), task)

    def _checked(self, report) -> None:
        self.checked.emit(report)
        if report.ok:
            self._box = QMessageBox(QMessageBox.Information, self.tr("Check library"), rich_literal(self.tr(
                "The library is in good order: no damage found.")), QMessageBox.Ok, self._widget)
            self._box.open()
        else:
            self._damage_offered = False  # asked for: the way out is offered again
            self._found_damage(report.message())

    def _found_damage(self, message: str) -> None:
        if self.controller.is_server:  # a server's backups and repairs are its administrator's
            self._warn(self.tr("Check library"), message)
        else:
            self.controller.damage_met(message)

    # -- a damaged library --------------------------------------------------------------------
    def damage_found(self, message: str) -> None:
        """Damage met anywhere: the library is read-only from now on, and a way out is offered once."""
        self._show_state()
        if self._damage_offered or self.controller.is_server:
            self.statusMessage.emit(self.tr("The library is damaged and read-only: File → Restore from backup…"))
            return
        self._damage_offered = True
        try:
            count, _size = backups_summary(self.controller.path)
        except LibraryError:
            count = 0
        self.damage_box = DamageBox(message, count > 0, self._widget)
        self.damage_box.chosen.connect(self._damage_choice)
        self.damage_box.open()

    def _damage_choice(self, choice: str) -> None:
        if choice == "restore":
            self.restore_latest()
        elif choice == "recover":
            self.recover()
        else:
            self.statusMessage.emit(self.tr("The library stays read-only: searching and reading still work."))

    def recover(self) -> None:
        """Copy what can be read into a new library file, in the background; then offer to open it."""
        source = Path(self.controller.path)
        suggested = source.with_name(f"{source.stem}-recovered.sqlite3")
        chosen, _ = QFileDialog.getSaveFileName(self._widget, self.tr("Recover into a new library"),
                                                str(suggested), self.tr("hbviewer library (*.sqlite3)"))
        if not chosen:
            return
        target = Path(chosen)
        if target.resolve() == source.resolve():
            self._warn(self.tr("Recover"), self.tr("Choose a new file: the damaged one is kept as it is."))
            return
        task = self.controller.runner.start(lambda _progress, _stop: recover_library(source, target),
                                            self._recovered,
                                            lambda message, _details: self._warn(self.tr("Recover"), message))
        self._progress = CalmProgress(self._widget, self.tr("Recovering what can be read…"), task)

    def _recovered(self, report) -> None:
        self.recovered.emit(report)
        box = QMessageBox(QMessageBox.Question, self.tr("Recover"), rich_literal(
            self.tr("What could be read was copied into a new library. Open it now instead of the damaged one?")),
            QMessageBox.NoButton, self._widget)
        box.setInformativeText(rich_literal(report.message()))
        box.open_button = box.addButton(self.tr("Open the new library"), QMessageBox.AcceptRole)
        box.addButton(self.tr("Not now"), QMessageBox.RejectRole)
        box.buttonClicked.connect(lambda button: self.open_recovered(report.target)
                                  if button is box.open_button else None)
        box.open()
        self._box = box

    def open_recovered(self, target: Path) -> None:
        """The new library becomes the one the window shows, and the one it opens next time."""
        self.settings.library_location = Path(target)
        self.settings.sync()
        self._damage_offered = False
        self.controller.reopen(on_done=lambda _result: self._opened_recovered(target),
                               on_error=self._restore_failed, location=Path(target))

    def _opened_recovered(self, target: Path) -> None:
        self._changed = False
        self._show_state()
        self.statusMessage.emit(self.tr("Opened the recovered library %1.").replace("%1", Path(target).name))

    def _warn(self, title: str, message: str) -> None:
        self._box = open_warning(self._widget, title, message)
