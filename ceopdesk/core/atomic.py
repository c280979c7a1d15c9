"""Writing files so that a crash never leaves half a file or destroys the old one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from . import paths
from .errors import UserError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_write(
    target: Path,
    *,
    binary: bool = False,
    encoding: str = "utf-8",
    newline: str = "",
    private: bool = False,
) -> Iterator[IO[Any]]:
    """Yield a handle on a temporary file beside ``target``; rename it into place on success.

    A ``private`` file (personal data: contact exports, subject-access files) stays
    the owner's only (0600); any other gets the permissions a plainly created file
    would, so a Word export can be shared from a shared drive. The temporary file is
    noted in a register (``unfinished_writes``) until it is renamed, so a write
    killed half-way is swept at the next start (``sweep_unfinished_writes``).
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"The folder {folder} does not exist.")
    if target.is_dir():
        raise UserError(f"{target} is a folder; choose a file name.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise UserError(f"You do not have permission to write to the folder {folder}.") from None
    except OSError as exc:
        raise UserError(f"The folder {folder} cannot be written to: {exc.strerror}.") from None
    marker = note_temp_file(Path(tmp))
    try:
        if binary:
            handle: IO[Any] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if not private:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        forget_temp_file(marker)
        if isinstance(exc, PermissionError):
            raise UserError(
                f"The file {target} could not be replaced; close it if another program has it "
                "open, and try again."
            ) from None
        if isinstance(exc, OSError):
            raise UserError(
                f"The file {target} could not be written: {exc.strerror or exc}."
            ) from None
        raise
    forget_temp_file(marker)
    _sync_folder(folder)


def unfinished_writes() -> Path:
    """The register of temporary files being written (in the user data folder)."""
    return paths.data_dir() / "unfinished-writes"


def note_temp_file(tmp: Path) -> Path | None:
    try:
        folder = paths.private_folder(unfinished_writes())
        fd, marker = tempfile.mkstemp(dir=folder, suffix=".path")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n{tmp.resolve()}")
        return Path(marker)
    except OSError:
        return None  # a read-only home: the write itself may still work


def forget_temp_file(marker: Path | None) -> None:
    if marker is not None:
        with contextlib.suppress(OSError):
            marker.unlink()


def sweep_unfinished_writes() -> list[Path]:
    """Delete the temporary files of writes that were interrupted (a crash, a kill)."""
    removed: list[Path] = []
    try:
        markers = list(unfinished_writes().glob("*.path"))
    except OSError:
        return removed
    for marker in markers:
        try:
            pid, _, name = marker.read_text(encoding="utf-8").partition("\n")
        except (OSError, UnicodeDecodeError):
            continue
        if pid.isdigit() and paths.process_alive(int(pid)):
            continue  # another ceopdesk is writing it right now
        tmp = Path(name.strip())
        # Only a file of the shape atomic_write makes; never something a user named.
        if tmp.name.startswith(".") and tmp.name.endswith(paths.TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed.append(tmp)
        forget_temp_file(marker)
    return removed


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
