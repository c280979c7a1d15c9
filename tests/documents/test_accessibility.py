"""Every export passes the accessibility check: the sample library and the edge cases."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest

from ceopdesk.core import demo
from ceopdesk.core.domain import Note, QuoteSection, Settings, TextSection
from ceopdesk.core.releases import service as releases
from ceopdesk.core.settings import load as load_settings
from ceopdesk.documents.docx_writer import write_docx
from tests.documents.accessibility import headings, problems
from tests.documents.doc_samples import NOTE_TERMS, make_release

ARABIC_QUOTE = QuoteSection(
    "أحمد خان", "ضابط التحقيق", "حماية الأطفال على الإنترنت مسؤوليتنا جميعاً."
)
EDGE_CASES = {
    "sample": {},
    "no notes, no subheadline, no contact": {"notes": [], "subheadline": None, "contact": None},
    "approved": {"status": "approved"},
    "withdrawn": {"status": "withdrawn"},
    "untitled notes": {
        "notes": [Note("", "Plain text note."), Note("", NOTE_TERMS), Note("", "- a\n- b")]
    },
    "empty sections and quotes": {
        "sections": [TextSection(""), QuoteSection("", None, ""), QuoteSection("A B", None, "")],
        "standfirst": "",
    },
    "draft without a headline yet": {"headline": "  "},
    "long headline": {"headline": "A very long headline that keeps going " * 12},
    "right to left": {
        "sections": [ARABIC_QUOTE, QuoteSection("Jane Smith", "Director", "English words.")],
        "notes": [Note("عن المركز", "نص الملاحظة.\n\n1. أولاً\n2. ثانياً")],
    },
    "table only note": {"notes": [Note("Levels", "| A | B |\n|---|---|\n| 1 | 2 |")]},
    "links everywhere": {
        "standfirst": "See the [annual review](https://example.org/review).",
        "sections": [TextSection("- [Thinkuknow](www.thinkuknow.co.uk)\n- x")],
    },
}


@pytest.mark.parametrize("case", EDGE_CASES)
def test_every_edge_case_export_is_accessible(tmp_path, settings, case):
    release = make_release(**EDGE_CASES[case])
    path = write_docx(release, settings, tmp_path / "r.docx", 1)
    assert problems(path) == []


def test_the_sample_library_exports_are_accessible(tmp_path, store):
    demo.load_sample(store, "test")
    settings = load_settings(store)
    references = [r.reference for r in releases.list_releases(store)]
    assert len(references) >= 3
    for reference in references:
        path = write_docx(releases.get(store, reference), settings, tmp_path / "r.docx", 1)
        assert problems(path) == [], reference


def test_headings_are_headline_notes_heading_and_note_titles(tmp_path, release, settings):
    path = write_docx(release, settings, tmp_path / "r.docx", 1)
    assert headings(path) == [
        (1, "Record number of children safeguarded by CEOP"),
        (2, "Notes to editors"),
        (3, "1. Reports"),
        (3, "2. Terminology"),
        (4, "Why"),
        (3, "3. About CEOP"),
        (2, "Figures sheet"),  # a draft's appendix for the approver (documents/figures.py)
    ]


def test_an_organisation_template_without_outline_levels_gets_them(tmp_path, release, settings):
    # A template as an organisation might make it: our styles, no outline levels.
    template = tmp_path / "org.docx"
    base = write_docx(release, settings, tmp_path / "base.docx", 1)
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(template, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/styles.xml":
                data = re.sub(rb'<w:outlineLvl w:val="\d"/>', b"", data)
            target.writestr(name, data)
    path = write_docx(release, Settings(template_path=str(template)), tmp_path / "r.docx", 1)
    assert problems(path) == []
    assert [level for level, _ in headings(path)][:3] == [1, 2, 3]


def test_the_check_finds_what_an_inaccessible_file_lacks(tmp_path):
    document = docx.Document()
    document.add_paragraph("Just text")
    document.add_paragraph("")
    document.add_paragraph("نص عربي")
    document.core_properties.title = ""
    document.add_table(rows=2, cols=2)
    path = tmp_path / "bad.docx"
    document.save(str(path))
    found = problems(path)
    assert "the document has no title" in found
    assert "the document has no headings" in found
    assert "1 empty paragraph(s) in the body" in found
    assert "table 1 has no header row marked as one" in found
    assert any("marked right-to-left" in p for p in found)
