"""Open a Word file an approver sent back: its identity, their review, its paragraphs.

The paragraphs are read here with python-docx as style name, list level and
runs (bold, italic, link).  TODO(#10): when the shared paragraph reader
``documents/docx_read.py`` lands, read through it instead; the review layer
(``review.py``) already works on the document before any reader sees it.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.table import Table as DocxTable
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml.etree import XMLSyntaxError

from ceopdesk.core.errors import UserError

from ..blocks import Run, merge_runs
from ..docx_identity import Identity, read_identity
from .review import Review, take_review


@dataclass
class FileParagraph:
    style: str  # the style NAME ("Body Text"); ids differ between Word and LibreOffice
    runs: list[Run]
    list_level: int
    element: Any  # the w:p, to place comments and tracked changes

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class ApproverFile:
    path: Path
    identity: Identity | None
    review: Review
    paragraphs: list[FileParagraph]
    header_text: str  # headers and footers, where the reference is printed


def open_approver_file(path: Path) -> ApproverFile:
    document = _open(path)
    try:
        review = take_review(document)
        paragraphs = list(_paragraphs(document))
        header = " ".join(
            p.text
            for section in document.sections
            for part in (section.header, section.footer)
            for p in part.paragraphs
        )
    except (XMLSyntaxError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise UserError(f"{path} is a damaged Word document and cannot be read ({exc}).") from None
    return ApproverFile(path, read_identity(document), review, paragraphs, header)


def _open(path: Path) -> Document:
    if not path.is_file():
        raise UserError(f"{path}: no such file.")
    if not zipfile.is_zipfile(path):
        raise UserError(
            f"{path} is not a Word document that can be read: it is damaged or another kind "
            "of file (a .docx file is a zip package)."
        )
    try:
        return docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - zip, XML and package errors all mean one thing here
        raise UserError(f"{path} is a damaged Word document and cannot be read ({exc}).") from None


def _paragraphs(document: Document):  # type: ignore[no-untyped-def]
    for item in document.iter_inner_content():
        if isinstance(item, DocxTable):
            for row in item.rows:
                seen: list[Any] = []
                for cell in row.cells:
                    if any(cell._tc is tc for tc in seen):
                        continue  # a merged cell appears once per grid column
                    seen.append(cell._tc)
                    yield from (_paragraph(p) for p in cell.paragraphs)
        else:
            yield _paragraph(item)


def _paragraph(p: DocxParagraph) -> FileParagraph:
    runs: list[Run] = []
    for item in p.iter_inner_content():
        if isinstance(item, Hyperlink):
            try:
                href = item.url or None
            except KeyError:
                href = None
            runs += [Run(r.text, bool(r.bold), bool(r.italic), href) for r in item.runs]
        else:
            runs.append(Run(item.text, bool(item.bold), bool(item.italic)))
    style = p.style.name if p.style is not None else ""
    level = p._p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
    return FileParagraph(style or "", merge_runs(runs), int(level[0]) if level else 0, p._p)


def paragraph_index(paragraphs: list[FileParagraph], element: Any) -> int | None:
    for i, p in enumerate(paragraphs):
        if p.element is element:
            return i
    return None


__all__ = ["ApproverFile", "FileParagraph", "open_approver_file", "paragraph_index"]
