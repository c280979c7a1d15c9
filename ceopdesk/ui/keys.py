"""Menu shortcuts win over the keys a text field keeps for itself.

A QLineEdit claims Ctrl+E, Ctrl+Z and others (through the ShortcutOverride
event) before the window's menu sees them, so Ctrl+E in the headline moved the
cursor instead of exporting.  Installed on the application by the main window,
this filter leaves ShortcutOverride unaccepted for every key that an enabled
action of that window is bound to, so the action runs from every field; all
other keys (Ctrl+C, Ctrl+V, Ctrl+A…) stay with the field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget


class MenuKeysWin(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        pressed = QKeySequence(event.keyCombination())
        for action in self._window.findChildren(QAction):
            if action.isEnabled() and any(
                key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                for key in action.shortcuts()
            ):
                return True  # left unaccepted: the window's shortcut takes the key
        return False
