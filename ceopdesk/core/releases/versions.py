"""Content versions of a release: numbered by what it says, not by how often it went out.

A version is an immutable snapshot (the ``ceopdesk.release/1`` JSON, with each
boilerplate note pinned to the version of the text it showed).  A new number
is taken only when the content changed since the last version *and* the
release is exported, submitted, approved or issued; the same content exported
again, or approved as it was submitted, keeps its number and the event is
added to that version's "why".  So the DRAFT header's "version 3" means one
text, whoever sent it and however often.

Content is what a reader of the document sees: everything in the release JSON
but its status and tags, with boilerplate notes as the title and text shown.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import audit
from ..domain import STATUSES, QuoteSection, Release, ReleaseVersion
from ..errors import UserError
from ..models import BoilerplateRow, BoilerplateVersionRow, ReleaseRow, ReleaseVersionRow, utcnow
from ..richtext import parse_markdown
from ..store import Store
from ..textdiff import DiffRun, diff_words, is_unchanged
from .interchange import parse_release, release_to_json
from .service import get_row, to_domain

_REASON_LIMIT = 200  # the column's width


# -- content ------------------------------------------------------------------


def content_of(release: Release) -> dict[str, Any]:
    """The parts of a release a reader sees, as plain JSON values."""
    data = release_to_json(release)
    for key in ("format", "status", "tags"):
        data.pop(key, None)
    data["notes"] = [{"title": n.title, "text": n.text} for n in release.notes]
    return data


def content_hash(release: Release) -> str:
    """A SHA-256 of the content: equal for equal content, whatever the status or tags."""
    canonical = json.dumps(content_of(release), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _snapshot_json(row: ReleaseRow, release: Release) -> dict[str, Any]:
    data = release_to_json(release)
    for item, n in zip(data["notes"], row.notes, strict=True):
        if n.boilerplate is not None:
            shown = n.version if (n.pinned and n.version) else n.boilerplate.versions[-1].number
            item["version"] = shown
    return data


def release_of(session: Session, snapshot: dict[str, Any]) -> Release:
    """The release a snapshot holds, boilerplate notes filled with the text they showed."""
    release = parse_release(snapshot, "the stored version", STATUSES)
    for note in release.notes:
        if not note.boilerplate:
            continue
        stmt = (
            select(BoilerplateVersionRow)
            .join(BoilerplateRow)
            .where(BoilerplateRow.key == note.boilerplate)
            .order_by(BoilerplateVersionRow.number)
        )
        rows = list(session.scalars(stmt))
        chosen = next((v for v in rows if v.number == note.version), rows[-1] if rows else None)
        if chosen is not None:
            note.title, note.text = chosen.title, chosen.text
            note.version = note.latest_version = chosen.number
    return release


# -- recording ----------------------------------------------------------------


def record(session: Session, row: ReleaseRow, why: str, user: str | None) -> int:
    """The content version the release is at after ``why`` happened; made if new.

    Called inside the caller's unit of work when the release is exported,
    submitted, approved or issued.
    """
    session.flush()
    release = to_domain(session, row)
    digest = content_hash(release)
    who = user or audit.current_user()
    last = row.versions[-1] if row.versions else None
    if last is not None and content_hash(release_of(session, last.snapshot)) == digest:
        last.reason = _joined(last.reason, why)
        last.status = row.status
        session.flush()
        return last.number
    number = (last.number if last is not None else 0) + 1
    row.versions.append(
        ReleaseVersionRow(
            number=number,
            status=row.status,
            reason=why,
            by=who,
            created=utcnow(),
            snapshot=_snapshot_json(row, release),
        )
    )
    session.flush()
    return number


def _joined(reason: str, why: str) -> str:
    """Add an event to a version's reasons; when too long, the oldest after the first go."""
    parts = [p for p in reason.split("; ") if p]
    if parts and parts[-1] == why:
        return reason
    parts.append(why)
    while len("; ".join(parts)) > _REASON_LIMIT and len(parts) > 2:
        parts = [parts[0], "…", *parts[2 + (parts[1] == "…") :]]
    return "; ".join(parts)[:_REASON_LIMIT]


def current(session: Session, row: ReleaseRow) -> tuple[int | None, str]:
    """(number of the version the content is at, or None if changed since; content hash)."""
    digest = content_hash(to_domain(session, row))
    last = row.versions[-1] if row.versions else None
    if last is not None and content_hash(release_of(session, last.snapshot)) == digest:
        return last.number, digest
    return None, digest


def export_number(store: Store, release: Release) -> int:
    """The version an export of ``release`` (as a form shows it, saved or not) would carry:
    the last version's number when its content is the same, else the next one."""
    digest = content_hash(release)
    with store.read_session() as s:
        row = get_row(s, release.reference)
        last = row.versions[-1] if row.versions else None
        if last is not None and content_hash(release_of(s, last.snapshot)) == digest:
            return last.number
        return (last.number if last is not None else 0) + 1


def current_version(store: Store, reference: str) -> int | None:
    """The version number the release's content is at, None if changed since the last one."""
    with store.read_session() as s:
        return current(s, get_row(s, reference))[0]


# -- reading ------------------------------------------------------------------


def list_versions(store: Store, reference: str) -> list[ReleaseVersion]:
    with store.read_session() as s:
        row = get_row(s, reference)
        rows = s.scalars(
            select(ReleaseVersionRow)
            .where(ReleaseVersionRow.release_id == row.id)
            .order_by(ReleaseVersionRow.number)
        )
        return [
            ReleaseVersion(v.number, v.status, v.reason, v.created, v.by, v.snapshot)  # type: ignore[arg-type]
            for v in rows
        ]


def get_version(store: Store, reference: str, number: int) -> Release:
    """The content of version ``number`` as a release (boilerplate text as it was)."""
    with store.read_session() as s:
        return release_of(s, _version_row(s, get_row(s, reference), number).snapshot)


def _version_row(session: Session, row: ReleaseRow, number: int) -> ReleaseVersionRow:
    found = next((v for v in row.versions if v.number == number), None)
    if found is None:
        have = f"1 to {row.versions[-1].number}" if row.versions else "none yet"
        raise UserError(f"{row.reference} has no version {number} (versions: {have}).")
    return found


# -- differences --------------------------------------------------------------


@dataclass(frozen=True)
class PartDiff:
    """One part of a release compared between two versions."""

    part: str  # as in the release JSON: headline, sections[1], notes[0], contact, …
    label: str  # as a person reads it: "Headline", "Quote 2 (Peter Davies)"
    before: str
    after: str
    runs: list[DiffRun]

    @property
    def changed(self) -> bool:
        return not is_unchanged(self.runs)


def readable(markdown: str) -> str:
    """Stored Markdown as a person reads it: bullets as •, numbers counted, no ** or *."""
    lines: list[str] = []
    counts = [0, 0]
    previous = ""
    for block in parse_markdown(markdown, headings=True, tables=True):
        level = min(block.level, 1)
        if block.kind == "number":
            counts[level] += 1
            counts[1] = counts[1] if level else 0
        elif level == 0:
            counts = [0, 0]
        marker = {"bullet": "• ", "number": f"{counts[level]}. "}.get(block.kind, "")
        text = "   " * level + marker + block.text
        same_list = block.is_list and (level > 0 or previous == block.kind)
        lines.append(("\n" if same_list else "\n\n" if lines else "") + text)
        previous = block.kind if block.is_list and level == 0 else previous if level else ""
    return "".join(lines)


def part_texts(release: Release) -> list[tuple[str, str, str]]:
    """(part, label, text) for every part a reader sees, in document order (text as stored)."""
    parts: list[tuple[str, str, str]] = [
        ("headline", "Headline", release.headline),
        ("subheadline", "Sub-headline", release.subheadline or ""),
        ("standfirst", "Standfirst", release.standfirst),
        ("place", "Place", release.place or ""),
        ("release_date", "Date", release.release_date.isoformat() if release.release_date else ""),
        ("embargo", "Embargo", release.embargo.isoformat() if release.embargo else ""),
    ]
    for i, s in enumerate(release.sections):
        if isinstance(s, QuoteSection):
            who = ", ".join(p for p in (s.speaker, s.role or "") if p)
            parts.append((f"sections[{i}]", f"Section {i + 1}: quote", f"{who}\n\n{s.text}"))
        else:
            parts.append((f"sections[{i}]", f"Section {i + 1}", s.text))
    for i, n in enumerate(release.notes):
        parts.append((f"notes[{i}]", f"Note {i + 1}", f"{n.title}\n\n{n.text}".strip()))
    c = release.contact
    contact = (
        ""
        if c is None
        else "\n".join(v for v in (c.name, c.phone, c.out_of_hours, c.email, c.web) if v)
    )
    parts.append(("contact", "Contact", contact))
    return parts


def compare_releases(old: Release, new: Release) -> list[PartDiff]:
    """Every part present in either release, with its word-level differences as read."""
    before = {p: (label, readable(text)) for p, label, text in part_texts(old)}
    after = {p: (label, readable(text)) for p, label, text in part_texts(new)}
    order = [p for p, _, _ in part_texts(old)]
    order += [p for p, _, _ in part_texts(new) if p not in before]
    result = []
    for part in order:
        label, old_text = before.get(part, after.get(part, ("", "")))
        new_label, new_text = after.get(part, (label, ""))
        result.append(
            PartDiff(part, new_label or label, old_text, new_text, diff_words(old_text, new_text))
        )
    return result


def diff(store: Store, reference: str, a: int, b: int) -> list[PartDiff]:
    """The parts that differ between versions ``a`` and ``b``."""
    with store.read_session() as s:
        row = get_row(s, reference)
        old = release_of(s, _version_row(s, row, a).snapshot)
        new = release_of(s, _version_row(s, row, b).snapshot)
    return [d for d in compare_releases(old, new) if d.changed]


# -- restoring ----------------------------------------------------------------


def restore(store: Store, reference: str, number: int, user: str | None = None) -> Release:
    """Put the content of version ``number`` back into the release as a draft.

    Status, tags and approval follow the rules of any edit: an approved
    release goes back to draft; an issued or withdrawn one cannot be edited.
    """
    from .service import update

    with store.read_session() as s:
        row = get_row(s, reference)
        old = release_of(s, _version_row(s, row, number).snapshot)
        present = to_domain(s, row)
    old.reference, old.status, old.tags = present.reference, present.status, present.tags
    for note in old.notes:
        # A boilerplate note comes back following its library text again, as it
        # would if it had just been added; its old words are in the version.
        note.version = None
    return update(store, old, user)
