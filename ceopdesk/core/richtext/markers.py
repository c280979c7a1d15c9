"""Lists typed by hand: lines starting "•", "-", "*", "–", "1.", "1)" or "a)", as Word, web
pages and e-mails paste them.  Shared by the plain-text and the HTML conversion."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Block, BlockKind, Span, join_lines, split_lines

# First-level bullets, and the ones Word uses for the second level and below
# ("o" in Courier New, "§" and "▪" in Wingdings, and their private-use code points
# when the font is lost on the way).
_BULLETS = "•●∙·‣⁃-*–\uf0b7"
_SUB_BULLETS = "o◦○▪■§\uf06f\uf0a7\uf0a8\uf0d8"
_GAP = "[ \t\u00a0]"
_MARKER = re.compile(
    rf"^(?P<indent>{_GAP}*)(?:(?P<bullet>[{re.escape(_BULLETS + _SUB_BULLETS)}])"
    rf"|(?P<number>\d{{1,3}})[.)]|(?P<letter>[a-z])\))(?P<gap>{_GAP}+)(?=\S)"
)


@dataclass
class Marker:
    kind: BlockKind
    level: int
    length: int  # characters of the marker and the space after it
    value: int = 0  # the number or letter (a = 1) of a numbered item


def find_marker(line: str) -> Marker | None:
    """The hand-made list marker that starts ``line``, if any."""
    m = _MARKER.match(line)
    if m is None:
        return None
    indented = len(m.group("indent").expandtabs(4)) >= 2
    bullet = m.group("bullet")
    if bullet:
        # "o text" and "§ 3 of the Act" are prose; Word puts a tab after its markers.
        if bullet in "o§" and "\t" not in m.group("gap") and len(m.group("gap")) < 2:
            return None
        level = 1 if indented or bullet in _SUB_BULLETS else 0
        return Marker("bullet", level, m.end())
    if m.group("number"):
        return Marker("number", int(indented), m.end(), int(m.group("number")))
    return Marker("number", int(indented), m.end(), ord(m.group("letter")) - ord("a") + 1)


class Numbering:
    """Accepts a numbered line only where a list could be: at 1 (or a), or one after
    the last number seen at that level, so "2012. A year" stays prose."""

    def __init__(self) -> None:
        self._last = [0, 0]

    def accept(self, marker: Marker) -> bool:
        if marker.kind == "bullet":
            return True
        level = marker.level
        if marker.value in (1, self._last[level] + 1):
            self._last[level] = marker.value
            return True
        return False


def _drop_prefix(spans: list[Span], count: int) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if count >= len(span.text):
            count -= len(span.text)
            continue
        out.append(Span(span.text[count:], *span.styled()))
        count = 0
    return out


def split_marked_lines(blocks: list[Block]) -> tuple[list[Block], int]:
    """Paragraphs whose lines start with list markers made into list items.

    Returns the blocks and how many items were made.  A line without a marker
    after an item is a paragraph of its own.
    """
    numbering = Numbering()
    out: list[Block] = []
    made = 0
    for block in blocks:
        if block.kind != "paragraph":
            out.append(block)
            continue
        pending: list[list[Span]] = []
        for line in split_lines(block.spans):
            text = "".join(s.text for s in line)
            marker = find_marker(text)
            if marker is None or not numbering.accept(marker):
                pending.append(line)
                continue
            if pending:
                out.append(Block("paragraph", join_lines(pending)))
                pending = []
            out.append(Block(marker.kind, _drop_prefix(line, marker.length), marker.level))
            made += 1
        if pending:
            out.append(Block("paragraph", join_lines(pending)))
    return out, made
