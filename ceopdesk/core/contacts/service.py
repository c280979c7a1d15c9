"""Creating, reading and editing contacts one at a time (the edit dialog, the CLI).

Every function takes the Store explicitly, opens its own short session, returns
plain dataclasses and records an audit event for every change. Bad input raises
``UserError`` (one sentence); :func:`validate_contact` gives the per-field
problems for inline validation without saving anything.

Audit details never hold personal data, only field names and ids, so erasing a
person (``privacy.erase``) only has to remove the events filed under them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from .. import audit
from ..errors import StaleWrite, UserError
from ..identity import check_version
from ..models import utcnow
from ..store import Store
from . import search
from .columns import TRACKED, column_values
from .domain import Contact, FieldProblem
from .models import ContactEmailRow, ContactPhoneRow, ContactRow, ContactTagRow
from .normalise import clean, email_key
from .records import entity, load_contacts, normalise_contact

# -- reading ------------------------------------------------------------------------


def get_contact(store: Store, contact_id: int) -> Contact:
    with store.read_session() as s:
        found = load_contacts(s, [contact_id])
    if not found:
        raise UserError(f"There is no contact #{contact_id}.")
    return found[0]


def get_contacts(store: Store, ids: Sequence[int]) -> list[Contact]:
    """Full contacts, in the order of ``ids``; unknown ids are left out."""
    with store.read_session() as s:
        return load_contacts(s, list(ids))


def find_contact(store: Store, id_or_email: str) -> Contact:
    """The contact named by an id ("12" or "#12") or one of its e-mail addresses."""
    text = id_or_email.strip()
    with store.read_session() as s:
        if re.fullmatch(r"#?\d+", text):
            found = load_contacts(s, [int(text.lstrip("#"))])
        else:
            cid = s.scalar(
                select(ContactEmailRow.contact_id).where(
                    ContactEmailRow.address_key == email_key(text)
                )
            )
            found = load_contacts(s, [cid]) if cid is not None else []
    if not found:
        raise UserError(f"No contact has the id or e-mail '{text}'.")
    return found[0]


def all_tags(store: Store) -> list[tuple[str, int]]:
    """Every tag in use and how many contacts carry it, alphabetically (for filters)."""
    with store.read_session() as s:
        rows = s.execute(
            select(func.min(ContactTagRow.tag), func.count())
            .group_by(ContactTagRow.tag_key)
            .order_by(ContactTagRow.tag_key)
        )
        return [(tag, n) for tag, n in rows]


# -- validating and writing ---------------------------------------------------------


def validate_contact(store: Store, contact: Contact) -> list[FieldProblem]:
    """Everything wrong with a contact as the dialog holds it, field by field. Saves nothing."""
    cleaned, problems = normalise_contact(contact)
    with store.read_session() as s:
        problems += _email_clashes(s, cleaned)
    return problems


def create_contact(store: Store, contact: Contact, user: str | None = None) -> Contact:
    """Save a new contact; returns it as stored (with id, E.164 phones, created/updated)."""
    cleaned = _checked(contact)
    with store.session() as s:
        _raise_clashes(s, cleaned)
        row = ContactRow(created=utcnow())
        s.add(row)
        write_row(s, row, cleaned)
        s.flush()
        search.reindex(s, [row.id])
        audit.record(s, "contact.create", entity(row.id), "created", user)
        new_id = row.id
    return get_contact(store, new_id)


def update_contact(store: Store, contact: Contact, user: str | None = None) -> Contact:
    """Save an edited contact (all its fields). Refuses if it changed since it was read."""
    if contact.id is None:
        raise UserError("This contact has not been saved yet; create it instead.")
    cleaned = _checked(contact)
    with store.session() as s:
        row = s.get(ContactRow, contact.id)
        if row is None:
            raise UserError(f"There is no contact #{contact.id}; it may have been erased.")
        if contact.version and contact.version != row.version:
            by, at = audit.last_change(s, entity(row.id))
            check_version(f"Contact #{contact.id}", contact.version, row.version, by, at)
        elif not contact.version and contact.updated is not None and row.updated != contact.updated:
            raise StaleWrite(f"Contact #{contact.id}", None, row.version)
        before = load_contacts(s, [row.id])[0]
        _raise_clashes(s, cleaned)
        write_row(s, row, cleaned)
        s.flush()
        search.reindex(s, [row.id])
        changed = [f for f in TRACKED if getattr(before, f) != getattr(cleaned, f)]
        if changed:
            audit.record(s, "contact.update", entity(row.id), "changed " + ", ".join(changed), user)
    return get_contact(store, contact.id)


def set_do_not_contact(
    store: Store, ids: Iterable[int], value: bool, user: str | None = None
) -> int:
    """Mark or unmark contacts as do-not-contact; returns how many changed."""
    changed = 0
    with store.session() as s:
        for row in s.scalars(select(ContactRow).where(ContactRow.id.in_(list(ids)))):
            if row.do_not_contact != value:
                row.do_not_contact = value
                row.updated = utcnow()
                changed += 1
                audit.record(
                    s, "contact.update", entity(row.id), f"do_not_contact set to {value}", user
                )
    return changed


def tag_contacts(
    store: Store, ids: Iterable[int], tag: str, add: bool = True, user: str | None = None
) -> int:
    """Add (or with ``add=False`` remove) a tag on many contacts; returns how many changed."""
    tag = clean(tag)[:100]
    if not tag:
        raise UserError("A tag cannot be empty.")
    key = tag.casefold()
    id_list = list(ids)
    with store.session() as s:
        has = set(
            s.scalars(
                select(ContactTagRow.contact_id).where(
                    ContactTagRow.tag_key == key, ContactTagRow.contact_id.in_(id_list)
                )
            )
        )
        existing = set(s.scalars(select(ContactRow.id).where(ContactRow.id.in_(id_list))))
        if add:
            targets = sorted(existing - has)
            for cid in targets:
                s.add(ContactTagRow(contact_id=cid, tag_key=key, tag=tag))
        else:
            targets = sorted(has)
            s.execute(
                delete(ContactTagRow).where(
                    ContactTagRow.tag_key == key, ContactTagRow.contact_id.in_(targets)
                )
            )
        now = utcnow()
        for cid in targets:
            s.get(ContactRow, cid).updated = now  # type: ignore[union-attr]
            audit.record(
                s, "contact.update", entity(cid), "tag added" if add else "tag removed", user
            )
        s.flush()
        search.reindex(s, targets)
    return len(targets)


# -- helpers shared with merge and import ----------------------------------------------


def write_row(session: Session, row: ContactRow, c: Contact) -> None:
    """Copy a normalised Contact onto a row, reconciling its e-mails, phones and tags."""
    for name, value in column_values(c).items():
        setattr(row, name, value)
    row.updated = utcnow()

    old_emails = {e.address_key: e for e in row.emails}
    emails = []
    for i, e in enumerate(c.emails):
        key = email_key(e.address)
        r = old_emails.pop(key, None) or ContactEmailRow(address_key=key)
        r.address, r.label, r.position, r.checked = e.address, e.label, i, e.checked
        emails.append(r)
    row.emails = emails

    old_phones = {p.number: p for p in row.phones}
    phones = []
    for i, p in enumerate(c.phones):
        phone_row = old_phones.pop(p.number, None) or ContactPhoneRow(number=p.number)
        phone_row.label, phone_row.position, phone_row.checked = p.label, i, p.checked
        phones.append(phone_row)
    row.phones = phones

    old_tags = {t.tag_key: t for t in row.tags}
    tags = []
    for t in c.tags:
        tag_row = old_tags.pop(t.casefold(), None) or ContactTagRow(tag_key=t.casefold(), tag=t)
        tags.append(tag_row)
    row.tags = tags


def _checked(contact: Contact) -> Contact:
    cleaned, problems = normalise_contact(contact)
    refused = [p for p in problems if not p.doubtful]
    if refused:
        raise UserError(_sentence(refused[0]))
    return cleaned


def _sentence(problem: FieldProblem) -> str:
    text = problem.message
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _email_clashes(session: Session, c: Contact) -> list[FieldProblem]:
    keys = {email_key(e.address): i for i, e in enumerate(c.emails)}
    if not keys:
        return []
    rows = session.execute(
        select(ContactEmailRow.address_key, ContactEmailRow.contact_id).where(
            ContactEmailRow.address_key.in_(list(keys))
        )
    ).all()
    owners = {
        o.id: o.name or f"contact #{o.id}" for o in load_contacts(session, [r[1] for r in rows])
    }
    return [
        FieldProblem(
            f"emails[{keys[key]}]",
            f"e-mail {c.emails[keys[key]].address} already belongs to {owners[owner]}",
        )
        for key, owner in rows
        if owner != c.id
    ]


def _raise_clashes(session: Session, c: Contact) -> None:
    clashes = _email_clashes(session, c)
    if clashes:
        raise UserError(_sentence(clashes[0])[:-1] + "; merge the two instead.")
