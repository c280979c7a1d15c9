"""Many-row INSERTs at driver speed, still typed and dialect-neutral.

SQLAlchemy's executemany spends about twice SQLite's own time building
parameters row by row. Here the INSERT is compiled once for the session's
dialect, each column's bind processor (dates, JSON, booleans) is looked up
once, and the rows go to the driver's ``executemany`` in one call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session


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
