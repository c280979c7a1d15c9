"""Release -> Word file, built on the shipped (or the organisation's) template.

One entry point, :func:`write_docx`.  It cleans every string first, so text
XML cannot hold never reaches lxml; fills the template with named styles only
(bold/italic runs and the Hyperlink character style are the only run
formatting); sets the document properties on purpose; and writes through a
temporary file beside the target, so a failure never leaves half a file or
destroys the previous one.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import cast

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.shared import Emu, Twips
from docx.table import Table as DocxTable
from lxml.etree import SubElement

from ceopdesk.core.domain import Release, Settings
from ceopdesk.core.errors import UserError
from ceopdesk.core.paths import resource

from .assemble import assemble, draft_marking
from .blocks import (
    CHARACTER_STYLES,
    CONTACT,
    DRAFT_MARKING,
    ENDS,
    HEADING_LEVELS,
    HYPERLINK,
    LIST_BULLET,
    LIST_NUMBER,
    NOTE_TABLE,
    OPTIONAL_STYLES,
    PARAGRAPH_STYLES,
    Block,
    ListItem,
    Paragraph,
    Run,
    Table,
)
from .docx_accessible import direction_runs, ensure_outline_levels, mark_header_row, mark_rtl
from .docx_identity import Identity, set_identity
from .docx_package import save_atomically, set_properties, strip_leftovers
from .figures import add_figures_sheet
from .sanitize import clean
from .template_clean import clean_template

# Space above the paragraph after a table: a note's text line, 8 pt.
_AFTER_TABLE = Twips(160)
_P_PR, _P_STYLE, _NUM_PR, _ILVL, _NUM_ID = (
    qn(t) for t in ("w:pPr", "w:pStyle", "w:numPr", "w:ilvl", "w:numId")
)
_R_PR, _R_STYLE, _B, _B_CS, _I, _I_CS, _RTL = (
    qn(t) for t in ("w:rPr", "w:rStyle", "w:b", "w:bCs", "w:i", "w:iCs", "w:rtl")
)
_T, _VAL, _SPACE = qn("w:t"), qn("w:val"), qn("xml:space")
_BREAKS = frozenset("\t\r\n")


def default_template() -> Path:
    return resource("templates", "release-template.docx")


def check_template(path: Path | str) -> list[str]:
    """The style names the writer needs that the template at ``path`` lacks.

    Raises UserError when the file is not a Word document that can be read.
    """
    return _missing_styles(_style_ids(_open_template(Path(path))))


def write_docx(
    release: Release,
    settings: Settings,
    path: Path,
    version: int | None,
    identity: Identity | None = None,
) -> Path:
    """Write ``release`` as a Word file at ``path`` and return the path.

    ``version`` is the content version shown in the draft marking; ``identity``
    goes into the custom document properties.
    """
    template = Path(settings.template_path).expanduser() if settings.template_path else None
    release, settings = clean(release), clean(settings)
    target = Path(path)
    if not target.parent.is_dir():
        raise UserError(f"The folder {target.parent} does not exist.")
    if target.is_dir():
        raise UserError(f"{target} is a folder; give a file name ending in .docx.")
    template = template or default_template()
    document = _open_template(template)
    ids = _style_ids(document)
    missing = _missing_styles(ids)
    if missing:
        raise UserError(
            f"The Word template {template} is missing the styles: {', '.join(missing)}."
        )
    ensure_outline_levels(document, ids)
    builder = _Builder(document, ids)
    builder.add_blocks(assemble(release, settings))
    if release.status in ("draft", "in_review"):
        add_figures_sheet(builder, release)  # for the approver; never in the final
    builder.fill_page_furniture(
        {
            "{organisation}": settings.organisation,
            "{press_office}": settings.press_office_name,
            "{reference}": release.reference,
        },
        draft_marking(release.status, version),
    )
    set_properties(document, release, settings)
    strip_leftovers(document, settings)
    if identity is not None:
        set_identity(document, identity)
    save_atomically(document, target)
    return target


def _open_template(path: Path) -> Document:
    if not path.is_file():
        raise UserError(f"The Word template {path} does not exist.")
    # An organisation's template is cleaned to an allow-list first (template_clean).
    source = str(path) if path == default_template() else BytesIO(clean_template(path).data)
    try:
        return docx.Document(source)
    except Exception as exc:  # noqa: BLE001 - zip, XML and OPC errors all mean the same to a user
        raise UserError(
            f"The Word template {path} is not a Word .docx file that can be read."
        ) from exc


def _style_ids(document: Document) -> dict[tuple[WD_STYLE_TYPE, str], str]:
    """(type, lower-case name) -> style id; Word matches style names case-blind."""
    ids: dict[tuple[WD_STYLE_TYPE, str], str] = {}
    for style in document.styles.element.style_lst:
        if style.name_val and style.styleId:
            ids.setdefault((style.type, style.name_val.lower()), style.styleId)
    return ids


def _missing_styles(ids: dict[tuple[WD_STYLE_TYPE, str], str]) -> list[str]:
    wanted = [(WD_STYLE_TYPE.PARAGRAPH, n) for n in PARAGRAPH_STYLES]
    wanted += [(WD_STYLE_TYPE.CHARACTER, n) for n in CHARACTER_STYLES]
    return [name for kind, name in wanted if (kind, name.lower()) not in ids]


def _keep_together(lines: list[CT_P]) -> None:
    """The contact block's lines go over a page as one panel, by Word's rules.

    Every line but the last keeps with the next and none splits, written on the
    paragraphs themselves so an organisation's template without them still
    keeps the block whole.  The last line does not keep with the next: the
    block is the end of the release, and keeping it with what follows (the
    figures sheet of a draft) would chain it to a page of its own.
    """
    for index, p in enumerate(lines):
        p_pr = p.get_or_add_pPr()
        p_pr.keepNext_val = index < len(lines) - 1
        p_pr.keepLines_val = True


def _column_shares(table: Table) -> list[float]:
    """Each column's share of the width, by the longest text in it.

    A column of level numbers needs a sliver and a column of descriptions
    the room; no column gets less than a tenth or is judged by more than 40
    characters, so one long cell cannot squeeze the others to nothing.
    """
    columns = max((len(row) for row in table.rows), default=1)
    longest = [8] * columns
    for row in table.rows:
        for index, runs in enumerate(row):
            text = "".join(r.text for r in runs)
            longest[index] = max(longest[index], min(len(text), 40))
    total = sum(longest)
    shares = [max(n / total, 0.1) for n in longest]
    return [share / sum(shares) for share in shares]


class _Builder:
    """Appends blocks to a template whose body has been emptied."""

    def __init__(self, document: Document, ids: dict[tuple[WD_STYLE_TYPE, str], str]) -> None:
        self.document = document
        self.part = document.part
        self.pstyle = {n: ids[(WD_STYLE_TYPE.PARAGRAPH, n.lower())] for n in PARAGRAPH_STYLES}
        for name, fallback in OPTIONAL_STYLES.items():
            self.pstyle[name] = ids.get(
                (WD_STYLE_TYPE.PARAGRAPH, name.lower()), self.pstyle[fallback]
            )
        self.link_style = ids[(WD_STYLE_TYPE.CHARACTER, HYPERLINK.lower())]
        self.table_style = ids.get((WD_STYLE_TYPE.TABLE, NOTE_TABLE.lower()))
        body = document.element.body
        # The template's specimen content goes; its section properties
        # (page size, margins, header and footer) stay.
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        self.body = body
        self.numbering = self.part.numbering_part.element
        self.next_num_id = 1 + max(
            (int(n) for n in self.numbering.xpath("./w:num/@w:numId")), default=0
        )
        self.bullet_num = self._style_num(LIST_BULLET, "bullet")
        self.decimal_abstract = self._abstract_of(self._style_num(LIST_NUMBER, "decimal"))
        self.list_nums: dict[int, int] = {}
        self.links: dict[str, str] = {}

    # -- blocks --------------------------------------------------------------

    def add_blocks(self, blocks: list[Block]) -> None:
        sect_pr = self.body.find(qn("w:sectPr"))
        previous = None
        contact: list[CT_P] = []
        for block in blocks:
            element = self._table(block) if isinstance(block, Table) else self._paragraph(block)
            if isinstance(block, Paragraph) and block.style == ENDS and isinstance(previous, CT_P):
                # "ENDS" alone at the top of a page reads as a lost line: it
                # goes over with the end of the text it closes.
                previous.get_or_add_pPr().keepNext_val = True
            if isinstance(block, Paragraph) and block.style == CONTACT:
                contact.append(cast(CT_P, element))
            # A table has no space below it of its own: the text after it would
            # sit on its bottom border (a heading brings its own space).
            after_table = isinstance(previous, CT_Tbl) and isinstance(element, CT_P)
            if after_table and block.style not in HEADING_LEVELS:
                element.get_or_add_pPr().spacing_before = _AFTER_TABLE
            previous = element
            if sect_pr is not None:
                sect_pr.addprevious(element)
            else:
                self.body.append(element)
        _keep_together(contact)

    def _paragraph(self, block: Paragraph | ListItem) -> CT_P:
        # Built with lxml in the schema's order (pStyle, then numPr): python-docx's
        # get_or_add_* searches for each child's place, a third of an export's time.
        p = cast(CT_P, OxmlElement("w:p"))
        p_pr = SubElement(p, _P_PR)
        SubElement(p_pr, _P_STYLE).set(_VAL, self.pstyle[block.style])
        if isinstance(block, ListItem):
            num_pr = SubElement(p_pr, _NUM_PR)
            SubElement(num_pr, _ILVL).set(_VAL, str(block.level))
            SubElement(num_pr, _NUM_ID).set(_VAL, str(self._num_for(block)))
        rtl = mark_rtl(p_pr, block.text)
        self._add_runs(p, block.runs, rtl=rtl)
        return p

    def _add_runs(self, p: CT_P, runs: list[Run], bold: bool = False, rtl: bool = False) -> None:
        for run, run_rtl in direction_runs(runs, rtl):
            r = OxmlElement("w:r")
            strong = run.bold or bold
            if run.href or strong or run.italic or run_rtl:
                # w:rPr's children in the schema's order; right-to-left runs take the
                # complex-script bold and italic too.
                r_pr = SubElement(r, _R_PR)
                if run.href:
                    SubElement(r_pr, _R_STYLE).set(_VAL, self.link_style)
                for on, tag in (
                    (strong, _B),
                    (strong and run_rtl, _B_CS),
                    (run.italic, _I),
                    (run.italic and run_rtl, _I_CS),
                    (run_rtl, _RTL),
                ):
                    if on:
                        SubElement(r_pr, tag)
            if _BREAKS.isdisjoint(run.text):
                t = SubElement(r, _T)
                t.text = run.text
                if len(run.text.strip()) < len(run.text):
                    t.set(_SPACE, "preserve")
            else:
                r.text = run.text  # python-docx turns "\n" into w:br and "\t" into w:tab
            if run.href:
                link = OxmlElement("w:hyperlink")
                link.set(qn("r:id"), self._link_rel(run.href))
                link.set(qn("w:history"), "1")
                link.append(r)
                p.append(link)
            else:
                p.append(r)

    def _link_rel(self, href: str) -> str:
        # Cached: python-docx looks for an existing relationship by scanning them all.
        if href not in self.links:
            self.links[href] = self.part.relate_to(href, RT.HYPERLINK, is_external=True)
        return self.links[href]

    def _table(self, table: Table) -> CT_Tbl:
        columns = max((len(row) for row in table.rows), default=1)
        grid = self.document.add_table(rows=len(table.rows), cols=columns)
        if self.table_style:
            grid._tbl.tblPr.style = self.table_style
        self.column_widths(grid._tbl, _column_shares(table))
        for index, row in enumerate(table.rows):
            header = index < table.header_rows
            tr_pr = grid.rows[index]._tr.get_or_add_trPr()
            # A row goes over a page whole: half a row reads as two.
            tr_pr.append(OxmlElement("w:cantSplit"))
            if header:
                mark_header_row(grid.rows[index]._tr)
            for cell, runs in zip(grid.rows[index].cells, row, strict=False):
                p = cell._tc.p_lst[0]  # a new cell's one empty paragraph
                p_pr = SubElement(p, _P_PR)
                SubElement(p_pr, _P_STYLE).set(_VAL, self.pstyle[table.style])
                rtl = mark_rtl(p_pr, "".join(r.text for r in runs))
                # The table style makes the header row bold; only a template
                # without one needs it written on the runs.
                self._add_runs(p, runs, bold=header and not self.table_style, rtl=rtl)
        return grid._tbl

    def column_widths(self, tbl: CT_Tbl, shares: Sequence[float]) -> None:
        """Column widths as shares of the text width, on the grid and every cell."""
        section = self.document.sections[-1]
        # A template that leaves the page out is taken to have the house page
        # (A4, 2.5 cm margins).
        margins = (section.left_margin or Twips(1418)) + (section.right_margin or Twips(1418))
        text_width = (section.page_width or Twips(11906)) - margins
        DocxTable(tbl, self.document._body).autofit = False
        widths = [Emu(int(text_width * share)) for share in shares]
        # Straight over the XML: python-docx's column.cells rebuilds the cell grid per column.
        for grid_col, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=False):
            grid_col.w = width
        for tr in tbl.tr_lst:
            for tc, width in zip(tr.tc_lst, widths, strict=False):
                tc.width = width

    # -- lists ---------------------------------------------------------------

    def _num_for(self, item: ListItem) -> int:
        if not item.ordered:
            return self.bullet_num  # bullets do not count, so all share one
        if item.list_id not in self.list_nums:
            # A w:num of its own with a start override is what restarts a
            # list at 1; sharing one w:num would continue the count.
            num_id = self._new_num(self.decimal_abstract)
            num = self.numbering.xpath(f'./w:num[@w:numId="{num_id}"]')[0]
            override = num.add_lvlOverride(ilvl=item.level)
            override.add_startOverride(item.start)
            self.list_nums[item.list_id] = num_id
        return self.list_nums[item.list_id]

    def _style_num(self, style_name: str, kind: str) -> int:
        """The numbering the template attaches to a list style, or our own."""
        style = self.document.styles.element.xpath(
            f'./w:style[@w:styleId="{self.pstyle[style_name]}"]'
        )[0]
        found = style.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        if found and self.numbering.xpath(f'./w:num[@w:numId="{found[0]}"]'):
            return int(found[0])
        return self._new_num(self._add_abstract(kind))

    def _abstract_of(self, num_id: int) -> int:
        return int(self.numbering.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')[0])

    def _new_num(self, abstract_id: int) -> int:
        num_id, self.next_num_id = self.next_num_id, self.next_num_id + 1
        num = parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
        # w:num elements follow every w:abstractNum and precede numIdMacAtCleanup.
        self.numbering._insert_num(num)
        return num_id

    def _add_abstract(self, kind: str) -> int:
        """A nine-level definition for a template whose list styles have none."""
        ids = [int(i) for i in self.numbering.xpath("./w:abstractNum/@w:abstractNumId")]
        abstract_id = max(ids, default=-1) + 1
        texts = ("•", "–", "▪") * 3 if kind == "bullet" else [f"%{i}." for i in range(1, 10)]
        levels = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{kind}"/>'
            f'<w:lvlText w:val="{t}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{567 * (i + 1)}" w:hanging="340"/></w:pPr></w:lvl>'
            for i, t in enumerate(texts)
        )
        element = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
        )
        existing = self.numbering.xpath("./w:abstractNum")
        if existing:
            existing[-1].addnext(element)
        else:
            self.numbering.insert(0, element)
        return abstract_id

    # -- header and footer ---------------------------------------------------

    def fill_page_furniture(self, values: dict[str, str], marking: str | None) -> None:
        """Fill the placeholders in headers and footers; add the draft marking."""
        for index, section in enumerate(self.document.sections):
            headers = [section.header, section.first_page_header, section.even_page_header]
            footers = [section.footer, section.first_page_footer, section.even_page_footer]
            for part in headers + footers:
                if part.is_linked_to_previous:
                    continue
                for t in part._element.iter(qn("w:t")):
                    if t.text and "{" in t.text:
                        for key, value in values.items():
                            t.text = t.text.replace(key, value)
            if not marking:
                continue
            for header in headers:
                # Every header a page can show gets the marking.  A later
                # section that follows the previous one's header is left
                # linked: giving it a header of its own would drop the letterhead.
                if not header.is_linked_to_previous or (index == 0 and header is headers[0]):
                    header._element.append(
                        self._paragraph(Paragraph(DRAFT_MARKING, [Run(marking)]))
                    )
