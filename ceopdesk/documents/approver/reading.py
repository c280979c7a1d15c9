"""Open a Word file an approver sent back: its identity, their review, its paragraphs.

The review layer (``review.py``) accepts tracked changes in the document and
collects comments first; the shared paragraph reader (``docx_read.py``) then
reads what the approver meant, each paragraph with its element so comments and
changes find their place.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from lxml.etree import XMLSyntaxError

from ceopdesk.core.errors import UserError

from ..blocks import Run
from ..docx_identity import Identity, read_identity
from ..docx_read import open_docx, read_document
from ..source import SourceParagraph
from .review import Review, take_review


@dataclass
class ApproverFile:
    path: Path
    identity: Identity | None
    review: Review
    paragraphs: list[SourceParagraph]
    elements: list[Any]  # the w:p of each paragraph, to place comments and tracked changes
    header_text: str  # headers and footers, where the reference is printed


def open_approver_file(path: Path) -> ApproverFile:
    document = open_docx(Path(path))
    try:
        review = take_review(document)
        read = read_document(document)
        header = " ".join(
            p.text
            for section in document.sections
            for part in (section.header, section.footer)
            for p in part.paragraphs
        )
    except (XMLSyntaxError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise UserError(f"{path} is a damaged Word document and cannot be read ({exc}).") from None
    flags = _StyleFlags(document)
    paragraphs = [flags.direct(p) for _, p in read]
    return ApproverFile(
        path, read_identity(document), review, paragraphs, [e for e, _ in read], header
    )


class _StyleFlags:
    """Bold or italic that a paragraph's style gives every run is the style's, not markup.

    The reader reports formatting as a reader sees it, style included; the
    release stores only what was marked (a Quote style set in italics does
    not make every quote *italic*).
    """

    def __init__(self, document: Document) -> None:
        self.styles = {s.name: s for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
        self.cache: dict[str, tuple[bool, bool]] = {}

    def of(self, name: str) -> tuple[bool, bool]:
        if name not in self.cache:
            bold = italic = None
            style = self.styles.get(name)
            while style is not None and (bold is None or italic is None):
                bold = style.font.bold if bold is None else bold
                italic = style.font.italic if italic is None else italic
                style = style.base_style
            self.cache[name] = (bool(bold), bool(italic))
        return self.cache[name]

    def direct(self, p: SourceParagraph) -> SourceParagraph:
        bold, italic = self.of(p.style)
        if not (bold or italic):
            return p
        runs = [Run(r.text, r.bold and not bold, r.italic and not italic, r.href) for r in p.runs]
        return p.with_runs(runs)


def paragraph_index(file: ApproverFile, element: Any) -> int | None:
    for i, e in enumerate(file.elements):
        if e is element:
            return i
    return None
