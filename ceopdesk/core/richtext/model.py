"""The house subset as plain data: blocks of formatted spans.

Every conversion (pasted text and HTML, imported files, the editor's document)
goes through this model, and only ``markdown.py`` turns it into the stored
Markdown or back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from markdown_it.common.normalize_url import normalizeLink

BREAK = "\n"  # a manual line break inside a block (Shift+Enter, Word's vertical tab, <br>)

BlockKind = Literal["paragraph", "bullet", "number", "heading", "table"]


@dataclass(frozen=True)
class Span:
    """A run of text with one formatting; ``text`` may hold BREAK characters."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None

    def styled(self) -> tuple[bool, bool, str | None]:
        return (self.bold, self.italic, self.href)


# A table cell: one line of formatted text (Markdown's pipe tables hold no line breaks).
Cell = list[Span]


@dataclass
class Block:
    """One paragraph, list item (``level`` 0 or 1), sub-heading or table.

    A table (notes only) has no spans: its ``rows`` of cells, the first row
    the header row (a pipe table always has exactly one; never bold, as it is
    bold by its style), every row as wide as the widest once tidied.
    """

    kind: BlockKind = "paragraph"
    spans: list[Span] = field(default_factory=list)
    level: int = 0
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def text(self) -> str:
        if self.kind == "table":  # a row a line, cells between bars, as a person reads it
            return "\n".join(" | ".join(cell_text(c) for c in row) for row in self.rows)
        return "".join(s.text for s in self.spans)

    @property
    def is_list(self) -> bool:
        return self.kind in ("bullet", "number")


def cell_text(cell: Cell) -> str:
    return "".join(s.text for s in cell)


@dataclass
class Conversion:
    """Markdown made from pasted or imported content, and what was changed on the way."""

    markdown: str
    notes: list[str] = field(default_factory=list)


def merge_spans(spans: list[Span]) -> list[Span]:
    """Adjacent spans with the same formatting joined, empty ones dropped."""
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if out and out[-1].styled() == span.styled():
            out[-1] = Span(out[-1].text + span.text, *span.styled())
        else:
            out.append(span)
    return out


_EDGE = " \t"


def tidy_block(block: Block) -> Block | None:
    """The block as Markdown can hold it, or None when nothing is left.

    Spaces and tabs at the ends of a line are not kept by Markdown, line breaks
    at the ends of a block mean nothing, a heading is one line, a list has one
    nested level, and bold or italic on white space alone shows nothing.
    """
    if block.kind == "table":
        return _tidy_table(block)
    spans = []
    for span in block.spans:
        text = span.text.replace("\r", "")
        if block.kind == "heading":
            text = text.replace(BREAK, " ")
        if text.strip(_EDGE + BREAK) == "" and span.href is None:
            spans.append(Span(text))
        else:
            href = normalizeLink(span.href.strip()) if span.href else None
            bold = span.bold and block.kind != "heading"  # a sub-heading is bold already
            spans.append(Span(text, bold, span.italic, href or None))
    spans = merge_spans(spans)
    spans = _unformat_edges(_strip_lines(spans))
    if not spans:
        return None
    level = min(max(block.level, 0), 1) if block.is_list else 0
    return Block(block.kind, spans, level)


def tidy_cell(cell: Cell) -> Cell:
    """A cell as a pipe table keeps it: one line (a line break becomes a space)."""
    one_line = [Span(s.text.replace(BREAK, " "), *s.styled()) for s in cell]
    tidied = tidy_block(Block("paragraph", one_line))
    return tidied.spans if tidied else []


def _tidy_table(block: Block) -> Block | None:
    rows = [[tidy_cell(c) for c in row] for row in block.rows]
    # The header row is bold by its style in the Word file and the editor: bold
    # there is the row's, not the words' (so "**Level**" and "Level" are one header).
    rows[:1] = [
        [tidy_cell([Span(s.text, False, s.italic, s.href) for s in c]) for c in row]
        for row in rows[:1]
    ]
    width = max((len(row) for row in rows), default=0)
    if width == 0 or not any(cell for row in rows for cell in row):
        return None  # nothing in it to keep
    return Block("table", rows=[row + [[] for _ in range(width - len(row))] for row in rows])


def split_lines(spans: list[Span]) -> list[list[Span]]:
    """The spans of each line between line breaks."""
    lines: list[list[Span]] = [[]]
    for span in spans:
        for i, part in enumerate(span.text.split(BREAK)):
            if i:
                lines.append([])
            if part:
                lines[-1].append(Span(part, *span.styled()))
    return lines


def join_lines(lines: list[list[Span]]) -> list[Span]:
    """Lines joined again with line breaks."""
    spans: list[Span] = []
    for i, line in enumerate(lines):
        if i:
            spans.append(Span(BREAK))
        spans.extend(line)
    return merge_spans(spans)


def _strip_lines(spans: list[Span]) -> list[Span]:
    if len(spans) == 1 and BREAK not in spans[0].text:  # most paragraphs: one plain line
        text = spans[0].text.strip(_EDGE)
        return [Span(text, *spans[0].styled())] if text else []
    lines = split_lines(spans)
    for line in lines:
        while line and not line[0].text.lstrip(_EDGE):
            line.pop(0)
        if line:
            line[0] = Span(line[0].text.lstrip(_EDGE), *line[0].styled())
        while line and not line[-1].text.rstrip(_EDGE):
            line.pop()
        if line:
            line[-1] = Span(line[-1].text.rstrip(_EDGE), *line[-1].styled())
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return join_lines(lines)


def _unformat_edges(spans: list[Span]) -> list[Span]:
    # White space at the edge of bold, italic or a link moves outside it: Markdown's
    # ``**`` cannot open before or close after a space, and nobody sees the difference.
    out: list[Span] = []
    for span in spans:
        if span.styled() == (False, False, None):
            out.append(span)
            continue
        core = span.text.strip()
        if not core:
            out.append(Span(span.text))
            continue
        start = span.text.index(core)
        out.append(Span(span.text[:start]))
        out.append(Span(core, *span.styled()))
        out.append(Span(span.text[start + len(core) :]))
    return merge_spans(out)


def tidy(blocks: list[Block]) -> list[Block]:
    """Blocks as the stored Markdown keeps them; a nested item needs an item before it."""
    out: list[Block] = []
    for block in blocks:
        tidied = tidy_block(block)
        if tidied is None:
            continue
        if tidied.level == 1 and not (out and out[-1].is_list):
            tidied.level = 0
        out.append(tidied)
    return out


def one_paragraph(blocks: list[Block]) -> list[Block]:
    """``blocks`` as a single paragraph (a standfirst): paragraphs, list items and
    line breaks joined with spaces."""
    spans: list[Span] = []
    for block in blocks:
        parts = [c for row in block.rows for c in row] if block.kind == "table" else [block.spans]
        for part in parts:
            if spans:
                spans.append(Span(" "))
            spans += [Span(s.text.replace(BREAK, " "), *s.styled()) for s in part]
    return tidy([Block("paragraph", spans)])
