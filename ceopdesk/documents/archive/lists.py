"""Bullets and numbered lists of every kind, as the Markdown subset.

A Word list paragraph, an HTML list item, and a line typed by hand starting
with "•", "-", "*", "o", "–" or "1." / "1)" all become one list item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ceopdesk.core.richtext import Block, blocks_to_markdown

from ..blocks import Run
from ..source import SourceParagraph
from .inline import spans

_MANUAL_BULLET = re.compile(r"^(\s*)([•·●▪■◦‣∙○\-–*]|o(?=\s))\s+")
_MANUAL_NUMBER = re.compile(r"^(\s*)(\d{1,2})[.)]\s+(?=\S)")


@dataclass
class ListLine:
    ordered: bool
    level: int
    runs: list[Run]


def as_list_line(p: SourceParagraph) -> ListLine | None:
    """The paragraph as a list item, or None when it is not one."""
    if p.list_kind is not None:
        runs = drop_prefix(p.runs, _MANUAL_BULLET if p.list_kind == "bullet" else _MANUAL_NUMBER)
        return ListLine(p.list_kind == "number", min(p.list_level, 1), runs)
    text = p.text
    m = _MANUAL_BULLET.match(text)
    if m:
        level = 1 if len(m.group(1).expandtabs(4)) >= 2 or m.group(2) in "◦o○" else 0
        return ListLine(False, level, drop_prefix(p.runs, _MANUAL_BULLET))
    m = _MANUAL_NUMBER.match(text)
    if m and not p.all_bold:
        level = 1 if len(m.group(1).expandtabs(4)) >= 2 else 0
        return ListLine(True, level, drop_prefix(p.runs, _MANUAL_NUMBER))
    return None


def drop_prefix(runs: list[Run], pattern: re.Pattern[str]) -> list[Run]:
    """The runs without the typed bullet or number at the start."""
    text = "".join(r.text for r in runs)
    m = pattern.match(text)
    cut = m.end() if m else 0
    out: list[Run] = []
    for r in runs:
        if cut >= len(r.text):
            cut -= len(r.text)
            continue
        out.append(Run(r.text[cut:], r.bold, r.italic, r.href))
        cut = 0
    return out


def lists_markdown(lines: list[ListLine]) -> str:
    """Consecutive list lines as Markdown; numbering restarts per list."""
    blocks = [
        Block("number" if line.ordered else "bullet", spans(line.runs), line.level)
        for line in lines
    ]
    return blocks_to_markdown(blocks)
