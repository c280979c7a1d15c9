"""The enquiry log as Word: a legal adviser's reading of who asked what and what was said."""

from __future__ import annotations

from datetime import date, datetime

import docx

from ceopdesk.core.dates import LONDON
from ceopdesk.core.desk.domain import Caller, Enquiry, Response
from ceopdesk.documents.enquiry_log import LogExport, write_enquiry_log


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 6, day, hour, minute, tzinfo=LONDON)


def enquiry(number: int, **kw) -> Enquiry:  # type: ignore[no-untyped-def]
    values = {
        "uid": f"u{number}",
        "version": 1,
        "received": at(number, 9),
        "caller": Caller("Jane Doe", "Daily Bugle", "jane@bugle.example", "020 7946 0018"),
        "question": "How many arrests?\n\nAnd any charges?",
        "topic": "Operation Sandpiper",
        "taken_by": "A. Officer",
    }
    values.update(kw)
    return Enquiry(number=number, **values)


def test_each_enquiry_reads_with_its_question_and_every_answer_word_for_word(tmp_path) -> None:
    answered = enquiry(
        1,
        status="answered",
        deadline=at(2, 10),
        deadline_said="tomorrow 10:00",
        releases=["CEOP-2026-014"],
        responses=[
            Response(
                "answered",
                "Twelve people were arrested.",
                "B. Officer",
                at(1, 11),
                "op-sandpiper",
                2,
            )
        ],
    )
    passed = enquiry(
        2,
        status="passed_on",
        responses=[Response("passed_on", "", "B. Officer", at(2, 12), passed_to="Met Police")],
    )
    erased = enquiry(3, caller=Caller("", "The Observer"), pseudonym="Erased journalist 3F2A91")
    path = write_enquiry_log(
        LogExport(
            [answered, passed, erased],
            date(2026, 6, 1),
            date(2026, 6, 30),
            "CEOP Press Office",
            "A. Officer",
        ),
        tmp_path / "log.docx",
    )
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Media enquiry log" in text and "1 June 2026 to 30 June 2026" in text
    assert "3 enquiries" in text and "Times are UK time" in text
    assert "Enquiry 1: Jane Doe, Daily Bugle, 1 Jun 2026 09:00 BST" in text
    assert (
        "Answered by B. Officer, 1 Jun 2026 11:00 BST, from the line to take “op-sandpiper” "
        "version 2:" in text
    )
    assert "Twelve people were arrested." in text
    assert "Passed on to Met Police by B. Officer, 2 Jun 2026 12:00 BST:" in text
    assert "Enquiry 3: Erased journalist 3F2A91 (erased), The Observer" in text
    assert "2 Jun 2026 10:00 BST (said: “tomorrow 10:00”)" in cells
    assert "CEOP-2026-014" in cells
    # The summary's header row repeats on every page.
    summary = document.tables[0]
    assert summary.rows[0]._tr.trPr.xpath("./w:tblHeader")
    props = document.core_properties
    assert props.title == "Media enquiry log, 1 June 2026 to 30 June 2026"
    assert (props.author, props.comments, props.language) == ("CEOP Press Office", "", "en-GB")
    assert oct(path.stat().st_mode & 0o777) == "0o600"  # personal data: the owner's only
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0  # A4
    footer = section.footer._element.xml
    assert "NUMPAGES" in footer and "PAGE" in footer
