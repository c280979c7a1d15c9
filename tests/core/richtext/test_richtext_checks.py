"""House-style checks read escaped prose as the words typed, not as backslashes."""

from __future__ import annotations

from ceopdesk.core.checks.text import mask_markup
from ceopdesk.core.richtext import escape_text


def test_escapes_and_line_breaks_are_masked_in_place() -> None:
    stored = escape_text("2012. A year in which # of offenders rose\nby 10%.")
    masked = mask_markup(stored)
    assert len(masked) == len(stored) and "\\" not in masked
    assert masked.split() == [
        "2012",
        ".",
        "A",
        "year",
        "in",
        "which",
        "#",
        "of",
        "offenders",
        "rose",
        "by",
        "10%.",
    ]
