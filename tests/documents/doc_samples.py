"""Releases and readers shared by the document tests; no store needed."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import docx
from docx.table import Table as DocxTable

from ceopdesk.core.domain import ContactBlock, Note, QuoteSection, Release, TextSection

BST = timezone(timedelta(hours=1))

BODY = """CEOP today publishes its annual review, showing that more children were safeguarded last year than ever before.

In the twelve months to March CEOP's work led to:

- **427 children** safeguarded or protected
- 192 suspects arrested
  - of whom 41 were *repeat* offenders

The review names three trends:

1. encryption
2. the "hidden internet"

The full review is on the [CEOP website](https://www.ceop.police.uk/review)."""

NOTE_TERMS = """CEOP says **child abuse images**, not "child pornography".

### Why

1. A child cannot consent.
2. Each image records a crime.

| Level | Description |
|---|---|
| 1 | Erotic posing |
| 2 | Non-penetrative activity |"""


def make_release(**overrides) -> Release:
    release = Release(
        reference="CEOP-2012-031",
        headline="Record number of children safeguarded by CEOP",
        subheadline="Annual review warns of the hidden internet",
        standfirst="A record 427 children were safeguarded last year, the annual review says.",
        place="London",
        release_date=date(2012, 6, 20),
        embargo=datetime(2012, 6, 21, 0, 1, tzinfo=BST),
        status="draft",
        sections=[
            TextSection(BODY),
            QuoteSection(
                "Peter Davies", "Chief Executive of CEOP", "A record year.\n\nBut more to do."
            ),
            QuoteSection("Jane Minister", None, "Outstanding work."),
            TextSection(
                "Parents can help:\n\n1. talk to children\n2. visit [Thinkuknow](www.thinkuknow.co.uk)"
            ),
        ],
        notes=[
            Note("Reports", "The reports are available from the press office."),
            Note("Terminology", NOTE_TERMS, boilerplate="terminology"),
            Note("About CEOP", "CEOP is part of UK policing.\n\n1. Intelligence\n2. Operations"),
        ],
        contact=ContactBlock(
            name="CEOP Press Office",
            phone="0870 000 3434",
            out_of_hours="07000 000 111",
            email="press@ceop.police.uk",
            web="www.ceop.police.uk",
        ),
        tags=["annual review", "threat assessment"],
    )
    for key, value in overrides.items():
        setattr(release, key, value)
    return release


def body_styles(path: Path) -> list[str]:
    """The style of each paragraph (and "<table>") in the body, in order."""
    document = docx.Document(str(path))
    out = []
    for item in document.iter_inner_content():
        out.append("<table>" if isinstance(item, DocxTable) else item.style.name)
    return out


def compress(names: list[str]) -> list[str]:
    """Runs of the same style collapsed to one entry."""
    return [n for i, n in enumerate(names) if i == 0 or names[i - 1] != n]


def zip_text(path: Path, prefix: str = "") -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        return {
            name: package.read(name).decode("utf-8", "replace")
            for name in package.namelist()
            if name.startswith(prefix)
        }
