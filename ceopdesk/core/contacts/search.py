"""The contact search index: SQLite FTS5, and the only SQLite-specific SQL for contacts.

``contact_fts`` (made by migration 0003) holds one row per contact, its rowid
being the contact id. The services call :func:`reindex` / :func:`unindex` in
the same session as every change, so the index commits or rolls back with the
data it describes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause

# bm25 weights, in column order: names, organisation, title, emails, phones, tags, notes,
# places (address and city).
_WEIGHTS = "10.0, 4.0, 2.0, 5.0, 3.0, 3.0, 1.0, 2.0"
_CHUNK = 500
_DIGIT_GAPS = re.compile(r"(?<=\d)[ \-.()]+(?=\(?\d)")


def match_expression(query: str) -> str | None:
    """The FTS5 query for what a user typed: every word, as a prefix, must match.

    Words are quoted, so FTS5 syntax in the input ("AND", "*", quotes, "NEAR(")
    is taken literally; a word of punctuation only is dropped. None = no words.
    """
    # "020 7946 0018" is one number: the index holds phones without spaces.
    query = _DIGIT_GAPS.sub("", query)
    terms = []
    for word in query.split():
        if not any(ch.isalnum() for ch in word):
            continue
        terms.append('"' + word.replace('"', '""') + '"*')
    return " ".join(terms) if terms else None


def walk_index(session: Session, query: str) -> bool:
    """Whether a window of rows matching ``query`` is cheaper read by walking a sort
    index (many matches) than by sorting the matches (few)."""
    return count_matches(session, query) > RANK_LIMIT


def matching_ids(query: str) -> TextClause | None:
    """A ``SELECT rowid`` for use in ``ContactRow.id.in_(...)``; None when nothing to match."""
    expr = match_expression(query)
    if expr is None:
        return None
    return text("SELECT rowid FROM contact_fts WHERE contact_fts MATCH :fts_q").bindparams(
        fts_q=expr
    )


def ranked_ids(session: Session, query: str, limit: int) -> list[int]:
    """Contact ids for a search, best match first (bm25), at most ``limit``."""
    expr = match_expression(query)
    if expr is None:
        return []
    sql = text(
        f"SELECT rowid FROM contact_fts WHERE contact_fts MATCH :q "
        f"ORDER BY bm25(contact_fts, {_WEIGHTS}) LIMIT :n"
    )
    return [r[0] for r in session.execute(sql, {"q": expr, "n": limit})]


# Ranking by bm25 costs per matching row; past this many matches the query is
# still being typed ("c", "jo") and results are shown by name instead.
RANK_LIMIT = 2500


def count_matches(session: Session, query: str) -> int:
    """How many contacts match (FTS only: a few ms even when everyone matches)."""
    expr = match_expression(query)
    if expr is None:
        return 0
    sql = text("SELECT count(*) FROM contact_fts WHERE contact_fts MATCH :q")
    return int(session.execute(sql, {"q": expr}).scalar_one())


def quick_ids(session: Session, query: str, limit: int) -> tuple[list[int], int]:
    """Ids for search-as-you-type and the number of matches, within a keystroke's budget.

    Few matches: best first (bm25, whose cost grows with the matches). Many: the
    first ``limit`` by name, walking the name index.
    """
    expr = match_expression(query)
    if expr is None:
        return [], 0
    total = count_matches(session, query)
    if total == 0:
        return [], 0
    if total <= RANK_LIMIT:
        return ranked_ids(session, query, limit), total
    # "id + 0": walk the name index, testing each row against the list of matches
    # (probing the search index row by row instead costs milliseconds a row).
    sql = text(
        "SELECT id FROM contact WHERE id + 0 IN (SELECT rowid FROM contact_fts "
        "WHERE contact_fts MATCH :q) ORDER BY sort_name, id LIMIT :n"
    )
    return [r[0] for r in session.execute(sql, {"q": expr, "n": limit})], total


# One index row per contact, built by SQLite from the tables (no Python per row).
# Phones are indexed as their digits, and UK ones also as dialled at home
# ("+442079460018" -> "442079460018 02079460018"); e-mails whole, which the
# tokenizer splits into their parts ("jane", "doe", "bbc", "co", "uk").
_INDEX_SELECT = """
INSERT INTO contact_fts(rowid, names, organisation, title, emails, phones, tags, notes, places)
SELECT c.id,
       trim(c.given_name || ' ' || c.family_name
            || CASE WHEN c.display_name != '' THEN ' ' || c.display_name ELSE '' END),
       c.organisation,
       c.job_title,
       coalesce((SELECT group_concat(e.address, ' ') FROM contact_email e
                 WHERE e.contact_id = c.id), ''),
       coalesce((SELECT group_concat(substr(p.number, 2)
                        || CASE WHEN p.number LIKE '+44%' THEN ' 0' || substr(p.number, 4)
                           ELSE '' END, ' ')
                 FROM contact_phone p WHERE p.contact_id = c.id), ''),
       coalesce((SELECT group_concat(t.tag, ' ') FROM contact_tag t
                 WHERE t.contact_id = c.id), ''),
       c.notes,
       trim(c.city || ' ' || c.address)
FROM contact c
"""


def index_from(session: Session, first_id: int) -> None:
    """Index every contact from ``first_id`` on (the new ones of an import), in one statement."""
    session.execute(text(_INDEX_SELECT + "WHERE c.id >= :first"), {"first": first_id})


def reindex(session: Session, ids: Iterable[int]) -> None:
    """Rebuild the index rows of these contacts from the tables (after any change)."""
    id_list = sorted(set(ids))
    session.flush()
    for start in range(0, len(id_list), _CHUNK):
        chunk = id_list[start : start + _CHUNK]
        unindex(session, chunk)
        session.execute(
            text(_INDEX_SELECT + "WHERE c.id IN :ids").bindparams(bindparam("ids", expanding=True)),
            {"ids": chunk},
        )


def unindex(session: Session, ids: Iterable[int]) -> None:
    """Remove these contacts from the index (erase, merge)."""
    id_list = list(ids)
    for start in range(0, len(id_list), _CHUNK):
        session.execute(
            text("DELETE FROM contact_fts WHERE rowid IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": id_list[start : start + _CHUNK]},
        )


def purge(session: Session) -> None:
    """Merge the index into one segment, so deleted rows leave no trace in the file.

    FTS5 marks deletions in new segments and keeps old ones until a merge; after
    an erasure the old segments must go, and ``secure_delete`` zeroes their pages.
    """
    session.execute(text("INSERT INTO contact_fts(contact_fts) VALUES ('optimize')"))


def rebuild(session: Session) -> int:
    """Re-create the whole index from the tables (repair tool). Returns the row count."""
    session.execute(text("DELETE FROM contact_fts"))
    session.execute(text(_INDEX_SELECT))
    purge(session)
    return indexed_count(session)


def indexed_count(session: Session) -> int:
    return int(session.execute(text("SELECT count(*) FROM contact_fts")).scalar_one())
