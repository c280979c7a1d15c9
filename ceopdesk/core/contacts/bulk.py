"""Many-row INSERTs at driver speed, still typed and dialect-neutral.

SQLAlchemy's executemany spends about twice SQLite's own time building
parameters row by row. Here the INSERT is compiled once for the session's
dialect, each column's bind processor (dates, JSON, booleans) is looked up
once, and the rows go to the driver's ``executemany`` in one call.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    active = [(i, proc, {}) for i, proc in enumerate(processors) if proc is not None]
    if active:
        converted = []
        for row in rows:
            values = list(row)
            for i, proc, memo in active:
                value = values[i]
                if value is None:
                    continue
                if isinstance(value, dict | list):  # JSON: not hashable, rarely repeated
                    values[i] = proc(value)
                elif value in memo:
                    values[i] = memo[value]
                else:
                    values[i] = memo[value] = proc(value)
            converted.append(values)
    else:
        converted = [list(row) for row in rows]
    if compiled.positional:
        order = [columns.index(k) for k in compiled.positiontup or []]
        if order == list(range(len(columns))):
            params: list[Any] = [tuple(row) for row in converted]
        else:
            params = [tuple(row[i] for i in order) for row in converted]
    else:
        params = [dict(zip(columns, row, strict=True)) for row in converted]
    conn.exec_driver_sql(str(compiled), params)
