"""Database and file-system failures as one sentence naming the file and what to do."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from .errors import UserError


class StorageError(UserError):
    """The disk, the file system or permissions refused a read or a write."""


_SQLITE = (
    (
        ("database or disk is full", "disk is full"),
        "the disk is full; free some space and try again",
    ),
    (
        ("readonly database", "read-only"),
        "the file or its folder is read-only; make it writable, or copy the store somewhere "
        "you can write",
    ),
    (
        ("disk i/o error",),
        "the disk reported an input/output error; copy your backups to another disk and check "
        "this one",
    ),
    (
        ("unable to open database file",),
        "it cannot be opened (a missing folder or missing permission); check that the folder "
        "exists and is yours",
    ),
    (
        ("authorization denied", "permission denied", "access permission"),
        "permission was denied; check the file belongs to you",
    ),
)

_ERRNO = {
    errno.ENOSPC: "the disk is full; free some space and try again",
    errno.EDQUOT: "your disk quota is used up; free some space and try again",
    errno.EROFS: "the disk is read-only; choose a place you can write to",
    errno.EACCES: "permission was denied; check the file and its folder belong to you",
    errno.EPERM: "permission was denied; check the file and its folder belong to you",
    errno.EIO: "the disk reported an input/output error; check the disk and your backups",
}


def storage_sentence(exc: BaseException, path: Path | str) -> str | None:
    """The sentence for a disk/permission failure while using ``path``; None if it is not one."""
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, OSError) and orig.errno in _ERRNO:
        return f"Cannot write {path}: {_ERRNO[orig.errno]}."
    if isinstance(orig, sqlite3.Error):
        text = str(orig).lower()
        if "i/o error" in text and _nearly_full(Path(path)):
            text = "disk is full"  # SQLite says I/O error for some failed writes on a full disk
        for needles, advice in _SQLITE:
            if any(n in text for n in needles):
                return f"Cannot use the store {path}: {advice}."
    return None


def as_storage_error(exc: BaseException, path: Path | str) -> StorageError | None:
    sentence = storage_sentence(exc, path)
    return StorageError(sentence) if sentence else None


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path if path.is_dir() else path.parent).free < 1_048_576
    except OSError:
        return False
