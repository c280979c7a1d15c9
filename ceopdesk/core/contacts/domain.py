"""Plain objects the contact services hand out and take in. No session, no ORM.

The GUI can keep, copy and compare these freely; a service call is the only
way anything reaches the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

KINDS = ("journalist", "stakeholder", "spokesperson", "internal")
Kind = Literal["journalist", "stakeholder", "spokesperson", "internal"]

# Fields the merge view offers a choice for ("name" covers given, family and display name).
MERGE_FIELDS = (
    "name",
    "organisation",
    "job_title",
    "kind",
    "notes",
    "lawful_basis",
    "source",
    "date_collected",
    "address",
    "city",
)

# UK GDPR Article 6 bases, as short keys (None = not recorded yet).
LAWFUL_BASES = (
    "consent",
    "contract",
    "legal_obligation",
    "vital_interests",
    "public_task",
    "legitimate_interests",
)

# Sort orders the paged query accepts (each is backed by an index except job_title).
SORT_KEYS = ("name", "organisation", "job_title", "kind", "updated", "created", "id")
SortKey = Literal["name", "organisation", "job_title", "kind", "updated", "created", "id"]

# Called with (done, total); return False to cancel (the service then raises
# ImportCancelled and nothing is changed). ``total`` is the number of rows.
Progress = Callable[[int, int], bool | None]


@dataclass
class Email:
    address: str
    label: str = ""  # "work", "home", "other", or whatever the source said
    checked: bool = True  # False: not a valid address, kept as typed


@dataclass
class Phone:
    number: str  # E.164, e.g. "+442079460018" (an unchecked impossible one: as typed)
    label: str = ""  # "work", "mobile", "home", ...
    checked: bool = True  # False: a number the numbering plan does not know

    @property
    def display(self) -> str:
        """The number as people write it: national format for UK numbers."""
        from .normalise import display_phone

        return display_phone(self.number)


@dataclass
class Contact:
    """One person. For a new contact leave ``id``, ``created`` and ``updated`` as None."""

    given_name: str = ""
    family_name: str = ""
    display_name: str = ""  # "" = built from given + family name
    organisation: str = ""
    job_title: str = ""
    kind: Kind = "journalist"
    emails: list[Email] = field(default_factory=list)
    phones: list[Phone] = field(default_factory=list)
    social: dict[str, str] = field(default_factory=dict)  # {"x": "@handle", "linkedin": url}
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    lawful_basis: str | None = None
    source: str | None = None
    date_collected: date | None = None
    date_collected_text: str = ""  # a date that could not be read, as typed (unchecked)
    address: str = ""  # postal address, lines separated by "\n"
    city: str = ""
    do_not_contact: bool = False
    lists: list[str] = field(default_factory=list)  # names of the lists it is on (read only)
    id: int | None = None
    created: datetime | None = None
    updated: datetime | None = None
    # The global id and the row version it was read at (docs/architecture.md, "Identity").
    uid: str | None = None
    version: int = 0

    @property
    def name(self) -> str:
        if self.display_name:
            return self.display_name
        given, family = self.given_name, self.family_name
        return f"{given} {family}" if given and family else given or family

    @property
    def primary_email(self) -> str | None:
        return self.emails[0].address if self.emails else None


@dataclass
class ContactSummary:
    """One row of the contacts table: cheap to fetch 200 at a time."""

    id: int
    name: str
    organisation: str
    job_title: str
    kind: str
    email: str | None  # the first e-mail
    phone: str | None  # the first phone, display format
    tags: list[str]
    do_not_contact: bool
    updated: datetime


@dataclass(frozen=True)
class ContactFilter:
    """What the table, search and exports select. Every part is optional and they combine (AND).

    ``text`` is the search box as typed: each word is matched as a prefix,
    accents and case ignored, over names, organisation, title, e-mails, phones,
    tags and notes.
    """

    text: str = ""
    tag: str | None = None
    list_name: str | None = None
    kind: str | None = None
    include_do_not_contact: bool = True
    ids: tuple[int, ...] | None = None


@dataclass
class FieldProblem:
    """A value the edit dialog flags next to its field; only a problem that is not
    ``doubtful`` stops a save."""

    field: str  # "emails[1]", "phones[0]", "kind", "name", ...
    message: str
    # A doubtful value that is kept (as typed, marked unchecked): reported, never refused.
    doubtful: bool = False


@dataclass
class DistributionList:
    id: int
    name: str
    description: str
    member_count: int
    updated: datetime


@dataclass
class DuplicatePair:
    """Two contacts that may be the same person; ``score`` is 0-100."""

    a: ContactSummary
    b: ContactSummary
    score: float
    reason: str


@dataclass
class MergeConflict:
    """A field two records disagree on; the kept value is the one in the store."""

    field: str
    kept: str
    offered: str


# -- imports ------------------------------------------------------------------

ImportStatus = Literal["added", "merged", "unchanged", "skipped"]


@dataclass
class ImportRow:
    """What happened to one record of the file. ``line`` is the file's physical line."""

    line: int
    status: ImportStatus
    name: str
    contact_id: int | None = None  # None for skipped rows and for new rows in a dry run
    reason: str = ""  # why skipped, what was merged into whom
    conflicts: list[MergeConflict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # doubtful fields kept, shared phones...
    damaged: bool = False  # skipped because the file is damaged there (not its content)


@dataclass
class ImportReport:
    path: str
    format: str  # "outlook-csv", "google-csv", "csv", "vcard"
    encoding: str
    dry_run: bool
    rows: list[ImportRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)  # columns with data, not imported
    erased_again: int = 0  # people in the file who had been erased: erased again at once

    def count(self, status: ImportStatus) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def summary(self) -> str:
        counts = Counter(r.status for r in self.rows)
        parts = [
            f"{counts['added']} added",
            f"{counts['merged']} merged",
            f"{counts['unchanged']} unchanged",
            f"{counts['skipped']} skipped",
        ]
        if self.erased_again:
            parts.append(f"{self.erased_again} erased earlier and erased again")
        tail = " (dry run: nothing was saved)" if self.dry_run else ""
        return ", ".join(parts) + tail


@dataclass
class ImportOptions:
    """How to import. ``mapping`` maps a column header (as in the file) to a field
    name from ``ceopdesk.core.contacts.fields.FIELDS`` (or None to ignore the column);
    it overrides the headers ceopdesk recognises by itself."""

    dry_run: bool = False
    skip_bad_rows: bool = False
    mapping: dict[str, str | None] = field(default_factory=dict)
    encoding: str | None = None  # None = detect
    default_kind: Kind = "journalist"
    source: str | None = None  # None = "import of <file name>"
    lawful_basis: str | None = None
    date_collected: date | None = None  # None = today
    user: str | None = None  # for the audit trail; None = current user


@dataclass
class FilePreview:
    """What the import wizard shows before importing."""

    path: str
    format: str
    encoding: str
    headers: list[str]  # empty for vCard
    sample: list[list[str]]  # the first rows as read (CSV) or a line per card (vCard)
    mapping: dict[str, str | None]  # header -> recognised field or None
    unknown_headers: list[str]  # headers with no recognised field
    record_count: int


@dataclass
class ExportResult:
    path: str
    count: int
    left_out_do_not_contact: int


@dataclass
class ErasureReport:
    contact_id: int
    emails_removed: int
    audit_events_removed: int
