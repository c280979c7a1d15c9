"""What makes the Word file accessible and right-to-left aware, kept out of the body writer.

Heading outline levels (so the navigation pane, screen readers and a tagged
PDF see the headline, "Notes to editors" and the note titles as headings),
repeating header rows, and the bidi marks of right-to-left paragraphs and runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.text.parfmt import CT_PPr

from .blocks import HEADING_LEVELS, Run
from .direction import FSI, PDI, first_strong, is_rtl

# w:pPr children that come after w:bidi, in schema order.
_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_ISOLATED = re.compile(f"({FSI}[^{PDI}]*{PDI})")


def ensure_outline_levels(document: Document, ids: dict[tuple[WD_STYLE_TYPE, str], str]) -> None:
    """Give each heading style an outline level unless it (or a style under it) has one.

    The shipped template has them; an organisation's own template may not,
    and a document without heading levels is not accessible.
    """
    styles = document.styles.element
    for name, level in HEADING_LEVELS.items():
        sid = ids.get((WD_STYLE_TYPE.PARAGRAPH, name.lower()))
        if sid is None or _inherited_outline(styles, sid) is not None:
            continue
        style = styles.xpath(f'./w:style[@w:styleId="{sid}"]')[0]
        style.get_or_add_pPr().get_or_add_outlineLvl().val = level


def _inherited_outline(styles, sid: str) -> int | None:
    seen: set[str] = set()
    while sid and sid not in seen:
        seen.add(sid)
        found = styles.xpath(f'./w:style[@w:styleId="{sid}"]')
        if not found:
            return None
        level = found[0].xpath("./w:pPr/w:outlineLvl/@w:val")
        if level:
            # 9 is "body text": a heading style set so is as good as none.
            return int(level[0]) if int(level[0]) < 9 else None
        based = found[0].xpath("./w:basedOn/@w:val")
        sid = based[0] if based else ""
    return None


def mark_rtl(p_pr: CT_PPr, text: str) -> bool:
    """Mark a paragraph right-to-left when its text is; return whether it is."""
    if not is_rtl(text):
        return False
    p_pr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
    return True


def direction_runs(runs: list[Run], paragraph_rtl: bool) -> Iterator[tuple[Run, bool]]:
    """Each run, split at isolates, with whether it is a right-to-left run.

    In a right-to-left paragraph every run is, except one that starts with a
    left-to-right letter (an English name in Arabic text); in a left-to-right
    one, only isolated right-to-left text (a name in an attribution line) is.
    Splitting at the isolates also gives Word, which may not honour isolate
    characters, run boundaries to order by.
    """
    for run in runs:
        for piece in _ISOLATED.split(run.text) if FSI in run.text else [run.text]:
            if not piece:
                continue
            own = first_strong(piece.strip(FSI + PDI))
            rtl = own == "rtl" or (paragraph_rtl and own != "ltr")
            yield Run(piece, run.bold, run.italic, run.href), rtl


def mark_header_row(tr) -> None:
    """A header row that repeats on each page and that assistive technology reads as one."""
    tr_pr = tr.get_or_add_trPr()
    tr_pr.insert_element_before(
        OxmlElement("w:tblHeader"),
        "w:tblCellSpacing",
        "w:jc",
        "w:hidden",
        "w:ins",
        "w:del",
        "w:trPrChange",
    )
