"""Characters nobody sees: removed from pasted and imported text, and said so."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import BREAK

# Bidirectional embeddings, overrides, isolates and marks: they reorder text
# invisibly (a known way to make a name or a link read differently).
_DIRECTION = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Zero-width spaces, byte-order marks, word joiners and invisible operators,
# other C0/C1 controls, interlinear annotations, the object replacement
# character (an image left behind) and non-characters.  Zero-width joiners and
# non-joiners stay: scripts and emoji need them.  Tabs and line ends are
# handled by the callers.
_INVISIBLE = (
    "\u0000-\u0008\u000e-\u001f\u007f-\u009f\u180e\u200b\u2060-\u2064\ufeff"
    "\ufff9-\ufffc\ufffe\uffff\ud800-\udfff"
)
_DIRECTION_RE = re.compile(f"[{_DIRECTION}]")
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
# Word's manual line break arrives as a vertical tab; Unicode has its own separators.
_LINE_BREAKS = re.compile("[\u000b\u2028\u0085]")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@dataclass
class Removed:
    """Counts of what :func:`remove_invisible` took out, over one paste or import."""

    directions: int = 0
    invisible: int = 0

    def notes(self) -> list[str]:
        out = []
        if self.directions:
            marks = _plural(
                self.directions, "invisible direction mark", "invisible direction marks"
            )
            out.append(f"Removed {marks}.")
        if self.invisible:
            chars = _plural(
                self.invisible, "invisible control character", "invisible control characters"
            )
            out.append(f"Removed {chars}.")
        return out


def remove_invisible(text: str, removed: Removed | None = None, manual_break: str = BREAK) -> str:
    """``text`` without direction marks and invisible controls, counted in ``removed``.

    Line ends become ``\\n`` and manual line breaks (vertical tab, U+2028)
    become ``manual_break``; a form feed or paragraph separator is a line end.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n").replace("\u2029", "\n")
    text = _LINE_BREAKS.sub(manual_break, text)
    text, directions = _DIRECTION_RE.subn("", text)
    text, invisible = _INVISIBLE_RE.subn("", text)
    if removed is not None:
        removed.directions += directions
        removed.invisible += invisible
    return text
