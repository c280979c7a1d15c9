"""Boilerplate notes to editors: kept in one place, every edit a new immutable version."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import audit
from ..domain import Boilerplate, BoilerplateUse, BoilerplateVersion, as_status
from ..errors import UserError
from ..identity import purging
from ..models import BoilerplateRow, BoilerplateVersionRow, ReleaseNoteRow, ReleaseRow, utcnow
from ..store import Store
from .interchange import KEY_RE, BoilerplateItem
from .listing import list_boilerplate


def _latest(row: BoilerplateRow) -> BoilerplateVersionRow:
    return row.versions[-1]


def _domain(row: BoilerplateRow) -> Boilerplate:
    v = _latest(row)
    return Boilerplate(
        key=row.key, title=v.title, text=v.text, version=v.number, updated=row.updated
    )


def get_row(session: Session, key: str) -> BoilerplateRow:
    row = session.scalar(select(BoilerplateRow).where(BoilerplateRow.key == key))
    if row is None:
        raise UserError(f'There is no boilerplate note with the key "{key}".')
    return row


# The app's pages and the import readers call it by this name; the CLI reads the same function.
list_all = list_boilerplate


def get(store: Store, key: str) -> Boilerplate:
    with store.read_session() as s:
        return _domain(get_row(s, key))


def save_in(session: Session, item: BoilerplateItem, user: str | None) -> str:
    """Create or update one item; returns "added", "updated" or "unchanged"."""
    if not KEY_RE.match(item.key):
        raise UserError(
            f'The key "{item.key}" must be lower-case letters, digits and hyphens, like about-ceop.'
        )
    if not item.title.strip():
        raise UserError(f'The boilerplate note "{item.key}" needs a title.')
    if not item.text.strip():
        raise UserError(f'The boilerplate note "{item.key}" needs some text.')
    row = session.scalar(select(BoilerplateRow).where(BoilerplateRow.key == item.key))
    if row is None:
        row = BoilerplateRow(key=item.key)
        row.versions.append(
            BoilerplateVersionRow(
                number=1,
                title=item.title.strip(),
                text=item.text,
                author=user or audit.current_user(),
            )
        )
        session.add(row)
        audit.record(session, "boilerplate.add", f"boilerplate:{item.key}", "version 1", user)
        return "added"
    latest = _latest(row)
    if latest.title == item.title.strip() and latest.text == item.text:
        return "unchanged"
    number = latest.number + 1
    row.versions.append(
        BoilerplateVersionRow(
            number=number,
            title=item.title.strip(),
            text=item.text,
            author=user or audit.current_user(),
        )
    )
    row.updated = utcnow()
    audit.record(session, "boilerplate.edit", f"boilerplate:{item.key}", f"version {number}", user)
    return "updated"


def save(store: Store, key: str, title: str, text: str, user: str | None = None) -> Boilerplate:
    with store.session() as s:
        save_in(s, BoilerplateItem(key=key, title=title, text=text), user)
        s.flush()
        return _domain(get_row(s, key))


def import_items(
    store: Store, items: list[BoilerplateItem], user: str | None = None
) -> list[tuple[str, str]]:
    """All items or none: (key, outcome) for each."""
    with store.session() as s:
        return [(item.key, save_in(s, item, user)) for item in items]


def versions(store: Store, key: str) -> list[BoilerplateVersion]:
    with store.read_session() as s:
        row = get_row(s, key)
        return [
            BoilerplateVersion(
                key=key, number=v.number, title=v.title, text=v.text, created=v.created, by=v.author
            )
            for v in row.versions
        ]


def usages(store: Store, key: str) -> list[BoilerplateUse]:
    """Releases that use an item, and the version each took."""
    with store.read_session() as s:
        row = get_row(s, key)
        rows = s.execute(
            select(
                ReleaseRow.reference, ReleaseRow.headline, ReleaseRow.status, ReleaseNoteRow.version
            )
            .join(ReleaseNoteRow, ReleaseNoteRow.release_id == ReleaseRow.id)
            .where(ReleaseNoteRow.boilerplate_id == row.id)
            .order_by(ReleaseRow.reference)
        )
        return [
            BoilerplateUse(ref, head, as_status(status), ver) for ref, head, status, ver in rows
        ]


def delete(store: Store, key: str, user: str | None = None) -> None:
    with store.session() as s:
        row = get_row(s, key)
        used = s.scalar(select(func.count()).where(ReleaseNoteRow.boilerplate_id == row.id))
        if used:
            raise UserError(
                f'The boilerplate note "{key}" is used by {used} release(s); '
                "remove it from them first."
            )
        with purging(s):  # an unused item goes with its versions; its tombstone stays
            s.delete(row)
            s.flush()
        audit.record(s, "boilerplate.delete", f"boilerplate:{key}", None, user)
