"""Plain sense: dates, embargo, contact block, quotes, empty sections, links."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..domain import QuoteSection
from .context import Context
from .finding import Finding

LONDON = ZoneInfo("Europe/London")
_LINK = re.compile(r"\]\((?P<md>[^)\s]+)\)|(?P<bare>\b(?:https?://|www\.)[^\s)\]<>\"]+)")


def check(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    if release.release_date is None:
        yield ctx.finding(
            "sense.no-release-date", "release_date", 0, 0, "The release has no release date."
        )
    if release.embargo is not None:
        lifts = release.embargo.astimezone(LONDON)
        if release.release_date is not None and lifts.date() < release.release_date:
            yield ctx.finding(
                "sense.embargo-before-date",
                "embargo",
                0,
                0,
                f"The embargo lifts on {lifts:%d %B %Y}, before the release date "
                f"({release.release_date:%d %B %Y}).",
            )
        now = ctx.now or datetime.now(UTC)
        if release.status in ("draft", "in_review") and release.embargo <= now:
            yield ctx.finding(
                "sense.embargo-past",
                "embargo",
                0,
                0,
                f"The embargo ({lifts:%H:%M, %d %B %Y}) has already passed: change it or "
                "make the release for immediate release.",
            )
    contact = release.contact if release.contact is not None else ctx.contact
    if contact is None or not (contact.phone or contact.out_of_hours or contact.email):
        yield ctx.finding(
            "sense.contact-incomplete",
            "contact",
            0,
            0,
            "The contact block has no phone number or e-mail address: journalists "
            "need a way to reach the press office.",
        )
    for i, section in enumerate(release.sections):
        part = f"sections[{i}]"
        if not section.text.strip():
            yield ctx.finding("sense.empty-section", part, 0, 0, "This section is empty.")
        if isinstance(section, QuoteSection):
            if not (section.speaker or "").strip():
                yield ctx.finding(
                    "sense.quote-no-speaker", part, 0, 0, "This quote does not say who said it."
                )
            elif not (section.role or "").strip():
                yield ctx.finding(
                    "sense.quote-no-role",
                    part,
                    0,
                    0,
                    f"Give {section.speaker.strip()}'s role: readers need to know "
                    "why this person is speaking.",
                )
    yield from _links(ctx)


def _links(ctx: Context) -> Iterator[Finding]:
    retired = [d.lower().lstrip(".") for d in ctx.rules.retired_domains]
    for part in ctx.parts:
        if part.kind == "contact":
            continue
        for m in _LINK.finditer(part.text):
            group = "md" if m.group("md") else "bare"
            url = m.group(group).rstrip(".,;:")
            start = m.start(group)
            end = start + len(url)
            if not url.lower().startswith(("http://", "https://", "www.")):
                continue  # mailto: and the like
            host = (urlsplit(url if "://" in url else "https://" + url).hostname or "").lower()
            if any(host == d or host.endswith("." + d) for d in retired):
                yield ctx.finding(
                    "sense.link-retired-domain",
                    part,
                    start,
                    end,
                    f"{host} is listed as a retired domain: link to the page's new address.",
                )
            elif url.lower().startswith("http://"):
                yield ctx.finding(
                    "sense.link-not-https",
                    part,
                    start,
                    end,
                    "Link with https:// so readers get the secure page.",
                    "https://" + url[7:],
                )
