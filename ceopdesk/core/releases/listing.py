"""The lists of releases and of boilerplate notes, read with the standard library's ``sqlite3``.

One implementation each for the app's pages and ``ceopdesk release list`` /
``ceopdesk boilerplate list``. It imports
no SQLAlchemy: on the command line that import alone costs about three times what Python
and ``sqlite3`` need to list the same store (see ``core/store.py``). The SQL here is plain
and portable; the full-text part stays in ``search.py``. Keep these reads few and small:
everything else reads through the services' sessions.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from ..domain import Boilerplate, ReleaseSummary, as_status
from ..store import Store
from . import search

_COLUMNS = "SELECT id, reference, headline, status, embargo, release_date, updated FROM release"


def list_releases(
    store: Store, status: str | None = None, query: str | None = None
) -> list[ReleaseSummary]:
    """Newest first; with ``query``, full-text matches best first."""
    with store.read_connection() as conn:
        ids = search.search_release_ids(conn, query) if query else None
        where, params = _filter(status, ids)
        if ids is None:
            rows = conn.execute(f"{_COLUMNS}{where} ORDER BY updated DESC", params).fetchall()
        else:
            rank = {i: n for n, i in enumerate(ids)}
            rows = sorted(conn.execute(f"{_COLUMNS}{where}", params), key=lambda r: rank[r[0]])
    return [_summary(r) for r in rows]


def list_boilerplate(store: Store) -> list[Boilerplate]:
    """Every boilerplate note at its latest version, by key."""
    with store.read_connection() as conn:
        rows = conn.execute(
            "SELECT b.key, v.title, v.text, v.number, b.updated FROM boilerplate b "
            "JOIN boilerplate_version v ON v.boilerplate_id = b.id AND v.number = "
            "(SELECT max(number) FROM boilerplate_version WHERE boilerplate_id = b.id) "
            "ORDER BY b.key"
        ).fetchall()
    return [
        Boilerplate(k, title, text, n, _instant(u) if u else None) for k, title, text, n, u in rows
    ]


def _filter(status: str | None, ids: list[int] | None) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if status:
        clauses.append("status = ?")
        params.append(status)
    if ids is not None:
        clauses.append(f"id IN ({', '.join('?' * len(ids))})" if ids else "0")
        params += ids
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _summary(row: tuple) -> ReleaseSummary:
    id_, reference, headline, status, embargo, release_date, updated = row
    return ReleaseSummary(
        id_,
        reference,
        headline,
        as_status(status),
        _instant(embargo) if embargo else None,
        date.fromisoformat(release_date) if release_date else None,
        _instant(updated),
    )


def _instant(stored: str) -> datetime:
    """An instant as the models store it (naive UTC text, ``UTCDateTime``), made aware."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)
