"""Runs (text with bold, italic, links) as the house Markdown subset.

Prose is escaped so that "2012. A year" or "* not a bullet" stays prose.
"""

from __future__ import annotations

import re

from ..blocks import Run, merge_runs
from ..markup import safe_href

# Characters that would start markup inside a line, and a line start that
# would be read as a list or a heading.
_INLINE = re.compile(r"([\\`*_\[\]<>])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(\s)|^(\s*)([-+#>])(\s|$)")


def escape_text(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text)
    return "\n".join(_LINE_START.sub(_escape_start, line) for line in text.split("\n"))


def _escape_start(m: re.Match[str]) -> str:
    if m.group(2) is not None:
        return f"{m.group(1)}{m.group(2)}\\{m.group(3)}{m.group(4)}"
    return f"{m.group(5)}\\{m.group(6)}{m.group(7)}"


def runs_to_markdown(runs: list[Run]) -> str:
    out: list[str] = []
    for run in merge_runs(runs):
        text = run.text.replace("\t", " ")
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        core = escape_text(text.strip())
        if not core:
            out.append(text)
            continue
        if run.bold and run.italic:
            core = f"***{core}***"
        elif run.bold:
            core = f"**{core}**"
        elif run.italic:
            core = f"*{core}*"
        href = safe_href(run.href) if run.href else None
        if href:
            core = f"[{core}]({href})"
        out.append(lead + core + trail)
    return "".join(out).strip()
