"""Plain text (a text-only clipboard, a .txt file, an e-mail's text body) to blocks."""

from __future__ import annotations

from .clean import Removed, remove_invisible
from .markers import split_marked_lines
from .model import BREAK, Block, Span

_MANUAL_BREAK = "\u2028"  # kept apart from line ends until the lines are read


def text_blocks(text: str, removed: Removed) -> list[Block]:
    """Blocks for plain text.

    Where the text has blank lines, they separate paragraphs and a single line
    end is a line break (a web page or an e-mail); where it has none, every
    line is a paragraph (Word puts one paragraph on each line).  Word's manual
    line break (a vertical tab) stays a line break.
    """
    text = remove_invisible(text, removed, manual_break=_MANUAL_BREAK)
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    blank_separated = bool(filled) and any(
        not line.strip() for line in lines[filled[0] : filled[-1]]
    )
    groups: list[list[str]] = [[]]
    for line in lines:
        if not line.strip():
            groups.append([])
        elif blank_separated:
            groups[-1].append(line)
        else:
            groups.append([line])
    blocks = [
        Block("paragraph", [Span(BREAK.join(group).replace(_MANUAL_BREAK, BREAK))])
        for group in groups
        if group
    ]
    return split_marked_lines(blocks)[0]
