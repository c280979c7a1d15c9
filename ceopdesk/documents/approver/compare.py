"""Compare a Word file an approver sent back with the version of the release that was sent.

The file names its release and content version in its custom document
properties; a file whose properties were stripped is matched by the reference
printed in it and by its content (the stored version it is closest to).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import fuzz

from ceopdesk.core.checks.figures import figures
from ceopdesk.core.domain import Note, Release
from ceopdesk.core.errors import UserError
from ceopdesk.core.releases import service as releases
from ceopdesk.core.releases import versions
from ceopdesk.core.settings import load as load_settings
from ceopdesk.core.store import Store

from ..assemble import assemble_parts
from ..figures import figures_blocks
from .mapping import PartFound, expected_paragraphs, map_parts
from .reading import ApproverFile, open_approver_file, paragraph_index
from .values import PartValue, Unmappable, value_of

Kind = Literal["changed", "added", "removed"]
# A file whose whole text is less like the release than this (0-100) is some other document.
_SAME_DOCUMENT = 60.0


@dataclass
class PartChange:
    part: str
    kind: Kind
    before: str  # the part as a person reads it (see versions.part_texts)
    after: str
    value: PartValue  # what accepting puts into the release (None for a removal)
    tracked: list[str] = field(default_factory=list)  # "inserted “x” (A. Approver)"
    boilerplate: str | None = None  # set when the part is a library note
    added_after: str | None = None
    # Why the change cannot be accepted (the file holds it in a shape the release
    # cannot store, e.g. merged table cells); None when it can.
    refused: str | None = None


@dataclass
class PartComment:
    part: str | None
    anchor: str
    text: str
    author: str


@dataclass
class Comparison:
    reference: str
    version: int | None  # the content version the file was compared with
    base: Release
    changes: list[PartChange]
    comments: list[PartComment]
    matched_by: str  # "properties" or "content"

    def to_json(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "version": self.version,
            "changes": [
                {"part": c.part, "kind": c.kind, "before": c.before, "after": c.after}
                | ({"refused": c.refused} if c.refused else {})
                for c in self.changes
            ],
            "comments": [
                {"part": c.part, "anchor": c.anchor, "text": c.text, "author": c.author}
                for c in self.comments
            ],
        }


def compare_file(store: Store, reference: str, path: Path) -> Comparison:
    current = releases.get(store, reference)  # the reference must exist
    settings = load_settings(store)
    returned = open_approver_file(Path(path))
    version, matched_by = _version_of(store, current, returned)
    base = versions.get_version(store, reference, version) if version else current
    # The figures sheet is the writer's too: left out of every part, so its table
    # of figures and sentences is never taken for the words of a note.
    parts = assemble_parts(base, settings)
    parts += [(None, b) for b in figures_blocks(figures(base))]
    expected = expected_paragraphs(parts)
    found = map_parts(expected, returned.paragraphs)
    if matched_by == "content":
        _check_resembles(returned, expected, reference)
    changes = [c for c in (_change(base, f, returned) for f in found) if c is not None]
    comments = _comments(returned, found)
    return Comparison(reference, version, base, changes, comments, matched_by)


def _version_of(store: Store, current: Release, returned: ApproverFile) -> tuple[int | None, str]:
    name = returned.path.name
    identity = returned.identity
    if identity is not None:
        if identity.reference != current.reference:
            raise UserError(
                f"{name} was exported from {identity.reference}, not {current.reference}; "
                f"compare it with {identity.reference}."
            )
        known = {v.number for v in versions.list_versions(store, current.reference)}
        if identity.version in known:
            return identity.version, "properties"
    text = returned.header_text + " " + " ".join(p.text for p in returned.paragraphs[:3])
    if current.reference not in text:
        raise UserError(
            f"{name} does not name {current.reference} and carries no ceopdesk properties: "
            "it does not look like an export of this release."
        )
    # Properties stripped: the stored version whose words are closest to the file's.
    words = " ".join(p.text for p in returned.paragraphs)
    best, best_score = None, -1.0
    for v in versions.list_versions(store, current.reference):
        release = versions.get_version(store, current.reference, v.number)
        score = fuzz.ratio(words, _words(release))
        if score >= best_score:
            best, best_score = v.number, score
    return best, "content"


def _words(release: Release) -> str:
    return " ".join(text for _, _, text in versions.part_texts(release) if text)


def _check_resembles(returned: ApproverFile, expected: list, reference: str) -> None:
    theirs = " ".join(p.text for p in returned.paragraphs)
    ours = " ".join(p.text for _, p in expected)
    if fuzz.ratio(theirs, ours) < _SAME_DOCUMENT:
        raise UserError(
            f"{returned.path.name} names {reference} but its text is mostly different from "
            "every version of it; compare it by eye instead."
        )


def _change(base: Release, found: PartFound, returned: ApproverFile) -> PartChange | None:
    before_value = value_of(found.part, found.expected)
    refused = None
    try:
        after_value = value_of(found.part, found.found)
    except Unmappable as exc:
        after_value, refused = None, str(exc)
    if before_value == after_value and refused is None:
        return None
    kind: Kind = "changed"
    if not found.expected:
        kind = "added"
    elif not found.found:
        kind = "removed"
    before = _readable(base, found.part, _stored(base, found.part) if found.expected else None)
    after = _readable(base, found.part, after_value)
    if refused:  # no value to show: the words as the file has them
        after = "\n\n".join(p.text for p in found.found)
    note = _stored(base, found.part)
    boilerplate = note.boilerplate if isinstance(note, Note) else None
    tracked = [
        f"{c.kind} “{c.text.strip()}” ({c.author})"
        for c in returned.review.changes
        if paragraph_index(returned, c.paragraph) in found.found_index
    ]
    return PartChange(
        found.part,
        kind,
        before,
        after,
        after_value,
        tracked,
        boilerplate,
        found.added_after,
        refused,
    )


def _stored(release: Release, part: str) -> Any:
    if part.startswith(("sections[", "notes[")):
        group, index = part[:-1].split("[")
        items = getattr(release, group)
        return items[int(index)] if int(index) < len(items) else None
    return getattr(release, part)


def _readable(base: Release, part: str, value: Any) -> str:
    """The part as the History shows it, from a release holding ``value`` there."""
    if value is None:
        return ""
    probe = dataclasses.replace(base, sections=list(base.sections), notes=list(base.notes))
    if part.startswith(("sections[", "notes[")):
        group, index = part[:-1].split("[")
        items = getattr(probe, group)
        i = int(index)
        if i < len(items):
            items[i] = value
        else:
            items.append(value)
            part = f"{group}[{len(items) - 1}]"
    else:
        setattr(probe, part, value)
    return next((text for p, _, text in versions.part_texts(probe) if p == part), "")


def _comments(returned: ApproverFile, found: list[PartFound]) -> list[PartComment]:
    owner: dict[int, str] = {}
    for f in found:
        for j in f.found_index:
            owner[j] = f.part
    out = []
    for c in returned.review.comments:
        index = paragraph_index(returned, c.paragraph) if c.paragraph is not None else None
        out.append(
            PartComment(owner.get(index) if index is not None else None, c.anchor, c.text, c.author)
        )
    return out
