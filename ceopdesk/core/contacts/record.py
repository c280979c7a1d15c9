"""One record read from a file, before it is checked against the store.

The CSV and vCard readers both feed values into a :class:`RecordBuilder` by
field; ``build`` turns them into a (not yet validated) :class:`Contact`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .domain import Contact, Email, ImportOptions, Phone
from .fields import Target
from .normalise import (
    clean,
    clean_multiline,
    parse_date,
    parse_flag,
    parse_kind,
    parse_lawful_basis,
    split_multi,
    split_name,
)


@dataclass
class Record:
    line: int  # the file's physical line where the record starts
    contact: Contact
    explicit: set[str] = field(default_factory=set)  # scalar fields the file itself gave
    problems: list[str] = field(default_factory=list)  # make the row bad
    warnings: list[str] = field(default_factory=list)  # reported, row still imported


_MULTI = re.compile(r"\s+:::\s+")  # Google's separator for several values in one cell
_EMAIL_SPLIT = re.compile(r"\s+:::\s+|[;,]|\s+")
_BRACKETED = re.compile(r"<([^<>]+)>")
_PHONE_SPLIT = re.compile(r"\s+:::\s+|;|\s+/\s+")
# A value without any of these is one item as it stands (no split can apply; a
# value with surrounding spaces contains whitespace, so it takes the full path).
_EMAIL_SEPARATOR = re.compile(r"[\s;,<]")
_PHONE_SEPARATOR = re.compile(r"[;/:]")
_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


# Fields ``add`` does more with than keep the first value given.
# Parts of a postal address; "address" is one already written out whole.
PLACE_PARTS = ("address", "street", "city", "region", "postcode", "country")
_SPECIAL = frozenset(
    {"email", "phone", "email_label", "phone_label", "tags", "notes", "middle_name", "social"}
    | {"social_links", "ignore", *PLACE_PARTS}
)


class RecordBuilder:
    __slots__ = (
        "line",
        "scalars",
        "middle",
        "notes",
        "tags",
        "social",
        "emails",
        "phones",
        "labels",
        "places",
        "problems",
        "warnings",
        "_order",
    )

    def __init__(self, line: int) -> None:
        self.line = line
        self.scalars: dict[str, str] = {}
        self.middle: list[str] = []
        self.notes: list[str] = []
        self.tags: list[str] = []
        self.social: dict[str, str] = {}
        self.emails: list[tuple[int, int, str, str]] = []  # (slot, order, value, label)
        self.phones: list[tuple[int, int, str, str]] = []
        self.labels: dict[tuple[str, int], str] = {}
        # (label, slot) -> part -> values: Outlook's Business/Home/Other, Google's Address 1, 2
        self.places: dict[tuple[str, int], dict[str, list[str]]] = {}
        self.problems: list[str] = []
        self.warnings: list[str] = []
        self._order = 0

    def add(self, target: Target, value: str, google: bool = False, split: bool = True) -> None:
        """Take one cell's value for a field (empty values are ignored).

        ``google``: several values are separated by " ::: ". ``split=False``: the
        value is one item already (a vCard category or number)."""
        if not value or not value.strip():
            return
        f = target.field
        self._order += 1
        if f not in _SPECIAL:  # a name, organisation, title, kind, date...: the first one counts
            self.scalars.setdefault(f, value)
            return
        slot = target.slot if target.slot is not None else 1000
        if f == "email":
            if _EMAIL_SEPARATOR.search(value) is None:  # one plain address: nothing to split
                self.emails.append((slot, self._order, value, target.label))
                return
            bracketed = _BRACKETED.findall(value)  # "Jane Smith <jane@bbc.co.uk>"
            for part in bracketed or _EMAIL_SPLIT.split(value):
                if part.strip():
                    self.emails.append((slot, self._order, part.strip(), target.label))
        elif f == "phone":
            several = split and _PHONE_SEPARATOR.search(value)
            parts = _PHONE_SPLIT.split(value) if several else (value,)
            for part in parts:
                if part.strip():
                    self.phones.append((slot, self._order, part.strip(), target.label))
        elif f in ("email_label", "phone_label"):
            kind = f.split("_")[0]
            # One label for all the values of a slot ("* Work" for "a@x ::: b@y").
            self.labels[(kind, slot)] = _MULTI.split(value.strip())[0]
        elif f == "tags":
            if google:
                parts = _MULTI.split(value)
            elif not split:
                parts = [value]
            else:  # "crime; courts" or "crime | courts"; commas only when nothing else splits
                parts = (
                    split_multi(value, ";|") if ";" in value or "|" in value else split_multi(value)
                )
            # Google's system groups ("* myContacts", "* starred") are not tags.
            self.tags += [p for p in (clean(x) for x in parts) if p and not p.startswith("*")]
        elif f == "notes":
            self.notes.append(value)
        elif f in PLACE_PARTS:
            place = self.places.setdefault((target.label, slot), {})
            place.setdefault(f, []).append(value)
        elif f == "middle_name":
            self.middle.append(clean(value))
        elif f == "social":
            self.social.setdefault(target.label or "other", clean(value))
        elif f == "social_links":
            for pair in split_multi(value, ";|"):
                network, sep, handle = pair.partition("=")
                if not sep:
                    network, sep, handle = pair.partition(":")
                if sep and handle.strip():
                    self.social.setdefault(clean(network).casefold(), clean(handle))
                else:
                    self.social.setdefault("other", clean(pair))

    def build(self, options: ImportOptions, default_source: str) -> Record:
        s = self.scalars
        given = clean(s.get("given_name", ""))
        if self.middle:
            given = " ".join([given, *self.middle]).strip()
        family = clean(s.get("family_name", ""))
        full = clean(s.get("full_name", ""))
        if full and not (given or family):
            given, family = split_name(full)
        display = full if full and full != f"{given} {family}".strip() else ""
        if not display and given and family and _is_cjk(given + family):
            display = family + given  # 王小明: family name first, no space

        # A value that cannot be read is reported and the person kept.
        kind = options.default_kind
        if "kind" in s:
            try:
                kind = parse_kind(s["kind"])  # type: ignore[assignment]
            except ValueError as exc:
                self.warnings.append(f"{exc}; imported as {kind}")
        dnc = False
        if "do_not_contact" in s:
            try:
                dnc = parse_flag(s["do_not_contact"])
            except ValueError as exc:
                dnc = True
                self.warnings.append(f"do-not-contact {exc}; marked do-not-contact to be safe")
        lawful_basis = s.get("lawful_basis") or options.lawful_basis
        if lawful_basis:
            try:
                lawful_basis = parse_lawful_basis(lawful_basis)
            except ValueError as exc:
                self.warnings.append(f"{exc}; left unrecorded")
                lawful_basis = None
        collected: date | None = options.date_collected or _today()
        collected_text = ""
        if "date_collected" in s:
            try:
                collected = parse_date(s["date_collected"])
            except ValueError:
                collected, collected_text = None, s["date_collected"]
        address, city = self._place()

        emails = [
            Email(value, label or self.labels.get(("email", slot), ""))
            for slot, _, value, label in sorted(self.emails)
        ]
        phones = [
            Phone(value, label or self.labels.get(("phone", slot), ""))
            for slot, _, value, label in sorted(self.phones)
        ]
        contact = Contact(
            given_name=given,
            family_name=family,
            display_name=display,
            organisation=s.get("organisation", ""),
            job_title=s.get("job_title", ""),
            kind=kind,
            emails=emails,
            phones=phones,
            social=self.social,
            tags=self.tags,
            notes=clean_multiline("\n".join(self.notes)),
            lawful_basis=lawful_basis,
            source=s.get("source") or options.source or default_source,
            date_collected=collected,
            date_collected_text=collected_text,
            address=address,
            city=city,
            do_not_contact=dnc,
        )
        explicit = set(s)
        if given or family or display:
            explicit.add("full_name")
        return Record(self.line, contact, explicit, self.problems, self.warnings)

    def _place(self) -> tuple[str, str]:
        """The postal address (whole, city included) and the city: the work address
        if the record has one, else the first given."""
        if not self.places:
            return "", ""
        key = min(self.places, key=lambda k: (k[0] != "work", list(self.places).index(k)))
        parts = {k: [clean_multiline(v) for v in vs] for k, vs in self.places[key].items()}
        city = clean((parts.get("city") or [""])[0])
        if parts.get("address"):
            return "\n".join(parts["address"]), city
        tail = " ".join(x for x in (*parts.get("region", []), *parts.get("postcode", [])) if x)
        lines = [*parts.get("street", []), city, tail, *parts.get("country", [])]
        return "\n".join(x for x in lines if x), city


def _is_cjk(text: str) -> bool:
    """Chinese, Japanese or Korean script throughout."""
    return text == "" or _CJK.fullmatch(text) is not None


def _today() -> date:
    return date.today()
