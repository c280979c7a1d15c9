"""Plain objects the press desk's services hand out (never bound to a session)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

EnquiryStatus = Literal["open", "answered", "declined", "passed_on"]
ENQUIRY_STATUSES: tuple[EnquiryStatus, ...] = ("open", "answered", "declined", "passed_on")
STATUS_LABELS = {
    "open": "Open",
    "answered": "Answered",
    "declined": "Declined",
    "passed_on": "Passed on",
}
PLAN_KINDS = ("court", "publication", "event", "other")
PLAN_KIND_LABELS = {
    "court": "Court result expected",
    "publication": "Report publication",
    "event": "Event",
    "other": "Planned item",
}
ERASED = "[erased]"


def as_enquiry_status(value: str) -> EnquiryStatus:
    if value not in ENQUIRY_STATUSES:
        raise ValueError(f"unknown enquiry status {value!r}")
    return value


@dataclass(frozen=True)
class Caller:
    """Who asked: the contact (if still held) and, as logged, their name and outlet."""

    name: str
    outlet: str = ""
    email: str = ""
    phone: str = ""
    contact_id: int | None = None


@dataclass(frozen=True)
class Response:
    """What the desk said back, word for word, by whom and when (never changed)."""

    kind: EnquiryStatus  # answered, declined or passed_on
    text: str
    by: str
    at: datetime
    line_key: str | None = None
    line_version: int | None = None
    passed_to: str = ""


@dataclass
class Enquiry:
    number: int  # this store's number for it (`enquiry show N`)
    uid: str  # the same in every copy of the store
    version: int
    received: datetime
    caller: Caller
    question: str
    status: EnquiryStatus = "open"
    deadline: datetime | None = None
    deadline_said: str = ""  # the deadline as it was typed ("tomorrow 10:00")
    topic: str = ""
    taken_by: str = ""
    releases: list[str] = field(default_factory=list)  # references
    responses: list[Response] = field(default_factory=list)
    pseudonym: str = ""  # set when the caller was erased: the log keeps only this
    updated: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def answer(self) -> Response | None:
        return self.responses[-1] if self.responses else None


@dataclass
class NewEnquiry:
    """What logging a call needs: who (a contact, or a name and outlet), what, by when."""

    question: str
    contact_id: int | None = None
    name: str = ""
    outlet: str = ""
    email: str = ""
    phone: str = ""
    deadline: datetime | None = None
    deadline_said: str = ""
    topic: str = ""
    releases: list[str] = field(default_factory=list)
    received: datetime | None = None  # None: now


@dataclass(frozen=True)
class LineVersion:
    """One agreed wording of a line to take (never changed; an edit is a new version)."""

    key: str
    number: int
    title: str
    text: str
    topic: str = ""
    approved_by: str = ""
    agreed: datetime | None = None
    expires: datetime | None = None
    by: str = ""
    created: datetime | None = None

    def expired(self, now: datetime) -> bool:
        return self.expires is not None and self.expires <= now


@dataclass
class Line:
    """A line to take: its newest agreed wording, and how many wordings it has had."""

    key: str
    uid: str
    version: int  # the row version (goes up with every new wording)
    current: LineVersion
    versions: int = 1

    @property
    def title(self) -> str:
        return self.current.title

    @property
    def topic(self) -> str:
        return self.current.topic


@dataclass
class PlannedItem:
    """Something in the week ahead that is not a release (yet): a court result, a report."""

    number: int
    uid: str
    version: int
    title: str
    day: date
    kind: str = "other"
    at: datetime | None = None  # when known: the time it goes public
    owner: str = ""
    note: str = ""


@dataclass(frozen=True)
class GridEntry:
    """One thing on a day of the week ahead: a release or a planned item."""

    kind: Literal["release", "plan"]
    day: date
    title: str
    status: str  # a release's status; a planned item's kind
    owner: str = ""
    at: datetime | None = None  # embargo lifts / item goes public; None: any time that day
    reference: str = ""  # a release's reference
    number: int | None = None  # a planned item's number

    @property
    def label(self) -> str:
        return self.reference or f"plan {self.number}: {self.title}"


@dataclass(frozen=True)
class Clash:
    """Two things going public within the clash window of each other."""

    first: GridEntry
    second: GridEntry
    minutes: int


@dataclass
class Grid:
    start: date
    days: list[tuple[date, list[GridEntry]]]
    clashes: list[Clash]

    def clashing(self, entry: GridEntry) -> list[GridEntry]:
        """The entries ``entry`` clashes with."""
        return [
            c.second if c.first == entry else c.first
            for c in self.clashes
            if entry in (c.first, c.second)
        ]
