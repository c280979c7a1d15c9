"""Writing files so that a crash never leaves half a file or destroys the old one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import UserError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_write(target: Path, *, binary: bool = False, encoding: str = "utf-8",
                 newline: str = "") -> Iterator[IO[Any]]:  # fmt: skip
    """Yield a handle on a temporary file beside ``target``; rename it into place on success.

    The file gets the permissions a plainly created file would (temporary files
    are private by default, which would hide exports from colleagues on a shared drive).
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
    try:
        if binary:
            handle: IO[Any] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
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
    _sync_folder(folder)


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
