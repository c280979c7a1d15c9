"""Reading a Word file as paragraphs: text, inline formatting and structure.

Shared by the archive import (a past release typed on any template) and the
approver round trip (a file sent back). It reads the document structure, not
just its text: the style name, the outline level (``Heading N``, ``Title`` or an
explicit outline level), list membership and level (numbering on the paragraph
or inherited from its style, the kind - bullet or number - from the numbering
definitions), bold, italic and links per run, and the type size of the line.

Paragraphs inside tables are read too, in document order, marked ``in_table``
(letterheads and contact blocks are often tables) with their table, row and
column, so a note's table can be read back as a table. Anything that makes the
file unreadable becomes one sentence naming the file.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml.etree import XMLSyntaxError

from ceopdesk.core.errors import UserError

from .blocks import Run
from .source import CellPlace, ListKind, SourceParagraph

_HEADING = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
# What a damaged package raises on the way in (found by flipping bytes in real files):
# broken zip entries, bad compressed data, undecodable names, broken XML, missing parts.
DAMAGE = (
    PackageNotFoundError,
    KeyError,
    ValueError,
    XMLSyntaxError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    NotImplementedError,
    UnicodeDecodeError,
    IndexError,
    RuntimeError,  # an encrypted zip entry
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: old .doc, or password-protected


@dataclass
class DocxContent:
    paragraphs: list[SourceParagraph]
    title: str  # the document property, often a template's leftover
    created: datetime | None


def open_docx(path: Path) -> Document:
    """The python-docx document, or one sentence saying why the file cannot be read."""
    try:
        raw_size = path.stat().st_size
    except FileNotFoundError:
        raise UserError(f"{path}: no such file.") from None
    if raw_size == 0:
        raise UserError(f"{path} is empty.")
    with path.open("rb") as f:
        head = f.read(8)
    if head == _OLE:
        raise UserError(
            f"{path} is password-protected or an old Word (.doc) file; open it in Word and "
            "save it as a .docx without a password."
        )
    if not zipfile.is_zipfile(path):
        raise UserError(
            f"{path} is not a Word document that can be read: it is damaged or "
            "another kind of file (a .docx file is a zip package)."
        )
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except DAMAGE as exc:
        raise UserError(
            f"{path} is a damaged Word document and cannot be read ({_why(exc)})."
        ) from None
    if "word/document.xml" not in names:
        raise UserError(
            f"{path} is a zip file but not a Word document (it has no word/document.xml)."
        )
    try:
        return docx.Document(str(path))
    except DAMAGE as exc:
        raise UserError(
            f"{path} is a damaged Word document and cannot be read ({_why(exc)})."
        ) from None


def _why(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


def read_docx(path: Path) -> DocxContent:
    document = open_docx(path)
    try:
        reader = _Reader(document)
        paragraphs = list(reader.paragraphs())
    except DAMAGE as exc:
        raise UserError(
            f"{path} is a damaged Word document and cannot be read ({_why(exc)})."
        ) from None
    props = document.core_properties
    return DocxContent(paragraphs, (props.title or "").strip(), props.created)


def read_document(document: Document) -> list[tuple[Any, SourceParagraph]]:
    """Each paragraph of an opened document with its ``w:p`` element, in reading order.

    The approver round trip reads this way: it accepts tracked changes in the
    document first, and places comments and changes by their paragraph's element.
    """
    return list(_Reader(document).with_elements())


class _Reader:
    """Walks the body once; style look-ups are cached per document.

    python-docx finds a style by scanning every style each time it is asked,
    which made a two-page file take a third of a second; here each style and
    each inherited value is looked up once.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._formats = _numbering_formats(document)
        self._default_size = _default_size(document)
        self._styles: dict[str, Any] = {s.style_id: s for s in document.styles}
        self._default_style = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._values: dict[tuple[str | None, str], Any] = {}
        self._pprs: dict[str | None, list[Any]] = {}
        self._tables = 0  # tables read so far: each cell says which table it is in

    def paragraphs(self):
        return (para for _, para in self.with_elements())

    def with_elements(self):
        for item in self.document.iter_inner_content():
            if isinstance(item, DocxTable):
                yield from self._table(item)
            else:
                yield item._p, self.paragraph(item)

    def _table(self, table: DocxTable):
        # A merged cell appears once per grid column. Keeping the elements keeps
        # lxml's proxies alive, so "is" compares nodes (an id() could be reused).
        number, self._tables = self._tables, self._tables + 1
        seen: list[Any] = []
        for r, row in enumerate(table.rows):
            column = 0
            for cell in row.cells:
                tc = cell._tc
                if any(tc is other for other in seen):
                    continue
                seen.append(tc)
                problem = None
                if tc.grid_span > 1 or tc.vMerge is not None:
                    problem = "merged cells"
                elif cell.tables:
                    problem = "a table inside a cell"
                place = CellPlace(number, r, column, problem)
                column += 1
                for p in cell.paragraphs:
                    para = self.paragraph(p)
                    para.in_table = True
                    para.cell = place
                    yield p._p, para

    def _paragraph_style(self, p: DocxParagraph) -> Any:
        style_id = p._p.style
        style = self._styles.get(style_id) if style_id else None
        return style if style is not None else self._default_style

    def paragraph(self, p: DocxParagraph) -> SourceParagraph:
        style = self._paragraph_style(p)
        style_id = style.style_id if style is not None else None
        style_name = (style.name or "") if style is not None else ""
        runs: list[Run] = []
        sizes: list[float] = []
        for item in p.iter_inner_content():
            href = _link_target(item) if isinstance(item, Hyperlink) else None
            for r in item.runs if isinstance(item, Hyperlink) else [item]:
                bold = self._value(r, style_id, "bold")
                italic = self._value(r, style_id, "italic")
                size = self._value(r, style_id, "size")
                runs.append(Run(_run_text(r), bool(bold), bool(italic), href))
                sizes.append(size.pt if size is not None else self._default_size)
        kind, level = self._list(p, style_id, style_name)
        visible = [s for s, r in zip(sizes, runs, strict=True) if r.text.strip()]
        return SourceParagraph(
            runs=[r for r in runs if r.text],
            style=style_name,
            outline_level=self._outline_level(p, style_id, style_name),
            list_kind=kind,
            list_level=level,
            size=max(visible) if visible else None,
        )

    # Formatting falls back through the run, its character style, the
    # paragraph style and that style's bases: Word's own order.
    def _value(self, run: Any, paragraph_style: str | None, attr: str) -> Any:
        value = getattr(run.font, attr)
        if value is not None:
            return value
        char_style = run._r.style
        if char_style:
            value = self._style_value(char_style, attr)
            if value is not None:
                return value
        return self._style_value(paragraph_style, attr)

    def _style_value(self, style_id: str | None, attr: str) -> Any:
        key = (style_id, attr)
        if key not in self._values:
            style = self._styles.get(style_id) if style_id else None
            value = None
            while style is not None and value is None:
                value = getattr(style.font, attr)
                style = style.base_style
            self._values[key] = value
        return self._values[key]

    def _ppr_chain(self, p: DocxParagraph, style_id: str | None) -> list[Any]:
        """The paragraph's own properties, then its style's, then the bases'."""
        if style_id not in self._pprs:
            chain = []
            style = self._styles.get(style_id) if style_id else None
            while style is not None:
                ppr = style.element.find(qn("w:pPr"))
                if ppr is not None:
                    chain.append(ppr)
                style = style.base_style
            self._pprs[style_id] = chain
        own = [p._p.pPr] if p._p.pPr is not None else []
        return own + self._pprs[style_id]

    def _outline_level(self, p: DocxParagraph, style_id: str | None, style_name: str) -> int | None:
        if style_name.lower() == "title":
            return 0
        m = _HEADING.match(style_name.strip())
        if m:
            return int(m.group(1))
        for ppr in self._ppr_chain(p, style_id):
            lvl = ppr.find(qn("w:outlineLvl"))
            if lvl is not None:
                value = int(lvl.get(qn("w:val"), "9"))
                return value + 1 if value < 9 else None
        return None

    def _list(
        self, p: DocxParagraph, style_id: str | None, style_name: str
    ) -> tuple[ListKind | None, int]:
        num_id, level = _numbering(self._ppr_chain(p, style_id))
        name = style_name.lower().rstrip()
        second = name.endswith(("2", "3"))
        if num_id and num_id != "0":
            fmt = self._formats.get((num_id, level), "decimal")
            if second:
                level = max(level, 1)  # "List Bullet 2" on a template that numbers level 0
            return ("bullet" if fmt in ("bullet", "none") else "number"), min(level, 1)
        if "list bullet" in name:
            return "bullet", 1 if second else 0
        if "list number" in name:
            return "number", 1 if second else 0
        return None, 0


def _run_text(run: Any) -> str:
    return run.text.replace("\r", "\n")


def _link_target(link: Hyperlink) -> str | None:
    try:
        url = link.url
    except KeyError:  # a relationship the package lost
        return None
    return url or None


def _numbering(chain: list[Any]) -> tuple[str | None, int]:
    for ppr in chain:
        num_pr = ppr.find(qn("w:numPr"))
        if num_pr is None:
            continue
        num = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        level = int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
        return (num.get(qn("w:val")) if num is not None else None), level
    return None, 0


def _numbering_formats(document: Document) -> dict[tuple[str, int], str]:
    """(numId, level) -> numFmt ("bullet", "decimal", ...) from the numbering part."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for a in numbering.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in a.findall(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal"
            )
        abstract[a.get(qn("w:abstractNumId"), "")] = levels
    formats: dict[tuple[str, int], str] = {}
    for num in numbering.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is None:
            continue
        for level, fmt in abstract.get(ref.get(qn("w:val"), ""), {}).items():
            formats[(num.get(qn("w:numId"), ""), level)] = fmt
    return formats


def _default_size(document: Document) -> float:
    """The document default type size (docDefaults), 11 pt when none is set."""
    styles = document.styles.element
    sz = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
    if sz is not None:
        try:
            return int(sz.get(qn("w:val"))) / 2
        except (TypeError, ValueError):
            pass
    normal = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    if normal is not None and normal.font.size is not None:
        return normal.font.size.pt
    return 11.0
