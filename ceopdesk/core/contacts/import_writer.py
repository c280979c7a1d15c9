"""The writing half of an import: matching records against the store and writing them.

The importer hands over validated records a chunk at a time, in file order;
everything goes into the caller's session (one transaction), so nothing is
committed until the importer's session ends and any error rolls it all back.

New contacts are written by a statement thread: this thread matches a chunk,
numbers its new contacts and makes every row of them (contact, e-mails, phones,
tags, search index, audit) as multi-row INSERT statements; the statement thread
runs them on the session's connection while this thread goes on to the next
chunk. Each statement is one SQLite step, run without the GIL, so SQLite's work
and the Python work overlap (a step per row would wait for the GIL at every row).
Whenever this thread needs the connection itself (looking up stored contacts,
merging into them, finishing) it first waits until the statement thread is idle.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence
from contextlib import suppress
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.engine import Connection
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
_EMAIL_COLUMNS = ("contact_id", "position", "address", "address_key", "label")
_PHONE_COLUMNS = ("contact_id", "position", "number", "label")
_TAG_COLUMNS = ("contact_id", "tag_key", "tag")
_AUDIT_COLUMNS = ("at", "user", "action", "entity", "detail")


class ImportWriter:
    def __init__(self, session: Session, file_name: str, options: ImportOptions) -> None:
        self._session = session
        self._file = file_name
        self._user = options.user or audit.current_user()
        self._matcher = Matcher({}, {}, {})
        self._empty: bool | None = None  # known at the first chunk
        self._load: bulk.BulkLoad | None = None
        self._statements: _StatementThread | None = None
        self._conn: Connection | None = None  # for preparing statements (no calls into it)
        self._max_params = 999
        self._next_id = 0  # of the next new contact
        self._reindex: set[int] = set()  # contacts that gained something: indexed at the end
        self._merged = 0  # records handled on this thread
        self.placed: list[ImportRow] = []

    @property
    def written(self) -> int:
        """Records handled so far (for progress)."""
        done = self._statements.done if self._statements is not None else 0
        return self._merged + done

    def write(self, chunk: list[tuple[Record, Contact]]) -> None:
        """Match and write validated records (in file order)."""
        if chunk:
            self._chunk(self._session, chunk)

    def finish(self, summary: str) -> None:
        """After the last chunk: every statement run, indexes built, changed contacts
        re-indexed for search, and the import's own audit event."""
        s = self._session
        if self._statements is not None:
            self._statements.wait()
        if self._load is not None:
            self._load.end()
        search.reindex(s, self._reindex)
        audit.record(s, "contacts.import", "contacts", f"{self._file}: {summary}", self._user)

    def __enter__(self) -> ImportWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop the statement thread; undo the session tuning if ``finish`` was not
        reached (an error, a rejected file, a cancel): the rollback restores the rest."""
        if self._statements is not None:
            self._statements.stop()
        if self._load is not None:
            with suppress(SQLAlchemyError):  # a broken connection is thrown away anyway
                self._load.close()

    def _chunk(self, s: Session, chunk: list[tuple[Record, Contact]]) -> None:
        m = self._matcher
        if self._empty is None:
            self._start(s)
        if not self._empty:
            self._idle()  # the connection is this thread's while it looks people up
            m.learn(*_lookup(s, *m.unknown([c for _, c in chunk])))
        self.placed += [m.place(record, contact) for record, contact in chunk]
        now = utcnow()
        new = m.unwritten()
        self._insert(s, new, now)
        changed = m.dirty()
        if changed:
            self._idle()
            self._update(s, changed, now)
        self._merged += len(chunk) - len(new)

    def _start(self, s: Session) -> None:
        # Into an empty store (a first import) only the file's own rows can match, so
        # nothing is looked up and the lookup indexes can be built once at the end.
        self._empty = s.scalar(select(ContactRow.id).limit(1)) is None
        self._load = bulk.BulkLoad(s, _TABLES, defer_indexes=self._empty)
        self._next_id = _next_contact_id(s)
        conn = s.connection()
        self._conn = conn
        self._max_params = bulk.variable_limit(conn)
        self._statements = _StatementThread(conn)

    def _idle(self) -> None:
        assert self._statements is not None
        self._statements.wait()

    def _insert(self, s: Session, new: list[Pending], now: datetime) -> None:
        """Number the new contacts and hand every row of them to the statement thread."""
        if not new:
            return
        first = self._next_id
        self._next_id += len(new)
        audits = []
        for cid, p in enumerate(new, first):
            p.id = cid
            for r in p.rows:
                r.contact_id = cid
            audits.append((now, self._user, "contact.import", entity(cid), self._detail(p, True)))
        conn, limit = self._conn, self._max_params
        assert conn is not None
        contacts = [(p.id, *_scalar_row(p.contact), now, now) for p in new]
        emails, phones, tags = _child_rows(
            [(p.id, p.contact.emails, p.contact.phones, p.contact.tags, 0, 0) for p in new]  # type: ignore[misc]
        )
        statements = (
            _statements(conn, limit, ContactRow, ("id", *_CONTACT_COLUMNS), contacts)
            + _statements(conn, limit, ContactEmailRow, _EMAIL_COLUMNS, emails)
            + _statements(conn, limit, ContactPhoneRow, _PHONE_COLUMNS, phones)
            + _statements(conn, limit, ContactTagRow, _TAG_COLUMNS, tags)
            + bulk.values_statements(
                conn,
                search.INDEX_TABLE,
                search.INDEX_COLUMNS,
                search.index_rows([(p.id, p.contact) for p in new]),  # type: ignore[misc]
                limit,
            )
            + _statements(conn, limit, AuditRow, _AUDIT_COLUMNS, audits)
        )
        assert self._statements is not None
        self._statements.submit(statements, len(new))
        for p in new:
            self._matcher.written(p)

    def _update(self, s: Session, changed: list[Pending], now: datetime) -> None:
        """Merges into contacts already stored (on this thread; the statement thread idles)."""
        s.execute(
            update(ContactRow),
            [{"id": p.id, **_scalars(p.contact), "updated": now} for p in changed],
        )
        emails, phones, tags = _child_rows(
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
            ]
        )
        bulk.insert_rows(s, ContactEmailRow.__table__, _EMAIL_COLUMNS, emails)
        bulk.insert_rows(s, ContactPhoneRow.__table__, _PHONE_COLUMNS, phones)
        bulk.insert_rows(s, ContactTagRow.__table__, _TAG_COLUMNS, tags)
        self._reindex.update(p.id for p in changed)  # type: ignore[misc]
        bulk.insert_rows(
            s,
            AuditRow.__table__,
            _AUDIT_COLUMNS,
            [
                (now, self._user, "contact.import", entity(p.id), self._detail(p, False))  # type: ignore[arg-type]
                for p in changed
            ],
        )
        for p in changed:
            self._matcher.written(p)

    def _detail(self, p: Pending, created: bool) -> str:
        rows = p.rows
        lines = str(rows[0].line) if len(rows) == 1 else ", ".join(str(r.line) for r in rows[-10:])
        if created:
            return f"created from {self._file} line {lines}"
        return f"added {', '.join(sorted(p.changed))} from {self._file} line {lines}"


class _StatementThread:
    """Runs batches of prepared statements, in order, on the session's connection (its
    DBAPI connection, inside the session's transaction). The first error stops it; the
    caller sees it at its next ``submit`` or ``wait``."""

    def __init__(self, conn: Connection) -> None:
        self._db = conn.connection.driver_connection
        self._queue: queue.Queue = queue.Queue(maxsize=3)
        self.done = 0  # records whose statements have run
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="contact-import-sql", daemon=True)
        self._thread.start()

    def submit(self, statements: list[bulk.Statement], records: int) -> None:
        self._check()
        while True:
            try:
                self._queue.put((statements, records), timeout=0.1)
                return
            except queue.Full:
                self._check()

    def wait(self) -> None:
        """Until every statement submitted has run; re-raises the thread's error."""
        self._queue.join()
        self._check()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _check(self) -> None:
        if self.error is not None:
            raise self.error
        if not self._thread.is_alive():
            raise RuntimeError("the contact import's statement thread stopped")

    def _run(self) -> None:
        cursor = self._db.cursor()  # type: ignore[union-attr]
        try:
            while True:
                item = self._queue.get()
                try:
                    if item is None:
                        return
                    if self.error is None:  # after an error, only drain
                        statements, records = item
                        for sql, params in statements:
                            cursor.execute(sql, params)
                        self.done += records
                except BaseException as exc:  # handed to the caller's thread
                    self.error = exc
                finally:
                    self._queue.task_done()
        finally:
            cursor.close()


def _statements(
    conn: Connection, limit: int, model: Any, columns: Sequence[str], rows: list[tuple]
) -> list[bulk.Statement]:
    if not rows:
        return []
    table = model.__table__
    return bulk.values_statements(
        conn, table.name, columns, bulk.driver_rows(conn, table, columns, rows), limit
    )


def _next_contact_id(s: Session) -> int:
    """The id SQLite would give the next contact: past the highest ever given (AUTOINCREMENT
    ids are never reused, even after the highest was erased)."""
    highest = s.scalar(select(func.max(ContactRow.id))) or 0
    if s.get_bind().dialect.name == "sqlite":
        seq = s.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'contact'")).scalar()
        highest = max(highest, seq or 0)
    return highest + 1


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


def _child_rows(
    items: list[tuple[int, list, list, list[str], int, int]],
) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """E-mail, phone and tag rows; the bases put additions after stored positions."""
    emails, phones, tags = [], [], []
    for cid, es, ps, ts, email_base, phone_base in items:
        for i, e in enumerate(es):
            emails.append((cid, email_base + i, e.address, email_key(e.address), e.label))
        for i, p in enumerate(ps):
            phones.append((cid, phone_base + i, p.number, p.label))
        for t in ts:
            tags.append((cid, t.casefold(), t))
    return emails, phones, tags
