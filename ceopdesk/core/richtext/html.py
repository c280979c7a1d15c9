"""HTML (Word's clipboard, web pages, e-mail bodies) to blocks.

lxml's HTML parser (libxml2, already here through python-docx) reads the
broken and vendor-specific markup these sources produce; the walk below keeps
only what the house subset has: paragraphs, lists, line breaks, bold, italic
and links.  Fonts, colours, sizes, styles, tables, images and hidden tracking
spans are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from .clean import Removed, remove_invisible
from .markers import split_marked_lines
from .model import BREAK, Block, BlockKind, Span, merge_spans

_SKIP = {
    "head",
    "style",
    "script",
    "title",
    "meta",
    "link",
    "noscript",
    "template",
    "svg",
    "object",
    "iframe",
    "video",
    "audio",
    "canvas",
    "input",
    "button",
    "select",
    "textarea",
    "map",
    "area",
    "xml",
    "base",
}
_PICTURES = {"img", "picture", "image"}
_BLOCKS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "address",
    "center",
    "form",
    "fieldset",
    "details",
    "summary",
    "tr",
    "td",
    "th",
    "caption",
    "hr",
    "body",
    "html",
    "table",
    "tbody",
    "thead",
    "tfoot",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CELLS = {"td", "th"}
_LINK_SCHEMES = re.compile(r"^(https?:|mailto:)", re.IGNORECASE)
_BARE_DOMAIN = re.compile(r"^www\.[a-z0-9-]+(\.[a-z0-9-]+)+(/|$)", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\n\r\f]+")


def _style(el: etree._Element) -> dict[str, str]:
    out = {}
    for part in (el.get("style") or "").split(";"):
        name, _, value = part.partition(":")
        if value:
            out[name.strip().lower()] = value.strip().lower()
    return out


def _hidden(el: etree._Element, style: dict[str, str]) -> bool:
    return (
        el.get("hidden") is not None
        or style.get("display") == "none"
        or style.get("visibility") == "hidden"
        or style.get("mso-hide") == "all"
    )


def _href(el: etree._Element) -> str | None:
    href = (el.get("href") or "").strip()
    if _LINK_SCHEMES.match(href):
        return href
    if _BARE_DOMAIN.match(href):
        return "https://" + href
    return None  # anchors, relative links, javascript: — their text stays


_WORD_LEVEL = re.compile(r"level(\d+)")
_NUMBERED_MARK = re.compile(r"^\(?[0-9a-zA-Z]{1,4}[.)]")


@dataclass
class _Format:
    bold: bool = False
    italic: bool = False
    href: str | None = None
    pre: bool = False


@dataclass
class _Walk:
    removed: Removed
    blocks: list[Block] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    kind: BlockKind = "paragraph"
    level: int = 0
    lists: list[BlockKind] = field(default_factory=list)
    qt_levels: list[int | None] = field(default_factory=list)
    pictures: int = 0
    tables: int = 0
    hidden: int = 0

    # -- blocks -----------------------------------------------------------------
    def flush(self) -> None:
        if "".join(s.text for s in self.spans).strip():
            self.blocks.append(Block(self.kind, merge_spans(self.spans), self.level))
        self.spans = []
        self.kind, self.level = "paragraph", 0

    def start(self, kind: BlockKind, level: int = 0) -> None:
        self.flush()
        self.kind, self.level = kind, level

    def text(self, text: str | None, fmt: _Format) -> None:
        if not text:
            return
        text = remove_invisible(text, self.removed)
        if fmt.pre:
            text = text.replace("\n", BREAK)
        else:
            text = _SPACE.sub(" ", text)
            before = self.spans[-1].text[-1:] if self.spans else ""
            if before in ("", " ", BREAK):
                text = text.lstrip(" ")
        if text:
            self.spans.append(Span(text, fmt.bold, fmt.italic, fmt.href))

    def line_break(self) -> None:
        if self.spans and self.spans[-1].text.endswith(" "):
            last = self.spans[-1]
            self.spans[-1] = Span(last.text.rstrip(" "), *last.styled())
        self.spans.append(Span(BREAK))

    # -- elements ---------------------------------------------------------------
    def element(self, el: etree._Element, fmt: _Format) -> None:
        if not isinstance(el.tag, str):
            return  # comments, Word's <![if …]> and processing instructions
        tag = el.tag.lower()
        style = _style(el)
        if tag in _SKIP or tag.startswith(("v:", "w:", "m:")):
            return
        if _hidden(el, style) or "mso-list:ignore" in (el.get("style") or "").lower():
            if tag not in _PICTURES and "".join(el.itertext()).strip() and not _is_word_marker(el):
                self.hidden += 1
            return
        if tag in _PICTURES:
            if not _tracking_pixel(el):
                self.pictures += 1
            return
        fmt = _inline_format(tag, el, style, fmt)
        if tag == "br":
            self.line_break()
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists.append("number" if tag == "ol" else "bullet")
            # Qt writes a nested list as a sibling list with "-qt-list-indent: 2".
            qt_indent = style.get("-qt-list-indent", "")
            self.qt_levels.append(int(qt_indent) - 1 if qt_indent.isdigit() else None)
            self.children(el, fmt)
            self.lists.pop()
            self.qt_levels.pop()
            self.flush()
        elif tag == "li":
            kind = self.lists[-1] if self.lists else "bullet"
            qt_level = self.qt_levels[-1] if self.qt_levels else None
            depth = len(self.lists) - 1 if qt_level is None else qt_level
            self.start(kind, min(max(depth, 0), 1))
            self.children(el, fmt)
            self.flush()
        elif tag in _BLOCKS:
            self.block(el, tag, style, fmt)
        else:
            self.children(el, fmt)

    def block(self, el: etree._Element, tag: str, style: dict[str, str], fmt: _Format) -> None:
        if tag == "table":
            self.tables += 1
        if self.kind != "paragraph" and not self.spans and self.lists:
            # <li><p>…</p></li>: the paragraph is the item's own text.
            self.children(el, fmt)
            return
        if self.kind != "paragraph" and self.lists:
            self.line_break()  # a second paragraph in one list item
            self.children(el, fmt)
            return
        word_list = _word_list_item(el, style)
        if word_list is not None:
            self.start(*word_list)
        elif tag in _HEADINGS:
            self.start("heading")
        else:
            self.flush()
        self.children(el, _Format(fmt.bold, fmt.italic, fmt.href, fmt.pre or tag == "pre"))
        self.flush()

    def children(self, el: etree._Element, fmt: _Format) -> None:
        self.text(el.text, fmt)
        for child in el:
            self.element(child, fmt)
            self.text(child.tail, fmt)


def _inline_format(tag: str, el: etree._Element, style: dict[str, str], fmt: _Format) -> _Format:
    bold, italic, href = fmt.bold, fmt.italic, fmt.href
    if tag in ("b", "strong"):
        bold = True
    if tag in ("i", "em", "cite", "dfn"):
        italic = True
    weight = style.get("font-weight")
    if weight:
        bold = weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)
    if "font-style" in style:
        italic = style["font-style"] in ("italic", "oblique")
    if tag == "a" and el.get("href"):
        href = _href(el)
    return _Format(bold, italic, href, fmt.pre)


def _is_word_marker(el: etree._Element) -> bool:
    return "mso-list:ignore" in (el.get("style") or "").replace(" ", "").lower()


def _word_marker_text(el: etree._Element) -> str:
    for span in el.iter("span"):
        if _is_word_marker(span):
            return "".join(span.itertext()).strip()
    return ""


def _word_list_item(el: etree._Element, style: dict[str, str]) -> tuple[BlockKind, int] | None:
    """A Word list paragraph (``mso-list: l0 level2 lfo1``): its kind and level."""
    mso = style.get("mso-list", "")
    m = _WORD_LEVEL.search(mso)
    if m is None or "ignore" in mso:
        return None
    marker = _word_marker_text(el)
    kind: BlockKind = "number" if _NUMBERED_MARK.match(marker) else "bullet"
    return kind, min(int(m.group(1)) - 1, 1)


def _tracking_pixel(el: etree._Element) -> bool:
    size = (el.get("width") or "", el.get("height") or "")
    return size in (("1", "1"), ("0", "0")) or _hidden(el, _style(el))


def _without_clipboard_header(html: str) -> str:
    # Windows' CF_HTML puts "Version:0.9 StartHTML:…" before the markup.
    if html.startswith("Version:"):
        start = html.find("<")
        return html[start:] if start >= 0 else ""
    return html


def html_blocks(html: str, removed: Removed, notes: list[str]) -> list[Block]:
    """Blocks for an HTML fragment or page; what was left out is added to ``notes``."""
    html = _without_clipboard_header(html)
    if not html.strip():
        return []
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    walk = _Walk(removed)
    walk.element(root, _Format())
    walk.flush()
    if walk.pictures:
        notes.append(_count(walk.pictures, "picture", "pictures") + " left out.")
    if walk.tables:
        notes.append(_count(walk.tables, "table", "tables") + " turned into paragraphs.")
    if walk.hidden:
        notes.append(
            _count(walk.hidden, "hidden piece of text", "hidden pieces of text") + " left out."
        )
    blocks = [b for b in walk.blocks if b.text.strip()]
    return split_marked_lines(blocks)[0]


def _count(n: int, one: str, many: str) -> str:
    return f"{'One' if n == 1 else n} {one if n == 1 else many}"
