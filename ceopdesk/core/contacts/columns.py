"""The one table of a contact's fields: every writer and reader of contacts goes through it.

The service, the import writer, loading, the search index, the CSV and vCard
exports and subject access all take the list of fields from here, so a new
field is added in one place (and a migration), not in eight.

A :class:`Field` is a scalar attribute of :class:`~.domain.Contact` stored in the
``contact`` column of the same name. E-mails, phones and tags live in their own
tables (:func:`email_values`, :func:`phone_values`, :func:`tag_values`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from .domain import Contact, Email, Phone
from .normalise import email_key, fold, sort_name


@dataclass(frozen=True)
class Field:
    name: str  # the Contact attribute and the contact column
    label: str  # what a person reads ("Job title")
    csv: str  # the header of the CSV export


FIELDS: tuple[Field, ...] = (
    Field("given_name", "First name", "Given Name"),
    Field("family_name", "Last name", "Family Name"),
    Field("display_name", "Display name", "Display Name"),
    Field("organisation", "Organisation / outlet", "Organisation"),
    Field("job_title", "Job title", "Job Title"),
    Field("kind", "Kind", "Kind"),
    Field("address", "Postal address", "Address"),
    Field("city", "City", "City"),
    Field("social", "Social handles", "Social"),
    Field("notes", "Notes", "Notes"),
    Field("lawful_basis", "Lawful basis", "Lawful Basis"),
    Field("source", "Source", "Source"),
    Field("date_collected", "Date collected", "Date Collected"),
    Field("date_collected_text", "Date collected (as typed, unchecked)", "Date Collected As Typed"),
    Field("do_not_contact", "Do not contact", "Do Not Contact"),
)
NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
# Columns computed from the fields, for ordering the table through an index.
DERIVED = ("sort_name", "sort_org")
# Everything an edit can change, for saying what it changed (audit trail).
TRACKED: tuple[str, ...] = (*NAMES, "emails", "phones", "tags")


def column_values(c: Contact) -> dict[str, Any]:
    """The ``contact`` row of a (normalised) contact: its fields and the derived columns."""
    values = {name: getattr(c, name) for name in NAMES}
    values["social"] = dict(c.social)
    values["sort_name"] = sort_name(c.given_name, c.family_name, c.display_name)
    values["sort_org"] = _fold_org(c.organisation)
    return values


def contact_from_row(row: Any) -> Contact:
    """A Contact (without e-mails, phones, tags and lists) from a ``contact`` row."""
    values = {name: getattr(row, name) for name in NAMES}
    values["social"] = dict(row.social or {})
    return Contact(
        **values,
        id=row.id,
        created=row.created,
        updated=row.updated,
        uid=str(row.uid) if row.uid is not None else None,
        version=row.version,
    )


def email_values(contact_id: int, position: int, e: Email) -> dict[str, Any]:
    return {
        "contact_id": contact_id,
        "position": position,
        "address": e.address,
        "address_key": email_key(e.address),
        "label": e.label,
        "checked": e.checked,
    }


def phone_values(contact_id: int, position: int, p: Phone) -> dict[str, Any]:
    return {
        "contact_id": contact_id,
        "position": position,
        "number": p.number,
        "label": p.label,
        "checked": p.checked,
    }


def tag_values(contact_id: int, tag: str) -> dict[str, Any]:
    return {"contact_id": contact_id, "tag_key": tag.casefold(), "tag": tag}


def text_value(c: Contact, name: str) -> str:
    """A field as text, the way the CSV export and subject access write it."""
    value = getattr(c, name)
    if name == "social":
        return "; ".join(f"{k}={v}" for k, v in sorted(value.items()))
    if name == "do_not_contact":
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    return value or ""


@lru_cache(maxsize=1024)
def _fold_org(organisation: str) -> str:
    return fold(organisation)  # few distinct organisations in one file
