"""Backups through SQLite's online backup API: never by copying a live WAL file.

Automatic copies live in ``backups/`` beside the store, named
``<store>-YYYYMMDD-HHMMSS-micro-<reason>.db`` and never overwritten. Each copy
is written to a temporary name, checked with ``integrity_check`` and only then
given its name, so a damaged copy never joins (or replaces anything in) the
rotation: everything from the last 48 hours, then the newest of each of the last
12 days, 10 weeks and 6 months.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from . import paths
from .atomic import forget_temp_file, note_temp_file
from .errors import UserError
from .failures import storage_sentence

log = logging.getLogger("ceopdesk.backup")

REASONS = (
    "manual",
    "auto",
    "closing",
    "before-upgrade",
    "before-import",
    "before-merge",
    "before-restore",
)
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    when: datetime  # local time, as in the name
    size: int
    reason: str

    @property
    def when_text(self) -> str:
        return self.when.strftime("%A %d %B %Y at %H:%M").replace(" 0", " ", 1)


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def _name_re(db_path: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(db_path.stem)}-(\d{{8}}-\d{{6}})-(\d{{6}})-([a-z-]+?)(-\d+)?\.db$"
    )


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The store's automatic backups, newest first."""
    pattern = _name_re(db_path)
    found: list[BackupInfo] = []
    with contextlib.suppress(OSError):
        for entry in backup_folder(db_path).iterdir():
            m = pattern.match(entry.name)
            if not m:
                continue
            when = datetime.strptime(m[1], _STAMP).replace(microsecond=int(m[2]))
            with contextlib.suppress(OSError):
                found.append(BackupInfo(entry, when, entry.stat().st_size, m[3]))
    return sorted(found, key=lambda b: (b.when, b.path.name), reverse=True)


def verify(path: Path, full: bool = True) -> str | None:
    """None if ``path`` is a sound SQLite file; else what is wrong with it."""
    try:
        conn = sqlite3.connect(paths.read_only_uri(path), uri=True)
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(1)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if rows == ["ok"]:
        return None
    from .store import _first_problem

    return _first_problem(rows)


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest automatic backup that passes SQLite's quick check."""
    for info in list_backups(db_path):
        if info.size and verify(info.path, full=False) is None:
            return info
    return None


def copy_online(source: sqlite3.Connection, temp: Path) -> None:
    dest = sqlite3.connect(str(temp))
    try:
        source.backup(dest)
        # A backup is a single file: no WAL to lose when it is copied to a USB stick.
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def make_backup(db_path: Path, reason: str = "manual", target: Path | None = None) -> BackupInfo:
    """Copy the store at ``db_path`` (live or not), verify it, then give it its name.

    Without ``target`` the copy gets a new, unique name in the backups folder and
    the rotation is applied; a copy that fails ``integrity_check`` is deleted and
    the error says so, so a damaged copy never takes a good one's place.
    """
    db_path = Path(db_path)
    if target is not None:
        target = Path(target)
        if target.is_dir():
            raise UserError(f"{target} is a folder; give a file name for the backup.")
        if not target.parent.is_dir():
            raise UserError(f"The folder {target.parent} does not exist.")
        if target.resolve() == db_path.resolve():
            raise UserError("A backup cannot be written over the store itself.")
        folder = target.parent
    else:
        folder = backup_folder(db_path)
        try:
            paths.private_folder(folder)
        except OSError as exc:
            raise UserError(storage_sentence(exc, folder) or f"Cannot create {folder}.") from None
    now = datetime.now()
    temp = folder / f".{db_path.stem}-{os.getpid()}-{now:%H%M%S%f}{paths.TEMP_SUFFIX}"
    marker = note_temp_file(temp)
    try:
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, paths.PRIVATE_FILE)
        os.close(fd)
        source = sqlite3.connect(paths.read_only_uri(db_path), uri=True)
        try:
            copy_online(source, temp)
        finally:
            source.close()
        problem = verify(temp)
        if problem is not None:
            raise UserError(
                f"The copy of {db_path} failed SQLite's integrity check ({problem}); it was not "
                "kept and no earlier backup was touched. Run `ceopdesk check`."
            )
        final = target or _claim_name(folder, db_path, now, reason, temp)
        if target is not None:
            os.replace(temp, final)
        paths.make_private(final)
    except sqlite3.DatabaseError as exc:
        raise UserError(
            storage_sentence(exc, folder) or f"Cannot back up {db_path}: {exc}."
        ) from None
    except OSError as exc:
        raise UserError(
            storage_sentence(exc, folder) or f"Cannot write the backup in {folder}: {exc.strerror}."
        ) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
        forget_temp_file(marker)
    info = BackupInfo(final, now, final.stat().st_size, reason)
    if target is None:
        rotate(db_path, now)
    return info


def _claim_name(folder: Path, db_path: Path, now: datetime, reason: str, temp: Path) -> Path:
    """Link the verified copy under a name nobody has: never over another backup."""
    base = f"{db_path.stem}-{now:{_STAMP}}-{now.microsecond:06d}-{reason}"
    for n in range(1, 1000):
        final = folder / (f"{base}.db" if n == 1 else f"{base}-{n}.db")
        try:
            os.link(temp, final)
            return final
        except FileExistsError:
            continue
        except OSError:  # no hard links (FAT, some network drives): check, then rename
            if final.exists():
                continue
            os.replace(temp, final)
            return final
    raise UserError(f"Too many backups with the same time in {folder}.")


def rotate(db_path: Path, now: datetime | None = None) -> list[Path]:
    """Keep 48 hours of everything, then the newest of 12 days, 10 weeks, 6 months."""
    now = now or datetime.now()
    backups = list_backups(db_path)
    keep: set[Path] = {b.path for b in backups if now - b.when <= timedelta(hours=48)}
    for count, period in (
        (12, lambda d: d.date()),
        (10, lambda d: d.isocalendar()[:2]),
        (6, lambda d: (d.year, d.month)),
    ):
        seen: list[object] = []
        for b in backups:  # newest first: the first of each period is kept
            key = period(b.when)
            if key not in seen and len(seen) < count:
                seen.append(key)
                keep.add(b.path)
    removed = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    return removed


def changed_since_last_backup(db_path: Path) -> bool:
    """True if the store's files were written after the newest automatic backup."""
    backups = list_backups(db_path)
    if not backups:
        return True
    newest = backups[0].path.stat().st_mtime
    times = [f.stat().st_mtime for f in paths.store_files(db_path)[:2] if f.exists()]
    return any(t > newest for t in times)


def auto_backup(db_path: Path, reason: str, min_minutes: float = 0) -> BackupInfo | None:
    """A backup before something risky, or on a timer, if anything changed since the last.

    ``min_minutes``: none if the newest backup is younger (one merge after another
    makes one backup, not fifty). Best effort: a failure is logged and the work
    goes on (the user's action must not fail because a precaution could not be taken).
    """
    db_path = Path(db_path)
    if not db_path.exists() or not changed_since_last_backup(db_path):
        return None
    newest = list_backups(db_path)[:1]
    if newest and datetime.now() - newest[0].when < timedelta(minutes=min_minutes):
        return None
    try:
        return make_backup(db_path, reason)
    except UserError as exc:
        log.warning("automatic backup (%s) not made: %s", reason, exc)
        return None


def backup(store, target: Path | None = None) -> Path:
    """``ceopdesk backup [-o FILE]``: a verified copy of ``store``; where it was written."""
    return make_backup(store.path, "manual", target).path
