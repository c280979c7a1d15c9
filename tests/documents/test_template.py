"""The shipped Word template and the script that builds it."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import docx
from lxml import etree

from ceopdesk.documents.blocks import CHARACTER_STYLES, OPTIONAL_STYLES, PARAGRAPH_STYLES
from ceopdesk.documents.docx_writer import default_template

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
BUILDER = Path(__file__).resolve().parents[2] / "resources" / "templates" / "build_template.py"


def load_builder():
    spec = importlib.util.spec_from_file_location("build_template", BUILDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_template_is_what_the_builder_makes(tmp_path):
    built = load_builder().build(tmp_path / "t.docx")
    assert built.read_bytes() == default_template().read_bytes(), (
        "release-template.docx is stale: run python resources/templates/build_template.py"
    )


def test_builder_and_writer_agree_on_style_names():
    names = set(PARAGRAPH_STYLES) | set(CHARACTER_STYLES) | set(OPTIONAL_STYLES)
    assert set(load_builder().STYLE_NAMES) == names


def test_template_is_clean():
    with zipfile.ZipFile(default_template()) as package:
        names = package.namelist()
        everything = b"".join(package.read(n) for n in names)
    assert not any(n.startswith("customXml") or "thumbnail" in n or "comments" in n for n in names)
    assert b"python-docx" not in everything


def test_template_lists_have_bullet_and_decimal_levels():
    with zipfile.ZipFile(default_template()) as package:
        numbering = etree.fromstring(package.read("word/numbering.xml"))
    formats = [
        [lvl.find("w:numFmt", NS).get(f"{{{NS['w']}}}val") for lvl in abstract.findall("w:lvl", NS)]
        for abstract in numbering.findall("w:abstractNum", NS)
    ]
    # All nine levels, so an item an approver demotes in Word keeps a house label.
    assert formats[0] == ["bullet"] * 9
    assert formats[1][:2] == ["decimal", "decimal"] and len(formats[1]) == 9
    document = docx.Document(str(default_template()))
    for name in ("List Bullet", "List Number"):
        assert document.styles[name].element.find("w:pPr/w:numPr/w:numId", NS) is not None


def test_template_page_header_and_footer():
    document = docx.Document(str(default_template()))
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert "{organisation}" in section.header.paragraphs[0].text
    assert section.footer.paragraphs[0].text.startswith("{reference}\tPage ")
    assert document.styles["Body Text"].font.size.pt == 11
    assert document.styles["Headline"].font.size.pt == 18
    assert (
        document.styles["Standfirst"].font.bold and document.styles["Standfirst"].font.size.pt == 12
    )
    assert document.styles["Hyperlink"].font.underline


def test_template_keeps_the_house_look_under_an_approvers_editing():
    document = docx.Document(str(default_template()))
    styles = document.styles
    # Enter at the end of a quoted paragraph stays in the quote.
    assert styles["Quote"].next_paragraph_style.name == "Quote"
    # Word's own Heading 1 (what an approver may apply) looks like the headline.
    assert styles["Heading 1"].font.size == styles["Headline"].font.size
    assert styles["Headline"].base_style.name == "Heading 1"
    # Lists in notes are at the note's size.
    assert styles["Note List Bullet"].font.size == styles["Note Text"].font.size
    with zipfile.ZipFile(default_template()) as package:
        theme = etree.fromstring(package.read("word/theme/theme1.xml"))
    a = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    faces = theme.xpath("//a:fontScheme/*/a:latin/@typeface", namespaces=a)
    assert faces == ["Arial", "Arial"]
