"""The one assembly step every renderer walks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from ceopdesk.core.domain import ContactBlock, Note, QuoteSection, Settings, TextSection
from ceopdesk.documents.assemble import (
    assemble,
    attribution,
    dateline,
    draft_marking,
    format_date,
    format_embargo,
)
from ceopdesk.documents.blocks import ListItem, Paragraph, Run, Table
from ceopdesk.documents.sanitize import clean, clean_text
from tests.documents.doc_samples import compress, make_release


def styles(blocks) -> list[str]:
    return ["<table>" if isinstance(b, Table) else b.style for b in blocks]


def test_parts_come_in_the_order_of_a_release(release, settings):
    order = compress(styles(assemble(release, settings)))
    assert order[:6] == [
        "Release Type Line",
        "Embargo",
        "Headline",
        "Subheadline",
        "Standfirst",
        "Body Text",
    ]
    assert order.index("Quote Attribution") < order.index("Ends") < order.index("Notes Heading")
    assert order[-1] == "Contact Block"
    assert "List Bullet" in order and "List Number" in order and "<table>" in order


def test_type_line_has_reference_and_dateline(release, settings):
    first = assemble(release, settings)[0]
    assert first.text == "PRESS RELEASE\tCEOP-2012-031 | London, 20 June 2012"
    assert first.runs[0] == Run("PRESS RELEASE", bold=True)


def test_dateline_falls_back_to_settings_place_and_drops_missing_parts(release):
    release.place = None
    assert dateline(release, Settings(default_place="Manchester")) == "Manchester, 20 June 2012"
    release.release_date = None
    assert dateline(release, Settings(default_place=None)) == ""
    assert format_date(date(2026, 1, 5)) == "5 January 2026"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (
            datetime(2012, 6, 21, 0, 1, tzinfo=timezone(timedelta(hours=1))),
            "EMBARGOED UNTIL 00:01 BST, Thursday 21 June 2012",
        ),
        (
            datetime(2026, 1, 15, 0, 1, tzinfo=UTC),
            "EMBARGOED UNTIL 00:01 GMT, Thursday 15 January 2026",
        ),
        # An instant given in UTC in summer is shown in London time.
        (
            datetime(2012, 6, 20, 23, 1, tzinfo=UTC),
            "EMBARGOED UNTIL 00:01 BST, Thursday 21 June 2012",
        ),
        # Naive means London time already.
        (datetime(2026, 3, 2, 9, 30), "EMBARGOED UNTIL 09:30 GMT, Monday 2 March 2026"),
        (None, "FOR IMMEDIATE RELEASE"),
    ],
)
def test_format_embargo(moment, expected):
    assert format_embargo(moment) == expected


def test_attribution():
    assert attribution("Peter Davies", "Chief Executive of CEOP") == (
        "Peter Davies, Chief Executive of CEOP, said:"
    )
    assert attribution("Peter Davies", None) == "Peter Davies said:"
    assert attribution("Peter Davies", "  ") == "Peter Davies said:"
    assert attribution("", None) == ""


def test_quotes_get_uk_quotation_marks_once(settings):
    release = make_release(
        sections=[
            QuoteSection("A", None, "First.\n\nSecond."),
            QuoteSection("B", None, "“Already quoted.”"),
        ],
        notes=[],
    )
    quotes = [b.text for b in assemble(release, settings) if b.style == "Quote"]
    assert quotes == ["“First.", "“Second.”", "“Already quoted.”"]


def test_lists_are_numbered_per_list_and_nest_one_level(release, settings):
    items = [b for b in assemble(release, settings) if isinstance(b, ListItem)]
    numbered = [(i.list_id, i.number) for i in items if i.ordered]
    # Four separate numbered lists, each starting at 1.
    assert [n for _, n in numbered] == [1, 2, 1, 2, 1, 2, 1, 2]
    assert len({lid for lid, _ in numbered}) == 4
    nested = [i for i in items if i.level == 1]
    assert [i.text for i in nested] == ["of whom 41 were repeat offenders"]
    assert nested[0].list_id != items[0].list_id


def test_deeper_nesting_is_kept_at_the_second_level(settings):
    release = make_release(sections=[TextSection("- a\n  - b\n    - c\n- d")], notes=[])
    items = [b for b in assemble(release, settings) if isinstance(b, ListItem)]
    assert [(i.text, i.level) for i in items] == [("a", 0), ("b", 1), ("c", 1), ("d", 0)]


def test_ordered_list_keeps_its_start_number(settings):
    release = make_release(sections=[TextSection("3. three\n4. four")], notes=[])
    items = [b for b in assemble(release, settings) if isinstance(b, ListItem)]
    assert [(i.number, i.start) for i in items] == [(3, 3), (4, 3)]


def test_inline_formatting_and_links(settings):
    release = make_release(
        sections=[
            TextSection(
                "Plain **bold** *italic* [site](www.ceop.police.uk) "
                "[bad](javascript:alert(1)) [mail](mailto:a@b.uk)"
            )
        ],
        notes=[],
    )
    body = next(b for b in assemble(release, settings) if b.style == "Body Text")
    assert Run("bold", bold=True) in body.runs
    assert Run("italic", italic=True) in body.runs
    assert Run("site", href="https://www.ceop.police.uk") in body.runs
    assert Run("mail", href="mailto:a@b.uk") in body.runs
    assert not any(r.href and "javascript" in r.href for r in body.runs)
    assert "[bad](javascript:alert(1))" in body.text  # shown as typed, never a link


def test_raw_html_stays_text(settings):
    release = make_release(sections=[TextSection("<script>alert(1)</script> hello")], notes=[])
    body = next(b for b in assemble(release, settings) if b.style == "Body Text")
    assert body.text == "<script>alert(1)</script> hello"


def test_notes_are_numbered_with_subheadings_and_tables(release, settings):
    blocks = assemble(release, settings)
    titles = [b.text for b in blocks if b.style == "Note Title"]
    assert titles == ["1. Reports", "2. Terminology", "3. About CEOP"]
    assert [b.text for b in blocks if b.style == "Note Subheading"] == ["Why"]
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.header_rows == 1
    assert [[c[0].text for c in row] for row in table.rows][0] == ["Level", "Description"]


def test_untitled_note_puts_its_number_on_the_text(settings):
    release = make_release(notes=[Note("", "Just text.")])
    notes = [b.text for b in assemble(release, settings) if b.style.startswith("Note")]
    assert notes == ["Notes to editors", "1. Just text."]


def test_no_notes_means_no_notes_heading(settings):
    release = make_release(notes=[])
    assert "Notes Heading" not in styles(assemble(release, settings))


def test_contact_comes_from_settings_when_release_has_none(settings):
    release = make_release(contact=None)
    lines = [b.text for b in assemble(release, settings) if b.style == "Contact Block"]
    assert lines == [
        "For further information contact Settings Press Office",
        "Telephone: 0800 000 000",
    ]


def test_full_contact_block_links_email_and_web(release, settings):
    lines = [b for b in assemble(release, settings) if b.style == "Contact Block"]
    assert [p.text for p in lines] == [
        "For further information contact CEOP Press Office",
        "Telephone: 0870 000 3434",
        "Out of hours: 07000 000 111",
        "Email: press@ceop.police.uk",
        "Web: www.ceop.police.uk",
    ]
    assert lines[3].runs[-1].href == "mailto:press@ceop.police.uk"
    assert lines[4].runs[-1].href == "https://www.ceop.police.uk"


def test_empty_contact_block_is_left_out():
    release = make_release(contact=ContactBlock())
    assert "Contact Block" not in styles(assemble(release, Settings()))


def test_immediate_release_and_no_subheadline(settings):
    release = make_release(embargo=None, subheadline=None, standfirst="")
    blocks = assemble(release, settings)
    assert blocks[1] == Paragraph("Embargo", [Run("FOR IMMEDIATE RELEASE")])
    assert "Subheadline" not in styles(blocks) and "Standfirst" not in styles(blocks)


@pytest.mark.parametrize(
    ("status", "version", "expected"),
    [
        ("draft", 3, "DRAFT — NOT FOR PUBLICATION — version 3"),
        ("in_review", None, "DRAFT — NOT FOR PUBLICATION"),
        ("approved", 4, None),
        ("issued", 5, None),
        ("withdrawn", 6, "WITHDRAWN — NOT FOR PUBLICATION"),
    ],
)
def test_draft_marking(status, version, expected):
    assert draft_marking(status, version) == expected


def test_clean_text_removes_what_xml_cannot_hold():
    assert clean_text("a\x00bc\x1fd\ufffee\uffff\x7f\x9b") == "abcde"
    # Line breaks in other forms (Word's manual line break pasted, NEL, U+2028) stay breaks.
    assert clean_text("a\x0bb\x0cc\x85d\u2028e\u2029f") == "a\nb\nc\nd\ne\nf"
    assert clean_text("tab\tnl\ncr\r\ncr\r") == "tab\tnl\ncr\ncr\n"
    assert clean_text("lone \ud800 and \udfff end") == "lone  and  end"
    # A surrogate pair spelt as two code points is joined, not dropped.
    assert clean_text("smile \ud83d\ude00") == "smile \U0001f600"


def test_clean_walks_the_whole_release():
    release = make_release(headline="Bad\x07 headline", notes=[Note("T\x00", "x\ud800y")])
    cleaned = clean(release)
    assert cleaned.headline == "Bad headline"
    assert (cleaned.notes[0].title, cleaned.notes[0].text) == ("T", "xy")
    assert release.headline == "Bad\x07 headline"  # the caller's object is not changed
