"""Many-row INSERTs at driver speed, still typed and dialect-neutral.

SQLAlchemy's executemany spends about twice SQLite's own time building
parameters row by row. Here the INSERT is compiled once for the session's
dialect, each column's bind processor (dates, JSON, booleans) is looked up
once, and the rows go to the driver's ``executemany`` in one call.

:class:`BulkLoad` tunes a SQLite session for a large load (on any other
database it does nothing).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

# Page cache for a bulk load, in KiB (SQLite's default is 2 MiB): index pages evicted
# mid-load are read back. 16 MiB loads 100,000 contacts as fast as 64 MiB did.
_LOAD_CACHE_KIB = 16 * 1024
_VALUES_ROWS = 1000  # rows per INSERT statement at most


def insert_rows(
    session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """INSERT ``rows`` (tuples in ``columns`` order) into ``table``."""
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    rows = driver_rows(conn, table, columns, rows)
    if dialect.name == "sqlite" and dialect.paramstyle == "qmark":
        for sql, values in values_statements(conn, table.name, columns, rows):
            conn.exec_driver_sql(sql, values)
        return
    compiled = table.insert().compile(dialect=dialect, column_keys=list(columns))
    if compiled.positional:
        order = [columns.index(k) for k in compiled.positiontup or []]
        if order == list(range(len(columns))):
            params: Sequence[Any] = rows
        else:
            params = [tuple(row[i] for i in order) for row in rows]
    else:
        params = [dict(zip(columns, row, strict=True)) for row in rows]
    conn.exec_driver_sql(str(compiled), params)


def variable_limit(conn: Connection) -> int:
    """How many ``?`` one SQLite statement may hold."""
    raw = conn.connection.driver_connection
    return raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) if raw is not None else 999


def driver_rows(
    conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> Sequence[Sequence[Any]]:
    """``rows`` with each column's values converted as SQLAlchemy binds them."""
    processors = [table.c[name].type._cached_bind_processor(conn.dialect) for name in columns]
    if not rows or all(proc is None for proc in processors):
        return rows
    # Column by column: most converted values (dates, flags, an empty JSON object)
    # repeat, so each distinct one is converted once.
    cols = list(zip(*rows, strict=True))
    for i, proc in enumerate(processors):
        if proc is not None:
            cols[i] = _converted(cols[i], proc)
    return list(zip(*cols, strict=True))


Statement = tuple[str, tuple[Any, ...]]


def values_statements(
    conn: Connection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    max_params: int | None = None,
) -> list[Statement]:
    """SQLite: driver-ready ``rows`` as ``INSERT ... VALUES (...), (...)`` statements of
    many rows each. SQLite inserts a statement's rows in one step: a third less work
    than a step per row, and the driver holds the GIL a moment instead of once per row."""
    prep = conn.dialect.identifier_preparer
    names = ", ".join(prep.quote(c) for c in columns)
    head = f"INSERT INTO {prep.quote(table)} ({names}) VALUES "
    group = "(" + ", ".join("?" * len(columns)) + ")"
    limit = max_params or variable_limit(conn)
    per = max(1, min(_VALUES_ROWS, limit // len(columns)))
    return [
        (head + ", ".join([group] * len(part)), tuple(chain.from_iterable(part)))
        for part in (rows[i : i + per] for i in range(0, len(rows), per))
    ]


def _converted(values: Sequence[Any], proc: Callable[[Any], Any]) -> list[Any]:
    """``proc`` of each value (None stays None), each distinct value converted once."""
    try:
        memo = {v: proc(v) for v in set(values) if v is not None}
    except TypeError:  # JSON: not hashable, but an empty object or list is the same every time
        empty = {dict: proc({}), list: proc([])}
        return [
            None if v is None else empty[type(v)] if not v and type(v) in empty else proc(v)
            for v in values
        ]
    return [memo.get(v) for v in values]


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
        self._cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
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
