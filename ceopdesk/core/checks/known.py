"""People the store knows, so their names are not reported as misspellings:
contacts, and everyone who has spoken in a release."""

from __future__ import annotations

import re

from sqlalchemy import or_, select

from ..contacts.models import ContactRow
from ..domain import Release
from ..models import SectionRow
from ..store import Store
from .finding import release_parts

_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")


def known_people(store: Store, release: Release) -> frozenset[str]:
    """Words of the release that are the given or family name of a contact or a speaker."""
    words = {w for p in release_parts(release) for w in _CAPITALISED.findall(p.text)}
    if not words:
        return frozenset()
    folded = list({w.casefold() for w in words})[:900]  # SQLite's limit on bound values
    with store.read_session() as s:
        found: set[str] = set()
        rows = s.execute(
            select(ContactRow.given_name, ContactRow.family_name).where(
                or_(ContactRow.given_name.in_(words), ContactRow.family_name.in_(words))
            )
        )
        for given, family in rows:
            found.update(w for w in (given, family) if w)
        for (speaker,) in s.execute(
            select(SectionRow.speaker).where(SectionRow.speaker.is_not(None))
        ):
            found.update(w for w in (speaker or "").split() if w.casefold() in folded)
    return frozenset(found)
