"""What goes over a page together, by the OOXML rules Word follows.

A paragraph keeps with the next when its own w:pPr says so or, failing that,
its style or a style it is based on does; the properties are resolved here the
way Word resolves them, so a test cannot pass on a property nobody inherits.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ceopdesk.core.domain import ContactBlock, Note
from ceopdesk.documents.docx_writer import default_template, write_docx
from tests.documents.doc_samples import make_release

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
OFF = {"0", "false", "off"}


class Resolved:
    """Effective paragraph properties: direct formatting, then the style chain."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as package:
            self.body = etree.fromstring(package.read("word/document.xml")).find("w:body", NS)
            styles = etree.fromstring(package.read("word/styles.xml"))
        self.styles = {s.get(f"{{{W}}}styleId"): s for s in styles.iterfind("w:style", NS)}
        self.default = styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)

    def style_id(self, p: etree._Element) -> str | None:
        found = p.find("w:pPr/w:pStyle", NS)
        return None if found is None else found.get(f"{{{W}}}val")

    def on(self, p: etree._Element, prop: str) -> bool:
        chain = [p.find("w:pPr", NS)]
        sid = self.style_id(p)
        while sid in self.styles:
            style = self.styles[sid]
            chain.append(style.find("w:pPr", NS))
            based = style.find("w:basedOn", NS)
            sid = None if based is None else based.get(f"{{{W}}}val")
        chain.append(self.default)
        for p_pr in chain:
            found = None if p_pr is None else p_pr.find(f"w:{prop}", NS)
            if found is not None:
                return found.get(f"{{{W}}}val", "true") not in OFF
        return False


def contact_lines(doc: Resolved) -> list[etree._Element]:
    children = list(doc.body)
    lines = [c for c in children if c.tag == f"{{{W}}}p" and doc.style_id(c) == "ContactBlock"]
    first = children.index(lines[0])
    # One unbroken run of paragraphs: no table, empty spacing paragraph or
    # section break between them to break the chain.
    assert children[first : first + len(lines)] == lines
    assert all("".join(p.itertext()).strip() for p in lines)
    assert all(p.find("w:pPr/w:sectPr", NS) is None for p in lines)
    return lines


@pytest.mark.parametrize("status", ["draft", "approved"])
def test_the_contact_block_goes_over_a_page_whole_and_alone(tmp_path, settings, status):
    release = make_release(status=status)
    doc = Resolved(write_docx(release, settings, tmp_path / "r.docx", 1))
    lines = contact_lines(doc)
    assert len(lines) == 5
    assert [doc.on(p, "keepNext") for p in lines] == [True] * 4 + [False]
    assert all(doc.on(p, "keepLines") for p in lines)


def test_a_one_line_contact_block_keeps_with_nothing(tmp_path, settings):
    release = make_release(contact=ContactBlock(name="CEOP Press Office"))
    doc = Resolved(write_docx(release, settings, tmp_path / "r.docx", 1))
    (line,) = contact_lines(doc)
    assert not doc.on(line, "keepNext") and doc.on(line, "keepLines")


def test_an_organisation_template_without_keeps_still_keeps_the_block(tmp_path, settings, release):
    """The keeps are on the paragraphs, not only in the house template's style."""
    plain = tmp_path / "plain.docx"
    with zipfile.ZipFile(default_template()) as package, zipfile.ZipFile(plain, "w") as out:
        for item in package.infolist():
            data = package.read(item.filename)
            if item.filename == "word/styles.xml":
                data = data.replace(b"<w:keepNext/>", b"").replace(b"<w:keepLines/>", b"")
            out.writestr(item, data)
    settings.template_path = str(plain)
    doc = Resolved(write_docx(release, settings, tmp_path / "org.docx", 1))
    lines = contact_lines(doc)
    assert [doc.on(p, "keepNext") for p in lines] == [True] * 4 + [False]
    assert all(doc.on(p, "keepLines") for p in lines)


def note_table_release():
    table = "| Level | What it covers |\n|---|---|\n" + "".join(
        f"| {n} | Images of level {n}, described at the length the guidelines use |\n"
        for n in range(1, 4)
    )
    return make_release(
        notes=[Note("Levels", f"The levels:\n\n{table}\nThe level informs the sentence.")]
    )


def test_a_table_row_never_splits_and_its_columns_fit_their_text(tmp_path, settings):
    path = write_docx(note_table_release(), settings, tmp_path / "r.docx", 1)
    doc = Resolved(path)
    table = doc.body.find("w:tbl", NS)
    rows = table.findall("w:tr", NS)
    assert len(rows) == 4
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    level, covers = (int(c.get(f"{{{W}}}w")) for c in table.iterfind("w:tblGrid/w:gridCol", NS))
    assert level < covers / 3  # the level numbers need a sliver, the descriptions the room
    assert 8900 < level + covers < 9100  # the text width of the A4 page, in twips


def test_text_after_a_table_has_space_above_it(tmp_path, settings):
    doc = Resolved(write_docx(note_table_release(), settings, tmp_path / "r.docx", 1))
    after = doc.body.find("w:tbl", NS).getnext()
    assert "".join(after.itertext()) == "The level informs the sentence."
    assert int(after.find("w:pPr/w:spacing", NS).get(f"{{{W}}}before")) > 0


def test_every_paragraph_has_widow_and_orphan_control(tmp_path, settings, release):
    doc = Resolved(write_docx(release, settings, tmp_path / "r.docx", 1))
    paragraphs = list(doc.body.iterfind(".//w:p", NS))
    assert paragraphs and all(doc.on(p, "widowControl") for p in paragraphs)
