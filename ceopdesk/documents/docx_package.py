"""The package-level half of writing a .docx: properties, leftovers, saving.

Kept apart from the body writer because none of it depends on the release's
content, and all of it is about what else a Word file carries and how it
reaches the disk.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from ceopdesk.core.atomic import atomic_write
from ceopdesk.core.domain import Release, Settings

# Relationship types a template may carry that must not reach a release:
# thumbnails and custom properties are the template's, not the release's;
# customXml and comments can hold names and remarks from whoever made it.
_DROP_FROM_PACKAGE = {RT.THUMBNAIL, RT.CUSTOM_PROPERTIES}
_DROP_FROM_DOCUMENT = {
    RT.CUSTOM_XML,
    RT.COMMENTS,
    "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
    "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
    "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
    "http://schemas.microsoft.com/office/2011/relationships/people",
}
_COMMENT_MARKS = ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference")
_CORE_LIMIT = 255  # python-docx refuses longer core property values


def set_properties(document: Document, release: Release, settings: Settings) -> None:
    props = document.core_properties
    # Start from nothing, so no property of the template's (or python-docx's
    # defaults) survives into the release.
    element = props._element
    for child in list(element):
        element.remove(child)
    now = datetime.now(UTC).replace(microsecond=0)
    props.title = shorten(release.headline, _CORE_LIMIT) or release.reference
    props.author = props.last_modified_by = shorten(settings.press_office_name, _CORE_LIMIT)
    props.subject = ""
    # Not the release's tags: they are the press office's own filing, and
    # keywords show to anyone who opens the file (File > Info in Word).
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.language = "en-GB"
    props.created = props.modified = now
    props.revision = 1


def shorten(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # Back to the last space, unless that throws away most of the room (one huge word).
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


def strip_leftovers(document: Document, settings: Settings) -> None:
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype in _DROP_FROM_PACKAGE:
            del package.rels[rel_id]
        elif rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            # Replaced whole: a template's app.xml names its application,
            # company, manager and template file.
            rel.target_part._blob = _app_xml(settings)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype in _DROP_FROM_DOCUMENT:
            del document.part.rels[rel_id]
        elif rel.reltype in (RT.HEADER, RT.FOOTER):
            marks = rel.target_part.element.xpath(" | ".join(f".//{m}" for m in _COMMENT_MARKS))
            for mark in marks:
                mark.getparent().remove(mark)


def _app_xml(settings: Settings) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>ceopdesk</Application><DocSecurity>0</DocSecurity>"
        f"<Company>{escape(settings.organisation)}</Company></Properties>"
    ).encode()


def save_atomically(document: Document, target: Path) -> None:
    with atomic_write(target, binary=True) as handle:
        document.save(handle)
