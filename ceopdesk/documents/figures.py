"""The figures sheet: an appendix page in draft and in-review Word exports listing every
figure with its sentence, so the approver signs the numbers off. Never in the final."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from ..core.checks.figures import Figure, figures
from ..core.domain import Release
from .blocks import NOTE_TEXT, NOTES_HEADING, Block, Paragraph, Run, Table

TITLE = "Figures sheet"


def part_label(part: str) -> str:
    """ "sections[2]" -> "Section 3": the words an approver uses."""
    if "[" in part:
        name, index = part.rstrip("]").split("[")
        return f"{ {'sections': 'Section', 'notes': 'Note'}.get(name, name) } {int(index) + 1}"
    return part.replace("_", " ").capitalize()


def figures_blocks(found: list[Figure]) -> list[Block]:
    intro = (
        f"{len(found)} figure{'s' if len(found) != 1 else ''} in this draft. Check each against "
        "its source before approving. This page is left out of the final export."
        if found
        else "This draft states no figures. This page is left out of the final export."
    )
    blocks: list[Block] = [
        Paragraph(NOTES_HEADING, [Run(TITLE)]),
        Paragraph(NOTE_TEXT, [Run(intro)]),
    ]
    if found:
        rows = [[[Run("Figure")], [Run("Where")], [Run("Sentence")]]]
        rows += [[[Run(f.text)], [Run(part_label(f.part))], [Run(f.sentence)]] for f in found]
        blocks.append(Table(rows, header_rows=1))
    return blocks


def add_figures_sheet(builder: Any, release: Release) -> None:
    """Append the sheet on a page of its own (``builder`` is the writer's block builder)."""
    body = builder.body
    count = len(body)
    builder.add_blocks(figures_blocks(figures(release)))
    first = body[count - 1] if body[-1].tag == qn("w:sectPr") else body[count]
    if body[-1].tag == qn("w:sectPr") and body[-2].tag == qn("w:tbl"):
        # The sentence needs the room.
        builder.column_widths(body[-2], (0.18, 0.17, 0.65))
    p_pr = first.get_or_add_pPr()
    p_pr.get_or_add_pageBreakBefore()  # python-docx knows its place in w:pPr
