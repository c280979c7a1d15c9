"""Figures: extraction on figure-heavy text, and the appendix page in draft exports only."""

from dataclasses import replace

import docx
from docx.table import Table as DocxTable

from ceopdesk.core.checks.figures import figures
from ceopdesk.core.domain import Note, Release, TextSection
from ceopdesk.documents.docx_writer import write_docx
from ceopdesk.documents.figures import TITLE, part_label

HEAVY = Release(
    "CEOP-2026-050",
    "Record 1,204 children safeguarded",
    standfirst="Reports rose three-fold to 1.7 million, up 45% on 2024, costing £2.5m.",
    sections=[
        TextSection(
            "- **486 suspects** arrested;\n\n1. a numbered item\n\nOn 21 June 2012, eleven children "
            "aged 14 to 17 were helped. Call 0870 000 3434 or 999, or see "
            "[the 2025 report](https://example.org/2025/report). Reports have more than doubled; "
            "a 41-year-old man got nine years. Twelve per cent were abroad, 12 per cent at home."
        )
    ],
    notes=[Note("Figures", "All figures are for 1 April 2025 to 31 March 2026.")],
)


def test_every_kind_of_figure_is_found_with_its_sentence_and_part():
    found = [(f.part, f.kind, f.text) for f in figures(HEAVY)]
    assert found == [
        ("headline", "count", "1,204"),
        ("standfirst", "multiple", "three-fold"),
        ("standfirst", "count", "1.7 million"),
        ("standfirst", "percentage", "45%"),
        ("standfirst", "year", "2024"),
        ("standfirst", "money", "£2.5m"),
        ("sections[0]", "count", "486"),
        ("sections[0]", "date", "21 June 2012"),
        ("sections[0]", "count", "eleven"),
        ("sections[0]", "age", "aged 14 to 17"),
        ("sections[0]", "year", "2025"),
        ("sections[0]", "multiple", "doubled"),
        ("sections[0]", "age", "41-year-old"),
        ("sections[0]", "count", "nine"),
        ("sections[0]", "count", "Twelve"),
        ("sections[0]", "percentage", "12 per cent"),
        ("notes[0]", "date", "1 April 2025"),
        ("notes[0]", "date", "31 March 2026"),
    ]
    [money] = [f for f in figures(HEAVY) if f.kind == "money"]
    assert money.sentence == HEAVY.standfirst
    assert HEAVY.standfirst[money.start : money.end] == "£2.5m"


def test_phone_numbers_list_markers_and_link_addresses_are_not_figures():
    texts = [f.text for f in figures(HEAVY)]
    assert "0870" not in " ".join(texts) and "999" not in texts and "1" not in texts


def test_a_figure_in_a_note_table_is_quoted_as_its_row_not_as_markdown():
    table = (
        "| Level | Meaning | Typical sentence |\n| --- | --- | --- |\n"
        "| 1 | Low risk, 1,204 cases | 2 years |\n| 2 | Moderate \\| rising | 5 years |"
    )
    release = Release("CEOP-2026-051", "Levels", notes=[Note("Levels", table)])
    found = [(f.text, f.sentence) for f in figures(release)]
    assert ("1,204", "1 · Low risk, 1,204 cases · 2 years") in found
    assert ("5", "2 · Moderate | rising · 5 years") in found  # a typed pipe stays a pipe
    assert not any("---" in s or s.startswith("|") for _t, s in found)


def test_part_labels_are_words_an_approver_uses():
    assert [part_label(p) for p in ("sections[2]", "notes[0]", "standfirst", "release_date")] == [
        "Section 3",
        "Note 1",
        "Standfirst",
        "Release date",
    ]


def sheet_rows(path):
    document = docx.Document(str(path))
    items = list(document.iter_inner_content())
    titles = [
        i for i, item in enumerate(items) if not isinstance(item, DocxTable) and item.text == TITLE
    ]
    if not titles:
        return None, None
    heading = items[titles[0]]
    table = next(item for item in items[titles[0] :] if isinstance(item, DocxTable))
    rows = [[c.text for c in row.cells] for row in table.rows]
    return heading, rows


def test_a_draft_export_ends_with_the_figures_sheet_on_its_own_page(tmp_path, settings):
    path = write_docx(HEAVY, settings, tmp_path / "draft.docx", 1)
    heading, rows = sheet_rows(path)
    assert heading.paragraph_format.page_break_before is True
    assert rows[0] == ["Figure", "Where", "Sentence"]
    assert ["£2.5m", "Standfirst", HEAVY.standfirst] in rows
    assert len(rows) == 1 + len(figures(HEAVY))


def test_in_review_has_the_sheet_but_approved_and_issued_exports_do_not(tmp_path, settings):
    for status, expected in (("in_review", True), ("approved", False), ("issued", False)):
        path = write_docx(replace(HEAVY, status=status), settings, tmp_path / f"{status}.docx", 2)
        assert (sheet_rows(path)[0] is not None) is expected, status
