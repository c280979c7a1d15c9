"""The typed blocks a release is assembled into.

Every renderer (Word, plain text, HTML) walks the same list of these, so what
a release says and in which order is decided once, in ``assemble``.  A block's
``style`` is the Word paragraph style name; the text and HTML renderers use it
as the block's role too, so the three outputs cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Paragraph style names: the contract between the assembler, the Word template
# and any organisation's own template.
TYPE_LINE = "Release Type Line"
EMBARGO = "Embargo"
HEADLINE = "Headline"
SUBHEADLINE = "Subheadline"
STANDFIRST = "Standfirst"
BODY = "Body Text"
LIST_BULLET = "List Bullet"
LIST_NUMBER = "List Number"
# Lists inside a note, at the note's size; optional in a template, which
# falls back to the body's list styles.
NOTE_LIST_BULLET = "Note List Bullet"
NOTE_LIST_NUMBER = "Note List Number"
QUOTE_ATTRIBUTION = "Quote Attribution"
QUOTE = "Quote"
ENDS = "Ends"
NOTES_HEADING = "Notes Heading"
NOTE_TITLE = "Note Title"
NOTE_SUBHEADING = "Note Subheading"
NOTE_TEXT = "Note Text"
CONTACT = "Contact Block"
DRAFT_MARKING = "Draft Marking"
# Character style for links.
HYPERLINK = "Hyperlink"
# Table style for tables in notes; optional in a template (plain table without it).
NOTE_TABLE = "Note Table"

PARAGRAPH_STYLES: tuple[str, ...] = (
    TYPE_LINE,
    EMBARGO,
    HEADLINE,
    SUBHEADLINE,
    STANDFIRST,
    BODY,
    LIST_BULLET,
    LIST_NUMBER,
    QUOTE_ATTRIBUTION,
    QUOTE,
    ENDS,
    NOTES_HEADING,
    NOTE_TITLE,
    NOTE_SUBHEADING,
    NOTE_TEXT,
    CONTACT,
    DRAFT_MARKING,
)
CHARACTER_STYLES: tuple[str, ...] = (HYPERLINK,)
# Style -> the style a template without it gets instead.
OPTIONAL_STYLES: dict[str, str] = {NOTE_LIST_BULLET: LIST_BULLET, NOTE_LIST_NUMBER: LIST_NUMBER}
# Paragraph styles that are headings, with their outline level (0 = level 1):
# what the navigation pane, screen readers and a tagged PDF see.
HEADING_LEVELS: dict[str, int] = {HEADLINE: 0, NOTES_HEADING: 1, NOTE_TITLE: 2, NOTE_SUBHEADING: 3}


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting.

    ``text`` may hold "\\n" (a line break) and "\\t" (a tab).
    """

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass
class Paragraph:
    style: str
    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class ListItem:
    """One item of a bulleted or numbered list.

    ``list_id`` is unique per separate list in the whole release, so a writer
    can restart numbering for each list; ``number`` is the item's ordinal,
    worked out here so every renderer shows the same figure.
    """

    style: str  # LIST_BULLET or LIST_NUMBER, or their note versions
    runs: list[Run]
    level: int  # 0 or 1: one level of nesting
    list_id: int
    number: int | None = None  # None for bullets
    start: int = 1  # the first number of this list

    @property
    def ordered(self) -> bool:
        return self.style in (LIST_NUMBER, NOTE_LIST_NUMBER)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Table:
    """A table in a note (e.g. the sentencing guideline levels).

    Each cell is a list of runs; the first ``header_rows`` rows are headings.
    """

    rows: list[list[list[Run]]]
    header_rows: int = 1
    style: str = NOTE_TEXT  # paragraph style of the cell text


Block = Paragraph | ListItem | Table


def merge_runs(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs of the same formatting into one."""
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        last = out[-1] if out else None
        if last and (last.bold, last.italic, last.href) == (run.bold, run.italic, run.href):
            out[-1] = Run(last.text + run.text, last.bold, last.italic, last.href)
        else:
            out.append(run)
    return out
