"""The small toolbar above a formatted-text field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QToolBar, QWidget


def _action(
    bar: QToolBar, text: str, tip: str, slot: Callable[[], None], checkable: bool = False
) -> QAction:
    action = QAction(text, bar)
    action.setToolTip(tip)
    action.setCheckable(checkable)
    action.triggered.connect(lambda *_: slot())
    bar.addAction(action)
    return action


class FormatBar(QToolBar):
    """Bold, italic, link and, unless ``inline`` (one paragraph), bullets, numbers, indent
    and (in notes) sub-heading."""

    def __init__(
        self, editor, headings: bool, inline: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formatBar")
        self.setMovable(False)
        self.setStyleSheet("QToolBar { border: none; spacing: 2px; background: palette(window); }")
        self.bold = _action(self, "B", "Bold (Ctrl+B)", editor.toggle_bold, True)
        font = self.bold.font()
        font.setWeight(QFont.Weight.Bold)
        self.bold.setFont(font)
        self.italic = _action(self, "I", "Italic (Ctrl+I)", editor.toggle_italic, True)
        font = self.italic.font()
        font.setItalic(True)
        self.italic.setFont(font)
        self.link = _action(
            self, "Link", "Link to a web page or e-mail address (Ctrl+K)", editor.edit_link
        )
        self.bullets: QAction | None = None
        self.numbers: QAction | None = None
        self.indent: QAction | None = None
        self.outdent: QAction | None = None
        self.heading: QAction | None = None
        if not inline:
            self.addSeparator()
            self.bullets = _action(
                self,
                "• List",
                "Bulleted list (Ctrl+Shift+8)",
                lambda: editor.toggle_list("bullet"),
                True,
            )
            self.numbers = _action(
                self,
                "1. List",
                "Numbered list (Ctrl+Shift+7)",
                lambda: editor.toggle_list("number"),
                True,
            )
            self.indent = _action(
                self, "→", "Nest the list item one level (Tab)", lambda: editor.indent_item(True)
            )
            self.outdent = _action(
                self, "←", "Back to the outer list (Shift+Tab)", lambda: editor.indent_item(False)
            )
        if headings and not inline:
            self.addSeparator()
            self.heading = _action(
                self, "Sub-heading", "A sub-heading inside the note", editor.toggle_heading, True
            )
        for action in self.actions():
            action.triggered.connect(lambda *_: editor.setFocus())
