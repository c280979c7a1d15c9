"""Formatted text: pasted or imported text and HTML turned into the house Markdown subset,
typed text escaped so it is never read as markup, and the subset read back as blocks for the
editor.  No Qt here; the editor widget is ``ceopdesk.ui.richtext``."""

from .clean import Removed
from .html import html_blocks
from .markdown import (
    beyond_editor,
    blocks_to_markdown,
    escape_text,
    parse_inline,
    parse_markdown,
    plain_text,
)
from .model import BREAK, Block, Conversion, Span, one_paragraph, tidy
from .plain import text_blocks
from .quotes import smart_quotes, typographic_quote


def _conversion(
    blocks: list[Block], removed: Removed, notes: list[str], headings: bool
) -> Conversion:
    if not headings:
        blocks = [
            Block("paragraph", [Span(s.text, True, s.italic, s.href) for s in b.spans])
            if b.kind == "heading"
            else b
            for b in blocks
        ]
    return Conversion(blocks_to_markdown(blocks), [*removed.notes(), *notes])


def text_to_markdown(text: str, *, headings: bool = False) -> Conversion:
    """Plain text (a clipboard, a .txt file, an e-mail's text) as the house Markdown.

    Blank lines separate paragraphs (or, where there are none, each line is
    one); lines starting "•", "-", "*", "–", "1.", "1)" or "a)" become list
    items; invisible controls are removed and counted in the notes.
    """
    removed = Removed()
    return _conversion(text_blocks(text, removed), removed, [], headings)


def html_to_markdown(html: str, *, headings: bool = False) -> Conversion:
    """HTML (Word's clipboard, a web page, an e-mail body) as the house Markdown.

    Without ``headings`` (the body of a release) a heading becomes a bold paragraph.
    """
    removed = Removed()
    notes: list[str] = []
    blocks = html_blocks(html, removed, notes)
    return _conversion(blocks, removed, notes, headings)


__all__ = [
    "BREAK",
    "Block",
    "Conversion",
    "Span",
    "beyond_editor",
    "blocks_to_markdown",
    "html_to_markdown",
    "smart_quotes",
    "text_to_markdown",
    "typographic_quote",
    "escape_text",
    "one_paragraph",
    "parse_inline",
    "parse_markdown",
    "plain_text",
    "tidy",
]
