"""Plain-text helpers the rules share: markup masked, sentences, words, names, ages.

Masking replaces Markdown syntax (``**``, link targets, list markers) with spaces
so offsets in the masked text are offsets in the stored text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
# An address starts where a word does: unanchored, a long run of letters (a pasted hash)
# was tried from every one of its characters, quadratic in its length.
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# The backslash of an escape ("2012\\. A year", typed prose kept from reading as a list)
# or of a line break.
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~\n])")
_EMPHASIS = re.compile(r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_LINE_MARKER = re.compile(r"^([ \t]*)(?:[-*+] |\d{1,3}[.)] |#{1,6} )", re.M)
_BRACKETS = re.compile(r"[\[\]]")
# A note's pipe table: its rule row and the pipes between cells are syntax too.
_TABLE_RULE = re.compile(r"^[ \t]*\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$", re.M)
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
_CELL_PIPE = re.compile(r"(?<!\\)\|")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def mask_markup(text: str) -> str:
    """The text with Markdown syntax, links, URLs and e-mail addresses as spaces."""
    text = _TABLE_RULE.sub(_blank, text)
    text = _TABLE_ROW.sub(lambda m: _CELL_PIPE.sub(" ", m.group()), text)
    text = _ESCAPE.sub(" ", text)
    text = _LINK_TARGET.sub(_blank, text)
    text = _URL.sub(_blank, text)
    text = _EMPHASIS.sub(_blank, text)
    text = _LINE_MARKER.sub(lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))), text)
    return _BRACKETS.sub(" ", text)


def shown(text: str, masked: str, span: Span) -> str:
    """A sentence as an approver reads it: one line, a table row's cells joined by " · "."""
    line_end = text.find("\n", span.start)
    line = text[text.rfind("\n", 0, span.start) + 1 : len(text) if line_end < 0 else line_end]
    if not _TABLE_ROW.fullmatch(line):
        return " ".join(span.text.split())
    original = text[span.start : span.end]
    cells, start = [], 0
    for m in _CELL_PIPE.finditer(original):
        cells.append(masked[span.start + start : span.start + m.start()])
        start = m.end()
    cells.append(masked[span.start + start : span.end])
    return " · ".join(" ".join(c.split()) for c in cells if c.strip())


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


# A sentence ends at . ! ? (then a space and a capital, a quote or the end) or at a line end.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9£])|\n+")


def sentences(masked: str) -> Iterator[Span]:
    start = 0
    for m in _SENTENCE_END.finditer(masked):
        yield from _trimmed(masked, start, m.start())
        start = m.end()
    yield from _trimmed(masked, start, len(masked))


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if piece:
        yield Span(start + lead, start + lead + len(piece), piece)


WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z\u00c0-\u024f]+)*")


def words(text: str) -> list[str]:
    return WORD.findall(text)


# -- people ---------------------------------------------------------------------

_CAP = r"(?:Mc|Mac|O['’])?[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z\u00e0-\u00ff]+)?"
_NAME = re.compile(rf"\b(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?{_CAP}(?: {_CAP}){{1,2}}\b")
_FIRST_NAME_AGE = re.compile(rf"\b({_CAP}), (?:aged )?(\d{{1,2}}),")

# Capitalised words that start organisations, places, roles and sentences, not people.
_NOT_NAME_WORDS = """
The A An This That These Those Its It Our Their His Her We They He She I In On At By For From
To Of With After Before During When While Since Until If As And But Or So Yet Every Each All
Most Many Some Any No Today Yesterday Tomorrow Last Next Earlier Later Now Then Officers Police
Court Crown Magistrates Youth Justice Agency Command Centre Center Council Office Service
Services Department Ministry Government Home Foundation Society Trust Unit Team Force Forces
National International Online Child Children Protection Exploitation Crime Prosecution Chief
Detective Sergeant Inspector Constable Superintendent Commander Officer Director Minister
Secretary Deputy Head Senior Investigating Assistant Commissioner Judge Justice Recorder Mayor
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Category Notes Editors Press Release Ends
England Wales Scotland Ireland Northern Britain British United Kingdom London Manchester
Birmingham Leeds Liverpool Bristol Glasgow Edinburgh Cardiff Belfast Internet Watch Virtual
Global Taskforce Safeguarding Street Road Lane School College University Hospital Act Annual
Review Report Operation Parliament House Commons Lords European Union Europe Childline Barnardo
Barnardo's Action Prevention Cruelty Association Federation Network Partnership Police's
Operations Kingdom Channel Facebook Instagram Snapchat Google Microsoft Apple Meta
"""
NOT_NAME_WORDS = frozenset(_NOT_NAME_WORDS.split())


def names(masked: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Likely names of people between start and end: two or three capitalised words not
    known as organisation, place, role or sentence words, or a first name followed by an age."""
    end = len(masked) if end is None else end
    found: list[Span] = []
    for m in _NAME.finditer(masked, start, end):
        parts = m.group().split()
        while parts and parts[0] in NOT_NAME_WORDS:
            parts = parts[1:]
        titled = bool(parts) and parts[0].rstrip(".") in ("Mr", "Mrs", "Ms", "Miss", "Dr")
        if len(parts) < 2 or (not titled and any(p in NOT_NAME_WORDS for p in parts)):
            continue
        text = " ".join(parts)
        offset = m.end() - len(text)
        found.append(Span(offset, m.end(), text))
    for m in _FIRST_NAME_AGE.finditer(masked, start, end):
        if m.group(1) not in NOT_NAME_WORDS and not any(
            s.start <= m.start() < s.end for s in found
        ):
            found.append(Span(m.start(1), m.end(1), m.group(1)))
    return found


_AGE = re.compile(
    r"\baged (\d{1,2})\b|\b(\d{1,2})[- ]year[- ]old\b|, (\d{1,2}),|\((\d{1,2})\)|\bage (\d{1,2})\b"
)


def child_ages(text: str) -> list[Span]:
    """Ages under 18 written next to someone: "aged 14", "15-year-old", "Emily, 13,"."""
    out = []
    for m in _AGE.finditer(text):
        value = next(int(g) for g in m.groups() if g)
        if value < 18:
            out.append(Span(m.start(), m.end(), m.group()))
    return out


def any_word(words_: tuple[str, ...]) -> re.Pattern[str]:
    """A case-blind pattern matching any of the phrases as whole words."""
    body = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words_, key=len, reverse=True)
    )
    return re.compile(rf"\b(?:{body})\b", re.I)
