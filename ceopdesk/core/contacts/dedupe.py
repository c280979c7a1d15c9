"""Near-duplicates (same person, typed differently) and merging two contacts into one.

Finding uses the sorted-neighbourhood method: contacts are sorted by a few keys
(family + given name, given + family name, organisation + family name) and
each is compared with the next few in each order, so the work grows with n,
not n². Names are compared accent- and case-free with rapidfuzz, token order
ignored ("Smith, Jane" = "Jane Smith"); the organisation, when both have one,
counts for 30 %.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from rapidfuzz import fuzz
from sqlalchemy import select, update

from .. import audit
from ..errors import UserError
from ..models import AuditRow
from ..store import Store
from . import search
from .domain import MERGE_FIELDS, Contact, DuplicatePair, MergeConflict, Progress
from .models import ContactRow, ListMemberRow, NotDuplicateRow
from .normalise import fold
from .records import WHO_COLUMNS, entity, load_contacts, load_summaries, normalise_contact
from .service import write_row

WINDOW = 8
Choice = Literal["keep", "other", "both"]


def find_duplicates(
    store: Store, threshold: float = 85.0, limit: int = 1000, progress: Progress | None = None
) -> list[DuplicatePair]:
    """Pairs of contacts that may be one person, best first (score 0-100, at least ``threshold``)."""
    with store.read_session() as s:
        rows = s.execute(select(*WHO_COLUMNS)).all()
    people = []
    for cid, given, family, display, org in rows:
        name = fold(display or f"{given} {family}")
        tokens = " ".join(sorted(name.split()))
        people.append((cid, tokens, fold(org), fold(family), fold(given)))
    keys: list[Callable[[tuple], str]] = [
        lambda p: f"{p[3]} {p[4]} {p[1]}",
        lambda p: f"{p[4]} {p[3]} {p[1]}",
        lambda p: f"{p[2]} {p[3]} {p[1]}",
    ]
    found: dict[tuple[int, int], tuple[float, str]] = {}
    for k, key in enumerate(keys):
        ordered = sorted(people, key=key)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 : i + 1 + WINDOW]:
                pair = (min(a[0], b[0]), max(a[0], b[0]))
                if pair in found or not a[1] or not b[1]:
                    continue
                scored = _score(a, b, threshold)
                if scored is not None:
                    found[pair] = scored
        if progress is not None and progress(k + 1, len(keys)) is False:
            raise UserError("The search for duplicates was cancelled.")
    with store.read_session() as s:
        for pair in s.execute(select(NotDuplicateRow.first_id, NotDuplicateRow.second_id)):
            found.pop(tuple(pair), None)  # type: ignore[arg-type]
    best = sorted(found.items(), key=lambda item: -item[1][0])[:limit]
    ids = sorted({i for pair, _ in best for i in pair})
    with store.read_session() as s:
        summaries = {c.id: c for c in load_summaries(s, ids)}
    return [
        DuplicatePair(summaries[a], summaries[b], round(score, 1), reason)
        for (a, b), (score, reason) in best
    ]


def mark_not_duplicate(store: Store, a: int, b: int, user: str | None = None) -> None:
    """Remember that two contacts are different people: the pair is not offered again."""
    first, second = sorted((a, b))
    with store.session() as s:
        if s.get(NotDuplicateRow, (first, second)) is None:
            for cid in (first, second):
                if s.get(ContactRow, cid) is None:
                    raise UserError(f"There is no contact #{cid}.")
            s.add(NotDuplicateRow(first_id=first, second_id=second))
            audit.record(s, "contact.update", entity(first), f"not a duplicate of #{second}", user)


def _score(a: tuple, b: tuple, threshold: float) -> tuple[float, str] | None:
    name = fuzz.ratio(a[1], b[1], score_cutoff=threshold * 0.7)
    if not name:
        return None
    if a[2] and b[2]:
        org = fuzz.token_set_ratio(a[2], b[2])
        score = 0.7 * name + 0.3 * org
        where = "same organisation" if org >= 95 else f"organisations {org:.0f}% alike"
    else:
        score = 0.95 * name
        where = "one has no organisation"
    if score < threshold:
        return None
    return score, f"names {name:.0f}% alike, {where}"


def merge(
    store: Store,
    keep_id: int,
    other_id: int,
    choices: dict[str, Choice] | None = None,
    user: str | None = None,
) -> Contact:
    """Fold ``other`` into ``keep`` and delete ``other``.

    E-mails, phones, tags, social handles and list memberships are united;
    do-not-contact wins if either has it. For each of :data:`MERGE_FIELDS`,
    ``choices`` says whose value to take ("keep", the default, or "other";
    "both" joins the notes). An empty kept value is filled from the other.
    """
    if keep_id == other_id:
        raise UserError("A contact cannot be merged with itself.")
    store.snapshot("before-merge", min_minutes=10)
    choices = choices or {}
    for field, choice in choices.items():
        if field not in MERGE_FIELDS or choice not in ("keep", "other", "both"):
            raise UserError(f"'{field}: {choice}' is not a merge choice.")
    with store.session() as s:
        found = {c.id: c for c in load_contacts(s, [keep_id, other_id])}
        for cid in (keep_id, other_id):
            if cid not in found:
                raise UserError(f"There is no contact #{cid}.")
        merged = merged_contact(found[keep_id], found[other_id], choices)
        merged, problems = normalise_contact(merged)
        refused = [p for p in problems if not p.doubtful]
        if refused:
            raise UserError(refused[0].message)
        lists = set(
            s.scalars(select(ListMemberRow.list_id).where(ListMemberRow.contact_id == keep_id))
        )
        for member in s.scalars(select(ListMemberRow).where(ListMemberRow.contact_id == other_id)):
            if member.list_id not in lists:
                s.add(ListMemberRow(list_id=member.list_id, contact_id=keep_id, added=member.added))
        s.delete(s.get(ContactRow, other_id))
        s.flush()  # frees the other's e-mail addresses before the kept row takes them
        write_row(s, s.get(ContactRow, keep_id), merged)  # type: ignore[arg-type]
        s.flush()
        search.unindex(s, [other_id])
        search.reindex(s, [keep_id])
        s.execute(
            update(AuditRow)
            .where(AuditRow.entity == entity(other_id))
            .values(entity=entity(keep_id))
        )
        taken = [f for f, c in choices.items() if c != "keep"]
        detail = f"merged contact #{other_id} into this one" + (
            f"; took {', '.join(taken)} from it" if taken else ""
        )
        audit.record(s, "contact.merge", entity(keep_id), detail, user)
    with store.session() as s:
        return load_contacts(s, [keep_id])[0]


def merged_contact(keep: Contact, other: Contact, choices: dict[str, Choice]) -> Contact:
    """The merge result without saving it (for the side-by-side preview)."""
    import dataclasses

    out = dataclasses.replace(keep)
    if choices.get("name") == "other" or not keep.name:
        out.given_name, out.family_name, out.display_name = (
            other.given_name,
            other.family_name,
            other.display_name,
        )
    for field in MERGE_FIELDS[1:]:
        mine, theirs = getattr(keep, field), getattr(other, field)
        choice = choices.get(field, "keep")
        if field == "notes" and choice == "both" and mine and theirs and theirs not in mine:
            setattr(out, field, f"{mine}\n\n{theirs}")
        elif choice == "other" or not mine:
            setattr(out, field, theirs if theirs else mine)
    keys = {e.address.casefold() for e in keep.emails}
    out.emails = keep.emails + [e for e in other.emails if e.address.casefold() not in keys]
    numbers = {p.number for p in keep.phones}
    out.phones = keep.phones + [p for p in other.phones if p.number not in numbers]
    out.tags = keep.tags + [
        t for t in other.tags if t.casefold() not in {x.casefold() for x in keep.tags}
    ]
    out.social = {**other.social, **keep.social}
    out.do_not_contact = keep.do_not_contact or other.do_not_contact
    return out


def differences(keep: Contact, other: Contact) -> list[MergeConflict]:
    """The fields on which two contacts disagree (both filled, different)."""
    out = []
    if keep.name and other.name and fold(keep.name) != fold(other.name):
        out.append(MergeConflict("name", keep.name, other.name))
    for field in MERGE_FIELDS[1:]:
        mine, theirs = getattr(keep, field), getattr(other, field)
        if mine and theirs and fold(str(mine)) != fold(str(theirs)):
            out.append(MergeConflict(field, str(mine), str(theirs)))
    return out
