"""Plain text (email body) and HTML (live preview) walk the same blocks as Word."""

from __future__ import annotations

import html
import re

import pytest

from ceopdesk.core.domain import Note, QuoteSection, TextSection
from ceopdesk.documents.assemble import assemble
from ceopdesk.documents.blocks import Table
from ceopdesk.documents.html import render_email_html, render_html
from ceopdesk.documents.text import render_text
from tests.documents.doc_samples import make_release


def block_texts(release, settings) -> list[str]:
    """A recognisable piece of every block, in order."""
    out = []
    for block in assemble(release, settings):
        text = block.rows[-1][-1][0].text if isinstance(block, Table) else block.text
        out.append(text.split("\t")[-1][:25].strip())
    return [t for t in out if t]


def html_as_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup.replace("&nbsp;", " ")))


def assert_in_order(haystack: str, needles: list[str]) -> None:
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        assert found >= 0, f"{needle!r} missing or out of order"
        position = found + len(needle)


def test_text_and_html_have_the_same_parts_in_the_same_order(release, settings):
    needles = block_texts(release, settings)
    assert len(needles) > 30
    assert_in_order(render_text(release, settings), needles)
    assert_in_order(html_as_text(render_html(release, settings)), needles)


def test_plain_text_conventions(release, settings):
    text = render_text(release, settings)
    assert text.startswith(
        "DRAFT — NOT FOR PUBLICATION\n\n"
        "PRESS RELEASE    CEOP-2012-031 | London, 20 June 2012\n"
        "EMBARGOED UNTIL 00:01 BST, Thursday 21 June 2012\n\n"
        "Record number of children safeguarded by CEOP\n"
    )
    assert "• 427 children safeguarded or protected\n• 192 suspects arrested\n" in text
    assert "   • of whom 41 were repeat offenders" in text
    assert '1. encryption\n2. the "hidden internet"' in text
    assert "CEOP website (https://www.ceop.police.uk/review)" in text
    assert "Peter Davies, Chief Executive of CEOP, said:\n\n“A record year." in text
    assert "Jane Minister said:" in text
    assert "\n\nENDS\n\nNotes to editors\n\n1. Reports\nThe reports" in text
    assert "3. About CEOP" in text
    assert "Level | Description\n1 | Erotic posing" in text
    # An address shown as the link text is not repeated.
    assert "Email: press@ceop.police.uk\nWeb: www.ceop.police.uk\n" in text
    assert "**" not in text and "](" not in text


def test_separate_lists_are_separated_in_text(settings):
    release = make_release(sections=[TextSection("- a\n- b\n\n1. one\n2. two")], notes=[])
    assert "• a\n• b\n\n1. one\n2. two" in render_text(release, settings)


@pytest.mark.parametrize("status", ["draft", "in_review"])
def test_draft_banner_in_preview(release, settings, status):
    release.status = status
    assert "DRAFT — NOT FOR PUBLICATION" in render_html(release, settings)


@pytest.mark.parametrize("status", ["approved", "issued", "withdrawn"])
def test_no_draft_banner_once_approved(release, settings, status):
    release.status = status
    assert "DRAFT" not in render_html(release, settings)
    assert "DRAFT" not in render_text(release, settings)


def test_html_escapes_everything(settings):
    release = make_release(
        headline="<script>alert('h')</script>",
        standfirst="Standfirst <img src=x onerror=alert(1)>",
        sections=[TextSection('Body <script>alert(1)</script> & [x](https://a.uk/?a=1&b="2")')],
    )
    markup = render_html(release, settings)
    assert "<script>" not in markup and "<img" not in markup
    assert "&lt;script&gt;alert('h')&lt;/script&gt;" in markup
    assert "Body &lt;script&gt;alert(1)&lt;/script&gt; &amp;" in markup
    assert 'href="https://a.uk/?a=1&amp;b=%22' in markup


def test_html_lists_nest_and_restart(release, settings):
    markup = render_html(release, settings)
    assert "<li>192 suspects arrested<ul" in markup  # the nested list sits in its item
    assert markup.count("<ol") == 4 and markup.count("</ol>") == 4
    assert markup.count("<ul") == markup.count("</ul>")
    assert markup.count("<li>") == markup.count("</li>")


def test_control_characters_do_not_reach_text_or_html(settings):
    release = make_release(headline="Bad\x00 head\ud800line")
    assert "Bad headline" in render_text(release, settings)
    assert "Bad headline" in render_html(release, settings)


def test_lists_in_notes_are_indented_in_text(release, settings):
    # Flush left, "1. Intelligence" would read as note 1 again.
    text = render_text(release, settings)
    assert (
        "3. About CEOP\nCEOP is part of UK policing.\n\n   1. Intelligence\n   2. Operations"
        in text
    )
    assert "\n1. encryption\n" in text  # the body's lists stay where they were


def test_control_characters_and_odd_line_breaks_leave_the_email_body(settings):
    release = make_release(standfirst="One\x7f two\x9b three\x0bfour", headline="Head\u2028line")
    for rendered in (render_text(release, settings), render_email_html(release, settings)):
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]", rendered)
    assert "One two three four" in render_text(release, settings)


def test_right_to_left_paragraphs_are_marked_in_the_html(settings):
    release = make_release(
        sections=[
            QuoteSection("أحمد خان", "ضابط التحقيق", "نص عربي.\n\n- بند"),
            QuoteSection("Jane Smith", None, "English."),
        ],
        notes=[Note("Table", "| عمود | B |\n|---|---|\n| 1 | 2 |")],
    )
    for markup in (render_html(release, settings), render_email_html(release, settings)):
        assert '<p dir="rtl" style="font-size:11pt; margin-left:18px;">“نص عربي.</p>' in markup
        assert '<li dir="rtl">بند”' in markup
        assert '<th dir="rtl" align="right">عمود</th><th align="left">B</th>' in markup
        # The attribution line is an English sentence: left to right, the name isolated.
        assert (
            '<p style="font-size:11pt; font-weight:bold; margin-bottom:2px;">\u2068أحمد' in markup
        )
        assert '<p style="font-size:11pt; margin-left:18px;">“English.”</p>' in markup


def test_email_html_is_a_whole_document_with_inline_styles_only(release, settings):
    markup = render_email_html(release, settings, version=4)
    assert markup.startswith('<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">')
    assert "<title>Record number of children safeguarded by CEOP</title>" in markup
    assert "DRAFT — NOT FOR PUBLICATION — version 4" in markup
    assert "<style" not in markup and "<link" not in markup and "class=" not in markup
    assert "<script" not in markup
    # Headings in the order of the Word file's outline.
    tags = re.findall(r"<(h[1-6])", markup)
    assert tags[0] == "h1" and tags[1] == "h2" and set(tags[2:]) == {"h3", "h4"}
    # The contact block is one shaded panel, the one table besides the note's.
    panel = markup[markup.index("For further information") - 400 :]
    assert "background-color:#f2f2f2" in panel and "<div>Telephone: 0870 000 3434</div>" in panel
    assert markup.count("<table") == 2
