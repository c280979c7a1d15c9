"""Plain text (typed, or pasted from a browser) as source paragraphs.

Blank lines separate paragraphs; inside a block, a line starts a new paragraph
when it is a list line or the line before it is short (a hard-wrapped
paragraph's lines run to the margin). Text pasted from a web page carries the
site's furniture glued on - "Skip to main content", breadcrumbs, "Share this
page", cookie notices, footers - and those lines are dropped here: with no
markup left, only their wording tells them apart.
"""

from __future__ import annotations

import re

from ..source import SourceParagraph, plain

_LIST_START = re.compile(r"^\s*(?:[•·●▪■◦‣∙○\-–*]|o(?=\s)|\d{1,2}[.)])\s+")
_FURNITURE = re.compile(
    r"^\W*(?:skip\s+to\s+(?:main\s+)?content|jump\s+to\b|back\s+to\s+top|print(?:\s+this"
    r"(?:\s+page)?)?|share(?:\s+(?:this|on)\b.*)?|tweet|follow\s+us\b.*|email\s+this(?:\s+page)?|"
    r"(?:accept|reject|manage)\s+(?:all\s+)?cookies?.*|.*\bcookies?\b.*\b(?:accept|consent|"
    r"settings|improve|experience)\b.*|related\s+(?:news|stories|articles|links|content)|"
    r"you\s+are\s+here\s*:?.*|menu|search|home|sign\s+in|log\s+in|subscribe.*|"
    r"(?:©|\(c\)|copyright)\s.*|all\s+rights\s+reserved.*|privacy(?:\s+policy)?|accessibility"
    r"(?:\s+statement)?|terms(?:\s+(?:and|&)\s+conditions)?|sitemap|contact\s+us|"
    r"was\s+this\s+page\s+(?:useful|helpful)\??.*|last\s+updated\s*:?.*|page\s+\d+\s+of\s+\d+)"
    r"\W*$",
    re.IGNORECASE,
)
# "Home > News > Press releases", "Home / News / 2012"
_BREADCRUMB = re.compile(r"^\s*home\s*(?:[>/»›|]\s*[^>/»›|]{1,40}\s*){1,6}$", re.IGNORECASE)
# A row of menu words: "Home  News  About us  Contact" (3+ short capitalised items, no sentence).
_MENU_ROW = re.compile(
    r"^(?:[A-Z][\w&'’]*(?:\s[a-z&]{1,4}\s?[A-Z]?\w*)?(?:\s{2,}|\s*\|\s*|\t)){2,}[A-Z][\w&'’]*\s*$"
)


def is_furniture(line: str) -> bool:
    line = line.strip()
    return bool(_FURNITURE.match(line) or _BREADCRUMB.match(line) or _MENU_ROW.match(line))


def text_paragraphs(text: str) -> list[SourceParagraph]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    out: list[SourceParagraph] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.rstrip() for ln in block.split("\n") if ln.strip()]
        current: list[str] = []
        for line in lines:
            if is_furniture(line):
                continue
            new = (
                not current
                or _LIST_START.match(line)
                or len(current[-1]) < 55
                or current[-1].rstrip().endswith(":")
            )
            if new:
                if current:
                    out.append(plain(" ".join(current)))
                current = [line.strip() if not _LIST_START.match(line) else line]
            else:
                current.append(line.strip())
        if current:
            out.append(plain(" ".join(current)))
    return out
