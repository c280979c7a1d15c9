"""A paragraph as read from any file, before anyone decides what it is.

Every reader (Word, web page, text, e-mail) turns its file into a list of
these; the release structure is then recognised once, on this neutral form
(``documents/archive/structure.py``). The formatting kept is what the house
Markdown subset can hold (bold, italic, links), plus what recognising a
release needs: the style name, the outline level, list membership and the
type size of the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .blocks import Run, merge_runs

ListKind = Literal["bullet", "number"]


@dataclass(frozen=True)
class CellPlace:
    """Where a paragraph read from a Word table sits: which table of the document, row, column.

    ``problem`` names what a Markdown pipe table could not hold ("merged cells",
    "a table inside a cell"), so whoever maps it back can refuse rather than guess.
    """

    table: int
    row: int
    column: int
    problem: str | None = None


@dataclass
class SourceParagraph:
    runs: list[Run] = field(default_factory=list)
    # The style name as the file gives it ("Heading 1", "List Bullet", "h2",
    # "Headline"); empty when the format has none (plain text).
    style: str = ""
    # 1 for a top-level heading, 2 below it...; 0 for a Word "Title"; None for text.
    outline_level: int | None = None
    list_kind: ListKind | None = None
    list_level: int = 0  # 0 at the top, 1 nested
    # The largest type size in the paragraph, in points, when known.
    size: float | None = None
    # Inside a table cell (contact blocks and letterheads often are).
    in_table: bool = False
    cell: CellPlace | None = None  # set for a paragraph inside a table cell

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def all_bold(self) -> bool:
        visible = [r for r in self.runs if r.text.strip()]
        return bool(visible) and all(r.bold for r in visible)

    def with_runs(self, runs: list[Run]) -> SourceParagraph:
        return SourceParagraph(
            merge_runs(runs),
            self.style,
            self.outline_level,
            self.list_kind,
            self.list_level,
            self.size,
            self.in_table,
            self.cell,
        )


def plain(text: str, **kw: object) -> SourceParagraph:
    """A paragraph of unformatted text."""
    return SourceParagraph([Run(text)] if text else [], **kw)  # type: ignore[arg-type]
