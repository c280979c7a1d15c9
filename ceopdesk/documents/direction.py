"""Which way a paragraph reads, by the Unicode bidirectional algorithm's own rule.

A paragraph's direction is that of its first strong character (rules P2/P3
of UAX #9), skipping anything inside an isolate, so "“نص”" is right-to-left
and "Name, role, said:" with the name isolated is left-to-right whatever
script the name is in.  Every renderer asks here, so the Word file, the
preview and the e-mail body agree.
"""

from __future__ import annotations

import unicodedata

# Isolate initiators (LRI, RLI, FSI) and their terminator (PDI).
_ISOLATE_OPEN = frozenset("\u2066\u2067\u2068")
_ISOLATE_CLOSE = "\u2069"
FSI, PDI = "\u2068", "\u2069"
LRM = "\u200e"


def first_strong(text: str) -> str | None:
    """``"ltr"``, ``"rtl"`` or None when ``text`` has no strong character outside isolates."""
    depth = 0
    for char in text:
        if char in _ISOLATE_OPEN:
            depth += 1
        elif char == _ISOLATE_CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0:
            kind = unicodedata.bidirectional(char)
            if kind == "L":
                return "ltr"
            if kind in ("R", "AL"):
                return "rtl"
    return None


def is_rtl(text: str) -> bool:
    return first_strong(text) == "rtl"


def isolate(text: str) -> str:
    """Right-to-left ``text`` made safe to set inside an English sentence.

    Wrapped in an isolate, so its direction cannot reorder the words around
    it, and followed by a left-to-right mark for renderers that ignore
    isolates (Qt's text engine, older Word), so a comma after it stays on
    the English side.  Left-to-right text is returned as it is, so English
    attributions stay free of invisible marks.
    """
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return f"{FSI}{text}{PDI}{LRM}"
    return text
