"""Importing releases from files: read every file, then store them (DESIGN §4, §7).

Reading and storing are separate steps so the app can show what was read and
let the user correct it before anything is stored. Two ways to store:

- ``import_all``: every release in one unit of work - the command line's
  "all files or none";
- ``import_each``: one unit of work per file, with progress and cancel - the
  app's folder import, where one bad file must not lose the other 499 and a
  file is never half imported.

How a file is read is the caller's: the core reads its own JSON
(``read_json``); the archive readers (Word, web pages, text, e-mail) live in
``ceopdesk.documents.archive`` and are passed in, so the core never depends on
the document layer.

Both take one verified backup of the store (``before-import``, through
``core.backup``) before they write, once per run rather than per file, as the
contacts import does (DESIGN §10).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy.orm import Session

from .. import audit
from ..domain import Release
from ..errors import UserError
from ..store import Store
from . import service, versions
from .interchange import load_json_file, parse_release


@dataclass
class ImportedRelease:
    """One file as read, before it is stored."""

    source: Path
    release: Release
    # What the reader guessed rather than knew, one plain phrase each.
    unsure: list[str] = field(default_factory=list)
    # Why the status is what it is ("the page shows it was published").
    status_reason: str = ""


@dataclass
class FileReport:
    source: Path
    outcome: Literal["imported", "failed", "not read"]
    reference: str | None = None
    headline: str = ""
    status: str | None = None
    status_reason: str = ""
    unsure: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)
    cancelled: bool = False

    @property
    def imported(self) -> list[FileReport]:
        return [f for f in self.files if f.outcome == "imported"]

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if f.outcome == "failed"]


@dataclass
class ReadFailure:
    source: Path
    error: str


Reader = Callable[[Path], ImportedRelease]
Progress = Callable[[int, int], None]
ShouldStop = Callable[[], bool]


def read_json(path: Path) -> ImportedRelease:
    """A ``ceopdesk.release/1`` file."""
    return ImportedRelease(path, parse_release(load_json_file(path), str(path)))


def expand(paths: Iterable[Path], suffixes: Iterable[str]) -> list[Path]:
    """Files as given, and for a folder every file in it (and below) that can be read.

    Hidden files and Word's ``~$`` lock files are left out; so are files of
    other kinds inside a folder (a folder of past releases holds PDFs and
    images too). A file named directly must exist and be of a known kind.
    """
    wanted = {s.lower() for s in suffixes}
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in wanted
                and not any(part.startswith((".", "~$")) for part in p.relative_to(path).parts)
            )
            found.extend(inside)
        elif not path.exists():
            raise UserError(f"{path}: no such file.")
        elif path.suffix.lower() not in wanted:
            kinds = " ".join(sorted(wanted))
            raise UserError(
                f"{path}: ceopdesk imports releases from {kinds} files; "
                f'"{path.suffix or "no extension"}" is not one.'
            )
        else:
            found.append(path)
    return found


def read_all(
    paths: list[Path],
    read: Reader,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> list[ImportedRelease | ReadFailure]:
    """Read every file, keeping a failure as a sentence instead of stopping.

    Stops early (returning what was read so far) when ``should_stop()`` says so.
    """
    results: list[ImportedRelease | ReadFailure] = []
    for i, path in enumerate(paths):
        if should_stop is not None and should_stop():
            break
        try:
            results.append(read(path))
        except UserError as exc:
            results.append(ReadFailure(path, exc.message))
        if progress is not None:
            progress(i + 1, len(paths))
    return results


def _store_one(session: Session, item: ImportedRelease, user: str | None) -> Release:
    try:
        row = service.create_in(session, item.release, user)
    except UserError as exc:
        raise UserError(f"{item.source}: {exc.message}") from None
    detail = f"from {item.source.name}"
    if row.status == "issued":
        # The first version records where the issued text came from; nobody
        # approved it in ceopdesk, so no approver is recorded.
        versions.record(session, row, f"imported as issued, {detail}", user)
    audit.record(
        session, "release.import", f"release:{row.reference}", f"{row.status}, {detail}", user
    )
    session.flush()
    return service.to_domain(session, row)


def import_all(store: Store, items: list[ImportedRelease], user: str | None) -> list[Release]:
    """Every release in one unit of work: all are stored or none is."""
    seen: dict[str, Path] = {}
    for item in items:
        ref = item.release.reference
        if ref and ref in seen:
            raise UserError(f"{item.source}: the reference {ref} is also in {seen[ref]}.")
        if ref:
            seen[ref] = item.source
    if items:
        store.snapshot("before-import")
    with store.session() as s:
        return [_store_one(s, item, user) for item in items]


def import_each(
    store: Store,
    items: list[ImportedRelease | ReadFailure],
    user: str | None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> ImportReport:
    """One unit of work per file; a failure is reported and the next file goes on."""
    report = ImportReport()
    if any(isinstance(item, ImportedRelease) for item in items):
        store.snapshot("before-import")
    for i, item in enumerate(items):
        if should_stop is not None and should_stop():
            report.cancelled = True
            report.files.extend(FileReport(x.source, "not read") for x in items[i:])
            break
        report.files.append(_import_one(store, item, user))
        if progress is not None:
            progress(i + 1, len(items))
    return report


def _import_one(store: Store, item: ImportedRelease | ReadFailure, user: str | None) -> FileReport:
    if isinstance(item, ReadFailure):
        return FileReport(item.source, "failed", error=item.error)
    entry = FileReport(
        item.source,
        "failed",
        headline=item.release.headline,
        status=item.release.status,
        status_reason=item.status_reason,
        unsure=list(item.unsure),
    )
    try:
        with store.session() as s:
            release = _store_one(s, item, user)
    except UserError as exc:
        entry.error = exc.message
        return entry
    entry.outcome, entry.reference = "imported", release.reference
    return entry
