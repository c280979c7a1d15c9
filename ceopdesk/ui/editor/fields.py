"""Small helpers of the release form: the headline hint, page estimates, undo keys.
(The date and time fields are in ``dates.py``.)"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence

IDEAL_HEADLINE = (6, 8)
WORDS_PER_PAGE = 450


def word_count(text: str) -> int:
    return len(text.split())


def headline_hint(headline: str) -> tuple[str, bool]:
    """The hint under the headline, and whether it is within the house style."""
    n = word_count(headline)
    low, high = IDEAL_HEADLINE
    if n == 0:
        return "A release needs a headline.", False
    words = f"{n} word{'s' if n != 1 else ''}"
    if low <= n <= high:
        return f"{words} — good", True
    return f"{words} — the house style is {low}–{high}", False


def pages_estimate(words: int) -> int:
    return max(1, math.ceil(words / WORDS_PER_PAGE))


class UndoKeysToForm(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the window's form-wide Undo/Redo
    instead of a text field's own little undo."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Returning True leaves the event unaccepted: the key goes to the window's action.
        return (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        )
