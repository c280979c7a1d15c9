"""The approval workflow: draft -> in_review -> approved -> issued; withdrawn from any.

The rules live here and nowhere else: the CLI and the GUI ask ``check`` whether
a move is allowed (and why not) and call ``set_status`` to make it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import audit
from ..domain import STATUS_LABELS, Release
from ..errors import UserError
from ..models import AuditRow, ReleaseRow, utcnow
from ..store import Store
from . import versions
from .completeness import incomplete_reason
from .service import get, get_row, to_domain

if TYPE_CHECKING:
    from ..checks.submission import Gate

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

# The moves that fix a content version (with the export), and the "why" each records.
VERSION_EVENTS = {
    "in_review": "submitted",
    "approved": "approved by {who}",
    "issued": "issued",
}

LABELS = STATUS_LABELS  # the name the UI imports


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
    if target in ("in_review", "approved", "issued"):
        doing = {"in_review": "submitted for approval", "approved": "approved", "issued": "issued"}[
            target
        ]
        return incomplete_reason(release, doing)
    return None


def _was_issued(session: Session, row: ReleaseRow) -> bool:
    return any(v.status == "issued" for v in row.versions)


def was_issued(store: Store, reference: str) -> bool:
    """Whether the release ever went out (a withdrawn one that was issued stays closed)."""
    with store.read_session() as s:
        return _was_issued(s, get_row(s, reference))


def approvers(store: Store) -> list[str]:
    """Everyone recorded as an approver before, most recent first (for completing the name)."""
    with store.read_session() as s:
        rows = s.execute(
            select(AuditRow.user, func.max(AuditRow.id))
            .where(AuditRow.action == "release.approved")
            .where(AuditRow.user.is_not(None))
            .group_by(AuditRow.user)
            .order_by(func.max(AuditRow.id).desc())
        ).all()
        return [user for user, _ in rows if user and user.strip()]


def allowed_moves(store: Store, reference: str) -> dict[str, str | None]:
    """Every status a release could move to, with None or the reason it cannot."""
    with store.read_session() as s:
        row = get_row(s, reference)
        release = to_domain(s, row)
        was_issued = _was_issued(s, row)
        return {t: check(release, t, was_issued) for t in LABELS if t != release.status}


def set_status(
    store: Store,
    reference: str,
    target: str,
    user: str | None = None,
    note: str | None = None,
    legal_reasons: Mapping[str, str] | None = None,
) -> Release:
    """Move a release along the workflow; ``user`` is the approver for approvals.

    Submitting runs the checks first (``core/checks/submission.py``): ``legal_reasons``
    holds the reason for each legal warning overridden.
    """
    checked = _submission_gate(store, reference, legal_reasons) if target == "in_review" else None
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
        detail += checked.audit_detail() if checked else ""
        audit.record(s, f"release.{target}", f"release:{reference}", detail, who)
        if target in VERSION_EVENTS:
            why = VERSION_EVENTS[target].format(who=who)
            versions.record(s, row, why + (checked.version_note() if checked else ""), who)
        return to_domain(s, row)


def _submission_gate(
    store: Store, reference: str, reasons: Mapping[str, str] | None
) -> Gate | None:
    from ..checks.submission import gate

    release = get(store, reference)
    if check(release, "in_review"):
        return None  # the move itself is refused, with its own reason
    return gate(store, release, reasons)
