"""The small toolbar above a formatted-text field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget


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
    and (in notes) sub-heading and a table menu."""

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
        self.table: QToolButton | None = None
        self.table_actions: dict[str, QAction] = {}
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
            self._table_menu(editor)
        for action in [*self.actions(), *self.table_actions.values()]:
            action.triggered.connect(lambda *_: editor.setFocus())

    def _table_menu(self, editor) -> None:  # noqa: ANN001 - the RichTextEdit
        menu = QMenu(self)
        for key, text, slot in (
            ("insert", "Insert a table", editor.tables.insert_table),
            ("row", "Add a row below", editor.tables.add_row),
            ("remove_row", "Remove this row", editor.tables.remove_row),
            ("column", "Add a column to the right", editor.tables.add_column),
            ("remove_column", "Remove this column", editor.tables.remove_column),
            ("remove_table", "Remove the table", editor.tables.remove_table),
        ):
            action = menu.addAction(text)
            action.setObjectName(f"table_{key}")
            action.triggered.connect(lambda *_, slot=slot: slot())
            self.table_actions[key] = action
        self.table = QToolButton(self)
        self.table.setObjectName("tableButton")
        self.table.setText("Table")
        self.table.setToolTip("A table in the note: insert one, add or remove rows and columns")
        self.table.setMenu(menu)
        self.table.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(self.table)

    def show_table_state(self, in_table: bool) -> None:
        """Row and column actions only inside a table; a table inside a table never."""
        for key, action in self.table_actions.items():
            action.setEnabled(in_table != (key == "insert"))
