"""An organisation's Word template, reduced on use to what the writer needs.

A template from elsewhere can carry things into every export that nobody meant
to send to journalists: a remote attached template (template injection), linked
images and INCLUDEPICTURE fields (web beacons), DDE fields, macros, tracked-change
authors, comments, document variables, a glossary of building blocks, custom XML.
The package is rebuilt from an allow-list of parts — styles, numbering, settings,
fonts, theme, headers and footers with their local images — and, inside those,
external relationships, fields other than PAGE/NUMPAGES, revisions, comments and
document variables are dropped. ``removed`` says, in words, what went.

Limits: the file at most 20 MB, no part over 50 MB unpacked, all parts 100 MB.
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ceopdesk.core.errors import UserError

MAX_FILE = 20 * 1024 * 1024
MAX_PART = 50 * 1024 * 1024
MAX_TOTAL = 100 * 1024 * 1024

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
ALLOWED_FIELDS = {"PAGE", "NUMPAGES"}

# Parts kept (after cleaning); every other part is dropped with its relationships.
_KEPT = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    "word/document.xml",
    "word/styles.xml",
    "word/stylesWithEffects.xml",
    "word/numbering.xml",
    "word/settings.xml",
    "word/fontTable.xml",
    "word/webSettings.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
)
_KEPT_PREFIXES = ("word/theme/", "word/header", "word/footer", "word/media/", "word/_rels/")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".emf", ".wmf", ".tif", ".tiff")
_STORY_PARTS = (
    "word/document.xml",
    "word/header",
    "word/footer",
    "word/footnotes.xml",
    "word/endnotes.xml",
)

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
            f"The Word template {path} is {stat.st_size // 1_048_576} MB; a template over "
            f"{MAX_FILE // 1_048_576} MB is refused. Use a template without large pictures."
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
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, EOFError) as exc:
        raise UserError(
            f"The Word template {path} is not a Word .docx file that can be read."
        ) from exc


class _Cleaner:
    def __init__(self, path: Path, package: zipfile.ZipFile) -> None:
        self.path = path
        self.package = package
        self.removed: Counter[str] = Counter()
        self.names = {i.filename for i in package.infolist()}
        self._dropped_ids: dict[str, set[str]] = {}  # part -> ids of relationships dropped
        self._check_sizes()

    def _check_sizes(self) -> None:
        total = 0
        for info in self.package.infolist():
            total += info.file_size
            if info.file_size > MAX_PART or total > MAX_TOTAL:
                raise UserError(
                    f"The Word template {self.path} unpacks to more than "
                    f"{MAX_TOTAL // 1_048_576} MB (part {info.filename}); it is refused."
                )

    def read(self, name: str) -> bytes:
        # The declared sizes were checked; a part that lies about its size is cut off here.
        with self.package.open(name) as fh:
            data = fh.read(MAX_PART + 1)
        if len(data) > MAX_PART:
            raise UserError(f"The Word template {self.path} has a part over the size limit.")
        return data

    def run(self) -> CleanTemplate:
        kept = {n for n in self.names if self._kept(n)}
        for name in sorted(self.names - kept):
            self._note_dropped_part(name)
        rels = {n: self._clean_rels(n, self.read(n), kept) for n in kept if n.endswith(".rels")}
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for name in sorted(kept):
                data = rels[name] if name in rels else self.read(name)
                if name == "[Content_Types].xml":
                    data = self._clean_types(data, kept)
                elif name == "word/settings.xml":
                    data = self._clean_settings(data)
                elif name.startswith(_STORY_PARTS) and name.endswith(".xml"):
                    data = self._clean_story(name, data)
                target.writestr(name, data)
        return CleanTemplate(out.getvalue(), tuple(self._phrases()))

    # -- parts -------------------------------------------------------------
    def _kept(self, name: str) -> bool:
        if name in _KEPT:
            return True
        if name.startswith("word/media/"):
            return name.lower().endswith(_IMAGE_SUFFIXES)
        if name.startswith("word/_rels/"):
            return self._kept("word/" + posixpath.basename(name)[: -len(".rels")])
        return name.startswith(_KEPT_PREFIXES) and name.endswith(".xml")

    def _note_dropped_part(self, name: str) -> None:
        lower = name.lower()
        for needle, words in _DROPPED_PART_WORDS:
            if needle in lower:
                self.removed[words] += 1
                return
        self.removed["other parts the Word export does not need"] += 1

    def _clean_rels(self, name: str, data: bytes, kept: set[str]) -> bytes:
        root = etree.fromstring(data)
        source_dir = posixpath.dirname(posixpath.dirname(name))  # word/_rels/x.rels -> word
        dropped: set[str] = set()
        for rel in list(root):
            target = rel.get("Target", "")
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if rel.get("TargetMode") == "External":
                self.removed[_external_words(kind, target)] += 1
            else:
                resolved = posixpath.normpath(
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.join(source_dir, target)
                )
                if resolved in kept:
                    continue
            dropped.add(rel.get("Id", ""))
            root.remove(rel)
        owner = posixpath.join(source_dir, posixpath.basename(name)[: -len(".rels")])
        self._dropped_ids[owner] = dropped
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _clean_types(self, data: bytes, kept: set[str]) -> bytes:
        root = etree.fromstring(data)
        for override in list(root.iter(f"{{{CT}}}Override")):
            part = override.get("PartName", "").lstrip("/")
            if part not in kept:
                root.remove(override)
            elif part == "word/document.xml":
                override.set("ContentType", DOCX_MAIN)  # a macro-enabled or .dotx main part
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _clean_settings(self, data: bytes) -> bytes:
        root = etree.fromstring(data)
        for tag, words in (
            ("attachedTemplate", None),
            ("docVars", "document variables"),
            ("mailMerge", "a mail-merge data source"),
            ("trackRevisions", None),
            ("rsids", None),
        ):
            for el in list(root.iter(w(tag))):
                el.getparent().remove(el)
                if words:
                    self.removed[words] += 1
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    # -- text ----------------------------------------------------------------
    def _clean_story(self, name: str, data: bytes) -> bytes:
        root = etree.fromstring(data)
        rels = self._dropped_ids.get(name, set())
        self._drop_revisions(root)
        self._drop_comments(root)
        self._drop_fields(root)
        self._drop_dangling(root, rels)
        for tag in ("customXml", "smartTag"):
            for el in list(root.iter(w(tag))):
                _unwrap(el)
                self.removed["custom XML"] += tag == "customXml"
        for el in list(root.iter(w("dataBinding"))):
            el.getparent().remove(el)
            self.removed["custom XML"] += 1
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _drop_revisions(self, root: etree._Element) -> None:
        for tag in ("del", "moveFrom"):
            for el in list(root.iter(w(tag))):
                el.getparent().remove(el)
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
                el.getparent().remove(el)
                self.removed["tracked changes"] += 1

    def _drop_comments(self, root: etree._Element) -> None:
        for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
            for el in list(root.iter(w(tag))):
                el.getparent().remove(el)
                self.removed["comments"] += tag == "commentReference"

    def _drop_fields(self, root: etree._Element) -> None:
        for simple in list(root.iter(w("fldSimple"))):
            code = _field_name(simple.get(w("instr"), ""))
            if code not in ALLOWED_FIELDS:
                simple.getparent().remove(simple)
                self.removed[f"{code or 'unnamed'} fields"] += 1
        # Complex fields: begin, instrText, separate, the shown result, end, each in a run;
        # a nested field goes with its outer one.
        depth = 0
        runs: list[etree._Element] = []
        instr: list[str] = []
        for run in list(root.iter(w("r"))):
            char = run.find(w("fldChar"))
            kind = char.get(w("fldCharType")) if char is not None else None
            if kind == "begin":
                depth += 1
                if depth == 1:
                    runs, instr = [], []
            if depth == 0:
                continue
            runs.append(run)
            if depth == 1:
                instr += [t.text or "" for t in run.iter(w("instrText"))]
            if kind == "end":
                depth -= 1
                if depth == 0:
                    code = _field_name("".join(instr))
                    if code not in ALLOWED_FIELDS:
                        for r in runs:
                            if r.getparent() is not None:
                                r.getparent().remove(r)
                        self.removed[f"{code or 'unnamed'} fields"] += 1

    def _drop_dangling(self, root: etree._Element, dropped: set[str]) -> None:
        """Pictures, objects and links whose relationship was dropped (external or foreign)."""
        for tag in ("object", "altChunk"):
            for el in list(root.iter(w(tag))):
                el.getparent().remove(el)
                self.removed["embedded objects"] += 1
        if not dropped:
            return
        for el in list(root.iter()):
            if el.getparent() is None:
                continue
            ids = {v for k, v in el.attrib.items() if k.startswith(f"{{{R}}}")}
            if not ids & dropped:
                continue
            if el.tag == w("hyperlink"):
                _unwrap(el)  # the text stays, the outside address goes
                continue
            holder = _ancestor(el, (w("drawing"), w("pict"), w("r")))
            target = holder if holder is not None else el
            if target.getparent() is not None:
                target.getparent().remove(target)

    def _phrases(self) -> list[str]:
        out = []
        for words, n in sorted(self.removed.items()):
            if n:
                out.append(words if n == 1 else f"{words} ({n})")
        return out


def _field_name(instr: str) -> str:
    parts = instr.strip().split()
    return parts[0].upper() if parts else ""


def _external_words(kind: str, target: str) -> str:
    where = target if len(target) <= 60 else target[:57] + "..."
    if kind == "attachedTemplate":
        return f"a link to an outside template ({where})"
    if kind == "image":
        return f"a picture linked from outside ({where})"
    if kind == "hyperlink":
        return "links to outside addresses"
    return f"a link to an outside file ({where})"


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    for child in list(el):
        parent.insert(index, child)
        index += 1
    parent.remove(el)


def _ancestor(el: etree._Element, tags: tuple[str, ...]) -> etree._Element | None:
    node = el
    while node is not None:
        if node.tag in tags:
            return node
        node = node.getparent()
    return None
