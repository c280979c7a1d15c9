"""The Word file: read back with python-docx, zipfile and lxml."""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from ceopdesk.core import atomic
from ceopdesk.core.domain import Note, Settings, TextSection
from ceopdesk.core.errors import UserError
from ceopdesk.documents import docx_writer
from ceopdesk.documents.docx_writer import check_template, default_template, write_docx
from tests.documents.doc_samples import body_styles, compress, make_release, zip_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


@pytest.fixture
def written(tmp_path, release, settings) -> Path:
    return write_docx(release, settings, tmp_path / "release.docx", 3)


def xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def test_parts_are_in_order_and_use_the_named_styles(written):
    order = compress(body_styles(written))
    expected_start = [
        "Release Type Line",
        "Embargo",
        "Headline",
        "Subheadline",
        "Standfirst",
        "Body Text",
        "List Bullet",
        "Body Text",
        "List Number",
        "Body Text",
        "Quote Attribution",
        "Quote",
    ]
    assert order[: len(expected_start)] == expected_start
    assert order.index("Ends") < order.index("Notes Heading") < order.index("Note Title")
    assert "<table>" in order and "Note Subheading" in order
    # a draft's last page is the figures sheet (documents/figures.py)
    assert order[-4:] == ["Contact Block", "Notes Heading", "Note Text", "<table>"]


def test_only_bold_italic_and_link_style_as_run_formatting(written):
    document = xml(written, "word/document.xml")
    # bCs/iCs/rtl: a right-to-left run's own bold, italic and direction.
    allowed = {f"{{{W}}}{t}" for t in ("b", "i", "rStyle", "bCs", "iCs", "rtl")}
    for r_pr in document.iter(f"{{{W}}}rPr"):
        if r_pr.getparent().tag == f"{{{W}}}r":
            assert {child.tag for child in r_pr} <= allowed
    assert not document.findall(".//w:pPr/w:ind", NS) and not document.findall(".//w:pPr/w:jc", NS)


def test_list_paragraphs_are_real_word_lists_and_numbering_restarts(written):
    document = xml(written, "word/document.xml")
    numbering = xml(written, "word/numbering.xml")
    styles = {s.style_id: s.name for s in docx.Document(str(written)).styles}
    items = []
    for p in document.iterfind(".//w:body/w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        name = styles.get(style.get(f"{{{W}}}val")) if style is not None else None
        if name in ("List Bullet", "List Number", "Note List Bullet", "Note List Number"):
            num_id = p.find("w:pPr/w:numPr/w:numId", NS)
            ilvl = p.find("w:pPr/w:numPr/w:ilvl", NS)
            assert num_id is not None and ilvl is not None, "list paragraph without numPr"
            items.append((name, num_id.get(f"{{{W}}}val"), ilvl.get(f"{{{W}}}val")))
    bullets = {n for name, n, _ in items if name.endswith("List Bullet")}
    assert len(bullets) == 1  # bullets share one definition
    assert ("List Bullet", next(iter(bullets)), "1") in items  # the nested bullet
    numbered = [n for name, n, _ in items if name.endswith("List Number")]
    # Lists in notes are at the note's size, through their own styles.
    assert {name for name, *_ in items} == {"List Bullet", "List Number", "Note List Number"}
    separate = list(dict.fromkeys(numbered))
    assert len(separate) == 4  # four numbered lists in the sample, each its own w:num
    abstract = set()
    for num_id in separate:
        num = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
        start = num.find("w:lvlOverride/w:startOverride", NS)
        assert start is not None and start.get(f"{{{W}}}val") == "1"
        abstract.add(num.find("w:abstractNumId", NS).get(f"{{{W}}}val"))
    assert len(abstract) == 1
    levels = numbering.findall(f"w:abstractNum[@w:abstractNumId='{abstract.pop()}']/w:lvl", NS)
    formats = [lvl.find("w:numFmt", NS).get(f"{{{W}}}val") for lvl in levels]
    assert len(formats) == 9 and formats[:2] == ["decimal"] * 2


def test_hyperlinks_are_external_relationships(written):
    document = xml(written, "word/document.xml")
    rels = xml(written, "word/_rels/document.xml.rels")
    targets = {
        rel.get("Id"): (rel.get("Target"), rel.get("TargetMode"))
        for rel in rels
        if rel.get("Type").endswith("/hyperlink")
    }
    links = document.findall(".//w:hyperlink", NS)
    used = {targets[link.get(f"{{{NS['r']}}}id")] for link in links}
    assert ("https://www.ceop.police.uk/review", "External") in used
    assert ("https://www.thinkuknow.co.uk", "External") in used
    assert ("mailto:press@ceop.police.uk", "External") in used
    texts = {"".join(link.itertext()) for link in links}
    assert "CEOP website" in texts
    style_ids = {link.find("w:r/w:rPr/w:rStyle", NS).get(f"{{{W}}}val") for link in links}
    names = {s.style_id: s.name for s in docx.Document(str(written)).styles}
    assert {names[i] for i in style_ids} == {"Hyperlink"}


@pytest.mark.parametrize("status", ["draft", "in_review"])
def test_draft_and_in_review_carry_the_draft_marking(tmp_path, settings, status):
    path = write_docx(make_release(status=status), settings, tmp_path / "r.docx", 7)
    header = docx.Document(str(path)).sections[0].header
    lines = [(p.style.name, p.text) for p in header.paragraphs]
    assert ("Draft Marking", "DRAFT — NOT FOR PUBLICATION — version 7") in lines


@pytest.mark.parametrize("status", ["approved", "issued"])
def test_approved_and_later_have_no_draft_marking(tmp_path, settings, status):
    path = write_docx(make_release(status=status), settings, tmp_path / "r.docx", 7)
    header = docx.Document(str(path)).sections[0].header
    assert all("DRAFT" not in p.text for p in header.paragraphs)
    assert all(p.style.name != "Draft Marking" for p in header.paragraphs)


def test_header_names_the_organisation_and_footer_has_reference_and_page_fields(written):
    section = docx.Document(str(written)).sections[0]
    assert section.header.paragraphs[0].text == (
        "Child Exploitation and Online Protection Centre\tCEOP Press Office"
    )
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("CEOP-2012-031\tPage ")
    texts = zip_text(written, "word/")
    footer_xml = next(v for k, v in texts.items() if k.startswith("word/footer"))
    instructions = [i.strip() for i in re.findall(r"<w:instrText[^>]*>([^<]*)<", footer_xml)]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert not any(
        "{" in v for k, v in texts.items() if k.startswith(("word/header", "word/footer"))
    )


def test_page_is_a4_with_25mm_margins(written):
    section = docx.Document(str(written)).sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert round(section.left_margin.cm, 1) == 2.5 == round(section.right_margin.cm, 1)


def test_core_properties_are_set_on_purpose(written):
    props = docx.Document(str(written)).core_properties
    assert props.title == "Record number of children safeguarded by CEOP"
    assert props.author == props.last_modified_by == "CEOP Press Office"
    assert props.keywords == ""  # the tags are the press office's own, not the reader's
    assert (props.subject, props.comments, props.category) == ("", "", "")
    assert props.revision == 1
    now = datetime.now(UTC).replace(tzinfo=None)
    for moment in (props.created, props.modified):
        assert abs(moment.replace(tzinfo=None) - now) < timedelta(minutes=2)


def test_nothing_left_over_from_python_docx_or_the_template(written):
    with zipfile.ZipFile(written) as package:
        names = package.namelist()
        everything = b"".join(package.read(n) for n in names)
    assert not any(n.startswith("customXml") for n in names)
    assert not any("thumbnail" in n for n in names)
    assert b"python-docx" not in everything
    assert b"<Application>ceopdesk</Application>" in zip_text(written)["docProps/app.xml"].encode()
    assert b"specimen" not in everything  # the template's sample body is gone


def test_python_docx_default_template_leftovers_are_stripped(tmp_path, release):
    """A template made from python-docx's default still gives a clean release."""
    base = docx.Document()
    styles = base.styles
    for name in docx_writer.PARAGRAPH_STYLES:
        if name not in [s.name for s in styles]:
            styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if "Hyperlink" not in [s.name for s in styles]:
        styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    template = tmp_path / "org.docx"
    base.save(str(template))
    with zipfile.ZipFile(template) as package:
        assert "docProps/thumbnail.jpeg" in package.namelist()  # the premise
    path = write_docx(release, Settings(template_path=str(template)), tmp_path / "r.docx", 1)
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        props = b"".join(package.read(n) for n in names if n.startswith("docProps/"))
    assert not any(n.startswith("customXml") or "thumbnail" in n for n in names)
    assert b"python-docx" not in props
    assert b"Microsoft Macintosh Word" not in props
    assert "List Number" in body_styles(path)
    # No header in that template: one is made for the draft marking.
    header = docx.Document(str(path)).sections[0].header
    assert [p.text for p in header.paragraphs][-1] == "DRAFT — NOT FOR PUBLICATION — version 1"


def test_text_xml_cannot_hold_is_removed_not_crashed_on(tmp_path, settings):
    release = make_release(
        headline="Bad\x00 head\x1fline\ud800",
        sections=[TextSection("Para \x0b with \ufffe junk \udfff.\n\n- item\x07")],
        notes=[Note("Title\x01", "Text\x02")],
        tags=["tag\x03"],
    )
    path = write_docx(release, settings, tmp_path / "r.docx", 1)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert "Bad headline" in texts
    # The vertical tab is Word's line break pasted as text: a line break, not glue.
    assert "Para with  junk ." in texts and "item" in texts and "1. Title" in texts
    assert document.core_properties.title == "Bad headline"


def test_template_path_from_settings_is_used(tmp_path, release):
    template = tmp_path / "ours.docx"
    shutil.copy(default_template(), template)
    path = write_docx(release, Settings(template_path=str(template)), tmp_path / "r.docx", 1)
    assert body_styles(path)[0] == "Release Type Line"


def test_missing_styles_are_named(tmp_path, release):
    template = tmp_path / "thin.docx"
    with zipfile.ZipFile(default_template()) as src, zipfile.ZipFile(template, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/styles.xml":
                data = data.replace(b'w:val="Standfirst"', b'w:val="Intro"')
                data = data.replace(b'w:val="Ends"', b'w:val="The End"')
            dst.writestr(item, data)
    assert check_template(template) == ["Standfirst", "Ends"]
    with pytest.raises(UserError) as error:
        write_docx(release, Settings(template_path=str(template)), tmp_path / "r.docx", 1)
    assert (
        str(error.value) == f"The Word template {template} is missing the styles: Standfirst, Ends."
    )
    assert not (tmp_path / "r.docx").exists()


def test_shipped_template_has_every_style():
    assert check_template(default_template()) == []


def test_unreadable_template_is_a_plain_sentence(tmp_path, release):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"this is not a zip file")
    with pytest.raises(
        UserError, match=r"^The Word template .*bad\.docx is not a Word \.docx file"
    ):
        write_docx(release, Settings(template_path=str(bad)), tmp_path / "r.docx", 1)
    with pytest.raises(UserError, match="does not exist"):
        check_template(tmp_path / "nowhere.docx")


def test_missing_folder(tmp_path, release, settings):
    target = tmp_path / "no" / "such" / "r.docx"
    with pytest.raises(UserError) as error:
        write_docx(release, settings, target, 1)
    assert str(error.value) == f"The folder {target.parent} does not exist."


def test_failed_save_leaves_the_previous_file_and_no_temp(tmp_path, release, settings, monkeypatch):
    target = tmp_path / "r.docx"
    target.write_bytes(b"previous version")

    def broken_save(self, stream):
        stream.write(b"half a fi")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    with pytest.raises(RuntimeError):
        write_docx(release, settings, target, 1)
    assert target.read_bytes() == b"previous version"
    assert os.listdir(tmp_path) == ["r.docx"]


def test_disk_errors_become_user_errors(tmp_path, release, settings, monkeypatch):
    target = tmp_path / "r.docx"
    target.write_bytes(b"previous version")

    def full_disk(self, stream):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", full_disk)
    with pytest.raises(UserError, match="could not be written: No space left on device"):
        write_docx(release, settings, target, 1)
    assert target.read_bytes() == b"previous version"
    assert os.listdir(tmp_path) == ["r.docx"]


def test_no_permission_for_the_folder(tmp_path, release, settings, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(UserError) as error:
        write_docx(release, settings, tmp_path / "r.docx", 1)
    assert str(error.value) == f"You do not have permission to write to the folder {tmp_path}."


def test_file_open_elsewhere_cannot_be_replaced(tmp_path, release, settings, monkeypatch):
    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(UserError, match="close it if another program has it open"):
        write_docx(release, settings, tmp_path / "r.docx", 1)
    assert os.listdir(tmp_path) == []


def test_rewriting_replaces_the_file(tmp_path, release, settings):
    target = tmp_path / "r.docx"
    write_docx(release, settings, target, 1)
    release.headline = "Second headline"
    write_docx(release, settings, target, 2)
    assert docx.Document(str(target)).core_properties.title == "Second headline"
    assert os.listdir(tmp_path) == ["r.docx"]


def test_very_long_headline_and_tags_fit_the_properties(tmp_path, settings):
    release = make_release(headline="Long " * 80, tags=[f"tag {i}" for i in range(80)])
    path = write_docx(release, settings, tmp_path / "r.docx", 1)
    props = docx.Document(str(path)).core_properties
    assert len(props.title) <= 255 and props.title.endswith("Long…")
    assert props.keywords == ""


def test_exported_file_is_readable_like_any_new_file(tmp_path, release, settings):
    target = tmp_path / "r.docx"
    write_docx(release, settings, target, 1)
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_ends_goes_over_a_page_with_the_text_before_it(written):
    paragraphs = docx.Document(str(written)).paragraphs
    ends = next(i for i, p in enumerate(paragraphs) if p.text == "ENDS")
    assert paragraphs[ends - 1].paragraph_format.keep_with_next is True
    assert all(not p.paragraph_format.keep_with_next for p in paragraphs[: ends - 1])


def test_right_to_left_paragraphs_and_runs_are_marked(tmp_path, settings):
    from ceopdesk.core.domain import QuoteSection

    release = make_release(sections=[QuoteSection("أحمد خان", "ضابط", "**نص** عربي.")], notes=[])
    document = xml(write_docx(release, settings, tmp_path / "r.docx", 1), "word/document.xml")
    quote = next(
        p for p in document.iterfind(".//w:body/w:p", NS) if "عربي" in "".join(p.itertext())
    )
    assert quote.find("w:pPr/w:bidi", NS) is not None
    runs = quote.findall("w:r", NS)
    assert all(r.find("w:rPr/w:rtl", NS) is not None for r in runs)
    assert runs[0].find("w:rPr/w:bCs", NS) is not None  # bold in the complex script too
    line = next(
        p for p in document.iterfind(".//w:body/w:p", NS) if "said:" in "".join(p.itertext())
    )
    assert line.find("w:pPr/w:bidi", NS) is None  # the attribution is an English sentence
    rtl = [
        "".join(r.itertext())
        for r in line.findall("w:r", NS)
        if r.find("w:rPr/w:rtl", NS) is not None
    ]
    assert rtl == ["\u2068أحمد خان\u2069", "\u2068ضابط\u2069"]
