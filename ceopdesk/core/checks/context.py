"""Everything a rule needs to look at one release, worked out once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from ..domain import ContactBlock, QuoteSection, Release
from .finding import Finding, Part, excerpt_of, release_parts
from .rules import Rules
from .text import mask_markup

# Quoted stretches of running text: "…", “…”, ‘…’ and '…' (not apostrophes).
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]*’|(?<![\w])'[^'\n]*'(?![\w])")


@dataclass
class Context:
    rules: Rules
    release: Release
    contact: ContactBlock | None = None  # the settings' block, for a release that uses it
    known_names: frozenset[str] = frozenset()  # words of people's names: contacts, speakers
    now: datetime | None = None
    parts: list[Part] = field(init=False)

    def __post_init__(self) -> None:
        self.parts = release_parts(self.release, self.contact)

    @cached_property
    def masked(self) -> dict[str, str]:
        return {p.name: mask_markup(p.text) for p in self.parts}

    @cached_property
    def running_text(self) -> list[Part]:
        """The parts written as prose: standfirst, sections, notes (not headline or contact)."""
        return [p for p in self.parts if p.kind in ("standfirst", "text", "quote", "note")]

    @cached_property
    def story(self) -> list[Part]:
        """Headline to the last section: what the release itself says, without the notes."""
        return [p for p in self.parts if p.kind not in ("note", "contact")]

    @cached_property
    def whole_text(self) -> str:
        return "\n".join(self.masked[p.name] for p in self.story)

    @cached_property
    def speakers(self) -> frozenset[str]:
        return frozenset(
            s.speaker.strip()
            for s in self.release.sections
            if isinstance(s, QuoteSection) and s.speaker
        )

    def quoted(self, part: Part) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _QUOTED.finditer(part.text)]

    def finding(
        self,
        rule: str,
        part: Part | str,
        start: int,
        end: int,
        message: str,
        fix: str | None = None,
    ) -> Finding:
        name = part.name if isinstance(part, Part) else part
        text = part.text if isinstance(part, Part) else ""
        excerpt = excerpt_of(text, start, end) if text else ""
        return Finding(
            rule,
            name,
            excerpt,
            message,
            self.rules.severity_of(rule),  # type: ignore[arg-type]
            start,
            end,
            fix,
        )
