"""Plain text (email body) and HTML (live preview) walk the same blocks as Word."""

from __future__ import annotations

import html
import re

import pytest

from ceopdesk.core.domain import TextSection
from ceopdesk.documents.assemble import assemble
from ceopdesk.documents.blocks import Table
from ceopdesk.documents.html import render_html
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
