"""An accessibility check of an exported .docx, read from its XML (PSBAR 2018 / WCAG 2.2 basics).

:func:`problems` lists what a checker (Word's, a screen reader, a tagged PDF)
would fault: headings missing, out of order or empty; no title or language;
paragraphs left empty for spacing; table header rows not marked or formatted
by hand; link text that does not say where it goes; right-to-left text in a
paragraph not marked right-to-left.  An empty list means the file passes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from ceopdesk.documents.direction import first_strong

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {
    "w": W,
    "r": R,
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}
VAL = f"{{{W}}}val"
# Link texts that say nothing about where the link goes (WCAG 2.4.4).
VAGUE_LINKS = {"here", "click here", "link", "this link", "this", "more", "read more", "website"}


def problems(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        parts = {
            n: etree.fromstring(package.read(n)) for n in package.namelist() if n.endswith(".xml")
        }
    document, styles = parts["word/document.xml"], parts["word/styles.xml"]
    found = _properties(parts["docProps/core.xml"], styles)
    found += _headings(document, styles)
    found += _empty_paragraphs(document)
    found += _tables(document)
    found += _links(document)
    found += _directions(document)
    return found


def _properties(core: etree._Element, styles: etree._Element) -> list[str]:
    out = []
    title = core.findtext("dc:title", default="", namespaces=NS).strip()
    if not title:
        out.append("the document has no title")
    elif len(title) > 255:
        out.append("the title is longer than 255 characters")
    if core.findtext("dc:language", default="", namespaces=NS) != "en-GB":
        out.append("the document language (dc:language) is not en-GB")
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    if lang is None or lang.get(VAL) != "en-GB":
        out.append("the text's default language is not en-GB")
    return out


def outline_level(p: etree._Element, styles: etree._Element) -> int | None:
    """A paragraph's outline level (0 = heading 1), from itself or its style chain."""
    own = p.find("w:pPr/w:outlineLvl", NS)
    if own is not None:
        return int(own.get(VAL))
    style = p.find("w:pPr/w:pStyle", NS)
    sid = style.get(VAL) if style is not None else None
    seen: set[str] = set()
    while sid and sid not in seen:
        seen.add(sid)
        element = styles.find(f"w:style[@w:styleId='{sid}']", NS)
        if element is None:
            return None
        level = element.find("w:pPr/w:outlineLvl", NS)
        if level is not None:
            value = int(level.get(VAL))
            return value if value < 9 else None  # 9 is "body text"
        based = element.find("w:basedOn", NS)
        sid = based.get(VAL) if based is not None else None
    return None


def headings(path: Path) -> list[tuple[int, str]]:
    """(level from 1, text) of each heading in the body, in order."""
    with zipfile.ZipFile(path) as package:
        document = etree.fromstring(package.read("word/document.xml"))
        styles = etree.fromstring(package.read("word/styles.xml"))
    return _heading_list(document, styles)


def _heading_list(document: etree._Element, styles: etree._Element) -> list[tuple[int, str]]:
    out = []
    for p in document.iterfind("w:body/w:p", NS):
        level = outline_level(p, styles)
        if level is not None:
            out.append((level + 1, _text(p)))
    return out


def _headings(document: etree._Element, styles: etree._Element) -> list[str]:
    found = _heading_list(document, styles)
    if not found:
        return ["the document has no headings"]
    out = []
    if found[0][0] != 1:
        out.append(f"the first heading is level {found[0][0]}, not 1")
    if sum(1 for level, _ in found if level == 1) != 1:
        out.append("the document has more or fewer than one level 1 heading")
    for (before, _), (level, text) in zip(found, found[1:], strict=False):
        if level > before + 1:
            out.append(f"heading {text!r} is level {level} straight after level {before}")
    out += [f"an empty level {level} heading" for level, text in found if not text.strip()]
    return out


def _empty_paragraphs(document: etree._Element) -> list[str]:
    # Table cells must hold a paragraph, empty or not; everywhere else an
    # empty paragraph is spacing done by hand, which a screen reader reads as "blank".
    empty = [
        p
        for p in document.iterfind("w:body/w:p", NS)
        if not _text(p).strip() and p.find(".//w:drawing", NS) is None
    ]
    return [f"{len(empty)} empty paragraph(s) in the body"] if empty else []


def _tables(document: etree._Element) -> list[str]:
    out = []
    for index, table in enumerate(document.iterfind("w:body/w:tbl", NS), start=1):
        first = table.find("w:tr", NS)
        if first is None or first.find("w:trPr/w:tblHeader", NS) is None:
            out.append(f"table {index} has no header row marked as one")
            continue
        styled = table.find("w:tblPr/w:tblStyle", NS) is not None
        if styled and first.findall(".//w:r/w:rPr/w:b", NS):
            out.append(f"table {index}'s header row is formatted by hand, not by its table style")
    return out


def _links(document: etree._Element) -> list[str]:
    out = []
    for link in document.iter(f"{{{W}}}hyperlink"):
        text = _text(link).strip()
        if not link.get(f"{{{R}}}id") and not link.get(f"{{{W}}}anchor"):
            out.append(f"link {text!r} goes nowhere")
        if not text or text.lower().strip(".:") in VAGUE_LINKS:
            out.append(f"link text {text!r} does not say where it goes")
    return out


def _directions(document: etree._Element) -> list[str]:
    out = []
    for p in document.iter(f"{{{W}}}p"):
        text = _text(p)
        rtl = first_strong(text) == "rtl"
        marked = p.find("w:pPr/w:bidi", NS) is not None
        if rtl != marked:
            out.append(f"paragraph {text[:30]!r} is {'not ' if rtl else ''}marked right-to-left")
    return out


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{{{W}}}t"))
