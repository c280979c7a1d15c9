"""Many-row INSERTs at driver speed, still typed and dialect-neutral.

SQLAlchemy's executemany spends about twice SQLite's own time building
parameters row by row. Here the INSERT is compiled once for the session's
dialect, each column's bind processor (dates, JSON, booleans) is looked up
once, and the rows go to the driver's ``executemany`` in one call.

:class:`BulkLoad` tunes a SQLite session for a large load (on any other
database it does nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

# Page cache for a bulk load, in KiB (SQLite's default is 2 MiB): a 100,000-contact
# import touches ~130 MB of pages, and index pages evicted mid-load are read back.
_LOAD_CACHE_KIB = 64 * 1024


def insert_rows(
    session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """INSERT ``rows`` (tuples in ``columns`` order) into ``table``."""
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    compiled = table.insert().compile(dialect=dialect, column_keys=list(columns))
    processors = [table.c[name].type._cached_bind_processor(dialect) for name in columns]
    if any(proc is not None for proc in processors):
        # Column by column: most converted values (dates, flags, an empty JSON object)
        # repeat, so each distinct one is converted once.
        cols = list(zip(*rows, strict=True))
        for i, proc in enumerate(processors):
            if proc is not None:
                cols[i] = _converted(cols[i], proc)
        rows = list(zip(*cols, strict=True))
    if compiled.positional:
        order = [columns.index(k) for k in compiled.positiontup or []]
        if order == list(range(len(columns))):
            params: list[Any] = [tuple(row) for row in rows]
        else:
            params = [tuple(row[i] for i in order) for row in rows]
    else:
        params = [dict(zip(columns, row, strict=True)) for row in rows]
    conn.exec_driver_sql(str(compiled), params)


def _converted(values: Sequence[Any], proc: Callable[[Any], Any]) -> list[Any]:
    memo: dict[Any, Any] = {None: None}
    out = []
    for value in values:
        try:
            out.append(memo[value])
        except KeyError:
            memo[value] = converted = proc(value)
            out.append(converted)
        except TypeError:  # not hashable (JSON)
            out.append(proc(value) if value else _empty(value, proc, memo))
    return out


def _empty(value: Any, proc: Callable[[Any], Any], memo: dict[Any, Any]) -> Any:
    """An empty JSON object or list, converted once."""
    key = ("empty", type(value))
    if key not in memo:
        memo[key] = proc(value)
    return memo[key]


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
