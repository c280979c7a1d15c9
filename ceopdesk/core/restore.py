"""Restoring a backup without losing anything committed meanwhile, and without un-erasing.

The order is what makes it safe: the write lock is taken first (a running
import finishes and commits, later writers wait), then the safety copy of the
store as it is is made and verified, then the backup's rows replace the store's
inside that same locked transaction. The backup is first copied aside and
migrated, so one from an older version restores too. The store file itself is
never swapped, so a reader that has it open keeps working. Afterwards every
recorded erasure is applied again.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .app_lock import app_holding
from .atomic import forget_temp_file, note_temp_file
from .backup import BackupInfo, backup_folder, copy_online, make_backup, verify
from .errors import StoreBusy, UserError
from .failures import storage_sentence

WAIT_FOR_WRITERS_MS = 120_000  # a 150,000-contact import takes a while; wait for it


@dataclass(frozen=True)
class RestoreReport:
    source: Path
    safety: BackupInfo | None  # the store as it was (None if there was no store)
    erased_again: int  # people a recorded erasure removed from the restored data

    def sentence(self) -> str:
        parts = [f"Restored from {self.source}."]
        if self.safety is not None:
            parts.append(f"The store as it was is kept in {self.safety.path}.")
        if self.erased_again:
            parts.append(
                f"{self.erased_again} {'person' if self.erased_again == 1 else 'people'} erased "
                "since that backup was made were erased again."
            )
        return " ".join(parts)


def check_backup_file(path: Path) -> None:
    """Refuse, with a sentence, a file that is not a sound ceopdesk store this version can read."""
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    from .store import alembic_config

    if not path.is_file():
        raise UserError(f"{path}: no such file.")
    if path.stat().st_size == 0:
        raise UserError(f"{path} is an empty file, not a ceopdesk backup.")
    try:
        conn = sqlite3.connect(paths.read_only_uri(path), uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            revision = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc):
            raise UserError(f"{path} is damaged ({exc}); choose another backup.") from None
        raise UserError(f"{path} is not a ceopdesk backup (not a SQLite file).") from None
    if "alembic_version" not in tables or "release" not in tables:
        raise UserError(f"{path} is a SQLite file but not a ceopdesk store.")
    try:
        if revision:
            ScriptDirectory.from_config(alembic_config()).get_revision(revision[0])
    except CommandError:
        raise UserError(
            f"{path} was written by a newer version of ceopdesk; install that version to restore it."
        ) from None
    problem = verify(path)
    if problem is not None:
        raise UserError(f"{path} is damaged ({problem}); choose another backup.")


def restore(db_path: Path, source: Path, *, from_app: bool = False) -> RestoreReport:
    """Replace the store's content with the backup ``source`` (see the module doc).

    ``from_app`` is the app's own Backups dialog: its lock on the store is its own.
    """
    from .store import Store

    db_path, source = Path(db_path), Path(source)
    if source.resolve() == db_path.resolve():
        raise UserError("That file is the store itself; choose a backup.")
    holder = app_holding(db_path, ignore_own=from_app)
    if holder is not None:
        raise UserError(
            f"ceopdesk is open on {db_path} ({holder}); close the app first, or restore from "
            "its Backups window (File ▸ Backups…), which closes the store itself."
        )
    check_backup_file(source)
    staged, marker = _stage(db_path, source)
    try:
        if not db_path.exists():
            os.replace(staged, db_path)
            paths.make_private(db_path)
            safety = None
        else:
            safety = _replace_rows(db_path, staged)
    finally:
        with contextlib.suppress(OSError):
            staged.unlink()
        forget_temp_file(marker)
    from .contacts import erasures

    store = Store(db_path)
    try:
        again = erasures.reapply(store)
    finally:
        store.close()
    return RestoreReport(source, safety, again)


def _stage(db_path: Path, source: Path) -> tuple[Path, Path | None]:
    """A private copy of the backup, migrated to this version's schema, and its register mark
    (a restore killed half-way leaves nothing behind: the next start sweeps it)."""
    from .store import Store

    folder = paths.private_folder(backup_folder(db_path))
    staged = folder / f".restore-{os.getpid()}{paths.TEMP_SUFFIX}"
    staged.unlink(missing_ok=True)
    marker = note_temp_file(staged)
    os.close(os.open(staged, os.O_CREAT | os.O_EXCL | os.O_WRONLY, paths.PRIVATE_FILE))
    try:
        src = sqlite3.connect(paths.read_only_uri(source), uri=True)
        try:
            copy_online(src, staged)
        finally:
            src.close()
        Store(staged, backup_before_upgrade=False).close()
    except BaseException:
        staged.unlink(missing_ok=True)
        forget_temp_file(marker)
        raise
    return staged, marker


def _user_tables(conn: sqlite3.Connection, schema: str) -> tuple[list[str], list[str]]:
    """Ordinary tables and full-text tables (not the full-text tables' own storage)."""
    rows = conn.execute(f"SELECT name, sql FROM {schema}.sqlite_master WHERE type = 'table'")
    plain, virtual = [], []
    for name, sql in rows.fetchall():
        if (sql or "").upper().startswith("CREATE VIRTUAL TABLE"):
            virtual.append(name)
        elif not name.startswith("sqlite_") or name == "sqlite_sequence":
            plain.append(name)
    plain = [t for t in plain if not any(t.startswith(v + "_") for v in virtual)]
    return plain, virtual


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def _replace_rows(db_path: Path, staged: Path) -> BackupInfo:
    from .contacts import erasures
    from .identity import named_uid

    conn = sqlite3.connect(str(db_path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {WAIT_FOR_WRITERS_MS}")
        conn.execute("PRAGMA foreign_keys = OFF")  # every table is replaced as a whole
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("ATTACH DATABASE ? AS restored", (str(staged),))
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreBusy(
                f"The store {db_path} stayed busy with another task for two minutes; nothing "
                "was restored. Try again when it has finished."
            ) from exc
        try:
            # Nobody can commit now: the safety copy holds everything committed so far.
            safety = make_backup(db_path, "before-restore")
            known = erasures.merged(_register(conn, "main"), erasures.read_sidecar(db_path))
            marks = dict(conn.execute("SELECT kind, mark FROM main.store_change").fetchall())
            plain, virtual = _user_tables(conn, "restored")
            for table in plain:
                cols = ", ".join(f'"{c}"' for c in _columns(conn, "restored", table))
                conn.execute(f'DELETE FROM main."{table}"')
                conn.execute(
                    f'INSERT INTO main."{table}" ({cols}) SELECT {cols} FROM restored."{table}"'
                )
            for table in virtual:
                cols = ", ".join(f'"{c}"' for c in _columns(conn, "restored", table))
                conn.execute(f'DELETE FROM main."{table}"')
                conn.execute(
                    f'INSERT INTO main."{table}" (rowid, {cols}) '
                    f'SELECT rowid, {cols} FROM restored."{table}"'
                )
            register = erasures.merged(known, _register(conn, "main"))
            if register["people"]:
                conn.execute(
                    "INSERT INTO main.setting (key, value, uid, version) VALUES (?, ?, ?, 1) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                    "version = setting.version + 1",
                    (
                        erasures.SETTING,
                        _json(register),
                        named_uid("setting", erasures.SETTING).bytes,
                    ),
                )
            # Everything may have changed: every change mark moves past both stores' own,
            # so an open window (another process) sees it and reads again.
            for kind, mark in conn.execute("SELECT kind, mark FROM main.store_change").fetchall():
                conn.execute(
                    "UPDATE main.store_change SET mark = ? WHERE kind = ?",
                    (max(mark, marks.get(kind, 0)) + 1, kind),
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("DETACH DATABASE restored")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        raise UserError(
            storage_sentence(exc, db_path)
            or f"Cannot restore into {db_path}: {exc}; nothing was changed."
        ) from None
    finally:
        conn.close()
    erasures.write_sidecar(db_path, erasures.merged(register, erasures.read_sidecar(db_path)))
    return safety


def _register(conn: sqlite3.Connection, schema: str):
    import json

    from .contacts import erasures

    row = conn.execute(
        f"SELECT value FROM {schema}.setting WHERE key = ?", (erasures.SETTING,)
    ).fetchone()
    try:
        return json.loads(row[0]) if row and row[0] else None
    except ValueError:
        return None


def _json(value: object) -> str:
    import json

    return json.dumps(value)


def restore_open_store(store, source: Path) -> RestoreReport:
    """A restore asked for by the app that has ``store`` open (its own lock is no obstacle)."""
    return restore(store.path, source, from_app=True)
