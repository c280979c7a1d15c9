"""Hypothesis over the Markdown -> Word writer: any text gives a Word file, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceopdesk.core.domain import Note, QuoteSection, Settings, TextSection
from ceopdesk.documents.docx_writer import write_docx
from tests.documents.doc_samples import make_release

FUZZ = settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

markup = st.sampled_from(["**", "*", "- ", "1. ", "\n\n", "[", "](", ")", "### ", "<b>", "`"])
nasty = st.lists(
    st.one_of(
        st.characters(blacklist_categories=()),
        markup,
        st.sampled_from(["\u202eRTL\u202c", "\u200f", "👩‍👧", "\x00", "\ud83d", "\ufffe"]),
    ),
    max_size=60,
).map("".join)
words = st.lists(st.from_regex(r"[A-Za-z]{3,10}", fullmatch=True), min_size=1, max_size=8).map(
    " ".join
)


def _written_text(release) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = write_docx(release, Settings(), Path(folder) / "r.docx", 1)
        return [p.text for p in docx.Document(str(path)).paragraphs]


@FUZZ
@given(headline=nasty, body=nasty, quote=nasty, note=nasty)
def test_any_text_makes_a_word_file(headline, body, quote, note):
    release = make_release(
        headline=headline or "h",
        sections=[TextSection(body), QuoteSection(quote[:20], None, quote)],
        notes=[Note(note[:20] or "n", note)],
    )
    assert _written_text(release)


@FUZZ
@given(paragraphs=st.lists(words, min_size=1, max_size=4))
def test_plain_words_arrive_in_the_document(paragraphs):
    release = make_release(sections=[TextSection("\n\n".join(paragraphs))])
    text = _written_text(release)
    for paragraph in paragraphs:
        assert paragraph in text


def test_a_one_megabyte_paragraph(tmp_path):
    big = "word " * 200_000
    path = write_docx(make_release(sections=[TextSection(big)]), Settings(), tmp_path / "r.docx", 1)
    assert any(len(p.text) > 900_000 for p in docx.Document(str(path)).paragraphs)
