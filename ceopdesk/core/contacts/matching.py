"""Deciding, record by record, whether an imported person is new or already known.

Same e-mail (any case) -> the same person, always. Same phone (extensions
aside) -> the same person only if the names agree: a news-desk or switchboard number is shared by
many journalists, and merging them would mix up different people. Merging
only ever adds (e-mails, phones, tags, empty fields); a field both sides fill
differently is reported as a conflict and the stored value kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from .domain import Contact, ImportRow, MergeConflict
from .normalise import email_key, fold, phone_key
from .record import Record


@dataclass(slots=True)
class Pending:
    """A contact the import will write: a new one, or a stored one it adds to."""

    contact: Contact
    id: int | None = None  # None = new
    first_line: int = 0
    new_emails: list = field(default_factory=list)  # for stored contacts: what to insert
    new_phones: list = field(default_factory=list)
    new_tags: list[str] = field(default_factory=list)
    changed: set[str] = field(default_factory=set)  # fields filled or flags set
    rows: list[ImportRow] = field(default_factory=list)

    @property
    def ref(self) -> str:
        """How the report names it: the person, and where they came from if new."""
        who = self.contact.name or self.contact.primary_email or "a contact"
        return who if self.id is not None else f"{who} (line {self.first_line})"


def names_agree(a: Contact, b: Contact) -> bool:
    """True when either name is missing or they plainly name the same person."""
    x, y = _folded(a.name), _folded(b.name)
    if not x or not y or x == y:
        return True
    return fuzz.token_sort_ratio(x, y) >= 88


# Everyone sharing a switchboard number is compared with each newcomer to it.
_folded = lru_cache(maxsize=4096)(fold)


class Matcher:
    def __init__(
        self,
        email_owner: dict[str, int],
        phone_owner: dict[str, list[int]],
        stored: dict[int, Contact],
    ) -> None:
        self._stored = stored
        self._by_id: dict[int, Pending] = {}
        self._rank: dict[int, int] = {}  # id -> when it entered ``_by_id``
        self._email: dict[str, Pending | int] = dict(email_owner)
        self._phone: dict[str, list[Pending | int]] = {k: list(v) for k, v in phone_owner.items()}
        self._new: list[Pending] = []  # not written yet
        # Contacts with an id that may have gained something since the last ``dirty()``.
        self._touched: dict[int, Pending] = {}

    def unknown(self, contacts: list[Contact]) -> tuple[list[str], list[str]]:
        """E-mail keys and phone numbers not seen yet: the ones to look up in the store."""
        keys = {email_key(e.address) for c in contacts for e in c.emails} - self._email.keys()
        numbers = {phone_key(p.number) for c in contacts for p in c.phones} - self._phone.keys()
        return sorted(keys), sorted(numbers)

    def learn(
        self,
        email_owner: dict[str, int],
        phone_owner: dict[str, list[int]],
        stored: dict[int, Contact],
    ) -> None:
        """Add what the store says about keys first seen in this chunk of the file."""
        for key, cid in email_owner.items():
            self._email.setdefault(key, cid)
        for number, ids in phone_owner.items():
            owners = self._phone.setdefault(number, [])
            known = {o if isinstance(o, int) else o.id for o in owners}
            owners.extend(i for i in ids if i not in known)
        for cid, contact in stored.items():
            if cid not in self._by_id:
                self._stored.setdefault(cid, contact)

    def unwritten(self) -> list[Pending]:
        """New contacts not written yet (the caller writes them now)."""
        new, self._new = self._new, []
        return new

    def dirty(self) -> list[Pending]:
        """Contacts in the store (or written earlier in this import) that gained something."""
        touched = sorted(self._touched.values(), key=lambda p: self._rank[p.id])  # type: ignore[index]
        self._touched = {}
        return [p for p in touched if p.changed]

    def written(self, p: Pending) -> None:
        """``p`` is in the store now: later rows add to it as to any stored contact."""
        assert p.id is not None
        self._by_id[p.id] = p
        self._rank.setdefault(p.id, len(self._rank))
        p.changed = set()
        p.new_emails, p.new_phones, p.new_tags = [], [], []

    def _pending(self, owner: Pending | int) -> Pending:
        if isinstance(owner, Pending):
            return owner
        if owner not in self._by_id:
            self._by_id[owner] = Pending(self._stored[owner], id=owner)
            self._rank[owner] = len(self._rank)
        return self._by_id[owner]

    def place(self, record: Record, c: Contact) -> ImportRow:
        """Add one valid record to the plan; returns its report row."""
        row = ImportRow(record.line, "added", c.name or c.primary_email or "")
        row.warnings += record.warnings
        target: Pending | None = None
        why = ""
        for e in c.emails:
            owner = self._email.get(email_key(e.address))
            if owner is not None:
                target, why = self._pending(owner), f"same e-mail as {self._pending(owner).ref}"
                break
        if target is None:
            for p in c.phones:
                for owner in self._phone.get(phone_key(p.number), []):
                    candidate = self._pending(owner)
                    if names_agree(candidate.contact, c):
                        target, why = candidate, f"same phone as {candidate.ref}"
                        break
                    row.warnings.append(
                        f"shares phone {p.number} with {candidate.ref} under another name; "
                        "kept apart"
                    )
                if target is not None:
                    break
        if target is None:
            pending = Pending(c, first_line=record.line)
            self._new.append(pending)
            self._claim(pending, c)
            pending.rows.append(row)
            return row
        row.contact_id = target.id
        changes = self._absorb(target, c, record.explicit, row)
        row.status = "merged" if changes else "unchanged"
        row.reason = why + (f"; added {', '.join(changes)}" if changes else "; nothing new")
        target.rows.append(row)
        return row

    def _claim(self, pending: Pending, c: Contact) -> None:
        for e in c.emails:
            self._email[email_key(e.address)] = pending
        for p in c.phones:
            self._phone.setdefault(phone_key(p.number), []).append(pending)

    def _absorb(self, p: Pending, c: Contact, explicit: set[str], row: ImportRow) -> list[str]:
        t = p.contact
        stored = p.id is not None
        changes: list[str] = []

        def note(name: str) -> None:
            if name not in changes:
                changes.append(name)
            p.changed.add(name)
            if stored:
                self._touched[p.id] = p  # type: ignore[index]

        def conflict(name: str, kept: str, offered: str) -> None:
            row.conflicts.append(MergeConflict(name, kept, offered))

        if c.name and not t.name:
            t.given_name, t.family_name, t.display_name = (
                c.given_name,
                c.family_name,
                c.display_name,
            )
            note("name")
        elif c.name and fold(c.name) != fold(t.name):
            conflict("name", t.name, c.name)
        for name in ("organisation", "job_title"):
            mine, theirs = getattr(t, name), getattr(c, name)
            if theirs and not mine:
                setattr(t, name, theirs)
                note(name.replace("_", " "))
            elif theirs and fold(theirs) != fold(mine):
                conflict(name, mine, theirs)
        if "kind" in explicit and c.kind != t.kind:
            conflict("kind", t.kind, c.kind)
        if c.lawful_basis and not t.lawful_basis:
            t.lawful_basis = c.lawful_basis
            note("lawful basis")
        elif "lawful_basis" in explicit and c.lawful_basis != t.lawful_basis:
            conflict("lawful_basis", t.lawful_basis or "", c.lawful_basis or "")
        if c.source and not t.source:
            t.source = c.source
            note("source")
        if c.date_collected and not t.date_collected:
            t.date_collected = c.date_collected
            note("date collected")
        if c.notes and fold(c.notes) not in fold(t.notes):
            if t.notes:
                conflict("notes", t.notes, c.notes)
            else:
                t.notes = c.notes
                note("notes")
        for network, handle in c.social.items():
            if network not in t.social:
                t.social[network] = handle
                note("social")
            elif fold(t.social[network]) != fold(handle):
                conflict(f"social {network}", t.social[network], handle)
        if c.do_not_contact and not t.do_not_contact:
            t.do_not_contact = True
            note("do-not-contact")
            row.warnings.append("marked do-not-contact, as the file says")
        for e in c.emails:
            key = email_key(e.address)
            owner = self._email.get(key)
            if owner is None:
                t.emails.append(e)
                if stored:
                    p.new_emails.append(e)
                self._email[key] = p
                note("e-mail")
            elif owner is not p and self._pending(owner) is not p:
                row.warnings.append(
                    f"e-mail {e.address} belongs to {self._pending(owner).ref}; not added here "
                    "(find duplicates to merge the two)"
                )
        numbers = {x.number for x in t.phones}
        for ph in c.phones:
            if ph.number not in numbers:
                t.phones.append(ph)
                numbers.add(ph.number)
                if stored:
                    p.new_phones.append(ph)
                self._phone.setdefault(phone_key(ph.number), []).append(p)
                note("phone")
        keys = {x.casefold() for x in t.tags}
        for tag in c.tags:
            if tag.casefold() not in keys:
                t.tags.append(tag)
                keys.add(tag.casefold())
                if stored:
                    p.new_tags.append(tag)
                note("tags")
        return changes
