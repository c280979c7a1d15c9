"""The writing half of an import: matching records against the store and writing them.

The importer hands over validated records a chunk at a time, in file order;
everything goes into the caller's session (one transaction), so nothing is
committed until the importer's session ends and any error rolls it all back.

Rows are written in bulk (plain tuples to the driver's ``executemany``) and
the search index rows are built from the same values, so a 100,000-row file
costs a few statements per thousand rows.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from functools import lru_cache

from sqlalchemy import func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .. import audit
from ..models import AuditRow, utcnow
from . import bulk, search
from .domain import Contact, ImportOptions, ImportRow
from .matching import Matcher, Pending
from .models import ContactEmailRow, ContactPhoneRow, ContactRow, ContactTagRow
from .normalise import email_key, fold, sort_name
from .record import Record
from .records import entity, load_contacts

_LOOKUP_CHUNK = 500
_TABLES = (
    ContactRow.__table__,
    ContactEmailRow.__table__,
    ContactPhoneRow.__table__,
    ContactTagRow.__table__,
)

_CONTACT_COLUMNS = (
    "given_name",
    "family_name",
    "display_name",
    "organisation",
    "job_title",
    "kind",
    "social",
    "notes",
    "lawful_basis",
    "source",
    "date_collected",
    "do_not_contact",
    "sort_name",
    "sort_org",
    "created",
    "updated",
)


class ImportWriter:
    def __init__(self, session: Session, file_name: str, options: ImportOptions) -> None:
        self._session = session
        self._file = file_name
        self._user = options.user or audit.current_user()
        self._matcher = Matcher({}, {}, {})
        self._empty: bool | None = None  # known at the first chunk
        self._load: bulk.BulkLoad | None = None
        self._reindex: set[int] = set()  # contacts that gained something: indexed at the end
        self.placed: list[ImportRow] = []
        self.written = 0  # records handled so far

    def write(self, chunk: list[tuple[Record, Contact]]) -> None:
        """Match and write validated records (in file order)."""
        if chunk:
            self._chunk(self._session, chunk)

    def finish(self, summary: str) -> None:
        """After the last chunk: indexes built, changed contacts re-indexed for search, and
        the import's own audit event."""
        s = self._session
        if self._load is not None:
            self._load.end()
        search.reindex(s, self._reindex)
        audit.record(s, "contacts.import", "contacts", f"{self._file}: {summary}", self._user)

    def __enter__(self) -> ImportWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        """Undo the session tuning if ``finish`` was not reached (an error, a rejected
        file, a cancel): rolling back the transaction restores the rest."""
        if self._load is not None:
            with suppress(SQLAlchemyError):  # a broken connection is thrown away anyway
                self._load.close()

    def _chunk(self, s: Session, chunk: list[tuple[Record, Contact]]) -> None:
        m = self._matcher
        if self._empty is None:
            # Into an empty store (a first import) only the file's own rows can match, so
            # nothing is looked up and the lookup indexes can be built once at the end.
            self._empty = s.scalar(select(ContactRow.id).limit(1)) is None
            self._load = bulk.BulkLoad(s, _TABLES, defer_indexes=self._empty)
        if not self._empty:
            m.learn(*_lookup(s, *m.unknown([c for _, c in chunk])))
        self.placed += [m.place(record, contact) for record, contact in chunk]
        now = utcnow()
        self._insert(s, m.unwritten(), now)
        self._update(s, m.dirty(), now)
        self.written += len(chunk)

    def _insert(self, s: Session, new: list[Pending], now: datetime) -> None:
        if not new:
            return
        rows = [_scalar_row(p.contact) + (now, now) for p in new]
        bulk.insert_rows(s, ContactRow.__table__, _CONTACT_COLUMNS, rows)
        # The session holds the write lock and ids only grow (AUTOINCREMENT), so the rows
        # just written are the n highest. (RETURNING in order goes one row at a time.)
        newest = select(ContactRow.id).order_by(ContactRow.id.desc()).limit(len(rows)).subquery()
        first, last, count = s.execute(
            select(func.min(newest.c.id), func.max(newest.c.id), func.count())
        ).one()
        if count != len(rows) or last - first != len(rows) - 1:
            raise RuntimeError("new contact ids are not consecutive")
        ids = range(first, last + 1)
        details = []
        for p, cid in zip(new, ids, strict=True):
            p.id = cid
            for r in p.rows:
                r.contact_id = cid
            details.append((cid, self._detail(p, created=True)))
        _children(
            s, [(p.id, p.contact.emails, p.contact.phones, p.contact.tags, 0, 0) for p in new]
        )  # type: ignore[misc]
        search.index_new(s, [(p.id, p.contact) for p in new])  # type: ignore[misc]
        self._audit(s, now, details)
        for p in new:
            self._matcher.written(p)

    def _update(self, s: Session, changed: list[Pending], now: datetime) -> None:
        if not changed:
            return
        s.execute(
            update(ContactRow),
            [{"id": p.id, **_scalars(p.contact), "updated": now} for p in changed],
        )
        _children(
            s,
            [
                (
                    p.id,  # type: ignore[misc]
                    p.new_emails,
                    p.new_phones,
                    p.new_tags,
                    len(p.contact.emails) - len(p.new_emails),
                    len(p.contact.phones) - len(p.new_phones),
                )
                for p in changed
            ],
        )
        self._reindex.update(p.id for p in changed)  # type: ignore[misc]
        self._audit(s, now, [(p.id, self._detail(p, created=False)) for p in changed])  # type: ignore[misc]
        for p in changed:
            self._matcher.written(p)

    def _audit(self, s: Session, now: datetime, events: list[tuple[int, str]]) -> None:
        """One event per contact, in bulk (the same rows ``audit.record`` makes)."""
        bulk.insert_rows(
            s,
            AuditRow.__table__,
            ("at", "user", "action", "entity", "detail"),
            [(now, self._user, "contact.import", entity(cid), detail) for cid, detail in events],
        )

    def _detail(self, p: Pending, created: bool) -> str:
        rows = p.rows
        lines = str(rows[0].line) if len(rows) == 1 else ", ".join(str(r.line) for r in rows[-10:])
        if created:
            return f"created from {self._file} line {lines}"
        return f"added {', '.join(sorted(p.changed))} from {self._file} line {lines}"


def _lookup(
    s: Session, keys: list[str], numbers: list[str]
) -> tuple[dict[str, int], dict[str, list[int]], dict[int, Contact]]:
    """Who in the store already has these e-mail keys or phone numbers (in bulk)."""
    email_owner: dict[str, int] = {}
    for start in range(0, len(keys), _LOOKUP_CHUNK):
        email_owner.update(
            s.execute(
                select(ContactEmailRow.address_key, ContactEmailRow.contact_id).where(
                    ContactEmailRow.address_key.in_(keys[start : start + _LOOKUP_CHUNK])
                )
            ).all()
        )
    phone_owner: dict[str, list[int]] = {}
    for start in range(0, len(numbers), _LOOKUP_CHUNK):
        for number, cid in s.execute(
            select(ContactPhoneRow.number, ContactPhoneRow.contact_id)
            .where(ContactPhoneRow.number.in_(numbers[start : start + _LOOKUP_CHUNK]))
            .order_by(ContactPhoneRow.contact_id)
        ):
            phone_owner.setdefault(number, []).append(cid)
    ids = sorted(set(email_owner.values()) | {i for v in phone_owner.values() for i in v})
    stored = {c.id: c for c in load_contacts(s, ids)}
    return email_owner, phone_owner, stored  # type: ignore[return-value]


def _scalar_row(c: Contact) -> tuple:
    """The contact's columns in ``_CONTACT_COLUMNS`` order (without created and updated)."""
    return (
        c.given_name,
        c.family_name,
        c.display_name,
        c.organisation,
        c.job_title,
        c.kind,
        dict(c.social),
        c.notes,
        c.lawful_basis,
        c.source,
        c.date_collected,
        c.do_not_contact,
        sort_name(c.given_name, c.family_name, c.display_name),
        _fold_org(c.organisation),
    )


@lru_cache(maxsize=1024)
def _fold_org(organisation: str) -> str:
    return fold(organisation)  # few distinct organisations in one file


def _scalars(c: Contact) -> dict:
    return dict(zip(_CONTACT_COLUMNS, _scalar_row(c), strict=False))


def _children(s: Session, items: list[tuple[int, list, list, list[str], int, int]]) -> None:
    """Insert e-mails, phones and tags; the bases put additions after stored positions."""
    emails, phones, tags = [], [], []
    for cid, es, ps, ts, email_base, phone_base in items:
        for i, e in enumerate(es):
            emails.append((cid, email_base + i, e.address, email_key(e.address), e.label))
        for i, p in enumerate(ps):
            phones.append((cid, phone_base + i, p.number, p.label))
        for t in ts:
            tags.append((cid, t.casefold(), t))
    bulk.insert_rows(
        s,
        ContactEmailRow.__table__,
        ("contact_id", "position", "address", "address_key", "label"),
        emails,
    )
    bulk.insert_rows(
        s, ContactPhoneRow.__table__, ("contact_id", "position", "number", "label"), phones
    )
    bulk.insert_rows(s, ContactTagRow.__table__, ("contact_id", "tag_key", "tag"), tags)
