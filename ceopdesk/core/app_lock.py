"""The desktop app's lock file beside the store, read without Qt.

The app holds ``<store>.lock`` (a QLockFile) while it has the store open. Its
first lines are the holder's process id, application name and host name; the
command line reads them so that ``restore`` never swaps the data from under an
open window (whose next autosave would write its stale release over it).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from .paths import process_alive


def app_lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def app_holding(db_path: Path, *, ignore_own: bool = False) -> str | None:
    """Who has the store open in the app ("process 123 on host"), or None if nobody."""
    try:
        lines = app_lock_path(db_path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not lines or not lines[0].strip().isdigit():
        return None
    pid = int(lines[0])
    host = lines[2].strip() if len(lines) > 2 else ""
    if host and host != socket.gethostname():
        return f"process {pid} on {host}"  # another machine: it cannot be checked from here
    if pid == os.getpid():
        return None if ignore_own else f"this process ({pid})"
    if not process_alive(pid):
        return None  # left by a copy that crashed
    return f"process {pid}"
