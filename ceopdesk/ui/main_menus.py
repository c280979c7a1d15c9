"""The main window's menus: File, Edit and Help, their actions and when each is on.

A mixin of ``MainWindow``: the actions are the window's attributes (``window.export_action``)
and their slots the window's methods.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from ..lazy import lazy_module

# The history dialogs load python-docx and the approver's-file reader (a third of start-up
# time); the first screen shows neither, so they load when one is first opened.
history = lazy_module("ceopdesk.ui.history")


class MainMenus:
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | str | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        # Lambdas: the editor is built when a release is first opened (these are off until then).
        page = self.releases
        self.new_action = self._action(
            "&New release", self.new_release, "Ctrl+N", "Start a new draft release"
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
            lambda: history.open_history(self, self.ops, page.editor),
            "Ctrl+H",
            "Versions of the open release, what changed between them, restore one",
        )
        self.approver_action = self._action(
            "Import &approver's edits…",
            lambda: history.import_approver_edits(self, self.ops, page.editor),
            None,
            "Compare a Word file an approver sent back with the version sent",
        )
        self.import_action = self._action(
            "&Import releases…",
            self.import_releases,
            None,
            "Past releases from Word files, web pages, text and e-mails",
        )
        self.sample_action = self._action(
            "&Load sample library",
            self.load_sample,
            None,
            "Add the example releases and notes to editors",
        )
        self.settings_action = self._action(
            "&Settings…",
            self.open_settings,
            None,
            "Organisation, press office contact, Word template",
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.backups_action = self._action(
            "&Backups…", self.open_backups, None, "The store's backups: make one now, restore one"
        )
        self._store_actions = (
            self.new_action,
            self.import_action,
            self.sample_action,
            self.settings_action,
            self.backups_action,
        )
        quit_action = self._action("&Quit", self.close, "Ctrl+Q")
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu = self.menuBar().addMenu("&File")
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
            "&Find…", self.find, QKeySequence.StandardKey.Find, "Search the page you are on"
        )
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)

        help_menu = self.menuBar().addMenu("&Help")
        about = self._action("&About ceopdesk", self.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(about)

    def _update_actions(self) -> None:
        editing = self.pages.currentWidget() is self.releases and self.releases.editor_is_shown()
        for action in (
            self.export_action,
            self.copy_action,
            self.history_action,
            self.approver_action,
        ):
            action.setEnabled(editing)
        editor = self.releases.built_editor()
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
