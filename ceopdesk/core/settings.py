"""Settings that belong to the data (organisation, press office, contact block)."""

from __future__ import annotations

import re
from dataclasses import asdict, fields

from sqlalchemy.orm import Session

from . import audit
from .domain import ContactBlock, Settings
from .errors import UserError
from .models import Setting
from .store import Store

PREFIX_RE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")


def load(store: Store) -> Settings:
    with store.read_session() as s:
        return load_in(s)


def load_in(session: Session) -> Settings:
    defaults = Settings()
    values = {row.key: row.value for row in session.query(Setting)}
    kwargs = {}
    for f in fields(Settings):
        if f.name not in values:
            continue
        value = values[f.name]
        if f.name == "contact":
            value = contact_block(value)
        kwargs[f.name] = value
    return Settings(**{**asdict(defaults), "contact": defaults.contact, **kwargs})


def save(store: Store, settings: Settings, user: str | None = None) -> None:
    prefix = settings.reference_prefix.strip().upper()
    if not PREFIX_RE.match(prefix):
        raise UserError(
            "The reference prefix must be 2 to 12 capital letters or digits, starting with a letter."
        )
    if not settings.press_office_name.strip():
        raise UserError(
            "The press office name cannot be empty: it is the author of every Word file."
        )
    settings.reference_prefix = prefix
    with store.session() as s:
        for f in fields(Settings):
            value = getattr(settings, f.name)
            if isinstance(value, ContactBlock):
                value = asdict(value)
            s.merge(Setting(key=f.name, value=value))
        audit.record(s, "settings.save", "settings", None, user)


def contact_block(value: object) -> ContactBlock:
    """The stored contact block, with only the fields a ContactBlock has."""
    if not isinstance(value, dict):
        return ContactBlock()
    known = {f.name for f in fields(ContactBlock)}
    return ContactBlock(**{k: v for k, v in value.items() if k in known})
