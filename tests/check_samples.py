"""Releases written for the checks' tests."""

from datetime import UTC, date, datetime

from ceopdesk.core.domain import ContactBlock, Note, QuoteSection, Release, TextSection

PRESS_OFFICE = ContactBlock("CEOP Press Office", "0870 000 3434", None, "press@ceop.example")
BEFORE_EMBARGO = datetime(2026, 1, 1, tzinfo=UTC)


def release(
    *texts: str,
    headline: str = "Children safer after national operation today",
    standfirst: str = "A national operation has protected children.",
    quotes: tuple[tuple[str, str | None, str], ...] = (),
    notes: tuple[tuple[str, str], ...] = (),
    **kwargs,
) -> Release:
    sections = [TextSection(t) for t in texts] + [QuoteSection(*q) for q in quotes]
    kwargs.setdefault("release_date", date(2026, 6, 17))
    kwargs.setdefault("contact", PRESS_OFFICE)
    return Release(
        "CEOP-2026-100",
        headline,
        standfirst=standfirst,
        sections=sections,
        notes=[Note(t, x) for t, x in notes],
        **kwargs,
    )


def rules_of(found) -> list[str]:
    return [f.rule for f in found]
