"""The Markdown subset of release text, turned into blocks.

Paragraphs, ``-``/``*`` bullets, ``1.`` numbered lists (one level of nesting:
deeper items are kept at the second level), ``**bold**``, ``*italic*``,
``[links](https://…)``, ``###`` sub-headings (notes only) and, in notes,
pipe tables.  Raw HTML is off, so ``<script>`` stays literal text.  Anything
outside the subset degrades to plain paragraphs rather than being lost.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..core.richtext.markdown import token_spans
from .blocks import LIST_BULLET, LIST_NUMBER, Block, ListItem, Paragraph, Run, Table, merge_runs

# Built once: constructing a parser compiles its rule chains.
_MD = MarkdownIt("commonmark", {"html": False})
_MD_NOTES = MarkdownIt("commonmark", {"html": False}).enable("table")

_BARE_DOMAIN = re.compile(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/|$)", re.IGNORECASE)


def safe_href(href: str) -> str | None:
    """Return a link target a reader can follow, or None for anything else.

    ``www.ceop.police.uk`` gets https:// so Word does not treat it as a file
    beside the document; schemes other than http(s)/mailto are dropped.
    """
    href = href.strip()
    scheme = urlsplit(href).scheme.lower()
    if scheme in ("http", "https", "mailto"):
        return href
    if not scheme and _BARE_DOMAIN.match(href):
        return "https://" + href
    return None


def inline_runs(source: str) -> list[Run]:
    """Runs for one line of inline Markdown (standfirst, table cells)."""
    tokens = _MD.parseInline(source)
    return _runs(tokens[0].children or []) if tokens else []


def _runs(children: list[Token]) -> list[Run]:
    # Merged so Word gets fewer runs and the importer sees whole phrases.
    return merge_runs(
        [
            Run(s.text, s.bold, s.italic, safe_href(s.href) if s.href else None)
            for s in token_spans(children)
        ]
    )


@dataclass
class _ListFrame:
    ordered: bool
    list_id: int
    start: int
    level: int
    count: int = 0
    item_open: bool = False  # the current item has had its first paragraph


def parse_blocks(
    source: str,
    *,
    paragraph_style: str,
    heading_style: str | None,
    list_ids: itertools.count,
    tables: bool = False,
    list_styles: tuple[str, str] = (LIST_BULLET, LIST_NUMBER),
) -> list[Block]:
    """Blocks for a Markdown text field.

    ``heading_style`` None means headings become bold paragraphs (body text
    has no sub-headings in the house style).  ``list_ids`` is shared across a
    whole release so every separate list gets its own id; ``list_styles`` are
    the (bullet, number) styles of the field's lists.
    """
    tokens = (_MD_NOTES if tables else _MD).parse(source)
    blocks: list[Block] = []
    stack: list[_ListFrame] = []
    heading = False
    row: list[list[Run]] | None = None
    table: Table | None = None
    for tok in tokens:
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            start = int(tok.attrs.get("start", 1)) if ordered else 1
            level = min(len(stack), 1)
            stack.append(_ListFrame(ordered, next(list_ids), start, level))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            stack.pop()
        elif kind == "list_item_open":
            stack[-1].item_open = False
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind == "table_open":
            table = Table(rows=[], header_rows=0)
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and table is not None and row is not None:
            table.rows.append(row)
            row = None
        elif kind == "thead_close" and table is not None:
            table.header_rows = len(table.rows)
        elif kind == "table_close" and table is not None:
            blocks.append(table)
            table = None
        elif kind == "inline":
            runs = _runs(tok.children or [])
            if row is not None:
                row.append(runs)
            elif heading:
                if heading_style is None or stack:
                    bold = [Run(r.text, True, r.italic, r.href) for r in runs]
                    _add_text(blocks, bold, paragraph_style, stack, list_styles)
                elif runs:
                    blocks.append(Paragraph(heading_style, runs))
            else:
                _add_text(blocks, runs, paragraph_style, stack, list_styles)
        elif kind in ("code_block", "fence"):
            _add_text(blocks, [Run(tok.content.rstrip("\n"))], paragraph_style, stack, list_styles)
    return blocks


def _add_text(
    blocks: list[Block],
    runs: list[Run],
    paragraph_style: str,
    stack: list[_ListFrame],
    list_styles: tuple[str, str],
) -> None:
    if not runs:
        return
    if not stack:
        blocks.append(Paragraph(paragraph_style, runs))
        return
    frame = stack[-1]
    if not frame.item_open:
        frame.item_open = True
        number = frame.start + frame.count if frame.ordered else None
        frame.count += 1
        style = list_styles[1] if frame.ordered else list_styles[0]
        blocks.append(ListItem(style, runs, frame.level, frame.list_id, number, frame.start))
        return
    # A second paragraph inside one item: keep it in the item after a line
    # break when nothing came between, so the list is not split.
    last = blocks[-1] if blocks else None
    if isinstance(last, ListItem) and last.list_id == frame.list_id:
        last.runs = [*last.runs, Run("\n"), *runs]
    else:
        blocks.append(Paragraph(paragraph_style, runs))
