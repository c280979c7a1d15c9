"""The writing half of an import: matching records against the store and writing them.

The importer hands over checked records a chunk at a time, in file order;
everything goes into the caller's session (one transaction), so nothing is
committed until the importer's session ends and any error rolls it all back.

New contacts are numbered here (so later rows of the file can be matched to
them before anything is read back) and written with one plain ``executemany``
per table and chunk (:func:`.bulk.insert_rows`). The search index of the new contacts is built once, at
the end, by SQLite from the tables (one ``INSERT ... SELECT``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, text
from sqlalchemy.orm import Session

from .. import audit, changes
from ..errors import StaleWrite
from ..models import AuditRow, Base, utcnow
from . import search
from .bulk import BulkLoad, insert_rows
from .columns import column_values, email_values, phone_values, tag_values
from .domain import Contact, Email, ImportOptions, ImportRow, Phone
from .matching import Matcher, Pending
from .models import ContactEmailRow, ContactPhoneRow, ContactRow, ContactTagRow
from .normalise import phone_key
from .record import Record
from .records import entity, load_contacts


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)  # a declarative class's table; typed as its base class


LOOKUP_CHUNK = 500  # e-mail keys or numbers per lookup query
_TABLES = (
    _table(ContactRow),
    _table(ContactEmailRow),
    _table(ContactPhoneRow),
    _table(ContactTagRow),
)


class ImportWriter:
    def __init__(self, session: Session, file_name: str, options: ImportOptions) -> None:
        self._session = session
        self._file = file_name
        self._user = options.user or audit.current_user()
        self._matcher = Matcher({}, {}, {})
        self._empty: bool | None = None  # known at the first chunk
        self._load: BulkLoad | None = None
        self._first_id = 0  # of the first new contact
        self._next_id = 0  # of the next new contact
        self._extensions: dict[str, list[int]] = {}
        self._reindex: set[int] = set()  # stored contacts that gained something
        self.written = 0  # records handled (for progress)
        self.placed: list[ImportRow] = []

    def write(self, chunk: list[tuple[Record, Contact]]) -> None:
        """Match and write checked records (in file order)."""
        if not chunk:
            return
        s, m = self._session, self._matcher
        if self._empty is None:
            self._start(s)
        if not self._empty:
            m.learn(*lookup(s, *m.unknown([c for _, c in chunk]), self._extensions))
        self.placed += [m.place(record, contact) for record, contact in chunk]
        now = utcnow()
        self._insert(s, m.unwritten(), now)
        self._update(s, m.dirty(), now)
        self.written += len(chunk)

    def finish(self, summary: str) -> None:
        """After the last chunk: indexes built, the search index filled for the new
        contacts and refreshed for the changed ones, and the import's own audit event."""
        s = self._session
        if self._load is not None:
            self._load.end()
        if self._next_id > self._first_id:
            search.index_from(s, self._first_id)
        search.reindex(s, {i for i in self._reindex if i < self._first_id})
        changes.note(s, changes.CONTACTS)  # written with plain SQL, unseen by the ORM
        audit.record(s, "contacts.import", "contacts", f"{self._file}: {summary}", self._user)

    def __enter__(self) -> ImportWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        """Put the session's tuning back if ``finish`` was not reached (an error, a
        rejected file, a cancel); the rollback restores the rest."""
        if self._load is not None:
            self._load.close()

    def _start(self, s: Session) -> None:
        # Into an empty store (a first import) only the file's own rows can match, so
        # nothing is looked up and the lookup indexes can be built once at the end.
        self._empty = s.scalar(select(ContactRow.id).limit(1)) is None
        self._load = BulkLoad(s, _TABLES, defer_indexes=self._empty)
        self._first_id = self._next_id = next_contact_id(s)
        if not self._empty:  # few numbers have an extension: their owners, by number without
            for number, cid in s.execute(
                select(ContactPhoneRow.number, ContactPhoneRow.contact_id).where(
                    ContactPhoneRow.number.contains(";")
                )
            ):
                self._extensions.setdefault(phone_key(number), []).append(cid)

    def _insert(self, s: Session, new: list[Pending], now: datetime) -> None:
        """Number the new contacts and write every row of them."""
        if not new:
            return
        contacts, audits, children = [], [], []
        for cid, p in enumerate(new, self._next_id):
            p.id = cid
            for r in p.rows:
                r.contact_id = cid
            contacts.append(
                {
                    "id": cid,
                    "version": 1,
                    **column_values(p.contact),
                    "created": now,
                    "updated": now,
                }
            )
            p.contact.version = 1
            audits.append(self._audit(p, now, created=True))
            children.append((cid, p.contact.emails, p.contact.phones, p.contact.tags, 0, 0))
        self._next_id += len(new)
        insert_rows(s, _table(ContactRow), contacts)
        self._children(s, children)
        insert_rows(s, _table(AuditRow), audits)
        for p in new:
            self._matcher.written(p)

    def _update(self, s: Session, changed: list[Pending], now: datetime) -> None:
        """Merges into contacts already stored (or written earlier in this import)."""
        if not changed:
            return
        # A conditional write on the version each contact was read at (plain Core: the
        # ORM's bulk UPDATE would not raise it): a contact changed since it was looked up
        # fails the import instead of being overwritten (docs/architecture.md, "Identity").
        table = _table(ContactRow)
        names = list(column_values(changed[0].contact))
        statement = (
            table.update()
            .where(table.c.id == bindparam("_id"), table.c.version == bindparam("_read"))
            .values(
                {n: bindparam(n) for n in names}
                | {"version": bindparam("_read") + 1, "updated": bindparam("_now")}
            )
        )
        done = s.connection().execute(
            statement,
            [
                {"_id": p.id, "_read": p.contact.version, "_now": now, **column_values(p.contact)}
                for p in changed
            ],
        )
        if done.rowcount != len(changed):
            raise StaleWrite("A contact this import merges into", None, -1)
        for p in changed:
            p.contact.version += 1
        self._children(
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
        insert_rows(s, _table(AuditRow), [self._audit(p, now, created=False) for p in changed])
        self._reindex.update(p.id for p in changed)  # type: ignore[misc]
        for p in changed:
            self._matcher.written(p)

    def _children(
        self, s: Session, items: list[tuple[int, list[Email], list[Phone], list[str], int, int]]
    ) -> None:
        """E-mail, phone and tag rows; the bases put additions after stored positions."""
        emails, phones, tags = [], [], []
        for cid, es, ps, ts, email_base, phone_base in items:
            emails += [email_values(cid, email_base + i, e) for i, e in enumerate(es)]
            phones += [phone_values(cid, phone_base + i, p) for i, p in enumerate(ps)]
            tags += [tag_values(cid, t) for t in ts]
        for model, rows in (
            (ContactEmailRow, emails),
            (ContactPhoneRow, phones),
            (ContactTagRow, tags),
        ):
            if rows:
                insert_rows(s, _table(model), rows)

    def _audit(self, p: Pending, now: datetime, created: bool) -> dict[str, Any]:
        rows = p.rows
        lines = str(rows[0].line) if len(rows) == 1 else ", ".join(str(r.line) for r in rows[-10:])
        if created:
            detail = f"created from {self._file} line {lines}"
        else:
            detail = f"added {', '.join(sorted(p.changed))} from {self._file} line {lines}"
        return {
            "at": now,
            "user": self._user,
            "action": "contact.import",
            "entity": entity(p.id),  # type: ignore[arg-type]
            "detail": detail,
        }


def next_contact_id(s: Session) -> int:
    """The id SQLite would give the next contact: past the highest ever given (AUTOINCREMENT
    ids are never reused, even after the highest was erased)."""
    highest = s.scalar(select(func.max(ContactRow.id))) or 0
    if s.get_bind().dialect.name == "sqlite":
        seq = s.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'contact'")).scalar()
        highest = max(highest, seq or 0)
    return highest + 1


def lookup(
    s: Session, keys: list[str], numbers: list[str], extensions: dict[str, list[int]]
) -> tuple[dict[str, int], dict[str, list[int]], dict[int, Contact]]:
    """Who in the store already has these e-mail keys or phone numbers (without
    extension; ``extensions`` are the owners of stored numbers with one)."""
    email_owner: dict[str, int] = {}
    for start in range(0, len(keys), LOOKUP_CHUNK):
        email_owner.update(
            s.execute(
                select(ContactEmailRow.address_key, ContactEmailRow.contact_id).where(
                    ContactEmailRow.address_key.in_(keys[start : start + LOOKUP_CHUNK])
                )
            ).all()
        )
    phone_owner: dict[str, list[int]] = {}
    for start in range(0, len(numbers), LOOKUP_CHUNK):
        for number, cid in s.execute(
            select(ContactPhoneRow.number, ContactPhoneRow.contact_id)
            .where(ContactPhoneRow.number.in_(numbers[start : start + LOOKUP_CHUNK]))
            .order_by(ContactPhoneRow.contact_id)
        ):
            phone_owner.setdefault(number, []).append(cid)
    wanted = set(numbers)
    for number, ids in extensions.items():
        if number in wanted:
            owners = phone_owner.setdefault(number, [])
            owners += [i for i in ids if i not in owners]
    ids = sorted(set(email_owner.values()) | {i for v in phone_owner.values() for i in v})
    stored = {c.id: c for c in load_contacts(s, ids)}
    return email_owner, phone_owner, stored  # type: ignore[return-value]
