"""Distribution lists: named sets of contacts. Names are unique whatever their case."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.orm import Session

from .. import audit
from ..errors import UserError
from ..models import utcnow
from ..store import Store
from .domain import DistributionList
from .models import ContactRow, DistributionListRow, ListMemberRow
from .normalise import clean


def _entity(list_id: int) -> str:
    return f"contact-list:{list_id}"


def all_lists(store: Store) -> list[DistributionList]:
    with store.read_session() as s:
        return _lists(s)


def _lists(session: Session, name_key: str | None = None) -> list[DistributionList]:
    counts = dict(
        session.execute(
            select(ListMemberRow.list_id, func.count()).group_by(ListMemberRow.list_id)
        ).all()
    )
    stmt = select(DistributionListRow).order_by(DistributionListRow.name_key)
    if name_key is not None:
        stmt = stmt.where(DistributionListRow.name_key == name_key)
    return [
        DistributionList(r.id, r.name, r.description, counts.get(r.id, 0), r.updated)
        for r in session.scalars(stmt)
    ]


def get_list(store: Store, name: str) -> DistributionList:
    with store.read_session() as s:
        found = _lists(s, clean(name).casefold())
    if not found:
        raise UserError(f"There is no distribution list called '{clean(name)}'.")
    return found[0]


def create_list(
    store: Store, name: str, description: str = "", user: str | None = None
) -> DistributionList:
    name = clean(name)[:200]
    if not name:
        raise UserError("A distribution list needs a name.")
    with store.session() as s:
        if s.scalar(
            select(DistributionListRow.id).where(DistributionListRow.name_key == name.casefold())
        ):
            raise UserError(f"There is already a distribution list called '{name}'.")
        row = DistributionListRow(
            name=name, name_key=name.casefold(), description=clean(description)
        )
        s.add(row)
        s.flush()
        audit.record(s, "list.create", _entity(row.id), f"created list '{name}'", user)
        return _lists(s, name.casefold())[0]


def rename_list(
    store: Store, name: str, new_name: str, description: str | None = None, user: str | None = None
) -> DistributionList:
    new_name = clean(new_name)[:200]
    if not new_name:
        raise UserError("A distribution list needs a name.")
    with store.session() as s:
        row = _row(s, name)
        clash = s.scalar(
            select(DistributionListRow.id).where(
                DistributionListRow.name_key == new_name.casefold()
            )
        )
        if clash is not None and clash != row.id:
            raise UserError(f"There is already a distribution list called '{new_name}'.")
        row.name, row.name_key = new_name, new_name.casefold()
        if description is not None:
            row.description = clean(description)
        row.updated = utcnow()
        audit.record(s, "list.rename", _entity(row.id), f"renamed to '{new_name}'", user)
        s.flush()
        return _lists(s, new_name.casefold())[0]


def delete_list(store: Store, name: str, user: str | None = None) -> None:
    """Delete a list (its members stay in the contact list)."""
    with store.session() as s:
        row = _row(s, name)
        audit.record(s, "list.delete", _entity(row.id), f"deleted list '{row.name}'", user)
        s.delete(row)


def add_members(store: Store, name: str, ids: Iterable[int], user: str | None = None) -> int:
    """Put contacts on a list; returns how many were not on it already."""
    id_list = sorted(set(ids))
    with store.session() as s:
        row = _row(s, name)
        known = set(s.scalars(select(ContactRow.id).where(ContactRow.id.in_(id_list))))
        missing = [i for i in id_list if i not in known]
        if missing:
            raise UserError(f"There is no contact #{missing[0]}.")
        on = set(
            s.scalars(
                select(ListMemberRow.contact_id).where(
                    ListMemberRow.list_id == row.id, ListMemberRow.contact_id.in_(id_list)
                )
            )
        )
        new = [i for i in id_list if i not in on]
        s.add_all(ListMemberRow(list_id=row.id, contact_id=i) for i in new)
        if new:
            row.updated = utcnow()
            audit.record(s, "list.add", _entity(row.id), _ids_detail("added", new), user)
    return len(new)


def remove_members(store: Store, name: str, ids: Iterable[int], user: str | None = None) -> int:
    """Take contacts off a list; returns how many were on it."""
    id_list = sorted(set(ids))
    with store.session() as s:
        row = _row(s, name)
        result = s.execute(
            delete(ListMemberRow).where(
                ListMemberRow.list_id == row.id, ListMemberRow.contact_id.in_(id_list)
            )
        )
        gone = cast("CursorResult[Any]", result).rowcount  # a DELETE's result has a row count
        if gone:
            row.updated = utcnow()
            audit.record(s, "list.remove", _entity(row.id), _ids_detail("removed", id_list), user)
    return int(gone or 0)


def _row(session: Session, name: str) -> DistributionListRow:
    row = session.scalar(
        select(DistributionListRow).where(DistributionListRow.name_key == clean(name).casefold())
    )
    if row is None:
        raise UserError(f"There is no distribution list called '{clean(name)}'.")
    return row


def _ids_detail(verb: str, ids: list[int]) -> str:
    shown = ", ".join(f"#{i}" for i in ids[:20])
    more = f" and {len(ids) - 20} more" if len(ids) > 20 else ""
    return f"{verb} {shown}{more}"
