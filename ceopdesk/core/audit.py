"""The audit trail: what changed, when, and by which user name."""

from __future__ import annotations

import getpass
import os

from sqlalchemy import select
from sqlalchemy.orm import Session

from .domain import AuditEvent
from .models import AuditRow
from .store import Store


def current_user() -> str:
    """The name recorded in the audit trail when no other name is given."""
    name = os.environ.get("CEOPDESK_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def record(
    session: Session, action: str, entity: str, detail: str | None = None, user: str | None = None
) -> None:
    """Add an audit event inside the caller's unit of work, so it commits or fails with it."""
    session.add(AuditRow(action=action, entity=entity, detail=detail, user=user or current_user()))


def events_for(store: Store, entity: str) -> list[AuditEvent]:
    with store.read_session() as s:
        rows = s.scalars(select(AuditRow).where(AuditRow.entity == entity).order_by(AuditRow.id))
        return [AuditEvent(r.at, r.user, r.action, r.entity, r.detail) for r in rows]


def forget_entity(session: Session, entity: str) -> None:
    """Remove every audit event about an entity (used when a person is erased)."""
    for row in session.scalars(select(AuditRow).where(AuditRow.entity == entity)):
        session.delete(row)


def last_change(session: Session, entity: str) -> tuple[str | None, str | None]:
    """Who last changed an entity and when (UK time, "10:42" today or "21 Jun 10:42")."""
    row = session.scalar(
        select(AuditRow).where(AuditRow.entity == entity).order_by(AuditRow.id.desc()).limit(1)
    )
    if row is None:
        return None, None
    from datetime import datetime
    from zoneinfo import ZoneInfo

    local = row.at.astimezone(ZoneInfo("Europe/London"))
    today = datetime.now(ZoneInfo("Europe/London")).date()
    when = f"{local:%H:%M}" if local.date() == today else f"{local:%-d %b %H:%M}"
    return row.user, when
