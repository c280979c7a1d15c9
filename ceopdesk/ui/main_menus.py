"""The main window's menus: File, Edit and Help, their actions and when each is on.

An object the window owns (``window.menus``), not a base class of it: the actions are its
attributes (``window.menus.export_action``) and it calls the window's public slots, so the
window's own attributes and Qt's (``QWidget.find``) cannot be shadowed by a menu's name.
The actions are children of the window (its menu-key filter looks them up there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from ..lazy import lazy_module

if TYPE_CHECKING:
    from . import history
    from .main_window import MainWindow
else:
    # The history dialogs load python-docx and the approver's-file reader (a third of start-up
    # time); the first screen shows neither, so they load when one is first opened.
    history = lazy_module("ceopdesk.ui.history")

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class MainMenus:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        # Lambdas: the editor is built when a release is first opened (these are off until then).
        page = window.releases
        self.new_action = self._action(
            "&New release", window.new_release, "Ctrl+N", "Start a new draft release"
        )
        self.export_action = self._action(
            "&Export Word…",
            lambda: page.editor.export_word(),
            "Ctrl+E",
            "Write the open release as a Word file",
        )
        self.copy_action = self._action(
            "&Copy as email text",
            lambda: page.editor.copy_email_text(),
            None,
            "Put the open release on the clipboard as plain text",
        )
        self.history_action = self._action(
            "Release &history…",
            lambda: history.open_history(window, window.ops, page.editor),
            "Ctrl+H",
            "Versions of the open release, what changed between them, restore one",
        )
        self.approver_action = self._action(
            "Import &approver's edits…",
            lambda: history.import_approver_edits(window, window.ops, page.editor),
            None,
            "Compare a Word file an approver sent back with the version sent",
        )
        self.import_action = self._action(
            "&Import releases…",
            window.import_releases,
            None,
            "Past releases from Word files, web pages, text and e-mails",
        )
        self.sample_action = self._action(
            "&Load sample library",
            window.load_sample,
            None,
            "Add the example releases and notes to editors",
        )
        self.settings_action = self._action(
            "&Settings…",
            window.open_settings,
            None,
            "Organisation, press office contact, Word template",
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.backups_action = self._action(
            "&Backups…", window.open_backups, None, "The store's backups: make one now, restore one"
        )
        # On only once the window has its store.
        self.store_actions = (
            self.new_action,
            self.import_action,
            self.sample_action,
            self.settings_action,
            self.backups_action,
        )
        quit_action = self._action("&Quit", window.close, "Ctrl+Q")
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu = window.menuBar().addMenu("&File")
        file_menu.addActions([self.new_action, self.export_action, self.copy_action])
        file_menu.addActions([self.history_action, self.approver_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.sample_action, self.settings_action])
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        self.undo_action = self._action(
            "&Undo", lambda: page.editor.undo(), QKeySequence.StandardKey.Undo
        )
        self.redo_action = self._action(
            "&Redo", lambda: page.editor.redo(), QKeySequence.StandardKey.Redo
        )
        if QKeySequence("Ctrl+Shift+Z") not in self.redo_action.shortcuts():
            self.redo_action.setShortcuts(
                [*self.redo_action.shortcuts(), QKeySequence("Ctrl+Shift+Z")]
            )
        self.find_action = self._action(
            "&Find…",
            window.find_on_page,
            QKeySequence.StandardKey.Find,
            "Search the page you are on",
        )
        edit_menu = window.menuBar().addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)

        help_menu = window.menuBar().addMenu("&Help")
        about = self._action("&About ceopdesk", window.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(about)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: Shortcut = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self._window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def set_store_open(self, is_open: bool) -> None:
        """The actions that need the store, on once it is open."""
        for action in self.store_actions:
            action.setEnabled(is_open)

    def update(self) -> None:
        """Each action on or off, and Undo/Redo named, for the page and editor on show."""
        window = self._window
        releases = window.releases
        editing = window.pages.currentWidget() is releases and releases.editor_is_shown()
        for action in (
            self.export_action,
            self.copy_action,
            self.history_action,
            self.approver_action,
        ):
            action.setEnabled(editing)
        editor = releases.built_editor()
        if editor is None:  # no release opened yet
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)
            return
        self.undo_action.setEnabled(editing and editor.can_undo())
        self.redo_action.setEnabled(editing and editor.can_redo())
        undo_text = editor.undo_stack.undoText() if editor.undo_stack.canUndo() else ""
        self.undo_action.setText(
            f"&Undo {undo_text}".strip() if not editor.is_dirty() else "&Undo typing"
        )
        redo_text = editor.undo_stack.redoText() if editor.undo_stack.canRedo() else ""
        self.redo_action.setText(f"&Redo {redo_text}".strip())
