"""The Store: the one object that owns the database engine.

Services receive a Store and open short sessions with ``store.session()``;
nothing keeps a session between calls.

Opening a store imports no SQLAlchemy: importing it costs about three times what Python
and ``sqlite3`` need to list the releases of a 2,000-release store (114 ms of a 435 ms
``ceopdesk release list``, with the ORM another 54 ms). The engine is made on the first
session, and the listings read through ``store.read_connection()`` (plain ``sqlite3``).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from . import paths
from .app_lock import app_holding
from .errors import StaleWrite, StoreBusy, StoreError
from .failures import as_storage_error
from .schema import alembic_config, head_revision

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from .backup import BackupInfo


class Store:
    """An open ceopdesk store file, migrated to the current schema.

    ``verify`` runs SQLite's ``quick_check`` on opening (about 56 ms on a 39 MB store):
    the app does at start and every command that writes does, so damage is found before
    anything is added to it (backups, imports and restores verify their files too). A
    command that only reads passes ``verify=False``: a damaged page it reads still fails
    as a sentence (``failure``), and it changes nothing either way.
    """

    def __init__(
        self,
        path: str | Path,
        busy_timeout_ms: int = 5000,
        create_folder: bool = False,
        backup_before_upgrade: bool = True,
        verify: bool = True,
        create: bool = True,
    ) -> None:
        self.path = Path(path)
        self._create = create
        self._busy_ms = busy_timeout_ms
        self._backup_before_upgrade = backup_before_upgrade
        self._engine: Engine | None = None
        # The ``changes.tracking`` blocks open on each thread (the UI's write helper's).
        self.change_trackers = threading.local()
        self._engine_lock = threading.Lock()  # the app's worker threads may race to make it
        self._prepare_file(create_folder)
        self._check_and_migrate(verify)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) on first use."""
        with self._engine_lock:
            if self._engine is None:
                from sqlalchemy.orm import sessionmaker

                from . import changes, identity
                from .engine import sqlite_engine

                engine = sqlite_engine(self.path, foreign_keys=True, busy_ms=self._busy_ms)
                self._sessions: sessionmaker[Session] = sessionmaker(
                    engine,
                    expire_on_commit=False,
                    info={"change_trackers": self.change_trackers},
                )
                identity.install(self._sessions)
                changes.install(self._sessions, self.change_trackers)
                self._readers: sessionmaker[Session] = sessionmaker(
                    engine.execution_options(ceopdesk_read=True), expire_on_commit=False
                )
                self._engine = engine
            return self._engine

    def _prepare_file(self, create_folder: bool) -> None:
        """Refuse what is not a store to be; create a new one owner-only."""
        folder = self.path.parent
        if not folder.exists():
            if not create_folder:
                raise StoreError(
                    f"The folder {folder} does not exist; check the path, or create the folder "
                    "first if a new store should live there."
                )
            try:
                paths.private_folder(folder)
            except OSError as exc:
                raise StoreError(
                    f"Cannot create the folder for the store {folder}: {exc.strerror}."
                ) from exc
        elif not folder.is_dir():
            raise StoreError(f"{folder} is a file, not a folder; check the store's path.")
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder; give the store's file name.")
        if self.path.exists():
            wal = self.path.with_name(self.path.name + "-wal")
            if self.path.stat().st_size == 0 and not (wal.exists() and wal.stat().st_size):
                raise StoreError(
                    f"{self.path} is an empty file, not a ceopdesk store; it was left as it is. "
                    "Choose another file, or delete this one to start a new store there."
                )
            for f in paths.store_files(self.path):
                paths.make_private(f)
            return
        from .backup import newest_good_backup

        kept = newest_good_backup(self.path)
        if kept is not None:
            raise StoreDamaged(
                f"The store {self.path} is missing, but its backups are kept.", None, kept
            )
        if not self._create:
            raise StoreError(
                f"There is no store at {self.path}; check the file name "
                "(`ceopdesk demo` makes a store with the sample library)."
            )
        try:
            # A new store is the owner's only; SQLite gives its -wal and -shm the same mode.
            os.close(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, paths.PRIVATE_FILE))
        except FileExistsError:
            pass
        except OSError as exc:
            raise as_storage_error(exc, self.path) or StoreError(
                f"Cannot create the store {self.path}: {exc.strerror}."
            ) from None

    # -- sessions -----------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short unit of work: committed if the block succeeds, rolled back if not."""
        from sqlalchemy.exc import DatabaseError
        from sqlalchemy.orm.exc import StaleDataError

        _ = self.engine
        session = self._sessions()
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            # Another writer's UPDATE reached the row between our read and our write (a
            # server that does not serialise writers): refused, as a stale write is.
            session.rollback()
            raise StaleWrite("A record", None, -1) from exc
        except DatabaseError as exc:
            session.rollback()
            raise self.failure(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A unit of work that only reads: it never waits for, or holds, the write lock."""
        from sqlalchemy.exc import DatabaseError

        _ = self.engine
        session = self._readers()
        try:
            yield session
        except DatabaseError as exc:
            raise self.failure(exc) from exc
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def read_connection(self) -> Iterator[sqlite3.Connection]:
        """A read-only ``sqlite3`` connection in one read transaction, for the listings.

        The standard library's driver, not SQLAlchemy: a command-line listing would
        otherwise spend most of its time importing SQLAlchemy (see the module's note).
        Read-only and in WAL mode, it neither waits for nor blocks a writer, and sees one
        snapshot of the store from its first read to the end of the block. Keep the SQL
        for it in the few read modules that use it (``releases/listing.py``).
        """
        try:
            conn = sqlite3.connect(paths.read_only_uri(self.path), uri=True, isolation_level=None)
        except sqlite3.Error as exc:
            raise self.failure(exc) from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self._busy_ms)}")
            conn.execute("BEGIN")
            yield conn
        except sqlite3.Error as exc:
            raise self.failure(exc) from exc
        finally:
            conn.close()

    def change_marks(self) -> dict[str, int]:
        """Each kind of data's change mark: a watcher compares two readings (``changes.py``)."""
        with self.read_connection() as conn:
            return {
                kind: int(mark)
                for kind, mark in conn.execute("SELECT kind, mark FROM store_change")
            }

    def snapshot(self, reason: str, min_minutes: float = 0) -> BackupInfo | None:
        """A verified safety copy before risky work (an import, a merge, ...), if anything
        changed since the last one (none if the newest is younger than ``min_minutes``).

        Services ask the store for one and never copy files themselves: how a copy is made
        is the back-end's business (SQLite's online backup API here). Best effort: None
        when no copy was needed or one could not be made (logged).
        """
        from .backup import auto_backup

        return auto_backup(self.path, reason, min_minutes=min_minutes)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def failure(self, exc: Exception) -> Exception:
        """The sentence for a database error: busy, disk, damage; the error itself if a bug.

        ``exc`` is SQLite's own error or SQLAlchemy's wrapper of it (which keeps it as ``orig``).
        """
        orig = getattr(exc, "orig", exc)
        reason = str(orig)
        if isinstance(orig, sqlite3.OperationalError) and ("locked" in reason or "busy" in reason):
            return StoreBusy(
                "The store is busy with another task (an import or a second copy of "
                "ceopdesk); nothing was changed — try again in a moment."
            )
        storage = as_storage_error(exc, self.path)
        if storage is not None:
            return storage
        if "malformed" in reason or "not a database" in reason:
            return StoreError(
                f"The store {self.path} is damaged ({reason}); nothing was changed. Close "
                "ceopdesk and open it again, or run `ceopdesk check`, to be offered the newest "
                "good backup."
            )
        return exc

    # -- schema -------------------------------------------------------------
    def _check_and_migrate(self, verify: bool) -> None:
        revision = self._schema_revision(verify)
        if revision == head_revision():
            return
        if revision is not None and self._backup_before_upgrade:
            from .backup import make_backup

            make_backup(self.path, "before-upgrade")
        self._upgrade()

    def _schema_revision(self, verify: bool) -> str | None:
        """The schema revision, after SQLite's quick_check if ``verify``; damage is handled here.

        Plain sqlite3, so that opening a store at the newest schema imports neither Alembic
        nor SQLAlchemy. A brand-new (empty) file has no revision.
        """
        try:
            conn = sqlite3.connect(
                paths.read_only_uri(self.path), uri=True, timeout=self._busy_ms / 1000
            )
            try:
                found = [r[0] for r in conn.execute("PRAGMA quick_check(1)")] if verify else ["ok"]
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
                row = (
                    conn.execute("SELECT version_num FROM alembic_version").fetchone()
                    if "alembic_version" in tables
                    else None
                )
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            storage = as_storage_error(exc, self.path)
            if storage is not None:
                raise storage from None
            if "locked" in str(exc) or "busy" in str(exc):
                # Another process holds the store exclusively: busy, not damaged, and no
                # upgrade may be tried on a store whose revision could not be read.
                raise self.failure(exc) from None
            if "not a database" in str(exc) or "malformed" in str(exc):
                self._damaged(str(exc))
            return None  # let the full way report it
        if found != ["ok"]:
            self._damaged(_first_problem(found))
        return row[0] if row else None

    def _damaged(self, reason: str) -> None:
        """Set a damaged store aside (never deleted) and point to the newest good backup."""
        from .backup import newest_good_backup

        kept = newest_good_backup(self.path)
        if kept is None:
            raise StoreError(
                f"{self.path} is not a ceopdesk store or is damaged ({reason}), and there is no "
                "backup of it; it was left as it is."
            )
        holder = app_holding(self.path, ignore_own=True)
        if holder is not None:
            raise StoreError(
                f"The store {self.path} is damaged ({reason}) and ceopdesk has it open "
                f"({holder}); close the app, then open the store again."
            )
        aside = _set_aside(self.path)
        raise StoreDamaged(
            f"The store {self.path} is damaged ({reason}); it was kept as {aside.name}.",
            aside,
            kept,
        )

    def _upgrade(self) -> None:
        from alembic import command
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory
        from alembic.util.exc import CommandError
        from sqlalchemy.exc import DatabaseError

        from .engine import sqlite_engine

        # Foreign keys must be off while tables are rebuilt in batch mode; they
        # are checked as a whole afterwards instead.
        engine = sqlite_engine(self.path, foreign_keys=False, pooled=False)
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
        from sqlalchemy import text

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


class StoreDamaged(StoreError):
    """The store is damaged or missing; the newest good backup (if any) is offered."""

    def __init__(self, what: str, damaged: Path | None, backup) -> None:
        # ``what`` happened; the command line adds the command that restores the backup,
        # the app asks instead (its users need not know the command).
        hint = (
            f" The newest good backup is from {backup.when_text}: restore it with "
            f"`ceopdesk restore {backup.path}`."
            if backup is not None
            else ""
        )
        super().__init__(what + hint)
        self.what = what
        self.damaged = damaged
        self.backup = backup


def _first_problem(found: list[str]) -> str:
    """SQLite's first complaint on one line ("*** in database main *** Page 5: ...")."""
    text = " ".join((found[0] if found else "no answer from quick_check").split())
    text = text.replace("*** in database main *** ", "")
    return text if len(text) <= 120 else text[:117] + "..."


def _set_aside(path: Path) -> Path:
    """Rename a damaged store and its WAL to ``NAME.damaged`` (``.damaged-2``, ... if taken)."""
    n = 1
    while True:
        suffix = ".damaged" if n == 1 else f".damaged-{n}"
        aside = path.with_name(path.name + suffix)
        if not any(f.exists() for f in paths.store_files(aside)):
            break
        n += 1
    for src, dst in zip(paths.store_files(path), paths.store_files(aside), strict=True):
        if src.exists():
            os.replace(src, dst)
    return aside


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip().rstrip(".")


__all__ = ["Store", "StoreBusy", "StoreDamaged", "StoreError"]
