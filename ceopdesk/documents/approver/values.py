"""Paragraphs of one part back into the part's value, without what the writer added.

The writer numbers note titles ("2. About CEOP"), opens each quoted paragraph
with “ and closes the last with ”, writes an attribution line ("Name, Role,
said:") and spells out the contact block ("Telephone: …").  These are taken
off here, so the value is what the release stores.

Formatting goes back into the house Markdown subset through the project's one
conversion module, ``ceopdesk.core.richtext`` (escaping included).  A note's
table comes back as a table, cell by cell; what a pipe table cannot hold
(merged cells, a table in a cell, two paragraphs in a cell, a table outside
the notes) raises :class:`Unmappable` with the reason, never a guess.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ceopdesk.core.domain import ContactBlock, Note, QuoteSection, TextSection
from ceopdesk.core.richtext import Block as RichBlock
from ceopdesk.core.richtext import Span, blocks_to_markdown
from ceopdesk.core.richtext.model import BlockKind, Cell

from ..blocks import (
    LIST_BULLET,
    LIST_NUMBER,
    NOTE_SUBHEADING,
    NOTE_TITLE,
    QUOTE,
    QUOTE_ATTRIBUTION,
    Run,
    merge_runs,
)
from .mapping import Placed

PartValue = str | TextSection | QuoteSection | Note | ContactBlock | None


class Unmappable(Exception):
    """The returned file holds a part in a shape the release cannot store; says why."""


_NOTE_NUMBER = re.compile(r"^\s*\d+\.\s*")
_OPEN, _CLOSE = "“", "”"
_CONTACT_FIELDS = (
    ("Telephone:", "phone"),
    ("Out of hours:", "out_of_hours"),
    ("Email:", "email"),
    ("Web:", "web"),
)
# The writer isolates right-to-left names in the English attribution sentence.
_ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))
_CONTACT_LEAD = "For further information contact"


def value_of(part: str, placed: list[Placed]) -> PartValue:
    if not placed:
        return None
    if part in ("headline", "subheadline"):
        return " ".join(" ".join(p.text for p in placed).split())
    if part == "standfirst":
        return "\n\n".join(_inline(p.runs) for p in placed).strip()
    if part == "contact":
        return _contact(placed)
    if part.startswith("notes["):
        return _note(placed)
    if any(p.cell is not None and p.text.strip() for p in placed):
        raise Unmappable(
            "the returned file has a table there, and only notes to editors can hold tables"
        )
    styles = {p.style.lower() for p in placed}
    if QUOTE_ATTRIBUTION.lower() in styles or QUOTE.lower() in styles:
        return _quote(placed)
    return TextSection(_markdown(placed))


def _spans(runs: list[Run]) -> list[Span]:
    return [
        Span(r.text.replace("\t", " "), r.bold, r.italic, _same_href(r.href))
        for r in merge_runs(runs)
    ]


def _inline(runs: list[Run]) -> str:
    return blocks_to_markdown([RichBlock("paragraph", _spans(runs))]).strip()


def _same_href(href: str | None) -> str | None:
    """LibreOffice saves ``https://site`` as ``https://site/``: the same address."""
    if not href:
        return None
    parts = urlsplit(href)
    if parts.path == "/" and not parts.query and not parts.fragment:
        return href[:-1]
    return href


def _markdown(placed: list[Placed]) -> str:
    blocks: list[RichBlock] = []
    grid: dict[int, dict[int, Cell]] = {}  # the table being read: row -> column -> cell
    table: int | None = None

    def end_table() -> None:
        if grid:
            width = 1 + max(c for row in grid.values() for c in row)
            rows = [[grid[r].get(c, []) for c in range(width)] for r in sorted(grid)]
            blocks.append(RichBlock("table", rows=rows))
            grid.clear()

    for p in placed:
        if p.cell is not None:
            if p.cell.problem:
                raise Unmappable(
                    f"the returned file has {p.cell.problem} in a table, "
                    "which a note's table cannot hold"
                )
            if p.cell.table != table:
                end_table()
                table = p.cell.table
            _put_cell(grid.setdefault(p.cell.row, {}), p)
            continue
        end_table()
        table = None
        style = p.style.lower()
        # "Note List Bullet" as well as "List Bullet": a template may lack the note's own.
        kind: BlockKind = "paragraph"
        if style.endswith(LIST_BULLET.lower()):
            kind = "bullet"
        elif style.endswith(LIST_NUMBER.lower()):
            kind = "number"
        elif style == NOTE_SUBHEADING.lower():
            kind = "heading"
        blocks.append(
            RichBlock(
                kind, _spans(p.runs), min(p.list_level, 1) if kind in ("bullet", "number") else 0
            )
        )
    end_table()
    return blocks_to_markdown(blocks)


def _put_cell(row: dict[int, Cell], p: Placed) -> None:
    assert p.cell is not None
    spans = _spans(p.runs)
    if p.cell.row == 0:
        # The header row is bold by its table style (or the writer's bold, in a
        # template without one): the bold is the row's, not the words'.
        spans = [Span(s.text, False, s.italic, s.href) for s in spans]
    if not "".join(s.text for s in spans).strip():
        row.setdefault(p.cell.column, [])
        return
    if row.get(p.cell.column):
        raise Unmappable(
            "a table cell in the returned file holds more than one paragraph, "
            "which a note's table cannot hold"
        )
    row[p.cell.column] = spans


def _without_marks(placed: list[Placed]) -> list[Placed]:
    """The quoted paragraphs without the “ ” the writer put round them."""
    if not placed or not all(p.text.lstrip().startswith(_OPEN) for p in placed):
        return placed
    if not placed[-1].text.rstrip().endswith(_CLOSE):
        return placed
    out = []
    for index, p in enumerate(placed):
        runs = _trim(p.runs, _OPEN, start=True)
        if index == len(placed) - 1:
            runs = _trim(runs, _CLOSE, start=False)
        out.append(Placed(p.style, "".join(r.text for r in runs), runs, p.list_level))
    return out


def _trim(runs: list[Run], mark: str, start: bool) -> list[Run]:
    runs = [r for r in runs if r.text]
    if not runs:
        return runs
    index = 0 if start else len(runs) - 1
    r = runs[index]
    text = r.text.lstrip() if start else r.text.rstrip()
    text = text[len(mark) :] if start and text.startswith(mark) else text
    text = text[: -len(mark)] if not start and text.endswith(mark) else text
    runs[index] = Run(text, r.bold, r.italic, r.href)
    return runs


def _quote(placed: list[Placed]) -> QuoteSection:
    speaker, role = "", None
    body = placed
    if placed and placed[0].style.lower() == QUOTE_ATTRIBUTION.lower():
        speaker, role = parse_attribution(placed[0].text)
        body = placed[1:]
    return QuoteSection(speaker=speaker, role=role, text=_markdown(_without_marks(body)))


def parse_attribution(line: str) -> tuple[str, str | None]:
    """``Peter Davies, Chief Executive of CEOP, said:`` -> (speaker, role)."""
    line = " ".join(line.translate(_ISOLATES).split())
    line = re.sub(r",?\s*said:?\s*$", "", line, flags=re.IGNORECASE)
    speaker, _, role = line.partition(", ")
    return speaker.strip(), role.strip() or None


def _note(placed: list[Placed]) -> Note:
    first = placed[0]
    if first.style.lower() == NOTE_TITLE.lower():
        title = _NOTE_NUMBER.sub("", first.text, count=1).strip()
        return Note(title=title, text=_markdown(placed[1:]))
    runs = list(first.runs)
    if runs:
        runs[0] = Run(
            _NOTE_NUMBER.sub("", runs[0].text, count=1), runs[0].bold, runs[0].italic, runs[0].href
        )
    head = Placed(first.style, "".join(r.text for r in runs), runs, first.list_level)
    return Note(title="", text=_markdown([head, *placed[1:]]))


def _contact(placed: list[Placed]) -> ContactBlock:
    block = ContactBlock(name="")
    for p in placed:
        line = " ".join(p.text.split())
        if line.startswith(_CONTACT_LEAD):
            block.name = line[len(_CONTACT_LEAD) :].strip(" :")
            continue
        for label, attr in _CONTACT_FIELDS:
            if line.startswith(label):
                setattr(block, attr, line[len(label) :].strip() or None)
                break
    return block
