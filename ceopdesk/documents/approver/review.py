"""What an approver did in Word besides typing: tracked changes and comments.

:func:`take_review` works on an opened document before its paragraphs are
read.  It accepts every tracked change in place (an insertion's text stays, a
deletion's goes, a moved passage ends up where it was moved to), noting each
one with its author, and it collects every comment with the text it is
anchored to.  The paragraph reader then sees the document as the approver
meant it, and the comparison reports each tracked change as the change it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn

_P = qn("w:p")
_T = qn("w:t")
_DEL_T = qn("w:delText")
_TAB = qn("w:tab")
_BR = qn("w:br")


@dataclass
class TrackedChange:
    kind: str  # "inserted" or "deleted"
    text: str
    author: str
    paragraph: Any  # the w:p element it sits in


@dataclass
class ReviewComment:
    author: str
    text: str
    anchor: str  # the text the comment points at
    paragraph: Any | None  # the w:p element where the anchor starts


@dataclass
class Review:
    changes: list[TrackedChange] = field(default_factory=list)
    comments: list[ReviewComment] = field(default_factory=list)


def take_review(document: Document) -> Review:
    """Note and accept every tracked change in the body; collect the comments."""
    body = document.element.body
    review = Review()
    review.comments = _comments(document, body)
    for tag, kind in (
        ("w:ins", "inserted"),
        ("w:moveTo", "inserted"),
        ("w:del", "deleted"),
        ("w:moveFrom", "deleted"),
    ):
        for element in list(body.iter(qn(tag))):
            parent = element.getparent()
            if parent is None or parent.tag == qn("w:rPr"):
                continue  # a paragraph mark's revision: handled below
            text = _text(element, deleted=kind == "deleted")
            if text.strip():
                author = element.get(qn("w:author")) or "someone"
                review.changes.append(TrackedChange(kind, text, author, _paragraph_of(element)))
            if kind == "inserted":
                _unwrap(element)
            else:
                parent.remove(element)
    _join_deleted_paragraph_marks(body)
    return review


def _text(element: Any, deleted: bool = False) -> str:
    wanted = _DEL_T if deleted else _T
    out = []
    for node in element.iter():
        if node.tag in (wanted, _T):
            out.append(node.text or "")
        elif node.tag == _TAB:
            out.append("\t")
        elif node.tag == _BR:
            out.append("\n")
    return "".join(out)


def _paragraph_of(element: Any) -> Any:
    while element is not None and element.tag != _P:
        element = element.getparent()
    return element


def _unwrap(element: Any) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _join_deleted_paragraph_marks(body: Any) -> None:
    """A deleted paragraph mark joins the paragraph to the next one, as Word does on accepting."""
    for mark in list(body.iter(qn("w:del"))):
        rpr = mark.getparent()
        ppr = rpr.getparent() if rpr is not None else None
        p = ppr.getparent() if ppr is not None else None
        if p is None or p.tag != _P:
            continue
        rpr.remove(mark)
        following = p.getnext()
        if following is None or following.tag != _P:
            continue
        for child in list(following):
            if child.tag != qn("w:pPr"):
                p.append(child)
        following.getparent().remove(following)


def _comments(document: Document, body: Any) -> list[ReviewComment]:
    try:
        stored = {c.comment_id: c for c in document.comments}
    except (KeyError, ValueError, AttributeError):
        return []
    if not stored:
        return []
    anchors: dict[int, list[str]] = {}
    starts: dict[int, Any] = {}
    open_ids: set[int] = set()
    for node in body.iter():
        if node.tag == qn("w:commentRangeStart"):
            cid = int(node.get(qn("w:id"), "-1"))
            open_ids.add(cid)
            starts.setdefault(cid, _paragraph_of(node))
            anchors.setdefault(cid, [])
        elif node.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(node.get(qn("w:id"), "-1")))
        elif node.tag == qn("w:commentReference"):
            starts.setdefault(int(node.get(qn("w:id"), "-1")), _paragraph_of(node))
        elif node.tag == _T and open_ids:
            for cid in open_ids:
                anchors[cid].append(node.text or "")
    found = []
    for cid, comment in stored.items():
        found.append(
            ReviewComment(
                author=comment.author or "someone",
                text=comment.text.strip(),
                anchor="".join(anchors.get(cid, [])).strip(),
                paragraph=starts.get(cid),
            )
        )
    return found
