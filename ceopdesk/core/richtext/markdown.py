"""The stored Markdown: written from blocks with everything typed escaped, read back with
markdown-it-py (the same parser the Word export uses)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .model import (
    BREAK,
    Block,
    BlockKind,
    Cell,
    Span,
    merge_spans,
    one_paragraph,
    tidy,
    tidy_block,
)

# The Word export reads notes with tables enabled, so text is escaped for that reader too.
_MD = MarkdownIt("commonmark", {"html": False}).enable("table")

# Inline characters that can start markup anywhere on a line.
_INLINE = re.compile(r"[\\`*_\[\]<|]|&(?=#|[A-Za-z0-9]+;)")
# What may start a block when it begins a line: headings, quotes, list markers,
# thematic breaks, setext underlines, fences, ordered-list numbers ("2012. A year").
_LINE_START = re.compile(r"^(?:[#>+\-=~]|\d+(?=[.)]))")


def _escape_segment(segment: str, line_start: bool) -> str:
    segment = _INLINE.sub(lambda m: "\\" + m.group(0), segment)
    m = _LINE_START.match(segment) if line_start else None
    if m is None:
        return segment
    if m.group(0)[0].isdigit():
        return segment[: m.end()] + "\\" + segment[m.end() :]
    return "\\" + segment


def _escape(text: str, line_start: bool) -> str:
    """``text`` escaped; a line break becomes a Markdown line break."""
    segments = text.split(BREAK)
    return "\\\n".join(_escape_segment(seg, line_start or i > 0) for i, seg in enumerate(segments))


_EDGE_SPACE = re.compile(r"^[^\S\n]+|[^\S\n]+$")


def _entity_edges(source: str) -> str:
    """Markdown drops white space other than spaces and tabs at the ends of a
    block (a non-breaking space, say); an entity keeps it."""
    return _EDGE_SPACE.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(0)), source)


def escape_text(text: str) -> str:
    """Plain text as Markdown that reads back as that text, never as markup.

    A line break becomes a Markdown line break; spaces and tabs at the ends of
    a line are not kept (Markdown cannot keep them).
    """
    return _inline([Span(text)])


# -- writing -------------------------------------------------------------------


def _link_target(href: str) -> str:
    return re.sub(r"[()\\]", lambda m: "\\" + m.group(0), _MD.normalizeLink(href.strip()))


def _inline(spans: list[Span], marks: bool = True) -> str:
    """Spans as inline Markdown; ``marks`` False leaves bold and italic out."""
    out: list[str] = []
    line_start = True
    tidied = tidy_block(Block("paragraph", spans))
    for span in tidied.spans if tidied else []:
        text = _escape(span.text, line_start)
        line_start = span.text.endswith(BREAK)
        if marks and span.italic:
            text = f"*{text}*"
        if marks and span.bold:
            text = f"**{text}**"
        if span.href:
            text = f"[{text}]({_link_target(span.href)})"
            if out and out[-1].endswith("!"):  # "![" would start a picture
                out[-1] = out[-1][:-1] + "\\!"
        out.append(text)
    return _entity_edges("".join(out))


def _read_back(inline: str) -> list[Span]:
    parsed = parse_markdown(inline, headings=True)
    return parsed[0].spans if len(parsed) == 1 else []


def _inline_checked(block: Block) -> str:
    """Bold and italic are written with ``**``/``*``, which CommonMark reads as
    emphasis only beside the right characters ("**"427"**bar" is not bold).  The
    block is read back; where the marks did not hold, the block keeps its text
    and links and loses the emphasis that could not be written."""
    if not any(s.bold or s.italic for s in block.spans):
        return _inline(block.spans)  # plain text and links always read back
    for spans in (block.spans, _punctuation_outside(block.spans)):
        written = _inline(spans)
        if _read_back(written) == spans:
            return written
    return _inline(block.spans, marks=False)


def _punctuation_outside(spans: list[Span]) -> list[Span]:
    """Bold or italic narrowed to leave out punctuation at its ends: "**427**" is
    bold where **"427"** beside a letter could not be."""
    out: list[Span] = []
    for span in spans:
        if not (span.bold or span.italic) or span.href:
            out.append(span)
            continue
        m = re.match(r"^(\W*)(.*?)(\W*)$", span.text, re.DOTALL)
        assert m is not None
        head, core, tail = m.groups()
        if not core:
            out.append(span)
            continue
        out += [Span(head), Span(core, *span.styled()), Span(tail)]
    return merge_spans(out)


@dataclass(frozen=True)
class WrittenBlock:
    """One block as Markdown, before it takes its place (list markers, blank lines)."""

    kind: BlockKind
    level: int
    body: str

    @property
    def is_list(self) -> bool:
        return self.kind in ("bullet", "number")


def write_block(block: Block) -> WrittenBlock | None:
    """``block`` as Markdown; None when nothing of it can be stored (empty)."""
    tidied = tidy_block(block)
    if tidied is None:
        return None
    if tidied.kind == "table":
        return WrittenBlock("table", 0, _table(tidied.rows))
    return WrittenBlock(tidied.kind, tidied.level, _inline_checked(tidied))


def _table(rows: list[list[Cell]]) -> str:
    """A pipe table: the header row, the delimiter row, the other rows.  Every ``|``
    typed in a cell is escaped like any other markup character."""

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    written = [
        [_inline_checked(Block("paragraph", cell)) if cell else "" for cell in row] for row in rows
    ]
    head, *body = written
    return "\n".join([line(head), line(["---"] * len(head)), *map(line, body)])


def _marker(kind: BlockKind, number: int) -> str:
    return "- " if kind == "bullet" else f"{number}. "


def join_blocks(written: list[WrittenBlock]) -> str:
    """The stored text from written blocks: a blank line between blocks, lists tight,
    a nested item only under an item."""
    parts: list[str] = []
    top: BlockKind | None = None  # the kind of the list being written, if any
    nested: BlockKind | None = None
    counts = [0, 0]
    parent_width = 0
    for block in written:
        body = block.body
        if not block.is_list:
            top = None
            parts.append("### " + body if block.kind == "heading" else body)
            continue
        if block.level == 0 or top is None:
            counts[1], nested = 0, None
            if top == block.kind:
                counts[0] += 1
            else:
                top, counts[0] = block.kind, 1
                parts.append("")
            marker, indent = _marker(block.kind, counts[0]), ""
            parent_width = len(marker)
        else:
            counts[1] = counts[1] + 1 if nested == block.kind else 1
            nested = block.kind
            marker, indent = _marker(block.kind, counts[1]), " " * parent_width
        item = indent + marker + body.replace("\n", "\n" + indent + " " * len(marker))
        parts[-1] = f"{parts[-1]}\n{item}" if parts[-1] else item
    return "\n\n".join(parts)


def blocks_to_markdown(blocks: list[Block]) -> str:
    """The stored form of ``blocks``."""
    return join_blocks([w for w in map(write_block, blocks) if w is not None])


# -- reading -------------------------------------------------------------------


def token_spans(children: list[Token]) -> list[Span]:
    """Spans for markdown-it's inline tokens (also what the Word export reads)."""
    spans: list[Span] = []
    bold = italic = 0
    href: str | None = None
    for tok in children:
        kind = tok.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href = str(tok.attrs.get("href", "")) or None
        elif kind == "link_close":
            href = None
        else:
            text = {"softbreak": " ", "hardbreak": BREAK}.get(kind, tok.content)
            spans.append(Span(text, bold > 0, italic > 0, href))
    return merge_spans(spans)


def plain_text(source: str) -> str:
    """The words of stored Markdown without its markup, a line per block and per table
    row (for labels)."""
    return "\n".join(block.text for block in parse_markdown(source, tables=True))


def beyond_editor(source: str, *, tables: bool = False) -> str | None:
    """What in stored Markdown the editor cannot hold, or None: a table where the
    field has none (``tables`` off), or one inside a list or quote."""
    for tok in _MD.parse(source):
        if tok.type == "table_open" and (not tables or tok.level > 0):
            return "a table inside a list" if tables else "a table"
    return None


def parse_markdown(source: str, *, headings: bool = False, tables: bool = False) -> list[Block]:
    """Blocks for stored Markdown.

    Without ``headings`` a sub-heading reads as a bold paragraph (the body has
    none).  With ``tables`` (notes) a pipe table is a table block; without, or
    inside a list, its cells keep their text as paragraphs, as code and quotes
    do.  Deeper lists come up to the nested level; a second paragraph in a
    list item joins it after a line break.
    """
    blocks: list[Block] = []
    lists: list[BlockKind] = []
    item_started = False
    kind: BlockKind = "paragraph"
    table: Block | None = None
    for tok in _MD.parse(source):
        t = tok.type
        if table is not None:
            if t == "tr_open":
                table.rows.append([])
            elif t in ("th_open", "td_open"):
                table.rows[-1].append([])
            elif t == "inline":
                table.rows[-1][-1] = token_spans(tok.children or [])
            elif t == "table_close":
                blocks.append(table)
                table = None
            continue
        if t == "table_open" and tables and not lists:
            table = Block("table")
        elif t in ("bullet_list_open", "ordered_list_open"):
            lists.append("bullet" if t == "bullet_list_open" else "number")
        elif t in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t == "list_item_open":
            item_started = False
        elif t == "heading_open":
            kind = "heading"
        elif t == "heading_close":
            kind = "paragraph"
        elif t in ("inline", "code_block", "fence"):
            if t == "inline":
                spans = token_spans(tok.children or [])
            else:
                spans = [Span(tok.content.rstrip("\n"))]
            if kind == "heading" and (lists or not headings):
                spans = [Span(s.text, True, s.italic, s.href) for s in spans]
            if lists and item_started and blocks:
                blocks[-1].spans = merge_spans([*blocks[-1].spans, Span(BREAK), *spans])
            elif lists:
                item_started = True
                blocks.append(Block(lists[-1], spans, min(len(lists) - 1, 1)))
            else:
                heading = kind == "heading" and headings
                blocks.append(Block("heading" if heading else "paragraph", spans))
    return tidy(blocks)


def parse_inline(source: str) -> list[Block]:
    """The one paragraph of stored inline Markdown (a standfirst), read as the Word
    export reads it: "# of offenders" at the start is words, not a heading."""
    tokens = _MD.parseInline(source.strip())
    spans = token_spans(tokens[0].children or []) if tokens else []
    return one_paragraph([Block("paragraph", spans)])
