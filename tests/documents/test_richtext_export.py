"""Typed prose and pasted content reach the Word file as paragraphs and real lists."""

from __future__ import annotations

from pathlib import Path

import docx

from ceopdesk.core.domain import QuoteSection, TextSection
from ceopdesk.core.richtext import escape_text, html_to_markdown
from ceopdesk.documents.docx_writer import write_docx
from tests.documents.doc_samples import make_release

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FIXTURES = Path(__file__).parents[1] / "fixtures" / "paste"


def _paragraphs(path: Path) -> list[tuple[str, str, bool]]:
    """(style, text, is a Word list) for each body paragraph."""
    document = docx.Document(str(path))
    return [
        (p.style.name, p.text, p._p.find(f"{W}pPr/{W}numPr") is not None)
        for p in document.paragraphs
    ]


def test_typed_prose_stays_a_paragraph_in_the_word_file(tmp_path, settings) -> None:
    typed = "2012. A year in which reports rose.\n# of offenders rose\n- said the report"
    release = make_release(
        sections=[TextSection(escape_text(typed)), QuoteSection("A", None, escape_text("- no"))],
        notes=[],
    )
    path = write_docx(release, settings, tmp_path / "r.docx", 1)
    rows = [r for r in _paragraphs(path) if r[1].startswith("2012.") or "- no" in r[1]]
    assert rows == [
        (
            "Body Text",
            "2012. A year in which reports rose.\n# of offenders rose\n- said the report",
            False,
        ),
        ("Quote", "“- no”", False),
    ]


def test_a_pasted_word_list_is_a_real_word_list(tmp_path, settings) -> None:
    html = (FIXTURES / "word-clipboard.html").read_text(encoding="utf-8")
    release = make_release(sections=[TextSection(html_to_markdown(html).markdown)], notes=[])
    rows = _paragraphs(write_docx(release, settings, tmp_path / "r.docx", 1))
    grooming = next(r for r in rows if r[1].startswith("online grooming"))
    assert grooming == ("List Bullet", "online grooming on social networking sites;", True)
    assert next(r for r in rows if r[1].startswith("2012."))[2] is False
