"""Importing contact files: .csv (Outlook, Google, media databases) and .vcf (2.1/3.0/4.0).

    report = import_file(store, path, ImportOptions(skip_bad_rows=True), progress=cb)

A doubtful field (an e-mail that is not valid, a number the numbering plan
does not know, a date that cannot be read) never costs the person: it is kept
as typed, marked unchecked and reported with its line. A record with nothing
that identifies a person (no name, e-mail or phone) is skipped with its line.

Damage to the file itself (a ragged CSV row, a truncated vCard) stops the
import (``ImportRejected``, with the report of every damaged record) unless
``skip_bad_rows`` ("skip damaged records") is set; a dry run does all the work
in a transaction and rolls it back. Everything is written in one session, so a
failure of any kind leaves the store as it was.

Rows are read and checked a chunk at a time and handed to an ``ImportWriter``,
which matches and writes them. The write lock is taken with the first chunk
written, so a file rejected in its first rows never holds it.

The import makes millions of short-lived objects; a caller on the main thread
may pause the cycle collector for its duration (:func:`collector_paused`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..collector import collector_paused as collector_paused  # its callers pause with it
from ..errors import UserError
from ..store import Store
from . import erasures
from .csv_read import CsvFile, iter_records, read_csv
from .domain import Contact, FilePreview, ImportOptions, ImportReport, ImportRow, Progress
from .fileio import read_text
from .import_writer import ImportWriter
from .record import Record
from .records import normalise_contact
from .vcard_read import looks_like_vcard, read_vcards

CHUNK = 1000  # records checked and written at a time (tests make it small)


class ImportRejected(UserError):
    """The file has bad rows and skipping them was not chosen. ``report`` lists them all."""

    def __init__(self, message: str, report: ImportReport) -> None:
        super().__init__(message)
        self.report = report


class ImportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was changed.")


@dataclass
class _Parsed:
    format: str
    encoding: str
    count: int
    records: Iterable[Record]
    headers: list[str]
    unknown_headers: list[str]
    sample: list[list[str]]
    mapping: dict[str, str | None]
    csv: CsvFile | None = None

    @property
    def ignored_columns(self) -> list[str]:
        """Columns with data no field took (known once the records have been read)."""
        return self.csv.ignored_columns if self.csv is not None else []


def _parse(path: Path, options: ImportOptions) -> _Parsed:
    text, encoding = read_text(path, options.encoding)
    if path.suffix.lower() in (".vcf", ".vcard") or looks_like_vcard(text):
        records = read_vcards(path, text, encoding, options)
        sample = [
            [f"line {r.line}: {r.contact.name or r.contact.primary_email or ''}"]
            for r in records[:20]
        ]
        return _Parsed("vcard", encoding, len(records), records, [], [], sample, {})
    data = read_csv(path, text, options)
    mapping = {
        h: (str(t) if t is not None else None)
        for h, t in zip(data.headers, data.targets, strict=True)
    }
    return _Parsed(
        data.format,
        encoding,
        len(data.rows),
        iter_records(path.name, data, options),
        data.headers,
        data.unknown_headers,
        [row for _, row in data.rows[:20]],
        mapping,
        data,
    )


def preview_file(path: Path, options: ImportOptions | None = None) -> FilePreview:
    """What the import wizard shows first: format, encoding, headers, sample, proposed mapping."""
    p = _parse(Path(path), options or ImportOptions())
    return FilePreview(
        str(path), p.format, p.encoding, p.headers, p.sample, p.mapping, p.unknown_headers, p.count
    )


def import_file(
    store: Store, path: Path, options: ImportOptions | None = None, progress: Progress | None = None
) -> ImportReport:
    """Import a contact file; returns what happened to each record (see the module doc).

    ``progress(done, total)`` is called from the caller's thread; ``total`` is
    twice the number of records (reading, then writing); return False to cancel.
    """
    options = options or ImportOptions()
    if options.date_collected is None:
        options = dataclasses.replace(options, date_collected=date.today())
    path = Path(path)
    parsed = _parse(path, options)
    if not options.dry_run:
        store.snapshot("before-import")
    report = ImportReport(str(path), parsed.format, parsed.encoding, options.dry_run)
    total = parsed.count * 2
    bad: list[ImportRow] = []  # damaged records
    empty: list[ImportRow] = []  # nothing identifies a person

    with store.session() as session, ImportWriter(session, path.name, options) as writer:

        def step(read: int) -> None:
            if progress is not None and progress(read + writer.written, total) is False:
                raise ImportCancelled()

        chunk: list[tuple[Record, Contact]] = []
        for i, record in enumerate(parsed.records):
            if record.problems:  # damage to the file itself
                bad.append(
                    ImportRow(
                        record.line,
                        "skipped",
                        record.contact.name,
                        reason="; ".join(record.problems),
                        damaged=True,
                    )
                )
            else:
                contact, problems = normalise_contact(record.contact, copy=False)
                refused = [p.message for p in problems if not p.doubtful]
                if refused:
                    empty.append(ImportRow(record.line, "skipped", "", reason="; ".join(refused)))
                elif options.skip_bad_rows or not bad:
                    record.warnings += [p.message for p in problems if p.doubtful]
                    chunk.append((record, contact))
            if len(chunk) >= CHUNK:
                writer.write(chunk)
                chunk = []
            if i % 500 == 0:
                step(i)
        report.ignored_columns = parsed.ignored_columns
        if bad and not options.skip_bad_rows:
            report.rows = bad
            first = bad[0]
            more = f" ({len(bad)} records are damaged)" if len(bad) > 1 else ""
            raise ImportRejected(
                f"{path.name} line {first.line}: {first.reason}; nothing was imported{more}.",
                report,
            )
        writer.write(chunk)
        step(parsed.count)
        report.rows = sorted(writer.placed + bad + empty, key=lambda r: r.line)
        writer.finish(report.summary)
        if options.dry_run:
            session.rollback()
    if options.dry_run:
        for r in report.rows:
            if r.status == "added":
                r.contact_id = None
    else:
        report.erased_again = erasures.reapply(store)
    if progress is not None:
        progress(total, total)
    return report
