"""Between rows and dataclasses: validating a Contact, and loading contacts in bulk.

Internal to the contacts package; the GUI uses ``service`` and ``query``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from .domain import KINDS, Contact, ContactSummary, Email, FieldProblem, Phone
from .models import (
    ContactEmailRow,
    ContactPhoneRow,
    ContactRow,
    ContactTagRow,
    DistributionListRow,
    ListMemberRow,
)
from .normalise import (
    clean,
    clean_label,
    clean_multiline,
    clean_tags,
    display_phone,
    full_name,
    parse_email,
    parse_lawful_basis,
    parse_phone,
)

_CHUNK = 500


def entity(contact_id: int) -> str:
    """The audit-trail entity of a contact."""
    return f"contact:{contact_id}"


def normalise_contact(contact: Contact, copy: bool = True) -> tuple[Contact, list[FieldProblem]]:
    """A cleaned copy (e-mails validated, phones E.164, tags de-duplicated) and the problems.

    Phones may be given in any usual writing ("020 7946 0018", "+44 20 ..."); a
    contact needs a name, an e-mail or a phone.
    """
    problems: list[FieldProblem] = []
    c = dataclasses.replace(contact) if copy else contact
    c.given_name = clean(c.given_name)[:200]
    c.family_name = clean(c.family_name)[:200]
    c.display_name = clean(c.display_name)[:400]
    c.organisation = clean(c.organisation)[:300]
    c.job_title = clean(c.job_title)[:300]
    c.notes = clean_multiline(c.notes)
    c.source = clean(c.source)[:300] or None
    if c.kind not in KINDS:
        problems.append(FieldProblem("kind", f"kind '{c.kind}' is not one of {', '.join(KINDS)}"))
    if c.lawful_basis:
        try:
            c.lawful_basis = parse_lawful_basis(c.lawful_basis)
        except ValueError as exc:
            problems.append(FieldProblem("lawful_basis", str(exc)))
    else:
        c.lawful_basis = None

    emails: list[Email] = []
    seen: set[str] = set()
    for i, email in enumerate(c.emails):
        if not clean(email.address):
            continue
        try:
            address = parse_email(email.address)
        except ValueError as exc:
            problems.append(FieldProblem(f"emails[{i}]", str(exc)))
            continue
        key = address.casefold()
        if key not in seen:
            seen.add(key)
            emails.append(Email(address, clean_label(email.label)))
    c.emails = emails

    phones: list[Phone] = []
    seen = set()
    for i, phone in enumerate(c.phones):
        if not clean(phone.number):
            continue
        try:
            number = parse_phone(phone.number)
        except ValueError as exc:
            problems.append(FieldProblem(f"phones[{i}]", str(exc)))
            continue
        if number not in seen:
            seen.add(number)
            phones.append(Phone(number, clean_label(phone.label)))
    c.phones = phones

    c.tags = clean_tags(c.tags)
    handles = [(k, clean(v)) for k, v in c.social.items()] if c.social else []
    c.social = {clean(k).casefold()[:40]: v for k, v in handles if v}
    contact_problem = any(p.field.startswith(("emails", "phones")) for p in problems)
    if not (c.name or c.emails or c.phones) and not contact_problem:
        problems.append(FieldProblem("name", "a contact needs a name, an e-mail or a phone"))
    return c, problems


def load_contacts(session: Session, ids: Sequence[int]) -> list[Contact]:
    """Full contacts for these ids, in the order given (missing ids are left out)."""
    out: dict[int, Contact] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        for row in session.scalars(select(ContactRow).where(ContactRow.id.in_(chunk))):
            out[row.id] = Contact(
                given_name=row.given_name,
                family_name=row.family_name,
                display_name=row.display_name,
                organisation=row.organisation,
                job_title=row.job_title,
                kind=row.kind,  # type: ignore[arg-type]
                social=dict(row.social or {}),
                notes=row.notes,
                lawful_basis=row.lawful_basis,
                source=row.source,
                date_collected=row.date_collected,
                do_not_contact=row.do_not_contact,
                id=row.id,
                created=row.created,
                updated=row.updated,
            )
        for cid, address, label in session.execute(
            select(ContactEmailRow.contact_id, ContactEmailRow.address, ContactEmailRow.label)
            .where(ContactEmailRow.contact_id.in_(chunk))
            .order_by(ContactEmailRow.contact_id, ContactEmailRow.position, ContactEmailRow.id)
        ):
            out[cid].emails.append(Email(address, label))
        for cid, number, label in session.execute(
            select(ContactPhoneRow.contact_id, ContactPhoneRow.number, ContactPhoneRow.label)
            .where(ContactPhoneRow.contact_id.in_(chunk))
            .order_by(ContactPhoneRow.contact_id, ContactPhoneRow.position, ContactPhoneRow.id)
        ):
            out[cid].phones.append(Phone(number, label))
        for cid, tag in session.execute(
            select(ContactTagRow.contact_id, ContactTagRow.tag)
            .where(ContactTagRow.contact_id.in_(chunk))
            .order_by(ContactTagRow.contact_id, ContactTagRow.tag_key)
        ):
            out[cid].tags.append(tag)
        for cid, name in session.execute(
            select(ListMemberRow.contact_id, DistributionListRow.name)
            .join(DistributionListRow, DistributionListRow.id == ListMemberRow.list_id)
            .where(ListMemberRow.contact_id.in_(chunk))
            .order_by(ListMemberRow.contact_id, DistributionListRow.name_key)
        ):
            out[cid].lists.append(name)
    return [out[i] for i in ids if i in out]


def load_summaries(session: Session, ids: Sequence[int]) -> list[ContactSummary]:
    """Table rows for these ids, in the order given: four small indexed queries per 500."""
    out: dict[int, ContactSummary] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        for r in session.execute(
            select(
                ContactRow.id,
                ContactRow.given_name,
                ContactRow.family_name,
                ContactRow.display_name,
                ContactRow.organisation,
                ContactRow.job_title,
                ContactRow.kind,
                ContactRow.do_not_contact,
                ContactRow.updated,
            ).where(ContactRow.id.in_(chunk))
        ):
            out[r.id] = ContactSummary(
                id=r.id,
                name=full_name(r.given_name, r.family_name, r.display_name),
                organisation=r.organisation,
                job_title=r.job_title,
                kind=r.kind,
                email=None,
                phone=None,
                tags=[],
                do_not_contact=r.do_not_contact,
                updated=r.updated,
            )
        for cid, address in session.execute(
            select(ContactEmailRow.contact_id, ContactEmailRow.address)
            .where(ContactEmailRow.contact_id.in_(chunk))
            .order_by(ContactEmailRow.contact_id, ContactEmailRow.position.desc())
        ):
            out[cid].email = address  # the last one written is position 0
        for cid, number in session.execute(
            select(ContactPhoneRow.contact_id, ContactPhoneRow.number)
            .where(ContactPhoneRow.contact_id.in_(chunk))
            .order_by(ContactPhoneRow.contact_id, ContactPhoneRow.position.desc())
        ):
            out[cid].phone = display_phone(number)
        for cid, tag in session.execute(
            select(ContactTagRow.contact_id, ContactTagRow.tag)
            .where(ContactTagRow.contact_id.in_(chunk))
            .order_by(ContactTagRow.contact_id, ContactTagRow.tag_key)
        ):
            out[cid].tags.append(tag)
    return [out[i] for i in ids if i in out]
