"""Importing contact files: .csv (Outlook, Google, media databases) and .vcf (2.1/3.0/4.0).

    report = import_file(store, path, ImportOptions(skip_bad_rows=True), progress=cb)

All or nothing: a bad row stops the import (``ImportRejected``, with the full
report of every bad row) unless ``skip_bad_rows`` is set; a dry run does all
the work in a transaction and rolls it back. Everything happens in one
session, so a failure of any kind leaves the store as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .. import audit
from ..errors import UserError
from ..models import AuditRow, utcnow
from ..store import Store
from . import bulk, search
from .csv_read import read_csv
from .domain import Contact, FilePreview, ImportOptions, ImportReport, ImportRow, Progress
from .fileio import read_text
from .matching import Matcher, Pending
from .models import ContactEmailRow, ContactPhoneRow, ContactRow, ContactTagRow
from .normalise import email_key, fold, sort_name
from .record import Record
from .records import entity, load_contacts, normalise_contact
from .vcard_read import looks_like_vcard, read_vcards

_CHUNK = 500
_WRITE_CHUNK = 2000


class ImportRejected(UserError):
    """The file has bad rows and skipping them was not chosen. ``report`` lists them all."""

    def __init__(self, message: str, report: ImportReport) -> None:
        super().__init__(message)
        self.report = report


class ImportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was changed.")


@dataclass
class _Parsed:
    format: str
    encoding: str
    records: list[Record]
    headers: list[str]
    ignored_columns: list[str]
    unknown_headers: list[str]
    sample: list[list[str]]
    mapping: dict[str, str | None]


def _parse(path: Path, options: ImportOptions) -> _Parsed:
    path = Path(path)
    text, encoding = read_text(path, options.encoding)
    if path.suffix.lower() in (".vcf", ".vcard") or looks_like_vcard(text):
        records = read_vcards(path, text, encoding, options)
        sample = [
            [f"line {r.line}: {r.contact.name or r.contact.primary_email or ''}"]
            for r in records[:20]
        ]
        return _Parsed("vcard", encoding, records, [], [], [], sample, {})
    parsed = read_csv(path, text, options)
    mapping = {
        h: (str(t) if t is not None else None)
        for h, t in zip(parsed.headers, parsed.targets, strict=True)
    }
    return _Parsed(
        parsed.format,
        encoding,
        parsed.records,
        parsed.headers,
        parsed.ignored_columns,
        parsed.unknown_headers,
        [row for _, row in parsed.rows[:20]],
        mapping,
    )


def preview_file(path: Path, options: ImportOptions | None = None) -> FilePreview:
    """What the import wizard shows first: format, encoding, headers, sample, proposed mapping."""
    p = _parse(Path(path), options or ImportOptions())
    return FilePreview(
        str(path),
        p.format,
        p.encoding,
        p.headers,
        p.sample,
        p.mapping,
        p.unknown_headers,
        len(p.records),
    )


def import_file(
    store: Store, path: Path, options: ImportOptions | None = None, progress: Progress | None = None
) -> ImportReport:
    """Import a contact file; returns what happened to each record (see the module doc)."""
    options = options or ImportOptions()
    path = Path(path)
    parsed = _parse(path, options)
    report = ImportReport(str(path), parsed.format, parsed.encoding, options.dry_run)
    report.ignored_columns = parsed.ignored_columns
    total = len(parsed.records) * 2
    step = _stepper(progress, total)

    valid: list[tuple[Record, Contact]] = []
    bad: list[ImportRow] = []
    for i, record in enumerate(parsed.records):
        contact, problems = normalise_contact(record.contact, copy=False)
        # A ragged row holds no fields, so "needs a name" would only add noise.
        reasons = record.problems + [
            p.message for p in problems if not (record.problems and p.field == "name")
        ]
        if reasons:
            bad.append(
                ImportRow(record.line, "skipped", record.contact.name, reason="; ".join(reasons))
            )
        else:
            valid.append((record, contact))
        if i % 500 == 0:
            step(i)
    if bad and not options.skip_bad_rows:
        report.rows = bad
        first = bad[0]
        more = f" ({len(bad)} rows have problems)" if len(bad) > 1 else ""
        raise ImportRejected(
            f"{path.name} line {first.line}: {first.reason}; nothing was imported{more}.", report
        )

    with store.session() as s:
        matcher = _matcher(s, [c for _, c in valid])
        placed = [(record.line, matcher.place(record, c)) for record, c in valid]
        rows = sorted(placed + [(r.line, r) for r in bad], key=lambda x: x[0])
        report.rows = [r for _, r in rows]
        _write(s, matcher, path.name, options, lambda done: step(len(parsed.records) + done))
        audit.record(
            s, "contacts.import", "contacts", f"{path.name}: {report.summary}", options.user
        )
        if options.dry_run:
            s.rollback()
            for r in report.rows:
                if r.status == "added":
                    r.contact_id = None
    step(total)
    return report


def _stepper(progress: Progress | None, total: int):  # type: ignore[no-untyped-def]
    def step(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise ImportCancelled()

    return step


def _matcher(session: Session, contacts: Sequence[Contact]) -> Matcher:
    """Look up, in bulk, who in the store shares an e-mail or phone with the file."""
    keys = sorted({email_key(e.address) for c in contacts for e in c.emails})
    numbers = sorted({p.number for c in contacts for p in c.phones})
    email_owner: dict[str, int] = {}
    for start in range(0, len(keys), _CHUNK):
        email_owner.update(
            session.execute(
                select(ContactEmailRow.address_key, ContactEmailRow.contact_id).where(
                    ContactEmailRow.address_key.in_(keys[start : start + _CHUNK])
                )
            ).all()
        )
    phone_owner: dict[str, list[int]] = {}
    for start in range(0, len(numbers), _CHUNK):
        for number, cid in session.execute(
            select(ContactPhoneRow.number, ContactPhoneRow.contact_id)
            .where(ContactPhoneRow.number.in_(numbers[start : start + _CHUNK]))
            .order_by(ContactPhoneRow.contact_id)
        ):
            phone_owner.setdefault(number, []).append(cid)
    ids = sorted(set(email_owner.values()) | {i for v in phone_owner.values() for i in v})
    stored = {c.id: c for c in load_contacts(session, ids)}  # type: ignore[misc]
    return Matcher(email_owner, phone_owner, stored)  # type: ignore[arg-type]


def _write(
    session: Session, matcher: Matcher, file_name: str, options: ImportOptions, step
) -> None:  # type: ignore[no-untyped-def]
    user = options.user or audit.current_user()
    now = utcnow()
    new = matcher.new
    for start in range(0, len(new), _WRITE_CHUNK):
        chunk = new[start : start + _WRITE_CHUNK]
        ids = _insert_contacts(session, [p.contact for p in chunk], now)
        for p, cid in zip(chunk, ids, strict=True):
            p.id = cid
            for r in p.rows:
                r.contact_id = cid
        _children(
            session,
            [(p.id, p.contact.emails, p.contact.phones, p.contact.tags, 0, 0) for p in chunk],  # type: ignore[misc]
        )
        search.index_rows(
            session,
            [
                search.build_row(
                    p.id,  # type: ignore[arg-type]
                    (p.contact.given_name, p.contact.family_name, p.contact.display_name),
                    p.contact.organisation,
                    p.contact.job_title,
                    [e.address for e in p.contact.emails],
                    [x.number for x in p.contact.phones],
                    p.contact.tags,
                    p.contact.notes,
                )
                for p in chunk
            ],
        )
        _audit(session, user, now, [(p.id, _detail(file_name, p, created=True)) for p in chunk])  # type: ignore[misc]
        step(start + len(chunk))

    changed = [p for p in matcher.touched if p.changed]
    for start in range(0, len(changed), _WRITE_CHUNK):
        chunk = changed[start : start + _WRITE_CHUNK]
        session.execute(
            update(ContactRow),
            [{"id": p.id, **_scalars(p.contact), "updated": now} for p in chunk],
        )
        _children(
            session,
            [
                (
                    p.id,
                    p.new_emails,
                    p.new_phones,
                    p.new_tags,
                    len(p.contact.emails) - len(p.new_emails),
                    len(p.contact.phones) - len(p.new_phones),
                )
                for p in chunk
            ],  # type: ignore[misc]
        )
        search.reindex(session, [p.id for p in chunk])  # type: ignore[misc]
        _audit(session, user, now, [(p.id, _detail(file_name, p, created=False)) for p in chunk])  # type: ignore[misc]
    step(len(new) + len(changed))


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


def _insert_contacts(session: Session, contacts: list[Contact], now) -> list[int]:  # type: ignore[no-untyped-def]
    """Insert contacts in one executemany and return their ids in order.

    The session holds the write lock (BEGIN IMMEDIATE) and ids only grow
    (AUTOINCREMENT), so the rows just written are the ``n`` highest ids.
    (RETURNING with guaranteed order is sent one row at a time: ten times slower.)
    """
    rows = [tuple(_scalars(c).values()) + (now, now) for c in contacts]
    bulk.insert_rows(session, ContactRow.__table__, _CONTACT_COLUMNS, rows)
    ids = sorted(
        session.scalars(select(ContactRow.id).order_by(ContactRow.id.desc()).limit(len(rows)))
    )
    if len(ids) != len(rows) or ids[-1] - ids[0] != len(rows) - 1:
        raise RuntimeError("new contact ids are not consecutive")
    return ids


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


def _children(session: Session, items: list[tuple[int, list, list, list[str], int, int]]) -> None:
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
        session,
        ContactEmailRow.__table__,
        ("contact_id", "position", "address", "address_key", "label"),
        emails,
    )
    bulk.insert_rows(
        session, ContactPhoneRow.__table__, ("contact_id", "position", "number", "label"), phones
    )
    bulk.insert_rows(session, ContactTagRow.__table__, ("contact_id", "tag_key", "tag"), tags)


def _audit(session: Session, user: str, now, events: list[tuple[int, str]]) -> None:  # type: ignore[no-untyped-def]
    """One event per contact, written in bulk (the same rows ``audit.record`` makes)."""
    bulk.insert_rows(
        session,
        AuditRow.__table__,
        ("at", "user", "action", "entity", "detail"),
        [(now, user, "contact.import", entity(cid), detail) for cid, detail in events],
    )


def _detail(file_name: str, p: Pending, created: bool) -> str:
    lines = ", ".join(str(r.line) for r in p.rows[:10])
    if created:
        return f"created from {file_name} line {lines}"
    return f"added {', '.join(sorted(p.changed))} from {file_name} line {lines}"
