"""Lay a returned file's paragraphs back onto the parts of the release that was sent.

The writer's own account of what it wrote (:func:`assemble_parts`: every block
with its part, or None for what the writer added) is lined up with what the
file holds.  Style NAMES decide first (Word and LibreOffice rewrite style ids,
never names), then order and text similarity (rapidfuzz) where an approver
retyped or restyled a paragraph.  List items are matched by style and place,
never by numbering ids, which LibreOffice renumbers.

A part is compared by turning both sides - the blocks the writer made and the
paragraphs found - into its value the same way, so a file saved again without
edits gives equal values whatever the office suite did to its XML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from ..blocks import NOTE_TITLE, QUOTE_ATTRIBUTION, Block, ListItem, Table
from ..source import CellPlace, SourceParagraph

# Below this similarity (0-100) two paragraphs of the same style are different paragraphs.
_SAME_PARAGRAPH = 55.0


@dataclass
class Placed:
    """One paragraph as the writer made it or as the file has it."""

    style: str
    text: str
    runs: list  # list[Run]
    list_level: int = 0
    cell: CellPlace | None = None  # inside a table: which one, row and column


@dataclass
class PartFound:
    part: str
    expected: list[Placed] = field(default_factory=list)
    found: list[Placed] = field(default_factory=list)
    found_index: list[int] = field(default_factory=list)  # positions in the file's paragraphs
    added_after: str | None = None  # for a new part: the part it follows


def expected_paragraphs(parts: list[tuple[str | None, Block]]) -> list[tuple[str | None, Placed]]:
    """The writer's blocks as paragraphs; a table's cells become paragraphs, row by row,
    each knowing its place in the table."""
    out: list[tuple[str | None, Placed]] = []
    tables = 0
    for part, block in parts:
        if isinstance(block, Table):
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    place = CellPlace(tables, r, c)
                    out.append((part, Placed(block.style, _text(cell), list(cell), cell=place)))
            tables += 1
        else:
            level = block.level if isinstance(block, ListItem) else 0
            out.append((part, Placed(block.style, block.text, list(block.runs), level)))
    return out


def _text(runs: list) -> str:
    return "".join(r.text for r in runs)


def _key(style: str, text: str) -> tuple[str, str]:
    return (style.strip().lower(), " ".join(text.split()))


def map_parts(
    expected: list[tuple[str | None, Placed]], found: list[SourceParagraph]
) -> list[PartFound]:
    """Every part of the release with the paragraphs the file has for it."""
    parts: dict[str, PartFound] = {}
    for part, placed in expected:
        if part is not None:
            parts.setdefault(part, PartFound(part)).expected.append(placed)
    assigned: list[str | None] = [None] * len(found)
    dropped: set[int] = set()  # the writer's own lines, found again
    exp_keys = [_key(p.style, p.text) for _, p in expected]
    got_keys = [_key(p.style, p.text) for p in found]
    matcher = SequenceMatcher(None, exp_keys, got_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                _assign(expected[i1 + k][0], j1 + k, assigned, dropped)
            continue
        _match_region(expected[i1:i2], found, range(j1, j2), assigned, dropped)
    # Paragraphs that match nothing: a new quote or note where one starts, else
    # an addition to the part they follow.
    previous: str | None = None
    extra = {"sections": 0, "notes": 0}
    counts = {"sections": _count(parts, "sections"), "notes": _count(parts, "notes")}
    for j, paragraph in enumerate(found):
        if j in dropped:
            continue
        if assigned[j] is not None:
            previous = assigned[j]
            continue
        if not paragraph.text.strip():
            continue
        style = paragraph.style.strip().lower()
        starts = {QUOTE_ATTRIBUTION.lower(): "sections", NOTE_TITLE.lower(): "notes"}.get(style)
        if starts or previous is None:
            group = starts or "sections"
            name = f"{group}[{counts[group] + extra[group]}]"
            extra[group] += 1
            parts[name] = PartFound(name, added_after=previous)
            assigned[j] = name
        else:
            assigned[j] = previous
        previous = assigned[j]
    for j, part_name in enumerate(assigned):
        if part_name is not None and j not in dropped:
            p = found[j]
            parts[part_name].found.append(Placed(p.style, p.text, p.runs, p.list_level, p.cell))
            parts[part_name].found_index.append(j)
    return list(parts.values())


def _count(parts: dict[str, PartFound], group: str) -> int:
    return sum(1 for name in parts if name.startswith(group + "["))


def _assign(part: str | None, j: int, assigned: list[str | None], dropped: set[int]) -> None:
    if part is None:
        dropped.add(j)
    else:
        assigned[j] = part


def _match_region(
    expected: list[tuple[str | None, Placed]],
    found: list[SourceParagraph],
    region: range,
    assigned: list[str | None],
    dropped: set[int],
) -> None:
    """Pair changed paragraphs in order: same style name first, then the most similar text."""
    start = 0
    for j in region:
        paragraph = found[j]
        best, best_score = None, _SAME_PARAGRAPH
        for i in range(start, len(expected)):
            part, placed = expected[i]
            score = fuzz.ratio(" ".join(placed.text.split()), " ".join(paragraph.text.split()))
            if placed.style.lower() == paragraph.style.lower():
                score += 20  # the style name is the strongest sign
            if score > best_score:
                best, best_score = i, score
        if best is None:  # rewritten beyond recognition: the next unpaired one of its style
            best = next(
                (
                    i
                    for i in range(start, len(expected))
                    if expected[i][1].style.lower() == paragraph.style.lower()
                ),
                None,
            )
        if best is not None:
            _assign(expected[best][0], j, assigned, dropped)
            start = best + 1
