"""Undo for the whole form: each coalesced edit is a pair of form snapshots."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ...core.domain import Release

_NAMES = (
    ("headline", "headline"),
    ("subheadline", "sub-headline"),
    ("standfirst", "standfirst"),
    ("place", "place"),
    ("release_date", "release date"),
    ("embargo", "embargo"),
    ("tags", "tags"),
    ("sections", "body"),
    ("notes", "notes to editors"),
    ("contact", "contact"),
)


def same_form(a: Release, b: Release) -> bool:
    """Whether two releases hold the same in every field the form edits."""
    return all(getattr(a, field) == getattr(b, field) for field, _ in _NAMES)


def describe(before: Release, after: Release) -> str:
    """What changed, for the Edit menu ("Undo edit to the headline")."""
    changed = [name for field, name in _NAMES if getattr(before, field) != getattr(after, field)]
    if (
        len(before.sections) == len(after.sections)
        and before.sections != after.sections
        and sorted(map(repr, before.sections)) == sorted(map(repr, after.sections))
    ):
        return "reordering the body"
    if not changed:
        return "edit"
    if len(changed) > 2:
        return "edits to several fields"
    return "edit to the " + " and ".join(changed)


class FormSnapshot(QUndoCommand):
    """Pushed after the edit is already shown and saved, so the first redo does nothing."""

    def __init__(self, restore: Callable[[Release], None], before: Release, after: Release) -> None:
        super().__init__(describe(before, after))
        self._restore = restore
        self._before = before
        self._after = after
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._restore(self._after)

    def undo(self) -> None:
        self._restore(self._before)
