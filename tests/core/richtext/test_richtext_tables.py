"""Tables in notes: stored as pipe tables, read back as tables, never turned into paragraphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ceopdesk.core.richtext import (
    Block,
    Span,
    beyond_editor,
    blocks_to_markdown,
    parse_markdown,
    plain_text,
    tidy,
)
from tests.core.richtext.strategies import note_blocks

LEVELS = (
    "The guidelines have five levels:\n\n"
    "| Level | Description |\n|---|---|\n"
    "| 1 | Images depicting **erotic posing** |\n"
    "| 2 | Non-penetrative sexual activity |"
)


def test_a_stored_table_reads_back_as_a_table() -> None:
    blocks = parse_markdown(LEVELS, headings=True, tables=True)
    assert [b.kind for b in blocks] == ["paragraph", "table"]
    table = blocks[1]
    assert [[("".join(s.text for s in c)) for c in row] for row in table.rows] == [
        ["Level", "Description"],
        ["1", "Images depicting erotic posing"],
        ["2", "Non-penetrative sexual activity"],
    ]
    assert table.rows[1][1] == [Span("Images depicting "), Span("erotic posing", bold=True)]
    # Written again it is the same table (the delimiter row in the house spelling).
    again = blocks_to_markdown(blocks)
    assert "| 1 | Images depicting **erotic posing** |" in again
    assert parse_markdown(again, headings=True, tables=True) == blocks


def test_without_tables_the_cells_stay_paragraphs_and_the_editor_says_so() -> None:
    assert [b.kind for b in parse_markdown(LEVELS, headings=True)] == ["paragraph"] * 7
    assert beyond_editor(LEVELS) == "a table"
    assert beyond_editor(LEVELS, tables=True) is None
    nested = "- item\n\n  | a | b |\n  |---|---|\n  | c | d |"
    assert beyond_editor(nested, tables=True) == "a table inside a list"


def test_typed_bars_and_breaks_in_cells_cannot_break_the_table() -> None:
    table = Block(
        "table",
        rows=[
            [[Span("a | b")], [Span("- not a bullet\nsecond line")]],
            [[Span("2012. A year")], [Span("x", href="https://example.org/a|b")]],
            [[Span("longer row")], [], [Span("third")]],
        ],
    )
    source = blocks_to_markdown([table])
    (back,) = parse_markdown(source, headings=True, tables=True)
    assert back.rows == [
        [[Span("a | b")], [Span("- not a bullet second line")], []],
        [[Span("2012. A year")], [Span("x", href="https://example.org/a%7Cb")], []],
        [[Span("longer row")], [], [Span("third")]],
    ], source
    assert plain_text(LEVELS).splitlines()[:2] == [
        "The guidelines have five levels:",
        "Level | Description",
    ]


def test_an_empty_table_is_not_stored() -> None:
    assert blocks_to_markdown([Block("table", rows=[[[Span("  ")], []]])]) == ""
    assert tidy([Block("table", rows=[])]) == []


@settings(max_examples=150, derandomize=True, deadline=None, database=None)
@given(st.lists(note_blocks, max_size=5))
def test_notes_with_tables_survive_markdown(original: list[Block]) -> None:
    expected = tidy(original)
    source = blocks_to_markdown(original)
    back = parse_markdown(source, headings=True, tables=True)
    assert [(b.kind, b.level, b.text) for b in back] == [
        (b.kind, b.level, b.text) for b in expected
    ], source
    # Every table keeps its shape: rows, columns, the header row first.
    assert [[len(r) for r in b.rows] for b in back] == [[len(r) for r in b.rows] for b in expected]
    assert blocks_to_markdown(back) == source
