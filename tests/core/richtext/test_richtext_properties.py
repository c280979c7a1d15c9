"""Property tests: whatever is typed reads back as typed, and the editor's blocks survive
being stored as Markdown."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ceopdesk.core.richtext import (
    Block,
    Span,
    blocks_to_markdown,
    escape_text,
    parse_markdown,
    tidy,
)
from ceopdesk.core.richtext.clean import remove_invisible
from tests.core.richtext.strategies import blocks, typed


def _expected(text: str) -> str:
    block = tidy([Block("paragraph", [Span(text)])])
    return block[0].text if block else ""


def _read(markdown: str) -> str:
    blocks = parse_markdown(markdown, headings=True)
    assert len(blocks) <= 1, markdown
    return blocks[0].text if blocks else ""


def _visible(text: str) -> str:
    return "".join(c for c in text if not c.isspace())


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(typed)
def test_escaped_text_reads_back_as_typed(raw: str) -> None:
    text = remove_invisible(raw)
    source = escape_text(text)
    assert _read(source) == _expected(text), source
    # Only white space at the ends of lines is ever lost.
    assert _visible(_read(source)) == _visible(text)


def test_prose_is_never_markup() -> None:
    for prose in (
        "2012. A year in which",
        "# of offenders rose",
        "- a quote",
        "1) first",
        "**not bold**",
        "[not](a link)",
        "| a | b |\n|---|---|",
        "---",
        "> no",
    ):
        blocks = parse_markdown(escape_text(prose), headings=True)
        assert [b.kind for b in blocks] == ["paragraph"], prose
        assert blocks[0].spans == [Span(prose)], prose


@settings(max_examples=150, derandomize=True, deadline=None, database=None)
@given(st.lists(blocks, max_size=6))
def test_blocks_survive_markdown(original: list[Block]) -> None:
    expected = tidy(original)
    source = blocks_to_markdown(original)
    back = parse_markdown(source, headings=True)
    # Structure, text and links always come back; bold and italic come back
    # wherever CommonMark can write them (checked block by block when written).
    assert [(b.kind, b.level, b.text) for b in back] == [
        (b.kind, b.level, b.text) for b in expected
    ], source
    assert [[(s.text, s.href) for s in b.spans if s.href] for b in back] == [
        [(s.text, s.href) for s in b.spans if s.href] for b in expected
    ], source
    # Writing what was read gives the same Markdown: stored text is stable.
    assert blocks_to_markdown(back) == source


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(
    st.lists(
        st.builds(
            Block,
            kind=st.sampled_from(["paragraph", "bullet", "number"]),
            spans=st.lists(
                st.builds(
                    Span,
                    text=st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True),
                    bold=st.booleans(),
                    italic=st.booleans(),
                ),
                max_size=4,
            ).map(lambda ss: [Span(s.text + " ", s.bold, s.italic) for s in ss]),
            level=st.integers(0, 1),
        ),
        max_size=6,
    )
)
def test_word_formatting_is_lossless(original: list[Block]) -> None:
    """Bold and italic on whole words (what people do) come back exactly."""
    assert parse_markdown(blocks_to_markdown(original), headings=True) == tidy(original)
