"""Release + settings -> the ordered list of blocks every renderer walks.

The order is the anatomy of a release (DESIGN §1):

1. type line: ``PRESS RELEASE``, then after a tab the reference and the
   dateline.  The dateline is ``<place>, <date>`` ("London, 20 June 2012"):
   place is the release's place, else the settings' default place; either
   half is left out when unknown.
2. embargo line (``EMBARGOED UNTIL …`` or ``FOR IMMEDIATE RELEASE``)
3. headline, optional sub-headline
4. standfirst (inline Markdown)
5. body sections in order: text sections as Markdown; quote sections as an
   attribution line ("Peter Davies, Chief Executive of CEOP, said:") and the
   quoted paragraphs, each opened with “ and the last closed with ” (the UK
   convention for multi-paragraph quotes) unless the text brings its own marks
6. ``ENDS``
7. ``Notes to editors`` and the notes numbered 1, 2, 3… (title, then text)
8. the press office contact block (the release's own, else the settings')

The draft marking is not a block: it belongs in the page header of a Word file
and at the top of a preview, see :func:`draft_marking`.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime
from zoneinfo import ZoneInfo

from ceopdesk.core.domain import ContactBlock, QuoteSection, Release, Settings, Status

from .blocks import (
    BODY,
    CONTACT,
    EMBARGO,
    ENDS,
    HEADLINE,
    NOTE_LIST_BULLET,
    NOTE_LIST_NUMBER,
    NOTE_SUBHEADING,
    NOTE_TEXT,
    NOTE_TITLE,
    NOTES_HEADING,
    QUOTE,
    QUOTE_ATTRIBUTION,
    STANDFIRST,
    SUBHEADLINE,
    TYPE_LINE,
    Block,
    ListItem,
    Paragraph,
    Run,
    Table,
    merge_runs,
)
from .direction import isolate
from .markup import inline_runs, parse_blocks, safe_href

LONDON = ZoneInfo("Europe/London")
# Spelled out rather than strftime("%A %B"): those follow the process locale,
# and a press release in English must not come out in the user's locale.
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DRAFT_STATUSES: frozenset[Status] = frozenset({"draft", "in_review"})
_QUOTE_MARKS = "\"'“‘«"
HEADLINE_TO_COME = "[Headline to come]"


def format_date(d: date) -> str:
    """``20 June 2012``."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def format_embargo(dt: datetime | None) -> str:
    """``EMBARGOED UNTIL 00:01 BST, Thursday 21 June 2012`` or ``FOR IMMEDIATE RELEASE``.

    Shown in London time with BST or GMT as the date has it.  A naive
    datetime is taken to be London time already.
    """
    if dt is None:
        return "FOR IMMEDIATE RELEASE"
    local = dt.astimezone(LONDON) if dt.tzinfo else dt.replace(tzinfo=LONDON)
    return (
        f"EMBARGOED UNTIL {local:%H:%M} {local.tzname()}, "
        f"{_DAYS[local.weekday()]} {format_date(local)}"
    )


def dateline(release: Release, settings: Settings) -> str:
    """``London, 20 June 2012``; either part may be missing."""
    place = (release.place or settings.default_place or "").strip()
    when = format_date(release.release_date) if release.release_date else ""
    return ", ".join(p for p in (place, when) if p)


def draft_marking(status: Status, version: int | None = None) -> str | None:
    """The header line of a draft, in-review or withdrawn release; None once approved."""
    if status == "withdrawn":
        return "WITHDRAWN — NOT FOR PUBLICATION"
    if status not in DRAFT_STATUSES:
        return None
    text = "DRAFT — NOT FOR PUBLICATION"
    return f"{text} — version {version}" if version else text


def attribution(speaker: str, role: str | None) -> str:
    """``Peter Davies, Chief Executive of CEOP, said:`` (or ``Name said:``).

    The line is an English sentence, so it reads left to right in every case;
    a right-to-left name or role is isolated, so it reads the right way
    inside the sentence and the commas stay where English puts them (without
    the isolates "أحمد خان, ضابط التحقيق, said:" shows the role first).
    """
    speaker, role = isolate(speaker.strip()), isolate((role or "").strip())
    if speaker and role:
        return f"{speaker}, {role}, said:"
    who = speaker or role
    return f"{who} said:" if who else ""


def assemble(release: Release, settings: Settings) -> list[Block]:
    """The release as blocks, in the order they are printed."""
    return [block for _, block in assemble_parts(release, settings)]


def assemble_parts(release: Release, settings: Settings) -> list[tuple[str | None, Block]]:
    """Each block with the part of the release it shows, named as in the release JSON
    (``headline``, ``sections[2]``, ``notes[0]``, ``contact``); None for what the
    writer adds itself (type line, embargo line, ENDS, "Notes to editors")."""
    list_ids = itertools.count(1)
    out: list[tuple[str | None, Block]] = [(None, _type_line(release, settings))]
    out.append((None, Paragraph(EMBARGO, [Run(format_embargo(release.embargo))])))
    headline = release.headline.strip()
    # A draft may not have its headline yet; the gap is shown, not left as an
    # empty heading a reader (or a screen reader) cannot make sense of.
    out.append(
        ("headline" if headline else None, Paragraph(HEADLINE, [Run(headline or HEADLINE_TO_COME)]))
    )
    if release.subheadline and release.subheadline.strip():
        out.append(("subheadline", Paragraph(SUBHEADLINE, [Run(release.subheadline.strip())])))
    if release.standfirst.strip():
        out.append(("standfirst", Paragraph(STANDFIRST, inline_runs(release.standfirst.strip()))))
    for i, section in enumerate(release.sections):
        if isinstance(section, QuoteSection):
            body = _quote(section, list_ids)
        else:
            body = parse_blocks(
                section.text, paragraph_style=BODY, heading_style=None, list_ids=list_ids
            )
        out.extend((f"sections[{i}]", b) for b in body)
    out.append((None, Paragraph(ENDS, [Run("ENDS")])))
    if release.notes:
        out.append((None, Paragraph(NOTES_HEADING, [Run("Notes to editors")])))
    for number, note in enumerate(release.notes, start=1):
        body = parse_blocks(
            note.text,
            paragraph_style=NOTE_TEXT,
            heading_style=NOTE_SUBHEADING,
            list_ids=list_ids,
            tables=True,
            list_styles=(NOTE_LIST_BULLET, NOTE_LIST_NUMBER),
        )
        title = note.title.strip()
        # An untitled note's sub-heading would sit straight under "Notes to
        # editors", a heading level skipped; the number as a title keeps the order.
        subheaded = any(isinstance(b, Paragraph) and b.style == NOTE_SUBHEADING for b in body)
        if title:
            body.insert(0, Paragraph(NOTE_TITLE, [Run(f"{number}. {title}")]))
        elif body and isinstance(body[0], Paragraph) and not subheaded:
            body[0].runs = _prefixed(body[0].runs, f"{number}. ")
        else:
            body.insert(0, Paragraph(NOTE_TITLE, [Run(f"{number}.")]))
        out.extend((f"notes[{number - 1}]", b) for b in body)
    contact = release.contact if release.contact is not None else settings.contact
    out.extend(("contact", b) for b in _contact(contact))
    return out


def _type_line(release: Release, settings: Settings) -> Paragraph:
    runs = [Run("PRESS RELEASE", bold=True)]
    detail = " | ".join(p for p in (release.reference.strip(), dateline(release, settings)) if p)
    if detail:
        # A tab, not spaces: the template's right tab stop puts the details
        # flush right in Word; text and HTML show it as a gap.
        runs += [Run("\t"), Run(detail)]
    return Paragraph(TYPE_LINE, runs)


def _quote(section: QuoteSection, list_ids: itertools.count) -> list[Block]:
    blocks: list[Block] = []
    line = attribution(section.speaker, section.role)
    if line:
        blocks.append(Paragraph(QUOTE_ATTRIBUTION, [Run(line)]))
    body = parse_blocks(section.text, paragraph_style=QUOTE, heading_style=None, list_ids=list_ids)
    texts = [b for b in body if not isinstance(b, Table) and b.runs]
    if texts and texts[0].text.lstrip()[:1] not in _QUOTE_MARKS:
        for block in texts:
            if isinstance(block, Paragraph):
                block.runs = _prefixed(block.runs, "“")
        last = texts[-1]
        tail = last.runs[-1]
        last.runs = merge_runs([*last.runs, Run("”", tail.bold, tail.italic, tail.href)])
    return blocks + body


def _prefixed(runs: list[Run], prefix: str) -> list[Run]:
    if runs and runs[0].href is None:
        first = runs[0]
        return [Run(prefix + first.text, first.bold, first.italic), *runs[1:]]
    return [Run(prefix), *runs]


def _contact(contact: ContactBlock | None) -> list[Block]:
    if contact is None or contact.is_empty():
        return []
    lead = [Run("For further information contact")]
    lead += [Run(" "), Run(contact.name.strip(), bold=True)] if contact.name.strip() else [Run(":")]
    blocks: list[Block] = [Paragraph(CONTACT, merge_runs(lead))]
    if contact.phone:
        blocks.append(Paragraph(CONTACT, [Run(f"Telephone: {contact.phone}")]))
    if contact.out_of_hours:
        blocks.append(Paragraph(CONTACT, [Run(f"Out of hours: {contact.out_of_hours}")]))
    if contact.email:
        email = contact.email.strip()
        blocks.append(Paragraph(CONTACT, [Run("Email: "), Run(email, href=f"mailto:{email}")]))
    if contact.web:
        web = contact.web.strip()
        blocks.append(Paragraph(CONTACT, [Run("Web: "), Run(web, href=safe_href(web))]))
    return blocks


__all__ = [
    "Block",
    "ListItem",
    "Paragraph",
    "Run",
    "Table",
    "assemble",
    "assemble_parts",
    "attribution",
    "dateline",
    "draft_marking",
    "format_date",
    "format_embargo",
]
