"""The SQLAlchemy engine on a store's SQLite file, set up as every store connection needs.

Kept apart from ``store.py`` so that opening a store (and listing from it) imports no
SQLAlchemy: this module is loaded only when the first session is made.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import URL, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool


def sqlite_engine(
    path: Path, foreign_keys: bool, pooled: bool = True, busy_ms: int = 5000
) -> Engine:
    kwargs = {} if pooled else {"poolclass": NullPool}
    # URL.create, not f"sqlite:///{path}": a parsed URL reads a '?' in a folder name as its
    # query and unquotes '%20', silently opening another file.
    engine = create_engine(URL.create("sqlite", database=str(path)), **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # pysqlite's own transaction handling skips DDL and PRAGMAs; take it
        # over so that every SQLAlchemy transaction is a real SQLite one.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA secure_delete = ON")
        cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # Writers take the write lock up front, so two writers queue instead of one
        # failing half-way; readers never take it, so a long import blocks no reader.
        if conn.get_execution_options().get("ceopdesk_read"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
