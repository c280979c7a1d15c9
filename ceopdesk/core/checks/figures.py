"""Every figure in a release, with its sentence and part, for the approver to sign off.

Counts, percentages, money, dates and years, ages, "1.7 million", "three-fold",
"doubled", and numbers written as words. Phone numbers, links and the contact
block are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain import Release
from .finding import release_parts
from .text import mask_markup, sentences, shown

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
_NUMBER_WORD = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?)"
)
_SCALE = r"(?:\s?(?:million|billion|thousand|bn|m|k)\b)?"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

KINDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "date",
        re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}(?: \d{{4}})?\b|\b{_MONTH} \d{{4}}\b"),
    ),
    (
        "money",
        re.compile(rf"[£$€]\s?(?:{_NUM}){_SCALE}|\b(?:{_NUM}){_SCALE} (?:pounds|euros)\b", re.I),
    ),
    ("percentage", re.compile(rf"\b(?:{_NUM})\s?(?:%|per ?cent\b)", re.I)),
    (
        "multiple",
        re.compile(
            rf"\b(?:{_NUMBER_WORD}|\d+)[- ]?fold\b|\b(?:doubled|trebled|tripled|"
            r"quadrupled|halved)\b",
            re.I,
        ),
    ),
    ("age", re.compile(r"\b\d{1,3}[- ]year[- ]old\b|\baged \d{1,3}(?: to \d{1,3})?\b", re.I)),
    ("year", re.compile(r"\b(?:19|20)\d{2}\b(?![,.]\d)")),
    ("count", re.compile(rf"\b(?:{_NUM})(?:\s(?:million|billion|thousand)\b)?")),
    ("count", re.compile(rf"\b{_NUMBER_WORD}(?:[- ]{_NUMBER_WORD})*\b", re.I)),
]
# Not figures: phone numbers and list markers.
_PHONE = re.compile(r"\b0\d{2,4}[ ]?\d{3,4}[ ]?\d{3,4}\b|\b999\b|\b0800 ?\d+ ?\d*\b")
_LIST_NUMBER = re.compile(r"^[ \t]*\d{1,3}[.)](?=\s)", re.M)


@dataclass(frozen=True)
class Figure:
    part: str
    kind: str
    text: str
    sentence: str
    start: int
    end: int


def figures(release: Release) -> list[Figure]:
    """Figures in reading order; where two patterns overlap the longer match wins."""
    found: list[Figure] = []
    for part in release_parts(release):
        if part.kind == "contact":
            continue
        masked = mask_markup(part.text)
        for pattern in (_PHONE, _LIST_NUMBER):
            masked = pattern.sub(lambda m: " " * len(m.group()), masked)
        spans: list[tuple[int, int, str]] = []
        for kind, pattern in KINDS:
            for m in pattern.finditer(masked):
                if any(a < m.end() and m.start() < b for a, b, _k in spans):
                    continue
                spans.append((m.start(), m.end(), kind))
        parts_sentences = list(sentences(masked))
        for start, end, kind in sorted(spans):
            sentence = next((s for s in parts_sentences if s.start <= start < s.end), None)
            found.append(
                Figure(
                    part.name,
                    kind,
                    part.text[start:end],
                    shown(part.text, masked, sentence) if sentence else "",
                    start,
                    end,
                )
            )
    return found
