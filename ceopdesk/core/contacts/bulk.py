"""Large loads: plain ``executemany`` at the driver, and a session tuned for a big load.

:func:`insert_rows` hands SQLite's driver one ``executemany`` per table and
chunk, the values converted by each column's own (public) bind processor, so
SQLAlchemy does not build a parameter dictionary per row (that took three
times SQLite's own time). Any other database gets the same rows through Core.
:class:`BulkLoad` tunes a SQLite session for a large load.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..identity import new_uid

# Page cache for a bulk load, in KiB (SQLite's default is 2 MiB): index pages evicted
# mid-load are read back. 16 MiB loads 100,000 contacts as fast as 64 MiB did.
_LOAD_CACHE_KIB = 16 * 1024


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT ``rows`` (all with the same keys, the column names) into ``table``."""
    if not rows:
        return
    if "uid" in table.c and "uid" not in rows[0]:
        # Plain SQL skips the ORM's defaults: every shared or history row needs its own
        # global id all the same (docs/architecture.md, "Identity").
        rows = [{**row, "uid": new_uid()} for row in rows]
    conn = session.connection()
    dialect = conn.dialect
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark":
        session.execute(table.insert(), rows)
        return
    columns = list(rows[0])
    prep = dialect.identifier_preparer
    sql = (
        f"INSERT INTO {prep.format_table(table)} ({', '.join(prep.quote(c) for c in columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    values = [[row[c] for row in rows] for c in columns]
    for i, name in enumerate(columns):
        proc = table.c[name].type.bind_processor(dialect)
        if proc is not None:
            values[i] = _converted(values[i], proc)
    conn.exec_driver_sql(sql, list(zip(*values, strict=True)))


def _converted(values: list[Any], proc: Callable[[Any], Any]) -> list[Any]:
    """``proc`` of each value (None stays None); each distinct value converted once
    (dates, flags and empty JSON objects repeat)."""
    memo: dict[Any, Any] = {}
    out: list[Any] = []
    for v in values:
        if v is None:
            out.append(None)
            continue
        key = (type(v), v) if not isinstance(v, dict | list) else (type(v), repr(v))
        if key not in memo:
            memo[key] = proc(v)
        out.append(memo[key])
    return out


class BulkLoad:
    """A large load in the session's transaction, on SQLite: a bigger page cache while
    it lasts and, if asked, the tables' non-unique indexes built once at the end (one
    sort each) instead of grown row by row. Unique indexes stay, so constraints hold
    throughout. Only for a load that needs no lookups through those indexes.

    ``end()`` builds the indexes again (in the same transaction) and puts the cache
    back; ``close()`` puts the cache back only (after an error: rolling back the
    transaction restores the indexes).
    """

    def __init__(self, session: Session, tables: Sequence[Table], defer_indexes: bool) -> None:
        self._conn: Connection | None = None
        self._deferred: list[str] = []
        conn = session.connection()
        if conn.dialect.name != "sqlite":
            return
        self._conn = conn
        self._cache = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
        conn.exec_driver_sql(f"PRAGMA cache_size = -{_LOAD_CACHE_KIB}")
        if defer_indexes:
            names = [t.name for t in tables]
            marks = ", ".join("?" * len(names))
            found = conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({marks}) ORDER BY tbl_name, name",
                tuple(names),
            ).all()
            for name, sql in found:
                if not sql.upper().startswith("CREATE UNIQUE"):
                    conn.exec_driver_sql(f'DROP INDEX "{name}"')
                    self._deferred.append(sql)

    def end(self) -> None:
        if self._conn is not None:
            for sql in self._deferred:
                self._conn.exec_driver_sql(sql)
            self._deferred = []
        self.close()

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(self._cache)}")
