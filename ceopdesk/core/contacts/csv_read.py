"""Reading contact CSV files: Outlook, Google Contacts and media-database exports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from .domain import ImportOptions
from .fields import IGNORE, Target, detect_format, norm, parse_target, recognise
from .record import Record, RecordBuilder

# Fields that can identify a person; a file needs at least one of them.
_IDENTITY = {"given_name", "family_name", "full_name", "email", "phone", "organisation"}
# Our CSV export puts an apostrophe before these so spreadsheets do not run them.
# Outlook fills unused date columns with this; it is not data.
_EMPTY_DEFAULTS = {"0/0/00", "00/00/0000"}
_NEUTRALISED = ("'=", "'+", "'-", "'@", "'\t", "'\r")


@dataclass
class CsvFile:
    format: str
    headers: list[str]
    targets: list[Target | None]
    header_line: int
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # raw rows, for previews
    unknown_headers: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def read_csv(path: Path, text: str, options: ImportOptions) -> CsvFile:
    """Parse the file into rows (each with its physical start line) and map its columns.

    Structural faults (a quote never closed) fail the file; a ragged row makes
    only its record bad (see :func:`iter_records`). Raises UserError naming the
    file and line.
    """
    name = path.name
    text = text.lstrip("\ufeff")
    first_line_no = 1
    delimiter = None
    if text[:4].lower() == "sep=" and len(text) > 4:  # Excel's hint line
        delimiter = text[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
        first_line_no = 2
    delimiter = delimiter or _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    parsed: list[tuple[int, list[str]]] = []
    prev = 0
    try:
        for row in reader:
            start = prev + first_line_no
            prev = reader.line_num
            joined = "".join(row)
            if joined.strip():  # not a blank row
                if "'" in joined:
                    row = [_unneutralise(c) if c[:1] == "'" else c for c in row]
                parsed.append((start, row))
    except csv.Error as exc:
        raise UserError(f"{name} line {prev + first_line_no}: {_csv_reason(exc)}.") from None
    if not parsed:
        raise UserError(f"{name} holds no rows.")

    header_line, headers = parsed[0]
    headers = [h.strip() for h in headers]
    fmt = detect_format(headers)
    overrides = {norm(k): v for k, v in options.mapping.items()}
    targets: list[Target | None] = []
    unknown: list[tuple[int, str]] = []
    for i, header in enumerate(headers):
        key = norm(header)
        if header in options.mapping or key in overrides:
            choice = options.mapping.get(header, overrides.get(key))
            try:
                targets.append(parse_target(choice) if choice else None)
            except ValueError as exc:
                raise UserError(f"The mapping for column '{header}': {exc}.") from None
            continue
        target = recognise(header, fmt) if header else None
        targets.append(target)
        if target is None:
            unknown.append((i, header or f"column {i + 1}"))
    if not any(t is not None and t.field in _IDENTITY for t in targets):
        shown = ", ".join(h for h in headers if h)[:200]
        raise UserError(
            f"{name} line {header_line}: no column holds a name, e-mail or phone "
            f"(the columns are: {shown}); map the columns to fields and import again."
        )
    rows = parsed[1:]
    filled = _columns_with_data(rows, len(headers))
    asked = [u for i, u in unknown if i in filled]  # an empty column asks no question
    return CsvFile(fmt, headers, targets, header_line, rows=rows, unknown_headers=asked)


def _columns_with_data(rows: list[tuple[int, list[str]]], width: int) -> set[int]:
    """Which columns hold a value in some row (Outlook's "0/0/00" is not a value)."""
    empty = list(range(width))
    for _, row in rows:
        if len(row) < width:
            row = row + [""] * (width - len(row))
        still = [i for i in empty if not row[i].strip() or row[i].strip() in _EMPTY_DEFAULTS]
        if len(still) != len(empty):
            empty = still
            if not empty:
                break
    return set(range(width)) - set(empty)


def iter_records(name: str, data: CsvFile, options: ImportOptions) -> Iterator[Record]:
    """The rows as records, built one at a time; when done, ``data.ignored_columns``
    names the columns that held data no field took."""
    google = data.format == "google-csv"
    source = f"import of {name}"
    targets = data.targets
    with_data: set[int] = set()
    width = len(data.headers)
    active = [(i, t) for i, t in enumerate(targets) if t is not None and t is not IGNORE]
    unmapped = [i for i, t in enumerate(targets) if t is None]
    for line, row in data.rows:
        if len(row) > width and not any(c.strip() for c in row[width:]):
            row = row[:width]  # a trailing separator is not a ragged row
        builder = RecordBuilder(line)
        if len(row) != width:
            builder.problems.append(
                f"the row has {len(row)} fields where the header has {width}"
                " (a missing or extra separator or quote)"
            )
        else:
            for i, target in active:
                if row[i]:
                    builder.add(target, row[i], google)
            for i in unmapped:
                if row[i].strip() and row[i].strip() not in _EMPTY_DEFAULTS:
                    with_data.add(i)
            if with_data:
                unmapped = [i for i in unmapped if i not in with_data]
        yield builder.build(options, source)
    data.ignored_columns = [
        data.headers[i] or f"column {i + 1}" for i in sorted(with_data) if targets[i] is None
    ]


def _delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever the header line uses most (outside quotes)."""
    first = text.split("\n", 1)[0]
    outside = "".join(part for i, part in enumerate(first.split('"')) if i % 2 == 0)
    counts = {d: outside.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _unneutralise(cell: str) -> str:
    return cell[1:] if cell.startswith(_NEUTRALISED) else cell


def _csv_reason(exc: csv.Error) -> str:
    message = str(exc)
    if "unexpected end of data" in message or "EOF" in message:
        return 'a quoted field is never closed (a missing " character)'
    if "expected after" in message:
        return "a quote character inside a field is not doubled"
    if "NUL" in message:
        return "the file holds binary data"
    if "field larger than field limit" in message:
        return (
            f"a field is longer than {csv.field_size_limit():,} characters (a very long note, "
            'or a missing " character)'
        )
    return f"the CSV cannot be read ({message})"
