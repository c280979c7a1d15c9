"""A small word-level diff of two texts, for people to read.

Built on :mod:`difflib`.  The texts are cut into words, punctuation marks and
runs of whitespace; the result is a list of :class:`DiffRun` that, read in
order, rebuilds both texts exactly (``old_text(runs) == old`` and
``new_text(runs) == new``).  Runs are tidied for reading: neighbouring changes
are joined into one, and the lone spaces between changed words are folded
into the change, so "the quick brown fox" against "the slow red fox" reads as
one replacement "quick brown" -> "slow red" rather than two.

Used for boilerplate version history and, later, for comparing an approver's
edited Word file with the release.  No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

Kind = Literal["equal", "insert", "delete", "replace"]

# A word (letters/digits, with inner apostrophes: "don't", "officer’s"),
# a run of whitespace, or any other single character (punctuation).
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class DiffRun:
    """One stretch of the comparison.

    ``old`` is the text on the old side ("" for an insert), ``new`` the text on
    the new side ("" for a delete); for ``equal`` both are the same.
    """

    kind: Kind
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.kind != "equal"


@dataclass(frozen=True)
class DiffStats:
    """How many words were removed and added (a replacement counts as both)."""

    words_removed: int
    words_added: int

    @property
    def unchanged(self) -> bool:
        return self.words_removed == 0 and self.words_added == 0


def tokenize(text: str) -> list[str]:
    """Words, single punctuation marks and whitespace runs; joined they give ``text`` back."""
    return _TOKEN.findall(text)


def diff_words(old: str, new: str) -> list[DiffRun]:
    """The word-level differences between ``old`` and ``new``."""
    a, b = tokenize(old), tokenize(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    raw = [
        (tag, "".join(a[i1:i2]), "".join(b[j1:j2])) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    return _tidy(raw)


def _tidy(raw: Sequence[tuple[str, str, str]]) -> list[DiffRun]:
    # 1. Fold whitespace-only equal stretches lying between two changes into a change.
    folded: list[tuple[bool, str, str]] = []  # (changed, old, new)
    for index, (tag, old, new) in enumerate(raw):
        between_changes = 0 < index < len(raw) - 1
        if tag == "equal" and between_changes and not old.strip():
            folded.append((True, old, new))
        else:
            folded.append((tag != "equal", old, new))
    # 2. Join neighbours of the same nature.
    joined: list[list] = []
    for changed, old, new in folded:
        if joined and joined[-1][0] == changed:
            joined[-1][1] += old
            joined[-1][2] += new
        else:
            joined.append([changed, old, new])
    # 3. Name each run.
    runs: list[DiffRun] = []
    for changed, old, new in joined:
        if not old and not new:
            continue
        if not changed:
            runs.append(DiffRun("equal", old, new))
        elif old and new:
            runs.append(DiffRun("replace", old, new))
        elif new:
            runs.append(DiffRun("insert", "", new))
        else:
            runs.append(DiffRun("delete", old, ""))
    return runs


def old_text(runs: list[DiffRun]) -> str:
    return "".join(r.old for r in runs)


def new_text(runs: list[DiffRun]) -> str:
    return "".join(r.new for r in runs)


def stats(runs: list[DiffRun]) -> DiffStats:
    removed = sum(len(_WORD.findall(r.old)) for r in runs if r.changed)
    added = sum(len(_WORD.findall(r.new)) for r in runs if r.changed)
    return DiffStats(words_removed=removed, words_added=added)


def is_unchanged(runs: list[DiffRun]) -> bool:
    return all(not r.changed for r in runs)
