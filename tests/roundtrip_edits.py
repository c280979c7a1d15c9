"""An approver's edits to an exported release, made the way Word and LibreOffice store them."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun

FIGURE = ("1,204", "1,240")
QUOTE = ("a child who is safer today", "a child who is safe today")
ADDED = "Forces in every region took part."
DELETED = ", and we can help"
COMMENT = ("The full findings", "Link to the report here?", "A. Approver")


def _paragraph(document, start: str) -> Paragraph:
    return next(p for p in document.paragraphs if p.text.lstrip("“").startswith(start))


def _replace(paragraph: Paragraph, old: str, new: str) -> None:
    for run in paragraph.runs:
        if old in run.text:
            run.text = run.text.replace(old, new)
            return
    raise AssertionError(f"{old!r} not found in {paragraph.text!r}")


def approver_edits(source: Path, target: Path) -> None:
    """A figure changed, a quote reworded, a paragraph added and a comment, typed over."""
    document = docx.Document(str(source))
    _replace(_paragraph(document, FIGURE[0]), *FIGURE)
    _replace(_paragraph(document, "Every one of these"), *QUOTE)
    after = _paragraph(document, "Investigators saw")
    new = copy.deepcopy(after._p)
    for r in new.xpath("./w:r | ./w:hyperlink")[1:]:
        new.remove(r)
    after._p.addnext(new)
    Paragraph(new, after._parent).runs[0].text = ADDED
    start, text, author = COMMENT
    document.add_comment(_paragraph(document, start).runs, text=text, author=author, initials="AA")
    document.save(str(target))


def _tracked(kind: str, run, text: str, change_id: int):  # type: ignore[no-untyped-def]
    r = copy.deepcopy(run._r)
    for t in r.xpath("./w:t"):
        r.remove(t)
    tag = "w:delText" if kind == "del" else "w:t"
    r.append(parse_xml(f'<{tag} {nsdecls("w")} xml:space="preserve">{text}</{tag}>'))
    wrapper = parse_xml(
        f'<w:{kind} {nsdecls("w")} w:id="{change_id}" w:author="A. Approver" '
        f'w:date="2026-06-16T10:00:00Z"/>'
    )
    wrapper.append(r)
    return wrapper


def add_tracked_changes(source: Path, target: Path) -> None:
    """The figure changed and a quote word removed as tracked changes, plus a comment."""
    document = docx.Document(str(source))
    figure = _paragraph(document, FIGURE[0])
    run = next(r for r in figure.runs if FIGURE[0] in r.text)
    before, _, after = run.text.partition("204")
    run.text = before
    deleted = _tracked("del", run, "204", 901)
    inserted = _tracked("ins", run, "240", 902)
    rest = copy.deepcopy(run._r)
    run._r.addnext(deleted)
    deleted.addnext(inserted)
    inserted.addnext(rest)
    DocxRun(rest, run._parent).text = after  # sets xml:space="preserve" for the leading space
    quote = _paragraph(document, "I want every young person")
    run = next(r for r in quote.runs if DELETED in r.text)
    head, _, tail = run.text.partition(DELETED)
    run.text = head
    deleted = _tracked("del", run, DELETED, 903)
    end = copy.deepcopy(run._r)
    DocxRun(end, run._parent).text = tail
    run._r.addnext(deleted)
    deleted.addnext(end)
    start, text, author = COMMENT
    document.add_comment(_paragraph(document, start).runs, text=text, author=author, initials="AA")
    document.save(str(target))


TABLE_CELL = ("1,204", "1,240")
TABLE_ROW = ("D", "Pseudo-photographs")


def table_edits(source: Path, target: Path) -> None:
    """In the tables fixture: a figure in a table cell changed, and a row added to the other
    note's table (copied from its last row, as Word's "Insert row below" does)."""
    document = docx.Document(str(source))
    cells = [c for t in document.tables for row in t.rows for c in row.cells]
    figure = next(c for c in cells if c.text == TABLE_CELL[0])
    _replace(figure.paragraphs[0], *TABLE_CELL)
    last = next(c for c in cells if c.text == "C")._tc.getparent()
    new = copy.deepcopy(last)
    last.addnext(new)
    for tc, text in zip(new.xpath("./w:tc"), TABLE_ROW, strict=True):
        paragraph = Paragraph(tc.xpath("./w:p")[0], None)  # type: ignore[arg-type]
        paragraph.runs[0].text = text
        for run in paragraph.runs[1:]:
            run.text = ""
    document.save(str(target))
