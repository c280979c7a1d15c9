"""Which release, and which content version of it, a Word file holds.

Written as custom document properties (``docProps/custom.xml``, File ▸
Properties ▸ Custom in Word), so a file an approver sends back can be compared
with exactly the version that was sent.  python-docx has no API for custom
properties; the part is small, so it is written here whole: the part, its
package relationship, and (added by python-docx on saving, from the part's
content type) its content-type override.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

CUSTOM_PROPERTIES_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# The format id every user-defined property carries (Office's FMTID_UserDefinedProperties).
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

REFERENCE = "ceopdesk reference"
VERSION = "ceopdesk content version"
CONTENT_HASH = "ceopdesk content hash"


@dataclass(frozen=True)
class Identity:
    reference: str
    version: int | None
    content_hash: str


def set_identity(document: Document, identity: Identity) -> None:
    """Give the document its identity; call after the template's own leftovers are gone."""
    values = {REFERENCE: identity.reference, CONTENT_HASH: identity.content_hash}
    if identity.version is not None:
        values[VERSION] = str(identity.version)
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            del package.rels[rel_id]
    part = Part(PackURI("/docProps/custom.xml"), CUSTOM_PROPERTIES_TYPE, _xml(values), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def _xml(values: dict[str, str]) -> bytes:
    props = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(name, {chr(34): "&quot;"})}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        # pid 0 and 1 are reserved; user-defined properties start at 2.
        for pid, (name, value) in enumerate(values.items(), start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_NS}" xmlns:vt="{_VT}">{props}</Properties>'
    ).encode()


def read_identity(document: Document) -> Identity | None:
    """The identity a file carries, or None when it has none (or it was stripped)."""
    package = document.part.package
    for rel in package.rels.values():
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            values = _parse(rel.target_part.blob)
            reference = values.get(REFERENCE)
            if not reference:
                return None
            version = values.get(VERSION, "")
            return Identity(
                reference=reference,
                version=int(version) if version.isdigit() else None,
                content_hash=values.get(CONTENT_HASH, ""),
            )
    return None


def _parse(blob: bytes) -> dict[str, str]:
    try:
        root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return {}
    values: dict[str, str] = {}
    for prop in root.iter(f"{{{_NS}}}property"):
        values[prop.get("name", "")] = "".join(prop.itertext()).strip()
    return values
