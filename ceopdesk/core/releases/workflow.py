"""The approval workflow: draft -> in_review -> approved -> issued; withdrawn from any.

The rules live here and nowhere else: the CLI and the GUI ask ``check`` whether
a move is allowed (and why not) and call ``set_status`` to make it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import audit
from ..domain import Release, ReleaseVersion, Settings
from ..errors import UserError
from ..models import ReleaseRow, ReleaseVersionRow, utcnow
from ..settings import load_in as load_settings
from ..store import Store
from .service import get_row, snapshot, to_domain

T = TypeVar("T")

# Allowed moves, with the words a person sees for each.
TRANSITIONS: dict[tuple[str, str], str] = {
    ("draft", "in_review"): "Submit for approval",
    ("in_review", "approved"): "Record approval",
    ("in_review", "draft"): "Reopen as draft",
    ("approved", "issued"): "Mark issued",
    ("approved", "draft"): "Reopen as draft",
    ("withdrawn", "draft"): "Reopen as draft",
    ("draft", "withdrawn"): "Withdraw",
    ("in_review", "withdrawn"): "Withdraw",
    ("approved", "withdrawn"): "Withdraw",
    ("issued", "withdrawn"): "Withdraw",
}

LABELS = {
    "draft": "Draft",
    "in_review": "In review",
    "approved": "Approved",
    "issued": "Issued",
    "withdrawn": "Withdrawn",
}


def check(release: Release, target: str, was_issued: bool = False) -> str | None:
    """None when the move is allowed, else the reason it is not, as a sentence."""
    current = release.status
    if target not in LABELS:
        return f'"{target}" is not a status (use one of {", ".join(LABELS)}).'
    if current == target:
        return f"{release.reference} is already {LABELS[current].lower()}."
    if (current, target) not in TRANSITIONS:
        hint = {
            "approved": "only a release in review can be approved; submit it for approval first",
            "issued": "only an approved release can be issued",
            "in_review": "only a draft can be submitted for approval",
            "draft": "an issued release is read-only; it can only be withdrawn",
        }.get(target, "that step is not part of the workflow")
        return f"{release.reference} is {LABELS[current].lower()}: {hint}."
    if current == "withdrawn" and target == "draft" and was_issued:
        return f"{release.reference} was issued before it was withdrawn, so it cannot be reopened."
    if target == "approved" and not release.headline.strip():
        return f"{release.reference} needs a headline before it can be approved."
    return None


def _was_issued(session: Session, row: ReleaseRow) -> bool:
    return any(v.status == "issued" for v in row.versions)


def allowed_moves(store: Store, reference: str) -> dict[str, str | None]:
    """Every status a release could move to, with None or the reason it cannot."""
    with store.read_session() as s:
        row = get_row(s, reference)
        release = to_domain(s, row)
        was_issued = _was_issued(s, row)
        return {t: check(release, t, was_issued) for t in LABELS if t != release.status}


def set_status(store: Store, reference: str, target: str, user: str | None = None,
               note: str | None = None) -> Release:  # fmt: skip
    """Move a release along the workflow; ``user`` is the approver for approvals."""
    with store.session() as s:
        row = get_row(s, reference)
        release = to_domain(s, row)
        reason = check(release, target, _was_issued(s, row))
        if reason:
            raise UserError(reason)
        who = (user or "").strip() or audit.current_user()
        previous = row.status
        row.status = target
        row.updated = utcnow()
        if target == "approved":
            row.approved_by, row.approved_at, row.approval_note = who, utcnow(), note
            for n in row.notes:
                if n.boilerplate is not None:
                    n.version, n.pinned = n.boilerplate.versions[-1].number, True
        elif target == "draft":
            row.approved_by = row.approved_at = row.approval_note = None
            for n in row.notes:
                n.pinned = False
        detail = f"{previous} -> {target}" + (f": {note}" if note else "")
        audit.record(s, f"release.{target}", f"release:{reference}", detail, who)
        snapshot(s, row, f"status: {LABELS[target].lower()}", who)
        return to_domain(s, row)


def record_export(store: Store, reference: str, write: Callable[[Release, Settings, int], T],
                  user: str | None = None) -> tuple[T, int]:  # fmt: skip
    """Snapshot the release as exported and call ``write(release, settings, version)``.

    The writer runs inside the same unit of work: if it fails, no version or
    audit line is left behind for a file that was never written.
    """
    with store.session() as s:
        row = get_row(s, reference)
        number = snapshot(s, row, "exported", user)
        result = write(to_domain(s, row), load_settings(s), number)
        audit.record(s, "release.export", f"release:{reference}", f"version {number}", user)
        return result, number


def versions(store: Store, reference: str) -> list[ReleaseVersion]:
    with store.read_session() as s:
        row = get_row(s, reference)
        rows = s.scalars(
            select(ReleaseVersionRow).where(ReleaseVersionRow.release_id == row.id)
            .order_by(ReleaseVersionRow.number)
        )  # fmt: skip
        return [
            ReleaseVersion(v.number, v.status, v.reason, v.created, v.by, v.snapshot)  # type: ignore[arg-type]
            for v in rows
        ]
