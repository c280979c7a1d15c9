"""A formatted-text field limited to the house subset: what the user sees is what the Word
file will have, and what is stored is the project's Markdown (never shown)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QKeyEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QInputDialog, QMainWindow, QTextEdit, QWidget

from ...core.richtext import (
    Block,
    Conversion,
    Span,
    beyond_editor,
    blocks_to_markdown,
    html_to_markdown,
    one_paragraph,
    parse_inline,
    parse_markdown,
    text_to_markdown,
    typographic_quote,
)
from ...core.richtext.clean import Removed, remove_invisible
from ...core.richtext.model import BlockKind
from .document import (
    LINE_SEPARATOR,
    LINK_COLOUR,
    LIST_GAP,
    PARAGRAPH_GAP,
    BlockReader,
    block_shape,
    char_format,
    fill_document,
    heading_format,
    insert_blocks,
    list_format,
)
from .links import usable_link
from .tables import TableEditing
from .toolbar import FormatBar

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
_BULLET_KEYS = (Qt.Key.Key_8, Qt.Key.Key_Asterisk)  # Shift+8 is "*" on UK and US keyboards
_NUMBER_KEYS = (Qt.Key.Key_7, Qt.Key.Key_Ampersand)


class RichTextEdit(QTextEdit):
    """Paragraphs, bullets, numbered lists (one nested level), bold, italic, links and,
    where ``headings`` is on (notes), sub-headings and tables.  With ``inline`` (the standfirst) it is one
    paragraph of bold, italic and links: Enter starts no other, a paste is joined into one,
    and the stored text is inline Markdown, read as the Word export reads it.

    ``textChanged`` fires on every edit, formatting included; ``message`` says
    what a paste changed or why it brought nothing (also on the window's status bar).
    """

    message = Signal(str)

    def __init__(
        self,
        placeholder: str = "",
        *,
        headings: bool = False,
        inline: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.headings = headings and not inline
        self.inline = inline
        self.smart_quotes = True
        self.last_message = ""
        self._kept: str | None = None  # stored text shown read-only (see set_markdown)
        self._reader = BlockReader(self.document())
        self.setPlaceholderText(placeholder)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)  # Tab indents a list item; elsewhere it moves on
        self.setUndoRedoEnabled(False)  # the form keeps one undo history for everything
        self.tables = TableEditing(self)
        self.toolbar = FormatBar(self, self.headings, inline, self)
        self.setViewportMargins(0, self.toolbar.sizeHint().height(), 0, 0)
        self.cursorPositionChanged.connect(self._show_state)
        self.currentCharFormatChanged.connect(self._show_state)

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt's event
        super().resizeEvent(event)
        frame = self.frameWidth()
        self.toolbar.setGeometry(
            frame, frame, self.width() - 2 * frame, self.toolbar.sizeHint().height()
        )

    def _show_state(self) -> None:
        bar = self.toolbar
        kind, _level = block_shape(self.textCursor().block())
        bar.bold.setChecked(self.is_bold())
        bar.italic.setChecked(self.currentCharFormat().fontItalic())
        if bar.bullets is not None and bar.numbers is not None:
            bar.bullets.setChecked(kind == "bullet")
            bar.numbers.setChecked(kind == "number")
        if bar.heading is not None:
            bar.heading.setChecked(kind == "heading")
        if bar.table is not None:
            bar.show_table_state(self.tables.current_table() is not None)

    # -- the stored text ------------------------------------------------------------
    def markdown(self) -> str:
        if self._kept is not None:
            return self._kept
        if self.inline:
            return blocks_to_markdown(one_paragraph(self._reader.blocks()))
        return self._reader.markdown()

    def _parse(self, markdown: str) -> list[Block]:
        if self.inline:
            return parse_inline(markdown)
        return parse_markdown(markdown, headings=self.headings, tables=self.headings)

    def set_markdown(self, markdown: str) -> None:
        """Show stored Markdown formatted; the cursor goes to the start.

        Text with something the editor cannot hold (a table outside a note, or
        inside a list) is shown read-only and kept exactly as stored, rather than
        losing the table on the next save.
        """
        if markdown == self.markdown():
            return  # unchanged: keep the cursor where the user left it
        beyond = None if self.inline else beyond_editor(markdown, tables=self.headings)
        self._kept = markdown if beyond else None
        self.setReadOnly(beyond is not None)
        self.toolbar.setEnabled(beyond is None)
        self.setToolTip(
            f"This text has {beyond}, which this editor cannot change yet: it is kept "
            "exactly as it is and appears in the Word file."
            if beyond
            else ""
        )
        self.set_blocks(self._parse(markdown))

    def blocks(self) -> list[Block]:
        return self._reader.blocks()

    def set_blocks(self, blocks: list[Block]) -> None:
        blocked = self.blockSignals(True)
        try:
            fill_document(self.document(), blocks)
        finally:
            self.blockSignals(blocked)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.textChanged.emit()

    # -- formatting -----------------------------------------------------------------
    def _merge(self, fmt: QTextCharFormat) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        cursor.mergeCharFormat(fmt)
        self.mergeCurrentCharFormat(fmt)

    def is_bold(self) -> bool:
        return self.currentCharFormat().fontWeight() >= QFont.Weight.DemiBold

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Normal if self.is_bold() else QFont.Weight.Bold)
        self._merge(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.currentCharFormat().fontItalic())
        self._merge(fmt)

    def ask_link(self, current: str) -> str | None:
        """The address for a link (empty removes it); None when the user cancels."""
        text, ok = QInputDialog.getText(self, "Link", "Web or e-mail address:", text=current)
        return text if ok else None

    def edit_link(self) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        if not cursor.hasSelection():
            self.say("Select the words to link first.")
            return
        current = self.currentCharFormat().anchorHref()
        answer = self.ask_link(current)
        if answer is None:
            return
        href = usable_link(answer) if answer.strip() else ""
        if href is None:
            self.say(f"“{answer.strip()}” is not a web or e-mail address, so nothing was linked.")
            return
        fmt = QTextCharFormat()
        fmt.setAnchor(bool(href))
        fmt.setAnchorHref(href)
        fmt.setFontUnderline(bool(href))
        fmt.setForeground(LINK_COLOUR if href else self.palette().text())
        cursor.mergeCharFormat(fmt)
        self.setTextCursor(cursor)

    def toggle_list(self, kind: BlockKind) -> None:
        """The selected paragraphs become a list of ``kind``, or stop being one."""
        if self.inline or self._not_in_table("a list"):
            return
        cursor = self.textCursor()
        shape = block_shape(cursor.block())
        cursor.beginEditBlock()
        if shape[0] == kind:
            for block in self._selected_blocks():
                text_list = block.textList()
                if text_list is not None:
                    text_list.remove(block)
                    fmt = block.blockFormat()
                    fmt.setIndent(0)
                    fmt.setBottomMargin(PARAGRAPH_GAP)
                    QTextCursor(block).setBlockFormat(fmt)
        else:
            fmt = heading_format(False, cursor.blockFormat())
            fmt.setBottomMargin(LIST_GAP)
            cursor.setBlockFormat(fmt)
            cursor.createList(list_format(kind, 0))
        cursor.endEditBlock()

    def toggle_heading(self) -> None:
        if not self.headings or self._not_in_table("a sub-heading"):
            return
        cursor = self.textCursor()
        on = cursor.blockFormat().headingLevel() == 0
        cursor.beginEditBlock()
        text_list = cursor.block().textList()
        if on and text_list is not None:
            text_list.remove(cursor.block())
        cursor.setBlockFormat(heading_format(on, cursor.blockFormat()))
        select = QTextCursor(cursor.block())
        select.select(QTextCursor.SelectionType.BlockUnderCursor)
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        size = self.document().defaultFont().pointSizeF()
        fmt.setFontPointSize(size * 1.2 if on else size)
        select.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def indent_item(self, deeper: bool) -> bool:
        """Tab / Shift+Tab in a list item: one nested level in or out. False outside lists."""
        block = self.textCursor().block()
        text_list = block.textList()
        if text_list is None:
            return False
        kind, level = block_shape(block)
        target = 1 if deeper else 0
        if level == target:
            return True
        previous = block.previous()
        if deeper and not (previous.isValid() and previous.textList() is not None):
            return True  # the first item has nothing to nest under
        text_list.remove(block)
        neighbour = previous.textList() if previous.isValid() else None
        cursor = QTextCursor(block)
        if neighbour is not None and block_shape(previous) == (kind, target):
            neighbour.add(block)
        elif not deeper:
            # Back to the outer list this item was nested in, so the numbering goes on.
            outer = _outer_list(block, kind)
            if outer is not None:
                outer.add(block)
            else:
                cursor.createList(list_format(kind, 0))
        else:
            cursor.createList(list_format(kind, 1))
        return True

    def _not_in_table(self, what: str) -> bool:
        if self.tables.current_table() is None:
            return False
        self.say(f"A table cell holds one line of text, so {what} cannot go in it.")
        return True

    def _selected_blocks(self):
        cursor = self.textCursor()
        doc = self.document()
        block = doc.findBlock(cursor.selectionStart())
        end = doc.findBlock(cursor.selectionEnd())
        out = [block]
        while block != end and block.isValid():
            block = block.next()
            out.append(block)
        return out

    # -- keys -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == CTRL and key == Qt.Key.Key_B:
            self.toggle_bold()
        elif mods == CTRL and key == Qt.Key.Key_I:
            self.toggle_italic()
        elif mods == CTRL and key == Qt.Key.Key_K:
            self.edit_link()
        elif mods == CTRL | SHIFT and key in _BULLET_KEYS:
            self.toggle_list("bullet")
        elif mods == CTRL | SHIFT and key in _NUMBER_KEYS:
            self.toggle_list("number")
        elif mods == CTRL | SHIFT and key == Qt.Key.Key_V:
            self.paste_plain_text()
        elif self.inline and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.say("This field is one paragraph, so Enter does not start another.")
        elif (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.tables.current_table() is not None
        ):
            self.say("A table cell holds one line of text, so Enter does not start another.")
        elif key == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier:
            if not (self.tables.move_cell(True) or self.indent_item(True)):
                QWidget.focusNextPrevChild(self, True)  # QTextEdit's own refuses while editable
        elif key == Qt.Key.Key_Backtab:
            if not (self.tables.move_cell(False) or self.indent_item(False)):
                QWidget.focusNextPrevChild(self, False)
        elif event.text() in ('"', "'") and self.smart_quotes and not mods & CTRL:
            cursor = self.textCursor()
            before = cursor.block().text()[: cursor.positionInBlock()]
            if cursor.hasSelection():
                before = before[: cursor.selectionStart() - cursor.block().position()]
            cursor.insertText(typographic_quote(event.text(), before))
        else:
            super().keyPressEvent(event)

    # -- paste ----------------------------------------------------------------------
    def say(self, text: str) -> None:
        self.last_message = text
        self.message.emit(text)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasHtml() or source.hasText() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        conversion = self._convert(source)
        if conversion is None:
            return
        blocks = parse_markdown(conversion.markdown, headings=self.headings)
        notes = [*conversion.notes, *self._join_note(blocks)]
        self.insert(one_paragraph(blocks) if self._one_line() else blocks)
        self.say(" ".join(["Pasted.", *notes]) if notes else "")

    def _one_line(self) -> bool:
        """Whether what is pasted here becomes one paragraph: the standfirst, a table cell."""
        return self.inline or self.tables.current_table() is not None

    def _join_note(self, blocks: list[Block]) -> list[str]:
        if not self._one_line() or len(blocks) < 2:
            return []
        where = "this field is one paragraph" if self.inline else "a table cell is one line"
        return [f"The {len(blocks)} paragraphs were joined into one: {where}."]

    def _convert(self, source: QMimeData) -> Conversion | None:
        notes: list[str] = []
        if source.hasHtml():
            html = html_to_markdown(source.html(), headings=self.headings)
            if html.markdown:
                return html
            notes = html.notes
        if source.hasText():
            text = text_to_markdown(source.text(), headings=self.headings)
            if text.markdown:
                return Conversion(text.markdown, notes + text.notes)
            notes += text.notes
        if source.hasImage() or (
            not notes and source.formats() and not source.hasText() and not source.hasHtml()
        ):
            self.say(
                "Nothing was pasted: the clipboard holds a picture or a file, "
                "and this field takes text only."
            )
        elif notes:
            self.say("Nothing was pasted: the copied content has no text. " + " ".join(notes))
        else:
            self.say("Nothing was pasted: the clipboard is empty.")
        return None

    def paste_plain_text(self) -> None:
        """Ctrl+Shift+V: the clipboard's words only, one paragraph per line."""
        removed = Removed()
        text = remove_invisible(QGuiApplication.clipboard().text(), removed, LINE_SEPARATOR)
        lines = [line.replace(LINE_SEPARATOR, "\n") for line in text.split("\n")]
        blocks = [Block("paragraph", [Span(line)]) for line in lines if line.strip()]
        if not blocks:
            self.say("Nothing was pasted: the clipboard holds no text.")
            return
        notes = [*removed.notes(), *self._join_note(blocks)]
        self.insert(one_paragraph(blocks) if self._one_line() else blocks)
        self.say(" ".join(["Pasted as plain text.", *notes]))

    def insert(self, blocks: list[Block]) -> None:
        """Put ``blocks`` at the cursor, replacing the selection."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        inline = len(blocks) == 1 and blocks[0].kind == "paragraph"
        if inline:
            for span in blocks[0].spans:
                cursor.insertText(span.text.replace("\n", LINE_SEPARATOR), char_format(span))
        else:
            if cursor.positionInBlock() > 0:
                cursor.insertBlock()
            insert_blocks(cursor, blocks, self.document().defaultFont().pointSizeF())
        cursor.endEditBlock()
        self.setTextCursor(cursor)


def _without(cursor: QTextCursor, prop: int) -> QTextCharFormat:
    fmt = cursor.charFormat()
    fmt.clearProperty(prop)
    return fmt


def _outer_list(block, kind: BlockKind):
    previous = block.previous()
    while previous.isValid() and previous.textList() is not None:
        if block_shape(previous)[1] == 0:
            return previous.textList() if block_shape(previous)[0] == kind else None
        previous = previous.previous()
    return None
