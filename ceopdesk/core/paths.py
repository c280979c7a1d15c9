"""Where things live: the one place paths are decided."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath

import platformdirs

APP_NAME = "ceopdesk"
DB_ENV = "CEOPDESK_DB"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """What can be made again from what ships (the prepared spelling dictionary)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--db wins, then $CEOPDESK_DB, then the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / "ceopdesk.db"


def log_dir(db_path: Path) -> Path:
    """Logs sit beside the store they belong to."""
    return db_path.parent / "logs"


def resources_dir() -> Path:
    """The shipped resources folder, also when frozen by PyInstaller."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


# -- private files ------------------------------------------------------------
# The store holds journalists' personal data and embargoed releases: on POSIX its
# files are the owner's only whatever the umask (a shared laptop, a shared home).
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
TEMP_SUFFIX = ".tmp"


def private_folder(folder: Path, create: bool = True) -> Path:
    """``folder`` created if asked, owner-only on POSIX. Raises OSError as the OS says."""
    if create:
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    make_private(folder)
    return folder


def make_private(path: Path) -> None:
    """Owner-only permissions on a file or folder that exists (no-op elsewhere)."""
    if os.name != "posix" or not path.exists():
        return
    mode = PRIVATE_DIR if path.is_dir() else PRIVATE_FILE
    try:
        if (path.stat().st_mode & 0o777) != mode:
            os.chmod(path, mode)
    except OSError:
        pass  # not ours (a shared folder the user chose): nothing we may change


def read_only_uri(path: Path) -> str:
    """The SQLite URI that opens ``path`` read-only (for ``sqlite3.connect(..., uri=True)``).

    Percent-encoded: pasted into ``file:...`` as it is, a ``#``, ``?`` or ``%`` in a folder
    name ("Press office #2") would cut the path short, so SQLite would open (and create) a
    different, empty file, and a backup of it would be an empty database.
    """
    return f"{file_uri(Path(path).resolve())}?mode=ro"


def file_uri(path: PurePath) -> str:
    """The ``file:`` URI of an absolute path, as SQLite takes it."""
    uri = path.as_uri()
    # A Windows network share comes out as file://server/share/…, and SQLite refuses a URI
    # naming a host; it takes the share as file:////server/share/….
    if not uri.startswith("file:///"):
        uri = "file:////" + uri.removeprefix("file://")
    return uri


def store_files(db_path: Path) -> list[Path]:
    """The store and the files SQLite keeps beside it."""
    return [db_path, *(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm", "-journal"))]


def process_alive(pid: int) -> bool:
    """True if a process with this id runs on this machine (and is not this one)."""
    if pid == os.getpid() or pid <= 0:
        return pid == os.getpid()
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


if sys.platform == "win32":
    import ctypes

    def _windows_process_alive(pid: int) -> bool:
        # os.kill(pid, 0) would end the process on Windows: ask the kernel instead.
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists, someone else's
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True  # cannot tell: assume it runs, which only ever keeps files
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
