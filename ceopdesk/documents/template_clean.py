"""An organisation's Word template, reduced on use to what the writer needs.

A template from elsewhere can carry things into every export that nobody meant
to send to journalists: a remote attached template (template injection), linked
images and INCLUDEPICTURE fields (web beacons), DDE fields, macros, tracked-change
authors, comments, document variables, a glossary of building blocks, custom XML.
The package is rebuilt from an allow-list of parts — styles, numbering, settings,
fonts, theme, headers and footers with their local images — and, inside every one
of those, at any depth:

- relationships that leave the package, and every reference to a relationship
  that is not kept (``r:id``, ``r:link``, ``r:href``... on DrawingML, VML,
  hyperlinks, embedded fonts), go;
- VML's own links to files (``o:href``, ``src``, ``href``) and any attribute
  holding an outside address (``https://``, ``file:``, ``\\\\server``, ``C:\\``) go;
- fields are parsed, not matched whole: a field stays only when its code is PAGE
  or NUMPAGES with nothing after the name but number-format switches, and no
  field is nested inside it; everything else (INCLUDEPICTURE, DDE, a PAGE field
  whose code goes on with INCLUDEPICTURE, a DDE field hidden inside a PAGE field)
  goes with its shown result;
- revisions, comments, document variables and custom XML go.

``removed`` says, in words, what went. Every part the writer keeps is read
within a size limit by kind, and the whole within another; a template that
breaks one is refused with one sentence naming the part, not carried into
every export (see the ``MAX_*`` figures below).
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ceopdesk.core.errors import UserError

MB = 1024 * 1024
MAX_FILE = 20 * MB  # the .docx file as it is on disk
MAX_PICTURE = 5 * MB  # a letterhead logo is tens of kilobytes; every export carries it
MAX_XML_PART = 8 * MB  # the largest styles.xml of a real template is about 1 MB
MAX_KEPT = 24 * MB  # everything kept, unpacked
MAX_PARTS = 2000  # entries in the package (a real template has a few dozen)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
VML = "urn:schemas-microsoft-com:vml"
OFFICE = "urn:schemas-microsoft-com:office:office"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
ALLOWED_FIELDS = {"PAGE", "NUMPAGES"}
# What may follow PAGE or NUMPAGES: number formats (\* Arabic, \* roman, \* MERGEFORMAT...).
_NUMBER_FORMATS = {
    "ARABIC",
    "ARABICDASH",
    "ALPHABETIC",
    "ROMAN",
    "CARDTEXT",
    "ORDTEXT",
    "ORDINAL",
    "HEX",
    "DOLLARTEXT",
    "CAPS",
    "FIRSTCAP",
    "LOWER",
    "UPPER",
    "MERGEFORMAT",
    "CHARFORMAT",
}
_NUMBER_PICTURE = re.compile(r'^"?[0#.,\s-]*"?$')
# A field code's words: quoted strings (with \" inside) or runs of anything else.
_FIELD_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[^\s"]+')
# An attribute value that names something outside the package.
_OUTSIDE = re.compile(
    r"^\s*(?:[a-z][a-z0-9+.\-]*:(?://|\\\\)|(?:file|mailto|javascript|vbscript|data|mhtml|res|"
    r"its|ms-[a-z\-]+):|\\\\|//|[a-z]:[\\/])",
    re.IGNORECASE,
)
# Addresses that name a format, not a place to fetch (w:compatSetting's w:uri, a:ext's uri).
_FORMAT_NAME = re.compile(
    r"^https?://(?:schemas\.(?:microsoft\.com|openxmlformats\.org)|purl\.org|www\.w3\.org)/"
)
# VML's own attributes that name a file to fetch (with or without a namespace).
_VML_LINKS = {"href", "althref", "src"}

# Parts kept (after cleaning), compared in lower case as Word does; every other part is
# dropped with its relationships.
_KEPT = {
    "[content_types].xml",
    "_rels/.rels",
    "docprops/core.xml",
    "docprops/app.xml",
    "word/document.xml",
    "word/styles.xml",
    "word/styleswitheffects.xml",
    "word/numbering.xml",
    "word/settings.xml",
    "word/fonttable.xml",
    "word/websettings.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
}
_KEPT_PATTERN = re.compile(r"^word/(?:theme/theme\d*|header\d*|footer\d*)\.xml$")
_PICTURE = re.compile(r"^word/media/[^/]+\.(?:png|jpe?g|gif|bmp|emf|wmf|tiff?)$")

_DROPPED_PART_WORDS = (
    ("vbaproject", "macros"),
    ("vbadata", "macros"),
    ("glossary/", "a glossary of building blocks"),
    ("customxml", "custom XML"),
    ("comments", "comments"),
    ("people.xml", "tracked-change authors"),
    ("embeddings/", "embedded files"),
    ("activex", "ActiveX controls"),
    ("docprops/custom.xml", "the template's own custom properties"),
)

# A template's XML is read without DTDs, entities or the network, within libxml2's
# default depth limit.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass(frozen=True)
class CleanTemplate:
    data: bytes  # the cleaned .docx package
    removed: tuple[str, ...]  # what was taken out, one phrase each


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def clean_template(path: Path) -> CleanTemplate:
    """The template at ``path`` cleaned (cached while the file is unchanged)."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        raise UserError(f"The Word template {path} does not exist.") from None
    if stat.st_size > MAX_FILE:
        raise UserError(
            f"The Word template {path} is {stat.st_size // MB} MB; a template over "
            f"{MAX_FILE // MB} MB is refused, so use one without large pictures."
        )
    return _clean_cached(str(path), stat.st_mtime_ns, stat.st_size)


def removed_from_template(path: Path | str) -> str:
    """For the settings: " Removed from it on use: ..." or "" when nothing is removed."""
    try:
        removed = clean_template(Path(path)).removed
    except UserError:
        return ""  # check_template has said what is wrong with the file
    if not removed:
        return ""
    return " Removed from it on every use, for safety: " + "; ".join(removed) + "."


@functools.lru_cache(maxsize=4)
def _clean_cached(path: str, _mtime: int, _size: int) -> CleanTemplate:
    try:
        with zipfile.ZipFile(path) as package:
            return _Cleaner(Path(path), package).run()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        etree.XMLSyntaxError,
        KeyError,
        EOFError,
        NotImplementedError,  # a compression method zipfile does not know
        RuntimeError,  # an encrypted entry
        ValueError,
        OSError,
    ) as exc:
        raise UserError(
            f"The Word template {path} is not a Word .docx file that can be read."
        ) from exc


def _limit(name: str) -> tuple[int, str]:
    """The most a kept part may unpack to, and what it is called in the refusal."""
    if _PICTURE.match(name.lower()):
        return MAX_PICTURE, "a picture"
    return MAX_XML_PART, "a part"


@dataclass
class _Field:
    runs: list[etree._Element] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    separated: bool = False
    nested: list[str] = field(default_factory=list)  # names of fields inside it
    odd: bool = False  # code text after the result began


class _Cleaner:
    def __init__(self, path: Path, package: zipfile.ZipFile) -> None:
        self.path = path
        self.package = package
        self.removed: Counter[str] = Counter()
        infos = package.infolist()
        if len(infos) > MAX_PARTS:
            raise UserError(
                f"The Word template {path} holds {len(infos):,} parts; a template with more "
                f"than {MAX_PARTS:,} is refused."
            )
        self.names = {i.filename for i in infos}
        self.kept = {n for n in self.names if self._kept(n)}
        self._kept_lower = {n.lower(): n for n in self.kept}
        self._kept_ids: dict[str, set[str]] = {}  # part (lower case) -> relationship ids kept
        self._check_sizes(infos)

    def _check_sizes(self, infos: list[zipfile.ZipInfo]) -> None:
        total = 0
        for info in infos:
            if info.filename not in self.kept:
                continue  # never read
            limit, what = _limit(info.filename)
            if info.file_size > limit:
                self._too_big(info.filename, info.file_size, limit, what)
            total += info.file_size
            if total > MAX_KEPT:
                raise UserError(
                    f"The Word template {self.path} unpacks to more than {MAX_KEPT // MB} MB "
                    f"by its part {info.filename}; a template that large is refused."
                )

    def _too_big(self, name: str, size: int, limit: int, what: str) -> None:
        shown = f"{size / MB:.0f} MB" if size >= MB else f"{size:,} bytes"
        raise UserError(
            f"The Word template {self.path} is refused: its part {name} unpacks to {shown}, "
            f"over the {limit // MB} MB allowed for {what} that every export would carry."
        )

    def read(self, name: str) -> bytes:
        # The declared sizes were checked; a part that lies about its size is cut off here.
        limit, what = _limit(name)
        with self.package.open(name) as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            self._too_big(name, len(data), limit, what)
        return data

    def run(self) -> CleanTemplate:
        for name in sorted(self.names - self.kept):
            self._note_dropped_part(name)
        data = {n: self.read(n) for n in self.kept}
        rels = {n: self._clean_rels(n, data[n]) for n in self.kept if n.endswith(".rels")}
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for name in sorted(self.kept):
                lower = name.lower()
                body = rels[name] if name in rels else data[name]
                if lower == "[content_types].xml":
                    body = self._clean_types(body)
                elif lower.endswith(".xml") and not _PICTURE.match(lower):
                    body = self._clean_xml(name, body)
                target.writestr(name, body)
        return CleanTemplate(out.getvalue(), tuple(self._phrases()))

    # -- parts -------------------------------------------------------------
    def _kept(self, name: str) -> bool:
        lower = name.lower()
        if lower in _KEPT or _KEPT_PATTERN.match(lower) or _PICTURE.match(lower):
            return True
        if lower.startswith("word/_rels/") and lower.endswith(".rels"):
            owner = "word/" + posixpath.basename(lower)[: -len(".rels")]
            return owner in _KEPT or bool(_KEPT_PATTERN.match(owner))
        if lower.startswith("word/theme/_rels/") and lower.endswith(".rels"):
            return bool(_KEPT_PATTERN.match("word/theme/" + posixpath.basename(lower)[:-5]))
        return False

    def _note_dropped_part(self, name: str) -> None:
        lower = name.lower()
        for needle, words in _DROPPED_PART_WORDS:
            if needle in lower:
                self.removed[words] += 1
                return
        self.removed["other parts the Word export does not need"] += 1

    def _clean_rels(self, name: str, data: bytes) -> bytes:
        root = _parse(data)
        # word/_rels/x.xml.rels -> word; _rels/.rels -> the package root ("")
        source_dir = posixpath.dirname(posixpath.dirname(name))
        kept_ids: set[str] = set()
        for rel in list(root):
            if not isinstance(rel.tag, str):
                root.remove(rel)
                continue
            target = rel.get("Target", "")
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if rel.get("TargetMode", "Internal") != "Internal" or _OUTSIDE.match(target):
                self.removed[_external_words(kind, target)] += 1
            else:
                resolved = posixpath.normpath(
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.join(source_dir, target)
                ).lower()
                if resolved in self._kept_lower and not resolved.endswith(".rels"):
                    kept_ids.add(rel.get("Id", ""))
                    continue
            root.remove(rel)
        owner = posixpath.join(source_dir, posixpath.basename(name)[: -len(".rels")])
        self._kept_ids[owner.lower()] = kept_ids
        return _serialise(root)

    def _clean_types(self, data: bytes) -> bytes:
        root = _parse(data)
        for override in list(root.iter(f"{{{CT}}}Override")):
            part = override.get("PartName", "").lstrip("/").lower()
            if part not in self._kept_lower:
                root.remove(override)
            elif part == "word/document.xml":
                override.set("ContentType", DOCX_MAIN)  # a macro-enabled or .dotx main part
        return _serialise(root)

    # -- inside every XML part ---------------------------------------------------
    def _clean_xml(self, name: str, data: bytes) -> bytes:
        root = _parse(data)
        lower = name.lower()
        if lower == "word/settings.xml":
            self._clean_settings(root)
        self._drop_revisions(root)
        self._drop_comments(root)
        self._drop_fields(root)
        self._drop_objects(root)
        self._drop_references(root, self._kept_ids.get(lower, set()))
        for tag in ("customXml", "smartTag"):
            for el in list(root.iter(w(tag))):
                _unwrap(el)
                self.removed["custom XML"] += tag == "customXml"
        for el in list(root.iter(w("dataBinding"))):
            _remove(el)
            self.removed["custom XML"] += 1
        return _serialise(root)

    def _clean_settings(self, root: etree._Element) -> None:
        for tag, words in (
            ("attachedTemplate", None),
            ("docVars", "document variables"),
            ("mailMerge", "a mail-merge data source"),
            ("trackRevisions", None),
            ("rsids", None),
        ):
            for el in list(root.iter(w(tag))):
                _remove(el)
                if words:
                    self.removed[words] += 1

    def _drop_revisions(self, root: etree._Element) -> None:
        for tag in ("del", "moveFrom"):
            for el in list(root.iter(w(tag))):
                _remove(el)
                self.removed["tracked changes"] += 1
        for tag in ("ins", "moveTo"):
            for el in list(root.iter(w(tag))):
                _unwrap(el)
                self.removed["tracked changes"] += 1
        for tag in (
            "rPrChange",
            "pPrChange",
            "sectPrChange",
            "tblPrChange",
            "trPrChange",
            "tcPrChange",
            "numberingChange",
            "moveFromRangeStart",
            "moveFromRangeEnd",
            "moveToRangeStart",
            "moveToRangeEnd",
        ):
            for el in list(root.iter(w(tag))):
                _remove(el)
                self.removed["tracked changes"] += 1

    def _drop_comments(self, root: etree._Element) -> None:
        for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
            for el in list(root.iter(w(tag))):
                _remove(el)
                self.removed["comments"] += tag == "commentReference"

    # -- fields --------------------------------------------------------------
    def _drop_fields(self, root: etree._Element) -> None:
        for el in list(root.iter(w("fldData"))):  # a field's binary data: never needed
            _remove(el)
        # Simple fields: the code is an attribute; a field inside one (simple or complex)
        # takes the outer one with it.
        for simple in list(root.iter(w("fldSimple"))):
            if not _attached(simple, root):
                continue
            code = simple.get(w("instr"), "")
            inner, chars = [], False
            for e in simple.iter(w("fldSimple"), w("instrText"), w("fldChar")):
                if e.tag == w("fldSimple") and e is not simple:
                    inner.append(_field_name(e.get(w("instr"), "")) or "unnamed")
                elif e.tag == w("instrText"):
                    inner += [_field_name(e.text or "")] if (e.text or "").strip() else []
                chars = chars or e.tag == w("fldChar")
            if chars and not inner:
                inner = ["a field"]
            why = _field_refused(code, inner)
            if why:
                _remove(simple)
                self.removed[why] += 1
        self._drop_complex_fields(root)

    def _drop_complex_fields(self, root: etree._Element) -> None:
        """Complex fields: begin, code, separate, the shown result, end, in runs that may
        span paragraphs, with fields nested in the code or the result."""
        for run in list(root.iter(w("r"))):
            _split_field_run(run)
        stack: list[_Field] = []
        for run in list(root.iter(w("r"))):
            char = run.find(w("fldChar"))
            kind = char.get(w("fldCharType")) if char is not None else None
            codes = [t.text or "" for t in run.iter(w("instrText"))]
            if kind == "begin":
                if stack:
                    stack[0].runs.append(run)
                stack.append(_Field(runs=[] if stack else [run]))
                continue
            if not stack:
                if kind is not None or codes:  # a stray end, separator or code: drop it
                    _remove(run)
                continue
            stack[0].runs.append(run)
            top = stack[-1]
            if codes:
                top.odd = top.odd or top.separated
                top.code += codes
            if kind == "separate":
                top.separated = True
            elif kind == "end":
                done = stack.pop()
                if stack:  # the outer field answers for what is nested in it
                    name = _field_name("".join(done.code)) or "unnamed"
                    stack[-1].nested += [name, *done.nested]
                else:
                    self._decide(done)
        if stack:  # a field never ended: Word would read the rest as its code
            outer = stack[0]
            outer.odd = True
            self._decide(outer)

    def _decide(self, f: _Field) -> None:
        code = "".join(f.code)
        why = _field_refused(code, f.nested)
        if f.odd and not why:
            why = "a field with broken code"
        if why:
            for run in f.runs:
                _remove(run)
            self.removed[why] += 1

    # -- pictures, objects and links ----------------------------------------
    def _drop_objects(self, root: etree._Element) -> None:
        for tag in (w("object"), w("altChunk"), f"{{{OFFICE}}}OLEObject"):
            for el in list(root.iter(tag)):
                _remove(el)
                self.removed["embedded objects"] += 1

    def _drop_references(self, root: etree._Element, kept_ids: set[str]) -> None:
        """Anything that names a relationship not kept, or an outside file directly."""
        dangling = []
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            namespace = etree.QName(el).namespace
            ids = set()
            for key, value in list(el.attrib.items()):
                attr = etree.QName(key)
                if attr.namespace == R:
                    ids.add(value)
                    continue
                vml_link = attr.localname.lower() in _VML_LINKS and (
                    attr.namespace in (VML, OFFICE)
                    or (attr.namespace is None and namespace in (VML, OFFICE))
                )
                outside = _OUTSIDE.match(value) and not (
                    attr.localname == "uri" or _FORMAT_NAME.match(value)
                )
                if vml_link or outside:
                    del el.attrib[key]
                    self.removed["pictures and links to outside files"] += 1
            if not ids <= kept_ids:
                dangling.append(el)
        for el in dangling:
            if not _attached(el, root):
                continue  # inside something removed already
            if el.tag == w("hyperlink"):
                _unwrap(el)  # the text stays, the outside address goes
                continue
            holder = _ancestor(el, (w("drawing"), w("pict"), w("r")), root)
            _remove(holder if holder is not None else el)

    def _phrases(self) -> list[str]:
        out = []
        for words, n in sorted(self.removed.items()):
            if n:
                out.append(words if n == 1 else f"{words} ({n})")
        return out


def _parse(data: bytes) -> etree._Element:
    root = etree.fromstring(data, _PARSER)
    for entity in list(root.iter(etree.Entity)):  # undeclared once the DTD is gone
        _remove(entity)
    return root


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _split_field_run(run: etree._Element) -> None:
    """A run holding a field character or code beside other content, as one run each,
    so a field's runs can be removed without taking a neighbour's text with them."""
    content = [c for c in run if c.tag != w("rPr")]
    if len(content) < 2 or not any(
        c.tag in (w("fldChar"), w("instrText"), w("delInstrText")) for c in content
    ):
        return
    props = run.find(w("rPr"))
    parent = run.getparent()
    if parent is None:
        return
    index = parent.index(run)
    for child in content[1:]:
        piece = etree.Element(run.tag, dict(run.attrib))
        if props is not None:
            piece.append(etree.fromstring(etree.tostring(props)))
        piece.append(child)
        index += 1
        parent.insert(index, piece)


def _field_name(code: str) -> str:
    tokens = _FIELD_TOKEN.findall(code)
    return tokens[0].upper() if tokens else ""


def _field_refused(code: str, nested: list[str]) -> str:
    """Why a field goes, as a phrase for ``removed``; "" when it may stay."""
    tokens = _FIELD_TOKEN.findall(code)
    name = tokens[0].upper() if tokens else ""
    if name not in ALLOWED_FIELDS:
        return f"{name or 'unnamed'} fields"
    if nested:
        inner = ", ".join(sorted(set(nested)))
        return f"fields hidden inside a {name} field ({inner})"
    rest = tokens[1:]
    i = 0
    while i < len(rest):
        switch = rest[i]
        arg = rest[i + 1] if i + 1 < len(rest) else ""
        if (
            switch == "\\*"
            and arg.strip('"').upper() in _NUMBER_FORMATS
            or switch == "\\#"
            and arg
            and _NUMBER_PICTURE.match(arg)
        ):
            i += 2
        else:
            shown = rest[i] if len(rest[i]) <= 20 else rest[i][:17] + "..."
            return f"{name} fields whose code goes on with more ({shown})"
    return ""


def _external_words(kind: str, target: str) -> str:
    where = target if len(target) <= 60 else target[:57] + "..."
    if kind == "attachedTemplate":
        return f"a link to an outside template ({where})"
    if kind == "image":
        return f"a picture linked from outside ({where})"
    if kind == "hyperlink":
        return "links to outside addresses"
    return f"a link to an outside file ({where})"


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    for child in list(el):
        parent.insert(index, child)
        index += 1
    parent.remove(el)


def _attached(el: etree._Element, root: etree._Element) -> bool:
    """Still in the tree (not inside something removed already)."""
    node = el
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


def _ancestor(
    el: etree._Element, tags: tuple[str, ...], root: etree._Element
) -> etree._Element | None:
    node = el
    while node is not None and node is not root:
        if node.tag in tags:
            return node
        node = node.getparent()
    return None
