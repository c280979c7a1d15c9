"""Personal data rights: erase a person for good; export everything held on them.

Erasure is a hard delete. ``secure_delete`` (set by the Store) zeroes the freed
bytes, the search index is merged so no old segment keeps their words, audit
events filed under them are removed and any other event that names them is
scrubbed, and the WAL is checkpointed so no copy is left in the -wal file.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from .. import audit
from ..atomic import atomic_write
from ..errors import UserError
from ..identity import purging
from ..models import AuditRow
from ..store import Store
from . import erasures, search
from .columns import NAMES
from .domain import Contact, ErasureReport
from .models import ContactRow
from .normalise import display_phone
from .records import entity, load_contacts
from .service import find_contact

SUBJECT_ACCESS_FORMAT = "ceopdesk.subject-access/1"
_SCRUBBED = "[erased]"


def erase(
    store: Store, contact_id: int, user: str | None = None, fingerprint: bool = True
) -> ErasureReport:
    """Delete a contact and every trace of them in the store files. Cannot be undone.

    Their fingerprint is recorded (``erasures``) so a restore or an import erases them again.
    """
    with store.session() as s, purging(s):  # erasure may drop and scrub lines of history
        found = load_contacts(s, [contact_id])
        if not found:
            raise UserError(f"There is no contact #{contact_id}.")
        person = found[0]
        row = s.get(ContactRow, contact_id)
        s.delete(row)
        s.flush()
        search.unindex(s, [contact_id])
        search.purge(s)
        forgotten = len(
            list(s.scalars(select(AuditRow.id).where(AuditRow.entity == entity(contact_id))))
        )
        audit.forget_entity(s, entity(contact_id))
        _scrub_audit(s, _identifying_strings(person))
        audit.record(s, "contact.erase", entity(contact_id), "erased on request", user)
        if fingerprint:
            erasures.record(s, store.path, person)
    store.checkpoint()
    return ErasureReport(contact_id, len(person.emails), forgotten)


def _identifying_strings(c: Contact) -> list[str]:
    values = {c.name, c.display_name, *(e.address for e in c.emails)}
    values |= {p.number for p in c.phones} | {display_phone(p.number) for p in c.phones}
    values |= set(c.social.values())
    if c.given_name and c.family_name:
        values.add(f"{c.family_name}, {c.given_name}")
    return sorted((v for v in values if v and len(v) >= 4), key=len, reverse=True)


def _scrub_audit(session, needles: list[str]) -> None:
    """Audit details should hold ids only; any that name the person anyway lose the name."""
    for needle in needles:
        for row in session.scalars(select(AuditRow).where(AuditRow.detail.contains(needle))):
            row.detail = row.detail.replace(needle, _SCRUBBED)


def subject_access(store: Store, id_or_email: str, user: str | None = None) -> dict[str, Any]:
    """Everything held on one person, as a JSON-ready dict (UK GDPR Article 15)."""
    c = find_contact(store, id_or_email)
    assert c.id is not None
    with store.session() as s:
        audit.record(s, "contact.subject_access", entity(c.id), "subject access export", user)
    events = audit.events_for(store, entity(c.id))
    return {
        "format": SUBJECT_ACCESS_FORMAT,
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "contact": contact_to_json(c),
        # Copies made since they were added, which the store's erasure cannot reach.
        "copies": erasures.copies_holding(store, c),
        "audit": [
            {
                "at": e.at.isoformat(timespec="seconds"),
                "user": e.user,
                "action": e.action,
                "detail": e.detail,
            }
            for e in events
        ],
    }


def write_subject_access(
    store: Store, id_or_email: str, path: Path, user: str | None = None
) -> dict[str, Any]:
    """Write the subject access export to ``path`` as JSON (UTF-8, atomically)."""
    data = subject_access(store, id_or_email, user)
    with atomic_write(Path(path), encoding="utf-8", newline="\n", private=True) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return data


def contact_to_json(c: Contact) -> dict[str, Any]:
    """A contact with all its fields, phones in E.164 (also used by ``contacts search --json``)."""
    fields = {name: getattr(c, name) for name in NAMES}
    fields["social"] = dict(c.social)
    if c.date_collected:
        fields["date_collected"] = c.date_collected.isoformat()
    return {
        "id": c.id,
        "name": c.name,
        **fields,
        "emails": [
            {"address": e.address, "label": e.label, "checked": e.checked} for e in c.emails
        ],
        "phones": [{"number": p.number, "label": p.label, "checked": p.checked} for p in c.phones],
        "tags": list(c.tags),
        "lists": list(c.lists),
        "created": c.created.isoformat(timespec="seconds") if c.created else None,
        "updated": c.updated.isoformat(timespec="seconds") if c.updated else None,
    }
