"""The window's actions, and the menu bar and toolbar that show them.

Only built here: what each action does is connected by the window, which holds
the panes and flows the actions go to.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget


class WindowMenus(QObject):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.import_files_action = self._action(self.tr("Import &files…"), QKeySequence.Open,
                                                self.tr("Import text files into the library"))
        self.import_folder_action = self._action(self.tr("Import f&older…"))
        self.export_action = self._action(self.tr("&Export briefing…"), "Ctrl+E",
                                          self.tr("Write the region summary to an Excel workbook"))
        self.briefing_action = self._action(self.tr("&Generate briefing…"), "Ctrl+B",
                                            self.tr("Draft a Word briefing of the current search"))
        self.preferences_action = self._action(self.tr("&Preferences…"))
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.Quit)
        self.find_action = self._action(self.tr("&Find"), QKeySequence.Find)
        self.next_hit_action = self._action(self.tr("Next hit"), QKeySequence.FindNext)
        self.previous_hit_action = self._action(self.tr("Previous hit"), QKeySequence.FindPrevious)
        self.about_action = self._action(self.tr("&About hbviewer"))
        self.refresh_action = self._action(self.tr("&Refresh"), QKeySequence.Refresh, self.tr(
            "Show the library again, with what others changed in it"))

        self.menu_bar = QMenuBar(parent)
        self.file_menu = self.menu_bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(self.import_files_action)
        self.file_menu.addAction(self.import_folder_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.briefing_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.preferences_action)
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = self.menu_bar.addMenu(self.tr("&Edit"))
        for action in (self.find_action, self.next_hit_action, self.previous_hit_action):
            self.edit_menu.addAction(action)
        self.view_menu = self.menu_bar.addMenu(self.tr("&View"))
        self.view_menu.addAction(self.refresh_action)
        self.help_menu = self.menu_bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self.tr("Main"), parent)
        self.toolbar.setObjectName("main_toolbar")  # its place is saved with the window's state
        self.toolbar.addAction(self.import_files_action)
        self.toolbar.addAction(self.export_action)
        self.toolbar.addAction(self.find_action)
        self._safety_actions()

    def _safety_actions(self) -> None:
        self.restore_action = self._action(self.tr("&Restore from backup…"), tip=self.tr(
            "Put one of the library's backups in its place (the library as it is now is kept as a backup)"))
        self.file_menu.insertAction(self.preferences_action, self.restore_action)
        self.file_menu.insertSeparator(self.preferences_action)
        self.file_menu.setToolTipsVisible(True)  # a disabled action says why
        self.check_action = self._action(self.tr("&Check library"), tip=self.tr(
            "Look for damage in the library (in the background)"))
        self.tools_menu = QMenu(self.tr("&Tools"), self.menu_bar)
        self.tools_menu.addAction(self.check_action)
        self.menu_bar.insertMenu(self.help_menu.menuAction(), self.tools_menu)

    def _action(self, text: str, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self.parent())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        return action

    def set_read_only(self, read_only: bool) -> None:
        """A read-only library cannot be imported into: those actions are greyed out, and say why."""
        for action in (self.import_files_action, self.import_folder_action):
            action.setEnabled(not read_only)
            if read_only:
                action.setStatusTip(self.tr("The library is read-only: importing is not possible."))
