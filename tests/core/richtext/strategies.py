"""Hypothesis strategies for formatted text, shared by the core and the editor widget tests."""

from __future__ import annotations

from hypothesis import strategies as st

from ceopdesk.core.richtext import Block, Span
from ceopdesk.core.richtext.clean import remove_invisible

# Text people could type or paste: any Unicode, with the characters Markdown
# gives meaning to made likely, and line breaks.
_MARKUP = "*_`#>-+=~|[]()<>!&\\.;:0123456789 \t\n\u00a0\u3000\u2028"
typed = st.lists(
    st.one_of(st.characters(), st.sampled_from(list(_MARKUP)), st.just("2012. "), st.just("\n- ")),
    max_size=40,
).map("".join)


_HREFS = st.sampled_from(
    [
        "https://www.ceop.police.uk",
        "https://example.org/a b?(x)=1&y=é",
        "mailto:press@example.org",
        "http://x.test/path_with*stars",
    ]
)
spans = st.builds(
    Span,
    text=typed.map(remove_invisible),
    bold=st.booleans(),
    italic=st.booleans(),
    href=st.one_of(st.none(), _HREFS),
)
blocks = st.builds(
    Block,
    kind=st.sampled_from(["paragraph", "bullet", "number", "heading"]),
    spans=st.lists(spans, max_size=4),
    level=st.integers(0, 1),
)
# A table in a note: a header row and body rows of formatted cells (ragged rows allowed:
# tidying makes every row as wide as the widest).
tables = st.builds(
    lambda rows: Block("table", rows=rows),
    st.lists(st.lists(st.lists(spans, max_size=3), min_size=1, max_size=3), min_size=1, max_size=3),
)
note_blocks = st.one_of(blocks, tables)
