"""Removing text that an XML 1.0 document cannot hold.

Text reaches the writers from pasted Word and PDF fragments, old imports and
the clipboard, so stray control characters and lone surrogates do happen.
lxml refuses them with an exception deep inside a save; removing them once,
at the entry point, means a release always exports.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import TypeVar

# XML 1.0 Char production, inverted: C0 controls other than tab/LF/CR,
# surrogates (only ever lone ones in a Python str) and U+FFFE/U+FFFF; and the
# controls XML holds but no reader shows (DEL, C1), which an e-mail would carry.
_INVALID = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# Line breaks in other clothes: Word's manual line break and page break as
# pasted (VT, FF), NEL, and the Unicode line and paragraph separators.
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")

T = TypeVar("T")


def clean_text(text: str) -> str:
    """Return ``text`` without control characters; CR/CRLF and other line breaks become LF."""
    if _SURROGATE.search(text):
        # A str built from UTF-16 halves holds valid pairs as two code points;
        # joining them keeps an emoji instead of dropping both halves.  What
        # is left unpaired is dropped by 'ignore'.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    return _INVALID.sub("", _BREAKS.sub("\n", text))


def clean(value: T) -> T:
    """Return a copy of ``value`` with every string in it cleaned.

    Walks dataclasses, lists, tuples and dicts, so a whole Release or Settings
    is cleaned in one call; other values are returned as they are.
    """
    if isinstance(value, str):
        return clean_text(value)  # type: ignore[return-value]
    if isinstance(value, list):
        return [clean(v) for v in value]  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(clean(v) for v in value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}  # type: ignore[return-value]
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: clean(getattr(value, f.name)) for f in fields(value) if f.init}
        return replace(value, **changes)
    return value
