"""What a check reports, and the parts of a release it reads.

A ``part`` is named as in the release JSON (``headline``, ``sections[2]``, ...);
``start``/``end`` are character offsets into that part's stored text, so the
editor can underline the place and the command line can quote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..domain import ContactBlock, QuoteSection, Release

Severity = Literal["warning", "block"]


@dataclass(frozen=True)
class Finding:
    rule: str  # e.g. "terms.avoid", "legal.complainant-named"
    part: str
    excerpt: str
    message: str
    severity: Severity = "warning"
    start: int = 0
    end: int = 0
    fix: str | None = None  # the text that replaces [start:end] in one click

    @property
    def is_legal(self) -> bool:
        """Legal and guidance warnings are overridden only with a recorded reason."""
        return self.rule.startswith("legal.")

    def as_json(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "part": self.part,
            "excerpt": self.excerpt,
            "message": self.message,
            "severity": self.severity,
        }


@dataclass(frozen=True)
class Part:
    """One piece of a release's text, in reading order."""

    name: str
    text: str
    kind: Literal["headline", "subheadline", "standfirst", "text", "quote", "note", "contact"]
    title: str = ""  # a note's title, which says what the note is about
    key: str | None = None  # a library note's boilerplate key


def release_parts(release: Release, contact: ContactBlock | None = None) -> list[Part]:
    parts = [Part("headline", release.headline or "", "headline")]
    if release.subheadline:
        parts.append(Part("subheadline", release.subheadline, "subheadline"))
    parts.append(Part("standfirst", release.standfirst or "", "standfirst"))
    for i, section in enumerate(release.sections):
        kind: Literal["quote", "text"] = "quote" if isinstance(section, QuoteSection) else "text"
        parts.append(Part(f"sections[{i}]", section.text or "", kind))
    for i, note in enumerate(release.notes):
        parts.append(
            Part(f"notes[{i}]", note.text or "", "note", note.title or "", note.boilerplate)
        )
    block = release.contact if release.contact is not None else contact
    if block is not None:
        lines = [block.name, block.phone, block.out_of_hours, block.email, block.web]
        parts.append(Part("contact", "\n".join(v for v in lines if v), "contact"))
    return parts


EXCERPT_LIMIT = 80  # characters: a finding about a whole standfirst quotes its start


def excerpt_of(text: str, start: int, end: int) -> str:
    # Cut before joining: a finding may span a megabyte paste.
    words = " ".join(text[start : min(end, start + 4 * EXCERPT_LIMIT)].split())
    if end - start > 4 * EXCERPT_LIMIT or len(words) > EXCERPT_LIMIT:
        return words[: EXCERPT_LIMIT - 1].rstrip() + "…"
    return words
