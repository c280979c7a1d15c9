"""Editing a table in a note: cell text, rows and columns, the header row kept.

The table is what the stored Markdown can hold (a pipe table): one header row,
one line of text per cell, no merged cells and nothing but text in a cell.  So
Enter does not start a paragraph in a cell, lists and sub-headings stay out,
and the header row cannot be removed; each refusal says why in the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor, QTextTable

from ...core.richtext import Block
from .document import insert_table as put_table
from .document import style_header

if TYPE_CHECKING:
    from .editor import RichTextEdit

NEW_TABLE = (2, 2)  # a header row and one row, two columns: what a new table starts as


class TableEditing:
    """The table actions of a :class:`RichTextEdit`, which owns one (``editor.tables``)."""

    def __init__(self, editor: RichTextEdit) -> None:
        self._editor = editor

    def current_table(self) -> QTextTable | None:
        # The widget's own cursor, not one made from its block: while the document
        # is being replaced (setPlainText) that block may already be gone.
        table = self._editor.textCursor().currentTable()
        return table if isinstance(table, QTextTable) else None

    def _in_table(self, doing: str) -> QTextTable | None:
        table = self.current_table()
        if table is None:
            self._editor.say(f"Put the cursor in a table to {doing}.")
        return table

    def insert_table(self) -> None:
        if not self._editor.headings or self.current_table() is not None:
            self._editor.say("A table goes in a note, and not inside another table.")
            return
        cursor = self._editor.textCursor()
        cursor.beginEditBlock()
        if cursor.block().text():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock()
        rows, columns = NEW_TABLE
        table = put_table(cursor, Block("table", rows=[[[]] * columns for _ in range(rows)]))
        cursor.endEditBlock()
        self._editor.setTextCursor(table.cellAt(0, 0).firstCursorPosition())

    def add_row(self) -> None:
        table = self._in_table("add a row")
        if table is None:
            return
        row = table.cellAt(self._editor.textCursor()).row()
        table.insertRows(row + 1, 1)
        style_header(table)
        self._editor.setTextCursor(table.cellAt(row + 1, 0).firstCursorPosition())

    def remove_row(self) -> None:
        table = self._in_table("remove a row")
        if table is None:
            return
        row = table.cellAt(self._editor.textCursor()).row()
        if row == 0:
            self._editor.say(
                "The header row stays: a table in the Word file always has one. "
                "Remove the table to take it all away."
            )
            return
        table.removeRows(row, 1)

    def add_column(self) -> None:
        table = self._in_table("add a column")
        if table is None:
            return
        cell = table.cellAt(self._editor.textCursor())
        table.insertColumns(cell.column() + 1, 1)
        _even_widths(table)
        style_header(table)
        self._editor.setTextCursor(
            table.cellAt(cell.row(), cell.column() + 1).firstCursorPosition()
        )

    def remove_column(self) -> None:
        table = self._in_table("remove a column")
        if table is None:
            return
        if table.columns() == 1:
            self._editor.say("This is the table's only column: remove the table instead.")
            return
        table.removeColumns(table.cellAt(self._editor.textCursor()).column(), 1)
        _even_widths(table)

    def remove_table(self) -> None:
        table = self._in_table("remove it")
        if table is None:
            return
        cursor = self._editor.textCursor()
        cursor.setPosition(table.firstPosition() - 1)
        cursor.setPosition(table.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()

    def move_cell(self, forward: bool) -> bool:
        """Tab / Shift+Tab in a table: the next or previous cell. False outside tables or
        past either end (focus moves on, as elsewhere)."""
        table = self.current_table()
        if table is None:
            return False
        cell = table.cellAt(self._editor.textCursor())
        index = cell.row() * table.columns() + cell.column() + (1 if forward else -1)
        if not 0 <= index < table.rows() * table.columns():
            return False
        target = table.cellAt(index // table.columns(), index % table.columns())
        cursor = target.firstCursorPosition()
        cursor.setPosition(target.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        return True


def _even_widths(table: QTextTable) -> None:
    fmt = table.format()
    share = fmt.columnWidthConstraints()[0] if fmt.columnWidthConstraints() else None
    columns = table.columns()
    if share is None:
        return
    fmt.setColumnWidthConstraints([type(share)(share.type(), 100 / columns)] * columns)
    table.setFormat(fmt)
