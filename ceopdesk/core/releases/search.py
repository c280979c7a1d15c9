"""Full-text search over releases (SQLite FTS5).

This is the one module with SQLite-only SQL for releases: a shared team store on
another database would swap this module, not the models.
"""

from __future__ import annotations

import re
import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(user_text: str) -> str | None:
    """An FTS5 MATCH expression for what a person typed: every word, as a prefix.

    Each word is quoted, so FTS operators typed by accident (AND, NEAR, quotes,
    colons) are taken as words rather than failing the query.
    """
    words = _TOKEN.findall(user_text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def index_release(
    session: Session, release_id: int, reference: str, headline: str, body: str
) -> None:
    from sqlalchemy import text  # loaded already by the session; searching needs none

    session.execute(text("DELETE FROM release_fts WHERE rowid = :id"), {"id": release_id})
    session.execute(
        text("INSERT INTO release_fts (rowid, reference, headline, body) VALUES (:id, :r, :h, :b)"),
        {"id": release_id, "r": reference, "h": headline, "b": body},
    )


def unindex_release(session: Session, release_id: int) -> None:
    from sqlalchemy import text

    session.execute(text("DELETE FROM release_fts WHERE rowid = :id"), {"id": release_id})


def search_release_ids(
    conn: sqlite3.Connection, user_text: str, limit: int = 500
) -> list[int] | None:
    """Release ids best match first; None when the text holds no searchable word.

    On the store's plain ``sqlite3`` read connection (``Store.read_connection``), like the
    listing that uses it.
    """
    query = fts_query(user_text)
    if query is None:
        return None
    rows = conn.execute(
        "SELECT rowid FROM release_fts WHERE release_fts MATCH :q "
        "ORDER BY bm25(release_fts, 5.0, 3.0, 1.0) LIMIT :n",
        {"q": query, "n": limit},
    )
    return [r[0] for r in rows]
