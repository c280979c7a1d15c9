"""A release as plain text, for the body of an email."""

from __future__ import annotations

from ceopdesk.core.domain import Release, Settings

from .assemble import assemble, draft_marking
from .blocks import (
    CONTACT,
    EMBARGO,
    NOTE_LIST_BULLET,
    NOTE_LIST_NUMBER,
    NOTE_TITLE,
    TYPE_LINE,
    Block,
    ListItem,
    Run,
    Table,
)
from .sanitize import clean

# Block pairs printed on consecutive lines rather than with a blank line between.
_TIGHT = {(TYPE_LINE, EMBARGO), (CONTACT, CONTACT)}


def render_text(release: Release, settings: Settings, version: int | None = None) -> str:
    """Plain text: bullets as "• ", numbers as "1. ", links as "text (url)".

    ``version`` is the content version named in the draft marking, when known.
    """
    release, settings = clean(release), clean(settings)
    chunks: list[str] = []
    marking = draft_marking(release.status, version)
    if marking:
        chunks.append(marking)
        chunks.append("\n\n")
    previous: Block | None = None
    for block in assemble(release, settings):
        if previous is not None:
            chunks.append("\n" if _tight(previous, block) else "\n\n")
        chunks.append(_block_text(block))
        previous = block
    return "".join(chunks) + "\n"


def _tight(previous: Block, block: Block) -> bool:
    if isinstance(previous, ListItem) and isinstance(block, ListItem):
        # One list, or a list nested in it, reads as one; two lists are two.
        return previous.list_id == block.list_id or max(previous.level, block.level) > 0
    if isinstance(previous, Table) or isinstance(block, Table):
        return False
    # A note's text follows its title directly.
    return previous.style == NOTE_TITLE or (previous.style, block.style) in _TIGHT


def _block_text(block: Block) -> str:
    if isinstance(block, Table):
        return "\n".join(" | ".join(runs_text(cell) for cell in row) for row in block.rows)
    text = runs_text(block.runs)
    if isinstance(block, ListItem):
        label = f"{block.number}. " if block.ordered else "• "
        # A note's own list is indented, so its "1." is not read as the next note's number.
        inside = block.style in (NOTE_LIST_BULLET, NOTE_LIST_NUMBER)
        indent = "   " * (block.level + inside)
        # Continuation lines sit under the item's text, not under its label.
        hang = "\n" + indent + " " * len(label)
        return indent + label + text.replace("\n", hang)
    return text


def runs_text(runs: list[Run]) -> str:
    """Runs as plain text; a link shows its address unless the text already is it."""
    parts: list[str] = []
    for run in runs:
        text = run.text.replace("\t", "    ")
        if run.href:
            shown = run.href.removeprefix("mailto:")
            bare = shown.removeprefix("https://").removeprefix("http://")
            if text.strip() not in (shown, bare, run.href):
                text = f"{text} ({shown})"
        parts.append(text)
    return "".join(parts)
