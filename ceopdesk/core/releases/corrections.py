"""Corrections to a release read from a past file, before it is stored.

A reader can take the standfirst for body text, or miss a quote. The import
preview lists the release's parts (the standfirst, each body paragraph, each
quote) and these functions move them: a body paragraph up to the standfirst
(the old standfirst goes back to the body), the standfirst down into the body,
a paragraph into a quote with its speaker, a quote back into text. Each returns
a new Release; the one given is left as it was.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Literal

from ..domain import QuoteSection, Release, TextSection

_OPEN = "\"“‘'„«"
_CLOSE = "\"”’'»"


@dataclass(frozen=True)
class Part:
    kind: Literal["standfirst", "text", "quote"]
    text: str
    speaker: str = ""
    role: str | None = None


def parts(release: Release) -> list[Part]:
    """The standfirst, then the body: one part per paragraph (a list is one), one per quote."""
    out = [Part("standfirst", release.standfirst)] if release.standfirst.strip() else []
    for s in release.sections:
        if isinstance(s, QuoteSection):
            out.append(Part("quote", s.text, s.speaker, s.role))
        else:
            out.extend(Part("text", p) for p in _paragraphs(s.text))
    return out


def from_parts(release: Release, items: list[Part]) -> Release:
    new = copy.deepcopy(release)
    new.standfirst = next((p.text for p in items if p.kind == "standfirst"), "")
    sections: list[TextSection | QuoteSection] = []
    pending: list[str] = []
    for p in items:
        if p.kind == "text":
            pending.append(p.text)
        elif p.kind == "quote":
            if pending:
                sections.append(TextSection("\n\n".join(pending)))
                pending = []
            sections.append(QuoteSection(speaker=p.speaker, role=p.role, text=p.text))
    if pending:
        sections.append(TextSection("\n\n".join(pending)))
    new.sections = sections
    return new


def to_standfirst(release: Release, index: int) -> Release:
    """Part ``index`` (body text) becomes the standfirst; the old one opens the body."""
    items = parts(release)
    chosen = items[index]
    if chosen.kind != "text":
        raise ValueError("only a body paragraph can become the standfirst")
    rest = [p for k, p in enumerate(items) if k != index]
    old = [Part("text", p.text) for p in rest if p.kind == "standfirst"]
    body = [p for p in rest if p.kind != "standfirst"]
    return from_parts(release, [Part("standfirst", chosen.text), *old, *body])


def to_body(release: Release) -> Release:
    """The standfirst becomes the first body paragraph; the release has none until one is chosen."""
    items = [Part("text", p.text) if p.kind == "standfirst" else p for p in parts(release)]
    return from_parts(release, items)


def to_quote(release: Release, index: int, speaker: str, role: str | None) -> Release:
    """Part ``index`` becomes a quote by ``speaker``, without its quotation marks."""
    items = parts(release)
    chosen = items[index]
    if chosen.kind == "quote":
        items[index] = Part("quote", chosen.text, speaker.strip(), role)
    else:
        items[index] = Part(
            "quote", unquote(chosen.text), speaker.strip(), (role or "").strip() or None
        )
    return from_parts(release, items)


def to_text(release: Release, index: int) -> Release:
    items = parts(release)
    items[index] = Part("text", items[index].text)
    return from_parts(release, items)


def unquote(text: str) -> str:
    text = text.strip()
    if text[:1] in _OPEN:
        text = text[1:]
    if text[-1:] in _CLOSE:
        text = text[:-1]
    return text.strip()


def _paragraphs(text: str) -> list[str]:
    """Markdown blocks: paragraphs, and each list as one."""
    return [b.strip("\n") for b in text.split("\n\n") if b.strip()]
