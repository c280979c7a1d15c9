"""Put the approver's changes the user accepted into the release; leave the rest as it is.

All or nothing, like any edit: an approved release becomes a draft again.  A
part edited in ceopdesk since the file was sent is not overwritten (the
sentence says which).  A library note the approver edited is never forked
silently: the caller says whether the new words are a one-off for this
release or the library's next version.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

from ceopdesk.core import audit
from ceopdesk.core.domain import ContactBlock, Note, Release
from ceopdesk.core.errors import UserError
from ceopdesk.core.releases import boilerplate
from ceopdesk.core.releases import service as releases
from ceopdesk.core.releases.interchange import BoilerplateItem
from ceopdesk.core.store import Store

from .compare import Comparison, PartChange, _stored

NoteChoice = Literal["one-off", "library"]


def accept(
    store: Store,
    comparison: Comparison,
    parts: list[str] | None,
    note_choices: dict[str, NoteChoice] | None = None,
    user: str | None = None,
) -> Release:
    """Apply the changes to ``parts`` (None: every change) and return the release."""
    chosen = _chosen(comparison, parts)
    note_choices = note_choices or {}
    with store.session() as s:
        current = releases.to_domain(s, releases.get_row(s, comparison.reference))
        release = dataclasses.replace(
            current, sections=list(current.sections), notes=list(current.notes)
        )
        removed: dict[str, list[int]] = {"sections": [], "notes": []}
        added: list[PartChange] = []
        for change in chosen:
            if change.kind != "added":
                _check_unchanged_since(comparison, current, change.part)
            if change.kind == "added":
                added.append(change)
            elif change.kind == "removed":
                group, index = _split(change.part)
                removed[group].append(index)
            else:
                _put(release, change, note_choices.get(change.part), s, user)
        for group, indexes in removed.items():
            items = getattr(release, group)
            for index in sorted(indexes, reverse=True):
                del items[index]
        for change in added:
            group, _ = _split(change.part)
            items = getattr(release, group)
            after = change.added_after
            position = len(items)
            if after and after.startswith(group + "["):
                position = _split(after)[1] + 1
            items.insert(min(position, len(items)), change.value)
        result = releases.update_in(s, release, user)
        audit.record(
            s,
            "release.approver_edits",
            f"release:{comparison.reference}",
            f"accepted {', '.join(c.part for c in chosen)} from version {comparison.version}",
            user,
        )
        return result


def _chosen(comparison: Comparison, parts: list[str] | None) -> list[PartChange]:
    for change in comparison.changes if parts is None else []:
        if change.refused:
            raise UserError(
                f"{change.part} cannot be accepted: {change.refused}; accept the other "
                "parts by name and make that change in ceopdesk."
            )
    if parts is None:
        return list(comparison.changes)
    by_part = {c.part: c for c in comparison.changes}
    unknown = [p for p in parts if p not in by_part]
    if unknown:
        have = ", ".join(by_part) or "none"
        raise UserError(f"The file has no change to {unknown[0]} (changed parts: {have}).")
    for part in parts:
        if by_part[part].refused:
            raise UserError(
                f"{part} cannot be accepted: {by_part[part].refused}; make that change in ceopdesk."
            )
    return [by_part[p] for p in parts]


def _split(part: str) -> tuple[str, int]:
    group, index = part[:-1].split("[")
    return group, int(index)


def _check_unchanged_since(comparison: Comparison, current: Release, part: str) -> None:
    if _same(_stored(comparison.base, part)) != _same(_stored(current, part)):
        raise UserError(
            f"{part} was changed in ceopdesk after version {comparison.version} was sent; "
            "accepting the approver's words would overwrite that change, so compare again "
            "with a new export."
        )


def _same(value: object) -> object:
    """What counts when asking whether a part changed: a note's words, not its version numbers."""
    if isinstance(value, Note):
        return (value.title, value.text, value.boilerplate)
    return value


def _put(
    release: Release, change: PartChange, choice: NoteChoice | None, session, user: str | None
) -> None:
    value = change.value
    if change.part.startswith(("sections[", "notes[")):
        group, index = _split(change.part)
        if isinstance(value, Note) and change.boilerplate:
            value = _library_note(change, value, choice, session, user)
        getattr(release, group)[index] = value
    elif change.part == "contact":
        release.contact = value if isinstance(value, ContactBlock) else None
    else:
        setattr(release, change.part, value or ("" if change.part != "subheadline" else None))


def _library_note(
    change: PartChange, value: Note, choice: NoteChoice | None, session, user: str | None
) -> Note:
    key = change.boilerplate or ""
    if choice is None:
        raise UserError(
            f"{change.part} is the library note “{key}”: say whether the approver's words are a "
            "one-off for this release or the library's next version."
        )
    if choice == "one-off":
        return Note(title=value.title, text=value.text)
    boilerplate.save_in(session, BoilerplateItem(key=key, title=value.title, text=value.text), user)
    session.flush()
    return Note(title="", text="", boilerplate=key)
