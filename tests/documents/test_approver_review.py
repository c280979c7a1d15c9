"""Tracked changes accepted as Word accepts them: moves and deleted paragraph marks too."""

from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ceopdesk.documents.approver.review import take_review

W = nsdecls("w")


def _body(xml: str):  # type: ignore[no-untyped-def]
    document = docx.Document()
    body = document.element.body
    for p in parse_xml(f"<w:body {W}>{xml}</w:body>"):
        body.insert(len(body) - 1, p)
    return document


def test_a_move_ends_up_where_it_was_moved_to_and_is_reported():
    document = _body(
        '<w:p><w:moveFrom w:id="1" w:author="A. Approver"><w:r><w:t>Moved. </w:t></w:r>'
        "</w:moveFrom><w:r><w:t>Stays.</w:t></w:r>"
        '<w:moveTo w:id="2" w:author="A. Approver"><w:r><w:t xml:space="preserve"> Moved.</w:t>'
        "</w:r></w:moveTo></w:p>"
    )
    review = take_review(document)
    assert [p.text for p in document.paragraphs] == ["Stays. Moved."]
    assert sorted((c.kind, c.text.strip()) for c in review.changes) == [
        ("deleted", "Moved."),
        ("inserted", "Moved."),
    ]


def test_a_deleted_paragraph_mark_joins_the_paragraph_to_the_next():
    document = _body(
        '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="A. Approver"/></w:rPr></w:pPr>'
        '<w:r><w:t xml:space="preserve">First half, </w:t></w:r></w:p>'
        "<w:p><w:r><w:t>second half.</w:t></w:r></w:p>"
    )
    take_review(document)
    assert [p.text for p in document.paragraphs] == ["First half, second half."]
