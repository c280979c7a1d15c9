"""Releases: create, read, edit, list, search. Status changes live in ``workflow.py``."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import audit
from ..domain import (
    Note,
    QuoteSection,
    Release,
    TextSection,
)
from ..errors import UserError
from ..identity import check_version
from ..models import (
    AuditRow,
    ReleaseNoteRow,
    ReleaseRow,
    SectionRow,
    utcnow,
)
from ..settings import contact_block
from ..settings import load_in as load_settings
from ..store import Store
from . import search
from .boilerplate import get_row as boilerplate_row
from .listing import list_releases as list_releases  # the releases page's and the CLI's list

READ_ONLY = ("issued", "withdrawn")
REFERENCE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$")
# Autosave writes often; one audit line per sitting is enough to say who edited.
EDIT_AUDIT_WINDOW = timedelta(minutes=30)


# -- mapping ------------------------------------------------------------------


def to_domain(session: Session, row: ReleaseRow) -> Release:
    # Written first, so the release handed back carries the version this write made.
    session.flush()
    sections: list[TextSection | QuoteSection] = []
    for s in row.sections:
        if s.type == "quote":
            sections.append(QuoteSection(speaker=s.speaker or "", role=s.role, text=s.text))
        else:
            sections.append(TextSection(text=s.text))
    return Release(
        id=row.id,
        reference=row.reference,
        headline=row.headline,
        subheadline=row.subheadline,
        standfirst=row.standfirst,
        place=row.place,
        release_date=row.release_date,
        embargo=row.embargo,
        status=row.status,  # type: ignore[arg-type]
        sections=sections,
        notes=[_note_domain(session, n) for n in row.notes],
        contact=contact_block(row.contact) if row.contact else None,
        tags=list(row.tags or []),
        author=row.author,
        created=row.created,
        updated=row.updated,
        approved_by=row.approved_by,
        approved_at=row.approved_at,
        approval_note=row.approval_note,
        version_count=len(row.versions),
        uid=str(row.uid) if row.uid is not None else None,
        version=row.version,
    )


def _note_domain(session: Session, n: ReleaseNoteRow) -> Note:
    if n.boilerplate is None:
        return Note(title=n.title or "", text=n.text or "")
    versions = n.boilerplate.versions
    latest = versions[-1]
    shown = latest
    if n.pinned and n.version:
        shown = next((v for v in versions if v.number == n.version), latest)
    return Note(
        title=shown.title,
        text=shown.text,
        boilerplate=n.boilerplate.key,
        version=n.version,
        latest_version=latest.number,
    )


def body_text(release: Release) -> str:
    """Everything a person may search a release for, as one text."""
    parts = [release.subheadline or "", release.standfirst, release.place or ""]
    for s in release.sections:
        if isinstance(s, QuoteSection):
            parts += [s.speaker, s.role or "", s.text]
        else:
            parts.append(s.text)
    for n in release.notes:
        parts += [n.title, n.text]
    parts += release.tags
    return "\n".join(p for p in parts if p)


def _write_parts(session: Session, row: ReleaseRow, release: Release) -> None:
    """Copy the editable fields of ``release`` onto ``row``, as typed however incomplete:
    completeness is checked when the release moves on (``workflow.check``)."""
    row.headline = release.headline.strip()
    row.subheadline = (release.subheadline or "").strip() or None
    row.standfirst = release.standfirst or ""
    row.place = (release.place or "").strip() or None
    row.release_date = release.release_date
    row.embargo = release.embargo
    row.tags = _clean_tags(release.tags)
    row.contact = None
    if release.contact is not None and not release.contact.is_empty():
        row.contact = {
            "name": release.contact.name,
            "phone": release.contact.phone,
            "out_of_hours": release.contact.out_of_hours,
            "email": release.contact.email,
            "web": release.contact.web,
        }
    row.sections.clear()
    for i, s in enumerate(release.sections):
        if isinstance(s, QuoteSection):
            row.sections.append(
                SectionRow(
                    position=i, type="quote", text=s.text, speaker=s.speaker.strip(), role=s.role
                )
            )
        else:
            row.sections.append(SectionRow(position=i, type="text", text=s.text))
    previous = {n.boilerplate.key: n for n in row.notes if n.boilerplate is not None}
    row.notes.clear()
    session.flush()
    for i, n in enumerate(release.notes):
        row.notes.append(_note_row(session, i, n, previous.get(n.boilerplate or "")))


def _note_row(
    session: Session, position: int, note: Note, previous: ReleaseNoteRow | None
) -> ReleaseNoteRow:
    if not note.boilerplate:
        return ReleaseNoteRow(position=position, title=note.title.strip(), text=note.text)
    bp = boilerplate_row(session, note.boilerplate)
    latest = bp.versions[-1].number
    version = note.version or (previous.version if previous else None) or latest
    if version > latest:
        raise UserError(
            f'The boilerplate note "{bp.key}" has no version {version} (latest is {latest}).'
        )
    pinned = previous.pinned if previous is not None else False
    return ReleaseNoteRow(position=position, boilerplate=bp, version=version, pinned=pinned)


def _clean_tags(tags: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for t in tags:
        t = " ".join(t.split())
        if t and t.casefold() not in seen:
            seen[t.casefold()] = t
    return list(seen.values())


def reindex(session: Session, row: ReleaseRow) -> None:
    session.flush()
    search.index_release(
        session, row.id, row.reference, row.headline, body_text(to_domain(session, row))
    )


# -- references ---------------------------------------------------------------


def next_reference(session: Session, year: int) -> str:
    prefix = load_settings(session).reference_prefix
    stem = f"{prefix}-{year}-"
    existing = session.scalars(
        select(ReleaseRow.reference).where(ReleaseRow.reference.like(f"{stem}%"))
    )
    numbers = [int(r[len(stem) :]) for r in existing if r[len(stem) :].isdigit()]
    return f"{stem}{max(numbers, default=0) + 1:03d}"


# -- services -----------------------------------------------------------------


def get_row(session: Session, reference: str) -> ReleaseRow:
    row = session.scalar(select(ReleaseRow).where(ReleaseRow.reference == reference))
    if row is None:
        raise UserError(f'There is no release with the reference "{reference}".')
    return row


def get(store: Store, reference: str) -> Release:
    with store.read_session() as s:
        return to_domain(s, get_row(s, reference))


def create_in(session: Session, release: Release, user: str | None) -> ReleaseRow:
    reference = release.reference.strip()
    if reference:
        if not REFERENCE_RE.match(reference):
            raise UserError(f'The reference "{reference}" may hold only letters, digits, - _ . /')
        if session.scalar(select(ReleaseRow.id).where(ReleaseRow.reference == reference)):
            raise UserError(f'A release with the reference "{reference}" already exists.')
    else:
        year = (release.release_date or date.today()).year
        reference = next_reference(session, year)
    row = ReleaseRow(
        reference=reference,
        status=release.status,
        author=release.author or user or audit.current_user(),
        headline="",
    )
    session.add(row)
    _write_parts(session, row, release)
    if release.status in ("approved", "issued"):
        for n in row.notes:
            n.pinned = n.boilerplate is not None
    reindex(session, row)
    audit.record(session, "release.create", f"release:{reference}", row.headline, user)
    return row


def create(store: Store, release: Release, user: str | None = None) -> Release:
    with store.session() as s:
        row = create_in(s, release, user)
        s.flush()
        return to_domain(s, row)


def new_draft(store: Store, headline: str = "Untitled release", user: str | None = None) -> Release:
    """A fresh draft with today's date and the default place, as the editor opens it."""
    with store.session() as s:
        settings = load_settings(s)
        row = create_in(
            s,
            Release(
                reference="",
                headline=headline,
                place=settings.default_place,
                release_date=date.today(),
            ),
            user,
        )
        s.flush()
        return to_domain(s, row)


def update(store: Store, release: Release, user: str | None = None) -> Release:
    """Save the edited fields. Editing an approved release returns it to draft."""
    with store.session() as s:
        return update_in(s, release, user)


def update_in(s: Session, release: Release, user: str | None = None) -> Release:
    """``update`` inside the caller's unit of work."""
    row = get_row(s, release.reference)
    if release.version and release.version != row.version:
        by, at = audit.last_change(s, f"release:{row.reference}")
        check_version(row.reference, release.version, row.version, by, at)
    if row.status in READ_ONLY:
        raise UserError(
            f"{row.reference} is {row.status.replace('_', ' ')} and can no longer be edited."
        )
    _write_parts(s, row, release)
    row.updated = utcnow()
    if row.status == "approved":
        row.status = "draft"
        row.approved_by = row.approved_at = row.approval_note = None
        for n in row.notes:
            n.pinned = False
        audit.record(
            s, "release.approval_voided", f"release:{row.reference}", "edited after approval", user
        )
    _audit_edit(s, row.reference, user)
    reindex(s, row)  # flushes: the version below is the one this write made
    return to_domain(s, row)


def _audit_edit(session: Session, reference: str, user: str | None) -> None:
    who = user or audit.current_user()
    last = session.scalar(
        select(AuditRow)
        .where(AuditRow.entity == f"release:{reference}")
        .order_by(AuditRow.id.desc())
        .limit(1)
    )
    if (
        last
        and last.action == "release.edit"
        and last.user == who
        and utcnow() - last.at < EDIT_AUDIT_WINDOW
    ):
        return
    audit.record(session, "release.edit", f"release:{reference}", None, who)


def take_latest_boilerplate(
    store: Store, reference: str, key: str, user: str | None = None
) -> Release:
    """Acknowledge the newest text of a boilerplate note used by a draft."""
    with store.session() as s:
        row = get_row(s, reference)
        if row.status != "draft":
            raise UserError(f"{reference} is not a draft; reopen it as a draft to take new text.")
        for n in row.notes:
            if n.boilerplate is not None and n.boilerplate.key == key:
                n.version = n.boilerplate.versions[-1].number
                n.pinned = False
        row.updated = utcnow()
        audit.record(s, "release.take_boilerplate", f"release:{reference}", key, user)
        return to_domain(s, row)


def speakers(store: Store) -> list[tuple[str, str | None]]:
    """People quoted before, most used first, for completion in the editor."""
    with store.read_session() as s:
        rows = s.execute(
            select(SectionRow.speaker, SectionRow.role, func.count())
            .where(SectionRow.type == "quote")
            .group_by(SectionRow.speaker, SectionRow.role)
            .order_by(func.count().desc())
        )
        return [(speaker, role) for speaker, role, _ in rows if speaker]


def delete(store: Store, reference: str, user: str | None = None) -> None:
    with store.session() as s:
        row = get_row(s, reference)
        if row.status in ("approved", "issued"):
            raise UserError(f"{reference} is {row.status}; withdraw it instead of deleting it.")
        search.unindex_release(s, row.id)
        s.delete(row)
        audit.record(s, "release.delete", f"release:{reference}", row.headline, user)
