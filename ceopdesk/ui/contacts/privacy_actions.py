"""Personal data rights from the contacts page: erase a person, export what is held on them."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ceopdesk.core.contacts import erasures, privacy
from ceopdesk.core.contacts.domain import Contact, ErasureReport
from ceopdesk.ui import dialogs
from ceopdesk.ui.operations import CONTACTS, LISTS, StoreOps


def describe(contact: Contact) -> str:
    """ "Zoë Ball (BBC News, zoe@bbc.co.uk)": enough to be sure who is meant."""
    detail = ", ".join(x for x in (contact.organisation, contact.primary_email or "") if x)
    name = contact.name or contact.primary_email or f"contact #{contact.id}"
    return f"{name} ({detail})" if detail and detail != name else name


def erase_message(contact: Contact, copies: list[str] | None = None) -> str:
    held = f"{erasures.copies_sentence(copies)}\n\n" if copies else ""
    return (
        f"Erase {describe(contact)} for good?\n\n"
        "Every detail held on them is deleted from the store, with their history in the "
        "audit trail and their places on distribution lists. This cannot be undone.\n\n"
        f"{held}"
        "Do this for an erasure request; to stop contacting someone, mark them "
        "do not contact instead."
    )


def erase_contact(
    parent: QWidget,
    ops: StoreOps,
    contact: Contact,
    on_erased: Callable[[ErasureReport], None] | None = None,
) -> bool:
    """Ask, then erase through the window's writes. Returns False if the user said no."""
    if contact.id is None:
        return False
    copies = erasures.copies_holding(ops.store, contact)
    if not dialogs.confirm(
        parent, "Erase person", erase_message(contact, copies), "Erase for good"
    ):
        return False
    contact_id = contact.id
    ops.mutate(parent, lambda store: privacy.erase(store, contact_id), {CONTACTS, LISTS}, on_erased)
    return True


def default_file_name(contact: Contact) -> str:
    slug = re.sub(r"[^\w]+", "-", contact.name or f"contact-{contact.id}", flags=re.UNICODE)
    return f"subject-access-{slug.strip('-').lower() or contact.id}.json"


def export_subject_access(
    parent: QWidget, ops: StoreOps, contact: Contact, on_saved: Callable[[Path], None] | None = None
) -> bool:
    """Ask where, then write everything held on the person as JSON. False if cancelled."""
    if contact.id is None:
        return False
    path, _ = QFileDialog.getSaveFileName(
        parent,
        f"Subject access export for {contact.name or 'this contact'}",
        default_file_name(contact),
        "JSON files (*.json)",
    )
    if not path:
        return False
    target = Path(path) if Path(path).suffix else Path(path).with_suffix(".json")
    ref = f"#{contact.id}"

    def done(_data: object) -> None:
        if on_saved is not None:
            on_saved(target)

    # Through the queue: it records in the audit trail what was handed over.
    ops.mutate(parent, lambda store: privacy.write_subject_access(store, ref, target), (), done)
    return True
