"""Straight quotes and apostrophes as the typographic marks the Word file will have."""

from __future__ import annotations

# After these a quote opens; after anything else it closes (or is an apostrophe).
_OPENS_AFTER = "([{<‘“«—–-/\u00a0"

_MARKS = {'"': ("“", "”"), "'": ("‘", "’")}


def typographic_quote(char: str, before: str) -> str:
    """The mark to show for a typed ``char`` after the text ``before`` (the same
    character when it is not a straight quote)."""
    marks = _MARKS.get(char)
    if marks is None:
        return char
    last = before[-1:] if before else ""
    opening = not last or last.isspace() or last in _OPENS_AFTER
    return marks[0] if opening else marks[1]


def smart_quotes(text: str) -> str:
    """``text`` with every straight quote and apostrophe made typographic."""
    out: list[str] = []
    for char in text:
        out.append(typographic_quote(char, out[-1] if out else ""))
    return "".join(out)
