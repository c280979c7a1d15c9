"""Tried as a new user would: paste a release body from a web page and from Word, make a bullet
list with the toolbar, bold a figure, add a link, export; the Word file has real paragraphs,
real lists, the bold figure and the link, and nothing else."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from lxml import etree
from PySide6.QtCore import QMimeData
from screens import save_screenshot
from ui_steps import new_release, wait_still
from ui_steps import saved as wait_saved

from ceopdesk.ui.editor import actions as actions_module

FIXTURES = Path(__file__).parents[1] / "fixtures" / "paste"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paste_html(field, name: str) -> None:  # type: ignore[no-untyped-def]
    data = QMimeData()
    data.setHtml((FIXTURES / name).read_text(encoding="utf-8"))
    field.insertFromMimeData(data)


def _select(field, text: str) -> None:  # type: ignore[no-untyped-def]
    cursor = field.document().find(text)
    assert not cursor.isNull(), text
    field.setTextCursor(cursor)


def test_paste_format_and_export_as_a_new_user(window, qtbot, tmp_path, monkeypatch) -> None:
    editor = new_release(window)
    form = editor.form
    form.headline.setText("Record number of children safeguarded by the Centre")
    form.sections.add_text_button.click()
    body = form.sections.text
    _paste_html(body, "web-article.html")
    assert body.last_message == "Pasted. One picture left out. One hidden piece of text left out."
    form.sections.add_text_button.click()
    _paste_html(form.sections.text, "word-clipboard.html")

    # A list made with the toolbar, a figure made bold, a link added.
    form.sections.add_text_button.click()
    own = form.sections.text
    qtbot.keyClicks(own, "Figures for the year: 1,204 children safeguarded")
    own.toolbar.bullets.trigger()
    _select(own, "1,204")
    own.toolbar.bold.trigger()
    own.moveCursor(own.textCursor().MoveOperation.End)
    own.insertPlainText(". More on the Thinkuknow site")
    monkeypatch.setattr(own, "ask_link", lambda _current: "https://www.thinkuknow.co.uk")
    _select(own, "Thinkuknow site")
    own.toolbar.link.trigger()
    assert own.markdown() == (
        "- Figures for the year: **1,204** children safeguarded. More on the "
        "[Thinkuknow site](https://www.thinkuknow.co.uk)"
    )
    wait_saved(editor)
    wait_still(qtbot, window)
    save_screenshot(window, "richtext-editor", tmp_path)

    target = tmp_path / "release.docx"
    monkeypatch.setattr(actions_module, "ask_export_path", lambda *_a: target)
    editor.export_word()
    assert window.ops.wait_idle(20_000)
    qtbot.waitUntil(target.exists, timeout=20_000)

    document = docx.Document(str(target))
    rows = [
        (p.style.name, p.text, p._p.find(f"{W}pPr/{W}numPr") is not None)
        for p in document.paragraphs
    ]
    by_text = {text: (style, is_list) for style, text, is_list in rows}
    assert by_text["online grooming on social networking sites;"] == ("List Bullet", True)
    assert by_text["including peer-to-peer networks;"] == ("List Bullet", True)
    assert by_text["protecting children from abuse;"] == ("List Number", True)
    assert by_text["Other key threat areas include:"] == ("Body Text", False)
    assert by_text[
        "2012. A year in which the Centre received a record number of reports. It safeguarded "
        "and protected 790 children, a rise of 85% on the year before."
    ] == ("Body Text", False)
    own_item = next(p for p in document.paragraphs if p.text.startswith("Figures for the year"))
    assert own_item.style.name == "List Bullet"
    assert [r.text for r in own_item.runs if r.bold] == ["1,204"]
    with zipfile.ZipFile(target) as package:
        xml = etree.fromstring(package.read("word/document.xml"))
        rels = package.read("word/_rels/document.xml.rels").decode()
    assert "https://www.thinkuknow.co.uk" in rels
    # Nothing else: no fonts, colours or sizes, no stray bullets or Word markers.
    for r_pr in xml.iter(f"{W}rPr"):
        if r_pr.getparent().tag == f"{W}r":
            assert {c.tag for c in r_pr} <= {f"{W}b", f"{W}i", f"{W}rStyle", f"{W}rtl"}
    text = "\n".join(p.text for p in document.paragraphs)
    for stray in ("•", "·", "mso", "Arial", "tracking", "**", "\\"):
        assert stray not in text, stray
    save_docx = Path(__import__("os").environ.get("CEOPDESK_SCREENSHOTS", tmp_path))
    save_docx.mkdir(parents=True, exist_ok=True)
    (save_docx / "richtext-export.docx").write_bytes(target.read_bytes())


def test_the_body_list_shows_words_not_markup(window) -> None:
    editor = new_release(window)
    editor.form.sections.add_text_button.click()
    editor.form.sections.text.set_markdown("2012\\. A year with **427** children")
    editor.form.sections.detail_edited()
    label = editor.form.sections.list.item(0).text()
    assert label == "1.  Text — 2012. A year with 427 children"
