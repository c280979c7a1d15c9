"""Erasure fingerprints: a person erased stays erased after a restore or an import.

Erasing a person records, per identifier, a keyed hash (HMAC-SHA256 with a random
key kept with the store) of their e-mail addresses, phone numbers and name, and the
date: enough to recognise them again, not to read who they were. The list lives in
the store (setting ``erasures``) and in a private file beside it
(``<store>.erasures``), so a restored backup from before the erasure, or a damaged
store, does not lose it. ``reapply`` erases every contact a fingerprint matches:

- one of their e-mail addresses was the erased person's, or
- a phone number *and* the name match (a news desk's number alone is shared), or
- the erased person had neither, and the name matches someone who has neither.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import secrets
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..atomic import atomic_write
from ..errors import UserError
from ..models import Setting
from ..store import Store
from .domain import Contact
from .models import ContactEmailRow, ContactPhoneRow, ContactRow

SETTING = "erasures"
Register = dict[str, Any]  # {"keys": {id: key-hex}, "people": [fingerprint, ...]}


def sidecar(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".erasures")


def _digest(key: str, kind: str, value: str) -> str:
    return hmac.new(bytes.fromhex(key), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:32]


def _name(given: str, family: str, display: str) -> str:
    full = f"{given} {family}".strip() or display
    return " ".join(full.casefold().split())


def empty() -> Register:
    return {"keys": {}, "people": []}


def merged(*registers: Register | None) -> Register:
    out = empty()
    seen: set[str] = set()
    for reg in registers:
        if not reg:
            continue
        out["keys"].update(reg.get("keys", {}))
        for person in reg.get("people", []):
            ident = json.dumps(person, sort_keys=True)
            if ident not in seen:
                seen.add(ident)
                out["people"].append(person)
    return out


def load(session: Session, db_path: Path) -> Register:
    """The store's register united with the file beside it."""
    row = session.get(Setting, SETTING)
    stored = row.value if row is not None and isinstance(row.value, dict) else None
    return merged(stored, read_sidecar(db_path))


def read_sidecar(db_path: Path) -> Register | None:
    try:
        data = json.loads(sidecar(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def save(session: Session, db_path: Path, register: Register) -> None:
    session.merge(Setting(key=SETTING, value=register))
    write_sidecar(db_path, register)


def write_sidecar(db_path: Path, register: Register) -> None:
    # The store's copy is the one that counts: a file that cannot be written is no error.
    with (
        contextlib.suppress(OSError, ValueError, UserError),
        atomic_write(sidecar(db_path), newline="\n", private=True) as fh,
    ):
        json.dump(register, fh)


def record(session: Session, db_path: Path, person: Contact) -> None:
    """Add the fingerprint of a person being erased (inside the erasing session)."""
    register = load(session, db_path)
    if not register["keys"]:
        key = secrets.token_hex(32)
        register["keys"][hashlib.sha256(key.encode()).hexdigest()[:8]] = key
    key_id, key = next(iter(register["keys"].items()))
    register["people"].append(
        {
            "key": key_id,
            "date": date.today().isoformat(),
            "emails": sorted(
                {_digest(key, "e", e.address.strip().casefold()) for e in person.emails}
            ),
            "phones": sorted({_digest(key, "p", p.number) for p in person.phones}),
            "name": _digest(
                key,
                "n",
                _name(person.given_name, person.family_name, person.display_name or person.name),
            ),
        }
    )
    save(session, db_path, register)


def matches(session: Session, register: Register) -> list[int]:
    """Ids of the contacts that a recorded erasure matches."""
    if not register["people"]:
        return []
    emails: dict[int, list[str]] = {}
    phones: dict[int, list[str]] = {}
    for cid, address in session.execute(
        select(ContactEmailRow.contact_id, ContactEmailRow.address)
    ):
        emails.setdefault(cid, []).append(address.strip().casefold())
    for cid, number in session.execute(select(ContactPhoneRow.contact_id, ContactPhoneRow.number)):
        phones.setdefault(cid, []).append(number)
    found: set[int] = set()
    for key_id, key in register["keys"].items():
        people = [p for p in register["people"] if p.get("key") == key_id]
        if not people:
            continue
        erased_emails = {h for p in people for h in p["emails"]}
        for cid, values in emails.items():
            if any(_digest(key, "e", v) in erased_emails for v in values):
                found.add(cid)
        by_name = {(p["name"], h) for p in people for h in p["phones"]}
        lone = {p["name"] for p in people if not p["emails"] and not p["phones"]}
        rows = session.execute(
            select(
                ContactRow.id,
                ContactRow.given_name,
                ContactRow.family_name,
                ContactRow.display_name,
            )
        )
        for cid, given, family, display in rows:
            if cid in found:
                continue
            name = _digest(key, "n", _name(given, family, display))
            shared_phone = any((name, _digest(key, "p", n)) in by_name for n in phones.get(cid, []))
            nothing_else = name in lone and cid not in emails and cid not in phones
            if shared_phone or nothing_else:
                found.add(cid)
    return sorted(found)


def reapply(store: Store, dry_run: bool = False) -> int:
    """Erase again everyone a recorded erasure matches; how many people that was."""
    from .privacy import erase

    with store.session() as s:
        register = load(s, store.path)
        if register["people"]:
            save(s, store.path, register)  # the store keeps what the file beside it knew
        ids = matches(s, register)
    if not dry_run:
        for cid in ids:
            erase(store, cid, fingerprint=False)
    return len(ids)


def count(store: Store) -> int:
    with store.read_session() as s:
        return len(load(s, store.path)["people"])


def copies_holding(store: Store, person: Contact) -> list[str]:
    """The backups and contact exports made since ``person`` was added, which may hold them.

    Said before an erasure and listed in the subject-access export: the store is
    cleaned, these copies are not (a restored backup erases them again; an
    exported file has to be deleted by whoever keeps it).
    """
    from ..audit import events_for
    from ..backup import list_backups

    since = person.created or datetime.min.replace(tzinfo=UTC)
    copies = [
        f"the backup of {b.when_text} ({b.path})"
        for b in list_backups(store.path)
        if b.when.astimezone() >= since
    ]
    for event in events_for(store, "contacts"):
        if event.action == "contacts.export" and event.at >= since:
            where = (event.detail or "").rpartition("(")[2].rstrip(")") or "a file"
            copies.append(f"the contacts export {where} of {event.at.astimezone():%d %B %Y %H:%M}")
    return copies


def copies_sentence(copies: list[str]) -> str:
    return (
        f"Older copies may still hold them: {'; '.join(copies)}. Restoring a backup erases them "
        "again; delete exported files yourself."
    )
