"""The editor's QTextDocument as the core's blocks, and back.

Read fragment by fragment rather than with ``toPlainText()``, which turns
non-breaking spaces into plain ones and loses bold, italic and links.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableCell,
    QTextTableFormat,
)

from ...core.richtext import BREAK, Block, Span
from ...core.richtext.markdown import WrittenBlock, join_blocks, write_block
from ...core.richtext.model import BlockKind, Cell

LINE_SEPARATOR = "\u2028"  # how QTextDocument holds a line break inside a paragraph
_OBJECT = "\ufffc"  # a picture or other object: not part of the subset
_NUMBERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}
LINK_COLOUR = QColor("#0b57a4")
HEADING_LEVEL = 3  # "###" in the stored Markdown
HEADING_SIZE = 1.2  # times the body size, so a sub-heading looks like one
PARAGRAPH_GAP = 8.0  # pixels after a paragraph
LIST_GAP = 2.0
HEADER_SHADE = QColor("#e8ecf3")  # the header row, as the Word file's table style shades it


def list_format(kind: BlockKind, level: int) -> QTextListFormat:
    fmt = QTextListFormat()
    if kind == "number":
        fmt.setStyle(
            QTextListFormat.Style.ListLowerAlpha if level else QTextListFormat.Style.ListDecimal
        )
    else:
        fmt.setStyle(QTextListFormat.Style.ListCircle if level else QTextListFormat.Style.ListDisc)
    fmt.setIndent(level + 1)
    return fmt


def list_kind(text_list: QTextList) -> tuple[BlockKind, int]:
    fmt = text_list.format()
    kind: BlockKind = "number" if fmt.style() in _NUMBERED else "bullet"
    return kind, 1 if fmt.indent() >= 2 else 0


def block_shape(block: QTextBlock) -> tuple[BlockKind, int]:
    text_list = block.textList()
    if text_list is not None:
        return list_kind(text_list)
    if block.blockFormat().headingLevel() > 0:
        return "heading", 0
    return "paragraph", 0


def char_format(span: Span, base: QTextCharFormat | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat(base) if base is not None else QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if span.bold else QFont.Weight.Normal)
    fmt.setFontItalic(span.italic)
    fmt.setAnchor(span.href is not None)
    fmt.setAnchorHref(span.href or "")
    fmt.setFontUnderline(span.href is not None)
    if span.href:
        fmt.setForeground(LINK_COLOUR)
    else:
        fmt.clearForeground()
    return fmt


def block_spans(block: QTextBlock, heading: bool = False) -> list[Span]:
    spans: list[Span] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            fmt = fragment.charFormat()
            text = fragment.text().replace(LINE_SEPARATOR, BREAK).replace(_OBJECT, "")
            bold = fmt.fontWeight() >= QFont.Weight.DemiBold and not heading
            href = fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None
            spans.append(Span(text, bold, fmt.fontItalic(), href))
        it += 1
    return spans


def read_block(block: QTextBlock) -> Block:
    kind, level = block_shape(block)
    return Block(kind, block_spans(block, kind == "heading"), level)


# -- tables ----------------------------------------------------------------------


def table_of(block: QTextBlock) -> QTextTable | None:
    """The table a block sits in (as a cell's paragraph), or None."""
    if not block.isValid():
        return None
    table = QTextCursor(block).currentTable()
    return table if isinstance(table, QTextTable) else None


def cell_spans(cell: QTextTableCell, header: bool) -> Cell:
    """A cell's text; paragraphs a paste or Enter put in one cell join as one line."""
    spans: Cell = []
    block = cell.firstCursorPosition().block()
    last = cell.lastCursorPosition().block().blockNumber()
    while block.isValid() and block.blockNumber() <= last:
        if spans:
            spans.append(Span(" "))
        spans += block_spans(block, heading=header)  # the header row is bold by its style
        block = block.next()
    return spans


def read_table(table: QTextTable) -> Block:
    rows = [
        [cell_spans(table.cellAt(r, c), r == 0) for c in range(table.columns())]
        for r in range(table.rows())
    ]
    return Block("table", rows=rows)


def table_format(columns: int) -> QTextTableFormat:
    fmt = QTextTableFormat()
    fmt.setHeaderRowCount(1)
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setBorder(1)
    fmt.setBorderBrush(QColor("#8c8c8c"))
    fmt.setBorderCollapse(True)
    fmt.setBottomMargin(PARAGRAPH_GAP)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, 100 / columns)] * columns
    )
    return fmt


def style_header(table: QTextTable) -> None:
    """The first row shaded and bold, as the Word file shows it."""
    for c in range(table.columns()):
        cell = table.cellAt(0, c)
        fmt = cell.format().toTableCellFormat()
        fmt.setBackground(HEADER_SHADE)
        cell.setFormat(fmt)
        cursor = cell.firstCursorPosition()
        cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        cursor.mergeCharFormat(bold)
        block = cell.firstCursorPosition()
        block.mergeBlockCharFormat(bold)  # what is typed into an empty header cell is bold too
    for r in range(1, table.rows()):
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            fmt = cell.format().toTableCellFormat()
            fmt.clearBackground()
            cell.setFormat(fmt)


def insert_table(cursor: QTextCursor, block: Block) -> QTextTable:
    """``block``'s table at ``cursor`` (which is then after it)."""
    rows = block.rows or [[[]]]
    columns = max(len(r) for r in rows)
    table = cursor.insertTable(len(rows), columns, table_format(columns))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            at = table.cellAt(r, c).firstCursorPosition()
            for span in cell:
                at.insertText(span.text.replace(BREAK, " "), char_format(span))
    style_header(table)
    cursor.setPosition(table.lastPosition() + 1)
    return table


class BlockReader:
    """Reads a document's blocks, re-reading only those changed since the last read.

    The stored text is written at every keystroke; reading and writing every
    paragraph of a long text each time made typing lag.  Each block read is
    tagged (``userState``) and its Markdown remembered; an edit clears the tags
    of the blocks it touched, and a list or heading change shows in the shape.
    """

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._known: dict[int, tuple[Block, WrittenBlock | None]] = {}
        self._next = 0
        document.contentsChange.connect(self._changed)

    def _changed(self, position: int, _removed: int, added: int) -> None:
        block = self._document.findBlock(position)
        end = position + added
        while block.isValid() and block.position() <= end:
            block.setUserState(-1)
            block = block.next()

    def _read(self) -> list[tuple[Block, WrittenBlock | None]]:
        out: list[tuple[Block, WrittenBlock | None]] = []
        known: dict[int, tuple[Block, WrittenBlock | None]] = {}
        block = self._document.begin()
        while block.isValid():
            table = table_of(block)
            if table is not None:  # read whole, every time: tables in notes are small
                read = read_table(table)
                out.append((read, write_block(read)))
                block = self._document.findBlock(table.lastPosition() + 1)
                continue
            tag = block.userState()
            cached = self._known.get(tag)
            if cached is None or (cached[0].kind, cached[0].level) != block_shape(block):
                read = read_block(block)
                cached = (read, write_block(read))
                tag = self._next
                self._next += 1
                block.setUserState(tag)
            known[tag] = cached
            out.append(cached)
            block = block.next()
        self._known = known
        return out

    def blocks(self) -> list[Block]:
        return [Block(b.kind, list(b.spans), b.level, list(b.rows)) for b, _ in self._read()]

    def markdown(self) -> str:
        return join_blocks([w for _, w in self._read() if w is not None])


def heading_format(on: bool, base: QTextBlockFormat | None = None) -> QTextBlockFormat:
    fmt = QTextBlockFormat(base) if base is not None else QTextBlockFormat()
    fmt.setHeadingLevel(HEADING_LEVEL if on else 0)
    return fmt


def insert_blocks(cursor: QTextCursor, blocks: list[Block], body_size: float) -> None:
    """Write ``blocks`` at ``cursor``, each after the first in a paragraph of its own."""
    lists: dict[int, tuple[BlockKind, QTextList]] = {}
    for i, block in enumerate(blocks):
        if block.kind == "table":
            # A table is followed by a paragraph of its own (QTextDocument always
            # has one there), which the next block then takes.
            insert_table(cursor, block)
            lists.clear()
            continue
        if i and not _after_table(cursor):
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        block_fmt = heading_format(block.kind == "heading", cursor.blockFormat())
        # Space after a paragraph, as in the Word file; list items sit close together.
        block_fmt.setBottomMargin(PARAGRAPH_GAP if not block.is_list else LIST_GAP)
        cursor.setBlockFormat(block_fmt)
        old_list = cursor.block().textList()
        if old_list is not None:
            old_list.remove(cursor.block())
        if block.is_list:
            if block.level == 0:
                lists.pop(1, None)
            current = lists.get(block.level)
            if current is not None and current[0] == block.kind:
                current[1].add(cursor.block())
            else:
                lists[block.level] = (
                    block.kind,
                    cursor.createList(list_format(block.kind, block.level)),
                )
        else:
            lists.clear()
        for span in block.spans:
            fmt = char_format(span)
            if block.kind == "heading":
                fmt.setFontWeight(QFont.Weight.Bold)
                fmt.setFontPointSize(body_size * HEADING_SIZE)
            cursor.insertText(span.text.replace(BREAK, LINE_SEPARATOR), fmt)


def _after_table(cursor: QTextCursor) -> bool:
    """Whether the cursor is in the empty paragraph straight after a table."""
    block = cursor.block()
    previous = block.previous()
    return not block.text() and previous.isValid() and table_of(previous) is not None


def fill_document(document: QTextDocument, blocks: list[Block]) -> None:
    """Replace what ``document`` holds with ``blocks``."""
    document.clear()
    cursor = QTextCursor(document)
    insert_blocks(cursor, blocks, document.defaultFont().pointSizeF())
