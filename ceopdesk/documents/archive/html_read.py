"""HTML (already cleaned of page furniture) as source paragraphs.

Headings give outline levels, ``<li>`` list items (nested one level), ``<b>``/
``<strong>`` bold, ``<i>``/``<em>`` italic, ``<a href>`` links; ``<br>`` splits a
paragraph into lines the way a typed contact block is written.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import ParserError, XMLSyntaxError, _Element

from ..blocks import Run
from ..source import SourceParagraph

_BLOCKS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "th",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "footer",
    "address",
    "figcaption",
    "caption",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "main",
    "body",
    "html",
}
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "button", "form", "nav"}
_HEADING = re.compile(r"^h([1-6])$")


def html_paragraphs(html: str) -> list[SourceParagraph]:
    if not html.strip():
        return []
    try:
        root = lxml.html.document_fromstring(html)
    except (ParserError, XMLSyntaxError, ValueError):
        return []
    out: list[SourceParagraph] = []
    _Walker(out).block(root, None, 0)
    return [p for p in out if p.text.strip()]


class _Walker:
    def __init__(self, out: list[SourceParagraph]) -> None:
        self.out = out
        self.current: SourceParagraph | None = None

    def _open(self, tag: str, list_kind: str | None, level: int) -> SourceParagraph:
        m = _HEADING.match(tag)
        para = SourceParagraph(
            style=tag,
            outline_level=int(m.group(1)) if m else None,
            list_kind=list_kind if tag == "li" else None,  # type: ignore[arg-type]
            list_level=min(level, 1),
        )
        self.out.append(para)
        return para

    def block(self, el: _Element, list_kind: str | None, depth: int) -> None:
        """Walk a block element: its inline content makes paragraphs, blocks recurse."""
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            return
        if tag in ("ul", "ol"):
            kind = "number" if tag == "ol" else "bullet"
            level = depth + 1 if list_kind else 0
            for child in el:
                self.block(child, kind, level)
            self.current = None
            return
        self.current = self._open(tag, list_kind, depth)
        self._text(el.text, False, False, None)
        for child in el:
            ctag = child.tag if isinstance(child.tag, str) else ""
            if ctag in _BLOCKS:
                self.block(child, list_kind if ctag in ("ul", "ol") else None, depth)
                self.current = self._open(tag, None, depth) if tag != "li" else None
            else:
                self.inline(child, False, False, None)
            self._text(child.tail, False, False, None)
        self.current = None

    def inline(self, el: _Element, bold: bool, italic: bool, href: str | None) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            return
        if tag == "br":
            self._text("\n", bold, italic, href)
            return
        bold = bold or tag in ("b", "strong")
        italic = italic or tag in ("i", "em", "cite")
        if tag == "a" and el.get("href"):
            href = el.get("href")
        self._text(el.text, bold, italic, href)
        for child in el:
            self.inline(child, bold, italic, href)
            self._text(child.tail, bold, italic, href)

    def _text(self, text: str | None, bold: bool, italic: bool, href: str | None) -> None:
        if not text:
            return
        if text != "\n":
            text = re.sub(r"[ \t\r\n]+", " ", text)
        if self.current is None:
            if not text.strip():
                return
            self.current = self._open("p", None, 0)
        if not self.current.runs:
            text = text.lstrip()
        self.current.runs.append(Run(text, bold, italic, href))
