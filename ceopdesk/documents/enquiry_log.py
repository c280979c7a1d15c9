"""The media enquiry log as a Word document a legal adviser can read (DESIGN §13).

Evidence first: what was asked, by whom, when, the deadline as it was said, and the answer
word for word with who gave it, when, and the line to take (and its version) it came from.
A summary table opens it; each enquiry follows on its own, with its fields in a table.
Times are UK time with GMT/BST. The file holds personal data: it is written owner-only
(0600), atomically, and says so in its header.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..core.atomic import atomic_write
from ..core.dates import format_moment
from ..core.desk.domain import STATUS_LABELS, Enquiry, Response
from .docx_package import shorten
from .sanitize import clean

_HEAD_FILL = "D9E2F3"
_MUTED = RGBColor(0x55, 0x55, 0x55)
_CORE_LIMIT = 255


@dataclass(frozen=True)
class LogExport:
    """What the exported log covers and who made it."""

    enquiries: list[Enquiry]
    start: date
    end: date
    press_office: str
    made_by: str
    journalist: str = ""  # the one journalist asked for, as named
    topic: str = ""
    made_at: datetime | None = None


def period_text(start: date, end: date) -> str:
    return f"{_long_date(start)} to {_long_date(end)}"


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def write_enquiry_log(export: LogExport, path: Path) -> Path:
    """Write the log as a .docx at ``path`` (owner-only, atomically)."""
    export = clean(export)
    made_at = export.made_at or datetime.now(UTC)
    document = docx.Document()
    _page_setup(document, export)
    _properties(document, export, made_at)
    document.add_paragraph("Media enquiry log", style="Title")
    scope = [period_text(export.start, export.end)]
    if export.journalist:
        scope.append(f"journalist: {export.journalist}")
    if export.topic:
        scope.append(f"topic or case: {export.topic}")
    document.add_paragraph(" · ".join(scope), style="Subtitle")
    count = len(export.enquiries)
    _muted(
        document.add_paragraph(),
        f"{export.press_office}. Exported {format_moment(made_at)} by {export.made_by}: "
        f"{count} enquir{'y' if count == 1 else 'ies'}. Times are UK time. Questions are as "
        "logged at the time of the call; answers are recorded word for word as given.",
    )
    if not export.enquiries:
        document.add_paragraph("No enquiries were logged for this period.")
    else:
        document.add_paragraph("Summary", style="Heading 1")
        _summary(document, export.enquiries)
        document.add_paragraph("The enquiries", style="Heading 1")
        for enquiry in export.enquiries:
            _enquiry(document, enquiry)
    with atomic_write(Path(path), binary=True, private=True) as handle:
        document.save(handle)
    return Path(path)


def _page_setup(document: Document, export: LogExport) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4, not Letter
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    header = section.header.paragraphs[0]
    _muted(header, f"{export.press_office} · media enquiry log · contains personal data")
    footer = section.footer.paragraphs[0]
    _muted(footer, f"Media enquiry log, {period_text(export.start, export.end)} · page ")
    _field(footer, "PAGE")
    _muted(footer, " of ")
    _field(footer, "NUMPAGES")


def _field(paragraph: Paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES): Word and LibreOffice fill it in when they lay out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for tag, value in (("w:color", "555555"), ("w:sz", "18")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        props.append(element)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _properties(document: Document, export: LogExport, made_at: datetime) -> None:
    props = document.core_properties
    element = props._element
    for child in list(element):  # none of python-docx's defaults ("python-docx") survive
        element.remove(child)
    title = f"Media enquiry log, {period_text(export.start, export.end)}"
    props.title = shorten(title, _CORE_LIMIT)
    props.author = props.last_modified_by = shorten(export.press_office, _CORE_LIMIT)
    props.language = "en-GB"
    props.created = props.modified = made_at.replace(microsecond=0)
    props.revision = 1
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
        elif rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
                '"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                "<Application>ceopdesk</Application><DocSecurity>0</DocSecurity>"
                f"<Company>{escape(export.press_office)}</Company></Properties>"
            ).encode()
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "en-GB")


def _muted(paragraph: Paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.color.rgb = _MUTED
    run.font.size = Pt(9)


def _who(enquiry: Enquiry) -> str:
    caller = enquiry.caller
    if enquiry.pseudonym:
        return f"{enquiry.pseudonym} (erased)" + (f", {caller.outlet}" if caller.outlet else "")
    return ", ".join(part for part in (caller.name, caller.outlet) if part)


def _answered(enquiry: Enquiry) -> str:
    last = enquiry.answer
    if last is None:
        return "Not yet"
    return f"{last.by}, {format_moment(last.at)}"


def _summary(document: Document, enquiries: list[Enquiry]) -> None:
    widths = (Cm(1.0), Cm(2.9), Cm(4.4), Cm(3.3), Cm(2.2), Cm(3.2))
    head = ("No.", "Received", "Journalist", "Topic or case", "Status", "Answered")
    table = _table(document, head, widths)
    for e in enquiries:
        cells = table.add_row().cells
        values = (
            str(e.number),
            format_moment(e.received),
            _who(e),
            e.topic,
            STATUS_LABELS[e.status],
            _answered(e),
        )
        for cell, value, width in zip(cells, values, widths, strict=True):
            cell.text = value
            cell.width = width


def _table(document: Document, head: tuple[str, ...], widths: tuple[Cm, ...]) -> Table:
    table = document.add_table(rows=1, cols=len(head))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _widths(table, widths)
    row = table.rows[0]
    _repeat_header(row._tr)
    for cell, text, width in zip(row.cells, head, widths, strict=True):
        cell.width = width
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
        _shade(cell._tc, _HEAD_FILL)
    return table


def _widths(table: Table, widths: tuple[Cm, ...]) -> None:
    """Column widths on the grid too: LibreOffice lays a table out from its grid alone."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width


def _repeat_header(tr: object) -> None:
    """The head row repeats on every page (and reads as a header to a screen reader)."""
    tr_pr = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _shade(tc: object, fill: str) -> None:
    tc_pr = tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def _enquiry(document: Document, e: Enquiry) -> None:
    heading = f"Enquiry {e.number}: {_who(e)}, {format_moment(e.received)}"
    document.add_paragraph(heading, style="Heading 2")
    caller = e.caller
    contact = " · ".join(v for v in (caller.phone, caller.email) if v)
    fields = [
        ("Received", f"{format_moment(e.received)}, logged by {e.taken_by or 'not recorded'}"),
        ("Journalist", _who(e) + (f" · {contact}" if contact else "")),
        ("Topic or case", e.topic or "—"),
        ("Deadline", _deadline(e)),
        ("Linked releases", ", ".join(e.releases) or "—"),
        ("Status", STATUS_LABELS[e.status]),
    ]
    table = document.add_table(rows=0, cols=2)
    table.style = document.styles["Table Grid"]
    table.autofit = False
    _widths(table, (Cm(3.5), Cm(13.5)))
    for name, value in fields:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(3.5), Cm(13.5)
        cells[0].paragraphs[0].add_run(name).bold = True
        _shade(cells[0]._tc, "F2F2F2")
        cells[1].text = value
        for cell in cells:  # the heading, the fields and the question stay on one page
            cell.paragraphs[0].paragraph_format.keep_with_next = True
    if e.pseudonym:
        _muted(
            document.add_paragraph(),
            "The journalist's personal data was erased on request; this record of the "
            "enquiry and its answer is kept, pseudonymised, for the audit.",
        )
    label = document.add_paragraph()
    label.add_run("Question").bold = True
    label.paragraph_format.space_before = Pt(8)
    label.paragraph_format.keep_with_next = True
    for part in e.question.split("\n\n"):
        document.add_paragraph(part.strip())
    if not e.responses:
        _muted(document.add_paragraph(), "No answer recorded.")
    for response in e.responses:
        said = document.add_paragraph()
        said.paragraph_format.space_before = Pt(8)
        said.add_run(_response_heading(response)).bold = True
        said.paragraph_format.keep_with_next = True
        for part in (response.text or "(nothing said)").split("\n\n"):
            document.add_paragraph(part.strip(), style="Quote")


def _deadline(e: Enquiry) -> str:
    if e.deadline is None:
        return f"None given (said: “{e.deadline_said}”)" if e.deadline_said else "None given"
    text = format_moment(e.deadline)
    return f"{text} (said: “{e.deadline_said}”)" if e.deadline_said else text


def _response_heading(r: Response) -> str:
    when = format_moment(r.at)
    verb = {
        "answered": "Answered",
        "declined": "Declined",
        "passed_on": f"Passed on to {r.passed_to or 'another office'}",
    }.get(r.kind, r.kind)
    line = f", from the line to take “{r.line_key}” version {r.line_version}" if r.line_key else ""
    return f"{verb} by {r.by}, {when}{line}:"
