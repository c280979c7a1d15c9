"""Reading many contacts: counts, windows of table rows, id lists, ranked search.

Made for a ``QAbstractTableModel`` over 100,000 contacts::

    n = query.count_contacts(store, flt)                       # rowCount()
    rows = query.fetch_summaries(store, flt, "name", False, offset=400, limit=200)

fetched in blocks of ~200 as the view scrolls (cache them by block number).
Or fetch every id once (:func:`contact_ids`, ~100k ints) and then rows by id
(:func:`summaries_by_id`); that keeps rows stable while the store changes.
Every sort order except ``job_title`` walks an index, so a window costs the
same near the top or bottom of the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.sql.elements import ColumnElement

from ..errors import UserError
from ..store import Store
from . import search as fts
from .domain import SORT_KEYS, Contact, ContactFilter, ContactSummary, SortKey
from .models import ContactRow, ContactTagRow, DistributionListRow, ListMemberRow
from .records import load_contacts, load_summaries

_INDEXED = ("name", "organisation", "updated", "id")
_SORT_COLUMNS = {
    "name": ContactRow.sort_name,
    "organisation": ContactRow.sort_org,
    "job_title": ContactRow.job_title,
    "kind": ContactRow.kind,
    "updated": ContactRow.updated,
    "created": ContactRow.created,
    "id": ContactRow.id,
}


def conditions(flt: ContactFilter, walk: bool = False) -> list[ColumnElement[bool]]:
    """The WHERE parts for a filter (shared with exports).

    ``walk``: many contacts match the text, so the database should walk the
    sort index and test each row ("id + 0" keeps it from driving the query
    from the list of matches and then sorting them all)."""
    where: list[ColumnElement[bool]] = []
    if flt.text.strip():
        ids = fts.matching_ids(flt.text)
        if ids is None:  # only punctuation typed: match nothing rather than everything
            where.append(ContactRow.id.is_(None))
        elif walk:
            where.append((ContactRow.id + 0).in_(ids))
        else:
            where.append(ContactRow.id.in_(ids))
    if flt.tag:
        where.append(
            ContactRow.id.in_(
                select(ContactTagRow.contact_id).where(
                    ContactTagRow.tag_key == flt.tag.strip().casefold()
                )
            )
        )
    if flt.list_name:
        where.append(
            ContactRow.id.in_(
                select(ListMemberRow.contact_id)
                .join(DistributionListRow, DistributionListRow.id == ListMemberRow.list_id)
                .where(DistributionListRow.name_key == flt.list_name.strip().casefold())
            )
        )
    if flt.kind:
        where.append(ContactRow.kind == flt.kind)
    if not flt.include_do_not_contact:
        where.append(ContactRow.do_not_contact.is_(False))
    if flt.ids is not None:
        where.append(ContactRow.id.in_(list(flt.ids)))
    return where


def ordered_ids(
    flt: ContactFilter, sort: SortKey = "name", descending: bool = False, walk: bool = False
) -> Select:
    """``SELECT contact.id`` for a filter in a sort order (id breaks ties)."""
    if sort not in _SORT_COLUMNS:
        raise UserError(
            f"Contacts cannot be sorted by '{sort}' (use one of {', '.join(SORT_KEYS)})."
        )
    column = _SORT_COLUMNS[sort]
    order: tuple[Any, ...] = (
        (column.desc(), ContactRow.id.desc()) if descending else (column, ContactRow.id)
    )
    if sort == "id":
        order = order[:1]
    return select(ContactRow.id).where(*conditions(flt, walk)).order_by(*order)


def count_contacts(store: Store, flt: ContactFilter | None = None) -> int:
    """How many contacts a filter selects (the table's row count)."""
    flt = flt or ContactFilter()
    with store.read_session() as s:
        if flt.text.strip() and flt == ContactFilter(text=flt.text):
            return fts.count_matches(s, flt.text)  # text only: the index alone can count
        return int(s.scalar(select(func.count(ContactRow.id)).where(*conditions(flt))) or 0)


def fetch_summaries(
    store: Store,
    flt: ContactFilter | None = None,
    sort: SortKey = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[ContactSummary]:
    """One window of table rows: rows ``offset`` .. ``offset + limit - 1`` in the sort order."""
    flt = flt or ContactFilter()
    with store.read_session() as s:
        walk = _walk(s, flt, sort)
        ids = list(s.scalars(ordered_ids(flt, sort, descending, walk).offset(offset).limit(limit)))
        return load_summaries(s, ids)


def contact_ids(
    store: Store, flt: ContactFilter | None = None, sort: SortKey = "name", descending: bool = False
) -> list[int]:
    """Every selected id in the sort order (cheap: 100,000 ids in well under a second)."""
    flt = flt or ContactFilter()
    with store.read_session() as s:
        return list(s.scalars(ordered_ids(flt, sort, descending, _walk(s, flt, sort))))


def _walk(session, flt: ContactFilter, sort: str) -> bool:
    return sort in _INDEXED and bool(flt.text.strip()) and fts.walk_index(session, flt.text)


def summaries_by_id(store: Store, ids: Sequence[int]) -> list[ContactSummary]:
    """Table rows for these ids, in the order given."""
    with store.read_session() as s:
        return load_summaries(s, list(ids))


def search_contacts(store: Store, text: str, limit: int = 50) -> list[Contact]:
    """Full contacts matching what was typed, best match first (at most ``limit``)."""
    with store.read_session() as s:
        return load_contacts(s, fts.ranked_ids(s, text, limit))


def search_summaries(store: Store, text: str, limit: int = 50) -> list[ContactSummary]:
    """Like :func:`search_contacts` but table rows, for a quick-find popup."""
    with store.read_session() as s:
        return load_summaries(s, fts.ranked_ids(s, text, limit))


@dataclass
class QuickResult:
    rows: list[ContactSummary]
    total: int  # how many contacts match in all
    ranked: bool  # True: best match first; False: too many matches to rank, by name


def quick_search(store: Store, text: str, limit: int = 50) -> QuickResult:
    """Search as you type: the first ``limit`` rows and the match count, in < 30 ms at 100k."""
    with store.read_session() as s:
        ids, total = fts.quick_ids(s, text, limit)
        return QuickResult(load_summaries(s, ids), total, total <= fts.RANK_LIMIT)
