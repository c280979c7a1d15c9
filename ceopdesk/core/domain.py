"""Plain domain objects handed out by the services.

Nothing here is bound to a database session: the UI, the CLI and the document
writers can keep these as long as they like.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, cast

STATUSES = ("draft", "in_review", "approved", "issued", "withdrawn")
Status = Literal["draft", "in_review", "approved", "issued", "withdrawn"]
# How a status is shown, in workflow order (the list's column, the workflow bar).
STATUS_LABELS = {
    "draft": "Draft",
    "in_review": "In review",
    "approved": "Approved",
    "issued": "Issued",
    "withdrawn": "Withdrawn",
}


def as_status(value: str) -> Status:
    """A status read from the store, checked: the column is plain text to SQLite."""
    if value not in STATUSES:
        raise ValueError(f"unknown release status {value!r}")
    return cast(Status, value)


@dataclass
class TextSection:
    text: str
    type: Literal["text"] = "text"


@dataclass
class QuoteSection:
    speaker: str
    role: str | None
    text: str
    type: Literal["quote"] = "quote"


Section = TextSection | QuoteSection


@dataclass
class Note:
    """A note to editors.

    A library note has ``boilerplate`` set to the boilerplate key; ``title`` and
    ``text`` then hold the resolved text (the latest version while the release
    is a draft, the pinned version once approved). ``version`` is the version
    the release last took; ``latest_version`` lets the editor flag a note whose
    boilerplate has changed since.
    """

    title: str
    text: str
    boilerplate: str | None = None
    version: int | None = None
    latest_version: int | None = None

    @property
    def is_stale(self) -> bool:
        return (
            self.boilerplate is not None
            and self.version is not None
            and self.latest_version is not None
            and self.latest_version > self.version
        )


@dataclass
class ContactBlock:
    name: str = ""
    phone: str | None = None
    out_of_hours: str | None = None
    email: str | None = None
    web: str | None = None

    def is_empty(self) -> bool:
        return not any([self.name, self.phone, self.out_of_hours, self.email, self.web])


@dataclass
class Release:
    reference: str
    headline: str
    subheadline: str | None = None
    standfirst: str = ""
    place: str | None = None
    release_date: date | None = None
    embargo: datetime | None = None  # timezone-aware; None = for immediate release
    status: Status = "draft"
    sections: list[Section] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    contact: ContactBlock | None = None  # None = the press office block from settings
    tags: list[str] = field(default_factory=list)
    author: str | None = None
    created: datetime | None = None
    updated: datetime | None = None
    approved_by: str | None = None
    approved_at: datetime | None = None
    approval_note: str | None = None
    version_count: int = 0
    id: int | None = None
    # The global id and the row version it was read at (docs/architecture.md, "Identity"):
    # a save says which version it is based on, and the store refuses a stale one.
    uid: str | None = None
    version: int = 0


@dataclass
class ReleaseSummary:
    id: int
    reference: str
    headline: str
    status: Status
    embargo: datetime | None
    release_date: date | None
    updated: datetime


@dataclass
class ReleaseVersion:
    number: int
    status: Status
    reason: str
    created: datetime
    by: str | None
    snapshot: dict


@dataclass
class Boilerplate:
    key: str
    title: str
    text: str
    version: int
    updated: datetime | None = None


@dataclass
class BoilerplateVersion:
    key: str
    number: int
    title: str
    text: str
    created: datetime
    by: str | None


@dataclass
class BoilerplateUse:
    """A release that uses a boilerplate item, and which version it took."""

    reference: str
    headline: str
    status: Status
    version: int | None


@dataclass
class AuditEvent:
    at: datetime
    user: str | None
    action: str
    entity: str
    detail: str | None


@dataclass
class Settings:
    """Settings that belong to the data, kept in the store."""

    organisation: str = "CEOP"
    press_office_name: str = "CEOP Press Office"
    reference_prefix: str = "CEOP"
    default_place: str | None = "London"
    contact: ContactBlock = field(default_factory=lambda: ContactBlock(name="CEOP Press Office"))
    template_path: str | None = None  # None = the template shipped in resources/
    smart_quotes: bool = True  # typed straight quotes become typographic in the text editors
