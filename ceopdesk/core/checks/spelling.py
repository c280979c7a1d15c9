"""Spelling in British English: Hunspell's en-GB dictionary read by spylls.

The dictionary ships in ``resources/dictionaries`` and works offline. spylls takes
seconds to read it, so it is read once per process, from a prepared copy in the
user's cache folder after the first time (``dictionary.py``), and never on the UI
thread (the editor starts it when idle; submission checks in the background). A
word's answer is remembered, so re-checking as the user types costs only the words
not seen before.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from functools import cache
from typing import Any

from rapidfuzz.distance import OSA

from ..collector import collector_paused
from ..paths import cache_dir, resource
from . import dictionary
from .context import Context
from .finding import Finding
from .text import WORD

RULE = "spelling"
_lock = threading.Lock()


class Speller:
    def __init__(self, dictionary: Any) -> None:
        self._dictionary = dictionary
        self._known: dict[str, bool] = {}
        self._suggested: dict[str, list[str]] = {}

    def is_correct(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = self._lookup(word)
        return known

    def _lookup(self, word: str) -> bool:
        if self._dictionary.lookup(word):
            return True
        if word.endswith("'s") and self._dictionary.lookup(word[:-2]):
            return True
        if "-" in word:
            return all(self.is_correct(piece) for piece in word.split("-") if piece)
        return False

    def suggestions(self, word: str, limit: int = 3) -> list[str]:
        """The dictionary's first suggestions (slow: seconds for a long word), remembered."""
        found = self._suggested.get(word)
        if found is None:
            first = list(itertools.islice(self._dictionary.suggest(word), 6))
            # Closest first (a swapped pair of letters counts as one slip), and a common
            # word before a proper noun: "Childern" is "Children" before "Chiltern".
            first.sort(key=lambda s: (OSA.distance(word.lower(), s.lower()), self._proper(s)))
            found = self._suggested[word] = first[:limit]
        return found

    def _proper(self, word: str) -> bool:
        return word[:1].isupper() and not self._dictionary.lookup(word.lower())


@cache
def _load() -> Speller:
    # Hundreds of thousands of objects that live as long as the process: walking them
    # while they are made was half of the read (the next scheduled collection still runs).
    with collector_paused(collect_after=False):
        return Speller(dictionary.load(resource("dictionaries", "en_GB"), cache_dir()))


def speller() -> Speller:
    """The one en-GB speller of this process, read on first use."""
    with _lock:
        return _load()


LONGEST_WORD = 60  # letters; the longest dictionary words are about 45


def check(ctx: Context, suggest: bool = False) -> Iterator[Finding]:
    known = {w.casefold() for w in ctx.known_names} | {w.casefold() for w in ctx.rules.user_words}
    known |= {w.casefold() for name in ctx.speakers for w in WORD.findall(name)}
    spell = speller()
    for part in ctx.parts:
        if part.kind == "contact":
            continue
        for m in WORD.finditer(ctx.masked[part.name]):
            word = m.group().replace("’", "'")
            if len(word) < 2 or word.isupper() or word.casefold() in known:
                continue
            stem = word[:-2] if word.endswith("'s") else word
            if stem.casefold() in known or stem.isupper():
                continue
            if len(word) > LONGEST_WORD:
                # A pasted code or a run of letters: no dictionary word is this long, and
                # spylls' compound search is quadratic in the length (minutes for 1 MB).
                message = f'"{word[:24]}…" is {len(word):,} letters long: not a word.'
                yield ctx.finding(RULE, part, m.start(), m.end(), message, None)
                continue
            if spell.is_correct(word):
                continue
            options = spell.suggestions(word) if suggest else []
            message = f'"{m.group()}" is not in the British English dictionary'
            message += f' (did you mean "{options[0]}"?).' if options else "."
            yield ctx.finding(
                RULE, part, m.start(), m.end(), message, options[0] if options else None
            )
