"""Exporting contacts: CSV for spreadsheets and mail merge, vCard 3.0 for address books.

Distribution exports leave do-not-contact people out unless asked. Files are
written beside the target and renamed into place, so a failed export never
leaves half a file or destroys an older one.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import vobject
from sqlalchemy import func, select, true

from .. import audit
from ..atomic import atomic_write
from ..errors import UserError
from ..store import Store
from .columns import FIELDS, NAMES, text_value
from .domain import Contact, ContactFilter, ExportResult, Progress
from .models import ContactEmailRow, ContactPhoneRow, ContactRow
from .normalise import display_phone
from .query import conditions, ordered_ids
from .records import load_contacts

FORMATS = {".csv": "csv", ".vcf": "vcard", ".vcard": "vcard"}
# A spreadsheet runs a cell starting with these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CHUNK = 500
# The CSV export puts the e-mails, phones and tags after the kind.
_BEFORE_LISTS = NAMES.index("kind") + 1


# Only digits, spaces and + - ( ) . / : nothing a spreadsheet could call or look up, so an
# international number (+1 202 555 0100) or a negative figure reaches mail merge as it is.
_PLAIN_NUMBER = re.compile(r"[+\-]?[\d ()./\-]*\d[\d ()./\-]*")


def neutralise(cell: str) -> str:
    """Prefix an apostrophe so a spreadsheet shows the text instead of running it."""
    if cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def export_contacts(
    store: Store,
    path: Path,
    flt: ContactFilter | None = None,
    include_do_not_contact: bool = False,
    fmt: str | None = None,
    user: str | None = None,
    progress: Progress | None = None,
    include_unchecked: bool = False,
) -> ExportResult:
    """Write the contacts a filter selects to ``path`` (.csv or .vcf, or ``fmt``), by name.

    Unchecked e-mails and phones (kept as typed at import) are left out unless
    ``include_unchecked``: a mail merge should not send to a typo."""
    path = Path(path)
    fmt = fmt or FORMATS.get(path.suffix.lower())
    if fmt not in ("csv", "vcard"):
        raise UserError(f"{path.name}: contacts export to .csv or .vcf files.")
    base = flt or ContactFilter()
    chosen = dataclasses.replace(base, include_do_not_contact=include_do_not_contact)
    with store.read_session() as s:
        ids = list(s.scalars(ordered_ids(chosen, "name")))
        everyone = s.scalar(
            select(func.count(ContactRow.id)).where(
                *conditions(dataclasses.replace(base, include_do_not_contact=True))
            )
        )
        left_out = int(everyone or 0) - len(ids)
        widths = _widths(s, ids, include_unchecked) if fmt == "csv" else (0, 0)

    def contacts() -> Iterator[Contact]:
        for start in range(0, len(ids), _CHUNK):
            with store.read_session() as s:
                chunk = load_contacts(s, ids[start : start + _CHUNK])
            for c in chunk:
                if not include_unchecked:
                    c.emails = [e for e in c.emails if e.checked]
                    c.phones = [p for p in c.phones if p.checked]
                yield c
            if progress is not None and progress(min(start + _CHUNK, len(ids)), len(ids)) is False:
                raise UserError("The export was cancelled; no file was written.")

    if fmt == "csv":
        with atomic_write(path, encoding="utf-8-sig", newline="", private=True) as fh:
            _write_csv(fh, contacts(), *widths)
    else:
        with atomic_write(path, encoding="utf-8", newline="", private=True) as fh:
            for contact in contacts():
                fh.write(to_vcard(contact))
    with store.session() as s:
        audit.record(
            s, "contacts.export", "contacts", f"{len(ids)} contacts to {fmt} ({path.name})", user
        )
    return ExportResult(str(path), len(ids), left_out)


def _widths(session, ids: list[int], unchecked: bool) -> tuple[int, int]:
    """How many e-mail and phone columns the CSV needs (at least one each)."""
    most = [1, 1]
    models: tuple[type[ContactEmailRow] | type[ContactPhoneRow], ...] = (
        ContactEmailRow,
        ContactPhoneRow,
    )
    for i, model in enumerate(models):
        for start in range(0, len(ids), _CHUNK):
            sub = (
                select(func.count().label("n"))
                .where(model.contact_id.in_(ids[start : start + _CHUNK]))
                .where(true() if unchecked else model.checked)
                .group_by(model.contact_id)
                .subquery()
            )
            most[i] = max(most[i], int(session.scalar(select(func.max(sub.c.n))) or 0))
    return most[0], most[1]


def csv_header(emails: int, phones: int) -> list[str]:
    head = [f.csv for f in FIELDS[:_BEFORE_LISTS]]
    for i in range(1, emails + 1):
        head += [f"Email {i}", f"Email {i} Label"]
    for i in range(1, phones + 1):
        head += [f"Phone {i}", f"Phone {i} Label"]
    return head + ["Tags"] + [f.csv for f in FIELDS[_BEFORE_LISTS:]]


def _write_csv(fh: IO[str], contacts: Iterator[Contact], emails: int, phones: int) -> None:
    writer = csv.writer(fh, lineterminator="\r\n")
    writer.writerow(csv_header(emails, phones))
    for c in contacts:
        row = [text_value(c, f.name) for f in FIELDS[:_BEFORE_LISTS]]
        for i in range(emails):
            e = c.emails[i] if i < len(c.emails) else None
            row += [e.address, e.label] if e else ["", ""]
        for i in range(phones):
            p = c.phones[i] if i < len(c.phones) else None
            row += [display_phone(p.number), p.label] if p else ["", ""]
        row.append("; ".join(c.tags))
        row += [text_value(c, f.name) for f in FIELDS[_BEFORE_LISTS:]]
        writer.writerow([neutralise(cell) for cell in row])


def to_vcard(c: Contact) -> str:
    """One vCard 3.0 (CRLF lines, folded at 75 octets), with ceopdesk's fields as X- properties."""
    card = vobject.vCard()
    card.add("n").value = vobject.vcard.Name(family=c.family_name, given=c.given_name)
    card.add("fn").value = c.name or (c.primary_email or "")
    if c.organisation:
        card.add("org").value = [c.organisation]
    if c.job_title:
        card.add("title").value = c.job_title
    if c.address or c.city:
        street = "\n".join(line for line in c.address.split("\n") if line != c.city)
        card.add("adr").value = vobject.vcard.Address(street=street, city=c.city)
    for e in c.emails:
        prop = card.add("email")
        prop.value = e.address
        prop.type_param = ["INTERNET"] + ([e.label.upper()] if e.label else [])
    for p in c.phones:
        prop = card.add("tel")
        prop.value = p.number
        label = {"mobile": "CELL"}.get(p.label, p.label.upper())
        if label:
            prop.type_param = label
    if c.tags:
        card.add("categories").value = list(c.tags)
    if c.notes:
        card.add("note").value = c.notes
    for network, handle in sorted(c.social.items()):
        if network == "web":
            card.add("url").value = handle
        else:
            prop = card.add("x-socialprofile")
            prop.value = handle
            prop.type_param = network
    card.add("x-ceopdesk-kind").value = c.kind
    extras = {
        "x-ceopdesk-lawful-basis": c.lawful_basis,
        "x-ceopdesk-source": c.source,
        "x-ceopdesk-date-collected": text_value(c, "date_collected")
        or c.date_collected_text
        or None,
        "x-ceopdesk-do-not-contact": "yes" if c.do_not_contact else None,
    }
    for name, value in extras.items():
        if value:
            card.add(name).value = value
    return _fold(card.serialize())


def _fold(text: str) -> str:
    """Lines of at most 75 octets, cut between characters (vobject counts some in characters)."""
    out = []
    for line in text.replace("\r\n ", "").split("\r\n"):
        prefix, rest = "", line
        while True:
            size, cut = len(prefix), 0
            for ch in rest:
                size += len(ch.encode("utf-8"))
                if size > 75:
                    break
                cut += 1
            out.append(prefix + rest[:cut])
            rest, prefix = rest[cut:], " "
            if not rest:
                break
    return "\r\n".join(out)
