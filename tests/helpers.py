"""Builders shared by the test suites."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ceopdesk.core.domain import ContactBlock, Note, QuoteSection, Release, TextSection

if TYPE_CHECKING:
    from ceopdesk.core.backup import BackupInfo


def sample_release(reference: str = "", **overrides) -> Release:
    release = Release(
        reference=reference,
        headline="Record number of children safeguarded",
        subheadline="Annual review published",
        standfirst="More children were protected than ever before.",
        place="London",
        release_date=date(2026, 6, 17),
        embargo=datetime(2026, 6, 17, 23, 1, tzinfo=UTC),
        sections=[
            TextSection("Figures:\n\n- 1,204 children\n- 486 arrests"),
            QuoteSection("Helen Marsh", "Director of CEOP", "Every figure is a child."),
            QuoteSection("Daniel Okafor", "Minister", "Outstanding work."),
        ],
        notes=[Note(title="Figures", text="April to March.")],
        contact=ContactBlock(name="Press Office", phone="0870 000 3434"),
        tags=["annual review"],
    )
    for key, value in overrides.items():
        setattr(release, key, value)
    return release


def damage_after_a_backup(db: Path) -> BackupInfo:
    """Back up the closed store at ``db``, then damage its first page (as a disk fault would)."""
    from ceopdesk.core import backup

    kept = backup.make_backup(db, "auto")
    with open(db, "r+b") as fh:
        fh.write(b"\xff" * 4096)
    return kept
