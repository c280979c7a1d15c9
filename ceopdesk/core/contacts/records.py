"""Between rows and dataclasses: validating a Contact, and loading contacts in bulk.

Internal to the contacts package; the GUI uses ``service`` and ``query``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from .columns import contact_from_row
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
    check_phone,
    clean,
    clean_label,
    clean_multiline,
    clean_tags,
    display_phone,
    full_name,
    parse_email,
    parse_lawful_basis,
)

_CHUNK = 500
# Who a contact is, for a table row or a comparison: id, the three name parts, organisation.
WHO_COLUMNS = (
    ContactRow.id,
    ContactRow.given_name,
    ContactRow.family_name,
    ContactRow.display_name,
    ContactRow.organisation,
)


def entity(contact_id: int) -> str:
    """The audit-trail entity of a contact."""
    return f"contact:{contact_id}"


def normalise_contact(contact: Contact, copy: bool = True) -> tuple[Contact, list[FieldProblem]]:
    """A cleaned copy (e-mails validated, phones E.164, tags de-duplicated) and the problems.

    Phones may be given in any usual writing ("020 7946 0018", "+44 20 ..."). A
    doubtful e-mail, phone or date is kept as typed, marked unchecked, and listed
    as a ``doubtful`` problem; only a contact with no name, e-mail or phone (or a
    kind or lawful basis the dialog could not have offered) is refused.
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
    c.address = clean_multiline(c.address)
    c.city = clean(c.city)[:200]
    c.date_collected_text = clean(c.date_collected_text)[:100]
    if c.date_collected_text:
        problems.append(
            FieldProblem(
                "date_collected",
                f"date collected '{c.date_collected_text}' cannot be read; kept unchecked",
                doubtful=True,
            )
        )
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
        typed = clean(email.address)
        if not typed:
            continue
        try:
            address, checked = parse_email(typed), True
        except ValueError as exc:
            # Kept as typed and marked unchecked: a typo never costs the person.
            address, checked = typed[:320], False
            problems.append(FieldProblem(f"emails[{i}]", f"{exc}; kept unchecked", doubtful=True))
        key = address.casefold()
        if key not in seen:
            seen.add(key)
            emails.append(Email(address, clean_label(email.label), checked))
    c.emails = emails

    phones: list[Phone] = []
    seen = set()
    for i, phone in enumerate(c.phones):
        if not clean(phone.number):
            continue
        number, doubt = check_phone(phone.number)
        if doubt:
            problems.append(FieldProblem(f"phones[{i}]", f"{doubt}; kept unchecked", doubtful=True))
        if number not in seen:
            seen.add(number)
            phones.append(Phone(number, clean_label(phone.label), doubt is None))
    c.phones = phones

    c.tags = clean_tags(c.tags)
    handles = [(k, clean(v)) for k, v in c.social.items()] if c.social else []
    c.social = {clean(k).casefold()[:40]: v for k, v in handles if v}
    if not (c.name or c.emails or c.phones):
        problems.append(FieldProblem("name", "a contact needs a name, an e-mail or a phone"))
    return c, problems


def load_contacts(session: Session, ids: Sequence[int]) -> list[Contact]:
    """Full contacts for these ids, in the order given (missing ids are left out)."""
    out: dict[int, Contact] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        for row in session.scalars(select(ContactRow).where(ContactRow.id.in_(chunk))):
            out[row.id] = contact_from_row(row)
        for cid, address, label, checked in session.execute(
            select(
                ContactEmailRow.contact_id,
                ContactEmailRow.address,
                ContactEmailRow.label,
                ContactEmailRow.checked,
            )
            .where(ContactEmailRow.contact_id.in_(chunk))
            .order_by(ContactEmailRow.contact_id, ContactEmailRow.position, ContactEmailRow.id)
        ):
            out[cid].emails.append(Email(address, label, checked))
        for cid, number, label, checked in session.execute(
            select(
                ContactPhoneRow.contact_id,
                ContactPhoneRow.number,
                ContactPhoneRow.label,
                ContactPhoneRow.checked,
            )
            .where(ContactPhoneRow.contact_id.in_(chunk))
            .order_by(ContactPhoneRow.contact_id, ContactPhoneRow.position, ContactPhoneRow.id)
        ):
            out[cid].phones.append(Phone(number, label, checked))
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
                *WHO_COLUMNS,
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
