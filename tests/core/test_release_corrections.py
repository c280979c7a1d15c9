"""Corrections to a release read from a past file: standfirst, body, quotes."""

from ceopdesk.core.domain import QuoteSection, Release, TextSection
from ceopdesk.core.releases import corrections


def release() -> Release:
    return Release(
        reference="",
        headline="H",
        standfirst="Not really the standfirst.",
        sections=[TextSection("The real standfirst.\n\n“A quote nobody saw.”\n\n- a\n- b")],
    )


def test_a_body_paragraph_becomes_the_standfirst_and_the_old_one_opens_the_body():
    fixed = corrections.to_standfirst(release(), 1)
    assert fixed.standfirst == "The real standfirst."
    assert fixed.sections == [
        TextSection("Not really the standfirst.\n\n“A quote nobody saw.”\n\n- a\n- b")
    ]


def test_a_paragraph_becomes_a_quote_without_its_marks_and_back():
    original = release()
    fixed = corrections.to_quote(original, 2, "Peter Davies", "Chief Executive")
    assert fixed.sections == [
        TextSection("The real standfirst."),
        QuoteSection("Peter Davies", "Chief Executive", "A quote nobody saw."),
        TextSection("- a\n- b"),
    ]
    assert original.sections[0].text.startswith("The real")  # the one given is unchanged
    back = corrections.to_text(fixed, 2)
    assert back.sections == [TextSection("The real standfirst.\n\nA quote nobody saw.\n\n- a\n- b")]


def test_the_standfirst_moves_into_the_body():
    fixed = corrections.to_body(release())
    assert fixed.standfirst == ""
    assert fixed.sections[0].text.startswith("Not really the standfirst.\n\nThe real standfirst.")
