"""Runs read from a file, written as the house Markdown subset by the one converter.

The readers keep bold, italic and links as ``Run``s; ``core.richtext`` (the
conversion shared with paste and the approver round trip) escapes the prose and
writes the markup, so "2012. A year" or "* not a bullet" stays prose.
"""

from __future__ import annotations

from ceopdesk.core.richtext import Block, Span, blocks_to_markdown

from ..blocks import Run
from ..markup import safe_href


def spans(runs: list[Run]) -> list[Span]:
    return [
        Span(r.text.replace("\t", " "), r.bold, r.italic, safe_href(r.href) if r.href else None)
        for r in runs
    ]


def runs_to_markdown(runs: list[Run]) -> str:
    return blocks_to_markdown([Block("paragraph", spans(runs))]).strip()
