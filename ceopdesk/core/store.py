"""The Store: the one object that owns the database engine.

Services receive a Store and open short sessions with ``store.session()``;
nothing keeps a session between calls.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from .errors import StoreBusy, StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _sqlite_engine(
    path: Path, foreign_keys: bool, pooled: bool = True, busy_ms: int = 5000
) -> Engine:
    kwargs = {} if pooled else {"poolclass": NullPool}
    engine = create_engine(f"sqlite:///{path}", **kwargs)

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
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # Writers take the write lock up front, so two writers queue instead of one
        # failing half-way; readers never take it, so a long import blocks no reader.
        if conn.get_execution_options().get("ceopdesk_read"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


# Alembic is imported only where a schema is read or changed: a normal start never needs it.


def alembic_config(connection=None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w]+|None)['\"]?", re.M)


@functools.cache
def head_revision() -> str | None:
    """The newest migration's id, read from the migration files without importing Alembic."""
    revisions: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((k, v) for k, v in _REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            revisions[found["revision"]] = None if down in (None, "None") else down
    parents = set(revisions.values())
    heads = [rev for rev in revisions if rev not in parents]
    return heads[0] if len(heads) == 1 else None


class Store:
    """An open ceopdesk store file, migrated to the current schema."""

    def __init__(self, path: str | Path, busy_timeout_ms: int = 5000) -> None:
        self.path = Path(path)
        if not self.path.parent.exists():
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"Cannot create the folder for the store {self.path.parent}: {exc.strerror}."
                ) from exc
        self._migrate()
        self.engine = _sqlite_engine(self.path, foreign_keys=True, busy_ms=busy_timeout_ms)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._readers = sessionmaker(
            self.engine.execution_options(ceopdesk_read=True), expire_on_commit=False
        )

    # -- sessions -----------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short unit of work: committed if the block succeeds, rolled back if not."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            if "locked" in str(exc.orig) or "busy" in str(exc.orig):
                raise StoreBusy(
                    "The store is busy with another task (an import or a second copy of "
                    "ceopdesk); nothing was changed — try again in a moment."
                ) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A unit of work that only reads: it never waits for, or holds, the write lock."""
        session = self._readers()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    # -- schema -------------------------------------------------------------
    def _migrate(self) -> None:
        if self._is_current():
            return
        self._upgrade()

    def _is_current(self) -> bool:
        """True when the file is already at the newest schema.

        Checked with plain sqlite3 so that a normal start never imports Alembic
        (a third of start-up time); anything unusual goes the full way.
        """
        if not self.path.exists():
            return False
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            try:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            finally:
                conn.close()
        except sqlite3.Error:
            return False
        return row is not None and row[0] == head_revision()

    def _upgrade(self) -> None:
        from alembic import command
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory
        from alembic.util.exc import CommandError

        # Foreign keys must be off while tables are rebuilt in batch mode; they
        # are checked as a whole afterwards instead.
        engine = _sqlite_engine(self.path, foreign_keys=False, pooled=False)
        script = ScriptDirectory.from_config(alembic_config())
        try:
            with engine.connect() as conn:
                current = MigrationContext.configure(conn).get_current_revision()
                conn.rollback()
                if current is not None:
                    try:
                        script.get_revision(current)
                    except CommandError:
                        raise StoreError(
                            f"The store {self.path} was written by a newer version of "
                            "ceopdesk; install that version to open it."
                        ) from None
                if current != script.get_current_head():
                    command.upgrade(alembic_config(conn), "head")
                    conn.commit()
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    conn.rollback()
                    if problems:
                        raise StoreError(
                            f"The store {self.path} has broken links between tables "
                            f"after upgrading (table {problems[0][0]})."
                        )
        except DatabaseError as exc:
            raise StoreError(
                f"{self.path} is not a ceopdesk store or is damaged ({_reason(exc)})."
            ) from exc
        finally:
            engine.dispose()

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()

    # -- maintenance --------------------------------------------------------
    def integrity_problems(self) -> list[str]:
        """SQLite's own integrity and foreign-key checks, as sentences."""
        problems: list[str] = []
        with self.engine.connect() as conn:
            for (row,) in conn.execute(text("PRAGMA integrity_check")):
                if row != "ok":
                    problems.append(f"Integrity: {row}")
            for table, rowid, parent, _fk in conn.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"Row {rowid} of table {table} points to a missing {parent}.")
        return problems

    def backup_to(self, target: Path) -> None:
        """Copy the live store with SQLite's online backup API (safe while in use)."""
        raw = self.engine.raw_connection()
        try:
            dest = sqlite3.connect(str(target))
            try:
                raw.driver_connection.backup(dest)  # type: ignore[union-attr]
            finally:
                dest.close()
        finally:
            raw.close()

    def checkpoint(self) -> None:
        """Fold the WAL back into the main file (used after erasing personal data)."""
        # Outside any transaction: SQLite refuses to checkpoint inside one.
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
        finally:
            raw.close()


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip().rstrip(".")


__all__ = ["Store", "StoreBusy", "StoreError"]
