"""The writing half of an import, on its own thread.

The caller's thread reads and validates rows (Python work); this thread
matches them against the store and writes them in one transaction (mostly
SQLite work, which runs without the GIL), so the two overlap. Chunks are
handled in file order, so the result is the same as doing it all in turn.

Nothing is committed until :meth:`ImportWriter.finish`; :meth:`abort` (or any
error) rolls everything back.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .. import audit
from ..models import AuditRow, utcnow
from ..store import Store
from . import bulk, search
from .domain import Contact, ImportOptions, ImportRow
from .matching import Matcher, Pending
from .models import ContactEmailRow, ContactPhoneRow, ContactRow, ContactTagRow
from .normalise import email_key, fold, sort_name
from .record import Record
from .records import entity, load_contacts

_LOOKUP_CHUNK = 500
_DONE = object()
_ABORT = object()

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


class _Aborted(Exception):
    pass


class ImportWriter:
    def __init__(self, store: Store, file_name: str, options: ImportOptions) -> None:
        self._store = store
        self._file = file_name
        self._options = options
        self._user = options.user or audit.current_user()
        self._queue: queue.Queue = queue.Queue(maxsize=4)
        self._thread = threading.Thread(target=self._run, name="contact-import", daemon=True)
        self._matcher = Matcher({}, {}, {})
        self._summary: Callable[[], str] | None = None
        self.placed: list[ImportRow] = []
        self.written = 0  # rows handled so far (read by the caller for progress)
        self.error: BaseException | None = None
        self._empty = False

    # -- the caller's side ------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def put(self, chunk: list[tuple[Record, Contact]]) -> None:
        """Hand over validated records (waits while four chunks are queued)."""
        if chunk:
            self._put(chunk)

    def _put(self, item: object) -> None:
        while True:
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                if not self._thread.is_alive():
                    raise self.error or RuntimeError("the import writer stopped") from None

    def finish(self, summary: Callable[[], str], wait: Callable[[], None]) -> None:
        """Write the summary event and commit (or roll back a dry run); re-raises errors.

        ``wait`` is called every tenth of a second while the writer works (progress)."""
        self._summary = summary
        self._put(_DONE)
        while self._thread.is_alive():
            self._thread.join(0.1)
            wait()
        if self.error is not None:
            raise self.error

    def abort(self) -> None:
        """Roll back everything written so far and stop."""
        if self._thread.is_alive():
            while True:  # make room, so the thread sees the abort at once
                try:
                    self._queue.get_nowait()
                except queue.Empty:
                    break
            self._queue.put(_ABORT)
            self._thread.join()

    # -- the writer thread ------------------------------------------------------------
    def _run(self) -> None:
        try:
            with self._store.session() as s:
                # Into an empty store (a first import) only the file's own rows can match.
                self._empty = s.scalar(select(ContactRow.id).limit(1)) is None
                while True:
                    item = self._queue.get()
                    if item is _ABORT:
                        raise _Aborted
                    if item is _DONE:
                        break
                    self._chunk(s, item)
                assert self._summary is not None
                audit.record(
                    s, "contacts.import", "contacts", f"{self._file}: {self._summary()}", self._user
                )
                if self._options.dry_run:
                    s.rollback()
        except _Aborted:
            pass
        except BaseException as exc:  # handed to the caller's thread
            self.error = exc

    def _chunk(self, s: Session, chunk: list[tuple[Record, Contact]]) -> None:
        m = self._matcher
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
        rows = [tuple(_scalars(p.contact).values()) + (now, now) for p in new]
        bulk.insert_rows(s, ContactRow.__table__, _CONTACT_COLUMNS, rows)
        # The session holds the write lock and ids only grow (AUTOINCREMENT), so the rows
        # just written are the n highest. (RETURNING in order goes one row at a time.)
        ids = sorted(
            s.scalars(select(ContactRow.id).order_by(ContactRow.id.desc()).limit(len(rows)))
        )
        if len(ids) != len(rows) or ids[-1] - ids[0] != len(rows) - 1:
            raise RuntimeError("new contact ids are not consecutive")
        details = []
        for p, cid in zip(new, ids, strict=True):
            p.id = cid
            for r in p.rows:
                r.contact_id = cid
            details.append((cid, self._detail(p, created=True)))
        _children(
            s, [(p.id, p.contact.emails, p.contact.phones, p.contact.tags, 0, 0) for p in new]
        )  # type: ignore[misc]
        search.index_range(s, ids[0], ids[-1])
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
        search.reindex(s, [p.id for p in changed])  # type: ignore[misc]
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
        lines = ", ".join(str(r.line) for r in p.rows[-10:])
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


def _scalars(c: Contact) -> dict:
    return {
        "given_name": c.given_name,
        "family_name": c.family_name,
        "display_name": c.display_name,
        "organisation": c.organisation,
        "job_title": c.job_title,
        "kind": c.kind,
        "social": dict(c.social),
        "notes": c.notes,
        "lawful_basis": c.lawful_basis,
        "source": c.source,
        "date_collected": c.date_collected,
        "do_not_contact": c.do_not_contact,
        "sort_name": sort_name(c.given_name, c.family_name, c.display_name),
        "sort_org": fold(c.organisation),
    }


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
