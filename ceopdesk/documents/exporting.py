"""Export a stored release to Word: the one path the CLI and the GUI both take.

The file and the store must agree on what was sent: a file that says
"version 3" exists only if the store recorded version 3.  The order that
guarantees it:

1. Read the release and the version its content will carry (the current one
   when unchanged since the last version, else the next number), and build
   the whole .docx under a temporary name beside the target.  This is the slow
   part and it holds no write lock, so nobody waits for python-docx.
2. Open the write transaction, check the content is still what was built (else
   ask for the export again), record the version and the audit line.
3. Last before the commit, rename the new file into place, keeping a hard
   link (or copy) of any file it replaces.  The rename is last because it is
   the step a user most often makes fail (the file is open in Word): failing
   there rolls the transaction back and the old file is untouched.
4. Commit.  If the commit itself fails (disk full, store busy), put the old
   file back — or remove the new one when there was none — so no file names
   a version the store never recorded.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from ..core import audit
from ..core.errors import UserError
from ..core.releases import versions
from ..core.releases.service import get_row, to_domain
from ..core.settings import load_in as load_settings
from ..core.store import Store
from .docx_identity import Identity
from .docx_writer import write_docx


def export_release(
    store: Store, reference: str, path: Path, user: str | None = None
) -> tuple[Path, int]:
    """Write the .docx and record the content version it carries; all or nothing."""
    target = Path(path)
    if target.suffix.lower() != ".docx":
        raise UserError(f"{target}: a Word export needs a file name ending in .docx.")
    if not target.parent.is_dir():
        raise UserError(f"The folder {target.parent} does not exist.")
    with store.read_session() as s:
        row = get_row(s, reference)
        release, settings = to_domain(s, row), load_settings(s)
        number, digest = versions.current(s, row)
        if number is None:
            number = (row.versions[-1].number if row.versions else 0) + 1
    built = _temporary_name(target)
    try:
        write_docx(release, settings, built, number, Identity(reference, number, digest))
        _record_and_install(store, reference, built, target, number, digest, user)
    finally:
        with contextlib.suppress(OSError):
            built.unlink()
    return target, number


def _temporary_name(target: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent)
    os.close(fd)
    return Path(name)


def _record_and_install(
    store: Store,
    reference: str,
    built: Path,
    target: Path,
    number: int,
    digest: str,
    user: str | None,
) -> None:
    kept: Path | None = None
    installed = False
    try:
        with store.session() as s:
            row = get_row(s, reference)
            if versions.current(s, row)[1] != digest:
                raise UserError(
                    f"{reference} was changed while it was being exported; export it again."
                )
            recorded = versions.record(s, row, "exported", user)
            if recorded != number:  # another export took the number meanwhile
                raise UserError(f"{reference} was exported elsewhere meanwhile; export it again.")
            audit.record(s, "release.export", f"release:{reference}", f"version {number}", user)
            s.flush()
            kept = _keep_previous(target)
            _install(built, target)
            installed = True
    except BaseException:
        if installed:
            _put_back(kept, target)
        raise
    finally:
        if kept is not None:
            with contextlib.suppress(OSError):
                kept.unlink()


def _keep_previous(target: Path) -> Path | None:
    if not target.exists():
        return None
    kept = _temporary_name(target)
    kept.unlink()
    try:
        os.link(target, kept)  # instant, and the same file; not every file system has links
    except OSError:
        shutil.copy2(target, kept)
    return kept


def _install(built: Path, target: Path) -> None:
    try:
        os.replace(built, target)
    except PermissionError:
        raise UserError(
            f"The file {target} could not be replaced; close it if another program has it "
            "open, and try again."
        ) from None
    except OSError as exc:
        raise UserError(f"The file {target} could not be written: {exc.strerror or exc}.") from None


def _put_back(kept: Path | None, target: Path) -> None:
    with contextlib.suppress(OSError):
        if kept is None:
            target.unlink()
        else:
            os.replace(kept, target)
