"""What a release still lacks before it can go round for approval or out as final.

A draft is saved as typed, however incomplete (a quote before its speaker is
agreed, an empty section); these checks run when it is submitted, approved,
issued or stored in any status past draft, and list every reason at once.
"""

from __future__ import annotations

from ..domain import QuoteSection, Release


def missing_parts(release: Release) -> list[str]:
    """Each thing the release still needs, as a short sentence; [] when complete."""
    reasons: list[str] = []
    if not release.headline.strip():
        reasons.append("it needs a headline")
    for i, section in enumerate(release.sections, start=1):
        if isinstance(section, QuoteSection):
            if not section.speaker.strip():
                reasons.append(f"quote {i} needs the name of the person quoted")
            if not section.text.strip():
                reasons.append(f"quote {i} has no words")
        elif not section.text.strip():
            reasons.append(f"section {i} is empty")
    for i, note in enumerate(release.notes, start=1):
        if not note.boilerplate and not note.title.strip():
            reasons.append(f"note to editors {i} needs a title")
    return reasons


def incomplete_reason(release: Release, doing: str) -> str | None:
    """None when complete, else one sentence: "CEOP-2026-001 cannot be DOING yet: a; b."."""
    reasons = missing_parts(release)
    if not reasons:
        return None
    return f"{release.reference} cannot be {doing} yet: {'; '.join(reasons)}."
