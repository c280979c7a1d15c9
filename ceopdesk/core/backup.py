"""Backups through SQLite's online backup API: never by copying a live WAL file."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from .errors import UserError
from .store import Store, alembic_config


def default_backup_path(store: Store) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return store.path.parent / "backups" / f"ceopdesk-{stamp}.db"


def backup(store: Store, target: Path | None = None) -> Path:
    """A consistent copy of the live store, written to a temporary name and renamed."""
    target = Path(target) if target else default_backup_path(store)
    if target.exists() and target.is_dir():
        raise UserError(f"{target} is a folder; give a file name for the backup.")
    if not target.parent.exists():
        if target.parent == default_backup_path(store).parent:
            target.parent.mkdir(parents=True)
        else:
            raise UserError(f"The folder {target.parent} does not exist.")
    if target.resolve() == store.path.resolve():
        raise UserError("A backup cannot be written over the store itself.")
    temp = target.with_name(target.name + ".part")
    try:
        temp.unlink(missing_ok=True)
        store.backup_to(temp)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise UserError(f"Cannot write the backup {target}: {exc.strerror}.") from None
    return target


def _check_backup_file(path: Path) -> None:
    if not path.is_file():
        raise UserError(f"{path}: no such file.")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            (result,) = conn.execute("PRAGMA integrity_check").fetchone()
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            revision = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise UserError(f"{path} is not a ceopdesk backup (not a SQLite file).") from None
    if "alembic_version" not in tables or "release" not in tables:
        raise UserError(f"{path} is a SQLite file but not a ceopdesk store.")
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(
            revision[0] if revision else None
        )
    except CommandError:
        raise UserError(
            f"{path} was written by a newer version of ceopdesk; install that version to restore it."
        ) from None
    if result != "ok":
        raise UserError(f"{path} is damaged ({result}); choose another backup.")


def restore(store: Store, source: Path) -> Path:
    """Replace the store's content with a backup; returns where the old content was kept."""
    source = Path(source)
    _check_backup_file(source)
    safety = backup(store)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    raw = store.engine.raw_connection()
    try:
        src.backup(raw.driver_connection)  # type: ignore[arg-type]
    finally:
        raw.close()
        src.close()
    store.engine.dispose()
    # Reopen so that a backup from an older schema is migrated at once.
    Store(store.path).close()
    return safety
